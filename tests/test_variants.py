"""The three variants: twins, <html lang>, interface language, and a zh-Hant text with no Simplified left."""
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, ROOT, VARIANT_DIRS
from papersite.script import read_exceptions, traditional_converter
from papersite.siteconfig import load_site_config


def pages_of(site: Path, variant: str) -> set[str]:
    root = site / VARIANT_DIRS[variant]
    others = {d for d in VARIANT_DIRS.values() if d}
    # 404.html is rendered with root-absolute links (a server shows it for any missing path): not a twin page.
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if p.name != "404.html" and not (variant == "zh-Hans" and p.relative_to(root).parts[0] in others)}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_its_twins(built_site, corpus):
    hans = pages_of(built_site, "zh-Hans")
    assert {"index.html", "about.html"} | {f"papers/{slug}.html" for slug in corpus} <= hans
    assert pages_of(built_site, "zh-Hant") == hans
    assert pages_of(built_site, "en") == hans


@pytest.mark.parametrize("variant,lang,search_label", [("zh-Hans", "zh-Hans", "搜索"), ("zh-Hant", "zh-Hant", "搜尋"),
                                                        ("en", "en", "Search")])
def test_language_and_interface_strings(built_site, variant, lang, search_label):
    for rel in pages_of(built_site, variant):
        page = soup(built_site / VARIANT_DIRS[variant] / rel)
        assert page.html["lang"] == lang, rel
        assert page.select_one(".papersite-search input.md-search__input")["placeholder"] == search_label
        nav = {el.get_text(strip=True) for el in page.select(".md-nav--primary .md-nav__link")}
        assert ("Papers" in nav) == (variant == "en"), rel  # the papers' section is named in the page's language


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_language_switcher_leads_to_the_same_page(built_site, variant):
    for rel in pages_of(built_site, variant):
        path = built_site / VARIANT_DIRS[variant] / rel
        links = {a["hreflang"]: a["href"] for a in soup(path).select("a.md-select__link")}
        assert set(links) == set(VARIANT_DIRS)
        for other, href in links.items():
            target = (path.parent / href).resolve()
            assert target == (built_site / VARIANT_DIRS[other] / rel).resolve(), (rel, other, href)


def test_zh_hant_pages_hold_no_simplified_text(built_site, to_traditional):
    """Re-converting a zh-Hant page's text must change nothing (ignoring the language menu's own name).

    Pictures (svg) are left out: get_text() runs their separate labels together into false words.
    Concordance lines are left out too: they are cut from converted paragraphs, and a cut word may not
    survive re-conversion on its own (機制作|為 -> 機製作). tests/test_concepts.py checks instead that
    every concordance line is a verbatim piece of the zh-Hant paragraph it links to. The Performance page
    is the benchmark's report, the same on every variant: it quotes the queries it timed as typed.
    """
    checked = 0
    for rel in pages_of(built_site, "zh-Hant"):
        if str(rel) == "performance.html":
            continue
        page = soup(built_site / "zh-Hant" / rel)
        for el in page.select(".md-select, [lang=zh-Hans], pre, script, .kwic, svg"):
            el.decompose()
        text = page.select_one("article").get_text()
        assert to_traditional(text) == text, rel
        checked += len(text)
    assert checked > 50_000  # the five articles and the site pages were all checked


@pytest.mark.parametrize("simplified,traditional", [
    ("发展", "發展"), ("后来", "後來"), ("里面", "裡面"), ("干部", "幹部"), ("着力", "著力"), ("面向", "面向"),
    ("台风", "颱風"), ("系统", "系統"), ("范围", "範圍"), ("制度", "制度"), ("复杂", "複雜"), ("丰富", "豐富"),
    ("历史", "歷史"), ("准确", "準確"), ("周期", "週期"),
    # found in this corpus by reviewing every word with a one-to-many character (content/zh-Hant-exceptions.txt)
    ("新型分配制度", "新型分配制度"), ("能够催生发展新质生产力", "能夠催生發展新質生產力"),
    ("为构建高标准市场体系指明了方向", "為構建高標準市場體系指明了方向"),
])
def test_words_single_character_conversion_gets_wrong(to_traditional, simplified, traditional):
    assert to_traditional(simplified) == traditional


