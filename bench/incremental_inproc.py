"""An incremental rebuild against a cold build in one process, with ``jobs=1``.

    python bench/incremental_inproc.py --records 23150 --rounds 3

``bench/incremental.py`` measures each build as a fresh process with ``--jobs 2`` (the
writer forked, its workers): the figure users meet, but on a shared machine two rounds of it
vary by 15% and more. Here everything runs in this process (``jobs=1``: no fork), so its
CPU time counts all of a build, and the incremental rebuild and the cold build of the same
edited folder alternate, round after round (the edit is ``bench/incremental.py``'s: one
person renamed per round). Each pair of releases is compared file by file.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import corpus  # noqa: E402
from incremental import edit_one  # noqa: E402
from measure import machine_load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=23_150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import kwpld

    work = Path(tempfile.mkdtemp(prefix="kwpld-incremental-inproc-"))
    try:
        data = work / "data"
        shutil.copytree(corpus(args.records), data)

        def timed(out: Path, cache: Path | None) -> tuple[float, kwpld.BuildResult]:
            gc.collect()
            start = time.process_time()
            result = kwpld.build(data, out, cache=cache, jobs=1)
            return time.process_time() - start, result

        load = machine_load()
        first, _ = timed(work / "inc", work / "cache")
        cold, _ = timed(work / "cold-before", None)
        print(f"first build with cache {first:.2f} s CPU, cold {cold:.2f} s: {first / cold:.2f}")
        ratios = []
        for number in range(args.rounds):
            edit_one(data, number)
            shutil.rmtree(work / "cold", ignore_errors=True)
            order = ("inc", "cold") if number % 2 == 0 else ("cold", "inc")
            got = {
                name: timed(work / name, work / "cache" if name == "inc" else None)
                for name in order
            }
            (inc, result), (full, _) = got["inc"], got["cold"]
            same = all(
                (work / "inc" / p.relative_to(work / "cold")).read_bytes() == p.read_bytes()
                for p in (work / "cold").rglob("*")
                if p.is_file()
            )
            ratios.append(inc / full)
            revalidated = result.validation.revalidated if result.validation else None
            print(
                f"round {number + 1}: incremental {inc:.2f} s CPU, cold {full:.2f} s: "
                f"{inc / full:.2f}; focus nodes validated again: {revalidated}; "
                f"byte-identical: {same}",
                flush=True,
            )
        print(
            json.dumps(
                {
                    "records": args.records,
                    "first_vs_cold": round(first / cold, 3),
                    "ratios": [round(r, 3) for r in ratios],
                    "median": round(statistics.median(ratios), 3),
                    "load_before": load,
                    "date": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
