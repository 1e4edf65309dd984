"""What every page of one variant is written with: the variant record, its converters and interface strings,
and the corpus records (papersite.records) as this variant names them. The concept pages and the teaching
pages read one context; neither reaches into the other."""
from __future__ import annotations

from .. import variants
from ..concepts import Concept
from ..labels import Labels
from ..records import CorpusRecords
from .pages import cross_variant_href, paper_path


class PageContext:
    def __init__(self, variant, papers, records: CorpusRecords, convert=lambda s: s, to_traditional=lambda s: s):
        self.variant, self.C, self.T = variants.get(variant), convert, to_traditional
        self.en = self.variant.english
        self.label = Labels(self.variant, convert)   # the interface strings (papersite/labels/<variant>.yml)
        self.corpus = records
        self.records = {p.slug: p.record for p in papers}
        self.titles = {p.slug: p.record.title_en if self.en else convert(p.record.title_zh) for p in papers}

    def text(self, zh: str, en: str) -> str:
        """One of the content's bilingual values (a gloss, a category's name) in this variant."""
        return en if self.en else self.C(zh)

    def L(self, zh: str, en: str) -> str:
        """A label of the site's own text in this variant (one not yet in the catalogues)."""
        return self.text(zh, en)

    def name(self, concept: Concept) -> str:
        """A concept's name in this variant."""
        return concept.english_term if self.en else self.C(concept.term)

    def paper_short(self, paper: str) -> str:
        """A paper's short name (its authors) in this variant."""
        name = self.corpus.names[paper]
        return name.en if self.en else self.C(name.zh)

    def text_href(self, path: str) -> str:
        """From a page one folder below this variant's root to ``path`` among the papers' text pages: this
        variant's own, or (English pages) the text as printed."""
        if self.en:
            return cross_variant_href(self.variant, 1, variants.as_printed(), path)
        return f"../{path}"

    def para_href(self, paper: str, paragraph: str) -> str:
        """From a concept page to a paragraph (the zh-Hans text for English pages)."""
        return self.text_href(f"{paper_path(paper)}#{paragraph}")

    def zh_attr(self) -> str:
        """The lang attribute of the articles' Chinese text on this variant's pages (none on a Chinese page)."""
        return f' lang="{variants.as_printed().lang}"' if self.en else ""
