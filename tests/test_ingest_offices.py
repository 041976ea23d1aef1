"""Class AE (issue 15): whose office a title is, in news prose. KCNA's "of the C.C., CPC" is the
Chinese party's organ, never the WPK's its head word names; "the North's United Front
Department" is the WPK's; the President of the SPA Presidium "of the DPRK Supreme People's
Assembly"; a bare "Defense Minister" or "Unification Minister" before a South Korean name in a
story from Seoul is the South's, while the North's ministers printed bare in the same copy stay
the DPRK's. Synthetic sentences, varied wording; near misses must not fire."""

from __future__ import annotations

from typing import Any

from facts_helpers import held

CPC_CC = "of the Central Committee of the Communist Party of China"
KCNA = "Pyongyang, May 4 (KCNA) -- "
SEOUL = "Talks planned\n\nSEOUL, March 8 (Yonhap) -- The cabinet met.\n\n"
TOKYO = "Talks planned\n\nTOKYO, March 8 Kyodo\n\nThe cabinet met.\n\n"


def organs_of(text: str, known: Any, person: str, date: str = "2018-05-04") -> set[tuple[str, str]]:
    return {(role, organ) for who, role, organ in held(text, known, date) if who == person}


# -- "of the C.C., CPC" -----------------------------------------------------------------------


def test_a_chinese_politburo_seat_printed_kcna_style_is_the_cpcs(known: Any) -> None:
    text = KCNA + "Guo Qing, alternate member of the Political Bureau of the C.C., CPC, arrived."
    got = organs_of(text, known, "Guo Qing")
    assert got == {
        ("alternate-member", f"Political Bureau {CPC_CC}")
    }


def test_departments_and_offices_of_the_cpc_cc_are_drafted_under_the_cpc(known: Any) -> None:
    text = KCNA + (
        "He was accompanied by Lu Ming, director of the General Office of the C.C., CPC, and "
        "Zhao Lin, head of the International Department of the C.C., CPC."
    )
    assert organs_of(text, known, "Lu Ming") == {
        ("director", f"General Office {CPC_CC}")
    }
    assert organs_of(text, known, "Zhao Lin") == {
        ("director", f"International Department {CPC_CC}")
    }


def test_the_cc_alone_after_a_chinese_guest_is_the_cpc_central_committee(known: Any) -> None:
    text = KCNA + "Also present was Wei Hong, member of the C.C., CPC."
    assert organs_of(text, known, "Wei Hong") == {
        ("member", "Central Committee of the Communist Party of China")
    }


def test_the_wpks_own_cc_form_stays_the_wpks(known: Any) -> None:
    text = KCNA + (
        "Pak Thae Song, alternate member of the Political Bureau of the C.C., WPK, and Ri Su "
        "Yong, director of the International Department of the C.C., WPK, greeted them."
    )
    assert organs_of(text, known, "Pak Thae Song") == {("alternate-member", "wpk-pb")}
    assert organs_of(text, known, "Ri Su Yong") == {("director", "wpk-international")}


# -- the North's organs named in Seoul's copy --------------------------------------------------


def test_the_norths_united_front_department_is_the_wpks(known: Any) -> None:
    text = SEOUL + "Ri Chol Man, head of the North's United Front Department, issued a statement."
    assert organs_of(text, known, "Ri Chol Man", "2023-03-08") == {("director", "wpk-ufd")}


def test_president_of_the_presidium_of_the_dprk_spa_is_the_post(known: Any) -> None:
    text = KCNA + (
        "They were greeted by Kim Yong Nam, president of the Presidium of the DPRK Supreme "
        "People's Assembly."
    )
    assert organs_of(text, known, "kim-yong-nam") == {("chairman", "spa-presidium")}


# -- South Korean ministers printed bare in a Seoul story ---------------------------------------


def test_a_bare_defense_minister_with_a_south_korean_name_in_seoul_copy(known: Any) -> None:
    text = SEOUL + "Defense Minister Han Min-koo told lawmakers the army was ready."
    got = organs_of(text, known, "Han Min-koo", "2016-03-08")
    assert got == {("chairman", "Ministry of National Defense of the Republic of Korea")}


