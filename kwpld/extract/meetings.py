"""The meetings pass: what a text says of the meetings, sessions, plenums and congresses it
reports. Events named without an ordinal ("An enlarged meeting of the Political Bureau of the
WPK Central Committee was held on ...") and with a lowercase one ("the fifth plenary meeting
of the seventh Central Committee"); when an event was held (a day, or a period: "from 28 to
31 December 2019"), where ("in Pyongyang", "at the Mansudae Assembly Hall"), who convened it
(the organ its name is "of"); the event the article reports; and the phrases that refer back
to an event ("the plenum", "the session", "the meeting")."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterator
from functools import cache

from ..dates import DateMention, PartialDate
from ..names import match_key
from ..reading.document import Sentence
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.facts import FactLexicon, fact_lexicon, without_state_qualifier
from ..reading.state import Context, Found
from ..reading.words import series_key, straight
from .dates import (
    WEEKDAY_AT,
    act_weekday,
    days_apart,
    event_day_before,
    headline,
    in_speech,
    lead_day,
    leading_day,
    narrative_day_before,
    relative_day,
    report_day,
    shift_day,
    speaks_ahead,
    stated_day,
    year_said,
)
from .facts_common import bounds_a_term, in_headline, official_source
from .standing_organs import home_party, is_home_party, names_home_party

__all__ = ["meetings", "HELD", "MEETING_TYPES", "date_with", "day_words", "head_kind", "past_date"]

HELD = re.compile(
    r"^\s*(?:\(|,?\s*(?:which\s+was\s+)?held\b|,\s*which\s+(?:ran|lasted|continued)\b)"
    r"|\b(?:(?:was|were|is|are|will\s+be|had\s+been|has\s+been)\s+(?:\w+\s+)?"
    r"(?:held|convened|opened|closed|concluded|reconvened|called)"
    r"|took\s+place|opened|met|convened|closed|concluded|began|started|ended|wrapped\s+up"
    r"|(?:ran|lasted)\s+from"
    r"|held\s+(?:its|their|a|an|the))\b",
    re.I,
)
_PRESIDED = re.compile(r"\b(?:presided\s+over|guided|chaired|convened)\s+by\b", re.I)
_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_AND_DAY = re.compile(r"\b(\d{1,2})\s+and\s+$")
_CLOSED = re.compile(r"\b(?:closed|concluded|ended|wrapped\s+up)\b", re.I)
_ORDINALS = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth)"
)
_DAYS_LONG = (
    r"(?P<days>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day"
)
"""how long an event lasted ("the five-day plenary meeting ... that ended Saturday")"""
_KINDS = (
    rf"(?:{_DAYS_LONG}\s+)?"
    r"(?P<head>(?:(?:enlarged|expanded|extended|joint|emergency|extraordinary|consultative"
    r"|general|first|second)\s+)*(?:plenary\s+meetings?|plenums?|sessions?|congress(?:es)?"
    r"|conferences?|meetings?))"
)
_UNNAMED = re.compile(
    r"\b(?:an?|the|its)\s+(?:(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+\d{4}\s+)?"  # KCNA's "the March 2013 Plenary Meeting of"
    rf"{_KINDS}\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:ruling\s+)?(?:party|WPK|KWP)(?:’s|'s)\s+|ruling\s+(?=[A-Z]))?",
    re.I,
)
_LOWER_ORDINAL = re.compile(
    rf"\b(?P<ordinal>{_ORDINALS})\s+{_KINDS}\s+of\s+(?:the\s+)?"
    r"(?:(?:(?:ruling\s+)?(?:party|WPK|KWP)['’]s|its)\s+)?"  # (round 6) "of the party's seventh"
    rf"(?P<term>{_ORDINALS}\s+)?",
    re.I,
)
_AT_PLACE = re.compile(
    r"\bat\s+the\s+(?P<place>(?:[A-Z0-9][\w'’.-]*)(?:\s+(?:of\s+the\s+|of\s+)?[A-Z0-9][\w'’.-]*)*)"
    r"(?![\w'’.-])(?!\s+(?!(?:on|in|at|of|and|for|to|with|where|which|was|were|is|are|during"
    r"|from|by|after|before|amid)\b)[a-z])"  # "at the Chinese embassy": not "Chinese"
)


@cache
def _reference_pattern() -> re.Pattern[str]:
    """ "the plenum", "the enlarged meeting", "the reception": the words of
    ``event_references`` in ``facts.yaml``."""
    heads = sorted({words[-1] for words in fact_lexicon().event_references}, key=len, reverse=True)
    return re.compile(
        r"\b(?:the|this|that|today's|yesterday's)\s+(?:(?:two|three|four|five|six|seven|\d)-day\s+)?"
        r"(?P<words>(?:(?:enlarged|expanded|extended"
        r"|plenary|joint|consultative|military|parliamentary|party|year-end)\s+)*(?:"
        + "|".join(heads) + r"))\b"
        r"(?!\s+(?:committee|commission|arrangements?|period|procession|hall|house|palace"
        r"|ground|square|group|delegation|team|song|music|officials?|room)\b)",
        re.I,
    )


_TYPES = {"plenary": "plenary-meeting", "plenum": "plenary-meeting", "session": "session",
          "congress": "congress", "conference": "conference"}  # fmt: skip


def meetings(r: Context) -> Found:
    r.official = official_source(r)
    _ordinal_lowercase(r)
    _ordinal_organ_meetings(r)
    _one_event_per_ordinal(r)
    _when_and_where(r)
    _unnamed(r)  # after the named ones are dated: "held on the same day"
    _organ_meetings(r)
    _sessions_to_come(r)
    _of_representatives(r)
    _held_by(r)
    _of_date(r)
    _when_and_where(r)
    _acts(r)
    _occasions(r)
    _subheadings(r)
    r.held.sort(key=lambda x: x[0])  # (stable: an act before an occasion of its sentence)
    _acts(r, late=True)
    _acts_of_occasions(r)
    _one_conferral(r)
    _place_summits(r)
    _person_summits(r)
    _same_day_acts(r)
    _organizers(r)
    _dated_party_events(r)
    _party_events(r)
    _numbered_later(r)
    _home_party_names(r)
    _main_event(r)
    _dated_by_lead(r)
    _references(r)
    _dated_by_reference(r)
    _lasted_days(r)
    return r.found()


_N_DAY = re.compile(_DAYS_LONG + r"\s+", re.I)
_AFTER_DAYS = re.compile(
    r"\bafter\s+(?:an?\s+|its\s+)?(?:"
    + _DAYS_LONG
    + r"\s+(?:sitting|deliberations?|work|proceedings)"
    r"|(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\s+of\s+"
    r"(?:sitting|deliberations?|work|proceedings|discussions?|debates?))\b",
    re.I,
)
"""how long an event lasted, said of the event the sentence reports closed: "closed on 17
December after a three-day sitting", "closed on 30 September after two days of deliberations"."""


def _lasted_days(r: Context) -> None:
    """ "The three-day session of the SPA closed on 9 April", "... closed on Saturday. The
    three-day session elected ...", "... closed on 17 December after a three-day sitting": an
    event dated by the day it closed, said to have lasted N days, opened N-1 days before it.
    The N days belong to the event they qualify ("the three-day session"), else, when they
    qualify no event ("after a three-day sitting"), to the event the sentence reports held."""
    for m in itertools.chain(_N_DAY.finditer(r.text), _AFTER_DAYS.finditer(r.text)):
        event = next((x.entity for x in r.mentions_in(m.start(), m.end() + 80, ("event",))
                      if x.start in (m.start(), m.end()) and x.entity), None)  # fmt: skip
        if event is None:
            event = next((key for s, e, key in r.event_refs if s < m.start() < e and key), None)
        if event is None and m.re is _AFTER_DAYS:
            event = _held_in_sentence(r, m.start())
        if event is None:
            continue
        entity = r.entity(event)
        date = entity.fields.get("date")
        if entity.known or "end" in entity.fields or not isinstance(date, PartialDate):
            continue
        if date.day is None or not _closed_on(r, event):
            continue
        n = (m.group("days") or m.group("count")).lower()
        days = int(n) if n.isdigit() else _NUMBER_WORDS.index(n) + 2
        if 1 < days <= 15:
            entity.fields["date"] = shift_day(date, 1 - days)
            entity.fields["end"] = date


def _held_in_sentence(r: Context, offset: int) -> str | None:
    """The one event a sentence reports held (``r.held``) before ``offset``, if it reports one."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return None
    keys = {key for at, key in r.held if sentence.start <= at < offset and key}
    return next(iter(keys)) if len(keys) == 1 else None


def _closed_on(r: Context, event: str) -> bool:
    """Whether a sentence that reports ``event`` held says it closed (its date is its end)."""
    for at, key in r.held:
        sentence = r.doc.sentence_at(at)
        if key == event and sentence is not None and _CLOSED.search(r.text, at, sentence.end):
            return not re.search(r"\b(?:opened|convened|began)\b", r.text[at : sentence.end])
    return False


def _occasion_name(
    name: str,
    when: PartialDate | None,
    span: tuple[int, int],
    reference: PartialDate | None,
    article: str,
) -> NameDraft:
    """ "talks", "grand banquet", "funeral": a description, not a name, so that another article's
    talks are not taken for these, with the day it was held ("talks, 9 October 2025"), else the
    article's ("talks, reported October 2005")."""
    if when is not None:
        return NameDraft(straight(f"{name}, {day_words(when)}"), derived=True, spans=[span])
    if reference is not None:
        label = f"{name}, reported {day_words(reference)}"
        return NameDraft(straight(label), derived=True, spans=[span])
    return NameDraft(straight(f"{name}, in {article}"), derived=True, spans=[span])


def day_words(when: PartialDate) -> str:
    """ "9 October 2025", "October 2025", "2025"."""
    month = calendar.month_name[when.month] if when.month else ""
    return " ".join(str(x) for x in (when.day, month, when.year) if x)


def _terms(r: Context, entity: Entity) -> set[int]:
    """The numbers a name gives besides the event's own ordinal: its term ("of the 8th Central
    Committee", "of 14th SPA")."""
    out: set[int] = set()
    for name in entity.names:
        words = re.findall(r"[\w’']+", name.text)
        numbers = [n for n in (r.lex.ordinal(w) for w in words) if n is not None]
        out.update(numbers[1:])  # the first is the event's own ordinal
    return out


def _one_event_per_ordinal(r: Context) -> None:
    """ "2nd Plenary Meeting of 8th WPK Central Committee Held" (the headline), "the 2nd Plenary
    Meeting of the 8th Central Committee of the Workers' Party of Korea" and "제2차전원회의": one
    event, named three ways. Events of one type and ordinal whose terms agree (or one gives
    none) are one, under the longest name."""
    groups: dict[tuple[str, int, str], list[Entity]] = {}
    for entity in r.reg.of_kind("event"):
        ordinal = entity.fields.get("ordinal")
        kind = entity.fields.get("type")
        if entity.known or not isinstance(ordinal, int) or kind in (None, "series"):
            continue
        groups.setdefault((str(kind), ordinal, _owner(entity, str(kind))), []).append(entity)
    for members in groups.values():
        if len(members) < 2:
            continue
        terms = [_terms(r, e) for e in members]
        stated = {frozenset(t) for t in terms if t}
        if len(stated) > 1:
            continue  # "the 2nd Session of the 13th SPA" and "of the 14th": two events
        keep = max(members, key=lambda e: (max((len(n.text) for n in e.names), default=0), e.key))
        for other in members:
            if other.key != keep.key:
                r.reg.merge(keep.key, other.key)


def _owner(event: Entity, kind: str) -> str:
    """(round 6) Whose congress or conference an event's name says, as its series key: "the 7th
    Congress of the Lao People's Revolutionary Party" is not the party's "7th Congress" named
    after it; one named without an owner is "" (the home party's, or the one named alike)."""
    if kind not in fact_lexicon().home_party_events:
        return ""
    key = str(event.attrs.get("series_key", ""))
    return "" if key in ("", series_key(kind)) else key


def head_kind(head: str) -> str:
    """The event type a kind of meeting names: "plenary meeting" -> plenary-meeting."""
    words = head.lower().split()
    for word in words:
        for stem, kind in _TYPES.items():
            if word.startswith(stem):
                return kind
    return "meeting"


def _organ_at(r: Context, offset: int, since: int | None = None) -> Mention | None:
    """The organ named at ``offset`` (or one from ``since`` on that runs past it: "of the
    ruling party's Central Committee", where the organ's mention takes "party's" in)."""
    for m in r.mentions:
        if m.kind == "organ" and m.entity and (
            m.start == offset or (since is not None and since <= m.start < offset < m.end)
        ):
            return m
        if m.start > offset:
            break
    return None


def _inside_event(r: Context, start: int, end: int) -> bool:
    return any(m.kind == "event" and m.start <= start and end <= m.end for m in r.mentions)


def _title_case(words: str) -> str:
    small = {"of", "the", "and", "a", "an", "in", "on", "to", "for"}
    out = []
    for index, word in enumerate(words.split()):
        if index and word.lower() in small or word[:1].isdigit():
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _ordinal_lowercase(r: Context) -> None:
    """ "the fifth plenary meeting of the seventh Central Committee"."""
    for m in _LOWER_ORDINAL.finditer(r.text):
        if m.group("head")[0].isupper() and m.group("ordinal")[0].isupper():
            continue  # a capitalized name: the events pass reads those
        organ = _organ_at(r, m.end())
        if organ is None and m.group("term"):
            organ = _organ_at(r, m.start("term"))  # "the Seventh Central Committee" as one
        if organ is None or _inside_event(r, m.start(), organ.end):
            continue
        if r.doc.block_at(m.start()) is None:
            continue
        ordinal = r.lex.ordinal(m.group("ordinal"))
        if ordinal is None:
            continue
        head = re.sub(r"s$", "", m.group("head").lower()) if not m.group("head").lower().endswith(
            "ss") else m.group("head").lower()  # fmt: skip
        head = re.sub(r"\s+", " ", head)
        term = m.group("term") if organ.start >= m.end() else None
        series_name = without_state_qualifier(_title_case(
            f"{head} of the {term.strip() + ' ' if term else ''}{straight(organ.text)}"
        ))  # fmt: skip
        name = f"{_numbered(ordinal)} {series_name}"
        skey = series_key(series_name)
        series = r.reg.add(Entity(f"event:series:{skey}", "event"))
        series.fields.setdefault("type", "series")
        series.attrs["series_key"] = skey
        series.add_name(NameDraft(series_name, derived=True))
        span = (m.start(), organ.end)
        series.note("a numbered series of events", span)
        event = r.reg.add(Entity(f"event:{skey}:{ordinal}", "event"))
        event.fields.setdefault("type", head_kind(head))
        event.fields["series"] = Ref(series.key)
        event.fields["ordinal"] = ordinal
        event.attrs["series_key"] = skey
        printed = straight(r.text[span[0] : span[1]])
        event.add_name(NameDraft(without_state_qualifier(printed), spans=[span]))
        event.add_name(NameDraft(name, derived=True))
        event.note(f"an event named “{r.text[span[0] : span[1]]}”", span)
        r.mentions.replace([x for x in r.mentions if not (span[0] <= x.start and x.end <= span[1])])
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
        r.nested_spans.append((organ.start, organ.end, r.reg.resolve(organ.entity)))  # type: ignore[arg-type]


