"""kwpld serve's workbench (/review) over HTTP: what it shows, that its decisions write exactly
what the command line writes, that an edit made elsewhere is never overwritten, and that the
graph behind /sparql follows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
import requests
from conftest import EXAMPLE
from serve_helpers import ARTICLE, Browserless, copy_folder, make_review_folder, snapshot

from kwpld.cli import main
from kwpld.serve import BackgroundServer, ServeOptions

MEMBERSHIP = "jang-song-taek.wpk-presidium.2013-01"


@pytest.fixture(scope="session")
def review_source(tmp_path_factory) -> Path:
    return make_review_folder(tmp_path_factory.mktemp("review") / "data")


@pytest.fixture
def folder(review_source: Path, tmp_path: Path) -> Path:
    return copy_folder(review_source, tmp_path / "data")


@pytest.fixture
def served(folder: Path):
    options = ServeOptions(port=0, watch=0, reviewer="A. Scholar")
    with BackgroundServer(folder, options) as running:
        yield running


def kwpld(*args: str) -> int:
    """The kwpld command, run in this process (as tests/test_link_run.py does): exit code."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code


def test_the_overview_lists_articles_and_links_to_decide(served):
    page = requests.get(served.url + "review").text
    assert f'href="/review/article/{ARTICLE}"' in page
    assert "Party Cell Secretaries to Meet on 28 January" in page
    assert re.search(r"\d+ records? with candidates to decide", page)


def test_an_article_with_its_mentions_marked_and_its_drafts_with_evidence(served):
    page = requests.get(served.url + f"review/article/{ARTICLE}").text
    assert page.count('<mark class="m-') > 50
    # a mention of an accepted record links to its page, one of a pending draft to its card
    assert '<mark class="m-record" title="https://w3id.org/kwpld/id/person/jang-song-taek">' in page
    assert '<a href="/person/jang-song-taek">Jang Song Taek</a>' in page
    assert '<a href="#draft-wpk-presidium">Presidium</a>' in page
    assert '<mark class="m-date" title="2013-01-28">28 January</mark>' in page
    card = page[page.index(f'id="draft-{MEMBERSHIP}"') :]
    card = card[: card.index("</article>")]
    assert '<mark class="r-' in card  # the evidence's spans, highlighted in their sentence
    assert "jang-song-taek: member of wpk-presidium" in card  # the fact, as kwpld review says it
    assert '<p class="summary">' in card  # with its dates and status
    assert 'href="#draft-wpk-presidium"' in card  # what it refers to
    assert 'value="accept-with-dependencies"' in card
    assert requests.get(served.url + "review/article/no-such-article").status_code == 404


def test_the_wikidata_candidates_with_reasons_and_conflicts(served):
    page = requests.get(served.url + "review/links").text
    section = page[page.index('id="link-kim-il-sung"') :]
    section = section[: section.index("</section>")]
    assert "Q41117" in section and "0.905" in section
    assert "the record&#39;s English preferred name" in section  # reasons, escaped
    assert section.count("<strong>") >= 1  # a conflict, shown as such
    assert 'name="decision" value="accept"' in section


def test_accepting_a_draft_writes_what_kwpld_accept_writes(review_source, tmp_path, served):
    by_hand = copy_folder(review_source, tmp_path / "by-hand")
    assert kwpld("accept", str(by_hand), "michael-madden") == 0
    client = Browserless(served.url)
    client.open(f"review/article/{ARTICLE}")
    answer = client.post(
        "review/draft", draft="michael-madden", action="accept", next=f"/review/article/{ARTICLE}"
    )
    assert answer.status_code == 303, answer.text
    assert snapshot(served.graph.path) == snapshot(by_hand)
    page = client.open(f"review/article/{ARTICLE}").text
    assert "Accepted person michael-madden; wrote" in page and 'role="status"' in page
    status = served.graph.wait()
    assert status.state == "current" and status.generation == 2
    ask = "ASK { <https://w3id.org/kwpld/id/person/michael-madden> a <http://schema.org/Person> }"
    assert requests.get(served.url + "sparql", params={"query": ask}).json()["boolean"] is True
    assert "version 2" in client.open("review").text  # the page shows the graph's state


