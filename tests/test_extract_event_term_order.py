"""A meeting's term printed on the body or on its parent (issue 15, events): "26th Plenary
Meeting of the Standing Committee of the 14th SPA", "... of the 14th Standing Committee of the
Supreme People's Assembly" are one series id and
pair in the scorer; the 13th's Standing Committee stays the 13th's. A conference printed with
the party's name keeps it in its drafted name; "the party" of a foreign party is not the WPK."""

from __future__ import annotations

from typing import Any

import pytest

from kwpld.evaluate.facts import _event_key
from kwpld.ingest import Known, read_text
from kwpld.reading.facts import event_id_name, term_on_body


def _events(text: str, known: Known, date: str) -> dict[str, dict[str, Any]]:
    drafted = read_text(text, known=known, date=date, article_type="report")[1]
    return {d.id: d.record for d in drafted.drafts if d.kind == "event"}


def _names(record: dict[str, Any]) -> list[str]:
    return [n["text"] if isinstance(n, dict) else n for n in record.get("names", [])]


FORMS = [
    "26th Plenary Meeting of the Standing Committee of the 14th SPA",
    "26th Plenary Meeting of the 14th Standing Committee of the Supreme People's Assembly",
    "26th Plenary Meeting of the Standing Committee of the Fourteenth SPA",
    "26th Plenary Meeting of 14th Standing Committee of SPA of DPRK",
]


@pytest.mark.parametrize("form", FORMS)
def test_the_term_is_written_on_the_body(form: str) -> None:
    assert event_id_name(form) == "26th Plenary Meeting of the 14th Standing Committee of the SPA"


@pytest.mark.parametrize(
    "name",
    [
        "Plenary Meeting of the Standing Committee of the SPA",  # no term printed
        "7th Session of the 14th SPA",  # no body before the parent
        "5th Plenary Meeting of the 7th Central Committee of the WPK",  # already on the body
        # not a parent whose term the body shares
        "Meeting of the Standing Committee of the 14th Provincial People's Assembly",
    ],
)
def test_names_without_a_parents_term_are_unchanged(name: str) -> None:
    assert term_on_body(name) == name


def test_the_13th_standing_committee_is_not_the_14th() -> None:
    assert event_id_name("Plenary Meeting of the Standing Committee of the 13th SPA") != (
        event_id_name("Plenary Meeting of the 14th Standing Committee of the SPA")
    )
    assert _event_key("5th Plenary Meeting of the Standing Committee of the 13th SPA") != (
        _event_key("5th Plenary Meeting of the 14th Standing Committee of the SPA")
    )


@pytest.mark.parametrize(
    "form",
    ["26th Plenary Meeting of the 14th Standing Committee of the SPA",
     "26th Plenary Meeting of the Standing Committee of the Fourteenth SPA"],
)  # fmt: skip
def test_the_scorer_pairs_both_orders(form: str) -> None:
    # word order only: the scorer does not otherwise loosen ("SPA" is not spelt out)
    assert _event_key(FORMS[0]) == _event_key(form)


def test_both_orders_in_two_articles_give_one_series_id(known: Known) -> None:
    tail = " was held on June 6. Choe Ryong Hae presided over the meeting."
    ids = [
        set(_events(f"The {form}{tail}", known, "2022-06-07")) for form in FORMS[:3]
    ]
    assert ids[0] == ids[1] == ids[2]
    assert "plenary-meetings-of-the-14th-standing-committee-of-the-spa-26" in ids[0]
    other = _events(
        "The 26th Plenary Meeting of the Standing Committee of the 13th SPA" + tail,
        known, "2022-06-07",
    )  # fmt: skip
    assert "plenary-meetings-of-the-13th-standing-committee-of-the-spa-26" in other


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("North Korea held the 3rd Conference of the Workers' Party of Korea in Pyongyang on "
         "Tuesday. Kim Jong Il attended the conference.",
         "3rd Conference of the Workers' Party of Korea"),
        ("Kim Jong Un was elected at the 3rd Conference of the WPK on Tuesday.",
         "3rd Conference of the WPK"),
    ],
)  # fmt: skip
def test_a_conference_keeps_the_partys_name_as_printed(
    known: Known, text: str, printed: str
) -> None:
    events = _events(text, known, "2010-09-29")
    conference = events["conferences-of-the-wpk-3"]
    assert _names(conference)[0] == printed
    assert conference["organizer"] == ["wpk"]


def test_the_party_conference_stays_as_printed(known: Known) -> None:
    events = _events("Kim Jong Il attended the 3rd party conference on Tuesday.", known,
                     "2010-09-29")  # fmt: skip
    assert "3rd party conference" in _names(events["party-conferences-3"])


def test_a_foreign_partys_congress_is_not_the_wpks(known: Known) -> None:
    events = _events(
        "The Communist Party of Vietnam held its 12th party congress on Tuesday; the party "
        "elected Nguyen Phu Trong general secretary.", known, "2021-02-02",
    )  # fmt: skip
    assert not any("wpk" in (r.get("organizer") or []) for r in events.values())
    assert not any("wpk" in i for i in events)
