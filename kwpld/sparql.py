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

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .publish.store import QueryOutput

__all__ = ["QueryAnswer", "open_target", "query"]



@dataclass(frozen=True)
class QueryAnswer:
    """A query's answer and the prefixes that shorten IRIs in its table."""

    output: QueryOutput
    prefixes: dict[str, str] = field(default_factory=dict)

    def render(self, output_format: str = "table") -> str:
        """table (for people), csv, tsv or json (SPARQL results); graphs as N-Triples."""
        return self.output.render(output_format, self.prefixes)


def open_target(target: str | Path, *, base_iri: str | None = None) -> tuple[ox.Store, str]:
    """The store of a release folder, a store folder or a data folder, and its base IRI
    (:func:`kwpld.build.open_graph_source`)."""
    from .build import open_graph_source

    opened = open_graph_source(target, base_iri=base_iri)
    return opened.store, opened.base_iri


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
