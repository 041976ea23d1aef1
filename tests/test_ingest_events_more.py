"""Events from running text unlike the texts the event rules were first written for (issue 15),
one class of sentence per section: events dated by another sentence, a weekday or the article's
day; events mentioned in passing with a month and no year; events without an ordinal; one-line
events in encyclopedia and wire style; and the ids and series of the drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from facts_helpers import events as _events

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def _series(drafted: Drafted) -> list[str]:
    return [d.id for d in drafted.drafts if d.kind == "event" and d.record["type"] == "series"]


def _dates(drafted: Drafted) -> dict[str, tuple[str | None, str | None]]:
    """event type -> (date, end), for texts with one event of each type."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for record in _events(drafted).values():
        assert record["type"] not in out, _events(drafted)
        out[record["type"]] = (_iso(record.get("date")), _iso(record.get("end")))
    return out


# -- ids and series ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Seoul, Aug. 14 (Yonhap) -- The politburo of the WPK Central Committee held an "
            "expanded meeting on Thursday with Kim Jong-un presiding.",
            "2020-08-14",
            "wpk-pb-expanded-meeting-2020-08-13",
        ),
        (
            "Pyongyang, May 22 (KCNA) -- An enlarged meeting of the Central Military Commission "
            "of the Workers' Party of Korea was held on 21 May 2021.",
            "2021-05-22",
            "wpk-cmc-enlarged-meeting-2021-05-21",
        ),
    ],
)
def test_a_long_unnumbered_meeting_gets_a_short_readable_id(
    known: Known, text: str, date: str, expected: str
) -> None:
    assert list(_events(_read(text, known, date))) == [expected]


def test_series_ids_are_cut_at_a_word_and_not_after_a_small_word(known: Known) -> None:
    drafted = _read(
        "Pyongyang, March 1 (KCNA) -- The 7th Enlarged Plenary Meeting of the 8th Central "
        "Committee of the Workers' Party of Korea was held from February 26 to March 1.",
        known,
        "2023-03-01",
    )
    (series,) = _series(drafted)
    assert len(series) <= 60 and not series.endswith(("-of", "-the", "-of-the"))
    assert series.startswith("plenary-meetings-of-the-8th-central-committee")
    (event,) = _events(drafted)
    assert event == f"{series}-7"


def test_an_enlarged_plenary_meeting_belongs_to_the_series_of_plenary_meetings(
    known: Known,
) -> None:
    drafted = _read(
        "Pyongyang, June 19 (KCNA) -- The 8th Plenary Meeting of the 8th Central Committee of "
        "the Workers' Party of Korea was held from 16 to 18 June. It followed the 7th Enlarged "
        "Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea, held in "
        "March.",
        known,
        "2023-06-19",
    )
    assert len(_series(drafted)) == 1
    assert sorted(r["ordinal"] for r in _events(drafted).values()) == [7, 8]


@pytest.mark.parametrize(
    "sentence",
    [
        "A plenary meeting of the 8th WPK Central Committee is convened twice a year.",
        "Plenary meetings of the 8th WPK Central Committee have been held regularly since 2021.",
    ],
)
def test_the_series_of_a_numbered_meeting_is_no_event_of_its_own(
    known: Known, sentence: str
) -> None:
    drafted = _read(
        "Pyongyang, June 19 (KCNA) -- The 7th plenary meeting of the 8th WPK Central Committee "
        f"was held on 17 June. {sentence}",
        known,
        "2023-06-19",
    )
    assert [r.get("ordinal") for r in _events(drafted).values()] == [7]


