"""Candidate concepts: frequent multi-character terms of the corpus that the concept list lacks.

Terms are runs of one to three jieba words (so compounds such as 数字经济 are found whole), counted
over the papers' body paragraphs. A candidate must occur at least ``min_count`` times in at least
``min_papers`` papers. A shorter term that occurs almost only inside a longer candidate is dropped
in favour of the longer one (C-value's idea). The rank weighs how often and in how many papers a
term occurs by how rare it is in general Chinese (wordfreq's Zipf scale), so that domain terms
come before everyday words.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from wordfreq import zipf_frequency

from .model import plain_text
from .segment import tokenizer as make_tokenizer, wordfreq_chinese

HAN_WORD = re.compile(r"^[\u3400-\u9fff]+$")
# Function words and discourse glue that never start or end a term.
EDGE_STOP = set("的 了 和 与 及 或 等 是 在 对 为 以 由 将 把 被 中 上 下 其 之 而 并 也 都 就 要 从 向 于 这 那 各 每 该 此 有 无 不 能 会 可".split())


@dataclass(frozen=True)
class Candidate:
    """A suggested term with its evidence."""
    term: str
    count: int
    papers: int
    zipf: float
    score: float
    example: str    # paper slug and paragraph id of its first occurrence


def _runs(words: list[str], longest: int = 3):
    for i in range(len(words)):
        for n in range(1, longest + 1):
            run = words[i:i + n]
            if len(run) < n or not all(HAN_WORD.match(w) for w in run):
                break
            if run[0] in EDGE_STOP or run[-1] in EDGE_STOP or (n > 1 and (len(run[0]) == 1 or len(run[-1]) == 1)):
                continue
            term = "".join(run)
            if 2 <= len(term) <= 10 and (n > 1 or len(term) >= 3):
                yield term


def suggest(documents: dict, known: set[str], top: int = 40, min_count: int = 3, min_papers: int = 2) -> list[Candidate]:
    """The ``top`` candidates not among ``known`` (the concept list's terms and aliases)."""
    tokenizer = make_tokenizer()      # private: known terms are added as whole words
    wordfreq_chinese()
    for form in known:
        tokenizer.add_word(form, freq=100000)
    count, papers, first = Counter(), defaultdict(set), {}
    for slug, doc in documents.items():
        for para in doc.paragraphs():
            words = tokenizer.lcut(plain_text(para.inlines), HMM=False)
            for term in _runs(words):
                count[term] += 1
                papers[term].add(slug)
                first.setdefault(term, f"{slug} {para.id}")
    pool = {t for t, n in count.items() if n >= min_count and len(papers[t]) >= min_papers}
    # A term that occurs (almost) only inside a longer candidate is that candidate's part, not a term.
    nested = {short for short in pool for long in pool
              if short != long and short in long and count[long] >= 0.8 * count[short]}
    # Parts of known terms, and known terms with a common word attached (新质生产力发展), are covered.
    only_known = re.compile("^(?:" + "|".join(map(re.escape, sorted(known | EDGE_STOP, key=len, reverse=True))) + ")+$")
    covered = {t for t in pool if any(t in form for form in known) or only_known.match(t)
               or any(form in t and zipf_frequency(t.replace(form, "", 1), "zh") >= 4.5 for form in known)}
    out = []
    for term in pool - nested - covered:
        zipf = zipf_frequency(term, "zh")
        rarity = max(0.2, 6.0 - zipf)
        score = count[term] * len(papers[term]) * rarity
        out.append(Candidate(term, count[term], len(papers[term]), round(zipf, 2), round(score, 1), first[term]))
    out.sort(key=lambda c: (-c.score, c.term))
    return out[:top]
