"""A built page's passages: each paragraph, heading, note and block of text, with its address and kind.

Read from the final HTML (the MkDocs plugin's on_post_page), so the index holds exactly what a reader sees:
the article only (no navigation), without anything marked ``data-search-exclude`` (quotation grids,
concordances, maps: they repeat the papers' text), heading permalinks, paragraph-number links or
footnote markers. Whitespace runs become one space.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "figcaption", "summary",
          "pre", "caption"}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
QUIET_CLASSES = {"headerlink", "para-num", "page-mark", "footnote-backref", "footnote-ref", "md-content__button"}
SKIP_TAGS = {"script", "style", "svg", "template", "button", "input", "select", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
WHITESPACE = re.compile(r"[\s\u200b]+")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


@dataclass(frozen=True)
class Passage:
    """One searchable block: its anchor on the page ('' = the page itself), kind, label and text."""
    anchor: str
    kind: str      # title | heading | para | note | text
    label: str     # '¶12' for a paragraph, else the heading of its section ('' for headings)
    text: str


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []     # open elements: tag, id, skip, block (buffer) or None
        self.out: list[Passage] = []
        self.heading_id = ""
        self.heading_text = ""
        self.in_notes = 0
        self.last_dt = None

    def _skipping(self) -> bool:
        return any(e["skip"] for e in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skip = tag in SKIP_TAGS or "data-search-exclude" in a or bool(classes & QUIET_CLASSES) or (
            tag == "sup" and (a.get("id") or "").startswith("fnref"))
        if tag == "a" and "para-num" in classes and a.get("data-n"):
            for e in reversed(self.stack):
                if e["block"] is not None:
                    e["label"] = "¶" + a["data-n"]
                    break
        if tag in VOID:
            return
        block = [] if tag in BLOCKS and not skip else None
        notes = tag == "div" and "footnote" in classes
        self.in_notes += notes
        self.stack.append({"tag": tag, "id": a.get("id") or "", "skip": skip, "block": block, "notes": notes,
                           "para": "para" in classes, "label": ""})

    def handle_endtag(self, tag):
        if tag in VOID or not any(e["tag"] == tag for e in self.stack):
            return
        while self.stack:
            e = self.stack.pop()
            self.in_notes -= e["notes"]
            if e["block"] is not None:
                self._emit(e)
            if e["tag"] == tag:
                break

    def handle_data(self, data):
        if self._skipping():
            return
        for e in reversed(self.stack):
            if e["block"] is not None:
                e["block"].append(data)
                return

    def _emit(self, e):
        text = WHITESPACE.sub(" ", "".join(e["block"])).strip()
        if not text:
            return
        tag = e["tag"]
        anchor = e["id"] or next((o["id"] for o in reversed(self.stack) if o["id"]), "") or self.heading_id
        if tag == "h1":
            kind, label, anchor = "title", "", ""
        elif tag in HEADINGS:
            kind, label = "heading", ""
            self.heading_id, self.heading_text = e["id"] or self.heading_id, text
        elif e["para"] and tag == "p":
            kind, label = "para", e["label"]
        elif self.in_notes:
            kind, label = "note", ""
        else:
            kind, label = "text", self.heading_text[:40]
        if kind == "note":
            label = "注" if not anchor.startswith("fn:") else "注 " + anchor[3:]
        # A definition list's term and description read as one passage ("作者：武扬波").
        if tag == "dd" and self.last_dt is not None and self.last_dt == len(self.out) - 1:
            term = self.out.pop()
            sep = "：" if HAN.search(term.text[-1:]) else ": "
            text, anchor, label = term.text + sep + text, term.anchor, term.label
        self.last_dt = len(self.out) if tag == "dt" else None
        # A block inside another block (a <p> in an <li>) is its own passage; the outer one keeps the rest.
        self.out.append(Passage(anchor, kind, label, text))


def page_passages(page_html: str) -> list[Passage]:
    """The passages of a built page's article, in document order (headings before their sections)."""
    m = ARTICLE.search(page_html)
    if not m:
        return []
    parser = _Extractor()
    parser.feed(m.group(1))
    parser.close()
    while parser.stack:
        parser.handle_endtag(parser.stack[-1]["tag"])
    return parser.out


def unescape(text: str) -> str:
    """A page title as text (MkDocs hands titles over as escaped HTML)."""
    return WHITESPACE.sub(" ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()