# -- 1. an event dated elsewhere: the next sentence, a weekday, the article's day ---------------


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "Seoul, Aug. 22 (Yonhap) -- North Korea's Central Military Commission held an "
            "emergency enlarged meeting. The meeting, held on Thursday, put the front-line units "
            "on a war footing.",
            "2015-08-22",
            ("2015-08-20", None),
        ),
        (
            "Pyongyang, January 1 (KCNA) -- The 5th Plenary Meeting of the 7th Central Committee "
            "of the Workers' Party of Korea was held at the office building of the Central "
            "Committee. The meeting, which opened on 28 December, closed on 31 December.",
            "2020-01-01",
            ("2019-12-28", "2019-12-31"),
        ),
        (
            "Pyongyang, January 1 (KCNA) -- The 5th Plenary Meeting of the 7th Central Committee "
            "of the Workers' Party of Korea discussed the economy. The meeting that opened on 28 "
            "December and closed on 31 December adopted a resolution.",
            "2020-01-01",
            ("2019-12-28", "2019-12-31"),
        ),
    ],
)
def test_an_event_dated_by_the_sentence_that_refers_back_to_it(
    known: Known, text: str, date: str, expected: tuple[str, str | None]
) -> None:
    (dates,) = _dates(_read(text, known, date)).values()
    assert dates == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pyongyang, April 1 (KCNA) -- A plenary meeting of the Central Committee of the "
            "Workers' Party of Korea was held yesterday in Pyongyang.",
            "2013-03-31",
        ),
        (
            "Pyongyang, April 1 (KCNA) -- An enlarged meeting of the Political Bureau of the "
            "Central Committee of the Workers' Party of Korea was held today.",
            "2013-04-01",
        ),
    ],
)
def test_an_unnamed_meeting_held_today_or_yesterday_is_dated_by_the_article(
    known: Known, text: str, expected: str
) -> None:
    (record,) = _events(_read(text, known, "2013-04-01")).values()
    assert _iso(record.get("date")) == expected
    assert record.get("organizer") and record["type"] in ("meeting", "plenary-meeting")


def test_the_same_day_is_the_day_the_text_stated_last(known: Known) -> None:
    drafted = _read(
        "Pyongyang, May 10 (KCNA) -- The Seventh Congress of the Workers' Party of Korea, "
        "which opened on 6 May, concluded its work yesterday.\n\nOn the fourth day of the "
        "congress, yesterday, the election of the central leadership organs was discussed.\n\n"
        "The first plenary meeting of the Seventh Central Committee of the Workers' Party of "
        "Korea, held on the same day, elected the Presidium of the Political Bureau.",
        known,
        "2016-05-10",
    )
    assert _dates(drafted)["plenary-meeting"] == ("2016-05-09", None)
    assert _dates(drafted)["congress"] == ("2016-05-06", "2016-05-09")


# -- 3. events without an ordinal ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected", "organizer"),
    [
        (
            "Pyongyang, May 15 (KCNA) -- A consultative meeting of the Presidium of the Political "
            "Bureau of the Central Committee of the Workers' Party of Korea was held on 14 May.",
            "2021-05-15",
            "2021-05-14",
            "wpk-pb-presidium",
        ),
        (
            "Seoul, May 15 (Yonhap) -- North Korea held an enlarged meeting of the Central "
            "Military Commission on Friday, the KCNA said.",
            "2021-05-15",
            "2021-05-14",
            "wpk-cmc",
        ),
        (
            "Ri Yong Ho was Chief of the General Staff. On 15 July 2012 a meeting of the "
            "Presidium of the Political Bureau relieved Ri of all his posts.",
            "2024-03-01",
            "2012-07-15",
            "wpk-pb-presidium",
        ),
    ],
)
def test_a_meeting_named_by_its_kind_and_organ(
    known: Known, text: str, date: str, expected: str, organizer: str
) -> None:
    (record,) = _events(_read(text, known, date)).values()
    assert (record["type"], _iso(record.get("date")), record.get("organizer")) == (
        "meeting",
        expected,
        [organizer],
    )


@pytest.mark.parametrize(
    ("text", "kind", "expected", "words"),
    [
        (
            "A concert was given by the Moranbong Band on 3 September at the Mansudae Art "
            "Theatre. Kim Jong Un enjoyed it.",
            "appearance",
            "2017-09-03",
            "concert",
        ),
        (
            "A grand celebration of the successful test was held on 3 September in Pyongyang.",
            "ceremony",
            "2017-09-03",
            "celebration-of-the-successful-test",
        ),
        (
            "A grand celebration performance was given at the May Day Stadium on Sunday.",
            "appearance",
            "2017-09-03",
            "celebration-performance",
        ),
    ],
)
def test_occasions_with_their_kind_and_day(
    known: Known, text: str, kind: str, expected: str, words: str
) -> None:
    events = _events(_read("Pyongyang, September 4 (KCNA) -- " + text, known, "2017-09-04"))
    (key,) = [k for k in events if words in k]
    assert (events[key]["type"], _iso(events[key].get("date"))) == (kind, expected)


