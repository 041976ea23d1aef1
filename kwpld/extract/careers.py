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
from dataclasses import replace

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
    place_committee,
)
from .titles import post_for

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
    r"[^;]+?(?=;|,?\s+and\s+(?:re-?)?(?:elected|appointed|promoted|named|made|sent|returned|"
    r"moved|transferred)\b|\.\s+[A-Z]|$)"
)  # "Promoted to full member of X and elected a member of Y": one title a part; (class CD)
# each sentence of an item too ("... of the Political Bureau. Appointed director of X ...")
_PART_CHANGE = re.compile(
    r"(?:;|,?\s+and\s+(?:re-?)?(?:elected|appointed|promoted|named|made|sent|returned|moved|"
    r"transferred)\b|\.\s+[A-Z])"
)  # (class CD) a line that ends one title and begins another: read part by part
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


_CHANGE_ITEM = re.compile(
    rf"^{_BULLET}(?P<rest>(?:Became|Elected|Re-elected|Appointed|Named|Made|Promoted|Returned)\b"
    r"[^\n]*?)[ \t]*$",
    re.M,
)  # (class CD) "- Elected a vice-chairman of the Central Committee in April 2019."


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _item_date(r: Context, line: re.Match[str]) -> Period | None:
    """(class CD) The one date a bulleted item that opens with a change prints inside it ("-
    Became a secretary of the Central Committee in 1983."): its start; None with none or several
    (a period of its own is a career line's)."""
    dates = [d for d in r.dates_in(line.start("rest"), line.end("rest")) if d.date is not None]
    years = _YEAR.findall(line.group("rest"))
    if len(dates) != 1 or dates[0].range is not None or len(years) != 1:
        return None
    return Period(dates[0].date, None, [(dates[0].start, dates[0].end)])


def careers(r: Context) -> Found:
    subject = page_subject(r)
    taken: set[tuple[object, ...]] = {(f.sentence, f.organ, f.role) for f in r.facts}
    facts: list[Fact] = []
    for regex in (CAREER_LINE, _LEADING, _ROW, _TRAILING, _TRAILING_BARE, _CHANGE_ITEM):
        for line in regex.finditer(r.text):
            if regex is _TRAILING_BARE and not _opens_with_title(r, line):
                continue
            person = (
                entry_person(r, line.start()) or _in_page(r, subject, line.start())
                or _list_owner(r, line.start())
            )  # fmt: skip
            period = _item_date(r, line) if regex is _CHANGE_ITEM else _line_period(line)
            if person is None or period is None:
                continue
            at = line.start("rest")
            if career_words().line_ends.match(line.group("rest")) and not _PART_CHANGE.search(
                line.group("rest")
            ):
                rest = (at, line.end("rest"))
                _promoted([*r.facts, *facts])  # the full seat first, then what ends
                facts.extend(_end_seats(r, [*r.facts, *facts], person, rest, period))
                continue
            got_line: list[Fact] = []
            for part in _PARTS.finditer(line.group("rest")):
                if not part.group(0).strip(" ,"):
                    continue
                whole = (at + part.start(), at + part.end())
                if career_words().line_ends.match(part.group(0)):
                    # (class CD) "Relieved as vice-chairman at ... and returned to X as ...",
                    # "Moved to Pyongyang as ...; replaced as provincial chief secretary by Y"
                    _promoted([*r.facts, *facts])
                    got_line.extend(_end_seats(r, [*r.facts, *facts], person, whole, period))
                    continue
                for span in _titles_of(r, whole):
                    got_line.extend(
                        _placed_part(r, person, span, line, _part_period(r, period, span))
                        or career_part(
                            r, person, span, (line.start(), line.end()),
                            _part_period(r, period, span), rule=_rule(line),
                        ) or _seat_part(
                            r, person, span, (line.start(), line.end()),
                            _part_period(r, period, span), _rule(line),
                        )
                    )  # fmt: skip
            got_line.extend(_convocations(r, person, (at, line.end("rest")), line))
            for fact in got_line:
                key = _taken_key(fact)
                if key not in taken:
                    taken.add(key)
                    facts.append(fact)
    facts.extend(_past_holders(r, taken))
    facts.extend(_and_then_from(r, taken))
    r.facts = [*r.facts, *facts]
    _same_occasion(r, r.facts)
    _promoted(r.facts)
    _held_until(r, r.facts)
    _parenthesised_end(r, r.facts)
    return r.found()


