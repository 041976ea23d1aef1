"""The public JSON-LD API (``kwpld.publish.jsonld.Compactor``) that the release writer and the
site share: its fast JSON text agrees with the readable node objects, and its documents expand,
with pyoxigraph as the judge, to exactly the triples they were made from."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
import pytest

from kwpld.namespaces import DEFAULT_BASE_IRI
from kwpld.publish.jsonld import Compactor, JsonLdContext, dumps


def _terms(path: Path) -> list[tuple[str, str, str]]:
    """The distinct triples of an N-Quads file as sorted N-Triples terms."""
    found = {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    }
    return sorted(found)


@pytest.fixture(scope="module")
def example_triples(built_example) -> list[tuple[str, str, str]]:
    return _terms(built_example.out / "data.nq")


def _expand(text: str) -> set[tuple[str, str, str]]:
    store = ox.Store()
    store.load(text.encode("utf-8"), format=ox.RdfFormat.JSON_LD)
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in store}


def test_node_json_is_the_node_object_as_text(example_triples):
    compactor = Compactor(JsonLdContext.load(), DEFAULT_BASE_IRI)
    subjects = 0
    for subject, rows in groupby(example_triples, key=lambda t: t[0]):
        group = list(rows)
        fast = compactor.node_json(subject, group)
        assert fast == dumps(compactor.node(subject, [(p, o) for _, p, o in group])), subject
        subjects += 1
    assert subjects > 100


def test_document_expands_to_exactly_its_triples(example_triples):
    compactor = Compactor(JsonLdContext.load(), DEFAULT_BASE_IRI)
    text = compactor.document(example_triples)
    assert json.loads(text)["@context"] == compactor.context_value
    assert _expand(text) == set(example_triples)


def test_document_refers_to_a_context_document_by_url(example_triples):
    compactor = Compactor(JsonLdContext.load(), DEFAULT_BASE_IRI)
    subject = example_triples[0][0]
    triples = [t for t in example_triples if t[0] == subject]
    document = json.loads(compactor.document(triples, "../context.jsonld"))
    assert document["@context"] == "../context.jsonld"
    # resolve the reference as a processor would, from the context document's text
    document["@context"] = json.loads(compactor.context_document())["@context"]
    assert _expand(json.dumps(document)) == set(triples)


def test_another_base_iri_gets_a_local_context_and_hostile_literals_survive():
    base = "https://example.org/other/"
    compactor = Compactor(JsonLdContext.load(), base)
    person = f"<{base}person/x>"
    name = "<http://schema.org/name>"
    triples = sorted(
        [
            (person, name, '"</script><script>alert(\\"x\\")</script>"'),
            (person, name, '"line\\nbreak \\\\ back\\tslash"@ko'),
            (person, "<http://schema.org/description>", '"A & B <b>\u2028</b>"'),
        ]
    )
    text = compactor.document(triples)
    assert isinstance(compactor.context_value, list)  # the re-mapped data prefixes
    assert "person:x" in text
    assert _expand(text) == set(triples)