# -- 2. events in passing, with a month and no year ---------------------------------------------


def _typed(drafted: Drafted, kind: str) -> list[dict[str, Any]]:
    return [r for r in _events(drafted).values() if r["type"] == kind]


@pytest.mark.parametrize(
    ("sentence", "date", "kind", "expected"),
    [
        (
            "The reshuffle had been expected since the party's plenary meeting in December.",
            "2020-08-14",
            "plenary-meeting",
            "2019-12",
        ),
        (
            "In February, Kim sacked Kim Tu Il at a party plenary meeting.",
            "2021-06-30",
            "plenary-meeting",
            "2021-02",
        ),
        (
            "Kim Tu Il was appointed at the party congress in January.",
            "2021-06-30",
            "congress",
            "2021-01",
        ),
        (
            "He was elected at the Eighth Party Congress in January.",
            "2021-06-30",
            "congress",
            "2021-01",
        ),
        (
            "The ruling party will convene its party congress in January.",
            "2020-08-14",
            "congress",
            "2021-01",
        ),
    ],
)
def test_an_event_in_passing_with_a_month_is_the_latest_such_month_unless_ahead(
    known: Known, sentence: str, date: str, kind: str, expected: str
) -> None:
    drafted = _read("SEOUL (Yonhap) -- " + sentence, known, date)
    assert [_iso(r.get("date")) for r in _typed(drafted, kind)] == [expected]


def test_the_year_the_text_gives_elsewhere_wins_over_the_article_year(known: Known) -> None:
    drafted = _read(
        "SEOUL (Yonhap) -- Pak Jong-chon became a party secretary in January 2021. He was "
        "promoted at the party congress in January, the ministry said.",
        known,
        "2022-12-01",
    )
    assert [_iso(r.get("date")) for r in _typed(drafted, "congress")] == ["2021-01"]


@pytest.mark.parametrize(
    ("sentence", "ordinal", "expected"),
    [
        ("He had been a CMC vice chairman since January 2021, when the eighth party congress "
         "elected him to the post.", 8, "2021-01"),
        ("Premier Kim Tok Hun is expected to keep his post until the ninth party congress.", 9,
         None),
        ("Kim spoke at the party's eighth congress in January.", 8, "2021-01"),
    ],
)  # fmt: skip
def test_a_numbered_party_event_in_passing(
    known: Known, sentence: str, ordinal: int, expected: str | None
) -> None:
    drafted = _read("SEOUL (AFP) -- " + sentence, known, "2021-06-30")
    (record,) = _typed(drafted, "congress")
    assert (record.get("ordinal"), _iso(record.get("date"))) == (ordinal, expected)
    assert record.get("series") in _series(drafted)


def test_a_series_named_with_a_date_is_one_event_of_it_and_stays_undated(known: Known) -> None:
    drafted = _read(
        "SEOUL (Yonhap) -- He spoke at the Eighth Party Congress. He had been appointed at the "
        "party congress in January 2016.",
        known,
        "2021-06-30",
    )
    events = [d.record for d in drafted.drafts if d.kind == "event"]
    series = [r for r in events if r["type"] == "series"]
    assert series and all("date" not in r for r in series)
    assert sorted(_iso(r.get("date")) or "" for r in _typed(drafted, "congress")) == ["", "2016-01"]


