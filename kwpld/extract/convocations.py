"""The convocations pass: seats in successive convocations of the Supreme People's Assembly,
each printed with its year ("re-elected a deputy to the 7th (1982), 8th (1986) and 9th (1990)
Supreme People's Assembly", a profile's "Re-elected to the 10th (1998), 11th (2003) and 12th
(2009) SPA"). Each convocation is a term: one seat (member of the SPA) per convocation, from
its year (the labelling guide's "one holding per term"). The person is the sentence's subject
named before the verb, the one "he" or "she" stands for, else, in a profile's item that names
no one, the profile's subject. The words are ``careers.convocations`` of ``facts.yaml``.
"""

from __future__ import annotations

import re

from ..dates import PartialDate
from ..reading.facts import CareerWords, Fact, FactSpan, career_words
from ..reading.state import Context, Found
from ..reading.words import ORDINAL_WORDS
from .facts_common import antecedent, page_subject
from .titles import organ_for_name

__all__ = ["convocations"]

_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
_ELECTED = re.compile(r"\b(?:re-?)?elected\b", re.I)
"""the verb of the clause that names a run's first convocation ("elected a deputy to the 7th")"""
_ITEM_LEAD = re.compile(r"[\s\W\d]*(?:(?:and|also|later)\s+)*(?:was\s+|were\s+|is\s+)?$", re.I)
"""what may stand before the verb in an item that names no one ("- **1990**: ... Re-elected")"""


def convocations(r: Context) -> Found:
    words = career_words()
    facts: list[Fact] = []
    for m in words.convocations.finditer(r.text) if "(" in r.text else ():
        sentence = r.doc.sentence_at(m.start())
        if sentence is None:
            continue
        person = _subject(r, sentence.start, m.start())
        if person is None:
            continue
        key, span = person
        organ_span = (m.start("organ"), m.end("organ"))
        organ = organ_for_name(r, "Supreme People's Assembly", organ_span)
        for item in words.convocation.finditer(r.text, m.start("items"), m.end("items")):
            year = PartialDate(int(item.group("year")))
            if any(
                f.kind == "membership" and f.person == key and f.organ == organ
                and f.role == "member" and year in (f.start, f.as_of)
                for f in [*r.facts, *facts]
            ):  # fmt: skip
                continue
            spans = [
                FactSpan(item.start(), item.end(), "date"),
                FactSpan(organ_span[0], organ_span[1], "organ"),
            ]
            if span is not None:
                spans.append(FactSpan(span[0], span[1], "person"))
            facts.append(
                Fact(
                    "membership", "elected", key, (sentence.start, sentence.end),
                    sorted(spans, key=lambda s: (s.start, s.end, s.role)),
                    organ=organ, role="member", start=year, status="confirmed",
                    date_basis="sentence",
                    why=f"a seat in the {item.group(0)} convocation of the SPA",
                    rule="convocations",
                )
            )  # fmt: skip
    if "eput" in r.text or "onvocation" in r.text:
        facts.extend(_undated(r, words, facts))
    r.facts = [*r.facts, *facts]
    return r.found()


