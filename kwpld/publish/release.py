"""Write a release folder: every dump, the ontology and shapes, load files, void.ttl, manifest.json.

The writer sorts the build's quads (plus the ontology in its own graph) once, into the two
orders every format reads (:mod:`kwpld.publish.quads`), then writes the formats as independent
tasks, in forked worker processes when ``jobs > 1`` (:mod:`kwpld.publish.parallel`). Line
formats are joined from the quads' own term strings; Turtle, TriG and JSON-LD group the sorted
lists by graph and subject; nothing builds an rdflib graph. Each file's size and SHA-256 are
computed while it is written. Every file is byte-identical for the same input, whatever
``jobs`` is: sorted output, stable prefixes, gzip without names or times, and no timestamp
unless the user passes one (``ReleaseOptions.issued``).

Layout (see docs/publishing.md)::

    data.ttl data.trig data.nt data.nq data.jsonld  the dataset (line formats: split, gzip)
    graphs/sources.nq                                every per-source graph, as sorted N-Quads
    graphs/<name>.nt + <file>.graph                  one N-Triples file per other named graph
    framed/<kind>.jsonld                             one JSON tree per entity, by kind
    ontology/ shapes/                                kwp.ttl, vocabularies.ttl, context, SHACL
    update/insert-NNNNN.ru                           SPARQL 1.1 Update INSERT DATA, in chunks
    load/                                            Virtuoso, Jena, Oxigraph, GraphDB, QLever
    void.ttl manifest.json                           description and checksums
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

import pyoxigraph as ox

from .. import __version__
from ..formats.turtle import write_turtle_and_trig
from ..graph import GraphNames, KnowledgeGraph
from ..model import DatasetInfo, Records
from ..resources import resource_path
from .jsonld import FRAMED_KINDS, JsonLdContext, write_jsonld
from .lines import BATCH, HashingFile, LineOptions, LineSink, WrittenFile
from .parallel import Task, WorkerMemory, gc_paused, run_tasks
from .quads import ReleaseQuads, sort_quads, source_graph_prefix
from .void import Distribution, VoidStats, void_quads, void_stats, write_void

__all__ = [
    "ReleaseOptions",
    "ReleaseFile",
    "Release",
    "write_release",
    "release_quads",
    "graph_file_stem",
    "write_updates",
    "MANIFEST",
    "FORMAT_VERSION",
    "SOURCES_STEM",
    "GRAPH_LIST",
]

MANIFEST = "manifest.json"
FORMAT_VERSION = 2
"""Version of the release layout and manifest; bumped when either changes incompatibly.

