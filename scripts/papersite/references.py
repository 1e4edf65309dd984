"""Curated references through the address locks: ``p-N`` / ``slug#p-N`` in concept files and guides that
name a retired address are followed to its successor, when that is unambiguous.

Unambiguous means one live successor, or, for a reference that quotes the paragraph (a quotation, a
self-check answer's evidence), exactly one successor that holds the quoted words. Anything else stops
the build at the reference's file:line with the candidates. Every followed reference is recorded, so
``papersite check`` and ``papersite lock`` can list them for the editors to update at leisure.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .addresses import Lock
from .concepts import Concept
from .errors import PaperError
from .model import Document, plain_text
from .teaching import Evidence, Guide, ParaRef, Question, Teaching


@dataclass(frozen=True)
class Redirect:
    """One curated reference that names a retired address, and the address it now resolves to."""
    path: str
    line: int
    old: str
    new: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.old} is retired ({self.reason}); it now resolves to {self.new}"


class Readdresser:
    """Resolves curated references against the papers' locks and documents (final addresses)."""

    def __init__(self, locks: dict[str, Lock], documents: dict[str, Document]):
        self.locks, self.documents = locks, documents
        self.redirects: list[Redirect] = []

    def _text(self, paper: str, paragraph: str) -> str:
        para = next((p for p in self.documents[paper].paragraphs() if p.id == paragraph), None)
        return plain_text(para.inlines) if para else ""

    def paragraph(self, paper: str, paragraph: str, path: str, line: int, quoted: str | None = None) -> str:
        """The live address a reference leads to (itself unless retired); an ambiguous one is an error."""
        lock = self.locks.get(paper)
        entry = lock.get(paragraph) if lock else None
        if entry is None or entry.live:
            return paragraph  # live, or unknown: the usual checks report unknown paragraphs
        ref = f"{paper}#{paragraph}"
        candidates = list(lock.resolve(paragraph))
        if not candidates:
            raise PaperError(path, f"{ref} is retired ({entry.status}) and has no successor: name the paragraph "
                             "now meant (see the paper's addresses.lock)", line or None)
        chosen = candidates
        if quoted is not None and len(candidates) > 1:
            chosen = [c for c in candidates if quoted in self._text(paper, c)]
        if len(chosen) != 1:
            which = "hold the quoted words" if quoted is not None and len(candidates) > 1 else "are its successors"
            raise PaperError(path, f"{ref} is retired ({entry.status}); {len(chosen) or 'none'} of "
                             f"{', '.join(candidates)} {which}: name one of them", line or None)
        new = chosen[0]
        if quoted is not None and quoted not in self._text(paper, new):
            raise PaperError(path, f"{ref} is retired ({entry.status}) and its successor {new} no longer holds the "
                             f"quoted words (they must be verbatim): {quoted[:40]}…", line or None)
        self.redirects.append(Redirect(path, line, ref, f"{paper}#{new}", entry.status))
        return new

    def ref(self, ref: ParaRef, path: str, quoted: str | None = None) -> ParaRef:
        """A ParaRef, followed to its live address."""
        new = self.paragraph(ref.paper, ref.paragraph, path, ref.line, quoted)
        return ref if new == ref.paragraph else replace(ref, paragraph=new)

    def _questions(self, questions: tuple[Question, ...], path: str) -> tuple[Question, ...]:
        return tuple(replace(q, cites=tuple(self.ref(r, path) for r in q.cites)) for q in questions)

    def teaching(self, teaching: Teaching | None, path: str) -> Teaching | None:
        """A concept's teaching block with every reference followed."""
        if teaching is None:
            return None
        checks = tuple(replace(s, evidence=Evidence(self.ref(s.evidence.ref, path, s.evidence.text), s.evidence.text))
                       for s in teaching.self_check)
        return replace(teaching, reading=tuple(self.ref(r, path) for r in teaching.reading),
                       discussion=self._questions(teaching.discussion, path), self_check=checks)

    def concept(self, concept: Concept) -> Concept:
        """A concept with its quotations' and teaching material's references followed."""
        quotes = tuple(replace(q, paragraph=self.paragraph(q.paper, q.paragraph, concept.path, q.line, q.text))
                       for q in concept.quotes)
        return replace(concept, quotes=quotes, teaching=self.teaching(concept.teaching, concept.path))

    def guide(self, guide: Guide | None) -> Guide | None:
        """A reading guide with its questions' references followed."""
        if guide is None:
            return None
        return replace(guide, questions=self._questions(guide.questions, guide.path))
