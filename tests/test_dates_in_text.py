"""Tests for kwpld.dates.find_dates: date expressions in running text, in both calendars."""

from __future__ import annotations

import pytest

from kwpld.dates import DateMention, find_dates, parse_date, resolve_year

JAN_2013 = parse_date("2013-01")


def one(text: str, reference=None) -> DateMention:
    found = find_dates(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "iso", "juche"),
    [
        ("met on 28 January 2013 (Monday) in", "28 January 2013 (Monday)", "2013-01-28", False),
        ("on Monday, 28 January 2013.", "Monday, 28 January 2013", "2013-01-28", False),
        ("on January 28, 2013, the", "January 28, 2013", "2013-01-28", False),
        ("held in May of Juche 80 (1991) shall", "May of Juche 80 (1991)", "1991-05", True),
        ("in Juche 102 (2013)", "Juche 102 (2013)", "2013", True),
        ("in 1991 (Juche 80)", "1991 (Juche 80)", "1991", True),
        ("in May 1991 (Juche 80)", "May 1991 (Juche 80)", "1991-05", True),
        ("on 28 January Juche 102 (2013)", "28 January Juche 102 (2013)", "2013-01-28", True),
        ("as of January 2013, projecting", "January 2013", "2013-01", False),
        ("dated 2013-01-28.", "2013-01-28", "2013-01-28", False),
        ("founded in 1945 by", "1945", "1945", False),
        (
            "주체102(2013)년 1월 28일(월요일)에",
            "주체102(2013)년 1월 28일(월요일)",
            "2013-01-28",
            True,
        ),  # noqa: E501
        ("2013년 1월 28일", "2013년 1월 28일", "2013-01-28", False),
    ],
)
def test_finds_and_normalizes_dates_in_running_text(
    text: str, span: str, iso: str, juche: bool
) -> None:
    mention = one(text)
    assert mention.text == span
    assert text[mention.start : mention.end] == span
    assert mention.date is not None and mention.date.iso == iso
    assert mention.date.juche is juche
    assert mention.problems == ()


def test_text_dates_agree_with_parse_date() -> None:
    stated_forms = (
        "28 January 2013 (Monday)",
        "May of Juche 80 (1991)",
        "Juche 80 (1991)",
        "Jan 2013",
    )
    for stated in stated_forms:
        assert one(stated).date == parse_date(stated)


def test_yearless_date_waits_for_a_reference() -> None:
    mention = one("reported on 23 January (Wednesday) to")
    assert mention.date is None and mention.needs_year
    assert mention.weekday == 2
    assert mention.problems[0][0] == "no-year"
    resolved = mention.resolve(JAN_2013)
    assert resolved.date is not None and resolved.date.iso == "2013-01-23"
    assert resolved.year_inferred and resolved.problems == ()


def test_yearless_date_resolves_to_the_nearest_year() -> None:
    assert one("on 28 December", parse_date("2014-01-03")).date.iso == "2013-12-28"
    assert one("on 3 January", parse_date("2013-12-30")).date.iso == "2014-01-03"
    assert resolve_year(1, 25, JAN_2013) == 2013


def test_inconsistent_weekday_is_flagged_not_moved() -> None:
    mention = one("on 29 January 2013 (Monday)")
    assert mention.date is not None and mention.date.iso == "2013-01-29"
    ((code, message),) = mention.problems
    assert code == "calendar-mismatch"
    assert "Tuesday, not a Monday" in message
    resolved = one("on 24 January (Friday)", JAN_2013)
    assert resolved.date.iso == "2013-01-24"
    assert resolved.problems[0][0] == "calendar-mismatch"


def test_juche_year_contradicting_gregorian_year_gives_no_date() -> None:
    mention = one("in May of Juche 80 (1992)")
    assert mention.date is None
    assert mention.problems[0][0] == "calendar-mismatch"
    assert "Juche 80 is 1991, not 1992" in mention.problems[0][1]


def test_impossible_day_is_reported() -> None:
    mention = one("on 30 February 2013")
    assert mention.date is None and mention.problems[0][0] == "impossible-date"


@pytest.mark.parametrize(
    "text",
    ["You may 12 times", "the 1990s", "room 2013", "Mayday 12", "version 2013-1", "12345 people"],
)
def test_words_and_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_korean_weekday_is_checked() -> None:
    mention = one("2013년 1월 28일(화요일)")
    assert mention.problems and mention.problems[0][0] == "calendar-mismatch"


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("held on Sunday, Juche 107 (2018), to", "Juche 107 (2018)", "2018"),
        ("held on Sunday Chuch'e 107 [2018] in", "Chuch'e 107 [2018]", "2018"),
        ("on Friday, May 2019, he", "May 2019", "2019-05"),
    ],
)
def test_a_weekday_before_a_date_without_a_day_is_no_part_of_it(
    text: str, span: str, iso: str
) -> None:
    """KCNA's "on Sunday, Juche 107 (2018)": the weekday names a day the year does not give;
    the date is the year alone, with no calendar-mismatch problem, and the weekday stays in the
    text to be read as "on Sunday" (against the article's date)."""
    found = one(text)
    assert text[found.start : found.end] == span
    assert found.date is not None and found.date.iso == iso
    assert found.problems == ()


def test_a_weekday_before_a_full_date_is_still_checked() -> None:
    found = one("on Sunday, 9 September 2018, the")
    assert found.text == "Sunday, 9 September 2018" and found.problems == ()
    assert one("on Monday, 9 September 2018, the").problems[0][0] == "calendar-mismatch"
