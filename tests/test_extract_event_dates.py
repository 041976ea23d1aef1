"""Events dated on texts unlike the ones the rules were first written for (issue 15): a career
line's date is its meeting's day; a date just before a meeting's name ("in April 2012 at the
4th Conference", "in April 2018, the 3rd Plenary Meeting"); the meeting named again ("The
plenum, which opened on 28 December", "That meeting opened on ..."); "of its 8th Central
Committee" and "of the party's ..." inside an event's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _events(text: str, known: Known, date: str = "2024-03-01") -> dict[str, dict[str, Any]]:
    drafted = read_text(text, known=known, date=date, article_type="report")[1]
    out: dict[str, dict[str, Any]] = {}
    for d in drafted.drafts:
        if d.kind == "event" and d.record.get("type") != "series":
            names = [n["text"] if isinstance(n, dict) else n for n in d.record.get("names", [])]
            for name in names:
                out[name] = d.record
    return out


def _when(record: dict[str, Any]) -> tuple[str | None, str | None]:
    def iso(value: object) -> str | None:
        return None if value is None else parse_date(value).iso

    return iso(record.get("date")), iso(record.get("end"))


@pytest.mark.parametrize(
    ("text", "name", "when"),
    [
        (
            "Pak Min Su\n\nCareer\n\n- 10 April 2019 — Elected an alternate member of the "
            "Political Bureau at the 4th Plenary Meeting of the 7th Central Committee\n",
            "4th Plenary Meeting of the 7th Central Committee",
            ("2019-04-10", None),
        ),
        (
            "Ri Chol Ho\n\nCareer\n\n* May 2016: elected a member of the Central Committee at "
            "the 7th Congress of the WPK\n",
            "7th Congress of the WPK",
            ("2016-05", None),
        ),
        (
            "Kim Nam Il\n\n- 12 April 2019 — Elected a member of the State Affairs Commission "
            "at the 1st Session of the 14th Supreme People's Assembly\n",
            "1st Session of the 14th Supreme People's Assembly",
            ("2019-04-12", None),
        ),
        (
            "Jo Yong Il\n\n- 31 December 2019 — Elected a member of the Political Bureau at the "
            "5th Plenary Meeting of the 7th Central Committee, held from 28 to 31 December\n",
            "5th Plenary Meeting of the 7th Central Committee",
            ("2019-12-28", "2019-12-31"),
        ),
    ],
)
def test_career_line_dates_its_meeting(
    known: Known, text: str, name: str, when: tuple[str, str | None]
) -> None:
    assert _when(_events(text, known)[name]) == when


def test_career_period_does_not_date_a_meeting(known: Known) -> None:
    text = ("Han Ok\n\n- 2014 – 2016: chairman of the commission named at the 7th Congress "
            "of the WPK\n")  # fmt: skip
    assert _when(_events(text, known)["7th Congress of the WPK"])[0] is None


@pytest.mark.parametrize(
    ("text", "name", "when"),
    [
        (
            "He became a deputy in 2009 and, in April 2012 at the 4th Conference of the WPK, "
            "an alternate member of the Central Committee.",
            "4th Conference of the WPK",
            "2012-04",
        ),
        (
            "A year earlier, in April 2018, the 3rd Plenary Meeting of the 7th Central "
            "Committee had declared the line complete.",
            "3rd Plenary Meeting of the 7th Central Committee",
            "2018-04",
        ),
        (
            "Kim spoke. On 9 October 2019, the 2nd Plenary Meeting of the 6th Central Committee "
            "adopted a decision.",
            "2nd Plenary Meeting of the 6th Central Committee",
            "2019-10-09",
        ),
    ],
)
def test_date_just_before_the_meeting(known: Known, text: str, name: str, when: str) -> None:
    assert _when(_events(text, known)[name])[0] == when


def test_date_of_an_earlier_sentence_is_not_the_meetings(known: Known) -> None:
    text = ("He joined the Political Bureau in November 1970. At the 6th Congress of the WPK "
            "he was elected to its Presidium.")  # fmt: skip
    assert _when(_events(text, known)["6th Congress of the WPK"])[0] is None


@pytest.mark.parametrize(
    ("text", "name", "when"),
    [
        (
            "The pattern was set at the 5th Plenary Meeting of the 7th Central Committee, which "
            "was convened in December 2019. The plenum, which opened on 28 December and closed "
            "on 31 December, was the longest in decades.",
            "5th Plenary Meeting of the 7th Central Committee",
            ("2019-12-28", "2019-12-31"),
        ),
        (
            "The Workers' Party of Korea opened the 8th Plenary Meeting of its 8th Central "
            "Committee on 16 June. The 2nd Plenary Meeting of the 8th Central Committee was "
            "devoted to the economy. That meeting opened on 8 February 2021.",
            "2nd Plenary Meeting of the 8th Central Committee",
            ("2021-02-08", None),
        ),
    ],
)
def test_meeting_named_again_with_its_days(
    known: Known, text: str, name: str, when: tuple[str, str | None]
) -> None:
    assert _when(_events(text, known, "2023-06-20")[name]) == when


@pytest.mark.parametrize(
    ("text", "name", "when"),
    [
        (
            "The Workers' Party of Korea opened the 8th Enlarged Plenary Meeting of its 8th "
            "Central Committee in Pyongyang on 16 June.",
            "8th Enlarged Plenary Meeting of the 8th Central Committee",
            ("2023-06-16", None),
        ),
        (
            "The 6th Enlarged Plenary Meeting of the party's 8th Central Committee ran from 26 "
            "to 31 December 2022.",
            "6th Enlarged Plenary Meeting of the 8th Central Committee",
            ("2022-12-26", "2022-12-31"),
        ),
        (
            "The 3rd Plenary Meeting of the ruling WPK's 7th Central Committee was held on 20 "
            "April 2018.",
            "3rd Plenary Meeting of the 7th Central Committee",
            ("2018-04-20", None),
        ),
    ],
)
def test_possessive_organiser_in_the_name(
    known: Known, text: str, name: str, when: tuple[str, str | None]
) -> None:
    events = _events(text, known, "2023-06-20")
    assert _when(events[name]) == when


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Kim spoke. A Political Bureau meeting in August 2020 named a new premier.", "2020-08"),
        ("Kim spoke. North Korea's Political Bureau met on Tuesday to discuss farming.",
         "2024-02-27"),  # fmt: skip
        ("Kim spoke. The Central Military Commission met on 3 June 2022 in Pyongyang.",
         "2022-06-03"),  # fmt: skip
    ],
)
def test_organ_meeting_in_passing(known: Known, text: str, when: str) -> None:
    events = _events(text, known, "2024-02-28")
    dated = [_when(e)[0] for e in events.values() if e.get("type") == "meeting"]
    assert dated == [when]


def test_organ_meeting_needs_a_day(known: Known) -> None:
    text = "Kim spoke. The Political Bureau meeting discussed farming at length."
    assert not [e for e in _events(text, known).values() if e.get("type") == "meeting"]


def test_year_said_in_passing_is_not_the_meetings(known: Known) -> None:
    text = ("Kim spoke. Ri, minister since June 2012, was sacked after a session of the Supreme "
            "People's Assembly in late June, officials said.")  # fmt: skip
    events = _events(text, known, "2016-08-31")
    assert [_when(e)[0] for e in events.values() if e.get("type") == "session"] == ["2016-06"]
