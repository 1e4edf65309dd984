"""What a converted paper leaves for a human to look at: one list of warnings, shared by
``papersite check``, ``papersite new`` and ``papersite proof``.

Each warning names a source line and says what was seen: a note marker with no note, a note no
marker points at, a gap or jump in heading numbering (and a numbered paragraph that would fill
it), a line that recurs in the source and was left in the body, text set aside as another
article's, and every decision the converter left open.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Citation, Document, Heading, NoteRef, Paragraph, Text, plain_text
from .reader.furniture import folio_style, shape
from .reader.headings import match_heading
from .reader.notes import CIRCLED, foot_label


@dataclass(frozen=True)
class Proposal:
    """A declaration for paper.yml's ``conversion`` that would settle a warning, in the syntax the build
    accepts: ``section`` is ``lines`` (key ``120`` or ``120-124``, value ``furniture``, ``heading 3`` or
    ``note ③``) or ``table_columns`` (key ``表1``, value ``{columns: 3, order: rows}``)."""
    section: str
    key: str
    value: str

    @property
    def first(self) -> int:
        return int(self.key.split("-")[0]) if self.section == "lines" else 0

    @property
    def last(self) -> int:
        return int(self.key.split("-")[-1]) if self.section == "lines" else 0


@dataclass(frozen=True)
class Warning:
    """One thing to look at: its kind, the source line, what was seen, and the declaration that would
    settle it where one can be stated truthfully from what was seen (else None)."""
    kind: str  # orphan-marker | note-like-line | note-sequence | unpaired-note | numbering | repeated-line | foreign | decision | warning | pages
    line: int | None
    message: str
    proposal: Proposal | None = None


def audit(doc: Document, source_lines) -> list[Warning]:
    """Every warning about ``doc`` (converted from ``source_lines``), in source order."""
    out: list[Warning] = []
    out += _notes_and_markers(doc, source_lines)
    out += [Warning("unpaired-note", e.line, e.message) for e in doc.log if e.kind == "unpaired"]
    out += _numbering(doc, source_lines)
    out += numbered_lines(doc, source_lines)
    out += _repeated_lines(doc, source_lines)
    out += [Warning("foreign", e.line, "removed as another article's text: " + e.message) for e in doc.log if e.kind == "foreign"]
    out += [Warning(e.kind, e.line, e.message, _table_proposal(e.message) if e.kind == "decision" else None)
            for e in doc.log if e.kind in ("decision", "warning")]
    # pagination that the source does not bear out, or folios that overrule the 文章编号
    out += [Warning("pages", e.line, e.message) for e in doc.log if e.kind == "pages" and "numbered" in e.message
            or e.kind == "pages" and "folios are followed" in e.message]
    return sorted(out, key=lambda w: (w.line or 0, w.kind))


def _table_proposal(message: str) -> Proposal | None:
    """A table laid out by a close call (papersite.reader.tables): its layout as the converter read it,
    to confirm against the printed table (or to change to the other reading the message names)."""
    m = re.match(r"(表\s*\d+(?:[-.．]\d+)?): \d+ cells read as (\d+) columns in (?:(row|column) order|column groups ([\d+]+))",
                 message)
    if not m:
        return None
    order = f"{m.group(3)}s" if m.group(3) else f"'{m.group(4)}'"
    return Proposal("table_columns", re.sub(r"\s+", "", m.group(1)), f"{{columns: {m.group(2)}, order: {order}}}")


# Body markers of each note family (papersite.reader.notes): how a marker of that family is printed in the
# text. Circled and [注n] markers are never anything else; (n), n), [n] and letters are also enumerations,
# citations and words, so they count as note markers only in a paper whose notes (or note-like lines left in
# the body) use that family, and only where a marker stands: after a character or a closing mark.
_AFTER = r"(?<=[\u4e00-\u9fff”’》」』。，；、！？)）\]])"
MARKERS = {
    "circled": re.compile(f"[{CIRCLED}]"),
    "bracket-zhu": re.compile(r"[\[【〔]注\d{1,2}[\]】〕]"),
    "paren": re.compile(_AFTER + r"[（(]\d{1,2}[)）]"),
    "close-paren": re.compile(_AFTER + r"(?<![（(\d])\d{1,2}[)）]"),
    "bracket": re.compile(_AFTER + r"\[\d{1,2}\]"),
    "letter": re.compile(r"(?<=[\u4e00-\u9fff）)”])[A-Z](?=[\u4e00-\u9fff，。；、])"),
}
ALWAYS = ("circled", "bracket-zhu")
# ① and (1) are one label to the reader (papersite.reader.notes.normalise_label): a paper may print ①–③ as (1)–(3).
SAME_SEQUENCE = {"circled": "paren", "zhu": "paren"}


def marker_number(family: str, marker: str) -> int:
    """The number a printed marker of ``family`` stands for (① and (1) are 1, B is 2)."""
    if family == "letter":
        return ord(marker) - 64
    if family == "circled":
        return CIRCLED.index(marker) + 1
    return int(re.sub(r"\D", "", marker))


def _label_of_line(no: int, text: str):
    """foot_label of a source line: (family, number, label as printed, rest) or None."""
    from .reader.lines import Line
    text = re.sub(r"^[>*#\s]+", "", text).strip(" \t\f\u3000")
    return foot_label(Line(no, text, text, False, False, 0))


def note_family(source_lines, note) -> str | None:
    """The family of a note's printed label, from its first source line (``注①`` counts as circled)."""
    if re.match(f"^[>*#\\s]*注?\\s*[{CIRCLED}]", source_lines[note.line - 1]):
        return "circled"
    found = _label_of_line(note.line, source_lines[note.line - 1])
    return found[0] if found else None


