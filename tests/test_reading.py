"""Reading comfort, measured in chromium as a reader meets it: the abstract, the editors' definitions, table
cells, the concordance and the concept preview at the body's size, with a line height suited to Chinese on
the Chinese pages; concept links lightly marked, with a switch (labelled in the page's language, usable from
the keyboard, remembered) that turns them into plain text."""
from __future__ import annotations

import pytest

from conftest import VARIANT_DIRS

ZH = ("zh-Hans", "zh-Hant")
PAPER = "papers/li-zhang-2025-generative-logic.html"
TABLE_PAPER = "papers/zhang-factor-allocation.html"
CONCEPT = "concepts/new-quality-productive-forces.html"

STYLE = """sel => { const e = document.querySelector(sel); if (!e) return null;
  const s = getComputedStyle(e); return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }"""


def prefix(variant: str) -> str:
    return VARIANT_DIRS[variant] + "/" if VARIANT_DIRS[variant] else ""


def sizes(page, selectors: list[str]) -> dict[str, tuple[float, float]]:
    out = {}
    for sel in selectors:
        found = page.evaluate(STYLE, sel)
        assert found, sel
        out[sel] = found
    return out


@pytest.mark.parametrize("variant", ZH)
def test_chinese_pages_set_the_small_parts_at_body_size_with_a_chinese_line_height(server, chromium, variant):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server + prefix(variant) + PAPER)
        page.wait_for_load_state("networkidle")
        body, _ = page.evaluate(STYLE, "article p.para")
        measured = sizes(page, ["article p.para", ".admonition.abstract > p:not(.admonition-title)"])
        page.hover("article p.para a.concept-link >> nth=2")
        page.wait_for_selector(".concept-preview:not([hidden])")
        measured |= sizes(page, [".concept-preview__term", ".concept-preview__gloss"])
        page.goto(server + prefix(variant) + TABLE_PAPER)
        page.wait_for_load_state("networkidle")
        measured |= sizes(page, ["article table td"])
        page.goto(server + prefix(variant) + CONCEPT)
        page.wait_for_load_state("networkidle")
        page.evaluate("() => document.querySelectorAll('.kwic details').forEach(d => d.open = true)")
        measured |= sizes(page, [".admonition.info > p:not(.admonition-title)", ".kwic-lines td.kwic-left",
                                 ".kwic-lines td.kwic-key", ".kwic-lines td.kwic-where", ".self-check details p.answer"])
        # The concordance at body size does not make its box scroll sideways.
        assert page.evaluate("() => [...document.querySelectorAll('.kwic')].every(k => k.scrollWidth <= k.clientWidth)")
    finally:
        page.close()
    assert body >= 16
    for sel, (size, line) in measured.items():
        assert size >= body, (sel, size, body)
        assert line / size == pytest.approx(1.8, abs=0.05), (sel, line / size)


SWITCH = ".concept-link-switch input[type=checkbox]"
LABEL = {"zh-Hans": "显示概念链接", "zh-Hant": "顯示概念連結", "en": "Show concept links"}


@pytest.mark.parametrize("variant", ZH)
def test_concept_links_are_light_and_a_remembered_switch_turns_them_into_plain_text(server, chromium, variant):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    looks = """() => { const a = document.querySelector('article p.para a.concept-link'), p = a.closest('p');
        const s = getComputedStyle(a);
        return {line: s.textDecorationLine, style: s.textDecorationStyle, color: s.color, text: getComputedStyle(p).color,
                href: a.hasAttribute('href'), focusable: a.tabIndex >= 0 && a.hasAttribute('href')}; }"""
    try:
        page.goto(server + prefix(variant) + PAPER)
        page.wait_for_load_state("networkidle")
        on = page.evaluate(looks)
        # Lightly marked: the text keeps its colour, a dotted underline tells the link apart.
        assert on["line"] == "underline" and on["style"] == "dotted" and on["color"] == on["text"] and on["href"]
        # The switch is visible, labelled in the page's language, and used from the keyboard.
        switch = page.locator(SWITCH)
        assert switch.is_visible() and switch.is_checked()
        assert LABEL[variant] in page.locator(".concept-link-switch label").text_content()
        switch.focus()
        page.keyboard.press("Space")
        assert not switch.is_checked()
        off = page.evaluate(looks)
        assert off["line"] == "none" and not off["href"] and not off["focusable"]
        # No preview for a link that is now plain text.
        page.locator("article p.para a.concept-link >> nth=2").dispatch_event("mouseover")
        page.wait_for_timeout(300)
        assert page.locator(".concept-preview:not([hidden])").count() == 0
        # Remembered on another paper page, and turned back on.
        page.goto(server + prefix(variant) + TABLE_PAPER)
        page.wait_for_load_state("networkidle")
        assert not page.locator(SWITCH).is_checked() and page.evaluate(looks)["line"] == "none"
        page.locator(SWITCH).check()
        page.reload()
        page.wait_for_load_state("networkidle")
        assert page.locator(SWITCH).is_checked() and page.evaluate(looks)["href"]
    finally:
        page.close()
