"""Tables rebuilt in row or column order, column groups or runs, from one cell a line, -layout rows or pipe rows."""
import pytest

from papersite.model import Table, plain_text
from papersite.reader import ReaderOptions, read_text

HEADER = ["书名", "作者", "成书或刊行时间", "与灌溉有关的内容"]
ROWS = [["《齐民要术》", "贾思勰", "北魏末年", "耕作保墒"], ["《农书》", "王祯", "元皇庆二年（1313年）", "农器图谱灌溉门"],
        ["《天工开物》", "宋应星", "明崇祯十年（1637年）", "乃粒篇中的水车"], ["《农政全书》", "徐光启", "明崇祯十二年（1639年）", "水利诸卷与泰西水法"]]
from synthetic import sentence_lines

BEFORE = ["一、引言"] + sentence_lines(12) + ["各书的成书时间与所记内容见表1，其中以《农书》所记最为详备。"]
AFTER = ["资料来源：作者据各书整理。", "（一）《齐民要术》：以耕作保墒为中心", "《齐民要术》成书于北魏末年，所记以旱作农业为主。"]


def table_of(raw, options=ReaderOptions()):
    doc = read_text(raw, "t.txt", options)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0], doc


@pytest.mark.parametrize("layout", ["rows", "columns", "groups", "layout", "pipe"])
def test_table_in_any_order(layout):
    grid = [HEADER] + ROWS
    if layout == "rows":
        cells = [c for r in grid for c in r]
    elif layout == "columns":
        cells = [grid[r][k] for k in range(4) for r in range(5)]
    elif layout == "groups":  # pdfminer boxed the two right columns together: column, column, then both row by row
        cells = [grid[r][0] for r in range(5)] + [grid[r][1] for r in range(5)] + [grid[r][k] for r in range(5)
                                                                                  for k in (2, 3)]
    elif layout == "layout":
        cells = ["    ".join(r) for r in grid]
    else:
        cells = ["|" + "|".join(HEADER) + "|", "|---|---|---|---|"] + ["|" + "|".join(r) + "|" for r in ROWS]
    table, doc = table_of(BEFORE + ["表1　本文所据农书概况"] + cells + AFTER)
    assert table.caption == "表1 本文所据农书概况"
    assert table.header == tuple(HEADER)
    assert table.rows == tuple(tuple(r) for r in ROWS)
    assert table.source_note == "资料来源：作者据各书整理。"
    assert [h.text for h in doc.headings()][-1] == "《齐民要术》：以耕作保墒为中心"


def test_undecidable_table_is_kept_and_left_open():
    table, doc = table_of(BEFORE + ["表1　三项"] + ["甲", "乙", "丙"] + AFTER)
    assert table.header == ("甲",) and len(table.rows) == 2 and not table.laid_out
    assert [e for e in doc.log if e.kind == "decision"]


# The cells of b-two-column/own-irrigation-treatises/markitdown (pdfminer), in the order it wrote them: the header
# row, then text boxes of parts of rows and of columns that no reading order of rows, columns or column groups
# gives (北魏末年 is in row 1, 元皇庆二年 in row 2 of the same column).
PDFMINER_CELLS = ["书名", "作者", "成书或刊行时间", "与灌溉有关的内容", "《齐民要术》", "贾思勰", "北魏末年",
                  "元皇庆二年（1313年）", "明崇祯十年（1637年）", "耕作保墒", "农器图谱灌溉门", "乃粒篇中的水车",
                  "明崇祯十二年（1639年）", "水利诸卷与泰西水法", "《农书》", "《天工开物》", "《农政全书》", "王祯",
                  "宋应星", "徐光启"]


def test_cells_no_reading_order_explains_are_not_laid_out_as_a_grid():
    # Read in row order (the best of the orders tried) its rows would put 明崇祯十年 beside 耕作保墒 and 《农书》 in
    # the time column: a table the source does not print. Its columns are no more alike than those of the same
    # cells dealt at random, so it is kept as its cells, in the order extracted, and the decision is left open.
    table, doc = table_of(BEFORE + ["表1　本文所据农书概况"] + PDFMINER_CELLS + AFTER,
                          ReaderOptions(table_columns={"表1": 4}))
    # Nor do the runs down columns and along rows of fewest runs (row order is one; the runs pdfminer listed
    # are 3 more than the fewest, and more tilings read random cells as well): no grid is guessed.
    assert not table.laid_out
    assert [*table.header, *(c for r in table.rows for c in r)] == PDFMINER_CELLS
    assert [e for e in doc.log if e.kind == "decision" and "表1" in e.message and "order" in e.message
            and "fewest runs" in e.message]


def test_a_table_not_laid_out_is_shown_as_its_cells_with_the_editors_note():
    from papersite.labels import Labels
    from papersite.writers.markdown import _table
    table, _ = table_of(BEFORE + ["表1　本文所据农书概况"] + PDFMINER_CELLS + AFTER,
                        ReaderOptions(table_columns={"表1": 4}))
    page = "\n".join(_table(table, lambda s: s, "", Labels("zh-Hans")))
    assert "| --- |" not in page and "<th>" not in page                       # no grid
    assert '<p class="editor-note">编者注：本表的行列未能从提取的文字中复原' in page
    assert [line[4:-5] for line in page.splitlines() if line.startswith("<li>")] == PDFMINER_CELLS
    assert '<p class="table-source">资料来源：作者据各书整理。</p>' in page


