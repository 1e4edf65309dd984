"""Source lines as records: text, page marks, indents and dialect marks of each non-blank line."""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    # what marked the page start: "feed" (a form feed), "rule" (a page-break rule), "space" (one leading
    # ASCII space, pdfminer-style), "" (none); pagination (reader/pages.py) weighs them differently
    page_mark: str = ""
    gap: bool = False  # a blank line stood before it in the source (an extractor's block boundary)

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
    # an extractor that marks pages (form feeds) leaves leading spaces as layout, not page marks
    feeds = any("\f" in raw for raw in raw_lines)
    out = []
    pending_break = ""
    blank = False
    for no, raw in enumerate(raw_lines, start=1):
        marked = read_line(raw, markdown)
        text = marked.text.strip(" \t\f" + _IDEOGRAPHIC_SPACE)
        if marked.page_break or marked.form_feed:
            pending_break = pending_break or ("feed" if marked.form_feed else "rule")
        if not text:
            blank = True
            continue
        plain = raw.replace("\f", "")
        spaced = not feeds and plain.startswith(" ") and not plain.startswith("  ") and not _label_alone(out)
        page_start = spaced or bool(pending_break)
        page_mark = pending_break or ("space" if spaced else "")
        pending_break = ""
        leading = plain[: len(plain) - len(plain.lstrip(" \t" + _IDEOGRAPHIC_SPACE))]
        indent = _IDEOGRAPHIC_SPACE in leading
        md_level = marked.md_level
        if not markdown:
            md = _MD_HEADING.match(text)
            if md:
                md_level = len(md.group(1))
                text = text[md.end():].strip()
        out.append(Line(no, raw, text, page_start, indent, md_level, cells=marked.cells, marks=marked.marks,
                        page_mark=page_mark, gap=blank))
        blank = False
    return out


def _label_alone(lines: list[Line]) -> bool:
    """Is the last line a note label alone (``①``, ``[注1]``)? The next line is its text, set beside it on the
    same printed line (PyMuPDF puts the space between them at that line's start): no page starts there."""
    from .notes import foot_label
    if not lines:
        return False
    lab = foot_label(lines[-1])
    return lab is not None and not lab[3]
