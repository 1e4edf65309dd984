"""Per-page footnotes: find note definitions, lift them out of the text flow, pair body markers.

Journals print notes at the foot of each page and restart (or continue) their numbering, with
markers such as ① ② (1) (2) [1] 1) 注① or a letter (A). The extraction leaves each block of
notes where its page ended, often in the middle of a sentence. A note is found by its position
and its sequence, whatever its text says: at the foot of a page, a run of lines whose labels
count on (1, 2, 3 … from 1 or from the previous page's last), each label's marker standing in
that page's text (or the page before); lines between two labels are the wrapped rest of the
note above. Where no page foot can be seen, a labelled line followed by citation-like content
is still taken as a note. Markers in the body are paired with a note of the same label on the
same page (or the nearest page), never with a note of another label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import LogEntry
from .lines import Line

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_DEF = re.compile(
    r"^(?P<label>\(\d{1,2}\)|（\d{1,2}）|[" + CIRCLED + r"]|[A-Z](?=\s{2,}|\s*注[：:]))\s*(?P<rest>.*)$"
)
# Label families a page-foot note may open with: (family, pattern); ``n`` is the number.
_FAMILIES = [
    ("circled", re.compile(r"^(?P<label>(?P<n>[" + CIRCLED + r"]))\s*(?P<rest>\S.*)$")),
    ("paren", re.compile(r"^(?P<label>[（(](?P<n>\d{1,2})[)）])\s*(?P<rest>\S.*)$")),
    ("zhu", re.compile(r"^(?P<label>注\s*(?P<n>[" + CIRCLED + r"]|\d{1,2}|[（(]\d{1,2}[)）]))\s*[：:]?\s*(?P<rest>\S.*)$")),
    ("bracket-zhu", re.compile(r"^(?P<label>[\[【〔]注\s*(?P<n>\d{1,2})[\]】〕])\s*(?P<rest>\S.*)$")),
    ("bracket", re.compile(r"^(?P<label>\[(?P<n>\d{1,2})\])\s*(?P<rest>\S.*)$")),
    ("close-paren", re.compile(r"^(?P<label>(?P<n>\d{1,2})[)）])\s*(?P<rest>[^\d\s].*)$")),
    ("letter", re.compile(r"^(?P<label>(?P<n>[A-Z]))(?:\s{2,}|\s*(?=注[：:]))(?P<rest>\S.*)$")),
]
# What a citation or an editor's note looks like.
_CITATION_HINT = re.compile(
    r"《|》|et al|\b(1[89]|20)\d{2}\b|第\s*\d+\s*期|[A-Z]\.\s?[A-Z]?[a-z]|^注[：:]|Journal|Review|Press|出版社|\d+\s*[-–]\s*\d+"
)
# What a note's text never opens with: a label followed by it is the text's own, e.g. a wrapped
# reference's issue and pages (…Technovation，2014 / （9）：536-545.)
_NOT_A_NOTE_START = "，。；、,.;)）：:"
REFERENCE_LIST = re.compile(r"^(?:#+\s*)?(?:参\s*考\s*文\s*献|References|REFERENCES)\s*[：:]?\s*$")


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
    """Canonical form of a marker: (1), （1）, ① and 注① are the same label; [1] and 1) are their own."""
    m = re.fullmatch(r"[\[【〔]注\s*(\d{1,2})[\]】〕]", label.strip())
    if m:
        return f"[注{int(m.group(1))}]"
    label = re.sub(r"^注\s*", "", label.strip())
    if re.fullmatch(r"\d{1,2}", label):
        return f"({int(label)})"
    m = re.fullmatch(r"[（(](\d+)[)）]", label)
    if m:
        return f"({int(m.group(1))})"
    if label in CIRCLED:
        return f"({CIRCLED.index(label) + 1})"
    m = re.fullmatch(r"(\d+)[)）]", label)
    if m:
        return f"{int(m.group(1))})"
    m = re.fullmatch(r"\[(\d+)\]", label)
    if m:
        return f"[{int(m.group(1))}]"
    return label


def _number(family: str, n: str) -> int:
    if family == "letter":
        return ord(n) - 64
    n = n.strip("（()）")
    return CIRCLED.index(n) + 1 if n in CIRCLED else int(n)


def foot_label(line: Line):
    """(family, number, label, rest) if the line opens with a note label, else None.

    A label alone on its line (``1)``, the note's text on the next line) has an empty rest.
    """
    for family, pattern in _FAMILIES:
        m = pattern.match(line.text)
        if m and m.group("rest")[0] not in _NOT_A_NOTE_START:
            return family, _number(family, m.group("n")), m.group("label"), m.group("rest")
        bare = pattern.match(line.text.strip() + " x")
        if bare and bare.group("rest") == "x" and family != "letter":
            return family, _number(family, bare.group("n")), bare.group("label"), ""
    return None


def marker_forms(family: str, label: str) -> tuple[str, ...]:
    """How a note's marker can be printed in the text."""
    n = _number(family, re.sub(r"注\s*", "", label).strip("[]【】〔〕）)（(") if family != "letter" else label)
    if family in ("circled", "paren", "zhu"):
        return (CIRCLED[n - 1] if n <= len(CIRCLED) else "\0", f"({n})", f"（{n}）")
    if family == "bracket":
        return (f"[{n}]",)
    if family == "bracket-zhu":
        return (f"[注{n}]", f"【注{n}】", f"〔注{n}〕")
    if family == "close-paren":
        return (f"{n})", f"{n}）")
    return (label,)


