"""Document descriptions of the five papers, derived from their ORIGINAL conversion.

The original conversion is vouched for by the hand-made annotations in tests/golden/ (paragraph
boundaries, headings, table positions). A description holds what a journal would print: title,
authors, abstract, key words, front-matter fields, headings (level, number, text), paragraphs with
their notes (text and the character offset their marker follows), tables, references and the
English block. Titles, English titles and author names the source did not print come from
paper.yml (the editors'); the re-typeset article prints them, so they become the article's own.

    PYTHONPATH=scripts python3 -m corpus.describe [slug ...]   # writes scripts/corpus/docs/<slug>.json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from papersite.model import Citation, ConceptRef, Heading, NoteRef, Paragraph, Table, Text
from papersite.pipeline import convert_paper

ROOT = Path(__file__).resolve().parents[2]
DOCS = Path(__file__).resolve().parent / "docs"
PAPERS = ROOT / "content" / "papers"
SLUGS = ["li-zhang-2025-generative-logic", "liu-pei-common-prosperity", "wu-common-prosperity-logic",
         "xu-liu-distribution-relations", "zhang-factor-allocation"]


def paragraph_description(para: Paragraph, notes_by_id: dict) -> dict:
    """Text of a paragraph (citation labels kept, note markers dropped) and its notes' anchors."""
    text = ""
    notes = []
    citations = []
    for node in para.inlines:
        if isinstance(node, (Text, ConceptRef)):
            text += node.text
        elif isinstance(node, Citation):
            citations.append({"at": len(text), "label": node.label})
            text += node.label
        elif isinstance(node, NoteRef):
            notes.append({"at": len(text), "text": notes_by_id[node.note_id]})
    out = {"type": "paragraph", "text": text}
    if notes:
        out["notes"] = notes
    if citations:
        out["citations"] = citations
    return out


_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})


