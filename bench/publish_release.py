"""Benchmark the publish stage: write a complete release of a synthetic corpus, at several sizes.

    python bench/publish_release.py                          # 100k, 1m and 3m, jobs 1 and 2
    python bench/publish_release.py --sizes 1m --jobs 2 --gzip --json publish.json

For each size, ``kwpld synth`` writes a data folder, which is loaded and mapped once (not
timed here: the end-to-end benchmark covers those stages); then ``write_release`` writes the
release once per ``--jobs`` value, and the figures are printed: wall and CPU time of every step
(``Release.timings`` and ``Release.cpu_timings``), total wall and CPU (every worker included),
N-Triples/N-Quads throughput, peak RSS of the writing process and of its workers, and the
release's files. The machine's load average is printed with them: the 2-core machines this
runs on are shared, and a busy machine stretches wall time.

:func:`measure_release` is the part ``bench/run.py`` can call on a graph it has built.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kwpld.build import build_graph
from kwpld.graph import KnowledgeGraph
from kwpld.model import Records
from kwpld.publish import ReleaseOptions, write_release
from kwpld.publish.lines import parse_size
from kwpld.synth import synthesize

__all__ = ["measure_release", "LINE_STEPS"]

LINE_STEPS = ("nquads", "ntriples")
"""Tasks that write the line formats: data.nq with graphs/, and data.nt."""


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def measure_release(
    records: Records,
    graph: KnowledgeGraph,
    folder: Path,
    *,
    jobs: int = 1,
    gzip: bool = False,
    split_size: int | None = None,
) -> dict[str, Any]:
    """Write one release into ``folder`` (emptied first) and return its figures.

    ``peak_rss_mb`` is the writing process's peak since it started (so it includes the graph
    it was given); ``worker_rss_mb`` each worker's peak, counting the pages it shares with the
    parent, and ``worker_private_mb`` the pages it had of its own (copied or allocated): the
    memory the workers add is the sum of those.
    """
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    release = write_release(
        records, graph, folder, ReleaseOptions(jobs=jobs, gzip=gzip, split_size=split_size)
    )
    wall = time.perf_counter() - start
    files = release.files
    line_quads = release.quads * 2 + release.triples  # data.nq, graphs/, data.nt
    line_seconds = sum(release.timings.get(step, 0.0) for step in LINE_STEPS)
    return {
        "jobs": jobs,
        "workers": release.workers,
        "gzip": gzip,
        "quads": release.quads,
        "triples": release.triples,
        "graphs": len(release.graphs),
        "wall_s": round(wall, 3),
        "cpu_s": round(release.cpu, 3),
        "steps_wall_s": {k: round(v, 3) for k, v in release.timings.items()},
        "steps_cpu_s": {k: round(v, 3) for k, v in release.cpu_timings.items()},
        "quads_per_s": round(release.quads / wall),
        "line_lines_per_s": round(line_quads / line_seconds) if line_seconds else None,
        "peak_rss_mb": round(_rss_mb(resource.RUSAGE_SELF)),
        "worker_rss_mb": [round(m.peak_rss) for m in release.worker_memory],
        "worker_private_mb": [
            round(m.private) for m in release.worker_memory if m.private is not None
        ],
        "files": len(files) + 1,  # and manifest.json
        "graph_files": sum(1 for f in files if f.path.startswith("graphs/")),
        "update_files": sum(1 for f in files if f.path.startswith("update/")),
        "bytes": sum(f.size for f in files),
        "load_average": round(load, 2),
    }


def _print(size: str, figures: dict[str, Any]) -> None:
    print(
        f"{size:>4} jobs={figures['jobs']}: {figures['quads']:,} quads in "
        f"{figures['graphs']:,} graphs, written in {figures['wall_s']:.2f} s wall, "
        f"{figures['cpu_s']:.2f} s CPU ({figures['quads_per_s']:,} quads/s); "
        f"load average {figures['load_average']}"
    )
    cpu = figures["steps_cpu_s"]
    for step, seconds in figures["steps_wall_s"].items():
        extra = f"  cpu {cpu[step]:6.2f}" if step in cpu else ""
        print(f"       {step:11} {seconds:6.2f} s{extra}")
    print(
        f"       line formats {figures['line_lines_per_s']:,} lines/s; "
        f"{figures['files']} files ({figures['graph_files']} under graphs/, "
        f"{figures['update_files']} under update/), {figures['bytes'] / 1e6:.0f} MB; "
        f"peak RSS {figures['peak_rss_mb']} MB; workers: peak RSS {figures['worker_rss_mb']} MB, "
        f"of their own {figures['worker_private_mb']} MB"
    )


def _measure_size(size: str, work: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    data = work / f"corpus-{size}"
    if not data.exists():
        synthesize(data, size)
    start = time.perf_counter()
    records, graph = build_graph(data)
    print(
        f"{size}: {len(graph):,} quads loaded and mapped in "
        f"{time.perf_counter() - start:.1f} s (not part of the figures)",
        flush=True,
    )
    split = parse_size(args.split_size) if args.split_size else None
    results = []
    for jobs in (int(j) for j in args.jobs.split(",")):
        runs = [
            measure_release(
                records,
                graph,
                work / f"release-{size}",
                jobs=jobs,
                gzip=args.gzip,
                split_size=split,
            )
            for _ in range(args.repeat)
        ]
        best = min(runs, key=lambda r: r["wall_s"])
        results.append(best)
        _print(size, best)
    shutil.rmtree(work / f"release-{size}", ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100k,1m,3m", help="kwpld synth sizes, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="values of jobs to measure, comma-separated")
    parser.add_argument("--gzip", action="store_true", help="gzip the line formats")
    parser.add_argument("--split-size", default=None, help="split line formats, e.g. 100MB")
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting (best kept)")
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and releases")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="kwpld-publish-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sizes = args.sizes.split(",")
    results: dict[str, list[dict[str, Any]]] = {}
    try:
        if len(sizes) == 1:
            results[sizes[0]] = _measure_size(sizes[0], work, args)
        else:
            # One process per size, so that each peak RSS is that size's own.
            for size in sizes:
                out = work / f"figures-{size}.json"
                command = [sys.executable, __file__, "--sizes", size, "--work", str(work)]
                command += ["--jobs", args.jobs, "--repeat", str(args.repeat), "--json", str(out)]
                command += ["--gzip"] if args.gzip else []
                command += ["--split-size", args.split_size] if args.split_size else []
                subprocess.run(command, check=True)
                results.update(json.loads(out.read_text("utf-8")))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if len(results) > 1:
        print("linearity: seconds per million quads, wall / CPU")
        for i, figures in enumerate(results[sizes[0]]):
            row = []
            for size in sizes:
                f = results[size][i]
                per = 1e6 / f["quads"]
                row.append(f"{size} {f['wall_s'] * per:.2f} / {f['cpu_s'] * per:.2f}")
            print(f"  jobs={figures['jobs']}: " + ", ".join(row))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
