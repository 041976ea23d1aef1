"""Which event a list of people belongs to, and the roles of plenum reports and summits (issue
15): a sentence that names no event goes on reporting the event the report is about, not one
named in passing in between; speakers, chairs and groups of a session; talks and summits
between two leaders. Short synthetic sentences, several wordings per class."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended
from facts_helpers import events as _events

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2021-01-19") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _event(drafted: Drafted, type_: str) -> str:
    """The id of the one event of ``type_`` drafted."""
    found = [key for key, record in _events(drafted).items() if record.get("type") == type_]
    assert len(found) == 1, _events(drafted)
    return found[0]


# -- 1. which event a list belongs to -------------------------------------------------------------

_SESSION = (
    "Pyongyang, January 19 (KCNA) -- The 4th Session of the 14th Supreme People's Assembly of "
    "the DPRK was held at the Mansudae Assembly Hall from January 17 to 18.\n\n"
)


@pytest.mark.parametrize(
    ("passing", "listed"),
    [
        (
            "The session was convened to discuss the decisions of the 8th Congress of the "
            "Workers' Party of Korea, held from January 5 to 12, which elected Kim Jong Un "
            "general secretary.",
            "Seen on the platform were Choe Ryong Hae, Kim Tok Hun and Jo Yong Won.",
        ),
        (
            "Deputies reviewed the work done since the 8th Congress of the Workers' Party of "
            "Korea, which was held in Pyongyang from January 5 to 12.",
            "On the platform were Choe Ryong Hae, Kim Tok Hun and Jo Yong Won.",
        ),
        (
            "It discussed ways to implement the line set forth at the 8th Congress of the "
            "Workers' Party of Korea held in January.",
            "Present on the platform were Choe Ryong Hae, Kim Tok Hun and Jo Yong Won.",
        ),
    ],
)
def test_a_list_after_an_event_named_in_passing_belongs_to_the_reported_one(
    known: Known, passing: str, listed: str
) -> None:
    drafted = _read(_SESSION + passing + "\n\n" + listed, known)
    people = _attended(drafted)
    assert people == {_event(drafted, "session"): {
        "choe-ryong-hae": "platform", "kim-tok-hun": "platform", "jo-yong-won": "platform",
    }}  # fmt: skip


def test_a_second_event_reported_in_its_own_sentence_takes_the_list(known: Known) -> None:
    """Not in passing: "The 8th Congress ... was held" is a report of its own."""
    text = (
        _SESSION + "The 8th Congress of the Workers' Party of Korea was held in Pyongyang from "
        "January 5 to 12.\n\nSeen on the platform were Choe Ryong Hae and Jo Yong Won."
    )
    drafted = _read(text, known)
    people = _attended(drafted)
    assert people.get(_event(drafted, "congress")) == {
        "choe-ryong-hae": "platform", "jo-yong-won": "platform",
    }  # fmt: skip


def test_a_sentence_naming_an_event_keeps_it(known: Known) -> None:
    text = (
        _SESSION + "The session discussed the decisions of the 8th Congress of the Workers' "
        "Party of Korea, held from January 5 to 12.\n\n"
        "Choe Ryong Hae and Jo Yong Won were on the platform of the 8th Congress of the "
        "Workers' Party of Korea."
    )
    drafted = _read(text, known)
    people = _attended(drafted)
    assert people.get(_event(drafted, "congress")) == {
        "choe-ryong-hae": "platform", "jo-yong-won": "platform",
    }  # fmt: skip


# -- 2. speakers, chairs and groups of plenums and sessions --------------------------------------

_PLENUM = (
    "Pyongyang, February 12 (KCNA) -- The 2nd Plenary Meeting of the 8th Central Committee of "
    "the Workers' Party of Korea was held in Pyongyang from February 8 to 11.\n\n"
)


@pytest.mark.parametrize(("lead", "type_"), [(_SESSION, "session"), (_PLENUM, "plenary-meeting")])
@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (
            "Choe Ryong Hae presided over the meeting. Kim Tok Hun, premier of the Cabinet, made "
            "a report on the first agenda item. Deputies to the Supreme People's Assembly "
            "attended.",
            {"choe-ryong-hae": "presided", "kim-tok-hun": "speaker"},
        ),
        (
            "Jo Yong Won, Ri Il Hwan and Kim Jae Ryong made speeches. Pak Pong Ju delivered a "
            "report on the implementation of the budget.",
            {
                "jo-yong-won": "speaker",
                "ri-il-hwan": "speaker",
                "kim-jae-ryong": "speaker",
                "pak-pong-ju": "speaker",
            },
        ),
        (
            "Discussions were made by Ri Pyong Chol and Jo Yong Won. The report on the second "
            "agenda item was made by Kim Tok Hun.",
            {"ri-pyong-chol": "speaker", "jo-yong-won": "speaker", "kim-tok-hun": "speaker"},
        ),
        (
            "Taking part in the discussion were Choe Hwi and Ri Il Hwan. Ri Man Gon and Pak Pong "
            "Ju took the floor. Members of the Central Committee attended.",
            {
                "choe-hwi": "speaker",
                "ri-il-hwan": "speaker",
                "ri-man-gon": "speaker",
                "pak-pong-ju": "speaker",
            },
        ),
        (
            "The meeting was chaired by Choe Ryong Hae. Kim Jae Ryong participated in the "
            "discussion, and so did Ri Man Gon.",
            {"choe-ryong-hae": "presided", "kim-jae-ryong": "speaker", "ri-man-gon": "speaker"},
        ),
    ],
)
def test_chairs_and_speakers_of_a_session_or_plenum(
    known: Known, lead: str, type_: str, sentences: str, expected: dict[str, str]
) -> None:
    """Each named speaker or chair at the reported event; a group ("Deputies ... attended")
    names no one."""
    drafted = _read(lead + sentences, known)
    assert _attended(drafted) == {_event(drafted, type_): expected}


# -- 3. summits and talks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "place", "day"),
    [
        (
            "Pyongyang, April 26 (KCNA) -- Kim Jong Un held talks with Vladimir Putin in "
            "Vladivostok on 25 April.\n\nAccompanying Kim Jong Un at the talks were Kim Yo Jong "
            "and Kim Yong Chol.",
            "2019-04-26",
            "Vladivostok",
            "25 April 2019",
        ),
        (
            "Seoul, March 1 (Yonhap) -- Kim Jong Un met Donald Trump in Hanoi in February 2019. "
            "He was accompanied by Kim Yo Jong and Kim Yong Chol.",
            "2019-03-01",
            "Hanoi",
            "February 2019",
        ),
        (
            "Seoul, June 14 (Yonhap) -- The summit between Kim Jong Un and Donald Trump was held "
            "in Singapore on 12 June 2018. Kim Yo Jong and Kim Yong Chol accompanied Kim Jong Un "
            "at "
            "the summit.",
            "2018-06-14",
            "Singapore",
            "12 June 2018",
        ),
        (
            "Moscow, September 14 (TASS) -- Vladimir Putin met with Kim Jong Un at the Vostochny "
            "Cosmodrome on 13 September. Kim was accompanied by Kim Yo Jong and Kim Yong Chol.",
            "2023-09-14",
            "Vostochny Cosmodrome",
            "13 September 2023",
        ),
    ],
)
def test_talks_and_summits_of_two_leaders_and_those_accompanying(
    known: Known, text: str, date: str, place: str, day: str
) -> None:
    """A meeting event, dated and placed as the text says; both leaders attended it, those with
    Kim accompanied him."""
    drafted = _read(text, known, date)
    key = _event(drafted, "meeting")
    record = _events(drafted)[key]
    assert (record.get("date"), record.get("location")) == (day, place)
    people = _attended(drafted)
    assert set(people) == {key}
    assert people[key].pop("kim-jong-un") == "attended"
    assert people[key].pop("kim-yo-jong") == people[key].pop("kim-yong-chol") == "accompanied"
    assert list(people[key].values()) == ["attended"]  # the other side
