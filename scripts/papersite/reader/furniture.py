"""Page furniture (running heads, journal names, folios) found by repetition; pages numbered.

A journal prints the same running head on many pages, usually with the page number in it, and a
folio in one style throughout (``074``, ``· 38 ·``, ``— 38 —``, ``第 38 页``, ``38 / 42``). So a line
is furniture when its shape (digits read as ``#``, spaces ignored) recurs on several pages,
whatever its length: three or more times, spread over the document; or twice, short and always
beside a page edge. A folio is a line in a folio style (a bare number only where no other
number stands beside it, which would be a table). A furniture shape at the start of a longer
line (an extractor ran the head into the first line of text) is cut off that line. Lines listed
in paper.yml ``conversion.furniture`` (text or a ``#``-for-digits shape) are furniture too.
Pages start at an extractor's page marks (``Line.page_start``) and after furniture.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import LogEntry
from ..textutil import display_width, ends_sentence
from .lines import Line

_FOLIO_STYLES = [
    re.compile(r"^\d{1,4}$"),
    re.compile(r"^[·•\-—–－~〜]+\s*\d{1,4}\s*[·•\-—–－~〜]+$"),
    re.compile(r"^第\s*\d{1,4}\s*页$"),
    re.compile(r"^\d{1,4}\s*[/／]\s*\d{1,4}$"),
    re.compile(r"^(?:page|p\.)\s*\d{1,4}$", re.I),
]
_DIGITS = re.compile(r"\d+")
# A masthead line: issue, volume, ISSN, CN, URL, DOI, page range (printed once, on page 1).
MASTHEAD = re.compile(
    r"^(?:\d{4}\s*年\s*第\s*\d+\s*期(?:\s*[（(]\s*总第\s*\d+\s*期\s*[）)])?|第\s*\d+\s*卷\s*第\s*\d+\s*期.*"
    r"|ISSN\s*[:：]?\s*\d{4}-\d{3}[\dXx].*|CN\s*\d{2}-\d{4}\s*/\s*[A-Z0-9]+.*|(?:https?://|www\.)\S+"
    r"|Vol\.?\s*\d+\s*,?\s*No\.?\s*\d+.*|(?:总\s*)?第\s*\d+\s*[期卷]|第\s*\d+\s*卷\s*[,，]?\s*第\s*\d+\s*期"
    # the article's page range, printed alone (第156—165页, pp. 156-165, P89-97)
    r"|第\s*\d+\s*[-—–~〜－]+\s*\d+\s*页|pp?\.?\s*\d+\s*[-—–~〜－]+\s*\d+)"
    r"(?:\s+\d{1,4})?$", re.I)  # a folio may follow on the same line (第41卷 156)
_GAP = re.compile(r"[ \u3000]{2,}")
_FOLIO_PART = re.compile(r"^[·•\-—–－~〜]*第?#页?[·•\-—–－~〜]*|[·•\-—–－~〜]*第?#页?[·•\-—–－~〜]*$")
MIN_SPREAD = 8  # lines between two occurrences of a running head (a repeated body line stands closer)


def shape(text: str) -> str:
    """A line's furniture shape: spaces dropped, every run of digits read as ``#``."""
    return _DIGITS.sub("#", re.sub(r"[\s\u3000]+", "", text))


def folio_style(text: str) -> int | None:
    """Index of the folio style ``text`` is printed in, or None."""
    t = text.strip()
    for k, style in enumerate(_FOLIO_STYLES):
        if style.match(t):
            return k
    return None


