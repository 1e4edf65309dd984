"""The built site in a real browser (Debian chromium via Playwright): search recall per variant, the
language switcher, and the site opened from disk and served under a sub-path."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import choose_language, search
from conftest import CONTENT, ROOT, VARIANT_DIRS
from papersite.script import to_simplified, traditional_converter
from papersite.siteconfig import load_site_config

# (variant, query): whole terms, two-character words, sub-words (富裕 is only inside 共同富裕 in many
# passages), queries in the other script, and English queries on the English variant.
QUERIES = [
    ("zh-Hans", "新质生产力"), ("zh-Hans", "共同富裕"), ("zh-Hans", "生产关系"), ("zh-Hans", "数据要素"),
    ("zh-Hans", "高质量发展"), ("zh-Hans", "科技创新"), ("zh-Hans", "分配关系"), ("zh-Hans", "全面深化改革"),
    ("zh-Hans", "发展"), ("zh-Hans", "创新"), ("zh-Hans", "收入"), ("zh-Hans", "人才"), ("zh-Hans", "就业"),
    ("zh-Hans", "富裕"), ("zh-Hans", "生产力"), ("zh-Hans", "劳动者"), ("zh-Hans", "要素"),
    ("zh-Hans", "發展"), ("zh-Hans", "生產關係"), ("zh-Hans", "數據要素"), ("zh-Hans", "科技創新"),
    ("zh-Hans", "新質生產力"),
    ("zh-Hant", "发展"), ("zh-Hant", "新质生产力"), ("zh-Hant", "收入分配"), ("zh-Hant", "富裕"),
    ("zh-Hant", "創新"), ("zh-Hant", "產業"), ("zh-Hant", "現代化產業體系"),
    ("en", "productive forces"), ("en", "common prosperity"), ("en", "distribution"), ("en", "innovation"),
]
MIN_RECALL = 0.95


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u200b", "")


def expected_sections(site: Path, variant: str, query: str, to_traditional) -> set[str]:
    """Sections of the variant's own index whose title or text contains the query (in the page's script).

    English is matched as whole words starting with the query (a reader typing "distribution" expects
    "distributions", not "redistribution"); Chinese as any substring, since it has no spaces."""
    index = json.loads((site / VARIANT_DIRS[variant] / "search" / "search_index.json").read_text(encoding="utf-8"))
    if variant == "en":
        pattern = re.compile(r"\b" + re.escape(query.lower()))
        match = lambda text: bool(pattern.search(text.lower()))
    else:
        needle = to_traditional(query) if variant == "zh-Hant" else to_simplified(query)
        match = lambda text: needle in text
    return {d["location"] for d in index["docs"] if match(_plain(d["title"]) + " " + _plain(d.get("text", "")))}


def _relative(href: str, base: str) -> str:
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(base).path):]
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def test_search_recall(built_site, server, chromium):
    """Recall of ≥30 queries against the sections that contain the query text, measured in chromium."""
    config = load_site_config(CONTENT)
    to_traditional = traditional_converter(config.opencc, config.exceptions)
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    rows, found_total, expected_total = [], 0, 0
    for variant, query in QUERIES:
        base = server + (VARIANT_DIRS[variant] + "/" if VARIANT_DIRS[variant] else "")
        if page.url != base + "index.html":
            page.goto(base + "index.html")
        expected = expected_sections(built_site, variant, query, to_traditional)
        results = search(page, query)
        found = {_relative(h, base) for h in results}
        assert all(h.startswith(base) for h in results), f"{query}: results from another variant"
        hit = expected & found
        rows.append({"variant": variant, "query": query, "expected": len(expected), "found": len(hit),
                     "recall": round(len(hit) / len(expected), 3) if expected else None})
        found_total += len(hit)
        expected_total += len(expected)
        assert expected, f"{query}: the corpus should contain it"
    report = {"queries": len(rows), "sections_expected": expected_total, "sections_found": found_total,
              "recall": round(found_total / expected_total, 4), "per_query": rows}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search-recall.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nsearch recall {found_total}/{expected_total} = {report['recall']}")
    for r in rows:
        print(f"  {r['variant']:8} {r['query']:12} {r['found']}/{r['expected']}")
    assert len(rows) >= 30
    assert report["recall"] >= MIN_RECALL, rows
    assert min(r["recall"] for r in rows) >= 0.8, [r for r in rows if r["recall"] < 0.8]


@pytest.mark.parametrize("page_path", ["papers/wu-common-prosperity-logic.html", "concepts/productive-forces.html",
                                       "index.html", "guides/xu-liu-distribution-relations.html"])
def test_switcher_round_trips_through_the_twin_pages(server, chromium, page_path):
    """zh-Hans -> zh-Hant -> en -> zh-Hans, always landing on the same page (never a variant's home).
    Regression: Material looked twins up in sitemap.xml, empty without site_url, and went home whenever
    the sitemap had loaded before the click (docs/assets/javascripts/site.js)."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server + page_path)
    for lang, path in (("zh-Hant", f"zh-Hant/{page_path}"), ("en", f"en/{page_path}"), ("zh-Hans", page_path)):
        choose_language(page, lang)
        page.wait_for_url(server + path, wait_until="commit")
        page.wait_for_load_state("domcontentloaded")
        assert page.locator("html").get_attribute("lang") == lang, page.url


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_concept_link_previews_its_definition_and_leads_to_its_page(server, chromium, variant):
    """Hovering a concept link in a paper shows the concept's term and short definition; clicking opens its page."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    prefix = VARIANT_DIRS[variant] + "/" if VARIANT_DIRS[variant] else ""
    page.goto(server + prefix + "papers/xu-liu-distribution-relations.html")
    link = page.locator("article a.concept-link").nth(3)
    term, gloss = link.get_attribute("data-term"), link.get_attribute("data-gloss")
    assert link.text_content() and len(gloss) > 20
    page.mouse.move(0, 0)
    link.hover()
    tip = page.locator(".concept-preview")
    tip.wait_for(state="visible", timeout=5000)
    assert tip.locator(".concept-preview__term").text_content() == term
    assert tip.locator(".concept-preview__gloss").text_content() == gloss
    assert link.get_attribute("aria-describedby") == "concept-preview"
    box = tip.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20   # a readable box, not a sliver
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=5000)
    link.click()
    page.wait_for_url("**/concepts/*.html")
    assert page.locator("h1").text_content().strip("¶") == term


def test_concept_preview_opens_with_a_tap_on_a_phone(server, chromium):
    """On a touch screen the first tap shows the preview instead of leaving the paper; its link opens the page."""
    context = chromium.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "papers/zhang-factor-allocation.html")
    link = page.locator("article a.concept-link").nth(2)
    link.scroll_into_view_if_needed()
    link.tap()
    tip = page.locator(".concept-preview")
    tip.wait_for(state="visible", timeout=5000)
    assert page.url.endswith("papers/zhang-factor-allocation.html")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390   # fits the phone's width
    tip.locator(".concept-preview__link").tap()
    page.wait_for_url("**/concepts/*.html")
    context.close()


def test_concept_map_boxes_lead_to_concept_pages(server, chromium):
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server + "concepts/common-prosperity.html")
    boxes = page.locator("svg.concept-map a")
    assert boxes.count() >= 3
    target = boxes.first.get_attribute("href")
    boxes.first.click()
    page.wait_for_url("**/concepts/" + target)


def test_site_under_a_sub_path_loads_its_styles(server, chromium):
    page = chromium.new_page()
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for path in ("index.html", "zh-Hant/about.html", "en/papers/zhang-factor-allocation.html",
                 "concepts/new-quality-productive-forces.html", "en/concepts/index.html"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert not failed, failed


def test_site_opened_from_disk(built_site, chromium):
    """An instructor's zip: file:// pages render, search works (worker shim), the switcher works."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    external = []
    page.on("request", lambda r: external.append(r.url) if r.url.startswith("http") else None)
    page.goto((built_site / "zh-Hant" / "index.html").as_uri())
    results = search(page, "共同富裕")
    assert any("/zh-Hant/papers/" in h for h in results)
    page.goto((built_site / "papers" / "liu-pei-common-prosperity.html").as_uri())
    choose_language(page, "en")
    page.wait_for_url((built_site / "en" / "papers" / "liu-pei-common-prosperity.html").as_uri())
    assert not external, external
