"""Concept maps and occurrence charts a reader can read: the maps fit a phone (375 px) and a desktop
(1280 px) without clipping or horizontal scrolling, their text is at least 11 px as rendered, broader and
narrower concepts are told apart, the legends list only what is drawn; the charts offer mentions per
10,000 characters beside the raw counts (the papers differ threefold in length)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, VARIANT_DIRS
from papersite.model import plain_text

CONCEPTS = sorted(p.stem for p in (CONTENT / "concepts").glob("*.yml"))
LANGS = ("zh-Hans", "zh-Hant", "en")


def soup(path: Path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def drawn_relations(svg) -> set[str]:
    """The relations of the boxes drawn on a concept's map (the legend's swatches left out)."""
    out = set()
    for g in svg.select("g.map-node"):
        if g.find_parent(class_="map-legend-item"):
            continue
        out |= set(g["class"]) - {"map-node", "centre"}
    return out


@pytest.mark.parametrize("variant", LANGS)
def test_each_map_legend_lists_exactly_the_relations_drawn(built_site, variant):
    root = built_site / VARIANT_DIRS[variant] / "concepts"
    seen = set()
    for slug in CONCEPTS:
        svg = soup(root / f"{slug}.html").select_one("svg.concept-map")
        legend = {g["data-relation"] for g in svg.select(".map-legend-item")}
        drawn = drawn_relations(svg)
        assert legend == drawn and drawn, (slug, legend, drawn)
        edges = {c for line in svg.select(".map-edge") if not line.find_parent(class_="map-legend-item")
                 for c in line["class"] if c != "map-edge"}
        assert edges <= {"broader", "narrower"} & drawn, slug   # lines only join the hierarchy
        seen |= drawn
    assert {"broader", "narrower", "related", "cooccur"} <= seen
    whole = soup(root / "index.html").select_one("svg.concept-map-all")
    kinds = {c for p in whole.select("path.map-edge") for c in p["class"] if c != "map-edge"}
    assert {g["data-relation"] for g in whole.select(".map-legend-item")} == kinds


def test_mentions_per_10000_characters_beside_the_counts(built_site, corpus):
    """The table's characters are the paper's body paragraphs (where mentions are counted); the rate is
    count × 10,000 ÷ characters; the rate chart shows the same numbers."""
    chars = {slug: sum(len("".join(plain_text(p.inlines).split())) for p in paper.document.paragraphs())
             for slug, paper in corpus.items()}
    assert max(chars.values()) > 2.5 * min(chars.values())   # why raw counts mislead
    for slug in ("common-prosperity", "new-quality-productive-forces", "data-as-a-factor"):
        page = soup(built_site / "concepts" / f"{slug}.html")
        counts = [int(t.get_text()) for t in page.select("svg.concept-chart:not(.concept-chart-rate) .chart-value")]
        rates = [float(t.get_text()) for t in page.select("svg.concept-chart-rate .chart-value")]
        rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("table.occurrence-table tbody tr")]
        assert len(rows) == len(counts) == len(rates) == len(corpus)
        assert sorted(int(r[1]) for r in rows) == sorted(chars.values())
        for (label, n_chars, count, rate), chart_count, chart_rate in zip(rows, counts, rates):
            assert int(count) == chart_count
            assert float(rate) == chart_rate == round(int(count) * 10000 / int(n_chars), 1), (slug, label)
    en = soup(built_site / "en" / "concepts" / "common-prosperity.html")
    assert "per 10,000 characters" in en.select_one("table.occurrence-table thead").get_text()


MEASURE = """() => {
    const out = [];
    for (const svg of document.querySelectorAll('svg.concept-map, svg.concept-chart')) {
        const r = svg.getBoundingClientRect(), box = svg.parentElement.getBoundingClientRect();
        const scale = r.width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')];
        const vb = svg.viewBox.baseVal;
        const outside = texts.filter(t => { const b = t.getBBox();
            return b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5; })
            .map(t => t.textContent);
        out.push({cls: svg.getAttribute('class'), width: r.width, left: r.left, right: r.right,
                  boxLeft: box.left, boxRight: box.right,
                  smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
                  outside});
    }
    return {maps: out, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["concepts/index.html", "concepts/new-quality-productive-forces.html",
                                  "concepts/productive-forces.html", "zh-Hant/concepts/common-prosperity.html",
                                  "en/concepts/index.html", "en/concepts/relations-of-production.html"])
def test_maps_fit_and_are_legible_on_a_phone_and_a_desktop(server, chromium, width, path):
    page = chromium.new_page(viewport={"width": width, "height": 900})
    assert page.goto(server + path).ok
    page.wait_for_load_state("networkidle")
    found = page.evaluate(MEASURE)
    page.close()
    assert found["scroll"] <= found["client"], found   # no horizontal scrolling
    maps = found["maps"]
    assert any("concept-map" in m["cls"] for m in maps)
    for m in maps:
        assert m["left"] >= m["boxLeft"] - 0.5 and m["right"] <= m["boxRight"] + 0.5, m   # inside its container
        assert m["smallest"] >= 11, m
        assert not m["outside"], m   # no label cut off at the picture's edge


def test_broader_and_narrower_are_drawn_in_different_colours(server, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    colours = {}
    for slug in ("productive-forces", "common-prosperity-in-spiritual-life"):   # one has narrower, one broader
        page.goto(server + f"concepts/{slug}.html")
        colours.update(page.evaluate("""() => Object.fromEntries(['broader', 'narrower'].flatMap(k => {
            const box = document.querySelector(`svg.concept-map g.map-node.${k}:not(.map-legend-item g) rect`);
            return box ? [[k, getComputedStyle(box).stroke]] : []; }))"""))
    page.close()
    assert set(colours) == {"broader", "narrower"} and colours["broader"] != colours["narrower"], colours


def _concept_links(slug: str) -> set[frozenset]:
    """The editors' links of one concept, read from content/concepts (broader and related, either direction)."""
    import yaml
    files = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (CONTENT / "concepts").glob("*.yml")}
    by_term = {data["term"]: stem for stem, data in files.items()}
    out = set()
    for stem, data in files.items():
        for term in (data.get("broader") or []) + (data.get("related") or []):
            if slug in (stem, by_term[term]):
                out.add(frozenset((stem, by_term[term])))
    return out


@pytest.mark.parametrize("path", ["concepts/index.html", "en/concepts/index.html"])
def test_pointing_at_a_concept_on_the_whole_map_brings_out_its_links(server, chromium, path):
    """~150 arcs cross on the whole map; pointing at one box shows that concept's links and fades the rest, and
    moving away from the map shows them all again. The links shown are the editors' (content/concepts)."""
    slug = "new-quality-productive-forces"
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    assert page.goto(server + path).ok
    box = page.locator(f'svg.concept-map-all a[data-key="{slug}"]')
    box.hover()
    state = page.evaluate("""() => [...document.querySelectorAll('svg.concept-map-all path.map-edge')].map(p => ({
        ends: [p.dataset.a, p.dataset.b], on: p.classList.contains('map-on'),
        opacity: parseFloat(getComputedStyle(p).opacity)}))""")
    shown = {frozenset(e["ends"]) for e in state if e["on"]}
    assert shown == _concept_links(slug) and len(shown) >= 3
    assert all(e["opacity"] == 1 for e in state if e["on"])
    assert all(e["opacity"] < 0.2 for e in state if not e["on"])
    page.mouse.move(5, 5)   # off the map: every arc as drawn
    assert page.evaluate("document.querySelectorAll('svg.concept-map-all .map-on').length") == 0
    assert page.evaluate("getComputedStyle(document.querySelector('svg.concept-map-all path.map-edge')).opacity") == "0.8"
    page.close()
