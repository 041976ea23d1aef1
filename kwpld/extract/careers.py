"""The careers pass: the career list of a profile, one holding a line.

A profile is about one person, named by its title or heading or at the head of its first
paragraph; its career list gives that person's posts a line each, with the period first or last:
"- 1976–1985: editor-in-chief of Rodong Sinmun", "December 1992 – May 2016: secretary of the
WPK Central Committee", "* 2010-2017 — member of the Political Bureau", "Since 2019: ...",
"director of X (1989–2017)", a directory's "- 2012.4 First Vice Director, Propaganda and
Agitation Department, WPK Central Committee" (two titles joined by ";"). The line names no one,
so no sentence pattern reads it; each title of the line
(:func:`kwpld.extract.holdings.career_part`) is the subject's, from the start to the end
printed, at the precision printed ("present" and "incumbent" leave no end). Under a directory
entry's head line the entry's person holds it instead (no fallback to the page's subject past a
rule line that ends an entry). A line that ends a title ("Relieved as ...", "Not re-elected to
the Political Bureau at ...") ends it at its date, and "(replaced by Y)" starts Y's.
"""

from __future__ import annotations

import re

from ..dates import DateMention, PartialDate
from ..reading.entities import Mention
from ..reading.facts import Fact, FactSpan, Title, career_words
from ..reading.state import Context, Found
from .facts_common import antecedent, page_subject, parenthesised_terms
from .foreign_organs import chain_organ
from .holdings import (
    CAREER_LINE,
    PERIOD,
    Period,
    career_fact,
    career_part,
    entry_person,
    line_title,
    period_of,
)

__all__ = ["careers"]

_BULLET = r"[ \t]*(?:[-*•–][ \t]+|\d{1,3}[.)][ \t]+)"
_LEADING = re.compile(
    rf"^(?:{_BULLET}|[ \t]*)(?:\*\*|__)?(?P<period>{PERIOD})(?:\*\*|__)?[ \t]*"
    r"(?::|[–—]|-(?=\s))[ \t]*(?P<rest>[^\s\d][^\n]*)$",
    re.M,
)  # "- 1976–1985: editor-in-chief of ...", "Since 2019: director of ...", "- **2015** — ..."
_ROW = re.compile(
    rf"^[ \t]*\|[ \t]*(?P<period>{PERIOD})[ \t]*(?:[–—-][ \t]*)?\|[ \t]*"
    r"(?P<rest>[^|\s][^|\n]*?)[ \t]*\|[ \t]*$",
    re.M,
)  # a table row of the subject's posts: "| 2014–2019 | First vice director, ... |", "| 2019– | ..."
_PARTS = re.compile(
    r"[^;]+?(?=;|,?\s+and\s+(?:re-?)?(?:elected|appointed|promoted|named|made)\b|$)"
)  # "Promoted to full member of X and elected a member of Y": one title a part
_TRAILING = re.compile(
    rf"^{_BULLET}(?P<rest>[^\s\d][^\n]*?)[ \t]*(?:\((?P<period>{PERIOD})\)|,[ \t]*"
    rf"(?P<bare>{PERIOD}))[ \t]*[.;]?[ \t]*$",
    re.M,
)  # "- director of the Organization and Guidance Department (1989–2017)"


_TRAILING_BARE = re.compile(
    rf"^(?P<rest>[A-Z][^\n(]{{0,100}}?)[ \t]*(?:\((?P<period>{PERIOD})\)|,[ \t]*"
    rf"(?P<bare>{PERIOD}))[ \t]*[.;]?[ \t]*$",
    re.M,
)  # "Director, Propaganda and Agitation Department (1989–2017)" on a line of its own