def _taken_key(fact: Fact) -> tuple[object, ...]:
    """What makes a career line's holding one already drafted: its sentence, organ and role;
    a deputy's seats by convocation and a list's past holders differ by person and start too."""
    if fact.rule in ("career-convocation", "past-holders"):
        return (fact.sentence, fact.person, fact.organ, fact.role, fact.start)
    return (fact.sentence, fact.organ, fact.role)


def _placed_part(
    r: Context, person: Mention, part: tuple[int, int], line: re.Match[str], period: Period
) -> list[Fact]:
    """(class CD) "returned to South Hamgyong as provincial chief secretary": the head of that
    place's party committee, when the title names no organ of its own (``careers.placed_as``)."""
    title = next((t for t in r.person_titles if part[0] <= t.start < part[1]), None)
    if title is None or title.role != "first-secretary" or title.organ_span is not None:
        return []
    m = career_words().placed_as.search(r.text, part[0], title.start)
    if m is None:
        return []
    place = (m.start("place"), m.end("place"))
    organ = place_committee(r, place)
    if organ is None:
        return []
    held = replace(title, organ=organ, organ_span=place, post=None)
    return career_fact(r, person, held, (line.start(), line.end()), period, _rule(line))


_YEAR_IN_PARENS = re.compile(r"\(\s*((?:19|20)\d\d)\s*\)")


def _convocations(
    r: Context, person: Mention, rest: tuple[int, int], line: re.Match[str]
) -> list[Fact]:
    """(class CD) "Re-elected to the 10th (1998), 11th (2003) and 12th (2009) SPA": a deputy's
    seat per convocation, each from the year beside it (``careers.convocation_years``; prose
    and unlisted items are the convocations pass's)."""
    out: list[Fact] = []
    for m in career_words().convocation_years.finditer(r.text, *rest):
        organs = [o for o in r.mentions_in(m.start("years"), m.end(), ("organ",)) if o.entity]
        if not organs or organs[-1].entity is None:
            continue
        organ = organs[-1]
        if organ.entity is None:
            continue
        key = r.reg.resolve(organ.entity)
        for y in _YEAR_IN_PARENS.finditer(r.text, m.start("years"), m.end("years")):
            span = (y.start(1), y.end(1))
            title = Title(span[0], span[1], "member", key, span, (organ.start, organ.end))
            period = Period(PartialDate(int(y.group(1))), None, [span])
            for fact in career_fact(
                r, person, title, (line.start(), line.end()), period, "career-convocation"
            ):
                fact.type = "elected"
                out.append(fact)
    return out


_ITEM_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_ITS = re.compile(r"(?:its|their)\b", re.I)
_OPENS = re.compile(r"\W*(?:the\s+)?", re.I)


def _past_holders(r: Context, taken: set[tuple[object, ...]]) -> list[Fact]:
    """(class CD) A plural title, then its past holders each with a period: "Its directors have
    included A (2012-2014), B (2014-2017) and C (2018-2021)", "Previous first vice directors of
    the department: A (2016-2021) and B (2021)" (``careers.past_holders``): each holds the title
    over the period beside the name. "Its" is the organ that opens the sentence before ("The GPB,
    which ..., has seen frequent turnover. Its directors ..."). Names without periods ("Its
    directors have included A and B"), places ("Beijing (1992)"), ages ("Kim (68)") give none."""
    out: list[Fact] = []
    for t in r.person_titles:
        if not t.plural or t.organ is None:
            continue
        verb = career_words().past_holders.match(r.text, t.end)
        if verb is None:
            continue
        organ = t.organ
        if _ITS.match(r.text, t.start):
            organ = _subject_organ(r, t.start) or organ
        sentence = r.doc.sentence_at(t.start)
        if sentence is None:
            continue
        title = replace(t, organ=organ, post=None)
        for person, period in _holder_items(r, verb.end(), sentence.end):
            for fact in career_fact(
                r, person, title, (sentence.start, sentence.end), period, "past-holders"
            ):
                fact.type = "held"
                key = _taken_key(fact)
                if key not in taken:
                    taken.add(key)
                    out.append(fact)
    return out


def _holder_items(r: Context, at: int, end: int) -> list[tuple[Mention, Period]]:
    """The people of a list from ``at``, each followed by its period in parentheses, up to the
    first that has none."""
    out: list[tuple[Mention, Period]] = []
    people = [m for m in r.mentions_in(at, end, ("person",)) if m.entity]
    for person in people:
        if person.start < at or r.text[at : person.start].strip():
            break
        paren = _PERIOD_PARENS.match(r.text, person.end, end)
        period = period_of(paren.group(1), paren.start(1)) if paren else None
        if paren is None or period is None:
            break
        out.append((person, period))
        sep = _ITEM_SEP.match(r.text, paren.end(), end)
        if sep is None:
            break
        at = sep.end()
    return out


