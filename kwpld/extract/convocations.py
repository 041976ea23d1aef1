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
from ..reading.facts import Fact, FactSpan, career_words
from ..reading.state import Context, Found
from .facts_common import antecedent, page_subject
from .titles import organ_for_name

__all__ = ["convocations"]

_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
_ITEM_LEAD = re.compile(r"[\s\W\d]*(?:(?:and|also|later)\s+)*(?:was\s+|were\s+|is\s+)?$", re.I)
"""what may stand before the verb in an item that names no one ("- **1990**: ... Re-elected")"""


def convocations(r: Context) -> Found:
    words = career_words()
    if "(" not in r.text:
        return r.found()
    facts: list[Fact] = []
    for m in words.convocations.finditer(r.text):
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
    r.facts = [*r.facts, *facts]
    return r.found()


def _subject(r: Context, start: int, verb: int) -> tuple[str, tuple[int, int] | None] | None:
    """Whose seats: the last person named before the verb in its sentence (outside
    parentheses), the one a pronoun there stands for, or, before a bare verb opening a
    profile's item, the profile's subject."""
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
