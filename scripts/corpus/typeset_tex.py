"""Typeset a document description with XeLaTeX (ctex, fancyhdr, booktabs): a second, unrelated typesetter.

Notes restart on every page: a first run records each note's page (``\\label`` in the .aux), the next run
numbers them per page explicitly (``\\footnote[n]``), until the pages stay put. Debian: texlive-xetex,
texlive-lang-chinese, texlive-latex-recommended; fonts-noto-cjk.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from .styles import Style
from .typeset import (END_FIELDS, FOOT_FIELDS, FRONT_LINE_FIELDS, Typeset, fields_of, heading_label, heading_numbers,
                      note_count, spaced_name, title_lines)

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
            "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def tex(text: str) -> str:
    """Escape LaTeX's special characters."""
    return "".join(_SPECIAL.get(c, c) for c in text)


def paragraph_tex(block: dict, numbers: list[int], counter: list[int]) -> str:
    """A paragraph with superscript citations and footnotes at their offsets."""
    text = block["text"]
    inserts = sorted([(c["at"], 0, "cite", c) for c in block.get("citations", [])] +
                     [(n["at"], 1, "note", n) for n in block.get("notes", [])], key=lambda x: (x[0], x[1]))
    out, pos = [], 0
    for at, _, kind, item in inserts:
        out.append(tex(text[pos:at]))
        if kind == "cite":
            out.append(r"\textsuperscript{" + tex(item["label"]) + "}")
            pos = at + len(item["label"])
        else:
            k = counter[0]
            counter[0] += 1
            out.append(rf"\footnote[{numbers[k]}]{{\label{{fn{k}}}{tex(item['text'])}}}")
            pos = at
    out.append(tex(text[pos:]))
    return "".join(out) + "\n\n"


def table_tex(block: dict) -> str:
    """A three-rule table (booktabs), set in place (no float), caption above, source note below."""
    n = len(block["header"])
    cols = "*{%d}{>{\\centering\\arraybackslash}X}" % n
    rows = "".join(" & ".join(tex(c) for c in row) + r" \\" + "\n" for row in block["rows"])
    note = rf"{{\zihao{{-5}}\noindent {tex(block['source_note'])}\par}}" if block.get("source_note") else ""
    return (r"\par\medskip{\centering\sffamily\zihao{-5}" + tex(block["label"]) + "\u3000" + tex(block["caption"]) + r"\par}"
            r"\nopagebreak\smallskip{\zihao{-5}\noindent\begin{tabularx}{\linewidth}{" + cols + "}\\toprule\n"
            + " & ".join(tex(c) for c in block["header"]) + r" \\ \midrule" + "\n" + rows
            + r"\bottomrule\end{tabularx}\par}" + note + "\\medskip\n\n")


