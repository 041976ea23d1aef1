"""The dates pass: every date the text states (:func:`kwpld.dates.find_dates`), resolved against
the article's date, or, when nobody gives one, the latest day the text states."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import replace

from ..dates import DateMention, PartialDate, find_dates
from ..reading.state import Context, Found
from ..resources import resource_yaml

__all__ = [
    "dates", "relative_day", "event_day_before", "reported_day", "lead_day", "WEEKDAY_AT",
    "act_weekday",
    "leading_day", "narrative_day_before", "year_said", "stated_day", "speaks_ahead",
    "in_perfect", "report_day", "in_speech", "headline", "before_dateline", "days_apart",
    "shift_day", "counts_past", "may_count_past", "in_subordinate", "told_day",
]  # fmt: skip


def dates(r: Context) -> Found:
    doc = r.doc
    found = [d for d in find_dates(r.text) if doc.block_at(d.start) is not None]
    reference = r.reference
    if reference is None and (stamped := _stamped_day(r, found)) is not None:
        reference = r.reference = stamped  # a by-line's or a closing dateline's day
    if reference is None:
        # The article's date, when nobody gives it: the latest day the text states, at month
        # precision. Days first: what is reported happened on a day, while plans are vague
        # ("to convene the 8th Congress in January 2021").
        days = [d.date for d in found if d.date is not None and d.date.precision == 3]
        months = [d.date for d in found if d.date is not None and d.date.precision >= 2]
        stated = days or months
        if stated:
            latest = max(stated, key=lambda d: (d.year, d.month or 0, d.day or 0))
            reference = PartialDate(latest.year, latest.month)
            r.reference = reference
            r.reference_inferred = True
    sections = _year_sections(r)
    items = _year_items(r) if any(d.needs_year for d in found) else []
    resolved = [
        (_in_item(d, items) or _under_year(d, sections) or _year_said(r, _resolve(r, d, reference)))
        if d.needs_year else d
        for d in found
    ]  # fmt: skip
    resolved += _relative_periods(r, resolved)
    resolved += _election_months(r, resolved)
    resolved.sort(key=lambda d: d.start)
    resolved = _years_of_sentence(r, resolved)
    resolved = _years_of_paragraph(r, resolved)
    r.dates = [d for d in resolved if doc.block_at(d.start) is not None]
    r.section_days = _section_days(r, r.dates)
    return r.found()


_STAMP_LINE = re.compile(
    r"(?:--|—|–)?\s*(?P<by>(?:Posted|Written|Filed|Published)\s+by\s+)?[A-Z][\w’'. -]{1,40},\s*"
)
"""what comes before the day on a line that dates the whole text: a by-line ("Posted by X, 3
April Chuch'e 102 (2013)"), a closing line ("Rodong Sinmun, December 2, 2017", "-- KCNA, 12
March 2019"); not a list of sources ("Sources: KCNA, 31 March and 1 April 2013")"""


_DATE_LINE_HEAD = re.compile(
    r"[ \t]*[\[(]?[ \t]*(?:(?:Posted|Published|Updated|Last\s+updated|Filed|Date)(?:[ \t]+on)?"
    r"[ \t]*:?[ \t]*)?",
    re.I,
)
_DATE_LINE_TAIL = re.compile(
    r"[ \t]*,?[ \t]*(?:\d{1,2}:\d\d(?::\d\d)?(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*"
    r"(?:\(?(?:KST|JST|GMT|UTC|EST|EDT|ET)\)?)?[ \t]*[\])]?[ \t.]*",
    re.I,
)
"""a line that is a date alone, as news sites print it under the headline or at the foot:
"[2010-02-04 17:20]", "2010.02.04 10:12 KST", "Posted Feb. 4, 2010", "Updated: 2010-02-04 17:20
KST" (before and after the date)"""


def _stamped_day(r: Context, found: list[DateMention]) -> PartialDate | None:
    """The day a by-line or the text's last line gives the whole text, when no date was passed:
    a full date (its year printed) that ends its line, after an outlet's or author's name."""
    doc = r.doc
    last = len(doc.blocks) - 1
    for d in found:
        if d.date is None or d.date.day is None or d.needs_year or d.range is not None:
            continue
        block = doc.block_at(d.start)
        if block is None:
            continue
        line_start = max(doc.blocks[block].start, r.text.rfind("\n", 0, d.start) + 1)
        line_end = r.text.find("\n", d.end)
        rest = r.text[d.end : len(r.text) if line_end < 0 else line_end]
        if _DATE_LINE_HEAD.fullmatch(r.text, line_start, d.start) and _DATE_LINE_TAIL.fullmatch(
            rest
        ):
            return d.date  # (class CG) "[2010-02-04 17:20]", "Updated: 2013-04-02 15:05 KST"
        stamp = _STAMP_LINE.fullmatch(r.text, line_start, d.start)
        if (
            stamp is not None
            and not rest.strip(" .")
            and (stamp.group("by") or doc.blocks[block].kind == "byline" or block == last)
        ):
            return d.date
    return None


_DATELINE_HEAD = re.compile(r"[A-Z][\w’'./ -]{1,30},\s*")
"""a dateline's place before its day ("Pyongyang, ", "SEOUL, ")"""


def _section_days(r: Context, found: list[DateMention]) -> list[tuple[int, PartialDate]]:
    """(start of its line, day) of each dateline that opens a paragraph ("Pyongyang, October 29
    (KCNA) --", "SEOUL, April 12, 2024 (AFP) -"), when a text strings reports of more than one
    day, each under its own dateline; else none (a text of one report is dated by the
    article's date)."""
    doc = r.doc
    days: list[tuple[int, PartialDate]] = []
    for d in found:
        if d.date is None or d.date.day is None or d.range is not None:
            continue
        block = doc.block_at(d.start)
        if block is None or doc.blocks[block].kind != "paragraph":
            continue
        start = doc.blocks[block].start
        if (
            d.start - start <= 32
            and _DATELINE_HEAD.fullmatch(r.text, start, d.start)
            and _DATELINE_AFTER.match(r.text, d.end, d.end + 12)
        ):
            if block > 0 and headline(r, block - 1):
                start = doc.blocks[block - 1].start  # the report's own headline opens it
            days.append((start, d.date))
    return days if len({day for _, day in days}) > 1 else []


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def headline(r: Context, block: int) -> bool:
    """Whether the block is a headline: a title or heading, or a short line of its own with no
    final stop whose words of four letters or more are all capitalized ("Funeral Held", "Guests
    Enjoy Mass Gymnastic Performance" before a report's dateline)."""
    b = r.doc.blocks[block]
    if b.kind in ("title", "heading"):
        return True
    if b.kind != "paragraph" or b.end - b.start > 90:
        return False
    line = r.text[b.start : b.end].strip()
    if not line or line[-1] in ".!?:;,\"”'’)" or "\n" in line:
        return False
    words = [w for w in _HEADLINE_WORD.findall(line) if len(w) >= 4]
    return bool(words) and all(w[0].isupper() for w in words) or before_dateline(r, block)


def before_dateline(r: Context, block: int) -> bool:
    """Whether the block is a short line with no final stop right before a paragraph that opens
    with a dateline: a report's headline, in any case ("Kim Jong Un meets Chinese envoy" before
    "SEOUL, April 14, 2024 (AFP) -"); it states no facts."""
    doc = r.doc
    b = doc.blocks[block]
    if b.kind != "paragraph" or b.end - b.start > 90 or block + 1 >= len(doc.blocks):
        return False
    line = r.text[b.start : b.end].strip()
    if not line or line[-1] in ".!?:;,\"”'’)" or "\n" in line:
        return False
    start = doc.blocks[block + 1].start
    return any(
        d.start - start <= 32
        and d.date is not None
        and _DATELINE_HEAD.fullmatch(r.text, start, d.start)
        and _DATELINE_AFTER.match(r.text, d.end, d.end + 12)
        for d in r.dates_in(start, start + 40)
    )


def report_day(r: Context, offset: int) -> PartialDate | None:
    """The day of the report ``offset`` is in: its section's dateline's day, in a text that
    strings several reports (:attr:`~kwpld.reading.state.State.section_days`; text before the
    first dateline belongs to the first), else the article's day."""
    sections = r.section_days
    if not sections:
        return _article_day(r)
    index = max(0, bisect.bisect_right(sections, offset, key=lambda s: s[0]) - 1)
    return sections[index][1]


def _section_at(r: Context, offset: int) -> tuple[int, PartialDate] | None:
    """(start, day) of the section ``offset`` is in, after its dateline (None in a text of one
    report, or before the first dateline)."""
    index = bisect.bisect_right(r.section_days, offset, key=lambda s: s[0]) - 1
    return r.section_days[index] if index >= 0 else None


_YEAR_HEADING = re.compile(r"[#*_\s]*(?P<year>(?:1[89]|20)\d\d)(?![\d.]|\s*[–—-]\s*\d)")
"""a heading that is a year ("## 2019", "2015: chief secretary"), not a span of years"""


def _year_sections(r: Context) -> list[tuple[int, int | None]]:
    """(start, year or None) of every heading: a profile's year headings ("## 2019") give the
    year of the dates under them that print none ("in March", "held on April 10"), not the
    article's; any other heading closes the year's section."""
    out: list[tuple[int, int | None]] = []
    for block in r.doc.blocks:
        if block.kind == "heading":
            m = _YEAR_HEADING.match(r.text, block.start, block.end)
            out.append((block.start, int(m.group("year")) if m else None))
    return out if any(year for _, year in out) else []


def _under_year(mention: DateMention, sections: list[tuple[int, int | None]]) -> DateMention | None:
    """A year-less date under a year heading, given that year (None elsewhere)."""
    year = next((y for start, y in reversed(sections) if start <= mention.start), None)
    if year is None:
        return None
    resolved = mention.resolve(PartialDate(year, 7, 2))
    return resolved if resolved.date is not None else None


_YEAR_ITEM = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__)?(?P<year>(?:1[89]|20)\d\d)(?!\d)"
    r"(?:[ \t]*[–—-][ \t]*(?:(?:1[89]|20)\d\d|\d\d|present)(?!\d))?(?:\*\*|__)?[ \t]*"
    r"(?::|[–—]|-(?=\s))[^\n]*",
    re.M,
)
"""a chronology's item that opens with a year or a span ("- **1959** — Appointed ... in
October", "* 1983-1998 - ..."): the year-less dates of the line are of that (first) year"""


