"""Score a converted Document against the description of the article it came from (expected.json).

All text comparisons are whitespace-insensitive (PDF extractors add and drop spaces) and treat
half- and full-width punctuation alike (the converter's declared normalisation); nothing else is
forgiven. The criteria and the thresholds the corpus test requires:

    sentences   share of the expected paragraphs' sentences found verbatim inside one converted paragraph  >= 0.99
    boundaries  F1 of paragraph starts (a paragraph is identified by its first 16 characters)             >= 0.95
    headings    expected headings found with their number, text and level; no spurious headings           all
    notes       notes whose marker follows the right words and whose text is right; no extra notes          all
    furniture   running heads, folios and masthead lines printed by the style, left in the published text  0
    markup      literal Markdown/HTML left in the text: ** <sup> |--- leading "> " # <br>                  0
    tables      tables rebuilt with the same caption, header and rows in order                              all
    front       title, authors, abstract, key words, English title, abstract and key words right            all
    order       headings and paragraphs found (by their text, a paragraph by its start) in the printed order    all
                (a paragraph is identified here by its first 48 characters)
"""
from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from papersite.model import Document, Heading, NoteRef, Paragraph, Table, plain_text

THRESHOLDS = {"sentences": 0.99, "boundaries": 0.95}
CRITERIA = ("sentences", "boundaries", "headings", "notes", "furniture", "markup", "tables", "front", "order")
PREFIX = 16
ORDER_PREFIX = 48  # longer: a paragraph split in two must not be placed by its second part's start (2024年1月31日，…)
CONTEXT = 8
_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
_SENTENCE = re.compile(r".*?(?:[。！？；]+[”’」』）)]*|$)", re.S)
MARKUP = [("**", re.compile(r"\*\*")), ("<sup>", re.compile(r"</?sup>", re.I)), ("<br>", re.compile(r"<br\s*/?>", re.I)),
          ("|---", re.compile(r"\|\s*:?-{3,}")), ("leading >", re.compile(r"^>\s")), ("#", re.compile(r"#"))]


def squash(text: str | None) -> str:
    """Text without whitespace, punctuation widths unified."""
    return re.sub(r"[\s\u3000]+", "", text or "").translate(_FULL)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (ending at 。！？； and any closing quote), squashed."""
    out = []
    for m in _SENTENCE.finditer(text):
        s = squash(m.group(0))
        if len(s) >= 2:
            out.append(s)
    return out


@dataclass
class Score:
    """The figures of one extraction's conversion; ``examples`` shows what went wrong."""
    sentences: int = 0
    sentences_found: int = 0
    sentences_extractable: int = 0  # contiguous in the raw extraction (see ``extractable``): what is within reach
    paragraphs_expected: int = 0
    paragraphs_found: int = 0
    boundaries_right: int = 0
    headings_expected: int = 0
    headings_right: int = 0
    headings_spurious: int = 0
    notes_expected: int = 0
    notes_linked: int = 0
    notes_extra: int = 0
    furniture_left: int = 0
    markup_left: int = 0
    tables_expected: int = 0
    tables_rebuilt: int = 0
    front_wrong: list[str] = field(default_factory=list)
    order_found: int = 0  # headings and paragraphs found that the article prints once (by their text or start)
    order_kept: int = 0  # of those, the most that stand in the printed order (a longest subsequence in order)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def sentence_recall(self) -> float:
        return self.sentences_found / self.sentences if self.sentences else 1.0

    @property
    def boundary_f1(self) -> float:
        p = self.boundaries_right / self.paragraphs_found if self.paragraphs_found else 0.0
        r = self.boundaries_right / self.paragraphs_expected if self.paragraphs_expected else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def figure(self, criterion: str) -> str:
        """The criterion's figure as text."""
        return {
            "sentences": f"sentence recall {self.sentence_recall:.3f} ({self.sentences_found}/{self.sentences})",
            "boundaries": f"boundary F1 {self.boundary_f1:.3f} ({self.boundaries_right} of {self.paragraphs_expected} "
                          f"starts right, {self.paragraphs_found} paragraphs found)",
            "headings": f"headings {self.headings_right}/{self.headings_expected} right, {self.headings_spurious} spurious",
            "notes": f"notes linked {self.notes_linked}/{self.notes_expected}, {self.notes_extra} extra",
            "furniture": f"furniture left {self.furniture_left}",
            "markup": f"literal markup {self.markup_left}",
            "tables": f"tables rebuilt {self.tables_rebuilt}/{self.tables_expected}",
            "front": "front matter wrong: " + (", ".join(self.front_wrong) or "none"),
            "order": f"in printed order {self.order_kept} of {self.order_found} headings and paragraphs found",
        }[criterion]

    def passes(self, criterion: str) -> bool:
        """Whether the criterion meets the corpus requirement."""
        return {
            "sentences": self.sentence_recall >= THRESHOLDS["sentences"],
            "boundaries": self.boundary_f1 >= THRESHOLDS["boundaries"],
            "headings": self.headings_right == self.headings_expected and self.headings_spurious == 0,
            "notes": self.notes_linked == self.notes_expected and self.notes_extra == 0,
            "furniture": self.furniture_left == 0,
            "markup": self.markup_left == 0,
            "tables": self.tables_rebuilt == self.tables_expected,
            "front": not self.front_wrong,
            "order": self.order_kept == self.order_found,
        }[criterion]

    def as_dict(self) -> dict:
        """Counts and derived figures, for the report."""
        out = asdict(self)
        out["sentence_recall"] = round(self.sentence_recall, 4)
        out["boundary_f1"] = round(self.boundary_f1, 4)
        return out


