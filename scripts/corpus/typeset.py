"""Typeset a document description as a journal article PDF with WeasyPrint.

Running heads and folios are @page margin boxes, written per page (``@page :nth(k)``) once a first
pass has counted the pages; notes are ``float: footnote``, their markers written per page when the
style restarts them (the first pass tells which page each marker landed on; passes repeat until
the markers stay on their pages). Fonts: Noto Serif/Sans CJK SC (Debian fonts-noto-cjk).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .styles import Style

FRONT_LINE_FIELDS = ("中图分类号", "文献标识码", "文章编号")
FOOT_FIELDS = ("收稿日期", "基金项目", "作者简介")
END_FIELDS = ("责任编辑",)
LABELS = {"摘要": "摘　要", "关键词": "关键词"}


@dataclass
class Typeset:
    """A typeset article: the PDF bytes, the printed furniture and headings, the notes' pages."""
    pdf: bytes
    pages: int
    furniture: list[str]
    headings: list[dict]
    note_labels: list[str]
    note_pages: list[int]
    passes: int = 1
    first_page: int = 1


def esc(text: str) -> str:
    """HTML-escape text."""
    return html.escape(text, quote=True)


def spaced_name(name: str) -> str:
    """A two-character name letter-spaced with an ideographic space (张　三), as journals print it."""
    return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name


def title_lines(title: str) -> list[str]:
    """Break a long title over two lines at a natural point near the middle."""
    if len(title) <= 16:
        return [title]
    middle = len(title) / 2
    best = None
    for m in re.finditer(r"[、：:——]|(?<=的)|(?<=与)|(?<=下)", title):
        k = m.end()
        if 4 <= k <= len(title) - 4 and (best is None or abs(k - middle) < abs(best - middle)):
            best = k
    if best is None:
        best = int(middle)
    return [title[:best], title[best:]]


def heading_numbers(blocks: list[dict], scheme: str) -> list[str | None]:
    """The printed number of each heading: the source's, or renumbered 1 / 1.1 / 1.1.1."""
    heads = [b for b in blocks if b["type"] == "heading"]
    if scheme == "original":
        return [h.get("number") for h in heads]
    top = min((h["level"] for h in heads), default=2)
    counters: list[int] = []
    out = []
    for h in heads:
        if not h.get("number"):
            out.append(None)
            counters = counters[:0] if h["level"] == top else counters
            continue
        depth = h["level"] - top
        counters = counters[: depth + 1]
        while len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        out.append(".".join(str(c) for c in counters))
    return out


def heading_label(number: str | None, text: str) -> str:
    """Number and text as printed."""
    if not number:
        return text
    sep = "" if number.endswith(("、", "）", ")", ".", "．")) else " "
    return f"{number}{sep}{text}"


def paragraph_html(block: dict, note_labels: list[str], note_counter: list[int]) -> str:
    """A paragraph with its citation superscripts and footnotes at their offsets."""
    text = block["text"]
    inserts = []
    for c in block.get("citations", []):
        inserts.append((c["at"], 0, "cite", c))
    for n in block.get("notes", []):
        inserts.append((n["at"], 1, "note", n))
    inserts.sort(key=lambda x: (x[0], x[1]))
    out = []
    pos = 0
    for at, _, kind, item in inserts:
        if kind == "cite":
            out.append(esc(text[pos:at]))
            out.append(f'<sup class="cite">{esc(item["label"])}</sup>')
            pos = at + len(item["label"])
        else:
            out.append(esc(text[pos:at]))
            pos = at
            k = note_counter[0]
            note_counter[0] += 1
            label = note_labels[k]
            out.append(f'<a id="c{k}"></a><span class="fn" data-label="{esc(label)}">{esc(item["text"])}</span>')
    out.append(esc(text[pos:]))
    return "<p>" + "".join(out) + "</p>"


