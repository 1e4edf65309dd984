"""The Markdown writer for a paper page (zh-Hans; other scripts are produced by converting text nodes).

The ``convert`` argument maps article text to the target script (identity for zh-Hans); it is
applied to text only, never to ids, URLs or markup.
"""
from __future__ import annotations

from .. import variants
from ..addresses import display_number
from ..labels import Labels
from ..model import Citation, ConceptRef, Document, Heading, NoteRef, Paragraph, Table, Text
from .escape import english_in_chinese, html_text, md_text

FIELD_ORDER = ("文章编号", "中图分类号", "文献标识码", "DOI", "收稿日期", "基金项目", "作者单位", "作者简介", "责任编辑")


def _identity(s: str) -> str:
    return s


class ConceptLinker:
    """Links the first mention of each concept in a section to its page; later ones stay plain text.

    ``targets`` maps a concept slug to (href, term, short definition). The link carries the term and the
    definition as data attributes, which docs/assets/javascripts/site.js shows as a preview on hover, focus
    or a first tap, set as text. (Not as a ``title``: Material's tooltips render a title as HTML.)
    """

    def __init__(self, targets: dict[str, tuple[str, str, str]]):
        self.targets = targets
        self.seen: set[str] = set()

    def new_section(self) -> None:
        """Headings start a new section: concepts may be linked again."""
        self.seen.clear()

    def markdown(self, ref: ConceptRef, convert) -> str:
        """The mention as a link (first in its section) or as text."""
        text = md_text(convert(ref.text))
        if ref.concept in self.seen or ref.concept not in self.targets:
            return text
        self.seen.add(ref.concept)
        href, term, gloss = self.targets[ref.concept]
        return (f'<a class="concept-link" href="{html_text(href)}" data-term="{html_text(convert(term))}" '
                f'data-gloss="{html_text(convert(gloss))}">{text}</a>')


def page_mark(page: int, label: Labels) -> str:
    """Where a printed page of the source begins: an empty element the stylesheet draws (a thin rule at the
    break, the page number in the margin, or inline on a narrow screen and in print), so the paragraph's
    text (search, copying, fingerprints) stays the article's only."""
    return f'<span class="page-mark" data-page="{page}" data-label="{html_text(label("paper.page", n=page))}"></span>'


def _split_at(text: str, count: int) -> int:
    """The index in ``text`` after ``count`` characters that are not whitespace."""
    seen = 0
    for k, ch in enumerate(text):
        if seen == count:
            return k
        if not ch.isspace():
            seen += 1
    return len(text)


def inline_markdown(nodes, doc: Document, convert=_identity, linker: ConceptLinker | None = None,
                    breaks=(), mark=None, label: Labels | None = None) -> str:
    """Markdown for a run of inline nodes; ``breaks`` (model.PageBreak) place ``mark(page)`` in the text;
    ``label``: the page's interface strings (the text as printed's when not given)."""
    label = label or Labels(variants.as_printed())
    has_refs = bool(doc.references)
    ref_numbers = {r.number for r in doc.references}
    out = []
    previous = None
    pending = sorted(breaks, key=lambda b: b.at)
    seen = 0  # characters counted as PageBreak.at counts them

    def marks_until(limit: int) -> None:
        while pending and pending[0].at <= limit:
            out.append(mark(pending.pop(0).page))

    for node in nodes:
        marks_until(seen)
        if isinstance(node, Text) and pending:
            # the break's place is counted in the text as printed (Simplified); the converted text is cut where
            # the converted words before it end (a conversion may change a word's length: 互联网 -> 網際網路)
            text = convert(node.text)
            length = sum(1 for ch in node.text if not ch.isspace())
            pos = 0
            while pending and pending[0].at < seen + length:
                cut = max(pos, min(len(text), len(convert(node.text[:_split_at(node.text, pending[0].at - seen)]))))
                out.append(english_in_chinese(text[pos:cut], md_text))
                marks_until(pending[0].at)
                pos = cut
            out.append(english_in_chinese(text[pos:], md_text))
            seen += length
            previous = node
            continue
        if isinstance(node, (ConceptRef, Citation)):
            printed = node.text if isinstance(node, ConceptRef) else node.label
            seen += sum(1 for ch in printed if not ch.isspace())
        if isinstance(node, NoteRef) and isinstance(previous, NoteRef):
            # Two markers side by side (³⁴) would read as one number: a comma drawn by CSS keeps them apart
            # without adding a character to the paragraph's text.
            out.append('<span class="fn-sep" aria-hidden="true"></span>')
        previous = node
        if isinstance(node, Text):
            out.append(english_in_chinese(convert(node.text), md_text))
        elif isinstance(node, ConceptRef):
            out.append(linker.markdown(node, convert) if linker else md_text(convert(node.text)))
        elif isinstance(node, NoteRef):
            out.append(f"[^{node.note_id}]")
        elif isinstance(node, Citation):
            if has_refs and node.number in ref_numbers:
                out.append(f'[{md_text(node.label)}](#ref-{node.number} "{label("paper.reference_n", n=node.number)}")')
            else:
                out.append(md_text(node.label))
    if pending and mark:
        marks_until(10 ** 9)
    return "".join(out)


