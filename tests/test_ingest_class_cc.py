"""Shared titles and organs named before (issue 15, class CC). One title for several people:
"A, B and other members of O" (each named person), "A and B, both party secretaries", "X,
another party secretary", "X, a party secretary" (a bare party secretary is a secretary of the
Central Committee), "X, another vice director of O". Organs named before: "O, chaired by X"
(its head, as of the article), "its vice chairman, X" and "the department's first vice
director, X" after any word, "its" after a relative clause that has closed ("O1, which works
for O2; X has been its chairman": O1's). Near misses: "and other members of the delegation",
"and other members and alternate members of O" (which seat, unsaid), "the party secretary of the
complex", "the county party secretary", "another official", "its director" of a works named
after the person ("visited the X Machine Complex, where its director ..."), "the delegation,
headed by X". Short synthetic texts, names and years varied."""

from __future__ import annotations

from facts_helpers import held, held_records, iso

from kwpld.ingest import Known

DATELINE = "SEOUL, June 3 (Yonhap) -- "


# -- one title for several people ----------------------------------------------------------------


def test_names_before_and_other_members_each_hold_the_title(known: Known) -> None:
    found = held(
        "Pyongyang, April 26 (KCNA) -- A meeting was held on April 25. On the platform were "
        "Ri Ul Sol, commander of the Guard Command, Kim Yong Nam, Choe Yong Rim, Ri Yong Mu and "
        "other members of the Political Bureau of the WPK Central Committee, and generals.",
        known,
        "1997-04-26",
    )
    for name in ("kim-yong-nam", "Choe Yong Rim", "Ri Yong Mu"):
        assert (name, "member", "wpk-pb") in found, found
    assert ("Ri Ul Sol", "member", "wpk-pb") not in found  # his own title comes before


def test_and_other_members_of_a_delegation_or_both_grades_give_no_seat(known: Known) -> None:
    found = held(
        "Pyongyang, April 26 (KCNA) -- Present were Kim Chol Man, Ri Kun Mo, O Kuk Ryol and "
        "other members and alternate members of the Political Bureau. Pak Song Il and other "
        "members of the delegation arrived. Han Song Ryong and other officials attended.",
        known,
        "1988-04-26",
    )
    assert not [
        row
        for row in found
        if row[0] in ("Kim Chol Man", "Ri Kun Mo", "O Kuk Ryol", "Pak Song Il", "Han Song Ryong")
    ], found


def test_both_another_and_a_party_secretary(known: Known) -> None:
    found = held(
        DATELINE + "Kim Jong Il visited the bier, accompanied by Kim Kuk Thae and Jon Pyong Ho, "
        "both party secretaries. Choe Thae Bok, another party secretary, was also there. Hyon "
        "Chol Hae stood beside Kim Yang Gon, a party secretary, at the ceremony.",
        known,
        "2006-06-03",
    )
    for name in ("Kim Kuk Thae", "Jon Pyong Ho", "Choe Thae Bok", "Kim Yang Gon"):
        assert (name, "secretary", "wpk-cc") in found, found


def test_a_local_or_enterprise_party_secretary_is_no_cc_secretary(known: Known) -> None:
    found = held(
        DATELINE + "Ri Myong Chol, the party secretary of the complex, met the workers. Kang Su "
        "Il, the county party secretary, spoke. Jo Kum Hui, a party secretary at the mine, "
        "read a letter. Another official, Paek Nam Sun, said nothing.",
        known,
        "2006-06-03",
    )
    assert not [row for row in found if row[2] == "wpk-cc"], found


