"""American officials with common English given names ("Wendy Sherman", "Charles Kartman") are
read as people (``given`` of kwpld/reading/foreign_names.yaml); "Charles Street" is no one, and
"Young people", "You said", "the young" are no names. (South Korean spellings with "Young" and
"You" are not read yet: read, they matched the North's records of the same Hangul on the name
alone; see docs/ingest.md.)"""

from __future__ import annotations

import pytest

from kwpld.ingest import Known, read_text


def _people(text: str, known: Known) -> set[str]:
    _, drafted = read_text(text, known=known, date="2001-03-08", article_type="news")
    return {d.id for d in drafted.drafts if d.kind == "person"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "The secretary was joined by Wendy Sherman, her chief adviser, in Seoul.",
            "wendy-sherman",
        ),
        ("Special envoy Charles Kartman will travel to New York next week.", "charles-kartman"),
        ("Defense Secretary William Cohen arrived in Tokyo on Monday.", "william-cohen"),
    ],
)
def test_names_read_as_people(known: Known, text: str, person: str) -> None:
    assert person in _people(text, known)


@pytest.mark.parametrize(
    "text",
    [
        "Young people in Seoul rallied for the talks on Sunday.",
        '"You said the same thing last year," a reporter told Kim.',
        "The young in Pyongyang know little of the talks, Kim Dae-jung said.",
        "Kim said. You Can Never Tell was performed on Monday.",
        "Young Pioneers of the city welcomed the delegation.",
        "The minister spoke at Charles Street on Monday.",  # a street, not a person
        "Kim You Hear was the slogan of the campaign.",  # "Hear": no syllable
    ],
)
def test_english_words_are_no_names(known: Known, text: str) -> None:
    people = _people(text, known)
    assert not {p for p in people if {"young", "you", "charles"} & set(p.split("-"))}
