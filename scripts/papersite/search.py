"""The search index of the Chinese variants: jieba segmentation, sub-words, script-insensitivity.

Material's search plugin segments Chinese with jieba (precise mode) and marks word boundaries with
U+200B. ``reindex`` redoes that for every entry so that readers find what they type:

- corpus terms (paper key words, concept names) are single jieba words (``add_terms``);
- zh-Hant text is segmented through its Simplified form, where jieba's dictionary lives;
- an extra ``alt`` field lists, per section, the sub-words of long words (富裕 in 共同富裕, from
  jieba's search mode) and every word's form in the other script (發展 on the Simplified site,
  发展 on the Traditional one). The field is indexed but not displayed, so a query in either
  script finds the same sections, and the result text stays in the page's own script.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba

from .script import to_simplified

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
ZWSP = "\u200b"
jieba.setLogLevel(60)


def add_terms(terms) -> None:
    """Make each term a single jieba word (idempotent)."""
    for term in sorted(set(terms)):
        if term and HAN_RUN.fullmatch(term):
            jieba.add_word(term)


@lru_cache(maxsize=65536)
def _cut(run: str) -> tuple[str, ...]:
    return tuple(jieba.cut(run, HMM=False))


@lru_cache(maxsize=65536)
def _cut_for_search(run: str) -> tuple[str, ...]:
    return tuple(jieba.cut_for_search(run, HMM=False))


def segment(run: str, variant: str) -> list[str]:
    """Words of a run of Han characters; zh-Hant runs are cut where their Simplified form is cut."""
    if variant != "zh-Hant":
        return list(_cut(run))
    simple = to_simplified(run)
    if len(simple) != len(run):
        return list(_cut(run))
    words, i = [], 0
    for w in _cut(simple):
        words.append(run[i:i + len(w)])
        i += len(w)
    return words


def alternates(run: str, variant: str, to_traditional) -> set[str]:
    """Index-only words for a Han run: sub-words and the other script's forms."""
    simple = run if variant != "zh-Hant" else to_simplified(run)
    words = set(_cut_for_search(simple))
    out = words | {to_traditional(w) for w in words}
    return out - set(segment(run, variant))


def reindex(entries: list[dict], variant: str, to_traditional) -> list[dict]:
    """Re-segment Material search entries (title, text) and add the ``alt`` field."""
    if variant not in ("zh-Hans", "zh-Hant"):
        return entries
    out = []
    for entry in entries:
        entry = dict(entry)
        extra: set[str] = set()
        for field in ("title", "text"):
            value = entry.get(field)
            if not isinstance(value, str):
                continue
            value = value.replace(ZWSP, "")

            def cut(match):
                run = match.group(0)
                extra.update(alternates(run, variant, to_traditional))
                return ZWSP + ZWSP.join(segment(run, variant)) + ZWSP

            entry[field] = HAN_RUN.sub(cut, value).strip(ZWSP)
        if extra:
            entry["alt"] = " ".join(sorted(extra))
        out.append(entry)
    return out