def _year_items(r: Context) -> list[tuple[int, int, int]]:
    """(start, end, year) of every line of a chronology that opens with its year or span."""
    return [(m.start(), m.end(), int(m.group("year"))) for m in _YEAR_ITEM.finditer(r.text)]


def _in_item(mention: DateMention, items: list[tuple[int, int, int]]) -> DateMention | None:
    """A year-less date inside a chronology's item, given the item's year ("**1959** —
    Appointed Minister of Foreign Affairs in October": October 1959, not the article's)."""
    year = next((y for a, b, y in items if a <= mention.start < b), None)
    if year is None:
        return None
    resolved = mention.resolve(PartialDate(year, 7, 2))
    # the year is printed, at the item's head: no later rule may take another for it
    return replace(resolved, year_inferred=False) if resolved.date is not None else None


_SPAN_WORD = re.compile(r"\b(?:since|until|till|from|after|before|by)\s+$", re.I)
"""a date that bounds a span ("since June 2012"), not the time the sentence is at"""


def _years_of_sentence(r: Context, found: list[DateMention]) -> list[DateMention]:
    """ "the same pattern in April 2019, when the Political Bureau met on April 9": a year-less
    day of a month the sentence stated before with its year is of that year, not of the year
    nearest the article's date (not after "since June 2012": "..., since June 2012, was relieved
    after a session in late June"). ``found`` in text order."""
    out: list[DateMention] = []
    for d in found:
        if _bare_month(r, d):
            d = _month_of_context(r, d, out)
        elif d.year_inferred and d.range is None and d.date is not None and d.date.month:
            sentence = r.doc.sentence_at(d.start)
            said = [
                e.date.year for e in out
                if sentence is not None and e.start >= sentence.start and not e.year_inferred
                and e.date is not None and e.date.month == d.date.month and e.range is None
                and not _SPAN_WORD.search(r.text, max(0, e.start - 12), e.start)
            ]  # fmt: skip
            if said and said[-1] != d.date.year and not year_said(r, d):
                d = replace(d, date=PartialDate(said[-1], d.date.month, d.date.day))
        out.append(d)
    return out


