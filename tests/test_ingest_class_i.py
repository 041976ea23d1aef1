"""Elected lists with the copula inverted or a list noun, the Political Committee of 1961-1980,
ends and re-elections (issue 15, class I). Short synthetic sentences that vary names, organs,
tense and word order, each class with near misses that must not draft."""

from __future__ import annotations

from facts_helpers import attended, drafted_names, iso

from kwpld.ingest import Known, read_text

Row = tuple[str, str, str, str | None, str | None, str | None]
"""(person, role, organ, start, end, as_of): people and organs by record id, else first name"""


def held(text: str, known: Known, date: str) -> set[Row]:
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    names = drafted_names(drafted)
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         iso(r.get("start")), iso(r.get("end")), iso(r.get("as_of")))
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def seats(rows: set[Row]) -> set[tuple[str, str, str]]:
    return {row[:3] for row in rows}


# -- the Political Committee (1961-1980) is the Political Bureau ---------------------------------


def test_elected_members_of_the_political_committee_are_the_political_bureau(known: Known) -> None:
    got = held(
        "Pyongyang, November 13 (KCNA) -- The First Plenary Meeting of the Fifth Central "
        "Committee of the WPK was held on November 13. Elected "
        "members of the Political Committee of the Central Committee were Comrades Choe Hyon, "
        "O Jin U and So Chol. Elected candidate members of the Political Committee were "
        "Comrades Hyon Mu Gwang and Kim Man Gum.",
        known, "1970-11-14",
    )
    assert {("Choe Hyon", "member", "wpk-pb", "1970-11-13", None, None),
            ("So Chol", "member", "wpk-pb", "1970-11-13", None, None),
            ("Kim Man Gum", "alternate-member", "wpk-pb", "1970-11-13", None, None)} <= got
    assert not any(organ == "wpk-pb-presidium" for _, _, organ in seats(got))


def test_a_title_in_the_political_committee_and_its_presidium(known: Known) -> None:
    got = held(
        "Comrade Kim Tong Gyu, member of the Political Committee of the C.C. of the WPK, spoke. "
        "Comrade Pak Song Chol was relieved of the post of member of the Presidium of the "
        "Political Committee of the C.C. of the WPK.",
        known, "1976-04-29",
    )
    assert {("Kim Tong Gyu", "member", "wpk-pb"),
            ("Pak Song Chol", "member", "wpk-pb-presidium")} <= seats(got)
    assert ("Kim Tong Gyu", "member", "wpk-pb-presidium") not in seats(got)


# -- lists: an organ after the verb, a list noun, "Among the new ... were" -----------------------


def test_elected_the_organ_then_a_colon_list(known: Known) -> None:
    got = held(
        "The plenum elected the Presidium of the Political Committee: Comrades Kim Il and Choe "
        "Yong Gon. The meeting also elected the Central Military Commission: Kim Jong Un, Ri "
        "Pyong Chol and Pak Jong Chon.",
        known, "1970-11-13",
    )
    assert {("Kim Il", "member", "wpk-pb-presidium"), ("Choe Yong Gon", "member",
            "wpk-pb-presidium"), ("ri-pyong-chol", "member", "wpk-cmc"),
            ("Pak Jong Chon", "member", "wpk-cmc")} <= seats(got)  # fmt: skip


def test_among_the_new_members_were_with_appositions(known: Known) -> None:
    got = held(
        "The plenum met on 28 September. Among the new full members of the Political Bureau "
        "were Kim Yong-chun, the Minister of People's Armed Forces; Kim Ki-nam; and Pyon "
        "Yong-rip. Among the newly elected alternate members of the Politburo are Ri Thae Nam "
        "and U Tong Chuk.",
        known, "2010-09-29",
    )
    assert {("Kim Yong-chun", "member", "wpk-pb"), ("Kim Ki-nam", "member", "wpk-pb"),
            ("Pyon Yong-rip", "member", "wpk-pb"), ("Ri Thae Nam", "alternate-member", "wpk-pb"),
            ("U Tong Chuk", "alternate-member", "wpk-pb")} <= seats(got)  # fmt: skip


def test_a_list_noun_takes_the_organ_of_the_seats_named_before(known: Known) -> None:
    got = held(
        "Among the new members of the Central Military Commission were Ri Yong Gil and Pak "
        "Su Il. The list of alternate members included Kim Yang-gon, director of the United "
        "Front Department, Pak To-chun and Mun Kyong-dok.",
        known, "2010-09-29",
    )
    assert {("Kim Yang-gon", "alternate-member", "wpk-cmc"),
            ("Mun Kyong-dok", "alternate-member", "wpk-cmc")} <= seats(got)


