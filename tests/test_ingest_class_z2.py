"""Group words for people named before (issue 15, class Z2): "Both men made speeches", "The
three men held talks over lunch" stand for the people the sentence before names, only when
they are exactly as many; "The North Koreans sat across the table from A and B" places A and B
at the talks. Near misses: a count that does not match, "two officials" (new people), "the two
countries", no one named before. Short synthetic texts; names, outlets and word order vary."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2019-04-25") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _roles(drafted: Drafted) -> dict[str, str]:
    """person -> role at any event (the most specific role the reader drafted)."""
    out: dict[str, str] = {}
    for people in _attended(drafted).values():
        for person, role in people.items():
            if out.get(person) != "speaker":
                out[person] = role
    return out


LEAD = (
    "PYONGYANG, April 25 (Reuters) - North Korean leader Kim Jong Un met Chinese President "
    "Xi Jinping on Thursday in Pyongyang.\n\n"
)


@pytest.mark.parametrize(
    "group",
    ["Both men made speeches", "The two men then delivered speeches",
     "Both women made brief speeches"],
)
def test_a_group_of_two_is_the_two_named_before(known: Known, group: str) -> None:
    drafted = _read(
        LEAD + "In the evening Kim Yo Jong gave a banquet for Choe Son Hui at the Mokran House. "
        f"{group}, the agency said.", known,
    )
    banquets = [people for people in _attended(drafted).values() if "kim-yo-jong" in people]
    assert banquets
    assert banquets[0].get("kim-yo-jong") == "speaker"
    assert banquets[0].get("choe-son-hui") == "speaker"


def test_the_three_men_are_the_three_named_before(known: Known) -> None:
    drafted = _read(
        LEAD + "In the evening Choe Ryong Hae gave a banquet for Xi Jinping and Pak Pong Ju at "
        "the Mokran House. The three men made speeches.", known,
    )
    roles = _roles(drafted)
    assert [roles.get(p) for p in ("choe-ryong-hae", "xi-jinping", "pak-pong-ju")] == [
        "speaker"] * 3


@pytest.mark.parametrize(
    "group",
    [
        "The three men made speeches",  # two were named: a count that does not match
        "Both men made speeches",  # three were named
    ],
)
def test_a_count_that_does_not_match_places_no_one(known: Known, group: str) -> None:
    names = ("Kim Yo Jong gave a banquet for Choe Son Hui" if group.startswith("The three")
             else "Kim Yo Jong gave a banquet for Choe Son Hui and Ri Yong Ho")
    drafted = _read(LEAD + f"In the evening {names} at the Mokran House. {group}.", known)
    assert "speaker" not in _roles(drafted).values()


@pytest.mark.parametrize(
    "sentence",
    [
        "Two officials made speeches at the banquet.",  # new, unnamed people
        "The two countries held talks on trade.",  # states, not people
        "The two sides made speeches.",  # not this class's group word
    ],
)
def test_near_misses_place_no_one_more(known: Known, sentence: str) -> None:
    before = _roles(_read(LEAD + "In the evening Kim Yo Jong gave a banquet for Choe Son Hui.",
                          known))
    after = _roles(_read(LEAD + "In the evening Kim Yo Jong gave a banquet for Choe Son Hui. "
                         + sentence, known))
    assert after == before


def test_a_group_with_no_one_named_before_places_no_one(known: Known) -> None:
    drafted = _read(
        "PYONGYANG, April 25 (KCNA) - A banquet was held at the Mokran House on Thursday.\n\n"
        "Both men made speeches.", known,
    )
    assert "speaker" not in _roles(drafted).values()


def test_the_group_across_the_table_places_the_other_side(known: Known) -> None:
    drafted = _read(
        LEAD + "The two leaders held talks for two hours. Kim was accompanied by Ri Yong Ho and "
        "Choe Son Hui. The North Koreans sat across the table from Wang Yi and Ding Xuexiang.",
        known,
    )
    talks = [people for people in _attended(drafted).values() if "choe-son-hui" in people]
    assert talks
    assert "wang-yi" in talks[0]


def test_sat_across_the_table_in_a_quote_of_the_past_needs_an_occasion(known: Known) -> None:
    drafted = _read(
        "SEOUL, April 25 (Yonhap) - Analysts said little would change.\n\n"
        "The negotiators sat across the table from Wang Yi in 2018, one analyst recalled.",
        known,
    )
    assert "wang-yi" not in _roles(drafted)