_TOPIC_YEAR = re.compile(
    r"\s*(?:(?:In|During|Throughout|Over|Through)\s+(?:the\s+year\s+)?|The\s+year\s+)?",
)
"""what may open a paragraph's first sentence before the year it is about ("In 2009, Kim Jong
Il ...", "The year 2014 brought ...", "2009 was ...")"""


def _topic_year(r: Context, block: int, found: list[DateMention]) -> tuple[int, int] | None:
    """(year, end of the sentence) of a paragraph's first sentence that opens with a year, the
    one year it states."""
    first = next((s for s in r.doc.sentences if s.block == block), None)
    if first is None:
        return None
    stated = [d for d in found if first.start <= d.start < first.end and not d.year_inferred
              and d.date is not None]  # fmt: skip
    if not stated or len({d.date.year for d in stated if d.date is not None}) != 1:
        return None
    opening = stated[0]
    if opening.date is None or not _TOPIC_YEAR.fullmatch(r.text, first.start, opening.start):
        return None
    return opening.date.year, first.end


def _years_of_paragraph(r: Context, found: list[DateMention]) -> list[DateMention]:
    """(class CG) "In 2009, Kim Jong Il made 159 public appearances. ... On February 11 Kim
    Yong Chun replaced Kim Il Chol ...": a year-less day or month in a paragraph whose first
    sentence opens with the year it is about is of that year, when no sentence between states
    another (not "April last year"). ``found`` in text order."""
    reference = r.reference
    if reference is None:
        return found
    out: list[DateMention] = []
    topics: dict[int, tuple[int, int] | None] = {}
    for d in found:
        block = r.doc.block_at(d.start)
        if (
            block is None or not d.year_inferred or d.range is not None or d.date is None
            or d.date.month is None or r.doc.blocks[block].kind != "paragraph"
            or year_said(r, d)
        ):  # fmt: skip
            out.append(d)
            continue
        if block not in topics:
            topics[block] = _topic_year(r, block, found)
        topic = topics[block]
        if (
            topic is None or d.start < topic[1] or topic[0] == d.date.year
            or topic[0] > reference.year
        ):  # fmt: skip
            out.append(d)
            continue
        between = [e for e in out if topic[1] <= e.start and not e.year_inferred
                   and e.date is not None and e.date.year != topic[0]]  # fmt: skip
        if between:
            out.append(d)
            continue
        try:
            date = PartialDate(topic[0], d.date.month, d.date.day)
        except ValueError:
            out.append(d)
            continue
        out.append(replace(d, date=date))
    return out


def _bare_month(r: Context, d: DateMention) -> bool:
    """A month alone in parentheses ("the Third Congress of the KWP (April)")."""
    return (
        d.year_inferred and d.range is None and d.date is not None and d.date.day is None
        and r.text[d.start - 1 : d.start] == "(" and r.text[d.end : d.end + 1] == ")"
    )  # fmt: skip


def _month_of_context(r: Context, d: DateMention, before: list[DateMention]) -> DateMention:
    """ "In 1956 he entered the Central Committee at the Third Congress of the KWP (April)": a
    month printed alone in parentheses is of the year its sentence stated before it (a year
    that dates the sentence, not one after "since", "until" or "from"), not of the article's."""
    sentence = r.doc.sentence_at(d.start)
    if sentence is None or d.date is None:
        return d
    said = [
        e.date.year for e in before
        if e.start >= sentence.start and not e.year_inferred and e.date is not None
        and e.range is None and not _SPAN_WORD.search(r.text, max(0, e.start - 12), e.start)
    ]  # fmt: skip
    if not said:
        return d
    return replace(d, date=PartialDate(said[-1], d.date.month, None), year_inferred=False)


_YEAR_SAID = re.compile(r",?\s+(?P<which>this|last|next)\s+year\b", re.I)


def _year_said(r: Context, mention: DateMention) -> DateMention:
    """ "In April last year", "on 28 December this year": the year the words after a year-less
    date give, counted from the article's, not the latest such month or day before it (in an
    article of April 1994, "April last year" is April 1993, not April 1994)."""
    date, reference = mention.date, r.reference
    if date is None or reference is None or r.reference_inferred or mention.range is not None:
        return mention
    m = _YEAR_SAID.match(r.text, mention.end)
    if m is None:
        return mention
    step = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
    return replace(mention, date=PartialDate(reference.year + step, date.month, date.day))


def year_said(r: Context, mention: DateMention) -> bool:
    """The words after a year-less date give its year ("April last year"): :func:`_year_said`
    set it, and no later rule may take it for the latest such month."""
    return _YEAR_SAID.match(r.text, mention.end) is not None


_RELATIVE_PERIOD = re.compile(
    r"\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?P<which>this|last|next)"
    r"\s+(?P<unit>month|year|week|(?-i:January|February|March|April|May|June|July|August"
    r"|September|October|November|December))\b",
    re.I,
)
"""A month, year or week counted from the article's ("earlier this month", "last month", "at
the congress last year", "last week"), or a month named from it ("last September": the latest
September before the article's month; "this September": the article's year's; "next April")."""


