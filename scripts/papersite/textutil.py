"""Character classes and small string helpers shared by the reader and the transforms."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Ideographs (CJK Unified, Extension A, compatibility, supplementary planes).
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Punctuation that is set full-width in Chinese text.
_WIDE_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—─·《》〈〉「」『』【】〔〕"
CJK_CHAR = f"[{_IDEOGRAPH}]"
WIDE_CHAR = f"[{_IDEOGRAPH}{_WIDE_PUNCT}]"
_CJK_RE = re.compile(CJK_CHAR)
_SPACE_RE = re.compile(r"\s")  # what str.isspace calls a space
_WIDE_RE = re.compile(WIDE_CHAR)

# Characters that end a sentence (possibly followed by closing quotes or brackets).
SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)》〉】〕]"
_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape(_CLOSERS)}]*$")


def is_cjk(ch: str) -> bool:
    """True for a Chinese ideograph."""
    return bool(_CJK_RE.match(ch))


def is_wide(ch: str) -> bool:
    """True for an ideograph or a punctuation mark set full-width in Chinese text."""
    return bool(_WIDE_RE.match(ch))


def cjk_ratio(text: str) -> float:
    """Share of the non-space characters of ``text`` that are ideographs."""
    chars = len(text) - len(_SPACE_RE.findall(text))
    return len(_CJK_RE.findall(text)) / chars if chars else 0.0


def latin_ratio(text: str) -> float:
    """Share of the non-space characters of ``text`` that are ASCII letters."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(1 for c in chars if c.isascii() and c.isalpha()) / len(chars)


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends with sentence-final punctuation (closing quotes/brackets allowed)."""
    return bool(_SENTENCE_END_RE.search(text.rstrip()))


@lru_cache(maxsize=1 << 16)   # the reader asks for the same lines' widths many times
def display_width(text: str) -> float:
    """Printed width of a line in em: ideographs and full-width marks 1, Latin 0.5, spaces 0.

    ASCII punctuation next to an ideograph counts 1 (it was printed in a full-width box); a
    space between two ideographs (letter-spacing of a justified line) counts a quarter.
    """
    width = 0.0
    chars = text.strip()
    for i, ch in enumerate(chars):
        if ch.isspace():
            # letter-spacing between Chinese characters is real width; other PDF spaces are not
            if 0 < i < len(chars) - 1 and is_cjk(chars[i - 1]) and is_cjk(chars[i + 1]):
                width += 0.25
            continue
        if is_wide(ch) or unicodedata.east_asian_width(ch) in "WF":
            width += 1
        elif not ch.isalnum() and ((i > 0 and is_cjk(chars[i - 1])) or (i + 1 < len(chars) and is_cjk(chars[i + 1]))):
            width += 1
        else:
            width += 0.5
    return width


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def word_frequency(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale: 0 unknown, 3 uncommon, 6 very common)."""
    return _zipf(word)


def _spaceless(run: str) -> bool:
    """A run of letters too long for one word that no dictionary knows: words an extractor wrote
    without the spaces between them (``industrialtrans``)."""
    return len(run) >= 16 and _zipf(run.lower()) == 0


def _word_across(first: str, second: str) -> bool:
    """In text without word spaces, does a known word run across the hyphen (``…industrialtrans-`` +
    ``formationaccelerating…``: *transformation*)? Then the hyphen only broke that word; when none
    does, two whole words meet at it (``…promotehigh-`` + ``qualitydevelopment…``) and it stays."""
    for k in range(1, min(len(first), 12) + 1):
        for m in range(1, min(len(second), 14) + 1):
            word = (first[-k:] + second[:m]).lower()
            if len(word) >= 6 and _zipf(word) >= 3.0:
                return True
    return False


def join_hyphenated(left: str, right: str) -> tuple[str, bool]:
    """Join ``left`` (ending in '-') with ``right`` across a line break.

    Returns the joined text and whether the hyphen was dropped: a line-break hyphen
    (``e-`` + ``conomy``) goes, a real compound hyphen (``employment-`` + ``friendly``) stays.
    """
    m_left = re.search(r"([A-Za-z]+)-$", left)
    m_right = re.match(r"([A-Za-z]+)", right)
    if not m_left or not m_right:
        return left + right, False
    first, second = m_left.group(1), m_right.group(1)
    if _spaceless(first) or _spaceless(second):
        return (left[:-1] + right, True) if _word_across(first, second) else (left + right, False)
    joined = (first + second).lower()
    joined_freq = _zipf(joined)
    if len(first) == 1 and joined_freq >= 2.0:  # e-conomy: a one-letter prefix is never a word part
        return left[:-1] + right, True
    if len(first) >= 2 and first.isupper() and re.match(r"[A-Z]+\d", right):
        return left[:-1] + right, True  # AH- / SKYY2023D047: a code of capitals and digits (a grant number)
    second_is_word = _zipf(second.lower()) >= 2.5 and len(second) > 3
    if joined_freq >= 2.5 and not (second_is_word and _zipf(first.lower()) >= 3.0 and joined_freq < 3.0):
        return left[:-1] + right, True
    if joined_freq >= 1.0 and _zipf(second.lower()) < 1.5:
        return left[:-1] + right, True
    if max(len(first), len(second)) >= RUN_TOGETHER and _word_across(first, second):
        return left[:-1] + right, True
    return left + right, False


RUN_TOGETHER = 12  # letters without a space: an extraction that lost the spaces between words


def join_lines(left: str, right: str) -> str:
    """Join two wrapped lines: no space between CJK text, one space between Latin words."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and re.search(r"[A-Za-z]-$", left) and re.match(r"[A-Za-z]", right):
        return join_hyphenated(left, right)[0]
    a, b = left[-1], right[0]
    if is_wide(a) or is_wide(b):
        return left + right
    return left + " " + right
