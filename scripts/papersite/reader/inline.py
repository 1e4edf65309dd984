"""Inline parsing: join a paragraph's lines and turn note markers and [n] citations into nodes."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate

from ..model import Citation, Inline, LogEntry, NoteRef, Text
from ..textutil import is_wide, join_lines
from .lines import Line
from .notes import CIRCLED, MarkerPairing, normalise_label

_SPACE_RE = re.compile(r"\s")
_GAP = re.compile(r"(?<=\S) (?=\S)")  # one space inside a line
_CITATION = re.compile(r"\[(\d{1,3})(?:\s*[-–,，、]\s*\d{1,3})*\]")


def joined_text(lines: list[Line]) -> tuple[str, list[int], list[Line]]:
    """The paragraph's text, with the offset at which each line starts (to map offsets back)."""
    text = ""
    starts: list[int] = []
    for line in lines:
        joined = join_lines(text, line.text)
        starts.append(len(joined) - len(line.text.lstrip()) if text else 0)
        text = joined
    return text, starts, lines


def _marker_pattern(labels: set[str]) -> re.Pattern | None:
    parts = []
    if any(l.startswith("(") for l in labels):
        # (1) right after a Latin letter or digit is an argument or an equation number (f(1)), not a note
        parts.append(r"(?<![A-Za-z0-9_])[（(]\d{1,2}[)）]")
        parts.append("[" + CIRCLED + "]")
    if any(l.startswith("[注") for l in labels):
        parts.append(r"[\[【〔]注\s*\d{1,2}[\]】〕]")
    if any(l.startswith("[") and not l.startswith("[注") for l in labels):
        parts.append(r"\[\d{1,2}\]")
    if any(l.endswith(")") and not l.startswith("(") for l in labels):
        parts.append(r"(?<=[\u4e00-\u9fff”》，。；、)）\]])\d{1,2}[)）]")  # 3)4): markers side by side
    letters = "".join(sorted(l for l in labels if len(l) == 1 and l.isalpha()))
    if letters:
        parts.append(r"(?<=[\u4e00-\u9fff）)”])\s?[" + letters + r"](?=[\s\u4e00-\u9fff，。；、])")
    if not parts:
        return None
    return re.compile("|".join(f"(?:{p})" for p in parts))


def lift_raised_markers(lines: list[Line], pairing: MarkerPairing) -> list[Line]:
    """A note marker pdftotext set on a line of its own before the line it belongs to (a superscript
    sits above the baseline: ``Frey`` / ``和`` / ``(1)`` / ``Osborne（2017） 的方法``) put back where it
    was printed: the next line keeps a space between two wide characters there, the gap the raised
    marker left (Chinese text has no word spaces). With no such gap the lines stay as they are."""
    pattern = _marker_pattern(pairing.labels)
    if not pattern:
        return lines
    out = list(lines)
    i = 0
    while i + 1 < len(out):
        alone, after = out[i].text.strip(), out[i + 1]
        gap = next((m for m in _GAP.finditer(after.text)
                    if is_wide(after.text[m.start() - 1]) and is_wide(after.text[m.end()])), None)
        if pattern.fullmatch(alone) and gap and after.page == out[i].page:
            out[i:i + 2] = [replace(after, text=after.text[:gap.start()] + alone + after.text[gap.end():])]
        i += 1
    return out


_LONE_MARKER = re.compile(r"\[\d{1,3}(?:\s*[-–,，、]\s*\d{1,3})*\]|[" + CIRCLED + "]")
_OPENS_ON_PUNCTUATION = re.compile(r"^[。，；、：！？]")


def restore_lifted_markers(lines: list[Line]) -> tuple[list[Line], list[LogEntry]]:
    """A raised marker pdftotext wrote as a block of its own, away from its line (a superscript ``[11]`` read
    between two columns' blocks), put back where it was printed: on its page, a line opens with the punctuation
    that followed the marker (``。劳动者始终…``; print never opens a line on it), after a line that runs on. Only
    where the page has as many such places as lone markers, each to the next in order; a marker just before
    such a line is in place already."""
    out = list(lines)
    log: list[LogEntry] = []
    for page in dict.fromkeys(l.page for l in lines):
        idx = [k for k, l in enumerate(out) if l.page == page]
        lone = [k for k in idx if _LONE_MARKER.fullmatch(out[k].text.strip())
                and not (k + 1 < len(out) and _OPENS_ON_PUNCTUATION.match(out[k + 1].text))]
        places = [k for k in idx if k and k - 1 not in lone and _OPENS_ON_PUNCTUATION.match(out[k].text)
                  and out[k - 1].page == page and not out[k - 1].ends_sentence
                  and not _LONE_MARKER.search(out[k - 1].text.rstrip()[-4:])]
        if not lone or len(lone) != len(places):
            continue
        for k, place in zip(lone, places):
            marker = out[k].text.strip()
            # before the punctuation (the line before keeps its width: a raised marker's small type takes little)
            out[place] = replace(out[place], text=marker + out[place].text)
            log.append(LogEntry("normalised", f"marker {marker} written apart (line {out[k].no}) put back before the "
                                f"punctuation opening line {out[place].no}", out[k].no))
        drop = set(lone)
        out = [l for k, l in enumerate(out) if k not in drop]
    return out, log


