"""Incremental builds on the flat corpus: a rebuild after one edited record, against a cold build.

    python bench/incremental.py                           # 231,050 records, 2 rounds
    python bench/incremental.py --records 23150 --rounds 3
    python bench/incremental.py --records 23150 --no-validate

Issue 14 item 4 asks that after one record of the flat corpus is edited, the rebuild take at
most 10% of a cold build, and that its release be byte-identical to a cold build's. Each
round:

1. copies the corpus to a fresh folder and builds it once with a cache (``kwpld build
   DATA --out INC --cache CACHE``): the build the edit comes after (reported as "first
   build, with cache"), and, in an order that rotates from round to round, a cold build of
   the same folder (``--no-incremental``): what the cache costs a first build is their ratio;
2. edits one record: the English name of one person in ``people.csv`` (a different person
   each round), which changes that person's triples and the labels of their memberships;
3. runs, in an order that rotates from round to round, each as a fresh process measured by
   ``bench/measure.py``: the **incremental** rebuild (``--out INC --cache CACHE``) and a
   **cold** build of the same edited folder (``--no-incremental``, into another folder);
4. compares the two releases file by file (they must be the same bytes).

Reported: wall and CPU seconds of each, the ratio incremental / cold per round (the figure
the issue bounds by 10%), their median, and each build's stages (load, map, validate,
write: from ``BuildResult.timings``, written by the build process itself). Results go to
``bench/incremental-results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import corpus  # noqa: E402
from measure import Measured, machine_load, measure  # noqa: E402

RESULTS = HERE / "incremental-results.json"


def run_build(
    data: Path, out: Path, cache: Path | None, timings: Path, args: argparse.Namespace
) -> Measured:
    """One build in a fresh process; its stage timings land in ``timings`` (JSON)."""
    command = [sys.executable, __file__, "--build", str(data), str(out), str(timings)]
    command += ["--cache", str(cache)] if cache is not None else []
    command += ["--jobs", str(args.jobs)] + ([] if args.validate else ["--no-validate"])
    measured = measure(command)
    if measured.returncode != 0:
        raise SystemExit(f"build failed:\n{measured.stderr}")
    return measured


def build_here(args: argparse.Namespace) -> None:
    """The child: ``kwpld.build`` (what ``kwpld build`` calls), its timings written out."""
    import kwpld

    data, out, timings = (Path(p) for p in args.build)
    result = kwpld.build(data, out, validate=args.validate, jobs=args.jobs, cache=args.cache)
    stages = {k: round(v, 3) for k, v in result.timings.items()}
    stages["up_to_date"] = result.up_to_date
    stages["remapped"] = result.remapped
    # focus nodes validated again (None: validated whole)
    stages["revalidated"] = result.validation.revalidated if result.validation else None
    timings.write_text(json.dumps(stages), encoding="utf-8")


def edit_one(data: Path, number: int) -> str:
    """Rename the ``number``-th person of people.csv; returns the person's id."""
    path = data / "people.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    row = lines[1 + number * 7 % (len(lines) - 1)]
    cells = row.split(",")
    cells[1] += " Jr"
    lines[lines.index(row)] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    return cells[0]


