"""The knowledge graph a build produces: quads in named graphs, plus where each node came from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

if TYPE_CHECKING:
    import rdflib

from .iris import GraphNames
from .rdf import Quad

__all__ = ["KnowledgeGraph"]


def _check_graph_name(quad: Quad) -> None:
    """Refuse a quad whose graph is not an IRI: every release names its graphs by IRI (graph
    files, loaders, void:subset), and a blank-node graph name has no IRI to give."""
    g = quad[3]
    if not (isinstance(g, str) and g.startswith("<") and g.endswith(">")):
        raise ValueError(
            f"the graph name {g!r} of the quad ({quad[0]} {quad[1]} {quad[2]}) is not an IRI "
            "term such as <https://example.org/graph/x>; kwpld names every graph by IRI, so "
            "blank-node (_:x) and literal graph names are refused"
        )


@dataclass
class KnowledgeGraph:
    """Quads as N-Triples terms, deduplicated; output order is always sorted.

    ``origins`` maps a node's IRI to the id of the record it was made from, so validation
    findings and reviews can point back at the record (and its file and line).
    """

    base_iri: str
    prefixes: dict[str, str]
    _quads: dict[Quad, None] = field(default_factory=dict, repr=False)
    """The quads as a dict's keys: a set that remembers the order quads were added in. The
    mapper adds each subject's quads together and the records in order, so the release's
    sort meets long sorted runs (Timsort's best case) instead of hash order: at 23,150 flat
    records sorting by subject takes 0.05 s instead of 0.35 s (bench/flat_profile.py)."""
    origins: dict[str, str] = field(default_factory=dict, repr=False)
    _cache: dict[str, tuple[int, list[Any]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for quad in self._quads:
            _check_graph_name(quad)

    @property
    def graph_names(self) -> GraphNames:
        return GraphNames(self.base_iri)

    @property
    def quad_set(self) -> Set[Quad]:
        """Every quad, unsorted and not copied: for work that indexes, hashes or filters them
        (validation, digests, the release's own sort), to which a sorted list would add a sort
        that costs more than the work itself on a large graph."""
        return self._quads.keys()

    @property
    def add_quad(self) -> Callable[[Quad], None]:
        """Add one quad: the quad dict's own ``setdefault`` (an add that keeps the first
        insertion), with no call around it (the mapping adds a million quads this way; a
        wrapper costs a tenth of the mapping's time)."""
        return self._quads.setdefault

    def add(self, s: str, p: str, o: str, g: str) -> None:
        """Add one quad; ``g`` must be an IRI term (``<...>``), never a blank node."""
        _check_graph_name((s, p, o, g))
        self._quads.setdefault((s, p, o, g))

    def update(self, quads: Iterable[Quad]) -> None:
        """Add quads; each graph name must be an IRI term, never a blank node."""
        quads = list(quads)
        for quad in quads:
            _check_graph_name(quad)
        self._quads.update(dict.fromkeys(quads))

    def __len__(self) -> int:
        return len(self._quads)

    def __iter__(self) -> Iterator[Quad]:
        return iter(self.quads())

    def __contains__(self, quad: object) -> bool:
        return quad in self._quads

    def quads(self) -> list[Quad]:
        """All quads, sorted by graph, subject, predicate, object (computed once, cached)."""
        cached = self._cache.get("quads")
        if cached is None or cached[0] != len(self._quads):
            by_graph: dict[str, dict[str, list[tuple[str, str]]]] = {}
            for s, p, o, g in self._quads:
                by_graph.setdefault(g, {}).setdefault(s, []).append((p, o))
            ordered: list[Quad] = []
            # bucket by graph and subject, then sort small buckets: much cheaper than
            # comparing long IRI strings across a million tuples
            for g in sorted(by_graph):
                subjects = by_graph[g]
                for s in sorted(subjects):
                    ordered.extend((s, p, o, g) for p, o in sorted(subjects[s]))
            cached = (len(self._quads), ordered)
            self._cache["quads"] = cached
        return cached[1]

    def triples(self) -> list[tuple[str, str, str]]:
        """The union of all graphs as distinct triples, sorted (computed once, cached)."""
        cached = self._cache.get("triples")
        if cached is None or cached[0] != len(self._quads):
            by_subject: dict[str, set[tuple[str, str]]] = {}
            for s, p, o, _ in self._quads:
                by_subject.setdefault(s, set()).add((p, o))
            ordered = [(s, p, o) for s in sorted(by_subject) for p, o in sorted(by_subject[s])]
            cached = (len(self._quads), ordered)
            self._cache["triples"] = cached
        return cached[1]

    def triple_count(self) -> int:
        return len(self.triples())

    def graphs(self) -> list[str]:
        return sorted({g for *_, g in self._quads})

    def to_nquads(self) -> str:
        """The whole dataset as sorted N-Quads."""
        return "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in self.quads())

    def to_ntriples(self) -> str:
        """The union of all graphs as sorted N-Triples."""
        return "".join(f"{s} {p} {o} .\n" for s, p, o in self.triples())

    def to_store(self, store: ox.Store | None = None) -> ox.Store:
        """Load the quads into a pyoxigraph store (in memory unless one is given)."""
        store = store if store is not None else ox.Store()
        data = "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in self._quads).encode("utf-8")
        if data:
            store.bulk_load(data, ox.RdfFormat.N_QUADS)
        return store

    def to_rdflib(self) -> rdflib.Dataset:
        """The quads as an rdflib Dataset (for pyshacl and rdflib users); rdflib is imported only
        here, as it is slow to import."""
        import rdflib

        dataset = rdflib.Dataset()
        dataset.parse(data=self.to_nquads(), format="nquads")
        return dataset