def _squashed(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _not_text(doc: Document) -> set[int]:
    """Source lines inside paragraphs' line ranges that are not their text: notes lifted out of the middle
    of a paragraph, furniture cut from it."""
    out = {e.line for e in doc.log if e.kind == "furniture" and e.line}
    for note in doc.notes:
        out.update(range(note.line, max(note.line, note.last_line) + 1))
    return out


def _text_lines(p: Paragraph, skip: set[int]) -> list[int]:
    return [no for no in range(p.first_line, p.last_line + 1) if no not in skip]


def _inside_parentheses(text: str, at: int) -> bool:
    """Whether ``text[at]`` stands inside an open (…) or （…）: ``（见表1）`` closes a parenthesis, it is no marker."""
    before = text[max(0, at - 30):at]
    opened = max(before.rfind("（"), before.rfind("("))
    return opened >= 0 and opened > max(before.rfind("）"), before.rfind(")"))


def _paragraph_markers(p: Paragraph, source_lines, families, skip: set[int] = frozenset()) -> list[tuple[str, str, int, bool, str]]:
    """Every marker-like token of ``families`` in paragraph ``p``, in order: (family, marker, source line,
    paired with a note?, context). Tokens are found in the paragraph's text (NoteRefs are the paired ones)
    and placed on their source lines by matching the same tokens, in order, in the source's lines."""
    pieces, flags = [], []
    for node in p.inlines:
        text = node.label if isinstance(node, (NoteRef, Citation)) else getattr(node, "text", "")
        text = _squashed(text)
        pieces.append(text)
        flags.append(isinstance(node, NoteRef))
    plain = "".join(pieces)
    paired = [False] * len(plain)
    at = 0
    for text, flag in zip(pieces, flags):
        if flag:
            paired[at:at + len(text)] = [True] * len(text)
        at += len(text)
    flat, starts, labels = "", [], set()
    for no in _text_lines(p, skip):
        starts.append((len(flat), no))
        if _label_of_line(no, source_lines[no - 1]):
            labels.add(len(flat))   # a labelled line's own label (a note left in the body) is no marker
        flat += _squashed(source_lines[no - 1])
    out = []
    for family in families:
        in_text = [m for m in MARKERS[family].finditer(plain)
                   if family != "close-paren" or not _inside_parentheses(plain, m.start())]
        in_source = [m for m in MARKERS[family].finditer(flat)
                     if family != "close-paren" or not _inside_parentheses(flat, m.start())]
        placed = len(in_source) == len(in_text)
        for k, m in enumerate(in_text):
            if placed and in_source[k].start() in labels:
                continue
            if placed:
                pos = in_source[k].start()
                line = max(no for start, no in starts if start <= pos)
            else:
                line = starts[0][1] if starts else p.first_line
            out.append((m.start(), (family, m.group(0), line, paired[m.start()], plain[max(0, m.start() - 12):m.end()])))
    return [marker for _, marker in sorted(out, key=lambda x: x[0])]


def _notes_and_markers(doc: Document, source_lines) -> list[Warning]:
    """Markers in the body with no note, note-like lines left in the body, and gaps in the sequence of
    notes and of markers (numbering restarts at 1, e.g. on each page, or counts on)."""
    out: list[Warning] = []
    families = set(ALWAYS)
    noted = [(note_family(source_lines, n), n) for n in doc.notes]
    families.update(f for f, _ in noted if f)
    in_body = _note_like_lines(doc, source_lines, {f for f, _ in noted if f})
    families.update(f for f, marker, *_ in in_body if marker)
    if "bracket" in families and doc.references:
        families.discard("bracket")   # [n] are the reference list's citations
    skip = _not_text(doc)
    markers = [(p, m) for p in doc.paragraphs() for m in _paragraph_markers(p, source_lines, sorted(families), skip)]
    if "letter" in families:   # letters only up to the next one after the notes' last (not every capital)
        top = max((ord(n.label) - 64 for f, n in noted if f == "letter" and len(n.label) == 1), default=0) + 1
        markers = [(p, m) for p, m in markers if m[0] != "letter" or marker_number("letter", m[1]) <= top]
    for family, marker, line, labelled_line, rest in in_body:
        seen = f"marker {marker} stands in the text" if marker else f"no marker {labelled_line} stands in the text"
        last = _note_end(source_lines, line, skip)
        out.append(Warning("note-like-line", line, f"line {line} opens with the note label {labelled_line} "
                           f"({rest[:24]}…) and {seen}, but it was left in the body: a note the converter did not "
                           f"recognise? (declare it: conversion.lines: {line}: note {labelled_line})",
                           Proposal("lines", f"{line}-{last}" if last != line else str(line), f"note {labelled_line}")
                           if last else None))
    for p, (family, marker, line, paired, context) in markers:
        if not paired:
            out.append(Warning("orphan-marker", line, f"note marker {marker} in {p.id} has no note (…{context})"))
    out += _sequence_gaps([(f, n.label if f == "letter" else _label_text(source_lines, n), n.line) for f, n in noted if f],
                          "note")
    out += _sequence_gaps([(f, m, line) for _, (f, m, line, _, _) in markers], "marker")
    return out


def _note_end(source_lines, first: int, skip: set[int]) -> int | None:
    """The last line of a note left in the body that opens on line ``first``: the first line, within four,
    that ends with a full stop, before any other labelled or blank line; None when it cannot be seen."""
    for no in range(first, min(first + 4, len(source_lines) + 1)):
        text = source_lines[no - 1].strip(" \t\f\u3000")
        if not text or no in skip or (no > first and _label_of_line(no, text)):
            return None
        if re.search(r"[。.．]$", text):
            return no
    return None


def _label_text(source_lines, note) -> str:
    found = _label_of_line(note.line, source_lines[note.line - 1])
    return found[2] if found else note.label


def _sequence_gaps(items, what: str) -> list[Warning]:
    """Gaps and jumps in a run of labels (family, label, line): each counts on by one or restarts at 1."""
    out = []
    last: dict[str, tuple[int, str]] = {}
    for family, label, line in items:
        n = marker_number(family, re.sub(r"^注\s*", "", label)) if family != "letter" else ord(label[0]) - 64
        family = SAME_SEQUENCE.get(family, family)
        prev = last.get(family)
        if prev and n not in (prev[0] + 1, 1):
            missing = f"{prev[0] + 1}…{n - 1}" if n > prev[0] + 2 else str(prev[0] + 1)
            said = (f"numbers {missing} are missing" if n > prev[0] else
                    "the numbering goes back without restarting at 1 (text out of order: columns read across?)")
            out.append(Warning("note-sequence", line, f"{what} {label} follows {what} {prev[1]}: {said}"))
        last[family] = (n, label)
    return out


def _note_like_lines(doc: Document, source_lines, in_use: set[str]) -> list[tuple[str, str | None, int, str, str]]:
    """Lines inside paragraphs that open with a note label and read like a note (a citation), whose marker
    stands elsewhere in the text, or whose family the paper's notes use (a note with no marker):
    (family, marker or None, line, label as printed, rest of the line)."""
    from .reader.notes import _CITATION_HINT, marker_forms
    skip = _not_text(doc)
    text_of = {no: p for p in doc.paragraphs() for no in _text_lines(p, skip)}
    body = "".join(_squashed(plain_text(p.inlines)) for p in doc.paragraphs())
    out = []
    for no, p in text_of.items():
        text = source_lines[no - 1].strip(" \t\f\u3000")
        found = _label_of_line(no, text)
        if not found or found[0] == "letter" or not found[3] or not _CITATION_HINT.search(found[3]):
            continue
        family, _, label, rest = found
        if family == "bracket" and doc.references:
            continue
        elsewhere = body.replace(_squashed(text), "", 1)   # the marker in the text, not this line's own label
        marker = next((f for f in marker_forms(family, label) if f and f in elsewhere), None)
        if marker or family in in_use:
            out.append((family, marker, no, label, rest))
    return out


def _numbering(doc: Document, source_lines) -> list[Warning]:
    """Gaps and jumps in the numbers of sibling headings; numbered paragraphs that would fill one (with a
    heading declaration when the number and its title stand alone on the paragraph's first line)."""
    from .textutil import display_width, ends_sentence
    out = []
    last: dict[int, tuple] = {}
    missing: dict[tuple[str, int], int] = {}
    for block in doc.blocks:
        if not isinstance(block, Heading) or not block.number:
            if isinstance(block, Heading):
                last = {k: v for k, v in last.items() if k < block.level}
            continue
        hm = match_heading(block.number + block.text)
        if hm is None:
            continue
        prev = last.get(block.level)
        if prev and prev[0] == hm.scheme and hm.key[-1] not in (prev[1][-1] + 1, 1):
            out.append(Warning("numbering", block.line, f"heading {block.label[:20]} follows {prev[2]} at the same level: "
                               f"numbers {prev[1][-1] + 1}…{hm.key[-1] - 1} are missing"))
            missing.update({(hm.scheme, n): (hm.scheme, block.level) for n in range(prev[1][-1] + 1, hm.key[-1])})
        last = {k: v for k, v in last.items() if k < block.level}
        last[block.level] = (hm.scheme, hm.key, block.label[:20])
    if missing:
        for p in doc.paragraphs():
            text = "".join(n.text for n in p.inlines if isinstance(n, Text))[:40]
            hm = match_heading(text)
            if hm and (hm.scheme, hm.key[-1]) in missing:
                first = source_lines[p.first_line - 1].strip(" \t\f\u3000")
                alone = p.last_line > p.first_line and not ends_sentence(first) and display_width(first) < 40 \
                    and match_heading(first) is not None
                out.append(Warning("numbering", p.first_line, f"{p.id} opens with {hm.number}, the number the headings "
                                   "skip: a heading run into its paragraph? (declare it: conversion.lines: "
                                   f"{p.first_line}: heading N)" + ("" if alone else "; its title runs on in the same "
                                   "line, which no line declaration can divide"),
                                   _heading_proposal(doc, *missing[(hm.scheme, hm.key[-1])], p.first_line)
                                   if alone else None))
    return out


def founded_level(doc: Document, scheme: str, level: int, line: int) -> int | None:
    """``level`` for a heading of ``scheme`` on source line ``line`` when the numbering itself shows it: the
    top scheme (一、) at level 2, or a child whose parent heading (another scheme, one level up) comes before
    it. None when the level rests only on the converter's reading (its parents may be lost): then no
    heading is proposed, since a wrong level would be a false declaration."""
    if level == 2:
        return level if scheme == "cn" else None
    parent = None
    for h in doc.headings():
        if h.line < line and h.level < level:
            parent = h
    if parent is None or parent.level != level - 1 or not parent.number:
        return None
    hm = match_heading(parent.number + parent.text)
    return level if hm and hm.scheme != scheme else None


def _heading_proposal(doc: Document, scheme: str, level: int, line: int) -> Proposal | None:
    founded = founded_level(doc, scheme, level, line)
    return Proposal("lines", str(line), f"heading {founded}") if founded else None


def numbered_lines(doc: Document, source_lines) -> list[Warning]:
    """Short, numbered lines after a sentence end that the paragraphs swallowed (headings out of sequence)."""
    from .textutil import display_width, ends_sentence
    levels = {hm.scheme: h.level for h in doc.headings() if h.number for hm in [match_heading(h.number + h.text)] if hm}
    schemes = set(levels)
    # a paragraph's lines are a range of source lines, which may hold another column's lines where the reader
    # put columns back in order: a line read as a heading is not in the paragraph
    headings = {h.line for h in doc.headings()}
    out = []
    for p in doc.paragraphs():
        prev = ""
        for no in range(p.first_line, p.last_line + 1):
            text = source_lines[no - 1].strip(" \t\f\u3000")
            if not text or no in headings:
                continue
            hm = match_heading(text)
            if hm and hm.scheme in schemes and "。" not in text and display_width(text) < 30 and (not prev or ends_sentence(prev)):
                out.append(Warning("numbering", no, f"line {no} reads like a heading ({text[:16]}) but its number does not "
                                   f"continue the headings, so it was left in {p.id} (declare it: conversion.lines: {no}: heading N)",
                                   _heading_proposal(doc, hm.scheme, levels[hm.scheme], no)))
            prev = text
    return out


def _repeated_lines(doc: Document, source_lines) -> list[Warning]:
    """Source lines inside paragraphs whose shape recurs on other lines (a running head left in?)."""
    from .textutil import display_width, ends_sentence
    counts = Counter(shape(l) for l in source_lines if l.strip())
    skip = {e.line for e in doc.log if e.kind == "furniture"}
    for note in doc.notes:
        skip.update(range(note.line, note.last_line + 1))
    out = []
    for p in doc.paragraphs():
        for no in range(p.first_line, p.last_line + 1):
            if no in skip:
                continue
            text = source_lines[no - 1].strip()
            s = shape(text)
            if not text or len(s) < 2:
                continue
            # furniture is proposed only for what cannot be a line of the text: no sentence ends on it, it is no
            # Markdown table rule (| --- |) and no note label standing alone ([注1])
            furniture = Proposal("lines", str(no), "furniture") if not ends_sentence(text) and \
                display_width(text) <= 40 and re.search(r"[^\s|:\-]", text) and not _label_of_line(no, text) else None
            if counts[s] >= 2 and (len(s) >= 4 or folio_style(text) is not None):
                out.append(Warning("repeated-line", no, f"{text[:30]!r} occurs {counts[s]} times in the source and was "
                                   f"left in {p.id} (page furniture? declare it: conversion.lines: {no}: furniture)",
                                   furniture))
            elif folio_style(text) is not None:
                out.append(Warning("repeated-line", no, f"{text!r} looks like a page number and was left in {p.id}",
                                   furniture))
    return out
