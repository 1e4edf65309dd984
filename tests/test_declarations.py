"""paper.yml conversion facts: validated with file:line errors, and checked against the source."""
import pytest

from conftest import CONTENT
from papersite.errors import PaperError
from papersite.model import Heading
from papersite.pipeline import convert_paper
from test_errors import copy_paper


def with_conversion(tmp_path, block: str):
    """The paper (xu-liu) with ``block`` added to its conversion block (a first_page in ``block`` replaces its own)."""
    folder = copy_paper(tmp_path)
    yml = folder / "paper.yml"
    text = yml.read_text(encoding="utf-8")
    if "first_page:" in block:
        text = text.replace("  first_page: 69\n", "")
    head, sep, rest = text.partition("\nconversion:\n")
    text = head + "\nconversion:\n" + block + rest if sep else text + "conversion:\n" + block
    yml.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("block, message", [
    ("  furniture: [2024]\n", "conversion.furniture[0] is 2024"),
    ("  table_columns: {表1: three}\n", "conversion.table_columns.表1 is 'three'"),
    ("  table_columns: {表1: {columns: 3, order: diagonal}}\n", "expected a number of columns"),
    ("  table_columns: {表1: {columns: 4, order: '1+2'}}\n", "expected a number of columns"),
    # runs: the column of each cell in the order listed; every column as often, none beyond the columns
    ("  table_columns: {表1: {columns: 4, order: '1234 123'}}\n", "the column of each cell in the order extracted"),
    ("  table_columns: {表1: {columns: 2, order: '1233'}}\n", "expected a number of columns"),
    ("  english_abstract: 0\n", "conversion.english_abstract is 0"),
    ("  numbering: sometimes\n", "expected 'continues'"),
    ("  lines:\n    12-x: furniture\n", "expected a source line number or range"),
    ("  lines:\n    300: heading 9\n", "expected 'furniture', 'body', 'heading N'"),
    ("  lines:\n    246-249: furniture\n    249: body\n", "overlap"),
    ("  lines:\n    99999: furniture\n", "the source has"),
    ("  lines:\n    242: note ③\n", "begins 'A"),
    ("  lines:\n    603: furniture\n", "printed once and set as text"),
    ("  first_page: 0\n", "conversion.first_page is 0; expected the number printed"),
    ("  first_page: many\n", "conversion.first_page"),
    # the folios 074 and 078 number the first page 69 (or 70): a first page they do not bear out stops the build
    ("  first_page: 71\n", "conversion.first_page is 71, but the source's pages do not bear it out"),
])
def test_bad_declarations_name_file_and_line(tmp_path, block, message):
    folder = with_conversion(tmp_path, block)
    with pytest.raises(PaperError) as err:
        convert_paper(folder)
    assert message in str(err.value), str(err.value)
    assert str(err.value).startswith(str(folder / "paper.yml")) and err.value.line is not None


def test_declared_roles_are_applied(tmp_path):
    base = convert_paper(CONTENT / "papers" / "xu-liu-distribution-relations").document
    folder = with_conversion(tmp_path, "  lines:\n    242: note A\n    246-247: furniture\n    249: furniture\n")
    doc = convert_paper(folder).document
    assert [p.inlines for p in doc.paragraphs()] == [p.inlines for p in base.paragraphs()]
    assert [n.label for n in doc.notes] == ["A"]


def test_declared_heading_level(tmp_path):
    base = convert_paper(CONTENT / "papers" / "xu-liu-distribution-relations").document
    first = base.headings()[1]
    folder = with_conversion(tmp_path, f"  lines:\n    {first.line}: heading 4\n")
    doc = convert_paper(folder).document
    assert next(h for h in doc.headings() if h.line == first.line).level == 4


def _corpus_paper(tmp_path, case, edit=None):
    import shutil
    from conftest import ROOT
    folder = tmp_path / "papers" / "kw"
    shutil.copytree(ROOT / "tests" / "corpus" / case, folder)
    if edit:
        yml = folder / "paper.yml"
        yml.write_text(edit(yml.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


KW_CASE = "d-xelatex/zhang-factor-allocation/markitdown"   # pdfminer read this PDF's Latin text without word spaces
PRINTED = ("New Quality Productivity", "Scientific and Technological Innovation", "Number Intellectualization")


def test_english_key_words_take_the_word_spaces_paper_yml_gives_them(tmp_path):
    # The source reads "Keywords: NewQualityProductivity;ScientificandTechnologicalInnovation;…": the build stopped on
    # the careful user's key words, and without them the page showed the run-together words.
    doc = convert_paper(_corpus_paper(tmp_path, KW_CASE)).document
    assert doc.meta.english.keywords == PRINTED
    assert any(e.kind == "normalised" and "NewQualityProductivity" in e.message for e in doc.log)


def test_english_key_words_other_than_the_sources_are_refused_and_a_different_case_is_not_published(tmp_path):
    with pytest.raises(PaperError, match="keywords.en differ"):
        convert_paper(_corpus_paper(tmp_path / "a", KW_CASE, lambda y: y.replace("- Number Intellectualization",
                                                                                 "- Digital Intelligence")))
    lower = convert_paper(_corpus_paper(tmp_path / "b", KW_CASE, lambda y: y.replace("- New Quality Productivity",
                                                                                     "- new quality productivity")))
    assert lower.document.meta.english.keywords[0] == "NewQualityProductivity"   # only spaces are taken from paper.yml
    marked = convert_paper(_corpus_paper(tmp_path / "c", KW_CASE, lambda y: y.replace("- New Quality Productivity",
                                                                                      "- New Quality *Productivity*")))
    assert marked.document.meta.english.keywords[0] == "NewQualityProductivity"   # nor a mark the source does not print
