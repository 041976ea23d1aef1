"""Dates as sources state them: full, partial, and in the Juche calendar.

A curator writes what the source says: ``2013-01-28``, ``January 2013``, ``1991``,
``28 January 2013 (Monday)``, ``Juche 80``, ``May of Juche 80 (1991)``. :func:`parse_date`
turns each into a :class:`PartialDate` that knows its precision (day, month or year), which
picks the XSD datatype of the RDF literal (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``).

The Juche calendar counts 1912 as Juche 1, so Gregorian year = Juche year + 1911. When a
date gives both calendars ("Juche 80 (1991)") or a weekday, they are cross-checked and a
mismatch raises :class:`DateError` with a sentence a curator can act on.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from enum import IntEnum

__all__ = [
    "DateError",
    "Precision",
    "PartialDate",
    "parse_date",
    "juche_to_gregorian",
    "gregorian_to_juche",
    "JUCHE_OFFSET",
    "XSD",
]

JUCHE_OFFSET = 1911
"""Gregorian year = Juche year + JUCHE_OFFSET (Juche 1 is 1912)."""

XSD = "http://www.w3.org/2001/XMLSchema#"

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


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_JUCHE = re.compile(
    r"^(?:(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(?:of\s+)?)?juche\s+(\d{1,3})(?:\s*\(\s*(\d{4})\s*\))?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"^(.*?)[\s,]*\(\s*([A-Za-z]+)\s*\)$")
_JUCHE_SUFFIX = re.compile(r"^(.*?)[\s,]*\(\s*juche\s+(\d{1,3})\s*\)$", re.IGNORECASE)
_TEXT_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_TEXT_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})$")
_TEXT_MY = re.compile(r"^([A-Za-z]+)\.?,?\s+(?:of\s+)?(\d{4})$")


def _month(name: str, text: str) -> int:
    month = MONTHS.get(name.lower())
    if month is None:
        raise DateError(f"'{name}' in '{text}' is not a month name")
    return month


def _build(
    year: int, month: int | None, day: int | None, text: str, **extra: object
) -> PartialDate:
    if not 1 <= year <= 9999:
        raise DateError(f"'{text}': year {year} is out of range", "impossible-date")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}': there is no month {month}", "impossible-date")
    if day is not None:
        last = calendar.monthrange(year, month or 1)[1]
        if not 1 <= day <= last:
            raise DateError(
                f"'{text}': {calendar.month_name[month or 1]} {year} has {last} days, not {day}",
                "impossible-date",
            )
    return PartialDate(year, month, day, **extra)  # type: ignore[arg-type]


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
    if match and match.group(2).lower() in WEEKDAYS:
        text_core, weekday = match.group(1), match.group(2)
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
    return _build(int(year), month and int(month), day and int(day), value)


def _parse_core(text: str, original: str) -> PartialDate:
    match = _JUCHE_SUFFIX.match(text)
    if match:  # "1991 (Juche 80)", "May 1991 (Juche 80)"
        date = _parse_core(match.group(1), original)
        juche_year = int(match.group(2))
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
        day_s, month_s, juche_s, greg_s = match.groups()
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
