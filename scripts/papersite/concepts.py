"""content/concepts/*.yml: the concept list (one file per concept), validated on load.

Every key is documented in content/concepts/README.md. A file's stem is the concept's slug, which
is its page address (concepts/<slug>.html) and must stay stable. Errors name the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import PaperError
from .pinyin import term_pinyin
from .teaching import Teaching, parse_teaching
from .yamlfile import load_mapping

DOCS = "content/concepts/README.md"
SCHEMA = {
    "term": str,
    "aliases": list,
    "pinyin": str,
    "english": list,
    "category": str,
    "definition": {"zh": str, "en": str},
    "related": list,
    "broader": list,
    "narrower": list,
    "quotes": list,
    "teaching": dict,
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HAN = re.compile(r"^[\u3400-\u9fff]{2,}$")


@dataclass(frozen=True)
class Rendering:
    """An English rendering of a concept; ``used_in`` = papers whose own English text uses it (else editors')."""
    text: str
    used_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """An editor-chosen quotation that defines or characterises a concept, verified against the paper."""
    paper: str
    paragraph: str
    text: str
    line: int


@dataclass(frozen=True)
class Category:
    """A group of concepts on the concept index (content/site.yml ``concepts.categories``)."""
    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class Concept:
    """One validated concept file. Related/broader/narrower hold slugs."""
    slug: str
    path: str
    term: str
    aliases: tuple[str, ...]
    pinyin: str
    english: tuple[Rendering, ...]
    category: str
    definition_zh: str
    definition_en: str
    related: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    teaching: Teaching | None = None
    lines: tuple[tuple[str, int], ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its aliases: every wording that counts as a mention."""
        return (self.term, *self.aliases)

    @property
    def english_term(self) -> str:
        """The main English term (the first rendering)."""
        return self.english[0].text

    def line_of(self, key: str) -> int | None:
        """Line of a dotted key in the file."""
        return dict(self.lines).get(key)


def _strings(value, key, path, lines) -> tuple[str, ...]:
    if value is None:
        return ()
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise PaperError(path, f"'{key}' must be a list of non-empty strings", lines.get(key))
    return tuple(v.strip() for v in value)


def _renderings(value, path, lines) -> tuple[Rendering, ...]:
    out = []
    for i, item in enumerate(value or []):
        key = f"english[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or set(item) - {"text", "used_in"}:
            raise PaperError(path, f"'{key}' must be a mapping with 'text' and optional 'used_in' (see {DOCS})",
                             lines.get(key))
        out.append(Rendering(item["text"].strip(), _strings(item.get("used_in"), f"{key}.used_in", path, lines)))
    if not out:
        raise PaperError(path, f"'english' needs at least one rendering (see {DOCS})", lines.get("english"))
    return tuple(out)


def _quotes(value, path, lines) -> tuple[Quote, ...]:
    out = []
    for i, item in enumerate(value or []):
        key = f"quotes[{i}]"
        if not isinstance(item, dict) or set(item) != {"paper", "paragraph", "text"} \
                or not all(isinstance(v, str) for v in item.values()):
            raise PaperError(path, f"'{key}' must have 'paper', 'paragraph' and 'text' (see {DOCS})", lines.get(key))
        out.append(Quote(item["paper"], item["paragraph"], item["text"].strip(), lines.get(key) or 0))
    return tuple(out)


def read_concept(path: Path, categories: dict[str, Category]) -> tuple[Concept, dict, dict[str, int]]:
    """One concept file, checked on its own; returns the concept (relations still as terms) and raw data."""
    path = Path(path)
    data, lines = load_mapping(path, SCHEMA, DOCS)
    slug = path.stem
    if not SLUG.match(slug):
        raise PaperError(path, "the file name must be a lower-case ASCII slug such as new-quality-productive-forces.yml "
                         "(it becomes the page's address)")
    for key in ("term", "english", "category", "definition"):
        if not data.get(key):
            raise PaperError(path, f"missing required key '{key}' (see {DOCS})")
    definition = data["definition"]
    for lang in ("zh", "en"):
        if not (definition.get(lang) or "").strip():
            raise PaperError(path, f"missing 'definition.{lang}' (see {DOCS})", lines.get("definition"))
    term = data["term"].strip()
    aliases = _strings(data.get("aliases"), "aliases", path, lines)
    for form in (term, *aliases):
        if not HAN.match(form):
            key = "term" if form == term else "aliases"
            raise PaperError(path, f"{form!r} is not a Chinese term of two or more characters", lines.get(key))
    if data["category"] not in categories:
        known = ", ".join(categories) or "none (declare concepts.categories in content/site.yml)"
        raise PaperError(path, f"unknown category {data['category']!r}; known: {known}", lines.get("category"))
    concept = Concept(
        slug=slug, path=str(path), term=term, aliases=aliases,
        pinyin=(data.get("pinyin") or "").strip() or term_pinyin(term),
        english=_renderings(data["english"], path, lines), category=data["category"],
        definition_zh=" ".join(definition["zh"].split()), definition_en=" ".join(definition["en"].split()),
        quotes=_quotes(data.get("quotes"), path, lines), teaching=parse_teaching(data.get("teaching"), path, lines),
        lines=tuple(lines.items()))
    return concept, data, lines


# The concept files last read: folder, and per file its bytes and categories with what read_concept made of
# them. A rebuild under ``mkdocs serve`` parses again only the files that changed; one folder's files are kept.
_READ: dict = {"folder": None, "files": {}}


def _read_changed(folder: Path, by_id: dict) -> list:
    kept = _READ["files"] if _READ["folder"] == str(folder.resolve()) else {}
    files, read = {}, []
    for path in sorted(folder.glob("*.yml")):
        key = (path.read_bytes(), repr(by_id))
        previous = kept.get(str(path))
        if previous is not None and previous[0] == key:
            result = previous[1]
        else:
            result = read_concept(path, by_id)
            if path.read_bytes() != key[0]:   # changed while it was read: not kept
                key = None
        files[str(path)] = (key, result)
        read.append(result)
    _READ["folder"], _READ["files"] = str(folder.resolve()), files
    return read


def load_concepts(content: Path, categories: tuple[Category, ...]) -> tuple[Concept, ...]:
    """Every concept file under content/concepts, validated as a set (duplicates, unknown relations)."""
    folder = Path(content) / "concepts"
    if not folder.is_dir():
        return ()
    by_id = {c.id: c for c in categories}
    read = _read_changed(folder, by_id)
    owner: dict[str, Concept] = {}
    for concept, _, lines in read:
        for form in concept.forms:
            if form in owner:
                other = owner[form]
                key = "term" if form == concept.term else "aliases"
                raise PaperError(concept.path, f"duplicate term {form!r}: already a term or alias of "
                                 f"{Path(other.path).name}", concept.line_of(key))
            owner[form] = concept
    by_term = {c.term: c.slug for c, _, _ in read}
    out = []
    for concept, data, lines in read:
        relations = {}
        for key in ("related", "broader", "narrower"):
            slugs = []
            for i, term in enumerate(_strings(data.get(key), key, concept.path, lines)):
                if term not in by_term:
                    raise PaperError(concept.path, f"{key}: unknown concept {term!r} (no file in content/concepts has "
                                     f"this term)", lines.get(f"{key}[{i}]") or lines.get(key))
                if by_term[term] == concept.slug:
                    raise PaperError(concept.path, f"{key}: a concept cannot be related to itself",
                                     lines.get(f"{key}[{i}]"))
                slugs.append(by_term[term])
            relations[key] = slugs
        out.append((concept, relations))
    return _symmetric(out)


def _symmetric(items) -> tuple[Concept, ...]:
    """Relations hold both ways: A broader B ⇔ B narrower A, A related B ⇔ B related A."""
    rel = {c.slug: {k: list(v) for k, v in r.items()} for c, r in items}
    inverse = {"broader": "narrower", "narrower": "broader", "related": "related"}
    for slug, r in list(rel.items()):
        for key, targets in r.items():
            for target in targets:
                back = rel[target][inverse[key]]
                if slug not in back:
                    back.append(slug)
    out = []
    for concept, _ in items:
        r = rel[concept.slug]
        hierarchy = set(r["broader"]) | set(r["narrower"])
        clash = set(r["broader"]) & set(r["narrower"])
        if clash:
            raise PaperError(concept.path, f"{', '.join(sorted(clash))} is both broader and narrower than {concept.term}")
        related = tuple(s for s in r["related"] if s not in hierarchy)
        out.append(replace(concept, related=related, broader=tuple(r["broader"]), narrower=tuple(r["narrower"])))
    return tuple(out)


def check_renderings(concepts: tuple[Concept, ...], english_texts: dict[str, str]) -> None:
    """An English rendering said to be ``used_in`` a paper must occur in that paper's own English text."""
    for concept in concepts:
        for i, rendering in enumerate(concept.english):
            for paper in rendering.used_in:
                key = f"english[{i}].used_in"
                if paper not in english_texts:
                    raise PaperError(concept.path, f"{key}: unknown paper {paper!r}", concept.line_of(key))
                if rendering.text.lower() not in english_texts[paper].lower():
                    raise PaperError(concept.path, f"{key}: {rendering.text!r} does not occur in the English title, "
                                     f"abstract or key words of {paper}", concept.line_of(key))
