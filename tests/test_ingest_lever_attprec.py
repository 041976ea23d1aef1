"""Attendance precision (issue 15, round 7 lever M2): two kinds of sentence that name a person
with a verb of attendance but place him at no occasion. (1) "chaired" an organ is a post, read
by the holdings, not presiding over a meeting: "in 1978 X chaired the State Planning
Commission", "the country's top military body chaired by leader X", "The Defence Commission,
chaired by X, ...". (2) Occasions counted in the plural: "accompanied the leader on many
visits", "appeared at most of the party's major meetings", "was seen on several occasions".
Near misses: a meeting chaired ("an enlarged meeting of the Political Bureau, chaired by X";
"X chaired the meeting"; "X, who chaired the plenary meeting, ..."); one occasion named after
the cue ("appeared at the meeting"); a plural in a later clause of the sentence. Short
synthetic texts; names, organs and years vary."""

from __future__ import annotations

import pytest
from facts_helpers import attended

from kwpld.ingest import Known, read_text

DAY = "2015-03-12"
LEAD = (
    "Pyongyang, March 11 (KCNA) -- A plenary meeting of the WPK Central Committee was held on "
    "Tuesday. "
)


def _placed(text: str, known: Known) -> dict[str, str]:
    """{person: role} over every event the drafts of ``text`` place anyone at."""
    _, drafted = read_text(text, known=known, date=DAY, article_type="news")
    return {p: role for people in attended(drafted).values() for p, role in people.items()}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (LEAD + "In 1963 Kim Yong Nam also chaired the State Construction Commission.",
         "kim-yong-nam"),
        (LEAD + "The shift comes as the State Affairs Commission, the North's top governing "
         "body chaired by leader Kim Jong Un, gains weight in foreign affairs.", "kim-jong-un"),
        (LEAD + "Kim Jong Un chaired the National Defence Commission from 2012 to 2016.",
         "kim-jong-un"),
    ],
)
def test_chairing_an_organ_is_no_presiding(known: Known, text: str, person: str) -> None:
    assert _placed(text, known).get(person) != "presided"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Pyongyang, March 11 (KCNA) -- An enlarged meeting of the Political Bureau of the WPK "
         "Central Committee, chaired by Kim Jong Un, was held on Tuesday.", "kim-jong-un"),
        (LEAD + "Kim Jong Un chaired the meeting.", "kim-jong-un"),
        (LEAD + "Choe Ryong Hae, who chaired the plenary meeting, spoke on the first item.",
         "choe-ryong-hae"),
        ("Pyongyang, March 11 (KCNA) -- A session of the Supreme People's Assembly was held on "
         "Tuesday, chaired by Choe Ryong Hae.", "choe-ryong-hae"),
    ],
)
def test_a_meeting_chaired_is_still_presided(known: Known, text: str, person: str) -> None:
    assert _placed(text, known).get(person) == "presided"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (LEAD + "Ri Il Hwan appeared at most of the party's major meetings in 2022.",
         "ri-il-hwan"),
        (LEAD + "Kim Yong Chol was seen at several party meetings last year.", "kim-yong-chol"),
    ],
)
def test_occasions_counted_in_the_plural_place_no_one(
    known: Known, text: str, person: str
) -> None:
    assert person not in _placed(text, known)


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (LEAD + "Ri Il Hwan appeared at the meeting.", "ri-il-hwan", "attended"),
        (LEAD + "Attending the meeting were Ri Il Hwan and Kim Yong Chol, who has spoken on "
         "many occasions.", "kim-yong-chol", "attended"),
        ("Pyongyang, March 11 (KCNA) -- Kim Jong Un inspected a munitions factory on Tuesday. "
         "He was accompanied by Hong Sung Mu, who had accompanied him on many visits.",
         "hong-sung-mu", "accompanied"),
    ],
)
def test_one_occasion_still_places(known: Known, text: str, person: str, role: str) -> None:
    assert _placed(text, known).get(person) == role


def test_an_organ_symbol_of_two_digits_is_one_symbol() -> None:
    # "chaired the O12 meeting" is a meeting chaired (presiding), not the organ: the symbol's
    # number is not cut short to slip past the lookahead for "meeting"
    from kwpld.extract.attendance import _ORGAN_CHAIRED

    assert _ORGAN_CHAIRED.match(" the O12 meeting") is None
    assert _ORGAN_CHAIRED.match(" the O12 's session") is None
    assert _ORGAN_CHAIRED.match(" the O12 ,") is not None
