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
import re
from dataclasses import dataclass
from enum import IntEnum

from .namespaces import XSD

__all__ = [
    "DateError",
    "DateMention",
    "Precision",
    "PartialDate",
    "find_dates",
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
        last = calendar.monthrange(year, month or 1)[1]
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
    return _build(int(year), int(month) if month else None, int(day) if day else None, value)


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
        move the date silently.
        """
        if not self.needs_year or reference is None or self.month is None:
            return self
        year = resolve_year(self.month, self.day, reference)
        others = tuple(p for p in self.problems if p[0] != "no-year")
        if self.day is None:
            date = PartialDate(year, self.month, stated=f"{calendar.month_name[self.month]} {year}")
            return DateMention(
                self.start, self.end, self.text, date, self.weekday, True, others, None, self.month
            )
        try:
            date = _build(year, self.month, self.day, self.text, stated=self.text)
        except DateError as exc:
            return DateMention(
                self.start, self.end, self.text, None, self.weekday, True,
                (*others, (exc.code, str(exc))), self.day, self.month,
            )  # fmt: skip
        # The statement, completed with the year it was resolved to, reads alone.
        stated = (
            f"{self.day} {calendar.month_name[self.month]} {year}"
            if self.day
            else (f"{calendar.month_name[self.month]} {year}")
        )
        if self.weekday is not None:
            stated += f" ({calendar.day_name[self.weekday]})"
        date = PartialDate(date.year, date.month, date.day, stated=stated)
        problems = others + _weekday_problems(date, self.weekday, self.text)
        return DateMention(
            self.start, self.end, self.text, date, self.weekday, True, problems,
            self.day, self.month,
        )  # fmt: skip


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
_WEEKDAY_NAME_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
)
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"
# One pass over the text: a single compiled alternation, longest forms first; named groups
# carry the parts. Korean forms follow DPRK usage: 주체102(2013)년 1월 28일(월요일).
_TEXT_DATE = re.compile(
    rf"""
    (?:(?P<wd_pre>{_WEEKDAY_NAME_RE}),?\s+)?
    (?:
        (?P<d1>{_DAY_RE})(?:\s+of)?\s+(?P<m1>{_MONTH_RE})
            (?:,?\s+(?:(?P<y1>{_YEAR_RE})|Juche\s+(?P<j1>\d{{1,3}})(?:\s*\(\s*(?P<jy1>{_YEAR_RE})\s*\))?))?
      | (?P<m2>{_MONTH_RE})\s+(?P<d2>{_DAY_RE})(?![\d:])
            (?:,?\s+(?:(?P<y2>{_YEAR_RE})|Juche\s+(?P<j2>\d{{1,3}})(?:\s*\(\s*(?P<jy2>{_YEAR_RE})\s*\))?))?
      | (?P<m3>{_MONTH_RE}),?\s+(?:of\s+)?
            (?:(?P<y3>{_YEAR_RE})|Juche\s+(?P<j3>\d{{1,3}})(?:\s*\(\s*(?P<jy3>{_YEAR_RE})\s*\))?)
      | (?P<yj>{_YEAR_RE})(?=\s*\(\s*Juche\s)
      | Juche\s+(?P<j4>\d{{1,3}})(?:\s*\(\s*(?P<jy4>{_YEAR_RE})\s*\))?
      | (?P<iy>{_YEAR_RE})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>0[1-9]|[12]\d|3[01]))?(?![\d-])
      | (?P<kyear>(?:주체\s*(?P<kj>\d{{1,3}})\s*(?:\(\s*(?P<kjy>{_YEAR_RE})\s*\)\s*)?
                    |(?P<ky>{_YEAR_RE})\s*)년)
            (?:\s*(?P<km>1[0-2]|[1-9])\s*월(?:\s*(?P<kd>[12]\d|3[01]|[1-9])\s*일)?)?
      | (?P<km2>1[0-2]|[1-9])\s*월\s*(?P<kd2>[12]\d|3[01]|[1-9])\s*일
      | \b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Bb]y|of
             |[Ee]arly|[Ll]ate|[Mm]id|year)[\s-](?P<by>{_YEAR_RE})
      | \b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id)[\s-]
            (?P<mo>{_MONTH_RE})(?!\s*,?\s*(?:\d|Juche|of\b))
    )
    (?:\s*\(\s*(?:Juche\s+(?P<jsuf>\d{{1,3}})|(?P<wd_suf>{_WEEKDAY_NAME_RE}))\s*\))?
    (?:\s*\(\s*(?P<kwd>[월화수목금토일])(?:요일)?\s*\))?
    """,
    re.VERBOSE,
)
# A match must not continue a word or a number: "12345" or "Mayday" are not dates.
_WORD_BEFORE = re.compile(r"[\w-]$")
_WORD_AFTER = re.compile(r"^\w")


def _weekday_index(name: str | None) -> int | None:
    if not name:
        return None
    return WEEKDAYS.get(name.lower().rstrip("."))


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    assert digits is not None, text  # the pattern that matched gave digits here
    return int(digits.group(0))


def find_dates(text: str, reference: PartialDate | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, with its offsets (Python string indices).

    Recognized forms: "28 January 2013", "January 28, 2013", "28 January" and "January 28"
    (year from ``reference``), "January 2013", "May of Juche 80 (1991)", "Juche 102",
    "Juche 80 (1991)", "1991 (Juche 80)", ISO "2013-01-28", a year after a preposition
    ("in 2007"), each with an optional weekday ("(Monday)", "Monday, 28 January 2013"), and
    Korean "2013년 1월 28일", "주체102(2013)년 1월 28일(월요일)", "1월 28일".

    Each mention is cross-checked (Juche year against Gregorian year, weekday against the
    date); problems are listed on the mention, never raised. Year-less dates are resolved
    against ``reference`` when given (see :meth:`DateMention.resolve`); otherwise they keep
    ``date=None`` and a ``no-year`` problem, and can be resolved later.
    """
    found: list[DateMention] = []
    for match in _TEXT_DATE.finditer(text):
        start, end = match.span()
        if match.group("by"):  # the preposition before a bare year is context, not the date
            start = match.start("by")
        if match.group("mo"):
            start = match.start("mo")
        if start and _WORD_BEFORE.search(text[max(0, start - 1) : start]):
            continue
        korean = match.group("kyear") or match.group("km2")
        if _WORD_AFTER.match(text[end : end + 1]) and not korean:  # Korean particles attach
            continue
        mention = _mention(match, text[start:end], start, end)
        if mention is not None:
            found.append(mention.resolve(reference) if mention.needs_year else mention)
    return found


