"""¶ addresses that survive reader changes: the lock file and the assignment of final paragraph ids.

The reader numbers paragraphs by position (``p-1`` … ``p-N``); those ids are provisional. This stage, run
by the pipeline after the transforms, gives each paragraph its published address from the paper's
``addresses.lock`` (one line per address ever published, with a fingerprint of its text):

1. a paragraph whose text is recorded under a live address keeps that address (a retired address whose
   exact text comes back is restored: it never pointed at anything else);
2. unmatched paragraphs that are exactly the concatenation of consecutive unmatched old ones (a merge), or
   consecutive new ones that concatenate to one old one (a split), retire the old ids with the new ones
   as successors;
3. what remains is paired by the source lines it was read from (source.txt never changes): an old
   paragraph whose lines now belong to other paragraphs is retired as ``split``, ``merged`` or
   ``changed`` with those as successors, or ``removed`` when no paragraph reads its lines any more;
4. every paragraph still without an address gets a new one, never used before: ``p-12-1``, ``p-12-2`` …
   after the old ¶12 it replaces (or the paragraph it follows), shown as ¶12.1, ¶12.2.

A published address therefore never points at different text. Pure: no I/O except ``read_lock`` and
``write_lock``; the build uses the result in memory and never writes into content/.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import PaperError
from .source import read_text_file
from .model import Document, Paragraph, plain_text

LOCK_NAME = "addresses.lock"
DOCS = "content/papers/README.md"
ID = re.compile(r"p-(\d+)(?:-(\d+))?")
FINGERPRINT = re.compile(r"[0-9a-f]{16}")
LINES = re.compile(r"(\d+)-(\d+)")
RETIRED = ("split", "merged", "changed", "removed")
STATUSES = ("live", *RETIRED)
EXCERPT = 24
HEADER = ("# ¶ addresses published for this paper, one line per address ever used; written by `papersite lock`\n"
          "# (see content/papers/README.md). An address, once published, never points at different text.\n"
          "# id  fingerprint  chars  lines  status  successors  text\n")


def squash(text: str) -> str:
    """The text a fingerprint is taken of: all whitespace removed."""
    return re.sub(r"\s+", "", text)


def fingerprint(text: str) -> str:
    """First 16 hex digits of the sha256 of the text with all whitespace removed."""
    return hashlib.sha256(squash(text).encode("utf-8")).hexdigest()[:16]


def id_key(paragraph_id: str) -> tuple[int, int]:
    """Sort key of an address: p-12 -> (12, 0), p-12-1 -> (12, 1)."""
    m = ID.fullmatch(paragraph_id)
    if not m:
        raise ValueError(f"not a paragraph address: {paragraph_id!r}")
    return int(m.group(1)), int(m.group(2) or 0)


def display_number(paragraph_id: str) -> str:
    """The number shown to readers: p-12 -> 12, p-12-1 -> 12.1."""
    base, sub = id_key(paragraph_id)
    return f"{base}.{sub}" if sub else str(base)


@dataclass(frozen=True)
class Address:
    """One published address: the text it was given to (fingerprint, length, source lines) and its status."""
    id: str
    fingerprint: str
    chars: int
    first_line: int
    last_line: int
    status: str = "live"
    successors: tuple[str, ...] = ()
    excerpt: str = ""
    line: int = 0  # where it is written in the lock file

    @property
    def live(self) -> bool:
        return self.status == "live"


@dataclass(frozen=True)
class Lock:
    """A paper's addresses.lock: every address ever published for it."""
    path: str
    entries: tuple[Address, ...]

    def get(self, paragraph_id: str) -> Address | None:
        """The entry of an address, or None."""
        return next((e for e in self.entries if e.id == paragraph_id), None)

    def resolve(self, paragraph_id: str) -> tuple[str, ...]:
        """The live addresses an address leads to: itself when live, else its successors' (followed through
        later retirements); () for an unknown or removed address."""
        out, seen, todo = [], set(), [paragraph_id]
        while todo:
            pid = todo.pop(0)
            if pid in seen:
                continue
            seen.add(pid)
            entry = self.get(pid)
            if entry is None:
                continue
            if entry.live:
                out.append(pid)
            else:
                todo[:0] = list(entry.successors)
        return tuple(out)


@dataclass(frozen=True)
class Move:
    """One change to a paper's addresses: ``kind`` is new, split, merged, changed, removed or restored."""
    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]

    def __str__(self) -> str:
        old, new = ", ".join(self.old), ", ".join(self.new)
        if self.kind == "new":
            return f"new      {new}"
        if self.kind == "removed":
            return f"retired  {old} (removed: no paragraph reads its source lines any more)"
        if self.kind == "restored":
            return f"restored {new} (its text is back)"
        return f"retired  {old} ({self.kind}) -> {new}"