def split_at_golden_starts(slug: str, doc, blocks: list[dict]) -> list[dict]:
    """Where the conversion merged two paragraphs the golden annotation separates, split them.

    The annotation (tests/golden/<slug>.structure.txt) gives each paragraph's first source line and
    first words; a converted paragraph whose lines contain another annotated start is cut before
    those words, its notes and citations going with their half.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from golden_structure import load

    golden = load(slug)
    starts = dict(zip(golden.paragraph_starts, (h for h, _ in golden.paragraph_snippets)))
    paras = iter(doc.paragraphs())
    out = []
    for block in blocks:
        if block["type"] != "paragraph":
            out.append(block)
            continue
        para = next(paras)
        inside = [n for n in starts if para.first_line < n <= para.last_line]
        for n in sorted(inside):
            text = block["text"]
            at = text.translate(_FULL).find(starts[n].translate(_FULL))
            if at <= 0:
                raise ValueError(f"{slug}: golden start @{n} {starts[n]!r} not found in its paragraph")
            head = {"type": "paragraph", "text": text[:at]}
            tail = {"type": "paragraph", "text": text[at:]}
            for key in ("notes", "citations"):
                for item in block.get(key, []):
                    if item["at"] < at or (key == "notes" and item["at"] == at):
                        head.setdefault(key, []).append(item)
                    else:
                        tail.setdefault(key, []).append({**item, "at": item["at"] - at})
            out.append(head)
            block = tail
        out.append(block)
    return out


def describe(slug: str) -> dict:
    """The description of one paper, from its conversion and its paper.yml."""
    paper = convert_paper(PAPERS / slug)
    doc, record = paper.document, paper.record
    m = doc.meta
    notes_by_id = {n.id: "".join(getattr(i, "text", "") for i in n.inlines) for n in doc.notes}
    blocks = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.text == "参考文献" and not block.number:
                continue  # printed by the style before the reference list
            blocks.append({"type": "heading", "level": block.level, "number": block.number, "text": block.text})
        elif isinstance(block, Paragraph):
            blocks.append(paragraph_description(block, notes_by_id))
        elif isinstance(block, Table):
            label, _, caption = block.caption.partition(" ")
            blocks.append({"type": "table", "label": label, "caption": caption, "header": list(block.header),
                           "rows": [list(r) for r in block.rows], "source_note": block.source_note})
    blocks = split_at_golden_starts(slug, doc, blocks)
    if m.authors_from == "author line" or (m.authors and m.authors_from):
        authors = list(m.authors)
    else:
        authors = [a.name for a in record.authors if a.name]
    fields = [[k, v] for k, v in m.fields]
    english = {
        "title": m.english.title or record.title_en,
        "authors": m.english.authors or ", ".join(a.pinyin for a in record.authors),
        "abstract": m.english.abstract,
        "keywords": list(m.english.keywords or record.keywords_en),
    }
    return {
        "id": slug,
        "origin": f"content/papers/{slug}: the original conversion (papersite reader), structure vouched "
                  f"for by tests/golden/{slug}.structure.txt; titles/names missing from the source from paper.yml",
        "title": m.title or record.title_zh,
        "authors": authors,
        "affiliations": [],
        "abstract": m.abstract,
        "keywords": list(m.keywords or record.keywords_zh),
        "fields": fields,
        "english": english,
        "blocks": blocks,
        "references": [{"number": r.number, "text": r.text} for r in doc.references],
    }


def main(argv: list[str]) -> int:
    DOCS.mkdir(exist_ok=True)
    for slug in argv or SLUGS:
        desc = describe(slug)
        path = DOCS / f"{slug}.json"
        path.write_text(json.dumps(desc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n_notes = sum(len(b.get("notes", [])) for b in desc["blocks"])
        kinds = [b["type"] for b in desc["blocks"]]
        print(f"{path.relative_to(ROOT)}: {kinds.count('paragraph')} paragraphs, {kinds.count('heading')} headings, "
              f"{kinds.count('table')} tables, {n_notes} notes, {len(desc['references'])} references")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


AUTHORED = Path(__file__).resolve().parent / "authored"
_HEADING_MARKS = [(re.compile(r"^([一二三四五六七八九十]{1,3}、)(.+)$"), 2),
                  (re.compile(r"^(（[一二三四五六七八九十]{1,3}）)(.+)$"), 3),
                  (re.compile(r"^(\d{1,2}\.)(.+)$"), 4)]


def authored_paragraph(text: str) -> dict:
    """A paragraph written with ``[[note]]`` (marker after the preceding character) and ``[n]`` citations."""
    out = ""
    notes = []
    citations = []
    for piece in re.split(r"(\[\[.*?\]\]|\[\d+\])", text):
        if piece.startswith("[["):
            notes.append({"at": len(out), "text": piece[2:-2]})
        elif re.fullmatch(r"\[\d+\]", piece):
            citations.append({"at": len(out), "label": piece})
            out += piece
        else:
            out += piece
    block = {"type": "paragraph", "text": out}
    if notes:
        block["notes"] = notes
    if citations:
        block["citations"] = citations
    return block


def from_authored(path: Path) -> dict:
    """The description of an article written for the corpus (scripts/corpus/authored/*.yml)."""
    import yaml

    src = yaml.safe_load(path.read_text(encoding="utf-8"))
    blocks = []
    for item in src["blocks"]:
        if isinstance(item, dict) and "table" in item:
            blocks.append({"type": "table", **item["table"]})
            continue
        for pattern, level in _HEADING_MARKS:
            m = pattern.match(item)
            if m:
                blocks.append({"type": "heading", "level": level, "number": m.group(1), "text": m.group(2)})
                break
        else:
            blocks.append(authored_paragraph(item))
    desc = {k: v for k, v in src.items() if k not in ("blocks", "references")}
    desc["origin"] = f"scripts/corpus/authored/{path.name}: written for the corpus"
    desc["fields"] = [[str(k), str(v)] for k, v in src.get("fields", [])]
    desc["blocks"] = blocks
    desc["references"] = [{"number": k + 1, "text": t} for k, t in enumerate(src.get("references", []))]
    return desc


def all_descriptions() -> list[dict]:
    """Every description of the corpus: the five papers', then the authored articles."""
    out = [json.loads((DOCS / f"{slug}.json").read_text(encoding="utf-8")) for slug in SLUGS]
    out += [from_authored(p) for p in sorted(AUTHORED.glob("*.yml"))]
    return out