def test_its_members_are_after_the_organ_restored(known: Known) -> None:
    got = held(
        "The meeting elected Kim Jong Il general secretary. It also restored the Presidium of "
        "the Political Bureau, unseen since 1995. Its five members are Kim Jong Il, Kim Yong "
        "Nam, Choe Yong Rim, Jo Myong Rok and Ri Yong Ho.",
        known, "2010-09-28",
    )
    assert {("kim-yong-nam", "member", "wpk-pb-presidium"),
            ("Choe Yong Rim", "member", "wpk-pb-presidium")} <= seats(got)


# -- near misses ----------------------------------------------------------------------------------


def test_members_among_the_audience_are_no_new_seats(known: Known) -> None:
    got = held(
        "Among the members of the Political Bureau were Kim Ki Nam and Choe Thae Bok, who sat "
        "in the front row. The list of speakers included Ri Il Hwan and Kim Yong Chol.",
        known, "2012-04-12",
    )
    assert not any(row[3] for row in got)  # no seat begins
    assert not any(person in ("Ri Il Hwan", "Kim Yong Chol") for person, _, _ in seats(got))


def test_a_list_noun_without_an_organ_before_it_drafts_nothing(known: Known) -> None:
    got = held(
        "The delegation arrived in Beijing on Tuesday. The list of alternate members included "
        "Kim Yang Gon and Pak To Chun. Its delegates were Ri Su Yong and Kim Song Nam.",
        known, "2010-10-05",
    )
    assert not got


def test_an_organ_then_a_colon_without_an_election_is_no_list(known: Known) -> None:
    got = held(
        "The meeting discussed the Presidium of the Political Bureau: Kim Jong Un made a "
        "report on its work and Jo Yong Won spoke.",
        known, "2021-06-30",
    )
    assert not any(organ == "wpk-pb-presidium" and start for _, _, organ, start, _, _ in got)


# -- a table of Name | Post | Status ---------------------------------------------------------------

_TABLE = """---
title: After the plenum
date: 2023-01-03
---

# After the plenum

Kim Jong Un guided the meeting.

**Table 1. Posts after the plenum (as of December 31, 2022)**

| Name | Post | Status |
| --- | --- | --- |
| Ri Yong Gil | Chief of the KPA General Staff | Confirmed |
| Jong Kyong Thaek | Director, KPA General Political Bureau | Confirmed |
| Ri Thae Sop | Minister of Social Security | Inferred |
| Pak Jong Chon | Secretary, WPK Central Committee | Dismissed |
"""


def test_a_status_column_dates_rows_by_the_caption_and_hedges_inferred_ones(known: Known) -> None:
    _, drafted = read_text(_TABLE, known=known, date="2023-01-03", article_type="report")
    names = drafted_names(drafted)
    got = {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         iso(r.get("as_of")), r["status"])
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip
    assert {("Ri Yong Gil", "chairman", "kpa-general-staff", "2022-12-31", "confirmed"),
            ("Jong Kyong Thaek", "director", "kpa-gpb", "2022-12-31", "confirmed"),
            ("Ri Thae Sop", "chairman", "Ministry of Social Security", "2022-12-31",
             "reported")} <= got  # fmt: skip
    assert not any(person == "Pak Jong Chon" for person, *_ in got)  # dismissed: not held


def test_a_table_without_dates_or_status_lists_no_holdings(known: Known) -> None:
    text = _TABLE.replace("| Name | Post | Status |", "| Name | Post | Seat |")
    _, drafted = read_text(text, known=known, date="2023-01-03", article_type="report")
    assert not [d for d in drafted.drafts if d.kind == "membership" and d.fact]


# -- titles state media give, a second change after a relative clause -----------------------------


def test_introduced_as_a_secretary_is_a_title_held(known: Known) -> None:
    got = held(
        "Ri Il Hwan, director of the Propaganda and Agitation Department, was introduced as a "
        "secretary of the WPK Central Committee in the report. Kim Song Nam was referred to as "
        "director of the International Department.",
        known, "2021-02-12",
    )
    assert {("Ri Il Hwan", "secretary", "wpk-cc"), ("Ri Il Hwan", "director", "wpk-pad"),
            ("Kim Song Nam", "director", "wpk-international")} <= seats(got)  # fmt: skip


def test_introduced_to_an_audience_is_no_title(known: Known) -> None:
    got = held(
        "Ri Il Hwan was introduced to the delegates of the Central Committee by the chairman. "
        "The new film was presented as a gift to the Political Bureau.",
        known, "2021-02-12",
    )
    assert not got


def test_a_second_change_after_a_relative_clause(known: Known) -> None:
    got = held(
        "O Su Yong, who had headed the economic portfolio before the congress, was re-elected a "
        "secretary of the Central Committee and elected a member of the Political Bureau.",
        known, "2021-02-12",
    )
    assert {("O Su Yong", "secretary", "wpk-cc"), ("O Su Yong", "member", "wpk-pb")} <= seats(got)


