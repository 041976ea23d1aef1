"""Foreign delegations' bare ministerial titles (issue 15, class EB): in a story with no foreign
capital's dateline (a Pyongyang report on a visit), a guest's bare "minister of X" is the office
of the state the article's nationality words mostly name ("The Cuban delegation ... includes
Luis X, minister of Foreign Trade"), for names of a listed given name of states whose officials
only partly have such names (``given_also`` in foreign_names.yaml: Cuba, Bulgaria, ...) and for
names of no listed shape. Near misses: a Korean name keeps the DPRK's office; two nationalities
evenly named give none; a Chinese-shaped name is never a Cuban minister (a Russian given name
is not told from a Cuban one: both are of the "given" shape). Synthetic sentences, names,
outlets and years varied."""

from __future__ import annotations

from typing import Any

from facts_helpers import held


def organs_of(text: str, known: Any, person: str, date: str) -> set[tuple[str, str]]:
    return {(role, organ) for who, role, organ in held(text, known, date) if who == person}


def test_a_cuban_guest_of_a_listed_given_name_holds_the_cuban_ministry(known: Any) -> None:
    text = (
        "Pyongyang, May 12 (KCNA) -- A Cuban government delegation arrived here today by air. "
        "It includes Luis Herrera Ortiz, minister of Foreign Trade.\n\n"
        "The Cuban guests were welcomed at the airport."
    )
    assert organs_of(text, known, "Luis Herrera Ortiz", "1987-05-12") == {
        ("chairman", "Ministry of Foreign Trade of the Republic of Cuba")
    }


def test_a_bulgarian_foreign_minister_in_a_delegation_list(known: Any) -> None:
    text = (
        "The Bulgarian party and government delegation left Pyongyang on Friday. Among its "
        "members was Ivan Kostov Dimitrov, minister of Foreign Affairs. The Bulgarian side "
        "expressed thanks."
    )
    found = organs_of(text, known, "Ivan Kostov Dimitrov", "1983-09-16")
    assert found and all("Bulgaria" in organ for _, organ in found)
    assert ("chairman", "mfa") not in found


def test_a_korean_name_in_the_same_story_keeps_the_dprks_ministry(known: Any) -> None:
    text = (
        "Pyongyang, May 12 (KCNA) -- The Cuban delegation was greeted by Ho Dam, minister of "
        "Foreign Affairs. The Cuban guests then toured the city."
    )
    assert organs_of(text, known, "Ho Dam", "1987-05-12") == {("chairman", "mfa")}


def test_two_nationalities_named_alike_give_no_state(known: Any) -> None:
    text = (
        "Pyongyang, May 12 (KCNA) -- Cuban and Bulgarian guests arrived, among them Luis "
        "Herrera Ortiz, minister of Foreign Trade. The Cuban and Bulgarian guests were met at "
        "the airport."
    )
    found = organs_of(text, known, "Luis Herrera Ortiz", "1987-05-12")
    assert not any("Cuba" in organ or "Bulgaria" in organ for _, organ in found)
    assert ("chairman", "mfa") not in found


def test_a_chinese_name_in_a_cuban_story_is_no_cuban_minister(known: Any) -> None:
    text = (
        "Pyongyang, May 12 (KCNA) -- A Cuban delegation arrived. Wang Jiarui, minister of "
        "Foreign Trade, was also in the city. The Cuban guests thanked their hosts."
    )
    found = organs_of(text, known, "Wang Jiarui", "1987-05-12")
    assert not any("Cuba" in organ for _, organ in found)
    assert ("chairman", "mfa") not in found


def test_a_guests_portfolio_is_the_ministry_as_printed(known: Any) -> None:
    text = (
        "The Romanian party and government delegation arrived in Pyongyang on Tuesday. It "
        "includes Ion Stoica Marin, minister of National Defence, and Vasile Dobre Pop, "
        "minister of Foreign Trade and International Economic Cooperation. The Romanian guests "
        "were greeted at the airport."
    )
    assert organs_of(text, known, "Ion Stoica Marin", "1978-05-09") == {
        ("chairman", "Ministry of National Defence of the Socialist Republic of Romania")
    }
    assert organs_of(text, known, "Vasile Dobre Pop", "1978-05-09") == {
        ("chairman", "Ministry of Foreign Trade and International Economic Cooperation of the "
                    "Socialist Republic of Romania")
    }


def test_a_title_before_the_name_keeps_the_ministry_without_the_name(known: Any) -> None:
    text = (
        "Pyongyang, May 12 (KCNA) -- The Cuban delegation arrived. Cuban Minister of Foreign "
        "Affairs Ramon Luis Ortega also met the press. The Cuban guests toured the city."
    )
    organs = {organ for _, organ in held(text, known, "1987-05-12")}
    assert not any("Ortega" in organ for organ in organs)
