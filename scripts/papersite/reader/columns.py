"""Two columns set side by side on one line (pdftotext ``-layout``): read left column, then right.

``-layout`` keeps the page's geometry: where a page is set in two columns, each line holds a left
and a right column's line with a run of spaces between, the right one starting at about the same
printed position on every line. Where most lines of a stretch share such a gap, the stretch is
read as its left column, then its right column; lines without the gap go to the column they
start in. Full-width lines (headings across both columns, one-column pages) are left alone.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..textutil import display_width
from .lines import Line

_GAP = re.compile(r"(?<=\S)[ \u3000]{3,}(?=\S)")


def _cols(text: str) -> int:
    """Printed columns of ``text`` in a monospace layout (wide characters take two)."""
    return sum(2 if display_width(c) >= 1 else 1 for c in text)


def _split_at(raw: str) -> tuple[int, str, str] | None:
    """(column where the right part starts, left, right) for a line with one inner gap."""
    gaps = list(_GAP.finditer(raw))
    if len(gaps) != 1:
        return None
    g = gaps[0]
    return _cols(raw[: g.end()]), raw[: g.start()], raw[g.end():]


def split_columns(lines: list[Line]) -> list[Line]:
    """Lines of two-column stretches reordered: each stretch's left column, then its right."""
    if not any("\f" in l.raw for l in lines):
        return lines  # only pdftotext marks pages with form feeds and keeps -layout geometry
    splits = [_split_at(l.raw.replace("\f", "")) for l in lines]
    out: list[Line] = []
    start = 0
    while start < len(lines):  # page by page: left and right pages may set their columns apart
        end = start + 1
        while end < len(lines) and not lines[end].page_start:
            end += 1
        out.extend(_split_page(lines[start:end], splits[start:end]))
        start = end
    return out


def _split_page(lines: list[Line], splits) -> list[Line]:
    starts = Counter(round(s[0] / 3) for s in splits if s)
    if not starts:
        return lines
    common, count = starts.most_common(1)[0]
    count += starts.get(common - 1, 0) + starts.get(common + 1, 0)
    if count < 6:
        return lines
    col = common * 3
    in_two = [bool(s) and abs(s[0] - col) <= 4 for s in splits]
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not in_two[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i
        left: list[Line] = []
        right: list[Line] = []
        while j < len(lines) and (in_two[j] or _one_side(lines[j], col) is not None):
            if in_two[j]:
                _, l_text, r_text = splits[j]
                left.append(replace(lines[j], text=l_text.strip(" \u3000\f"), indent=False))
                right.append(replace(lines[j], text=r_text.strip(" \u3000"), indent=False, page_start=False))
            elif _one_side(lines[j], col) == "right":
                right.append(replace(lines[j], page_start=False))
            else:
                left.append(lines[j])
            j += 1
        if len(left) + len(right) < 6:
            out.extend(lines[i:j])
        else:
            out.extend(left + right)
        i = j
    return out


def _one_side(line: Line, col: int) -> str | None:
    """'left' or 'right' for a line of one column within a two-column stretch, None for a full-width line."""
    raw = line.raw.replace("\f", "").rstrip()
    lead = _cols(raw[: len(raw) - len(raw.lstrip(" \u3000"))])
    end = _cols(raw)
    if lead >= col - 4:
        return "right"
    if end <= col - 2:
        return "left"
    return None
