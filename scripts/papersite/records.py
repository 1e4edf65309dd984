"""What the pages say about the corpus, computed once per build before any page is written: the papers' short
names, each concept's teaching material (the editors' or one generated from its quotations) and its suggested
reading. Plain records; the writers (papersite.writers) only read them, in every variant.

Generated material and reading lists are the same in every variant (the writers choose the language): a
concept page, its reading pack and the instructor guide all read the one record.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .addresses import id_key
from .concepts import Concept
from .mentions import CorpusIndex
from .teaching import Bilingual, Evidence, ParaRef, Question, SelfCheck, Teaching

MIN_READING = 3          # paragraphs in a suggested reading, topped up from the densest mentions


def paper_label(record, english: bool) -> str:
    """A short name for a paper in charts and lists: its authors."""
    if english:
        names = [a.pinyin.split()[0] for a in record.authors]
        name = " & ".join(names) if len(names) <= 2 else f"{names[0]} et al."
    else:
        names = [a.display_zh for a in record.authors]
        name = "、".join(names) if len(names) <= 2 else f"{names[0]}等"
    return name


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
    objectives = (
        Bilingual(f"说明“{c.term}”的含义，并与编者释义相对照。", f"Explain what {c.english_term} means and check it against the editors' gloss."),
        Bilingual(f"找出各篇论文论述“{c.term}”的原文，比较其异同。", f"Find the passages where the papers discuss {c.english_term} and compare them."),
    )
    pairs = [(a, b) for i, a in enumerate(quotes) for b in quotes[i + 1:] if a.paper != b.paper][:3]
    discussion = []
    for a, b in pairs:
        na, nb = names[a.paper], names[b.paper]
        discussion.append(Question(
            Bilingual(f"比较{na.zh}与{nb.zh}对“{c.term}”的表述：二者的侧重点有何不同？",
                      f"Compare how {na.en} and {nb.en} describe {c.english_term}: what does each emphasise?"),
            (ParaRef(a.paper, a.paragraph), ParaRef(b.paper, b.paragraph))))
    checks = []
    for q in quotes[:3]:
        name = names[q.paper]
        checks.append(SelfCheck(
            Bilingual(f"{name.zh}一文如何表述“{c.term}”？", f"How does {name.en} put {c.english_term}?"),
            Bilingual("见下引原文。", "See the paper's own words below (in Chinese)."),
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
