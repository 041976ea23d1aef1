"""Benchmark SHACL validation: kwpld's fast engine against a plain ``pyshacl.validate``.

The corpus is the seed example's records replicated under new ids (``-x0``, ``-x1``, ...),
mapped to RDF like any data folder; every tenth copy carries two defects (a duplicate
ordinal in a series, a North Korean without a Hangul name), so both engines have findings to
agree on. Both engines validate the same graph in the same run:

- ``pyshacl``: a plain ``pyshacl.validate(data, shacl_graph=shapes, inference="none")`` on an
  rdflib graph of the union of the named graphs (graph parsing is timed apart);
- ``fast``: ``kwpld.validate.validate_graph`` (index, engine, report: all of it).

The ratio is pyshacl's time over the fast engine's on the same graph. pyshacl runs once per
focus node and per SPARQL constraint, so it is run on the smaller corpus (``--copies``); the
fast engine also runs on the large one (``--large-copies``, about a million triples at 800).

    python bench/validate_bench.py                       # 10 copies vs pyshacl, 800 fast only
    python bench/validate_bench.py --copies 5 --large-copies 0 --json bench.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kwpld.graph import KnowledgeGraph  # noqa: E402
from kwpld.load import load_records  # noqa: E402
from kwpld.mapping import map_records  # noqa: E402
from kwpld.model import Records  # noqa: E402
from kwpld.validate import validate_graph  # noqa: E402
from kwpld.validate.shapes import default_shape_files  # noqa: E402
from kwpld.wikidata.rdf import add_wikidata  # noqa: E402

EXAMPLE = ROOT / "examples" / "party-cells-2013"


def replicate(records: Records, copies: int, *, defects_every: int = 10) -> Records:
    """``copies`` copies of every record, ids and references suffixed ``-x{n}``."""
    ids = {record.id for record in records}
    out = Records(info=records.info, files=list(records.files))

    def rename(value: object, suffix: str) -> object:
        if isinstance(value, str):
            return value + suffix if value in ids else value
        if isinstance(value, list):
            return [rename(item, suffix) for item in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {
                f.name: rename(getattr(value, f.name), suffix)
                for f in dataclasses.fields(value)
                if f.name != "origin"
            }
            return dataclasses.replace(value, **changes)
        return value

    for n in range(copies):
        suffix = f"-x{n}"
        defective = defects_every and n % defects_every == defects_every - 1
        for record in records:
            copy = rename(record, suffix)
            if defective and record.id == "meeting-of-cell-secretaries-3":
                copy = dataclasses.replace(copy, ordinal=2)
            if defective and record.id == "michael-madden":
                copy = dataclasses.replace(copy, citizenship="KP")
            out.add(copy)
    out.sort()
    return out


def corpus(copies: int) -> tuple[Records, KnowledgeGraph]:
    records = replicate(load_records(EXAMPLE), copies)
    graph = map_records(records)
    add_wikidata(graph, records)
    return records, graph


def time_fast(graph: KnowledgeGraph, records: Records, jobs: int) -> dict[str, object]:
    start, cpu = time.perf_counter(), time.process_time()
    report = validate_graph(graph, records, jobs=jobs)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "stages": {k: round(v, 3) for k, v in report.timings.items()},
        "findings": report.counts,
        "keys": sorted(f.result.key() for f in report.findings),
        "triples": report.triples,
        "focus_nodes": report.focus_nodes,
    }


def time_pyshacl(graph: KnowledgeGraph) -> dict[str, object]:
    import pyshacl
    import rdflib

    from kwpld.validate.reference import results_from_report

    start = time.perf_counter()
    data = rdflib.Graph()
    data.parse(data=graph.to_ntriples(), format="nt")
    shapes = rdflib.Graph()
    for path in default_shape_files():
        shapes.parse(path, format="turtle")
    parse = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    results = results_from_report(report)
    return {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "parse_seconds": round(parse, 3),
        "keys": sorted(r.key() for r in results),
    }


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="copies validated by both engines")
    parser.add_argument(
        "--large-copies", type=int, default=800, help="copies for the fast engine alone (0: skip)"
    )
    parser.add_argument(
        "--jobs", type=int, default=2, help="workers for the fast engine's parallel run"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    figures: dict[str, object] = {}
    records, graph = corpus(args.copies)
    fast = time_fast(graph, records, jobs=1)
    slow = time_pyshacl(graph)
    agree = fast.pop("keys") == slow.pop("keys")
    figures["same_graph"] = {
        "copies": args.copies,
        "triples": fast["triples"],
        "focus_nodes": fast["focus_nodes"],
        "fast": fast,
        "pyshacl": slow,
        "ratio": round(slow["seconds"] / fast["seconds"], 1),  # type: ignore[operator]
        "cpu_ratio": round(slow["cpu_seconds"] / fast["cpu_seconds"], 1),  # type: ignore[operator]
        "same_findings": agree,
    }
    print(json.dumps(figures["same_graph"], indent=2))
    if args.large_copies:
        del graph, records
        records, graph = corpus(args.large_copies)
        large = {"copies": args.large_copies}
        for jobs in sorted({1, args.jobs}):
            run = time_fast(graph, records, jobs=jobs)
            run.pop("keys")
            large[f"jobs_{jobs}"] = run
        large["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        figures["large"] = large
        print(json.dumps(large, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return figures


if __name__ == "__main__":
    main()
