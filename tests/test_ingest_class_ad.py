"""Holdings in appointment lists, tables and successions (issue 15, class AD): a government
"formed with A and B as vice-premiers, C as Minister of X"; "elected, on the recommendation of
the President, A and B Vice-Presidents"; a table under a line that elects its people; "X,
hitherto T, was elected ..." (T ends at the change); "succeeding Y, who was elected T2 at the
same session"; "Z, previously T, was named his successor"; "As expected" is no hedge. Short
synthetic sentences, names and years varied, each with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import held, held_records, iso
from facts_helpers import one_held as _one

from kwpld.ingest import Known

# -- "as" lists and plural titles at an election -------------------------------------------------


def test_a_government_formed_with_people_as_titles(known: Known) -> None:
    got = held(
        "Pyongyang, May 25 (KCNA) -- The session was held on May 24.\n\n"
        "The Administration Council was formed with Kim Hwan and Jong Song Nam as vice-premiers, "
        "Kim Yong Nam as Minister of Foreign Affairs and Choe Kwang as Minister of People's Armed "
        "Forces.\n",
        known,
        "1990-05-25",
    )
    assert {("Kim Hwan", "vice-chairman", "cabinet"),
            ("Jong Song Nam", "vice-chairman", "cabinet"),
            ("kim-yong-nam", "chairman", "mfa"),
            ("Choe Kwang", "chairman", "mpaf")} <= got  # fmt: skip


def test_as_in_other_senses_gives_no_holding(known: Known) -> None:
    got = held(
        "Pyongyang, May 25 (KCNA) -- The session was held on May 24.\n\n"
        "As expected, the deputies approved the budget as well as a land law. The law, known as "
        "the Land Law, was drafted by experts such as Kim Hwan. The Cabinet was praised as a "
        "model of efficiency.\n",
        known,
        "1990-05-25",
    )
    assert not any(row[0] == "Kim Hwan" for row in got)


def test_words_of_a_proposal_between_the_trigger_and_the_list(known: Known) -> None:
    got = held(
        "Pyongyang, May 25 (KCNA) -- The session was held on May 24.\n\n"
        "The session elected, upon the proposal of the President, Ri Jong Ok and Pak Song Chol "
        "Vice-Presidents of the DPRK.\n",
        known,
        "1990-05-25",
    )
    assert {("Ri Jong Ok", "vice-chairman", "Presidency of the DPRK"),
            ("Pak Song Chol", "vice-chairman", "Presidency of the DPRK")} <= got  # fmt: skip


def test_as_expected_leaves_an_election_confirmed(known: Known) -> None:
    rows = held_records(
        "Pyongyang, April 10 (KCNA) -- The session was held on April 9.\n\n"
        "As expected, Kim Yong Nam was re-elected President of the Presidium of the SPA. "
        "Ri Yong Mu is expected to be elected a vice-chairman of the NDC.\n",
        known,
        "2014-04-10",
    )
    assert _one(rows, "kim-yong-nam", "spa-presidium")["status"] == "confirmed"
    assert _one(rows, "Ri Yong Mu", "ndc")["status"] == "projected"


# -- tables under a line that elects ---------------------------------------------------------------


def test_a_table_under_an_election_line(known: Known) -> None:
    rows = held_records(
        "# After the session\n\nPyongyang, June 30 (KCNA) -- The Fourth Session of the 13th "
        "Supreme People's Assembly was held on June 29.\n\n"
        "The session elected the following members of the State Affairs Commission:\n\n"
        "| Name | Concurrent post |\n| --- | --- |\n"
        "| Kim Won Hong | Minister of State Security |\n"
        "| Pak To Chun | Secretary, WPK Central Committee |\n",
        known,
        "2016-06-30",
    )
    got = {row for row, _ in rows}
    assert {("Kim Won Hong", "member", "sac"), ("Pak To Chun", "member", "sac"),
            ("Pak To Chun", "secretary", "wpk-cc")} <= got  # fmt: skip
    seat = _one(rows, "Pak To Chun", "sac")
    assert "start" in seat and "as_of" not in seat
    assert "as_of" in _one(rows, "Pak To Chun", "wpk-cc")


def test_a_role_cell_under_an_election_line_is_the_seat(known: Known) -> None:
    got = held(
        "Pyongyang, April 10 (KCNA) -- The session was held on April 9.\n\n"
        "The session elected the following members of the State Affairs Commission:\n\n"
        "| Name | Post |\n| --- | --- |\n| Choe Ryong Hae | First vice-chairman |\n",
        known,
        "2019-04-12",
    )
    assert ("choe-ryong-hae", "vice-chairman", "sac") in got
    assert ("choe-ryong-hae", "member", "sac") not in got


def test_tables_that_elect_no_one_draft_nothing(known: Known) -> None:
    got = held(
        "Pyongyang, April 10 (KCNA) -- The session was held on April 9.\n\n"
        "The deputies came from every province:\n\n"
        "| Province | Deputies |\n| --- | --- |\n| South Phyongan | 61 |\n\n"
        "Officials who addressed the members of the State Affairs Commission:\n\n"
        "| Name | Post |\n| --- | --- |\n| Kim Won Hong | Minister of State Security |\n",
        known,
        "2019-04-12",
    )
    assert not any(row[2] == "sac" for row in got)


# -- successions -------------------------------------------------------------------------------


def test_hitherto_ends_at_the_dated_change(known: Known) -> None:
    rows = held_records(
        "Pyongyang, December 30 (KCNA) -- The session was held on December 29.\n\n"
        "Yon Hyong Muk, hitherto chief secretary of the North Hamgyong Provincial Party "
        "Committee, was elected Premier of the Administration Council.\n",
        known,
        "1988-12-30",
    )
    old = _one(rows, "Yon Hyong Muk", "wpk-north-hamgyong")
    new = _one(rows, "Yon Hyong Muk", "cabinet")
    assert old.get("end") == new.get("start") is not None


def test_formerly_and_undated_changes_leave_the_old_title_undated(known: Known) -> None:
    rows = held_records(
        "SEOUL, March 3 (Yonhap) -- Kang Sok Ju, formerly first vice foreign minister, was "
        "elected a vice-premier on Monday. Kim Kye Gwan, until now a vice foreign minister, "
        "has been appointed Minister of Foreign Affairs, KCNA said.\n",
        known,
        "2010-03-03",
    )
    for person in ("Kang Sok Ju", "Kim Kye Gwan"):
        former = [r for row, r in rows if row[0] == person and row[1] == "vice-chairman"
                  and row[2] == "mfa" and "start" not in r and "as_of" not in r]  # fmt: skip
        assert former and "end" not in former[0], (person, rows)


def test_succeeding_someone_elected_elsewhere_at_the_same_session(known: Known) -> None:
    rows = held_records(
        "Paek Nam-sun\n\nPaek Nam-sun was a North Korean diplomat.\n\n"
        "He was appointed Minister of Foreign Affairs at the first session of the 10th Supreme "
        "People's Assembly on 5 September 1998, succeeding Kim Yong-nam, who was elected "
        "President of the Presidium of the SPA at the same session.\n",
        known,
        "2024-01-15",
    )
    assert iso(_one(rows, "kim-yong-nam", "mfa").get("end")) == "1998-09-05"
    assert "start" in _one(rows, "kim-yong-nam", "spa-presidium")


def test_named_his_successor(known: Known) -> None:
    rows = held_records(
        "Yon Hyong-muk\n\nYon Hyong-muk (1931–2005) was a North Korean politician who was "
        "Premier from 1988 to 1992.\n\nIn December 1992, Kang Song-san, previously chief "
        "secretary of the North Hamgyong Provincial Party Committee, was named his successor.\n",
        known,
        "2024-01-15",
    )
    assert iso(_one(rows, "Kang Song-san", "cabinet").get("start")) == "1992-12"
    assert iso(_one(rows, "Yon Hyong-muk", "cabinet").get("end")) == "1992-12"


def test_a_successor_after_a_death_does_not_end_the_term_again(known: Known) -> None:
    rows = held_records(
        "Kim Chaek\n\nKim Chaek was a North Korean general who was Minister of Foreign Affairs "
        "from 1990.\n\nKim Chaek died on 4 March 1994. A funeral committee headed by O Jin U "
        "was formed. In June 1994, Ri Chol, previously ambassador to Switzerland, was named his "
        "successor.\n",
        known,
        "2024-01-15",
    )
    assert "start" in _one(rows, "Ri Chol", "mfa")
    assert not any(row[0] == "Ri Chol" and row[2] != "mfa" for row, _ in rows)
    assert not any(row[0] == "O Jin U" for row, _ in rows)
    assert iso(_one(rows, "Kim Chaek", "mfa").get("end")) != "1994-06"


def test_a_successor_with_no_one_before_holds_nothing(known: Known) -> None:
    got = held(
        "SEOUL, June 2 (Yonhap) -- The weather was fine. Ri Chol, previously ambassador to "
        "Switzerland, was named his successor.\n",
        known,
        "1994-06-02",
    )
    assert not any(row[0] == "Ri Chol" for row in got)


def test_life_dates_after_a_name_are_no_term(known: Known) -> None:
    rows = held_records(
        "Hong Song-nam\n\nHong Song-nam (2 October 1929 – 31 March 2009) was a North Korean "
        "politician who was Premier from 1997 to 2003.\n",
        known,
        "2024-01-15",
    )
    premier = _one(rows, "Hong Song-nam", "cabinet")
    assert iso(premier.get("start")) == "1997" and iso(premier.get("end")) == "2003"


def test_the_replacement_of_a_holder_by_another(known: Known) -> None:
    rows = held_records(
        "Pyongyang, April 13 (KCNA) -- The session was held on April 12.\n\n"
        "The main change was the replacement of Premier Choe Yong Rim, who had led the Cabinet "
        "since June 2010, by Pak Pong Ju, until now a department director.\n",
        known,
        "2013-04-13",
    )
    old = _one(rows, "Choe Yong Rim", "cabinet")
    new = _one(rows, "pak-pong-ju", "cabinet")
    assert old.get("end") is not None and old.get("end") == new.get("start")


def test_named_to_lead_an_organ_replacing_someone(known: Known) -> None:
    rows = held_records(
        "SEOUL, March 2 (Yonhap) -- Ri Son Gwon is a former colonel. He was named to lead the "
        "United Front Department in January 2020, replacing Jang Kum Chol, who was moved to a "
        "provincial post. Kim Song Hye was named to a post in the United Front Department, and "
        "Ri Il Hwan was named to lead the delegation.\n",
        known,
        "2021-03-02",
    )
    assert iso(_one(rows, "Ri Son Gwon", "wpk-ufd").get("start")) == "2020-01"
    assert iso(_one(rows, "Jang Kum Chol", "wpk-ufd").get("end")) == "2020-01"
    assert not any(row[0] in ("Kim Song Hye", "Ri Il Hwan") for row, _ in rows)


def test_a_heads_term_ends_when_the_sentence_gives_another_the_post(known: Known) -> None:
    rows = held_records(
        "Pyongyang, August 14 (KCNA) -- The meeting was held on August 13.\n\n"
        "Kim Tok Hun was appointed premier of the Cabinet, and Kim Jae Ryong, who had worked as "
        "premier since April 2019, was appointed a department director of the Central "
        "Committee. Ri Pyong Chol, who had served as a vice-chairman of the Central Military "
        "Commission since 2019, was elected a member of the Presidium.\n",
        known,
        "2020-08-14",
    )
    old = _one(rows, "Kim Jae Ryong", "cabinet")
    assert iso(old.get("start")) == "2019-04"
    assert old.get("end") == _one(rows, "kim-tok-hun", "cabinet").get("start")
    assert "end" not in _one(rows, "ri-pyong-chol", "wpk-cmc")


def test_bare_roles_in_an_as_list_share_the_organ_at_its_end(known: Known) -> None:
    got = held(
        "Pyongyang, September 6 (KCNA) -- The session was held on September 5.\n\n"
        "The session elected Jo Myong Rok as first vice-chairman, Kim Il Chol and Ri Yong Mu as "
        "vice-chairmen and Jon Pyong Ho and Paek Se Bong as members of the National Defence "
        "Commission. It also elected Ri Kwang Ho as chairman and Kim Hyong Sik as a member of "
        "the delegation.\n",
        known,
        "1998-09-06",
    )
    assert {("Jo Myong Rok", "vice-chairman", "ndc"), ("Kim Il Chol", "vice-chairman", "ndc"),
            ("Ri Yong Mu", "vice-chairman", "ndc"), ("Jon Pyong Ho", "member", "ndc"),
            ("Paek Se Bong", "member", "ndc")} <= got  # fmt: skip
    assert not any(row[0] in ("Ri Kwang Ho", "Kim Hyong Sik") for row in got)


def test_an_undated_succession_leaves_the_old_holder_undated(known: Known) -> None:
    rows = held_records(
        "SEOUL, June 4, 2018 (AFP) - North Korea has replaced its defence minister, state media "
        "confirmed Monday.\n\nDefence Minister Pak Yong Sik has been succeeded by No Kwang Chol, "
        "the KCNA news agency said.\n",
        known,
        "2018-06-04",
    )
    old = _one(rows, "Pak Yong Sik", "mpaf")
    assert not {"start", "end", "as_of"} & set(old)
    assert "as_of" in _one(rows, "No Kwang Chol", "mpaf")


def test_elected_to_an_organ_as_alternates_were(known: Known) -> None:
    got = held(
        "Pyongyang, March 9 (KCNA) -- The plenary meeting was held on March 8.\n\n"
        "Also elected to the Political Bureau as alternates at the meeting were Ri Yong Gil, "
        "chief of the General Staff, and Kim Jong Gak. Also elected to the delegation as members "
        "were Ri Kwang Ho and Kim Hyong Sik.\n",
        known,
        "2016-03-09",
    )
    assert {("Ri Yong Gil", "alternate-member", "wpk-pb"),
            ("Kim Jong Gak", "alternate-member", "wpk-pb")} <= got  # fmt: skip
    assert not any(row[0] in ("Ri Kwang Ho", "Kim Hyong Sik") for row in got)


def test_thus_released_from_that_post(known: Known) -> None:
    rows = held_records(
        "Pyongyang, December 30 (KCNA) -- The First Session of the Eighth Supreme People's "
        "Assembly was held on December 29.\n\nKang Song San, who had served as Premier since "
        "December 1984, was thus released from that post.\n",
        known,
        "1986-12-30",
    )
    premier = _one(rows, "Kang Song San", "cabinet")
    assert iso(premier.get("start")) == "1984-12" and iso(premier.get("end")) == "1986-12-29"


def test_the_leaders_heir_named_his_successor_takes_no_office(known: Known) -> None:
    got = held(
        "SEOUL, Dec. 20 (Yonhap) -- Kim Jong Il was chairman of the National Defence Commission "
        "and general secretary of the Workers' Party of Korea. In September 2010, Kim Jong Un, "
        "previously a little-known general, was named his successor.\n",
        known,
        "2011-12-20",
    )
    assert not any(row[0] == "kim-jong-un" for row in got)
