"""The source's pagination: page markers in the text, each paragraph's pages, and the passage citations.

The truth here does not come from the converter. For the five papers it was read off each source.txt by
eye (where every printed page begins, checked against the extraction's page marks, the folios it prints
and the page range of its 文章编号) and is written down below; the tests check those facts against the
raw source, then the built pages against them. For the varied corpus, ``expected.json`` records the printed
page of every note marker (the typesetter's own record), which tells which page a marker's paragraph is
on at that point.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, all_slugs
from corpus.score import CORPUS, cases, convert_extraction
from papersite.citation import page_span
from papersite.model import LogEntry, PageBreak, plain_text
from papersite.reader.lines import make_lines
from papersite.reader.pages import article_range, folio_number, paginate

# ---- the five papers, as read by eye -----------------------------------------------------------------
#
# li-zhang-2025-generative-logic: no folios or running heads; its 文章编号 1005-9245（2025）01-0089-09 gives
# pp. 89-97. This extraction opens each page's first line with one ASCII space (nine such lines before the
# English abstract; the text runs on across each of them mid-sentence, and every page's notes lie inside it).
# xu-liu-distribution-relations: folios 074 (line 249) and 078 (line 467) with the journal's head at the top
# of those even pages; the other pages open with a one-space mark (two before a heading, line 410) every
# 26-27 lines of text; lines 132 and 452 carry the mark too, but 7 and 12 lines after a page start (a text
# box under a heading, not a page). Page 69 holds the title and abstract only. The other three papers print
# no page number anywhere (no folio, no 文章编号): they get no marker.
#
# printed page -> (the source line it begins at, its first line of body text)
PAGES = {
    "li-zhang-2025-generative-logic": {
        89: (1, 39), 90: (69, 69), 91: (230, 230), 92: (401, 401), 93: (552, 552), 94: (697, 697),
        95: (846, 846), 96: (1010, 1010), 97: (1181, 1181)},
    "xu-liu-distribution-relations": {
        69: (1, None), 70: (33, 33), 71: (86, 86), 72: (139, 139), 73: (192, 192), 74: (246, 251), 75: (304, 304),
        76: (357, 357), 77: (410, 410), 78: (464, 469), 79: (522, 522), 80: (577, 577), 81: (630, 630),
        82: (683, 683), 83: (736, 736), 84: (787, 787), 85: (838, 838)},
}
FOLIOS = {"xu-liu-distribution-relations": {249: 74, 467: 78}}
RANGE = {"li-zhang-2025-generative-logic": (89, 97)}
UNPAGED = [s for s in all_slugs() if s not in PAGES]


def source_lines(slug: str) -> list[str]:
    return (CONTENT / "papers" / slug / "source.txt").read_text(encoding="utf-8").splitlines()


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def page_on(slug: str, line: int) -> int:
    """The printed page a source line is on, from the table above."""
    return max((p for p, (start, _) in PAGES[slug].items() if start <= line), default=min(PAGES[slug]))


@pytest.mark.parametrize("slug", list(PAGES))
def test_the_recorded_pagination_is_what_the_source_shows(slug):
    """The facts written above, checked against the raw text (not through the converter)."""
    lines = source_lines(slug)
    pages = PAGES[slug]
    assert list(pages) == list(range(min(pages), max(pages) + 1))
    for page, (start, body) in pages.items():
        raw = lines[start - 1]
        assert raw.strip(), (page, start)
        # each page opens at the extraction's page mark (one leading space; two before a heading), or at
        # the journal's head after the blank lines this extraction leaves there
        assert re.match(r"^ {1,2}\S", raw) or (page == min(pages)) or (
            lines[start - 2] == lines[start - 3] == "" and raw in ("财经智库",)), (page, start, raw[:20])
        if body is not None:
            assert start <= body and lines[body - 1].strip(), (page, body)
    for line, number in FOLIOS.get(slug, {}).items():
        assert int(lines[line - 1].strip()) == number and page_on(slug, line) == number
    text = "\n".join(lines)
    m = re.search(r"文章编号：\s*(\S+)", text)
    if slug in RANGE:
        first, count = article_range(m.group(1))
        assert (first, first + count - 1) == RANGE[slug] == (min(pages), max(pages))


@pytest.mark.parametrize("slug", UNPAGED)
def test_a_source_that_prints_no_page_number_gets_no_marker(slug, built_site):
    lines = source_lines(slug)
    assert not any(re.fullmatch(r"\s*(?:[·—-]\s*)?\d{1,4}(?:\s*[·—-])?\s*|\s*第\s*\d+\s*页\s*", l) for l in lines)
    assert not re.search(r"文章编号", "\n".join(lines))
    for folder in ("", "zh-Hant/"):
        html = (built_site / f"{folder}papers/{slug}.html").read_text(encoding="utf-8")
        assert 'class="page-mark"' not in html


def markers(html: str) -> list[tuple[int, str, str, str]]:
    """(page, label, id of the block it stands in, the text that follows it in that block, note markers
    left out) for every page marker of a built page, in order."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for span in soup.select("article span.page-mark"):
        block = span.find_parent(["p", "h2", "h3", "h4", "h5", "h6"])
        text = []
        for node in span.next_elements:
            if getattr(node, "name", None) is None and block in node.parents:
                if not node.find_parent("sup") and not node.find_parent(class_="para-num"):
                    text.append(str(node))
            if len(squash("".join(text))) >= 12 or (hasattr(node, "parents") and block not in node.parents
                                                      and node is not block):
                break
        out.append((int(span["data-page"]), span["data-label"], block.get("id") or "", squash("".join(text))))
    return out