def careers(r: Context) -> Found:
    subject = page_subject(r)
    taken = {(f.sentence, f.organ, f.role) for f in r.facts}
    facts: list[Fact] = []
    for regex in (CAREER_LINE, _LEADING, _ROW, _TRAILING, _TRAILING_BARE):
        for line in regex.finditer(r.text):
            if regex is _TRAILING_BARE and not _opens_with_title(r, line):
                continue
            person = (
                entry_person(r, line.start()) or _in_page(r, subject, line.start())
                or _list_owner(r, line.start())
            )  # fmt: skip
            period = _line_period(line)
            if person is None or period is None:
                continue
            at = line.start("rest")
            if career_words().line_ends.match(line.group("rest")):
                rest = (at, line.end("rest"))
                _promoted([*r.facts, *facts])  # the full seat first, then what ends
                facts.extend(_end_seats(r, [*r.facts, *facts], person, rest, period))
                continue
            for part in _PARTS.finditer(line.group("rest")):
                if not part.group(0).strip(" ,"):
                    continue
                for span in _titles_of(r, (at + part.start(), at + part.end())):
                    got = career_part(
                        r, person, span, (line.start(), line.end()),
                        _part_period(r, period, span), rule=_rule(line),
                    ) or _seat_part(
                        r, person, span, (line.start(), line.end()),
                        _part_period(r, period, span), _rule(line),
                    )  # fmt: skip
                    for fact in got:
                        if (fact.sentence, fact.organ, fact.role) not in taken:
                            taken.add((fact.sentence, fact.organ, fact.role))
                            facts.append(fact)
    r.facts = [*r.facts, *facts]
    _promoted(r.facts)
    _held_until(r, r.facts)
    _parenthesised_end(r, r.facts)
    return r.found()


_OWN_START = re.compile(r"\b(?:from|since)\s+$", re.I)
_NOT_START = re.compile(r"\b(?:until|till|through|to|before|after|by)\s+$", re.I)


def _part_period(r: Context, period: Period, part: tuple[int, int]) -> Period:
    """The period of one title of a chronology's item: "from 1962 also a deputy to the SPA"
    in the 1961 item starts in 1962 (its own year); "**1959** — Appointed Minister of X in
    October" starts in October 1959 (the item's year, the month its title's clause prints),
    not in 1959 alone. Otherwise the item's period."""
    for d in r.dates_in(*part):
        if d.date is None or d.range is not None or any(a <= d.start < b for a, b in period.spans):
            continue
        if _OWN_START.search(r.text, max(0, d.start - 8), d.start):
            return Period(d.date, None, [(d.start, d.end)])
    start = period.start
    if start is None or period.end is not None or start.month is not None:
        return period
    for d in r.dates_in(*part):
        if (
            d.date is not None and d.range is None and d.date.year == start.year
            and d.date.month is not None
            and not _NOT_START.search(r.text, max(0, d.start - 10), d.start)
        ):  # fmt: skip
            return Period(d.date, None, [*period.spans, (d.start, d.end)])
    return period


def _parenthesised_end(r: Context, facts: list[Fact]) -> None:
    """A change dated by its sentence with its term in parentheses after the title: "At the
    7th Congress in May 2016 he became a member of the Political Bureau (2016–2021)": it
    started then and ended at the period's end (when the period starts in the same year)."""
    for fact in facts:
        if fact.kind != "membership" or fact.end is not None or fact.start is None:
            continue
        end = _title_end(fact)
        if end < 0:
            continue
        terms = parenthesised_terms(r, end, fact.sentence[1])
        if terms and terms[0][1] is not None and terms[0][0].year == fact.start.year:
            _ends_at([fact], terms[0][1], terms[0][2])


_RULE = re.compile(r"^[ \t]*[-=_*]{3,}[ \t]*$", re.M)


def _in_page(r: Context, subject: Mention | None, offset: int) -> Mention | None:
    """The page's subject, for a line of its career list: not past a rule line after it, which
    ends a directory's entry (the lines after it are another's or no one's)."""
    if subject is None or _RULE.search(r.text, subject.end, offset):
        return None
    return subject


_AND = re.compile(r"\s(?:and|as\s+well\s+as)\s+$")


def _titles_of(r: Context, part: tuple[int, int]) -> list[tuple[int, int]]:
    """A part of a chronology's item and, for each further title joined to the first by "and"
    ("Vice-premier and minister of foreign affairs"), the part from that title on."""
    out = [part]
    for t in r.person_titles:
        if part[0] < t.start < part[1] and _AND.search(r.text, max(part[0], t.start - 16), t.start):
            out.append((t.start, part[1]))
    return out


