"""Hanyu Pinyin with tone marks for concept terms, written by word as GB/T 16159 asks (shēngchǎn guānxì).

pypinyin picks each character's reading from its phrase dictionary (生产率 shēngchǎnlǜ, 分配 fēnpèi).
Words come from a private jieba tokenizer, so that the search terms added to jieba's shared
dictionary cannot change how a term is spelled from one build to the next.
"""
from __future__ import annotations

import functools
import unicodedata

VOWEL_START = tuple("aāáǎàoōóǒòeēéěè")


# jieba and pypinyin are imported when a term is first spelled (converting the concepts), not with the
# module: a build whose concepts are cached (papersite.corpuscache) never needs them, and they take
# longer to import than such a build's pages take to write.
class _Lexicon:
    """jieba's default dictionary as jieba reads it: each word's frequency and the sum of them all.

    jieba's own start-up turns the 349,000 words into a prefix dictionary of 498,000 entries (about a
    second of CPU, from its cache or not), and a cold build paid that to spell some sixty terms. The
    segmentation of a term looks only at the term's own substrings, so each term gets that part of
    the prefix dictionary, built here from the plain word list: the same words, frequencies and total,
    hence the same segmentation (tests/test_concepts.py compares it with jieba's full dictionary).
    """

    def __init__(self) -> None:
        import jieba
        with jieba.get_dict_file() as f:   # jieba's default dictionary: "word frequency tag" per line
            text = f.read().decode("utf-8")
        parts = text.split()
        try:
            if len(parts) % 3:
                raise ValueError
            self.total = sum(map(int, parts[1::3]))
            self.freq = dict(zip(parts[0::3], parts[1::3]))   # as text, read when used; a repeated word: the last wins, as in jieba
        except ValueError:       # not three fields on every line: read it line by line as jieba does
            self.freq, self.total = {}, 0
            for line in text.splitlines():
                if line.strip():
                    word, freq = line.strip().split(" ")[:2]
                    self.freq[word] = freq
                    self.total += int(freq)
        self.longest = max(map(len, self.freq))

    def prefix_dict(self, text: str) -> dict[str, int]:
        """jieba's prefix dictionary restricted to the substrings of text: a word's frequency, 0 for a
        substring that only begins a word found in text."""
        out: dict[str, int] = {}
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + self.longest) + 1):
                word = text[start:end]
                if word in self.freq:
                    out[word] = int(self.freq[word])
                    for size in range(1, len(word)):
                        out.setdefault(word[:size], 0)
        return out


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _tokenizer_for(term: str) -> "jieba.Tokenizer":
    """A private jieba tokenizer that knows the dictionary's words inside term (and so cuts it as the
    full dictionary would): the search terms added to jieba's shared dictionary cannot reach it."""
    import jieba
    lexicon = _lexicon()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = lexicon.prefix_dict(term), lexicon.total, True
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
    from pypinyin import Style, pinyin
    syllables = [s[0] for s in pinyin(word, style=Style.TONE, heteronym=False)]
    out = syllables[0]
    for s in syllables[1:]:
        out += ("'" if s.startswith(VOWEL_START) else "") + s  # fèn'é, not fèné
    return out


def term_pinyin(term: str) -> str:
    """The pinyin of a Chinese term, one group of syllables per word."""
    tokenizer = _tokenizer_for(term)
    words = [part for w in tokenizer.lcut(term, HMM=False) for part in _split_long(w, tokenizer.FREQ)]
    return " ".join(_spell(w) for w in words)


_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")
_FINALS = ("iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "van", "ai", "ei",
           "ao", "ou", "an", "en", "in", "un", "vn", "ia", "ie", "iu", "ua", "uo", "ui", "ve", "er", "a", "o", "e", "i",
           "u", "v")
_BARE = {"a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"}   # syllables with no initial
SYLLABLES = _BARE | {i + f for i in _INITIALS for f in _FINALS}
_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def syllables(pinyin_text: str) -> list[tuple[str, int]]:
    """Each syllable of written pinyin as (letters, tone 1–5), ü written v: chuàngxīn -> chuang 4, xin 1."""
    out: list[tuple[str, int]] = []
    for word in pinyin_text.lower().replace("'", " ").replace("’", " ").replace("-", " ").split():
        letters, tones = "", []
        for ch in unicodedata.normalize("NFD", word):
            if ch == "\u0308":
                letters = letters[:-1] + "v" if letters.endswith("u") else letters
            elif ch in _TONES:
                tones.append((len(letters), _TONES[ch]))
            elif "a" <= ch <= "z":
                letters += ch
        pieces = _segment(letters) or [letters]
        start = 0
        for piece in pieces:
            end = start + len(piece)
            tone = next((t for pos, t in tones if start < pos <= end), 5)
            out.append((piece, tone))
            start = end
    return out


@functools.lru_cache(maxsize=4096)
def _segment(letters: str) -> list[str] | None:
    """``letters`` as a sequence of pinyin syllables (longest first, backtracking), or None."""
    if not letters:
        return []
    for size in range(min(6, len(letters)), 0, -1):
        head = letters[:size]
        if head in SYLLABLES:
            rest = _segment(letters[size:])
            if rest is not None:
                return [head, *rest]
    return None


def sort_key(pinyin_text: str) -> tuple:
    """Dictionary order of pinyin, syllable by syllable: a syllable's letters, then its tone, then the next
    syllable, as Chinese dictionaries order words (传统 chuántǒng before 创新 chuàngxīn: chuan < chuang;
    第三 dìsān before 颠覆 diānfù: di < dian)."""
    return tuple(syllables(pinyin_text))
