"""The loader on the flat corpus: the fast path against the line-aware path, in one run.

    python bench/load_speed.py                        # 231,050 records, 3 rounds
    python bench/load_speed.py --records 23150        # a quick look

Issue 14 asks for a loader at 100,000 records/s on the flat corpus (``kwpld synth --shape
flat``), YAML and CSV alike. Each round measures, in an order that rotates from round to round,
the CPU seconds (``process_time``: on a shared machine wall time also counts the waits for a
core) of:

- **YAML**: reading and checking articles.yaml and organs.yaml, one file at a time, into
  model objects (77,050 records at 231,050);
- **CSV**: the same for people.csv and memberships.csv (154,000 records);
- **whole load**: ``load_records`` on the folder: the four files, the checks across records
  (ids, references, dates, structure) and the sorted ``Records``.

each with the line-aware path alone (``kwpld.load.FAST_PATH = False``: the loader as it was
before the fast path, and the one that reports problems) and with the fast path, which the
loader now takes first. The table gives records per CPU second (median over rounds) and the
fast path's speed as a ratio to the line-aware path's in the same round. The model objects
of the two are compared before timing.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import corpus  # noqa: E402

import kwpld.load as load  # noqa: E402
from kwpld.errors import Problem  # noqa: E402
from kwpld.load.checks import Entry  # noqa: E402

PARTS = {
    "YAML (articles.yaml, organs.yaml)": ("articles.yaml", "organs.yaml"),
    "CSV (people.csv, memberships.csv)": ("people.csv", "memberships.csv"),
}


def read_files(data: Path, names: tuple[str, ...], fast: bool) -> list[Entry]:
    """The entries of ``names``, read as ``load_records`` reads each file."""
    entries: list[Entry] = []
    for name in names:
        if fast:
            found = load._read_fast(data / name, name)
            assert found is not None, f"{name} was not read on the fast path"
            entries.extend(found)
        else:
            problems: list[Problem] = []
            load._read_file(data / name, name, entries, problems)
            assert not problems
    return entries


def whole(data: Path, fast: bool) -> int:
    load.FAST_PATH = fast
    try:
        return len(load.load_records(data))
    finally:
        load.FAST_PATH = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = corpus(args.records)

    steps: dict[str, tuple[int, Callable[[], object], Callable[[], object]]] = {}
    for part, names in PARTS.items():
        slow = read_files(data, names, False)
        fast = read_files(data, names, True)
        assert [e.record for e in slow] == [e.record for e in fast], part
        steps[part] = (
            len(fast),
            lambda names=names: read_files(data, names, False),
            lambda names=names: read_files(data, names, True),
        )
    load.FAST_PATH = False
    before = load.load_records(data)
    load.FAST_PATH = True
    after = load.load_records(data)
    assert list(before) == list(after) and before.files == after.files
    steps["whole load (load_records: 4 files, checks across records)"] = (
        len(after),
        lambda: whole(data, False),
        lambda: whole(data, True),
    )
    del before, after

    runs = [(part, which) for part in steps for which in (0, 1)]
    times: dict[tuple[str, int], list[float]] = {run: [] for run in runs}
    ratios: dict[str, list[float]] = {part: [] for part in steps}
    loads = [os.getloadavg()[0]]
    for number in range(args.rounds):
        shift = number % len(runs)
        this: dict[tuple[str, int], float] = {}
        for part, which in runs[shift:] + runs[:shift]:
            gc.collect()
            start = time.process_time()
            steps[part][1 + which]()
            this[(part, which)] = time.process_time() - start
            times[(part, which)].append(this[(part, which)])
        for part in steps:
            ratios[part].append(this[(part, 0)] / this[(part, 1)])
        loads.append(os.getloadavg()[0])

    print(
        "| step | records | line-aware path: CPU (records/s) | fast path: CPU (records/s) "
        "| **fast vs line-aware** |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for part, (count, _, _) in steps.items():
        cells = []
        for which in (0, 1):
            median = statistics.median(times[(part, which)])
            cells.append(f"{median:.2f} s ({count / median:,.0f})")
        print(
            f"| {part} | {count:,} | {cells[0]} | {cells[1]} | "
            f"**{statistics.median(ratios[part]):.1f}×** |"
        )
    print(
        f"\n{args.rounds} rounds, order rotated; medians; machine: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, 1-minute load average "
        f"{min(loads):.1f}–{max(loads):.1f}; "
        f"`python bench/load_speed.py {' '.join(sys.argv[1:])}`".rstrip()
    )


if __name__ == "__main__":
    main()