def _numbered(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _unnamed(r: Context) -> None:
    """ "An enlarged meeting of the Political Bureau of the WPK Central Committee was held on
    10 April", "a consultative meeting of the Presidium ... was held yesterday", "On 15 July
    2012 a meeting of the Presidium of the Political Bureau relieved Ri": an event named by its
    kind and organ, held on the day the sentence gives."""
    for m in _UNNAMED.finditer(r.text):
        organ = _organ_at(r, m.end(), since=m.end("head"))
        if organ is None or _inside_event(r, m.start(), organ.end):
            continue
        sentence = r.doc.sentence_at(m.start())
        if sentence is None or r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        head = re.sub(r"\s+", " ", m.group("head").lower())
        if head.endswith("s") and not head.endswith("ss"):
            continue  # "meetings of ...": several
        if m.group(0).lower().startswith("the ") and any(
            e.kind == "event" for e in r.mentions_in(0, m.start())
        ) and not _of_another_body(r, m.start(), head_kind(head), organ):
            continue  # "the meeting of ...": refers back to an event named before
        when = _unnamed_days(r, m, organ, sentence)
        if when is None:
            continue
        name = _title_case(head) + " of the " + straight(organ.text)
        # undated ("held an enlarged meeting of its CMC"), it is this article's own, dated
        # perhaps by a later sentence ("The meeting, held on Friday, ...")
        day = when[0].iso if when[0] is not None else r.article.key
        event = r.reg.add(Entity(f"event:held:{match_key(name)}:{day}", "event"))
        event.fields.setdefault("type", head_kind(head))
        if when[0] is not None:
            event.fields.setdefault("date", when[0])
        if when[1] is not None and when[1] != when[0]:
            event.fields.setdefault("end", when[1])
        span = (m.start() + len(m.group(0).split()[0]) + 1, organ.end)
        event.add_name(NameDraft(name, spans=[span]))
        event.fields.setdefault("organizer", [Ref(r.reg.resolve(organ.entity))])  # type: ignore[arg-type]
        event.note(f"“{' '.join(r.text[m.start() : organ.end].split())}” was held", span)
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
        r.held.append((sentence.start, event.key))
        _place_event(r, event, r.text[organ.end : sentence.end], _in_place(r), sentence)


def _of_another_body(r: Context, before: int, kind: str, organ: Mention) -> bool:
    """Whether "the conference of <organ>" is one more of a run of occasions of its kind, each
    of another body ("The conference of the South Phyongan Provincial Party Committee was held
    on December 26 ... The conference of the North Hamgyong Provincial Committee of the WPK
    took place on Sunday"): the events of its kind named before are all of other organs."""
    body = r.reg.resolve(organ.entity) if organ.entity else None
    bodies = set()
    for x in r.mentions_in(0, before, ("event",)):
        event = r.reg.peek(x.entity) if x.entity else None
        if event is None or event.known or event.fields.get("type") != kind:
            continue
        bodies |= {r.reg.resolve(o.key) for o in event.fields.get("organizer") or ()}
    return body is not None and bool(bodies) and body not in bodies


_ORGAN_MEETING = re.compile(
    r"\s+(?:(?P<head>(?:(?:enlarged|expanded|extended)\s+)?meeting)\b(?!\s+of\b)|met\b)", re.I
)
_BEFORE_ORGAN = re.compile(r"\b(?:an?|the|its|(?:\w+(?:'s|’s)))\s+$", re.I)


def _organ_meetings(r: Context) -> None:
    """ "a Political Bureau meeting in August 2020", "the Political Bureau met on Tuesday": a
    meeting of the organ named before "meeting" or "met", on the day the sentence gives."""
    for organ in [m for m in r.mentions if m.kind == "organ" and m.entity]:
        m = _ORGAN_MEETING.match(r.text, organ.end)
        sentence = r.doc.sentence_at(organ.start)
        if m is None or sentence is None or r.doc.in_title(r.doc.word_index_at(organ.start)):
            continue
        before = _BEFORE_ORGAN.search(r.text, sentence.start, organ.start)
        if before is None or _OF_BEFORE.search(r.text, sentence.start, before.start()):
            continue  # "the CMC of the WPK met": the CMC, which _unnamed reads
        if _NOT_MEETINGS.search(organ.text):
            continue  # a party or an assembly meets in congresses and sessions
        if m.group("head"):
            date = _DATE_NEXT.match(r.text, m.end(), m.end() + 40)
            stated = r.date_at(date.end()) if date else None
            if stated is None or stated.date is None or stated.range is not None:
                continue
            when: tuple[PartialDate, PartialDate | None] | None = past_date(r, stated), None
        else:
            found = _held_days(r, m.end(), sentence.end)
            when = (found[0], found[1]) if found is not None else None
        if when is None:
            continue
        head = m.group("head") or "meeting"
        name = _title_case(" ".join(head.lower().split())) + " of the " + straight(organ.text)
        event = r.reg.add(Entity(f"event:held:{match_key(name)}:{when[0].iso}", "event"))
        event.fields.setdefault("type", "meeting")
        event.fields.setdefault("date", when[0])
        if when[1] is not None and when[1] != when[0]:
            event.fields.setdefault("end", when[1])
        span = (organ.start, m.end())
        event.add_name(NameDraft(name, spans=[span]))
        event.fields.setdefault("organizer", [Ref(r.reg.resolve(organ.entity))])  # type: ignore[arg-type]
        event.note(f"“{' '.join(r.text[span[0] : span[1]].split())}”", span)
        if m.group("head"):  # "the Political Bureau met": the organ's mention stays
            r.add_mention(Mention(*span, r.text[span[0] : span[1]], event.key, "event"))


_CONVENES = re.compile(
    r"(?:\s*,[^,]{1,60},)?\s+(?:(?:is|are)\s+(?:due|expected|scheduled|set|slated)\s+to"
    r"\s+(?:convene|meet|open)|will\s+(?:convene|meet|open)|convenes|meets|opens)\b",
    re.I,
)


def _sessions_to_come(r: Context) -> None:
    """ "when the Supreme People's Assembly convenes next month", "The Supreme People's
    Assembly, the North's rubber-stamp parliament, is due to convene later this month": a
    session of an assembly to come, at the date its clause gives (a month, mostly). No mention
    is added: "the meeting" after it still refers to the event the article reports."""
    for organ in [m for m in r.mentions if m.kind == "organ" and m.entity]:
        m = _CONVENES.match(r.text, organ.end)
        sentence = r.doc.sentence_at(organ.start)
        if m is None or sentence is None or "assembly" not in organ.text.lower():
            continue
        if r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        stated = [d for d in r.dates_in(m.end(), min(sentence.end, m.end() + 40))
                  if d.date is not None and d.range is None]  # fmt: skip
        when = stated[0].date if stated else None
        if when is None:
            continue
        name = "Session of the " + straight(" ".join(organ.text.split()))
        event = r.reg.add(Entity(f"event:held:{match_key(name)}:{when.iso}", "event"))
        event.fields.setdefault("type", "session")
        event.fields.setdefault("date", when)
        event.fields.setdefault("organizer", [Ref(r.reg.resolve(organ.entity))])  # type: ignore[arg-type]
        event.add_name(NameDraft(f"{name}, {day_words(when)}", derived=True,
                                 spans=[(organ.start, stated[0].end)]))  # fmt: skip
        event.note(f"“{' '.join(r.text[organ.start : stated[0].end].split())}”",
                   (organ.start, stated[0].end))  # fmt: skip


_OF_BEFORE = re.compile(r"\bof\s+$", re.I)
_NOT_MEETINGS = re.compile(r"\b(?:Assembly|Party|WPK|KWP|Congress)\b", re.I)


_ACTS = re.compile(
    r"\b(?:relieved|elected|dismissed|appointed|recalled|removed|promoted|adopted|decided"
    r"|discussed|approved|reviewed|examined|analyzed|analysed|made|issued)\b",
    re.I,
)
"""what a meeting does, which says it met: "a meeting of the Presidium ... relieved Ri"."""


_AT_MEETING = re.compile(r"\b(?:at|during)\s+$", re.I)


def _unnamed_days(
    r: Context, m: re.Match[str], organ: Mention, sentence: Sentence
) -> tuple[PartialDate | None, PartialDate | None] | None:
    """When the sentence says an unnamed meeting was held: the date after its name ("was held
    on 10 April", "from Monday to Wednesday", "yesterday", "on the same day"), or the one the
    sentence opens with when the meeting acts ("On 15 July 2012 a meeting of ... relieved");
    no day (None, None) for one a subject held ("North Korea held an enlarged meeting of its
    CMC"), which a later sentence may date; None when the sentence says none was held."""
    rest = r.text[organ.end : sentence.end]
    held = HELD.search(rest) or _PRESIDED.search(rest)
    if held and held.start() > 80:
        held = None
    # "Kim Jong Un convened an emergency enlarged meeting of the CMC on Thursday"
    kind_start = m.start() + len(m.group(0).split()[0]) + 1
    held = held or _HELD_BEFORE.search(r.text, sentence.start, kind_start)
    acts = _ACTS.match(rest, len(rest) - len(rest.lstrip())) or _ACTS.search(rest[:60])
    # "Ri had been appointed chief of the general staff at a meeting of the CMC the previous
    # day": an act the sentence says was done at it
    done_at = _AT_MEETING.search(r.text, sentence.start, m.start()) and _ACTS.search(
        r.text, sentence.start, m.start()
    )
    if not held and not acts and not done_at:
        # "At an enlarged meeting of the Political Bureau in June 1967, ...": a past date
        # right after its name says when it met
        after = _DATE_AFTER.match(r.text, organ.end)
        date = r.date_at(after.end()) if after else None
        if date is None or date.date is None or _AHEAD.search(r.text, sentence.start, m.start()):
            return None
        return _period(date)
    # before the act: "a meeting of the Presidium on 15 July relieved Ri (... since 2010)"
    limit = sentence.end if held or done_at else organ.end + (acts.start() if acts else 0)
    found = _held_days(r, organ.end, limit)
    if found is not None:
        return found[0], found[1]
    opening = _OPENING.match(r.text, sentence.start)
    before = r.date_at(opening.end()) if opening else None
    if before is not None and before.date is not None and before.end <= m.start():
        first, last = _period(before)
        return (first, last) if first is not None else None
    relative = relative_day(r, sentence.start, m.start()) if held else None
    if relative is not None:  # "The day before, Kim presided over an enlarged meeting of ..."
        return relative[0], None
    # "North Korea held an enlarged meeting of its CMC": held, on a day said elsewhere
    return (None, None) if held and held.re is _HELD_BEFORE else None


@cache
def _representatives() -> re.Pattern[str]:
    """ "the conference of Party representatives of the Korean People's Army", "the conference
    of the North Phyongan Provincial Party Organization" (a body whose name ends in one of
    ``occasion_segments.bodies`` in ``facts.yaml``, of any case)."""
    bodies = "|".join(re.escape(b) for b in fact_lexicon().occasion_bodies) or "(?!)"
    return re.compile(
        rf"\b(?:an?|the)\s+(?P<name>{_KINDS}\s+of\s+(?:(?:party\s+)?(?:representatives"
        r"|activists|delegates)\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?"
        rf"[A-Z][\w'’.-]*)*)|the\s+(?-i:[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){{0,5}}?\s+(?:{bodies})\b))",
        re.I,
    )


def _of_representatives(r: Context) -> None:
    """ "The conference of Party representatives of the Korean People's Army was held on 21
    September", "The conference of the South Hamgyong Provincial Party Organization was held in
    Hamhung on Sunday": an event of a body's delegates, named as printed, held on the day the
    sentence gives (a date, a weekday, a relative day). Several in one report (each body's on
    its own day) are each an occasion of their own."""
    for m in _representatives().finditer(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None or r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        head = re.sub(r"\s+", " ", m.group("head").lower())
        if (head.endswith("s") and not head.endswith("ss")) or _inside_event(r, *m.span("name")):
            continue  # "Conferences of Party representatives of ...": several
        held = HELD.search(r.text[m.end() : sentence.end])
        if not held or held.start() > 40:
            continue
        days = _held_days(r, m.end(), sentence.end)
        before = leading_day(r, sentence.start, m.start()) if days is None else None
        if days is None and before is None:
            continue  # ("On Sunday the conference of ... was held": the day before its name)
        first, last = (days[0], days[1]) if days is not None else (before, None)
        assert first is not None
        name = " ".join(m.group("name").split())
        key = f"event:held:{match_key(name)}:{first.iso}"
        event = r.reg.add(Entity(key, "event"))
        event.fields.setdefault("type", head_kind(head))
        event.fields.setdefault("date", first)
        if last is not None and last.iso != first.iso:
            event.fields.setdefault("end", last)
        span = m.span("name")
        event.add_name(NameDraft(name, spans=[span]))
        event.note(f"“{name}” was held", span)
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
        r.held.append((sentence.start, event.key))
        _place_event(r, event, r.text[m.end() : sentence.end], _in_place(r), sentence)


def _same_day(r: Context, rest: str, before: int) -> PartialDate | None:
    """ "was held on the same day": the day of the event dated last before it."""
    if not re.search(r"\b(?:on\s+)?the\s+same\s+day\b", rest, re.I):
        return None
    for m in reversed(r.mentions_in(0, before, ("event",))):
        date = r.reg.peek(m.entity).fields.get("date")  # type: ignore[arg-type]
        if isinstance(date, PartialDate) and date.day is not None:
            return date
    return None


def _same_day_acts(r: Context) -> None:
    """ "In a separate decision announced the same day, ... conferred the military title":
    a conferral or decision on the day of the event dated last before it."""
    for event in r.reg.of_kind("event"):
        if event.known or event.fields.get("type") not in ("conferral", "decision"):
            continue
        span = event.attrs.get("span")
        if "date" in event.fields or not span:
            continue
        sentence = r.doc.sentence_at(span[0])
        if sentence is None:
            continue
        day = _same_day(r, r.text[sentence.start : sentence.end], sentence.start)
        if day is not None:
            r.reg.get(event.key).fields["date"] = day


_MONTH_WORD = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_MONTH_NUMBERS = {name: n for n, name in enumerate(calendar.month_name) if name}
_PARTY_SAID = re.compile(r"\b(?:party|WPK|KWP|Workers['’]?\s+Party)\b", re.I)

_DATE_BEFORE = (
    rf"(?:(?:[12]\d|3[01]|0?[1-9])\s+{_MONTH_WORD}(?:\s+(?:1[89]|20)\d\d)?"
    rf"|{_MONTH_WORD}\s+(?:(?:[12]\d|3[01]|0?[1-9])(?:,?\s+(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\d)"
    r"|(?:1[89]|20)\d\d)"
)
"""a date printed before an occasion's noun, which names the occasion by it: "the 6 March mass
rally", "the June 30 meeting", "the February 2019 summit", "the 2018 summit" (class AC)"""


@cache
def _occasion_pattern() -> re.Pattern[str]:
    """ "a grand banquet", "the military parade of 10 October", "a performance given by the
    Moranbong Band": the words of ``occasions`` in ``facts.yaml`` with up to three words
    before them and what they are of or for."""
    flex = fact_lexicon()
    nouns = "|".join(sorted((re.escape(n) for n in flex.occasions), key=len, reverse=True))
    verbs = _GIVEN_BEFORE.pattern.split("(?:", 1)[1].split(")", 1)[0]
    verbs = rf"(?:{verbs}|a|an|the|and|or|of|at|in|on|to|for|with|was|were|is|are|after|before)"
    # (class BE) "a day after talks with X": the talks, not a "day after talks"
    return re.compile(
        rf"\b(?P<art>(?:a|an|the)\s+)?"
        # (class AA) the place of an occasion before it: "A Pyongyang mass rally took place"
        # (after "a" or "an" only: "the Hanoi summit" is one named before)
        # (class DC) "a Japan-North Korea summit in 2002": two places joined
        r"(?(art)(?:(?<=[AaNn]\s)(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)\s+"
        r"(?=(?-i:[a-z])))?)"
        rf"(?P<name>(?:(?!{verbs}\s)(?-i:[a-z][a-z-]*)\s+){{0,3}}?"
        rf"(?P<noun>{nouns}))\b(?!\s+(?:{nouns})\b)"  # "a celebration performance"
        r"(?!\s+(?:committee|commission|arrangements?|period|procession|hall|house|palace"
        r"|ground|square|group|delegation|team|song|music|rooms?|papers?|notes?|materials?)\b)"
        r"(?P<of>\s+(?:of|for|in\s+celebration\s+of|marking)\s+(?:the\s+)?[^,.;]{3,60}?"
        r"(?=\s+(?:was|were|is|are|will|held|took|on|in|at|with|by|and|attended|presided|to"
        r"|where|which|that|when)\b|\s*[,.;(]|\s*$)"
        r"|\s+(?:given|staged|performed|presented)\s+by\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*"
        r"(?:\s+(?:of\s+the\s+|of\s+|and\s+the\s+)?[A-Z][\w'’-]*)*))?"
        r"(?=[\s,.;])",
        re.I,
    )


@cache
def _occasion_nouns() -> re.Pattern[str]:
    """Any word of ``occasions`` (``facts.yaml``), wherever it occurs: every match of
    :func:`_occasion_pattern` has one within four words of its start."""
    nouns = sorted((re.escape(n) for n in fact_lexicon().occasions), key=len, reverse=True)
    return re.compile("|".join(nouns), re.I)


def _unheld(flex: FactLexicon, m: re.Match[str], end: int, text: str) -> bool:
    """(round 6, occasions first) Whether an occasion's own words say it was not held: a
    modifier before its noun ("a proposed summit", "a possible meeting") or its clause's verb
    after it ("... was never held", "have been stalled", "was called off": ``unheld_occasions``
    in facts.yaml)."""
    words = set(m.group("name").lower().split()[:-1])
    if words & flex.unheld_modifiers:
        return True
    return _unheld_after(flex.unheld_verbs).match(text, m.end("noun"), end) is not None


@cache
def _unheld_after(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """The verb of ``verbs`` right after an occasion's noun, past its "with ..." or "of ..."."""
    words = "|".join(re.escape(w) for w in sorted(verbs, key=len, reverse=True))
    return re.compile(
        r"(?:\s+(?:with|of|for|between|in|at|on)\s+[^.;:,]{1,80}?)?\s*,?\s*"
        rf"(?:{words or '(?!)'})\b",
        re.I,
    )


def _occasion_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_occasion_pattern().finditer(text)``, found faster: the pattern is
    tried only at the words up to four before an occasion's noun (its match holds an article
    and up to three words before the noun), not at every word of the article, where its
    alternation of fifty nouns was tried up to four times a word."""
    pattern, nouns = _occasion_pattern(), _occasion_nouns()
    pos = 0
    while (noun := nouns.search(text, pos)) is not None:
        at = noun.start()
        for word in _WORD_START.finditer(text, _words_back(text, pos, at, 5), at + 1):
            m = pattern.match(text, word.start())
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = at + 1


_WORD_START = re.compile(r"\b(?=\w)")
"""where a match of the occasion pattern may begin (a word, after a word boundary)"""


def _words_back(text: str, floor: int, at: int, count: int) -> int:
    """Where the ``count`` runs of white space before ``at`` begin (not before ``floor``): a
    match that begins after ``floor`` and has fewer runs before its noun at ``at`` begins
    there or later."""
    i = at
    for _ in range(count):
        while i > floor and not text[i - 1].isspace():
            i -= 1
        while i > floor and text[i - 1].isspace():
            i -= 1
    return i


def _occasions(r: Context) -> None:
    """ "a reception held at the Mansudae Assembly Hall in Pyongyang on Friday", "an artillery
    fire drill on 10 September": an occasion the text describes, dated by the sentence."""
    flex = fact_lexicon()
    last = -1  # where the last occasion added ends
    main: tuple[int, str, PartialDate, str] | None = None
    """(block, key, day, type) of the occasion a wire lead's act closed ("capping a summit")"""
    for m in _occasion_matches(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None or headline(r, sentence.block):
            continue  # (also a report's headline inside the text: "Funeral Held")
        if _in_speech(r, m.start()):
            continue  # He said: "... we will hold a grand ceremony on this square ..."
        # (class Q) "A grand military parade and a mass demonstration of the working people
        # were held": two occasions, each dated by the sentence
        joined = sentence.start <= last and _JOINED.fullmatch(r.text, last, m.start()) is not None
        if _inside_event(r, m.start(), m.end()) or any(
            x.kind == "event" and x.start < m.end("name") and m.start("name") < x.end
            for x in r.mentions
        ):
            continue  # (an event after "of" is what the occasion celebrates)
        if m.group(0).lower().startswith("the ") and any(
            key for s, _, key in r.event_refs if s == m.start()
        ):
            continue
        lead = r.text[max(sentence.start, m.start() - 30) : m.start()]
        # (class AC) "the 10 October parade", "The February 2019 summit": named by its date
        dated = _date_before(r, m)
        if dated is not None and _SINCE_BEFORE.search(lead):
            continue  # "since the 2007 summit": a bound of a period, no occasion told
        if dated is not None and dated.day is not None:
            # "the enlarged meeting of the Political Bureau held on June 29 ... At the June 29
            # meeting, ...": the event of that day named before, not a second one
            same = _held_that_day(r, m.start(), dated)
            if same is not None:
                span = (m.start("name"), m.end("noun"))
                r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], same, "event"))
                continue
        definite = (m.group("art") or "").strip().lower() == "the" and dated is None
        between = definite and _between_people(r, m, sentence)
        if between:
            definite = False  # (class DB) "In October 2009 he took part in the talks between
            # A and B": an occasion its two sides and the sentence's date tell, not a reference
        elsewhere = definite and _elsewhere(r, m.start(), m.end("noun"), m.group("noun"))
        bare_meeting = m.group("noun").lower() == "meeting"
        if bare_meeting and definite:
            continue  # "the meeting" refers back
        if definite and _BEFORE_AFTER.search(lead) and (
            not _PAST_SPAN_BEFORE.search(lead) or _month_after(r, m, m.end(), lead) is None
        ):
            continue  # "Two days before the funeral, on Monday, ...": the funeral is another's
        if definite and _act_referred(r, m):
            continue  # "the hearse carrying the body ... The farewell ceremony was attended by"
        if _NEGATED_LEAD.search(lead):
            continue  # (class V) "has not held talks with Washington since": none held
        if _unheld(flex, m, sentence.end, r.text):
            continue  # (round 6) "a proposed summit ... was never held", "Talks with
            # Washington have been stalled since 2019": an occasion named as a thing, not held
        if _TO_COME_BEFORE.search(r.text, max(sentence.start, m.start() - 120), m.start()):
            continue  # (class V) "Moon is expected to meet them on Sunday at a concert": to come
        to_come = _TO_COME_OWN.match(r.text, m.end("noun"), sentence.end)
        if to_come and to_come.group("hedged"):
            continue  # (class DC) "A memorial service is also planned": announced, not held
        if _TOWARD.search(lead):
            continue  # (class DB) "progress had been made toward a second summit": to come
        if _TO_COME_AFTER.match(r.text, m.end(), sentence.end):
            continue  # (class CF) "The talks, which are expected to continue in Hamhung on
            # Thursday, dealt with ...": the day is the one to come, not the occasion's
        given = None if definite else _GIVEN_BEFORE.search(lead) or _quantified(r, sentence, m)
        # (class V) "Trump and Kim signed a document Tuesday ..., capping a remarkable summit":
        # the occasion a wire lead's act closes, of the act's weekday
        capped = None if definite else _CAPPED_BEFORE.search(
            r.text, max(sentence.start, m.start() - 60), m.start()
        )
        given = given or capped
        # "Present at the burial were ...": an occasion of its own, unless named before
        cued = definite and _attended_at(flex, lead, m.group("noun"))
        opening = m.start() == sentence.start or re.search(r"(?:--|—|:)\s*$", lead)
        rest = r.text[m.end() : sentence.end]
        # (class Q) "After the ceremony, talks between A and B were held at ...": an occasion
        # that opens its clause after an opening phrase of time
        introduced = not opening and _INTRODUCED.fullmatch(r.text, sentence.start, m.start())
        if not m.group("art") and not given and not joined and dated is None and (
            not opening or not m.group("name")[:1].isupper()
        ) and not (introduced and _HELD_LATER.match(rest)):
            continue  # "talks" alone: only "Talks between ... were held", "held talks with"
        if _ANNOUNCED_AFTER.match(rest) and not any(
            d.date is not None and d.date.day is not None and d.weekday is None
            for d in r.dates_in(sentence.start, sentence.end)
        ):
            # (class CG) "The funeral will take place Wednesday, KCNA said", "The funeral is
            # expected on Tuesday": announced by a weekday of wire copy, still to come
            continue
        presided = _PRESIDED_AFTER.match(rest)  # "a meeting of X presided over by Kim"
        held = bool(_HELD_OCCASION.match(rest) or given or presided or cued or joined
                    or elsewhere or between) or bool(
            (opening or introduced) and _HELD_LATER.match(rest)
        )  # "Talks between A, <titles>, and B, <titles>, ... were held at ..."
        # (class Q) "Kim and Trump had opened the summit on Wednesday evening with a brief
        # one-on-one meeting and a social dinner at the Metropole": occasions the event opened
        # with, held on the day the sentence gives
        opened = not definite and _OPENED_WITH.search(r.text[sentence.start : m.start()])
        held = held or bool(opened) or dated is not None
        when, name_end, on_day = _occasion_day(r, m, sentence, held, definite)
        if when is None and opening and not definite and (
            far := _HELD_ON_FAR.search(rest)
        ) is not None:
            # (class DC) "A ceremony of conferring the title of Labour Hero and orders on
            # officials ... who performed feats in ... took place at the Mansudae Assembly Hall
            # on June 27": the verb of the occasion that opens the sentence, past a long "of"
            found = r.date_at(m.end() + far.end(), slack=1)
            when = past_date(r, found) if found is not None and found.date is not None else None
        if dated is not None:
            when = dated
        elif when is None and (not definite or _PAST_SPAN_BEFORE.search(lead)):
            # (class AC) "at a mass rally in December 2017"; (class DC) "during the historic
            # summit in Pyongyang in June 2000" (one the text had not told)
            when = _month_after(r, m, name_end, lead)
        if when is None and capped:
            when = act_weekday(r, sentence.start, m.start())
        if when is None and between:
            when = _only_date(r, sentence)  # (class DB) "In October 2009 he took part in the
            # talks between A and B": the sentence's date
        if when is None and opened:
            stated = stated_day(r, sentence.start, m.start())
            when = stated[0] if stated is not None else None
        if when is None and not held:
            continue
        if bare_meeting and when is None and not re.search(
            r"\b(?:held|had)\s+(?:(?:a|an)\s+)?$", lead
        ) and not _HELD_OCCASION.match(rest) and not presided:  # fmt: skip
            continue  # "a rule to hold a meeting" is none; "held its first meeting" is one
        if when is None and _FUTURE_LEAD.search(lead):
            continue  # (class Q) "Putin will hold talks with Vietnamese leaders in Hanoi": to come
        if when is None and to_come:
            continue  # (class DC) "The funeral will take place Wednesday": not dated, to come
        part = _FUNERAL_PART.search(r.text, m.start("name"), name_end)
        funeral = _funeral_before(r, m.start()) if part else None
        own_day = funeral is not None and (
            on_day or any(d.date is not None for d in r.dates_in(sentence.start, sentence.end))
        )
        if funeral is not None and (when is None or when == funeral[1] or not own_day):
            when = when if own_day else None  # "in the morning": the funeral's day
            if part.group("same"):  # type: ignore[union-attr]
                # (class DC) "The state funeral of X was held today ... The funeral service
                # took place at ...", "After the service the funeral procession moved ...":
                # the funeral reported before, not a second event
                span = (m.start("name"), name_end)
                r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], funeral[0],
                                      "event"))  # fmt: skip
                r.reg.get(funeral[0]).note(f"“{' '.join(r.text[m.start() : m.end()].split())}”",
                                           span)  # fmt: skip
                r.held.append((sentence.start, funeral[0]))
                last = m.end()
                continue
            # "where the burial ceremony was held", "A memorial service was held at ...": an
            # occasion of its own, on the funeral's day (not on a bier visit's told between)
            when = when or funeral[1]
        if when is None:
            # "The day before, Kim held talks ... He then gave a reception": the day of the
            # event dated last before it in the paragraph; "A performance was given ... on the
            # occasion": in the article
            whole = _ON_THE_OCCASION.search(rest)
            when = event_day_before(r, m.start(), block=None if whole or held else sentence.block)
            if when is None and held and not definite:
                # "The delegation arrived ... on October 16. A ceremony of welcoming it took
                # place at the airport": the day the narrative is at
                when = narrative_day_before(r, sentence.start)
            if when is None and held:
                # "Roh and Kim signed a declaration on Thursday. The signing ceremony took place
                # at the guesthouse": the weekday of the report's lead
                when = lead_day(r, sentence.start)
        when = days_apart(r, sentence.start, m.start(), when)  # "..., a day after X had hosted"
        noun = m.group("noun").lower()
        kind = flex.occasions.get(noun) or flex.occasions.get(noun.split()[-1], "ceremony")
        if bare_meeting:
            kind = head_kind(m.group("name"))  # "a plenary meeting of the party CC on April 10"
        if _CONFERRING.match(r.text, m.end("noun")):
            kind = "conferral"  # "a ceremony (of) conferring the title of DPRK Hero on ..."
        if presided and m.group("of") and name_end == m.end():
            name_end += len(presided.group("more"))  # "... of KPA training officials"
        name = " ".join(r.text[m.start("name") : name_end].split())
        name = re.sub(r"^(?:its|their|his|her)\s+", "", name)  # "held its first meeting"
        if when is None and _names_series(r, name):
            continue  # "plenary meetings of the 8th CC": the series, not an event of it
        if definite and not elsewhere and (
            _refers_back(r, m, kind, when, sentence)
            or when is not None and _dates_undated(r, m, kind, when, sentence)
        ):
            continue  # "attended a ceremony ... The ceremony was held ... on 21 December"
        # (a second occasion reported with the first is no occasion the sentences after it go
        # on with: "Kim Jong Un appeared on the tribune" is the parade's)
        if (
            main is not None and not definite and when == main[2] and kind == main[3]
            and sentence.block - main[0] <= 1 and not r.dates_in(sentence.start, sentence.end)
        ):  # fmt: skip
            # (class V) "..., capping a summit on a resort island. The two leaders then held
            # talks at the hotel": the occasion the lead reported, not a second one
            r.add_mention(Mention(m.start("name"), name_end, r.text[m.start("name") : name_end],
                                  main[1], "event"))  # fmt: skip
            r.held.append((sentence.start, main[1]))
            last = m.end()
            continue
        key = _add_occasion(r, m, (m.start("name"), name_end), name, kind, when, sentence,
                            current=not joined)  # fmt: skip
        if capped and when is not None:
            main = (sentence.block, key, when, kind)
        last = m.end()


