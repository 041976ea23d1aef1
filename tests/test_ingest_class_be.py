"""Class BE (issue 15): past occasions in careers and travel itineraries. A visit's stops, each
an appearance of its own dated by its clause ("In Changchun he visited a car factory on
Friday"; "..., then travelled on to Harbin, where he toured a dairy farm on Sunday"); those "at
Kim's side" (`accompanied`); "sat beside Kim at the dinner" (both there). Near misses place no
one or make no second visit: a stop within the same place and day ("visited the complex on
Monday, where he toured its workshops"), a visit to come ("plans to visit"), a city named as an
origin ("a Harbin company"), a tribute at a bier ("visited the bier of X": the tribute, not a
visit of a place described), "He went round the shops" (no day of its own). Short synthetic
texts."""

from __future__ import annotations

from facts_helpers import attended as _attended
from facts_helpers import events as _events
from facts_helpers import iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _appearances(drafted: Drafted) -> dict[str | None, dict[str, str]]:
    """date (ISO) -> {person: role} of each appearance drafted."""
    people = _attended(drafted)
    return {
        iso(e.get("date")): people.get(key, {})
        for key, e in _events(drafted).items()
        if e.get("type") == "appearance"
    }


LEAD = (
    "BEIJING, Sept 6 (Reuters) - North Korean leader Kim Il Sung held talks with Chinese "
    "leaders in Beijing on Wednesday at the end of a tour of China's north-east.\n\n"
)


def test_a_stop_with_a_day_of_its_own_is_another_visit(known: Known) -> None:
    drafted = _read(
        LEAD + "Kim toured a machine-tool plant in Shenyang on August 29. In Changchun he "
        "visited a car factory on Friday.",
        known, "1984-09-06",
    )
    stops = _appearances(drafted)
    assert stops.get("1984-08-29", {}).get("kim-il-sung") == "guided"
    assert "kim-il-sung" in stops.get("1984-08-31", {})


def test_the_next_stop_of_an_itinerary_takes_its_own_clause_day(known: Known) -> None:
    drafted = _read(
        LEAD + "He visited the Fengman Hydroelectric Station on Sunday, then travelled on to "
        "Harbin, where he toured a dairy farm on Monday.",
        known, "1984-09-06",
    )
    stops = _appearances(drafted)
    assert "kim-il-sung" in stops.get("1984-09-02", {})
    assert stops.get("1984-09-03", {}).get("kim-il-sung") == "guided"


def test_a_clause_at_the_same_place_and_day_is_the_same_visit(known: Known) -> None:
    drafted = _read(
        LEAD + "Kim visited the Fengman Hydroelectric Station on Sunday, where he toured the "
        "turbine hall. He went round the shops.",
        known, "1984-09-06",
    )
    assert len(_appearances(drafted)) == 1


def test_at_his_side_and_sat_beside_him(known: Known) -> None:
    drafted = _read(
        "PYONGYANG, Oct 4 (AP) - North Korean leader Kim Jong Un met Chinese President Xi "
        "Jinping in Pyongyang on Wednesday.\n\nKim Yo Jong was at Kim's side throughout the "
        "day. Choe Ryong Hae sat beside Kim Jong Un at the banquet on Wednesday evening.",
        known, "2018-10-04",
    )
    people = _attended(drafted)
    (meeting,) = [k for k, e in _events(drafted).items() if e.get("type") == "meeting"]
    assert people[meeting].get("kim-yo-jong") == "accompanied"
    (banquet,) = [k for k, e in _events(drafted).items() if e.get("type") == "ceremony"]
    assert people[banquet].get("choe-ryong-hae") == "attended"
    assert people[banquet].get("kim-jong-un") == "attended"


def test_near_misses_make_no_visit(known: Known) -> None:
    drafted = _read(
        LEAD + "He told his hosts he plans to visit Shanghai on Friday. A Harbin company "
        "signed a deal on Monday. Officials said Kim's side of the talks was firm.",
        known, "1984-09-06",
    )
    assert _appearances(drafted) == {}
    assert not any("kim-il-sung" in p and r == "accompanied"
                   for p in _attended(drafted).values() for r in p.values())


def test_a_bier_visited_is_the_tribute_not_a_place_visited(known: Known) -> None:
    drafted = _read(
        "PYONGYANG, May 3 (KCNA) -- Kim Jong Un visited the bier of Jo Myong Rok on "
        "Monday to express deep condolences. He was accompanied by Choe Ryong Hae.",
        known, "2018-05-03",
    )
    (key,) = _events(drafted)  # one occasion: the tribute, with no "inspection of bier"
    assert key.startswith("tribute")
    assert _attended(drafted)[key].get("choe-ryong-hae") == "accompanied"


def test_a_day_after_talks_is_the_day_before_and_one_meeting(known: Known) -> None:
    drafted = _read(
        "TOKYO, Nov 9 (Kyodo) - North Korean leader Kim Jong Un left Vladivostok on Thursday, a "
        "day after his talks with Russian President Vladimir Putin.\n\nKim met Putin on "
        "Wednesday at a university campus. He was accompanied at the talks by Kim Yo Jong.",
        known, "2018-11-09",
    )
    meetings = {k: e for k, e in _events(drafted).items() if e.get("type") == "meeting"}
    assert [iso(e.get("date")) for e in meetings.values()] == ["2018-11-07"]
    (key,) = meetings
    assert _attended(drafted)[key].get("kim-yo-jong") == "accompanied"


def test_he_after_his_escort_is_the_one_escorted(known: Known) -> None:
    drafted = _read(
        LEAD + "Kim toured a machine-tool plant in Shenyang on August 29. Premier Zhao Ziyang "
        "accompanied him in Liaoning. Back in Beijing, he toured a farm on Monday.",
        known, "1984-09-06",
    )
    assert _appearances(drafted).get("1984-09-03") == {"kim-il-sung": "guided"}


def test_a_company_signing_a_deal_is_no_signing(known: Known) -> None:
    drafted = _read(
        LEAD + "A Harbin company signed a trade deal on Monday. On Tuesday Kim and the Chinese "
        "premier signed an agreement on economic cooperation.",
        known, "1984-09-06",
    )
    signings = [iso(e.get("date")) for e in _events(drafted).values()
                if e.get("type") == "ceremony"]  # fmt: skip
    assert signings == ["1984-09-04"]


def test_a_document_negotiated_and_signed_is_a_signing_attended(known: Known) -> None:
    drafted = _read(
        "SEOUL, May 2 (Yonhap) -- Kim Yong Chol is a career intelligence officer. He negotiated "
        "the military accord signed in Panmunjom on 19 September 2018.",
        known, "2019-05-02",
    )
    (key,) = [k for k, e in _events(drafted).items() if e.get("type") == "ceremony"]
    assert iso(_events(drafted)[key].get("date")) == "2018-09-19"
    assert _attended(drafted)[key].get("kim-yong-chol") == "attended"


def test_a_document_signed_that_one_did_not_negotiate_places_no_one(known: Known) -> None:
    drafted = _read(
        "SEOUL, May 2 (Yonhap) -- Kim Yong Chol is a career intelligence officer. He criticised "
        "the accord signed in Panmunjom in 2018, and the deal signed in Hanoi was none.",
        known, "2019-05-02",
    )
    assert _events(drafted) == {}
