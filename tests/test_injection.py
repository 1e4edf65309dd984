"""Text never becomes markup: a payload in every content field, the site built, every page parsed and the
pages that show the fields opened in chromium (page load, concept previews, footnote previews, search).

The payloads (tests/poison.py) try every way out of every context the site writes text into. A finding
names the file and line of the built page; the payload's tag (⟪F123⟫) names the content field.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CONTENT, ROOT, VARIANT_DIRS
from markup_scan import scan_html, scan_site
from poison import ENGLISH_TITLE, make_poisoned_content, synthetic_source, write_paper

SLUG = "zz-injection-test"


def _norm(text: str) -> str:
    return " ".join(text.split())


def _page_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for el in soup(["script", "style"]):
        el.decompose()
    return _norm(soup.get_text(" "))


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """The poisoned content built into a whole site (three variants), with MkDocs' strict checks."""
    tmp = tmp_path_factory.mktemp("poisoned")
    p = make_poisoned_content(CONTENT, tmp / "content")
    out = tmp / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PAPERSITE_CONTENT=str(p.content))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    return p, out


# --- the scanner itself must be able to fail ---------------------------------------------------------------

@pytest.mark.parametrize("html, found", [
    ('<p>text &lt;img src=x onerror=alert(1)&gt;</p>', 0),
    ('<p data-x="&quot;&gt;&lt;svg onload=alert(1)&gt;">x</p>', 0),
    ('<p title="&quot;&gt;&lt;svg onload=alert(1)&gt;">x</p>', 1),   # Material's tooltip renders it
    ('<p><img src=x onerror=alert(1)></p>', 2),
    ('<p title=""><svg onload=alert(1)>">x</p>', 1),
    ('<a href=" javascript:alert(1)">x</a>', 1),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', 1),
    ('<a href="data:application/x-bibtex;charset=utf-8,%40article">x</a>', 0),
    ('<script>alert("F1")</script>', 1),
    ('<a title="&lt;img src=x onerror=alert(1)&gt;">x</a>', 1),
])
def test_the_scanner_finds_injected_markup(html, found):
    assert len(scan_html(html)) == found


# --- the built site ----------------------------------------------------------------------------------------

def test_no_page_contains_markup_a_payload_created(poisoned):
    """Every HTML file of every variant: no element, event handler or script URL that came from content."""
    p, site = poisoned
    findings = scan_site(site)
    assert not findings, "\n".join(str(f) for f in findings[:20])


def test_every_payload_shows_as_literal_text(poisoned):
    """Each field's payload appears, character for character, as text on at least one page, and wherever
    its tag appears the text after it is the payload's own (cut short at most: concordance lines and log
    excerpts quote a few characters), never a rendering of it."""
    p, site = poisoned
    shown = set()
    altered = {}
    for f in sorted(site.rglob("*.html")):
        text = _page_text(f.read_text(encoding="utf-8"))
        for tag in set(re.findall(r"⟪(F\d+)⟫", text)):
            want = _norm(p.payloads[tag])
            if want in text:
                shown.add(tag)
                continue
            # Not shown whole here: either a quotation cut short (concordance lines and log excerpts quote a few
            # characters, and the rest of the payload is not there), or a rendering of it (its end is there).
            start = text.index(f"⟪{tag}⟫")
            if want[-12:] in text[start:start + len(want) + 40]:
                altered[tag] = (str(f.relative_to(site)), text[start:start + len(want)])
    missing = sorted(set(p.payloads) - shown)
    assert not missing, [(t, p.fields[t]) for t in missing][:20]
    assert not altered, list(altered.items())[:10]


def test_page_titles_show_the_title_as_text(poisoned):
    """<title>, the header and the navigation show a poisoned paper title literally."""
    p, site = poisoned
    tag = next(t for t, where in p.fields.items() if where == f"papers/{SLUG}/paper.yml: title.zh")
    want = _norm("注入测试论文" + p.payloads[tag])
    soup = BeautifulSoup((site / "papers" / f"{SLUG}.html").read_text(encoding="utf-8"), "html.parser")
    assert _norm(soup.title.get_text()).startswith(want)
    header = soup.select_one(".md-header__topic:last-child .md-ellipsis")
    assert _norm(header.get_text()) == want
    nav = [a for a in soup.select(".md-nav__link") if f"⟪{tag}⟫" in a.get_text()]
    assert nav and all(_norm(a.get_text()) == want for a in nav)


