"""Ends and statuses of drafted holdings (issue 15, kwpld/extract/ends.py): an ending that
closes every post a person holds (a death, an execution, "relieved of all his posts", "stripped
of all his titles") ends the person's open holdings on its date, with its status; "who had held
the post since May last year, was replaced" gives the start; a holding stated on officials'
word is reported. Short synthetic texts, read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def memberships(text: str, known: Known, date: str) -> dict[tuple[str, str, str], dict[str, Any]]:
    """(person, organ, role) -> {start, end, as_of (ISO), status} of every membership drafted."""
    _, drafted = read_text(text, known=known, date=date)
    out = {}
    for d in drafted.drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out[(r["person"], r["organ"], r["role"])] = {
                "start": _iso(r.get("start")),
                "end": _iso(r.get("end")),
                "as_of": _iso(r.get("as_of")),
                "status": r["status"],
            }
    return out


# -- endings of every post ----------------------------------------------------------------------


def test_a_death_ends_the_titles_of_its_sentence(known: Known) -> None:
    text = (
        "Pyongyang, July 8 (KCNA) -- Kim Chol Man, member of the Political Bureau of the "
        "Central Committee of the Workers' Party of Korea, died of a heart attack on July 7, "
        "2014 at the age of 88.\n\nHe was a member of the National Defence Commission from 1990."
    )
    got = memberships(text, known, "2014-07-08")
    pb = got[("kim-chol-man", "wpk-pb", "member")]
    assert (pb["end"], pb["as_of"], pb["status"]) == ("2014-07-07", None, "confirmed")
    ndc = got[("kim-chol-man", "ndc", "member")]
    assert (ndc["start"], ndc["end"]) == ("1990", "2014-07-07")


def test_an_execution_in_the_active_voice_on_the_spy_agencys_word(known: Known) -> None:
    text = (
        "SEOUL, Aug. 31 (Yonhap) -- North Korea executed Ri Chol Su, a vice premier of the "
        "Cabinet, in July, South Korea's spy agency told lawmakers on Wednesday."
    )
    got = memberships(text, known, "2016-08-31")
    held = got[("ri-chol-su", "cabinet", "vice-chairman")]
    assert (held["end"], held["as_of"], held["status"]) == ("2016-07", None, "reported")


def test_stripped_of_all_titles_by_a_pronoun_closes_a_seat_held_since(known: Known) -> None:
    text = (
        "Han Song Il had been a member of the Central Military Commission of the Workers' Party "
        "of Korea since September 2010. In early February 2015, according to the NIS, Han was "
        "executed for disagreeing with Kim Jong Un; the NIS said he had been stripped of all "
        "his titles in January 2015."
    )
    got = memberships(text, known, "2025-03-03")
    cmc = got[("han-song-il", "wpk-cmc", "member")]
    assert (cmc["start"], cmc["end"], cmc["status"]) == ("2010-09", "2015-01", "reported")
    assert all(h["end"] is None for k, h in got.items() if k[0] == "kim-jong-un")


def test_a_death_years_after_a_seat_does_not_end_it(known: Known) -> None:
    """A death ends only what the text shows the person still held when he died."""
    text = (
        "At a plenary meeting in September 2010 Jo Myong Chol was elected a member of the "
        "Political Bureau of the WPK Central Committee.\n\nJo died of heart failure on "
        "16 August 2018."
    )
    got = memberships(text, known, "2025-01-03")
    assert got[("jo-myong-chol", "wpk-pb", "member")]["end"] is None


def test_who_had_held_the_post_since_last_year_was_replaced(known: Known) -> None:
    text = (
        "Kim Chun Sam, who had held the post of director of the party's Economic Department "
        "since May last year, was replaced in July, the spy agency said."
    )
    got = memberships(text, known, "2016-08-31")
    held = got[("kim-chun-sam", "wpk-economic", "director")]
    assert (held["start"], held["end"], held["status"]) == ("2015-05", "2016-07", "reported")


def test_a_since_clause_naming_another_post_gives_no_start(known: Known) -> None:
    text = (
        "Pyongyang, May 9 (KCNA) -- Ri Yong Sun, who had served as vice-chairman of the National "
        "Defence Commission since 1998, was relieved as a member of the Political Bureau of "
        "the WPK Central Committee."
    )
    got = memberships(text, known, "2016-05-09")
    assert got[("ri-yong-sun", "wpk-pb", "member")]["start"] is None


# -- reported on officials' word ----------------------------------------------------------------


def test_on_an_officials_word_holdings_are_reported(known: Known) -> None:
    text = (
        "SEOUL (Reuters) - Ri Myong Su, chief of the general staff of the Korean People's Army, "
        "was replaced by his first deputy Ri Yong Gil, a senior South Korean official said on "
        "Monday."
    )
    got = memberships(text, known, "2018-06-04")
    assert {h["status"] for k, h in got.items() if k[2] == "chairman"} == {"reported"}


def test_according_to_a_ministry_is_reported_but_not_according_to_kcna(known: Known) -> None:
    reported = (
        "According to Seoul's unification ministry, Choe Hwi, first vice director of the "
        "Propaganda and Agitation Department, was sent to a farm for re-education."
    )
    got = memberships(reported, known, "2016-08-31")
    assert got[("choe-hwi", "wpk-pad", "first-vice-director")]["status"] == "reported"
    stated = (
        "Choe Hwi, first vice director of the Propaganda and Agitation Department, inspected "
        "a farm, according to KCNA."
    )
    got = memberships(stated, known, "2016-08-31")
    assert got[("choe-hwi", "wpk-pad", "first-vice-director")]["status"] == "confirmed"


def test_removed_from_all_party_and_state_posts_active_and_a_retirement(known: Known) -> None:
    text = (
        "SEOUL, Dec. 9 (Yonhap) -- North Korea said on Sunday it has removed Pak Kwang Sok, "
        "director of the party's United Front Department and long seen as a rising official, "
        "from all his party and state posts on 8 December.\n\nKim Tae Song, a member of the "
        "National Defence Commission since 2009, retired in March 2013."
    )
    got = memberships(text, known, "2013-12-09")
    assert got[("pak-kwang-sok", "wpk-ufd", "director")]["end"] == "2013-12-08"
    ndc = got[("kim-tae-song", "ndc", "member")]
    assert (ndc["start"], ndc["end"]) == ("2009", "2013-03")


def test_a_date_of_another_clause_does_not_date_the_ending(known: Known) -> None:
    text = (
        "Ri Kwang Chol had been a member of the Central Military Commission of the Workers' "
        "Party of Korea since 2012. State media stopped mentioning him after December 2014, "
        "and his name was removed from the list of deputies."
    )
    got = memberships(text, known, "2016-01-01")
    assert got[("ri-kwang-chol", "wpk-cmc", "member")]["end"] is None


def test_a_hedge_of_another_clause_leaves_a_plain_statement_confirmed(known: Known) -> None:
    text = (
        "Kim Hyong Jun is likely to succeed him at the International Department; Ri Son Gwon "
        "has been foreign minister since January."
    )
    got = memberships(text, known, "2020-04-21")
    assert got[("ri-son-gwon", "mfa", "chairman")]["status"] == "confirmed"


def test_the_official_news_agency_is_no_officials_word(known: Known) -> None:
    text = (
        "Kim Tok Hun, the premier, was seen at the session, the official Korean Central News "
        "Agency said."
    )
    got = memberships(text, known, "2024-01-16")
    assert got[("kim-tok-hun", "cabinet", "chairman")]["status"] == "confirmed"