def para_mark(paragraph_id: str, label: Labels, cite: str | None = None) -> str:
    """The paragraph's number as a link to itself (¶N), the stable address to copy for citing or assigning.

    The number is drawn by CSS from data-n, so the paragraph's text (search, copy, tests) is the article's only.
    ``cite`` is the GB/T 7714 citation of the passage (papersite.citation.gbt7714_passage), in data-cite:
    docs/assets/javascripts/site.js adds a "cite this paragraph" button that copies it with the address.
    """
    n = display_number(paragraph_id)
    title = html_text(label("paper.para_link", n=n))
    data = f' data-cite="{html_text(cite)}"' if cite else ""
    return f'<a class="para-num" href="#{paragraph_id}" data-n="{n}"{data} title="{title}" aria-label="{title}"></a>'


def retired_note(entry, label: Labels) -> str:
    """The element that keeps a retired address working: it carries the old id, sits just before the paragraph
    that replaced it, and says (shown when its address is followed) what became of the old paragraph."""
    new = label("punctuation.list").join(label("paper.paragraph_n", n=display_number(s)) for s in entry.successors)
    what = label(f"paper.retired.{entry.status}", old=display_number(entry.id), new=new)
    text = label("paper.retired.note", what=what)
    return f'<p class="para-retired" id="{entry.id}" role="note" data-search-exclude>{html_text(text)}</p>'


def paper_markdown(doc: Document, record, convert=_identity, url=None, variant="zh-Hans",
                   concept_targets: dict[str, tuple[str, str, str]] | None = None, guide_href: str | None = None,
                   retired: dict | None = None) -> str:
    """The full Markdown of a paper page: title, metadata panel, abstract, body, notes, citation.

    ``retired`` maps a paragraph id to the retired addresses whose anchors are placed at it (addresses.py)."""
    from . import pages  # pages builds on this module
    from .. import citation as cite
    L = Labels(variant, convert)   # the interface strings (papersite/labels/<variant>.yml)
    title = convert(record.title_zh)
    c = cite.citation_data(record, url)
    parts = pages.front_matter(title, cite.highwire(c), head=pages.head_meta(c),
                               description=pages.first_sentence(convert(doc.meta.abstract) if doc.meta.abstract else None))
    # The paragraph citation: the reference as printed (Simplified), the ¶ label in the reader's script (the
    # catalogue's cite.paragraph, its {n} left for gbt7714_passage to fill in).
    para_label = L("cite.paragraph")
    passage = lambda p: cite.gbt7714_passage(c.at_page(cite.page_span(p.pages)), display_number(p.id), label=para_label)
    parts += [f"# {md_text(title)}", ""]
    if record.title_zh_provenance == "editor":
        parts += [f'<p class="editor-note">{html_text(L("paper.title_by_editors"))}</p>', ""]
    english = pages.cross_variant_href(variant, 1, variants.english_variant(), pages.paper_path(record.slug))
    parts += _meta_panel(doc, record, convert, L, english, guide_href)
    if doc.meta.abstract:
        parts += [f'!!! abstract "{html_text(L("paper.abstract"))}"', "", "    " + md_text(convert(doc.meta.abstract)), ""]
    linker = ConceptLinker(concept_targets or {})
    mark = lambda page: page_mark(page, L)
    opening = lambda block: "".join(mark(b.page) for b in block.page_breaks if b.at == 0)
    for block in doc.blocks:
        if isinstance(block, Heading):
            linker.new_section()
            parts += [f"{'#' * block.level} {opening(block)}{md_text(convert(block.label))} {{#{block.id}}}", ""]
        elif isinstance(block, Paragraph):
            parts += [line for entry in (retired or {}).get(block.id, ()) for line in (retired_note(entry, L), "")]
            inside = [b for b in block.page_breaks if b.at > 0]
            parts += [opening(block) + para_mark(block.id, L, passage(block))
                      + inline_markdown(block.inlines, doc, convert, linker, inside, mark, L),
                      f"{{: #{block.id} .para }}", ""]
        elif isinstance(block, Table):
            parts += _table(block, convert, opening(block), L)
    if doc.references:
        parts += [f"## {L('paper.references')} {{#references}}", "", '<ol class="references">']
        for ref in doc.references:
            parts.append(f'<li id="{ref.id}" value="{ref.number}">{english_in_chinese(convert(ref.text))}</li>')
        parts += ["</ol>", ""]
    else:
        parts += _missing_reference_list(doc, L)
    if doc.notes:
        # The notes under their own heading (in the table of contents), before "how to cite": Python-Markdown
        # puts its footnotes where the placeholder stands.
        parts += [f"## {L('paper.notes')} {{#notes}}", "", FOOTNOTES_HERE, ""]
    parts += pages.cite_section(record, url, L)
    for note in doc.notes:
        parts += [f"[^{note.id}]: {inline_markdown(note.inlines, doc, convert, label=L)}", ""]
    return "\n".join(parts).rstrip() + "\n"