def test_another_vice_director_and_another_vice_premier(known: Known) -> None:
    rows = held_records(
        DATELINE + "Ro Tu Chol and Jon Sung Hun, both vice-premiers, went to Beijing. Kwak Pom "
        "Gi, another vice-premier, stayed behind. Some observers expect Kim Kyong Ok, another "
        "first vice director of the Organization and Guidance Department, to take on more work.",
        known,
        "2006-06-03",
    )
    found = {row for row, _ in rows}
    for name in ("Ro Tu Chol", "Jon Sung Hun", "Kwak Pom Gi"):
        assert (name, "vice-chairman", "cabinet") in found, found
    (kim,) = [r for row, r in rows if row == ("Kim Kyong Ok", "first-vice-director", "wpk-ogd")]
    assert kim["status"] == "confirmed"  # the title beside the name, not the expectation
    assert iso(kim.get("as_of")) == "2006-06-03"


# -- organs named before ---------------------------------------------------------------------------


def test_organ_chaired_by_and_its_vice_chairman(known: Known) -> None:
    rows = held_records(
        DATELINE + "The National Defence Commission, chaired by Kim Jong Il, runs the armed "
        "forces, and its first vice chairman, Jo Myong Rok, is the top soldier.",
        known,
        "2004-06-03",
    )
    found = {row for row, _ in rows}
    assert ("kim-jong-il", "chairman", "ndc") in found, found
    assert ("Jo Myong Rok", "vice-chairman", "ndc") in found, found
    (head,) = [r for row, r in rows if row == ("kim-jong-il", "chairman", "ndc")]
    assert iso(head.get("as_of")) == "2004-06-03"


def test_a_delegation_headed_by_gives_no_seat(known: Known) -> None:
    found = held(
        DATELINE + "The delegation, headed by Choe Thae Bok, left for Moscow on Monday.",
        known,
        "2004-06-03",
    )
    assert not [row for row in found if row[0] == "Choe Thae Bok"], found


def test_the_departments_title_after_a_verb(known: Known) -> None:
    found = held(
        DATELINE + "Ri Chol Ho, director of the Organization and Guidance Department, was "
        "dismissed last month. Analysts expect the department's first vice director, Jang Kum "
        "Chol, to succeed him.",
        known,
        "2008-06-03",
    )
    assert ("Jang Kum Chol", "first-vice-director", "wpk-ogd") in found, found


def test_its_after_a_closed_relative_clause_is_the_organ_it_hangs_on(known: Known) -> None:
    found = held(
        DATELINE + "The State Planning Commission, which drafts the plan for the Cabinet, sent "
        "its chairman, Kim Kwang Rin, to the talks.",
        known,
        "2005-06-03",
    )
    assert ("Kim Kwang Rin", "chairman", "state-planning-commission") in found, found
    assert ("Kim Kwang Rin", "chairman", "cabinet") not in found, found


def test_its_director_of_a_works_named_after_the_person_is_no_organs(known: Known) -> None:
    found = held(
        DATELINE + "Pak Pong Ju met officials of the State Planning Commission on Monday. Kim "
        "Jong Il later visited the Ryongsong Machine Complex, where its director, Kim Chol Ho, "
        "showed him a new workshop.",
        known,
        "2005-06-03",
    )
    assert not [row for row in found if row[0] == "Kim Chol Ho"], found


def test_who_has_been_its_director_is_the_last_named_persons(known: Known) -> None:
    rows = held_records(
        DATELINE + "Together with Ri Yong Chol (d. 2010), Pak Myong Sun ran the day-to-day work "
        "of the Organization and Guidance Department under Kim Jong Il, who has been its "
        "director since 1973.",
        known,
        "2011-06-03",
    )
    found = {row for row, _ in rows}
    assert ("kim-jong-il", "director", "wpk-ogd") in found, found
    assert ("Ri Yong Chol", "director", "wpk-ogd") not in found, found
    (kim,) = [r for row, r in rows if row == ("kim-jong-il", "director", "wpk-ogd")]
    assert iso(kim.get("start")) == "1973"


