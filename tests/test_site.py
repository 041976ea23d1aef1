"""The browse site's files: pages, each entity's own RDF, search index, manifest, and content
negotiation through a real nginx with the shipped configuration."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import EXAMPLE, FIXTURES, require_tool

from kwpld.errors import InputError
from kwpld.site import build_site

BASE = "https://w3id.org/kwpld/id/"


@pytest.fixture(scope="module")
def site(built_example, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(built_example.out, out)
    assert result.pages == {"article": 8, "event": 7, "organ": 9, "person": 6, "post": 1}
    return out


class _Collect(HTMLParser):
    """Ids, links and the text of each section of a page (the standard library's parser)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag in ("a", "link") and found.get("href"):
            self.links.append(found["href"] or "")
        if tag == "script" and found.get("src"):
            self.links.append(found["src"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_page(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_entity_has_a_page_and_its_rdf_beside_it(site):
    for kind, ids in {
        "person": ["jang-song-taek", "kim-jong-su"],
        "organ": ["wpk-pb-presidium", "wpk-party-cells"],
        "post": ["party-cell-secretary"],
        "event": ["meeting-of-cell-secretaries-1"],
        "article": ["graphic-kwp-pb-2013-01"],
    }.items():
        for record_id in ids:
            for ext in ("html", "ttl", "jsonld"):
                assert (site / kind / f"{record_id}.{ext}").is_file()


def test_internal_links_all_resolve(site):
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in parse_page(page).links:
            if re.match(r"^[a-z]+:", link) or link.startswith("#"):
                assert link.startswith(("https://www.wikidata.org/", "http://", "https://")), link
                continue
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_jang_song_taek_page_shows_names_claims_sources_and_wikidata(site):
    page = parse_page(site / "person" / "jang-song-taek.html")
    text = " ".join(page.text)
    for name in (
        "Jang Song Taek",
        "장성택",
        "張成澤",
        "Chang Sŏng-t'aek",
        "Chang So'ng-t'aek",
        "Jang Seong-taek",
        "Jang Song Thaek",
    ):
        assert name in text
    for system in ("Hangul", "Hanja", "McCune-Reischauer", "Revised Romanization"):
        assert system in text
    assert {"names", "facts", "memberships", "timeline", "links", "data"} <= set(page.ids)
    assert "../article/graphic-kwp-pb-2013-01.html" in page.links
    assert "https://www.wikidata.org/wiki/Q496004" in page.links
    assert "jang-song-taek.ttl" in page.links and "jang-song-taek.jsonld" in page.links


def test_source_pages_list_what_they_state(site):
    text = " ".join(parse_page(site / "article" / "graphic-kwp-pb-2013-01.html").text)
    assert "What this source states" in text
    assert "Jang Song Taek, member of Presidium" in text
    assert "Graphic by Michael Madden/NK Leadership Watch" in text
    report = " ".join(parse_page(site / "article" / "pb-report-2013-01-23.html").text)
    assert "Short Course of Secretaries of Party Cells across the country" in report


OWNED = {
    "http://www.w3.org/2008/05/skos-xl#prefLabel",
    "http://www.w3.org/2008/05/skos-xl#altLabel",
    "http://www.w3.org/2008/05/skos-xl#hiddenLabel",
    "https://w3id.org/kwpld/ontology#renaming",
    "https://w3id.org/kwpld/ontology#participation",
    "https://w3id.org/kwpld/ontology#rule",
    "https://w3id.org/kwpld/ontology#quotation",
    "http://schema.org/location",
    "https://w3id.org/kwpld/ontology#derivation",
}


def _describe(built_example, iri: str) -> set[tuple[str, str, str]]:
    """A person's description straight from the N-Quads: own triples, owned nodes, and the
    memberships naming them, for comparison with the page's RDF files."""
    store = ox.Store()
    store.bulk_load(path=str(built_example.out / "data.nq"), format=ox.RdfFormat.N_QUADS)
    node = ox.NamedNode(iri)
    owned = {node}
    owned |= {
        q.object
        for q in store.quads_for_pattern(node, None, None, None)
        if q.predicate.value in OWNED
    }
    member = ox.NamedNode("http://www.w3.org/ns/org#member")
    owned |= {q.subject for q in store.quads_for_pattern(None, member, node, None)}
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for n in owned
        for q in store.quads_for_pattern(n, None, None, None)
    }


def test_entity_rdf_files_parse_and_agree(site, built_example):
    iri = BASE + "person/jang-song-taek"
    turtle = ox.Store()
    turtle.load(path=str(site / "person" / "jang-song-taek.ttl"), format=ox.RdfFormat.TURTLE)
    triples = {(str(q.subject), str(q.predicate), str(q.object)) for q in turtle}
    assert triples == _describe(built_example, iri)
    # JSON-LD: the context is referenced relatively (../context.jsonld); resolve it as a
    # JSON-LD processor would, then expand with pyoxigraph and compare
    document = json.loads((site / "person" / "jang-song-taek.jsonld").read_text("utf-8"))
    assert document["@context"] == "../context.jsonld"
    document["@context"] = json.loads((site / "context.jsonld").read_text("utf-8"))["@context"]
    jsonld = ox.Store()
    jsonld.load(json.dumps(document).encode(), format=ox.RdfFormat.JSON_LD)
    assert {(str(q.subject), str(q.predicate), str(q.object)) for q in jsonld} == triples


def test_turtle_files_pass_an_independent_parser(site):
    rapper = require_tool("rapper")
    for path in sorted(site.glob("*/*.ttl"))[:12]:
        done = subprocess.run(
            [rapper, "-q", "-i", "turtle", "-c", str(path)], capture_output=True, text=True
        )
        assert done.returncode == 0, (path, done.stderr)


def test_search_index_has_every_spelling_with_keys(site):
    payload = json.loads(
        (site / "assets" / "search-index.js").read_text("utf-8").split("=", 1)[1].rstrip(";\n")
    )
    entry = next(e for e in payload["entries"] if e[0] == "person/jang-song-taek.html")
    assert entry[1:4] == ["person", "Jang Song Taek", "장성택 張成澤"]
    assert {"장성택", "Chang Sŏng-t'aek", "Jang Song Thaek"} <= set(entry[4])
    keys = {key for name, key in zip(entry[4], entry[6], strict=True) if name != "張成澤"}
    assert keys == {"jangsongtek"}, "every spelling (Hanja aside) shares one match key"
    assert payload["tables"]["surnames"]["chang"] == "jang"


def test_site_is_deterministic_and_its_manifest_checks_out(site, built_example, tmp_path):
    again = tmp_path / "again"
    build_site(EXAMPLE, again)  # from the data folder this time
    manifest = json.loads((site / "site.json").read_text("utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()} - {"site.json"}
    assert listed == on_disk
    for entry in manifest["files"]:
        raw = (site / entry["path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == entry["sha256"] and len(raw) == entry["bytes"]
        assert (again / entry["path"]).read_bytes() == raw, entry["path"]


def test_site_replaces_only_a_site_folder(tmp_path, built_example):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("precious")
    with pytest.raises(InputError, match="does not look like a kwpld output folder"):
        build_site(built_example.out, target)
    assert (target / "notes.txt").read_text() == "precious"
    with pytest.raises(InputError, match="no such release folder"):
        build_site(tmp_path / "missing", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_fictional_people_pages_link_memberships_to_sources(tmp_path):
    out = tmp_path / "site"
    build_site(FIXTURES / "charts-politburo", out, title="Fictional test site")
    page = parse_page(out / "person" / "jo-pyobon.html")
    assert "../article/fictional-report-2013-01-20.html" in page.links
    assert "../article/fictional-analysis-2013-01.html" in page.links
    assert "Fictional test site" in " ".join(parse_page(out / "index.html").text)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_content_negotiation_with_nginx_and_the_shipped_config(site, tmp_path):
    """Real nginx, the site's own server/nginx.conf: one IRI path, three representations."""
    nginx = require_tool("nginx")
    port = _free_port()
    server = (site / "server" / "nginx.conf").read_text("utf-8")
    server = server.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/kwpld-site;", f"root {site};")
    conf = tmp_path / "nginx.conf"
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the tmp folder
    conf.write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\nevents {{ worker_connections 64; }}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {tmp_path};\n"
        f"proxy_temp_path {tmp_path};\nfastcgi_temp_path {tmp_path};\n"
        f"uwsgi_temp_path {tmp_path};\nscgi_temp_path {tmp_path};\n{server}\n}}\n"
    )
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.PIPE
    )
    try:
        url = f"http://127.0.0.1:{port}/person/jang-song-taek"
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        for accept, media_type, ext in [
            ("text/html,application/xhtml+xml,*/*;q=0.8", "text/html", "html"),
            ("text/turtle", "text/turtle", "ttl"),
            ("application/ld+json", "application/ld+json", "jsonld"),
        ]:
            request = urllib.request.Request(url, headers={"Accept": accept})
            with urllib.request.urlopen(request, timeout=5) as response:
                assert response.headers.get_content_type() == media_type
                assert response.headers["Vary"] == "Accept"
                assert response.read() == (site / "person" / f"jang-song-taek.{ext}").read_bytes()
        with urllib.request.urlopen(url + ".ttl", timeout=5) as response:
            assert response.headers.get_content_type() == "text/turtle"
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=10)


def test_cli_site_writes_the_site_and_reports_errors(tmp_path, built_example):
    import sys

    out = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "kwpld", "site", str(built_example.out), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "31 pages" in done.stdout and (out / "index.html").is_file()
    done = subprocess.run(
        [sys.executable, "-m", "kwpld", "site", str(tmp_path / "nope"), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "no such release folder" in done.stderr
    assert "Traceback" not in done.stderr and (out / "index.html").is_file()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from hostile import hostile_data

    data = hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    out = data.parent / "site"
    build_site(data, out)
    return out


class _Markup(HTMLParser):
    """Every element and attribute of a page, and its text as the browser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markup_in_records_is_text_on_every_page_and_chart(hostile_site):
    """Names, descriptions, titles, captions, notes and the dataset title carrying <script>,
    attribute break-outs and quotes: every page and chart shows them as text, and none adds
    an element or an event handler."""
    import xml.etree.ElementTree as ET

    from hostile import CAPTION, DATASET, DESCRIPTION, NAME, NOTE, TITLE

    scripts = {"assets/search-index.js", "assets/search.js"}
    shown: dict[str, set[str]] = {}
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) == 27
    for page in pages:
        parser = _Markup()
        parser.feed(page.read_text("utf-8"))
        for tag, attrs in parser.elements:
            assert tag not in ("img", "b", "textarea"), (page, tag)
            assert tag != "script" or attrs.get("src") in scripts, (page, attrs)
            assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
        text = "".join(parser.text)
        values = " ".join(v or "" for _, attrs in parser.elements for v in attrs.values())
        for hostile in (NAME, DESCRIPTION, TITLE, CAPTION, NOTE, DATASET):
            if hostile in text or hostile in values:
                shown.setdefault(hostile, set()).add(page.relative_to(hostile_site).as_posix())
    assert "person/kim-gasang.html" in shown[NAME] and "index.html" in shown[NAME]
    assert "person/kim-gasang.html" in shown[DESCRIPTION]  # in the text and in <meta>
    assert "article/fictional-analysis-2013-01.html" in shown[TITLE]
    assert "organ/fp-pb.html" in shown[CAPTION]  # the charts' source lists
    assert "organ/fp-pb-presidium.html" in shown[NOTE]
    assert len(shown[DATASET]) == len(pages)  # the header of every page
    charts = sorted(hostile_site.glob("charts/**/*.svg"))
    assert charts
    for chart in charts:
        root = ET.parse(chart).getroot()  # well-formed: nothing broke out of a text or attribute
        for element in root.iter():
            assert element.tag.rpartition("}")[2] not in ("script", "foreignObject", "img")
            assert not [a for a in element.attrib if a.startswith("on")], (chart, element.attrib)
    timeline = ET.parse(hostile_site / "charts" / "person" / "kim-gasang.timeline.svg")
    assert NAME in "".join(timeline.getroot().itertext())


def test_a_server_can_render_every_file_on_its_own(site, built_example):
    """``Site.file`` (what ``kwpld serve`` will answer per request) gives the very bytes of
    the static site, for every file in its manifest, and nothing for other paths."""
    from kwpld.site import MEDIA_TYPES, Site

    live = Site.open(built_example.out)
    manifest = json.loads((site / "site.json").read_text("utf-8"))
    for entry in manifest["files"]:
        assert live.file(entry["path"]) == (site / entry["path"]).read_bytes(), entry["path"]
        assert Path(entry["path"]).suffix in MEDIA_TYPES or entry["path"] == ".htaccess"
    for path in (
        "site.json",
        "person/nobody.html",
        "person/jang-song-taek.xml",
        "person/jang-song-taek",
        "charts/person/jang-song-taek.composition.svg",
        "../kwpld.yaml",
        "assets/../../pyproject.toml",
        "/etc/passwd",
        "",
    ):
        assert live.file(path) is None, path
    jang = live.entity_at("person/jang-song-taek")
    assert jang is not None and live.entity_file(jang, ".ttl") == live.entity_turtle(jang)
