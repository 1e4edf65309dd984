"""Page furniture found by repetition, in any folio style, with or without a folio; pages numbered."""
import pytest

from papersite.reader.furniture import folio_style, remove_furniture, shape, strip_inline_heads
from papersite.reader.lines import make_lines

from synthetic import sentence_lines

BODY = sentence_lines(200)


def paged(head_even, head_odd, folio, pages=6, per_page=14, layout="top", feed=False):
    """A source of ``pages`` pages: running heads (alternating) and a folio in the given style."""
    out = []
    n = 0
    for p in range(1, pages + 1):
        head = head_even if p % 2 == 0 else head_odd
        f = folio.format(p + 37)
        top = []
        if layout == "top":
            top = [head, f] if head else [f]
        elif layout == "same-line":
            top = [f"{f}  {head}" if head else f]
        body = BODY[n:n + per_page]
        n += per_page
        page = top + body + ([f] if layout == "bottom" else [])
        if feed:
            page[0] = "\f" + page[0]
        out += page
    return out


@pytest.mark.parametrize("folio", ["{}", "{:03d}", "· {} ·", "— {} —", "第 {} 页", "{} / 42", "- {} -"])
@pytest.mark.parametrize("layout", ["top", "bottom", "same-line"])
def test_running_heads_and_folios_are_removed_in_any_style(folio, layout):
    heads = ("中国社会科学院大学学报（社会科学版）2024年第3期", "新质生产力赋能共同富裕的内在逻辑、关键维度与实践路径研究")
    raw = paged(*heads, folio, layout=layout)
    kept, log = remove_furniture(make_lines(raw))
    assert [l.text for l in kept] == BODY[:6 * 14]
    assert len({l.page for l in kept}) == 6


def test_a_head_with_its_folio_in_it():
    raw = paged("经济研究 2024 年第 {} 期".replace("{}", "3"), None, "", layout="none")
    raw = []
    for p in range(5):
        raw += [f"{38 + p} 经济研究 2024 年第 3 期"] + BODY[p * 10:(p + 1) * 10]
    kept, _ = remove_furniture(make_lines(raw))
    assert [l.text for l in kept] == BODY[:50]
    assert [l.page for l in kept][::10] == [1, 2, 3, 4, 5]


def test_head_run_into_the_first_line_of_text_is_cut():
    raw = []
    for p in range(4):
        raw += [f"· {38 + p} · 中国社会科学 2024年第3期"] + BODY[p * 10:(p + 1) * 10]
    raw[11:13] = ["· 39 ·", "中国社会科学 2024年第3期  " + BODY[10]]  # -layout spacing glued the head to the text
    kept, log = remove_furniture(make_lines(raw))
    assert [l.text for l in kept] == BODY[:40]


def test_repeated_body_lines_and_number_cells_stay():
    raw = BODY[:20] + ["“两个毫不动摇”"] + BODY[20:22] + ["“两个毫不动摇”"] + BODY[22:40] + ["表1 数据", "2019", "12.5", "2020", "13.1"]
    kept, log = remove_furniture(make_lines(raw))
    assert len(kept) == len(raw)
    assert not log


def test_form_feeds_number_pages_without_folios():
    raw = paged(None, None, "", layout="none", feed=True, pages=3)
    kept, _ = remove_furniture(make_lines(raw))
    assert [l.page for l in kept][::14] == [1, 2, 3]


def test_declared_shape_with_digits():
    raw = ["目录页 12"] + BODY[:5] + ["目录页 13"] + BODY[5:10]
    kept, log = remove_furniture(make_lines(raw), ("目录页 #",))
    assert [l.text for l in kept] == BODY[:10]


def test_shapes_and_folio_styles():
    assert shape("· 38 ·") == "·#·" and shape("2024 年 第 3 期") == "#年第#期"
    assert folio_style("— 38 —") is not None and folio_style("第 38 页") is not None
    assert folio_style("2024年") is None


