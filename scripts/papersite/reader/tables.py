"""Flattened tables: a caption (表1 …), the cells, then an optional source line.

Extractions list a table's cells one per line, row by row or column by column; ``-layout``
keeps each row on one line with wide gaps between cells; Markdown dialects write pipe rows.
The cells run until the text flow resumes (a page start, a heading, a line as wide as body
text, or the source line). The number of columns and the reading order are inferred together:
of every way of laying the cells out (columns dividing the count, in row or column order, or in groups of
neighbouring columns each read row by row, as pdfminer boxes them), the
one whose columns are most alike in kind (titles in 《》, dates, numbers, short terms) and whose
header the caption names wins. pdfminer lists text boxes, each part of a column or of a row: the tilings of
the cells into such runs with the fewest runs are weighed too (``_tiling_layout``), and when the cells after
the caption make no table, the short lines just before it are tried as its first cells (``_cells_before``). When no layout stands out, the best is used and the decision is
left open (a ``decision`` log entry); paper.yml ``conversion.table_columns`` settles it:
``{表1: 3}`` or ``{表1: {columns: 3, order: rows}}``.
"""
from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass

from ..model import LogEntry
from ..textutil import display_width
from .headings import match_heading
from .lines import Line

MIXED = 0.1  # what a mixed order (column groups) must read better by than the plain ones
# An inferred layout must make its columns more alike than the same cells dealt at random do, in this share of
# the deals (CHANCE_DEALS of them, always the same ones: a source converts the same way every time).
CHANCE_SHARE, CHANCE_DEALS = 0.95, 200
_LAYOUT_GAP = re.compile(r"[ \u3000]{2,}")

_CAPTION = re.compile(r"^(表\s*\d+(?:[-.．]\d+)?)[\s\u3000]*(\S.*)?$")
_SOURCE_NOTE = re.compile(r"^(资料来源|数据来源|来源|注)[：:]")


@dataclass(frozen=True)
class RawTable:
    """A table found in the flow; ``anchor`` is the index in the text lines it was lifted from."""
    label: str
    caption: str
    cells: tuple[str, ...]
    source_note: str | None
    columns: int
    line: int
    anchor: int
    last_line: int
    order: str = "columns"  # "columns": cells listed column by column; "rows": row by row; "1+1+2": column groups
    laid_out: bool = True   # False: no layout was found (shown as its cells, in the order extracted)


_LABEL_ALONE = re.compile(r"^表\s*\d+(?:[-.．]\d+)?$")


def _is_caption_text(line: Line) -> bool:
    return display_width(line.text) <= 30 and not line.ends_sentence and not _LABEL_ALONE.match(line.text)


def _is_caption(line: Line) -> bool:
    m = _CAPTION.match(line.text)
    return bool(m and m.group(2)) and display_width(line.text) <= 30 and not line.ends_sentence


