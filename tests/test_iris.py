"""IRIs are minted in one place (kwpld.iris), and published IRIs never change.

The expected IRIs below are in the example's published release: a change to any of them
breaks every link a consumer made to that node.
"""

from __future__ import annotations

from conftest import EXAMPLE

import kwpld
from kwpld.dates import parse_date
from kwpld.iris import GraphNames, Minter, content_hash
from kwpld.model import Name, Origin, WikidataLink

BASE = "https://w3id.org/kwpld/id/"


def test_entity_and_inner_nodes_keep_their_published_iris() -> None:
    mint = Minter(BASE)
    assert mint.entity("person", "kim-jong-un") == f"<{BASE}person/kim-jong-un>"
    name = Name("Kim Jong Un", "en", "preferred")
    assert mint.label("kim-jong-un", name) == f"<{BASE}label/kim-jong-un.en.852474fec8>"
    # Wikidata time values hash to 12 digits, as the Wikidata writer always did
    assert mint.time_value("2013-01") == f"<{BASE}value/aef36d041a11>"
    assert mint.participation("e1", "kim-jong-un") == f"<{BASE}participation/e1.kim-jong-un>"
    assert mint.derivation("kim-jong-su", "born") == f"<{BASE}derivation/kim-jong-su.born>"


def test_a_link_and_its_agent() -> None:
    mint = Minter(BASE)
    link = WikidataLink(
        "kim-jong-un", "Q56226", Origin("wikidata-links.yaml", 3), "Jane Doe",
        parse_date("2024-05-01"), "review",
    )  # fmt: skip
    assert mint.link(link) == f"<{BASE}link/kim-jong-un.Q56226>"
    assert mint.record(link) == mint.link(link)
    assert mint.agent("Jane Doe") == f"<{BASE}agent/jane-doe>"
    # a name with nothing to slug gets a hash
    assert mint.agent("???") == f"<{BASE}agent/{content_hash('???', size=12)}>"


def test_graph_names_hold_every_graph_of_a_dataset() -> None:
    names = GraphNames(BASE)
    assert names.records == f"{BASE}graph/records"
    assert names.links == f"{BASE}graph/wikidata-links"
    assert names.wikidata == f"{BASE}graph/wikidata"
    assert names.source("a1") == f"{BASE}graph/source/a1"
    assert names.source("a1").startswith(names.source_prefix)


def test_every_node_of_the_example_is_one_the_minter_makes() -> None:
    """Each IRI under the base starts with a path of the minter's (no other code mints)."""
    records, graph = kwpld.build_graph(EXAMPLE)
    mint = Minter(graph.base_iri)
    quads = graph.quads()
    nodes = {t for q in quads for t in (q[0], q[2]) if t.startswith(f"<{graph.base_iri}")}
    assert nodes
    kinds = ("person", "organ", "post", "membership", "event", "article", "place", "label")
    kinds += ("participation", "renaming", "rule", "quote", "statement", "reference", "value")
    kinds += ("derivation",)
    prefixes = tuple(f"<{mint.prefix(k)}" for k in kinds)
    assert {n for n in nodes if not n.startswith(prefixes)} == set()
    for record in records:
        assert mint.record(record) in nodes


def test_the_way_back_from_an_iri_to_its_record_id() -> None:
    """Charts, the site and the workbench read a record id off an IRI through the minter,
    so the inverse can never disagree with the minting."""
    mint = Minter(BASE)
    person = mint.entity_iri("person", "kim-jong-un")
    assert f"<{person}>" == mint.entity("person", "kim-jong-un")
    assert mint.record_id(person, "person") == "kim-jong-un"
    assert mint.record_id(person, "organ") is None
    assert mint.record_id("https://example.org/person/kim-jong-un", "person") is None
    assert mint.parse(person) == ("person", "kim-jong-un")
    assert mint.parse(f"{BASE}nothing/x") is None
    assert mint.parse(f"{BASE}person") is None
    assert mint.parse("https://example.org/person/x") is None
    names = mint.graphs
    assert names.source_id(names.source("a1")) == "a1"
    assert names.source_id(f"<{names.source('a1')}>") == "a1"
    assert names.source_id(names.records) is None
    assert names.prefix == f"{BASE}graph/" and names.records.startswith(names.prefix)


def test_the_release_description_keeps_its_published_iris() -> None:
    """void.ttl's nodes, as the example's release has them."""
    mint = Minter(BASE)
    dataset = f"{BASE}dataset/party-cells-2013"
    assert mint.dataset("party-cells-2013") == dataset
    assert mint.dataset_agent("party-cells-2013", "creator", "kwpld developers") == (
        f"<{dataset}/creator/kwpld-developers>"
    )
    assert mint.dataset_agent("party-cells-2013", "publisher", "???") == (
        f"<{dataset}/publisher/publisher>"
    )
    assert mint.distribution("party-cells-2013", "data.nq") == f"<{dataset}/distribution/data.nq>"
    assert mint.checksum("party-cells-2013", "data.nq") == (
        f"<{dataset}/distribution/data.nq/sha256>"
    )
    event = mint.partition("party-cells-2013", "class", "<http://schema.org/Event>")
    assert event == f"<{dataset}/class/event-1c00a850>"
