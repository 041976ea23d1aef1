"""Projected holdings in analyses and wire copy (issue 15, projections session): a hedge or a
modal before a future or change verb whose subject is the person and whose object is a role
or an organ ("It is likely that he will be given a seat in O", "X will also likely be elected
T", "NKLW projects that X will take over O", "X is tipped to head O", "could be promoted,
possibly to a full seat in O"), a projected continuation beside a confirmed start ("is expected
to remain T, a post he has held since D"), and the negatives: a hedge before a past form is an
inference (reported), a title in apposition inside a "that"-clause is stated plainly. Short
synthetic texts read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

import pytest
from facts_helpers import Row, rows

from kwpld.ingest import Known, read_text

NKLW = "Posted 4 January 2020 by NK Leadership Watch\n\n"


def drafted(text: str, known: Known, date: str = "2020-01-04") -> set[Row]:
    """(person, role, organ, start, end, as_of, status) of every membership drafted."""
    _, result = read_text(NKLW + text, known=known, date=date, article_type="analysis")
    return rows(result)


def projected(person: str, role: str, organ: str) -> Row:
    return (person, role, organ, None, None, None, "projected")


# -- 1. a modal or hedge before a change verb ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("Choe Ryong Hae will also likely be elected a member of the State Affairs Commission.",
         projected("choe-ryong-hae", "member", "sac")),
        ("Pak Pong Ju will probably be re-elected a vice-chairman of the State Affairs "
         "Commission.", projected("pak-pong-ju", "vice-chairman", "sac")),
        ("Kim Tok Hun is widely expected to be appointed premier at the session.",
         projected("kim-tok-hun", "chairman", "cabinet")),
        ("Choe Ryong Hae will likely be re-confirmed as President of the Presidium of the "
         "Supreme People's Assembly.", projected("choe-ryong-hae", "chairman", "spa-presidium")),
    ],
)  # fmt: skip
def test_a_modal_with_a_hedge_before_a_change_is_a_projection(
    known: Known, sentence: str, row: Row
) -> None:
    assert row in drafted(sentence, known)


# -- 2. seats given and promotions to a seat ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("Kim Yo Jong has risen fast. It is likely that she will also be given a seat in the "
         "Political Bureau as an alternate member.",
         projected("kim-yo-jong", "alternate-member", "wpk-pb")),
        ("Jo Yong Won may be offered a place on the State Affairs Commission.",
         projected("jo-yong-won", "member", "sac")),
        ("Kim Yo Jong could be promoted at the next congress, possibly to a full seat in the "
         "Political Bureau.", projected("kim-yo-jong", "member", "wpk-pb")),
        ("Kim Tok Hun might be elevated to a seat on the Presidium of the Political Bureau.",
         projected("kim-tok-hun", "member", "wpk-pb-presidium")),
        ("She has been an alternate since 2017. Kim Yo Jong could be promoted soon, possibly to "
         "a full Politburo seat, at the party's next congress.",
         projected("kim-yo-jong", "member", "wpk-pb")),
    ],
)  # fmt: skip
def test_a_seat_given_or_a_promotion_to_a_seat_in_the_future(
    known: Known, sentence: str, row: Row
) -> None:
    assert row in drafted(sentence, known)


def test_a_seat_given_in_the_past_is_confirmed(known: Known) -> None:
    got = drafted(
        "At the plenum on 31 December 2019 Jo Yong Won was given a seat on the Central "
        "Military Commission.",
        known,
    )
    assert any(g[0] == "jo-yong-won" and g[2] == "wpk-cmc" and g[6] == "confirmed" for g in got)


# -- 3. heading an organ, in a projection -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        ("NKLW projects that Kim Yong Chol will take over the United Front Department.",
         projected("kim-yong-chol", "director", "wpk-ufd")),
        ("Kim Tok Hun is tipped to head the Cabinet.",
         projected("kim-tok-hun", "chairman", "cabinet")),
        ("Jo Yong Won, a secretary of the Central Committee, could lead the Organization and "
         "Guidance Department after the congress.",
         projected("jo-yong-won", "director", "wpk-ogd")),
    ],
)  # fmt: skip
def test_heading_an_organ_in_the_future_is_its_head_projected(
    known: Known, sentence: str, row: Row
) -> None:
    assert row in drafted(sentence, known)


def test_heading_an_organ_in_the_past_is_no_projection(known: Known) -> None:
    got = drafted("Kim Yong Chol led the United Front Department from 2016 to 2019.", known)
    assert {g[6] for g in got if g[0] == "kim-yong-chol"} == {"confirmed"}


def test_a_title_beside_the_name_in_a_that_clause_is_stated_plainly(known: Known) -> None:
    got = drafted(
        "The ministry predicts that Jo Yong Won, director of the Organization and Guidance "
        "Department, will be made a member of the State Affairs Commission.",
        known,
    )
    assert projected("jo-yong-won", "member", "sac") in got
    assert ("jo-yong-won", "director", "wpk-ogd", None, None, "2020-01-04", "confirmed") in got


# -- 4. a continuation in the future, beside a confirmed start --------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim Tok Hun is expected to remain premier, a post he has held since August 2020.",
        "Kim Tok Hun will likely stay on as premier, a post he has held since August 2020.",
        "Kim Tok Hun is widely expected to continue as Premier of the Cabinet, a post that he "
        "has held since August 2020.",
    ],
)
def test_a_projected_continuation_of_a_post_held_since_is_confirmed_from_its_start(
    known: Known, sentence: str
) -> None:
    got = drafted(sentence, known, date="2021-03-01")
    rows = {g for g in got if g[0] == "kim-tok-hun" and g[2] == "cabinet"}
    assert rows == {("kim-tok-hun", "chairman", "cabinet", "2020-08", None, None, "confirmed")}


def test_a_projected_continuation_alone_is_projected(known: Known) -> None:
    got = drafted("Kim Tok Hun is expected to remain premier after the session.", known)
    assert projected("kim-tok-hun", "chairman", "cabinet") in got


# -- 5. negatives: inferences about the past ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ri Pyong Chol probably lost his seat on the Central Military Commission in October "
        "2019.",
        "Ri Pyong Chol was probably removed from the Central Military Commission in October "
        "2019.",
    ],
)
def test_a_hedge_before_a_past_form_is_reported(known: Known, sentence: str) -> None:
    got = drafted(sentence, known)
    rows = {g for g in got if g[0] == "ri-pyong-chol" and g[2] == "wpk-cmc"}
    assert rows and {g[6] for g in rows} == {"reported"}
    assert {g[4] for g in rows} == {"2019-10"}


def test_a_negated_projection_projects_nothing(known: Known) -> None:
    got = drafted(
        "Ri Pyong Chol, who was dropped from the State Affairs Commission in 2019, is unlikely "
        "to return.",
        known,
    )
    assert not any(g[6] == "projected" for g in got)


# -- 6. previews: an event to come dates nothing held now ----------------------------------


def test_a_title_in_a_preview_is_held_as_of_the_article_not_the_event_to_come(
    known: Known,
) -> None:
    got = drafted(
        "North Korea is expected to hold the Ninth Congress of the Workers' Party of Korea early "
        "next year. Kim Tok Hun, the premier, is seen as a frontrunner for a secretaryship of "
        "the Central Committee.",
        known,
        date="2025-12-29",
    )
    assert ("kim-tok-hun", "chairman", "cabinet", None, None, "2025-12-29", "confirmed") in got
    assert projected("kim-tok-hun", "secretary", "wpk-cc") in got


def test_seen_as_a_candidate_is_no_attendance(known: Known) -> None:
    _, result = read_text(
        NKLW + "The Ninth Congress of the Workers' Party of Korea will open next month. Premier "
        "Kim Tok Hun is seen as a frontrunner for a secretaryship of the Central Committee.",
        known=known, date="2025-12-29", article_type="analysis",
    )
    assert not [d for d in result.drafts if d.kind == "participation"]
