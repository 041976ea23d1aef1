"""kwpld against Morph-KGC on the flat corpus, alternating in one run (issue 14).

    python bench/flat.py --setup-peer                 # once: Morph-KGC 2.10 in bench/.venv-morph
    python bench/flat.py                              # 231,050 records, 3 rounds
    python bench/flat.py --records 23150 --rounds 2   # a quick look

The corpus is ``kwpld synth --shape flat --records N`` (cached under ``bench/.corpora``):
a third each of people, memberships and articles, and 50 organs. Morph-KGC reads CSV, so its
input is the same records with articles.yaml and organs.yaml written as CSV (once, untimed);
its mapping is ``bench/mappings/flat.yarrrml.yml``. Each round runs, in an order that rotates
from round to round, each as a fresh process measured by ``bench/measure.py``:

- **morph-kgc**: Morph-KGC 2.10, CSV -> N-Triples, ``number_of_processes = 2``;
- **kwpld --no-validate**: ``kwpld build DATA --out OUT --no-validate --jobs 2`` (every format);
- **kwpld + SHACL**: ``kwpld build DATA --out OUT --jobs 2``.

Reported per tool: median wall time, triples, triples/s, peak RSS of its largest process and
peak PSS of its whole process tree; and, per round (the tools ran minutes apart under the same
load), kwpld's speed as a fraction of Morph-KGC's (Morph-KGC's time / kwpld's) and its
triples/s as a fraction of Morph-KGC's; the medians of those go in the table. Results go to
``bench/flat-results.json`` and the "Morph-KGC as a peer" table of ``bench/README.md``.

Morph-KGC 2.10 pins pyoxigraph < 0.4 and kwpld needs >= 0.4.8, so the two cannot share an
environment: the peer lives in its own virtualenv (``--setup-peer``, or ``--morph-python``).
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Measured, machine_load, measure, write_readme_section  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPORA = HERE / ".corpora"
MAPPING = HERE / "mappings" / "flat.yarrrml.yml"
PEER_VENV = HERE / ".venv-morph"
PEER_REQUIREMENTS = HERE / "peer-requirements.txt"
RESULTS = HERE / "flat-results.json"

TOOLS = ("morph-kgc", "kwpld --no-validate", "kwpld + SHACL")


# -- inputs -----------------------------------------------------------------------------------


def corpus(records: int) -> Path:
    """The flat corpus of ``records`` records (made once, then reused)."""
    folder = CORPORA / f"flat-{records}"
    if not (folder / "articles.yaml").exists():
        from kwpld.synth import synthesize_flat

        synthesize_flat(folder, records)
    return folder


def peer_input(data: Path) -> Path:
    """The same records as Morph-KGC reads them: four CSV files (made once, untimed)."""
    import yaml

    folder = data.with_name(data.name + "-peer")
    if (folder / "articles.csv").exists():
        return folder
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name in ("people.csv", "memberships.csv"):
        shutil.copyfile(data / name, tmp / name)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    articles = yaml.load((data / "articles.yaml").read_text("utf-8"), Loader=loader)["articles"]
    with open(tmp / "articles.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "type", "title", "date", "mentions"])
        for a in articles:
            for mentioned in a.get("mentions", []):
                writer.writerow([a["id"], a["type"], a["title"], a.get("date", ""), mentioned])
    organs = yaml.load((data / "organs.yaml").read_text("utf-8"), Loader=loader)["organs"]
    with open(tmp / "organs.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "kind", "name_en", "name_hangul", "parent"])
        for o in organs:
            names = {n["system"]: n["text"] for n in o["names"]}
            row = [o["id"], o["kind"], names.get("en", ""), names.get("hangul", "")]
            writer.writerow([*row, o.get("parent", "")])
    tmp.rename(folder)
    return folder


def setup_peer() -> None:
    """Make bench/.venv-morph with Morph-KGC 2.10 from the package registry."""
    subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    pip = [str(PEER_VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "-r", str(PEER_REQUIREMENTS)], check=True)


# -- the runs ---------------------------------------------------------------------------------


def run_morph(python: str, peer: Path, work: Path, processes: int) -> tuple[Measured, int]:
    out = work / "morph.nt"
    config = work / "morph.ini"
    config.write_text(
        "[CONFIGURATION]\n"
        f"output_file = {out}\n"
        "output_format = N-TRIPLES\n"
        f"number_of_processes = {processes}\n"
        "logging_level = WARNING\n\n"
        "[DataSource1]\n"
        f"mappings = {MAPPING}\n",
        encoding="utf-8",
    )
    measured = measure([python, "-m", "morph_kgc", str(config)], cwd=peer)
    triples = _count_lines(out) if measured.returncode == 0 else 0
    return measured, triples


def run_kwpld(data: Path, work: Path, *, validate: bool, jobs: int) -> tuple[Measured, int]:
    out = work / "dist"
    command = [sys.executable, "-m", "kwpld", "build", str(data), "--out", str(out)]
    command += ["--no-incremental", "--quiet", "--jobs", str(jobs)]
    if not validate:
        command.append("--no-validate")
    measured = measure(command)
    triples = 0
    if measured.returncode == 0:
        triples = json.loads((out / "manifest.json").read_text("utf-8"))["triples"]
    return measured, triples


def _count_lines(path: Path) -> int:
    count = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 24):
            count += block.count(b"\n")
    return count


def run_one(tool: str, args: argparse.Namespace, data: Path, peer: Path) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kwpld-flat-"))
    try:
        load_before = machine_load()
        if tool == "morph-kgc":
            measured, triples = run_morph(args.morph_python, peer, work, args.processes)
        else:
            measured, triples = run_kwpld(
                data, work, validate=tool == "kwpld + SHACL", jobs=args.jobs
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if measured.returncode != 0:
        raise SystemExit(f"{tool} failed (exit {measured.returncode}):\n{measured.stderr}")
    return {
        "tool": tool,
        "wall": round(measured.wall, 3),
        "cpu": round(measured.cpu, 3),
        "triples": triples,
        "max_rss_mb": round(measured.max_rss_mb, 1),
        "tree_pss_mb": round(measured.tree_pss_mb, 1),
        "load_before": load_before,
    }


# -- reporting --------------------------------------------------------------------------------


def summarize(rounds: list[list[dict]]) -> dict:
    by_tool: dict[str, list[dict]] = {tool: [] for tool in TOOLS}
    speed: dict[str, list[float]] = {tool: [] for tool in TOOLS[1:]}
    rate: dict[str, list[float]] = {tool: [] for tool in TOOLS[1:]}
    cpu: dict[str, list[float]] = {tool: [] for tool in TOOLS[1:]}
    for runs in rounds:
        named = {r["tool"]: r for r in runs}
        peer = named["morph-kgc"]
        for run in runs:
            by_tool[run["tool"]].append(run)
        for tool in TOOLS[1:]:
            mine = named[tool]
            speed[tool].append(peer["wall"] / mine["wall"])
            rate[tool].append((mine["triples"] / mine["wall"]) / (peer["triples"] / peer["wall"]))
            if mine.get("cpu") and peer.get("cpu"):
                cpu[tool].append(peer["cpu"] / mine["cpu"])
    summary = {}
    for tool, runs in by_tool.items():
        walls = [r["wall"] for r in runs]
        entry = {
            "wall_median": round(statistics.median(walls), 2),
            "wall_min": round(min(walls), 2),
            "triples": runs[0]["triples"],
            "triples_per_s": round(runs[0]["triples"] / statistics.median(walls)),
            "max_rss_mb": round(max(r["max_rss_mb"] for r in runs)),
            "tree_pss_mb": round(max(r["tree_pss_mb"] for r in runs)),
        }
        cpus = [r["cpu"] for r in runs if r.get("cpu")]
        entry["cpu_median"] = round(statistics.median(cpus), 2) if cpus else None
        if tool in speed:
            entry["speed_ratio"] = round(statistics.median(speed[tool]), 3)
            entry["speed_ratios"] = [round(x, 3) for x in speed[tool]]
            entry["rate_ratio"] = round(statistics.median(rate[tool]), 3)
            if cpu[tool]:
                entry["cpu_ratio"] = round(statistics.median(cpu[tool]), 3)
        summary[tool] = entry
    return summary


def markdown(result: dict) -> str:
    rows = [
        "| tool | time (median) | CPU (median) | triples | triples/s | peak RSS, largest "
        "process | peak PSS, all processes | **speed vs Morph-KGC** | **triples/s vs "
        "Morph-KGC** | CPU vs Morph-KGC |",
        "| --- |" + " ---: |" * 9,
    ]
    labels = {
        "morph-kgc": "Morph-KGC 2.10, CSV → N-Triples, 2 processes",
        "kwpld --no-validate": "kwpld build, every format, `--no-validate --jobs 2`",
        "kwpld + SHACL": "kwpld build, every format, with SHACL, `--jobs 2`",
    }
    for tool in TOOLS:
        s = result["summary"][tool]
        speed = f"**{s['speed_ratio']:.3f}×**" if "speed_ratio" in s else "1"
        rate = f"**{s['rate_ratio']:.3f}×**" if "rate_ratio" in s else "1"
        cpu_ratio = (
            f"{s['cpu_ratio']:.3f}×" if s.get("cpu_ratio") else ("1" if tool == TOOLS[0] else "—")
        )
        cpu_median = f"{s['cpu_median']:.1f} s" if s.get("cpu_median") else "—"
        rows.append(
            f"| {labels[tool]} | {s['wall_median']:.1f} s | {cpu_median} | "
            f"{s['triples']:,} | "
            f"{s['triples_per_s']:,} | {s['max_rss_mb']:,} MB | {s['tree_pss_mb']:,} MB | "
            f"{speed} | {rate} | {cpu_ratio} |"
        )
    loads = [r["load_before"] for runs in result["rounds"] for r in runs]
    m = result["machine"]
    rows.append("")
    rows.append(
        f"- {result['records']:,} records, {result['rounds_count']} rounds alternating "
        f"(order rotated each round); speed = Morph-KGC's time / kwpld's time in the same "
        f"round, median over rounds; CPU: seconds summed over the tool's processes (per round: "
        + "; ".join(
            f"{tool}: {', '.join(str(x) for x in result['summary'][tool]['speed_ratios'])}"
            for tool in TOOLS[1:]
        )
        + ")."
    )
    rows.append(
        f"- machine: {m['cpus']} cores, Python {m['python']}, 1-minute load average before "
        f"each run {min(loads)}–{max(loads)} (other sessions share the machine); {m['date']}."
    )
    rows.append(f"- `{result['command']}`")
    return "\n".join(rows) + "\n"


def compare(args: argparse.Namespace, records: int) -> str:
    """Which triples one tool makes and the other does not, by predicate (label IRIs aligned)."""
    import re
    from collections import Counter

    data = corpus(records)
    peer = peer_input(data)
    work = Path(tempfile.mkdtemp(prefix="kwpld-flat-compare-"))
    try:
        measured, _ = run_morph(args.morph_python, peer, work, args.processes)
        assert measured.returncode == 0, measured.stderr
        command = [sys.executable, "-m", "kwpld", "build", str(data), "--out", str(work / "d")]
        subprocess.run([*command, "--no-incremental", "--quiet"], check=True)
        # kwpld's label IRIs end in a hash of the name, which RML cannot compute
        unhash = re.compile(r"(/label/[^>]+?)\.[0-9a-f]{10}>")

        def triples(path: Path) -> set[str]:
            text = path.read_text("utf-8")
            return {unhash.sub(r"\1>", line) for line in text.splitlines() if line}

        mine, theirs = triples(work / "d" / "data.nt"), triples(work / "morph.nt")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def by_predicate(lines: set[str]) -> Counter[str]:
        return Counter(line.split(" ", 2)[1] for line in lines)

    out = [
        f"{records:,} records: kwpld {len(mine):,} triples, Morph-KGC {len(theirs):,}; "
        f"{len(mine & theirs):,} in both"
    ]
    for title, only in (("only kwpld", mine - theirs), ("only Morph-KGC", theirs - mine)):
        out.append(f"{title}: {len(only):,}")
        out.extend(f"  {count:>8,}  {p}" for p, count in by_predicate(only).most_common())
    return "\n".join(out)


def _result(args: argparse.Namespace, rounds: list[list[dict]]) -> dict[str, Any]:
    return {
        "records": args.records,
        "rounds_count": len(rounds),
        "rounds": rounds,
        "summary": summarize(rounds),
        "command": "python bench/flat.py " + " ".join(sys.argv[1:]),
        "machine": {
            "cpus": len(__import__("os").sched_getaffinity(0)),
            "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d %H:%M"),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2, help="kwpld build --jobs")
    parser.add_argument("--processes", type=int, default=2, help="Morph-KGC processes")
    parser.add_argument("--morph-python", default=str(PEER_VENV / "bin" / "python"))
    parser.add_argument("--setup-peer", action="store_true", help="make bench/.venv-morph")
    parser.add_argument("--no-markdown", action="store_true", help="leave bench/README.md alone")
    parser.add_argument(
        "--compare", action="store_true", help="list the triples only one tool makes, and stop"
    )
    parser.add_argument(
        "--from-json", action="store_true", help="write the table of the last results again"
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where results go")
    args = parser.parse_args()
    if args.from_json:
        saved = json.loads(args.results.read_text("utf-8"))
        saved["summary"] = summarize(saved["rounds"])
        args.results.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
        text = markdown(saved)
        print(text)
        if not args.no_markdown:
            write_readme_section("flat", text)
        return
    if args.setup_peer:
        setup_peer()
        return
    if args.compare:
        print(compare(args, args.records))
        return
    if not Path(args.morph_python).exists():
        raise SystemExit(
            f"no Morph-KGC environment at {args.morph_python}: run "
            "`python bench/flat.py --setup-peer` (or give --morph-python)"
        )
    data = corpus(args.records)
    peer = peer_input(data)
    if args.rounds < 1:
        raise SystemExit("--rounds must be at least 1")
    rounds: list[list[dict]] = []
    for number in range(args.rounds):
        order = TOOLS[number % len(TOOLS) :] + TOOLS[: number % len(TOOLS)]
        runs = []
        for tool in order:
            run = run_one(tool, args, data, peer)
            print(
                f"round {number + 1}: {tool}: {run['wall']:.2f} s, {run['triples']:,} triples, "
                f"max RSS {run['max_rss_mb']:.0f} MB, tree PSS {run['tree_pss_mb']:.0f} MB "
                f"(load {run['load_before']})",
                flush=True,
            )
            runs.append(run)
        rounds.append(runs)
        # Saved after every round: a run cut short (a busy machine, a deadline) keeps the
        # rounds it finished.
        result = _result(args, rounds)
        args.results.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    text = markdown(result)
    print(text)
    if not args.no_markdown:
        write_readme_section("flat", text)


if __name__ == "__main__":
    main()