_IN_MONTH_AFTER = re.compile(
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,3})?\s+in\s+(?=\S)"
)


def _month_after(r: Context, m: re.Match[str], name_end: int, lead: str) -> PartialDate | None:
    """(class AC) An occasion followed by the month or year it was held ("appeared at a mass
    rally in December 2017", "a summit in Hanoi in February 2019"): that month (a year-less one
    as the text dates it); not of an occasion to come ("will hold a rally in May")."""
    after = _IN_MONTH_AFTER.match(r.text, name_end)
    date = r.date_at(after.end()) if after else None
    if date is None or date.date is None or date.date.day is not None or date.range is not None:
        return None
    if _FUTURE_LEAD.search(lead) or _TO_COME_BEFORE.search(lead) or _AHEAD.search(lead):
        return None
    return past_date(r, date)


_HELD_ON_FAR = re.compile(
    r"\b(?:took\s+place|(?:was|were)\s+(?:held|staged))(?:\s+(?:at|in)\s+[^.;,]{1,70}?)?\s+on\s+"
    r"(?=\S)",
    re.I,
)
"""the predicate of an occasion that opens its sentence, with its day ("took place at the
Mansudae Assembly Hall on June 27")"""
_PAST_SPAN_BEFORE = re.compile(r"\b(?:during|at|attend|attended|attending)\s+$", re.I)
"""(class DC) a definite occasion placed in time by the month after it ("during the summit in
Pyongyang in June 2000", "attended the funeral in Hanoi in September 1969")"""

_SINCE_BEFORE = re.compile(r"\b(?:since|until|till)\s+the\s+\S+(?:\s+\S+){0,3}\s+$", re.I)


def _held_that_day(r: Context, before: int, day: PartialDate) -> str | None:
    """The event mentioned before ``before`` that was held on ``day`` (its first or last day)."""
    for x in reversed(r.mentions_in(0, before, ("event",))):
        if x.entity is None:
            continue
        entity = r.reg.peek(x.entity)
        if entity.fields.get("type") == "series":
            continue
        held = (entity.fields.get("date"), entity.fields.get("end"))
        if any(isinstance(d, PartialDate) and d.iso == day.iso for d in held):
            return r.reg.resolve(x.entity)
    return None


_DATED_LEAD = re.compile(rf"\b[Tt]he\s+(?P<dated>{_DATE_BEFORE})\s+$")
"""a date between "the" and an occasion's words (the occasion pattern's match begins after it)"""


def _date_before(r: Context, m: re.Match[str]) -> PartialDate | None:
    """The date printed between "the" and an occasion's words ("the 6 March mass rally"), as
    the text dates it (a year-less day in the year the text gives, else the latest such day
    not after the article's); None when there is none or it is no date of the text's."""
    if m.group("art"):
        return None
    lead = _DATED_LEAD.search(r.text, max(0, m.start() - 30), m.start())
    if lead is None:
        return None
    date = r.date_at(lead.start("dated"))
    if date is None or date.date is None or date.end > m.start():
        if date is None and re.fullmatch(r"(?:1[89]|20)\d\d", lead.group("dated")):
            return PartialDate(int(lead.group("dated")))  # "the 2018 summit"
        return None
    return past_date(r, date)


_CAPPED_BEFORE = re.compile(
    r"\b(?:capping|wrapping\s+up|concluding|culminating|rounding\s+off|closing\s+out)\s+"
    r"(?:(?:a|an)\s+(?:[\w'’-]+\s+){0,3})?$",
    re.I,
)
"""what an act is said to close ("capping a remarkable summit", "wrapping up a meeting")"""

_TOWARD = re.compile(r"\btowards?\s+(?:(?:a|an|another)\s+)?(?:[a-z-]+\s+){0,2}$", re.I)
"""(class DB) an occasion things move toward ("progress toward a second summit"): one to come"""
_TO_COME_BEFORE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+to|(?:is|are)\s+(?:expected|scheduled|set|due|slated|poised"
    r"|likely)\s+to|plans?\s+to|planning\s+to)\s+(?:\w+\s+)?(?:meet|hold|host|give|have|attend"
    r"|visit|watch|see|join)\b[^.;,:]*$",
    re.I,
)
"""the verb of an occasion still to come, in the occasion's clause ("is expected to meet the
delegation again on Sunday at a concert"): no event"""

_TO_COME_AFTER = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:is|are|was|were)\s+(?:(?:also|now)\s+)?(?:expected|scheduled"
    r"|set|due|slated|planned|likely)\s+to\s+(?:continue|resume|be\s+held|take\s+place|open"
    r"|start|begin|reconvene)\b",
    re.I,
)
"""an occasion whose relative clause says when it goes on ("the talks, which are expected to
continue on Thursday"): that day is still to come"""

_TO_COME_OWN = re.compile(
    r"(?:\s+(?:of|for|in|at|on|marking)\s+[^.;:,]{1,80}?)?\s*,?\s*(?:"
    r"(?P<hedged>(?:is|are)\s+(?:also\s+|now\s+|not\s+)?(?:expected|planned|likely|unlikely)"
    r"(?!\s+(?:by|at)\b)"
    r"|to\s+be\s+(?:held|given|staged|hosted|arranged|organi[sz]ed)\s+(?:next|later|this|tomorrow)\b)"
    r"|(?:will|shall)\s+(?:also\s+)?(?:be\s+(?:held|given|staged|hosted|arranged|conducted)|take\s+place"
    r"|follow|open|start|begin)"
    r"|(?:is|are)\s+(?:also\s+|now\s+)?(?:scheduled|slated|set|due)(?!\s+(?:by|at)\b)"
    r"|(?:is|are)\s+to\s+be\s+(?:held|given|staged|hosted|arranged)"
    r")\b",
    re.I,
)
"""(class DC) an occasion whose own verb says it is still to come: "A memorial service is also
planned", "A mass rally ... is expected to follow on Sunday", "a banquet to be arranged next
week", "A ceremony ... is not expected this year" (``hedged``: announced, not reported, so no
event, dated or not); "The funeral will take place Wednesday" is one only when its sentence
dates it ("The funeral will be held in Pyongyang on July 17", as e01)"""

_NEGATED_LEAD = re.compile(
    r"\b(?:not|never|n[’']t)\s+(?:(?:yet|ever|since|again)\s+)?(?:held|hold|had|have|attended|attend)"
    r"\s+(?:(?:a|an|any)\s+)?$",
    re.I,
)
"""an occasion a negated verb takes ("has not held talks", "never attended a ...")"""

_CONFERRING = re.compile(r"\s+(?:(?:of|for)\s+)?(?:conferring|awarding|presenting)\b", re.I)


