"""Class BD (issue 15): foreign parties' and states' offices by name. A foreign name of no listed
shape ("Bounnhang Vorachith", "Jorge Risquet Valdes") is read as a person when an apposition
title of a foreign state's or party's organ follows it, so the organ the title names is his;
a historical state is its own organ ("Democratic Republic of Viet Nam"). Synthetic sentences,
varied wording; near misses must not fire."""

from __future__ import annotations

from typing import Any

from facts_helpers import held

from kwpld.ingest import read_text

KCNA = "Pyongyang, August 3 (KCNA) -- "


def organs_of(text: str, known: Any, person: str, date: str = "1989-08-03") -> set[tuple[str, str]]:
    return {(role, organ) for who, role, organ in held(text, known, date) if who == person}


def people(text: str, known: Any, date: str = "1989-08-03") -> set[str]:
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    return {
        str(d.record["names"][0]["text"])
        for d in drafted.drafts
        if d.kind == "person" and d.record.get("names")
    }


def test_a_lao_leader_of_no_listed_shape_holds_the_state_his_title_names(known: Any) -> None:
    text = KCNA + (
        "Kaysone Phomvihane, president of the Lao People's Democratic Republic, sent a "
        "message of thanks."
    )
    assert organs_of(text, known, "Kaysone Phomvihane") == {
        ("chairman", "Lao People's Democratic Republic")
    }


def test_a_name_after_to_takes_its_party_and_government_titles(known: Any) -> None:
    text = KCNA + (
        "A message was sent to Sisavath Keobounphanh, member of the Political Bureau of the "
        "Central Committee of the Lao People's Revolutionary Party and prime minister of the Lao "
        "People's Democratic Republic."
    )
    assert organs_of(text, known, "Sisavath Keobounphanh") == {
        ("member", "Political Bureau of the Central Committee of the Lao People's Revolutionary "
                   "Party"),
        ("chairman", "Government of the Lao People's Democratic Republic"),
    }  # fmt: skip


def test_a_cuban_of_three_words_holds_the_cuban_partys_bureau(known: Any) -> None:
    text = KCNA + (
        "He was accompanied by Carlos Rafael Rodriguez, member of the Political Bureau of the "
        "Central Committee of the Communist Party of Cuba."
    )
    assert organs_of(text, known, "Carlos Rafael Rodriguez") == {
        ("member", "Political Bureau of the Central Committee of the Communist Party of Cuba")
    }


def test_a_historical_state_is_its_own_organ(known: Any) -> None:
    text = KCNA + (
        "The delegation was headed by Pham Hung, vice-premier of the Democratic Republic of "
        "Viet Nam."
    )
    got = organs_of(text, known, "Pham Hung", "1968-08-03")
    assert got == {("vice-chairman", "Government of the Democratic Republic of Viet Nam")}


def test_an_ambassador_of_a_foreign_state_holds_nothing(known: Any) -> None:
    text = KCNA + (
        "Present there was Tran Van Bao, ambassador of the Democratic Republic of Viet Nam to "
        "the DPRK."
    )
    assert organs_of(text, known, "Tran Van Bao", "1968-08-03") == set()


def test_a_title_of_the_dprks_own_organ_reads_no_foreign_name(known: Any) -> None:
    text = KCNA + (
        "Maria Elena Ostova, member of the Presidium of the Supreme People's Assembly, spoke."
    )
    assert "Maria Elena Ostova" not in people(text, known)
    assert organs_of(text, known, "Maria Elena Ostova") == set()


def test_a_newspaper_or_an_organ_before_a_foreign_title_is_no_person(known: Any) -> None:
    text = KCNA + (
        "The report was carried by the Pasaxon Daily, organ of the Central Committee of the Lao "
        "People's Revolutionary Party. The Lao Front, member of the Lao People's Democratic "
        "Republic's front, met."
    )
    got = people(text, known)
    assert not {"Pasaxon Daily", "Lao Front"} & got


def test_a_headline_in_title_case_reads_no_name(known: Any) -> None:
    text = (
        "Vientiane Delegation, Member Of The Lao People's Revolutionary Party, Arrives\n\n"
        + KCNA + "A delegation arrived."
    )
    assert "Vientiane Delegation" not in people(text, known)


