"""Flattened tables: a caption (表1 …), an optional source line, then the cells one per line.

PDF extraction lists a table's cells column by column. The cells run until the text flow
resumes (a page start, or a line as wide as body text). The number of columns is inferred:
the first cell of every column is its header, and a caption usually names the headers it
compares; when that does not decide it, paper.yml ``conversion.table_columns`` must.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import PaperError
from ..model import LogEntry
from ..textutil import display_width
from .lines import Line

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
    order: str = "columns"  # "columns": cells listed column by column; "rows": row by row


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
        if not _is_caption(line) or (i + 1 < len(lines) and lines[i + 1].cells is not None):
            out.append(line)
            i += 1
            continue
        m = _CAPTION.match(line.text)
        label = re.sub(r"\s+", "", m.group(1))
        caption = m.group(2).strip()
        source_note = None
        cells: list[str] = []
        j = i + 1
        while j < len(lines):
            cell = lines[j]
            if _SOURCE_NOTE.match(cell.text):
                source_note = cell.text
                j += 1
                continue
            if cell.page_start or display_width(cell.text) > 0.75 * body_width or cell.ends_sentence:
                break
            cells.append(cell.text)
            j += 1
        columns = _columns(label, caption, cells, declared.get(label), path, line.no)
        tables.append(RawTable(label, caption, tuple(cells), source_note, columns, line.no, len(out), lines[j - 1].no))
        log.append(LogEntry("table", f"{label}: {len(cells)} cells rebuilt as {columns} columns", line.no))
        i = j
    return out, tables, log


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
    if not label and j < len(lines) and _is_caption(lines[j]):
        m = _CAPTION.match(lines[j].text)
        label, caption = re.sub(r"\s+", "", m.group(1)), m.group(2).strip()
        j += 1
    source_note = None
    if j < len(lines) and _SOURCE_NOTE.match(lines[j].text):
        source_note = lines[j].text
        j += 1
    width = max(len(r) for r in rows)
    cells = tuple(c for r in rows for c in (tuple(r) + ("",) * (width - len(r))))
    tables.append(RawTable(label, caption, cells, source_note, width, first.no, len(out), lines[j - 1].no, "rows"))
    log.append(LogEntry("table", f"{label or 'table'}: {len(rows)} pipe-table rows of {width} columns", first.no))
    return j


def _columns(label, caption, cells, declared, path, line_no) -> int:
    n = len(cells)
    if declared:
        if n % declared:
            raise PaperError(path, f"{label} has {n} cells, which paper.yml's table_columns={declared} does not divide", line_no)
        return declared
    candidates = [c for c in range(2, n // 2 + 1) if n % c == 0]
    if not candidates:
        raise PaperError(path, f"{label}: cannot lay out {n} cells as a table; set conversion.table_columns in paper.yml", line_no)
    def score(c):
        rows = n // c
        headers = [cells[k * rows] for k in range(1, c)]
        return sum(1 for h in headers if h and h in caption)
    best = max(candidates, key=lambda c: (score(c), -abs(c - 3)))
    if score(best) == 0:
        raise PaperError(path, f"{label}: the number of columns of its {n} cells cannot be inferred; set conversion.table_columns in paper.yml", line_no)
    return best


def table_grid(table: RawTable) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(header, rows) of a table, whichever order its cells were listed in."""
    rows_n = len(table.cells) // table.columns
    if table.order == "rows":
        grid = [table.cells[r * table.columns:(r + 1) * table.columns] for r in range(rows_n)]
        return tuple(grid[0]), tuple(tuple(r) for r in grid[1:])
    columns = [table.cells[k * rows_n:(k + 1) * rows_n] for k in range(table.columns)]
    header = tuple(col[0] for col in columns)
    rows = tuple(tuple(col[r] for col in columns) for r in range(1, rows_n))
    return header, rows
