"""Notes found by page-foot position and marker sequence, whatever their text says."""
import pytest

from papersite.model import NoteRef
from papersite.reader import read_text
from papersite.reader.furniture import remove_furniture
from papersite.reader.lines import make_lines
from papersite.reader.notes import extract_notes

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


def test_a_bracketed_number_after_a_latin_letter_is_not_a_note_marker():
    """f(1) is a function's argument or an equation number: the note (1) is cited by the later (1)."""
    raw = []
    for n in range(1, 4):
        raw += page(n, ["(1)"], [f"(1) 作者的说明{LINES[300 + n][:5]}"])
        raw[-2] = raw[-2][:6] + "，记为f(1)，" + raw[-2][6:]
    doc = read_text(raw, "t.txt")
    text = "".join(x.text for p in doc.paragraphs() for x in p.inlines if hasattr(x, "text"))
    refs = [x for p in doc.paragraphs() for x in p.inlines if isinstance(x, NoteRef)]
    assert text.count("f(1)") == 3
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
