"""Dating by the occasion in wire copy (issue 15, class L of the unseen texts): a weekday in a
relative or participial clause ("who left Pyongyang on Wednesday", "after leaving Pyongyang on
Sunday") dates that clause's act, not the main clause's occasion; a counted occasion ("two
rounds of talks", "about 90 minutes of talks") is an occasion held, dated by a pair of weekdays
("on Wednesday and Thursday") as a range. Short synthetic texts varying names, organs, outlets
and word order, with near misses. Read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from kwpld.ingest import Known
from tests.test_extract_dates_unseen import event_days, holdings


def _as_of(got: dict[object, set[object]], key: tuple[str, str, str]) -> set[object]:
    return {d[2] for d in got[key]}


# -- 1. a day in a subordinate clause does not date the main clause -----------------------------


def test_a_relative_clause_s_weekday_does_not_date_the_title(known: Known) -> None:
    text = (
        "SEOUL, Jan. 19 (Yonhap) -- North Korea's Vice Foreign Minister Choe Son Hui, who left "
        "Pyongyang on Wednesday, arrived in Stockholm on Friday for a conference."
    )
    got = holdings(text, known, "2019-01-19")  # a Saturday: Friday is 18, Wednesday 16
    assert _as_of(got, ("choe-son-hui", "vice-chairman", "mfa")) == {"2019-01-18"}


def test_a_participial_clause_s_weekday_does_not_date_the_title(known: Known) -> None:
    text = (
        "TOKYO, Sept 14 Kyodo - Kim Yong Chol, director of the United Front Department of the "
        "WPK Central Committee, reached Vladivostok on Wednesday after leaving Pyongyang on "
        "Monday."
    )
    got = holdings(text, known, "2023-09-14")  # a Thursday: Wednesday 13, Monday 11
    assert _as_of(got, ("kim-yong-chol", "director", "wpk-ufd")) == {"2023-09-13"}


def test_the_only_weekday_in_a_relative_clause_still_dates_the_sentence(known: Known) -> None:
    # near miss: no other day is stated; the clause's is the sentence's only one
    text = (
        "SEOUL, Jan. 19 (Yonhap) -- Ri Son Gwon, who arrived on Thursday, met officials of the "
        "Ministry of Foreign Affairs, said Pak Pong Ju, Premier of the Cabinet, who came on "
        "Thursday too."
    )
    got = holdings(text, known, "2019-01-19")
    assert _as_of(got, ("pak-pong-ju", "chairman", "cabinet")) == {"2019-01-17"}


def test_a_weekday_of_the_dateline_s_own_day_is_that_day(known: Known) -> None:
    text = (
        "VLADIVOSTOK, Sept 13 (Reuters) - Choe Ryong Hae, president of the Presidium of the "
        "Supreme People's Assembly, toured a shipyard on Wednesday."
    )
    got = holdings(text, known, "2023-09-13")  # a Wednesday: that day, not a week before
    assert _as_of(got, ("choe-ryong-hae", "chairman", "spa-presidium")) == {"2023-09-13"}


# -- 2. counted talks: an occasion held, a pair of weekdays a range -----------------------------


def test_two_rounds_of_talks_on_two_weekdays_run_between_them(known: Known) -> None:
    text = (
        "MOSCOW, May 25 (AP) -- Kim Il Sung left Moscow by train on Friday after two rounds of "
        "talks with Soviet leader Konstantin Chernenko on Wednesday and Thursday."
    )
    assert ("meeting", "1984-05-23", "1984-05-24") in event_days(text, known, "1984-05-25")


def test_minutes_of_talks_on_a_weekday_are_an_occasion_of_that_day(known: Known) -> None:
    text = (
        "TOKYO, May 23 Kyodo - Prime Minister Junichiro Koizumi held about 90 minutes of talks "
        "with Kim Jong Il at the Taedonggang Guesthouse in Pyongyang on Saturday."
    )
    assert ("meeting", "2004-05-22", None) in event_days(text, known, "2004-05-23")


def test_rounds_of_talks_to_come_are_no_occasion(known: Known) -> None:
    # near miss: talks agreed for later
    text = (
        "SEOUL, March 3 (Yonhap) -- The two Koreas agreed to hold three rounds of talks in "
        "Kaesong on Friday, the unification ministry said."
    )
    assert not {e for e in event_days(text, known, "2021-03-03") if e[0] == "meeting"}


def test_rounds_of_talks_a_day_before_the_news_are_not_drafted_anew(known: Known) -> None:
    # near miss: background to the news ("a day after they held"), dated by another rule
    text = (
        "SEOUL, Oct. 4 (Yonhap) -- Roh Moo-hyun and Kim Jong-il signed a declaration on "
        "Thursday, a day after they held two rounds of talks at the guesthouse."
    )
    assert ("meeting", "2007-10-04", None) not in event_days(text, known, "2007-10-04")


# -- 3. diplomatic meetings in wire copy: the one met with his state's title ---------------------


def _attending(text: str, known: Known, date: str) -> set[tuple[str, str]]:
    from tests.test_extract_dates_unseen import _read

    return {
        (d.record["event"], d.record["ref"])
        for d in _read(text, known, date, "news").drafts
        if d.kind == "participation"
    }


def test_met_a_foreign_president_by_title_both_attend_a_dated_meeting(known: Known) -> None:
    text = (
        "SEOUL, Jan. 19 (Yonhap) -- Kim Yong Chol met U.S. President Donald Trump at the White "
        "House on Friday."
    )
    got = _attending(text, known, "2019-01-19")
    events = {e for e, _ in got}
    assert {p for _, p in got} >= {"kim-yong-chol", "donald-trump"} and len(events) == 1
    assert ("meeting", "2019-01-18", None) in event_days(text, known, "2019-01-19")


def test_met_with_a_foreign_minister_by_title(known: Known) -> None:
    text = (
        "MOSCOW, Nov. 20 (AP) -- On Tuesday, Choe Son Hui met with Russian Foreign Minister "
        "Sergei Lavrov in Moscow."
    )
    got = _attending(text, known, "2022-11-20")
    assert {p for _, p in got} >= {"choe-son-hui", "sergei-lavrov"}


def test_met_a_group_is_no_meeting_with_someone(known: Known) -> None:
    # near miss: the one met is no person
    text = (
        "SEOUL, Jan. 19 (Yonhap) -- Kim Yong Chol met the families of Korean War veterans in "
        "Pyongyang on Wednesday."
    )
    assert not any(e[0] == "meeting" for e in event_days(text, known, "2019-01-19"))


# -- 4. a term's change noted right after a titled name --------------------------------------


def test_a_note_relieved_in_a_year_ends_the_title(known: Known) -> None:
    text = (
        "SEOUL, June 11 (AFP) - Those who lost posts include Defence Minister Kim Jong Gwan "
        "(relieved in 2021) and Premier Kim Jae Ryong (replaced in August 2020)."
    )
    got = holdings(text, known, "2022-06-11")
    assert got[("kim-jong-gwan", "chairman", "mpaf")] == {(None, "2021", None, "sentence")}
    assert got[("kim-jae-ryong", "chairman", "cabinet")] == {(None, "2020-08", None, "sentence")}


def test_in_the_job_since_starts_the_title(known: Known) -> None:
    text = (
        "SEOUL, June 11 (AFP) - Premier Kim Tok Hun, in the job since August 2020, was not "
        "affected by the reshuffle."
    )
    got = holdings(text, known, "2022-06-11")
    assert got[("kim-tok-hun", "chairman", "cabinet")] == {("2020-08", None, None, "sentence")}


def test_a_note_without_a_change_keeps_the_day_of_the_sentence(known: Known) -> None:
    # near miss: a parenthesis that is no term's change
    text = "SEOUL, June 11 (AFP) - Premier Kim Tok Hun (pictured in 2021) spoke on Friday."
    got = holdings(text, known, "2022-06-11")
    assert {d[2] for d in got[("kim-tok-hun", "chairman", "cabinet")]} == {"2022-06-10"}
