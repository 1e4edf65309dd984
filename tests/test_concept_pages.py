"""Concept pages, the concept index and the concept links, read from the built site as a reader sees them."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, VARIANT_DIRS
from papersite.concepts import load_concepts
from papersite.siteconfig import load_site_config

CONCEPTS = load_concepts(CONTENT, load_site_config(CONTENT).categories)
BY_SLUG = {c.slug: c for c in CONCEPTS}
BY_TERM = {c.term: c for c in CONCEPTS}
ZH = ("zh-Hans", "zh-Hant")


@lru_cache(maxsize=None)
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@lru_cache(maxsize=None)
def paragraphs(page: Path) -> dict[str, str]:
    """The published text of a paper page's paragraphs, by anchor (footnote markers left out)."""
    out = {}
    for p in soup(page).select("article p.para"):
        p = BeautifulSoup(str(p), "html.parser")
        for sup in p.select("sup[id^=fnref]"):
            sup.decompose()
        out[p.p["id"]] = p.get_text()
    return out


def resolve(page: Path, href: str) -> tuple[Path, str]:
    path, _, anchor = href.partition("#")
    return (page.parent / path).resolve(), anchor


_COUNTS: dict = {}


def published_counts(site: Path, variant: str, convert) -> dict[str, Counter]:
    """Mentions per concept and paper, counted in the published text by the documented rule, scanned
    position by position: at each character, the longest term or alias starting there is a mention
    and the scan goes on after it (so 生产力 inside 新质生产力 is not counted; overlaps go leftmost)."""
    if (site, variant) in _COUNTS:
        return _COUNTS[(site, variant)]
    owner = {convert(f): c.slug for c in CONCEPTS for f in c.forms}
    longest = max(len(f) for f in owner)
    out = {c.slug: Counter() for c in CONCEPTS}
    for page in (site / VARIANT_DIRS[variant] / "papers").glob("*.html"):
        for text in paragraphs(page).values():
            i = 0
            while i < len(text):
                form = next((text[i:i + n] for n in range(longest, 1, -1) if text[i:i + n] in owner), None)
                if form:
                    out[owner[form]][page.stem] += 1
                    i += len(form)
                else:
                    i += 1
    _COUNTS[(site, variant)] = out
    return out


def test_every_concept_has_a_page_in_every_variant(built_site):
    for variant, folder in VARIANT_DIRS.items():
        pages = {p.stem for p in (built_site / folder / "concepts").glob("*.html")}
        assert pages == {c.slug for c in CONCEPTS} | {"index"}, variant