@cache
def _attended_at_cue() -> re.Pattern[str]:
    cues = sorted(fact_lexicon().occasion_attended_at, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s+(?:the\s+)?$", re.I)


def _attended_at(flex: FactLexicon, lead: str, noun: str) -> bool:
    """Whether "the <occasion>" is what an attendance cue places people at ("Present at the
    burial were", "attended the luncheon"): an occasion the report goes on to, when its noun
    is no word that refers back to another (``event_references``: "the ceremony")."""
    return bool(flex.occasion_attended_at) and tuple(noun.lower().split()) not in (
        flex.event_references
    ) and _attended_at_cue().search(lead) is not None


def _dates_undated(
    r: Context, m: re.Match[str], kind: str, when: PartialDate, sentence: Sentence
) -> bool:
    """ "Kim Jong Un attended a ceremony conferring ..., KCNA reported. The ceremony was held
    at the Mansudae Assembly Hall on 21 December": "the ceremony" dated is the undated one the
    sentence before reported; it takes the day (and the place) and this mention."""
    index = r.doc.sentence_index(sentence.start)
    if index <= 0:
        return False
    before = r.doc.sentences[index - 1]
    noun = m.group("noun").lower()
    for x in r.mentions_in(before.start, before.end, ("event",)):
        event = r.reg.peek(x.entity) if x.entity else None
        if (event is None or event.known or "date" in event.fields
                or not x.text.lower().endswith(noun)):
            continue
        if event.fields.get("type") not in (kind, "conferral"):
            continue
        event.fields["date"] = when
        hall = _AT_PLACE.search(r.text, m.end(), sentence.end)
        if hall is not None:
            event.fields.setdefault("location", hall.group("place").rstrip("."))
        r.add_mention(Mention(m.start("name"), m.end("name"), m.group("name"), event.key, "event"))
        r.held.append((sentence.start, event.key))
        return True
    return False


_BETWEEN = re.compile(r"\s+between\s+")
_BETWEEN_KINDS = frozenset({"talks", "summit", "meeting", "summit talks", "negotiations"})


def _between_people(r: Context, m: re.Match[str], sentence: Sentence) -> bool:
    """(class DB) "the talks between Kim Jong Il and Premier Wen Jiabao" in a sentence that
    dates it ("In October 2009 he took part in ..."): the talks of the two people named after
    "between" (a person within a title's words of it), not the talks reported before."""
    if m.group("noun").lower() not in _BETWEEN_KINDS:
        return False
    after = _BETWEEN.match(r.text, m.end("noun"))
    if after is None or not r.dates_in(sentence.start, sentence.end):
        return False
    people = r.mentions_in(after.end(), min(sentence.end, after.end() + 60), ("person",))
    return len(people) >= 2 and people[0].start - after.end() <= 40


def _only_date(r: Context, sentence: Sentence) -> PartialDate | None:
    """The one date a sentence prints (not a range), as the text dates it; None for none or
    several."""
    dates = [d for d in r.dates_in(sentence.start, sentence.end) if d.date is not None]
    if len(dates) != 1 or dates[0].range is not None:
        return None
    return past_date(r, dates[0])


def _refers_back(
    r: Context, m: re.Match[str], kind: str, when: PartialDate | None, sentence: Sentence
) -> bool:
    """ "A memorial service for X took place on Wednesday. ... The memorial service was presided
    over by Y": "the" occasion, said of nothing of its own, is the one of its noun and kind the
    text reported before it (on its day, when it has one), not a second one; it gets this
    mention, and the sentences after it report it."""
    if m.group("of"):
        return False
    noun = m.group("noun").lower()
    for x in reversed(r.mentions_in(0, m.start(), ("event",))):
        event = r.reg.peek(x.entity) if x.entity else None
        if event is None or event.fields.get("type") != kind or noun not in x.text.lower():
            continue
        if when is not None and event.fields.get("date") not in (None, when):
            return False
        r.add_mention(Mention(m.start("name"), m.end("name"), m.group("name"), event.key, "event"))
        r.held.append((sentence.start, event.key))
        r.held.sort(key=lambda h: h[0])
        return True
    return False


def _elsewhere(r: Context, start: int, noun_end: int, noun: str) -> bool:
    """ "The rally was followed by similar rallies in all provincial seats the same day. At
    the rally in Hamhung, X made a speech": "the" occasion at a place of its own, after the text
    said others like it were held (``similar_occasions`` of ``facts.yaml`` before the noun's
    plural, in its sentence or the two before), is one of those, not the one reported before."""
    if not r.text.startswith(" in ", noun_end):
        return False
    if _in_place(r).match(r.text, noun_end + 1) is None:
        return False
    word = noun.lower().split()[-1]
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    index = r.doc.sentence_index(start)
    since = r.doc.sentences[max(0, index - 2)].start if index >= 0 else max(0, start - 400)
    flex = fact_lexicon()
    cue = "|".join(re.escape(w) for w in flex.similar_occasions)
    plurals = "|".join(re.escape(w) for w in (plural, *flex.similar_plurals))
    return re.search(
        rf"\b(?:{cue})\s+(?:[a-z-]+\s+)?(?:{plurals})\b", r.text[since:start], re.I
    ) is not None


_BEFORE_AFTER = re.compile(r"\b(?:before|after|following|since|ahead\s+of|during)\s+$", re.I)
_REPORTED_BEFORE = re.compile(r"\b(?:reported|said|announced|disclosed|revealed)\s*$")
_DIED_BEFORE = re.compile(r"\b(?:died|passed\s+away|was\s+born|born)\s*$")
_JOINED = re.compile(r"\s+and\s+(?:(?:a|an|the)\s+)?")
_INTRODUCED = re.compile(
    r"(?:After|Following|Before|Later|Earlier|On|In|At|During|That|The\s+next|The\s+same"
    r"|Shortly|Then)\b[^,.;:]{0,40},\s*"
)
"""an opening phrase of time before an occasion that opens its clause ("After the ceremony,
talks between A and B were held at ...")"""
_OPENED_WITH = re.compile(
    r"\b(?:opened|began|started|kicked\s+off)\b[^.;]{0,80}?\bwith\s+(?:(?:a|an)\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:and\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,3}?)?$"
)
"""the occasions an event opened with ("opened the summit ... with a one-on-one meeting and a
social dinner")"""
_ANNOUNCED_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:will\s+(?:\w+\s+)?(?:take\s+place|be\s+held|be\s+staged)"
    r"|(?:is|are)\s+(?:expected|scheduled|due|set|slated|planned)\b(?!\s+to\s+have))",
    re.I,
)
"""what an occasion still to come is said to do ("The funeral will take place Wednesday")"""
_FUTURE_LEAD = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|(?:is|are)\s+(?:expected|scheduled|set|due|slated)"
    r"\s+to|plans?\s+to|planning\s+to)\s+(?:\w+\s+)?(?:hold|host|give|have|attend)\s+(?:(?:a|an)\s+)?$",
    re.I,
)
"""an occasion someone is still to hold, which the sentence does not date: no event"""
_AFTER_OCCASION = re.compile(
    r"\b(?:after|following|at\s+the\s+end\s+of)\s+the\s+(?:talks|meeting|ceremony|banquet"
    r"|reception|luncheon|dinner|performance)\b",
    re.I,
)
"""an act dated by the occasion it followed ("signed the treaty after the talks")"""
_WHERE_BEFORE = re.compile(r",\s*where\b[^.;]*$")
_NARRATED = frozenset({"wreath-laying", "signing"})
"""acts that take the day the narrative is at when their sentence gives none"""


def _narrated_day(r: Context, sentence: Sentence) -> PartialDate | None:
    """The day of the occasion held last before ``sentence``, in its paragraph or the one
    before (not of one told paragraphs earlier)."""
    before = [(at, key) for at, key in r.held if at < sentence.start]
    if not before:
        return None
    at, key = before[-1]
    held_in = r.doc.sentence_at(at)
    if held_in is None or sentence.block - held_in.block > 1:
        return None
    day = r.reg.peek(key).fields.get("date")
    return day if isinstance(day, PartialDate) and day.day is not None else None


_CLAUSE_END = re.compile(r"[,;]|\s(?:after|before|following|when|while|and)\s")


def _clause_end(r: Context, start: int, end: int) -> int:
    """Where the clause of an act's verb ends: at a comma, or a conjunction of another one."""
    stop = _CLAUSE_END.search(r.text, start, end)
    return stop.start() if stop is not None else end


_AT_OCCASION = re.compile(
    r"[^.;]{0,40}?\bat\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:ceremony|banquet|reception"
    r"|luncheon|dinner)\b"
)
"""an act done at an occasion its sentence names, which is the event"""
_RECALLED_IN = re.compile(r"\b(?:during|in|at)\s+which\b[^.;]*$")
"""an act in a relative clause of an occasion reported as a whole ("a two-day state visit ...,
during which he and Kim signed a treaty"): the day of the sentence is not the act's"""
_REFERRED_BACK = re.compile(r"\b(?:who|that)\s+had\s+(?:also\s+|earlier\s+)?$")
"""(class CF) an act in a relative clause of the past perfect, naming those at an occasion
reported before ("Kim Yong Nam and the other officials who had met the guests at the airport
attended"): no occasion of its own"""
_SPEECH_WORDS = 6
"""the words of a quotation from which it is a speech quoted, whose occasions are no events"""


def _in_speech(r: Context, offset: int) -> bool:
    """Whether ``offset`` is inside a quoted speech (He said: "... we will hold a grand
    ceremony ..."), not a short quoted name."""
    quote = r.quotation_at(offset)
    return quote is not None and len(
        r.text[quote.inner_start : quote.inner_end].split()
    ) >= _SPEECH_WORDS
