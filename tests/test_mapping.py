"""Mapping records to RDF: IRIs from ids, stability, names, dates, claims and provenance."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pyoxigraph as ox
import yaml
from conftest import EXAMPLE, FIXTURES

import kwpld
from kwpld.build import build
from kwpld.mapping import map_records


def test_iris_are_minted_from_ids_under_the_configured_base():
    records = kwpld.load_records(FIXTURES / "minimal")
    graph = map_records(records)
    subjects = {s for s, *_ in graph.quads()}
    assert "<https://example.org/kwp/person/kim-jong-su>" in subjects
    assert "<https://example.org/kwp/organ/wpk-cc>" in subjects
    other = map_records(records, base_iri="http://data.example.com/wpk/")
    subjects = {s for s, *_ in other.quads()}
    assert "<http://data.example.com/wpk/person/kim-jong-su>" in subjects
    assert not any("example.org/kwp" in s for s in subjects)


def test_no_blank_nodes_anywhere(built_example):
    for quad in built_example.graph.quads():
        assert not any(term.startswith("_:") for term in quad)


def test_reordering_records_and_files_gives_byte_identical_turtle(tmp_path: Path):
    first = build(EXAMPLE, tmp_path / "a").files["turtle"].read_bytes()
    shuffled = tmp_path / "shuffled"
    shutil.copytree(EXAMPLE, shuffled)
    rng = random.Random(7)
    for path in sorted(shuffled.glob("*.yaml")):
        if path.name == "kwpld.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for records in data.values():
            if isinstance(records, list):
                rng.shuffle(records)
                for record in records:
                    if isinstance(record, dict) and isinstance(record.get("mentions"), list):
                        rng.shuffle(record["mentions"])
        # also move the records into a file of another name
        target = shuffled / f"z-{path.name}"
        target.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8"
        )
        path.unlink()
    second = build(shuffled, tmp_path / "b").files["turtle"].read_bytes()
    assert first == second


def test_building_twice_gives_byte_identical_output(tmp_path: Path):
    one = build(EXAMPLE, tmp_path / "one").files["turtle"].read_bytes()
    two = build(EXAMPLE, tmp_path / "two").files["turtle"].read_bytes()
    assert one == two


def test_dates_are_typed_by_precision(built_example):
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = {o for _, _, o in built_example.graph.triples()}
    assert f'"1991-05"^^<{xsd}gYearMonth>' in objects
    assert f'"2013-01-28"^^<{xsd}date>' in objects
    assert f'"2013-01"^^<{xsd}gYearMonth>' in objects


def test_names_become_skos_labels_and_skosxl_resources_with_their_system():
    store = kwpld.build_graph(FIXTURES / "minimal")[1].to_store()
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX skosxl: <http://www.w3.org/2008/05/skos-xl#>
        PREFIX kwp: <https://w3id.org/kwpld/ontology#>
        SELECT ?prop ?form ?system ?kind WHERE {
          <https://example.org/kwp/person/kim-jong-su> ?prop ?label .
          ?label a skosxl:Label ; skosxl:literalForm ?form ; kwp:nameSystem ?s ; kwp:nameKind ?k .
          BIND(STRAFTER(STR(?s), "name-system/") AS ?system)
          BIND(STRAFTER(STR(?k), "name-kind/") AS ?kind)
        } ORDER BY ?system ?form"""
    found = [
        (r["prop"].value.rsplit("#", 1)[1], str(r["form"]), r["system"].value, r["kind"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    assert found == [
        ("prefLabel", '"Kim Jong Su"@en', "en", "preferred"),
        ("hiddenLabel", '"the respected author"@en', "en", "epithet"),
        ("prefLabel", '"김정수"@ko', "hangul", "preferred"),
        ("altLabel", '"Kim Chŏng-su"@ko-latn', "mr", "preferred"),
        ("altLabel", '"Kim Cho\'ng-su"@ko-latn', "mr-ascii", "preferred"),
        ("altLabel", '"Gim Jeong-su"@ko-latn', "rr", "preferred"),
    ]


def test_claims_without_sources_fall_back_to_the_records_graph(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    path = data / "memberships.csv"
    path.write_text(path.read_text().replace(",report-1,", ",,"), encoding="utf-8")
    graph = kwpld.build_graph(data)[1]
    membership = "<https://example.org/kwp/membership/m-1>"
    graphs = {g for s, _, _, g in graph.quads() if s == membership}
    assert graphs == {"<https://example.org/kwp/graph/records>"}


def test_confirmed_memberships_also_get_direct_edges_reported_ones_do_not(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    member_of = "<http://www.w3.org/ns/org#memberOf>"
    graph = kwpld.build_graph(data)[1]
    assert not any(p == member_of for _, p, _ in graph.triples())
    path = data / "memberships.csv"
    path.write_text(path.read_text().replace(",reported,", ",confirmed,"), encoding="utf-8")
    graph = kwpld.build_graph(data)[1]
    assert (
        "<https://example.org/kwp/person/jang-song-taek>",
        member_of,
        "<https://example.org/kwp/organ/wpk-cc>",
    ) in graph.triples()


def test_origins_lead_back_to_records(built_example):
    origins = built_example.graph.origins
    label = next(iri for iri in origins if "/label/kim-jong-su." in iri)
    assert origins[label] == "kim-jong-su"
    record = built_example.records[origins[label]]
    assert record.origin.file == "people.yaml" and record.origin.line > 1


def test_vocabulary_concepts_travel_with_the_data(built_example):
    store = built_example.graph.to_store()
    label = store.query(
        "SELECT ?l WHERE { GRAPH ?g { <https://w3id.org/kwpld/vocab/membership-status/projected> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }"
    )
    assert [r["l"] for r in label] == [ox.Literal("projected", language="en")]
