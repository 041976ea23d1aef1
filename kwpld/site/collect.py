"""Read what the browse site shows, in a few bulk queries, into one in-memory index.

Three queries (``kwpld/site/queries``) give everything the pages need: ``describe`` (every
triple of every entity's description, with the named graph that states it), ``inbound``
(links between entities) and ``concepts`` (labels of the vocabularies). Pages are then
rendered from this index without further queries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import cast

from ..charts.facts import Facts
from ..charts.graph import ChartGraph, EntityRef
from ..namespaces import STANDARD_PREFIXES, data_prefixes
from ..rdf import term_value
from ..resources import resource_path

__all__ = ["SiteData", "Entity", "collect", "property_labels", "KIND_TITLES"]

KIND_TITLES = {
    "person": ("Person", "People"),
    "organ": ("Organ", "Organs"),
    "post": ("Post", "Posts"),
    "event": ("Event", "Events"),
    "article": ("Source", "Sources"),
}


@cache
def property_labels() -> dict[str, tuple[str, str]]:
    data = json.loads(resource_path("kwpld/site/properties.json").read_text("utf-8"))
    labels: dict[str, tuple[str, str]] = {}
    for name, value in data.items():
        if name.startswith("_"):
            continue
        prefix, _, local = name.partition(":")
        labels[f"<{STANDARD_PREFIXES[prefix]}{local}>"] = (value[0], value[1])
    return labels


@dataclass
class Entity:
    """One page: the entity, its description triples (by subject) and the links into it."""

    ref: EntityRef
    label: str
    ko: str | None
    hanja: str | None
    derived: frozenset[str] = frozenset()
    """Which of the label (en), ko and hanja are derived names, printed in no source."""
    triples: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # s -> (p, o, g)
    inbound: list[tuple[str, str]] = field(default_factory=list)  # (property, from entity)

    @property
    def term(self) -> str:
        return f"<{self.ref.iri}>"

    @property
    def path(self) -> str:
        """Page path without extension, relative to the site root: ``person/kim-jong-un``."""
        return f"{self.ref.kind}/{self.ref.id}"

    def own(self) -> list[tuple[str, str, str]]:
        return self.triples.get(self.term, [])

    def values(self, predicate: str, subject: str | None = None) -> list[str]:
        seen: dict[str, None] = {}
        for p, o, _ in self.triples.get(subject or self.term, []):
            if p == predicate:
                seen.setdefault(o, None)
        return sorted(seen)

    def distinct_triples(self) -> list[tuple[str, str, str]]:
        """The description as sorted, distinct triples (the entity's own RDF files)."""
        found = {(s, p, o) for s, rows in self.triples.items() for p, o, _ in rows}
        return sorted(found)


@dataclass
class SiteData:
    graph: ChartGraph
    facts: Facts
    entities: dict[str, Entity]  # IRI -> entity (only IRIs a page can be made for)
    concepts: dict[str, str]  # concept IRI -> English label
    skipped: int = 0  # entities whose IRIs are not under the base (no page)

    def page_of(self, term_or_iri: str) -> Entity | None:
        iri = term_or_iri[1:-1] if term_or_iri.startswith("<") else term_or_iri
        return self.entities.get(iri)

    def graph_source(self, graph: str) -> Entity | None:
        """The article whose named graph this is (``{base}graph/source/{id}``)."""
        minter = self.graph.minter
        article_id = minter.graphs.source_id(graph)
        if article_id is None:
            return None
        return self.entities.get(minter.entity_iri("article", article_id))

    @property
    def prefixes(self) -> dict[str, str]:
        return data_prefixes(self.graph.base_iri)


def _safe_id(record_id: str) -> bool:
    return bool(record_id) and "/" not in record_id and not record_id.startswith(".")


def collect(graph: ChartGraph) -> SiteData:
    """Read the graph into a :class:`SiteData` (three bulk queries plus the charts' facts)."""
    facts = Facts(graph)
    facts.prefetch()
    names = facts.names
    entities: dict[str, Entity] = {}
    skipped = 0
    minter = graph.minter
    for iri, kind in sorted(graph.kinds().items()):
        ref = graph.entity(iri)
        assert ref is not None
        if minter.record_id(iri, kind) is None or not _safe_id(ref.id):
            skipped += 1
            continue
        name = names.get(iri)
        entities[iri] = Entity(
            ref,
            name.en if name else ref.id,
            name.ko if name else None,
            name.hanja if name else None,
            name.derived if name else frozenset(),
        )
    for entity_term, s, p, o, g in _rows(graph, "describe"):
        entity = entities.get(entity_term[1:-1])
        if entity is not None:
            entity.triples.setdefault(s, []).append((p, o, g))
    for entity in entities.values():
        for rows in entity.triples.values():
            rows.sort()
    for target, p, source in _rows(graph, "inbound"):
        entity = entities.get(target[1:-1])
        if entity is not None and source[1:-1] in entities:
            entity.inbound.append((p, source))
    for entity in entities.values():
        entity.inbound.sort()
    concepts: dict[str, str] = {}
    for concept, label in _rows(graph, "concepts"):
        text = term_value(label)
        concepts[concept] = min(text, concepts.get(concept, text))
    return SiteData(graph, facts, entities, concepts, skipped)


def _rows(graph: ChartGraph, query: str) -> list[tuple[str, ...]]:
    """The rows of a site query as N-Triples terms. The site's queries bind every variable
    they select (none is OPTIONAL), so no term is None."""
    return cast(list[tuple[str, ...]], graph.terms(query, package="site"))
