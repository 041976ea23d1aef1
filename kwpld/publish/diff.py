"""Compare two releases graph by graph, and write the SPARQL Update that turns one into the other.

Each release keeps its named graphs under ``graphs/``, sorted: one N-Triples file per graph,
and the per-source graphs together in N-Quads sorted by graph (:mod:`kwpld.publish.graphs`
reads both as each graph's sorted N-Triples lines). So the diff is a merge of two sorted
streams per graph, taking the graphs in the releases' own order: memory does not grow with the
size of the releases.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .graphs import GraphReader, graph_order
from .manifest import read_manifest
from .updates import UPDATE_CHUNK

__all__ = ["GraphChange", "DiffResult", "diff_releases"]


@dataclass
class GraphChange:
    graph: str
    added: int = 0
    removed: int = 0
    old: int = 0
    new: int = 0


@dataclass
class DiffResult:
    graphs: list[GraphChange]

    @property
    def added(self) -> int:
        return sum(g.added for g in self.graphs)

    @property
    def removed(self) -> int:
        return sum(g.removed for g in self.graphs)

    @property
    def changed(self) -> list[GraphChange]:
        return [g for g in self.graphs if g.added or g.removed]


def _merge(old: Iterator[bytes], new: Iterator[bytes]) -> Iterator[tuple[str, bytes]]:
    """('-', line) for lines only in old, ('+', line) only in new; both inputs sorted."""
    a = next(old, None)
    b = next(new, None)
    while a is not None or b is not None:
        if a is not None and (b is None or a < b):
            yield "-", a
            a = next(old, None)
        elif b is not None and (a is None or b < a):
            yield "+", b
            b = next(new, None)
        else:
            a = next(old, None)
            b = next(new, None)


class _PatchWriter:
    """SPARQL 1.1 Update operations of at most ``chunk`` triples, separated by ';' lines."""

    def __init__(self, out: TextIO | None, chunk: int) -> None:
        self.out = out
        self.chunk = chunk
        self.operations = 0
        self.pending: dict[str, list[str]] = {"-": [], "+": []}
        self.graph = ""

    def start(self, graph: str) -> None:
        self.flush()
        self.graph = graph

    def add(self, sign: str, line: bytes) -> None:
        if self.out is None:
            return
        lines = self.pending[sign]
        lines.append(line.decode("utf-8"))
        if len(lines) >= self.chunk:
            self._emit(sign)

    def _emit(self, sign: str) -> None:
        assert self.out is not None
        lines = self.pending[sign]
        if not lines:
            return
        if self.operations:
            self.out.write(";\n")
        verb = "DELETE DATA" if sign == "-" else "INSERT DATA"
        body = "".join(f"    {line}" for line in lines)
        self.out.write(f"{verb} {{\n  GRAPH <{self.graph}> {{\n{body}  }}\n}}\n")
        self.operations += 1
        self.pending[sign] = []

    def flush(self) -> None:
        if self.out is not None:
            self._emit("-")
            self._emit("+")


def diff_releases(
    old: str | Path,
    new: str | Path,
    patch: TextIO | None = None,
    *,
    chunk: int = UPDATE_CHUNK,
) -> DiffResult:
    """Triples added and removed per graph; with ``patch``, write the SPARQL Update there.

    The patch deletes what only the old release has and inserts what only the new one has,
    in requests of at most ``chunk`` triples; applied to a store that holds exactly the old
    release, it leaves exactly the new one.
    """
    old_graphs = GraphReader(Path(old), read_manifest(old))
    new_graphs = GraphReader(Path(new), read_manifest(new))
    writer = _PatchWriter(patch, chunk)
    if patch is not None:
        patch.write(f"# kwpld patch: {Path(old).name} -> {Path(new).name}\n")
    changes = []
    for graph in sorted(set(old_graphs.entries) | set(new_graphs.entries), key=graph_order):
        change = GraphChange(graph)
        writer.start(graph)
        old_lines = _counting(old_graphs.lines(graph), change, "old")
        new_lines = _counting(new_graphs.lines(graph), change, "new")
        for sign, line in _merge(old_lines, new_lines):
            if sign == "-":
                change.removed += 1
            else:
                change.added += 1
            writer.add(sign, line)
        changes.append(change)
    writer.flush()
    return DiffResult(sorted(changes, key=lambda c: c.graph))


def _counting(lines: Iterator[bytes], change: GraphChange, side: str) -> Iterator[bytes]:
    for line in lines:
        setattr(change, side, getattr(change, side) + 1)
        yield line
