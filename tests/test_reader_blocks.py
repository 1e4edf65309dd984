"""Two-column pages read block by block (pdftotext): the columns' blocks interleaved by height.

The text is a real paper's paragraphs (wu-common-prosperity-logic, converted), set by this test
in columns of 16 characters under a one-column opening page of 34, so the lines read on as a
printed page's do. pdftotext writes a block of the left column, a blank line, the block beside
it in the right column, and so on, and ends every page (the last too) with a form feed; the reader
must give the columns back in order.
"""
from pathlib import Path

import pytest

from papersite.model import Heading, plain_text
from papersite.reader import read_text

ROOT = Path(__file__).resolve().parents[1]
CLOSING = "，。、；：！？）》”’"


def wrap(text: str, width: int) -> list[str]:
    out, i = [], 0
    while i < len(text):
        end = i + width
        while end < len(text) and text[end] in CLOSING:
            end += 1  # closing punctuation hangs at the end of the line before
        out.append(text[i:end])
        i = end
    return out


@pytest.fixture(scope="module")
def paragraphs():
    src = ROOT / "content/papers/wu-common-prosperity-logic/source.txt"
    doc = read_text(src.read_text(encoding="utf-8").split("\n"), str(src))
    return [plain_text(p.inlines).replace(" ", "") for p in doc.paragraphs()]


def opening(paragraphs):
    """A one-column first page (the document's full measure) and its folio."""
    return ["一、问题的提出", ""] + wrap(paragraphs[0], 34) + wrap(paragraphs[6], 34) + ["", "— 101 —", "\f"]


def column(paragraphs, k, n=7):
    """The first ``n`` column lines of paragraph ``k``, ending its sentence (a section's text); the first
    line is two characters short (its indent, which pdftotext does not write)."""
    first = wrap(paragraphs[k], 14)[0]
    lines = ([first] + wrap(paragraphs[k][len(first):], 16))[:n]
    return lines[:-1] + [lines[-1].rstrip("，、；：") + "。"]


def blocks_read_across(pairs):
    """pdftotext's order: each row of (left block, right block), a blank line after each block."""
    out = []
    for left, right in pairs:
        for block in (left, right):
            if block:
                out += block + [""]
    return out


def outline(doc):
    return [(h.level, (h.number or "") + h.text) for h in doc.headings()]


def texts_after_headings(doc):
    """Each heading with the opening characters of the paragraph after it."""
    blocks = list(doc.blocks)
    return {b.text: plain_text(blocks[k + 1].inlines)[:12] for k, b in enumerate(blocks[:-1])
            if isinstance(b, Heading) and not isinstance(blocks[k + 1], Heading)}


def test_headings_side_by_side_are_given_back_their_columns(paragraphs):
    """（一） and （三） stand side by side atop the columns, their texts beside each other below them."""
    a, b, c, d = (column(paragraphs, k) for k in (1, 2, 3, 4))
    page2 = blocks_read_across([(["（一）研究背景"], ["（三）分析框架"]), (a, c), (["（二）研究方法"], ["（四）结构安排"]),
                                (b, d)]) + ["— 102 —", "\f"]
    doc = read_text(opening(paragraphs) + page2, "t.txt")
    assert outline(doc) == [(2, "一、问题的提出"), (3, "（一）研究背景"), (3, "（二）研究方法"), (3, "（三）分析框架"),
                            (3, "（四）结构安排")]
    after = texts_after_headings(doc)
    assert [after[t] for t in ("研究背景", "研究方法", "分析框架", "结构安排")] == [x[0][:12] for x in (a, b, c, d)]
    assert any("read block by block" in e.message for e in doc.log)


def test_a_section_without_text_is_evidence_too(paragraphs):
    """2. directly followed by 3. (both in sequence): they stood side by side, each with its text below; the
    text of 2. runs on from the foot of the left column to the top of the right one, beside 1.'s."""
    a, c = column(paragraphs, 1), column(paragraphs, 3)
    b = column(paragraphs, 2, 13)
    page2 = blocks_read_across([(a, b[6:]), (["2.主要特征"], ["3.基本路径"]), (b[:6], c)]) + ["— 102 —", "\f"]
    doc = read_text(opening(paragraphs)[:-3] + ["", "1.基本内涵"] + column(paragraphs, 5) + ["", "— 101 —", "\f"] + page2,
                    "t.txt")
    assert [h.text for h in doc.headings()][-2:] == ["主要特征", "基本路径"]
    texts = [plain_text(p.inlines).replace(" ", "") for p in doc.paragraphs()]
    assert "".join(a) in texts and "".join(b) in texts and "".join(c) in texts
    after = texts_after_headings(doc)
    assert after["主要特征"] == b[0][:12] and after["基本路径"] == c[0][:12]


