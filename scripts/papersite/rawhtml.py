"""Raw HTML blocks set aside before Python-Markdown parses the page's HTML: the same page, parsed once less.

The generated pages are mostly HTML blocks (a concept page's concordance, the reading lists, the
metadata lists). Python-Markdown finds them by running its HTML parser over the whole page (the
``html_block`` preprocessor, md_in_html's), and MkDocs runs another HTML parser over the whole page for
its anchors (``mkdocs_raw_html``): pure-Python parsers, most of a large page's rendering time. Both only
look for blocks of HTML and their ids; a block that is plainly one whole HTML block (its own paragraph,
opening with a block-level tag at the start of the line, closed by its last tag, nothing in it the parser
treats specially) comes out of them as itself. :class:`RawBlocks` stores such blocks in the Markdown
instance's stash first, exactly as ``html_block`` would (the text around them is what it would leave), and
gives MkDocs the ids in them, which it would have found. A paragraph of Markdown with inline tags only (a
paper's paragraph with its ¶ link and concept links) comes out of ``html_block`` as it went in: it is
hidden from the parsers behind one line and put back after them, its ids given to MkDocs too. Anything
not plainly one or the other (a ``markdown`` attribute, a comment, a script, an entity written without its
semicolon, an unbalanced tag, text after the last tag) is left to the parsers, and so is the rest of a page
after anything that could begin a raw block. tests/test_rawhtml.py renders every page of the site both
ways.
"""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.htmlparser import htmlparser
from markdown.preprocessors import Preprocessor

# A start or end tag as the HTML parser reads one in well-formed HTML (quoted attribute values may hold '>';
# written as runs of plain characters between quoted values, so that a tag without its '>' fails at once).
TAG = re.compile(r"""<(/?)([a-zA-Z][^\t\n\r\f />\x00`]*)([^>"'`<]*(?:(?:"[^"<`]*"|'[^'<`]*')[^>"'`<]*)*)>""")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
# What the parsers treat specially besides what UNSETTLING names: md_in_html's attribute, backticks
# (Python-Markdown's tag patterns refuse them), the stash's own placeholders. A chunk holding any is theirs.
SPECIAL = re.compile(r"markdown|`|\x02|\x03", re.IGNORECASE)
# Elements whose text some Python versions' parser reads as text only (escapable raw text): the same when it
# holds no '<'.
TEXT_ONLY = re.compile(r"<(title|textarea)\b", re.IGNORECASE)
TEXT_ONLY_PLAIN = re.compile(r"<(title|textarea)\b[^>]*>[^<]*</\1\s*>", re.IGNORECASE)
# A line that may begin a raw block: a block-level tag (or a comment, a declaration) at its start.
LINE_TAG = re.compile(r" {0,3}<(?:[!?]|/?([a-zA-Z][^\t\n\r\f />\x00`]*))")
# What changes how the parsers read everything after it (a comment, a declaration, a text element).
UNSETTLING = re.compile(r"<[!?]|<(?:script|style|xmp|iframe|noembed|noframes|noscript|plaintext)\b", re.IGNORECASE)
ID_ATTR = re.compile(r"\b(?:id|name)\s*=", re.IGNORECASE)


def _text_only_plain(text: str) -> bool:
    return len(TEXT_ONLY.findall(text)) == len(TEXT_ONLY_PLAIN.findall(text))


def _one_block(tags: list, text: str, block_level) -> bool:
    """Whether ``text`` (every '<' in it one of ``tags``, as TAG.findall gives them, nothing unsettling) is
    one whole HTML block as Python-Markdown's HTML extractor reads it: its first tag block-level at its
    start, every '&' an entity, and the extractor's stack of open tags empty at the last tag, which ends
    it, and not before."""
    if not text.startswith("<") or not text.endswith(">") or text.count("&") != len(ENTITY.findall(text)):
        return False
    last = TAG.match(text, text.rfind("<"))
    if last is None or last.end() != len(text):
        return False
    closing, name, _ = tags[0]
    # hr: an empty tag to the extractor, never pushed on its stack (md_in_html's and its own)
    if closing or name.lower() == "hr" or not block_level(name.lower()):
        return False
    stack: list[str] = []
    for i, (closing, name, attrs) in enumerate(tags):
        name = name.lower()
        if not closing:
            # <br/> and <hr> are not pushed; <br> is (and popped with the element it is in)
            if not attrs.rstrip().endswith("/") and name != "hr":
                stack.append(name)
        elif name in stack:
            while stack.pop() != name:
                pass
            if not stack:
                return i == len(tags) - 1
    return False


def _may_begin_block(line: str, block_level) -> bool:
    m = LINE_TAG.match(line)
    return bool(m) and (m.group(1) is None or block_level(m.group(1).lower()))


