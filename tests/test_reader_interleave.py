"""Pages read across two columns (pdfminer/markitdown): merged lines, pipe rows and alternating
lines put back in column order; one-column text left alone.

The text is a real paper's (wu-common-prosperity-logic, converted), set in two columns of 16
characters by this test, so the columns read on as a printed page's do; each page is then
written out the ways extractors were seen to write such pages.
"""
from pathlib import Path

import pytest

from papersite.model import plain_text
from papersite.reader import read_text
from papersite.reader.furniture import remove_furniture
from papersite.reader.interleave import unweave
from papersite.reader.lines import make_lines
from synthetic import sentence_lines

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 16
ROWS = 30
CLOSING = "，。、；：！？）》”’"


@pytest.fixture(scope="module")
def column_lines():
    """The paper's paragraphs wrapped at 16 characters: (lines, each line's paragraph index)."""
    src = ROOT / "content/papers/wu-common-prosperity-logic/source.txt"
    doc = read_text(src.read_text(encoding="utf-8").split("\n"), str(src))
    out = []
    for k, p in enumerate(doc.paragraphs()):
        text = plain_text(p.inlines).replace(" ", "")
        i = 0
        while i < len(text):
            end = i + WIDTH
            while end < len(text) and text[end] in CLOSING:
                end += 1  # no line starts with closing punctuation: it hangs at the end of the line before
            out.append((text[i:end], k))
            i = end
    return out


def pages(column_lines, n=3):
    """``n`` pages: (left column lines, right column lines)."""
    texts = [t for t, _ in column_lines]
    out = []
    for p in range(n):
        base = p * 2 * ROWS
        out.append((texts[base:base + ROWS], texts[base + ROWS:base + 2 * ROWS]))
    return out


def folio(p):
    return f"— {p + 101} —"


def unwoven(raw):
    kept, _ = remove_furniture(make_lines(raw))
    lines, log = unweave(kept)
    return [l.text for l in lines], log


def test_merged_lines_are_read_left_column_then_right(column_lines):
    raw, want = [], []
    for p, (left, right) in enumerate(pages(column_lines)):
        raw += [f"{a} {b}" for a, b in zip(left, right)] + [folio(p)]
        want += left + right
    got, log = unwoven(raw)
    assert got == want
    assert len(log) == 3 and "two columns" in log[0].message


def test_pipe_rows_of_two_text_columns_are_read_as_columns(column_lines):
    raw, want = [], []
    for p, (left, right) in enumerate(pages(column_lines)):
        raw += [f"| {left[0]} |  | {right[0]} |  |", "| --- | --- | --- | --- |"]
        raw += [f"| {a} |  | {b} |  |" for a, b in zip(left[1:], right[1:])] + [folio(p)]
        want += left + right
    got, _ = unwoven(raw)
    assert got == want
    assert not any("|" in t for t in got)


def test_lines_of_offset_columns_alternate_and_are_put_back(column_lines):
    """Rows 0-9 and 20-29 at the same height (merged), rows 10-19 offset (left, right, left, …)."""
    raw, want = [], []
    for p, (left, right) in enumerate(pages(column_lines)):
        for k, (a, b) in enumerate(zip(left, right)):
            raw += [a, b] if 10 <= k < 20 else [f"{a} {b}"]
        raw.append(folio(p))
        want += left + right
    got, _ = unwoven(raw)
    mismatched = sum(1 for a, b in zip(got, want) if a != b)
    assert sorted(got) == sorted(want)
    assert mismatched <= 2, [g for g, w in zip(got, want) if g != w]


def test_a_real_table_is_not_read_as_columns():
    raw = ["表1 两类生产力的比较", "| 维度 | 传统生产力 | 新质生产力 |", "| --- | --- | --- |",
           "| 生产要素 | 土地、资本、劳动力 | 创新、技术、人才 |", "| 生产方式 | 标准化、规模化 | 智能化、柔性化 |",
           "| 资源效率 | 高消耗 | 循环利用、低碳减排 |"]
    got, log = unwoven(raw)
    assert log == []
    assert sum(1 for t in got if "|" in t) == 4


@pytest.mark.parametrize("slug", ["liu-pei-common-prosperity", "xu-liu-distribution-relations",
                                  "li-zhang-2025-generative-logic", "wu-common-prosperity-logic",
                                  "zhang-factor-allocation"])
