"""Coordination in the title grammar (issue 15, round 6 lever L6): one person with several
offices written with one role or one organ, several people sharing one office, and pairs under
"respectively". Short synthetic sentences, each with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import held

from kwpld.ingest import Known

DAY = "2019-05-10"


def test_one_role_shared_by_organs_after_and_of(known: Known) -> None:
    text = (
        "Kang Su Nam, a member of the National Defence Commission and of the party's Central "
        "Military Commission, spoke at the meeting."
    )
    got = held(text, known, DAY)
    assert ("Kang Su Nam", "member", "ndc") in got
    assert ("Kang Su Nam", "member", "wpk-cmc") in got


def test_a_posts_role_shared_by_an_organ_after_and_of(known: Known) -> None:
    text = (
        "Choe Ryong Hae, vice chairman of the State Affairs Commission and of the ruling "
        "Workers' Party's Central Committee, visited a farm."
    )
    got = held(text, known, DAY)
    assert ("choe-ryong-hae", "vice-chairman", "sac") in got
    assert ("choe-ryong-hae", "vice-chairman", "wpk-cc") in got


def test_a_director_of_two_departments(known: Known) -> None:
    text = (
        "Han Myong Sik, director of the Propaganda and Agitation Department and of the party's "
        "Cadres Department, gave a lecture."
    )
    got = held(text, known, DAY)
    assert {
        ("Han Myong Sik", "director", "wpk-pad"),
        ("Han Myong Sik", "director", "wpk-cadres"),
    } <= got


def test_a_post_and_the_organ_named_next_is_no_shared_role(known: Known) -> None:
    # near miss: "and the ..." after a post starts another phrase, not the post's second organ
    text = (
        "Han Myong Sik, director of the Propaganda and Agitation Department and the Cadres "
        "Department officials met on Monday."
    )
    got = held(text, known, DAY)
    assert ("Han Myong Sik", "director", "wpk-cadres") not in got


def test_roles_coordinated_before_one_organ_are_all_held(known: Known) -> None:
    text = "Yang Tok Chol was elected a member and secretary of the Central Committee."
    got = held(text, known, DAY)
    assert {("Yang Tok Chol", "member", "wpk-cc"), ("Yang Tok Chol", "secretary", "wpk-cc")} <= got


def test_a_rank_and_then_the_ministry(known: Known) -> None:
    text = "Mun Kwang Ho was vice-minister and then minister of Metal Industry from 1975 to 1986."
    got = held(text, known, DAY)
    assert ("Mun Kwang Ho", "vice-chairman", "Ministry of Metal Industry") in got
    assert ("Mun Kwang Ho", "chairman", "Ministry of Metal Industry") in got


def test_a_role_that_implies_its_organ_keeps_it(known: Known) -> None:
    # near miss: the vice-premier is the Cabinet's, not the commission's
    text = "Ri Song Guk was appointed vice-premier and chairman of the State Planning Commission."
    got = held(text, known, DAY)
    assert ("Ri Song Guk", "vice-chairman", "cabinet") in got
    assert ("Ri Song Guk", "chairman", "state-planning-commission") in got
    assert ("Ri Song Guk", "vice-chairman", "state-planning-commission") not in got


def test_plural_roles_before_one_organ_do_not_give_every_seat(known: Known) -> None:
    # near miss: which of the two seats each holds, the sentence does not say
    text = (
        "Members and alternate members of the Political Bureau Kim Ki Chol and Ri Su Gang attended."
    )
    got = held(text, known, DAY)
    assert ("Kim Ki Chol", "alternate-member", "wpk-pb") not in got


def test_respectively_pairs_a_role_group_ending_in_a_post(known: Known) -> None:
    text = (
        "The plenum confirmed Ju Chang Il and Kim Yong Bok as chairman and vice-chairman of the "
        "State Planning Commission respectively."
    )
    got = held(text, known, DAY)
    assert ("Ju Chang Il", "chairman", "state-planning-commission") in got
    assert ("Kim Yong Bok", "vice-chairman", "state-planning-commission") in got
    assert ("Kim Yong Bok", "chairman", "state-planning-commission") not in got


def test_and_inside_a_ministrys_name(known: Known) -> None:
    text = (
        "Pak Hyon and So Kwang Il were appointed minister of Chemical Industry and minister of "
        "Land and Environment Protection respectively."
    )
    got = held(text, known, DAY)
    assert ("So Kwang Il", "chairman", "Ministry of Land and Environment Protection") in got
    assert ("Pak Hyon", "chairman", "Ministry of Chemical Industry") in got


def test_and_before_a_name_or_a_role_ends_the_ministrys_name(known: Known) -> None:
    got = held("Ri Chol, Minister of Finance and Vice-Premier Kim Ho, spoke.", known, DAY)
    assert ("Ri Chol", "chairman", "Ministry of Finance") in got
    assert ("Kim Ho", "vice-chairman", "cabinet") in got
    got = held("Ri Chol, Minister of Finance and Kim Ho met on Monday.", known, DAY)
    assert ("Ri Chol", "chairman", "Ministry of Finance") in got
    assert all(organ == "Ministry of Finance" for person, _, organ in got if person == "Ri Chol")


def test_a_counted_plural_title_opens_a_list(known: Known) -> None:
    text = (
        "The plenum named four secretaries of the Central Committee: Jo Yong Won, Ri Chang Su, "
        "Chon Hyon Bok and Kim Jae Sop."
    )
    got = held(text, known, DAY)
    for person in ("jo-yong-won", "Ri Chang Su", "Chon Hyon Bok", "Kim Jae Sop"):
        assert (person, "secretary", "wpk-cc") in got
    got = held(
        "Kim Jong Un met two members of the Political Bureau, Kim Jae Sop and Ri Yong Bok, and "
        "the delegation.",
        known,
        DAY,
    )
    assert {("Kim Jae Sop", "member", "wpk-pb"), ("Ri Yong Bok", "member", "wpk-pb")} <= got
    assert ("kim-jong-un", "member", "wpk-pb") not in got


def test_both_after_a_list_with_a_title_before_a_name(known: Known) -> None:
    text = (
        "Choe Ryong Hae and Premier Pak Pong Ju, both members of the Presidium of the Political "
        "Bureau, toured factories."
    )
    got = held(text, known, DAY)
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got
    assert ("pak-pong-ju", "member", "wpk-pb-presidium") in got
    assert ("choe-ryong-hae", "chairman", "cabinet") not in got


def test_one_of_two_people_with_a_title_before_his_name(known: Known) -> None:
    # near miss: "Kim Jong Un and Premier Pak Pong Ju": only Pak is premier
    got = held("Kim Jong Un and Premier Pak Pong Ju visited the plant.", known, DAY)
    assert ("pak-pong-ju", "chairman", "cabinet") in got
    assert ("kim-jong-un", "chairman", "cabinet") not in got


def test_a_party_secretary_and_a_department_director(known: Known) -> None:
    # near miss: "party" before the first role names its organ (the Central Committee), the
    # department is the director's alone
    text = "Jon Hyon Su, now a party secretary and director of the Economic Department, spoke."
    got = held(text, known, DAY)
    assert ("Jon Hyon Su", "secretary", "wpk-cc") in got
    assert ("Jon Hyon Su", "director", "wpk-economic") in got
    assert ("Jon Hyon Su", "secretary", "wpk-economic") not in got


def test_the_two_members_other_than_one_named(known: Known) -> None:
    text = (
        "Choe Ryong Hae and Pak Pong Ju, the two members of the Presidium of the Political "
        "Bureau (PB) other than Kim Jong Un, attended the meeting."
    )
    got = held(text, known, DAY)
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got
    assert ("pak-pong-ju", "member", "wpk-pb-presidium") in got
    # near miss: the one excepted is not given the seat by this sentence
    assert ("kim-jong-un", "member", "wpk-pb-presidium") not in got


def test_the_appointment_of_a_person_as_two_offices(known: Known) -> None:
    text = (
        "The session announced the appointment of Kang Tae Ho as vice-premier and chairman of "
        "the State Planning Commission."
    )
    got = held(text, known, DAY)
    assert ("Kang Tae Ho", "vice-chairman", "cabinet") in got
    assert ("Kang Tae Ho", "chairman", "state-planning-commission") in got
    text = (
        "The plenum approved the election of Ri Su Gil and Kim Phyong Sop as secretaries of the "
        "Central Committee."
    )
    got = held(text, known, DAY)
    assert {("Ri Su Gil", "secretary", "wpk-cc"), ("Kim Phyong Sop", "secretary", "wpk-cc")} <= got


def test_the_appointment_of_no_one_named(known: Known) -> None:
    # near miss: no person after "the appointment of"
    text = "Kim Jong Un discussed the appointment of a new premier with Choe Ryong Hae."
    got = held(text, known, DAY)
    assert not any(role == "chairman" and organ == "cabinet" for _, role, organ in got)


def test_elected_in_his_place_as_two_offices(known: Known) -> None:
    text = (
        "Ri Pyong Chol was elected in his place as secretary of the Central Committee and "
        "vice-chairman of the CMC."
    )
    got = held(text, known, DAY)
    assert ("ri-pyong-chol", "secretary", "wpk-cc") in got
    assert ("ri-pyong-chol", "vice-chairman", "wpk-cmc") in got


def test_and_of_the_ruling_partys_central_committee(known: Known) -> None:
    text = (
        "Pak Pong Ju, vice-chairman of the State Affairs Commission and of the ruling party's "
        "Central Committee, visited a farm."
    )
    got = held(text, known, DAY)
    assert ("pak-pong-ju", "vice-chairman", "wpk-cc") in got


def test_both_vice_presidents_of_the_republic(known: Known) -> None:
    text = "Pak Song Chol and Rim Chun Chu, both vice presidents of the republic, attended."
    got = held(text, known, "1985-06-10")
    for person in ("Pak Song Chol", "Rim Chun Chu"):
        assert (person, "vice-chairman", "Presidency of the DPRK") in got
    # near miss: the vice president of another body of the republic
    text = "Ri Jong Sop, a vice president of the republic's Red Cross Society, attended."
    got = held(text, known, "1985-06-10")
    assert ("Ri Jong Sop", "vice-chairman", "Presidency of the DPRK") not in got


def test_a_rank_and_an_acting_headship(known: Known) -> None:
    text = (
        "Kim Chang Gwang, first vice minister and acting minister of electric power industry, "
        "told the meeting."
    )
    got = held(text, known, DAY)
    assert ("Kim Chang Gwang", "vice-chairman", "Ministry of Electric Power Industry") in got
    assert ("Kim Chang Gwang", "chairman", "Ministry of Electric Power Industry") in got


def test_a_shared_role_does_not_start_a_title_before_later_names(known: Known) -> None:
    # near miss: the organ after "and of" closes one person's apposition; the premier's title
    # that follows is only the next name's
    text = (
        "Kim Jong Un was accompanied by Kang Chol Su, vice-chairman of the State Affairs "
        "Commission and of the ruling party's Central Committee, Premier Ri Hak Chol, and Mun "
        "Song Il and Yun Tae Sop, both vice-chairmen of the party Central Committee."
    )
    got = held(text, known, DAY)
    assert ("Kang Chol Su", "vice-chairman", "wpk-cc") in got
    assert ("Ri Hak Chol", "chairman", "cabinet") in got
    assert ("Mun Song Il", "chairman", "cabinet") not in got
    assert ("Mun Song Il", "vice-chairman", "wpk-cc") in got


def test_a_counted_list_whose_names_carry_their_own_titles(known: Known) -> None:
    text = (
        "The session elected three vice-premiers: Kwak Chol Su, previously chairman of the "
        "South Hamgyong Provincial People's Committee, Jon Sung Il, minister of metal industry, "
        "and Ro Tu Sop, vice-chairman of the State Planning Commission."
    )
    got = held(text, known, DAY)
    for person in ("Kwak Chol Su", "Jon Sung Il", "Ro Tu Sop"):
        assert (person, "vice-chairman", "cabinet") in got
    # near miss: the apposed titles stay each name's own
    assert ("Kwak Chol Su", "chairman", "Ministry of Metal Industry") not in got
    assert ("Jon Sung Il", "vice-chairman", "state-planning-commission") not in got


def test_the_replaced_held_only_the_office_his_clause_names(known: Known) -> None:
    text = (
        "Ri Song Guk was appointed vice-premier and chairman of the State Planning Commission, "
        "replacing Kim Il Su, who had led the commission since 2019."
    )
    got = held(text, known, DAY)
    assert ("Kim Il Su", "chairman", "state-planning-commission") in got
    assert ("Kim Il Su", "vice-chairman", "cabinet") not in got
    # without a clause, the replaced held every office of the change
    text = (
        "Ri Song Guk was appointed vice-premier and chairman of the State Planning Commission, "
        "replacing Kim Il Su."
    )
    got = held(text, known, DAY)
    assert {
        ("Kim Il Su", "chairman", "state-planning-commission"),
        ("Kim Il Su", "vice-chairman", "cabinet"),
    } <= got
