"""Career prose follow-ups (issue 15, class N): a person's name inside an institution's name
that a wrapped paragraph splits over two lines ("the Kim Il Sung Military" / "University") is
no mention of that person, so no pronoun goes to them and no holding is theirs; a ministry
named in prose after a career verb ("transferred to the Ministry of X as its minister", "named
minister of light industry in 1951"). Short synthetic biographies with a near miss for each."""

from __future__ import annotations

from typing import Any

from facts_helpers import terms as holding_terms

from kwpld.ingest import Known, read_text


def terms(text: str, known: Known) -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted."""
    _, drafted = read_text(
        text, known=known, date="2024-03-01", article_type="analysis", media_type="text/plain"
    )
    return holding_terms(drafted)


# -- 1. a name inside an institution's name, split over two lines ------------------------------


def test_wrapped_university_name_is_no_antecedent(known: Known) -> None:
    got = terms(
        "PAK SONG CHOL (1941-2016)\n\nArmy officer. Graduated from the Kim Il Sung Military\n"
        "University; served on the eastern front.\n\nIn October 1995 he was appointed Chief of "
        "the General Staff of the Korean People's Army.\n",
        known,
    )
    assert not any(t[0] == "kim-il-sung" for t in got)
    assert ("PAK SONG CHOL", "chairman", "kpa-general-staff", "1995-10", None) in got


def test_wrapped_higher_party_school_is_no_subject(known: Known) -> None:
    got = terms(
        "Ri Chol-man\n\nRi Chol-man studied at the Kim Il Sung Higher\nParty School and the "
        "Kim Chaek University of Technology. In 2009 he was appointed Minister of People's "
        "Armed Forces.\n",
        known,
    )
    assert not any(t[0] == "kim-il-sung" for t in got)
    assert any(t[0] == "Ri Chol-man" and t[2] == "mpaf" for t in got)


def test_real_subject_before_a_wrapped_line_is_kept(known: Known) -> None:
    # near miss: a name ends a line and the next line opens with capitals that are a title,
    # not a facility's name
    got = terms(
        "Notes\n\nIn September 1948 Kim Il Sung was appointed\nPremier of the Cabinet and Pak "
        "Hon Yong\nVice-Premier of the Cabinet.\n",
        known,
    )
    assert ("Pak Hon Yong", "vice-chairman", "cabinet", "1948-09", None) in got
    assert ("kim-il-sung", "chairman", "cabinet", "1948-09", None) in got


def test_real_subject_then_institution_named_after_him(known: Known) -> None:
    # the same name as a person and, later, inside a university's name
    got = terms(
        "Kim Il Sung was elected chairman of the Central Committee in June 1949. The Kim Il "
        "Sung\nUniversity opened in 1946.\n",
        known,
    )
    assert any(t[0] == "kim-il-sung" and t[2] == "wpk-cc" for t in got)


# -- 2. a ministry named in prose, then "as its minister" ---------------------------------------


def test_transferred_to_a_ministry_as_its_minister(known: Known) -> None:
    got = terms(
        "Chong Il-yong\n\nHe was named minister of chemical industry in 1954. In 1958 he was "
        "transferred to the Ministry of Electric Power as its minister, replacing Kim Tu-sam.\n",
        known,
    )
    assert ("Chong Il-yong", "chairman", "Ministry of Chemical Industry", "1954", None) in got
    assert ("Chong Il-yong", "chairman", "Ministry of Electric Power", "1958", None) in got
    # "its" is the ministry this sentence names, not the one of the sentence before
    assert ("Chong Il-yong", "chairman", "Ministry of Chemical Industry", "1958", None) not in got
    assert ("Kim Tu-sam", "chairman", "Ministry of Electric Power", None, "1958") in got


def test_moved_to_a_ministry_named_before_its_head_word(known: Known) -> None:
    got = terms(
        "Ri Kun-mo\n\nIn March 1981 Ri was moved to the Metal Industry Ministry as its "
        "vice-minister.\n",
        known,
    )
    assert ("Ri Kun-mo", "vice-chairman", "Ministry of Metal Industry", "1981-03", None) in got


def test_lower_case_minister_of_light_industry(known: Known) -> None:
    got = terms("Ri Kun-mo\n\nRi was named minister of light industry in 1951.\n", known)
    assert ("Ri Kun-mo", "chairman", "Ministry of Light Industry", "1951", None) in got


def test_transfer_to_a_ministry_without_a_role_drafts_nothing(known: Known) -> None:
    # near misses: a transfer with no title; "its minister" with a foreign ministry's name
    got = terms(
        "Ri Kun-mo\n\nIn 1980 he was transferred to the Ministry of Railways, where he worked as "
        "an engineer. The envoy was later moved to the Russian Foreign Ministry as its "
        "minister.\n",
        known,
    )
    assert got == set()