@dataclass(frozen=True)
class Assignment:
    """A paper's final addresses: the document with them, the lock as it must now read, and what moved."""
    document: Document
    lock: Lock
    recorded: Lock | None
    moves: tuple[Move, ...] = ()
    landing: dict = field(default_factory=dict)  # retired id -> the paragraph its anchor is placed at

    @property
    def state(self) -> str:
        """``unlocked`` (no lock file), ``out of date`` (the lock lacks this conversion) or ``locked``."""
        if self.recorded is None:
            return "unlocked"
        return "locked" if format_lock(self.recorded) == format_lock(self.lock) else "out of date"

    def retired_at(self) -> dict[str, list[Address]]:
        """For each paragraph id, the retired addresses whose anchors are placed at it, in address order, each
        with the live addresses it now leads to as successors (through later retirements)."""
        out: dict[str, list[Address]] = defaultdict(list)
        for entry in sorted((e for e in self.lock.entries if not e.live), key=lambda e: id_key(e.id)):
            if entry.id in self.landing:
                out[self.landing[entry.id]].append(replace(entry, successors=self.lock.resolve(entry.id)))
        return dict(out)


# ---- the lock file -------------------------------------------------------------------------------

def excerpt(text: str) -> str:
    """The start of a paragraph, for humans reading the lock."""
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[:EXCERPT] + "…"


