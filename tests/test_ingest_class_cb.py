"""DPRK state offices of other eras and foreign delegations' offices (issue 15, class CB): the
presidency's Vice-Presidents in apposition after a name and "of the Republic", the Prosecutor
General, the SPA's Foreign Affairs Committee, seats in successive SPA convocations. Short
synthetic sentences, each with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import held, held_records, iso

from kwpld.ingest import Known

PRESIDENCY = "Presidency of the DPRK"


# -- the Vice-Presidents after a name ----------------------------------------------------------


def test_vice_president_after_a_name_is_the_presidencys_not_the_cabinets(known: Known) -> None:
    got = held(
        "Pyongyang, June 2 (KCNA) -- Present were Kang Song San, Premier of the Administration "
        "Council, Kim Pyong Sik, Vice-President, and Ho Dam, Minister of Foreign Affairs.",
        known, "1994-06-02",
    )
    assert ("Kim Pyong Sik", "vice-chairman", PRESIDENCY) in got
    assert ("Kim Pyong Sik", "vice-chairman", "cabinet") not in got


def test_two_names_then_vice_presidents_each_hold_it(known: Known) -> None:
    got = held(
        "Also on the platform were Kang Ryang Uk and Pak Song Chol, Vice-Presidents, and So Chol.",
        known, "1980-10-14",
    )
    assert {("Kang Ryang Uk", "vice-chairman", PRESIDENCY),
            ("Pak Song Chol", "vice-chairman", PRESIDENCY)} <= got  # fmt: skip


def test_vice_president_of_the_republic_is_the_presidency(known: Known) -> None:
    rows = held_records(
        "Kim Tong Gyu had been the Vice-President of the Republic since December 1972.",
        known, "1977-05-20",
    )
    (record,) = [r for row, r in rows if row == ("Kim Tong Gyu", "vice-chairman", PRESIDENCY)]
    assert iso(record["start"]) == "1972-12"


def test_a_vice_president_of_an_association_after_a_name_is_not_the_presidency(
    known: Known,
) -> None:
    got = held(
        "Among the guests was Hong Sun Hui, vice-president of the Korean Democratic Women's "
        "Union, and Ri Pong Won, vice-president of the Red Cross Society.",
        known, "1985-07-02",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}
    assert ("Hong Sun Hui", "vice-chairman", "Korean Democratic Women's Union") in got


def test_vice_president_after_a_name_outside_the_presidencys_years_is_not_it(
    known: Known,
) -> None:
    got = held("Present was Ri Chol Ho, Vice-President, among others.", known, "2015-03-01")
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_a_foreign_vice_president_after_his_name_is_not_the_dprks(known: Known) -> None:
    got = held(
        "WASHINGTON, Aug. 9 (AP) -- The statement was read by Nelson Rockefeller, Vice-President, "
        "on Friday.",
        known, "1975-08-09",
    )
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_a_former_vice_president_held_it_in_the_past(known: Known) -> None:
    rows = held_records(
        "SEOUL, May 4 (Yonhap) -- Former Vice President Kim Tong Gyu was seen in Pyongyang.",
        known, "2001-05-04",
    )
    (record,) = [r for row, r in rows if row == ("Kim Tong Gyu", "vice-chairman", PRESIDENCY)]
    assert record.get("as_of") is None


def test_the_former_president_is_no_holding(known: Known) -> None:
    got = held("They remembered the former President Kim Il Sung.", known, "2001-05-04")
    assert not {row for row in got if row[2] == PRESIDENCY}


# -- the prosecution and the SPA's committees ---------------------------------------------------


def test_prosecutor_general_of_the_prosecutors_office(known: Known) -> None:
    got = held(
        "The session appointed Ri Kil Song Prosecutor General of the Central Public Prosecutors "
        "Office. Kim Myong Gil, chairman of the Foreign Affairs Committee of the Supreme "
        "People's Assembly, also spoke.",
        known, "1990-05-25",
    )
    assert ("Ri Kil Song", "chairman", "Central Public Prosecutors Office") in got
    assert any(row[:2] == ("Kim Myong Gil", "chairman") and "Foreign Affairs" in row[2]
               for row in got)  # fmt: skip


def test_a_prosecutor_is_not_the_prosecutor_general(known: Known) -> None:
    got = held(
        "Pak Chol, a prosecutor of the Central Public Prosecutors Office, read the indictment.",
        known, "1990-05-25",
    )
    assert not {row for row in got if row[0] == "Pak Chol"}


# -- seats in successive convocations ---------------------------------------------------------


def test_each_convocation_with_its_year_is_a_seat(known: Known) -> None:
    rows = held_records(
        "Kim Chang Ju was re-elected a deputy to the 8th (1986), 9th (1990) and 10th (1998) "
        "Supreme People's Assembly.",
        known, "2005-01-10",
    )
    starts = sorted(
        str(iso(r["start"])) for row, r in rows if row == ("Kim Chang Ju", "member", "spa")
    )
    assert starts == ["1986", "1990", "1998"]


def test_a_profile_item_without_a_subject_gives_the_profiles_person(known: Known) -> None:
    rows = held_records(
        "# Ro Tu Chol\n\n## Career\n\n- **1998**: Re-elected to the 11th (2003) and 12th (2009) "
        "SPA.\n",
        known, "2015-01-10",
    )
    starts = sorted(
        str(iso(r["start"])) for row, r in rows if row == ("Ro Tu Chol", "member", "spa")
    )
    assert starts == ["2003", "2009"]


def test_convocations_of_another_body_or_without_years_are_not_seats(known: Known) -> None:
    got = held(
        "Kim Chang Ju was re-elected to the 8th (1986) and 9th (1990) congresses of the trade "
        "unions. Pak Chol was re-elected a deputy to the 8th and 9th Supreme People's Assembly "
        "in the 1990 elections, observers said.",
        known, "2005-01-10",
    )
    assert ("Kim Chang Ju", "member", "spa") not in got


# -- a South Korean prime minister in a story from Seoul ---------------------------------------

SEOUL = "SEOUL, Feb. 20 (Yonhap) -- "


def test_a_prime_minister_spelled_the_souths_way_in_a_seoul_story(known: Known) -> None:
    got = held(
        SEOUL + "Prime Minister Lee Hoi-chang and North Korean Premier Yon Hyong Muk shook hands "
        "before the talks.",
        known, "1993-02-20",
    )
    assert ("Lee Hoi-chang", "chairman", "Government of the Republic of Korea") in got
    assert ("Lee Hoi-chang", "chairman", "cabinet") not in got
    assert ("Yon Hyong Muk", "chairman", "cabinet") in got


def test_a_south_korean_counterpart_is_the_souths(known: Known) -> None:
    got = held(
        SEOUL + "In 1992 Yon Hyong Muk met his South Korean counterpart, Prime Minister Hyun "
        "Soong-jong, in Pyongyang.",
        known, "1993-02-20",
    )
    assert ("Hyun Soong-jong", "chairman", "cabinet") not in got
    assert ("Hyun Soong-jong", "chairman", "Government of the Republic of Korea") in got


def test_the_norths_counterpart_and_spelling_stay_the_dprks(known: Known) -> None:
    got = held(
        SEOUL + "Chung Won-shik met his North Korean counterpart, Prime Minister Yon Hyong-muk. "
        "Prime Minister Kang Song San received the delegation.",
        known, "1993-02-20",
    )
    assert ("Yon Hyong-muk", "chairman", "cabinet") in got
    assert ("Kang Song San", "chairman", "cabinet") in got


# -- foreign delegations' offices -------------------------------------------------------------


def test_an_eastern_european_delegations_offices_by_name(known: Known) -> None:
    got = held(
        "Pyongyang, October 3 (KCNA) -- Todor Zhivkov, President of the People's Republic of "
        "Bulgaria, arrived. With him came Petar Mladenov, Minister of Foreign Affairs of "
        "Bulgaria, and Ilie Verdet, member of the Permanent Bureau of the Political Executive "
        "Committee of the Central Committee of the Romanian Communist Party.",
        known, "1985-10-03",
    )
    assert ("Todor Zhivkov", "chairman", "People's Republic of Bulgaria") in got
    assert ("Petar Mladenov", "chairman", "Ministry of Foreign Affairs of the People's Republic "
            "of Bulgaria") in got  # fmt: skip
    # (lever L3) the bureau of another party's Central Committee's organ by its whole name, as
    # blind10's gold names Elena Ceausescu's ("Permanent Bureau of the Political Executive
    # Committee of the Central Committee of the Romanian Communist Party")
    assert ("Ilie Verdet", "member", "Permanent Bureau of the Political Executive Committee of "
            "the Central Committee of the Romanian Communist Party") in got  # fmt: skip
    assert not {row for row in got if row[2] in ("wpk-cc", "wpk-pb", "mfa")}


def test_the_wpks_own_chain_stays_its_own(known: Known) -> None:
    got = held(
        "Kim Yong Nam, member of the Political Bureau of the Central Committee of the Workers' "
        "Party of Korea, met Stefan Andrei, member of the Political Executive Committee of the "
        "Central Committee of the Romanian Communist Party.",
        known, "1985-10-03",
    )
    assert ("kim-yong-nam", "member", "wpk-pb") in got
    assert ("Stefan Andrei", "member", "wpk-pb") not in got


def test_a_delegation_led_by_a_foreign_vice_premier(known: Known) -> None:
    got = held(
        "PYONGYANG, Oct. 2 (AP) -- Kim Yong Nam received a Chinese delegation led by Vice Premier "
        "Wu Yi on Thursday. A delegation led by Premier Pak Pong Ju left for Hanoi.",
        known, "2004-10-02",
    )
    assert ("Wu Yi", "vice-chairman", "State Council of the People's Republic of China") in got
    assert ("Wu Yi", "vice-chairman", "cabinet") not in got
    assert ("pak-pong-ju", "chairman", "cabinet") in got


def test_rep_before_a_south_korean_name_is_a_seat_in_the_national_assembly(
    known: Known,
) -> None:
    got = held(
        "SEOUL, March 3 (Yonhap) -- Rep. Chung Mong-joon of the ruling party asked for a briefing. "
        "Deputy Ri Chol Man spoke at the SPA.",
        known, "2004-03-03",
    )
    assert ("Chung Mong-joon", "member", "National Assembly of the Republic of Korea") in got
    assert ("Ri Chol Man", "member", "National Assembly of the Republic of Korea") not in got


def test_rep_before_an_american_name_is_no_seoul_lawmaker(known: Known) -> None:
    got = held("WASHINGTON (AP) -- Rep. Ed Royce urged new sanctions.", known, "2017-03-03")
    assert not {row for row in got if row[0] == "Ed Royce" and "Korea" in row[2]}


def test_a_guests_bare_party_title_is_his_partys_named_before(known: Known) -> None:
    got = held(
        "Pyongyang, Sept. 3 (KCNA) -- He was accompanied by Wu Guanzheng, member of the Political "
        "Bureau of the CPC Central Committee, Zeng Peiyan, alternate member of the Political "
        "Bureau, and Li Zhaoxing, foreign minister. Kim Yong Nam, member of the Political "
        "Bureau, welcomed them.",
        known, "2004-09-03",
    )
    cpc_pb = "Political Bureau of the CPC Central Committee"
    assert ("Zeng Peiyan", "alternate-member", cpc_pb) in got
    assert ("Zeng Peiyan", "alternate-member", "wpk-pb") not in got
    assert ("kim-yong-nam", "member", "wpk-pb") in got


def test_vice_president_of_the_republic_in_a_later_profile_is_a_past_term(known: Known) -> None:
    rows = held_records(
        "# Kim Tong Gyu\n\n## Career\n\n- **1972** — Elected Vice-President of the Republic at "
        "the 1st session of the 5th SPA in December, a post he held until 1977.\n",
        known, "2016-05-02",
    )
    (record,) = [r for row, r in rows if row == ("Kim Tong Gyu", "vice-chairman", PRESIDENCY)]
    assert (iso(record["start"]), iso(record["end"])) == ("1972-12", "1977")


def test_a_vice_president_of_the_republic_before_1972_is_not_the_presidency(
    known: Known,
) -> None:
    got = held("Ri Ho was the Vice-President of the Republic, the paper said.", known, "1965-05-02")
    assert not {row for row in got if row[2] == PRESIDENCY}


def test_a_speaker_of_the_national_assembly_heads_the_souths_assembly(known: Known) -> None:
    rows = held_records(
        SEOUL + "Kim Won-ki, a former speaker of the National Assembly, welcomed the talks. The "
        "speakers at the meeting were Ri Ho and Pak Chol.",
        known, "2007-11-14",
    )
    (record,) = [
        r for row, r in rows
        if row == ("Kim Won-ki", "chairman", "National Assembly of the Republic of Korea")
    ]  # fmt: skip
    assert record.get("as_of") is None and record.get("start") is None
    assert not {row for row, _ in rows if row[0] in ("Ri Ho", "Pak Chol")}