def test_a_page_in_column_order_is_left_alone(paragraphs):
    """Left column, then right column, as blocks: nothing breaks the numbering, nothing moves."""
    a, b, c, d = (column(paragraphs, k) for k in (1, 2, 3, 4))
    page2 = ["（一）研究背景", ""] + a + ["", "（二）研究方法", ""] + b + ["", "（三）分析框架", ""] + c + \
        ["", "（四）结构安排", ""] + d + ["", "— 102 —"]
    doc = read_text(opening(paragraphs) + page2, "t.txt")
    assert [h.text for h in doc.headings()][1:] == ["研究背景", "研究方法", "分析框架", "结构安排"]
    assert not any("read block by block" in e.message for e in doc.log)


def test_a_sentence_from_the_page_before_goes_on_first(paragraphs):
    """The page before ends mid-sentence: the block read first continues it, whatever the division."""
    text = paragraphs[1]
    head, tail = wrap(text, 34)[:3], wrap("".join(wrap(text, 34)[3:]), 16)[:4]
    tail[-1] = tail[-1].rstrip("，、；：") + "。"
    page1 = opening(paragraphs)[:-3] + ["", "（一）研究背景", ""] + head + ["", "— 101 —", "\f"]
    b, c = column(paragraphs, 2), column(paragraphs, 3)
    # rows by height: the tail and （三） atop the columns, （三）'s text (beside the tail's foot), then （二）
    page2 = blocks_read_across([(tail, ["（三）分析框架"]), (None, c), (["（二）研究方法"], None), (b, None)]) + ["— 102 —", "\f"]
    doc = read_text(page1 + page2, "t.txt")
    assert [h.text for h in doc.headings()][1:] == ["研究背景", "研究方法", "分析框架"]
    texts = [plain_text(p.inlines).replace(" ", "") for p in doc.paragraphs()]
    assert "".join(head + tail) in texts
    after = texts_after_headings(doc)
    assert after["研究方法"] == b[0][:12] and after["分析框架"] == c[0][:12]


def test_a_long_heading_wraps_over_three_column_lines(paragraphs):
    """A heading of 40 characters in a 16-character column: three lines, the last short, then its text."""
    title = "2.2低质量的精神生产制约着精神生活的丰富度，会对全面性富裕的实现造成阻碍"
    lines = wrap(title, 16)
    assert len(lines) == 3
    body = column(paragraphs, 2)
    raw = opening(paragraphs)[:-3] + ["", "2.1基本内涵"] + column(paragraphs, 1) + ["", "— 101 —", "\f"] + lines + \
        body + ["— 102 —", "\f"]
    doc = read_text(raw, "t.txt")
    assert outline(doc)[-1] == (3, title)
    assert texts_after_headings(doc)[title[3:]] == body[0][:12]


def test_a_short_heading_atop_columns_after_one_column_text(paragraphs):
    """A page's one-column text ends, its last part is set in two columns: the part's short heading (4 结论)
    is followed by its paragraph's first line (short by its indent), which is not the heading's."""
    one = wrap(paragraphs[6], 34)
    body = column(paragraphs, 2)
    raw = opening(paragraphs)[:-3] + ["", "— 101 —", "\f"] + one + ["", "二、结论", ""] + body + ["— 102 —", "\f"]
    doc = read_text(raw, "t.txt")
    assert outline(doc)[-1] == (2, "二、结论")
    assert texts_after_headings(doc)["结论"] == body[0][:12]


def whole_block(rows):
    """pymupdf4llm's way: a block on one line, a space where each printed line ended."""
    return " ".join(rows)


