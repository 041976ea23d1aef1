"""Holdings from reference texts (issue 15): HTML tables of officeholders and career tables
(read as the Markdown tables they render), and titles in apposition naming organs the lexicon
lacks (drafted as new organs). Short synthetic texts varying names, organs, layout and wording,
read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from typing import Any

import pytest
from facts_helpers import terms as holding_terms

from kwpld.ingest import Known, read_text
from kwpld.sources.readers import read_text_source


def terms(text: str, known: Known, media: str = "text/html") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted (a draft by its first name)."""
    _, drafted = read_text(text, known=known, date="2025-03-01", article_type="report",
                           media_type=media)  # fmt: skip
    return holding_terms(drafted)


def organs(text: str, known: Known, media: str = "text/plain") -> dict[str, dict[str, Any]]:
    """The organ drafts by their first name."""
    _, drafted = read_text(text, known=known, date="2025-03-01", media_type=media)
    return {
        d.record["names"][0]["text"]: d.record for d in drafted.drafts if d.kind == "organ"
    }


# -- 1. HTML tables ----------------------------------------------------------------------------


def test_html_table_rows_are_markdown_lines_with_rowspans_repeated() -> None:
    source = read_text_source(
        "<h2>Premiers</h2><table class='wikitable'><tr><th>Name</th><th>From</th></tr>"
        "<tr><td rowspan='2'>Pak Pong-ju</td><td>2003</td></tr><tr><td>2013</td></tr>"
        "<tr><td colspan='2'>A note</td></tr></table><p>After.</p>",
        "text/html",
    )
    assert "| Name | From |\n| --- | --- |\n| Pak Pong-ju | 2003 |\n| Pak Pong-ju | 2013 |\n" in (
        source.text
    )
    assert "| A note |  |" in source.text


def test_two_heading_rows_are_one_header(known: Known) -> None:
    got = terms(
        "<h2>List of premiers of North Korea</h2><table class='wikitable sortable'><tr>"
        "<th rowspan='2'>No.</th><th rowspan='2'>Name</th><th colspan='2'>Term of office</th>"
        "<th rowspan='2'>Party</th></tr><tr><th>Took office</th><th>Left office</th></tr>"
        "<tr><td>1</td><td>Kim Jae-ryong</td><td>11 April 2019</td><td>13 August 2020</td>"
        "<td>WPK</td></tr><tr><td>2</td><td>Kim Tok-hun</td><td>13 August 2020</td>"
        "<td>Incumbent</td><td>WPK</td></tr></table>",
        known,
    )
    assert got == {
        ("Kim Jae-ryong", "chairman", "cabinet", "2019-04-11", "2020-08-13"),
        ("kim-tok-hun", "chairman", "cabinet", "2020-08-13", None),
    }


def test_infobox_is_not_a_data_table() -> None:
    source = read_text_source(
        "<table class='infobox vcard'><tr><th>Premier</th><td>Kim Jae-ryong</td></tr></table>",
        "text/html",
    )
    assert "|" not in source.text


def test_html_list_of_officeholders_under_a_caption(known: Known) -> None:
    got = terms(
        "<h1>Chief of the General Staff (North Korea)</h1><p>The post heads the army's staff.</p>"
        "<table class='wikitable'><caption>Chiefs of the General Staff of the Korean People's "
        "Army</caption><tr><th>No.</th><th>Name</th><th>Took office</th><th>Left office</th>"
        "</tr><tr><td>1</td><td>Ri Myong-su</td><td>February 2016</td><td>June 2018</td></tr>"
        "<tr><td rowspan='2'>2</td><td rowspan='2'>Ri Yong-gil</td><td>June 2018</td>"
        "<td>September 2019</td></tr><tr><td>January 2021</td><td>August 2023</td></tr>"
        "<tr><td>3</td><td>Pak Su-il</td><td>August 2023</td><td>Incumbent</td></tr></table>",
        known,
    )
    assert got == {
        ("Ri Myong-su", "chairman", "kpa-general-staff", "2016-02", "2018-06"),
        ("Ri Yong-gil", "chairman", "kpa-general-staff", "2018-06", "2019-09"),
        ("Ri Yong-gil", "chairman", "kpa-general-staff", "2021-01", "2023-08"),
        ("Pak Su-il", "chairman", "kpa-general-staff", "2023-08", None),
    }