def test_one_column_papers_are_left_alone(slug):
    """Spaces inside one-column lines (after a full stop, around numbers) are not column gaps."""
    raw = (ROOT / "content/papers" / slug / "source.txt").read_text(encoding="utf-8").split("\n")
    kept, _ = remove_furniture(make_lines(raw))
    lines, log = unweave(kept)
    assert log == [] and lines == kept


def test_a_lone_pipe_row_in_one_column_text_is_the_line_it_cut():
    """pdfminer (markitdown) wrote one line of a one-column page as a pipe table, cut at the space beside a number:
    the row is that line of text, its words in order, not a table."""
    text = ["在政治经济学理论视野中，无论是国外的经典作家还是中国的马克思主义者，都强",
            "调共同富裕的实现要以一定程度的生产力发展为基础，特别是在生产力发展更具信息",
            "化、智能化的时代背景下，更需要深入挖掘新质生产力对全体人民共同富裕的支撑作",
            "用。欧盟《通用数据保护条例》（GDPR）实施后，企业数据调用成本增加 23%，却",
            "倒逼出联邦学习等隐私计算技术的创新；二是数据垄断与共享经济的结构性冲突，全",
            "球排名前10的科技公司掌握着85%的高价值数据资源，如何构建数据要素市场化配置"] * 2
    raw = text[:4] + ["| 倒逼出联邦学习等隐私计算技术的创新；二是数据垄断与共享经济 |   的结构性冲突，全 |  |",
                      "| --- | --- | --- |"] + text[5:] + ["· 157 ·"]
    got, _ = unwoven(raw)
    assert got == text[:4] + ["倒逼出联邦学习等隐私计算技术的创新；二是数据垄断与共享经济的结构性冲突，全"] + text[5:]


def _merged(left, right):
    return [f"{a} {b}" for a, b in zip(left, right)]


def test_a_block_of_two_pipe_rows_among_merged_lines_is_two_columns(column_lines):
    """pdfminer writes a page's lines as merged lines, then two as a pipe table: still columns."""
    (left, right), = pages(column_lines, 1)
    raw = _merged(left[:20], right[:20]) + [f"| {left[20]} | {right[20]} |  |", "| --- | --- | --- |",
                                             f"| {left[21]} | {right[21]} |  |"]
    raw += _merged(left[22:], right[22:]) + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left + right


def test_a_lone_pipe_row_whose_left_cell_is_an_indented_first_line_is_two_columns(column_lines):
    """One row written as a pipe table among merged lines, its left cell a paragraph's first line (two characters
    short of the measure): two column lines, not a table."""
    (left, right), = pages(column_lines, 1)
    left[20] = left[20][:WIDTH - 2]
    raw = _merged(left[:20], right[:20]) + [f"| {left[20]} |  | {right[20]} |", "| --- | --- | --- |"]
    raw += _merged(left[21:], right[21:]) + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left + right


def test_a_caption_stays_over_its_table_between_the_columns(column_lines):
    """A full-width table inside a two-column page: its caption, narrower than a column, is not
    read into the left column; the columns above and below it are read each in turn."""
    (left, right), = pages(column_lines, 1)
    table = ["表1　两类生产力的比较", "| 维度 | 传统生产力 | 新质生产力 |", "| --- | --- | --- |",
             "| 生产要素 | 土地、资本、劳动力 | 创新、技术、人才 |", "| 生产方式 | 标准化、规模化 | 智能化、柔性化 |",
             "| 资源效率 | 高消耗 | 循环利用、低碳减排 |"]
    raw = _merged(left[:12], right[:12]) + table + _merged(left[12:], right[12:]) + [folio(0)]
    got, _ = unwoven(raw)
    caption = got.index(table[0])
    assert got[:caption] == left[:12] + right[:12]
    assert got[caption + 5:] == left[12:] + right[12:]


def test_a_right_column_standing_higher_than_a_heading_on_the_left_is_read_second(column_lines):
    """The left column opens with a heading (space above it), so the right column's first line is
    higher on the page and comes out first: it still belongs to the right column."""
    (left, right), = pages(column_lines, 1)
    heading = "一、问题的提出"
    raw = [right[0], heading, right[1]] + _merged(left[:ROWS - 2], right[2:]) + [left[ROWS - 2], folio(0)]
    got, _ = unwoven(raw)
    assert got == [heading] + left[:ROWS - 1] + right


def test_the_last_line_of_an_abstract_across_the_page_stays_before_the_columns(column_lines):
    (left, right), = pages(column_lines, 1)
    abstract = ["摘　要：" + "在发展生产力中促进共同富裕是马克思主义政治经济学的基本观点，以新质生产力赋能",
                "共同富裕。"]
    got, _ = unwoven(abstract + _merged(left, right) + [folio(0)])
    assert got == abstract + left + right


