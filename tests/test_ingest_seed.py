"""On the seed article (examples/texts), ingest finds everything the design notes say it shows
(../shared/docs/design.md, "What the seed shows"), normalizes every date, and invents no one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwpld.ingest.drafts import Drafted
from kwpld.ingest.pipeline import IngestOptions, article_meta, read_one
from kwpld.ingest.read import Reading
from kwpld.load import load_records
from kwpld.names import match_key
from kwpld.reading.known import Known
from kwpld.sources import read_source, read_text_source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"
EXAMPLE = ROOT / "examples" / "party-cells-2013"


def _read(known: Known, path: Path = SEED) -> tuple[Reading, Drafted]:
    source = read_source(path)
    meta = article_meta(path.name, source, IngestOptions(article_type="analysis"))
    return read_one(source, known, meta)


@pytest.fixture(scope="module")
def empty() -> tuple[Reading, Drafted]:
    return _read(Known.build(None))


def _drafts(drafted: Drafted, kind: str) -> dict[str, dict]:
    return {d.id: d.record for d in drafted.drafts if d.kind == kind}


def _names(record: dict) -> set[str]:
    return {n["text"] for n in record.get("names", [])}


def _by_name(drafted: Drafted, kind: str, name: str) -> dict:
    key = match_key(name)
    found = [r for r in _drafts(drafted, kind).values() if key in {match_key(t) for t in _names(r)}]
    assert len(found) == 1, (kind, name, len(found))
    return found[0]


def test_organs_in_a_hierarchy_with_both_abbreviations(empty: tuple[Reading, Drafted]) -> None:
    _, drafted = empty
    party = _by_name(drafted, "organ", "Workers' Party of Korea")
    assert party["kind"] == "party"
    assert {"KWP", "WPK", "Korean Workers' Party"} <= _names(party)
    chain = {
        "central-committee": "party",
        "political-bureau": "central-committee",
        "presidium": "political-bureau",
        "party-committee": "party",
        "party-cell": "party-committee",
    }
    organs = _drafts(drafted, "organ")
    kinds = {record["id"]: record["kind"] for record in organs.values()}
    for record in organs.values():
        if record["kind"] in chain:
            assert kinds[record["parent"]] == chain[record["kind"]], record["id"]
    assert {"KWP Political Bureau", "KWP Central Committee Political Bureau"} <= _names(
        _by_name(drafted, "organ", "Korean Workers' Party Political Bureau")
    )
    assert "standing committee of the Political Bureau" in _names(
        _by_name(drafted, "organ", "Presidium of the Political Bureau")
    )


def test_people_in_every_spelling_and_honorific(empty: tuple[Reading, Drafted]) -> None:
    reading, drafted = empty
    people = _drafts(drafted, "person")
    assert {r["names"][0]["text"] for r in people.values()} == {
        "Kim Jong Un", "Kim Il Sung", "Kim Jong Il", "Jang Song Taek", "Kim Jong Su",
        "Michael Madden",
    }  # fmt: skip
    kim_jong_su = _by_name(drafted, "person", "Kim Jong Su")
    assert {(n["system"], n["text"]) for n in kim_jong_su["names"]} >= {
        ("en", "Kim Jong Su"),
        ("mr-ascii", "Kim Cho'ng-su"),
    }
    kim_jong_un = _by_name(drafted, "person", "Kim Jong Un")
    epithets = {n["text"] for n in kim_jong_un["names"] if n.get("kind") == "epithet"}
    assert epithets == {
        "the dear respected Comrade Kim Jong Un",
        "the respected and beloved marshal",
    }
    # "the great Generalissimos Kim Il Sung and Kim Jong Il" is two people, each honoured.
    for name in ("Kim Il Sung", "Kim Jong Il"):
        record = _by_name(drafted, "person", name)
        assert f"the great Generalissimo {name}" in _names(record)
    honoured = [m for m in reading.mentions if m.kind == "person" and m.honorific]
    assert {m.text for m in honoured} >= {"Kim Jong Un", "Kim Il Sung", "Kim Jong Il"}


def test_no_person_from_capitalized_words(empty: tuple[Reading, Drafted]) -> None:
    reading, _ = empty
    people = {m.text for m in reading.mentions if m.kind == "person"}
    assert people <= {
        "Jang Song Taek", "Michael Madden", "Kim Jong Un", "Kim Il Sung", "Kim Jong Il",
        "Kim Jong Su",
        "Kim Cho’ng-su", "The respected and beloved marshal", "the respected and beloved marshal",
    }  # fmt: skip
    text = (
        "Party Cells Are Key. Today the party met. So the line was set. Here, it is clear. "
        "Han River Flows. Graphic of the KWP. Eventually, party cells can be said to help. "
        "Kim said so. Although our functionaries agree, Ko Am Park opened."
    )
    source = read_text_source(text, "text/plain", "capitals.txt")
    reading, drafted = read_one(
        source, Known.build(None), article_meta("capitals.txt", source, IngestOptions())
    )
    assert [d.id for d in drafted.drafts if d.kind == "person"] == []


def test_projected_membership_as_of_january_2013(empty: tuple[Reading, Drafted]) -> None:
    _, drafted = empty
    (membership,) = _drafts(drafted, "membership").values()
    assert membership["status"] == "projected"
    assert membership["as_of"] == "January 2013"
    assert membership["sources"] == [drafted.images[0]["id"]]


def test_the_four_meetings_in_both_calendars_and_their_renaming(
    empty: tuple[Reading, Drafted],
) -> None:
    _, drafted = empty
    events = _drafts(drafted, "event")
    meetings = sorted((r for r in events.values() if r.get("ordinal")), key=lambda r: r["ordinal"])
    assert [(m["ordinal"], m["date"]) for m in meetings] == [
        (1, "May of Juche 80 (1991)"),
        (2, "March of Juche 83 (1994)"),
        (3, "October of Juche 96 (2007)"),
        (4, "28 January 2013 (Monday)"),
    ]
    assert len({m["series"] for m in meetings}) == 1
    decision = next(r for r in events.values() if r["type"] == "decision")
    assert decision["date"] == "23 January 2013 (Wednesday)"
    former = {n["text"]: n for m in meetings for n in m["names"] if n.get("kind") == "former"}
    assert set(former) == {
        "Short Course of Secretaries of Party Cells across the country",
        "Meeting of Secretaries of Cells of the Whole Party",
    }
    assert all(n["renamed_by"] == decision["id"] for n in former.values())
    assert decision["rules"][0]["text"].endswith("convene it when necessary.")
    conferral = next(r for r in events.values() if r["type"] == "conferral")
    assert conferral["title"].startswith("revolutionary soldier faithful to the party")
    assert conferral["conferred_by"] == _by_name(drafted, "person", "Kim Jong Un")["id"]


def test_documents_the_analysis_cites(empty: tuple[Reading, Drafted]) -> None:
    _, drafted = empty
    articles = _drafts(drafted, "article")
    found = {(r["type"], r.get("date")) for r in articles.values()}
    assert found == {
        ("news", "18 January 2013"),
        ("news", "25 January 2013 (Friday)"),
        ("report", "23 January 2013 (Wednesday)"),
        ("essay", "21 January 2013 (Monday)"),
        ("address", "2013-01-01"),
    }
    essay = next(r for r in articles.values() if r["type"] == "essay")
    assert essay["title"] == "Party Cells Are Cornerstones That Uphold Our Party"
    assert essay["authors"] == [_by_name(drafted, "person", "Kim Jong Su")["id"]]
    assert essay["publisher"] == _by_name(drafted, "organ", "Rodong Sinmun")["id"]
    assert set(drafted.article["cites"]) >= {
        r["id"] for r in articles.values() if r["type"] != "address"
    }


def test_graphics_with_captions_and_credits(empty: tuple[Reading, Drafted]) -> None:
    _, drafted = empty
    credits = [(i["credit"], i["title"]) for i in drafted.images]
    assert credits == [
        (
            "Graphic by Michael Madden/NK Leadership Watch",
            "The KWP Political Bureau as of January 2013",
        ),
        ("Graphic: Michael Madden/NKLW", "The KWP's Basic Party Organization"),
    ]
    outlet = _by_name(drafted, "organ", "NK Leadership Watch")
    assert "NKLW" in _names(outlet)
    assert {i["publisher"] for i in drafted.images} == {outlet["id"]}


def test_every_date_normalized_and_checked(empty: tuple[Reading, Drafted]) -> None:
    reading, _ = empty
    dates = [
        (d.text, d.date.iso if d.date else None, d.date.juche if d.date else None, d.problems)
        for d in reading.dates
    ]
    assert dates == [
        ("28 January", "2013-01-28", False, ()),
        ("January 2013", "2013-01", False, ()),
        ("25 January (Friday)", "2013-01-25", False, ()),
        ("23 January (Wednesday)", "2013-01-23", False, ()),
        ("28 January 2013 (Monday)", "2013-01-28", False, ()),
        ("18 January", "2013-01-18", False, ()),
        ("May of Juche 80 (1991)", "1991-05", True, ()),
        ("March of Juche 83 (1994)", "1994-03", True, ()),
        ("October of Juche 96 (2007)", "2007-10", True, ()),
        ("21 January 2013 (Monday)", "2013-01-21", False, ()),
    ]
    assert {d.weekday for d in reading.dates if d.weekday is not None} == {
        0,
        2,
        4,
    }  # checked, all agree
    assert (
        reading.reference is not None
        and reading.reference.iso == "2013-01"
        and reading.reference_inferred
    )


def test_with_the_curated_records_everything_is_known() -> None:
    reading, drafted = _read(Known.build(load_records(EXAMPLE)))
    assert drafted.drafts == []
    assert all(m.entity and reading.registry.get(m.entity).known for m in reading.mentions)
    curated = load_records(EXAMPLE)["nklw-2013-01-party-cell-secretaries"].mentions
    assert set(drafted.article["mentions"]) >= set(curated) - {
        "meetings-of-cell-secretaries", "pb-decision-2013-01-23", "new-years-address-2013",
    }  # fmt: skip
    quotes = [(q.get("source"), q.get("speaker")) for q in drafted.article["quotes"]]
    assert quotes == [("pb-report-2013-01-23", "wpk-pb")] * 5 + [
        ("rodong-essay-2013-01-21", "kim-jong-su")
    ]
