"""papersite check's warnings: orphan markers, unpaired notes, numbering gaps, repeated lines, foreign text."""
import pytest

from papersite.audit import audit
from papersite.reader import read_text
from papersite.transforms import apply_transforms

from synthetic import sentence_lines

TEXT = sentence_lines(60)


def kinds(raw):
    doc = apply_transforms(read_text(raw, "t.txt"))
    return [w.kind for w in audit(doc, raw)], doc


def test_orphan_markers_are_warned_about():
    raw = ["一、引言", TEXT[0] + "①", TEXT[1] + "②", TEXT[2][:-1] + "。"]
    found, _ = kinds(raw)
    assert found.count("orphan-marker") == 2


def test_numbering_gap_and_the_paragraph_that_fills_it():
    raw = ["一、引言", TEXT[0], TEXT[1][:-1] + "。", "二、理论", TEXT[2], TEXT[3][:-1] + "。",
           "四、结论", TEXT[4][:-1] + "。"]
    found, doc = kinds(raw)
    assert "numbering" in found


def test_repeated_line_left_in_the_body():
    head = "某某大学学报（哲学社会科学版）"
    raw = ["一、引言", TEXT[0], head, TEXT[1], TEXT[2], head, TEXT[3][:-1] + "。"]
    found, _ = kinds(raw)
    assert "repeated-line" in found


def test_clean_paper_has_no_warnings():
    raw = ["一、引言", TEXT[0], TEXT[1][:-1] + "。", "二、结论", TEXT[2][:-1] + "。"]
    found, _ = kinds(raw)
    assert found == []


# ---- notes and markers of every family the reader knows (papersite.reader.notes) ---------------------------

FAMILIES = {"(1)": lambda n: f"({n})", "1)": lambda n: f"{n})", "[注1]": lambda n: f"[注{n}]", "①": lambda n: "①②③④⑤"[n - 1]}
SOURCES = ("《资本论》第{}卷，人民出版社2009年版，第12页。", "《政治经济学批判》，人民出版社1976年版，第{}页。",
           "王某：《论分配》，《经济研究》2019年第{}期。", "《马克思恩格斯选集》第{}卷，人民出版社2012年版。")


def _page(first, markers, notes, at):
    """One page: a line of text per marker (each followed by it), a sentence end, then the page's notes."""
    body = [TEXT[at + k] + m for k, m in enumerate(markers)] + [TEXT[at + 9][:-1] + "。"]
    body[0] = ("" if first else "\f") + body[0]
    return body + [f"{label} " + SOURCES[(at + i) % 4].format(at + i + 1) for i, label in enumerate(notes)]


def _warnings(raw):
    doc = apply_transforms(read_text(raw, "t.txt"))
    return [(w.kind, w.line) for w in audit(doc, raw)], doc


@pytest.mark.parametrize("family", FAMILIES)
def test_notes_in_order_give_no_warning(family):
    f = FAMILIES[family]
    raw = ["一、引言"] + _page(True, [f(1), f(2)], [f(1), f(2)], 0) + _page(False, [f(1), ""], [f(1)], 20) + \
        ["二、结论", TEXT[40][:-1] + "。"]
    found, doc = _warnings(raw)
    assert len(doc.notes) == 3 and found == []


@pytest.mark.parametrize("family", FAMILIES)
def test_orphan_marker_and_gap_in_every_family(family):
    """Page 1 cites 1, 2, 3 but prints notes 1 and 2; page 2 cites and prints 1, 2, 4 (3 is missing)."""
    f = FAMILIES[family]
    raw = ["一、引言"] + _page(True, [f(1), f(2), f(3)], [f(1), f(2)], 0) + \
        _page(False, [f(1), f(2), f(4)], [f(1), f(2), f(4)], 20) + ["二、结论", TEXT[40][:-1] + "。"]
    found, _ = _warnings(raw)
    assert ("orphan-marker", 4) in found                      # 3 on line 4 has no note
    assert ("note-sequence", 10) in found                     # the marker after 2 on page 2 is 4
    assert ("note-sequence", 14) in found or ("note-like-line", 14) in found   # the note 4 after note 2
    assert not [w for w in found if w[0] in ("orphan-marker", "note-sequence") and w[1] in (2, 3, 6, 7)]


