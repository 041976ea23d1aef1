"""Changes told from the other side (issue 15, class BB): the successor's side ("Replacing him
as CMC vice chairman is Y", "his vice-premiership passed to Y", "a post he held until 2013,
when Y succeeded him", "when Y took over") and the holder's ("Vice Premier X retired in
August", "returned to the post in April 2013 and stepped down as Premier in April 2019", "the
Political Bureau, whose alternate membership she lost in 2021"). Short synthetic sentences,
names and years varied, each with near misses that must not draft."""

from __future__ import annotations

from typing import Any

from facts_helpers import Held, held_records, iso
from facts_helpers import one_held as _one

from kwpld.ingest import Known


def _of(rows: list[tuple[Held, dict[str, Any]]], person: str, organ: str) -> list[dict[str, Any]]:
    return [r for row, r in rows if row[0] == person and row[2] == organ]


# -- the successor's side ------------------------------------------------------------------------


def test_replacing_him_as_title_is_the_successor(known: Known) -> None:
    rows = held_records(
        "SEOUL, March 3 (Yonhap) -- North Korea removed Ko Chang-sik as a vice chairman of the "
        "Central Military Commission at a plenary meeting of the party Central Committee which "
        "ended Monday.\n\nReplacing him as CMC vice chairman is Mun Kyong-dok, a provincial "
        "official.\n",
        known,
        "2015-03-03",
    )
    assert iso(_one(rows, "Ko Chang-sik", "wpk-cmc").get("end")) == "2015-03-02"
    successor = _one(rows, "Mun Kyong-dok", "wpk-cmc")
    assert successor["role"] == "vice-chairman"
    assert iso(successor.get("start")) == "2015-03-02"  # the end the sentence before dated


def test_the_post_passed_to_the_successor(known: Known) -> None:
    rows = held_records(
        "SEOUL, Jan. 4 (Yonhap) -- Vice Premier Han Chol-jun retired in October, and his "
        "vice-premiership passed to Yun Song-ho.\n",
        known,
        "2012-01-04",
    )
    assert iso(_one(rows, "Han Chol-jun", "cabinet").get("end")) == "2011-10"
    assert iso(_one(rows, "Yun Song-ho", "cabinet").get("start")) == "2011-10"


def test_when_the_successor_succeeded_him(known: Known) -> None:
    rows = held_records(
        "Kang Tae-ho\n\nKang Tae-ho (born 1941) is a North Korean official.\n\nIn May 2004 he "
        "was appointed Minister of Foreign Affairs, a post he held until March 2009, when Paek "
        "Nam-hyok succeeded him.\n",
        known,
        "2020-01-01",
    )
    assert iso(_one(rows, "Kang Tae-ho", "mfa").get("end")) == "2009-03"
    assert iso(_one(rows, "Paek Nam-hyok", "mfa").get("start")) == "2009-03"


def test_returned_to_the_post_and_stepped_down_when_another_took_over(known: Known) -> None:
    rows = held_records(
        "Ri Kwang-jin was Premier from 1994 until 1998, when he was dismissed following an "
        "audit. He returned to the post in June 2005 and stepped down as Premier in July 2010, "
        "when So Yong-bom took over.\n",
        known,
        "2020-01-01",
    )
    terms = sorted(
        (iso(r.get("start")), iso(r.get("end"))) for r in _of(rows, "Ri Kwang-jin", "cabinet")
    )
    assert terms == [("1994", "1998"), ("2005-06", "2010-07")]
    assert iso(_one(rows, "So Yong-bom", "cabinet").get("start")) == "2010-07"


def test_successions_near_misses(known: Known) -> None:
    rows = held_records(
        "SEOUL, May 2 (Yonhap) -- Premier Cha Yong-su was Premier until 2009, when Ho Sang-il "
        "succeeded in launching a campaign. Technicians replaced the equipment, and the letter "
        "passed to Ho Sang-il.\n",
        known,
        "2012-05-02",
    )
    assert not _of(rows, "Ho Sang-il", "cabinet")


# -- the holder's side ---------------------------------------------------------------------------


def test_a_title_before_the_name_ended_without_an_object(known: Known) -> None:
    rows = held_records(
        "SEOUL, Aug. 9 (Yonhap) -- Defence Minister Jon Su-myong was sacked in July, the "
        "ministry said.\n",
        known,
        "2017-08-09",
    )
    fact = _one(rows, "Jon Su-myong", "mpaf")
    assert iso(fact.get("end")) == "2017-07"


def test_a_title_before_the_name_near_misses(known: Known) -> None:
    rows = held_records(
        "SEOUL, Aug. 9 (Yonhap) -- Premier Yang Chol-su lost his temper at the meeting. Defence "
        "Minister Jon Su-myong returned to Pyongyang on Monday and stepped down from the podium "
        "after his speech.\n",
        known,
        "2017-08-09",
    )
    for person, organ in (("Yang Chol-su", "cabinet"), ("Jon Su-myong", "mpaf")):
        for fact in _of(rows, person, organ):
            assert fact.get("end") is None, (person, fact)


def test_the_organ_whose_seat_was_lost(known: Known) -> None:
    rows = held_records(
        "Ryu Sun-hui has not returned to the Political Bureau, whose alternate membership she "
        "lost in February 2016. The hall, whose roof Ryu Sun-hui lost in 2018, stood empty.\n",
        known,
        "2020-01-01",
    )
    fact = _one(rows, "Ryu Sun-hui", "wpk-pb")
    assert fact["role"] == "alternate-member"
    assert iso(fact.get("end")) == "2016-02"


def test_replaced_him_in_the_post_named_before(known: Known) -> None:
    rows = held_records(
        "SEOUL, June 17 (Reuters) - Ju Chol-ung, head of the North's International Department, "
        "also spoke. Ju is believed to have replaced Kim Song-gi in the post late last year.\n",
        known,
        "2021-06-17",
    )
    ended = _one(rows, "Kim Song-gi", "wpk-international")
    assert ended["role"] == "director"
    assert iso(ended.get("end")) == "2020"
    assert ended["status"] == "reported"


def test_he_replaced_the_holder_of_the_post_he_holds_now(known: Known) -> None:
    rows = held_records(
        "Posted 5 May 2014\n\nThe report confirmed it: Kang Myong-chol is now Minister of "
        "Foreign Trade. He replaced Ri Ryong-nam, who had held the post since April 2008.\n",
        known,
        "2014-05-05",
    )
    ended = _one(rows, "Ri Ryong-nam", "Ministry of Foreign Trade")
    assert iso(ended.get("start")) == "2008-04"
    assert _of(rows, "Kang Myong-chol", "Ministry of Foreign Trade")


def test_replaced_someone_elsewhere_is_no_post(known: Known) -> None:
    rows = held_records(
        "SEOUL, June 17 (Reuters) - Ko Hyon-chol replaced Kim Song-gi in Pyongyang last year, "
        "and Ko Hyon-chol replaced the equipment in the ministry.\n",
        known,
        "2021-06-17",
    )
    assert not _of(rows, "Kim Song-gi", "wpk-international")
    assert not rows or all(row[0] != "Kim Song-gi" for row, _ in rows)
