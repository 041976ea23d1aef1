"""The fast engine against pyshacl on SHACL features beyond kwpld's own shapes; its parts."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
import pytest
from conftest import EXAMPLE, FIXTURES

from kwpld.graph import KnowledgeGraph
from kwpld.validate import load_shapes, validate_graph
from kwpld.validate.components import Sparql
from kwpld.validate.data import DataIndex
from kwpld.validate.engine import FastEngine
from kwpld.validate.sparql import SHAPES_GRAPH, analyse, pre_bind_shape
from kwpld.validate.terms import from_oxigraph, well_formed

ENGINE = FIXTURES / "engine"
EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def graph_of(path) -> KnowledgeGraph:
    graph = KnowledgeGraph(base_iri=EX, prefixes={"ex": EX})
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        terms = (
            from_oxigraph(quad.subject),
            from_oxigraph(quad.predicate),
            from_oxigraph(quad.object),
        )
        graph.add(*terms, f"<{EX}graph>")
    return graph


@pytest.fixture(scope="module")
def engine_shapes():
    return load_shapes([ENGINE / "shapes.ttl"], include_default=False)


@pytest.fixture(scope="module")
def reports(engine_shapes):
    graph = graph_of(ENGINE / "data.ttl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pyshacl warns that ex:fallback-recursive recurses
        fast = validate_graph(graph, shapes=engine_shapes)
        slow = validate_graph(graph, shapes=engine_shapes, engine="pyshacl")
    return fast, slow


def keys(report, *, messages: bool) -> list[tuple]:
    """Result keys; with ``messages``, only of shapes that have their own sh:message (pyshacl's
    generic messages for the others are worded differently)."""
    shapes = report.shapes_graph.shapes
    return sorted(
        f.result.key(messages=messages)
        for f in report.findings
        if not messages or shapes[f.result.shape].messages or f.result.constraint
    )


def test_fast_engine_and_fallback_give_pyshacls_findings(reports):
    fast, slow = reports
    assert keys(fast, messages=False) == keys(slow, messages=False)
    assert keys(fast, messages=True) == keys(slow, messages=True)
    assert len(fast.findings) > 25


def test_every_feature_shape_finds_something(reports):
    fast, _ = reports
    codes = {f.code for f in fast.findings}
    for shape in (
        "sequence",
        "closure",
        "closure-zero",
        "optional-step",
        "inverse-sequence",
        "alternative",
        "by-node",
        "by-subject",
        "by-object",
        "Special",
        "logic",
        "qualified",
        "dates",
        "literals",
        "any-literal",
        "sparql-property",
        "sparql-union",
        "nested-property",
        "sparql-path",
        "sparql-current-shape",
        "sparql-exists",
    ):
        # blank-node property shapes report under their named shape: by-node-has-value
        assert any(c == shape or c.startswith(f"{shape}-") for c in codes), f"{shape} found nothing"
    assert not any(c.startswith("switched-off") for c in codes)  # sh:deactivated


def test_unsupported_constructs_are_detected_and_validated_by_pyshacl(engine_shapes, reports):
    unsupported = sorted(
        s.node[len(EX) + 1 : -1] for s in engine_shapes.top_level if not engine_shapes.supported(s)
    )
    assert unsupported == [
        "fallback-custom",
        "fallback-date-range",
        "fallback-equals",
        "fallback-less-than",
        "fallback-pre-binding",
        "fallback-recursive",
        "fallback-unbound",
    ]
    reasons = " ".join(
        r for s in engine_shapes.top_level for r in engine_shapes.unsupported_reasons(s)
    )
    for expected in (
        "sh:equals",
        "sh:lessThan",
        "unbound",
        "recursive",
        "not a number",
        "constraint component",
        "pre-binding",
    ):
        assert expected in reasons
    fast, _ = reports
    found = {f.code for f in fast.findings}
    assert {
        "fallback-custom",
        "fallback-equals",
        "fallback-less-than",
        "fallback-pre-binding",
        "fallback-unbound",
        "fallback-date-range",
    } <= found


def test_sh_property_of_a_property_shape_validates_the_value_nodes(reports):
    """W3C core/property/property-001: the results are about the parents, once for each child
    that reaches them (ex:a is the parent of ex:f and of ex:i), as pyshacl reports them."""
    fast, _ = reports
    found = sorted(
        (f.result.focus[len(EX) + 1 : -1], f.result.component.rsplit("#")[-1][:-1])
        for f in fast.findings
        if f.code.startswith("nested-property")
    )
    assert found == [
        ("a", "MaxInclusiveConstraintComponent"),
        ("a", "MaxInclusiveConstraintComponent"),
        ("c", "DatatypeConstraintComponent"),
        ("c", "MaxInclusiveConstraintComponent"),
    ]


def test_sparql_messages_substitute_solution_values(reports):
    fast, _ = reports
    [finding] = [f for f in fast.findings if f.code == "sparql-property"]
    assert finding.message == f"{EX}a scores 11, more than its parent"


def test_value_nodes_of_paths():
    q = [
        (f"<{EX}{s}>", f"<{EX}{p}>", f"<{EX}{o}>")
        for s, p, o in [("a", "p", "b"), ("b", "p", "c"), ("c", "p", "a"), ("a", "q", "x")]
    ]
    data = DataIndex.from_quads(q)
    a, b, c, x = (f"<{EX}{n}>" for n in "abcx")
    p, qq = f"<{EX}p>", f"<{EX}q>"
    assert set(data.values(("/", (p, p)), a)) == {c}
    assert set(data.values(("^", p), a)) == {c}
    assert set(data.values(("^", ("/", (p, qq))), x)) == {c}
    assert set(data.values(("|", (p, qq)), a)) == {b, x}
    assert set(data.values(("*", p), a)) == {a, b, c}
    assert set(data.values(("+", p), a)) == {a, b, c}
    assert set(data.values(("?", qq), a)) == {a, x}
    assert set(data.values(("^", ("*", p)), a)) == {a, b, c}


@pytest.mark.parametrize(
    ("lexical", "datatype", "ok"),
    [
        ("2013-01-28", "date", True),
        ("2013-02-29", "date", False),
        ("2012-02-29", "date", True),
        ("2013-1-28", "date", False),
        ("2013-01-28Z", "date", True),
        ("2013-01", "gYearMonth", True),
        ("2013-13", "gYearMonth", False),
        ("2013", "gYear", True),
        ("13", "gYear", False),
        ("-0044", "gYear", True),
        (" 12 ", "integer", True),
        ("1.0", "integer", False),
        ("+7", "integer", True),
        ("0", "positiveInteger", False),
        ("256", "unsignedByte", False),
        ("1e3", "double", True),
        ("INF", "double", True),
        ("1.5", "decimal", True),
        ("yes", "boolean", False),
        ("1", "boolean", True),
        ("2013-01-28T24:00:00", "dateTime", True),
        ("2013-01-28T10:61:00", "dateTime", False),
        ("anything", "token", True),
    ],
)
def test_xsd_lexical_forms(lexical: str, datatype: str, ok: bool):
    assert well_formed(lexical, XSD + datatype) is ok


def test_a_literal_of_the_right_datatype_but_an_impossible_value_fails_sh_datatype():
    shapes = load_shapes([ENGINE / "shapes.ttl"], include_default=False)
    [shape] = [s for s in shapes.shapes.values() if s.node == f"<{EX}dates>"]
    data = DataIndex.from_quads(
        [
            (f"<{EX}a>", f"<{RDF}type>", f"<{EX}Thing>"),
            (f"<{EX}a>", f"<{EX}born>", f'"2001-02-29"^^<{XSD}date>'),
        ]
    )
    results = FastEngine(shapes, data).validate([shape])
    assert [r.value for r in results] == [f'"2001-02-29"^^<{XSD}date>']


RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


class TestSparqlScanner:
    """The scanner lists the predicates a query can match; rdflib's SPARQL algebra is the judge."""

    @staticmethod
    def rdflib_predicates(query: str) -> set[str] | None:
        from rdflib import URIRef, Variable
        from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath
        from rdflib.plugins.sparql.algebra import translateQuery
        from rdflib.plugins.sparql.parser import parseQuery
        from rdflib.plugins.sparql.parserutils import CompValue

        found: set[str] = set()
        every = False

        def path(p) -> None:
            nonlocal every
            if isinstance(p, URIRef):
                found.add(f"<{p}>")
            elif isinstance(p, Variable | NegatedPath):
                every = True
            elif isinstance(p, InvPath):
                path(p.arg)
            elif isinstance(p, SequencePath | AlternativePath):
                for arg in p.args:
                    path(arg)
            elif isinstance(p, MulPath):
                path(p.path)

        def walk(node) -> None:
            if isinstance(node, CompValue):
                for key, value in node.items():
                    if key == "triples":
                        for triple in value:
                            items = list(triple)
                            for i in range(1, len(items), 3):
                                path(items[i])
                    walk(value)
            elif isinstance(node, list | tuple):
                for item in node:
                    walk(item)

        walk(translateQuery(parseQuery(query)).algebra)
        return None if every else found

    def test_kwpld_queries_match_rdflibs_reading(self):
        shapes = load_shapes()
        queries = [
            c.constraint.query
            for s in shapes.shapes.values()
            for c in s.components
            if isinstance(c, Sparql)
        ]
        assert len(queries) >= 10
        for query in queries:
            expected = self.rdflib_predicates(query)
            found = analyse(query).predicates
            assert expected is not None and found is not None
            assert expected <= found, query  # a superset is safe; missing predicates are not

    @pytest.mark.parametrize(
        "where",
        [
            "$this ?p ?o .",
            "$this ex:a ?x . ?x !(ex:b) ?y .",
            "$this ex:a [ ?p ?o ] .",
            "$this ex:a ?x ; ?p ?o .",
            "$this (ex:a|^ex:b) ?x . ?x ?p ?y .",
        ],
    )
    def test_any_predicate_means_every_triple(self, where: str):
        query = f"PREFIX ex: <{EX}> SELECT $this WHERE {{ {where} }}"
        assert self.rdflib_predicates(query) is None
        analysis = analyse(query)
        assert analysis.problem is None and analysis.predicates is None

    @pytest.mark.parametrize(
        ("where", "problem"),
        [
            ("FILTER NOT EXISTS { $this ex:a ?x }", "pre-binding"),
            ("OPTIONAL { $this ex:a ?x }", "pre-binding"),
            ("{ $this ex:a ?x } UNION { ?y ex:b ?x }", "unbound"),
            ("GRAPH ?g { $this ex:a ?x }", "GRAPH"),
            ("{ SELECT $this WHERE { $this ex:a ?x } }", "subquery"),
            # W3C pre-binding-005: the inner group holds only with $this pre-bound
            ("{ FILTER (bound($this)) } $this ex:a ?x", "pre-binding"),
            ("BIND ($this AS ?that) $this ex:a ?x", "pre-binding"),
            ("OPTIONAL { $this ex:b ?y } $this ex:a ?x", "pre-binding"),
            ("$this ex:a ?x . { ?x ex:b ?y FILTER (?y != $this) }", "pre-binding"),
            ("$this ex:a ?x } LIMIT 1 #", "LIMIT"),
        ],
    )
    def test_queries_it_cannot_follow_are_left_to_pyshacl(self, where: str, problem: str):
        analysis = analyse(f"PREFIX ex: <{EX}> SELECT $this WHERE {{ {where} }}")
        assert analysis.error is None
        assert analysis.problem is not None and problem in analysis.problem

    @pytest.mark.parametrize(
        "where",
        [
            "$this ex:a ?x . BIND ($this AS ?that)",
            "$this ex:a ?x OPTIONAL { ?x ex:b ?y FILTER (?y != $this) }",
            "$this ex:a ?x FILTER NOT EXISTS { ?x ex:b ?y FILTER (?y = $this) }",
            "{ $this ex:a ?x FILTER (?x != $this) } UNION { $this ex:b ?x }",
            "$this ex:a ?x FILTER (bound($this))",
        ],
    )
    def test_reads_of_this_after_a_binding_pattern_run_once(self, where: str):
        analysis = analyse(f"PREFIX ex: <{EX}> SELECT $this WHERE {{ {where} }}")
        assert analysis.problem is None and analysis.error is None

    @pytest.mark.parametrize(
        ("query", "error"),
        [
            ("SELECT $this WHERE { $this ex:a ?x MINUS { $this ex:b ?x } }", "MINUS"),
            ("SELECT $this WHERE { VALUES ?x { 1 } $this ex:a ?x }", "VALUES"),
            ("SELECT $this WHERE { $this ex:a ?x } VALUES ?x { 1 }", "VALUES"),
            ("SELECT $this WHERE { $this ex:a ?x SERVICE <http://x/> { ?a ?b ?c } }", "SERVICE"),
            ("SELECT $this WHERE { BIND (true AS $this) }", "AS"),
            ("SELECT $this (1 AS ?this) WHERE { ?s ex:a ?x }", "AS"),
            ("SELECT $this WHERE { $this ex:a ?x { SELECT ?x WHERE { ?x ex:b ?y } } }", "subquery"),
            ("SELECT $this WHERE { { SELECT * WHERE { FILTER ($this = ex:a) } } }", "subquery"),
            ("SELECT $this WHERE { $this foo:a ?x }", "undeclared prefix foo:"),
            ("SELECT $this WHERE { GRAPH $shapesGraph { $this ex:a ?x } }", "$shapesGraph"),
            ("SELECT $this WHERE { $this ex:a ?x ", "not valid SPARQL"),
        ],
    )
    def test_queries_shacl_forbids_are_errors(self, query: str, error: str):
        """The W3C suite's sht:Failure cases: no engine may run them (kwpld raises)."""
        analysis = analyse(f"PREFIX ex: <{EX}> {query}")
        assert analysis.error is not None and error in analysis.error

    @pytest.mark.parametrize(
        ("where", "anchored"),
        [
            ("$this ex:a ?x .", {"a"}),
            ("$this ex:a ?x ; ex:b ?y , ?z .", {"a", "b"}),
            (
                "$this ex:a|ex:b ?x . FILTER NOT EXISTS { $this (ex:c|ex:d) ?y }",
                {"a", "b", "c", "d"},
            ),
            ("$this ex:a ?x . ?x ex:b ?y .", {"a"}),
            ("$this ex:a ?x . ?y ex:a ?x .", set()),
            ("$this ex:a/ex:b ?x .", set()),
            ("$this ^ex:a ?x .", set()),
            ("$this ex:a* ?x .", set()),
            ("$this (ex:a/ex:b)|ex:c ?x .", set()),
            ("$this ex:a [ ex:b ?x ] .", {"a"}),
            ("$this ex:a ?x . BIND (ex:a AS ?path)", set()),
            ("$this ex:a ?x . FILTER EXISTS { ?x ex:b ?y . $this ex:b ?y }", {"a"}),
        ],
    )
    def test_predicates_matched_only_from_this_are_anchored(self, where: str, anchored: set):
        """Of those, the fast engine's store needs the triples of the focus nodes alone."""
        analysis = analyse(f"PREFIX ex: <{EX}> SELECT $this WHERE {{ {where} }}")
        assert analysis.problem is None
        assert analysis.anchored == {f"<{EX}{name}>" for name in anchored}

    @pytest.mark.parametrize(
        ("where", "classes"),
        [
            ("$this a ex:C .", {"C"}),
            ("$this ex:a ?x . FILTER NOT EXISTS { ?x a ex:C, ex:D }", {"C", "D"}),
            (f"$this <{RDF}type> ex:C ; ex:a ?x . ?x a ex:D .", {"C", "D"}),
            ("$this ex:a ?x . BIND (ex:C AS ?c)", set()),
            ("$this a ?c .", None),
            ("$this a ex:C, ?c .", None),
            ("$this a [ ex:b ?x ] .", None),
            ("$this a/ex:b ex:C .", None),
            ("$this a|ex:b ex:C .", None),
            ("$this ^a ex:C .", None),
            ("$this ex:a [ a ex:C ] .", None),
        ],
    )
    def test_the_classes_of_type_patterns_are_listed(self, where: str, classes: set | None):
        """Of the rdf:type triples, the store needs only those of these classes; a type
        pattern whose class is not an IRI (or rdf:type in a path) needs every one."""
        analysis = analyse(f"PREFIX ex: <{EX}> SELECT $this WHERE {{ {where} }}")
        assert analysis.problem is None
        expected = None if classes is None else {f"<{EX}{name}>" for name in classes}
        assert analysis.classes == expected

    def test_pre_bound_variables_of_the_shape_are_substituted(self):
        """SHACL's pre-binding by substitution: every occurrence, BOUND() true; not in the
        SELECT clause, not after AS, and not a blank-node shape (a query cannot name it)."""
        query = (
            "SELECT $this $currentShape WHERE { $this $PATH ?v . "
            "GRAPH $shapesGraph { $currentShape ex:p ?v } FILTER (bound(?currentShape)) "
            "BIND (1 AS ?currentShape) }"
        )
        shape, path = f"<{EX}s>", f"<{EX}p>/<{EX}q>"
        assert pre_bind_shape(query, shape, path) == (
            f"SELECT $this $currentShape WHERE {{ $this <{EX}p>/<{EX}q> ?v . "
            f"GRAPH {SHAPES_GRAPH} {{ <{EX}s> ex:p ?v }} FILTER ((true)) "
            "BIND (1 AS ?currentShape) }"
        )
        assert "$currentShape ex:p" in pre_bind_shape(query, "_:b0", None)
        assert "$PATH" in pre_bind_shape(query, shape, None)

    def test_this_bound_in_every_union_branch_is_bound(self):
        where = "{ $this ex:a ?x } UNION { $this ex:b ?x }"
        query = f"PREFIX ex: <{EX}> SELECT $this WHERE {{ {where} }}"
        analysis = analyse(query)
        assert analysis.problem is None
        assert analysis.predicates == {f"<{EX}a>", f"<{EX}b>"}


