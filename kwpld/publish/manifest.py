"""A release's ``manifest.json``, as a typed value: written by the release writer, read once.

The manifest lists every file of a release (path, format, media type, compression, size,
SHA-256, triples) and every named graph (IRI, triples, the files that hold it). Whatever reads
a release (the store loader, the diff, the Graph Store publisher, incremental builds) reads it
through :func:`read_manifest`, which checks the layout version and fails with a clear error;
nothing else parses the JSON or spells its file name.

The JSON is written one line per graph and per file, so tens of thousands of entries stay
readable and cost little (13k graphs: 13k lines rather than 92k indented ones).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .lines import WrittenFile

__all__ = [
    "MANIFEST",
    "FORMAT_VERSION",
    "READABLE_VERSIONS",
    "RELEASE_MARKERS",
    "MAIN_FILES",
    "DatasetEntry",
    "GraphEntry",
    "Manifest",
    "ReleaseFile",
    "file_ext",
    "read_manifest",
]

MANIFEST = "manifest.json"
FORMAT_VERSION = 2
"""Version of the release layout and manifest; bumped when either changes incompatibly.

1: one file per named graph under ``graphs/``. 2: the per-source graphs share
``graphs/sources.nq``. kwpld reads both (:data:`READABLE_VERSIONS`)."""
READABLE_VERSIONS = (1, 2)
RELEASE_MARKERS = (MANIFEST, "data.ttl")
"""Files that show a folder is a release kwpld wrote, so replacing it loses nothing else."""

MAIN_FILES: tuple[tuple[str, str, str], ...] = (
    ("n-quads", "data", "nq"),
    ("n-triples", "data", "nt"),
    ("turtle", "data", "ttl"),
    ("trig", "data", "trig"),
    ("json-ld", "data", "jsonld"),
    ("wikidata", "wikidata", "ttl"),
    ("void", "void", "ttl"),
)
"""The files a build reports, by name: (name, stem, extension). A split or gzipped line format
is reported by its first part (``data-00001.nq.gz``); ``manifest`` comes last."""

FORMATS: dict[str, tuple[str, str, str | None]] = {
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


def file_ext(path: str) -> str:
    """The extension that says a file's format, gzip aside: ``data-00001.nq.gz`` -> ``nq``."""
    name = path.removesuffix(".gz")
    return name.rsplit(".", 1)[-1]


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

    @classmethod
    def of(
        cls,
        folder: Path,
        written: WrittenFile,
        *,
        triples: int | None = None,
        graph: str | None = None,
        kind: str | None = None,
    ) -> ReleaseFile:
        """The entry of a file just written under ``folder``; ``kind`` overrides the extension
        as the key of its format (files without one: ``Qleverfile``)."""
        path = written.path
        name = path.name.removesuffix(".gz")
        ext = kind or (name.rsplit(".", 1)[-1] if "." in name else name)
        fmt, media, _ = FORMATS.get(ext, ("data", "application/octet-stream", None))
        return cls(
            path=path.relative_to(folder).as_posix(),
            format=fmt,
            media_type=media,
            size=written.size,
            sha256=written.sha256,
            triples=triples,
            graph=graph,
            compression="application/gzip" if path.name.endswith(".gz") else None,
        )

    @property
    def ext(self) -> str:
        return file_ext(self.path)

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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReleaseFile:
        return cls(
            path=data["path"],
            format=data["format"],
            media_type=data["media_type"],
            size=data["bytes"],
            sha256=data["sha256"],
            triples=data.get("triples"),
            graph=data.get("graph"),
            compression=data.get("compression"),
        )


@dataclass(frozen=True)
class GraphEntry:
    """A named graph of a release: its IRI, its triples and the files (or parts) holding it."""

    iri: str
    triples: int
    files: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"iri": self.iri, "triples": self.triples, "files": list(self.files)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GraphEntry:
        return cls(data["iri"], data["triples"], tuple(data["files"]))


