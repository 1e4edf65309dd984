"""Benchmark: time to convert the whole corpus (reader + transforms + Markdown), best of N runs.

    python scripts/benchmark.py [--runs 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from papersite.pipeline import convert_corpus  # noqa: E402
from papersite.writers.markdown import paper_markdown  # noqa: E402


def main() -> None:
    """Print the best and median conversion times over the runs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    convert_corpus(ROOT / "content")  # warm caches (wordfreq, regexes)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        papers = convert_corpus(ROOT / "content")
        for p in papers:
            paper_markdown(p.document, p.record)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"converted {len(papers)} papers: best {times[0]*1000:.0f} ms, median {times[len(times)//2]*1000:.0f} ms "
          f"over {args.runs} runs")


if __name__ == "__main__":
    main()