def test_citation_metadata_attributes_hold_the_title_whole(poisoned):
    """Highwire citation_title keeps the whole poisoned title inside its content attribute."""
    p, site = poisoned
    soup = BeautifulSoup((site / "en" / "papers" / f"{SLUG}.html").read_text(encoding="utf-8"), "html.parser")
    meta = soup.find("meta", attrs={"name": "citation_title"})
    tag = next(t for t, where in p.fields.items() if where == f"papers/{SLUG}/paper.yml: title.zh")
    assert meta["content"] == "注入测试论文" + p.payloads[tag]


def test_search_index_holds_payloads_as_plain_text(poisoned):
    """The search index (search/t/*.js, shown by search.js with textContent) holds titles and texts as the
    reader sees them: the payloads as plain text, never pre-rendered HTML, and each file one call to add()."""
    p, site = poisoned
    for variant, folder in VARIANT_DIRS.items():
        chunks = sorted((site / folder / "search" / "t").glob("*.js"))
        texts = []
        for path in chunks:
            head, _, body = path.read_text(encoding="utf-8").partition(",")
            assert head.startswith('__papersiteSearch.add("t/') and body.endswith(");\n"), path
            texts += json.loads(body[:-3])["x"]
        poisoned_texts = [t for t in texts if "⟪F" in t]
        assert poisoned_texts, variant
        # The abstract's payload, exactly as the reader sees it: its markup as text, not escaped, not rendered.
        tag = next(t for t, where in p.fields.items() if where == f"papers/{SLUG}/source.txt: abstract")
        if variant == "zh-Hans":   # (the other variants show it converted, or not at all)
            assert any(_norm(p.payloads[tag]) in _norm(t) for t in poisoned_texts), p.payloads[tag]


# --- in chromium -------------------------------------------------------------------------------------------

PAGES = ["index.html", "about.html", f"papers/{SLUG}.html", "papers/li-zhang-2025-generative-logic.html",
         "concepts/index.html", "concepts/patient-capital.html", "concepts/new-quality-productive-forces.html",
         f"guides/{SLUG}.html", "guides/li-zhang-2025-generative-logic.html", "teaching/index.html",
         "teaching/foundations.html"]
