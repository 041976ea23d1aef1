"""Careers and projections in reference and analysis prose (issue 15, class BC): verbs of
heading in relative clauses ("who directs the party's X Department", "who directed the GPB
from 2017 to 2019", "is believed to head ..."), an organ's apposition "the party's top
military body chaired by X", a relative clause's own title beside the main clause's ("X, who
served as T1 from 2009 to 2016, remains T2"), "later served for many years as T", and
projections "can be expected to be added to O". Near misses: "directs traffic", a past verb
with no period, "is unlikely to return to O" (a change denied), an unnamed person. Short
synthetic sentences, names and years varied."""

from __future__ import annotations

from facts_helpers import Held, held, held_records, iso

from kwpld.ingest import Known


def _only(rows: list[tuple[Held, dict[str, object]]], person: str) -> list[dict[str, object]]:
    return [r for row, r in rows if row[0] == person]


# -- verbs of heading ---------------------------------------------------------------------------


def test_who_directs_a_department_holds_it_as_of_the_article(known: Known) -> None:
    rows = held_records(
        "SEOUL, March 3 (Yonhap) -- Analysts said on Tuesday that the party had few veterans "
        "left.\n\nRi Man Gon, who directs the party's Organization and Guidance Department, "
        "spoke to officials in Wonsan.\n",
        known,
        "2015-03-03",
    )
    found = [r for row, r in rows if row == ("Ri Man Gon", "director", "wpk-ogd")]
    assert len(found) == 1, rows
    assert iso(found[0].get("as_of")) == "2015-03-03"
    assert found[0]["status"] == "confirmed"


def test_who_directed_a_bureau_over_a_period(known: Known) -> None:
    rows = held_records(
        "Han Kwang Sang, who directed the General Political Bureau from 2011 to 2013, has not "
        "been seen this year.\n",
        known,
        "2015-06-01",
    )
    found = [r for row, r in rows if row == ("Han Kwang Sang", "director", "kpa-gpb")]
    assert len(found) == 1, rows
    assert (iso(found[0].get("start")), iso(found[0].get("end"))) == ("2011", "2013")


def test_directing_traffic_or_an_undated_past_gives_no_holding(known: Known) -> None:
    got = held(
        "The General Political Bureau directs traffic between the army and the party. O Il "
        "Jong directed the choir at the concert. Kim Chol Su directed the Propaganda and "
        "Agitation Department.\n",
        known,
        "2015-06-01",
    )
    assert not any(row[0] in ("O Il Jong", "Kim Chol Su") for row in got), got


def test_believed_to_head_is_a_reported_headship(known: Known) -> None:
    rows = held_records(
        "Choe Pu Il, who was minister of people's security from 2013 to 2019, is now believed "
        "to head the Propaganda and Agitation Department.\n",
        known,
        "2021-02-11",
    )
    found = [r for row, r in rows if row == ("Choe Pu Il", "director", "wpk-pad")]
    assert len(found) == 1, rows
    assert found[0]["status"] == "reported"
    assert iso(found[0].get("as_of")) == "2021-02-11"


def test_a_body_chaired_by_the_leader(known: Known) -> None:
    got = held(
        "Analysts said the Central Military Commission, the party's top military body chaired by "
        "leader Kim Jong Un, would meet again soon.\n",
        known,
        "2023-02-11",
    )
    assert ("kim-jong-un", "chairman", "wpk-cmc") in got, got


def test_a_body_without_its_chairman_is_no_holding(known: Known) -> None:
    got = held(
        "The Central Military Commission, the party's top military body, was praised by Kim Jong "
        "Un at the meeting.\n",
        known,
        "2023-02-11",
    )
    assert ("kim-jong-un", "chairman", "wpk-cmc") not in got, got


# -- a relative clause's title beside the main clause's ------------------------------------------


def test_relative_clause_title_keeps_its_period_and_the_main_title_its_own(known: Known) -> None:
    rows = held_records(
        "Ri Man Gon, who served as director of the Organization and Guidance Department from 2008 "
        "to 2012, remains a secretary of the party Central Committee.\n",
        known,
        "2014-05-02",
    )
    mine = {(r["role"], r["organ"]): r for r in _only(rows, "Ri Man Gon")}
    ogd = mine[("director", "wpk-ogd")]
    assert (iso(ogd.get("start")), iso(ogd.get("end"))) == ("2008", "2012")
    cc = mine[("secretary", "wpk-cc")]
    assert cc.get("start") is None and iso(cc.get("as_of")) == "2014-05-02", cc


def test_later_served_for_years_as(known: Known) -> None:
    got = held(
        "Kim Chol Su, who commanded an artillery corps, later served for many years as first vice "
        "director of the Propaganda and Agitation Department.\n",
        known,
        "2016-07-02",
    )
    assert ("Kim Chol Su", "first-vice-director", "wpk-pad") in got, got


# -- projections ----------------------------------------------------------------------------------


def test_can_be_expected_to_be_added_to_an_organ(known: Known) -> None:
    rows = held_records(
        "O Il Jong can be expected to be added to the Central Military Commission at its next "
        "meeting.\n",
        known,
        "2022-08-11",
    )
    found = [r for row, r in rows if row == ("O Il Jong", "member", "wpk-cmc")]
    assert len(found) == 1, rows
    assert found[0]["status"] == "projected"
    assert not any(k in found[0] for k in ("start", "end", "as_of"))


def test_a_denied_or_unnamed_projection_gives_no_holding(known: Known) -> None:
    got = held(
        "He may be given a post in the ministry, but Han Kwang Sang is unlikely to return to the "
        "Political Bureau. Another officer, whose name has not been published, is expected to be "
        "added to the Central Military Commission.\n",
        known,
        "2022-08-11",
    )
    assert not any(row[2] in ("wpk-pb", "wpk-cmc") for row in got), got


