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
    """The passages of an article, from the parser's events (the stdlib's HTMLParser, or :func:`_scan`,
    which gives the same events faster)."""

    def __init__(self, note_labels: tuple[str, str]):
        super().__init__(convert_charrefs=True)
        self.note_labels = note_labels
        self.stack: list[dict] = []     # open elements: tag, id, skip, block (buffer) or None
        self.blocks: list[dict] = []    # the open elements that collect text (block is not None), in order
        self.open: dict[str, int] = {}  # how many elements of each tag are open
        self.skipping = 0               # how many open elements are skipped (their text is not searchable)
        self.out: list[Passage] = []
        self.heading_id = ""
        self.heading_text = ""
        self.in_notes = 0
        self.note_numbers: dict[str, int] = {}   # a note's id (fn:n3) -> its number in the list
        self.last_dt = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skip = tag in SKIP_TAGS or "data-search-exclude" in a or bool(classes & QUIET_CLASSES) or (
            tag == "sup" and (a.get("id") or "").startswith("fnref"))
        if tag == "a" and "para-num" in classes and a.get("data-n") and self.blocks:
            self.blocks[-1]["label"] = "¶" + a["data-n"]
        if tag in VOID:
            return
        block = [] if tag in BLOCKS and not skip else None
        notes = tag == "div" and "footnote" in classes
        self.in_notes += notes
        if self.in_notes and tag == "li" and (a.get("id") or "").startswith("fn:"):
            # the number the page shows for the note (the list's own counter: the footnote-ref's number)
            self.note_numbers[a["id"]] = len(self.note_numbers) + 1
        e = {"tag": tag, "id": a.get("id") or "", "skip": skip, "block": block, "notes": notes,
             "para": "para" in classes, "label": ""}
        self.stack.append(e)
        self.open[tag] = self.open.get(tag, 0) + 1
        self.skipping += skip
        if block is not None:
            self.blocks.append(e)

    def handle_endtag(self, tag):
        if tag in VOID or not self.open.get(tag):
            return
        while self.stack:
            e = self.stack.pop()
            self.open[e["tag"]] -= 1
            self.skipping -= e["skip"]
            self.in_notes -= e["notes"]
            if e["block"] is not None:
                self.blocks.pop()
                self._emit(e)
            if e["tag"] == tag:
                break

    def handle_data(self, data):
        if not self.skipping and self.blocks:
            self.blocks[-1]["block"].append(data)

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
            number = self.note_numbers.get(anchor)
            label = self.note_labels[0] if number is None else self.note_labels[1].format(n=number)
        # A definition list's term and description read as one passage ("作者：武扬波").
        if tag == "dd" and self.last_dt is not None and self.last_dt == len(self.out) - 1:
            term = self.out.pop()
            sep = "：" if HAN.search(term.text[-1:]) else ": "
            text, anchor, label = term.text + sep + text, term.anchor, term.label
        self.last_dt = len(self.out) if tag == "dt" else None
        # A block inside another block (a <p> in an <li>) is its own passage; the outer one keeps the rest.
        self.out.append(Passage(anchor, kind, label, text))


