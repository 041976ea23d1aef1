"""Date ranges in running text: both ends kept, each with its own span and precision."""

from __future__ import annotations

import pytest

from kwpld.dates import DateRange, Precision, find_date_ranges, find_dates, parse_date

JAN_2020 = parse_date("2020-01")


def the_range(text: str, reference=None) -> DateRange:
    ranges = find_date_ranges(text, reference)
    assert len(ranges) == 1, ranges
    return ranges[0]


@pytest.mark.parametrize(
    ("text", "range_text", "first", "last", "ends"),
    [
        ("served from 2003 to 2007 as", "from 2003 to 2007", "2003", "2007", ("2003", "2007")),
        ("between 2003 and 2007 he", "between 2003 and 2007", "2003", "2007", ("2003", "2007")),
        ("in 2003–2007 he", "2003–2007", "2003", "2007", ("2003", "2007")),
        ("in 2003-2007 he", "2003-2007", "2003", "2007", ("2003", "2007")),
        ("(2003 – 2007)", "2003 – 2007", "2003", "2007", ("2003", "2007")),
        ("in 1998–03 he", "1998–03", "1998", "2003", ("1998", "03")),
        ("from 2003 until 2007", "from 2003 until 2007", "2003", "2007", ("2003", "2007")),
        (
            "held from 28 to 31 December 2019.",
            "from 28 to 31 December 2019",
            "2019-12-28",
            "2019-12-31",
            ("28", "31 December 2019"),
        ),
        (
            "held 28 to 31 December 2019.",
            "28 to 31 December 2019",
            "2019-12-28",
            "2019-12-31",
            ("28", "31 December 2019"),
        ),
        (
            "held 28–31 December 2019.",
            "28–31 December 2019",
            "2019-12-28",
            "2019-12-31",
            ("28", "31 December 2019"),
        ),
        (
            "held 28-31 December 2019.",
            "28-31 December 2019",
            "2019-12-28",
            "2019-12-31",
            ("28", "31 December 2019"),
        ),
        (
            "from 28 December 2019 to 1 January 2020, the",
            "from 28 December 2019 to 1 January 2020",
            "2019-12-28",
            "2020-01-01",
            ("28 December 2019", "1 January 2020"),
        ),
        (
            "on December 28-31, 2019, the",
            "December 28-31, 2019",
            "2019-12-28",
            "2019-12-31",
            ("December 28", "31, 2019"),
        ),
        (
            "from March to May 2018 the",
            "from March to May 2018",
            "2018-03",
            "2018-05",
            ("March", "May 2018"),
        ),
        (
            "March–May 2018 the",
            "March–May 2018",
            "2018-03",
            "2018-05",
            ("March", "May 2018"),
        ),
        (
            "from November 2017 to February 2018",
            "from November 2017 to February 2018",
            "2017-11",
            "2018-02",
            ("November 2017", "February 2018"),
        ),
        (
            "from 28 December to 3 January 2020",
            "from 28 December to 3 January 2020",
            "2019-12-28",
            "2020-01-03",
            ("28 December", "3 January 2020"),
        ),
        (
            "from December to January 2020",
            "from December to January 2020",
            "2019-12",
            "2020-01",
            ("December", "January 2020"),
        ),
        (
            "between 1 and 3 March 2019",
            "between 1 and 3 March 2019",
            "2019-03-01",
            "2019-03-03",
            ("1", "3 March 2019"),
        ),
        (
            "from Juche 92 to Juche 96",
            "from Juche 92 to Juche 96",
            "2003",
            "2007",
            ("Juche 92", "Juche 96"),
        ),
        (
            "from 2003 to Chuch'e 96 [2007]",
            "from 2003 to Chuch'e 96 [2007]",
            "2003",
            "2007",
            ("2003", "Chuch'e 96 [2007]"),
        ),
    ],
)
def test_ranges_keep_both_ends(
    text: str, range_text: str, first: str, last: str, ends: tuple[str, str]
) -> None:
    found = the_range(text)
    assert found.text == range_text
    assert text[found.start : found.end] == range_text
    assert found.first is not None and found.first.iso == first
    assert found.last is not None and found.last.iso == last
    assert found.problems == ()
    mentions = find_dates(text)
    assert [m.text for m in mentions] == list(ends)
    start, end = mentions
    assert start.range == found and end.range == found
    assert start.role == "start" and end.role == "end"
    assert start.date == found.first and end.date == found.last
    # Every mention says the period it belongs to.
    assert start.since == found.first and start.until == found.last
    assert end.since == found.first and end.until == found.last


def test_each_end_keeps_its_own_precision() -> None:
    found = the_range("from March to 28 May 2018")
    assert found.first is not None and found.first.precision is Precision.MONTH
    assert found.last is not None and found.last.precision is Precision.DAY
    assert found.first.iso == "2018-03" and found.last.iso == "2018-05-28"


