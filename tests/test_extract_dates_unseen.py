"""Dates on texts the extractor was not tuned on (issue 15, events with the right date, holding
dates right), one class of sentence per group: wire copy dated by weekdays and reported days;
periods of holdings; multi-day meetings and summits; encyclopedia events at month precision;
KCNA appearances dated by the dateline and a relative day. Short synthetic sentences that vary
the wording, read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def _read(text: str, known: Known, date: str, kind: str = "news") -> Any:
    return read_text(text, known=known, date=date, article_type=kind)[1]


def holdings(text: str, known: Known, date: str, kind: str = "news") -> dict[Any, set[Any]]:
    """(person, role, organ) -> {(start, end, as_of, date_basis)} of every membership drafted."""
    out: dict[Any, set[Any]] = {}
    for d in _read(text, known, date, kind).drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out.setdefault((r["person"], r["role"], r["organ"]), set()).add(
                (_iso(r.get("start")), _iso(r.get("end")), _iso(r.get("as_of")),
                 d.fact.get("date_basis"))
            )  # fmt: skip
    return out


def event_days(text: str, known: Known, date: str, kind: str = "news") -> set[Any]:
    """{(type, date, end)} of the events drafted."""
    return {
        (d.record.get("type"), _iso(d.record.get("date")), _iso(d.record.get("end")))
        for d in _read(text, known, date, kind).drafts
        if d.kind == "event" and d.record.get("type") != "series"
    }


# -- 1. wire copy: a reported day, "the previous day", a weekday of the title's own sentence ----


def test_a_meeting_the_previous_day_of_a_day_state_media_reported(known: Known) -> None:
    text = (
        "SEOUL, South Korea (AP) — North Korea has a new army chief.\n\n"
        "State media said last Friday that Ri Yong Gil had been appointed chief of the general "
        "staff of the Korean People's Army at a meeting of the party's Central Military "
        "Commission the previous day."
    )
    got = holdings(text, known, "2024-01-16")  # a Tuesday: last Friday is 12 January
    key = ("ri-yong-gil", "chairman", "kpa-general-staff")
    assert {d[:3] for d in got[key]} == {("2024-01-11", None, None)}
    assert ("meeting", "2024-01-11", None) in event_days(text, known, "2024-01-16")


def test_relieved_at_a_meeting_the_day_before_kcna_reported_it(known: Known) -> None:
    text = (
        "TOKYO (Kyodo) -- North Korea has replaced its premier.\n\n"
        "KCNA reported on Sunday that Kim Tok Hun had been relieved as premier of the Cabinet "
        "at an enlarged meeting of the Political Bureau the day before."
    )
    got = holdings(text, known, "2020-08-18")  # Tuesday; Sunday is 16 August
    assert {d[:3] for d in got[("kim-tok-hun", "chairman", "cabinet")]} == {
        (None, "2020-08-15", None)
    }


def test_a_title_is_as_of_the_weekday_of_its_own_sentence(known: Known) -> None:
    text = (
        "SEOUL (Yonhap) -- The Supreme People's Assembly opened its session in Pyongyang on "
        "Monday.\n\n"
        "Choe Son Hui, the foreign minister, left Pyongyang on Sunday, the day before the "
        "session opened, for talks in Moscow, KCNA said."
    )
    got = holdings(text, known, "2024-01-16")
    assert got[("choe-son-hui", "chairman", "mfa")] == {(None, None, "2024-01-14", "weekday")}


def test_an_event_this_month_and_a_change_earlier_this_month(known: Known) -> None:
    text = (
        "NK Leadership Watch\n\n"
        "Kim Tok Hun kept the premiership at the 8th Party Congress this month. Earlier this "
        "month, Jo Yong Won was elected a member of the Presidium of the Political Bureau."
    )
    assert ("congress", "2021-01", None) in event_days(text, known, "2021-01-21", "analysis")
    got = holdings(text, known, "2021-01-21", "analysis")
    assert {d[:3] for d in got[("jo-yong-won", "member", "wpk-pb-presidium")]} == {
        ("2021-01", None, None)
    }


def test_an_undated_change_is_as_of_the_day_state_media_reported_it(known: Known) -> None:
    text = (
        "SEOUL (AP) -- North Korea has a new premier.\n\n"
        "Pak Thae Song was appointed premier of the Cabinet, state media said on Monday."
    )
    got = holdings(text, known, "2024-01-16")  # a Tuesday
    assert got[("pak-thae-song", "chairman", "cabinet")] == {(None, None, "2024-01-15", "article")}


def test_a_meeting_last_week_is_of_its_month_when_the_week_is_in_one(known: Known) -> None:
    text = (
        "SEOUL (AP) -- News.\n\n"
        "At a meeting of the Political Bureau last week, Pak Thae Song was appointed premier."
    )
    assert event_days(text, known, "2024-01-16") == {("meeting", "2024-01", None)}
    # the week before 6 December 2023, 27 November to 3 December, spans two months: no date
    assert event_days(text, known, "2023-12-06") <= {("meeting", None, None)}


# -- 2. periods of holdings --------------------------------------------------------------------


def test_had_already_served_from_until_his_dismissal(known: Known) -> None:
    text = (
        "Profile\n\n"
        "Pak Pong Ju had already served as premier from 2003 to 2007, until his dismissal in "
        "April 2007."
    )
    got = holdings(text, known, "2021-01-21", "analysis")
    assert {d[:2] for d in got[("pak-pong-ju", "chairman", "cabinet")]} == {("2003", "2007-04")}


def test_since_a_month_and_between_two_years(known: Known) -> None:
    text = (
        "Profile\n\n"
        "Choe Ryong Hae has been president of the Presidium of the Supreme People's Assembly "
        "since April 2019. He was director of the KPA General Political Bureau between 2012 and "
        "2014."
    )
    got = holdings(text, known, "2021-01-21", "analysis")
    assert {d[:3] for d in got[("choe-ryong-hae", "chairman", "spa-presidium")]} == {
        ("2019-04", None, None)
    }
    assert {d[:3] for d in got[("choe-ryong-hae", "director", "kpa-gpb")]} == {
        ("2012", "2014", None)
    }


def test_an_organ_led_by_several_each_over_the_period_beside_the_name(known: Known) -> None:
    text = (
        "Analysis\n\n"
        "The Ministry of Foreign Affairs was led by Paek Nam Sun (1998-2007) and Pak Ui Chun "
        "(2007–2014), and then by Ri Su Yong (2014-16)."
    )
    got = holdings(text, known, "2021-01-21", "analysis")
    periods = {k[0]: {d[:3] for d in v} for k, v in got.items() if k[1:] == ("chairman", "mfa")}
    assert periods == {
        "paek-nam-sun": {("1998", "2007", None)},
        "pak-ui-chun": {("2007", "2014", None)},
        "ri-su-yong": {("2014", "2016", None)},
    }


def test_a_past_holding_an_encyclopedia_does_not_date_is_not_as_of_the_article(
    known: Known,
) -> None:
    text = (
        "Kim Chang Bong\n\n"
        "Pak Pong Ju was a North Korean politician who served as premier of the Cabinet in the "
        "2000s."
    )
    got = holdings(text, known, "2025-03-02", "report")
    assert all(d[2] is None for d in got.get(("pak-pong-ju", "chairman", "cabinet"), set()))


# -- 3. multi-day meetings and summits ---------------------------------------------------------


def test_a_five_day_plenary_meeting_that_ended_saturday(known: Known) -> None:
    text = (
        "NK News\n\n"
        "North Korea replaced its defense minister at the five-day plenary meeting of the "
        "ruling party's Central Committee that ended Saturday, state media reported on Sunday. "
        "The meeting relieved Kang Sun Nam as minister of national defense."
    )
    assert ("plenary-meeting", "2023-12-26", "2023-12-30") in event_days(text, known, "2024-01-02")
    got = holdings(text, known, "2024-01-02")
    (key,) = [k for k in got if k[0] == "kang-sun-nam"]
    assert {d[:3] for d in got[key]} == {(None, "2023-12-30", None)}


def test_a_three_day_session_that_closed_on_thursday(known: Known) -> None:
    text = (
        "SEOUL (Yonhap) -- North Korea's parliament wrapped up its work.\n\n"
        "The three-day session of the Supreme People's Assembly that closed on Thursday "
        "adopted a law on the state border."
    )
    assert ("session", "2023-09-26", "2023-09-28") in event_days(text, known, "2023-09-29")


def test_summits_with_a_leader_dated_by_days_and_a_range(known: Known) -> None:
    text = (
        "NK News\n\n"
        "His summit with Vladimir Putin at the Vostochny Cosmodrome on Sept. 13 was the high "
        "point of the year. Months earlier, analysts had recalled his summit with Donald Trump "
        "in Hanoi, held on Feb 27 and 28, 2019."
    )
    days = event_days(text, known, "2024-01-02")
    assert ("meeting", "2023-09-13", None) in days
    assert ("meeting", "2019-02-27", "2019-02-28") in days


def test_a_summit_that_collapsed_on_a_range_of_days(known: Known) -> None:
    text = (
        "Analysis\n\n"
        "Kim's summit with Donald Trump in Hanoi collapsed on Feb. 27-28, 2019, without a deal."
    )
    assert ("meeting", "2019-02-27", "2019-02-28") in event_days(text, known, "2019-06-01")


# -- 4. encyclopedia events at the precision printed --------------------------------------------


def test_an_enlarged_meeting_in_a_month_of_a_year(known: Known) -> None:
    text = (
        "Kim Chang Bong\n\n"
        "At an enlarged meeting of the Political Bureau in June 1967, Kim Chang Bong spoke "
        "against their line."
    )
    assert ("meeting", "1967-06", None) in event_days(text, known, "2025-03-02", "report")


def test_a_meeting_of_the_presidium_held_in_a_month(known: Known) -> None:
    text = (
        "Biography\n\n"
        "A meeting of the Presidium of the Political Bureau, held in March 2013, relieved "
        "Pak Pong Ju as premier of the Cabinet."
    )
    assert ("meeting", "2013-03", None) in event_days(text, known, "2025-03-02", "report")


def test_a_meeting_to_be_convened_in_a_month_is_not_held(known: Known) -> None:
    text = (
        "Analysis\n\n"
        "The party plans a meeting of the Political Bureau in June 2026, sources said."
    )
    assert not any(t == "meeting" for t, _, _ in event_days(text, known, "2026-03-02"))


# -- 5. KCNA appearances: the lead's weekday and a day relative to it --------------------------


def test_those_accompanying_an_inspection_on_a_weekday(known: Known) -> None:
    text = (
        "Kim Jong Un Inspects Machine Complex\n\n"
        "Pyongyang, May 5 (KCNA) -- Kim Jong Un inspected the Ryongsong Machine Complex on "
        "Thursday.\n\n"
        "He was accompanied by Jo Yong Won, member of the Presidium of the Political Bureau."
    )
    got = holdings(text, known, "2023-05-05")
    assert {d[:3] for d in got[("jo-yong-won", "member", "wpk-pb-presidium")]} == {
        (None, None, "2023-05-04")
    }


def test_the_day_before_the_lead_s_weekday(known: Known) -> None:
    text = (
        "Kim Jong Un Watches Drill\n\n"
        "Pyongyang, May 5 (KCNA) -- Kim Jong Un looked round a munitions factory on Thursday.\n\n"
        "The day before, he watched a firing drill together with Ri Pyong Chol, vice-chairman "
        "of the Central Military Commission of the WPK."
    )
    got = holdings(text, known, "2023-05-05")
    assert {d[:3] for d in got[("ri-pyong-chol", "vice-chairman", "wpk-cmc")]} == {
        (None, None, "2023-05-03")
    }
