"""SPARQL over any graph kwpld can open: a release folder, a store or a data folder.

``kwpld query`` takes the same three kinds of target as ``kwpld chart`` and ``kwpld site``,
so a curator can ask a question of the records before building anything. A data folder is
loaded and mapped in memory (the ontology graph, which only a release carries, is absent);
a release is loaded into memory from its N-Quads; a store made by ``kwpld load`` is opened
read-only. This sits beside :mod:`kwpld.build`, above the stages, because opening a data
folder is the build's load and map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .publish.store import QueryOutput

__all__ = ["QueryAnswer", "open_target", "query"]

DATA_MARKER = "kwpld.yaml"
RELEASE_MARKER = "manifest.json"
STORE_MARKER = "CURRENT"
"""Every on-disk pyoxigraph (RocksDB) store has this file; a folder without it is no store."""


@dataclass(frozen=True)
class QueryAnswer:
    """A query's answer and the prefixes that shorten IRIs in its table."""

    output: QueryOutput
    prefixes: dict[str, str] = field(default_factory=dict)

    def render(self, output_format: str = "table") -> str:
        """table (for people), csv, tsv or json (SPARQL results); graphs as N-Triples."""
        return self.output.render(output_format, self.prefixes)


def open_target(target: str | Path, *, base_iri: str | None = None) -> tuple[ox.Store, str]:
    """The store of a release folder, a store folder or a data folder, and its base IRI.

    Anything else is an :class:`~kwpld.errors.InputError` (exit code 2) that names the three
    kinds of target, never the storage engine's own message about its files.
    """
    from .namespaces import DEFAULT_BASE_IRI
    from .publish.store import open_store

    path = Path(target)
    if not path.exists():
        raise InputError(f"{path}: no such release folder, data folder or store")
    if path.is_dir() and (path / RELEASE_MARKER).is_file():
        from .publish import read_manifest

        dataset = read_manifest(path).get("dataset") or {}
        return open_store(path), base_iri or dataset.get("base_iri") or DEFAULT_BASE_IRI
    if path.is_dir() and (path / DATA_MARKER).is_file():
        from .build import build_graph

        _, graph = build_graph(path, base_iri=base_iri)
        return graph.to_store(), graph.base_iri
    if path.is_dir() and (path / STORE_MARKER).is_file():
        return open_store(path), base_iri or DEFAULT_BASE_IRI
    raise InputError(
        f"{path}: not a release folder ({RELEASE_MARKER}), a data folder ({DATA_MARKER}) "
        "or a store made by kwpld load"
    )


def query(target: str | Path, query: str, *, base_iri: str | None = None) -> QueryAnswer:
    """Run a SPARQL query (its text, or a ``.rq`` file) over a release, store or data folder.

    The default graph is the union of the named graphs, as on Virtuoso when a query names no
    graph. The query is read before the target is opened, so a mistyped file name is reported
    without waiting for a data folder to be built.
    """
    from .publish.store import default_prefixes, read_query, run_query

    text, source = read_query(query)
    store, base = open_target(target, base_iri=base_iri)
    return QueryAnswer(run_query(store, text, source), default_prefixes(base))
