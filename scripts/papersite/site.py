"""The whole-corpus pass: converted papers -> one variant's generated pages (src_uri -> Markdown)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import variants
from .errors import PaperError
from .labels import Labels
from .concepts import Concept, check_renderings, load_concepts
from .corpuscache import cached
from .mentions import CorpusIndex, Matcher, build_index, link_concepts
from .pipeline import Paper, convert_corpus
from .references import Readdresser, Redirect
from .script import traditional_converter
from .search.names import site_names
from .teaching import check_guide, check_teaching
from .siteconfig import SiteConfig, load_site_config
from .records import corpus_records
from .writers import pages
from .writers.concept_pages import concept_order, concept_uri
from .writers.context import PageContext
from .writers.emitters import SiteInput, emit
from .writers.teaching_pages import INSTRUCTOR_GUIDE, pack_uri

VARIANTS = variants.CODES
SECTIONS = ("papers", "guides", "concepts", "teaching")


def section_titles() -> dict[str, dict[str, str]]:
    """The navigation's sections (folders of the generated pages), named in each variant's language
    (labels/<variant>.yml ``sections``): folder -> variant -> title."""
    return {folder: {v.code: Labels(v)(f"sections.{folder}") for v in variants.VARIANTS} for folder in SECTIONS}


def __getattr__(name: str):
    # SECTION_TITLES (the MkDocs plugin's on_nav, export): read from the catalogues when first asked for.
    if name == "SECTION_TITLES":
        return section_titles()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class SiteBuild:
    """One variant's pages, plus what the search index needs (the converter, the pages' names)."""
    variant: str
    pages: dict[str, str]
    to_traditional: object = field(default=None, compare=False)
    nav_order: dict[str, int] = field(default_factory=dict)
    names: tuple = ()   # papersite.search.Name: what a reader may type for each concept and paper page
    footer: str = ""
    # The concepts section of the navigation: (category title, its concept pages in nav order), in the
    # order of content/site.yml's categories.
    concept_groups: tuple = ()
    title: str = ""  # the site's title in the variant's language and script (content/site.yml site.title)


def paper_uri(paper: Paper) -> str:
    """Where a paper's page lives in every variant's docs tree."""
    return pages.paper_uri(paper.slug)


def site_root(site_url: str | None, variant: str) -> str | None:
    """The site root's address from a variant's ``site_url`` (the root's, or the root's + the variant's folder)."""
    if not site_url:
        return None
    url = site_url.rstrip("/") + "/"
    folder = variants.get(variant).root
    return url[:-len(folder)] if folder and url.endswith("/" + folder) else url


def english_text(paper: Paper) -> str:
    """What the source itself prints in English (title, abstract, key words), for checking renderings."""
    e = paper.document.meta.english
    return " ".join(filter(None, (e.title, e.abstract, "; ".join(e.keywords))))


def concept_corpus(content: Path, config: SiteConfig, papers: list[Paper],
                   redirects: list[Redirect] | None = None) -> tuple[list[Paper], CorpusIndex | None]:
    """The papers with concept mentions marked, and the whole-corpus concept index (None without concepts).

    Curated references to retired addresses are followed to their successors first (appended to
    ``redirects`` when given)."""
    documents = {p.slug: p.document for p in papers}
    readdress = Readdresser({p.slug: p.addresses.lock for p in papers if p.addresses}, documents)
    concepts = tuple(readdress.concept(c) for c in load_concepts(content, config.categories))
    papers = [replace(p, guide=readdress.guide(p.guide)) for p in papers]
    if redirects is not None:
        redirects += readdress.redirects
    check_renderings(concepts, {p.slug: english_text(p) for p in papers})
    for concept in concepts:
        check_teaching(concept.path, concept.teaching, documents)
    terms = {form: c.slug for c in concepts for form in c.forms}
    for paper in papers:
        check_guide(paper.guide, paper.slug, documents, terms)
    if not concepts:
        return papers, None
    matcher = Matcher(concepts)
    linked = [replace(p, document=link_concepts(p.document, matcher)) for p in papers]
    return linked, build_index(concepts, {p.slug: p.document for p in linked})


def build_site(content: Path, variant: str, site_url: str | None = None) -> SiteBuild:
    """Every generated page of one variant."""
    variant = variants.get(variant)
    config: SiteConfig = load_site_config(content)
    # Converted once for all variants (each builds in its own process): corpuscache.
    papers, index = cached(content, lambda: concept_corpus(content, config, convert_corpus(content)))
    # The pages convert the same texts many times (a paragraph once for each of its concept mentions'
    # contexts: CorpusIndex.span) and each OpenCC call has a fixed cost: each text is converted once per build.
    to_traditional = functools.lru_cache(maxsize=None)(traditional_converter(config.opencc, config.exceptions))
    convert = variant.converter(to_traditional)
    if index:
        check_sequences(config, index)
    # The corpus records (short names, teaching material, reading lists): computed once, read by every writer.
    ctx = PageContext(variant, papers, corpus_records(index, papers), convert, to_traditional)
    out = emit(SiteInput(content, config, site_url, papers, index, ctx))
    concepts = tuple(index.concepts.values()) if index else ()
    return SiteBuild(variant.code, out, to_traditional, nav_order(concepts, variant, config.sequences),
                     site_names(concepts, papers, to_traditional), footer_html(config, variant, convert),
                     concept_groups(concepts, config.categories, variant, convert), convert(config.title(variant)))


def concept_groups(concepts, categories, variant: str, convert) -> tuple:
    """The navigation's concept groups: one per category (content/site.yml order), named in the variant's
    language, with its concepts by pinyin or English term; a category without concepts is left out. The
    names are escaped HTML: Material prints a section's title as it is (as page titles: pages.front_matter)."""
    ordered = concept_order(concepts, variant)
    groups = []
    for cat in categories:
        members = tuple(concept_uri(c.slug) for c in ordered if c.category == cat.id)
        if members:
            groups.append((pages.html_text(cat.en if variants.get(variant).english else convert(cat.zh)), members))
    return tuple(groups)


def footer_html(config: SiteConfig, variant: str, convert) -> str:
    """The footer line every page carries (Material's copyright slot, which it prints as HTML): the rights
    statement of content/site.yml and where to report an error, escaped here."""
    en = variants.get(variant).english
    rights = config.rights_en if en else convert(config.rights_zh)
    label = Labels(variant, convert)("footer.report_error")
    # errata.url, when set, is the tracker itself; else the about page's errata section says how (the plugin
    # puts each page's way to the site root where FOOTER_ROOT stands).
    href = pages.html_text(config.errata_url) if config.errata_url else f"{FOOTER_ROOT}about.html#errata"
    link = f'<a href="{href}">{pages.html_text(label)}</a>'
    return (f"{pages.html_text(rights)} · " if rights else "") + link


FOOTER_ROOT = "__papersite_root__/"


def apply_markdown_labels(mdx_configs: dict, variant) -> None:
    """Set the toc and footnotes extensions' interface strings to the variant's (labels/<variant>.yml ``markdown``)."""
    labels = Labels(variant)
    mdx_configs.setdefault("toc", {})["permalink_title"] = labels("markdown.permalink_title")
    mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = labels("markdown.footnote_backlink")


def save_pages(build: SiteBuild, path: Path) -> None:
    """Keep a good build's pages (``mkdocs serve`` shows them while a later edit has an error)."""
    import pickle
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps((build.pages, build.nav_order, build.names, build.concept_groups)))
    tmp.replace(path)


