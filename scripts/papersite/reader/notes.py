"""Per-page footnotes: find note definitions, lift them out of the text flow, pair body markers.

Journals print notes at the foot of each page and restart their numbering on every page,
with markers such as (1) (2) ④ ⑤ or a letter (A). The extraction leaves each block of notes
where the page ended, often in the middle of a sentence. A note is recognised by its label at
the start of a line followed by citation-like content; it runs on over wrapped lines until it
ends with a full stop. Markers in the body are paired with a note of the same label on the same
page (or the nearest page), never with a note of another label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LogEntry
from .lines import Line

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_DEF = re.compile(
    r"^(?P<label>\(\d{1,2}\)|（\d{1,2}）|[" + CIRCLED + r"]|[A-Z](?=\s{2,}|\s*注[：:]))\s*(?P<rest>.*)$"
)
# What a citation or an editor's note looks like.
_CITATION_HINT = re.compile(
    r"《|》|et al|\b(1[89]|20)\d{2}\b|第\s*\d+\s*期|[A-Z]\.\s?[A-Z]?[a-z]|^注[：:]|Journal|Review|Press|出版社|\d+\s*[-–]\s*\d+"
)


@dataclass(frozen=True)
class RawNote:
    """A note definition as found: normalised label, text lines, page and first line number."""
    label: str
    lines: tuple[Line, ...]
    page: int

    @property
    def line(self) -> int:
        """Source line number of the note's first line."""
        return self.lines[0].no


def normalise_label(label: str) -> str:
    """Canonical form of a marker: (1) and （1） are the same label."""
    m = re.fullmatch(r"[（(](\d+)[)）]", label)
    if m:
        return f"({int(m.group(1))})"
    if label in CIRCLED:
        return f"({CIRCLED.index(label) + 1})"
    return label


def _definition(line: Line):
    m = _DEF.match(line.text)
    if not m:
        return None
    rest = m.group("rest")
    if len(rest) < 6 or rest[0] in "，。；、,.;)）":
        return None
    if not _CITATION_HINT.search(rest):
        return None
    return m


def _note_complete(text: str) -> bool:
    return bool(re.search(r"[。.．]\s*$", text))


def extract_notes(lines: list[Line], is_boundary) -> tuple[list[Line], list[RawNote], list[LogEntry]]:
    """Split ``lines`` into text lines and note definitions.

    ``is_boundary(line)`` tells lines that can never continue a note (labels such as 关键词).
    """
    body: list[Line] = []
    notes: list[RawNote] = []
    log: list[LogEntry] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _definition(line)
        if not m:
            body.append(line)
            i += 1
            continue
        parts = [line]
        text = line.text
        i += 1
        while not _note_complete(text) and i < len(lines) and len(parts) < 4:
            nxt = lines[i]
            if _definition(nxt) or is_boundary(nxt) or nxt.md_level:
                break
            parts.append(nxt)
            text += nxt.text
            i += 1
        notes.append(RawNote(normalise_label(m.group("label")), tuple(parts), line.page))
        log.append(LogEntry("note", f"note {m.group('label')} lifted out of the text flow", line.no))
    return body, notes, log


def note_text(note: RawNote) -> str:
    """The note's text without its label, wrapped lines joined."""
    from ..textutil import join_lines

    first = _DEF.match(note.lines[0].text).group("rest")
    text = first
    for line in note.lines[1:]:
        text = join_lines(text, line.text)
    return text.strip()


@dataclass
class MarkerPairing:
    """Pairs body markers with notes: same label, same page first, then the nearest page."""
    notes: list[RawNote]

    def __post_init__(self):
        self.used: set[int] = set()
        self.labels = {n.label for n in self.notes}

    def pair(self, label: str, page: int) -> int | None:
        """Index of the note a marker with ``label`` on ``page`` refers to, or None."""
        best = None
        for idx, note in enumerate(self.notes):
            if idx in self.used or note.label != label:
                continue
            distance = abs(note.page - page)
            if distance > 1:
                continue
            rank = (distance, idx)
            if best is None or rank < best[0]:
                best = (rank, idx)
        if best is None:
            return None
        self.used.add(best[1])
        return best[1]

    def unpaired(self) -> list[RawNote]:
        """Notes no marker was paired with."""
        return [n for i, n in enumerate(self.notes) if i not in self.used]
