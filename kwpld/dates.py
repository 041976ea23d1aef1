"""Dates as sources state them: full, partial, and in the Juche calendar.

A curator writes what the source says: ``2013-01-28``, ``January 2013``, ``1991``,
``28 January 2013 (Monday)``, ``Juche 80``, ``May of Juche 80 (1991)``. :func:`parse_date`
turns each into a :class:`PartialDate` that knows its precision (day, month or year), which
picks the XSD datatype of the RDF literal (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``).

The Juche calendar counts 1912 as Juche 1, so Gregorian year = Juche year + 1911. When a
date gives both calendars ("Juche 80 (1991)") or a weekday, they are cross-checked and a
mismatch raises :class:`DateError` with a sentence a curator can act on.

:func:`find_dates` does the same work on running text (articles being ingested): it finds
every date expression with its character offsets, in English and Korean, in either calendar,
resolves year-less ones ("on 23 January (Wednesday)") against a reference date, and reports
contradictions as data on each :class:`DateMention` instead of raising.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import IntEnum
from pathlib import Path

from .names import is_korean_surname
from .namespaces import XSD

__all__ = [
    "DateError",
    "DateMention",
    "DateRange",
    "Precision",
    "PartialDate",
    "find_dates",
    "find_date_ranges",
    "parse_date",
    "resolve_year",
    "juche_to_gregorian",
    "gregorian_to_juche",
    "JUCHE_OFFSET",
]

JUCHE_OFFSET = 1911
"""Gregorian year = Juche year + JUCHE_OFFSET (Juche 1 is 1912)."""

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})


class DateError(ValueError):
    """A date that cannot be read, or that contradicts itself.

    ``code`` says which: ``invalid-date`` (not a date), ``impossible-date`` (no such day) or
    ``calendar-mismatch`` (Juche year or weekday contradicts the Gregorian date).
    """

    def __init__(self, message: str, code: str = "invalid-date") -> None:
        super().__init__(message)
        self.code = code


class Precision(IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


def juche_to_gregorian(juche_year: int) -> int:
    """Juche 80 -> 1991. The Juche calendar starts in 1912 (Juche 1)."""
    if juche_year < 1:
        raise DateError(
            f"Juche {juche_year} is not a Juche year: the calendar starts at Juche 1 (1912)",
            "impossible-date",
        )
    return juche_year + JUCHE_OFFSET


def gregorian_to_juche(year: int) -> int | None:
    """1991 -> 80; None before 1912, where the Juche calendar does not apply."""
    return year - JUCHE_OFFSET if year > JUCHE_OFFSET else None


@dataclass(frozen=True, slots=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None
    stated: str | None = None
    """The text as the source wrote it, when it differs from the ISO form."""
    juche: bool = False
    """True when the source gave the year in the Juche calendar."""

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def iso(self) -> str:
        """ISO 8601 lexical form at this date's precision: 2013-01-28, 2013-01 or 2013."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def xsd_datatype(self) -> str:
        """Full IRI of the XSD datatype for this precision."""
        return XSD + ("date", "gYear", "gYearMonth", "date")[self.precision]

    @property
    def juche_year(self) -> int | None:
        return gregorian_to_juche(self.year)

    def earliest(self) -> _dt.date:
        """First day this date may denote."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> _dt.date:
        """Last day this date may denote."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def certainly_after(self, other: PartialDate) -> bool:
        """True when every day this date may denote is after every day ``other`` may denote."""
        return self.earliest() > other.latest()

    def __str__(self) -> str:
        return self.iso


class _Lazy:
    """A regular expression compiled on first use. Every kwpld command imports this module, and
    most never read a date written out in words; the patterns for those take tens of
    milliseconds to compile."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
#: "Juche" as sources spell it: the DPRK's own "Juche" and McCune-Reischauer "Chuch'e" (with any
#: apostrophe, or none: "Chuche"), capitalized or in capitals.
_JUCHE_WORD = rf"(?:[Jj]uche|JUCHE|[Cc]huch[{_APOSTROPHES}]?e|CHUCH[{_APOSTROPHES}]?E)"


def _bracketed(inner: str, tag: str) -> str:
    """``(inner)`` or ``[inner]``: the closing bracket must pair with the opening one.

    ``tag`` names the group that remembers which bracket opened; it must be unique in a pattern.
    """
    return rf"(?:(?P<sq{tag}>\[)|\()\s*{inner}\s*(?(sq{tag})\]|\))"


_YEAR_IN_BRACKETS = _bracketed(r"(?P<year>\d{4})", "y")
_WEEKDAY_IN_BRACKETS = _bracketed(r"(?P<weekday>[A-Za-z]+)", "w")
_JUCHE_IN_BRACKETS = _bracketed(_JUCHE_WORD + r"\s+(?P<juche>\d{1,3})", "j")
_JUCHE = _Lazy(
    r"^(?:(?:(?P<day>\d{1,2})\s+)?(?P<month>[A-Za-z]+)\.?\s+(?:of\s+)?)?"
    + _JUCHE_WORD
    + r"\s+(?P<juche>\d{1,3})(?:\s*"
    + _YEAR_IN_BRACKETS
    + ")?$",
    re.IGNORECASE,
)
_WEEKDAY = _Lazy(r"^(?P<core>.*?)[\s,]*" + _WEEKDAY_IN_BRACKETS + "$")
_JUCHE_SUFFIX = _Lazy(r"^(?P<core>.*?)[\s,]*" + _JUCHE_IN_BRACKETS + "$", re.IGNORECASE)
_TEXT_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_TEXT_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})$")
_TEXT_MY = re.compile(r"^([A-Za-z]+)\.?,?\s+(?:of\s+)?(\d{4})$")


def _month(name: str, text: str) -> int:
    month = MONTHS.get(name.lower())
    if month is None:
        raise DateError(f"'{name}' in '{text}' is not a month name")
    return month


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""Days in each month of a common year (``calendar.monthrange`` also works out the weekday
of the first, which the loader does not need, for every date it reads)."""


def _build(
    year: int,
    month: int | None,
    day: int | None,
    text: str,
    *,
    stated: str | None = None,
    juche: bool = False,
) -> PartialDate:
    if not 1 <= year <= 9999:
        raise DateError(f"'{text}': year {year} is out of range", "impossible-date")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}': there is no month {month}", "impossible-date")
    if day is not None:
        last = _MONTH_DAYS[(month or 1) - 1]
        if last == 28 and calendar.isleap(year):
            last = 29
        if not 1 <= day <= last:
            raise DateError(
                f"'{text}': {calendar.month_name[month or 1]} {year} has {last} days, not {day}",
                "impossible-date",
            )
    return PartialDate(year, month, day, stated=stated, juche=juche)


def parse_date(value: object) -> PartialDate:
    """Read a date as a curator or a source writes it.

    Accepts an ``int`` year, a :class:`datetime.date`, or text in one of these forms:
    ``2013``, ``2013-01``, ``2013-01-28``, ``January 2013``, ``28 January 2013``,
    ``January 28, 2013``, any of these followed by a weekday in parentheses
    (``28 January 2013 (Monday)``, which is checked), ``Juche 102``, ``Juche 80 (1991)``,
    ``May of Juche 80 (1991)``, ``May Juche 80`` and ``28 January Juche 102 (2013)``.

    Raises :class:`DateError` for text that is not a date, for impossible dates
    (``2013-02-30``) and for contradictions (a Juche year that does not match the
    Gregorian year given beside it, or a weekday that does not fall on the date).
    """
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date")
    if isinstance(value, int):
        return _build(value, None, None, str(value))
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise DateError(f"{value!r} is not a date")
    if len(value) in (4, 7, 10) and value[:4].isdigit():
        # the common case, ISO 8601 at some precision, without the regular expressions
        fast = _iso_fast(value)
        if fast is not None:
            return fast
    text = " ".join(value.split())
    if not text:
        raise DateError("the date is empty")

    weekday: str | None = None
    match = _WEEKDAY.match(text)
    if match and match.group("weekday").lower() in WEEKDAYS:
        text_core, weekday = match.group("core"), match.group("weekday")
    else:
        text_core = text
    date = _parse_core(text_core, text)
    if weekday is not None:
        if date.precision is not Precision.DAY:
            raise DateError(f"'{text}': a weekday is given for a date without a day")
        actual = _dt.date(date.year, date.month or 1, date.day or 1).weekday()
        if actual != WEEKDAYS[weekday.lower()]:
            raise DateError(
                f"'{text}': {date.iso} was a {calendar.day_name[actual]}, "
                f"not a {weekday.capitalize()}",
                "calendar-mismatch",
            )
    if date.stated is None and text != date.iso:
        date = PartialDate(date.year, date.month, date.day, stated=text, juche=date.juche)
    return date


_ISO_STRICT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _iso_fast(value: str) -> PartialDate | None:
    match = _ISO_STRICT.fullmatch(value)
    if match is None:
        return None
    year, month, day = match.groups()
    return _build(int(year), int(month) if month else None, int(day) if day else None, value)


def _parse_core(text: str, original: str) -> PartialDate:
    match = _JUCHE_SUFFIX.match(text)
    if match:  # "1991 (Juche 80)", "May 1991 [Chuch'e 80]"
        date = _parse_core(match.group("core"), original)
        juche_year = int(match.group("juche"))
        if juche_to_gregorian(juche_year) != date.year:
            raise DateError(
                f"'{original}': Juche {juche_year} is {juche_to_gregorian(juche_year)}, "
                f"not {date.year} (Gregorian year = Juche year + {JUCHE_OFFSET})",
                "calendar-mismatch",
            )
        return PartialDate(date.year, date.month, date.day, stated=original, juche=True)

    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return _build(year, month, day, original)

    match = _JUCHE.match(text)
    if match:
        day_s, month_s = match.group("day"), match.group("month")
        juche_s, greg_s = match.group("juche"), match.group("year")
        juche_year = int(juche_s)
        year = juche_to_gregorian(juche_year)
        if greg_s is not None and int(greg_s) != year:
            raise DateError(
                f"'{original}': Juche {juche_year} is {year}, not {greg_s} "
                f"(Gregorian year = Juche year + {JUCHE_OFFSET})",
                "calendar-mismatch",
            )
        month = _month(month_s, original) if month_s else None
        day = int(day_s) if day_s else None
        return _build(year, month, day, original, stated=original, juche=True)

    match = _TEXT_DMY.match(text)
    if match:
        return _build(
            int(match.group(3)), _month(match.group(2), original), int(match.group(1)), original
        )
    match = _TEXT_MDY.match(text)
    if match:
        return _build(
            int(match.group(3)), _month(match.group(1), original), int(match.group(2)), original
        )
    match = _TEXT_MY.match(text)
    if match:
        return _build(int(match.group(2)), _month(match.group(1), original), None, original)
    raise DateError(
        f"'{original}' is not a date kwpld can read; write 2013-01-28, 2013-01, 2013, "
        "'28 January 2013' or 'May of Juche 80 (1991)'"
    )