def test_blocks_written_whole_and_read_right_column_first(paragraphs):
    """pymupdf4llm writes each block on one line and may read a page's right column top first: the
    block that goes on with the page before's open sentence is the one whose first printed line is
    full (a paragraph's first is indented), and the sentence left open at the left column's foot goes
    on at the top of the right one."""
    one, two = wrap(paragraphs[0], 34), wrap(paragraphs[6], 34)
    p1 = wrap(paragraphs[1], 34)
    text = paragraphs[1][len(p1[0]):]
    first_rows, tail = p1[:1], wrap(text, 16)[:4]  # 而新质生产 / 力的出现: a pair the paper has everywhere
    tail[-1] = tail[-1].rstrip("，、；：。") + "。"
    b = [wrap(paragraphs[2], 14)[0]]
    b += wrap(paragraphs[2][len(b[0]):], 16)
    left_b, right_b = b[:5], b[5:9]
    right_b[-1] = right_b[-1].rstrip("，、；：。") + "。"
    c = column(paragraphs, 3)
    page1 = ["### **一、问题的提出**", "", whole_block(one), "", whole_block(two), "", "#### **（一）研究背景**", "", whole_block(first_rows),
             "", "— 101 —", "", "-----", ""]
    page2 = [whole_block(right_b), "", whole_block(tail), "", "#### **（二）研究方法**", "", whole_block(left_b), "",
             "#### **（三）分析框架**", "", whole_block(c), "", "— 102 —", "", "-----", ""]
    doc = read_text(page1 + page2, "t.txt")
    texts = [plain_text(p.inlines).replace(" ", "") for p in doc.paragraphs()]
    assert "".join(first_rows + tail) in texts
    assert "".join(left_b + right_b) in texts
    assert [h.text for h in doc.headings()] == ["问题的提出", "研究背景", "研究方法", "分析框架"]
    assert texts_after_headings(doc)["分析框架"] == c[0][:12]


def rest_read_first(paragraphs):
    """Page 1 ends 2.'s text open; page 2 as pymupdf4llm read it (whole blocks): the left column (the rest of
    2.'s sentence, 3. and its text, 4. and the start of its text, left open at the column's foot) and the
    right (4.'s text going on, 5. and its text) interleaved: right column's first block read second, 4. last."""
    one, two = wrap(paragraphs[0], 34), wrap(paragraphs[6], 34)
    p1 = wrap(paragraphs[1], 34)
    head_rows, x = p1[:1], wrap(paragraphs[1][len(p1[0]):], 16)[:3]
    x[-1] = x[-1].rstrip("，、；：。") + "。"
    c3, c5 = column(paragraphs, 3, 5), column(paragraphs, 5, 5)
    b = [wrap(paragraphs[2], 14)[0]]
    b += wrap(paragraphs[2][len(b[0]):], 16)
    open_a, rest_b = b[:4], b[4:8]
    rest_b[-1] = rest_b[-1].rstrip("，、；：。") + "。"
    page1 = ["### **一、问题的提出**", "", whole_block(one), "", whole_block(two), "", "#### **1.研究背景**", "",
             whole_block(column(paragraphs, 4, 4)), "", "#### **2.研究方法**", "", whole_block(head_rows), "", "— 101 —", "",
             "-----", ""]
    page2 = [whole_block(x), "", whole_block(rest_b), "", "#### **3.分析框架**", "", whole_block(c3), "",
             "#### **5.结构安排**", "", whole_block(c5), "", "#### **4.主要特征**", "", whole_block(open_a), "",
             "— 102 —", "", "-----", ""]
    return page1 + page2, open_a + rest_b, c3, c5


def test_blocks_written_whole_a_paragraphs_rest_follows_no_heading(paragraphs):
    """pymupdf4llm read the right column's first block (the rest of a paragraph the left column's foot left
    open: its first printed line full) before the left column's headings, and the left column's last heading
    and text after the right column's: the rest goes on where the open paragraph stops, never straight after
    a heading or a sentence's end (a paragraph's own first line is indented)."""
    raw, four, c3, c5 = rest_read_first(paragraphs)
    doc = read_text(raw, "t.txt")
    texts = [plain_text(p.inlines).replace(" ", "") for p in doc.paragraphs()]
    assert "".join(four) in texts
    assert [h.text for h in doc.headings()] == ["问题的提出", "研究背景", "研究方法", "分析框架", "主要特征", "结构安排"]
    after = texts_after_headings(doc)
    assert (after["分析框架"], after["结构安排"]) == (c3[0][:12], c5[0][:12])