def test_a_citation_marker_does_not_widen_a_column_line(column_lines):
    """Superscript markers ([8], (1)) take little room on the page: a line with one is still a
    full column line, and the merged line it is part of is divided."""
    (left, right), = pages(column_lines, 1)
    left = [t[:10] + "”[8]" + t[10:] if k % 5 == 2 else t for k, t in enumerate(left)]
    got, _ = unwoven(_merged(left, right) + [folio(0)])
    assert got == left + right



def test_a_column_line_alone_with_a_marker_and_a_space_after_it_stays_whole(column_lines):
    """The right column's line alone at its height (the left column ends higher), pdfminer's space after its
    superscript marker: the marker takes little room, so the line is no wider than a column and is not two."""
    (left, right), = pages(column_lines, 1)
    k = next(k for k in range(12, ROWS) if len(right[k]) == WIDTH and all("\u4e00" <= c <= "\u9fff" for c in right[k]))
    alone = f"{right[k][:10]}[22]  {right[k][10:]}"
    raw = _merged(left[:k], right[:k]) + [alone] + [f"{b}" for b in right[k + 1:]] + [folio(0)]
    got, _ = unwoven(raw)
    assert alone in got


def test_a_raised_marker_of_the_other_column_set_apart_is_split_off(column_lines):
    """pdftotext -layout: a right column's raised marker on the left column's line, far across the gap
    (``…生产力发展     [28]``): it is the right column's, and the line is split before it."""
    (left, right), = pages(column_lines, 1)
    raw = [f"{a}      {b}" for a, b in zip(left[:20], right[:20])] + [f"{left[20]}      [28]"]
    raw += [f"{a}      {b}" for a, b in zip(left[21:], right[21:])] + [folio(0)]
    got, _ = unwoven(raw)
    assert left[20] in got and "[28]" in got


def test_text_boxes_of_two_columns_are_divided_by_their_headings_numbers():
    """pdfminer without merged lines (b-two-column/own-irrigation-treatises/markitdown, the abstract and
    page 202): each text box (a heading, a paragraph's first line, the rest of it) apart by blank
    lines, the boxes of both columns mixed — （一）, （四）, the first lines of their paragraphs, ….
    The headings' numbers, out of order, tell the columns apart, the boxes' seams which part goes on
    which; each box stays whole and in its column's order."""
    src = (ROOT / "tests/corpus/b-two-column/own-irrigation-treatises/markitdown/source.txt").read_text(
        encoding="utf-8").split("\n")
    raw = {no: src[no - 1] for no in list(range(19, 30)) + list(range(106, 174))}
    kept, _ = remove_furniture(make_lines(list(raw.values())))
    lines, log = unweave(kept)
    numbers = list(raw)
    got = [numbers[line.no - 1] for line in lines]
    left = [106, 107, 112, *range(116, 122), 123, 125, *range(127, 132), 133, 134, *range(136, 143)]
    right = [109, 110, 114, *range(144, 149), 150, *range(152, 157), 158, *range(160, 164), 165, 167,
             *range(169, 174)]
    assert got == [19, 21, 23, 25, 27, 29] + left + right
    assert len(log) == 1


def test_pipe_rows_count_as_merged_lines_and_a_note_across_the_page_stays_whole(column_lines):
    """A page written as pipe rows of two columns, with one line the short end of a left-column
    heading beside a right-column line: the pipe rows show the page is read across, so that line is
    divided too. The note at the page's foot, across the page, is one line (its inner space is not
    a column gap)."""
    (left, right), = pages(column_lines, 1)
    note = "(1) 注：该文 2013 年以工作论文形式发表。"
    heading = ["三、新质生产力赋能共同富裕的关", "键维度"]
    raw = [f"| {a} |  | {b} |" for a, b in zip(left[:12], right[:12])]
    raw[1:1] = ["| --- | --- | --- |"]
    raw += [heading[0], f"{heading[1]} {right[12]}"]
    raw += [f"| {a} |  | {b} |" for a, b in zip(left[12:24], right[13:25])] + [note, folio(0)]
    raw[15:15] = ["| --- | --- | --- |"]
    # the rest of the paper: merged lines (the column width)
    for p, (l2, r2) in enumerate(pages(column_lines, 3)[1:], start=1):
        raw += _merged(l2, r2) + [folio(p)]
    got, _ = unwoven(raw)
    page = left[:12] + heading + left[12:24] + right[:25]
    assert [t for t in got[:len(page) + 1] if t != note] == page
    assert note in got  # whole (the notes stage takes it wherever it stands among the page's lines)