def _relative_periods(r: Context, stated: list[DateMention]) -> list[DateMention]:
    """ "Earlier this month", "last month", "this year": the month (or year) of the article's
    date or the one before, at that precision, when the article's date is given (not inferred).
    Not "April last year" (a month the year of which it gives: see facts_common)."""
    reference = r.reference
    if reference is None or reference.month is None or r.reference_inferred:
        return []
    out: list[DateMention] = []
    for m in _RELATIVE_PERIOD.finditer(r.text):
        if any(d.start <= m.start() <= d.end + 1 for d in stated):
            continue  # "April last year", "28 December last year"
        if re.search(r"\b(?:the|its|his|her|their)\s+$", r.text[max(0, m.start() - 8) : m.start()]):
            continue  # "in the last year of his life", "the last week of December"
        step = {"this": 0, "last": -1, "next": 1}[m.group("which").lower()]
        unit = m.group("unit").lower()
        if unit == "week":
            # "last week": its month, when the whole week falls in one
            week = _week_month(reference, step)
            if week is None:
                continue
            date = week
        elif unit == "year":
            date = PartialDate(reference.year + step)
        elif unit != "month":
            month = list(calendar.month_name).index(m.group("unit").capitalize())
            year = reference.year
            if step < 0 and month >= reference.month:
                year -= 1  # "last September" of a January article: the September before
            elif step > 0 and month <= reference.month:
                year += 1  # "next April" of a May article
            date = PartialDate(year, month)
        else:
            months = reference.year * 12 + reference.month - 1 + step
            date = PartialDate(months // 12, months % 12 + 1)
        out.append(DateMention(m.start(), m.end(), m.group(0), date))
    return out


_ELECTION_MONTH = re.compile(
    r"\b[Tt]he\s+(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+(?:(?:general|local|national|parliamentary|SPA|assembly)\s+)?"
    r"(?:elections?|by-elections?)\b"
)
"""(class U) "elected deputies to the SPA at the November general election": the election's
month, the last such month up to the article's date."""


def _election_months(r: Context, stated: list[DateMention]) -> list[DateMention]:
    """ "at the November general election": the month named, in the article's year, or the
    year before when that month is still to come (only with the article's date given)."""
    reference = r.reference
    if reference is None or reference.month is None or r.reference_inferred:
        return []
    out: list[DateMention] = []
    for m in _ELECTION_MONTH.finditer(r.text):
        if any(d.start <= m.start("month") < d.end for d in stated):
            continue
        month = list(calendar.month_name).index(m.group("month"))
        year = reference.year if month <= reference.month else reference.year - 1
        out.append(DateMention(m.start("month"), m.end("month"), m.group("month"),
                               PartialDate(year, month)))  # fmt: skip
    return out


_AHEAD = re.compile(
    r"\b(?:will|shall|would|is\s+to|are\s+to|to\s+(?:be|convene|hold|open|call)"
    r"|(?:is|are|was|were)\s+(?:scheduled|expected"
    r"|due|set|slated)|plans?\s+to|planned|next|upcoming|coming)\b",
    re.I,
)
"""Words before a date of the future ("the 3rd Plenary Meeting, to be convened in late June")."""


@functools.cache
def _perfect() -> re.Pattern[str]:
    data = resource_yaml("kwpld/reading/facts.yaml")
    words = "|".join(re.escape(w) for w in data["perfect_auxiliaries"])
    adverbs = "|".join(re.escape(w) for w in data["perfect_adverbs"])
    return re.compile(rf"\b(?:{words})\s+(?:(?:{adverbs})\s+)*$", re.I)


def in_perfect(r: Context, verb: int) -> bool:
    """Whether the verb at ``verb`` is in the present perfect ("has been appointed", "have
    named"): a change the report does not date (``perfect_auxiliaries`` in facts.yaml)."""
    return _perfect().search(r.text, max(0, verb - 40), verb) is not None


def speaks_ahead(r: Context, start: int, end: int) -> bool:
    """Whether text[start:end] speaks of the future ("will", "is expected to", "to be
    convened", "next"): what a title at an event after the article's date is as of depends on
    it."""
    return _AHEAD.search(r.text, start, end) is not None


def _week_month(reference: PartialDate, step: int) -> PartialDate | None:
    """The month of the week ``step`` weeks from the article's (Monday to Sunday), when all
    of it (up to the article's day, for this week) is in one month; else None."""
    if reference.day is None or reference.month is None:
        return None
    today = dt.date(reference.year, reference.month, reference.day)
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=step)
    last = today if step == 0 else monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (last.year, last.month):
        return None
    return PartialDate(monday.year, monday.month)


_PAST = re.compile(
    r"\b(?:was|were|had|did|took|made|met|became|went|held|led|left|gave|came|saw|won|began"
    r"|rose|fell|sent|spoke|told|wrote|sat|stood|chose|got|[a-z]{2,}ed)\b"
)
"""a verb of the past (what a sentence reports as done, and so not after the article's date)"""
_PAST_SLACK = 3
"""days a past act may be dated after the article's date (a dateline a day off, a time zone)"""


def _resolve(r: Context, mention: DateMention, reference: PartialDate | None) -> DateMention:
    """A year-less date ("in June", "on 28 December"): the latest such day or month not after
    the article's date (give or take a month), as what is reported happened before it was
    reported; when its sentence speaks of the future ("decided to convene the 3rd Plenary
    Meeting in late June", "will hold its session in September"), the first one not before."""
    out = mention.resolve(reference)
    if reference is None or out.since is None or r.reference_inferred:
        return out
    sentence = r.doc.sentence_at(mention.start)
    ahead = sentence is not None and _AHEAD.search(r.text, sentence.start, mention.start)
    # a month's slack either way: what was dated late, what was announced in advance; a
    # sentence told in the past has only a few days' (a day printed off by a time zone)
    after = (out.since.earliest() - reference.latest()).days
    if ahead and (reference.earliest() - out.since.latest()).days > 31:
        step = 1  # "will hold its session in September" (of an article of February)
    elif not ahead and after > 31:
        step = -1  # "returned to the Presidium in June" (of an article of January)
    elif (
        not ahead and after > _PAST_SLACK and sentence is not None
        and not _AHEAD.search(r.text, mention.end, sentence.end)
        and _PAST.search(r.text, sentence.start, sentence.end)
    ):  # fmt: skip
        step = -1  # (class CG) "On January 20 X replaced Y" (of an article of 8 January)
    else:
        return out
    day = min(reference.day, 28) if reference.month == 2 and reference.day else reference.day
    moved = mention.resolve(PartialDate(reference.year + step, reference.month, day))
    return moved if moved.date is not None else out


