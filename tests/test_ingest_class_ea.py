"""Line-ups of state bodies and who kept, lost or gained seats (issue 15, class EA): seats a text
gives without the body, in the body named last before ("... elected a vice-chairman of the
commission. A and B were re-elected vice-chairmen. The new members are C and D. E kept his
seat, while F and G lost theirs"), "Newly added as alternate members are ...", "was not
dismissed from the Political Bureau" (still a member). Near misses: no body named before, a
news agency or the party named last, a person's own title in apposition, a negated or partial
keep, a funeral committee's list. Short synthetic sentences, names and years varied."""

from __future__ import annotations

from facts_helpers import held, held_records, iso

from kwpld.ingest import Known

_NDC = (
    "PYONGYANG, March 3 (AP) -- North Korea's legislature on Tuesday reshuffled the National "
    "Defence Commission, state media said. Kang Chol Su was elected a vice-chairman of the "
    "commission. "
)


def test_new_members_are_seats_in_the_body_named_before(known: Known) -> None:
    rows = held(_NDC + "The new members are Yun Mu Gil and Han Sok Bom.\n", known, "2009-03-04")
    assert ("Yun Mu Gil", "member", "ndc") in rows
    assert ("Han Sok Bom", "member", "ndc") in rows


def test_new_members_include_and_bare_vice_chairmen(known: Known) -> None:
    rows = held(
        _NDC + "Pang Chol and Ju Yong Sik were re-elected vice-chairmen. New members include "
        "Ro Kyong Il.\n",
        known,
        "2009-03-04",
    )
    assert ("Pang Chol", "vice-chairman", "ndc") in rows
    assert ("Ju Yong Sik", "vice-chairman", "ndc") in rows
    assert ("Ro Kyong Il", "member", "ndc") in rows


def test_kept_and_lost_seats_without_the_body(known: Known) -> None:
    rows = held_records(
        _NDC + "Sin Tae Ho kept his seat, while Mun Jae Sun and Cha Ki Ho lost theirs.\n",
        known,
        "2009-03-04",
    )
    found = {row: r for row, r in rows}
    assert iso(found[("Sin Tae Ho", "member", "ndc")].get("as_of")) == "2009-03-04"
    for person in ("Mun Jae Sun", "Cha Ki Ho"):
        record = found[(person, "member", "ndc")]  # ended at a change the sentence leaves undated
        assert (record.get("start"), record.get("as_of")) == (None, None), record


def test_newly_added_as_alternates_in_the_paragraphs_body(known: Known) -> None:
    rows = held(
        "The plenum reorganized the Political Bureau of the Central Committee. Newly added as "
        "alternate members are Tak Song Il and Ho Jin Gwan.\n",
        known,
        "2017-10-09",
    )
    assert ("Tak Song Il", "alternate-member", "wpk-pb") in rows
    assert ("Ho Jin Gwan", "alternate-member", "wpk-pb") in rows


def test_not_dismissed_from_an_organ_is_a_seat_still_held(known: Known) -> None:
    rows = held_records(
        "Vice-Premier No Tu Chol was not dismissed from the Political Bureau at the plenum, "
        "contrary to reports.\n",
        known,
        "2015-02-20",
    )
    found = {row: r for row, r in rows}
    record = found[("No Tu Chol", "member", "wpk-pb")]
    assert iso(record.get("as_of")) == "2015-02-20" and record.get("end") is None, record


# -- near misses -------------------------------------------------------------------------------


def test_no_body_named_before_gives_no_seat(known: Known) -> None:
    rows = held(
        "Analysts in Seoul watched the session closely. The new members are Yun Mu Gil and Han "
        "Sok Bom. Sin Tae Ho kept his seat, while Cha Ki Ho lost his.\n",
        known,
        "2009-03-04",
    )
    assert not rows, rows


def test_a_news_agency_or_the_party_is_no_body_of_a_line_up(known: Known) -> None:
    rows = held(
        "Kang Su Ok joined the Workers' Party of Korea in 1960, the Korean Central News Agency "
        "said. The new members are Yun Mu Gil and Han Sok Bom.\n",
        known,
        "2009-03-04",
    )
    assert not any(person in ("Yun Mu Gil", "Han Sok Bom") for person, _, _ in rows), rows


