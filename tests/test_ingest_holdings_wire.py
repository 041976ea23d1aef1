"""Holdings in wire and analysis prose (issue 15, class S): foreign heads of state by a
nationality word ("Russian President X": the chairman of the state), successions with the
predecessor's title printed ("X replaced Public Security Minister Y", "Defence Minister X, who
replaced Y in May"), titles ended or past ("who until now was T", "once T", "was previously a
T"), standing holdings ("O, which is chaired by X", "O will be headed by X", "O will have two
vice chairmen, A and B", "now a party secretary and director of O", "the party secretary for
munitions"), "moved from alternate to full membership". Each with near misses that must not
draft. Short synthetic sentences, read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from typing import Any

from facts_helpers import iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

YONHAP = "SEOUL, Sept. 18 (Yonhap) -- "
REUTERS = "SEOUL, June 13 (Reuters) - "


def _drafted(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def rows(text: str, known: Known, date: str = "2019-09-18") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end, as_of, status) of every holding drafted; a drafted
    person or organ by its first name."""
    drafted = _drafted(text, known, date)
    names = {
        d.id: (d.record.get("names") or [{}])[0].get("text", d.id)
        for d in drafted.drafts
        if d.kind in ("person", "organ")
    }
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         iso(r.get("start")), iso(r.get("end")), iso(r.get("as_of")), r["status"])
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def held(text: str, known: Known, date: str = "2019-09-18") -> set[tuple[str, str, str]]:
    return {(h[0], h[1], h[2]) for h in rows(text, known, date)}


def by_person(text: str, known: Known, person: str, date: str = "2019-09-18") -> set[Any]:
    return {h[1:] for h in rows(text, known, date) if h[0] == person}


# -- foreign heads of state --------------------------------------------------------------------


def test_a_nationality_before_president_makes_the_chairman_of_the_state(known: Known) -> None:
    got = held(
        REUTERS + "Russian President Vladimir Putin met U.S. President Joe Biden, and South "
        "Korean President Yoon Suk Yeol spoke later.",
        known,
        "2024-06-13",
    )
    assert ("Vladimir Putin", "chairman", "Russian Federation") in got
    assert ("Joe Biden", "chairman", "United States of America") in got
    assert ("Yoon Suk Yeol", "chairman", "Republic of Korea") in got


def test_a_vice_president_or_a_bare_president_is_no_state(known: Known) -> None:
    got = held(
        REUTERS + "Russian Vice President Ivan Petrov met President Choe Mun Sok of the Korean "
        "Football Association.",
        known,
        "2024-06-13",
    )
    assert not any(organ in ("Russian Federation", "Republic of Korea") for _, _, organ in got)


def test_president_of_a_foreign_state_after_the_name(known: Known) -> None:
    got = held(
        YONHAP + "Vladimir Putin, president of the Russian Federation, met Xi Jinping, president "
        "of the PRC.",
        known,
    )
    assert ("Vladimir Putin", "chairman", "Russian Federation") in got
    assert ("Xi Jinping", "chairman", "People's Republic of China") in got


def test_offices_of_other_states_a_title_names_alone(known: Known) -> None:
    got = held(
        "TOKYO, July 3 Kyodo - Chief Cabinet Secretary Yoshihide Suga said Japan would act. U.S. "
        "Secretary of State John Kerry agreed.",
        known,
        "2014-07-03",
    )
    assert ("Yoshihide Suga", "chairman", "Cabinet Secretariat of Japan") in got
    assert ("John Kerry", "chairman", "U.S. Department of State") in got
    assert not any(h[0] == "Yoshihide Suga" and h[2] == "cabinet" for h in got)


def test_secretary_of_state_affairs_commission_is_not_the_secretary_of_state(
    known: Known,
) -> None:
    got = held(YONHAP + "Kim Yong Chol, secretary of State Affairs Commission, spoke.", known)
    assert ("kim-yong-chol", "secretary", "sac") in got
    assert not any(h[2] == "U.S. Department of State" for h in got)


def test_a_bare_president_in_a_sentence_opening_with_a_foreign_capital(known: Known) -> None:
    got = held(
        REUTERS + "Washington condemned the test. In Seoul, outgoing President Lee Myung-bak said "
        "the North would gain nothing.",
        known,
        "2013-02-12",
    )
    assert ("Lee Myung-bak", "chairman", "Republic of Korea") in got


def test_a_bare_president_with_no_foreign_context_is_no_state(known: Known) -> None:
    got = held(
        "Pyongyang, May 5 (KCNA) -- In Pyongyang, President Choe Mun Sok of the sports "
        "association spoke.",
        known,
        "2013-05-05",
    )
    assert not any(h[0] == "Choe Mun Sok" and h[1] == "chairman" for h in got)


