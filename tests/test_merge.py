"""``kwpld merge``: two records become one in every file of the folder, all or nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE
from publish_helpers import tree_digest

import kwpld
from kwpld.build import check_data
from kwpld.cli import main
from kwpld.merge import MergeConflict, MergeLoadError, merge_records
from kwpld.merge.fields import merge_fields, rename_references
from kwpld.model import Article, Person
from kwpld.review import list_drafts

SECOND_KIM = """
  # Kim Jong Su again, as accepted from another article
  - id: kim-jong-su-2
    names:
      - {text: Kim Jong-su, system: en, kind: alternate}
      - {text: 김정수, system: hangul}
      - {text: Kim Jŏng-su, system: mr, kind: alternate}
    gender: male
    born: 1957
    sources: [pb-report-2013-01-23]
"""


def data_with_duplicate(tmp_path: Path) -> Path:
    """The example with Kim Jong Su recorded twice; the second is the author of the essay,
    and an article mentions both."""
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data, ignore=shutil.ignore_patterns(".kwpld-cache"))
    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8") + SECOND_KIM, "utf-8")
    articles = data / "articles.yaml"
    text = articles.read_text("utf-8")
    assert text.count("authors: [kim-jong-su]") == 1
    text = text.replace("authors: [kim-jong-su]", "authors: [kim-jong-su-2]")
    text = text.replace("      - kim-jong-su\n", "      - kim-jong-su\n      - kim-jong-su-2\n", 1)
    articles.write_text(text, "utf-8")
    (data / "wikidata-links.yaml").write_text(
        """kwpld: 1
wikidata_links:
  - entity: kim-jong-su-2
    qid: Q1234
    decision: rejected
    method: review
    by: "A. Scholar"
    date: 2024-05-01
    note: A namesake, a footballer.
