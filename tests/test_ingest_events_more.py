"""Events from running text unlike the texts the event rules were first written for (issue 15),
one class of sentence per section: events dated by another sentence, a weekday or the article's
day; events mentioned in passing with a month and no year; events without an ordinal; one-line
events in encyclopedia and wire style; and the ids and series of the drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted
from kwpld.load import load_records

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


@pytest.fixture(scope="module")
def known() -> Known:
    return Known.build(load_records(RECORDS))


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def _events(drafted: Drafted) -> dict[str, dict[str, Any]]:
    return {
        d.id: d.record
        for d in drafted.drafts
        if d.kind == "event" and d.record.get("type") != "series"
    }


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
