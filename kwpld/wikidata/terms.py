"""The Wikidata items kwpld maps its own terms to, defined once.

Countries come from ``ontology/vocabularies.ttl`` (each country concept's ``skos:exactMatch``);
the rest are the few well-known items that the scorer and the Wikidata-style export need.
"""

from __future__ import annotations

from functools import cache

from ..namespaces import SKOS, WD
from ..vocab import vocabularies, vocabulary_quads

__all__ = [
    "HUMAN",
    "GENDER_QIDS",
    "ORGAN_KIND_CLASSES",
    "KIND_CLASSES",
    "EXPECTED_CATEGORIES",
    "LANGUAGE_QIDS",
    "GREGORIAN",
    "country_qid",
    "expected_categories",
]

HUMAN = "Q5"
GREGORIAN = "Q1985727"
"""Proleptic Gregorian calendar, the calendar model of Wikidata time values."""
GENDER_QIDS = {"male": "Q6581097", "female": "Q6581072"}
ORGANIZATION = "Q43229"
ORGAN_KIND_CLASSES = {"party": "Q7278", "newspaper": "Q11032"}
"""Organ kinds whose Wikidata class is certain: political party, newspaper."""
KIND_CLASSES = {"person": HUMAN, "organ": ORGANIZATION, "event": "Q1656682", "article": "Q17537576"}
"""instance of (P31) written for linked records of each kind, unless their organ kind says more."""
LANGUAGE_QIDS = {"en": "Q1860", "ko": "Q9176"}

EXPECTED_CATEGORIES = {
    "person": frozenset({"human"}),
    "organ": frozenset({"organization"}),
    "event": frozenset({"event"}),
    "article": frozenset({"work"}),
}
_MEDIA_KINDS = {"newspaper", "news-agency", "state-media", "media-outlet"}


def expected_categories(kind: str, organ_kind: str | None = None) -> frozenset[str]:
    """Categories (see classes.rq) a record's item may belong to; media are organs and works."""
    if kind == "organ" and organ_kind in _MEDIA_KINDS:
        return frozenset({"organization", "work"})
    return EXPECTED_CATEGORIES[kind]


@cache
def _countries() -> dict[str, str]:
    scheme = vocabularies()["country"]
    by_iri = {f"<{c.iri}>": code for code, c in scheme.concepts.items()}
    match = f"<{SKOS}exactMatch>"
    found = {}
    for s, p, o in vocabulary_quads():
        if p == match and s in by_iri and o.startswith(f"<{WD}Q"):
            found[by_iri[s]] = o[len(WD) + 1 : -1]
    return found


def country_qid(code: str | None) -> str | None:
    """The Wikidata item of an ISO country code (KP -> Q423)."""
    return _countries().get(code) if code else None
