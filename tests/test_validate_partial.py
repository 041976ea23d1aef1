"""Validation in proportion to a change (kwpld.validate.partial): after any change to the
graph, validating only the focus nodes the change reaches, with the last run's results for
the others, gives the report a whole run gives."""

from __future__ import annotations

import warnings

import pytest
from conftest import EXAMPLE, FIXTURES
from test_validate_engine import graph_of

from kwpld.build import build_graph
from kwpld.graph import KnowledgeGraph
from kwpld.model import Records
from kwpld.rdf import Quad
from kwpld.validate import ShapesGraph, load_shapes, validate_graph
from kwpld.validate.data import DataIndex
from kwpld.validate.partial import Previous, reached, walk_of, whole_shapes
from kwpld.validate.report import ValidationReport

KWP = "<https://w3id.org/kwpld/"


def _changed(graph: KnowledgeGraph, remove: set[Quad], add: set[Quad]) -> KnowledgeGraph:
    new = KnowledgeGraph(graph.base_iri, dict(graph.prefixes))
    new.update(q for q in graph.quad_set if q not in remove)
    new.update(add)
    new.origins = graph.origins
    return new


def _report(report: ValidationReport) -> list[dict[str, object]]:
    return [f.to_dict() for f in report.findings]


def _same_as_whole(
    graph: KnowledgeGraph,
    before: ValidationReport,
    remove: set[Quad],
    add: set[Quad],
    records: Records | None = None,
    shapes: ShapesGraph | None = None,
) -> ValidationReport:
    """Change the graph; the partial run's report is the whole run's (and is returned)."""
    assert before.by_shape is not None
    new = _changed(graph, remove, add)
    changed = [q[:3] for q in remove | add]
    whole = validate_graph(new, records, shapes=shapes)
    previous = Previous(before.by_shape, changed, before.sparql_rows)
    partial = validate_graph(new, records, shapes=shapes, previous=previous)
    assert _report(partial) == _report(whole)
    assert partial.by_shape == whole.by_shape or sorted(
        (k, sorted(r.key() for r in v)) for k, v in (partial.by_shape or {}).items()
    ) == sorted((k, sorted(r.key() for r in v)) for k, v in (whole.by_shape or {}).items())
    return whole


@pytest.fixture(scope="module")
def example() -> tuple[Records, KnowledgeGraph, ValidationReport]:
    records, graph = build_graph(EXAMPLE)
    return records, graph, validate_graph(graph, records)