_OPENS = r"(?:\A|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=--\s)|(?<=—\s))"
"""where a sentence opens (a search starts at the sentence's start, where ``^`` would not match),
also after a dateline's dash ("SEOUL, June 15 (AP) -- A day after ...")"""
_RELATIVE = re.compile(
    r"\b(?:(?P<same>(?:on\s+)?the\s+same\s+(?:day|evening)|that\s+day|(?:earlier|later)\s+"
    r"(?:in\s+)?(?:the|that)\s+day|in\s+the\s+(?:morning|afternoon|evening)|that\s+(?:morning"
    rf"|afternoon|evening)|{_OPENS}(?:after|following|before)\s+(?:that|this|it|(?:the|this|that)\s+"
    r"(?:talks|meeting|session|ceremony|banquet|reception|visit|performance|parade|luncheon|dinner"
    r"|guidance|inspection|tour|service|funeral|burial))"
    rf"|{_OPENS}before\s+(?:leaving|departing|(?:his|her|their)\s+departure)"
    rf"|{_OPENS}then\b(?!-))"
    rf"|{_OPENS}(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+"
    r"(?P<unit>days?|weeks?)\s+(?:(?P<way>later|earlier)|(?P<past>after|before)\s+(?=(?:the|that"
    r"|this|its|his|her)\b))"
    r"|(?P<before>(?:on\s+)?the\s+(?:day\s+before|previous\s+day|eve\b)|\ba\s+day\s+earlier)"
    r"|(?P<after>(?:on\s+)?the\s+(?:next|following)\s+day)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday))\b",
    re.I,
)
"""A day given relative to another. A sentence that opens "After the talks," or "Before
leaving," is of the day of the occasion before it."""

_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _clause_day(r: Context, start: int, end: int) -> PartialDate | None:
    """The day a sentence's opening clause states after a count ("A day after the plenum
    closed on Monday, ..."): up to its first comma."""
    comma = r.text.find(",", start, end)
    stated = stated_day(r, start, end if comma < 0 else comma)
    return stated[0] if stated is not None else None


def _counted(m: re.Match[str]) -> int:
    """ "Six days later," "A week earlier,": the days a sentence's opening counts from the day
    the narrative was at (0 when the match is not such a count)."""
    count = m.group("count")
    if not count:
        return 0
    word = count.lower()
    n = int(word) if word.isdigit() else 1 if word in ("a", "an") else _COUNTS.index(word) + 1
    days = n * (7 if m.group("unit").lower().startswith("week") else 1)
    way = (m.group("way") or m.group("past")).lower()
    return days if way in ("later", "after") else -days


_DAYS_APART = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|five|six|seven|\d)\s+days?|the\s+day)\s+"
    r"(?P<way>after|before)\s+",
    re.I,
)


def days_apart(r: Context, start: int, end: int, day: PartialDate | None) -> PartialDate | None:
    """ "On Sunday evening, the two attended a performance, a day after Cho, the minister, had
    hosted a dinner": the occasion of a clause "a day after" opens (past perfect) is that many
    days before the day the sentence stated before the clause ("two days before ... had": after
    it). ``day`` is the day text[start:end] (up to the occasion) states; it is kept otherwise."""
    found = list(_DAYS_APART.finditer(r.text, start, end))
    if day is None or not found:
        return day
    m = found[-1]
    stated = stated_day(r, start, m.start())
    if stated is None or stated[0] != day or not (
        re.search(r"\bhad\b", r.text[m.end() : end])
        or _OWN_OCCASION.fullmatch(r.text, m.end(), end)
    ):
        return day
    count = (m.group("count") or "a").lower()
    n = int(count) if count.isdigit() else 1 if count in ("a", "an") else _COUNTS.index(count) + 1
    return shift_day(day, -n if m.group("way").lower() == "after" else n)


_OWN_OCCASION = re.compile(r"(?:(?:his|her|their|its|the)\s+)?")
"""(class BE) "left Russia on Thursday, a day after (his) talks with X": the occasion itself is
what the clause counts from"""

