"""The graph a server answers from, and how it follows a data folder's records.

A release folder (or a store made by ``kwpld load``) is served as it is. A data folder is
loaded and mapped in memory, as ``kwpld query`` does; when its records change (an accept in
the workbench, or an edit in another program), :meth:`ServedGraph.refresh` loads and maps
them again in a background thread and applies only the difference to the live store: the
quads removed and added, in one SPARQL Update (``DELETE DATA``/``INSERT DATA``), which
pyoxigraph runs as one transaction, so a query sees the old graph or the new, never half.
Load and map are the build's own, so the served graph is the one ``kwpld build`` publishes
(without the ontology graph, which only a release carries).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from ..charts.graph import ChartGraph, open_graph
from ..errors import InputError, KwpldError
from ..graph import KnowledgeGraph
from ..publish.manifest import MANIFEST, is_release
from ..rdf import Quad

__all__ = ["GraphStatus", "ServedGraph"]

DATA_MARKER = "kwpld.yaml"
STORE_MARKER = "CURRENT"
"""Every on-disk pyoxigraph (RocksDB) store has this file."""


@dataclass(frozen=True)
class GraphStatus:
    """What the pages show about the graph: current, rebuilding, or failed (and why)."""

    state: str = "current"
    """``current``, ``rebuilding`` or ``failed``."""
    generation: int = 1
    """Counts the graphs served: 1 at start, one more after each change applied."""
    triples: int = 0
    added: int = 0
    removed: int = 0
    seconds: float = 0.0
    at: float = field(default_factory=time.time)
    message: str = ""

    def describe(self) -> str:
        """One sentence for a page's status line."""
        clock = time.strftime("%H:%M:%S", time.localtime(self.at))
        if self.state == "rebuilding":
            return f"Rebuilding the graph from the records (since {clock})…"
        if self.state == "failed":
            return (
                f"The records no longer load ({clock}); the graph is the last one that did. "
                f"{self.message}"
            )
        if self.generation == 1:
            return f"Graph current: {self.triples} quads, loaded at {clock}."
        return (
            f"Graph current: {self.triples} quads; rebuilt at {clock} in {self.seconds:.1f} s "
            f"(+{self.added} −{self.removed} quads, version {self.generation})."
        )


