"""Open "a graph" for charts and the site: a release folder, a data folder or a store.

Everything downstream reads the graph with SPARQL queries kept as ``.rq`` files beside this
module (``kwpld/charts/queries/``), run over the union of the named graphs, so charts work
the same on a release, on records built in memory and on a store loaded with ``kwpld load``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import InputError
from ..iris import Minter
from ..namespaces import DEFAULT_BASE_IRI, ORG, SCHEMA, data_prefixes
from ..resources import resource_path

__all__ = ["ChartGraph", "EntityRef", "Row", "open_graph", "read_query", "ENTITY_KINDS"]

Row = dict[str, Any]
"""A solution of a shipped query: variable name -> pyoxigraph term (absent when unbound)."""

ENTITY_KINDS = ("person", "organ", "post", "event", "article")
"""Kinds of entity that have charts and pages."""

_CLASS_KIND = {
    SCHEMA + "Person": "person",
    ORG + "Organization": "organ",
    ORG + "Post": "post",
    SCHEMA + "Event": "event",
    SCHEMA + "CreativeWork": "article",
}


@cache
def read_query(name: str, package: str = "charts") -> str:
    """The text of a shipped query, ``kwpld/<package>/queries/<name>.rq``."""
    return resource_path(f"kwpld/{package}/queries/{name}.rq").read_text("utf-8")


@dataclass(frozen=True)
class EntityRef:
    """An entity of the graph: its IRI, kind and record id (the last part of its IRI)."""

    iri: str
    kind: str
    id: str


@dataclass
class ChartGraph:
    """A graph opened for reading: a pyoxigraph store plus what is known of the dataset."""

    store: ox.Store
    base_iri: str = DEFAULT_BASE_IRI
    title: str | None = None
    description: str | None = None
    version: str | None = None
    dataset_id: str | None = None
    location: str = "the graph"
    _kinds: dict[str, str] | None = field(default=None, repr=False)

    def select(
        self, name: str, *, package: str = "charts", **bindings: str | ox.NamedNode
    ) -> list[Row]:
        """Run the shipped SELECT query ``name`` (of ``kwpld/<package>/queries``); keyword
        arguments bind variables to IRIs.

        Rows are dicts of variable name -> pyoxigraph term (absent when unbound).
        """
        subs: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): v if isinstance(v, ox.NamedNode) else ox.NamedNode(v)
            for k, v in bindings.items()
        }
        result = self.store.query(
            read_query(name, package), use_default_graph_as_union=True, substitutions=subs or None
        )
        assert isinstance(result, ox.QuerySolutions)
        variables = [v.value for v in result.variables]
        return [{v: row[v] for v in variables if row[v] is not None} for row in result]

    def terms(self, name: str, *, package: str = "charts") -> list[tuple[str | None, ...]]:
        """Run a shipped SELECT query; rows as tuples of N-Triples terms (None when unbound),
        in the query's variable order. The fast path for bulk reads."""
        result = self.store.query(read_query(name, package), use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        variables = result.variables
        return [
            tuple(None if (t := row[v]) is None else str(t) for v in variables) for row in result
        ]

    @property
    def prefixes(self) -> dict[str, str]:
        return data_prefixes(self.base_iri)

    @property
    def minter(self) -> Minter:
        """The IRIs of this graph's base, and the way back from an IRI to its record id."""
        return Minter(self.base_iri)

    def kinds(self) -> dict[str, str]:
        """Entity IRI -> kind, for every person, organ, post, event and article."""
        if self._kinds is None:
            found: dict[str, str] = {}
            for row in self.select("entity-types"):
                found.setdefault(row["entity"].value, _CLASS_KIND[row["class"].value])
            self._kinds = found
        return self._kinds

    def entity(self, iri: str) -> EntityRef | None:
        kind = self.kinds().get(iri)
        if kind is None:
            return None
        return EntityRef(iri, kind, _record_id(iri, self.minter, kind))

    def resolve(self, ref: str, kinds: tuple[str, ...] = ENTITY_KINDS) -> EntityRef:
        """The entity named by a record id (``wpk-pb``), a prefixed name (``organ:wpk-pb``)
        or an IRI; a clear error when it is not in the graph or is of another kind."""
        ref = ref.strip()
        candidates: list[str] = []
        if ref.startswith(("http://", "https://", "urn:")) or (
            ref.startswith("<") and ref.endswith(">")
        ):
            candidates.append(ref.strip("<>"))
        elif ":" in ref:
            prefix, _, local = ref.partition(":")
            namespace = self.prefixes.get(prefix)
            if namespace is None:
                raise InputError(f"{ref!r}: unknown prefix {prefix!r}; give a record id or an IRI")
            candidates.append(namespace + local)
        else:
            candidates.extend(self.minter.entity_iri(k, ref) for k in ENTITY_KINDS)
        found = [e for e in (self.entity(c) for c in candidates) if e is not None]
        wanted = " or ".join(kinds)
        if not found:
            raise InputError(self._not_found(ref, kinds))
        for entity in found:
            if entity.kind in kinds:
                return entity
        entity = found[0]
        article = "an" if wanted[0] in "aeiou" else "a"
        raise InputError(f"{ref!r} is {_a(entity.kind)} ({entity.iri}), not {article} {wanted}")

    def _not_found(self, ref: str, kinds: tuple[str, ...]) -> str:
        minter = self.minter
        ids = sorted(
            _record_id(iri, minter, kind) for iri, kind in self.kinds().items() if kind in kinds
        )
        local = ref.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower()
        close = [i for i in ids if i.startswith(local)][:3] or [i for i in ids if local in i][:3]
        close = close or difflib.get_close_matches(local, ids, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"no {' or '.join(kinds)} {ref!r} in {self.location}{hint}"


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _record_id(iri: str, minter: Minter, kind: str) -> str:
    """The record id of an entity: the one its IRI was minted from; for an IRI under another
    base (a graph loaded from elsewhere), the last segment of its path."""
    record_id = minter.record_id(iri, kind)
    return record_id if record_id is not None else iri.rstrip("/").rsplit("/", 1)[-1]


def open_graph(path: str | Path, *, base_iri: str | None = None) -> ChartGraph:
    """Open a release folder (``manifest.json``), a data folder (``kwpld.yaml``, built in
    memory) or an on-disk store made by ``kwpld load`` as a :class:`ChartGraph`
    (:func:`kwpld.build.open_graph_source`)."""
    from ..build import open_graph_source

    opened = open_graph_source(path, base_iri=base_iri)
    description = opened.description
    if opened.release is not None:
        description = _void_description(opened.release)
    return ChartGraph(
        opened.store,
        base_iri=opened.base_iri,
        title=opened.title,
        description=description,
        version=opened.version,
        dataset_id=opened.dataset_id,
        location=opened.location,
    )


def _void_description(folder: Path) -> str | None:
    """The dataset's description, which the manifest does not carry but void.ttl does."""
    void = folder / "void.ttl"
    if not void.is_file():
        return None
    store = ox.Store()
    # download links in void.ttl are relative to the file
    store.load(path=str(void), format=ox.RdfFormat.TURTLE, base_iri=void.resolve().as_uri())
    result = store.query(read_query("void-description"))
    assert isinstance(result, ox.QuerySolutions)
    rows = list(result)
    if not rows or rows[0]["description"] is None:
        return None
    return str(rows[0]["description"].value)