def test_who_took_office_dates_the_title_before_the_name(known: Known) -> None:
    got = rows(
        "TOKYO, Feb. 12 Kyodo - Prime Minister Shinzo Abe, who returned to office in December "
        "2012, spoke. South Korean President Yoon Suk Yeol, who took office in May 2022, agreed.",
        known,
        "2013-02-12",
    )
    assert ("Shinzo Abe", "chairman", "Government of Japan", "2012-12", None, None,
            "confirmed") in got  # fmt: skip
    assert ("Yoon Suk Yeol", "chairman", "Republic of Korea", "2022-05", None, None,
            "confirmed") in got  # fmt: skip


def test_a_title_in_apposition_is_not_chained_to_the_next_name(known: Known) -> None:
    got = held(
        YONHAP + "At the talks Kim was accompanied by Choe Ryong Hae, a member of the Presidium "
        "of the Political Bureau, Foreign Minister Ri Son Gwon and Premier Kim Tok Hun.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium") in got
    assert ("Ri Son Gwon", "chairman", "mfa") in got
    assert ("Ri Son Gwon", "member", "wpk-pb-presidium") not in got
    assert ("kim-tok-hun", "chairman", "cabinet") in got


def test_a_relative_and_a_title_in_apposition(known: Known) -> None:
    got = held(
        YONHAP + "Officials are watching Jang Song Thaek, Kim's uncle and a vice chairman of the "
        "National Defence Commission.",
        known,
    )
    assert ("jang-song-taek", "vice-chairman", "ndc") in got


# -- successions with the predecessor's title ----------------------------------------------------


def test_replaced_a_titled_holder_ends_his_term_and_starts_the_successors(known: Known) -> None:
    text = (
        YONHAP + "The session was held in Pyongyang on Thursday. Kim Kyok Sik replaced Defence "
        "Minister Kim Jong Gak in November."
    )
    kim = by_person(text, known, "Kim Kyok Sik", "2013-04-08")
    gak = by_person(text, known, "Kim Jong Gak", "2013-04-08")
    assert ("chairman", "mpaf", "2012-11", None, None, "confirmed") in kim
    assert ("chairman", "mpaf", None, "2012-11", None, "confirmed") in gak


def test_a_family_name_after_a_title_is_the_person_named_in_full_before(known: Known) -> None:
    text = (
        YONHAP + "The session recalled Ju Sang Song from the State Affairs Commission.\n\nRi "
        "Myong Su replaced Public Security Minister Ju at the session, held on 7 April 2011."
    )
    got = rows(text, known, "2011-04-08")
    assert ("Ri Myong Su", "chairman", "Ministry of People's Security", "2011-04-07", None,
            None, "confirmed") in got  # fmt: skip
    assert ("Ju Sang Song", "chairman", "Ministry of People's Security", None, "2011-04-07",
            None, "confirmed") in got  # fmt: skip


def test_a_family_name_inside_a_longer_capitalized_name_is_nobody(known: Known) -> None:
    """Near miss: only a role phrase before the family name makes it a name of its own; another
    capitalized word ("Pyongyang Ju Textile Mill") keeps it inside a longer name."""
    text = YONHAP + "Ju Sang Song spoke. The Pyongyang Ju Textile Mill was inspected."
    reading = read_text(text, known=known, date="2011-04-08", article_type="news")[0]
    persons = [m.text for m in reading.mentions if m.kind == "person"]
    assert persons == ["Ju Sang Song"]


def test_titled_subject_who_replaced_someone_in_a_month(known: Known) -> None:
    text = YONHAP + "Premier Pak Thae Song, who replaced Kim Tok Hun in December, spoke."
    assert ("chairman", "cabinet", "2023-12", None, None, "confirmed") in by_person(
        text, known, "Pak Thae Song", "2024-01-03"
    )
    assert ("chairman", "cabinet", None, "2023-12", None, "confirmed") in by_person(
        text, known, "kim-tok-hun", "2024-01-03"
    )


def test_could_replace_a_titled_holder_is_no_change(known: Known) -> None:
    got = rows(YONHAP + "Pak Su Il could replace Premier Choe Yong Rim next year.", known)
    assert not any(h[0] == "Pak Su Il" for h in got)
    assert not any(h[0] == "Choe Yong Rim" and h[4] is not None for h in got)


def test_replaced_as_with_a_title_is_left_to_succeeded_as(known: Known) -> None:
    got = held(
        YONHAP + "Ri Yong Gil replaced Chief of the General Staff Ri Myong Su as director of "
        "the General Political Bureau.",
        known,
    )
    assert ("Ri Yong Gil", "chairman", "kpa-general-staff") not in got


