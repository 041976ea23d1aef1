"""Titles of DPRK officials in relative clauses, plurals, passives and quotes (issue 15, class
J): "A and B, both vice chairmen of X" (one holding each), "the department, whose director is
K", "the department is now headed by R", "KCNA listed H as 'director of the GPB'", "H, a first
vice director of the OGD until recently" (a past title, undated), "is believed to have been
moved to a post of secretary of the Central Committee" (reported), and a change's title that
is not also the title of a name beside it. Each class with a near miss that must not draft.
Short synthetic texts, read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from typing import Any

from facts_helpers import iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

YONHAP = "SEOUL, Sept. 18 (Yonhap) -- "
KCNA = "Pyongyang, March 3 (KCNA) -- "


def _drafted(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def rows(text: str, known: Known, date: str = "2019-09-18") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end, as_of, status) of every holding drafted; a new person
    by the name drafted."""
    drafted = _drafted(text, known, date)
    names = {
        d.id: (d.record.get("names") or [{}])[0].get("text", d.id)
        for d in drafted.drafts
        if d.kind == "person"
    }
    return {
        (names.get(r["person"], r["person"]), r["role"], r["organ"], iso(r.get("start")),
         iso(r.get("end")), iso(r.get("as_of")), r["status"])
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def held(text: str, known: Known, date: str = "2019-09-18") -> set[tuple[str, str, str]]:
    return {(h[0], h[1], h[2]) for h in rows(text, known, date)}


# -- plurals: "A and B, both T" -------------------------------------------------------------------


def test_both_before_a_plural_title_gives_each_a_holding(known: Known) -> None:
    got = held(
        YONHAP + "Ri Su Yong and Kim Phyong Hae, both vice chairmen of the WPK Central "
        "Committee, kept their portfolios.",
        known,
    )
    assert ("Ri Su Yong", "vice-chairman", "wpk-cc") in got
    assert ("Kim Phyong Hae", "vice-chairman", "wpk-cc") in got


def test_both_with_a_department_and_a_family_name_min(known: Known) -> None:
    got = held(
        YONHAP + "Jo Yon Jun and Min Pyong Chol, both first vice directors of the Organization "
        "and Guidance Department, were said to have overseen the review.",
        known,
    )
    assert ("Jo Yon Jun", "first-vice-director", "wpk-ogd") in got
    assert ("Min Pyong Chol", "first-vice-director", "wpk-ogd") in got


def test_both_before_something_else_than_a_title_drafts_nothing(known: Known) -> None:
    got = held(
        YONHAP + "Ri Su Yong and Kim Phyong Hae, both veterans of the Central Committee's "
        "foreign work, kept a low profile.",
        known,
    )
    assert not any(h[0] in ("Ri Su Yong", "Kim Phyong Hae") for h in got)


# -- relative clauses on the organ: "O, whose T is P" ---------------------------------------------


def test_whose_role_is_gives_the_organs_role(known: Known) -> None:
    got = held(
        YONHAP + "The Organization and Guidance Department, whose director is Kim Jong Un "
        "himself, has handled every reshuffle.",
        known,
    )
    assert ("kim-jong-un", "director", "wpk-ogd") in got
    got = held(
        YONHAP + "The Central Military Commission of the party, whose vice chairman is Ri Pyong "
        "Chol, last met in June.",
        known,
    )
    assert ("ri-pyong-chol", "vice-chairman", "wpk-cmc") in got


def test_whose_without_a_role_drafts_nothing(known: Known) -> None:
    got = held(
        YONHAP + "The Organization and Guidance Department, whose officials fear Kim Jong Un, "
        "has handled every reshuffle.",
        known,
    )
    assert not any(h[1] == "director" and h[2] == "wpk-ogd" for h in got)


# -- passives: "O is (now) headed by P" -----------------------------------------------------------


def test_a_present_passive_states_the_head_as_of_the_article(known: Known) -> None:
    got = rows(
        YONHAP + "The United Front Department is now headed by Jang Kum Chol, officials said.",
        known,
    )
    assert ("Jang Kum Chol", "director", "wpk-ufd", None, None, "2019-09-18", "reported") in got
    got = held(YONHAP + "The State Affairs Commission is chaired by Kim Jong Un.", known)
    assert ("kim-jong-un", "chairman", "sac") in got


def test_a_past_passive_without_a_date_drafts_nothing(known: Known) -> None:
    # "was headed by" without a date says neither when nor that it still is
    got = held(YONHAP + "The United Front Department was headed by Jang Kum Chol.", known)
    assert ("Jang Kum Chol", "director", "wpk-ufd") not in got


# -- quoted and reported titles: "listed P as 'T'" ------------------------------------------------


def test_a_title_the_report_lists_the_person_as(known: Known) -> None:
    got = rows(
        YONHAP + 'In its report on Sunday, KCNA listed Kim Su Gil as "director of the General '
        'Political Bureau of the KPA," the first time it printed his title.',
        known,
    )
    assert any(
        h[:3] == ("Kim Su Gil", "director", "kpa-gpb") and h[6] == "confirmed" for h in got
    )
    got = held(
        "TOKYO (AP) -- The agency referred to O Jin U as minister of the People's Armed Forces "
        "in its report.",
        known,
        date="1993-04-10",
    )
    assert ("O Jin U", "chairman", "mpaf") in got


def test_listed_as_something_else_than_a_title_drafts_nothing(known: Known) -> None:
    got = held(
        YONHAP + 'KCNA listed Kim Su Gil as "a hero of the republic" in its report on the drill.',
        known,
    )
    assert not any(h[0] == "Kim Su Gil" for h in got)


# -- past titles after the title: "P, a T until recently" -----------------------------------------


def test_until_recently_after_the_title_is_a_past_title_undated(known: Known) -> None:
    got = rows(
        YONHAP + "Hwang Pyong So, a first vice director of the Organization and Guidance "
        "Department until recently, was promoted to vice marshal.",
        known,
    )
    assert ("hwang-pyong-so", "first-vice-director", "wpk-ogd", None, None, None,
            "confirmed") in got  # fmt: skip
    got = rows(
        KCNA + "Kim Kyok Sik, formerly Minister of People's Armed Forces, spoke.",
        known,
        date="2014-03-03",
    )
    assert any(h[:3] == ("Kim Kyok Sik", "chairman", "mpaf") and h[5] is None for h in got)


def test_until_a_date_after_the_title_ends_it_then(known: Known) -> None:
    got = rows(
        YONHAP + "The Organization and Guidance Department is now headed by Ri Man Gon, a first "
        "vice director of the department until last year.",
        known,
    )
    assert any(h[:5] == ("Ri Man Gon", "first-vice-director", "wpk-ogd", None, "2018") for h in got)
    got = rows(
        YONHAP + "Kim Yong Chol, director of the United Front Department until April, met them.",
        known,
    )
    assert any(h[:5] == ("kim-yong-chol", "director", "wpk-ufd", None, "2019-04") for h in got)


def test_until_a_date_after_something_else_than_a_title_drafts_nothing(known: Known) -> None:
    got = held(
        YONHAP + "Kim Yong Chol, a frequent visitor to Beijing until April, met them.", known
    )
    assert not any(h[0] == "kim-yong-chol" for h in got)


# -- hedged moves: "is believed to have been moved to a post of T" --------------------------------


def test_a_hedged_move_to_a_post_is_reported(known: Known) -> None:
    got = rows(
        YONHAP + "Kim Yong Chol is believed to have been moved to a post of secretary of the "
        "Central Committee after the summit failed.",
        known,
    )
    assert ("kim-yong-chol", "secretary", "wpk-cc", None, None, "2019-09-18", "reported") in got
    got = rows(
        YONHAP + "Choe Ryong Hae was transferred to the post of secretary of the WPK Central "
        "Committee, KCNA said.",
        known,
    )
    assert any(h[:3] == ("choe-ryong-hae", "secretary", "wpk-cc") for h in got)


def test_a_move_to_an_organ_or_from_a_post_drafts_no_new_title(known: Known) -> None:
    got = held(
        YONHAP + "Kim Yong Chol is believed to have been moved to the United Front Department.",
        known,
    )
    assert not any(h[0] == "kim-yong-chol" for h in got)  # a move that names no role
    # "moved from the post of": an end if anything, never a holding that begins
    assert not any(
        r[0] == "kim-yong-chol" and r[1] == "secretary" and (r[3] or r[5])
        for r in rows(
            YONHAP + "Kim Yong Chol was moved from the post of secretary of the Central "
            "Committee.",
            known,
        )
    )


# -- a change's title is not a title of the name beside it ----------------------------------------


def test_a_title_given_by_a_change_is_not_in_apposition_to_another_name(known: Known) -> None:
    text = (
        "TOKYO (AP) -- North Korea's legislature on Friday named Kim Jong Il, the son and heir "
        "of President Kim Il Sung, chairman of the National Defence Commission, KCNA reported."
    )
    got = held(text, known, date="1993-04-10")
    assert ("kim-jong-il", "chairman", "ndc") in got
    assert ("kim-il-sung", "chairman", "ndc") not in got


def test_an_apposition_beside_a_change_still_drafts(known: Known) -> None:
    got = held(
        KCNA + "The session elected Choe Ryong Hae, member of the Presidium of the Political "
        "Bureau, President of the Presidium of the Supreme People's Assembly.",
        known,
        date="2019-04-12",
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got
    assert ("choe-ryong-hae", "chairman", "spa-presidium") in got


# -- "its <part>": the part of the organ named before ---------------------------------------------


def test_its_part_is_the_part_of_the_organ_named_before(known: Known) -> None:
    got = held(
        "TOKYO (AP) -- North Korea's Supreme People's Assembly met on Friday. The assembly "
        "normally meets once or twice a year. Its standing committee is chaired by Yang Hyong "
        "Sop.",
        known,
        date="1993-04-10",
    )
    assert ("Yang Hyong Sop", "chairman", "spa-presidium") in got
    got = held(
        KCNA + "The Political Bureau met on Monday. Its Presidium is made up of Kim Jong Un and "
        "Choe Ryong Hae.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got


def test_its_part_the_folder_does_not_know_drafts_nothing(known: Known) -> None:
    got = held(
        KCNA + "The Cabinet met on Monday. Its standing committee is chaired by Kim Tok Hun.",
        known,
    )
    assert not any(h[0] == "kim-tok-hun" and h[2] != "cabinet" for h in got)


# -- open questions: "whether X would join O" -----------------------------------------------------


def test_a_title_in_an_open_question_drafts_nothing(known: Known) -> None:
    for text in (
        "The source could not say whether Choe Ryong Hae would join the Presidium of the "
        "Political Bureau.",
        "It is unclear whether or not Choe Ryong Hae will become a member of the Presidium of "
        "the Political Bureau.",
    ):
        assert ("choe-ryong-hae", "member", "wpk-pb-presidium") not in held(YONHAP + text, known)
    got = held(
        YONHAP + "It is unclear whether the session elected him, but Choe Ryong Hae became a "
        "member of the Presidium of the Political Bureau.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got


# -- "the army's" before an organ's name, as "the party's" ----------------------------------------


def test_the_armys_before_the_organ_of_a_title(known: Known) -> None:
    got = held(
        YONHAP + "Kim Jong Gak, first vice director of the army's General Political Bureau, "
        "attended.",
        known,
    )
    assert ("Kim Jong Gak", "first-vice-director", "kpa-gpb") in got
    got = rows(
        YONHAP + "Ri Yong Ho, who was named chief of the military's general staff in February, "
        "attended.",
        known,
    )
    assert any(h[:4] == ("ri-yong-ho-kpa", "chairman", "kpa-general-staff", "2019-02") for h in got)


def test_the_armys_before_no_organ_drafts_nothing(known: Known) -> None:
    got = held(
        YONHAP + "Kim Jong Gak, first vice director of the army's political department, "
        "attended.",
        known,
    )
    assert not any(h[0] == "Kim Jong Gak" for h in got)


# -- an organ's possessive before its part: "the assembly's Presidium" -----------------------------


def test_the_possessive_of_an_organ_before_its_part(known: Known) -> None:
    opening = YONHAP + "The Supreme People's Assembly met on Monday. "
    got = held(opening + "Kim Yong Nam, the president of the assembly's Presidium, spoke.", known)
    assert ("kim-yong-nam", "chairman", "spa-presidium") in got
    got = held(
        opening + "Yang Hyong Sop, chairman of the assembly's standing committee, spoke.", known
    )
    assert ("Yang Hyong Sop", "chairman", "spa-presidium") in got


def test_the_possessive_of_an_organ_before_no_known_part_drafts_nothing(known: Known) -> None:
    got = held(
        YONHAP + "Kim Tok Hun, the chairman of the Cabinet's agriculture commission, spoke.", known
    )
    assert ("kim-tok-hun", "chairman", "cabinet") not in got


# -- whose title: a list, then ", and" or a singular "who" ----------------------------------------


def test_a_title_before_and_after_a_comma_and_stays_with_its_own_name(known: Known) -> None:
    got = held(
        YONHAP + "Photos released by KCNA showed Hwang Pyong So, director of the army's General "
        "Political Bureau, and Premier Pak Pong Ju flanking Kim on the stage.",
        known,
    )
    assert ("hwang-pyong-so", "director", "kpa-gpb") in got
    assert ("pak-pong-ju", "chairman", "cabinet") in got
    assert ("pak-pong-ju", "director", "kpa-gpb") not in got
    got = held(YONHAP + "Premier and Foreign Minister Kim Yong Il spoke.", known)
    assert {("Kim Yong Il", "chairman", "cabinet"), ("Kim Yong Il", "chairman", "mfa")} <= got


def test_a_singular_who_after_a_list_is_the_last_persons(known: Known) -> None:
    got = held(
        YONHAP + "Among those present were Kim Il Chol, the minister of the People's Armed "
        "Forces, and Ri Yong Ho, who was named chief of the army's general staff in February.",
        known,
    )
    assert ("ri-yong-ho-kpa", "chairman", "kpa-general-staff") in got
    assert ("kim-il-chol", "chairman", "kpa-general-staff") not in got
    got = held(
        YONHAP + "Choe Ryong Hae and Pak Pong Ju, who were elected members of the Presidium of "
        "the Political Bureau in 2016, attended.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got
    assert ("pak-pong-ju", "member", "wpk-pb-presidium") in got