def test_the_body_chaired_by_after_a_title_naming_it(known: Known) -> None:
    found = held(
        DATELINE + "Choe Ryong Hae was elected first vice chairman of the State Affairs "
        "Commission, the North's top governing body chaired by leader Kim Jong Un, at the "
        "session. Ri Chol Ho was named director of the Ryongsong Machine Complex, a state body "
        "headed by Pak Thae Song.",
        known,
        "2019-06-03",
    )
    assert ("kim-jong-un", "chairman", "sac") in found, found
    assert not [row for row in found if row[0] == "Pak Thae Song"], found


def test_more_forms_of_one_title_for_several(known: Known) -> None:
    found = held(
        DATELINE + "Kim Jong Il was accompanied by Kim Ki Nam and Choe Thae Bok, the two party "
        "secretaries. Kim Yong Chun and Jon Pyong Ho, also members of the National Defence "
        "Commission, were there. Kang Sok Ju and Kim Kye Gwan, who are both vice-ministers of "
        "foreign affairs, attended. Choe Ryong Hae, Kim Yong Nam and three other members of the "
        "Presidium of the Political Bureau stood on the stand. Pak Su Il and Ri Kwang Ho, both "
        "of them vice-premiers, spoke.",
        known,
        "2010-06-03",
    )
    for row in (
        ("Kim Ki Nam", "secretary", "wpk-cc"),
        ("Choe Thae Bok", "secretary", "wpk-cc"),
        ("Kim Yong Chun", "member", "ndc"),
        ("Jon Pyong Ho", "member", "ndc"),
        ("Kang Sok Ju", "vice-chairman", "mfa"),
        ("Kim Kye Gwan", "vice-chairman", "mfa"),
        ("choe-ryong-hae", "member", "wpk-pb-presidium"),
        ("kim-yong-nam", "member", "wpk-pb-presidium"),
        ("Pak Su Il", "vice-chairman", "cabinet"),
        ("Ri Kwang Ho", "vice-chairman", "cabinet"),
    ):
        assert row in found, (row, found)


def test_aides_of_both_vice_ministers_hold_nothing(known: Known) -> None:
    found = held(
        DATELINE + "Ri Chol Su and Han Kum Sun, both vice-ministers' aides, took notes. Aides to "
        "both vice-premiers, O Myong Sik and Jang Chol, joined the talks.",
        known,
        "2010-06-03",
    )
    assert not [
        row for row in found if row[0] in ("Ri Chol Su", "Han Kum Sun", "O Myong Sik", "Jang Chol")
    ], found


def test_and_other_members_of_an_unrecognized_body_take_no_organ_from_context(
    known: Known,
) -> None:
    found = held(
        "Pyongyang, December 29 (KCNA) -- Present were Kim Jong Gak, first vice-director of the "
        "General Political Bureau of the KPA, Hyon Chol Hae, Ri Myong Su and other members of "
        "the national funeral committee. The State Planning Commission sent its chairman, Kim "
        "Kwang Rin, and other members of the delegation came from the ministries.",
        known,
        "2011-12-29",
    )
    assert not [row for row in found if row[0] in ("Hyon Chol Hae", "Ri Myong Su")], found
    assert ("Kim Kwang Rin", "member", "state-planning-commission") not in found, found
    assert ("Kim Kwang Rin", "chairman", "state-planning-commission") in found, found


def test_organ_headed_by_with_a_period_after_the_name(known: Known) -> None:
    rows = held_records(
        DATELINE + "The General Political Bureau, headed by Hwang Pyong So since 2014, was "
        "purged. The Organization and Guidance Department, chaired by Kim Jong Il from 1973 to "
        "2011, was the party's core.",
        known,
        "2017-06-03",
    )
    (hwang,) = [r for row, r in rows if row == ("hwang-pyong-so", "director", "kpa-gpb")]
    assert iso(hwang.get("start")) == "2014" and not hwang.get("as_of")
    (kim,) = [r for row, r in rows if row == ("kim-jong-il", "director", "wpk-ogd")]
    assert (iso(kim.get("start")), iso(kim.get("end"))) == ("1973", "2011")
