"""Round 6 lever L1, occasions first: the party's congresses and conferences named in passing
without the party ("At the 8th Congress of the party", "its third conference", "the Sixth Party
Congress") are drafted under the home party's name, as its full name would be; another party's
congress is not; a plenum named by its month alone is one of that month. Short synthetic
sentences, each with near misses that must not draft (or must not be renamed)."""

from __future__ import annotations

from typing import Any

from facts_helpers import attended, events, iso

from kwpld.ingest import Known, read_text


def _events(text: str, known: Known, date: str = "2024-05-02") -> list[tuple[Any, ...]]:
    """(type, ordinal, first name, date) of each event drafted, sorted."""
    _, drafted = read_text(text, known=known, date=date, article_type="report")
    out = []
    for record in events(drafted).values():
        names = [n["text"] if isinstance(n, dict) else n for n in record.get("names", [])]
        # the home party's name when the draft has it (a name a reader finds it by), else the
        # name printed first
        name = next((n for n in names if WPK in n), names[0] if names else None)
        out.append((record.get("type"), record.get("ordinal"), name, iso(record.get("date"))))
    return sorted(out, key=str)


WPK = "Workers' Party of Korea"


def test_a_congress_of_the_party_is_the_wpks(known: Known) -> None:
    text = "Ri Chol Ho is a politician. At the 8th Congress of the party he was elected a member."
    assert _events(text, known) == [("congress", 8, f"8th Congress of the {WPK}", None)]


def test_ordinal_words_possessives_and_its(known: Known) -> None:
    for text, ordinal, kind, date in [
        ("Kang was promoted at the party's third conference in September 2010.", 3,
         "conference", "2010-09"),
        ("He joined the Central Committee at the Sixth Party Congress (October 1980).", 6,
         "congress", "1980-10"),
        ("The party elected him to the Central Committee at its 7th Congress in May 2016.", 7,
         "congress", "2016-05"),
        ("At the 3rd Conference of the party on 28 September 2010 he was elected.", 3,
         "conference", "2010-09-28"),
    ]:  # fmt: skip
        name = f"{ordinal}{'th' if ordinal > 3 else 'rd'} {kind.capitalize()} of the {WPK}"
        assert _events(text, known) == [(kind, ordinal, name, date)], text


def test_the_full_name_and_the_short_one_are_one_event(known: Known) -> None:
    text = (
        "The 8th Congress of the Workers' Party of Korea opened in January 2021. "
        "At the 8th Party Congress Pak lost his seat."
    )
    found = _events(text, known)
    assert [(k, o, n) for k, o, n, _ in found] == [("congress", 8, f"8th Congress of the {WPK}")]


def test_another_partys_congress_keeps_its_own_name(known: Known) -> None:
    text = (
        "Ryang was elected to the Central Committee of the Workers' Party of Korea in 1980. "
        "In 2001 he led a delegation to the 7th Congress of the Lao People's Revolutionary "
        "Party. He kept his seat at the party's 7th Congress in May 2016."
    )
    found = _events(text, known)
    assert ("congress", 7, f"7th Congress of the {WPK}", "2016-05") in found
    assert ("congress", 7, "7th Congress of the Lao People's Revolutionary Party", "2001") in found


def test_near_misses_are_not_the_wpks(known: Known) -> None:
    for text in [
        "Xi Jinping was re-elected at the 20th Party Congress of the Communist Party of China.",
        "The sanctions bill passed the 116th Congress in 2019.",
        "The CPC will hold its 20th Party Congress in October, Xinhua said.",
    ]:
        assert all(WPK not in str(e[2]) for e in _events(text, known)), text


def test_a_party_about_another_party_keeps_the_bare_name(known: Known) -> None:
    text = (
        "The Communist Party of China opened its congress. Delegates of the Communist Party of "
        "China praised the 9th Congress, the CPC said."
    )
    assert all(WPK not in str(e[2]) for e in _events(text, known))