def extract_tables(lines: list[Line], body_width: float, declared: dict, path: str):
    """Lift tables out of ``lines``; returns (remaining lines, tables, log)."""
    out: list[Line] = []
    tables: list[RawTable] = []
    log: list[LogEntry] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cells is not None:
            i = _pipe_table(lines, i, out, tables, log)
            continue
        split_caption = _LABEL_ALONE.match(line.text) and i + 1 < len(lines) and _is_caption_text(lines[i + 1])
        if not (_is_caption(line) or split_caption) or (i + 1 < len(lines) and lines[i + 1].cells is not None):
            out.append(line)
            i += 1
            continue
        m = _CAPTION.match(line.text)
        label = re.sub(r"\s+", "", m.group(1))
        caption = (m.group(2) or "").strip()
        first = i + 1
        if split_caption:  # 表1 on its own line, the caption on the next (pdftotext)
            caption = lines[i + 1].text.strip()
            first = i + 2
        cells, row_lines, source_note, j = _cells(lines, first, body_width)
        if not cells and split_caption:
            # the label read into a column's text (the table stands across the page): its caption and cells
            # follow where the paragraph it interrupts ends
            for k in _captions_after(lines, i + 1):
                cells, row_lines, source_note, j = _cells(lines, k + 1, body_width)
                if cells:
                    out += lines[i + 1:k]
                    caption = lines[k].text.strip()
                    log.append(LogEntry("table", f"{label}: the label stood apart from its caption (line {lines[k].no}), "
                                        f"in the text before it", line.no))
                    break
        if not cells:
            out.append(line)
            i += 1
            continue
        want = _declared(declared.get(label))
        row_lines = _merge_wrapped_rows(row_lines)
        if len(row_lines) >= 2 and len({len(r) for r in row_lines}) == 1 and len(row_lines[0]) >= 2 \
                and (not want or (want[0] == len(row_lines[0]) and want[1] in (None, "rows"))):
            cells = [c for r in row_lines for c in r]
            columns, order, why = len(row_lines[0]), "rows", "each row on one line"
        else:
            cells = _merge_wrapped(cells)
            mine: list[LogEntry] = []
            columns, order, why = _layout(label, caption, cells, want, mine, line.no)
            k, before, note = _cells_before(out, line, body_width, tables[-1].anchor if tables else 0)
            if columns == 1 and not (want and want[0] == 1) and before and (note is None or source_note is None):
                # the cells do not make a table: pdfminer may list part of them before the caption
                theirs: list[LogEntry] = []
                joined = _merge_wrapped(before + cells)
                got = _layout(label, caption, joined, want, theirs, line.no)
                if got[0] > 1:
                    cells, (columns, order, why), mine = joined, got, theirs
                    why += f"; {len(before)} of them listed before the caption, lines {out[k].no}-{out[k + len(before) - 1].no}"
                    source_note = source_note or note
                    del out[k:]
            log += mine
        laid_out = columns > 1 or (want is not None and want[0] == 1)   # one column: none found, unless declared
        tables.append(RawTable(label, caption, tuple(cells), source_note, columns, line.no, len(out), lines[j - 1].no, order,
                               laid_out))
        log.append(LogEntry("table", f"{label}: {len(cells)} cells rebuilt as {columns} columns {order_words(order)} ({why})", line.no))
        i = j
    return out, tables, log


def _cells(lines: list[Line], j: int, body_width: float):
    """(cells, each cell line's gapped parts, source note, end) of the table cells listed from ``j``: they run
    until the text flow resumes (a page start, a line as wide as body text, a sentence's end, a heading)."""
    source_note = None
    cells: list[str] = []
    row_lines: list[list[str]] = []
    while j < len(lines):
        cell = lines[j]
        if _SOURCE_NOTE.match(cell.text):
            source_note = cell.text
            j += 1
            if cells:
                break  # a source line under the table ends it (some print it above)
            continue
        gapped = len(_LAYOUT_GAP.split(cell.text.strip())) >= 2
        if cell.page_start or (display_width(cell.text) > 0.75 * body_width and not gapped) or cell.ends_sentence \
                or match_heading(cell.text) is not None:
            break
        cells.append(cell.text.strip())
        row_lines.append([c for c in _LAYOUT_GAP.split(cell.text.strip()) if c])
        j += 1
    return cells, row_lines, source_note, j


def _cells_before(out: list[Line], caption: Line, body_width: float, floor: int):
    """(index in ``out``, cells, source note) of the lines just before a caption that may be cells of its table
    listed first (pdfminer sorts boxes, and a table's may come before its caption's): short lines on the caption's
    page after the end of a sentence, none ending one, and a source note between them and the caption; none before
    ``floor`` (where the table before stands)."""
    k, note = len(out), None
    if k > floor and out[k - 1].page == caption.page and _SOURCE_NOTE.match(out[k - 1].text):
        note = out[k - 1].text
        k -= 1
    end = k
    while k > floor and out[k - 1].page == caption.page and not out[k - 1].ends_sentence and not out[k - 1].page_start \
            and display_width(out[k - 1].text) <= 0.75 * body_width and match_heading(out[k - 1].text) is None \
            and not _CAPTION.match(out[k - 1].text) and not _SOURCE_NOTE.match(out[k - 1].text):
        k -= 1
    if k == end or (k and not out[k - 1].ends_sentence):  # not bounded by a sentence's end
        return len(out), [], None
    return k, [l.text.strip() for l in out[k:end]], note


def _captions_after(lines: list[Line], i: int, reach: int = 40):
    """The lines that may be the caption ending, on the same page, the paragraph a lone table label
    interrupted, nearest first: a short line after a sentence's end (a sentence may end inside a line of
    the paragraph too; the caption is the one the cells follow)."""
    for k in range(i + 1, min(len(lines), i + reach)):
        if lines[k].page != lines[i].page:
            return
        if lines[k - 1].ends_sentence and _is_caption_text(lines[k]) and match_heading(lines[k].text) is None:
            yield k


