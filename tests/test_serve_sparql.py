"""kwpld serve's /sparql: the SPARQL 1.1 Protocol, spoken by real clients over real HTTP.

The server runs in a thread of the test process (BackgroundServer: the same application as
``kwpld serve``, on a socket on 127.0.0.1); the clients are requests, curl, SPARQLWrapper and
rdflib's SPARQLStore, and answers are parsed back with pyoxigraph, rdflib and the csv module.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import time
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import requests
from conftest import EXAMPLE, require_tool
from wikidata_endpoint import SparqlEndpoint

from kwpld.serve import BackgroundServer, ServeOptions

PEOPLE = """PREFIX schema: <http://schema.org/>
SELECT ?person WHERE { ?person a schema:Person } ORDER BY ?person"""
CONSTRUCT = """PREFIX schema: <http://schema.org/>
CONSTRUCT { ?person a schema:Person } WHERE { ?person a schema:Person }"""
SLOW = "SELECT ?z { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STR(?i) = STR(?a)) } LIMIT 60000"
"""Rows streamed steadily (about 5,000 a second on the example on a quiet machine of December
2026) for about 12 s, far past the test server's 1 s deadline on a machine several times faster,
so that the worker notices the deadline at its next row and stops. ``?z`` is never bound, so
each row is an empty binding and the answer stays far under the 1 MB size limit (the query of
4,900 three-variable rows it replaces ended in 0.94 s on a quiet machine and passed the
deadline)."""


@pytest.fixture(scope="module")
def server():
    options = ServeOptions(port=0, timeout=1.0, max_size=1_000_000, watch=0)
    with BackgroundServer(EXAMPLE, options) as running:
        yield running


@pytest.fixture(scope="module")
def endpoint(server) -> str:
    return server.url + "sparql"


def count(endpoint: str) -> int:
    answer = requests.get(
        endpoint, params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}
    )
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def people(answer: requests.Response) -> list[str]:
    return [row["person"]["value"] for row in answer.json()["results"]["bindings"]]


def test_get_form_post_and_body_post_give_the_same_answer(endpoint):
    by_get = requests.get(endpoint, params={"query": PEOPLE})
    by_form = requests.post(endpoint, data={"query": PEOPLE})
    by_body = requests.post(
        endpoint,
        data=PEOPLE.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query"},
    )
    for answer in (by_get, by_form, by_body):
        assert answer.status_code == 200, answer.text
        assert answer.headers["Content-Type"] == "application/sparql-results+json"
    assert people(by_get) == people(by_form) == people(by_body)
    assert "https://w3id.org/kwpld/id/person/jang-song-taek" in people(by_get)
    assert len(people(by_get)) == 6


def test_results_by_accept_json_xml_csv_tsv(endpoint):
    expected = people(requests.get(endpoint, params={"query": PEOPLE}))
    xml = requests.get(
        endpoint, params={"query": PEOPLE}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert xml.headers["Content-Type"] == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(xml.content)
    assert [u.text for u in root.findall(".//r:binding/r:uri", ns)] == expected
    csv_answer = requests.get(endpoint, params={"query": PEOPLE}, headers={"Accept": "text/csv"})
    assert csv_answer.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_answer.text)))
    assert rows[0] == ["person"] and [r[0] for r in rows[1:]] == expected
    tsv = requests.get(
        endpoint, params={"query": PEOPLE}, headers={"Accept": "text/tab-separated-values"}
    )
    lines = tsv.text.splitlines()
    assert lines[0] == "?person" and lines[1:] == [f"<{p}>" for p in expected]
    # q-values decide; a type that cannot carry the answer gets the default, with its type
    weighted = requests.get(
        endpoint,
        params={"query": PEOPLE},
        headers={"Accept": "application/sparql-results+json;q=0.5, text/csv"},
    )
    assert weighted.headers["Content-Type"].startswith("text/csv")
    other = requests.get(endpoint, params={"query": PEOPLE}, headers={"Accept": "image/png"})
    assert other.headers["Content-Type"] == "application/sparql-results+json"
    # the format parameter overrides Accept, as on Fuseki and Virtuoso
    named = requests.get(endpoint, params={"query": PEOPLE, "format": "tsv"})
    assert named.text.splitlines()[0] == "?person"


def test_ask_in_json_and_xml(endpoint):
    query = "ASK { ?s a <http://schema.org/Person> }"
    assert requests.get(endpoint, params={"query": query}).json() == {"head": {}, "boolean": True}
    xml = requests.get(endpoint, params={"query": query, "format": "xml"})
    assert "<boolean>true</boolean>" in xml.text


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_and_describe_as_rdf(endpoint, accept, fmt):
    answer = requests.get(endpoint, params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].split(";")[0] == accept
    triples = list(ox.parse(answer.content, format=fmt))
    assert len(triples) == 6
    describe = requests.get(
        endpoint,
        params={"query": "DESCRIBE <https://w3id.org/kwpld/id/person/jang-song-taek>"},
        headers={"Accept": accept},
    )
    described = list(ox.parse(describe.content, format=fmt))
    assert any(t.predicate.value.endswith("#prefLabel") for t in described)


def test_updates_are_refused_and_the_data_stays(endpoint):
    before = count(endpoint)
    update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    for answer in (
        requests.post(endpoint, data={"update": update}),
        requests.post(endpoint, data=update, headers={"Content-Type": "application/sparql-update"}),
        requests.post(endpoint, data={"query": update}),  # an update sent as a query
        requests.get(endpoint, params={"query": "PREFIX x: <urn:x#>\n# drop\nDROP ALL"}),
    ):
        assert answer.status_code == 403, answer.text
        assert "read-only" in answer.text
    assert count(endpoint) == before


def test_a_syntax_error_is_a_400_with_the_parsers_message(endpoint):
    answer = requests.get(endpoint, params={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert answer.status_code == 400
    assert answer.text.startswith("SPARQL syntax error: error at 1:")
    assert requests.get(endpoint).status_code == 400  # no query at all
    both = requests.get(endpoint, params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert both.status_code == 400 and "exactly one" in both.text
    odd = requests.post(endpoint, data=b"x", headers={"Content-Type": "text/plain"})
    assert odd.status_code == 415


def test_a_query_past_its_deadline_is_a_503_and_its_evaluation_stops(server, endpoint):
    started = time.monotonic()
    answer = requests.get(endpoint, params={"query": SLOW}, timeout=30)
    assert answer.status_code == 503 and "ran out of time (1 s)" in answer.text
    assert time.monotonic() - started < 5
    engine = server.app.app.state.server.engine
    deadline = time.monotonic() + 5
    while engine.running and time.monotonic() < deadline:  # the worker stops at its next row
        time.sleep(0.05)
    assert engine.running == 0
    assert requests.get(endpoint, params={"query": PEOPLE}).status_code == 200


def test_an_answer_over_the_size_limit_is_refused(endpoint):
    big = "SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 20000"
    answer = requests.get(endpoint, params={"query": big})
    assert answer.status_code == 503 and "larger than 1 MB" in answer.text
    fits = requests.get(endpoint, params={"query": big.replace("20000", "100")})
    assert fits.status_code == 200 and len(fits.json()["results"]["bindings"]) == 100


def test_cors_lets_browser_tools_query(endpoint):
    preflight = requests.options(
        endpoint,
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    answer = requests.post(
        endpoint, data={"query": PEOPLE}, headers={"Origin": "https://yasgui.example"}
    )
    assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "set-cookie" not in answer.headers  # no session for a SPARQL client


def test_default_and_named_graph_parameters(endpoint):
    records = "https://w3id.org/kwpld/id/graph/records"
    only_records = requests.get(
        endpoint,
        params={
            "query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "default-graph-uri": records,
        },
    ).json()
    union = requests.get(endpoint, params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}).json()
    n_records = int(only_records["results"]["bindings"][0]["n"]["value"])
    n_union = int(union["results"]["bindings"][0]["n"]["value"])
    assert 0 < n_records < n_union


def test_federated_service_joins_this_graph_with_a_second_endpoint(endpoint):
    """A scholar's join with Wikidata, against a Wikidata stand-in on 127.0.0.1."""
    with SparqlEndpoint() as wikidata:
        query = f"""
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            SELECT ?person ?born WHERE {{
              ?person owl:sameAs ?item .
              SERVICE <{wikidata.url}> {{ ?item wdt:P569 ?born }}
            }} ORDER BY ?person"""
        answer = requests.get(endpoint, params={"query": query}, timeout=30)
        assert answer.status_code == 200, answer.text
        rows = {
            r["person"]["value"].rsplit("/", 1)[1]: r["born"]["value"]
            for r in answer.json()["results"]["bindings"]
        }
        assert rows["kim-jong-un"] == "1984-01-08T00:00:00Z"
        assert rows["kim-il-sung"] == "1912-04-15T00:00:00Z"
        assert any(r.method == "GET" or r.method == "POST" for r in wikidata.requests)