def _seat_part(
    r: Context, person: Mention, part: tuple[int, int], line: tuple[int, int], period: Period,
    rule: str,
) -> list[Fact]:
    """ "Elected to the Presidium of the Political Bureau at ...", "Joins the Political Bureau":
    a member's seat in the organ the item names right after its verb (``careers.line_seat``)."""
    organs = [m for m in r.mentions_in(*part, ("organ",)) if m.entity]
    if not organs or not career_words().line_seat.fullmatch(r.text, part[0], organs[0].start):
        return []
    chain = [organs[0]]
    for m in organs[1:]:
        if not _OF_CHAIN.fullmatch(r.text, chain[-1].end, m.start):
            break
        chain.append(m)
    organ = chain_organ(r, chain)
    if organ is None:
        return []
    span = (chain[0].start, chain[-1].end)
    title = Title(span[0], span[1], "member", organ, span, span)
    return career_fact(r, person, title, line, period, rule)


_OF_CHAIN = re.compile(r"\s*(?:of\s+the|of|,)?\s*")


def _list_owner(r: Context, offset: int) -> Mention | None:
    """The person whose chronology a news item or factbox lists, named by the line that
    introduces it ("Following are key dates in Kim's career:", then "* 1970 - Elected ..."):
    the one person that line names, when the lines between it and this one are all the list's
    (each opening with its year or period)."""
    block = r.doc.block_at(offset)
    if block is None:
        return None
    for b in reversed(r.doc.blocks[max(0, block - 30) : block]):
        if _LEADING.match(r.text, b.start, b.end):
            continue  # an earlier item of the same list
        if not career_words().list_intro.match(r.text, b.start, b.end):
            return None
        people = [m for m in r.mentions_in(b.start, b.end, ("person",)) if m.entity]
        keys = {r.reg.resolve(m.entity) for m in people if m.entity}
        return people[0] if len(keys) == 1 else None
    return None


def _rule(line: re.Match[str]) -> str:
    """A directory's month-dated line is a "career-line": the directory prints when each post
    was first reported, not when the one before ended, so a full seat it lists does not end the
    alternate seat listed before it (as a profile's "career-period" does)."""
    return "career-line" if line.re is CAREER_LINE else "career-period"


def _line_period(line: re.Match[str]) -> Period | None:
    """The period a career line prints: "2012.4" (a directory's month, the start) or one of
    :data:`PERIOD` ("1976–1985", "since 2019")."""
    if line.re is CAREER_LINE:
        month = PartialDate(int(line.group("year")), int(line.group("month")))
        return Period(month, None, [(line.start("year"), line.end("month"))])
    group = "period" if line.group("period") is not None else "bare"
    return period_of(line.group(group), line.start(group))


_UNTIL = re.compile(r"\b(?:until|till|through)\s+", re.I)


def _held_until(r: Context, facts: list[Fact]) -> None:
    """A holding's end printed after it: "promoted to vice-premier in 2010, a post he held
    until 2014" (after the title, in its sentence) or "He held the post until September 2010"
    (the next sentence: the post the sentence before gave the person "he" is)."""
    words = career_words()
    for m in _UNTIL.finditer(r.text):
        date = r.date_at(m.end())
        sentence = r.doc.sentence_at(m.start())
        if date is None or date.date is None or sentence is None:
            continue
        here = [f for f in facts if f.sentence[0] <= m.start() < f.sentence[1] and f.spans]
        before = [f for f in here if _title_end(f) <= m.start()]
        if before:
            last = max(_title_end(f) for f in before)
            if words.held_until_after.match(r.text, last, date.start):
                _ends_at([f for f in before if _title_end(f) == last], date.date, date)
            continue
        if not words.held_until_next.match(r.text, sentence.start, date.start):
            continue
        index = r.doc.sentences.index(sentence)
        if index == 0:
            continue
        previous = r.doc.sentences[index - 1]
        person = antecedent(r, sentence.start)
        told = [
            f for f in facts if previous.start <= f.sentence[0] < previous.end
            and f.person == person and f.kind == "membership" and f.spans
        ]  # fmt: skip
        posts = [f for f in told if f.role not in ("member", "alternate-member")] or told
        if posts:
            last = max(_title_end(f) for f in posts)
            _ends_at([f for f in posts if _title_end(f) == last], date.date, date)


