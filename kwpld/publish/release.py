"""Write a release folder: every dump, the ontology and shapes, load files, void.ttl, manifest.json.

The writer sorts the build's quads (plus the ontology in its own graph) once, into the two
orders every format reads (:mod:`kwpld.publish.quads`), then writes the formats as independent
tasks (:mod:`kwpld.publish.plan`), in forked worker processes when ``jobs > 1``. Line formats
are joined from the quads' own term strings; Turtle, TriG and JSON-LD group the sorted lists by
graph and subject; nothing builds an rdflib graph. Each file's size and SHA-256 are computed
while it is written. Then come the files that describe those: the loaders
(:mod:`kwpld.publish.loaders`), ``void.ttl`` and ``manifest.json``
(:mod:`kwpld.publish.manifest`). Every file is byte-identical for the same input, whatever
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

import time
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..__about__ import __version__
from ..graph import KnowledgeGraph
from ..iris import Minter
from ..model import Records
from ..parallel import WorkerMemory, gc_paused, run_tasks
from ..resources import resource_path
from .jsonld import FRAMED_KINDS
from .lines import TextFile
from .loaders import write_loaders
from .manifest import FORMATS, DatasetEntry, GraphEntry, Manifest, ReleaseFile
from .plan import Blocks, GraphFiles, ReleaseOptions, ReleasePlan
from .quads import ReleaseQuads, sort_quads
from .splice import PreviousRelease
from .void import Distribution, VoidStats, void_quads, write_void

__all__ = ["Release", "ReleaseOptions", "write_release", "release_quads"]

_FIRST = itemgetter(0)


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
    manifest: Manifest | None = None
    """What ``manifest.json`` says, as written."""
    blocks: Blocks = field(default_factory=dict)
    """Where each subject's block lies in the pretty files, when asked for (``index``)."""


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
    own = graph.quad_set
    extra = [(s, p, o, ontology) for s, p, o in _ontology_triples()]
    extra = [q for q in extra if q not in own]
    return sort_quads(chain(own, extra) if extra else own)


def write_release(
    records: Records,
    graph: KnowledgeGraph,
    folder: str | Path,
    options: ReleaseOptions | None = None,
    previous: PreviousRelease | None = None,
    index: bool = False,
) -> Release:
    """Write every file of a release into ``folder`` (which must exist and be empty).

    With ``options.jobs > 1`` the formats are written by that many processes at once (forked
    after the one sort, so they share it); the files are the same whatever ``jobs`` is.
    With ``previous`` (the release in place and the subjects changed since), the files that
    can be are spliced from its files (:mod:`.splice`): the same bytes, in less time.
    With ``index``, where each subject's block lies in data.ttl, data.trig and data.jsonld
    is returned (``Release.blocks``: what the next incremental build splices them by).
    """
    options = options or ReleaseOptions()
    folder = Path(folder)
    clock = _Clock()
    cpu = time.process_time()
    with gc_paused():
        quads = release_quads(graph)
        clock.lap("sort")
        plan = ReleasePlan(records, graph, quads, folder, options, previous, index)
        results = run_tasks(plan.tasks(), options.jobs, after=plan.after_cost())
        clock.lap("formats")
        done = {r.name: r.value for r in results}
        files, graph_files, blocks = _task_files(done)
        files.extend(write_loaders(plan, files, graph_files))
        clock.lap("loaders")
        # Description and manifest come last: they describe the files above.
        stats, counts = done["void-stats"]
        blocks.update(counts)
        files.append(_write_void(plan, stats, files))
        clock.lap("void")
        manifest = _manifest(plan, files, graph_files)
        manifest.write(folder)
        graphs = {g[1:-1]: stop - start for g, start, stop in quads.graphs}
        # Let go of the sorted lists while collection is still off: freed by reference
        # counting, they are never walked by a collection afterwards.
        del quads, plan, done
        clock.lap("manifest")
    release = Release(
        folder,
        files=files,
        triples=manifest.triples,
        quads=manifest.quads,
        graphs=graphs,
        main=manifest.main_files(folder),
        timings=clock.timings,
        manifest=manifest,
        blocks=blocks,
    )
    for result in results:
        release.timings[result.name] = result.seconds
        release.cpu_timings[result.name] = result.cpu
        if result.memory is not None:
            release.worker_memory.append(result.memory)
    release.wall = sum(clock.timings.values())
    release.cpu = time.process_time() - cpu + sum(r.cpu for r in results if r.worker)
    release.workers = 1 + max(r.worker for r in results)
    return release


def _task_files(
    done: Mapping[str, Any],
) -> tuple[list[ReleaseFile], list[GraphFiles], Blocks]:
    """The files of every task, in task order, the graphs as ``graphs/`` holds them, and the
    pretty files' block indexes (when recorded)."""
    files: list[ReleaseFile] = []
    blocks: Blocks = {}
    nquads_files, graph_files = done["nquads"]
    if "graphs" in done:  # gzip: graphs/ was a task of its own
        files.extend(nquads_files)
        nquads_files, graph_files = done["graphs"]
    files.extend(nquads_files)
    for name in ("ntriples", "updates", "turtle", "jsonld", "wikidata", "copies"):
        if name in ("updates", "turtle", "jsonld"):
            made, indexes = done[name]
            files.extend(made)
            blocks.update(indexes)
        else:
            files.extend(done[name])
    return files, graph_files, blocks


def _write_void(plan: ReleasePlan, stats: VoidStats, files: list[ReleaseFile]) -> ReleaseFile:
    """``void.ttl``: the dataset, its graphs and statistics, and a distribution per dump."""
    distributions = [
        Distribution(
            path=f.path,
            media_type=f.media_type,
            feature=FORMATS[f.ext][2] if f.path.startswith("data") else None,
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
    quads, graph, options = plan.quads, plan.graph, plan.options
    void = void_quads(
        plan.info,
        graph.base_iri,
        stats,
        {g: stop - start for g, start, stop in quads.graphs},
        distributions,
        _examples(quads, graph.base_iri),
        version=plan.version,
        issued=options.issued,
        download_url=options.download_url,
    )
    target = TextFile(plan.folder / "void.ttl")
    with target as out:
        write_void(void, out, graph.prefixes, plan.header)
    return ReleaseFile.of(plan.folder, target.finish(), triples=len(void))


def _manifest(
    plan: ReleasePlan, files: list[ReleaseFile], graph_files: list[GraphFiles]
) -> Manifest:
    info, options = plan.info, plan.options
    return Manifest(
        generator=f"kwpld {__version__}",
        dataset=DatasetEntry(
            id=info.id,
            title=info.title,
            version=plan.version,
            base_iri=plan.graph.base_iri,
            license=info.license,
            issued=options.issued,
        ),
        release=options.name,
        triples=plan.quads.triple_count,
        quads=plan.quads.quad_count,
        graphs=tuple(GraphEntry(g.graph, g.triples, g.parts) for g in graph_files),
        files=tuple(files),
    )


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self._last
        self._last = now


def _examples(quads: ReleaseQuads, base_iri: str) -> list[str]:
    """The first entity of each kind, for void:exampleResource."""
    mint = Minter(base_iri)
    subjects = quads.subjects
    found = []
    for kind in FRAMED_KINDS:
        prefix = f"<{mint.prefix(kind)}"
        i = bisect_left(subjects, prefix, key=_FIRST)
        if i < len(subjects) and subjects[i][0].startswith(prefix):
            found.append(subjects[i][0])
    return found
