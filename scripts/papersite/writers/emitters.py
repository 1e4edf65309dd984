"""The site's output forms, in the order their pages are written: each emitter reads the build's input (the
corpus, its records, the variant's page context) and the pages written before it, and returns its own pages
(src_uri -> Markdown). A new output form is a writer module and one entry in EMITTERS."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..mentions import CorpusIndex
from ..siteconfig import SiteConfig
from . import pages
from .concept_pages import ConceptPages, concept_uri
from .context import PageContext
from .markdown import paper_markdown
from .teaching_pages import INSTRUCTOR_GUIDE, Guides, Instruction, Teacher, guide_uri, pack_uri

CONCEPT_INDEX = "concepts/index.md"


@dataclass(frozen=True)
class SiteInput:
    """What every emitter of one variant reads."""
    content: Path
    config: SiteConfig
    site_url: str | None
    papers: list
    index: CorpusIndex | None   # None: a corpus without concepts (no concept or teaching pages)
    ctx: PageContext

    def teacher(self) -> Teacher:
        return Teacher(self.ctx, self.index, self.config.chars_per_minute)

    def page_url(self, uri: str) -> str | None:
        """The public URL of one of this variant's pages, when the site's address (mkdocs.yml site_url) is known."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + self.ctx.variant.root + uri[:-len(".md")] + ".html"

    def guide_href(self, paper) -> str | None:
        """From a paper page to its reading guide (there are guides when there are concepts)."""
        return f"../{guide_uri(paper.slug)[:-3]}.html" if self.index else None


def guide_pages(s: SiteInput, written: dict) -> dict[str, str]:
    if not s.index:
        return {}
    guides = Guides(s.teacher())
    return {guide_uri(paper.slug): guides.page(paper) for paper in s.papers}


def teaching_pages(s: SiteInput, written: dict) -> dict[str, str]:
    """The instructor guide (when content/teaching has its prose) and a reading pack per sequence."""
    if not s.index:
        return {}
    instruction = Instruction(s.teacher(), s.config.sequences, s.content, s.site_url)
    out = {}
    guide = instruction.guide_page()
    if guide:
        out[INSTRUCTOR_GUIDE] = guide
    for seq in s.config.sequences:
        out[pack_uri(seq.id)] = instruction.pack_page(seq)
    return out


def concept_pages(s: SiteInput, written: dict) -> dict[str, str]:
    if not s.index:
        return {}
    writer = ConceptPages(s.ctx, s.index, s.config.categories, s.teacher())
    return {CONCEPT_INDEX: writer.index_page(), **{concept_uri(slug): writer.page(c) for slug, c in s.index.concepts.items()}}


def home_page(s: SiteInput, written: dict) -> dict[str, str]:
    """The home page, which names the concept index and the instructor guide when they were written."""
    concepts = CONCEPT_INDEX if CONCEPT_INDEX in written else None
    teaching = INSTRUCTOR_GUIDE if INSTRUCTOR_GUIDE in written else None
    if s.ctx.en:
        return {"index.md": pages.home_en(s.papers, concepts, teaching, s.config, s.ctx.variant)}
    return {"index.md": pages.home_zh(s.papers, s.ctx.variant, s.ctx.C, concepts, teaching, s.config)}


def about_page(s: SiteInput, written: dict) -> dict[str, str]:
    if s.ctx.en:
        return {"about.md": pages.about_page(s.papers, s.config, s.ctx.variant)}
    return {"about.md": pages.about_page(s.papers, s.config, s.ctx.variant, s.ctx.C)}


def paper_pages(s: SiteInput, written: dict) -> dict[str, str]:
    """Each paper's page: its text (the Chinese variants) or its English landing page."""
    out = {}
    if s.ctx.en:
        guides = Guides(s.teacher()) if s.index else None
        for paper in s.papers:
            uri = pages.paper_uri(paper.slug)
            out[uri] = pages.english_paper_page(paper, s.page_url(uri), s.guide_href(paper),
                                                guides.paper_outline(paper) if guides else None, s.ctx.variant)
        return out
    # A concept link's preview: its term and the editors' short definition (the link is raw HTML: the built path).
    targets = ({slug: (f"../{concept_uri(slug)[:-len('.md')]}.html", c.term, c.definition_zh)
                for slug, c in s.index.concepts.items()} if s.index else {})
    for paper in s.papers:
        uri = pages.paper_uri(paper.slug)
        out[uri] = paper_markdown(paper.document, paper.record, s.ctx.C, url=s.page_url(uri), variant=s.ctx.variant,
                                  concept_targets=targets, guide_href=s.guide_href(paper),
                                  retired=paper.addresses.retired_at() if paper.addresses else None)
    return out


# In the order the pages are written (the home page names what the emitters before it wrote).
EMITTERS = (guide_pages, teaching_pages, concept_pages, home_page, about_page, paper_pages)


def emit(s: SiteInput) -> dict[str, str]:
    """Every page of the variant, each emitter's after the ones before."""
    out: dict[str, str] = {}
    for emitter in EMITTERS:
        out.update(emitter(s, out))
    return out
