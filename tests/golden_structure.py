"""Read the hand-made structure annotations in tests/golden/ (see their header comments)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


@dataclass(frozen=True)
class Annotation:
    """Headings as (level, text without whitespace) and paragraph start lines, in order."""
    headings: list[tuple[int, str]]
    paragraph_starts: list[int]
    paragraph_snippets: list[tuple[str, str]]
    items: list[str]  # 'H', 'P', 'T' in order


def load(slug: str) -> Annotation:
    """The annotation of one paper."""
    headings, starts, snippets, items = [], [], [], []
    for raw in (GOLDEN / f"{slug}.structure.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("H"):
            level, text = line[1:].split(" ", 1)
            headings.append((int(level), re.sub(r"\s+", "", text)))
            items.append("H")
        elif line.startswith("P "):
            m = re.match(r"P (.*?) … (.*?)\s+@(\d+)$", line)
            assert m, f"bad annotation line: {line}"
            snippets.append((m.group(1), m.group(2)))
            starts.append(int(m.group(3)))
            items.append("P")
        elif line.startswith("T"):
            items.append("T")
    return Annotation(headings, starts, snippets, items)


def boundary_f1(expected: list[int], found: list[int]) -> tuple[float, set[int], set[int]]:
    """F1 of paragraph starts, with the missed and the spurious start lines."""
    e, f = set(expected), set(found)
    tp = len(e & f)
    precision = tp / len(f) if f else 0.0
    recall = tp / len(e) if e else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, e - f, f - e
