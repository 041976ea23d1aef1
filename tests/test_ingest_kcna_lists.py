"""KCNA's and Rodong Sinmun's organizational-matter lists (issue 15), one class per group:
heading lists ("The following were elected or by-elected:" and blocks of a heading line naming
a role in an organ over a line or lines of names); announcements fronted before a colon
("Elected members of the SAC by by-election were:"); recalls and reliefs over two groups of
people or two posts. Short synthetic texts read against tests/fixtures/ingest/facts/records;
each asserts person, role, organ, type and dates of the facts drafted."""

from __future__ import annotations

from test_ingest_antecedents import facts

from kwpld.ingest import Known

PLENUM = (
    "The 5th Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea "
    "was held on 11 February 2021.\n\n"
)
SESSION = "The session of the Supreme People's Assembly was held on 11 February 2021.\n\n"
ON = "2021-02-11"


def _elected(person: str, role: str, organ: str, kind: str = "elected") -> tuple[object, ...]:
    return (person, role, organ, kind, ON, None, None)


def _ended(person: str, role: str, organ: str, kind: str) -> tuple[object, ...]:
    return (person, role, organ, kind, None, ON, None)


# -- 1. heading lists --------------------------------------------------------------------------


def test_headings_over_comma_separated_names(known: Known) -> None:
    got = facts(
        PLENUM + "The following were elected or by-elected:\n\n"
        "Members of the Presidium of the Political Bureau of the C.C., WPK\n"
        "Kim Jong Un, Choe Ryong Hae, Pak Pong Ju\n\n"
        "Members of the Political Bureau of the C.C., WPK by by-election\n"
        "Ri Man Gon, Kim Jae Ryong\n\n"
        "Alternate members of the Political Bureau of the C.C., WPK by by-election\n"
        "Jo Yong Won, Kim Tok Hun\n",
        known,
    )
    for person in ("kim-jong-un", "choe-ryong-hae", "pak-pong-ju"):
        assert _elected(person, "member", "wpk-pb-presidium") in got
        assert (person, "member", "wpk-pb-presidium", "holds") not in {g[:4] for g in got}
    assert _elected("ri-man-gon", "member", "wpk-pb") in got
    assert _elected("kim-jae-ryong", "member", "wpk-pb") in got
    assert _elected("jo-yong-won", "alternate-member", "wpk-pb") in got
    assert _elected("kim-tok-hun", "alternate-member", "wpk-pb") in got
    assert not any(g[0] == "ri-man-gon" and g[2] == "wpk-pb-presidium" for g in got)


def test_headings_with_colons_and_one_name_a_line(known: Known) -> None:
    got = facts(
        PLENUM + "Organizational matters:\n\n"
        "Vice-chairmen of the WPK Central Committee:\nRi Pyong Chol\nKim Tok Hun\n\n"
        "Chairman of the Central Auditing Commission\nKim Jae Ryong\n",
        known,
    )
    assert _elected("ri-pyong-chol", "vice-chairman", "wpk-cc") in got
    assert _elected("kim-tok-hun", "vice-chairman", "wpk-cc") in got
    assert _elected("kim-jae-ryong", "chairman", "wpk-cac") in got


def test_a_heading_names_its_own_change(known: Known) -> None:
    got = facts(
        PLENUM + "The plenary meeting dealt with organizational matters:\n\n"
        "By-elected members of the Political Bureau of the C.C., WPK:\n"
        "Jo Yong Won, Ri Pyong Chol\n\n"
        "Recalled from the Political Bureau of the C.C., WPK:\nRi Man Gon\n",
        known,
    )
    assert _elected("jo-yong-won", "member", "wpk-pb") in got
    assert _elected("ri-pyong-chol", "member", "wpk-pb") in got
    assert _ended("ri-man-gon", "member", "wpk-pb", "recalled") in got


def test_numbered_headings_and_headings_with_names_on_their_line(known: Known) -> None:
    got = facts(
        PLENUM + "The plenary meeting by-elected the following:\n\n"
        "1. Members of the Political Bureau of the C.C., WPK\n- Ri Man Gon\n- Kim Jae Ryong\n\n"
        "2. Alternate members of the Political Bureau of the C.C., WPK: Jo Yong Won, Kim Tok Hun"
        "\n\nThe meeting then discussed the economy. Kim Jong Un made a speech.\n",
        known,
    )
    assert _elected("ri-man-gon", "member", "wpk-pb") in got
    assert _elected("kim-jae-ryong", "member", "wpk-pb") in got
    assert _elected("jo-yong-won", "alternate-member", "wpk-pb") in got
    assert _elected("kim-tok-hun", "alternate-member", "wpk-pb") in got
    assert not any(g[0] == "kim-jong-un" and g[3] == "elected" for g in got)


