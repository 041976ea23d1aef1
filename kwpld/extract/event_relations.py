"""The event relations pass: what the text says of the events it names. The date an event was
held ("the 4th Meeting ... on 28 January 2013"), who convened it (the organ, or the author of
the report, that convenes it), the decision a report makes when it convenes, renames or rules,
renamings, rules adopted ("make it a rule to"), titles conferred (and on whom, by whom: "He
conferred ..." is the person the paragraph began with), where events are held ("in Pyongyang")
and the participants events are named for ("Meeting of Party Cell Secretaries")."""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache

from ..dates import DateMention, PartialDate
from ..names import match_key, name_words
from ..reading.document import Sentence
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.state import Context, Found
from ..reading.words import series_key, straight
from ..resources import resource_yaml
from .documents import docs_in, speaker_of
from .meetings import MEETING_TYPES, date_with, day_words, head_kind, past_date

__all__ = ["event_relations", "clause_dates", "CONVENE"]

CONVENE = re.compile(
    r"\b(?:convene[sd]?|convening|convoke[sd]?|convocation|to\s+hold|will\s+be\s+held|to\s+open)\b",
    re.I,
)
_RULE = re.compile(r"\bmake\s+it\s+a\s+rule\s+to\b|\bas\s+a\s+rule\b|\bdecided\s+to\s+hold\b", re.I)
_CONFERRAL = [
    re.compile(
        r"\bconferred\s+(?:up)?on\s+(?P<target>.+?)\s+the\s+(?:[\w-]+\s+){0,2}?titles?\s+of\s+(?P<title>[^.;”\"]+)"
    ),
    re.compile(
        r"\bconferred\s+the\s+(?:[\w-]+\s+){0,2}?titles?\s+of\s+(?P<title>.+?)\s+(?:up)?on\s+(?P<target>[^.;”\"]+)"
    ),
]


def event_relations(r: Context) -> Found:
    _event_dates(r)
    convened = _convening(r)
    decisions = _decisions(r, convened)
    _renamings(r, decisions)
    _rules(r, decisions)
    _conferrals(r)
    _locations(r)
    _participants(r)
    return r.found()


def _event_dates(r: Context) -> None:
    """ "the 4th Meeting of Party Cell Secretaries on 28 January 2013 (Monday)", "the Eighth
    Party Congress in January", "since January 2021, when the eighth party congress elected
    him": a date given with an event's name. A series named so ("the party congress in
    January") stands for one event of it."""
    for mention in list(r.mentions):
        if mention.kind != "event" or not mention.entity:
            continue
        entity = r.entity(mention.entity)
        if entity.known or "date" in entity.fields:
            continue
        date = date_with(r, mention) or _line_date(r, mention)
        if date is not None and date.date is not None:
            _date_from(r, entity, mention, date)


def _date_from(r: Context, entity: Entity, mention: Mention, date: DateMention) -> None:
    """Date an event from a date printed with its name: a day, or a period of days."""
    assert date.date is not None
    period = date.range if date.range is not None and date.role is not None else None
    when = past_date(r, date) if period is None or period.first is None else period.first
    if entity.fields.get("type") == "series":
        entity = _one_of_series(r, entity, mention, when)
    entity.fields["date"] = when
    if period is not None and period.last is not None and period.last != when:
        entity.fields["end"] = period.last
    start = min(mention.start, date.start if period is None else period.start)
    end = max(mention.end, date.end if period is None else period.end)
    text = date.text if period is None else period.text
    entity.note(f"held {text}", (start, end))


_LINE_DATE = re.compile(r"[ \t]*(?:[-*•–|][ \t]+)?(?:\*\*|__)?(?=\S)")
_LINE_DASH = re.compile(r"(?:\*\*|__)?[ \t]*(?::|[–—|(]|-(?=\s))")
_LINE_YEAR = re.compile(r"(?:1[89]|20)\d\d(?![\w.,]|[ \t]*[–—-][ \t]*(?:\d|present))")
"""a line's year alone ("- **2019:** ...", "| 2019 | ..."), not a span of years"""