def test_a_lone_pipe_row_that_is_one_column_line_cut_at_a_space(column_lines):
    """pdfminer cut one left-column line at the space before a number into a one-row pipe table
    (| 工作比例为 | 6%~12%。王永钦和董雯 |): it is that line, in its column."""
    (left, right), = pages(column_lines, 1)
    cut = left[10][:5] + " | " + left[10][5:]
    raw = _merged(left[:10], right[:10]) + [f"| {cut} |  |  |", "| --- | --- | --- |", right[10]] + \
        _merged(left[11:], right[11:]) + [folio(0)]
    for p, (l2, r2) in enumerate(pages(column_lines, 3)[1:], start=1):
        raw += _merged(l2, r2) + [folio(p)]
    got, _ = unwoven(raw)
    assert got[:2 * ROWS] == left + right


def test_a_cell_after_a_raised_marker_stays_in_the_left_column(column_lines):
    """A left line broken at a superscript (``…的必然选择[20] | ，也是最``): the rest of it is a cell of a column
    that is mostly empty, before the right column's; it belongs to the left line, not to the right column."""
    (left, right), = pages(column_lines, 1)
    broken = 5
    rows = [f"| {a} |  | {b} |  |" for a, b in zip(left, right)]
    rows[broken] = f"| {left[broken][:9]}[20] | {left[broken][9:]} | {right[broken]} |  |"
    raw = rows[:1] + ["| --- | --- | --- | --- |"] + rows[1:] + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left[:broken] + [f"{left[broken][:9]}[20]{left[broken][9:]}"] + left[broken + 1:] + right


def test_a_heading_or_a_sentence_end_beside_the_other_column_is_split_there(column_lines):
    """Lines no wider than one column that are two: a heading beside the other column's heading (``4 结论 4.2
    积极探析…``), a heading's last words beside a heading (``变革 4.4 从长计议…``), a paragraph's last words
    beside the other column's indented first line (``论。 促进新质…``). The split falls before the number, not
    after it, and after the sentence's end."""
    (left, right), = pages(column_lines, 1)
    left, right = left[:24], right[:24]
    special = {8: ("4 结论", "4.2 积极探析促进新质生产力的路径"), 13: ("论。", "促进新质生产力发展，需要加强科"),
               18: ("变革", "4.4 从长计议推动重大技术创新")}
    for k, (a, b) in special.items():
        left[k], right[k] = a, b
    raw = [f"{a} {b}" for a, b in zip(left, right)] + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left + right


def test_two_paragraph_ends_side_by_side_are_split_between_them(column_lines):
    """A paragraph's last line beside the other column's last line (``平惠及全体人民。 展开讨论。``): a sentence's
    end, a space and a Chinese character is no column line, however short both parts are."""
    (left, right), = pages(column_lines, 1)
    left, right = left[:24], right[:24]
    left[9], right[9] = "平惠及全体人民。", "展开讨论。"
    raw = [f"{a} {b}" for a, b in zip(left, right)] + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left + right


def test_a_wrapped_headings_last_words_beside_the_other_columns_first_line_are_split_off(column_lines):
    """A numbered heading set large wraps (三、…的关 / 键维度); its last words stand at the height of the other
    column's first line, which begins its paragraph (indented): ``键维度 第二，新质生产力将在催生新产``. Short words
    without punctuation after a numbered heading are the heading's, not the start of a column line."""
    (left, right), = pages(column_lines, 1)
    left, right = left[:24], right[:24]
    raw = _merged(left[:10], right[:10]) + ["三、新质生产力赋能共同富裕的关", "键维度 第二，新质生产力将在催生新"]
    raw += _merged(left[10:], right[10:]) + [folio(0)]
    got, _ = unwoven(raw)
    assert "键维度" in got and "第二，新质生产力将在催生新" in got
    assert got.index("键维度") == got.index("三、新质生产力赋能共同富裕的关") + 1


