"""Concept mentions: marking them in the text (longest match) and the whole-corpus index built from them.

``link_concepts`` is a Document -> Document transform that splits body text into Text and
ConceptRef nodes. Matching is leftmost-longest over every term and alias, so 生产力 inside 新质生产力
is a mention of 新质生产力 only, and no character belongs to two mentions. The index (counts,
keyword-in-context lines, co-occurrence, quotations) is read off those nodes, so what a concept page
says is exactly what the published paragraphs contain.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .concepts import Concept, Quote
from .errors import PaperError
from .model import ConceptRef, Document, Paragraph, Text, plain_text
from .teaching import ParaRef, paragraph_text

KWIC_WIDTH = 18  # characters of context on each side of a concordance line


class Matcher:
    """Leftmost-longest matching of every concept form (term or alias) in a string."""

    def __init__(self, concepts: tuple[Concept, ...]):
        self.owner = {form: c.slug for c in concepts for form in c.forms}
        forms = sorted(self.owner, key=lambda f: (-len(f), f))
        # Python's alternation takes the first alternative that matches at the leftmost position:
        # longest first makes it the longest match.
        self.pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def split(self, text: str) -> list:
        """``text`` as Text and ConceptRef nodes."""
        if not self.pattern:
            return [Text(text)]
        out, pos = [], 0
        for m in self.pattern.finditer(text):
            if m.start() > pos:
                out.append(Text(text[pos:m.start()]))
            out.append(ConceptRef(self.owner[m.group()], m.group()))
            pos = m.end()
        if pos < len(text):
            out.append(Text(text[pos:]))
        return out


def link_concepts(doc: Document, matcher: Matcher) -> Document:
    """Mark concept mentions in the body paragraphs (the text that has ¶ anchors)."""
    blocks = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            inlines = []
            for node in block.inlines:
                inlines.extend(matcher.split(node.text) if isinstance(node, Text) else [node])
            block = replace(block, inlines=tuple(inlines))
        blocks.append(block)
    return replace(doc, blocks=tuple(blocks))


@dataclass(frozen=True)
class Mention:
    """One occurrence of a concept: where it is and its keyword-in-context line."""
    concept: str
    paper: str
    paragraph: str
    ordinal: int        # 1-based position among the paragraph's mentions of this concept
    start: int          # character offsets of the mention in the paragraph's text
    end: int
    text: str


@dataclass(frozen=True)
class Neighbour:
    """A concept that shares paragraphs with another; ``dice`` = 2·shared / (paragraphs of A + of B)."""
    concept: str
    shared: int
    dice: float


@dataclass(frozen=True)
class CorpusIndex:
    """Everything the concept pages need, computed once for the whole corpus."""
    concepts: dict[str, Concept]
    papers: tuple[str, ...]
    mentions: dict[str, tuple[Mention, ...]]
    paragraphs: dict[str, frozenset]          # concept -> {(paper, paragraph id)}
    neighbours: dict[str, tuple[Neighbour, ...]]
    quotes: dict[str, tuple[Quote, ...]]
    texts: dict[tuple[str, str], str] = field(default_factory=dict)   # (paper, paragraph id) -> text
    # (paper, paragraph id) -> (its first printed page, the pages that begin in it): what a passage is cited by
    pages: dict[tuple[str, str], tuple] = field(default_factory=dict)

    def page_at(self, paper: str, paragraph: str, start: int) -> int | None:
        """The printed page the paragraph's text is on at character ``start`` (None where the source prints none)."""
        first, breaks = self.pages.get((paper, paragraph), (None, ()))
        if first is None:
            return None
        before = sum(1 for ch in self.texts[(paper, paragraph)][:start] if not ch.isspace())
        page = first
        for b in breaks:   # a page that begins after the first character of the passage is not its page
            if 0 < b.at <= before:
                page = b.page
        return page

    def body_chars(self, paper: str) -> int:
        """The length of a paper's body paragraphs, where mentions are counted (whitespace left out)."""
        # Every concept page asks for every paper's: counted once, in one pass over the texts.
        counts = self.__dict__.get("_body_chars")
        if counts is None:
            counts = {}
            for (p, _), t in self.texts.items():
                counts[p] = counts.get(p, 0) + len("".join(t.split()))
            object.__setattr__(self, "_body_chars", counts)
        return counts.get(paper, 0)

    def span(self, paper: str, paragraph: str, start: int, end: int, convert=lambda s: s) -> str:
        """Characters ``start:end`` of a paragraph, in the page's script.

        The whole paragraph is converted, then cut: OpenCC converts a word by its neighbours
        (机制作为 -> 機制作為, but 机制作 alone -> 機製作), so a cut-out fragment could read wrongly.
        """
        text = self.texts[(paper, paragraph)]
        converted = convert(text)
        if len(converted) != len(text):  # not one character for one: fall back to the piece
            return convert(text[start:end])
        return converted[start:end]

    def kwic(self, m: Mention, convert=lambda s: s, width: int = KWIC_WIDTH) -> tuple[str, str, str]:
        """Left context, keyword and right context of a mention, in the page's script."""
        return (self.span(m.paper, m.paragraph, max(0, m.start - width), m.start, convert),
                self.span(m.paper, m.paragraph, m.start, m.end, convert),
                self.span(m.paper, m.paragraph, m.end, m.end + width, convert))

    def count(self, slug: str, paper: str | None = None) -> int:
        """How often a concept is mentioned (in one paper, or in all)."""
        return sum(1 for m in self.mentions[slug] if paper is None or m.paper == paper)

    def papers_mentioning(self, slug: str) -> int:
        """In how many papers a concept is mentioned."""
        return len({m.paper for m in self.mentions[slug]})


