"""Notes found by page-foot position and marker sequence, whatever their text says."""
import pytest

from papersite.model import NoteRef
from papersite.reader import read_text
from papersite.reader.furniture import remove_furniture
from papersite.reader.lines import make_lines
from papersite.reader.notes import extract_notes, note_text

from synthetic import sentence_lines

LINES = sentence_lines(400)


def page(n, markers, notes, folio="· {} ·", head="中国社会科学院大学学报 2024 年第 3 期"):
    """One page: head, folio, 12 body lines (markers after lines 2, 5, 8) and its foot notes."""
    body = LINES[n * 12:(n + 1) * 12]
    for k, m in zip((2, 5, 8), markers):
        body[k] = body[k][:20] + m + body[k][20:]
    return [head, folio.format(n + 30)] + body + notes


@pytest.mark.parametrize("style", [
    ("①", "②", "①", "②"),
    ("(1)", "(2)", "(1)", "(2)"),
    ("[1]", "[2]", "[1]", "[2]"),
    ("1)", "2)", "1)", "2)"),
    ("①", "②", "注①", "注②"),
])
def test_notes_at_page_feet_restarting_on_each_page(style):
    m1, m2, d1, d2 = style
    raw = []
    for n in range(1, 5):
        raw += page(n, [m1, m2], [f"{d1} 这里是第一条注释{LINES[300 + n][:8]}，它说的不是一篇文献，而是",
                                    "作者的一个说明，续到第二行。", f"{d2} 第二条注释{LINES[310 + n][:6]}"])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert len(notes) == 8
    assert [len(n.lines) for n in notes] == [2, 1] * 4
    assert [n.page for n in notes] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert len(body) == 48


def test_notes_numbered_straight_through_pages():
    raw = []
    for n in range(1, 4):
        a, b = 2 * n - 1, 2 * n
        raw += page(n, [f"({a})", f"({b})"], [f"({a}) 作者的说明{LINES[300 + a][:5]}", f"({b}) 作者的说明{LINES[300 + b][:5]}"])
    lines, _ = remove_furniture(make_lines(raw))
    _, notes, _ = extract_notes(lines, lambda l: False)
    assert [n.label for n in notes] == [f"({k})" for k in range(1, 7)]


def test_an_enumeration_at_a_page_end_is_not_a_note():
    raw = page(1, [], ["（1）提高劳动者素质；", "（2）优化要素配置。"]) + page(2, [], []) + page(3, [], [])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert notes == [] and len(body) == 38


def test_notes_are_linked_from_the_words_they_follow():
    raw = []
    for n in range(1, 4):
        raw += page(n, ["①", "②"], [f"① 说明{LINES[300 + n][:5]}", f"② 另见{LINES[320 + n][:5]}"])
    doc = read_text(raw, "t.txt")
    refs = [x for p in doc.paragraphs() for x in p.inlines if isinstance(x, NoteRef)]
    assert len(doc.notes) == 6 and len(refs) == 6
    assert sorted(r.note_id for r in refs) == sorted(n.id for n in doc.notes)


@pytest.mark.parametrize("marker, label", [("[注1]", "[注1]"), ("1)", "1)")])
def test_label_forms_and_labels_alone_on_their_line(marker, label):
    raw = []
    for n in range(1, 4):
        raw += page(n, [marker], [label, f"这一条注释的文字在下一行{LINES[330 + n][:6]}"])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert len(notes) == 3 and all(len(n.lines) == 2 for n in notes)


@pytest.mark.parametrize("label, number, line", [
    ("(1)", "，记为f(1)，", -2),  # f(1) is a function's argument or an equation number
    ("1)", "（见表1）", -13),  # the number's parenthesis closes one the text opened (the page's first line)
])
def test_a_number_in_the_text_is_not_a_note_marker(label, number, line):
    """The note is cited by the later marker, not by the number that looks like it."""
    raw = []
    for n in range(1, 4):
        raw += page(n, [label], [f"{label} 作者的说明{LINES[300 + n][:5]}。"])
        raw[line] = raw[line][:6] + number + raw[line][6:]
    doc = read_text(raw, "t.txt")
    text = "".join(x.text for p in doc.paragraphs() for x in p.inlines if hasattr(x, "text"))
    refs = [x for p in doc.paragraphs() for x in p.inlines if isinstance(x, NoteRef)]
    assert text.count(number) == 3
    assert len(refs) == 3 and len(doc.notes) == 3