def test_the_title_set_on_two_lines_is_a_running_head_beside_a_later_folio():
    """A four-page article prints its title as the head of one page only, on one line."""
    raw = ["中国古代农书中的灌溉器具", "记述及其知识传承", "林远"] + BODY[:12] + ["· 201 ·"] + BODY[12:24] + \
        ["中国古代农书中的灌溉器具记述及其知识传承", "· 202 ·"] + BODY[24:36]
    kept, log = remove_furniture(make_lines(raw))
    texts = [l.text for l in kept]
    assert "中国古代农书中的灌溉器具记述及其知识传承" not in texts
    assert texts[:2] == ["中国古代农书中的灌溉器具", "记述及其知识传承"]  # the title itself stays
    assert texts[3:] == BODY[:36]


def test_a_head_an_extractor_marked_as_a_heading_is_furniture_beside_the_folios():
    raw = BODY[:12] + ["· 112 ·"]
    for p in range(1, 3):  # twice: too few for a head by repetition alone
        raw += ["##### 理论经济评论", f"· {112 + p} ·"] + BODY[p * 12:(p + 1) * 12]
    kept, _ = remove_furniture(make_lines(raw))
    assert [l.text for l in kept] == BODY[:36]


def test_a_bare_number_out_of_the_folio_sequence_is_text():
    """A digit an extractor set on its own line (2025年 / 3 / 月5日) beside folios 38, 39 …: not a folio."""
    raw = paged(None, None, "{}", layout="bottom")
    k = raw.index(BODY[20])
    raw[k:k + 1] = [BODY[20][:-1] + "2025年", "3", "月5日，" + BODY[21]]
    kept, log = remove_furniture(make_lines(raw))
    assert "3" in [l.text for l in kept]
    assert sum("(folio)" in e.message for e in log) == 6


def _head_glued_to_text(number: str) -> list[str]:
    """Five pages with the title as running head and a folio of their own; on page 40 the extractor
    ran the head, then ``number``, into the page's first line of text (pymupdf4llm)."""
    head = "生产力与生产关系视角下新质生产力的生成逻辑"
    raw = []
    for p in range(5):
        lines = [head, f"{38 + p:03d}"] + BODY[p * 10:(p + 1) * 10]
        if p == 2:
            lines = [f"{head} {number} {BODY[20]}"] + BODY[21:30]
        raw += lines
    return raw


def test_a_folio_beside_a_head_run_into_the_text_is_cut_with_it():
    kept, log = remove_furniture(make_lines(_head_glued_to_text("040")))
    assert [l.text for l in kept] == BODY[:50]
    assert [l.page for l in kept][::10] == [1, 2, 3, 4, 5]


def test_a_number_opening_the_text_after_a_head_is_not_taken_for_a_folio():
    kept, _ = remove_furniture(make_lines(_head_glued_to_text("2023")))
    assert kept[20].text == "2023 " + BODY[20]  # between folios 039 and 041, 2023 is no page number


def test_the_masthead_set_alone_again_near_the_start_is_a_running_head():
    """Page 2's head repeats page 1's masthead line; the front matter took the title and the masthead,
    so the body's early lines are no title, and the same text alone there is a running head."""
    masthead = "社会科学论衡 2025年第1期"
    lines = make_lines(BODY[:3] + [masthead] + BODY[3:6] + [f"{masthead} {BODY[6]}"])
    kept, log = strip_inline_heads(lines, [masthead], frozenset({masthead}))
    assert [l.text for l in kept] == BODY[:7]
    kept, _ = strip_inline_heads(lines, [masthead])  # a head not read as front matter may be the title
    assert masthead in [l.text for l in kept]


