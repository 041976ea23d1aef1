"""A leader's tour of "several" places is one occasion ("gave field guidance to several factories
and enterprises in Jagang Province in mid-January"), and those accompanying him took part in it;
"several times", "on several military inspections" and "many farms" are many occasions, none
drafted."""

from __future__ import annotations

from typing import Any

from facts_helpers import attended, events

from kwpld.ingest import Known, read_text

LEAD = "Pyongyang, January 22 (KCNA) -- "
COMPANY = (
    "\n\nHe was accompanied by Jo Myong Rok, director of the General Political Bureau of the "
    "KPA.\n"
)


def _read(sentence: str, known: Known) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    _, drafted = read_text(LEAD + sentence + COMPANY, known=known, date="1998-01-22",
                           article_type="news")  # fmt: skip
    return events(drafted), attended(drafted)


def test_a_tour_of_several_places_is_one_occasion(known: Known) -> None:
    for sentence in (
        "Kim Jong Il gave field guidance to several factories and enterprises in Jagang Province "
        "in mid-January.",
        "Kim Jong Il inspected several units of the KPA.",
    ):
        found, people = _read(sentence, known)
        assert len(found) == 1, sentence
        (event,) = found
        assert set(people[event]) == {"jo-myong-rok", "kim-jong-il"}, sentence


def test_several_times_and_several_inspections_are_many_occasions(known: Known) -> None:
    for sentence in (
        "Kim Jong Il has inspected weapons factories several times.",
        "Kim Jong Il has visited many farms in the province.",
    ):
        found, _ = _read(sentence, known)
        assert not found, sentence


def test_an_adverb_before_the_leaders_verb(known: Known) -> None:
    # "recently gave on-the-spot guidance", "once again visited": the appearance is read, and
    # stays undated when the text prints no date
    for sentence in (
        "Kim Jong Il, general secretary of the Workers' Party of Korea, recently gave on-the-spot "
        "guidance to the Ryongsong Machine Complex in Hamhung City.",
        "Kim Jong Il once again visited the Ryongsong Machine Complex.",
    ):
        found, people = _read(sentence, known)
        assert len(found) == 1, sentence
        (event,) = found
        assert "date" not in found[event], sentence
        assert set(people[event]) == {"jo-myong-rok", "kim-jong-il"}, sentence
