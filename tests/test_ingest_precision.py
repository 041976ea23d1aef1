"""Class CH (issue 15): false holdings. The KPA General Political Bureau under every name ("the
Korean People's Army (KPA) General Political Bureau", "the army's political bureau") is the
GPB, never the army nor the party's Political Bureau; no one is a member, director or secretary
of an army, its General Staff or a ministry; titles in a list of names belong to the name they
follow; the Minister of Public Security heads the ministry later renamed; namesakes are told
apart by the time of what the article says of them, and a breveless spelling does not single
one out. The near misses are the positive cases: real GPB directors and deputies, real members
of the Political Bureau and the Central Military Commission. Short synthetic sentences, names
and years varied."""

from __future__ import annotations

from facts_helpers import drafted_names, held, held_records, iso

from kwpld.ingest import Known, read_text

# -- the General Political Bureau ---------------------------------------------------------------


def test_an_abbreviation_in_brackets_does_not_cut_the_bureaus_name(known: Known) -> None:
    for bracketed in ("(KPA)", "[KPA]"):
        found = held(
            f"SEOUL, May 2 (Yonhap) -- Ri Myong Su has been named director of the Korean "
            f"People's Army {bracketed} General Political Bureau, state media showed.\n",
            known,
            "2009-05-02",
        )
        assert ("Ri Myong Su", "director", "kpa-gpb") in found, found
        assert not any(organ == "kpa" for _, _, organ in found), found


def test_the_armys_political_bureau_is_the_gpb(known: Known) -> None:
    found = held(
        "Kim Won Hong, a general, was named director of the army's political bureau in March, "
        "replacing Ri Kil Song.\n",
        known,
        "2017-05-02",
    )
    assert ("Kim Won Hong", "director", "kpa-gpb") in found, found
    assert not any(organ == "wpk-pb" for _, _, organ in found), found


def test_the_partys_political_bureau_stays_the_partys(known: Known) -> None:
    found = held(
        "Kim Won Hong was elected a member of the party's political bureau in March.\n",
        known,
        "2017-05-02",
    )
    assert ("Kim Won Hong", "member", "wpk-pb") in found, found


def test_real_gpb_directors_and_deputies_are_kept(known: Known) -> None:
    found = held(
        "Present were O Kuk Ryol, director of the General Political Bureau of the KPA, and "
        "Han Tong Gun, first vice director of the General Political Bureau.\n",
        known,
        "1994-04-24",
    )
    assert ("O Kuk Ryol", "director", "kpa-gpb") in found, found
    assert ("Han Tong Gun", "first-vice-director", "kpa-gpb") in found, found


# -- seats no one holds -------------------------------------------------------------------------


def test_no_one_is_a_member_of_a_ministry_or_an_army(known: Known) -> None:
    found = held(
        "Pak Kil Yon has been a member of the Ministry of Foreign Affairs since 1975. "
        "So Chol Su, promoted to KPA General in 2012, spoke. "
        "Yun Chang Ho, a member of the Korean People's Army since 1980, was there.\n",
        known,
        "2014-06-01",
    )
    assert not any(
        organ in ("kpa", "mfa") or organ.startswith("Ministry") for _, _, organ in found
    ), found


def test_a_deputy_of_the_chief_of_staff_is_no_member_of_the_staff(known: Known) -> None:
    found = held(
        "Hyon Chol Hae, chief of the General Staff of the KPA, and Kim Tae Gwon, a deputy, "
        "also spoke.\n",
        known,
        "1999-02-08",
    )
    assert ("Hyon Chol Hae", "chairman", "kpa-general-staff") in found, found
    assert not any(p == "Kim Tae Gwon" for p, _, _ in found), found


def test_members_of_commissions_are_kept(known: Known) -> None:
    found = held(
        "Kim Kwang Hyok, member of the Central Military Commission, and Ri Ho Nam, minister of "
        "Foreign Trade, attended.\n",
        known,
        "2019-03-01",
    )
    assert ("Kim Kwang Hyok", "member", "wpk-cmc") in found, found
    assert any(p == "Ri Ho Nam" and role == "chairman" for p, role, _ in found), found


def test_the_minister_of_public_security_heads_one_ministry_by_either_name(
    known: Known,
) -> None:
    _, drafted = read_text(
        "Pyongyang, April 24 (KCNA) -- Present were Ju Sang Gil, Minister of Public Security, "
        "and other officials.\n",
        known=known, date="1997-04-24", article_type="news",
    )  # fmt: skip
    names = drafted_names(drafted)
    (record,) = [
        d.record for d in drafted.drafts
        if d.kind == "membership" and names.get(d.record["person"]) == "Ju Sang Gil"
    ]  # fmt: skip
    assert record["role"] == "chairman"
    (organ,) = [d.record for d in drafted.drafts if d.kind == "organ" and d.id == record["organ"]]
    assert {"Ministry of Public Security", "Ministry of People's Security"} <= {
        n["text"] for n in organ["names"]
    }


