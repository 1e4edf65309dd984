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


def scan_fields(lines: list[Line], is_heading) -> Fields:
    """Find the title block and every labelled field; ``is_heading(line)`` stops an abstract."""
    used: set[int] = set()
    fields: list[tuple[str, str, int]] = []
    i = 0
    while i < len(lines):
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
        while j < len(lines) and _continues(last_label, text, lines[j], width, is_heading):
            text = join_lines(text, lines[j].text)
            width = max(width, display_width(lines[j].text))
            used.add(j)
            j += 1
        fields.append((last_label, _strip_wrapping(text), line.no))
        i = j
    title_lines, author_line = _title_block(lines, used)
    for line in title_lines + ([author_line] if author_line else []):
        used.add(lines.index(line))
    return Fields(title_lines, author_line, fields, used)


def _strip_wrapping(text: str) -> str:
    text = text.strip(" \u3000")
    if text.endswith(("）", ")")) and not re.search(r"[（(][^（(）)]*[）)]$", text):
        text = text[:-1]  # the closing parenthesis of "(作者简介：…)"
    return text.strip()


def _continues(label: str, text: str, nxt: Line, width: float, is_heading) -> bool:
    if label_at_start(nxt) or is_heading(nxt) or nxt.md_level:
        return False
    if label in SINGLE_LINE:
        return False
    if label == "关键词":
        return bool(re.search(r"[；;，,]$", text))
    if label in RUN_ON:
        return not ends_sentence(text) and cjk_ratio(nxt.text) > 0.3
    # 摘要: one paragraph; it ends at a sentence end followed by an indent or a narrower column.
    if ends_sentence(text) and (nxt.indent or display_width(nxt.text) < width - 3 or nxt.page_start):
        return False
    return True


_AUTHOR_PREFIX = re.compile(r"^(?:文\s*[/／]\s*|作者\s*[：:]\s*)")


def parse_author_line(text: str) -> list[str] | None:
    """Chinese author names from an author line (``续 继  刘学良``, ``文 / 武扬波``), or None."""
    body = _AUTHOR_PREFIX.sub("", text.strip())
    parts = [p for p in re.split(r"[\s\u3000]{2,}|[，,、；;]", body) if p.strip()]
    if len(parts) == 1 and " " in parts[0] and all(2 <= len(p) <= 4 for p in parts[0].split()):
        candidate = parts[0].split()
        if all(len(p) >= 2 for p in candidate):
            parts = candidate
    names = [re.sub(r"[\s\u3000]", "", p) for p in parts]
    if names and all(re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", n) for n in names):
        return names
    return None


def _title_block(lines: list[Line], used: set[int]) -> tuple[list[Line], Line | None]:
    """Lines before the first field: the title, then an optional author line."""
    first_field = min(used) if used else None
    head: list[Line] = []
    for idx, line in enumerate(lines[:6]):
        if first_field is not None and idx >= first_field:
            break
        if line.md_level > 1 or ends_sentence(line.text) or display_width(line.text) > 40:
            break
        head.append(line)
    if first_field is None:
        head = [l for l in head if l.md_level == 1][:1]
    author = None
    if head and parse_author_line(head[-1].text):
        author = head.pop()
    if head and any(parse_author_line(l.text) for l in head):
        return [], None
    return head, author


def names_from_bio(bio: str) -> list[str]:
    """Author names from an 作者简介 field (``李勇坚，中国社会科学院……；张海汝，……``)."""
    names = []
    for part in re.split(r"[；;]", bio):
        m = re.match(r"\s*([\u4e00-\u9fff·]{2,5})[，,（(]", part)
        if m:
            names.append(m.group(1))
    return names
