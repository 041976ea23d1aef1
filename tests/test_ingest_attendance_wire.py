"""Attendance and event dates in wire copy (issue 15): participation reported second-hand
("Kim presided over the meeting, KCNA said", "X, who chaired the session", "Speaking at the
session, X said", "Photos released by KCNA showed A and B flanking Kim on the platform", "sat
beside Kim at the meeting"), negations and habits that place no one ("did not attend", "often
accompanied by"), meetings dated by the weekday the lead gives or by the day before another, and
the unnamed congress held that the text later names by its ordinal. Short synthetic texts; names,
organs, outlets, tense and order vary within a class."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended
from facts_helpers import events as _events
from facts_helpers import iso as _iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


# -- 1. participation reported second-hand ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("Choe Ryong Hae, who chaired the session, read out the agenda.", "choe-ryong-hae",
         "presided"),
        ("Speaking at the session, Premier Kim Tok Hun said the Cabinet would raise output.",
         "kim-tok-hun", "speaker"),
        ("Addressing the meeting, Pak Pong Ju called for higher grain output.", "pak-pong-ju",
         "speaker"),
        ("State television showed Kim Yong Nam, president of the assembly's Presidium, "
         "delivering the opening address.", "kim-yong-nam", "speaker"),
        ("State television showed Jo Yong Won on the podium with Kim Tok Hun.", "jo-yong-won",
         "platform"),
        ("Photos released by KCNA showed Jo Yong Won and Premier Kim Tok Hun flanking Kim on the "
         "platform.", "kim-tok-hun", "platform"),
        ("Pictures of the session showed Kim Jong Un flanked by Choe Ryong Hae and Pak Pong Ju.",
         "pak-pong-ju", "attended"),
        ("Jo Yong Won, a secretary of the Central Committee, sat beside Kim Jong Un at the "
         "session.",
         "jo-yong-won", "attended"),
        ("Choe Ryong Hae, president of the Presidium, sat on the platform with Pak Pong Ju, "
         "vice chairman of the State Affairs Commission.", "pak-pong-ju", "platform"),
    ],
)
def test_second_hand_participation_at_the_session_reported(
    known: Known, sentence: str, person: str, role: str
) -> None:
    drafted = _read(
        "SEOUL, April 13 (Yonhap) -- The 3rd Session of the 14th Supreme People's Assembly "
        "opened on Sunday in Pyongyang, state media reported Monday.\n\n" + sentence,
        known, "2020-04-13",
    )
    (session,) = [k for k, e in _events(drafted).items() if e.get("ordinal") == 3]
    assert _attended(drafted)[session][person] == role
    assert _iso(_events(drafted)[session]["date"]) == "2020-04-12"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim Yo Jong did not attend the session, and her absence was not explained.",
        "Kim Yo Jong has not been seen at the session, officials in Seoul said.",
        "He has since been shown visiting factories, often accompanied by Kim Yo Jong.",
    ],
)
def test_negations_and_habits_place_no_one(known: Known, sentence: str) -> None:
    drafted = _read(
        "SEOUL, Jan. 1 (Yonhap) -- Kim Jong Un presided over the 6th Plenary Meeting of the 8th "
        "Central Committee, the Korean Central News Agency said on Sunday.\n\n" + sentence,
        known, "2023-01-01",
    )
    people = {p for roles in _attended(drafted).values() for p in roles}
    assert "kim-jong-un" in people
    assert "kim-yo-jong" not in people


# -- 2. meetings dated by wire copy's weekdays --------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "first", "last"),
    [
        ("North Korea wrapped up a five-day plenary meeting of the ruling Workers' Party that "
         "ended Saturday in Pyongyang, state media reported Sunday.", "2022-12-27", "2022-12-31"),
        ("A six-day plenary meeting of the ruling Workers' Party that ended on Saturday named a "
         "new premier, KCNA said on Sunday.", "2022-12-26", "2022-12-31"),
    ],
)
def test_a_meeting_of_so_many_days_that_ended_on_a_weekday(
    known: Known, lead: str, first: str, last: str
) -> None:
    drafted = _read("SEOUL, Jan. 1 (Yonhap) -- " + lead + "\n\nKim Jong Un presided over the "
                    "meeting, KCNA said.", known, "2023-01-01")  # fmt: skip
    (plenum,) = [k for k, e in _events(drafted).items() if e["type"] == "plenary-meeting"]
    assert (_iso(_events(drafted)[plenum]["date"]), _iso(_events(drafted)[plenum]["end"])) == (
        first, last)  # fmt: skip
    assert _attended(drafted)[plenum]["kim-jong-un"] == "presided"


@pytest.mark.parametrize(
    "lead",
    [
        "North Korea's Supreme People's Assembly convened Sunday in Pyongyang, the official "
        "Korean Central News Agency reported Monday.",
        "North Korea's rubber-stamp parliament met on Sunday without leader Kim Jong Un, state "
        "media said on Monday.",
    ],
)
def test_the_session_named_later_takes_the_leads_weekday_and_the_day_before(
    known: Known, lead: str
) -> None:
    drafted = _read(
        "BEIJING, April 13 (Kyodo) -- " + lead + "\n\nKim Jong Un did not attend the third "
        "session of the 14th Supreme People's Assembly, which lasted one day.\n\nThe day before, "
        "Kim presided over an enlarged meeting of the Political Bureau of the ruling Workers' "
        "Party, KCNA said.",
        known, "2020-04-13",
    )
    got = {e["type"]: _iso(e.get("date")) for e in _events(drafted).values()}
    assert got == {"session": "2020-04-12", "meeting": "2020-04-11"}
    meeting = next(k for k, e in _events(drafted).items() if e["type"] == "meeting")
    session = next(k for k, e in _events(drafted).items() if e["type"] == "session")
    assert _attended(drafted)[meeting] == {"kim-jong-un": "presided"}
    assert session not in _attended(drafted)


def test_the_unnamed_congress_held_is_the_numbered_one_named_later(known: Known) -> None:
    drafted = _read(
        "SEOUL, May 10, 2016 (AFP) - Kim Jong Un was named party chairman at the close of a "
        "four-day congress of the ruling Workers' Party that ended Monday, state media said "
        "Tuesday.\n\nKim, who presided over the gathering, spoke on its opening day.\n\n"
        "Delegates to the party's seventh congress elected Kim chairman of the party.",
        known, "2016-05-10",
    )
    (congress,) = [e for e in _events(drafted).values() if e["type"] == "congress"]
    assert congress.get("ordinal") == 7
    assert (_iso(congress["date"]), _iso(congress["end"])) == ("2016-05-06", "2016-05-09")


@pytest.mark.parametrize(
    ("sentence", "month"),
    [
        ("Further appointments are expected when the Supreme People's Assembly convenes next "
         "month, analysts said.", "2016-06"),
        ("The Supreme People's Assembly, the North's rubber-stamp parliament, is due to convene "
         "later this month to adopt the budget.", "2016-05"),
    ],
)
def test_a_session_to_come_at_the_month_its_clause_gives(
    known: Known, sentence: str, month: str
) -> None:
    drafted = _read(
        "SEOUL, May 10, 2016 (AFP) - The 7th Congress of the Workers' Party of Korea closed on "
        "Monday. Photos released by KCNA showed Hwang Pyong So, director of the army's General "
        "Political Bureau, and Premier Pak Pong Ju flanking Kim Jong Un on the stage.\n\n"
        + sentence,
        known, "2016-05-10",
    )
    sessions = [e for e in _events(drafted).values() if e["type"] == "session"]
    assert [_iso(e["date"]) for e in sessions] == [month]
    (congress,) = [k for k, e in _events(drafted).items() if e["type"] == "congress"]
    assert {p: _attended(drafted)[congress][p] for p in ("hwang-pyong-so", "pak-pong-ju")} == {
        "hwang-pyong-so": "platform", "pak-pong-ju": "platform"}  # fmt: skip
