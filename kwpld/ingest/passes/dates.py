"""The dates pass: every date the text states (:func:`kwpld.dates.find_dates`), resolved against
the article's date, or, when nobody gives one, the latest day the text states."""

from __future__ import annotations

from ...dates import PartialDate, find_dates
from ..state import Context, Found

__all__ = ["dates"]


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
    resolved = [d.resolve(reference) if d.needs_year else d for d in found]
    r.dates = [d for d in resolved if doc.block_at(d.start) is not None]
    return r.found()