# -- titles in a list of names ------------------------------------------------------------------


def test_titles_after_a_name_in_a_list_are_that_names(known: Known) -> None:
    found = held(
        "SEOUL, April 12 (Yonhap) -- The commission now comprises Kim Jong-un, Choe "
        "Ryong-hae, president of the SPA Presidium and first vice chairman of the State "
        "Affairs Commission, Premier Kim Tok-hun, and Pak.\n",
        known,
        "2020-04-12",
    )
    assert ("choe-ryong-hae", "chairman", "spa-presidium") in found, found
    assert ("choe-ryong-hae", "vice-chairman", "sac") in found, found
    assert ("kim-tok-hun", "chairman", "cabinet") in found, found
    assert ("kim-jong-un", "chairman", "spa-presidium") not in found, found
    assert ("kim-tok-hun", "vice-chairman", "sac") not in found, found


# -- namesakes ----------------------------------------------------------------------------------


def test_a_namesake_is_the_one_in_office_when_the_text_says_it_happened(known: Known) -> None:
    found = held(
        "Choe Thae Bok was born in 1930. At the 3rd Conference of the Workers' Party of Korea "
        "on 28 September 2010 he was elected a member of the Presidium of the Political Bureau, "
        "alongside Jo Myong-rok and Ri Yong-ho.\n",
        known,
        "2024-03-14",
    )
    assert ("ri-yong-ho-kpa", "member", "wpk-pb-presidium") in found, found
    assert ("ri-yong-ho-fm", "member", "wpk-pb-presidium") not in found, found


def test_the_foreign_minister_by_his_title(known: Known) -> None:
    found = held(
        "SEOUL, April 12 (Yonhap) -- Ri Yong-ho, the foreign minister, left for Hanoi on "
        "Thursday.\n",
        known,
        "2019-04-12",
    )
    assert ("ri-yong-ho-fm", "chairman", "mfa") in found, found


def test_a_list_after_titles_in_apposition_takes_none_of_them(known: Known) -> None:
    found = held(
        "The body now consists of Kim Jong-un, Choe Ryong-hae, president of the SPA Presidium "
        "and first vice chairman of the State Affairs Commission, Premier Kim Tok-hun, "
        "Jo Yong-won, a party secretary, and Ri Il Hwan.\n",
        known,
        "2020-06-02",
    )
    assert ("kim-tok-hun", "chairman", "cabinet") in found, found
    assert ("kim-tok-hun", "chairman", "spa-presidium") not in found, found
    assert ("jo-yong-won", "vice-chairman", "sac") not in found, found
    assert ("Ri Il Hwan", "chairman", "cabinet") not in found, found


# -- conditions ---------------------------------------------------------------------------------


def test_a_change_under_a_condition_is_no_holding(known: Known) -> None:
    found = held(
        '"If Ri Son Gwon becomes a member of the State Affairs Commission at the next session, '
        'that would confirm his promotion," he said. Officials asked whether Kim Song Nam was '
        "appointed director of the International Department.\n",
        known,
        "2019-02-01",
    )
    assert not any(p in ("Ri Son Gwon", "Kim Song Nam") for p, _, _ in found), found


def test_a_plain_change_is_kept(known: Known) -> None:
    found = held(
        "Ri Son Gwon became a member of the State Affairs Commission in April.\n",
        known,
        "2019-05-01",
    )
    assert ("Ri Son Gwon", "member", "sac") in found, found


def test_a_who_clause_after_a_list_is_the_last_persons(known: Known) -> None:
    found = held(
        "Across the table sat Kim Yong Chol; Foreign Minister Ri Yong Ho; and Kim Song Hye, "
        "who directs the party's United Front Department.\n",
        known,
        "2018-06-12",
    )
    assert ("Kim Song Hye", "director", "wpk-ufd") in found, found
    assert not any(p != "Kim Song Hye" and o == "wpk-ufd" for p, _, o in found), found


def test_the_post_in_a_who_clause_is_the_title_before_it(known: Known) -> None:
    rows = held_records(
        "He was accompanied by Hwang Pyong So, director of the General Political Bureau of the "
        "KPA. Also accompanying him was Ri Chol Man, minister of Agriculture, who had been "
        "named to the post last year.\n",
        known,
        "2016-05-19",
    )
    found = [(row, r) for row, r in rows if row[0] == "Ri Chol Man"]
    assert found and all(row[1] == "chairman" and row[2] != "kpa-gpb" for row, _ in found), rows
    assert any(iso(r.get("start")) == "2015" for _, r in found), found


def test_the_post_in_a_main_clause_is_not_the_subjects_title(known: Known) -> None:
    found = held(
        "Pak Pong Ju was relieved as premier. Choe Yong Rim, a vice-premier, was appointed to "
        "the post.\n",
        known,
        "2013-04-02",
    )
    assert ("Choe Yong Rim", "chairman", "cabinet") in found, found
