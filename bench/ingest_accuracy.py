"""Precision and recall of kwpld ingest on the hand-labelled fixtures (tests/fixtures/ingest).

Usage: python bench/ingest_accuracy.py [--errors]

Prints, per text and in total, mentions (span and entity right), spans alone, and dates
(span, normalized date and flagged problem right). See kwpld/ingest/evaluate.py for the rules.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kwpld.ingest.evaluate import Score, evaluate_folder

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "ingest"


def _cell(score: Score) -> str:
    counts = f"{score.tp}/{score.tp + score.fp}/{score.tp + score.fn}"
    return f"{score.precision:6.1%} {score.recall:6.1%}  ({counts})"


def report(title: str, folder: Path, errors: bool) -> None:
    results = evaluate_folder(folder, FIXTURES / "records")
    print(f"\n{title}")
    print(
        f"{'text':30} {'mentions P      R':>30}   {'spans P      R':>30}   {'dates P      R':>30}"
    )
    total_m, total_s, total_d = Score(), Score(), Score()
    for result in results:
        print(
            f"{result.name:30} {_cell(result.mentions):>30}   "
            f"{_cell(result.spans):>30}   {_cell(result.dates):>30}"
        )
        total_m, total_s, total_d = (
            total_m + result.mentions,
            total_s + result.spans,
            total_d + result.dates,
        )
        if errors:
            for error in result.errors:
                print(f"    {error}")
    print(f"{'all':30} {_cell(total_m):>30}   {_cell(total_s):>30}   {_cell(total_d):>30}")


def main(argv: list[str]) -> int:
    errors = "--errors" in argv
    report("Development texts (the rules were tuned on these)", FIXTURES, errors)
    report("Held-out texts (written after the rules, not tuned on)", FIXTURES / "heldout", errors)
    print("\n(counts: right / predicted / gold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