""",
        "utf-8",
    )
    kwpld.load_records(data)  # the fixture loads
    return data


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_merge_rewrites_every_reference_and_keeps_the_files_as_written(tmp_path: Path) -> None:
    data = data_with_duplicate(tmp_path)
    assert [w.record_id for w in check_data(data).warnings] == ["kim-jong-su-2"]
    before = {p.name: p.read_text("utf-8") for p in data.iterdir() if p.is_file()}

    result = merge_records(data, "person", "kim-jong-su", "kim-jong-su-2")

    assert result.files == ["articles.yaml", "people.yaml", "wikidata-links.yaml"]
    assert result.referrers == ["nklw-2013-01-party-cell-secretaries", "rodong-essay-2013-01-21"]
    assert result.notes == []
    records = kwpld.load_records(data)
    assert "kim-jong-su-2" not in records
    kim = records["kim-jong-su"]
    assert isinstance(kim, Person)
    assert str(kim.born) == "1957"
    assert kim.preferred_name() == "Kim Jong Su"
    assert [(n.text, n.system, n.kind) for n in kim.names][-2:] == [
        ("Kim Jong-su", "en", "alternate"),
        ("Kim Jŏng-su", "mr", "alternate"),
    ]
    assert kim.sources == [
        "nklw-2013-01-party-cell-secretaries",
        "rodong-essay-2013-01-21",
        "pb-report-2013-01-23",
    ]
    essay = records["rodong-essay-2013-01-21"]
    assert isinstance(essay, Article) and essay.authors == ["kim-jong-su"]
    analysis = records["nklw-2013-01-party-cell-secretaries"]
    assert isinstance(analysis, Article)
    assert analysis.mentions.count("kim-jong-su") == 1  # mentioned twice is once now
    assert [(link.entity, link.qid, link.decision) for link in records.links] == [
        ("kim-jong-su", "Q1234", "rejected")
    ]
    assert check_data(data).warnings == []

    # Only what the merge changes is written again: comments, folded text and flow
    # mappings elsewhere stay as they were.
    people = (data / "people.yaml").read_text("utf-8")
    old_people = before["people.yaml"]
    assert people.splitlines()[:3] == old_people.splitlines()[:3]  # the file's comments
    assert "description: >-\n      Author of the Rodong Sinmun essay" in people
    hangul = (
        "      - {text: 김정수, system: hangul, derived_from: {system: mr, rule: mr-to-hangul}}"
    )
    assert hangul in people
    assert "      - {text: Kim Jong-su, system: en, kind: alternate}\n" in people
    assert "Kim Jong Su again" not in people  # the removed record's own comment went with it
    removed = set(old_people.splitlines()) - set(people.splitlines())
    assert removed == {
        "  # Kim Jong Su again, as accepted from another article",
        "  - id: kim-jong-su-2",
        "      - {text: 김정수, system: hangul}",
        "    sources: [nklw-2013-01-party-cell-secretaries, rodong-essay-2013-01-21]",
    }
    articles = (data / "articles.yaml").read_text("utf-8")
    old_articles = before["articles.yaml"]
    changed = [
        (a, b)
        for a, b in zip(old_articles.splitlines(), articles.splitlines(), strict=False)
        if a != b
    ]
    assert changed[0] == (
        "      - kim-jong-su-2",
        "      - meetings-of-cell-secretaries",
    )  # the repeat went; every line after it shifted by one
    assert "    authors: [kim-jong-su]\n" in articles
    assert len(articles.splitlines()) == len(old_articles.splitlines()) - 1
    assert (data / "memberships.csv").read_text("utf-8") == before["memberships.csv"]


def test_a_dry_run_shows_the_diff_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = data_with_duplicate(tmp_path)
    before = tree_digest(data)
    code, out, err = _cli(
        capsys, "merge", "person", "kim-jong-su", "kim-jong-su-2", "--data", str(data), "-n"
    )
    assert code == 0
    assert tree_digest(data) == before
    assert list(data.glob(".*")) == []  # no staging folder left behind
    assert "--- a/people.yaml\n+++ b/people.yaml\n" in out
    assert "-    authors: [kim-jong-su-2]\n+    authors: [kim-jong-su]\n" in out
    assert "-  - entity: kim-jong-su-2\n+  - entity: kim-jong-su\n" in out
    assert "would merge person 'kim-jong-su-2' into 'kim-jong-su': 3 files" in err
    assert "nothing was written" in err


def test_conflicting_values_are_all_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = data_with_duplicate(tmp_path)
    people = data / "people.yaml"
    people.write_text(
        people.read_text("utf-8")
        .replace("    born: 1957\n", "    born: 1957\n    citizenship: KR\n")
        .replace(
            "{text: Kim Jong-su, system: en, kind: alternate}", "{text: Kim Jong-su, system: en}"
        ),
        "utf-8",
    )
    before = tree_digest(data)
    with pytest.raises(MergeConflict) as raised:
        merge_records(data, "person", "kim-jong-su", "kim-jong-su-2")
    assert raised.value.conflicts == [
        "preferred en name: 'Kim Jong Su' (kim-jong-su) vs 'Kim Jong-su' (kim-jong-su-2)",
        "citizenship: 'KP' (kim-jong-su) vs 'KR' (kim-jong-su-2)",
    ]
    assert tree_digest(data) == before
    code, _, err = _cli(capsys, "merge", "person", "kim-jong-su", "kim-jong-su-2", "-d", str(data))
    assert code == 2 and "--prefer A (kim-jong-su) or --prefer B (kim-jong-su-2)" in err
    assert "Traceback" not in err

    # B wins: its citizenship and its preferred English name; A's becomes an alternate.
    assert (
        _cli(
            capsys,
            "merge",
            "person",
            "kim-jong-su",
            "kim-jong-su-2",
            "-d",
            str(data),
            "--prefer",
            "B",
        )[0]
        == 0
    )
    kim = kwpld.load_records(data)["kim-jong-su"]
    assert isinstance(kim, Person)
    assert kim.citizenship == "KR"
    assert kim.preferred_name() == "Kim Jong-su"
    assert ("Kim Jong Su", "alternate") in [(n.text, n.kind) for n in kim.names]


def test_into_keeps_the_second_id(tmp_path: Path) -> None:
    data = data_with_duplicate(tmp_path)
    result = merge_records(
        data, "person", "kim-jong-su", "kim-jong-su-2", into="kim-jong-su-2", prefer="a"
    )
    assert (result.survivor, result.absorbed) == ("kim-jong-su-2", "kim-jong-su")
    records = kwpld.load_records(data)
    assert "kim-jong-su" not in records
    kim = records["kim-jong-su-2"]
    assert isinstance(kim, Person) and kim.preferred_name() == "Kim Jong Su"
    text = (data / "articles.yaml").read_text("utf-8")
    assert "kim-jong-su\n" not in text and "speaker: kim-jong-su-2" in text


def test_a_merge_whose_result_would_not_load_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = data_with_duplicate(tmp_path)
    before = tree_digest(data)
    # The Presidium's parent is the Political Bureau: one organ would be its own parent.
    with pytest.raises(MergeLoadError) as raised:
        merge_records(data, "organ", "wpk-pb-presidium", "wpk-pb", prefer="A")
    assert "cycle" in raised.value.render()
    assert tree_digest(data) == before
    code, _, err = _cli(
        capsys, "merge", "organ", "wpk-pb-presidium", "wpk-pb", "-d", str(data), "--prefer", "A"
    )
    assert code == 2
    assert "after this merge the records would not load" in err and "nothing was written" in err


def test_bad_requests_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = data_with_duplicate(tmp_path)
    cases = [
        (("person", "kim-jong-su", "kim-jong-su"), "named twice"),
        (("person", "kim-jong-s", "kim-jong-su-2"), "did you mean 'kim-jong-su'"),
        (("organ", "kim-jong-su", "kim-jong-su-2"), "is a person, not an organ"),
        (("person", "kim-jong-su", "kim-jong-su-2", "--into", "x"), "--into x"),
        (("person", "kim-jong-su", "kim-jong-su-2", "--prefer", "C"), "--prefer C"),
    ]
    for args, message in cases:
        code, _, err = _cli(capsys, "merge", *args, "-d", str(data))
        assert code == 2, args
        assert message in err and "Traceback" not in err


def test_csv_and_json_lines_records_are_rewritten_row_by_row(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "kwpld.yaml").write_text("kwpld: 1\nid: csv\ntitle: CSV\n", "utf-8")
    (data / "records.yaml").write_text(
        """kwpld: 1