def test_became_the_countrys_first_female_minister_when_she_replaced(known: Known) -> None:
    text = (
        REUTERS + "Ties are handled by Foreign Minister Choe Son Hui, who became the country's "
        "first female foreign minister in June 2022 when she replaced Ri Son Gwon."
    )
    got = rows(text, known, "2024-06-13")
    assert ("Choe Son Hui", "chairman", "mfa", "2022-06", None, None, "confirmed") in got
    assert ("Ri Son Gwon", "chairman", "mfa", None, "2022-06", None, "confirmed") in got


def test_the_states_minister_in_apposition_before_the_name(known: Known) -> None:
    got = held(
        REUTERS + "North Korea's defence minister, Kang Sun Nam, has not travelled to Moscow.",
        known,
        "2024-06-13",
    )
    assert ("Kang Sun Nam", "chairman", "mpaf") in got


def test_a_foreign_states_minister_in_apposition_is_not_the_dprks(known: Known) -> None:
    got = held(
        REUTERS + "Russia's defence minister, Andrei Belousov, has not travelled to Pyongyang.",
        known,
        "2024-06-13",
    )
    assert ("Andrei Belousov", "chairman", "mpaf") not in got


# -- titles ended or past ------------------------------------------------------------------------


def test_who_until_now_was_and_once_are_past_undated_titles(known: Known) -> None:
    text = (
        YONHAP + "Ri Myong Su, who until now was first vice minister of public security, is a "
        "general. Ri Son Gwon, once chairman of the Committee for the Peaceful Reunification of "
        "the Country, spoke. Pak Thae Song was previously a secretary of the WPK Central "
        "Committee."
    )
    got = rows(text, known)
    assert ("Ri Myong Su", "vice-chairman", "Ministry of People's Security", None, None, None,
            "confirmed") in got  # fmt: skip
    assert any(h[:3] == ("Ri Son Gwon", "chairman", "Committee for the Peaceful Reunification "
               "of the Country") and h[3:6] == (None, None, None) for h in got)  # fmt: skip
    assert ("Pak Thae Song", "secretary", "wpk-cc", None, None, None, "confirmed") in got


def test_once_as_a_word_of_time_gives_no_title(known: Known) -> None:
    got = held(YONHAP + "Ri Son Gwon, once again, denied the report.", known)
    assert not any(h[0] == "Ri Son Gwon" for h in got)


# -- standing holdings ---------------------------------------------------------------------------


def test_which_is_chaired_by_and_will_be_headed_by(known: Known) -> None:
    got = held(
        YONHAP + "The body will work with the party's Central Military Commission, which is "
        "chaired by Kim Jong Un. The State Planning Commission will be headed by Pak Jong Gun, a "
        "source said.",
        known,
    )
    assert ("kim-jong-un", "chairman", "wpk-cmc") in got
    assert ("Pak Jong Gun", "chairman", "state-planning-commission") in got


def test_a_commission_named_with_for_will_be_headed_by(known: Known) -> None:
    got = held(
        YONHAP + "The Central Commission for Combating Non-Socialist Practices will be headed by "
        "Jo Yong Won, a source said.",
        known,
    )
    assert ("jo-yong-won", "chairman", "Central Commission for Combating Non-Socialist "
            "Practices") in got  # fmt: skip


def test_the_commission_will_have_two_vice_chairmen(known: Known) -> None:
    text = (
        "North Korea sets up a commission\n\n" + YONHAP + "North Korea has set up the State "
        "Inspection Commission. The commission will have two vice chairmen, Kim Jae Ryong and "
        "Ri Yong Sik."
    )
    got = held(text, known)
    assert ("Kim Jae Ryong", "vice-chairman", "State Inspection Commission") in got
    assert ("Ri Yong Sik", "vice-chairman", "State Inspection Commission") in got


def test_an_organ_that_has_people_without_a_title_gives_nothing(known: Known) -> None:
    got = held(
        YONHAP + "The State Planning Commission has many critics, Kim Jae Ryong and Ri Yong Sik "
        "among them.",
        known,
    )
    assert not any(h[0] in ("Kim Jae Ryong", "Ri Yong Sik") for h in got)


def test_now_a_party_secretary_and_director_of_a_department_is_two_holdings(
    known: Known,
) -> None:
    got = held(
        YONHAP + "Jon Hyon Chol, now a party secretary and director of the Economic Department, "
        "spoke.",
        known,
    )
    assert ("Jon Hyon Chol", "secretary", "wpk-cc") in got
    assert ("Jon Hyon Chol", "director", "wpk-economic") in got
    assert ("Jon Hyon Chol", "secretary", "wpk-economic") not in got


