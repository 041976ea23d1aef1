"""Dating by the occasion (issue 15, class E of the unseen texts): a holding printed in a
sentence about an occasion is as of the occasion's day, not the dateline's; a session dated by
its close and opened on a day a later sentence states runs between the two; "Six days later"
counts from the day the narrative was at; an event announced for later is not where the acts
of the next sentences happen; "The March 2013 Plenary Meeting of ..." is a meeting of its
organ. Short synthetic texts varying names, organs, outlets and word order, with near misses
that must keep the old date. Read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from kwpld.ingest import Known
from tests.test_extract_dates_unseen import event_days, holdings


def _as_of(got: dict[object, set[object]], key: tuple[str, str, str]) -> set[object]:
    return {d[2] for d in got[key]}


def _start(got: dict[object, set[object]], key: tuple[str, str, str]) -> set[object]:
    return {d[0] for d in got[key]}


# -- 1. a title in a later sentence of the paragraph that dates the occasion ----------------


def test_a_title_later_in_the_paragraph_takes_the_occasion_s_day(known: Known) -> None:
    text = (
        "Two meetings in one week\n\nAugust 25, 2020\n\n"
        "The first was an enlarged meeting of the Political Bureau of the WPK Central "
        "Committee, convened on August 13. Pak Pong Ju, vice-chairman of the WPK Central "
        "Committee, and Ri Pyong Chol, vice-chairman of the Central Military Commission, sat "
        "on either side of Kim."
    )
    got = holdings(text, known, "2020-08-25", "analysis")
    assert _as_of(got, ("pak-pong-ju", "vice-chairman", "wpk-cc")) == {"2020-08-13"}
    assert _as_of(got, ("ri-pyong-chol", "vice-chairman", "wpk-cmc")) == {"2020-08-13"}


def test_a_title_after_a_weekday_of_the_paragraph_in_wire_copy(known: Known) -> None:
    text = (
        "SEOUL, June 16 (Kyodo) -- The North's parliament met on Wednesday in Pyongyang. "
        "Choe Ryong Hae, president of the Presidium of the Supreme People's Assembly, was "
        "shown on the platform in photos released by state media."
    )
    got = holdings(text, known, "2023-06-16")  # a Friday: Wednesday is 14 June
    assert _as_of(got, ("choe-ryong-hae", "chairman", "spa-presidium")) == {"2023-06-14"}


def test_a_title_in_another_paragraph_keeps_the_article_date(known: Known) -> None:
    # near miss: the day was stated in an earlier paragraph, not in this one
    text = (
        "Analysis\n\nAugust 25, 2020\n\n"
        "The Political Bureau met on August 13.\n\n"
        "Pak Pong Ju, vice-chairman of the WPK Central Committee, remains the economic "
        "overseer."
    )
    got = holdings(text, known, "2020-08-25", "analysis")
    assert "2020-08-13" not in _as_of(got, ("pak-pong-ju", "vice-chairman", "wpk-cc"))


def test_a_title_after_a_day_to_come_keeps_the_article_date(known: Known) -> None:
    # near miss: the paragraph's day is of an occasion announced for later
    text = (
        "SEOUL, Dec. 20 (Yonhap) -- The plenary meeting will open on 26 December. Jo Yong "
        "Won, secretary of the WPK Central Committee, will deliver the report."
    )
    got = holdings(text, known, "2023-12-20")
    assert "2023-12-26" not in _as_of(got, ("jo-yong-won", "secretary", "wpk-cc"))


# -- 2. a session closed on a day, opened on one a later sentence states ---------------------


def test_a_session_closed_then_said_to_have_opened_earlier_runs_between(known: Known) -> None:
    text = (
        "The Seventh Session of the 14th Supreme People's Assembly of the DPRK closed at the "
        "Mansudae Assembly Hall on Thursday.\n\n"
        "The two-day session, which opened on 7 September, was attended by deputies."
    )
    assert ("session", "2022-09-07", "2022-09-08") in event_days(text, known, "2022-09-10")


def test_a_plenum_concluded_then_said_to_have_convened_earlier(known: Known) -> None:
    text = (
        "The 9th Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea "
        "concluded on 31 December 2023. The meeting, which convened on 26 December, heard a "
        "report by Kim Jong Un."
    )
    days = event_days(text, known, "2024-01-01")
    assert ("plenary-meeting", "2023-12-26", "2023-12-31") in days


def test_an_opening_long_before_is_another_occasion(known: Known) -> None:
    # near miss: an "opening" weeks before is no day of this one-day meeting
    text = (
        "The 9th Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea "
        "closed on 31 December 2023. The meeting, which opened on 2 October, was its last."
    )
    days = event_days(text, known, "2024-01-01")
    assert not any(d[0] == "plenary-meeting" and d[1] == "2023-10-02" for d in days)


# -- 3. "Six days later", "A week later": counted from the narrative's day --------------------


def test_a_plenum_n_days_later_is_dated_from_the_meeting_before(known: Known) -> None:
    text = (
        "Analysis\n\nAugust 25, 2020\n\n"
        "An enlarged meeting of the Political Bureau of the WPK Central Committee was held on "
        "August 13. Six days later, the 6th Plenary Meeting of the 7th Central Committee "
        "opened at the headquarters of the party Central Committee."
    )
    days = event_days(text, known, "2020-08-25", "analysis")
    assert ("plenary-meeting", "2020-08-19", None) in days


def test_a_week_earlier_counts_back(known: Known) -> None:
    text = (
        "PYONGYANG, May 20 (AP) -- The Central Military Commission of the WPK met on 18 May. "
        "A week earlier, an enlarged meeting of the Political Bureau of the WPK Central "
        "Committee was convened."
    )
    days = event_days(text, known, "2021-05-20")
    assert ("meeting", "2021-05-11", None) in days


def test_a_count_inside_a_sentence_dates_nothing(known: Known) -> None:
    # near miss: "three days later" not opening the sentence is no day of the meeting
    text = (
        "Analysis\n\nAugust 25, 2020\n\n"
        "The Political Bureau met on August 13. The 6th Plenary Meeting of the 7th Central "
        "Committee, which some expected three days later, opened at the party headquarters."
    )
    days = event_days(text, known, "2020-08-25", "analysis")
    assert ("plenary-meeting", "2020-08-16", None) not in days


# -- 4. an event announced for later is not where the next sentence's acts happen -------------


def test_an_election_after_a_congress_announced_is_the_plenum_s(known: Known) -> None:
    text = (
        "Analysis\n\nAugust 25, 2020\n\n"
        "The 6th Plenary Meeting of the 7th Central Committee was held on August 19. The "
        "plenum announced that the 8th Party Congress would be convened in January 2021. Kim "
        "Tok Hun was elected a member of the Presidium of the Political Bureau."
    )
    got = holdings(text, known, "2020-08-25", "analysis")
    assert _start(got, ("kim-tok-hun", "member", "wpk-pb-presidium")) == {"2020-08-19"}


def test_an_update_after_the_article_still_dates_its_acts(known: Known) -> None:
    # near miss: an occasion after the article's date told as done (an update) is one
    text = (
        "Obituary\n\n20 October 2023\n\n"
        "UPDATE (22 October 2023): Kim Jong Un visited the bier of Han Song Ryong on 21 October. "
        "He was accompanied by Jo Yong Won, secretary of the WPK Central Committee."
    )
    got = holdings(text, known, "2023-10-20", "analysis")
    assert _as_of(got, ("jo-yong-won", "secretary", "wpk-cc")) == {"2023-10-21"}


# -- 5. "The March 2013 Plenary Meeting of the Central Committee": a meeting of its organ -----


def test_a_plenary_meeting_named_by_its_month(known: Known) -> None:
    text = (
        "Pyongyang, April 1 (KCNA) -- The March 2013 Plenary Meeting of the Central Committee "
        "of the Workers' Party of Korea took place in Pyongyang on Sunday.\n\n"
        "Choe Yong Rim, premier of the Cabinet, spoke at the meeting.\n\n"
        "Pak Pong Ju was elected a member of the Political Bureau of the WPK Central Committee."
    )
    assert ("plenary-meeting", "2013-03-31", None) in event_days(text, known, "2013-04-01")
    got = holdings(text, known, "2013-04-01")
    assert _start(got, ("pak-pong-ju", "member", "wpk-pb")) == {"2013-03-31"}


def test_a_session_named_by_its_month_in_another_outlet(known: Known) -> None:
    text = (
        "SEOUL, Oct. 3 (Yonhap) -- The September 2022 enlarged meeting of the Political Bureau "
        "of the WPK Central Committee was held on Friday, state media said."
    )
    assert ("meeting", "2022-09-30", None) in event_days(text, known, "2022-10-03")


# -- 6. "..., a day after X had hosted a dinner": the clause's occasion is days before ----------


def test_an_occasion_a_day_after_which_the_sentence_s_day_is(known: Known) -> None:
    text = (
        "SEOUL, Feb. 12 (Kyodo) -- On Sunday evening, the two attended a performance of the "
        "Samjiyon Orchestra at the National Theater, a day after Cho Myoung Gyon, the "
        "unification minister, had hosted a dinner for the visitors."
    )
    days = event_days(text, known, "2018-02-12")
    assert ("ceremony", "2018-02-10", None) in days
    assert ("appearance", "2018-02-11", None) in days


def test_two_days_after_a_banquet_in_another_order(known: Known) -> None:
    text = (
        "Pyongyang, May 14 (KCNA) -- On 12 May the delegation toured the Mangyongdae "
        "Schoolchildren's Palace, two days after Pak Pong Ju, premier of the Cabinet, had "
        "given a banquet for the delegation."
    )
    assert ("ceremony", "2016-05-10", None) in event_days(text, known, "2016-05-14")


def test_a_day_after_a_named_occasion_without_a_clause_keeps_the_day(known: Known) -> None:
    # near miss: "a day after the talks," is no clause of its own occasion; the banquet that
    # follows is of the day stated
    text = (
        "SEOUL, April 27 (Yonhap) -- On Friday, a day after the talks, Kim hosted a banquet "
        "for the visiting delegation."
    )
    days = event_days(text, known, "2019-04-27")
    assert ("ceremony", "2019-04-26", None) in days
    assert ("ceremony", "2019-04-25", None) not in days


# -- 7. "director of a department of the Central Committee": no organ lent by the title before --


def test_a_director_of_an_unnamed_department_borrows_no_organ(known: Known) -> None:
    for text in (
        "Pyongyang, April 1 (KCNA) -- Kwak Pom Gi was elected a secretary of the WPK Central "
        "Committee and director of a department of the Central Committee.",
        "SEOUL, Aug. 21 (Yonhap) -- Kim Jae Ryong was elected a vice-chairman of the Central "
        "Committee of the WPK and named director of a department of the party Central Committee.",
    ):
        got = holdings(text, known, "2020-08-21")
        assert not any(k[1] == "director" and k[2] == "wpk-cc" for k in got), text


def test_a_director_of_a_named_department_after_a_secretary_keeps_it(known: Known) -> None:
    # near miss: the department is named, so the title is its director's
    text = (
        "Pyongyang, April 1 (KCNA) -- Kim Song Nam was elected a secretary of the WPK Central "
        "Committee and director of the International Department of the Central Committee."
    )
    got = holdings(text, known, "2021-04-01")
    assert any(k[1] == "director" and k[2] == "wpk-international" for k in got)


# -- 8. "The three-day session ... closed on 9 April": it opened two days before ---------------


def test_a_session_of_n_days_dated_by_its_close(known: Known) -> None:
    text = (
        "Pyongyang, April 12 (KCNA) -- The three-day session of the Supreme People's Assembly "
        "closed on 9 April."
    )
    assert ("session", "2022-04-07", "2022-04-09") in event_days(text, known, "2022-04-12")


def test_a_named_session_closed_then_called_the_n_day_session(known: Known) -> None:
    text = (
        "TOKYO, April 12 (Kyodo) -- The 6th Session of the 14th Supreme People's Assembly "
        "closed on Saturday. The three-day session elected Kim Tok Hun premier."
    )
    assert ("session", "2022-04-07", "2022-04-09") in event_days(text, known, "2022-04-12")
    got = holdings(text, known, "2022-04-12")
    assert _start(got, ("kim-tok-hun", "chairman", "cabinet")) == {"2022-04-09"}


def test_an_n_day_session_dated_by_its_opening_is_not_moved_back(known: Known) -> None:
    # near miss: the day given is the opening's, not the close's
    text = (
        "Pyongyang, April 8 (KCNA) -- The three-day session of the Supreme People's Assembly "
        "opened on 7 April."
    )
    days = event_days(text, known, "2022-04-08")
    assert not any(d[0] == "session" and d[1] == "2022-04-05" for d in days)


def test_a_conference_dated_by_its_close_then_its_period(known: Known) -> None:
    text = (
        "Pyongyang, October 13 (KCNA) -- The 3rd Conference of the Workers' Party of Korea "
        "closed on 12 October. The conference, held from 5 to 12 October, elected the Central "
        "Committee."
    )
    assert ("conference", "2023-10-05", "2023-10-12") in event_days(text, known, "2023-10-13")


def test_a_period_that_misses_the_day_dates_nothing(known: Known) -> None:
    # near miss: a period that does not hold the day the event was dated by is another's
    text = (
        "Pyongyang, October 13 (KCNA) -- The 3rd Conference of the Workers' Party of Korea "
        "closed on 12 October. The conference, held from 1 to 3 September in its first part, "
        "elected the Central Committee."
    )
    days = event_days(text, known, "2023-10-13")
    assert not any(d[0] == "conference" and d[1] == "2023-09-01" for d in days)


# -- 9. a year-less day of a month the sentence stated with its year ---------------------------


def test_a_year_less_day_takes_the_year_its_sentence_gave_the_month(known: Known) -> None:
    text = (
        "Analysis\n\nAugust 25, 2020\n\n"
        "Kim followed the same pattern in April 2019, when the Political Bureau of the WPK "
        "Central Committee met on April 9 and an enlarged meeting of the Central Military "
        "Commission of the WPK was held on April 10."
    )
    days = event_days(text, known, "2020-08-25", "analysis")
    assert any(d[1] == "2019-04-10" for d in days)
    assert not any(d[1] in ("2020-04-10", "2020-04-09") for d in days)


def test_a_month_after_since_lends_no_year(known: Known) -> None:
    # near miss: "since June 2012" bounds a term; "in late June" is of the article's year
    text = (
        "SEOUL, Aug. 31 (NK News) -- Kim, who had been vice premier since June 2012, was "
        "relieved after he slouched at a session of the Supreme People's Assembly in late June."
    )
    days = event_days(text, known, "2016-08-31")
    assert not any(d[0] == "session" and str(d[1]).startswith("2012") for d in days)


# -- 10. "A day after the meeting opened, ...", "... yesterday. X accompanied him." ------------


def test_a_day_after_an_occasion_the_narrative_dated(known: Known) -> None:
    text = (
        "SEOUL, June 15 (Kyodo) -- North Korea's ruling party opened a plenary meeting on "
        "Wednesday. A day after the meeting opened, Jo Yong Won, secretary of the WPK Central "
        "Committee, inspected a farm in South Phyongan Province."
    )
    got = holdings(text, known, "2023-06-15")
    assert _as_of(got, ("jo-yong-won", "secretary", "wpk-cc")) == {"2023-06-15"}


def test_a_day_after_an_occasion_its_clause_dates(known: Known) -> None:
    text = (
        "SEOUL, June 15 (AP) -- A day after the party plenum closed on Monday, Kim Tok Hun, "
        "premier of the Cabinet, toured a steel complex."
    )
    got = holdings(text, known, "2023-06-15")
    assert _as_of(got, ("kim-tok-hun", "chairman", "cabinet")) == {"2023-06-13"}


def test_two_days_earlier_on_a_weekday_keeps_the_weekday(known: Known) -> None:
    # near miss: "Two days earlier, on Monday," — the weekday is the sentence's own day
    text = (
        "SEOUL, June 15 (AP) -- Two days earlier, on Monday, Kim Tok Hun, premier of the "
        "Cabinet, toured a steel complex."
    )
    got = holdings(text, known, "2023-06-15")
    assert _as_of(got, ("kim-tok-hun", "chairman", "cabinet")) == {"2023-06-12"}


def test_those_accompanying_a_visit_of_yesterday(known: Known) -> None:
    text = (
        "Pyongyang, June 15 (KCNA) -- Kim Jong Un, general secretary of the WPK, visited the "
        "Pyongyang General Hospital yesterday. Jo Yong Won, secretary of the WPK Central "
        "Committee, accompanied him."
    )
    got = holdings(text, known, "2023-06-15")
    assert _as_of(got, ("jo-yong-won", "secretary", "wpk-cc")) == {"2023-06-14"}


def test_a_meeting_of_n_days_wrapped_up_on_a_weekday(known: Known) -> None:
    text = (
        "SEOUL, June 15 (Yonhap) -- North Korea wrapped up a four-day plenary meeting of the "
        "WPK Central Committee on Tuesday. Kim Tok Hun, premier of the Cabinet, was seen on "
        "the rostrum."
    )
    assert ("plenary-meeting", "2023-06-10", "2023-06-13") in event_days(text, known, "2023-06-15")
    got = holdings(text, known, "2023-06-15")
    assert _as_of(got, ("kim-tok-hun", "chairman", "cabinet")) == {"2023-06-13"}


def test_a_congress_closed_then_said_to_have_opened_in_the_pluperfect(known: Known) -> None:
    text = (
        "SEOUL, Jan. 14 (Yonhap) -- The 8th Congress of the Workers' Party of Korea closed on "
        "Tuesday. The congress had opened on Jan. 5."
    )
    assert ("congress", "2021-01-05", "2021-01-12") in event_days(text, known, "2021-01-14")
