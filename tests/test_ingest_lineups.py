"""Organ line-ups (issue 15, class BA): an organ's members elected under role headings with a
dash ("Vice-Chairmen - A, B"), announced as "elected the members of O upon the recommendation
of its chairman as follows:"; membership stated as a line-up ("O now comprises A, B and C, the
T", "O, which oversees X, is made up of A, B and C, among others", "The new O: A, B and C").
Short synthetic sentences with other names and organs, each with near misses that must not
draft: a delegation "consisted of" people, an organ that "consists of" departments, a line-up
to come ("will consist of"), the presidium of a congress."""

from __future__ import annotations

from facts_helpers import held
from facts_helpers import held_records as records

from kwpld.ingest import Known


def test_dash_headings_under_the_members_elected(known: Known) -> None:
    rows = records(
        "Pyongyang, March 10 (KCNA) -- The session was held on March 9.\n\n"
        "On the proposal of Kim Jong Un, the session elected the members of the State Affairs "
        "Commission as follows:\n\n"
        "First Vice-Chairman - Choe Ryong Hae\n"
        "Vice-Chairmen \u2014 Pak Pong Ju, Kim Yong Ho\n"
        "Members - Ri Su Yong, Thae Jong Su\n",
        known,
        "2016-03-10",
    )
    got = {row for row, _ in rows}
    assert {("choe-ryong-hae", "vice-chairman", "sac"), ("pak-pong-ju", "vice-chairman", "sac"),
            ("Kim Yong Ho", "vice-chairman", "sac"), ("Ri Su Yong", "member", "sac"),
            ("Thae Jong Su", "member", "sac")} <= got  # fmt: skip
    member = next(r for row, r in rows if row[0] == "Ri Su Yong")
    assert "start" in member


def test_recommendation_words_before_the_colon(known: Known) -> None:
    got = held(
        "Pyongyang, May 5 (KCNA) -- The session was held on May 4.\n\n"
        "The session elected the members of the National Defence Commission upon the "
        "recommendation of its chairman:\n\n"
        "Vice-chairmen: Jon Chang Bok, Kim Chol Su\n"
        "Members: Ri Ha Il\n",
        known,
        "1994-05-05",
    )
    assert {("Jon Chang Bok", "vice-chairman", "ndc"), ("Kim Chol Su", "vice-chairman", "ndc"),
            ("Ri Ha Il", "member", "ndc")} <= got  # fmt: skip


def test_a_dash_heading_under_a_delegation_holds_nothing(known: Known) -> None:
    got = held(
        "Pyongyang, May 5 (KCNA) -- The session approved the delegation of the assembly as "
        "follows:\n\nHead - Kang Sok Pom\nMembers - Ri Tong Gil, Pak Hyon Su\n",
        known,
        "2005-05-05",
    )
    assert not {p for p, _, _ in got} & {"Kang Sok Pom", "Ri Tong Gil", "Pak Hyon Su"}


def test_a_hyphen_inside_words_is_no_heading_mark(known: Known) -> None:
    got = held(
        "Pyongyang, May 5 (KCNA) -- The session elected the National Defence Commission:\n\n"
        "Members-Ri Tong Gil, Pak Hyon Su\n",
        known,
        "2005-05-05",
    )
    assert not {p for p, _, _ in got} & {"Ri Tong Gil", "Pak Hyon Su"}


# -- line-ups that state membership --------------------------------------------------------


def test_comprises_with_an_apposition_after_the_last_name(known: Known) -> None:
    rows = records(
        "SEOUL, Oct. 3 (AP) - The Presidium of the Political Bureau now comprises Kim Jong Un, "
        "Pak Pong Ju and Hwang Pyong So, the director of the army's General Political Bureau.",
        known,
        "2015-10-03",
    )
    got = {row for row, _ in rows}
    assert {("kim-jong-un", "member", "wpk-pb-presidium"),
            ("pak-pong-ju", "member", "wpk-pb-presidium"),
            ("hwang-pyong-so", "member", "wpk-pb-presidium")} <= got  # fmt: skip
    held_as_of = next(r for row, r in rows if row[0] == "pak-pong-ju" and row[1] == "member")
    assert "as_of" in held_as_of and "start" not in held_as_of