organs:
  - id: wpk
    kind: party
    names: [{text: "Workers' Party of Korea", system: en}]
""",
        "utf-8",
    )
    (data / "people.csv").write_text(
        "id,name_en,name_hangul,other_names,born,citizenship,sources\n"
        "ri-yong-ho,Ri Yong Ho,,,1942,KP,a-1\n"
        '"ri-yong-ho-2","Ri Yong-ho",리용호,"rr:Ri Yong-ho",1942-10-05,,a-2\n',
        "utf-8",
    )
    (data / "memberships.csv").write_text(
        "id,person,organ,role,status,sources\n"
        "m-1,ri-yong-ho-2,wpk,member,confirmed,a-2\n"
        "m-2,ri-yong-ho,wpk,member,confirmed,a-1\n",
        "utf-8",
    )
    (data / "articles.jsonl").write_text(
        '{"id": "a-1", "type": "report", "title": "One", "mentions": ["ri-yong-ho"]}\n'
        '{"id": "a-2", "type": "report", "title": "Two", "mentions": ["ri-yong-ho-2", "wpk"]}\n',
        "utf-8",
    )
    result = merge_records(data, "person", "ri-yong-ho", "ri-yong-ho-2", prefer="A")
    assert result.notes == ["born: kept 1942-10-05, more precise than 1942"]
    assert (data / "people.csv").read_text("utf-8") == (
        "id,name_en,name_hangul,other_names,born,citizenship,sources\n"
        "ri-yong-ho,Ri Yong Ho,리용호,en/alternate:Ri Yong-ho; rr/preferred:Ri Yong-ho,"
        "1942-10-05,KP,a-1; a-2\n"
    )
    assert (data / "memberships.csv").read_text("utf-8").splitlines()[1] == (
        "m-1,ri-yong-ho,wpk,member,confirmed,a-2"
    )
    assert (data / "articles.jsonl").read_text("utf-8").splitlines() == [
        '{"id": "a-1", "type": "report", "title": "One", "mentions": ["ri-yong-ho"]}',
        '{"id": "a-2", "type": "report", "title": "Two", "mentions": ["ri-yong-ho", "wpk"]}',
    ]
    kwpld.load_records(data)


def test_wikidata_decisions_are_united_or_in_conflict(tmp_path: Path) -> None:
    data = data_with_duplicate(tmp_path)
    links = data / "wikidata-links.yaml"
    accepted = """  - entity: {entity}
    qid: {qid}
    decision: accepted
    method: review
    by: "A. Scholar"
    date: 2024-05-01
