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
