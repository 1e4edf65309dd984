"""Extract a PDF's text with each real extractor, as a user would run it.

    markitdown          MarkItDown().convert(pdf).text_content (pdfminer.six underneath)
    pymupdf             page.get_text() of every page, concatenated
    pdftotext           poppler's pdftotext, default reading order (pages end in a form feed)
    pdftotext-layout    pdftotext -layout (physical layout, columns side by side)
    pymupdf4llm         pymupdf4llm.to_markdown(pdf) (Markdown: #, **, pipe tables)
"""
from __future__ import annotations

import subprocess
from importlib import metadata
from pathlib import Path

EXTRACTORS = ["markitdown", "pymupdf", "pdftotext", "pdftotext-layout", "pymupdf4llm"]


def extract(name: str, pdf: Path) -> str:
    """The text ``name`` extracts from ``pdf``."""
    pdf = Path(pdf)
    if name == "markitdown":
        from markitdown import MarkItDown
        return MarkItDown().convert(str(pdf)).text_content
    if name == "pymupdf":
        import pymupdf
        with pymupdf.open(pdf) as doc:
            return "".join(page.get_text() for page in doc)
    if name in ("pdftotext", "pdftotext-layout"):
        args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if name.endswith("layout") else []) + [str(pdf), "-"]
        return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    if name == "pymupdf4llm":
        import pymupdf4llm
        return pymupdf4llm.to_markdown(str(pdf), show_progress=False)
    raise ValueError(f"unknown extractor {name!r}")


def versions() -> dict[str, str]:
    """The versions of the extractors (and the typesetter) installed here."""
    out = {}
    for dist in ("markitdown", "pdfminer.six", "pymupdf", "pymupdf4llm", "weasyprint"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    try:
        first = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
        out["poppler pdftotext"] = (first.stderr or first.stdout).split("\n")[0].split()[-1]
    except OSError:
        out["poppler pdftotext"] = "not installed"
    try:
        first = subprocess.run(["xelatex", "--version"], capture_output=True, text=True)
        out["xelatex"] = first.stdout.split("\n")[0]
    except OSError:
        out["xelatex"] = "not installed"
    return out
