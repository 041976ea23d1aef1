"""Write a release folder: every dump, the ontology and shapes, load files, void.ttl, manifest.json.

The writer works from one sorted list of (graph, subject, predicate, object) N-Triples terms:
the build's quads plus the ontology in its own graph. Line formats stream from it; Turtle,
TriG and JSON-LD group it by graph and subject; nothing builds an rdflib graph. Every file is
byte-identical for the same input: sorted output, stable prefixes, gzip without names or
times, and no timestamp unless the user passes one (``ReleaseOptions.issued``).

Layout (see docs/publishing.md)::

    data.ttl data.trig data.nt data.nq data.jsonld  the dataset (line formats: split, gzip)
    graphs/<name>.nt + <file>.graph                  one N-Triples file per named graph
    framed/<kind>.jsonld                             one JSON tree per entity, by kind
    ontology/ shapes/                                kwp.ttl, vocabularies.ttl, context, SHACL
    update/insert-NNNNN.ru                           SPARQL 1.1 Update INSERT DATA, in chunks
    load/                                            Virtuoso, Jena, Oxigraph, GraphDB, QLever
    void.ttl manifest.json                           description and checksums
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from .. import __version__
from ..formats.turtle import write_trig, write_turtle
from ..graph import GraphNames, KnowledgeGraph
from ..model import DatasetInfo, Records
from ..resources import resource_path
from .jsonld import FRAMED_KINDS, JsonLdContext, write_dataset_jsonld, write_framed_jsonld
from .lines import LineOptions, LineSink, nquad_lines, ntriple_lines, write_lines
from .void import Distribution, void_quads, write_void

__all__ = [
    "ReleaseOptions",
    "ReleaseFile",
    "Release",
    "write_release",
    "release_quads",
    "graph_file_stem",
    "MANIFEST",
    "FORMAT_VERSION",
]

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
"""Version of the release layout and manifest; bumped when either changes incompatibly."""

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
    """Seconds per step (sort, lines, graphs, turtle, trig, jsonld, framed, ...), for benchmarks."""


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


def release_quads(graph: KnowledgeGraph) -> list[tuple[str, str, str, str]]:
    """The release's quads as (g, s, p, o), sorted: the build's plus the ontology graph."""
    ontology = f"<{graph.graph_names.ontology}>"
    # The build's quads are a set already; the ontology graph is the release's own, so a
    # list (not another set) is enough before the one sort.
    rows = [(g, s, p, o) for s, p, o, g in graph._quads]
    rows.extend((ontology, s, p, o) for s, p, o in _ontology_triples())
    # Sorting by one joined string is about twice as fast as comparing tuples, and gives the
    # same order: "\x00" sorts below every character a term can hold (N-Triples escapes it).
    rows.sort(key="\x00".join)
    return _unique(rows)


def _unique(rows: list) -> list:  # noqa: ANN001
    """Drop adjacent duplicates of a sorted list (in place when there are none)."""
    if all(rows[i] != rows[i - 1] for i in range(1, len(rows))):
        return rows
    return [row for i, row in enumerate(rows) if i == 0 or row != rows[i - 1]]


def union_triples(quads: Sequence[tuple[str, str, str, str]]) -> list[tuple[str, str, str]]:
    """Distinct (s, p, o) of all graphs, sorted.

    The quads are sorted by graph, so each graph is already a sorted run of triples: the sort
    only merges runs (Timsort), which is much cheaper than sorting a set's random order.
    """
    triples = [(s, p, o) for _, s, p, o in quads]
    triples.sort()
    return _unique(triples)


_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def graph_file_stem(graph: str, names: GraphNames) -> str:
    """Path of a graph's N-Triples file under ``graphs/``, without extension.

    ``{base}graph/records`` -> ``records``; ``{base}graph/source/ID`` -> ``source/ID``; any other
    graph IRI -> ``other/<hash>``, so every file name is safe and unique.
    """
    value = graph[1:-1] if graph.startswith("<") else graph
    prefix = f"{names.base_iri}graph/"
    if value.startswith(prefix):
        segments = value[len(prefix) :].split("/")
        if all(_SAFE_SEGMENT.match(s) for s in segments) and segments[0] != "other":
            return "/".join(segments)
    return "other/" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def header_text(info: DatasetInfo, version: str | None) -> str:
    lines = [info.title, f"Generated by kwpld {__version__} from the records of '{info.id}'."]
    if version:
        lines.append(f"Dataset version {version}.")
    if info.license:
        lines.append(f"License: {info.license}")
    return "\n".join(lines)


class _Writer:
    def __init__(self, folder: Path, options: ReleaseOptions) -> None:
        self.folder = folder
        self.options = options
        self.files: list[ReleaseFile] = []

    def record(
        self,
        path: Path,
        *,
        triples: int | None = None,
        graph: str | None = None,
        kind: str | None = None,
    ) -> ReleaseFile:
        relative = path.relative_to(self.folder).as_posix()
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        ext = kind or (name.rsplit(".", 1)[-1] if "." in name else name)
        fmt, media, _ = _FORMATS.get(ext, ("data", "application/octet-stream", None))
        entry = ReleaseFile(
            path=relative,
            format=fmt,
            media_type=media,
            size=path.stat().st_size,
            sha256=_sha256(path),
            triples=triples,
            graph=graph,
            compression="application/gzip" if path.name.endswith(".gz") else None,
        )
        self.files.append(entry)
        return entry

    def text(self, relative: str, content: str, *, executable: bool = False) -> Path:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
        if executable:
            path.chmod(0o755)
        return path


def write_release(
    records: Records,
    graph: KnowledgeGraph,
    folder: str | Path,
    options: ReleaseOptions | None = None,
) -> Release:
    """Write every file of a release into ``folder`` (which must exist and be empty)."""
    options = options or ReleaseOptions()
    folder = Path(folder)
    info = records.info
    version = options.name or info.version
    names = graph.graph_names
    clock = _Clock()
    quads = release_quads(graph)
    triples = union_triples(quads)
    graph_counts = {g: stop - start for g, start, stop in _graph_groups(quads)}
    writer = _Writer(folder, options)
    release = Release(folder, triples=len(triples), quads=len(quads), graphs=graph_counts)
    release.timings = clock.timings
    clock.lap("sort")
    header = header_text(info, version)

    # Line formats, streamed.
    for path, count in write_lines(
        LineSink(folder, "data", "nq", options.lines), nquad_lines(quads)
    ):
        writer.record(path, triples=count)
    release.main["n-quads"] = folder / writer.files[0].path
    start = len(writer.files)
    for path, count in write_lines(
        LineSink(folder, "data", "nt", options.lines), ntriple_lines(triples)
    ):
        writer.record(path, triples=count)
    release.main["n-triples"] = folder / writer.files[start].path
    graph_files = _write_graph_files(writer, quads, names, options)

    clock.lap("lines")

    # Pretty formats.
    path = folder / "data.ttl"
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_turtle(triples, out, graph.prefixes, header=header)
    writer.record(path, triples=len(triples))
    release.main["turtle"] = path
    path = folder / "data.trig"
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_trig(((s, p, o, g) for g, s, p, o in quads), out, graph.prefixes, header=header)
    writer.record(path, triples=len(quads))
    release.main["trig"] = path

    # Wikidata-shaped statements alone, for queries written against WDQS (kwpld.wikidata).
    from ..wikidata.rdf import WIKIDATA_GRAPH, write_wikidata_turtle

    for name, path in write_wikidata_turtle(graph, folder).items():
        count = graph_counts.get(f"<{graph.base_iri}{WIKIDATA_GRAPH}>")
        writer.record(path, triples=count)
        release.main[name] = path

    clock.lap("pretty")

    # JSON-LD: the dataset, compacted, and framed views per kind.
    context = JsonLdContext.load()
    path = folder / "data.jsonld"
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_dataset_jsonld(quads, out, context, graph.base_iri)
    writer.record(path, triples=len(quads))
    release.main["json-ld"] = path
    for _, (path, _, count) in write_framed_jsonld(
        triples, folder / "framed", context, graph.base_iri
    ).items():
        writer.record(path, triples=count)

    clock.lap("jsonld")

    # The ontology, vocabularies, context and shapes, as shipped.
    ontology_count = graph_counts.get(f"<{names.ontology}>", 0)
    vocab_count = graph_counts.get(f"<{names.vocabularies}>", 0)
    for relative, count in (
        ("ontology/kwp.ttl", ontology_count),
        ("ontology/vocabularies.ttl", vocab_count),
        ("ontology/context.jsonld", None),
    ):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource_path(relative), target)
        writer.record(target, triples=count)
    for source in _shape_files():
        target = folder / "shapes" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        writer.record(
            target, triples=sum(1 for _ in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE))
        )

    clock.lap("copies")

    # SPARQL Update and loader scripts.
    update_count = 0
    for path, count in _write_updates(folder / "update", quads, options.update_chunk):
        writer.record(path, triples=count)
        update_count += 1
    _write_loaders(writer, info, graph_files, update_count, len(triples), options)

    clock.lap("updates")

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
        for f in writer.files
        if f.path.startswith(("data", "graphs/", "framed/", "ontology/", "shapes/"))
        and not f.path.endswith(".graph")
    ]
    void = void_quads(
        info,
        graph.base_iri,
        triples,
        graph_counts,
        distributions,
        _examples(triples, graph.base_iri),
        version=version,
        issued=options.issued,
        download_url=options.download_url,
    )
    path = folder / "void.ttl"
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_void(void, out, graph.prefixes, header)
    writer.record(path, triples=len(void))
    release.main["void"] = path
    release.files = writer.files
    clock.lap("void")
    path = folder / MANIFEST
    path.write_text(
        _manifest(info, graph, release, version, options, graph_files), encoding="utf-8"
    )
    release.main["manifest"] = path
    clock.lap("manifest")
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


def _examples(triples: Sequence[tuple[str, str, str]], base_iri: str) -> list[str]:
    """The first entity of each kind, for void:exampleResource."""
    from ..namespaces import ENTITY_PATHS

    found = []
    for kind in FRAMED_KINDS:
        prefix = f"<{base_iri}{ENTITY_PATHS[kind]}"
        for s, _, _ in triples:
            if s.startswith(prefix):
                found.append(s)
                break
    return found


def _graph_groups(quads: Sequence[tuple[str, str, str, str]]) -> Iterator[tuple[str, int, int]]:
    """(graph, start, stop) of each graph's run in the sorted quads, found by bisection."""
    start = 0
    total = len(quads)
    while start < total:
        g = quads[start][0]
        stop = bisect.bisect_left(quads, (g + "\x00",), start, total)
        yield g, start, stop
        start = stop