def test_a_wrapped_centred_heading_read_apart_from_its_last_line_is_put_back_together(paragraphs):
    """pdftotext read the short centred second line of a wrapped heading (产力) in its row, and the heading's
    full first line apart from it, after the next paragraph: the heading goes back before its last line
    (生|产 runs on, as the paper writes it everywhere), and the paragraph follows the whole heading."""
    a, b = column(paragraphs, 1), column(paragraphs, 2, 20)
    page2 = ["（一）研究背景", ""] + a + ["", "产力", ""] + b + ["", "（二）新型生产关系促进新质生", "", "— 102 —", "\f"]
    doc = read_text(opening(paragraphs) + page2, "t.txt")
    assert outline(doc) == [(2, "一、问题的提出"), (3, "（一）研究背景"), (3, "（二）新型生产关系促进新质生产力")]
    assert texts_after_headings(doc)["新型生产关系促进新质生产力"] == b[0][:12]
    assert any("read apart from its last line" in e.message for e in doc.log)


def test_blocks_written_whole_a_column_top_read_after_the_page_goes_back(paragraphs):
    """pymupdf4llm read a column's top (a heading and the start of its text) after the rest of the page, after
    the reference list: the page's last text block ends in mid-sentence with nothing to go on in, and higher on
    the page a paragraph's rest (its first printed line full) follows a sentence's end. The open block and its
    heading go back before that rest."""
    one, two = wrap(paragraphs[0], 34), wrap(paragraphs[6], 34)
    c3 = column(paragraphs, 3, 5)
    b = [wrap(paragraphs[2], 14)[0]]
    b += wrap(paragraphs[2][len(b[0]):], 16)
    open_a, rest_b = b[:4], b[4:8]
    rest_b[-1] = rest_b[-1].rstrip("，、；：。") + "。"
    more = [x for k in (7, 8, 9) for x in (whole_block(wrap(paragraphs[k], 34)), "")]
    page1 = ["### **一、问题的提出**", "", whole_block(one), "", whole_block(two), ""] + more + ["— 101 —", "", "-----", ""]
    page2 = ["#### **1.分析框架**", "", whole_block(c3), "", whole_block(rest_b), "", "#### **参考文献**", "",
             "- [1] 王宇鹏. 中国经济增长要素分析[J]. 经济评论, 2014(3):74-85", "", "#### **2.主要特征**", "",
             whole_block(open_a), "", "- [2] 何立峰. 党的十八大以来发展改革[J]. 宏观经济管理, 2022(5):1-4", "",
             "— 102 —", "", "-----", ""]
    doc = read_text(page1 + page2, "t.txt")
    texts = [plain_text(p.inlines).replace(" ", "") for p in doc.paragraphs()]
    assert "".join(open_a + rest_b) in texts
    assert [h.text for h in doc.headings()] == ["问题的提出", "分析框架", "主要特征"]
    assert any("read last, put back" in e.message for e in doc.log)


LI_ZHANG = ROOT / "tests/corpus/e-two-column-circled/li-zhang-2025-generative-logic/pdftotext/source.txt"


def corpus_pages(path, *spans, head=None):
    """Lines of a corpus extraction, each (first, last) span of source lines one page (furniture and notes left
    out, as the stages before this one take them; ``head``, a running head the extractor ran into a line of
    text, taken off it as the furniture stage does)."""
    from dataclasses import replace

    from papersite.reader.lines import make_lines
    lines = make_lines(path.read_text(encoding="utf-8").split("\n"))
    out = []
    for page, (first, last) in enumerate(spans):
        for line in lines:
            if first <= line.no <= last:
                text = line.text[len(head):].strip() if head and line.text.startswith(head) else line.text
                out.append(replace(line, text=text, page=page))
    return out