def test_names_without_a_heading_are_not_guessed(known: Known) -> None:
    got = facts(
        PLENUM + "The following were elected or by-elected:\n\nKim Jong Un, Choe Ryong Hae\n",
        known,
    )
    assert not any(g[0] in ("kim-jong-un", "choe-ryong-hae") and g[3] == "elected" for g in got)


# -- 2. fronted list announcements -------------------------------------------------------------


def test_fronted_election_one_name_a_line(known: Known) -> None:
    got = facts(
        SESSION + "Elected members of the State Affairs Commission by by-election were:\n"
        "Ri Man Gon\nKim Jae Ryong\n",
        known,
    )
    assert _elected("ri-man-gon", "member", "sac") in got
    assert _elected("kim-jae-ryong", "member", "sac") in got


def test_fronted_recall_names_after_the_colon(known: Known) -> None:
    got = facts(
        SESSION + "Recalled from the State Affairs Commission were: Ri Su Yong, Kim Su Gil and "
        "Ri Man Gon.",
        known,
    )
    for person in ("ri-su-yong", "kim-su-gil", "ri-man-gon"):
        assert _ended(person, "member", "sac", "recalled") in got


def test_a_fronted_list_without_an_organ_drafts_nothing(known: Known) -> None:
    got = facts(SESSION + "Recalled were:\nRi Man Gon\nKim Jae Ryong\n", known)
    assert not any(g[0] in ("ri-man-gon", "kim-jae-ryong") for g in got)


def test_fronted_appointment(known: Known) -> None:
    got = facts(
        SESSION + "Newly appointed vice-premiers of the Cabinet were:\n- Pak Jong Gun\n"
        "- Kim Tok Hun\n",
        known,
    )
    assert _elected("pak-jong-gun", "vice-chairman", "cabinet", "appointed") in got
    assert _elected("kim-tok-hun", "vice-chairman", "cabinet", "appointed") in got


# -- 3. recalls and reliefs over two groups, or over two posts ---------------------------------


def test_recall_of_two_groups_from_two_posts(known: Known) -> None:
    got = facts(
        SESSION + "The session recalled Pak Pong Ju from the post of vice-chairman of the SAC, "
        "and Ri Man Gon, Ri Su Yong and Kim Su Gil from the posts of members of the SAC.",
        known,
    )
    assert _ended("pak-pong-ju", "vice-chairman", "sac", "recalled") in got
    for person in ("ri-man-gon", "ri-su-yong", "kim-su-gil"):
        assert _ended(person, "member", "sac", "recalled") in got
        assert (person, "vice-chairman", "sac", "recalled") not in {g[:4] for g in got}


def test_relief_of_two_groups_with_their_posts(known: Known) -> None:
    got = facts(
        PLENUM + "The plenary meeting relieved Ri Pyong Chol of his post as vice-chairman of "
        "the WPK Central Committee and Jo Yong Won and Kim Tok Hun of their posts as members of "
        "the Political Bureau of the C.C., WPK.",
        known,
    )
    assert _ended("ri-pyong-chol", "vice-chairman", "wpk-cc", "relieved") in got
    assert _ended("jo-yong-won", "member", "wpk-pb", "relieved") in got
    assert _ended("kim-tok-hun", "member", "wpk-pb", "relieved") in got


def test_the_posts_are_each_post_the_clause_before_changed(known: Known) -> None:
    got = facts(
        SESSION + "It relieved Kim Il Chol of his posts as vice-premier of the Cabinet and "
        "chairman of the State Planning Commission and appointed Pak Jong Gun to the posts.",
        known,
    )
    for role, organ in (("vice-chairman", "cabinet"), ("chairman", "state-planning-commission")):
        assert _ended("kim-il-chol", role, organ, "relieved") in got
        assert _elected("pak-jong-gun", role, organ, "appointed") in got


def test_these_posts_in_the_next_sentence(known: Known) -> None:
    got = facts(
        SESSION + "Kim Il Chol was released from his posts as vice-premier of the Cabinet and "
        "chairman of the State Planning Commission. Pak Jong Gun was appointed to these posts.",
        known,
    )
    assert _elected("pak-jong-gun", "vice-chairman", "cabinet", "appointed") in got
    assert _elected("pak-jong-gun", "chairman", "state-planning-commission", "appointed") in got