def _definition(line: Line):
    m = _DEF.match(line.text)
    if not m:
        return None
    rest = m.group("rest")
    if len(rest) < 6 or rest[0] in _NOT_A_NOTE_START:
        return None
    if not _CITATION_HINT.search(rest):
        return None
    return m


def _note_complete(text: str) -> bool:
    return bool(re.search(r"[。.．]\s*$", text))


def foot_notes(lines: list[Line], is_boundary) -> tuple[dict[int, tuple[int, str, int]], dict[int, int]]:
    """Note blocks found at page feet: first-line index -> (last index + 1, label, page); and the lines that
    finish a note the page before broke off (line index -> the index of that note's first line)."""
    # page feet below the reference list hold notes too; only [n] labels there are the list's own
    has_references = any(REFERENCE_LIST.match(l.text) for l in lines)
    stop = len(lines)
    found: dict[int, tuple[int, str, int]] = {}
    continued: dict[int, int] = {}
    open_note = None  # the first line of the page before's last note, when it broke off mid-citation
    start = 0
    previous: tuple[str, int] | None = None  # family and last number of the previous page's notes
    pages_before = ["", ""]  # the text of the two pages before (a note may float a page or two past its marker)
    prev_labels: set[str] = set()  # the labels of the notes found at the foot of the page before
    while start < stop:
        end = start
        while end < stop and lines[end].page == lines[start].page:
            end += 1
        page_text, offsets = _page_text(lines, start, end)
        prev_text = pages_before[0] + pages_before[1]
        block = _foot_block(lines, start, end, page_text, offsets, prev_text, previous, has_references, is_boundary,
                            (pages_before[1], prev_labels))
        prev_labels = {label for _, _, label, _ in block or ()}
        foot = block[0][0] if block else end
        if open_note is not None and foot - 1 > start and _finishes_note(lines[foot - 1].text):
            continued[foot - 1] = open_note
        open_note = None
        if block:
            for a, b, label, carried in block:
                # a note carried over from the page before is paired with the markers there
                found[a] = (b, label, lines[a].page - 1 if carried else lines[a].page)
            fam = foot_label(lines[block[-1][0]])
            previous = (fam[0], fam[1])  # kept over pages without notes: numbering may run on
            last = " ".join(l.text for l in lines[block[-1][0]:block[-1][1]])
            if not _note_complete(last) and _open_brackets(last):
                open_note = block[-1][0]
        pages_before = [pages_before[1], page_text]
        start = end
    return found, continued


def _open_brackets(text: str) -> bool:
    """Does ``text`` leave a book title or a parenthesis open (a citation broken off at the page's end)?"""
    return any(text.count(a) > text.count(b) for a, b in ("《》", "（）", "()"))


def _finishes_note(text: str) -> bool:
    """A line that closes what a broken-off citation opened (``会科学版）》，2024 年第 2 期。``): a closing
    bracket before any opening one, and a full stop at its end."""
    return _note_complete(text) and bool(re.match(r"^[^《（(]*[》）)]", text))


def _page_text(lines, start, end):
    offsets, text = [], ""
    for k in range(start, end):
        offsets.append(len(text))
        text += re.sub(r"\s+", "", lines[k].text)  # markers may carry a PDF space: [注 2]
    return text, offsets