class ServedGraph:
    """A release folder, a store or a data folder, opened for serving.

    ``on_change`` callbacks run (in the rebuilding thread) after a change was applied, with
    the new :class:`ChartGraph`; the live site uses it to read its index again.
    """

    def __init__(self, path: str | Path, *, base_iri: str | None = None) -> None:
        self.path = Path(path)
        self.base_iri = base_iri
        if not self.path.exists():
            raise InputError(f"{self.path}: no such data folder or release folder")
        if not self.path.is_dir():
            raise InputError(
                f"{self.path}: not a folder; give a data folder ({DATA_MARKER}) "
                f"or a release folder ({MANIFEST})"
            )
        if (self.path / DATA_MARKER).is_file():
            self.kind = "data"
        elif is_release(self.path):
            self.kind = "release"
        elif (self.path / STORE_MARKER).is_file():
            self.kind = "store"
        else:
            raise InputError(
                f"{self.path}: not a data folder ({DATA_MARKER}), a release folder "
                f"({MANIFEST}) or a store made by kwpld load"
            )
        self._knowledge: KnowledgeGraph | None = None
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._worker: threading.Thread | None = None
        self._fingerprint: tuple[tuple[str, int, int], ...] = ()
        self.on_change: list[Callable[[ChartGraph], None]] = []
        if self.kind == "data":
            self._fingerprint = self.fingerprint()
            self.chart_graph, self._knowledge = self._load()
        else:
            self.chart_graph = open_graph(self.path, base_iri=base_iri)
        self.status = GraphStatus(triples=len(self.chart_graph.store))

    @property
    def store(self) -> ox.Store:
        return self.chart_graph.store

    @property
    def writable(self) -> bool:
        """True for a data folder: the workbench can write its records."""
        return self.kind == "data"

    def _load(self) -> tuple[ChartGraph, KnowledgeGraph]:
        from ..build import build_graph

        records, knowledge = build_graph(self.path, base_iri=self.base_iri)
        info = records.info
        graph = ChartGraph(
            knowledge.to_store(),
            base_iri=knowledge.base_iri,
            title=info.title,
            description=info.description,
            version=info.version,
            dataset_id=info.id,
            location=str(self.path),
        )
        return graph, knowledge

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """(path, size, mtime) of every file the records are read from, to notice edits."""
        from ..load import DATASET_FILE, record_files

        found = []
        for path in [*record_files(self.path), self.path / DATASET_FILE]:
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((path.relative_to(self.path).as_posix(), stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    def changed_on_disk(self) -> bool:
        """True when a record file was added, removed or written since the records were
        last read (whether they loaded or not)."""
        return self.kind == "data" and self.fingerprint() != self._fingerprint

    # -- following the records --------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for the graph to be rebuilt from the records, in the background; calls made
        while a rebuild runs are folded into one more rebuild after it."""
        if self.kind != "data":
            return
        with self._lock:
            self._wanted.set()
            if self._worker is None or not self._worker.is_alive():
                self.status = replace(self.status, state="rebuilding", at=time.time())
                self._worker = threading.Thread(
                    target=self._rebuild_loop, name="kwpld-rebuild", daemon=True
                )
                self._worker.start()

    def wait(self, timeout: float = 60.0) -> GraphStatus:
        """Wait for the rebuilds asked for so far (for tests and scripts); the status after."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)
        return self.status

    def _rebuild_loop(self) -> None:
        while True:
            with self._lock:
                if not self._wanted.is_set():
                    return
                self._wanted.clear()
                self.status = replace(self.status, state="rebuilding", at=time.time())
            self._rebuild_once()

    def _rebuild_once(self) -> None:
        started = time.monotonic()
        self._fingerprint = self.fingerprint()
        try:
            from ..build import build_graph

            records, knowledge = build_graph(self.path, base_iri=self.base_iri)
        except KwpldError as exc:
            self.status = replace(
                self.status, state="failed", at=time.time(), message=_first_lines(exc.render())
            )
            return
        old = self._knowledge
        assert old is not None
        before, after = old.quad_set, knowledge.quad_set
        removed, added = set(before - after), set(after - before)
        _apply(self.store, removed, added)
        info = records.info
        graph = replace(
            self.chart_graph,
            title=info.title,
            description=info.description,
            version=info.version,
            dataset_id=info.id,
            _kinds=None,
        )
        self._knowledge = knowledge
        self.chart_graph = graph
        for callback in self.on_change:
            callback(graph)
        self.status = GraphStatus(
            state="current",
            generation=self.status.generation + (1 if removed or added else 0),
            triples=len(knowledge),
            added=len(added),
            removed=len(removed),
            seconds=time.monotonic() - started,
        )


def _first_lines(text: str, count: int = 6) -> str:
    lines = text.strip().splitlines()
    more = f" (and {len(lines) - count} more lines)" if len(lines) > count else ""
    return " ".join(lines[:count]) + more


def _quad_text(quads: set[Quad]) -> str:
    return "\n".join(f"GRAPH {g} {{ {s} {p} {o} }}" for s, p, o, g in sorted(quads))


def _apply(store: ox.Store, removed: set[Quad], added: set[Quad]) -> None:
    """Remove and add quads in one transaction (one SPARQL Update request).

    kwpld's graphs have no blank nodes, which ``DELETE DATA`` could not name; should one
    appear, the change is applied through the store's own calls instead (not atomically).
    """
    if not removed and not added:
        return
    blank = any(term.startswith("_:") for quad in (*removed, *added) for term in quad)
    if not blank:
        parts = []
        if removed:
            parts.append(f"DELETE DATA {{ {_quad_text(removed)} }}")
        if added:
            parts.append(f"INSERT DATA {{ {_quad_text(added)} }}")
        store.update(" ;\n".join(parts))
        return
    for quad in ox.parse(
        "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in removed), format=ox.RdfFormat.N_QUADS
    ):
        store.remove(quad)
    store.extend(
        ox.parse(
            "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in added), format=ox.RdfFormat.N_QUADS
        )
    )
