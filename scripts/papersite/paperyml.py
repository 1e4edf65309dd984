"""paper.yml: a paper's curated metadata and the per-paper facts the converter cannot infer.

Every key is documented in content/papers/README.md. Validation errors name the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from .errors import PaperError
from .yamlfile import KINDS, kind_of, load_mapping

DOCS = "content/papers/README.md"
PROVENANCES = ("source", "editor")

SCHEMA = {
    "source": {"original_name": str, "sha256": str},
    "title": {"zh": str, "zh_provenance": str, "en": str, "en_provenance": str, "short_zh": str, "short_en": str},
    "authors": list,
    "journal": {"name": str, "name_en": str, "provenance": str},
    "year": int,
    "summary": {"zh": str, "en": str},
    "source_fields": dict,
    "keywords": {"zh": [str], "en": [str]},
    "conversion": {"furniture": list, "english_abstract": int, "table_columns": dict, "numbering": str, "lines": dict,
                   "first_page": int},
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
    short_title_zh: str | None = None   # the navigation's name for the paper's reading guide (title.short_zh)
    short_title_en: str | None = None
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
    numbering: str | None = None
    line_roles: tuple = ()  # LineRole declarations (conversion.lines)
    first_page: int | None = None  # conversion.first_page: the printed number of the source's first page
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
        for key, kind in AUTHOR_KEYS.items():
            if a.get(key) is not None and (not isinstance(a[key], kind) or isinstance(a[key], bool)):
                raise PaperError(path, f"'authors[{i}].{key}' must be {KINDS[kind]}, not {kind_of(a[key])}",
                                 lines.get(f"authors[{i}].{key}") or where)
        if not a.get("pinyin"):
            raise PaperError(path, "author is missing required key 'pinyin'", where)
        prov = a.get("name_provenance", "source")
        if prov not in PROVENANCES:
            raise PaperError(path, f"'name_provenance' must be source or editor, not {prov!r}", where)
        authors.append(Author(a.get("name"), a["pinyin"], prov))
    for key, value in (data.get("source_fields") or {}).items():
        if isinstance(value, (dict, list)) or value is None:
            raise PaperError(path, f"'source_fields.{key}' must be the field's text as printed",
                             lines.get(f"source_fields.{key}"))
    conv = data.get("conversion") or {}
    furniture, table_columns, roles = _conversion(conv, path, lines)
    kw = data.get("keywords") or {}
    journal = data.get("journal") or {}
    summary = data.get("summary") or {}
    return PaperRecord(
        path=str(path), slug=path.parent.name,
        original_name=data["source"]["original_name"], sha256=data["source"]["sha256"],
        title_zh=data["title"]["zh"], title_zh_provenance=data["title"]["zh_provenance"],
        title_en=data["title"]["en"], title_en_provenance=data["title"]["en_provenance"],
        authors=tuple(authors), short_title_zh=data["title"].get("short_zh"), short_title_en=data["title"].get("short_en"),
        journal=journal.get("name"), journal_en=journal.get("name_en"),
        year=data.get("year"), summary_zh=summary.get("zh"), summary_en=summary.get("en"),
        source_fields=tuple((str(k), str(v)) for k, v in (data.get("source_fields") or {}).items()),
        keywords_zh=tuple(kw.get("zh") or ()), keywords_en=tuple(kw.get("en") or ()),
        furniture=furniture, english_abstract=conv.get("english_abstract"),
        table_columns=table_columns, numbering=conv.get("numbering"), line_roles=roles,
        first_page=_first_page(conv, path, lines), lines=lines)


@dataclass(frozen=True)
class LineRole:
    """A declared fact about source lines ``first``-``last``: ``role`` furniture | heading | note | body."""
    first: int
    last: int
    role: str
    arg: str | int | None = None
    yml_line: int | None = None


_ROLE = re.compile(r"^(?:(?P<plain>furniture|body)|heading\s+(?P<level>[2-6])|note\s+(?P<label>\S{1,6}))$")
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+))?\s*$")


def _conversion(conv: dict, path, lines) -> tuple[tuple[str, ...], dict, tuple[LineRole, ...]]:
    """Validate the ``conversion`` block: each value in the form documented in content/papers/README.md."""
    furniture = []
    for i, item in enumerate(conv.get("furniture") or ()):
        if not isinstance(item, str) or not item.strip():
            raise PaperError(path, f"conversion.furniture[{i}] is {item!r}; expected a line of the source as a quoted "
                             "string (write each run of digits as # to match every page's number, e.g. '· # ·')",
                             lines.get(f"conversion.furniture[{i}]") or lines.get("conversion.furniture"))
        furniture.append(item)
    ea = conv.get("english_abstract")
    if ea is not None and (isinstance(ea, bool) or ea < 1):
        raise PaperError(path, f"conversion.english_abstract is {ea!r}; expected 1, 2, … (which English abstract, "
                         "in source order)", lines.get("conversion.english_abstract"))
    tables = {}
    for label, value in (conv.get("table_columns") or {}).items():
        where = lines.get(f"conversion.table_columns.{label}")
        expected = ("expected a number of columns (2 or more) or {columns: N, order: rows|columns|groups|runs}, the groups "
                    "as the sizes of the runs of neighbouring columns read together, row by row, e.g. '1+1+2', the runs "
                    "as the column of each cell in the order extracted, each column as often, e.g. '1234 123 33 444 3 4 "
                    "111 222'")
        if isinstance(value, dict):
            unknown = set(value) - {"columns", "order"}
            cols, order = value.get("columns"), value.get("order")
            groups = isinstance(order, str) and re.fullmatch(r"[1-9]\d*(?:\+[1-9]\d*)+", order) is not None and \
                isinstance(cols, int) and sum(int(g) for g in order.split("+")) == cols
            if isinstance(order, int) and not isinstance(order, bool):
                order = str(order)  # runs written without spaces read as a number
            digits = order.replace(" ", "") if isinstance(order, str) else ""
            runs = isinstance(cols, int) and re.fullmatch(r"[1-9]+", digits) is not None and \
                {int(k) for k in digits} == set(range(1, cols + 1)) and len({digits.count(k) for k in digits}) == 1
            if unknown or not isinstance(cols, int) or isinstance(cols, bool) or cols < 1 or \
                    order not in (None, "rows", "columns") and not groups and not runs:
                raise PaperError(path, f"conversion.table_columns.{label} is {value!r}; {expected}", where)
        elif not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise PaperError(path, f"conversion.table_columns.{label} is {value!r}; {expected}", where)
        if not re.fullmatch(r"表\s*\d+(?:[-.．]\d+)?", str(label)):
            raise PaperError(path, f"conversion.table_columns key {label!r} is not a table label; expected the label "
                             "as printed, e.g. 表1", where)
        tables[re.sub(r"\s+", "", str(label))] = value
    numbering = conv.get("numbering")
    if numbering is not None and numbering not in ("continues", "restarts"):
        raise PaperError(path, f"conversion.numbering is {numbering!r}; expected 'continues' (child headings "
                         "number straight through the parts) or 'restarts' (（一） again under each part)",
                         lines.get("conversion.numbering"))
    roles = []
    for key, value in (conv.get("lines") or {}).items():
        where = lines.get(f"conversion.lines.{key}")
        m = _RANGE.match(str(key))
        if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            raise PaperError(path, f"conversion.lines key {key!r}; expected a source line number or range, e.g. 300 "
                             "or 120-124", where)
        r = _ROLE.match(str(value).strip()) if isinstance(value, str) else None
        if not r:
            raise PaperError(path, f"conversion.lines.{key} is {value!r}; expected 'furniture', 'body', 'heading N' "
                             "(N = 2…6) or 'note L' (L = the note's printed label, e.g. ③)", where)
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        role = r.group("plain") or ("heading" if r.group("level") else "note")
        arg = int(r.group("level")) if r.group("level") else r.group("label")
        roles.append(LineRole(first, last, role, arg, where))
    roles.sort(key=lambda x: x.first)
    for a, b in zip(roles, roles[1:]):
        if b.first <= a.last:
            raise PaperError(path, f"conversion.lines: lines {b.first}-{b.last} overlap lines {a.first}-{a.last}; "
                             "expected each line to have one role", b.yml_line)
    return tuple(furniture), tables, tuple(roles)


def _first_page(conv: dict, path, lines) -> int | None:
    value = conv.get("first_page")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10000):
        raise PaperError(path, f"conversion.first_page is {value!r}; expected the number printed on the source's first "
                         "page (1 or more), e.g. 91", lines.get("conversion.first_page"))
    return value


def check_declarations(record: PaperRecord, source_lines) -> None:
    """Declared line roles must be true of the source: lines that exist, hold text, and fit the role."""
    from .reader.furniture import shape
    from .textutil import display_width, ends_sentence
    path = record.path
    n = len(source_lines)
    shapes = None
    for role in record.line_roles:
        span = f"{role.first}-{role.last}" if role.last != role.first else str(role.first)
        if role.last > n:
            raise PaperError(path, f"conversion.lines.{span}: the source has {n} lines; expected lines within it", role.yml_line)
        texts = [source_lines[k - 1].strip(" \t\f\u3000") for k in range(role.first, role.last + 1)]
        if not texts[0]:
            raise PaperError(path, f"conversion.lines.{span}: line {role.first} is blank; expected the range to start "
                             "at a line of text", role.yml_line)
        if role.role == "note":
            label = re.sub(r"^[>*\s]+", "", texts[0])
            if not label.startswith(role.arg):
                raise PaperError(path, f"conversion.lines.{span} says note {role.arg}, but line {role.first} begins "
                                 f"{texts[0][:12]!r}; expected the note's printed label at its start", role.yml_line)
        if role.role == "heading" and (ends_sentence(texts[0]) and display_width(texts[0]) > 30 or role.last != role.first + len(texts) - 1):
            raise PaperError(path, f"conversion.lines.{span}: line {role.first} reads as a sentence of the text "
                             f"({texts[0][:20]!r}…); expected a heading line", role.yml_line)
        if role.role == "furniture":
            if shapes is None:
                from collections import Counter
                shapes = Counter(shape(l) for l in source_lines if l.strip())
            for k, text in zip(range(role.first, role.last + 1), texts):
                if text and shapes[shape(text)] < 2 and (ends_sentence(text) or display_width(text) > 30):
                    raise PaperError(path, f"conversion.lines.{span}: line {k} reads {text[:20]!r}…, printed once and "
                                     "set as text; expected page furniture (a running head, folio or masthead)", role.yml_line)


def _get(data, dotted):
    cur = data
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur
