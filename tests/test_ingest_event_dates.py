"""Dating named events from their context (issue 15, class AC): a chronology item's month or
bare year dates each event the item names; a date printed before the name ("the 10 October
parade", "The February 2019 summit", "the March 2013 Plenary Meeting of the WPK Central
Committee") or after it ("the 7th Congress of May 2016"); a day on a phrase that refers back
("At the plenum on 31 March"); days counted from another dated event ("It came one day after
...", "On the eve of the conference, ...", "the next day at the 7th Session ..."); a month or
a year "right after" / "ahead of" which an act is dated. Synthetic texts, other people and
years than the development texts, each rule with near misses that must not fire."""

from __future__ import annotations

from typing import Any

from facts_helpers import iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str, kind: str = "analysis") -> Drafted:
    media = "text/markdown" if text.lstrip().startswith(("#", "---")) else "text/plain"
    return read_text(text, known=known, date=date, article_type=kind, media_type=media)[1]


def events(text: str, known: Known, date: str = "2024-03-01") -> dict[str, tuple[Any, ...]]:
    """each name of every event drafted (not series) -> (type, date, end)."""
    out: dict[str, tuple[Any, ...]] = {}
    for d in _read(text, known, date).drafts:
        if d.kind == "event" and d.record.get("type") != "series":
            for n in d.record.get("names", []):
                name = n["text"] if isinstance(n, dict) else n
                out[name] = (d.record.get("type"), iso(d.record.get("date")),
                             iso(d.record.get("end")))  # fmt: skip
    return out


def dated(text: str, known: Known, name: str, date: str = "2024-03-01") -> Any:
    """The date of the event drafted under ``name`` (KeyError when there is none)."""
    return events(text, known, date)[name][1]


# -- 1. chronology items --------------------------------------------------------------------

_PROFILE = (
    "# Sim Chol Ho\n\n*Leadership reference. Revised 4 February 2022.*\n\n## Career\n\n"
    "- **May 2016:** elected an alternate member of the Central Committee at the 7th Congress of"
    " the WPK\n"
    "- **2014:** elected a deputy at the 1st session of the 13th SPA\n"
    "- **January 2021:** elected a member of the Central Committee at the 8th Congress of the WPK;"
    " appointed minister at the 4th session of the 14th SPA\n"
    "- **2019–2020:** attended sessions; spoke at the 3rd session of the 14th SPA\n"
    "- **12 April 2019:** elected at the 1st session of the 14th SPA, after the 4th plenary meeting"
    " of the 7th Central Committee\n"
)


def test_item_month_dates_its_event_may_is_a_month(known: Known) -> None:
    assert dated(_PROFILE, known, "7th Congress of the WPK") == "2016-05"


def test_item_bare_year_dates_its_event(known: Known) -> None:
    assert dated(_PROFILE, known, "1st session of the 13th SPA") == "2014"


def test_item_month_dates_two_events(known: Known) -> None:
    assert dated(_PROFILE, known, "8th Congress of the WPK") == "2021-01"
    assert dated(_PROFILE, known, "4th session of the 14th SPA") == "2021-01"


def test_item_span_and_day_near_misses(known: Known) -> None:
    got = events(_PROFILE, known)
    assert got["3rd session of the 14th SPA"][1] is None  # a span of years is a post's
    assert got["1st session of the 14th SPA"][1] == "2019-04-12"
    # a day is one meeting's: not the plenum the item names after "after"
    assert got["4th plenary meeting of the 7th Central Committee"][1] is None


def test_table_row_year(known: Known) -> None:
    text = ("# Seats\n\n| Year | Seat |\n| --- | --- |\n"
            "| 2009 | Elected a deputy at the 1st session of the 12th SPA |\n")  # fmt: skip
    assert dated(text, known, "1st session of the 12th SPA") == "2009"


# -- 2. a date next to the name ----------------------------------------------------------------


def test_date_before_an_occasion(known: Known) -> None:
    text = (
        "Ri appeared on the rostrum at the 25 April parade, beside the defence minister. The"
        " March 2017 summit in Beijing was cordial. Both men attended the June 12 meeting at the"
        " border.\n"
    )
    got = events(text, known, "2017-07-01")
    assert ("ceremony", "2017-04-25", None) in got.values()
    assert ("meeting", "2017-03", None) in got.values()
    assert ("meeting", "2017-06-12", None) in got.values()


def test_date_before_an_occasion_near_misses(known: Known) -> None:
    text = (
        "It was the first such visit since the 2011 summit. Crowds gathered at May Day Stadium"
        " for the mass games. He was not present at the parade.\n"
    )
    got = events(text, known, "2017-07-01")
    assert not any(v[1] == "2011" for v in got.values())


def test_party_meeting_named_by_its_month_and_its_day(known: Known) -> None:
    text = (
        "Kim Yong Gu Rises\n\nPosted by an analyst, 9 July 2015\n\nKCNA's report on the June 2015"
        " Plenary Meeting of the WPK Central Committee was brief. At the plenum on 27 June, Kim"
        " Yong Gu was elected an alternate member of the Political Bureau.\n"
    )
    got = events(text, known, "2015-07-09")
    assert got["June 2015 Plenary Meeting of the WPK Central Committee"] == (
        "plenary-meeting", "2015-06-27", None)  # fmt: skip


