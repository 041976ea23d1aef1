"""Run the W3C SHACL test suite through kwpld's engine and through pyshacl; print the table.

The suite is vendored in tests/fixtures/w3c-shacl (no network needed); the cases and how a
case passes are defined in tests/w3c_shacl.py, which tests/test_w3c_shacl.py also uses.

    python tools/w3c_shacl.py              # the Markdown table quoted in docs/validation.md
    python tools/w3c_shacl.py --failures   # and every case an engine does not pass, with why
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import w3c_shacl  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the cases not passed")
    args = parser.parse_args()

    cases = w3c_shacl.cases()
    engines = list(w3c_shacl.ENGINES)
    passed: dict[str, Counter[str]] = {engine: Counter() for engine in engines}
    conforms: dict[str, int] = dict.fromkeys(engines, 0)
    seconds: dict[str, float] = dict.fromkeys(engines, 0.0)
    failures: list[str] = []
    folders: Counter[str] = Counter()
    for case in cases:
        folder = case.id.rsplit("/", 1)[0]
        folders[folder] += 1
        for engine in engines:
            outcome = w3c_shacl.ENGINES[engine](case)
            seconds[engine] += outcome.seconds
            conforms[engine] += w3c_shacl.conformance_passed(case, outcome)
            if w3c_shacl.passed(case, outcome):
                passed[engine][folder] += 1
            else:
                why = outcome.error or (
                    f"conforms={outcome.conforms}, expected {case.conforms}"
                    if outcome.conforms is not case.conforms
                    else "other results than expected"
                )
                failures.append(f"- {engine}: `{case.id}` ({case.label}): {why}")

    total = len(cases)
    print("| folder | cases | " + " | ".join(engines) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in engines) + " |")
    for folder in sorted(folders):
        counts = " | ".join(str(passed[engine][folder]) for engine in engines)
        print(f"| {folder} | {folders[folder]} | {counts} |")
    totals = " | ".join(f"**{sum(passed[e].values())}/{total}**" for e in engines)
    print(f"| **all** | **{total}** | {totals} |")
    print()
    print(
        "Results compared in full (focus node, path, value, severity, shape, component); "
        "on sh:conforms alone: "
        + ", ".join(f"{e} {conforms[e]}/{total}" for e in engines)
        + ". Time: "
        + ", ".join(f"{e} {seconds[e]:.1f} s" for e in engines)
        + "."
    )
    if args.failures:
        print()
        print("\n".join(failures) if failures else "Every case passed.")


if __name__ == "__main__":
    main()