def read_lock(path: Path) -> Lock | None:
    """A paper's lock file (None when it has none); a malformed line is an error at its line."""
    path = Path(path)
    if not path.is_file():
        return None
    entries: list[Address] = []
    seen: dict[str, int] = {}
    for no, raw in enumerate(read_text_file(path).splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split(None, 6)
        if len(parts) < 6:
            raise PaperError(path, "expected 'id fingerprint chars lines status successors text' "
                             f"(see {DOCS}), got {raw.strip()[:60]!r}", no)
        pid, fp, chars, lines, status, successors = parts[:6]
        if not ID.fullmatch(pid):
            raise PaperError(path, f"{pid!r} is not a paragraph address (p-N or p-N-M)", no)
        if pid in seen:
            raise PaperError(path, f"{pid} is listed twice (first on line {seen[pid]})", no)
        if not FINGERPRINT.fullmatch(fp):
            raise PaperError(path, f"{pid}: fingerprint must be 16 lower-case hex digits, got {fp!r}", no)
        if not chars.isdigit() or int(chars) == 0:
            raise PaperError(path, f"{pid}: chars must be a positive number, got {chars!r}", no)
        m = LINES.fullmatch(lines)
        if not m or int(m.group(1)) > int(m.group(2)):
            raise PaperError(path, f"{pid}: lines must be first-last source lines, got {lines!r}", no)
        if status not in STATUSES:
            raise PaperError(path, f"{pid}: status must be one of {', '.join(STATUSES)}, got {status!r}", no)
        succ = () if successors == "-" else tuple(successors.split(","))
        for s in succ:
            if not ID.fullmatch(s):
                raise PaperError(path, f"{pid}: successor {s!r} is not a paragraph address", no)
        if status in ("live", "removed") and succ:
            raise PaperError(path, f"{pid}: a {status} address has no successors (write '-')", no)
        if status not in ("live", "removed") and not succ:
            raise PaperError(path, f"{pid}: a {status} address needs its successors", no)
        seen[pid] = no
        entries.append(Address(pid, fp, int(chars), int(m.group(1)), int(m.group(2)), status, succ,
                               parts[6] if len(parts) > 6 else "", no))
    for e in entries:
        for s in e.successors:
            if s not in seen:
                raise PaperError(path, f"{e.id}: successor {s} is not in the lock", e.line)
    _check_complete(path, entries)
    return Lock(str(path), tuple(entries))


def _check_complete(path: Path, entries: list[Address]) -> None:
    """Every address ever given is listed: p-1 … p-N, and under each p-N its p-N-1 … p-N-M (addresses are given
    in that order and never taken out, a retired one included). A gap is a line deleted from the lock: the
    paragraph it named would get a new address, and every link to the old one would break."""
    keys = {id_key(e.id): e for e in entries}
    for (base, sub), e in sorted(keys.items()):
        before = (base, sub - 1) if sub > 1 else ((base, 0) if sub == 1 else (base - 1, 0))
        if before[0] >= 1 and before not in keys:
            gone = f"p-{before[0]}" + (f"-{before[1]}" if before[1] else "")
            raise PaperError(path, f"{gone} is missing (listed before {e.id}): an address once published is never "
                             "removed from the lock; restore its line (from version control)", e.line)


def format_lock(lock: Lock) -> str:
    """The text of a lock file: the header, then one aligned line per address in address order."""
    rows = []
    for e in sorted(lock.entries, key=lambda e: id_key(e.id)):
        rows.append((e.id, e.fingerprint, str(e.chars), f"{e.first_line}-{e.last_line}", e.status,
                     ",".join(e.successors) or "-", e.excerpt))
    widths = [max((len(r[k]) for r in rows), default=0) for k in range(6)]
    lines = ["  ".join(r[k].ljust(widths[k]) for k in range(6)) + "  " + r[6] for r in rows]
    return HEADER + "".join(line.rstrip() + "\n" for line in lines)


def write_lock(lock: Lock, path: Path) -> None:
    """Write a lock file (only ``papersite lock`` and ``papersite new`` do; never the build)."""
    Path(path).write_text(format_lock(lock), encoding="utf-8")


# ---- assignment ------------------------------------------------------------------------------------

def _fp(squashed: str) -> str:
    return hashlib.sha256(squashed.encode("utf-8")).hexdigest()[:16]


def assign(document: Document, recorded: Lock | None, path: str = "") -> Assignment:
    """Give each paragraph its address from the lock (positions p-1 … p-N when there is no lock, or when the
    lock records no address yet: nothing has been published to keep)."""
    paras = document.paragraphs()
    texts = [squash(plain_text(p.inlines)) for p in paras]
    fps = [_fp(t) for t in texts]
    if recorded is None or not recorded.entries:
        ids = [f"p-{i}" for i in range(1, len(paras) + 1)]
        entries = tuple(Address(pid, fp, len(t), p.first_line, p.last_line, excerpt=excerpt(plain_text(p.inlines)))
                        for pid, fp, t, p in zip(ids, fps, texts, paras))
        moves = tuple(Move("new", (), (pid,)) for pid in ids) if recorded is not None else ()
        return Assignment(_with_ids(document, ids), Lock(recorded.path if recorded else path, entries), recorded, moves)

    old = {e.id: e for e in recorded.entries}
    final: list[str | None] = [None] * len(paras)
    taken: set[str] = set()
    moves: list[Move] = []
    # 1. Exact text: live addresses first, then retired ones whose text came back.
    for live_pass in (True, False):
        by_fp: dict[str, list[Address]] = defaultdict(list)
        for e in sorted(recorded.entries, key=lambda e: e.first_line):
            if e.live == live_pass and e.id not in taken:
                by_fp[e.fingerprint].append(e)
        for i, fp in enumerate(fps):
            if final[i] is None:
                candidates = [e for e in by_fp.get(fp, ()) if e.id not in taken and e.chars == len(texts[i])]
                if candidates:
                    best = min(candidates, key=lambda e: abs(e.first_line - paras[i].first_line))
                    final[i] = best.id
                    taken.add(best.id)
                    if not live_pass:
                        moves.append(Move("restored", (best.id,), (best.id,)))

    retire: dict[str, tuple[str, list[int]]] = {}   # old id -> (reason, indices of successor paragraphs)
    olds = sorted((e for e in recorded.entries if e.live), key=lambda e: (e.first_line, id_key(e.id)))
    free_old = lambda e: e.id not in taken and e.id not in retire
    claimed: set[int] = set()
    free_new = lambda i: final[i] is None and i not in claimed
    # 2a. Merges: one new paragraph is exactly consecutive old ones, end to end.
    for i in range(len(paras)):
        if not free_new(i):
            continue
        for start in range(len(olds)):
            run, pos = [], 0
            for e in olds[start:]:
                if not free_old(e) or pos + e.chars > len(texts[i]) or _fp(texts[i][pos:pos + e.chars]) != e.fingerprint:
                    break
                run.append(e)
                pos += e.chars
                if pos == len(texts[i]):
                    break
            if len(run) >= 2 and pos == len(texts[i]):
                for e in run:
                    retire[e.id] = ("merged", [i])
                claimed.add(i)
                break
    # 2b. Splits: consecutive new paragraphs are exactly one old one.
    for e in olds:
        if not free_old(e):
            continue
        for j in range(len(paras)):
            run, joined = [], ""
            for k in range(j, len(paras)):
                if not free_new(k) or len(joined) + len(texts[k]) > e.chars:
                    break
                run.append(k)
                joined += texts[k]
                if len(joined) == e.chars:
                    break
            if len(run) >= 2 and len(joined) == e.chars and _fp(joined) == e.fingerprint:
                retire[e.id] = ("split", run)
                claimed.update(run)
                break
    # 3. The rest is paired by the source lines it was read from.
    rest_old = [e for e in olds if free_old(e)]
    rest_new = [i for i in range(len(paras)) if free_new(i)]
    overlaps = {e.id: [i for i in rest_new if e.first_line <= paras[i].last_line and paras[i].first_line <= e.last_line]
                for e in rest_old}
    preds_of: dict[int, list[str]] = defaultdict(list)
    for eid, news in overlaps.items():
        for i in news:
            preds_of[i].append(eid)
    for e in rest_old:
        news = overlaps[e.id]
        if not news:
            # Its lines may now be read into paragraphs that kept or regained an address (a restored one).
            kept = [i for i in range(len(paras)) if final[i] is not None
                    and e.first_line <= paras[i].last_line and paras[i].first_line <= e.last_line]
            retire[e.id] = ("changed", kept) if kept else ("removed", [])
        elif len(news) > 1 and all(preds_of[i] == [e.id] for i in news):
            retire[e.id] = ("split", news)
        elif len(news) == 1 and len(preds_of[news[0]]) > 1:
            retire[e.id] = ("merged", news)
        else:
            retire[e.id] = ("changed", news)
    # 4. New addresses, in reading order, after the old address each paragraph replaces (or follows).
    predecessors: dict[int, list[str]] = defaultdict(list)
    for eid, (_, news) in retire.items():
        for i in news:
            predecessors[i].append(eid)
    subs: dict[int, int] = defaultdict(int)
    for pid in old:
        base, sub = id_key(pid)
        subs[base] = max(subs[base], sub)
    for i in range(len(paras)):
        if final[i] is not None:
            continue
        if predecessors[i]:
            base = min(id_key(p)[0] for p in predecessors[i])
        else:
            base = id_key(final[i - 1])[0] if i else 0
        subs[base] += 1
        final[i] = f"p-{base}-{subs[base]}"
        if not predecessors[i]:
            moves.append(Move("new", (), (final[i],)))

    # The lock as it must now read.
    entries = []
    now = {pid: i for i, pid in enumerate(final)}
    for e in recorded.entries:
        if e.id in now:
            i = now[e.id]
            entries.append(replace(e, status="live", successors=(), first_line=paras[i].first_line,
                                   last_line=paras[i].last_line, line=0))
        elif e.id in retire:
            reason, news = retire[e.id]
            entries.append(replace(e, status=reason, successors=tuple(final[i] for i in news), line=0))
        elif e.live:  # cannot happen: every live address is matched or retired
            raise AssertionError(e.id)
        else:
            entries.append(replace(e, line=0))
    for pid, i in now.items():
        if pid not in old:
            entries.append(Address(pid, fps[i], len(texts[i]), paras[i].first_line, paras[i].last_line,
                                   excerpt=excerpt(plain_text(paras[i].inlines))))
    lock = Lock(recorded.path or path, tuple(sorted(entries, key=lambda e: id_key(e.id))))
    for eid in sorted(retire, key=id_key):
        reason, news = retire[eid]
        if reason != "merged":
            moves.append(Move(reason, (eid,), tuple(final[i] for i in news)))
    merged: dict[tuple, list[str]] = defaultdict(list)
    for eid, (reason, news) in retire.items():
        if reason == "merged":
            merged[tuple(final[i] for i in news)].append(eid)
    moves += [Move("merged", tuple(sorted(olds_, key=id_key)), new) for new, olds_ in merged.items()]
    moves.sort(key=lambda m: id_key((m.old or m.new)[0]))
    return Assignment(_with_ids(document, final), lock, recorded, tuple(moves), _landing(lock, paras, final))


def _landing(lock: Lock, paras: list[Paragraph], final: list[str]) -> dict[str, str]:
    """Where each retired address's anchor goes: its first live successor, else the paragraph now read
    after its source lines (the last paragraph when none is)."""
    present = set(final)
    out = {}
    for e in lock.entries:
        if e.live or not final:
            continue
        successors = [s for s in lock.resolve(e.id) if s in present]
        if successors:
            out[e.id] = successors[0]
        else:
            after = [pid for p, pid in zip(paras, final) if p.first_line > e.last_line]
            out[e.id] = after[0] if after else final[-1]
    return out


def _with_ids(document: Document, ids: list[str]) -> Document:
    it = iter(ids)
    blocks = tuple(replace(b, id=next(it)) if isinstance(b, Paragraph) else b for b in document.blocks)
    return replace(document, blocks=blocks)
