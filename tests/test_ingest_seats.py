"""Seats kept, lost and handed over (issue 15): the sentence classes analysts and wires use for
what a reshuffle left alone, took away or gave to someone else. One test per class and
wording; short synthetic texts read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
KCNA = "Pyongyang, February 11 (KCNA) -- "
PLENUM = (
    "The 2nd Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea was "
    "held on 10 February. "
)

Row = tuple[str, str, str, str, str | None, str | None, str | None, str]


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def drafted(text: str, known: Known, date: str = "2021-06-30", kind: str = "analysis") -> set[Row]:
    """(person, role, organ, type, start, end, as_of, status) of every membership drafted."""
    _, result = read_text(text, known=known, date=date, article_type=kind)
    out: set[Row] = set()
    for d in result.drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out.add(
                (r["person"], r["role"], r["organ"], d.fact["type"], _iso(r.get("start")),
                 _iso(r.get("end")), _iso(r.get("as_of")), r["status"])
            )  # fmt: skip
    return out


def held(text: str, known: Known, **kw: Any) -> set[tuple[str, str, str]]:
    return {(h[0], h[1], h[2]) for h in drafted(text, known, **kw)}


# -- 1. seats kept ---------------------------------------------------------------------------------


def test_kept_their_seats_as_a_plural_title_at_the_plenum(known: Known) -> None:
    got = drafted(
        KCNA + PLENUM + "Choe Ryong Hae and Pak Pong Ju keep their seats as vice-chairmen of the "
        "National Defence Commission.",
        known,
        date="2021-02-11",
        kind="news",
    )
    for person in ("choe-ryong-hae", "pak-pong-ju"):
        assert (person, "vice-chairman", "ndc", "holds", None, None, "2021-02-10",
                "confirmed") in got, got  # fmt: skip


def test_kept_seats_on_an_organ_every_person_of_the_list(known: Known) -> None:
    got = drafted(
        "At the plenary meeting held on 29 June 2021, Jo Yong Won and Kim Tok Hun kept their "
        "seats on the Presidium of the Political Bureau.",
        known,
    )
    for person in ("jo-yong-won", "kim-tok-hun"):
        assert (person, "member", "wpk-pb-presidium", "holds", None, None, "2021-06-29",
                "confirmed") in got, got  # fmt: skip


def test_retained_his_post_as_a_post_title(known: Known) -> None:
    got = drafted("Pak Pong Ju retained his post as Premier.", known)
    assert got == {
        ("pak-pong-ju", "chairman", "cabinet", "holds", None, None, "2021-06-30", "confirmed")
    }


def test_kept_an_organ_seat_dated_by_the_event_named(known: Known) -> None:
    got = drafted(
        "Kim Tok Hun kept his Politburo seat at the 3rd Plenary Meeting of the 8th Central "
        "Committee of the WPK in June 2021.",
        known,
    )
    assert ("kim-tok-hun", "member", "wpk-pb", "holds", None, None, "2021-06",
            "confirmed") in got, got  # fmt: skip


@pytest.mark.parametrize(
    "sentence, person, role, organ",
    [
        ("Jo Yong Won stays on as director of the Organization and Guidance Department.",
         "jo-yong-won", "director", "wpk-ogd"),
        ("Kim Tok Hun remains a secretary of the WPK Central Committee.",
         "kim-tok-hun", "secretary", "wpk-cc"),
        ("Choe Ryong Hae held on to his seat on the Presidium of the Political Bureau.",
         "choe-ryong-hae", "member", "wpk-pb-presidium"),
        ("Jo Yong Won, the party's organizational secretary, retained his membership of the "
         "Presidium of the Political Bureau.", "jo-yong-won", "member", "wpk-pb-presidium"),
    ],
)  # fmt: skip
def test_kept_wordings(known: Known, sentence: str, person: str, role: str, organ: str) -> None:
    got = drafted(sentence, known)
    assert (person, role, organ, "holds", None, None, "2021-06-30", "confirmed") in got, got


def test_a_seat_not_kept_is_no_holding(known: Known) -> None:
    assert held("Kim Tok Hun did not keep his post as Premier.", known) == set()
    assert held("Kim Tok Hun failed to retain his seat on the Political Bureau.", known) == set()


def test_re_elected_starts_the_term_at_the_event(known: Known) -> None:
    """As the labelled set reads it (d01, f01, f08): a re-election starts a term."""
    got = drafted(
        KCNA + PLENUM + "Jo Yong Won was re-elected a member of the Presidium of the Political "
        "Bureau.",
        known,
        date="2021-02-11",
        kind="news",
    )
    assert ("jo-yong-won", "member", "wpk-pb-presidium", "elected", "2021-02-10", None, None,
            "confirmed") in got, got  # fmt: skip


# -- 3. seats lost ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, person, role, organ, kind, end",
    [
        ("Pak Pong Ju lost his seat on the Political Bureau at the plenary meeting on 29 June "
         "2021.", "pak-pong-ju", "member", "wpk-pb", "lost", "2021-06-29"),
        ("Ri Pyong Chol was dropped from the National Defence Commission in April 2019.",
         "ri-pyong-chol", "member", "ndc", "dismissed", "2019-04"),
        ("Hwang Pyong So lost his post as director of the KPA General Political Bureau in "
         "October 2017.", "hwang-pyong-so", "director", "kpa-gpb", "lost", "2017-10"),
        ("Kim Yo Jong was dropped from alternate membership of the Political Bureau in April "
         "2019.", "kim-yo-jong", "alternate-member", "wpk-pb", "dismissed", "2019-04"),
        ("At the plenary meeting in April 2019 Kim Yo Jong was dropped from the Political "
         "Bureau's alternate membership.", "kim-yo-jong", "alternate-member", "wpk-pb",
         "dismissed", "2019-04"),
        ("Jo Yong Won, a veteran of the OGD, was not re-elected to the Central Committee in "
         "January 2021.", "jo-yong-won", "member", "wpk-cc", "lost", "2021-01"),
    ],
)  # fmt: skip
def test_lost_wordings_end_the_holding(
    known: Known, sentence: str, person: str, role: str, organ: str, kind: str, end: str
) -> None:
    got = drafted(sentence, known)
    assert (person, role, organ, kind, None, end, None, "confirmed") in got, got


def test_lost_a_post_to_a_successor_hands_it_over(known: Known) -> None:
    got = drafted("Choe Ryong Hae lost the GPB post to Hwang Pyong So in May 2014.", known)
    assert ("choe-ryong-hae", "director", "kpa-gpb", "lost", None, "2014-05", None,
            "confirmed") in got, got  # fmt: skip
    assert ("hwang-pyong-so", "director", "kpa-gpb", "appointed", "2014-05", None, None,
            "confirmed") in got, got  # fmt: skip


def test_no_longer_ends_the_holding_undated(known: Known) -> None:
    """As the labelled set reads an undated change: the old holder gets no date."""
    for sentence, role, organ in (
        ("Kim Yong Chol no longer appears as director of the United Front Department.",
         "director", "wpk-ufd"),
        ("Kim Yong Chol is no longer a member of the Central Military Commission.",
         "member", "wpk-cmc"),
    ):  # fmt: skip
        got = drafted(sentence, known)
        assert got == {("kim-yong-chol", role, organ, "lost", None, None, None, "confirmed")}


def test_a_seat_the_organ_alone_names_is_the_role_given_elsewhere(known: Known) -> None:
    got = held(
        "Kim Yo Jong was reinstated as an alternate member of the Political Bureau on 11 April "
        "2020. She had been dropped from the Political Bureau in April 2019.",
        known,
    )
    assert ("kim-yo-jong", "alternate-member", "wpk-pb") in got
    assert ("kim-yo-jong", "member", "wpk-pb") not in got


def test_a_seat_not_lost_or_a_re_election_is_no_end(known: Known) -> None:
    assert held("Kim Tok Hun did not lose his post as Premier.", known) == set()
    got = drafted("Jo Yong Won was re-elected to the Central Committee in January 2021.", known)
    assert all(row[5] is None for row in got), got


# -- 4. seats handed over -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Choe Ryong Hae was replaced by Hwang Pyong So as director of the KPA General Political "
        "Bureau in May 2014.",
        "Hwang Pyong So succeeded Choe Ryong Hae as director of the KPA General Political "
        "Bureau in May 2014.",
        "Hwang Pyong So took over from Choe Ryong Hae as director of the KPA General Political "
        "Bureau in May 2014.",
        "Hwang Pyong So took over as director of the KPA General Political Bureau from Choe "
        "Ryong Hae in May 2014.",
        "Choe Ryong Hae handed over his post as director of the KPA General Political Bureau "
        "to Hwang Pyong So in May 2014.",
    ],
)
def test_a_handover_ends_one_holding_and_begins_the_other(known: Known, sentence: str) -> None:
    got = drafted(sentence, known)
    assert ("choe-ryong-hae", "director", "kpa-gpb", "replaced", None, "2014-05", None,
            "confirmed") in got, got  # fmt: skip
    assert ("hwang-pyong-so", "director", "kpa-gpb", "appointed", "2014-05", None, None,
            "confirmed") in got, got  # fmt: skip


def test_he_replaced_a_family_name_in_a_month_of_the_year_told(known: Known) -> None:
    """The pronoun is the person of the sentence before; "Ch'oe" alone is the Ch'oe the
    article named in full; "in May" is of the year the paragraph tells, not the article's."""
    got = drafted(
        "Ch'oe Ryong-hae was named director of the KPA General Political Bureau in April 2012."
        "\n\nHwang Pyong So was promoted to vice marshal in 2014. He replaced Ch'oe as Director "
        "of the KPA General Political Bureau in May.",
        known,
    )
    assert ("choe-ryong-hae", "director", "kpa-gpb", "appointed", "2012-04", "2014-05", None,
            "confirmed") in got, got  # fmt: skip
    assert ("hwang-pyong-so", "director", "kpa-gpb", "appointed", "2014-05", None, None,
            "confirmed") in got, got  # fmt: skip