def test_made_up_of_after_a_relative_clause_and_among_others(known: Known) -> None:
    got = held(
        "TOKYO, Feb. 2 (Kyodo) - The Central Military Commission, which commands the armed "
        "forces, is made up of Kim Jong Un, Ri Yong Gil and Pak Jong Chon, among others.",
        known,
        "2018-02-02",
    )
    assert {("kim-jong-un", "member", "wpk-cmc"), ("Ri Yong Gil", "member", "wpk-cmc"),
            ("Pak Jong Chon", "member", "wpk-cmc")} <= got  # fmt: skip


def test_the_new_organ_heading_a_lineup(known: Known) -> None:
    got = held(
        "SEOUL, June 2 (Yonhap) - The plenary meeting ended on Sunday.\n\n"
        "The new Political Bureau Presidium: Kim Jong Un, Choe Ryong Hae and Jo Yong Won.",
        known,
        "2024-06-02",
    )
    assert {("kim-jong-un", "member", "wpk-pb-presidium"),
            ("choe-ryong-hae", "member", "wpk-pb-presidium"),
            ("jo-yong-won", "member", "wpk-pb-presidium")} <= got  # fmt: skip


def test_lineups_near_misses(known: Known) -> None:
    got = held(
        "SEOUL, June 2 (Yonhap) - The delegation consisted of Ri Son Gwon and Kim Song Hye. "
        "The Cabinet consists of ministries and commissions. "
        "The new State Affairs Commission will consist of Choe Ryong Hae and Kim Tok Hun, an "
        "official predicted. "
        "The presidium of the congress consisted of Pak Pong Ju and Jo Yong Won. "
        "The Political Bureau: will it meet again?",
        known,
        "2019-06-02",
    )
    people = {p for p, _, _ in got}
    assert not people & {"Ri Son Gwon", "Kim Song Hye"}
    assert not {row for row in got if row[2] in ("sac", "wpk-pb-presidium")}
    assert ("pak-pong-ju", "member", "wpk-pb-presidium") not in got


def test_an_organ_colon_before_one_name_is_no_lineup(known: Known) -> None:
    got = held(
        "SEOUL, June 2 (Yonhap) - The plenary meeting ended on Sunday. "
        "Political Bureau: Kim Jong Un.",
        known,
        "2024-06-02",
    )
    assert ("kim-jong-un", "member", "wpk-pb") not in got


def test_consists_of_with_a_title_before_a_later_name(known: Known) -> None:
    got = held(
        "SEOUL, Sept. 4 (Yonhap) - The Presidium of the Political Bureau now consists of Kim "
        "Jong-un, Choe Ryong-hae, "
        "first vice chairman of the State Affairs Commission, Premier Kim Tok-hun and Jo "
        "Yong-won, a secretary of the Central Committee.",
        known,
        "2021-09-04",
    )
    assert {("kim-jong-un", "member", "wpk-pb-presidium"),
            ("choe-ryong-hae", "member", "wpk-pb-presidium"),
            ("kim-tok-hun", "member", "wpk-pb-presidium"),
            ("jo-yong-won", "member", "wpk-pb-presidium")} <= got  # fmt: skip


# -- "re-elected to the post" opening the paragraph after the nomination ---------------------


def test_the_post_of_the_nomination_in_the_paragraph_before(known: Known) -> None:
    got = held(
        "Pyongyang, April 10 (KCNA) -- The session was held on April 9.\n\n"
        "Choe Ryong Hae proposed electing Kim Jong Un, chairman of the Workers' Party of Korea, "
        "as President of the State Affairs Commission.\n\n"
        "The session declared that Kim Jong Un was re-elected to the post.",
        known,
        "2019-04-10",
    )
    assert ("kim-jong-un", "chairman", "sac") in got


def test_a_post_only_mentioned_in_the_paragraph_before_is_not_the_post(known: Known) -> None:
    got = held(
        "Pyongyang, April 10 (KCNA) -- The session was held on April 9.\n\n"
        "Kim Yong Chol, the Chairman of the Central Committee of the Korean Social Democratic "
        "Party, spoke.\n\n"
        "Pak Myong Chol was appointed to the post.",
        known,
        "2019-04-10",
    )
    assert not {row for row in got if row[0] == "Pak Myong Chol"}