def _note_text(doc: Document, note_id: str) -> str:
    for note in doc.notes:
        if note.id == note_id:
            return plain_text(note.inlines)
    return ""


def expected_headings(desc: dict) -> list[tuple[int, str]]:
    """(level, squashed number+text) of the headings the article prints, 参考文献 included."""
    out = [(b["level"], squash((b.get("number") or "") + b["text"])) for b in desc["blocks"] if b["type"] == "heading"]
    if desc.get("references"):
        # the reference list's heading, counted once (a description may also list it as printed, 参考文献：)
        out = [h for h in out if h[1].rstrip("：:") != "参考文献"] + [(2, "参考文献")]
    return out


def score(doc: Document, expected: dict) -> Score:
    """Compare ``doc`` with ``expected`` (an expected.json: description as printed + furniture)."""
    desc = expected["description"]
    s = Score()
    ex: dict[str, list[str]] = {}
    paras = [b for b in desc["blocks"] if b["type"] == "paragraph"]
    found = doc.paragraphs()
    found_texts = [squash(plain_text(p.inlines)) for p in found]
    joined = "\u2029".join(found_texts)

    # sentences
    for para in paras:
        for sent in sentences(para["text"]):
            s.sentences += 1
            if sent in joined:
                s.sentences_found += 1
            else:
                ex.setdefault("sentences", []).append(sent[:40])

    # paragraph starts
    want = Counter(squash(p["text"])[:PREFIX] for p in paras)
    got = Counter(t[:PREFIX] for t in found_texts)
    s.paragraphs_expected = sum(want.values())
    s.paragraphs_found = sum(got.values())
    s.boundaries_right = sum((want & got).values())
    ex["boundaries missed"] = list((want - got).elements())[:10]
    ex["boundaries spurious"] = list((got - want).elements())[:10]

    # headings
    want_h = Counter(expected_headings(desc))
    got_h = Counter((h.level, squash((h.number or "") + h.text).rstrip("：:") if not h.number else
                     squash((h.number or "") + h.text)) for h in doc.headings())
    if doc.references and (2, "参考文献") not in got_h:
        got_h[(2, "参考文献")] += 1  # the page heads the reference list itself
    s.headings_expected = sum(want_h.values())
    s.headings_right = sum((want_h & got_h).values())
    s.headings_spurious = sum((got_h - want_h).values())
    ex["headings missed"] = [f"H{lv} {t}" for lv, t in (want_h - got_h).elements()][:10]
    ex["headings spurious"] = [f"H{lv} {t[:30]}" for lv, t in (got_h - want_h).elements()][:10]

    # notes: marker after the right words, note text right
    refs = []  # (context before the marker, note text) of every NoteRef in the body
    for p in found:
        before = ""
        for node in p.inlines:
            if isinstance(node, NoteRef):
                refs.append((before, squash(_note_text(doc, node.note_id))))
            else:
                before += squash(plain_text((node,)))
    used = set()
    for para in paras:
        for note in para.get("notes", []):
            s.notes_expected += 1
            context = squash(para["text"][: note["at"]])[-CONTEXT:]
            text = squash(note["text"])
            hit = next((k for k, (before, t) in enumerate(refs)
                        if k not in used and t == text and before.endswith(context)), None)
            if hit is None:
                ex.setdefault("notes", []).append(f"…{context} → {text[:24]}")
            else:
                used.add(hit)
                s.notes_linked += 1
    s.notes_extra = max(0, len(doc.notes) - s.notes_expected)

    # furniture and markup in the published text
    published = [plain_text(p.inlines) for p in found] + [(h.number or "") + h.text for h in doc.headings()]
    published += [plain_text(n.inlines) for n in doc.notes]
    text = "\u2029".join(squash(t) for t in published)
    # the article's own words may contain a running head's text (its title in a sentence, a folio's
    # number in 156 美元): only occurrences beyond the article's own are furniture left
    printed = [b["text"] for b in paras] + [(b.get("number") or "") + b["text"] for b in desc["blocks"]
                                            if b["type"] == "heading"]
    printed += [n["text"] for b in paras for n in b.get("notes", [])]
    own = "\u2029".join(squash(t) for t in printed)
    for item in sorted({squash(f) for f in expected.get("furniture", [])}, key=len, reverse=True):
        if not item:
            continue
        pattern = re.escape(item)
        if item.isdigit():
            pattern = rf"(?<!\d){pattern}(?!\d)"
        n = len(re.findall(pattern, text)) - len(re.findall(pattern, own))
        own = re.sub(pattern, "\u2029", own)
        if n > 0:
            s.furniture_left += n
            ex.setdefault("furniture", []).append(f"{item} ×{n}")
            text = re.sub(pattern, "\u2029", text)
    raw = published + [c for b in doc.blocks if isinstance(b, Table) for c in (b.caption, *b.header, *(x for r in b.rows for x in r))]
    for name, pattern in MARKUP:
        for t in raw:
            hits = pattern.findall(t) if name != "leading >" else pattern.findall(t.lstrip())
            if hits:
                s.markup_left += len(hits)
                ex.setdefault("markup", []).append(f"{name} in {t.strip()[:30]!r}")

    # tables
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    for t in (b for b in desc["blocks"] if b["type"] == "table"):
        s.tables_expected += 1
        want_t = (squash(t["label"] + t["caption"]), tuple(map(squash, t["header"])),
                  tuple(tuple(map(squash, r)) for r in t["rows"]))
        if any((squash(g.caption), tuple(map(squash, g.header)), tuple(tuple(map(squash, r)) for r in g.rows)) == want_t
               for g in tables):
            s.tables_rebuilt += 1
        else:
            ex.setdefault("tables", []).append(f"{t['label']}: found {[(g.caption, len(g.rows)) for g in tables]}")

    # front matter
    m = doc.meta
    e = desc.get("english") or {}
    checks = {
        "title": (squash(m.title), squash(desc["title"])),
        "authors": ([squash(a) for a in m.authors] if desc.get("authors") else [], [squash(a) for a in desc.get("authors", [])]),
        "abstract": (squash(m.abstract), squash(desc.get("abstract"))),
        "keywords": ([squash(k) for k in m.keywords], [squash(k) for k in desc.get("keywords", [])]),
        "English title": (squash(m.english.title).lower(), squash(e.get("title")).lower()),
        "English abstract": (squash(m.english.abstract), squash(e.get("abstract"))),
        "English key words": ([squash(k).lower() for k in m.english.keywords], [squash(k).lower() for k in e.get("keywords", [])]),
    }
    s.front_wrong = [name for name, (got_v, want_v) in checks.items() if got_v != want_v]
    if s.front_wrong:
        ex["front"] = [f"{name}: {str(checks[name][0])[:40]!r}" for name in s.front_wrong]
    # order: the blocks found, each placed by the printed block it is (a heading by its number and text, a
    # paragraph by its first 48 characters; text the article prints twice places nothing), against the printed order
    printed_keys = [("h", squash((b.get("number") or "") + b["text"])) if b["type"] == "heading" else
                    ("p", squash(b["text"])[:ORDER_PREFIX]) for b in desc["blocks"] if b["type"] in ("heading", "paragraph")]
    once = Counter(printed_keys)
    where = {k: i for i, k in enumerate(printed_keys) if once[k] == 1}
    found_keys = [("h", squash((b.number or "") + b.text)) if isinstance(b, Heading) else
                  ("p", squash(plain_text(b.inlines))[:ORDER_PREFIX]) for b in doc.blocks if isinstance(b, (Heading, Paragraph))]
    placed = [(where[k], k) for k in found_keys if k in where]
    s.order_found = len(placed)
    s.order_kept = _longest_in_order([i for i, _ in placed])
    if s.order_kept < s.order_found:
        ex["order"] = [f"{kind} {text[:20]} (printed block {i + 1}) after {q[0]} {q[1][:12]} (printed block {j + 1})"
                       for (i, (kind, text)), (j, q) in zip(placed[1:], placed) if i < j][:5]
    s.examples = {k: v for k, v in ex.items() if v}
    return s