def test_a_year_beside_since_is_no_narrative_year(known: Known) -> None:
    got = drafted(
        "Jo Yong Won has been a member of the Political Bureau since 2016. On 29 June Kim Tok "
        "Hun, a member of the Political Bureau since 2017, was appointed Premier.",
        known,
    )
    assert ("kim-tok-hun", "chairman", "cabinet", "appointed", "2021-06-29", None, None,
            "confirmed") in got, got  # fmt: skip


def test_replaced_in_that_post_by_and_replaced_him_with(known: Known) -> None:
    got = drafted(
        "Kim Yong Nam, who had served as foreign minister since 1983, was replaced in that post "
        "by Ri Yong Ho on 5 September 1998.",
        known,
    )
    assert ("ri-yong-ho-fm", "chairman", "mfa", "appointed", "1998-09-05", None, None,
            "confirmed") in got, got  # fmt: skip
    got = drafted(
        "In February 2021, Kim sacked Jo Yong Won as director of the Organization and Guidance "
        "Department, a month after appointing him, and replaced him with Ri Pyong Chol.",
        known,
    )
    assert ("ri-pyong-chol", "director", "wpk-ogd", "appointed", "2021-02", None, None,
            "confirmed") in got, got  # fmt: skip


# -- 5. promotions between grades ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, people, begun",
    [
        ("Ri Pyong Chol was promoted from alternate to full member of the Political Bureau on "
         "10 April 2019.", ["ri-pyong-chol"], "promoted"),
        ("The meeting promoted Ri Pyong Chol from alternate member to member of the Political "
         "Bureau on 10 April 2019.", ["ri-pyong-chol"], "promoted"),
        ("Jo Yong Won and Kim Tok Hun were elevated from alternate members to members of the "
         "Political Bureau on 10 April 2019.", ["jo-yong-won", "kim-tok-hun"], "promoted"),
        ("Kim Tok Hun was by-elected a member of the Political Bureau from alternate member on "
         "10 April 2019.", ["kim-tok-hun"], "elected"),
    ],
)  # fmt: skip
def test_a_promotion_begins_the_member_and_ends_the_alternate(
    known: Known, sentence: str, people: list[str], begun: str
) -> None:
    got = drafted(sentence, known)
    for person in people:
        assert (person, "member", "wpk-pb", begun, "2019-04-10", None, None,
                "confirmed") in got, got  # fmt: skip
        assert (person, "alternate-member", "wpk-pb", "ended", None, "2019-04-10", None,
                "confirmed") in got, got  # fmt: skip