def _off_sequence(lines: list[Line], step: int = 3) -> set[int]:
    """Bare numbers standing where a folio could that break the folios' sequence (a digit an extractor
    set apart from its date, 2025年 / 3 / 月, between folios 157 and 158): the folios are the longest run
    of bare numbers rising a page or a few at a time; the others are text."""
    bare = [(i, int(l.text.strip())) for i, l in enumerate(lines) if folio_style(l.text) == 0 and _is_folio(lines, i)]
    if len(bare) < 3 or len(bare) > 2000:
        return set()
    best = [1] * len(bare)  # the longest run ending at each
    back: list[int | None] = [None] * len(bare)
    for k, (_, v) in enumerate(bare):
        for j in range(max(0, k - 50), k):
            if 0 < v - bare[j][1] <= step and best[j] + 1 > best[k]:
                best[k], back[k] = best[j] + 1, j
    end = max(range(len(bare)), key=lambda k: best[k])
    if best[end] < 3:
        return set()
    keep: set[int] = set()
    k: int | None = end
    while k is not None:
        keep.add(k)
        k = back[k]
    return {bare[k][0] for k in range(len(bare)) if k not in keep}


def _is_folio(lines: list[Line], i: int, off_sequence: set[int] = frozenset()) -> bool:
    style = folio_style(lines[i].text)
    if style is None or i in off_sequence:
        return False
    if style != 0 or lines[i].page_start:
        return True
    # a bare number beside another bare number is a table's cell, not a folio
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and re.fullmatch(r"[\d.,%\s-]+", lines[j].text) and not lines[j].page_start:
            return False
    return True


def _folios_between(lines: list[Line], off_sequence: set[int]) -> set[int]:
    """Bare numbers beside a numeric line (which marks a table's cell) that stand exactly where the folio
    sequence lacks its number, between the folios one less and one more (343 after a note ending 399-415.,
    between folios 342 and 344): folios."""
    bare = [(i, int(l.text.strip())) for i, l in enumerate(lines) if folio_style(l.text) == 0]
    folios = [(i, v) for i, v in bare if _is_folio(lines, i, off_sequence)]
    out = set()
    for i, v in bare:
        before = [w for j, w in folios if j < i][-1:]
        after = [w for j, w in folios if j > i][:1]
        if before == [v - 1] and after == [v + 1]:
            out.add(i)
    return out


def _head_part(text: str) -> str | None:
    """The part of a line before a wide gap (``-layout`` spacing puts a head beside its folio)."""
    m = _GAP.search(text.strip())
    return text.strip()[: m.start()] if m else None


def find_furniture(lines: list[Line], declared: tuple[str, ...] = (), roles: dict | None = None) -> tuple[dict[int, str], dict[int, int]]:
    """Which lines are furniture (index -> why) and which line starts carry it (index -> chars to cut).

    ``roles`` maps source line numbers to a role paper.yml declares (furniture, or anything else:
    such a line is never furniture).
    """
    roles = roles or {}
    # a pipe row (an extractor took the page's head line for a table row: | 082 | 社会科学论衡 2025年第1期 |)
    # reads as the text of its cells
    rows = {i for i, l in enumerate(lines) if l.cells is not None}
    lines = [replace(l, text=" ".join(c.strip() for c in l.cells if c.strip())) if i in rows else l
             for i, l in enumerate(lines)]
    declared_shapes = {shape(d) for d in declared if shape(d)}
    shapes = [shape(l.text) for l in lines]
    positions: dict[str, list[int]] = {}
    for i, s in enumerate(shapes):
        positions.setdefault(s, []).append(i)
        head = _head_part(lines[i].text)
        if head:
            positions.setdefault(shape(head), []).append(i)
    edge = _near_page_edges(lines)
    furniture_shapes: dict[str, str] = {}
    top = _front_lines(lines)
    for s, where in positions.items():
        why = _repeated_why(s, where, lines, edge, top)
        if why:
            furniture_shapes[s] = why
    # a title set over two lines on page 1, printed on one line beside a later page's folio: the
    # running head of that page (a short article prints it once)
    for k in range(min(top, len(lines) - 1)):
        two = shape(lines[k].text + lines[k + 1].text)
        if len(two) >= 8 and two not in furniture_shapes and any(
                i >= top and edge[i] and _beside_folio(lines, i) for i in positions.get(two, [])):
            furniture_shapes[two] = "running head beside a folio: the title's words, set on two lines on page 1"
    parts = dict(furniture_shapes)
    for s, why in furniture_shapes.items():
        bare = _FOLIO_PART.sub("", s)
        if len(bare) >= 4:
            parts.setdefault(bare, why)
    for s, where in positions.items():
        if s in furniture_shapes:
            for piece in re.split(r"[ \u3000]{1,}", lines[where[0]].text.strip()):
                ps = shape(piece)
                if len(ps) >= 4 and "#" not in ps and not MASTHEAD.match(piece):
                    parts.setdefault(ps, "part of a running head")
    out: dict[int, str] = {}
    cuts: dict[int, int] = {}
    top = _front_lines(lines)
    off_sequence = _off_sequence(lines)
    gap_folios = _folios_between(lines, off_sequence)
    for i, line in enumerate(lines):
        s = shapes[i]
        if line.no in roles:
            if roles[line.no] == "furniture":
                out[i] = "declared in paper.yml conversion.lines"
            continue
        if s in declared_shapes or line.text.strip() in declared:
            out[i] = "declared in paper.yml"
        elif _is_folio(lines, i, off_sequence) or i in gap_folios:
            out[i] = "folio"
        elif MASTHEAD.match(line.text.strip()) and not line.md_level:
            out[i] = "masthead"
        elif s in parts and s not in furniture_shapes and not line.md_level and i >= top:
            out[i] = parts[s]
        elif s in furniture_shapes and not (i < top and "#" not in s and (line.md_level or not _beside_folio(lines, i))):
            out[i] = furniture_shapes[s]
        elif not line.md_level and i not in rows:
            cut = _leading_furniture(line.text, parts, declared_shapes)
            if cut:
                cuts[i] = cut
    _cut_folios_beside_heads(lines, out, cuts)
    return out, cuts


