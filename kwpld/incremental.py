"""Incremental rebuilds: redo only what a change can affect.

A build with a cache folder remembers, per output folder, what it was made from:

- a digest of every input (record files, ``kwpld.yaml``, options, the shapes and ontology, the
  kwpld version): when none changed and the release is intact, there is nothing to do;
- what the graph held beside the record files' mappings (the Wikidata graphs, made from every
  record): when the records changed but the graph did not (a comment, reordered records, a
  reformatted file), the graph is validated again (findings point at lines, which may have
  moved) but the release is not rewritten;
- per record file, its SHA-256 and what mapping it made, record by record
  (:class:`~kwpld.mapping.FileMapping`: quads, origins, and the facts each record's mapping
  read of other records, and a digest of each record's loaded content): a rebuild takes an
  unchanged file's quads as they were and maps again only the records that read a fact that
  changed (a membership's label quotes its person's name) and, of an edited file, the records
  added or whose content changed (the others' quads are taken as they were).

Whether the graph changed is found from the mappings alone (:meth:`IncrementalBuild.changes`):
the quads the records mapped again made before and make now, compared record by record, and
the old mapping of each changed file, read from the cache. Nothing is computed over the whole
graph, so a first build pays only for keeping the mappings. A change to the graph validates
again only the focus nodes it can reach (:mod:`kwpld.validate.partial`, from the last
validation's results per shape, kept with the release they were found for) and writes the
release in full: every whole-dataset file (data.nq, data.ttl, data.jsonld, void.ttl ...)
depends on every triple (docs/scaling.md says what writing in proportion to a change would
take).

Every cache file is written atomically (:func:`~kwpld.atomic.write_atomic`) and carries a
version and a digest of what shapes its content (kwpld's code and data files, the options,
``kwpld.yaml``). A cache file that cannot be read is a cold build with a warning, never a
release made from it; one made for other options or another kwpld is a cold build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .__about__ import __version__
from .atomic import sweep, write_atomic
from .errors import KwpldError
from .graph import KnowledgeGraph
from .mapping import FileMapping, Read
from .parallel import gc_paused
from .publish.manifest import MANIFEST, read_manifest
from .publish.splice import PreviousRelease
from .rdf import Quad
from .validate.partial import Previous, SparqlSolutions
from .validate.results import Result

__all__ = [
    "IncrementalBuild",
    "BuildState",
    "BuildCache",
    "FilesState",
    "code_digest",
    "input_digest",
    "options_digest",
    "quads_digest",
    "release_intact",
]

STATE_VERSION = 3
FILES_VERSION = 4
VALIDATION_VERSION = 2
_VALIDATION = "validation.pickle"
BLOCKS_VERSION = 1
_BLOCKS = "blocks.pickle"
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError)
_CORRUPT = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    MemoryError,
)


@dataclass
class BuildState:
    """What one build of one output folder was made from, and what validation found."""

    inputs: str
    options: str
    extra: str
    """The digest of the graph's quads made from no one record file (:func:`quads_digest`)."""
    manifest_sha256: str | None = None
    version: int = STATE_VERSION


@dataclass
class FileEntry:
    """One record file as the last build mapped it: its SHA-256, the facts its mapping read of
    other records, and the names of the cache files holding its quads and origins, one per
    :data:`CHUNK_RECORDS` records (read only when the file is reused; written only when the
    file was mapped again, and then only the chunks whose content changed: one edited record
    of a 7,700-record file rewrites one chunk, not the file's whole entry)."""

    sha256: str
    ids: list[str]
    reads: list[Read]
    read_ends: list[int]
    """The records' ids and the facts their mappings read (see :class:`FileMapping`)."""
    chunks: list[str]
    """Chunk ``k`` holds records ``k * CHUNK_RECORDS`` up to the next chunk's first."""


