"""The declared normalisations (listed on the site's "About this edition" page).

- PDF letter-spacing: spaces (also no-break, thin and hair spaces) between two Chinese characters or marks are removed.
- Punctuation width: half-width , ; : ? ! ( ) in Chinese text become full-width (GB/T 15834).
- Broken decimals: a space after a decimal point between digits is removed (19. 0% -> 19.0%).
- English punctuation: full-width ， ； in English metadata become , ;.
"""
from __future__ import annotations

import re

from ..model import Document, LogEntry
from ..textutil import CJK_CHAR, WIDE_CHAR
from .textmap import map_chinese_text, map_english_meta

_SPACE_IN_CJK = re.compile(f"(?<={WIDE_CHAR})[ \u00a0\u2000-\u200b\u3000]+(?={WIDE_CHAR})")
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_HALF_PUNCT = re.compile(r"[,;:?!]")
_DECIMAL = re.compile(r"(?<=\d\.) +(?=\d)")
_CJK = re.compile(CJK_CHAR)
_WIDE = re.compile(WIDE_CHAR)


def cjk_spacing(text: str) -> tuple[str, int]:
    """Remove spaces between Chinese characters/marks."""
    return _SPACE_IN_CJK.subn("", text)


def punctuation_width(text: str) -> tuple[str, int]:
    """Half-width punctuation touching Chinese text -> full-width; parentheses by pairs."""
    count = 0
    chars = list(text)
    for m in _HALF_PUNCT.finditer(text):
        i = m.start()
        before = text[:i].rstrip(" ")[-1:]
        after = text[i + 1:].lstrip(" ")[:1]
        if before.isdigit() and after.isdigit():
            continue  # 1,000  10:30
        if (before and _WIDE.match(before)) or (after and _CJK.match(after) and not (before and before.isascii() and before.isalnum())):
            chars[i] = _HALF[m.group(0)]
            count += 1
    text = "".join(chars)
    text, n = _paren_pairs(text)
    count += n
    # a space left between a now full-width mark and Chinese text is PDF spacing as well
    text, n2 = _SPACE_IN_CJK.subn("", text)
    return text, count


def _paren_pairs(text: str) -> tuple[str, int]:
    chars = list(text)
    stack: list[int] = []
    count = 0
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            inner = text[j + 1:i]
            before = text[:j].rstrip(" ")[-1:]
            after = text[i + 1:].lstrip(" ")[:1]
            if _CJK.search(inner) or (before and _WIDE.match(before)) or (after and _CJK.match(after)):
                chars[j], chars[i] = "（", "）"
                count += 1
    return "".join(chars), count


def decimals(text: str) -> tuple[str, int]:
    """19. 0% -> 19.0%."""
    return _DECIMAL.subn("", text)


def english_punctuation(text: str) -> tuple[str, int]:
    """Full-width comma/semicolon in English text -> half-width with one following space."""
    out, n = re.subn(r"\s*([，；])\s*", lambda m: {"，": ", ", "；": "; "}[m.group(1)], text)
    return out.strip(), n


def _stage(name: str, fn, mapper):
    def transform(doc: Document) -> Document:
        doc, n = mapper(doc, fn)
        return doc.with_log(LogEntry("normalised", f"{name}: {n} change(s)")) if n else doc
    transform.__name__ = fn.__name__
    transform.__doc__ = f"Declared normalisation: {name}."
    return transform


normalise_cjk_spacing = _stage("spaces inside Chinese text removed", cjk_spacing, map_chinese_text)
normalise_punctuation_width = _stage("half-width punctuation in Chinese text made full-width", punctuation_width, map_chinese_text)
normalise_decimals = _stage("broken decimals joined", decimals, map_chinese_text)
normalise_english_punctuation = _stage("full-width punctuation in English metadata made half-width", english_punctuation, map_english_meta)