_LEADING_NUMBER = re.compile(r"[ \u3000]*(\d{1,4})[ \u3000]+(?=\S)")


def _cut_folios_beside_heads(lines: list[Line], found: dict[int, str], cuts: dict[int, int]) -> None:
    """Extend each cut over a folio printed beside the head it cut (``title 045 text``).

    The number is a folio when it fits the sequence of the folios found on lines of their own: above
    the one before the line, and at most the one after (which repeats it when the extractor printed it
    twice). A number opening the text (a year, a count) does not fit between two page numbers.
    """
    folios = sorted((i, int(lines[i].text.strip())) for i, why in found.items()
                    if why == "folio" and lines[i].text.strip().isdigit())
    for i, cut in cuts.items():
        m = _LEADING_NUMBER.match(lines[i].text, cut)
        if not m:
            continue
        before = [n for j, n in folios if j < i]
        after = [n for j, n in folios if j > i]
        if before and after and before[-1] < int(m.group(1)) <= after[0]:
            cuts[i] = m.end()


def _beside_folio(lines: list[Line], i: int) -> bool:
    """A folio or a masthead line (issue, ISSN) within two lines: page furniture stands there, not a title."""
    return any(folio_style(lines[j].text) is not None or MASTHEAD.match(lines[j].text.strip())
               for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i)


def _front_lines(lines: list[Line]) -> int:
    """Lines before the first page break: a title there may recur as a running head later."""
    for i, line in enumerate(lines[1:], start=1):
        if line.page_start:
            return min(i, 12)
    return min(len(lines), 12)


def _repeated_why(s: str, where: list[int], lines: list[Line], edge: list[bool], top: int = 0) -> str | None:
    if len(s) < 2 or len(where) < 2:
        return None
    sample = lines[where[0]]
    if ends_sentence(sample.text) or _label_alone(sample):
        return None
    marked = any(lines[i].md_level for i in where)
    later = [i for i in where if i >= top]  # the title on page 1 may stand close to page 2's head
    spread = all(b - a >= MIN_SPREAD for a, b in zip(later, later[1:]))
    at_edges = all(edge[i] for i in where)
    varying = len({re.sub(r"\s+", "", lines[i].text) for i in where}) > 1
    if varying and re.search(r"[，。；《》“”]", sample.text) and not at_edges:
        return None  # notes or sentences that differ only in their numbers (同上，第12页 / 第35页)
    if len(where) >= 3 and spread and (len(s) >= 4 or at_edges):
        return f"running head recurring on {len(where)} pages"
    beside = all(_beside_folio(lines, i) for i in where)
    # a line an extractor marked as a heading (##### 理论经济评论) is furniture only beside the folios
    if at_edges and len(s.replace("#", "")) >= 4 and (not marked or beside) and (
            _FOLIO_PART.search(s) and "#" in s or beside):
        return f"running head beside a folio on {len(where)} pages"
    if _short_unpunctuated(sample) and at_edges and not marked:
        return f"short line recurring at {len(where)} page edges"
    return None


