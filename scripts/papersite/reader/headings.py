"""Section headings: recognised by their numbering, leveled by the numbering scheme.

Schemes (一、 （一） 1. 1.1 (1)) get levels in the order they first appear, so the hierarchy is
the same throughout a paper whatever an extractor's ``#`` marks said. A numbered line is a
heading only if it continues its scheme's sequence, stands after a sentence end, and holds no
full stop: ``第一，`` ``一是`` enumerations and stray line starts such as ``二、三产`` are not
headings. Under a new parent (二、) a child scheme either restarts (（一） again) or runs straight
on (（五） after （四）); the paper's own practice is learnt at the first new parent and then
held, unless paper.yml ``conversion.numbering`` declares it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}

SCHEMES: list[tuple[str, re.Pattern]] = [
    ("cn", re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})\s*[、.．]\s*(?P<title>\S.*)$")),
    ("cn-paren", re.compile(r"^[（(](?P<n>[一二三四五六七八九十]{1,3})[）)]\s*(?P<title>\S.*)$")),
    ("arabic-3", re.compile(r"^(?P<a>\d{1,2})\s*[.．]\s*(?P<major>\d{1,2})\s*[.．]\s*(?P<n>\d{1,2})(?:[.．](?!\d))?\s*"
                            r"(?P<title>[^\d\s%.．].*)$")),
    ("arabic-2", re.compile(r"^(?P<major>\d{1,2})\s*[.．]\s*(?P<n>\d{1,2})(?:[.．](?!\d))?\s*(?P<title>[^\d\s%.．].*)$")),
    # 1. / 1、 / a bare 1 before the title (renumbered journals); a number before a unit is text (5 个方面)
    ("arabic", re.compile(r"^(?P<n>\d{1,2})(?:\s*[.．、]\s*|[ \u3000]+(?=[\u4e00-\u9fff“《])(?![年月日个项种万亿倍元次名位家条亩分天周岁]))"
                          r"(?P<title>[^\d\s%.．].*)$")),
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
        if scheme == "arabic-3":
            key = (int(m.group("a")), int(m.group("major")), value)
        elif scheme == "arabic-2":
            key = (int(m.group("major")), value)
        else:
            key = (value,)
        number = text.strip()[: m.start("title")].strip()
        return HeadingMatch(scheme, key, number, m.group("title").strip())
    return None


@dataclass
class HeadingSequence:
    """Tracks numbering across a paper: which scheme has which level and what comes next.

    ``mode`` says, per scheme, whether it restarts under a new parent or ``continues``;
    ``declared`` fixes that for every scheme (paper.yml ``conversion.numbering``).
    """
    levels: dict[str, int] = field(default_factory=dict)
    last: dict[str, tuple[int, ...]] = field(default_factory=dict)
    seen: dict[str, tuple[int, ...]] = field(default_factory=dict)
    mode: dict[str, str] = field(default_factory=dict)
    declared: str | None = None

    def accepts(self, hm: HeadingMatch) -> bool:
        """True if ``hm`` continues the numbering (without recording it)."""
        return self._how(hm) is not None

    def _how(self, hm: HeadingMatch) -> str | None:
        """'next', 'restart' or 'continue' if ``hm`` fits the numbering, else None."""
        if hm.scheme == "none":
            return "next"
        last = self.last.get(hm.scheme)
        if hm.scheme in ("arabic-2", "arabic-3"):
            prefix, minor = hm.key[:-1], hm.key[-1]
            if last is None or last[:-1] != prefix:
                return "restart" if minor == 1 and self._parent_ok(hm.scheme, prefix) else None
            return "next" if minor == last[-1] + 1 else None
        if last is not None:
            return "next" if hm.key[0] == last[0] + 1 else None
        seen = self.seen.get(hm.scheme)
        mode = self.declared or self.mode.get(hm.scheme)
        if hm.key[0] == 1 and mode != "continues":
            return "restart"
        if seen is not None and hm.key[0] == seen[0] + 1 and mode != "restarts":
            return "continue"
        return None

    def _parent_ok(self, scheme: str, prefix: tuple[int, ...]) -> bool:
        parent = self.last.get("arabic" if scheme == "arabic-2" else "arabic-2")
        return parent is None or parent == prefix

    def level(self, hm: HeadingMatch) -> int:
        """Record ``hm`` and return its level (2 = top)."""
        if hm.scheme == "none":
            self._reset_below(1)
            return 2
        if hm.scheme not in self.levels:
            parent = {"arabic-2": "arabic", "arabic-3": "arabic-2"}.get(hm.scheme)
            if parent in self.levels:
                self.levels[hm.scheme] = self.levels[parent] + 1
            else:
                self.levels[hm.scheme] = max(self.levels.values(), default=1) + 1
        level = self.levels[hm.scheme]
        how = self._how(hm)
        if hm.scheme in self.seen and how in ("restart", "continue") and hm.scheme not in self.mode:
            self.mode[hm.scheme] = "continues" if how == "continue" else "restarts"
        self.last[hm.scheme] = hm.key
        self.seen[hm.scheme] = hm.key
        self._reset_below(level)
        return level

    def _reset_below(self, level: int) -> None:
        for scheme, lv in self.levels.items():
            if lv > level:
                self.last.pop(scheme, None)
