"""Holding dates, last step (round 6, lever L8): a title printed at an occasion is as of its day.

:func:`kwpld.extract.facts_common.fact_dates` dates a holding from its sentence, the event the
fact belongs to, a weekday, and last the article's date. A title in apposition to a name that
the sentence places at an occasion ("He was welcomed at the hospital by X, minister of Public
Health", "Accompanying him were A and B, vice-premier of ...") often has no event of its own when
the holdings pass reads it: the attendance pass, which runs after it, is what ties the people
of the sentence to the occasion. This step, run after attendance, gives such a title the day of
that occasion instead of the article's, as the guide labels it ("the date the sentence is about:
the event it reports, else the article's date"; at a multi-day event its last day).

Only a title (``holds``) dated by the article alone is re-dated, never a change (an election or
dismissal dated by the article is a report's undated change and stays so), and only to an
occasion that one of the sentence's people attended (the person's own, else the one all of the
sentence's participations share), dated, and not after the article (a preview).
"""

from __future__ import annotations

from ..dates import PartialDate
from ..reading.facts import Fact
from ..reading.state import Context, Found
from .facts_common import event_day

__all__ = ["titles_at_occasions"]


def titles_at_occasions(r: Context) -> Found:
    by_sentence: dict[tuple[int, int], list[Fact]] = {}
    for fact in r.facts:
        if isinstance(fact, Fact) and fact.kind == "participation" and fact.event:
            by_sentence.setdefault(fact.sentence, []).append(fact)
    if not by_sentence:
        return r.found()
    for fact in r.facts:
        if (
            not isinstance(fact, Fact)
            or fact.kind != "membership"
            or fact.type != "holds"
            or fact.date_basis != "article"
            or fact.as_of is None
            or fact.start is not None
            or fact.end is not None
        ):
            continue
        present = by_sentence.get(fact.sentence)
        if not present:
            continue
        own = {p.event for p in present if p.person == fact.person}
        events = own or {p.event for p in present}
        if len(events) != 1:
            continue  # two occasions in one sentence: which one the title is of, unsaid
        day = _day(r, events.pop())
        if day is None or day == fact.as_of:
            continue
        fact.as_of, fact.date_basis = day, "event"
    return r.found()


def _day(r: Context, event: str | None) -> PartialDate | None:
    """The day of the occasion (its last, when it lasted several), None when it is undated or
    after the article's date."""
    day = event_day(r, event)
    if day is None or (r.reference is not None and day.certainly_after(r.reference)):
        return None
    return day