def _label_alone(line: Line) -> bool:
    """A note label on a line of its own (``[注1]``, ``1)``): it recurs at page feet, but it is a note's."""
    from .notes import foot_label
    lab = foot_label(line)
    return lab is not None and not lab[3]


def _leading_furniture(text: str, furniture: dict[str, str], declared: set[str]) -> int:
    """Characters to cut from the start of ``text`` when it opens with a furniture shape."""
    head = _head_part(text)
    candidates = [head] if head else []
    for cand in candidates:
        s = shape(cand)
        if s in furniture or s in declared:
            return len(text) - len(text.lstrip()) + len(cand)
    compact = shape(text)
    for s in list(furniture) + list(declared):
        if len(s) >= 6 and compact.startswith(s) and len(compact) > len(s):
            return _raw_length(text, s)
    return 0


def _raw_length(text: str, target: str) -> int:
    """Characters of ``text`` whose shape is ``target`` (spaces skipped, digit runs as ``#``)."""
    k = 0
    got = ""
    while k < len(text) and len(got) < len(target):
        ch = text[k]
        if ch.isspace():
            k += 1
            continue
        if ch.isdigit():
            while k < len(text) and text[k].isdigit():
                k += 1
            got += "#"
            continue
        got += ch
        k += 1
    return k


def remove_furniture(lines: list[Line], extra: tuple[str, ...] = (), roles: dict | None = None,
                     evidence: dict | None = None) -> tuple[list[Line], list[LogEntry]]:
    """Drop running heads, journal names and folios; number the pages of what remains.

    ``evidence``, when given, receives what was found (``found``: index -> why, ``cuts``: index -> chars
    cut), for the pagination stage (reader/pages.py), which reads the folios' numbers."""
    found, cuts = find_furniture(lines, extra, roles)
    if evidence is not None:
        evidence.update(found=found, cuts=cuts)
    kept: list[Line] = []
    log: list[LogEntry] = []
    page = 0
    boundary_pending = False
    for i, line in enumerate(lines):
        if i in found:
            log.append(LogEntry("furniture", f"removed page furniture {line.text!r} ({found[i]})", line.no))
            boundary_pending = True
            continue
        if i in cuts:
            cut = line.text[: cuts[i]]
            rest = line.text[cuts[i]:].strip(" \u3000")
            if MASTHEAD.match(rest):
                log.append(LogEntry("furniture", f"removed page furniture {line.text!r} (running head and masthead)", line.no))
                boundary_pending = True
                continue
            log.append(LogEntry("furniture", f"removed page furniture {cut.strip()!r} from the start of the line", line.no))
            line = replace(line, text=rest, page_start=True)
        if line.page_start or boundary_pending:
            page += 1
            boundary_pending = False
        kept.append(replace(line, page=page))
    return kept, log


def _near_page_edges(lines: list[Line], reach: int = 3) -> list[bool]:
    """Whether each line stands within ``reach`` lines of a folio or a page start (linear time)."""
    edges = [i for i, l in enumerate(lines) if folio_style(l.text) is not None or l.page_start]
    out = [False] * len(lines)
    for e in edges:
        for i in range(max(0, e - reach), min(len(lines), e + reach + 1)):
            out[i] = True
    return out


def _short_unpunctuated(line: Line) -> bool:
    text = line.text
    return display_width(text) <= 12 and not re.search(r"[，。；：,.;:！？!?、]", text)