_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+scheduled\s+to|plans\s+to|proposed|proposes"
    r"|proposing|offered\s+to)\b",
    re.I,
)
WEEKDAY_AT = (
    r"(?:\bon\s+|(?<=\bmet\s)|(?<=\bconvened\s)|(?<=\bopened\s)|(?<=\bheld\s)"
    r"|(?<=\bgathered\s)|(?<=\breconvened\s))"
)
"""what puts a weekday on an event: "on Thursday", and in wire copy a bare weekday after a
verb of meeting ("convened Sunday", "met Tuesday"); shared with the meetings pass"""
_WEEKDAY_ON = re.compile(
    WEEKDAY_AT + r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


_REPORTED_ON = re.compile(
    r"\b(?:said|reported|announced|disclosed|revealed|confirmed)\s+(?P<when>(?:on\s+|last\s+)?)"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def reported_day(r: Context, start: int, end: int) -> tuple[PartialDate, tuple[int, int]] | None:
    """The day a report in text[start:end] came out: "state media said last Friday",
    "KCNA reported on Sunday" (the last such weekday up to the article's day; "last" one
    before it)."""
    day = report_day(r, start)
    m = _REPORTED_ON.search(r.text, start, end)
    if day is None or m is None:
        return None
    today = dt.date(day.year, day.month or 1, day.day or 1)
    back = (today.weekday() - list(calendar.day_name).index(m.group("day"))) % 7
    if back == 0 and m.group("when").lower().startswith("last"):
        back = 7
    return shift_day(day, -back), (m.start("day"), m.end("day"))


def _article_day(r: Context) -> PartialDate | None:
    reference = r.reference
    if reference is None or reference.day is None or r.reference_inferred:
        return None
    return reference


def shift_day(day: PartialDate, days: int) -> PartialDate:
    when = dt.date(day.year, day.month or 1, day.day or 1) + dt.timedelta(days=days)
    return PartialDate(when.year, when.month, when.day)


def lead_day(r: Context, before: int) -> PartialDate | None:
    """The day the report's first sentence gives its news by a weekday ("Pyongyang, May 5
    (KCNA) -- Kim Jong Un inspected ... on Thursday"): what "the day before" of a later
    sentence counts from when no event before it is dated (yet). The last such weekday up to
    the article's day; None when the lead gives none or comes after ``before``."""
    lead = r.doc.lead()
    section = _section_at(r, before)
    if section is not None:  # the lead of the report under the dateline before
        lead = r.doc.sentence_at(section[0])
    if lead is None or lead.end > before:
        return None
    weekday = next((m for m in _WEEKDAY_ON.finditer(r.text, lead.start, lead.end)
                    if not _reported_at(r, lead.start, m.end())), None)  # fmt: skip
    if weekday is None:
        # (class V) wire copy's bare weekday after the lead's verb and its object: "Trump and
        # Kim signed a document Tuesday", "agreed Sunday to restart talks"
        weekday = _ACT_WEEKDAY.search(r.text, lead.start, lead.end)
    return None if weekday is None else _weekday_back(r, weekday)


_ACT_WEEKDAY = re.compile(
    r"\b(?:agreed|signed|oversaw|watched|visited|attended|arrived|launched|fired|opened|began"
    r"|ended|concluded|wrapped\s+up|capped|met|held)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
"""a weekday a wire lead's verb of an act puts on it, its object between ("signed a document
Tuesday"); not "said Tuesday" (the report's day)"""


def act_weekday(r: Context, start: int, end: int) -> PartialDate | None:
    """The day of the last weekday in text[start:end] an act puts on it (:data:`_ACT_WEEKDAY`,
    "on Friday"; not a report's "said on Friday")."""
    found = list(_ACT_WEEKDAY.finditer(r.text, start, end))
    found += [
        m for m in _WEEKDAY_ON.finditer(r.text, start, end) if not _reported_at(r, start, m.end())
    ]
    return _weekday_back(r, max(found, key=lambda m: m.start())) if found else None


def _reported_at(r: Context, start: int, end: int) -> bool:
    """Whether the weekday ending at ``end`` is the day of a report ("KCNA reported on
    Sunday"), not of what it reports."""
    return any(m.end() == end for m in _REPORTED_ON.finditer(r.text, start, end))


_TIME_REFERENCE = re.compile(
    r"(?:\b(?:days?|weeks?|fortnight|months?|years?)\s+(?:after|before|since|following)"
    r"|\b(?:ahead\s+of|prior\s+to))\s+(?:[\w'’.-]+\s+){0,4}$",
    re.I,
)
"""words before an event named as the time of another, a span away ("a week after the 4
February meeting", "two days before the plenum", "ahead of the congress"): the narrative is not
at that event's day. Not a bare "after" ("left Moscow on Friday after two rounds of talks on
Wednesday and Thursday": the talks are the narrative's)"""


def as_time_reference(r: Context, start: int) -> bool:
    """Whether the event mentioned at ``start`` is named only as the time of another clause's
    act ("the plenum, held a week after the 2 May meeting"): its day is its own, not the day
    "the same day" or "that evening" of a later sentence counts from."""
    sentence = r.doc.sentence_at(start)
    since = sentence.start if sentence is not None else max(0, start - 60)
    return _TIME_REFERENCE.search(r.text, max(since, start - 60), start) is not None


def _held_as_time_reference(r: Context, at: int, key: str) -> bool:
    """Whether the event ``key`` reported held at ``at`` is named in that sentence only as the
    time of another act (:func:`as_time_reference`)."""
    sentence = r.doc.sentence_at(at)
    if sentence is None:
        return as_time_reference(r, at)
    named = [m for m in r.mentions_in(sentence.start, sentence.end, ("event",)) if m.entity == key]
    return bool(named) and all(as_time_reference(r, m.start) for m in named)


def event_day_before(r: Context, offset: int, *, block: int | None = None) -> PartialDate | None:
    """The day of the event dated last before ``offset`` (in ``block`` only, if given): what
    "the same day", "the day before", "in the evening" count from; not an event named only as
    the time of another (:func:`as_time_reference`)."""
    for m in reversed(r.mentions_in(0, offset, ("event",))):
        if not m.entity or as_time_reference(r, m.start):
            continue
        if block is not None and r.doc.block_at(m.start) != block:
            continue
        sentence = r.doc.sentence_at(m.start)
        if sentence is not None and _RECALLED.search(r.text, sentence.start, m.start):
            continue  # (round 6) "The reporter recalled that the First Session ..., held on April
            # 11 and 12, had ...": an event recalled, not the one the narrative is at
        entity = r.reg.peek(m.entity)
        if entity.known:
            iso = r.known.event_dates.get(entity.known)
            if iso and iso.count("-") == 2:
                year, month, day = (int(x) for x in iso.split("-"))
                return PartialDate(year, month, day)
            continue
        date = entity.fields.get("date")
        if isinstance(date, PartialDate) and date.day is not None:
            return date
    return None


def _recalled_in_sentence(r: Context, at: int, key: str) -> bool:
    """Whether the sentence at ``at`` names event ``key`` after a verb of recalling."""
    sentence = r.doc.sentence_at(at)
    if sentence is None:
        return False
    return any(
        m.entity and r.reg.resolve(m.entity) == r.reg.resolve(key)
        and _RECALLED.search(r.text, sentence.start, m.start)
        for m in r.mentions_in(sentence.start, sentence.end, ("event",))
    )  # fmt: skip


_RECALLED = re.compile(r"\b(?:recall(?:ed|ing|s)?|remind(?:ed|ing|s)?)\b", re.I)
"""a verb of recalling before an event named in its sentence: background, not the narrative"""

_BACKGROUND_DAY = re.compile(
    r"\b(?:born|died|death|passed\s+away|since|until|till|from|by|before|after|signed"
    r"|(?<=deputies\s)elected|(?<=members\s)elected)\s+"
    r"(?:on\s+)?(?:\w+\s+)?$",
    re.I,
)
"""words before a day that is no occasion's ("died Dec. 17", "since 5 May")"""
_NOT_OCCASION_DAY = re.compile(
    r"\b(?:had|recalling|recalled|recalls|media|said|says|reported|announced|KCNA|Yonhap"
    r"|agency|newspaper)\s+(?:\w+\s+){0,6}?$|(?:--|—|\(\w+\))\s*$",
    re.I,
)
_DATELINE_AFTER = re.compile(r"\s*(?:\(\w+\)|--|—|[A-Z][A-Za-z]+\s+[-–—]\s)")
"""a day in a clause of the past perfect ("Recalling that he had visited the complex on April
15"), of the report ("state media on Friday listed"), or of the dateline ("SEOUL, June 3
(AP) --", "TOKYO, May 23 Kyodo -"): no occasion's"""


def _occasion_day_at(r: Context, start: int, end: int) -> bool:
    """Whether the day text[start:end] states may be an occasion's the narrative is at."""
    sentence = r.doc.sentence_at(start)
    since = sentence.start if sentence is not None else max(0, start - 60)
    return not (
        _BACKGROUND_DAY.search(r.text, max(since, start - 30), start)
        or _NOT_OCCASION_DAY.search(r.text[since:start])
        or _DATELINE_AFTER.match(r.text, end, end + 12)
        or in_speech(r, start)
        or _RECALLED.search(r.text, since, start)  # (round 6) "recalled that X, held on ..."
    )


_TOLD_DAY = re.compile(r"\b(?:(?P<today>today)|yesterday)\b", re.I)


def told_day(r: Context, start: int, end: int) -> tuple[PartialDate, tuple[int, int]] | None:
    """(class CG) The day "yesterday" or "today" in text[start:end] gives what it tells ("The
    assembly appointed X premier yesterday": the day before the report's, its dateline's or the
    article's), not the day of the report ("KCNA reported today", "state media said
    yesterday")."""
    for m in _TOLD_DAY.finditer(r.text, start, end):
        if not _occasion_day_at(r, m.start(), m.end()):
            continue
        day = report_day(r, m.start())
        if day is None:
            return None
        return (day if m.group("today") else shift_day(day, -1)), m.span()
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


def in_speech(r: Context, offset: int) -> bool:
    """Whether ``offset`` is inside quoted speech ("Last year, on October 10, we showed ...",
    a speaker's own words, in the first person): a day the speaker recalls, not the day the
    narrative is at (a report quoted in the third person may date an occasion)."""
    quote = r.doc.quotation_at(offset)
    return quote is not None and bool(
        _FIRST_PERSON.search(r.text, quote.inner_start, quote.inner_end)
    )


_WEEKDAY_OPEN = re.compile(
    r"\b(?:[Oo]n|[Ee]arly|[Ll]ate)\s+(?:on\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
"""a weekday, also where it opens a sentence ("On Thursday, ..."), and wire copy's "departed for
Vietnam early Thursday", "late Wednesday" (class Q)"""


def _weekday_back(r: Context, weekday: re.Match[str]) -> PartialDate | None:
    """ "on Thursday": the last such weekday up to the article's day (None for one to come)."""
    day = report_day(r, weekday.start())
    sentence = r.doc.sentence_at(weekday.start())
    since = sentence.start if sentence is not None else weekday.start()
    if day is None or _FUTURE.search(r.text, since, weekday.start()):
        return None
    today = dt.date(day.year, day.month or 1, day.day or 1)
    back = (today.weekday() - list(calendar.day_name).index(weekday.group("day"))) % 7
    return shift_day(day, -back)


def leading_day(r: Context, start: int, end: int) -> PartialDate | None:
    """The day text[start:end] (a sentence up to the occasion it reports) gives: "On 21 December,
    ...", "On Thursday, Kim and Putin held talks", "Two days before the funeral, on Monday, ..."
    (the last day given there), else a day relative to the occasion before ("That evening",
    "The previous day", "After the talks,": :func:`relative_day`)."""
    stated = stated_day(r, start, end)
    if stated is not None and not _COUNT_PAST.search(r.text, start, stated[1][0]):
        return stated[0]
    relative = relative_day(r, start, end)
    if stated is not None and not counts_past(r, relative, stated[1][0]):
        return stated[0]
    return relative[0] if relative is not None else None


_COUNT_PAST = re.compile(r"\b(?:days?|weeks?)\s+(?:after|before)\b", re.I)
"""what :func:`counts_past` may find (a cheap test first)"""


def may_count_past(r: Context, start: int, at: int) -> bool:
    """Whether text[start:at] may hold what :func:`counts_past` looks for (cheap)."""
    return _COUNT_PAST.search(r.text, start, at) is not None


def counts_past(
    r: Context, relative: tuple[PartialDate, tuple[int, int]] | None, at: int
) -> bool:
    """Whether ``relative`` (from :func:`relative_day`) counts days past an occasion its clause
    dates at ``at`` ("A day after the plenum closed on Monday, X toured ..."): the day at
    ``at`` is that occasion's, not the sentence's."""
    if relative is None or relative[1][1] > at or "," in r.text[relative[1][1] : at]:
        return False
    if not _COUNT_PAST.search(r.text, relative[1][0], relative[1][1]):
        return False
    return re.search(r"\b(?:after|before)\s*$", r.text[relative[1][0] : relative[1][1]]) is not None


def stated_day(r: Context, start: int, end: int) -> tuple[PartialDate, tuple[int, int]] | None:
    """The last day text[start:end] states for an occasion: a date at day precision ("on 13
    June", "on 21 October 2023") or a weekday ("On Sunday"), not one of background ("born",
    "since", "had visited"), of the report ("KCNA said on Friday") or of the dateline; with
    its span."""
    days: list[tuple[int, int, PartialDate]] = [
        (d.start, d.end, d.date) for d in r.dates_in(start, end)
        if d.date is not None and d.date.day is not None and _occasion_day_at(r, d.start, d.end)
    ]  # fmt: skip
    for weekday in _WEEKDAY_OPEN.finditer(r.text, start, end):
        when = _weekday_back(r, weekday)
        if when is not None and _occasion_day_at(r, weekday.start("day"), weekday.end()):
            days.append((weekday.start("day"), weekday.end("day"), when))  # ("-- On Sunday, ...")
    if not days:
        return None
    main = [x for x in days if not in_subordinate(r, start, x[0])]
    at, until, day = max(main or days, key=lambda x: x[0])
    return day, (at, until)


_SUBORDINATE = re.compile(
    r"(?:,\s*(?:who|which)\b|\b(?:after|before|upon|while)\s+[a-z]+ing\b)[^,;()]*$", re.I
)
"""where a clause opens that is not the sentence's main one: a relative clause ("Choe, who left
Pyongyang on Wednesday, arrived ...") or a participial one ("after leaving Pyongyang on
Sunday")"""


def in_subordinate(r: Context, since: int, at: int) -> bool:
    """Whether the day at ``at`` (in a sentence from ``since``) is stated in a relative or
    participial clause: the day of that clause's act (an arrival, a departure), not of the main
    clause's occasion when the sentence states another one ("Choe Son Hui, who left Pyongyang
    on Wednesday, arrived in Stockholm on Friday": Friday)."""
    return _SUBORDINATE.search(r.text, max(since, at - 100), at) is not None


def narrative_day_before(r: Context, offset: int) -> PartialDate | None:
    """The day the narrative was at just before ``offset``: the last of the day of an event
    dated before it (:func:`event_day_before`) and a day a sentence before it gives ("He
    arrived in Moscow on May 23. ... Talks were held at the Kremlin on the same day"); what
    "the same day", "the day before", "that evening" count from."""
    best: tuple[int, PartialDate] | None = None
    for m in reversed(r.mentions_in(0, offset, ("event",))):
        sentence = r.doc.sentence_at(m.start)
        if sentence is not None and _RECALLED.search(r.text, sentence.start, m.start):
            continue  # (round 6) an event recalled is not where the narrative is
        if as_time_reference(r, m.start):
            continue  # "a week after the 4 February meeting": not where the narrative is
        entity = r.reg.peek(m.entity) if m.entity else None
        date = entity.fields.get("date") if entity is not None and not entity.known else None
        if isinstance(date, PartialDate) and date.day is not None:
            best = (m.start, date)
            break
    for at, key in r.held:  # occasions a verb reported ("laid a wreath"), with no mention
        if _recalled_in_sentence(r, at, key):
            continue
        date = r.reg.peek(key).fields.get("date")
        if (at < offset and (best is None or at > best[0]) and isinstance(date, PartialDate)
                and date.day is not None and not _held_as_time_reference(r, at, key)):
            best = (at, date)
    if best is not None:
        best = _nth_day_of(r, best, offset)
    section = _section_at(r, offset)
    if section is not None and (best is None or best[0] < section[0]):
        best = section  # a new report under its own dateline: the narrative is at its day
    if best is not None:
        best = _referred_back(r, best, offset)
    lead = r.doc.lead()
    body = lead.start if lead is not None else 0
    stated = stated_day(r, max(best[0] if best is not None else 0, body), offset)
    if stated is not None:
        return stated[0]
    return best[1] if best is not None else event_day_before(r, offset)


_NTH_DAY_OPEN = re.compile(
    r"(?:^|(?<=[.!?]\s))On\s+(?:the|its)\s+"
    r"(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+day\b",
    re.M,
)
_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth")  # fmt: skip


def _nth_day_of(
    r: Context, best: tuple[int, PartialDate], offset: int
) -> tuple[int, PartialDate]:
    """A multi-day event's narrative goes on by its days: "The session opened on April 5 ...
    On the third day the session adopted ... A banquet was given the same evening": after the
    event dated last (from its first day), a sentence that opens "On the Nth day" puts the
    narrative at its first day + N-1."""
    if best[1].day is None or best[1].month is None:
        return best
    last = None
    for m in _NTH_DAY_OPEN.finditer(r.text, best[0] + 1, offset):
        last = m
    if last is None:
        return best
    return last.start(), shift_day(best[1], _NTH.index(last.group("nth").lower()))


_BACK_REFERENCE = re.compile(
    r"\b[Tt]he\s+(talks|summit|banquet|reception|luncheon|dinner|ceremony|parade|performance)\b"
)


def _referred_back(
    r: Context, best: tuple[int, PartialDate], offset: int
) -> tuple[int, PartialDate]:
    """(class Q) Wire copy goes back to the occasion of its lead after a paragraph of
    background: "Medvedev and Kim held talks Wednesday ... Kim arrived on Tuesday ... The talks
    lasted two hours ... That evening Medvedev hosted a dinner": "the talks" between the
    occasion dated last and ``offset`` brings the narrative back to the talks' day."""
    for ref in _BACK_REFERENCE.finditer(r.text, best[0] + 1, offset):
        noun = ref.group(1).lower()
        for at, key in reversed(r.held):
            entity = r.reg.peek(key)
            date = entity.fields.get("date")
            if (at < ref.start() and isinstance(date, PartialDate) and date.day is not None
                    and any(noun in n.text.lower() for n in entity.names)):
                best = (ref.start(), date)
                break
    return best


def opens_with_day(r: Context, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] opens with a day counted from the occasion before
    ("The same day", "On the following day", "In the evening", "Two days later"): it reports
    an occasion of its own, not more of the one before (occasion segmentation)."""
    m = _RELATIVE.search(r.text, start, min(end, start + 48))
    return m is not None and not r.text[start : m.start()].strip()


def relative_day(
    r: Context, start: int, end: int, *, anchor: int | None = None
) -> tuple[PartialDate, tuple[int, int]] | None:
    """A day text[start:end] gives relative to another: "on the same day", "in the afternoon",
    "earlier in the day" (the day of the event dated last before), "the day before", "the next
    day" (a day from it), "today", "yesterday" (the article's day), "will ... on Saturday" (the
    next such weekday after the article's day). Events count from before ``anchor`` (default
    ``start``). None when there is nothing to count from."""
    m = _RELATIVE.search(r.text, start, end)
    if m is not None:
        span = (m.start(), m.end())
        if m.group("today") or m.group("yesterday"):
            day = report_day(r, m.start())
            if day is None:
                return None
            return (day if m.group("today") else shift_day(day, -1)), span
        if m.group("count") and m.group("way") and stated_day(r, m.end(), end) is not None:
            return None  # "Two days earlier, on Wednesday, ...": the day stated
        if m.group("past") and (following := _clause_day(r, m.end(), end)) is not None:
            return shift_day(following, _counted(m)), span  # "A day after X closed on Monday,"
        shift = -1 if m.group("before") else 1 if m.group("after") else _counted(m)
        # "on 29 April, when KCNA said he had watched it the day before": from the day stated;
        # "State media said last Friday that ... the previous day": from the day reported
        stated = [d.date for d in r.dates_in(start, m.start()) if d.date and d.date.day]
        sentence = r.doc.sentence_at(m.start())
        since = min(start, sentence.start) if sentence is not None else start
        reported = reported_day(r, since, m.start()) if shift and not stated else None
        if reported is not None:
            stated = [reported[0]]
        if shift and stated:
            return shift_day(stated[-1], shift), span
        base = narrative_day_before(r, start if anchor is None else anchor) or lead_day(r, start)
        if base is None and not shift:
            base = report_day(r, start)  # "in the afternoon": of the day reported
        if base is None:
            return None  # "the following day": of an event not dated (yet)
        return shift_day(base, shift), span
    weekday = _WEEKDAY_ON.search(r.text, start, end)
    if weekday is not None and _FUTURE.search(r.text, start, weekday.start()):
        day = report_day(r, weekday.start())
        if day is None:
            return None
        wanted = list(calendar.day_name).index(weekday.group("day"))
        ahead = (wanted - dt.date(day.year, day.month or 1, day.day or 1).weekday()) % 7 or 7
        return shift_day(day, ahead), (weekday.start(), weekday.end())
    return None
