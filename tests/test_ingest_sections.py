"""Sections, datelines and the date a sentence is about (issue 15, class AA).

A text that strings several reports, each under its own dateline, dates the relative days of
each ("today", "this afternoon", "in the evening", "on Wednesday", "yesterday") against its own
section's dateline; a by-line's or a closing line's full date dates a text no date was passed
for; "the rally in X" after "similar rallies" is another rally, the same day; a title in a
news report of an occasion is as of the occasion's day. Near misses: a single dateline, a report
day ("KCNA said on ... that"), a date inside quoted speech, a "Sources:" line, a sentence that
speaks of the present. Short synthetic texts; names, outlets, years and word order vary."""

from __future__ import annotations

from typing import Any

import pytest
from facts_helpers import attended, events, iso, rows

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str | None = None) -> tuple[Any, Drafted]:
    return read_text(text, known=known, date=date, article_type="news")


def _days(drafted: Drafted, kind: str) -> list[str]:
    return sorted(
        (iso(e.get("date")) or "") for e in events(drafted).values() if e.get("type") == kind
    )


def _as_of(drafted: Drafted, person: str) -> set[str | None]:
    return {row[5] for row in rows(drafted) if row[0] == person}


ITEMS = (
    "Laotian Leader Arrives\n\n"
    "Pyongyang, May 6 (KCNA) -- Bounnhang Vorachith, general secretary of the Central "
    "Committee of the Lao People's Revolutionary Party, arrived here today.\n\n"
    "He was greeted at the airport by Kim Yong Nam, president of the Presidium of the Supreme "
    "People's Assembly.\n\n"
    "Kim Yong Nam gave a banquet in honour of the guests at the Mokran House in the evening.\n\n"
    "Guests Leave\n\n"
    "Pyongyang, May 8 (KCNA) -- Bounnhang Vorachith and his party left here today.\n\n"
    "They were seen off at the airport by Choe Ryong Hae, vice-chairman of the WPK Central "
    "Committee.\n"
)


def test_relative_days_count_from_their_own_sections_dateline(known: Known) -> None:
    _, drafted = _read(ITEMS, known, "2016-05-08")
    # the arrival's banquet "in the evening" is of the first item's day, not the article's
    assert "2016-05-06" in _days(drafted, "ceremony")
    assert "2016-05-08" in _days(drafted, "ceremony")
    assert _as_of(drafted, "kim-yong-nam") == {"2016-05-06"}
    assert _as_of(drafted, "choe-ryong-hae") == {"2016-05-08"}


def test_a_weekday_resolves_against_its_own_wire_dateline(known: Known) -> None:
    text = (
        "SEOUL, Aug. 3 (Yonhap) -- North Korean leader Kim Jong Un watched a rocket drill on "
        "Monday, state media reported Tuesday. He was accompanied by Pak Jong Chon, chief of "
        "the General Staff of the Korean People's Army.\n\n"
        "SEOUL, Aug. 11 (Yonhap) -- Kim Jong Un inspected a flood-hit farm on Monday, state "
        "media said Tuesday.\n"
    )
    _, drafted = _read(text, known, "2021-08-11")
    # Monday under "Aug. 3" (a Tuesday in 2021) is 2 August; under "Aug. 11" it is 9 August
    assert _days(drafted, "appearance") == ["2021-08-02", "2021-08-09"]
    assert {row[5] for row in rows(drafted)} == {"2021-08-02"}  # Pak Jong Chon's title


def test_a_single_dateline_is_no_section(known: Known) -> None:
    # one report: its relative days count from the article's date, as before
    text = (
        "Pyongyang, June 2 (KCNA) -- Kim Jong Un inspected the Kangdong Greenhouse Farm today. "
        "He was accompanied by Jo Yong Won, secretary of the WPK Central Committee.\n"
    )
    _, drafted = _read(text, known, "2023-06-03")
    assert _as_of(drafted, "jo-yong-won") == {"2023-06-03"}