def _mention(match: re.Match[str], span: str, start: int, end: int) -> DateMention | None:
    g = match.groupdict()
    day = month = year = juche = juche_check = None
    if g["m1"] or g["m2"]:
        n = "1" if g["m1"] else "2"
        day, month = _day_number(g["d" + n]), MONTHS[g["m" + n].lower().rstrip(".")]
        year = int(g["y" + n]) if g["y" + n] else None
        juche = int(g["j" + n]) if g["j" + n] else None
        juche_check = int(g["jy" + n]) if g["jy" + n] else None
    elif g["m3"]:
        month = MONTHS[g["m3"].lower().rstrip(".")]
        year = int(g["y3"]) if g["y3"] else None
        juche = int(g["j3"]) if g["j3"] else None
        juche_check = int(g["jy3"]) if g["jy3"] else None
    elif g["yj"]:
        year = int(g["yj"])
    elif g["j4"]:
        juche = int(g["j4"])
        juche_check = int(g["jy4"]) if g["jy4"] else None
    elif g["iy"]:
        year, month = int(g["iy"]), int(g["im"])
        day = int(g["id"]) if g["id"] else None
    elif g["kyear"]:
        juche = int(g["kj"]) if g["kj"] else None
        juche_check = int(g["kjy"]) if g["kjy"] else None
        year = int(g["ky"]) if g["ky"] else None
        month = int(g["km"]) if g["km"] else None
        day = int(g["kd"]) if g["kd"] else None
    elif g["km2"]:
        month, day = int(g["km2"]), int(g["kd2"])
    elif g["by"]:
        year = int(g["by"])
    elif g["mo"]:  # "in June": the month, in the year the reference gives
        month = MONTHS[g["mo"].lower().rstrip(".")]
    else:  # pragma: no cover - the regex has no other branch
        return None
    if g["jsuf"]:
        if juche is not None:
            return None  # "Juche 80 (Juche 80)" is not a date form
        juche_check, juche = year, int(g["jsuf"])
        year = None
    weekday = _weekday_index(g["wd_pre"] or g["wd_suf"])
    if g["kwd"]:
        weekday = _KO_WEEKDAYS[g["kwd"]]

    problems: list[tuple[str, str]] = []
    is_juche = juche is not None
    if juche is not None:
        if juche < 1:
            problems.append(("impossible-date", f"'{span}': Juche {juche} is not a Juche year"))
            return DateMention(start, end, span, None, weekday, False, tuple(problems), day, month)
        from_juche = juche_to_gregorian(juche)
        if juche_check is not None and juche_check != from_juche:
            problems.append(
                (
                    "calendar-mismatch",
                    f"'{span}': Juche {juche} is {from_juche}, not {juche_check} "
                    f"(Gregorian year = Juche year + {JUCHE_OFFSET})",
                )
            )
            return DateMention(start, end, span, None, weekday, False, tuple(problems), day, month)
        year = from_juche
    if year is None:
        problems.append(("no-year", f"'{span}' gives no year; it needs the article's date"))
        return DateMention(start, end, span, None, weekday, False, tuple(problems), day, month)
    try:
        date = _build(year, month, day, span, juche=is_juche)
    except DateError as exc:
        problem = ((exc.code, str(exc)),)
        return DateMention(start, end, span, None, weekday, False, problem, day, month)
    if span != date.iso:
        date = PartialDate(date.year, date.month, date.day, stated=span, juche=is_juche)
    return DateMention(
        start, end, span, date, weekday, False, _weekday_problems(date, weekday, span), day, month
    )
