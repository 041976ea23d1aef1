"""Career chronologies and profile items without a subject (issue 15, class CD): a career item's
further titles ("elected a vice-chairman of X and a member of Y"), an item's parts that end a
holding by its role alone ("Relieved as vice-chairman at ...", "replaced as provincial chief
secretary by Y") and begin one in a province named before the title ("returned to North
Phyongan as provincial chief secretary"), "serving until", a deputy's seats per convocation,
lists of past holders with periods, table notes that open with a change, "also" after a dated
change, and "served as a deputy director and then, from 1975, first vice director of X".
Synthetic texts with other people and years than the development texts; each rule with a near
miss that must draft nothing (or not that)."""

from __future__ import annotations

from typing import Any

from facts_helpers import terms as holding_terms

from kwpld.ingest import Known, read_text


def terms(text: str, known: Known, date: str = "2024-03-01") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted."""
    media = "text/markdown" if text.lstrip().startswith("#") else "text/plain"
    _, drafted = read_text(
        text, known=known, date=date, article_type="report", media_type=media
    )
    return holding_terms(drafted)


def _of(got: set[tuple[Any, ...]], person: str) -> set[tuple[Any, ...]]:
    return {t for t in got if t[0] == person}


_PROFILE = "# Ri Chol Ho (리철호)\n\nRi Chol Ho is a North Korean party official.\n\n## Career\n\n"


# -- 1. an item's further titles ----------------------------------------------------------------


def test_an_item_gives_each_title_joined_by_and_a(known: Known) -> None:
    got = terms(
        _PROFILE + "- **October 2012**: At a plenary meeting, elected a secretary of the WPK "
        "Central Committee, an alternate member of the Political Bureau and a member of the "
        "Central Military Commission.\n",
        known,
    )
    assert ("Ri Chol Ho", "secretary", "wpk-cc", "2012-10", None) in got
    assert ("Ri Chol Ho", "alternate-member", "wpk-pb", "2012-10", None) in got
    assert ("Ri Chol Ho", "member", "wpk-cmc", "2012-10", None) in got


def test_each_sentence_of_an_item_gives_its_title(known: Known) -> None:
    got = terms(
        _PROFILE + "- **9 October 2015**: At a plenary meeting, elected an alternate member of "
        "the Political Bureau. Appointed director of the Cadres Department shortly after.\n",
        known,
    )
    assert ("Ri Chol Ho", "alternate-member", "wpk-pb", "2015-10-09", None) in got
    assert ("Ri Chol Ho", "director", "wpk-cadres", "2015-10-09", None) in got


def test_a_title_after_another_persons_name_is_not_joined(known: Known) -> None:
    got = terms(
        _PROFILE + "- **2001**: Elected a member of the Central Committee, together with Pak Su "
        "Gil, a vice director of the Propaganda and Agitation Department.\n",
        known,
    )
    assert ("Ri Chol Ho", "member", "wpk-cc", "2001", None) in got
    assert not {t for t in _of(got, "Ri Chol Ho") if t[2] == "wpk-pad"}


# -- 2. an item's parts that end a holding by its role alone --------------------------------------


def test_relieved_by_role_alone_ends_the_latest_holding_and_the_next_part_begins(
    known: Known,
) -> None:
    got = terms(
        _PROFILE
        + "- **2006–2011**: Chief secretary of the Jagang Provincial Party Committee.\n"
        "- **April 2012**: Elected a vice-chairman of the Central Committee.\n"
        "- **December 2015**: Relieved as vice-chairman at a plenary meeting and returned to "
        "North Phyongan as provincial chief secretary.\n"
        "- **March 2018**: Replaced as provincial chief secretary by Kim Nung O.\n",
        known,
    )
    assert ("Ri Chol Ho", "vice-chairman", "wpk-cc", "2012-04", "2015-12") in got
    assert ("Ri Chol Ho", "first-secretary", "wpk-north-phyongan", "2015-12", "2018-03") in got
    assert ("Kim Nung O", "first-secretary", "wpk-north-phyongan", "2018-03", None) in got


def test_a_role_alone_with_no_holding_of_it_ends_nothing(known: Known) -> None:
    got = terms(
        _PROFILE + "- **2009**: Elected a member of the Central Committee.\n"
        "- **2013**: Replaced as provincial chief secretary by Kim Nung O.\n",
        known,
    )
    assert ("Ri Chol Ho", "member", "wpk-cc", "2009", None) in got
    assert not {t for t in got if t[0] == "Kim Nung O"}


# -- 3. serving until ---------------------------------------------------------------------------


def test_serving_until_ends_the_item_title(known: Known) -> None:
    got = terms(
        _PROFILE + "- **April 2009**: Appointed vice-premier of the Cabinet at the 1st session "
        "of the 12th SPA, serving until 2013.\n",
        known,
    )
    assert ("Ri Chol Ho", "vice-chairman", "cabinet", "2009-04", "2013") in got


def test_studying_until_is_no_end(known: Known) -> None:
    got = terms(
        _PROFILE + "- **1996**: Appointed vice-premier of the Cabinet, studying economics at "
        "night until 2001.\n",
        known,
    )
    assert ("Ri Chol Ho", "vice-chairman", "cabinet", "1996", None) in got


# -- 4. a deputy's seats per convocation -----------------------------------------------------------


def test_re_elected_to_convocations_gives_a_seat_each(known: Known) -> None:
    got = terms(
        _PROFILE + "- **1986**: Elected a deputy to the 8th Supreme People's Assembly. "
        "Re-elected to the 9th (1990), 10th (1998) and 11th (2003) SPA.\n",
        known,
    )
    seats = {t[3] for t in _of(got, "Ri Chol Ho") if t[2] == "spa"}
    assert seats == {"1986", "1990", "1998", "2003"}


def test_years_of_other_things_give_no_seat(known: Known) -> None:
    got = terms(
        _PROFILE + "- **1986**: Elected a deputy to the 8th Supreme People's Assembly; visited "
        "the 9th (1990) and 10th (1998) youth festivals.\n",
        known,
    )
    assert {t[3] for t in _of(got, "Ri Chol Ho") if t[2] == "spa"} == {"1986"}


# -- 5. lists of past holders ------------------------------------------------------------------


def test_its_past_directors_each_hold_the_post_over_their_period(known: Known) -> None:
    got = terms(
        "Seoul, May 3 (Yonhap) -- The Propaganda and Agitation Department has been led by "
        "veterans. Its directors have included Kim Ki Nam (1989-2007), Ri Pyong Gyu "
        "(2007-2012) and Kim Ki Nam (2012-2017).\n\n"
        "Previous first vice directors of the department: Ri Jae Il (2012-2020) and Kim Yong "
        "Ho (2020).\n\nPast chairmen of the State Planning Commission include Kim Kwang Jin "
        "(1998-2003) and Pak Chol Nam (2003-2009).\n",
        known,
        date="2021-05-03",
    )
    assert ("Ri Pyong Gyu", "director", "wpk-pad", "2007", "2012") in got
    assert ("Kim Ki Nam", "director", "wpk-pad", "1989", "2007") in got
    assert ("Ri Jae Il", "first-vice-director", "wpk-pad", "2012", "2020") in got
    assert ("Kim Yong Ho", "first-vice-director", "wpk-pad", "2020", None) in got
    assert ("Pak Chol Nam", "chairman", "state-planning-commission", "2003", "2009") in got


def test_places_ages_and_names_without_periods_are_no_past_holders(known: Known) -> None:
    got = terms(
        "Seoul, May 3 (Yonhap) -- The Propaganda and Agitation Department has offices abroad. "
        "Its directors have included Kim Ki Nam and Ri Pyong Gyu. Its bureaus opened in "
        "Beijing (1992) and Hanoi (2001). Ri Jae Il (68) was named first vice director of the "
        "Propaganda and Agitation Department in 2012.\n",
        known,
        date="2021-05-03",
    )
    assert not {t for t in got if t[0] in ("Kim Ki Nam", "Ri Pyong Gyu")}
    assert ("Ri Jae Il", "first-vice-director", "wpk-pad", "2012", None) in got
    assert not {t for t in _of(got, "Ri Jae Il") if t[3] == "68"}


# -- 6. table notes that open with a change --------------------------------------------------------


_TABLE = (
    "# Chief secretaries of the Jagang Provincial Party Committee\n\n"
    "| # | Chief secretary | Took office | Left office | Notes |\n"
    "| --- | --- | --- | --- | --- |\n"
)


def test_a_change_note_holds_from_its_date_or_the_row_end(known: Known) -> None:
    got = terms(
        _TABLE
        + "| 1 | Yon Hyong Muk | 1993 | 2004 | Named a vice-chairman of the National Defence "
        "Commission in September 2003 |\n"
        "| 2 | Pak To Chun | 2004 | 2010 | Became a secretary of the Central Committee |\n"
        "| 3 | Kang Pong Hun | 2010 | 2015 | Moved to the Kim Il Sung Higher Party School |\n",
        known,
    )
    assert ("Yon Hyong Muk", "vice-chairman", "ndc", "2003-09", None) in got
    assert ("Pak To Chun", "secretary", "wpk-cc", "2010", None) in got
    kang = _of(got, "Kang Pong Hun")  # the row's term only: the school is no organ
    assert len(kang) == 1 and next(iter(kang))[1:2] == ("first-secretary",)


def test_a_change_note_without_its_organ_is_none(known: Known) -> None:
    got = terms(
        _TABLE + "| 1 | Yon Hyong Muk | 1993 | 2004 | became First Vice-President |\n",
        known,
    )
    assert len(_of(got, "Yon Hyong Muk")) == 1


def test_a_replaced_column_beside_appointed_ends_the_term(known: Known) -> None:
    got = terms(
        "# Ministers of People's Armed Forces\n\n"
        "| Minister | Appointed | Replaced |\n| --- | --- | --- |\n"
        "| Choe Kwang | October 1995 | February 1997 |\n",
        known,
    )
    assert ("Choe Kwang", "chairman", "mpaf", "1995-10", "1997-02") in got


# -- 7. "also" after a dated change


def test_also_re_elected_takes_the_date_of_the_change_before(known: Known) -> None:
    got = terms(
        "Ri Chol Ho\n\nRi Chol Ho (born 1940) is a North Korean politician.\n\n"
        "At the 6th Congress of the Workers' Party of Korea on 14 October 1980, he was elected "
        "a secretary of the Central Committee. He was also re-elected a member of the Central "
        "Committee.\n",
        known,
    )
    assert ("Ri Chol Ho", "member", "wpk-cc", "1980-10-14", None) in got


def test_a_projection_with_also_stays_undated(known: Known) -> None:
    got = terms(
        "Ri Chol Ho, who was appointed director of the Cadres Department in March 2017, is "
        "often at the leader's side. It is likely that he will also be given a seat in the "
        "Political Bureau.\n",
        known,
    )
    assert not {t for t in _of(got, "Ri Chol Ho") if t[2] == "wpk-pb" and t[3] is not None}


# -- 8. "served as T1 and then, from D, T2"


def test_served_as_a_deputy_and_then_from_a_year_first_vice_director(known: Known) -> None:
    got = terms(
        "Ri Chol Ho\n\nRi Chol Ho (born 1940) is a North Korean politician.\n\n"
        "Ri was born in Kaechon. He served as a vice director and then, from 1981, first vice "
        "director of the Cadres Department of the party's Central Committee. He was later a "
        "vice-minister and, from 1994, Minister of Chemical Industry.\n",
        known,
    )
    assert ("Ri Chol Ho", "vice-director", "wpk-cadres", None, None) in got
    assert ("Ri Chol Ho", "first-vice-director", "wpk-cadres", "1981", None) in got
    assert ("Ri Chol Ho", "chairman", "Ministry of Chemical Industry", "1994", None) in got
    assert ("Ri Chol Ho", "vice-chairman", "Ministry of Chemical Industry", None, None) in got


def test_and_then_from_without_a_title_after_it_is_none(known: Known) -> None:
    got = terms(
        "Ri Chol Ho\n\nRi Chol Ho (born 1940) is a North Korean politician.\n\n"
        "Ri was born in Kaechon. He served as a vice director and then, from 1981, lived in "
        "Kanggye.\n",
        known,
    )
    assert not {t for t in _of(got, "Ri Chol Ho") if t[1] == "vice-director"}


def test_a_decade_ends_a_sentence_before_he(known: Known) -> None:
    got = terms(
        "Ri Chol Ho\n\nRi Chol Ho (born 1940) is a North Korean politician.\n\n"
        "Ri was born in Kaechon. After studying in Moscow, he joined the secretariat of Kim Il "
        "Sung in the 1960s. He served as a vice director and then, from 1981, first vice "
        "director of the Cadres Department.\n",
        known,
    )
    assert ("Ri Chol Ho", "first-vice-director", "wpk-cadres", "1981", None) in got
    assert not {t for t in got if t[0] == "kim-il-sung" and t[2] == "wpk-cadres"}


def test_a_bulleted_change_item_holds_from_its_one_date(known: Known) -> None:
    got = terms(
        "# Ri Chol Ho (리철호)\n\nRi Chol Ho is a North Korean party official.\n\n"
        "## Other posts\n\n"
        "- Became a secretary of the Central Committee in 1986.\n"
        "- Elected a vice-chairman of the Central Committee in April 2016.\n"
        "- Met Hu Jintao in 2009.\n"
        "- Became a model worker in 1975.\n"
        "- Appointed director of the Cadres Department in 2010 and 2015.\n",
        known,
    )
    assert ("Ri Chol Ho", "secretary", "wpk-cc", "1986", None) in got
    assert ("Ri Chol Ho", "vice-chairman", "wpk-cc", "2016-04", None) in got
    assert {t[2] for t in _of(got, "Ri Chol Ho")} == {"wpk-cc"}  # two dates: not one start
    assert not {t for t in got if "Hu" in t[0]}


def test_a_period_after_a_term_that_touches_its_end_is_the_next_term(known: Known) -> None:
    got = terms(
        _PROFILE + "- **1986–1992**: Vice-premier of the Administration Council.\n"
        "- **December 1992**: Appointed vice-premier at the 4th session of the 9th SPA, serving "
        "until 1997.\n"
        "- **2001–2005**: Minister of Chemical Industry.\n"
        "- **March 2001**: Appointed Minister of Chemical Industry.\n",
        known,
    )
    vice = {t[3:] for t in _of(got, "Ri Chol Ho") if t[2] == "cabinet"}
    assert vice == {("1986", "1992"), ("1992-12", "1997")}
    chem = {t[3:] for t in _of(got, "Ri Chol Ho") if t[2] == "Ministry of Chemical Industry"}
    assert len(chem) == 1  # the same start: one term
