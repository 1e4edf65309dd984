"""Citations (GB/T 7714-2015, BibTeX, RIS, Highwire): expected values reasoned from the standards."""
import dataclasses
import re

import pytest

from conftest import all_slugs
from papersite.citation import (Citation, bibtex, bibtex_escape, citation_data, gbt7714, highwire,
                                parse_article_number, ris)
from papersite.paperyml import Author, PaperRecord

URL = "https://example.org/papers/x/"


def record(**kw) -> PaperRecord:
    base = dict(path="content/papers/x/paper.yml", slug="x", original_name="x.txt", sha256="0" * 64,
                title_zh="标题", title_zh_provenance="source", title_en="A Title", title_en_provenance="source",
                authors=(Author("李勇坚", "Li Yongjian"), Author("张海汝", "Zhang Hairu")))
    base.update(kw)
    return PaperRecord(**base)


NUMBERED = (("文章编号", "1005-9245（2025）01-0089-09"), ("收稿日期", "2024-08-02"))
PINYIN_ONLY = (Author(None, "Liu Qian", "editor"), Author(None, "Pei Xiaoge", "editor"))
FOUR = tuple(Author(n, p) for n, p in (("甲一", "Jia Yi"), ("乙二", "Yi Er"), ("丙三", "Bing San"), ("丁四", "Ding Si")))


def braces_balanced(text: str) -> bool:
    """BibTeX's own rule: every brace counts (a backslash does not protect it), depth never below 0."""
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


# --- 文章编号 ISSN（YEAR）ISSUE-FIRSTPAGE-PAGECOUNT ------------------------------------------------

@pytest.mark.parametrize("value, issn, year, issue, first, last", [
    ("1005-9245（2025）01-0089-09", "1005-9245", 2025, 1, 89, 97),   # 89 + 9 pages - 1
    ("1000-5315(2019)05-0167-05", "1000-5315", 2019, 5, 167, 171),  # ASCII parentheses
    ("1671-251x（2020）12-0001-10", "1671-251X", 2020, 12, 1, 10),  # check digit X
    (" 1005-9245 (2025) 01-0089-01 ", "1005-9245", 2025, 1, 89, 89),  # one page
])
def test_article_number_parsed(value, issn, year, issue, first, last):
    n = parse_article_number(value)
    assert (n.issn, n.year, n.issue, n.first_page, n.last_page) == (issn, year, issue, first, last)


@pytest.mark.parametrize("value", ["", "F124", "1005-9245（2025）01-0089", "1005-9245（2025）01-0089-00",
                                   "1005-9245（25）01-0089-09", "ISSN 1005-9245"])
def test_article_number_not_parsed(value):
    assert parse_article_number(value) is None


def test_citation_data_takes_issue_pages_issn_and_year_from_article_number():
    c = citation_data(record(source_fields=NUMBERED), URL)
    assert (c.year, c.issue, c.first_page, c.last_page, c.pages, c.issn) == (2025, 1, 89, 97, "89-97", "1005-9245")
    assert c.volume is None and c.journal is None
    assert c.authors == ("李勇坚", "张海汝") and c.authors_pinyin == ("Li Yongjian", "Zhang Hairu")


def test_citation_data_knows_nothing_the_record_does_not_say():
    c = citation_data(record(authors=PINYIN_ONLY), None)
    assert c.authors == ("Liu Qian", "Pei Xiaoge") and c.authors_zh == (None, None)
    assert [c.year, c.issue, c.pages, c.issn, c.url, c.journal, c.volume] == [None] * 7
    assert citation_data(record(year=2024, source_fields=NUMBERED), "").year == 2024  # the record's year wins
    assert citation_data(record(), "").url is None


# --- GB/T 7714-2015 --------------------------------------------------------------------------------

@pytest.mark.parametrize("kw, url, expected", [
    (dict(journal="测试学报", source_fields=NUMBERED), URL, "李勇坚, 张海汝. 标题[J]. 测试学报, 2025(1): 89-97."),
    (dict(journal="测试学报", year=2025), URL, "李勇坚, 张海汝. 标题[J]. 测试学报, 2025."),
    (dict(journal="财经智库"), URL, "李勇坚, 张海汝. 标题[J]. 财经智库."),
    (dict(), URL, f"李勇坚, 张海汝. 标题[EB/OL]. {URL}."),
    (dict(source_fields=NUMBERED), URL, f"李勇坚, 张海汝. 标题[EB/OL]. {URL}."),
    (dict(), None, "李勇坚, 张海汝. 标题[Z]."),
    (dict(authors=PINYIN_ONLY, journal="测试学报"), None, "LIU Qian, PEI Xiaoge. 标题[J]. 测试学报."),  # §8.1.2
    (dict(authors=FOUR, journal="测试学报"), None, "甲一, 乙二, 丙三, 等. 标题[J]. 测试学报."),  # §8.1.3
    (dict(authors=FOUR[:3], journal="测试学报"), None, "甲一, 乙二, 丙三. 标题[J]. 测试学报."),
])
def test_gbt7714(kw, url, expected):
    assert gbt7714(citation_data(record(**kw), url)) == expected


def test_gbt7714_with_volume():
    c = dataclasses.replace(citation_data(record(journal="测试学报", source_fields=NUMBERED), None), volume="12")
    assert gbt7714(c) == "李勇坚, 张海汝. 标题[J]. 测试学报, 2025, 12(1): 89-97."


@pytest.mark.parametrize("kw", [dict(), dict(journal="J"), dict(journal="J", year=2020),
                                dict(authors=PINYIN_ONLY), dict(source_fields=NUMBERED)])
