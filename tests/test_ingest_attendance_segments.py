"""Reports of several occasions (issue 15): a visit abroad, a funeral, an anniversary, a ceremony
with a banquet. Each occasion the text reports is an event of its own (also one a verb reports:
"laid a wreath", "saw him off", "paid his respects at the bier", an arrival someone was greeted
at), with the people its sentences list and a day from its own time cue ("On Thursday", "That
evening", "The next day", "After the talks,"), counted from the occasion before; a past occasion
in a background sentence is none. Short synthetic texts; names, occasions, tense and order vary
within a class."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended

from kwpld.evaluate.facts import _soft_iso as iso
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, tuple[str, str]]:
    """event id -> (type, date)."""
    return {
        d.id: (str(d.record.get("type")), str(iso(d.record.get("date"))))
        for d in drafted.drafts
        if d.kind == "event"
    }


def _event(drafted: Drafted, word: str) -> str:
    (event,) = [e for e in _events(drafted) if word in e]
    return event


# -- 1. occasions a verb reports -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "kind", "day"),
    [
        ("On Friday morning, Kim Jong Un laid a wreath at the Tomb of the Unknown Soldier. "
         "He was accompanied by Choe Son Hui.", "wreath", "ceremony", "2019-04-26"),
        ("The next day Kim Jong Un laid a floral basket before the monument to the fallen. "
         "He was accompanied by Choe Son Hui.", "wreath", "ceremony", "2019-04-25"),
        ("On Wednesday, Kim Jong Un paid his respects at the bier of the late marshal. "
         "He was accompanied by Choe Son Hui.", "tribute", "appearance", "2019-04-24"),
    ],
)  # fmt: skip
def test_an_occasion_a_verb_reports_is_an_event_with_those_listed(
    sentence: str, word: str, kind: str, day: str, known: Known
) -> None:
    drafted = _read(
        "Pyongyang, April 26 (KCNA) -- Talks between Kim Jong Un and the visiting premier were "
        "held on Wednesday.\n\n" + sentence,
        known,
        "2019-04-26",
    )
    event = _event(drafted, word)
    assert _events(drafted)[event] == (kind, day)
    assert _attended(drafted)[event] == {"kim-jong-un": "attended", "choe-son-hui": "accompanied"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Pak Pong Ju and Kim Yong Chol saw him off at the airport.",
        "Kim Yong Chol and Premier Pak Pong Ju saw the guest off at the railway station.",
    ],
)
def test_those_who_saw_a_guest_off_attend_the_send_off(sentence: str, known: Known) -> None:
    drafted = _read(
        "Pyongyang, June 4 (KCNA) -- Li Qiang held talks with Kim Tok Hun on Monday.\n\n"
        "On Tuesday Li Qiang left Pyongyang. " + sentence,
        known,
        "2024-06-04",
    )
    event = _event(drafted, "send-off")
    assert _events(drafted)[event] == ("ceremony", "2024-06-04")
    assert {"pak-pong-ju", "kim-yong-chol"} <= set(_attended(drafted)[event])


def test_a_send_off_a_sub_heading_began_is_not_a_second_one(known: Known) -> None:
    drafted = _read(
        "Pyongyang, June 3 (KCNA) -- Li Qiang held talks with Kim Tok Hun on Monday.\n\n"
        "Send-off Ceremony Held\n\nLi Qiang left Pyongyang by air on Monday evening.\n\n"
        "Kim Tok Hun saw him off at the airport.",
        known,
        "2024-06-03",
    )
    assert len([e for e in _events(drafted) if "send" in e]) == 1


def test_an_arrival_is_an_occasion_only_when_someone_greeted_him(known: Known) -> None:
    greeted = _read(
        "Moscow, May 25 (KCNA) -- Kim Il Sung arrived in Moscow by special train on May 23. "
        "He was greeted at the station by Pak Pong Ju and Kim Yong Nam.",
        known,
        "1984-05-25",
    )
    event = _event(greeted, "arrival")
    assert _events(greeted)[event] == ("ceremony", "1984-05-23")
    assert set(_attended(greeted)[event]) == {"kim-il-sung", "pak-pong-ju", "kim-yong-nam"}
    alone = _read(
        "Pyongyang, May 25 (KCNA) -- A delegation led by Pak Pong Ju arrived in Beijing on "
        "Wednesday to attend a trade fair.",
        known,
        "2016-05-25",
    )
    assert not [e for e in _events(alone) if "arrival" in e] and not _attended(alone)


# -- 2. each occasion's day: its own cue, counted from the occasion before ----------------------


def test_days_of_a_visit_count_from_the_occasion_before(known: Known) -> None:
    drafted = _read(
        "Moscow, May 25 (KCNA) -- Kim Il Sung arrived in Moscow on May 23. He was greeted at the "
        "station by Pak Pong Ju.\n\nTalks between President Kim Il Sung and Kim Yong Nam were "
        "held at the Kremlin on the same day.\n\nThat evening Kim Yong Nam gave a grand dinner "
        "in honour of President Kim Il Sung.\n\nThe next day Kim Il Sung laid a wreath at the "
        "mausoleum.\n\nIn the evening Kim Il Sung enjoyed a performance at the Bolshoi Theatre.",
        known,
        "1984-05-25",
    )
    days = {e.split("-")[0]: d for e, (_, d) in _events(drafted).items()}
    assert days == {
        "arrival": "1984-05-23", "talks": "1984-05-23", "grand": "1984-05-23",
        "wreath": "1984-05-24", "performance": "1984-05-24",
    }  # fmt: skip
    assert set(_attended(drafted)[_event(drafted, "talks")]) == {"kim-il-sung", "kim-yong-nam"}


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("On Thursday, Kim and Putin held talks at the university.", "2019-04-25"),
        ("Kim and Putin held talks at the university on Thursday.", "2019-04-25"),
        ("Two days earlier, on Wednesday, Kim and Putin held talks at the university.",
         "2019-04-24"),
    ],
)  # fmt: skip
def test_talks_dated_by_the_sentence_and_family_names_named_before(
    lead: str, day: str, known: Known
) -> None:
    drafted = _read(
        "SEOUL, April 26 (Yonhap) -- North Korean leader Kim Jong Un met Russian President "
        "Vladimir Putin this week.\n\n" + lead + " The talks were expanded to include Kim Yong "
        "Chol and Choe Son Hui from the North Korean side and Sergei Lavrov from the Russian side.",
        known,
        "2019-04-26",
    )
    talks = _event(drafted, "talks")
    assert _events(drafted)[talks] == ("meeting", day)
    people = {"kim-jong-un", "vladimir-putin", "kim-yong-chol", "choe-son-hui", "sergei-lavrov"}
    assert set(_attended(drafted)[talks]) == people


def test_after_the_talks_a_visit_is_an_occasion_of_its_own_that_day(known: Known) -> None:
    drafted = _read(
        "Pyongyang, July 28 (KCNA) -- The previous day, Kim Jong Un had talks with Sergei "
        "Shoigu. The talks were attended by Kim Tok Hun.\n\nAfter the talks, Kim Jong Un looked "
        "round the weapons exhibition together with Shoigu. He was accompanied by Jo Yong Won.",
        known,
        "2023-07-28",
    )
    talks, show = _event(drafted, "talks"), _event(drafted, "exhibition")
    assert _events(drafted)[show] == ("appearance", _events(drafted)[talks][1])
    assert "jo-yong-won" in _attended(drafted)[show]
    assert "jo-yong-won" not in _attended(drafted)[talks]


def test_later_that_day_counts_from_the_day_the_sentence_before_gives(known: Known) -> None:
    drafted = _read(
        "Kim Jong Un attended a banquet at the Mokran House on 21 December 2012.\n\n"
        "Kim Jong Un also visited the Kumsusan Palace of the Sun on 17 December. Later that day "
        "a central memorial meeting took place, where Kim Yong Nam delivered the memorial address.",
        known,
        "2012-12-22",
    )
    meeting = _event(drafted, "memorial")
    assert _events(drafted)[meeting][1] == "2012-12-17"


# -- 3. what is no new occasion -------------------------------------------------------------------


def test_the_funeral_a_visit_is_dated_by_is_not_a_new_one(known: Known) -> None:
    drafted = _read(
        "On Wednesday, Kim Jong Un walked beside the hearse as the funeral procession left the "
        "palace. Walking behind him were Jang Song Thaek and Kim Yong Nam.\n\nTwo days before the "
        "funeral, on Monday, Kim Jong Un paid his respects at the bier. He was accompanied by "
        "Choe Ryong Hae.",
        known,
        "2011-12-29",
    )
    events = _events(drafted)
    funeral, tribute = _event(drafted, "funeral"), _event(drafted, "tribute")
    assert (events[funeral][1], events[tribute][1]) == ("2011-12-28", "2011-12-26")
    assert set(_attended(drafted)[funeral]) == {"kim-jong-un", "jang-song-taek", "kim-yong-nam"}
    assert set(_attended(drafted)[tribute]) == {"kim-jong-un", "choe-ryong-hae"}


@pytest.mark.parametrize(
    "background",
    [
        "Kim's father, Kim Jong Il, visited Russia three times, most recently in 2011.",
        "Kim Jong Il often visited the Chinese border city of Dandong.",
    ],
)
def test_a_habit_of_visiting_is_no_occasion(background: str, known: Known) -> None:
    drafted = _read(
        "SEOUL, April 26 (Yonhap) -- Kim Jong Un left Vladivostok on Friday. Kozlov and "
        "Kozhemyako saw him off at the station.\n\n" + background,
        known,
        "2019-04-26",
    )
    assert all("kim-jong-il" not in people for people in _attended(drafted).values())


def test_a_ceremony_reported_then_dated_is_one_conferral(known: Known) -> None:
    drafted = _read(
        "Kim Jong Un attended a ceremony conferring the title of Labour Hero on scientists, KCNA "
        "reported on 22 December 2012. The ceremony was held at the Mansudae Assembly Hall on "
        "21 December. Also present were Choe Ryong Hae and Pak Pong Ju.",
        known,
        "2012-12-22",
    )
    events = _events(drafted)
    assert list(events.values()) == [("conferral", "2012-12-21")]
    (people,) = _attended(drafted).values()
    assert set(people) == {"kim-jong-un", "choe-ryong-hae", "pak-pong-ju"}


@pytest.mark.parametrize(
    ("lead", "when", "funerals"),
    [
        # the procession a hearse sentence reports is the funeral reported before it
        ("The state funeral of Kim Kuk Thae was held with solemnity in Pyongyang on Thursday.",
         "That morning,", 1),
        # after a memorial service, "the day before" the hearse is an occasion of its own
        ("A memorial service for the late leader was held at the square on Thursday.",
         "The day before,", 2),
        ("The state funeral of Kim Kuk Thae was held with solemnity in Pyongyang on Thursday.",
         "Two days earlier, on Tuesday,", 2),
    ],
)  # fmt: skip
def test_the_hearse_carrying_the_body_is_the_funeral_procession(
    lead: str, when: str, funerals: int, known: Known
) -> None:
    drafted = _read(
        "Pyongyang, March 15 (KCNA) -- " + lead + f"\n\n{when} the hearse carrying the "
        "body left the palace. Kim Jong Un walked beside the hearse, accompanied by Choe Ryong "
        "Hae and Pak Pong Ju. The farewell ceremony was attended by Kim Yong Nam.",
        known,
        "2024-03-15",
    )
    events = _events(drafted)
    assert len(events) == funerals
    people = {"kim-jong-un", "choe-ryong-hae", "pak-pong-ju", "kim-yong-nam"}
    assert any(set(p) == people for p in _attended(drafted).values())
    if funerals == 2:
        assert _events(drafted)[_event(drafted, "funeral-procession")][1] < "2024-03-14"