def _longest_in_order(positions: list[int]) -> int:
    """The length of a longest increasing subsequence."""
    tails: list[int] = []
    for x in positions:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)


def extractable(raw: str, expected: dict) -> int:
    """How many expected sentences stand contiguous in the raw extraction once whitespace, the printed
    note markers and Markdown/HTML marks are dropped: an upper bound for sentence recall that tells a
    converter's losses from an extractor's (text a page break, a note or the other column interrupts
    is not contiguous, and a converter can still recover it)."""
    desc = expected["description"]
    text = squash(raw)
    for mark in ("**", "<sup>", "</sup>", "<br>", "#", ">"):
        text = text.replace(mark, "")
    labels = {squash(n["label"]) for b in desc["blocks"] for n in b.get("notes", []) if n.get("label")}
    for label in sorted(labels, key=len, reverse=True):
        text = text.replace(label, "")
    return sum(1 for b in desc["blocks"] if b["type"] == "paragraph" for sent in sentences(b["text"]) if sent in text)


def convert_extraction(folder: Path):
    """Convert one corpus extraction (``source.txt`` + ``paper.yml``) as the build would.

    Returns the Document and the paper.yml check's error (None when the record matches the
    conversion): the build would stop on that error, the scores are computed all the same.
    """
    from papersite.errors import PaperError
    from papersite.paperyml import load_record
    from papersite.pipeline import check_record_against_source, reader_options, with_declared_spacing
    from papersite.reader import read_text
    from papersite.source import read_source
    from papersite.transforms import apply_transforms

    folder = Path(folder)
    record = load_record(folder / "paper.yml")
    source = read_source(folder / "source.txt")
    if source.sha256 != record.sha256:
        raise PaperError(folder / "source.txt", "does not match the sha256 recorded in paper.yml")
    doc = apply_transforms(read_text(source.lines, source.path, reader_options(record)))
    try:
        check_record_against_source(record, doc)
        doc = with_declared_spacing(record, doc)
        problem = None
    except PaperError as exc:
        problem = str(exc)
    return doc, problem