def _pipe_table(lines, i, out, tables, log) -> int:
    """A table the extractor wrote as pipe rows (Markdown dialect): rows in order, first row the header."""
    label, caption, first = "", "", lines[i]
    if out and _is_caption(out[-1]):
        cap = out.pop()
        m = _CAPTION.match(cap.text)
        label, caption, first = re.sub(r"\s+", "", m.group(1)), m.group(2).strip(), cap
    rows = []
    j = i
    while j < len(lines) and lines[j].cells is not None:
        rows.append(lines[j].cells)
        j += 1
    if sum(1 for r in rows if sum(1 for c in r if c) <= 1) >= 0.6 * len(rows):
        # text the converter boxed in pipes (a column of running text): lines, not a table
        if label:
            out.append(first)
        from dataclasses import replace
        out.extend(replace(l, text="  ".join(c for c in l.cells if c), cells=None) for l in lines[i:j] if any(l.cells))
        log.append(LogEntry("normalised", f"pipe rows holding running text read as text lines: lines {lines[i].no}-{lines[j - 1].no}",
                            lines[i].no))
        return j
    if not label and j < len(lines) and _is_caption(lines[j]):
        m = _CAPTION.match(lines[j].text)
        label, caption = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
        j += 1
    source_note = None
    if j < len(lines) and _SOURCE_NOTE.match(lines[j].text):
        source_note = lines[j].text
        j += 1
    rows = _tidy_columns(rows)
    width = max(len(r) for r in rows)
    cells = tuple(c for r in rows for c in (tuple(r) + ("",) * (width - len(r))))
    tables.append(RawTable(label, caption, cells, source_note, width, first.no, len(out), lines[j - 1].no, "rows"))
    log.append(LogEntry("table", f"{label or 'table'}: {len(rows)} pipe-table rows of {width} columns", first.no))
    return j


def _tidy_columns(rows) -> list[list[str]]:
    """Pipe rows as the table's columns: columns empty in every row dropped, and a column without a
    header whose cells each stand beside an empty cell of a headed neighbour merged into it (an
    extractor that placed a long cell in a column of its own: | 区域格局 | 依赖资源禀赋… |  | 因地制宜… |)."""
    width = max(len(r) for r in rows)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    keep = [k for k in range(width) if any(r[k].strip() for r in grid)]
    grid = [[r[k] for k in keep] for r in grid]
    k = 0
    while k < len(grid[0]) and len(grid) > 1:
        if grid[0][k].strip():
            k += 1
            continue
        for n in (k + 1, k - 1):
            if 0 <= n < len(grid[0]) and grid[0][n].strip() and all(
                    not r[k].strip() or not r[n].strip() for r in grid[1:]):
                for r in grid:
                    r[n] = r[n] or r[k]
                for r in grid:
                    del r[k]
                break
        else:
            k += 1
    return grid


def _merge_wrapped_rows(rows: list[list[str]]) -> list[list[str]]:
    """-layout rows: a short line under a row whose cell left a bracket open is that cell's rest."""
    out: list[list[str]] = []
    for row in rows:
        if out and len(row) < len(out[-1]) and len(row) == 1 and any(_unbalanced(c) for c in out[-1]):
            k = next(k for k, c in enumerate(out[-1]) if _unbalanced(c))
            out[-1] = out[-1][:k] + [out[-1][k] + row[0]] + out[-1][k + 1:]
        else:
            out.append(list(row))
    return out


def _merge_wrapped(cells: list[str], reach: int = 3) -> list[str]:
    """Rejoin a cell the extractor broke over two lines: an opening bracket left unclosed (（1639 / 年）).

    The rest usually comes next; where the cell wrapped lower than its neighbours, the extractor reads
    the neighbour first (（1639 / 水利诸卷 / 年）): a cell close by that closes what it did not open is the rest.
    """
    cells = list(cells)
    out: list[str] = []
    while cells:
        cell = cells.pop(0)
        if out and _unbalanced(out[-1]):
            rest = next((k for k in range(min(reach, len(cells) + 1)) if _closes_unopened(([cell] + cells)[k])), None)
            if rest:  # a neighbour read between the two parts
                part = cells.pop(rest - 1)
                out[-1] += part
                out.append(cell)
                continue
            out[-1] += cell
        else:
            out.append(cell)
    return out


