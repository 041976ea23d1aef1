"""Partial dates against an "as of" date, honestly: in force, not in force, or cannot tell.

Sources date memberships to the day, the month or the year ("as of January 2013", "from
2012"). Two dates are compared at the coarser of their precisions, so:

- a membership starting in 2012 is in force at 2013-01-15 (every day of 2012 is earlier);
- a membership starting in 2013 may or may not be in force at 2013-01-15: it is *uncertain*,
  and drawn as such, never silently placed on 1 January;
- a membership stated "as of 2013-01" is in force at 2013-01-15 and at 2013-01, at the
  source's precision (the note says so), and says nothing about other months;
- a membership starting 2013-01-20 is in force "as of 2013-01" (the month), noted "from
  2013-01-20", since the as-of period holds a day when it was.

A missing end means the membership is still in force (the Popolo reading); a membership with
no dates at all is uncertain at every date.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..dates import PartialDate

__all__ = ["Placement", "InForce", "place", "compare", "span_days"]


class InForce(StrEnum):
    YES = "in-force"
    UNCERTAIN = "uncertain"
    NO = "not-in-force"


@dataclass(frozen=True)
class Placement:
    """Whether a dated claim holds at a date, and the notes that explain how sure that is."""

    state: InForce
    notes: tuple[str, ...] = ()


def _key(date: PartialDate, precision: int) -> tuple[int, ...]:
    parts = (date.year, date.month or 0, date.day or 0)
    return parts[:precision]


def compare(a: PartialDate, b: PartialDate) -> int:
    """-1, 0 or 1 comparing two dates at the coarser of their precisions (0: same period)."""
    precision = min(int(a.precision), int(b.precision))
    ka, kb = _key(a, precision), _key(b, precision)
    return (ka > kb) - (ka < kb)


def place(
    at: PartialDate,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    as_of: PartialDate | None = None,
) -> Placement:
    """Is a claim with these dates in force at ``at``?"""
    if start is None and end is None and as_of is None:
        return Placement(InForce.UNCERTAIN, ("undated",))
    states: list[InForce] = []
    notes: list[str] = []
    # Lower bound: the start, or else the date the source states it for.
    if start is not None:
        c = compare(start, at)
        if c > 0:
            states.append(InForce.NO)
        elif c == 0 and start.precision < at.precision:
            states.append(InForce.UNCERTAIN)
            notes.append(f"from {start.iso}: may begin after {at.iso}")
        elif c == 0:
            notes.append(f"from {start.iso}")
    elif as_of is not None:
        c = compare(as_of, at)
        if c > 0:
            states.append(InForce.NO)  # stated for a later date; when it began is not known
        elif c == 0:
            notes.append(f"as of {as_of.iso}")
    else:
        states.append(InForce.UNCERTAIN)
        notes.append("start not known")
    # Upper bound: the end; with neither end nor start, the date the source states it for.
    if end is not None:
        c = compare(end, at)
        if c < 0:
            states.append(InForce.NO)
        elif c == 0 and end.precision < at.precision:
            states.append(InForce.UNCERTAIN)
            notes.append(f"until {end.iso}: may end before {at.iso}")
        elif c == 0:
            notes.append(f"until {end.iso}")
    elif start is None and as_of is not None and compare(as_of, at) < 0:
        states.append(InForce.NO)  # a snapshot of an earlier date; no start, so no "since"
    if InForce.NO in states:
        return Placement(InForce.NO, tuple(notes))
    if InForce.UNCERTAIN in states:
        return Placement(InForce.UNCERTAIN, tuple(notes))
    return Placement(InForce.YES, tuple(notes))


def span_days(date: PartialDate) -> tuple[int, int]:
    """First and last day (proleptic ordinals) a partial date may denote."""
    return date.earliest().toordinal(), date.latest().toordinal()
