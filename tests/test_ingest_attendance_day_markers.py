"""One report, several occasions told one after another (issue 15, class P): a sentence that
opens with a day counted from the occasion before ("The same day", "On the following day", "In
the evening") reports an occasion of its own, even a few paragraphs after the first; the list
after it ("He was accompanied there by ...") belongs to it, not to the report's first occasion.
A leader greeted on the spot by his title ("greeted the President at the entrance") is no
welcome ceremony; a long apposition between the leader and his verb ("X, together with Y of
the Z, watched ...") still makes the occasion his. Negative cases: a paragraph that mentions a
past visit takes nobody; people named in two lists are at each occasion once."""

from __future__ import annotations

import pytest
from facts_helpers import attended, iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, dict[str, object]]:
    return {d.id: d.record for d in drafted.drafts if d.kind == "event"}


_FIRST = (
    "{leader} inspected the Kangson Steel Complex on {day}.\n\n"
    "He was accompanied by Choe Thae Bok and Kim Ki Nam.\n\n"
    "He went round the rolling mill and praised the workers.\n\n"
    "He looked round the furnaces and gave instructions on the output of rolled steel.\n\n"
)


@pytest.mark.parametrize(
    ("leader", "day", "marker", "place", "date", "when"),
    [
        ("President Kim Il Sung", "May 22", "The same day", "the newly built Pyongyang Medical "
         "College Hospital", "1978-05-24", "1978-05-22"),
        ("Kim Jong Il", "Tuesday", "On the following day", "the renovated Hamhung Grand Theatre",
         "2009-06-12", "2009-06-10"),
        ("Kim Jong Un", "10 March", "The next day", "the Pyongyang General Hospital",
         "2020-03-12", "2020-03-11"),
    ],
)
def test_a_day_marker_opens_an_occasion_of_its_own_with_the_list_after_it(
    leader: str, day: str, marker: str, place: str, date: str, when: str, known: Known
) -> None:
    drafted = _read(
        f"Pyongyang (KCNA) -- {_FIRST.format(leader=leader, day=day)}"
        f"{marker} {leader} visited {place}. He was accompanied there by Ri Sang Gun and "
        "Pak Myong Sun, vice-premier of the Cabinet.",
        known,
        date,
    )
    events = _events(drafted)
    people = attended(drafted)
    (second,) = [e for e in events if "hospital" in e or "theatre" in e]
    (first,) = [e for e in events if "steel" in e]
    assert iso(events[second]["date"]) == when
    assert {"ri-sang-gun", "pak-myong-sun"} <= set(people[second])
    assert not {"ri-sang-gun", "pak-myong-sun"} & set(people[first])
    assert {"choe-thae-bok", "kim-ki-nam"} <= set(people[first])
    assert not {"choe-thae-bok", "kim-ki-nam"} & set(people[second])


def test_the_same_people_in_two_lists_are_at_each_occasion_once(known: Known) -> None:
    drafted = _read(
        f"Pyongyang (KCNA) -- {_FIRST.format(leader='Kim Jong Il', day='Monday')}"
        "The same day Kim Jong Il visited the Hungnam Fertilizer Complex. Choe Thae Bok and Ri "
        "Sang Gun accompanied him there. Choe Thae Bok was with him in the shops.",
        known,
        "2010-02-17",
    )
    roles = [(d.record["event"], d.record["ref"]) for d in drafted.drafts
             if d.kind == "participation"]  # fmt: skip
    assert len(roles) == len(set(roles))
    assert sum(1 for _, ref in roles if ref == "choe-thae-bok") == 2


def test_no_day_marker_and_a_past_visit_keep_one_occasion(known: Known) -> None:
    """A sentence that does not open with a day ("He said that the same day next year ...") and
    a paragraph on a past visit ("He had last visited the complex in May") add no occasion that
    takes today's people."""
    drafted = _read(
        f"Pyongyang (KCNA) -- {_FIRST.format(leader='Kim Jong Un', day='15 November')}"
        "He had last visited the complex in May, when he set the end of the year as the "
        "deadline.\n\nHe said that on the same day next year the new shop must be working.",
        known,
        "2019-11-17",
    )
    people = attended(drafted)
    (first,) = [e for e in _events(drafted) if "steel" in e]
    assert {"choe-thae-bok", "kim-ki-nam"} <= set(people[first])
    others = [p for e, p in people.items() if e != first]
    assert not any({"choe-thae-bok", "kim-ki-nam"} & set(p) for p in others)


@pytest.mark.parametrize(
    ("title", "leader"),
    [("President", "President Kim Il Sung"),
     ("General Secretary", "General Secretary Kim Jong Il")],
)
def test_greeting_the_leader_by_his_title_is_no_welcome_ceremony(
    title: str, leader: str, known: Known
) -> None:
    drafted = _read(
        f"Pyongyang (KCNA) -- {leader} inspected the Kangson Steel Complex on Monday.\n\n"
        f"Ri Sang Gun, manager of the complex, greeted the {title} at the entrance of the shop.",
        known,
        "1995-05-24",
    )
    events = _events(drafted)
    assert not [e for e in events if "welcome" in e]
    ((event, people),) = [(e, p) for e, p in attended(drafted).items() if "steel" in e]
    assert people.get("ri-sang-gun") == "attended"


