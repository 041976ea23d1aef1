"""Tables whose organ is in the heading or caption above them (issue 15, class K): every row
holds a seat on that organ, its Post cell the role, its Since / Term cell the dates; a Note or
Other-posts cell naming another post is a holding of its own, with its own dates. Near misses: a
note naming an organ in passing moves no row, and a table without an organ heading invents none.
"""

from __future__ import annotations

from facts_helpers import terms

from kwpld.ingest import Known, read_text

MD = "text/markdown"
HTML = "text/html"


def held(text: str, known: Known, date: str, media_type: str = MD) -> set[tuple[object, ...]]:
    """(person, role, organ, start, end) drafted; people by id, or their name as an id would be."""
    _, drafted = read_text(text, known=known, date=date, article_type="analysis",
                           media_type=media_type)  # fmt: skip
    return {(str(p).lower().replace(" ", "-"), *rest) for p, *rest in terms(drafted)}


SAC = """# After the session

The assembly met in April.

## State Affairs Commission after the session

| Post | Name | Since | Note |
| --- | --- | --- | --- |
| Chairman | Kim Jong Un | June 2016 | re-elected |
| First vice-chairman | Choe Ryong Hae | April 2019 | new; Politburo Presidium |
| Member | Ri Su Yong | June 2016 | kept his seat despite changes at the International Department |
| Member | Kim Jae Ryong | April 2019 | new; premier, formerly chief secretary of the Jagang \
Provincial Party Committee |
| Member | Pak Jong Chon | April 2019 | Chief of the General Staff (2019-2020) |
"""


def test_rows_take_the_organ_of_the_heading_and_notes_are_holdings_of_their_own(
    known: Known,
) -> None:
    got = held(SAC, known, "2019-04-14")
    assert {("kim-jong-un", "chairman", "sac", "2016-06", None),
            ("choe-ryong-hae", "vice-chairman", "sac", "2019-04", None),
            ("ri-su-yong", "member", "sac", "2016-06", None),
            ("kim-jae-ryong", "member", "sac", "2019-04", None),
            ("pak-jong-chon", "member", "sac", "2019-04", None)} <= got, got  # fmt: skip
    # notes: an organ alone is a seat on it; a post implies its organ; a range dates its holding
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium", None, None) in got, got
    assert ("kim-jae-ryong", "chairman", "cabinet", None, None) in got, got
    assert ("pak-jong-chon", "chairman", "kpa-general-staff", "2019", "2020") in got, got
    # "formerly ...": a past holding, undated
    assert any(p == "kim-jae-ryong" and o == "Jagang Provincial Party Committee"
               and s is None and e is None for p, _, o, s, e in got), got  # fmt: skip


def test_a_note_naming_an_organ_in_passing_moves_no_row(known: Known) -> None:
    got = held(SAC, known, "2019-04-14")
    ri = {(role, organ) for p, role, organ, _, _ in got if p == "ri-su-yong"}
    assert ri == {("member", "sac")}, ri  # not the International Department, not Jagang's
    organs = {organ for p, _, organ, _, _ in got if p in ("ri-su-yong", "pak-jong-chon")}
    assert "Jagang Provincial Party Committee" not in organs, got


def test_a_table_without_an_organ_heading_invents_none(known: Known) -> None:
    text = """# Notes on the leadership

The Central Military Commission met in June.

## Who is who

| Post | Name | Since | Note |
| --- | --- | --- | --- |
| Member | Jo Yong Won | January 2021 | |
| Vice-chairman | Ri Pyong Chol | January 2021 | |
| Premier | Kim Tok Hun | August 2020 | WPK |
"""
    got = held(text, known, "2021-06-20")
    people = {p for p, *_ in got}
    assert "jo-yong-won" not in people and "ri-pyong-chol" not in people, got
    assert ("kim-tok-hun", "chairman", "cabinet", "2020-08", None) in got, got  # implies its organ
    assert not any(o == "wpk" for _, _, o, _, _ in got), got  # a party affiliation is no seat


def test_a_caption_line_names_the_seat_and_a_cell_of_two_terms_is_two_holdings(
    known: Known,
) -> None:
    text = """# The inner circle

Some prose about the Presidium comes first.

**Table 2. Members of the Presidium of the Political Bureau**

| Name | Term | Other posts |
| --- | --- | --- |
| Choe Ryong Hae | 2012-2014, 2019-present | President of the SPA Presidium (from 2019) |
| Kim Tok Hun | 2021-present | until then chairman of the State Planning Commission |
"""
    got = held(text, known, "2021-03-02")
    assert {("choe-ryong-hae", "member", "wpk-pb-presidium", "2012", "2014"),
            ("choe-ryong-hae", "member", "wpk-pb-presidium", "2019", None),
            ("choe-ryong-hae", "chairman", "spa-presidium", "2019", None),
            ("kim-tok-hun", "member", "wpk-pb-presidium", "2021", None),
            ("kim-tok-hun", "chairman", "state-planning-commission", None, "2021"),
            } <= got, got  # fmt: skip


def test_an_html_table_with_a_caption_and_dated_other_posts(known: Known) -> None:
    rows = [
        ("Jo Myong Rok", "1995&ndash;2010", "Vice-chairman of the NDC (1998&ndash;2010)"),
        ("Kim Jong Gak", "2017.10-2018.5", ""),
        ("Kim Su Gil", "2018&ndash;2019", "Member of the Political Bureau (from 2019)"),
        ("Kwon Yong Jin", "2019&ndash;2021", "earlier at the Ministry of People's Armed Forces"),
    ]
    text = (
        "<html><body><h1>Reference</h1><p>Some words first.</p>\n<table><caption>Directors of "
        "the KPA General Political Bureau, 1995&ndash;2021</caption>\n"
        "<tr><th>Name</th><th>Term</th><th>Other posts</th></tr>\n"
        + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>\n" for a, b, c in rows)
        + "</table></body></html>"
    )
    got = held(text, known, "2023-01-10", HTML)
    assert {("jo-myong-rok", "director", "kpa-gpb", "1995", "2010"),
            ("jo-myong-rok", "vice-chairman", "ndc", "1998", "2010"),
            ("kim-jong-gak", "director", "kpa-gpb", "2017-10", "2018-05"),
            ("kim-su-gil", "director", "kpa-gpb", "2018", "2019"),
            ("kim-su-gil", "member", "wpk-pb", "2019", None),
            ("kwon-yong-jin", "director", "kpa-gpb", "2019", "2021")} <= got, got  # fmt: skip
    assert not any(o == "mpaf" for _, _, o, _, _ in got), got  # named in passing


def test_a_column_restating_the_rows_organ_is_no_seat_of_its_own(known: Known) -> None:
    """A list of premiers with a Body column ("Cabinet", "Administration Council"): the cell is
    the premiership's own organ under its name of the time, not a membership beside it."""
    text = """# List of premiers

| No. | Name | Took office | Left office | Body |
| --- | --- | --- | --- | --- |
| 1 | Kim Il | 28 December 1972 | 19 April 1976 | Administration Council |
| 2 | Hong Song Nam | 5 September 1998 | 3 September 2003 | Cabinet |
| 3 | Pak Pong Ju | 3 September 2003 | 11 April 2007 | Cabinet |
"""
    got = held(text, known, "2024-03-01")
    assert ("pak-pong-ju", "chairman", "cabinet", "2003-09-03", "2007-04-11") in got, got
    assert not any(role == "member" for _, role, *_ in got), got