_HELD_LATER = re.compile(
    r"[^.;]{0,400}?\b(?:(?:was|were)\s+(?:\w+\s+)?held|took\s+place)\b", re.I
)
"""the verb of an occasion that opens its sentence, past the titles of those it names."""
_SUBHEADING = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+){0,3}?(?P<noun>[A-Z][\w'’-]*))"
    r"(?:\s+(?:Held|Given|Hosted|Staged|Enjoyed|Performed|Takes?\s+Place|Took\s+Place|Opens|Ends))?"
)
"""a sub-heading of a report that names an occasion: "Banquet Given", "Send-off Ceremony Held",
"Art Performance Enjoyed"."""


def _subheadings(r: Context) -> None:
    """ "Banquet Given", "Send-off Ceremony Held": a sub-heading (a heading, or a short line of
    capitalized words with no stop) that names an occasion begins its event. The paragraphs
    under it report that occasion: the first one said held there, else one of its own, dated
    by the first day they give (else the day of the last event dated before it)."""
    flex = fact_lexicon()
    blocks = r.doc.blocks
    heads = [i for i, b in enumerate(blocks) if i > 0 and _is_subheading(r, i)]
    for n, i in enumerate(heads):
        head = _SUBHEADING.fullmatch(r.text[blocks[i].start : blocks[i].end].strip())
        noun = head.group("noun").lower() if head else ""
        words = head.group("name").lower() if head else ""
        tails = (words, " ".join(words.split()[-2:]), noun)  # "send-off ceremony": a ceremony
        kind = next((flex.occasions[t] for t in tails if t in flex.occasions), None)
        if head is None or kind is None:
            continue
        end = blocks[heads[n + 1]].start if n + 1 < len(heads) else len(r.text)
        start = blocks[i].end
        inside = [key for offset, key in r.held if start <= offset < end]
        if inside:
            r.held.append((blocks[i].start, inside[0]))
            r.held.sort(key=lambda x: x[0])
            continue
        when = _section_day(r, start, end) or event_day_before(r, start)
        name = " ".join(r.text[blocks[i].start + head.start("name") :
                               blocks[i].start + head.end("name")].lower().split())  # fmt: skip
        key = f"event:occasion:{match_key(name)}:{when.iso if when else r.article.key}"
        event = r.reg.add(Entity(key, "event"))
        event.fields.setdefault("type", kind)
        if when is not None:
            event.fields.setdefault("date", when)
        span = (blocks[i].start + head.start("name"), blocks[i].start + head.end("name"))
        article = r.article.key.split(":")[-1]
        event.add_name(_occasion_name(name, when, span, r.reference, article))
        event.note(f"“{r.text[span[0] : span[1]]}”", span)
        r.held.append((blocks[i].start, key))
        r.held.sort(key=lambda x: x[0])


_FIRM_SUBJECT = re.compile(
    r"\b(?:company|companies|firm|firms|corporation|corporations|conglomerate|enterprise|bank"
    r"|banks|investors?)\s+(?:[a-z]+\s+){0,3}$"
)
"""(class BE) a business as the subject of a signing: no occasion of the people a text follows"""


@cache
def _at_occasion_opening() -> re.Pattern[str]:
    """ "At the burial ceremony, ", "During the banquet, ": a sentence that opens at an occasion
    named by a word of ``occasions`` (``facts.yaml``)."""
    return re.compile(
        rf"\s*(?:At|During)\s+the\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_occasion_nouns().pattern})\s*,",
        re.I,
    )


def _at_occasion_before(r: Context, start: int, at: int) -> bool:
    """(class DC) Whether the sentence beginning at ``start`` opens at an occasion before the act
    at ``at`` ("At the burial ceremony, Choe Kwang laid a wreath"): the act is part of it."""
    opening = _at_occasion_opening().match(r.text, start, at)
    return opening is not None


def _acts(r: Context, *, late: bool = False) -> None:
    """ "On Friday morning, Kim laid a wreath at a memorial ...", "Kozlov and Kozhemyako saw him
    off at the station": an occasion a verb reports (``occasion_acts``), an event of its own
    from its sentence on (the sentences after it that name no other event report it), when its
    sentence (or the one before it) gives its day, or it ``needs`` what the text says (an arrival
    someone was greeted at: dated by the day the report was at); not the one the report is at
    (a sub-heading's: "Send-off Ceremony Held ... Kim Jong Un saw him off"). ``late``: once the
    occasions are found, the wreath-layings and signings with no day of their own that follow a
    dated occasion (:func:`_narrated_day`)."""
    article = r.article.key.split(":")[-1]
    for act in fact_lexicon().occasion_acts:
        for m in act.act.finditer(r.text):
            sentence = r.doc.sentence_at(m.start())
            if sentence is None or in_headline(r, sentence.start) or _in_speech(r, m.start()):
                continue
            if act.needs is not None and not _says_soon(r, sentence, act.needs):
                continue
            current = _current_occasion(r, m.start())
            if current is not None and act.same.search(_event_words(r, current)):
                continue  # the occasion the report is at: "Send-off Ceremony Held ... saw him off"
            if _FIRM_SUBJECT.search(r.text, sentence.start, m.start()):
                continue  # (class BE) "A Dalian company has signed a deal": business, no one's
            if _RECALLED_IN.search(r.text, sentence.start, m.start()):
                continue  # "a visit during which he and Kim signed a treaty": told later
            if _REFERRED_BACK.search(r.text, max(sentence.start, m.start() - 20), m.start()):
                continue  # "the officials who had welcomed the guests at the airport": told
            if _AT_OCCASION.match(r.text, m.end(), sentence.end) or _AT_OCCASION.search(
                r.text, m.start(), m.end()
            ):
                continue  # "signed a joint statement at a ceremony in the library", "a treaty
                # was signed at a ceremony by A and B": that ceremony
            if _at_occasion_before(r, sentence.start, m.start()):
                # (class DC) "At the burial ceremony, X laid a wreath": that occasion's
                there = [x.entity for x in r.mentions_in(sentence.start, m.start(), ("event",))]
                if there and there[0] is not None:
                    r.reg.get(r.reg.resolve(there[0])).note(
                        f"“{' '.join(r.text[m.start() : m.end()].split())}”", m.span()
                    )
                continue
            # (class Q) the day of the act's own clause first: "left Moscow on Friday after two
            # rounds of talks on Wednesday and Thursday" is Friday's send-off
            own = stated_day(r, m.start(), _clause_end(r, m.end(), sentence.end))
            when = own[0] if own is not None else None
            when = when or leading_day(r, _segment_start(r, sentence), sentence.end)
            if when is None and _AFTER_OCCASION.search(r.text, sentence.start, sentence.end):
                # "Kim and Putin signed the treaty after the talks": the day of the talks
                when = narrative_day_before(r, sentence.start)
            if late:
                if when is not None or act.needs is not None or act.name not in _NARRATED:
                    continue  # (done in the first pass)
                if any(
                    re.search(r"\b(?:in|since|on)\s+$", r.text[max(0, d.start - 7) : d.start])
                    for d in r.dates_in(sentence.start, sentence.end)
                ) or _WHERE_BEFORE.search(
                    r.text, sentence.start, m.start()
                ):
                    continue  # "since the President signed the Treaty ... in 1961", "first met
                    # in Singapore last June, where they signed a statement": their own time
                # (class Q) "The two leaders held talks on Wednesday ... Lavrov laid a wreath at
                # the Liberation Tower": the day the narrative is at, when an occasion before it
                # in the paragraph or the one before was dated
                when = _narrated_day(r, sentence)
            if when is None and act.needs is None:
                continue  # "He laid a wreath" with no day of its own: part of the visit reported
            when = when or narrative_day_before(r, sentence.start)
            key = f"event:act:{match_key(act.name)}:{when.iso if when else r.article.key}"
            event = r.reg.add(Entity(key, "event"))
            event.fields.setdefault("type", act.type)
            if when is not None:
                event.fields.setdefault("date", when)
            event.add_name(_occasion_name(act.name, when, m.span(), r.reference, article))
            hall = _AT_PLACE.search(r.text, m.end(), sentence.end)
            if hall is not None:
                event.fields.setdefault("location", hall.group("place").rstrip("."))
            event.note(f"“{' '.join(m.group(0).split())}”", m.span())
            r.held.append((sentence.start, key))
    r.held.sort(key=lambda x: x[0])


def _acts_of_occasions(r: Context) -> None:
    """ "The state funeral of X was held ... Kim Jong Un walked beside the hearse carrying the
    body": an act (``occasion_acts``) that is part of the occasion reported before it (its
    ``same`` names it, on the same day) is that occasion, not one of its own."""
    acts = {match_key(a.name): a for a in fact_lexicon().occasion_acts}
    for i, (offset, key) in enumerate(r.held):
        act = acts.get(key.split(":")[2]) if key.startswith("event:act:") else None
        before = [k for at, k in r.held[:i] if at <= offset and k != key]
        if act is None or not before or not r.reg.alive(key):
            continue
        day, its = r.reg.peek(key).fields.get("date"), r.reg.peek(before[-1]).fields.get("date")
        if act.same.search(_event_words(r, before[-1])) and (day is None or day == its):
            r.reg.merge(before[-1], key)
            r.held[i] = (offset, before[-1])
    for i, (offset, key) in enumerate(r.held):
        after = _reported_next(r, i) if key.startswith("event:act:") else None
        if after is not None and r.reg.alive(key):
            # "welcomed Xi Jinping at the airport on Thursday. A welcome ceremony was held at the
            # airport": the occasion the next sentence reports is the act's
            r.reg.merge(after, key)
            r.held[i] = (offset, after)


def _reported_next(r: Context, i: int) -> str | None:
    """The occasion held in the sentence after the act ``r.held[i]`` (or later in its own) that
    its ``same`` names, on its day or undated."""
    offset, key = r.held[i]
    act = next((a for a in fact_lexicon().occasion_acts
                if key.split(":")[2] == match_key(a.name)), None)  # fmt: skip
    sentence = r.doc.sentence_at(offset)
    if act is None or sentence is None:
        return None
    end, day = r.doc.through_next(sentence), r.reg.peek(key).fields.get("date")
    for at, other in r.held[i + 1 :]:
        if offset < at < end and other != key and not other.startswith("event:act:"):
            its = r.reg.peek(other).fields.get("date")
            if act.same.search(_event_words(r, other)) and its in (None, day):
                return other
    return None


def _act_referred(r: Context, m: re.Match[str]) -> bool:
    """Whether "the <occasion>" at ``m`` is the occasion a verb reported last before it ("the
    hearse carrying the body of X left the palace ... The farewell ceremony was attended by"):
    then it is a mention of that event."""
    current = _current_occasion(r, m.start())
    if current is None or not current.startswith("event:act:"):
        return False
    act = next((a for a in fact_lexicon().occasion_acts
                if current.split(":")[2] == match_key(a.name)), None)  # fmt: skip
    if act is None or not act.same.search(m.group("name")):
        return False
    span = (m.start("name"), m.end("name"))
    r.add_mention(Mention(span[0], span[1], m.group("name"), current, "event"))
    return True


def _current_occasion(r: Context, offset: int) -> str | None:
    """The occasion held last before ``offset`` (the one the report is at there)."""
    before = [(at, key) for at, key in r.held if at <= offset]
    return max(before, key=lambda x: x[0])[1] if before else None


def _event_words(r: Context, key: str) -> str:
    return " ".join(n.text for n in r.reg.peek(key).names) or key


def _segment_start(r: Context, sentence: Sentence) -> int:
    """Where the time cue of an act's sentence may be: there, or in the sentence before it in its
    paragraph ("On Tuesday Li Qiang left Pyongyang. Pak Pong Ju saw him off at the airport")."""
    index = r.doc.sentence_index(sentence.start)
    before = r.doc.sentences[index - 1] if index > 0 else None
    return before.start if before is not None and before.block == sentence.block else sentence.start


def _says_soon(r: Context, sentence: Sentence, what: re.Pattern[str]) -> bool:
    """Whether the sentence or one of the two after it, in its section (no headline or dateline
    between), says ``what``: "X arrived here today ... He was accompanied by A, B and other
    members of his suite. Kim Jong Il greeted the guests at the airport" (the suite between the
    arrival and the welcome)."""
    index = r.doc.sentence_index(sentence.start)
    end = sentence.end
    for after in r.doc.sentences[index + 1 : index + 3]:
        if in_headline(r, after.start):
            break
        if any(after.start <= at < after.end for at, _ in r.section_days):
            break  # another report, under its own dateline
        end = after.end
    return what.search(r.text, sentence.start, end) is not None


def _section_day(r: Context, start: int, end: int) -> PartialDate | None:
    """The first day text[start:end] gives: a date, or a weekday ("on Thursday afternoon")
    before the article's date."""
    weekday = re.compile(rf"\bon\s+({_WEEKDAY_NAMES})\b").search(r.text, start, end)
    stop = weekday.start() if weekday else end
    for d in r.dates:
        if start <= d.start < stop and d.date is not None and d.date.day is not None:
            return d.date
    if weekday and (day := report_day(r, start)) is not None and day.day is not None:
        return _last_weekday(day, weekday.group(1))
    return None


def _is_subheading(r: Context, index: int) -> bool:
    block = r.doc.blocks[index]
    body = r.text[block.start : block.end].strip()
    if block.kind == "heading":
        return True
    words = body.split()
    return (
        block.kind == "paragraph"
        and 0 < len(words) <= 6
        and "\n" not in body
        and not body.endswith((".", "!", "?", ":", ";", ","))
        and all(w[:1].isupper() for w in words if w.lower() not in ("of", "and", "the", "for"))
    )


_ON_THE_OCCASION = re.compile(r"\bon\s+the\s+occasion\b(?!\s+of\b)", re.I)
_ON = re.compile(r"\bon\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?")


_WHERE_CLAUSE = re.compile(r",\s+(?:where|when)\s+[^,.;]{0,80}$")


def _day_before_clause(r: Context, start: int, end: int) -> PartialDate | None:
    """The date that ends just before ", where ..." / ", when ..." opening the clause an occasion
    at ``end`` is told in ("in September 2023, where Kim and Putin held a summit")."""
    clause = _WHERE_CLAUSE.search(r.text, start, end)
    if clause is None:
        return None
    dates = [d for d in r.dates_in(start, clause.start()) if d.date is not None]
    if dates and not r.text[dates[-1].end : clause.start()].strip():
        return dates[-1].date
    return None


def _occasion_day(
    r: Context, m: re.Match[str], sentence: Sentence, held: bool, definite: bool
) -> tuple[PartialDate | None, int, bool]:
    """The day of an occasion: "the military parade of 10 October 2010", "a reception ... on
    Friday", "on Saturday at a ceremony", "in the evening", "will ... on Saturday". With where
    its name ends and whether the sentence gives a day ("on ...") at all."""
    rest = r.text[m.end() : sentence.end]
    dated = re.match(
        r"[^.;]{0,80}?\bon\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?", rest
    )
    date = None
    name_end = m.end("of") if m.group("of") else m.end()
    of = re.match(r"\s+of\s+", m.group("of") or "")
    if of:
        # "the military parade of 10 October 2010"
        date = r.date_at(m.start("of") + of.end())
        if date is not None:
            name_end = m.end("name")
    stop = min(90, len(rest.split(";")[0]))
    for on in _ON.finditer(rest, 0, stop) if date is None else ():
        # "held at the Revolutionary Martyrs' Cemetery on Mount Taesong on 28 February 1995"
        if _DIED_BEFORE.search(rest, 0, on.start()) or _REPORTED_BEFORE.search(rest, 0, on.start()):
            continue  # "a memorial service for X, who died on May 8, ...", "KCNA reported on ..."
        date = r.date_at(m.end() + on.end(), slack=1)
        if date is not None:
            break
    if date is None and (span := _FROM_RANGE.search(rest, 0, min(140, len(rest.split(";")[0])))):
        # (class DC) "a seminar on the juche idea held from Jan. 30 to Feb. 10", "a national
        # seminar ... was held at the Grand People's Study House from June 24 to 26": the
        # range's first day (its last is the event's end: :func:`_paired_end`)
        ranged = r.date_at(m.end() + span.end(), slack=1)
        between = (m.end(), m.end() + span.start())
        if "," in rest[: span.start()] or r.mentions_in(*between, ("event",)):
            ranged = None  # "at a plenary meeting was at the 5th plenary meeting ..., from 28 to
            # 31 December 2019": another occasion's days
        if ranged is not None and ranged.range is not None and ranged.range.first is not None:
            date = ranged
    when = date.date if date is not None else None
    if date is not None and date.range is not None and date.range.first is not None:
        when = date.range.first
    if date is not None and re.fullmatch(_WEEKDAY_NAMES, date.text.strip()):
        # "proposed holding an urgent contact at Panmunjom on Saturday": the one to come
        ahead = relative_day(r, sentence.start, sentence.end)
        if ahead is not None and ahead[1][0] <= date.start < ahead[1][1]:
            when = ahead[0]
    at_day = _ON_DAY_AT.search(r.text, sentence.start, m.start("name"))
    if when is None and at_day is not None and at_day.end() == m.start("name"):
        # "Kim made a speech on Saturday at a ceremony in the garden"
        before = r.date_at(at_day.start("day"))
        if before is not None and before.date is not None:
            when = before.date
        elif (day := report_day(r, at_day.start())) is not None and day.day is not None:
            when = _last_weekday(day, at_day.group("day"))
    relative = None
    if when is None:
        relative = relative_day(r, sentence.start, sentence.end, anchor=m.start())
    before_it = relative is not None and relative[1][0] < m.start() and not definite
    if relative is not None and (held or dated or before_it):
        when = relative[0]
        if _THAT_EVENING.fullmatch(r.text, *relative[1]):
            # (class V) "had arrived at Incheon on Friday and attended the opening ceremony that
            # evening": the evening of the day its sentence gave before it
            when = act_weekday(r, sentence.start, m.start()) or when
    if when is None and (held or dated):
        # (past a second occasion: "A parade and a mass demonstration ... took place ... on
        # Saturday")
        weekday = re.match(rf"[^.;]{{0,400}}?\bon\s+({_WEEKDAY_NAMES})\b", rest)
        if weekday and _REPORTED_BEFORE.search(rest, 0, weekday.start(1) - 3):
            weekday = None  # "..., state media reported on Wednesday": the report's day
        if weekday and (day := report_day(r, sentence.start)) is not None and day.day is not None:
            when = _last_weekday(day, weekday.group(1))
    if when is None and relative is None:
        # (class AB) "She was at Kim's side at the Vostochny Cosmodrome in September 2023,
        # where Kim and Putin held a summit": the date the relative clause hangs on
        when = _day_before_clause(r, sentence.start, m.start())
    fresh = not definite or not _named_before(r, m)
    if when is None and relative is None and fresh and not r.mentions_in(
        sentence.start, m.start(), ("event",)
    ):
        # "On Thursday, Kim and Putin held talks at ...", "packed the square on Thursday for a
        # memorial service", "On Wednesday, ... as the funeral procession left": the day the
        # sentence gives before the occasion it reports (one "the" refers back to is the one
        # named before)
        when = leading_day(r, sentence.start, m.start())
    if when is None and (held or dated):
        # (class Q) wire copy's bare weekday: "held talks Wednesday at a military garrison"
        bare = _BARE_WEEKDAY.match(rest)
        if bare and (day := report_day(r, sentence.start)) is not None and day.day is not None:
            when = _last_weekday(day, bare.group(1))
    if when is None and held:
        # (class Q) a past occasion: "Kim last held talks with a Russian leader in August 2002",
        # "in June 2019, when he and Kim Jong Un held talks"
        when = _past_month(r, sentence, m)
    return when, name_end, bool(dated)


_FUNERAL_PART = re.compile(
    r"\b(?:(?P<same>funeral\s+(?:service|procession)|(?:funeral\s+)?cortege)"
    r"|burial|interment|memorial\s+(?:service|meeting))\b",
    re.I,
)
"""(class DC) the parts of a funeral: its service and procession are the funeral itself
(``same``), its burial and a memorial service occasions of their own on the funeral's day"""


def _funeral_before(r: Context, before: int) -> tuple[str, PartialDate] | None:
    """The dated funeral ("the state funeral of X", "The funeral of X took place ... on April
    12") the text reported last before ``before``: its key and its day."""
    for x in reversed(r.mentions_in(0, before, ("event",))):
        if x.entity is None or not re.search(r"\bfuneral\b(?!\s+(?:service|procession|committee))",
                                             x.text, re.I):  # fmt: skip
            continue
        entity = r.reg.peek(x.entity)
        day = entity.fields.get("date")
        if entity.fields.get("type") == "ceremony" and isinstance(day, PartialDate):
            return r.reg.resolve(x.entity), day
    return None


_FROM_RANGE = re.compile(r"\b(?:from|between)\s+(?=\w)", re.I)
"""where a range of days after an occasion begins ("held from 5 to 20 February")"""

_THAT_EVENING = re.compile(
    r"(?:(?:later\s+)?that\s+(?:evening|night|afternoon|morning|day))", re.I
)

_BARE_WEEKDAY = re.compile(
    r"\s+(?:(?:early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WHEN_AFTER = re.compile(r"\s*,\s*when\b[^.;]*$")


def _past_month(r: Context, sentence: Sentence, m: re.Match[str]) -> PartialDate | None:
    """The month or year "in" which a past occasion was held, stated after it in its clause
    ("held talks with X in August 2002") or before it with "when" ("in June 2019, when he and
    Kim Jong Un held talks"); only a date before the article's (a date at day precision is the
    "on" of :func:`_occasion_day`)."""
    reference = r.reference
    if reference is None:
        return None
    stops = (r.text.find(mark, m.end(), sentence.end) for mark in ";,")
    clause_end = min((i for i in stops if i >= 0), default=sentence.end)
    for d in r.dates_in(sentence.start, sentence.end):
        if d.date is None or d.date.day is not None:
            continue
        if d.date.month is None or reference.month is None:
            past = d.date.year < reference.year
        else:
            past = (d.date.year, d.date.month) < (reference.year, reference.month)
        if not past:
            continue
        if not re.search(r"\bin\s+$", r.text[max(0, d.start - 4) : d.start]):
            continue  # "since 2019", "until May": a term's bound, not the occasion's day
        after = m.end() <= d.start < clause_end
        before = d.end <= m.start() and _WHEN_AFTER.match(r.text, d.end, m.start()) is not None
        if after or before:
            return d.date
    return None


def _named_before(r: Context, m: re.Match[str]) -> bool:
    """Whether an event mention before ``m`` ends with the same noun ("the banquet" after "a
    grand banquet")."""
    noun = m.group("noun").lower()
    return any(x.text.lower().endswith(noun) for x in r.mentions_in(0, m.start(), ("event",)))


def _add_occasion(
    r: Context,
    m: re.Match[str],
    span: tuple[int, int],
    name: str,
    kind: str,
    when: PartialDate | None,
    sentence: Sentence,
    *,
    current: bool = True,
) -> str:
    """The occasion's event (its key), its place, and its mention; ``current``: the occasion
    the report is at from its sentence on (not a second one reported with the first)."""
    # undated, a description is this article's own: another article's "talks" are others
    key = f"event:occasion:{match_key(name)}:{when.iso if when else r.article.key}"
    event = r.reg.add(Entity(key, "event"))
    event.fields.setdefault("type", kind)
    if when is not None:
        event.fields.setdefault("date", when)
        last = _paired_end(r, m.end(), sentence.end, when)
        if last is not None:
            event.fields.setdefault("end", last)
    article = r.article.key.split(":")[-1]
    event.add_name(_occasion_name(name, when, span, r.reference, article))
    rest = r.text[m.end() : sentence.end]
    place = _in_place(r).search(rest)
    hall = _AT_PLACE.search(rest)
    if place or hall:
        event.fields.setdefault(
            "location",
            (place.group("place") if place else hall.group("place")).rstrip("."),  # type: ignore[union-attr]
        )
    event.note(f"“{' '.join(r.text[m.start() : m.end()].split())}”", span)
    r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
    if current:
        r.held.append((sentence.start, event.key))
    return event.key


def _paired_end(r: Context, start: int, stop: int, when: PartialDate) -> PartialDate | None:
    """ "two rounds of talks with X on Wednesday and Thursday", "a visit from Monday to
    Wednesday": the last day of an occasion dated by a pair or range of weekdays after it."""
    for d in r.dates_in(start, min(stop, start + 160)):
        # (class DC) "held from June 24 to 26": the range that begins on the occasion's day
        if d.range is not None and d.range.first == when and d.range.last is not None:
            return d.range.last
    found = _weekdays(r, start, min(stop, start + 90))
    if found is None:
        return None
    (first, last), _ = found
    return last if last is not None and first == when else None


_QUANTIFIED = re.compile(
    r"\b(?:(?:about|some|nearly|almost|over|more\s+than)\s+)?(?:an?|one|two|three|four|five"
    r"|several|\d+|the\s+(?:first|second|third|fourth|fifth|last|final))"
    r"\s+(?:rounds?|hours?|minutes?|days?|sessions?)\s+of\s+$",
    re.I,
)
"""a count of an occasion's rounds or length before its noun: "held about 90 minutes of talks
with", "after two rounds of talks with", "three days of talks" (as "held talks with")"""


def _quantified(r: Context, sentence: Sentence, m: re.Match[str]) -> re.Match[str] | None:
    """The count before the occasion at ``m`` (:data:`_QUANTIFIED`), not of one to come
    ("agreed to hold two rounds of talks next month")."""
    found = _QUANTIFIED.search(r.text, max(sentence.start, m.start() - 40), m.start())
    if found is None or speaks_ahead(r, sentence.start, m.end()):
        return None
    if _COUNTED_AFTER.search(r.text, max(sentence.start, found.start() - 60), found.start()):
        return None  # "a day after they held two rounds of talks": background to the news
    return found


_COUNTED_AFTER = re.compile(r"\b(?:days?|weeks?|hours?)\s+(?:after|before)\b[^,;]*$", re.I)


_PLACE_SUMMIT = re.compile(
    r"\b(?i:the|a|an)\s+(?:(?:failed|planned|historic|first|second|last|collapsed|abortive)\s+)?"
    r"(?P<name>(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?P<noun>summit|talks))\b"
)
_SUMMIT_DATE = re.compile(r"\s+(?:on|in|of)\s+")
_SUMMITS_IN = re.compile(
    r"\bsummits\s+(?:with\s+(?:the\s+)?[\w.'’-]+\s+)?in\s+(?P<a>[A-Z][a-z]+)"
    r"\s+and\s+(?P<b>[A-Z][a-z]+)\b"
)
"""two summits named by their places: "the summits with the U.S. in Singapore and Hanoi"."""


def _one_conferral(r: Context) -> None:
    """ "a ceremony of conferring the title of DPRK Hero ... took place ... Kim Yong Nam
    conferred the title of DPRK Hero ... on Ri Hong Sop": one act, not two. A title conferred
    in the two paragraphs after a ceremony of conferring that title is that ceremony's."""
    ceremonies = [
        m for m in r.mentions
        if m.kind == "event" and m.entity and str(m.entity).startswith("event:occasion:")
        and r.reg.peek(m.entity).fields.get("type") == "conferral"
    ]  # fmt: skip
    for act in [e for e in r.reg.of_kind("event") if e.fields.get("type") == "conferral"]:
        span, title = act.attrs.get("span"), str(act.fields.get("title", ""))
        if act.known or not span or not title or act.key.startswith("event:occasion:"):
            continue
        block = r.doc.block_at(span[0]) or 0
        first = re.split(r",|\s+and\s+", title)[0]
        for m in reversed([c for c in ceremonies if c.start < span[0]]):
            sentence = r.doc.sentence_at(m.start)
            said = r.text[m.start : sentence.end] if sentence is not None else m.text
            words = set(re.findall(r"\w+", first.lower()))
            if block - (r.doc.block_at(m.start) or 0) <= 2 and words <= set(
                re.findall(r"\w+", said.lower())
            ):
                r.reg.merge(str(m.entity), act.key)
                break


def _names_series(r: Context, name: str) -> bool:
    """Whether ``name`` ("plenary meeting of the 8th Central Committee") is the name of a
    numbered series the text names."""
    key = series_key(name)
    return any(
        e.fields.get("type") == "series" and e.attrs.get("series_key") == key
        for e in r.reg.of_kind("event")
    )


_PERSON_SUMMIT = re.compile(
    r"\b(?:summit|summit\s+talks)\s+with\s+(?:(?:U\.S\.|US|Russian|Chinese|South\s+Korean)\s+)?"
    r"(?:(?:President|Prime\s+Minister|leader|Chairman|General\s+Secretary)\s+)?"
)
_SUMMIT_PLACE = re.compile(
    r"\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
_SUMMIT_HELD = re.compile(
    r"\s*,?\s+(?:(?:which\s+was\s+|that\s+was\s+)?held\s+|that\s+took\s+place\s+"
    r"|(?:collapsed|ended|broke\s+down|took\s+place)\s+(?:without\s+(?:a\s+|an\s+)?\w+\s+)?)?"
    r"(?:on|in)\s+"
)


def _summit_days(r: Context, date: DateMention) -> tuple[PartialDate | None, PartialDate | None]:
    """The days of a summit dated "on Feb. 27 and 28", "Feb. 27-28, 2019", "on Sept. 13"."""
    first, last = _period(date)
    if first is not None and date.year_inferred and date.range is None:
        first = past_date(r, date)
    then = _AND_DAY_AFTER.match(r.text, date.end)
    if (
        then and first is not None and first.day is not None and last is None
        and first.day < int(then.group(1)) <= 31
    ):  # "on Feb. 27 and 28"  # fmt: skip
        year = re.match(r",?\s*(\d{4})\b", r.text[then.end() : then.end() + 7])
        if year and date.year_inferred:  # "on Feb 27 and 28, 2019"
            first = PartialDate(int(year.group(1)), first.month, first.day)
        last = PartialDate(first.year, first.month, int(then.group(1)))
    return first, last


def _person_summits(r: Context) -> None:
    """ "his summit with Donald Trump in Hanoi, held on Feb 27 and 28", "His summit with
    Vladimir Putin at the Vostochny Cosmodrome on Sept. 13": a meeting with the one named,
    where and when the text says (only when it gives a date)."""
    for m in _PERSON_SUMMIT.finditer(r.text):
        people = [p for p in r.mentions_in(m.end(), m.end() + 60, ("person",)) if p.entity]
        if not people or people[0].start != m.end():
            continue
        person = people[0]
        place = _SUMMIT_PLACE.match(r.text, person.end)
        at = place.end() if place else person.end
        held = _SUMMIT_HELD.match(r.text, at)
        date = r.date_at(held.end()) if held else None
        if date is None or date.date is None:
            continue
        first, last = _summit_days(r, date)
        if first is None:
            continue
        name = f"summit with {straight(person.text)}"
        event = r.reg.add(Entity(f"event:occasion:{match_key(name)}:{first.iso}", "event"))
        event.fields.setdefault("type", "meeting")
        event.fields.setdefault("date", first)
        if last is not None and last != first:
            event.fields.setdefault("end", last)
        if place:
            event.fields.setdefault("location", place.group("place"))
        span = (m.start(), person.end)
        event.add_name(NameDraft(name, derived=True, spans=[span]))
        event.note(f"“{' '.join(r.text[m.start() : date.end].split())}”", span)
        # No mention: the occasion a sentence reports ("met Putin ..., two months after his
        # summit with Trump") stays the one its attendance belongs to.


def _place_summits(r: Context) -> None:
    """ "the Hanoi summit on Feb. 27 and 28", "the Singapore summit": a meeting named only by
    the place it was held; the leaders the text names with it are its participants (the
    attendance pass). One per place in an article, dated where a mention is."""
    for two in _SUMMITS_IN.finditer(r.text):
        for group in ("a", "b"):
            if r.mentions_in(two.start(group), two.end(group), ("person", "organ", "event")):
                continue
            name = f"{two.group(group)} summit"
            event = r.reg.add(Entity(f"event:occasion:{match_key(name)}:{r.article.key}", "event"))
            event.fields.setdefault("type", "meeting")
            event.fields.setdefault("location", two.group(group))
            span = two.span(group)
            event.add_name(NameDraft(name, derived=True, spans=[span]))
            event.note(f"“{' '.join(two.group(0).split())}”", span)
            r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
    for m in _PLACE_SUMMIT.finditer(r.text):
        sentence = r.doc.sentence_at(m.start())
        if sentence is None or r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        if r.mentions_in(m.start("place"), m.end("place"), ("person", "organ", "event")):
            continue  # "the Kim-Trump summit", "the Party talks": not a place
        name = f"{m.group('place')} {m.group('noun').lower()}"
        key = f"event:occasion:{match_key(name)}:{r.article.key}"
        event = r.reg.add(Entity(key, "event"))
        event.fields.setdefault("type", "meeting")
        event.fields.setdefault("location", m.group("place"))
        after = _SUMMIT_DATE.match(r.text, m.end(), sentence.end)
        date = r.date_at(after.end()) if after else None
        if date is not None and "date" not in event.fields:
            first, last = _period(date)
            then = _AND_DAY_AFTER.match(r.text, date.end)
            if (
                then and first is not None and first.day is not None and last is None
                and first.day < int(then.group(1)) <= 31
            ):  # "on Feb. 27 and 28"  # fmt: skip
                last = PartialDate(first.year, first.month, int(then.group(1)))
            if first is not None:
                event.fields["date"] = first
                if last is not None and last != first:
                    event.fields["end"] = last
        span = (m.start("name"), m.end("name"))
        if not event.names:
            event.add_name(NameDraft(name, derived=name != r.text[span[0] : span[1]],
                                     spans=[span]))  # fmt: skip
        event.note(f"“{' '.join(r.text[m.start() : m.end()].split())}”", span)
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))


_ON_DAY_AT = re.compile(
    r"\bon\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+"
    r"|[A-Z][a-z]+\.?\s+\d{1,2})\s+(?:at|during)\s+(?:a|an|the)\s+"
)
"""a day given just before an occasion: "on Saturday at a ceremony"."""

_HELD_BEFORE = re.compile(
    r"\b(?:held|holds|hold|holding|convened|convenes|convene|convening|opened|called"
    r"|presided\s+over|chaired|guided)\s+"
    r"(?:(?:the|an?|its|their)\s+)?(?:(?:enlarged|expanded|extended|emergency|extraordinary"
    r"|joint)\s+)*$",
    re.I,
)
"""an event a subject held: "the WPK held the enlarged sixth plenary meeting of ..."."""
_WEEKDAY_AFTER = re.compile(
    r"\s*,?\s*on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
"""a weekday right after an event's name ("at the sixth session of the SPA on Thursday")"""
_DATE_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:\(\s*|(?:on|in|from)\s+(?:(?:late|early|mid)[\s-]+)?|(?=(?:last|this|next)\s))"
)
"""what may stand between an event's name and its date: "on", "in late", "(", or nothing before a
month counted from the article's ("at the First Session of the 11th SPA last September")"""
_AND_DAY_AFTER = re.compile(r"\s+and\s+(\d{1,2})\b(?!\s*(?:January|February|March|April|May"
                            r"|June|July|August|September|October|November|December))")

_GIVEN_BEFORE = re.compile(
    r"\b(?:held|holds|hold|holding|had|gave|gives|give|giving|hosted|hosts|host|hosting"
    r"|arranged|arranges|provided|provides|attended|attends|sat\s+down\s+to|sat\s+down\s+for"
    r"|took\s+part\s+in|participated\s+in|ended|concluded|wrapped\s+up)\s+(?:(?:a|an)\s+)?$",
    re.I,
)
"""an occasion someone held or gave: "held talks with", "gave a grand banquet for"."""
_HELD_OCCASION = re.compile(
    r"\s*(?:,\s*)?(?:which\s+)?(?:(?:was|were|is|are|will\s+be|would\s+be|is\s+to\s+be)\s+)?"
    r"(?:held|took\s+place|staged|will\s+take\s+place|will\s+follow)\b"
    r"|[^.;]{0,90}?\b(?:was|were|will\s+be)\s+(?:\w+\s+)?(?:held|given|staged|attended|hosted)\b"
    r"|\s+and\s+(?:a|an)\s+[^.;,]{0,90}?\b(?:took\s+place|were\s+(?:\w+\s+)?held)\b",
    re.I,
)
"""an occasion said to be held: "the funeral will be held", "Talks between A and B were held",
"a performance was given by ...", "A military parade and a mass demonstration of working people
took place"."""

_PRESIDED_AFTER = re.compile(
    r"(?P<more>[^,.;()]{0,60}?)\s*,?\s+(?:presided\s+over|chaired|convened|guided)\s+by\b"
)
"""an occasion someone presided over, after the words that end its name."""

_WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAYS = re.compile(
    rf"(?:{WEEKDAY_AT}(?P<on>{_WEEKDAY_NAMES})(?:\s+and\s+(?P<and>{_WEEKDAY_NAMES}))?"
    rf"|\bfrom\s+(?P<from>{_WEEKDAY_NAMES})\s+(?:to|till|until|through)\s+(?P<to>{_WEEKDAY_NAMES})"
    rf"|\b(?:ended|closed|concluded|wrapped\s+up)\s+(?:on\s+)?(?P<ended>{_WEEKDAY_NAMES}))\b"
)
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _weekdays(
    r: Context, start: int, end: int
) -> tuple[tuple[PartialDate, PartialDate | None], tuple[int, int]] | None:
    """ "held on Monday", "on Wednesday and Thursday", "from Monday to Wednesday": the days
    of the week before the article's day (its date must be known)."""
    reference = r.reference
    if reference is None or reference.day is None or r.reference_inferred:
        return None
    m = _WEEKDAYS.search(r.text, start, end)
    if m is None:
        return None
    import calendar

    if m.group("ended"):
        # "the five-day plenary meeting ... that ended Saturday": its last day, and its first
        # when the sentence says how long it lasted
        last = _last_weekday(reference, m.group("ended"))
        sentence = r.doc.sentence_at(start)
        long = re.search(_DAYS_LONG, r.text[sentence.start if sentence else start : start])
        if long is None:
            return (last, None), (m.start(), m.end())
        n = long.group("days")
        back = int(n) - 1 if n.isdigit() else _NUMBER_WORDS.index(n) + 1
    else:
        first_name = m.group("on") or m.group("from")
        last_name = m.group("and") or m.group("to")
        last = _last_weekday(reference, last_name or first_name)
        if last_name is None:
            return (last, None), (m.start(), m.end())
        names = list(calendar.day_name)
        back = (names.index(last_name) - names.index(first_name)) % 7
    return (shift_day(last, -back), last), (m.start(), m.end())


def _last_weekday(reference: PartialDate, name: str) -> PartialDate:
    import calendar
    import datetime as dt

    day = dt.date(reference.year, reference.month or 1, reference.day or 1)
    wanted = list(calendar.day_name).index(name)
    when = day - dt.timedelta(days=(day.weekday() - wanted) % 7)
    return PartialDate(when.year, when.month, when.day)


_HELD_BY = re.compile(
    rf"\s+(?:has\s+|had\s+)?(?:held|convened|opened)\s+(?:an?|its|the)\s+{_KINDS}"
    r"(?:\s+(?:on|in)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)?",
    re.I,
)


_OF_DATE = re.compile(
    r"\s+(?P<head>(?:enlarged\s+|expanded\s+)?(?:plenary\s+meeting|plenum|meeting|session))"
    r"\s+(?:of|on)\s+",
    re.I,
)


def _of_date(r: Context) -> None:
    """ "The KWP Central Committee plenary meeting of 31 March 2013": an event named by its
    organ, kind and day."""
    for organ in [m for m in r.mentions if m.kind == "organ" and m.entity]:
        m = _OF_DATE.match(r.text, organ.end)
        if not m or in_headline(r, organ.start):
            continue
        date = r.date_at(m.end())
        if date is None or date.date is None or date.date.day is None:
            continue
        head = re.sub(r"\s+", " ", m.group("head").lower())
        name = " ".join(r.text[organ.start : date.end].split())
        key = f"event:held:{match_key(name)}:{date.date.iso}"
        event = r.reg.add(Entity(key, "event"))
        event.fields.setdefault("type", head_kind(head))
        event.fields.setdefault("date", date.date)
        event.fields.setdefault("organizer", [Ref(r.reg.resolve(organ.entity))])  # type: ignore[arg-type]
        span = (organ.start, date.end)
        event.add_name(NameDraft(straight(name), spans=[span]))
        event.note(f"“{name}”", span)
        r.mentions.replace([x for x in r.mentions if not (span[0] <= x.start and x.end <= span[1])])
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))


