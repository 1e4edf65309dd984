"""Printing, checked the way a teacher does it: chromium prints the page to PDF, and the test reads the PDF.

What a printed concept page, reading guide or reading pack must hold: the text with its Chinese intact,
no navigation or search chrome, links as short references (authors and ¶ number) and never full web
addresses, numbered pages under a running head, and the self-check answers printed or left out as the
reader chose (a checkbox the browser remembers; a reading pack's answer key is left out by default). The
largest concept page fits on four A4 pages.
"""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import CONTENT, VARIANT_DIRS
from papersite.siteconfig import load_site_config
from papersite.records import paper_label
from test_concept_pages import BY_SLUG, BY_TERM

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
def test_printed_concept_page_keeps_text_drops_chrome_shows_short_references_and_answers_by_choice(
        chromium, server, tmp_path, to_traditional, corpus, variant, root):
    concept = BY_SLUG[SLUG]
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    page, errors = open_page(chromium, server, f"{root}concepts/{SLUG}.html")
    try:
        text = "".join(body(pdf_pages(page, tmp_path / "with.pdf"), page.title()))
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
        # ... links are printed as short references (the cited paper's authors and ¶), never as web addresses ...
        cited = concept.teaching.discussion[0].cites[0]
        label = paper_label(corpus[cited.paper].record, variant == "en")
        assert squash(f"{label if variant == 'en' else convert(label)} ¶{cited.paragraph[2:]}") in text
        assert "http" not in text and server not in text
        # ... and the site's chrome is left out: header title, search box, navigation and table of contents.
        site_name = page.eval_on_selector(".md-header__topic", "e => e.textContent")
        for chrome in (site_name, page.get_attribute(".md-search__input", "placeholder"),
                       page.eval_on_selector(".md-sidebar--secondary .md-nav__title", "e => e.textContent")):
            assert squash(chrome) not in text, chrome
        # Print without answers: the questions stay, the answers go; the browser remembers the choice.
        page.uncheck("#self-check ~ p.print-choice input[data-print-answers]")
        text = "".join(body(pdf_pages(page, tmp_path / "without.pdf"), page.title()))
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


def body(pages: list[str], title: str) -> list[str]:
    """Each PDF page's text without its running head (``title``) and page number ("3/35"), which chromium
    writes first; a page without them fails here."""
    out = []
    for n, p in enumerate(pages, 1):
        head = squash(title) + f"{n}/{len(pages)}"
        assert p.startswith(head), (n, p[:80])
        out.append(p[len(head):])
    return out


