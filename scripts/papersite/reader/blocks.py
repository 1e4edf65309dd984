"""Two columns read block by block (poppler's pdftotext): the columns' blocks interleaved.

Some extractors read a two-column page in blocks, by height: a block of the left column, then
the block of the right column beside it, then the next of the left, and so on. Two headings
standing side by side come out one after the other, and each heading's text after both. The
lines themselves are whole (nothing is merged), so nothing in a line says which column it is
in; the document's own numbering does. Where a page's order gives headings out of sequence
(（一） then （四）) or a numbered section without a word of text (2. directly followed by 3.),
the page's blocks are divided into a left and a right column, each keeping its order, so that
the numbering runs on and every section has its text; a sentence broken at a block's end goes
on in the block after it in the same column (the character pairs at the seam, counted over
the whole document, are asked). A page whose order breaks no numbering is left as it is.

The stage acts on pages set narrower than the document's full measure (its front matter,
notes or one-column pages), between full-width lines and the places tables stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import LogEntry
from .headings import HeadingMatch, HeadingSequence, match_heading
from .interleave import _Pairs, title_taken_up
from .lines import Line
from ..textutil import display_width

NARROW = 0.62  # a page's measure at most this share of the full measure: a column
MIN_COLUMN = 8.0  # em: narrower measures are lists, not columns
REJECTED = 10.0  # cost of a heading out of its numbering's sequence
EMPTY = 6.0  # cost of a numbered section with no text before the next heading of its level
BROKEN = 5.0  # cost of a sentence broken off by a heading
RIGHT_FIRST = 1.0  # cost of reading a right block before the left one beside it
ROW_APART = 0.5  # cost of reading a right block straight after a left one far from its height
TITLE = 2.0  # gain of a moved heading standing before the text that takes up its words
MOVE = 1.0  # cost of reading a block elsewhere than in its column's order (a heading read late)
GAIN = 4.0  # how much better a division must read than the order as given
MAX_OPEN = 4  # open blocks of a page weighed together when one rest is chosen for the page before's sentence
MAX_BLOCKS = 12  # a stretch with more blocks is left as it is (the search doubles with each)
HEADING_FULL = 0.8  # share of the text's measure a heading line in larger type fills when it wraps


@dataclass
class _Block:
    lines: list[Line]
    heading: HeadingMatch | None  # the numbered heading the block opens with
    heading_only: bool  # the block is that heading and nothing else
    runs_on: bool = False  # text whose first printed line is full: a paragraph's rest (its first is indented)

    @property
    def ends_open(self) -> bool:
        return not self.heading_only and not self.lines[-1].ends_sentence


def reorder_blocks(lines: list[Line], anchors: dict[int, list[int]], measure_lines: list[Line],
                   numbering: str | None = None) -> tuple[list[Line], list[LogEntry]]:
    """Body lines with each two-column page's blocks put back in column order (left, then right).

    ``anchors`` (index -> tables placed before that line) mark where tables stand: a stretch
    never crosses one, so the indices stay right. ``measure_lines`` are all the source's lines,
    from which the full measure is taken.
    """
    full = _full_measure(measure_lines)
    if full is None:
        return lines, []
    pairs = None
    seq = HeadingSequence(declared=numbering)
    out: list[Line] = []
    log: list[LogEntry] = []
    if _whole_blocks(lines):
        pairs = _Pairs(lines)
        lines, log = _lift_open_tails(lines, anchors, pairs)
    for start, end, measure in _stretches(lines, anchors, full):
        stretch = lines[start:end]
        if measure is None:
            _feed(seq, stretch)
            out += stretch
            continue
        pairs = pairs or _Pairs(lines)
        stretch, entries = _heading_rests(stretch, measure, pairs)
        log += entries
        blocks = _blocks(stretch, measure)
        # a sentence running on from the page before goes on in the block read first; one running on
        # into the next page stops in the block read last
        ends = (blocks[0] if start and not lines[start - 1].ends_sentence and blocks[0].heading is None else None,
                blocks[-1] if blocks[-1].ends_open and not _orphan_rest(blocks) else None)
        given = _cost(blocks, seq, None)
        whole = 2 <= len(blocks) <= MAX_BLOCKS and _whole_blocks(stretch)
        foot = end == len(lines) or lines[end].page != lines[start].page
        if whole:
            # the order read is no evidence: the open sentence of the page before and the seams decide too
            pairs = pairs or _Pairs(lines)
            ends = (_continuation(blocks, lines[start - 1], pairs, measure) if start else None, None)
            given = _cost(blocks, seq, pairs, None, ends, whole, foot)
            if ends[0] is not None and ends[0] is not blocks[0]:
                given = max(given, EMPTY)
        if given >= EMPTY and 2 <= len(blocks) <= MAX_BLOCKS:
            pairs = pairs or _Pairs(lines)
            best, order = _best_division(blocks, given, seq, pairs, ends, whole, foot)
            if best >= EMPTY and not whole:
                best, order = _best_moved(blocks, best, order, seq, pairs, ends, foot)
            if order is not None and best <= given - GAIN:
                left, right = order
                stretch = [line for block in left + right for line in block.lines]
                log.append(LogEntry("layout", f"page read block by block across two columns ({len(blocks)} blocks): "
                                    f"put back in column order, left column then right column from line "
                                    f"{right[0].lines[0].no} (the numbering runs on)", stretch[0].no))
        _feed(seq, stretch)
        out += stretch
    return out, log


def _orphan_rest(blocks: list[_Block]) -> bool:
    """Is a block after the first a paragraph's rest (its first printed line full, where a paragraph's first is
    indented) read after a sentence's end or a heading? Its sentence began elsewhere on the page: the open block
    read last may be the column's foot that goes on in it, not the page's end."""
    return any(b.runs_on and not a.ends_open for a, b in zip(blocks, blocks[1:]))


def _best_division(blocks: list[_Block], given: float, seq: HeadingSequence, pairs: _Pairs, ends: tuple,
                   whole: bool = False, foot: bool = False, titled: bool = False) -> tuple[float, tuple | None]:
    """(cost, (left, right)) of the division of the blocks, each column in the order given, that reads best; the
    given cost and None where none reads better. ``titled``: the headings alone standing before the text that
    takes up their words count (see ``_best_moved``)."""
    best, order = given, None
    for sides in _divisions(len(blocks)):
        left = [b for b, side in zip(blocks, sides) if not side]
        right = [b for b, side in zip(blocks, sides) if side]
        c = _cost(left + right, seq, pairs, len(left), ends, whole, foot) + _rows(blocks, sides)
        if titled:
            c -= TITLE * _headed(left + right)
        if c < best - 1e-9:
            best, order = c, (left, right)
    return best, order


def _best_moved(blocks: list[_Block], best: float, order: tuple | None, seq: HeadingSequence, pairs: _Pairs,
                ends: tuple, foot: bool) -> tuple[float, tuple | None]:
    """Where no division reads without breaking the numbering: a heading alone (a block of its own) read after the
    blocks it heads, moved back before one of them, then the blocks divided. pdftotext reads a heading standing
    in a gap of its column apart from the text beside it, late on the page: no division in the order read puts
    it back. Where the numbering leaves a choice, each heading alone goes before the text that takes up its
    words."""
    best, order = _best_division(blocks, best, seq, pairs, ends, foot=foot, titled=True)
    for k, block in enumerate(blocks):
        if not block.heading_only:
            continue
        rest = blocks[:k] + blocks[k + 1:]
        for at in range(k):
            if rest[at].heading is not None or not (at == 0 or not rest[at - 1].ends_open):
                continue  # before a paragraph's start, after a sentence's end
            c, o = _best_division(rest[:at] + [block] + rest[at:], best - MOVE, seq, pairs, ends, foot=foot,
                                  titled=True)
            if o is not None:
                best, order = c + MOVE, o
    return best, order


def _headed(read: list[_Block]) -> float:
    """How well the headings alone in ``read`` stand before their text: the share of each one's words that the
    first sentence after it takes up, summed."""
    return sum(_takes_up(b, read[k + 1] if k + 1 < len(read) else None) for k, b in enumerate(read) if b.heading_only)


def _takes_up(head: _Block, block: _Block | None) -> float:
    """The share of the heading's words that the first sentence of ``block`` takes up (0 after it: a heading)."""
    if block is None or block.heading is not None:
        return 0.0
    return title_taken_up(head.heading.title or "", "".join(line.text for line in block.lines))


