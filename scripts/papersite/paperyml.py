"""paper.yml: a paper's curated metadata and the per-paper facts the converter cannot infer.

Every key is documented in content/papers/README.md. Validation errors name the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from .errors import PaperError
from .yamlfile import load_mapping

DOCS = "content/papers/README.md"
PROVENANCES = ("source", "editor")

SCHEMA = {
    "source": {"original_name": str, "sha256": str},
    "title": {"zh": str, "zh_provenance": str, "en": str, "en_provenance": str},
    "authors": list,
    "journal": {"name": str, "name_en": str, "provenance": str},
    "year": int,
    "summary": {"zh": str, "en": str},
    "source_fields": dict,
    "keywords": {"zh": list, "en": list},
    "conversion": {"furniture": list, "english_abstract": int, "table_columns": dict},
}
REQUIRED = ("source.original_name", "source.sha256", "title.zh", "title.zh_provenance", "title.en",
            "title.en_provenance", "authors")
AUTHOR_KEYS = {"name": str, "name_provenance": str, "pinyin": str}


@dataclass(frozen=True)
class Author:
    """An author: Chinese name (None when the source gives none) and pinyin."""
    name: str | None
    pinyin: str
    name_provenance: str = "source"

    @property
    def display_zh(self) -> str:
        """How the author is named on a Chinese page."""
        return self.name or self.pinyin


@dataclass(frozen=True)
class PaperRecord:
    """A validated paper.yml."""
    path: str
    slug: str
    original_name: str
    sha256: str
    title_zh: str
    title_zh_provenance: str
    title_en: str
    title_en_provenance: str
    authors: tuple[Author, ...]
    journal: str | None = None
    journal_en: str | None = None
    year: int | None = None
    summary_zh: str | None = None
    summary_en: str | None = None
    source_fields: tuple[tuple[str, str], ...] = ()
    keywords_zh: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    english_abstract: int | None = None
    table_columns: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, key: str) -> int | None:
        """Line number of a dotted key in paper.yml."""
        return self.lines.get(key)


def load_record(path: Path) -> PaperRecord:
    """Load and validate a paper.yml (the slug is its folder's name)."""
    path = Path(path)
    data, lines = load_mapping(path, SCHEMA, DOCS)
    for key in REQUIRED:
        if _get(data, key) in (None, "", []):
            parent = key.rsplit(".", 1)[0]
            raise PaperError(path, f"missing required key '{key}'", lines.get(parent))
    for key in ("title.zh_provenance", "title.en_provenance", "journal.provenance"):
        value = _get(data, key)
        if value is not None and value not in PROVENANCES:
            raise PaperError(path, f"'{key}' must be one of {', '.join(PROVENANCES)}, not {value!r}", lines.get(key))
    if not re.fullmatch(r"[0-9a-f]{64}", str(_get(data, "source.sha256"))):
        raise PaperError(path, "'source.sha256' must be 64 lowercase hex digits", lines.get("source.sha256"))
    authors = []
    for i, a in enumerate(data["authors"]):
        where = lines.get(f"authors[{i}]")
        if not isinstance(a, dict):
            raise PaperError(path, "each author must be a mapping with 'pinyin' (and 'name')", where)
        unknown = set(a) - set(AUTHOR_KEYS)
        if unknown:
            raise PaperError(path, f"unknown author key '{sorted(unknown)[0]}'", where)
        if not a.get("pinyin"):
            raise PaperError(path, "author is missing required key 'pinyin'", where)
        prov = a.get("name_provenance", "source")
        if prov not in PROVENANCES:
            raise PaperError(path, f"'name_provenance' must be source or editor, not {prov!r}", where)
        authors.append(Author(a.get("name"), a["pinyin"], prov))
    conv = data.get("conversion") or {}
    kw = data.get("keywords") or {}
    journal = data.get("journal") or {}
    summary = data.get("summary") or {}
    return PaperRecord(
        path=str(path), slug=path.parent.name,
        original_name=data["source"]["original_name"], sha256=data["source"]["sha256"],
        title_zh=data["title"]["zh"], title_zh_provenance=data["title"]["zh_provenance"],
        title_en=data["title"]["en"], title_en_provenance=data["title"]["en_provenance"],
        authors=tuple(authors), journal=journal.get("name"), journal_en=journal.get("name_en"),
        year=data.get("year"), summary_zh=summary.get("zh"), summary_en=summary.get("en"),
        source_fields=tuple((str(k), str(v)) for k, v in (data.get("source_fields") or {}).items()),
        keywords_zh=tuple(kw.get("zh") or ()), keywords_en=tuple(kw.get("en") or ()),
        furniture=tuple(conv.get("furniture") or ()), english_abstract=conv.get("english_abstract"),
        table_columns=dict(conv.get("table_columns") or {}), lines=lines)


def _get(data, dotted):
    cur = data
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur
