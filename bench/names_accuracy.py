"""How well kwpld.names groups the spellings of real leaders' names, and derives their Hangul.

Usage: python bench/names_accuracy.py [--errors]

On the labelled list tests/fixtures/names/nk-leaders.yaml (Hangul, DPRK, MR and other spellings
of each name): match_key misses (a name's spellings under more than one key) and false merges
(different names under one key; pairs written identically somewhere are counted apart, as no
key can separate them), then Hangul derived from MR with breves and from MR without them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from names_gold import measure_derivation, measure_keys, read_leaders  # noqa: E402

from kwpld import names  # noqa: E402


def main(argv: list[str]) -> int:
    errors = "--errors" in argv
    leaders = read_leaders()
    heldout = read_leaders(part="heldout")
    for title, part in (
        ("names the rules were adjusted on", leaders),
        ("held-out names", heldout),
        ("both together", leaders + heldout),
    ):
        score = measure_keys(names.match_key, part)
        print(f"{title}: {score.names} names, {score.spellings} spellings")
        print(
            f"  match_key: names missed {len(score.missed)} ({score.missed_pairs} spellings "
            f"apart), false merges {len(score.false_merges)}, "
            f"merges of names written identically {len(score.same_spelling)}"
        )
        if errors:
            for hangul, apart in score.missed:
                print(f"    missed {hangul}: {apart}")
            for a, b, key in score.false_merges:
                print(f"    merged {a} + {b} under {key!r}")
            for a, b, key in score.same_spelling:
                print(f"    same spelling {a} + {b} under {key!r}")
    derive = getattr(names, "derive_hangul", None)
    if derive is not None:
        for title, forms, assume in (
            ("MR (breves where MR has them)", lambda leader: [leader.mr], None),
            ("MR without diacritics", lambda leader: [leader.mr_plain], False),
            (
                "MR without diacritics, source known to write MR",
                lambda leader: [leader.mr_plain],
                True,
            ),
        ):

            def value(spelling: str, a: bool | None = assume) -> str | None:
                if a is None:  # the source writes MR with its diacritics
                    d = derive(spelling, system=names.System.MR)
                else:
                    d = derive(spelling, assume_mr=a)
                return d.value if d else None

            result = measure_derivation(value, forms, leaders + heldout)
            print(
                f"Hangul from {title}: right {result.right}, wrong {len(result.wrong)}, "
                f"none {len(result.none)} of {result.total}"
            )
            if errors:
                for spelling, got, expected in result.wrong:
                    print(f"    {spelling}: {got}, not {expected}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
