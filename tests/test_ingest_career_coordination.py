"""Career prose of biographies (issue 15, class N): co-members named in a "with" list right
after a title someone was given ("was made a secretary of the Central Committee, together with
A, B and C", "one of the four vice-chairmen of the NDC in 2010-2012, with A and B"), and the
year headings of a profile dating the year-less dates under them ("## 2019 ... in March").
Short synthetic biographies with varied names, organs, voice and word order; each class has a
near miss that must not draft (or not that)."""

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


_HEAD = "Ri Kun-sop\n\nRi Kun-sop (born 1941) is a North Korean politician.\n\n"


# -- 1. co-members: "together with A, B and C" after a title given ----------------------------


def test_together_with_after_a_passive_appointment(known: Known) -> None:
    got = terms(
        _HEAD + "In October 1966 he was made a secretary of the Central Committee, together "
        "with Kim Yong-ju, Ri Hyo-sun and Kim To-man.\n",
        known,
    )
    for person in ("Ri Kun-sop", "Kim Yong-ju", "Ri Hyo-sun", "Kim To-man"):
        assert (person, "secretary", "wpk-cc", "1966-10", None) in got


def test_along_with_after_an_active_election(known: Known) -> None:
    got = terms(
        _HEAD + "In September 1998 the session elected him a member of the National Defence "
        "Commission, along with Jon Pyong-ho and Kim Il-chol.\n",
        known,
    )
    assert ("Jon Pyong-ho", "member", "ndc", "1998-09", None) in got
    assert ("Kim Il-chol", "member", "ndc", "1998-09", None) in got


def test_one_of_the_four_with_a_range(known: Known) -> None:
    got = terms(
        _HEAD + "In 2010-2012 he was one of the four vice-chairmen of the National Defence "
        "Commission, with Ri Yong Mu, O Kuk Ryol and Jang Song Thaek.\n",
        known,
    )
    for person in ("Ri Kun-sop", "Ri Yong Mu", "O Kuk Ryol", "jang-song-taek"):
        assert (person, "vice-chairman", "ndc", "2010", "2012") in got


def test_with_after_a_verb_of_travel_or_company_gives_no_seat(known: Known) -> None:
    got = terms(
        _HEAD + "In 1998 he was elected a member of the Political Bureau. In 1999 he "
        "travelled to Moscow and Berlin with Nam Il and Pak Song-chol. Analysts grouped him "
        "with Ri Yong Mu and O Kuk Ryol as the generals closest to the leader.\n",
        known,
    )
    assert ("Ri Kun-sop", "member", "wpk-pb", "1998", None) in got
    for person in ("Nam Il", "Pak Song-chol", "Ri Yong Mu", "O Kuk Ryol"):
        assert not _of(got, person)


def test_with_not_right_after_the_title_gives_no_seat(known: Known) -> None:
    got = terms(
        _HEAD + "In 2019 he was appointed premier of the Cabinet, with Kim Tok Hun and Pak "
        "Jong Gun looking on. In 2020 he was elected to the Political Bureau at the congress, "
        "which he attended with Jo Yong Won and Ri Il Hwan.\n",
        known,
    )
    assert not _of(got, "kim-tok-hun") and not _of(got, "Pak Jong Gun")
    assert not _of(got, "jo-yong-won") and not _of(got, "Ri Il Hwan")


# -- 2. year headings date the year-less dates under them ------------------------------------


def test_year_heading_dates_the_months_under_it(known: Known) -> None:
    got = terms(
        "# Kim Jae Ryong\n\nKim Jae Ryong is a party official.\n\n## 2015\n\nKim was named "
        "chief secretary of the Jagang Provincial Committee of the WPK in March.\n\n## 2019\n\n"
        "The 4th Plenary Meeting of the 7th Central Committee, held on April 10, elected him "
        "a member of the Political Bureau of the WPK Central Committee.\n",
        known,
    )
    assert ("Kim Jae Ryong", "first-secretary", "Jagang Provincial Committee", "2015-03",
            None) in got  # fmt: skip
    assert ("Kim Jae Ryong", "member", "wpk-pb", "2019-04-10", None) in got


def test_a_span_heading_or_another_heading_leaves_the_article_year(known: Known) -> None:
    got = terms(
        "# Kim Jae Ryong\n\nKim Jae Ryong is a party official.\n\n## 2015-2016\n\nKim was "
        "named chief secretary of the Jagang Provincial Committee of the WPK in March.\n\n"
        "## 2019\n\nHe was promoted.\n\n## Recent years\n\nHe was elected a member of the "
        "Political Bureau of the WPK Central Committee in January.\n",
        known,
    )
    assert ("Kim Jae Ryong", "first-secretary", "Jagang Provincial Committee", "2024-03",
            None) in got  # fmt: skip
    assert ("Kim Jae Ryong", "member", "wpk-pb", "2024-01", None) in got


# -- 3. "X was relieved as premier, and Y succeeded him" ---------------------------------------


def test_successor_named_after_the_end_as_subject(known: Known) -> None:
    got = terms(
        _HEAD + "At an enlarged meeting of the Political Bureau in August 2020 he was relieved "
        "as premier, and Kim Tok Hun succeeded him. In May 2016 he was dismissed as director of "
        "the Organization and Guidance Department; Ri Il Hwan replaced him.\n",
        known,
    )
    assert ("kim-tok-hun", "chairman", "cabinet", "2020-08", None) in got
    assert ("Ri Il Hwan", "director", "wpk-ogd", "2016-05", None) in got


def test_succeeded_him_without_an_end_in_the_sentence_gives_nothing(known: Known) -> None:
    got = terms(
        _HEAD + "In 2015 he was appointed premier of the Cabinet. He retired to Kaesong in "
        "2020, and Kim Tok Hun succeeded him.\n",
        known,
    )
    assert not _of(got, "kim-tok-hun")