def test_career_table_of_a_biography_is_the_subjects_not_the_infobox_names(
    known: Known,
) -> None:
    got = terms(
        "<h1>Kim Song-ho</h1><table class='infobox'><tr><th>Preceded by</th>"
        "<td>Pak Thae-song</td></tr></table><p><b>Kim Song-ho</b> (born 1950) is a North "
        "Korean politician.</p><h2>Career</h2><table class='wikitable'><tr><th>Period</th>"
        "<th>Position</th></tr><tr><td>2010–2014</td><td>Member of the State Affairs "
        "Commission</td></tr><tr><td>May 2016 – present</td><td>Vice-chairman of the WPK "
        "Central Committee</td></tr></table>",
        known,
    )
    assert ("Kim Song-ho", "member", "sac", "2010", "2014") in got
    assert ("Kim Song-ho", "vice-chairman", "wpk-cc", "2016-05", None) in got
    assert not any(t[0] == "Pak Thae-song" for t in got)


# -- 2. titles naming organs the lexicon lacks -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "person", "role", "organ"),
    [
        ("It was accompanied by Choe Chun Sik, president of the Academy of Defence Science.",
         "Choe Chun Sik", "chairman", "Academy of Defence Science"),
        ("Present there were Kim Song Gyong, chairman of the Korean Committee for Cultural "
         "Relations with Foreign Countries, and others.", "Kim Song Gyong", "chairman",
         "Korean Committee for Cultural Relations with Foreign Countries"),
        ("Ri Kwang Chol, vice-chairman of the General Federation of Trade Unions of Korea, "
         "made a speech.", "Ri Kwang Chol", "vice-chairman",
         "General Federation of Trade Unions of Korea"),
    ],
)  # fmt: skip
def test_apposition_drafts_an_organ_the_lexicon_lacks(
    known: Known, sentence: str, person: str, role: str, organ: str
) -> None:
    got = terms(f"Pyongyang, June 3 (KCNA) -- {sentence}", known, "text/plain")
    assert {(t[0], t[1], t[2]) for t in got} == {(person, role, organ)}


def test_new_organ_gets_its_parent_and_ends_before_a_person(known: Known) -> None:
    text = (
        "Pyongyang, June 3 (KCNA) -- Kim Jong Un received Sergei Shoigu, secretary of the "
        "Security Council of the Russian Federation and Pak Su Il, chief of the General Staff."
    )
    found = organs(text, known)
    council = found["Security Council of the Russian Federation"]
    assert found[_first_name_of(found, council["parent"])] is not None
    assert {(t[0], t[2]) for t in terms(text, known, "text/plain")} >= {
        ("Sergei Shoigu", "Security Council of the Russian Federation")
    }


def _first_name_of(found: dict[str, dict[str, Any]], key: str) -> str:
    return next(name for name, record in found.items() if record["id"] == key)


def test_no_new_organ_for_a_place_or_a_lowercase_phrase(known: Known) -> None:
    got = terms(
        "Pyongyang, June 3 (KCNA) -- Present were Kim Il, chairman of the Pyongyang City "
        "People's Committee, Pak Chol, governor of Tokyo, and O Song, head of the delegation.",
        known, "text/plain",
    )  # fmt: skip
    assert not any(t[2] in ("Tokyo", "delegation") for t in got)


def test_central_committee_of_a_mass_organization_is_not_the_partys(known: Known) -> None:
    got = terms(
        "Pyongyang, June 3 (KCNA) -- Mun Chol, first secretary of the Central Committee of the "
        "Kim Il Sung Socialist Youth League, spoke at the meeting.",
        known, "text/plain",
    )  # fmt: skip
    assert {(t[0], t[1]) for t in got} == {("Mun Chol", "first-secretary")}
    assert not any(t[2] == "wpk-cc" for t in got)


# -- 3. party committees named without "Party", deputies from a constituency -----------------


@pytest.mark.parametrize(
    ("sentence", "person", "role", "organ"),
    [
        ("Choe Hwi, secretary of the Pyongyang City Committee of the Workers' Party of Korea, "
         "spoke.", "Choe Hwi", "secretary", "wpk-pyongyang"),
        ("Kim Il, chief secretary of the North Hamgyong Provincial Committee, spoke.", "Kim Il",
         "first-secretary", "wpk-north-hamgyong"),
    ],
)  # fmt: skip
def test_party_committee_without_party_is_the_record(
    known: Known, sentence: str, person: str, role: str, organ: str
) -> None:
    got = terms(f"Pyongyang, June 3 (KCNA) -- {sentence}", known, "text/plain")
    assert {(t[0], t[1], t[2]) for t in got} == {(person, role, organ)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Present were Ri Chol Ho, deputy from the Sosong constituency, and others.",
        "Ri Chol Ho, a deputy from the Mangyongdae electoral district, made a speech.",
        "In March 2019 Ri Chol Ho was elected deputy from the Tokchon constituency to the 14th "
        "Supreme People's Assembly.",
    ],
)
def test_deputy_from_a_constituency_sits_in_the_spa(known: Known, sentence: str) -> None:
    got = terms(f"Pyongyang, June 3 (KCNA) -- {sentence}", known, "text/plain")
    assert {(t[0], t[1], t[2]) for t in got} == {("Ri Chol Ho", "member", "spa")}