@dataclass(frozen=True)
class DatasetEntry:
    """What the release is of: the dataset's ``kwpld.yaml`` as it was built."""

    id: str
    title: str
    version: str | None
    base_iri: str
    license: str | None = None
    issued: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "base_iri": self.base_iri,
            "license": self.license,
            "issued": self.issued,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DatasetEntry:
        return cls(
            data["id"],
            data["title"],
            data.get("version"),
            data["base_iri"],
            data.get("license"),
            data.get("issued"),
        )


@dataclass(frozen=True)
class Manifest:
    """The contents of ``manifest.json``."""

    generator: str
    dataset: DatasetEntry
    release: str | None
    triples: int
    quads: int
    graphs: tuple[GraphEntry, ...] = ()
    files: tuple[ReleaseFile, ...] = ()
    version: int = FORMAT_VERSION
    """The layout (``kwpld_release``): see :data:`FORMAT_VERSION`."""
    _by_iri: dict[str, GraphEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_iri", {g.iri: g for g in self.graphs})

    def graph(self, iri: str) -> GraphEntry | None:
        """The entry of graph ``iri`` (not a term: no angle brackets), if the release has it."""
        return self._by_iri.get(iri)

    def data_files(self, ext: str) -> list[str]:
        """Paths of the parts of the whole-dataset dump in a line format (``nq`` or ``nt``)."""
        return [f.path for f in self.files if f.path.startswith("data") and f.ext == ext]

    def main_files(self, folder: Path) -> dict[str, Path]:
        """The files a build reports (:data:`MAIN_FILES`), then the manifest, under ``folder``."""
        found: dict[str, Path] = {}
        for name, stem, ext in MAIN_FILES:
            path = next(
                (f.path for f in self.files if f.path.startswith(stem) and f.ext == ext), None
            )
            if path is not None:
                found[name] = folder / path
        found["manifest"] = folder / MANIFEST
        return found

    def intact(self, folder: Path) -> bool:
        """Every listed file is in ``folder`` at its listed size (a cheap check, no hashing)."""
        try:
            return all((folder / f.path).stat().st_size == f.size for f in self.files)
        except OSError:
            return False

    # -- JSON -------------------------------------------------------------------------------------
    def to_json(self) -> str:
        head = {
            "kwpld_release": self.version,
            "generator": self.generator,
            "dataset": self.dataset.to_dict(),
            "release": self.release,
            "triples": self.triples,
            "quads": self.quads,
        }
        graphs = [g.to_dict() for g in self.graphs]
        files = [f.to_dict() for f in sorted(self.files, key=lambda f: f.path)]
        text = json.dumps(head, ensure_ascii=False, indent=2).removesuffix("\n}")
        return f'{text},\n  "graphs": {_json_lines(graphs)},\n  "files": {_json_lines(files)}\n}}\n'

    def write(self, folder: Path) -> Path:
        path = folder / MANIFEST
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Manifest:
        return cls(
            generator=data.get("generator", ""),
            dataset=DatasetEntry.from_dict(data["dataset"]),
            release=data.get("release"),
            triples=data["triples"],
            quads=data["quads"],
            graphs=tuple(GraphEntry.from_dict(g) for g in data["graphs"]),
            files=tuple(ReleaseFile.from_dict(f) for f in data["files"]),
            version=data["kwpld_release"],
        )


def _json_lines(entries: list[dict[str, object]]) -> str:
    if not entries:
        return "[]"
    return "[\n" + ",\n".join(f"    {json.dumps(e, ensure_ascii=False)}" for e in entries) + "\n  ]"


def is_release(folder: Path) -> bool:
    """``folder`` holds a manifest (whether it reads is :func:`read_manifest`'s to say)."""
    return (folder / MANIFEST).is_file()


def read_manifest(folder: str | Path) -> Manifest:
    """The manifest of a release folder; a clear error when the folder is not a release."""
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
    try:
        return Manifest.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: the manifest lacks or garbles {exc}") from None