def test_rejecting_and_accepting_with_dependencies_match_the_command_line(
    review_source, tmp_path, served
):
    by_hand = copy_folder(review_source, tmp_path / "by-hand")
    assert kwpld("reject", str(by_hand), "dprk-state-media-2013-01-18") == 0
    assert kwpld("accept", str(by_hand), MEMBERSHIP, "--with-dependencies") == 0
    client = Browserless(served.url)
    client.open(f"review/article/{ARTICLE}")
    assert (
        client.post(
            "review/draft", draft="dprk-state-media-2013-01-18", action="reject"
        ).status_code
        == 303
    )
    client.open(f"review/article/{ARTICLE}")
    answer = client.post("review/draft", draft=MEMBERSHIP, action="accept-with-dependencies")
    assert answer.status_code == 303, answer.text
    assert snapshot(served.graph.path) == snapshot(by_hand)


def test_a_draft_that_needs_another_is_refused_and_nothing_is_written(served):
    client = Browserless(served.url)
    client.open(f"review/article/{ARTICLE}")
    before = snapshot(served.graph.path)
    answer = client.post("review/draft", draft=MEMBERSHIP, action="accept")
    assert answer.status_code == 400
    assert "refers to wpk-presidium, still a draft" in answer.text
    assert 'role="alert"' in answer.text and 'href="/review"' in answer.text
    assert snapshot(served.graph.path) == before


def test_accepting_a_link_writes_what_kwpld_link_apply_only_writes(review_source, tmp_path, served):
    by_hand = copy_folder(review_source, tmp_path / "by-hand")
    review = by_hand / "wikidata.review.csv"
    lines = review.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):  # the scholar's edit, in a spreadsheet
        if line.startswith("kim-jong-un,") and ",Q56226," in line:
            assert line.endswith(",,,\n")
            lines[i] = line[: -len(",,,\n")] + ",accept,A. Scholar,\n"
    review.write_text("".join(lines), "utf-8")
    assert kwpld("link", str(by_hand), "--apply-only") == 0
    client = Browserless(served.url)
    client.open("review/links")
    answer = client.post(
        "review/link", entity="kim-jong-un", qid="Q56226", decision="accept", reviewer=""
    )
    assert answer.status_code == 303, answer.text
    assert snapshot(served.graph.path) == snapshot(by_hand)
    page = client.open("review/links").text
    assert "Recorded in wikidata-links.yaml: kim-jong-un accepted Q56226 (by A. Scholar)" in page
    served.graph.wait()
    same = (
        "ASK { <https://w3id.org/kwpld/id/person/kim-jong-un> "
        "<http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q56226> }"
    )
    assert requests.get(served.url + "sparql", params={"query": same}).json()["boolean"] is True


def test_a_file_edited_while_the_page_is_open_is_never_overwritten(served):
    client = Browserless(served.url)
    client.open(f"review/article/{ARTICLE}")
    review = served.graph.path / "articles" / f"{ARTICLE}.review.yaml"
    edited = review.read_text("utf-8").replace("Michael Madden", "Michael J. Madden")
    review.write_text(edited, "utf-8")  # the curator's editor, meanwhile
    before = snapshot(served.graph.path)
    answer = client.post("review/draft", draft="michael-madden", action="accept")
    assert answer.status_code == 409
    assert "changed on disk since this page was opened" in answer.text
    assert snapshot(served.graph.path) == before  # the edit stands, nothing was written
    people = served.graph.path / "people.yaml"
    client.open("review/links")
    people.write_text(people.read_text("utf-8") + "\n# a note\n", "utf-8")
    refused = client.post("review/link", entity="kim-jong-un", qid="Q56226", decision="accept")
    assert refused.status_code == 409
    assert not (served.graph.path / "wikidata-links.yaml").exists()
    # the page opened again carries the new version, and the decision goes through
    client.open(f"review/article/{ARTICLE}")
    assert client.post("review/draft", draft="michael-madden", action="accept").status_code == 303
    assert "Michael J. Madden" in (served.graph.path / "people.yaml").read_text("utf-8")