# -- 4. career lists: lines without a bullet, a mass organization's Central Committee -----------


def test_career_lines_without_bullets_and_a_leagues_central_committee(known: Known) -> None:
    got = terms(
        "# Ri Il-sop\n\nRi Il-sop (born 1950) is a North Korean official.\n\n## Career\n\n"
        "1966–1976: Vice director of the Propaganda and Agitation Department\n"
        "1976 to 1980 - Member of the Central Military Commission\n"
        "- May 2016 – Incumbent: Vice-chairman of the WPK Central Committee\n"
        "Director, United Front Department (1989–2017)\n"
        "- First secretary, Kim Il Sung Socialist Youth League Central Committee (1970–1975)\n",
        known, "text/markdown",
    )  # fmt: skip
    assert got == {
        ("Ri Il-sop", "vice-director", "wpk-pad", "1966", "1976"),
        ("Ri Il-sop", "member", "wpk-cmc", "1976", "1980"),
        ("Ri Il-sop", "vice-chairman", "wpk-cc", "2016-05", None),
        ("Ri Il-sop", "director", "wpk-ufd", "1989", "2017"),
        ("Ri Il-sop", "first-secretary", "Kim Il Sung Socialist Youth League Central Committee",
         "1970", "1975"),
    }  # fmt: skip


def test_a_sentence_ending_in_a_period_is_no_career_line(known: Known) -> None:
    got = terms(
        "# Ri Il-sop\n\nRi Il-sop (born 1950) is a North Korean official.\n\n"
        "Kim Ki Nam was director of the Propaganda and Agitation Department (1989–2017)\n",
        known, "text/markdown",
    )  # fmt: skip
    assert not any(t[0] == "Ri Il-sop" for t in got)


def test_apposition_with_a_leagues_central_committee_before_its_head(known: Known) -> None:
    got = terms(
        "Pyongyang, June 3 (KCNA) -- Mun Chol, first secretary of the Kim Il Sung Socialist "
        "Youth League Central Committee, and Ri Il Hwan, director of the WPK Propaganda and "
        "Agitation Department, spoke.",
        known, "text/plain",
    )  # fmt: skip
    assert {(t[0], t[1], t[2]) for t in got} == {
        ("Mun Chol", "first-secretary", "Kim Il Sung Socialist Youth League Central Committee"),
        ("Ri Il Hwan", "director", "wpk-pad"),
    }


def test_blank_or_ditto_post_cell_is_the_title_of_the_row_above(known: Known) -> None:
    got = terms(
        "# Defence ministers\n\n| Name | Title | From | To |\n| --- | --- | --- | --- |\n"
        "| Pak Yong-sik | Minister of People's Armed Forces | 2015 | June 2018 |\n"
        "| No Kwang-chol | | June 2018 | December 2019 |\n"
        "| Kim Jong-gwan | Minister of National Defence | December 2019 | June 2021 |\n"
        "| Ri Yong-gil | 〃 | June 2021 | Incumbent |\n",
        known, "text/markdown",
    )  # fmt: skip
    assert got == {
        ("Pak Yong-sik", "chairman", "mpaf", "2015", "2018-06"),
        ("No Kwang-chol", "chairman", "mpaf", "2018-06", "2019-12"),
        ("Kim Jong-gwan", "chairman", "mpaf", "2019-12", "2021-06"),
        ("Ri Yong-gil", "chairman", "mpaf", "2021-06", None),
    }


def test_incumbents_infobox_and_career_list_items(known: Known) -> None:
    got = terms(
        "<html><body><h1>Kim Song-nam</h1><table class='infobox vcard'><tbody>"
        "<tr><th colspan='2'>Kim Song-nam</th></tr><tr><th colspan='2'>Director of the "
        "International Department of the Workers' Party of Korea</th></tr>"
        "<tr><td colspan='2'><b>Incumbent</b></td></tr><tr><td colspan='2'><b>Assumed office"
        "</b><br>1 January 2021</td></tr><tr><th>Preceded by</th><td>Ri Su-yong</td></tr>"
        "</tbody></table><p><b>Kim Song-nam</b> (born 1953) is a North Korean politician.</p>"
        "<h2>Career</h2><ul><li>1990–2000: Vice director of the International Department</li>"
        "<li>Member of the Central Committee, 2016–2021</li></ul></body></html>",
        known,
    )
    assert got == {
        ("Kim Song-nam", "director", "wpk-international", "2021-01-01", None),
        ("Ri Su-yong", "director", "wpk-international", None, "2021-01-01"),
        ("Kim Song-nam", "vice-director", "wpk-international", "1990", "2000"),
        ("Kim Song-nam", "member", "wpk-cc", "2016", "2021"),
    }
