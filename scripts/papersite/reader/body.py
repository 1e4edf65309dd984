"""The body: headings, paragraphs (rebuilt from hard-wrapped lines), tables and a reference list.

Paragraph boundaries are decided from line evidence, because blank lines in extractions are
noise. A printed paragraph's first line was indented two characters; the indent is lost, so
that line is shorter than a full line, and the line before it ends a sentence, often short.
When a paper's lines are not wrapped at a column width at all (each paragraph one long line),
every sentence end at a line end closes a paragraph.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..model import LogEntry
from ..textutil import display_width, ends_sentence
from .blocks import HEADING_FULL, printed_measure
from .headings import REFERENCE_HEADINGS, HeadingMatch, HeadingSequence, match_heading
from .lines import Line

SHORT_MARGIN = 1.25  # em a line must fall short of the column to count as short
INDENT_MAX = 3.5  # em a paragraph's first line can fall short by its lost indent alone


@dataclass(frozen=True)
class Layout:
    """How the body is set: the column width in em, and whether lines are wrapped at it."""
    width: float
    wrapped: bool
    widest: float = 0.0  # the widest column's line width (pages may mix one and two columns)


def measure_layout(lines: list[Line]) -> Layout:
    """Estimate the column width (the most common width of lines that run on) and wrapping."""
    widths = [round(l.width * 2) / 2 for l in lines if not l.ends_sentence and not l.md_level]
    if len(widths) < 5:
        return Layout(max((l.width for l in lines), default=0.0), False)
    counts = Counter(widths)
    mode = max(counts, key=lambda w: (counts[w], w))
    near = sum(c for v, c in counts.items() if abs(v - mode) <= 2)
    wrapped = near / len(widths) >= 0.5 and mode < 80
    ordered = sorted(widths)
    return Layout(mode, wrapped, max(mode, ordered[int(0.9 * (len(ordered) - 1))]))


@dataclass
class BodyItem:
    """A heading, a paragraph (its lines), a table anchor or a reference-list entry, in order."""
    kind: str  # heading | paragraph | table | reference
    lines: list[Line] = field(default_factory=list)
    heading: HeadingMatch | None = None
    level: int = 0
    table_index: int = -1


def local_widths(lines: list[Line], layout: Layout) -> list[float]:
    """For each line, the width of a full line around it: the median of nearby full-ish lines.

    Column widths drift from page to page (and punctuation compression makes full lines vary
    by a character or two), so a line is judged against its neighbours on the same page.
    """
    out = []
    floor = 0.75 * layout.width
    for i, line in enumerate(lines):
        around = [l.width for l in lines[max(0, i - 4): i] + lines[i + 1: i + 5] if l.page == line.page and not l.md_level]
        near = [w for w in around if w >= floor]
        if len(near) < 3:
            # pages that mix measures: a narrower column of its own (two columns after one)
            top = max(around, default=0.0)
            near = [w for w in around if w >= 0.75 * top] if top < floor else near
        if len(near) < 3:
            # a page that changes measure here (one column above, two below): the measure most lines around share
            cluster = max(([w for w in around if abs(w - c) <= 1.5] for c in around if c >= 8), key=len, default=[])
            near = cluster if len(cluster) >= 3 else []
        if len(near) < 3:
            out.append(layout.width)
            continue
        near.sort()
        out.append(near[len(near) // 2])
    return out


def parse_body(lines: list[Line], table_anchors: dict[int, list[int]], layout: Layout,
               numbering: str | None = None, declared: dict | None = None) -> tuple[list[BodyItem], list[LogEntry]]:
    """Group body lines into headings, paragraphs, references and table anchors.

    ``declared`` maps source line numbers to a heading level paper.yml states (``line 300: heading 3``).
    """
    declared = declared or {}
    log: list[LogEntry] = []
    lines = _split_run_together_headings(lines, log)
    if not any(k for k in table_anchors if table_anchors[k]):
        lines, log = restore_displaced_headings(lines, layout, numbering)
    full = local_widths(lines, layout)
    measure = printed_measure(lines)

    def short(k: int) -> bool:
        return lines[k].width <= full[k] - SHORT_MARGIN
    items: list[BodyItem] = []
    seq = HeadingSequence(declared=numbering)
    pending_tables: list[int] = []
    in_references = False
    current: BodyItem | None = None
    prev: Line | None = None
    i = 0

    def close_paragraph():
        nonlocal current
        if current is not None:
            items.append(current)
            current = None
        for t in pending_tables:
            items.append(BodyItem("table", table_index=t))
        pending_tables.clear()

    while i < len(lines) or i in table_anchors:
        for t in table_anchors.pop(i, []):
            if current is None:
                items.append(BodyItem("table", table_index=t))
            else:
                pending_tables.append(t)
        if i >= len(lines):
            break
        line = lines[i]
        hm = _heading_here(line, prev, current, seq, layout)
        run_in = None if hm is not None or line.no in declared else _run_in(line, prev, current, seq)
        if run_in is not None:
            hm, cut = run_in
            close_paragraph()
            items.append(BodyItem("heading", [replace(line, text=line.text[:cut])], heading=hm, level=seq.level(hm)))
            log.append(LogEntry("structure", f"run-in heading {line.text[:cut]!r}: its paragraph follows on the line", line.no))
            lines[i] = replace(line, text=line.text[cut:].lstrip(" \u3000"))
            prev = None
            continue
        if line.no in declared:
            hm = match_heading(line.text) or HeadingMatch("none", (), None, re.sub(r"\s+", "", line.text))
            log.append(LogEntry("structure", f"line {line.no} is a level-{declared[line.no]} heading (declared in paper.yml)", line.no))
        if hm is not None:
            close_paragraph()
            level = seq.level(hm) if line.no not in declared else (seq.level(hm), declared[line.no])[1]
            heading_lines = [line]
            if not line.md_level and layout.wrapped:
                while i + 1 < len(lines) and len(heading_lines) < 3 and _open_end(heading_lines[-1]) and \
                        _plain_continuation(lines[i + 1]):
                    i += 1  # a heading line that ends on a comma goes on
                    heading_lines.append(lines[i])
                # a long heading in a narrow column wraps more than once: it goes on while its lines run full
                while i + 1 < len(lines) and (len(heading_lines) < 2 or (len(heading_lines) < 4 and not short(i))) and \
                        _continues_heading(lines, i + 1, full[i + 1], short, lines[i].width >= 0.75 * full[i]):
                    i += 1
                    heading_lines.append(lines[i])
            elif line.md_level and hm.scheme != "none":
                while i + 1 < len(lines) and len(heading_lines) < 3 and _marked_rest(heading_lines[-1], lines[i + 1], measure):
                    i += 1
                    heading_lines.append(lines[i])
            items.append(BodyItem("heading", heading_lines, heading=hm, level=level))
            in_references = hm.title in REFERENCE_HEADINGS
            prev = heading_lines[-1]
            i += 1
            continue
        if in_references:
            if re.match(r"^(?:[-*•]\s*)?\[\d+\]", line.text) or not items or items[-1].kind != "reference":
                items.append(BodyItem("reference", [line]))
            else:
                items[-1].lines.append(line)
            prev = line
            i += 1
            continue
        a_short = short(i - 1) if i else True
        if current is not None and len(current.lines) == 1 and prev is current.lines[0] and a_short \
                and prev.width > full[i - 1] - INDENT_MAX and not short(i):
            a_short = False  # a paragraph's first line is short by its lost indent, not because it ended
        if a_short and i and not short(i) and _pushed_down(lines[i - 1], line, full[i - 1]):
            a_short = False  # short because the next line's first word (1978-2012年) did not fit on it
        if current is None or _breaks(prev, line, layout, a_short, short(i)):
            close_paragraph()
            current = BodyItem("paragraph", [line])
        else:
            current.lines.append(line)
        prev = line
        i += 1
    close_paragraph()
    return items, log


def _marked_rest(line: Line, nxt: Line, measure: float | None) -> bool:
    """Is ``nxt`` the rest of the marked heading ``line``? A heading that fills the column wrapped, and an
    extractor marked each printed line apart (pymupdf4llm): the rest is marked alike, no longer, unnumbered
    and no sentence. (A heading's larger type fills the column with fewer characters than the text's.)"""
    return measure is not None and nxt.md_level == line.md_level and line.width >= HEADING_FULL * measure and \
        nxt.width <= line.width and match_heading(nxt.text) is None and not ends_sentence(nxt.text)


def _split_run_together_headings(lines: list[Line], log: list[LogEntry]) -> list[Line]:
    """A marked heading followed on its line by its first child's (``### 一、… （一）…``, an extractor
    joined the two lines) as two lines: the child's number is of another scheme and counts from 1."""
    out = []
    for line in lines:
        cut = _child_heading_start(line)
        if cut is None:
            out.append(line)
            continue
        log.append(LogEntry("structure", f"two headings on one line: {line.text[cut[1]:]!r} is the second", line.no))
        out += [replace(line, text=line.text[:cut[0]]), replace(line, text=line.text[cut[1]:])]
    return out


