"""The teaching layer's curated data: a concept file's ``teaching`` block and a paper's guide.yml.

Both are written by the editors in Chinese and English and validated against the papers: every
paragraph they cite must exist, and a self-check answer's evidence must be a verbatim part of its
paragraph. Keys are documented in content/concepts/README.md (teaching) and content/papers/README.md
(guide.yml). Errors name the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from .model import Document, Heading, plain_text
from .yamlfile import load_mapping

CONCEPT_DOCS = "content/concepts/README.md"
GUIDE_DOCS = "content/papers/README.md"
GUIDE_SCHEMA = {"argument": {"zh": str, "en": str}, "opening": {"zh": str, "en": str}, "sections": list, "key_concepts": list, "questions": list}
TEACHING_KEYS = {"objectives", "reading", "discussion", "self_check"}
OBJECTIVES = (2, 4)
MIN_DISCUSSION = 3
MIN_SELF_CHECK = 2
# Folded YAML would put a space where a Chinese line was wrapped: Chinese text is written on one line.
HAN_SPACE = re.compile(r"[\u3400-\u9fff，。、；：“”（）] +[\u3400-\u9fff，。、；：“”（）]")


@dataclass(frozen=True)
class Bilingual:
    """Editors' text in Chinese (Simplified) and English."""
    zh: str
    en: str


@dataclass(frozen=True)
class ParaRef:
    """A paragraph of a paper: ``slug#p-N``."""
    paper: str
    paragraph: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.paper}#{self.paragraph}"


@dataclass(frozen=True)
class Evidence:
    """The words of a paragraph an answer rests on (verbatim)."""
    ref: ParaRef
    text: str


@dataclass(frozen=True)
class Question:
    """A discussion question and the paragraphs it asks students to compare."""
    text: Bilingual
    cites: tuple[ParaRef, ...]


@dataclass(frozen=True)
class SelfCheck:
    """A self-check question, its answer, and the paragraph the answer is grounded in."""
    question: Bilingual
    answer: Bilingual
    evidence: Evidence


@dataclass(frozen=True)
class Teaching:
    """A concept page's teaching material."""
    objectives: tuple[Bilingual, ...]
    reading: tuple[ParaRef, ...]
    discussion: tuple[Question, ...]
    self_check: tuple[SelfCheck, ...]

    def cited(self) -> tuple[ParaRef, ...]:
        """Every paragraph the material points to, in the order it names them."""
        refs = [*self.reading, *(r for q in self.discussion for r in q.cites), *(s.evidence.ref for s in self.self_check)]
        return tuple(refs)


@dataclass(frozen=True)
class GuideSection:
    """One line on a section of a paper: the heading as printed, its English, what it does."""
    heading: str
    title_en: str
    summary: Bilingual


@dataclass(frozen=True)
class Guide:
    """A paper's reading guide (content/papers/<slug>/guide.yml)."""
    path: str
    argument: Bilingual
    opening: Bilingual | None
    sections: tuple[GuideSection, ...]
    key_concepts: tuple[str, ...]
    questions: tuple[Question, ...]
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int | None:
        return dict(self.lines).get(key)


# ---- parsing -------------------------------------------------------------------------------------

def _text(value, key, path, lines, docs) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PaperError(path, f"'{key}' must be non-empty text (see {docs})", lines.get(key))
    text = " ".join(value.split())
    if key.endswith("zh") and HAN_SPACE.search(text):
        raise PaperError(path, f"'{key}' has a space between Chinese characters; write Chinese text on one line "
                         "(folded YAML turns line breaks into spaces)", lines.get(key))
    return text


def _bilingual(value, key, path, lines, docs, extra=()) -> Bilingual:
    if not isinstance(value, dict) or not {"zh", "en"} <= set(value) or set(value) - {"zh", "en", *extra}:
        allowed = ", ".join(repr(k) for k in ("zh", "en", *extra))
        raise PaperError(path, f"'{key}' must be a mapping with 'zh' and 'en' (allowed keys: {allowed}; see {docs})",
                         lines.get(key))
    return Bilingual(_text(value["zh"], f"{key}.zh", path, lines, docs), _text(value["en"], f"{key}.en", path, lines, docs))


def _list(value, key, path, lines, docs) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PaperError(path, f"'{key}' must be a list (see {docs})", lines.get(key))
    return value


