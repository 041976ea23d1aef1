"""Holdings in analysts' prose (issue 15, analyst session): rosters, projections, entries and
exits dated by the event or month printed, and participle clauses of change. One test per
class, each in several wordings (names, organs, tense, word order, spelling); short synthetic
texts read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

import pytest
from facts_helpers import Row, rows

from kwpld.ingest import Known, read_text

NKLW = "Posted 4 January 2020 by NK Leadership Watch\n\n"
PLENUM = (
    "The 5th Plenary Meeting of the 7th Central Committee of the Workers' Party of Korea was "
    "held in Pyongyang from 28 to 31 December 2019. "
)


def drafted(text: str, known: Known, date: str = "2020-01-04") -> set[Row]:
    """(person, role, organ, start, end, as_of, status) of every membership drafted."""
    _, result = read_text(NKLW + text, known=known, date=date, article_type="analysis")
    return rows(result)


# -- 1. rosters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Presidium of the Political Bureau currently has three members: Kim Jong Un, "
        "Choe Ryong-hae and Pak Pong-ju.",
        "The Politburo Presidium now comprises Kim Jong Un, Choe Ryong Hae and Pak Pong Ju.",
        "The PB Presidium is made up of Kim Jong-un, Ch'oe Ryong-hae and Pak Pong-chu.",
        "Kim Jong Un, Choe Ryong Hae and Pak Pong Ju sit on the Presidium of the Political "
        "Bureau.",
    ],
)
def test_a_roster_is_a_seat_of_each_as_of_the_article(known: Known, sentence: str) -> None:
    got = drafted(sentence, known)
    for person in ("kim-jong-un", "choe-ryong-hae", "pak-pong-ju"):
        assert (person, "member", "wpk-pb-presidium", None, None, "2020-01-04", "confirmed") in got


def test_the_other_holders_of_a_title_are_a_roster(known: Known) -> None:
    got = drafted(
        "The other vice-chairmen of the Central Military Commission are Ri Pyong-chol and "
        "Pak Jong-chon.",
        known,
    )
    people = {(g[0], g[1], g[2], g[5]) for g in got}
    assert ("ri-pyong-chol", "vice-chairman", "wpk-cmc", "2020-01-04") in people
    assert any(p[0].startswith("pak-jong-chon") and p[1] == "vice-chairman" for p in people)


def test_a_roster_needs_the_list_to_end_the_sentence(known: Known) -> None:
    # "The Presidium has Kim Jong Un ... to thank": no roster
    got = drafted("The Cabinet has Pak Pong Ju to thank for the new plan.", known)
    assert not any(g[2] == "cabinet" and g[1] == "member" for g in got)


# -- 2. projections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "person", "role", "organ"),
    [
        ("Ri Pyong Chol, tipped to become a vice-chairman of the Central Military Commission, "
         "oversees the missile program.", "ri-pyong-chol", "vice-chairman", "wpk-cmc"),
        ("Kim Yo-jong is in line for a secretaryship of the Central Committee.",
         "kim-yo-jong", "secretary", "wpk-cc"),
        ("Jo Yong Won is expected to take over as director of the Organization and Guidance "
         "Department.", "jo-yong-won", "director", "wpk-ogd"),
        ("Choe Ryong-hae will probably join the State Affairs Commission at the next session.",
         "choe-ryong-hae", "member", "sac"),
        ("Kim Tok Hun is the leading candidate for the post of premier.",
         "kim-tok-hun", "chairman", "cabinet"),
    ],
)  # fmt: skip
def test_a_projection_is_projected_and_undated(
    known: Known, sentence: str, person: str, role: str, organ: str
) -> None:
    assert (person, role, organ, None, None, None, "projected") in drafted(sentence, known)


def test_the_candidate_to_fill_it_takes_the_seat_the_sentence_before_names(known: Known) -> None:
    got = drafted(
        "Pak Pong Ju's retirement will leave a seat open on the Presidium of the Political "
        "Bureau. Premier Kim Tok Hun is the most likely candidate to fill it.",
        known,
    )
    assert ("kim-tok-hun", "member", "wpk-pb-presidium", None, None, None, "projected") in got


def test_a_candidate_member_is_no_projection(known: Known) -> None:
    got = drafted(PLENUM + "Kim Yo-jong was elected a candidate member of the Political Bureau.",
                  known)  # fmt: skip
    assert {g[6] for g in got if g[0] == "kim-yo-jong"} == {"confirmed"}


def test_a_projected_return_is_a_draft_apart_from_the_seat_lost(known: Known) -> None:
    got = drafted(
        PLENUM + "Ri Pyong Chol lost his seat on the Presidium of the Political Bureau at the "
        "plenum. Analysts say Ri is likely to return to the Presidium within a year.",
        known,
    )
    rows = {g for g in got if g[0] == "ri-pyong-chol" and g[2] == "wpk-pb-presidium"}
    assert ("ri-pyong-chol", "member", "wpk-pb-presidium", None, "2019-12-31", None,
            "confirmed") in rows  # fmt: skip
    assert ("ri-pyong-chol", "member", "wpk-pb-presidium", None, None, None, "projected") in rows


# -- 3. entries and exits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("Kim Yong-chol, who joined the Political Bureau in 2016, heads the UFD.",
         ("kim-yong-chol", "member", "wpk-pb", "2016", None, None, "confirmed")),
        (PLENUM + "Jo Yong Won was restored to the Central Military Commission at the plenum.",
         ("jo-yong-won", "member", "wpk-cmc", "2019-12-31", None, None, "confirmed")),
        (PLENUM + "Ri Pyong-chol, who entered the Politburo Presidium at the plenum, was born "
         "in 1948.",
         ("ri-pyong-chol", "member", "wpk-pb-presidium", "2019-12-31", None, None,
          "confirmed")),
        ("Kim Yo Jong was dropped as an alternate member of the Political Bureau in April 2019.",
         ("kim-yo-jong", "alternate-member", "wpk-pb", None, "2019-04", None, "confirmed")),
    ],
)  # fmt: skip
def test_entries_and_exits_dated_by_the_month_or_event(known: Known, sentence: str,
                                                       row: Row) -> None:  # fmt: skip
    assert row in drafted(sentence, known)


def test_a_return_after_a_seat_lost_in_a_who_clause(known: Known) -> None:
    got = drafted(
        PLENUM + "Choe Ryong Hae, who lost his Politburo seat in 2016, returned to the Political "
        "Bureau as an alternate member at the plenum.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb", None, "2016", None, "confirmed") in got
    assert ("choe-ryong-hae", "alternate-member", "wpk-pb", "2019-12-31", None, None,
            "confirmed") in got  # fmt: skip


# -- 4. participle clauses of change -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "successor", "replaced", "date"),
    [
        ("Kim Tok Hun was named premier in August 2020, replacing Pak Pong Ju.",
         "kim-tok-hun", "pak-pong-ju", "2020-08"),
        ("Ri Yong Ho became foreign minister in May 2016, succeeding Kim Yong Nam.",
         "ri-yong-ho-fm", "kim-yong-nam", "2016-05"),
        ("Choe Ryong-hae was appointed premier in 2019, taking over from Pak Pong-ju.",
         "choe-ryong-hae", "pak-pong-ju", "2019"),
        ("Kim Tok-hun, who became premier in August 2020, ousting Pak Pong-ju, is an economist.",
         "kim-tok-hun", "pak-pong-ju", "2020-08"),
    ],
)  # fmt: skip
def test_a_participle_of_change_ends_the_replaced_holding(
    known: Known, sentence: str, successor: str, replaced: str, date: str
) -> None:
    got = {(g[0], g[3], g[4]) for g in drafted(sentence, known)}
    assert (successor, date, None) in got
    assert (replaced, None, date) in got


def test_returned_to_it_is_the_organ_named_before_in_the_sentence(known: Known) -> None:
    got = drafted(
        PLENUM + "O Su Yong, who was dropped from the Political Bureau in April 2019, returned "
        "to it as a full member at the plenum.",
        known,
    )
    people = {(g[1], g[2], g[3], g[4]) for g in got if g[0].startswith("o-su-yong")}
    assert ("member", "wpk-pb", None, "2019-04") in people
    assert ("member", "wpk-pb", "2019-12-31", None) in people


def test_the_replaced_holder_described_before_who_had_held_the_post_since(known: Known) -> None:
    got = drafted(
        "Ri Son Gwon became foreign minister in January 2020, succeeding Ri Yong Ho, a career "
        "diplomat who had held the post since 2016.",
        known,
    )
    assert ("ri-yong-ho-fm", "chairman", "mfa", "2016", "2020-01", None, "confirmed") in got


def test_promoted_to_full_membership_of_the_organ_the_clause_names(known: Known) -> None:
    got = drafted(
        PLENUM + "Kim Yo Jong, who entered the Political Bureau as an alternate member in 2017, "
        "was promoted to full membership at the plenum.",
        known,
    )
    rows = {(g[1], g[2], g[3], g[4]) for g in got if g[0] == "kim-yo-jong"}
    assert ("member", "wpk-pb", "2019-12-31", None) in rows
    assert ("alternate-member", "wpk-pb", "2017", "2019-12-31") in rows


def test_joining_the_party_or_the_army_is_no_seat(known: Known) -> None:
    got = drafted(
        "Pak Pong Ju joined the Workers' Party of Korea in 1962 and entered the Korean People's "
        "Army in 1958.",
        known,
    )
    assert not any(g[2] in ("wpk", "kpa") for g in got)


def test_an_organs_members_are_a_roster_and_tipped_as_the_next_premier(known: Known) -> None:
    got = drafted(
        "The Central Military Commission's members are Ri Pyong Chol and Jo Yong Won. "
        "Choe Ryong-hae is widely tipped as the next premier.",
        known,
    )
    assert ("ri-pyong-chol", "member", "wpk-cmc", None, None, "2020-01-04", "confirmed") in got
    assert ("jo-yong-won", "member", "wpk-cmc", None, None, "2020-01-04", "confirmed") in got
    assert ("choe-ryong-hae", "chairman", "cabinet", None, None, None, "projected") in got
