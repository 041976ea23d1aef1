"""Read a release's named graphs back, one graph at a time, as sorted N-Triples lines.

A release keeps each named graph in ``graphs/``: a graph with a file of its own as N-Triples
(``graphs/records.nt``), the per-source graphs together as N-Quads sorted by graph
(``graphs/sources.nq``, or its gzipped or split parts). The manifest says which files hold which
graph. :class:`GraphReader` gives every graph's lines the same way, streamed: the N-Quads are
read once, front to back, so graphs must be asked for in the order of their terms
(``<iri>``), which is the manifest's order. Releases of layout 1 (one file per graph) read
the same way.

Line order equals term order in both formats (a term is never followed by a character below
the space that separates it from the next), so each graph's lines come out sorted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .lines import read_lines
from .manifest import GraphEntry, Manifest

__all__ = ["GraphReader", "graph_order"]


def graph_order(iri: str) -> str:
    """Sort key of a graph IRI: its N-Triples term, the order of graphs in a release."""
    return f"<{iri}>"


class GraphReader:
    """The named graphs of one release (its folder and manifest)."""

    def __init__(self, folder: Path, manifest: Manifest) -> None:
        self.folder = folder
        self.entries: dict[str, GraphEntry] = {e.iri: e for e in manifest.graphs}
        quad_files: list[str] = []
        for entry in manifest.graphs:
            for name in entry.files:
                if _is_nquads(name) and name not in quad_files:
                    quad_files.append(name)
        self._quads = _peekable(read_lines(folder / name for name in quad_files))
        self._last: str | None = None

    def graphs(self) -> list[str]:
        """Graph IRIs in the release's order (the order :meth:`lines` wants them in)."""
        return sorted(self.entries, key=graph_order)

    def triples(self, iri: str) -> int:
        entry = self.entries.get(iri)
        return entry.triples if entry else 0

    def lines(self, iri: str) -> Iterator[bytes]:
        """The N-Triples lines of graph ``iri`` (nothing for a graph the release lacks)."""
        entry = self.entries.get(iri)
        if entry is None:
            return iter(())
        if self._last is not None and graph_order(iri) < graph_order(self._last):
            raise ValueError(f"graphs must be read in order: {iri} after {self._last}")
        self._last = iri
        files = entry.files
        if files and all(_is_nquads(name) for name in files):
            return self._graph_quads(iri)
        if any(_is_nquads(name) for name in files):
            raise InputError(f"{self.folder}: graph {iri} is in both N-Triples and N-Quads files")
        return _whole_lines(read_lines(self.folder / name for name in files))

    def _graph_quads(self, iri: str) -> Iterator[bytes]:
        target = graph_order(iri).encode("utf-8")
        stream = self._quads
        while True:
            line = stream.peek()
            if line is None:
                return
            body, graph = _split_quad(line, self.folder)
            if graph > target:
                return
            stream.next()
            if graph == target:
                yield body + b" .\n"


def _is_nquads(name: str) -> bool:
    return name.removesuffix(".gz").endswith(".nq")


def _split_quad(line: bytes, folder: Path) -> tuple[bytes, bytes]:
    """``s p o <g> .`` -> (``s p o``, ``<g>``)."""
    body = line.rstrip(b"\r\n")
    if body.endswith(b" ."):
        body = body[:-2].rstrip(b" ")
    head, _, graph = body.rpartition(b" ")
    if not head or not graph.startswith(b"<") or not graph.endswith(b">"):
        raise InputError(f"{folder}: a line of the per-source N-Quads names no graph: {line!r}")
    return head, graph


def _whole_lines(lines: Iterator[bytes]) -> Iterator[bytes]:
    for line in lines:
        if line.strip():
            yield line if line.endswith(b"\n") else line + b"\n"


class _peekable:
    def __init__(self, lines: Iterator[bytes]) -> None:
        self._lines = lines
        self._next: bytes | None = None
        self._done = False

    def peek(self) -> bytes | None:
        while self._next is None and not self._done:
            line = next(self._lines, None)
            if line is None:
                self._done = True
            elif line.strip():
                self._next = line
        return self._next

    def next(self) -> None:
        self._next = None
