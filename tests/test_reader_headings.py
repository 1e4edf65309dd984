"""Heading schemes: numbering families, their nesting, and numbering that restarts or runs on."""
import re

import pytest

from papersite.model import Heading
from papersite.reader import ReaderOptions, read_text
from papersite.reader.headings import HeadingSequence, match_heading

from synthetic import sentence_lines

TEXT = sentence_lines(200, width=20)


def paper(outline, md=False):
    """A source with one two-line paragraph under each heading of ``outline``."""
    out, k = [], 0
    for h in outline:
        out += [("## " if md else "") + h, TEXT[k], TEXT[k + 1][:-1] + "。"]
        k += 2
    return out


def found(doc):
    return [(h.level, re.sub(r"\s+", "", (h.number or "") + h.text)) for h in doc.headings()]


RESTART = ["一、问题的提出", "（一）研究背景", "（二）研究方法", "二、理论框架", "（一）概念界定", "1.基本内涵", "2.主要特征",
           "（二）分析维度", "三、结论"]
CONTINUING = ["一、问题的提出", "（一）研究背景", "（二）研究方法", "二、理论框架", "（三）概念界定", "1.基本内涵", "2.主要特征",
              "（四）分析维度", "三、路径", "（五）完善制度", "（六）健全机制"]


@pytest.mark.parametrize("outline", [RESTART, CONTINUING])
@pytest.mark.parametrize("md", [False, True])
def test_every_heading_at_the_level_of_its_numbering(outline, md):
    doc = read_text(paper(outline, md), "t.txt")
    levels = {"一": 2, "（": 3, "1": 4, "2": 4, "三": 2, "二": 2}
    assert found(doc) == [(levels[h[0]], h) for h in outline]


def test_learnt_practice_is_held():
    seq = HeadingSequence()
    for text in ["一、甲", "（一）乙", "（二）丙", "二、丁", "（三）戊"]:
        hm = match_heading(text)
        assert seq.accepts(hm)
        seq.level(hm)
    seq.level(match_heading("三、己"))
    assert not seq.accepts(match_heading("（一）庚"))  # this paper runs its （n） straight on
    assert seq.accepts(match_heading("（四）庚"))


def test_declared_numbering():
    seq = HeadingSequence(declared="restarts")
    for text in ["一、甲", "（一）乙", "（二）丙", "二、丁"]:
        seq.level(match_heading(text))
    assert not seq.accepts(match_heading("（三）戊"))


def test_run_in_headings_of_an_established_scheme():
    raw = ["一、问题的提出", TEXT[0], TEXT[1][:-1] + "。", "（一）研究背景", TEXT[2][:-1] + "。",
           "（二）分析方法。" + TEXT[3], TEXT[4][:-1] + "。", "（三）一个并非标题的长句子，它有逗号。" + TEXT[5][:-1] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "一、问题的提出"), (3, "（一）研究背景"), (3, "（二）分析方法。")]
    assert [p.first_line for p in doc.paragraphs()] == [2, 5, 6, 8]


def test_a_heading_read_before_its_column_is_put_back():
    """pdftotext read the right column's 三、 (top of the page) before the left column's 2. and 3.

    The numbering proves it: 2. and 3. continue 1. of the part before. 三、 goes back before its
    own part's first paragraph: the one nearest the middle of the page (where the left column
    ends), before its first child （一）.
    """
    def para(k, n=6):
        return TEXT[k:k + n - 1] + [TEXT[k + n - 1][:8] + "。"]
    page1 = ["一、问题的提出", "（一）研究背景", "1.基本内涵"] + para(0) + ["2.主要特征"] + para(6) + \
        ["（二）研究方法", "1.资料来源"] + para(12) + ["— 38 —"]
    page2 = ["二、路径与对策", "2.分析维度"] + para(18) + ["3.结构安排"] + para(24) + para(30) + \
        ["（一）完善制度"] + para(36) + ["— 39 —"]
    doc = read_text(page1 + page2, "t.txt")
    assert found(doc) == [(2, "一、问题的提出"), (3, "（一）研究背景"), (4, "1.基本内涵"), (4, "2.主要特征"),
                          (3, "（二）研究方法"), (4, "1.资料来源"), (4, "2.分析维度"), (4, "3.结构安排"),
                          (2, "二、路径与对策"), (3, "（一）完善制度")]
    # the part's opening paragraph (the one starting the right column) follows its heading
    blocks = list(doc.blocks)
    k = next(n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text.startswith("路径"))
    assert blocks[k + 1].first_line == len(page1) + 2 + 6 + 1 + 6 + 1
    assert any("read before the column" in e.message for e in doc.log)


def test_a_heading_in_order_is_not_moved():
    doc = read_text(paper(RESTART), "t.txt")
    assert not any("read before the column" in e.message for e in doc.log)


