"""Wire copy's main occasion and the people it places there (issue 15, class V): the occasion a
lead's act closes ("capping a summit", "wrapping up a meeting") dated by the lead's bare
weekday, "the launch" a later sentence refers back to, those placed there in narrative phrasing
("Among the officials at the launch site were", "The state media report also listed", "watched
the launch alongside his wife X", "Also in Kim's delegation was", "Across the table from X's
team ... sat", "sat across from X at the lunch", "The two leaders shook hands"), and near
misses: negated and future occasions ("has not held talks since", "is expected to meet them on
Sunday at a banquet"). Short synthetic texts; names, outlets and word order vary."""

from __future__ import annotations

from typing import Any

import pytest
from facts_helpers import attended as _attended
from facts_helpers import iso as _iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, dict[str, Any]]:
    return {d.id: d.record for d in drafted.drafts if d.kind == "event" and
            d.record.get("type") != "series"}  # fmt: skip


def _of_type(drafted: Drafted, kind: str) -> dict[str, dict[str, Any]]:
    return {k: e for k, e in _events(drafted).items() if e.get("type") == kind}


LAUNCH_LEAD = (
    "SEOUL, March 25 (Reuters) - North Korean leader Kim Jong Un oversaw the launch of a new "
    "solid-fuel missile on Thursday, state media said on Friday.\n\n"
)


# -- the launch reported in the lead, and those placed at it --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("Kim watched the launch from an observation post alongside his sister Kim Yo Jong and "
         "Jo Yong Won.", ["kim-yo-jong", "jo-yong-won"]),
        ("Among the officials at the launch site were Jo Yong Won and Ri Pyong Chol.",
         ["jo-yong-won", "ri-pyong-chol"]),
        ("Among the officials at the site were Jo Yong Won, a secretary of the Central "
         "Committee, and Marshal Ri Pyong Chol.", ["jo-yong-won", "ri-pyong-chol"]),
        ("The state media report also listed Kim Yo Jong and Ri Pyong Chol among those who "
         "applauded.", ["kim-yo-jong", "ri-pyong-chol"]),
        ("Pak Pong Ju and Kim Tok Hun were also present, KCNA said.",
         ["pak-pong-ju", "kim-tok-hun"]),
    ],
)
def test_those_placed_at_the_launch_the_lead_reported(
    known: Known, sentence: str, people: list[str]
) -> None:
    drafted = _read(LAUNCH_LEAD + sentence, known, "2021-03-26")
    appearances = _of_type(drafted, "appearance")
    assert len(appearances) == 1  # "the launch" again is the one reported, not a second
    ((key, launch),) = appearances.items()
    assert _iso(launch.get("date")) == "2021-03-25"
    for person in people:
        assert person in _attended(drafted).get(key, {})


def test_a_report_listing_a_title_places_no_one(known: Known) -> None:
    drafted = _read(
        LAUNCH_LEAD + "A KCNA report listed Pak Pong Ju as premier of the Cabinet.",
        known, "2021-03-26",
    )
    assert all("pak-pong-ju" not in people for people in _attended(drafted).values())


# -- the occasion a lead's act closes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("SEOUL, June 13 (AP) -- Choe Ryong Hae and Chinese Premier Li Qiang signed an "
         "agreement Tuesday in Beijing, capping a two-day summit on trade.", "2023-06-13"),
        ("TOKYO, June 13 (Kyodo) -- Choe Ryong Hae and Chinese Premier Li Qiang agreed Monday "
         "to expand trade, wrapping up a hastily arranged meeting in Beijing.", "2023-06-12"),
    ],
)
def test_the_occasion_the_lead_closes_is_of_its_weekday(known: Known, lead: str, day: str) -> None:
    drafted = _read(
        lead + "\n\nThe two leaders shook hands and then held talks at the Diaoyutai guesthouse.",
        known, "2023-06-13",
    )
    meetings = _of_type(drafted, "meeting")
    assert len(meetings) == 1  # the talks that follow are that occasion
    ((key, meeting),) = meetings.items()
    assert _iso(meeting.get("date")) == day
    assert "choe-ryong-hae" in _attended(drafted).get(key, {})


def test_across_the_table_and_the_delegation(known: Known) -> None:
    drafted = _read(
        "SEOUL, June 13 (AP) -- Choe Ryong Hae and Chinese Premier Li Qiang signed an agreement "
        "Tuesday, capping a two-day summit in Beijing.\n\n"
        "Across the table from Choe's team -- Kim Yong Chol and Ri Pyong Chol -- sat Li; "
        "and Wang Yi.\n\nAlso in Choe's delegation was Kim Tok Hun.",
        known, "2023-06-13",
    )
    ((key, _),) = _of_type(drafted, "meeting").items()
    for person in ("kim-yong-chol", "ri-pyong-chol", "kim-tok-hun"):
        assert person in _attended(drafted).get(key, {})


def test_sat_across_from_at_a_lunch_places_both(known: Known) -> None:
    drafted = _read(
        "SEOUL, Feb. 10 (AP) -- Kim Yo Jong had lunch with officials on Saturday at the "
        "presidential office.\n\nKim Yong Chol sat across from Choe Ryong Hae at the lunch.",
        known, "2018-02-10",
    )
    (key,) = [k for k, e in _events(drafted).items() if "lunch" in str(e.get("names"))]
    assert {"kim-yong-chol", "choe-ryong-hae"} <= set(_attended(drafted).get(key, {}))


def test_that_evening_after_a_weekday_in_its_sentence(known: Known) -> None:
    drafted = _read(
        "SEOUL, Feb. 10 (AP) -- Kim Yo Jong had lunch with officials on Saturday.\n\n"
        "She had arrived on Friday and attended a reception that evening.",
        known, "2018-02-10",
    )
    days = {_iso(e.get("date")) for e in _of_type(drafted, "ceremony").values()
            if "reception" in str(e.get("names"))}  # fmt: skip
    assert days == {"2018-02-09"}


# -- near misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim Yong Chol has not held talks with Washington since.",
        "Kim Yong Chol had never held talks with a U.S. president.",
    ],
)
def test_negated_talks_are_no_occasion(known: Known, sentence: str) -> None:
    drafted = _read(LAUNCH_LEAD + sentence, known, "2021-03-26")
    assert not _of_type(drafted, "meeting")


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Choe Ryong Hae is expected to meet the delegation again on Sunday at a banquet.",
         "banquet"),
        ("Kim Tok Hun will host the visitors on Monday at a luncheon in their honour.",
         "luncheon"),
    ],
)
def test_an_occasion_still_to_come_is_none(known: Known, sentence: str, noun: str) -> None:
    drafted = _read(LAUNCH_LEAD + sentence, known, "2021-03-26")
    assert not [e for e in _events(drafted).values() if noun in str(e.get("names"))]


def test_among_the_officials_of_another_time_is_not_there(known: Known) -> None:
    drafted = _read(
        LAUNCH_LEAD + "Ri Pyong Chol was among the officials who met Putin in Vladivostok in "
        "2019.",
        known, "2021-03-26",
    )
    assert all("ri-pyong-chol" not in people for people in _attended(drafted).values())
