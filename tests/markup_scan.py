"""Find markup in built HTML that the templates did not write: script elements, event-handler attributes,
``javascript:`` URLs, and the elements a payload of tests/poison.py tries to create."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)
# The site's own data: URLs: the citation downloads (BibTeX, RIS, CSL-JSON) and Material's inline SVG icons.
ALLOWED_DATA = re.compile(r"^data:(application/x-bibtex|application/x-research-info-systems|application/json"
                          r"|application/vnd\.citationstyles\.csl\+json|image/svg\+xml)[;,]")


@dataclass(frozen=True)
class Finding:
    """One piece of markup that should not be there."""
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


class _Scanner(HTMLParser):
    def __init__(self, path: str):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.findings: list[Finding] = []
        self.in_script = False

    def _flag(self, what: str) -> None:
        self.findings.append(Finding(self.path, self.getpos()[0], what))

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name == "title" and "<" in value:
                # Material's tooltips (content.tooltips) render a title attribute as HTML.
                self._flag(f"<{tag} title=…> holding markup, which Material's tooltip would render")
            if name.startswith("on"):
                self._flag(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRS and BAD_SCHEME.match(value) and not ALLOWED_DATA.match(value.strip()):
                self._flag(f"<{tag} {name}={value[:40]!r}> script/data URL")
        if tag == "img" and dict(attrs).get("src") == "x":
            self._flag("<img src=x> (a payload's element)")
        if tag in ("script",):
            self.in_script = True
            # JSON-LD (the paper's schema.org record) is data, never run: it may quote a payload as text, but
            # must be one JSON value with no "<" (so nothing in it can end the element: papersite.citation).
            self.json_ld = dict(attrs).get("type") == "application/ld+json"
            self.script_text = []

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            if self.in_script and getattr(self, "json_ld", False):
                self._check_json_ld("".join(self.script_text))
            self.in_script = False
            self.json_ld = False

    def _check_json_ld(self, text: str) -> None:
        import json
        if "<" in text:
            self._flag("<script type=application/ld+json> holding '<'")
        try:
            json.loads(text)
        except ValueError:
            self._flag("<script type=application/ld+json> that is not one JSON value (cut short by markup?)")

    def handle_data(self, data):
        if self.in_script and getattr(self, "json_ld", False):
            self.script_text.append(data)
        elif self.in_script and "alert(" in data:
            self._flag("<script> with a payload's alert()")


def scan_html(text: str, path: str = "<html>") -> list[Finding]:
    """Every injected element or attribute in one HTML document."""
    s = _Scanner(path)
    s.feed(text)
    s.close()
    return s.findings


def scan_site(site: Path) -> list[Finding]:
    """Every finding in every HTML file under ``site``."""
    out = []
    for f in sorted(site.rglob("*.html")):
        out += scan_html(f.read_text(encoding="utf-8"), str(f.relative_to(site)))
    return out
