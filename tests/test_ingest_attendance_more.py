"""Attendance in the classes of sentence the held-out texts showed missing (issue 15): a
leader's inspection in KCNA's words and who accompanied and greeted him; speakers and platform
lists of long plenum reports; guests and observers; groups inside lists of names; consultative
meetings with those attending. Short synthetic sentences, several wordings per class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted
from kwpld.load import load_records

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
KCNA = "Pyongyang, October 11 (KCNA) -- "
"""11 October 2025 is a Saturday."""


@pytest.fixture(scope="module")
def known() -> Known:
    return Known.build(load_records(RECORDS))


def _read(text: str, known: Known, date: str = "2025-10-11") -> Drafted:
    return read_text(KCNA + text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, dict[str, Any]]:
    return {
        d.id: d.record
        for d in drafted.drafts
        if d.kind == "event" and d.record.get("type") != "series"
    }


def _attended(drafted: Drafted) -> dict[str, dict[str, str]]:
    """event id -> {person: role}"""
    out: dict[str, dict[str, str]] = {}
    for d in drafted.drafts:
        if d.kind == "participation":
            out.setdefault(d.record["event"], {})[d.record["ref"]] = d.record.get("role", "")
    return out


def _only(drafted: Drafted) -> tuple[dict[str, Any], dict[str, str]]:
    """The one event drafted and who took part in it."""
    events = _events(drafted)
    assert len(events) == 1, events
    key, record = next(iter(events.items()))
    return record, _attended(drafted).get(key, {})


# -- 1. inspections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un looked round the construction site of the Hwasong District flats. "
        "Accompanying him were Jo Yong Won and Kim Tok Hun.",
        "Respected Comrade Kim Jong Un, general secretary of the Workers' Party of Korea, went "
        "round a newly built greenhouse farm in Kangdong County. He was accompanied by Jo Yong "
        "Won and Kim Tok Hun.",
        "Kim Jong Un provided field guidance at the Kangdong Greenhouse Farm.\n\n"
        "Jo Yong Won and Kim Tok Hun accompanied him.",
        "Kim Jong Un gave on-the-spot guidance to the Sinpo Fishery Complex. He was accompanied "
        "on the inspection by Jo Yong Won and Kim Tok Hun.",
    ],
)
def test_an_inspection_in_other_words_and_who_accompanied(known: Known, text: str) -> None:
    record, people = _only(_read(text, known))
    assert record["type"] == "appearance"
    assert "date" not in record  # the report's date is not the day of the inspection
    assert people == {
        "kim-jong-un": "guided",
        "jo-yong-won": "accompanied",
        "kim-tok-hun": "accompanied",
    }


@pytest.mark.parametrize(
    "greeting",
    [
        "He was greeted on the spot by Ri Il Hwan, chief secretary of the South Hamgyong "
        "Provincial Committee of the WPK, and officials of the complex.",
        "Ri Il Hwan, chief secretary of the South Hamgyong Provincial Committee of the WPK, "
        "greeted him on the spot.",
        "He was warmly greeted at the complex by Ri Il Hwan.",
    ],
)
def test_who_greeted_the_leader_is_at_his_inspection(known: Known, greeting: str) -> None:
    drafted = _read(
        "Kim Jong Un inspected the Ryongsong Machine Complex. He was accompanied by Jo Yong "
        "Won.\n\n" + greeting + "\n\nHe went round the foundry and the assembly shop.",
        known,
    )
    _, people = _only(drafted)
    # the vocabulary has no "greeted"; "He went round": still the leader's inspection
    assert people == {"kim-jong-un": "guided", "jo-yong-won": "accompanied",
                      "ri-il-hwan": "attended"}  # fmt: skip


def test_a_weekday_dates_an_inspection_and_the_same_day_an_undated_one_does_not(
    known: Known,
) -> None:
    dated = _read("Kim Jong Un looked round the Pyongyang General Hospital on Monday.", known)
    assert [parse_date(r["date"]).iso for r in _events(dated).values()] == ["2025-10-06"]
    drafted = _read(
        "Kim Jong Il inspected the Ryongsong Machine Complex.\n\nThe same day, Kim Jong Il gave "
        "field guidance to the Hungnam Fertilizer Complex.\n\nJang Song Thaek and Kim Ki Nam "
        "accompanied him there.",
        known,
    )
    events = _events(drafted)
    assert len(events) == 2 and not any("date" in r for r in events.values())
    attended = _attended(drafted)
    hungnam = next(k for k in events if "hungnam" in k)
    assert attended[hungnam] == {"kim-jong-il": "guided", "jang-song-taek": "accompanied",
                                 "kim-ki-nam": "accompanied"}  # fmt: skip


def test_those_with_him_at_a_visit_not_at_the_event_the_article_reports(known: Known) -> None:
    drafted = _read(
        "A military parade was held at Kim Il Sung Square on Friday.\n\nOn Thursday evening, "
        "Kim Jong Un visited the Ministry of National Defence. He was accompanied by Ri Pyong "
        "Chol and Kim Yo Jong.",
        known,
    )
    attended = _attended(drafted)
    visit = next(k for k in _events(drafted) if k.startswith("visit"))
    assert set(attended[visit]) == {"kim-jong-un", "ri-pyong-chol", "kim-yo-jong"}
    assert not any("ri-pyong-chol" in p for k, p in attended.items() if k != visit)