def build_tex(desc: dict, style: Style, numbers: list[int], start: int) -> tuple[str, list[dict]]:
    """The article as a XeLaTeX document, and its headings as printed."""
    head = f"{style.journal}\u3000{style.issue}"
    lines = [r"\documentclass[UTF8,zihao=5,fontset=none,twoside]{ctexart}",
             r"\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Sans CJK SC}]",
             r"\setCJKsansfont{Noto Sans CJK SC}", r"\setmainfont{Liberation Serif}", r"\setsansfont{Liberation Sans}",
             r"\usepackage[paperwidth=185mm,paperheight=260mm,top=26mm,bottom=24mm,inner=22mm,outer=20mm,headsep=5mm]{geometry}",
             r"\usepackage{fancyhdr,booktabs,tabularx,array}",
             r"\linespread{1.45}",
             r"\renewcommand{\thefootnote}{\arabic{footnote})}",
             r"\makeatletter\renewcommand\@makefntext[1]{\noindent\makebox[1.8em][l]{\@thefnmark}#1}\makeatother",
             r"\pagestyle{fancy}\fancyhf{}",
             rf"\fancyhead[LE]{{\zihao{{-5}}{tex(head)}}}",
             rf"\fancyhead[RO]{{\zihao{{-5}}{tex(desc['title'])}}}",
             r"\fancyfoot[C]{\zihao{-5}第 \thepage{} 页}",
             r"\renewcommand{\headrulewidth}{0.4pt}",
             rf"\fancypagestyle{{first}}{{\fancyhf{{}}\fancyhead[L]{{\zihao{{-5}}{tex(head)}}}\fancyfoot[C]{{\zihao{{-5}}第 \thepage{{}} 页}}}}",
             r"\begin{document}", rf"\setcounter{{page}}{{{start}}}", r"\thispagestyle{first}"]
    body = []
    title = r"\\".join(tex(l) for l in title_lines(desc["title"]))
    body.append(r"\begin{center}{\sffamily\bfseries\zihao{3}" + title + r"\par}")
    foot = fields_of(desc, FOOT_FIELDS)
    if foot:
        body.append(r"\begingroup\renewcommand\thefootnote{}\footnotetext{" +
                    r"\\".join(f"{tex(k)}：{tex(v)}" for k, v in foot) + r"}\endgroup")
    if desc.get("authors"):
        body.append(r"\medskip{\zihao{-4}" + "\u3000\u3000".join(tex(spaced_name(a)) for a in desc["authors"]) + r"\par}")
    for aff in desc.get("affiliations", []):
        body.append(r"{\zihao{-5}" + tex(aff) + r"\par}")
    body.append(r"\end{center}")
    front = []
    if desc.get("abstract"):
        front.append(r"\noindent\textsf{摘　要：}" + tex(desc["abstract"]) + r"\par")
    if desc.get("keywords"):
        front.append(r"\noindent\textsf{关键词：}" + tex("；".join(desc["keywords"])) + r"\par")
    cls = fields_of(desc, FRONT_LINE_FIELDS)
    if cls:
        front.append(r"\noindent " + "\u3000".join(rf"\textsf{{{tex(k)}：}}{tex(v)}" for k, v in cls) + r"\par")
    if front:
        body.append(r"{\zihao{-5}\leftskip=2em\rightskip=2em " + "\n".join(front) + r"\par}\bigskip")
    blocks = desc["blocks"]
    printed_numbers = heading_numbers(blocks, "original" if desc.get("keep_numbers") else style.numbering)
    printed = []
    counter = [0]
    h = 0
    sizes = {2: r"\sffamily\bfseries\zihao{4}", 3: r"\sffamily\zihao{5}", 4: r"\bfseries\zihao{5}"}
    for block in blocks:
        if block["type"] == "heading":
            number = printed_numbers[h]
            h += 1
            printed.append({"level": block["level"], "number": number, "text": block["text"]})
            size = sizes.get(block["level"], sizes[4])
            body.append(r"\par\addvspace{6pt}\noindent{" + size + " " + tex(heading_label(number, block["text"]))
                        + r"\par}\nopagebreak\smallskip" + "\n")
        elif block["type"] == "paragraph":
            body.append(paragraph_tex(block, numbers, counter))
        elif block["type"] == "table":
            body.append(table_tex(block))
    if desc.get("references"):
        body.append(r"\par\addvspace{6pt}\noindent{\sffamily\bfseries\zihao{5}参考文献\par}\nopagebreak\smallskip")
        body.append(r"{\zihao{-5}\setlength\parindent{0pt}" + "".join(
            rf"\hangindent=2em\hangafter=1 [{r['number']}] {tex(r['text'])}\par" for r in desc["references"]) + "}")
    e = desc.get("english") or {}
    if e.get("title") or e.get("abstract"):
        body.append(r"\bigskip\begin{center}{\bfseries\zihao{4}" + tex(e.get("title") or "") + r"\par}")
        if e.get("authors"):
            body.append(r"\smallskip{" + tex(e["authors"]) + r"\par}")
        for aff in desc.get("affiliations_en", []):
            body.append(r"{\zihao{-5}" + tex(aff) + r"\par}")
        body.append(r"\end{center}")
        if e.get("abstract"):
            body.append(r"{\zihao{-5}\noindent\textbf{Abstract:} " + tex(e["abstract"]) + r"\par}")
        if e.get("keywords"):
            body.append(r"{\zihao{-5}\noindent\textbf{Key words:} " + tex("; ".join(e["keywords"])) + r"\par}")
    for k, v in fields_of(desc, END_FIELDS):
        body.append(r"\par\hfill（" + tex(k) + "：" + tex(v) + "）\\par")
    body.append(r"\label{LastPage}")
    return "\n".join(lines + body + [r"\end{document}"]) + "\n", printed


def _run(source: str, work: Path) -> tuple[bytes, dict[str, int]]:
    (work / "a.tex").write_text(source, encoding="utf-8")
    proc = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "a.tex"], cwd=work,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("xelatex failed:\n" + proc.stdout[-3000:])
    labels = {}
    for m in re.finditer(r"\\newlabel\{(\w+)\}\{\{[^}]*\}\{(\d+)\}", (work / "a.aux").read_text(encoding="utf-8")):
        labels[m.group(1)] = int(m.group(2))
    return (work / "a.pdf").read_bytes(), labels


def typeset_tex(desc: dict, style: Style, start: int) -> Typeset:
    """Typeset ``desc`` in ``style`` with XeLaTeX; notes numbered per page when the style restarts them."""
    n = note_count(desc)
    numbers = list(range(1, n + 1))
    passes = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pages_before = None
        while True:
            source, printed = build_tex(desc, style, numbers, start)
            pdf, labels = _run(source, work)
            passes += 1
            pages = [labels.get(f"fn{k}", 0) for k in range(n)]
            if style.notes_restart:
                seen: dict[int, int] = {}
                new = []
                for p in pages:
                    seen[p] = seen.get(p, 0) + 1
                    new.append(seen[p])
            else:
                new = numbers
            if new == numbers and pages == pages_before:
                break
            numbers, pages_before = new, pages
            if passes > 6:
                raise RuntimeError(f"{desc['id']}/{style.name}: note numbers do not settle on their pages")
    last = labels["LastPage"]
    head = f"{style.journal}\u3000{style.issue}"
    furniture = [head, desc["title"]] + [f"第 {p} 页" for p in range(start, last + 1)]
    return Typeset(pdf, last - start + 1, furniture, printed, [style.note_label(k) for k in numbers],
                   [p - start + 1 for p in pages], passes)