def _child_heading_start(line: Line) -> tuple[int, int] | None:
    """(end of the heading, start of its first child's) on a marked heading line, or None."""
    hm = match_heading(line.text) if line.md_level else None
    if hm is None or hm.scheme == "none":
        return None
    for m in re.finditer(r"[ \u3000]+", line.text):
        child = match_heading(line.text[m.end():])
        if child is not None and child.scheme not in ("none", hm.scheme) and child.key[-1] == 1:
            return m.start(), m.end()
    return None


def _candidate(lines: list[Line], i: int, layout: Layout) -> HeadingMatch | None:
    """A numbered line standing where a heading can: after a sentence end, a page start or a heading."""
    line = lines[i]
    hm = match_heading(line.text)
    if hm is None or hm.scheme == "none" or line.md_level or "。" in line.text or \
            line.width > max(layout.width, layout.widest) + 1.5:
        return None
    prev = lines[i - 1] if i else None
    if prev is not None and prev.page == line.page and not prev.ends_sentence and prev.width > 0.6 * layout.width:
        return None
    return hm


def restore_displaced_headings(lines: list[Line], layout: Layout, numbering: str | None = None):
    """Headings an extractor read out of order put back (pdftotext, two columns).

    A heading at the top of a right column is sometimes read before the left column: it opens
    the page, and the numbered headings after it continue the numbering from before it, not its
    own (三、 then 2. and 3. of the part before). It is put back where its own part begins: at
    the paragraph start (before its first child heading) nearest the middle of its page, where
    a left column ends. A heading is moved only when the numbering proves it out of place.
    """
    log: list[LogEntry] = []
    for _ in range(8):  # a few per paper at most; each pass moves one
        moved = _move_one_displaced(lines, layout, numbering)
        if moved is None:
            break
        lines, entry = moved
        log.append(entry)
    return lines, log


