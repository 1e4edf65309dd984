"""Front and back matter: title, author line, and labelled fields (摘要, 关键词, 文章编号, 作者简介 …).

Labels may be letter-spaced (``内 容 提 要``), wrapped in ``**`` or brackets, followed by a colon
or by wide spacing, and several may share one line (中图分类号 … 文献标识码 … 文章编号 …).
Back matter such as ``(作者简介：…)`` or ``(责任编辑：…)`` may stand after the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textutil import cjk_ratio, display_width, ends_sentence, join_lines
from .lines import Line

# Canonical label -> spellings. Order matters only for display.
LABELS: dict[str, tuple[str, ...]] = {
    "摘要": ("内容提要", "内容摘要", "摘要", "提要"),
    "关键词": ("关键词", "关键字"),
    "中图分类号": ("中图分类号", "中图法分类号"),
    "文献标识码": ("文献标识码",),
    "文章编号": ("文章编号",),
    "DOI": ("DOI",),
    "收稿日期": ("收稿日期",),
    "基金项目": ("基金项目",),
    "作者简介": ("作者简介",),
    "责任编辑": ("责任编辑",),
}
SINGLE_LINE = {"中图分类号", "文献标识码", "文章编号", "DOI", "收稿日期"}
RUN_ON = {"基金项目", "作者简介", "责任编辑"}


def _spelling_pattern(spelling: str) -> str:
    return r"[\s\u3000]*".join(re.escape(c) for c in spelling)


_ALL = sorted(((s, k) for k, v in LABELS.items() for s in v), key=lambda p: -len(p[0]))
_LABEL_RE = re.compile(
    r"(?:^|(?<=\s))[\(（\[【〔*\s]*(?P<label>" + "|".join(f"(?P<g{i}>{_spelling_pattern(s)})" for i, (s, _) in enumerate(_ALL)) + r")"
    r"[\s\u3000*]*(?:[】\]〕]\s*)?(?:[：:]|(?=[\s\u3000]{2,}))[\s\u3000*]*"
)


def _canonical(match: re.Match) -> str:
    for i, (_, key) in enumerate(_ALL):
        if match.group(f"g{i}"):
            return key
    raise AssertionError("unreachable")


def label_at_start(line: Line) -> str | None:
    """The canonical label a line opens with, or None."""
    m = _LABEL_RE.match(line.text)
    return _canonical(m) if m else None


def split_fields(text: str) -> list[tuple[str, str]]:
    """Split a line holding one or more labelled fields into (label, value) pairs."""
    matches = list(_LABEL_RE.finditer(text))
    out = []
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        value = text[m.end():end].strip(" \u3000*")
        out.append((_canonical(m), value))
    return out


@dataclass
class Fields:
    """What the front/back matter scan found, and which line indices it used."""
    title_lines: list[Line]
    author_line: Line | None
    fields: list[tuple[str, str, int]]  # label, value, line number
    used: set[int]
    masthead: list[Line] = None
    author_lines: list[Line] = None
    affiliations: list[Line] = None
    names: list[str] | None = None


def join_split_labels(lines: list[Line]) -> tuple[list[Line], set[int]]:
    """A label broken over lines (``摘`` … ``要：``, pdftotext) rejoined onto the line with its colon.

    Returns the lines (the second part now carries the whole label) and the indices of the
    lone first parts, which are used up.
    """
    from dataclasses import replace
    out = list(lines)
    used: set[int] = set()
    for i, line in enumerate(lines[:-1]):
        head = re.sub(r"[\s\u3000]+", "", line.text)
        if not 1 <= len(head) <= 3 or label_at_start(line):
            continue
        for j in range(i + 1, min(len(lines), i + 5)):
            candidate = head + lines[j].text.lstrip(" \u3000")
            probe = replace(lines[j], text=candidate)
            label = label_at_start(probe)
            if label and label_at_start(lines[j]) != label:
                m = _LABEL_RE.match(candidate)
                if m and len(re.sub(r"[\s\u3000（(\[【〔*]", "", m.group("label"))) > len(head):
                    out[j] = probe
                    used.add(i)
                    break
    return out, used


def scan_fields(lines: list[Line], is_heading, english_authors: str | None = None, wrapped: bool = True) -> Fields:
    """Find the title block and every labelled field; ``is_heading(line)`` stops an abstract.

    ``wrapped``: the source's lines are wrapped at a column width (False: each paragraph is one line,
    so an abstract ends at the first line that ends a sentence)."""
    lines, used = join_split_labels(lines)
    split_parts = set(used)
    fields: list[tuple[str, str, int]] = []
    i = 0
    while i < len(lines):
        if i in split_parts:
            i += 1
            continue
        line = lines[i]
        label = label_at_start(line)
        if not label or (label in ("摘要", "关键词") and i > 12 and fields == []):
            i += 1
            continue
        pairs = split_fields(line.text)
        used.add(i)
        j = i + 1
        last_label, value = pairs[-1]
        for lab, val in pairs[:-1]:
            fields.append((lab, val, line.no))
        text = value
        width = display_width(line.text)
        while j < len(lines) and j not in split_parts and _continues(last_label, text, lines[j], width, is_heading, lines[j - 1],
                                                                                 wrapped):
            text = join_lines(text, lines[j].text)
            width = max(width, display_width(lines[j].text))
            used.add(j)
            j += 1
        fields.append((last_label, _strip_wrapping(text), line.no))
        i = j
    block = title_block(lines, used - split_parts, split_parts, fields, english_authors)
    for idx in block.indices:
        used.add(idx)
    author_line = block.authors[0] if block.authors else None
    names = author_names(block.authors, fields, english_authors) if block.authors else None
    return Fields(block.title, author_line, fields, used, block.masthead, block.authors, block.affiliations, names)


def author_names(author_lines: list[Line], fields, english_authors: str | None) -> list[str] | None:
    """The Chinese names on the author lines, however the extraction broke or spaced them."""
    if len(author_lines) == 1:
        names = parse_author_line(author_lines[0].text)
        if names:
            return names
    compact = "".join(re.sub(r"[\s\u3000]+", "", l.text) for l in author_lines)
    compact = _AUTHOR_PREFIX.sub("", compact)
    bio = next((v for k, v, _ in fields if k == "作者简介"), None)
    known = names_from_bio(bio) if bio else []
    if known and "".join(known) == compact:
        return known
    if english_authors:
        counts = [len(_pinyin_names(n)) for n in re.split(r"\s*[,，;；]\s*|\s+and\s+", english_authors) if n.strip()]
        if counts and sum(counts) == len(compact):
            out, k = [], 0
            for c in counts:
                out.append(compact[k:k + c])
                k += c
            return out
    return parse_author_line("  ".join(l.text for l in author_lines))


def _strip_wrapping(text: str) -> str:
    text = text.strip(" \u3000")
    if text.endswith(("）", ")")) and not re.search(r"[（(][^（(）)]*[）)]$", text):
        text = text[:-1]  # the closing parenthesis of "(作者简介：…)"
    return text.strip()


def _continues(label: str, text: str, nxt: Line, width: float, is_heading, last: Line | None = None,
               wrapped: bool = True) -> bool:
    if label_at_start(nxt) or is_heading(nxt) or nxt.md_level:
        return False
    if label in SINGLE_LINE:
        return False
    if label == "关键词":
        return bool(re.search(r"[；;，,]$", text))
    if label in RUN_ON:  # on into Chinese text, or a Latin word or code the line broke (（AH- / SKYY2023D047）)
        return not ends_sentence(text) and (_cjk_word_ratio(nxt.text) > 0.3 or bool(
            re.search(r"[A-Za-z]-$", text) and re.match(r"[A-Za-z0-9]", nxt.text.lstrip())))
    # 摘要: one paragraph; it ends at a sentence end followed by an indent or a narrower column, or at
    # any sentence end at a line's end when each paragraph is one line.
    if ends_sentence(text) and (not wrapped or nxt.indent or display_width(nxt.text) < width - 3 or nxt.page_start
                                or (last is not None and display_width(last.text) < width - 3)):
        return False  # the paragraph ended: an indent, a narrower measure, a page, or its short last line
    return True


def _cjk_word_ratio(text: str) -> float:
    """The share of ideographs in ``text`` with each Latin word or code counted once: a line that ends a
    Chinese sentence after a grant number (究”（AHSKYY2023D047）的阶段性成果。) is Chinese text."""
    return cjk_ratio(re.sub(r"[A-Za-z0-9][A-Za-z0-9.\-]*", "a", text))


_AUTHOR_PREFIX = re.compile(r"^(?:文\s*[/／]\s*|作者\s*[：:]\s*)")


def parse_author_line(text: str) -> list[str] | None:
    """Chinese author names from an author line (``续 继  刘学良``, ``文 / 武扬波``), or None."""
    body = _AUTHOR_PREFIX.sub("", text.strip())
    parts = [p for p in re.split(r"[\s\u3000]{2,}|[，,、；;]", body) if p.strip()]
    if len(parts) == 1 and " " in parts[0]:
        candidate = _letter_spaced_pairs(parts[0].split())
        if candidate and all(2 <= len(p) <= 4 for p in candidate):
            parts = candidate
    names = [re.sub(r"[\s\u3000]", "", p) for p in parts]
    if names and all(re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", n) for n in names):
        return names
    return None


def _letter_spaced_pairs(tokens: list[str]) -> list[str] | None:
    """Names from the words of a line spaced with single spaces (an extractor's): a letter-spaced
    two-character name (续　继) comes as two one-character words, put back together; a run of an
    odd number of them cannot be read, and gives None."""
    out: list[str] = []
    run: list[str] = []
    for token in tokens + [""]:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) % 2:
            return None
        out += ["".join(run[k:k + 2]) for k in range(0, len(run), 2)]
        run = []
        if token:
            out.append(token)
    return out


@dataclass
class TitleBlock:
    """The lines above the first field: masthead, title, author names, affiliations."""
    masthead: list[Line]
    title: list[Line]
    authors: list[Line]
    affiliations: list[Line]
    indices: list[int]


_AFFILIATION = re.compile(r"^[（(].*[）)]$|大学|学院|研究院|研究所|研究中心|党校|\d{6}")


def title_block(lines: list[Line], used: set[int], skip: set[int], fields, english_authors: str | None = None) -> TitleBlock:
    """Read the lines before the first field as masthead, title, authors and affiliations.

    Masthead: everything up to the last line that reads as one (issue, ISSN, URL, a Latin
    journal name). Authors: the lines after the title that hold names, letter-spaced or not,
    one name a line or several; confirmed, when the source has them, by the 作者简介 names or
    the pinyin of the English author line. Affiliations: parenthesised or institutional lines.
    """
    from .furniture import MASTHEAD
    # a field that reads as a masthead line (a DOI printed among the journal's lines above the title) does not
    # end the lines above the fields: the title comes after it
    first_field = min((k for k in used if not masthead_like(lines[k].text)), default=None) if used else None
    head: list[int] = []
    for idx, line in enumerate(lines[:16]):
        if first_field is not None and idx >= first_field:
            break
        if idx in skip:
            continue
        if idx in used:   # such a field: part of the masthead
            head.append(idx)
            continue
        masthead_near = any(masthead_like(l.text) for l in lines[idx:idx + 3]) or _above_title(lines, idx)
        # an extractor marks the author line as a heading too (#### 续 继  刘学良, set large)
        names = line.md_level > 1 and _strong_author_line(line.text)
        if (line.md_level > 1 and not (idx < 4 and masthead_near) and not names) or ends_sentence(line.text) or \
                (display_width(line.text) > 40 and not masthead_like(line.text)):
            break
        head.append(idx)
    if first_field is None:
        head = [k for k in head if lines[k].md_level == 1][:1]
    masthead_end = 0
    for n, k in enumerate(head[:10]):
        if masthead_like(lines[k].text) or _above_title(lines, k):
            masthead_end = n + 1
    masthead = head[:masthead_end]
    rest = head[masthead_end:]
    bio = next((v for k, v, _ in fields if k == "作者简介"), None)
    known = names_from_bio(bio) if bio else []
    pinyin = _pinyin_names(english_authors)
    affiliations = []
    while rest and _AFFILIATION.search(lines[rest[-1]].text) and not parse_author_line(lines[rest[-1]].text):
        affiliations.insert(0, rest.pop())
    authors: list[int] = []
    while len(rest) > 1:
        k = rest[-1]
        if not _author_like(lines[k].text, known, pinyin, len(authors) > 0):
            break
        authors.insert(0, rest.pop())
    total = len(pinyin)
    while len(authors) > 1 and total and not known and \
            len("".join(re.sub(r"[\s\u3000]+", "", _AUTHOR_PREFIX.sub("", lines[k].text.strip())) for k in authors)) > total:
        rest.append(authors.pop(0))  # more characters than the English names have syllables
    if authors and not _names_confirmed([lines[k] for k in authors], known, pinyin) and \
            not any(_strong_author_line(lines[k].text) for k in authors):
        rest += authors
        authors = []
    title = rest
    if authors and not (known or pinyin) and any(parse_author_line(lines[k].text) and _strong_author_line(lines[k].text)
                                                 for k in title):
        title = []  # names above the author line: no title block can be told apart
    return TitleBlock([lines[k] for k in masthead], [lines[k] for k in title], [lines[k] for k in authors],
                      [lines[k] for k in affiliations], masthead + title + authors + affiliations)


def masthead_names(lines: list[Line]) -> tuple[list[str], int]:
    """The journal's names printed at the top of page 1 with its masthead (issue, volume, ISSN, DOI lines, or a
    smaller heading over a Markdown-like output's title), and the index of the first line after that block.
    A name is a short line of the block that is none of those and has no digits and no sentence end."""
    top = lines[:8]
    last = max((k for k, l in enumerate(top) if masthead_like(l.text) or _above_title(lines, k)), default=None)
    if last is None:
        return [], 0
    names = [l.text for l in top[:last + 1] if not masthead_like(l.text) and not re.search(r"\d", l.text)
             and not ends_sentence(l.text) and display_width(l.text) <= 40]
    return names, last + 1


def _above_title(lines: list[Line], idx: int) -> bool:
    """A Markdown-like output's smaller heading right above its first-level one at the top of the article: the
    journal's name set large over the title (``## 发展经济学刊`` / ``# 题名``), a masthead line."""
    return idx < 4 and lines[idx].md_level > 1 and any(l.md_level == 1 for l in lines[idx + 1:idx + 3])


def masthead_like(text: str) -> bool:
    """An issue, ISSN, CN or URL line, or a Latin journal name in capitals."""
    from .furniture import MASTHEAD
    t = text.strip()
    return bool(MASTHEAD.match(t) or re.search(r"\d{4}\s*年\s*第\s*\d+\s*期|ISSN|https?://|^DOI\s*[:：]", t, re.I) or (
        cjk_ratio(t) == 0 and t.upper() == t and re.search(r"[A-Z]{3}", t)))


def _strong_author_line(text: str) -> bool:
    """Several names, a letter-spaced name or an author prefix: a line no title looks like."""
    if _AUTHOR_PREFIX.match(text.strip()):
        return True
    names = parse_author_line(text)
    if not names:
        return False
    return len(names) > 1 or bool(re.search(r"[\u4e00-\u9fff][\s\u3000]+[\u4e00-\u9fff]", text.strip())) or len(names[0]) <= 3


def _author_like(text: str, known: list[str], pinyin: list[str], after_author: bool) -> bool:
    if _AUTHOR_PREFIX.match(text.strip()):
        return True
    compact = re.sub(r"[\s\u3000]+", "", text)
    if known or pinyin:
        return bool(compact) and _covered(compact, known, pinyin)
    if parse_author_line(text):
        return _strong_author_line(text) or after_author
    return False


def _covered(compact: str, known: list[str], pinyin: list[str]) -> bool:
    """Is every character of ``compact`` part of a known name (by 作者简介 or by pinyin)?"""
    chars = set("".join(known))
    if chars and all(c in chars for c in compact):
        return True
    if pinyin:
        readings = _readings(compact)
        return bool(readings) and all(any(r in pinyin for r in rs) for rs in readings)
    return False


def _names_confirmed(author_lines: list[Line], known: list[str], pinyin: list[str]) -> bool:
    compact = "".join(re.sub(r"[\s\u3000]+", "", _AUTHOR_PREFIX.sub("", l.text.strip())) for l in author_lines)
    return bool(known or pinyin) and _covered(compact, known, pinyin)


def _pinyin_names(english_authors: str | None) -> list[str]:
    """The syllables of the English author line (``Xu Ji, Liu Xueliang`` -> xu, ji, liu, xue, liang)."""
    if not english_authors:
        return []
    words = re.findall(r"[A-Za-z]+", english_authors.lower())
    out = []
    for w in words:
        out += _split_pinyin(w)
    return out


_INITIALS = "zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]"
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|v)(?:(?<=[aeiouv])(?:ng|n)(?![aeiouv]))?")


def _split_pinyin(word: str) -> list[str]:
    """Split a run of pinyin into syllables (greedy, enough to match names)."""
    out, k = [], 0
    while k < len(word):
        m = _SYLLABLE.match(word, k)
        if not m or not m.group(0):
            return [word]
        out.append(m.group(0))
        k = m.end()
    return out


def _readings(compact: str) -> list[list[str]]:
    """Every reading of each character (names use rarer readings: 单 shan, 解 xie)."""
    try:
        from pypinyin import Style, pinyin
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        return []
    return [[r.lower() for r in rs] for rs in pinyin(compact, style=Style.NORMAL, heteronym=True)]


def names_from_bio(bio: str) -> list[str]:
    """Author names from an 作者简介 field (``李勇坚，中国社会科学院……；张海汝，……``)."""
    names = []
    for part in re.split(r"[；;]", bio):
        m = re.match(r"\s*([\u4e00-\u9fff·]{2,5})[，,（(]", part)
        if m:
            names.append(m.group(1))
    return names