def load_pages(path: Path, variant: str) -> SiteBuild:
    """The pages :func:`save_pages` kept, or none when no build has succeeded yet."""
    import pickle
    try:
        pages_, order, names, groups = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pages_, order, names, groups = {}, {}, (), ()
    return SiteBuild(variant, pages_, lambda s: s, order, names, concept_groups=groups)


def check_sequences(config: SiteConfig, index: CorpusIndex) -> None:
    """Every concept a sequence names must be in the concept list."""
    terms = {c.term for c in index.concepts.values()}
    for seq in config.sequences:
        for term, line in zip(seq.terms, seq.term_lines):
            if term not in terms:
                raise PaperError(config.path, f"teaching.sequences {seq.id}: {term!r} is not a term in content/concepts",
                                 line or seq.line or None)


def nav_order(concepts: tuple[Concept, ...], variant: str, sequences=()) -> dict[str, int]:
    """Order within sections: the concept index, then concepts by pinyin (zh) or English term (en); the
    instructor guide, then the reading packs in the order of content/site.yml."""
    ordered = concept_order(concepts, variant)
    return {"concepts/index.md": -1, **{concept_uri(c.slug): i for i, c in enumerate(ordered)},
            INSTRUCTOR_GUIDE: -1, **{pack_uri(s.id): i for i, s in enumerate(sequences)}}


def build_pages(content: Path, variant: str = "zh-Hans") -> dict[str, str]:
    """Every generated page of one variant (src_uri -> Markdown)."""
    return build_site(content, variant).pages