def table_html(block: dict) -> str:
    """A three-rule table with its caption above and source note below."""
    head = "".join(f"<th>{esc(c)}</th>" for c in block["header"])
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block["rows"])
    note = f'<p class="tnote">{esc(block["source_note"])}</p>' if block.get("source_note") else ""
    return (f'<div class="table"><p class="caption">{esc(block["label"])}\u3000{esc(block["caption"])}</p>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}</div>")


def fields_of(desc: dict, labels) -> list[tuple[str, str]]:
    """The description's fields with one of ``labels``, in their order."""
    return [(k, v) for k, v in desc.get("fields", []) if k in labels]


def build_html(desc: dict, style: Style, note_labels: list[str], page_css: str) -> tuple[str, list[dict]]:
    """The article as HTML, and its headings as printed."""
    blocks = desc["blocks"]
    numbers = heading_numbers(blocks, "original" if desc.get("keep_numbers") else style.numbering)
    parts = []
    if style.columns == "two" and style.masthead:
        parts.append('<div class="masthead">' + "".join(f"<p>{esc(l)}</p>" for l in style.masthead) + "</div>")
    lines = title_lines(desc["title"]) if style.name != "b-two-column" else [desc["title"]]
    foot = fields_of(desc, FOOT_FIELDS)
    foot_html = ""
    if foot:
        foot_html = '<span class="fn front" data-label="">' + "<br>".join(
            f"{esc(k)}：{esc(v)}" for k, v in foot) + "</span>"
    parts.append(f'<h1 class="title">{"<br>".join(esc(l) for l in lines)}{foot_html}</h1>')
    if desc.get("authors"):
        parts.append('<p class="authors">' + "\u3000\u3000".join(esc(spaced_name(a)) for a in desc["authors"]) + "</p>")
    for aff in desc.get("affiliations", []):
        parts.append(f'<p class="affil">{esc(aff)}</p>')
    front = []
    if desc.get("abstract"):
        front.append(f'<p><b>{LABELS["摘要"]}：</b>{esc(desc["abstract"])}</p>')
    if desc.get("keywords"):
        front.append(f'<p><b>关键词：</b>{esc("；".join(desc["keywords"]))}</p>')
    cls = fields_of(desc, FRONT_LINE_FIELDS)
    if cls:
        front.append('<p class="cls">' + "\u3000".join(f"<b>{esc(k)}：</b>{esc(v)}" for k, v in cls) + "</p>")
    if front:
        parts.append('<div class="front">' + "".join(front) + "</div>")
    english = english_html(desc)
    if style.english == "front" and english:
        parts.append(english)
    # body
    body: list[str] = []
    counter = [0]
    h_index = 0
    printed = []
    tops = [i for i, b in enumerate(blocks) if b["type"] == "heading" and b["level"] == min(
        (x["level"] for x in blocks if x["type"] == "heading"), default=2)]
    split_at = tops[-1] if style.columns == "mixed" and tops else None
    for i, block in enumerate(blocks):
        if i == split_at:
            body.append('</div><div class="body cols2">')
        if block["type"] == "heading":
            number = numbers[h_index]
            h_index += 1
            label = heading_label(number, block["text"])
            printed.append({"level": block["level"], "number": number, "text": block["text"]})
            tag = f"h{min(block['level'], 5)}"
            body.append(f"<{tag}>{esc(label)}</{tag}>")
        elif block["type"] == "paragraph":
            body.append(paragraph_html(block, note_labels, counter))
        elif block["type"] == "table":
            body.append(table_html(block))
    if desc.get("references"):
        body.append('<h2 class="refs">参考文献</h2><div class="reflist">' + "".join(
            f'<p>[{r["number"]}] {esc(r["text"])}</p>' for r in desc["references"]) + "</div>")
    body_cls = {"one": "body", "two": "body cols2", "mixed": "body"}[style.columns]
    parts.append(f'<div class="{body_cls}">' + "".join(body) + "</div>")
    if style.english == "end" and english:
        parts.append(english)
    for k, v in fields_of(desc, END_FIELDS):
        parts.append(f'<p class="editor">（{esc(k)}：{esc(v)}）</p>')
    css = BASE_CSS + STYLE_CSS[style.name] + page_css
    doc = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head>'
           f"<body>{''.join(parts)}</body></html>")
    return doc, printed


def english_html(desc: dict) -> str:
    """The English title, authors, abstract and key words."""
    e = desc.get("english") or {}
    if not e.get("title") and not e.get("abstract"):
        return ""
    out = ['<div class="english">']
    if e.get("title"):
        out.append(f'<p class="etitle">{esc(e["title"])}</p>')
    if e.get("authors"):
        out.append(f'<p class="eauthors">{esc(e["authors"])}</p>')
    for aff in desc.get("affiliations_en", []):
        out.append(f'<p class="affil">{esc(aff)}</p>')
    if e.get("abstract"):
        out.append(f'<p><b>Abstract:</b> {esc(e["abstract"])}</p>')
    if e.get("keywords"):
        out.append(f'<p><b>Key words:</b> {esc("; ".join(e["keywords"]))}</p>')
    out.append("</div>")
    return "".join(out)


