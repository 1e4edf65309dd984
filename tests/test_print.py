"""Printing, checked the way a teacher does it: chromium prints the page to PDF, and the test reads the PDF.

What a printed concept page, reading guide or reading pack must hold: the text with its Chinese intact,
no navigation or search chrome, links followed by their addresses, and the self-check answers printed or
left out as the reader chose (a checkbox the browser remembers).
"""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import CONTENT
from papersite.siteconfig import load_site_config
from test_concept_pages import BY_SLUG

SLUG = "productive-forces"
SEQUENCE = load_site_config(CONTENT).sequences[0]


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def pdf_pages(page, path) -> list[str]:
    """Print the page as chromium's PDF output; the text of each PDF page, whitespace removed."""
    page.pdf(path=str(path), format="A4")
    doc = pdfium.PdfDocument(str(path))
    try:
        return [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


def rendering_fonts(page, selector: str) -> set[str]:
    """Family names of the platform fonts chromium used to draw the first node matching ``selector``."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        return {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
    finally:
        cdp.detach()


def open_page(chromium, server, path):
    page = chromium.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    return page, errors


@pytest.mark.parametrize("variant, root", [("zh-Hans", ""), ("zh-Hant", "zh-Hant/"), ("en", "en/")])
def test_printed_concept_page_keeps_text_drops_chrome_shows_link_targets_and_answers_by_choice(
        chromium, server, tmp_path, to_traditional, variant, root):
    concept = BY_SLUG[SLUG]
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    page, errors = open_page(chromium, server, f"{root}concepts/{SLUG}.html")
    try:
        text = "".join(pdf_pages(page, tmp_path / "with.pdf"))
        first = concept.teaching.self_check[0]
        answer = first.answer.en if variant == "en" else convert(first.answer.zh)
        question = first.question.en if variant == "en" else convert(first.question.zh)
        objective = concept.teaching.objectives[0].en if variant == "en" else convert(concept.teaching.objectives[0].zh)
        # The Chinese text survives into the PDF's text layer: a quotation and the evidence, verbatim.
        assert squash(convert(concept.quotes[0].text)) in text
        assert squash(convert(first.evidence.text)) in text
        assert squash(objective) in text and squash(question) in text
        # Answers are printed by default (the checkbox starts checked) ...
        assert squash(answer) in text
        # ... links carry their addresses (absolute, so a printed page still leads somewhere) ...
        assert squash(f"<{server}{'' if variant == 'en' else root}papers/") in text
        # ... and the site's chrome is left out: header title, search box, navigation and table of contents.
        site_name = page.eval_on_selector(".md-header__topic", "e => e.textContent")
        for chrome in (site_name, page.get_attribute(".md-search__input", "placeholder"),
                       page.eval_on_selector(".md-sidebar--secondary .md-nav__title", "e => e.textContent")):
            assert squash(chrome) not in text, chrome
        # Print without answers: the questions stay, the answers go; the browser remembers the choice.
        page.uncheck("#self-check ~ p.print-choice input[data-print-answers]")
        text = "".join(pdf_pages(page, tmp_path / "without.pdf"))
        assert squash(question) in text and squash(answer) not in text
        page.reload()
        page.wait_for_load_state("networkidle")
        assert not page.is_checked("#self-check ~ p.print-choice input[data-print-answers]")
        page.check("#self-check ~ p.print-choice input[data-print-answers]")
        # In print, the Chinese glyphs are drawn by a CJK font of the page's script: chromium reports the
        # platform fonts that actually rendered the node (not the CSS's wish list).
        page.emulate_media(media="print")
        chinese = "article p.evidence span[lang^=zh]" if variant == "en" else "article p.answer"
        used = rendering_fonts(page, chinese)
        assert used and all("CJK" in f for f in used), used
        assert all(f.endswith("TC") for f in used) if variant == "zh-Hant" else all(f.endswith("SC") for f in used), used
        assert errors == []
    finally:
        page.close()


def test_reading_pack_prints_each_concept_from_a_new_page(chromium, server, tmp_path):
    page, errors = open_page(chromium, server, f"teaching/{SEQUENCE.id}.html")
    try:
        pages = pdf_pages(page, tmp_path / "pack.pdf")
        starts = []
        for i, term in enumerate(SEQUENCE.terms, 1):
            found = [n for n, p in enumerate(pages) if p.startswith(f"{i}.{term}")]
            assert len(found) == 1, (term, found)
            starts.append(found[0])
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("path", ["guides/li-zhang-2025-generative-logic.html", "en/guides/li-zhang-2025-generative-logic.html",
                                  "zh-Hant/teaching/index.html"])
def test_guides_print_without_chrome(chromium, server, tmp_path, path):
    page, errors = open_page(chromium, server, path)
    try:
        text = "".join(pdf_pages(page, tmp_path / "guide.pdf"))
        title = page.eval_on_selector("article h1", "e => e.textContent")
        assert squash(title.replace("¶", "")) in text
        site_name = page.eval_on_selector(".md-header__topic", "e => e.textContent")
        assert squash(site_name) not in text
        assert errors == []
    finally:
        page.close()
