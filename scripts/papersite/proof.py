"""The proof view: every source line beside the role the converter gave it, the paragraph it
joined, every note marker and its note, every decision with its reason, and the audit's warnings.

``papersite proof <slug>`` prints it; ``--html out.html`` writes it as one self-contained page. Under
``mkdocs serve`` (only: proofs are for editors, never published) the MkDocs plugin serves ``proof_pages``:
``proof/index.html`` and ``proof/<slug>.html``, from the sources as they are now, also when a paper does not
build (the proof then shows the error, and the lines as read without that paper's paper.yml).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .audit import audit
from .model import Heading, NoteRef, Paragraph, Table
from .reader import read_text


@dataclass(frozen=True)
class ProofLine:
    """One source line: number, text, role, the block it went into, and what decided it."""
    no: int
    text: str
    role: str
    block: str = ""
    reason: str = ""


def proof_lines(paper) -> list[ProofLine]:
    """The role of every line of ``paper``'s source (a pipeline.Paper)."""
    from .pipeline import reader_options
    from .reader import ReaderOptions
    trace: dict[int, str] = {}
    options = reader_options(paper.record) if paper.record is not None else ReaderOptions()
    read_text(paper.source.lines, paper.source.path, options, trace)
    doc = paper.document
    roles: dict[int, tuple[str, str]] = {}
    reasons: dict[int, str] = {}
    for entry in doc.log:
        if entry.line and entry.kind in ("furniture", "note", "foreign", "table", "structure", "decision"):
            reasons.setdefault(entry.line, entry.message)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            for no in range(block.first_line, block.last_line + 1):
                roles[no] = ("body", block.id)
        elif isinstance(block, Heading):
            roles[block.line] = (f"heading h{block.level}" + (f" {block.number}" if block.number else ""), block.id)
        elif isinstance(block, Table):
            for no in range(block.line, block.last_line + 1):
                roles[no] = ("table cell" if no != block.line else "table caption", block.id)
    for ref in doc.references:
        roles[ref.line] = (f"reference [{ref.number}]", ref.id)
    for no, role in trace.items():
        roles[no] = (role, "meta")
    for note in doc.notes:
        for no in range(note.line, note.last_line + 1):
            roles[no] = (f"note {note.label}", note.id)
    for entry in doc.log:
        if entry.kind == "furniture" and entry.line:
            if ("inside the line" in entry.message or "from the start of the line" in entry.message) and entry.line in roles:
                role, block = roles[entry.line]
                roles[entry.line] = (role + " (running head cut)", block)
                reasons[entry.line] = entry.message
            else:
                roles[entry.line] = ("furniture", "")
        elif entry.kind == "foreign" and entry.line:
            m = re.search(r"lines (\d+)-(\d+)", entry.message)
            for no in range(int(m.group(1)), int(m.group(2)) + 1) if m else [entry.line]:
                roles[no] = ("foreign (withheld)", "")
                reasons.setdefault(no, entry.message)
    for entry in doc.log:
        if entry.kind == "structure" and entry.line and entry.line not in roles:
            roles[entry.line] = ("reference-list heading", "")
    out = []
    for no, raw in enumerate(paper.source.lines, start=1):
        text = raw.strip(" \t\f\u3000")
        if not text:
            continue
        role, block = roles.get(no, ("(dropped mark)" if _is_mark(text) else "?", ""))
        if role == "?" and out and out[-1].role.startswith("heading"):
            role, block = out[-1].role.split(" (")[0] + " (wrapped)", out[-1].block  # a heading's second line
        out.append(ProofLine(no, text, role, block, reasons.get(no, "")))
    return out


def _is_mark(text: str) -> bool:
    return bool(re.fullmatch(r"\|?[\s:|-]*-{3,}[\s:|-]*\|?|[-*_]{3,}", text))


def marker_table(doc) -> list[tuple[str, str, str, int, str]]:
    """(paragraph, marker, note id, note line, note text) for every marker in the body."""
    notes = {n.id: n for n in doc.notes}
    out = []
    for p in doc.paragraphs():
        for node in p.inlines:
            if isinstance(node, NoteRef):
                n = notes[node.note_id]
                text = "".join(getattr(x, "text", "") for x in n.inlines)
                out.append((p.id, node.label, n.id, n.line, text[:60]))
    return out


def proof_text(paper) -> str:
    """The proof as plain text (one source line a row)."""
    doc = paper.document
    out = [f"# proof of {paper.slug}", "", "line  role                    block   text  [reason]"]
    for pl in proof_lines(paper):
        reason = f"  [{pl.reason}]" if pl.reason else ""
        out.append(f"{pl.no:>5} {pl.role[:23]:<23} {pl.block:<7} {pl.text[:60]}{reason}")
    out += ["", "markers and their notes:"]
    out += [f"  {p} {label} -> {nid} (line {line}): {text}" for p, label, nid, line, text in marker_table(doc)]
    out += ["", "decisions:"]
    out += [f"  line {e.line}: [{e.kind}] {e.message}" for e in doc.log
            if e.kind in ("table", "decision", "structure", "layout", "note") or (e.kind == "furniture")]
    warnings = audit(doc, paper.source.lines)
    out += ["", f"warnings: {len(warnings)}"]
    out += [f"  line {w.line}: [{w.kind}] {w.message}" for w in warnings]
    return "\n".join(out)