# ---------------------------------------------------------------------------------------------
# Dates in running text


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text, with where it is and what it means.

    ``date`` is the normalized Gregorian date (``stated`` keeps the text, ``juche`` says the
    source gave a Juche year), or None when the expression cannot be pinned down (a year-less
    date without a reference, a contradiction between the two calendars). ``problems`` holds
    ``(code, message)`` pairs with the codes of :class:`DateError` (``calendar-mismatch``,
    ``impossible-date``) plus ``no-year`` for a year-less date that could not be resolved.

    ``start`` and ``end`` are character offsets. A mention that is one end of a period ("28" and
    "31 December 2019" in "from 28 to 31 December 2019") has ``role`` "start" or "end" and the
    whole period in ``range``; :attr:`since` and :attr:`until` give the period's first and last
    date for every mention (a single date is a period of its own). ``name`` is set only for
    dates inside names ("the 2 July Decree"), which :func:`find_dates` lists only on request.
    """

    start: int
    end: int
    text: str
    date: PartialDate | None
    weekday: int | None = None
    """Weekday the text states (0 = Monday), checked against ``date``."""
    year_inferred: bool = False
    """True when the text gives no year and it was taken from the reference date."""
    problems: tuple[tuple[str, str], ...] = ()
    day: int | None = None
    month: int | None = None
    range: DateRange | None = None
    """The period this mention is one end of ("from 2003 to 2007"), or None."""
    role: str | None = None
    """``"start"`` or ``"end"`` for an end of a period, None for a single date."""
    name: str | None = None
    """The name this date is part of ("2 July Decree"), for dates that are names."""

    @property
    def since(self) -> PartialDate | None:
        """First date of the period this mention states: the range's first end, or ``date``."""
        return self.range.first if self.range is not None else self.date

    @property
    def until(self) -> PartialDate | None:
        """Last date of the period this mention states: the range's last end, or ``date``."""
        return self.range.last if self.range is not None else self.date

    @property
    def needs_year(self) -> bool:
        """A year-less expression ("23 January") still waiting for a reference date."""
        return (
            self.date is None
            and self.month is not None
            and any(code == "no-year" for code, _ in self.problems)
        )

    def resolve(self, reference: PartialDate | None) -> DateMention:
        """Give a year-less date the year nearest to ``reference`` (the article's date).

        The candidates are the reference year and the years either side; the one whose date
        lies nearest the reference wins, so "28 December" in an article of January 2014 is
        2013-12-28. A stated weekday is then checked; a mismatch is reported, never used to
        move the date silently. An end of a period is resolved with its period (see
        :meth:`DateRange.resolve`), so both ends of "28 December to 3 January" agree.
        """
        if not self.needs_year or reference is None or self.month is None:
            return self
        if self.range is not None:
            start, end = self.range.resolve(reference).mentions()
            return start if self.role == "start" else end
        end_ = _End(self.start, self.end, self.text, self.day, self.month, None, False,
                    self.weekday, tuple(p for p in self.problems if p[0] != "no-year"))  # fmt: skip
        return _end_mention(_resolve_end(end_, reference))


@dataclass(frozen=True, slots=True)
class _End:
    """One date expression as read, before it is a :class:`DateMention`: its parts, any of
    which the text may leave out, and the problems found so far."""

    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None
    juche: bool = False
    weekday: int | None = None
    problems: tuple[tuple[str, str], ...] = ()
    year_inferred: bool = False
    completed: bool = False
    """True when a part (day's month, year) was taken from the other end of a period."""
    void: bool = False
    """True when the expression is not a date at all ("Juche 80 (Juche 80)")."""

    @property
    def contradicted(self) -> bool:
        return any(code != "no-year" for code, _ in self.problems) and self.year is None

    def with_year(self, year: int, *, inferred: bool = False, completed: bool = True) -> _End:
        problems = tuple(p for p in self.problems if p[0] != "no-year")
        return replace(
            self,
            year=year,
            problems=problems,
            year_inferred=self.year_inferred or inferred,
            completed=self.completed or completed,
        )


def _end_mention(
    end: _End, period: DateRange | None = None, role: str | None = None
) -> DateMention:
    """The mention for one read expression: its date built and checked (day exists, weekday)."""

    def mention(date: PartialDate | None, problems: tuple[tuple[str, str], ...]) -> DateMention:
        return DateMention(
            end.start, end.end, end.text, date, end.weekday, end.year_inferred, problems,
            end.day, end.month, period, role,
        )  # fmt: skip

    if end.year is None:
        if end.contradicted or end.month is None and end.day is None:
            return mention(None, end.problems)
        problems = end.problems
        if not any(code == "no-year" for code, _ in problems):
            problems = (("no-year", f"'{end.text}' gives no year; it needs the article's date"),)
            problems += end.problems
        return mention(None, problems)
    try:
        date = _build(end.year, end.month, end.day, end.text, juche=end.juche)
    except DateError as exc:
        return mention(None, (*end.problems, (exc.code, str(exc))))
    if end.completed or end.year_inferred:
        # The statement, completed with what the text left to the context, reads alone.
        stated = _spelled(date)
        if end.weekday is not None:
            stated += f" ({calendar.day_name[end.weekday]})"
        date = PartialDate(date.year, date.month, date.day, stated=stated, juche=end.juche)
    elif end.text.replace(".", "-") != date.iso:  # "2008.10.29" is ISO, dotted
        date = PartialDate(date.year, date.month, date.day, stated=end.text, juche=end.juche)
    return mention(date, end.problems + _weekday_problems(date, end.weekday, end.text))


