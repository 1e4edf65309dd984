"""The names a reader may type for a page: a concept's term, aliases, their other-script forms, English
renderings and pinyin; a paper's titles and its authors (Chinese names and pinyin)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_U_UMLAUT = re.compile("[üǖǘǚǜ]")


@dataclass(frozen=True)
class Name:
    """A page (its URL in the built site) and the names it goes by; ``kind`` is concept or paper."""
    url: str
    kind: str
    forms: tuple[str, ...]


def _unique(forms) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.strip() for f in forms if f and f.strip()))


def typed_pinyin(pinyin: str | None) -> tuple[str, ...]:
    """A pinyin form as it may be typed: as written, and with ü (in any tone) typed v, as pinyin input
    methods take it (lǜsè -> lvsè; folding then drops the tone marks)."""
    if not pinyin:
        return ()
    return _unique((pinyin, _U_UMLAUT.sub("v", pinyin), _U_UMLAUT.sub("v", pinyin.lower())))


def site_names(concepts, papers, to_traditional) -> tuple[Name, ...]:
    """Names of every concept page and paper page (the same in every variant: a reader may type any)."""
    out = []
    for c in concepts:
        chinese = (c.term, *c.aliases)
        forms = (*chinese, *(to_traditional(f) for f in chinese), *typed_pinyin(c.pinyin), *(r.text for r in c.english))
        out.append(Name(f"concepts/{c.slug}.html", "concept", _unique(forms)))
    for p in papers:
        r = p.record
        authors = [x for a in r.authors for x in (a.name, a.name and to_traditional(a.name), *typed_pinyin(a.pinyin))]
        forms = (r.title_zh, to_traditional(r.title_zh), r.title_en, *authors)
        out.append(Name(f"papers/{p.slug}.html", "paper", _unique(forms)))
    return tuple(out)
