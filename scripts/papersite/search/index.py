"""Passages + names -> the files the browser loads (all under search/, each a .js file that registers
itself with ``__papersiteSearch.add(name, data)``, so search also works from file://, where fetch fails).

- ``meta.js`` (first query): the shard count, the fold table, the pages (URL, title, type, first passage,
  one letter per passage for its kind), where each text chunk starts, and the names.
- ``g/<n>.js``: the posting lists of the grams whose hash is n. A gram is a folded character that is
  not a Latin letter or digit, two consecutive characters that are not both Latin letters or digits,
  or ``^`` + a prefix of a Latin word (a run of ASCII letters and digits), at the word's start: English
  matches start at a word, so each Latin word of a query is one gram (one shard request), not one per
  pair of letters. A posting list is ``Δpassage:pos,Δpos,…;…`` (deltas, so repeated texts compress well).
- ``t/<n>.js``: the displayed text, anchor and label of a run of passages of one page (~CHUNK chars),
  fetched only for the results on screen.
"""
from __future__ import annotations

import itertools
import json
import math
import operator
import re
from collections import Counter, defaultdict

from .fold import Folder
from .names import Name
from .passages import Passage

CHUNK = 1500          # characters of text per chunk
SHARD_TARGET = 6000   # bytes of posting lists per shard (before gzip)
KINDS = {"title": "t", "heading": "h", "para": "p", "note": "n", "text": "x"}
TYPES = (("papers/", "paper"), ("concepts/", "concept"), ("guides/", "guide"), ("teaching/", "teaching"))


def gram_hash(gram: str) -> int:
    """FNV-1a over the code points (search.js computes the same)."""
    h = 0x811C9DC5
    for c in gram:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h


def is_word_char(c: str) -> bool:
    return c.isascii() and c.isalnum()


WORD = re.compile("[A-Za-z0-9]+")   # a Latin word: a maximal run of is_word_char


def grams_at(folded: str):
    """(gram, position) for every gram of a folded text, kind by kind, each kind in ascending position:
    characters, pairs of characters, ^ + the prefixes of each Latin word (a gram is of one kind: one
    character, two, or ^ + letters; "^" folds to a space, so no text has it)."""
    for pos, c in enumerate(folded):
        if c != " " and not is_word_char(c):
            yield c, pos
    for pos, pair in enumerate(map(operator.add, folded, folded[1:])):
        if pair != "  " and not (pair.isascii() and pair.isalnum()):
            yield pair, pos
    for m in WORD.finditer(folded):
        word, pos = "^" + m.group(), m.start()
        for k in range(2, len(word) + 1):
            yield word[:k], pos


WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def passage_grams(folded: str) -> dict[str, list[int]]:
    """The grams of :func:`grams_at`, each with its positions in ascending order (what the index is written
    from: the same grams and positions, found in one pass over the text instead of one per kind)."""
    out: dict[str, list[int]] = defaultdict(list)
    prev, prev_word, prev_space = "", True, True   # nothing before the first character: no pair ends there
    for pos, c in enumerate(folded):
        word = c in WORD_CHARS
        space = c == " "
        if not (word or space):
            out[c].append(pos)
        # a pair is a gram unless both are spaces or both Latin letters or digits
        if pos and not (word and prev_word) and not (space and prev_space):
            out[prev + c].append(pos - 1)
        prev, prev_word, prev_space = c, word, space
    for m in WORD.finditer(folded):
        word, pos = "^" + m.group(), m.start()
        for k in range(2, len(word) + 1):
            out[word[:k]].append(pos)
    return out


def _script(name: str, data) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"__papersiteSearch.add({json.dumps(name)},{body});\n"


def page_type(url: str) -> str:
    return next((t for prefix, t in TYPES if url.startswith(prefix)), "page")


def build_index(pages: list[tuple[str, str, list[Passage]]], names: tuple[Name, ...], folder: Folder) -> dict[str, str]:
    """The search files of one variant (path under search/ -> file text), deterministic for the same input.

    ``pages``: (URL relative to the variant's root, page title, passages)."""
    pages = sorted(pages, key=lambda p: p[0])
    # gram -> [the last passage it is in, the pieces of its posting list]: passages come in order and each
    # gram's positions in a passage in ascending order, so the list is written as its occurrences are met
    # ("Δpassage:pos" for the first in a passage, ",Δpos" for the next ones).
    postings: dict[str, list] = {}
    get = postings.get
    table_pages, chunk_starts, chunks = [], [], []
    pid = 0
    fold = folder.fold
    # A passage's grams depend on its folded text only: a text found in many passages (a paragraph quoted by a
    # guide or a teaching page, the same heading on many pages) is read once, and its grams kept until its last
    # passage only.
    folded_texts = [[fold(p.text) for p in passages] for _, _, passages in pages]
    to_come = Counter(itertools.chain.from_iterable(folded_texts))
    grams_of: dict[str, dict] = {}
    for (url, title, passages), folded_passages in zip(pages, folded_texts):
        table_pages.append([url, title, page_type(url), pid, "".join(KINDS[p.kind] for p in passages)])
        size = CHUNK
        for p, folded in zip(passages, folded_passages):
            if size >= CHUNK:
                chunk_starts.append(pid)
                chunks.append({"a": [], "l": [], "x": []})
                size = 0
            chunk = chunks[-1]
            chunk["a"].append(p.anchor)
            chunk["l"].append(p.label)
            chunk["x"].append(p.text)
            size += len(p.text)
            to_come[folded] -= 1
            if not to_come[folded]:   # its last passage (or its only one)
                grams = grams_of.pop(folded, None) or passage_grams(folded)
            else:
                grams = grams_of.get(folded)
                if grams is None:
                    grams = grams_of[folded] = passage_grams(folded)
            for gram, positions in grams.items():
                st = get(gram)
                first = positions[0]
                if st is None:
                    postings[gram] = st = [pid, [f"{pid}:{first}"]]
                else:
                    st[1].append(f";{pid - st[0]}:{first}")
                    st[0] = pid
                if len(positions) > 1:
                    st[1].append("".join([f",{b - a}" for a, b in zip(positions, positions[1:])]))
            pid += 1
        if passages:
            size = CHUNK   # chunks never cross pages
    encoded = {g: "".join(st[1]) for g, st in postings.items()}
    total = sum(len(v.encode()) for v in encoded.values())
    shards = 1 << max(4, min(14, math.ceil(math.log2(max(1, total / SHARD_TARGET)))))
    sharded: dict[int, dict[str, str]] = defaultdict(dict)
    for g, v in encoded.items():
        sharded[gram_hash(g) % shards][g] = v
    url_index = {p[0]: i for i, p in enumerate(table_pages)}
    meta = {"version": 1, "shards": shards, "passages": pid,
            "fold": "".join(k + v for k, v in sorted(folder.table.items())),
            "pages": table_pages, "chunks": chunk_starts,
            "names": [[url_index[n.url], n.kind, list(n.forms)] for n in names if n.url in url_index]}
    files = {"meta.js": _script("meta", meta)}
    for n, data in sorted(sharded.items()):
        files[f"g/{n}.js"] = _script(f"g/{n}", data)
    for n, data in enumerate(chunks):
        files[f"t/{n}.js"] = _script(f"t/{n}", data)
    return files
