"""The corpus report: today's converter on every style x extractor (figures summed over the documents).

    PYTHONPATH=scripts python3 scripts/corpus/report.py [--json benchmarks/results/corpus.json]
        [--markdown benchmarks/results/corpus.md] [--known-failures | --write-known-failures]

``--known-failures`` prints the KNOWN_FAILURES block for tests/test_corpus.py (every failing case with its figure);
``--write-known-failures`` rewrites it in place.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.score import CORPUS, CRITERIA, cases, evaluate, load_expected, score  # noqa: E402
from papersite.model import Document, Meta  # noqa: E402

EMPTY = Document(Meta(), ())

ROOT = Path(__file__).resolve().parents[2]


def run() -> list:
    """Evaluate every committed extraction."""
    return [evaluate(case) for case in cases()]


def aggregate(results) -> dict:
    """Per style x extractor: the figures summed over its documents, and how many pass each criterion."""
    groups = defaultdict(list)
    for r in results:
        style, _doc, extractor = r.case.split("/")
        groups[(style, extractor)].append(r)
    out = {}
    for (style, extractor), rs in sorted(groups.items()):
        # a conversion that stopped found nothing: count what it should have found
        scored = [r.score or score(EMPTY, load_expected((CORPUS / r.case).parent))
                  for r in rs]
        total = lambda attr: sum(getattr(s, attr) for s in scored)
        p_found, p_right, p_exp = total("paragraphs_found"), total("boundaries_right"), total("paragraphs_expected")
        prec = p_right / p_found if p_found else 0.0
        rec = p_right / p_exp if p_exp else 0.0
        out[f"{style}/{extractor}"] = {
            "documents": len(rs),
            "conversion_errors": sum(1 for r in rs if r.score is None),
            # the build refuses the paper: the reader stopped, or paper.yml's printed values are not what it found
            "build_stops": sum(1 for r in rs if r.score is None or r.record_problem),
            "sentences_extractable": round(sum(r.extractable for r in rs) / total("sentences"), 4) if total("sentences") else None,
            "sentence_recall": round(total("sentences_found") / total("sentences"), 4) if total("sentences") else None,
            "boundary_f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
            "headings_right": total("headings_right"), "headings_expected": total("headings_expected"),
            "headings_spurious": total("headings_spurious"),
            "notes_linked": total("notes_linked"), "notes_expected": total("notes_expected"), "notes_extra": total("notes_extra"),
            "furniture_left": total("furniture_left"), "markup_left": total("markup_left"),
            "tables_rebuilt": total("tables_rebuilt"), "tables_expected": total("tables_expected"),
            "front_wrong": sum(len(s.front_wrong) for s in scored),
            "order_kept": total("order_kept"), "order_found": total("order_found"),
            "passing": {c: sum(1 for r in rs if r.passes(c)) for c in CRITERIA},
        }
    return out


def markdown(table: dict) -> str:
    """The style x extractor table in Markdown."""
    lines = ["| style / extractor | docs | extractable | sentence recall | boundary F1 | headings right (spurious) | notes linked (extra) "
             "| furniture left | literal markup | tables | front fields wrong | in printed order | build stops | criteria passed |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for key, f in table.items():
        passed = sum(f["passing"].values())
        errors = f" ({f['conversion_errors']} errors)" if f["conversion_errors"] else ""
        recall = f"{f['sentence_recall']:.3f}" if f["sentence_recall"] is not None else "–"
        lines.append(
            f"| {key} | {f['documents']}{errors} | {f['sentences_extractable']:.3f} | {recall} | {f['boundary_f1']:.3f} | "
            f"{f['headings_right']}/{f['headings_expected']} ({f['headings_spurious']}) | "
            f"{f['notes_linked']}/{f['notes_expected']} ({f['notes_extra']}) | {f['furniture_left']} | {f['markup_left']} | "
            f"{f['tables_rebuilt']}/{f['tables_expected']} | {f['front_wrong']} | {f['order_kept']}/{f['order_found']} | "
            f"{f['build_stops']} | "
            f"{passed}/{len(CRITERIA) * f['documents']} |")
    return "\n".join(lines) + "\n"


def known_failures(results) -> str:
    """The KNOWN_FAILURES mapping of tests/test_corpus.py, one line per failing case."""
    lines = ["KNOWN_FAILURES = {"]
    for r in results:
        for c in CRITERIA:
            if not r.passes(c):
                lines.append(f"    {r.case + '::' + c!r}: {r.figure(c)[:150]!r},")
    lines.append("}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "corpus.json")
    parser.add_argument("--markdown", type=Path, default=ROOT / "benchmarks" / "results" / "corpus.md")
    parser.add_argument("--known-failures", action="store_true", help="print the KNOWN_FAILURES block")
    parser.add_argument("--write-known-failures", action="store_true",
                        help="rewrite the KNOWN_FAILURES block of tests/test_corpus.py (after a reader fix: review the diff)")
    args = parser.parse_args(argv)
    results = run()
    if args.known_failures:
        print(known_failures(results))
        return 0
    if args.write_known_failures:
        test = ROOT / "tests" / "test_corpus.py"
        text = test.read_text(encoding="utf-8")
        begin, end = "# BEGIN KNOWN_FAILURES\n", "# END KNOWN_FAILURES"
        head, rest = text.split(begin)
        _, tail = rest.split(end)
        test.write_text(head + begin + known_failures(results) + "\n" + end + tail, encoding="utf-8")
        print(f"{test.relative_to(ROOT)}: KNOWN_FAILURES rewritten")
        return 0
    table = aggregate(results)
    per_case = {r.case: ({"error": r.error} if r.score is None else
                         {**r.score.as_dict(), "record_problem": r.record_problem}) for r in results}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"by_style_extractor": table, "cases": per_case}, ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    md = markdown(table)
    args.markdown.write_text("# Corpus: today's converter per journal style x extractor\n\n"
                             "Figures summed over the documents of each style (scripts/corpus/report.py; criteria in "
                             "scripts/corpus/score.py). *extractable*: share of the expected sentences that stand "
                             "contiguous in the raw extraction (whitespace, note markers and Markdown marks dropped), "
                             "what the extractor leaves within easy reach; a conversion that stopped with an error "
                             "counts as finding nothing. *build stops*: extractions whose paper (with the careful user's paper.yml) "
                             "the build would refuse: the reader stopped, or a value paper.yml gives as printed "
                             "(title, authors, fields, key words) is not what the converter found.\n\n" + md, encoding="utf-8")
    passed = sum(1 for r in results for c in CRITERIA if r.passes(c))
    print(md + f"\n{passed} of {len(results) * len(CRITERIA)} criteria pass ({len(results)} extractions x {len(CRITERIA)} criteria)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
