"""The site's interface strings: one catalogue per variant, papersite/labels/<code>.yml.

Every heading, button text, tooltip and note the writers put around the papers' text comes from the
catalogue of the page's variant (papersite.variants), by a dotted key (``concept.pinyin``). A catalogue is

    derive: zh-Hans        # optional: entries left out are that catalogue's, through this variant's converter
    labels:
      concept:
        pinyin: 拼音        # a text; {name} fields are filled in by the writer (str.format)
      home:
        search: ~          # not shown on this variant's pages (the key is still named, so none is forgotten)

A catalogue that derives (zh-Hant from zh-Hans, through OpenCC) gives only the entries whose conversion
would be wrong; its own entry wins. The derived text is converted after its fields are filled in, as the
whole phrase a reader sees. Loading checks the catalogues against each other: a key that one catalogue has
and another lacks, an entry of a deriving catalogue that its source lacks, and fields that differ between
catalogues are errors naming the file, line and key. A ``~`` entry says that the variant's pages do not show
that text (the English home page has no bullet about Simplified and Traditional search input; the Chinese one
has no link list to the English abstract pages); asking for it is an error, and a deriving catalogue may not
say it (its entries are its source's texts).

The catalogues hold the interface, the same for every corpus. What is said about one corpus (the site's title,
the home page's first sentence, its example words) is that corpus's content/site.yml (papersite.siteconfig).
"""
from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from pathlib import Path

from .. import variants
from ..errors import PaperError
from ..variants import Variant
from ..yamlfile import read_mapping

LABELS_DIR = Path(__file__).resolve().parent
DOCS = "papersite/labels/__init__.py"


@dataclass(frozen=True)
class Catalogue:
    """One variant's catalogue as read: dotted key -> text, and where each key is."""
    code: str
    path: Path
    entries: dict[str, str | None]   # None: a ``~`` entry, a text this variant's pages do not show
    lines: dict[str, int]
    derive: str | None = None


def _flatten(node, prefix: str, path: Path, lines: dict[str, int], out: dict[str, str]) -> None:
    for key, value in node.items():
        dotted = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten(value, dotted, path, lines, out)
        elif (isinstance(value, str) and value) or value is None:
            out[dotted[len("labels."):]] = value
        else:
            raise PaperError(path, f"'{dotted}' must be a text, ~ or a mapping of texts", lines.get(dotted))


def read_catalogue(path: Path, code: str) -> Catalogue:
    """One catalogue file, its shape checked (a mapping ``labels`` of texts, an optional ``derive``)."""
    data, lines = read_mapping(path, DOCS)
    unknown = sorted(set(data) - {"derive", "labels"})
    if unknown:
        raise PaperError(path, f"unknown key '{unknown[0]}' (a catalogue has 'labels' and may have 'derive'; see {DOCS})",
                         lines.get(unknown[0]))
    derive = data.get("derive")
    if derive is not None and derive not in variants.CODES:
        raise PaperError(path, f"derive: {derive!r} is not a variant ({', '.join(variants.CODES)})", lines.get("derive"))
    if not isinstance(data.get("labels"), dict):
        raise PaperError(path, "'labels' must be a mapping of texts", lines.get("labels", 1))
    entries: dict[str, str] = {}
    _flatten(data["labels"], "labels", path, lines, entries)
    return Catalogue(code, Path(path), entries, {k[len("labels."):]: n for k, n in lines.items()
                                                 if k.startswith("labels.")}, derive)


def fields(text: str) -> set[str]:
    """The {fields} a text's writer fills in."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def check(catalogues: dict[str, Catalogue]) -> None:
    """The catalogues agree: every key in every catalogue that does not derive, a deriving catalogue's
    keys in its source, the same fields for a key everywhere."""
    def where(c: Catalogue, key: str) -> str:
        return f"{c.path.name}:{c.lines.get(key)}"

    full = [c for c in catalogues.values() if c.derive is None]
    for c in catalogues.values():
        if c.derive is not None and catalogues[c.derive].derive is not None:
            raise PaperError(c.path, f"derive: {c.derive} derives in its turn; derive from a catalogue with every key",
                             c.lines.get("derive"))
    for c in full:
        for other in full:
            for key in other.entries:
                if key not in c.entries:
                    raise PaperError(c.path, f"no entry for '{key}' ({where(other, key)} has one)")
    for c in catalogues.values():
        source = catalogues[c.derive] if c.derive else None
        for key, text in c.entries.items():
            if source is not None and key not in source.entries:
                raise PaperError(c.path, f"'{key}' is not in {source.path.name}, which this catalogue derives from",
                                 c.lines.get(key))
            if text is None and source is not None:
                raise PaperError(c.path, f"'{key}' is ~ here: a deriving catalogue gives texts only", c.lines.get(key))
            # The text it is compared with: its source's, else the first full catalogue's that is not ~.
            model = source if source is not None else next((o for o in full if o.entries[key] is not None), full[0])
            if text is not None and model.entries[key] is not None and fields(text) != fields(model.entries[key]):
                raise PaperError(c.path, f"'{key}' fills in {sorted(fields(text))}, but {where(model, key)} "
                                 f"fills in {sorted(fields(model.entries[key]))}", c.lines.get(key))


@functools.lru_cache(maxsize=None)
def catalogues(directory: Path = LABELS_DIR) -> dict[str, Catalogue]:
    """Every variant's catalogue from ``directory``, checked against each other (read once)."""
    out = {}
    for v in variants.VARIANTS:
        path = Path(directory) / f"{v.code}.yml"
        if not path.is_file():
            raise PaperError(path, f"variant {v.code} has no label catalogue (see {DOCS})")
        out[v.code] = read_catalogue(path, v.code)
    check(out)
    return out


class Labels:
    """One variant's interface strings: ``labels("concept.pinyin")``, ``labels("concept.occurs", total=3)``."""

    def __init__(self, variant: str | Variant, convert=None, directory: Path = LABELS_DIR):
        self.variant = variants.get(variant)
        self.convert = convert
        cats = catalogues(Path(directory))
        self.own = cats[self.variant.code]
        self.source = cats[self.own.derive] if self.own.derive else None

    def __call__(self, key: str, **values) -> str:
        text = self.own.entries.get(key)
        if text is not None:
            return text.format(**values) if values else text
        if key in self.own.entries or (self.source is not None and key in self.source.entries
                                       and self.source.entries[key] is None):
            raise KeyError(f"'{key}' is ~ in {self.own.path.name}: {self.variant.code} pages do not show it")
        if self.source is None or key not in self.source.entries:
            raise KeyError(f"no interface string '{key}' in {self.own.path.name}")
        if self.convert is None:
            raise ValueError(f"'{key}' is derived from {self.source.path.name}: these labels need the variant's converter")
        text = self.source.entries[key]
        return self.convert(text.format(**values) if values else text)
