"""Growth: kwpld's cost per million triples as the flat corpus grows (issue 14).

    python bench/growth.py                           # 7,700, 77,000 and 231,000 people
    python bench/growth.py --people 7700 77000 --no-shacl   # quicker

For each size (N people, so 3N + 50 records: N each of people, memberships and articles, and
50 organs) it runs, in one round whose order rotates from size to size, Morph-KGC (as in
``bench/flat.py``), ``kwpld build --no-validate --jobs 2`` and ``kwpld build --jobs 2``
(SHACL), each a fresh process measured by ``bench/measure.py``. It reports seconds (wall and
CPU, the latter summed over every process of the tool) and peak memory per million triples;
linear growth keeps them flat from size to size. On a shared machine the CPU seconds are the
steadier figure: wall time also counts the waits for a core. Morph-KGC's row
at each size is the yardstick measured under the same load: when the machine is busier, both
slow down, and kwpld's ratio to it is what stays comparable.

Results go to ``bench/growth-results.json`` and the "Growth" table of ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import PEER_VENV, corpus, peer_input, run_one  # noqa: E402
from measure import write_readme_section  # noqa: E402

from kwpld.synth import FLAT_ORGANS  # noqa: E402

RESULTS = HERE / "growth-results.json"


def markdown(result: dict) -> str:
    rows = [
        "| people | records | tool | triples | time | s per M triples | CPU | **CPU s per M "
        "triples** | peak PSS, all processes | **MB per M triples** | largest process | "
        "speed vs Morph-KGC, wall / CPU | load |",
        "|" + " ---: |" * 2 + " --- |" + " ---: |" * 10,
    ]
    for size in result["sizes"]:
        runs = {r["tool"]: r for r in size["runs"]}
        peer = runs.get("morph-kgc")
        for tool, run in runs.items():
            millions = run["triples"] / 1e6
            speed = "—"
            if peer and tool != "morph-kgc":
                speed = f"{peer['wall'] / run['wall']:.2f}× / {peer['cpu'] / run['cpu']:.2f}×"
            rows.append(
                f"| {size['people']:,} | {size['records']:,} | {tool} | {run['triples']:,} | "
                f"{run['wall']:.1f} s | {run['wall'] / millions:.1f} | {run['cpu']:.1f} s | "
                f"**{run['cpu'] / millions:.1f}** | "
                f"{run['tree_pss_mb']:,.0f} MB | **{run['tree_pss_mb'] / millions:.0f}** | "
                f"{run['max_rss_mb']:,.0f} MB | {speed} | {run['load_before']} |"
            )
    rows.append("")
    names = sorted({r["tool"] for size in result["sizes"] for r in size["runs"]})
    for tool in names:
        per, cpu, mem = [], [], []
        for size in result["sizes"]:
            run = next((r for r in size["runs"] if r["tool"] == tool), None)
            if run is None:
                continue
            per.append(run["wall"] / (run["triples"] / 1e6))
            cpu.append(run["cpu"] / (run["triples"] / 1e6))
            mem.append(run["tree_pss_mb"] / (run["triples"] / 1e6))

        def steps(values: list[float]) -> str:
            return ", ".join(f"{b / a:.2f}" for a, b in zip(values, values[1:], strict=False))

        rows.append(
            f"- {tool}, from size to size: CPU s per M triples × {steps(cpu)}; wall s per M "
            f"triples × {steps(per)}; MB per M triples × {steps(mem)}"
        )
    m = result["machine"]
    commands = "; ".join(f"`{c}`" for c in result["commands"])
    rows.append(f"- machine: {m['cpus']} cores, Python {m['python']}, {m['date']}; {commands}")
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, nargs="+", default=[7_700, 77_000, 231_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--processes", type=int, default=2, help="Morph-KGC processes")
    parser.add_argument("--morph-python", default=str(PEER_VENV / "bin" / "python"))
    parser.add_argument("--no-peer", action="store_true", help="leave Morph-KGC out")
    parser.add_argument("--no-shacl", action="store_true", help="leave the SHACL build out")
    parser.add_argument("--no-markdown", action="store_true")
    parser.add_argument(
        "--append",
        action="store_true",
        help="keep the sizes already in bench/growth-results.json (a size run again replaces "
        "its entry); without it, the file starts afresh",
    )
    parser.add_argument(
        "--from-flat",
        action="store_true",
        help="take the size bench/flat.py measured (its first round: the same corpus, the "
        "same runs) from bench/flat-results.json instead of running it again",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where results go")
    args = parser.parse_args()
    tools = ["morph-kgc", "kwpld --no-validate", "kwpld + SHACL"]
    if args.no_peer:
        tools.remove("morph-kgc")
    if args.no_shacl:
        tools.remove("kwpld + SHACL")
    result = {"sizes": [], "commands": []}
    if args.append and args.results.exists():
        result = json.loads(args.results.read_text("utf-8"))
    result["commands"] = [
        *result.get("commands", []),
        "python bench/growth.py " + " ".join(sys.argv[1:]),
    ]
    for number, people in enumerate(args.people):
        records = 3 * people + FLAT_ORGANS
        data = corpus(records)
        peer = peer_input(data) if "morph-kgc" in tools else data
        order = tools[number % len(tools) :] + tools[: number % len(tools)]
        size = {"people": people, "records": records, "runs": []}
        result["sizes"] = [s for s in result["sizes"] if s["people"] != people] + [size]
        result["sizes"].sort(key=lambda s: s["people"])
        for tool in order:
            run = run_one(tool, args, data, peer)
            print(
                f"{people:,} people: {tool}: {run['wall']:.1f} s, CPU {run['cpu']:.1f} s, "
                f"{run['triples']:,} triples, tree PSS {run['tree_pss_mb']:.0f} MB "
                f"(load {run['load_before']})",
                flush=True,
            )
            size["runs"].append(run)
            result["machine"] = {
                "cpus": len(os.sched_getaffinity(0)),
                "python": platform.python_version(),
                "date": time.strftime("%Y-%m-%d %H:%M"),
            }
            # after every run: a session stopped midway keeps what it measured
            args.results.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    text = markdown(result)
    print(text)
    if not args.no_markdown:
        write_readme_section("growth", text)


if __name__ == "__main__":
    main()
