"""Elections, lists and the presidency in state-media reports (issue 15, class U): the
presidency of the DPRK before a name, "with A as Chairman, B as Vice-Chairmen" lists,
"respectively", "its" departments, "in charge of" fields, a city's party committee referred to,
the month of a general election. Short synthetic sentences that vary names, organs and word
order, each with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import held
from facts_helpers import held_records as records

from kwpld.ingest import Known

PRESIDENCY = "Presidency of the DPRK"


# -- the presidency before a name ---------------------------------------------------------------


def test_president_before_the_name_of_the_one_who_held_it(known: Known) -> None:
    got = held(
        "Pyongyang, May 3 (KCNA) -- The great leader President Kim Il Sung inspected the "
        "Nampho Glass Factory on May 2.",
        known, "1979-05-03",
    )
    assert ("kim-il-sung", "chairman", PRESIDENCY) in got


def test_vice_presidents_before_a_list_each_hold_it(known: Known) -> None:
    got = held(
        "He was accompanied by Vice-Presidents Kang Ryang Uk and Rim Chun Chu and Vice-Premier "
        "Kye Ung Thae.",
        known, "1981-10-12",
    )
    assert {("Kang Ryang Uk", "vice-chairman", PRESIDENCY),
            ("Rim Chun Chu", "vice-chairman", PRESIDENCY)} <= got  # fmt: skip


def test_a_vice_president_alone_before_his_name(known: Known) -> None:
    got = held(
        "Vice-President Pak Song Chol met the Syrian delegation on Monday.", known, "1990-03-14"
    )
    assert ("Pak Song Chol", "vice-chairman", PRESIDENCY) in got


def test_after_1994_president_kim_il_sung_is_a_title_of_honour(known: Known) -> None:
    got = held(
        "Pyongyang, April 15 (KCNA) -- The birthday of President Kim Il Sung was celebrated, and "
        "the late President was remembered by the delegates.",
        known, "2012-04-15",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_the_late_president_holds_nothing(known: Known) -> None:
    got = held(
        "Officials recalled the late President Kim Il Sung at the meeting.", known, "1994-07-08"
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_another_president_with_a_korean_name_is_not_the_dprks(known: Known) -> None:
    got = held(
        "SEOUL, Oct. 4 (Yonhap) -- President Chun Doo Hwan left for Rangoon on Saturday.",
        known, "1983-10-04",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_foreign_presidents_are_not_the_dprks(known: Known) -> None:
    got = held(
        "President Daniel Ortega of Nicaragua and Chinese President Li Xiannian sent messages. "
        "Vice-President Ma Thanegi of the Burmese association also sent one.",
        known, "1986-09-09",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_a_vice_president_of_an_association_is_its_own(known: Known) -> None:
    got = held(
        "Vice-President Ri Ho Rim of the Central Committee of the Red Cross Society of the DPRK "
        "welcomed the delegation.",
        known, "1985-09-20",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_elected_as_president_and_named_as_vice_presidents(known: Known) -> None:
    rows = records(
        "SEOUL, May 25 (Yonhap) -- North Korea's parliament on Thursday re-elected Kim Il-sung "
        "as president and named Pak Song-chol and Ri Jong-ok as vice presidents, Pyongyang's "
        "official radio said.",
        known, "1990-05-25",
    )
    got = {row: record["status"] for row, record in rows}
    assert got[("kim-il-sung", "chairman", PRESIDENCY)] == "confirmed"
    assert got[("Pak Song-chol", "vice-chairman", PRESIDENCY)] == "confirmed"
    assert got[("Ri Jong-ok", "vice-chairman", PRESIDENCY)] == "confirmed"


def test_as_president_without_an_election_or_of_another_name(known: Known) -> None:
    got = held(
        "SEOUL, May 25 (Yonhap) -- The congress elected Kim Il-sung as president of the "
        "association. Roh Tae-woo was elected as president in 1987.",
        known, "1990-05-25",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_first_vice_president_of_the_dprk(known: Known) -> None:
    got = held("Kim Il, first vice-president of the DPRK, met the guests.", known, "1978-05-22")
    assert ("Kim Il", "vice-chairman", PRESIDENCY) in got


def test_ruled_the_country_as_president_since(known: Known) -> None:
    got = dict(
        records(
            "TOKYO (Kyodo) -- Kim Il Sung, who ruled North Korea as president since 1972, was "
            "remembered on Friday.",
            known, "1995-07-08",
        )
    )
    assert str(got[("kim-il-sung", "chairman", PRESIDENCY)].get("start")) == "1972"


def test_another_ruler_as_president_is_not_the_dprks(known: Known) -> None:
    got = held(
        "SEOUL (AP) -- Park Chung Hee, who ruled South Korea as president since 1963, was "
        "shot on Friday. Ri Jong Ok, who led the country as president of the association, spoke.",
        known, "1979-10-27",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


# -- lists of elections -------------------------------------------------------------------------


def test_organ_with_chairman_vice_chairmen_and_members(known: Known) -> None:
    got = held(
        "The session elected the National Defence Commission with Kim Il Sung as Chairman, "
        "O Jin U and Choe Kwang, Chief of the General Staff of the Korean People's Army, as "
        "Vice-Chairmen and Jon Mun Sop, Kim Chol Man as members.",
        known, "1990-05-24",
    )
    assert {
        ("kim-il-sung", "chairman", "ndc"),
        ("O Jin U", "vice-chairman", "ndc"),
        ("Choe Kwang", "vice-chairman", "ndc"),
        ("Jon Mun Sop", "member", "ndc"),
        ("Kim Chol Man", "member", "ndc"),
    } <= got
    assert ("Choe Kwang", "vice-chairman", "kpa-general-staff") not in got


def test_elected_the_members_of_an_organ_then_one_name_per_line(known: Known) -> None:
    got = held(
        "Pyongyang, December 30 (KCNA) -- The session closed on December 30.\n\n"
        "The session elected the members of the Central People's Committee.\n\n"
        "Kim Il Sung\nKang Song San\nHong Song Nam\n\nThe session then adjourned.",
        known, "1986-12-30",
    )
    cpc = "Central People's Committee"
    assert {("kim-il-sung", "member", cpc), ("Kang Song San", "member", cpc),
            ("Hong Song Nam", "member", cpc)} <= got  # fmt: skip


def test_a_closing_line_without_names_after_it_lists_no_one(known: Known) -> None:
    got = held(
        "The session elected the members of the Central People's Committee.\n\n"
        "Kim Il Sung made a speech at the session.",
        known, "1986-12-30",
    )
    assert ("kim-il-sung", "member", "Central People's Committee") not in got


def test_respectively_with_of_it_for_the_organ_before(known: Known) -> None:
    got = held(
        "The plenary meeting elected the Political Bureau of the WPK Central Committee. "
        "Comrades Kim Hwan and Choe Thae Bok were elected an alternate member and a member of "
        "it respectively.",
        known, "1986-12-28",
    )
    assert ("Kim Hwan", "alternate-member", "wpk-pb") in got
    assert ("Choe Thae Bok", "member", "wpk-pb") in got


def test_respectively_pairs_the_people_with_the_roles_in_order(known: Known) -> None:
    got = held(
        "Comrades Yon Hyong Muk and Kim Hwan were elected a member and an alternate member of "
        "the Political Bureau of the WPK Central Committee respectively.",
        known, "1988-11-20",
    )
    assert ("Yon Hyong Muk", "member", "wpk-pb") in got
    assert ("Kim Hwan", "alternate-member", "wpk-pb") in got
    assert ("Kim Hwan", "member", "wpk-pb") not in got
    assert ("Yon Hyong Muk", "alternate-member", "wpk-pb") not in got


def test_an_election_with_titles_in_apposition_between_name_and_post(known: Known) -> None:
    got = dict(
        records(
            "Pyongyang, April 9 (KCNA) -- The session was held on April 9. The session elected "
            "the dear leader Comrade Kim Jong Il, member of the Presidium of the Political "
            "Bureau of the WPK Central Committee, Chairman of the National Defence Commission.",
            known, "1993-04-09",
        )
    )
    assert got[("kim-jong-il", "chairman", "ndc")].get("start")
    assert got[("kim-jong-il", "member", "wpk-pb-presidium")].get("as_of")


def test_a_plural_title_after_another_title_and_and(known: Known) -> None:
    got = held(
        "Present on the platform were the great leader President Kim Il Sung, General "
        "Secretary of the Central Committee of the WPK, and Vice-Presidents Kim Pyong Sik and "
        "Ri Jong Ok.",
        known, "1994-04-13",
    )
    assert {("Kim Pyong Sik", "vice-chairman", PRESIDENCY),
            ("Ri Jong Ok", "vice-chairman", PRESIDENCY)} <= got  # fmt: skip


def test_respectively_with_three_roles_of_one_organ(known: Known) -> None:
    got = held(
        "Comrades Yang Hyong Sop, Ryo Yon Gu and Son Song Phil were elected Chairman, "
        "Vice-Chairman and Secretary-General of the Standing Committee of the Supreme People's "
        "Assembly respectively.",
        known, "1990-05-24",
    )
    assert {("Yang Hyong Sop", "chairman", "spa-presidium"),
            ("Ryo Yon Gu", "vice-chairman", "spa-presidium"),
            ("Son Song Phil", "secretary", "spa-presidium")} <= got  # fmt: skip
    assert ("Son Song Phil", "chairman", "spa-presidium") not in got


def test_elected_to_attend_is_no_election(known: Known) -> None:
    got = held(
        "Comrades Hwang Jang Yop and Kim Yang Gon were elected to attend the congress of the "
        "Communist Party of Cuba as a delegation of the WPK.",
        known, "1986-01-20",
    )
    assert not got


# -- titles with the context's organ ------------------------------------------------------------


def test_director_of_its_department_is_the_central_committees(known: Known) -> None:
    got = held(
        "Kim Yong Sun, secretary of the WPK Central Committee and director of its International "
        "Department, met the guests.",
        known, "1992-06-02",
    )
    assert ("Kim Yong Sun", "director", "wpk-international") in got
    assert ("Kim Yong Sun", "director", "wpk-cc") not in got


def test_vice_premier_in_charge_of_a_field(known: Known) -> None:
    got = held(
        "Present there were Kang Hui Won, Vice-Premier in charge of agriculture, and So Kwan "
        "Hi, secretary of the WPK Central Committee.",
        known, "1991-08-20",
    )
    assert ("Kang Hui Won", "vice-chairman", "cabinet") in got
    assert ("So Kwan Hi", "secretary", "wpk-cc") in got


def test_the_city_party_committee_is_the_city_named_before(known: Known) -> None:
    got = held(
        "Pyongyang, March 4 (KCNA) -- A mass rally was held in Chongjin City on March 3. It was "
        "addressed by Pak Myong Chol, chief secretary of the city party committee.",
        known, "1989-03-04",
    )
    assert ("Pak Myong Chol", "first-secretary", "Chongjin City Party Committee") in got


def test_the_city_named_after_the_committee_and_a_sentence_opening_in_it(known: Known) -> None:
    got = held(
        "In Sariwon City the meeting was held. Kim Chol, chief secretary of the city party "
        "committee, spoke. Ri Ryong, chief secretary of the county party committee of Unpha "
        "County, also spoke.",
        known, "1989-03-04",
    )
    assert ("Kim Chol", "first-secretary", "Sariwon City Party Committee") in got
    assert ("Ri Ryong", "first-secretary", "Unpha County Party Committee") in got


def test_no_city_named_no_committee(known: Known) -> None:
    got = held(
        "A mass rally was held on March 3. It was addressed by Pak Myong Chol, chief secretary "
        "of the city party committee.",
        known, "1989-03-04",
    )
    assert not {row for row in got if "City Party Committee" in row[2]}


# -- dates -------------------------------------------------------------------------------------


def test_deputies_elected_at_a_months_general_election(known: Known) -> None:
    got = dict(
        records(
            "Present there was Kim Yong Nam, who was elected a deputy to the Supreme People's "
            "Assembly at the November general election.",
            known, "1986-12-02",
        )
    )
    assert str(got[("kim-yong-nam", "member", "spa")].get("start")) in ("1986-11", "November 1986")


def test_an_election_month_still_to_come_is_of_the_year_before(known: Known) -> None:
    got = dict(
        records(
            "Ri Jong Ok, who was elected a deputy to the Supreme People's Assembly at the "
            "November general election, spoke.",
            known, "1987-02-10",
        )
    )
    assert str(got[("Ri Jong Ok", "member", "spa")].get("start")) in ("1986-11", "November 1986")
