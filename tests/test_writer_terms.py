"""Writers keep every term as it is: lexical forms in JSON-LD, and only IRIs as graph names."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import FIXTURES

from kwpld.build import build_graph
from kwpld.graph import KnowledgeGraph
from kwpld.namespaces import XSD
from kwpld.publish import write_release

INTEGER = f"<{XSD}integer>"
S, P = "<https://example.org/kwp/test/s>", "<https://example.org/kwp/test/p>"


def test_json_ld_keeps_non_canonical_integers_as_typed_values(tmp_path: Path):
    records, graph = build_graph(FIXTURES / "minimal")
    g = f"<{graph.graph_names.records}>"
    forms = ["-0", "+1", "007", "0", "-12", "1234567890123456"]
    for form in forms:
        graph.add(S, P, f'"{form}"^^{INTEGER}', g)
    write_release(records, graph, tmp_path)

    parsed = {
        q.object.value
        for q in ox.parse(path=str(tmp_path / "data.jsonld"), format=ox.RdfFormat.JSON_LD)
        if q.predicate == ox.NamedNode(P[1:-1])
    }
    assert parsed == set(forms)  # "-0" came back as 0, "007" as 7 before
    text = (tmp_path / "data.jsonld").read_text("utf-8")
    assert '"@value": "-0"' in text and '"@value": "007"' in text
    assert '"@value": "0"' not in text  # the canonical forms stay JSON numbers


@pytest.mark.parametrize("name", ["_:g1", '"graph"', "graph", ""])
def test_graph_names_must_be_iris(name: str):
    graph = KnowledgeGraph("https://example.org/kwp/", {})
    quad = (S, P, '"x"', name)
    with pytest.raises(ValueError, match="is not an IRI term"):
        graph.add(*quad)
    with pytest.raises(ValueError, match="blank-node"):
        graph.update([quad])
    with pytest.raises(ValueError, match="is not an IRI term"):
        KnowledgeGraph("https://example.org/kwp/", {}, {quad})
    assert len(graph) == 0
    graph.add(S, P, '"x"', "<https://example.org/kwp/graph/records>")
    assert len(graph) == 1
