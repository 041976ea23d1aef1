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
from ..reading.facts import Fact, fact_lexicon
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .dates import lead_day, speaks_ahead
from .facts_common import event_day, sentence_view

__all__ = ["titles_at_occasions"]


def titles_at_occasions(r: Context) -> Found:
    _unnamed_ends(r)
    _main_event_day(r)
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


_CHANGES = frozenset(("elected", "appointed", "promoted", "named", "became"))
"""change types a session's report tells in the sentences after the one that names it"""

_MAIN_EVENT_DAYS = 7
"""how many days before the article the story's main event may be held for its day to date the
report's undated holdings (a news story reports an occasion of the last few days)"""


def _main_event_day(r: Context) -> None:
    """(round 7, M4) The story's main event dates its report's holdings: in news, a holding no
    sentence, event, weekday or paragraph dates (``date_basis`` "article") is as of the day of
    the occasion the lead reports held a few days before the article, when its sentence comes
    after the one that reports it held: a title ("Following is the line-up after the session:
    Chairman: X") gets ``as_of`` that day; an election or appointment ("The plenum was held on
    28 December. It elected X a member of ...", "Y and Z were re-elected vice-chairmen") starts
    that day. Not a sentence that looks ahead, names another occasion, or says "remains",
    "now", "analysts" (a title as of the article: ``not_of_occasion``), not one after another
    occasion the narrative reports held, and not in an analysis or background piece (only
    ``type: news``)."""
    if r.reference is None or r.article.fields.get("type") != "news":
        return
    named = [
        (m.start, resolved) for m in r.mentions_in(0, len(r.text), ("event",))
        if m.entity and (resolved := r.reg.resolve(m.entity))
    ]  # fmt: skip
    main = _main_event(r, named)
    if main is None:
        return
    lead_start, first, key, day = main
    flex = fact_lexicon()
    occasions = {words[-1] for words in flex.event_references}
    for fact in r.facts:
        if (
            not isinstance(fact, Fact)
            or fact.kind != "membership"
            or fact.date_basis != "article"
            or fact.status == "projected"
            or fact.as_of != r.reference
            or fact.start is not None
            or fact.end is not None
            or fact.sentence[0] < first
            or not (fact.type == "holds" or fact.type in _CHANGES)
        ):
            continue
        start, end = fact.sentence
        told = {other for at, other in named if first <= at < end} - {key}
        if len(told) > (0 if key is not None else 1):
            continue  # the narrative has moved on to (or names) another occasion
        words = {w.lower() for w in _WORD.findall(r.text, start, end)}
        if words & (flex.not_of_occasion | _not_of_main()) or speaks_ahead(r, start, end):
            continue
        told_so_far = {w.lower() for w in _WORD.findall(r.text, lead_start, end)}
        if key is None and not told_so_far & occasions:
            continue  # a day the lead gives no occasion of ("died on Friday")
        if fact.type == "holds":
            fact.as_of = day
        else:
            fact.start, fact.as_of = day, None
        fact.date_basis = "event"


def _main_event(
    r: Context, named: list[tuple[int, str]]
) -> tuple[int, int, str | None, PartialDate] | None:
    """The story's main event and its day: the first occasion the lead (the first paragraph of
    the body) names, when it is dated, else the day the lead's first sentence gives by a weekday
    (:func:`~kwpld.extract.dates.lead_day`: "North Korea's parliament on Wednesday re-elected
    ...", "at the first session ... held on Thursday, KCNA reported Saturday"), not an
    obituary's ("died on Friday"); at most :data:`_MAIN_EVENT_DAYS` before the article's date,
    not after it (a preview). Returns (the start and end of the lead, the event's key or None,
    the day)."""
    assert r.reference is not None
    lead = next((b for b in r.doc.blocks if b.kind not in _NOT_LEAD), None)
    if lead is None:
        return None
    key = next((k for at, k in named if lead.start <= at < lead.end), None)
    day = event_day(r, key) if key is not None else None
    if day is None:
        first = r.doc.sentence_at(lead.start)
        if first is None or {w.lower() for w in _WORD.findall(r.text, first.start, first.end)} & (
            _not_of_main("not_main_event_leads")
        ):
            return None  # an obituary's lead: the day of a death is no occasion's
        day = lead_day(r, lead.end)  # the lead's own report, not the last dateline's
    if day is None or day.day is None or day.certainly_after(r.reference):
        return None
    if (r.reference.earliest() - day.latest()).days > _MAIN_EVENT_DAYS:
        return None
    return lead.start, lead.end, key, day


@cache
def _not_of_main(name: str = "not_of_main_event") -> frozenset[str]:
    return frozenset(resource_yaml("kwpld/reading/facts.yaml")[name])


_NOT_LEAD = ("title", "heading", "meta", "byline")

_WORD = re.compile(r"[A-Za-z]+")


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