def _spelled(date: PartialDate) -> str:
    if date.day is not None and date.month is not None:
        return f"{date.day} {calendar.month_name[date.month]} {date.year}"
    if date.month is not None:
        return f"{calendar.month_name[date.month]} {date.year}"
    return str(date.year)


def _resolve_end(end: _End, reference: PartialDate) -> _End:
    if end.year is not None or end.month is None or end.contradicted:
        return end
    return end.with_year(resolve_year(end.month, end.day, reference), inferred=True,
                         completed=False)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateRange:
    """A period the text states with both ends: "from 2003 to 2007", "28–31 December 2019".

    ``start``/``end`` are the character offsets of the whole expression (with "from" or
    "between"), ``first``/``last`` the dates of its two ends, each at its own precision ("from
    March to 28 May 2018" is 2018-03 to 2018-05-28). An end the text leaves incomplete takes what
    it lacks from the other end ("28" in "28 to 31 December 2019" is 2019-12-28), or, when no end
    states a year, from the reference date (:meth:`resolve`). An end that cannot be read (a Juche
    year contradicting the Gregorian, 31 February) is None and its problem is in ``problems``.
    """

    start: int
    end: int
    text: str
    first: PartialDate | None
    last: PartialDate | None
    problems: tuple[tuple[str, str], ...] = ()
    ends: tuple[_End, _End] | None = field(default=None, repr=False)
    """The two ends as read, kept to resolve a year-less period later."""

    @property
    def needs_year(self) -> bool:
        """No end states a year: both wait for a reference date."""
        return any(code == "no-year" for code, _ in self.problems)

    def resolve(self, reference: PartialDate | None) -> DateRange:
        """Give a year-less period the year nearest to ``reference``: the last end gets the
        year that puts it nearest (as :meth:`DateMention.resolve`), the first end the same year,
        or the year before when its month comes later ("28 December to 3 January")."""
        if not self.needs_year or reference is None or self.ends is None:
            return self
        first, last = self.ends
        if last.month is not None and not last.contradicted and last.year is None:
            last = _resolve_end(last, reference)
        elif first.month is not None and not first.contradicted and first.year is None:
            first = _resolve_end(first, reference)
        first, last = _share_years(first, last, inferred=True)
        return _make_range(self.start, self.end, self.text, first, last) or self

    def mentions(self) -> tuple[DateMention, DateMention]:
        """The two ends as mentions, each with its own span and a reference to this period."""
        assert self.ends is not None
        first, last = self.ends
        return _end_mention(first, self, "start"), _end_mention(last, self, "end")


def _share_years(first: _End, last: _End, *, inferred: bool = False) -> tuple[_End, _End]:
    """Give the end without a year the year of the other end, so that the period runs forward."""
    if first.year is None and last.year is not None and not first.contradicted:
        later = (first.month or 1, first.day or 1) > (last.month or 12, last.day or 31)
        first = first.with_year(last.year - 1 if later else last.year, inferred=inferred)
    elif last.year is None and first.year is not None and not last.contradicted:
        earlier = (last.month or 12, last.day or 31) < (first.month or 1, first.day or 1)
        last = last.with_year(first.year + 1 if earlier else first.year, inferred=inferred)
    return first, last


def _make_range(start: int, end: int, text: str, first: _End, last: _End) -> DateRange | None:
    """The period from two read ends, or None when they do not make one (it runs backwards)."""
    a, b = _end_mention(first), _end_mention(last)
    if a.date is not None and b.date is not None and a.date.earliest() > b.date.earliest():
        return None
    problems = tuple(dict.fromkeys(a.problems + b.problems))
    if a.problems and b.problems and all(c == "no-year" for c, _ in a.problems + b.problems):
        problems = (("no-year", f"'{text}' gives no year; it needs the article's date"),)
    return DateRange(start, end, text, a.date, b.date, problems, (first, last))