def test_no_second_change_after_a_relative_clause_with_its_own_title(known: Known) -> None:
    got = held(
        "Kim Jae Ryong, who had served as premier since April last year, was relieved of the "
        "post and appointed director of a department of the Central Committee.",
        known, "2020-08-14",
    )
    assert not any(role == "director" for _, role, _ in seats(got))


# -- ends and re-elections at a meeting; a foreign party's Political Committee ---------------------


def test_re_elected_starts_and_recalled_ends_at_the_meeting(known: Known) -> None:
    got = held(
        "SEOUL, Feb. 12 (Yonhap) -- The 2nd Plenary Meeting of the 8th Central Committee of the "
        "Workers' Party of Korea was held from Feb. 8 to 11 in Pyongyang. O Su-yong was "
        "re-elected a secretary of the Central Committee at the meeting. Kim Tu-il was recalled "
        "from the Political Bureau, and Jon Kwang-ho was recalled as an alternate member of the "
        "Political Bureau. The plenary meeting re-elected Ri Il-hwan a secretary of the WPK "
        "Central Committee.",
        known,
        "2021-02-12",
    )
    assert {
        ("O Su-yong", "secretary", "wpk-cc", "2021-02-11", None, None),
        ("Ri Il-hwan", "secretary", "wpk-cc", "2021-02-11", None, None),
        ("Kim Tu-il", "member", "wpk-pb", None, "2021-02-11", None),
        ("Jon Kwang-ho", "alternate-member", "wpk-pb", None, "2021-02-11", None),
    } <= got


def test_a_foreign_partys_political_committee_is_not_the_wpks(known: Known) -> None:
    got = held(
        "Pyongyang, May 3 (KCNA) -- Comrade Kim Il met Comrade Pham Van Dong, member of the "
        "Political Committee of the Central Committee of the Workers' Party of Viet Nam.",
        known,
        "1975-05-04",
    )
    assert got and not any(organ in ("wpk-pb", "wpk-pb-presidium") for _, _, organ in seats(got))


# -- an organ after the verb with the copula inverted -------------------------------------------

_PLENUM_1980 = (
    "Pyongyang, October 14 (KCNA) -- The 1st Plenary Meeting of the 6th Central Committee of the "
    "WPK was held on October 14, 1980. "
)


def test_elected_to_the_organ_were_and_recalled_from_it_were(known: Known) -> None:
    got = held(
        _PLENUM_1980 + "Elected to the Presidium of the Political Bureau were Kim Il Sung, Kim "
        "Il and Ri Jong Ok. Recalled from the Central Military Commission were Choe Hyon and O "
        "Paek Ryong. The Political Bureau elected at the plenum comprises Yon Hyong Muk and "
        "Kang Song San.",
        known,
        "1980-10-15",
    )
    assert {
        ("Ri Jong Ok", "member", "wpk-pb-presidium", "1980-10-14", None, None),
        ("O Paek Ryong", "member", "wpk-cmc", None, "1980-10-14", None),
        ("Kang Song San", "member", "wpk-pb", "1980-10-14", None, None),
    } <= got


def test_roles_after_the_names_are_no_plain_seats(known: Known) -> None:
    got = held(
        _PLENUM_1980 + "Elected to the Central Auditing Commission were Kim Se Hwal, chairman; "
        "Ri Kil Song, vice-chairman; and Pak Chol Su. Sent to the Political Bureau were letters "
        "from Ri Kil Song and Pak Chol Su.",
        known,
        "1980-10-15",
    )
    assert ("Kim Se Hwal", "chairman", "wpk-cac") in seats(got)
    assert ("Kim Se Hwal", "member", "wpk-cac") not in seats(got)
    assert not any(organ == "wpk-pb" for _, _, organ in seats(got))


def test_confirmed_as_director_is_an_appointment_and_confirmed_that_is_not(known: Known) -> None:
    got = held(
        _PLENUM_1980 + "Comrade Kim Yong Ju was also confirmed as director of the Organization "
        "and Guidance Department. KCNA confirmed that Comrade Ri Jong Ok attended the plenum of "
        "the Political Bureau.",
        known,
        "1980-10-15",
    )
    assert ("Kim Yong Ju", "director", "wpk-ogd", "1980-10-14", None, None) in got
    assert not any(person == "Ri Jong Ok" for person, _, _ in seats(got))


def test_joined_by_after_seats_kept_is_no_attendance(known: Known) -> None:
    text = (
        "The 2nd Plenary Meeting of the 8th Central Committee of the WPK was held on 11 "
        "February. Kim Ki Nam and Choe Thae Bok kept their portfolios, and they were joined by "
        "Mun Kyong Dok and Pak To Chun. Kim Jong Un guided the meeting; he was joined by Jo "
        "Yong Won on the platform."
    )
    _, drafted = read_text(text, known=known, date="2021-02-12", article_type="news")
    people = {ref for refs in attended(drafted).values() for ref in refs}
    assert "jo-yong-won" in people
    assert not any("mun" in ref or "pak-to" in ref for ref in people)