# -- greetings upon an election abroad ---------------------------------------------------------


def test_a_message_upon_a_foreign_leaders_election_begins_his_term(known: Any) -> None:
    text = KCNA + (
        "Kim Jong Il sent a message of greeting to Khamtai Siphandone upon his election as "
        "president of the Lao People's Democratic Republic."
    )
    assert organs_of(text, known, "Khamtai Siphandone", "1998-02-26") == {
        ("chairman", "Lao People's Democratic Republic")
    }


def test_a_re_election_of_a_listed_name_is_read_too(known: Any) -> None:
    text = KCNA + (
        "A message went to Nguyen Van Linh on his re-election as general secretary of the "
        "Central Committee of the Communist Party of Vietnam."
    )
    assert organs_of(text, known, "Nguyen Van Linh") == {
        ("general-secretary", "Central Committee of the Communist Party of Vietnam")
    }


def test_an_election_of_no_one_named_or_a_victory_gives_nothing(known: Any) -> None:
    text = KCNA + (
        "A message was sent on the election of the new president of the Lao People's Democratic "
        "Republic. Vladimir Putin was greeted on his election victory as leader of the party."
    )
    assert held(text, known, "1998-02-26") == set()


# -- bare titles in a story datelined in a state whose names have no listed shape ---------------

SINGAPORE = "Summit venue ready\n\nSINGAPORE, June 7 (Reuters) - "


def test_bare_titles_in_a_singapore_story_are_singapores(known: Any) -> None:
    text = SINGAPORE + (
        "Singapore's Foreign Minister Vivian Balakrishnan flew to Beijing on Thursday. Prime "
        "Minister Lee Hsien Loong said the venue was ready, and Defence Minister Ng Eng Hen "
        "said security was tight."
    )
    got = held(text, known, "2018-06-07")
    assert ("Vivian Balakrishnan", "chairman",
            "Ministry of Foreign Affairs of the Republic of Singapore") in got  # fmt: skip
    assert ("Lee Hsien Loong", "chairman", "Government of the Republic of Singapore") in got
    assert ("Ng Eng Hen", "chairman", "Ministry of Defence of the Republic of Singapore") in got


def test_a_bare_title_in_a_washington_story_is_no_american_office(known: Any) -> None:
    text = "Talks\n\nWASHINGTON, June 7 (Reuters) - " + (
        "Singapore's Foreign Minister Vivian Balakrishnan met U.S. officials. Prime Minister Lee "
        "Hsien Loong said he was glad."
    )
    assert organs_of(text, known, "Lee Hsien Loong", "2018-06-07") == set()


def test_a_singapore_dateline_without_its_nationality_words_holds_nothing(known: Any) -> None:
    text = SINGAPORE + "The summit will be held here. Prime Minister Lee Hsien Loong was glad."
    assert organs_of(text, known, "Lee Hsien Loong", "2018-06-07") == set()


def test_a_ministrys_word_before_the_role_and_a_state_after_it(known: Any) -> None:
    text = KCNA + "Teo Chee Hean, defence minister of Singapore, arrived by air."
    assert organs_of(text, known, "Teo Chee Hean", "2005-05-04") == {
        ("chairman", "Ministry of Defence of the Republic of Singapore")
    }


# -- a bare (vice) president in a story datelined in his state's capital ------------------------

BEIJING = "Trip abroad\n\nBEIJING, June 17 (AFP) - "


def test_a_bare_vice_president_with_a_chinese_name_in_a_beijing_story(known: Any) -> None:
    text = BEIJING + "Vice President Zeng Qinghong left on Tuesday for a visit to Hanoi."
    assert organs_of(text, known, "Zeng Qinghong", "2004-06-17") == {
        ("vice-chairman", "People's Republic of China")
    }


def test_a_bare_president_whose_name_cannot_serve_the_dateline_state_holds_none(
    known: Any,
) -> None:
    text = BEIJING + "President Vladimir Putin arrived on Tuesday for talks."
    assert organs_of(text, known, "Vladimir Putin", "2004-06-17") == set()
    text = "Talks\n\nWASHINGTON, June 17 (AFP) - President Hu Jintao arrived on Tuesday."
    assert organs_of(text, known, "Hu Jintao", "2004-06-17") == set()