@pytest.mark.parametrize("slug", list(PAGES))
def test_page_markers_match_the_source_pages(slug, built_site, to_traditional):
    """Every page with body text has one marker, in order, standing just before the page's first words."""
    lines = source_lines(slug)
    pages = PAGES[slug]
    expected = [p for p, (_, body) in pages.items() if body is not None]
    hans = markers((built_site / f"papers/{slug}.html").read_text(encoding="utf-8"))
    assert [m[0] for m in hans] == expected
    if slug in RANGE:
        assert (hans[0][0], hans[-1][0]) == RANGE[slug]  # the citation's page range
    for page, label, _, after in hans:
        body = pages[page][1]
        words = re.sub(r"\(\d\)|[①-⑳]", "", squash(lines[body - 1]))[:6]
        assert after.startswith(words), (page, after, words)
        assert label == f"第{page}页"
    hant = markers((built_site / f"zh-Hant/papers/{slug}.html").read_text(encoding="utf-8"))
    assert [(m[0], m[2]) for m in hant] == [(m[0], m[2]) for m in hans]
    assert all(label == f"第{page}頁" for page, label, _, _ in hant)
    for (_, _, _, a), (_, _, _, b) in zip(hans, hant):
        assert b[:4] == to_traditional(a[:4])


def lock_spans(slug: str) -> dict[str, tuple[int, int]]:
    out = {}
    for line in (CONTENT / "papers" / slug / "addresses.lock").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split()
        if parts[4] == "live":
            a, _, b = parts[3].partition("-")
            out[parts[0]] = (int(a), int(b or a))
    return out


