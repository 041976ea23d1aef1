"""Wikidata links as records: wikidata-links.yaml is loaded, checked and reported like any kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kwpld
from kwpld.errors import LoadError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "party-cells-2013"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "records"))


def write_links(data: Path, *lines: str) -> None:
    body = "\n".join(f"  - {{{line}}}" for line in lines)
    (data / "wikidata-links.yaml").write_text(f"kwpld: 1\nwikidata_links:\n{body}\n", "utf-8")


def problems(data: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        kwpld.load_records(data)
    return [str(p) for p in caught.value.report]


BY = "by: A. Scholar, date: 2024-05-01"


def test_links_load_with_who_when_and_how(data):
    write_links(
        data,
        f"entity: wpk, qid: Q900000100, method: auto, score: 0.993, {BY}, label: WPK",
        f"entity: michael-madden, qid: Q900000014, decision: rejected, method: review, {BY}",
    )
    records = kwpld.load_records(data)
    party, madden = sorted(records.links, key=lambda k: k.entity, reverse=True)
    assert (party.entity, party.qid, party.method, party.score, party.by) == (
        "wpk", "Q900000100", "auto", 0.993, "A. Scholar",
    )  # fmt: skip
    assert party.accepted and party.date.iso == "2024-05-01" and party.origin.line == 3
    assert not madden.accepted
    assert records.accepted_qid("wpk") == "Q900000100"
    assert records.accepted_qid("kim-jong-un") == "Q56226"  # the curated field
    assert records.accepted_qid("michael-madden") is None
    assert records.is_linked("wpk") and not records.is_linked("kim-jong-un")
    assert records.counts()["person"] == 6  # links are not entities


def test_a_record_linked_to_two_items_is_an_error_naming_both_lines(data):
    write_links(
        data,
        f"entity: wpk, qid: Q900000100, method: auto, {BY}",
        f"entity: wpk, qid: Q900000101, method: review, {BY}",
    )
    assert problems(data) == [
        "wikidata-links.yaml:4 (link wpk) qid: 'wpk' is already linked to Q900000100 at "
        "wikidata-links.yaml:3; a record is one Wikidata item at most, so reject one of the two "
        "[link-conflict]"
    ]


def test_one_item_for_two_records_is_an_error(data):
    write_links(
        data,
        f"entity: wpk, qid: Q900000100, method: auto, {BY}",
        f"entity: wpk-cc, qid: Q900000100, method: auto, {BY}",
    )
    assert "Q900000100 is already linked to 'wpk' at wikidata-links.yaml:3" in problems(data)[0]


def test_a_link_contradicting_the_curated_field_is_an_error(data):
    write_links(data, f"entity: kim-jong-un, qid: Q900000001, method: manual, {BY}")
    found = problems(data)
    assert (
        "the person 'kim-jong-un' says wikidata: Q56226 at people.yaml:5, "
        "but this link accepts Q900000001" in found[0]
    )


def test_rejecting_the_curated_qid_is_an_error(data):
    write_links(data, f"entity: kim-jong-un, qid: Q56226, decision: rejected, method: review, {BY}")
    assert "but this link rejects it; remove the wikidata field" in problems(data)[0]


def test_the_same_decision_twice_and_both_decisions_are_errors(data):
    write_links(
        data,
        f"entity: wpk, qid: Q900000100, method: auto, {BY}",
        f"entity: wpk, qid: Q900000100, method: auto, {BY}",
        f"entity: wpk-cc, qid: Q900000103, method: auto, {BY}",
        f"entity: wpk-cc, qid: Q900000103, decision: rejected, method: review, {BY}",
    )
    found = problems(data)
    assert (
        "wikidata-links.yaml:4 (link wpk) qid: the link of 'wpk' to Q900000100 is already "
        "written at wikidata-links.yaml:3" in found[0]
    )
    assert (
        "'wpk-cc' is rejected as Q900000103 here but accepted at wikidata-links.yaml:5" in found[1]
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f"entity: wpk, qid: q900000100, method: auto, {BY}",
            "qid: 'q900000100' is not a Wikidata item id such as Q56226 [invalid-value]",
        ),
        (
            f"entity: wpk, qid: Q1, method: guessed, {BY}",
            "method: 'guessed' is not one of the allowed values: auto, manual, review",
        ),
        (
            f"entity: wpk, qid: Q1, method: auto, score: 1.5, {BY}",
            "score: 1.5 must be at most 1 [invalid-value]",
        ),
        (
            "entity: wpk, qid: Q1, method: auto, date: 2024-05-01",
            "the required field 'by' is missing [missing-field]",
        ),
        (
            "entity: wpk, qid: Q1, method: auto, by: A. Scholar, date: 2024-02-30",
            "date: '2024-02-30': February 2024 has 29 days, not 30 [impossible-date]",
        ),
        (
            f"entity: wpk-cell, qid: Q1, method: auto, {BY}",
            "no person or organ or event or article has the id 'wpk-cell'",
        ),
        (
            f"entity: party-cell-secretary, qid: Q1, method: auto, {BY}",
            "'party-cell-secretary' is a post, but this field takes a person or an organ",
        ),
        (f"entity: wpk, qid: Q1, method: auto, verdict: yes, {BY}", "unknown field 'verdict'"),
    ],
    ids=["qid", "method", "score", "who", "when", "unknown-record", "a-post", "unknown-field"],
)
def test_bad_links_are_reported_with_file_line_and_field(data, line, expected):
    write_links(data, line)
    found = problems(data)
    if not found:
        pytest.fail("no problem reported")
    assert any(expected in p for p in found), found
    assert all(p.startswith("wikidata-links.yaml:3") for p in found)