def test_reading_pack_prints_each_concept_from_a_new_page(chromium, server, tmp_path):
    page, errors = open_page(chromium, server, f"teaching/{SEQUENCE.id}.html")
    try:
        pages = body(pdf_pages(page, tmp_path / "pack.pdf"), page.title())
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
        text = "".join(body(pdf_pages(page, tmp_path / "guide.pdf"), page.title()))
        title = page.eval_on_selector("article h1", "e => e.textContent")
        assert squash(title.replace("¶", "")) in text
        site_name = page.eval_on_selector(".md-header__topic", "e => e.textContent")
        assert squash(site_name) not in text
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_largest_concept_page_prints_on_four_pages_without_web_addresses(chromium, server, built_site, tmp_path, variant):
    """An instructor prints the longest concept page: at most four A4 pages, no full URL, no instruction
    meant for the screen, the concordance as each paper's count and a few lines (the printed text says the
    rest is on the site), every page numbered."""
    root = built_site / VARIANT_DIRS[variant] / "concepts"
    largest = max((p for p in root.glob("*.html") if p.name != "index.html"), key=lambda p: p.stat().st_size)
    prefix = f"{VARIANT_DIRS[variant]}/" if VARIANT_DIRS[variant] else ""
    page, errors = open_page(chromium, server, f"{prefix}concepts/{largest.name}")
    try:
        pages = body(pdf_pages(page, tmp_path / "largest.pdf"), page.title())
        assert len(pages) <= 4, (largest.name, len(pages))
        text = "".join(pages)
        assert "http" not in text and "://" not in text
        # The screen's instructions (what to click) are not printed; the concordance's print note is.
        for hidden in page.locator("article .screen-only").all_text_contents():
            assert squash(hidden) not in text, hidden
        if variant != "en":
            note = page.eval_on_selector("article p.print-only", "e => e.textContent")
            assert squash(note) in text
            concordance = text[text.index(squash(page.eval_on_selector("#concordance", "e => e.firstChild.textContent"))):]
            shown = page.eval_on_selector_all(".kwic-paper", "ds => ds.map(d => d.querySelectorAll('tr').length)")
            # each paper's summary (title and count) is printed, with at most three of its lines
            for summary in page.locator(".kwic-paper > summary").all_text_contents():
                assert squash(summary) in concordance
            lines = re.findall(r"¶\d+", concordance[:concordance.find(squash(page.eval_on_selector("#related", "e => e.firstChild.textContent")))])
            assert 0 < len(lines) <= 3 * len(shown) < sum(shown), (len(lines), shown)
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_reading_pack_prints_questions_with_room_and_its_answer_key_only_when_asked(chromium, server, tmp_path, to_traditional, variant):
    """A reading pack prints numbered pages under its title, each paragraph once (a later need names the
    page and section where it is printed: the next test), ruled room under every question, and no answers unless the reader checks
    "print the answer key" (remembered); then the answers come after the last concept's questions."""
    prefix = f"{VARIANT_DIRS[variant]}/" if VARIANT_DIRS[variant] else ""
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    first = BY_TERM[SEQUENCE.terms[0]].teaching.self_check[0]
    last = BY_TERM[SEQUENCE.terms[-1]].teaching.self_check[-1]
    answer = (lambda item: squash(item.answer.en if variant == "en" else convert(item.answer.zh)))
    question = (lambda item: squash(item.question.en if variant == "en" else convert(item.question.zh)))
    page, errors = open_page(chromium, server, f"{prefix}teaching/{SEQUENCE.id}.html")
    try:
        box = "p.print-choice input[data-print-answers]"
        assert not page.is_checked(box)
        pages = body(pdf_pages(page, tmp_path / "pack.pdf"), page.title())
        text = "".join(pages)
        assert question(first) in text and question(last) in text
        assert answer(first) not in text and answer(last) not in text
        assert "http" not in text
        # Each paragraph's text is printed once; where a later concept needs it again, its section is named.
        seen = page.locator("p.pack-seen a[href^='#pack-']")
        assert seen.count() > 0
        for href in seen.evaluate_all("as => as.map(a => a.getAttribute('href'))")[:5]:
            quoted = page.eval_on_selector(f"{href} blockquote", "e => e.textContent")
            assert text.count(squash(quoted)[:60]) == 1, href
        # Room to write: under each question, printed, a ruled space at least four lines high.
        page.emulate_media(media="print")
        room = page.eval_on_selector_all(".pack-questions > li", """lis => lis.map(li => {
            const after = getComputedStyle(li, '::after'), size = parseFloat(getComputedStyle(li).fontSize);
            return parseFloat(after.height) / size; })""")
        assert room and min(room) >= 4, min(room)
        page.emulate_media(media="screen")
        # The reader asks for the answers: the key is printed at the end, and the choice is remembered.
        page.check(box)
        page.reload()
        page.wait_for_load_state("networkidle")
        assert page.is_checked(box)
        pages = body(pdf_pages(page, tmp_path / "answers.pdf"), page.title())
        text = "".join(pages)
        assert answer(first) in text and answer(last) in text
        # the key follows the last section's questions on the page (the PDF's text order across pages is the
        # extractor's, not the page's: the DOM says where the key stands)
        assert page.evaluate("""() => {
            const qs = document.querySelectorAll('.pack-questions'), key = document.querySelector('.answer-key');
            return !!key && qs.length > 0 && !!(qs[qs.length - 1].compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        assert len(pages) > 1
        page.uncheck(box)
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("variant, answers, window, longer", [("zh-Hans", False, None, False), ("zh-Hant", False, 390, False),
                                                              ("en", True, 2600, False), ("zh-Hans", False, None, True)])
def test_reading_pack_refers_to_a_paragraph_printed_earlier_by_the_page_it_begins_on(chromium, server, tmp_path, variant, answers,
                                                                                       window, longer):
    """A paragraph a pack printed in full earlier is referred to later by its printed page, the section kept
    ("全文见第 12 页（第 4 节“劳动资料”）"): in the printed pack the reference names the page whose number is printed
    at its foot (the @page margin box), and that is the page where the paragraph's full text begins. Chromium
    has no CSS target-counter(): site.js lays the pack out as it will print when printing begins (page.pdf
    fires beforeprint, as Ctrl+P does) and puts the numbers in; afterwards the screen's text is back. One
    variant prints its answer key too (more pages after the last section); the screen it is printed from is
    a phone's or a wide one (where Material sets larger type), which paper does not see. And paragraphs longer
    than a page (three of the repeated ones made six times as long) take the pages their lines take."""
    prefix = f"{VARIANT_DIRS[variant]}/" if VARIANT_DIRS[variant] else ""
    page, errors = open_page(chromium, server, f"{prefix}teaching/{SEQUENCE.id}.html")
    try:
        if window:
            page.set_viewport_size({"width": window, "height": 900})
        if answers:
            page.check("p.print-choice input[data-print-answers]")
        if longer:
            page.evaluate("""() => [...new Set([...document.querySelectorAll('a[data-page-ref]')].map(a => a.getAttribute('href')))]
                .slice(0, 3).forEach(id => { const q = document.querySelector(id + ' blockquote'); q.textContent = q.textContent.repeat(6); })""")
        refs = page.eval_on_selector_all("a[data-page-ref]", """as => as.map(a => ({
            href: a.getAttribute('href'), template: a.dataset.pageRef, screen: a.textContent,
            text: document.querySelector(a.getAttribute('href') + ' blockquote').textContent,
            section: [...document.querySelectorAll('h2.pack-concept')].filter(h =>
                h.compareDocumentPosition(document.querySelector(a.getAttribute('href'))) & Node.DOCUMENT_POSITION_FOLLOWING)
                .pop().firstChild.textContent }))""")
        assert len(refs) > 10
        for ref in refs:   # the reference names the section where the paragraph is printed, as its heading does
            number, name = re.fullmatch(r"(\d+)\. (.+?)( \(|$)", ref["section"]).group(1, 2)
            assert number in ref["template"] and name in ref["template"] and "{page}" in ref["template"], ref
        # (pdfium gives a hyphen that ends a line as U+FFFE: "Alvarez-" / "Cuadrado")
        pages = [p.replace("\ufffe", "-") for p in body(pdf_pages(page, tmp_path / "pack.pdf"), page.title())]
        # the printed references, in the order of the page: each one's whole text, its page number filled in
        text, starts = "", []
        for p in pages:
            starts.append(len(text))
            text += p
        page_at = lambda i: max(n for n, s in enumerate(starts, 1) if s <= i)
        at = 0
        for ref in refs:
            before, after = (re.escape(squash(s)) for s in ref["template"].split("{page}"))
            found = re.compile(before + r"(\d+)" + after).search(text, at)
            assert found, (ref["href"], ref["template"], text[at:at + 200])
            at, named = found.end(), int(found.group(1))
            assert named <= page_at(found.start())   # a reference looks back
            # the paragraph's full text begins on that page (its first words on no page before it) ...
            quoted = squash(ref["text"])
            assert quoted[:40] in pages[named - 1], (ref["href"], named)
            assert not any(quoted[:40] in p for p in pages[:named - 1]), (ref["href"], named)
            # ... and follows from there, whole (a paragraph may run on to the next page)
            begins = text.find(quoted, starts[named - 1])
            assert starts[named - 1] <= begins < starts[named - 1] + len(pages[named - 1]), ref["href"]
        # After printing the screen's text is back, and no page break is left behind.
        assert page.eval_on_selector_all("a[data-page-ref]", "as => as.map(a => a.textContent)") == [r["screen"] for r in refs]
        assert page.evaluate("() => [...document.querySelectorAll('article *')].filter(e => e.style.breakBefore).length") == 0
        if answers:
            page.uncheck("p.print-choice input[data-print-answers]")
        assert errors == []
    finally:
        page.close()


def test_reading_pack_opened_from_disk_prints_the_sections_of_repeated_paragraphs(chromium, built_site, tmp_path):
    """Opened from disk (file://) chromium lets no script read the style sheets, so the pages cannot be laid
    out in advance: a repeated paragraph is named by its section, as on the screen, and no page is guessed."""
    page = chromium.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto((built_site / "teaching" / f"{SEQUENCE.id}.html").as_uri())
        page.wait_for_load_state("load")
        screen = page.eval_on_selector_all("a[data-page-ref]", "as => as.map(a => a.textContent)")
        text = "".join(body(pdf_pages(page, tmp_path / "pack.pdf"), page.title()))
        assert screen and all(squash(s) in text for s in screen)
        assert not re.search(r"全文见第\d+页", text)
        assert errors == []
    finally:
        page.close()
