"""Integration: `mkdocs build --strict` of the real site; pages carry title, abstract, notes; anchors resolve."""
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, all_slugs


@pytest.fixture(scope="module")
def site(built_site):
    return built_site


@pytest.mark.parametrize("slug", all_slugs())
def test_paper_page(site, corpus, slug):
    html = (site / "papers" / f"{slug}.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    paper = corpus[slug]
    assert article.h1.get_text().rstrip("¶") == paper.record.title_zh
    if paper.document.meta.abstract:
        assert paper.document.meta.abstract[:30] in article.select_one(".admonition.abstract").get_text()
    ids = {el["id"] for el in soup.select("[id]")}
    for a in article.select('a[href^="#"]'):
        assert a["href"][1:] in ids, f"broken anchor {a['href']}"
    paragraphs = article.select("p.para")
    assert [p["id"] for p in paragraphs] == [p.id for p in paper.document.paragraphs()]
    notes = article.select(".footnote li")
    assert len(notes) == len(paper.document.notes)
    if paper.record.title_zh_provenance == "editor":
        assert article.select_one(".editor-note")


def test_proofs_are_never_published(site):
    """The proof pages are for editors under `mkdocs serve` (test_serve): `mkdocs build` writes none, and no
    built page, sitemap or search file mentions them."""
    assert not list(site.rglob("proof"))
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml") or path.suffix == ".js" and "search" in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "proof/" not in text and "papersite-serve-proof" not in text, path
