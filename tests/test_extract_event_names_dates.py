"""Meetings named with the state their organ is of, and meetings dated by their own clause
(issue 15, events wave of 2026-12-07 09:00): "... of the Supreme People's Assembly of the DPRK"
is the same meeting as "... of the Supreme People's Assembly" (one name, one id, paired so by
the scorer); "On 12 December 1988 the 4th session of the 8th SPA", "In January last year, the
8th session", a career line "April 2014 (1st Session of the 13th SPA): ..." and a table row
date their meeting; a date in a clause about another meeting, or a plan, does not."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from kwpld.dates import parse_date
from kwpld.evaluate.facts import _event_key
from kwpld.ingest import Known, read_text
from kwpld.reading.facts import without_state_qualifier

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _events(text: str, known: Known, date: str, media: str = "text/plain") -> dict[str, Any]:
    drafted = read_text(text, known=known, date=date, article_type="report", media_type=media)[1]
    return {
        d.id: d.record
        for d in drafted.drafts
        if d.kind == "event" and d.record.get("type") != "series"
    }


def _names(record: dict[str, Any]) -> list[str]:
    return [n["text"] if isinstance(n, dict) else n for n in record.get("names", [])]


def _when(record: dict[str, Any]) -> tuple[str | None, str | None]:
    def iso(value: object) -> str | None:
        return None if value is None else parse_date(value).iso

    return iso(record.get("date")), iso(record.get("end"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("1st Session of the 14th Supreme People's Assembly of the DPRK",
         "1st Session of the 14th Supreme People's Assembly"),
        ("First Session of the Fifth Supreme People’s Assembly of the Democratic People’s "
         "Republic of Korea", "First Session of the Fifth Supreme People’s Assembly"),
        ("26th Plenary Meeting of the 14th Standing Committee of the SPA of DPRK",
         "26th Plenary Meeting of the 14th Standing Committee of the SPA"),
        ("3rd Session of the 5th SPA of Korea", "3rd Session of the 5th SPA"),
        ("Session of 14th SPA of D.P.R.K.", "Session of 14th SPA"),
    ],
)  # fmt: skip
def test_the_state_qualifier_is_no_part_of_a_meetings_name(name: str, expected: str) -> None:
    assert without_state_qualifier(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "8th Congress of the Workers' Party of Korea",
        "3rd Conference of the Workers’ Party of Korea",
        "Meeting of the DPRK",  # the state is all the name says of its organ
        "Session of the SPA of the DPRK Cabinet",  # not at the end
    ],
)
def test_the_party_of_korea_and_other_names_are_kept(name: str) -> None:
    assert without_state_qualifier(name) == name


def test_scorer_pairs_names_with_and_without_the_qualifier() -> None:
    assert _event_key(
        "5th Session of the 14th Supreme People's Assembly of the DPRK"
    ) == _event_key("Fifth Session of the 14th Supreme People's Assembly")
    assert _event_key("8th Congress of the Workers' Party of Korea") != _event_key(
        "8th Congress of the Workers' Party"
    )
    assert _event_key("2nd Session of the 7th SPA") != _event_key("3rd Session of the 7th SPA")


@pytest.mark.parametrize(
    ("qualified", "plain"),
    [
        ("The 1st Session of the 5th Supreme People's Assembly of the DPRK opened on 25 December.",
         "The 1st Session of the 5th Supreme People's Assembly opened on 25 December."),
        ("The 21st Plenary Meeting of the 14th Standing Committee of the Supreme People's Assembly "
         "of the Democratic People's Republic of Korea was held on 6 June.",
         "The 21st Plenary Meeting of the 14th Standing Committee of the Supreme People's "
         "Assembly was held on 6 June."),
        ("Deputies attended the third session of the ninth Supreme People's Assembly of the "
         "DPRK on 10 April.",
         "Deputies attended the third session of the ninth Supreme People's Assembly on 10 April."),
    ],
)  # fmt: skip
def test_one_id_and_name_whichever_form(known: Known, qualified: str, plain: str) -> None:
    a, b = _events(qualified, known, "2022-12-28"), _events(plain, known, "2022-12-28")
    assert list(a) == list(b) and len(a) == 1
    assert not any("DPRK" in n or "Republic" in n for n in _names(next(iter(a.values()))))


def test_headline_and_body_are_one_meeting(known: Known) -> None:
    text = (
        "First Session of 14th SPA Held\n\nPyongyang, April 12 (KCNA) -- The 1st Session of "
        "the 14th Supreme People's Assembly of the DPRK was held on 11 and 12 April 2019."
    )
    (record,) = _events(text, known, "2019-04-12").values()
    assert _when(record) == ("2019-04-11", "2019-04-12")


@pytest.mark.parametrize(
    ("text", "date", "when"),
    [
        ("On 12 December 1988 the 4th session of the 8th SPA appointed Yon Hyong Muk premier.",
         "2020-01-01", "1988-12-12"),
        ("In January last year, the 8th session of the 14th SPA adopted a law.",
         "2024-02-05", "2023-01"),
        ("Kim spoke on Jan. 15 in Pyongyang. The 8th session of the 14th SPA, in January last "
         "year, adopted a law.", "2024-02-05", "2023-01"),
        ("On Sept. 30, 2021, the 5th session of the 14th SPA elected Kim Yo-jong to the "
         "commission.", "2024-02-05", "2021-09-30"),
        ("Kim spoke at the 10th session of the 14th Supreme People's Assembly of the DPRK last "
         "month.", "2024-02-05", "2024-01"),
        ("The budget approved at the Sixth Session of the Ninth SPA in April last year was "
         "overfulfilled.", "1994-04-07", "1993-04"),
        ("In September 1998 (1st Session of the 10th SPA) he was elected to the commission.",
         "2025-03-02", "1998-09"),
        ("He has sat on the commission since September 2010, when he was elected to it at the 3rd "
         "Conference of the WPK.", "2015-01-01", "2010-09"),
        ("SEOUL, March 1 (Yonhap) -- In June last year, the 3rd Plenary Meeting of the 8th Central "
         "Committee discussed farming.", "2022-03-01", "2021-06"),
    ],
)  # fmt: skip
def test_a_meeting_takes_the_date_of_its_own_clause(
    known: Known, text: str, date: str, when: str
) -> None:
    (record,) = _events(text, known, date).values()
    assert _when(record)[0] == when


def test_career_line_and_table_row_date_their_meeting(known: Known) -> None:
    text = ("# Ri Chol\n\n## Career\n\n- April 2014 (1st Session of the 13th SPA): Took his seat "
            "as a deputy\n\n## Speeches\n\n| Date | Meeting | Subject |\n| --- | --- | --- |\n"
            "| 28–31 December 2019 | 5th Plenary Meeting of the 7th Central Committee of the WPK "
            "| Farming |\n| 2014 – 2016 | 2nd Conference of Cell Secretaries | Cells |\n"
            )  # fmt: skip
    events = {_names(r)[0]: _when(r) for r in _events(text, known, "2025-03-01", "text/markdown")
              .values()}  # fmt: skip
    assert events["1st Session of the 13th SPA"] == ("2014-04", None)
    assert events["5th Plenary Meeting of the 7th Central Committee of the WPK"] == (
        "2019-12-28", "2019-12-31")  # fmt: skip
    # a period of years in a row is a post's, not a meeting's
    assert all(w == (None, None) for n, w in events.items() if "Conference" in n)


@pytest.mark.parametrize(
    "text",
    [
        # the date is the congress's, in a relative clause about it
        "At the 13th Plenary Meeting of the 6th Central Committee he was dropped from the "
        "Political Bureau, a body he had joined at the 6th Congress of the WPK in October 1980.",
        "Jo Yong Won, who was elected at the 1st Plenary Meeting of the 8th Central Committee in "
        "January 2021, also addressed the 9th session of the 14th SPA.",
        # the meeting is named beside the clause's time, not dated by it
        "On 3 March 2023 Kim recalled the decisions of the 3rd Session of the 14th SPA.",
        "Since the 2nd Plenary Meeting of the 8th Central Committee on 8 February 2021 he has "
        "risen fast; the 4th session of the 14th SPA confirmed him.",
        # a plan is not a date
        "The 3rd Plenary Meeting of the 7th Central Committee is expected to convene later "
        "this month.",
    ],
)
def test_a_date_of_another_clause_or_a_plan_does_not_date_a_meeting(
    known: Known, text: str
) -> None:
    events = _events(text, known, "2024-03-01")
    undated = [n for r in events.values() for n in _names(r)
               if ("13th" in n or "9th" in n or "3rd Session" in n or "4th session" in n
                   or "3rd Plenary" in n) and r.get("date") is None]  # fmt: skip
    assert undated, events


@pytest.mark.parametrize(
    "text",
    [
        "The Seventh Session of the Ninth Supreme People's Assembly of the Democratic People's "
        "Republic of Korea opened on 6 April.",
        "The 7th Session of the 9th SPA opened on 6 April.",
        "The 7th Session of 9th SPA of DPRK opened on 6 April.",
        "The 7th Session of the 9th Supreme People’s Assembly opened on 6 April.",
    ],
)
def test_one_series_id_whatever_words_and_numerals(known: Known, text: str) -> None:
    assert list(_events(text, known, "1994-04-07")) == ["sessions-of-the-9th-spa-7"]


def test_the_party_series_id_is_one_for_its_names(known: Known) -> None:
    ids = {
        next(
            iter(
                _events(
                    f"The 8th Congress of the {party} opened on 5 January.", known, "2021-01-06"
                )
            )
        )  # fmt: skip
        for party in ("Workers' Party of Korea", "WPK", "Korean Workers' Party")
    }
    assert ids == {"congresses-of-the-wpk-8"}


def test_a_later_article_refers_to_the_pending_session(tmp_path: Path) -> None:
    """Two articles name one session in two forms: the second refers to the first's pending
    draft (its id is the same), it does not draft ``sessions-of-the-9th-spa-2-7``; and a
    session of another ordinal is still its own draft."""
    from kwpld.ingest import IngestOptions
    from kwpld.ingest.pipeline import ingest

    data = tmp_path / "data"
    shutil.copytree(RECORDS, data)
    texts = {
        "a.txt": "Pyongyang, April 7 (KCNA) -- The Seventh Session of the Ninth Supreme People's "
        "Assembly of the Democratic People's Republic of Korea opened on April 6. Kim Il Sung "
        "attended the session.",
        "b.txt": "Pyongyang, April 9 (KCNA) -- The 7th session of the 9th Supreme People's "
        "Assembly closed on April 8. Kim Yong Nam attended the session.",
        "c.txt": "Pyongyang, April 10 (KCNA) -- The 8th Session of the 9th SPA will open in "
        "December. Kim Yong Nam spoke.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # one run, in order: each article meets the drafts of those before it
    ingest([tmp_path / name for name in texts], data, options=IngestOptions(date="1994-04-10"))
    drafts = [d for name in ("a", "b", "c")
              for d in yaml.safe_load((data / "articles" / f"{name}.review.yaml").read_text())[
                  "drafts"]]  # fmt: skip
    events = sorted(d["id"] for d in drafts if d["kind"] == "event")
    assert events == [
        "sessions-of-the-9th-spa", "sessions-of-the-9th-spa-7", "sessions-of-the-9th-spa-8"
    ]  # fmt: skip
    assert {d["record"]["event"] for d in drafts if d["kind"] == "participation"} == {
        "sessions-of-the-9th-spa-7"
    }