def test_each_exception_is_still_needed(to_traditional):
    config = load_site_config(CONTENT)
    plain = traditional_converter(config.opencc, None)
    for simplified, traditional in read_exceptions(config.exceptions).items():
        # needed if OpenCC gets the word wrong, or changes it again when re-converting a zh-Hant page
        assert plain(simplified) != traditional or plain(traditional) != traditional, \
            f"{simplified}: OpenCC now gets this right; drop the exception"
        assert to_traditional(simplified) == traditional
        assert to_traditional(traditional) == traditional


def test_zh_hant_article_text_matches_the_converted_source(built_site, corpus, to_traditional):
    """The zh-Hant paragraph is exactly the zh-Hans paragraph converted (ids kept)."""
    for slug in corpus:
        hans = soup(built_site / "papers" / f"{slug}.html")
        hant = soup(built_site / "zh-Hant" / "papers" / f"{slug}.html")
        a = {p["id"]: p.get_text() for p in hans.select("p.para")}
        b = {p["id"]: p.get_text() for p in hant.select("p.para")}
        assert a.keys() == b.keys()
        for pid in a:
            assert b[pid] == to_traditional(a[pid]), (slug, pid)


# ---- the registry (papersite.variants) ---------------------------------------------------------------

def test_registry_lists_each_variant_once_with_its_own_root_and_project():
    from papersite import variants
    codes = [v.code for v in variants.VARIANTS]
    assert codes == list(variants.CODES) and len(set(codes)) == len(codes)
    roots = [v.root for v in variants.VARIANTS]
    assert len(set(roots)) == len(roots)
    assert roots.count("") == 1 and all(r == "" or (r.endswith("/") and r.count("/") == 1) for r in roots)
    for v in variants.VARIANTS:
        assert (ROOT / v.mkdocs).is_file(), v.mkdocs


def test_each_variants_mkdocs_project_names_that_variant():
    """The record and the MkDocs project agree: extra.variant, theme.language and the language links."""
    import yaml
    from papersite import variants

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    top = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    assert top["extra"]["variant_roots"] == {v.code: v.root for v in variants.VARIANTS}
    for v in variants.VARIANTS:
        own = yaml.load((ROOT / v.mkdocs).read_text(encoding="utf-8"), Loader)
        assert own["extra"]["variant"] == v.code
        assert own["theme"]["language"] == v.lang
        assert {a["lang"]: a["name"] for a in own["extra"]["alternate"]} == {w.lang: w.name for w in variants.VARIANTS}


def test_get_takes_a_code_or_a_record_and_refuses_an_unknown_code():
    from papersite import variants
    hant = variants.get("zh-Hant")
    assert variants.get(hant) is hant and hant.root == "zh-Hant/" and not hant.english
    with pytest.raises(ValueError, match="unknown variant 'fr'.*zh-Hans, zh-Hant, en"):
        variants.get("fr")


def test_converters_follow_the_record():
    from papersite import variants
    to_traditional = lambda s: "T:" + s
    assert variants.get("zh-Hant").converter(to_traditional)("发展") == "T:发展"
    assert variants.get("zh-Hans").converter(to_traditional)("发展") == "发展"
    assert variants.get("en").converter(to_traditional)("发展") == "发展"   # English pages write English fields
    assert variants.get("en").english and variants.english_variant().code == "en"
    assert variants.as_printed().code == "zh-Hans" and variants.traditional().code == "zh-Hant"
    assert [v.code for v in variants.chinese()] == ["zh-Hans", "zh-Hant"]