def test_a_report_day_or_a_sources_line_is_no_section(known: Known) -> None:
    text = (
        "SEOUL, Oct. 12 (AP) -- Kim Jong Un attended a banquet on Sunday, KCNA said.\n\n"
        "KCNA said on Oct. 10 that the banquet had been held at the Mokran House.\n\n"
        "Sources: KCNA, 9 and 10 October 2022\n"
    )
    _, drafted = _read(text, known, "2022-10-12")
    assert _days(drafted, "ceremony") == ["2022-10-09"]  # the Sunday before the one dateline


@pytest.mark.parametrize(
    "stamp",
    [
        "Posted by Kim Chol, 3 April Chuch'e 102 (2013)",
        "Posted by Pak Son, April 3, 2013",
    ],
)
def test_a_by_line_dates_a_text_no_date_was_passed_for(known: Known, stamp: str) -> None:
    text = (
        "A Meeting Held\n\n" + stamp + "\n\n"
        "A national meeting was held at the April 25 House of Culture on Tuesday.\n\n"
        "Present were Pak Pong Ju, premier of the Cabinet, and others.\n"
    )
    reading, drafted = _read(text, known)
    assert reading.reference.iso == "2013-04-03" and not reading.reference_inferred
    assert _days(drafted, "meeting") == ["2013-04-02"]
    assert drafted.article.get("date") is not None


def test_a_closing_line_dates_the_text(known: Known) -> None:
    text = (
        "A mass rally of the people of Pyongyang was held on Friday.\n\n"
        "Pak Pong Ju, premier of the Cabinet, made a speech at the rally.\n\n"
        "Rodong Sinmun, October 7, 2017\n"
    )
    reading, drafted = _read(text, known)
    assert reading.reference.iso == "2017-10-07"
    assert _days(drafted, "ceremony") == ["2017-10-06"]


def test_a_sources_line_or_a_date_in_the_text_is_no_by_line(known: Known) -> None:
    text = (
        "A national meeting was held on Tuesday.\n\n"
        "Sources: KCNA, 2 and 3 April 2013\n"
    )
    reading, _ = _read(text, known)
    assert reading.reference_inferred  # the latest date stated, at month precision


def test_similar_rallies_make_the_rally_in_a_city_another_one(known: Known) -> None:
    text = (
        "A Pyongyang mass rally took place at Kim Il Sung Square yesterday. Pak Pong Ju, "
        "premier of the Cabinet, made a speech.\n\n"
        "Similar meetings were held in provincial seats the same day. At the rally in "
        "Chongjin, Kim Jong Gak, chief secretary of the North Hamgyong Provincial Committee of "
        "the WPK, made a speech.\n"
    )
    _, drafted = _read(text, known, "2017-09-24")
    assert _days(drafted, "ceremony") == ["2017-09-23", "2017-09-23"]
    at = attended(drafted)
    (chongjin,) = [k for k, people in at.items() if "Kim Jong Gak" in str(people)
                   or any("kim-jong-gak" in p for p in people)]
    assert not any("pak-pong-ju" in p for p in at[chongjin])


def test_the_rally_without_similar_ones_is_the_one_before(known: Known) -> None:
    text = (
        "A Pyongyang mass rally took place at Kim Il Sung Square yesterday.\n\n"
        "At the rally in Pyongyang, Pak Pong Ju, premier of the Cabinet, made a speech.\n"
    )
    _, drafted = _read(text, known, "2017-09-24")
    assert _days(drafted, "ceremony") == ["2017-09-23"]


def test_a_day_in_quoted_speech_is_not_the_narratives(known: Known) -> None:
    text = (
        "A mass rally was held in Pyongyang on Friday. \"On 3 September we showed our might,\" "
        "one speaker said.\n\n"
        "The rally was followed by similar rallies in provincial seats on the same day.\n"
    )
    _, drafted = _read(text, known, "2017-09-30")
    assert "2017-09-03" not in _days(drafted, "ceremony")


def test_a_title_in_what_a_speaker_said_is_of_the_occasions_day(known: Known) -> None:
    text = (
        "A national meeting took place in Pyongyang on Monday.\n\n"
        "Choe Ryong Hae made a report. He said that the country had grown strong under Kim "
        "Jong Un, chairman of the State Affairs Commission.\n"
    )
    _, drafted = _read(text, known, "2019-09-11")
    assert _as_of(drafted, "kim-jong-un") == {"2019-09-09"}