def test_removing_any_of_a_spread_of_triples_gives_the_whole_runs_report(example):
    """kwpld's own shapes on the example: a triple of every predicate (types, labels, links
    between records, dates) removed in turn; most removals make findings of core shapes
    (sh:minCount, sh:class), whose other focus nodes keep their results."""
    records, graph, before = example
    first: dict[str, Quad] = {}
    for quad in sorted(graph.quad_set):
        first.setdefault(quad[1], quad)
    spread = sorted(first.values())
    spread = spread[:: max(1, len(spread) // 20)]  # about 20 (a validation each is 0.3 s)
    spread += [q for q in first.values() if q[1].endswith("#type>")]
    found = 0
    for quad in spread:
        after = _same_as_whole(graph, before, {quad}, set(), records)
        found += len(after.findings)
    assert found > 5  # the removals did break shapes
    # and the partial runs looked at a few nodes, not the graph: a person's triple reaches
    # the person and the nodes whose shapes read it
    person = min(q for q in graph.quad_set if q[2] == "<http://schema.org/Person>")
    walk = walk_of(before.shapes_graph, before.shapes_graph.top_level)
    levels = reached(DataIndex.from_quads(graph.quad_set), [person[:3]], walk)
    assert levels is not None
    subjects = {q[0] for q in graph.quad_set}
    assert person[0] in levels[0] and 1 < len(set().union(*levels)) < len(subjects) // 10


def test_additions_and_edits_give_the_whole_runs_report(example):
    """A second value where one is allowed, a wrong type, an edited literal, and a change to
    the class hierarchy (everything is validated again then)."""
    records, graph, before = example
    people = sorted(q for q in graph.quad_set if q[1].endswith("#type>") and "Person>" in q[2])
    person, _, _, g = people[0]
    labels = sorted(q for q in graph.quad_set if q[1].endswith("skos/core#prefLabel>"))
    label = labels[0]
    cases: list[tuple[set[Quad], set[Quad]]] = [
        (set(), {(person, "<http://schema.org/gender>", "<http://schema.org/Other>", g)}),
        (set(), {(person, "<http://schema.org/birthDate>", '"1950"', g)}),
        (set(), {(people[1][0], people[1][1], "<http://schema.org/Place>", g)}),
        ({label}, {(label[0], label[1], '"  "@en', label[3])}),
        (
            set(),
            {
                (
                    "<http://schema.org/Person>",
                    "<http://www.w3.org/2000/01/rdf-schema#subClassOf>",
                    "<http://schema.org/Place>",
                    g,
                )
            },
        ),
    ]
    findings = 0
    for remove, add in cases:
        findings += len(_same_as_whole(graph, before, remove, add, records).findings)
    assert findings > 0


def test_the_engines_feature_shapes_after_each_removal():
    """The engine's feature fixture (paths of every kind, logic, qualified shapes, closed
    shapes, targets by subject and object, nested sh:property): every triple removed in turn."""
    shapes = load_shapes([FIXTURES / "engine" / "shapes.ttl"], include_default=False)
    graph = graph_of(FIXTURES / "engine" / "data.ttl")
    supported = [s for s in shapes.top_level if shapes.supported(s)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        before = validate_graph(graph, shapes=shapes)
        for quad in sorted(graph.quad_set):
            _same_as_whole(graph, before, {quad}, set(), shapes=shapes)
    walk = walk_of(shapes, supported)
    whole = whole_shapes(shapes, supported, walk)
    # some shapes are validated in part, others (closure, by-object, nested) whole
    assert whole and len(whole) < len(supported)


def test_shapes_that_cannot_be_bounded_are_validated_whole():
    shapes = load_shapes()
    top = shapes.top_level
    walk = walk_of(shapes, top)
    whole = whole_shapes(shapes, top, walk)
    sparql = {s.node for s in top if any(c.kind == "SPARQL" for c in s.components)}
    assert sparql <= whole
    assert f"{KWP}shapes#PersonShape>" not in whole
    assert walk.depth[f"{KWP}shapes#PersonShape>"] == 1  # the values' own types (sh:class)


def test_sparql_solutions_are_kept_but_for_the_nodes_a_change_names(example, monkeypatch):
    """The SPARQL-based constraints: after edits of triples that queries match only from
    $this (dates, names, a membership's organ) the last solutions are kept but for the nodes
    the change names, found again on a store of their triples (the whole store is not
    built), and the report is the whole run's, findings of those constraints included; an
    edit of a predicate a query matches elsewhere (an organ's parent, a membership's start
    date, a person's death date) runs that query whole."""
    import kwpld.validate.engine as engine

    records, graph, before = example
    assert before.sparql_rows
    whole_stores: list[int] = []
    real = engine.FastEngine._sparql_store

    def spy(self):  # noqa: ANN001, ANN202
        if self._store is None:  # built once per run
            whole_stores.append(1)
        return real(self)

    monkeypatch.setattr(engine.FastEngine, "_sparql_store", spy)

    def first(predicate: str) -> Quad:
        return min(q for q in graph.quad_set if q[1] == predicate)

    schema, org = "<http://schema.org/", "<http://www.w3.org/ns/org#"
    skos = "<http://www.w3.org/2004/02/skos/core#"
    date = "^^<http://www.w3.org/2001/XMLSchema#date>"
    label = first(f"{skos}prefLabel>")
    korean = min(q for q in graph.quad_set if q[2].endswith("@ko") and "/person/" in q[0])
    hangul = {q for q in graph.quad_set if q[0] == korean[0] and q[2].endswith("@ko")}
    member = first(f"{org}organization>")
    anchored: list[tuple[set[Quad], set[Quad]]] = [
        ({label}, {(label[0], label[1], '"Kim"@en', label[3])}),
        (hangul, set()),  # a Korean without a Hangul name
        ({member}, set()),
    ]
    codes: set[str] = set()
    for remove, add in anchored:
        whole_stores.clear()
        report = _same_as_whole(graph, before, remove, add, records)
        assert whole_stores == [1], "the whole run builds it; the partial run does not"
        codes |= {str(f.to_dict().get("code")) for f in report.findings}
    assert "person-hangul-name" in codes
    parent = first(f"{org}subOrganizationOf>")
    start = first(f"{schema}validFrom>")
    person = first("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")[0]
    codes = set()
    for remove, add in [
        ({parent}, {(parent[2], parent[1], parent[0], parent[3])}),
        ({start}, {(start[0], start[1], f'"2999-01-01"{date}', start[3])}),
        (
            set(),
            {
                (person, f"{schema}birthDate>", f'"2999-01-01"{date}', label[3]),
                (person, f"{schema}deathDate>", f'"1999-01-01"{date}', label[3]),
            },
        ),
    ]:
        whole_stores.clear()
        report = _same_as_whole(graph, before, remove, add, records)
        assert whole_stores == [1, 1]
        codes |= {str(f.to_dict().get("code")) for f in report.findings}
    assert "organ-parent" in codes  # the cycle: a finding of a query run whole
