"""Round 7 lever M1 (issue 15): foreign names the person reader missed, widened generally:
two or three initials and a family name with no list or title around them ("K. V. Rusakov"),
Hispanic names of two given and two family names ("Jose Ramon Balaguer Cabrera"), a Chinese
two-syllable given name after a newly listed family name ("Chi Haotian"), and a name after the
title "Cabinet Secretary" (kwpld/extract/foreign_people.py, kwpld/reading/foreign_names.yaml).
Near misses: one initial, initials run on from a word ("D.P.R. Korea"), places and organs named
after people, headlines, capitalized words that are no name."""

from __future__ import annotations

import pytest

from kwpld.ingest import Known, read_text

KCNA = "Pyongyang, May 23 (KCNA) -- "


def _people(text: str, known: Known) -> set[str]:
    _, drafted = read_text(KCNA + text, known=known, date="1986-05-23", article_type="news")
    return {d.id for d in drafted.drafts if d.kind == "person"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # initials and a family name, alone
        ("The delegation was received by M. S. Solomentsev on Thursday.", "m-s-solomentsev"),
        ("Talks were held with N. A. Tikhonov, chairman of the Council of Ministers.",
         "n-a-tikhonov"),
        ("A reception was given by I. V. Arkhipov in the evening.", "i-v-arkhipov"),
        # two given names and two family names
        ("He held talks with Juan Carlos Rodriguez Ibarra in the afternoon.",
         "juan-carlos-rodriguez-ibarra"),
        ("The delegation led by Jose Luis Moreno Salazar arrived by air.",
         "jose-luis-moreno-salazar"),
        # a two-syllable given name after a newly listed family name, with or without a title
        ("Chi Haotian arrived here by plane on Wednesday.", "chi-haotian"),
        ("He met Defence Minister Chi Haotian at the airport.", "chi-haotian"),
        # a name after "Cabinet Secretary"
        ("Chief Cabinet Secretary Yasuo Fukuda told reporters that talks would go on.",
         "yasuo-fukuda"),
        ("Japanese Cabinet Secretary Kazuo Hirose said the plan was dropped.", "kazuo-hirose"),
        # a third syllable spelled the South's way after a one-syllable given name
        ("The talks were attended by Park Ji Hoon and his aides.", "park-ji-hoon"),
        ("Defense Minister Kim Jae Yeong arrived on Monday.", "kim-jae-yeong"),
    ],
)  # fmt: skip
def test_a_missed_foreign_name_is_read(known: Known, text: str, person: str) -> None:
    assert person in _people(text, known)


@pytest.mark.parametrize(
    "text",
    [
        # one initial, or initials run on from a word: no person
        "The team of plan B. Then the army marched on.",
        "The D.P.R. Korea delegation arrived in Havana on Friday.",
        "The sign read Block A. Construction went on.",
        # places and organs named after people in four capitalized words
        "He laid a wreath at the Jose Marti Memorial Park on Monday.",
        "They toured the Carlos Manuel Cespedes Hospital on Friday.",
        # a headline, whose words are all capitalized
        "K. V. Rusakov Arrives\nThe visit went on.",
        # "Cabinet Secretary" before no name, or before an organ's name
        "The Cabinet Secretary Office said the meeting was over.",
    ],
)
def test_near_misses_stay_no_person(known: Known, text: str) -> None:
    people = _people(text, known)
    assert not {p for p in people if p not in {"kim-yong-nam"}}, people


@pytest.mark.parametrize(
    ("text", "person", "not_person"),
    [
        # an English word or a North Korean syllable after "Kim Il" is no third syllable
        ("The slogan Kim Il Our Leader hung there. Kim Il spoke.", "kim-il", "kim-il-our"),
        ("A hall named Kim Chaek Seoul Branch opened. Kim Chaek was honoured.", "kim-chaek",
         "kim-chaek-seoul"),
    ],
)  # fmt: skip
def test_a_third_word_is_no_south_syllable(
    known: Known, text: str, person: str, not_person: str
) -> None:
    people = _people(text, known)
    assert person in people and not_person not in people, people


def test_a_name_of_initials_holds_its_title(known: Known) -> None:
    """The mention of "N. I. Ryzhkov" spans the initials' periods, so the apposition after it
    is his title (before, the name was read but no mention matched it)."""
    text = "He met N. I. Ryzhkov, secretary of the CPSU Central Committee, on Tuesday."
    _, drafted = read_text(KCNA + text, known=known, date="1986-05-23", article_type="news")
    held = {d.id for d in drafted.drafts if d.kind == "membership"}
    assert any(h.startswith("n-i-ryzhkov.cpsu-cc-secretary") for h in held), held


@pytest.mark.parametrize(
    ("text", "same", "other"),
    [
        # initials later in the text stand for the given name read before: one person
        ("Present was Pyotr Demichev. Talks were held with P. N. Demichev on Monday.",
         "pyotr-demichev", "p-n-demichev"),
        # another initial is another person of the same family name
        ("Present was Pyotr Demichev. Talks were held with V. N. Demichev on Monday.",
         "v-n-demichev", None),
    ],
)  # fmt: skip
def test_initials_are_the_person_named_in_full_before(
    known: Known, text: str, same: str, other: str | None
) -> None:
    people = _people(text, known)
    assert same in people, people
    if other is not None:
        assert other not in people, people


def test_who_came_with_a_chairman_shares_no_chair(known: Known) -> None:
    """ "A, chairman of ..., with B and C": B and C came with him; a chair is one person's (the
    co-member reading stays for roles many hold: "a secretary ..., together with B")."""
    text = (
        "A delegation headed by Jambyn Batmonkh, chairman of the Council of Ministers of the "
        "Mongolian People's Republic, with Dumaagiin Sodnom and Tserendashiin Namsrai, arrived."
    )
    _, drafted = read_text(KCNA + text, known=known, date="1986-05-23", article_type="news")
    held = {d.id for d in drafted.drafts if d.kind == "membership"}
    assert any(h.startswith("jambyn-batmonkh.") for h in held), held
    assert not any(h.startswith(("dumaagiin-sodnom.", "tserendashiin-namsrai.")) for h in held)