def proof_html(paper, links: str = "", error: str | None = None) -> str:
    """The proof as one HTML page (roles coloured, markers linked to their notes' lines).

    ``links`` is HTML put under the heading (the serve pages' way back to the paper and the index);
    ``error``, the paper's build error, is shown above everything (as text)."""
    doc = paper.document
    e = html.escape
    rows = []
    for pl in proof_lines(paper):
        cls = re.sub(r"[^a-z]+", "-", pl.role.split()[0].lower())
        rows.append(f'<tr id="L{pl.no}" class="{cls}"><td class="no"><a href="#L{pl.no}">{pl.no}</a></td>'
                    f"<td>{e(pl.role)}</td><td>{e(pl.block)}</td><td lang=\"zh-Hans\">{e(pl.text)}</td>"
                    f"<td>{e(pl.reason)}</td></tr>")
    markers = "".join(f"<li>{e(p)} {e(label)} → <a href=\"#L{line}\">{e(nid)} (line {line})</a> "
                      f"<span lang=\"zh-Hans\">{e(text)}</span></li>" for p, label, nid, line, text in marker_table(doc))
    warnings = "".join(f"<li><a href=\"#L{w.line}\">line {w.line}</a> [{e(w.kind)}] {e(w.message)}</li>"
                       for w in audit(doc, paper.source.lines))
    decisions = "".join(f"<li><a href=\"#L{x.line}\">line {x.line}</a> [{e(x.kind)}] {e(x.message)}</li>"
                        for x in doc.log if x.line and x.kind in ("table", "decision", "structure", "note", "furniture"))
    style = ("body{font:14px/1.4 sans-serif;margin:1em}table{border-collapse:collapse;width:100%}td{padding:1px 6px;"
             "border-bottom:1px solid #eee;vertical-align:top}.no{text-align:right;color:#555}.furniture td,.masthead td"
             "{background:#eee;color:#555}.note td{background:#fff6d8}.heading td{background:#dfeeff;font-weight:bold}"
             ".foreign td{background:#fde}.title td,.author td,.front td,.affiliation td{background:#e6f6e6}"
             ".table td{background:#f0e8ff}.error{background:#b00020;color:#fff;padding:.5em 1em}")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Proof: {e(paper.slug)}</title>"
            f"<style>{style}</style></head><body><h1>Proof: {e(paper.slug)}</h1>{links}"
            + (f'<p class="error" role="alert">{e(error)}</p>' if error else "") +
            f"<h2>Warnings</h2><ul>{warnings or '<li>none</li>'}</ul><h2>Markers and notes</h2><ul>{markers or '<li>none</li>'}</ul>"
            f"<h2>Decisions</h2><ul>{decisions}</ul><h2>Source lines</h2><table><thead><tr><th>line</th><th>role</th>"
            f"<th>block</th><th>text</th><th>reason</th></tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>\n")


@dataclass(frozen=True)
class _Unrecorded:
    """A paper whose paper.yml does not load: its source read with the reader's defaults."""
    slug: str
    source: object
    document: object
    record: None = None


def proof_pages(content: Path) -> dict[str, str]:
    """Every paper's proof as pages for ``mkdocs serve``: ``proof/<slug>.html`` and ``proof/index.html``
    (uri -> HTML). A paper that does not build still gets its page, with the error on it. Each page is
    cached on its paper's folder (papersite.corpuscache): a serve rebuild redoes only the edited papers."""
    from .corpuscache import cached
    from .pipeline import paper_folders
    e = html.escape
    out, rows = {}, []
    for folder in paper_folders(content):
        page, summary = cached(content, lambda f=folder: _proof_page(f), part=folder, name=f"proof.{folder.name}")
        out[f"proof/{folder.name}.html"] = page
        rows.append(f'<li><a href="{e(folder.name)}.html">{e(folder.name)}</a>: {e(summary)}</li>')
    out["proof/index.html"] = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Proofs</title>"
                               "</head><body><h1>Proofs of the conversion</h1><p>Shown under <code>mkdocs serve</code> "
                               "only, never published: each paper's source lines beside the role the converter gave "
                               f"them, its markers and notes, and its decisions.</p><ul>{''.join(rows)}</ul></body></html>\n")
    return out


def _proof_page(folder: Path) -> tuple[str, str]:
    """(the proof page of the paper in ``folder``, a one-line summary for the index)."""
    from .errors import PaperError
    from .pipeline import convert_paper
    from .source import read_source
    from .transforms import apply_transforms
    e = html.escape
    slug, error = folder.name, None
    links = f'<p><a href="index.html">All proofs</a> · <a href="../papers/{e(slug)}.html">The paper\'s page</a></p>'
    try:
        paper = convert_paper(folder, check_record=False)
    except PaperError as exc:
        error = str(exc)
        try:
            source = read_source(folder / "source.txt")
            paper = _Unrecorded(slug, source, apply_transforms(read_text(source.lines, source.path)))
        except PaperError as again:
            return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Proof: {e(slug)}</title>"
                    f"</head><body><h1>Proof: {e(slug)}</h1>{links}<p role=\"alert\">{e(error)}; {e(str(again))}</p>"
                    "</body></html>\n", "does not build")
        error += " (the lines below are read without this paper.yml's declarations)"
    summary = "does not build" if error else f"{len(audit(paper.document, paper.source.lines))} warning(s)"
    return proof_html(paper, links, error), summary