def test_a_last_section_in_two_columns_written_box_by_box_is_put_in_column_order():
    """A one-column paper whose last section and references are set in two columns; pdfminer wrote the right
    column's first box (the end of the left column's sentence: …发 / 展…) before the left column's box, which
    then breaks off mid-sentence into 参考文献. The order that reads on is the columns': left box, right box."""
    one = sentence_lines(60, width=34)
    raw = []
    for p in range(3):
        raw += one[p * 20:(p + 1) * 20] + [f"· {p + 1} ·", ""]
    col = sentence_lines(10, width=16, seed=3)
    left = col[:8]
    left[-1] = left[-1][:-1] + "发"
    right = ["展" + col[8][1:], col[9][:-1] + "。"]
    refs = ["[1] 王祯. 农书[M]. 北京：中华书局，1956.", "[2] 徐光启. 农政全书[M]. 上海：上海古籍出版社，1979."]
    raw += right + [""] + left + ["", "参考文献", ""] + refs + ["· 4 ·"]
    got, log = unwoven(raw)
    assert got == one + left + right + ["参考文献"] + refs
    assert len(log) == 1 and "two columns" in log[0].message


def test_a_short_line_is_followed_in_its_column_by_a_first_line_not_a_full_one():
    """Offset lines where the characters at the seams mislead: the right column's heading over two lines
    (二、… / 论分析) beside the left column's paragraph, 分析的 and 要素 in the document's text. The heading's
    last line stops short, so what follows it in its column is the indented first line of its section (素质…,
    two characters narrower than the measure), not the left column's full line running on (的作用…); the left
    column's full line running on (…需要) goes on in a full line, not in an indented first line."""
    text = "在政治经济学理论分析的视野中无论是国外的经典作家还是中国的马克思主义者都强调共同富裕的实现要以一定程度" \
           "的生产力发展为基础特别是在生产力发展更具信息化智能化数字化的时代背景下更需要深入分析的是新质生产力以要素" \
           "创新性配置为主要抓手对全体人民共同富裕的支撑作用使全体社会成员共享经济社会发展成果最终实现人的全面发展"
    rows = [text[k * 8:k * 8 + 18] for k in range(16)]  # full column lines: 18 characters, the measure
    assert all(len(r) == 18 for r in rows)
    left = ["中国特色社会主义进入新时代以来我",  # a paragraph's first line: 16 characters
            "国经济发展的内外部条件发生了深刻变化", "以要素投入规模扩张为主的增长方式需要", "的作用逐渐减弱随着我国社会主要矛盾的",
            "转变不平衡不充分的发展成为我国共同富"]
    right = ["二、新质生产力促进共同富裕的理", "论分析", "素质的全面提升是实现共同富裕前提", "和基础只有不断提高劳动者的技能水平才"]
    page = [f"{a} {b}" for a, b in zip(rows[:8], rows[8:])]
    page += ["历史时期关于农村共同富裕的思想。 能够为实现全体人民共同富裕提供支撑。"]
    page += [left[0], right[0], left[1], right[1], left[2], f"{left[3]} {right[2]}", f"{left[4]} {right[3]}", folio(0)]
    got, _ = unwoven(page)
    start = got.index(left[0])
    assert got[start:start + len(left)] == left
    start = got.index(right[0])
    assert got[start:start + len(right)] == right


def test_a_short_last_line_with_digits_is_short_too():
    """A left paragraph ending ``2019）。`` at the foot of the page, the right column running on for one more
    line that the extractor wrote after it: it belongs to the right column, since a line that stops that short
    (digits and all) ends its paragraph, and a full line cannot follow it in its column. (The right column
    begins a paragraph, as it must where the left column's last line ends one: its first line is indented.)"""
    text = "在政治经济学理论分析的视野中无论是国外的经典作家还是中国的马克思主义者都强调共同富裕的实现要以一定程度" \
           "的生产力发展为基础特别是在生产力发展更具信息化智能化数字化的时代背景下更需要深入分析的是新质生产力以要素" \
           "创新性配置为主要抓手对全体人民共同富裕的支撑作用使全体社会成员共享经济社会发展成果最终实现人的全面发展"
    rows = [text[k * 8:k * 8 + 18] for k in range(16)]  # full column lines: 18 characters, the measure
    rows[8] = rows[8][:16]  # the right column's first line, indented by two characters
    tail = ["认为以人工智能为代表的新一代技术变革"]
    page = [f"{a} {b}" for a, b in zip(rows[:8], rows[8:])]
    page += ["面临不公平待遇（2019）。 趋势。阿西莫格鲁和雷斯特雷波（2020）"] + tail + [folio(0)]
    got, _ = unwoven(page)
    assert got[-1:] == tail and got[got.index("面临不公平待遇（2019）。") + 1] == rows[8]


