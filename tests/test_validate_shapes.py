"""The shapes in shapes/: well-formed SHACL, complete, closed vocabularies, and every rule tested.

Every rule shape has a failing and a passing case in tests/fixtures/shape-cases.trig; each
case is validated by both engines, which must give identical results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox
import pytest
from conftest import FIXTURES

from kwpld.build import build_graph
from kwpld.namespaces import (
    KWP,
    KWPSH,
    KWPV,
    RDF_TYPE,
    SH,
    WD_P,
    WD_PQ,
    WD_PQV,
    WD_PS,
    WD_PSV,
    WDT,
    WIKIBASE,
)
from kwpld.validate import reference
from kwpld.validate.components import In, Sparql
from kwpld.validate.data import DataIndex
from kwpld.validate.engine import FastEngine
from kwpld.validate.shapes import load_shapes
from kwpld.validate.terms import from_oxigraph, lexical_form, literal_parts
from kwpld.vocab import vocabularies
from kwpld.wikidata.facts import PROPERTY_KINDS

CASES = FIXTURES / "shape-cases.trig"


@cache
def shapes():
    return load_shapes()


def rule_shapes() -> list[str]:
    """Named shapes that produce findings of their own (their local name is the code)."""
    found = []
    for node, _shape in shapes().shapes.items():
        if not node.startswith(f"<{KWPSH}") or node[len(KWPSH) + 1 : -1][0].isupper():
            continue  # class shapes (PersonShape) and shared value shapes (PartialDate)
        found.append(node[len(KWPSH) + 1 : -1])
    return sorted(found)


@cache
def cases() -> tuple[list[tuple[str, str, str]], dict[str, list[tuple[str, str, str]]]]:
    context: list[tuple[str, str, str]] = []
    named: dict[str, list[tuple[str, str, str]]] = {}
    for quad in ox.parse(path=str(CASES), format=ox.RdfFormat.TRIG):
        triple = (
            from_oxigraph(quad.subject),
            from_oxigraph(quad.predicate),
            from_oxigraph(quad.object),
        )
        if isinstance(quad.graph_name, ox.DefaultGraph):
            context.append(triple)
        else:
            named.setdefault(quad.graph_name.value, []).append(triple)
    return context, named


def both_engines(triples: list[tuple[str, str, str]]):
    """(fast results, pyshacl results) for the union of ``triples``."""
    data = DataIndex.from_quads(triples)
    fast = FastEngine(shapes(), data).validate(shapes().top_level)
    ntriples = "".join(f"{s} {p} {o} .\n" for s, p, o in sorted(set(triples)))
    slow = reference.run_pyshacl(reference.data_graph(ntriples), rdflib_shapes())
    return fast, slow


@cache
def rdflib_shapes():
    return reference.shapes_graph(shapes())


def code(result) -> str:
    return result.shape[len(KWPSH) + 1 : -1]


def test_shapes_graph_conforms_to_shacl_for_shacl():
    from pyshacl.entrypoints import meta_validate

    graph = reference.shapes_graph(shapes())
    conforms, _, text = meta_validate(graph, inference="none")
    assert conforms, text


def test_every_rule_has_a_curator_message_a_severity_and_a_record_field():
    graph = shapes()
    for name in rule_shapes():
        shape = graph.shapes[f"<{KWPSH}{name}>"]
        messages = list(shape.messages) + [
            m for c in shape.components if isinstance(c, Sparql) for m in c.constraint.messages
        ]
        english = [m for m in messages if (literal_parts(m)[1] or "").startswith("en")]
        assert english, f"{name} has no English sh:message"
        assert all(len(lexical_form(m)) > 25 for m in english), f"{name}: write a full sentence"
        assert graph.value(shape.node, f"<{SH}severity>"), f"{name} does not state its severity"
        is_vocabulary_rule = name.startswith(("concept-", "scheme-", "vocabulary-"))
        assert shape.record_field or is_vocabulary_rule, f"{name} names no record field"


def test_severities_are_used_on_purpose():
    severities = Counter(shapes().shapes[f"<{KWPSH}{n}>"].severity for n in rule_shapes())
    assert set(severities) == {f"<{SH}Violation>", f"<{SH}Warning>", f"<{SH}Info>"}
    assert severities[f"<{SH}Violation>"] > severities[f"<{SH}Warning>"] + severities[f"<{SH}Info>"]


def test_the_fast_engine_evaluates_every_kwpld_shape_itself():
    graph = shapes()
    unsupported = {
        s.node: graph.unsupported_reasons(s) for s in graph.top_level if not graph.supported(s)
    }
    assert unsupported == {}


def test_controlled_vocabularies_are_closed_with_exactly_their_concepts():
    """Every sh:in list is the concept set of one vocabulary, and every vocabulary has one."""
    graph = shapes()
    concept_sets = {
        name: frozenset(f"<{c.iri}>" for c in scheme.concepts.values())
        for name, scheme in vocabularies().schemes.items()
    }
    lists_by_scheme: dict[str, list[frozenset[str]]] = {}
    for shape in graph.shapes.values():
        for component in shape.components:
            if not isinstance(component, In):
                continue
            if not all(t.startswith(f"<{KWPV}") for t in component.values):
                continue
            schemes = {t[len(KWPV) + 1 :].split("/")[0] for t in component.values}
            assert len(schemes) == 1, f"{shape.node} mixes vocabularies: {schemes}"
            scheme = schemes.pop()
            assert component.values == concept_sets[scheme], (
                f"{shape.node}: sh:in differs from the {scheme} vocabulary: "
                f"missing {sorted(concept_sets[scheme] - component.values)}, "
                f"extra {sorted(component.values - concept_sets[scheme])}"
            )
            lists_by_scheme.setdefault(scheme, []).append(component.values)
    assert set(lists_by_scheme) == set(concept_sets)


def test_shapes_cover_every_class_and_property_the_mapping_emits(linked_example):
    """Every predicate and class of the example's graph, with Wikidata links of every kind, has a
    shape."""
    graph = shapes()
    covered_paths: set[str] = set()

    def predicates(path) -> set[str]:
        if isinstance(path, str):
            return {path}
        op, operand = path
        if op in ("/", "|"):
            return set().union(*(predicates(p) for p in operand))
        return predicates(operand)

    for shape in graph.shapes.values():
        if shape.path is not None:
            covered_paths |= predicates(shape.path)
        for component in shape.components:
            if isinstance(component, Sparql):
                covered_paths |= component.constraint.predicates or set()
    targets = {c for s in graph.top_level for c in s.targets.classes}

    _, kg = build_graph(linked_example)
    emitted_predicates = {p for _, p, _, _ in kg.quad_set} - {f"<{RDF_TYPE}>"}
    assert emitted_predicates - covered_paths == set()
    # Every typed node is the focus of some class shape (implied classes such as
    # schema:NewsArticle come with a targeted one such as schema:CreativeWork).
    types: dict[str, set[str]] = {}
    for s, p, o, _ in kg.quad_set:
        if p == f"<{RDF_TYPE}>":
            types.setdefault(s, set()).add(o)
    untargeted = sorted(node for node, classes in types.items() if not classes & targets)
    assert untargeted == []
    assert {
        "<http://schema.org/Person>",
        "<http://www.w3.org/ns/org#Membership>",
        "<https://w3id.org/kwpld/ontology#Claim>",
        f"<{KWP}WikidataLink>",
        f"<{WIKIBASE}Statement>",
    } <= targets


# The rule for each kind of value of kwpld.wikidata.facts.PROPERTY_KINDS.
KIND_RULES = {
    "item": "wikidata-item-values",
    "time": "wikidata-time-values",
    "monolingual": "wikidata-text-values",
    "string": "wikidata-string-values",
    "url": "wikidata-url-values",
}


def properties(namespace: str, kinds: dict[str, str], kind: str | None = None) -> set[str]:
    return {f"<{namespace}{p}>" for p, k in kinds.items() if kind in (None, k)}


def in_namespace(terms: Iterable[str], namespace: str) -> set[str]:
    """The terms whose IRI is the namespace and a local name (wdt: and p: share a start)."""
    start = f"<{namespace}"
    return {t for t in terms if t.startswith(start) and "/" not in t[len(start) :]}


def alternatives(name: str) -> set[str]:
    op, options = shapes().shapes[f"<{KWPSH}{name}>"].path
    assert op == "|" and all(isinstance(o, str) for o in options)
    return set(options)


def query_predicates(name: str) -> frozenset[str]:
    components = shapes().shapes[f"<{KWPSH}{name}>"].components
    [constraint] = [c.constraint for c in components if isinstance(c, Sparql)]
    assert constraint.predicates is not None, f"{name} must name its predicates"
    return constraint.predicates


def test_wikidata_property_lists_are_the_properties_kwpld_writes():
    """Property lists of the shapes equal PROPERTY_KINDS (which a test of kwpld.wikidata keeps
    equal to the properties the facts use)."""
    statement, qualifier = PROPERTY_KINDS["statement"], PROPERTY_KINDS["qualifier"]
    assert set(statement.values()) | set(qualifier.values()) == set(KIND_RULES)
    for kind, rule in KIND_RULES.items():
        expected = (
            properties(WDT, statement, kind)
            | properties(WD_PS, statement, kind)
            | properties(WD_PQ, qualifier, kind)
        )
        assert alternatives(rule) == expected, rule
    assert alternatives("wikidata-statements") == properties(WD_P, statement)
    assert alternatives("wikidata-main-value") == properties(WD_PS, statement)
    assert alternatives("wikidata-time-value-nodes") == properties(
        WD_PSV, statement, "time"
    ) | properties(WD_PQV, qualifier, "time")

    truthy = query_predicates("wikidata-truthy-value")
    for namespace in (WDT, WD_P, WD_PS):
        assert in_namespace(truthy, namespace) == properties(namespace, statement), namespace
    assert in_namespace(truthy, WD_PQ) == set()
    time_match = query_predicates("wikidata-time-match")
    for namespace, kinds in ((WD_PS, statement), (WD_PSV, statement), (WD_PQ, qualifier)):
        assert in_namespace(time_match, namespace) == properties(namespace, kinds, "time")
    assert in_namespace(time_match, WD_PQV) == properties(WD_PQV, qualifier, "time")


def test_every_rule_has_a_failing_and_a_passing_case():
    _, named = cases()
    expected = {f"urn:case:{name}:{kind}" for name in rule_shapes() for kind in ("fail", "pass")}
    assert expected - set(named) == set(), "rules without test data"
    assert set(named) - expected == set(), "test data for rules that do not exist"


def test_the_case_context_is_clean_for_both_engines():
    context, _ = cases()
    fast, slow = both_engines(context)
    assert fast == [] and slow == []


@pytest.mark.parametrize("name", rule_shapes())
def test_rule_fails_on_its_failing_case_and_passes_its_passing_one(name: str):
    context, named = cases()
    fast, slow = both_engines(context + named[f"urn:case:{name}:fail"])
    assert {code(r) for r in fast} == {name}, "the failing case must break exactly this rule"
    assert sorted(r.key() for r in fast) == sorted(r.key() for r in slow), "engines disagree"
    severity = shapes().shapes[f"<{KWPSH}{name}>"].severity
    assert {r.severity for r in fast} == {severity}

    fast, slow = both_engines(context + named[f"urn:case:{name}:pass"])
    assert fast == [] and slow == []


def test_every_rule_is_documented_for_curators():
    from conftest import ROOT

    doc = (ROOT / "docs" / "validation.md").read_text("utf-8")
    missing = [name for name in rule_shapes() if f"| `{name}` |" not in doc]
    assert missing == [], "add these rules to the table in docs/validation.md"