def _held_by(r: Context) -> None:
    """ "The politburo of the WPK Central Committee held an expanded meeting on Thursday": the
    meeting of the organ, on the day the sentence gives."""
    for organ in [m for m in r.mentions if m.kind == "organ" and m.entity]:
        m = _HELD_BY.match(r.text, organ.end)
        if not m or in_headline(r, organ.start):
            continue
        head = re.sub(r"\s+", " ", m.group("head").lower())
        if head.endswith("s") and not head.endswith("ss"):
            continue
        sentence = r.doc.sentence_at(organ.start)
        when = None
        day = report_day(r, organ.start) if m.group("weekday") else None
        if day is not None and day.day is not None:
            when = _last_weekday(day, m.group("weekday").capitalize())
        else:
            dates = [d for d in r.dates_in(m.end(), sentence.end if sentence else m.end())
                     if d.date is not None]  # fmt: skip
            when = dates[0].date if dates else None
        name = _title_case(head) + " of the " + straight(organ.text)
        key = f"event:held:{match_key(name)}:{when.iso if when else ''}"
        event = r.reg.add(Entity(key, "event"))
        event.fields.setdefault("type", head_kind(head))
        if when is not None:
            event.fields.setdefault("date", when)
        event.fields.setdefault("organizer", [Ref(r.reg.resolve(organ.entity))])  # type: ignore[arg-type]
        span = (m.start("head"), m.end("head"))
        event.add_name(NameDraft(name, derived=True))
        event.note(f"“{' '.join(r.text[organ.start : m.end()].split())}”", (organ.start, m.end()))
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
        if sentence is not None:
            r.held.append((sentence.start, event.key))


def _period(date: DateMention) -> tuple[PartialDate | None, PartialDate | None]:
    if date.range is not None:
        return date.range.first, date.range.last
    return date.date, None


def _in_place(r: Context) -> re.Pattern[str]:
    places = sorted(r.lex.places, key=len, reverse=True)
    return re.compile(r"\bin\s+(?P<place>" + "|".join(re.escape(p) for p in places) + r")\b")


def _when_and_where(r: Context) -> None:
    """The date (or period) and place of events whose sentence says they were held."""
    in_place = _in_place(r)
    seen: set[str] = {key for _, key in r.held}
    done: set[int] = set()
    for mention in list(r.mentions):
        if mention.kind != "event" or not mention.entity:
            continue
        entity = r.entity(mention.entity)
        if entity.known or entity.fields.get("type") in ("series", "decision", "conferral"):
            continue
        if entity.key in seen and (entity.fields.get("date") is not None or mention.start in done):
            continue  # (an undated one again once the events before it are dated)
        sentence = r.doc.sentence_at(mention.start)
        if sentence is None or r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        rest = r.text[mention.end : sentence.end]
        held = HELD.search(rest) or _HELD_BEFORE.search(r.text, sentence.start, mention.start)
        # "the first session of the 14th SPA on April 11 and 12", "the 3rd Plenary Meeting in
        # late June", "the 7th Congress (6 to 9 May 2016)": a date right after the name dates
        # the event, though the sentence is about something else
        direct = _DATE_AFTER.match(rest)
        direct_date = r.date_at(mention.end + direct.end(), slack=1) if direct else None
        if not held and (direct_date is None or direct_date.date is None):
            # "elected X ... at the sixth session of the 9th SPA on Thursday": a weekday right
            # after the name dates the event as a printed day would (lever L7)
            weekday = _WEEKDAY_AFTER.match(rest) if direct is not None else None
            if weekday is not None and entity.fields.get("date") is None:
                day = act_weekday(r, mention.end, mention.end + weekday.end())
                if day is not None:
                    entity.fields["date"] = day
                    entity.note(f"held {weekday.group(0).strip()}", (mention.start, mention.end))
            continue
        # The date: the first the sentence states after the name (before the next event).
        later_events = [
            x for x in r.mentions_in(mention.end, sentence.end, ("event",)) if x is not mention
        ]
        limit = later_events[0].start if later_events else sentence.end
        _date_event(r, entity, (mention.start, mention.end), limit, None if held else direct_date)
        if not held:
            continue  # dated in passing: no sentence of its own
        _close_event(r, entity, mention.end, rest, limit)
        if (sentence.start, entity.key) not in r.held:
            r.held.append((sentence.start, entity.key))
        seen.add(entity.key)
        done.add(mention.start)
        _place_event(r, entity, r.text[mention.end : limit], in_place, sentence)


def _held_days(
    r: Context, start: int, limit: int, only: DateMention | None = None
) -> tuple[PartialDate, PartialDate | None, tuple[int, int]] | None:
    """When text[start:limit] says an event was held: the first date stated ("on 11 and 12
    April 2019", "on April 11 and 12", "from 28 to 31 December"), else weekdays ("from Monday
    to Saturday"), else a day relative to another ("today", "yesterday", "the same day").
    The first day, the last (or None) and the span that says so."""
    dates = [only] if only is not None else [
        d for d in r.dates_in(start, limit) if d.date is not None
    ]  # fmt: skip
    if dates:
        first, last = _period(dates[0])
        if first is None:
            return None
        if dates[0].year_inferred:  # "31 December 2019 — ..., held from 28 to 31 December"
            first, last = _year_of_line(r, dates[0], first, last)
        both = _AND_DAY.search(r.text, max(0, dates[0].start - 12), dates[0].start)
        if both and first.day is not None and last is None:
            # "on 11 and 12 April 2019": the first day, then the date.
            first, last = PartialDate(first.year, first.month, int(both.group(1))), first
        then = _AND_DAY_AFTER.match(r.text, dates[0].end)
        if then and first.day is not None and last is None and first.day < int(then.group(1)) <= 31:
            # "on April 11 and 12": the date, then the last day
            last = PartialDate(first.year, first.month, int(then.group(1)))
        period = dates[0].range or dates[0]  # "held 11 and 12 April 2019", the whole period
        return first, last, (period.start, period.end)
    days = _weekdays(r, start, limit)
    if days is not None:
        (first, last), span = days
        return first, last, span
    same = _SAME_DAY.search(r.text, start, limit)
    stated = _day_stated_before(r, start) if same else None
    if same and stated is not None:
        return stated, None, same.span()
    relative = relative_day(r, start, limit)
    if relative is not None:  # "opened at the Mansudae Assembly Hall today"
        return relative[0], None, relative[1]
    return _leading_relative(r, start)