def _move_one_displaced(lines: list[Line], layout: Layout, numbering: str | None):
    import copy
    cands = [(i, hm) for i in range(len(lines)) if (hm := _candidate(lines, i, layout)) is not None]
    seq = HeadingSequence(declared=numbering)
    for k, (i, hm) in enumerate(cands):
        if not seq.accepts(hm):
            continue
        before, after = copy.deepcopy(seq), copy.deepcopy(seq)
        after.level(hm)
        seq.level(hm)
        page_lines = [n for n, l in enumerate(lines) if l.page == lines[i].page]
        if k + 1 >= len(cands) or page_lines.index(i) > 2:
            continue
        j, hy = cands[k + 1]
        if after.accepts(hy) or not before.accepts(hy):
            continue
        run = copy.deepcopy(before)
        m = k + 1
        while m < len(cands) and run.accepts(cands[m][1]):
            run.level(cands[m][1])
            m += 1
        if m >= len(cands) or not after.accepts(cands[m][1]):
            continue
        last_run, z = cands[m - 1][0], cands[m][0]
        extra = 1 if i + 1 < len(lines) and _candidate(lines, i + 1, layout) is None and \
            not lines[i + 1].ends_sentence and lines[i + 1].width <= 0.6 * layout.width else 0
        starts = [n for n in range(last_run + 1, z) if lines[n - 1].ends_sentence and
                  lines[n - 1].width < layout.width - SHORT_MARGIN] + [z]
        middle = page_lines[0] + len(page_lines) / 2
        target = min(starts, key=lambda n: abs(n - middle))
        block = lines[i: i + 1 + extra]
        rest = lines[:i] + lines[i + 1 + extra: target] + block + lines[target:]
        return rest, LogEntry("structure", f"heading {lines[i].text!r} was read before the column it opens "
                              f"(the numbering after it continues the part before): put back before line "
                              f"{lines[target].no}", lines[i].no)
    return None


def _heading_here(line: Line, prev: Line | None, current, seq: HeadingSequence, layout: Layout) -> HeadingMatch | None:
    if line.md_level == 1:
        return None
    hm = match_heading(line.text)
    if line.md_level:
        if hm is None:
            if re.search(r"。[”’」』）)]*$", line.text.rstrip()):
                return None  # a full stop ends text, not a heading: a line an extractor set large or alone
            hm = HeadingMatch("none", (), None, re.sub(r"\s+", "", line.text))
        if hm.scheme != "none" and not seq.accepts(hm):
            hm = HeadingMatch(hm.scheme, hm.key, hm.number, hm.title)
        return hm
    if hm is None:
        return None
    if "。" in line.text or line.width > max(layout.width, layout.widest) + 1.5:
        return None
    if current is not None and prev is not None and not prev.ends_sentence:
        return None
    if hm.scheme == "none" and line.width > 8:
        return None
    if not seq.accepts(hm):
        return None
    return hm


