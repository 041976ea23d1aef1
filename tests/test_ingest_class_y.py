"""Holdings in lists with role headings, compositions and career clauses (issue 15, class Y):
an organ elected as a whole and its composition under role headings ("Chairman: A",
"Vice-chairmen: B, C", on lines or after semicolons), promotions "directly from alternate
members", seats by-elected without an organ in a paragraph about one, a new organ "of the
Central Committee" with its chairman, "who had been dismissed from the Political Committee",
"after a brief stint as", "who replaced him in the ministry". Short synthetic sentences that
vary names, organs and word order, each with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import Held as Row
from facts_helpers import held
from facts_helpers import held_records as records

from kwpld.ingest import Known


def people(rows: set[Row]) -> set[str]:
    return {row[0] for row in rows}


# -- role-headed lists after an organ elected as a whole ---------------------------------------


def test_role_headings_on_lines_under_the_organ_elected(known: Known) -> None:
    got = held(
        "Pyongyang, April 12 (KCNA) -- The session was held on April 11.\n\n"
        "The session elected the State Affairs Commission of the DPRK:\n\n"
        "First vice-chairman: Choe Ryong Hae\n"
        "Vice-chairmen: Pak Pong Ju, Kim Ki Nam\n"
        "Members: Ri Man Gon, Kim Su Gil\n",
        known,
        "2019-04-12",
    )
    assert {("choe-ryong-hae", "vice-chairman", "sac"), ("pak-pong-ju", "vice-chairman", "sac"),
            ("Kim Ki Nam", "vice-chairman", "sac"), ("Ri Man Gon", "member", "sac"),
            ("Kim Su Gil", "member", "sac")} <= got  # fmt: skip


def test_role_headings_after_semicolons_in_the_paragraph(known: Known) -> None:
    rows = records(
        "Pyongyang, March 10 (KCNA) -- The session was held on March 9. The session then elected "
        "the Presidium of the Supreme People's Assembly. President: Kim Yong Nam; "
        "Vice-presidents: Yang Hyong Sop, Choe Yong Rim; Members: Thae Hyong Chol, Kang Su Rin.",
        known,
        "2014-03-10",
    )
    got = {row for row, _ in rows}
    assert {("kim-yong-nam", "chairman", "spa-presidium"),
            ("Yang Hyong Sop", "vice-chairman", "spa-presidium"),
            ("Choe Yong Rim", "vice-chairman", "spa-presidium"),
            ("Thae Hyong Chol", "member", "spa-presidium"),
            ("Kang Su Rin", "member", "spa-presidium")} <= got  # fmt: skip
    president = next(r for row, r in rows if row[0] == "kim-yong-nam" and row[2] == "spa-presidium")
    assert president.get("post") == "spa-presidium-president"
    assert "start" in president


def test_a_delegation_under_role_headings_holds_nothing(known: Known) -> None:
    got = held(
        "Pyongyang, May 2 (KCNA) -- The assembly approved the delegation of the assembly to the "
        "Inter-Parliamentary Union. Head: Choe Thae Bok; Members: Ri Jong Hyok, Kang Yong Sop.",
        known,
        "2005-05-02",
    )
    assert not {"Choe Thae Bok", "Ri Jong Hyok", "Kang Yong Sop"} & people(got)


def test_an_organ_only_discussed_is_not_elected_with_its_list(known: Known) -> None:
    got = held(
        "Pyongyang, May 2 (KCNA) -- The meeting discussed the National Defence Commission. "
        "Chairman: Kim Jong Il; Members: Jon Pyong Ho, Kim Il Chol.",
        known,
        "2005-05-02",
    )
    assert not {"Jon Pyong Ho", "Kim Il Chol"} & people(got)


# -- appointments and promotions in lists --------------------------------------------------------


def test_promoted_directly_from_alternate_members(known: Known) -> None:
    got = held(
        "The plenary meeting promoted Kim Song Nam and Ri Il Hwan directly from alternate members "
        "to members of the Political Bureau, state media said.",
        known,
        "2021-06-30",
    )
    assert {("Kim Song Nam", "alternate-member", "wpk-pb"), ("Kim Song Nam", "member", "wpk-pb"),
            ("Ri Il Hwan", "alternate-member", "wpk-pb"),
            ("Ri Il Hwan", "member", "wpk-pb")} <= got  # fmt: skip


def test_by_elected_seats_take_the_organ_of_the_paragraph(known: Known) -> None:
    got = held(
        "The meeting promoted Pak Jong Chon to member of the Political Bureau. "
        "Jon Hyon Chol and Kim Hyong Sik were by-elected as alternate members.",
        known,
        "2021-06-30",
    )
    assert {("Jon Hyon Chol", "alternate-member", "wpk-pb"),
            ("Kim Hyong Sik", "alternate-member", "wpk-pb")} <= got  # fmt: skip


def test_seats_of_a_delegation_or_another_paragraph_are_not_the_organs(known: Known) -> None:
    got = held(
        "The meeting promoted Pak Jong Chon to member of the Political Bureau.\n\n"
        "Jon Hyon Chol and Kim Hyong Sik were elected as members. Ri Song Gwon and Kang Yun Sok "
        "were elected members of the delegation to the talks.",
        known,
        "2021-06-30",
    )
    assert not {"Jon Hyon Chol", "Kim Hyong Sik", "Ri Song Gwon", "Kang Yun Sok"} & people(got)


def test_a_new_organ_of_the_central_committee_with_its_chairman(known: Known) -> None:
    got = held(
        "The plenum set up the Economic Policy Commission of the Central Committee with O Su Yong "
        "as its chairman.",
        known,
        "2021-01-11",
    )
    assert any(row[0] == "O Su Yong" and row[1] == "chairman" and "Economic Policy" in row[2]
               for row in got)  # fmt: skip


# -- career clauses in analysis ------------------------------------------------------------------


def test_who_had_been_dismissed_from_the_political_committee(known: Known) -> None:
    rows = records(
        "The purge recalls Kim Chang Bong, who had been dismissed from the Political Committee in "
        "1969.",
        known,
        "2021-10-20",
    )
    got = [r for row, r in rows if row == ("Kim Chang Bong", "member", "wpk-pb")]
    assert got and "1969" in str(got[0].get("end"))


def test_a_brief_stint_as_a_post_ends_when_the_sentence_dates_the_change(known: Known) -> None:
    rows = records(
        "In May 2013 Kim Kyok Sik was named chief of the General Staff after a brief stint as "
        "defense minister.",
        known,
        "2021-10-20",
    )
    got = [r for row, r in rows if row == ("Kim Kyok Sik", "chairman", "mpaf")]
    assert got and "2013" in str(got[0].get("end")) and "start" not in got[0]


def test_a_brief_stint_in_an_undated_sentence_is_undated(known: Known) -> None:
    rows = records(
        "Kim Kyok Sik returned to the army after a brief stint as defense minister.",
        known,
        "2021-10-20",
    )
    got = [r for row, r in rows if row == ("Kim Kyok Sik", "chairman", "mpaf")]
    assert got and not {"start", "end"} & set(got[0])


def test_a_stint_abroad_or_as_an_interpreter_holds_nothing(known: Known) -> None:
    got = held(
        "Kim Sun Ok returned to Pyongyang after a brief stint as an interpreter. Ri Thae Sam met "
        "Kim Yong Chol after a long visit to China.",
        known,
        "2021-10-20",
    )
    assert not {"Kim Sun Ok", "Ri Thae Sam", "kim-yong-chol"} & people(got)


def test_who_replaced_him_in_the_ministry_takes_what_he_left(known: Known) -> None:
    got = held(
        "Kim Kyok Sik was named chief of the General Staff after a brief stint as defense "
        "minister. Jang Jong Nam, who replaced him in the defense ministry, was little known.",
        known,
        "2021-10-20",
    )
    assert ("Jang Jong Nam", "chairman", "mpaf") in got


def test_who_met_him_takes_nothing(known: Known) -> None:
    got = held(
        "Kim Kyok Sik was named chief of the General Staff after a brief stint as defense "
        "minister. Jang Jong Nam, who met him in Wonsan, was little known.",
        known,
        "2021-10-20",
    )
    assert not {row for row in got if row[0] == "Jang Jong Nam"}


def test_an_apposition_naming_another_person_leaves_the_subject(known: Known) -> None:
    rows = records(
        "The meeting was held on Sunday. Jo Yong Won, a close aide to leader Kim Jong Un, was "
        "elected to the Presidium of the Political Bureau at the meeting.",
        known,
        "2021-01-11",
    )
    got = {row for row, _ in rows}
    assert ("jo-yong-won", "member", "wpk-pb-presidium") in got
    assert ("kim-jong-un", "member", "wpk-pb-presidium") not in got


def test_a_committee_of_the_assembly_as_follows(known: Known) -> None:
    got = held(
        "Pyongyang, April 10 (KCNA) -- The session was held on April 9. Deputies were elected to "
        "the Bills Committee of the assembly as follows: Chairman: Kim Wan Su; Members: Ri Jong "
        "Hyok, Pak Myong Chol.",
        known,
        "2009-04-10",
    )
    assert {
        ("Kim Wan Su", "chairman", "Bills Committee"),
        ("Ri Jong Hyok", "member", "Bills Committee"),
        ("Pak Myong Chol", "member", "Bills Committee"),
    } <= got


def test_who_had_held_the_army_post_is_the_post_named_before(known: Known) -> None:
    rows = records(
        "Pak Jong Chon was appointed chief of the General Staff of the KPA in 2019. Ri Yong Gil, "
        "who had held the army post since April 2012, was replaced by Pak.",
        known,
        "2020-08-14",
    )
    got = [r for row, r in rows if row == ("Ri Yong Gil", "chairman", "kpa-general-staff")]
    assert got and "2012" in str(got[0].get("start"))


def test_the_job_with_no_post_before_is_nothing(known: Known) -> None:
    got = held(
        "Kim Tok Hun visited a farm. Pak Song Chol, who had held the job since 2013, was relieved.",
        known,
        "2022-06-11",
    )
    assert not {row for row in got if row[0] == "Pak Song Chol"}
