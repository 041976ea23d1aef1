"""Links and Wikidata-style statements in the build: owl:sameAs with provenance, and a graph in
Wikidata's RDF shape over which queries written for the Wikidata Query Service run."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import POST_HELD, require_tool

import kwpld
from kwpld.wikidata.rdf import write_wikidata_turtle

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "party-cells-2013"
QUERIES = ROOT / "examples" / "queries"
BASE = "https://w3id.org/kwpld/id/"

LINKS = """\
kwpld: 1
wikidata_links:
  - {entity: wpk, qid: Q900000100, method: auto, score: 0.993, by: A. Scholar, date: 2024-05-01,
     label: "Workers' Party of Korea"}
  - {entity: wpk-pb-presidium, qid: Q900000106, method: review, score: 0.94, by: B. Reviewer,
     date: 2024-05-02, note: Checked against the 2012 conference list.}
  - {entity: michael-madden, qid: Q900000014, decision: rejected, method: review, score: 0.852,
     by: B. Reviewer, date: 2024-05-02}
  - {entity: nklw-2013-01-party-cell-secretaries, qid: Q900000400, method: manual,
     by: A. Scholar, date: 2024-05-03}
"""
WDQS_PREFIXES = {
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "psv": "http://www.wikidata.org/prop/statement/value/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "pqv": "http://www.wikidata.org/prop/qualifier/value/",
    "kwp": "https://w3id.org/kwpld/ontology#",
    "pr": "http://www.wikidata.org/prop/reference/",
    "wikibase": "http://wikiba.se/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory):
    """The example with links and a post held, built once."""
    data = Path(shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("rdf") / "records"))
    (data / "wikidata-links.yaml").write_text(LINKS, "utf-8")
    (data / "first-secretary.yaml").write_text(POST_HELD, "utf-8")
    articles = data / "articles.yaml"
    articles.write_text(
        articles.read_text("utf-8").replace(
            "    date: 2013-01\n    language: en\n    about: [meeting-of-cell-secretaries-4",
            "    date: 2013-01\n    url: https://www.nkleadershipwatch.org/2013/01/\n"
            "    language: en\n    about: [meeting-of-cell-secretaries-4",
            1,
        ),
        "utf-8",
    )
    result = kwpld.build(data, tmp_path_factory.mktemp("rdf-out") / "dist")
    result.data_dir = data  # type: ignore[attr-defined]  # for the rebuild below
    return result, result.graph.to_store()


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    rows = store.query(query, prefixes=WDQS_PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in rows.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in rows]


def test_accepted_links_are_owl_same_as_with_who_when_and_how(linked):
    _, store = linked
    rows = select(
        store,
        """SELECT ?record ?item ?method ?score ?who ?when ?note WHERE {
             GRAPH <https://w3id.org/kwpld/id/graph/wikidata-links> {
               ?record <http://www.w3.org/2002/07/owl#sameAs> ?item .
               ?link a <https://w3id.org/kwpld/ontology#WikidataLink> ;
                     <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?record ;
                     <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?item ;
                     <https://w3id.org/kwpld/ontology#linkMethod> ?method ;
                     prov:wasAttributedTo/rdfs:label ?who ;
                     <http://purl.org/dc/terms/date> ?when .
               OPTIONAL { ?link <https://w3id.org/kwpld/ontology#linkScore> ?score }
               OPTIONAL { ?link skos:note ?note }
             } } ORDER BY ?record""",
    )
    assert rows == [
        {
            "record": BASE + "article/nklw-2013-01-party-cell-secretaries",
            "item": "http://www.wikidata.org/entity/Q900000400",
            "method": "https://w3id.org/kwpld/vocab/link-method/manual",
            "who": "A. Scholar",
            "when": "2024-05-03",
        },
        {
            "record": BASE + "organ/wpk",
            "item": "http://www.wikidata.org/entity/Q900000100",
            "method": "https://w3id.org/kwpld/vocab/link-method/auto",
            "score": "0.993",
            "who": "A. Scholar",
            "when": "2024-05-01",
        },
        {
            "record": BASE + "organ/wpk-pb-presidium",
            "item": "http://www.wikidata.org/entity/Q900000106",
            "method": "https://w3id.org/kwpld/vocab/link-method/review",
            "score": "0.94",
            "who": "B. Reviewer",
            "when": "2024-05-02",
            "note": "Checked against the 2012 conference list.",
        },
    ]


def test_rejected_links_are_owl_different_from(linked):
    _, store = linked
    assert bool(
        store.query(
            "ASK { <https://w3id.org/kwpld/id/person/michael-madden> "
            "<http://www.w3.org/2002/07/owl#differentFrom> wd:Q900000014 }",
            prefixes=WDQS_PREFIXES,
            use_default_graph_as_union=True,
        )
    )


def test_linked_people_get_wikidata_style_statements(linked):
    _, store = linked
    rows = select(
        store,
        """SELECT ?p ?o WHERE { wd:Q56226 ?p ?o
             FILTER(STRSTARTS(STR(?p), "http://www.wikidata.org/prop/direct/")) } ORDER BY ?p ?o""",
    )
    truthy = {(r["p"].rsplit("/", 1)[1], r["o"]) for r in rows}
    assert ("P31", "http://www.wikidata.org/entity/Q5") in truthy
    assert ("P21", "http://www.wikidata.org/entity/Q6581097") in truthy
    assert ("P27", "http://www.wikidata.org/entity/Q423") in truthy
    assert ("P1559", "김정은") in truthy
    assert ("P1942", "Kim Chŏng-ŭn") in truthy
    assert ("P2001", "Gim Jeong-eun") in truthy
    assert ("P39", BASE + "post/wpk-first-secretary") in truthy
    labels = select(store, "SELECT ?l WHERE { wd:Q56226 rdfs:label ?l }")
    assert {r["l"] for r in labels} == {"Kim Jong Un", "김정은"}


def test_queries_written_for_wdqs_run_over_the_build(linked):
    _, store = linked
    rows = select(store, (QUERIES / "wdqs-offices-and-memberships.rq").read_text("utf-8"))
    kim = [r for r in rows if r["person"].endswith("/Q56226")]
    assert kim == [
        {
            "person": "http://www.wikidata.org/entity/Q56226",
            "personLabel": "Kim Jong Un",
            "property": "P39",
            "of": BASE + "post/wpk-first-secretary",
            "ofLabel": "First Secretary of the Workers' Party of Korea",
            "from": "2012-04-11T00:00:00Z",
            "until": "2016-05-09T00:00:00Z",
            "fact": "yes",
            "source": "http://www.wikidata.org/entity/Q900000400",
        }
    ]
    names = select(store, (QUERIES / "wdqs-korean-names.rq").read_text("utf-8"))
    assert [r["korean"] for r in names] == ["장성택", "김일성", "김정일", "김정은"]
    assert names[3]["mccuneReischauer"] == "Kim Chŏng-ŭn"
    precision = select(
        store,
        """SELECT ?precision ?year WHERE { wd:Q56226 p:P39 ?st . ?st pq:P580 ?start ;
             pqv:P580/wikibase:timePrecision ?precision .
             BIND(YEAR(?start) AS ?year) }""",
    )
    assert precision == [{"precision": "11", "year": "2012"}]


def test_a_projected_membership_is_a_statement_but_not_a_truthy_fact(linked):
    _, store = linked
    rows = select(store, (QUERIES / "wdqs-offices-and-memberships.rq").read_text("utf-8"))
    jang = [r for r in rows if r["person"].endswith("/Q496004")]
    assert jang == [
        {
            "person": "http://www.wikidata.org/entity/Q496004",
            "personLabel": "Jang Song Taek",
            "property": "P463",
            "of": "http://www.wikidata.org/entity/Q900000106",
            "ofLabel": "Presidium of the Political Bureau of the Central Committee of the "
            "Workers' Party of Korea",
            "asOf": "2013-01-01T00:00:00Z",
            "fact": "no",
            "source": BASE + "article/graphic-kwp-pb-2013-01",
        }
    ]
    assert not select(store, "SELECT ?o WHERE { wd:Q496004 wdt:P463 ?o }")
    restated = select(
        store,
        """SELECT ?claim ?precision WHERE { wd:Q496004 p:P463 ?st .
             ?st kwp:restates ?claim ; pqv:P585/wikibase:timePrecision ?precision }""",
    )
    assert restated == [
        {"claim": BASE + "membership/jang-song-taek.pb-presidium.2013-01", "precision": "10"}
    ]


def test_references_cite_the_source_item_and_its_url(linked):
    _, store = linked
    rows = select(
        store,
        """SELECT DISTINCT ?statedIn ?url WHERE { wd:Q56226 p:P39 ?st .
             ?st prov:wasDerivedFrom ?ref . ?ref pr:P248 ?statedIn .
             OPTIONAL { ?ref pr:P854 ?url } }""",
    )
    assert rows == [
        {
            "statedIn": "http://www.wikidata.org/entity/Q900000400",
            "url": "https://www.nkleadershipwatch.org/2013/01/",
        }
    ]


def test_linked_organs_and_publications_get_their_statements(linked):
    _, store = linked
    rows = select(store, "SELECT ?p ?o WHERE { wd:Q900000106 ?p ?o }")
    found = {(r["p"].rsplit("/", 1)[-1], r["o"]) for r in rows}
    assert ("P361", BASE + "organ/wpk-pb") in found  # its parent has no item: kwpld's IRI stands in
    assert ("P31", "http://www.wikidata.org/entity/Q43229") in found
    party = {
        (r["p"].rsplit("/", 1)[-1], r["o"])
        for r in select(store, "SELECT ?p ?o WHERE { wd:Q900000100 ?p ?o }")
    }
    assert ("P31", "http://www.wikidata.org/entity/Q7278") in party
    article = {
        (r["p"].rsplit("/", 1)[-1], r["o"])
        for r in select(store, "SELECT ?p ?o WHERE { wd:Q900000400 ?p ?o }")
    }
    assert (
        "P1476",
        "Party Cell Secretaries to Meet on 28 January, Political Bureau Issues Report",
    ) in article
    assert ("P577", "2013-01-01T00:00:00Z") in article
    assert ("P123", BASE + "organ/nk-leadership-watch") in article
    assert ("P953", "https://www.nkleadershipwatch.org/2013/01/") in article


def test_wikidata_ttl_holds_the_wikidata_graph_alone_and_parses_with_rapper(linked, tmp_path):
    result, _ = linked
    path = write_wikidata_turtle(result.graph, tmp_path)["wikidata"]
    rapper = require_tool("rapper")
    done = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=True
    )
    count = int(re.search(r"returned (\d+) triples", done.stderr).group(1))
    graph = f"<{BASE}graph/wikidata>"
    assert count == len({(s, p, o) for s, p, o, g in result.graph.quads() if g == graph})
    assert "owl:sameAs" not in path.read_text("utf-8")


def test_builds_of_the_same_records_are_byte_identical(linked, tmp_path):
    result, _ = linked
    again = kwpld.build(result.data_dir, tmp_path / "dist")
    assert again.files["turtle"].read_bytes() == result.files["turtle"].read_bytes()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_wikidata_turtle(result.graph, tmp_path / "a")["wikidata"]
    second = write_wikidata_turtle(again.graph, tmp_path / "b")["wikidata"]
    assert first.read_bytes() == second.read_bytes()


def test_without_any_wikidata_item_there_is_no_wikidata_graph(tmp_path):
    data = Path(shutil.copytree(EXAMPLE, tmp_path / "records"))
    people = data / "people.yaml"
    people.write_text(re.sub(r"\n    wikidata: Q\d+", "", people.read_text("utf-8")), "utf-8")
    _, graph = kwpld.build_graph(data)
    assert write_wikidata_turtle(graph, tmp_path) == {}
    assert not [q for q in graph.quads() if "wikidata" in q[3]]


def test_property_kinds_name_exactly_the_properties_the_facts_use():
    """PROPERTY_KINDS (which the shapes' property lists follow) lists every property code the
    fact builder writes, and no other: read from the source, whatever the branch."""
    import ast
    import inspect

    from kwpld.wikidata import facts

    tree = ast.parse(inspect.getsource(facts))
    tree.body = [
        node
        for node in tree.body
        if not (isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "PROPERTY_KINDS")
    ]
    used = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"P[1-9][0-9]*", node.value)
    }
    declared = set(facts.PROPERTY_KINDS["statement"]) | set(facts.PROPERTY_KINDS["qualifier"])
    assert used == declared


def test_every_fact_has_the_value_kind_declared_for_its_property(linked_example):
    from kwpld.wikidata.facts import PROPERTY_KINDS, wikidata_view

    view = wikidata_view(kwpld.load_records(linked_example))
    statement, qualifier = PROPERTY_KINDS["statement"], PROPERTY_KINDS["qualifier"]
    seen_kinds = set()
    for fact in view.facts:
        assert statement[fact.prop] == fact.value.kind, fact
        seen_kinds.add(fact.value.kind)
        for prop, value in fact.qualifiers:
            assert qualifier[prop] == value.kind, fact
            seen_kinds.add(value.kind)
    assert seen_kinds == set(statement.values())  # the example exercises every kind