def _undated(r: Context, words: CareerWords, known: list[Fact]) -> list[Fact]:
    """(class ED) Seats in convocations printed by ordinal alone: "was a deputy to the 12th and
    13th SPA" (each ordinal), "elected a deputy to the 7th SPA; re-elected to every convocation
    until the 12th" (the 8th to the 12th): one undated seat (member of the SPA) per convocation,
    unless a seat of the person's is already dated within that convocation's span."""
    facts: list[Fact] = []
    found: list[tuple[int, int, int, int, str, tuple[int, int]]] = []
    for m in words.deputy_ordinals.finditer(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None:
            continue
        items = [
            (_number(i.group("n")), i.start(), i.end())
            for i in words.ordinal.finditer(r.text, m.start("items"), m.end("items"))
        ]
        for n, start, end in items:
            found.append((n, start, end, m.start(), "held", (m.start("organ"), m.end("organ"))))
    for m in words.convocation_run.finditer(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None:
            continue
        before = list(words.spa_last_before.finditer(r.text, sentence.start, m.start()))
        if not before:
            continue
        first = before[-1]
        verbs = list(_ELECTED.finditer(r.text, sentence.start, first.start()))
        verb = verbs[-1].start() if verbs else first.start()
        low = _ordinal_at(words, r.text, first.start())
        high = _ordinal_at(words, r.text, m.start("last"))
        organ_span = (first.start(), first.end())
        for n in range(low + 1, high + 1) if low else ():
            found.append((n, m.start("last"), m.end("last"), verb, "re-elected", organ_span))
    done: set[tuple[str, int]] = set()
    claimed: dict[tuple[str, int], int] = {}
    for n, start, end, verb, kind, organ_span in found:
        sentence = r.doc.sentence_at(start)
        if sentence is None or not 1 <= n <= len(words.spa_years):
            continue
        person = _subject(r, sentence.start, verb)
        if person is None:
            continue
        key, span = person
        if (key, n) in done:
            continue
        done.add((key, n))
        organ = organ_for_name(r, "Supreme People's Assembly", organ_span)
        low = words.spa_years[n - 1]
        high = words.spa_years[n] if n < len(words.spa_years) else 9999
        seats = [
            f for f in [*r.facts, *known]
            if f.kind == "membership" and f.person == key and f.organ == organ
            and f.role == "member"
        ]  # fmt: skip
        if any(
            any(d is not None and low <= d.year < high for d in (f.start, f.as_of))
            for f in [*seats, *facts]
            if f.person == key and f.organ == organ and f.role == "member"
        ):
            continue
        # the undated seats another pass read from the same sentence ("He was also a deputy to
        # the 13th SPA, elected in March 2014" as a title, dated later) stand for its first ones
        here = sum(
            1 for f in seats
            if f.sentence == (sentence.start, sentence.end) and f.start is None and f.end is None
        )  # fmt: skip
        if claimed.get((key, sentence.start), 0) < here:
            claimed[(key, sentence.start)] = claimed.get((key, sentence.start), 0) + 1
            continue
        spans = [FactSpan(start, end, "date"), FactSpan(organ_span[0], organ_span[1], "organ")]
        if span is not None:
            spans.append(FactSpan(span[0], span[1], "person"))
        facts.append(
            Fact(
                "membership", kind, key, (sentence.start, sentence.end),
                sorted(spans, key=lambda s: (s.start, s.end, s.role)),
                organ=organ, role="member", status="confirmed",
                why=f"a seat in the {r.text[start:end]} convocation of the SPA",
                rule="convocation-ordinals", term=f"spa-{n}",
            )
        )  # fmt: skip
    return facts


def _ordinal_at(words: CareerWords, text: str, start: int) -> int:
    """The number of the ordinal at ``start`` ("7th", "twelfth"): 0 when none."""
    m = words.ordinal.match(text, start)
    return _number(m.group("n")) if m else 0


def _number(word: str) -> int:
    """ "12" or "twelfth" as a number."""
    low = word.lower()
    return ORDINAL_WORDS.index(low) + 1 if low in ORDINAL_WORDS else int(low)


def _subject(r: Context, start: int, verb: int) -> tuple[str, tuple[int, int] | None] | None:
    """Whose seats: the last person named before the verb in its sentence (outside
    parentheses), the one a pronoun there stands for (else the profile's subject), or, before a
    bare verb opening a profile's item, the profile's subject."""
    people = [
        (m.entity, m) for m in r.mentions_in(start, verb, ("person",))
        if m.entity and not r.doc.in_parens(m.start)
    ]  # fmt: skip
    if people:
        entity, last = people[-1]
        return r.reg.resolve(entity), (last.start, last.end)
    pronouns = list(_PRONOUN.finditer(r.text, start, verb))
    if pronouns:
        pronoun = pronouns[-1]
        key = antecedent(r, pronoun.start())
        if key is None:  # a paragraph of a profile that opens with "He": the profile's person
            subject = page_subject(r)
            key = r.reg.resolve(subject.entity) if subject and subject.entity else None
        return (key, (pronoun.start(), pronoun.end())) if key else None
    line = r.text.rfind("\n", 0, verb) + 1
    if not _ITEM_LEAD.fullmatch(r.text, max(line, start), verb) and not _ITEM_LEAD.fullmatch(
        r.text, line, verb
    ):
        return None
    subject = page_subject(r)
    if subject is None or subject.entity is None:
        return None
    return r.reg.resolve(subject.entity), None
