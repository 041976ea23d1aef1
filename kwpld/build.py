"""The build: records in a data folder -> checked -> RDF -> files in an output folder.

Each stage is its own module (load, mapping, formats); this one only chains them and writes
the output atomically, so a failed or interrupted build leaves the previous output intact.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_directory
from .graph import KnowledgeGraph
from .load import load_records
from .mapping import map_records
from .model import Records
from .parallel import ForkedTask, fork_available
from .progress import SILENT, Progress
from .publish import ReleaseOptions, release_target, update_latest, write_release
from .validate import ValidationReport, check_report, validate_graph

__all__ = ["BuildResult", "build", "build_graph", "write_outputs"]


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

    @property
    def triple_count(self) -> int:
        return self.graph.triple_count()


def build_graph(
    data_dir: str | Path, *, base_iri: str | None = None
) -> tuple[Records, KnowledgeGraph]:
    """Load and map a data folder; raises LoadError listing every problem."""
    records = load_records(data_dir)
    return records, map_records(records, base_iri)


def write_outputs(
    records: Records, graph: KnowledgeGraph, folder: Path, options: ReleaseOptions | None = None
) -> dict[str, Path]:
    """Write the release (every dump, load files, void.ttl, manifest.json) into ``folder``.

    Returns the main files by format (``turtle``, ``n-quads``, ``json-ld``, ``manifest`` ...);
    ``manifest.json`` lists all of them.
    """
    return write_release(records, graph, folder, options).main


def _validate(result: BuildResult, fail_on: str, jobs: int) -> None:
    start = time.perf_counter()
    result.validation = validate_graph(result.graph, result.records, jobs=jobs)
    result.timings["validate"] = time.perf_counter() - start
    check_report(result.validation, fail_on)


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
) -> BuildResult:
    """Build the knowledge graph of ``data_dir``; with ``out``, write a release folder there.

    Nothing is written when the records have problems: :class:`~kwpld.errors.LoadError` is
    raised with all of them. With ``validate`` (the default) the graph is validated against
    the SHACL shapes and nothing is written when it fails (findings at ``fail_on`` or worse):
    :class:`~kwpld.validate.ValidationError` is raised with the report. The output folder is
    replaced as a whole, atomically. With ``release.name``, ``out`` holds dated releases:
    ``out/NAME`` (new, immutable) and ``out/latest`` (see :mod:`kwpld.publish.releases`).
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    records = load_records(data_dir, progress)
    timings["load"] = time.perf_counter() - start
    progress.stage("map", total=len(records))
    start = time.perf_counter()
    graph = map_records(records, base_iri)
    progress.advance(len(records))
    timings["map"] = time.perf_counter() - start
    result = BuildResult(records, graph, timings=timings)
    if out is None:
        if validate:
            progress.stage("validate")
            _validate(result, fail_on, jobs)
        return result

    start = time.perf_counter()
    target, latest = release_target(out, release.name if release else None)
    with atomic_directory(target) as tmp:
        if validate and jobs > 1 and fork_available():
            # Two cores: write the release in a forked child while this process validates.
            # Nothing is published unless validation passes: on failure the temporary folder
            # goes, and the previous release stays.
            progress.stage("validate + write")
            writer = ForkedTask(write_release, records, graph, tmp, release)
            try:
                _validate(result, fail_on, jobs=1)
                written_release = writer.result()
            finally:
                writer.cancel()
        else:
            # -- validation (SHACL): before writing, so that failing data is not published
            if validate:
                progress.stage("validate")
                _validate(result, fail_on, jobs)
            progress.stage("write")
            written_release = write_release(records, graph, tmp, release)
        result.release_timings = written_release.timings
        written = written_release.main
    if latest is not None:
        update_latest(target, latest)
    result.out = target
    result.files = {name: target / path.relative_to(tmp) for name, path in written.items()}
    timings["write"] = time.perf_counter() - start - timings.get("validate", 0.0)
    timings["validate+write"] = time.perf_counter() - start
    return result
