"""The built site in a real browser (Debian chromium via Playwright): the language switcher, concept
previews, the search box's loading and keyboard use, and the site opened from disk and served under a
sub-path. Search quality (precision, recall, ranking) is tests/test_search_quality.py."""
from __future__ import annotations

import pytest

from browser import SEARCH_INPUT, choose_language, run_search, search
from conftest import VARIANT_DIRS


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
    # the page settled (fonts and styles in): a box clicked while the layout still moves can be missed, which
    # once happened on a loaded machine
    page.wait_for_load_state("networkidle")
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


@pytest.mark.parametrize("path", ["papers/wu-common-prosperity-logic.html", "zh-Hant/concepts/common-prosperity.html",
                                  "en/index.html"])
def test_a_page_that_is_only_read_loads_no_search(server, chromium, path):
    """Reading a page requests nothing for search; focusing the box loads search.js and the manifest only;
    the first query loads a few gram shards and the chunks of the results on screen, never the whole index."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    assert not [u for u in urls if "/search" in u], urls
    page.locator(SEARCH_INPUT).focus()
    page.wait_for_function("() => window.__papersiteSearch && window.__papersiteSearch.files.meta")
    folder = server + (path.split("/")[0] + "/" if path.split("/")[0] in ("zh-Hant", "en") else "")
    assert [u for u in urls if "search" in u] == [folder + "assets/javascripts/search.js", folder + "search/meta.js"]
    run_search(page, "共同富裕")
    data = [u for u in urls if "/search/" in u]
    shards = [u for u in data if "/search/g/" in u]
    assert data[0] == folder + "search/meta.js"
    assert 1 <= len(shards) <= 3, shards                        # 共同 + 富裕: at most one shard per gram
    assert all(u.startswith(folder + "search/") for u in data)   # this variant's index only
    page.close()


@pytest.mark.parametrize("path,first_use", [("concepts/new-quality-productive-forces.html", "pointer"),
                                            ("en/papers/zhang-factor-allocation.html", "key")])
def test_material_starts_at_the_first_use_of_a_page(server, chromium, path, first_use):
    """A page that is only read runs none of Material's bundle (its start-up was half of the main thread's work
    at load); the reader's first use of the page starts it, and its table of contents then follows the scroll."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.document$") == "undefined"   # Material's global: its bundle has not run
    if first_use == "pointer":
        page.mouse.move(700, 500)
    else:
        page.keyboard.press("Shift")
    page.wait_for_function("() => typeof window.document$ === 'object'")
    page.mouse.wheel(0, 4000)
    page.wait_for_function("() => document.querySelector('.md-sidebar--secondary .md-nav__link--active')")
    assert not errors, errors
    page.close()


def test_search_keyboard(server, chromium):
    """"/" opens the search box from anywhere on the page, the arrow keys walk the results, Enter on the box
    follows the first result, Escape closes the search."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server + "index.html")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.papersite-search .md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    run_search(page, "数字鸿沟")
    page.locator(SEARCH_INPUT).focus()
    where = "[...document.querySelectorAll('.papersite-search .md-search-result__list a[href]')].indexOf(document.activeElement)"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(where) == 0
    page.keyboard.press("ArrowDown")
    assert page.evaluate(where) == 1
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('.papersite-search .md-search__input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.locator(SEARCH_INPUT).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/concepts/digital-divide.html")
    page.close()


def test_site_opened_from_disk(built_site, chromium):
    """An instructor's zip: file:// pages render, search works (its data are scripts), the switcher works."""
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
