"""The zh-Hant text against a second converter (MediaWiki's zh-tw tables, zhconv-rs): every disagreement is
reviewed (content/zh-Hant-reviewed.txt) or fixed (content/zh-Hant-exceptions.txt), and every review still
occurs. OpenCC's wrong one-to-many choices (更加註重, 還是隻會) come back as correct Simplified, so the
round-trip test of test_variants.py cannot see them; this one can."""
from pathlib import Path

import pytest

from conftest import CONTENT
from papersite import hantcheck
from papersite.errors import PaperError
from papersite.script import traditional_converter
from papersite.siteconfig import load_site_config


@pytest.fixture(scope="module")
def three():
    """The zh-Hant pages built in memory: ours, with zhconv-rs as converter, and unconverted."""
    return hantcheck.build_three(CONTENT)


@pytest.fixture(scope="module")
def comparison(three):
    return hantcheck.compare_pages(*three)


@pytest.fixture(scope="module")
def reviewed():
    return hantcheck.read_reviewed(CONTENT / hantcheck.REVIEWED_NAME)


def test_the_whole_zh_hant_text_is_compared(three, comparison):
    ours, theirs, plain = three
    assert ours.keys() == theirs.keys() == plain.keys()
    assert comparison.pages == len(ours) and comparison.pages > 50  # papers, guides, concepts, teaching, home
    assert comparison.han_chars > 300_000
    assert any(uri.startswith("papers/") for case in comparison.cases.values() for uri in case.pages)


def test_no_disagreement_is_left_unreviewed(comparison, reviewed):
    new = [c for c in comparison.cases.values() if c.key not in reviewed]
    assert not new, (
        f"{len(new)} disagreement(s) with zhconv-rs not yet reviewed: fix each real error in "
        "content/zh-Hant-exceptions.txt, or add 'ours<TAB>theirs<TAB>reason' to content/zh-Hant-reviewed.txt:\n"
        + "\n".join(c.describe() for c in sorted(new, key=lambda c: (-c.count, c.key))))


def test_no_review_is_stale(comparison, reviewed):
    stale = [f"line {line}: {ours}\t{theirs}" for (ours, theirs), (_, line) in reviewed.items()
             if (ours, theirs) not in comparison.cases]
    assert not stale, "reviewed in content/zh-Hant-reviewed.txt but no longer occurring (remove):\n" + "\n".join(stale)


# The real errors found by the comparison, and fixed in content/zh-Hant-exceptions.txt:
# (Simplified as the site has it, OpenCC's wrong form, the right form).
FIXES = [
    ("更加注重", "更加註重", "更加注重"),
    ("还是只会", "還是隻會", "還是只會"),
    ("较大冲击", "較大沖擊", "較大衝擊"),
    ("新时代新征程", "新時代新徵程", "新時代新征程"),
    ("完善破产制度", "完善破產製度", "完善破產制度"),
    ("提供制度保障", "提供製度保障", "提供制度保障"),
    ("精神生产制约着", "精神生產製約著", "精神生產制約著"),
    ("严重制约生产效率", "嚴重製約生產效率", "嚴重制約生產效率"),  # zhconv-rs gets this one wrong too
    ("重复建设和一哄而上", "重複建設和一鬨而上", "重複建設和一哄而上"),
    ("各文采用的界定", "各文采用的界定", "各文採用的界定"),
    ("两种字形，并为每篇论文提供", "兩種字形，併為每篇論文提供", "兩種字形，並為每篇論文提供"),
    ("产业市场准入", "產業市場準入", "產業市場准入"),
    ("因素相并列或相区分", "因素相併列或相區分", "因素相並列或相區分"),  # zhconv-rs too
]


@pytest.mark.parametrize("simplified,wrong,right", FIXES)
def test_each_fix_changes_the_zh_hant_text(three, simplified, wrong, right):
    ours, _, plain = three
    config = load_site_config(CONTENT)
    assert traditional_converter(config.opencc, None)(simplified) == wrong  # OpenCC alone errs here
    assert traditional_converter(config.opencc, config.exceptions)(simplified) == right
    assert any(simplified in page for page in plain.values()), "no longer in the site's text: drop the fix"
    assert any(right in page for page in ours.values())
    assert not [uri for uri, page in ours.items() if wrong in page]


def test_cases_are_words_aligned_through_vocabulary():
    """Character for character where the lengths agree; by difflib where zh-tw changes the length."""
    cases = hantcheck.compare_pages({"a.md": "長三角工業互聯網平臺企業"}, {"a.md": "長三角工業網際網路平台企業"},
                                    {"a.md": "长三角工业互联网平台企业"}).cases
    assert list(cases) == [("互聯網平臺", "網際網路平台")]
    cases = hantcheck.compare_pages({"a.md": "能否抵消收入極化，還是隻會改變極化的形式"},
                                    {"a.md": "能否抵消收入極化，還是只會改變極化的形式"},
                                    {"a.md": "能否抵消收入极化，还是只会改变极化的形式"}).cases
    (case,) = cases.values()
    assert len(case.ours) > 1 and case.ours.replace("隻", "只") == case.theirs  # a one-character word has context
    assert case.pages == {"a.md": 1}


def test_counts_made_from_the_converted_text_are_not_cases():
    # a reading time counts the converted text's characters: zh-tw's longer words change the count
    assert not hantcheck.compare_pages({"a.md": "（225 字）"}, {"a.md": "（226 字）"}, {"a.md": "（225 字）"}).cases


def test_the_second_converter_keeps_the_quotation_marks():
    assert hantcheck._zhconv()("“平台”与‘发展’") == "“平台”與‘發展’"


def test_a_malformed_review_line_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "reviewed.txt"
    path.write_text("# comment\n平臺\t平台\tstandard form\n佔\t占\n", encoding="utf-8")
    with pytest.raises(PaperError, match=r"reviewed.txt:3: "):
        hantcheck.read_reviewed(path)
    path.write_text("平臺\t平台\ta\n平臺\t平台\tb\n", encoding="utf-8")
    with pytest.raises(PaperError, match="already reviewed at line 1"):
        hantcheck.read_reviewed(path)
