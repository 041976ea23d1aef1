"""The build: records in a data folder -> checked -> RDF -> files in an output folder.

Each stage is its own module (load, mapping, formats); this one only chains them and writes
the output atomically, so a failed or interrupted build leaves the previous output intact.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_directory
from .graph import KnowledgeGraph
from .incremental import (
    BuildCache,
    BuildState,
    graph_digest,
    input_digest,
    options_digest,
    release_intact,
    subject_digests,
)
from .load import load_records
from .load.values import check_base_iri, check_iri_option
from .mapping import map_records
from .model import Records
from .parallel import ForkedTask, fork_available
from .progress import SILENT, Progress
from .publish import ReleaseOptions, release_target, update_latest, write_release
from .validate import ValidationReport, check_report, validate_graph

__all__ = ["BuildResult", "build", "build_graph"]


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
    """True when an incremental build found nothing to do (nothing changed since the last)."""

    @property
    def triple_count(self) -> int:
        return self.graph.triple_count()


def build_graph(
    data_dir: str | Path, *, base_iri: str | None = None
) -> tuple[Records, KnowledgeGraph]:
    """Load and map a data folder; raises LoadError listing every problem."""
    if base_iri is not None:
        check_base_iri(base_iri)
    records = load_records(data_dir, require_records=True)
    return records, map_records(records, base_iri)


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
    if base_iri is not None:
        check_base_iri(base_iri)
    if release is not None and release.download_url is not None:
        check_iri_option(release.download_url, "--download-url")
    timings: dict[str, float] = {}
    incremental = None
    if cache is not None and out is not None and not (release and release.name):
        incremental = _Incremental(BuildCache(cache), Path(out), Path(data_dir))
        incremental.inputs = input_digest(incremental.input_files(), incremental.data_dir)
        incremental.options = options_digest(
            {
                "base_iri": base_iri,
                # the number of processes changes nothing in the output
                "release": repr(dataclasses.replace(release or ReleaseOptions(), jobs=1)),
                "validate": validate,
                "fail_on": str(fail_on),
            }
        )
        if incremental.nothing_changed():
            result = BuildResult(Records(), KnowledgeGraph("", {}), timings=timings)
            result.up_to_date = True
            result.out = Path(out)
            result.files = _main_files(Path(out))
            return result

    start = time.perf_counter()
    records = load_records(data_dir, progress, require_records=True)
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
    release = release or ReleaseOptions()
    if release.jobs == 1:  # the release's own setting wins when it asks for workers
        release = dataclasses.replace(release, jobs=jobs)
    parallel = validate and jobs > 1 and fork_available()
    try:
        if incremental is not None and not parallel and incremental.graph_unchanged(graph):
            raise _GraphUnchanged
        with atomic_directory(target) as tmp:
            if parallel:
                # Two cores: write the release in a forked child (which shares its formats out
                # to its own workers) while this process validates. Nothing is published
                # unless validation passes: on failure the temporary folder goes, and the
                # previous release stays. On 1M triples this takes 6.5 s where validating,
                # then writing with two workers, takes 8.3 s.
                progress.stage("validate + write")
                writer = ForkedTask(write_release, records, graph, tmp, release)
                try:
                    # is this graph the one already published? (found while the writer works)
                    if incremental is not None and incremental.graph_unchanged(graph):
                        raise _GraphUnchanged
                    _validate(result, fail_on, jobs=1)
                    if incremental is not None:
                        incremental.digest(graph)  # for the next build, while the writer works
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
    except _GraphUnchanged:
        # The records changed but not the graph (a comment, reordered records): validate
        # again, as findings point at lines, but the release stands.
        assert incremental is not None
        if validate:
            progress.stage("validate")
            _validate(result, fail_on, jobs)
        incremental.save(result)
        result.out = target
        result.files = _main_files(target)
        result.up_to_date = True
        return result
    if latest is not None:
        update_latest(target, latest)
    result.out = target
    result.files = {name: target / path.relative_to(tmp) for name, path in written.items()}
    timings["write"] = time.perf_counter() - start - timings.get("validate", 0.0)
    timings["validate+write"] = time.perf_counter() - start
    if incremental is not None:
        incremental.save(result)
    return result


class _GraphUnchanged(Exception):
    """The graph is the one already published: leave the release as it is."""


def _main_files(folder: Path) -> dict[str, Path]:
    """The main files of an existing release, by format, from its manifest."""
    import json

    names = {
        "data.nq": "n-quads",
        "data.nt": "n-triples",
        "data.ttl": "turtle",
        "data.trig": "trig",
        "data.jsonld": "json-ld",
        "wikidata.ttl": "wikidata",
        "void.ttl": "void",
        "manifest.json": "manifest",
    }
    files = {}
    try:
        listed = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError):
        return files
    for entry in [*listed, {"path": "manifest.json"}]:
        name = names.get(entry["path"])
        if name:
            files[name] = folder / entry["path"]
    return files


class _Incremental:
    """The bookkeeping of one incremental build (see kwpld.incremental)."""

    def __init__(self, cache: BuildCache, out: Path, data_dir: Path) -> None:
        self.cache = cache
        self.out = out
        self.data_dir = data_dir
        self.state = cache.load(out)
        self.inputs = ""
        self.subjects: dict[str, bytes] = {}
        self.options = ""

    def input_files(self) -> list[Path]:
        from .load import DATASET_FILE, record_files

        files = record_files(self.data_dir)
        dataset = self.data_dir / DATASET_FILE
        return [*files, dataset] if dataset.exists() else files

    def nothing_changed(self) -> bool:
        return (
            self.state is not None
            and self.state.inputs == self.inputs
            and self.state.options == self.options
            and self.release_intact()
        )

    def release_intact(self) -> bool:
        return self.state is not None and release_intact(self.out, self.state.manifest_sha256)

    def digest(self, graph: KnowledgeGraph) -> None:
        if not self.subjects:
            self.subjects = subject_digests(graph._quads)

    def graph_unchanged(self, graph: KnowledgeGraph) -> bool:
        """The graph is the one the intact release was written from."""
        if self.state is None or self.state.options != self.options or not self.release_intact():
            return False
        self.digest(graph)
        return graph_digest(self.subjects) == self.state.graph

    def save(self, result: BuildResult) -> None:
        import hashlib

        self.digest(result.graph)
        manifest = self.out / "manifest.json"
        state = BuildState(
            inputs=self.inputs,
            options=self.options,
            graph=graph_digest(self.subjects),
            subjects=self.subjects,
            manifest_sha256=hashlib.sha256(manifest.read_bytes()).hexdigest(),
        )
        self.cache.save(self.out, state)