def test_unification_and_defence_ministers_in_a_seoul_list(known: Any) -> None:
    text = SEOUL + (
        "Present were Unification Minister Ryoo Kihl-jae and Defence Minister Han Min-koo."
    )
    assert organs_of(text, known, "Ryoo Kihl-jae", "2016-03-08") == {
        ("chairman", "Ministry of Unification of the Republic of Korea")
    }
    assert organs_of(text, known, "Han Min-koo", "2016-03-08") == {
        ("chairman", "Ministry of National Defense of the Republic of Korea")
    }


def test_the_norths_minister_printed_bare_in_seoul_copy_stays_the_dprks(known: Any) -> None:
    text = SEOUL + "Defence Minister Kim Yong Chun has been replaced by Kim Il Chol."
    got = held(text, known, "2009-03-08")
    assert ("Kim Yong Chun", "chairman", "mpaf") in got
    assert not any("Republic of Korea" in organ for _, _, organ in got)


def test_a_north_korean_counterpart_before_the_title_is_the_dprks(known: Any) -> None:
    text = SEOUL + (
        "Han said his North Korean counterpart, Defense Minister Park Young-sik, had not replied."
    )
    got = organs_of(text, known, "Park Young-sik", "2016-03-08")
    assert got == {("chairman", "mpaf")}


def test_a_bare_defense_minister_outside_a_seoul_story_is_not_the_souths(known: Any) -> None:
    text = TOKYO + "Defense Minister Song Young-moo met his Japanese counterpart."
    got = organs_of(text, known, "Song Young-moo", "2018-03-08")
    assert not any("Republic of Korea" in organ for _, organ in got)


def test_a_nationality_before_the_unification_minister_names_one_ministry(known: Any) -> None:
    text = SEOUL + "Hyun In-taek, the South Korean unification minister, said so."
    got = organs_of(text, known, "Hyun In-taek", "2011-03-08")
    assert got == {("chairman", "Ministry of Unification of the Republic of Korea")}


# -- heads of state --------------------------------------------------------------------------


def test_a_us_vice_president_is_the_vice_chairman_of_the_united_states(known: Any) -> None:
    text = SEOUL + "U.S. Vice President Joe Biden toured the border on Thursday."
    got = organs_of(text, known, "Joe Biden", "2013-12-05")
    assert got == {("vice-chairman", "United States of America")}


def test_a_vice_president_of_a_state_without_the_office_is_none(known: Any) -> None:
    text = SEOUL + "Russian Vice President Pavel Orlov toured the border on Thursday."
    assert organs_of(text, known, "Pavel Orlov", "2013-12-05") == set()


def test_a_bare_president_with_a_south_korean_name_in_seoul_copy(known: Any) -> None:
    text = SEOUL + "President Lee Myung-bak's office said the talks would go ahead."
    got = organs_of(text, known, "Lee Myung-bak", "2010-03-08")
    assert got == {("chairman", "Republic of Korea")}


def test_a_bare_president_outside_seoul_copy_or_after_the_north_is_none(known: Any) -> None:
    tokyo = TOKYO + "President Lee Myung-bak's office said the talks would go ahead."
    assert organs_of(tokyo, known, "Lee Myung-bak", "2010-03-08") == set()
    north = SEOUL + "The North's President Kim Il Sung met Jimmy Carter on Friday."
    assert not any(
        "Republic of Korea" in organ for _, _, organ in held(north, known, "1994-06-18")
    )


# -- Russian ministries printed in lower case ----------------------------------------------------

NK_NEWS = "Visit ends\n\nBy Staff | October 2, 2024\n\nThe Russian delegation left Pyongyang.\n\n"


def test_a_ministry_of_two_heads_joined_by_and(known: Any) -> None:
    text = NK_NEWS + "Ivan Sokolov, Russia's minister of energy and transport, met Premier Kim."
    got = organs_of(text, known, "Ivan Sokolov", "2024-10-02")
    assert got == {("chairman", "Ministry of Energy and Transport of the Russian Federation")}