@pytest.mark.parametrize("variant", ZH)
def test_counts_on_the_page_equal_the_published_text(built_site, variant, to_traditional):
    """The chart's numbers and the concordance's rows equal what the paper pages contain."""
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    for c in CONCEPTS:
        page = soup(built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html")
        chart = [int(t.get_text()) for t in page.select("svg.concept-chart:not(.concept-chart-rate) .chart-value")]
        rows = {d["id"][3:]: len(d.select("tr")) for d in page.select("details.kwic-paper")}
        expected = published_counts(built_site, variant, convert)[c.slug]
        assert sum(chart) == sum(expected.values()) and rows == dict(expected), (c.term, chart, rows, dict(expected))
        total = re.search(r"(\d+)", page.select_one(".concept-meta").get_text(" ").split("出現" if variant == "zh-Hant" else "出现")[1])
        assert int(total.group(1)) == sum(chart), c.term


@pytest.mark.parametrize("variant", ZH)
def test_every_concordance_line_is_in_the_paragraph_it_links_to(built_site, variant, to_traditional):
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    checked = 0
    for c in CONCEPTS:
        page_path = built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html"
        forms = {convert(f) for f in c.forms}
        for row in soup(page_path).select("table.kwic-lines tr"):
            left, key, right, where = (td.get_text() for td in row.select("td"))
            target, anchor = resolve(page_path, row.select_one(".kwic-key a")["href"])
            text = paragraphs(target)[anchor]
            assert key in forms, (c.term, key)
            assert left + key + right in text, (c.term, anchor, left + key + right)
            assert where == "¶" + anchor.split("-")[-1]
            checked += 1
    assert checked >= 1000


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_quotations_are_verbatim_in_the_linked_paragraph(built_site, variant, to_traditional):
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    quoted = 0
    for c in CONCEPTS:
        page_path = built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html"
        for fig in soup(page_path).select(".concept-quote"):
            quote = fig.select_one("blockquote").get_text()
            target, anchor = resolve(page_path, fig.select_one("figcaption a")["href"])
            assert quote in paragraphs(target)[anchor], (c.term, anchor)
            assert any(convert(f) in quote for f in c.forms), (c.term, quote)
            if variant == "en":
                assert fig.select_one("blockquote")["lang"] == "zh-Hans"
                assert "/en/" not in str(target)
            quoted += 1
    assert quoted >= len(CONCEPTS)


def page_of_text(page: Path, anchor: str, quote: str) -> int | None:
    """The printed page a quotation starts on, read off the paper page: the last page mark (the margin's
    第N页) before the quotation's first character, in its paragraph or before it."""
    current, chars, pages, inside = None, [], [], False
    for node in soup(page).select_one("article").descendants:
        if getattr(node, "name", None) == "span" and "page-mark" in (node.get("class") or []):
            current = int(node["data-page"])
        elif getattr(node, "name", None) == "p":
            inside = node.get("id") == anchor
        elif inside and isinstance(node, str) and not node.find_parent("sup"):
            chars.append(str(node))
            pages += [current] * len(node)
    text = "".join(chars)
    return pages[text.index(quote)] if quote in text else None


@pytest.mark.parametrize("variant", ("zh-Hans", "en"))
def test_a_quotation_is_cited_by_its_printed_page(built_site, variant):
    """A quotation's caption names the printed page it stands on (第N页 / p. N) where the source prints pages,
    the page the paper page's own margin marks give at the quotation's first words."""
    cited = 0
    for c in CONCEPTS:
        page_path = built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html"
        for fig in soup(page_path).select(".concept-quote"):
            caption = fig.select_one("figcaption a").get_text()
            m = re.search(r"(?:第(\d+)页|p\. (\d+))$", caption)
            target, anchor = resolve(page_path, fig.select_one("figcaption a")["href"])
            quote = fig.select_one("blockquote").get_text()
            printed = page_of_text(target, anchor, quote)
            assert (int(m.group(1) or m.group(2)) if m else None) == printed, (c.term, caption, printed)
            cited += bool(m)
    assert cited >= 10


@pytest.mark.parametrize("variant", ZH)
def test_paper_pages_link_the_first_mention_in_each_section(built_site, variant, to_traditional):
    """At most one link per concept per section, it is the section's first mention, and its preview data
    is the concept's term and definition."""
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    links = 0
    for page in (built_site / VARIANT_DIRS[variant] / "papers").glob("*.html"):
        article = soup(page).select_one("article")
        seen: set[str] = set()
        for el in article.find_all(["h2", "h3", "h4", "p"]):
            if el.name != "p":
                seen = set()
                continue
            for a in el.select("a.concept-link"):
                slug = Path(a["href"]).stem
                concept = BY_SLUG[slug]
                assert slug not in seen, (page.name, el.get("id"), concept.term)
                seen.add(slug)
                assert a.get_text() in {convert(f) for f in concept.forms}
                assert a["data-term"] == convert(concept.term)
                assert a["data-gloss"] == convert(concept.definition_zh)
                assert not a.get("title")  # Material would render a title as HTML in its tooltip
                links += 1
    assert links >= 300


@pytest.mark.parametrize("variant", ZH)
def test_a_link_is_never_part_of_a_longer_term(built_site, variant, to_traditional):
    """生产力 inside 新质生产力 is a mention of 新质生产力 only: no link sits inside a longer term."""
    convert = to_traditional if variant == "zh-Hant" else (lambda s: s)
    longer = {convert(f) for c in CONCEPTS for f in c.forms}
    for page in (built_site / VARIANT_DIRS[variant] / "papers").glob("*.html"):
        for p in soup(page).select("article p.para"):
            text = p.get_text()
            for a in p.select("a.concept-link"):
                # Position of this link in the paragraph's text.
                before = "".join(s for s in a.find_all_previous(string=True) if p in s.parents)
                start, end = len(before), len(before) + len(a.get_text())
                assert text[start:end] == a.get_text()
                for form in longer:
                    if len(form) > end - start:
                        for m in re.finditer(re.escape(form), text):
                            assert not (m.start() <= start and end <= m.end()), (page.name, p["id"], form)


def test_concept_index_lists_every_concept_with_its_count(built_site):
    for variant, folder in VARIANT_DIRS.items():
        index = built_site / folder / "concepts" / "index.html"
        rows = soup(index).select("article table tbody tr")
        linked = {}
        for row in rows:
            a = row.select_one("a")
            cells = [td.get_text() for td in row.select("td")]
            linked[Path(a["href"]).stem] = int(cells[-2])
        assert set(linked) == set(BY_SLUG), variant
        for slug, count in linked.items():
            page = soup(built_site / folder / "concepts" / f"{slug}.html")
            assert count == sum(int(t.get_text()) for t in page.select("svg.concept-chart:not(.concept-chart-rate) .chart-value")), (variant, slug)
        # Alphabetical list (pinyin or English) and the whole map link every concept too.
        alpha = soup(index).select("#by-pinyin + ul a, #a-z + ul a")
        assert {Path(a["href"]).stem for a in alpha} == set(BY_SLUG)
        assert {Path(a["href"]).stem for a in soup(index).select("svg.concept-map a")} == set(BY_SLUG)


def test_english_concept_pages_carry_term_gloss_renderings_and_related(built_site):
    for c in CONCEPTS:
        page = soup(built_site / "en" / "concepts" / f"{c.slug}.html")
        assert page.select_one("h1").get_text().strip("¶") == c.english_term
        text = page.select_one("article").get_text(" ")
        assert c.definition_en in " ".join(text.split())
        for r in c.english:
            assert r.text in text
        assert page.select_one('.concept-meta [lang="zh-Hans"]').get_text() == c.term
        related = {Path(a["href"]).stem for a in page.select("#related + ul a")}
        assert set(c.related) | set(c.broader) | set(c.narrower) <= related


def test_home_pages_lead_to_the_concept_index(built_site):
    for folder in VARIANT_DIRS.values():
        home = built_site / folder / "index.html"
        assert any(resolve(home, a["href"])[0] == (built_site / folder / "concepts" / "index.html").resolve()
                   for a in soup(home).select("article a[href]"))


# Pairs as a Chinese dictionary orders them, judged by hand: syllable by syllable, letters then tone.
PINYIN_ORDER = [("传统产业", "创新驱动"),            # chuán < chuàng (chuan is a prefix of chuang)
                ("第三次分配", "颠覆性技术"),        # dì < diān
                ("数据要素", "数字技术"),            # shù jù < shù zì
                ("生产关系", "生产力"),              # shēngchǎn guān < shēngchǎn lì
                ("公有制", "共同富裕")]              # gōng (tone 1) before gòng (tone 4)


@pytest.mark.parametrize("first, second", PINYIN_ORDER)
def test_the_pinyin_list_follows_dictionary_order(built_site, first, second):
    """The concept index's 按拼音 list, as published, puts ``first`` before ``second``."""
    for folder in ("", "zh-Hant"):
        links = [a.get_text() for a in soup(built_site / folder / "concepts" / "index.html").select("#by-pinyin + ul a")]
        names = [BY_TERM[t].term for t in (first, second)]
        if folder:
            from papersite.script import traditional_converter
            from papersite.siteconfig import load_site_config
            config = load_site_config(CONTENT)
            names = [traditional_converter(config.opencc, config.exceptions)(n) for n in names]
        assert links.index(names[0]) < links.index(names[1]), (folder, links)
