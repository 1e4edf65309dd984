"""Metamorphic tests: re-wrapping a text at another width, or moving running heads and page
numbers, must not change the paragraphs the reader finds."""
import re

import pytest

from papersite.model import Heading, Paragraph, plain_text
from papersite.reader import read_text
from papersite.textutil import display_width
from papersite.transforms import apply_transforms

PAPERS = ["xu-liu-distribution-relations", "zhang-factor-allocation", "li-zhang-2025-generative-logic"]


def text_of(p: Paragraph) -> str:
    return plain_text(p.inlines)


def wrap(text: str, width: int, indent: int = 2) -> list[str]:
    """Hard-wrap like a typesetter: the first line loses its indent; never split a Latin word."""
    lines, line = [], ""
    limit = width - indent
    for i, ch in enumerate(text):
        if display_width(line + ch) > limit and not (line[-1:].isascii() and line[-1:].isalnum() and ch.isascii() and ch.isalnum()) \
                and ch not in "，。、；：）》”":
            lines.append(line)
            line, limit = "", width
        line += ch
    lines.append(line)
    return lines


def synthetic_source(doc, width: int, furniture_every: int = 0) -> list[str]:
    out = []
    count = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            for line in wrap((block.number or "") + block.text, width, indent=0):
                out += [line, ""]
        elif isinstance(block, Paragraph):
            for line in wrap(text_of(block), width):
                count += 1
                if furniture_every and count % furniture_every == 0:
                    out += ["", "财经智库", "FINANCIAL MINDS", "", f"{70 + count // furniture_every:03d}", ""]
                    line = " " + line
                out += [line, ""]
    return out


@pytest.mark.parametrize("slug", PAPERS)
@pytest.mark.parametrize("width, furniture_every", [(18, 0), (26, 0), (40, 0), (26, 37), (34, 11)])
def test_rewrapped_text_gives_the_same_paragraphs(corpus, slug, width, furniture_every):
    doc = corpus[slug].document
    again = apply_transforms(read_text(synthetic_source(doc, width, furniture_every), "synthetic.txt"))
    # a line break carries no space, so spaces at the new break points are not comparable
    expected = [re.sub(r"\s+", "", text_of(p)) for p in doc.paragraphs()]
    found = [re.sub(r"\s+", "", text_of(p)) for p in again.paragraphs()]
    assert found == expected
    assert [(h.level, h.text) for h in again.headings()] == [(h.level, h.text) for h in doc.headings()]
