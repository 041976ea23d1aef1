"""The release folder: every format, checked by independent parsers, and byte-identical rebuilds."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import require_tool
from publish_helpers import (
    EXAMPLE,
    build_release,
    manifest,
    nquads_dataset,
    quad_strings,
    tree_digest,
)

from kwpld.errors import InputError
from kwpld.namespaces import RDF_TYPE, SCHEMA
from kwpld.publish.lines import parse_size

BASE = "https://w3id.org/kwpld/id/"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_release(tmp_path_factory.mktemp("release") / "dist")


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same release with gzipped line formats split into 40 KB parts."""
    return build_release(tmp_path_factory.mktemp("packed") / "dist", gzip=True, split_size=40_000)


def test_manifest_lists_every_file_with_checksum_size_and_media_type(release: Path) -> None:
    data = manifest(release)
    on_disk = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()}
    listed = {f["path"] for f in data["files"]}
    assert listed == on_disk - {"manifest.json"}
    for entry in data["files"]:
        raw = (release / entry["path"]).read_bytes()
        assert entry["bytes"] == len(raw)
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest()
        assert entry["media_type"]
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path["data.nq"]["media_type"] == "application/n-quads"
    assert by_path["data.jsonld"]["media_type"] == "application/ld+json"
    assert by_path["data.ttl"]["triples"] == data["triples"]
    assert (
        by_path["data.nq"]["triples"] == data["quads"] == sum(g["triples"] for g in data["graphs"])
    )


def test_named_graphs_are_records_sources_vocabularies_and_ontology(release: Path) -> None:
    graphs = {g["iri"]: g for g in manifest(release)["graphs"]}
    assert set(graphs) == {
        f"{BASE}graph/records",
        f"{BASE}graph/vocabularies",
        f"{BASE}graph/ontology",
        f"{BASE}graph/wikidata",
        f"{BASE}graph/source/graphic-kwp-pb-2013-01",
        f"{BASE}graph/source/nklw-2013-01-party-cell-secretaries",
        f"{BASE}graph/source/pb-report-2013-01-23",
        f"{BASE}graph/source/state-media-2013-01-18",
    }
    # Graphs of their own get an N-Triples file; the per-source graphs share one N-Quads file,
    # sorted by graph, so an archive of many sources is still a handful of files.
    assert graphs[f"{BASE}graph/records"]["files"] == ["graphs/records.nt"]
    for iri, entry in graphs.items():
        if "/graph/source/" in iri:
            assert entry["files"] == ["graphs/sources.nq"]
    on_disk = sorted(p.relative_to(release).as_posix() for p in (release / "graphs").rglob("*"))
    assert on_disk == [
        "graphs/ontology.nt",
        "graphs/ontology.nt.graph",
        "graphs/records.nt",
        "graphs/records.nt.graph",
        "graphs/sources.nq",
        "graphs/vocabularies.nt",
        "graphs/vocabularies.nt.graph",
        "graphs/wikidata.nt",
        "graphs/wikidata.nt.graph",
    ]
    quads = (release / "graphs" / "sources.nq").read_text("utf-8").splitlines()
    named = [line.rsplit(" ", 2)[1] for line in quads]
    assert named == sorted(named)  # sorted by graph, so each graph is one run of lines
    assert len(quads) == sum(e["triples"] for i, e in graphs.items() if "/graph/source/" in i)
    ontology = ox.Dataset(ox.parse(path=str(release / "ontology" / "kwp.ttl")))
    assert graphs[f"{BASE}graph/ontology"]["triples"] == len(ontology)
    # The ontology's own IRI is described inside the ontology graph.
    assert any(
        str(q.subject) == "<https://w3id.org/kwpld/ontology>"
        and str(q.graph_name) == f"<{BASE}graph/ontology>"
        for q in nquads_dataset(release)
    )


def test_same_input_gives_byte_identical_release(
    tmp_path: Path, release: Path, packed: Path
) -> None:
    again = build_release(tmp_path / "again")
    assert tree_digest(again) == tree_digest(release)
    packed_again = build_release(tmp_path / "packed-again", gzip=True, split_size=40_000)
    assert tree_digest(packed_again) == tree_digest(packed)


def _count_with_pyoxigraph(path: Path) -> int:
    fmt = {
        ".ttl": ox.RdfFormat.TURTLE,
        ".trig": ox.RdfFormat.TRIG,
        ".nt": ox.RdfFormat.N_TRIPLES,
        ".nq": ox.RdfFormat.N_QUADS,
    }[path.suffix]
    return sum(
        1 for _ in ox.parse(path=str(path), format=fmt, base_iri="https://example.org/release/")
    )