def parse_ref(value, key, path, lines, default_paper: str | None = None) -> ParaRef:
    """``slug#p-N`` (or ``p-N`` in a paper's own guide); ``p-N-M`` names a paragraph added after ¶N (¶N.M)."""
    line = lines.get(key) or 0
    if isinstance(value, str):
        paper, _, paragraph = value.strip().rpartition("#")
        paper = paper or default_paper
        if paper and re.fullmatch(r"p-\d+(?:-\d+)?", paragraph):
            return ParaRef(paper, paragraph, line)
    form = "p-N or slug#p-N" if default_paper else "slug#p-N"
    raise PaperError(path, f"'{key}' must name a paragraph as {form}, got {value!r}", line or None)


def _questions(value, key, path, lines, docs, default_paper=None, minimum=0) -> tuple[Question, ...]:
    out = []
    for i, item in enumerate(_list(value, key, path, lines, docs)):
        k = f"{key}[{i}]"
        text = _bilingual(item, k, path, lines, docs, extra=("cites",))
        cites = tuple(parse_ref(r, f"{k}.cites[{j}]", path, lines, default_paper)
                      for j, r in enumerate(_list(item.get("cites"), f"{k}.cites", path, lines, docs)))
        if not cites:
            raise PaperError(path, f"'{k}.cites' must name the paragraphs the question is about", lines.get(k))
        out.append(Question(text, cites))
    if len(out) < minimum:
        raise PaperError(path, f"'{key}' needs at least {minimum} questions (see {docs})", lines.get(key))
    return tuple(out)


def parse_teaching(value, path, lines) -> Teaching | None:
    """A concept file's ``teaching`` block (None when the file has none)."""
    if value is None:
        return None
    docs = CONCEPT_DOCS
    if not isinstance(value, dict) or set(value) - TEACHING_KEYS:
        unknown = ", ".join(sorted(set(value) - TEACHING_KEYS)) if isinstance(value, dict) else "not a mapping"
        raise PaperError(path, f"'teaching': unknown keys ({unknown}); allowed: {', '.join(sorted(TEACHING_KEYS))} "
                         f"(see {docs})", lines.get("teaching"))
    objectives = tuple(_bilingual(o, f"teaching.objectives[{i}]", path, lines, docs)
                       for i, o in enumerate(_list(value.get("objectives"), "teaching.objectives", path, lines, docs)))
    low, high = OBJECTIVES
    if not low <= len(objectives) <= high:
        raise PaperError(path, f"'teaching.objectives' needs {low} to {high} learning objectives, found "
                         f"{len(objectives)}", lines.get("teaching.objectives") or lines.get("teaching"))
    reading = tuple(parse_ref(r, f"teaching.reading[{i}]", path, lines)
                    for i, r in enumerate(_list(value.get("reading"), "teaching.reading", path, lines, docs)))
    discussion = _questions(value.get("discussion"), "teaching.discussion", path, lines, docs, minimum=MIN_DISCUSSION)
    checks = []
    for i, item in enumerate(_list(value.get("self_check"), "teaching.self_check", path, lines, docs)):
        k = f"teaching.self_check[{i}]"
        if not isinstance(item, dict) or set(item) != {"question", "answer", "evidence"}:
            raise PaperError(path, f"'{k}' must have 'question', 'answer' and 'evidence' (see {docs})", lines.get(k))
        evidence = item["evidence"]
        if not isinstance(evidence, dict) or set(evidence) != {"paragraph", "text"}:
            raise PaperError(path, f"'{k}.evidence' must have 'paragraph' (slug#p-N) and 'text' (verbatim words of "
                             "that paragraph)", lines.get(f"{k}.evidence"))
        ref = parse_ref(evidence["paragraph"], f"{k}.evidence.paragraph", path, lines)
        checks.append(SelfCheck(_bilingual(item["question"], f"{k}.question", path, lines, docs),
                                _bilingual(item["answer"], f"{k}.answer", path, lines, docs),
                                Evidence(ref, _text(evidence["text"], f"{k}.evidence.text", path, lines, docs))))
    if len(checks) < MIN_SELF_CHECK:
        raise PaperError(path, f"'teaching.self_check' needs at least {MIN_SELF_CHECK} questions (see {docs})",
                         lines.get("teaching.self_check") or lines.get("teaching"))
    return Teaching(objectives, reading, discussion, tuple(checks))