def load_expected(folder: Path) -> dict:
    """The expected.json of a style/doc folder."""
    return json.loads((Path(folder) / "expected.json").read_text(encoding="utf-8"))


CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"


@dataclass
class Result:
    """One extraction's outcome: its scores, or the error that stopped its conversion."""
    case: str  # style/doc/extractor
    score: Score | None
    record_problem: str | None = None
    error: str | None = None
    extractable: int = 0  # expected sentences contiguous in the raw extraction

    def passes(self, criterion: str) -> bool:
        """Whether the criterion meets the requirement (a conversion error fails them all)."""
        return self.score is not None and self.score.passes(criterion)

    def figure(self, criterion: str) -> str:
        """The criterion's figure, or the conversion error."""
        return self.score.figure(criterion) if self.score else f"conversion error: {self.error}"


def cases(root: Path = CORPUS) -> list[str]:
    """Every committed extraction, as style/doc/extractor."""
    return sorted(str(p.parent.relative_to(root)) for p in root.glob("*/*/*/source.txt"))


def evaluate(case: str, root: Path = CORPUS) -> Result:
    """Convert and score one extraction."""
    from papersite.errors import PaperError

    folder = root / case
    expected = load_expected(folder.parent)
    within_reach = extractable((folder / "source.txt").read_text(encoding="utf-8"), expected)
    try:
        doc, problem = convert_extraction(folder)
    except PaperError as exc:
        return Result(case, None, error=str(exc).replace(str(root) + "/", ""), extractable=within_reach)
    except Exception as exc:  # a crash of the reader is a finding too, not a reason to stop the report
        return Result(case, None, error=f"reader crashed: {type(exc).__name__}: {exc}", extractable=within_reach)
    result = Result(case, score(doc, expected), problem, extractable=within_reach)
    result.score.sentences_extractable = within_reach
    return result