_PERIOD_PARENS = re.compile(rf"\s*\(\s*({PERIOD})\s*\)")


def _subject_organ(r: Context, offset: int) -> str | None:
    """The organ that opens the sentence before the one at ``offset`` (its subject), if any."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None or sentence not in r.doc.sentences:
        return None
    index = r.doc.sentences.index(sentence)
    if index == 0:
        return None
    previous = r.doc.sentences[index - 1]
    organs = [m for m in r.mentions_in(previous.start, previous.end, ("organ",)) if m.entity]
    if not organs or organs[0].entity is None:
        return None
    if not _OPENS.fullmatch(r.text, previous.start, organs[0].start):
        return None
    return r.reg.resolve(organs[0].entity)


_THEN_FROM = re.compile(
    r"\s+and\b\s*,?\s*(?:(?:then|later|subsequently|afterwards)\s*)?,?\s*(?:from|since)\s+$",
    re.I,
)
_SERVED_AS = re.compile(
    r"\b(?:(?:served|worked)\s+(?:(?:first|later|then|also|briefly)\s+)?as|was"
    r"(?:\s+(?:first|later|then|also|briefly))?)\s+(?:an?\s+|the\s+)?$",
    re.I,
)
_TITLE_NEXT = re.compile(r"\s*,\s*(?:as\s+)?(?:an?\s+|the\s+)?")
_HEDGED = re.compile(r"\b(?:reportedly|believed|said\s+to|according\s+to|allegedly)\b", re.I)


def _and_then_from(r: Context, taken: set[tuple[object, ...]]) -> list[Fact]:
    """(class CD) "He served as a deputy director and then, from 1975, first vice director of
    the Organization and Guidance Department": two holdings of the person the sentence is about,
    the first undated and in the organ of the second when it names none, the second from the
    date between them."""
    out: list[Fact] = []
    for d in r.dates:
        if d.date is None or d.range is not None:
            continue
        lead = _THEN_FROM.search(r.text, max(0, d.start - 40), d.start)
        if lead is None:
            continue
        gap = _TITLE_NEXT.match(r.text, d.end)
        second = next(
            (t for t in r.person_titles if gap and t.start == gap.end() and t.organ), None
        )
        first = next(
            (t for t in r.person_titles
             if t.end <= lead.start() and not r.text[t.end : lead.start()].strip()),
            None,
        )  # fmt: skip
        sentence = r.doc.sentence_at(d.start)
        if second is None or first is None or sentence is None or second.organ is None:
            continue
        if not _SERVED_AS.search(r.text, max(sentence.start, first.start - 40), first.start):
            continue
        person = antecedent(r, first.start)
        if person is None:
            continue
        status = "reported" if _HEDGED.search(r.text, sentence.start, sentence.end) else "confirmed"
        organ = first.organ if first.organ_span is not None else second.organ
        for title, start, organ_key in ((first, None, organ), (second, d.date, second.organ)):
            if organ_key is None:
                continue
            fact = Fact(
                "membership", "held", person, (sentence.start, sentence.end), organ=organ_key,
                role=title.role, post=post_for(r, title.role, organ_key), start=start,
                status=status, date_basis="sentence" if start else "none", rule="and-then-from",
            )  # fmt: skip
            spans = {FactSpan(title.role_span[0], title.role_span[1], "role")}
            if start is not None:
                spans.add(FactSpan(d.start, d.end, "date"))
            if second.organ_span is not None:
                spans.add(FactSpan(second.organ_span[0], second.organ_span[1], "organ"))
            fact.spans = sorted(spans, key=lambda s: (s.start, s.end, s.role))
            fact.why = f"served as {' '.join(r.text[title.start : title.end].split())}"
            key = _taken_key(fact)
            if key not in taken:
                taken.add(key)
                out.append(fact)
    return out


_CHANGES = ("elected", "appointed", "promoted")
_ALSO = re.compile(
    r"\b(?:also|as\s+well|too|at\s+the\s+same\s+(?:time|session|meeting|plenum|congress|"
    r"conference)|on\s+the\s+same\s+occasion)\b",
    re.I,
)


def _same_occasion(r: Context, facts: list[Fact]) -> None:
    """(class CD) "At the 3rd Conference on 28 September 2010, he was elected chairman of X. He
    was also re-elected a member of the Central Committee": a change a sentence without a date
    of its own adds ("also", "as well", "at the same time") to the change the sentence before
    made to the same person is dated like it (not as of the article)."""
    for fact in facts:
        if (
            fact.kind != "membership" or fact.type not in _CHANGES or fact.start is not None
            or fact.end is not None or fact.date_basis not in ("article", "none")
            or fact.status == "projected"
        ):  # fmt: skip
            continue
        sentence = r.doc.sentence_at(fact.sentence[0])
        if sentence is None or sentence not in r.doc.sentences:
            continue
        if r.dates_in(sentence.start, sentence.end) or not _ALSO.search(
            r.text, sentence.start, sentence.end
        ):
            continue
        index = r.doc.sentences.index(sentence)
        if index == 0:
            continue
        previous = r.doc.sentences[index - 1]
        before = [
            f for f in facts if previous.start <= f.sentence[0] < previous.end
            and f.person == fact.person and f.kind == "membership" and f.type in _CHANGES
            and f.start is not None
        ]  # fmt: skip
        if not before:
            continue
        last = max(before, key=lambda f: f.sentence[0])
        fact.start, fact.as_of, fact.date_basis = last.start, None, last.date_basis
        fact.spans = sorted(
            {*fact.spans, *(s for s in last.spans if s.role == "date")},
            key=lambda s: (s.start, s.end, s.role),
        )


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


_AND = re.compile(r"\s*(?:,|,?\s(?:and|as\s+well\s+as))\s+(?:(?:an?|the)\s+)?")
"""(class CD) what joins a further title of an item to the one before: "elected a vice-chairman
of the Central Committee and a member of the Political Bureau", "elected a secretary of X, an
alternate member of Y and a member of Z" """