@pytest.mark.parametrize("slug", list(PAGES))
def test_each_paragraph_knows_its_pages_and_its_citation_gives_them(slug, corpus, built_site):
    """A paragraph's pages are those its source lines (addresses.lock) span; one that crosses a page break
    knows both; the "cite this paragraph" citation gives them, in either script."""
    spans = lock_spans(slug)
    model = {p.id: p.pages for p in corpus[slug].document.paragraphs()}
    assert set(model) == set(spans)
    crossing = 0
    for pid, (a, b) in spans.items():
        expected = tuple(range(page_on(slug, a), page_on(slug, b) + 1))
        assert model[pid] == expected, pid
        crossing += len(expected) > 1
    assert crossing >= len(PAGES[slug]) - 3  # most page breaks fall inside a paragraph
    for folder in ("", "zh-Hant/"):
        soup = BeautifulSoup((built_site / f"{folder}papers/{slug}.html").read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("a.para-num[data-cite]"):
            pid = a["href"].lstrip("#")
            # GB/T 7714-2025 (the default form): the page after a full-width colon
            assert f"：{page_span(model[pid])}. 第 {a['data-n']} 段." in a["data-cite"], (folder, pid)


def test_page_markers_leave_the_text_alone(corpus, built_site):
    """The marker is an empty element: the paragraph's text on the page is the model's, without it."""
    slug = "li-zhang-2025-generative-logic"
    soup = BeautifulSoup((built_site / f"papers/{slug}.html").read_text(encoding="utf-8"), "html.parser")
    doc = corpus[slug].document
    for p in doc.paragraphs():
        if len(p.pages) < 2:
            continue
        element = soup.select_one(f"p#{p.id}")
        assert element.select("span.page-mark") and all(not s.get_text() for s in element.select("span.page-mark"))
        for sup in element.select("sup"):
            sup.decompose()
        assert squash(element.get_text()) == squash(plain_text(p.inlines))


# ---- the reader's pagination stage on small streams --------------------------------------------------

def run(raw: list[str], found: dict[int, str] | None = None, article=None, first=None):
    lines = make_lines(raw)
    index = {l.no: k for k, l in enumerate(lines)}
    found = {index[no]: why for no, why in (found or {}).items()}
    starts, log = paginate(lines, found, {}, article, first)
    return [(s.line, s.number) for s in starts], log


PAGE_TEXT = ["新质生产力是创新起主导作用的先进生产力质态。"] * 5


def test_folios_before_a_form_feed_number_the_page_above():
    raw = PAGE_TEXT + ["· 38 ·", "\f理论经济评论"] + PAGE_TEXT + ["· 39 ·"]
    starts, _ = run(raw, {6: "folio", 7: "running head", 13: "folio"})
    assert starts == [(1, 38), (7, 39)]


def test_furniture_is_the_only_page_break_and_the_last_page_tells_the_side():
    # pymupdf: no page marks; each page's head and folio come after its text, the last page's at the end
    raw = PAGE_TEXT + ["理论经济评论", "· 38 ·"] + PAGE_TEXT + ["生产力与生产关系", "· 39 ·"] + PAGE_TEXT + ["理论经济评论", "· 40 ·"]
    found = {6: "running head", 7: "folio", 13: "running head", 14: "folio", 20: "running head", 21: "folio"}
    starts, _ = run(raw, found)
    assert [n for _, n in starts] == [38, 39, 40] and starts[1][0] == 8


def test_folios_that_fit_two_numberings_number_nothing_until_the_first_page_is_declared():
    # a head with its folio between two pages, and nothing to show whether it opens or closes one
    raw = [" " + PAGE_TEXT[0]] + PAGE_TEXT + ["财经智库", "074"] + PAGE_TEXT + [" " + PAGE_TEXT[0]] + PAGE_TEXT \
        + ["财经智库", "076"] + PAGE_TEXT + [" " + PAGE_TEXT[0]] + PAGE_TEXT
    found = {7: "running head", 8: "folio", 20: "running head", 21: "folio"}
    starts, log = run(raw, found)
    assert all(n is None for _, n in starts) and any("conversion.first_page" in e.message for e in log)
    starts, _ = run(raw, found, first=73)
    assert [n for _, n in starts] == [73, 74, 75, 76, 77]
    starts, log = run(raw, found, first=80)
    assert all(n is None for _, n in starts) and any("first_page is 80" in e.message for e in log)


def test_page_marks_and_the_article_number_range():
    page = [" " + PAGE_TEXT[0]] + PAGE_TEXT
    starts, log = run(page * 3, article=(89, 3))
    assert [n for _, n in starts] == [89, 90, 91] and not log
    starts, log = run(page * 5, article=(89, 3))  # more pages than the range: breaks are not all right
    assert all(n is None for _, n in starts) and "89-91" in log[-1].message
    starts, _ = run(page * 3)
    assert all(n is None for _, n in starts)  # no number printed: none guessed


def test_a_page_mark_that_cuts_a_stub_off_a_page_is_a_text_box():
    mark, line = " " + PAGE_TEXT[0], PAGE_TEXT[0]
    page = [mark] + [line] * 20
    # the third page: 16 lines, then a mark (the text under a heading set as its own box) and 4 more
    raw = page * 2 + [mark] + [line] * 15 + [mark] + [line] * 3 + page * 2
    starts, log = run(raw, article=(10, 5))
    assert [n for _, n in starts] == [10, 11, 12, 13, 14]
    assert [e.line for e in log] == [59]


@pytest.mark.parametrize("text, number", [
    ("074", 74), ("· 38 ·", 38), ("— 38 —", 38), ("第 38 页", 38), ("社会科学论衡　2025年第1期　074", 74),
    ("074　社会科学论衡", 74), ("现代产业研究　2024年第3期", None), ("理论经济评论", None), ("第50 页", 50)])
def test_folio_numbers(text, number):
    assert folio_number(text, "running head") == number


# ---- the varied corpus: the typesetter's record of each note marker's page ---------------------------

def note_pages(doc, expected) -> tuple[int, int]:
    """(right, wrong): note markers whose paragraph the converter says is on the page the typesetter
    printed the marker on, at the marker's place."""
    texts = [(p, squash(plain_text(p.inlines))) for p in doc.paragraphs()]
    right = wrong = 0
    for block in expected["description"]["blocks"]:
        if block.get("type") != "paragraph":
            continue
        for note in block.get("notes", []):
            before = squash(block["text"][: note["at"]])[-20:]
            hits = [(p, t.find(before)) for p, t in texts if before and before in t]
            if len(before) < 6 or len(hits) != 1:
                continue
            p, k = hits[0]
            at = k + len(before)
            page = next((b.page for b in reversed(p.page_breaks) if b.at <= at), p.pages[0] if p.pages else None)
            if page == note["page"]:
                right += 1
            else:
                wrong += 1
    return right, wrong


SAMPLE = ["a-one-column/li-zhang-2025-generative-logic/pdftotext", "b-two-column/li-zhang-2025-generative-logic/pymupdf",
          "c-mixed/li-zhang-2025-generative-logic/pdftotext-layout", "d-xelatex/li-zhang-2025-generative-logic/markitdown",
          "a-one-column/own-irrigation-treatises/pymupdf4llm", "c-mixed/own-irrigation-treatises/pymupdf",
          "b-two-column/xu-liu-distribution-relations/pdftotext", "d-xelatex/xu-liu-distribution-relations/pymupdf4llm"]


@pytest.mark.parametrize("case", SAMPLE)
def test_corpus_paragraphs_are_on_the_pages_their_note_markers_were_printed_on(case):
    doc, _ = convert_extraction(CORPUS / case)
    expected = json.loads((CORPUS / case).parent.joinpath("expected.json").read_text(encoding="utf-8"))
    right, wrong = note_pages(doc, expected)
    assert right >= 1 and wrong == 0, (right, wrong)
    marks = [b.page for block in doc.blocks for b in getattr(block, "page_breaks", ())]
    first, last = expected["first_page"], expected["first_page"] + expected["pages"] - 1
    assert marks == sorted(set(marks)) and first <= marks[0] and marks[-1] <= last


def test_no_corpus_extraction_gets_a_wrong_page_number():
    """Across all 120 extractions: page numbers only where the source bears them out (most), never outside
    the pages the article was printed on, never out of order, never against a note marker's printed page."""
    numbered = 0
    for case in cases():
        doc, _ = convert_extraction(CORPUS / case)
        expected = json.loads((CORPUS / case).parent.joinpath("expected.json").read_text(encoding="utf-8"))
        marks = [b.page for block in doc.blocks for b in getattr(block, "page_breaks", ())]
        if not marks:
            continue
        numbered += 1
        first, last = expected["first_page"], expected["first_page"] + expected["pages"] - 1
        assert marks == sorted(set(marks)) and first <= marks[0] and marks[-1] <= last, (case, marks)
        assert note_pages(doc, expected)[1] == 0, case
    assert numbered >= 110, numbered


# ---- in the browser and in print ---------------------------------------------------------------------

GEOMETRY = """() => {
  const out = [];
  for (const span of document.querySelectorAll('article span.page-mark')) {
    const block = span.closest('p, h2, h3, h4, h5, h6');
    const r = block.getBoundingClientRect();
    const st = getComputedStyle(span, '::after');
    const right = r.right - parseFloat(st.right), left = right - parseFloat(st.width);
    const toc = document.querySelector('.md-sidebar--secondary');
    const tocLeft = toc && toc.offsetParent ? toc.getBoundingClientRect().left : innerWidth;
    out.push({position: st.position, content: st.content, textRight: r.right, left, right, tocLeft});
  }
  return {marks: out, scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("folder", ["", "zh-Hant/"])
def test_page_markers_fit_beside_the_text_without_widening_the_page(server, chromium, width, folder):
    """In the margin on a wide screen (right of the text, left of the table of contents), inline on a phone:
    never over the text, never a horizontal scroll."""
    page = chromium.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(server + f"{folder}papers/xu-liu-distribution-relations.html")
        page.wait_for_load_state("networkidle")
        seen = page.evaluate(GEOMETRY)
        assert seen["scroll"] <= seen["width"]
        marks = seen["marks"]
        assert len(marks) == 16 and all(m["content"].startswith('"第') for m in marks)
        for m in marks:
            if width >= 960:
                assert m["position"] == "absolute"
                assert m["textRight"] < m["left"] and m["right"] <= min(m["tocLeft"], width), m
            else:
                assert m["position"] == "static", m  # in the line: it moves the text, it cannot cover it
    finally:
        page.close()


def test_printed_paper_keeps_its_page_markers(chromium, server, tmp_path):
    from test_print import open_page, pdf_pages
    page, errors = open_page(chromium, server, "papers/li-zhang-2025-generative-logic.html")
    try:
        text = "".join(pdf_pages(page, tmp_path / "paper.pdf"))
    finally:
        page.close()
    at = [text.find(f"第{n}页") for n in range(89, 98)]
    assert all(k >= 0 for k in at) and at == sorted(at), at
    # the marker stands between the words where the page turned, and the words are whole
    assert "直观第90页构建领域" in text
    assert not errors
