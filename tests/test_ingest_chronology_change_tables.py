"""Dates in reference texts, chronologies and change tables (issue 15, class T): a chronology's
item that opens with a year or a span dates the year-less months and meetings inside it with
that year; a title's own "from 1962" inside an item; a month alone in parentheses after a
meeting ("the Third Congress of the KWP (April)") takes the year its sentence stated; a
projected meeting ("expected in early 2026") its year; a chronology in a news item belongs to
the person its introducing line names; tables of changes ("| Post | Before | After |", "|
Province | Outgoing | Incoming |") end the outgoing holder's term and start the incoming one's on
the meeting's day, and a note in a cell is a holding of its own. Synthetic texts, each with a
near miss."""

from __future__ import annotations

from typing import Any

from facts_helpers import attended, drafted_names, iso
from facts_helpers import terms as holding_terms

from kwpld.dates import PartialDate, find_dates
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2024-03-01", kind: str = "report") -> Drafted:
    media = "text/markdown" if text.lstrip().startswith(("#", "---")) else "text/plain"
    return read_text(text, known=known, date=date, article_type=kind, media_type=media)[1]


def terms(text: str, known: Known, date: str = "2024-03-01") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted."""
    return holding_terms(_read(text, known, date))


def events(text: str, known: Known, date: str = "2024-03-01") -> dict[str, tuple[Any, ...]]:
    """name -> (date, end) of every event drafted (not series)."""
    out: dict[str, tuple[Any, ...]] = {}
    for d in _read(text, known, date).drafts:
        if d.kind == "event" and d.record.get("type") != "series":
            for n in d.record.get("names", []):
                name = n["text"] if isinstance(n, dict) else n
                out[name] = (iso(d.record.get("date")), iso(d.record.get("end")))
    return out


def undated(text: str, known: Known) -> set[tuple[Any, ...]]:
    """(person, role, organ) of the holdings drafted with no date at all."""
    drafted = _read(text, known)
    names = drafted_names(drafted)
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
        for r in [d.record]
        if not any(r.get(k) for k in ("start", "end", "as_of"))
    }  # fmt: skip


# -- 1. a chronology's item dates what it names with its own year -------------------------------

_CHRONOLOGY = (
    "# Han Tok-su (1907–2001)\n\n*Reference chronology. Revised 2 March 2024.*\n\n"
    "Han Tok-su was a North Korean official.\n\n## Chronology\n\n"
    "- **1962** — Appointed Minister of Light Industry in October, a post he held until May 1970.\n"
    "- **1966** — Elected a member of the Central Committee at the Second Conference in October; "
    "from 1967 also a deputy to the Supreme People's Assembly.\n"
    "- **1971–1974** — Vice-Premier of the Cabinet.\n"
)


def test_item_year_dates_its_months(known: Known) -> None:
    got = terms(_CHRONOLOGY, known)
    assert ("Han Tok-su", "chairman", "Ministry of Light Industry", "1962-10", "1970-05") in got
    assert ("Han Tok-su", "member", "wpk-cc", "1966-10", None) in got
    assert ("Han Tok-su", "vice-chairman", "cabinet", "1971", "1974") in got


def test_own_year_inside_an_item(known: Known) -> None:
    got = terms(_CHRONOLOGY, known)
    assert ("Han Tok-su", "member", "spa", "1967", None) in got
    assert not any(t[:3] == ("Han Tok-su", "member", "spa") and t[3] == "1966" for t in got)


def test_item_year_dates_its_meeting(known: Known) -> None:
    assert events(_CHRONOLOGY, known).get("Second Conference") == ("1966-10", None)


def test_month_outside_an_item_keeps_the_articles_year(known: Known) -> None:
    # near miss: a month in running prose after the list is of the article's time, not of the
    # last item's year
    text = _CHRONOLOGY + "\nHis portrait was unveiled at the 9th Congress in February.\n"
    assert events(text, known).get("9th Congress") == ("2024-02", None)


def test_lifespan_and_war_span_give_no_holding(known: Known) -> None:
    text = (
        "# Kim Pyong-ho (1912–1990)\n\n## Chronology\n\n"
        "- **1950** — Served as a regimental commander in the Korean War (1950–1953).\n"
        "- **1958** — Appointed Minister of Fisheries in June.\n"
    )
    got = terms(text, known)
    assert got == {("Kim Pyong-ho", "chairman", "Ministry of Fisheries", "1958-06", None)}


# -- 2. months alone in parentheses, projected meetings -----------------------------------------


def test_parenthesised_month_takes_the_sentences_year(known: Known) -> None:
    text = (
        "Pak Chol-u\n\nIn 1956 he entered the Central Committee of the Workers' Party of Korea "
        "at the Third Congress of the KWP (April).\n"
    )
    assert events(text, known, "2025-01-10").get("Third Congress of the KWP") == ("1956-04", None)
    assert ("Pak Chol-u", "member", "wpk-cc", "1956-04", None) in terms(text, known, "2025-01-10")


def test_parenthesised_name_is_no_date() -> None:
    # near miss: "(Mayday)", "(KWP)" and a month with its year in parentheses read as before
    found = find_dates("the rally (Mayday) of the party (KWP) (April 1956)", PartialDate(2024, 3))
    assert [(d.date.year, d.date.month) for d in found if d.date] == [(1956, 4)]


def test_projected_congress_takes_its_year(known: Known) -> None:
    text = (
        "The next reshuffle is likely at the 9th Party Congress, expected in early 2026. "
        "The 8th Party Congress, held in January 2021, elected the Central Committee.\n"
    )
    got = events(text, known, "2023-06-22")
    assert got.get("9th Party Congress") == ("2026", None)
    assert got.get("8th Party Congress") == ("2021-01", None)


# -- 3. a chronology in a news item: the person the introducing line names ----------------------

_FACTBOX = (
    "FACTBOX-Veteran official retires\n\nSEOUL, May 3 (Reuters) - Ri Jong-ok, a veteran "
    "official, has retired, state media said.\n\nFollowing are key dates in Ri's career:\n\n"
    "* 1972 - Elected to the Political Bureau at a plenum in December.\n\n"
    "* 1977-1984 - Vice-premier and minister of foreign affairs.\n\n"
    "* 1980 - Joined the Ministry of Foreign Affairs as an adviser.\n"
)


def test_factbox_items_are_the_introduced_persons(known: Known) -> None:
    got = terms(_FACTBOX, known, "2019-05-03")
    assert ("Ri Jong-ok", "member", "wpk-pb", "1972-12", None) in got
    assert ("Ri Jong-ok", "vice-chairman", "cabinet", "1977", "1984") in got
    assert ("Ri Jong-ok", "chairman", "mfa", "1977", "1984") in got


def test_joining_a_ministry_is_no_seat(known: Known) -> None:
    got = terms(_FACTBOX, known, "2019-05-03")
    assert not any(t[2] == "mfa" and t[1] == "member" for t in got)


def test_list_without_an_introducing_line_is_nobodys(known: Known) -> None:
    # near miss: the line before the list names two people, so the items are no one's
    text = (
        "SEOUL, May 3 (Reuters) - Ri Jong-ok and Pak Chol-u retired, state media said.\n\n"
        "Key dates in the careers of Ri and Pak:\n\n"
        "* 1972 - Elected to the Political Bureau at a plenum in December.\n"
    )
    assert not any(t[2] == "wpk-pb" for t in terms(text, known, "2019-05-03"))


# -- 4. tables of changes -----------------------------------------------------------------------

_PROVINCES = (
    "---\ntitle: Provincial chiefs replaced\ndate: 2023-06-22\ntype: report\n---\n\n"
    "# Provincial chiefs replaced\n\n"
    "The 8th Enlarged Plenary Meeting of the 8th Central Committee of the Workers' Party of "
    "Korea was held in Pyongyang from June 16 to 18, 2023.\n\n"
    "**Table 1. Chief secretaries of provincial party committees replaced at the plenum**\n\n"
    "| Province | Outgoing | Incoming |\n| --- | --- | --- |\n"
    "| South Phyongan | Kim Tu Il | Ri Hyong Sok (first vice-director, Organization and "
    "Guidance Department) |\n"
    "| Ryanggang | Jong Pong Sok | Han Yong Chol |\n"
)


def test_province_table_ends_and_starts_terms(known: Known) -> None:
    got = terms(_PROVINCES, known, "2023-06-22")
    assert ("Kim Tu Il", "first-secretary", "wpk-south-phyongan", None, "2023-06-18") in got
    assert ("Ri Hyong Sok", "first-secretary", "wpk-south-phyongan", "2023-06-18", None) in got
    ryanggang = "Ryanggang Provincial Party Committee"
    assert ("Jong Pong Sok", "first-secretary", ryanggang, None, "2023-06-18") in got
    assert ("Han Yong Chol", "first-secretary", ryanggang, "2023-06-18", None) in got


def test_note_in_a_cell_is_an_undated_holding(known: Known) -> None:
    assert ("Ri Hyong Sok", "first-vice-director", "wpk-ogd") in undated(_PROVINCES, known)


def test_place_table_without_secretaries_heading_drafts_nothing(known: Known) -> None:
    # near miss: the same columns under a heading about people's committees name no post
    text = _PROVINCES.replace("Chief secretaries of provincial party committees", "Provincial "
                              "people's committee chairmen")
    assert not any(t[1] == "first-secretary" for t in terms(text, known, "2023-06-22"))


_POSTS = (
    "# 1st Session of the 14th Supreme People's Assembly\n\n"
    "The 1st Session of the 14th Supreme People's Assembly was held in Pyongyang on 11–12 "
    "April 2019.\n\n## Changes\n\nThe elections of 11 April replaced the head of the "
    "Cabinet.\n\n**State posts changed at the session**\n\n"
    "| Post | Before | After |\n| --- | --- | --- |\n"
    "| Premier of the Cabinet | Pak Pong-ju | Kim Jae-ryong (chief secretary of the Jagang "
    "Provincial Party Committee) |\n"
    "| Vice-Chairman of the State Affairs Commission | — | Ri Man-gon |\n"
)


def test_post_table_uses_the_day_the_paragraph_names(known: Known) -> None:
    got = terms(_POSTS, known, "2024-05-05")
    assert ("pak-pong-ju", "chairman", "cabinet", None, "2019-04-11") in got
    assert ("Kim Jae-ryong", "chairman", "cabinet", "2019-04-11", None) in got
    assert ("Ri Man-gon", "vice-chairman", "sac", "2019-04-11", None) in got


def test_table_without_change_columns_is_no_change(known: Known) -> None:
    # near miss: "| Post | Name |" lists who holds what; nobody's term ends
    text = _POSTS.replace("| Post | Before | After |", "| Post | Name | Deputy |")
    assert not any(t[4] == "2019-04-11" for t in terms(text, known, "2024-05-05"))


# -- 5. a funeral in a reference text: who gave the address --------------------------------------


def test_memorial_address_given_by_is_a_speaker(known: Known) -> None:
    text = (
        "Ri Pong-su died on 7 March 1976. Kim Il Sung attended the state funeral held on 11 "
        "March 1976 at the cemetery. The memorial address was given by Premier Kim Il.\n"
    )
    got = attended(_read(text, known, "2025-03-03"))
    assert [roles.get("kim-il") for roles in got.values()] == ["speaker"]


def test_something_else_given_by_is_no_speech(known: Known) -> None:
    # near miss: a wreath (not an address) given by someone
    text = (
        "Ri Pong-su died on 7 March 1976. Kim Il Sung attended the state funeral held on 11 "
        "March 1976 at the cemetery. The largest wreath was given by Premier Kim Il.\n"
    )
    got = attended(_read(text, known, "2025-03-03"))
    assert all(roles.get("kim-il") != "speaker" for roles in got.values())


def test_change_table_date_column_dates_its_row(known: Known) -> None:
    text = (
        "# Ministers replaced in 2022\n\n**Cabinet changes reported by KCNA**\n\n"
        "| Date | Post | Outgoing | Incoming |\n| --- | --- | --- | --- |\n"
        "| 9 June 2022 | Minister of Foreign Affairs | Ri Son Gwon | Choe Son Hui |\n"
        "| (not reported) | Premier of the Cabinet | Kim Tok Hun | Pak Su Il |\n"
    )
    got = terms(text, known, "2022-12-31")
    assert ("Ri Son Gwon", "chairman", "mfa", None, "2022-06-09") in got
    assert ("Choe Son Hui", "chairman", "mfa", "2022-06-09", None) in got
    # near miss: a row whose date cell prints none is not dated by another row's day
    assert not any(t[0] == "kim-tok-hun" and t[4] == "2022-06-09" for t in got)
