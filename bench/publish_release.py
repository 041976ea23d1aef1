"""Benchmark the publish stage: write a full release from a synthetic knowledge graph.

    python bench/publish_release.py --quads 1000000 [--gzip] [--split-size 100MB]

Builds a KnowledgeGraph shaped like kwpld's mapping output (people with SKOS-XL labels in
several scripts, memberships as claims in per-source graphs), then times write_release step by
step and reports N-Triples/N-Quads throughput, file sizes and peak RSS. Loading and mapping
records are not measured here; the performance issue's end-to-end benchmark covers them.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from kwpld.graph import KnowledgeGraph
from kwpld.model import DatasetInfo, Records
from kwpld.namespaces import (
    DEFAULT_BASE_IRI,
    KWP,
    ORG,
    PROV,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    SKOSXL,
    data_prefixes,
)
from kwpld.publish import ReleaseOptions, write_release
from kwpld.publish.lines import parse_size


def synthetic_graph(target_quads: int) -> KnowledgeGraph:
    base = DEFAULT_BASE_IRI
    graph = KnowledgeGraph(base_iri=base, prefixes=data_prefixes(base))
    records = f"<{base}graph/records>"
    add = graph._quads.add
    a = f"<{RDF_TYPE}>"
    i = 0
    while len(graph) < target_quads:
        person = f"<{base}person/p{i:07d}>"
        source = f"<{base}graph/source/article-{i % 500:04d}>"
        article = f"<{base}article/article-{i % 500:04d}>"
        add((person, a, f"<{SCHEMA}Person>", records))
        add((person, f"<{SCHEMA}name>", f'"Person {i}"@en', records))
        add((person, f"<{RDFS}label>", f'"Person {i}"@en', records))
        add((person, f"<{SKOS}prefLabel>", f'"Person {i}"@en', records))
        add((person, f"<{SKOS}prefLabel>", f'"인물 {i}"@ko', records))
        add(
            (
                person,
                f"<{SCHEMA}description>",
                f'"A generated person, number {i}, for benchmarks."@en',
                records,
            )
        )
        add((person, f"<{PROV}wasDerivedFrom>", article, records))
        for system, text, lang in (
            ("en", f"Person {i}", "en"),
            ("hangul", f"인물 {i}", "ko"),
            ("mr", f"Inmul {i}", "ko-Latn"),
        ):
            label = f"<{base}label/p{i:07d}.{system}>"
            add((person, f"<{SKOSXL}prefLabel>", label, records))
            add((label, a, f"<{SKOSXL}Label>", records))
            add((label, f"<{SKOSXL}literalForm>", f'"{text}"@{lang}', records))
            add(
                (
                    label,
                    f"<{KWP}nameSystem>",
                    f"<https://w3id.org/kwpld/vocab/name-system/{system}>",
                    records,
                )
            )
            add(
                (
                    label,
                    f"<{KWP}nameKind>",
                    "<https://w3id.org/kwpld/vocab/name-kind/preferred>",
                    records,
                )
            )
        membership = f"<{base}membership/p{i:07d}.m>"
        for p, o in (
            (a, f"<{ORG}Membership>"),
            (a, f"<{KWP}Claim>"),
            (f"<{ORG}member>", person),
            (f"<{ORG}organization>", f"<{base}organ/o{i % 97:03d}>"),
            (f"<{ORG}role>", "<https://w3id.org/kwpld/vocab/role/member>"),
            (f"<{KWP}asOf>", '"2013-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'),
            (f"<{PROV}wasDerivedFrom>", article),
        ):
            add((membership, p, o, source))
        i += 1
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--split-size", default=None)
    parser.add_argument("--keep", type=Path, default=None, help="write here and keep the release")
    args = parser.parse_args()

    start = time.perf_counter()
    graph = synthetic_graph(args.quads)
    made = time.perf_counter() - start
    records = Records(
        info=DatasetInfo(
            id="bench",
            title="kwpld benchmark",
            license="https://creativecommons.org/licenses/by/4.0/",
        )
    )
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kwpld-bench-"))
    if folder.exists() and args.keep:
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    options = ReleaseOptions(
        gzip=args.gzip, split_size=parse_size(args.split_size) if args.split_size else None
    )
    start = time.perf_counter()
    release = write_release(records, graph, folder, options)
    total = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"graph: {len(graph):,} quads generated in {made:.1f} s")
    print(
        f"release: {release.quads:,} quads, {release.triples:,} triples, "
        f"{len(release.files)} files, "
        f"{sum(f.size for f in release.files) / 1e6:.1f} MB, written in {total:.2f} s"
    )
    for step, seconds in release.timings.items():
        print(f"  {step:9} {seconds:6.2f} s")
    nq = sum(f.size for f in release.files if f.path.startswith("data") and ".nq" in f.path)
    print(
        f"N-Quads size {nq / 1e6:.1f} MB; line formats (nq + nt + graphs/) at "
        f"{3 * release.quads / release.timings['lines'] / 1e6:.2f} M lines/s"
    )
    print(f"peak RSS {rss:.0f} MB")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