def test_a_plenum_named_by_its_month(known: Known) -> None:
    text = "The visit comes after the December plenum of the ruling Workers' Party."
    assert _events(text, known, "2024-03-07") == [
        ("plenary-meeting", None, "December plenum", "2023-12")
    ]
    text = "The party made him a member of the Political Bureau at its June plenary meeting."
    assert _events(text, known, "2024-03-07") == [
        ("plenary-meeting", None, "June plenary meeting", "2023-06")
    ]
    # no party said: which plenum? (tests/test_ingest_event_dates.py has "the January plenum")
    text = "He became a member of the Political Bureau at the June plenary meeting."
    assert _events(text, known, "2024-03-07") == []


def test_month_near_misses(known: Known) -> None:
    for text in [
        "Kim held talks on the June agenda with officials.",  # a month before no party meeting
        "A party congress is due before December.",
        "The December issue of the party journal Kulloja carried his article.",
    ]:
        assert all(e[0] != "plenary-meeting" for e in _events(text, known)), text


def test_a_plenum_of_the_partys_nth_central_committee(known: Known) -> None:
    text = (
        "He was dropped at the fifth plenary meeting of the party's seventh Central Committee, "
        "which ended Tuesday."
    )
    assert _events(text, known, "2019-12-31") == [
        ("plenary-meeting", 5, f"5th Plenary Meeting of the 7th Central Committee of the {WPK}",
         "2019-12-31")
    ]  # fmt: skip
    text = "The party opened the 8th Enlarged Plenary Meeting of its 8th Central Committee."
    name = f"8th Plenary Meeting of the 8th Central Committee of the {WPK}"
    assert _events(text, known)[0][2] == name


def test_another_partys_central_committee_is_not_renamed(known: Known) -> None:
    for text in [
        "The Fifth Plenary Session of the 19th Central Committee of the Communist Party of "
        "China was held in October 2020.",
        "The 3rd Plenary Meeting of the 20th Central Committee opened in Beijing.",
    ]:
        assert all(WPK not in str(e[2]) for e in _events(text, known)), text


def _dates(text: str, known: Known, date: str) -> list[tuple[Any, Any]]:
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    return sorted(
        (iso(e.get("date")), iso(e.get("end"))) for e in events(drafted).values()
    )


def test_a_session_closed_after_n_days(known: Known) -> None:
    for text, want in [
        ("The First Session of the Seventh Supreme People's Assembly closed on April 7 after a "
         "three-day sitting at the Mansudae Assembly Hall.", ("1982-04-05", "1982-04-07")),
        ("The Fifth Session of the 14th Supreme People's Assembly closed on April 7 after two "
         "days of deliberations.", ("1982-04-06", "1982-04-07")),
    ]:  # fmt: skip
        assert _dates(text, known, "1982-04-08") == [want], text


def test_lengths_that_do_not_date_a_close(known: Known) -> None:
    for text in [
        # opened, not closed: the day is the first
        "The First Session of the Seventh Supreme People's Assembly opened on April 5 and will "
        "close after a three-day sitting.",
        # the length of something else, before the closing verb
        "After a three-day journey, the First Session of the Seventh Supreme People's Assembly "
        "closed on April 7.",
    ]:
        assert all(end is None for _, end in _dates(text, known, "1982-04-08")), text


def _meetings(text: str, known: Known, date: str = "2024-01-10") -> list[tuple[Any, ...]]:
    """(first name, date) of each meeting drafted, and who attended it."""
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    found = events(drafted)
    people = attended(drafted)
    return sorted(
        (str((e.get("names") or [{}])[0].get("text")), iso(e.get("date")),
         tuple(sorted(people.get(k, {}))))
        for k, e in found.items() if e.get("type") == "meeting"
    )  # fmt: skip


def test_a_group_met_is_a_meeting_held(known: Known) -> None:
    rows = _meetings(
        "Kim Jong Un received the party and government delegation of the People's Republic of "
        "China on Sunday.",
        known,
    )
    assert len(rows) == 1 and rows[0][1] == "2024-01-07" and rows[0][2] == ("kim-jong-un",)
    rows = _meetings("Kim Jong Un met senior commanders of the army on Monday.", known)
    assert len(rows) == 1 and rows[0][1] == "2024-01-08" and rows[0][2] == ("kim-jong-un",)