class _Ids(htmlparser.HTMLParser):
    """The ids MkDocs' own parser takes from start tags (mkdocs.structure.pages._HTMLHandler)."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" or (k == "name" and tag == "a"):
                self.ids.add(v)


class _SetAside(Preprocessor):
    """Store each plain HTML block in the stash, as ``html_block`` would; keep its ids for MkDocs."""

    def __init__(self, md):
        super().__init__(md)
        self.ids: set[str] = set()
        self.hidden: dict[str, list[str]] = {}   # token -> the lines it stands for
        self.stashed = 0                          # blocks stored in the stash

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        tagged: list[str] = []   # the set-aside tags with an id (or a name)
        i, n = 0, len(lines)
        block_level = self.md.is_block_level
        clean = True   # nothing so far that could begin a raw block: the extractor reads the next line afresh
        while i < n:
            if not clean:
                out += lines[i:]
                break
            if not lines[i].strip():
                out.append(lines[i])
                i += 1
                continue
            j = i
            while j < n and lines[j].strip():
                j += 1
            chunk = lines[i:j]
            text = "\n".join(chunk)
            lt = text.count("<")
            if not lt:   # no tags: the extractor passes it on
                out += chunk
                i = j
                continue
            tags = TAG.findall(text)
            if lt != len(tags) or UNSETTLING.search(text) or not _text_only_plain(text):
                clean = False   # a '<' that is no tag, a comment, a text element: the parsers read the rest
                continue
            settled = not SPECIAL.search(text)
            if any(_may_begin_block(line, block_level) for line in chunk):
                # Its own paragraph, with a blank line after it and more text after that (the extractor keeps
                # the newline after a block only when a blank line follows it).
                if (settled and i > 0 and j + 1 < n and not lines[j].strip(" ") and lines[i - 1].strip(" ") == ""
                        and _one_block(tags, text, block_level)):
                    # What html_block leaves in place of a raw block: a newline before its placeholder, a
                    # blank line after it, and the newline and blank line that followed its last tag.
                    out += ["", self.md.htmlStash.store(text + "\n"), "", "", ""]
                    self.stashed += 1
                    i = j + 1   # the blank line after it is in what was put in its place
                else:
                    clean = False   # a raw block may begin here
                    continue
            elif settled and text.count("&") == len(ENTITY.findall(text)):
                # Markdown with inline tags only: the extractor gives it back as it is. Hidden from the parsers
                # behind one line, put back once they are done (_PutBack).
                token = f"\x02papersite-text:{len(self.hidden)}\x03"
                self.hidden[token] = chunk
                out.append(token)
                i = j
            else:
                out += chunk
                i = j
                continue
            for closing, name, attrs in tags:
                if "=" in attrs and ("id" in attrs.lower() or "name" in attrs.lower()) and ID_ATTR.search(attrs):
                    tagged.append(f"<{closing}{name}{attrs}>")
        ids = _Ids()
        ids.feed("".join(tagged))
        ids.close()
        self.ids = ids.ids
        return out


class _AfterAside(Preprocessor):
    """A later step that reads what :class:`_SetAside` kept."""

    def __init__(self, md, aside: _SetAside):
        super().__init__(md)
        self.aside = aside


class _GiveIds(_AfterAside):
    """Add the set-aside blocks' ids to those MkDocs' own parser found in the rest of the page."""

    def run(self, lines: list[str]) -> list[str]:
        if "mkdocs_raw_html" in self.md.preprocessors:
            self.md.preprocessors["mkdocs_raw_html"].present_anchor_ids |= self.aside.ids
        return lines


class _PutBack(_AfterAside):
    """After html_block: the hidden Markdown where its tokens stand."""

    def run(self, lines: list[str]) -> list[str]:
        hidden = self.aside.hidden
        if not hidden:
            return lines
        out: list[str] = []
        for line in lines:
            chunk = hidden.get(line) if line.startswith("\x02papersite-text:") else None
            if chunk is None:
                out.append(line)
            else:
                out += chunk
        return out


class RawBlocks(Extension):
    """The Markdown extension (added by the papersite plugin to every variant's project)."""

    def extendMarkdown(self, md):
        aside = _SetAside(md)
        # After normalize_whitespace (30) and the snippets (32), before MkDocs' anchors (21) and html_block (20).
        md.preprocessors.register(aside, "papersite_raw_blocks", 25)
        md.preprocessors.register(_GiveIds(md, aside), "papersite_raw_block_ids", 20.5)
        md.preprocessors.register(_PutBack(md, aside), "papersite_hidden_text", 19)

    def __repr__(self) -> str:   # the same in every rebuild (papersite.serving.RenderMemo compares the settings)
        return "papersite.rawhtml.RawBlocks()"
