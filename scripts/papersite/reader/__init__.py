"""The reader: raw PDF-extracted text -> Document.

Stages, in order (each lifts one kind of material out of the line stream; what it infers, it
infers from the document itself — repetition, sequence and position — not from known layouts):
 1. dialect     extractor marks read as structure: Markdown ``#`` ``**`` ``<sup>`` ``>`` pipes and
                page rules (pymupdf4llm, marker, markitdown), pdftotext's form feeds
 2. lines       non-blank lines as records (page starts, indents, heading marks, table cells)
 3. furniture   running heads, masthead lines and folios found by repetition of their shape
                across pages (any length, any folio style); pages numbered from them
 3b. columns    pages read across two columns (lines merged side by side, pipe rows of two
                text columns, lines alternating; pdfminer/markitdown, pdftotext -layout) put
                back in column order, left then right
    pages       (after the fields) the printed page each line is on: folios, the 文章编号's page range
                or a declared first page, with the page breaks (reader/pages.py)
 4. notes       note blocks at page feet, found by label sequence and the markers that cite them
 5. english     this article's English title/authors/abstract/key words (matched to the Chinese
                key words); other articles' fragments set aside
 6. fields      masthead, title over lines, authors (checked against 作者简介 or the English
                names' pinyin), affiliations, 摘要, 关键词, 文章编号 … 作者简介, 责任编辑
 7. tables      flattened tables rebuilt, in row or column order
 7b. blocks     pages pdftotext read block by block across two columns (side-by-side headings, their
                texts after both) put back in column order where the order given breaks the numbering
 8. body        headings (numbering families, restarting or continuing), paragraphs, reference
                list; markers paired with notes
Facts the reader cannot infer are declared in paper.yml ``conversion`` (see ReaderOptions).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import (Document, EnglishMeta, Heading, LogEntry, Meta, Note, PageBreak, Paragraph, Reference,
                     Table, Text)
from ..textutil import join_lines
from .blocks import reorder_blocks
from .body import Layout, measure_layout, parse_body
from .english import english_runs, parse_english
from .frontmatter import label_at_start, masthead_names, names_from_bio, parse_author_line, scan_fields
from .headings import REFERENCE_HEADINGS, match_heading
from .inline import break_offsets, lift_raised_markers, parse_inlines, restore_lifted_markers
from .furniture import remove_furniture, strip_inline_heads, strip_masthead_repeats
from .interleave import unweave
from .lines import make_lines
from .notes import MarkerPairing, extract_notes, note_text
from .pages import article_range, page_of, paginate
from .tables import extract_tables, table_grid


@dataclass(frozen=True)
class ReaderOptions:
    """Per-paper facts the reader cannot infer (paper.yml ``conversion``)."""
    furniture: tuple[str, ...] = ()
    english_abstract: int | None = None
    table_columns: dict = field(default_factory=dict)
    numbering: str | None = None  # "continues" or "restarts": child numbering under a new parent
    line_roles: tuple = ()  # paperyml.LineRole declarations (conversion.lines)
    first_page: int | None = None  # the printed number of the source's first page (conversion.first_page)

    def roles_by_line(self) -> dict[int, tuple]:
        """Source line number -> (role, argument, last line of its range)."""
        out = {}
        for r in self.line_roles:
            for no in range(r.first, r.last + 1):
                out[no] = (r.role, r.arg, r.last)
        return out


def read_text(raw_lines, path: str, options: ReaderOptions = ReaderOptions(), trace: dict | None = None) -> Document:
    """Convert the lines of one source into a Document.

    ``trace``, when given, receives the role of each front- and back-matter line (line number ->
    role), which the Document does not record by line (the proof view shows it).
    """
    raw_lines = list(raw_lines)
    log: list[LogEntry] = []
    roles = options.roles_by_line()
    evidence: dict = {}
    all_lines = make_lines(raw_lines)
    lines, entries = remove_furniture(all_lines, options.furniture, {k: v[0] for k, v in roles.items()}, evidence)
    log += entries
    tail = [raw for raw in raw_lines if raw.strip(" \t\r\n")][-1:]
    lines, entries = unweave(lines, bool(tail) and tail[0].rstrip(" \t\r\n").endswith("\f"))
    log += entries

    # the journal's name from page 1's masthead set again (a running head too rare to recur), before the notes
    # at a page's foot can take it in
    names, masthead_end = masthead_names(all_lines)
    top = all_lines[masthead_end - 1].no if masthead_end else 0
    rest, entries = strip_masthead_repeats([l for l in lines if l.no > top], names)
    lines = [l for l in lines if l.no <= top] + rest
    log += entries

    lines, raw_notes, entries = extract_notes(lines, lambda l: label_at_start(l) is not None,
                                           {k: v for k, v in roles.items() if v[0] != "furniture"})
    log += entries

    english_lines = []
    for start, end in reversed(english_runs(lines)):
        english_lines[:0] = lines[start:end]
        del lines[start:end]
    english, english_log = parse_english(english_lines, options.english_abstract, path, _zh_keyword_count(lines))
    log += english_log

    def heading_like(line):
        return bool(line.md_level) or (match_heading(line.text) is not None and line.width < 40)

    found = scan_fields(lines, heading_like, english.authors, measure_layout(lines).wrapped)
    for line in found.masthead or []:
        log.append(LogEntry("furniture", f"removed page furniture {line.text!r} (masthead)", line.no))
    body_lines = [l for k, l in enumerate(lines) if k not in found.used]
    masthead_pieces = [re.split(r"[ \u3000]+", l.text.strip()) for l in found.masthead or []]
    # the title and masthead the fields took: the same text again is a running head, wherever it stands
    read = ["".join(l.text for l in found.title_lines)] + \
        [" ".join(p[:k]) for p in masthead_pieces for k in range(len(p), 0, -1)]
    heads = read + \
        [e.message.split("'")[1] for e in log if e.kind == "furniture" and "running head" in e.message and e.message.count("'") >= 2]
    # a paper has a few running heads; a cap keeps a pathological source (everything recurring) linear
    heads = list(dict.fromkeys(h for h in heads if h))[:16]
    body_lines, entries = strip_inline_heads(body_lines, heads, frozenset(read))
    log += entries
    # a running head an extractor ran into an English line (the English block read again without it)
    stripped, entries = strip_inline_heads(english_lines, heads, frozenset(read))
    if entries:
        log = [e for e in log if not any(e is x for x in english_log)] + entries
        english, english_log = parse_english(stripped, options.english_abstract, path, _zh_keyword_count(lines))
        log += english_log
    if trace is not None:
        _trace_front_matter(trace, lines, found, english_lines)
    body_lines, entries = restore_lifted_markers(body_lines)  # a block of its own to the blocks stage
    log += entries
    layout = measure_layout(body_lines)
    body_lines, raw_tables, entries = extract_tables(body_lines, layout.width, options.table_columns, path)
    log += entries
    if raw_tables:  # the cells (short lines that run on) no longer hide how the text is set
        layout = measure_layout(body_lines)

    meta = _meta(found, english)
    pages, entries = paginate(all_lines, evidence["found"], evidence["cuts"], article_range(meta.field("文章编号")),
                              options.first_page, {l.no for l in found.masthead or ()})
    log += entries
    anchors: dict[int, list[int]] = {}
    for t_index, table in enumerate(raw_tables):
        anchors.setdefault(table.anchor, []).append(t_index)
    body_lines, entries = reorder_blocks(body_lines, anchors, all_lines, options.numbering)
    log += entries
    items, entries = parse_body(body_lines, anchors, layout, options.numbering,
                                {k: v[1] for k, v in roles.items() if v[0] == "heading"})
    log += entries
    log.append(LogEntry("layout", f"column width {layout.width:g} em, "
                        f"{'hard-wrapped' if layout.wrapped else 'one line per paragraph'}"))
    return _assemble(meta, items, raw_notes, raw_tables, log, pages)


def _trace_front_matter(trace: dict, lines, found, english_lines) -> None:
    """Record the role of each line the front-matter and English stages took."""
    for line in english_lines:
        trace[line.no] = "English front/back matter"
    label = None
    field_starts = {no: lab for lab, _, no in found.fields}
    for k in sorted(found.used):
        line = lines[k]
        label = field_starts.get(line.no, label)
        trace[line.no] = f"front matter: {label}" if label else "front matter"
    for role, group in (("masthead (furniture)", found.masthead), ("title", found.title_lines),
                        ("author", found.author_lines), ("affiliation", found.affiliations)):
        for line in group or []:
            trace[line.no] = role


def _zh_keyword_count(lines) -> int:
    """How many key words the first 关键词 line lists (the English ones are matched to it)."""
    from .frontmatter import split_fields
    for line in lines:
        if label_at_start(line) == "关键词":
            value = dict(split_fields(line.text)).get("关键词", "")
            return len([k for k in re.split(r"[；;，,]\s*|\s{2,}", value) if k.strip()])
    return 0


def _meta(found, english: EnglishMeta) -> Meta:
    title = None
    marker = None
    if found.title_lines:
        title = ""
        for line in found.title_lines:
            title = join_lines(title, line.text)
        m = re.search(r"\s*([*＊†]+)$", title)
        if m:
            marker, title = m.group(1), title[: m.start()]
    fields = [(label, value) for label, value, _ in found.fields]
    if found.affiliations:
        fields.append(("作者单位", "；".join(l.text.strip() for l in found.affiliations)))
    authors: list[str] = []
    if found.author_line is not None:
        authors = found.names or []
    authors_from = "author line" if authors else None
    if not authors:
        bio = next((v for k, v in fields if k == "作者简介"), None)
        authors = names_from_bio(bio) if bio else []
        authors_from = "作者简介" if authors else None
    abstract = next((v for k, v in fields if k == "摘要"), None)
    keywords_text = next((v for k, v in fields if k == "关键词"), "")
    keywords = tuple(k.strip() for k in re.split(r"[；;，,]\s*|\s{2,}", keywords_text) if k.strip())
    rest = tuple((k, v) for k, v in fields if k not in ("摘要", "关键词"))
    return Meta(title=title, title_marker=marker, authors=tuple(authors), authors_from=authors_from, abstract=abstract,
                keywords=keywords, fields=rest, english=english)


def _assemble(meta, items, raw_notes, raw_tables, log, pages=()) -> Document:
    note_ids = [f"n{k + 1}" for k in range(len(raw_notes))]
    pairing = MarkerPairing(list(raw_notes))
    blocks = []
    block_lines = []  # per block: its source lines, and (paragraphs) where each begins in its text
    references = []
    counters = {"p": 0, "s": 0, "t": 0}
    for item in items:
        if item.kind == "heading" and item.heading.number is None and item.heading.title.rstrip("：:") in REFERENCE_HEADINGS:
            # the reference list's own heading: the page prints it above the list (one 参考文献, not two)
            log.append(LogEntry("structure", "参考文献 heading read as the start of the reference list", item.lines[0].no))
        elif item.kind == "heading":
            counters["s"] += 1
            joined = ""
            for line in item.lines:
                joined = join_lines(joined, line.text)
            hm = item.heading
            blocks.append(Heading(f"s{counters['s']}", item.level, hm.number, _strip_number(joined, hm.number),
                                  item.lines[0].no))
            block_lines.append((item.lines, None))
        elif item.kind == "paragraph":
            counters["p"] += 1
            para_lines = lift_raised_markers(item.lines, pairing)
            inlines, entries = parse_inlines(para_lines, pairing, note_ids)
            log += entries
            # the source lines it came from: a page read across columns gives them out of order
            nos = [line.no for line in item.lines]
            blocks.append(Paragraph(f"p-{counters['p']}", inlines, min(nos), max(nos)))
            block_lines.append((para_lines, break_offsets(para_lines, inlines)))
        elif item.kind == "table":
            counters["t"] += 1
            table = raw_tables[item.table_index]
            header, rows = table_grid(table)
            blocks.append(Table(f"t-{counters['t']}", " ".join(x for x in (table.label, table.caption) if x), header, rows,
                                table.source_note, table.line, table.last_line, laid_out=table.laid_out))
            block_lines.append(([_LineNo(table.line)], None))
        elif item.kind == "reference":
            text = ""
            for line in item.lines:
                text = join_lines(text, line.text)
            m = re.match(r"^(?:[-*•]\s*)?\[(\d+)\]\s*", text)
            if m:
                references.append(Reference(f"ref-{m.group(1)}", int(m.group(1)), text[m.end():].strip(), item.lines[0].no))
            else:
                log.append(LogEntry("warning", f"reference entry without [n]: {text[:40]!r}", item.lines[0].no))
    notes = []
    for idx, raw in enumerate(raw_notes):
        notes.append(Note(note_ids[idx], raw.label, (Text(note_text(raw)),), raw.line, raw.lines[-1].no))
    for raw in pairing.unpaired():
        log.append(LogEntry("unpaired", f"note {raw.label} on page {raw.page} has no marker in the text", raw.line))
    numbered = tuple(pages) if any(p.number is not None for p in pages) else ()
    if numbered:
        blocks = _with_pages(blocks, block_lines, numbered)
    return Document(meta, tuple(blocks), tuple(notes), tuple(references), tuple(log), numbered)


def _with_pages(blocks, block_lines, pages) -> list:
    """Each block with the printed pages its lines are on, and a page break where a page begins (inside a
    paragraph at the line that opens it; at the start of a block that opens a page no block before it is on)."""
    from dataclasses import replace
    out = []
    marked = 0  # the last page marked: a block set out of its lines' order (a table placed after the paragraph
    # its lines interrupt) marks no page twice, and the marks read in order
    for block, (lines, offsets) in zip(blocks, block_lines):
        on = [page_of(pages, line.no) for line in lines]
        breaks = []
        if on and on[0] is not None and on[0] > marked:
            breaks.append(PageBreak(0, on[0]))
            marked = on[0]
        for k in range(1, len(on)):
            if on[k] is not None and on[k] > marked and offsets:
                breaks.append(PageBreak(offsets[k], on[k]))
                marked = on[k]
        if isinstance(block, Paragraph):
            block = replace(block, pages=tuple(dict.fromkeys(p for p in on if p is not None)), page_breaks=tuple(breaks))
        elif breaks:
            block = replace(block, page_breaks=tuple(b for b in breaks if b.at == 0)[:1])
        out.append(block)
    return out


class _LineNo:
    """A stand-in for a table's first line (tables keep line numbers only)."""
    def __init__(self, no: int):
        self.no = no


def _strip_number(title: str, number: str | None) -> str:
    if number is None:
        return title
    compact_number = re.sub(r"\s+", "", number)
    compact = title.lstrip()
    if compact.startswith(number):
        compact = compact[len(number):]
    elif re.sub(r"\s+", "", compact).startswith(compact_number):
        # letter-spaced number: drop characters until the number is consumed
        eaten = 0
        k = 0
        while k < len(compact) and eaten < len(compact_number):
            if not compact[k].isspace():
                eaten += 1
            k += 1
        compact = compact[k:]
    return compact.strip()
