"""Holdings from profiles, directories and list articles (issue 15): career lists of a profile
about one person ("- 1976–1985: editor-in-chief of ..."), tables of office holders under a
heading naming the post, and periods in running prose. Short synthetic texts with varied
layouts, read against tests/fixtures/ingest/facts/records or a person new to it."""

from __future__ import annotations

from typing import Any

from facts_helpers import terms as holding_terms

from kwpld.ingest import Known, read_text


def terms(text: str, known: Known, kind: str = "analysis") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted (a draft person or organ by
    its first name)."""
    media = "text/markdown" if text.startswith("#") else "text/plain"
    _, drafted = read_text(
        text, known=known, date="2024-03-01", article_type=kind, media_type=media
    )
    return holding_terms(drafted)


# -- 1. career lists of a profile ----------------------------------------------------------------


def test_career_list_under_a_heading_naming_the_person(known: Known) -> None:
    got = terms(
        "# Kim Yong-nam\n\nA veteran diplomat and head of state in name.\n\n## Career\n\n"
        "- 1976–1985: editor-in-chief of Rodong Sinmun, the organ of the WPK Central Committee\n"
        "- December 1992 – May 2016: secretary of the WPK Central Committee\n"
        "- 1990 to 2019: deputy to the Supreme People's Assembly\n"
        "* 2010-2017 — member of the Political Bureau\n"
        "- Since 2019: director of the Propaganda and Agitation Department\n",
        known,
    )
    assert ("kim-yong-nam", "editor-in-chief", "rodong-sinmun", "1976", "1985") in got
    assert ("kim-yong-nam", "secretary", "wpk-cc", "1992-12", "2016-05") in got
    assert ("kim-yong-nam", "member", "spa", "1990", "2019") in got
    assert ("kim-yong-nam", "member", "wpk-pb", "2010", "2017") in got
    assert ("kim-yong-nam", "director", "wpk-pad", "2019", None) in got
    # the organ in apposition is not a holding of its own
    assert not any(t[2] == "wpk-cc" and t[3] == "1976" for t in got)


def test_career_list_with_the_period_last_and_a_plain_title_line(known: Known) -> None:
    got = terms(
        "Hwang Pyong-so\n\nHwang Pyong-so (born 1949) is a North Korean military officer.\n\n"
        "Posts held:\n"
        "  * first vice director of the Organization and Guidance Department (2011–2014)\n"
        "  * director of the KPA General Political Bureau (April 2014 – October 2017).\n"
        "  * member of the Presidium of the Political Bureau, 2014 – present\n",
        known,
    )
    assert ("hwang-pyong-so", "first-vice-director", "wpk-ogd", "2011", "2014") in got
    assert ("hwang-pyong-so", "director", "kpa-gpb", "2014-04", "2017-10") in got
    assert ("hwang-pyong-so", "member", "wpk-pb-presidium", "2014", None) in got


def test_career_list_of_someone_new_named_by_the_first_sentence(known: Known) -> None:
    got = terms(
        "Ri Chang-ho (born 1954) is a North Korean intelligence official.\n\n"
        "1. 2009 – 2016: vice director of the United Front Department\n"
        "2. From March 2016: director of the United Front Department\n",
        known,
    )
    assert ("Ri Chang-ho", "vice-director", "wpk-ufd", "2009", "2016") in got
    assert ("Ri Chang-ho", "director", "wpk-ufd", "2016-03", None) in got


def test_dated_lines_of_a_news_report_are_not_a_career(known: Known) -> None:
    got = terms(
        "Pyongyang, March 1 (KCNA) -- The conference was held on 28 February.\n\n"
        "- 2019: a year of struggle for the Central Committee\n",
        known,
        kind="news",
    )
    assert not got


# -- 2. tables of office holders under a heading naming the post ----------------------------------


def test_table_of_ministers_under_the_page_heading(known: Known) -> None:
    got = terms(
        "# Minister of Foreign Affairs (North Korea)\n\n"
        "The minister heads the Ministry of Foreign Affairs.\n\n"
        "## List of ministers since 2007\n\n"
        "| No. | Name | Hangul | Took office | Left office | Notes |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Pak Ui-chun | 박의춘 | May 2007 | 2014 | |\n"
        "| 2 | Ri Yong-ho | 리용호 | 2016 | 18 January 2020 | later dismissed |\n"
        "| 3 | Choe Son-hui | 최선희 | June 2022 | *Incumbent* | |\n",
        known,
    )
    assert ("Pak Ui-chun", "chairman", "mfa", "2007-05", "2014") in got
    assert ("ri-yong-ho-fm", "chairman", "mfa", "2016", "2020-01-18") in got
    assert ("Choe Son-hui", "chairman", "mfa", "2022-06", None) in got


def test_table_with_an_in_office_column_and_term_headers(known: Known) -> None:
    premiers = terms(
        "Premiers of the Cabinet\n\nThe head of the Cabinet since 1998.\n\n"
        "| Name | In office | Notes |\n| --- | --- | --- |\n"
        "| Pak Pong-ju | 2003–2007 | first term |\n"
        "| Kim Yong-il | April 2007 – June 2010 | |\n"
        "| Kim Tok-hun | 2020 – present | |\n",
        known,
    )
    assert ("pak-pong-ju", "chairman", "cabinet", "2003", "2007") in premiers
    assert ("Kim Yong-il", "chairman", "cabinet", "2007-04", "2010-06") in premiers
    assert ("kim-tok-hun", "chairman", "cabinet", "2020", None) in premiers
    directors = terms(
        "## Directors of the United Front Department\n\n"
        "| Director | Term start | Term end |\n|:--|:--|:--|\n"
        "| Kim Yong-chol | January 2016 | 2019 |\n| Ri Son-gwon | 2022 | present |\n",
        known,
    )
    assert ("kim-yong-chol", "director", "wpk-ufd", "2016-01", "2019") in directors
    assert ("Ri Son-gwon", "director", "wpk-ufd", "2022", None) in directors


def test_table_under_a_heading_about_someone_is_not_that_post(known: Known) -> None:
    got = terms(
        "# Premier Kim Tok-hun's cabinet\n\n## Ministers\n\n"
        "| Name | Took office |\n|---|---|\n| Ri Son-gwon | 2020 |\n",
        known,
    )
    assert not any(t[0] == "Ri Son-gwon" and t[2] == "cabinet" for t in got)


# -- 3. periods in running prose -----------------------------------------------------------------


def test_period_in_parentheses_after_a_name(known: Known) -> None:
    got = terms(
        "The ministry was led by Ri Su-yong (foreign minister 2014–2016) and then by others. "
        "Kim Yong-chol (director of the United Front Department, 2016-2019) was a hardliner.",
        known,
    )
    assert ("Ri Su-yong", "chairman", "mfa", "2014", "2016") in got
    assert ("kim-yong-chol", "director", "wpk-ufd", "2016", "2019") in got
    handover = terms(
        "Kim Yong-chol (director of the United Front Department, 2016–2019) was replaced by "
        "Jang Kum-chol.",
        known,
    )
    # the successor's start is not the period's
    assert not any(t[0] == "Jang Kum-chol" and t[3] == "2016" for t in handover)


def test_period_in_apposition_and_in_a_relative_clause(known: Known) -> None:
    got = terms(
        "Hwang Pyong-so, director of the General Political Bureau from April 2014 to October "
        "2017, was purged. Pak Pong-ju, who was premier from 2003 to 2007, returned in 2013. "
        "Choe Ryong-hae, then director of the KPA General Political Bureau between 2012 and "
        "2014, kept his seat.",
        known,
    )
    assert ("hwang-pyong-so", "director", "kpa-gpb", "2014-04", "2017-10") in got
    assert ("pak-pong-ju", "chairman", "cabinet", "2003", "2007") in got
    assert ("choe-ryong-hae", "director", "kpa-gpb", "2012", "2014") in got


# -- subject-less career lines: bold periods, verb-led lines, ends, tables of posts --------------


def test_bold_periods_and_verb_led_lines_are_the_subjects(known: Known) -> None:
    got = terms(
        "# Ri Man Gon\n\nRi Man Gon is a North Korean politician.\n\n## Career\n\n"
        "- **March 2011** — Appointed director of the Organization and Guidance Department.\n"
        "- **April 2012** — Elected an alternate member of the Political Bureau.\n"
        "- **May 2016** — Promoted to full member of the Political Bureau and elected a member"
        " of the Central Military Commission.\n"
        "- **December 2019** — Recalled from the Central Military Commission at a plenary"
        " meeting of the Central Committee.\n",
        known,
    )
    assert ("Ri Man Gon", "director", "wpk-ogd", "2011-03", None) in got
    assert ("Ri Man Gon", "alternate-member", "wpk-pb", "2012-04", "2016-05") in got
    assert ("Ri Man Gon", "member", "wpk-pb", "2016-05", None) in got
    assert ("Ri Man Gon", "member", "wpk-cmc", "2016-05", "2019-12") in got
    assert not any(t[2] == "wpk-cc" for t in got)  # the meeting's organ is no seat


def test_a_table_of_the_subjects_posts(known: Known) -> None:
    got = terms(
        "# O Su Yong\n\nO Su Yong is a North Korean official.\n\n## Posts\n\n"
        "| Period | Post |\n|---|---|\n"
        "| 2014–2019 | Director, Organization and Guidance Department |\n"
        "| 2019– | Deputy to the Supreme People's Assembly |\n",
        known,
    )
    assert ("O Su Yong", "director", "wpk-ogd", "2014", "2019") in got
    assert ("O Su Yong", "member", "spa", "2019", None) in got


def test_commands_and_numbered_corps_are_organs(known: Known) -> None:
    got = terms(
        "# O Kum Chol\n\nO Kum Chol is a North Korean general.\n\n## Career\n\n"
        "- **2010–2014** — Commander of the KPA Artillery Command.\n\n"
        "Kim Yong-chun commanded the KPA 6th Corps from 1990 to 1995. Ri Tong Chun commanded "
        "the Pyongyang Defence Command from 2003 to 2009.\n",
        known,
    )
    assert ("O Kum Chol", "chairman", "KPA Artillery Command", "2010", "2014") in got
    assert ("Kim Yong-chun", "chairman", "KPA 6th Corps", "1990", "1995") in got
    assert ("Ri Tong Chun", "chairman", "Pyongyang Defence Command", "2003", "2009") in got
    assert not any(t[2] == "kpa" for t in got)  # the command, not the army