def test_sparqlwrapper(endpoint):
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    client = sparqlwrapper.SPARQLWrapper(endpoint)
    client.setQuery(PEOPLE)
    client.setReturnFormat(sparqlwrapper.JSON)
    result = client.query().convert()
    assert len(result["results"]["bindings"]) == 6
    client.setReturnFormat(sparqlwrapper.XML)  # its default, parsed with minidom
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == 6
    client.setMethod(sparqlwrapper.POST)
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(sparqlwrapper.TURTLE)
    graph_text = client.query().convert()
    assert len(list(ox.parse(graph_text, format=ox.RdfFormat.TURTLE))) == 6
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    client.setMethod(sparqlwrapper.POST)
    with pytest.raises(Exception, match="403|read-only|Forbidden"):
        client.query()


def test_rdflib_sparqlstore(endpoint):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(endpoint, returnFormat="json")
    graph = Graph(store)
    rows = list(graph.query(PEOPLE))
    assert len(rows) == 6
    assert str(rows[0][0]).startswith("https://w3id.org/kwpld/id/person/")
    constructed = graph.query(CONSTRUCT)
    assert len(constructed.graph) == 6
    post = SPARQLStore(endpoint, method="POST_FORM", returnFormat="xml")
    assert len(list(Graph(post).query(PEOPLE))) == 6


def test_curl(endpoint):
    curl = require_tool("curl")
    done = subprocess.run(
        [curl, "-sS", "-H", "Accept: text/csv", "--data-urlencode", f"query={PEOPLE}", endpoint],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stdout.splitlines()[0] == "person"
    assert len(done.stdout.splitlines()) == 7
    status = subprocess.run(
        [curl, "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H",
         "Content-Type: application/sparql-update", "--data", "CLEAR ALL", endpoint],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    assert status.stdout == "403"


def test_json_results_are_valid_sparql_json(endpoint):
    answer = requests.get(
        endpoint,
        params={
            "query": "SELECT ?l WHERE { <https://w3id.org/kwpld/id/person/jang-song-taek> "
            "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
        },
    )
    data = json.loads(answer.content)
    languages = {b["l"].get("xml:lang") for b in data["results"]["bindings"]}
    assert {"en", "ko"} <= languages
