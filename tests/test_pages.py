"""What readers find on the generated pages: metadata panel, citations, Highwire tags, English pages, about."""
import hashlib

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, all_slugs


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("slug", all_slugs())
def test_paper_page_metadata_and_citation(built_site, corpus, slug):
    paper = corpus[slug]
    page = soup(built_site, f"papers/{slug}.html")
    panel = page.select_one("dl.paper-meta").get_text()
    for author in paper.record.authors:
        assert author.display_zh in panel
    english = page.select_one("dl.paper-meta a[hreflang=en]")
    assert (built_site / "papers" / english["href"]).resolve() == (built_site / "en" / "papers" / f"{slug}.html").resolve()
    cite = page.select_one("#cite").find_next("p", class_="cite-gbt").get_text()
    assert paper.record.title_zh in cite
    formats = {d.summary.get_text(): d.pre.get_text() for d in page.select("details.cite-format")}
    assert formats["BibTeX"].startswith(("@article{", "@misc{")) and paper.record.title_zh in formats["BibTeX"]
    assert formats["RIS"].startswith("TY  - ") and "ER  - " in formats["RIS"]
    meta = [(m["name"], m["content"]) for m in page.select("meta[name^=citation_]")]
    assert ("citation_title", paper.record.title_zh) in meta
    # the Chinese name, or (pinyin only) "Surname, Given", so that the surname is unambiguous
    assert [c for n, c in meta if n == "citation_author"] == [
        a.name or ", ".join(a.pinyin.split(" ", 1)) for a in paper.record.authors]
    assert ("citation_language", "zh") in meta
    if paper.record.journal:
        assert ("citation_journal_title", paper.record.journal) in meta


@pytest.mark.parametrize("slug", all_slugs())
def test_english_landing_page(built_site, corpus, slug):
    paper = corpus[slug]
    page = soup(built_site, f"en/papers/{slug}.html")
    article = page.select_one("article")
    assert article.h1.get_text().rstrip("¶") == paper.record.title_en
    english = paper.document.meta.english
    if paper.record.title_en_provenance == "editor":
        assert "editors" in article.select_one(".editor-note").get_text()
    if english.abstract:
        assert article.select_one(".admonition.abstract p:not(.admonition-title)").get_text() == english.abstract
    else:
        assert "no English abstract" in article.get_text()
    for kw in english.keywords:
        assert kw in article.get_text()
    for author in paper.record.authors:
        assert author.pinyin in article.select_one("dl.paper-meta").get_text()
    assert paper.record.title_zh in article.select_one("[lang=zh-Hans]").get_text()
    links = {a["hreflang"]: a["href"] for a in article.select("a[hreflang]") if a["hreflang"].startswith("zh")}
    assert (built_site / "en/papers" / links["zh-Hans"]).resolve() == (built_site / f"papers/{slug}.html").resolve()
    assert (built_site / "en/papers" / links["zh-Hant"]).resolve() == (built_site / f"zh-Hant/papers/{slug}.html").resolve()


@pytest.mark.parametrize("rel", ["about.html", "zh-Hant/about.html", "en/about.html"])
def test_about_page_names_each_source_and_its_checksum(built_site, rel):
    text = soup(built_site, rel).select_one("article").get_text()
    for folder in sorted((CONTENT / "papers").iterdir()):
        if (folder / "source.txt").is_file():
            assert hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest() in text
    assert "OpenCC" in text


@pytest.mark.parametrize("rel", ["index.html", "zh-Hant/index.html", "en/index.html"])
def test_home_lists_every_paper_with_both_titles_and_a_summary(built_site, corpus, rel):
    article = soup(built_site, rel).select_one("article")
    text = article.get_text()
    for paper in corpus.values():
        assert paper.record.title_en in text
        href = f"papers/{paper.slug}.html"
        assert article.select_one(f'a[href="{href}"]'), href
    assert len(article.select(".summary .editor-mark")) == len(corpus)
