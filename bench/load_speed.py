"""The loader on the flat corpus, against a baseline revision's loader and the parsers' floor,
in one run.

    python bench/load_speed.py                          # 231,050 records, 3 rounds, vs main
    python bench/load_speed.py --records 23150 --rounds 2   # a quick look
    python bench/load_speed.py --baseline a8062d3       # against another revision
    python bench/load_speed.py --line-aware             # also the line-aware path alone

Issue 14 asks for a loader at 100,000 records/s on the flat corpus (``kwpld synth --shape
flat``), YAML and CSV alike. On a machine shared with other work, records/s move with the
load, so every figure here is measured in the same run as what it is compared with. Each
measurement is a fresh child process (the same Python and packages) that imports one tree's
``kwpld``, warms up on a small flat corpus (schema and per-kind code compiled), then times
one step in CPU seconds (``process_time``; wall time also counts the waits for a core):

- **YAML**: articles.yaml and organs.yaml read and checked into model objects, file by file
  (``kwpld.load._read_fast``: what ``load_records`` does first with each file; 77,050 records
  at 231,050);
- **CSV**: the same for people.csv and memberships.csv (154,000 records);
- **whole load**: ``load_records`` on the folder: the four files, the checks across records
  (ids, references, dates, structure) and the sorted ``Records``.

Each step is timed for **this tree** and for the **baseline** (the ``--baseline`` revision,
``main`` unless told, extracted with ``git archive``), and the two floors are timed too: plain
``yaml.load(text, Loader=yaml.CSafeLoader)`` for the YAML files (libyaml, no checks, no model
objects) and ``list(csv.reader(...))`` for the CSV files. The cyclic garbage collector is off
during every timed step, as ``load_records`` keeps it. The order of the runs rotates from round
to round; the table gives medians, and the ratios are per round, then the median.

Before timing, the records that both trees load are compared (a digest of their ``repr``):
a change meant only to make loading faster must give the same objects.
"""

from __future__ import annotations

import argparse
import csv
import gc
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from flat import corpus  # noqa: E402
from measure import write_readme_section  # noqa: E402

PARTS: dict[str, tuple[str, ...]] = {
    "yaml": ("articles.yaml", "organs.yaml"),
    "csv": ("people.csv", "memberships.csv"),
    "whole": (),
}
TITLES = {
    "yaml": "YAML (articles.yaml, organs.yaml)",
    "csv": "CSV (people.csv, memberships.csv)",
    "whole": "whole load (`load_records`: 4 files, checks across records)",
}
WARM_UP = 1550
RESULTS = HERE / "load-speed-results.json"


# -- the child: one timed step --------------------------------------------------------------------


def _child(tool: str, part: str, data: Path, small: Path, tree: str) -> dict[str, Any]:
    """Time ``part`` once with ``tool`` (``this``, ``baseline``, ``line-aware`` or ``floor``)."""
    if tool != "floor":
        sys.path.insert(0, tree)
        import kwpld
        import kwpld.load as load

        assert Path(kwpld.__file__).resolve().is_relative_to(Path(tree).resolve()), (
            kwpld.__file__,
            tree,
        )
        if tool == "line-aware":
            load.FAST_PATH = False  # type: ignore[attr-defined]

        def step(folder: Path) -> int:
            if part == "whole":
                return len(load.load_records(folder))
            count = 0
            for name in PARTS[part]:
                found = load._read_fast(folder / name, name)  # type: ignore[attr-defined]
                assert found is not None, f"{name} was not read on the fast path"
                count += len(found)
            return count

        if tool == "digest":
            records = load.load_records(data)
            text = repr((list(records), records.links, records.files, records.info))
            return {"digest": hashlib.sha256(text.encode()).hexdigest(), "records": len(records)}
    else:

        def step(folder: Path) -> int:
            return _floor(folder, part)

    step(small)  # warm up: imports, schema, compiled per-kind code
    gc.collect()
    gc.disable()
    start = time.process_time()
    count = step(data)
    cpu = time.process_time() - start
    gc.enable()
    return {"cpu": cpu, "records": count}


def _floor(folder: Path, part: str) -> int:
    """The parsers alone: libyaml through PyYAML's CSafeLoader, the csv module; no checks, no
    model objects."""
    import yaml

    count = 0
    for name in PARTS[part]:
        text = (folder / name).read_text("utf-8")
        if part == "yaml":
            data = yaml.load(text, Loader=yaml.CSafeLoader)
            count += sum(len(v) for v in data.values() if isinstance(v, list))
        else:
            import io

            count += len(list(csv.reader(io.StringIO(text, newline="")))) - 1
    return count


