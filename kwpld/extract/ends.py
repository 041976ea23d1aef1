"""The all-posts endings pass: an ending that closes every post a person holds.

A wire story on a purge or an obituary gives a person's titles in apposition, a career line or
two ("secretary since September 2010") and then one ending for all of them: "X died on 7 July
2014", "North Korea executed X in July", "X was relieved of all his posts", "the NIS said he had
been stripped of all his titles in January 2015". The sentence patterns read each title as held
(as of the article's date, or from its start); this step, run over the holdings already drafted
from one article, closes them: every holding of that person with no end of its own gets the
ending's date (the earliest, when the text gives several), a fact of the ending's type with the
ending's sentence as evidence and the ending's status ("according to South Korea's spy agency":
reported, and so the term it closes). A projected end of a post the text says has ended already
("Y is likely to replace X") adds nothing and is dropped. The words are data
(``all_posts_endings`` in ``kwpld/reading/facts.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..dates import DateMention, PartialDate
from ..reading.facts import Fact, FactSpan, fact_lexicon
from ..reading.sentences import Item, SentenceView
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .facts_common import (
    held_since,
    sentence_date,
    sentence_view,
    status_of,
    weekday_date,
)

__all__ = ["all_posts_endings"]


@dataclass(frozen=True)
class _Ending:
    person: str
    date: PartialDate
    type: str
    sentence: tuple[int, int]
    spans: tuple[FactSpan, ...]
    status: str


@cache
def _patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """``after`` and ``before`` -> (fact type, regex) of ``all_posts_endings``."""
    data = resource_yaml("kwpld/reading/facts.yaml")
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {"after": [], "before": []}
    for side, by_type in data["all_posts_endings"].items():
        for kind, regexes in by_type.items():
            for regex in regexes:
                out[side].append((kind, re.compile(regex.replace(" ", r"\s+"), re.I)))
    return out


def all_posts_endings(r: Context) -> Found:
    endings: dict[str, _Ending] = {}
    starts: dict[tuple[str, str, str], PartialDate] = {}
    for sentence in r.doc.sentences:
        if not _PHRASE_HINT.search(r.text, sentence.start, sentence.end):
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        for ending in _endings_in(r, view, starts):
            known = endings.get(ending.person)
            if known is None or ending.date.earliest() < known.date.earliest():
                endings[ending.person] = ending
    facts = _close(r, list(r.facts), endings, starts) if endings else list(r.facts)
    r.facts = _attributed(r, _noted_terms(r, _held_since_starts(r, facts)))
    return r.found()


_NOTED = re.compile(
    r"\s*(?:\(\s*(?:(?P<end>relieved|dismissed|removed|sacked|ousted|replaced|purged|retired)"
    r"|(?P<start>appointed|named|elected|promoted|since))|,\s+(?:in|on)\s+the\s+(?:job|post"
    r"|position)\s+(?P<since>since))\s+(?:in\s+|on\s+)?",
    re.I,
)
"""a term's change noted right after a titled name: "Defence Minister K (relieved in 2021)",
"Premier K (appointed in 2019)", "Premier K, in the job since August 2020," """


def _noted_terms(r: Context, facts: list[Fact]) -> list[Fact]:
    """A title held as of a day whose holder's name is followed by a note of the term's change
    ("Defence Minister Kim Jong Gwan (relieved in 2021)"): the note's date ends (or starts) the
    term, instead of the day the sentence is about."""
    out = []
    for fact in facts:
        person = next((s for s in fact.spans if s.role == "person"), None)
        if fact.kind != "membership" or fact.as_of is None or fact.start or fact.end or not person:
            out.append(fact)
            continue
        m = _NOTED.match(r.text, person.end)
        date = r.date_at(m.end()) if m is not None else None
        if m is None or date is None or date.date is None:
            out.append(fact)
            continue
        span = [*fact.spans, FactSpan(date.start, date.end, "date")]
        ends = m.group("end") is not None
        out.append(replace(
            fact, as_of=None, date_basis="sentence", spans=span,
            start=None if ends else date.date, end=date.date if ends else None,
        ))  # fmt: skip
    return out


@cache
def _attribution() -> list[re.Pattern[str]]:
    data = resource_yaml("kwpld/reading/facts.yaml")
    return [re.compile(p.replace(" ", r"\s+"), re.I) for p in data["attribution_phrases"]]


def _attributed(r: Context, facts: list[Fact]) -> list[Fact]:
    """A holding stated in a sentence on the word of officials ("..., the official said") is
    reported (``attribution_phrases``); an official announcement states its own facts."""
    if r.official:
        return facts
    out = []
    for fact in facts:
        if isinstance(fact, Fact) and fact.kind == "membership" and fact.status == "confirmed":
            start, end = fact.sentence
            if any(p.search(r.text, start, end) for p in _attribution()):
                fact = replace(fact, status="reported")
        elif isinstance(fact, Fact) and fact.kind == "membership" and _hedge_elsewhere(r, fact):
            fact = replace(fact, status="confirmed")
        out.append(fact)
    return out


def _hedge_elsewhere(r: Context, fact: Fact) -> bool:
    """ "Y is likely to succeed him at O1; X has been foreign minister since January": the
    hedge of another clause (before a semicolon the fact's person follows) leaves the fact as
    stated, when its own clause has no word of others."""
    hedge = next((s for s in fact.spans if s.role == "hedge"), None)
    person = next((s for s in fact.spans if s.role == "person"), None)
    if hedge is None or person is None or hedge.start > person.start:
        return False
    cut = r.text.rfind(";", hedge.end, person.start)
    if cut < 0:
        return False
    flex = fact_lexicon()
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", r.text[cut : fact.sentence[1]])}
    hedges = flex.reported_words | flex.projected_words | flex.attribution_words
    return not words & hedges and not any(
        p.search(r.text, cut, fact.sentence[1]) for p in _attribution()
    )


_PHRASE_HINT = re.compile(
    r"\b(?:died|passed|executed|shot|hanged|killed|death|purged|ousted|all|expelled|name|retired)\b",
    re.I,
)


def _endings_in(
    r: Context, view: SentenceView, starts: dict[tuple[str, str, str], PartialDate]
) -> list[_Ending]:
    """The all-posts endings of a sentence, dated; the starts its "who had been ... since"
    clauses give the titles they name go to ``starts`` (person, organ, role)."""
    people = [i for i in view.items if i.kind == "person"]
    out = []
    for side, patterns in _patterns().items():
        for kind, regex in patterns:
            for m in regex.finditer(r.text, view.start, view.end):
                person = _person_after(people, m) if side == "before" else _person_before(people, m)
                if person is None:
                    continue
                if side == "after":
                    _clause_starts(r, view, person, m.start(), starts)
                anchor = m.start()
                if side == "before":  # "removed X, ..., from all his posts on 8 December"
                    anchor = m.end("rest") if "rest" in regex.groupindex else person.end
                dated = _dated(r, view, anchor)
                if dated is None:
                    continue
                when, date_span = dated
                status, hedge = status_of(r, view)
                spans = [FactSpan(person.start, person.end, "person"),
                         FactSpan(m.start(), m.end(), "trigger"), date_span]  # fmt: skip
                if hedge is not None:
                    spans.append(hedge)
                out.append(
                    _Ending(
                        person.ref, when, kind, (view.start, view.end), tuple(spans), status
                    )  # fmt: skip
                )
    return out


def _clause_starts(
    r: Context,
    view: SentenceView,
    person: Item,
    end: int,
    starts: dict[tuple[str, str, str], PartialDate],
) -> None:
    """The start a "who had been vice premier since June 2012" clause gives its title."""
    since = held_since(r, person.end, end, "person")
    if since is None or since.date is None:
        return
    for item in view.items:
        title = item.ref
        if item.kind == "title" and person.end < item.start < since.start and title.organ:
            starts[(person.ref, r.reg.resolve(title.organ), title.role)] = since.date


def _held_since_starts(r: Context, facts: list[Fact]) -> list[Fact]:
    """A change that ends a holding with no start gets the start its "who had held the post
    since ..." clause gives ("X, who had held the post since May last year, was replaced")."""
    ending_types = fact_lexicon().ending
    out = []
    for fact in facts:
        if (
            isinstance(fact, Fact) and fact.kind == "membership" and fact.type in ending_types
            and fact.start is None and fact.status != "projected"
        ):  # fmt: skip
            person = next((s for s in fact.spans if s.role == "person"), None)
            trigger = next((s for s in fact.spans if s.role == "trigger"), None)
            title_end = max((s.end for s in fact.spans if s.role in ("role", "organ")), default=0)
            since_after = held_since(r, title_end, title_end + 120, "title") if title_end else None
            if since_after is not None and since_after.date is not None:
                # "was not re-elected an alternate member, a seat she had held since 2021"
                span = FactSpan(since_after.start, since_after.end, "date")
                fact = replace(fact, start=since_after.date, spans=[*fact.spans, span])
            elif person is not None and trigger is not None and person.end < trigger.start:
                since = held_since(r, person.end, trigger.start, "person")
                if (
                    since is not None
                    and since.date is not None
                    and _own_clause(r, fact, person.end, since.start)
                ):
                    span = FactSpan(since.start, since.end, "date")
                    fact = replace(fact, start=since.date, spans=[*fact.spans, span])
        out.append(fact)
    return out


def _own_clause(r: Context, fact: Fact, start: int, end: int) -> bool:
    """The clause names no title but the fact's own ("X, who had served as vice-chairman of
    the commission since 1998, was not re-elected to the Central Committee": another post)."""
    organ = r.reg.resolve(fact.organ) if fact.organ else None
    return all(
        (title.organ and r.reg.resolve(title.organ)) == organ and title.role == fact.role
        for title in r.person_titles
        if start <= title.start and title.end <= end
    )


_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _person_before(people: list[Item], m: re.Match[str]) -> Item | None:
    """The person the ending is said of: the last one named before it in its sentence; a
    pronoun the sentence cannot resolve stands for the sentence's first person."""
    before = [i for i in people if i.end <= m.start()]
    if not before:
        return None
    last = before[-1]
    if last.ref is None and last.text.lower() in _PRONOUNS:
        named = [i for i in before if i.ref is not None and i.text.lower() not in _PRONOUNS]
        return named[0] if named else None
    return last if last.ref is not None else None


def _person_after(people: list[Item], m: re.Match[str]) -> Item | None:
    """ "executed Kim Yong Jin": the person right after the active verb."""
    after = [i for i in people if i.start >= m.end() and i.start - m.end() <= 40]
    return after[0] if after and after[0].ref is not None else None


def _dated(r: Context, view: SentenceView, anchor: int) -> tuple[PartialDate, FactSpan] | None:
    """The ending's date and where it is printed: its clause's date (:func:`_date`), else a
    weekday after it in a dated article ("died in a traffic accident on Tuesday, state media
    said Wednesday": the Tuesday before the article's day)."""
    date = _date(r, view, anchor)
    if date is not None and date.date is not None:
        return date.date, FactSpan(date.start, date.end, "date")
    weekday = weekday_date(r, view)
    if weekday is not None and weekday[1].start > anchor:
        return weekday
    return None


def _date(r: Context, view: SentenceView, anchor: int) -> DateMention | None:
    """The date of the ending's clause: one after it with no other event's clause between
    ("relieved of all his posts after he was seen ... in late June" gives none), else one
    opening the sentence ("In early February 2015, ... Pyon was executed")."""
    date = sentence_date(r, view, anchor, False)
    if date is None:
        return None
    if date.start > anchor:
        return None if _OTHER_CLAUSE.search(r.text, anchor, date.start) else date
    # a date before the ending: of its clause ("In early February 2015, ... X was executed"),
    # not of another ("stopped mentioning him after December 2014, and his name was removed")
    lead = r.text[max(view.start, date.start - 12) : date.start]
    if _CLAUSE_BREAK.search(r.text, date.end, anchor) or _LEAD.search(lead):
        return None
    return date


_OTHER_CLAUSE = re.compile(r"\b(?:after|before|while|when|because|since|following)\b", re.I)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s|;")
_LEAD = re.compile(r"\b(?:after|before|since|until|till|following|by)\s+$", re.I)


def _close(
    r: Context,
    facts: list[Fact],
    endings: dict[str, _Ending],
    starts: dict[tuple[str, str, str], PartialDate],
) -> list[Fact]:
    """Each person's open holdings end with the person's ending (module docstring)."""
    ending_types = fact_lexicon().ending
    groups: dict[tuple[str, str | None, str | None], list[int]] = {}
    for index, fact in enumerate(facts):
        if isinstance(fact, Fact) and fact.kind == "membership":
            person = r.reg.resolve(fact.person)
            if person in endings:
                groups.setdefault((person, fact.organ, fact.role), []).append(index)
    drop: set[int] = set()
    inserts: dict[int, Fact] = {}
    for (person, _, _), indexes in groups.items():
        ending = endings[person]
        group = [facts[i] for i in indexes]
        firm = [f for f in group if f.status != "projected"]
        for i in indexes:  # "removed X, director of O, from all his posts on 8 December"
            fact = facts[i]
            if fact.sentence == ending.sentence and fact.type in ending_types and not fact.end:
                date = next(s for s in ending.spans if s.role == "date")
                facts[i] = replace(fact, end=ending.date, date_basis="sentence",
                                   spans=[*fact.spans, date])  # fmt: skip
        if not _open_at(firm, ending, ending_types):
            continue
        for i in indexes:
            fact = facts[i]
            if fact.status == "projected":
                drop.add(i)
                continue
            if fact.as_of is not None and fact.as_of.latest() >= ending.date.earliest():
                fact = replace(fact, as_of=None)
            if ending.status == "reported":
                fact = replace(fact, status="reported")  # the term rests on the source's word
            facts[i] = fact
        organ = r.reg.resolve(group[0].organ) if group[0].organ else ""
        start = starts.get((person, organ, group[0].role or ""))
        inserts[indexes[0]] = replace(_ending_fact(group[0], ending), start=start)
    out: list[Fact] = []
    for index, fact in enumerate(facts):
        if index in inserts:
            out.append(inserts[index])  # first: the term's status and type are the ending's
        if index not in drop:
            out.append(fact)
    return out


def _open_at(firm: list[Fact], ending: _Ending, ending_types: frozenset[str]) -> bool:
    """Whether the holding was still held when the ending came: not closed by the text itself,
    not begun after it, and, for a death (which ends only what the person still held), stated
    in the sentence of the death ("X, member of the Political Bureau, died ...") or as an open
    period ("a member of the commission from 1990"); a seat won decades before a death the text
    tells apart ("elected to the Political Bureau in 2010" ... "died in 2018") may have ended
    before it."""
    if not firm or any(f.end is not None or f.type in ending_types for f in firm):
        return False  # closed by the text itself, or only a projection
    if any(f.start is not None and f.start.earliest() > ending.date.latest() for f in firm):
        return False  # a later term
    if ending.type != "died":
        return True
    return any(
        f.sentence == ending.sentence or (f.type == "holds" and f.start is not None) for f in firm
    )


def _ending_fact(held: Fact, ending: _Ending) -> Fact:
    return Fact(
        "membership",
        ending.type,
        held.person,
        ending.sentence,
        list(ending.spans),
        organ=held.organ,
        role=held.role,
        post=held.post,
        end=ending.date,
        status=ending.status,
        date_basis="sentence",
        why=f"{ending.type}: every post ends",
        rule="all-posts-ending",
    )