@dataclass(frozen=True)
class GraphFiles:
    graph: str
    stem: str
    parts: tuple[str, ...]
    triples: int


def _write_graph_files(
    writer: _Writer,
    quads: Sequence[tuple[str, str, str, str]],
    names: GraphNames,
    options: ReleaseOptions,
) -> list[GraphFiles]:
    """graphs/<stem>.nt per named graph, each part with a Virtuoso ``.graph`` file."""
    result = []
    for g, start, stop in _graph_groups(quads):
        stem = graph_file_stem(g, names)
        sink = LineSink(writer.folder / "graphs", stem, "nt", options.lines)
        lines = (f"{s} {p} {o} .\n" for _, s, p, o in _slice(quads, start, stop))
        parts = []
        for path, count in write_lines(sink, lines):
            writer.record(path, triples=count, graph=g[1:-1])
            # Virtuoso names the graph file after the uncompressed file: x.nt.gz -> x.nt.graph
            marker = path.with_name(path.name.removesuffix(".gz") + ".graph")
            marker.write_text(g[1:-1] + "\n", encoding="utf-8")
            writer.record(marker, graph=g[1:-1], kind="graph")
            parts.append(path.relative_to(writer.folder).as_posix())
        result.append(GraphFiles(g[1:-1], stem, tuple(parts), stop - start))
    return result