_REST = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _lift_open_tails(lines: list[Line], anchors: dict[int, list[int]], pairs: _Pairs) -> tuple[list[Line], list[LogEntry]]:
    """A right column's top read after everything else on its page, put back (an extractor that writes whole
    blocks, pymupdf4llm): the page's last text block breaks off in mid-sentence with nothing after it to go
    on in, while higher on the page a block that is a paragraph's rest (its first printed line full, where a
    paragraph's first is indented) follows a sentence's end or a heading. The open block, with the numbered
    heading just before it, goes before that rest when the rest best continues it (…农书|的编纂者)."""
    log: list[LogEntry] = []
    for page in dict.fromkeys(l.page for l in lines):
        idx = [k for k, l in enumerate(lines) if l.page == page]
        if any(idx[0] <= a <= idx[-1] for a in anchors) or len(idx) < 4:
            continue
        measure = _run_on_median([lines[k] for k in idx])
        text = [k for k in idx if _text_block(lines[k])]
        if measure is None or len(text) < 3:
            continue
        tail = text[-1]
        if lines[tail].ends_sentence or (tail + 1 < len(lines) and lines[tail + 1].page == page and
                                         _text_block(lines[tail + 1])):
            continue
        rests = [k for k in text[:-1] if k > idx[0] and (lines[k - 1].ends_sentence or match_heading(lines[k - 1].text))
                 and _rows_of(lines[k])[0] >= measure - 1 and match_heading(lines[k].text) is None]
        scored = [(pairs.join(lines[tail].text, lines[k].text), k) for k in rests]
        if not scored or max(scored)[0] <= 0:
            continue
        target = max(scored)[1]
        first = tail - 1 if match_heading(lines[tail - 1].text) is not None and lines[tail - 1].page == page else tail
        moved = lines[first:tail + 1]
        lines = lines[:target] + moved + lines[target:first] + lines[tail + 1:]
        log.append(LogEntry("layout", f"the text at line {moved[-1].no}, broken off at its page's end, goes on at line "
                            f"{lines[target + len(moved)].no} (a paragraph's rest higher on the page): the column top "
                            f"read last, put back before it", moved[0].no))
    return lines, log


