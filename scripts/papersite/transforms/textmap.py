"""Apply a string function to every piece of text of one language in a Document, counting changes."""
from __future__ import annotations

from dataclasses import replace

from ..model import Document, EnglishMeta, Heading, Meta, Note, Paragraph, Table, Text


def map_chinese_text(doc: Document, fn) -> tuple[Document, int]:
    """Apply ``fn(str) -> (str, count)`` to the Chinese text of a document (body, notes, metadata)."""
    total = 0

    def f(s):
        nonlocal total
        if s is None:
            return None
        out, n = fn(s)
        total += n
        return out

    def inlines(nodes):
        return tuple(Text(f(n.text)) if isinstance(n, Text) else n for n in nodes)

    blocks = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            blocks.append(replace(b, inlines=inlines(b.inlines)))
        elif isinstance(b, Heading):
            blocks.append(replace(b, text=f(b.text)))
        elif isinstance(b, Table):
            blocks.append(replace(b, caption=f(b.caption), header=tuple(f(c) for c in b.header),
                                  rows=tuple(tuple(f(c) for c in r) for r in b.rows),
                                  source_note=f(b.source_note)))
        else:
            blocks.append(b)
    notes = tuple(replace(n, inlines=inlines(n.inlines)) for n in doc.notes)
    refs = tuple(replace(r, text=f(r.text)) for r in doc.references)
    m = doc.meta
    meta = replace(m, title=f(m.title), abstract=f(m.abstract), keywords=tuple(f(k) for k in m.keywords),
                   fields=tuple((k, f(v)) for k, v in m.fields))
    return replace(doc, meta=meta, blocks=tuple(blocks), notes=notes, references=refs), total


def map_english_meta(doc: Document, fn) -> tuple[Document, int]:
    """Apply ``fn(str) -> (str, count)`` to the English metadata."""
    total = 0

    def f(s):
        nonlocal total
        if s is None:
            return None
        out, n = fn(s)
        total += n
        return out

    e = doc.meta.english
    english = EnglishMeta(f(e.title), f(e.authors), f(e.abstract), tuple(f(k) for k in e.keywords))
    return replace(doc, meta=replace(doc.meta, english=english)), total
