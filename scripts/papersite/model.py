"""The document model: the one contract between readers, transforms and writers.

Frozen dataclasses, no I/O. A paper is a ``Document``: metadata, body blocks, notes, references,
and a log of what the converter did (removed furniture, normalisations, warnings).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Union


# ---- inline nodes -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    """Plain article text."""
    text: str


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker in the body, pointing at ``Note.id``; ``label`` is the printed marker."""
    note_id: str
    label: str


@dataclass(frozen=True)
class Citation:
    """An inline citation marker such as ``[12]``; linked when the paper has a reference list."""
    number: int
    label: str


@dataclass(frozen=True)
class ConceptRef:
    """A mention of a concept (``concept`` is its slug); ``text`` is the article's own wording."""
    concept: str
    text: str


Inline = Union[Text, NoteRef, Citation, ConceptRef]


# ---- pages --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageStart:
    """A printed page of the source: the source line it begins at and the number printed on it (None:
    the page is seen, its number is not known)."""
    line: int
    number: int | None


@dataclass(frozen=True)
class PageBreak:
    """Where a printed page begins inside a block: after ``at`` characters of the block's text (whitespace
    and note markers not counted, so the offset survives the transforms and the scripts), page ``page``."""
    at: int
    page: int


# ---- blocks -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    """A section heading; ``level`` 2 is the top level under the page title."""
    id: str
    level: int
    number: str | None
    text: str
    line: int
    page_breaks: tuple[PageBreak, ...] = ()  # a page that begins with the heading (at 0)

    @property
    def label(self) -> str:
        """The heading as printed: its number, then its text."""
        if not self.number:
            return self.text
        sep = "" if self.number.endswith(("、", "）", ")", ".", "．")) else " "
        return f"{self.number}{sep}{self.text}"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with a stable anchor id (``p-12``) and the source lines it came from."""
    id: str
    inlines: tuple[Inline, ...]
    first_line: int
    last_line: int
    pages: tuple[int, ...] = ()  # the printed pages it is on (two or more: it crosses a page break)
    page_breaks: tuple[PageBreak, ...] = ()  # the pages that begin in it (at 0: with it)


@dataclass(frozen=True)
class Table:
    """A table rebuilt from flattened cells."""
    id: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source_note: str | None
    line: int
    last_line: int = 0
    page_breaks: tuple[PageBreak, ...] = ()  # a page that begins with the table (at 0)
    laid_out: bool = True  # False: no layout of its cells was found; header + rows hold them in the order extracted


Block = Union[Heading, Paragraph, Table]


@dataclass(frozen=True)
class Note:
    """A footnote; ``label`` is the marker printed in the source (they restart on every page)."""
    id: str
    label: str
    inlines: tuple[Inline, ...]
    line: int
    last_line: int = 0


@dataclass(frozen=True)
class Reference:
    """An entry of the paper's reference list, addressed by ``[number]`` citations."""
    id: str
    number: int
    text: str
    line: int


# ---- metadata -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class EnglishMeta:
    """The English title, authors, abstract and key words of this article, as the source gives them."""
    title: str | None = None
    authors: str | None = None
    abstract: str | None = None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meta:
    """Front and back matter detected in the source (labels in ``fields`` are normalised, e.g. 摘要)."""
    title: str | None = None
    title_marker: str | None = None
    authors: tuple[str, ...] = ()
    authors_from: str | None = None  # "author line" or "作者简介" (where the names were read)
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    running_titles: tuple[str, ...] = ()
    english: EnglishMeta = field(default_factory=EnglishMeta)

    def field(self, label: str) -> str | None:
        """The value of a labelled field (e.g. ``文章编号``), or None."""
        for key, value in self.fields:
            if key == label:
                return value
        return None


@dataclass(frozen=True)
class LogEntry:
    """One thing the converter did or noticed: ``kind`` is removed/foreign/normalised/warning/..."""
    kind: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class Document:
    """A converted paper."""
    meta: Meta
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...] = ()
    references: tuple[Reference, ...] = ()
    log: tuple[LogEntry, ...] = ()
    pages: tuple[PageStart, ...] = ()  # the source's printed pages, in order (empty: none seen)

    def with_log(self, *entries: LogEntry) -> "Document":
        """A copy with ``entries`` appended to the log."""
        return replace(self, log=self.log + tuple(entries))

    def paragraphs(self) -> list[Paragraph]:
        """The body paragraphs in order."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def headings(self) -> list[Heading]:
        """The headings in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]


def text_length(inlines) -> int:
    """Characters of a run of inlines as :class:`PageBreak` counts them (``plain_text`` less whitespace)."""
    return sum(1 for ch in plain_text(inlines) if not ch.isspace())


def plain_text(inlines) -> str:
    """The text of a run of inlines, markers dropped (what a reader reads)."""
    out = []
    for node in inlines:
        if isinstance(node, (Text, ConceptRef)):
            out.append(node.text)
        elif isinstance(node, Citation):
            out.append(node.label)
    return "".join(out)
