"""What a converted paper leaves for a human to look at: one list of warnings, shared by
``papersite check``, ``papersite new`` and ``papersite proof``.

Each warning names a source line and says what was seen: a note marker with no note, a note no
marker points at, a gap or jump in heading numbering (and a numbered paragraph that would fill
it), a line that recurs in the source and was left in the body, text set aside as another
article's, and every decision the converter left open.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Document, Heading, NoteRef, Paragraph, Text
from .reader.furniture import folio_style, shape
from .reader.headings import match_heading
from .reader.notes import CIRCLED


@dataclass(frozen=True)
class Warning:
    """One thing to look at: its kind, the source line, and what was seen."""
    kind: str  # orphan-marker | unpaired-note | numbering | repeated-line | foreign | decision | warning | pages
    line: int | None
    message: str


def audit(doc: Document, source_lines) -> list[Warning]:
    """Every warning about ``doc`` (converted from ``source_lines``), in source order."""
    out: list[Warning] = []
    out += _orphan_markers(doc)
    out += [Warning("unpaired-note", e.line, e.message) for e in doc.log if e.kind == "unpaired"]
    out += _numbering(doc)
    out += numbered_lines(doc, source_lines)
    out += _repeated_lines(doc, source_lines)
    out += [Warning("foreign", e.line, "removed as another article's text: " + e.message) for e in doc.log if e.kind == "foreign"]
    out += [Warning(e.kind, e.line, e.message) for e in doc.log if e.kind in ("decision", "warning")]
    # pagination that the source does not bear out, or folios that overrule the 文章编号
    out += [Warning("pages", e.line, e.message) for e in doc.log if e.kind == "pages" and "numbered" in e.message
            or e.kind == "pages" and "folios are followed" in e.message]
    return sorted(out, key=lambda w: (w.line or 0, w.kind))


def _orphan_markers(doc: Document) -> list[Warning]:
    out = []
    for p in doc.paragraphs():
        for node in p.inlines:
            if isinstance(node, Text):
                for m in re.finditer(f"[{CIRCLED}]|[\\[【〔]注\\s*\\d{{1,2}}[\\]】〕]", node.text):
                    out.append(Warning("orphan-marker", p.first_line, f"note marker {m.group(0)} in {p.id} has no note "
                                       f"(…{node.text[max(0, m.start() - 12):m.end()]})"))
    return out


def _numbering(doc: Document) -> list[Warning]:
    """Gaps and jumps in the numbers of sibling headings; numbered paragraphs that would fill one."""
    out = []
    last: dict[int, tuple] = {}
    missing: set[tuple[str, int]] = set()
    for block in doc.blocks:
        if not isinstance(block, Heading) or not block.number:
            if isinstance(block, Heading):
                last = {k: v for k, v in last.items() if k < block.level}
            continue
        hm = match_heading(block.number + block.text)
        if hm is None:
            continue
        prev = last.get(block.level)
        if prev and prev[0] == hm.scheme and hm.key[-1] not in (prev[1][-1] + 1, 1):
            out.append(Warning("numbering", block.line, f"heading {block.label[:20]} follows {prev[2]} at the same level: "
                               f"numbers {prev[1][-1] + 1}…{hm.key[-1] - 1} are missing"))
            missing.update((hm.scheme, n) for n in range(prev[1][-1] + 1, hm.key[-1]))
        last = {k: v for k, v in last.items() if k < block.level}
        last[block.level] = (hm.scheme, hm.key, block.label[:20])
    if missing:
        for p in doc.paragraphs():
            text = "".join(n.text for n in p.inlines if isinstance(n, Text))[:40]
            hm = match_heading(text)
            if hm and (hm.scheme, hm.key[-1]) in missing:
                out.append(Warning("numbering", p.first_line, f"{p.id} opens with {hm.number}, the number the headings "
                                   "skip: a heading run into its paragraph? (declare it: conversion.lines: heading N)"))
    return out


def numbered_lines(doc: Document, source_lines) -> list[Warning]:
    """Short, numbered lines after a sentence end that the paragraphs swallowed (headings out of sequence)."""
    from .textutil import display_width, ends_sentence
    schemes = {hm.scheme for h in doc.headings() if h.number for hm in [match_heading(h.number + h.text)] if hm}
    out = []
    for p in doc.paragraphs():
        prev = ""
        for no in range(p.first_line, p.last_line + 1):
            text = source_lines[no - 1].strip(" \t\f\u3000")
            if not text:
                continue
            hm = match_heading(text)
            if hm and hm.scheme in schemes and "。" not in text and display_width(text) < 30 and (not prev or ends_sentence(prev)):
                out.append(Warning("numbering", no, f"line {no} reads like a heading ({text[:16]}) but its number does not "
                                   f"continue the headings, so it was left in {p.id} (declare it: conversion.lines: {no}: heading N)"))
            prev = text
    return out


def _repeated_lines(doc: Document, source_lines) -> list[Warning]:
    """Source lines inside paragraphs whose shape recurs on other lines (a running head left in?)."""
    counts = Counter(shape(l) for l in source_lines if l.strip())
    skip = {e.line for e in doc.log if e.kind == "furniture"}
    for note in doc.notes:
        skip.update(range(note.line, note.last_line + 1))
    out = []
    for p in doc.paragraphs():
        for no in range(p.first_line, p.last_line + 1):
            if no in skip:
                continue
            text = source_lines[no - 1].strip()
            s = shape(text)
            if not text or len(s) < 2:
                continue
            if counts[s] >= 2 and (len(s) >= 4 or folio_style(text) is not None):
                out.append(Warning("repeated-line", no, f"{text[:30]!r} occurs {counts[s]} times in the source and was "
                                   f"left in {p.id} (page furniture? declare it: conversion.lines: {no}: furniture)"))
            elif folio_style(text) is not None:
                out.append(Warning("repeated-line", no, f"{text!r} looks like a page number and was left in {p.id}"))
    return out
