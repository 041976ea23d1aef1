"""Holdings in lists and appositions, historical state organs, organs' full names, foreign
office holders and projections (issue 15, class D). Short synthetic sentences that vary names,
organs and word order, each class with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import drafted_names

from kwpld.ingest import Known, read_text

Row = tuple[str, str, str, str]
"""(person, role, organ, status): people and organs by record id, else their first name"""


def held(text: str, known: Known, date: str = "1986-09-08") -> set[Row]:
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    names = drafted_names(drafted)
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         r["status"])
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


CPC = "Central People's Committee"
PRESIDENCY = "Presidency of the DPRK"


# -- lists --------------------------------------------------------------------------------------


def test_following_elected_members_after_a_colon_over_lines(known: Known) -> None:
    got = held(
        "Pyongyang, December 17 (KCNA) -- The session closed.\n\nThe following were elected "
        "members of the Central People's Committee of the DPRK: Kang Ryang Uk, Pak Song Chol,\n"
        "Ri Jong Ok and So Chol.",
        known, "1977-12-17",
    )
    assert {(p, "member", CPC, "confirmed") for p in
            ("Kang Ryang Uk", "Pak Song Chol", "Ri Jong Ok", "So Chol")} <= got  # fmt: skip


def test_named_to_the_committee_with_an_apposition_before_the_colon(known: Known) -> None:
    got = held(
        "The following were named to the Central People's Committee, the state's top policy "
        "organ: Kye Ung Thae, Yon Hyong Muk and Kim Yong Nam.",
        known, "1990-05-25",
    )
    assert {("Kye Ung Thae", "member", CPC, "confirmed"),
            ("kim-yong-nam", "member", CPC, "confirmed")} <= got  # fmt: skip


def test_vice_presidents_of_the_dprk_elected_in_a_list(known: Known) -> None:
    got = held(
        "The session elected Comrades Rim Chun Chu and Pak Song Chol Vice-Presidents of the "
        "Democratic People's Republic of Korea.",
        known, "1982-04-05",
    )
    assert got >= {("Rim Chun Chu", "vice-chairman", PRESIDENCY, "confirmed"),
                   ("Pak Song Chol", "vice-chairman", PRESIDENCY, "confirmed")}  # fmt: skip


def test_secretaries_of_the_committee_the_meeting_elected(known: Known) -> None:
    got = held(
        "The first plenary meeting of the new committee elected Comrade Hyon Chol Gyu chief "
        "secretary of the North Phyongan Provincial Party Committee and elected Comrades Ri "
        "Kil Song and Jon Ha Chol secretaries.",
        known, "1986-03-22",
    )
    assert {row[:3] for row in got} >= {
        ("Hyon Chol Gyu", "first-secretary", "wpk-north-phyongan"),
        ("Ri Kil Song", "secretary", "wpk-north-phyongan"),
        ("Jon Ha Chol", "secretary", "wpk-north-phyongan"),
    }


def test_a_colon_list_of_guests_is_no_election(known: Known) -> None:
    got = held(
        "A conference of the provincial party organization was held in Hamhung. Among the "
        "guests of the conference were: Ri Ja Bang, Paek Hak Rim and Chon Se Bong.\n"
        "Greeting the delegations at the airport were: Kye Ung Thae and So Chol.",
        known, "1986-03-22",
    )
    assert got == set()


# -- historical state organs --------------------------------------------------------------------


def test_president_and_vice_president_of_the_dprk(known: Known) -> None:
    got = held(
        "Present were Comrade Pak Song Chol, Vice-President of the DPRK, and the President of "
        "the Democratic People's Republic of Korea Kim Il Sung.",
        known, "1983-09-10",
    )
    assert ("Pak Song Chol", "vice-chairman", PRESIDENCY, "confirmed") in got


def test_other_presidents_are_not_the_presidency(known: Known) -> None:
    got = held(
        "Kim Jong Un, President of the State Affairs of the DPRK, met Choe Chun Sik, president "
        "of the Academy of Defence Science.",
        known, "2024-09-13",
    )
    assert not any(row[2] == PRESIDENCY for row in got)
    assert ("kim-jong-un", "chairman", "sac", "confirmed") in got


def test_a_premier_is_the_organ_the_text_prints_whatever_the_year(known: Known) -> None:
    """A bare "Premier" is the data folder's post (the Premier of the Cabinet) in 1990 as in
    2010: the reader drafts the organ a text prints, and infers no other name of it from the
    article's date; "Premier of the Administration Council" is the same post: the Administration
    Council (1972-1998) is the Cabinet under its historical name (an alias in organs.yaml)."""
    text = (
        "Premier Yon Hyong Muk made a report. Kim Yong Nam, vice premier and foreign minister, "
        "kept both posts. Ri Kun Mo, Premier of the Administration Council, spoke."
    )
    for day in ("1990-05-25", "2010-05-25"):
        got = {row[:3] for row in held(text, known, day)}
        assert {("Yon Hyong Muk", "chairman", "cabinet"),
                ("kim-yong-nam", "vice-chairman", "cabinet"),
                ("Ri Kun Mo", "chairman", "cabinet")} <= got, (day, got)  # fmt: skip


# -- organs' full names -------------------------------------------------------------------------


def test_a_commission_keeps_its_full_name(known: Known) -> None:
    got = held(
        "Choe Thae Bok, chairman of the State Commission of Science and Technology, and Jo Yong "
        "Chol, chairman of the State Commission of Quality Management, spoke.",
        known,
    )
    assert {row[:3] for row in got} >= {
        ("Choe Thae Bok", "chairman", "State Commission of Science and Technology"),
        ("Jo Yong Chol", "chairman", "State Commission of Quality Management"),
    }


def test_a_short_name_stays_as_printed_and_known_organs_are_not_swallowed(known: Known) -> None:
    got = held(
        "Kang Song San, member of the State Commission, spoke. Kim Yong Chun, director of the "
        "General Political Bureau of the Korean People's Army, spoke. Ri Chol, director of the "
        "Political Department of the Korean People's Army, spoke.",
        known,
    )
    organs = {row[0]: row[2] for row in got}
    assert organs.get("Kang Song San", "State Commission") == "State Commission"
    assert organs["Kim Yong Chun"] == "kpa-gpb"
    assert organs["Ri Chol"] == "Political Department"  # not "... of the Korean"


# -- foreign office holders ---------------------------------------------------------------------


def test_political_bureau_of_the_cpc_central_committee_by_abbreviation(known: Known) -> None:
    got = held(
        "Kim Il Sung received the delegation headed by Peng Chong, member of the Political "
        "Bureau of the CPC Central Committee, on September 9. Pyotr Demichev, alternate member "
        "of the Political Bureau of the CPSU Central Committee, arrived.",
        known, "1983-09-10",
    )
    assert {row[:3] for row in got} >= {
        ("Peng Chong", "member", "Political Bureau of the CPC Central Committee"),
        ("Pyotr Demichev", "alternate-member", "Political Bureau of the CPSU Central Committee"),
    }
    assert not any(row[2] in ("wpk-pb", "wpk-cc") for row in got)


def test_the_wpk_and_korean_names_stay_the_wpk(known: Known) -> None:
    got = held(
        "Kim Il Sung met Song Chol, member of the Political Bureau. Ri Il Hwan, member of the "
        "KWP Central Committee, spoke.",
        known, "1983-09-10",
    )
    assert {row[:3] for row in got} == {
        ("Song Chol", "member", "wpk-pb"), ("Ri Il Hwan", "member", "wpk-cc")
    }


# -- projections --------------------------------------------------------------------------------


def test_projections_of_seats_and_heads(known: Known) -> None:
    got = held(
        "Kim Kyong Hui was made a member of the Political Bureau. She could become the first "
        "woman in the Presidium of the Political Bureau, analysts said. Kim Jong Il is most "
        "likely to be appointed chairman of the National Defence Commission. Ri Mu Yong is "
        "highly likely to head the Cabinet.",
        known, "2010-09-29",
    )
    assert {("kim-kyong-hui", "member", "wpk-pb-presidium", "projected"),
            ("kim-jong-il", "chairman", "ndc", "projected"),
            ("Ri Mu Yong", "chairman", "cabinet", "projected")} <= got  # fmt: skip


def test_what_happened_is_no_projection_and_a_chaired_meeting_no_seat(known: Known) -> None:
    got = held(
        "Kim Yo Jong became the first woman in the Political Bureau in 2021. Kim Jong Un "
        "chaired the Political Bureau meeting on Sunday. Kim Jong Il, who chairs the National "
        "Defense Commission, was re-elected.",
        known, "2021-06-01",
    )
    assert ("kim-yo-jong", "member", "wpk-pb", "confirmed") in got
    assert ("kim-jong-il", "chairman", "ndc", "confirmed") in got
    assert not any(row[0] == "kim-jong-un" for row in got)


def test_another_states_minister_is_its_ministry(known: Known) -> None:
    got = held(
        "Kim Jong Un met Sergei Shoigu, defence minister of the Russian Federation, and Wang "
        "Yi, minister of foreign affairs of the People's Republic of China.",
        known, "2023-07-27",
    )
    assert {row[:3] for row in got} >= {
        ("Sergei Shoigu", "chairman", "Ministry of Defence of the Russian Federation"),
        ("Wang Yi", "chairman",
         "Ministry of Foreign Affairs of the People's Republic of China"),
    }  # fmt: skip
    assert not any(row[2] in ("mfa", "mnd", "mpaf") for row in got)


def test_the_dprks_ministers_stay_the_dprks(known: Known) -> None:
    got = held(
        "Choe Son Hui, minister of Foreign Affairs, and Kim Il Chol, minister of People's Armed "
        "Forces, met the Russian guests.",
        known, "2023-07-27",
    )
    assert {row[:3] for row in got} == {
        ("Choe Son Hui", "chairman", "mfa"), ("Kim Il Chol", "chairman", "mpaf")
    }


def test_a_foreign_partys_bureau_in_an_empty_folder() -> None:
    _, drafted = read_text(
        "The Workers' Party of Korea (WPK) met. Ri Il Hwan, member of the WPK Central "
        "Committee, spoke. Peng Chong, member of the Political Bureau of the CPC Central "
        "Committee, spoke.",
        known=Known.build(None), date="1983-09-10", article_type="news",
    )
    organs = {d.id: d.record for d in drafted.drafts if d.kind == "organ"}
    held_by = {
        d.record["person"]: d.record["organ"]
        for d in drafted.drafts if d.kind == "membership" and d.fact
    }  # fmt: skip
    bureau = organs[held_by["peng-chong"]]
    assert bureau["names"][0]["text"] == "Political Bureau of the CPC Central Committee"
    assert organs[bureau["parent"]]["parent"] == "cpc"
    assert held_by["ri-il-hwan"] == "wpk-cc"
    assert organs.get("wpk-pb", {}).get("parent", "wpk-cc") == "wpk-cc"  # never the CPC's