def _text_block(line: Line) -> bool:
    """A line of running text (not a heading, a list or reference item, a table row)."""
    return line.cells is None and not line.md_level and match_heading(line.text) is None and \
        not re.match(r"^(?:[-*•]\s|\[\d+\])", line.text.lstrip())


def _heading_rests(lines: list[Line], measure: float, pairs: _Pairs) -> tuple[list[Line], list[LogEntry]]:
    """Centred headings that wrapped, put back together. pdftotext reads the short centred second line of a
    heading (破, 配置) as a block of its own, in its row, and the full first line apart from it, before it or
    well after (in another column's text). Such a short line (a few ideographs, no punctuation, after a
    sentence's end or a gap, before a gap or a heading) belongs to the numbered heading that fills the column
    (it wrapped) whose last characters it best continues (突|破, 创新|配置); the heading goes back before it."""
    heads = [k for k in range(len(lines)) if _wrapped_heading(lines, k, measure)]
    rests = [k for k in range(len(lines)) if _stray_rest(lines, k, measure)]
    if not heads or not rests:
        return lines, []
    scored = sorted(((pairs.join(lines[h].text, lines[r].text), h, r) for h in heads for r in rests if r != h),
                    reverse=True)
    moves: dict[int, int] = {}
    for score, h, r in scored:
        if score > 0 and h not in moves and r not in moves.values():
            moves[h] = r
    if all(r == h + 1 for h, r in moves.items()):
        return lines, []
    # the short line stands where the heading was printed (read with the row it is in); the full line of
    # the heading, read with no row of its own, is the one out of place
    at = {r: h for h, r in moves.items()}
    out: list[Line] = []
    log: list[LogEntry] = []
    for k, line in enumerate(lines):
        if k in moves:
            continue
        if k in at:
            head = lines[at[k]]
            out += [replace(head, gap=True), replace(line, gap=False)]
            if at[k] != k - 1:
                log.append(LogEntry("layout", f"the wrapped heading {head.text!r} (line {head.no}) was read apart from "
                                    f"its last line {line.text!r}: put back before it", line.no))
            continue
        out.append(line)
    return out, log


