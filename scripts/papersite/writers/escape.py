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


def html_text(text: str) -> str:
    """Escape text for a raw HTML block."""
    return html.escape(text, quote=True)
