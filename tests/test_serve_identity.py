"""kwpld serve's workbench on people who share a name: it shows what ``kwpld review`` shows
(drafts grouped by article, fact spans highlighted) and who ingest decided each person is
(:mod:`kwpld.identity`), offers the namesakes ingest compared first when merging, and
says so when a merge or a new name goes against what ingest found. Real server on 127.0.0.1."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
import requests
from serve_helpers import Browserless, copy_folder, snapshot

from kwpld.ingest import IngestOptions, ingest
from kwpld.serve import BackgroundServer, ServeOptions

RECORDS = Path(__file__).parent / "fixtures" / "ingest" / "facts" / "records"
ELECTED = "kcna-2014-05-10"
"""Ri Yong Ho elected to the Political Bureau: two Ri Yong Hos are recorded, neither known in
office then, so the person is a draft among the choices, and the membership refers to it."""
CLOSED = "kcna-2014-05-11"
"""Ri Yong Ho at a meeting: nothing tells the two apart and nothing needs a draft."""
TEXTS = {  # in this order: the later would take the earlier's pending draft as a candidate
    CLOSED: "Meeting Closes\n\nPyongyang, May 11 (KCNA) -- Ri Yong Ho attended the closing of "
    "the meeting.\n",
    ELECTED: "Plenum\n\nPyongyang, May 10 (KCNA) -- Ri Yong Ho was elected a member of the "
    "Political Bureau of the WPK Central Committee on 9 May 2014.\n",
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("namesakes")
    data = Path(shutil.copytree(RECORDS, root / "data"))
    for name, text in TEXTS.items():
        path = root / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        date = "2014-" + name.rsplit("2014-", 1)[1]
        ingest([path], data, options=IngestOptions(date=date, article_type="news"))
    return data


@pytest.fixture
def served(source: Path, tmp_path: Path):
    folder = copy_folder(source, tmp_path / "data")
    with BackgroundServer(folder, ServeOptions(port=0, watch=0, reviewer="A. Scholar")) as running:
        yield running


def _card(page: str, draft_id: str) -> str:
    card = page[page.index(f'id="draft-{draft_id}"') :]
    return card[: card.index("</article>")]


def _drafts(client: Browserless, article: str, kind: str) -> list[str]:
    page = client.open(f"review/article/{article}").text
    marker = f'data-kind="{kind}"'
    out = []
    for chunk in page.split('<article class="draft')[1:]:
        if marker in chunk.split(">", 1)[0]:
            out.append(chunk.split('id="draft-', 1)[1].split('"', 1)[0])
    return out


def test_a_person_among_namesakes_shows_who_they_may_be_and_the_fact_its_spans(served):
    client = Browserless(served.url)
    (person,) = _drafts(client, ELECTED, "person")
    (membership,) = _drafts(client, ELECTED, "membership")
    page = client.page
    card = _card(page, person)
    assert "Not decided" in card  # ingest's decision: ambiguous, said as such
    assert "may be any of ri-yong-ho-fm, ri-yong-ho-kpa" in html.unescape(card)
    for candidate in ("ri-yong-ho-fm", "ri-yong-ho-kpa"):
        assert f'<a href="/person/{candidate}">' in card  # each namesake, with its verdict
    assert card.count('<li data-verdict="') == 2
    # merging offers the namesakes ingest compared first, each with its verdict
    options = card[card.index("<select") : card.index("</select>")]
    first, second = options.split("<option")[1:3]
    assert {first.split('"')[1], second.split('"')[1]} == {"ri-yong-ho-fm", "ri-yong-ho-kpa"}
    assert "ingest: " in first and "ingest: " in second
    # the fact: what kwpld review says of it, its spans marked with their roles
    fact = _card(page, membership)
    assert f"{person}: member of " in html.unescape(fact)
    summary = fact[fact.index('<p class="summary">') :].split("</p>", 1)[0]
    assert "start " in summary and "confirmed" in summary  # its dates and status, as listed
    for role in ("person", "trigger", "organ"):
        assert f'<mark class="r-{role}"' in fact
    assert f'href="#draft-{person}"' in fact  # the fact needs the person's draft


def test_a_person_no_draft_stands_for_is_shown_with_the_candidates(served):
    page = Browserless(served.url).open(f"review/article/{CLOSED}").text
    section = page[page.index("Who is who") :]
    assert "Who is “Ri Yong Ho”? Not decided" in html.unescape(section)
    assert '<a href="/person/ri-yong-ho-fm">' in section
    assert '<a href="/person/ri-yong-ho-kpa">' in section


def test_merging_the_namesake_writes_what_merge_writes_and_the_fact_follows(
    source, tmp_path, served
):
    from kwpld.review import merge

    client = Browserless(served.url)
    (person,) = _drafts(client, ELECTED, "person")
    (membership,) = _drafts(client, ELECTED, "membership")
    by_hand = copy_folder(source, tmp_path / "by-hand")
    merge(by_hand, person, "ri-yong-ho-kpa")
    answer = client.post("review/draft", draft=person, action="merge", into="ri-yong-ho-kpa")
    assert answer.status_code == 303, answer.text
    assert snapshot(served.graph.path) == snapshot(by_hand)
    page = client.open(f"review/article/{ELECTED}").text
    assert "Merged into the record" in page
    assert "ri-yong-ho-kpa: member of " in html.unescape(_card(page, membership))
    assert client.post("review/draft", draft=membership, action="accept").status_code == 303
    served.graph.wait()
    ask = (
        "ASK { ?m <http://www.w3.org/ns/org#member> "
        "<https://w3id.org/kwpld/id/person/ri-yong-ho-kpa> }"
    )
    assert requests.get(served.url + "sparql", params={"query": ask}).json()["boolean"] is True


def test_a_new_name_that_a_record_has_is_a_namesake_until_merged(served):
    client = Browserless(served.url)
    (person,) = _drafts(client, ELECTED, "person")
    answer = client.post("review/draft", draft=person, action="rename", name="Ri Yong-ho")
    assert answer.status_code == 303, answer.text
    page = client.open(f"review/article/{ELECTED}").text
    message = html.unescape(page[page.index('role="status"') :].split("</div>", 1)[0])
    assert f"Renamed {person}: Ri Yong-ho." in message
    assert "ri-yong-ho-fm, ri-yong-ho-kpa with this name: a namesake" in message


def test_the_namesakes_in_a_real_browser_with_the_keyboard(source, tmp_path, tmp_path_factory):
    """Headless Chromium, keyboard alone: the person's card names every candidate, the merge
    list is reached with Tab and Enter and offers the namesakes with ingest's verdicts, and
    every control has an accessible name."""
    pytest.importorskip("websocket", reason="websocket-client is a test extra")
    from cdp import Browser
    from conftest import require_tool
    from test_serve_browser import ARTIFACTS, focused, press, shoot, tab_until, unnamed_controls

    chromium = require_tool("chromium")
    folder = copy_folder(source, tmp_path / "data")
    with BackgroundServer(folder, ServeOptions(port=0, watch=0)) as served:
        browser = Browser(chromium, tmp_path_factory.mktemp("chromium"), width=1280, height=900)
        try:
            browser.call("Accessibility.enable")
            browser.goto(served.url + f"review/article/{ELECTED}")
            assert unnamed_controls(browser) == []
            (person,) = browser.eval(
                "[...document.querySelectorAll('article.draft[data-kind=person]')].map(e => e.id)"
            )
            verdicts = browser.eval(
                f"[...document.querySelectorAll('#{person} .candidates li')]"
                ".map(li => li.dataset.verdict)"
            )
            assert len(verdicts) == 2 and all(verdicts)
            tab_until(browser, lambda f: f["tag"] == "SUMMARY")  # the person's card comes first
            assert browser.eval("document.activeElement.closest('article').id") == person
            press(browser, "Enter")
            select = tab_until(browser, lambda f: f["name"] == "into")
            assert select["tag"] == "SELECT"
            options = browser.eval(
                "[...document.activeElement.options].map(o => o.textContent.trim())"
            )
            assert options[0].endswith(f"— ingest: {verdicts[0]}")
            assert "ri-yong-ho-fm" in " ".join(options[:2])
            assert "ri-yong-ho-kpa" in " ".join(options[:2])
            assert focused(browser)["outline"] != "none"
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shoot(browser, ARTIFACTS, "namesakes", top=f"#{person}")
            assert browser.errors() == []
        finally:
            browser.close()
