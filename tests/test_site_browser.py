"""The browse site in a real browser: Debian's headless Chromium, served by a real HTTP server
on 127.0.0.1. Screenshots are kept in tests/artifacts/site/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
from conftest import FIXTURES, require_tool

from kwpld.names import match_key
from kwpld.site import build_site
from kwpld.site.search import fold

pytest.importorskip("websocket", reason="websocket-client is a test extra")
from cdp import Browser  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def served_site(built_example, tmp_path_factory):
    site = tmp_path_factory.mktemp("site") / "site"
    build_site(built_example.out, site)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = require_tool("chromium")
    b = Browser(chromium, tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS.parent / ".gitignore").write_text("*\n")
    print(f"\nscreenshots in {ARTIFACTS}")
    return ARTIFACTS


def test_click_from_the_index_to_jang_song_taek_and_to_the_presidium_chart(
    served_site, browser, artifacts
):
    url, _ = served_site
    browser.goto(url + "index.html")
    assert browser.eval("document.querySelector('#structure svg') !== null")
    # search by the McCune-Reischauer spelling with breves, which no record writes that way
    browser.type_into("#search-box", "Chang Sŏng-t'aek")
    hits = browser.eval(
        "[...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href'))"
    )
    assert hits == ["person/jang-song-taek.html"]
    browser.screenshot(artifacts / "1-index-search.png")
    browser.click("#search-results a[href='person/jang-song-taek.html']")
    assert browser.eval("location.pathname") == "/person/jang-song-taek.html"
    assert (
        browser.eval("document.querySelector('h1').textContent") == "Jang Song Taek 장성택 張成澤"
    )
    names = browser.eval(
        "[...document.querySelectorAll('#names tr[data-system]')].map(r => r.dataset.system)"
    )
    assert {"en", "hangul", "hanja", "mr", "mr-ascii", "rr", "dprk"} <= set(names)
    row = browser.eval(
        "(() => { const r = document.querySelector('#memberships tr.membership');"
        " return [r.dataset.status, r.querySelector('a.source').getAttribute('href'),"
        " r.cells[0].textContent]; })()"
    )
    assert row[0] == "projected"
    assert row[1] == "../article/graphic-kwp-pb-2013-01.html"
    assert row[2].startswith("Presidium of the Political Bureau")
    assert browser.eval("document.querySelector('#links a.wikidata').textContent") == (
        "Wikidata Q496004"
    )
    assert browser.eval("document.fonts.check('16px \"Noto Sans CJK KR\"', '장성택')")
    browser.screenshot(artifacts / "2-jang-song-taek.png")
    browser.click("#memberships tr.membership td a[href='../organ/wpk-pb-presidium.html']")
    assert browser.eval("location.pathname") == "/organ/wpk-pb-presidium.html"
    seat = browser.eval(
        "(() => { const s = document.querySelector('#composition svg g.seat');"
        " return [s.dataset.person, s.dataset.status,"
        " s.querySelector('text.person-name').textContent]; })()"
    )
    assert seat == [
        "https://w3id.org/kwpld/id/person/jang-song-taek",
        "projected",
        "Jang Song Taek",
    ]
    heading = browser.eval("document.querySelector('#composition h2').textContent")
    assert heading == "Composition as of 2013-01"
    browser.screenshot(artifacts / "3-presidium-composition.png", "#composition .chart-frame")
    # the chart's cards link back to the people's pages
    browser.click("#composition svg g.seat")
    assert browser.eval("location.pathname") == "/person/jang-song-taek.html"
    assert browser.errors() == []
    outside = [u for u in browser.requested_urls() if not u.startswith(url)]
    assert outside == [], "the site must not fetch anything from elsewhere"


def test_search_finds_every_spelling(served_site, browser):
    url, _ = served_site
    browser.goto(url + "index.html")
    for query, expected in [
        ("장성", "person/jang-song-taek.html"),  # Hangul, while typing
        ("Jang Song Thaek", "person/jang-song-taek.html"),
        ("chang song taek", "person/jang-song-taek.html"),
        ("Kim Cho'ng-su", "person/kim-jong-su.html"),
        ("Kim Chong-su", "person/kim-jong-su.html"),  # MR without breves or apostrophes
        ("金正恩", "person/kim-jong-un.html"),
        ("KWP", "organ/wpk.html"),
        ("Politburo", "organ/wpk-pb.html"),
    ]:
        hits = browser.eval(f"kwpldSearch({json.dumps(query)}).map(h => h[1][0])")
        assert expected in hits, (query, hits)
    assert browser.eval("kwpldSearch('Nobody Atall')") == []


def test_the_browser_folds_and_keys_names_like_python(served_site, browser):
    url, site = served_site
    browser.goto(url + "index.html")
    entries = json.loads(
        (site / "assets" / "search-index.js").read_text("utf-8").split("=", 1)[1].rstrip(";\n")
    )["entries"]
    names = sorted({n for e in entries for n in e[4]})
    names += ["Kim Cho'ng-u'n", "Chang Sŏng-t'aek", "Ri Yong Ho", "Choi Ryong-hae", "Park Pong-ju"]
    folded = browser.eval(f"{json.dumps(names)}.map(kwpldFold)")
    assert folded == [fold(n) for n in names]
    latin = [n for n in names if not any("\uac00" <= c <= "\ud7a3" for c in n)]
    keys = browser.eval(f"{json.dumps(latin)}.map(kwpldKey)")
    assert keys == [match_key(n) for n in latin]


def test_fictional_site_pages_show_statuses_and_charts(browser, tmp_path, artifacts):
    site = tmp_path / "site"
    build_site(FIXTURES / "charts-politburo", site)
    browser.goto((site / "organ" / "fp-pb.html").as_uri())  # also works from the file system
    statuses = browser.eval(
        "[...document.querySelectorAll('#composition g.seat')].map(s => s.dataset.status)"
    )
    # the page draws the latest date recorded (Han Moui's start): January's snapshots and the
    # seats that ended in January are not in force then; Kang Yesi's "from 2013" stays uncertain
    assert browser.eval("document.querySelector('#composition h2').textContent") == (
        "Composition as of 2013-02-01"
    )
    assert sorted(statuses) == ["confirmed"] * 4 + ["reported"]
    assert browser.eval("document.querySelectorAll('#timeline g.bar').length") == 13
    browser.screenshot(artifacts / "4-fictional-politburo.png")


def test_markup_in_records_runs_nowhere_in_the_browser(browser, tmp_path):
    from hostile import NAME, hostile_data

    site = tmp_path / "site"
    build_site(hostile_data(tmp_path / "data"), site)
    for page in ("person/kim-gasang.html", "organ/fp-pb.html", "index.html"):
        browser.goto((site / page).as_uri())
        assert browser.eval("typeof window.pwned") == "undefined", page
        assert browser.eval("document.querySelectorAll('img, b, textarea').length") == 0, page
    browser.goto((site / "person/kim-gasang.html").as_uri())
    assert browser.eval("document.querySelector('h1').firstChild.textContent") == NAME + " "
