"""Heads of local party committees and people's committees (issue 15, class CA): the 1950s-60s
"chairman of the X Provincial Party Committee" (its first secretary), "the provincial committee",
"the provincial people's committee" with the place from context, a part of the committee ("the
bureau of the provincial party committee"), "the party committee of X County", "the province's
party chief secretary", "provincial chief secretary" beside a province's name, "the complex party
committee" (the enterprise named before), a title before the name in a list. Short synthetic
sentences that vary names, places and word order, each with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import held

from kwpld.ingest import Known

# -- the head of a local party committee, whatever the title word --------------------------------


def test_chairman_of_a_county_party_committee_is_its_first_secretary(known: Known) -> None:
    got = held(
        "Pyongyang, June 3 (KCNA) -- Present were Paek Nam Sun, chairman of the Unsan County "
        "Party Committee, and Jo Gwang Il, chairman of the Sunchon City Party Committee.",
        known, "1958-06-03",
    )
    assert ("Paek Nam Sun", "first-secretary", "Unsan County Party Committee") in got
    assert ("Jo Gwang Il", "first-secretary", "Sunchon City Party Committee") in got
    assert not {row for row in got if row[1] == "chairman"}


def test_chairman_of_a_provincial_party_committee_on_record(known: Known) -> None:
    got = held(
        "Speaking at the meeting was Ko Hyok, chairman of the North Phyongan Provincial Party "
        "Committee.",
        known, "1962-09-14",
    )
    assert ("Ko Hyok", "first-secretary", "wpk-north-phyongan") in got


def test_chairman_of_another_committee_stays_its_chairman(known: Known) -> None:
    got = held(
        "Also present was Yun Gi Bok, chairman of the Agricultural Commission.", known,
        "1966-04-02",
    )
    assert ("Yun Gi Bok", "chairman", "Agricultural Commission") in got


def test_chairman_of_a_farm_management_committee_is_no_party_committee(known: Known) -> None:
    got = held(
        "Kim Tae Sop, chairman of the management committee of the Ongjin Co-operative Farm, "
        "also spoke.",
        known, "1964-11-09",
    )
    assert not {row for row in got if row[1] == "first-secretary"}


# -- committees referred to by their level ------------------------------------------------------


def test_the_provincial_committee_and_its_people_s_committee(known: Known) -> None:
    got = held(
        "A plenary meeting of the Jagang Provincial Committee of the Workers' Party of Korea was "
        "held in Kanggye. It elected Ri Su Bok chief secretary of the provincial committee. "
        "Kim Ok Ran, chairman of the provincial people's committee, spoke.",
        known, "2005-06-03",
    )
    assert ("Ri Su Bok", "first-secretary", "Jagang Provincial Party Committee") in got
    assert ("Kim Ok Ran", "chairman", "Jagang Provincial People's Committee") in got


def test_a_part_of_the_provincial_party_committee(known: Known) -> None:
    got = held(
        "The plenary meeting of the South Hwanghae Provincial Party Committee elected Han Chol "
        "Min a member of the bureau of the provincial party committee.",
        known, "1998-03-02",
    )
    assert (
        "Han Chol Min", "member", "Bureau of the South Hwanghae Provincial Party Committee"
    ) in got
    assert ("Han Chol Min", "member", "South Hwanghae Provincial Party Committee") not in got


def test_the_party_committee_of_a_county_named_after_it(known: Known) -> None:
    got = held(
        "Choe Song Il has been chief secretary of the party committee of Kapsan County since "
        "2011.",
        known, "2014-02-02",
    )
    assert ("Choe Song Il", "first-secretary", "Kapsan County Party Committee") in got
    assert not {row for row in got if "committees" in row[2].lower()}


def test_the_province_s_party_chief_secretary(known: Known) -> None:
    got = held(
        "A source in South Hwanghae Province said that Jon Yong Ho, the province's party chief "
        "secretary, had been summoned to Pyongyang.",
        known, "2016-05-11",
    )
    assert ("Jon Yong Ho", "first-secretary", "South Hwanghae Provincial Party Committee") in got


def test_provincial_chief_secretary_beside_a_province_s_name(known: Known) -> None:
    got = held(
        "In March 2012 Ro Song Sil returned to North Hwanghae as provincial chief secretary.",
        known, "2013-01-05",
    )
    assert ("Ro Song Sil", "first-secretary", "North Hwanghae Provincial Party Committee") in got


def test_sent_to_a_province_named_with_of(known: Known) -> None:
    got = held(
        "After his dismissal, Ri Jong Nam was sent to the mountainous province of Ryanggang as "
        "chief secretary of the provincial party committee.",
        known, "2009-08-30",
    )
    assert ("Ri Jong Nam", "first-secretary", "Ryanggang Provincial Party Committee") in got


def test_a_level_word_with_no_place_named_gives_nothing(known: Known) -> None:
    got = held(
        "Ri Chang Sop, the provincial chief secretary, spoke. Kim Kum Hui, chairman of the "
        "provincial people's committee, also spoke.",
        known, "2001-07-07",
    )
    assert not {row for row in got if "Provincial" in row[2]}


def test_a_county_party_committee_official_holds_nothing(known: Known) -> None:
    got = held(
        "In Hoeryong County, Pak Un Ha, an official of the county party committee, told "
        "reporters the harvest was good.",
        known, "2015-10-01",
    )
    assert not {row for row in got if row[0] == "Pak Un Ha"}


def test_collective_committees_hold_nothing(known: Known) -> None:
    got = held(
        "Chief secretaries of the provincial party committees in Kangwon Province attended.",
        known, "2015-10-01",
    )
    assert not got


# -- enterprise committees ----------------------------------------------------------------------


def test_the_complex_party_committee_is_the_enterprise_s(known: Known) -> None:
    got = held(
        "Kim Jong Un visited the Kim Chaek Iron and Steel Complex. He was greeted by Ro Chol Gyu, "
        "chief secretary of the complex party committee.",
        known, "2019-08-02",
    )
    assert (
        "Ro Chol Gyu", "first-secretary", "Kim Chaek Iron and Steel Complex Party Committee"
    ) in got


def test_no_enterprise_of_that_kind_named_no_committee(known: Known) -> None:
    got = held(
        "Kim Jong Un visited the Kusong Machine Tool Factory. He was greeted by Ro Chol Gyu, "
        "chief secretary of the complex party committee.",
        known, "2019-08-02",
    )
    assert not {row for row in got if "Complex" in row[2]}


# -- a title before the name in a list ----------------------------------------------------------


def test_the_title_before_the_name_at_the_end_of_a_list(known: Known) -> None:
    got = held(
        "Speakers were Jong Myong Su, and the chief secretary of the Tanchon City Party "
        "Committee, Sin Hyon Gyu.",
        known, "1993-05-05",
    )
    assert ("Sin Hyon Gyu", "first-secretary", "Tanchon City Party Committee") in got


def test_had_until_now_been_a_title(known: Known) -> None:
    got = held(
        "The meeting elected Choe Pong Man chief secretary of the Kaesong City Party Committee. "
        "Choe had until now been first vice-chairman of the Kaesong City People's Committee.",
        known, "1993-05-05",
    )
    assert ("Choe Pong Man", "vice-chairman", "Kaesong City People's Committee") in got


# -- successors of a head relieved ---------------------------------------------------------------


def test_elected_to_succeed_him_after_a_relief(known: Known) -> None:
    got = held(
        "The plenary meeting relieved Jon Tae Sik of his post as chief secretary of the South "
        "Hwanghae Provincial Party Committee, and elected Mun Kyong Dok to succeed him.",
        known, "1999-06-02",
    )
    assert ("Mun Kyong Dok", "first-secretary", "South Hwanghae Provincial Party Committee") in got


def test_elected_to_succeed_with_nothing_ended_gives_nothing(known: Known) -> None:
    got = held(
        "The farm's general meeting elected Mun Kyong Dok to succeed him as work-team leader.",
        known, "1999-06-02",
    )
    assert not {row for row in got if row[0] == "Mun Kyong Dok"}


def test_he_was_replaced_by_takes_what_the_sentence_before_ended(known: Known) -> None:
    got = held(
        "Kim Chol Ung, the chief secretary of the Sinuiju City Party Committee, was dismissed on "
        "3 March. He was replaced by Ri Myong Gil.",
        known, "2011-03-09",
    )
    assert ("Ri Myong Gil", "first-secretary", "Sinuiju City Party Committee") in got


def test_he_was_replaced_by_with_nothing_ended_before_gives_nothing(known: Known) -> None:
    got = held(
        "Kim Chol Ung, chief secretary of the Sinuiju City Party Committee, visited Dandong on 3 "
        "March. He was replaced by Ri Myong Gil in the delegation's second round of talks.",
        known, "2011-03-09",
    )
    assert not {row for row in got if row[0] == "Ri Myong Gil"}


def test_the_party_committee_of_the_complex(known: Known) -> None:
    got = held(
        "Kim Jong Un visited the Sunchon Cement Complex. He was greeted by Ri Chol Jun, chief "
        "secretary of the party committee of the complex.",
        known, "2019-08-02",
    )
    assert ("Ri Chol Jun", "first-secretary", "Sunchon Cement Complex Party Committee") in got


def test_the_province_s_party_and_people_s_committees(known: Known) -> None:
    got = held(
        "In South Phyongan Province, O Myong Chol, a secretary of the province's party committee, "
        "spoke. Pak Sun Hui, chairman of the province's people's committee, also spoke.",
        known, "2019-08-02",
    )
    assert ("O Myong Chol", "secretary", "wpk-south-phyongan") in got
    assert ("Pak Sun Hui", "chairman", "South Phyongan Provincial People's Committee") in got


def test_the_county_s_party_chief_secretary_with_no_county_named(known: Known) -> None:
    got = held(
        "Kim Ho Nam, the county's party chief secretary, spoke at the rally in Hamhung.", known,
        "2019-08-02",
    )
    assert not {row for row in got if row[0] == "Kim Ho Nam"}


def test_a_secretary_of_the_complex_s_committee_holds_a_job(known: Known) -> None:
    got = held(
        "The President was greeted at the Namhung Youth Chemical Complex by Jo Pyong Chol, "
        "secretary of the Party committee of the complex, and by Kim Yong Su, secretary of the "
        "complex party committee.",
        known, "1988-06-02",
    )
    assert not {row for row in got if "Complex" in row[2]}


def test_a_chinese_province_or_city_gives_no_wpk_committee(known: Known) -> None:
    got = held(
        "DANDONG, China, May 3 (Reuters) - Kim Jong Un met officials of the Dandong City "
        "Committee of the Communist Party of China. Chen Qiu Fa, who served as the provincial "
        "party chief secretary in Liaoning Province, and Wang Min Ho, the city party chief "
        "secretary, also attended.",
        known, "2018-05-03",
    )
    assert not {row for row in got if "Party Committee" in row[2]}


def test_a_dprk_province_s_committee_in_a_story_about_the_cpc_is_the_wpk_s(known: Known) -> None:
    from facts_helpers import read_text

    _, drafted = read_text(
        "DANDONG, China, May 3 (Reuters) - Kim Jong Un met Li Xi, secretary of the Liaoning "
        "Provincial Committee of the Communist Party of China, in Dandong. Kim Chol Nam, chief "
        "secretary of the Kangwon Provincial Party Committee, also came.",
        known=known, date="2018-05-03", article_type="news",
    )
    parents = {
        d.record["id"]: d.record.get("parent") for d in drafted.drafts if d.kind == "organ"
    }
    assert parents["kangwon-provincial-party-committee"] == "wpk"
    assert parents["liaoning-provincial-committee"] == "cpc"
