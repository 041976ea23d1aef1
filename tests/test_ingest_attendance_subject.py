"""Attendance told by the subject, pronouns and "between" (issue 15, class DB): "X joined him at
the observation post", "A was at his side", "Kim travelled to the region with A and B for the
summit", "flew to Beijing with A and B for the talks", "watched the launch together with A" (the
test told before, not a second appearance), "In October 2008 he took part in the talks between A
and B" (an occasion of its own, dated by its sentence). Near misses: "joined him in calling
for", "joined the party", "with the aim of", "his side of the border", "talks between the two
countries", "progress toward a second summit", a trip "for the closing ceremony" when the text
told a summit before. Short synthetic texts; names, outlets and years vary."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended
from facts_helpers import attended_anywhere as _anywhere
from facts_helpers import events as _events
from facts_helpers import iso as _iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str, kind: str = "news") -> Drafted:
    return read_text(text, known=known, date=date, article_type=kind)[1]


def _only_event(drafted: Drafted) -> str:
    (key,) = _events(drafted)
    return key


# -- 1. joined, at his side ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Kim Jong Sik and other officials of the munitions industry joined him at the "
         "observation post.", "Kim Jong Sik"),
        ("Jo Chun Ryong, a secretary of the Central Committee, later joined him there.",
         "Jo Chun Ryong"),
        ("Jo Chun Ryong was also at his side.", "Jo Chun Ryong"),
        ("Pak Jong Chon and Jo Chun Ryong were at his side throughout the inspection.",
         "Jo Chun Ryong"),
    ],
)
def test_those_with_the_leader_by_the_subject(known: Known, sentence: str, person: str) -> None:
    drafted = _read(
        "Pyongyang, May 9 (KCNA) -- Kim Jong Un watched a test-fire of a new-type tactical "
        "guided weapon on Wednesday.\n\n" + sentence,
        known, "2024-05-09",
    )
    event = _only_event(drafted)
    people = _attended(drafted)[event]
    assert "kim-jong-un" in people
    assert any(person.lower().replace(" ", "-") == p for p in people)


def test_joined_the_one_named_at_the_table(known: Known) -> None:
    drafted = _read(
        "MOSCOW, June 3 (AP) -- Kim Jong Un met Russian President Vladimir Putin in Moscow on "
        "Tuesday. Choe Son Hui sat in on the talks, while Russian Foreign Minister Sergei "
        "Lavrov joined Putin at the table.",
        known, "2026-06-03",
    )
    (event,) = _attended(drafted)
    assert {"choe-son-hui", "sergei-lavrov", "vladimir-putin"} <= set(_attended(drafted)[event])


@pytest.mark.parametrize(
    "sentence",
    [
        "Choe Son Hui joined him in calling for closer ties with Moscow.",
        "Choe Son Hui joined the party in 1985.",
        "Soldiers stood guard on his side of the border.",
    ],
)
def test_joined_and_side_that_place_no_one(known: Known, sentence: str) -> None:
    drafted = _read(
        "PYONGYANG, June 4 (Reuters) - North Korea's leader Kim Jong Un visited a border "
        "guard post on Tuesday, state media said.\n\n" + sentence,
        known, "2026-06-04",
    )
    assert "choe-son-hui" not in _anywhere(drafted)


# -- 2. travelled with A and B for the occasion -------------------------------------------------


def test_travelled_with_them_for_the_summit(known: Known) -> None:
    drafted = _read(
        "SEOUL, Aug. 21 (Yonhap) -- North Korean leader Kim Jong-un met Chinese President Xi "
        "Jinping in Dalian on Tuesday, the North's state media said.\n\n"
        "Kim had travelled to the city by train with Ri Su-yong, a party vice chairman, and Kim "
        "Yong-chol for the summit.",
        known, "2026-08-21",
    )
    (event,) = _attended(drafted)
    assert {"ri-su-yong", "kim-yong-chol"} <= set(_attended(drafted)[event])


def test_travelled_for_an_occasion_not_read_as_one(known: Known) -> None:
    drafted = _read(
        "SEOUL, Dec. 30 (Yonhap) -- Kim Yang-gon, who sat in on the 2007 summit between the "
        "leaders of the two Koreas, died on Tuesday.\n\n"
        "In October 2014 he flew to Incheon with Hwang Pyong-so and Choe Ryong-hae for the "
        "closing ceremony of the sports games.",
        known, "2015-12-30",
    )
    for people in _attended(drafted).values():
        assert "hwang-pyong-so" not in people  # not at the 2007 summit


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim flew to Moscow with Ri Su-yong with the aim of buying aircraft.",
        "Kim flew to Moscow with Ri Su-yong for medical treatment.",
    ],
)
def test_travels_that_place_no_one(known: Known, sentence: str) -> None:
    drafted = _read(
        "SEOUL, Aug. 21 (Yonhap) -- North Korean leader Kim Jong-un met Chinese President Xi "
        "Jinping in Dalian on Tuesday, the North's state media said.\n\n" + sentence,
        known, "2026-08-21",
    )
    assert "ri-su-yong" not in _anywhere(drafted)


# -- 3. the launch told before ------------------------------------------------------------------


def test_the_launch_is_the_test_told_before(known: Known) -> None:
    drafted = _read(
        "Pyongyang, March 5 (KCNA) -- Kim Jong Un watched the test-fire of a new-type "
        "anti-aircraft missile on Monday.\n\n"
        "He watched the launch together with Pak Jong Chon and Kim Jong Sik.",
        known, "2026-03-05",
    )
    event = _only_event(drafted)
    assert {"kim-jong-un", "pak-jong-chon", "kim-jong-sik"} <= set(_attended(drafted)[event])


# -- 4. the talks between A and B ---------------------------------------------------------------


def test_dated_talks_between_two_people_are_an_occasion(known: Known) -> None:
    drafted = _read(
        "# Ri Kwang Sok\n\nRi Kwang Sok is an official of the party's International Department."
        "\n\nIn April 2008 he took part in the talks between Kim Jong Il and Vietnamese Prime "
        "Minister Nguyen Tan Dung in Pyongyang.",
        known, "2019-06-01", "analysis",
    )
    (event,) = [k for k, e in _events(drafted).items() if e.get("type") == "meeting"]
    assert _iso(_events(drafted)[event].get("date")) == "2008-04"
    assert {"kim-jong-il", "ri-kwang-sok"} <= set(_attended(drafted)[event])


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks between the two countries on trade have stalled since 2019.",
        "Both sides said progress had been made toward a second summit between their leaders.",
    ],
)
def test_talks_and_summits_that_are_no_occasion(known: Known, sentence: str) -> None:
    drafted = _read(
        "WASHINGTON (Reuters) - U.S. officials said on Thursday that " + sentence[0].lower()
        + sentence[1:],
        known, "2026-11-08",
    )
    assert not _events(drafted)


def test_a_possessor_before_the_launch_is_not_the_object(known: Known) -> None:
    drafted = _read(
        "SEOUL, March 17 (AFP) - Kim Jong Un oversaw the country's second launch of a new "
        "hypersonic missile on Sunday, state media said Monday.\n\n"
        "He watched the launch alongside Jo Chun Ryong, and Jang Chang Ha was also present.",
        known, "2025-03-17",
    )
    (event,) = [k for k, e in _events(drafted).items() if e.get("type") == "appearance"]
    assert "country" not in event
    assert {"kim-jong-un", "jo-chun-ryong", "jang-chang-ha"} <= set(_attended(drafted)[event])


def test_mounting_the_tribune_together_with_him(known: Known) -> None:
    drafted = _read(
        "Pyongyang, September 10 (KCNA) -- A grand military parade was held at Kim Il Sung "
        "Square on Tuesday. Kim Jong Un appeared on the tribune.\n\n"
        "Mounting the tribune together with him were Wang Huning, member of the Standing "
        "Committee of the Political Bureau of the CPC Central Committee, and Sergei Shoigu.",
        known, "2026-09-10",
    )
    (parade,) = [k for k, e in _events(drafted).items() if e.get("type") == "ceremony"]
    people = _attended(drafted)[parade]
    assert people.get("wang-huning") == "platform"
    assert people.get("sergei-shoigu") == "platform"
