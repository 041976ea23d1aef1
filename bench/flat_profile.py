"""Where a kwpld build's time goes on the flat corpus, stage by stage (issue 14).

    python bench/flat_profile.py                          # 231,050 records: the stage table
    python bench/flat_profile.py --records 23150          # quicker
    python bench/flat_profile.py --cprofile /tmp/flat.prof   # the same build under cProfile
    py-spy record -o /tmp/flat.svg -- python bench/flat_profile.py --plain   # a flame graph

The stage table comes from one build (``kwpld.build(data, out, jobs=1)``: validation, then
every format written one after another, all in this process, so stages do not overlap) with
no profiler: the build's stages, the loader's steps and the release's writers are wrapped with
timers from the outside (nothing in kwpld changes), which costs well under a microsecond per
call against about a hundred per record. Each step gets its CPU seconds (``process_time``:
steady on a shared machine, where wall time also counts the waits for a core) and its wall
seconds. The garbage collector's own time is measured with ``gc.callbacks``.

Results go to ``bench/flat-profile.json``; ``docs/scaling.md`` quotes them.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import corpus  # noqa: E402

WALL: dict[str, float] = defaultdict(float)
CPU: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its wall and CPU seconds added up under ``label``."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            WALL[label] += time.perf_counter() - wall
            CPU[label] += time.process_time() - cpu
            CALLS[label] += 1

    return wrapper


LOADER = {
    "read_yaml": "YAML: read, parse and construct",
    "read_csv": "CSV: read, make row records",
    "read_jsonl": "JSON Lines: read",
    "check_record": "JSON Schema check, per record",
    "check_duplicates": "across records: duplicate ids",
    "check_references": "across records: references",
    "check_dates": "across records: date order",
    "check_structure": "across records: structure",
    "check_links": "across records: Wikidata links",
}
CONSTRUCT = "YAML: construction in Python (LineDict, LineList, lines)"
CONVERT = "conversion to model objects, dates read"
BUILD = {
    "load_records": "load",
    "map_records": "map",
    "validate_graph": "validate (SHACL)",
    "write_release": "write",
}
WRITERS = ("nquads", "ntriples", "updates", "turtle", "jsonld", "void_stats", "wikidata", "copies")


def instrument() -> None:
    """Wrap the build's stages and the loader's steps with timers, from the outside.

    Each is wrapped where it is looked up at call time (the module that calls it), so kwpld's
    code runs unchanged.
    """
    import importlib

    # import_module, not "import kwpld.build as build": the package exports a function of
    # that name, which the import statement would give instead of the module
    build = importlib.import_module("kwpld.build")
    load = importlib.import_module("kwpld.load")
    files = importlib.import_module("kwpld.load.files")
    release = importlib.import_module("kwpld.publish.release")
    plan_module = importlib.import_module("kwpld.publish.plan")

    for name, label in BUILD.items():
        if hasattr(build, name):
            setattr(build, name, timed(label, getattr(build, name)))
    for name, label in LOADER.items():
        if hasattr(load, name):
            setattr(load, name, timed(label, getattr(load, name)))
    load.Converter.build = timed(CONVERT, load.Converter.build)
    files._Loader.construct_document = timed(CONSTRUCT, files._Loader.construct_document)
    release.release_quads = timed("write: the one sort", release.release_quads)
    for name in WRITERS:
        plan = plan_module.ReleasePlan
        if hasattr(plan, name):
            setattr(plan, name, timed(f"write: {name}", getattr(plan, name)))


_gc_start = [0.0, 0.0]


def _gc_callback(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_start[:] = [time.perf_counter(), time.process_time()]
    else:
        WALL["cyclic GC"] += time.perf_counter() - _gc_start[0]
        CPU["cyclic GC"] += time.process_time() - _gc_start[1]
        CALLS["cyclic GC"] += 1


def run_build(data: Path, validate: bool) -> dict[str, Any]:
    import kwpld

    out = Path(tempfile.mkdtemp(prefix="kwpld-profile-")) / "dist"
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        result = kwpld.build(data, out, jobs=1, validate=validate)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        triples = json.loads((out / "manifest.json").read_text("utf-8"))["triples"]
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)
    return {
        "wall": wall,
        "cpu": cpu,
        "triples": triples,
        "stages": dict(result.timings),
        "release": dict(result.release_timings),
        "records": sum(result.records.counts().values()),
    }


def table(result: dict[str, Any]) -> str:
    cpu, wall, calls = result["cpu_by_step"], result["wall_by_step"], result["calls"]
    total = result["cpu"]
    rows = [
        "| stage | CPU s | share of CPU | wall s | calls |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]

    def row(
        label: str,
        key: str | None = None,
        *,
        indent: int = 0,
        value: float = 0.0,
        wall_value: float | None = None,
    ) -> None:
        seconds = cpu.get(key, 0.0) if key else value
        w = wall.get(key, 0.0) if key else (wall_value if wall_value is not None else 0.0)
        name = ("&nbsp;" * 4 * indent) + label
        count = calls.get(key, "") if key else ""
        rows.append(f"| {name} | {seconds:.2f} | {seconds / total:.1%} | {w:.2f} | {count} |")

    row("**load**", "load")
    parse = cpu.get(LOADER["read_yaml"], 0.0) - cpu.get(CONSTRUCT, 0.0)
    parse_wall = wall.get(LOADER["read_yaml"], 0.0) - wall.get(CONSTRUCT, 0.0)
    row(
        "YAML: read, parse and compose nodes (libyaml via CSafeLoader)",
        indent=1,
        value=parse,
        wall_value=parse_wall,
    )
    row(CONSTRUCT, CONSTRUCT, indent=1)
    named = cpu.get(LOADER["read_yaml"], 0.0)
    named_wall = wall.get(LOADER["read_yaml"], 0.0)
    for key in [*list(LOADER.values())[1:], CONVERT]:
        if key in cpu and cpu[key] >= 0.005:
            row(key, key, indent=1)
            named += cpu[key]
            named_wall += wall[key]
    row(
        "the rest: the record loop, Entry, id index, sort",
        indent=1,
        value=cpu.get("load", 0.0) - named,
        wall_value=wall.get("load", 0.0) - named_wall,
    )
    row("**map**", "map")
    if "validate (SHACL)" in cpu:
        row("**validate (SHACL)**", "validate (SHACL)")
    row("**write** (jobs=1: one format after another)", "write")
    writes = sorted((k for k in cpu if k.startswith("write: ")), key=lambda k: -cpu[k])
    for key in writes:
        row(key, key, indent=1)
    rest = cpu.get("write", 0.0) - sum(cpu[k] for k in writes)
    rest_wall = wall.get("write", 0.0) - sum(wall[k] for k in writes)
    row(
        "write: the rest (VoID, manifest, loader scripts)",
        indent=1,
        value=rest,
        wall_value=rest_wall,
    )
    row("*cyclic garbage collection, inside the stages above*", "cyclic GC")
    row("**build**", value=total, wall_value=result["wall"])
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--cprofile", metavar="PATH", help="profile with cProfile, save stats")
    parser.add_argument("--plain", action="store_true", help="no timers (for py-spy)")
    args = parser.parse_args()
    data = corpus(args.records)
    if args.cprofile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(run_build, data, not args.no_validate)
        profile.dump_stats(args.cprofile)
        pstats.Stats(args.cprofile).sort_stats("tottime").print_stats(30)
        return
    if args.plain:
        print(json.dumps(run_build(data, not args.no_validate)["stages"]))
        return
    instrument()
    gc.callbacks.append(_gc_callback)
    result = run_build(data, not args.no_validate)
    gc.callbacks.remove(_gc_callback)
    result["cpu_by_step"] = dict(CPU)
    result["wall_by_step"] = dict(WALL)
    result["calls"] = dict(CALLS)
    result["command"] = "python bench/flat_profile.py " + " ".join(sys.argv[1:])
    result["load_average"] = __import__("os").getloadavg()[0]
    (HERE / "flat-profile.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(table(result))
    print(
        f"{result['records']:,} records, {result['triples']:,} triples; load average "
        f"{result['load_average']:.1f}; `{result['command']}`"
    )


if __name__ == "__main__":
    main()