"""
    # Both accept one item: the decision is kept once.
    links.write_text(
        "kwpld: 1\nwikidata_links:\n"
        + accepted.format(entity="kim-jong-su", qid="Q7")
        + accepted.format(entity="kim-jong-su-2", qid="Q7"),
        "utf-8",
    )
    people = data / "people.yaml"
    people.write_text(
        people.read_text("utf-8").replace(
            "Several people share this name; no Wikidata item is accepted.", "A WPK official."
        ),
        "utf-8",
    )
    saved = {p: p.read_text("utf-8") for p in (links, people, data / "articles.yaml")}
    merge_records(data, "person", "kim-jong-su", "kim-jong-su-2")
    records = kwpld.load_records(data)
    assert [(x.entity, x.qid) for x in records.links] == [("kim-jong-su", "Q7")]

    # Two items: a conflict, unless one side is preferred (the other's decision goes).
    for path, text in saved.items():
        path.write_text(text, "utf-8")
    head, tail = saved[links].rsplit("Q7", 1)  # kim-jong-su-2 accepted another item
    links.write_text(head + "Q8" + tail, "utf-8")
    with pytest.raises(MergeConflict) as raised:
        merge_records(data, "person", "kim-jong-su", "kim-jong-su-2")
    assert raised.value.conflicts == ["Wikidata item: Q7 (kim-jong-su) vs Q8 (kim-jong-su-2)"]
    result = merge_records(data, "person", "kim-jong-su", "kim-jong-su-2", prefer="B")
    assert result.notes == ["dropped the accepted Wikidata link of 'kim-jong-su' to Q7"]
    assert kwpld.load_records(data).accepted_qid("kim-jong-su") == "Q8"


def test_ingest_review_files_and_annotations_follow_the_merge(tmp_path: Path) -> None:
    data = data_with_duplicate(tmp_path)
    text = tmp_path / "note.txt"
    text.write_text(
        "Kim Jong Su wrote an essay in Rodong Sinmun on 1 February 2013 about party cells.\n",
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "kwpld", "ingest", str(text), "--into", str(data), "-t", "report"],
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr.decode()
    review = data / "articles" / "note.review.yaml"
    article = data / "articles" / "note.yaml"  # written by ingest, known by its checksum
    notes = data / "articles" / "note.annotations.jsonld"
    person = "https://w3id.org/kwpld/id/person/"
    assert f'"{person}kim-jong-su"' in notes.read_text("utf-8")
    assert "- kim-jong-su\n" in article.read_text("utf-8")

    result_ = merge_records(
        data, "person", "kim-jong-su", "kim-jong-su-2", into="kim-jong-su-2", prefer="A"
    )
    assert result_.files == [
        "articles.yaml",
        "articles/note.annotations.jsonld",
        "articles/note.review.yaml",
        "articles/note.yaml",
        "people.yaml",  # wikidata-links.yaml names kim-jong-su-2, which stays
    ]
    annotations = notes.read_text("utf-8")
    assert f'"{person}kim-jong-su"' not in annotations
    assert f'"{person}kim-jong-su-2"' in annotations
    json.loads(annotations)
    assert "- kim-jong-su-2\n" in article.read_text("utf-8")
    queue = review.read_text("utf-8")
    assert "- kim-jong-su\n" not in queue and "- kim-jong-su-2\n" in queue
    # The review file still knows the article file as the one ingest wrote (and kwpld accept
    # may rewrite it), and still reads.
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    assert f"article_sha256: {digest}" in queue
    list_drafts(data)


def test_a_merge_killed_among_its_renames_is_rolled_back(tmp_path: Path) -> None:
    data = data_with_duplicate(tmp_path)
    before = tree_digest(data)
    code = """