def _mentions_in(paper: str, para: Paragraph) -> list[Mention]:
    text, seen, out = "", Counter(), []
    spans = []
    for node in para.inlines:
        piece = plain_text([node])
        if isinstance(node, ConceptRef):
            spans.append((node.concept, len(text), len(text) + len(piece)))
        text += piece
    for concept, start, end in spans:
        seen[concept] += 1
        out.append(Mention(concept, paper, para.id, seen[concept], start, end, text[start:end]))
    return out


def build_index(concepts: tuple[Concept, ...], documents: dict[str, Document]) -> CorpusIndex:
    """Counts, concordances, co-occurrence and checked quotations for every concept."""
    by_slug = {c.slug: c for c in concepts}
    mentions: dict[str, list[Mention]] = {c.slug: [] for c in concepts}
    where: dict[str, set] = {c.slug: set() for c in concepts}
    texts, pages = {}, {}
    for paper, doc in documents.items():
        for para in doc.paragraphs():
            texts[(paper, para.id)] = plain_text(para.inlines)
            if para.pages:
                pages[(paper, para.id)] = (para.pages[0], para.page_breaks)
            for m in _mentions_in(paper, para):
                mentions[m.concept].append(m)
                where[m.concept].add((paper, para.id))
    return CorpusIndex(by_slug, tuple(documents), {k: tuple(v) for k, v in mentions.items()},
                       {k: frozenset(v) for k, v in where.items()}, co_occurrence(where),
                       {c.slug: checked_quotes(c, documents) for c in concepts}, texts, pages)


def co_occurrence(where: dict[str, set], minimum: int = 2) -> dict[str, tuple[Neighbour, ...]]:
    """Concepts sharing at least ``minimum`` paragraphs, strongest (Dice) first."""
    out = {}
    for a, pa in where.items():
        found = []
        for b, pb in where.items():
            shared = len(pa & pb)
            if b != a and shared >= minimum:
                found.append(Neighbour(b, shared, round(2 * shared / (len(pa) + len(pb)), 3)))
        out[a] = tuple(sorted(found, key=lambda n: (-n.dice, -n.shared, n.concept)))
    return out


def checked_quotes(concept: Concept, documents: dict[str, Document]) -> tuple[Quote, ...]:
    """The concept file's quotations, each verified verbatim in its paragraph; else ones found automatically."""
    for q in concept.quotes:
        if q.text not in paragraph_text(documents, ParaRef(q.paper, q.paragraph, q.line), concept.path):
            raise PaperError(concept.path, f"quote: the text is not in {q.paper} {q.paragraph} as published "
                             f"(quotations are verbatim): {q.text[:40]}…", q.line)
        if not any(form in q.text for form in concept.forms):
            raise PaperError(concept.path, f"quote: the text does not mention {concept.term}", q.line)
    return concept.quotes or defining_sentences(concept, documents)


DEFINING = re.compile(r"(是指|指的是|就是|即|是以|是由|所谓|其本质|本质上|内涵|特征|特点|核心|关键在于|是.{0,30}的)")
SENTENCE = re.compile(r"[^。！？；]*[。！？；]")


def defining_sentences(concept: Concept, documents: dict[str, Document]) -> tuple[Quote, ...]:
    """For a concept file without quotations: per paper, the sentence that most looks like a definition."""
    found = []
    for paper, doc in documents.items():
        best = None
        for para in doc.paragraphs():
            for sentence in SENTENCE.findall(plain_text(para.inlines)):
                sentence = sentence.strip()
                start = min((sentence.find(f) for f in concept.forms if f in sentence), default=-1)
                if start < 0 or not 20 <= len(sentence) <= 200:
                    continue
                cue = DEFINING.search(sentence, start)
                score = (3 if start == 0 else 0) + (2 if cue else 0) - math.log(len(sentence))
                if best is None or score > best[0]:
                    best = (score, Quote(paper, para.id, sentence, 0))
        if best and best[0] > 0:
            found.append(best[1])
    return tuple(found)