# Python-Markdown's footnotes extension (PLACE_MARKER default) writes the notes where this line stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"


def _missing_reference_list(doc: Document, L) -> list[str]:
    """Where the text cites [n] but the source prints no reference list: the editors say so, under the
    heading the list would have, instead of leaving markers that point nowhere."""
    numbers = sorted({n.number for b in doc.blocks if isinstance(b, Paragraph) for n in b.inlines
                      if isinstance(n, Citation)})
    if not numbers:
        return []
    span = f"[{numbers[0]}]–[{numbers[-1]}]" if len(numbers) > 1 else f"[{numbers[0]}]"
    note = L("paper.no_reference_list", count=len(numbers), span=span)
    return [f"## {L('paper.references')} {{#references}}", "", f'<p class="editor-note">{html_text(note)}</p>', ""]


def _meta_panel(doc: Document, record, convert, L, english_href, guide_href=None) -> list[str]:
    rows = []
    if record.authors:
        names = "、".join(a.display_zh for a in record.authors)
        rows.append((L("paper.authors"), convert(names)))
    if record.journal:
        rows.append((L("paper.journal"), convert(record.journal)))
    for label in FIELD_ORDER:   # the source's own field names, in the page's script
        value = doc.meta.field(label)
        if value:
            rows.append((convert(label), convert(value)))
    if doc.meta.keywords:
        rows.append((L("paper.keywords"), convert("；".join(doc.meta.keywords))))
    out = ['<dl class="paper-meta">']
    for label, value in rows:
        out.append(f"<dt>{html_text(label)}</dt><dd>{html_text(value)}</dd>")
    en_title = html_text(record.title_en) + (html_text(L("paper.editors_translation")) if record.title_en_provenance == "editor" else "")
    out.append(f'<dt>{html_text(L("paper.english_page"))}</dt><dd><a href="{english_href}" hreflang="en" lang="en">{en_title}</a></dd>')
    if guide_href:
        out.append(f'<dt>{html_text(L("paper.guide"))}</dt><dd><a href="{guide_href}">'
                   f'{html_text(L("paper.guide_contents"))}</a></dd>')
    out += ["</dl>", ""]
    return out


def _table(t: Table, convert, opening: str, label: Labels) -> list[str]:
    cell = lambda s: md_text(convert(s))
    out = [f'<p class="table-caption" id="{t.id}">{opening}{html_text(convert(t.caption))}</p>', ""]
    if t.laid_out:
        out.append("| " + " | ".join(cell(h) for h in t.header) + " |")
        out.append("|" + "|".join(" --- " for _ in t.header) + "|")
        for row in t.rows:
            out.append("| " + " | ".join(cell(c) for c in row) + " |")
    else:   # its cells as printed, in the order extracted: no grid that the source does not show
        cells = [*t.header, *(c for row in t.rows for c in row)]
        out += [f'<p class="editor-note">{html_text(label("paper.table_not_laid_out"))}</p>', "", '<ul class="table-cells">',
                *(f"<li>{html_text(convert(c))}</li>" for c in cells), "</ul>"]
    out.append("")
    if t.source_note:
        out += [f'<p class="table-source">{html_text(convert(t.source_note))}</p>', ""]
    return out
    out.append("| " + " | ".join(cell(h) for h in t.header) + " |")
    out.append("|" + "|".join(" --- " for _ in t.header) + "|")
    for row in t.rows:
        out.append("| " + " | ".join(cell(c) for c in row) + " |")
    out.append("")
    if t.source_note:
        out += [f'<p class="table-source">{html_text(convert(t.source_note))}</p>', ""]
    return out
