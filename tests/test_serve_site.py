"""kwpld serve's browse site: the static site's files rendered per request, entity IRIs by
content negotiation (also behind a real nginx reverse proxy), the query page, and the graph
following the records when they change on disk."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from conftest import EXAMPLE, require_tool

from kwpld.serve import BackgroundServer, ServeOptions
from kwpld.site import build_site

IRI = "https://w3id.org/kwpld/id/"
NAV = re.compile(r'<nav class="server".*?</nav>')


@pytest.fixture(scope="module")
def server():
    with BackgroundServer(EXAMPLE, ServeOptions(port=0, watch=0)) as running:
        yield running


@pytest.fixture(scope="module")
def static_site(tmp_path_factory) -> Path:
    """The static site of the same data folder, written by kwpld site."""
    out = tmp_path_factory.mktemp("static") / "site"
    build_site(EXAMPLE, out)
    return out


@pytest.mark.parametrize(
    "path",
    [
        "person/jang-song-taek",
        "organ/wpk-pb",
        "post/party-cell-secretary",
        "event/meeting-of-cell-secretaries-4",
        "article/nklw-2013-01-party-cell-secretaries",
    ],
)
def test_entity_iris_by_content_negotiation_are_the_static_sites_files(server, static_site, path):
    url = server.url + path
    for accept, media, suffix in [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html", "html"),
        ("text/turtle", "text/turtle", "ttl"),
        ("application/ld+json", "application/ld+json", "jsonld"),
        ("application/json", "application/ld+json", "jsonld"),
    ]:
        answer = requests.get(url, headers={"Accept": accept})
        assert answer.status_code == 200, (path, accept)
        assert answer.headers["Content-Type"].split(";")[0] == media
        assert answer.headers["Vary"] == "Accept"
        assert answer.headers["Content-Location"] == f"/{path}.{suffix}"
        static = (static_site / f"{path}.{suffix}").read_text("utf-8")
        served = answer.content.decode("utf-8")
        if suffix == "html":  # the server adds its own pages to the header, nothing else
            assert NAV.search(served) and 'href="/query"' in served
            served = NAV.sub("", served)
        assert served == static
        by_name = requests.get(f"{url}.{suffix}")
        assert by_name.content == answer.content


def test_an_iri_resolves_to_rdf_about_itself(server):
    iri = IRI + "person/kim-jong-su"
    turtle = requests.get(server.url + iri[len(IRI) :], headers={"Accept": "text/turtle"})
    triples = list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    assert any(t.subject == ox.NamedNode(iri) for t in triples)
    jsonld = requests.get(server.url + iri[len(IRI) :], headers={"Accept": "application/ld+json"})
    document = jsonld.json()
    assert document["@context"] == "../context.jsonld"  # the site's context, beside the page
    assert "person:kim-jong-su" in jsonld.text or iri in jsonld.text


def test_the_index_assets_and_charts_are_served(server, static_site):
    index = requests.get(server.url)
    assert index.status_code == 200 and "<h1>" in index.text
    assert requests.get(server.url + "index.html").text == index.text
    for path in ("assets/site.css", "assets/search.js", "assets/search-index.js", "context.jsonld"):
        answer = requests.get(server.url + path)
        assert answer.status_code == 200, path
        assert answer.content == (static_site / path).read_bytes(), path
    chart = requests.get(server.url + "charts/structure.svg")
    assert chart.headers["Content-Type"].startswith("image/svg+xml")
    assert requests.get(server.url + "person/nobody").status_code == 404
    assert requests.get(server.url + "person/jang-song-taek.exe").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "../pyproject.toml",
        "%2e%2e/%2e%2e/pyproject.toml",
        "person/..%2f..%2fpyproject.toml",
        "assets/../../../etc/passwd",
        "assets/%2e%2e%2f%2e%2e%2fkwpld.yaml",
        "kwpld.yaml",
        "people.yaml",
    ],
)
def test_the_site_serves_no_file_of_the_data_folder_or_beyond(server, path):
    answer = requests.get(server.url + path)
    assert answer.status_code == 404, path
    assert "[project]" not in answer.text and "root:" not in answer.text


def test_iris_resolve_through_a_real_nginx_reverse_proxy(server, tmp_path):
    """The dataset's IRIs, https://w3id.org/kwpld/id/..., once a proxy sends their base to
    the server: here nginx maps /kwpld/id/ to it, as a host for w3id.org's redirect would."""
    nginx = require_tool("nginx")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\nevents {{ worker_connections 64; }}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {tmp_path};\n"
        f"proxy_temp_path {tmp_path};\nfastcgi_temp_path {tmp_path};\n"
        f"uwsgi_temp_path {tmp_path};\nscgi_temp_path {tmp_path};\n"
        f"server {{ listen 127.0.0.1:{port};\n"
        f"  location /kwpld/id/ {{ proxy_pass {server.url}; }}\n}}\n}}\n"
    )
    process = subprocess.Popen(
        [nginx, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}/kwpld/id/"
        deadline = time.monotonic() + 10
        while True:
            try:
                requests.get(base, timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        iri_path = "organ/wpk-pb"
        html = requests.get(base + iri_path, headers={"Accept": "text/html"})
        assert html.status_code == 200 and "Political Bureau" in html.text
        turtle = requests.get(base + iri_path, headers={"Accept": "text/turtle"})
        assert turtle.headers["Content-Type"].startswith("text/turtle")
        subjects = {t.subject for t in ox.parse(turtle.content, format=ox.RdfFormat.TURTLE)}
        assert ox.NamedNode(IRI + iri_path) in subjects
        # the page's relative links stay under the proxied base
        css = requests.get(base + "assets/site.css")
        assert css.status_code == 200
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=10)


def test_the_query_page_runs_an_example_and_offers_downloads(server):
    page = requests.get(server.url + "query", params={"example": "meetings"})
    assert page.status_code == 200
    assert page.text.count("<tr>") == 5  # the header and four meetings
    assert "May of Juche 80 (1991)" in page.text
    csv_link = re.search(r'href="(/sparql\?[^"]*format=csv[^"]*)"', page.text)
    assert csv_link is not None
    answer = requests.get(server.url + csv_link.group(1).replace("&amp;", "&")[1:])
    assert answer.headers["Content-Disposition"] == 'attachment; filename="query-results.csv"'
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["ordinal", "date", "jucheYear", "dateAsStated", "name"]
    assert len(rows) == 5
    # IRIs that have a page are links to it
    chain = requests.get(server.url + "query", params={"example": "organ-chain"})
    assert 'href="/organ/wpk-pb"' in chain.text


def test_the_query_page_shows_errors_and_escapes_everything(server):
    broken = requests.get(server.url + "query", params={"query": "SELECT ?x WHERE { ?x }"})
    assert broken.status_code == 400
    assert 'role="alert"' in broken.text and "SPARQL syntax error" in broken.text
    hostile = 'SELECT ("<script>alert(1)</script>" AS ?x) WHERE {}'
    page = requests.get(server.url + "query", params={"query": hostile})
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert page.text.count("&lt;script&gt;") == 2  # in the editor and in the table


@pytest.fixture
def editable(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    return data


def test_the_graph_and_the_site_follow_an_edit_on_disk(editable: Path):
    options = ServeOptions(port=0, watch=0.2)
    with BackgroundServer(editable, options) as running:
        endpoint = running.url + "sparql"
        ask = 'ASK { ?s ?p "Jang Song Thaek the Edited"@en }'
        assert requests.get(endpoint, params={"query": ask}).json()["boolean"] is False
        people = editable / "people.yaml"
        text = people.read_text("utf-8")
        assert text.count("Jang Song Thaek") >= 1
        people.write_text(text.replace("Jang Song Thaek", "Jang Song Thaek the Edited", 1))
        deadline = time.monotonic() + 30
        while running.graph.status.generation < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        status = running.graph.status
        assert status.state == "current" and status.generation == 2, status
        assert status.added >= 1 and status.removed >= 1
        assert requests.get(endpoint, params={"query": ask}).json()["boolean"] is True
        page = requests.get(running.url + "person/jang-song-taek").text
        assert "Jang Song Thaek the Edited" in page
        assert "version 2)." in requests.get(running.url + "query").text  # the status line
        followed = requests.get(running.url + "status").json()  # what serve.js polls
        assert followed["state"] == "current" and followed["generation"] == 2
        # a broken edit leaves the last good graph, and says why
        people.write_text(text.replace("names:", "nmaes:", 1))
        deadline = time.monotonic() + 30
        while running.graph.status.state != "failed" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert running.graph.status.state == "failed"
        assert "people.yaml" in running.graph.status.message
        assert requests.get(endpoint, params={"query": ask}).json()["boolean"] is True
        shown = requests.get(running.url + "query").text
        assert 'data-state="failed"' in shown and "no longer load" in shown
