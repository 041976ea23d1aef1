"""The dates of holdings drafted from text (issue 15, "Dates"), one class of sentence per group
of tests: a title in the report of an event is as of the day of the event; changes at a meeting
take its decision day; careers in running text; years left to the context; a holding that ends
at a meeting and started earlier. Short synthetic texts that vary the wording, read against
tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
KCNA = "Pyongyang, {} (KCNA) -- "


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


Dated = dict[tuple[str, str, str], set[tuple[Any, ...]]]


def dated(text: str, known: Known, date: str, kind: str = "news") -> Dated:
    """(person, role, organ) -> {(start, end, as_of, date_basis)} of every membership drafted
    (organs not in the records by their draft id)."""
    _, drafted = read_text(text, known=known, date=date, article_type=kind)
    out: Dated = {}
    for d in drafted.drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            key = (r["person"], r["role"], r["organ"])
            out.setdefault(key, set()).add(
                (_iso(r.get("start")), _iso(r.get("end")), _iso(r.get("as_of")),
                 d.fact.get("date_basis"))
            )  # fmt: skip
    return out


def dates_of(got: Dated, person: str, role: str, organ: str) -> set[tuple[Any, ...]]:
    """The (start, end, as_of) of one holding, without the basis."""
    assert (person, role, organ) in got, sorted(got)
    return {d[:3] for d in got[(person, role, organ)]}


# -- 1. a title beside a name in the report of an event: as of the event's day --------------------


def test_speakers_on_a_numbered_day_of_a_congress(known: Known) -> None:
    text = (
        "Text of a report by Korean Central Television.\n\n"
        "The Seventh Congress of the Workers' Party of Korea, held from 6 to 9 May 2016, "
        "concluded its work yesterday.\n\n"
        "On the third day, the congress discussed the report. Speakers included Pak Pong Ju, "
        "premier of the Cabinet, and Hwang Pyong So, director of the General Political Bureau "
        "of the Korean People's Army."
    )
    got = dated(text, known, "2016-05-10")
    assert dates_of(got, "pak-pong-ju", "chairman", "cabinet") == {(None, None, "2016-05-08")}
    assert dates_of(got, "hwang-pyong-so", "director", "kpa-gpb") == {(None, None, "2016-05-08")}


def test_presided_over_by_at_a_meeting_dated_before_the_article(known: Known) -> None:
    text = (
        "SEOUL, Oct. 9 -- A meeting of the Pyongyang City Party Committee was held on 22 "
        "September, state media said. It was presided over by Kim Tok Hun, member of the "
        "Presidium of the Political Bureau of the WPK Central Committee."
    )
    got = dated(text, known, "1997-10-09", kind="analysis")
    assert dates_of(got, "kim-tok-hun", "member", "wpk-pb-presidium") == {
        (None, None, "1997-09-22")
    }


def test_on_the_platform_on_the_second_day(known: Known) -> None:
    text = (
        "The 5th Session of the 14th Supreme People's Assembly, which opened on 28 September, "
        "closed on 29 September after a two-day session, state media said.\n\n"
        "The session heard a report on the first day. Present on the platform on the second "
        "day were Choe Ryong Hae, chairman of the Standing Committee of the SPA, and Kim Tok "
        "Hun, premier of the Cabinet."
    )
    got = dated(text, known, "2021-09-30", kind="analysis")
    assert dates_of(got, "kim-tok-hun", "chairman", "cabinet") == {(None, None, "2021-09-29")}


def test_a_day_of_something_else_in_the_sentence_naming_the_event(known: Known) -> None:
    text = (
        KCNA.format("September 10")
        + "A grand banquet was given in Pyongyang on 10 September in celebration of the success "
        "of the test, which was carried out on September 3.\n\n"
        "Present there were Choe Ryong Hae, vice-chairman of the WPK Central Committee, and Pak "
        "Pong Ju, premier of the Cabinet."
    )
    got = dated(text, known, "2017-09-10")
    assert dates_of(got, "pak-pong-ju", "chairman", "cabinet") == {(None, None, "2017-09-10")}
    assert dates_of(got, "choe-ryong-hae", "vice-chairman", "wpk-cc") == {
        (None, None, "2017-09-10")
    }


def test_a_title_with_no_dated_event_is_as_of_the_article(known: Known) -> None:
    text = (
        "Analysts in Seoul said on Tuesday that the economy is slowing. Pak Pong Ju, premier of "
        "the Cabinet, is expected to report on it."
    )
    got = dated(text, known, "2016-05-10", kind="analysis")
    assert dates_of(got, "pak-pong-ju", "chairman", "cabinet") == {(None, None, "2016-05-10")}


# -- 2. elections and appointments at a meeting: its decision day --------------------------------


def test_elections_on_a_numbered_day_named_before(known: Known) -> None:
    text = (
        KCNA.format("September 30")
        + "The session of the Supreme People's Assembly, which opened on 28 September, closed "
        "on 29 September.\n\nOn the first day, Choe Ryong Hae opened the session.\n\n"
        "The session, on its second day, dealt with organizational matters.\n\n"
        "The session elected Kim Tok Hun vice-president of the State Affairs Commission. "
        "Jo Yong Won and Kim Yo Jong were elected members of the State Affairs Commission."
    )
    got = dated(text, known, "2021-09-30")
    assert dates_of(got, "kim-tok-hun", "vice-chairman", "sac") == {("2021-09-29", None, None)}
    assert dates_of(got, "kim-yo-jong", "member", "sac") == {("2021-09-29", None, None)}


def test_elections_on_the_fourth_day_not_the_opening_day(known: Known) -> None:
    text = (
        "Text of a report by Korean Central Television.\n\n"
        "The Seventh Congress of the Workers' Party of Korea, which opened on 6 May, "
        "concluded its work yesterday.\n\n"
        "On the fourth day of the congress, the election of the central leadership organs was "
        "discussed.\n\nThe congress elected Kim Jong Un, Choe Ryong Hae and Pak Pong Ju members "
        "of the Central Committee."
    )
    got = dated(text, known, "2016-05-10")
    assert dates_of(got, "choe-ryong-hae", "member", "wpk-cc") == {("2016-05-09", None, None)}


def test_changes_a_later_sentence_says_were_made_at_a_meeting(known: Known) -> None:
    text = (
        "Seoul (AFP) - North Korea has replaced its premier, state media said Saturday.\n\n"
        "Pak Thae Song was appointed premier of the cabinet, replacing Kim Tok Hun, who had held "
        "the post since August 2020.\n\n"
        "Kim Yo Jong was named a member of the party's Central Military Commission.\n\n"
        "The changes were made at the 11th Plenary Meeting of the 8th Central Committee of the "
        "Workers' Party of Korea, held from Monday to Friday in Pyongyang."
    )
    got = dated(text, known, "2024-12-28", kind="news")
    assert dates_of(got, "kim-tok-hun", "chairman", "cabinet") == {("2020-08", "2024-12-27", None)}
    assert dates_of(got, "kim-yo-jong", "member", "wpk-cmc") == {("2024-12-27", None, None)}


def test_the_meeting_elected_without_a_date_takes_its_last_day(known: Known) -> None:
    text = (
        "The enlarged plenary meeting of the WPK Central Committee was held from 26 to 31 "
        "December 2022, state media said.\n\nThe meeting also elected Jo Yong Won a member of the "
        "Central Military Commission and recalled Pak Pong Ju from the Political Bureau."
    )
    got = dated(text, known, "2023-01-01", kind="analysis")
    assert dates_of(got, "jo-yong-won", "member", "wpk-cmc") == {("2022-12-31", None, None)}
    assert dates_of(got, "pak-pong-ju", "member", "wpk-pb") == {(None, "2022-12-31", None)}


def test_at_the_same_session_named_before(known: Known) -> None:
    text = (
        "The change comes less than a month after the 1st Session of the 13th Supreme People's "
        "Assembly, held on 9 April, at which Choe Ryong Hae was elected a vice-chairman of the "
        "National Defence Commission. A meeting of the Political Bureau was held on 1 May. "
        "At the same session Kim Jong Un was re-elected chairman of the "
        "National Defence Commission, while Pak Pong Ju remained premier of the Cabinet."
    )
    got = dated(text, known, "2014-05-03", kind="analysis")
    assert dates_of(got, "kim-jong-un", "chairman", "ndc") == {("2014-04-09", None, None)}
    assert dates_of(got, "pak-pong-ju", "chairman", "cabinet") == {(None, None, "2014-04-09")}


# -- 5. a holding that ends at a meeting and started earlier: both ends ------------------------


def test_released_from_a_post_he_had_held_since(known: Known) -> None:
    text = (
        KCNA.format("September 5")
        + "The first session of the 10th Supreme People's Assembly was held on 5 September 1998."
        "\n\nKim Yong Nam was released from the post of minister of Foreign Affairs, which he "
        "had held since December 1983, and Pak Pong Ju was appointed minister of Foreign Affairs."
    )
    got = dated(text, known, "1998-09-05")
    assert dates_of(got, "kim-yong-nam", "chairman", "mfa") == {("1983-12", "1998-09-05", None)}
    assert dates_of(got, "pak-pong-ju", "chairman", "mfa") == {("1998-09-05", None, None)}


def test_relieved_as_director_which_post_she_had_held_since(known: Known) -> None:
    text = (
        KCNA.format("February 12")
        + "The plenary meeting of the WPK Central Committee closed on 11 February.\n\n"
        "Kim Yo Jong was relieved as director of the Organization and Guidance Department of "
        "the C.C., which post she had held since January, and Jo Yong Won was appointed to it."
    )
    got = dated(text, known, "2021-02-12")
    assert dates_of(got, "kim-yo-jong", "director", "wpk-ogd") == {("2021-01", "2021-02-11", None)}


def test_replaced_someone_who_had_been_appointed_in(known: Known) -> None:
    text = (
        KCNA.format("September 30")
        + "The session of the Supreme People's Assembly closed on 29 September.\n\n"
        "Jo Yong Won was appointed chairman of the State Planning Commission to replace Kim "
        "Tok Hun, who had been appointed in January 2021."
    )
    got = dated(text, known, "2021-09-30")
    assert dates_of(got, "kim-tok-hun", "chairman", "state-planning-commission") == {
        ("2021-01", "2021-09-29", None)
    }
    assert dates_of(got, "jo-yong-won", "chairman", "state-planning-commission") == {
        ("2021-09-29", None, None)
    }


# -- 4. a month or day without a year: the latest one not after the article's date -------------


def _year_less(text: str, known: Known, date: str, phrase: str) -> str | None:
    reading, _ = read_text(text, known=known, date=date, article_type="analysis")
    found = [d for d in reading.dates if phrase in d.text and d.date is not None]
    assert found, [d.text for d in reading.dates]
    return found[0].date.iso if found[0].date else None


def test_a_month_ahead_of_the_article_is_of_the_year_before(known: Known) -> None:
    text = (
        "Seoul, Jan. 1 -- Pak Pong Ju was relieved as vice chairman of the Central Military "
        "Commission. Jo Yong Won was elected a member of the Presidium of the Political Bureau "
        "in June."
    )
    got = dated(text, known, "2023-01-01", kind="analysis")
    assert dates_of(got, "jo-yong-won", "member", "wpk-pb-presidium") == {("2022-06", None, None)}
    assert _year_less(text, known, "2023-01-01", "June") == "2022-06"


def test_a_day_months_after_the_article_in_a_report_of_the_past(known: Known) -> None:
    text = "Choe Ryong Hae visited the factory on 20 October, state media said in March."
    assert _year_less(text, known, "2021-03-15", "20 October") == "2020-10-20"


def test_a_month_of_the_future_stays_ahead(known: Known) -> None:
    for text in (
        "The plenary meeting decided to convene the next plenary meeting in late June.",
        "The Supreme People's Assembly will hold its session in September.",
    ):
        got = _year_less(text, known, "2021-02-12", "June" if "June" in text else "September")
        assert got in ("2021-06", "2021-09"), (text, got)


def test_a_month_before_the_article_and_the_day_after_it_stay(known: Known) -> None:
    text = "The Eighth Party Congress was held in January. A parade took place on 14 January."
    assert _year_less(text, known, "2021-01-13", "January") == "2021-01"
    assert _year_less(text, known, "2021-01-13", "14 January") == "2021-01-14"


# -- 3. careers in running text: the dates at the precision printed ----------------------------


def test_a_period_opening_a_later_clause(known: Known) -> None:
    for text in (
        "Choe Ryong Hae served as chief of the General Staff of the KPA from 1968 to 1976, and "
        "between 1969 and 1973 he was also director of the KPA General Political Bureau.",
        "Choe Ryong Hae was premier of the Cabinet from 1968 to 1976; from 1969 to 1973 he was "
        "also director of the KPA General Political Bureau.",
    ):
        got = dated(text, known, "2025-02-10", kind="analysis")
        assert dates_of(got, "choe-ryong-hae", "director", "kpa-gpb") == {("1969", "1973", None)}


def test_from_a_year_until_his_dismissal_in_another(known: Known) -> None:
    for text, holding, first, last in (
        ("His son Choe Ryong Hae, a KPA general, served as director of the General Political "
         "Bureau of the KPA from 2010 until his dismissal in 2019.",
         ("choe-ryong-hae", "director", "kpa-gpb"), "2010", "2019"),
        ("Kim Yong Chol was director of the United Front Department of the WPK Central "
         "Committee from March 2016 until his removal in April 2019.",
         ("kim-yong-chol", "director", "wpk-ufd"), "2016-03", "2019-04"),
    ):  # fmt: skip
        got = dated(text, known, "2025-02-10", kind="analysis")
        assert dates_of(got, *holding) == {(first, last, None)}, text