def page_furniture(style: Style, desc: dict, start: int, pages: int) -> tuple[str, list[str]]:
    """Per-page @page rules (running heads, folios) and the strings they print."""
    rules = []
    printed = []
    title = desc["title"]
    for k in range(1, pages + 1):
        folio = start + k - 1
        f = style.folio(folio)
        boxes = {}
        if style.name == "a-one-column":
            boxes["bottom-center"] = f
            if k == 1:
                boxes["top-left"] = f"{style.journal}\u3000{style.issue}"
            elif folio % 2 == 0:
                boxes["top-left"] = style.journal
            else:
                boxes["top-right"] = title
        elif style.name == "b-two-column":
            boxes["bottom-center"] = f
            if k == 1:  # the article's pages, as journals print them beside the masthead
                boxes["top-right"] = f"第{start}—{start + pages - 1}页"
            else:
                if folio % 2 == 0:
                    boxes["top-left"] = f"{style.journal}\u3000{style.issue}"
                else:
                    boxes["top-right"] = title
        elif style.name == "e-two-column-circled":
            boxes["bottom-left" if folio % 2 == 0 else "bottom-right"] = f
            if k > 1:
                authors = desc.get("authors") or [""]
                volume = "".join(style.masthead[1].split("\u3000")[:2])   # 第12卷第2期
                boxes["top-center"] = (f"{style.journal}\u3000{volume}" if folio % 2 == 0
                                       else f"{authors[0]}{'等' if len(authors) > 1 else ''}：{title}")
        else:
            if k == 1:
                boxes["top-left"] = style.masthead[0]
                boxes["top-right"] = f
            elif folio % 2 == 0:
                boxes["top-left"] = f
                boxes["top-right"] = f"{style.journal}\u3000{style.issue}"
            else:
                boxes["top-left"] = title
                boxes["top-right"] = f
        body = " ".join(f'@{box} {{ content: "{text}"; }}' for box, text in boxes.items())
        rules.append(f"@page :nth({k}) {{ {body} }}")
        printed.extend(boxes.values())
    if style.columns == "two":
        printed.extend(style.masthead)
    return "\n".join(rules), printed


def note_count(desc: dict) -> int:
    """How many notes the article has."""
    return sum(len(b.get("notes", [])) for b in desc["blocks"] if b["type"] == "paragraph")


def typeset(desc: dict, style: Style, start: int) -> Typeset:
    """Typeset ``desc`` in ``style`` with folios from ``start``; returns the PDF and what it printed."""
    import weasyprint

    n = note_count(desc)
    labels = [style.note_label(k + 1) for k in range(n)]
    page_css = ""
    doc_html, printed = build_html(desc, style, labels, page_css)
    doc = weasyprint.HTML(string=doc_html).render()
    passes = 1
    while True:
        pages = _note_pages(doc, n)
        if style.notes_restart:
            new = []
            seen: dict[int, int] = {}
            for p in pages:
                seen[p] = seen.get(p, 0) + 1
                new.append(style.note_label(seen[p]))
        else:
            new = labels
        page_css, furniture = page_furniture(style, desc, start, len(doc.pages))
        doc_html, printed = build_html(desc, style, new, page_css)
        doc2 = weasyprint.HTML(string=doc_html).render()
        passes += 1
        if _note_pages(doc2, n) == pages and len(doc2.pages) == len(doc.pages):
            labels = new
            doc = doc2
            break
        doc, labels = doc2, new
        if passes > 5:
            raise RuntimeError(f"{desc['id']}/{style.name}: note markers do not settle on their pages")
    return Typeset(doc.write_pdf(), len(doc.pages), furniture, printed, labels, pages, passes, start)


def _note_pages(doc, n: int) -> list[int]:
    where = {}
    for p, page in enumerate(doc.pages, start=1):
        for anchor in page.anchors:
            if anchor.startswith("c") and anchor[1:].isdigit():
                where[int(anchor[1:])] = p
    return [where.get(k, 0) for k in range(n)]