def _titles_of(r: Context, part: tuple[int, int]) -> list[tuple[int, int]]:
    """A part of a chronology's item and, for each further title joined to the first by "and"
    ("Vice-premier and minister of foreign affairs"), the part from that title on."""
    out = [part]
    last = part[0]
    for t in r.person_titles:
        if not part[0] <= t.start < part[1] or t.start < last:
            continue  # a title inside the one before ("Director, Propaganda Department")
        if t.start > part[0] and _AND.fullmatch(r.text, last, t.start):
            out.append((t.start, part[1]))
        last = t.end
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
    ended: list[Fact] = []
    for old in facts:
        if old.person != key or old.end is not None:
            continue
        if (old.organ, old.role) == (title.organ, title.role) if title else old.organ in organs:
            old.end = period.start if _before(old.start, period.start) else old.end
            ended.append(old)
    if not ended:
        # (class CD) "Relieved as vice-chairman at the 4th plenum of ...", "replaced as
        # provincial chief secretary by Y": a role alone ends the person's latest holding of
        # that role not ended before the line's year (a term printed "2010-2014" ends in April
        # 2014 when the April 2014 line says so)
        role_title = _open_role(r, facts, key, rest, period) if title is None or (
            title.organ_span is None
        ) else None  # fmt: skip
        if role_title is not None:
            title = role_title
            for old in facts:
                if old.person != key or (old.organ, old.role) != (title.organ, title.role):
                    continue
                if not _before(old.start, period.start):
                    continue
                if old.end is None or (
                    old.end.year == period.start.year and old.end.month is None
                ):  # fmt: skip
                    old.end = period.start
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


def _open_role(
    r: Context, facts: list[Fact], key: str, rest: tuple[int, int], period: Period
) -> Title | None:
    """The title an ending line names by its role alone ("Relieved as vice-chairman", "replaced
    as provincial chief secretary by Y"), given the organ of the person's one open holding of
    that role begun before the line's date; None when there is none or more than one."""
    role = next(
        (t for t in r.person_titles if rest[0] <= t.start < rest[1] and t.organ_span is None),
        None,
    )
    if role is None or period.start is None:
        return None
    start = period.start
    held = [
        old for old in facts
        if old.person == key and old.role == role.role and old.organ is not None
        and old.start is not None and _before(old.start, start)
        and (old.end is None or not _before(old.end, PartialDate(start.year)))
    ]  # fmt: skip
    if not held:
        return None
    latest = max(held, key=lambda f: _sort_key(f.start))
    organ = latest.organ
    assert organ is not None
    found: Title = replace(role, organ=organ, post=post_for(r, role.role, organ))
    return found


def _sort_key(d: PartialDate | None) -> tuple[int, int, int]:
    return (0, 0, 0) if d is None else (d.year, d.month or 0, d.day or 0)


def _before(a: PartialDate | None, b: PartialDate) -> bool:
    """a is known and strictly before b, at the precision both give."""
    if a is None:
        return False
    return (a.year, a.month or 0, a.day or 0) < (b.year, b.month or 0, b.day or 0)
