"""Hanyu Pinyin with tone marks for concept terms, written by word as GB/T 16159 asks (shēngchǎn guānxì).

pypinyin picks each character's reading from its phrase dictionary (生产率 shēngchǎnlǜ, 分配 fēnpèi).
Words come from a private jieba tokenizer, so that the search terms added to jieba's shared
dictionary cannot change how a term is spelled from one build to the next.
"""
from __future__ import annotations

import functools
import logging
import unicodedata

import jieba
from pypinyin import Style, pinyin

jieba.setLogLevel(logging.WARNING)
VOWEL_START = tuple("aāáǎàoōóǒòeēéěè")


@functools.lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _split_long(word: str, freq: dict) -> list[str]:
    """Four or more characters are written as their dictionary parts (生产关系 -> 生产 关系)."""
    if len(word) < 4:
        return [word]
    for size in range(len(word) - 2, 1, -1):
        head, tail = word[:size], word[size:]
        if freq.get(head) and (freq.get(tail) or len(tail) == 1):
            return [head, *_split_long(tail, freq)]
    return [word]


def _spell(word: str) -> str:
    syllables = [s[0] for s in pinyin(word, style=Style.TONE, heteronym=False)]
    out = syllables[0]
    for s in syllables[1:]:
        out += ("'" if s.startswith(VOWEL_START) else "") + s  # fèn'é, not fèné
    return out


def term_pinyin(term: str) -> str:
    """The pinyin of a Chinese term, one group of syllables per word."""
    tokenizer = _tokenizer()
    words = [part for w in tokenizer.lcut(term, HMM=False) for part in _split_long(w, tokenizer.FREQ)]
    return " ".join(_spell(w) for w in words)


def sort_key(pinyin_text: str) -> tuple:
    """Alphabetical order of pinyin: letters first (tone marks and spaces ignored), then tones."""
    plain = unicodedata.normalize("NFD", pinyin_text.lower())
    return "".join(c for c in plain if "a" <= c <= "z"), plain