SHAPES_HEAD = f"""@prefix ex: <{EX}> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <{XSD}> .
"""


def test_a_query_shacl_forbids_is_a_clear_input_error_exit_2(capsys, tmp_path):
    """The W3C suite's sht:Failure: kwpld validate names the shape and the problem, exit 2."""
    from kwpld.cli import main

    shapes = tmp_path / "minus.ttl"
    shapes.write_text(
        SHAPES_HEAD
        + """ex:no-minus a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:select
            "SELECT $this WHERE { $this ?p ?o MINUS { $this ?p 1 } }" ] .""",
        "utf-8",
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(EXAMPLE), "--shapes", str(shapes)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert f"{shapes}: the SPARQL query of the shape <{EX}no-minus> uses MINUS" in err
    assert "Traceback" not in err


def test_prefixes_are_read_through_owl_imports_and_must_agree(tmp_path):
    """SHACL: the prefixes of a query are sh:prefixes/owl:imports*/sh:declare."""
    from kwpld.errors import InputError

    def shapes_with(declarations: str):
        path = tmp_path / "prefixes.ttl"
        path.write_text(
            SHAPES_HEAD
            + declarations
            + """ex:s a sh:NodeShape ; sh:targetNode ex:a ; sh:sparql [ sh:prefixes ex:p ;
                sh:select "SELECT $this WHERE { $this ex:q t:v }" ] .""",
            "utf-8",
        )
        return load_shapes([path], include_default=False)

    imported = shapes_with(
        """ex:p owl:imports ex:o . ex:o owl:imports ex:p ;
            sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] ,
                       [ sh:prefix "t" ; sh:namespace "urn:t:"^^xsd:anyURI ] .
        """
    )
    [shape] = imported.top_level
    assert imported.supported(shape)
    [component] = shape.components
    assert isinstance(component, Sparql)
    assert "PREFIX t: <urn:t:>" in component.constraint.query
    with pytest.raises(InputError, match="declare t: twice"):
        shapes_with(
            """ex:p owl:imports ex:o ;
                sh:declare [ sh:prefix "t" ; sh:namespace "urn:t:"^^xsd:anyURI ] .
            ex:o sh:declare [ sh:prefix "t" ; sh:namespace "urn:other:"^^xsd:anyURI ] .
            """
        )


def test_a_component_declared_by_its_validator_alone_goes_to_pyshacl(tmp_path):
    """Whatever its rdf:type, a node with parameters and a validator is a constraint component:
    a shape that uses its parameters is never evaluated by the fast engine as if it had none."""
    path = tmp_path / "custom.ttl"
    path.write_text(
        SHAPES_HEAD
        + """ex:Untyped sh:parameter [ sh:path ex:mustBe ] ;
            sh:validator [ sh:ask "ASK { FILTER (?value = $mustBe) }" ] .
        ex:s a sh:PropertyShape ; sh:targetNode ex:a ; sh:path ex:p ; ex:mustBe 1 .""",
        "utf-8",
    )
    shapes = load_shapes([path], include_default=False)
    [shape] = shapes.top_level
    assert "a parameter of a SPARQL-based constraint component" in " ".join(
        shapes.unsupported_reasons(shape)
    )


def test_shapes_graph_and_current_shape_are_pre_bound(tmp_path):
    """$shapesGraph names the shapes graph in the fast engine's store, $currentShape the shape
    (pyshacl binds neither $shapesGraph nor, so, this shape: no comparison here)."""
    path = tmp_path / "limits.ttl"
    path.write_text(
        SHAPES_HEAD
        + """ex:limited a sh:NodeShape ; sh:targetSubjectsOf ex:score ; ex:limit 5 ;
            sh:sparql [ sh:prefixes ex: ; sh:select \"\"\"SELECT $this ?value WHERE {
                $this ex:score ?value .
                GRAPH $shapesGraph { $currentShape ex:limit ?limit }
                FILTER (bound($shapesGraph) && ?value > ?limit) }\"\"\" ] .
        ex: sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .""",
        "utf-8",
    )
    shapes = load_shapes([path], include_default=False)
    [shape] = shapes.top_level
    assert shapes.supported(shape)
    graph = graph_of(ENGINE / "data.ttl")
    report = validate_graph(graph, shapes=shapes)
    # ex:b scores 3, ex:f 0, ex:g 5; ex:c's "7" is a string, which SPARQL does not compare to 5
    found = [(f.result.focus, f.result.value) for f in report.findings]
    assert found == [(f"<{EX}a>", f'"11"^^<{XSD}integer>')]


def test_a_query_the_engine_runs_that_is_not_sparql_is_an_input_error(tmp_path):
    """The scanner accepts it (it is not a parser); pyoxigraph refuses it when it runs."""
    from kwpld.errors import InputError

    path = tmp_path / "grouped.ttl"
    path.write_text(
        SHAPES_HEAD
        + """ex:s a sh:NodeShape ; sh:targetClass ex:Thing ; sh:sparql ex:grouped .
        ex:grouped sh:prefixes ex: ;
            sh:select "SELECT $this WHERE { $this ex:parent ?x } GROUP BY ?x" .
        ex: sh:declare [ sh:prefix "ex" ; sh:namespace "http://example.org/"^^xsd:anyURI ] .""",
        "utf-8",
    )
    shapes = load_shapes([path], include_default=False)
    assert all(shapes.supported(s) for s in shapes.top_level)
    with pytest.raises(InputError, match=f"query of <{EX}grouped> is not valid SPARQL"):
        validate_graph(graph_of(ENGINE / "data.ttl"), shapes=shapes)