def head_pattern(text: str) -> re.Pattern | None:
    """A pattern for a running head's text set anywhere in a line (spaces free, digits any, a folio beside it)."""
    chars = [c for c in text if not c.isspace()]
    if sum(1 for c in chars if not c.isdigit()) < 8:
        return None
    parts, k = [], 0
    while k < len(chars):
        if chars[k].isdigit():
            while k < len(chars) and chars[k].isdigit():
                k += 1
            parts.append(r"\d+")
        else:
            parts.append(re.escape(chars[k]))
            k += 1
    body = r"[ \u3000]*".join(parts)
    folio_before = r"(?<![\d.])\d{1,4}[ \u3000]*"
    folio_after = r"[ \u3000]*\d{1,4}(?![\d.%])"
    # beside a folio, or at the start or end of the line: a sentence that quotes the title is neither
    return re.compile(rf"(?:{folio_before}{body}(?:{folio_after})?|{body}{folio_after}|^{body}|{body}$)")


_AUTHORS_BEFORE_TITLE = re.compile(r"\s*[\u4e00-\u9fff·]{2,4}等?\s*[：:]\s*")


def strip_inline_heads(lines: list[Line], heads: list[str], read: frozenset[str] = frozenset()) -> tuple[list[Line], list[LogEntry]]:
    """Cut running heads an extractor set inside a line of text (the title or a masthead line repeated).

    Only text at least eight characters long is cut, and only beside a folio or at the start or
    end of the line: a sentence may quote the title, but not with a page number stuck to it.
    A line near the start that is a head alone may be the title itself and is kept, unless the head
    is in ``read`` (the title and masthead the front matter already took: set again, a running head).
    """
    patterns = [(p, h in read) for p, h in ((head_pattern(h), h) for h in heads) if p]
    if not patterns:
        return lines, []
    out, log = [], []
    for i, line in enumerate(lines):
        text = line.text
        for pattern, was_read in patterns:
            if not was_read and i < 12 and pattern.fullmatch(text.strip()):
                continue  # the title itself
            new = pattern.sub("", text)
            if new != text:
                found = pattern.search(text)
                log.append(LogEntry("furniture", f"removed a running head set inside the line ({found.group(0)!r})", line.no))
                if _AUTHORS_BEFORE_TITLE.fullmatch(text[:found.start()]):
                    new = new[found.start():]  # the head's authors before the title (武扬波：<title>, 林远等：<title>)
                text = new
        if text != line.text:
            if not text.strip():
                continue
            line = replace(line, text=text.strip(" \u3000"))
        out.append(line)
    return out, log


def strip_masthead_repeats(lines: list[Line], names: list[str]) -> tuple[list[Line], list[LogEntry]]:
    """Remove a line that is the journal's name from page 1's masthead again, alone or with an issue or volume
    and a folio (``发展经济学刊　第12卷第2期``, ``502 发展经济学刊``): the running head of an article too short for
    it to recur often enough to be seen as one. ``names``: the masthead's lines that are not issue, ISSN, URL
    or page lines (the journal's names); a name under four characters is not trusted."""
    names = [n for n in (re.sub(r"[ \u3000]+", "", x) for x in names) if len(n) >= 4]
    if not names:
        return lines, []
    out, log = [], []
    for line in lines:
        tokens = re.split(r"[ \u3000]+", line.text.strip())
        if len(tokens) > 1 and tokens[0].isdigit() and len(tokens[0]) <= 4:
            tokens = tokens[1:]
        if len(tokens) > 1 and tokens[-1].isdigit() and len(tokens[-1]) <= 4:
            tokens = tokens[:-1]
        compact = "".join(tokens)
        name = next((n for n in names if compact.startswith(n)), None)
        rest = compact[len(name):] if name else None
        if name and (not rest or MASTHEAD.match(rest)):
            log.append(LogEntry("furniture", f"removed page furniture {line.text!r} (the masthead's journal name again)", line.no))
            continue
        out.append(line)
    return out, log

