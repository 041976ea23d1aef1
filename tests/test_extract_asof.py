"""The dates and status of drafted holdings on unseen texts (issue 15): a title printed in a
sentence that reports an occasion is as of the occasion's day, not the dateline's; a change a
report does not date gives the new holder an as_of; a hedge governs its own clause only. Short
synthetic sentences that vary names, organs and date formats, with near misses that must keep
the article's date (or no date), read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from typing import Any

from kwpld.ingest import Known
from tests.test_extract_dates_unseen import holdings

# -- 1. a title in a sentence reporting an occasion: the occasion's day ----------------------


def test_a_title_takes_the_day_its_sentence_gives_the_occasion(known: Known) -> None:
    text = (
        "Kim Jong Un Inspects Greenhouse Farm\n\n"
        "Pyongyang, June 14 (KCNA) -- Kim Jong Un, general secretary of the Workers' Party of "
        "Korea, inspected the newly built Kangdong Greenhouse Farm on 13 June.\n\n"
        "He was accompanied by Jo Yong Won, secretary of the WPK Central Committee."
    )
    got = holdings(text, known, "2022-06-14")
    assert {d[2] for d in got[("kim-jong-un", "general-secretary", "wpk")]} == {"2022-06-13"}
    # those accompanying the occasion the sentence before dates: its day too
    assert {d[2] for d in got[("jo-yong-won", "secretary", "wpk-cc")]} == {"2022-06-13"}


def test_the_day_in_another_format_and_outlet(known: Known) -> None:
    text = (
        "SEOUL, March 4 (Yonhap) -- Choe Ryong Hae, president of the Presidium of the Supreme "
        "People's Assembly, met the visiting Lao foreign minister in Pyongyang on March 2, the "
        "North's state media said."
    )
    got = holdings(text, known, "2020-03-04")
    assert {d[2] for d in got[("choe-ryong-hae", "chairman", "spa-presidium")]} == {
        "2020-03-02"
    }


def test_a_day_of_background_keeps_the_article_date(known: Known) -> None:
    # near misses: a day of the past perfect, a day of the report, the dateline's own day
    text = (
        "Pyongyang, April 20 (KCNA) -- Pak Pong Ju, premier of the Cabinet, recalled that the "
        "leader had visited the mill on April 15.\n\n"
        "Kim Yong Nam, president of the Presidium of the Supreme People's Assembly, sent a "
        "message of greeting, KCNA said on April 19."
    )
    got = holdings(text, known, "2016-04-20")
    assert {d[2] for d in got[("pak-pong-ju", "chairman", "cabinet")]} == {"2016-04-20"}
    assert {d[2] for d in got[("kim-yong-nam", "chairman", "spa-presidium")]} != {"2016-04-15"}


def test_a_day_to_come_in_the_sentence_keeps_the_article_date(known: Known) -> None:
    # near miss: the day the sentence gives is of an occasion to come
    text = (
        "SEOUL, Dec. 20 (Yonhap) -- Jo Yong Won, secretary of the WPK Central Committee, said "
        "the plenary meeting will open on 26 December."
    )
    got = holdings(text, known, "2023-12-20")
    assert {d[2] for d in got[("jo-yong-won", "secretary", "wpk-cc")]} == {"2023-12-20"}


def test_an_occasion_after_the_article_told_as_done_dates_its_titles(known: Known) -> None:
    text = (
        "Obituary: a veteran official\n\n"
        "The funeral will be held on 22 October.\n\n"
        "UPDATE (22 October 2023): Kim Jong Un visited the bier on 21 October to express "
        "condolences. He was accompanied by Jo Yong Won, secretary of the WPK Central Committee, "
        "and Kim Tok Hun, premier of the Cabinet."
    )
    got = holdings(text, known, "2023-10-20")
    assert {d[2] for d in got[("jo-yong-won", "secretary", "wpk-cc")]} == {"2023-10-21"}
    assert {d[2] for d in got[("kim-tok-hun", "chairman", "cabinet")]} == {"2023-10-21"}


def test_a_title_in_a_preview_keeps_the_article_date(known: Known) -> None:
    # near miss: the occasion is to come; a title printed about it is as of the article
    text = (
        "SEOUL, Dec. 20 (Yonhap) -- North Korea will convene a plenary meeting of the WPK Central "
        "Committee on 28 December.\n\nJo Yong Won, secretary of the WPK Central Committee, is "
        "expected to attend the plenary meeting."
    )
    got: dict[Any, set[Any]] = holdings(text, known, "2023-12-20")
    dates = {d[2] for d in got.get(("jo-yong-won", "secretary", "wpk-cc"), set())}
    assert "2023-12-28" not in dates


# -- 2. a term started elsewhere in the text; a change the report does not date --------------


def test_a_term_since_an_event_starts_there(known: Known) -> None:
    text = (
        "SEOUL, March 10 (Yonhap) -- Jo Yong Won, who has been a secretary of the WPK Central "
        "Committee since the Eighth Party Congress in January 2021, visited a farm on Thursday."
    )
    got = holdings(text, known, "2023-03-10")
    assert {d[:3] for d in got[("jo-yong-won", "secretary", "wpk-cc")]} == {
        ("2021-01", None, None)
    }


def test_a_seat_since_an_event_not_dated_beside_it_starts_at_the_event(known: Known) -> None:
    text = (
        "Pyongyang, January 11 (KCNA) -- The Eighth Congress of the Workers' Party of Korea was "
        "held from January 5 to 10.\n\n"
        "Ri Pyong Chol has been a member of the Presidium of the Political Bureau of the WPK "
        "Central Committee since the Eighth Party Congress, analysts noted."
    )
    got = holdings(text, known, "2021-01-11")
    starts = {d[0] for d in got[("ri-pyong-chol", "member", "wpk-pb-presidium")]}
    assert starts and None not in starts and all(s.startswith("2021-01") for s in starts)


def test_a_perfect_change_is_as_of_the_article_not_of_the_meeting_before(known: Known) -> None:
    meeting = (
        "SEOUL, June 30 (Yonhap) -- Kim Jong Un convened an enlarged meeting of the Political "
        "Bureau of the WPK Central Committee on Tuesday, KCNA said.\n\n"
    )
    perfect = meeting + (
        "Kim Song Nam has been appointed director of the International Department of the WPK "
        "Central Committee, the KCNA report showed."
    )
    got = holdings(perfect, known, "2021-06-30")
    key = ("kim-song-nam", "director", "wpk-international")
    assert {d[:3] for d in got[key]} == {(None, None, "2021-06-30")}
    # near miss: a change told at the meeting starts on its day
    at_meeting = meeting + (
        "Kim Song Nam was appointed director of the International Department of the WPK "
        "Central Committee at the meeting."
    )
    got = holdings(at_meeting, known, "2021-06-30")
    assert {d[:3] for d in got[key]} == {("2021-06-29", None, None)}


# -- 3. a range printed for one term does not date another in the same sentence --------------


def test_an_apposition_range_does_not_date_the_change_of_the_sentence(known: Known) -> None:
    text = (
        "SEOUL, June 1 (Yonhap) -- Kim Yong Chol, director of the United Front Department of the "
        "WPK Central Committee from 2016 to 2019, was appointed a secretary of the WPK Central "
        "Committee on Tuesday."
    )
    got = holdings(text, known, "2022-06-01")  # a Wednesday
    assert {d[:2] for d in got[("kim-yong-chol", "secretary", "wpk-cc")]} == {
        ("2022-05-31", None)
    }
    assert {d[:2] for d in got[("kim-yong-chol", "director", "wpk-ufd")]} == {("2016", "2019")}


def test_a_since_in_the_apposition_does_not_date_the_change(known: Known) -> None:
    text = (
        "Kim Tok Hun, a member of the Political Bureau of the WPK Central Committee since 1986, "
        "was relieved as premier of the Cabinet on 19 May 2022."
    )
    got = holdings(text, known, "2022-06-01", "profile")
    assert {d[:2] for d in got[("kim-tok-hun", "chairman", "cabinet")]} == {(None, "2022-05-19")}
    assert {d[:2] for d in got[("kim-tok-hun", "member", "wpk-pb")]} == {("1986", None)}


# -- 4. a hedge governs its own clause -------------------------------------------------------


def _status(text: str, known: Known, date: str) -> dict[tuple[str, str, str], set[str]]:
    from kwpld.ingest import read_text

    out: dict[tuple[str, str, str], set[str]] = {}
    for d in read_text(text, known=known, date=date, article_type="news")[1].drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out.setdefault((r["person"], r["role"], r["organ"]), set()).add(r["status"])
    return out


def test_an_apposition_beside_a_hedged_clause_is_confirmed(known: Known) -> None:
    text = (
        "SEOUL, June 1 (Yonhap) -- Kim Jong Un is believed to have ordered Jo Yong Won, "
        "secretary of the WPK Central Committee, to inspect the site.\n\n"
        "Pak Jong Chon appears to have sent Kim Tok Hun, premier of the Cabinet, to the region."
    )
    got = _status(text, known, "2022-06-01")
    assert got[("jo-yong-won", "secretary", "wpk-cc")] == {"confirmed"}
    assert got[("kim-tok-hun", "chairman", "cabinet")] == {"confirmed"}


def test_a_hedge_or_the_word_of_others_governing_the_title_keeps_it_reported(
    known: Known,
) -> None:
    # near misses: the hedge governs the change or the title itself (a copula, a relative
    # clause, the word of others about the title)
    text = (
        "SEOUL, June 1 (Yonhap) -- Ri Yong Gil is believed to have been named chief of the "
        "General Staff of the Korean People's Army.\n\n"
        "Kim Tok Hun, who is believed to be premier of the Cabinet, inspected the site.\n\n"
        "Sources said Jo Yong Won is now a secretary of the WPK Central Committee.\n\n"
        "Choe Ryong Hae has become president of the Presidium of the Supreme People's Assembly, "
        "analysts said."
    )
    got = _status(text, known, "2022-06-01")
    assert got[("ri-yong-gil", "chairman", "kpa-general-staff")] == {"reported"}
    assert got[("kim-tok-hun", "chairman", "cabinet")] == {"reported"}
    assert got[("jo-yong-won", "secretary", "wpk-cc")] == {"reported"}
    assert got[("choe-ryong-hae", "chairman", "spa-presidium")] == {"reported"}


def test_state_media_s_title_beside_another_clause_s_sources_is_confirmed(known: Known) -> None:
    text = (
        'SEOUL, June 1 (Yonhap) -- "Jo Yong Won, secretary of the WPK Central Committee, '
        'accompanied him," KCNA said, though sources said Jo had been ill for weeks.\n\n'
        "According to KCNA, Kim Tok Hun, premier of the Cabinet, inspected the site, which the "
        "spy agency believes is a missile base."
    )
    got = _status(text, known, "2022-06-01")
    assert got[("jo-yong-won", "secretary", "wpk-cc")] == {"confirmed"}
    assert got[("kim-tok-hun", "chairman", "cabinet")] == {"confirmed"}


def test_sources_in_the_title_s_own_clause_keep_it_reported(known: Known) -> None:
    # near miss: the word of others closes the clause of the title itself (the labelled set's
    # rule: a title beside a name in a sentence attributed to a source is reported)
    text = (
        "SEOUL, June 1 (Yonhap) -- Jo Yong Won, secretary of the WPK Central Committee, was "
        "absent from the meeting, sources said.\n\n"
        "Kim Tok Hun, premier of the Cabinet, was sidelined, analysts said, while state media "
        "kept silent."
    )
    got = _status(text, known, "2022-06-01")
    assert got[("jo-yong-won", "secretary", "wpk-cc")] == {"reported"}
    assert got[("kim-tok-hun", "chairman", "cabinet")] == {"reported"}


def test_an_event_bounding_one_term_dates_no_other_title(known: Known) -> None:
    text = (
        "SEOUL, June 11 (Yonhap) -- North Korea's ruling party held an enlarged meeting of its "
        "Central Military Commission on Friday, state media reported Saturday.\n\n"
        "Ri Pyong Chol, who has been vice chairman of the commission since the eighth party "
        "congress in January 2021, and Kim Tok Hun, premier of the Cabinet, attended the "
        "meeting.\n\n"
        "The meeting relieved Pak Jong Chon as a member of the commission, KCNA said."
    )
    got = holdings(text, known, "2022-06-11")
    assert {d[:3] for d in got[("ri-pyong-chol", "vice-chairman", "wpk-cmc")]} == {
        ("2021-01", None, None)
    }
    assert {d[2] for d in got[("kim-tok-hun", "chairman", "cabinet")]} == {"2022-06-10"}
    assert {d[1] for d in got[("pak-jong-chon", "member", "wpk-cmc")]} == {"2022-06-10"}


# -- 1b. several occasions of different days in one report; a multi-day session -------------


def test_each_conference_s_people_take_their_conference_s_day(known: Known) -> None:
    text = (
        "Provincial Party Conferences Held\n\n"
        "Pyongyang, January 21 (KCNA) -- Conferences of provincial committees of the Workers' "
        "Party of Korea were held across the country.\n\n"
        "The conference of the South Phyongan Provincial Committee of the WPK was held on 17 "
        "January. Kim Tu Il, chief secretary of the South Phyongan Provincial Committee of the "
        "WPK, made a report at the conference.\n\n"
        "The North Hamgyong Provincial Committee of the WPK held its conference on 18 January. "
        "Ri Hi Yong, chief secretary of the North Hamgyong Provincial Committee of the WPK, made "
        "a report.\n\n"
        "On 19 January the conference of the Pyongyang City Committee of the WPK took place. "
        "Present there was Jo Yong Won, secretary of the WPK Central Committee."
    )
    got = holdings(text, known, "2023-01-21")
    assert {d[2] for d in got[("kim-tu-il", "first-secretary", "wpk-south-phyongan")]} == {
        "2023-01-17"
    }
    assert {d[2] for d in got[("ri-hi-yong", "first-secretary", "wpk-north-hamgyong")]} == {
        "2023-01-18"
    }
    assert {d[2] for d in got[("jo-yong-won", "secretary", "wpk-cc")]} == {"2023-01-19"}


def test_a_multi_day_session_s_titles_take_the_last_day_or_the_day_said(known: Known) -> None:
    # near miss for the day above: days within the session are not "after" it
    text = (
        "Pyongyang, September 29 (KCNA) -- The Ninth Session of the 14th Supreme People's "
        "Assembly of the DPRK was held from September 25 to 28 at the Mansudae Assembly Hall.\n\n"
        "Choe Ryong Hae, president of the Presidium of the Supreme People's Assembly, and Kim "
        "Tok Hun, premier of the Cabinet, attended the session.\n\n"
        "On the second day of the session, Pak Jong Chon, secretary of the WPK Central "
        "Committee, made a speech."
    )
    got = holdings(text, known, "2023-09-29")
    assert {d[2] for d in got[("choe-ryong-hae", "chairman", "spa-presidium")]} == {"2023-09-28"}
    assert {d[2] for d in got[("kim-tok-hun", "chairman", "cabinet")]} == {"2023-09-28"}
    assert {d[2] for d in got[("pak-jong-chon", "secretary", "wpk-cc")]} == {"2023-09-26"}


def test_an_event_in_a_when_clause_of_a_since_date_is_no_occasion(known: Known) -> None:
    text = (
        "SEOUL, Jan. 1 (Yonhap) -- The ruling party held the enlarged sixth plenary meeting of "
        "the eighth WPK Central Committee from Monday to Saturday in Pyongyang, KCNA said.\n\n"
        "Pak Jong Chon had been a CMC vice chairman since January 2021, when the eighth party "
        "congress elected him to the post.\n\n"
        "The meeting named Ri Yong Gil chief of the General Staff of the Korean People's Army."
    )
    got = holdings(text, known, "2023-01-01")  # a Sunday: Saturday is 31 December 2022
    key = ("ri-yong-gil", "chairman", "kpa-general-staff")
    assert {d[0] for d in got[key]} == {"2022-12-31"}
