"""Round 7 lever M3, welcomes: a guest's welcome told without an arrival before it is an occasion
of its own (a ceremony dated by its clause): the passive ("He was greeted at the airport on
Monday by X"), an embrace at the airport, one who came out to the airport to greet a guest.
A greeting told with an arrival stays that arrival's one occasion; an inspection's greeting ("was
greeted at the plant by its manager"), a welcome to come, denied or with no day is none.
Synthetic sentences, not copies of the labelled texts."""

from __future__ import annotations

from typing import Any

from facts_helpers import attended, events, iso

from kwpld.ingest import Known, read_text


def _read(text: str, known: Known, date: str = "2009-10-08") -> tuple[list[tuple[Any, ...]], Any]:
    """(type, date) of each event drafted, sorted, and the drafts."""
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    found = sorted((e.get("type"), iso(e.get("date"))) for e in events(drafted).values())
    return found, drafted


def test_a_passive_welcome_at_the_airport(known: Known) -> None:
    text = (
        "Vice Premier Ro Tu Chol is leading a trade delegation on a four-day visit to Hanoi. "
        "He was greeted at the airport on Tuesday by Vietnamese Deputy Prime Minister "
        "Nguyen Sinh Hung."
    )
    found, drafted = _read(text, known)
    assert found == [("ceremony", "2009-10-06")]
    (people,) = attended(drafted).values()
    assert len(people) == 2, people  # the guest and the one who greeted him


def test_the_tarmac_and_the_border(known: Known) -> None:
    for text, day in [
        ("The envoys were greeted on the tarmac on Monday by Foreign Minister Pak Ui Chun.",
         "2009-10-05"),
        ("On Sunday the visitor was welcomed at the border village by officials of the "
         "committee.", "2009-10-04"),
    ]:  # fmt: skip
        found, _ = _read(text, known)
        assert found == [("ceremony", day)], text


def test_an_embrace_at_the_airport(known: Known) -> None:
    text = (
        "Premier Kim Yong Il embraced the visiting Chinese premier at Pyongyang's airport "
        "on Sunday."
    )
    found, _ = _read(text, known)
    assert found == [("ceremony", "2009-10-04")]


def test_one_who_came_out_to_greet(known: Known) -> None:
    text = "Kim Yong Nam appeared at Sunan airport on Monday to greet a visiting Laotian leader."
    found, _ = _read(text, known)
    assert found == [("ceremony", "2009-10-05")]


def test_a_greeting_told_with_its_arrival_is_one_occasion(known: Known) -> None:
    for text in [
        "Premier Wen Jiabao landed in Pyongyang on Sunday and was greeted on the tarmac by "
        "Premier Kim Yong Il.",
        "Premier Wen Jiabao arrived in Pyongyang on Sunday. He was greeted at the airport by "
        "Premier Kim Yong Il.",
    ]:
        found, _ = _read(text, known)
        assert found == [("ceremony", "2009-10-04")], text


def test_near_misses_draft_no_welcome(known: Known) -> None:
    for text in [
        # an inspection's greeting: no welcome ceremony
        "On Monday he was greeted at the plant by its manager and officials.",
        # to come, denied, with no day of its own
        "The delegation will be greeted at the airport on Monday by the foreign minister.",
        "He was not greeted at the airport on Monday by any senior official.",
        "Visitors are usually greeted at the airport by junior officials.",
        # an embrace elsewhere, or of an idea
        "Premier Kim Yong Il embraced the new policy at a meeting on Sunday.",
    ]:
        found, _ = _read(text, known)
        assert ("ceremony", "2009-10-05") not in found and all(
            t != "ceremony" for t, _ in found
        ), (text, found)


def test_a_long_place_name_between_the_verb_and_by(known: Known) -> None:
    text = (
        "Vice Premier Ro Tu Chol was greeted at Noi Bai International Airport on "
        "Tuesday by Vietnamese Deputy Prime Minister Nguyen Sinh Hung."
    )
    found, drafted = _read(text, known)
    assert found == [("ceremony", "2009-10-06")]
    (people,) = attended(drafted).values()
    assert len(people) == 2, people


def test_greeted_far_from_by_is_not_a_greeting_by(known: Known) -> None:
    # "by" after more than eight words belongs to another clause
    text = (
        "Vice Premier Ro Tu Chol was greeted at the airport on Tuesday and later that week, "
        "according to officials quoted by Vietnamese media, met Nguyen Sinh Hung."
    )
    _, drafted = _read(text, known)
    welcome = [p for p in attended(drafted).values() if "ro-tu-chol" in p]
    assert all("nguyen-sinh-hung" not in p for p in welcome), welcome


def test_the_one_who_embraces_and_the_one_embraced_are_at_the_welcome(known: Known) -> None:
    text = (
        "Premier Kim Yong Il embraced visiting Laotian Prime Minister Bouasone Bouphavanh on the "
        "tarmac at Sunan airport on Sunday."
    )
    found, drafted = _read(text, known)
    assert found == [("ceremony", "2009-10-04")]
    (people,) = attended(drafted).values()
    assert set(people.values()) == {"attended"} and len(people) == 2, people
