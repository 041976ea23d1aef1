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
