"""The whole-corpus pass: converted papers -> one variant's generated pages (src_uri -> Markdown)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .pipeline import Paper, convert_corpus
from .script import traditional_converter
from .siteconfig import SiteConfig, load_site_config
from .writers import pages
from .writers.markdown import paper_markdown

VARIANTS = ("zh-Hans", "zh-Hant", "en")


@dataclass(frozen=True)
class SiteBuild:
    """One variant's pages, plus what the search index needs."""
    variant: str
    pages: dict[str, str]
    search_terms: tuple[str, ...] = ()
    to_traditional: object = field(default=None, compare=False)


def paper_uri(paper: Paper) -> str:
    """Where a paper's page lives in every variant's docs tree."""
    return pages.paper_uri(paper.slug)


def page_url(site_url: str | None, variant: str, uri: str) -> str | None:
    """The public URL of a page, when the site's address (mkdocs.yml site_url) is known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + pages.VARIANT_ROOT[variant] + uri[:-len(".md")] + ".html"


def search_terms(papers: list[Paper]) -> tuple[str, ...]:
    """Terms jieba must keep whole: the papers' key words."""
    terms = {k for p in papers for k in (*p.record.keywords_zh, *p.document.meta.keywords)}
    return tuple(sorted(terms))


def build_site(content: Path, variant: str, site_url: str | None = None) -> SiteBuild:
    """Every generated page of one variant."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}")
    config: SiteConfig = load_site_config(content)
    papers = convert_corpus(content)
    to_traditional = traditional_converter(config.opencc, config.exceptions)
    out: dict[str, str] = {}
    if variant == "en":
        out["index.md"] = pages.home_en(papers)
        out["about.md"] = pages.about_page(papers, config, "en")
        for paper in papers:
            out[paper_uri(paper)] = pages.english_paper_page(paper, page_url(site_url, "en", paper_uri(paper)))
    else:
        convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
        out["index.md"] = pages.home_zh(papers, variant, convert)
        out["about.md"] = pages.about_page(papers, config, variant, convert)
        for paper in papers:
            url = page_url(site_url, variant, paper_uri(paper))
            out[paper_uri(paper)] = paper_markdown(paper.document, paper.record, convert, url=url, variant=variant)
    return SiteBuild(variant, out, search_terms(papers), to_traditional)


def build_pages(content: Path, variant: str = "zh-Hans") -> dict[str, str]:
    """Every generated page of one variant (src_uri -> Markdown)."""
    return build_site(content, variant).pages