def _wrapped_heading(lines: list[Line], k: int, measure: float) -> bool:
    """A numbered heading standing alone whose line fills the column (in its larger type): it wrapped."""
    line = lines[k]
    hm = match_heading(line.text)
    return hm is not None and hm.scheme != "none" and not re.search(r"[。，；：、]$", line.text.rstrip()) and \
        _width(line) >= HEADING_FULL * measure and _width(line) <= measure + 1.5 and \
        (k == 0 or line.gap or lines[k - 1].ends_sentence)


def _stray_rest(lines: list[Line], k: int, measure: float) -> bool:
    """A line of a few ideographs and nothing else, between a sentence's end or a gap and a gap or a heading."""
    line = lines[k]
    text = line.text.strip()
    if not _REST.fullmatch(text) or match_heading(text) is not None or _width(line) > 0.25 * measure:
        return False
    before = k == 0 or line.gap or lines[k - 1].ends_sentence
    after = k + 1 == len(lines) or lines[k + 1].gap or match_heading(lines[k + 1].text) is not None
    return before and after


def _run_on_widths(lines: list[Line]) -> list[float]:
    """The widths of the printed lines that run on: lines not ending a sentence, and of a line an
    extractor wrote for a whole block (pymupdf4llm), every printed line but its last."""
    widths: list[float] = []
    for l in lines:
        if l.cells is None and not l.md_level:
            rows = _rows_of(l)
            widths += rows[:-1] if len(rows) > 1 else [] if l.ends_sentence else rows
    return widths


def _full_measure(lines: list[Line]) -> float | None:
    """The widest measure the document sets running text in: the fifth widest line that runs on."""
    widths = sorted(_run_on_widths(lines), reverse=True)
    return widths[4] if len(widths) >= 5 else None


