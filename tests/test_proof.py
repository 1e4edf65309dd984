"""Proof in a real browser and on the built files: accessibility (axe-core), languages of pages and of
passages in another language, footnotes and paragraph links, console errors, phone widths, and
byte-identical rebuilds."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from conftest import ROOT, VARIANT_DIRS

HAN = re.compile(r"[\u3400-\u9fff]")
# Four or more English words in a row: a passage in English, which on a Chinese page needs lang="en".
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,:;'’]+[A-Za-z]{2,}){3,}")


def prefix(variant: str) -> str:
    return VARIANT_DIRS[variant] + "/" if VARIANT_DIRS[variant] else ""


def pages(site: Path, variant: str) -> list[Path]:
    """Every HTML page of a variant (the other variants' folders excluded)."""
    root = site / VARIANT_DIRS[variant] if VARIANT_DIRS[variant] else site
    others = [site / f for v, f in VARIANT_DIRS.items() if f and v != variant]
    return sorted(p for p in root.rglob("*.html") if not any(o in p.parents for o in others))


# ---- accessibility -------------------------------------------------------------------------------

AXE_PAGES = ["index.html", "papers/xu-liu-distribution-relations.html", "concepts/productive-forces.html",
             "concepts/index.html", "guides/wu-common-prosperity-logic.html", "teaching/index.html",
             "teaching/foundations.html", "about.html"]


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_axe_finds_no_serious_or_critical_violations(server, chromium, variant):
    """axe-core (the copy bundled with axe-playwright-python) on the home page, a paper, a concept page and
    the teaching pages of each variant: zero serious or critical violations."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    axe = Axe()
    found = {}
    try:
        for path in AXE_PAGES:
            page.goto(server + prefix(variant) + path)
            page.wait_for_load_state("networkidle")
            violations = axe.run(page).response["violations"]
            bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
                   if v["impact"] in ("serious", "critical")]
            if bad:
                found[path] = bad
    finally:
        page.close()
    assert not found, found


@pytest.mark.parametrize("variant, query", [("zh-Hans", "共同富裕"), ("zh-Hant", "不存在的詞語"), ("en", "productive forces")])
def test_axe_on_open_search_results(server, chromium, variant, query):
    """The search dialog with results (exact, or labelled partial matches) open: zero serious or critical."""
    from browser import run_search
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server + prefix(variant) + "papers/wu-common-prosperity-logic.html")
        page.wait_for_load_state("networkidle")
        result = run_search(page, query)
        assert result["passages"], result["meta"]
        violations = Axe().run(page).response["violations"]
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
               if v["impact"] in ("serious", "critical")]
    finally:
        page.close()
    assert not bad, bad


# ---- languages -----------------------------------------------------------------------------------

def lang_of(node) -> str:
    el = node if getattr(node, "attrs", None) is not None else node.parent
    while el is not None and getattr(el, "attrs", None) is not None:
        if el.get("lang"):
            return el["lang"]
        el = el.parent
    return ""


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_pages_and_embedded_passages_declare_their_language(built_site, variant):
    """<html lang> is the variant's; Chinese on English pages and English passages on Chinese pages
    carry their own lang, so screen readers and fonts switch (pinyin: zh-Latn-pinyin; code excluded)."""
    wrong = []
    for path in pages(built_site, variant):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == variant, path
        article = soup.select_one("article")
        if article is None:
            continue
        for el in article.select("pre, code, script, style, .md-select, svg title"):
            el.decompose()
        for text in article.find_all(string=True):
            if not text.strip() or text.parent.name in ("script", "style"):
                continue
            lang = lang_of(text)
            if variant == "en" and HAN.search(text) and not lang.startswith("zh"):
                wrong.append((path.name, "Chinese without lang", text.strip()[:40]))
            if variant != "en" and ENGLISH_RUN.search(text) and not (lang.startswith("en") or lang.startswith("zh-Latn")):
                wrong.append((path.name, "English without lang", text.strip()[:60]))
    assert not wrong, wrong[:15]


# ---- in the browser: notes, paragraph links, errors, phone widths ---------------------------------------

def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """e => { const r = e.getBoundingClientRect();
        return r.top >= -1 && r.top < window.innerHeight && r.bottom > 0; }""")


def test_footnote_marker_jumps_to_its_note_and_back(built_site, server, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    paper = max((built_site / "papers").glob("*.html"), key=lambda p: p.read_text(encoding="utf-8").count("footnote-ref"))
    page.goto(server + f"papers/{paper.name}")
    marker = page.locator("article sup[id^='fnref'] a").nth(3)
    note_id = marker.get_attribute("href").split("#")[1]
    ref_id = page.locator("article sup[id^='fnref']").nth(3).get_attribute("id")
    marker.click()
    page.wait_for_function("id => location.hash === '#' + id", arg=note_id)
    assert in_view(page, f"[id='{note_id}']")
    page.click(f"[id='{note_id}'] a.footnote-backref")
    page.wait_for_function("id => location.hash === '#' + id", arg=ref_id)
    assert in_view(page, f"[id='{ref_id}']")
    page.close()


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant", "en"])
def test_paragraph_link_from_a_concept_page_scrolls_to_the_paragraph(server, chromium, variant):
    """A ¶ link in a concept page's suggested reading opens the paper at that paragraph (highlighted);
    a paper's own ¶ number links to the paragraph's stable address."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + prefix(variant) + "concepts/distribution-relations.html")
    link = page.locator("div.reading .para-ref").last
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/papers/*.html#{anchor}")
    page.wait_for_load_state("networkidle")
    assert in_view(page, f"p#{anchor}")
    assert page.eval_on_selector(f"p#{anchor}", "e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    number = page.locator(f"p#{anchor} a.para-num")
    assert number.get_attribute("href") == f"#{anchor}"
    assert page.evaluate(f"getComputedStyle(document.querySelector('p#{anchor} a.para-num'), '::before').content") \
        == f'"¶{anchor[2:].replace("-", ".")}"'
    page.close()


def test_no_console_errors_or_failed_requests_on_any_page(built_site, server, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append((page.url, m.text)) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append((page.url, str(e))))
    page.on("requestfailed", lambda r: problems.append((page.url, f"failed request {r.url}")))
    page.on("response", lambda r: problems.append((page.url, f"{r.status} {r.url}")) if r.status >= 400 else None)
    visited = 0
    for variant in VARIANT_DIRS:
        for path in pages(built_site, variant):
            if path.name == "404.html":
                continue
            page.goto(server + str(path.relative_to(built_site)))
            page.wait_for_load_state("networkidle")
            visited += 1
    page.close()
    assert visited > 200
    assert not problems, problems[:10]


def test_phone_width_shows_no_horizontal_scrolling(built_site, server, chromium):
    """At 375 px, every paper, concept, guide and teaching page fits the screen's width."""
    page = chromium.new_page(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    wide = []
    checked = 0
    for variant in VARIANT_DIRS:
        for path in pages(built_site, variant):
            if path.parent.name not in ("papers", "concepts", "guides", "teaching"):
                continue
            page.goto(server + str(path.relative_to(built_site)))
            page.wait_for_load_state("load")
            scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            checked += 1
            if scroll > client:
                wide.append((str(path.relative_to(built_site)), scroll, client))
    page.close()
    assert checked >= 3 * (5 + 58 + 5)
    assert not wide, wide


# ---- rebuilds ------------------------------------------------------------------------------------

def test_two_builds_of_the_same_sources_are_byte_identical(built_site, tmp_path):
    """A second build of unchanged sources gives the same bytes in every file (pages, search indexes,
    sitemaps, assets), so deployments and caches see no spurious changes."""
    out = tmp_path / "again"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    differ = sorted(str(k) for k in first if first[k] != second[k])
    assert not differ, differ