def _closes_unopened(text: str) -> bool:
    return any(text.count(b) > text.count(a) for a, b in ("（）", "()", "《》", "“”", "[]"))


def _unbalanced(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in ("（）", "()", "《》", "“”", "[]"))


def _declared(value):
    """(columns, order or None) from a paper.yml ``table_columns`` value (validated on load)."""
    if value is None:
        return None
    if isinstance(value, dict):
        order = value.get("order")
        if order is not None and re.fullmatch(r"[\d ]+", str(order)):  # runs: the column of each cell
            order = RUNS + str(order).replace(" ", "")
        return int(value["columns"]), order
    return int(value), None


@functools.lru_cache(maxsize=4096)
def _kind(cell: str) -> tuple:
    """What sort of cell this is, to compare the cells of one column."""
    return (cell.startswith(("《", "“")), bool(re.search(r"\d", cell)), bool(re.fullmatch(r"[\d.,%\s+\-—–]+", cell)),
            min(len(cell) // 4, 3))


def _groups(columns: int, order: str) -> list[int]:
    """The column groups an order reads one after another, each row by row: "rows" is one group of all the
    columns, "columns" a group per column, "2+1+1" (pdfminer, which boxes neighbouring columns together) as
    written."""
    if order == "rows":
        return [columns]
    if order == "columns":
        return [1] * columns
    return [int(g) for g in order.split("+")]


def _mixed_orders(columns: int) -> list[str]:
    """Every grouping of the columns into runs of neighbours other than all in one or each alone."""
    out = []
    for mask in range(1, 2 ** (columns - 1) - 1):
        sizes, size = [], 1
        for k in range(columns - 1):
            if mask >> k & 1:
                sizes.append(size)
                size = 1
            else:
                size += 1
        sizes.append(size)
        if len(sizes) < columns:
            out.append("+".join(map(str, sizes)))
    return out


def _columns_of(cells, columns, order):
    if order.startswith(RUNS):  # a run tiling: the column of each cell, in the order extracted; a column top down
        word = order[len(RUNS):]
        return [[cell for cell, k in zip(cells, word) if int(k) == c + 1] for c in range(columns)]
    rows = len(cells) // columns
    out: list[list[str]] = []
    at = 0
    for size in _groups(columns, order):
        block = cells[at:at + size * rows]
        out += [[block[r * size + k] for r in range(rows)] for k in range(size)]
        at += size * rows
    return out


def _alike(cols) -> float:
    """How alike the cells under each column's header are, on average (1: each column of one kind)."""
    alike = 0.0
    for col in cols:
        kinds = [_kind(c) for c in col[1:]]
        if kinds:
            alike += max(kinds.count(k) for k in set(kinds)) / len(kinds)
    return alike / len(cols)


def _beats_chance(cells, columns, order) -> bool:
    """Whether the layout's columns are more alike than those of the same cells in a random order (in
    CHANCE_SHARE of CHANCE_DEALS deals). A layout that does no better than chance was not read from the
    cells: the extraction interleaved them in a way no reading order here explains."""
    alike = _alike(_columns_of(cells, columns, order))
    deal, rng, beaten = list(cells), random.Random(len(cells) * 31 + columns), 0
    for _ in range(CHANCE_DEALS):
        rng.shuffle(deal)
        beaten += alike > _alike(_columns_of(deal, columns, order))
    return beaten >= CHANCE_SHARE * CHANCE_DEALS


def _score(cells, columns, order, caption) -> float:
    cols = _columns_of(cells, columns, order)
    alike = _alike(cols)
    header = [col[0] for col in cols]
    named = sum(1 for h in header[1:] if h and h in caption) / max(1, len(header) - 1)
    distinct = len(set(header)) == len(header)
    return alike + 0.5 * named + (0 if distinct else -1)


def _layout(label, caption, cells, want, log, line_no):
    """Columns and reading order of cells listed one a line: declared, or the best-scoring layout."""
    n = len(cells)
    if want:
        columns, order = want
        if n % columns:
            log.append(LogEntry("decision", f"{label} has {n} cells, which the declared {columns} columns do not divide; "
                                "shown as one column", line_no))
            return 1, "columns", "declared columns do not divide the cells"
        if order and order.startswith(RUNS) and len(order) - len(RUNS) != n:
            log.append(LogEntry("decision", f"{label} has {n} cells, but the runs declared in paper.yml list "
                                f"{len(order) - len(RUNS)}; shown as its cells, in the order extracted", line_no))
            return 1, "columns", "declared runs do not list the cells"
        if order:
            return columns, order, "declared in paper.yml"
        scored = sorted(((_score(cells, columns, o, caption) - (MIXED if o not in ("columns", "rows") else 0), o)
                         for o in ("columns", "rows", *_mixed_orders(columns))), reverse=True)
        plain = _beats_chance(cells, columns, scored[0][1])
        tiled = _tiling_layout(label, caption, cells, [columns], log, line_no, scored[0][0] if plain else None)
        if tiled:
            return tiled if tiled[0] == 1 else (tiled[0], tiled[1], f"columns declared in paper.yml; {tiled[2]}")
        if not plain:
            return _no_order(label, n, columns, log, line_no)
        return columns, scored[0][1], "columns declared in paper.yml, order inferred"
    options = [(c, o) for c in range(2, min(n // 2, 8) + 1) if n % c == 0 for o in ("columns", "rows", *_mixed_orders(c))]
    if not options:
        log.append(LogEntry("decision", f"{label}: {n} cells cannot be laid out as a table (no column count divides "
                            "them); shown as one column. Declare conversion.table_columns in paper.yml", line_no))
        return 1, "columns", "undecided"
    # (a mixed order must read clearly better than the plain ones: it is the rarer)
    scored = sorted(((_score(cells, c, o, caption) - (MIXED if o not in ("columns", "rows") else 0), -abs(c - 3), c, o)
                     for c, o in options), reverse=True)
    best = scored[0]
    plain = _beats_chance(cells, best[2], best[3])
    tiled = _tiling_layout(label, caption, cells, sorted({c for c, _ in options}), log, line_no,
                           best[0] if plain else None)
    if tiled:
        return tiled
    if not plain:
        return _no_order(label, n, best[2], log, line_no)
    if len(scored) > 1 and best[0] - scored[1][0] < 0.15:
        second = scored[1]
        log.append(LogEntry("decision", f"{label}: {n} cells read as {best[2]} columns {order_words(best[3])} "
                            f"(score {best[0]:.2f}); {second[2]} columns {order_words(second[3])} scores {second[0]:.2f}. "
                            "Declare conversion.table_columns in paper.yml if this is wrong", line_no))
    return best[2], best[3], f"columns most alike, score {best[0]:.2f}"

# A run tiling (pdfminer lists text boxes, and a box may hold part of a column or part of a row): the cells are
# listed as runs, each down one column from its topmost cell not yet listed or along one row from its leftmost
# cell not yet listed; a column is listed top first. The plain orders and the column groups are such tilings. The
# tilings of fewest runs, or one more, are weighed, those whose runs down a column join only cells that may stand
# one under the other; each run above the fewest costs RUN_COST.
RUNS = "runs:"
RUNS_SLACK, RUN_COST = 1, 0.05
# the work of one search: the states a tiling passes through ((rows + 1) ** columns, each searched once) times the cells;
# a larger table is not searched (5 rows of 4 columns are 25920, 4 rows of 5 columns 62500)
RUNS_MAX_WORK = 30000
RUNS_MAX_GRIDS = 5000     # more grids than this: the cells do not tell how they were listed
RUNS_MAX_STEPS = 200000   # the paths searched for them (tilings that list the same grid are searched apart)
RUNS_MAX_CELLS = 120      # nor one of more cells (the search recurses a cell at a time)
RUNS_DEALS = 20           # random deals of the cells searched the same way (CHANCE_SHARE of them must score lower)


def _may_stack(a: str, b: str) -> bool:
    """Whether two data cells may stand one under the other in a column: of one sort (titles in 《》, with digits,
    numbers), or sharing a character other than a digit (年 in 北魏末年 and 元皇庆二年（1313年）)."""
    if _kind(a)[:3] == _kind(b)[:3]:
        return True
    letters = {ch for ch in a if ch.isalpha()}
    return any(ch in letters for ch in b)


def _run_moves(stack, rows, columns, top):
    """(next state, column of each cell the run lists) of every run that may come next in state ``top`` (the
    number of cells listed in each column)."""
    i = sum(top)
    for c in range(columns):
        for length in range(1, rows - top[c] + 1):
            if length >= 2 and top[c] + length - 1 >= 2 and not stack[i + length - 2]:
                break  # two data cells one under the other that cannot be
            yield top[:c] + (top[c] + length,) + top[c + 1:], (c,) * length
    low = rows
    for c0 in range(columns):  # a row's leftmost cell not yet listed: a column listed less far than all left of it
        if top[c0] >= low:
            continue
        low = top[c0]
        end = c0 + 1
        while end < columns and top[end] == low:
            end += 1
        for stop in range(c0 + 2, end + 1):
            yield top[:c0] + tuple(t + 1 for t in top[c0:stop]) + top[stop:], tuple(range(c0, stop))


def _tilings(cells, columns):
    """{column of each cell: fewest runs} of every grid the tilings of at most RUNS_SLACK runs more than the fewest
    read; None when the table is too large to search or its grids too many to weigh."""
    rows = len(cells) // columns
    if rows < 2 or (rows + 1) ** columns * len(cells) > RUNS_MAX_WORK or len(cells) > RUNS_MAX_CELLS:
        return None
    stack = [_may_stack(cells[i], cells[i + 1]) for i in range(len(cells) - 1)]
    full, start, never = (rows,) * columns, (0,) * columns, 10 ** 6
    left: dict[tuple, int] = {full: 0}  # state -> fewest runs that finish the table from it
    moves: dict[tuple, list] = {}

    def step(top):
        if top not in moves:
            moves[top] = list(_run_moves(stack, rows, columns, top))
        return moves[top]

    def need(top):
        if top not in left:
            left[top] = never
            left[top] = min((1 + need(t) for t, _ in step(top)), default=never)
        return left[top]

    most = need(start) + RUNS_SLACK
    if most >= never:
        return None
    words: dict[tuple, int] = {}
    path, steps = [(start, (), 0)], 0
    while path:  # every path of at most ``most`` runs (each one ends: a state is kept only if the table can end)
        top, word, runs = path.pop()
        steps += 1
        if steps > RUNS_MAX_STEPS:
            return None
        if top == full:
            words[word] = min(runs, words.get(word, runs))
            if len(words) > RUNS_MAX_GRIDS:
                return None
            continue
        path += [(t, word + cols, runs + 1) for t, cols in step(top) if runs + 1 + left[t] <= most]
    return words


def _run_order(word) -> str:
    return RUNS + "".join(str(c + 1) for c in word)


def _best_tiling(cells, columns, caption):
    """(score, order, runs, score of the best grid of other columns, best alike) of the tilings, or None; the best
    alike is the best of the grids' columns-alike scores, all less RUN_COST a run above the fewest. Grids of the
    same columns in another order are one grid: the one listing its columns left to right is kept."""
    words = _tilings(cells, columns)
    if not words:
        return None
    fewest = min(words.values())
    grids: dict[frozenset, tuple] = {}
    alike = None
    for word, runs in words.items():
        order = _run_order(word)
        cols = _columns_of(cells, columns, order)
        key = frozenset(tuple(col) for col in cols)
        first = tuple(dict.fromkeys(word))  # the columns in the order they are first listed
        mine = (_score(cells, columns, order, caption) - RUN_COST * (runs - fewest), tuple(-k for k in first), order, runs)
        if key not in grids or mine > grids[key]:
            grids[key] = mine
        alike = max(alike if alike is not None else -1, _alike(cols) - RUN_COST * (runs - fewest))
    ranked = sorted(grids.values(), reverse=True)
    second = ranked[1][0] if len(ranked) > 1 else None
    return ranked[0][0], ranked[0][2], ranked[0][3], second, alike


def _tiling_beats_chance(cells, columns, alike) -> bool:
    """Whether the tilings' best ``alike`` beats that of the same cells dealt at random (in CHANCE_SHARE of
    RUNS_DEALS deals): the search picks the best of many grids, so each deal is searched the same way; a deal
    whose grids are too many to weigh counts against."""
    deal, rng, lost = list(cells), random.Random(len(cells) * 31 + columns), 0
    for _ in range(RUNS_DEALS):
        rng.shuffle(deal)
        words = _tilings(deal, columns)
        if words:
            fewest = min(words.values())
        lost += not words or any(_alike(_columns_of(deal, columns, _run_order(w))) - RUN_COST * (runs - fewest) >= alike
                                 for w, runs in words.items())
        if lost > (1 - CHANCE_SHARE) * RUNS_DEALS:
            return False
    return True


def _tiling_layout(label, caption, cells, counts, log, line_no, plain=None):
    """(columns, order, why) of the best tiling over the column counts ``counts``, or None when none is found, it
    scores no better than ``plain`` (a plain order or column groups that read better than chance) or it reads no
    better than chance. When two grids of different columns score alike, the cells are not laid out (a plain order
    the tilings read better is no reading either)."""
    best = sorted((t[0], c, t) for c in counts if len(cells) % c == 0 for t in [_best_tiling(cells, c, caption)] if t)
    if not best:
        return None
    score, columns, (_, order, runs, second, best_alike) = best[-1]
    alike = 0.5 / (columns * (len(cells) // columns - 1))  # closer than half what one cell adds to a column's score
    if plain is not None and score <= plain + alike:
        return None
    if not _tiling_beats_chance(cells, columns, best_alike):
        return None
    rivals = [s for s, _, _ in best[:-1]] + ([second] if second is not None else [])
    if rivals and score - max(rivals) < alike:
        return _no_order(label, len(cells), columns, log, line_no, alike=(score, max(rivals)))
    return columns, order, f"{runs} runs, columns most alike, score {score:.2f}"


def _runs_words(order: str, columns: int) -> str:
    """A run tiling as the log says it: "column 1 rows 1-5, row 5 columns 3-4, …" (row 1 the header)."""
    word = [int(k) - 1 for k in order[len(RUNS):]]
    top, runs, i = [0] * columns, [], 0
    while i < len(word):
        c = word[i]
        j = i + 1
        if j < len(word) and word[j] == c + 1 and top[word[j]] == top[c]:   # along a row
            while j < len(word) and word[j] == word[j - 1] + 1 and top[word[j]] == top[c]:
                j += 1
            runs.append(f"row {top[c] + 1} columns {c + 1}-{word[j - 1] + 1}")
            for k in word[i:j]:
                top[k] += 1
        else:
            while j < len(word) and word[j] == c:
                j += 1
            span = f"{top[c] + 1}-{top[c] + j - i}" if j - i > 1 else f"{top[c] + 1}"
            runs.append(f"column {c + 1} row{'s' if j - i > 1 else ''} {span}")
            top[c] += j - i
        i = j
    return ", ".join(runs)


def _no_order(label, n, columns, log, line_no, alike: tuple[float, float] | None = None):
    """No reading order found: the cells are shown as one column, in the order extracted (never a grid whose
    rows may put cells side by side that the source does not). ``alike``: the scores of two grids of different
    columns that read the cells equally well (the cells were not unreadable, but ambiguous)."""
    if alike:
        why = (f"its {n} cells listed in runs down columns and along rows read as two grids of different columns that "
               f"score alike ({alike[0]:.2f} and {alike[1]:.2f}), so the grid is not guessed")
    else:
        why = (f"no reading order of its {n} cells as {columns} columns (rows, columns, column groups, or the fewest "
               "runs down columns and along rows) makes the columns more alike than a random one")
    log.append(LogEntry("decision", f"{label}: {why}; shown as its cells, in the order extracted. If the PDF shows "
                        "them in rows, columns or column groups, declare conversion.table_columns with that order in "
                        "paper.yml, or the column of each cell in the order listed (order: '1234 123 …')", line_no))
    return 1, "columns", "two grids score alike" if alike else "no reading order better than chance"


def order_words(order: str) -> str:
    """An order as the log says it: "in row order", "in column order", "in column groups 1+1+2"."""
    if order.startswith(RUNS):
        return f"in runs ({_runs_words(order, max(int(k) for k in order[len(RUNS):]))})"
    return f"in {order[:-1]} order" if order in ("rows", "columns") else f"in column groups {order}, each row by row"


def table_grid(table: RawTable) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(header, rows) of a table, whichever order its cells were listed in."""
    rows_n = len(table.cells) // table.columns
    columns = _columns_of(table.cells, table.columns, table.order)
    header = tuple(col[0] for col in columns)
    rows = tuple(tuple(col[r] for col in columns) for r in range(1, rows_n))
    return header, rows