def test_a_heading_over_three_column_lines():
    """A long heading in a narrow column fills two lines and ends on a third; its paragraph's
    first line (its indent lost) follows."""
    raw = ["一、问题的提出", TEXT[0], TEXT[1][:-1] + "。",
           "1.精神铸魂：新质生产力将增加人们可支配的", "自由时间，助力实现人的自由全面发展并使共", "同富裕可期",
           TEXT[2][:16], TEXT[3], TEXT[4][:-1] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc)[1] == (3, "1.精神铸魂：新质生产力将增加人们可支配的自由时间，助力实现人的自由全面发展并使共同富裕可期")
    assert [p.first_line for p in doc.paragraphs()] == [2, 7]


def test_a_short_heading_before_a_section_set_in_two_narrower_columns():
    """A one-column paper whose last section is set in two columns: the paragraph's first column
    line (half the page's measure, short by its lost indent) is no rest of the heading above it."""
    column = [t[:10] for t in TEXT[40:52]]
    raw = ["一、问题的提出"] + TEXT[:29] + [TEXT[29][:-1] + "。", "二、结论", column[0][:8]] + column[1:11] + \
        [column[11][:6] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "一、问题的提出"), (2, "二、结论")]
    assert [p.first_line for p in doc.paragraphs()] == [2, 33]


def test_a_line_an_extractor_marked_as_a_heading_that_ends_with_a_full_stop_is_text():
    """pymupdf4llm sets a page's first line alone, the rest of a sentence, as ``####``: it is text."""
    from papersite.model import Paragraph, plain_text
    raw = ["## 一、引言", "", TEXT[0] + TEXT[1], "", "— 80 —", "", "#### 力，形成产学研用融合的科技创新体系。", "",
           "## 二、路径", "", TEXT[2][:-1] + "。", "", "## 何为新质生产力？", "", TEXT[3][:-1] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "一、引言"), (2, "二、路径"), (2, "何为新质生产力？")]
    paragraphs = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0] == TEXT[0] + TEXT[1] + "力，形成产学研用融合的科技创新体系。"


def test_a_marked_heading_and_its_first_child_on_one_line_are_two_headings():
    raw = ["### **一、新质生产力概念的回溯与界定 （一）生产力变革的回溯：生产力与生产关系的辩证统一**", "",
           TEXT[0][:-1] + "。", "", "### **（二）新质生产力的界定**", "", TEXT[1][:-1] + "。", "",
           "### **二、新质生产力的 1 个维度**", "", TEXT[2][:-1] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "一、新质生产力概念的回溯与界定"), (3, "（一）生产力变革的回溯：生产力与生产关系的辩证统一"),
                          (3, "（二）新质生产力的界定"), (2, "二、新质生产力的1个维度")]


def test_a_short_heading_over_a_narrower_column_does_not_take_the_columns_first_line():
    """The last section is set in two columns: after ``2 结论`` the narrow column's first line is text."""
    narrow = sentence_lines(20, width=10, seed=3)
    raw = ["1 引言"] + TEXT[:11] + [TEXT[11][:-1] + "。", "2 结论"] + narrow[:5] + [narrow[5][:-1] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "1引言"), (2, "2结论")]
    assert [p.first_line for p in doc.paragraphs()] == [2, 15]


def test_a_heading_over_three_lines_of_a_narrow_column():
    narrow = sentence_lines(40, width=10, seed=3)
    heading = ["2.2 低质量的精神生产制约", "着精神生活的丰富度，会", "成阻碍"]
    raw = ["2.1 精神富裕"] + narrow[:11] + [narrow[11][:-1] + "。"] + heading + narrow[12:23] + [narrow[23][:-1] + "。"]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "2.1精神富裕"), (2, "2.2低质量的精神生产制约着精神生活的丰富度，会成阻碍")]
    assert [p.first_line for p in doc.paragraphs()] == [2, 17]


def test_the_last_printed_line_of_a_marked_heading_that_fills_the_column_is_its_rest():
    """pymupdf4llm marks each printed line of a wrapped heading apart (``#####`` … 进一步生 / ``#####`` 成):
    the heading filled the column (its larger type, fewer characters), so the short unnumbered line is its end."""
    para = [" ".join(TEXT[k:k + 3])[:-1] + "。" for k in range(0, 30, 3)]  # a paragraph a line, rows spaced apart
    raw = ["##### **（一）新型生产力**", "", para[0], "", para[1], "", "##### **（二）新型生产关系**", "", para[2], "",
           "##### **（三）新型生产关系促进新质生产力进一步生**", "", "##### **成**", "", para[3], "", para[4], "",
           "##### **（四）要素**", "", "##### **结语**", "", para[5]]
    doc = read_text(raw, "t.txt")
    assert found(doc) == [(2, "（一）新型生产力"), (2, "（二）新型生产关系"), (2, "（三）新型生产关系促进新质生产力进一步生成"),
                          (2, "（四）要素"), (2, "结语")]
