"""Make the corpus: typeset every description in every journal style, extract each PDF with every extractor.

    pip install -e '.[corpus]'; apt-get install poppler-utils fonts-noto-cjk
    python3 scripts/corpus/make_corpus.py [--styles a-one-column,...] [--docs slug,...] [--describe] [--pdf DIR]

Writes, for each style and document, ``tests/corpus/<style>/<doc>/expected.json`` (the description as
printed in that style: heading numbers, note markers, the furniture strings of every page) and, per
extractor, ``<extractor>/source.txt`` with the ``paper.yml`` a careful user would write for it (a paper
folder ``papersite`` can convert as it is). ``--describe`` first re-derives the five papers'
descriptions from their current conversion (scripts/corpus/docs/); ``--pdf`` keeps the PDFs.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.describe import all_descriptions, main as describe_main  # noqa: E402
from corpus.extract import EXTRACTORS, extract, versions  # noqa: E402
from corpus.styles import STYLES  # noqa: E402
from corpus.typeset import typeset  # noqa: E402
from corpus.typeset_tex import typeset_tex  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "corpus"
# First printed page of each article (folios differ from article to article).
START_PAGES = {"li-zhang-2025-generative-logic": 38, "liu-pei-common-prosperity": 74,
               "wu-common-prosperity-logic": 112, "xu-liu-distribution-relations": 9,
               "zhang-factor-allocation": 156, "own-irrigation-treatises": 201}


# TeX's ligatures of the Latin Modern fonts: what XeLaTeX prints for what the description says
TEX_LIGATURES = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("`", "‘"), ("'", "’"))


def tex_printed(value):
    """A description's strings as TeX prints them (``Zhen's`` as Zhen’s, ``--`` as an en dash)."""
    if isinstance(value, str):
        for a, b in TEX_LIGATURES:
            value = value.replace(a, b)
        return value
    if isinstance(value, list):
        return [tex_printed(v) for v in value]
    if isinstance(value, dict):
        return {k: tex_printed(v) for k, v in value.items()}
    return value


def printed_description(desc: dict, result, typesetter: str = "weasyprint") -> dict:
    """The description with the heading numbers and note markers this style printed (and, under XeLaTeX,
    its ligatures)."""
    out = copy.deepcopy(desc) if typesetter != "xelatex" else tex_printed(desc)
    heads = iter(result.headings)
    labels = iter(zip(result.note_labels, result.note_pages))
    for block in out["blocks"]:
        if block["type"] == "heading":
            block["number"] = next(heads)["number"]
        for note in block.get("notes", []):
            note["label"], page = next(labels)
            note["page"] = page + result.first_page - 1  # the printed page number of its marker
    return out


def paper_yml(desc: dict, style, source: Path) -> str:
    """The paper.yml a careful user would write for this extraction (keys: content/papers/README.md)."""
    import yaml

    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    english = desc.get("english") or {}
    pinyin = [p.strip() for p in (english.get("authors") or "").split(",") if p.strip()]
    names = desc.get("authors") or []
    authors = []
    for k, p in enumerate(pinyin):
        if k < len(names):
            authors.append({"name": names[k], "pinyin": p})
        else:
            authors.append({"name": None, "name_provenance": "editor", "pinyin": p})
    data = {
        "source": {"original_name": f"{desc['id']}.{style.name}.{source.parent.name}.txt", "sha256": digest},
        "title": {"zh": desc["title"], "zh_provenance": "source",
                  "en": english.get("title") or desc["title"], "en_provenance": "source" if english.get("title") else "editor"},
        "authors": authors,
        "journal": {"name": style.journal, **({"name_en": style.journal_en} if style.journal_en else {}),
                    "provenance": "source"},
        "year": int(style.issue[:4]),
    }
    tables = {b["label"]: len(b["header"]) for b in desc["blocks"] if b["type"] == "table"}
    if tables:  # the converter asks for it when a caption does not reveal the columns; a careful user counts them
        data["conversion"] = {"table_columns": tables}
    if desc.get("fields"):
        data["source_fields"] = {k: v for k, v in desc["fields"]}
    keywords = {}
    if desc.get("keywords"):
        keywords["zh"] = desc["keywords"]
    if english.get("keywords"):
        keywords["en"] = english["keywords"]
    if keywords:
        data["keywords"] = keywords
    head = (f"# paper.yml for the corpus extraction {style.name}/{desc['id']}/{source.parent.name}: what a careful user\n"
            f"# would write from the printed article (generated by scripts/corpus/make_corpus.py).\n")
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def make(style_names, doc_ids, pdf_dir: Path | None) -> dict:
    """Typeset and extract; returns a summary per style/doc."""
    summary = {}
    descs = [d for d in all_descriptions() if not doc_ids or d["id"] in doc_ids]
    for name in style_names:
        style = STYLES[name]
        for desc in descs:
            t0 = time.time()
            setter = typeset_tex if style.typesetter == "xelatex" else typeset
            result = setter(desc, style, START_PAGES.get(desc["id"], 1) + style.page_offset)
            folder = OUT / style.name / desc["id"]
            folder.mkdir(parents=True, exist_ok=True)
            if pdf_dir:
                pdf_dir.mkdir(parents=True, exist_ok=True)
                (pdf_dir / f"{style.name}--{desc['id']}.pdf").write_bytes(result.pdf)
            pdf = folder / "article.pdf.tmp"
            pdf.write_bytes(result.pdf)
            expected = {
                "style": style.name, "style_summary": style.summary, "doc": desc["id"],
                "first_page": START_PAGES.get(desc["id"], 1) + style.page_offset, "pages": result.pages,
                "typesetter": ("XeLaTeX " + versions()["xelatex"]) if style.typesetter == "xelatex"
                              else "WeasyPrint " + versions()["weasyprint"],
                "furniture": sorted(set(result.furniture)),
                "description": printed_description(desc, result, style.typesetter),
            }
            (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            times = {}
            for extractor in EXTRACTORS:
                t1 = time.time()
                text = extract(extractor, pdf)
                sub = folder / extractor
                sub.mkdir(exist_ok=True)
                (sub / "source.txt").write_text(text, encoding="utf-8")
                (sub / "paper.yml").write_text(paper_yml(desc, style, sub / "source.txt"), encoding="utf-8")
                times[extractor] = round(time.time() - t1, 1)
            pdf.unlink()
            summary[f"{style.name}/{desc['id']}"] = {"pages": result.pages, "passes": result.passes,
                                                     "seconds": round(time.time() - t0, 1), "extract": times}
            print(f"{style.name}/{desc['id']}: {result.pages} pages, {result.passes} passes, "
                  f"{time.time() - t0:.0f} s", flush=True)
    return summary


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--docs", default="")
    parser.add_argument("--describe", action="store_true", help="re-derive the five papers' descriptions first")
    parser.add_argument("--pdf", type=Path, help="also keep the PDFs in this folder")
    args = parser.parse_args(argv)
    if args.describe:
        describe_main([])
    make([s for s in args.styles.split(",") if s], [d for d in args.docs.split(",") if d], args.pdf)
    (OUT / "versions.json").write_text(json.dumps(versions(), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
