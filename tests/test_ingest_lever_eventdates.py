"""Dating events (issue 15, round 6 lever L7): an event reported closed on a day "after a
three-day sitting" or "after two days of deliberations" runs from N-1 days before that day to it,
whether the N days qualify the event ("the three-day session") or only the sentence that reports
it held. Near misses: an event that opened on the day, N days that qualify something else ("a
three-day visit" of another sentence), a duration that is not of days. Short synthetic texts;
names, outlets and word order vary."""

from __future__ import annotations

import pytest
from facts_helpers import events, iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _dated(drafted: Drafted, kind: str) -> list[tuple[str | None, str | None]]:
    """(date, end) of every event of ``kind`` drafted."""
    return [
        (iso(e.get("date")), iso(e.get("end")))
        for e in events(drafted).values()
        if e.get("type") == kind
    ]


@pytest.mark.parametrize(
    ("text", "date", "kind", "want"),
    [
        ("Pyongyang, March 9 (KCNA) -- The Third Session of the 11th Supreme People's Assembly "
         "of the DPRK closed on March 9 after a three-day sitting.", "2005-03-09", "session",
         ("2005-03-07", "2005-03-09")),
        ("Pyongyang, October 4 (KCNA) -- The Second Session of the 10th Supreme People's "
         "Assembly of the DPRK closed at the Mansudae Assembly Hall on October 3 after two "
         "days of deliberations.", "2001-10-04", "session", ("2001-10-02", "2001-10-03")),
        ("SEOUL, Nov. 20 (Yonhap) -- The Fourth Plenary Meeting of the Seventh Central Committee "
         "of the Workers' Party of Korea ended on Friday after a four-day sitting, KCNA said.",
         "2011-11-20", "plenary-meeting", ("2011-11-15", "2011-11-18")),
    ],
)
def test_closed_after_n_days(
    known: Known, text: str, date: str, kind: str, want: tuple[str, str]
) -> None:
    assert _dated(_read(text, known, date), kind) == [want]


def test_the_n_days_of_the_event_itself_still_count(known: Known) -> None:
    drafted = _read(
        "Pyongyang, April 9 (KCNA) -- The three-day Fourth Session of the 12th Supreme "
        "People's Assembly of the DPRK closed on April 9.", known, "2011-04-09",
    )
    assert _dated(drafted, "session") == [("2011-04-07", "2011-04-09")]


@pytest.mark.parametrize(
    ("text", "date", "kind", "want"),
    [
        # opened on the day: the day is its start, not its end
        ("Pyongyang, June 7 (KCNA) -- The Fifth Session of the 11th Supreme People's Assembly "
         "of the DPRK opened on June 7 after two days of preparatory work by the deputies.",
         "2006-06-07", "session", ("2006-06-07", None)),
        # a duration not of days
        ("Pyongyang, June 7 (KCNA) -- The Fifth Session of the 11th Supreme People's Assembly "
         "of the DPRK closed on June 7 after three hours of deliberations.", "2006-06-07",
         "session", ("2006-06-07", None)),
    ],
)
def test_near_misses(
    known: Known, text: str, date: str, kind: str, want: tuple[str, str | None]
) -> None:
    assert _dated(_read(text, known, date), kind) == [want]


def test_an_event_named_as_the_time_of_another_is_not_the_narrative_day(known: Known) -> None:
    # "the same evening" counts from the closing day, not from the meeting a week before it
    drafted = _read(
        "Pyongyang, May 16 (KCNA) -- The national meeting of industrial workers closed on May "
        "15 at the April 25 House of Culture.\n\nThe speakers said the meeting had been called "
        "a week after the May 8 consultative meeting of officials of the metal industry.\n\n"
        "A banquet for the participants was given at the People's Palace of Culture the same "
        "evening.", known, "2014-05-16",
    )
    assert ("2014-05-15", None) in _dated(drafted, "ceremony")
    assert ("2014-05-08", None) not in _dated(drafted, "ceremony")


def test_an_event_after_which_the_narrative_goes_on_still_counts(known: Known) -> None:
    # a bare "after": the talks are the narrative's occasion, "the same day" is theirs
    drafted = _read(
        "MOSCOW, June 9 (AP) -- The visiting premier left for home on Saturday after talks "
        "with his Soviet counterpart at the Kremlin on Friday.\n\nA reception was given in his "
        "honour at the Kremlin on the same day.", known, "1984-06-09",
    )
    assert _dated(drafted, "ceremony") == [("1984-06-08", None)]


def test_the_nth_day_of_a_multi_day_event_moves_the_narrative(known: Known) -> None:
    # "the same evening" after "On the third day": the event's first day + 2, not a date of
    # background printed earlier ("the elections of March 12")
    drafted = _read(
        "Pyongyang, May 26 (KCNA) -- The First Session of the Eighth Supreme People's Assembly "
        "of the DPRK, which opened on May 24 at the Mansudae Assembly Hall, closed today.\n\n"
        "Present were the deputies elected at the elections of March 12.\n\n"
        "On the second day the session elected the Central People's Committee.\n\n"
        "On the third day the session adopted the state budget.\n\n"
        "A banquet was given at the Kumsusan Assembly Hall the same evening in honour of the "
        "session.", known, "1986-05-26",
    )
    assert _dated(drafted, "ceremony") == [("1986-05-26", None)]


def test_an_nth_day_inside_a_sentence_does_not_move_it(known: Known) -> None:
    # "the first day of the visit" inside a clause is not a sentence that opens on that day
    drafted = _read(
        "Pyongyang, May 26 (KCNA) -- The First Session of the Eighth Supreme People's Assembly "
        "of the DPRK opened on May 24 at the Mansudae Assembly Hall.\n\n"
        "Deputies recalled the first day of the elections.\n\n"
        "A banquet was given at the Kumsusan Assembly Hall the same evening in honour of the "
        "session.", known, "1986-05-26",
    )
    assert _dated(drafted, "ceremony") == [("1986-05-24", None)]



def test_a_weekday_after_the_name(known: Known) -> None:
    # a weekday right after the name of an event reported only in passing dates it
    drafted = _read(
        "SEOUL, Dec 11 (Reuters) - North Korea's parliament elected Ri Chang Son, chairman of "
        "the Central Committee of the small Chondoist Chongu Party, a vice president of the "
        "country at the fifth session of the 10th Supreme People's Assembly on Thursday.",
        known, "1998-12-11",
    )
    assert _dated(drafted, "session") == [("1998-12-10", None)]
