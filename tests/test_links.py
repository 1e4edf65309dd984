"""Zero broken links: every internal href and #anchor in every page of every variant resolves."""
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict = {}
    # 404.html uses root-absolute links on purpose (a server shows it for any missing path).
    pages = sorted(p for p in built_site.rglob("*.html") if p.name != "404.html")
    soups = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages}
    for p, s in soups.items():
        ids[p.resolve()] = {el["id"] for el in s.select("[id]")} | {el["name"] for el in s.select("a[name]")}
    broken, checked = [], 0
    for p, s in soups.items():
        for el in s.select("a[href], link[href], script[src], img[src]"):
            url = el.get("href") or el.get("src")
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto", "data", "javascript") or parts.netloc:
                if parts.scheme in ("http", "https") and el.name in ("link", "script", "img"):
                    broken.append((p, url, "external resource (the site must work offline)"))
                continue
            target = (p.parent / unquote(parts.path)).resolve() if parts.path else p.resolve()
            checked += 1
            if not target.exists():
                broken.append((p.relative_to(built_site), url, "missing file"))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, set()):
                broken.append((p.relative_to(built_site), url, "missing anchor"))
    assert checked > 1000
    assert not broken, broken[:20]