def test_a_guest_greeted_at_the_airport_is_still_a_welcome(known: Known) -> None:
    drafted = _read(
        "Pyongyang (KCNA) -- Kim Jong Il warmly greeted Hu Jintao at Pyongyang Airport on "
        "Monday.",
        known,
        "2005-10-29",
    )
    assert [e for e in _events(drafted) if "welcome" in e]


@pytest.mark.parametrize(
    "between",
    [
        "together with President Didier Ratsiraka of the Democratic Republic of Madagascar",
        "together with Vice-President Pak Song Chol and the members of the delegation",
    ],
)
def test_a_long_apposition_before_the_verb_keeps_the_occasion_the_leaders(
    between: str, known: Known
) -> None:
    drafted = _read(
        f"Pyongyang, May 24 (KCNA) -- The following day President Kim Il Sung, {between}, "
        "watched a mass gymnastic display at the Moranbong Stadium. He was accompanied by Kim "
        "Ki Nam and Choe Thae Bok.",
        known,
        "1978-05-24",
    )
    ((event, people),) = [(e, p) for e, p in attended(drafted).items() if "display" in e]
    assert {"kim-il-sung", "kim-ki-nam", "choe-thae-bok"} <= set(people)


@pytest.mark.parametrize(
    ("after", "joined"),
    [
        ("After the session Kim Jong Un had a photo session with the deputies to the SPA.",
         "He was joined on the occasion by Choe Thae Bok and Kim Ki Nam."),
        ("Following the meeting, the participants had a photograph session with Kim Jong Un.",
         "Choe Thae Bok and Kim Ki Nam were present there."),
    ],
)
def test_a_list_on_the_occasion_belongs_to_the_occasion_just_held(
    after: str, joined: str, known: Known
) -> None:
    drafted = _read(
        "Pyongyang, September 28 (KCNA) -- The 9th Session of the 14th Supreme People's "
        "Assembly closed in Pyongyang on Wednesday, September 27. Pak In Chol presided over the "
        f"session.\n\n{after} {joined}",
        known,
        "2023-09-28",
    )
    people = attended(drafted)
    (photo,) = [e for e in _events(drafted) if "photo" in e]
    assert {"choe-thae-bok", "kim-ki-nam"} <= set(people[photo])
    session = [e for e in people if "session" in e and "photo" not in e]
    assert all(not {"choe-thae-bok", "kim-ki-nam"} & set(people[e]) for e in session)


def test_on_the_occasion_of_an_anniversary_is_no_occasion_just_held(known: Known) -> None:
    drafted = _read(
        "Pyongyang, September 28 (KCNA) -- A banquet was held at the Mokran House on Tuesday.\n\n"
        "Kim Jong Un visited the Kumsusan Palace of the Sun on the occasion of the anniversary. "
        "He was accompanied by Choe Thae Bok and Kim Ki Nam.",
        known,
        "2023-09-28",
    )
    people = attended(drafted)
    (banquet,) = [e for e in _events(drafted) if "banquet" in e]
    assert not {"choe-thae-bok", "kim-ki-nam"} & set(people.get(banquet, {}))


def test_those_seeing_a_guest_off_are_at_the_send_off(known: Known) -> None:
    drafted = _read(
        "Pyongyang, May 24 (KCNA) -- Li Qiang left Pyongyang for home by special plane on "
        "Tuesday. He was seen off at the airport by Choe Thae Bok and Kim Ki Nam.",
        known,
        "2024-05-24",
    )
    ((_, people),) = [(e, p) for e, p in attended(drafted).items() if "send-off" in e]
    assert {"choe-thae-bok", "kim-ki-nam"} <= set(people)


@pytest.mark.parametrize(
    ("between", "who"),
    [
        ("together with his wife Ri Sol Ju", "ri-sol-ju"),
        ("together with Premier Pak Pong Ju of the Cabinet", "pak-pong-ju"),
        ("along with Choe Thae Bok", "choe-thae-bok"),
    ],
)
def test_the_one_together_with_the_leader_before_his_verb_attends_too(
    between: str, who: str, known: Known
) -> None:
    drafted = _read(
        f"Pyongyang, November 16 (KCNA) -- In the evening Kim Jong Un, {between}, watched a "
        "performance given by the art propaganda squad of the air force.",
        known,
        "2019-11-16",
    )
    ((_, people),) = [(e, p) for e, p in attended(drafted).items() if "performance" in e]
    assert {"kim-jong-un", who} <= set(people)


def test_together_with_after_the_verb_is_not_taken_from_another_clause(known: Known) -> None:
    """ "together with X of the Y," before a verb that reports no occasion ("had prepared")
    places nobody at the occasion."""
    drafted = _read(
        "Pyongyang, November 16 (KCNA) -- Kim Jong Un watched a performance given by the art "
        "propaganda squad. The squad, together with Choe Thae Bok of the provincial committee, "
        "had prepared the programme for months.",
        known,
        "2019-11-16",
    )
    ((_, people),) = [(e, p) for e, p in attended(drafted).items() if "performance" in e]
    assert "choe-thae-bok" not in people