def test_a_ministry_for_the_development_of_a_named_place(known: Any) -> None:
    text = NK_NEWS + (
        "Oleg Petrov, the Russian minister for the development of the Far East and the Arctic, "
        "toured the port."
    )
    got = organs_of(text, known, "Oleg Petrov", "2024-10-02")
    assert got == {(
        "chairman",
        "Ministry for the Development of the Far East and the Arctic of the Russian Federation",
    )}  # fmt: skip


def test_a_capitalized_ministry_before_minister_is_its_own(known: Any) -> None:
    text = NK_NEWS + (
        "Yun Jong Ho, the minister of external economic relations, hosted the talks. Russian "
        "Natural Resources Minister Ivan Sokolov attended."
    )
    got = organs_of(text, known, "Ivan Sokolov", "2024-10-02")
    assert got == {("chairman", "Ministry of Natural Resources of the Russian Federation")}


def test_a_coordinated_word_that_is_no_ministry_is_not_taken(known: Any) -> None:
    text = NK_NEWS + "Ivan Sokolov, Russia's minister of energy and a close aide, met Premier Kim."
    got = organs_of(text, known, "Ivan Sokolov", "2024-10-02")
    assert ("chairman", "Ministry of Energy and a of the Russian Federation") not in got
    assert not any(" and " in organ for _, organ in got)


def test_a_states_security_council_by_its_possessive(known: Any) -> None:
    text = NK_NEWS + "Kim received Pavel Orlov, secretary of Russia's Security Council."
    got = organs_of(text, known, "Pavel Orlov", "2024-10-02")
    assert got == {("secretary", "Security Council of the Russian Federation")}


def test_a_ministry_named_with_its_state_takes_no_second_state(known: Any) -> None:
    text = "Talks\n\nVladivostok, April 24 (KCNA) -- Russian officials came.\n\n" + (
        "Oleg Petrov, minister for the Development of the Russian Far East, met him."
    )
    got = organs_of(text, known, "Oleg Petrov", "2019-04-24")
    assert got == {("chairman", "Ministry for the Development of the Russian Far East")}


def test_the_north_koreans_minister_closing_the_sentence(known: Any) -> None:
    text = NK_NEWS + (
        "The ambassador attended, as did North Korea's minister of external economic relations, "
        "Yun Jong Ho."
    )
    got = organs_of(text, known, "Yun Jong Ho", "2024-10-02")
    assert got == {("chairman", "Ministry of External Economic Relations")}


# -- Seoul's security office --------------------------------------------------------------------


def test_seouls_national_security_adviser_and_deputy_director(known: Any) -> None:
    text = SEOUL + (
        "The council was chaired by national security adviser Kim Jang-soo. Kim Tae-hyo, first "
        "deputy director of the National Security Office, briefed reporters."
    )
    assert organs_of(text, known, "Kim Jang-soo", "2013-03-08") == {
        ("chairman", "National Security Office")
    }
    assert organs_of(text, known, "Kim Tae-hyo", "2013-03-08") == {
        ("first-vice-director", "National Security Office")
    }


def test_a_foreign_national_security_adviser_is_not_seouls(known: Any) -> None:
    text = SEOUL + "National security adviser John Bolton met Chung on Friday."
    assert organs_of(text, known, "John Bolton", "2019-03-08") == set()


def test_a_title_in_apposition_before_the_name_after_met(known: Any) -> None:
    text = SEOUL + "Earlier she met the president of South Korea, Lee Myung-bak, in Seoul."
    got = organs_of(text, known, "Lee Myung-bak", "2010-03-08")
    assert got == {("chairman", "Republic of Korea")}


def test_met_a_person_then_a_title_is_no_apposition(known: Any) -> None:
    text = SEOUL + "She met Lee Myung-bak, the president's brother, and Kim Min-soo in Seoul."
    assert organs_of(text, known, "Kim Min-soo", "2010-03-08") == set()