def test_declared_column_groups():
    grid = [HEADER] + ROWS
    cells = [grid[r][k] for r in range(5) for k in (0, 1)] + [grid[r][2] for r in range(5)] + [grid[r][3] for r in range(5)]
    table, _ = table_of(BEFORE + ["表1　本文所据农书概况"] + cells + AFTER,
                        ReaderOptions(table_columns={"表1": {"columns": 4, "order": "2+1+1"}}))
    assert table.header == tuple(HEADER) and table.rows == tuple(tuple(r) for r in ROWS)


def test_declared_layout():
    cells = [c for r in [HEADER] + ROWS for c in r]
    table, _ = table_of(BEFORE + ["表1　本文所据农书概况"] + cells + AFTER,
                        ReaderOptions(table_columns={"表1": {"columns": 4, "order": "rows"}}))
    assert table.rows[0] == tuple(ROWS[0])


def test_pipe_rows_with_empty_columns_and_a_cell_set_beside_its_column():
    """markitdown: an empty first and last column, and a long cell in a headerless column of its own."""
    def row(cells):
        return "| " + " | ".join(cells) + " |"
    rows = [row(["", HEADER[0], "", *HEADER[1:], ""]), "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in ROWS:
        rows.append(row(["", r[0], "", *r[1:], ""]))
    last = ROWS[-1]
    rows[-1] = row(["", last[0], last[1], "", *last[2:], ""])  # the second cell slipped left of its column
    table, _ = table_of(BEFORE + ["表1　本文所据农书概况"] + rows + AFTER)
    assert table.header == tuple(HEADER)
    assert table.rows == tuple(tuple(r) for r in ROWS)


def test_a_label_read_into_the_column_beside_the_table():
    """pdftotext read a full-width table's label (表1) inside the column paragraph it interrupts; the caption
    and the cells follow where that paragraph ends. The paragraph stays whole, the table gets its caption."""
    para = sentence_lines(6)
    cells = [c for r in [HEADER] + ROWS for c in r]
    raw = BEFORE + para[:3] + ["表1"] + para[3:] + ["这一安排有其原因。", "本文所据农书概况"] + cells + AFTER
    table, doc = table_of(raw)
    assert table.caption == "表1 本文所据农书概况"
    assert table.rows == tuple(tuple(r) for r in ROWS)
    joined = "".join(para) + "这一安排有其原因。"
    assert any(plain_text(p.inlines).replace(" ", "").endswith(joined) for p in doc.paragraphs())
    assert "表1" not in "".join(plain_text(p.inlines) for p in doc.paragraphs()).replace("见表1", "")


def test_a_lone_label_without_cells_loses_no_text():
    """A 表1 line that opens no table (no cells follow) stays in the text, and so does the line after it."""
    after_label = "司掌握着大量数据资源，如何"
    raw = BEFORE + ["全球排名前列的科技公", "表1", after_label, "构建数据要素市场化配置体系。"] + AFTER
    doc = read_text(raw, "t.txt")
    text = "".join(plain_text(p.inlines) for p in doc.paragraphs())
    assert after_label in text.replace(" ", "")


def test_a_wrapped_cell_read_after_its_neighbour():
    """A cell set over two lines (明崇祯十二年（1639 / 年）) whose second line stands lower than the next
    cell: the extractor reads the neighbour between the two parts."""
    cells = [c for r in [HEADER] + ROWS[:3] for c in r] + ["《农政全书》", "徐光启", "明崇祯十二年（1639", "水利诸卷与泰西水法", "年）"]
    table, _ = table_of(BEFORE + ["表1　本文所据农书概况"] + cells + AFTER, ReaderOptions(table_columns={"表1": 4}))
    assert table.rows == tuple(tuple(r) for r in ROWS)


def test_a_label_read_into_a_column_finds_its_caption_past_sentences_ending_inside_the_paragraph():
    """Between the lone label and the caption the paragraph ends a sentence at a line's end more than once
    (…递减规律。 / 美国微软Azure云平台…): a line after such an end that no cells follow is text, not the caption."""
    para = sentence_lines(8, seed=5)
    cells = [c for r in [HEADER] + ROWS for c in r]
    raw = BEFORE + para[:3] + ["表1"] + para[3:5] + ["彻底颠覆了要素报酬递减规律。"] + para[5:] + \
        ["这一安排有其原因。", "本文所据农书概况"] + cells + AFTER
    table, doc = table_of(raw)
    assert table.caption == "表1 本文所据农书概况"
    assert table.rows == tuple(tuple(r) for r in ROWS)
    joined = "".join(para[5:]) + "这一安排有其原因。"
    assert any(plain_text(p.inlines).replace(" ", "").endswith(joined) for p in doc.paragraphs())


# pdfminer lists text boxes, and a box holds part of a column (top down) or part of a row (left to right). The runs
# below are written from the printed table (HEADER, ROWS): which cells each box holds, in the order listed.
def column(k, rows):
    return [([HEADER] + ROWS)[r][k] for r in rows]


def test_cells_listed_in_runs_down_columns_and_along_rows():
    # e-two-column-circled (markitdown): the two left columns whole, the two right ones down to row 3, then row 4
    # of the two right columns. In column order (the best plain order) 与灌溉有关的内容 would be a time.
    cells = column(0, range(5)) + column(1, range(5)) + column(2, range(4)) + column(3, range(4)) + ROWS[3][2:]
    table, doc = table_of(BEFORE + ["表1　本文所据农书概况"] + cells + AFTER, ReaderOptions(table_columns={"表1": 4}))
    assert table.laid_out and table.header == tuple(HEADER) and table.rows == tuple(tuple(r) for r in ROWS)
    assert [e for e in doc.log if e.kind == "table" and "column 3 rows 1-4" in e.message and "row 5 columns 3-4" in e.message]


def test_cells_listed_before_the_caption():
    """pdfminer sorted the boxes of a table's left columns and of its source note before its caption's: the short
    lines after the sentence before the caption are the table's first cells, the note its source."""
    cells_before = column(0, range(5)) + column(1, range(5)) + ["资料来源：作者据各书整理。"]
    cells_after = column(2, range(4)) + column(3, range(4)) + ROWS[3][2:]
    raw = BEFORE + cells_before + ["表1　本文所据农书概况"] + cells_after + AFTER[1:]
    table, doc = table_of(raw, ReaderOptions(table_columns={"表1": 4}))
    assert table.caption == "表1 本文所据农书概况" and table.laid_out
    assert table.header == tuple(HEADER) and table.rows == tuple(tuple(r) for r in ROWS)
    assert table.source_note == "资料来源：作者据各书整理。"
    text = "".join(plain_text(p.inlines) for p in doc.paragraphs())
    assert text.replace(" ", "").endswith("以旱作农业为主。") and "贾思勰" not in text
    assert "所记最为详备。" in text.replace(" ", "")  # the sentence before the cells stays text


def test_body_text_before_a_caption_is_not_taken_for_cells():
    """The lines before a caption that the cells after it do not need, or that run on from a paragraph (no sentence
    ends before them), stay text."""
    cells = [c for r in [HEADER] + ROWS for c in r]
    table, doc = table_of(BEFORE + ["甲", "乙", "表1　本文所据农书概况"] + cells + AFTER)
    assert table.rows == tuple(tuple(r) for r in ROWS)
    cells_after = column(2, range(4)) + column(3, range(4)) + ROWS[3][2:]
    running = sentence_lines(3)[:2]  # a paragraph's lines, no sentence ended before the cells
    raw = BEFORE[:-1] + running + column(0, range(5)) + column(1, range(5)) + ["表1　本文所据农书概况"] + cells_after + AFTER
    table, doc = table_of(raw, ReaderOptions(table_columns={"表1": 4}))
    assert not table.laid_out


def test_declared_runs():
    # the b-two-column cells (PDFMINER_CELLS): the header row, row 1 of columns 1-3, rows 2-3 of column 3, rows 1-3
    # of column 4, row 4 of column 3, of column 4, rows 2-4 of column 1, of column 2
    table, _ = table_of(BEFORE + ["表1　本文所据农书概况"] + PDFMINER_CELLS + AFTER,
                        ReaderOptions(table_columns={"表1": {"columns": 4, "order": "1234 123 33 444 3 4 111 222"}}))
    assert table.laid_out and table.header == tuple(HEADER) and table.rows == tuple(tuple(r) for r in ROWS)


def test_runs_that_read_two_grids_alike_are_not_laid_out():
    """Two columns of names: the runs read the names as well under one header as under the other (周九 could head
    a column as well as 校者), so no grid is guessed, and the column order (a plain order those runs read better)
    is not taken either."""
    header = ["书名", "作者", "校者", "年份"]
    rows = [["《甲书》", "张三", "李四", "1601年"], ["《乙书》", "王五", "赵六", "1602年"], ["《丙书》", "钱七", "孙八", "1603年"],
            ["《丁书》", "周九", "吴十", "1604年"]]
    grid = [header] + rows

    def col(k, rs):
        return [grid[r][k] for r in rs]
    cells = col(0, range(5)) + col(1, range(5)) + col(2, range(4)) + col(3, range(4)) + rows[3][2:]
    table, doc = table_of(BEFORE + ["表1　书目"] + cells + AFTER, ReaderOptions(table_columns={"表1": 4}))
    assert not table.laid_out
    assert [*table.header, *(c for r in table.rows for c in r)] == cells
    decisions = [e.message for e in doc.log if e.kind == "decision"]
    assert any("score alike" in m for m in decisions)
    # the reason given is the ambiguity, not that the cells read no better than chance
    assert not any("more alike than a random one" in m for m in decisions), decisions
