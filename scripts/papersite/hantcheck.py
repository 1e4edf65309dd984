"""A second opinion on the zh-Hant text: our conversion (OpenCC + content/zh-Hant-exceptions.txt) compared
with MediaWiki's zh-tw tables (zhconv-rs, a test dependency) on exactly the text the site converts.

OpenCC's one-to-many choices (注→註 in 更加注重, 只→隻 in 还是只会) come back as correct Simplified, so the
round-trip test cannot see them; a converter built on other tables can. The zh-Hant pages are built three
times in memory, identical but for the converter: with ours, with zhconv-rs's, and with none (the
Simplified the converters read). Each disagreement is named by the word around it (jieba's segmentation of
the Simplified line), so a case is reviewed once however often it occurs.

Most disagreements are acceptable Taiwan forms (平臺/平台, 著/着, 佔/占…); each is recorded, with a reason,
in content/zh-Hant-reviewed.txt. The real errors are fixed in content/zh-Hant-exceptions.txt.
tests/test_hant_review.py fails on a disagreement that is neither, and on a reviewed line that no longer
occurs. ``python3 -m papersite.hantcheck`` prints every case not yet reviewed (``--all``: every case).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from unittest import mock

from . import variants
from .errors import PaperError
from .source import read_text_file

REVIEWED_NAME = "zh-Hant-reviewed.txt"
TARGET = "zh-tw"  # MediaWiki's Taiwan variant: the standard s2tw converts to
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
QUOTES = {"“", "”", "‘", "’"}
PAGES_SHOWN = 8
CONTEXT = 8  # characters of our text shown either side of a case's example


@dataclass
class Case:
    """One distinct disagreement: the word as we convert it and as zhconv-rs does, with where it occurs."""
    ours: str
    theirs: str
    simplified: str
    pages: Counter = field(default_factory=Counter)  # zh-Hant page (src_uri) -> occurrences
    example: str = ""  # our text around the first occurrence

    @property
    def key(self) -> tuple[str, str]:
        return self.ours, self.theirs

    @property
    def count(self) -> int:
        return sum(self.pages.values())

    def describe(self) -> str:
        pages = sorted(self.pages.items(), key=lambda item: (-item[1], item[0]))
        where = ", ".join(f"{p} ×{n}" for p, n in pages[:PAGES_SHOWN])
        if len(pages) > PAGES_SHOWN:
            where += f" and {len(pages) - PAGES_SHOWN} more pages"
        return f"{self.ours}\t{self.theirs}\t(简 {self.simplified}; …{self.example}…; {where})"


@dataclass
class Comparison:
    """The whole zh-Hant text compared: every case, and how much was compared."""
    cases: dict[tuple[str, str], Case]
    han_chars: int  # Han characters of the zh-Hant pages (what the converters read, counted on every page)
    pages: int


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba
    tok = jieba.Tokenizer()  # a private dictionary: the search index's added terms must not change the cases
    tok.initialize()
    return tok


def _zhconv():
    """zhconv-rs's zh-tw conversion, the quotation marks kept: its zh-tw turns “” ‘’ into 「」『』, a
    punctuation style, not a choice of characters (our zh-Hant keeps the papers' punctuation as printed)."""
    from zhconv_rs import zhconv
    return lambda text: "".join(piece if piece in QUOTES else zhconv(piece, TARGET)
                                for piece in re.split("([“”‘’])", text))


def build_three(content: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The zh-Hant pages as the site builds them, as zhconv-rs would convert them, and unconverted."""
    from . import site
    hant = variants.traditional().code
    ours = site.build_site(content, hant).pages
    with mock.patch.object(site, "traditional_converter", lambda *a, **k: _zhconv()):
        theirs = site.build_site(content, hant).pages
    with mock.patch.object(site, "traditional_converter", lambda *a, **k: (lambda s: s)):
        plain = site.build_site(content, hant).pages
    return ours, theirs, plain


def _opcodes(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """(i, j, k, l) for each place a[i:j] and b[k:l] differ: character by character when the lengths agree
    (almost always), by difflib otherwise (zh-tw's vocabulary: 互联网 -> 網際網路)."""
    if len(a) == len(b):
        return [(i, i + 1, i, i + 1) for i in range(len(a)) if a[i] != b[i]]
    return [(i, j, k, l) for tag, i, j, k, l in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"]


def _word(s: str, i: int, j: int) -> tuple[int, int]:
    """The span of the words of s (jieba's segmentation of its run of Han characters) covering s[i:j]; a
    one-character word takes its Han neighbours along (是只会, not 只), so a case names its context."""
    if not HAN.match(s[i:i + 1]):
        return i, j
    start, end = i, j
    while start > 0 and HAN.match(s[start - 1]):
        start -= 1
    while end < len(s) and HAN.match(s[end]):
        end += 1
    lo, hi, pos = i, j, start
    for w in _tokenizer().cut(s[start:end], HMM=False):
        if pos < j and pos + len(w) > i:
            lo, hi = min(lo, pos), max(hi, pos + len(w))
        pos += len(w)
    if hi - lo == 1:
        lo, hi = max(lo - 1, start), min(hi + 1, end)
    return lo, hi


def _line_cases(a: str, z: str, s: str):
    """(ours, theirs, simplified, start in a) for each word of one line where the conversions differ.

    a (ours) and s (the Simplified) have the same length: OpenCC converts character for character."""
    ops = _opcodes(a, z)
    if not ops:
        return
    if len(s) != len(a):  # an exception of another length: the differing characters alone
        s = a
    spans = []
    for i, j, k, l in ops:
        if not any(ord(c) > 127 for c in a[i:j] + z[k:l]):
            continue  # digits and markup only: counts made from the converted text (a reading time's 字)
        at = i if i < j else max(i - 1, 0)  # an insertion belongs to the word before it
        lo, hi = _word(s, at, max(j, at + 1))
        spans.append([lo, hi])
    inserted = {i for i, j, k, l in ops if i == j}
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        # overlapping words, or words meeting where zh-tw inserts characters (互联网|平台 -> 網際網路平台), are one case
        if merged and (lo < merged[-1][1] or lo == merged[-1][1] in inserted):
            merged[-1][1] = max(hi, merged[-1][1])
        else:
            merged.append([lo, hi])
    for lo, hi in merged:
        # widen to whole differences, then find the span in z through the characters both agree on
        for i, j, k, l in ops:
            if i < hi and j > lo:
                lo, hi = min(lo, i), max(hi, j)
        yield a[lo:hi], z[_zpos(ops, lo, False):_zpos(ops, hi, True)], s[lo:hi], lo


def _zpos(ops, p: int, after: bool) -> int:
    """Where position p of a (not inside a difference) falls in z; before or after what z inserts there."""
    shift = 0
    for i, j, k, l in ops:
        if j < p or (j == p and (i < j or after)):
            shift = l - j
        elif i >= p:
            break
    return p + shift


def compare_pages(ours: dict[str, str], theirs: dict[str, str], plain: dict[str, str]) -> Comparison:
    """Every disagreement of the zh-Hant pages, grouped into cases."""
    cases: dict[tuple[str, str], Case] = {}
    han = 0
    for uri in sorted(ours):
        a_lines, z_lines, s_lines = ours[uri].splitlines(), theirs[uri].splitlines(), plain[uri].splitlines()
        if not (len(a_lines) == len(z_lines) == len(s_lines)):
            a_lines, z_lines, s_lines = [ours[uri]], [theirs[uri]], [plain[uri]]
        for a, z, s in zip(a_lines, z_lines, s_lines):
            han += len(HAN.findall(a))
            if a == z:
                continue
            for ours_w, theirs_w, simplified, at in _line_cases(a, z, s):
                case = cases.get((ours_w, theirs_w))
                if case is None:
                    case = cases[(ours_w, theirs_w)] = Case(
                        ours_w, theirs_w, simplified, example=a[max(at - CONTEXT, 0):at + len(ours_w) + CONTEXT])
                case.pages[uri] += 1
    return Comparison(cases, han, len(ours))


def compare(content: Path) -> Comparison:
    """The zh-Hant text of the site built from ``content`` against zhconv-rs's zh-tw conversion of it."""
    return compare_pages(*build_three(content))


def read_reviewed(path: Path) -> dict[tuple[str, str], tuple[str, int]]:
    """content/zh-Hant-reviewed.txt: ``ours<TAB>theirs<TAB>reason`` per line -> {(ours, theirs): (reason, line)}."""
    out: dict[tuple[str, str], tuple[str, int]] = {}
    if not Path(path).is_file():
        return out
    for number, line in enumerate(read_text_file(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise PaperError(path, "expected 'ours<TAB>zhconv-rs<TAB>reason'", number)
        key = (parts[0].strip(), parts[1].strip())
        if key in out:
            raise PaperError(path, f"{key[0]}/{key[1]} is already reviewed at line {out[key][1]}", number)
        out[key] = (parts[2].strip(), number)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m papersite.hantcheck", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content", default=str(Path(__file__).resolve().parents[2] / "content"))
    parser.add_argument("--all", action="store_true", help="list reviewed cases too")
    args = parser.parse_args(argv)
    content = Path(args.content)
    result = compare(content)
    reviewed = read_reviewed(content / REVIEWED_NAME)
    shown = [c for c in result.cases.values() if args.all or c.key not in reviewed]
    for case in sorted(shown, key=lambda c: (-c.count, c.key)):
        mark = "reviewed" if case.key in reviewed else "NEW"
        print(f"{mark}\t{case.count}\t{case.describe()}")
    stale = [k for k in reviewed if k not in result.cases]
    for k in stale:
        print(f"STALE\t{k[0]}\t{k[1]}\t(line {reviewed[k][1]}: no longer occurs)")
    occurrences = sum(c.count for c in result.cases.values())
    pages = {p for c in result.cases.values() for p in c.pages}
    print(f"# {result.han_chars} Han characters on {result.pages} zh-Hant pages; {len(result.cases)} distinct "
          f"disagreements ({occurrences} occurrences on {len(pages)} pages); "
          f"{sum(1 for c in result.cases.values() if c.key not in reviewed)} not reviewed, {len(stale)} stale",
          file=sys.stderr)
    return 1 if any(c.key not in reviewed for c in result.cases.values()) or stale else 0


if __name__ == "__main__":
    sys.exit(main())