BASE_CSS = """
@page { size: 185mm 260mm; margin: 24mm 20mm 22mm 20mm;
  @footnote { border-top: 0.5pt solid black; padding-top: 1.5mm; margin-top: 3mm; } }
@page { @top-left { font-size: 8pt; vertical-align: bottom; } @top-right { font-size: 8pt; vertical-align: bottom; }
        @bottom-center { font-size: 8pt; } }
html { font-family: "Noto Serif CJK SC"; font-size: 10.5pt; line-height: 1.62; }
p { margin: 0; text-align: justify; }
.body p { text-indent: 2em; }
h1.title { font-family: "Noto Sans CJK SC"; font-size: 18pt; font-weight: bold; text-align: center; line-height: 1.35;
  margin: 6mm 0 4mm 0; }
.authors { text-align: center; font-family: "Noto Serif CJK SC"; font-size: 11pt; margin-bottom: 1mm; }
.affil { text-align: center; font-size: 8.5pt; }
.front { font-size: 9pt; margin: 4mm 2em 5mm 2em; }
.front b { font-family: "Noto Sans CJK SC"; }
h2, h3, h4, h5 { font-family: "Noto Sans CJK SC"; font-weight: bold; margin: 3mm 0 1.5mm 0; line-height: 1.4; }
h2 { font-size: 12pt; } h3 { font-size: 10.5pt; } h4, h5 { font-size: 10.5pt; font-weight: normal; }
sup.cite { font-size: 6.5pt; vertical-align: super; line-height: 0; }
.fn { float: footnote; font-size: 8pt; line-height: 1.45; text-indent: 0; }
.fn::footnote-call { content: attr(data-label); font-size: 7pt; vertical-align: super; line-height: 0; }
.fn::footnote-marker { content: attr(data-label) " "; }
.fn.front::footnote-marker { content: ""; }
.fn.front { font-family: "Noto Serif CJK SC"; font-weight: normal; text-align: left; font-size: 8pt; line-height: 1.45; }
.table { margin: 3mm 0; break-inside: avoid; }
.caption { text-align: center; font-family: "Noto Sans CJK SC"; font-size: 9pt; text-indent: 0 !important; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; border-top: 1.2pt solid black;
  border-bottom: 1.2pt solid black; }
thead th { border-bottom: 0.6pt solid black; font-weight: normal; padding: 1mm 1.5mm; text-align: center; }
td { padding: 0.8mm 1.5mm; text-align: center; }
.tnote { font-size: 8pt; text-indent: 0 !important; }
h2.refs { font-size: 10.5pt; }
.reflist p { font-size: 8.5pt; text-indent: -2em !important; padding-left: 2em; }
.english { margin-top: 6mm; font-family: "Noto Serif CJK SC"; font-size: 9pt; }
.english p { text-align: justify; margin-bottom: 1mm; }
.etitle { font-size: 12pt; font-weight: bold; text-align: center !important; }
.eauthors { text-align: center !important; }
.editor { text-align: right; font-size: 9pt; margin-top: 3mm; }
"""

STYLE_CSS = {
    "a-one-column": """
h2 { text-align: left; }
""",
    "b-two-column": """
.masthead { border-bottom: 1.5pt double black; margin-bottom: 3mm; padding-bottom: 1mm; font-family: "Noto Sans CJK SC"; }
.masthead p { font-size: 8pt; text-align: left; }
.masthead p:first-child { font-size: 14pt; font-weight: bold; }
h1.title { font-size: 20pt; }
/* leading 1.4 in columns: at 1.62 poppler's pdftotext takes every line for a block of its own and
   reads the two columns line by line, alternately */
.cols2 { column-count: 2; column-gap: 7.5mm; line-height: 1.4; }
.cols2 .table { column-span: all; }
h2 { text-align: center; }
""",
    "e-two-column-circled": """
@page { size: 210mm 285mm; margin: 25mm 18mm 22mm 18mm;
  @top-center { font-size: 8pt; vertical-align: bottom; border-bottom: 0.5pt solid black; width: 100%; }
  @bottom-left { font-size: 9pt; } @bottom-right { font-size: 9pt; text-align: right; } }
.masthead { border-bottom: 0.8pt solid black; margin-bottom: 4mm; padding-bottom: 1mm; font-family: "Noto Sans CJK SC"; }
.masthead p { font-size: 7.5pt; text-align: right; }
.masthead p:first-child { font-size: 13pt; font-weight: bold; text-align: left; }
.cols2 { column-count: 2; column-gap: 6mm; column-rule: 0.4pt solid black; line-height: 1.45; }
.cols2 .table { column-span: all; }
h2 { text-align: left; font-size: 11.5pt; }
h3 { text-indent: 2em; }
""",
    "c-mixed": """
h2 { font-size: 11pt; }
.english { margin: 0 2em 6mm 2em; }
.cols2 { column-count: 2; column-gap: 8mm; line-height: 1.4; }
""",
}
