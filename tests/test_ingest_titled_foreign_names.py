"""Foreign office holders whose names no list knows, read as people after a title of office
(kwpld/extract/foreign_people.py, ``name_titles`` of kwpld/reading/foreign_names.yaml), and the
capitalized words after a title that are no name."""

from __future__ import annotations

import pytest

from kwpld.ingest import Known, read_text


def _people(text: str, known: Known) -> set[str]:
    _, drafted = read_text(text, known=known, date="2023-05-02", article_type="news")
    return {d.id for d in drafted.drafts if d.kind == "person"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The talks were attended by Deputy Prime Minister Marat Khusnullin.", "marat-khusnullin"),
        ("Lao President Bounnhang Vorachith arrived on Monday.", "bounnhang-vorachith"),
        ("Vietnamese leader To Lam sent a message.", "to-lam"),
        ("South Korean Prime Minister Lee Nak-yon told parliament.", "lee-nak-yon"),
        (
            "Mongolian Prime Minister Ukhnaagiin Khurelsukh's government agreed.",
            "ukhnaagiin-khurelsukh",
        ),
        ("The envoy met Secretary of State Rex Tillerson in Washington.", "rex-tillerson"),
        ("They were received by ambassador Ahmad Rahimi Tehrani at noon.", "ahmad-rahimi-tehrani"),
    ],
)
def test_a_name_after_a_title_is_a_person(known: Known, text: str, person: str) -> None:
    assert person in _people(text, known)


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Minister of the Republic of Cuba spoke.",  # an organ after the title
        "The Secretary of State for Foreign Affairs said so.",  # an office's name
        "Officials of the President Obama Administration met.",  # a listed organ word
        "The talks with leader Castro ended.",  # one word: a family name alone
        "President Sarkozy's government fell.",  # one word and a possessive
        "Prime Minister Boris Johnson Street Party was held.",  # four capitalized words
        "She met the ambassador to Hanoi Tran Van Ba.",  # a place after the title
        "The prime minister Said it was late.",  # no title case in running text: the verb
    ],
)
def test_no_name_after_a_title(known: Known, text: str) -> None:
    words = {"republic", "foreign", "affairs", "obama", "castro", "sarkozy", "hanoi", "said"}
    assert not {p for p in _people(text, known) if words & set(p.split("-"))}


def test_no_titled_name_in_a_headline(known: Known) -> None:
    text = "Russian Deputy Prime Minister Arrives in Pyongyang\n\nThe visit began on Monday."
    assert not {p for p in _people(text, known) if p.startswith("arrives")}


def test_a_titled_name_keeps_its_hyphens_and_holds_an_office(known: Known) -> None:
    text = (
        "SEOUL, May 2 (Yonhap) -- South Korean Prime Minister Han Duck-soo said on Tuesday "
        "that the talks would go on."
    )
    _, drafted = read_text(text, known=known, date="2023-05-02", article_type="news")
    people = {d.id for d in drafted.drafts if d.kind == "person"}
    assert "han-duck-soo" in people
    holders = {d.record.get("person") for d in drafted.drafts if d.kind == "membership"}
    assert "han-duck-soo" in holders


def test_listed_given_names_and_a_street(known: Known) -> None:
    people = _people(
        "Ivanka Trump and Stephen Biegun left. Denis Manturov stayed on Stephen Street.", known
    )
    assert {"ivanka-trump", "stephen-biegun", "denis-manturov"} <= people
    assert "stephen-street" not in people
