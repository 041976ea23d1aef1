"""Careers (issue 15, class ED): seats in SPA convocations the text gives by ordinal alone, no
year ("was a deputy to the 12th and 13th SPA", "re-elected to every convocation until the
12th"): one undated seat per convocation. Short synthetic sentences, each with near misses that
must not draft."""

from __future__ import annotations

from facts_helpers import held_records, iso

from kwpld.ingest import Known


def _seats(text: str, known: Known, person: str, date: str = "2016-05-10") -> list[str | None]:
    """The start (or None) of each SPA seat ``person`` is drafted, in order."""
    rows = held_records(text, known, date)
    return sorted(
        (str(iso(r.get("start"))) if r.get("start") else "-")
        for row, r in rows if row == (person, "member", "spa")
    )  # fmt: skip


def test_each_ordinal_of_a_deputy_is_an_undated_seat(known: Known) -> None:
    text = "Ri Chol Man was a deputy to the 12th and 13th Supreme People's Assembly."
    assert _seats(text, known, "Ri Chol Man") == ["-", "-"]


def test_ordinal_words_and_had_been(known: Known) -> None:
    text = "Pak Yong Sik had been a deputy to the ninth, tenth and eleventh SPA."
    assert _seats(text, known, "Pak Yong Sik") == ["-", "-", "-"]


def test_he_in_a_profile_paragraph_is_the_profiles_person(known: Known) -> None:
    text = (
        "# Han Tok Su\n\nHan Tok Su (born 1931) is a retired North Korean official.\n\n"
        "He was a deputy to the 8th and 9th SPA.\n"
    )
    assert _seats(text, known, "Han Tok Su", "2015-01-10") == ["-", "-"]


def test_a_run_of_convocations_after_the_first(known: Known) -> None:
    text = (
        "Kang Chol Su was first elected a deputy to the 8th Supreme People's Assembly in 1986 "
        "and was re-elected to every convocation until the 11th."
    )
    assert _seats(text, known, "Kang Chol Su") == ["-", "-", "-", "1986"]


def test_a_run_in_a_profile_item(known: Known) -> None:
    text = (
        "# Ho Jong Man\n\n## Career\n\n- **1982** - elected a deputy to the 7th Supreme People's "
        "Assembly; re-elected to each convocation through the 9th.\n"
    )
    assert _seats(text, known, "Ho Jong Man", "2015-01-10") == ["-", "-", "1982"]


def test_a_convocation_already_dated_is_not_drafted_again(known: Known) -> None:
    text = (
        "Ri Chol Man was elected a deputy to the 12th SPA in March 2009. He was a deputy to the "
        "12th and 13th Supreme People's Assembly."
    )
    assert _seats(text, known, "Ri Chol Man") == ["-", "2009-03"]


def test_a_title_read_from_the_same_sentence_is_the_same_seat(known: Known) -> None:
    text = "Kim Yong Sam had been a deputy to the 9th SPA."
    assert _seats(text, known, "Kim Yong Sam") == ["-"]


def test_near_misses_draft_no_convocation_seat(known: Known) -> None:
    for text, person in [
        ("Choe Thae Bok was not a deputy to the 13th SPA, whose deputies were elected in 2014.",
         "Choe Thae Bok"),
        ("The deputies to the 11th SPA were elected on a single list, Ri Yong Ho said.",
         "Ri Yong Ho"),
        ("Choe Thae Bok attended the 5th session of the 12th SPA.", "Choe Thae Bok"),
        ("O Kuk Ryol was re-elected to every post until 2010.", "O Kuk Ryol"),
    ]:  # fmt: skip
        assert _seats(text, known, person) == [], text


def test_a_deputy_title_without_a_verb_stays_one_dated_seat(known: Known) -> None:
    rows = held_records("Choe Thae Bok, a deputy to the 13th SPA, spoke.", known, "2016-05-10")
    seats = [r for row, r in rows if row == ("Choe Thae Bok", "member", "spa")]
    assert len(seats) == 1 and iso(seats[0]["as_of"]) == "2016-05-10"


def test_who_had_chaired_it_since_gives_the_replaced_holders_start(known: Known) -> None:
    rows = held_records(
        "Kim Tok Hun was appointed chairman of the State Planning Commission in January 2021, "
        "replacing Pak Jong Gun, who had chaired the commission only since August 2020.",
        known,
        "2021-01-20",
    )
    (old,) = [r for row, r in rows if row[0] == "Pak Jong Gun"]
    assert (iso(old["start"]), iso(old["end"])) == ("2020-08", "2021-01")


def test_chaired_a_meeting_since_is_no_start(known: Known) -> None:
    rows = held_records(
        "Pak Jong Gun, who had chaired the session since the morning, closed it.",
        known,
        "2021-01-20",
    )
    assert not [r for row, r in rows if row[0] == "Pak Jong Gun" and r.get("start")]


def test_a_possessive_chain_is_the_departments(known: Known) -> None:
    got = {
        row
        for row, _ in held_records(
            "Jo Chun Ryong was appointed director of the WPK Central Committee's Munitions "
            "Industry Department (MID) in May 2017.",
            known,
            "2017-06-01",
        )
    }
    assert ("Jo Chun Ryong", "director", "wpk-munitions") in got
    assert ("Jo Chun Ryong", "director", "wpk-cc") not in got


def test_the_central_committee_alone_stays_the_central_committee(known: Known) -> None:
    got = {
        row
        for row, _ in held_records(
            "Jo Chun Ryong, a secretary of the WPK Central Committee, spoke on Friday.",
            known,
            "2017-06-01",
        )
    }
    assert ("Jo Chun Ryong", "secretary", "wpk-cc") in got


def test_since_a_part_of_a_year_is_the_terms_start(known: Known) -> None:
    for text in (
        "Jong Kyong Thaek, director of the General Political Bureau since mid-2022, spoke.",
        "Jong Kyong Thaek, director of the General Political Bureau since early 2022, spoke.",
    ):
        rows = held_records(text, known, "2023-02-01")
        (seat,) = [r for row, r in rows if row == ("Jong Kyong Thaek", "director", "kpa-gpb")]
        assert iso(seat["start"]) == "2022", text


def test_a_part_of_a_year_without_since_is_no_start(known: Known) -> None:
    rows = held_records(
        "Jong Kyong Thaek, director of the General Political Bureau, spoke in mid-2022.",
        known,
        "2023-02-01",
    )
    (seat,) = [r for row, r in rows if row == ("Jong Kyong Thaek", "director", "kpa-gpb")]
    assert not seat.get("start")