CHUNK_RECORDS = 1024
"""Records per cache chunk of a file's mapping: small enough that rewriting the chunk of an
edited record costs little, large enough that a file has few chunk files."""

_Chunk = tuple[list[Quad], list[int], list[tuple[str, str]], list[int], list[bytes]]
"""A chunk's content: quads, their ends, origins, their ends (ends counted from the chunk's
start), and the records' digests."""


def _chunk(mapping: FileMapping, k: int) -> _Chunk:
    """Records ``k * CHUNK_RECORDS`` onwards of ``mapping``, up to the next chunk's first."""
    first = k * CHUNK_RECORDS
    last = min(first + CHUNK_RECORDS, len(mapping.ids))
    q0 = mapping.quad_ends[first - 1] if first else 0
    q1 = mapping.quad_ends[last - 1] if last else 0
    o0 = mapping.origin_ends[first - 1] if first else 0
    o1 = mapping.origin_ends[last - 1] if last else 0
    return (
        mapping.quads[q0:q1],
        [end - q0 for end in mapping.quad_ends[first:last]],
        mapping.origins[o0:o1],
        [end - o0 for end in mapping.origin_ends[first:last]],
        mapping.digests[first:last],
    )


def _chunk_count(records: int) -> int:
    return max(1, -(-records // CHUNK_RECORDS))


@dataclass
class FilesState:
    """The index of the per-file cache: ``files[label]`` for every record file.

    ``context`` is the digest of everything else a file's mapping depends on (kwpld's code and
    data, the options, ``kwpld.yaml``); a state made under another context is not used.
    """

    context: str
    files: dict[str, FileEntry] = field(default_factory=dict)
    manifest_sha256: str | None = None
    """The manifest of the release these mappings went into: the graph of the release in place
    is the one they make (with :attr:`BuildState.extra`) only when it is that release's."""
    version: int = FILES_VERSION


@cache
def code_digest() -> str:
    """A digest of kwpld's own files (code, lexicons, vocabularies, shapes, ontology).

    The version alone would let a development checkout reuse quads its edited mapping no longer
    makes; hashing the 2.8 MB of the package costs about 10 ms.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"kwpld {__version__}\n".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_digests(files: Iterable[Path], root: Path) -> dict[str, str]:
    """The SHA-256 of each file, by its name relative to ``root`` (its label in the records).

    A file that cannot be read (a folder, no permission) counts by the name of its error:
    loading the records reports it, so no build is skipped because of it.
    """
    digests: dict[str, str] = {}
    for path in sorted(files):
        try:
            content = _sha256_file(path)
        except OSError as exc:
            content = f"unreadable: {type(exc).__name__}"
        digests[path.relative_to(root).as_posix()] = content
    return digests


def input_digest(files: Iterable[Path], root: Path) -> str:
    """One digest of the record files' names and contents."""
    return _digest_of(file_digests(files, root))


def _digest_of(digests: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    for name, content in digests.items():
        # any name, UTF-8 or not
        digest.update(os.fsencode(name) + f"\0{content}\n".encode())
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


def quads_digest(quads: Iterable[Quad]) -> str:
    """One digest of a few quads, whatever their order (they are sorted: use it on small sets)."""
    digest = hashlib.blake2b(digest_size=20)
    for quad in sorted(set(quads)):
        digest.update("\0".join(quad).encode("utf-8") + b"\n")
    return digest.hexdigest()


@dataclass
class Changes:
    """What the records mapped again no longer make (``removed``) and make anew (``added``).

    A superset of the graph's own change: a quad another record still states is in
    ``removed``, one another record stated already may be in ``added``.
    """

    removed: set[Quad] = field(default_factory=set)
    added: set[Quad] = field(default_factory=set)

    def between(self, old: FileMapping | None, new: FileMapping | None) -> None:
        """Add the difference between two mappings of one file (None: no such file), record
        by record (matched by id: a record reused is the same tuples in the same order, so
        each comparison is one list equality), or as two sets when ids repeat."""
        mine = _spans(old) if old is not None else {}
        theirs = _spans(new) if new is not None else {}
        if mine is None or theirs is None:
            before = set(old.quads) if old is not None else set()
            after = set(new.quads) if new is not None else set()
            self.removed |= before - after
            self.added |= after - before
            return
        for rid in mine.keys() | theirs.keys():
            made, makes = mine.get(rid, []), theirs.get(rid, [])
            if made != makes:
                before, after = set(made), set(makes)
                if before != after:
                    self.removed |= before - after
                    self.added |= after - before

    def leave_graph_alone(self, graph: KnowledgeGraph) -> bool:
        """The graph is the one the old mappings made: nothing new, and every quad no longer
        made by its records still made by another (see the proof in docs/scaling.md)."""
        added = self.added - self.removed
        if added:
            return False
        quads = graph.quad_set
        return all(q in quads for q in self.removed - self.added)


def _spans(mapping: FileMapping) -> dict[str, list[Quad]] | None:
    """Each record's quads by id (None when an id repeats)."""
    found: dict[str, list[Quad]] = {}
    start = 0
    for rid, end in zip(mapping.ids, mapping.quad_ends, strict=True):
        found[rid] = mapping.quads[start:end]
        start = end
    return found if len(found) == len(mapping.ids) else None


class BuildCache:
    """The cache folder of incremental builds: per output folder, a state file (what the
    release was made from) and a files file (what each record file was mapped to)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.warnings: list[str] = []
        """What went wrong reading the cache (each made the build a cold one)."""

    def _path(self, out: Path, suffix: str = "pickle") -> Path:
        key = hashlib.sha256(str(out.absolute()).encode("utf-8")).hexdigest()[:16]
        return self.folder / "build" / f"{key}.{suffix}"

    def _read(self, path: Path) -> Any:
        """The object pickled in ``path``; None when there is none, or (with a warning) when
        it cannot be read: a corrupt cache makes a cold build, never a wrong release.

        Read with the garbage collector paused: unpickling makes hundreds of thousands of
        acyclic tuples, and each collection it set off would walk the whole graph built so far
        (the block indexes, 5 MB, cost 0.3 s of CPU at 23,150 records with collections on,
        0.03 s without)."""
        with gc_paused():
            return self._unpickle(path)

    def _unpickle(self, path: Path) -> Any:
        """:meth:`_read` without the pause, for a caller that reads several files in one
        (``gc_paused`` counts the frozen objects on entry: paused again inside a pause, it
        walks every object alive, 10 ms and more per file in a rebuild)."""
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, *_CORRUPT) as exc:
            self.warnings.append(
                f"{path}: the incremental-build cache cannot be read ({type(exc).__name__}: "
                f"{exc}); building from scratch"
            )
            return None

    def load(self, out: Path) -> BuildState | None:
        state = self._read(self._path(out))
        if not isinstance(state, BuildState) or state.version != STATE_VERSION:
            return None
        return state

    def _files_folder(self, out: Path) -> Path:
        return self._path(out, "files")

    def load_files(self, out: Path, context: str) -> FilesState | None:
        state = self._read(self._files_folder(out) / "index.pickle")
        if not isinstance(state, FilesState) or state.version != FILES_VERSION:
            return None
        return state if state.context == context else None

    def load_mapping(self, out: Path, entry: FileEntry) -> FileMapping | None:
        """The quads and origins of one file's entry, its chunks joined (None, with a
        warning, if one is unreadable or not of the records the entry names)."""
        records = len(entry.ids)
        if len(entry.chunks) != _chunk_count(records):
            return None
        quads: list[Quad] = []
        quad_ends: list[int] = []
        origins: list[tuple[str, str]] = []
        origin_ends: list[int] = []
        digests: list[bytes] = []
        folder = self._files_folder(out)
        with gc_paused():  # one pause for all the chunks (see _unpickle)
            blobs = [self._unpickle(folder / f"{name}.pickle") for name in entry.chunks]
        for k, (name, found) in enumerate(zip(entry.chunks, blobs, strict=True)):
            if not isinstance(found, tuple) or len(found) != 1:
                if found is not None:
                    self.warnings.append(f"{name}: a cache entry of another shape; mapped again")
                return None
            (made,) = found
            if not isinstance(made, tuple) or len(made) != 5:
                return None
            size = min(CHUNK_RECORDS, records - k * CHUNK_RECORDS)
            c_quads, c_quad_ends, c_origins, c_origin_ends, c_digests = made
            if any(len(part) != size for part in (c_quad_ends, c_origin_ends, c_digests)):
                return None
            if size and (c_quad_ends[-1] != len(c_quads) or c_origin_ends[-1] != len(c_origins)):
                return None
            q0, o0 = len(quads), len(origins)
            quads.extend(c_quads)
            quad_ends.extend([end + q0 for end in c_quad_ends] if q0 else c_quad_ends)
            origins.extend(c_origins)
            origin_ends.extend([end + o0 for end in c_origin_ends] if o0 else c_origin_ends)
            digests.extend(c_digests)
        return FileMapping(
            entry.ids, quads, quad_ends, origins, origin_ends, entry.reads, entry.read_ends,
            digests,
        )  # fmt: skip

    def save(self, out: Path, state: BuildState) -> None:
        """Keep ``state`` for the next build; a cache that cannot be written (a read-only data
        folder, a full disk) only makes the next build a full one, so it is not an error."""
        path = self._path(out)
        try:
            sweep(path.parent)  # a state file half written by a killed build
            write_atomic(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)  # a stale state must not claim the new release

    def save_files(self, out: Path, state: FilesState, new: Mapping[str, _Chunk]) -> None:
        """Write the chunks of the files mapped again whose content changed (``new``, by
        chunk name), then the index that names them, then delete the chunks no longer named.
        Each step is atomic and the index only names chunks already written, so a build
        killed at any point leaves a cache the next build can use (or a stray chunk file,
        deleted then)."""
        folder = self._files_folder(out)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sweep(folder)
            for name, made in new.items():
                blob = pickle.dumps((made,), protocol=pickle.HIGHEST_PROTOCOL)
                write_atomic(folder / f"{name}.pickle", blob)
            index = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(folder / "index.pickle", index)
            named = {f"{name}.pickle" for entry in state.files.values() for name in entry.chunks}
            kept = {"index.pickle", _VALIDATION, _BLOCKS}
            for path in folder.glob("*.pickle"):
                if path.name not in kept and path.name not in named:
                    path.unlink(missing_ok=True)
        except OSError:
            with contextlib.suppress(OSError):
                (folder / "index.pickle").unlink(missing_ok=True)

    def load_validation(
        self, out: Path, context: str, manifest: str | None
    ) -> tuple[dict[str, list[Result]], SparqlSolutions | None] | None:
        """The results per top-level shape of the validation of the release whose manifest
        has the SHA-256 ``manifest``, and its SPARQL solutions by query and focus node (None
        when there are none for it)."""
        found = self._load_for(out, _VALIDATION, VALIDATION_VERSION, context, manifest)
        if found is None or not isinstance(found.get("results"), dict):
            return None
        sparql = found.get("sparql")
        return found["results"], sparql if isinstance(sparql, dict) else None

    def save_validation(
        self,
        out: Path,
        context: str,
        manifest: str,
        by_shape: Mapping[str, Sequence[Result]] | None,
        sparql: SparqlSolutions | None = None,
    ) -> None:
        """Keep the validation results of the release whose manifest is ``manifest``, and
        its SPARQL solutions (with None, forget any: the next build validates whole)."""
        made = None
        if by_shape is not None:
            made = {"results": dict(by_shape), "sparql": None if sparql is None else dict(sparql)}
        self._save_for(out, _VALIDATION, VALIDATION_VERSION, context, manifest, made)

    def load_blocks(
        self, out: Path, context: str, manifest: str | None
    ) -> dict[str, object] | None:
        """Where each subject's block lies in the pretty files of the release whose manifest
        has the SHA-256 ``manifest`` (:mod:`kwpld.formats.blocks`)."""
        found: dict[str, object] | None
        found = self._load_for(out, _BLOCKS, BLOCKS_VERSION, context, manifest)
        return found

    def save_blocks(
        self, out: Path, context: str, manifest: str, blocks: Mapping[str, object] | None
    ) -> None:
        made = dict(blocks) if blocks else None
        self._save_for(out, _BLOCKS, BLOCKS_VERSION, context, manifest, made)

    def _load_for(
        self, out: Path, name: str, version: int, context: str, manifest: str | None
    ) -> Any:
        """A dict kept for the release whose manifest has the SHA-256 ``manifest``."""
        found = self._read(self._files_folder(out) / name)
        if not isinstance(found, tuple) or len(found) != 4 or found[0] != version:
            return None
        _, made_in, made_for, value = found
        if made_in != context or made_for is None or made_for != manifest:
            return None
        return value if isinstance(value, dict) else None

    def _save_for(
        self, out: Path, name: str, version: int, context: str, manifest: str, value: object
    ) -> None:
        """Keep ``value`` for the release whose manifest is ``manifest`` (None: forget it)."""
        path = self._files_folder(out) / name
        try:
            if value is None:
                path.unlink(missing_ok=True)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            made = (version, context, manifest, value)
            write_atomic(path, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def forget(self, out: Path) -> None:
        self._path(out).unlink(missing_ok=True)
        (self._files_folder(out) / "index.pickle").unlink(missing_ok=True)


_STATS = "."
"""The key of the release's files' stats in the block indexes kept for it."""

_RACY_NS = 200_000_000
"""How much older than its recording a file's change time must be for the record to tell a
later change from it: file times come from a coarse clock (a few milliseconds), so a file
changed in the same tick as it was recorded could keep its time (git's "racy" files)."""


@dataclass(frozen=True)
class ReleaseStats:
    """Size, inode, modification and change time of each file of a release (by path), as
    they were when the build that wrote it had finished, and when that was (``recorded``,
    nanoseconds since the epoch)."""

    recorded: int
    files: dict[str, tuple[int, int, int, int]]


def _stat(path: Path) -> tuple[int, int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_size, found.st_ino, found.st_mtime_ns, found.st_ctime_ns)


def release_stats(out: Path, paths: Iterable[str]) -> ReleaseStats:
    """The stats of a release's files, just written (:func:`untouched_files` checks them)."""
    recorded = time.time_ns()
    files = {}
    for path in paths:
        found = _stat(out / path)
        if found is not None:
            files[path] = found
    return ReleaseStats(recorded, files)


def untouched_files(out: Path, stats: object) -> frozenset[str]:
    """The files of the release in ``out`` whose size, inode and times are those recorded
    (``stats``, a :class:`ReleaseStats`), with a change time older than the recording by more
    than the clock's tick: any write or ``touch`` since would have moved the change time
    (which no program can set back), so their bytes are those the build wrote and its
    manifest lists. Checking a file's SHA-256 costs reading it; this costs one ``stat``."""
    if not isinstance(stats, ReleaseStats):
        return frozenset()
    found = set()
    for path, recorded in stats.files.items():
        if recorded[3] < stats.recorded - _RACY_NS and _stat(out / path) == recorded:
            found.add(path)
    return frozenset(found)


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
        self.digests = file_digests(self.input_files(), data_dir)
        self.inputs = _digest_of(self.digests)
        self.options = options_digest(options)
        self.extra: str | None = None
        self.files: FilesState | None = None
        self.reused: dict[str, FileMapping] = {}
        self.edited: set[str] = set()
        """The files of :attr:`reused` whose bytes changed since they were mapped."""
        self.mappings: dict[str, FileMapping] | None = None
        self.remapped: dict[str, int] | None = None
        """Records mapped again by this build, per file (None: no mapping yet)."""
        self._changes: tuple[Changes | None] | None = None
        self._intact: bool | None = None
        self.validation: Mapping[str, Sequence[Result]] | None = None
        self.sparql: SparqlSolutions | None = None
        """This build's SPARQL solutions by query and focus node, saved with its results."""
        """This build's validation results per top-level shape, saved for the next one."""
        self.blocks: Mapping[str, object] | None = None
        """Where each subject's block lies in this build's pretty files, saved for the next."""

    @property
    def warnings(self) -> list[str]:
        return self.cache.warnings

    def context(self) -> str:
        """What a file's mapping depends on beside its bytes and the facts it read."""
        from .load import DATASET_FILE

        dataset = self.digests.get(DATASET_FILE, "")
        return hashlib.sha256(f"{self.options} {code_digest()} {dataset}".encode()).hexdigest()

    def reusable_mappings(self) -> dict[str, FileMapping]:
        """The last build's mapping of each record file still there; :attr:`edited` names
        those whose bytes changed since (:func:`~kwpld.mapping.map_files` maps again the
        records of a file that read a changed fact and, of an edited file, those whose loaded
        content changed)."""
        self.files = self.cache.load_files(self.out, self.context()) or FilesState(self.context())
        reusable: dict[str, FileMapping] = {}
        for label, entry in self.files.files.items():
            sha256 = self.digests.get(label)
            if sha256 is None:
                continue
            mapping = self.cache.load_mapping(self.out, entry)
            if mapping is not None:
                reusable[label] = mapping
                if sha256 != entry.sha256:
                    self.edited.add(label)
        self.reused = reusable
        return dict(reusable)

    def mapped(
        self, mappings: dict[str, FileMapping], remapped: dict[str, int], extra: Iterable[Quad]
    ) -> None:
        """Keep this build's mappings, to save with the release they went into, and the quads
        the graph has beside them (``extra``: made from the records as a whole)."""
        self.mappings = mappings
        self.remapped = remapped
        self.extra = quads_digest(extra)

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
        """The release in place is as the state says it was written (found once per build:
        nothing changes it until this build replaces it)."""
        if self._intact is None:
            self._intact = self.state is not None and release_intact(
                self.out, self.state.manifest_sha256
            )
        return self._intact

    def changes(self) -> Changes | None:
        """How this build's mappings differ from those of the release in place; None when that
        cannot be known (no state, another release, an old mapping that cannot be read)."""
        if self._changes is None:
            self._changes = (self._find_changes(),)
        return self._changes[0]

    def _find_changes(self) -> Changes | None:
        state, files, mappings = self.state, self.files, self.mappings
        if state is None or files is None or mappings is None or self.extra is None:
            return None
        if files.manifest_sha256 is None or files.manifest_sha256 != state.manifest_sha256:
            return None
        changes = Changes()
        for label in sorted(files.files.keys() | mappings.keys()):
            new = mappings.get(label)
            old = self.reused.get(label)
            if new is not None and new is old:
                continue  # taken whole
            if old is None and label in files.files:
                old = self.cache.load_mapping(self.out, files.files[label])
                if old is None:
                    return None
            changes.between(old, new)
        return changes

    def graph_unchanged(self, graph: KnowledgeGraph) -> bool:
        """The graph is the one the intact release was written from."""
        known = self._known_changes()
        return known is not None and known[1].leave_graph_alone(graph)

    def _known_changes(self) -> tuple[BuildState, Changes] | None:
        """The state of the release in place and the triples changed since it was built, when
        both are known: same options and extra inputs, the release intact, the change found."""
        state = self.state
        if state is None or self.extra is None or self.extra != state.extra:
            return None
        if state.options != self.options or not self.release_intact():
            return None
        changes = self.changes()
        return None if changes is None else (state, changes)

    def previous_validation(self) -> Previous | None:
        """The last validation's results and the triples changed since, when the graph they
        were found in is the one of the release in place and its change is known (the
        Wikidata graphs, made from every record, are not in :class:`Changes`: when they
        changed, None, and the graph is validated whole)."""
        known = self._known_changes()
        if known is None:
            return None
        state, changes = known
        found = self.cache.load_validation(self.out, self.context(), state.manifest_sha256)
        if found is None:
            return None
        results, sparql = found
        return Previous(results, [q[:3] for q in changes.removed | changes.added], sparql)

    def previous_release(self) -> PreviousRelease | None:
        """The release in place and every subject whose triples may have changed since it was
        written, when that is known (as for :meth:`previous_validation`): the writers splice
        what they can of its files (:mod:`kwpld.publish.splice`)."""
        known = self._known_changes()
        if known is None:
            return None
        state, changes = known
        try:
            files = read_manifest(self.out).files
        except KwpldError:
            return None
        changed = changes.removed | changes.added
        subjects = frozenset(q[0] for q in changed)
        pairs = frozenset((q[3], q[0]) for q in changed)
        blocks = self.cache.load_blocks(self.out, self.context(), state.manifest_sha256) or {}
        sha256 = {f.path: f.sha256 for f in files}
        untouched = untouched_files(self.out, blocks.get(_STATS))
        return PreviousRelease(self.out, subjects, sha256, pairs, blocks, untouched)

    def save(self) -> None:
        """Remember what the release in ``out`` (written or kept) was made from."""
        manifest = _sha256_file(self.out / MANIFEST)
        state = BuildState(
            inputs=self.inputs,
            options=self.options,
            extra=self.extra or "",
            manifest_sha256=manifest,
        )
        if self.mappings is not None and self.remapped is not None:
            self.save_files(self.mappings, self.remapped, manifest)
        self.cache.save_validation(
            self.out, self.context(), manifest, self.validation, self.sparql
        )
        if self.blocks is not None:  # else the release stands, and so do its indexes
            blocks = dict(self.blocks)
            try:
                paths = [f.path for f in read_manifest(self.out).files]
            except KwpldError:
                paths = []
            blocks[_STATS] = release_stats(self.out, paths)
            self.cache.save_blocks(self.out, self.context(), manifest, blocks)
        self.cache.save(self.out, state)

    def save_files(
        self, mappings: dict[str, FileMapping], remapped: dict[str, int], manifest: str
    ) -> None:
        context = self.context()
        old = self.files.files if self.files is not None else {}
        index = FilesState(context, manifest_sha256=manifest)
        new: dict[str, _Chunk] = {}
        for label, mapping in mappings.items():
            sha = self.digests.get(label)
            if sha is None:
                continue
            entry = old.get(label)
            if label in remapped or entry is None or entry.sha256 != sha:
                chunks = []
                before = self.reused.get(label)
                for k in range(_chunk_count(len(mapping.ids))):
                    made = _chunk(mapping, k)
                    # a chunk the same as the release in place's (read from its file) stands
                    if (
                        before is not None
                        and entry is not None
                        and k < len(entry.chunks)
                        and made == _chunk(before, k)
                    ):
                        chunks.append(entry.chunks[k])
                        continue
                    # a new name each time: an index still naming an older chunk (a build
                    # killed before its index was written) never meets other quads under it
                    name = uuid.uuid4().hex
                    new[name] = made
                    chunks.append(name)
                entry = FileEntry(sha, mapping.ids, mapping.reads, mapping.read_ends, chunks)
            index.files[label] = entry
        self.cache.save_files(self.out, index, new)
