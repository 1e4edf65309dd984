"""An English-only reader's paper page: besides the title, abstract and key words, the paper's outline
under the editors' English headings with each section's ¶ range, the key concepts with their English
renderings linked to the English concept pages, and the English reading guide; every Chinese word on
it is marked as Chinese (lang="zh-Hans")."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import all_slugs
from papersite.teaching import guide_heading, load_guide

HAN = re.compile(r"[\u3400-\u9fff]")


def page(built_site, slug):
    path = built_site / "en" / "papers" / f"{slug}.html"
    return path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def section_list(built_site, slug, section: str, list_class: str):
    """The English paper page (path, parsed) and the items of the list under its section heading ``h2#section``."""
    path, soup = page(built_site, slug)
    heading = soup.select_one(f"h2#{section}")
    assert heading is not None, section
    return path, soup, heading.find_next("ul", class_=list_class).select("li")


def target(path: Path, href: str) -> tuple[Path, str]:
    url = urlparse(urljoin(path.as_uri(), href))
    return Path(url.path), url.fragment


@pytest.mark.parametrize("slug", all_slugs())
def test_english_paper_page_outlines_the_sections_with_english_headings_and_paragraph_ranges(built_site, corpus, slug):
    path, _, items = section_list(built_site, slug, "outline", "guide-structure")
    doc = corpus[slug].document
    headings = doc.headings()
    guide = load_guide(Path(corpus[slug].record.path).parent)
    assert len(items) in (len(headings), len(headings) + 1)   # (an untitled opening first)
    items = items[len(items) - len(headings):]
    chinese_page = built_site / "papers" / f"{slug}.html"
    chinese = BeautifulSoup(chinese_page.read_text(encoding="utf-8"), "html.parser")
    for heading, li in zip(headings, items):
        a = li.find("a")
        line = guide_heading(guide, heading) if guide else None
        if line:
            assert a.get_text(" ", strip=True).startswith(line.title_en), heading.label
        assert li.select_one("[lang=zh-Hans]").get_text() == heading.label
        where, anchor = target(path, a["href"])
        assert where == chinese_page and chinese.find(id=anchor) is not None
        span = li.select_one(".guide-span").get_text()
        numbers = re.findall(r"¶([\d.]+)", span)
        assert numbers, span
        following = chinese.find(id=anchor).find_all_next("a", class_="para-num", limit=1)
        assert following and following[0]["data-n"] == numbers[0]


@pytest.mark.parametrize("slug", all_slugs())
def test_english_paper_page_lists_key_concepts_with_english_renderings_and_links(built_site, corpus, slug):
    path, soup, entries = section_list(built_site, slug, "key-concepts", "guide-concepts")
    assert len(entries) >= 3
    for li in entries:
        a = li.find("a")
        where, _ = target(path, a["href"])
        assert where.parent == built_site / "en" / "concepts" and where.is_file()
        concept = BeautifulSoup(where.read_text(encoding="utf-8"), "html.parser")
        term = concept.h1.get_text().rstrip("¶").strip()
        zh = a.select_one("[lang=zh-Hans]").get_text()
        assert a.get_text(" ", strip=True) == f"{term} {zh}"
        assert HAN.search(zh) and not HAN.search(term)
    guide = [a for a in soup.select("article a[href]") if a["href"].endswith(f"guides/{slug}.html")]
    assert guide and target(path, guide[0]["href"])[0] == built_site / "en" / "guides" / f"{slug}.html"


@pytest.mark.parametrize("slug", all_slugs())
def test_chinese_on_the_english_page_is_marked_as_chinese(built_site, slug):
    _, soup = page(built_site, slug)
    article = soup.select_one("article")
    unmarked = []
    for text in article.find_all(string=HAN):
        holder = text.find_parent(attrs={"lang": True})
        if holder is None or not holder["lang"].startswith("zh"):
            unmarked.append(text.strip()[:30])
    assert not unmarked, unmarked
