"""Scholarly indexing: every page's canonical link and hreflang alternates lead to its twin pages in the
other variants (absolute when site_url is set), each variant has a sitemap.xml listing its pages once
site_url is set, and every reader's page has a meta description of its own, from its own text."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, VARIANT_DIRS, all_slugs

SITE_URL = "https://example.org/course/xinzhi/"   # a sub-path, as a course server would publish it
LANGS = ("zh-Hans", "zh-Hant", "en")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    """The whole site built with a site_url (PAPERSITE_SITE_URL, read by mkdocs.yml)."""
    out = tmp_path_factory.mktemp("with-url") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PAPERSITE_SITE_URL=SITE_URL)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return out


def variant_pages(site: Path, variant: str) -> list[str]:
    """Every page of a variant, as paths inside it (the 404 page, which has no address, left out)."""
    root = site / VARIANT_DIRS[variant]
    rels = (p.relative_to(root) for p in root.rglob("*.html"))
    return sorted(r.as_posix() for r in rels if r.parts[0] not in ("zh-Hant", "en", "assets", "search")
                  and r.as_posix() != "404.html")


def links(html: str) -> tuple[list[str], dict[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    canonical = [l["href"] for l in soup.select("link[rel=canonical]")]
    alternates = {l["hreflang"]: l["href"] for l in soup.select("link[rel=alternate][hreflang]")}
    return canonical, alternates


def public(variant: str, path: str) -> str:
    return SITE_URL + (VARIANT_DIRS[variant] + "/" if VARIANT_DIRS[variant] else "") + path


def test_the_site_with_a_sub_path_url_builds_every_variant_inside_site(site_with_url):
    """Regression: the variants inherited mkdocs.yml's site_url, and Material's projects plugin, placing a
    variant at the path between its site_url and the root's, wrote zh-Hant/ and en/ beside site/."""
    for variant in LANGS:
        assert (site_with_url / VARIANT_DIRS[variant] / "papers" / f"{all_slugs()[0]}.html").is_file(), variant
    assert not (site_with_url.parent / "zh-Hant").exists() and not (site_with_url.parent / "en").exists()


@pytest.mark.parametrize("variant", LANGS)
def test_canonical_and_alternates_are_the_twin_pages_absolute(site_with_url, variant):
    pages = variant_pages(site_with_url, variant)
    assert len(pages) > 70
    for path in pages:
        canonical, alternates = links((site_with_url / VARIANT_DIRS[variant] / path).read_text(encoding="utf-8"))
        assert canonical == [public(variant, path)], path
        assert alternates == {**{lang: public(lang, path) for lang in LANGS}, "x-default": public("zh-Hans", path)}, path
        for lang in LANGS:   # the twin exists
            assert (site_with_url / VARIANT_DIRS[lang] / path).is_file(), (lang, path)


@pytest.mark.parametrize("variant", LANGS)
def test_without_site_url_the_alternates_are_relative_links_to_the_twins(built_site, variant):
    root = built_site / VARIANT_DIRS[variant]
    for path in ("index.html", f"papers/{all_slugs()[1]}.html", "concepts/common-prosperity.html", "teaching/index.html"):
        canonical, alternates = links((root / path).read_text(encoding="utf-8"))
        assert not any(h.startswith(("http:", "https:", "/")) for h in [*canonical, *alternates.values()])
        here = (root / path).as_uri()
        assert [urljoin(here, h) for h in canonical] == [here]
        for lang in LANGS:
            assert urljoin(here, alternates[lang]) == (built_site / VARIANT_DIRS[lang] / path).as_uri(), (lang, path)


@pytest.mark.parametrize("variant", LANGS)
def test_each_variant_has_a_sitemap_of_its_pages_with_their_twins(site_with_url, variant):
    root = site_with_url / VARIANT_DIRS[variant]
    tree = ET.parse(root / "sitemap.xml")
    urls = tree.getroot().findall(f"{SITEMAP}url")
    locs = [u.find(f"{SITEMAP}loc").text for u in urls]
    assert sorted(locs) == sorted(public(variant, p) for p in variant_pages(site_with_url, variant))
    for url, loc in zip(urls, locs):
        twins = {l.get("hreflang"): l.get("href") for l in url.findall(f"{XHTML}link")}
        path = loc[len(public(variant, "")):]
        assert twins == {lang: public(lang, path) for lang in LANGS}


def test_without_site_url_the_sitemap_lists_nothing(built_site):
    """A sitemap needs absolute addresses: none are known."""
    assert not ET.parse(built_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")


def _description(path: Path) -> str:
    tags = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("meta[name=description]")
    assert len(tags) == 1, path
    return tags[0]["content"]


def _words(text: str) -> str:
    return " ".join(BeautifulSoup(text, "html.parser").get_text().split())


@pytest.mark.parametrize("variant", LANGS)
def test_guides_teaching_and_index_pages_have_descriptions_from_their_own_first_lines(built_site, variant):
    root = built_site / VARIANT_DIRS[variant]
    site_description = _description(built_site / "performance.html")   # a hand-written page: the site's
    seen = {}
    for rel in [f"guides/{s}.html" for s in all_slugs()] + ["teaching/index.html", "concepts/index.html"] + \
            [p.relative_to(root).as_posix() for p in (root / "teaching").glob("*.html") if p.name != "index.html"]:
        page = root / rel
        description = _description(page)
        assert description != site_description, rel
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        lead = description.rstrip("…")
        if rel.startswith("guides/"):
            own = _words(str(soup.select_one(".guide-argument")))
        else:   # the page's first lines: its first paragraphs after the title
            own = " ".join(_words(str(p)) for p in soup.select("article h1 ~ p")[:3])
        assert lead and lead in own, (rel, description)
        seen[rel] = description
    assert len(set(seen.values())) == len(seen)