def _run_in(line: Line, prev: Line | None, current, seq: HeadingSequence):
    """(heading, cut) for a run-in heading: a number of a scheme the paper already sets as headings,
    continuing its sequence, then a short title closed by 。 and the paragraph on the same line."""
    hm = match_heading(line.text)
    if hm is None or hm.scheme == "none" or hm.scheme not in seq.levels or not seq.accepts(hm):
        return None
    if current is not None and prev is not None and not prev.ends_sentence:
        return None
    text = line.text
    stop = text.find("。")
    if stop < 0 or not text[stop + 1:].strip():
        return None
    title = hm.title[: max(0, len(hm.title) - len(text) + stop)]
    if not 2 <= len(title) <= 24 or re.search(r"[，,；;]", title):
        return None
    return HeadingMatch(hm.scheme, hm.key, hm.number, title + "。"), stop + 1


_LEADING_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-–/%]*")


def _pushed_down(a: Line, b: Line, measure: float) -> bool:
    """Is ``a`` short only because the word ``b`` opens with (Latin letters or digits, which do not break)
    was too wide for the room left at its end? ``b`` itself runs full (a paragraph's first line would be
    short by its lost indent)."""
    m = _LEADING_WORD.match(b.text.lstrip())
    return m is not None and measure - a.width <= display_width(m.group(0)) + 0.5


def _open_end(line: Line) -> bool:
    """A line that cannot end a heading: it stops on a comma, an enumeration mark or an open bracket."""
    return bool(re.search(r"[，、；：—（《“(]$", line.text.rstrip()))


def _plain_continuation(line: Line) -> bool:
    return not (line.indent or line.md_level or ends_sentence(line.text) or match_heading(line.text))


def _continues_heading(lines: list[Line], k: int, measure: float, short, wrapped: bool = True) -> bool:
    """Is line ``k`` the wrapped rest of the heading above it?

    It must be short, unpunctuated and not itself numbered; and either very short (a heading
    broken for display) or, when the heading's first line ran to the column's end (``wrapped``),
    followed by a line that is itself short or indented (the first line of the paragraph), which
    a paragraph's own first line never is.
    """
    nxt = lines[k]
    if nxt.indent or ends_sentence(nxt.text) or match_heading(nxt.text) or nxt.md_level:
        return False
    if not short(k):
        # a full line after a full heading line, then a line short by its lost indent: the heading's
        # second line (a paragraph's own first line is never full: it is indented)
        return wrapped and k + 1 < len(lines) and short(k + 1) and not lines[k + 1].ends_sentence \
            and not match_heading(lines[k + 1].text) and lines[k + 1].page == nxt.page
    if nxt.width <= 0.5 * measure and (wrapped or _display_break(lines, k, short)):
        return True
    if not wrapped:
        return False  # a heading line well short of the column did not wrap; what follows is text
    after = k + 1
    if after >= len(lines) or lines[after].indent or match_heading(lines[after].text) is not None:
        return True
    return short(after) and not lines[after].ends_sentence


def _display_break(lines: list[Line], k: int, short) -> bool:
    """After a heading line well short of the measure (it did not wrap), is line ``k`` the heading's rest,
    broken for display (共同富裕的必要性), rather than its paragraph's first words (结合前文分析，我们得出以下结;
    新质生产力的根本内涵是创新与变 / 革，既包括…) or a bare number? It holds words and no comma or colon,
    and the text does not run on from it into a full line."""
    nxt = lines[k]
    if not re.search(r"[\u4e00-\u9fff]", nxt.text) or re.search(r"[，,；;：:]", nxt.text):
        return False
    after = k + 1
    return after >= len(lines) or lines[after].indent or short(after) or match_heading(lines[after].text) is not None


def _breaks(a: Line | None, b: Line, layout: Layout, a_short: bool, b_short: bool) -> bool:
    """Does a new paragraph start at ``b``, the line after ``a``?"""
    if a is None or b.indent:
        return True
    if not layout.wrapped:
        return a.ends_sentence
    if not a.ends_sentence:
        return False
    if a_short:
        return True
    return b_short and not b.ends_sentence