def _run_on_median(lines: list[Line]) -> float | None:
    widths = sorted(_run_on_widths(lines))
    return widths[len(widths) // 2] if len(widths) >= 6 else None


def printed_measure(lines: list[Line]) -> float | None:
    """The measure most running text is printed in (the column's), in em: the median width of the printed
    lines that run on, also where an extractor wrote each paragraph on one line."""
    return _run_on_median(lines)


_ROW_BREAK = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _rows_of(line: Line) -> list[float]:
    """The widths of the printed lines in ``line``: pymupdf4llm writes a block on one line, a space
    between two wide characters where each printed line ended (Chinese text has no word spaces)."""
    rows = _ROW_BREAK.split(line.text.strip())
    return [display_width(r) for r in rows] if len(rows) > 1 else [line.width]


def _width(line: Line) -> float:
    """A line's printed width: its widest printed line."""
    return max(_rows_of(line))


def _set_wide(line: Line) -> float:
    """How wide a line is set: its widest printed line, but of a block written whole on one line (three printed
    lines or more), its second widest. The spaces beside digits and Latin words are no sure break between
    printed lines (2020 年 4 月), so one "printed line" may be two run together; a block across the page has
    more than one wide line."""
    rows = _rows_of(line)
    return sorted(rows)[-2] if len(rows) >= 3 else max(rows)


def _stretches(lines: list[Line], anchors: dict[int, list[int]], full: float):
    """(start, end, column measure or None) over the lines: a page's run between full-width lines and tables."""
    by_page: dict[int, float | None] = {}
    for page in dict.fromkeys(l.page for l in lines):
        m = _run_on_median([l for l in lines if l.page == page])
        by_page[page] = m if m is not None and MIN_COLUMN <= m <= NARROW * full else None
    start = 0
    for k in range(1, len(lines) + 1):
        if k < len(lines):
            a, b = lines[k - 1], lines[k]
            m = by_page[b.page]
            wide = m is not None and (_set_wide(b) > 1.3 * m or _set_wide(a) > 1.3 * m)
            if b.page == a.page and k not in anchors and not wide and b.cells is None and a.cells is None:
                continue
        page = lines[start].page
        m = by_page[page]
        narrow = m is not None and all(_set_wide(l) <= 1.3 * m and l.cells is None for l in lines[start:k])
        yield start, k, m if narrow else None
        start = k


def _candidate(lines: list[Line], k: int, measure: float) -> HeadingMatch | None:
    """The numbered heading line ``k`` can open: numbered, no full stop, after a sentence's end or a gap."""
    line = lines[k]
    hm = match_heading(line.text)
    if hm is None or hm.scheme == "none" or "。" in line.text or _width(line) > measure + 1.5:
        return None
    if k and not line.gap and not lines[k - 1].ends_sentence:
        return None
    return hm


def _blocks(lines: list[Line], measure: float) -> list[_Block]:
    """The stretch cut where a blank line stood in the source and where a numbered heading opens."""
    heads = {k: hm for k in range(len(lines)) if (hm := _candidate(lines, k, measure)) is not None}
    blocks: list[_Block] = []
    for k, line in enumerate(lines):
        if not blocks or line.gap or k in heads:
            blocks.append(_Block([line], heads.get(k), False))
        else:
            blocks[-1].lines.append(line)
    for b in blocks:
        # a heading goes on to a next line only from a full one (it wrapped); a short line ends it
        n = 1
        while n < min(3, len(b.lines)) and _width(b.lines[n - 1]) >= measure - 1.5 and not b.lines[n - 1].ends_sentence:
            n += 1
        if n + 1 == len(b.lines) and _REST.fullmatch(b.lines[-1].text.strip()) and _width(b.lines[-1]) <= 0.25 * measure:
            n += 1  # its last words, centred on a line of their own
        b.heading_only = b.heading is not None and n == len(b.lines) and not b.lines[-1].ends_sentence
        b.runs_on = b.heading is None and _rows_of(b.lines[0])[0] >= measure - 1
    return blocks


def _whole_blocks(lines: list[Line]) -> bool:
    """Did the extractor write each block on one line (pymupdf4llm), not each printed line?"""
    return sum(len(_rows_of(l)) > 1 for l in lines) * 2 > len(lines)


def _continuation(blocks: list[_Block], before: Line, pairs: _Pairs, measure: float) -> _Block | None:
    """The block a sentence left open on the page before goes on in. An extractor that writes whole
    blocks reads a page's blocks in no fixed order (the top of the right column may come first): of
    the blocks whose first printed line is full (a paragraph's first is indented), the one whose first
    characters best continue the open sentence, the first read unless another does clearly better; each
    candidate weighed with the best way the other rests go on from the page's own open blocks."""
    if before.ends_sentence:
        return None
    rests = [k for k, b in enumerate(blocks) if b.heading is None and _rows_of(b.lines[0])[0] >= measure - 1]
    if not rests:
        return None
    opens = [b for b in blocks if b.ends_open][:MAX_OPEN]
    scored = {k: pairs.join(before.text, blocks[k].lines[0].text) for k in rests}
    # the page's own open sentences go on in rests too: each candidate weighed with the best way the other
    # rests continue them (…促进生产要素的|的市场 cannot be, so 的市场 continues the page before's 适应新)
    weighed = {k: scored[k] + _matching(opens, [blocks[r] for r in rests if r != k], pairs) for k in rests}
    best = max(weighed, key=weighed.get)
    if 0 in weighed and weighed[0] >= weighed[best] - 0.5:
        best = 0
    return blocks[best] if scored[best] > -1 else None


def _matching(opens: list[_Block], rests: list[_Block], pairs: _Pairs) -> float:
    """The most the open blocks can read on into the rests, each rest after one of them at most. A rest that none
    reads on into counts as the worst of seams (its sentence began somewhere); an open block may read on into
    none (its sentence runs on into the next page)."""
    if not opens:
        return -3.0 * len(rests)
    head, tail = opens[0], opens[1:]
    best = _matching(tail, rests, pairs)
    for k, rest in enumerate(rests):
        if rest is not head:
            best = max(best, pairs.join(head.lines[-1].text, rest.lines[0].text) +
                       _matching(tail, rests[:k] + rests[k + 1:], pairs))
    return best


def _divisions(n: int):
    """Every division of ``n`` blocks into a left (0) and a right (1) column, each keeping the given order
    (the first block read may be either's: a heading atop the right column is often read first)."""
    for mask in range(1, (1 << n) - 1):
        yield [(mask >> k) & 1 for k in range(n)]


def _rows(blocks: list[_Block], sides: list[int]) -> float:
    """What the division costs against the extractor's way of reading: row by row, each row left, then
    right, the blocks of a row starting at about the same height (in lines from the stretch's top)."""
    y = [0, 0]
    start = []
    cost = 0.0
    for k, (block, side) in enumerate(zip(blocks, sides)):
        start.append(y[side])
        if k and side != sides[k - 1]:
            apart = abs(start[k] - start[k - 1])
            if side == 0 and apart <= 1:
                cost += RIGHT_FIRST  # a right block read before the left one beside it
            elif side == 1 and apart > 2:
                cost += ROW_APART  # a left block, then a right one well above or below it
        y[side] += sum(len(_rows_of(l)) for l in block.lines) + 1
    return cost


def _cost(order: list[_Block], seq: HeadingSequence, pairs: _Pairs | None, switch_at: int | None = None,
          ends: tuple = (None, None), whole: bool = False, foot: bool = False) -> float:
    """How badly the blocks read in this order: numbering broken, sections without text, sentences broken
    off, and (with ``pairs``) how well each sentence left open goes on in the block after it. ``ends``: the
    blocks that must stay first and last (a sentence runs on into them from the page before or after).
    ``whole``: the extractor wrote each block on one line, its printed lines measurable: a block that is a
    paragraph's rest (its first printed line full) after a heading or a sentence's end is a sentence broken.
    ``foot``: the blocks end their page: a heading read last would have no text on it."""
    s = HeadingSequence(dict(seq.levels), dict(seq.last), dict(seq.seen), dict(seq.mode), seq.declared)
    cost = 0.0
    if ends[0] is not None and order[0] is not ends[0]:
        cost += BROKEN
    if ends[1] is not None and order[-1] is not ends[1]:
        cost += BROKEN
    if foot and order[-1].heading_only:
        cost += EMPTY  # a heading at the page's foot, its text on the next: typesetters keep a heading with its text
    prev_level = None  # the level of the heading just before, when nothing stood after it yet
    for k, block in enumerate(order):
        before = order[k - 1] if k else None
        if block.heading is not None:
            if not s.accepts(block.heading):
                cost += REJECTED
                prev_level = None
                continue
            level = s.level(block.heading)
            if prev_level is not None and level <= prev_level:
                cost += EMPTY
            if before is not None and before.ends_open:
                cost += BROKEN
            prev_level = level if block.heading_only else None
        else:
            prev_level = None
            if pairs is not None and before is not None and before.ends_open:
                cost -= 0.5 * pairs.join(before.lines[-1].text, block.lines[0].text)
            elif whole and before is not None and block.runs_on:
                cost += BROKEN
    if switch_at is not None and 0 < switch_at < len(order):
        cost += 0.01 * switch_at / len(order)
    return cost


def _feed(seq: HeadingSequence, lines: list[Line]) -> None:
    """Record the numbered headings of lines as read (the sequence the next stretch continues)."""
    for k, line in enumerate(lines):
        hm = match_heading(line.text)
        if hm is None or hm.scheme == "none" or "。" in line.text:
            continue
        if k and not line.gap and not lines[k - 1].ends_sentence:
            continue
        if seq.accepts(hm):
            seq.level(hm)
