"""The careers pass: the career list of a profile, one holding a line.

A profile is about one person, named by its title or heading or at the head of its first
paragraph; its career list gives that person's posts a line each, with the period first or last:
"- 1976–1985: editor-in-chief of Rodong Sinmun", "December 1992 – May 2016: secretary of the
WPK Central Committee", "* 2010-2017 — member of the Political Bureau", "Since 2019: ...",
"director of X (1989–2017)". The line names no one, so no sentence pattern reads it; each title
of the line (:func:`kwpld.extract.holdings.career_part`) is the subject's, from the start
to the end printed, at the precision printed ("present" and "incumbent" leave no end). Under a
directory entry's head line the entry's person holds it instead.
"""

from __future__ import annotations

import re

from ..reading.entities import Mention
from ..reading.facts import Fact
from ..reading.state import Context, Found
from .holdings import PERIOD, career_part, entry_person, period_of

__all__ = ["careers"]

_BULLET = r"[ \t]*(?:[-*•–][ \t]+|\d{1,3}[.)][ \t]+)"
_LEADING = re.compile(
    rf"^(?:{_BULLET}|[ \t]*)(?P<period>{PERIOD})[ \t]*(?::|[–—]|-(?=\s))[ \t]*"
    r"(?P<rest>[^\s\d][^\n]*)$",
    re.M,
)  # "- 1976–1985: editor-in-chief of ...", "Since 2019: director of ..."
_TRAILING = re.compile(
    rf"^{_BULLET}(?P<rest>[^\s\d][^\n]*?)[ \t]*(?:\((?P<period>{PERIOD})\)|,[ \t]*"
    rf"(?P<bare>{PERIOD}))[ \t]*[.;]?[ \t]*$",
    re.M,
)  # "- director of the Organization and Guidance Department (1989–2017)"


def careers(r: Context) -> Found:
    subject = _subject(r)
    taken = {(f.sentence, f.organ, f.role) for f in r.facts}
    facts: list[Fact] = []
    for regex in (_LEADING, _TRAILING):
        for line in regex.finditer(r.text):
            person = entry_person(r, line.start()) or subject
            group = "period" if line.group("period") is not None else "bare"
            period = period_of(line.group(group), line.start(group))
            if person is None or period is None:
                continue
            at = line.start("rest")
            for part in re.finditer(r"[^;]+", line.group("rest")):
                for fact in career_part(
                    r, person, (at + part.start(), at + part.end()),
                    (line.start(), line.end()), period, rule="career-period",
                ):  # fmt: skip
                    if (fact.sentence, fact.organ, fact.role) not in taken:
                        taken.add((fact.sentence, fact.organ, fact.role))
                        facts.append(fact)
    r.facts = [*r.facts, *facts]
    return r.found()


def _subject(r: Context) -> Mention | None:
    """The person a profile is about: the one its title or first heading names alone, else the
    one its first paragraph opens with ("Kim Ki-nam (born 1929) is ...")."""
    heads = [b for b in r.doc.blocks if b.kind in ("title", "heading")][:1]
    bodies = [b for b in r.doc.blocks if b.kind not in ("title", "heading")][:1]
    for block in heads:
        people = [m for m in r.mentions_in(block.start, block.end, ("person",)) if m.entity]
        rest = r.text[block.start : block.end].strip(" \t\n#=*")
        if len(people) == 1 and re.fullmatch(
            r"\s*(?:\([^()]*\))?\s*", rest.replace(people[0].text, "", 1)
        ):
            return people[0]
    for block in bodies:
        people = [m for m in r.mentions_in(block.start, block.end, ("person",)) if m.entity]
        lead = r.text[block.start : people[0].start].strip(" \t\n*_") if people else "x"
        if people and not lead:
            return people[0]
    return None
