"""Ingest says what it derives (issue 13, item 1): a spelling kwpld made (MR from MR-ASCII,
Hangul from MR, RR from Hangul, an English name translated or composed) carries its rule and
the name it came from instead of citing the article; a date read from a weekday is derived;
a date and place the article prints are stated in it. Names from text (issue 15): one-syllable
given names, spellings in parentheses, MR without diacritics where the article writes MR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted
from kwpld.ingest.pipeline import IngestOptions, ingest
from kwpld.load import load_records
from kwpld.review import accept


@pytest.fixture(scope="module")
def empty() -> Known:
    return Known.build(None)


def _drafted(text: str, known: Known, date: str = "2021-06-30") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _record(drafted: Drafted, draft_id: str) -> dict[str, Any]:
    found = [d.record for d in drafted.drafts if d.id == draft_id]
    assert found, [d.id for d in drafted.drafts]
    return found[0]


def _names(record: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(n["system"], n["text"]): n for n in record["names"]}


def test_spellings_derived_from_a_parenthetical_name_cite_their_rule(empty: Known) -> None:
    drafted = _drafted("Kim Jong Su (Kim Cho'ng-su) wrote the essay.", empty)
    names = _names(_record(drafted, "kim-jong-su"))
    assert names["en", "Kim Jong Su"]["sources"] == ["article"]
    assert names["mr-ascii", "Kim Cho'ng-su"]["sources"] == ["article"]
    mr = names["mr", "Kim Chŏng-su"]
    assert "sources" not in mr
    assert mr["derived_from"] == {
        "text": "Kim Cho'ng-su", "system": "mr-ascii", "rule": "mr-ascii-to-mr"
    }  # fmt: skip
    assert names["hangul", "김정수"]["derived_from"] == {
        "text": "Kim Cho'ng-su", "system": "mr-ascii", "rule": "mr-to-hangul"
    }  # fmt: skip
    rr = [n for (system, _), n in names.items() if system == "rr"]
    assert rr and rr[0]["derived_from"] == {
        "text": "김정수", "system": "hangul", "rule": "hangul-to-rr"
    }  # fmt: skip
    assert all("sources" not in n for n in rr)


def test_mr_in_running_text_keeps_its_system_and_derives_hangul(empty: Known) -> None:
    drafted = _drafted("Ch'oe Ryong-hae spoke at the meeting.", empty)
    names = _names(_record(drafted, "choe-ryong-hae"))
    assert names["mr-ascii", "Ch'oe Ryong-hae"]["sources"] == ["article"]
    assert names["en", "Ch'oe Ryong-hae"]["sources"] == ["article"]  # records need English
    assert names["hangul", "최룡해"]["derived_from"]["rule"] == "mr-to-hangul"


def test_a_hangul_spelling_is_printed_and_its_rr_derived(empty: Known) -> None:
    names = _names(_record(_drafted("Pak Pong Ju (박봉주) attended.", empty), "pak-pong-ju"))
    assert names["hangul", "박봉주"]["sources"] == ["article"]
    (rr,) = [n for (system, _), n in names.items() if system == "rr"]
    assert rr["derived_from"]["rule"] == "hangul-to-rr"


def test_plain_mr_in_parentheses_is_read_as_mr_where_the_article_writes_mr(empty: Known) -> None:
    """ "Kim Tok-hun" is spelled alike in MR and the DPRK's system: read as MR (Hangul derived
    by mr-plain-to-hangul) only in an article whose parentheses hold MR."""
    text = "Kim Jong Su (Kim Cho'ng-su) and Kim Tok Hun (Kim Tok-hun) attended."
    names = _names(_record(_drafted(text, empty), "kim-tok-hun"))
    assert names["hangul", "김덕훈"]["derived_from"] == {
        "text": "Kim Tok-hun", "system": "en", "rule": "mr-plain-to-hangul"
    }  # fmt: skip
    alone = _names(_record(_drafted("Kim Tok Hun (Kim Tok-hun) attended.", empty), "kim-tok-hun"))
    assert not [key for key in alone if key[0] == "hangul"]
    # MR whose shape gives it away needs no such assumption
    shaped = _drafted("Pak Pong Ju (Pak Pong-chu) attended.", empty)
    assert _names(_record(shaped, "pak-pong-ju"))["hangul", "박봉주"]["derived_from"]["rule"] == (
        "mr-plain-to-hangul"
    )


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Choe Hwi spoke at the meeting.", "choe-hwi"),
        ("The meeting was addressed by Kim Il, a veteran.", "kim-il"),
    ],
)
def test_one_syllable_given_names(empty: Known, text: str, person: str) -> None:
    assert person in {d.id for d in _drafted(text, empty).drafts if d.kind == "person"}


def test_a_one_syllable_reading_never_cuts_a_longer_name(empty: Known) -> None:
    text = "Yo Yon Gu and Jang Chol were elected vice-chairmen. Kim Il Sung and Kim Il spoke."
    people = {d.id for d in _drafted(text, empty).drafts if d.kind == "person"}
    assert {"yo-yon-gu", "jang-chol", "kim-il-sung", "kim-il"} <= people
    assert not people & {"yon-gu", "kim-il-2"}


@pytest.mark.parametrize("text", ["Kim To Visit Moscow", "Ri In Moscow for talks."])
def test_english_words_after_a_family_name_are_no_given_name(empty: Known, text: str) -> None:
    assert not [d for d in _drafted(text, empty).drafts if d.kind == "person"]


def test_composed_names_say_so(empty: Known) -> None:
    drafted = _drafted("The Political Bureau of the WPK Central Committee held a meeting.", empty)
    (event,) = [d.record for d in drafted.drafts if d.kind == "event"]
    assert event["names"][0]["derived_from"] == {"rule": "composed"}
    assert "sources" not in event["names"][0]


def test_a_membership_date_read_from_a_weekday_is_derived(empty: Known) -> None:
    drafted = _drafted("Pak Pong Ju was relieved as Premier on Friday.", empty)
    (membership,) = [d.record for d in drafted.drafts if d.kind == "membership"]
    assert membership["end"] == "2021-06-25"
    assert membership["derived"] == {
        "end": {"rule": "date-from-weekday", "from": "“Friday” in the report of 30 June 2021"}
    }
    dated = _drafted("Pak Pong Ju was relieved as Premier on 25 June 2021.", empty)
    (membership,) = [d.record for d in dated.drafts if d.kind == "membership"]
    assert "derived" not in membership


def test_an_event_date_is_stated_or_read_from_a_weekday(empty: Known) -> None:
    text = (
        "An enlarged meeting of the Political Bureau of the WPK Central Committee was held on "
        "Tuesday.\n\nThe 4th Plenary Meeting of the 8th Central Committee of the Workers' Party "
        "of Korea was held from 27 to 31 December 2021 in Pyongyang."
    )
    events = {d.record.get("ordinal", 0): d.record for d in _drafted(text, empty).drafts
              if d.kind == "event" and d.record.get("type") != "series"}  # fmt: skip
    weekday, plenum = events[0], events[4]
    assert weekday["date"] == "2021-06-29"
    assert weekday["derived"]["date"]["rule"] == "date-from-weekday"
    assert "stated_in" not in weekday
    assert plenum["stated_in"] == {
        "date": ["article"], "end": ["article"], "location": ["article"]
    }  # fmt: skip
    assert "derived" not in plenum


def test_accepted_drafts_keep_their_derivations(tmp_path: Path) -> None:
    """What the drafts say is what the records say once accepted: the loader reads each
    derived name's source name and rule, and a weekday's date as derived."""
    text = tmp_path / "report.txt"
    text.write_text(
        "Kim Jong Su (Kim Cho'ng-su) wrote the essay. Pak Pong Ju was relieved as Premier on "
        "Friday.\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    ingest([text], data, options=IngestOptions(date="2021-06-30"))
    accept(data, every=True)
    records = load_records(data)
    person = records.get("kim-jong-su")
    assert person is not None
    derived = {n.text: n.derived_from for n in person.names if n.derived_from}  # type: ignore[attr-defined]
    assert derived["김정수"].rule == "mr-to-hangul"
    assert derived["김정수"].text == "Kim Cho'ng-su"
    assert derived["Kim Chŏng-su"].rule == "mr-ascii-to-mr"
    printed = [n for n in person.names if n.printed]  # type: ignore[attr-defined]
    assert {n.text for n in printed} == {"Kim Jong Su", "Kim Cho'ng-su"}
    (membership,) = [m for m in records.memberships if m.person == "pak-pong-ju"]
    assert membership.derived["end"].rule == "date-from-weekday"


def test_plain_mr_in_running_text(empty: Known) -> None:
    """ "Pak Pong-chu" gives itself away as MR ("chu" for 주); "Kim Tok-hun" is read as MR only
    in an article that writes MR with its diacritics elsewhere."""
    shaped = _names(_record(_drafted("Pak Pong-chu returned as premier.", empty), "pak-pong-chu"))
    assert shaped["hangul", "박봉주"]["derived_from"] == {
        "text": "Pak Pong-chu", "system": "en", "rule": "mr-plain-to-hangul"
    }  # fmt: skip
    mr = _drafted("Kim Kyo'k-sik moved. Kim Tok-hun spoke.", empty)
    assert ("hangul", "김덕훈") in _names(_record(mr, "kim-tok-hun"))
    plain = _drafted("Kim Jae-ryong replaced Kim Tok-hun.", empty)
    assert not [k for k in _names(_record(plain, "kim-tok-hun")) if k[0] == "hangul"]
