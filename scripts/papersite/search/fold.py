"""Folding: every character maps to exactly one character, so offsets in folded and displayed text agree.

A character is folded by, in order: the variant's Traditional -> Simplified table (built from OpenCC
for the characters of the corpus, in both directions, so 發 and 发 fold together on either site),
full-width ASCII -> ASCII, Latin letters without their accents (xīnzhì -> xinzhi), lower case, and
whitespace or ASCII punctuation -> a space. docs/assets/javascripts/search.js applies the same steps
with the same table (shipped in the manifest), so the browser folds queries as the build folded text.
"""
from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, field

SPACE_LIKE = set(string.punctuation) | set(" \t\n\r\f\v\u00a0\u200b\u3000")


@dataclass(frozen=True)
class Folder:
    """The per-character fold of one variant (``table``: Traditional or variant form -> Simplified)."""
    table: dict
    # Each character's fold, by code point, filled as characters are met (str.translate's table).
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def char(self, c: str) -> str:
        """Fold one character (always one character out)."""
        c = self.table.get(c, c)
        cp = ord(c)
        if 0xFF01 <= cp <= 0xFF5E:
            c = chr(cp - 0xFEE0)
            cp = ord(c)
        if 0xC0 <= cp <= 0x24F:
            base = unicodedata.normalize("NFD", c)[0]
            if base.isascii() and base.isalpha():
                c = base
        if "A" <= c <= "Z":
            c = c.lower()
        if c in SPACE_LIKE:
            return " "
        return c

    def fold(self, text: str) -> str:
        """Fold a text character by character (same length as ``text``)."""
        memo = self._memo
        for c in set(text):
            if ord(c) not in memo:
                memo[ord(c)] = self.char(c)
        return text.translate(memo)


def build_folder(chars, to_simplified, to_traditional) -> Folder:
    """The fold table for the characters of one variant's text: each character's Simplified form, and the
    Traditional form of every Simplified character that occurs (so a query in the other script folds too)."""
    table: dict[str, str] = {}
    for c in sorted(set(chars)):
        s = to_simplified(c)
        if len(s) == 1 and s != c:
            table[c] = s
    base = sorted({table.get(c, c) for c in set(chars)})
    for s in base:
        t = to_traditional(s)
        if len(t) == 1 and t != s and t not in table:
            table[t] = s
    # Idempotent: folding a folded character changes nothing.
    for k in sorted(table):
        v, seen = table[k], {k}
        while v in table and v not in seen:
            seen.add(v)
            v = table[v]
        table[k] = v
    return Folder({k: v for k, v in table.items() if k != v})