1: one file per named graph under ``graphs/``. 2: the per-source graphs share
``graphs/sources.nq``. kwpld reads both (:data:`READABLE_VERSIONS`)."""
READABLE_VERSIONS = (1, 2)
SOURCES_STEM = "sources"
"""``graphs/sources.nq`` (or its parts): every ``{base}graph/source/*`` graph, sorted by graph."""
GRAPH_LIST = "graphs.txt"
"""``load/graphs.txt``: the release's graph IRIs, one a line, for loaders that clear them."""

_TRIPLE = itemgetter(0, 1, 2)
_FIRST = itemgetter(0)

UPDATE_CHUNK = 2000
"""Triples per INSERT DATA request: Virtuoso fails near 10k (SP031), Oxigraph refuses 10k+."""
UPDATE_CHUNK_BYTES = 1_000_000
"""Bytes per INSERT DATA request, so long literals cannot make a request too large."""


@dataclass(frozen=True)
class ReleaseOptions:
    """How a release is written. The defaults give plain, unsplit files."""

    gzip: bool = False
    split_size: int | None = None
    gzip_level: int = 6
    update_chunk: int = UPDATE_CHUNK
    name: str | None = None
    """Dated or versioned release: write ``OUT/NAME`` (immutable) and refresh ``OUT/latest``."""
    issued: str | None = None
    """Issue date (ISO 8601) recorded in void.ttl and manifest.json; nothing is dated without it."""
    download_url: str | None = None
    """Where the release will be served; makes download URLs in void.ttl absolute."""
    jobs: int = 1
    """Processes writing formats at once (forked; the output does not depend on it)."""

    @property
    def lines(self) -> LineOptions:
        return LineOptions(gzip=self.gzip, split_size=self.split_size, level=self.gzip_level)


@dataclass(frozen=True)
class ReleaseFile:
    """One file of a release, as manifest.json lists it."""

    path: str
    format: str
    media_type: str
    size: int
    sha256: str
    triples: int | None = None
    graph: str | None = None
    compression: str | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "format": self.format,
            "media_type": self.media_type,
            "compression": self.compression,
            "bytes": self.size,
            "sha256": self.sha256,
            "triples": self.triples,
        }
        if self.graph is not None:
            data["graph"] = self.graph
        return data


@dataclass
class Release:
    """What :func:`write_release` wrote."""

    folder: Path
    files: list[ReleaseFile] = field(default_factory=list)
    triples: int = 0
    quads: int = 0
    graphs: dict[str, int] = field(default_factory=dict)
    main: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per step, for benchmarks: ``sort``, ``formats`` (all format tasks, wall),
    ``loaders``, ``void``, ``manifest`` in the calling process, and each format task
    (``nquads``, ``ntriples``, ``updates``, ``turtle``, ``trig``, ``jsonld``, ``framed``,
    ``void-stats`` ...) in the process that ran it; with ``jobs > 1`` tasks overlap."""
    wall: float = 0.0
    """Seconds from start to finish."""
    cpu: float = 0.0
    """CPU seconds of the calling process and of every worker."""
    workers: int = 1
    """Processes that wrote formats."""
    cpu_timings: dict[str, float] = field(default_factory=dict)
    """CPU seconds of each format task (``timings`` has their wall time)."""
    worker_memory: list[WorkerMemory] = field(default_factory=list)
    """Peak and private memory of each forked worker (empty with ``jobs=1``)."""


_FORMATS = {
    # extension: (format, media type, W3C format name for void:feature)
    "nq": ("N-Quads", "application/n-quads", "N-Quads"),
    "nt": ("N-Triples", "application/n-triples", "N-Triples"),
    "ttl": ("Turtle", "text/turtle", "Turtle"),
    "trig": ("TriG", "application/trig", "TriG"),
    "jsonld": ("JSON-LD", "application/ld+json", "JSON-LD"),
    "ru": ("SPARQL Update", "application/sparql-update", None),
    "sh": ("shell script", "application/x-sh", None),
    "json": ("JSON", "application/json", None),
    "graph": ("Virtuoso graph file", "text/plain", None),
    "Qleverfile": ("Qleverfile", "text/plain", None),
    "txt": ("text", "text/plain", None),
}


@cache
def _ontology_triples() -> tuple[tuple[str, str, str], ...]:
    path = resource_path("ontology/kwp.ttl")
    triples = []
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
            raise ValueError(f"{path} has blank nodes; kwpld publishes none, so give them IRIs")
        triples.append((str(quad.subject), str(quad.predicate), str(quad.object)))
    return tuple(sorted(triples))


def release_quads(graph: KnowledgeGraph) -> ReleaseQuads:
    """The release's quads, sorted: the build's plus the ontology graph."""
    ontology = f"<{graph.graph_names.ontology}>"
    own = graph._quads
    extra = [(s, p, o, ontology) for s, p, o in _ontology_triples()]
    extra = [q for q in extra if q not in own]
    return sort_quads(chain(own, extra) if extra else own)


_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def graph_file_stem(graph: str, names: GraphNames) -> str:
    """Path of a graph's N-Triples file under ``graphs/``, without extension.

    ``{base}graph/records`` -> ``records``; ``{base}graph/source/ID`` -> ``source/ID``; any other
    graph IRI -> ``other/<hash>``, so every file name is safe and unique. (Source graphs share
    ``graphs/sources.nq`` in a release; see :data:`SOURCES_STEM`.)
    """
    value = graph[1:-1] if graph.startswith("<") else graph
    prefix = f"{names.base_iri}graph/"
    if value.startswith(prefix):
        segments = value[len(prefix) :].split("/")
        if all(_SAFE_SEGMENT.match(s) for s in segments) and segments[0] != "other":
            return "/".join(segments)
    return "other/" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


def _is_source_graph(graph: str, names: GraphNames) -> bool:
    """One of the per-source graphs that share ``graphs/sources.nq``."""
    return graph.startswith(source_graph_prefix(names.base_iri)) and graph_file_stem(
        graph, names
    ).startswith("source/")


def header_text(info: DatasetInfo, version: str | None) -> str:
    lines = [info.title, f"Generated by kwpld {__version__} from the records of '{info.id}'."]
    if version:
        lines.append(f"Dataset version {version}.")
    if info.license:
        lines.append(f"License: {info.license}")
    return "\n".join(lines)


def _entry(
    folder: Path,
    written: WrittenFile,
    *,
    triples: int | None = None,
    graph: str | None = None,
    kind: str | None = None,
) -> ReleaseFile:
    path = written.path
    relative = path.relative_to(folder).as_posix()
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    ext = kind or (name.rsplit(".", 1)[-1] if "." in name else name)
    fmt, media, _ = _FORMATS.get(ext, ("data", "application/octet-stream", None))
    return ReleaseFile(
        path=relative,
        format=fmt,
        media_type=media,
        size=written.size,
        sha256=written.sha256,
        triples=triples,
        graph=graph,
        compression="application/gzip" if path.name.endswith(".gz") else None,
    )


def _write_bytes(path: Path, data: bytes, *, executable: bool = False) -> WrittenFile:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if executable:
        path.chmod(0o755)
    return WrittenFile(path, len(data), hashlib.sha256(data).hexdigest())


class _TextFile:
    """A UTF-8 text file whose size and SHA-256 are computed while it is written."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._raw = HashingFile(path)
        self.out = io.TextIOWrapper(
            io.BufferedWriter(self._raw, 1 << 20), encoding="utf-8", newline="\n"
        )

    def __enter__(self) -> TextIO:
        return self.out

    def __exit__(self, *exc: object) -> None:
        self.out.close()

    def finish(self) -> WrittenFile:
        self.out.close()
        return self._raw.finish()


@dataclass(frozen=True)
class GraphFiles:
    graph: str
    stem: str
    parts: tuple[str, ...]
    triples: int


class _Plan:
    """What every writing task needs, built before the workers fork (and inherited by them)."""

    def __init__(
        self,
        records: Records,
        graph: KnowledgeGraph,
        quads: ReleaseQuads,
        folder: Path,
        options: ReleaseOptions,
    ) -> None:
        self.info = records.info
        self.version = options.name or self.info.version
        self.graph = graph
        self.names = graph.graph_names
        self.quads = quads
        self.folder = folder
        self.options = options
        self.header = header_text(self.info, self.version)

    def tasks(self) -> list[Task]:
        n = max(1, self.quads.quad_count)
        # Costs: CPU seconds per million quads on the 1M-triple synthetic corpus (only their
        # ratios matter: they balance the workers).
        if self.options.gzip:
            # Compressing costs about as much as writing: data.nq and graphs/ go separately.
            lines = [
                Task("nquads", 1.4 * n, lambda: self.nquads(graphs=False)),
                Task("graphs", 1.3 * n, lambda: self.nquads(data=False)),
                Task("ntriples", 1.0 * n, self.ntriples),
            ]
        else:
            lines = [Task("nquads", 0.8 * n, self.nquads), Task("ntriples", 0.4 * n, self.ntriples)]
        return [
            *lines,
            Task("updates", 0.5 * n, self.updates),
            Task("turtle", 1.5 * n, self.turtle),
            Task("jsonld", 2.55 * n, self.jsonld),
            Task("void-stats", 0.35 * n, self.void_stats),
            Task("wikidata", 0.01 * n, self.wikidata),
            Task("copies", 1000.0, self.copies),
        ]

    # -- line formats ----------------------------------------------------------------------------
    def nquads(
        self, *, data: bool = True, graphs: bool = True
    ) -> tuple[list[ReleaseFile], list[GraphFiles]]:
        """data.nq, and graphs/: sources.nq for the per-source graphs, one .nt per other graph.

        Both come from the same encoded blocks: a source graph's lines are its data.nq lines,
        and another graph's N-Triples lines are its N-Quads lines without the graph term.
        ``data`` or ``graphs`` false leaves those files to another task.
        """
        folder, quads, lines = self.folder, self.quads, self.options.lines
        rows = quads.by_graph
        everything = LineSink(folder, "data", "nq", lines)
        sources = LineSink(folder / "graphs", SOURCES_STEM, "nq", lines)
        source_graphs: list[tuple[str, int, int]] = []  # (graph, first line, last line + 1)
        source_lines = 0
        other: list[tuple[str, str, LineSink, int]] = []
        # Runs of consecutive source graphs are written as one stream: they are one file.
        runs: list[tuple[str | None, int, int]] = []
        for g, start, stop in quads.graphs:
            if _is_source_graph(g, self.names):
                source_graphs.append((g, source_lines, source_lines + stop - start))
                source_lines += stop - start
                if runs and runs[-1][0] is None:
                    runs[-1] = (None, runs[-1][1], stop)
                else:
                    runs.append((None, start, stop))
            else:
                runs.append((g, start, stop))
        if not graphs:
            runs = [(None, 0, len(rows))] if rows else []
            source_graphs = []
        for g, start, stop in runs:
            if g is not None:
                stem = graph_file_stem(g, self.names)
                sink = LineSink(folder / "graphs", stem, "nt", lines)
                other.append((g, stem, sink, stop - start))
                suffix = f" {g} .\n".encode()
            for a in range(start, stop, BATCH):
                b = min(a + BATCH, stop)
                block = (" .\n".join(map(" ".join, rows[a:b])) + " .\n").encode("utf-8")
                if data:
                    everything.write_block(block, b - a)
                if not graphs:
                    continue
                if g is None:
                    sources.write_block(block, b - a)
                else:
                    # The graph term ends every line, after the object: drop it.
                    sink.write_block(block.replace(suffix, b" .\n"), b - a)
            if g is not None:
                sink.close()
        files = []
        if data:
            everything.close()
            files = [_entry(folder, w, triples=w.lines) for w in everything.written]
        result: list[GraphFiles] = []
        markers = []
        for g, stem, sink, count in other:
            iri = g[1:-1]
            for w in sink.written:
                files.append(_entry(folder, w, triples=w.lines, graph=iri))
                # Virtuoso names the graph file after the uncompressed file: x.nt.gz -> x.nt.graph
                marker = w.path.with_name(w.path.name.removesuffix(".gz") + ".graph")
                markers.append((marker, iri))
            parts = tuple(w.path.relative_to(folder).as_posix() for w in sink.written)
            result.append(GraphFiles(iri, stem, parts, count))
        for marker, iri in markers:
            files.append(
                _entry(
                    folder, _write_bytes(marker, (iri + "\n").encode()), graph=None, kind="graph"
                )
            )
        if source_graphs:
            sources.close()
            files.extend(_entry(folder, w, triples=w.lines) for w in sources.written)
            # Which parts hold which graph: a graph can straddle a part boundary.
            ends = list(accumulate(w.lines for w in sources.written))
            names = [w.path.relative_to(folder).as_posix() for w in sources.written]
            for g, first, stop in source_graphs:
                i = bisect_right(ends, first)
                j = bisect_left(ends, stop)
                parts = tuple(names[i : j + 1])
                result.append(GraphFiles(g[1:-1], SOURCES_STEM, parts, stop - first))
        order = {g: i for i, (g, _, _) in enumerate(quads.graphs)}
        result.sort(key=lambda f: order[f"<{f.graph}>"])
        return files, result

    def ntriples(self) -> list[ReleaseFile]:
        rows = self.quads.union
        sink = LineSink(self.folder, "data", "nt", self.options.lines)
        for a in range(0, len(rows), BATCH):
            batch = rows[a : a + BATCH]
            text = " .\n".join(map(" ".join, map(_TRIPLE, batch))) + " .\n"
            sink.write_block(text.encode("utf-8"), len(batch))
        sink.close()
        return [_entry(self.folder, w, triples=w.lines) for w in sink.written]

    def updates(self) -> list[ReleaseFile]:
        return [
            _entry(self.folder, w, triples=w.lines)
            for w in write_updates(self.folder / "update", self.quads, self.options.update_chunk)
        ]

    # -- pretty formats --------------------------------------------------------------------------
    def turtle(self) -> list[ReleaseFile]:
        """data.ttl and data.trig: most subjects have the same block in both, made once."""
        turtle = _TextFile(self.folder / "data.ttl")
        trig = _TextFile(self.folder / "data.trig")
        with turtle as ttl_out, trig as trig_out:
            write_turtle_and_trig(
                self.quads.union,
                self.quads.by_graph,
                ttl_out,
                trig_out,
                self.graph.prefixes,
                header=self.header,
            )
        return [
            _entry(self.folder, turtle.finish(), triples=self.quads.triple_count),
            _entry(self.folder, trig.finish(), triples=self.quads.quad_count),
        ]

    def jsonld(self) -> list[ReleaseFile]:
        """data.jsonld and framed/: most nodes are the same in both, made once."""
        target = _TextFile(self.folder / "data.jsonld")
        with target as out:
            framed = write_jsonld(
                self.quads, out, self.folder / "framed", JsonLdContext.load(), self.graph.base_iri
            )
        return [_entry(self.folder, target.finish(), triples=self.quads.quad_count)] + [
            _entry(self.folder, w, triples=count) for w, _, count in framed.values()
        ]

    def wikidata(self) -> list[ReleaseFile]:
        # Wikidata-shaped statements alone, for queries written against WDQS (kwpld.wikidata).
        from ..wikidata.rdf import WIKIDATA_GRAPH, write_wikidata_turtle

        term = f"<{self.graph.base_iri}{WIKIDATA_GRAPH}>"
        start, stop = next(((a, b) for g, a, b in self.quads.graphs if g == term), (0, 0))
        part = KnowledgeGraph(self.graph.base_iri, self.graph.prefixes)
        part.update(self.quads.by_graph[start:stop])
        files = []
        for path in write_wikidata_turtle(part, self.folder).values():
            files.append(_entry(self.folder, _measure(path), triples=stop - start))
        return files

    def copies(self) -> list[ReleaseFile]:
        """The ontology, vocabularies, context and shapes, as shipped."""
        counts = self.quads.graph_counts()
        files = []
        for relative, count in (
            ("ontology/kwp.ttl", counts.get(f"<{self.names.ontology}>", 0)),
            ("ontology/vocabularies.ttl", counts.get(f"<{self.names.vocabularies}>", 0)),
            ("ontology/context.jsonld", None),
        ):
            data = resource_path(relative).read_bytes()
            files.append(
                _entry(self.folder, _write_bytes(self.folder / relative, data), triples=count)
            )
        for source in _shape_files():
            data = source.read_bytes()
            count = sum(1 for _ in ox.parse(data, format=ox.RdfFormat.TURTLE))
            target = self.folder / "shapes" / source.name
            files.append(_entry(self.folder, _write_bytes(target, data), triples=count))
        return files

    def void_stats(self) -> VoidStats:
        return void_stats(self.quads)


def _measure(path: Path) -> WrittenFile:
    data = path.read_bytes()
    return WrittenFile(path, len(data), hashlib.sha256(data).hexdigest())


def write_release(
    records: Records,
    graph: KnowledgeGraph,
    folder: str | Path,
    options: ReleaseOptions | None = None,
) -> Release:
    """Write every file of a release into ``folder`` (which must exist and be empty).

    With ``options.jobs > 1`` the formats are written by that many processes at once (forked
    after the one sort, so they share it); the files are the same whatever ``jobs`` is.
    """
    options = options or ReleaseOptions()
    folder = Path(folder)
    clock = _Clock()
    cpu = time.process_time()
    with gc_paused():
        quads = release_quads(graph)
        clock.lap("sort")
        plan = _Plan(records, graph, quads, folder, options)
        results = run_tasks(plan.tasks(), options.jobs)
        clock.lap("formats")
        done = {r.name: r.value for r in results}
        files: list[ReleaseFile] = []
        release = Release(
            folder,
            triples=quads.triple_count,
            quads=quads.quad_count,
            graphs={g[1:-1]: stop - start for g, start, stop in quads.graphs},
            timings=clock.timings,
        )
        nquads_files, graph_files = done["nquads"]
        if "graphs" in done:
            files.extend(nquads_files)
            nquads_files, graph_files = done["graphs"]
        files.extend(nquads_files)
        for name in ("ntriples", "updates", "turtle", "jsonld"):
            files.extend(done[name])
        files.extend(done["wikidata"])
        files.extend(done["copies"])
        main = {
            "n-quads": "data.nq",
            "n-triples": "data.nt",
            "turtle": "data.ttl",
            "trig": "data.trig",
            "json-ld": "data.jsonld",
        }
        for key, stem in main.items():
            name, ext = stem.split(".")
            path = next(f.path for f in files if f.path.startswith(name) and _ext(f.path) == ext)
            release.main[key] = folder / path
        for f in done["wikidata"]:
            release.main["wikidata"] = folder / f.path
        update_count = sum(1 for f in files if f.path.startswith("update/"))
        files.extend(_write_loaders(plan, files, graph_files, update_count))
        clock.lap("loaders")

        # Description and manifest come last: they describe the files above.
        distributions = [
            Distribution(
                path=f.path,
                media_type=f.media_type,
                feature=_FORMATS[_ext(f.path)][2] if f.path.startswith("data") else None,
                compression=f.compression,
                size=f.size,
                sha256=f.sha256,
                triples=f.triples,
                title=f"{f.format} dump" if f.path.startswith("data") else f"{f.format}: {f.path}",
            )
            for f in files
            if f.path.startswith(("data", "graphs/", "framed/", "ontology/", "shapes/"))
            and not f.path.endswith(".graph")
        ]
        void = void_quads(
            plan.info,
            graph.base_iri,
            done["void-stats"],
            {g: stop - start for g, start, stop in quads.graphs},
            distributions,
            _examples(quads, graph.base_iri),
            version=plan.version,
            issued=options.issued,
            download_url=options.download_url,
        )
        target = _TextFile(folder / "void.ttl")
        with target as out:
            write_void(void, out, graph.prefixes, plan.header)
        files.append(_entry(folder, target.finish(), triples=len(void)))
        release.main["void"] = folder / "void.ttl"
        release.files = files
        clock.lap("void")
        path = folder / MANIFEST
        path.write_text(
            _manifest(plan.info, graph, release, plan.version, options, graph_files),
            encoding="utf-8",
        )
        release.main["manifest"] = path
        # Let go of the sorted lists while collection is still off: freed by reference
        # counting, they are never walked by a collection afterwards.
        del quads, plan, void, distributions, done
        clock.lap("manifest")
    for result in results:
        release.timings[result.name] = result.seconds
        release.cpu_timings[result.name] = result.cpu
        if result.memory is not None:
            release.worker_memory.append(result.memory)
    release.wall = sum(clock.timings.values())
    release.cpu = time.process_time() - cpu + sum(r.cpu for r in results if r.worker)
    release.workers = 1 + max(r.worker for r in results)
    return release


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self._last
        self._last = now


def _ext(path: str) -> str:
    name = path[:-3] if path.endswith(".gz") else path
    return name.rsplit(".", 1)[-1]


def _shape_files() -> list[Path]:
    try:
        folder = resource_path("shapes")
    except FileNotFoundError:
        return []
    return sorted(p for p in folder.glob("*.ttl") if p.is_file())


def _examples(quads: ReleaseQuads, base_iri: str) -> list[str]:
    """The first entity of each kind, for void:exampleResource."""
    from ..namespaces import ENTITY_PATHS

    subjects = quads.subjects
    found = []
    for kind in FRAMED_KINDS:
        prefix = f"<{base_iri}{ENTITY_PATHS[kind]}"
        i = bisect_left(subjects, prefix, key=_FIRST)
        if i < len(subjects) and subjects[i][0].startswith(prefix):
            found.append(subjects[i][0])
    return found


def write_updates(folder: Path, quads: ReleaseQuads, chunk: int) -> list[WrittenFile]:
    """INSERT DATA requests of at most ``chunk`` triples (and about 1 MB) each.

    A request holds one ``GRAPH`` block per graph it touches, so a dataset of many small
    graphs needs about quads / chunk requests, not one per graph.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rows = quads.by_graph
    written: list[WrittenFile] = []
    blocks: list[str] = []
    count = 0
    size = 0

    def flush() -> None:
        nonlocal blocks, count, size
        if not count:
            return
        path = folder / f"insert-{len(written) + 1:05d}.ru"
        text = "INSERT DATA {\n" + "".join(blocks) + "}\n"
        found = _write_bytes(path, text.encode("utf-8"))
        written.append(WrittenFile(found.path, found.size, found.sha256, count))
        blocks, count, size = [], 0, 0

    for g, start, stop in quads.graphs:
        index = start
        while index < stop:
            end = min(stop, index + chunk - count)
            lines = list(map(" ".join, map(_TRIPLE, rows[index:end])))
            body = "    " + " .\n    ".join(lines) + " .\n"
            if size + len(body) >= UPDATE_CHUNK_BYTES and len(lines) > 1:
                # Lines are added until the request reaches the byte bound (which the last
                # one may pass: a line is never split).
                reach = list(accumulate(len(line) + 7 for line in lines))
                keep = bisect_left(reach, UPDATE_CHUNK_BYTES - size) + 1
                if keep < len(lines):
                    end = index + keep
                    body = body[: reach[keep - 1]]
            blocks.append(f"  GRAPH {g} {{\n{body}  }}\n")
            count += end - index
            size += len(body)
            index = end
            if count >= chunk or size >= UPDATE_CHUNK_BYTES:
                flush()
    flush()
    return written


_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")


def _render(name: str, values: dict[str, str]) -> str:
    text = (Path(__file__).parent / "templates" / name).read_text("utf-8")

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"template {name} uses {{{{{key}}}}}, which the writer does not fill")
        return values[key]

    return _PLACEHOLDER.sub(replace, text)


def _sh_quote(value: str) -> str:
    return "'" + value.replace("'", "'\"'\"'") + "'"


def _write_loaders(
    plan: _Plan, files: list[ReleaseFile], graph_files: list[GraphFiles], update_count: int
) -> list[ReleaseFile]:
    folder, info, options = plan.folder, plan.info, plan.options
    nquads = " ".join(f.path for f in files if f.path.startswith("data") and _ext(f.path) == "nq")
    triple_graphs = [g for g in graph_files if g.stem != SOURCES_STEM]
    source_parts = [
        f.path for f in files if f.path.startswith(f"graphs/{SOURCES_STEM}") and ".nq" in f.path
    ]
    gz = ".gz" if options.gzip else ""
    puts = "\n".join(
        f"put {quote(g.graph, safe='')} " + " ".join(_sh_quote(p) for p in g.parts)
        for g in triple_graphs
    )
    multi = [
        {"cmd": "zcat -f " + " ".join(f"../{p}" for p in g.parts), "format": "nt", "graph": g.graph}
        for g in triple_graphs
    ]
    if source_parts:
        multi.append(
            {"cmd": "zcat -f " + " ".join(f"../{p}" for p in source_parts), "format": "nq"}
        )
    source_count = sum(1 for g in graph_files if g.stem == SOURCES_STEM)
    values = {
        "dataset_id": info.id,
        # one line, and $ doubled: qlever-control reads the Qleverfile with interpolation
        "title": " ".join(info.title.split()).replace("$", "$$"),
        "triples": str(plan.quads.triple_count),
        "quads": str(sum(g.triples for g in graph_files)),
        "file_count": str(sum(len(g.parts) for g in triple_graphs) + len(source_parts)),
        "graph_count": str(len(graph_files)),
        "source_graph_count": str(source_count),
        "nquads_files": nquads,
        "nt_pattern": f"*.nt{gz}",
        "nq_pattern": f"*.nq{gz}",
        "source_graph_base": source_graph_prefix(plan.names.base_iri)[1:],
        "puts": puts,
        "source_files": " ".join(_sh_quote(p) for p in source_parts),
        "chunk": str(options.update_chunk),
        "update_count": str(update_count),
        "multi_input": json.dumps(multi, ensure_ascii=False),
    }
    written = []
    for name in (
        "virtuoso.sh",
        "jena-tdb2.sh",
        "fuseki-upload.sh",
        "oxigraph.sh",
        "graphdb.sh",
        "qlever.sh",
        "sparql-update.sh",
    ):
        data = _render(name, values).encode("utf-8")
        written.append(_entry(folder, _write_bytes(folder / "load" / name, data, executable=True)))
    data = _render("Qleverfile", values).encode("utf-8")
    written.append(
        _entry(folder, _write_bytes(folder / "load" / "Qleverfile", data), kind="Qleverfile")
    )
    # The release's graphs, one IRI a line: what the Virtuoso and Fuseki loaders clear first.
    data = "".join(f"{g.graph}\n" for g in graph_files).encode("utf-8")
    written.append(_entry(folder, _write_bytes(folder / "load" / GRAPH_LIST, data), kind="txt"))
    return written


def _manifest(
    info: DatasetInfo,
    graph: KnowledgeGraph,
    release: Release,
    version: str | None,
    options: ReleaseOptions,
    graph_files: list[GraphFiles],
) -> str:
    data = {
        "kwpld_release": FORMAT_VERSION,
        "generator": f"kwpld {__version__}",
        "dataset": {
            "id": info.id,
            "title": info.title,
            "version": version,
            "base_iri": graph.base_iri,
            "license": info.license,
            "issued": options.issued,
        },
        "release": options.name,
        "triples": release.triples,
        "quads": release.quads,
    }
    graphs = [{"iri": g.graph, "triples": g.triples, "files": list(g.parts)} for g in graph_files]
    files = [f.to_dict() for f in sorted(release.files, key=lambda f: f.path)]
    # One line per graph and per file: tens of thousands of entries stay readable (and cheap).
    head = json.dumps(data, ensure_ascii=False, indent=2).removesuffix("\n}")
    return f'{head},\n  "graphs": {_json_lines(graphs)},\n  "files": {_json_lines(files)}\n}}\n'


def _json_lines(entries: list[dict[str, object]]) -> str:
    if not entries:
        return "[]"
    return "[\n" + ",\n".join(f"    {json.dumps(e, ensure_ascii=False)}" for e in entries) + "\n  ]"


def read_manifest(folder: str | Path) -> dict:
    """The manifest of a release folder; a clear error when the folder is not a release."""
    from ..errors import InputError

    folder = Path(folder)
    path = folder / MANIFEST
    if not path.is_file():
        raise InputError(
            f"{folder}: not a kwpld release (no {MANIFEST}); "
            "build one with kwpld build DATA --out DIR"
        )
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the manifest: {exc}") from None
    if not isinstance(data, dict) or data.get("kwpld_release") not in READABLE_VERSIONS:
        raise InputError(
            f"{path}: not a release manifest this kwpld reads "
            f"(kwpld_release {' or '.join(map(str, READABLE_VERSIONS))})"
        )
    return data


def release_files(folder: Path, manifest: dict, kind: str) -> list[Path]:
    """Paths of the N-Quads parts (``kind="nq"``) or N-Triples parts of ``data``."""
    return [
        folder / f["path"]
        for f in manifest["files"]
        if f["path"].startswith("data") and _ext(f["path"]) == kind
    ]


def iter_chunks(lines: Iterable[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    buffer: list[bytes] = []
    filled = 0
    for line in lines:
        buffer.append(line)
        filled += len(line)
        if filled >= size:
            yield b"".join(buffer)
            buffer, filled = [], 0
    if buffer:
        yield b"".join(buffer)