def _foot_block(lines, start, end, page_text, offsets, prev_text, previous, has_references, is_boundary,
                page_before=("", frozenset())):
    """The longest run of labelled lines ending the page whose labels count on and are cited above."""
    best = None
    labels: list[tuple[int, tuple]] = []
    continuation = 0
    for k in range(end - 1, start, -1):
        line = lines[k]
        if line.md_level or is_boundary(line) or line.cells is not None:
            break
        lab = foot_label(line)
        if lab is None or (lab[0] == "bracket" and has_references):
            continuation += 1
            if continuation > 6:
                break
            continue
        continuation = 0
        labels.insert(0, (k, lab))
        family, first = lab[0], lab[1]
        numbers = [x[1][1] for x in labels]
        if any(x[1][0] != family for x in labels) or numbers != list(range(first, first + len(numbers))):
            break
        restart = first == 1
        continued = previous is not None and previous[0] == family and first == previous[1] + 1
        if not (restart or continued):
            continue
        cut = offsets[k - start]
        if all(_cited(family, x[1][2], page_text[:cut], prev_text) for x in labels):
            best = list(labels)
    if not best:
        return None
    carried = _carried_over(lines, start, best, *page_before) if best[0][1][1] == 1 else []
    out = []
    run = carried + best
    for n, (k, lab) in enumerate(run):
        b = run[n + 1][0] if n + 1 < len(run) else end
        # a label alone on the page's last line, the text after it going on with punctuation (。这种转型…),
        # is a marker the extractor set apart from its sentence, not a note
        if lab[3] or b > k + 1 or (b < len(lines) and lines[b].text[:1] not in "，。；、,.;)）：:！？"):
            out.append((k, b, lab[2], n < len(carried)))
    return out or None


def _carried_over(lines, start, block, prev_text, prev_labels, reach: int = 3):
    """Notes set at this page's foot above its own (which restart at 1) whose markers stand on the page
    before: a note that did not fit under its marker is carried to the next page (labels 5, 6 or a second
    1 above the page's own 1, 2 …). Each is cited in the page before, whose foot has no note of that
    label; their numbers count on."""
    family = block[0][1][0]
    found: list[tuple[int, tuple]] = []
    k, gap = block[0][0] - 1, 0
    while k > start and gap <= reach:
        lab = foot_label(lines[k])
        if lab is None:
            gap += 1
        elif lab[0] != family:
            break
        else:
            found.insert(0, (k, lab))
            gap = 0
        k -= 1
    while found:
        numbers = [lab[1] for _, lab in found]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))) and \
                all(_cited(family, lab[2], "", prev_text) and lab[2] not in prev_labels for _, lab in found) and \
                found[-1][0] + reach >= block[0][0]:
            return found
        found = found[1:]
    return []


def _split_labelled(lines: list[Line]) -> list[Line]:
    """A labelled line that runs on into the next note (``[注2] …2018（6）。 [注3] W.Dauth…``, one
    paragraph a line) as two lines, so the labels opening the lines of a page foot count on."""
    out = []
    for line in lines:
        lab = foot_label(line)
        hit = _next_label(lab[0], lab[1], line.text) if lab else None
        while hit:
            out.append(replace(line, text=line.text[:hit.start()]))
            line = replace(line, text=line.text[hit.start():].strip())
            lab = foot_label(line)
            hit = _next_label(lab[0], lab[1], line.text) if lab else None
        out.append(line)
    return out


def _written_apart(lines: list[Line], k: int) -> bool:
    """A note's first line written apart from its label (pdfminer puts the label and the note's other lines in
    one text box, the first line's text in another): it opens with the one space that followed the label,
    and no label alone stands just before it (PyMuPDF's way of writing the same gap)."""
    raw = lines[k].raw.replace("\f", "")
    return raw[:1] == " " and raw[1:2] not in (" ", "\u3000", "") and lines[k].cells is None and \
        not (k and _alone(lines[k - 1]))


def _alone(line: Line) -> bool:
    lab = foot_label(line)
    return lab is not None and not lab[3]


def _rejoin_written_apart(lines: list[Line]) -> list[Line]:
    """Each note text written apart from its label put back after it, page by page.

    Where a page has as many such texts as labels standing alone without their text, each label takes one:
    in order, or, where the page has several, in the pairing whose texts read on best into the lines under
    their labels (the notes' second lines, which stayed with the labels).
    """
    out = list(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].page == lines[start].page:
            end += 1
        apart = [k for k in range(start, end) if _written_apart(lines, k)]
        # (a label alone followed by its text after the space is PyMuPDF's: that note is whole)
        labels = [k for k in range(start, end) if _alone(lines[k]) and not (k + 1 < end and lines[k + 1].raw[:1] == " ")]
        if apart and len(apart) == len(labels) <= 5:
            order = _best_pairing(lines, apart, labels, end)
            for label_k, text_k in zip(labels, order):
                line = lines[label_k]
                out[label_k] = replace(line, text=f"{line.text.strip()} {lines[text_k].text.strip()}")
                out[text_k] = None
        start = end
    return [line for line in out if line is not None]


def _best_pairing(lines: list[Line], apart: list[int], labels: list[int], end: int) -> tuple[int, ...]:
    """The texts written apart in the order their labels take them: the order that reads on best into the line
    under each label (a note's second line), the given order on a tie."""
    from itertools import permutations
    from .interleave import _Pairs
    if len(apart) == 1:
        return tuple(apart)
    pairs = _Pairs(lines)
    under = [lines[k + 1].text if k + 1 < end and foot_label(lines[k + 1]) is None else "" for k in labels]
    best, best_score = tuple(apart), None
    for order in permutations(apart):
        score = sum(pairs.join(lines[t].text, u) for t, u in zip(order, under) if u)
        if best_score is None or score > best_score:
            best, best_score = order, score
    return best