def _slice(rows: Sequence, start: int, stop: int) -> Iterator:  # noqa: ANN001
    for i in range(start, stop):
        yield rows[i]


def _write_updates(
    folder: Path, quads: Sequence[tuple[str, str, str, str]], chunk: int
) -> Iterator[tuple[Path, int]]:
    """INSERT DATA requests of at most ``chunk`` triples (and about 1 MB) each."""
    folder.mkdir(parents=True, exist_ok=True)
    number = 0
    for g, start, stop in _graph_groups(quads):
        index = start
        while index < stop:
            lines = []
            size = 0
            end = index
            while end < stop and end - index < chunk and size < UPDATE_CHUNK_BYTES:
                _, s, p, o = quads[end]
                line = f"    {s} {p} {o} .\n"
                lines.append(line)
                size += len(line)
                end += 1
            number += 1
            path = folder / f"insert-{number:05d}.ru"
            body = "".join(lines)
            path.write_text(
                f"INSERT DATA {{\n  GRAPH {g} {{\n{body}  }}\n}}\n", encoding="utf-8", newline="\n"
            )
            yield path, end - index
            index = end


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
    writer: _Writer,
    info: DatasetInfo,
    graph_files: list[GraphFiles],
    update_count: int,
    triples: int,
    options: ReleaseOptions,
) -> None:
    nquads = " ".join(
        f.path for f in writer.files if f.path.startswith("data") and _ext(f.path) == "nq"
    )
    ext = ".nt.gz" if options.gzip else ".nt"
    pattern = f"*{ext}"
    clear = "\n".join(f"SPARQL CLEAR GRAPH <{g.graph}>;" for g in graph_files)
    puts = "\n".join(
        f"put {quote(g.graph, safe='')} " + " ".join(_sh_quote(p) for p in g.parts)
        for g in graph_files
    )
    multi = [
        {"cmd": "zcat -f " + " ".join(f"../{p}" for p in g.parts), "format": "nt", "graph": g.graph}
        for g in graph_files
    ]
    values = {
        "dataset_id": info.id,
        "title": info.title.replace("\n", " "),
        "triples": str(triples),
        "quads": str(sum(g.triples for g in graph_files)),
        "file_count": str(sum(len(g.parts) for g in graph_files)),
        "graph_count": str(len(graph_files)),
        "nquads_files": nquads,
        "pattern": pattern,
        "clear_graphs": clear,
        "puts": puts,
        "chunk": str(options.update_chunk),
        "update_count": str(update_count),
        "multi_input": json.dumps(multi, ensure_ascii=False),
    }
    for name in (
        "virtuoso.sh",
        "jena-tdb2.sh",
        "fuseki-upload.sh",
        "oxigraph.sh",
        "graphdb.sh",
        "sparql-update.sh",
    ):
        path = writer.text(f"load/{name}", _render(name, values), executable=True)
        writer.record(path)
    path = writer.text("load/Qleverfile", _render("Qleverfile", values))
    writer.record(path, kind="Qleverfile")


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
        "graphs": [
            {"iri": g.graph, "triples": g.triples, "files": list(g.parts)} for g in graph_files
        ],
        "files": [f.to_dict() for f in sorted(release.files, key=lambda f: f.path)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
    if not isinstance(data, dict) or data.get("kwpld_release") != FORMAT_VERSION:
        raise InputError(
            f"{path}: not a release manifest this kwpld reads (kwpld_release {FORMAT_VERSION})"
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