def test_a_person_met_after_an_adverbial(known: Known) -> None:
    rows = _meetings("Choe Ryong Hae met on Thursday with Kim Jong Un in Pyongyang.", known)
    assert len(rows) == 1 and rows[0][1] == "2024-01-04" and "choe-ryong-hae" in rows[0][2]


def test_no_meeting_without_a_group_met_or_when_none_was_held(known: Known) -> None:
    for text in [
        "Kim Jong Un received congratulations from the delegation on Sunday.",
        "Kim Jong Un received a letter of the delegation on Sunday.",
        "Kim Jong Un met the demands of the farmers on Sunday.",
        "Kim Jong Un did not meet the delegation on Sunday.",
        "Kim Jong Un never received foreign visitors at the palace.",
        "Choe Ryong Hae will meet the delegation on Sunday.",
    ]:
        assert _meetings(text, known) == [], text


def test_occasions_named_as_things_are_not_held(known: Known) -> None:
    for text in [
        "Analysts said a proposed summit with Seoul was never held, Yonhap reported on Monday.",
        "Talks with Washington have been stalled since 2019, the ministry said on Monday.",
        "A rally of youth planned for Sunday was called off, KCNA said on Monday.",
        "A possible meeting between the two leaders was discussed on Monday.",
    ]:
        assert _dates(text, known, "2022-11-28") == [], text


def test_occasions_held_are_still_drafted(known: Known) -> None:
    for text in [
        "A summit between Kim Jong Un and Moon Jae-in was held in Pyongyang on Tuesday.",
        "A rally of youth was held at Kim Il Sung Square on Sunday, KCNA said on Monday.",
    ]:
        assert len(_dates(text, known, "2022-11-28")) == 1, text


def test_a_group_met_at_the_airport_is_welcomed_and_an_appeal_is_no_meeting(known: Known) -> None:
    _, drafted = read_text(
        "Kim Yong Nam, vice-premier, met the delegation of the Union of Soviet Socialist "
        "Republics headed by Pyotr Demichev, alternate member of the Political Bureau, at the "
        "airport on Sunday.",
        known=known, date="2024-01-10", article_type="news",
    )  # fmt: skip
    found = events(drafted)
    assert [e.get("type") for e in found.values()] == ["ceremony"]
    assert "kim-yong-nam" in attended(drafted)[next(iter(found))]
    text = (
        "In his concluding speech, Kim Jong Un called on all the party members to display the "
        "spirit of self-reliance."
    )
    assert _meetings(text, known) == []


def test_a_welcome_at_the_airport_takes_the_arrival_day_before_it(known: Known) -> None:
    text = (
        "Pyongyang, September 8 (KCNA) -- Foreign delegations arrived here on September 7.\n\n"
        "Kim Yong Nam, vice-premier, met the delegation of the Union of Soviet Socialist "
        "Republics headed by Pyotr Demichev at the airport."
    )
    assert _dates(text, known, "1986-09-08") == [("1986-09-07", None)]


def test_the_evening_is_the_reports_day_not_a_recalled_events(known: Known) -> None:
    text = (
        "Pyongyang, April 16 (KCNA) -- A national meeting took place at the April 25 House of "
        "Culture on Monday.\n\nThe reporter recalled that the First Session of the 14th Supreme "
        "People's Assembly, held on April 11 and 12, had set forth a new line.\n\n"
        "A performance of the Mansudae Art Troupe was given at the Mansudae Art Theatre in the "
        "evening."
    )
    assert ("2019-04-15", None) in _dates(text, known, "2019-04-16")
    assert ("2019-04-11", None) not in _dates(text, known, "2019-04-16")


def test_a_party_event_named_is_not_the_meeting_told_before(known: Known) -> None:
    text = (
        "Foreign Minister Ri Yong Ho met the Chinese ambassador in Pyongyang on 3 May 2016.\n\n"
        "Choe Ryong Hae also attended the party congress, according to KCNA.\n"
    )
    _, drafted = read_text(text, known=known, date="2016-05-10", article_type="news")
    placed = attended(drafted)
    assert all("choe-ryong-hae" not in people for people in placed.values())
