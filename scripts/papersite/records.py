"""What the pages say about the corpus, computed once per build before any page is written: the papers' short
names, each concept's teaching material (the editors' or one generated from its quotations) and its suggested
reading. Plain records; the writers (papersite.writers) only read them, in every variant.

Generated material and reading lists are the same in every variant (the writers choose the language): a
concept page, its reading pack and the instructor guide all read the one record.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import variants
from .addresses import id_key
from .concepts import Concept
from .labels import Labels
from .mentions import CorpusIndex
from .teaching import Bilingual, Evidence, ParaRef, Question, SelfCheck, Teaching

MIN_READING = 3          # paragraphs in a suggested reading, topped up from the densest mentions


def paper_label(record, english: bool) -> str:
    """A short name for a paper in charts and lists: its authors (the catalogue's paper.short_name_*)."""
    label = Labels(variants.english_variant() if english else variants.as_printed())
    names = [a.pinyin.split()[0] if english else a.display_zh for a in record.authors]
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return label("paper.short_name_two", first=names[0], second=names[1])
    return label("paper.short_name_more", first=names[0])


@dataclass(frozen=True)
class PaperName:
    """A paper's short name (its authors) in Chinese (Simplified: a Chinese variant converts it) and in English."""
    zh: str
    en: str


@dataclass(frozen=True)
class Material:
    """A concept's teaching material and the paragraphs to read for it (paper order, each once)."""
    teaching: Teaching
    generated: bool            # generated from the quotations: the editors have written none
    reading: tuple[ParaRef, ...]
    chars: int                 # characters of the reading's paragraphs


@dataclass(frozen=True)
class CorpusRecords:
    names: dict[str, PaperName]        # paper slug -> short name
    material: dict[str, Material]      # concept slug -> its material


def chars(index: CorpusIndex, refs) -> int:
    """Characters of the paragraphs ``refs`` (each as often as listed)."""
    return sum(len(index.texts[(r.paper, r.paragraph)]) for r in refs)


def ref_order(index: CorpusIndex, refs) -> list[ParaRef]:
    """Paragraph references without repeats, in paper order and then paragraph order."""
    papers = {p: i for i, p in enumerate(index.papers)}
    unique = {(r.paper, r.paragraph): r for r in refs}
    return sorted(unique.values(), key=lambda r: (papers.get(r.paper, 99), id_key(r.paragraph)))


def reading(c: Concept, t: Teaching, index: CorpusIndex) -> list[ParaRef]:
    """The paragraphs to read: those the material cites and the quotations' ones, topped up from the
    paragraphs that mention the concept most."""
    refs = [*t.cited(), *(ParaRef(q.paper, q.paragraph) for q in index.quotes[c.slug])]
    if len({(r.paper, r.paragraph) for r in refs}) < MIN_READING:
        counts = Counter((m.paper, m.paragraph) for m in index.mentions[c.slug])
        for (paper, para), _ in counts.most_common():
            refs.append(ParaRef(paper, para))
            if len({(r.paper, r.paragraph) for r in refs}) >= MIN_READING:
                break
    return ref_order(index, refs)


def generated_teaching(c: Concept, index: CorpusIndex, names: dict[str, PaperName]) -> Teaching:
    """Material for a concept the editors have not written any for, built from its quotations only:
    every question points at a quotation's paragraph and every answer is the quotation itself."""
    quotes = list(index.quotes[c.slug])

    def text(key: str, **papers) -> Bilingual:
        """The catalogue's ``generated.<key>`` in Chinese (as printed: a Chinese variant converts it) and in
        English: the concept's term (its English one in English) and papers' short names filled in."""
        zh, en = (Labels(v)(f"generated.{key}", term=term, **{k: getattr(n, lang) for k, n in papers.items()})
                  for v, term, lang in ((variants.as_printed(), c.term, "zh"), (variants.english_variant(), c.english_term, "en")))
        return Bilingual(zh, en)

    objectives = (text("explain"), text("find"))
    pairs = [(a, b) for i, a in enumerate(quotes) for b in quotes[i + 1:] if a.paper != b.paper][:3]
    discussion = []
    for a, b in pairs:
        na, nb = names[a.paper], names[b.paper]
        discussion.append(Question(
            text("compare", first=na, second=nb),
            (ParaRef(a.paper, a.paragraph), ParaRef(b.paper, b.paragraph))))
    checks = []
    for q in quotes[:3]:
        name = names[q.paper]
        checks.append(SelfCheck(
            text("how", paper=name),
            text("answer"),
            Evidence(ParaRef(q.paper, q.paragraph), q.text)))
    return Teaching(objectives, (), tuple(discussion), tuple(checks))


def corpus_records(index: CorpusIndex | None, papers) -> CorpusRecords:
    """The records of a corpus (no material without a concept index)."""
    names = {p.slug: PaperName(paper_label(p.record, False), paper_label(p.record, True)) for p in papers}
    material = {}
    for slug, c in (index.concepts.items() if index else ()):
        teaching, generated = (c.teaching, False) if c.teaching else (generated_teaching(c, index, names), True)
        refs = tuple(reading(c, teaching, index))
        material[slug] = Material(teaching, generated, refs, chars(index, refs))
    return CorpusRecords(names, material)