def test_the_party_secretary_for_a_portfolio_is_a_secretary_of_the_cc(known: Known) -> None:
    got = held(
        YONHAP + "Pak To Chun, the party secretary for munitions, was elected to the National "
        "Defence Commission.",
        known,
    )
    assert ("Pak To Chun", "secretary", "wpk-cc") in got
    assert ("Pak To Chun", "member", "ndc") in got


def test_the_party_secretary_of_an_enterprise_is_no_holding(known: Known) -> None:
    got = held(
        YONHAP + "Kim Chol Nam, the party secretary of the Namhung Youth Chemical Complex, "
        "spoke.",
        known,
    )
    assert not any(h[0] == "Kim Chol Nam" for h in got)


def test_moved_from_alternate_to_full_membership(known: Known) -> None:
    text = (
        YONHAP + "The 9th Plenary Meeting of the 8th Central Committee of the WPK was held from "
        "26 to 30 December 2023. Jon Hyon Chol was moved from alternate to full membership of the "
        "Political Bureau at the plenary meeting."
    )
    got = by_person(text, known, "Jon Hyon Chol", "2024-01-03")
    assert any(h[:2] == ("member", "wpk-pb") and h[2] == "2023-12-30" for h in got)
    assert any(h[:2] == ("alternate-member", "wpk-pb") and h[3] == "2023-12-30" for h in got)


def test_moved_to_another_city_is_no_promotion(known: Known) -> None:
    got = held(
        YONHAP + "Jon Hyon Chol was moved from Pyongyang to Sinuiju in 2019.",
        known,
    )
    assert not any(h[0] == "Jon Hyon Chol" for h in got)


# -- dates of standing holdings and changes -------------------------------------------------------

PLENUM = (
    YONHAP + "The 9th Plenary Meeting of the 8th Central Committee of the WPK was held from 26 "
    "to 30 December 2023. "
)


def test_at_the_plenum_in_a_month_takes_the_plenums_day(known: Known) -> None:
    text = PLENUM + "Pak Thae Song, who took over from Kim Tok Hun as premier at the 9th plenum in "
    text += "December 2023, spoke."
    got = by_person(text, known, "Pak Thae Song", "2024-01-03")
    assert ("chairman", "cabinet", "2023-12-30", None, None, "confirmed") in got


def test_a_month_without_the_event_named_beside_it_stays_a_month(known: Known) -> None:
    text = PLENUM + "Pak Thae Song took over from Kim Tok Hun as premier in December 2023."
    got = by_person(text, known, "Pak Thae Song", "2024-01-03")
    assert ("chairman", "cabinet", "2023-12", None, None, "confirmed") in got


def test_a_title_held_with_one_break_since_a_year(known: Known) -> None:
    text = (
        YONHAP + "Ri Pyong Chol, a member of the Presidium of the Political Bureau — a title he "
        "has held, with one break, since 2021 — kept his seat."
    )
    got = by_person(text, known, "ri-pyong-chol", "2024-01-03")
    assert ("member", "wpk-pb-presidium", "2021", None, None, "confirmed") in got


def test_who_was_named_to_an_organ_in_a_relative_clause(known: Known) -> None:
    text = (
        YONHAP + "Jo Yong Won, who was named to the Presidium of the Political Bureau at the "
        "party congress in January 2021, kept his seat."
    )
    got = by_person(text, known, "jo-yong-won", "2024-01-03")
    assert ("member", "wpk-pb-presidium", "2021-01", None, None, "confirmed") in got


def test_who_was_sent_to_an_organ_is_no_seat(known: Known) -> None:
    got = held(
        YONHAP + "Jo Yong Won, who was sent to the Political Bureau meeting as an observer, "
        "spoke.",
        known,
    )
    assert ("jo-yong-won", "member", "wpk-pb") not in got


def test_general_secretary_before_a_korean_name_is_the_wpks(known: Known) -> None:
    got = held(YONHAP + "General Secretary Kim Jong Un inspected a farm.", known, "2021-03-10")
    assert ("kim-jong-un", "general-secretary", "wpk") in got


def test_a_general_secretary_of_no_named_organ_or_abroad_is_not_the_wpks(known: Known) -> None:
    got = held(
        YONHAP + "General Secretary Xi Jinping spoke. The general secretary of a trade union, "
        "Kim Chol Nam, spoke.",
        known,
        "2021-03-10",
    )
    assert not any(h[2] == "wpk" for h in got)