# The tokenizer of Python 3.11's html.parser (its regular expressions, copied so that a later Python's
# changes to the module do not change the index), without its line and column bookkeeping, which is most
# of its time. It gives the handlers the events HTMLParser(convert_charrefs=True).feed() + close() gives
# for the same text; anything it does not cover (a declaration, a processing instruction, a construct cut
# off at the end) raises _Unusual, and the page is parsed by HTMLParser itself.
_STARTTAGOPEN = re.compile("<[a-zA-Z]")
_TAGFIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRFIND = re.compile(r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*")
_LOCATESTARTTAGEND = re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""", re.VERBOSE)
_ENDTAGFIND = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_COMMENTCLOSE = re.compile(r"--\s*>")
_CDATA_ELEMENTS = ("script", "style")
_ATTR_START = "abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class _Unusual(Exception):
    """Markup the fast tokenizer leaves to HTMLParser."""


def _scan(raw: str, starttag, endtag, data) -> None:
    unescape_ = html.unescape
    i, n = 0, len(raw)
    cdata = None        # the element whose content is raw text (script, style), and its end tag's pattern
    cdata_end = None
    while i < n:
        if cdata is None:
            j = raw.find("<", i)
            if j < 0:
                data(unescape_(raw[i:]))
                return
            if i < j:
                data(unescape_(raw[i:j]))
        else:
            m = cdata_end.search(raw, i)
            if not m:
                return      # unterminated raw text: HTMLParser drops it too
            j = m.start()
            if i < j:
                data(raw[i:j])
        i = j
        if _STARTTAGOPEN.match(raw, i):
            # parse_starttag / check_for_whole_start_tag
            m = _LOCATESTARTTAGEND.match(raw, i)
            j = m.end()
            nxt = raw[j:j + 1]
            if nxt == ">":
                endpos = j + 1
            elif nxt == "/":
                if not raw.startswith("/>", j):
                    raise _Unusual
                endpos = j + 2
            elif nxt == "" or nxt in _ATTR_START:
                raise _Unusual
            else:
                endpos = j if j > i else i + 1
            attrs = []
            m = _TAGFIND.match(raw, i + 1)
            k = m.end()
            tag = m.group(1).lower()
            while k < endpos:
                m = _ATTRFIND.match(raw, k)
                if not m:
                    break
                name, rest, value = m.group(1, 2, 3)
                if not rest:
                    value = None
                elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
                    value = value[1:-1]
                if value:
                    value = unescape_(value)
                attrs.append((name.lower(), value))
                k = m.end()
            end = raw[k:endpos].strip()
            if end not in (">", "/>"):
                data(raw[i:endpos])
            elif end.endswith("/>"):
                starttag(tag, attrs)
                endtag(tag)
            else:
                starttag(tag, attrs)
                if tag in _CDATA_ELEMENTS:
                    cdata, cdata_end = tag, re.compile(r"</\s*%s\s*>" % tag, re.I)
            i = endpos
        elif raw.startswith("</", i):
            # parse_endtag
            gt = raw.find(">", i + 1)
            if gt < 0:
                raise _Unusual
            gtpos = gt + 1
            m = _ENDTAGFIND.match(raw, i)
            if not m:
                if cdata is not None:
                    data(raw[i:gtpos])
                    i = gtpos
                    continue
                m = _TAGFIND.match(raw, i + 2)
                if not m:
                    if raw[i:i + 3] == "</>":
                        i += 3
                        continue
                    raise _Unusual   # a bogus comment
                gt = raw.find(">", m.end())
                endtag(m.group(1).lower())
                i = gt + 1
                continue
            elem = m.group(1).lower()
            if cdata is not None and elem != cdata:
                data(raw[i:gtpos])
                i = gtpos
                continue
            endtag(elem)
            cdata = cdata_end = None
            i = gtpos
        elif raw.startswith("<!--", i):
            m = _COMMENTCLOSE.search(raw, i + 4)
            if not m:
                raise _Unusual
            i = m.end()
        elif raw.startswith("<!", i) or raw.startswith("<?", i) or i + 1 >= n:
            raise _Unusual
        else:
            data("<")
            i += 1


# The markup MkDocs and Markdown write: start and end tags with a plain name and double-quoted (or no)
# attribute values, and comments. Where every "<" of an article begins one of these (and no script or
# style element needs its raw-text rule), _quick gives the handlers what _scan would: the text between two
# tags unescaped as one chunk, tag and attribute names in lower case, values unescaped (an attribute
# without a value reads as "", which the handlers take as they take HTMLParser's None). Anything else
# raises _Unusual and the article goes to _scan.
_TOKEN = re.compile(r'<(?:(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[ \t\n\r\f]+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)'
                    r'[ \t\n\r\f]*(/?)>|!--.*?--\s*>)', re.S)
_ATTR = re.compile(r'[ \t\n\r\f]+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')


def _quick(raw: str, starttag, endtag, data) -> None:
    unescape_ = html.unescape
    search, findall = _TOKEN.search, _ATTR.findall
    i, n = 0, len(raw)
    while i < n:
        m = search(raw, i)
        j = m.start() if m else n
        if i < j:
            text = raw[i:j]
            if "<" in text:
                raise _Unusual
            data(unescape_(text) if "&" in text else text)
        if not m:
            return
        i = m.end()
        closing, tag, spec, empty = m.groups()
        if tag is None:          # a comment
            continue
        tag = tag.lower()
        if closing:
            if empty:
                raise _Unusual
            endtag(tag)
            continue
        if tag in _CDATA_ELEMENTS:
            raise _Unusual
        attrs = [(k.lower(), unescape_(v) if "&" in v else v) for k, v in findall(spec)] if spec else []
        starttag(tag, attrs)
        if empty:
            endtag(tag)


def page_passages(page_html: str, note_labels: tuple[str, str]) -> list[Passage]:
    """The passages of a built page's article, in document order (headings before their sections).

    ``note_labels``: a note's label in the results, unnumbered and numbered (``{n}``), in the page's variant
    (its catalogue's ``search.note`` and ``search.numbered_note``)."""
    m = ARTICLE.search(page_html)
    if not m:
        return []
    article = m.group(1)
    parser = _Extractor(note_labels)
    try:
        _quick(article, parser.handle_starttag, parser.handle_endtag, parser.handle_data)
    except _Unusual:
        parser = _Extractor(note_labels)
        try:
            _scan(article, parser.handle_starttag, parser.handle_endtag, parser.handle_data)
        except _Unusual:
            parser = _Extractor(note_labels)
            parser.feed(article)
            parser.close()
    while parser.stack:
        parser.handle_endtag(parser.stack[-1]["tag"])
    return parser.out


def unescape(text: str) -> str:
    """A page title as text (MkDocs hands titles over as escaped HTML)."""
    return WHITESPACE.sub(" ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()