def test_a_title_that_speaks_of_the_present_is_of_the_article(known: Known) -> None:
    text = (
        "A national meeting took place in Pyongyang on Monday, state media reported.\n\n"
        "Pak Pong Ju, his predecessor, remains a vice-chairman of the State Affairs "
        "Commission.\n"
    )
    _, drafted = _read(text, known, "2019-09-11")
    assert _as_of(drafted, "pak-pong-ju") == {"2019-09-11"}


def test_a_reports_headline_opens_its_section_and_is_no_occasion(known: Known) -> None:
    text = (
        "Leader Visits Bier\n\n"
        "Pyongyang, March 3 (KCNA) -- Kim Jong Il visited the bier of Kim Kwang Jin yesterday. "
        "He was accompanied by Pak Pong Ju, premier of the Cabinet.\n\n"
        "Funeral Held\n\n"
        "Pyongyang, March 5 (KCNA) -- The funeral of Kim Kwang Jin took place in Pyongyang "
        "today.\n"
    )
    _, drafted = _read(text, known, "2005-03-05")
    # "Funeral Held" is the third item's headline, not a funeral of the second item's day
    assert "2005-03-02" not in _days(drafted, "ceremony")
    assert _as_of(drafted, "pak-pong-ju") == {"2005-03-02"}


def test_the_day_deputies_were_elected_is_background(known: Known) -> None:
    text = (
        "The session was held in Pyongyang on April 9.\n\n"
        "It confirmed the credentials of the deputies elected on March 10.\n\n"
        "That evening a banquet was given in honour of the session. Pak Pong Ju, premier of "
        "the Cabinet, proposed a toast.\n"
    )
    _, drafted = _read(text, known, "2009-04-12")
    assert "2009-03-10" not in _days(drafted, "ceremony")
    assert "2009-03-10" not in _as_of(drafted, "pak-pong-ju")


def test_an_arrival_greeted_after_the_guests_party_is_an_occasion(known: Known) -> None:
    text = (
        "Pyongyang, July 9 (KCNA) -- Tran Duc Luong, president of Viet Nam, arrived here today. "
        "He was accompanied by Nguyen Dy Nien, foreign minister, and other members of his "
        "party. He was greeted at the airport by Kim Yong Nam.\n"
    )
    _, drafted = _read(text, known, "2002-07-09")
    assert _days(drafted, "ceremony") == ["2002-07-09"]


def test_a_wire_headline_before_its_dateline_states_no_fact(known: Known) -> None:
    text = (
        "Lao leader arrives in Pyongyang\n\n"
        "SEOUL, May 2, 2017 (AFP) - Lao President Bounnhang Vorachith arrived in Pyongyang "
        "yesterday, state media said.\n\n"
        "He was welcomed at the airport by Choe Ryong Hae, the KCNA said.\n\n"
        "Kim Jong Un meets Lao leader\n\n"
        "SEOUL, May 4, 2017 (AFP) - North Korean leader Kim Jong Un held talks with Bounnhang "
        "Vorachith in Pyongyang on Wednesday, state media reported Thursday.\n"
    )
    _, drafted = _read(text, known, "2017-05-04")
    (arrival,) = [k for k, e in events(drafted).items() if iso(e.get("date")) == "2017-05-01"]
    # "Kim Jong Un meets Lao leader" is the second story's headline: he was not at the arrival
    assert "kim-jong-un" not in attended(drafted).get(arrival, {})


def test_a_short_line_not_before_a_dateline_keeps_its_facts(known: Known) -> None:
    text = (
        "SEOUL, May 5 (Yonhap) -- North Korean leader Kim Jong Un inspected a farm on "
        "Friday, state media said.\n\n"
        "He was accompanied by Pak Pong Ju, premier of the Cabinet\n\n"
        "The farm grows rice.\n"
    )
    _, drafted = _read(text, known, "2017-05-05")
    assert _as_of(drafted, "pak-pong-ju")
