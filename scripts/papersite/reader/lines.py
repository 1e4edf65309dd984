"""Source lines as records, and removal of page furniture (running heads, journal names, folios)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..model import LogEntry
from ..textutil import display_width, ends_sentence
from .dialect import is_markdown, read_line

_IDEOGRAPHIC_SPACE = "\u3000"
_MD_HEADING = re.compile(r"^(#{1,6})\s+")


@dataclass(frozen=True)
class Line:
    """One non-blank source line.

    ``page`` counts page starts seen so far; ``page_start`` marks a line that opens a PDF page
    (extractions put one ASCII space before it); ``indent`` marks a surviving paragraph indent
    (ideographic spaces); ``md_level`` is the number of leading ``#`` an extractor wrote.
    """
    no: int
    raw: str
    text: str
    page_start: bool
    indent: bool
    md_level: int
    page: int = 0
    cells: tuple[str, ...] | None = None  # a pipe-table row's cells (Markdown dialect)
    marks: tuple[str, ...] = ()  # dialect marks read off the line (proof view)

    @property
    def width(self) -> float:
        """Printed width in em."""
        return display_width(self.text)

    @property
    def ends_sentence(self) -> bool:
        """True if the line ends with sentence-final punctuation."""
        return ends_sentence(self.text)


def make_lines(raw_lines) -> list[Line]:
    """Non-blank lines as records (1-based line numbers), read in the source's dialect.

    A page starts at a line an extraction opened with one ASCII space (pdfminer), at a form
    feed (pdftotext) or after a page-break rule (pymupdf4llm), blank lines between allowed.
    """
    raw_lines = list(raw_lines)
    markdown = is_markdown(raw_lines)
    out = []
    pending_break = False
    for no, raw in enumerate(raw_lines, start=1):
        marked = read_line(raw, markdown)
        text = marked.text.strip(" \t\f" + _IDEOGRAPHIC_SPACE)
        if marked.page_break or marked.form_feed:
            pending_break = True
        if not text:
            continue
        plain = raw.replace("\f", "")
        page_start = (plain.startswith(" ") and not plain.startswith("  ")) or pending_break
        pending_break = False
        leading = plain[: len(plain) - len(plain.lstrip(" \t" + _IDEOGRAPHIC_SPACE))]
        indent = _IDEOGRAPHIC_SPACE in leading
        md_level = marked.md_level
        if not markdown:
            md = _MD_HEADING.match(text)
            if md:
                md_level = len(md.group(1))
                text = text[md.end():].strip()
        out.append(Line(no, raw, text, page_start, indent, md_level, cells=marked.cells, marks=marked.marks))
    return out


_FOLIO = re.compile(r"^\d{1,4}$")


def remove_furniture(lines: list[Line], extra: tuple[str, ...] = ()) -> tuple[list[Line], list[LogEntry]]:
    """Drop running heads, journal names and page numbers; number the pages of what remains.

    Furniture is a bare page number, a short line without sentence punctuation that recurs
    verbatim and always next to a page edge (a running head: a heading's wrapped tail can recur
    too, but not always at page edges), or a line listed in paper.yml ``conversion.furniture``.
    A folio also marks a page boundary, as a page-start line does.
    """
    key = lambda line: re.sub(r"\s+", "", line.text)
    counts = Counter(key(line) for line in lines if _short_unpunctuated(line))
    near_page_edge = _near_page_edges(lines)
    always_at_edge: dict[str, bool] = {}
    for j, other in enumerate(lines):
        always_at_edge[key(other)] = always_at_edge.get(key(other), True) and near_page_edge[j]
    extra_keys = {re.sub(r"\s+", "", e) for e in extra}
    kept: list[Line] = []
    log: list[LogEntry] = []
    page = 0
    boundary_pending = False
    for line in lines:
        k = key(line)
        is_folio = bool(_FOLIO.match(k))
        repeated = _short_unpunctuated(line) and counts[k] >= 2 and not line.md_level and always_at_edge[k]
        if is_folio or repeated or k in extra_keys:
            log.append(LogEntry("furniture", f"removed page furniture {line.text!r}", line.no))
            if is_folio:
                boundary_pending = True
            continue
        if line.page_start or boundary_pending:
            page += 1
            boundary_pending = False
        kept.append(replace(line, page=page))
    return kept, log


def _near_page_edges(lines: list[Line], reach: int = 3) -> list[bool]:
    """Whether each line stands within ``reach`` lines of a page number or a page start."""
    edges = [i for i, l in enumerate(lines) if _FOLIO.match(l.text) or l.page_start]
    return [any(abs(i - e) <= reach for e in edges) for i in range(len(lines))]


def _short_unpunctuated(line: Line) -> bool:
    text = line.text
    return display_width(text) <= 12 and not re.search(r"[，。；：,.;:！？!?、]", text)
