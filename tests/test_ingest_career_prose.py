"""Career prose of biographies (issue 15, class C): held-until clauses, predecessors and
successors, career lines that end a holding, and "he" after a sentence that names another
person only off its main line. Short synthetic biographies with varied names, organs, date
formats and word order; each class has a near miss that must draft nothing (or not that)."""

from __future__ import annotations

from typing import Any

from facts_helpers import terms as holding_terms

from kwpld.ingest import Known, read_text


def terms(text: str, known: Known) -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted."""
    media = "text/markdown" if text.startswith("#") else "text/plain"
    _, drafted = read_text(
        text, known=known, date="2024-03-01", article_type="analysis", media_type=media
    )
    return holding_terms(drafted)


def _of(got: set[tuple[Any, ...]], person: str) -> set[tuple[Any, ...]]:
    return {t for t in got if t[0] == person}


# -- 1. a holding's end printed after it ------------------------------------------------------


def test_a_post_he_held_until_after_the_title(known: Known) -> None:
    got = terms(
        "Ri Kun-sop\n\nRi Kun-sop (born 1941) is a North Korean politician.\n\n"
        "In September 2010 he was promoted to vice-premier of the Cabinet, a post he held "
        "until 2014. He was then appointed Minister of Chemical Industry and held the ministry "
        "until March 2017.\n",
        known,
    )
    assert ("Ri Kun-sop", "vice-chairman", "cabinet", "2010-09", "2014") in got
    assert ("Ri Kun-sop", "chairman", "Ministry of Chemical Industry", None, "2017-03") in got


def test_he_held_the_post_until_in_the_next_sentence(known: Known) -> None:
    got = terms(
        "Kim Chol-su\n\nKim Chol-su (born 1950) is a party official.\n\n"
        "In 2003 Kim was appointed director of the Agricultural Department. She was born in "
        "Kaesong, but he was raised in Pyongyang. He held the post until 12 May 2011.\n"
        "In 2012 Kim became chief secretary of the South Phyongan Provincial Party Committee. "
        "He remained in the post until 2019.\n",
        known,
    )
    assert ("Kim Chol-su", "first-secretary", "wpk-south-phyongan", "2012", "2019") in got


def test_held_until_far_from_the_title_or_of_another_thing_ends_nothing(known: Known) -> None:
    got = terms(
        "Ri Kun-sop\n\nRi Kun-sop (born 1941) is a North Korean politician.\n\n"
        "In 2010 he was appointed director of the Agricultural Department. He studied in "
        "Moscow until 1968.\n"
        "In 2015 he was elected a member of the Political Bureau, and the bureau met until "
        "2016.\n",
        known,
    )
    assert ("Ri Kun-sop", "director", "wpk-agriculture", "2010", None) in got
    assert ("Ri Kun-sop", "member", "wpk-pb", "2015", None) in got


# -- 2. predecessors and successors -------------------------------------------------------------


def test_succeeded_someone_as_a_title_with_a_relative_clause(known: Known) -> None:
    got = terms(
        "Pak To-chun\n\nPak To-chun (born 1944) is a former party secretary.\n\n"
        "In 2005 Pak succeeded Mun Tok-su, who had been Premier from 1977 to 1983, as chief "
        "secretary of the North Phyongan Provincial Party Committee. He held the post until "
        "September 2010.\n",
        known,
    )
    assert ("Pak To-chun", "first-secretary", "wpk-north-phyongan", "2005", "2010-09") in got
    assert ("Mun Tok-su", "first-secretary", "wpk-north-phyongan", None, "2005") in got
    assert ("Mun Tok-su", "chairman", "cabinet", "1977", "1983") in got
    # the premiership is Mun's, not the subject's
    assert not any(t[0] == "Pak To-chun" and t[2] == "cabinet" for t in got)


def test_became_a_title_when_he_replaced_someone(known: Known) -> None:
    got = terms(
        "Kang Sok-ju\n\nKang Sok-ju (1939-2016) was a diplomat.\n\n"
        "In September 2010 he was elected a member of the WPK Central Committee.\n"
        "In April 2014 Kang became director of the International Department, when he replaced "
        "Kim Yong-il, who had headed the department since 2010.\n",
        known,
    )
    assert ("Kim Yong-il", "director", "wpk-international", "2010", "2014-04") in got
    # the seat of the sentence before is not what Kim left
    assert not any(t[0] == "Kim Yong-il" and t[2] == "wpk-cc" for t in got)


def test_replaced_as_a_bare_title_by_a_successor(known: Known) -> None:
    got = terms(
        "Pak To-chun\n\nPak To-chun (born 1944) is a former party secretary.\n\n"
        "On 28 September 2010 Pak was appointed a secretary of the WPK Central Committee. "
        "He was elected a member of the Political Bureau in April 2012.\n"
        "In January 2021 Pak was not re-elected to the Political Bureau and was replaced as "
        "secretary by Ri Pyong-chol.\n",
        known,
    )
    assert ("Pak To-chun", "secretary", "wpk-cc", "2010-09-28", "2021-01") in got
    assert ("ri-pyong-chol", "secretary", "wpk-cc", "2021-01", None) in got
    # the successor takes the secretaryship, not the bureau seat
    assert not any(t[0] == "ri-pyong-chol" and t[2] == "wpk-pb" for t in got)


def test_relieved_and_replaced_at_the_time_by(known: Known) -> None:
    got = terms(
        "Kim Yong-il\n\nKim Yong-il (born 1944) was premier.\n\n"
        "On 7 June 2010 he was relieved as Premier and was replaced at the time by Choe "
        "Yong-rim.\n",
        known,
    )
    assert ("Choe Yong-rim", "chairman", "cabinet", "2010-06-07", None) in got


def test_a_predecessor_named_without_a_shared_post_drafts_nothing(known: Known) -> None:
    got = terms(
        "Ri Kun-sop\n\nRi Kun-sop (born 1941) is a North Korean politician.\n\n"
        "In 2005 Ri succeeded Mun Tok-su in the family business. Later he replaced his "
        "teacher, Han Yong-chol, at the chemistry institute.\n",
        known,
    )
    assert not _of(got, "Mun Tok-su")
    assert not _of(got, "Han Yong-chol")


def test_predecessor_as_a_title_named(known: Known) -> None:
    got = terms(
        "Choe Thae-bok\n\nChoe Thae-bok (born 1930) is a North Korean politician.\n\n"
        "In 1998 Choe was elected Chairman of the Supreme People's Assembly. He was elected "
        "a member of the Political Bureau in 2010. Choe's predecessor as chairman of the "
        "Assembly, Yang Hyong-sop, was made a vice-president of the Presidium of the Supreme "
        "People's Assembly in 1998.\n",
        known,
    )
    assert ("Yang Hyong-sop", "chairman", "spa", None, "1998") in got
    assert not any(t[0] == "Yang Hyong-sop" and t[2] == "wpk-pb" for t in got)


# -- 3. career lines that end a holding, with a successor ---------------------------------------


def test_career_lines_that_end_a_holding_and_name_a_successor(known: Known) -> None:
    got = terms(
        "# Choe Thae-bok\n\nChoe Thae-bok (born 1930) is a North Korean politician.\n\n"
        "## Chronology\n\n"
        "- 1986: Appointed Minister of Education\n"
        "- Relieved as Minister of Education (1990)\n"
        "- 1998: Elected Chairman of the Supreme People's Assembly\n"
        "- April 2019: Retired as Chairman of the Supreme People's Assembly, succeeded by "
        "Pak Thae-song\n",
        known,
    )
    assert ("Choe Thae-bok", "chairman", "Ministry of Education", "1986", "1990") in got
    assert ("Choe Thae-bok", "chairman", "spa", "1998", "2019-04") in got
    assert ("Pak Thae-song", "chairman", "spa", "2019-04", None) in got
    # an ending line is no holding of its own
    assert not any(t[2] == "spa" and t[3] == "2019-04" and t[0] == "Choe Thae-bok" for t in got)


def test_a_chronology_with_dates_first_and_last(known: Known) -> None:
    got = terms(
        "Jon Il-chun\n\nJon Il-chun (born 1941) is a North Korean official.\n\n"
        "Career\n"
        "* 2014: Appointed director of the Economic Department\n"
        "* Elected an alternate member of the Political Bureau (May 2016)\n"
        "* August 2017 - Promoted to full member of the Political Bureau\n"
        "* Recalled from the Political Bureau (January 2021)\n",
        known,
    )
    assert ("Jon Il-chun", "director", "wpk-economic", "2014", None) in got
    assert ("Jon Il-chun", "alternate-member", "wpk-pb", "2016-05", "2017-08") in got
    assert ("Jon Il-chun", "member", "wpk-pb", "2017-08", "2021-01") in got


# -- 4. "he" after a sentence naming another person off its main line ---------------------------


def test_he_after_replacing_someone_who_was_relieved_is_the_subject(known: Known) -> None:
    got = terms(
        "Ri Kun-sop\n\nRi Kun-sop (born 1941) is a North Korean politician.\n\n"
        "Ri's promotion in December 1988, replacing Han Yong-chol, who was relieved for "
        "reasons of health, surprised observers. He was relieved as Premier in December 1992.\n",
        known,
    )
    assert ("Ri Kun-sop", "chairman", "cabinet", None, "1992-12") in got
    assert not _of(got, "Han Yong-chol")


def test_he_after_a_relative_clause_naming_a_relative(known: Known) -> None:
    got = terms(
        "# Choe Thae-bok\n\nChoe Thae-bok (born 1930) is a North Korean politician.\n\n"
        "He was elected a member of the Political Bureau in September 2010. The session was "
        "chaired by Kim Yong-dae, whose deputy was Yang Hyong-sop. He was dropped from the "
        "Political Bureau in January 2021.\n",
        known,
    )
    assert ("Choe Thae-bok", "member", "wpk-pb", "2010-09", "2021-01") in got
    assert not _of(got, "Yang Hyong-sop")


def test_he_after_a_sentence_whose_subject_is_another_person_stays_that_person(
    known: Known,
) -> None:
    # a biography quoting another person's career: that career is not the subject's
    got = terms(
        "Ri Kun-sop\n\nRi Kun-sop (born 1941) is a North Korean politician.\n\n"
        "His mentor Han Yong-chol taught chemistry in Hamhung. Han Yong-chol later moved to "
        "Pyongyang. He was appointed Minister of Chemical Industry in 1985.\n",
        known,
    )
    assert ("Han Yong-chol", "chairman", "Ministry of Chemical Industry", "1985", None) in got
    assert not any(t[0] == "Ri Kun-sop" and "Chemical" in str(t[2]) for t in got)


def test_a_past_title_after_a_change_only_with_its_period(known: Known) -> None:
    got = terms(
        "Kim Yang-gon\n\nKim Yang-gon (1942-2015) was a party official.\n\n"
        "He was elected a secretary of the Central Committee at the party conference in "
        "September 2010 and was a deputy to the Supreme People's Assembly from 2009.\n"
        "Ri Yong-su was appointed director of the Agricultural Department in 2012 and was a "
        "member of the Political Bureau.\n",
        known,
    )
    assert ("Kim Yang-gon", "member", "spa", "2009", None) in got
    assert ("Kim Yang-gon", "secretary", "wpk-cc", "2010-09", None) in got
    # undated: which time "was" speaks of, the sentence does not say
    assert not any(t[0] == "Ri Yong-su" and t[2] == "wpk-pb" for t in got)


def test_transferred_to_an_organ_as_a_role_then_made_its_head(known: Known) -> None:
    got = terms(
        "Kim Yong-il\n\nKim Yong-il (born 1944) is a North Korean politician.\n\n"
        "In 1979 he was transferred to the Transport Department of the WPK Central Committee as "
        "a vice-director, and in 1986 was made director of the department, a post he held until "
        "1994.\n"
        "In 1995 Ri Chol-ho was transferred to the Agricultural Department. He was later moved "
        "to the Economic Department as its first vice director.\n",
        known,
    )
    assert ("Kim Yong-il", "vice-director", "Transport Department", "1979", None) in got
    assert ("Kim Yong-il", "director", "Transport Department", "1986", "1994") in got
    assert ("Ri Chol-ho", "first-vice-director", "wpk-economic", None, None) in got
    # a transfer with no role is no seat; "as its first vice director" is no seat either
    assert not any(t[0] == "Ri Chol-ho" and t[1] == "member" for t in got)


def test_a_family_name_before_a_title_is_the_person_named_before(known: Known) -> None:
    got = terms(
        "Kim Yong-il\n\nKim Yong-il (born 1944) is a North Korean politician.\n\n"
        "On 11 April 2007 the 5th session of the 11th Supreme People's Assembly appointed Kim "
        "Premier, replacing Pak Pong-ju, who had been relieved after a dispute over prices.\n",
        known,
    )
    assert ("Kim Yong-il", "chairman", "cabinet", "2007-04-11", None) in got
    assert ("pak-pong-ju", "chairman", "cabinet", None, "2007-04-11") in got


def test_a_death_on_a_weekday_ends_the_seats_the_obituary_gives(known: Known) -> None:
    _, drafted = read_text(
        "N. Korean official dies\n\nSEOUL, Dec. 30 (Yonhap) -- Kim Yang-gon, North Korea's top "
        "official in charge of inter-Korean affairs, died in a traffic accident on Tuesday, the "
        "North's state media said Wednesday.\n\nHe had been a deputy to the Supreme People's "
        "Assembly since 2009.\n",
        known=known, date="2015-12-30", article_type="news",
    )  # fmt: skip
    got = holding_terms(drafted)
    assert ("Kim Yang-gon", "member", "spa", "2009", "2015-12-29") in got
    # the report's own weekday ("said Wednesday") is no date of the death
    assert not any(t[4] == "2015-12-30" for t in got)


# -- 4. a directory's verbless chronology under a page's heading (class H) -----------------------


def test_month_dated_lines_under_a_section_heading_are_the_pages_subject(known: Known) -> None:
    got = terms(
        "# Kang Myong-sik (강명식)\n\n*Directory entry, updated 2023.*\n\n## Career\n\n"
        "- 1999.3 Instructor, Organization and Guidance Department, WPK Central Committee\n"
        "- 2012.4 First Vice Director, Propaganda and Agitation Department, WPK Central "
        "Committee\n"
        "- 2016.5 Member, WPK Central Committee; Vice Chairman, WPK Central Committee\n"
        "- 2017.10 Alternate Member, WPK Political Bureau\n",
        known,
    )
    assert _of(got, "Kang Myong-sik") == {
        ("Kang Myong-sik", "first-vice-director", "wpk-pad", "2012-04", None),
        ("Kang Myong-sik", "member", "wpk-cc", "2016-05", None),
        ("Kang Myong-sik", "vice-chairman", "wpk-cc", "2016-05", None),
        ("Kang Myong-sik", "alternate-member", "wpk-pb", "2017-10", None),
    }  # no "Instructor": not a role


def test_ending_lines_of_a_chronology_end_one_title_and_start_the_successors(
    known: Known,
) -> None:
    got = terms(
        "# So Hong-chan\n\n## Positions\n\n"
        "2010.9 Alternate Member, Political Bureau of the WPK Central Committee\n"
        "2014.4 First Secretary, Central Committee of the Kim Il Sung Socialist Youth League; "
        "Member, WPK Central Committee\n"
        "2018.1 Relieved as First Secretary, Central Committee of the Kim Il Sung Socialist "
        "Youth League (replaced by Mun Chol-jin)\n"
        "2021.1 Not re-elected to the Political Bureau at the 8th Party Congress\n",
        known,
    )
    league = "Central Committee of the Kim Il Sung Socialist Youth League"
    assert ("So Hong-chan", "first-secretary", league, "2014-04", "2018-01") in got
    assert ("Mun Chol-jin", "first-secretary", league, "2018-01", None) in got
    assert ("So Hong-chan", "alternate-member", "wpk-pb", "2010-09", "2021-01") in got
    # the relief ends the league's post only, not his seat on the party's Central Committee
    assert ("So Hong-chan", "member", "wpk-cc", "2014-04", None) in got


def test_chronology_lines_past_a_rule_or_not_a_title_draft_nothing(known: Known) -> None:
    got = terms(
        "# Kang Myong-sik\n\n## Career\n\n"
        "- 1984.9 Graduated, Kim Il Sung University\n"
        "- 2003.2 Studied in Moscow\n"
        "----\n"
        "- 2017.10 Alternate Member, WPK Political Bureau\n",
        known,
    )
    assert not _of(got, "Kang Myong-sik")


# -- 5. "since" clauses after titles (class H) ---------------------------------------------------


def _news(text: str, known: Known) -> set[tuple[Any, ...]]:
    _, drafted = read_text(text, known=known, date="2012-04-16", article_type="news")
    return holding_terms(drafted)


def test_posts_he_has_held_since_dates_every_title_the_plural_names(known: Known) -> None:
    got = _news(
        "SEOUL, April 16 (Reuters) - Jang Song Thaek is vice chairman of the National Defence "
        "Commission and an alternate member of the party's Political Bureau, posts he has held "
        "since 2010.",
        known,
    )
    assert ("jang-song-taek", "vice-chairman", "ndc", "2010", None) in got
    assert ("jang-song-taek", "alternate-member", "wpk-pb", "2010", None) in got
    got = _news(
        "TOKYO, April 16 (Kyodo) - Choe Ryong Hae, who is now a secretary of the WPK Central "
        "Committee, was president of the Presidium of the Supreme People's Assembly, a title he "
        "had held since April 2019.",
        known,
    )
    assert ("choe-ryong-hae", "chairman", "spa-presidium", "2019-04", None) in got


def test_a_post_held_since_after_two_titles_dates_neither_of_the_others(known: Known) -> None:
    got = _news(
        "SEOUL, April 16 (Reuters) - Jang Song Thaek is vice chairman of the National Defence "
        "Commission and an alternate member of the party's Political Bureau, a post he has held "
        "since 2010.",
        known,
    )
    assert ("jang-song-taek", "vice-chairman", "ndc", "2010", None) not in got
    # a date of another kind after the title is no start ("a post created in 2010")
    got = _news(
        "SEOUL, April 16 (Reuters) - Kim Yong Nam is president of the Presidium of the Supreme "
        "People's Assembly, a post created in 1998.",
        known,
    )
    assert ("kim-yong-nam", "chairman", "spa-presidium", "1998", None) not in got


# -- 6. periods in parentheses after a title (class H) -------------------------------------------


def test_a_period_in_parentheses_after_a_title_is_its_term(known: Known) -> None:
    got = terms(
        "Pak Myong-sun\n\nPak Myong-sun (born 1952) is a North Korean official.\n\n"
        "She was a member of the Political Bureau (2016–2021). Pak Myong-sun was also director "
        "of the Economic Department (March 2012 – May 2019) and later a Vice-Chief of the "
        "General Staff (2019– ).\n",
        known,
    )
    assert ("Pak Myong-sun", "member", "wpk-pb", "2016", "2021") in got
    assert ("Pak Myong-sun", "director", "wpk-economic", "2012-03", "2019-05") in got


def test_parentheses_that_are_not_periods_date_nothing(known: Known) -> None:
    got = terms(
        "Pak Myong-sun\n\nPak Myong-sun (born 1952) is a North Korean official.\n\n"
        "She was a member of the Political Bureau (born 1952 in Kaesong). She is director of "
        "the Economic Department (2019, in Pyongyang).\n",
        known,
    )
    assert not any(t[0] == "Pak Myong-sun" and t[3] in ("1952", "2019") for t in got)


def test_a_change_with_its_term_in_parentheses_ends_at_the_terms_end(known: Known) -> None:
    got = terms(
        "Mun Kyong-dok\n\nMun Kyong-dok (born 1957) is a North Korean politician.\n\n"
        "At the 7th Congress in May 2016 he was elected a member of the Political Bureau "
        "(2016–2021). In 2010 he was appointed chief secretary of the Pyongyang City Party "
        "Committee (born in Kaesong).\n",
        known,
    )
    assert ("Mun Kyong-dok", "member", "wpk-pb", "2016-05", "2021") in got
    assert ("Mun Kyong-dok", "first-secretary", "wpk-pyongyang", "2010", None) in got


# -- an object pronoun is not its own clause's subject ----------------------------------------


def test_succeeded_him_ends_the_earlier_holder_not_the_successor(known: Known) -> None:
    got = terms(
        "Kim Yong Nam served as president of the Presidium of the Supreme People's Assembly "
        "from 1998. In April 2019 Choe Ryong Hae succeeded him as president of the Presidium.\n",
        known,
    )
    choe = _of(got, "choe-ryong-hae")
    assert choe and all(t[4] is None for t in choe), got  # Choe's term has no end
    assert any(t[3] == "2019-04" for t in choe), got
    assert ("kim-yong-nam", "chairman", "spa-presidium", "1998", "2019-04") in got


def test_him_after_a_clause_boundary_is_still_the_person_named(known: Known) -> None:
    # near miss: "elected Pak ... and appointed him" — him is Pak (no subject verb between)
    got = terms(
        "The session elected Pak Pong Ju a deputy and appointed him Premier of the Cabinet "
        "in April 2003.\n",
        known,
    )
    assert any(t[0] == "pak-pong-ju" and t[1] == "chairman" and t[2] == "cabinet" for t in got), got

