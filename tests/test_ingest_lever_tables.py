"""Round 6, lever L4: holdings given in structure, not sentences. A heading that names a title
(or a role alone, on a page whose title names the organ) over a list of people, numbered,
bulleted or one per paragraph; "KEY: Names" and "KEY — Names" lines whose key is a role, a
title, an organ or a province; a table of holders without dates under a heading naming the
title. Near misses: headings naming no title, a watch list, those present, a delegation, a
reference list, a table of statistics or of appearances, prose after the list.
"""

from __future__ import annotations

from facts_helpers import terms

from kwpld.ingest import Known, read_text

MD = "text/markdown"
HTML = "text/html"
TXT = "text/plain"


def held(text: str, known: Known, date: str, media_type: str = MD) -> set[tuple[object, ...]]:
    """(person, role, organ, start, end) drafted; people by id, or their name as an id would be."""
    _, drafted = read_text(text, known=known, date=date, article_type="analysis",
                           media_type=media_type)  # fmt: skip
    return {(str(p).lower().replace(" ", "-"), *rest) for p, *rest in terms(drafted)}


def people(got: set[tuple[object, ...]]) -> set[object]:
    return {p for p, *_ in got}


LISTS = """# Notes on the party's leadership

## Members of the Presidium of the Political Bureau

1. Kim Jong Un
2. Choe Ryong Hae
3. Jo Yong Won

## Secretaries of the Central Committee

- Ri Il Hwan
- Jong Sang Hak

## Officials to watch

- Hyon Song Wol
- Kim Yo Jong
"""


def test_a_heading_title_over_numbered_and_bulleted_names(known: Known) -> None:
    got = held(LISTS, known, "2021-10-05")
    assert {("kim-jong-un", "member", "wpk-pb-presidium"),
            ("choe-ryong-hae", "member", "wpk-pb-presidium"),
            ("jo-yong-won", "member", "wpk-pb-presidium"),
            ("ri-il-hwan", "secretary", "wpk-cc"),
            ("jong-sang-hak", "secretary", "wpk-cc")} <= {g[:3] for g in got}, got  # fmt: skip


def test_a_watch_list_holds_nothing(known: Known) -> None:
    got = held(LISTS, known, "2021-10-05")
    assert not {"hyon-song-wol", "kim-yo-jong"} & people(got), got


def test_role_lines_under_an_organ_and_title_lines(known: Known) -> None:
    text = """SEOUL, Oct. 3 (Yonhap) -- Following is the composition of the Central Military \
Commission of the Workers' Party of Korea:

Chairman: Kim Jong Un
Vice-chairman: Ri Pyong Chol
Members: Pak Jong Chon, Jong Kyong Thaek

Key state posts:

- Premier: Kim Tok Hun
- Minister of Foreign Affairs: Choe Son Hui
"""
    got = {g[:3] for g in held(text, known, "2021-10-03", TXT)}
    assert {("kim-jong-un", "chairman", "wpk-cmc"), ("ri-pyong-chol", "vice-chairman", "wpk-cmc"),
            ("pak-jong-chon", "member", "wpk-cmc"), ("jong-kyong-thaek", "member", "wpk-cmc"),
            ("kim-tok-hun", "chairman", "cabinet"),
            ("choe-son-hui", "chairman", "mfa")} <= got, got  # fmt: skip


def test_role_lines_under_a_delegation_hold_nothing(known: Known) -> None:
    text = """The delegation of the Supreme People's Assembly left Pyongyang on Monday:

Head: Choe Ryong Hae
Members: Ri Su Yong, Kim Yong Chol
"""
    got = held(text, known, "2019-05-06", TXT)
    assert not {"ri-su-yong", "kim-yong-chol"} & people(got), got


def test_organ_and_province_keys_take_the_headings_role(known: Known) -> None:
    text = """# Directors of the Central Committee's departments (as of May 2022)

1. Organization and Guidance Department — Kim Jae Ryong
2. United Front Department — Kim Yong Chol

## Chief secretaries of provincial party committees

- North Hamgyong: Ri Hi Yong
- Jagang: Kim Song Il
"""
    got = {g[:3] for g in held(text, known, "2022-06-01")}
    assert ("kim-jae-ryong", "director", "wpk-ogd") in got, got
    assert ("kim-yong-chol", "director", "wpk-ufd") in got, got
    assert ("ri-hi-yong", "first-secretary", "wpk-north-hamgyong") in got, got
    assert any(p == "kim-song-il" and r == "first-secretary" for p, r, _ in got), got


