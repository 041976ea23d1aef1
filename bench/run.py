"""The kwpld benchmark: the full pipeline at several sizes, against an rdflib baseline.

    python bench/run.py                       # 100k, 1M and 3M triples; baseline at 100k and 1M
    python bench/run.py --sizes 100k --baseline-sizes 100k --jobs 2

For each size it makes a synthetic corpus (``kwpld synth``, cached under ``bench/.corpora``),
then runs, each in a fresh process so that peak memory is measured per run:

- **kwpld**: ``kwpld.build(data, out, jobs=J)``: load, map, validate (SHACL, fast engine) and
  write every release format; per-stage wall time, triples per second and peak RSS.
- **baseline**: the straightforward rdflib path on the same records: the same loader and
  mapping, then ``Dataset.add``/``Graph.add`` per quad/triple, ``serialize`` for each format
  (Turtle, TriG, N-Triples, N-Quads, JSON-LD), and a plain ``pyshacl.validate`` with the same
  shapes. pyshacl needs hours at 1M triples, so above ``--pyshacl-full`` focus nodes it
  validates evenly spaced focus nodes in small batches until ``--pyshacl-budget`` seconds
  are spent, and scales the time to all focus nodes (reported as extrapolated).

Results go to ``bench/results.json`` and to the table in ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from measure import write_readme_section  # noqa: E402

CORPORA = HERE / ".corpora"


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _cpu() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


# -- workers (run in a fresh process) -------------------------------------------------------------


def worker_kwpld(data: Path, jobs: int) -> dict:
    import kwpld

    out = Path(tempfile.mkdtemp(prefix="kwpld-bench-")) / "dist"
    start, cpu = time.perf_counter(), _cpu()
    result = kwpld.build(data, out, jobs=jobs)
    wall = time.perf_counter() - start
    manifest = kwpld.read_manifest(out)
    release_timings = getattr(result, "release_timings", {}) or {}
    shutil.rmtree(out.parent, ignore_errors=True)
    return {
        "wall": wall,
        "cpu": _cpu() - cpu,
        "stages": result.timings,
        "release": release_timings,
        "triples": manifest.triples,
        "quads": manifest.quads,
        "files": len(manifest.files),
        "bytes": sum(f.size for f in manifest.files),
        "peak_rss_mb": _peak_rss_mb(),
        "findings": len(result.validation.findings) if result.validation else None,
    }


def _rdflib_term(term: str, cache: dict):  # noqa: ANN202
    from rdflib import URIRef
    from rdflib.util import from_n3

    value = cache.get(term)
    if value is None:
        value = URIRef(term[1:-1]) if term.startswith("<") else from_n3(term)
        cache[term] = value
    return value


def worker_baseline(data: Path, pyshacl_full: int, sample: int, budget: float) -> dict:
    import pyshacl
    import rdflib

    import kwpld
    from kwpld.resources import resource_path
    from kwpld.wikidata.rdf import add_wikidata

    timings: dict[str, float] = {}
    start = time.perf_counter()
    records = kwpld.load_records(data)
    timings["load"] = time.perf_counter() - start
    start = time.perf_counter()
    graph = kwpld.map_records(records)
    add_wikidata(graph, records)
    quads = list(graph.quad_set)
    timings["map"] = time.perf_counter() - start

    start = time.perf_counter()
    cache: dict = {}
    dataset = rdflib.Dataset()
    union = rdflib.Graph()
    for s, p, o, g in quads:
        terms = (_rdflib_term(s, cache), _rdflib_term(p, cache), _rdflib_term(o, cache))
        dataset.add((*terms, _rdflib_term(g, cache)))
        union.add(terms)
    timings["rdflib-add"] = time.perf_counter() - start

    out = Path(tempfile.mkdtemp(prefix="kwpld-baseline-"))
    for name, target, fmt in (
        ("turtle", union, "turtle"),
        ("trig", dataset, "trig"),
        ("n-triples", union, "nt"),
        ("n-quads", dataset, "nquads"),
        ("json-ld", dataset, "json-ld"),
    ):
        start = time.perf_counter()
        target.serialize(destination=str(out / f"data.{fmt}"), format=fmt)
        timings[f"serialize-{name}"] = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)

    shapes = rdflib.Graph()
    for path in sorted(resource_path("shapes").glob("*.ttl")):
        shapes.parse(path, format="turtle")
    focus = _focus_nodes(union, shapes)
    if len(focus) <= pyshacl_full:
        start = time.perf_counter()
        pyshacl.validate(union, shacl_graph=shapes, inference="none", advanced=True)
        validated = focus
        seconds = time.perf_counter() - start
    else:
        # pyshacl's cost per focus node grows with the graph (its SPARQL constraints scan it),
        # so a fixed sample can take hours at 1M triples: validate evenly spaced focus nodes
        # in small batches until the time budget is spent, then scale to all of them.
        spaced = focus[:: max(1, len(focus) // sample)]
        validated, seconds = [], 0.0
        for start_index in range(0, len(spaced), 5):
            batch = spaced[start_index : start_index + 5]
            start = time.perf_counter()
            pyshacl.validate(
                union, shacl_graph=shapes, inference="none", advanced=True, focus_nodes=batch
            )
            seconds += time.perf_counter() - start
            validated.extend(batch)
            if seconds > budget:
                break
    timings["pyshacl"] = seconds * len(focus) / max(1, len(validated))
    return {
        "stages": timings,
        "wall": sum(timings.values()),
        "triples": len(union),
        "focus_nodes": len(focus),
        "pyshacl_validated_nodes": len(validated),
        "pyshacl_extrapolated": len(validated) < len(focus),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _focus_nodes(data, shapes) -> list:  # noqa: ANN001
    """Every node some shape targets (by class, subjects-of or objects-of), sorted."""
    from rdflib import RDF, URIRef
    from rdflib.namespace import SH

    nodes = set()
    for shape in set(shapes.subjects(SH.targetClass, None)):
        for cls in shapes.objects(shape, SH.targetClass):
            nodes.update(data.subjects(RDF.type, cls))
    for shape in set(shapes.subjects(SH.targetSubjectsOf, None)):
        for p in shapes.objects(shape, SH.targetSubjectsOf):
            nodes.update(data.subjects(p, None))
    for shape in set(shapes.subjects(SH.targetObjectsOf, None)):
        for p in shapes.objects(shape, SH.targetObjectsOf):
            nodes.update(data.objects(None, p))
    return sorted((n for n in nodes if isinstance(n, URIRef)), key=str)


# -- the driver --------------------------------------------------------------------------------


def corpus(size: str) -> Path:
    folder = CORPORA / size
    if not (folder / "kwpld.yaml").exists():
        from kwpld.synth import synthesize

        synthesize(folder, size)
    return folder


def run_worker(args: list[str]) -> dict:
    command = [sys.executable, __file__, "--worker", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark worker failed: {' '.join(args)}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
    }


def markdown(results: dict) -> str:
    rows = [
        "| size | triples | load | map | validate | write | **total** | triples/s | peak RSS | "
        "baseline (rdflib + pyshacl) | **ratio** | baseline without pyshacl | **ratio** |",
        "| --- " + "| ---: " * 12 + "|",
    ]
    for run in results["runs"]:
        k = run["kwpld"]
        stages = k["stages"]
        base = run.get("baseline")
        base_text = ratio_text = plain_text = plain_ratio = "—"
        if base:
            mark = "*" if base.get("pyshacl_extrapolated") else ""
            base_text = f"{base['wall']:,.1f} s{mark}"
            ratio_text = f"**{base['wall'] / k['wall']:,.0f}×**"
            # the rdflib path alone, against kwpld *with* its validation: a conservative ratio
            plain = base["wall"] - base["stages"].get("pyshacl", 0.0)
            plain_text = f"{plain:.1f} s"
            plain_ratio = f"**{plain / k['wall']:.1f}×**"
        rows.append(
            f"| {run['size']} | {k['triples']:,} | {stages.get('load', 0):.2f} s | "
            f"{stages.get('map', 0):.2f} s | {stages.get('validate', 0):.2f} s | "
            f"{stages.get('write', 0):.2f} s | **{k['wall']:.2f} s** | "
            f"{k['triples'] / k['wall']:,.0f} | {k['peak_rss_mb']:.0f} MB | {base_text} | "
            f"{ratio_text} | {plain_text} | {plain_ratio} |"
        )
    lines = ["\n".join(rows), ""]
    for run in results["runs"]:
        base = run.get("baseline")
        if base:
            parts = ", ".join(f"{name} {sec:.1f} s" for name, sec in base["stages"].items())
            lines.append(f"- baseline at {run['size']}: {parts}")
            if base.get("pyshacl_extrapolated"):
                lines.append(
                    f"  (* pyshacl validated {base['pyshacl_validated_nodes']:,} of "
                    f"{base['focus_nodes']:,} focus nodes; its time is scaled to all of them)"
                )
        release = run["kwpld"].get("release")
        if release:
            parts = ", ".join(f"{name} {sec:.2f} s" for name, sec in release.items())
            lines.append(f"- kwpld write steps at {run['size']}: {parts}")
    sizes = results["runs"]
    if len(sizes) > 1:
        per_million = [(r["size"], r["kwpld"]["wall"] / r["kwpld"]["triples"] * 1e6) for r in sizes]
        parts = ", ".join(f"{size}: {sec:.2f} s" for size, sec in per_million)
        lines.append(f"- seconds per million triples (linear scaling keeps these equal): {parts}")
        growth = []
        for small, big in zip(sizes, sizes[1:], strict=False):
            t = big["kwpld"]["wall"] / small["kwpld"]["wall"]
            n = big["kwpld"]["triples"] / small["kwpld"]["triples"]
            growth.append(
                f"{small['size']} → {big['size']}: {n:.2f}× the triples, {t:.2f}× the time "
                f"(ratio {t / n:.2f})"
            )
        lines.append("- growth: " + "; ".join(growth))
    m = results["machine"]
    lines.append(
        f"- machine: {m['cpus']} cores, Python {m['python']}, load average before the run "
        f"{m['load_average']}; jobs={results['jobs']}; {results['date']}"
    )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", default="100k,1m,3m", help="corpus sizes (kwpld synth --size)")
    parser.add_argument(
        "--baseline-sizes", default="100k,1m", help="sizes that also run the baseline"
    )
    parser.add_argument("--jobs", type=int, default=2, help="kwpld build --jobs")
    parser.add_argument("--pyshacl-full", type=int, default=3000,
                        help="validate every focus node with pyshacl up to this many")  # fmt: skip
    parser.add_argument("--pyshacl-sample", type=int, default=600,
                        help="focus nodes pyshacl validates above that (time scaled)")  # fmt: skip
    parser.add_argument(
        "--pyshacl-budget",
        type=float,
        default=120.0,
        help="seconds of pyshacl on the sample before its time is scaled to all focus nodes",
    )
    parser.add_argument("--out", default=str(HERE / "results.json"), help="results file")
    parser.add_argument("--no-markdown", action="store_true", help="leave bench/README.md alone")
    parser.add_argument(
        "--render", action="store_true", help="only write the table again from --out's results"
    )
    parser.add_argument("--worker", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        kind, data = args.worker[0], Path(args.worker[1])
        if kind == "kwpld":
            result = worker_kwpld(data, int(args.worker[2]))
        else:
            result = worker_baseline(
                data, int(args.worker[2]), int(args.worker[3]), float(args.worker[4])
            )
        print(json.dumps(result))
        return

    if args.render:
        table = markdown(json.loads(Path(args.out).read_text(encoding="utf-8")))
        print(table)
        write_readme_section("results", table)
        return

    results = {
        "machine": machine(),
        "jobs": args.jobs,
        "date": time.strftime("%Y-%m-%d"),
        "runs": [],
    }
    baseline_sizes = set(filter(None, args.baseline_sizes.split(",")))
    for size in filter(None, args.sizes.split(",")):
        data = corpus(size)
        print(f"[{size}] kwpld build --jobs {args.jobs} ...", file=sys.stderr, flush=True)
        run = {"size": size, "kwpld": run_worker(["kwpld", str(data), str(args.jobs)])}
        print(f"[{size}] {run['kwpld']['wall']:.2f} s", file=sys.stderr, flush=True)
        if size in baseline_sizes:
            print(f"[{size}] baseline (rdflib + pyshacl) ...", file=sys.stderr, flush=True)
            run["baseline"] = run_worker(
                [
                    "baseline",
                    str(data),
                    str(args.pyshacl_full),
                    str(args.pyshacl_sample),
                    str(args.pyshacl_budget),
                ]
            )
            print(f"[{size}] baseline {run['baseline']['wall']:.1f} s", file=sys.stderr, flush=True)
        results["runs"].append(run)
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    print(table)
    if not args.no_markdown:
        write_readme_section("results", table)


if __name__ == "__main__":
    main()