import os, signal, sys
import kwpld.atomic as atomic
atomic.fault_hook = lambda p: os.kill(os.getpid(), signal.SIGKILL) if p == "transaction" else None
from kwpld.merge import merge_records
merge_records(sys.argv[1], "person", "kim-jong-su", "kim-jong-su-2")
"""
    process = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True)
    assert process.returncode == -signal.SIGKILL, process.stderr.decode()
    assert tree_digest(data) != before  # half merged: one file replaced, the others not
    # The next kwpld command that reads the folder puts every file back first.
    assert check_data(data).warnings  # the duplicate is still there to merge
    assert tree_digest(data) == before
    merge_records(data, "person", "kim-jong-su", "kim-jong-su-2")
    assert "kim-jong-su-2" not in kwpld.load_records(data)
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []


def test_names_unite_by_text_and_system() -> None:
    a = {
        "id": "a",
        "names": [
            {"text": "Kim Jong Su", "system": "en"},
            {"text": "김정수", "system": "hangul", "sources": ["s1"]},
        ],
        "born": "1957",
    }
    b = {
        "id": "b",
        "names": [
            {"text": "Kim  Jong Su", "system": "en", "sources": ["s2"]},
            {"text": "김정수", "system": "hangul", "sources": ["s2"]},
            {"text": "Kim Jong-su", "system": "rr"},
        ],
        "born": "March 1957",
    }
    merged = merge_fields("person", a, b, None)
    assert merged.conflicts == []
    assert merged.record["names"] == [
        {"text": "Kim Jong Su", "system": "en", "sources": ["s2"]},
        {"text": "김정수", "system": "hangul", "sources": ["s1", "s2"]},
        {"text": "Kim Jong-su", "system": "rr"},
    ]
    assert merged.record["born"] == "March 1957"
    b["born"] = "1958"
    assert [c.field for c in merge_fields("person", a, b, None).conflicts] == ["born"]
    assert merge_fields("person", a, b, "survivor").record["born"] == "1957"
    assert merge_fields("person", a, b, "absorbed").record["born"] == "1958"


def test_references_are_renamed_where_the_loader_looks_and_repeats_go() -> None:
    event = {
        "id": "meeting",
        "organizer": "kwp-cc",
        "participants": [
            {"ref": "wpk-cc", "sources": ["s1"]},
            {"ref": "kwp-cc", "sources": ["s2"]},
            {"ref": "kwp-cc", "role": "host"},
        ],
        "about": ["kwp-cc", "wpk-cc"],
        "note": "kwp-cc in a note is text, not a reference",
        "rules": [{"text": "r", "applies_to": ["x", "x"]}],
    }
    assert rename_references(event, "event", "kwp-cc", "wpk-cc")
    assert event == {
        "id": "meeting",
        "organizer": "wpk-cc",
        "participants": [
            {"ref": "wpk-cc", "sources": ["s1", "s2"]},  # one participant, both sources
            {"ref": "wpk-cc", "role": "host"},  # a role tells it apart: kept
        ],
        "about": ["wpk-cc"],
        "note": "kwp-cc in a note is text, not a reference",
        "rules": [{"text": "r", "applies_to": ["x", "x"]}],  # not a list the merge touched
    }
    assert not rename_references(event, "event", "kwp-cc", "wpk-cc")


def test_an_accepted_draft_follows_the_record_it_became(tmp_path: Path) -> None:
    data = data_with_duplicate(tmp_path)
    (data / "articles").mkdir()
    review = data / "articles" / "later.review.yaml"
    review.write_text(
        """kwpld-review: 1
article: later
drafts:
- id: kim-jong-su-2
  kind: person
  status: accepted
  record:
    id: kim-jong-su-2
    names: [{text: Kim Jong-su, system: en}]
- id: later-meeting
  kind: event
  status: pending
  record:
    id: later-meeting
    type: meeting
    names: [{text: A meeting, system: en}]
    participants: [kim-jong-su-2, kim-jong-su]
problems:
- code: ambiguous-mention
  text: Kim
  candidates: [kim-jong-su, kim-jong-su-2, kim-jong-un]
""",
        "utf-8",
    )
    merge_records(data, "person", "kim-jong-su", "kim-jong-su-2", prefer="A")
    drafts = {d.id: d for d in list_drafts(data, statuses=("pending", "accepted"))}
    assert set(drafts) == {"kim-jong-su", "later-meeting"}
    text = review.read_text("utf-8")
    assert "kim-jong-su-2" not in text
    assert "candidates:\n  - kim-jong-su\n  - kim-jong-un\n" in text
    assert "participants:\n    - kim-jong-su\n" in text