def test_a_whole_heading_is_not_followed_in_its_column_by_another_headings_last_words():
    """``4 结论`` beside ``4.2 积极探析…的主要``, then two lines offset: the second heading's last word (路径) and
    the left column's first line. A short numbered heading is whole: the few words that do not end a sentence
    are the last words of the heading beside it, which runs to the column's end."""
    text = "在政治经济学理论分析的视野中无论是国外的经典作家还是中国的马克思主义者都强调共同富裕的实现要以一定程度" \
           "的生产力发展为基础特别是在生产力发展更具信息化智能化数字化的时代背景下更需要深入分析的是新质生产力以要素" \
           "创新性配置为主要抓手对全体人民共同富裕的支撑作用使全体社会成员共享经济社会发展成果最终实现人的全面发展"
    rows = [text[k * 8:k * 8 + 18] for k in range(16)]  # full column lines: 18 characters, the measure
    page = [f"{a} {b}" for a, b in zip(rows[:8], rows[8:])]
    page += ["历史时期关于农村共同富裕的思想。 能够为实现全体人民共同富裕提供支撑。",
             "4 结论 4.2 积极探析促进新质生产力发展的主要", "路径", "结合前文分析我们得出以下结论。",
             "新质生产力的发展是我国实现高质 促进新质生产力发展需要加强科技",
             "量发展的内在要求也是推动共同富裕的 创新建立健全高效率的科技成果转化体", folio(0)]
    got, _ = unwoven(page)
    assert got[got.index("4 结论") + 1] == "结合前文分析我们得出以下结论。"
    assert got[got.index("4.2 积极探析促进新质生产力发展的主要") + 1] == "路径"


@pytest.fixture(scope="module")
def indented_lines():
    """The same paragraphs set as Chinese journals set them: each paragraph's first line indented by two
    characters (so it holds 14), the others 16; the extractor writes no indentation."""
    src = ROOT / "content/papers/wu-common-prosperity-logic/source.txt"
    doc = read_text(src.read_text(encoding="utf-8").split("\n"), str(src))
    out = []
    for p in doc.paragraphs():
        text = plain_text(p.inlines).replace(" ", "")
        i = 0
        while i < len(text):
            end = i + (WIDTH - 2 if i == 0 else WIDTH)
            while end < len(text) and text[end] in CLOSING:
                end += 1
            out.append(text[i:end])
            i = end
    return out


@pytest.mark.parametrize("merged_rows", [6, 12])
def test_offset_lines_of_indented_columns_are_divided_by_their_widths_too(indented_lines, merged_rows):
    """Lines read across two columns whose lines stand offset (left, right, left, …) below a few merged
    ones. Which character follows which says little where a line ends its sentence; the widths say more:
    a line that stops short ends its paragraph, so the next line of its column is an indented first line,
    never a full line running on."""
    raw, want = [], []
    for p in range(3):
        base = p * 2 * ROWS
        left, right = indented_lines[base:base + ROWS], indented_lines[base + ROWS:base + 2 * ROWS]
        raw += [f"{a} {b}" for a, b in zip(left[:merged_rows], right[:merged_rows])]
        for a, b in zip(left[merged_rows:], right[merged_rows:]):
            raw += [a, b]
        raw.append(folio(p))
        want += left + right
    got, _ = unwoven(raw)
    assert got == want, [(g, w) for g, w in zip(got, want) if g != w][:4]


def _column_order(path: str) -> list[str]:
    src = (ROOT / path).read_text(encoding="utf-8").split("\n")
    kept, _ = remove_furniture(make_lines(src))
    return [line.text for line in unweave(kept)[0]]


def test_offset_lines_below_a_table_alternate_to_the_page_foot():
    """e-two-column-circled/zhang-factor-allocation/markitdown, page 457: below a table across the page, the two
    columns' lines stand offset and pdfminer wrote them one from each column in turn, none merged. Read that way,
    the left column runs ``…工业机器人密度每提升`` / ``1%，制造业…但同时也导`` into the right column's
    first line ``致28%的低技能岗位消失…``, and the right column ends ``…当算法开始参与剩余`` (its next page
    goes on ``价值分配…``). Which characters meet at the last seams says otherwise (``关系`` / ``的适应性``
    reads on as well as ``每提升`` / ``1%``): the alternation holds to the page's foot."""
    got = _column_order("tests/corpus/e-two-column-circled/zhang-factor-allocation/markitdown/source.txt")
    k = got.index("构。波士顿咨询研究显示，工业机器人密度每提升")
    assert got[k + 1:k + 3] == ["1%，制造业全要素生产率增长0.8%，但同时也导", "致28%的低技能岗位消失。这种“创造性破坏”催"]
    k = got.index("经证明人机协同可突破个体认知边界。但生产关系")
    assert got[k + 1] == "的适应性调整面临深层挑战：当算法开始参与剩余"


