"""Pagination: where each printed page begins, and its printed number.

The reader's own page count (``Line.page``) only tells pages apart; a citation needs the number printed
on the page. The numbers come from what the source prints, never from a guess:

- **Folios.** A folio the furniture stage found (``· 38 ·``, ``第 38 页``, ``074``, or a number at either end
  of a running head) names the page it is printed on. Which page that is depends on where the extractor
  wrote it: before a page break it closes the page above, after one it opens the page below. A form
  feed or a page rule inside or right after the furniture settles it; where the extractor marks no break
  (the furniture itself is the only sign of one), a folio at the very end of the text (the last page's
  own) or at its very start (the first page's) shows on which side of the break the extractor writes
  them, and every other folio follows it.
- **The article's page range** printed in its 文章编号 (``1005-9245（2025）01-0089-09``: first page 89,
  nine pages), or a first page declared in paper.yml (``conversion.first_page``), numbers the pages from
  the first one on, when the pages with text fit the range.

Page breaks are form feeds and page rules (pdftotext, pymupdf4llm) where the extractor writes them (the
furniture between two such breaks is then no break of its own: an extractor may set a page's head after
its first line); else furniture between two pages (only furniture with a folio, where most of it carries
one); and, in extractions that mark a page's first line with one leading space (pdfminer's layout; two
before a heading), those marks. Such a mark also opens a text box that is not a page (the text under a
heading, a table); a mark that cuts a page into a stub and a remainder that together make one page of the
document's usual length is read as one of those and dropped. Numbers must agree: folios with each other (as many pages apart as breaks),
with the declared first page, and with the 文章编号's range; where they do not, no page is numbered
(the log says why), because a wrong page number in a citation is worse than none.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import LogEntry, PageStart
from ..textutil import CJK_CHAR
from .furniture import MASTHEAD, folio_style
from .lines import Line

_FOLIO_NUMBER = re.compile(r"\d{1,4}")
# a number at either end of a running head, set apart from the head's text (a year or an issue is not one)
_HEAD_FOLIO = re.compile(r"^(?P<a>\d{1,4})(?![\d年期卷.,，%])[ \u3000]*\S|\S[ \u3000]*(?<![第\d.])(?P<b>\d{1,4})$")
_ARTICLE_NUMBER = re.compile(r"[（(]\s*\d{4}\s*[)）]\s*\d{1,3}\s*[-－—–]\s*(\d{1,4})\s*[-－—–]\s*(\d{1,3})\s*$")
HAN = re.compile(CJK_CHAR)
STUB = 0.5  # a page shorter than this share of the usual page is a stub ...
FITS = 1.2  # ... and merges with a neighbour when together they are at most this share of a usual page


@dataclass(frozen=True)
class _Folio:
    number: int
    index: int  # line index in the stream
    side: str  # "closes" (the page above the break), "opens" (the page below), "either"
    cluster: int  # the cluster's break: index of the first line of the page below it


def folio_number(text: str, why: str) -> int | None:
    """The page number a furniture line prints, or None (a head without a folio, a masthead line)."""
    t = text.strip()
    if folio_style(t) is not None:
        return int(_FOLIO_NUMBER.search(t).group(0))
    if why in ("masthead",) or MASTHEAD.match(t):
        return None
    m = _HEAD_FOLIO.search(t)
    if not m:
        return None
    return int(m.group("a") or m.group("b"))


def article_range(value: str | None) -> tuple[int, int] | None:
    """(first page, page count) printed in a 文章编号 (``ISSN（YEAR）ISSUE-FIRST-COUNT``), or None."""
    m = _ARTICLE_NUMBER.search(value or "")
    if not m or not int(m.group(1)) or not int(m.group(2)):
        return None
    return int(m.group(1)), int(m.group(2))


def paginate(lines: list[Line], found: dict[int, str], cuts: dict[int, int], article: tuple[int, int] | None = None,
             declared_first: int | None = None, masthead: set[int] = frozenset()) -> tuple[tuple[PageStart, ...], list[LogEntry]]:
    """The printed pages of ``lines`` (the stream before furniture was removed; ``found`` and ``cuts`` are
    the furniture stage's findings, ``masthead`` the source lines the fields stage read as the masthead):
    each page's first source line and printed number (None: unknown)."""
    if not lines:
        return (), []
    furniture = dict(found)
    for i, line in enumerate(lines):
        if line.no in masthead and i not in furniture:
            furniture[i] = "masthead"
    for i, n in cuts.items():
        if MASTHEAD.match(lines[i].text[n:].strip(" \u3000")):
            furniture[i] = "running head and masthead"
    breaks, clusters = _breaks(lines, furniture, cuts)
    log: list[LogEntry] = []
    if len(breaks) > 1 and any(_weak_mark(lines[b]) for b in breaks):
        breaks, dropped = _drop_stubs(lines, breaks, furniture, {c for c, _ in clusters})
        for b in dropped:
            log.append(LogEntry("pages", "a leading-space mark read as a text box, not a page: the page it would "
                                         "begin is a stub of the page around it", lines[b].no))
    folios = _folios(lines, furniture, cuts, breaks, clusters)
    numbers, why = _number(lines, breaks, folios, furniture, article, declared_first)
    first_line = [min(l.no for l in lines[a:b]) for a, b in zip(breaks, breaks[1:] + [len(lines)])]
    if why:
        log.append(LogEntry("pages", why, lines[0].no))
    return tuple(PageStart(no, n) for no, n in zip(first_line, numbers)), log


def _breaks(lines: list[Line], furniture: dict[int, str], cuts: dict[int, int]):
    """Indices of the lines that begin a page (the first is 0), and the furniture clusters with the break
    each stands at (None: inside a page, as where an extractor put a page's head after its first line)."""
    strong = [i for i, l in enumerate(lines) if l.page_start and l.page_mark in ("feed", "rule")]
    weak = [i for i, l in enumerate(lines) if _weak_mark(l)]
    # furniture runs between two pages (a head or folio among them: a masthead alone is page 1's)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if i not in furniture and i not in cuts:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and j + 1 in furniture:
            j += 1
        if (i in cuts and i not in furniture) or any(furniture[k] != "masthead" for k in range(i, j + 1)):
            runs.append((i, j))
        i = j + 1
    use_weak = not strong and len(weak) >= 3 and len(weak) >= len(runs)
    starts = set(strong) | (set(weak) if use_weak else set())
    if not starts:
        # The furniture is the only sign of the pages: where most of it carries a folio, a page prints one,
        # and furniture without a folio is part of a page (a head an extractor set after the page's first
        # column), not a break of its own.
        with_folio = [r for r in runs if any(_run_folio(lines, furniture, cuts, k) for k in range(r[0], r[1] + 1))]
        if len(with_folio) >= 2 and len(with_folio) * 3 >= len(runs) * 2:
            runs = [r for r in runs if r in with_folio or r[0] == 0]
    clusters = []
    for a, b in runs:
        after = b + 1 if not (a in cuts and a not in furniture) else a
        near = [s for s in starts if a <= s <= after]
        text_before = any(k not in furniture for k in range(0, a))
        if near:
            clusters.append((min(near), (a, b)))
        elif not text_before:
            clusters.append((0, (a, b)))  # before the first page's text
        elif strong:
            clusters.append((None, (a, b)))  # the extractor marks its pages: furniture between them is no break
        elif after < len(lines):
            starts.add(after)  # the furniture is the only sign of the page break
            clusters.append((after, (a, b)))
        else:
            clusters.append((len(lines), (a, b)))  # after the last page's text
    starts.add(0)
    return sorted(s for s in starts if s < len(lines)), clusters


def _run_folio(lines, furniture, cuts, k) -> int | None:
    if k in cuts and k not in furniture:
        return folio_number(lines[k].text[: cuts[k]], "head")
    return folio_number(lines[k].text, furniture.get(k, ""))


def _weak_mark(line: Line) -> bool:
    """A page start marked by a leading space (pdfminer's layout); a heading there has two (its own indent)."""
    if line.page_start:
        return line.page_mark == "space"
    raw = line.raw
    return not line.page_mark and raw.startswith("  ") and not raw.startswith("   ") and raw[2:3] not in " \t\f"


def _han_lines(lines, a, b, furniture) -> int:
    return sum(1 for k in range(a, b) if k not in furniture and HAN.search(lines[k].text))


def _drop_stubs(lines, breaks, furniture, fixed):
    """Drop leading-space marks that cut a stub off a page (see the module's docstring)."""
    breaks = list(breaks)
    dropped = []
    while True:
        bounds = breaks + [len(lines)]
        sizes = [_han_lines(lines, a, b, furniture) for a, b in zip(bounds, bounds[1:])]
        with_text = [k for k, s in enumerate(sizes) if s]
        if len(with_text) < 3:
            return breaks, dropped
        usual = sorted(sizes[k] for k in with_text)[len(with_text) // 2]
        first, last = with_text[0], with_text[-1]
        best = None
        for k in range(1, len(breaks)):
            if not _weak_mark(lines[breaks[k]]) or breaks[k] in fixed:
                continue
            before, after = sizes[k - 1], sizes[k]
            stub = (k - 1 if before <= after else k)
            if stub in (first, last) or min(before, after) >= STUB * usual or before + after > FITS * usual:
                continue
            score = abs(before + after - usual)
            if best is None or score < best[0]:
                best = (score, k)
        if best is None:
            return breaks, dropped
        dropped.append(breaks.pop(best[1]))


def _folios(lines, furniture, cuts, breaks, clusters) -> list[_Folio]:
    """The folios, each with the page it may be on: ``side`` says how it was placed (``closes`` the page
    above its break, ``opens`` the page below, ``within`` the page it stands in, ``either``: not shown)."""
    out = []
    for brk, (a, b) in clusters:
        if brk is not None and 0 < brk < len(lines) and brk not in breaks:
            brk = max(x for x in breaks if x <= brk)  # its break was read as a text box
        marked = brk is not None and brk < len(lines) and (lines[brk].page_mark in ("feed", "rule")
                                                            or _weak_mark(lines[brk]) or brk in cuts)
        trailing = brk is not None and (brk >= len(lines) or not any(
            j not in furniture for j in range(b + 1, len(lines))))
        for k in range(a, b + 1):
            n = _run_folio(lines, furniture, cuts, k)
            if k in cuts and k not in furniture:
                side = "opens"
            else:
                if brk is None:
                    side = "within"
                elif brk == 0 and a == 0:
                    side = "opens"  # before the first page's text
                elif trailing:
                    side = "closes"  # after the last page's text
                elif marked:
                    side = "closes" if k < brk else "opens"
                else:
                    side = "either"
            if n is not None:
                out.append(_Folio(n, k, side, brk if brk is not None else k))
    return out


def _number(lines, breaks, folios, furniture, article, declared_first):
    """Each page's printed number (or None for all, with the reason)."""
    pages = len(breaks)
    unknown = [None] * pages

    def page_index(folio: _Folio, side: str) -> int:
        k = bisect_right(breaks, folio.cluster) - 1
        return k - 1 if side == "closes" and folio.cluster in breaks and folio.cluster > 0 else k

    offsets: set[int] | None = None
    if folios:
        fixed = [f for f in folios if f.side in ("closes", "opens")]
        sides = [fixed[0].side] if fixed and all(f.side == fixed[0].side for f in fixed) else ["closes", "opens"]
        candidates = []
        for side in sides:
            cs = {f.number - page_index(f, side if f.side == "either" else f.side) for f in folios}
            if len(cs) == 1:
                candidates.append(cs.pop())
        listed = ", ".join(str(f.number) for f in folios[:6]) + ("…" if len(folios) > 6 else "")
        if not candidates:
            return unknown, (f"the folios ({listed}) do not agree with the page breaks found: no page is numbered")
        offsets = set(candidates)
    anchors = {}
    if declared_first is not None:
        anchors["paper.yml conversion.first_page"] = declared_first
    if article:
        anchors["文章编号"] = article[0]
    if offsets is None:
        if not anchors:
            return unknown, None
        values = set(anchors.values())
        if len(values) > 1:
            return unknown, "the declared first page and the 文章编号's disagree: no page is numbered"
        first = values.pop()
        text_pages = [k for k, (a, b) in enumerate(zip(breaks, breaks[1:] + [len(lines)]))
                      if _han_lines(lines, a, b, furniture)]
        if article and text_pages:
            last_text = first + text_pages[-1]
            end = article[0] + article[1] - 1
            if not (end - 1 <= last_text <= end):
                return unknown, (f"the pages found with text end on page {last_text}, but the 文章编号 gives "
                                 f"pages {article[0]}-{end}: the page breaks are not all found, no page is numbered")
        return [first + k for k in range(pages)], None
    if declared_first is not None and declared_first not in offsets:
        return unknown, (f"paper.yml conversion.first_page is {declared_first}, but the folios number the first "
                         f"page {' or '.join(map(str, sorted(offsets)))}: no page is numbered")
    if len(offsets) > 1:
        agreeing = {c for c in offsets if all(c == v for v in anchors.values())} if anchors else set()
        if declared_first is not None:
            agreeing = {declared_first}
        if len(agreeing) != 1:
            a, b = sorted(offsets)
            return unknown, (f"the folios fit pages from {a} on and from {b} on (the extraction does not show on "
                             f"which side of a page break it writes them): declare conversion.first_page")
        offsets = agreeing
    first = offsets.pop()
    why = None
    if article and article[0] != first:
        why = f"the 文章编号 gives first page {article[0]}, the folios {first}: the folios are followed"
    return [first + k for k in range(pages)], why


def page_of(starts: tuple[PageStart, ...], line_no: int) -> int | None:
    """The printed page a source line is on (None: unknown)."""
    if not starts:
        return None
    k = bisect_right([s.line for s in starts], line_no) - 1
    return starts[max(k, 0)].number
