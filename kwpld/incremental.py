"""Incremental rebuilds: redo only what a change can affect.

A build with a cache folder remembers, per output folder, what it was made from:

- a digest of every input (record files, ``kwpld.yaml``, options, the shapes and ontology, the
  kwpld version): when none changed and the release is intact, there is nothing to do;
- a digest of each subject's quads and of the whole graph: when the records changed but the
  graph did not (a comment, reordered records, a reformatted file), the graph is validated
  again (findings point at lines, which may have moved) but the release is not rewritten.

A change to the graph rebuilds the release in full: every whole-dataset file (data.nq,
data.ttl, data.jsonld, void.ttl ...) depends on every triple, and each stage is one pass over
the data, cheaper than tracking what depends on what. The subject digests are made while the
release is written (``--jobs 2``), so the bookkeeping costs a first build almost nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .__about__ import __version__
from .atomic import write_atomic
from .errors import KwpldError
from .graph import KnowledgeGraph
from .publish.manifest import MANIFEST, read_manifest
from .rdf import Quad

__all__ = [
    "IncrementalBuild",
    "BuildState",
    "BuildCache",
    "input_digest",
    "options_digest",
    "subject_digests",
    "graph_digest",
    "release_intact",
]

STATE_VERSION = 2


@dataclass
class BuildState:
    """What one build of one output folder was made from, and what validation found."""

    inputs: str
    options: str
    graph: str
    subjects: dict[str, bytes] = field(default_factory=dict)
    manifest_sha256: str | None = None
    version: int = STATE_VERSION


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def input_digest(files: Iterable[Path], root: Path) -> str:
    """One digest of the record files' names and contents.

    A file that cannot be read (a folder, no permission) counts by the name of its error:
    loading the records reports it, so no build is skipped because of it.
    """
    digest = hashlib.sha256()
    for path in sorted(files):
        try:
            content = _sha256_file(path)
        except OSError as exc:
            content = f"unreadable: {type(exc).__name__}"
        name = os.fsencode(path.relative_to(root).as_posix())  # any name, UTF-8 or not
        digest.update(name + f"\0{content}\n".encode())
    return digest.hexdigest()


def options_digest(options: Mapping[str, object]) -> str:
    """One digest of what else shapes a release: options, kwpld's version, ontology, shapes."""
    from .resources import resource_path

    digest = hashlib.sha256()
    digest.update(f"kwpld {__version__}\n".encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode() + b"\n")
    for folder in ("ontology", "shapes"):
        for path in sorted(resource_path(folder).glob("*.ttl")):
            digest.update(f"{folder}/{path.name}\0{_sha256_file(path)}\n".encode())
    return digest.hexdigest()


def subject_digests(quads: Iterable[Quad]) -> dict[str, bytes]:
    """A 16-byte digest of each subject's quads, independent of their order."""
    grouped: dict[str, list[str]] = {}
    for s, p, o, g in quads:
        grouped.setdefault(s, []).append(f"{p} {o} {g}")
    blake = hashlib.blake2b
    return {
        s: blake("\n".join(sorted(rows)).encode("utf-8"), digest_size=16).digest()
        for s, rows in grouped.items()
    }


def graph_digest(subjects: dict[str, bytes]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for s in sorted(subjects):
        digest.update(s.encode("utf-8"))
        digest.update(subjects[s])
    return digest.hexdigest()


class BuildCache:
    """The cache folder of incremental builds: one state file per output folder."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, out: Path) -> Path:
        key = hashlib.sha256(str(out.absolute()).encode("utf-8")).hexdigest()[:16]
        return self.folder / "build" / f"{key}.pickle"

    def load(self, out: Path) -> BuildState | None:
        path = self._path(out)
        try:
            with path.open("rb") as handle:
                state = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if not isinstance(state, BuildState) or state.version != STATE_VERSION:
            return None
        return state

    def save(self, out: Path, state: BuildState) -> None:
        """Keep ``state`` for the next build; a cache that cannot be written (a read-only data
        folder, a full disk) only makes the next build a full one, so it is not an error."""
        path = self._path(out)
        try:
            write_atomic(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)  # a stale state must not claim the new release

    def forget(self, out: Path) -> None:
        self._path(out).unlink(missing_ok=True)


def release_intact(out: Path, manifest_sha256: str | None) -> bool:
    """The release folder still holds what its manifest lists (same manifest, sizes)."""
    path = out / MANIFEST
    if manifest_sha256 is None or not path.is_file():
        return False
    if _sha256_file(path) != manifest_sha256:
        return False
    try:
        return read_manifest(out).intact(out)
    except KwpldError:
        return False


class IncrementalBuild:
    """The bookkeeping of one incremental build of one output folder.

    ``options`` are what else shapes the release (base IRI, release options, validation):
    a change to any of them, as to an input file, means a new release.
    """

    def __init__(
        self, cache: BuildCache, out: Path, data_dir: Path, options: Mapping[str, object]
    ) -> None:
        self.cache = cache
        self.out = out
        self.data_dir = data_dir
        self.state = cache.load(out)
        self.inputs = input_digest(self.input_files(), data_dir)
        self.options = options_digest(options)
        self.subjects: dict[str, bytes] = {}

    def input_files(self) -> list[Path]:
        from .load import DATASET_FILE, record_files

        files = record_files(self.data_dir)
        dataset = self.data_dir / DATASET_FILE
        return [*files, dataset] if dataset.exists() else files

    def nothing_changed(self) -> bool:
        """Same inputs, same options, and the release is still as it was written."""
        return (
            self.state is not None
            and self.state.inputs == self.inputs
            and self.state.options == self.options
            and self.release_intact()
        )

    def release_intact(self) -> bool:
        return self.state is not None and release_intact(self.out, self.state.manifest_sha256)

    def digest(self, graph: KnowledgeGraph) -> None:
        """Digest the graph's subjects for the next build (once; the parallel build does it
        while the release is written)."""
        if not self.subjects:
            self.subjects = subject_digests(graph.quad_set)

    def graph_unchanged(self, graph: KnowledgeGraph) -> bool:
        """The graph is the one the intact release was written from."""
        if self.state is None or self.state.options != self.options or not self.release_intact():
            return False
        self.digest(graph)
        return graph_digest(self.subjects) == self.state.graph

    def save(self, graph: KnowledgeGraph) -> None:
        """Remember what the release in ``out`` (written or kept) was made from."""
        self.digest(graph)
        state = BuildState(
            inputs=self.inputs,
            options=self.options,
            graph=graph_digest(self.subjects),
            subjects=self.subjects,
            manifest_sha256=_sha256_file(self.out / MANIFEST),
        )
        self.cache.save(self.out, state)