def test_a_page_title_gives_a_role_heading_its_organ_and_former_holders_their_periods(
    known: Known,
) -> None:
    html = """<html><body><h1>Presidium of the Political Bureau of the Workers' Party of Korea</h1>
<p>The presidium is the party's top body.</p>
<h2>Current members</h2>
<p>As listed by KCNA in May 2023:</p>
<ol><li>Kim Jong Un</li><li>Kim Tok Hun</li></ol>
<h2>Former members</h2>
<ul><li>Kim Yong Nam (2010–2019)</li><li>Pak Pong Ju</li></ul>
<h2>References</h2>
<ol><li>Madden, Michael. "Ri Pyong Chol". NK Leadership Watch.</li></ol>
</body></html>"""
    got = held(html, known, "2023-07-01", HTML)
    assert ("kim-tok-hun", "member", "wpk-pb-presidium", None, None) in got, got
    assert ("kim-yong-nam", "member", "wpk-pb-presidium", "2010", "2019") in got, got
    assert ("pak-pong-ju", "member", "wpk-pb-presidium", None, None) in got, got
    assert "ri-pyong-chol" not in people(got), got  # a reference's subject
    assert "michael-madden" not in people(got) and "madden" not in people(got), got


def test_a_table_of_holders_without_dates_under_a_title_heading(known: Known) -> None:
    text = """# The state after the session

## Members of the State Affairs Commission

| Name | Other posts |
| --- | --- |
| Jo Yong Won | Secretary of the WPK Central Committee |
| Ri Pyong Chol | |

## Grain output by province

| Province | Tonnes |
| --- | --- |
| South Hwanghae | 1,300,000 |

## Most frequent companions of the leader

| Official | Appearances |
| --- | --- |
| Hyon Song Wol | 31 |

## Officials dismissed in 2022

| Name | Post |
| --- | --- |
| Pak Jong Chon | Secretary |
"""
    got = {g[:3] for g in held(text, known, "2023-01-12")}
    assert {("jo-yong-won", "member", "sac"), ("ri-pyong-chol", "member", "sac"),
            ("jo-yong-won", "secretary", "wpk-cc")} <= got, got  # fmt: skip
    assert not {"hyon-song-wol", "pak-jong-chon"} & {p for p, *_ in got}, got


def test_prose_after_a_heading_is_no_list(known: Known) -> None:
    text = """# Notes

## Members of the Political Bureau

Kim Tok Hun met the visiting Chinese delegation on Monday.

## Vice-premiers

Ri Song Hak and Jon Hyon Chol toured the Hungnam fertiliser complex.
"""
    got = {g[:3] for g in held(text, known, "2023-03-01")}
    assert ("kim-tok-hun", "member", "wpk-pb") not in got, got
    assert not any(p in ("ri-song-hak", "jon-hyon-chol") for p, *_ in got), got


def test_a_line_naming_the_following_holders_titles_a_dated_table(known: Known) -> None:
    text = """# The new Cabinet

The assembly named the following vice-premiers (portfolios as reported):

| Name | Portfolio | Since |
| --- | --- | --- |
| Ri Song Hak | Heavy industry | 2020 |
| Kim Song Ryong | Fishery | January 2021 |
"""
    got = held(text, known, "2021-01-25")
    assert ("ri-song-hak", "vice-chairman", "cabinet", "2020", None) in got, got
    assert ("kim-song-ryong", "vice-chairman", "cabinet", "2021-01", None) in got, got


def test_title_cells_of_a_table_without_a_heading_title(known: Known) -> None:
    text = """# Who travelled with the leader in 2009

Officials were counted by the reports that named them, whatever the occasion.

| Official | Title as reported | Appearances |
| --- | --- | --- |
| Hyon Chol Hae | first vice-director, KPA General Political Bureau | 70 |
| Pak Nam Gi | director, WPK Planning and Finance Department of the economy | 23 |
| Ri Ul Sol | Marshal of the KPA | 12 |
"""
    got = {g[:3] for g in held(text, known, "2010-01-12")}
    assert ("hyon-chol-hae", "first-vice-director", "kpa-gpb") in got, got
    # a title whose organ the reader does not see whole, a rank: nothing
    assert not {"pak-nam-gi", "ri-ul-sol"} & {p for p, *_ in got}, got


def test_a_titled_line_of_its_own_and_a_table_the_line_above_names(known: Known) -> None:
    text = """PYONGYANG, Jan. 20 (Yonhap) -- The new line-up was announced on Wednesday.

Premier: Kim Tok Hun
Chairman: Choe Ryong Hae
Source: KCNA

The table below lists the members of the Political Bureau who kept their seats:

| Name | Other posts |
| --- | --- |
| Ri Il Hwan | |

Officials who briefed the members of the Central Military Commission:

| Name | Other posts |
| --- | --- |
| Kim Song Nam | |
"""
    got = {g[:3] for g in held(text, known, "2021-01-20", TXT)}
    assert ("kim-tok-hun", "chairman", "cabinet") in got, got
    assert ("ri-il-hwan", "member", "wpk-pb") in got, got
    # a role alone names no organ; a plural title after another verb is no heading
    assert not any(p == "choe-ryong-hae" and r == "chairman" for p, r, _ in got), got
    assert "kim-song-nam" not in {p for p, *_ in got}, got