@pytest.mark.parametrize("family", FAMILIES)
def test_note_with_no_marker_in_every_family(family):
    """Note 2 is printed on page 1, but the text cites only 1."""
    f = FAMILIES[family]
    raw = ["一、引言"] + _page(True, [f(1), ""], [f(1), f(2)], 0) + _page(False, [f(1)], [f(1)], 20) + \
        ["二、结论", TEXT[40][:-1] + "。"]
    found, _ = _warnings(raw)
    assert [w for w in found if w[1] == 6 and w[0] in ("unpaired-note", "note-like-line")], found


def test_enumerations_and_parentheses_are_no_markers():
    """(1) and 2) as enumerations in a paper without such notes, and （见表1）, are not note markers."""
    raw = ["一、引言", "本文讨论三点：(1)" + TEXT[0], "其二2)" + TEXT[1], "其结果（见表1）" + TEXT[2][:-1] + "。",
           "二、结论", TEXT[3][:-1] + "。"]
    found, _ = _warnings(raw)
    assert found == []


def test_the_five_papers_get_no_note_warnings(corpus):
    """The five papers' notes are all linked: no orphan, sequence or note-like-line warning (papersite check
    reports 0, 0, 0, 2 and 0 warnings, the two being xu-liu's withheld English abstracts)."""
    counts = {}
    for slug, paper in corpus.items():
        found = audit(paper.document, paper.source.lines)
        assert not [w for w in found if w.kind in ("orphan-marker", "note-sequence", "note-like-line", "unpaired-note")], slug
        counts[slug] = len(found)
    assert sorted(counts.values()) == [0, 0, 0, 0, 2]


def test_a_corpus_extraction_whose_notes_were_lost_is_warned_about():
    """PyMuPDF's one-column li-zhang with one note's lines taken out of the page foot (as an extractor that
    drops a text box would): check says which marker lost its note, and where."""
    from corpus.score import CORPUS
    from papersite.reader import read_text
    from papersite.source import read_source
    folder = CORPUS / "a-one-column/li-zhang-2025-generative-logic/pymupdf"
    lines = list(read_source(folder / "source.txt").lines)
    whole = read_text(lines, "source.txt")
    note = whole.notes[4]
    cut = lines[: note.line - 1] + lines[note.last_line:]
    doc = read_text(cut, "source.txt")
    assert len(doc.notes) == len(whole.notes) - 1
    found = [w for w in audit(doc, cut) if w.kind == "orphan-marker"]
    assert found and all(w.line and w.message.startswith("note marker") for w in found)


def test_a_heading_line_inside_a_paragraphs_line_range_is_not_reported_as_swallowed():
    """Where the reader put two columns back in order, a paragraph's source lines are a range that can hold the
    other column's lines: a line read as a heading (二、理论, line 3) lies inside the left paragraph's range (2-5)
    and is no heading the paragraph swallowed."""
    from papersite.model import Document, EnglishMeta, Heading, Meta, Paragraph, Text
    raw = ["一、引言", TEXT[0][:-1] + "。", "二、理论", TEXT[1], TEXT[2][:-1] + "。", TEXT[3][:-1] + "。"]
    doc = Document(Meta(title="题名", english=EnglishMeta()), (
        Heading("s1", 2, "一、", "引言", 1), Paragraph("p-1", (Text(raw[1] + raw[3] + raw[4]),), 2, 5),
        Heading("s2", 2, "二、", "理论", 3), Paragraph("p-2", (Text(TEXT[3][:-1] + "。"),), 6, 6)), ())
    assert not [w for w in audit(doc, raw) if w.kind == "numbering"]
    # the same line, when the paragraph did swallow it (no heading read there), is reported
    swallowed = Document(doc.meta, (doc.blocks[0], doc.blocks[1], doc.blocks[3]), ())
    assert [w.line for w in audit(swallowed, raw) if w.kind == "numbering"] == [3]