def test_the_following_alternates_were_promoted_a_list(known: Known) -> None:
    got = drafted(
        "Pyongyang, February 12 (KCNA) -- The 2nd Plenary Meeting of the 8th Central Committee "
        "of the Workers' Party of Korea was held on 11 February.\n\nThe following alternate "
        "members of the Central Committee were promoted to members of the C.C., WPK: Jo Yong "
        "Won, Kim Tok Hun.",
        known,
        date="2021-02-12",
        kind="news",
    )
    for person in ("jo-yong-won", "kim-tok-hun"):
        assert (person, "member", "wpk-cc", "promoted", "2021-02-11", None, None,
                "confirmed") in got, got  # fmt: skip
        assert (person, "alternate-member", "wpk-cc", "ended", None, "2021-02-11", None,
                "confirmed") in got, got  # fmt: skip


def test_an_election_without_from_ends_nothing(known: Known) -> None:
    got = held("Kim Tok Hun was elected a member of the Political Bureau on 10 April 2019.", known)
    assert got == {("kim-tok-hun", "member", "wpk-pb")}


# -- 2. hedged -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, row",
    [
        ("Choe Ryong Hae appears to retain his seat on the Presidium of the Political Bureau.",
         ("choe-ryong-hae", "member", "wpk-pb-presidium", "holds", None, None, "2021-06-30",
          "reported")),
        ("Jo Yong Won reportedly kept his post as director of the Organization and Guidance "
         "Department.", ("jo-yong-won", "director", "wpk-ogd", "holds", None, None,
                         "2021-06-30", "reported")),
        # an inference about the past: reported, dated as the change
        ("Pak Pong Ju probably lost his seat on the Political Bureau in 2021.",
         ("pak-pong-ju", "member", "wpk-pb", "lost", None, "2021", None, "reported")),
        ("Kim Tok Hun is likely to have lost his seat on the Political Bureau in June 2021.",
         ("kim-tok-hun", "member", "wpk-pb", "lost", None, "2021-06", None, "reported")),
        # a projection: undated
        ("Kim Tok Hun is likely to be elected to the Presidium of the Political Bureau.",
         ("kim-tok-hun", "member", "wpk-pb-presidium", "elected", None, None, None,
          "projected")),
        ("Kim Yo Jong will likely keep her post as vice director of the Propaganda and "
         "Agitation Department.", ("kim-yo-jong", "vice-director", "wpk-pad", "holds", None,
                                   None, None, "projected")),
    ],
)  # fmt: skip
def test_hedged_seats_take_the_status_of_their_words(known: Known, sentence: str, row: Row) -> None:
    got = drafted(sentence, known)
    assert row in got, got


def test_dropped_in_a_second_clause(known: Known) -> None:
    got = drafted(
        "Jo Yong Won lost his seat on the Presidium of the Political Bureau on 31 December 2022 "
        "and was dropped from the Central Military Commission.",
        known,
    )
    assert ("jo-yong-won", "member", "wpk-pb-presidium", "lost", None, "2022-12-31", None,
            "confirmed") in got, got  # fmt: skip
    assert ("jo-yong-won", "member", "wpk-cmc", "dismissed", None, "2022-12-31", None,
            "confirmed") in got, got  # fmt: skip
