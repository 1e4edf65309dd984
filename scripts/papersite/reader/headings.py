"""Section headings: recognised by their numbering, leveled by the numbering scheme.

Schemes (一、 （一） 1. 1.1 (1)) get levels in the order they first appear, so the hierarchy is
the same throughout a paper whatever an extractor's ``#`` marks said. A numbered line is a
heading only if it continues its scheme's sequence (二、 after 一、; （一） again after a new
一、), stands after a sentence end, and holds no full stop: ``第一，`` ``一是`` enumerations
and stray line starts such as ``二、三产`` are not headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}

SCHEMES: list[tuple[str, re.Pattern]] = [
    ("cn", re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<title>\S.*)$")),
    ("cn-paren", re.compile(r"^[（(](?P<n>[一二三四五六七八九十]{1,3})[）)]\s*(?P<title>\S.*)$")),
    ("arabic-2", re.compile(r"^(?P<major>\d{1,2})\s*[.．]\s*(?P<n>\d{1,2})(?:[.．](?!\d))?\s*(?P<title>[^\d\s%.．].*)$")),
    ("arabic", re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>[^\d\s%.．].*)$")),
    ("arabic-paren", re.compile(r"^[（(](?P<n>\d{1,2})[）)]\s*(?P<title>\S.*)$")),
]
UNNUMBERED = {"引言", "前言", "导言", "导论", "结语", "结论", "结束语", "余论", "参考文献", "注释", "附录", "致谢"}
REFERENCE_HEADINGS = {"参考文献"}


def cn_number(text: str) -> int:
    """Value of a Chinese numeral up to 99 (一 … 十 … 九十九)."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


@dataclass(frozen=True)
class HeadingMatch:
    """A line that looks like a heading: scheme, number key, printed number and title text."""
    scheme: str
    key: tuple[int, ...]
    number: str | None
    title: str


def match_heading(text: str) -> HeadingMatch | None:
    """Parse a heading-like line (number scheme or a known unnumbered heading word)."""
    compact = re.sub(r"[\s\u3000]+", "", text)
    bare = compact.rstrip("：:")
    if bare in UNNUMBERED:
        return HeadingMatch("none", (), None, bare)
    for scheme, pattern in SCHEMES:
        m = pattern.match(text.strip())
        if not m:
            continue
        n = m.group("n")
        value = cn_number(n) if scheme.startswith("cn") else int(n)
        key = (int(m.group("major")), value) if scheme == "arabic-2" else (value,)
        number = text.strip()[: m.start("title")].strip()
        return HeadingMatch(scheme, key, number, m.group("title").strip())
    return None


@dataclass
class HeadingSequence:
    """Tracks numbering across a paper: which scheme has which level and what comes next."""
    levels: dict[str, int] = field(default_factory=dict)
    last: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def accepts(self, hm: HeadingMatch) -> bool:
        """True if ``hm`` continues the numbering (without recording it)."""
        if hm.scheme == "none":
            return True
        last = self.last.get(hm.scheme)
        if hm.scheme == "arabic-2":
            major, minor = hm.key
            if last is None or last[0] != major:
                return minor == 1 and self._parent_ok(major)
            return minor == last[1] + 1
        expected = (last[0] + 1) if last else 1
        return hm.key[0] == expected

    def _parent_ok(self, major: int) -> bool:
        parent = self.last.get("arabic")
        return parent is None or parent[0] == major

    def level(self, hm: HeadingMatch) -> int:
        """Record ``hm`` and return its level (2 = top)."""
        if hm.scheme == "none":
            self._reset_below(1)
            return 2
        if hm.scheme not in self.levels:
            if hm.scheme == "arabic-2" and "arabic" in self.levels:
                self.levels[hm.scheme] = self.levels["arabic"] + 1
            else:
                self.levels[hm.scheme] = max(self.levels.values(), default=1) + 1
        level = self.levels[hm.scheme]
        self.last[hm.scheme] = hm.key
        self._reset_below(level)
        return level

    def _reset_below(self, level: int) -> None:
        for scheme, lv in self.levels.items():
            if lv > level:
                self.last.pop(scheme, None)
