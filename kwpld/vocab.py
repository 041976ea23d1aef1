"""The controlled vocabularies, read from ``ontology/vocabularies.ttl`` (SKOS).

Records use a concept's ``skos:notation`` ("political-bureau", "projected"); the mapping
writes the concept's IRI; the JSON Schema and the SHACL shapes list the same codes; ingest
reads the labels and the hierarchy. This module is the one reader of that file (once per
process, with the queries in ``kwpld/queries/``), so all of them agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from .namespaces import KWPV
from .resources import resource_path

__all__ = ["Concept", "Scheme", "Vocabularies", "vocabularies", "vocabulary_quads", "SCHEMES"]

SCHEMES = (
    "organ-kind",
    "role",
    "membership-status",
    "name-system",
    "name-kind",
    "event-type",
    "article-type",
    "country",
    "link-method",
    "derivation-rule",
)


@dataclass(frozen=True, slots=True)
class Concept:
    iri: str
    notation: str
    label: str
    """The English preferred label (the notation when there is none)."""
    implies_class: str | None = None
    broader: str | None = None
    """The notation of the broader concept (``skos:broader``), if any."""
    labels: tuple[str, ...] = ()
    """Every preferred and alternative label, in any language, sorted."""
    korean: str | None = None
    """The Korean preferred label, if any."""
    definition: str | None = None
    """The English definition (``skos:definition``), if any."""


@dataclass
class Scheme:
    name: str
    iri: str
    concepts: dict[str, Concept] = field(default_factory=dict)
    label: str = ""
    """The English preferred label ("Organ kinds")."""
    definition: str = ""
    """The English definition: what the scheme's codes say."""

    def __contains__(self, notation: object) -> bool:
        return notation in self.concepts

    def __getitem__(self, notation: str) -> Concept:
        return self.concepts[notation]

    @property
    def notations(self) -> list[str]:
        return sorted(self.concepts)


@dataclass
class Vocabularies:
    schemes: dict[str, Scheme]

    def __getitem__(self, name: str) -> Scheme:
        return self.schemes[name]


@cache
def _store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(resource_path("ontology/vocabularies.ttl")), format=ox.RdfFormat.TURTLE)
    return store


@cache
def vocabulary_quads() -> tuple[tuple[str, str, str], ...]:
    """The vocabularies' triples as N-Triples terms, sorted (for the vocabularies graph)."""
    return tuple(sorted((str(q.subject), str(q.predicate), str(q.object)) for q in _store()))


def _query(name: str) -> ox.QuerySolutions:
    solutions = _store().query(resource_path(f"kwpld/queries/{name}.rq").read_text("utf-8"))
    assert isinstance(solutions, ox.QuerySolutions)
    return solutions


@cache
def vocabularies() -> Vocabularies:
    """Parse the shipped vocabularies once per process."""
    path = resource_path("ontology/vocabularies.ttl")
    labels: dict[str, list[str]] = {}
    for row in _query("concept-labels"):
        labels.setdefault(row["concept"].value, []).append(row["label"].value)
    schemes: dict[str, Scheme] = {}
    for row in _query("concepts"):
        scheme_iri = row["scheme"].value
        name = scheme_iri.removeprefix(KWPV)
        scheme = schemes.setdefault(name, Scheme(name, scheme_iri))
        notation = row["notation"].value
        concept = row["concept"].value
        scheme.concepts[notation] = Concept(
            iri=concept,
            notation=notation,
            label=row["label"].value if row["label"] else notation,
            implies_class=row["class"].value if row["class"] else None,
            broader=row["broader"].value if row["broader"] else None,
            labels=tuple(labels.get(concept, ())),
            korean=row["korean"].value if row["korean"] else None,
            definition=row["definition"].value if row["definition"] else None,
        )
    for row in _query("schemes"):
        found = schemes.get(row["scheme"].value.removeprefix(KWPV))
        if found is not None:
            found.label = row["label"].value if row["label"] else found.name
            found.definition = row["definition"].value if row["definition"] else ""
    missing = set(SCHEMES) - set(schemes)
    if missing:
        raise RuntimeError(f"{path} lacks the concept schemes {sorted(missing)}")
    return Vocabularies(schemes)