def test_a_heading_read_after_the_page_goes_back_before_the_text_it_heads():
    """li-zhang-2025-generative-logic, pdftotext, printed page 341: the left column's heading 3.劳动关系 (its
    block of its own, in a gap of the column) was read after every other block of the page, and the left
    column's foot (（一） and its first lines, running on into the right column's top) last. No division of the
    blocks in the order read puts 3. back: it goes before the paragraph that takes up its words (…协作的劳动关系),
    after 2.分配关系's text, and the columns are divided (the right column's top, a paragraph's rest, follows the
    left column's foot)."""
    from papersite.reader.blocks import reorder_blocks
    lines = corpus_pages(LI_ZHANG, (20, 28), (177, 205), (210, 250), (254, 331))
    out, log = reorder_blocks(lines, {}, lines)
    page = [line.no for line in out if line.page == 3]
    assert page == [*range(254, 263), 327, *range(268, 279), 299, *range(303, 312), *range(329, 332),
                    *range(264, 267), *range(280, 298), 301, *range(313, 326)]
    assert any("read block by block" in e.message for e in log)


def test_a_heading_is_not_read_last_on_its_page():
    """xu-liu-distribution-relations, pdftotext, printed page 19: （四） atop the right column was read before
    （三） and its text in the left, then the right column's text. The division that puts （四） after its own
    text, last on the page with nothing to head, reads no better than keeping it atop the right column's text:
    a typesetter keeps a heading with its text, so a heading read last on its page costs as a section without
    text does (for an extractor writing printed lines, as for one writing whole blocks)."""
    from papersite.reader.blocks import reorder_blocks
    path = ROOT / "tests/corpus/b-two-column/xu-liu-distribution-relations/pdftotext/source.txt"
    lines = corpus_pages(path, (21, 32), (788, 858), (864, 932))
    out, log = reorder_blocks(lines, {}, lines)
    page = [line.no for line in out if line.page == 2]
    assert page == [*range(864, 870), *range(874, 902), 871, 872, *range(903, 933)]


LI_ZHANG_WHOLE = ROOT / "tests/corpus/b-two-column/li-zhang-2025-generative-logic/pymupdf4llm/source.txt"
# its body pages (front matter, notes and running heads left out), and the running head pymupdf4llm ran into the
# right column's first block on odd pages
WHOLE_PAGES = ((15, 17), (31, 37), (49, 65), (71, 91), (97, 115), (121, 131), (153, 165), (175, 193), (205, 219),
               (227, 241), (247, 257), (261, 263))
WHOLE_HEAD = "生产力与生产关系视角下新质生产力的生成逻辑、运行机理与关键路径"


def test_blocks_written_whole_one_wide_printed_line_is_no_passage_across_the_page():
    """li-zhang-2025-generative-logic, pymupdf4llm, printed page 43: a block written whole, one of whose
    "printed lines" (cut at the spaces between two wide characters) is two run together at a space beside a
    digit (…数据要素。2020 年 4 月 9 日，中共中央、国务院印发): 32 em, near twice the column. It cut the page
    there as a line across the page, and 2. (read after 3.) was left out of sequence. A block across the page
    has more than one wide line: the page's blocks are divided, 2. and its text before 3."""
    from papersite.reader.blocks import reorder_blocks
    from papersite.reader.lines import make_lines
    lines = corpus_pages(LI_ZHANG_WHOLE, *WHOLE_PAGES, head=WHOLE_HEAD)
    out, _ = reorder_blocks(lines, {}, make_lines(LI_ZHANG_WHOLE.read_text(encoding="utf-8").split("\n")))
    assert [line.no for line in out if line.page == 5] == [123, 129, 131, 121, 125, 127]


def test_blocks_written_whole_the_page_before_goes_on_in_the_rest_no_sentence_of_the_page_needs():
    """li-zhang-2025-generative-logic, pymupdf4llm, printed page 47: two blocks are a paragraph's rest, 环境友好型
    配置… and 的市场需求…; the page before broke off at …适应新, the page's (三) text at …促进生产要素的. 新|环 reads
    on a little better than 新|的, but 的|的 cannot be: weighed together with the page's own open sentences (each
    rest goes on from one of them, or from the page before), the page before goes on in 的市场需求."""
    from papersite.reader.blocks import reorder_blocks
    from papersite.reader.lines import make_lines
    lines = corpus_pages(LI_ZHANG_WHOLE, *WHOLE_PAGES, head=WHOLE_HEAD)
    out, _ = reorder_blocks(lines, {}, make_lines(LI_ZHANG_WHOLE.read_text(encoding="utf-8").split("\n")))
    assert [line.no for line in out if line.page == 9] == [229, 235, 237, 227, 231, 233, 239, 241]
