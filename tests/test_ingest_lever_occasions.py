"""Round 6 lever L1, occasions first: the party's congresses and conferences named in passing
without the party ("At the 8th Congress of the party", "its third conference", "the Sixth Party
Congress") are drafted under the home party's name, as its full name would be; another party's
congress is not; a plenum named by its month alone is one of that month. Short synthetic
sentences, each with near misses that must not draft (or must not be renamed)."""

from __future__ import annotations

from typing import Any

from facts_helpers import events, iso

from kwpld.ingest import Known, read_text


def _events(text: str, known: Known, date: str = "2024-05-02") -> list[tuple[Any, ...]]:
    """(type, ordinal, first name, date) of each event drafted, sorted."""
    _, drafted = read_text(text, known=known, date=date, article_type="report")
    out = []
    for record in events(drafted).values():
        names = [n["text"] if isinstance(n, dict) else n for n in record.get("names", [])]
        out.append(
            (record.get("type"), record.get("ordinal"), names[0] if names else None,
             iso(record.get("date")))
        )  # fmt: skip
    return sorted(out, key=str)


WPK = "Workers' Party of Korea"


def test_a_congress_of_the_party_is_the_wpks(known: Known) -> None:
    text = "Ri Chol Ho is a politician. At the 8th Congress of the party he was elected a member."
    assert _events(text, known) == [("congress", 8, f"8th Congress of the {WPK}", None)]


def test_ordinal_words_possessives_and_its(known: Known) -> None:
    for text, ordinal, kind, date in [
        ("Kang was promoted at the party's third conference in September 2010.", 3,
         "conference", "2010-09"),
        ("He joined the Central Committee at the Sixth Party Congress (October 1980).", 6,
         "congress", "1980-10"),
        ("The party elected him to the Central Committee at its 7th Congress in May 2016.", 7,
         "congress", "2016-05"),
        ("At the 3rd Conference of the party on 28 September 2010 he was elected.", 3,
         "conference", "2010-09-28"),
    ]:  # fmt: skip
        name = f"{ordinal}{'th' if ordinal > 3 else 'rd'} {kind.capitalize()} of the {WPK}"
        assert _events(text, known) == [(kind, ordinal, name, date)], text


def test_the_full_name_and_the_short_one_are_one_event(known: Known) -> None:
    text = (
        "The 8th Congress of the Workers' Party of Korea opened in January 2021. "
        "At the 8th Party Congress Pak lost his seat."
    )
    found = _events(text, known)
    assert [(k, o, n) for k, o, n, _ in found] == [("congress", 8, f"8th Congress of the {WPK}")]


def test_another_partys_congress_keeps_its_own_name(known: Known) -> None:
    text = (
        "Ryang was elected to the Central Committee of the Workers' Party of Korea in 1980. "
        "In 2001 he led a delegation to the 7th Congress of the Lao People's Revolutionary "
        "Party. He kept his seat at the party's 7th Congress in May 2016."
    )
    found = _events(text, known)
    assert ("congress", 7, f"7th Congress of the {WPK}", "2016-05") in found
    assert ("congress", 7, "7th Congress of the Lao People's Revolutionary Party", "2001") in found


def test_near_misses_are_not_the_wpks(known: Known) -> None:
    for text in [
        "Xi Jinping was re-elected at the 20th Party Congress of the Communist Party of China.",
        "The sanctions bill passed the 116th Congress in 2019.",
        "The CPC will hold its 20th Party Congress in October, Xinhua said.",
    ]:
        assert all(WPK not in str(e[2]) for e in _events(text, known)), text


def test_a_party_about_another_party_keeps_the_bare_name(known: Known) -> None:
    text = (
        "The Communist Party of China opened its congress. Delegates of the Communist Party of "
        "China praised the 9th Congress, the CPC said."
    )
    assert all(WPK not in str(e[2]) for e in _events(text, known))


def test_a_plenum_named_by_its_month(known: Known) -> None:
    text = "The visit comes after the December plenum of the ruling Workers' Party."
    assert _events(text, known, "2024-03-07") == [
        ("plenary-meeting", None, "December plenum", "2023-12")
    ]
    text = "He became a member of the Political Bureau at the June plenary meeting."
    assert _events(text, known, "2024-03-07") == [
        ("plenary-meeting", None, "June plenary meeting", "2023-06")
    ]


def test_month_near_misses(known: Known) -> None:
    for text in [
        "Kim held talks on the June agenda with officials.",  # a month before no party meeting
        "A party congress is due before December.",
        "The December issue of the party journal Kulloja carried his article.",
    ]:
        assert all(e[0] != "plenary-meeting" for e in _events(text, known)), text
