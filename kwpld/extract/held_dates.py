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

A second step reads the end of a term told by a predicate that names no office, right before its
date ("X, minister of Public Health from 2003, was dismissed in March 2009", "became minister in
2003 and served until 2009", "X held the premiership until April 2013"; the phrasings are data,
``unnamed_term_ends`` in ``kwpld/reading/facts.yaml``): it ends the one holding of the
predicate's subject (the last person named before it) that the sentence gives, else the one with
a start and no end the sentence before gives. Not when the subject holds several there (which
one ended, the text does not say), nor with an end before the term's start.
"""

from __future__ import annotations

import re
from functools import cache

from ..dates import PartialDate
from ..reading.facts import Fact
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .facts_common import event_day, sentence_view

__all__ = ["titles_at_occasions"]


def titles_at_occasions(r: Context) -> Found:
    _unnamed_ends(r)
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


@cache
def _end_patterns() -> tuple[re.Pattern[str], ...]:
    data = resource_yaml("kwpld/reading/facts.yaml")
    return tuple(
        re.compile(regex.replace(" ", r"\s+"), re.I) for regex in data["unnamed_term_ends"]
    )


_HINT = re.compile(r"\b(?:until|till|dismissed|relieved|removed|sacked|ousted|replaced)\b", re.I)


def _unnamed_ends(r: Context) -> None:
    """Ends told by a predicate that names no office (see the module's docstring)."""
    holdings = [
        f for f in r.facts
        if isinstance(f, Fact) and f.kind == "membership" and f.status != "projected"
    ]  # fmt: skip
    if not holdings:
        return
    sentences = r.doc.sentences
    for index, sentence in enumerate(sentences):
        if not _HINT.search(r.text, sentence.start, sentence.end):
            continue
        for date in r.dates_in(sentence.start, sentence.end):
            if date.date is None:
                continue
            lead = r.text[max(sentence.start, date.start - 60) : date.start]
            m = next((m for p in _end_patterns() if (m := p.search(lead))), None)
            if m is None:
                continue
            at = date.start - len(lead) + m.start()
            view = sentence_view(r, sentence.start, sentence.end)
            people = [i for i in view.items if i.kind == "person" and i.end <= at and i.ref]
            if not people:
                continue
            person = r.reg.resolve(people[-1].ref)
            span = (sentence.start, sentence.end)
            own = [f for f in holdings if f.person == person and f.sentence == span]
            if not own and index > 0:
                before = sentences[index - 1]
                own = [
                    f for f in holdings
                    if f.person == person and f.sentence == (before.start, before.end)
                    and f.start is not None
                ]  # fmt: skip
            if len(own) != 1:
                continue
            fact = own[0]
            if fact.end is not None or fact.type not in _OPEN_TYPES:
                continue
            if fact.start is not None and date.date.earliest() < fact.start.earliest():
                continue
            fact.end, fact.as_of = date.date, None


_OPEN_TYPES = frozenset(
    ("holds", "elected", "appointed", "promoted", "became", "named", "held", "heads")
)
"""fact types that open or state a term (a change that ends one has its own date)"""