def test_a_persons_own_title_in_apposition_is_not_the_body(known: Known) -> None:
    rows = held(
        "The assembly reorganized the State Affairs Commission on Thursday. Jong Myong Do, "
        "director of the General Political Bureau, was present. New members include Sok Chol "
        "Won.\n",
        known,
        "2021-09-30",
    )
    assert ("Sok Chol Won", "member", "sac") in rows, rows
    assert ("Sok Chol Won", "member", "kpa-gpb") not in rows


def test_a_negated_or_other_keep_is_no_seat(known: Known) -> None:
    rows = held(
        _NDC + "Sin Tae Ho did not keep his seat. Cha Ki Ho kept his temper. Mun Jae Sun lost "
        "his way.\n",
        known,
        "2009-03-04",
    )
    assert not any(p in ("Sin Tae Ho", "Cha Ki Ho", "Mun Jae Sun") for p, _, _ in rows), rows


def test_not_dismissed_but_demoted_is_no_kept_seat(known: Known) -> None:
    rows = held_records(
        "Ri Chang Sol was not dismissed from the Political Bureau but demoted to alternate "
        "member.\n",
        known,
        "2015-02-20",
    )
    assert not any(
        row == ("Ri Chang Sol", "member", "wpk-pb") and r.get("as_of") for row, r in rows
    ), rows


def test_a_funeral_committees_list_is_no_line_up(known: Known) -> None:
    rows = held(
        "A state funeral committee was formed for Kim Chol Man. Its members include Yun Mu Gil "
        "and Han Sok Bom.\n",
        known,
        "2018-03-25",
    )
    assert not any(person in ("Yun Mu Gil", "Han Sok Bom") for person, _, _ in rows), rows


def test_a_seat_kept_with_the_persons_own_title_between_is_not_the_bodys(known: Known) -> None:
    rows = held(
        _NDC + "Yun Mu Gil, a member of the Political Bureau, is expected to keep his seat. Han "
        "Sok Bom, who joined the Secretariat in 2008, kept his seat.\n",
        known,
        "2009-03-04",
    )
    assert ("Yun Mu Gil", "member", "ndc") not in rows, rows
    assert ("Han Sok Bom", "member", "ndc") not in rows, rows


def test_bare_vice_presidents_after_a_post_named_before(known: Known) -> None:
    rows = held(
        _NDC + "Kim Yong Nam was elected president of the Presidium of the SPA. Yang Ju Sop and "
        "Ko Yong Dae were elected vice-presidents.\n",
        known,
        "1998-09-06",
    )
    assert ("Yang Ju Sop", "vice-chairman", "spa-presidium") in rows, rows
    assert ("Yang Ju Sop", "vice-chairman", "ndc") not in rows, rows


def test_a_head_re_elected_deputy_of_another_body_is_not_deputy_of_his_own(known: Known) -> None:
    rows = held(
        "The assembly also re-elected the State Affairs Commission on Sunday. Kim Jong Un remains "
        "its chairman; Kim Yong Nam, president of the Presidium of the Supreme People's Assembly, "
        "was re-elected first vice-chairman. New members include Kang Il Bom.\n",
        known,
        "2017-04-12",
    )
    assert ("kim-yong-nam", "vice-chairman", "sac") in rows, rows
    assert ("kim-yong-nam", "vice-chairman", "spa-presidium") not in rows, rows
    assert ("kim-yong-nam", "chairman", "spa-presidium") in rows
    assert ("Kang Il Bom", "member", "sac") in rows


def test_a_head_given_a_deputy_role_with_no_body_before_gets_none(known: Known) -> None:
    rows = held(
        "Kim Yong Nam, president of the Presidium of the Supreme People's Assembly, was "
        "re-elected first vice-chairman.\n",
        known,
        "2017-04-12",
    )
    assert ("kim-yong-nam", "vice-chairman", "spa-presidium") not in rows, rows