def _line_date(r: Context, mention: Mention) -> DateMention | None:
    """A career line's or a table row's date ("10 April 2019 — Elected ... at the 4th Plenary
    Meeting of the 7th Central Committee", "**May 2016:** elected ... at the 1st plenary
    meeting", "2019: elected ... at the 1st session of the 14th SPA", "April 2014 (1st Session of
    the 13th SPA): ...", "| 28–31 December 2019 | 5th Plenary Meeting ... |"): the day (or days)
    of the one event the line names; a month or a year also of each event the line names
    beside it ("January 2021: re-elected ... at the 1st plenary meeting ...; relieved ... at the
    4th session ..."), but not of one named after "since", "after" ... A period of years or
    months ("2014 – 2016: ...") is a post's, not an event's."""
    start = r.text.rfind("\n", 0, mention.start) + 1
    end = r.text.find("\n", mention.end)
    end = len(r.text) if end < 0 else end
    lead = _LINE_DATE.match(r.text, start)
    if lead is None:
        return None
    date = r.date_at(lead.end())
    if date is not None and date.range is not None:
        first = date.range.first
        date = date if first is not None and first.day else None  # days, not years
    if date is None:
        year = _LINE_YEAR.match(r.text, lead.end())
        if year is None or r.doc.block_at(year.start()) is None:
            return None
        date = DateMention(year.start(), year.end(), year.group(), PartialDate(int(year.group())))
    if not _LINE_DASH.match(r.text, date.range.end if date.range else date.end):
        return None
    if r.dates_in(mention.end, end):
        return None  # "..., held from 28 to 31 December": the event's own dates
    named = {m.entity for m in r.mentions_in(start, end, ("event",))}
    if len(named) != 1:
        assert date.date is not None
        if date.date.day is not None or date.range is not None:
            return None  # a day is of one meeting
        not_after = _clause_words()[0]
        if not_after.search(r.text, max(start, mention.start - 30), mention.start):
            return None  # "... at the 1st plenary meeting, held after the 8th Congress"
    return date


_OPENING_DATE = re.compile(r"(?:(?:in|on)\s*)?(?:(?:last|this)\s+year)?", re.I)
_SEGMENT = re.compile(r"\s*(?:[,;]|\s--\s|\s—\s)\s*")


@cache
def _clause_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = resource_yaml("kwpld/reading/facts.yaml")["clause_dates"]

    def words(key: str) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in data[key])

    return (re.compile(rf"\b(?:{words('not_after')})\s+(?:the\s+|its\s+|a\s+)?$", re.I),
            re.compile(rf"^(?:{words('subordinate')})\b", re.I),
            re.compile(rf"\b(?:{words('ahead')})\b", re.I))  # fmt: skip


def clause_dates(r: Context) -> Found:
    """A meeting no other rule dated, named in a clause that prints a date: that date (the most
    specific of the clause's; ``clause_dates`` in facts.yaml). Runs after the meetings pass, so
    every way the text dates a meeting elsewhere comes first. Before it, events dated relative
    to another (:func:`_relative_to_events`)."""
    _relative_to_events(r)
    _close_to_dated_act(r)
    for mention in list(r.mentions):
        if mention.kind != "event" or not mention.entity:
            continue
        entity = r.entity(mention.entity)
        kind = entity.fields.get("type")
        if entity.known or "date" in entity.fields or kind not in MEETING_TYPES:
            continue
        date = date_with(r, mention) or _line_date(r, mention) or _clause_date(r, mention)
        if date is not None and date.date is not None:
            _date_from(r, entity, mention, date)
    return r.found()


_COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_RELATIVE_TO = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<way>after|before)"
    r"|(?:(?:just|only|shortly)\s+)?(?P<day>a\s+day|the\s+day)\s+(?P<way2>after|before)"
    r"|(?P<eve>(?:on\s+)?the\s+eve\s+of)"
    r"|(?P<next>(?:on\s+)?the\s+(?:next|following)\s+day|(?:on\s+)?the\s+(?:previous\s+day|day\s+before)"
    r"|(?:on\s+)?the\s+same\s+day)\s+(?:at|during|in)"
    r")\s+(?=the\b|an?\b|its\b|\d|[A-Z])",
    re.I,
)
"""(class AC) a day counted from a named event: "It came one day after the 4th Plenary
Meeting", "On the eve of the conference, Kim presided over ...", "Two days after the session,
...", "who returned to the Premiership the next day at the 7th Session of the 12th SPA"."""
_SUBJECT_EVENT = re.compile(
    r"(?:It|This|That|The\s+(?:[\w-]+\s+){0,2}?(?:session|meeting|plenum|congress|conference"
    r"|summit|rally|parade|ceremony))\s+(?:came|was\s+(?:held|convened)|took\s+place|opened"
    r"|followed|convened|met)\b"
)
"""a sentence whose subject is the event told before it ("It came one day after ...")"""


