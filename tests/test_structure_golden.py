"""The converter against independent, hand-made annotations of each source (tests/golden/).

The annotations were made by reading the raw sources as an editor would (see each file's
header for its judgment calls), not from the converter's output.
"""
import re

import pytest

from conftest import all_slugs
from golden_structure import GOLDEN, boundary_f1, load
from papersite.model import Heading, Table

ANNOTATED = [s for s in all_slugs() if (GOLDEN / f"{s}.structure.txt").exists()]


def test_every_paper_is_annotated():
    assert ANNOTATED == all_slugs()


@pytest.mark.parametrize("slug", ANNOTATED)
def test_paragraph_boundaries(corpus, slug):
    expected = load(slug)
    found = [p.first_line for p in corpus[slug].document.paragraphs()]
    f1, missed, spurious = boundary_f1(expected.paragraph_starts, found)
    assert f1 >= 0.97, f"F1 {f1:.3f}; paragraphs missed at lines {sorted(missed)}, spurious at {sorted(spurious)}"


@pytest.mark.parametrize("slug", ANNOTATED)
def test_headings_present_with_levels_from_numbering(corpus, slug):
    width = str.maketrans({",": "，", ":": "：", ";": "；"})  # the declared punctuation-width normalisation
    expected = [(level, text.translate(width)) for level, text in load(slug).headings]
    found = [(h.level, re.sub(r"\s+", "", (h.number or "") + h.text)) for h in corpus[slug].document.headings()]
    assert found == expected


@pytest.mark.parametrize("slug", ANNOTATED)
def test_tables_where_the_annotation_puts_them(corpus, slug):
    expected = [k for k in load(slug).items if k != "H"]
    found = ["T" if isinstance(b, Table) else "P" for b in corpus[slug].document.blocks if not isinstance(b, Heading)]
    assert [i for i, k in enumerate(expected) if k == "T"] == [i for i, k in enumerate(found) if k == "T"]