def test_report_day_and_month_alone_near_misses(known: Known) -> None:
    # "the January plenum" of no year: no event named by a date; a report's day is not the
    # plenum's ("reported on the plenum on 2 February": not after at/during)
    text = (
        "Analysts compared the reshuffle with the January plenum. KCNA reported on the June 2015"
        " plenary meeting of the party on 2 July.\n"
    )
    got = events(text, known, "2015-07-09")
    assert not any(v[1] == "2015-07-02" for v in got.values())
    assert not any(v[0] == "plenary-meeting" and v[1] and v[1].startswith("2015-01")
                   for v in got.values())  # fmt: skip


def test_date_after_of_ends_the_name(known: Known) -> None:
    text = "He compared it with the 6th Congress of October 1980 and its reshuffle.\n"
    got = events(text, known, "2019-07-05")
    assert got["6th Congress"][1] == "1980-10"
    assert not any("May" in n or "October" in n for n in got if not n.startswith("6th Congress"))


# -- 3. days counted from another event ----------------------------------------------------------


def test_one_day_after_a_named_event(known: Known) -> None:
    text = (
        "SEOUL, Sept. 12 (Yonhap) -- The 5th session of the 13th Supreme People's Assembly, held"
        " in Pyongyang on Sept. 8 and 9, adopted a law. It came one day after the 12th Plenary"
        " Meeting of the 6th Central Committee, which set the agenda.\n"
    )
    got = events(text, known, "2014-09-12")
    assert got["12th Plenary Meeting of the 6th Central Committee"][1] == "2014-09-07"


def test_eve_of_a_dated_event_dates_the_occasion(known: Known) -> None:
    text = (
        "SEOUL, Oct. 20 (Yonhap) -- The 2nd Party Conference opened in Pyongyang on Oct. 5. On the"
        " eve of the conference, Kim presided over an enlarged meeting of the Central Military"
        " Commission. Three days after the conference, the party held a military parade.\n"
    )
    got = events(text, known, "1966-10-20")
    assert ("meeting", "1966-10-04", None) in got.values()
    assert ("ceremony", "1966-10-08", None) in got.values()


def test_counted_day_near_miss_own_date(known: Known) -> None:
    text = (
        "SEOUL, Oct. 20 (Yonhap) -- The 2nd Party Conference opened in Pyongyang on Oct. 5. On the"
        " eve of the conference, on Oct. 3, Kim presided over an enlarged meeting of the Central"
        " Military Commission.\n"
    )
    got = events(text, known, "1966-10-20")
    assert ("meeting", "1966-10-03", None) in got.values()


def test_next_day_at_a_named_event(known: Known) -> None:
    text = (
        "Changes at the Top\n\nPosted by an analyst, 20 April 2010\n\nThe April 2010 plenary"
        " meeting of the WPK Central Committee was short. At the plenum on 8 April, Ri"
        " was elected to the Political Bureau. Choe, who became premier the next day at the 2nd"
        " Session of the 12th SPA, was promoted too.\n"
    )
    got = events(text, known, "2010-04-20")
    assert got["2nd Session of the 12th SPA"][1] == "2010-04-09"


# -- 4. a month or year an act is dated "right after" -----------------------------------------


def test_right_after_an_event(known: Known) -> None:
    text = (
        "Ro was named premier in April, right after the 2nd Party Conference. Ri was promoted in"
        " 2009 ahead of the 3rd Party Conference. Pak was dismissed on 12 May, shortly after the"
        " 4th Party Conference.\n"
    )
    got = events(text, known, "2012-07-01")
    assert got["2nd Party Conference"][1] == "2012-04"
    assert got["3rd Party Conference"][1] == "2009"
    assert got["4th Party Conference"][1] is None  # a day says nothing of the conference's


def test_month_after_an_occasion(known: Known) -> None:
    text = (
        "Pak appeared with the title at a mass rally in November 2016. Ri joined a summit in"
        " Hanoi in March 2018.\n"
    )
    got = events(text, known, "2019-07-01")
    assert ("ceremony", "2016-11", None) in got.values()
    assert ("meeting", "2018-03", None) in got.values()


def test_month_after_an_occasion_to_come_near_miss(known: Known) -> None:
    text = "The party will hold a mass rally in August 2019 to mark the anniversary.\n"
    got = events(text, known, "2019-07-01")
    assert not any(v[1] == "2019-08" for v in got.values())


def test_dated_occasion_is_the_event_of_that_day_named_before(known: Known) -> None:
    text = (
        "SEOUL, July 6 (Yonhap) -- The dismissal was decided at the enlarged meeting of the"
        " Political Bureau held on June 29, state media said. At the June 29 meeting, two"
        " officials were blamed.\n"
    )
    got = events(text, known, "2021-07-06")
    assert [v for v in got.values() if v[1] == "2021-06-29"] == [("meeting", "2021-06-29", None)]
