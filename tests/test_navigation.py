"""Finding one's way: the sidebar groups the concepts by category and names the reading guides by the
papers' short titles, keeps developer pages out, the home page leads to the teaching section, and the
language switcher keeps the reader's place and marks the language being read."""
from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import choose_language
from conftest import CONTENT, VARIANT_DIRS, all_slugs
from papersite.paperyml import load_record
from papersite.siteconfig import load_site_config

LANGS = ("zh-Hans", "zh-Hant", "en")


def soup(site, variant, path):
    return BeautifulSoup((site / VARIANT_DIRS[variant] / path).read_text(encoding="utf-8"), "html.parser")


def primary_nav(page):
    """The sidebar as (section title, [entries]) where an entry is a page title or (group, [page titles])."""
    out = []
    for li in page.select(".md-nav--primary > .md-nav__list > li"):
        label = li.find(["label", "a"]).get_text(" ", strip=True)
        entries = []
        for sub in li.select(":scope > nav > ul > li"):
            head = sub.find(["label", "a"]).get_text(" ", strip=True)
            inner = [a.get_text(" ", strip=True) for a in sub.select(":scope > nav a.md-nav__link")]
            entries.append((head, inner) if sub.select(":scope > nav") else head)
        out.append((label, entries))
    return out


def concept_files():
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (CONTENT / "concepts").glob("*.yml")}


@pytest.mark.parametrize("variant", LANGS)
def test_concepts_are_grouped_by_category_in_the_sidebar(built_site, to_traditional, variant):
    nav = dict(primary_nav(soup(built_site, variant, "about.html")))
    section = nav[{"zh-Hans": "概念", "zh-Hant": "概念", "en": "Concepts"}[variant]]
    assert isinstance(section[0], str) and len([e for e in section if isinstance(e, str)]) == 1   # the index only
    groups = dict(e for e in section if isinstance(e, tuple))
    categories = load_site_config(CONTENT).categories
    names = {c.id: c.en if variant == "en" else (to_traditional(c.zh) if variant == "zh-Hant" else c.zh) for c in categories}
    assert list(groups) == [names[c.id] for c in categories]
    files = concept_files()
    for cat in categories:
        members = [f for f in files.values() if f["category"] == cat.id]
        expected = {(f["english"][0]["text"] if variant == "en" else
                     to_traditional(f["term"]) if variant == "zh-Hant" else f["term"]) for f in members}
        assert set(groups[names[cat.id]]) == expected, cat.id
    assert sum(len(g) for g in groups.values()) == len(files) == 58
    # What the reader sees before opening a group: far fewer than 80 entries.
    assert sum(len(entries) for _, entries in nav.items()) < 30


@pytest.mark.parametrize("variant", LANGS)
def test_reading_guides_are_named_by_the_papers_short_titles(built_site, to_traditional, variant):
    nav = dict(primary_nav(soup(built_site, variant, "index.html")))
    guides = nav[{"zh-Hans": "阅读指南", "zh-Hant": "閱讀指南", "en": "Reading guides"}[variant]]
    records = [load_record(CONTENT / "papers" / s / "paper.yml") for s in all_slugs()]
    expected = [r.short_title_en if variant == "en" else
                (to_traditional(r.short_title_zh) if variant == "zh-Hant" else r.short_title_zh) for r in records]
    assert all(expected) and sorted(guides) == sorted(expected)
    authors = {a.pinyin for r in records for a in r.authors} | {a.name for r in records for a in r.authors}
    assert not any(g in authors or g.split(" & ")[0] in authors for g in guides)


@pytest.mark.parametrize("variant", LANGS)
def test_developer_pages_are_built_but_not_in_readers_navigation(built_site, variant):
    assert (built_site / VARIANT_DIRS[variant] / "performance.html").is_file()
    for path in ("index.html", "about.html", "concepts/common-prosperity.html"):
        hrefs = [a["href"] for a in soup(built_site, variant, path).select(".md-nav--primary a[href]")]
        assert hrefs and not any("performance" in h for h in hrefs), path
    about = [a["href"] for a in soup(built_site, variant, "about.html").select("article a[href]")]
    assert "performance.html" in about   # still reachable


@pytest.mark.parametrize("variant", LANGS)
def test_the_home_page_links_the_teaching_section(built_site, variant):
    hrefs = [a["href"] for a in soup(built_site, variant, "index.html").select("article a[href]")]
    assert "teaching/index.html" in hrefs


@pytest.mark.parametrize("start, lang", [("papers/wu-common-prosperity-logic.html", "zh-Hant"),
                                         ("zh-Hant/papers/xu-liu-distribution-relations.html", "zh-Hans"),
                                         ("concepts/common-prosperity.html", "en")])
def test_switching_language_keeps_the_place_being_read(server, chromium, start, lang):
    """From …#p-4 the twin opens at ¶4 (not at the top); the menu marks the language being read."""
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    anchor = "#p-4" if "papers/" in start else "#related"
    page.goto(server + start + anchor)
    page.wait_for_load_state("networkidle")
    choose_language(page, lang)
    folder = VARIANT_DIRS[lang] + "/" if VARIANT_DIRS[lang] else ""
    twin = server + folder + start.split("/", 1)[1] if start.startswith("zh-Hant/") else server + folder + start
    page.wait_for_url(twin + anchor)
    page.wait_for_load_state("networkidle")
    top = page.evaluate(f"document.getElementById('{anchor[1:]}').getBoundingClientRect().top")
    assert 0 <= top < 400, top   # in view near the top of the window, not below the fold
    assert page.evaluate("window.scrollY") > 300
    current = page.locator(".md-select__link[aria-current=true]")
    assert current.count() == 1 and current.get_attribute("hreflang") == lang
    other = page.locator(f".md-select__link:not([aria-current])").first
    weight = lambda loc: loc.evaluate("e => getComputedStyle(e).fontWeight")
    mark = current.evaluate("e => getComputedStyle(e, '::before').content")
    assert int(weight(current)) > int(weight(other)) and "✓" in mark
    page.close()