def different_files(one: Path, two: Path) -> list[str]:
    def files(folder: Path) -> dict[str, Path]:
        return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}

    a, b = files(one), files(two)
    differ = sorted(set(a) ^ set(b))
    differ += [n for n in sorted(set(a) & set(b)) if a[n].read_bytes() != b[n].read_bytes()]
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-validate", dest="validate", action="store_false")
    parser.add_argument("--build", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build_here(args)
        return
    source = corpus(args.records)
    rounds = []
    for number in range(args.rounds):
        work = Path(tempfile.mkdtemp(prefix="kwpld-incremental-"))
        try:
            data = work / "data"
            shutil.copytree(source, data)
            inc, cold, cache = work / "inc", work / "cold", work / "cache"
            load = machine_load()
            if number % 2 == 0:
                first = run_build(data, inc, cache, work / "first.json", args)
                before = run_build(data, work / "before", None, work / "before.json", args)
            else:
                before = run_build(data, work / "before", None, work / "before.json", args)
                first = run_build(data, inc, cache, work / "first.json", args)
            shutil.rmtree(work / "before")
            edited = edit_one(data, number)
            runs: dict[str, tuple[Measured, dict]] = {}
            order = ["incremental", "cold"] if number % 2 == 0 else ["cold", "incremental"]
            for name in order:
                timings = work / f"{name}.json"
                if name == "incremental":
                    measured = run_build(data, inc, cache, timings, args)
                else:
                    measured = run_build(data, cold, None, timings, args)
                runs[name] = (measured, json.loads(timings.read_text(encoding="utf-8")))
            differ = different_files(inc, cold)
            i, c = runs["incremental"][0], runs["cold"][0]
            rounds.append(
                {
                    "edited": edited,
                    "order": order,
                    "load_before": load,
                    "first": {"wall": first.wall, "cpu": first.cpu},
                    "cold_before": {"wall": before.wall, "cpu": before.cpu},
                    "first_overhead_wall": first.wall / before.wall,
                    "first_overhead_cpu": first.cpu / before.cpu,
                    **{
                        name: {
                            "wall": m.wall,
                            "cpu": m.cpu,
                            "max_rss_mb": m.max_rss_mb,
                            "stages": stages,
                        }
                        for name, (m, stages) in runs.items()
                    },
                    "ratio_wall": i.wall / c.wall,
                    "ratio_cpu": i.cpu / c.cpu,
                    "byte_identical": not differ,
                    "differing_files": differ[:20],
                }
            )
            print(
                f"round {number + 1}: incremental {i.wall:.1f} s ({i.cpu:.1f} s CPU), "
                f"cold {c.wall:.1f} s ({c.cpu:.1f} s CPU): {i.wall / c.wall:.2f} of a cold "
                f"build ({i.cpu / c.cpu:.2f} in CPU); byte-identical: {not differ}",
                flush=True,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    report(args, rounds)


def report(args: argparse.Namespace, rounds: list[dict]) -> None:
    command = "python bench/incremental.py " + " ".join(sys.argv[1:])
    summary = {
        "records": args.records,
        "validate": args.validate,
        "jobs": args.jobs,
        "rounds": rounds,
        "median_ratio_wall": statistics.median(r["ratio_wall"] for r in rounds),
        "median_ratio_cpu": statistics.median(r["ratio_cpu"] for r in rounds),
        "byte_identical": all(r["byte_identical"] for r in rounds),
        "median_first_overhead_wall": statistics.median(r["first_overhead_wall"] for r in rounds),
        "median_first_overhead_cpu": statistics.median(r["first_overhead_cpu"] for r in rounds),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "command": command,
    }
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    stages = ("load", "map", "validate", "write")
    print(
        "\n| build | wall (median) | CPU (median) | "
        + " | ".join(f"{s} s" for s in stages)
        + " | **vs cold, wall** | **vs cold, CPU** |"
    )
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in stages) + " | ---: | ---: |")
    for name in ("cold_before", "first", "cold", "incremental"):
        wall = statistics.median(r[name]["wall"] for r in rounds)
        cpu = statistics.median(r[name]["cpu"] for r in rounds)
        cells = [
            f"{statistics.median(r[name]['stages'].get(s, 0.0) for r in rounds):.1f}"
            if "stages" in rounds[0][name]
            else "—"
            for s in stages
        ]
        # the first build is compared with the cold build of the same (unedited) folder
        if name == "first":
            ratio_wall = statistics.median(r["first_overhead_wall"] for r in rounds)
            ratio_cpu = statistics.median(r["first_overhead_cpu"] for r in rounds)
        elif name == "incremental":
            ratio_wall = summary["median_ratio_wall"]
            ratio_cpu = summary["median_ratio_cpu"]
        else:
            ratio_wall = ratio_cpu = 1.0
        label = {
            "cold_before": "cold build, before the edit",
            "first": "**first build, with cache** (before the edit)",
            "cold": "cold build of the edited folder",
            "incremental": "**incremental rebuild after one edit**",
        }[name]
        print(
            f"| {label} | {wall:.1f} s | {cpu:.1f} s | "
            + " | ".join(cells)
            + f" | {ratio_wall:.2f}× | {ratio_cpu:.2f}× |"
        )
    loads = [r["load_before"] for r in rounds]
    per_round = ", ".join(f"{r['ratio_wall']:.2f}" for r in rounds)
    first_cpu = ", ".join(f"{r['first_overhead_cpu']:.2f}" for r in rounds)
    print(
        f"\n- {args.records:,} records, {len(rounds)} rounds (order rotated), "
        f"{'with SHACL' if args.validate else '--no-validate'}, --jobs {args.jobs}; "
        f"rebuild / cold per round, wall: {per_round}; first build with cache / cold, "
        f"CPU per round: {first_cpu}; "
        f"byte-identical to the cold build: {'yes' if summary['byte_identical'] else 'NO'}"
    )
    print(
        f"- {summary['machine']}, load average before each round {min(loads):.1f}–"
        f"{max(loads):.1f}; {summary['date']}; `{command}`"
    )


if __name__ == "__main__":
    main()