def _relative_to_events(r: Context) -> None:
    """(class AC) Events dated by a count of days from another: an undated event after "N days
    after" or "the eve of" takes the day counted back from the event the sentence is about (one
    it names before, or, for "It came ..."/"The session opened ...", the one dated last
    before it); an occasion of a sentence that counts from a dated event ("On the eve of the
    conference, Kim presided over an enlarged meeting") takes the day counted from it, unless
    the sentence prints a date of its own; an event "the next day at" the one dated last."""
    for m in _relative_matches(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None or r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        named = [x for x in r.mentions_in(m.end(), sentence.end, ("event",))
                 if x.entity and r.text[m.end() : x.start].strip(" ").lower()
                 in ("", "the", "its", "a", "an")]  # fmt: skip
        target = named[0] if named else None
        if target is None:
            target = _referred_at(r, m.end(), sentence.end)
        if target is None or target.entity is None:
            continue
        event = r.entity(target.entity)
        if event.known or event.fields.get("type") == "series":
            continue
        days = _count_of(m)
        if m.group("next"):
            if "date" not in event.fields:
                base = _day_before(r, sentence.start, m.start(), exclude=event.key)
                if base is not None:
                    _set_day(r, event, _shift(base, days), (m.start(), target.end))
            continue
        date = event.fields.get("date")
        if not isinstance(date, PartialDate) or date.day is None:
            if date is None:
                _date_counted_back(r, event, m, target, sentence, days)
            continue
        # the occasions of a sentence counted from a dated event ("On the eve of the
        # conference, ...": the day before it; "Two days after the session, ...": after its end)
        days = -days
        last = event.fields.get("end")
        base = last if days > 0 and isinstance(last, PartialDate) else date
        own = [d for d in r.dates_in(sentence.start, sentence.end)
               if d.date is not None and not m.start() <= d.start < target.end]  # fmt: skip
        if own:  # "On the eve of the congress, on 4 January, ...": the day printed
            if len(own) > 1 or own[0].date is None or own[0].date.day is None:
                continue
            base, days = past_date(r, own[0]), 0
        # the events the sentence names, and the occasions a verb of it reported ("Kim
        # inspected a farm"), which have no mention
        keys = [x.entity for x in r.mentions_in(sentence.start, sentence.end, ("event",))
                if x.entity and not m.start() <= x.start < target.end]  # fmt: skip
        keys += [key for at, key in r.held if sentence.start <= at < sentence.end]
        for key in dict.fromkeys(keys):
            occasion = r.entity(key)
            if (occasion.known or occasion.key == event.key or "ordinal" in occasion.fields
                    or occasion.fields.get("type") in ("series", "decision")):  # fmt: skip
                continue
            _set_day(r, occasion, _shift(base, days), (m.start(), target.end), replace=True)


_CLOSE_TO = re.compile(
    r"\s*,?\s*(?:(?:right|just|shortly|soon|immediately)\s+(?:after|before)|(?:just\s+)?ahead\s+of)"
    r"\s+(?:the\s+)?",
    re.I,
)
"""(class AC) an act dated by month or year "right after" an event: "was appointed minister
in January, right after the Eighth Party Congress", "promoted in 2010 ahead of the 3rd Party
Conference": the event is of that month (or year)."""


def _close_to_dated_act(r: Context) -> None:
    """An undated event named right after a month or a year, with "right after", "just before",
    "shortly after", "ahead of" between them: of that month or year (never of a day: "on 12
    January, right after the congress" says nothing of the congress's day)."""
    for date in r.dates:
        if date.date is None or date.date.day is not None or date.range is not None:
            continue
        m = _CLOSE_TO.match(r.text, date.end)
        if m is None:
            continue
        named = [x for x in r.mentions_in(m.end(), m.end() + 120, ("event",))
                 if x.start == m.end() and x.entity]  # fmt: skip
        if not named:
            continue
        event = r.entity(named[0].entity)  # type: ignore[arg-type]
        if event.known or "date" in event.fields or event.fields.get("type") == "series":
            continue
        event.fields["date"] = past_date(r, date)
        event.note(f"held {' '.join(r.text[date.start : named[0].end].split())}",
                   (date.start, named[0].end))  # fmt: skip


_RELATIVE_CUE = re.compile(r"\b(?:after|before|eve|day)\s", re.I)
"""a word every match of `_RELATIVE_TO` holds: the long pattern is tried only around it"""


def _relative_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_RELATIVE_TO.finditer(text)``, found faster: tried only in a window
    around the words they must hold, not at every word of the article."""
    out: list[re.Match[str]] = []
    pos = 0
    for cue in _RELATIVE_CUE.finditer(text):
        if cue.start() < pos:
            continue
        m = _RELATIVE_TO.search(text, max(pos, cue.start() - 48), cue.end() + 40)
        if m is not None and m.start() <= cue.start() < m.end():
            out.append(m)
            pos = m.end()
    return out


def _referred_at(r: Context, start: int, end: int) -> Mention | None:
    """The event a phrase referring back ("the conference") right at ``start`` stands for."""
    for s, e, key in r.event_refs:
        if s == start and key:
            return Mention(s, e, r.text[s:e], key, "event")
        if start <= s < end and r.text[start:s].strip(" ").lower() not in ("", "the"):
            break
    return None


def _count_of(m: re.Match[str]) -> int:
    """The days the match counts: negative back ("after": the event named is earlier)."""
    if m.group("eve"):
        return 1  # the event named is the day after the one the sentence is about
    if m.group("next"):
        words = m.group("next").lower()
        return 0 if "same" in words else -1 if ("previous" in words or "before" in words) else 1
    if m.group("day"):
        return -1 if m.group("way2").lower() == "after" else 1
    word = m.group("count").lower()
    n = int(word) if word.isdigit() else 1 if word in ("a", "an") else _COUNT_WORDS.index(word) + 1
    n *= 7 if m.group("unit").lower().startswith("week") else 1
    return -n if m.group("way").lower() == "after" else n


def _shift(day: PartialDate, days: int) -> PartialDate:
    when = _dt.date(day.year, day.month or 1, day.day or 1) + _dt.timedelta(days=days)
    return PartialDate(when.year, when.month, when.day)


def _set_day(
    r: Context, event: Entity, day: PartialDate, span: tuple[int, int], *, replace: bool = False
) -> None:
    current = event.fields.get("date")
    if current is not None and not replace:
        return
    if current == day:
        return
    event.fields["date"] = day
    event.fields.pop("end", None)
    event.note(f"held {' '.join(r.text[span[0] : span[1]].split())}", span)


def _day_before(r: Context, since: int, at: int, *, exclude: str) -> PartialDate | None:
    """The day of the event dated last before ``at`` (the sentence's own first)."""
    best: PartialDate | None = None
    for x in r.mentions_in(0, at, ("event",)):
        if x.entity is None or r.reg.resolve(x.entity) == exclude:
            continue
        entity = r.reg.peek(x.entity)
        date = entity.fields.get("date") if not entity.known else None
        if isinstance(date, PartialDate) and date.day is not None:
            last = entity.fields.get("end")
            best = last if isinstance(last, PartialDate) and last.day is not None else date
    return best


def _date_counted_back(
    r: Context, event: Entity, m: re.Match[str], target: Mention, sentence: Sentence, days: int
) -> None:
    """ "It came one day after the 4th Plenary Meeting" (the session of April 11 and 12: the
    plenum on April 10); "The session, held on 13 April, came two days after the conference"."""
    before = [x for x in r.mentions_in(sentence.start, m.start(), ("event",))
              if x.entity and r.reg.resolve(x.entity) != event.key]  # fmt: skip
    anchor: Entity | None = None
    if before:
        anchor = r.reg.peek(before[-1].entity)  # type: ignore[arg-type]
    elif _SUBJECT_EVENT.match(r.text, sentence.start):
        for x in reversed(r.mentions_in(0, sentence.start, ("event",))):
            entity = r.reg.peek(x.entity) if x.entity else None
            if entity is None or entity.known or entity.key == event.key:
                continue
            if isinstance(entity.fields.get("date"), PartialDate):
                anchor = entity
                break
    if anchor is None:
        return
    first, last = anchor.fields.get("date"), anchor.fields.get("end")
    base = last if days > 0 and isinstance(last, PartialDate) else first
    if not isinstance(base, PartialDate) or base.day is None:
        return
    _set_day(r, event, _shift(base, days), (m.start(), target.end))


def _segments(r: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence's clauses: its words between commas, semicolons and dashes (not the comma
    inside a date, "Sept. 30, 2021")."""
    cuts = [m for m in _SEGMENT.finditer(r.text, start, end)
            if not any(d.start < m.start() < d.end for d in r.dates_in(start, end))]  # fmt: skip
    bounds = [start, *(x for m in cuts for x in (m.start(), m.end())), end]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]


def _clause_date(r: Context, mention: Mention) -> DateMention | None:
    """The most specific date of the clause that names the meeting (or the date that opens the
    sentence, for a meeting of its main clause), unless the meeting is named beside the clause's
    time ("since the 8th Congress") or in a subordinate clause."""
    sentence = r.doc.sentence_at(mention.start)
    not_after, subordinate, ahead = _clause_words()
    if sentence is None or not_after.search(r.text, max(0, mention.start - 30), mention.start):
        return None
    segments = _segments(r, sentence.start, sentence.end)
    at = next((i for i, (a, b) in enumerate(segments) if a <= mention.start < b), None)
    if at is None:
        return None
    # (class CG) "When the first session of the 11th SPA appointed X premier on September 3,
    # 2003, replacing Y, many observers expected ...": a clause of time that opens the sentence
    # dates its own act; the main clause after it (its "expected") is not the meeting's
    opening_when = at == 0 and re.match(r"when\b", r.text[segments[0][0] :], re.I) is not None
    scope = segments[0] if opening_when else (sentence.start, sentence.end)
    if any(not any(d.start <= m.start() and m.end() <= d.end for d in r.dates)
           for m in ahead.finditer(r.text, *scope)):  # fmt: skip
        return None  # a meeting to come: the date is a plan ("May 2016" is no "may")
    if opening_when:
        dates = [d for d in r.dates_in(*segments[0]) if d.date is not None and d.range is None]
        return max(dates, key=lambda d: (_precision(d), -abs(d.start - mention.start)),
                   default=None)  # fmt: skip
    if at > 0 and re.match(r"when\b", r.text[segments[at][0] :], re.I):
        # "since September 2010, when he was elected ... at the 3rd Conference": the time named
        # just before "when" is the clause's
        a, b = segments[at - 1]
        before = [d for d in r.dates_in(a, b) if d.date is not None and d.range is None]
        if before and not r.text[before[-1].end : b].strip():
            return before[-1]
    if subordinate.match(r.text[segments[at][0] : segments[at][1]]):
        return None
    dates = [d for d in r.dates_in(*segments[at]) if d.date is not None and d.range is None]
    if not dates and at > 0:  # "In January last year, the 8th session ...": the opening date
        a, b = segments[at - 1]
        dates = [d for d in r.dates_in(a, b) if d.date is not None and d.range is None]
        rest = "".join(
            r.text[x:y]
            for x, y in zip(
                [a, *(d.end for d in dates)], [*(d.start for d in dates), b], strict=True
            )
        )
        if not _OPENING_DATE.fullmatch(rest.strip()):
            return None
    if not dates:
        return None
    return max(dates, key=lambda d: (_precision(d), -abs(d.start - mention.start)))


def _precision(date: DateMention) -> int:
    return date.date.precision if date.date is not None else 0


def _one_of_series(r: Context, series: Entity, mention: Mention, when: PartialDate) -> Entity:
    """ "the party congress in January": not the series of congresses but the one held then."""
    name = " ".join(mention.text.split())
    key = f"event:held:{series.attrs.get('series_key', match_key(name))}:{when.iso}"
    event = r.reg.add(Entity(key, "event"))
    event.fields.setdefault("type", head_kind(name))
    event.fields.setdefault("series", Ref(series.key))
    event.add_name(NameDraft(straight(f"{name}, {day_words(when)}"), derived=True,
                             spans=[(mention.start, mention.end)]))  # fmt: skip
    event.note(f"“{name}”, one of its series", (mention.start, mention.end))
    r.mentions.replace(
        [x for x in r.mentions if x is not mention]
        + [Mention(mention.start, mention.end, mention.text, event.key, "event")]
    )
    return event


def _convening(r: Context) -> dict[str, list[str]]:
    """Events a document or organ convenes: their organizer is the convening organ."""
    convened: dict[str, list[str]] = {}
    for sentence in r.doc.sentences:
        body = r.text[sentence.start : sentence.end]
        verb = CONVENE.search(body)
        if not verb:
            continue
        verb_at = sentence.start + verb.start()
        events = [m for m in r.mentions_in(verb_at, sentence.end, ("event",))]
        if not events:
            continue
        docs = [
            d
            for d in docs_in(r, sentence.start, verb_at)
            if r.reg.peek(d[2]).fields.get("type") in ("report", "statement")
        ]
        organizer = None
        if docs:
            organizer = speaker_of(r, docs[-1][2])
        else:
            organs = r.mentions_in(sentence.start, verb_at, ("organ",))
            organizer = r.reg.resolve(organs[-1].entity) if organs else None  # type: ignore[arg-type]
        event = r.entity(events[0].entity)  # type: ignore[arg-type]
        if docs:
            convened.setdefault(r.reg.resolve(docs[-1][2]), []).append(event.key)
        if organizer and event.known is None and "organizer" not in event.fields:
            event.fields["organizer"] = [Ref(organizer)]
            event.note(
                "convened by " + _label(r, organizer),
                (sentence.start, sentence.end),
            )
    return convened


def _label(r: Context, key: str) -> str:
    names = r.reg.peek(key).names
    return names[0].text if names else "its organizer"


def _decisions(r: Context, convened: dict[str, list[str]]) -> dict[str, str]:
    """A report of an organ that convenes, renames or rules is also a decision (an event)."""
    acting: set[str] = set(convened)
    for quote in r.quotes:
        if quote.source and (
            _RULE.search(quote.text) or re.search(r"shall\s+be\s+called|renamed", quote.text)
        ):
            acting.add(r.reg.resolve(quote.source))
    decisions: dict[str, str] = {}
    for doc_key in sorted(acting):
        doc = r.entity(doc_key)
        if doc.fields.get("type") not in ("report", "statement") and not doc.known:
            continue
        author = speaker_of(r, doc_key)
        date = doc.fields.get("date")
        if author is None:
            continue
        author_entity = r.entity(author)
        if author_entity.known and doc.known:
            rid = r.known.events_by_act.get(
                ("decision", date.iso if isinstance(date, PartialDate) else "", author_entity.known)
            )
            if rid:
                decisions[doc_key] = r.reg.known(rid, "event").key
                continue
        if doc.known:
            continue
        key = f"event:decision:{doc_key}"
        decision = r.reg.add(Entity(key, "event"))
        decision.fields.update(
            {"type": "decision", "organizer": [Ref(author)], "sources": [Ref(doc_key)]}
        )
        if isinstance(date, PartialDate):
            decision.fields["date"] = date
        about = [Ref(e) for e in convened.get(doc_key, [])]
        if about:
            decision.fields["about"] = about
        decision.attrs["decision_of"] = doc_key
        decision.note("a report that convenes, renames or rules acts as a decision")
        decision.evidence.extend(doc.evidence[:1])
        decisions[doc_key] = key
    return decisions


def _renamings(r: Context, decisions: dict[str, str]) -> None:
    for event_key, former_text, offset in r.renamings:
        event = r.entity(event_key)
        former = next(n for n in event.names if n.text == former_text and n.system == "en")
        source = r.source_of(offset)
        act = decisions.get(r.reg.resolve(source)) if source != "article" else None
        act = act or (source if source != "article" else None)
        if act is None:
            continue
        act_entity = r.entity(act)
        when = act_entity.fields.get("date")
        former.renamed_by = Ref(act)
        if isinstance(when, PartialDate):
            former.valid_until = when
        for name in event.names:
            if (
                name is not former
                and name.kind != "former"
                and r.lex.ordinal(name.text.split()[0]) is not None
            ):
                name.renamed_by = Ref(act)
                name.kind = "preferred"
                if isinstance(when, PartialDate):
                    name.valid_from = when
                break
        if act_entity.fields.get("type") == "decision" and act_entity.known is None:
            series = event.fields.get("series")
            about = act_entity.fields.setdefault("about", [])
            for ref in (Ref(event.key), series):
                if isinstance(ref, Ref) and all(
                    r.reg.resolve(x.key) != r.reg.resolve(ref.key) for x in about
                ):
                    about.append(ref)


def _rules(r: Context, decisions: dict[str, str]) -> None:
    series = [e for e in r.reg.of_kind("event") if e.fields.get("type") == "series"]
    for sentence in r.doc.sentences:
        body = r.text[sentence.start : sentence.end]
        rule_match = _RULE.search(body)
        if not rule_match:
            continue
        quote = r.doc.quotation_at(sentence.start + rule_match.start())
        start = max(sentence.start, quote.inner_start) if quote else sentence.start
        end = min(sentence.end, quote.inner_end) if quote else sentence.end
        text = " ".join(r.text[start:end].split()).strip('“”" ')
        source = r.source_of(start)
        decision = decisions.get(r.reg.resolve(source))
        if decision is None or r.entity(decision).known:
            continue
        words = {w.rstrip("s") if not w.endswith("ss") else w for w in name_words(text)}
        words |= {w[:-3] + "y" for w in name_words(text) if w.endswith("ies")}
        applies = [
            Ref(s.key) for s in series if set(s.attrs.get("series_key", "x").split()) <= words
        ]
        rule = {"text": text, "applies_to": applies, "sources": [Ref(source)]}
        r.entity(decision).fields.setdefault("rules", []).append(rule)
        r.entity(decision).note(f"adopts the rule “{text}”", (start, end))


def subject_before(r: Context, sentence_start: int, block: int | None) -> str | None:
    """Whom a sentence-initial "He"/"She" stands for: the person who began an earlier sentence
    of the same paragraph."""
    for sentence in reversed(
        [s for s in r.doc.sentences if s.start < sentence_start and s.block == block]
    ):
        people = r.mentions_in(sentence.start, sentence.end, ("person",))
        for person in people:
            quote = r.doc.quotation_at(person.start)
            lead = r.text[max(sentence.start, quote.inner_start if quote else 0) : person.start]
            if len(lead.split()) <= 8 and "," not in lead:
                return person.entity
    return None


def _conferrals(r: Context) -> None:
    for sentence in r.doc.sentences:
        body = r.text[sentence.start : sentence.end]
        for pattern in _CONFERRAL:
            m = pattern.search(body)
            if not m:
                continue
            title = " ".join(m.group("title").split()).rstrip(' .,”"')
            target_start = sentence.start + m.start("target")
            target_end = sentence.start + m.end("target")
            verb_at = sentence.start + m.start()
            giver = None
            people = r.mentions_in(sentence.start, verb_at, ("person",))
            if people:
                giver = people[-1].entity
            elif re.match(r"\s*[“\"]?(?:He|She)\b", body):
                giver = subject_before(r, sentence.start, sentence.block)
            targets = [
                x.entity
                for x in r.mentions_in(target_start, target_end, ("post", "organ", "person"))
            ]
            rid = r.known.conferrals.get(match_key(title))
            if rid is not None:
                r.add_mention(
                    Mention(
                        verb_at,
                        sentence.end,
                        r.text[verb_at : sentence.end],
                        r.reg.known(rid, "event").key,
                        "event",
                        "conferral",
                    )
                )
                break
            key = "event:conferral:" + match_key(title)[:60]
            event = r.reg.add(Entity(key, "event"))
            event.fields.update({"type": "conferral", "title": title})
            if giver:
                event.fields["conferred_by"] = Ref(giver)
            if targets:
                event.fields["conferred_on"] = [Ref(t) for t in targets if t]
            target_text = " ".join(r.text[target_start:target_end].split())
            first_title = re.split(r"\s+and\s+", title)[0]
            event.add_name(
                NameDraft(
                    straight(f"Conferral of the title of {first_title} on {target_text}"),
                    derived=True,
                )
            )
            event.attrs["span"] = (verb_at, sentence.end)
            event.note(f"a title conferred: “{title}”", (sentence.start, sentence.end))
            for d in r.dates_in(sentence.start, sentence.end):
                if d.date is not None:
                    event.fields["date"] = d.date
            break


def _locations(r: Context) -> None:
    places = "|".join(sorted((re.escape(p) for p in r.lex.places), key=len, reverse=True))
    if not places:
        return
    pattern = re.compile(rf"\bin\s+(?P<place>{places})\b")
    events = [
        e
        for e in r.reg.of_kind("event")
        if e.known is None and e.fields.get("type") not in ("series", "decision", "conferral")
    ]
    for m in pattern.finditer(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None:
            continue
        body = r.text[sentence.start : sentence.end]
        if not CONVENE.search(body) and not re.search(
            r"\b(?:meeting|held|gathering)\b", body, re.I
        ):
            continue
        named = [x for x in r.mentions_in(sentence.start, sentence.end, ("event",))]
        target = r.entity(named[0].entity) if named else None  # type: ignore[arg-type]
        if target is None:
            stated = [
                d.date for d in r.dates_in(sentence.start, sentence.end) if d.date is not None
            ]
            when = stated[0] if stated else None
            later = [
                e for e in events
                if isinstance(e.fields.get("date"), PartialDate) and when is not None
                and e.fields["date"].earliest() >= when.earliest()
            ]  # fmt: skip
            later.sort(key=lambda e: e.fields["date"].earliest())
            target = later[0] if later else None
            if target is not None:
                for post in r.mentions_in(sentence.start, sentence.end, ("post",)):
                    target.attrs.setdefault("participants", []).append(
                        (post.entity, sentence.start)
                    )
                target.attrs.setdefault("extra_sources", []).append(sentence.start)
        if target is not None and target.known is None and "location" not in target.fields:
            target.fields["location"] = m.group("place")
            target.note(f"in {m.group('place')}", (sentence.start, sentence.end))


def _participants(r: Context) -> None:
    """Events named for their participants ("Meeting of Party Cell Secretaries") have them."""
    posts = [Mention(s, e, r.text[s:e], k, "post") for s, e, k in r.post_spans]
    for event in r.reg.of_kind("event"):
        if event.known or event.fields.get("type") in ("decision", "conferral"):
            continue
        series = event.fields.get("series")
        keys = {event.attrs.get("series_key", "")}
        if isinstance(series, Ref):
            keys.add(r.reg.peek(series.key).attrs.get("series_key", ""))
        spans = [s for n in event.names for s in n.spans]
        refs: list[str] = []
        for post in posts:
            if any(s[0] <= post.start and post.end <= s[1] for s in spans):
                refs.append(r.reg.resolve(post.entity))  # type: ignore[arg-type]
        for ref, _ in event.attrs.get("participants", []):
            refs.append(r.reg.resolve(ref))
        if not refs and event.fields.get("type") != "series":
            # Renamed events: their names use the same words as a post ("Secretaries of Cells").
            for post in posts:
                post_entity = r.reg.peek(post.entity)  # type: ignore[arg-type]
                post_words = set(
                    series_key(
                        post_entity.names[0].text if post_entity.names else post.text
                    ).split()
                )
                if post_words and any(post_words - {"of"} <= set(k.split()) for k in keys if k):
                    refs.append(r.reg.resolve(post.entity))  # type: ignore[arg-type]
                    break
        if refs:
            unique = sorted(set(refs), key=refs.index)
            event.fields["participants"] = [Ref(x) for x in unique]