def resolve_year(month: int, day: int | None, reference: PartialDate) -> int:
    """The year that puts day/month nearest to ``reference`` (ties go to the earlier year)."""
    mid = reference.earliest() + (reference.latest() - reference.earliest()) / 2
    best: tuple[int, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        last = calendar.monthrange(year, month)[1]
        when = _dt.date(year, month, min(day or 15, last))
        distance = abs((when - mid).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    assert best is not None
    return best[1]


def _weekday_problems(
    date: PartialDate, weekday: int | None, text: str
) -> tuple[tuple[str, str], ...]:
    if weekday is None:
        return ()
    if date.precision is not Precision.DAY:
        return (("calendar-mismatch", f"'{text}': a weekday is given for a date without a day"),)
    actual = _dt.date(date.year, date.month or 1, date.day or 1).weekday()
    if actual == weekday:
        return ()
    fits = [y for y in range(date.year - 6, date.year + 7) if _fits(y, date, weekday)]
    nearest = min(fits, key=lambda y: (abs(y - date.year), y)) if fits else None
    name = calendar.day_name[weekday]
    hint = f"; the nearest year in which it was a {name} is {nearest}" if nearest else ""
    return (
        (
            "calendar-mismatch",
            f"'{text}': {date.iso} was a {calendar.day_name[actual]}, not a "
            f"{calendar.day_name[weekday]}{hint}",
        ),
    )


def _fits(year: int, date: PartialDate, weekday: int) -> bool:
    try:
        return _dt.date(year, date.month or 1, date.day or 1).weekday() == weekday
    except ValueError:  # 29 February
        return False


_KO_WEEKDAYS = {c: i for i, c in enumerate("월화수목금토일")}
# Full month names end at a word boundary (a period after one ends the sentence); only the
# abbreviations take a period ("Jan."), and never match inside a full name ("Jul" in "July").
_MONTH_RE = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_FULL_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
"""a month alone in parentheses after what it dates ("the Third Congress of the KWP (April)")"""
_WEEKDAY_NAME_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
)
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"


def _date_pattern(t: str, *, single: bool) -> str:
    """The pattern of one date expression, its group names ending in ``t`` (so that a period
    can hold two). A ``single`` date may also be a bare year or month after a preposition ("in
    2007", "since June"), ISO or Korean; the ends of a period (English forms only) have their
    own bare forms instead, and a smaller pattern compiles faster.

    One alternation, longest forms first; named groups carry the parts. Korean forms follow DPRK
    usage: 주체102(2013)년 1월 28일(월요일).
    """

    def juche(n: str) -> str:
        year = _bracketed(f"(?P<jy{n}{t}>{_YEAR_RE})", f"j{n}{t}")
        return rf"{_JUCHE_WORD}\s+(?P<j{n}{t}>\d{{1,3}})(?!\d)(?:\s*{year})?"

    def year_or_juche(n: str) -> str:
        return rf"(?:(?P<y{n}{t}>{_YEAR_RE})|{juche(n)})"

    korean_check = _bracketed(f"(?P<kjy{t}>{_YEAR_RE})", f"k{t}")
    suffix = _bracketed(
        rf"(?:{_JUCHE_WORD}\s+(?P<jsuf{t}>\d{{1,3}})|(?P<wd_suf{t}>{_WEEKDAY_NAME_RE}))", f"s{t}"
    )
    bare = (
        rf"""
      | \b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Bb]y|of
             |[Ee]arly|[Ll]ate|[Mm]id|year)[\s-](?P<by{t}>{_YEAR_RE})
      | \b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id)[\s-]
            (?P<mo{t}>{_MONTH_RE})(?!\s*,?\s*(?:\d|{_JUCHE_WORD}|of\b))
      | (?<=\()(?P<mp{t}>{_FULL_MONTH_RE})(?=\))"""
        if single
        else ""
    )
    iso_and_korean = (
        rf"""
      | (?P<iy{t}>{_YEAR_RE})(?:-|\.(?=(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])(?!\.?\d)))
            (?P<im{t}>0[1-9]|1[0-2])(?:[-.](?P<id{t}>0[1-9]|[12]\d|3[01]))?(?![\d-])
      | (?P<kyear{t}>(?:주체\s*(?P<kj{t}>\d{{1,3}})\s*(?:{korean_check}\s*)?
                    |(?P<ky{t}>{_YEAR_RE})\s*)년)
            (?:\s*(?P<km{t}>1[0-2]|[1-9])\s*월(?:\s*(?P<kd{t}>[12]\d|3[01]|[1-9])\s*일)?)?
      | (?P<km2{t}>1[0-2]|[1-9])\s*월\s*(?P<kd2{t}>[12]\d|3[01]|[1-9])\s*일"""
        if single
        else ""
    )
    korean_weekday = rf"(?:\s*\(\s*(?P<kwd{t}>[월화수목금토일])(?:요일)?\s*\))?" if single else ""
    return rf"""
    (?=[\dA-Z주]|[iosfutdbelmy])  # fails fast where no date can start
    (?:(?P<wd_pre{t}>{_WEEKDAY_NAME_RE}),?\s+)?
    (?:
        (?P<d1{t}>{_DAY_RE})(?:\s+of)?\s+(?P<m1{t}>{_MONTH_RE})(?:,?\s+{year_or_juche("1")})?
      | (?P<m2{t}>{_MONTH_RE})\s+(?P<d2{t}>{_DAY_RE})(?![\d:])(?:,?\s+{year_or_juche("2")})?
      | (?P<m3{t}>{_MONTH_RE}),?\s+(?:of\s+)?{year_or_juche("3")}
      | (?P<yj{t}>{_YEAR_RE})(?=\s*[(\[]\s*{_JUCHE_WORD}\s)
      | {juche("4")}{iso_and_korean}{bare}
    )
    (?:\s*{suffix})?
    {korean_weekday}
    """


_TEXT_DATE = _Lazy(_date_pattern("", single=True), re.VERBOSE)
# A period: two ends and a connector. The first end may be bare ("28", "March", "2003": the rest
# comes from the other end), the last a bare year or, after "December 28", a bare day.


@functools.cache
def _range_pattern() -> re.Pattern[str]:
    """The pattern of a period, compiled on first use (it is large: two date patterns)."""
    return re.compile(
        rf"""
        (?:(?P<pre>\b[Ff]rom|\b[Bb]etween)\s+)?
        (?P<a>{_date_pattern("_a", single=False)}
           | (?P<ya>{_YEAR_RE}) | (?P<ma>{_MONTH_RE}) | (?P<da>{_DAY_RE}))
        (?P<conn>\s*[–—-]\s*|\s+(?:to|until|till|through|thru|and)\s+)
        (?P<b>{_date_pattern("_b", single=False)}
           | (?P<yb>{_YEAR_RE}) | (?P<db>{_DAY_RE})(?:,\s*(?P<ydb>{_YEAR_RE}))?)
        """,
        re.VERBOSE,
    )


# Where a period can be: a connector with the end of a date before it and the start of one after.
_CONNECTOR = _Lazy(r"\s*[–—-]\s*|\s+(?:to|until|till|through|thru|and)\s+")
_END_BEFORE = _Lazy(rf"(?:\d(?:st|nd|rd|th)?|[)\]]|{_MONTH_RE})$")
_START_AFTER = _Lazy(rf"\d|{_MONTH_RE}|{_WEEKDAY_NAME_RE}\b|{_JUCHE_WORD}\s|주체")
_REACH = 80
"""How far from its connector a period may start or end, in characters."""
# A match must not continue a word or a number: "12345" or "Mayday" are not dates.
_WORD_BEFORE = re.compile(r"[\w-]$")
_WORD_AFTER = re.compile(r"^\w")
_PART_BEFORE = re.compile(r"(?<![\w-])(?:[Mm]id|[Ee]arly|[Ll]ate)-$")
"""a part of a month or year joined to it ("mid-June 2021", "late-2019"): no word it continues"""
# A period must not run on into a number: "2013-01-28" is a day, not 2013 to 2101.
_RANGE_AFTER = re.compile(r"\w|-\d")


def _weekday_index(name: str | None) -> int | None:
    if not name:
        return None
    return WEEKDAYS.get(name.lower().rstrip("."))


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    assert digits is not None, text  # the pattern that matched gave digits here
    return int(digits.group(0))


def find_dates(
    text: str, reference: PartialDate | None = None, *, names: bool = False
) -> list[DateMention]:
    """Every date expression in ``text``, in order, with its offsets (Python string indices).

    Recognized forms: "28 January 2013", "January 28, 2013", "28 January" and "January 28"
    (year from ``reference``), "January 2013", "May of Juche 80 (1991)", "Juche 102",
    "Juche 80 (1991)", "1991 (Juche 80)", ISO "2013-01-28", a year after a preposition
    ("in 2007"), each with an optional weekday ("(Monday)", "Monday, 28 January 2013"), and
    Korean "2013년 1월 28일", "주체102(2013)년 1월 28일(월요일)", "1월 28일". The Juche year
    may be spelled "Chuch'e", "Chuch’e" or "Chuche" (McCune-Reischauer), and square brackets
    may stand for the parentheses: "Chuch'e 106 [2017]", "1991 [Juche 80]".

    Periods give one mention per end, both pointing to the :class:`DateRange` (``range``):
    "from 2003 to 2007", "between 2003 and 2007", "2003–2007", "28 to 31 December 2019",
    "28–31 December", "December 28-31, 2019", "from 28 December 2019 to 1 January 2020",
    "from March to May 2018"; see :func:`find_date_ranges`.

    Each mention is cross-checked (Juche year against Gregorian year, weekday against the
    date); problems are listed on the mention, never raised. Year-less dates are resolved
    against ``reference`` when given (see :meth:`DateMention.resolve`); otherwise they keep
    ``date=None`` and a ``no-year`` problem, and can be resolved later.

    A year-less date that is part of a name is not a date: "the 2 July Decree", "the February
    8 Vinalon Complex" ("the", the date, then a capitalized word), or "April 25 Sports Club"
    (a head word of names of places, works and awards). With ``names=True`` these are listed
    too, with ``name`` set (the date parts are kept: the name commemorates that day).
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for period in _find_ranges(text):
        if reference is not None and period.needs_year:
            period = period.resolve(reference)
        found.extend(period.mentions())
        taken.append((period.start, period.end))
    for match in _TEXT_DATE.finditer(text):
        start, end = match.span()
        if match.group("by"):  # the preposition before a bare year is context, not the date
            start = match.start("by")
        if match.group("mo"):
            start = match.start("mo")
        if any(s < end and start < e for s, e in taken):
            continue
        # ("mid-2021": the word before a bare year is the match's, joined to it by a hyphen)
        begin = match.start() if match.group("by") or match.group("mo") else start
        if (
            begin and _WORD_BEFORE.search(text[max(0, begin - 1) : begin])
            and not _PART_BEFORE.search(text[max(0, begin - 7) : begin])
        ):  # fmt: skip
            continue
        korean = match.group("kyear") or match.group("km2")
        if _WORD_AFTER.match(text[end : end + 1]) and not korean:  # Korean particles attach
            continue
        read = _read(match.groupdict(), "", text[start:end], start, end)
        if read is None:
            continue
        name = _name_around(text, start, end, match)
        if name is not None and not names:
            continue
        if reference is not None:
            read = _resolve_end(read, reference)
        mention = _end_mention(read)
        found.append(replace(mention, name=name) if name else mention)
    found.sort(key=lambda m: m.start)
    return found


def find_date_ranges(text: str, reference: PartialDate | None = None) -> list[DateRange]:
    """Every period ``text`` states with both ends, in order (see :class:`DateRange`).

    Forms: "from X to Y" (also "until", "till", "through"), "between X and Y", "X–Y" (en or
    em dash, or a hyphen), "X to Y", where X and Y are dates in any form :func:`find_dates`
    reads, and X may leave out what Y states: "28 to 31 December 2019", "from March to May
    2018", "2003–2007", "1998–2003" or "1998–03"; also "December 28-31, 2019". Two dates that
    run backwards ("from 2007 to 2003") or "2003 and 2007" without "between" are not a period.
    A period with no year is resolved against ``reference`` when given.
    """
    periods = _find_ranges(text)
    if reference is not None:
        periods = [p.resolve(reference) if p.needs_year else p for p in periods]
    return periods


def _find_ranges(text: str) -> list[DateRange]:
    """The periods in ``text``. The period pattern is tried only around a connector with
    something date-like on both sides, which keeps the search about as fast as for single
    dates."""
    found: list[DateRange] = []
    pos = 0
    for conn in _CONNECTOR.finditer(text):
        at = conn.start()
        if at < pos or not _END_BEFORE.search(text, max(0, at - 12), at):
            continue
        if not _START_AFTER.match(text, conn.end()):
            continue
        window = max(pos, at - _REACH)
        while True:
            match = _range_pattern().search(text, window, min(len(text), conn.end() + _REACH))
            if match is None or match.start() > at:
                break
            period = _range(text, match) if match.start("conn") == at else None
            if period is not None:
                found.append(period)
                pos = period.end
                break
            window = match.start() + 1
    return found


def _two_days(g: dict[str, str | None]) -> bool:
    """ "Feb 27 and 28, 2019", "27 and 28 February 2019": two days close together of one
    month are a period (not "the 1998 and 2003 elections", nor two dates far apart)."""
    if g["db"] and g["a"] and not (g["ya"] or g["ma"] or g["da"]):
        first = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s*$", g["a"])  # "Feb 27"
        day = _day_number(g["db"])
    elif g["da"] and g["b"] and not (g["yb"] or g["db"]):
        first = re.match(r"(\d{1,2})", g["da"])
        day_b = re.match(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+[A-Z]", g["b"])  # "28 February"
        if day_b is None:
            return False
        day = int(day_b.group(1))
    else:
        return False
    return first is not None and 1 <= day - int(first.group(1)) <= 6


def _range(text: str, match: re.Match[str]) -> DateRange | None:
    start, end = match.span()
    if start and _WORD_BEFORE.search(text[start - 1 : start]):
        return None
    if _RANGE_AFTER.match(text, end):
        return None
    g = match.groupdict()
    pre = (g["pre"] or "").lower()
    conn = g["conn"].strip().lower()
    dash = conn in ("–", "—", "-")
    if pre == "between" and not (conn == "and" or dash):
        return None
    if conn == "and" and pre != "between" and not _two_days(g):
        return None
    a_start, a_end = match.span("a")
    b_start, b_end = match.span("b")
    first: _End | None
    if g["ya"]:
        first = _End(a_start, a_end, g["ya"], None, None, int(g["ya"]))
    elif g["ma"]:
        month = MONTHS[g["ma"].lower().rstrip(".")]
        first = _End(a_start, a_end, g["ma"], None, month, None)
    elif g["da"]:
        first = _End(a_start, a_end, g["da"], _day_number(g["da"]), None, None)
    else:
        first = _read(g, "_a", g["a"], a_start, a_end)
    if first is None or first.void:
        return None
    last: _End | None
    if g["yb"]:
        if first.month is not None and first.year is None:
            return None  # "March to 2018" is not a period
        last = _End(b_start, b_end, g["yb"], None, None, int(g["yb"]))
    elif g["db"]:
        number = _day_number(g["db"])
        short = re.fullmatch(r"\d\d", g["db"]) is not None
        # "(2014-16)" with a hyphen, when the two digits are no month and come after the first
        hyphen = conn == "-" and short and number > 12 and int(g["ya"] or 0) % 100 < number
        if g["ya"] and (conn in ("–", "—") or hyphen) and not g["ydb"] and short:
            # "1998–03": the last year written with its last two digits
            base = int(g["ya"])
            year = base - base % 100 + number
            last = _End(b_start, b_end, g["b"], None, None, year + 100 if year <= base else year)
        elif first.day is not None and first.month is not None and not g["da"]:
            stated = int(g["ydb"]) if g["ydb"] else None
            last = _End(b_start, b_end, g["b"], number, first.month, stated)
            last = replace(last, completed=True)
        else:
            return None
    else:
        last = _read(g, "_b", g["b"], b_start, b_end)
    if last is None or last.void:
        return None
    if (
        first.year is not None
        and first.month is None
        and last.month is not None
        and last.year is None
    ):
        return None  # "2003 to May" is not a period
    if first.month is None and first.day is not None:  # "28" in "28 to 31 December"
        if last.day is None or last.month is None:
            return None
        first = replace(first, month=last.month, completed=True)
    if first.year is None and first.month is None:
        return None
    first, last = _share_years(first, last)
    return _make_range(start, end, text[start:end], first, last)


def _read(g: dict[str, str | None], t: str, span: str, start: int, end: int) -> _End | None:
    """The parts of one date expression matched by :func:`_date_pattern` with suffix ``t``."""

    def get(name: str) -> str | None:
        return g.get(name + t)

    def number(name: str) -> int | None:
        value = get(name)
        return int(value) if value else None

    day = month = year = juche = juche_check = None
    if get("m1") or get("m2"):
        n = "1" if get("m1") else "2"
        day_text, month_text = get("d" + n), get("m" + n)
        assert day_text is not None and month_text is not None
        day, month = _day_number(day_text), MONTHS[month_text.lower().rstrip(".")]
        year, juche, juche_check = number("y" + n), number("j" + n), number("jy" + n)
    elif get("m3"):
        month = MONTHS[(get("m3") or "").lower().rstrip(".")]
        year, juche, juche_check = number("y3"), number("j3"), number("jy3")
    elif get("yj"):
        year = number("yj")
    elif get("j4"):
        juche, juche_check = number("j4"), number("jy4")
    elif get("iy"):
        year, month, day = number("iy"), number("im"), number("id")
    elif get("kyear"):
        juche, juche_check = number("kj"), number("kjy")
        year, month, day = number("ky"), number("km"), number("kd")
    elif get("km2"):
        month, day = number("km2"), number("kd2")
    elif get("by"):
        year = number("by")
    elif get("mo") or get("mp"):  # "in June", "(June)": the month, in the reference's year
        month = MONTHS[(get("mo") or get("mp") or "").lower().rstrip(".")]
    else:  # pragma: no cover - the pattern has no other branch
        return None
    if get("jsuf"):
        if juche is not None:  # "Juche 80 (Juche 80)" is not a date form
            return _End(start, end, span, None, None, None, void=True)
        juche_check, juche = year, number("jsuf")
        year = None
    weekday = _weekday_index(get("wd_pre") or get("wd_suf"))
    if get("wd_pre") and day is None:
        # "on Sunday, Juche 107 (2018)": a weekday before a year or a month names a day of it
        # that the year does not give; the weekday is read on its own (as "on Sunday"), the
        # date is what follows it
        lead = re.match(r"[A-Za-z]+,?\s+", span)
        if lead is not None:
            start, span, weekday = start + lead.end(), span[lead.end() :], None
    korean_weekday = get("kwd")
    if korean_weekday:
        weekday = _KO_WEEKDAYS[korean_weekday]

    if juche is not None:
        if juche < 1:
            problem = ("impossible-date", f"'{span}': Juche {juche} is not a Juche year")
            return _End(start, end, span, day, month, None, True, weekday, (problem,))
        from_juche = juche_to_gregorian(juche)
        if juche_check is not None and juche_check != from_juche:
            problem = (
                "calendar-mismatch",
                f"'{span}': Juche {juche} is {from_juche}, not {juche_check} "
                f"(Gregorian year = Juche year + {JUCHE_OFFSET})",
            )
            return _End(start, end, span, day, month, None, True, weekday, (problem,))
        year = from_juche
    return _End(start, end, span, day, month, year, juche is not None, weekday)


#: Head words of names that start with a date ("April 25 Sports Club", "2 July Decree"): with
#: one of these after it, a date is part of a name even without "the" before it.
_NAME_HEADS_FILE = Path(__file__).with_name("lexicons") / "date-name-heads.txt"
_NAME_RUN = _Lazy(r"[ \t]*\n?[ \t]*((?:[A-Z][\w’'.-]*)(?:[ \t]+(?:[A-Z][\w’'-]*|of|and))*)")
_THE_BEFORE = _Lazy(r"(?<!\w)[Tt]he\s+$")
# "on 2 July Decree No. 5 was issued": after a preposition of time, a date is a date.
_TIME_BEFORE = _Lazy(
    r"(?:^|\W)(?:[Oo]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter)\s+$"
)


@functools.cache
def _name_heads() -> frozenset[str]:
    lines = _NAME_HEADS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _name_around(text: str, start: int, end: int, match: re.Match[str]) -> str | None:
    """The name a year-less day and month is part of ("2 July Decree"), or None.

    A name: "the", the date, then (on the same line, with only spaces between) a capitalized
    word that is not a month, a weekday or a Korean family name ("on the 28 July Kim Jong Un
    said" is a date); or, without "the", a run of capitalized words that holds a head word of
    names (Club, Complex, Street, Prize, Decree...). A date with a year or a weekday is a date.
    """
    g = match.groupdict()
    if not (g["m1"] or g["m2"]) or g["y1"] or g["y2"] or g["j1"] or g["j2"]:
        return None
    if g["wd_pre"] or g["wd_suf"] or g["jsuf"]:
        return None
    if text[end - 1 : end] == "." and g["m2"] is None:
        return None  # "2 Jul." ends a sentence
    run = _NAME_RUN.match(text, end)
    if run is None or run.end(1) == end:
        return None
    words = run.group(1).split()
    while words and words[-1] in ("of", "and"):
        words.pop()
    head = words[0].rstrip(".")
    if head.lower() in MONTHS or head.lower() in WEEKDAYS or re.fullmatch(_JUCHE_WORD, head):
        return None
    if is_korean_surname(head) and len(words) > 1:
        return None
    the = _THE_BEFORE.search(text, max(0, start - 20), start) is not None
    if not the and (
        _TIME_BEFORE.search(text, max(0, start - 20), start)
        or not any(w.strip(".’'") in _name_heads() for w in words)
    ):
        return None
    last = words[-1]
    name_end = text.index(last, run.start(1) + len(" ".join(words[:-1]))) + len(last)
    return text[start:name_end].rstrip(".")
