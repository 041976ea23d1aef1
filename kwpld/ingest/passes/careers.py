"""The careers pass: the career list of a profile, one holding a line.

A profile is about one person, named by its title or heading or at the head of its first
paragraph; its career list gives that person's posts a line each, with the period first or last:
"- 1976–1985: editor-in-chief of Rodong Sinmun", "December 1992 – May 2016: secretary of the
WPK Central Committee", "* 2010-2017 — member of the Political Bureau", "Since 2019: ...",
"director of X (1989–2017)". The line names no one, so no sentence pattern reads it; each title
of the line (:func:`kwpld.ingest.passes.holdings.career_part`) is the subject's, from the start
to the end printed, at the precision printed ("present" and "incumbent" leave no end). Under a
directory entry's head line the entry's person holds it instead.
"""

from __future__ import annotations

import re

from ...dates import DateError, PartialDate, parse_date
from ...reading.entities import Mention
from ...reading.facts import Fact
from ...reading.state import Context, Found
from .holdings import Period, career_part, entry_person

__all__ = ["careers", "period_of"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?:1[89]|20)\d\d(?![\d.])"
_OPEN = r"present|now|today|incumbent|the\s+present"
_PERIOD = (
    rf"(?:(?:[Ss]ince|[Ff]rom)\s+)?{_DATE}"
    rf"(?:\s*(?:[–—-]{{1,2}}|to|until|till)\s*(?:{_DATE}|{_OPEN}))?"
)
_BULLET = r"[ \t]*(?:[-*•–][ \t]+|\d{1,3}[.)][ \t]+)"
_LEADING = re.compile(
    rf"^(?:{_BULLET}|[ \t]*)(?P<period>{_PERIOD})[ \t]*(?::|[–—]|-(?=\s))[ \t]*"
    r"(?P<rest>[^\s\d][^\n]*)$",
    re.M,
)  # "- 1976–1985: editor-in-chief of ...", "Since 2019: director of ..."
_TRAILING = re.compile(
    rf"^{_BULLET}(?P<rest>[^\s\d][^\n]*?)[ \t]*(?:\((?P<period>{_PERIOD})\)|,[ \t]*"
    rf"(?P<bare>{_PERIOD}))[ \t]*[.;]?[ \t]*$",
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


def period_of(text: str, offset: int) -> Period | None:
    """The start and end of "1976–1985", "December 1992 – May 2016", "since 2019", "2016 to
    present" (offset: where text is in the article); a single date is the start."""
    found = list(re.finditer(_DATE, text))
    dates: list[PartialDate] = []
    for m in found:
        try:
            dates.append(parse_date(" ".join(m.group(0).split())))
        except DateError:
            return None
    if not dates or len(dates) > 2 or (len(dates) == 2 and dates[1].year < dates[0].year):
        return None
    spans = [(offset + m.start(), offset + m.end()) for m in found]
    return Period(dates[0], dates[1] if len(dates) == 2 else None, spans)


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