def test_a_completed_end_states_what_it_stands_for() -> None:
    start, _ = find_dates("held from 28 to 31 December 2019.")
    assert start.date is not None
    assert start.date.stated == "28 December 2019"
    assert start.year_inferred is False


def test_a_single_date_is_its_own_period() -> None:
    (mention,) = find_dates("on 28 January 2013 the")
    assert mention.range is None and mention.role is None
    assert mention.since == mention.date and mention.until == mention.date


def test_yearless_range_resolves_both_ends_together() -> None:
    found = the_range("held 28–31 December, the", None)
    assert found.first is None and found.last is None and found.needs_year
    resolved = found.resolve(JAN_2020)
    assert resolved.first is not None and resolved.first.iso == "2019-12-28"
    assert resolved.last is not None and resolved.last.iso == "2019-12-31"
    across = the_range("from 28 December to 3 January", JAN_2020)
    assert across.first is not None and across.first.iso == "2019-12-28"
    assert across.last is not None and across.last.iso == "2020-01-03"
    start, end = find_dates("from 28 December to 3 January", JAN_2020)
    assert start.date is not None and start.date.iso == "2019-12-28" and start.year_inferred
    assert end.date is not None and end.date.iso == "2020-01-03" and end.year_inferred
    # Resolving the ends one by one gives the same period.
    late = find_dates("from 28 December to 3 January")
    assert all(m.needs_year for m in late)
    resolved_ends = [m.resolve(JAN_2020) for m in late]
    assert [m.date.iso for m in resolved_ends if m.date] == ["2019-12-28", "2020-01-03"]
    assert resolved_ends[0].range == resolved_ends[1].range


def test_start_year_taken_from_the_stated_start() -> None:
    found = the_range("from 28 December 2019 to 3 January")
    assert found.first is not None and found.first.iso == "2019-12-28"
    assert found.last is not None and found.last.iso == "2020-01-03"


@pytest.mark.parametrize(
    "text",
    [
        "in 2003 and 2007",  # two years, not a period
        "in 2003, 2005 and 2007",
        "from 2007 to 2003",  # backwards: two dates, not a period
        "ISBN 978-2003-2007",
        "version 2003-20071",
        "scored 28 to 31 in December",
        "in 2003 to 500 people",
    ],
)
def test_not_ranges(text: str) -> None:
    assert find_date_ranges(text) == []


def test_backwards_range_keeps_both_dates_separately() -> None:
    mentions = find_dates("from 2007 to 2003")
    assert [m.text for m in mentions] == ["2007"]
    assert mentions[0].range is None


def test_juche_mismatch_at_an_end_flags_the_range() -> None:
    found = the_range("from Juche 92 to Juche 96 (2008)")
    assert found.last is None
    assert found.problems and found.problems[0][0] == "calendar-mismatch"
    start, end = find_dates("from Juche 92 to Juche 96 (2008)")
    assert start.date is not None and start.date.iso == "2003"
    assert end.date is None and end.problems[0][0] == "calendar-mismatch"


def test_impossible_end_is_reported() -> None:
    found = the_range("from 28 to 31 February 2019")
    assert found.last is None
    assert any(code == "impossible-date" for code, _ in found.problems)


def test_range_in_kcna_plenum_report() -> None:
    text = (
        "The 5th Plenary Meeting of the 7th Central Committee of the Workers' Party of Korea "
        "was held from 28 to 31 December 2019."
    )
    start, end = find_dates(text)
    assert (start.text, start.date.iso if start.date else None) == ("28", "2019-12-28")
    assert (end.text, end.date.iso if end.date else None) == ("31 December 2019", "2019-12-31")


def test_two_days_joined_by_and_are_a_period() -> None:
    """ "Feb 27 and 28, 2019", "27 and 28 February 2019" (dates wave): two days close together;
    not "the 1998 and 2003 elections", nor days far apart."""

    def read(text: str) -> list[tuple[str | None, str | None]]:
        return [(m.date.iso if m.date else None, m.role) for m in find_dates(text)]

    assert read("on Feb 27 and 28, 2019") == [("2019-02-27", "start"), ("2019-02-28", "end")]
    assert read("on 27 and 28 February 2019") == [("2019-02-27", "start"), ("2019-02-28", "end")]
    assert read("the 1998 and 2003 elections") == []
    assert read("on 3 and 25 May 2019") == [("2019-05-25", None)]


def test_a_year_range_with_a_hyphen_and_two_digits() -> None:
    """ "(2014-16)": 2014 to 2016; "(1998-03)" stays March 1998 (ISO year-month)."""

    assert [m.date.iso for m in find_dates("Ri Su Yong (2014-16)") if m.date] == ["2014", "2016"]
    assert [m.date.iso for m in find_dates("(1998-03)") if m.date] == ["1998-03"]
