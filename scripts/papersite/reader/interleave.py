"""Two columns read across (pdfminer, markitdown): lines of both columns merged or interleaved.

Where a page is set in two columns, some extractors read it by height, not by column. When the
two columns' lines stand at the same height, they come out as one line, the left column's line,
a space, the right column's (or as a pipe-table row whose cells are the two lines, where the
extractor took the page for a table); where the columns' lines are offset, they come out one
after the other, left and right alternately. Nothing in a single line says which column it
belongs to, so the document is asked:

* the **column width**: the left part of a merged line is one column line, so across the
  document the widths of those left parts pile up at one value (a one-column text's spaces fall
  anywhere, and the stage does nothing);
* the **columns of a page**: each page's lines (merged ones split at the column width, pipe
  rows at their empty separator column) are divided into a left and a right stream, keeping
  their order, so that each stream reads on: a line that stops mid-sentence is followed, in
  its stream, by the line whose first character continues its last one most often elsewhere
  in the document (character pairs counted over the whole text). The two parts of a merged
  line are fixed to their side; full-width lines (a heading across the columns, a table, a
  one-column passage) close a stretch, which is read as its left column, then its right.

A page without merged lines is left as it is; so is a stretch whose division reads no better
than its given order. In a one-column document, a page whose running lines are about half as
wide as the document's (a last section set in two columns, its text boxes written apart) has
its boxes put in the order that reads on, where the order given breaks off mid-sentence.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from ..model import LogEntry
from ..textutil import cjk_ratio, display_width, ends_sentence, is_wide, join_lines
from .headings import HeadingSequence, match_heading
from .lines import Line
from .notes import REFERENCE_LIST

_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000]+(?=\S)")
_HANGING = "，。、；：！？）》”’"  # closing punctuation, which may hang past a line's end
_CAPTION = re.compile(r"^[表图]\s*\d")
_NOTE_START = re.compile(r"^(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}\)|[①-⑳])(?:\s|$)")  # a note's label, then its text
_SUPERSCRIPT = re.compile(r"\[\d+(?:[,，\-–—~]\d+)*\]|\(\d{1,2}\)")  # citation and note markers as set: raised, small
TOLERANCE = 1.25  # em a merged line's left part may differ from the column width (justification, digits)
SLACK = 2.5  # em a right part may run over it (punctuation hanging at the line's end, Latin widths)
MIN_MERGED = 6  # merged lines a document needs before its column width is believed
PAGE_MERGED = 3  # merged lines a page needs to be read as two columns
MIN_COLUMN = 8.0  # em: narrower "columns" are name lists and letter-spacing, not columns of text
SWITCH = 0.01  # a stream change costs a little, so that a tie keeps the given order
BOX_SWITCH = 0.3  # between text boxes (pdfminer writes long runs of one column's boxes), a change costs more
ALTERNATE = 1.5  # where lines were read across (merged lines), the columns' offset lines alternate
SHAPE = -3.0  # a short line (a paragraph's or heading's end) followed in its column by a full line running on
TITLE = 2.0  # gain of a heading before the text that takes up its words (a share of them)
GAIN = 2.0  # how much better a stretch without merged lines must read divided than as given


def _set_width(text: str) -> float:
    """The width in em a column line takes as set: its citation and note markers ([8], (1)) are
    superscripts, a fraction of their characters' width, so they are left out."""
    return display_width(_SUPERSCRIPT.sub("", text))


def _splits(text: str):
    """(left width, left, right) at each inner run of spaces."""
    for m in _SPACE_RUN.finditer(text):
        left, right = text[: m.start()], text[m.end():]
        yield _set_width(left), left, right


