"""Dates as sources state them: precision, Juche calendar, cross-checks."""

from __future__ import annotations

import datetime as dt

import pytest

from kwpld.dates import (
    XSD,
    DateError,
    PartialDate,
    Precision,
    gregorian_to_juche,
    juche_to_gregorian,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "iso", "precision", "datatype"),
    [
        ("2013-01-28", "2013-01-28", Precision.DAY, "date"),
        ("2013-01", "2013-01", Precision.MONTH, "gYearMonth"),
        ("2013", "2013", Precision.YEAR, "gYear"),
        (2013, "2013", Precision.YEAR, "gYear"),
        (dt.date(2013, 1, 28), "2013-01-28", Precision.DAY, "date"),
        ("28 January 2013", "2013-01-28", Precision.DAY, "date"),
        ("January 28, 2013", "2013-01-28", Precision.DAY, "date"),
        ("January 2013", "2013-01", Precision.MONTH, "gYearMonth"),
        ("Jan. 2013", "2013-01", Precision.MONTH, "gYearMonth"),
        ("28 January 2013 (Monday)", "2013-01-28", Precision.DAY, "date"),
        ("25 January 2013 (Friday)", "2013-01-25", Precision.DAY, "date"),
        ("Juche 80", "1991", Precision.YEAR, "gYear"),
        ("Juche 80 (1991)", "1991", Precision.YEAR, "gYear"),
        ("May of Juche 80 (1991)", "1991-05", Precision.MONTH, "gYearMonth"),
        ("March of Juche 83 (1994)", "1994-03", Precision.MONTH, "gYearMonth"),
        ("October of Juche 96 (2007)", "2007-10", Precision.MONTH, "gYearMonth"),
        ("May Juche 80", "1991-05", Precision.MONTH, "gYearMonth"),
        ("28 January Juche 102 (2013)", "2013-01-28", Precision.DAY, "date"),
        ("1991 (Juche 80)", "1991", Precision.YEAR, "gYear"),
        ("  May   of Juche 80  (1991) ", "1991-05", Precision.MONTH, "gYearMonth"),
    ],
)
def test_dates_keep_their_precision_and_xsd_type(text, iso, precision, datatype):
    date = parse_date(text)
    assert date.iso == iso
    assert date.precision is precision
    assert date.xsd_datatype == XSD + datatype


def test_juche_year_is_gregorian_minus_1911():
    assert juche_to_gregorian(1) == 1912
    assert juche_to_gregorian(80) == 1991
    assert juche_to_gregorian(102) == 2013
    assert gregorian_to_juche(2013) == 102
    assert gregorian_to_juche(1912) == 1
    assert gregorian_to_juche(1911) is None  # before the calendar starts
    assert parse_date("May of Juche 80 (1991)").juche_year == 80
    assert parse_date("2007-10").juche_year == 96


def test_juche_dates_remember_the_text_the_source_wrote():
    date = parse_date("May of Juche 80 (1991)")
    assert date.juche is True
    assert date.stated == "May of Juche 80 (1991)"
    assert parse_date("2013-01-28").stated is None
    assert parse_date("2013-01-28").juche is False


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        ("Juche 80 (1992)", "calendar-mismatch", "Juche 80 is 1991, not 1992"),
        ("May of Juche 83 (1991)", "calendar-mismatch", "Juche 83 is 1994"),
        ("1991 (Juche 81)", "calendar-mismatch", "Juche 81 is 1992"),
        ("28 January 2013 (Tuesday)", "calendar-mismatch", "was a Monday, not a Tuesday"),
        ("2013-02-30", "impossible-date", "February 2013 has 28 days, not 30"),
        ("2012-02-30", "impossible-date", "February 2012 has 29 days"),
        ("2013-13", "impossible-date", "no month 13"),
        ("Juche 0", "impossible-date", "starts at Juche 1"),
        ("31 April 2013", "impossible-date", "April 2013 has 30 days"),
        ("yesterday", "invalid-date", "is not a date kwpld can read"),
        ("Smarch 2013", "invalid-date", "'Smarch' in 'Smarch 2013' is not a month name"),
        ("", "invalid-date", "empty"),
        ("2013 (Monday)", "invalid-date", "weekday is given for a date without a day"),
    ],
)
def test_bad_dates_say_what_is_wrong(text, code, fragment):
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.code == code
    assert fragment in str(caught.value)


@pytest.mark.parametrize("value", [True, 1.5, ["2013"], {"year": 2013}, None])
def test_non_dates_are_rejected(value):
    with pytest.raises(DateError):
        parse_date(value)


def test_partial_dates_span_their_whole_period():
    assert parse_date("2013").earliest() == dt.date(2013, 1, 1)
    assert parse_date("2013").latest() == dt.date(2013, 12, 31)
    assert parse_date("2012-02").latest() == dt.date(2012, 2, 29)
    assert parse_date("2013-01-28").earliest() == parse_date("2013-01-28").latest()


def test_certainly_after_compares_partial_dates_honestly():
    year = parse_date("2013")
    day = parse_date("2013-01-28")
    assert not year.certainly_after(day)  # the year 2013 may be 28 January or later
    assert not day.certainly_after(year)
    assert parse_date("2014").certainly_after(day)
    assert parse_date("2013-02").certainly_after(day)
    assert not parse_date("2013-01").certainly_after(day)


def test_partial_date_is_a_value():
    assert parse_date("2013-01") == PartialDate(2013, 1, None)
    assert str(parse_date("1991-05")) == "1991-05"