def _leading_relative(r: Context, start: int) -> tuple[PartialDate, None, tuple[int, int]] | None:
    """ "Six days later, the 6th Plenary Meeting ... opened": a day relative to the narrative's
    that opens the sentence of an event its name does not date."""
    sentence = r.doc.sentence_at(start)
    lead = relative_day(r, sentence.start, start) if sentence is not None else None
    if lead is None or r.text[sentence.start : lead[1][0]].strip():  # type: ignore[union-attr]
        return None
    return lead[0], None, lead[1]


def _year_of_line(
    r: Context, date: DateMention, first: PartialDate, last: PartialDate | None
) -> tuple[PartialDate, PartialDate | None]:
    """A year-less period in a line that opens with a date of that month and year ("31
    December 2019 — ..., held from 28 to 31 December"): that year, not the one nearest the
    article's date (not a year said in passing: "since June 2012 ... in late June")."""
    sentence = r.doc.sentence_at(date.start)
    if sentence is None:
        return first, last
    years = {
        d.date.year for d in r.dates_in(sentence.start, date.start)
        if d.date is not None and not d.year_inferred and d.date.month == first.month
        and not r.text[sentence.start : d.start].strip(" \t-*•–")
    }  # fmt: skip
    if len(years) != 1:
        return first, last
    year = years.pop()
    return (
        PartialDate(year, first.month, first.day),
        None if last is None else PartialDate(year, last.month, last.day),
    )


_SAME_DAY = re.compile(r"\b(?:on\s+)?the\s+same\s+day\b", re.I)
_TODAY = re.compile(r"\b(?:today|yesterday)\b", re.I)


def _day_stated_before(r: Context, offset: int) -> PartialDate | None:
    """The day the text stated last before ``offset``, which "on the same day" means: a date
    with its day, "yesterday" or "today", or the day of an event named, in the sentences
    before (the congress "concluded its work yesterday" ... "elected ... The first plenary
    meeting, held on the same day")."""
    before = [s for s in r.doc.sentences if s.start < offset][-8:]
    for sentence in reversed(before):
        end = min(sentence.end, offset)
        days = [d.date for d in r.dates_in(sentence.start, end)
                if d.date and d.date.day and not in_speech(r, d.start)]  # fmt: skip
        if days:  # (not a day a speaker recalls: "Last year, on October 10, we ...")
            return days[-1]
        if _TODAY.search(r.text, sentence.start, end):
            relative = relative_day(r, sentence.start, end)
            if relative is not None:
                return relative[0]
        for m in reversed(r.mentions_in(sentence.start, end, ("event",))):
            date = r.reg.peek(m.entity).fields.get("date") if m.entity else None
            if isinstance(date, PartialDate) and date.day is not None:
                return date
    return None


def _date_event(
    r: Context,
    entity: Entity,
    name: tuple[int, int],
    limit: int,
    only: DateMention | None = None,
) -> None:
    """Date an event from what follows its name (an undated one, or one dated the same)."""
    found = _held_days(r, name[1], limit, only)
    if found is None:
        return
    first, last, span = found
    current = entity.fields.get("date")
    if _within_month(current, first):
        # "convened in December 2019 ... The plenum, which opened on 28 December": that month's
        # days, in the year stated with the month
        assert isinstance(current, PartialDate)
        first = PartialDate(current.year, first.month, first.day)
        last = None if last is None else PartialDate(current.year, last.month, last.day)
    elif current is not None and not (isinstance(current, PartialDate) and current == first):
        return
    entity.fields["date"] = first
    if last is not None and last != first:
        entity.fields["end"] = last
    entity.note(f"held {' '.join(r.text[span[0] : span[1]].split())}", (name[0], span[1]))


def _month_only(date: object) -> bool:
    return isinstance(date, PartialDate) and date.day is None and date.month is not None


def _within_month(current: object, day: PartialDate) -> bool:
    """An event dated to a month only, now given a day of that month."""
    return (
        isinstance(current, PartialDate) and current.day is None and current.month is not None
        and current.month == day.month and day.day is not None
    )  # fmt: skip


def _close_event(r: Context, entity: Entity, start: int, rest: str, limit: int) -> None:
    """ "closed on 31 December", "concluded its work yesterday": the event's last day."""
    closed = _CLOSED.search(rest)
    first = entity.fields.get("date")
    if not closed or "end" in entity.fields or not isinstance(first, PartialDate):
        return
    tail = start + closed.end()
    later = [d for d in r.dates_in(tail, limit) if d.date is not None]
    if later:
        closing = later[0].date if later[0].date is not None else None
        if closing is not None and later[0].year_inferred and closing.month is not None:
            closing = PartialDate(first.year, closing.month, closing.day)  # the year it opened
    else:
        days = _weekdays(r, tail, limit)
        relative = relative_day(r, tail, limit)
        closing = days[0][0] if days else relative[0] if relative else None
    if closing is not None and closing.certainly_after(first):
        entity.fields["end"] = closing


def _place_event(
    r: Context, entity: Entity, body: str, in_place: re.Pattern[str], sentence: Sentence
) -> None:
    """ "in Pyongyang", "at the Mansudae Assembly Hall": where the event was held."""
    if "location" in entity.fields:
        return
    city = in_place.search(body)
    hall = _AT_PLACE.search(body)
    place = city.group("place") if city else (hall.group("place") if hall else None)
    if place:
        place = place.rstrip(".")
        entity.fields["location"] = place
        entity.note(f"held in {place}", (sentence.start, sentence.end))


def _organizers(r: Context) -> None:
    """An event "of" an organ (a plenary meeting of the Central Committee) is convened by it."""
    for mention in list(r.mentions):
        if mention.kind != "event" or not mention.entity:
            continue
        entity = r.entity(mention.entity)
        if entity.known or "organizer" in entity.fields:
            continue
        if entity.fields.get("type") in ("series", "decision", "conferral"):
            continue
        of = re.search(rf"\bof\s+(?:the\s+)?(?:{_ORDINALS}\s+)?", mention.text, re.I)
        if not of:
            continue
        at = mention.start + of.end()
        inner = sorted(
            (
                s for s in r.nested_spans
                if s[0] == at and s[1] <= mention.end
                and re.fullmatch(r"(?:\s*,.*|\s+of\s.*)?", r.text[s[1] : mention.end], re.S)
                and not r.reg.peek(s[2]).attrs.get("collective")
            ),
            key=lambda s: -(s[1] - s[0]),
        )  # fmt: skip
        if inner:
            entity.fields["organizer"] = [Ref(r.reg.resolve(inner[0][2]))]
            entity.note(f"convened by the organ it is of: “{r.text[inner[0][0] : inner[0][1]]}”",
                        (mention.start, mention.end))  # fmt: skip


def _events_in_order(r: Context) -> list[Mention]:
    out = []
    for m in r.mentions:
        if m.kind != "event" or not m.entity:
            continue
        entity = r.reg.peek(m.entity)
        kind = entity.fields.get("type") or (
            r.known.event_types.get(entity.known or "") if entity.known else None
        )
        if kind in ("series", "decision") or (
            kind == "conferral" and not str(m.entity).startswith("event:occasion:")
        ):
            continue  # a ceremony of conferring is an occasion; a conferral an act
        out.append(m)
    return out


def _main_event(r: Context) -> None:
    """The event the article reports: the first one the body says was held, else the one its
    headline names and its body names again."""
    events = _events_in_order(r)
    body = [m for m in events if r.doc.blocks[r.doc.block_at(m.start) or 0].kind
            not in ("title", "heading")]  # fmt: skip
    for m in body:
        sentence = r.doc.sentence_at(m.start)
        if sentence is not None and (
            HELD.search(r.text[m.end : sentence.end])
            or _HELD_BEFORE.search(r.text, sentence.start, m.start)  # "X held an enlarged ..."
        ):
            r.main_event = r.reg.resolve(m.entity)  # type: ignore[arg-type]
            return
    for m in body:  # "Kim attended the first session of the 12th SPA as a deputy"
        sentence = r.doc.sentence_at(m.start)
        if sentence is not None and _ATTENDED_BEFORE.search(r.text, sentence.start, m.start):
            r.main_event = r.reg.resolve(m.entity)  # type: ignore[arg-type]
            return
    titled = {r.reg.resolve(m.entity) for m in events if m not in body}  # type: ignore[arg-type]
    for m in body:
        if r.reg.resolve(m.entity) in titled:  # type: ignore[arg-type]
            r.main_event = r.reg.resolve(m.entity)  # type: ignore[arg-type]
            return


_ATTENDED_BEFORE = re.compile(
    r"\b(?<!who\s)(?:attended|addressed|appeared\s+at)\s+(?:the|an?)\s+$", re.I
)
MEETING_TYPES = frozenset({"session", "plenary-meeting", "meeting", "congress", "conference"})
"""The event types of meetings (what a lead's or a clause's date may date)."""


def _dated_by_lead(r: Context) -> None:
    """ "SEOUL, April 13 (Kyodo) -- North Korea's parliament convened Sunday ... Kim did not
    attend the third session of the 14th SPA": the meeting the article reports, undated where
    it is named, is of the day the report's lead gives its news by (a weekday, not the day of
    the report), when it is named in the lead's paragraph or the next."""
    main = r.main_event
    if main is None:
        return
    entity = r.entity(main)
    kind = entity.fields.get("type")
    if entity.known or "date" in entity.fields or kind not in MEETING_TYPES:
        return
    lead = r.doc.lead()
    first = min((m.start for m in r.mentions if m.entity and r.reg.resolve(m.entity) == main
                 and not in_headline(r, m.start)), default=None)  # fmt: skip
    if lead is None or first is None or (r.doc.block_at(first) or 0) > lead.block + 1:
        return
    day = lead_day(r, len(r.text))
    if day is not None:
        entity.fields["date"] = day
        entity.note("held on the weekday the report's lead gives")


def _event_type(r: Context, key: str) -> str | None:
    entity = r.reg.peek(key)
    if entity.known:
        return r.known.event_types.get(entity.known)
    return entity.fields.get("type")


def _of_type(r: Context, key: str, types: tuple[str, ...]) -> bool:
    kind = _event_type(r, key)
    return kind is not None and kind in types


def _dated(r: Context, key: str) -> bool:
    entity = r.reg.peek(key)
    if entity.known:
        return bool(r.known.event_dates.get(entity.known))
    return entity.fields.get("date") is not None


def _references(r: Context) -> None:
    """ "the plenum", "the session", "the meeting": the event of that kind named last before,
    else the event the article reports."""
    flex = fact_lexicon()
    events = _events_in_order(r)
    for m in _reference_pattern().finditer(r.text):
        if r.doc.block_at(m.start()) is None or _inside_event(r, m.start(), m.end()):
            continue
        if any(
            x.kind == "event" and x.start <= m.start("words") and m.end() <= x.end
            and str(x.entity).startswith("event:occasion:")
            for x in r.mentions
        ):  # fmt: skip
            continue  # "the military parade of 10 October 2010": the occasion itself
        words = tuple(w.lower() for w in m.group("words").split())
        types: tuple[str, ...] = ()
        for size in range(len(words), 0, -1):
            types = flex.event_references.get(words[-size:], ())
            if types:
                break
        if not types:
            continue
        if _elsewhere(r, m.start(), m.end(), words[-1]):
            continue  # "At the rally in Hamhung" after "similar rallies": another one
        before = [e for e in events if e.end <= m.start() and not bounds_a_term(r, e.start)]
        target = None
        here = r.doc.block_at(m.start()) or 0
        for e in reversed(before):
            # "the meeting": the event named a meeting in this paragraph or the two before,
            # rather than a session named after it; "the ceremony": a ceremony of conferring
            # rather than a banquet
            if (r.doc.block_at(e.start) or 0) < here - 2:
                break
            if (
                e.entity is not None
                and _of_type(r, e.entity, types)
                and re.search(rf"\b{re.escape(words[-1])}\b", e.text, re.I)
            ):
                target = r.reg.resolve(e.entity)
                break
        # (class Q) "A military parade and a mass rally were held ... Ri Myong Su reported on
        # the preparations of the parade": of several occasions of the type, the one of the noun
        fitting = [e for e in before if e.entity is not None and _of_type(r, e.entity, types)]
        named = [e for e in fitting if "ceremony" in types
                 and re.search(rf"\b{re.escape(words[-1])}\b", e.text, re.I)]  # fmt: skip
        for e in reversed((named or fitting) if target is None else []):
            target = r.reg.resolve(e.entity)  # type: ignore[arg-type]
            break
        main = r.main_event
        main_fits = main is not None and _of_type(r, main, types)
        if (
            target is not None
            and main is not None
            and main_fits
            and target != main
            and not _dated(r, target)
            and _dated(r, main)
            and not _held_otherwise(r, m.end(), main)
        ):
            # "the report reviewed the work since the 7th Congress ... The congress elected":
            # the 8th, which the article reports, not the undated one it looks back to
            target = main
        if target is None and main_fits:
            target = main
        # An unresolved reference is kept too: the sentence is about an event, just not one
        # the text names (no other event is taken for it).
        r.event_refs.append((m.start(), m.end(), target or ""))


def _held_otherwise(r: Context, end: int, main: str) -> bool:
    """ "That meeting opened on 8 February 2021": a reference held on a day other than the
    article's event, so not that event."""
    sentence = r.doc.sentence_at(end)
    if sentence is None or not _HELD_HERE.match(r.text, end, sentence.end):
        return False
    dates = [d.date for d in r.dates_in(end, sentence.end) if d.date is not None]
    return bool(dates) and dates[0] != r.reg.peek(main).fields.get("date")


_HELD_HERE = re.compile(
    r"\s*(?:,\s*)?(?:which\s+|that\s+)?(?:was\s+|were\s+|had\s+)?(?:held|convened|opened|met"
    r"|took\s+place)"
    r"\b",
    re.I,
)
"""a reference followed by when it was held: "The meeting, held on Thursday, ...", "The
meeting, which opened on 28 December, closed on 31 December", "the meeting that opened ..."."""


def _dated_by_reference(r: Context) -> None:
    """An event named without its day ("the CMC held an emergency enlarged meeting"), dated by
    a later sentence that refers back to it ("The meeting, held on Thursday, ...")."""
    in_place = _in_place(r)
    for start, end, target in r.event_refs:
        if not target:
            continue
        entity = r.entity(target)
        date = entity.fields.get("date")
        sentence = r.doc.sentence_at(start)
        if entity.known or sentence is None:
            continue
        if not _HELD_HERE.match(r.text, end, sentence.end):
            _dated_at_reference(r, entity, start, end)
            continue
        later = r.mentions_in(end, sentence.end, ("event",))
        limit = later[0].start if later else sentence.end
        if date is not None and not _month_only(date):
            _opened_before(r, entity, end, limit)
            continue
        _date_event(r, entity, (start, end), limit)
        _close_event(r, entity, end, r.text[end:limit], limit)
        _place_event(r, entity, r.text[end:limit], in_place, sentence)


_AT_REFERENCE = re.compile(r"\b(?:at|during)\s+$", re.I)
_ON_DAY = re.compile(r"\s+on\s+")


def _dated_at_reference(r: Context, entity: Entity, start: int, end: int) -> None:
    """(class AC) "At the plenum on 31 March, X was elected": the day of the event "the plenum"
    refers to, when it has none yet or only the month of that day ("the March 2013 Plenary
    Meeting"). Not a report's day ("KCNA reported the plenum on 1 April"): only after "at" or
    "during"."""
    if not _AT_REFERENCE.search(r.text, max(0, start - 8), start):
        return
    on = _ON_DAY.match(r.text, end)
    date = r.date_at(on.end()) if on else None
    if date is None or date.date is None or date.date.day is None or date.range is not None:
        return
    current = entity.fields.get("date")
    day = past_date(r, date)
    if _within_month(current, day):
        assert isinstance(current, PartialDate)
        day = PartialDate(current.year, day.month, day.day)
    elif current is not None:
        return
    entity.fields["date"] = day
    entity.note(f"held {date.text}", (start, date.end))


_OPENED = re.compile(
    r"\s*(?:,\s*)?(?:which\s+|that\s+)?(?:had\s+)?(?:opened|convened|began|started)\b", re.I
)


def _opened_before(r: Context, entity: Entity, end: int, limit: int) -> None:
    """ "The session closed ... on Thursday. The two-day session, which opened on 7 September,
    ...": an event dated by its last day, whose opening a later sentence states, runs from that
    day (within a fortnight before) to the day it had; "The session, held from 5 to 12
    October": the period stated, when it holds the day it had."""
    date = entity.fields.get("date")
    if "end" in entity.fields or not isinstance(date, PartialDate) or date.day is None:
        return
    found = _held_days(r, end, limit)
    if found is None or found[0].day is None or not date.certainly_after(found[0]):
        return
    first, last = found[0], found[1]
    if last is not None and not last.certainly_after(date) and not date.certainly_after(last):
        # "The session, held from 5 to 12 October, ...", of one dated by a day of it
        entity.fields["date"], entity.fields["end"] = first, last
    elif _OPENED.match(r.text, end, limit) and (date.earliest() - first.latest()).days <= 14:
        entity.fields["date"], entity.fields["end"] = first, date


_DATE_NEXT = re.compile(
    r"\s*\((?=[A-Z\d][^()]{0,30}\))"  # "the Third Congress of the KWP (April)"
    r"|,?\s+(?:(?:to\s+be\s+)?held\s+|(?:(?:widely\s+)?expected|due|scheduled|slated|planned)\s+"
    r"(?:to\s+(?:be\s+)?(?:held|convened|open)\s+)?)?(?:(?:on|in)\s+(?:(?:late|early|mid)[\s-]+)?"
    r"|(?=(?:(?:earlier|later|early|late)\s+)?(?:this|last)\s+(?:month|year|week)\b))"
)
_WHEN_BEFORE = re.compile(
    r"(?:,?\s+when|,?\s+(?:at|during)|(?P<comma>(?<=\d),))\s+(?:the\s+|its\s+|a\s+)?$",
    re.I,
)
"""a date just before an event: "since January 2021, when the eighth party congress ...", "In
May 2016, at the 7th Congress of the WPK, he was elected ...", "in April 2012 at the 4th
Conference", "in April 2018, the 3rd Plenary Meeting ... had declared"."""
_IN_ON = re.compile(r"\b(?:in|on)\s+$", re.I)
"""a date that opens a clause: "in April 2018, the 3rd Plenary Meeting ..." (not "On the
sixth day, 10 January, the congress ...")."""
_AHEAD = re.compile(
    r"\b(?:will|shall|would|to\s+be\s+held|to\s+(?:convene|hold|open)|plans?|planned|scheduled"
    r"|upcoming|coming|next|ahead\s+of|expected\s+to|is\s+to|are\s+to)\b",
    re.I,
)
"""words that put an event ahead of the article: "the congress to be held in January"."""


