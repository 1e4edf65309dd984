"""Extractor dialects: what an extractor wrote around the printed text, read as structure.

PDF-to-Markdown converters (pymupdf4llm, marker, markitdown) mark headings with ``#``, bold with
``**``, note markers with ``<sup>①</sup>``, indented notes with ``>``, tables with pipes and page
breaks with a rule (``-----``); pdftotext starts each page with a form feed. These marks are
structure, never text: each line is reduced to its printed text plus what the marks said.
Markdown marks are read only when the source shows that dialect (a ``#`` heading, a ``**`` pair,
an HTML tag, a pipe-table rule), so a plain extraction's ``*`` or ``>`` stays as printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+")
_BOLD = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_TAG = re.compile(r"</?(?:sup|sub|span|b|i|em|strong|u|br|p|div|a)\b[^>]*>", re.I)
_SUP = re.compile(r"<sup>\s*(.*?)\s*</sup>", re.I)
_QUOTE = re.compile(r"^(?:>\s?)+")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_PIPE_ROW = re.compile(r"^\|.*\|$")
_PIPE_RULE_CELL = re.compile(r"^:?-{2,}:?$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_BULLET = re.compile(r"^[-*+]\s+(?=\S)")


@dataclass(frozen=True)
class Marked:
    """One raw line read in its dialect: printed ``text`` and the structure its marks gave."""
    text: str
    md_level: int = 0
    cells: tuple[str, ...] | None = None
    page_break: bool = False  # the line is a page-break mark (a rule, or a lone form feed)
    form_feed: bool = False  # a form feed opened the line (pdftotext: a new page)
    marks: tuple[str, ...] = ()  # the marks read (for the proof view)


def is_markdown(raw_lines) -> bool:
    """Does the source show a PDF-to-Markdown dialect (``#`` headings, ``**``, tags, pipe rules)?"""
    score = 0
    for raw in raw_lines:
        s = raw.strip()
        if _HEADING.match(s) or s.count("**") >= 2 or _SUP.search(s) or (_PIPE_ROW.match(s) and _is_pipe_rule(s)):
            score += 1
            if score >= 1:
                return True
    return False


def _is_pipe_rule(s: str) -> bool:
    cells = [c.strip() for c in s.strip("|").split("|")]
    return bool(cells) and all(_PIPE_RULE_CELL.match(c) for c in cells)


# Characters whose canonical form is another (Unicode singletons some fonts map to): ; · as printed.
_CANONICAL = str.maketrans({"\u037e": ";", "\u0387": "\u00b7"})


def read_line(raw: str, markdown: bool) -> Marked:
    """The printed text of one raw line and what its dialect marks said."""
    form_feed = "\f" in raw[: len(raw) - len(raw.lstrip(" \t\f\u3000"))] if raw else False
    text = raw.replace("\f", "").translate(_CANONICAL)
    if not markdown:
        return Marked(text, form_feed=form_feed, page_break=form_feed and not text.strip())
    s = text.strip()
    marks = []
    if _RULE.match(s):
        return Marked("", page_break=True, form_feed=form_feed, marks=("rule",))
    if _PIPE_ROW.match(s):
        if _is_pipe_rule(s):
            return Marked("", marks=("table rule",))
        cells = tuple(_plain(c.strip()) for c in s.strip("|").split("|"))
        return Marked(text, cells=cells, form_feed=form_feed, marks=("table row",))
    level = 0
    m = _HEADING.match(s)
    if m:
        level = len(m.group(1))
        marks.append("#" * level)
    q = _QUOTE.match(text.lstrip(" \t\u3000"))
    if q and not level:
        marks.append(">")
        lead = text[: len(text) - len(text.lstrip(" \t\u3000"))]
        text = lead + text.lstrip(" \t\u3000")[q.end():]
    body = _plain(text)
    if body != text:
        marks.append("inline marks")
    if not level and _BULLET.match(body.lstrip(" \t\u3000")):
        lead = body[: len(body) - len(body.lstrip(" \t\u3000"))]
        body = lead + _BULLET.sub("", body.lstrip(" \t\u3000"), count=1)
        marks.append("bullet")
    return Marked(body, md_level=0, form_feed=form_feed, marks=tuple(marks)) if not level else \
        Marked(_plain(s[m.end():]), md_level=level, form_feed=form_feed, marks=tuple(marks))


def _plain(text: str) -> str:
    text = _SUP.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = _BOLD.sub("", text)
    return _ESCAPE.sub(r"\1", text)
