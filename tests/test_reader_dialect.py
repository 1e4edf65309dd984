"""Extractor dialects: Markdown marks (pymupdf4llm, marker, markitdown) and form feeds read as structure."""
import pytest

from papersite.model import NoteRef, Table, plain_text
from papersite.reader import read_text
from papersite.reader.dialect import is_markdown, read_line
from papersite.reader.lines import make_lines


@pytest.mark.parametrize("raw, text, level", [
    ("## **一、引言**", "一、引言", 2),
    ("**摘要：**新质生产力是", "摘要：新质生产力是", 0),
    ("发展<sup>①</sup>，而且", "发展①，而且", 0),
    ("> ② 马克思：《资本论》第1卷，人民出版社2004年版。", "② 马克思：《资本论》第1卷，人民出版社2004年版。", 0),
    ("- [1] 王宇鹏. 中国经济增长要素分析[J].", "[1] 王宇鹏. 中国经济增长要素分析[J].", 0),
    ("占比 19\\.0%<br>", "占比 19.0%", 0),
])
def test_markdown_marks_are_structure(raw, text, level):
    marked = read_line(raw, markdown=True)
    assert (marked.text, marked.md_level) == (text, level)


def test_plain_extraction_keeps_its_characters():
    assert read_line("> 注意：*号", markdown=False).text == "> 注意：*号"
    assert not is_markdown(["正文第一行", "研究*", "> 不是引用"])
    assert is_markdown(["# 标题", "**摘要：**正文"])


def test_page_breaks_from_form_feeds_and_rules():
    lines = make_lines(["第一页正文。", "\f第二页正文。", "", "\f", "第三页正文。"])
    assert [l.page_start for l in lines] == [False, True, True]
    md = make_lines(["# 题目", "正文。", "", "-----", "", "下一页。"])
    assert [l.text for l in md] == ["题目", "正文。", "下一页。"]
    assert md[-1].page_start


def test_pipe_table_is_read_in_row_order():
    raw = ["# 题目", "", "正文一段。", "", "表1 两种生产力的比较", "", "|维度|传统|新质|", "|---|---|---|",
           "|要素|土地|数据|", "|动力|规模|创新|", "", "资料来源：作者整理。", "", "又一段正文。"]
    doc = read_text(raw, "t.txt")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.caption == "表1 两种生产力的比较"
    assert table.header == ("维度", "传统", "新质")
    assert table.rows == (("要素", "土地", "数据"), ("动力", "规模", "创新"))
    assert table.source_note == "资料来源：作者整理。"
    text = "".join(plain_text(p.inlines) for p in doc.paragraphs())
    assert "|" not in text and "---" not in text
