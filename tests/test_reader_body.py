"""The body stage: paragraphs rebuilt from hard-wrapped lines."""
from papersite.model import Paragraph, plain_text
from papersite.reader import read_text

from synthetic import sentence_lines

TEXT = sentence_lines(60, width=22)


def paragraphs(doc):
    return [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_line_left_short_by_the_next_lines_unbreakable_first_word_ends_no_paragraph():
    """``…历史坐标系。`` falls three characters short because ``1978-2012年…`` (a run of digits that does not break)
    did not fit after it; the next line runs full, so it is no paragraph's indented first line."""
    first = ["改革开放以来的生产力解放运动，构成了理解", "新质生产力与共同富裕关系的历史坐标系。",
             "1978-2012年的“要素驱动型”增长阶段，通过释", TEXT[0], TEXT[1][:-1] + "。"]
    # a real paragraph end: a short last line, then an indented (short) first line opening with a year
    second = ["2012年后的“创新驱动型”转型阶段，供给侧", TEXT[2], TEXT[3][:10] + "。"]
    raw = TEXT[10:14] + [TEXT[14][:-1] + "。"] + first + second + TEXT[20:24] + [TEXT[24][:-1] + "。"]
    found = paragraphs(read_text(raw, "t.txt"))
    assert [p[:8] for p in found] == [TEXT[10][:8], "改革开放以来的生", "2012年后的“", TEXT[20][:8]]
    assert "历史坐标系。1978-2012年" in found[1]