def test_a_bold_line_heads_a_list(known: Known) -> None:
    text = """# Notes

**Secretaries of the Central Committee**

- Ri Il Hwan
- Jong Sang Hak

**Seen at the plenum**

- Kim Yo Jong
"""
    got = {g[:3] for g in held(text, known, "2021-10-05")}
    assert ("ri-il-hwan", "secretary", "wpk-cc") in got, got
    assert ("jong-sang-hak", "secretary", "wpk-cc") in got, got
    assert "kim-yo-jong" not in {p for p, *_ in got}, got


def test_a_role_beside_a_listed_name_is_its_role_in_the_lists_organ(known: Known) -> None:
    text = """# Notes

## Members of the State Affairs Commission

1. Kim Jong Un (chairman)
2. Choe Ryong Hae, first vice-chairman
3. Jo Yong Won
4. Kim Tok Hun, Premier
"""
    got = {g[:3] for g in held(text, known, "2021-10-05")}
    assert {("kim-jong-un", "chairman", "sac"), ("choe-ryong-hae", "vice-chairman", "sac"),
            ("jo-yong-won", "member", "sac"), ("kim-tok-hun", "member", "sac"),
            ("kim-tok-hun", "chairman", "cabinet")} <= got, got  # fmt: skip
    assert ("kim-jong-un", "member", "sac") not in got, got


def test_a_column_of_organs_and_a_column_headed_by_the_role(known: Known) -> None:
    text = """# Department heads after the congress

| Department | Director | Since | Notes |
| --- | --- | --- | --- |
| United Front Department | Kim Yong Chol | January 2016 | |
| Organization and Guidance Department | Kim Kyong Ok | 2016 | first vice-director, acting |

## Visits to the departments

| Department | Visitor | Date |
| --- | --- | --- |
| International Department | Song Tao | May 2018 |
| United Front Department | Suh Hoon | March 2018 |
"""
    got = held(text, known, "2016-07-01")
    assert ("kim-yong-chol", "director", "wpk-ufd", "2016-01", None) in got, got
    # an "acting" note opening with a role: that role in the row's organ, not the column's
    assert ("kim-kyong-ok", "first-vice-director", "wpk-ogd", "2016", None) in got, got
    assert not any(p == "kim-kyong-ok" and r == "director" for p, r, *_ in got), got
    # a column headed by no role: visitors hold nothing
    assert not {"song-tao", "suh-hoon"} & {p for p, *_ in got}, got


def test_a_province_column_with_a_chief_secretary_column(known: Known) -> None:
    text = """# Provincial party chiefs, 2023

| Province | Chief secretary | Since |
| --- | --- | --- |
| North Hamgyong | Ri Hi Yong | 2021 |
| Jagang | Kim Song Il | January 2022 |

## Provincial deputies

| Province | Deputy | Seats |
| --- | --- | --- |
| South Phyongan | Kim Tu Il | 61 |
"""
    got = held(text, known, "2023-06-01")
    assert ("ri-hi-yong", "first-secretary", "wpk-north-hamgyong", "2021", None) in got, got
    assert any(p == "kim-song-il" and r == "first-secretary" and s == "2022-01"
               for p, r, _, s, _ in got), got  # fmt: skip
    # a column headed by another role: not the province's party chief
    assert not any(p == "kim-tu-il" and r == "first-secretary" for p, r, *_ in got), got


def test_rows_that_end_or_print_a_former_title_under_a_title_heading(known: Known) -> None:
    text = """# Notes

## Members of the State Affairs Commission

| Name | Other posts |
| --- | --- |
| Ri Pyong Chol | former director of the Munitions Industry Department |
| Pak Jong Chon | Dismissed |
| Jo Yong Won | Secretary of the WPK Central Committee |

## List of premiers

| Name | Took office | Party |
| --- | --- | --- |
| Kim Tok Hun | August 2020 | WPK |
"""
    got = {g[:3] for g in held(text, known, "2023-01-01")}
    assert ("ri-pyong-chol", "member", "sac") in got, got
    assert not any(p == "ri-pyong-chol" and o == "wpk-munitions" for p, _, o in got), got
    assert "pak-jong-chon" not in {p for p, *_ in got}, got
    # a "Party" column is no organ the row's person heads
    assert ("kim-tok-hun", "chairman", "wpk") not in got, got