# -- 4. one-line events in encyclopedia and wire style ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "ordinal", "expected"),
    [
        ("He became a member of the Political Bureau at the 4th Party Conference in April 2012.",
         "conference", 4, "2012-04"),
        ("Kim was elected to the Central Committee at the Sixth Party Congress in October 1980.",
         "congress", 6, "1980-10"),
        ("In May 2016, at the 7th Congress of the WPK, he was elected a member of the Political "
         "Bureau.", "congress", 7, "2016-05"),
        ("At the 3rd Plenary Meeting of the 7th Central Committee in April 2018, he was elected.",
         "plenary-meeting", 3, "2018-04"),
        ("He was appointed premier at the 1st Session of the 13th SPA (April 2014).", "session", 1,
         "2014-04"),
        ("He was appointed premier at the 1st Session of the 13th SPA, held in April 2014.",
         "session", 1, "2014-04"),
    ],
)  # fmt: skip
def test_a_one_line_event_with_its_month(
    known: Known, sentence: str, kind: str, ordinal: int, expected: str
) -> None:
    drafted = _read("Pak Pong Ju. " + sentence, known, "2024-03-01")
    (record,) = _typed(drafted, kind)
    assert (record.get("ordinal"), _iso(record.get("date"))) == (ordinal, expected)


def test_a_meeting_a_subject_held_is_dated_by_the_next_sentence_and_is_the_one_reported(
    known: Known,
) -> None:
    drafted = _read(
        "SEOUL, June 11 (Yonhap) -- North Korea's ruling party held an enlarged meeting of its "
        "Central Military Commission, state media reported Saturday.\n\nThe meeting, held on "
        "Friday in Pyongyang, was guided by Kim Jong Un.\n\nEarlier, a consultative meeting of "
        "the Presidium of the Political Bureau was held on Tuesday.\n\nThe meeting relieved Kim "
        "Jong-gwan as a member of the commission.",
        known,
        "2022-06-11",
    )
    events = _events(drafted)
    dates = sorted((r.get("organizer", [""])[0], _iso(r.get("date"))) for r in events.values())
    assert dates == [("wpk-cmc", "2022-06-10"), ("wpk-pb-presidium", "2022-06-07")]
    guided = [d.record for d in drafted.drafts if d.kind == "participation"]
    cmc = next(k for k, r in events.items() if r.get("organizer") == ["wpk-cmc"])
    assert [(p["event"], p["ref"]) for p in guided] == [(cmc, "kim-jong-un")]


@pytest.mark.parametrize(
    ("sentence", "ordinal", "expected"),
    [
        ("The 8th Political Bureau meeting of the 8th Central Committee of the Workers' Party of "
         "Korea was held on 12 May.", 8, "2021-05-12"),
        ("The third Politburo meeting of the 8th WPK Central Committee was held on Wednesday.", 3,
         "2021-05-12"),
    ],
)  # fmt: skip
def test_the_nth_meeting_of_an_organ_named_organ_first(
    known: Known, sentence: str, ordinal: int, expected: str
) -> None:
    drafted = _read("Pyongyang, May 14 (KCNA) -- " + sentence, known, "2021-05-14")
    (record,) = _events(drafted).values()
    assert (record["ordinal"], _iso(record.get("date")), record.get("organizer")) == (
        ordinal,
        expected,
        ["wpk-pb"],
    )
    assert record["series"] in _series(drafted)


def test_a_title_conferred_after_a_ceremony_of_conferring_it_is_that_ceremony(
    known: Known,
) -> None:
    drafted = _read(
        "Pyongyang, September 10 (KCNA) -- A grand banquet was given at the Mokran House on "
        "Sunday.\n\nA congratulatory performance was given by the Moranbong Band on the "
        "occasion.\n\nThe day before, a ceremony of conferring the title of DPRK Hero on "
        "nuclear scientists took place at the Mansudae Assembly Hall.\n\nKim Yong Nam conferred "
        "the title of DPRK Hero and the Gold Star Medal on Ri Hong Sop and Hong Sung Mu.",
        known,
        "2017-09-10",
    )
    dates = sorted((r["type"], _iso(r.get("date"))) for r in _events(drafted).values())
    assert dates == [
        ("appearance", "2017-09-10"),
        ("ceremony", "2017-09-10"),
        ("conferral", "2017-09-09"),
    ]
