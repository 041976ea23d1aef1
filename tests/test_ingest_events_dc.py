"""Which occasions are events, and their dates (issue 15, class DC): occasions announced but not
reported (hedged or undated ones to come), meetings of wire and obituary prose (seminars,
symposiums, briefings) with the range of days they were held, the parts of a funeral (its
service and procession are the funeral reported before; its burial is on the funeral's day), and
an act done at an occasion its sentence opens with. Short synthetic sentences; names, outlets
and years vary within a class."""

from __future__ import annotations

import pytest
from facts_helpers import iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> list[tuple[str, str | None, str | None]]:
    """(type, ISO date, ISO end) of the events drafted, sorted."""
    return sorted(
        (str(d.record.get("type")), iso(d.record.get("date")), iso(d.record.get("end")))
        for d in drafted.drafts
        if d.kind == "event" and d.record.get("type") != "series"
    )


KCNA = "Pyongyang, May 14 (KCNA) -- "
WIRE = "SEOUL, Nov. 20 (Yonhap) -- "


# -- occasions to come --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A memorial service is also planned in his home county of Kapsan, the agency said.",
        "A banquet for the visiting delegation is expected on Friday, officials said.",
        "The veterans will be invited to a reception to be arranged next week.",
        "A ceremony marking the anniversary of the accord is not expected this year.",
        "The funeral will take place Wednesday, KCNA said.",
        "A mass rally of the city's youth will follow, state media said.",
    ],
)
def test_occasions_announced_are_no_events(sentence: str, known: Known) -> None:
    drafted = _read(WIRE + "Ri Tong Chun, a veteran diplomat, died on Monday. " + sentence,
                    known, "2012-11-20")  # fmt: skip
    assert _events(drafted) == []


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("The funeral will be held in Hamhung on 17 November.", "2012-11-17"),
        ("A memorial meeting will be held in Sariwon on November 22.", "2012-11-22"),
    ],
)
def test_an_occasion_announced_with_its_day_is_an_event(
    sentence: str, day: str, known: Known
) -> None:
    drafted = _read(KCNA + sentence, known, "2012-11-14")
    assert _events(drafted) == [("ceremony", day, None)]


# -- seminars, symposiums, briefings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1978 he went abroad. He attended a seminar on the juche idea in Lima in 1978.",
         ("meeting", "1978", None)),
        ("A symposium on the Korean question was held in Paris from 3 to 5 October 1983.",
         ("meeting", "1983-10-03", "1983-10-05")),
        ("He took part in a seminar on agriculture held in Hanoi from June 2 to 6, 1991.",
         ("meeting", "1991-06-02", "1991-06-06")),
        ("The spy agency told lawmakers at a closed-door briefing on Tuesday that he was ill.",
         ("meeting", "2012-11-20", None)),
    ],
)  # fmt: skip
def test_seminars_symposiums_briefings_are_meetings(
    text: str, expected: tuple[str, str, str | None], known: Known
) -> None:
    drafted = _read(WIRE + text, known, "2012-11-21")
    assert _events(drafted) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Reporters waited in the briefing room on Monday for the spokesman.",
        "The ministry released briefing materials on Monday.",
        "A seminar room on the third floor was renovated in 2010.",
    ],
)
def test_briefing_rooms_and_papers_are_no_events(text: str, known: Known) -> None:
    assert _events(_read(WIRE + text, known, "2012-11-21")) == []


# -- the parts of a funeral ---------------------------------------------------------------------


def test_service_and_procession_are_the_funeral_burial_its_day(known: Known) -> None:
    drafted = _read(
        KCNA + "The state funeral of Comrade Han Chol Su was held in Pyongyang today.\n\n"
        "Kim Jong Il visited the bier on May 12 and expressed condolences.\n\n"
        "The funeral service took place at the People's Palace of Culture in the morning. "
        "Present at the service were Choe Thae Bok and Kim Ki Nam.\n\n"
        "After the service the funeral procession moved to the cemetery, where the burial "
        "ceremony was held.",
        known,
        "2006-05-14",
    )
    events = _events(drafted)
    assert events.count(("ceremony", "2006-05-14", None)) == 2  # the funeral and the burial
    assert ("appearance", "2006-05-12", None) in events  # the bier
    assert len(events) == 3


def test_a_procession_told_alone_stays_an_event(known: Known) -> None:
    drafted = _read(
        "SEOUL, Dec. 29 (AP) -- On Wednesday, the funeral procession left the palace as "
        "thousands wept in the snow.",
        known,
        "2011-12-29",
    )
    assert _events(drafted) == [("ceremony", "2011-12-28", None)]


def test_a_wreath_at_the_burial_is_the_burials(known: Known) -> None:
    drafted = _read(
        KCNA + "The funeral of Pak Chol Ho took place in Pyongyang on May 13. After the "
        "service the procession went to the cemetery, where the burial took place.\n\n"
        "At the burial ceremony, Ri Yong Mu laid a wreath on behalf of the army.",
        known,
        "2006-05-14",
    )
    assert _events(drafted) == [("ceremony", "2006-05-13", None)] * 2


# -- past occasions in passing, and days far after the noun --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He sat in on every meeting between the two leaders during the historic summit in "
         "Pyongyang in October 2007, officials said.", ("meeting", "2007-10", None)),
        ("Ri led the delegation to the first round of high-level talks with Japan in Beijing in "
         "March 1991, where he met Japanese diplomats.", ("meeting", "1991-03", None)),
        ("His influence waned after the failure of a Japan-North Korea summit in 2004 to improve "
         "ties.", ("meeting", "2004", None)),
        ("A ceremony of conferring orders on the builders of the power station who performed "
         "feats in its construction took place at the Kumsusan Assembly Hall on May 11.",
         ("conferral", "2006-05-11", None)),
    ],
)  # fmt: skip
def test_past_occasions_in_passing_are_dated(
    text: str, expected: tuple[str, str, str | None], known: Known
) -> None:
    assert _events(_read(WIRE + text, known, "2006-05-14")) == [expected]


def test_during_the_occasion_without_its_own_month_is_another_s(known: Known) -> None:
    drafted = _read(
        KCNA + "A reception was held at the Mansudae Assembly Hall on May 12. During the "
        "banquet, the guests spoke of friendship.",
        known,
        "2006-05-14",
    )
    assert _events(drafted) == [("ceremony", "2006-05-12", None)]
