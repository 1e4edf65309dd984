"""Escaping article text so that Python-Markdown renders it literally, never as markup."""
from __future__ import annotations

import html
import re

# Python-Markdown's backslash-escapable characters, plus '|' (tables extension).
_BACKSLASH = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_text(text: str) -> str:
    """Escape plain text for a Markdown inline context (paragraphs, headings, footnotes, cells)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BACKSLASH.sub(r"\\\1", text)
    # Runs of spaces at a line end or tabs could become code or hard breaks; text has no newlines.
    return re.sub(r"[\t\n\r]+", " ", text)


# Characters Markdown would read inside inline HTML (``<span>…</span>`` in a Markdown line is processed as
# Markdown), in a table row, or at a raw HTML block's end (a line break), written as character references:
# to an HTML parser they are only the characters they stand for.
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "&#92;", "`": "&#96;",
                 "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
                 "~": "&#126;", "\n": "&#10;", "\r": "&#13;"}
_HTML_SPECIAL = re.compile("[" + re.escape("".join(_HTML_ESCAPES)) + "]")
# A list, heading or admonition marker where the text would start a Markdown line.
_LINE_START = re.compile(r"^(\s*)([#+\-!=:]|\d+(?=[.)]))")


def html_text(text: str) -> str:
    """Escape text for HTML: element text, a quoted attribute value, inline HTML inside a Markdown line or a
    raw HTML block. The result is the text itself to every HTML parser, and no Markdown syntax."""
    out = _HTML_SPECIAL.sub(lambda m: _HTML_ESCAPES[m.group()], text)
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), out)


# A passage in another language inside a page: four or more Latin-script words on a Chinese page (book
# titles, authors, English quotations in the articles), or a run of Chinese on an English page.
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’.\-]*(?:[ ,:;&/()]+[A-Za-z][A-Za-z'’.\-]*){3,}")
HAN_RUN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’—…·]*[\u3400-\u9fff][\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’—…·]*")


def tag_runs(text: str, pattern: re.Pattern, lang: str, escape=html_text) -> str:
    """``text`` escaped, with every match of ``pattern`` wrapped in ``<span lang=...>`` (the text is unchanged)."""
    out, pos = [], 0
    for m in pattern.finditer(text):
        out += [escape(text[pos:m.start()]), f'<span lang="{lang}">{escape(m.group())}</span>']
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def english_in_chinese(text: str, escape=html_text) -> str:
    """Chinese-page text with its English passages tagged lang="en"."""
    return tag_runs(text, LATIN_RUN, "en", escape)


def chinese_in_english(text: str, lang: str = "zh-Hans", escape=html_text) -> str:
    """English-page text with its Chinese runs tagged (zh-Hans unless said otherwise)."""
    return tag_runs(text, HAN_RUN, lang, escape)