def _prose_rows(lines: list[Line], i: int, width: float | None,
                measure: float | None = None) -> tuple[int, list[tuple[str, str | None]]] | None:
    """(end, [(left, right)]) when the pipe rows from ``i`` are two columns of running text.

    A block of one or two rows says little by itself; where the document's column width is known
    (``width``), it is read as columns when its left cells are column lines (one of them full, or a
    paragraph's indented first line), and
    a lone row whose cells make one column line together is that line (right part None).
    """
    j = i
    while j < len(lines) and lines[j].cells is not None:
        j += 1
    rows = [lines[k].cells for k in range(i, j)]
    if i and _CAPTION.match(lines[i - 1].text.strip()):
        return None
    if len(rows) == 1:
        joined = ""
        for cell in rows[0]:
            joined = join_lines(joined, cell.strip())
        # one column line (or, in one column, one line of text: ``measure``) the extractor cut at an inner space
        # (beside a number: digits measure short)
        if any(w is not None and -2 * TOLERANCE <= _set_width(joined) - w <= TOLERANCE
               for w in (width, None if width else measure)):
            return j, [(joined, None)]  # its side is open
    if len(rows) < 3 and width is None:
        return None
    ncols = max(len(r) for r in rows)
    filled = [sum(1 for r in rows if c < len(r) and r[c].strip()) for c in range(ncols)]
    separators = [c for c in range(ncols) if filled[c] <= 0.3 * len(rows)]
    texts = [c for c in range(ncols) if c not in separators]
    if len(texts) < 2:
        return None
    # the right column starts at the first text column after a separator: a cell in the separator (the rest of
    # a left line after a raised marker, ``[20] | ，也是最``) stands in the left column
    gap = next((c for c in separators if texts[0] < c < texts[-1]), None)
    cut = next(c for c in texts if c > gap) if gap is not None else texts[0] + 1
    out = []
    for r in rows:
        left = right = ""
        for c, cell in enumerate(r):
            if cell.strip():
                if c < cut:
                    left = join_lines(left, cell.strip())
                else:
                    right = join_lines(right, cell.strip())
        out.append((left, right))
    widths = sorted(_set_width(l) for l, _ in out if l)
    if not widths:
        return None
    median = widths[len(widths) // 2]
    # running text: the left cells are lines of one width, a paragraph's first line indented by two (a table's
    # cells are not)
    steady = sum(1 for w in widths if -2 - 1.5 <= w - median <= 1.5)
    if median < MIN_COLUMN or steady < 0.6 * len(widths):
        return None
    if len(rows) < 3 and not (len(widths) == len(rows) and all(w <= width + TOLERANCE for w in widths) and
                              any(abs(w - width) <= TOLERANCE or abs(w - (width - 2)) <= TOLERANCE for w in widths)):
        return None
    return j, out


def _full_merge(text: str) -> float | None:
    """The left width of a line that is two full column lines side by side, or None.

    Both parts are as wide as each other, and the gap stands beside a Chinese character (a space
    between Latin letters is a word space). A left part ending its sentence does not count: that
    is where extractors put a space inside one line of text.
    """
    for w, left, right in _splits(text):
        if w >= MIN_COLUMN and -TOLERANCE <= _set_width(right) - w <= SLACK and \
                (is_wide(left[-1]) or is_wide(right[0])) and not ends_sentence(left):
            return w
    return None


def column_width(lines: list[Line]) -> tuple[float, int] | None:
    """(width, merged lines supporting it): the width in em the left parts of merged lines share."""
    counts: Counter = Counter()
    for line in lines:
        if line.cells is None and not line.md_level:
            w = _full_merge(line.text)
            if w is not None:
                counts[round(w)] += 1
    if not counts:
        return None
    best = max(counts, key=lambda w: (counts[w - 1] + counts[w] + counts[w + 1], w))
    support = counts[best - 1] + counts[best] + counts[best + 1]
    if support < MIN_MERGED:
        return None
    # the mean of the supporting widths, for a line's split point to be judged against
    total = sum(w * counts[w] for w in (best - 1, best, best + 1))
    return total / support, support


class _Pairs:
    """How often each character is followed by each other within lines: the document's own usage."""

    def __init__(self, lines: list[Line]):
        self.pairs: Counter = Counter()
        self.first: Counter = Counter()
        self.second: Counter = Counter()
        for line in lines:
            t = re.sub(r"\s+", "", line.text)
            for a, b in zip(t, t[1:]):
                self.pairs[a + b] += 1
                self.first[a] += 1
                self.second[b] += 1
        self.total = max(1, sum(self.pairs.values()))

    def join(self, a: str, b: str) -> float:
        """How well ``b`` continues ``a``: pointwise association of the characters at the seam.

        A quotation or bracket left open at the end of ``a`` and closed first thing in ``b`` is
        strong evidence; a line that closes what the other did not open is evidence against; a
        numbered heading never follows words that run on.
        """
        a, b = a.rstrip(), b.lstrip()
        if not a or not b:
            return 0.0
        closes = _closes_first(b)
        if closes:
            return 3.0 if closes == _left_open(a) else -1.5
        if ends_sentence(a):
            return 0.0
        hm = match_heading(b)
        if hm is not None and hm.scheme != "none" and "。" not in b:
            return -3.0  # a numbered heading follows a sentence's end, not words that run on
        x, y = a[-1], b[0]
        expected = self.first[x] * self.second[y] / self.total
        return max(-3.0, min(5.0, math.log((self.pairs[x + y] + 0.5) / (expected + 0.5))))


_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "〈": "〉", "「": "」", "『": "』", "【": "】", "[": "]"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _left_open(text: str) -> str | None:
    """The closer a line still owes at its end: its last opener not closed after it."""
    stack = []
    for ch in text:
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch in _CLOSERS and stack and stack[-1] == ch:
            stack.pop()
    return stack[-1] if stack else None


def _closes_first(text: str) -> str | None:
    """A closer the line meets before opening it: the line continues a quotation or bracket."""
    depth: dict = {}
    for ch in text:
        if ch in _PAIRS:
            depth[_PAIRS[ch]] = depth.get(_PAIRS[ch], 0) + 1
        elif ch in _CLOSERS:
            if not depth.get(ch):
                return ch
            depth[ch] -= 1
    return None


def unweave(lines: list[Line], pages_end_with_feeds: bool = False) -> tuple[list[Line], list[LogEntry]]:
    """Lines of pages read across two columns, put back in column order (left, then right)."""
    found = column_width(lines)
    running = Counter(round(_set_width(l.text)) for l in lines if _running(l))
    measure = running.most_common(1)[0][0] if running else None  # the commonest width of running lines
    items: list[tuple[Line, str | None]] = []  # (line, side fixed by a merged line: "L", "R" or None)
    rows_read = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cells is not None and (not i or lines[i - 1].cells is None):
            prose = _prose_rows(lines, i, found[0] if found else None, measure)
            if prose is None:  # a table: all its rows stay as they are
                while i < len(lines) and lines[i].cells is not None:
                    items.append((lines[i], None))
                    i += 1
                continue
            else:
                end, rows = prose
                for k, (left, right) in enumerate(rows):
                    src = lines[i + k]
                    if left:
                        items.append((replace(src, text=left, raw=left, cells=None), "L" if right is not None else None))
                    if right:
                        items.append((replace(src, text=right, raw=right, cells=None, page_start=False, indent=False), "R"))
                rows_read += sum(1 for _, right in rows if right is not None)  # (rows of two columns)
                i = end
                continue
        items.append((line, None))
        i += 1
    narrow = None
    if found is None and not rows_read:
        # text boxes written apart (pdfminer). pdftotext, which ends every page with a form feed, the last too,
        # writes blocks read by height: the blocks stage (reader/blocks.py) weighs more evidence for those
        lines = [line for line, _ in items]  # (a lone pipe row that is one line of text, as that line)
        narrow = None if pages_end_with_feeds else _narrow_columns(lines)
        if narrow is None:
            return (lines, []) if pages_end_with_feeds else _mixed_pages(lines)
    width = found[0] if found else narrow or _median_left(items)
    if found:
        # merged lines per page, pipe rows of two columns counted too (each is a merged line)
        merged_pages = Counter(line.page for line, side in items if side == "L" or not side and line.cells is None
                               and not line.md_level and _full_merge(line.text) is not None)
        pieces: list[tuple[Line, str | None]] = []
        for k, (line, side) in enumerate(items):
            if side or merged_pages[line.page] < PAGE_MERGED:
                pieces.append((line, side))
                continue
            # a numbered heading just before (the other column's line may stand between): its last words may begin
            # this line (set larger than the text, a heading fills the column with fewer characters)
            wraps = any(_numbered(h) is not None for h, _ in items[max(0, k - 2):k])
            pieces += _split(line, width, merged_pages[line.page], wraps)
        items = pieces
        if _keeps_geometry(lines):
            items = [(line, side or _side_by_position(line, width)) for line, side in items]
    pairs = _Pairs([line for line, _ in items])
    shaped = _full_width(items, width) if found else None
    out: list[Line] = []
    log: list[LogEntry] = []
    seq = HeadingSequence()  # the numbered headings read so far, in the order put out
    k = 0
    while k < len(items):
        end = k + 1
        while end < len(items) and items[end][0].page == items[k][0].page:
            end += 1
        page_items = items[k:end]
        if narrow is not None:
            page_items = _right_column_first(page_items)
        page, moved = _page(page_items, width, pairs, narrow is not None, shaped, seq)
        _follow(seq, page)
        out.extend(page)
        if moved:
            log.append(LogEntry("layout", f"page read across two columns ({moved} lines): put back in column order, "
                                f"left then right (column width {width:.1f} em)", items[k][0].no))
        k = end
    return out, log


def _numbered(line: Line):
    """The heading match of a numbered heading line, or None."""
    return _numbered_text(line.text)


def _numbered_text(text: str):
    hm = match_heading(text)
    return hm if hm is not None and hm.scheme != "none" and "。" not in text else None


def _numbered_sides(lines: list[Line]) -> dict[int, str]:
    """Sides that the headings' numbers tell: where the headings of one scheme come out of order,
    the page reads its left column first, so the left column holds the lower numbers, each column's
    in order. {index: side} for the headings of each scheme whose division is the only one that fits."""
    schemes: dict = {}
    for i, line in enumerate(lines):
        hm = _numbered(line)
        if hm is not None:
            schemes.setdefault(hm.scheme, []).append((i, hm.key))
    out = {}
    for scheme, found in schemes.items():
        keys = [key for _, key in found]
        others = [i for s, f in schemes.items() if s != scheme for i, _ in f]
        # a number lower than the one before it, with no other scheme's heading between (where the
        # numbering may restart under a new parent): the columns are read across
        across = any(b[1] < a[1] and not any(a[0] < i < b[0] for i in others) for a, b in zip(found, found[1:]))
        if not across or len(set(keys)) < len(keys):
            continue  # in order (nothing to tell) or a number twice (not one sequence)
        ranked = sorted(keys)
        # each column holding a run of two or more (one heading alone may be a restarted number)
        fits = [k for k in range(2, len(keys) - 1) if
                [x for x in keys if x < ranked[k]] == ranked[:k] and [x for x in keys if x >= ranked[k]] == ranked[k:]]
        if len(fits) == 1:
            low = ranked[fits[0]]
            out.update({i: "L" if key < low else "R" for i, key in found})
    return out


def _narrow_columns(lines: list[Line]) -> float | None:
    """The column width of a document whose lines are column lines though none is merged: most of
    its running lines (not ending a sentence) share a width, and a few (the abstract, across the
    page) are a little over twice as wide. None for one-column text."""
    counts: Counter = Counter(round(_set_width(l.text)) for l in lines  # (Chinese lines: Latin widths are estimates)
                              if l.cells is None and not l.md_level and not ends_sentence(l.text) and cjk_ratio(l.text) > 0.5)
    near = {w: counts[w - 1] + counts[w] + counts[w + 1] for w in counts if w >= MIN_COLUMN}
    if not near:
        return None
    column = max(near, key=lambda w: (near[w], w))
    across = sum(c for w, c in counts.items() if 2 * column <= w <= 2.7 * column)
    if near[column] < 3 * MIN_MERGED or across < PAGE_MERGED or across >= near[column]:
        return None
    return sum(w * counts[w] for w in (column - 1, column, column + 1)) / near[column]


def _mixed_pages(lines: list[Line]) -> tuple[list[Line], list[LogEntry]]:
    """A one-column text with pages (or their last section) in two columns, text boxes written apart: on each
    page whose running lines are about half as wide as the document's, the boxes between lines across the
    page put in the order that reads on, where the order given breaks off mid-sentence into what cannot go
    on with it."""
    widths = [_set_width(l.text) for l in lines if _running(l)]
    if not widths:
        return lines, []
    text_width = Counter(round(w) for w in widths).most_common(1)[0][0]
    pairs = None
    out: list[Line] = []
    log: list[LogEntry] = []
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and lines[end].page == lines[k].page:
            end += 1
        page = lines[k:end]
        counts = Counter(round(_set_width(l.text)) for l in page if _running(l))
        near = {w: counts[w - 1] + counts[w] + counts[w + 1] for w in counts if w >= MIN_COLUMN}
        column = max(near, key=lambda w: (near[w], w)) if near else None
        if column is None or near[column] < MIN_MERGED or column > 0.6 * text_width:
            out.extend(page)
            k = end
            continue
        pairs = pairs or _Pairs(lines)
        start = 0
        moved = 0
        for j in range(len(page) + 1):
            if j < len(page) and _set_width(page[j].text) <= column + 2 * TOLERANCE and page[j].cells is None:
                continue
            ordered = _seamed(page[start:j], pairs)
            moved += sum(1 for a, b in zip(ordered, page[start:j]) if a is not b)
            out.extend(ordered + page[j:j + 1])
            start = j + 1
        if moved:
            log.append(LogEntry("layout", f"page of two columns, text boxes written apart ({moved} lines): put in "
                                f"the order that reads on (column width {column} em)", page[0].no))
        k = end
    return out, log


def _running(line: Line) -> bool:
    """A line of running Chinese text that does not end its paragraph (its width is the column's)."""
    return line.cells is None and not line.md_level and not ends_sentence(line.text) and cjk_ratio(line.text) > 0.5


def _text_boxes(lines: list[Line]) -> list[list[Line]]:
    """Runs of consecutive source lines: the extractor's text boxes."""
    boxes: list[list[Line]] = []
    for line in lines:
        if boxes and line.no == boxes[-1][-1].no + 1:
            boxes[-1].append(line)
        else:
            boxes.append([line])
    return boxes


def _seamed(lines: list[Line], pairs: _Pairs) -> list[Line]:
    """Text boxes (runs of consecutive source lines) as a left and a right column, each in the order given,
    where that reads on better by GAIN: within each column and from the left column's last line to the right
    column's first. A box that breaks off mid-sentence is not followed by a heading."""
    boxes = _text_boxes(lines)
    if not 2 <= len(boxes) <= 12:
        return lines

    def join(a: Line, b: Line) -> float:
        if not ends_sentence(a.text) and match_heading(b.text) is not None and b.width < 2 * MIN_COLUMN:
            return -3.0
        return pairs.join(a.text, b.text)

    def reads(seq) -> float:
        return sum(join(x[-1], y[0]) for x, y in zip(seq, seq[1:]))

    given = reads(boxes)
    best, order = given + GAIN, None
    for mask in range(1, 2 ** len(boxes) - 1):
        left = [b for i, b in enumerate(boxes) if not mask >> i & 1]
        right = [b for i, b in enumerate(boxes) if mask >> i & 1]
        score = reads(left) + reads(right) + join(left[-1][-1], right[0][0])
        if score > best:
            best, order = score, left + right
    return lines if order is None else [line for box in order for line in box]


_REFERENCE_LIKE = re.compile(r"^\s*(?:\[\d+\]|［\d+］)|\[(?:[A-Z]{1,2}(?:/OL)?)\]|\b(?:1[89]|20)\d{2}\b|\d+\s*[-–]\s*\d+")


def _right_column_first(items):
    """A page of text boxes whose right column, ending in the reference list, was written before its left: a
    numbered heading of the body stands after the list on the page, and no body heading ever follows the
    references. The boxes from the first one after the list that is prose (not an entry, nor an entry's wrapped
    rest) to the page's end are its left column, and go first."""
    lines = [line for line, _ in items]
    heads = [i for i, line in enumerate(lines) if REFERENCE_LIST.match(line.text.strip())]
    if not heads:
        return items
    after = [i for i in range(heads[-1] + 1, len(lines)) if _body_heading(lines[i])]
    if not after:
        return items
    # boxes: runs of consecutive source lines
    start = after[0]
    while start > heads[-1] + 1 and lines[start - 1].no == lines[start].no - 1:
        start -= 1  # the heading's box
    k = start
    while k > heads[-1] + 1:
        box_end = k - 1
        box_start = box_end
        while box_start > heads[-1] + 1 and lines[box_start - 1].no == lines[box_start].no - 1:
            box_start -= 1
        box = lines[box_start:box_end + 1]
        if any(_REFERENCE_LIKE.search(line.text) for line in box) or len(box) < 2:
            break  # an entry, or a one-line box (an entry's wrapped rest)
        k = box_start
    return items[k:] + items[:k]


def _body_heading(line: Line) -> bool:
    """A numbered heading with a title of words (not an entry's wrapped rest such as ``(02).``)."""
    hm = _numbered(line)
    return hm is not None and len(re.findall(r"[\u4e00-\u9fff]", hm.title or "")) >= 2 and \
        not _REFERENCE_LIKE.search(line.text)


def _keeps_geometry(lines: list[Line]) -> bool:
    """Does the extraction keep the page's geometry (pdftotext -layout: columns apart by runs of spaces)?"""
    gaps = sum(1 for l in lines if l.cells is None and re.search(r"\S {3,}\S", l.raw.strip()))
    merged = sum(1 for l in lines if l.cells is None and _full_merge(l.text) is not None)
    return merged > 0 and gaps >= 0.5 * merged


def _side_by_position(line: Line, width: float) -> str | None:
    """Where geometry is kept, a line of one column says which by where it starts."""
    if line.cells is not None or _spans(line, width):
        return None
    raw = line.raw.replace("\f", "").rstrip()
    lead = len(raw) - len(raw.lstrip(" \u3000"))
    return "R" if lead >= 0.8 * width else "L"


def _median_left(items) -> float:
    widths = sorted(_set_width(l.text) for l, side in items if side == "L")
    return widths[len(widths) // 2]


def _split(line: Line, width: float, page_merged: int, heading_wraps: bool = False) -> list[tuple[Line, str | None]]:
    """A merged line as its left and right parts (fixed sides), or the line alone.

    A line of two full column lines is split wherever it stands; on a page that has such lines,
    so is any line too wide for one column that divides into two parts each fitting a column
    (a heading or a paragraph's last line beside the other column's line; the last words of a
    numbered heading that wrapped, ``heading_wraps``), at the split whose left part comes nearest
    the column width.
    """
    if line.cells is not None or line.md_level or _cells_apart(line, width):
        return [(line, None)]
    fits = width + TOLERANCE
    best = None
    for w, left, right in _splits(line.text):
        if not (is_wide(left[-1]) or is_wide(right[0])):
            continue
        right_w = _set_width(right)
        full = abs(w - width) <= TOLERANCE and -TOLERANCE <= right_w - w <= SLACK
        beside = page_merged and w <= fits and right_w <= width + SLACK
        # (not a note at the page's foot, across the page: (1) 注：该文 2013 年以…)
        # (measured as set, its superscript markers left out, unless the right part is such a marker alone: a
        # raised marker of the other column's line)
        wide = line.width if _SUPERSCRIPT.fullmatch(right.strip()) else _set_width(line.text)
        loose = beside and wide > fits and not _NOTE_START.match(left)
        # a paragraph's last line beside the other column's first (indented) line: together no wider than one
        # column line, but no column line has a sentence end, a space and more text
        ended = beside and ends_sentence(left) and right_w >= width - 2 - TOLERANCE
        # ... or beside the other column's last line: after a sentence's end, a space and a Chinese character
        ended = ended or beside and ends_sentence(left) and is_wide(left[-1]) and is_wide(right[0])
        # a numbered heading opens a column line: the words before it on the line are the other column's (a
        # heading or a heading's last words, without a clause of running text)
        heading = beside and _numbered_text(right) is not None and \
            (_numbered_text(left) is not None or not re.search(r"[，、；：,;:]", left) and w <= width / 2)
        # the last words of a numbered heading that wrapped, beside the other column's line
        heading = heading or heading_wraps and beside and not re.search(r"[，、；：。,;:]", left) and w <= width / 3 \
            and right_w >= width - 2 - TOLERANCE
        # between two Chinese characters a space is no word space: where a line has one, that is the gap (the
        # spaces beside digits and Latin words are the extractor's, inside a column line)
        rank = (not heading, not (is_wide(left[-1]) and is_wide(right[0])), abs(w - width))
        if (full or loose or ended or heading) and (best is None or rank < best[0]):
            best = (rank, left, right)
    if best is None:
        return [(line, None)]
    _, left, right = best
    return [(replace(line, text=left.rstrip(), raw=left.rstrip()), "L"),
            (replace(line, text=right.strip(), raw=right.strip(), page_start=False, indent=False), "R")]


def _page(items, width: float, pairs: _Pairs, boxes: bool = False, shaped: float | None = None,
          seq: HeadingSequence | None = None) -> tuple[list[Line], int]:
    """One page's lines in column order, and how many lines changed place (``shaped``: the column
    line's width, where the document indents its paragraphs, so that lines' widths tell too).

    A page without merged lines is left as it is, unless ``boxes``: the document's lines are
    column lines and the extractor wrote each text box of a column apart (lines of a box on
    consecutive source lines, boxes apart by blank lines); then the boxes are divided.
    """
    boxes = boxes and not any(side for _, side in items)
    if not boxes and not any(side for _, side in items):
        return [line for line, _ in items], 0
    cells = _cell_run(items, width) if boxes else set()
    out: list[Line] = []
    moved = 0
    start = 0
    for k in range(len(items) + 1):
        spanning = k == len(items) or items[k][1] is None and (
            _spans(items[k][0], width) or _heads_table(items, k) or _ends_passage(items, k, start, width)
            or k in cells)
        if not spanning:
            continue
        stretch = items[start:k]
        if stretch:
            ordered = _columns(stretch, pairs, boxes, shaped, seq, width)
            moved += sum(1 for a, b in zip(ordered, (l for l, _ in stretch)) if a is not b)
            out.extend(ordered)
        if k < len(items):
            out.append(items[k][0])
        start = k + 1
    return out, moved


def _cell_run(items, width: float) -> set[int]:
    """Where text boxes were written apart: the lines of a run of four or more boxes of one short
    line each, a table's cells (a column's paragraphs are boxes of several lines, their headings
    boxes between them)."""
    lines = [line for line, _ in items]
    single = [(k == 0 or lines[k].no != lines[k - 1].no + 1) and
              (k + 1 == len(lines) or lines[k + 1].no != lines[k].no + 1) and
              _set_width(lines[k].text) < width - 2 * TOLERANCE for k in range(len(lines))]
    out: set[int] = set()
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and single[end]:
            end += 1
        if end - k >= 4:
            out.update(range(k, end))
        k = max(end, k + 1)
    return out


def _ends_passage(items, k: int, start: int, width: float) -> bool:
    """The last line of a passage across the page (the abstract's): it follows a full-width line that
    runs on into it, before any column line."""
    if k != start or not k or items[k - 1][0].cells is not None:
        return False
    before = items[k - 1][0]
    return before.width > width + 2 * TOLERANCE and not ends_sentence(before.text)


def _heads_table(items, k: int) -> bool:
    """A caption over a table's rows: it stands with the table, across the page, however short."""
    return bool(_CAPTION.match(items[k][0].text.strip())) and k + 1 < len(items) and \
        items[k + 1][0].cells is not None and items[k + 1][1] is None


def _spans(line: Line, width: float) -> bool:
    """A line wider than one column (a heading or passage across the page), or a table row: it
    belongs to neither column."""
    return line.cells is not None or _set_width(line.text) > width + 2 * TOLERANCE or _cells_apart(line, width)


_GAP = re.compile(r"(\S) {3,}(?=(\S))")
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z0-9]")


def _cells_apart(line: Line, width: float | None = None) -> bool:
    """A row of three or more cells set apart by runs of spaces (pdftotext -layout's tables).

    Justified lines have runs of spaces too, which are no gaps between cells: in a line of Chinese text, a run
    between two Latin letters is the word spacing of an English name or title (``（Black   and   Spitz-``); and
    where the column width is known, a line that a run between two Chinese characters divides into a column
    line (a number in it measures short) and a part no wider than a column, its other runs each beside a number
    or Latin word, is two column lines side by side, justified (``工作比例为      6%~12%。王永钦和董雯      青少年，…``;
    a table's cells are apart by runs between words: ``区域格局      依赖资源禀赋、同质化竞争      因地制宜，…``)."""
    raw = line.raw.strip()
    chinese = _CJK.search(raw) is not None
    gaps = [m for m in _GAP.finditer(raw) if not (chinese and _LATIN.match(m.group(1)) and _LATIN.match(m.group(2)))]
    if len(gaps) < 2:
        return False
    if width is None:
        return True
    spaced = [bool(_WORD.match(m.group(1)) or _WORD.match(m.group(2))) for m in gaps]  # beside a number or Latin word
    for k, m in enumerate(gaps):
        if is_wide(m.group(1)) and is_wide(m.group(2)) and all(spaced[:k] + spaced[k + 1:]) and \
                -2 * TOLERANCE <= _set_width(raw[:m.end(1)]) - width <= TOLERANCE and \
                _set_width(raw[m.end():]) <= width + SLACK:
            return False
    return True


def _full_width(items, width: float) -> float | None:
    """The width of a full column line, where the document indents its paragraphs; else None.

    Asked of the lines whose column is known (the parts of merged lines) and whose width is sure (Chinese
    characters only: digits and Latin letters vary): a full line's width is the commonest among those
    running on. Where a column line stops short, ending its paragraph, the line after it in its column
    (the next part on that side, with no line of unknown side between) is about two characters narrower
    at least as often as it is full. (Chinese journals indent: a document that shows nothing either way
    is taken to.)
    """
    sure = [(line, side) for line, side in items if side and all(is_wide(c) for c in line.text)]
    widths = Counter(round(_set_width(line.text)) for line, _ in sure if not ends_sentence(line.text))
    near = [w for w in widths if abs(w - width) <= 2 * TOLERANCE]
    if not near:
        return None
    full = max(near, key=lambda w: (widths[w], w))
    indented = flush = 0
    last: dict = {}
    page = None
    for line, side in items:
        if not side or line.page != page:
            last.clear()
            page = line.page
        if not side:
            continue
        prev = last.get(side)
        if prev is not None and ends_sentence(prev.text) and _set_width(prev.text) < full - 2 * TOLERANCE and \
                all(is_wide(c) for c in line.text):
            w = _set_width(line.text)
            indented += abs(w - (full - 2)) <= 0.5
            flush += w >= full - 0.5
        last[side] = line
    return full if indented >= flush else None


def _widest(text: str) -> float:
    """The most a line can measure as set: digits and Latin letters up to three quarters of an em (markers as
    superscripts left out)."""
    text = _SUPERSCRIPT.sub("", text).replace(" ", "")
    return sum(1.0 if is_wide(c) else 0.75 for c in text)


def _shape(a: Line, b: Line, full: float) -> float:
    """What the two lines' widths say of ``b`` following ``a`` in one column (see ``_columns``): ``full`` is
    a full line's width, an indented first line's two less."""
    wa, wb = _set_width(a.text), _set_width(b.text)
    # a line that stops short, however its digits and Latin letters are set: its paragraph's last, or a whole heading
    short = _widest(a.text) < full - 2 * TOLERANCE
    # a full line: one character less where the line's punctuation was set narrow; but a first line can end in
    # a comma hanging past the measure
    if short and wb >= full - 1 and _set_width(b.text.rstrip(_HANGING)) > full - 1.5 and _numbered(b) is None:
        return SHAPE
    # a paragraph's end or a whole numbered heading is not followed by a few words that do not end a sentence
    # (a heading's last words: they follow the heading's first line, which runs to the column's end)
    ended = ends_sentence(a.text) or _numbered(a) is not None
    if short and ended and wb < full / 2 and not ends_sentence(b.text) and _numbered(b) is None:
        return SHAPE
    # a full line running on, followed by a line as wide as a paragraph's indented first line, itself running on
    # (only where its width is sure: a line of Chinese characters, no digits or Latin letters, whose widths vary)
    running = wa >= full - 1 and not ends_sentence(a.text)
    first = abs(wb - (full - 2)) <= 0.5 and not ends_sentence(b.text) and all(is_wide(c) for c in b.text)
    return SHAPE / 2 if running and first else 0.0


def _columns(stretch, pairs: _Pairs, boxes: bool = False, width: float | None = None,
             seq: HeadingSequence | None = None, measure: float | None = None) -> list[Line]:
    """The stretch divided into a left and a right stream that read on best (dynamic programming).

    Where the column width is known, the lines' widths are evidence too: a line that stops short of
    the column's edge ends its paragraph or heading, so the line after it in its column begins a
    paragraph (indented) or a heading, and is not a full line running on.

    State after item i: (stream of item i, index of the last item of the other stream or -1).
    With ``boxes``, a line on the source line after the one before it is in the same text box,
    so in the same stream.
    """
    n = len(stretch)
    lines = [l for l, _ in stretch]
    fixed = [s for _, s in stretch]
    glued = [boxes and i and lines[i].no == lines[i - 1].no + 1 for i in range(n)]
    numbered = _numbered_sides(lines) if boxes else {}
    if boxes and not numbered:
        # boxes in an order that reads on can be the columns' order or not: only the headings' sequence can tell
        return _by_sequence(lines, pairs, seq, measure) if seq is not None and measure else lines
    for i, side in numbered.items():
        fixed[i] = side
    join = pairs.join
    if boxes:  # a heading's box ends the heading (its lines are glued): what follows is no continuation
        heads = {id(l) for l in lines if _numbered(l)}
        join = lambda a, b: 0.0 if id(a) in heads else pairs.join(a.text, b.text)  # noqa: E731
    elif width:
        join = lambda a, b: pairs.join(a.text, b.text) + _shape(a, b, width)  # noqa: E731
    else:
        join = lambda a, b: pairs.join(a.text, b.text)  # noqa: E731
    read_across = any(s for _, s in stretch)
    switch = -ALTERNATE if read_across else BOX_SWITCH if boxes else SWITCH
    found = _divide(lines, fixed, glued, join, switch)
    if found is None:
        return lines
    sides, best = found
    if not read_across and not boxes and _alternating(sides):
        # lines set on offset baselines, which the extractor wrote one from each column in turn (as it does
        # beside merged lines): the division that reads best alternates nearly throughout, and so do the columns
        found = _divide(lines, fixed, glued, join, -ALTERNATE)
        if found is not None:
            sides = found[0]
    if "L" not in sides or "R" not in sides:
        return lines
    if not read_across and not numbered:  # (numbered sides: the given order is out of sequence)
        given = sum(join(a, b) for a, b in zip(lines, lines[1:]))
        if best < given + GAIN:
            return lines
    return [l for l, s in zip(lines, sides) if s == "L"] + [l for l, s in zip(lines, sides) if s == "R"]


def _divide(lines: list[Line], fixed: list, glued: list, join, switch: float) -> tuple[list[str], float] | None:
    """The best division of ``lines`` into two streams (sides "L"/"R" and its score), where a change of
    stream costs ``switch`` (a negative cost, a gain: the streams alternate); None if none is allowed."""
    n = len(lines)
    # best[(side, other)] = (score, back-pointer key). Without fixed sides the first item goes left (the
    # stream read first is the one the page begins with); with them it may stand in either column, as
    # where the right column's first line stands higher than the left's (a heading's space above it)
    firsts = [fixed[0]] if fixed[0] else ["L", "R"] if any(fixed) else ["L"]
    layers = [{(first, -1): (0.0, None) for first in firsts}]
    for i in range(n - 1):
        nxt: dict = {}
        for (side, other), (score, _) in layers[-1].items():
            flip = "R" if side == "L" else "L"
            for new_side, key, gain in (
                    (side, (side, other), join(lines[i], lines[i + 1])),
                    (flip, (flip, i), (join(lines[other], lines[i + 1]) if other >= 0 else 0.0) - switch)):
                if fixed[i + 1] and fixed[i + 1] != new_side or glued[i + 1] and new_side != side:
                    continue
                total = score + gain
                if key not in nxt or total > nxt[key][0]:
                    nxt[key] = (total, (side, other))
        layers.append(nxt)
    if not layers[-1]:
        return None
    # the left column's last line runs on into the right column's first (where the output puts it): each
    # way of ending is scored with that seam too
    found = None
    for key, (score, _) in layers[-1].items():
        sides = [""] * n
        for i in range(n - 1, -1, -1):
            sides[i] = key[0]
            key = layers[i][key][1] if i else None
        score += _seam(lines, sides, join)
        if found is None or score > found[1]:
            found = (sides, score)
    return found


def _seam(lines: list[Line], sides: list[str], join) -> float:
    """How well the left column's last line runs on into the right column's first."""
    if "L" not in sides or "R" not in sides:
        return 0.0
    return join(lines[max(i for i, s in enumerate(sides) if s == "L")], lines[sides.index("R")])


def _alternating(sides: list[str]) -> bool:
    """A division that changes stream at nearly every line (at most one line in eight keeps its stream)."""
    changes = sum(a != b for a, b in zip(sides, sides[1:]))
    return len(sides) >= 6 and changes >= 0.875 * (len(sides) - 1)


def _follow(seq: HeadingSequence, lines: list[Line]) -> int:
    """Read the numbered headings of ``lines`` into ``seq``; how many do not continue its numbering."""
    broken = 0
    for line in lines:
        hm = _numbered(line)
        if hm is None or _REFERENCE_LIKE.search(line.text):
            continue
        if seq.accepts(hm):
            seq.level(hm)
        else:
            broken += 1
    return broken


MAX_BOXES = 12


def _last_words(line: Line, measure: float) -> bool:
    """A line that can only be a heading's wrapped last words: a few words, no punctuation, no number."""
    return _set_width(line.text) <= measure / 2 and _numbered(line) is None and \
        re.fullmatch(r"[\u4e00-\u9fff]+", line.text.strip()) is not None


def title_taken_up(title: str, text: str) -> float:
    """The share of a heading's pairs of characters (its title's) that the first sentence of ``text`` uses: a
    section's first sentence takes up its heading's words (2.新型生产关系促进技术革命性突破… | 新型生产关系不仅
    孕育技术革命性突破…)."""
    title = re.sub(r"\W|\d", "", title)
    grams = {title[i:i + 2] for i in range(len(title) - 1)}
    first = re.sub(r"\W|\d", "", re.split(r"[。！？]", text, maxsplit=1)[0])
    return sum(g in first for g in grams) / len(grams) if grams else 0.0


def _heading_box(box: list[Line]) -> bool:
    """A text box that is a numbered heading, wrapped over three lines at most."""
    return _numbered(box[0]) is not None and len(box) <= 3 and not any("。" in l.text for l in box)


def _heads_words(head: list[Line], box: list[Line]) -> float:
    """How much of the words of the heading box ``head`` the text box after it takes up; 0 for boxes of
    another kind."""
    if not _heading_box(head) or _numbered(box[0]) is not None:
        return 0.0
    hm = _numbered(head[0])
    return title_taken_up((hm.title or "") + "".join(l.text for l in head[1:]), "".join(l.text for l in box))


def _copy(seq: HeadingSequence) -> HeadingSequence:
    return HeadingSequence(dict(seq.levels), dict(seq.last), dict(seq.seen), dict(seq.mode), seq.declared)


def _by_sequence(lines: list[Line], pairs: _Pairs, seq: HeadingSequence, measure: float) -> list[Line]:
    """Text boxes (runs of consecutive source lines) of a page whose numbered headings, in the order given, break
    the document's numbering (a 1. after a 3. with no new parent between): the division into a left and a right
    column, each in the order given, whose headings continue the numbering, and of those the one that reads on
    best. The order given where it keeps the numbering, or where no division does."""
    boxes = _text_boxes(lines)
    if not 3 <= len(boxes) <= MAX_BOXES or not _follow(_copy(seq), lines):
        return lines

    def join(a: Line, b: Line) -> float:
        head = _numbered(a)
        if head is not None:
            nxt = _numbered(b)
            if nxt is not None and nxt.scheme == head.scheme:
                return -2 * GAIN  # a numbered section has its text before the next of its kind
            # a heading's box ends the heading, but for its last words (a few, no punctuation) where its line ran
            # to the column's end: a heading line that stops short did not wrap
            if _last_words(b, measure):
                return SHAPE if _set_width(a.text) < measure - 2 * TOLERANCE else -SHAPE
            return 0.0
        if not ends_sentence(a.text) and _numbered(b) is not None:
            return -3.0
        return pairs.join(a.text, b.text)

    def seam(x: list[Line], y: list[Line]) -> float:
        # a heading's box, wrapped or not, ends the heading: what follows is no continuation of its last line
        return join(x[0] if _heading_box(x) else x[-1], y[0]) + TITLE * _heads_words(x, y)

    def reads(seq_: list[list[Line]]) -> float:
        return sum(seam(x, y) for x, y in zip(seq_, seq_[1:]))

    best = None
    for mask in range(2, 2 ** len(boxes), 2):  # the first box stands in the left column
        left = [b for i, b in enumerate(boxes) if not mask >> i & 1]
        right = [b for i, b in enumerate(boxes) if mask >> i & 1]
        order = [line for box in left + right for line in box]
        if _follow(_copy(seq), order):
            continue
        score = reads(left) + reads(right) + seam(left[-1], right[0])
        if best is None or score > best[0]:
            best = (score, order)
    return lines if best is None else best[1]