INJECTED = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
            if (['href', 'src', 'action', 'formaction'].includes(a.name) && /^\\s*(javascript|vbscript):/i.test(a.value))
                bad.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 30));
        }
        if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') bad.push('IMG src=x');
        // JSON-LD is data a browser never runs: it may quote a payload, but must stay one JSON value.
        if (el.tagName === 'SCRIPT' && el.type === 'application/ld+json') {
            try { JSON.parse(el.textContent); } catch (e) { bad.push('SCRIPT ld+json cut short'); }
        } else if (el.tagName === 'SCRIPT' && /alert\\(/.test(el.textContent)) bad.push('SCRIPT alert');
    }
    return bad;
}"""


@pytest.fixture(scope="module")
def poisoned_server(poisoned, tmp_path_factory):
    from browser import serve_under_sub_path
    with serve_under_sub_path(poisoned[1], tmp_path_factory.mktemp("poisoned-web")) as url:
        yield url


@pytest.mark.parametrize("variant", list(VARIANT_DIRS))
def test_pages_previews_and_search_run_no_payload(poisoned, poisoned_server, chromium, variant):
    """Load the pages that show the poisoned fields, hover concept links and footnote markers, search for
    payloads and open a result: no dialog, no element or attribute a payload tried to create, and the
    previews show the payload as text."""
    p, site = poisoned
    prefix = VARIANT_DIRS[variant] + "/" if VARIANT_DIRS[variant] else ""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append((page.url, d.message)), d.dismiss()))
    previews = 0
    for path in PAGES:
        if not (site / prefix / path).is_file():
            continue
        page.goto(poisoned_server + prefix + path)
        page.wait_for_load_state("load")
        for link in page.locator("article a.concept-link").all()[:4]:
            link.scroll_into_view_if_needed()
            page.mouse.move(0, 0)
            link.hover()
            tip = page.locator(".concept-preview")
            tip.wait_for(state="visible", timeout=5000)
            gloss = tip.locator(".concept-preview__gloss").text_content()
            assert gloss == link.get_attribute("data-gloss")
            assert "⟪F" in gloss and "<img src=x" in gloss    # the poisoned definition, as text
            previews += 1
        for ref in page.locator("article .footnote-ref").all()[:2]:
            ref.scroll_into_view_if_needed()
            ref.hover()
            page.wait_for_timeout(300)
        assert page.evaluate(INJECTED) == [], (variant, path)
    if variant != "en":
        assert previews >= 4
    # Search for a payload and open the first result.
    tag = next(t for t, where in p.fields.items() if where == f"papers/{SLUG}/source.txt: abstract")
    page.goto(poisoned_server + prefix + "index.html")
    box = page.locator(".papersite-search .md-search__input")
    box.click()
    for query in (p.payloads[tag], f'alert("{tag}")', "<script>", "⟪F"):
        box.fill(query)
        page.wait_for_function("() => document.querySelector('.papersite-search').getAttribute('data-search-state') === 'done'")
        assert page.evaluate(INJECTED) == [], (variant, query)
    assert page.locator(".papersite-search mark").count(), variant   # the payloads' passages were found and shown
    results = page.locator(".papersite-search .md-search-result__link")
    if results.count():
        results.first.click()
        page.wait_for_load_state("load")
        assert page.evaluate(INJECTED) == []
    page.close()
    assert not dialogs, dialogs


# --- generated payloads, one field at a time (in memory) ---------------------------------------------------

MD_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "pymdownx.details", "footnotes", "tables", "toc"]
FRAGMENTS = ["<", ">", "&", '"', "'", "`", "*", "_", "[", "]", "(", ")", "{", "}", "{:", "#", "|", "\\", "!", "-",
             "<script>", "</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", '" onmouseover="x',
             "javascript:alert(1)", "[x](javascript:alert(1))", "{: onclick=alert(1) }", "&lt;b&gt;", "&#60;i&#62;",
             "</title>", "]]>", "<!--", "-->", "**", "1. ", "- ", "> ", "=", "\u2028", "新质", "Forces", " "]
PAYLOADS = st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=12).map("".join).map(lambda s: "⟪H⟫" + s + "⟪/H⟫")


def _tiny_content(root: Path, field: str, value: str) -> None:
    """A one-paper, one-concept corpus with ``value`` appended to ``field``."""
    (root / "papers").mkdir(parents=True)
    (root / "concepts").mkdir()
    site = {"concepts": {"categories": [{"id": "c", "zh": "类别", "en": "Category"}]}, "errata": {"zh": "报告", "en": "Report"}}
    concept = {"term": "新质生产力", "english": [{"text": "new quality productive forces", "used_in": []}], "category": "c",
               "definition": {"zh": "编者的释义。", "en": "The editors' gloss."}}
    mark = lambda key: value if key == field else ""
    write_paper(root / "papers" / SLUG, synthetic_source(lambda part: ""), ENGLISH_TITLE.format(""), mark)
    concept["definition"]["zh"] += mark("definition.zh")
    concept["definition"]["en"] += mark("definition.en")
    concept["english"][0]["text"] += mark("english.text")
    if field == "pinyin":
        concept["pinyin"] = "xīnzhì shēngchǎnlì" + value
    site["errata"]["zh"] += mark("errata.zh")
    site["errata"]["en"] += mark("errata.en")
    site["concepts"]["categories"][0]["zh"] += mark("categories.zh")
    site["concepts"]["categories"][0]["en"] += mark("categories.en")
    (root / "concepts" / "new-quality-productive-forces.yml").write_text(yaml.safe_dump(concept, allow_unicode=True),
                                                                           encoding="utf-8")
    (root / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")


FIELDS = ["title.zh", "summary.zh", "summary.en", "authors[0].pinyin", "journal.name", "journal.name_en",
          "source.original_name", "definition.zh", "definition.en", "english.text", "pinyin", "errata.zh",
          "errata.en", "categories.zh", "categories.en"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=PAYLOADS)
def test_generated_payloads_in_each_field_render_as_text(tmp_path_factory, field, value):
    """Each page of the zh-Hans and en variants, rendered by Python-Markdown with the site's extensions:
    no markup from the payload, and the payload shown as text somewhere."""
    from papersite.site import build_site
    root = tmp_path_factory.mktemp("tiny") / "content"
    _tiny_content(root, field, value)
    shown = False
    for variant in ("zh-Hans", "en"):
        for uri, page in build_site(root, variant).pages.items():
            body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
            html = markdown.markdown(body, extensions=MD_EXTENSIONS)
            assert not scan_html(html, uri), (field, value, uri)
            title = re.search(r'^title: (".*")$', page, re.M)
            if title:   # the title is handed to the templates as HTML: it must be escaped text
                assert not scan_html(json.loads(title.group(1)), uri)
                shown |= _norm(value) in _page_text(json.loads(title.group(1)))
            shown |= _norm(value) in _page_text(html)
    assert shown, (field, value)