# -- notes of a reference table ---------------------------------------------------------------

_TABLE = (
    "# Chairmen of the State Planning Commission\n\n"
    "| No. | Name | Took office | Left office | Notes |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| 1 | Jong Jun Thaek | March 1954 | June 1959 | Concurrently vice-premier |\n"
    "| 2 | Ri Ju Yon | June 1959 | May 1962 | Also vice-premier from 1960 |\n"
    "| 3 | Kim Il Dae | May 1962 | July 1968 | Later premier (1972-1976) |\n"
    "| 4 | Pak Kwang Son | July 1968 | April 1973 | Later director of the Propaganda and "
    "Agitation Department |\n"
    "| 5 | O Chang Rim | April 1973 | August 1980 | Died in office |\n"
)


def _table_rows(known: Known) -> list[tuple[Held, dict[str, object]]]:
    return held_records(_TABLE, known, "2024-05-01")


def test_concurrently_a_post_over_the_rows_term(known: Known) -> None:
    rows = _table_rows(known)
    found = [r for row, r in rows if row == ("Jong Jun Thaek", "vice-chairman", "cabinet")]
    assert len(found) == 1, rows
    assert (iso(found[0].get("start")), iso(found[0].get("end"))) == ("1954-03", "1959-06")


def test_also_a_post_from_its_own_date(known: Known) -> None:
    rows = _table_rows(known)
    found = [r for row, r in rows if row == ("Ri Ju Yon", "vice-chairman", "cabinet")]
    assert len(found) == 1, rows
    assert iso(found[0].get("start")) == "1960" and found[0].get("end") is None


def test_later_a_post_with_its_own_period_or_undated(known: Known) -> None:
    rows = _table_rows(known)
    premier = [r for row, r in rows if row == ("Kim Il Dae", "chairman", "cabinet")]
    assert len(premier) == 1, rows
    assert (iso(premier[0].get("start")), iso(premier[0].get("end"))) == ("1972", "1976")
    pad = [r for row, r in rows if row == ("Pak Kwang Son", "director", "wpk-pad")]
    assert len(pad) == 1, rows
    assert not any(k in pad[0] for k in ("start", "end", "as_of")), pad


def test_a_death_in_office_is_no_further_holding(known: Known) -> None:
    rows = _table_rows(known)
    assert [row for row, _ in rows if row[0] == "O Chang Rim"] == [
        ("O Chang Rim", "chairman", "state-planning-commission")
    ], rows


def test_a_hypothetical_clause_gives_no_holding(known: Known) -> None:
    got = held(
        "If Ri Man Gon were to become a member of the Political Bureau, he would be the first "
        "engineer on the body.\n",
        known,
        "2019-04-20",
    )
    assert not any(row[0] == "Ri Man Gon" for row in got), got


# -- relative clauses and possessives before a title or a projection ------------------------------


def test_a_relative_clause_without_a_change_before_a_projection(known: Known) -> None:
    rows = held_records(
        "Han Kwang Sang, who holds only a Politburo membership, is likely to be elevated to the "
        "Presidium of the Political Bureau at a future plenum.\n",
        known,
        "2019-04-16",
    )
    found = [r for row, r in rows if row == ("Han Kwang Sang", "member", "wpk-pb-presidium")]
    assert len(found) == 1 and found[0]["status"] == "projected", rows


def test_a_relative_clause_with_its_own_change_keeps_it(known: Known) -> None:
    got = held(
        "Han Kwang Sang, who was elected to the Political Bureau in 2016, was dropped from it in "
        "2019.\n",
        known,
        "2020-01-01",
    )
    assert ("Han Kwang Sang", "member", "wpk-pb") in got, got
    assert ("Han Kwang Sang", "member", "wpk-pb-presidium") not in got, got


def test_the_countrys_title_after_is_now_and_became(known: Known) -> None:
    got = held(
        "Ri Man Gon is now the DPRK's Minister of Public Health. Han Kwang Sang, who became North "
        "Korea's premier in May 2014, visited Sinuiju. Kim Chol Su is now the country's pride.\n",
        known,
        "2016-01-01",
    )
    assert ("Ri Man Gon", "chairman", "ministry-public-health") in got, got
    assert ("Han Kwang Sang", "chairman", "cabinet") in got, got
    assert not any(row[0] == "Kim Chol Su" for row in got), got


def test_expects_a_promotion_to_full_membership(known: Known) -> None:
    rows = held_records(
        "NKLW expects O Il Jong to be promoted to full membership of the Central Committee at the "
        "next congress.\n",
        known,
        "2020-01-01",
    )
    found = [r for row, r in rows if row == ("O Il Jong", "member", "wpk-cc")]
    assert len(found) == 1 and found[0]["status"] == "projected", rows


def test_the_newly_appointed_title_in_apposition(known: Known) -> None:
    rows = held_records(
        "Ri Man Gon, the newly appointed first vice minister of foreign affairs, met the "
        "delegation.\n",
        known,
        "2019-04-20",
    )
    found = [r for row, r in rows if row == ("Ri Man Gon", "vice-chairman", "mfa")]
    assert len(found) == 1 and found[0]["status"] == "confirmed", rows


def test_a_sub_unit_of_an_organ_is_not_the_organ(known: Known) -> None:
    got = held(
        "Ri Man Gon was director of the General Political Bureau's cadres section. Kim Chol Su was "
        "director of the General Political Bureau.\n",
        known,
        "2019-04-20",
    )
    assert not any(row[0] == "Ri Man Gon" for row in got), got
    assert ("Kim Chol Su", "director", "kpa-gpb") in got, got