def _run_child(tool: str, part: str, data: Path, small: Path, tree: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", tool, part, str(data), str(small), str(tree)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tree)
    if done.returncode != 0:
        raise SystemExit(f"{tool} {part} failed:\n{done.stderr}")
    found: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return found


# -- the parent -----------------------------------------------------------------------------------


def _commit(revision: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", revision],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def _extract(revision: str, target: Path) -> Path:
    """The source tree of ``revision``, extracted with ``git archive``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
        capture_output=True, check=False,
    )  # fmt: skip
    if archive.returncode != 0:
        raise SystemExit(f"--baseline {revision}: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", default="main", help="git revision to compare with")
    parser.add_argument("--line-aware", action="store_true", help="also the line-aware path")
    parser.add_argument("--no-markdown", action="store_true", help="leave bench/README.md")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        tool, part, data, small, tree = args.child
        print(json.dumps(_child(tool, part, Path(data), Path(small), tree)))
        return

    data, small = corpus(args.records), corpus(WARM_UP)
    commit = _commit(args.baseline)
    here = _commit("HEAD")
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "kwpld"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="kwpld-load-speed-") as work:
        base_tree = _extract(commit, Path(work))
        trees = {"this": ROOT, "baseline": base_tree, "line-aware": ROOT, "floor": ROOT}
        digests = {
            tool: _run_child("digest", "whole", data, small, trees[tool])
            for tool in ("this", "baseline")
        }
        same = digests["this"]["digest"] == digests["baseline"]["digest"]
        print(f"same records as {args.baseline} ({commit}): {'yes' if same else 'NO'}", flush=True)
        if not same:
            raise SystemExit("the two trees load different records; fix that first")

        runs = [(tool, part) for part in PARTS for tool in ("baseline", "this")]
        runs += [("floor", "yaml"), ("floor", "csv")]
        if args.line_aware:
            runs += [("line-aware", part) for part in PARTS]
        times: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        counts: dict[str, int] = {}
        per_round: list[dict[tuple[str, str], float]] = []
        loads = [os.getloadavg()[0]]
        for number in range(args.rounds):
            shift = (number * 3) % len(runs)
            this_round: dict[tuple[str, str], float] = {}
            for tool, part in runs[shift:] + runs[:shift]:
                found = _run_child(tool, part, data, small, trees[tool])
                counts.setdefault(part, found["records"])
                assert counts[part] == found["records"], (tool, part, found, counts)
                this_round[(tool, part)] = found["cpu"]
                times[(tool, part)].append(found["cpu"])
                print(f"  round {number + 1}: {tool} {part} {found['cpu']:.2f} s", flush=True)
            per_round.append(this_round)
            loads.append(os.getloadavg()[0])

    def ratio(slow: tuple[str, str], fast: tuple[str, str]) -> float:
        return statistics.median(r[slow] / r[fast] for r in per_round)

    rows: list[dict[str, Any]] = []
    for part in PARTS:
        row: dict[str, Any] = {"step": TITLES[part], "records": counts[part]}
        for tool in ("floor", "baseline", "this", "line-aware"):
            if (tool, part) in times:
                median = statistics.median(times[(tool, part)])
                row[tool] = {"cpu": round(median, 3), "records_per_s": round(counts[part] / median)}
        row["this_vs_baseline"] = round(ratio(("baseline", part), ("this", part)), 2)
        if ("floor", part) in times:
            row["this_vs_floor"] = round(ratio(("floor", part), ("this", part)), 2)
        if ("line-aware", part) in times:
            row["this_vs_line_aware"] = round(ratio(("line-aware", part), ("this", part)), 2)
        rows.append(row)
    command = f"python bench/load_speed.py {' '.join(sys.argv[1:])}".rstrip()
    result = {
        "records": args.records,
        "rounds": args.rounds,
        "baseline": {"revision": args.baseline, "commit": commit},
        "this": here + (" with changes" if dirty else ""),
        "load_average": [round(min(loads), 2), round(max(loads), 2)],
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "command": command,
        "rows": rows,
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    text = markdown(result)
    print(text)
    if not args.no_markdown:
        write_readme_section("load-speed", text)


def _cell(row: dict[str, Any], tool: str) -> str:
    if tool not in row:
        return "— | —"
    return f"{row[tool]['cpu']:.2f} s | {row[tool]['records_per_s']:,}"


def markdown(result: dict[str, Any]) -> str:
    """The table of ``result`` (as ``bench/load-speed-results.json`` keeps it)."""
    base = f"`{result['baseline']['revision']}` ({result['baseline']['commit']})"
    line_aware = any("line-aware" in row for row in result["rows"])
    head = (
        "| step | records | floor: CPU | records/s | baseline: CPU | records/s "
        "| this tree: CPU | **records/s** | **vs baseline** | vs floor |"
        + (" line-aware path: CPU | records/s |" if line_aware else "")
    )
    lines = [head, "|" + " --- |" + " ---: |" * (head.count("|") - 2)]
    for row in result["rows"]:
        floor = row.get("this_vs_floor")
        lines.append(
            f"| {row['step']} | {row['records']:,} | {_cell(row, 'floor')} "
            f"| {_cell(row, 'baseline')} | {row['this']['cpu']:.2f} s "
            f"| **{row['this']['records_per_s']:,}** | **{row['this_vs_baseline']:.2f}×** "
            f"| {f'{floor:.2f}×' if floor else '—'} |"
            + (f" {_cell(row, 'line-aware')} |" if line_aware else "")
        )
    low, high = result["load_average"]
    lines += [
        "",
        f"- CPU seconds (median of {result['rounds']} rounds, order rotated), each run a fresh "
        "process; records/s = records per CPU second; *vs baseline* and *vs floor*: the other's "
        "CPU time / this tree's, per round, median (above 1: this tree is faster).",
        f"- baseline: the loader of {base}; this tree: {result['this']}; floor: "
        "`yaml.load(text, Loader=yaml.CSafeLoader)` (YAML) and `list(csv.reader(...))` (CSV), "
        "no checks and no model objects.",
        f"- machine: {result['machine']}, 1-minute load average {low}–{high} (other sessions "
        f"share the machine); {result['date']}; `{result['command']}`",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
