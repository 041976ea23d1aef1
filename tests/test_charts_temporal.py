"""Partial dates against an as-of date: in force, not in force, or cannot tell."""

from __future__ import annotations

import pytest

from kwpld.charts.temporal import InForce, compare, place
from kwpld.dates import parse_date

YES, UNSURE, NO = InForce.YES, InForce.UNCERTAIN, InForce.NO


def d(text):
    return parse_date(text) if text else None


@pytest.mark.parametrize(
    ("at", "start", "end", "as_of", "state", "note"),
    [
        ("2013-01-15", "2012", None, None, YES, None),  # every day of 2012 is earlier
        ("2013-01-15", "2013", None, None, UNSURE, "from 2013: may begin after 2013-01-15"),
        ("2013-01-15", "2013-01", None, None, UNSURE, "may begin after"),
        ("2013-01-15", "2013-01-15", None, None, YES, "from 2013-01-15"),
        ("2013-01-15", "2013-01-16", None, None, NO, None),
        ("2013-01-15", None, None, "2013-01", YES, "as of 2013-01"),  # source's precision
        ("2013-01", None, None, "2013-01", YES, "as of 2013-01"),
        ("2013-01", None, None, "2012-06", NO, None),  # a snapshot of another date
        ("2012-06", None, None, "2013-01", NO, None),
        ("2013-01", "2013-01-20", None, None, YES, "from 2013-01-20"),  # within the month
        ("2013-01", "2010-09-28", "2013-01-20", None, YES, "until 2013-01-20"),
        ("2013-01-15", "2010-09-28", "2013-01-20", None, YES, None),
        ("2013-01-15", "2010", "2012-12", None, NO, None),
        ("2013-01-15", "2010", "2013", None, UNSURE, "may end before"),
        ("2013-01-15", None, "2014", None, UNSURE, "start not known"),
        ("2013-01-15", None, "2012", None, NO, None),
        ("2013-01-15", None, None, None, UNSURE, "undated"),
        ("2013", "2013-06", None, None, YES, "from 2013-06"),
        ("2013-01-15", "2012-04-11", None, "2013-01", YES, None),  # start wins over as-of
    ],
)
def test_place(at, start, end, as_of, state, note):
    placement = place(d(at), d(start), d(end), d(as_of))
    assert placement.state == state
    if note:
        assert any(note in n for n in placement.notes), placement.notes


def test_compare_uses_the_coarser_precision():
    assert compare(d("2013"), d("2013-01-15")) == 0
    assert compare(d("2012-12"), d("2013")) == -1
    assert compare(d("2013-02-01"), d("2013-01")) == 1
