"""The real-store test: the release in Virtuoso, loaded by its own bulk loader and over GSP.

Uses the Virtuoso that ``.ci/run`` started, or starts one itself (and stops it afterwards).
"""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import require_tool
from publish_helpers import QUERIES, build_release, manifest, modified_example
from virtuoso_server import PASSWORD, USER, VirtuosoServer

from kwpld.publish.diff import diff_releases
from kwpld.publish.gsp import publish_release
from kwpld.publish.store import open_store, run_query


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[VirtuosoServer]:
    require_tool("virtuoso-t")
    require_tool("isql-vt")
    server = VirtuosoServer()
    started = False
    if not server.running():
        server.start()
        started = True
    yield server
    if started:
        server.stop()


@pytest.fixture(scope="module")
def releases(virtuoso: VirtuosoServer) -> tuple[Path, Path]:
    """Two releases inside the folder Virtuoso may read (DirsAllowed): gzipped and split."""
    folder = virtuoso.releases / f"test-{os.getpid()}"
    old = build_release(folder / "old", gzip=True, split_size=60_000)
    new = build_release(folder / "new", data=modified_example(folder / "data"), gzip=True)
    return old, new


def _graphs(release: Path) -> dict[str, int]:
    return {g["iri"]: g["triples"] for g in manifest(release)["graphs"]}


def _normalize(term: dict[str, str] | None) -> tuple[str, ...] | None:
    """A SPARQL JSON term, with the differences stores may legitimately show smoothed out."""
    if term is None:
        return None
    kind = "literal" if term["type"] in ("literal", "typed-literal") else term["type"]
    datatype = term.get("datatype", "")
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        datatype = ""
    if datatype in (
        "http://www.w3.org/2001/XMLSchema#int",
        "http://www.w3.org/2001/XMLSchema#long",
    ):
        datatype = "http://www.w3.org/2001/XMLSchema#integer"
    return (kind, term["value"], datatype, term.get("xml:lang", "").lower())


def _answers(data: dict) -> list[dict[str, tuple[str, ...] | None]]:
    variables = data["head"]["vars"]
    return [{v: _normalize(row.get(v)) for v in variables} for row in data["results"]["bindings"]]


def _virtuoso_quads(virtuoso: VirtuosoServer, graphs: list[str]) -> set[str]:
    found = set()
    for graph in graphs:
        data = virtuoso.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        for row in data["results"]["bindings"]:
            found.add((graph, *(_normalize(row[v]) for v in ("s", "p", "o"))))
    return found


def _embedded_quads(release: Path) -> set[str]:
    import json

    store = open_store(release)
    output = run_query(store, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    data = json.loads(output.render("json"))
    return {
        (row["g"]["value"], *(_normalize(row[v]) for v in ("s", "p", "o")))
        for row in data["results"]["bindings"]
    }


def _run_loader(virtuoso: VirtuosoServer, release: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(release / "load" / "virtuoso.sh"), str(virtuoso.sql_port)],
        capture_output=True,
        text=True,
        env={**os.environ, "VIRTUOSO_USER": USER, "VIRTUOSO_PASSWORD": PASSWORD},
        check=False,
        timeout=600,
    )


@pytest.fixture(scope="module")
def loaded(virtuoso: VirtuosoServer, releases: tuple[Path, Path]) -> Path:
    """The old release, loaded by its own generated Virtuoso loader script."""
    old, _ = releases
    done = _run_loader(virtuoso, old)
    assert done.returncode == 0, done.stdout + done.stderr
    return old


def test_generated_virtuoso_loader_loads_the_release(
    virtuoso: VirtuosoServer, loaded: Path
) -> None:
    assert virtuoso.graph_counts(list(_graphs(loaded))) == _graphs(loaded)
    # Loading again replaces: nothing is duplicated.
    done = _run_loader(virtuoso, loaded)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "loaded" in done.stdout
    assert virtuoso.graph_counts(list(_graphs(loaded))) == _graphs(loaded)


def test_example_queries_answer_the_same_in_virtuoso_and_the_embedded_store(
    virtuoso: VirtuosoServer, loaded: Path
) -> None:
    old = loaded
    assert virtuoso.graph_counts(list(_graphs(old))) == _graphs(old)
    embedded = open_store(old)
    import json

    queries = sorted(QUERIES.glob("*.rq"))
    assert len(queries) >= 6
    for query in queries:
        text = query.read_text("utf-8")
        mine = _answers(json.loads(run_query(embedded, text).render("json")))
        theirs = _answers(virtuoso.select(text))
        assert mine, f"{query.name} has no answer"
        assert theirs == mine, query.name


def test_publishing_twice_over_the_graph_store_protocol_duplicates_nothing(
    virtuoso: VirtuosoServer, releases: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _ = releases
    virtuoso.clear(list(_graphs(old)))
    monkeypatch.setenv("KWPLD_ENDPOINT_USER", USER)
    monkeypatch.setenv("KWPLD_ENDPOINT_PASSWORD", PASSWORD)
    first = publish_release(old, virtuoso.gsp, sparql=virtuoso.sparql, backoff=0.5)
    assert {g.status for g in first.graphs} == {201}
    second = publish_release(old, virtuoso.gsp, backoff=0.5)  # counted by reading graphs back
    assert {g.status for g in second.graphs} <= {200, 201, 204}
    assert virtuoso.graph_counts(list(_graphs(old))) == _graphs(old)
    assert _virtuoso_quads(virtuoso, list(_graphs(old))) == _embedded_quads(old)


def test_diff_patch_turns_virtuoso_holding_the_old_release_into_the_new_one(
    virtuoso: VirtuosoServer, releases: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = releases
    graphs = sorted(set(_graphs(old)) | set(_graphs(new)))
    virtuoso.clear(graphs)
    monkeypatch.setenv("KWPLD_ENDPOINT_USER", USER)
    monkeypatch.setenv("KWPLD_ENDPOINT_PASSWORD", PASSWORD)
    publish_release(old, virtuoso.gsp, sparql=virtuoso.sparql, backoff=0.5)
    patch = io.StringIO()
    result = diff_releases(old, new, patch, chunk=500)
    assert result.added and result.removed
    for operation in patch.getvalue().split("\n;\n"):
        virtuoso.update(operation)
    assert virtuoso.graph_counts(graphs) == {g: _graphs(new).get(g, 0) for g in graphs}
    assert _virtuoso_quads(virtuoso, graphs) == _embedded_quads(new)