def _title_end(fact: Fact) -> int:
    """Where the fact's title (its role or organ span) ends in the text; -1 without one."""
    return max((s.end for s in fact.spans if s.role in ("role", "organ")), default=-1)


def _ends_at(facts: list[Fact], end: PartialDate, span: DateMention | FactSpan) -> None:
    for fact in facts:
        if fact.end is None and (fact.start is None or _before(fact.start, end)):
            fact.end = end
            fact.spans = sorted(
                {*fact.spans, FactSpan(span.start, span.end, "date")},
                key=lambda s: (s.start, s.end, s.role),
            )


def _opens_with_title(r: Context, line: re.Match[str]) -> bool:
    """A line without a bullet is a career line only when a title opens it and it names no one
    ("Director, Propaganda and Agitation Department (1989–2017)"), not a sentence ending in a
    period ("He led the department (1989–2017)")."""
    start, end = line.start("rest"), line.end("rest")
    return any(t.start == start for t in r.person_titles) and not r.mentions_in(
        start, end, ("person",)
    )


def _promoted(facts: list[Fact]) -> None:
    """A full seat in an organ ends the same person's open alternate seat there, in a career
    list ("April 2010 — alternate member of the Political Bureau", then "August 2012 — Promoted
    to full member") and in prose that says promoted ("elected an alternate member ...
    promoted to full member of the Political Bureau in April 2012")."""
    alternates: dict[tuple[str, str | None], list[Fact]] = {}
    for fact in facts:
        if fact.role == "alternate-member" and fact.end is None:
            alternates.setdefault((fact.person, fact.organ), []).append(fact)
    for fact in facts:
        if fact.role != "member" or fact.start is None or not (
            fact.rule == "career-period" or fact.type.startswith("promoted")
        ):
            continue  # "elected a member in 2016" after an alternate seat: no end printed
        for old in alternates.get((fact.person, fact.organ), ()):
            if old.end is None and _before(old.start, fact.start):
                old.end = fact.start


def _end_seats(
    r: Context, facts: list[Fact], person: Mention, rest: tuple[int, int], period: Period
) -> list[Fact]:
    """ "June 2021 — Recalled from the Presidium", "Relieved as Minister of Education (1990)":
    the line names no new holding; it ends the subject's open holding of the title it names
    (else its seats in the organ it names first) at its date. "..., succeeded by Y": Y's
    holding of it begins then."""
    if period.start is None:
        return []
    key = r.reg.resolve(person.entity)  # type: ignore[arg-type]
    title = line_title(r, rest)
    named = [m for m in r.mentions_in(*rest, ("organ",)) if m.entity][:1]  # not "at a meeting of"
    organs = {r.reg.resolve(m.entity) for m in named if m.entity}
    for old in facts:
        if old.person != key or old.end is not None:
            continue
        if (old.organ, old.role) == (title.organ, title.role) if title else old.organ in organs:
            old.end = period.start if _before(old.start, period.start) else old.end
    successor = next(
        (m for m in r.mentions_in(*rest, ("person",)) if m.entity and m.start > rest[0]
         and career_words().line_successor.search(r.text, rest[0], m.start)),
        None,
    )  # fmt: skip
    if successor is None or title is None:
        return []
    fact = Fact(
        "membership", "appointed", r.reg.resolve(successor.entity), rest,  # type: ignore[arg-type]
        organ=title.organ, role=title.role, post=title.post, start=period.start,
        status="confirmed", date_basis="sentence", rule="career-successor",
    )  # fmt: skip
    fact.spans = sorted(
        {FactSpan(successor.start, successor.end, "person"),
         FactSpan(title.role_span[0], title.role_span[1], "role"),
         *(FactSpan(a, b, "date") for a, b in period.spans)},
        key=lambda s: (s.start, s.end, s.role),
    )  # fmt: skip
    fact.why = f"succeeded as {' '.join(r.text[title.start : title.end].split())}"
    return [fact]


def _before(a: PartialDate | None, b: PartialDate) -> bool:
    """a is known and strictly before b, at the precision both give."""
    if a is None:
        return False
    return (a.year, a.month or 0, a.day or 0) < (b.year, b.month or 0, b.day or 0)