def load_guide(folder: Path) -> Guide | None:
    """content/papers/<slug>/guide.yml, if the paper has one (checked against the paper by check_guide)."""
    path = Path(folder) / "guide.yml"
    if not path.is_file():
        return None
    data, lines = load_mapping(path, GUIDE_SCHEMA, GUIDE_DOCS)
    if not data.get("argument"):
        raise PaperError(path, f"missing required key 'argument' (see {GUIDE_DOCS})")
    argument = _bilingual(data["argument"], "argument", path, lines, GUIDE_DOCS)
    sections = []
    for i, item in enumerate(_list(data.get("sections"), "sections", path, lines, GUIDE_DOCS)):
        k = f"sections[{i}]"
        if not isinstance(item, dict) or set(item) != {"heading", "title_en", "zh", "en"}:
            raise PaperError(path, f"'{k}' must have 'heading' (as printed), 'title_en', 'zh' and 'en' "
                             f"(see {GUIDE_DOCS})", lines.get(k))
        sections.append(GuideSection(_text(item["heading"], f"{k}.heading", path, lines, GUIDE_DOCS),
                                     _text(item["title_en"], f"{k}.title_en", path, lines, GUIDE_DOCS),
                                     _bilingual({"zh": item["zh"], "en": item["en"]}, k, path, lines, GUIDE_DOCS)))
    terms = tuple(_text(t, f"key_concepts[{i}]", path, lines, GUIDE_DOCS)
                  for i, t in enumerate(_list(data.get("key_concepts"), "key_concepts", path, lines, GUIDE_DOCS)))
    slug = Path(folder).name
    questions = _questions(data.get("questions"), "questions", path, lines, GUIDE_DOCS, default_paper=slug)
    opening = _bilingual(data["opening"], "opening", path, lines, GUIDE_DOCS) if data.get("opening") else None
    return Guide(str(path), argument, opening, tuple(sections), terms, questions, tuple(lines.items()))


# ---- checks against the papers -------------------------------------------------------------------

def paragraph_text(documents: dict[str, Document], ref: ParaRef, path: str) -> str:
    """The published text of a cited paragraph; an unknown paper or paragraph is an error at the citing line."""
    doc = documents.get(ref.paper)
    if doc is None:
        raise PaperError(path, f"{ref}: unknown paper {ref.paper!r}", ref.line or None)
    paras = doc.paragraphs()
    para = next((p for p in paras if p.id == ref.paragraph), None)
    if para is None:
        span = f"{paras[0].id} … {paras[-1].id}" if paras else "none"
        raise PaperError(path, f"{ref}: {ref.paper} has no paragraph {ref.paragraph} (its paragraphs: {span})",
                         ref.line or None)
    return plain_text(para.inlines)


def check_teaching(path: str, teaching: Teaching | None, documents: dict[str, Document]) -> None:
    """Every cited paragraph exists; every answer's evidence is verbatim in its paragraph."""
    if teaching is None:
        return
    for ref in teaching.cited():
        paragraph_text(documents, ref, path)
    for item in teaching.self_check:
        ref = item.evidence.ref
        if item.evidence.text not in paragraph_text(documents, ref, path):
            raise PaperError(path, f"{ref}: the evidence is not in that paragraph as published (it must be "
                             f"verbatim): {item.evidence.text[:40]}…", ref.line or None)


def check_guide(guide: Guide | None, slug: str, documents: dict[str, Document], terms: dict[str, str]) -> None:
    """Headings are the paper's own; cited paragraphs exist; key concepts are known terms."""
    if guide is None:
        return
    headings = [b for b in documents[slug].blocks if isinstance(b, Heading)]
    for i, section in enumerate(guide.sections):
        if not any(names_heading(section.heading, h) for h in headings):
            raise PaperError(guide.path, f"sections[{i}].heading: {slug} has no heading {section.heading!r}",
                             guide.line_of(f"sections[{i}].heading"))
    for q in guide.questions:
        for ref in q.cites:
            paragraph_text(documents, ref, guide.path)
    for i, term in enumerate(guide.key_concepts):
        if term not in terms:
            raise PaperError(guide.path, f"key_concepts[{i}]: {term!r} is not a term in content/concepts",
                             guide.line_of(f"key_concepts[{i}]"))


def names_heading(text: str, heading: Heading) -> bool:
    """Whether a guide's ``heading`` names this heading: as printed (number and text) or its text alone,
    spaces ignored (PDF extraction leaves spaces inside some headings)."""
    squash = lambda s: re.sub(r"\s+", "", s)
    return squash(text) in (squash(heading.label), squash(heading.text))


def guide_heading(guide: Guide, heading: Heading) -> GuideSection | None:
    """The guide's line on a heading, if it has one."""
    return next((s for s in guide.sections if names_heading(s.heading, heading)), None)