def test_decisions_need_the_csrf_token_and_name_only_what_the_folder_holds(served):
    client = Browserless(served.url)
    client.open(f"review/article/{ARTICLE}")
    before = snapshot(served.graph.path)
    forged = client.http.post(
        served.url + "review/draft",
        data={"version": client.field("version"), "draft": "michael-madden", "action": "accept"},
    )
    assert forged.status_code == 403
    for draft in ("../../people", "/etc/passwd", "michael-madden\x00"):
        answer = client.post("review/draft", draft=draft, action="accept")
        assert answer.status_code == 400, draft
    wrong = client.post("review/link", entity="kim-jong-un", qid="Q1", decision="accept")
    assert wrong.status_code == 400 and "proposes no Q1" in wrong.text
    assert snapshot(served.graph.path) == before
    for path in (
        "review/article/..%2F..%2Fpeople",
        "review/article/%2e%2e",
        "review/article/..%2fkwpld",
    ):
        assert requests.get(served.url + path).status_code == 404, path


def test_a_review_file_cannot_make_the_page_read_outside_its_folder(served, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch codes", "utf-8")
    review = served.graph.path / "articles" / f"{ARTICLE}.review.yaml"
    text = review.read_text("utf-8")
    for name in ("../../secret.txt", str(secret), "..", "/etc/passwd"):
        review.write_text(text.replace(f"text: {ARTICLE}.txt", f"text: {name}", 1), "utf-8")
        page = requests.get(served.url + f"review/article/{ARTICLE}")
        assert page.status_code == 200, name
        assert "the launch codes" not in page.text and "root:" not in page.text


def test_text_from_the_files_is_escaped(served):
    review = served.graph.path / "articles" / f"{ARTICLE}.review.yaml"
    text = review.read_text("utf-8")
    hostile = '<script>alert("why")</script>'
    review.write_text(text.replace("credited for an image:", hostile, 1), "utf-8")
    page = requests.get(served.url + f"review/article/{ARTICLE}").text
    assert hostile not in page
    assert "&lt;script&gt;alert(&#34;why&#34;)&lt;/script&gt;" in page
    # a review file broken by an edit is named, with why, not silently left out
    review.write_text(text.replace("drafts:", "drafts: [", 1), "utf-8")
    overview = requests.get(served.url + "review").text
    assert 'role="alert"' in overview and "the review file is not valid YAML" in overview


def test_a_release_has_no_workbench(built_example):
    with BackgroundServer(built_example.out, ServeOptions(port=0, watch=0)) as running:
        assert requests.get(running.url + "review").status_code == 404
        assert 'href="/review"' not in requests.get(running.url).text
        assert requests.get(running.url + "sparql", params={"query": "ASK {}"}).ok


def test_the_example_data_folder_has_a_workbench_without_articles(tmp_path):
    data = copy_folder(EXAMPLE, tmp_path / "data")
    with BackgroundServer(data, ServeOptions(port=0, watch=0)) as running:
        page = requests.get(running.url + "review").text
        assert "No article has been ingested" in page
        assert "kwpld link DATA" in page
    assert snapshot(data) == snapshot(EXAMPLE)


PRESIDIUM = """- id: wpk-pb-presidium
  kind: presidium
  parent: wpk-pb
  names:
  - {text: "Presidium of the Political Bureau of the Central Committee of the Workers' Party of Korea", system: en}
  - {text: 조선로동당 중앙위원회 정치국 상무위원회, system: hangul}
"""  # noqa: E501 - a record as a curator writes it


def test_fixing_a_name_then_accepting(review_source, tmp_path, served):
    from kwpld.review import rename

    by_hand = copy_folder(review_source, tmp_path / "by-hand")
    rename(by_hand, "michael-madden", "Michael J. Madden")
    client = Browserless(served.url)
    page = client.open(f"review/article/{ARTICLE}").text
    assert 'id="name-michael-madden" name="name" value="Michael Madden"' in page
    answer = client.post(
        "review/draft", draft="michael-madden", action="rename", name="  Michael J.  Madden "
    )
    assert answer.status_code == 303, answer.text
    assert snapshot(served.graph.path) == snapshot(by_hand)
    client.open(f"review/article/{ARTICLE}")
    assert client.post("review/draft", draft="michael-madden", action="accept").status_code == 303
    assert "Michael J. Madden" in (served.graph.path / "people.yaml").read_text("utf-8")
    empty = Browserless(served.url)
    empty.open(f"review/article/{ARTICLE}")
    refused = empty.post("review/draft", draft="nk-leadership-watch", action="rename", name=" ")
    assert refused.status_code == 400 and "cannot be empty" in refused.text


def test_merging_a_draft_into_the_record_it_names(review_source, tmp_path, served):
    """The Presidium was recorded after the article was ingested: its draft is that record."""
    from kwpld.review import merge

    by_hand = copy_folder(review_source, tmp_path / "by-hand")
    for folder in (by_hand, served.graph.path):
        with (folder / "organs.yaml").open("a", encoding="utf-8") as organs:
            organs.write(PRESIDIUM)
    merge(by_hand, "wpk-presidium", "wpk-pb-presidium")
    served.graph.refresh()  # the new record, as the watcher would notice it
    served.graph.wait()
    client = Browserless(served.url)
    page = client.open(f"review/article/{ARTICLE}").text
    card = page[page.index('id="draft-wpk-presidium"') :]
    card = card[: card.index("</article>")]
    assert '<option value="wpk-pb-presidium">' in card  # offered, by its name
    answer = client.post(
        "review/draft", draft="wpk-presidium", action="merge", into="wpk-pb-presidium"
    )
    assert answer.status_code == 303, answer.text
    assert snapshot(served.graph.path) == snapshot(by_hand)
    review = (served.graph.path / "articles" / f"{ARTICLE}.review.yaml").read_text("utf-8")
    assert "merged_into: wpk-pb-presidium" in review
    assert "organ: wpk-pb-presidium" in review  # the membership draft refers to the record
    page = client.open(f"review/article/{ARTICLE}").text
    assert "Merged into the record" in page
    assert '<a href="/organ/wpk-pb-presidium">Presidium</a>' in page  # its mention, too
    # the fact no longer needs a draft: it is accepted on its own
    assert client.post("review/draft", draft=MEMBERSHIP, action="accept").status_code == 303
    memberships = (served.graph.path / "memberships.yaml").read_text("utf-8")
    assert "organ: wpk-pb-presidium" in memberships
    served.graph.wait()
    ask = (
        "ASK { ?m <http://www.w3.org/ns/org#organization> "
        "<https://w3id.org/kwpld/id/organ/wpk-pb-presidium> ; "
        "<http://www.w3.org/ns/org#member> <https://w3id.org/kwpld/id/person/jang-song-taek> }"
    )
    assert requests.get(served.url + "sparql", params={"query": ask}).json()["boolean"] is True
    wrong = Browserless(served.url)
    wrong.open(f"review/article/{ARTICLE}")
    refused = wrong.post("review/draft", draft="michael-madden", action="merge", into="wpk")
    assert refused.status_code == 400 and "&#39;wpk&#39; is an organ" in refused.text


def test_a_facts_evidence_spans_are_marked_with_their_roles():
    """Fact drafts carry spans (person, trigger, role, organ ...) as offsets in the text file;
    the page marks each in its sentence as kwpld review does (the same code), found by its
    words if the offsets no longer fit, and a span from another sentence is shown after it."""
    from kwpld.review.listing import _one_evidence
    from kwpld.serve.workbench import _parts

    sentence = "Choe Ryong Hae was elected a secretary of the WPK Central Committee."
    text = "x" * 100 + sentence
    evidence = {
        "at": [100, 100 + len(sentence)],
        "sentence": sentence,
        "spans": [
            {"at": [100, 114], "text": "Choe Ryong Hae", "role": "person"},
            {"at": [119, 126], "text": "elected", "role": "trigger"},
            {"at": [101, 104], "text": "secretary", "role": "role"},  # offsets gone stale
            {"at": [10, 15], "text": "9 May", "role": "date"},  # an earlier sentence's
        ],
    }
    parts = _parts(_one_evidence(evidence, text))
    assert "".join(text for text, _ in parts.parts) == sentence
    assert [(t, r) for t, r in parts.parts if r] == [
        ("Choe Ryong Hae", "person"),
        ("elected", "trigger"),
        ("secretary", "role"),
    ]
    assert parts.elsewhere == (("9 May", "date"),)
