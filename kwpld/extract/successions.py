"""Successions told in one sentence (issue 15, class AD): a title the change ends.

"Ri Gun Mo, hitherto chief secretary of the North Hamgyong Provincial Party Committee, was
elected Premier": the earlier title ends when the new one begins, on the date the sentence gives
the change (the event's, or one printed). Only the words that tie the earlier title to the change
("hitherto", "until now", "until then": ``successions.until_the_change`` in facts.yaml);
"formerly", "previously", "a former" title stays undated (the labelling guide), as does one whose
change the sentence does not date ("has been appointed").
"""

from __future__ import annotations

import functools
import re

from ..reading.facts import Fact, FactLexicon, FactSpan, career_words
from ..reading.sentences import SentenceView, SymbolPattern, compile_pattern
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .facts_common import fact_dates, holding_dates, page_subject, sentence_view, status_of

__all__ = ["ended_by_a_successor", "ended_by_the_change", "named_successor", "successors_when"]


@functools.cache
def _until_the_change() -> re.Pattern[str]:
    words = resource_yaml("kwpld/reading/facts.yaml")["successions"]["until_the_change"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def _span(fact: Fact, role: str) -> tuple[int, int] | None:
    return next(((s.start, s.end) for s in fact.spans if s.role == role), None)


def ended_by_the_change(
    r: Context, flex: FactLexicon, view: SentenceView, found: list[Fact]
) -> None:
    """Give a "hitherto" title of ``found`` the start of the same person's change in the same
    sentence as its end (in place); the title is as sure as the change that ends it ("X,
    hitherto a vice-premier, appears to have been moved to ...": reported)."""
    for fact in found:
        if fact.type != "former" or fact.end is not None or fact.start is not None:
            continue
        person, role = _span(fact, "person"), _span(fact, "role")
        if person is None or role is None or not person[1] <= role[0]:
            continue
        if not _until_the_change().search(r.text, person[1], role[0]):
            continue
        if fact.status == "confirmed":
            fact.status = status_of(r, view)[0]
        change = next(
            (
                f for f in found
                if f is not fact and f.person == fact.person and f.type in flex.beginning
                and f.start is not None and f.sentence == fact.sentence
            ),
            None,
        )  # fmt: skip
        if change is None:
            continue
        fact.end, fact.as_of = change.start, None
        fact.date_basis, fact.type = change.date_basis, "ended"


_LEADS = frozenset({"chairman", "general-secretary", "first-secretary"})


@functools.cache
def _heir_organs() -> frozenset[str]:
    return frozenset(resource_yaml("kwpld/reading/facts.yaml")["successions"]["heir_organs"])


_DEATH = re.compile(r"\b(?:died|passed away|death)\b", re.I)


def _sentences_before(r: Context, offset: int, count: int) -> int:
    """Where the ``count`` sentences before the one at ``offset`` begin."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return offset
    index = r.doc.sentences.index(sentence)
    return r.doc.sentences[max(0, index - count)].start


@functools.cache
def _named_successor() -> SymbolPattern:
    return compile_pattern(
        resource_yaml("kwpld/reading/facts.yaml")["successions"]["named_successor"]
    )


def named_successor(
    r: Context, flex: FactLexicon, view: SentenceView, earlier: list[Fact]
) -> list[Fact]:
    """ "In May 2007, X, previously ambassador to Russia, was named his successor": X holds,
    from the sentence's date, the title the one "his" stands for held last (a post before a
    seat), and that holding ends then. "His" is the profile's subject, else the person the
    sentences before are about; never X."""
    if not _named_successor().possible(view.string):
        return []
    m = _named_successor().search(view.string)
    if m is None:
        return []
    successor = next((i for i in view.group(m, "successor") if i.kind == "person"), None)
    trigger = view.group(m, "trigger")
    if successor is None or successor.ref is None or not trigger:
        return []
    subject = page_subject(r)
    whose = r.reg.resolve(subject.entity) if subject and subject.entity else None
    if whose is None or whose == successor.ref:
        whose = _about(r, view.start)
    if whose is None or whose == successor.ref:
        return []
    heirs = _heir_organs()
    held = [
        f for f in earlier
        if f.person == whose and f.kind == "membership" and f.organ and f.role
        and f.status != "projected" and f.type not in flex.ending and f.type != "former"
        and f.role not in ("member", "alternate-member")
    ]  # fmt: skip
    if any(
        f.organ.lstrip("=").rsplit(":", 1)[-1] in heirs and f.role in _LEADS
        for f in held if f.organ
    ):
        return []  # "Kim Jong Un was named his successor": an heir, no office taken then
    if not held:
        return []
    title = next((f for f in reversed(held) if f.post), held[-1])
    at = trigger[0].start
    dates, basis, date_span = fact_dates(r, view, at, None, holds=False)
    out = []
    pairs = [(successor.ref, "appointed"), (whose, "replaced")]
    if _DEATH.search(r.text, _sentences_before(r, view.start, 3), view.start):
        pairs = pairs[:1]  # "X died on 2 January 2007. ... Y was named his successor": ended then
    for person, kind in pairs:
        fact = Fact(
            "membership", kind, person, (view.start, view.end), organ=title.organ,
            role=title.role, post=title.post, status=status_of(r, view)[0],
            date_basis=basis, rule="named-successor",
        )  # fmt: skip
        holding_dates(flex, fact, dates, r.official)
        spans = [FactSpan(trigger[0].start, trigger[0].end, "trigger")]
        if person == successor.ref:
            spans.append(FactSpan(successor.start, successor.end, "person"))
        if date_span:
            spans.append(date_span)
        fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
        fact.why = "named successor" if kind == "appointed" else "succeeded"
        out.append(fact)
    return out


def _about(r: Context, offset: int) -> str | None:
    """The person the sentences before ``offset`` are about: the first one named on the main
    line of the nearest sentence that names one there ("A state funeral committee headed by Y
    was formed": not Y, named after "by"; the sentence before, "X died ...", is about X)."""
    oblique = career_words().oblique_before
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    for previous in reversed(r.doc.sentences[max(0, index - 4) : index]):
        if r.doc.blocks[previous.block].kind in ("title", "heading"):
            break
        for m in r.mentions_in(previous.start, previous.end, ("person",)):
            if m.entity is None or r.doc.in_parens(m.start) or m.name_kind == "epithet":
                continue
            if not oblique.search(r.text, max(previous.start, m.start - 40), m.start):
                return r.reg.resolve(m.entity)
    return None


_HEADS = frozenset({"chairman", "director", "first-secretary", "general-secretary"})
"""roles one person holds at a time: a new holder ends the term of the one before"""


def ended_by_a_successor(flex: FactLexicon, found: list[Fact]) -> None:
    """ "Kim Tok Hun was appointed premier, and Kim Jae Ryong, who had worked as premier since
    April last year, was appointed ...": a head's term the sentence dates from a start ends when
    the sentence gives someone else the same post (in place)."""
    for fact in found:
        if fact.type != "holds" or fact.role not in _HEADS or fact.start is None:
            continue
        if fact.end is not None or fact.post is None:
            continue
        change = next(
            (
                f for f in found
                if f.post == fact.post and f.organ == fact.organ and f.person != fact.person
                and f.type in flex.beginning and f.start is not None
                and f.sentence == fact.sentence
            ),
            None,
        )  # fmt: skip
        if change is not None:
            fact.end = change.start


@functools.cache
def _when_succeeded() -> SymbolPattern:
    return compile_pattern(
        resource_yaml("kwpld/reading/facts.yaml")["successions"]["when_succeeded"]
    )


def successors_when(r: Context) -> Found:
    """(class BB) "In April 2011 he was appointed Minister of X, a post he held until February
    2013, when Y succeeded him"; "He stepped down as Premier in April 2019, when Y took over": Y
    holds, from its end, the last holding the sentence ended before "when" (of the one named
    after "succeeded", when one is), unless the sentence gives Y that seat already. Run after
    the passes that date ends ("a post he held until ...")."""
    pattern = _when_succeeded()
    memberships = [f for f in r.facts if isinstance(f, Fact) and f.kind == "membership"]
    added: list[Fact] = []
    for sentence in r.doc.sentences:
        if "when" not in r.text[sentence.start : sentence.end] and "after which" not in r.text[
            sentence.start : sentence.end
        ]:
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        if not pattern.possible(view.string):
            continue
        m = pattern.search(view.string)
        if m is None:
            continue
        successor = next((i for i in view.group(m, "successor") if i.kind == "person"), None)
        if successor is None or successor.ref is None:
            continue
        whose = {i.ref for i in view.group(m, "people") if i.kind == "person" and i.ref}
        here = [
            f for f in memberships
            if sentence.start <= f.sentence[0] < sentence.end
            or f.sentence[0] <= sentence.start < f.sentence[1]
        ]  # fmt: skip
        ended = [
            f for f in here
            if f.person != successor.ref and f.end is not None and f.organ and f.role
            and (not whose or f.person in whose) and f.status != "projected"
            and any(s.start < successor.start for s in f.spans)
        ]  # fmt: skip
        if not ended:
            continue
        old = max(ended, key=lambda f: max(s.start for s in f.spans))
        if any(
            f.person == successor.ref and (f.organ, f.role) == (old.organ, old.role) for f in here
        ):
            continue
        fact = Fact(
            "membership", "appointed", successor.ref, (sentence.start, sentence.end),
            organ=old.organ, role=old.role, post=old.post, status=old.status, start=old.end,
            date_basis=old.date_basis, rule="when-succeeded",
        )  # fmt: skip
        fact.spans = [FactSpan(successor.start, successor.end, "person")]
        fact.why = "succeeded " + (old.why.split(" ", 1)[-1] if old.why else "")
        added.append(fact)
    r.facts = [*r.facts, *added]
    return r.found()