def test_a_note_carried_over_to_the_next_page_foot():
    """Page 2's marker ③ has no note under it: the note did not fit and stands at page 3's foot, above
    page 3's own ①, as ③. It is a note of page 2's marker, and page 3's notes are page 3's."""
    raw = page(1, ["①"], [f"① 说明{LINES[300][:5]}"]) + page(2, ["①", "②", "③"], [f"① 说明{LINES[301][:5]}",
                                                                                f"② 说明{LINES[302][:5]}"]) + \
        page(3, ["①"], [f"③ 被挤到下一页的注释{LINES[303][:5]}", f"① 本页的注释{LINES[304][:5]}"])
    doc = read_text(raw, "t.txt")
    assert [n.label for n in doc.notes] == ["(1)", "(1)", "(2)", "(3)", "(1)"]
    refs = {x.note_id for p in doc.paragraphs() for x in p.inlines if isinstance(x, NoteRef)}
    assert refs == {n.id for n in doc.notes}
    texts = "".join(x.text for p in doc.paragraphs() for x in p.inlines if hasattr(x, "text"))
    assert "被挤到下一页" not in texts


def test_a_marker_set_apart_at_a_page_end_is_not_a_note():
    """pdftotext wrote a marker on its own line before the page break, its sentence going on after it."""
    raw = page(1, ["[注1]"], [f"[注1] 说明{LINES[300][:5]}"]) + page(2, ["[注1]"], [f"[注1] 说明{LINES[301][:5]}"])
    raw += ["中国社会科学院大学学报 2024 年第 3 期", "· 32 ·"] + LINES[40:45] + ["制度成本", "[注1]", "· 33 ·",
                                                                          "。这种转型增强了协同劳动。"] + LINES[45:50]
    doc = read_text(raw, "t.txt")
    assert [n.label for n in doc.notes] == ["[注1]", "[注1]"]


def test_a_note_the_page_before_had_no_room_for_stands_above_this_pages_own():
    """Page 1 cites [注1] and [注2]; its [注2] is set at the foot of page 2, above page 2's [注1] [注2]."""
    raw = page(1, ["[注1]", "[注2]"], ["[注1] 周文、许凌云：《论新质生产力》，《改革》，2023年第10期。"]) + \
        page(2, ["[注1]", "[注2]"], ["[注2] 张辉、唐琦：《新质生产力形成的条件》，《学习与探索》，2024年第1期。",
                                     "[注1] 韩颖、许薛璐：《人工智能技术与人力资本结构升级》，《江西财经大学学报》，",
                                     "2024年第2期。",
                                     "[注2] D.Acemoglu，P.Restrepo.The race between man and machine，2018（6）：1488-1542."])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert [(n.label, n.page, n.lines[0].text[5:7]) for n in notes] == \
        [("[注1]", 1, "周文"), ("[注2]", 1, "张辉"), ("[注1]", 2, "韩颖"), ("[注2]", 2, "D.")]
    assert len(body) == 24 and not any("《" in l.text or "2024年" in l.text for l in body)


def test_notes_run_on_one_line_count_on_at_the_page_foot():
    """One paragraph a line (pymupdf4llm): [注3] follows [注2]'s full stop on its line."""
    raw = page(1, ["[注1]", "[注2]", "[注3]"], [
        "[注1] 周文、许凌云：《论新质生产力》，《改革》，2023年第10期。",
        "[注2] D.Acemoglu，P.Restrepo.The race between man and machine，2018（6）：1488-1542. "
        "[注3] W.Dauth，S.Findeisen.The adjustment of labor markets to robots，2021（6）：3104-3153.",
        "[注4] 焦勇：《数据要素赋能新质生产力涌现》，《新疆社会科学》，2024年第4期。"])
    raw[8] = raw[8][:10] + "[注4]" + raw[8][10:]
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert [(n.label, n.lines[0].text[5:7]) for n in notes] == \
        [("[注1]", "周文"), ("[注2]", "D."), ("[注3]", "W."), ("[注4]", "焦勇")]
    assert not any("《" in l.text or "Dauth" in l.text for l in body)


def test_a_label_alone_and_its_text_after_a_space_on_the_next_line_is_one_note():
    """PyMuPDF writes ``①`` and `` 韩颖、…`` (the gap after the label opening the next line): a line that
    opens with one space starts a page for pdfminer, but not after a label alone."""
    raw = []
    for n in range(1, 4):
        raw += page(n, ["①", "②"], ["①", f" 韩颖、许薛璐：《人工智能技术与人力资本结构升级》{LINES[300 + n][:5]}，",
                                     "2024年第2期。", f"② 另见{LINES[320 + n][:5]}"])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert [(n.label, n.page, len(n.lines)) for n in notes] == [("(1)", p, 3) if k == 0 else ("(2)", p, 1)
                                                               for p in (1, 2, 3) for k in (0, 1)]


def test_a_note_broken_off_at_a_page_foot_goes_on_at_the_next():
    """XeLaTeX splits a long note: its end stands at the foot of the next page, without a label."""
    raw = page(1, ["1)", "2)"], ["1) 周文、许凌云：《论新质生产力》，《改革》，2023年第10期。",
                                 "2) 梁玉成、赖小乔：《中国式现代化下的“新质生产力”发展》，《广西民族大学学报（哲学社"]) + \
        page(2, [], ["会科学版）》，2024年第2期。"]) + page(3, [], [])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert [(n.label, [l.text[:4] for l in n.lines]) for n in notes] == [("1)", ["1) 周"]), ("2)", ["2) 梁", "会科学版"])]
    assert len(body) == 12 * 3 and not any("会科学版" in l.text for l in body)


