"""papersite check's warnings: orphan markers, unpaired notes, numbering gaps, repeated lines, foreign text."""
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