def test_the_left_columns_last_line_runs_on_into_the_right_columns_first():
    """The same paper, page 461: the left column's last line (``中国式思维…建立健全多元``) is an offset line at the
    page's foot, after the right column's ``…推进战略性新兴产业扩大发展`` (``发展中国`` reads on well). It goes
    on at the right column's top, ``化的国际开放合作网络…`` (``多元化``): the seam between the columns is read
    too, not only the seams inside each."""
    got = _column_order("tests/corpus/e-two-column-circled/zhang-factor-allocation/markitdown/source.txt")
    k = got.index("平开放发展，以更加开阔的国际视野，更加包容的")
    assert got[k + 1:k + 3] == ["中国式思维，更加虚心的学习精神，建立健全多元", "化的国际开放合作网络，发挥大国外交的优势，积"]


def test_a_box_page_written_right_column_first_is_read_left_column_first():
    """e-two-column-circled/wu-common-prosperity-logic/markitdown, page 414: pdfminer wrote the right column's boxes
    (the end of part 3, 结语, the reference list) before the left column's (the end of part 2, then 3.新质生产力…,
    3.1, 3.2). No body heading follows the reference list: the boxes after it, from the first one of prose, are the
    left column, and the page reads on from 413 (…丧失价值判断能力。 / 内容生态的结构性失衡。…) through the left
    column's last line into the right column's first (…新质生产力 / 的突破性技术…)."""
    got = [t for t in _column_order("tests/corpus/e-two-column-circled/wu-common-prosperity-logic/markitdown/source.txt")
           if t != "发展经济学刊\u3000第12卷第2期"]  # the running head (the page's first line), taken out later
    left = got.index("内容生态的结构性失衡。资本逻辑主导下的文")
    assert got[left - 1] == "值判断能力。"
    part = got.index("3.新质生产力推动共同富裕发展的实践路径")
    right = got.index("的突破性技术不应仅服务于物质财富增长，更应成")
    assert left < part < right < got.index("结语") < got.index("参考文献：")
    assert got[right - 1] == "低质文化泛滥与精神发展失衡的困境，新质生产力"


def test_what_follows_a_reference_list_on_its_page_stays_after_it_when_no_body_heading_does():
    """b-two-column/wu-common-prosperity-logic/markitdown, the last page: the reference list, an entry's wrapped rest
    that reads like a number (``(02).``), then the English title and abstract. Nothing there is a body heading: the
    order stays as written."""
    got = _column_order("tests/corpus/b-two-column/wu-common-prosperity-logic/markitdown/source.txt")
    assert got.index("参考文献：") < got.index("(02).") < got.index("Exploring the internal logic and path of new quality productivity")


def test_box_pages_whose_headings_break_the_numbering_are_divided_so_that_they_keep_it():
    """e-two-column-circled/li-zhang-2025-generative-logic/markitdown, page 341: pdfminer wrote the two columns'
    boxes by height, one from each in turn: 3.劳动关系 (the last part of 二、's （二）), 1.技术革命性突破催生新型劳动者,
    三、…, 2.…, （一）…. A 1. after a 3. with no new parent between breaks the numbering, and one heading per column
    does not tell the columns by its number alone. The division whose headings keep the numbering reads 3., 三、,
    （一）, then the right column's 1. and 2.; of those divisions, the one that reads on and leaves no numbered
    section without text: the left column's last line (…将率先作) runs into the right column's first
    (用于生产力要素…), and 1.'s paragraph follows 1."""
    got = _column_order("tests/corpus/e-two-column-circled/li-zhang-2025-generative-logic/markitdown/source.txt")
    order = ["3.劳动关系", "三、新质生产力的生成逻辑与运行机理", "（一）技术革命性突破催生新质生产力",
             "1.技术革命性突破催生新型劳动者", "2.技术革命性突破催生新型劳动资料"]
    at = [got.index(h) for h in order]
    assert at == sorted(at)
    k = got.index("对社会生产力产生影响，技术革命性突破将率先作")
    assert got[k + 1] == "用于生产力要素及其组合优化的过程，对劳动者、"
    # and each numbered section has its text before the next: 1.'s paragraph stands between 1. and 2.
    assert got[got.index("1.技术革命性突破催生新型劳动者") + 1] == "发展新质生产力需要创新性强、高素质、高效"


