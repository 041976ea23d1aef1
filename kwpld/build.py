"""The build: records in a data folder -> checked -> RDF -> validated -> files in an output folder.

Each stage is its own package (load, mapping, wikidata, validate, publish); this module is the
orchestrator that chains them, and the only one that does. No stage imports it: a stage takes
what it needs as arguments. The output is written into a staged folder that replaces the
previous one in one step, so a failed or interrupted build leaves the previous output intact.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import StagedDirectory, fault_point, sweep
from .errors import InputError, KwpldError, Problem
from .graph import KnowledgeGraph
from .incremental import BuildCache, IncrementalBuild
from .iris import Minter
from .load import load_records
from .load.duplicates import duplicate_problems, find_duplicates
from .load.rows import csv_row_digests
from .load.values import check_base_iri, check_iri_option
from .mapping import map_files, map_records
from .model import Records
from .parallel import Forked, fork_available, gc_paused
from .progress import SILENT, Progress
from .publish import (
    RELEASE_MARKERS,
    Release,
    ReleaseOptions,
    read_manifest,
    release_target,
    update_latest,
    write_release,
)
from .publish.manifest import MANIFEST, is_release
from .publish.releases import mark_pending
from .publish.splice import PreviousRelease
from .validate import Engine, ShapesGraph, ValidationReport, check_report, validate_graph
from .validate.report import record_finding
from .wikidata.rdf import add_wikidata, wikidata_quads

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "BuildResult",
    "CheckResult",
    "OpenedGraph",
    "build",
    "build_graph",
    "check_data",
    "open_graph_source",
    "validate_data",
]


@dataclass
class BuildResult:
    records: Records
    graph: KnowledgeGraph
    out: Path | None = None
    files: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    release_timings: dict[str, float] = field(default_factory=dict)
    """Seconds per step of writing the release (sort, lines, pretty, jsonld, ...)."""
    validation: ValidationReport | None = None
    up_to_date: bool = False
    """True when an incremental build wrote nothing: nothing changed since the last build, or
    the records changed but not the graph (then ``validation`` is still fresh)."""
    warnings: list[str] = field(default_factory=list)
    """What the build wants the user to know that is no finding: a cache it could not read
    (the build was then a cold one)."""
    remapped: dict[str, int] | None = None
    """How many records of each file an incremental build mapped again (files with none left
    out; None: not incremental)."""
    completed_release: bool = False
    """True when this build finished a named release that a killed build had published without
    refreshing ``latest/`` (the release was already there, the same as this build's)."""

    @property
    def triple_count(self) -> int:
        return self.graph.triple_count()


def build(
    data_dir: str | Path,
    out: str | Path | None = None,
    *,
    base_iri: str | None = None,
    release: ReleaseOptions | None = None,
    validate: bool = True,
    fail_on: str = "violation",
    jobs: int = 1,
    progress: Progress = SILENT,
    cache: str | Path | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``data_dir``; with ``out``, write a release folder there.

    Nothing is written when the records have problems: :class:`~kwpld.errors.LoadError` is
    raised with all of them. With ``validate`` (the default) the graph is validated against
    the SHACL shapes and nothing is written when it fails (findings at ``fail_on`` or worse):
    :class:`~kwpld.validate.ValidationError` is raised with the report. The output folder is
    replaced as a whole, atomically. With ``release.name``, ``out`` holds dated releases:
    ``out/NAME`` (new, immutable) and ``out/latest`` (see :mod:`kwpld.publish.releases`).

    With ``cache`` (a folder), the build is incremental (see :mod:`kwpld.incremental`): when
    nothing changed since the last build of ``out``, nothing is done (``result.up_to_date``),
    and when the records changed but the graph did not, the release is not written again.
    """
    plan = _plan(data_dir, out, base_iri, release, validate, fail_on, jobs, cache)
    if plan.incremental is not None and plan.incremental.nothing_changed():
        return _kept(plan, BuildResult(Records(), KnowledgeGraph("", {})), remember=False)
    result = _load_and_map(data_dir, base_iri, progress, plan.incremental)
    if plan.target is None:
        if validate:
            progress.stage("validate")
            _validate(result, fail_on, jobs)
        return result
    start = time.perf_counter()
    if plan.latest is not None and plan.target.exists():
        # release_target let an existing release through: a killed build published it but
        # did not refresh latest/. Finish that build's job.
        return _complete_release(plan, result, progress)
    with StagedDirectory(plan.target, RELEASE_MARKERS) as staged:
        written = _validate_and_write(plan, result, staged.path, progress)
        if written is not None:
            if plan.latest is not None:
                mark_pending(plan.target)  # until latest/ is refreshed (update_latest)
            staged.commit()
    if written is None:
        # The records changed but not the graph (a comment, reordered records): validated
        # again, as findings point at lines, but the release stands.
        if validate and result.validation is None:
            progress.stage("validate")
            _validate(result, fail_on, jobs, plan.incremental)
        return _kept(plan, result, remember=True)
    if plan.latest is not None:
        fault_point("release-committed")
        update_latest(plan.target, plan.latest)
    result.out = plan.target
    result.files = {
        name: plan.target / p.relative_to(staged.path) for name, p in written.main.items()
    }
    result.release_timings = written.timings
    result.timings["write"] = time.perf_counter() - start - result.timings.get("validate", 0.0)
    result.timings["validate+write"] = time.perf_counter() - start
    if plan.incremental is not None:
        plan.incremental.blocks = written.blocks
        plan.incremental.save()
    return result


def _complete_release(plan: _Plan, result: BuildResult, progress: Progress) -> BuildResult:
    """Refresh ``latest/`` from a named release a killed build left without it.

    The release is built again beside it and compared by manifest (which holds the SHA-256 of
    every file): the same release means the same input and options, and ``latest/`` is
    refreshed. A different one is refused as any existing release name is; ``latest/`` still
    moves to the release in place, which was published as it is.
    """
    assert plan.target is not None and plan.latest is not None
    with StagedDirectory(plan.target, RELEASE_MARKERS) as staged:
        written = _validate_and_write(plan, result, staged.path, progress)
        assert written is not None  # named releases are never incremental
        same = (staged.path / MANIFEST).read_bytes() == (plan.target / MANIFEST).read_bytes()
    update_latest(plan.target, plan.latest)
    if not same:
        raise InputError(
            f"{plan.target} already exists and differs from what this build writes; it was "
            f"published by an earlier build that was interrupted, and {plan.latest.name}/ now "
            "points at it. Published releases are immutable: choose a new release name"
        )
    result.out = plan.target
    result.files = read_manifest(plan.target).main_files(plan.target)
    result.completed_release = True
    return result


@dataclass(frozen=True)
class _Plan:
    """Where and how a build writes, decided before anything is loaded."""

    target: Path | None
    latest: Path | None
    release: ReleaseOptions
    validate: bool
    fail_on: str
    jobs: int
    parallel: bool
    """Write the release in a forked child while this process validates."""
    incremental: IncrementalBuild | None


def _plan(
    data_dir: str | Path,
    out: str | Path | None,
    base_iri: str | None,
    release: ReleaseOptions | None,
    validate: bool,
    fail_on: str,
    jobs: int,
    cache: str | Path | None,
) -> _Plan:
    options = release or ReleaseOptions()
    if options.download_url is not None:
        check_iri_option(options.download_url, "--download-url")
    if out is None:
        return _Plan(None, None, options, validate, fail_on, jobs, False, None)
    target, latest = release_target(out, options.name)
    incremental = None
    if cache is not None and latest is None:  # a named release is new by definition
        digested = {
            "base_iri": base_iri,
            # the number of processes changes nothing in the output
            "release": repr(dataclasses.replace(options, jobs=1)),
            "validate": validate,
            "fail_on": str(fail_on),
        }
        incremental = IncrementalBuild(BuildCache(cache), target, Path(data_dir), digested)
    if options.jobs == 1:  # the release's own setting wins when it asks for workers
        options = dataclasses.replace(options, jobs=jobs)
    parallel = validate and jobs > 1 and fork_available()
    return _Plan(target, latest, options, validate, fail_on, jobs, parallel, incremental)


def _load_and_map(
    data_dir: str | Path,
    base_iri: str | None,
    progress: Progress,
    incremental: IncrementalBuild | None = None,
) -> BuildResult:
    """Load and map; with ``incremental``, the record files that did not change, and read no
    fact that did, are not mapped again (their quads come from the cache)."""
    if base_iri is not None:
        check_base_iri(base_iri)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    sweep(data_dir)  # a kwpld merge killed half way is rolled back before the folder is read
    records = load_records(data_dir, progress, require_records=True)
    timings["load"] = time.perf_counter() - start
    progress.stage("map", total=len(records))
    start = time.perf_counter()
    warnings: list[str] = []
    remapped: dict[str, int] | None = None
    with gc_paused():  # millions of acyclic tuples: collections would walk them again and again
        if incremental is None:
            graph = map_records(records, base_iri)
            add_wikidata(graph, records)
        else:
            reuse = incremental.reusable_mappings()
            rows = functools.partial(csv_row_digests, Path(data_dir))
            graph, mappings, remapped = map_files(
                records, base_iri, reuse, incremental.edited, rows
            )
            extra = wikidata_quads(graph, records)
            graph.update(extra)
            incremental.mapped(mappings, remapped, extra)
            warnings = incremental.warnings
    progress.advance(len(records))
    timings["map"] = time.perf_counter() - start
    return BuildResult(records, graph, timings=timings, warnings=list(warnings), remapped=remapped)


def _validate_and_write(
    plan: _Plan, result: BuildResult, folder: Path, progress: Progress
) -> Release | None:
    """Validate, then write the release into ``folder``; None (and nothing written) when the
    graph is the one the release in place was written from."""
    incremental = plan.incremental
    if not plan.parallel:
        if incremental is not None and incremental.graph_unchanged(result.graph):
            return None
        if plan.validate:
            progress.stage("validate")
            _validate(result, plan.fail_on, plan.jobs, incremental)
        progress.stage("write")
        return _write(plan, result, folder, _previous_release(incremental))
    # Two cores: write the release in a forked child (which shares its formats out to its own
    # workers) while this process validates. Nothing is published unless validation passes.
    # On 1M triples this takes 6.5 s where validating, then writing with two workers, 8.3 s.
    progress.stage("validate + write")
    # what changed since the release in place, found once, before the fork: the writer and
    # the validation both use it
    previous = _previous_release(incremental)
    writer = Forked(lambda: _write(plan, result, folder, previous))
    try:
        # is this graph the one already published? (found while the writer works)
        if incremental is not None and incremental.graph_unchanged(result.graph):
            return None
        _validate(result, plan.fail_on, 1, incremental)
        return writer.result()
    finally:
        writer.cancel()


def _previous_release(incremental: IncrementalBuild | None) -> PreviousRelease | None:
    return incremental.previous_release() if incremental is not None else None


def _write(
    plan: _Plan, result: BuildResult, folder: Path, previous: PreviousRelease | None
) -> Release:
    """Write the release; with ``previous`` (an incremental build), splice what can be of the
    release in place (:mod:`kwpld.publish.splice`)."""
    index = plan.incremental is not None  # where each block lies, for the next rebuild
    return write_release(
        result.records, result.graph, folder, plan.release, previous=previous, index=index
    )


def _validate(
    result: BuildResult, fail_on: str, jobs: int, incremental: IncrementalBuild | None = None
) -> None:
    """Validate the graph; with ``incremental``, only what the change since the release in
    place can reach (:mod:`kwpld.validate.partial`), and keep the results for the next build."""
    start = time.perf_counter()
    previous = incremental.previous_validation() if incremental is not None else None
    report = validate_graph(result.graph, result.records, jobs=jobs, previous=previous)
    result.validation = report
    result.timings["validate"] = time.perf_counter() - start
    if incremental is not None:
        incremental.validation = report.by_shape
        incremental.sparql = report.sparql_rows
    check_report(report, fail_on)


def _kept(plan: _Plan, result: BuildResult, *, remember: bool) -> BuildResult:
    """The release in place stands: report its files; with ``remember``, the graph is new to
    the cache (made from changed records) and the next build compares with it."""
    assert plan.target is not None and plan.incremental is not None
    if remember:
        plan.incremental.save()
    result.out = plan.target
    try:
        result.files = read_manifest(plan.target).main_files(plan.target)
    except KwpldError:
        result.files = {}
    result.up_to_date = True
    return result


def build_graph(
    data_dir: str | Path, *, base_iri: str | None = None
) -> tuple[Records, KnowledgeGraph]:
    """Load and map a data folder, with the Wikidata graphs; raises LoadError listing every
    problem."""
    result = _load_and_map(data_dir, base_iri, SILENT)
    return result.records, result.graph


def validate_data(
    data_dir: str | Path,
    *,
    base_iri: str | None = None,
    shapes: ShapesGraph | None = None,
    engine: Engine | str = Engine.FAST,
    jobs: int = 1,
) -> ValidationReport:
    """Load, map and validate a data folder (raises LoadError when records fail to load).

    Besides the shapes' findings, the report has a warning for every pair of records that may
    be one entity written twice (``possible-duplicate``, :mod:`kwpld.load.duplicates`).

    It lives here, not in :mod:`kwpld.validate`: validation takes a graph, and making one from
    a folder is the build's work (the validate stage would otherwise import the build).
    """
    records, graph = build_graph(data_dir, base_iri=base_iri)
    report = validate_graph(graph, records, shapes=shapes, engine=engine, jobs=jobs)
    mint = Minter(graph.base_iri)
    report.extend(
        record_finding(d.problem(), mint.record(d.second), records, value=mint.record(d.first))
        for d in find_duplicates(records)
    )
    return report


@dataclass
class CheckResult:
    """What ``kwpld check`` found in a data folder whose records load: the records, and the
    warnings of the checks that need every record (possible duplicates)."""

    records: Records
    warnings: list[Problem]


def check_data(data_dir: str | Path) -> CheckResult:
    """Load a data folder (raises LoadError listing every problem), then look for records that
    may be one entity written twice (:func:`kwpld.load.duplicates.find_duplicates`)."""
    sweep(data_dir)  # a kwpld merge killed half way is rolled back before the folder is read
    records = load_records(data_dir, require_records=True)
    return CheckResult(records, duplicate_problems(records))


@dataclass(frozen=True)
class OpenedGraph:
    """A graph opened for reading: its store, base IRI and what the dataset says of itself."""

    store: ox.Store
    base_iri: str
    location: str
    title: str | None = None
    version: str | None = None
    dataset_id: str | None = None
    release: Path | None = None
    """the release folder, when the graph is one (its void.ttl describes it further)"""
    description: str | None = None


def open_graph_source(path: str | Path, *, base_iri: str | None = None) -> OpenedGraph:
    """Open a release folder (``manifest.json``), a data folder (``kwpld.yaml``, loaded and
    mapped in memory) or a store made by ``kwpld load``: what ``kwpld query``, ``kwpld chart``
    and ``kwpld site`` read.

    Anything else is an :class:`~kwpld.errors.InputError` (exit code 2) that names the three
    kinds, never the storage engine's own message about its files.
    """
    from .namespaces import DEFAULT_BASE_IRI
    from .publish.store import open_store

    folder = Path(path)
    if not folder.exists():
        raise InputError(f"{folder}: no such release folder, data folder or store")
    if is_release(folder):
        dataset = read_manifest(folder).dataset
        return OpenedGraph(
            open_store(folder),
            base_iri=base_iri or dataset.base_iri or DEFAULT_BASE_IRI,
            location=str(folder),
            title=dataset.title,
            version=dataset.version,
            dataset_id=dataset.id,
            release=folder,
        )
    if folder.is_dir() and (folder / "kwpld.yaml").is_file():
        records, graph = build_graph(folder, base_iri=base_iri)
        info = records.info
        return OpenedGraph(
            graph.to_store(),
            base_iri=graph.base_iri,
            location=str(folder),
            title=info.title,
            version=info.version,
            dataset_id=info.id,
            description=info.description,
        )
    if folder.is_dir() and (folder / _STORE_MARKER).is_file():
        return OpenedGraph(
            open_store(folder), base_iri=base_iri or DEFAULT_BASE_IRI, location=str(folder)
        )
    raise InputError(
        f"{folder}: not a release folder ({MANIFEST}), a data folder (kwpld.yaml) "
        "or a store made by kwpld load"
    )


_STORE_MARKER = "CURRENT"
"""Every on-disk pyoxigraph (RocksDB) store has this file; a folder without it is no store."""
