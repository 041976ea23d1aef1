"""The dates pass: every date the text states (:func:`kwpld.dates.find_dates`), resolved against
the article's date, or, when nobody gives one, the latest day the text states."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..dates import DateMention, PartialDate, find_dates
from ..reading.state import Context, Found

__all__ = ["dates", "relative_day", "event_day_before"]


def dates(r: Context) -> Found:
    doc = r.doc
    found = [d for d in find_dates(r.text) if doc.block_at(d.start) is not None]
    reference = r.reference
    if reference is None:
        # The article's date, when nobody gives it: the latest day the text states, at month
        # precision. Days first: what is reported happened on a day, while plans are vague
        # ("to convene the 8th Congress in January 2021").
        days = [d.date for d in found if d.date is not None and d.date.precision == 3]
        months = [d.date for d in found if d.date is not None and d.date.precision >= 2]
        stated = days or months
        if stated:
            latest = max(stated, key=lambda d: (d.year, d.month or 0, d.day or 0))
            reference = PartialDate(latest.year, latest.month)
            r.reference = reference
            r.reference_inferred = True
    resolved = [_resolve(r, d, reference) if d.needs_year else d for d in found]
    r.dates = [d for d in resolved if doc.block_at(d.start) is not None]
    return r.found()


_AHEAD = re.compile(
    r"\b(?:will|shall|would|is\s+to|are\s+to|to\s+(?:be|convene|hold|open|call)"
    r"|(?:is|are|was|were)\s+(?:scheduled|expected"
    r"|due|set|slated)|plans?\s+to|planned|next|upcoming|coming)\b",
    re.I,
)
"""Words before a date of the future ("the 3rd Plenary Meeting, to be convened in late June")."""


def _resolve(r: Context, mention: DateMention, reference: PartialDate | None) -> DateMention:
    """A year-less date ("in June", "on 28 December"): the latest such day or month not after
    the article's date (give or take a month), as what is reported happened before it was
    reported; when its sentence speaks of the future ("decided to convene the 3rd Plenary
    Meeting in late June", "will hold its session in September"), the first one not before."""
    out = mention.resolve(reference)
    if reference is None or out.since is None or r.reference_inferred:
        return out
    sentence = r.doc.sentence_at(mention.start)
    ahead = sentence is not None and _AHEAD.search(r.text, sentence.start, mention.start)
    # a month's slack either way: what was dated late, what was announced in advance
    if ahead and (reference.earliest() - out.since.latest()).days > 31:
        step = 1  # "will hold its session in September" (of an article of February)
    elif not ahead and (out.since.earliest() - reference.latest()).days > 31:
        step = -1  # "returned to the Presidium in June" (of an article of January)
    else:
        return out
    day = min(reference.day, 28) if reference.month == 2 and reference.day else reference.day
    moved = mention.resolve(PartialDate(reference.year + step, reference.month, day))
    return moved if moved.date is not None else out


_RELATIVE = re.compile(
    r"\b(?:(?P<same>(?:on\s+)?the\s+same\s+day|that\s+day|(?:earlier|later)\s+(?:in\s+)?(?:the"
    r"|that)\s+day|in\s+the\s+(?:morning|afternoon|evening)|that\s+(?:morning|afternoon|evening))"
    r"|(?P<before>(?:on\s+)?the\s+(?:day\s+before|previous\s+day|eve\b))"
    r"|(?P<after>(?:on\s+)?the\s+(?:next|following)\s+day)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday))\b",
    re.I,
)

_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+scheduled\s+to|plans\s+to|proposed|proposes"
    r"|proposing|offered\s+to)\b",
    re.I,
)
_WEEKDAY_ON = re.compile(
    r"\bon\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _article_day(r: Context) -> PartialDate | None:
    reference = r.reference
    if reference is None or reference.day is None or r.reference_inferred:
        return None
    return reference


def _shift(day: PartialDate, days: int) -> PartialDate:
    when = dt.date(day.year, day.month or 1, day.day or 1) + dt.timedelta(days=days)
    return PartialDate(when.year, when.month, when.day)


def event_day_before(r: Context, offset: int, *, block: int | None = None) -> PartialDate | None:
    """The day of the event dated last before ``offset`` (in ``block`` only, if given): what
    "the same day", "the day before", "in the evening" count from."""
    for m in reversed(r.mentions_in(0, offset, ("event",))):
        if not m.entity:
            continue
        if block is not None and r.doc.block_at(m.start) != block:
            continue
        entity = r.reg.peek(m.entity)
        if entity.known:
            iso = r.known.event_dates.get(entity.known)
            if iso and iso.count("-") == 2:
                year, month, day = (int(x) for x in iso.split("-"))
                return PartialDate(year, month, day)
            continue
        date = entity.fields.get("date")
        if isinstance(date, PartialDate) and date.day is not None:
            return date
    return None


def relative_day(
    r: Context, start: int, end: int, *, anchor: int | None = None
) -> tuple[PartialDate, tuple[int, int]] | None:
    """A day text[start:end] gives relative to another: "on the same day", "in the afternoon",
    "earlier in the day" (the day of the event dated last before), "the day before", "the next
    day" (a day from it), "today", "yesterday" (the article's day), "will ... on Saturday" (the
    next such weekday after the article's day). Events count from before ``anchor`` (default
    ``start``). None when there is nothing to count from."""
    m = _RELATIVE.search(r.text, start, end)
    if m is not None:
        span = (m.start(), m.end())
        if m.group("today") or m.group("yesterday"):
            day = _article_day(r)
            if day is None:
                return None
            return (day if m.group("today") else _shift(day, -1)), span
        shift = -1 if m.group("before") else 1 if m.group("after") else 0
        # "on 29 April, when KCNA said he had watched it the day before": from the day stated
        stated = [d.date for d in r.dates_in(start, m.start()) if d.date and d.date.day]
        if shift and stated:
            return _shift(stated[-1], shift), span
        base = event_day_before(r, start if anchor is None else anchor)
        if base is None and not shift:
            base = _article_day(r)  # "in the afternoon": of the day reported
        if base is None:
            return None  # "the following day": of an event not dated (yet)
        return _shift(base, shift), span
    weekday = _WEEKDAY_ON.search(r.text, start, end)
    if weekday is not None and _FUTURE.search(r.text, start, weekday.start()):
        day = _article_day(r)
        if day is None:
            return None
        wanted = list(calendar.day_name).index(weekday.group("day"))
        ahead = (wanted - dt.date(day.year, day.month or 1, day.day or 1).weekday()) % 7 or 7
        return _shift(day, ahead), (weekday.start(), weekday.end())
    return None
