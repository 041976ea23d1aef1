"""Attendance at unnamed diplomatic occasions in wire copy (issue 15, class F): the two sides of
talks listed after the occasion ("On the Chinese side were A and B; on the DPRK side were C"),
"X was joined by A" (both there), "A and B sat in", "Joining them at the dinner were ...", "the
two leaders" of the lead, signers "at a ceremony" and those "standing at their sides", a working
lunch and a news conference as occasions, a greeting at an airport as the welcome there; and the
near misses that place no one (occasions to come, denied, a day's side of an argument). Short
synthetic texts; names, outlets, tense and order vary within a class."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended
from facts_helpers import attended_at as _at
from facts_helpers import events as _events
from facts_helpers import iso as _iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


LEAD = ("PYONGYANG, Oct. 5 (Xinhua) -- Kim Jong Un held talks with Xi Jinping at the Kumsusan "
        "State Guesthouse on Thursday.\n\n")


@pytest.mark.parametrize(
    ("sides", "people"),
    [
        ("On the Chinese side were Wang Yi and Ding Xuexiang; on the DPRK side were Choe Ryong "
         "Hae, president of the Presidium, and Pak Pong Ju.",
         {"choe-ryong-hae", "pak-pong-ju"}),
        ("Present at the talks from the DPRK side were Jo Yong Won and Kim Yong Chol.",
         {"jo-yong-won", "kim-yong-chol"}),
        ("Kim Jong Un was joined by Ri Yong Ho, while Kim Yo Jong sat in.",
         {"kim-jong-un", "ri-yong-ho-fm", "kim-yo-jong"}),
        ("Choe Ryong Hae and Kim Yong Chol sat in on the DPRK side.",
         {"choe-ryong-hae", "kim-yong-chol"}),
    ],
)
def test_the_sides_of_talks_listed_after_them(known: Known, sides: str, people: set[str]) -> None:
    drafted = _read(LEAD + sides, known, "2019-10-05")
    at = _at(drafted, "meeting", "2019-10-03")
    assert people <= set(at)


def test_the_two_leaders_are_the_two_of_the_lead(known: Known) -> None:
    drafted = _read(
        "SEOUL, June 14 (Kyodo) -- Kim Jong Il greeted Kim Dae Jung at Sunan airport on "
        "Tuesday.\n\nThe two leaders held a second round of talks at the Paekhwawon guesthouse "
        "on Wednesday afternoon. Kim Jong Il was accompanied by Kim Yong Chol.",
        known, "2000-06-14",
    )
    talks = _at(drafted, "meeting", "2000-06-14")
    assert {"kim-jong-il", "kim-yong-chol"} <= set(talks)
    assert len(talks) == 3  # and Kim Dae Jung, a draft
    welcome = _at(drafted, "ceremony", "2000-06-13")
    assert "kim-jong-il" in welcome


def test_a_lunch_a_signing_and_a_news_conference(known: Known) -> None:
    drafted = _read(
        "SINGAPORE (AP) -- Kim Jong Un and Vladimir Putin met at the hotel on Tuesday.\n\n"
        "The leaders then sat down to a working lunch. Kim Yong Chol and Ri Yong Ho were among "
        "those at the table.\n\nIn the afternoon Putin and Kim Jong Un signed a joint statement "
        "at a ceremony, with Kim Yo Jong standing at their side.\n\nPutin later held a news "
        "conference at the hotel, flanked by Sergei Lavrov.",
        known, "2018-06-12",
    )
    kinds = sorted(e["type"] for e in _events(drafted).values() if _iso(e.get("date"))
                   == "2018-06-12")  # fmt: skip
    assert kinds.count("ceremony") == 2 and "meeting" in kinds
    assert {"kim-yong-chol", "ri-yong-ho-fm"} <= {
        p for k, e in _events(drafted).items() if "lunch" in k
        for p in _attended(drafted).get(k, {})
    }  # fmt: skip
    signing = next(k for k in _events(drafted) if k.startswith("ceremony-"))
    assert {"kim-jong-un", "kim-yo-jong"} <= set(_attended(drafted)[signing])


@pytest.mark.parametrize(
    "text",
    [
        # occasions still to come, or that did not happen
        "The two leaders are expected to sign a joint declaration at a ceremony on Friday, "
        "with Kim Yo Jong and Choe Ryong Hae standing by.",
        "A working lunch had been scheduled, but Kim Yo Jong and Choe Ryong Hae did not attend.",
        # a side of an argument, not of talks
        "On the other side of the debate were critics of Choe Ryong Hae.",
        # accompanied somewhere else, in the past, not at an occasion of the report
        "Kim Yo Jong, who was often accompanied by Choe Ryong Hae on trips abroad, did not "
        "attend.",
    ],
)
def test_near_misses_place_no_one(known: Known, text: str) -> None:
    drafted = _read(
        "SEOUL, Feb. 28 (Yonhap) -- North Korea's leader left Hanoi on Thursday.\n\n" + text,
        known, "2019-02-28",
    )
    people = {p for at in _attended(drafted).values() for p in at}
    assert not people & {"kim-yo-jong", "choe-ryong-hae"}


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("SEOUL, Oct. 4 (Yonhap) -- Roh Moo-hyun and Kim Jong Il signed a declaration in "
         "Pyongyang on Thursday.", "2007-10-04"),
        ("SEOUL, Oct. 4 (Yonhap) -- Roh Moo-hyun and Kim Jong Il signed a declaration in "
         "Pyongyang on Wednesday, a day after their talks.", "2007-10-03"),
    ],
)
def test_a_held_occasion_with_no_day_takes_the_leads(known: Known, lead: str, day: str) -> None:
    drafted = _read(
        lead + "\n\nThe signing ceremony took place at the guesthouse shortly after noon, with "
        "Kim Yong Nam and Choe Ryong Hae standing behind the two leaders.",
        known, "2007-10-04",
    )
    assert {"kim-yong-nam", "choe-ryong-hae"} <= set(_at(drafted, "ceremony", day))


def test_an_occasion_dated_in_its_sentence_keeps_its_day(known: Known) -> None:
    drafted = _read(
        "SEOUL, Oct. 4 (Yonhap) -- Roh Moo-hyun and Kim Jong Il signed a declaration in "
        "Pyongyang on Thursday.\n\nThe welcome ceremony took place at the April 25 House of "
        "Culture on Tuesday, with Kim Yong Nam standing beside Kim Jong Il.",
        known, "2007-10-04",
    )
    assert "kim-yong-nam" in _at(drafted, "ceremony", "2007-10-02")


def test_western_names_in_a_side_list(known: Known) -> None:
    drafted = _read(
        "SINGAPORE (AP) -- Kim Jong Un held talks with Donald Trump at the Capella hotel on "
        "Tuesday.\n\nOn the U.S. side were White House chief of staff John Kelly and Mick "
        "Mulvaney.",
        known, "2018-06-12",
    )
    names = {d.record.get("names", [{}])[0].get("text") for d in drafted.drafts
             if d.kind == "person"}  # fmt: skip
    assert {"John Kelly", "Mick Mulvaney"} <= names
