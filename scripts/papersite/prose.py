"""Editors' Markdown prose (content/teaching/instructors.*.md): Markdown formatting, never HTML.

The editors write Markdown for its formatting (headings, lists, emphasis, links, code). Raw HTML is not
part of that language here: every ``<`` outside code and outside an allowed autolink is escaped, so a tag
written in the prose shows as the text it is. Attribute lists may give a heading an id or a class and
nothing else (``{: onclick=… }`` is refused), and links and images may lead only to ``http:``, ``https:``,
``mailto:`` or a relative address (``javascript:``, ``data:`` and every other scheme are refused).
Refusals are PaperErrors naming the file and line.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .errors import PaperError

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]*)>")
# Inline links and images: ](destination "title"); reference definitions: [label]: destination
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")
_ATTR_TOKEN = re.compile(r"^(#[\w\-]+|\.[\w\-]+)$")


def link_scheme_ok(url: str) -> bool:
    """True when ``url`` (as a browser will read it: entities and escapes resolved) is safe to link."""
    decoded = html.unescape(url.replace("\\", ""))
    # Browsers drop control characters and whitespace inside a scheme ("java\tscript:").
    decoded = re.sub(r"[\x00-\x20\x7f]+", "", decoded)
    m = _SCHEME.match(decoded)
    return m is None or m.group(1).lower() in SAFE_SCHEMES


def _escape_prose(segment: str) -> str:
    """``<`` escaped in a stretch of prose, except in an allowed autolink."""
    out, pos = [], 0
    for m in _AUTOLINK.finditer(segment):
        out += [segment[pos:m.start()].replace("<", "&lt;"), m.group()]
        pos = m.end()
    out.append(segment[pos:].replace("<", "&lt;"))
    return "".join(out)


def _check_line(line: str, path: Path, no: int) -> None:
    for pattern in (_INLINE_LINK, _REFERENCE):
        for m in pattern.finditer(line):
            if not link_scheme_ok(m.group(1)):
                raise PaperError(path, f"link to {m.group(1)[:40]!r}: only http:, https:, mailto: or relative "
                                 "addresses are allowed", no)
    for m in _ATTR_LIST.finditer(line):
        # Python-Markdown reads "{: …}" and "{…=…}" as attributes of the element before it.
        is_attr_list = m.group().startswith("{:") or "=" in m.group(1)
        if is_attr_list and not all(_ATTR_TOKEN.match(t) for t in m.group(1).split()):
            raise PaperError(path, f"attribute list {m.group()[:40]!r}: only #id and .class are allowed "
                             "in the editors' Markdown", no)


def safe_markdown(text: str, path: Path, keep: tuple[str, ...] = ()) -> str:
    """The editors' Markdown with raw HTML made text; bad links or attribute lists raise PaperError.

    Lines equal to one of ``keep`` (the generated parts' marker comments) pass unchanged.
    """
    out = []
    fence = None
    for no, line in enumerate(text.split("\n"), start=1):
        m = _FENCE.match(line)
        if fence:
            out.append(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        if line.strip() in keep:
            out.append(line)
            continue
        prose = _CODE_SPAN.sub("", line)
        _check_line(prose, path, no)
        pieces, pos = [], 0
        for c in _CODE_SPAN.finditer(line):
            pieces += [_escape_prose(line[pos:c.start()]), c.group()]
            pos = c.end()
        pieces.append(_escape_prose(line[pos:]))
        out.append("".join(pieces))
    return "\n".join(out)