def test_a_headings_last_words_go_with_the_heading_that_ran_to_the_columns_end():
    """The same paper, page 339: 一、 and （一） in the left column, （二） at the right column's top, written
    （二） before （一） (which breaks the numbering), then ``的辩证统一``, the last words of one of them. A heading
    line that stops short of the column did not wrap (（二）新质生产力的科学内涵与典型特征); the one that ran to the
    column's end did (（一）…生产力与生产关系 / 的辩证统一); the left column goes on under it, and （二） heads the
    right column."""
    got = _column_order("tests/corpus/e-two-column-circled/li-zhang-2025-generative-logic/markitdown/source.txt")
    k = got.index("（一）生产力变革的回溯：生产力与生产关系")
    assert got[k + 1] == "的辩证统一"
    k = got.index("（二）新质生产力的科学内涵与典型特征")
    assert k > got.index("生产力与生产关系作为政治经济学的核心概") and got[k + 1] == "当今世界正在经历第四次科技革命，社会生产"


def test_of_divisions_that_keep_the_numbering_each_heading_heads_the_text_that_takes_up_its_words():
    """b-two-column/li-zhang-2025-generative-logic/markitdown, page 46: pdfminer wrote the boxes by height, the left
    column's 2.新型生产关系促进技术革命性突破改造 / 生产力 (wrapped) beside the right column's 四、 and （一）实施创新
    驱动战略：促进技术革命性突破. Both divisions that keep the numbering read on equally but at the headings' seams,
    where the wrapped heading's last line 生产力 seemed to run on into 发展新质生产力… (a heading's box ends the
    heading, wrapped or not). A section's first sentence takes up its heading's words: 2. heads 新型生产关系不仅孕育
    技术革命性突破…, （一） heads 发展新质生产力，归根结底是要催生技术革命性突破。"""
    got = _column_order("tests/corpus/b-two-column/li-zhang-2025-generative-logic/markitdown/source.txt")
    k = got.index("2.新型生产关系促进技术革命性突破改造")
    assert got[k + 1:k + 3] == ["生产力", "新型生产关系不仅孕育技术革命性"]
    k = got.index("（一）实施创新驱动战略：促进技术革")
    assert got[k + 2] == "发展新质生产力，归根结底是要催"  # (after 命性突 破, the heading's last line)


def test_a_column_line_with_an_english_name_set_wide_stays_in_its_column(column_lines):
    """markitdown writes a justified line's stretched word spaces as runs of spaces: ``（Black   and   Spitz-``
    inside a left column line, among offset lines (left, right, left, …) below merged ones. The runs between
    Latin words are word spacing, not a table's cells apart: the line is a column line, and the lines after it
    are read on in their columns (as a line across the page it would close the stretch, and the right column's
    next line would open the next one on the left)."""
    (left, right), = pages(column_lines, 1)
    left[15] = left[15][:8] + "（Black   and   Spitz-"
    left[16] = "Oener，2010）" + left[16][6:]
    raw = _merged(left[:10], right[:10])
    for a, b in zip(left[10:], right[10:]):
        raw += [a, b]
    got, _ = unwoven(raw + [folio(0)])
    assert got == left + right


def test_a_layout_line_with_a_number_set_wide_is_two_column_lines(column_lines):
    """pdftotext -layout: a left column line justified around a number (``工作比例为      6%~12%。…``) beside the
    right column's line, far across the gap. Two runs of spaces, but the one between Chinese characters divides
    the line into a column line and a line no wider than a column, the other stands beside a number: the line
    is split there, not kept whole as a table's row of three cells."""
    (left, right), = pages(column_lines, 1)
    left[12] = "工作比例为      6%~12%。王永钦和董雯"
    raw = [f"{a}          {b}" for a, b in zip(left, right)] + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left + right


def test_a_layout_table_row_beside_the_columns_keeps_its_cells_together(column_lines):
    """A table's row in pdftotext -layout is apart by runs of spaces between words (``区域格局      依赖资源禀赋、
    同质化竞争      因地制宜，差异化协同``): however its first cells measure, it is no pair of column lines, and stands
    across the page, between the columns above it and those below."""
    (left, right), = pages(column_lines, 1)
    row = "区域格局              依赖资源禀赋、同质化竞争                因地制宜，差异化协同"
    raw = [f"{a}          {b}" for a, b in zip(left[:15], right[:15])] + [row]
    raw += [f"{a}          {b}" for a, b in zip(left[15:], right[15:])] + [folio(0)]
    got, _ = unwoven(raw)
    assert got == left[:15] + right[:15] + [row] + left[15:] + right[15:]