def date_with(r: Context, mention: Mention) -> DateMention | None:
    """The date right after an event's name ("in January"), or the one just before a "when"
    or "at" that leads to it ("since January 2021, when the eighth party congress", "In May
    2016, at the 7th Congress")."""
    m = _DATE_NEXT.match(r.text, mention.end, mention.end + 40)
    date = r.date_at(m.end()) if m else None
    if date is not None:
        return date
    when = _WHEN_BEFORE.search(r.text, max(0, mention.start - 20), mention.start)
    if when is None:
        return None
    before = [
        d for d in r.dates
        if d.end <= when.start() and d.end >= when.start() - 1
        and "." not in r.text[d.end : when.start()]  # "... in November 1970. At the 6th ..."
        and (when.group("comma") is None or _IN_ON.search(r.text, d.start - 4, d.start))
    ]  # fmt: skip
    return before[-1] if before else None


def past_date(r: Context, date: DateMention) -> PartialDate:
    """A year-less date of an event the text looks back to ("the party congress in January"):
    the year the text gives that month (that day, for a day) elsewhere ("January 2021"), else
    the latest such month not after the article's date (a day: as the dates pass resolved it).
    Events ahead ("to be held in January") keep the nearest."""
    assert date.date is not None
    reference = r.reference
    if not date.year_inferred or reference is None or year_said(r, date):
        return date.date
    sentence = r.doc.sentence_at(date.start)
    if sentence is not None and _AHEAD.search(r.text, sentence.start, date.start):
        return date.date
    month, day = date.date.month, date.date.day
    # a day takes the year of the same day stated elsewhere ("on 27 July 2013 ... the 27 July
    # parade"), not of another day of its month ("15 July 2012" told of another occasion)
    stated = [
        d.date for d in r.dates
        if d.date is not None and not d.year_inferred and d.date.month == month
        and (day is None or d.date.day == day)
        and d.date.earliest() <= reference.latest()
    ]  # fmt: skip
    year = max((d.year for d in stated), default=None)
    if year is None and day is not None:
        return date.date  # a day as the dates pass resolved it (past or just ahead)
    if year is None:
        year = date.date.year
        while PartialDate(year, month, day).earliest() > reference.latest():
            year -= 1
    return PartialDate(year, month, day)


_PARTY_EVENT = re.compile(
    rf"\b(?:the|a|an|its)\s+(?:ruling\s+)?(?:{_DAYS_LONG}\s+)?(?P<name>(?:(?P<ordinal>{_ORDINALS})"
    r"\s+)?(?P<party>(?:party|WPK|KWP)(?:['’]s)?\s+)?"
    rf"(?:(?P<after>{_ORDINALS})\s+)?(?P<head>(?:enlarged\s+|expanded\s+)?"
    r"(?:plenary\s+meeting|plenum|congress|conference|meeting)))\b"
    r"(?!\s+(?:of|hall|building|delegates?|members?|organs?|rules?|line|report)\b)",
    re.I,
)
"""an event of the party named in passing: "the eighth party congress", "the party's plenary
meeting in December", "at a party plenary meeting", "the party's eighth congress", "a party
meeting late last year"; without the party's name, a congress or conference ("The sixth
congress, held in October 1980") and a plenum held on a date ("a three-day plenary meeting in
June"), not a mere meeting (`_in_passing_kind`)."""
_OPENING = re.compile(r"(?:[^.]{0,60}?(?:--|—))?\s*(?:In|On)\s+")  # after a dateline


_DATED_PARTY_EVENT = re.compile(
    rf"\b(?:the|a|an|its)\s+(?P<dated>{_DATE_BEFORE}|{_MONTH_WORD})\s+"
    r"(?P<name>(?:(?:party|WPK|KWP)['’]?s?\s+)?"
    r"(?P<head>(?:enlarged\s+|expanded\s+)?(?:plenary\s+meeting|plenum|congress|conference))"
    r"(?:\s+of\s+the\s+(?:(?:WPK|KWP|party)\s+)?Central\s+Committee(?:\s+of\s+the\s+(?:WPK|KWP"
    r"|Workers['’]\s+Party\s+of\s+Korea))?|\s+of\s+the\s+(?:WPK|KWP|Workers['’]\s+Party\s+of"
    r"\s+Korea))?)\b",
    re.I,
)
"""(class AC) a party meeting named by the month or day it was held: "the March 2013 Plenary
Meeting of the WPK Central Committee", "the June 2019 plenum", "the 28 December enlarged
plenary meeting"."""


def _unread_names(
    r: Context, pattern: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], tuple[int, int], Sentence]]:
    """The matches of ``pattern`` in the body (not a title or heading) whose ``name`` group no
    event mention covers yet, with that span and their sentence."""
    for m in pattern.finditer(r.text):
        span = m.span("name")
        sentence = r.doc.sentence_at(m.start())
        if sentence is None or r.doc.blocks[sentence.block].kind in ("title", "heading"):
            continue
        if r.mentions_in(span[0], span[1], ("event",)) or _inside_event(r, *span):
            continue
        yield m, span, sentence


def names_party_event(r: Context, start: int, end: int) -> bool:
    """(round 6) Whether text[start:end] names an event of the party ("attended the party
    congress"), drafted or not: a sentence about it is not about an appearance told before."""
    return _PARTY_EVENT.search(r.text, start, end) is not None


def _dated_party_events(r: Context) -> None:
    """The party's plenums, congresses and conferences named by their date ("KCNA's report on
    the March 2013 Plenary Meeting of the WPK Central Committee"): one event held then (a
    later "At the plenum on 31 March" gives its day)."""
    for m, span, _ in _unread_names(r, _DATED_PARTY_EVENT):
        date = r.date_at(m.start("dated"))
        if date is not None and date.date is not None and date.end <= span[0]:
            when = past_date(r, date)
        elif date is None and re.fullmatch(r"(?:1[89]|20)\d\d", m.group("dated")):
            when = PartialDate(int(m.group("dated")))  # "the 2019 plenum"
        elif (
            date is None and m.group("dated") in _MONTH_NUMBERS and r.reference is not None
            and (m.group(0).lower().startswith("its ")
                 or _PARTY_SAID.search(r.text, m.start(), min(span[1] + 40, len(r.text))))
        ):  # fmt: skip
            # (round 6) "the December plenum of the ruling Workers' Party", "its June plenary
            # meeting": the latest such month not after the article's date (the party said:
            # "compared the reshuffle with the January plenum" names none)
            month, ref = _MONTH_NUMBERS[m.group("dated")], r.reference
            when = PartialDate(ref.year - (month > (ref.month or 12)), month)
        else:
            continue
        head = " ".join(m.group("head").lower().split())
        event = _party_event(r, " ".join(m.group("name").split()), head, None, when)
        if "date" not in event.fields:
            event.fields["date"] = when
            event.note(f"held {' '.join(m.group('dated').split())}", m.span("dated"))
        name = " ".join(r.text[m.start("dated") : span[1]].split())
        event.add_name(NameDraft(straight(name), spans=[(m.start("dated"), span[1])]))
        event.note(f"“{name}”", span)
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))


def _party_events(r: Context) -> None:
    """The party's congresses, conferences and plenary meetings named in passing, with the
    date given with them ("in December", "since January 2021, when the eighth party congress
    ...") or the one the sentence opens with ("In February, Kim sacked ... at a party plenary
    meeting"). Numbered ones join their series; unnumbered ones need a date."""
    for m, span, sentence in _unread_names(r, _PARTY_EVENT):
        mention = Mention(span[0], span[1], r.text[span[0] : span[1]], "", "event")
        if m.group(0).lower().startswith("the ") and _COUNTED_FROM.search(
            r.text, max(sentence.start, m.start() - 30), m.start()
        ):
            continue  # (class AC) "On the eve of the conference, on Oct. 3, ...": the day is not
            # the conference's
        date = date_with(r, mention) or _opening_date(r, sentence, span[0])
        when = past_date(r, date) if date is not None and date.date is not None else None
        ordinal = r.lex.ordinal(m.group("ordinal") or m.group("after") or "")
        head = " ".join(m.group("head").lower().split())
        if (ordinal is None and when is None) or not _in_passing_kind(m, head, ordinal):
            continue  # "a party congress": which one?
        name = " ".join(r.text[span[0] : span[1]].split())
        event = _party_event(r, name, head, ordinal, when)
        month = _month_event(r, event, when) if ordinal is None else None
        if month is not None:  # "the September 2010 Party Conference ... At the conference on
            event = month  # 28 September": the one named by its month, now of that day
            event.fields["date"] = when
        if when is not None and "date" not in event.fields:
            event.fields["date"] = when
            event.note(f"held {date.text if date else ''}".strip(), span)
        label = name if when is None or ordinal else f"{name}, {day_words(when)}"
        event.add_name(NameDraft(straight(label), derived=label != name, spans=[span]))
        event.note(f"“{name}”", span)
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))


def _month_event(r: Context, event: Entity, when: PartialDate | None) -> Entity | None:
    """(class AC) The party meeting of this kind named by the month of ``when`` ("the March
    2013 Plenary Meeting"), when ``event`` is a new one held on a day of that month."""
    if when is None or when.day is None or "date" in event.fields:
        return None
    key = f"{event.key.rsplit(':', 1)[0]}:{PartialDate(when.year, when.month).iso}"
    if key not in r.reg:
        return None
    other = r.reg.peek(key)
    if other.key == event.key or other.known:
        return None
    r.reg.merge(other.key, event.key)
    return r.entity(other.key)


_COUNTED_FROM = re.compile(
    r"\b(?:eve\s+of|days?\s+(?:after|before)|weeks?\s+(?:after|before))\s+$", re.I
)


def _in_passing_kind(m: re.Match[str], head: str, ordinal: int | None) -> bool:
    """Whether a match of `_PARTY_EVENT` is one of the party's events: named with the party, or
    a congress or conference, or a plenum introduced unnumbered (a numbered one names its term;
    "the plenary meeting" refers back)."""
    if m.group("party"):
        return True
    if head.endswith(("congress", "conference")):
        return True
    # "a three-day plenary meeting in June", not "the plenary meeting" (one named before)
    indefinite = m.group(0).lower().startswith(("a ", "an "))
    return indefinite and ordinal is None and head.endswith(("plenary meeting", "plenum"))


def _home_party_names(r: Context) -> None:
    """(round 6, occasions first) A congress or conference named without its party ("At the 8th
    Congress of the party", "the party's third conference", "the Sixth Party Congress", "its 7th
    Congress in May 2016") is the home party's when the article is not about another party and
    the sentence names no other: it takes the name the party's own would have ("8th Congress of
    the Workers' Party of Korea"), and its series too, so a reader (and the full name printed
    elsewhere) finds it. Ordinals above ``home_party_events`` are another's ("the 20th Party
    Congress")."""
    limits = fact_lexicon().home_party_events
    party = home_party(r) if limits else None
    if party is None:
        return
    for event in r.reg.of_kind("event"):
        kind, ordinal = event.fields.get("type"), event.fields.get("ordinal")
        if event.known or not isinstance(kind, str) or not isinstance(ordinal, int):
            continue
        key = str(event.attrs.get("series_key", ""))
        term = _PLENUM_TERM.fullmatch(key) if kind == "plenary-meeting" else None
        if term is not None and 0 < int(term.group(1)) <= limits.get("congress", 0):
            # "the 8th Enlarged Plenary Meeting of its 8th Central Committee": the Central
            # Committee elected by the party's Nth congress (no party has more than its limit)
            series_name = f"Plenary Meeting of the {term.group(0).split()[0]} Central Committee"
        elif kind in limits and 0 < ordinal <= limits[kind] and key == series_key(kind):
            series_name = kind.capitalize()
        else:
            continue
        if any(_other_party_near(r, span) for span in event.evidence) or any(
            names_home_party(n.text) for n in event.names
        ):
            continue  # named with the party already: "... Central Committee of the WPK"
        series_name = f"{series_name} of the {party}"
        event.add_name(NameDraft(f"{_numbered(ordinal)} {series_name}", derived=True))
        series = event.fields.get("series")
        if isinstance(series, Ref):
            r.reg.peek(series.key).add_name(NameDraft(series_name, derived=True))


_PLENUM_TERM = re.compile(r"(\d{1,2})(?:st|nd|rd|th) central committee meeting plenary")
"""the series key of the plenary meetings of a Central Committee named without its party"""


def _other_party_near(r: Context, span: tuple[int, int]) -> bool:
    """Whether the sentence of ``span`` names a party other than the home one ("the 20th Party
    Congress ... of the CPC")."""
    sentence = r.doc.sentence_at(span[0])
    if sentence is None:
        return False
    return any(
        m.entity
        and r.reg.peek(m.entity).attrs.get("organ_kind") == "party"
        and not is_home_party(r, m.entity)
        for m in r.mentions_in(sentence.start, sentence.end, ("organ",))
    )


def _numbered_later(r: Context) -> None:
    """ "a four-day congress of the ruling Workers' Party that ended Monday ... Delegates to
    the party's seventh congress elected ...": the congress (or conference) the article says
    was held, unnamed, is the numbered one it names without a date, when it reports one such
    held and names one such undated (plenums and sessions are left alone: an undated earlier
    one is often named in passing)."""
    held = {r.reg.resolve(key) for _, key in r.held}
    for kind in ("congress", "conference"):
        events = [e for e in r.reg.of_kind("event") if not e.known and e.fields.get("type") == kind]
        unnamed = [e for e in events if e.key in held and e.key.startswith("event:held:")
                   and "ordinal" not in e.fields and "date" in e.fields]  # fmt: skip
        numbered = [e for e in events if isinstance(e.fields.get("ordinal"), int)
                    and "date" not in e.fields]  # fmt: skip
        if len(unnamed) == 1 and len(numbered) == 1:
            r.reg.merge(numbered[0].key, unnamed[0].key)


def _party_event(
    r: Context, name: str, head: str, ordinal: int | None, when: PartialDate | None
) -> Entity:
    """The event: the Nth of the party's series of that kind, else the one held ``when``."""
    kind = head_kind(head)
    plain = re.sub(r"^(?:enlarged|expanded)\s+", "", head)
    series_name = _title_case(f"party {plain}")
    skey = series_key(series_name)
    if ordinal is None:
        event = r.reg.add(Entity(f"event:held:{skey}:{when.iso if when else ''}", "event"))
        event.fields.setdefault("type", kind)
        return event
    series = r.reg.add(Entity(f"event:series:{skey}", "event"))
    series.fields.setdefault("type", "series")
    series.attrs["series_key"] = skey
    series.add_name(NameDraft(series_name, derived=True))
    event = r.reg.add(Entity(f"event:{skey}:{ordinal}", "event"))
    event.fields.setdefault("type", kind)
    event.fields.setdefault("series", Ref(series.key))
    event.fields.setdefault("ordinal", ordinal)
    event.attrs["series_key"] = skey
    event.add_name(NameDraft(f"{_numbered(ordinal)} {series_name}", derived=True))
    return event


def _opening_date(r: Context, sentence: Sentence, before: int) -> DateMention | None:
    """ "In February, Kim sacked ... at a party plenary meeting": the date a sentence opens
    with, when no other date comes between it and ``before``."""
    opening = _OPENING.match(r.text, sentence.start)
    date = r.date_at(opening.end()) if opening else None
    if date is None or date.date is None or date.end > before:
        return None
    if [d for d in r.dates_in(date.end, before) if d.date is not None]:
        return None
    return date


_ORDINAL_BEFORE = re.compile(rf"\b(?P<ordinal>{_ORDINALS})\s+$", re.I)
_ORGAN_HEAD = re.compile(
    r"\s+(?P<head>(?:enlarged\s+|expanded\s+)?(?:meeting|plenum|session))\b"
    rf"(?:\s+of\s+(?:the\s+)?(?P<term>{_ORDINALS}\s+))?",
    re.I,
)


def _ordinal_organ_meetings(r: Context) -> None:
    """ "The 8th Political Bureau meeting of the 8th Central Committee of the WPK": the Nth
    meeting of an organ, named organ first, in the series of that organ's meetings (of the
    term the name gives)."""
    for organ in [m for m in r.mentions if m.kind == "organ" and m.entity]:
        before = _ORDINAL_BEFORE.search(r.text, max(0, organ.start - 16), organ.start)
        after = _ORGAN_HEAD.match(r.text, organ.end)
        if before is None or after is None or in_headline(r, organ.start):
            continue
        ordinal = r.lex.ordinal(before.group("ordinal"))
        parent = _organ_at(r, after.end()) if after.group("term") else None
        if ordinal is None or _inside_event(r, before.start(), after.end()):
            continue
        end = parent.end if parent is not None else after.end("head")
        head = " ".join(after.group("head").lower().split())
        series_name = f"{straight(organ.text)} {head}"
        if parent is not None:
            series_name += f" of the {after.group('term').strip()} {straight(parent.text)}"
        skey = series_key(series_name)
        series = r.reg.add(Entity(f"event:series:{skey}", "event"))
        series.fields.setdefault("type", "series")
        series.attrs["series_key"] = skey
        series.add_name(NameDraft(series_name, derived=True))
        span = (before.start(), end)
        event = r.reg.add(Entity(f"event:{skey}:{ordinal}", "event"))
        event.fields.setdefault("type", head_kind(head))
        event.fields["series"] = Ref(series.key)
        event.fields["ordinal"] = ordinal
        event.fields.setdefault("organizer", [Ref(r.reg.resolve(organ.entity))])  # type: ignore[arg-type]
        event.attrs["series_key"] = skey
        event.add_name(NameDraft(straight(r.text[span[0] : span[1]]), spans=[span]))
        event.note(f"an event named “{' '.join(r.text[span[0] : span[1]].split())}”", span)
        r.mentions.replace([x for x in r.mentions if not (span[0] <= x.start and x.end <= span[1])])
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
        r.nested_spans.append((organ.start, organ.end, r.reg.resolve(organ.entity)))  # type: ignore[arg-type]