def _dumps(folder: Path) -> list[Path]:
    names = ("data.ttl", "data.trig", "data.nt", "data.nq", "void.ttl")
    return (
        [folder / n for n in names]
        + sorted((folder / "graphs").rglob("*.nt"))
        + sorted((folder / "graphs").rglob("*.nq"))
        + sorted((folder / "ontology").glob("*.ttl"))
    )


def test_every_dump_parses_with_pyoxigraph_to_its_manifest_count(release: Path) -> None:
    counts = {f["path"]: f["triples"] for f in manifest(release)["files"]}
    for path in _dumps(release):
        relative = path.relative_to(release).as_posix()
        if relative == "void.ttl" or relative.startswith("ontology/vocabularies"):
            assert _count_with_pyoxigraph(path) > 0
            continue
        assert _count_with_pyoxigraph(path) == counts[relative], relative


@pytest.mark.parametrize("tool", ["rapper", "serdi"])
def test_every_dump_parses_with_debian_parsers(release: Path, tool: str) -> None:
    binary = require_tool(tool)
    syntax = {".ttl": "turtle", ".trig": "trig", ".nt": "ntriples", ".nq": "nquads"}
    for path in _dumps(release):
        expected = _count_with_pyoxigraph(path)
        base = "https://example.org/release/"
        if tool == "rapper":
            done = subprocess.run(
                [binary, "-i", syntax[path.suffix], "-c", str(path), base],
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, f"{path.name}: {done.stderr}"
            found = int(done.stderr.strip().rsplit("returned", 1)[1].split()[0])
        else:
            done = subprocess.run(
                [binary, "-i", syntax[path.suffix], "-o", "nquads", "-q", str(path), base],
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, f"{path.name}: {done.stderr}"
            found = sum(1 for line in done.stdout.splitlines() if line.strip())
        assert found == expected, (
            f"{tool} read {found} triples from {path.name}, pyoxigraph {expected}"
        )


def test_dataset_jsonld_expands_to_exactly_the_nquads(release: Path) -> None:
    expected = nquads_dataset(release)
    expanded = ox.Dataset(ox.parse(path=str(release / "data.jsonld"), format=ox.RdfFormat.JSON_LD))
    expected.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    expanded.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    assert quad_strings(expanded) == quad_strings(expected)
    assert len(expanded) == manifest(release)["quads"]


def test_dataset_jsonld_expands_the_same_with_rdflib(release: Path) -> None:
    import rdflib

    nquads = rdflib.Dataset()
    nquads.parse(release / "data.nq", format="nquads")
    jsonld = rdflib.Dataset()
    jsonld.parse(release / "data.jsonld", format="json-ld")

    def quads(dataset: rdflib.Dataset) -> set[tuple[str, ...]]:
        return {
            (s.n3(), p.n3(), _lang_lower(o).n3(), g.n3())
            for s, p, o, g in dataset.quads((None, None, None, None))
            if g is not None and not isinstance(g, rdflib.term.BNode)
        }

    assert quads(jsonld) == quads(nquads)
    assert len(quads(nquads)) == manifest(release)["quads"]


def _lang_lower(term: object) -> object:
    import rdflib

    if isinstance(term, rdflib.Literal) and term.language:
        return rdflib.Literal(str(term), lang=term.language.lower())
    return term


def test_framed_files_hold_whole_entities_of_their_kind(release: Path) -> None:
    union = {(str(q.subject), str(q.predicate), str(q.object)) for q in nquads_dataset(release)}
    entries = {f["path"]: f for f in manifest(release)["files"]}
    kinds = {
        "people": "person",
        "organs": "organ",
        "posts": "post",
        "memberships": "membership",
        "events": "event",
        "articles": "article",
    }
    for name, kind in kinds.items():
        path = release / "framed" / f"{name}.jsonld"
        stated = {
            (str(q.subject), str(q.predicate), str(q.object))
            for q in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)
        }
        subjects = {s for s, _, _ in stated}
        # Every node in the file comes with all of its triples, and nothing else.
        assert stated == {t for t in union if t[0] in subjects}, name
        assert entries[f"framed/{name}.jsonld"]["triples"] == len(stated)
        roots = {s for s, _, _ in union if s.startswith(f"<{BASE}{kind}/")}
        document = json.loads(path.read_text("utf-8"))
        assert len(document["@graph"]) == len(roots)
        assert {f"<{BASE}{kind}/{n['id'].split(':', 1)[1]}>" for n in document["@graph"]} == roots


def test_framed_people_read_as_plain_json(release: Path) -> None:
    people = json.loads((release / "framed" / "people.jsonld").read_text("utf-8"))["@graph"]
    kim = next(p for p in people if p["id"] == "person:kim-jong-su")
    assert kim["type"] == "Person"
    assert kim["name"] == {"en": "Kim Jong Su"}
    # Language tags compared case-insensitively: BCP 47 tags are, and stores normalise them.
    spellings = {
        label["nameSystem"]: {k.lower(): v for k, v in label["literalForm"].items()}
        for label in kim["xlAltLabel"] + kim["xlPrefLabel"]
    }
    assert spellings["namesystem:mr-ascii"] == {"ko-latn": "Kim Cho'ng-su"}
    assert spellings["namesystem:hangul"] == {"ko": "김정수"}
    memberships = json.loads((release / "framed" / "memberships.jsonld").read_text("utf-8"))[
        "@graph"
    ]
    (jang,) = memberships
    assert jang["member"] == "person:jang-song-taek"
    assert jang["membershipStatus"] == "status:projected"
    assert jang["asOf"] == {"@value": "2013-01", "@type": "xsd:gYearMonth"}
    events = json.loads((release / "framed" / "events.jsonld").read_text("utf-8"))["@graph"]
    fourth = next(e for e in events if e["id"] == "event:meeting-of-cell-secretaries-4")
    assert fourth["ordinal"] == 4 and fourth["jucheYear"] == 102
    assert fourth["location"]["name"] == {"en": "Pyongyang"}  # places are embedded where used


def test_another_base_iri_gets_a_local_context_and_still_expands(tmp_path: Path) -> None:
    import kwpld
    from kwpld.publish import ReleaseOptions

    out = tmp_path / "other"
    kwpld.build(
        EXAMPLE,
        out,
        base_iri="https://example.org/kwp/",
        release=ReleaseOptions(),
    )
    document = json.loads((out / "data.jsonld").read_text("utf-8"))
    assert isinstance(document["@context"], list)
    assert document["@context"][1]["person"] == "https://example.org/kwp/person/"
    expanded = quad_strings(ox.parse(path=str(out / "data.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert expanded == quad_strings(nquads_dataset(out))
    assert any("<https://example.org/kwp/person/kim-jong-un>" in q for q in expanded)


def test_gzipped_split_parts_keep_lines_whole_and_name_their_graph(
    packed: Path, release: Path
) -> None:
    data = manifest(packed)
    parts = [f for f in data["files"] if f["path"].startswith("data-") and ".nq" in f["path"]]
    assert len(parts) > 1
    for part in parts:
        raw = gzip.decompress((packed / part["path"]).read_bytes())
        assert len(raw) <= 40_000 and raw.endswith(b"\n")
        assert part["compression"] == "application/gzip"
        assert part["triples"] == raw.count(b"\n")
    assert quad_strings(nquads_dataset(packed)) == quad_strings(nquads_dataset(release))
    for graph in data["graphs"]:
        for part in graph["files"]:
            if "/graph/source/" in graph["iri"]:
                assert part.startswith("graphs/sources-") and part.endswith(".nq.gz")
                quads = gzip.decompress((packed / part).read_bytes()).decode("utf-8")
                assert f" <{graph['iri']}> .\n" in quads
                continue
            assert part.endswith(".nt.gz")
            marker = packed / (part.removesuffix(".gz") + ".graph")
            assert marker.read_text("utf-8").strip() == graph["iri"]
    # The per-source N-Quads are split like the other line formats.
    for part in {p for g in data["graphs"] for p in g["files"] if "sources-" in p}:
        assert len(gzip.decompress((packed / part).read_bytes())) <= 40_000


def test_manifest_names_every_part_that_holds_a_source_graph(tmp_path: Path) -> None:
    # Parts small enough that source graphs straddle part boundaries.
    tiny = build_release(tmp_path / "tiny", split_size=2_000)
    data = manifest(tiny)
    parts = sorted(p.relative_to(tiny).as_posix() for p in (tiny / "graphs").glob("sources-*"))
    assert len(parts) > 5
    lines = {part: (tiny / part).read_text("utf-8").splitlines() for part in parts}
    for graph in data["graphs"]:
        if "/graph/source/" not in graph["iri"]:
            continue
        term = f" <{graph['iri']}> ."
        holding = [part for part in parts if any(line.endswith(term) for line in lines[part])]
        assert graph["files"] == holding
        assert (
            sum(line.endswith(term) for part in holding for line in lines[part])
            == (graph["triples"])
        )
    assert any(len(g["files"]) > 1 for g in data["graphs"])


def test_update_files_rebuild_the_dataset_in_small_requests(release: Path) -> None:
    store = ox.Store()
    files = sorted((release / "update").glob("insert-*.ru"))
    assert files
    for path in files:
        text = path.read_text("utf-8")
        assert text.count(" .\n") <= 2000
        store.update(text)
    assert quad_strings(store) == quad_strings(nquads_dataset(release))


def test_void_describes_counts_partitions_and_every_distribution(
    release: Path, tmp_path: Path
) -> None:
    data = manifest(release)
    void = ox.Store()
    void.load(
        path=str(release / "void.ttl"),
        format=ox.RdfFormat.TURTLE,
        base_iri="https://example.org/r/",
    )

    def one(query: str) -> str:
        rows = list(
            void.query(
                "PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#> "
                "PREFIX spdx: <http://spdx.org/rdf/terms#> PREFIX dct: <http://purl.org/dc/terms/> "
                + query
            )
        )
        assert len(rows) == 1, query
        return rows[0][0].value

    dataset = f"<{BASE}dataset/party-cells-2013>"
    assert int(one(f"SELECT ?n WHERE {{ {dataset} void:triples ?n }}")) == data["triples"]
    assert one(f"SELECT ?v WHERE {{ {dataset} dcat:version ?v }}") == "2013.1"
    assert (
        one(f"SELECT ?l WHERE {{ {dataset} dct:license ?l }}")
        == "https://creativecommons.org/licenses/by/4.0/"
    )
    people = one(
        f"SELECT ?n WHERE {{ {dataset} void:classPartition "
        f"[ void:class <{SCHEMA}Person> ; void:entities ?n ] }}"
    )
    assert int(people) == 6
    typed = one(
        f"SELECT ?n WHERE {{ {dataset} void:propertyPartition "
        f"[ void:property <{RDF_TYPE}> ; void:triples ?n ] }}"
    )
    assert int(typed) > 100
    sha = one(
        "SELECT ?sha WHERE { ?d dcat:downloadURL <https://example.org/r/data.nq> ; "
        "spdx:checksum/spdx:checksumValue ?sha }"
    )
    assert sha == next(f["sha256"] for f in data["files"] if f["path"] == "data.nq")
    assert not bool(void.query("ASK { ?s <http://purl.org/dc/terms/issued> ?d }"))
    dated = build_release(
        tmp_path / "dated", issued="2013-02-01", download_url="https://data.example.org/r/"
    )
    text = (dated / "void.ttl").read_text("utf-8")
    assert '"2013-02-01"^^xsd:date' in text
    assert "<https://data.example.org/r/data.nq>" in text


def test_loader_scripts_are_valid_shell_and_name_existing_files(
    release: Path, packed: Path
) -> None:
    for folder in (release, packed):
        load = folder / "load"
        for script in sorted(load.glob("*.sh")):
            assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0, (
                script.name
            )
            assert script.stat().st_mode & 0o111
        tdb = (load / "jena-tdb2.sh").read_text("utf-8")
        for entry in manifest(folder)["files"]:
            if entry["path"].startswith("data") and ".nq" in entry["path"]:
                assert entry["path"] in tdb
        graphs = manifest(folder)["graphs"]
        qlever = (load / "Qleverfile").read_text("utf-8")
        line = next(x for x in qlever.splitlines() if x.startswith("MULTI_INPUT_JSON"))
        streams = json.loads(line.split("=", 1)[1])
        # One N-Triples stream per graph with files of its own, one N-Quads stream for the rest.
        triple_streams = [s for s in streams if s["format"] == "nt"]
        (quad_stream,) = [s for s in streams if s["format"] == "nq"]
        assert {s["graph"] for s in triple_streams} == {
            g["iri"] for g in graphs if "/graph/source/" not in g["iri"]
        }
        assert sorted(quad_stream["cmd"].split()[2:]) == sorted(
            {f"../{p}" for g in graphs if "/graph/source/" in g["iri"] for p in g["files"]}
        )
        for stream in streams:
            for name in stream["cmd"].split()[2:]:
                assert (load / name).resolve().is_file()
        # The Virtuoso and Fuseki loaders clear exactly the release's graphs first.
        listed = (load / "graphs.txt").read_text("utf-8").splitlines()
        assert listed == [g["iri"] for g in graphs]
        assert "load/graphs.txt" in (load / "virtuoso.sh").read_text("utf-8")
        assert "load/graphs.txt" in (load / "fuseki-upload.sh").read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "size"),
    [("100MB", 100_000_000), ("64MiB", 64 * 1024**2), ("1.5GB", 1_500_000_000), ("20000", 20_000)],
)
def test_split_sizes_read_like_people_write_them(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["big", "12 parsecs", "10"])
def test_unreadable_or_tiny_split_sizes_are_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_size(text)


def test_update_requests_hold_many_graphs_and_stay_near_a_megabyte(tmp_path: Path) -> None:
    from kwpld.publish.quads import sort_quads
    from kwpld.publish.updates import UPDATE_CHUNK_BYTES, write_updates

    quads = set()
    for g in range(30):  # many small graphs: one request holds them all
        graph = f"<https://example.org/graph/{g:02d}>"
        for i in range(5):
            quads.add(
                (f"<https://example.org/s{i}>", "<https://example.org/p>", f'"{g}.{i}"', graph)
            )
    big = "<https://example.org/graph/big>"
    for i in range(6):  # 400 kB literals: a request stops once it reaches 1 MB
        quads.add(
            (f"<https://example.org/b{i}>", "<https://example.org/p>", f'"{"x" * 400_000}"', big)
        )
    written = write_updates(tmp_path, sort_quads(quads), chunk=100)
    sizes = [w.size for w in written]
    # 100 small; 50 small and big ones until the request reaches 1 MB; the other 3 big ones.
    assert [w.lines for w in written] == [100, 50 + 3, 3]
    assert all(size < UPDATE_CHUNK_BYTES + 400_100 for size in sizes)
    store = ox.Store()
    for w in written:
        text = w.path.read_text("utf-8")
        assert text.startswith("INSERT DATA {\n  GRAPH <")
        store.update(text)
    assert {f"{q.subject} {q.predicate} {q.object} {q.graph_name}" for q in store} == {
        " ".join(q) for q in quads
    }


def test_a_release_without_source_graphs_has_no_sources_file(tmp_path: Path) -> None:
    from kwpld.build import build_graph
    from kwpld.graph import KnowledgeGraph
    from kwpld.publish import ReleaseOptions, write_release
    from kwpld.publish.diff import diff_releases

    records, built = build_graph(EXAMPLE)
    graph = KnowledgeGraph(built.base_iri, built.prefixes, origins=built.origins)
    graph.update(q for q in built.quad_set if "/graph/source/" not in q[3])
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        write_release(records, graph, folder, ReleaseOptions(jobs=2))
        folders.append(folder)
    data = manifest(folders[0])
    assert not any("/graph/source/" in g["iri"] for g in data["graphs"])
    assert not list((folders[0] / "graphs").glob("sources*"))
    assert '"format": "nq"' not in (folders[0] / "load" / "Qleverfile").read_text("utf-8")
    for script in sorted((folders[0] / "load").glob("*.sh")):
        assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0
    assert diff_releases(folders[0], folders[1]).added == 0
    assert tree_digest(folders[0]) == tree_digest(folders[1])


def test_sorted_quads_are_the_plain_sorts_of_the_quads_and_of_their_distinct_triples() -> None:
    """sort_quads takes shortcuts (a sort by subject, repeated triples cut out by slices);
    its lists must still be exactly what plain sorts of the tuples give."""
    import random
    from itertools import groupby

    from kwpld.publish.quads import sort_quads

    rng = random.Random(14)
    for _ in range(20):
        quads = {
            (
                f"<s{rng.randrange(30)}>",
                f"<p{rng.randrange(4)}>",
                f'"{rng.randrange(5)}"',
                f"<g{rng.randrange(3)}>",
            )
            for _ in range(rng.randrange(1, 300))
        }
        result = sort_quads(list(quads))
        by_graph = sorted(quads, key=lambda q: (q[3], q[0], q[1], q[2]))
        assert result.by_graph == by_graph
        union = sorted({q[:3] for q in quads})
        assert [q[:3] for q in result.union] == union
        assert all(q == min(p for p in quads if p[:3] == q[:3]) for q in result.union)
        runs, start = [], 0
        for subject, group in groupby(union, key=lambda t: t[0]):
            size = len(list(group))
            runs.append((subject, start, start + size))
            start += size
        assert result.subjects == runs