def _next_label(family: str, n: int, text: str) -> re.Match | None:
    """Where note ``n + 1``'s label stands after a full stop in ``text`` (the text after it running on)."""
    hit = None
    for f in (f for f in marker_forms(family, _label_of(family, n + 1)) if f):
        m = re.search(r"(?<=[。.．])\s*" + re.escape(f) + r"\s*(?=\S)", text)
        if m and (hit is None or m.start() < hit.start()):
            hit = m
    return hit


def _split_run_on(label: str, note_lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """A note run into the next on one line (``…第2期。 [注4] 梁玉成…``, one paragraph a line): split it."""
    lab = foot_label(note_lines[0])
    if lab is None:
        return [(label, note_lines)]
    family, n = lab[0], lab[1]
    out: list[tuple[str, list[Line]]] = []
    current_label, current = label, []
    for line in note_lines:
        text = line.text
        while True:
            hit = _next_label(family, n, text)
            if not hit:
                break
            current.append(replace(line, text=text[:hit.start()]))
            out.append((current_label, current))
            current_label, current = _label_of(family, n + 1), []
            text = text[hit.start():].strip()
            n += 1
        current.append(replace(line, text=text) if text != line.text else line)
    out.append((current_label, current))
    return out


def _label_of(family: str, n: int) -> str:
    """The printed label of note ``n`` in a family (the form its lines open with)."""
    return {"circled": CIRCLED[n - 1] if n <= len(CIRCLED) else str(n), "paren": f"({n})", "zhu": f"注{n}",
            "bracket": f"[{n}]", "bracket-zhu": f"[注{n}]", "close-paren": f"{n})", "letter": chr(64 + n)}[family]


def _cited(family, label, text, prev_text) -> bool:
    forms = marker_forms(family, label)
    return any(f in text or f in prev_text for f in forms)


def extract_notes(lines: list[Line], is_boundary, declared: dict | None = None) -> tuple[list[Line], list[RawNote], list[LogEntry]]:
    """Split ``lines`` into text lines and note definitions.

    ``is_boundary(line)`` tells lines that can never continue a note (labels such as 关键词);
    ``declared`` maps source line numbers to paper.yml roles: ``("note", label, last line)``
    makes a note of those lines, any other role keeps a line out of notes.
    """
    declared = declared or {}
    lines = _rejoin_written_apart(_split_labelled(lines))
    body: list[Line] = []
    notes: list[RawNote] = []
    log: list[LogEntry] = []
    feet, continued = foot_notes(lines, is_boundary)
    feet = {k: v for k, v in feet.items() if not any(l.no in declared for l in lines[k:v[0]])}
    last_note_of = {}  # a foot note's first line -> the index in ``notes`` of its (last) part
    i = 0
    while i < len(lines):
        line = lines[i]
        role = declared.get(line.no)
        if role and role[0] == "note":
            end = i
            while end < len(lines) and lines[end].no <= role[2]:
                end += 1
            notes.append(RawNote(normalise_label(role[1]), tuple(lines[i:end]), line.page))
            log.append(LogEntry("note", f"note {role[1]}: lines {line.no}-{role[2]} (declared in paper.yml)", line.no))
            i = end
            continue
        if role:
            body.append(line)
            i += 1
            continue
        if i in feet:
            end, label, page = feet[i]
            for part_label, part in _split_run_on(label, list(lines[i:end])):
                notes.append(RawNote(normalise_label(part_label), tuple(part), page))
                log.append(LogEntry("note", f"note {part_label} lifted out of the text flow (page foot, numbering in sequence)",
                                    part[0].no))
            last_note_of[i] = len(notes) - 1
            i = end
            continue
        if continued.get(i) in last_note_of:
            k = last_note_of[continued[i]]
            notes[k] = replace(notes[k], lines=notes[k].lines + (line,))
            log.append(LogEntry("note", f"note {notes[k].label} goes on at the next page's foot", line.no))
            i += 1
            continue
        m = _definition(line)
        if not m:
            body.append(line)
            i += 1
            continue
        parts = [line]
        text = line.text
        i += 1
        while not _note_complete(text) and i < len(lines) and len(parts) < 4 and i not in feet:
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

    m = _DEF.match(note.lines[0].text)
    lab = None if m else foot_label(note.lines[0])
    first = m.group("rest") if m else (lab[3] if lab else note.lines[0].text)
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
            if distance > 2:
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
