"""Shared fixtures: the converted corpus (once per session) and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from papersite.pipeline import convert_corpus, convert_paper, paper_folders

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def corpus():
    """Every paper converted, by slug."""
    return {p.slug: p for p in convert_corpus(CONTENT)}


def all_slugs():
    """The slugs of the papers under content/papers."""
    return [f.name for f in paper_folders(CONTENT)]