def test_a_raised_marker_pdftotext_set_on_a_line_before_its_word_goes_back_to_the_gap_it_left():
    """pdftotext gives a superscript its own line, before the line it is printed in; that line keeps
    the space the marker stood in (between two wide characters, where Chinese has none)."""
    body = LINES[:10]
    body[4:5] = ["其中，基于", "Frey", "和", "(1)", "Osborne（2017） 的方法，学界展开了研究。"]
    doc = read_text(body + ["(1) 注：该文 2013 年以工作论文形式发表。"], "t.txt")
    text = "".join(x.text if hasattr(x, "text") else "<" + x.label + ">" for p in doc.paragraphs() for x in p.inlines)
    assert "Osborne（2017）<(1)>的方法" in text and len(doc.notes) == 1


def test_a_note_text_written_apart_from_its_label_goes_back_after_it():
    """pdfminer writes a label with its note's second line in one text box and the first line's text (opening
    with the space after the label) in another, before or after: each text goes back after its label; where a
    page has two, each to the label whose second line it reads on into (2024 → 年第2期, 科学技 → 术管理), not in
    the order written."""
    raw = page(1, ["[注1]"], ["[注1]", "学报（哲学社会科学版）》，2024年第2期。", "",
                              " 梁玉成、赖小乔：《中国式现代化下的“新质生产力”发展》，《广西民族大学"])
    raw += page(2, ["[注1]"], [])  # its note carried to page 3's foot, above page 3's own
    raw += page(3, ["[注1]"], [" 李舒沁、王灏晨：《人工智能对老龄化背景下制造业劳动力的影响》，《科学学与科学技", "",
                               " 韩颖、许薛璐：《人工智能技术与人力资本结构升级》，《江西财经大学学报》，2024", "",
                               "[注1]", "年第2期。", "[注1]", "术管理》，2021年第7期。"])
    raw += page(4, [], [])
    raw = ["\f" + r if k and r.startswith("中国社会科学院") else r for k, r in enumerate(raw)]
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert [(n.label, note_text(n)) for n in notes] == [
        ("[注1]", "梁玉成、赖小乔：《中国式现代化下的“新质生产力”发展》，《广西民族大学学报（哲学社会科学版）》，2024年第2期。"),
        ("[注1]", "韩颖、许薛璐：《人工智能技术与人力资本结构升级》，《江西财经大学学报》，2024年第2期。"),
        ("[注1]", "李舒沁、王灏晨：《人工智能对老龄化背景下制造业劳动力的影响》，《科学学与科学技术管理》，2021年第7期。")]
    assert not any("《" in l.text for l in body)


def test_an_issue_number_opening_a_notes_wrapped_line_is_not_a_label():
    """A reference wrapped before its issue and pages (…Technovation，2014 / （9）：536-545.): the second line
    is the note's, not a note (9) of another numbering."""
    raw = page(1, ["①", "②"], ["① V.Dewangan，M.Godse.Towards a holistic enterprise innovation performance measurement system，Technovation，2014",
                               "（9）：536-545.",
                               "② 张辉、唐琦：《新质生产力形成的条件》，《学习与探索》，2024年第1期。"])
    lines, _ = remove_furniture(make_lines(raw))
    body, notes, _ = extract_notes(lines, lambda l: False)
    assert [n.label for n in notes] == ["(1)", "(2)"]
    assert note_text(notes[0]).endswith("Technovation，2014（9）：536-545.")


def test_a_citation_marker_written_as_a_block_of_its_own_goes_back_before_the_punctuation_it_preceded():
    """pdftotext wrote a raised ``[11]`` as its own block further down the page (between two columns' blocks);
    the line it was printed at the end of is followed by one opening on the full stop that came after it
    (``…第一要素`` / ``。劳动者…``), which print never sets at a line's start: the marker goes back there."""
    from papersite.model import Citation
    body = LINES[:12]
    body[4:6] = ["更高素质的劳动者是新质生产力的第一要素", "。劳动者始终是构成生产力的最核心要素，生产"]
    raw = ["中国社会科学院大学学报 2024 年第 3 期", "· 30 ·"] + body[:9] + ["", "[11]", ""] + body[9:]
    doc = read_text(raw, "t.txt")
    text = "".join(x.text if hasattr(x, "text") else f"<{x.number}>" for p in doc.paragraphs() for x in p.inlines
                   if hasattr(x, "text") or isinstance(x, Citation))
    assert "第一要素<11>。劳动者" in text and "<11>" not in text.replace("第一要素<11>", "")