def test_the_journals_name_again_is_a_running_head_even_on_a_short_article():
    """A three-page article prints its even-page head once: the journal's name from page 1's masthead, with the
    volume and issue and a folio, is furniture where it stands; the name inside a sentence is text."""
    from papersite.reader.furniture import strip_masthead_repeats
    text = ["发展经济学刊　第12卷第2期", "502", "本刊即发展经济学刊，创刊于二〇一四年。", "发展经济学刊", "503 发展经济学刊",
            "发展经济学刊　第12卷　第2期　2025年4月"]
    lines = make_lines(text)
    kept, log = strip_masthead_repeats(lines, ["发展经济学刊"])
    assert [l.text for l in kept] == ["502", "本刊即发展经济学刊，创刊于二〇一四年。"]
    assert len(log) == 4 and all(e.kind == "furniture" for e in log)
    assert strip_masthead_repeats(lines, ["学刊"])[0] == lines   # a name too short to trust


def test_the_journals_name_after_a_page_foot_note_is_not_part_of_the_note():
    from papersite.model import Paragraph, plain_text
    from papersite.reader import read_text
    text = ["发展经济学刊", "第12卷　第2期　2025年4月", "ISSN 2095-0000　CN 10-0000/F", "中国古代农书中的灌溉器具记述",
            "林　远", "摘　要：灌溉器具是传统农业技术体系的重要组成部分。", "关键词：农书；灌溉器具",
            "一、农书的体例", "农书的编纂者常常访问老农①，把口传经验写成文字。",
            "① 老农：古代农书中常见的说法，指经验丰富的农民。", "发展经济学刊　第12卷第2期", "502",
            "反过来，农书中的记述又回到乡村的生产实践之中。"]
    doc = read_text(text, "t.txt")
    assert [plain_text(n.inlines) for n in doc.notes] == ["老农：古代农书中常见的说法，指经验丰富的农民。"]
    paragraphs = [plain_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs and not any("发展经济学刊" in p or "第12卷" in p for p in paragraphs)


def test_a_running_head_an_extractor_wrote_as_a_table_row_is_furniture():
    """markitdown took a page's head line (folio and journal) for a table row: its cells read as that line."""
    raw = []
    for p in range(4):
        head = f"| {74 + 2 * p:03d} | 社会科学论衡　2025年第1期 |  |" if p % 2 else f"{74 + 2 * p:03d} 社会科学论衡 2025年第1期"
        raw += ([head, "| --- | --- | --- |"] if p % 2 else [head]) + [f"第{p}页的正文，第{k}行，说的是同一件事情。" for k in range(10)]
    kept, log = remove_furniture(make_lines(raw))
    assert not any("社会科学论衡" in l.text for l in kept)
    assert [l.page for l in kept if l.text.endswith("第0行，说的是同一件事情。")] == [1, 2, 3, 4]


def test_the_authors_before_the_title_in_a_running_head_go_with_it():
    """An odd page's head is ``武扬波：<title>`` (too rare to recur): cutting the title takes the authors' names
    before it too."""
    title = "新质生产力赋能共同富裕的内在逻辑与路径探索"
    lines = make_lines(BODY[:3] + [f"武扬波：{title}"] + BODY[3:5] + [f"李勇坚等：{title}"] + BODY[5:7])
    kept, _ = strip_inline_heads(lines, [title], frozenset({title}))
    assert [l.text for l in kept] == BODY[:7]


def test_a_folio_after_a_notes_last_line_of_page_numbers_is_a_folio():
    """Page 40's foot: a note ends on a line of its own pages (``399-415.``) just above the bare folio. A
    number beside a numeric line is taken for a table's cell, but 40 stands where the folios 39 and 41 leave
    exactly its place: a folio, and the note's line stays."""
    raw = paged(None, None, "{}", layout="bottom")
    k = raw.index("40")
    raw[k:k] = ["399-415."]
    kept, log = remove_furniture(make_lines(raw))
    texts = [l.text for l in kept]
    assert "40" not in texts and "399-415." in texts
    assert sum("(folio)" in e.message for e in log) == 6