@pytest.mark.parametrize("url", [None, URL])
def test_unknown_facts_leave_no_trace(kw, url):
    c = citation_data(record(**kw), url)
    for text in (gbt7714(c), bibtex(c, "k"), ris(c)):
        for bad in ("None", "()", ", ,", ", .", ": .", "= {}", "[]"):
            assert bad not in text
    assert all(value.strip() for _, value in highwire(c))
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - \S.*", line) for line in ris(c).splitlines()[:-1])


# --- BibTeX ----------------------------------------------------------------------------------------

def test_bibtex_escapes_specials():
    assert bibtex_escape("R&D 50% a_b {x}") == r"R\&D 50\% a\_b \textbraceleft{}x\textbraceright{}"
    assert bibtex_escape("$#~^\\") == r"\$\#\textasciitilde{}\textasciicircum{}\textbackslash{}"
    entry = bibtex(citation_data(record(title_zh="R&D 50% a_b {x", title_en="Q&A_1}"), URL), "k")
    assert r"title = {R\&D 50\% a\_b \textbraceleft{}x}," in entry
    assert r"note = {English title: Q\&A\_1\textbraceright{}}," in entry
    assert braces_balanced(entry)


def test_bibtex_article_fields():
    entry = bibtex(citation_data(record(journal="测试学报", source_fields=NUMBERED), URL), "li2025")
    assert entry.startswith("@article{li2025,\n") and entry.endswith("}\n") and braces_balanced(entry)
    for line in ("author = {{李勇坚} and {张海汝}}", "journal = {测试学报}", "year = {2025}", "number = {1}",
                 "pages = {89--97}", "issn = {1005-9245}", f"url = {{{URL}}}", "language = {chinese}",
                 "note = {English title: A Title}"):
        assert f"  {line}" in entry
    assert "volume" not in entry


def test_bibtex_misc_without_journal_and_pinyin_authors():
    entry = bibtex(citation_data(record(authors=PINYIN_ONLY), None), "liu")
    assert entry.startswith("@misc{liu,\n") and braces_balanced(entry)
    assert "  author = {Liu, Qian and Pei, Xiaoge}" in entry
    for field in ("journal", "year", "number", "pages", "issn", "url"):
        assert f"  {field} =" not in entry
    with pytest.raises(ValueError):
        bibtex(citation_data(record(), None), "bad key,")


# --- RIS -------------------------------------------------------------------------------------------

def test_ris_journal_article():
    text = ris(citation_data(record(journal="测试学报", source_fields=NUMBERED), URL))
    assert text.startswith("TY  - JOUR\n") and text.endswith("\nER  - \n")
    for line in ("AU  - 李勇坚", "AU  - 张海汝", "TI  - 标题", "T2  - 测试学报", "PY  - 2025", "IS  - 1",
                 "SP  - 89", "EP  - 97", "SN  - 1005-9245", f"UR  - {URL}", "LA  - zh"):
        assert line in text.splitlines()


@pytest.mark.parametrize("url, kind", [(URL, "ELEC"), (None, "GEN")])
def test_ris_without_journal(url, kind):
    text = ris(citation_data(record(authors=PINYIN_ONLY), url))
    assert text.startswith(f"TY  - {kind}\n") and text.rstrip("\n").endswith("ER  - ")
    assert "AU  - Liu, Qian" in text.splitlines() and "T2  -" not in text and "PY  -" not in text


# --- Highwire --------------------------------------------------------------------------------------

def test_highwire_full():
    tags = highwire(citation_data(record(journal="测试学报", source_fields=NUMBERED), URL))
    assert all(name.startswith("citation_") and value for name, value in tags)
    assert [v for n, v in tags if n == "citation_author"] == ["李勇坚", "张海汝"]
    d = dict(tags)
    assert (d["citation_title"], d["citation_journal_title"], d["citation_publication_date"]) == ("标题", "测试学报", "2025")
    assert (d["citation_issue"], d["citation_firstpage"], d["citation_lastpage"]) == ("1", "89", "97")
    assert (d["citation_issn"], d["citation_language"]) == ("1005-9245", "zh")
    assert d["citation_abstract_html_url"] == d["citation_fulltext_html_url"] == URL


def test_highwire_omits_unknown():
    names = {n for n, _ in highwire(citation_data(record(authors=PINYIN_ONLY), None))}
    assert names == {"citation_title", "citation_author", "citation_language"}


# --- The real papers -------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", all_slugs())
def test_real_papers_cite_title_and_every_author(corpus, slug):
    rec = corpus[slug].record
    c = citation_data(rec, f"https://example.org/papers/{slug}/")
    assert isinstance(c, Citation)
    outputs = {"gbt": gbt7714(c), "bibtex": bibtex(c, slug), "ris": ris(c)}
    for fmt, text in outputs.items():
        assert text.strip() and rec.title_zh in text and "None" not in text, fmt
        for a in rec.authors:  # the Chinese name, or every part of the pinyin (GB/T capitalises the surname)
            assert (a.name and a.name in text) or all(part.lower() in text.lower() for part in a.pinyin.split()), fmt
    assert braces_balanced(outputs["bibtex"])
    assert outputs["ris"].startswith("TY  - ") and outputs["ris"].rstrip("\n").endswith("ER  - ")
    assert all(n.startswith("citation_") and v for n, v in highwire(c))
    if rec.year is None and not any(k == "文章编号" for k, _ in rec.source_fields):
        assert "citation_publication_date" not in dict(highwire(c)) and "PY  -" not in outputs["ris"]


def test_real_article_number_gives_pages(corpus):
    c = citation_data(corpus["li-zhang-2025-generative-logic"].record, None)
    assert (c.year, c.issue, c.pages, c.issn) == (2025, 1, "89-97", "1005-9245")
