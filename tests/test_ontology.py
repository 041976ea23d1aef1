"""The ontology is complete for what the mapping emits, documented, and parses."""

from __future__ import annotations

import subprocess

import pyoxigraph as ox
from conftest import require_tool

from kwpld.namespaces import KWP, OWL, RDF_TYPE, RDFS
from kwpld.ontodoc import ontology_markdown
from kwpld.resources import resource_path


def _triples(name: str) -> list[ox.Triple]:
    return list(ox.parse(path=str(resource_path(f"ontology/{name}")), format=ox.RdfFormat.TURTLE))


def _declared() -> dict[str, dict[str, list[ox.Literal]]]:
    terms: dict[str, dict[str, list]] = {}
    for t in _triples("kwp.ttl"):
        if t.subject.value.startswith(KWP):
            terms.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    return terms


def test_every_term_has_an_english_label_and_comment_and_a_type():
    for iri, props in _declared().items():
        types = {o.value for o in props.get(RDF_TYPE, [])}
        assert types & {
            OWL + "Class",
            OWL + "ObjectProperty",
            OWL + "DatatypeProperty",
            OWL + "AnnotationProperty",
        }, iri
        for predicate in (RDFS + "label", RDFS + "comment"):
            values = props.get(predicate, [])
            assert any(getattr(v, "language", None) == "en" and v.value.strip() for v in values), (
                f"{iri} lacks an English {predicate}"
            )


def test_every_kwp_term_the_mapping_emits_is_declared(built_example):
    declared = set(_declared())
    used = set()
    for s, p, o in built_example.graph.triples():
        for term in (s, p, o):
            if term.startswith(f"<{KWP}"):
                used.add(term[1:-1])
    assert used, "the example should use kwp: terms"
    assert used <= declared, sorted(used - declared)


def test_the_ontology_declares_itself_and_reuses_standard_vocabularies():
    triples = _triples("kwp.ttl")
    header = [t for t in triples if t.subject.value == "https://w3id.org/kwpld/ontology"]
    assert any(t.object.value == OWL + "Ontology" for t in header)
    supers = {t.object.value for t in triples if t.predicate.value == RDFS + "subClassOf"}
    assert "http://www.w3.org/ns/prov#Entity" in supers and "http://schema.org/Article" in supers


def test_ontology_and_vocabularies_parse_with_rapper():
    rapper = require_tool("rapper")
    for name in ("kwp.ttl", "vocabularies.ttl"):
        result = subprocess.run(
            [rapper, "-i", "turtle", "-c", str(resource_path(f"ontology/{name}"))],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert "returned" in result.stderr


def test_committed_ontology_docs_are_up_to_date():
    committed = resource_path("ontology/kwp.md").read_text(encoding="utf-8")
    assert committed == ontology_markdown(), "run `kwpld ontology-docs` and commit ontology/kwp.md"


def test_every_concept_has_a_notation_label_and_definition():
    skos = "http://www.w3.org/2004/02/skos/core#"
    concepts: dict[str, set[str]] = {}
    for t in _triples("vocabularies.ttl"):
        if t.predicate.value == RDF_TYPE and t.object.value == skos + "Concept":
            concepts.setdefault(t.subject.value, set())
    for t in _triples("vocabularies.ttl"):
        if t.subject.value in concepts:
            concepts[t.subject.value].add(t.predicate.value)
    assert len(concepts) > 60
    for iri, predicates in concepts.items():
        for needed in ("notation", "prefLabel", "definition", "inScheme"):
            assert skos + needed in predicates, f"{iri} lacks skos:{needed}"


def test_the_vocabularies_are_read_once_with_labels_and_hierarchy() -> None:
    """kwpld.vocab is the one reader: mapping, shapes, schema and ingest all use its answer."""
    from kwpld.vocab import vocabularies

    assert vocabularies() is vocabularies()
    presidium = vocabularies()["organ-kind"]["presidium"]
    assert presidium.label == "presidium"
    assert presidium.broader == "political-bureau"
    assert {"standing committee", "상무위원회"} <= set(presidium.labels)
    bureau = vocabularies()["organ-kind"]["political-bureau"]
    assert "Politburo" in bureau.labels and bureau.broader == "central-committee"
    assert vocabularies()["role"]["secretary"].broader is None