def parse_inlines(lines: list[Line], pairing: MarkerPairing, note_ids: list[str]) -> tuple[tuple[Inline, ...], list[LogEntry]]:
    """Inline nodes of a paragraph made of ``lines``."""
    text, starts, src = joined_text(lines)
    log: list[LogEntry] = []
    found: list[tuple[int, int, Inline]] = []
    pattern = _marker_pattern(pairing.labels)
    if pattern:
        for m in pattern.finditer(text):
            raw = m.group(0).strip()
            if raw[0] not in "(（" and raw[-1] in ")）" and _closes_parenthesis(text, m.start(), m.end()):
                continue  # （见表1）: the number's parenthesis closes one the text opened
            label = normalise_label(raw)
            line = src[max(0, bisect_right(starts, m.start()) - 1)]
            idx = pairing.pair(label, line.page)
            if idx is None:
                continue
            found.append((m.start(), m.end(), NoteRef(note_ids[idx], raw)))
    for m in _CITATION.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in found):
            continue
        found.append((m.start(), m.end(), Citation(int(m.group(1)), m.group(0))))
    found.sort(key=lambda f: f[0])
    nodes: list[Inline] = []
    pos = 0
    trimmed = 0
    for start, end, node in found:
        before = text[pos:start]
        if before.endswith(" ") and (not before.strip() or is_wide(before.rstrip()[-1:] or "a")):
            before = before.rstrip(" ")
            trimmed += 1
        if before:
            nodes.append(Text(before))
        nodes.append(node)
        pos = end
        after = text[pos:]
        if after.startswith(" ") and is_wide(after.lstrip(" ")[:1] or "a"):
            pos += len(after) - len(after.lstrip(" "))
            trimmed += 1
    if pos < len(text):
        nodes.append(Text(text[pos:]))
    if trimmed:
        log.append(LogEntry("normalised", f"removed {trimmed} PDF space(s) around note/citation markers", lines[0].no))
    return tuple(_merge_text(nodes)), log


def _closes_parenthesis(text: str, start: int, end: int, reach: int = 40) -> bool:
    """Does the closing parenthesis at ``end - 1`` close one opened before ``start`` (within the
    sentence), with no other closing parenthesis for it after?"""
    depth = 0
    for ch in reversed(text[max(0, start - reach):start]):
        if ch in "。！？":
            return False
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                break
            depth -= 1
    else:
        return False
    for ch in text[end:end + reach]:
        if ch in "(（。！？":
            return True
        if ch in ")）":
            return False
    return True


def _merge_text(nodes: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return out


def break_offsets(lines: list[Line], nodes) -> list[int]:
    """For each of ``lines`` (a paragraph's), where it begins in the text of ``nodes`` (parse_inlines's),
    in the characters :class:`~papersite.model.PageBreak` counts: whitespace and note markers left out."""
    text, starts, _ = joined_text(lines)
    # Non-space characters before each position of the text, and before each node's end (a node with no
    # such character ends the walk: what follows it is never reached).
    before = [0, *accumulate(not ch.isspace() for ch in text)]
    ends, plain_ends, refs = [0], [0], []
    for node in nodes:
        printed = node.label if isinstance(node, (NoteRef, Citation)) else node.text
        n = len(printed) - len(_SPACE_RE.findall(printed))
        if n == 0:
            break
        refs.append(isinstance(node, NoteRef))
        ends.append(ends[-1] + n)
        plain_ends.append(plain_ends[-1] + (0 if refs[-1] else n))
    out = []
    for start in starts:
        target = before[start]
        if target <= 0:
            out.append(0)
            continue
        k = bisect_right(ends, target) - 1  # nodes before k are taken whole; node k in part
        partial = target - ends[k] if k < len(refs) and not refs[k] else 0
        out.append(plain_ends[k] + partial)
    return out
