"""The attendance pass: who took part in which event, with the role the text gives them —
"Attending the meeting were A, B and C", "On the platform were ...", "He was accompanied by
...", "Kim Jong Un guided the meeting", "X made a report", "with X presiding". Patterns are
data (``attendance_patterns`` and ``attendance`` in ``facts.yaml``).

The event is the one the sentence names or refers back to ("the meeting"), else the event the
article reports. A leader's appearance the text names no event for ("Kim Jong Un inspected the
Kim Jong Suk Pyongyang Textile Mill", "enjoyed a performance given by the Moranbong Band") is
an event of its own (an appearance, or a ceremony for a performance), dated by the sentence or
the article, and the people accompanying him in the paragraphs that follow took part in it.
Each person takes part once, with the most specific role (``attendance.roles``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..dates import PartialDate
from ..names import match_key, name_words
from ..reading.document import Sentence
from ..reading.entities import Entity, Mention, NameDraft
from ..reading.facts import Fact, FactLexicon, FactSpan, Pattern, fact_lexicon
from ..reading.sentences import Item, SentenceView, compile_pattern
from ..reading.state import Context, Found
from ..reading.words import straight
from .dates import event_day_before, opens_with_day, relative_day
from .facts_common import (
    event_of,
    fact_dates,
    in_headline,
    names_someone,
    sentence_view,
    status_of,
)
from .holdings import people_of
from .lists import elsewhen, lead_role, listed_people
from .meetings import day_words, names_party_event

__all__ = ["attendance"]

_MODIFIER = r"(?:[a-z]+ly|new|built|rebuilt|[a-z]+ed)\s+"
"""a participle or adverb before a place's name ("the newly built", "the renovated")"""

_OBJECT = re.compile(
    r"\s+(?:(?:to|at|of)\s+)?(?:(?:a|an|the)\s+)?(?P<object>(?:[a-z]+\s+){0,2}?(?:performance|concert|show|display"
    r"|gymnastics|parade|rally|ceremony|reception|banquet|exhibition|drill|exercise"
    r"|test[- ]fir(?:e|ing)|firing|launch|test|match"
    r"|game)\b(?:\s+(?:given|staged|performed|held)\s+by\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)*)?|(?:the\s+)?(?:"
    + _MODIFIER
    + r"){0,2}?[A-Z][\w'’.-]*"
    r"(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z0-9][\w'’.-]*)*)"
)
"""The object of a leader's verb; a facility's name may contain "and" ("the Kim Chaek Iron and
Steel Complex"), cut again where a person's name begins after it (`_object_end`)."""

_FROM_DAY = r"|from(?=\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"
"""(class CG) "from February 5 to 20": a period, not part of what was inspected"""
_DESCRIBED = re.compile(
    r"\s+(?:(?:to|at|of)\s+)?(?:(?:a|an|the)\s+)?(?P<object>[a-z][\w'’-]*(?:\s+(?!(?:on|in|at|and"
    rf"|with|where|which|that|who|under|before|after|during|together|accompanied{_FROM_DAY})\b)"
    r"[\w'’,-]+){0,12}?)"
    r"(?=\s*(?:[,.;]|$)|\s+(?:on|in|at|and|with|where|which|that|who|under|before|after|during"
    rf"|together|accompanied{_FROM_DAY})\b)"
)
"""What a leader inspects when the text describes it rather than names it ("looked round the
construction site of the third-stage 10,000 flats", "inspected a newly built hospital"): up to
the first clause, place or date that follows."""


def attendance(r: Context) -> Found:
    flex = fact_lexicon()
    found: list[Fact] = []
    appearance: tuple[int, str] | None = None
    """(block, event key) of the last appearance created, for the paragraphs after it"""
    listing: _Listing | None = None
    named: tuple[int, str] | None = None
    """(block, event key) of the last event a sentence named"""
    """a list the last sentence began ("Seated on the platform were:"), for the lines after it"""
    for sentence in r.doc.sentences:
        if in_headline(r, sentence.start):
            continue
        if listing is not None:
            listed = _listed(r, sentence.start, sentence.end, listing)
            if listed is not None:
                found.extend(listed)
                continue
            listing = None
        if not _names_anyone(r, sentence):
            listing = _list_lead(r, flex, sentence.start, sentence.end)
            if (unnamed := _unnamed_subject(r, flex, sentence, found)) is not None:
                appearance = named = (sentence.block, unnamed)  # "the delegation toured ..."
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        event, event_span = _event_of(r, flex, view)
        back = _back_to_meeting(r, view, sentence.block, event, appearance)
        if back is not None:
            back, event = (r.reg.resolve(event), back) if event else (None, back)
            # (class AB) "X received Y on Monday ... At the meeting, ...": ``back`` the event
            # the reference was taken for, ``event`` the meeting
        # "The plenum ... was guided by Kim Jong Un. On its second day, A and B spoke": a
        # sentence naming no event, in an article that reports none held, goes on with the event
        # the sentence before it named (in its paragraph or the one before)
        shown = _shown_again(r, flex, view, appearance)
        if shown is not None:
            event, event_span = shown  # (class AF) "X watched the mass gymnastics ... Also
            # watching the performance were A and B": the appearance begun just before
        if event is None and named is not None and sentence.block - named[0] <= 1:
            event = named[1]
        if event_span is not None and event is not None:
            named = (sentence.block, event)
        elif (later := _occasion_there(r, sentence, appearance)) is not None:
            event = later  # "After the session he had a photo session. He was joined on the
            # occasion by ...": the occasion held since the event named last, not that event
        # "Kim Jong Un inspected the Hwasong Fertilizer Factory, accompanied by ...": an
        # appearance of its own, not the meeting an earlier paragraph reported; "On the eve of
        # the parade, Kim Jong Un visited the Ministry ...": a visit, though it names the parade
        # a place described ("looked round the construction site of ..."), only when no
        # inspection is under way: "He went round the shops" is part of the one reported
        fresh = (appearance is None or sentence.block - appearance[0] > 3
                 or opens_with_day(r, sentence.start, sentence.end)
                 or _another_day(r, view, appearance[1]))
        own = _own_appearance(r, flex, view, places_only=event_span is not None, described=fresh)
        acted = own is not None
        if own is not None:
            event, event_span, appearance = own, None, (sentence.block, own)
        elif shown is None and (
            unnamed := _unnamed_subject(r, flex, sentence, found, view)
        ) is not None:
            event, event_span, appearance = unnamed, None, (sentence.block, unnamed)
            acted = True
        verb_role: str | None = None
        placed: str | None = None
        """the role of the first people the sentence placed (for "together with A and B")"""
        judged: set[str] = set()
        """the people the patterns matched in the sentence, placed or not (the list reader
        leaves them to the patterns' judgement)"""
        for pattern in flex.admitted(flex.attendance_patterns, view.string):
            for m in pattern.regex.finditer(view.string):
                if "people" in m.re.groupindex:
                    judged.update(i.ref for i in view.group(m, "people")
                                  if i.kind == "person" and isinstance(i.ref, str))  # fmt: skip
                role, cue = _role(flex, view, m, pattern, verb_role, r)
                if pattern.id == "together-with":
                    role = "accompanied" if placed == "guided" else placed
                if role is None:
                    continue
                if role == "guided" and pattern.id == "verb" and _with_him(view, m.end()):
                    role = "accompanied"  # (class AF) "A also looked round the area with him"
                if pattern.id in _VERB_ROLES:
                    verb_role = role
                cue_items = view.group(m, "cue") if pattern.id == "met-whom" else []
                if own is None and cue_items and _quoted(r, cue_items[0].start):
                    continue  # (class AB) a meeting in quoted speech places no one
                if (own is None and _met_only(flex, m)) or _denied(m) or _to_come(flex, view, m):
                    continue  # "received a letter", "did not attend", "often accompanied by"
                if _many(m):
                    continue  # (round 7, M2) "accompanied Kim on many visits": no one occasion
                if _chaired_organ(view, m):
                    continue  # (round 7, M2) "the country's top body chaired by X": a post
                people = _named(r, pattern, role, view, m, ongoing=own is None)
                if pattern.id == "escort" and own is not None:
                    # "when he accompanied Kim to a KPA unit": Kim guided the appearance
                    found.extend(_participations(r, view, view.group(m, "leader"), "guided",
                                                 cue, own, None, pattern))  # fmt: skip
                if pattern.id == "verb" and own is None and _HAD_VISITED.search(
                    view.string, 0, m.end("verb")
                ) and not any(view.start <= at < view.end for at, _ in r.held):
                    continue  # (class CF) "The meeting heard that X had visited the province":
                    # a visit of the past perfect is one of its own (or an occasion its sentence
                    # holds: "had visited the bier of X on Sunday"), not the event told
                if pattern.id == "verb" and _ESCORTED.search(view.string, 0, m.start("people")):
                    continue  # "The guest, accompanied by A, title, went round the palace": A
                    # is with him (`accompanied`), not the one who went round it
                if pattern.id == "toured-with":
                    people = [p for p in people if p.text.lower() not in _OBJECT_PRONOUNS]
                    # "A also looked round the area with him": A is the one with him (`verb`)
                people += _guests_within(r, view, m)
                if not people:
                    continue
                target, target_span = _verb_object(r, view, m, own) or (event, event_span)
                if own is not None and pattern.id == "verb" and _NEXT_STOP.search(
                    view.string, 0, m.start("people")
                ):
                    # (class BE) "He visited the Bureya station on Sunday, then travelled to
                    # Ulan-Ude, where he toured an aircraft plant on Tuesday": a stop of its own
                    stop = _next_stop(r, flex, view, m, pattern, own)
                    if stop is not None and stop != own:
                        target, target_span, appearance = stop, None, (sentence.block, stop)
                if shown is not None and target_span == shown[1]:
                    target = shown[0]  # (the reference's own event is another noun's)
                if (gate := _gate_occasion(r, view, m)) is not None:
                    target, target_span = gate, None  # "X was also at the airport": the welcome
                if target_span is None and target is not None and (
                    funeral := _funeral_of_burial(r, sentence, target)
                ) is not None:
                    target = funeral  # "At the cemetery, the coffin was lowered ... Among those
                    # on hand were A and B": the funeral, not its memorial service
                if back is not None and target is not None and r.reg.resolve(target) == back:
                    target = event  # (class AB) "B also sat in on the talks": the meeting
                if pattern.id in _GROUP_WORDS and not acted and (
                    before := _group_event(r, view)
                ) is not None:
                    target, target_span = before, None  # "Putin gave a banquet for Kim. Both
                    # men made speeches, and Putin said the talks ...": the banquet
                if own is None and event_span is None:
                    target = (
                        (_again(r, view, m, found) if pattern.id == "verb" else None)
                        or _ongoing(r, pattern, role, sentence, appearance) or target
                    )  # fmt: skip
                if pattern.id == "accompanied-whom" and event_span is None:
                    continue  # "who accompanied Kim on several inspections": which, unsaid
                if target is None and pattern.id == "verb":
                    target = _appearance(r, flex, view, m, people, described=fresh)
                    if target is not None:
                        appearance = (sentence.block, target)
                if target is None and appearance and sentence.block - appearance[0] <= 3 and not (
                    _past_meeting(r, appearance, sentence)
                    or names_party_event(r, view.start, view.end)
                ):  # ("Ri also attended the party congress": not the meeting told before)
                    target = appearance[1]
                if target is None:
                    continue
                if _at_no_occasion(r, view, m, pattern, target):
                    continue
                if not _of_its_kind(r, flex, m, target):
                    continue  # (class DB) "flew to Incheon with A and B for the closing
                    # ceremony": not the summit the paragraph before told
                if (pattern.id in _DELEGATION_LISTS or _AT_THE_TABLE.match(_cue_words(m))) and (
                    not _a_meeting(r, target)
                ):
                    continue  # (class EC) "arrived at the head of the delegation. The
                    # delegation includes A and B": a list of who came, not of the arrival;
                    # "joined at the table by A" where no talks were drafted: not the signing
                found.extend(
                    _participations(r, view, people, role, cue, target, target_span, pattern)
                )
                placed = placed or role
                if pattern.id in _LISTS and view.string.endswith((":", ";")):
                    listing = _Listing(role, target, target_span, pattern)
        found.extend(_list_reader(r, view, sentence, found, judged, own or event,
                                  None if own else event_span, appearance))  # fmt: skip
    r.facts = [*r.facts, *_best(flex, found)]
    return r.found()


def _next_stop(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    pattern: Pattern,
    own: str,
) -> str | None:
    """The appearance a clause of an itinerary tells ("..., then travelled to Ulan-Ude, where
    he toured an aircraft plant on Tuesday"), read in its clause alone, so that it takes the
    clause's day, not the first stop's."""
    items = view.group(m, "people")
    if not items:
        return None
    clause = sentence_view(r, items[0].start, view.end)
    again = pattern.regex.regex.match(clause.string)
    if again is None:
        return None
    # only a stop elsewhere or on another day: "visited the complex, where he looked round the
    # workshops" is one inspection
    moved = _TRAVELLED.search(r.text, view.start, items[0].start) is not None
    if not moved and not _another_day(r, clause, own):
        return None
    return _appearance(r, flex, clause, again, people_of(clause, again), described=True)


_TRAVELLED = re.compile(
    r"\b(?:travell?ed|went|moved|proceeded|headed|flew|drove|continued\s+(?:on\s+)?to|arrived"
    r"|then\s+(?:to\s+)?[A-Z][a-z]+\s*,)"
)
"""(class BE) a move to another place before the next stop of an itinerary"""


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _another_day(r: Context, view: SentenceView, key: str) -> bool:
    """(class BE) "Kim toured an optical fibre plant on January 11. In Shenzhen he visited a
    container port on Saturday": a sentence that gives a day of its own (a date or a weekday),
    not the day of the appearance under way, tells another visit (an itinerary), so a place it
    describes begins one; "He went round the shops" (no day) stays part of the one reported."""
    if not r.dates_in(view.start, view.end) and not _WEEKDAY.search(r.text, view.start, view.end):
        return False  # (most sentences: no day of their own, and no need to work one out)
    when = _appearance_day(r, view, view.start, "appearance")
    current = r.reg.peek(key).fields.get("date")
    if (when is not None and when.day is None
            and _HAD_BEEN_THERE.search(r.text, view.start, view.end)):  # fmt: skip
        # (class CF) "Kim Jong Il had visited the complex in December 1998 together with A and
        # B": a visit of the past perfect in a month or a year of its own is an earlier one
        return not isinstance(current, PartialDate) or not current.iso.startswith(when.iso)
    return (when is not None and when.day is not None
            and (not isinstance(current, PartialDate) or when.iso != current.iso))  # fmt: skip


_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

_HAD_VISITED = re.compile(r"\bhad (?:(?:last|first|also|earlier|previously|already) )?"
                          r"(?:visited|inspected|toured)$")
"""a verb of a visit in the past perfect, at the end of a view's string up to the verb"""

_HAD_BEEN_THERE = re.compile(
    r"\bhad\s+(?:also\s+|already\s+|previously\s+|earlier\s+|last\s+|first\s+)?"
    r"(?:visited|inspected|toured|been\s+to)\b"
)
"""a visit told in the past perfect ("had visited the complex in December 1998")"""


def _shown_again(
    r: Context, flex: FactLexicon, view: SentenceView, appearance: tuple[int, str] | None
) -> tuple[str, tuple[int, int]] | None:
    """ "the performance" the references pass left unresolved or took for an event of another
    noun (it ran before the appearances were found: "the performance" for the banquet before),
    when the appearance begun in this paragraph or the one before is of a type the noun may
    stand for: that appearance, with the reference's span."""
    if appearance is None:
        return None
    block = r.doc.block_at(view.start)
    if block is None or block - appearance[0] > 1:
        return None
    sentence = r.doc.sentence_at(view.start)
    if sentence is not None and _dated_anew(r, appearance[0], sentence):
        return None  # "In May 2016 he took part in the talks between ...": other talks
    ref = next((i for i in view.items if i.kind in ("event", "eventref")), None)
    if ref is None or ref.kind != "eventref":
        return None
    words = tuple(ref.text.lower().split())
    if ref.ref and r.reg.alive(ref.ref) and re.search(
        rf"\b{re.escape(words[-1])}\b", " ".join(n.text for n in r.reg.peek(ref.ref).names), re.I
    ):
        return None  # "the banquet" for the banquet
    types = flex.event_references.get(words[-2:]) or flex.event_references.get(words[-1:], ())
    kind = r.reg.peek(appearance[1]).fields.get("type") if r.reg.alive(appearance[1]) else None
    return (r.reg.resolve(appearance[1]), (ref.start, ref.end)) if kind in types else None


_ON_THE_OCCASION = re.compile(r"\b(?:on|at)\s+the\s+occasion\b(?!\s+of\b)|\bthere\b")
"""the occasion just reported (not "on the occasion of the anniversary": what it marks)"""


def _occasion_there(
    r: Context, sentence: Sentence, appearance: tuple[int, str] | None
) -> str | None:
    """ "He was joined on the occasion by A and B", "A and B were present there": the occasion
    held last before the sentence (in its paragraph or the one before), when no appearance began
    after it; the list belongs to the nearest occasion, not to the event named before it."""
    if not _ON_THE_OCCASION.search(r.text, sentence.start, sentence.end):
        return None
    held = [at for at, _ in r.held if at < sentence.start]
    if not held:
        return None
    at = held[-1]
    block = r.doc.sentence_at(at)
    if block is None or sentence.block - block.block > 1:
        return None
    if appearance is not None and appearance[0] >= block.block:
        return None  # "The same day he visited X. He was accompanied there by": the visit
    key = next(k for a, k in reversed(r.held) if a == at)
    return r.reg.resolve(key)


_ACT_ONLY = {
    "arrived": "event:act:",
    "landed": f"event:act:{match_key('arrival')}:",
    "departed": f"event:act:{match_key('send-off')}:",
    "left": f"event:act:{match_key('send-off')}:",
}
"""verbs that place someone only at the occasion they report (``occasion_acts``: an arrival
someone was greeted at)"""

def _at_no_occasion(
    r: Context, view: SentenceView, m: re.Match[str], pattern: Pattern, target: str
) -> bool:
    """ "A delegation arrived in Pyongyang" (an arrival no one greeted: no occasion), "visited
    Russia three times" (no one occasion), a title conferred by decree (its recipients attend
    nothing)."""
    if pattern.id == "conferred-on" and not (
        target.startswith("event:occasion:")
        and r.reg.peek(target).fields.get("type") == "conferral"
    ):
        return True
    verb = m.groupdict().get("verb")
    if verb in _ACT_ONLY and not r.reg.resolve(target).startswith(_ACT_ONLY[verb]):
        return True  # (class Q) "the hearse ... left the palace": no send-off
    return "verb" in m.re.groupindex and bool(_MANY_TIMES.match(view.string, m.end()))


_NEXT_STOP = re.compile(r"(?:, |\b)(?:where|and then|then)(?: also)? $")
"""(class BE) what opens the clause of the next stop of an itinerary, before its subject"""

_ESCORTED = re.compile(r"\b(?:accompanied|joined|flanked|escorted)\s+by\s+$")
"""what stands before the people of a verb's match when they are those with its subject"""


_WITH_HIM_AFTER = re.compile(r"(?: (?!P\d)[^ ,;]+){0,6}? with (?:him|her|(?P<p>P\d+))\b")
"""a guiding verb's object, then "with him": one who went round with the leader"""


def _with_him(view: SentenceView, at: int) -> bool:
    """Whether the guiding verb ending at ``at`` goes on "... with him" (a pronoun, not a name:
    "Kim Jong Un toured the factory with his daughter" is his own tour)."""
    m = _WITH_HIM_AFTER.match(view.string, at)
    if m is None:
        return False
    items = view.group(m, "p")
    return not items or items[0].text.lower() in _PRONOUNS


_VERB_ROLES = frozenset(
    {"verb", "verb-by", "with-presiding", "speech", "speech-after", "discussed"}
)
"""patterns whose role "and so did X" repeats"""


@dataclass(frozen=True)
class _Listing:
    """A list of people a sentence begins and the lines after it go on with."""

    role: str
    event: str
    event_span: tuple[int, int] | None
    pattern: Pattern


_LISTS = frozenset(
    {"cue-were", "cue-were-all", "cue-colon", "following-colon", "cue-were-semicolons"}
)
_LIST_LINE = re.compile(
    r"(?:(?:P|T|O)\d+|[-*•,;.:()]|and|of|the|a|an|members?|alternate|candidate|comrade|respected)"
)


def _event_of(
    r: Context, flex: FactLexicon, view: SentenceView
) -> tuple[str | None, tuple[int, int] | None]:
    """The event a sentence is about (`event_of`), except that an event said to be held in
    passing, in a sentence about another ("The session was convened to discuss the decisions of
    the 8th Congress, held from January 5 to 12"), does not take over the sentences after it
    that name no event ("Seen on the platform were ..."): they go on reporting the event held
    before it, else the event of the article."""
    event, span = event_of(r, view)
    held = [(offset, key) for offset, key in r.held if offset <= view.start]
    if span is not None and _BEFORE_IT.search(r.text, max(view.start, span[0] - 24), span[0]):
        # "Two days before the funeral, on Monday, Kim paid his respects", "After the talks, Kim
        # looked round ...": the time of the occasion the sentence reports, not the occasion
        reported = [key for offset, key in held if offset == view.start and key != event]
        return (reported[-1], None) if reported else (event, None)
    if event is None and _of_unnamed(r, view):
        # "X reported on the results of the inspection of ...": an event word the text names
        # no event for, as the complement of another noun, leaves the sentence to the event
        # the report is about
        return (held[-1][1] if held else r.main_event), None
    if span is not None or not held or held[-1][1] != event:
        return event, span
    if not _in_passing(r, flex, *held[-1]):
        return event, span
    for offset, key in reversed(held[:-1]):
        if key != event and not _in_passing(r, flex, offset, key):
            return key, None
    return r.main_event or event, None


def _of_its_kind(r: Context, flex: FactLexicon, m: re.Match[str], target: str) -> bool:
    """(class DB) Whether the occasion a pattern names by a noun the text did not read as an
    event ("for the summit": group ``occ``) may be ``target``, the event the sentence goes on
    with: only when that event is of the noun's kind."""
    if "occ" not in m.re.groupindex or m.group("occ") is None:
        return True
    noun = m.group("occ").lower()
    kind = flex.occasions.get(noun) or flex.occasions.get(noun.split()[-1])
    try:
        event = r.reg.peek(target)
    except KeyError:
        return False
    return kind is not None and event.fields.get("type") == kind


_DELEGATION_LISTS = frozenset({"delegation-included", "delegation-head"})
"""(class EC) patterns of a delegation's members, who attend only talks (a meeting)"""


_AT_THE_TABLE = re.compile(r"joined (?:also )?at the (?:table|talks|negotiating table) by$")
"""(class EC) the cue of those at the talks' table, who attend only talks (a meeting)"""


def _cue_words(m: re.Match[str]) -> str:
    """The words of a match's ``cue`` group ("" without one)."""
    return (m.group("cue") or "") if "cue" in m.re.groupindex else ""


def _a_meeting(r: Context, target: str) -> bool:
    """Whether ``target`` is a meeting (the talks a delegation's list goes on with)."""
    try:
        return r.reg.peek(target).fields.get("type") == "meeting"
    except KeyError:
        return False


def _quoted(r: Context, offset: int) -> bool:
    """Whether ``offset`` is inside a quotation of someone's words (not a document excerpted)."""
    return any(q.start <= offset < q.end and not q.excerpt for q in r.quotes)


def _past_meeting(r: Context, appearance: tuple[int, str], sentence: Sentence) -> bool:
    """(class AB) "He also met Japanese Foreign Minister Yohei Kono at the forum. // In
    September 2002 he took part in the talks between ...": a meeting a verb told does not go on
    into a later paragraph that opens with a date of its own."""
    key = r.reg.resolve(appearance[1])
    return (
        key.startswith("event:appearance:")
        and r.reg.peek(key).fields.get("type") == "meeting"
        and _dated_anew(r, appearance[0], sentence)
    )


def _dated_anew(r: Context, block: int, sentence: Sentence) -> bool:
    """Whether ``sentence`` is in a later paragraph than ``block`` and opens with a date of its
    own ("In May 2016 he took part in ..."): it tells another time, not the one before."""
    return sentence.block != block and (
        opens_with_day(r, sentence.start, sentence.end)
        or any(re.fullmatch(r"\s*(?:in|on|by|from|since)?\s*", r.text[sentence.start : d.start],
                            re.I) for d in r.dates_in(sentence.start, sentence.end)[:1])
    )  # fmt: skip


def _back_to_meeting(
    r: Context,
    view: SentenceView,
    block: int,
    event: str | None,
    appearance: tuple[int, str] | None,
) -> str | None:
    """(class AB) "Kim Jong Un received the envoys on Monday. ... At the meeting, Kim was
    flanked by A. B also sat in on the talks": a reference back ("the meeting", "the talks") to
    no event named before it, which `_references` took for the article's event named later,
    is the meeting a verb drafted in this paragraph or the two before."""
    if appearance is None or event is None or block - appearance[0] > 2:
        return None
    first = next((i for i in view.items if i.kind in ("event", "eventref")), None)
    if first is None or first.kind != "eventref":
        return None
    met = r.reg.resolve(appearance[1])
    if not met.startswith("event:appearance:") or r.reg.peek(met).fields.get("type") != "meeting":
        return None
    target = r.reg.resolve(event)
    if target == met or any(m.entity and r.reg.resolve(m.entity) == target
                            for m in r.mentions_in(0, view.start, ("event",))):  # fmt: skip
        return None  # a reference to an event named before: that one
    return met


_BEFORE_IT = re.compile(r"\b(?:before|after|following|ahead\s+of)\s+(?:the\s+|its\s+)?$", re.I)
"""words that make an event a sentence names the time of another occasion it reports"""


def _of_unnamed(r: Context, view: SentenceView) -> bool:
    """Whether the sentence's first event word is one the text names no event for, after "of
    the" ("the results of the inspection")."""
    first = next((i for i in view.items if i.kind in ("event", "eventref")), None)
    if first is None or first.kind != "eventref" or first.ref:
        return False
    return bool(re.search(r"\bof\s+(?:(?:the|a|an)\s+)?$", r.text[view.start : first.start]))


def _in_passing(r: Context, flex: FactLexicon, offset: int, key: str) -> bool:
    """Whether the sentence at ``offset`` names event ``key`` in passing: after another event
    it names, or after words that make it the object of something else (``passing``)."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return False
    view = sentence_view(r, sentence.start, sentence.end)
    events = [i for i in view.items if i.kind in ("event", "eventref")]
    first = next((i for i in events if i.ref and r.reg.resolve(i.ref) == key), None)
    if first is None:
        return False
    held_here = {k for o, k in r.held if o == offset}
    if any(i.start < first.start and i.ref and r.reg.resolve(i.ref) not in held_here
           for i in events):  # fmt: skip
        return True  # ("A military parade and a mass rally were held": both reported)
    before = " " + " ".join(r.text[sentence.start : first.start].lower().split()) + " "
    if _SAT_DOWN.search(before) or _SIGNED_AT.search(before):
        return False  # "The leaders then sat down to a working lunch": the occasion reported
        # ("A and B signed the treaty at a ceremony. Standing behind them were ...": that one)
    return any(before.endswith(cue) for cue in _passing_cues(flex))


_SAT_DOWN = re.compile(r"\bsat down (?:to|for) (?:(?:a|an|the) )?$")
_SIGNED_AT = re.compile(
    r"\b(?:signed|initialed|initialled|inked)(?: [\w'’-]+){0,8}? (?:at|during) (?:(?:a|an|the) )?$"
)


def _passing_cues(flex: FactLexicon) -> tuple[str, ...]:
    """The ``passing`` words, alone or with an article after them ("at the", "since the"), as
    the text ends before a mention (a comma between them ends the clause: "The day before, a
    ceremony ... took place" is no passing mention)."""
    words = [" ".join(straight(cue).lower().split()) for cue in flex.passing]
    return tuple(f" {w}{a} " for w in words for a in ("", " the", " a", " an"))


def _list_lead(r: Context, flex: FactLexicon, start: int, end: int) -> _Listing | None:
    """ "Seated on the platform were:" (the names on the lines that follow); (round 6, the list
    reader) any lead whose words place a list, "The following attended the banquet on the DPRK
    side:" (`lead_role`)."""
    if not r.text[start:end].rstrip().endswith(":"):
        return None
    view = sentence_view(r, start, end)
    event, event_span = _event_of(r, flex, view)
    if event is None:
        return None
    for pattern in flex.admitted(flex.attendance_patterns, view.string):
        if pattern.id in ("cue-colon", "following-colon"):
            m = pattern.regex.search(view.string)
            role = _role(flex, view, m, pattern, None, r)[0] if m else None
            if role is not None:
                return _Listing(role, event, event_span, pattern)
    role = lead_role(view)
    return _Listing(role, event, event_span, _LIST_READER) if role is not None else None


_LIST_READER = Pattern("list-reader", compile_pattern(r"(?!)"), None)
"""the rule of the list reader's facts (no pattern of its own: `kwpld.extract.lists`)"""


def _list_reader(
    r: Context,
    view: SentenceView,
    sentence: Sentence,
    found: list[Fact],
    judged: set[str],
    event: str | None,
    event_span: tuple[int, int] | None,
    appearance: tuple[int, str] | None,
) -> list[Fact]:
    """(round 6, lever L2) The lists of people the patterns did not place in the sentence
    (`kwpld.extract.lists.listed_people`), at the occasion in focus: the one the sentence names
    or the pass goes on with, else the appearance begun in the paragraphs just before."""
    if sum(1 for i in view.items if i.kind == "person") < 2 or _quoted(r, view.start):
        return []
    if event_span is None and elsewhen(view):
        return []  # "X was seen in footage of Kim's 2016 visit to a factory, standing beside A
        # and B": a sentence dated on its own that names no event drafted tells another time
    placed = {f.person for f in found if f.sentence == (view.start, view.end)}
    out: list[Fact] = []
    for people, role in listed_people(view, judged, frozenset(judged - placed)):
        target = event
        if event_span is None:
            target = _ongoing(r, _LIST_READER, role, sentence, appearance) or target
            if role == "accompanied" and (appearance is None or target != appearance[1]):
                continue  # "The report listed him among those who accompanied Kim, alongside A
                # and B": with the leader on an outing of his, not at the meeting in focus
        if target is None and appearance and sentence.block - appearance[0] <= 3 and not (
            _past_meeting(r, appearance, sentence)
        ):
            target = appearance[1]
        if target is not None:
            out.extend(_participations(r, view, people, role, None, target, event_span,
                                       _LIST_READER))  # fmt: skip
    return out


def _listed(r: Context, start: int, end: int, listing: _Listing) -> list[Fact] | None:
    """A line of a list begun before ("Kim Jong Un, general secretary of the WPK;", "- Choe
    Ryong Hae"): its people, with the list's role at its event; None for a line that is no
    list's (names, titles, organs and joining words only)."""
    view = sentence_view(r, start, end)
    people = [i for i in view.items if i.kind == "person"]
    if not people or not all(_LIST_LINE.fullmatch(code) for code in view.codes):
        return None
    return _participations(r, view, people, listing.role, None, listing.event,
                           listing.event_span, listing.pattern)  # fmt: skip


_WITH_HIM = frozenset({"accompanied", "accompanying", "accompanied-all", "accompanied-on",
                       "greeted-by", "greeted-by-all", "verb", "those-accompanying",
                       "with-him"})  # fmt: skip


def _ongoing(
    r: Context,
    pattern: Pattern,
    role: str,
    sentence: Sentence,
    appearance: tuple[int, str] | None,
) -> str | None:
    """ "Kim Jong Un visited the Ministry ... He was accompanied by A and B": the appearance
    begun in this paragraph, rather than the event the article reports, when the sentence names
    none; for those with him ("He was greeted on the spot by ...", "Accompanying him were ..."
    in the last paragraph of a report), the appearance begun in any paragraph before, as long as
    no other event was named since it began."""
    if appearance is None:
        return None
    since = sentence.block - appearance[0]
    if since == 0:
        return appearance[1]
    if (pattern.id not in _WITH_HIM or pattern.id == "verb") and role != "accompanied":
        return None  # ("A and B accompanied him": with him, whatever the pattern)
    if _other_held_since(r, appearance, sentence.start):
        return None  # "... sat in. The second round of talks began ... Kim was accompanied by"
    began = next((m.start for m in r.mentions if m.entity
                  and r.reg.resolve(m.entity) == appearance[1]), None)  # fmt: skip
    if began is None:
        return appearance[1] if since == 1 else None
    others = [m for m in r.mentions_in(began, sentence.start, ("event",))
              if m.entity and r.reg.resolve(m.entity) != appearance[1]]  # fmt: skip
    return None if others else appearance[1]


def _other_held_since(r: Context, appearance: tuple[int, str], offset: int) -> bool:
    """Whether an occasion of another was said to be held after the appearance's paragraph and
    before ``offset``: the sentences there report that one."""
    after = r.doc.blocks[appearance[0]].end
    return any(after <= at <= offset and r.reg.resolve(key) != appearance[1]
               for at, key in r.held)  # fmt: skip


def _named(
    r: Context,
    pattern: Pattern,
    role: str,
    view: SentenceView,
    m: re.Match[str],
    *,
    ongoing: bool,
) -> list[Item]:
    """Who a match places at the event. Only people named, not pronouns, for "He then gave a
    reception" (a pronoun's antecedent is too weak a guess there) and for a guiding verb in a
    sentence that starts no inspection of its own ("He went round the shops": the one who
    guides it is the leader the report named, whoever the sentence before named last); "the two
    leaders": the two of the report's lead (`_lead_pair`)."""
    if pattern.id == "the-leaders":
        return _lead_pair(r)
    if pattern.id in _GROUP_WORDS:
        return _group_named(r, view, m)
    people = people_of(view, m)
    if pattern.id == "greeted-subject" and _ARRIVAL_PLACE.search(r.text, view.start, view.end):
        # (round 7 M3) "He was greeted at the airport on Monday by X": the guest of the welcome
        # (the one the report follows), not an inspection's "He was greeted at the plant by"
        return [p for p in people if p.text[:1].isupper()]
    if pattern.id in ("host", "joined-subject", "greeted-subject") or (
        ongoing and role == "guided" and pattern.id == "verb"
    ):  # ("He was accompanied by X": X at the occasion, "he" too weak a guess for it)
        # (a family name alone, "Kim and Putin held talks", names someone named in full before)
        return [p for p in people if p.text[:1].isupper() and p.text.lower() not in _PRONOUNS]
    return people


_ARRIVAL_PLACE = re.compile(r"\b(?:airport|tarmac|airfield|station|border)\b", re.I)
"""where a guest greeted arrives (a welcome's guest, even named by a pronoun)"""


_THE_LEADERS = re.compile(
    r"\b(?:the\s+(?:two\s+)?leaders|both\s+leaders|both\s+(?:men|women)"
    r"|the\s+(?:two|three|four)\s+(?:men|women)"
    r"|the\s+two(?=\s+(?:then\s+|later\s+|also\s+|first\s+|together\s+)?(?:held|met|sat|signed"
    r"|attended|had|toured|visited|watched|walked|shook|exchanged|posed|laid|inspected|looked)\b))\b",
    re.I,
)
"""the two people of the report's lead, in a sentence that names no one (`_lead_pair`), or a
group word for the people the sentence before names (`_group_named`)"""

_GROUP_COUNT = {"both": 2, "two": 2, "three": 3, "four": 4}
"""how many people a group word ("both men", "the three men") stands for"""


_GROUP_WORDS = frozenset({"group-speech", "group-named"})
"""patterns of a group word for the people the sentence before names (`_group_named`)"""


def _group_event(r: Context, view: SentenceView) -> str | None:
    """The event the sentence a group word refers back to names ("In the evening Putin gave a
    banquet for Kim. Both men made speeches": the banquet), if it names one."""
    before = _group_source(r, view)
    if before is None:
        return None
    for mention in r.mentions_in(before.start, before.end, ("event",)):
        if mention.entity:
            return r.reg.resolve(mention.entity)
    return None


def _group_source(r: Context, view: SentenceView) -> Sentence | None:
    """The nearest sentence before ``view`` (in its paragraph or the one before) that names
    someone."""
    index = r.doc.sentence_index(view.start)
    if index <= 0:
        return None
    sentences = r.doc.sentences
    here = sentences[index].block
    for before in reversed(sentences[max(0, index - 3) : index]):
        if here - before.block > 1 or in_headline(r, before.start):
            return None
        if r.mentions_in(before.start, before.end, ("person",)):
            return before
    return None


def _group_named(r: Context, view: SentenceView, m: re.Match[str]) -> list[Item]:
    """ "In the evening Putin gave a banquet for Kim. Both men made speeches": the people the
    nearest sentence before (of this paragraph or the one before) names, when they are exactly
    as many as the group word says; else no one (a count that does not match, or no sentence
    naming anyone, is too weak a guess)."""
    words = m.group("cue").split()
    count = _GROUP_COUNT.get(words[0]) or _GROUP_COUNT.get(words[1], 0)
    before = _group_source(r, view)
    if before is None:
        return []
    people: list[Item] = []
    for mention in r.mentions_in(before.start, before.end, ("person",)):
        key = r.reg.resolve(mention.entity) if mention.entity else None
        if key is None or mention.text.lower() in _PRONOUNS:
            return []  # someone unresolved or a pronoun: who the group is, unsure
        if all(p.ref != key for p in people):
            people.append(Item("person", mention.start, mention.end, mention.text, key))
    return people if len(people) == count else []


def _names_anyone(r: Context, sentence: Sentence) -> bool:
    """Whether a sentence names someone, or "the two leaders" of the report's lead."""
    return names_someone(r, sentence.start, sentence.end) or bool(
        _THE_LEADERS.search(r.text, sentence.start, sentence.end)
    )


def _lead_pair(r: Context) -> list[Item]:
    """ "The two leaders held a first round of talks": the first two people the report's lead
    names ("Kim Jong Il greeted Kim Dae Jung ...", "Roh and Kim signed ..."), when it names two."""
    lead = r.doc.lead()
    out: list[Item] = []
    if lead is None:
        return out
    for m in r.mentions_in(lead.start, lead.end, ("person",)):
        key = r.reg.resolve(m.entity) if m.entity else None
        spouse = _SPOUSE_BEFORE.search(r.text, max(lead.start, m.start - 20), m.start)
        if key is not None and spouse is None and all(p.ref != key for p in out):
            out.append(Item("person", m.start, m.end, m.text, key))
    return out[:2] if len(out) >= 2 else []


_SPOUSE_BEFORE = re.compile(r"\b(?:wife|husband|spouse|first\s+lady)\s+$", re.I)
"""("Kim Jong Un and his wife Ri Sol Ju welcomed Xi Jinping": the leaders are Kim and Xi)"""


_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their", "it"})


def _verb_object(
    r: Context, view: SentenceView, m: re.Match[str], own: str | None
) -> tuple[str, tuple[int, int]] | None:
    """ "A, who has been ... since the 8th Congress, and B, a secretary, attended the meeting":
    the event the verb takes as its object, rather than the first the sentence names."""
    if own is not None:
        return None
    if "occasion" in m.re.groupindex and m.group("occasion"):  # "A and B held talks"
        after = view.group(m, "occasion")
    elif "verb" in m.re.groupindex and m.group("verb"):
        after = view.items_in(m.end(), len(view.string) + 1)
    else:
        return None
    for item in after:
        if item.kind in ("event", "eventref") and item.ref:
            kind = r.reg.peek(item.ref).fields.get("type")
            return None if kind in ("series", "decision") else (
                r.reg.resolve(item.ref), (item.start, item.end))  # fmt: skip
        if item.text.lower() not in ("the", "a", "an", "its", "their"):
            return None
    return None


_DENIED = re.compile(
    r"\b(?:not|never|n't|failed\s+to|fail\s+to|without|often|usually|frequently|regularly"
    r"|always|routinely|no\s+longer)(?:\s+\S+){0,2}\s*$"
)
"""words just before a verb or cue that place no one at an event: a negation ("did not
attend", "has not been seen") or a habit ("often accompanied by": no one occasion)"""


def _denied(m: re.Match[str]) -> bool:
    """Whether the match's verb or cue is denied or habitual (`_DENIED` just before it), or
    "joined by" joins holders of an office, not people at an occasion ("A and B kept their
    portfolios, and they were joined by C and D")."""
    group = "verb" if "verb" in m.re.groupindex and m.group("verb") else "cue"
    if group not in m.re.groupindex or m.group(group) is None:
        return False
    if m.group(group) == "joined by" and _IN_OFFICE.search(m.string, 0, m.start(group)):
        return True
    return _DENIED.search(m.string, max(0, m.start(group) - 40), m.start(group)) is not None


_IN_OFFICE = re.compile(
    r"\b(?:kept|keep|keeps|retained|retain|retains|held on to|lost|lose|loses) (?:their|his|her|"
    r"its) (?:portfolios?|posts?|positions?|memberships?|secretaryships?|seats|offices?)\b"
)


_CHAIRING = ("chaired", "chairs", "chairing")
_ORGAN_CHAIRED = re.compile(
    r" (?:(?:the|a|its|his|her|their) )?O\d+(?!\d)"
    r"(?! (?:'s )?(?:meeting|meetings|session|sessions|plenum|plenary|conference|congress)\b)"
)
"""after "chaired": an organ, not its meeting ("chaired the State Planning Commission")"""
_BODY_CHAIRED_BY = re.compile(
    r"(?<!\bof the )(?<!\bof )(?:O\d+|\b(?:body|organ|organization|agency|commission"
    r"|committee|council|department|bureau|ministry))(?: ,)?(?: (?:now|currently|still))? $"
)
"""before "chaired by": an organ or a word for one ("the North's top governing body chaired
by", "The National Defence Commission, chaired by"), not the meeting of one ("a meeting of
the O5 , chaired by")"""


def _chaired_organ(view: SentenceView, m: re.Match[str]) -> bool:
    """(round 7, M2) Whether the match's "chaired" chairs an organ, a post the holdings read,
    not an occasion presided over: "in 1963 X also chaired the State Construction
    Commission", "the State Affairs Commission, the North's top governing body chaired by
    leader X", "The National Defence Commission, chaired by X, ..."."""
    group = "verb" if "verb" in m.re.groupindex and m.group("verb") else "cue"
    if group not in m.re.groupindex or m.group(group) not in _CHAIRING:
        return False
    s, start, end = view.string, m.start(group), m.end(group)
    if _ORGAN_CHAIRED.match(s, end):
        return True
    return s.startswith(" by ", end) and _BODY_CHAIRED_BY.search(s, 0, start) is not None


@cache
def _many_occasions() -> re.Pattern[str]:
    """(round 7, M2) Occasions counted in the plural, a few words after a cue or verb: "on many
    visits", "at most of the party 's major meetings", "on several occasions" (over a
    sentence's symbols; ``attendance.many_occasions``)."""
    flex = fact_lexicon()
    quantifiers = sorted(flex.many_quantifiers, key=len, reverse=True)
    heads = sorted(flex.many_heads, key=len, reverse=True)
    return re.compile(
        r"(?:(?! ,| ;| \.)(?: \S+)){0,6}? (?:(?:on|at|in|during|to|for) )?(?:"
        + "|".join(re.escape(q) for q in quantifiers)
        + r")(?: (?!,)\S+){0,4}? (?:" + "|".join(re.escape(h) for h in heads) + r")(?= |$)"
    )


def _many(m: re.Match[str]) -> bool:
    """Whether the match's cue or verb is followed by occasions counted in the plural ("was seen
    accompanying Kim on recent inspections", "appeared at most of the meetings in 2022"): it
    places the person at no one occasion."""
    group = "verb" if "verb" in m.re.groupindex and m.group("verb") else "cue"
    if group not in m.re.groupindex or m.group(group) is None:
        return False
    return _many_occasions().match(m.string, m.end(group)) is not None


def _to_come(flex: FactLexicon, view: SentenceView, m: re.Match[str]) -> bool:
    """Whether a word before the match in its sentence makes its occasion one to come or one
    that did not happen (``to_come``: "are expected to sign", "had been scheduled")."""
    return any(item.kind == "word" and item.text in flex.attendance_to_come
               for item in view.items_in(0, m.start()))  # fmt: skip


def _met_only(flex: FactLexicon, m: re.Match[str]) -> bool:
    """Whether the match's verb places anyone only at the meeting it begins ("Kim Jong Un
    received Sergei Shoigu"; appearances of kind ``received``)."""
    group = "verb" if "verb" in m.re.groupindex else "cue"
    if group not in m.re.groupindex or m.group(group) is None:
        return False
    return flex.appearances.get(tuple(m.group(group).split())) == "received"


def _guests_within(r: Context, view: SentenceView, m: re.Match[str]) -> list[Item]:
    """ "hosted a grand banquet for Xi Jinping": the guest the occasion's name holds (the
    ``occasion`` group of a host's pattern) took part in it too."""
    if "occasion" not in m.re.groupindex or m.group("occasion") is None:
        return []
    return [Item("person", x.start, x.end, x.text, x.entity)
            for item in view.group(m, "occasion")
            for x in r.mentions_in(item.start, item.end, ("person",))]  # fmt: skip


def _own_appearance(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    *,
    places_only: bool = False,
    described: bool = False,
) -> str | None:
    for pattern in flex.admitted(flex.attendance_patterns, view.string):
        if pattern.id not in ("verb", "escort"):
            continue
        for m in pattern.regex.finditer(view.string):
            people = people_of(view, m)
            if people or pattern.id == "escort":
                key = _appearance(
                    r, flex, view, m, people, places_only=places_only, described=described
                )
                if key is not None:
                    return key
    return None


@cache
def _appearance_verb() -> re.Pattern[str]:
    """Any verb of an appearance in a sentence's text: what a sentence must have before its
    symbols are looked at for one whose subject names no one (most have none)."""
    verbs = sorted((r"\s+".join(map(re.escape, v)) for v, kind in fact_lexicon().appearances.items()
                    if kind == "appearance"), key=len, reverse=True)  # fmt: skip
    return re.compile(r"\b(?:" + "|".join(verbs) + r")\b", re.I)


@cache
def _subject_verb() -> re.Pattern[str]:
    """A verb of an appearance (``attendance.appearances`` of kind ``appearance``: "visited",
    "toured", "watched") whose subject names no one: "the President visited", "On October 18,
    the delegation toured", "Senior officials of the party visited" (over a sentence's symbols;
    not a passive, a past perfect or a relative clause: "was visited by", "had visited", "the
    complex, which the President visited in 1970")."""
    verbs = sorted((" ".join(v) for v, kind in fact_lexicon().appearances.items()
                    if kind == "appearance"), key=len, reverse=True)  # fmt: skip
    return re.compile(
        r"^(?:(?!P\d|E\d|R\d|(?:which|that|who|whom|where|when|if|as)\b)\S+ ){1,16}?"
        r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bhad )"
        r"(?<!\bhas )(?<!\bhave )(?:also |then |later )?(?P<verb>"
        + "|".join(re.escape(v) for v in verbs) + r")(?= |$)"
    )


def _unnamed_subject(
    r: Context,
    flex: FactLexicon,
    sentence: Sentence,
    found: list[Fact],
    view: SentenceView | None = None,
) -> str | None:
    """ "After the guidance at the complex, the President visited the X Hospital", "On October
    18, the delegation toured the International Friendship Exhibition": an appearance of its
    own though the sentence names no one who made it (a title standing for the leader, a
    delegation), so that those the next sentences place with him ("It was accompanied by ...",
    "He was welcomed at the hospital by ...") are at it rather than at the occasion before."""
    if not _appearance_verb().search(r.text, sentence.start, sentence.end):
        return None
    view = view or sentence_view(r, sentence.start, sentence.end)
    m = _subject_verb().match(view.string)
    if m is None or _DENIED.search(view.string, 0, m.start("verb")):
        return None
    key: str | None = None
    for item in view.items_in(m.end(), len(view.string) + 1):
        if item.kind in ("event", "eventref") and item.ref:
            key = r.reg.resolve(item.ref)  # "watched a performance" the text dated: that one
        if key is not None or item.text.lower() not in ("the", "a", "an"):
            break
    key = key or _appearance(r, flex, view, m, [])
    leader = _titled_leader(r, flex, view, m) if key is not None else None
    if key is not None and leader is not None:
        role = flex.attendance_verbs.get(tuple(m.group("verb").split()), "attended")
        verb = next(p for p in flex.attendance_patterns if p.id == "verb")
        found.extend(_participations(r, view, [leader], role, None, key, None, verb))
    return key


def _titled_leader(
    r: Context, flex: FactLexicon, view: SentenceView, m: re.Match[str]
) -> Item | None:
    """ "the President visited ...": the person the article named with that title before
    ("President Kim Il Sung"), standing as the subject (titles: ``occasion_segments.titles``)."""
    subject = view.items_in(0, m.start("verb"))
    for i, item in enumerate(subject[:-1]):
        if item.text.lower() != "the":
            continue
        title = " ".join(x.text for x in subject[i + 1 :]).lower()
        if title not in flex.occasion_titles:
            continue
        for mention in reversed(r.mentions_in(0, view.start, ("person",))):
            before = r.text[max(0, mention.start - len(title) - 12) : mention.start].lower()
            if mention.entity and re.search(rf"\b{re.escape(title)}\s+(?:comrade\s+)?$", before):
                end = subject[-1].end
                return Item("person", subject[i].start, end, r.text[subject[i].start : end],
                            mention.entity)  # fmt: skip
    return None


def _role(
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    pattern: Pattern,
    previous: str | None,
    r: Context | None = None,
) -> tuple[str | None, FactSpan | None]:
    if pattern.id == "so-did":
        return previous, None
    group = "verb" if "verb" in m.re.groupindex else "cue"
    items = view.group(m, group)
    span = FactSpan(items[0].start, items[-1].end, "trigger") if items else None
    if pattern.type:
        return pattern.type, span
    words = tuple(m.group(group).split())
    table = flex.attendance_verbs if group == "verb" else flex.attendance_cues
    role = table.get(words) or table.get(name_words(" ".join(words)))
    if role == "attended" and _AS_OBSERVERS.search(m.string, m.start(), m.end() + 16):
        role = "observer"  # "Attending the meeting as observers were ...", "were present as ..."
    if role == "attended" and r is not None and _there_on_platform(r, flex, view, m):
        role = "platform"
    return role, span


_THERE = re.compile(r"\s+there\b")


def _there_on_platform(r: Context, flex: FactLexicon, view: SentenceView, m: re.Match[str]) -> bool:
    """ "Kim Jong Un appeared on the tribune ... Present there were A, B and C": "there" is the
    tribune (a place a ``platform`` cue names) the sentence before put someone on."""
    if "cue" not in m.re.groupindex or not _THERE.match(m.string, m.end("cue")):
        return False
    index = r.doc.sentence_index(view.start)
    if index <= 0:
        return False
    before = " ".join(r.text[r.doc.sentences[index - 1].start : view.start].lower().split())
    places = [" ".join(cue) for cue, role in flex.attendance_cues.items() if role == "platform"]
    return any(f" {p} " in f" {before} " or f" {p}." in f" {before}" for p in places)


_AS_OBSERVERS = re.compile(r"\bas observers?\b")


_VISITED = {("visited",), ("paid", "a", "visit", "to")}
"""verbs of a visit that take a place described, like an inspection's ("visited a port")"""

_SHIFTED = re.compile(r"day\s+before|previous\s+day|eve\b|next\s+day|following\s+day")


def _appearance(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    people: list[Item],
    *,
    places_only: bool = False,
    described: bool = False,
) -> str | None:
    """ "Kim Jong Un inspected the Kim Jong Suk Pyongyang Textile Mill": an appearance (with
    ``places_only``, only a visit or inspection of a named place, not a performance watched;
    with ``described``, also an inspection of a place the text describes: "looked round the
    construction site of ...")."""
    verb = tuple(m.group("verb").split())
    kind = flex.appearances.get(verb)
    if kind is None:
        return None
    occasion_only = kind == "occasion"  # "guided a test-fire", not "guided the work of ..."
    kind = {"occasion": "appearance", "received": "meeting"}.get(kind, kind)
    verb_items = view.group(m, "verb")
    if not verb_items:
        return None
    if kind in ("meeting", "received") and _quoted(r, verb_items[0].start):
        return None  # (class AB) "'We met the leader ...,' Chung told reporters"
    end = verb_items[-1].end
    escort = kind == "escort"
    if escort:
        # "accompanied Kim Jong Un to a KPA unit", "... on his visit to the school": what the
        # one accompanied went to, after him; only in a sentence that names no event
        leader = view.group(m, "leader") if "leader" in m.re.groupindex else []
        to = _ESCORT_TO.match(r.text, leader[-1].end) if leader and not places_only else None
        if to is None or _DENIED.search(r.text, view.start, verb_items[0].start):
            return None  # ("he often accompanied Kim to munitions factories": no one visit)
        end, kind, verb, described = to.end(), "appearance", ("visited",), True
    inspection = (
        described and kind == "appearance" and not occasion_only
        and (flex.attendance_verbs.get(verb) == "guided" or verb in _VISITED)
    )  # fmt: skip
    # (class BE) "In Shenzhen he visited a container port on Saturday": a place described that
    # a visit goes to (only when it begins an appearance of its own: a day of its own)
    what = _met_object(r, end, view.end) if kind in ("meeting", "received") else None
    what = what or _object_of(r, end, view.end, inspection=inspection, described_first=escort)
    grouped, told_end = False, None
    if kind == "meeting" and (what is None or _met(r, kind, _said(r, what), what[:2]) is None):
        group = _met_group(r, flex, end, view.end)
        if group is not None and not _DENIED.search(r.text, view.start, verb_items[0].start):
            what, grouped = group, True  # (round 6) "received the government delegation of
            # Laos", "met on Thursday with Kim Jong-un", "met senior commanders on Monday"
    if what is None:
        return None
    obj_start, obj_end, described = what
    if described and verb in _VISITED and any(view.start <= at < view.end for at, _ in r.held):
        return None  # "visited the bier of X": the tribute the sentence holds, not a visit
    obj = " ".join(r.text[obj_start:obj_end].split())
    if described and verb in flex.duty_verbs and _head_noun(obj) in flex.duty_objects:
        return None  # (class CG) "where he oversaw the third seven-year plan": a duty
    if occasion_only and not obj[:1].islower():
        return None
    if places_only and (kind != "appearance" or not obj[:1].isupper()):
        # "welcomed Moon at the airport on Tuesday, the first day of a three-day summit. A
        # welcome ceremony was held": the welcome, though the sentence names the summit
        return _held_welcome(r, view) if kind == "welcome" else None
    if grouped:
        if _APPEAL.match(r.text, obj_end):
            return None  # "called on all the party members to display ...": an appeal
        other = r.mentions_in(obj_start, obj_end, ("person",))
        gate = _GATE_AFTER.match(r.text, obj_end, view.end)
        if gate is not None:
            # "met the delegation of the USSR headed by ..., at the airport": its welcome, on
            # the day of the arrival the sentence before tells when its own gives none
            obj, kind = f"welcome of {other[0].text if other else obj}", "ceremony"
            told_end = gate.end()
        else:
            obj = f"meeting with {other[0].text if other else obj}"
    elif kind in ("welcome", "meeting"):
        met = _met(r, kind, obj, (obj_start, obj_end))
        if met is None:
            return None
        obj, kind = met
        if kind == "ceremony" and (held := _held_welcome(r, view)) is not None:
            return held  # "welcomed Xi Jinping at the airport. A welcome ceremony was held there"
    if places_only and r.mentions_in(obj_start, obj_end, ("event",)):
        return None  # "visited the 7th Congress": the event named, no visit of its own
    when = _appearance_day(r, view, end, kind)
    if when is None and grouped and told_end is not None:
        when = _day_of_sentence_before(r, view.start)
    if when is None and (again := _same_occasion_before(r, obj, obj_start)) is not None:
        return again
    named = _appearance_name(obj, kind, verb, described=described)
    if named is None:
        return None
    name, kind = named
    if kind == "meeting" and when is not None and obj.startswith("meeting with "):
        talks = _talks_told_next(r, view, when, (obj_start, obj_end))
        if talks is not None:
            return talks  # (class AB) "X met Y on Thursday. The two leaders held talks ..."
    if when is None and kind != "meeting" and not described and _SHOW.search(name):
        # (class Q) "That evening, Kim hosted a state banquet ... The two leaders also watched a
        # gala performance": a show in a paragraph that dated an occasion is of its day
        sentence = r.doc.sentence_at(view.start)
        if sentence is not None:
            when = event_day_before(r, view.start, block=sentence.block)
    key = f"event:appearance:{match_key(name)}:{when.iso if when else r.article.key}"
    event = r.reg.add(Entity(key, "event"))
    event.fields.setdefault("type", kind)
    if when is not None:
        event.fields.setdefault("date", when)
        last = _period_end(r, view, end, when)
        if last is not None:
            event.fields.setdefault("end", last)
    span = (obj_start, obj_end)
    if described or not re.search(r"(?:^|\s)[A-Z0-9]", name):
        # "performance": a description; dated, so that another article's is not taken for it
        day = when or r.reference
        name = (
            f"{name}, {day_words(when)}" if when
            else f"{name}, reported {day_words(day)}" if day
            else f"{name}, in {r.article.key.split(':')[-1]}"
        )  # fmt: skip
    event.add_name(NameDraft(name, derived=name != " ".join(r.text[span[0] : span[1]].split()),
                             spans=[span]))  # fmt: skip
    place = _place_after(r, obj_end, view.end)
    if place and "location" not in event.fields:
        event.fields["location"] = place
    told = (verb_items[0].start, max(span[1], told_end or 0))
    event.note(f"“{' '.join(r.text[told[0] : told[1]].split())}”", told)
    if not described and not grouped and not any(x.entity == event.key for x in r.mentions):
        r.add_mention(Mention(span[0], span[1], r.text[span[0] : span[1]], event.key, "event"))
    return event.key


_GATE = re.compile(r"\b(?:airport|station|airfield|tarmac)\b")
_GATE_OCCASION = re.compile(r"\b(?:welcom|greet|arrival|send-off|see-off|seeing-off|farewell"
                            r"|departure)", re.I)  # fmt: skip


def _gate_occasion(r: Context, view: SentenceView, m: re.Match[str]) -> str | None:
    """ "Kim Yong Nam was also at the airport", "Also out at the airport to welcome them were A
    and B": the welcome (or send-off) held last before the sentence, when a cue of a place where
    guests arrive or leave places people there and the sentence names no event."""
    if "cue" not in m.re.groupindex or not m.group("cue") or not _GATE.search(m.group("cue")):
        return None
    if any(i.kind in ("event", "eventref") for i in view.items):
        return None
    for at, key in reversed(r.held):
        if at <= view.start and _GATE_OCCASION.search(
            " ".join(n.text for n in r.reg.peek(key).names) or key
        ):
            return r.reg.resolve(key)
    return None


_BURIAL = re.compile(r"\b(?:cemetery|grave|graveside|buried|burial|interred|interment)\b", re.I)
_MEMORIAL = re.compile(r"\bmemorial\b", re.I)
_FUNERAL = re.compile(r"\bfuneral\b(?!\s+(?:procession|committee))", re.I)


def _funeral_of_burial(r: Context, sentence: Sentence, target: str) -> str | None:
    """The funeral the text reported, for a list at the burial after its memorial service ("The
    funeral of X took place ... A memorial service was held ... At the cemetery, the coffin was
    lowered into the grave. Among those on hand were A and B"): the burial is the funeral's, not
    the service's, when the sentence or the one before it in its paragraph is at the grave."""
    names = " ".join(n.text for n in r.reg.peek(target).names)
    if not _MEMORIAL.search(names):
        return None
    index = r.doc.sentence_index(sentence.start)
    before = r.doc.sentences[index - 1] if index > 0 else None
    same = before is not None and before.block == sentence.block
    start = before.start if before is not None and same else sentence.start
    if not _BURIAL.search(r.text, start, sentence.end):
        return None
    for at, key in reversed(r.held):
        if at < sentence.start and key != target and _FUNERAL.search(
            " ".join(n.text for n in r.reg.peek(key).names)
        ):
            return r.reg.resolve(key)
    return None


_ESCORT_TO = re.compile(
    r"\s+(?:to|on|at(?=\s+an?\s))(?:\s+(?:his|her|their)\s+(?:visit|trip|tour|inspection)\s+"
    r"(?:to|of))?(?=\s)"
)
"""what follows the one accompanied before the place or occasion he went to ("accompanied Kim
to", "accompanied Kim on his visit to", "accompanied Kim at a concert": an occasion not told
before)"""


def _talks_told_next(
    r: Context, view: SentenceView, when: PartialDate, span: tuple[int, int]
) -> str | None:
    """(class AB) "Putin met North Korean leader Kim Jong Un on Thursday ... The two leaders held
    talks one-on-one": the meeting a verb reports is the occasion of talks held the same day in
    the next sentences of its paragraph or the next, whose sentence names the one met or "the
    two leaders" (not "held talks with Ri Yong Ho", nor "The second round of talks began")."""
    sentence = r.doc.sentence_at(view.start)
    met = {r.reg.resolve(m.entity) for m in r.mentions_in(*span, ("person",)) if m.entity}
    if sentence is None or not met:
        return None
    for offset, key in r.held:
        if offset <= view.start:
            continue
        there = r.doc.sentence_at(offset)
        if there is None or there.block - sentence.block > 1:
            break
        event = r.reg.peek(key)
        if event.fields.get("type") != "meeting" or event.fields.get("date") != when or (
            "ordinal" in event.fields
        ):
            continue
        named = {r.reg.resolve(m.entity) for m in r.mentions_in(there.start, there.end, ("person",))
                 if m.entity}  # fmt: skip
        if not (met & named or not named and _THE_LEADERS.search(r.text, there.start, there.end)):
            continue  # ("The second round of talks began ...": which talks, unsaid)
        return r.reg.resolve(key)
    return None


def _same_occasion_before(r: Context, obj: str, start: int) -> str | None:
    """(class V) "Kim oversaw the launch of ... on Friday. ... Kim watched the launch of the
    Hwasong-17 alongside his daughter": an undated "the <occasion>" a leader's verb takes is the
    appearance of that noun reported before it (its latest), not a second one."""
    if not obj[:1].islower() or not re.search(r"\bthe\s+$", r.text[max(0, start - 5) : start]):
        return None
    head = obj.split()[0].lower()
    heads = fact_lexicon().same_occasion_heads.get(head, frozenset({head}))
    """(class DB) "the launch" after "the test-fire of ...": heads naming the same occasion"""
    for mention in reversed(r.mentions_in(0, start, ("event",))):
        words = mention.text.lower().split()
        if mention.entity and mention.entity.startswith("event:appearance:") and (
            words[0] in heads or (len(obj.split()) == 1 and words[-1] in heads)
            or (len(obj.split()) == 1 and _possessed_head(words, heads))
        ):  # (class AF) "inspected the coastal tourist area ... looked round the area with him"
            return r.reg.resolve(mention.entity)
    return None


def _possessed_head(words: list[str], heads: frozenset[str]) -> bool:
    """(class DB) "first launch" (of "North Korea's first launch of a new ICBM"): the head after
    an ordinal or adjective (up to three words before it)."""
    return any(word in heads for word in words[:4])


_THE_NOUN = re.compile(r"\s+the\s+(?P<noun>[a-z]+)\b(?!\s+of\b)")


def _again(r: Context, view: SentenceView, m: re.Match[str], found: list[Fact]) -> str | None:
    """(class AF) "Kim Jong Un inspected the coastal tourist area ... His daughter also looked
    round the area with him": a leader's verb whose object is "the <noun>" that the place of an
    appearance found before ends with is that appearance, not the one begun last."""
    verb = view.group(m, "verb") if "verb" in m.re.groupindex else []
    noun = _THE_NOUN.match(r.text, verb[-1].end) if verb else None
    if noun is None:
        return None
    said = re.compile(rf"\b{re.escape(noun.group('noun'))}\b", re.I)
    for fact in reversed(found):
        key = fact.event
        if fact.rule != "verb" or fact.type != "guided" or key is None or not key.startswith(
            "event:appearance:"
        ):
            continue  # (the sentence that began it: its guide's)
        if said.search(r.text, *fact.sentence):
            return r.reg.resolve(key)
    return None


_SHOW = re.compile(r"\b(?:performance|concert|show|gymnastics)\b")
_WELCOME_WORDS = re.compile(r"\b(?:welcom|greet|arrival\b)", re.I)


def _held_welcome(r: Context, view: SentenceView) -> str | None:
    """ "Kim Jong Un welcomed Xi Jinping at the airport. A welcome ceremony was held there": the
    greeting is the welcome ceremony this sentence or the next reports, not a second occasion."""
    sentence = r.doc.sentence_at(view.start)
    end = r.doc.through_next(sentence) if sentence is not None else view.end
    index = r.doc.sentence_index(view.start)
    # (class Q) "Zhao Leji arrived in Pyongyang on Thursday. Choe Ryong Hae greeted Zhao at the
    # airport": the arrival the sentence before reported; (class CF) or the one before it ("X
    # arrived yesterday. He was accompanied by A and B. Kim Jong Il greeted the guests at the
    # airport")
    since = r.doc.sentences[max(0, index - 2)].start if index > 0 else view.start
    for offset, key in r.held:
        names = " ".join(n.text for n in r.reg.peek(key).names)
        if (view.start <= offset < end or since <= offset < view.start and "arrival" in names) \
                and _WELCOME_WORDS.search(names):
            return r.reg.resolve(key)
    return None


def _head_noun(obj: str) -> str:
    """The head noun of a described object: its last word before "of" ("the personnel files of
    the central party apparatus": files), lower case."""
    head = re.split(r"\s+(?:of|for|in|on|at)\s+", obj, maxsplit=1)[0]
    words = head.split()
    return words[-1].lower().strip(",.") if words else ""


def _period_end(
    r: Context, view: SentenceView, end: int, first: PartialDate
) -> PartialDate | None:
    """(class CG) The last day of a period the appearance's sentence prints after its verb,
    when ``first`` is its first day ("gave on-the-spot guidance to ... from February 5 to 20",
    "toured North Hamgyong Province from 12 to 15 February"): both ends are the event's."""
    for d in r.dates_in(end, view.end):
        if d.range is not None and d.role == "start" and d.date == first:
            last = d.range.last
            return last if last is not None and last.day is not None and last != first else None
    return None


def _appearance_day(r: Context, view: SentenceView, end: int, kind: str) -> PartialDate | None:
    """The day of an appearance whose verb ends at ``end``: only a date the text gives (a
    report's own date is not the day of the inspection)."""
    if kind == "meeting":
        # (class AB) "Kim, who arrived on Thursday, first met Putin in Pyongyang in July 2000":
        # the date of the verb's own clause, not the day of another clause before it
        clause = re.compile(r"[,;]\s|\s(?:when|where|after|before|while)\s").search(
            r.text, end, view.end
        )
        own = [d.date for d in r.dates_in(end, clause.start() if clause else view.end)
               if d.date is not None]  # fmt: skip
        if own:
            return own[0]
    dates, basis, _ = fact_dates(r, view, end, None, holds=False)
    when = dates.get("at") or dates.get("first") if basis in ("sentence", "weekday") else None
    stated = [d.date for d in r.dates_in(end, view.end) if d.date is not None]
    if when is None and kind == "meeting" and stated:
        when = stated[0]  # "met Donald Trump in Hanoi in February 2019": a month will do
    # "Earlier in the day, Kim Jong Un ... visited", "will visit ... on Saturday", "on 29 April
    # ... he had watched a performance the day before"
    relative = relative_day(r, view.start, view.end)
    if relative is not None and _same_day_as_undated(r, view.start, relative[1]):
        relative = None  # "The same day, ...": the day of an inspection the text does not date
    if relative is not None and (basis != "sentence" or _SHIFTED.search(r.text, *relative[1])
                                 or (when is not None and when.day is None)):
        when = relative[0]  # ("After the guidance, he visited the hospital, renovated this year")
    return when


_AT_THE = re.compile(
    r"\bat\s+the\s+(?P<place>[A-Z0-9][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z0-9][\w'’.-]*)*)"
)
"""where an appearance was ("watched a performance ... at the Jagang Provincial Art Theatre")"""


_APPEAL = re.compile(r"(?:\s*,[^,.;]{1,90},)?\s+to\s+[a-z]")
"""after the one "called on": an appeal to do something, not a call paid on him"""

_TITLE_BEFORE = re.compile(r"(?:(?:(?:[A-Z][\w.’'-]*|of|the|for)\s+){0,5}[A-Z][\w.’'-]*\s+)?")
"""what may stand before the one met: nothing, or his title ("U.S. President Donald Trump",
"Russian Foreign Minister Sergei Lavrov", "Secretary of State Mike Pompeo"), which ends in a
capitalised word: "received the Order of Kim Il Sung" names no one met"""


@cache
def _lower_title_before() -> re.Pattern[str]:
    """(class AB) a title before the one met that ends in lower case ("North Korean leader",
    "North Korea's top nuclear negotiator,", "his counterpart", ``attendance.met_titles``), or
    the group he leads ("South Korea's special envoys led by national security adviser")."""
    titles = sorted(fact_lexicon().met_titles, key=lambda t: (-len(t), t))
    title = r"(?i:" + "|".join(r"\s+".join(map(re.escape, t.split())) for t in titles) + r")s?"
    words = r"(?:[\w.’'-]+\s+){0,7}?"
    return re.compile(
        rf"(?:{words}{title},?\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}"
        rf"|{words}(?:envoys?|delegations?|delegates|team)\s+(?:led|headed)\s+by\s+"
        rf"(?:{words}{title}\s+)?(?:[A-Z][\w.’'-]*\s+){{0,3}})"
    )


def _met_object(r: Context, start: int, end: int) -> tuple[int, int, bool] | None:
    """(class AB) The one met after a title in lower case ("met North Korean leader Kim Jong
    Un", "received South Korea's special envoys led by ... Chung Eui-yong"): from the title to
    the end of his name (the capitalised object `_OBJECT` takes would stop at "leader")."""
    at = start + len(r.text[start:end]) - len(r.text[start:end].lstrip())
    people = r.mentions_in(at, min(end, at + 160), ("person",))
    if not people or not _lower_title_before().fullmatch(r.text, at, people[0].start):
        return None
    return at, people[0].end, False


_AT_GATE = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s+at\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}?(?:[Aa]irport|[Ss]tation"
    r"|[Aa]irfield)\b"
)
"""where guests arrive ("the Mongolian guests at Sunan Airport", after the object's capitalised
words): one met there is welcomed (the welcome, not a meeting)"""


def _said(r: Context, what: tuple[int, int, bool]) -> str:
    return " ".join(r.text[what[0] : what[1]].split())


def _met_group(
    r: Context, flex: FactLexicon, start: int, end: int
) -> tuple[int, int, bool] | None:
    """(round 6, occasions first) The one met when it is not a titled person: a group ("the
    party and government delegation of China", "Romanian visitors", "senior commanders": a noun
    of ``met_groups`` within seven words, with its "of ..." after it) or a person after an
    adverbial ("met on Thursday with Kim Jong-un"). A meeting held, whoever the other side was:
    the caller names it "meeting with ..."."""
    after = _MET_ADVERBIAL.match(r.text, start, end)
    at = after.end() if after else start
    people = r.mentions_in(at, min(end, at + 60), ("person",))
    if after is not None and people and not r.text[at : people[0].start].strip(" ,"):
        return people[0].start, people[0].end, False
    words = _MET_WORDS.match(r.text, at, end)
    if words is None:
        return None
    for w in re.finditer(r"[\w'’.-]+", words.group("words")):
        if w.group(0).lower() in _NOT_IN_GROUP:
            return None  # "received congratulations from the delegation": not the one met
        if w.group(0).lower() in flex.met_groups:
            stop = words.start("words") + w.end()
            tail = _MET_TAIL.match(r.text, stop, end)
            return words.start("words"), tail.end() if tail else stop, False
    return None


def _day_of_sentence_before(r: Context, start: int) -> PartialDate | None:
    """The last day the sentence before ``start`` states ("Foreign delegations arrived here on
    September 7. X met the delegation of ... at the airport"), not its dateline's."""
    sentence = r.doc.sentence_at(start)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    if index == 0:
        return None
    before = r.doc.sentences[index - 1]
    days = [
        d.date for d in r.dates_in(before.start, before.end)
        if d.date is not None and d.date.day is not None
        and not _DATELINE_AFTER.match(r.text, d.end)
    ]  # fmt: skip
    return days[-1] if days else None


_DATELINE_AFTER = re.compile(r"\s*(?:\(\w+\)|--|—)")
"""after a dateline's day ("Pyongyang, September 8 (KCNA) --")"""

_GATE_AFTER = re.compile(
    r"[^.;]{0,300}?\bat\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}?(?:[Aa]irport|[Ss]tation|[Aa]irfield)\b"
)
"""where a group met was welcomed, later in its clause ("met the delegation ..., at the
airport")"""

_NOT_IN_GROUP = frozenset(
    {"of", "from", "for", "to", "by", "on", "in", "at", "about", "that", "which", "who", "after",
     "before", "during", "over", "into"}
)  # fmt: skip
"""words that end the noun phrase of the one met before its noun"""

_MET_ADVERBIAL = re.compile(
    r"\s+(?:(?:on|last|this|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|week|month|morning|afternoon|evening)|separately|briefly|later|again|also)"
    r"(?:\s+with)?"
)
"""words between "met" and the one met ("met on Thursday with Kim Jong-un")"""

_MET_WORDS = re.compile(r"\s+(?:with\s+)?(?P<words>(?:[\w'’.-]+\s+){0,6}[\w'’.-]+)")
"""the words after a verb of meeting, up to seven (no punctuation between them)"""

_MET_TAIL = re.compile(
    r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:(?:of|and)\s+)?(?:the\s+)?[A-Z][\w'’.-]*)*)?"
)
"""whose the group is ("delegation of the People's Republic of China")"""


def _met(r: Context, kind: str, obj: str, span: tuple[int, int]) -> tuple[str, str] | None:
    """The occasion of meeting someone: "warmly greeted Hu Jintao ... at Pyongyang Airport" (a
    welcome ceremony for a guest), "met Donald Trump in Hanoi" (a meeting with the one met)."""
    other = r.mentions_in(*span, ("person",))
    if kind == "meeting" and _AT_GATE.match(r.text, span[1]):
        kind = "welcome"  # (class CF) "Kim Il Sung met the Mongolian guests at Sunan Airport"
    if kind == "meeting":
        titled = bool(other) and (
            _TITLE_BEFORE.fullmatch(r.text, span[0], other[0].start) is not None
            or _lower_title_before().fullmatch(r.text, span[0], other[0].start) is not None
        )
        if titled and _APPEAL.match(r.text, other[0].end):
            return None  # (class AB) "called on Kim Yong Nam to step down": an appeal
        return (f"meeting with {other[0].text}", kind) if titled else None
    if not other and (not obj[:1].isupper() or obj.lower() in fact_lexicon().occasion_titles):
        return None  # "greeted the President at the entrance": the leader, on the spot
    return f"welcome of {other[0].text if other else obj}", "ceremony"


def _place_after(r: Context, start: int, end: int) -> str | None:
    """Where an appearance was: "at the Jagang Provincial Art Theatre", or a city of the
    lexicon's ``places`` ("met Donald Trump in Hanoi")."""
    hall = _AT_THE.search(r.text, start, end)
    if hall is not None:
        return hall.group("place").rstrip(".")
    for m in re.finditer(r"\bin\s+([A-Z][\w'’-]*)", r.text[start:end]):
        if m.group(1) in r.lex.places:
            return m.group(1)
    return None


def _appearance_name(
    obj: str, kind: str, verb: tuple[str, ...], *, described: bool = False
) -> tuple[str, str] | None:
    """The name and type of the event an appearance is: "Visit to X" / "Inspection of X" for a
    named place, "inspection of X" for a place described, the occasion itself for a performance
    or ceremony (a leader watching a performance is his appearance; attending a ceremony, the
    ceremony), None for anything else written in lower case."""
    if obj.startswith(("welcome of ", "meeting with ")):
        return straight(obj), kind
    if described:
        return straight(f"inspection of {obj}"), "appearance"
    if kind == "ceremony" or not obj[:1].isupper():
        name = straight(obj)
        if not re.search(r"performance|concert|show|parade|rally|ceremony|reception|banquet"
                         r"|exhibition|gymnastics|display|fir(?:e|ing)\b|launch|drill|exercise",
                         name):  # fmt: skip
            return None
        kind = "appearance" if kind == "appearance" and re.search(
            r"performance|concert|show|gymnastics|display|fir(?:e|ing)\b|launch|drill|exercise"
            r"|exhibition",
            name) else "ceremony"  # fmt: skip
        return name, kind
    noun = "Visit to" if "visited" in verb or "visit" in verb else "Inspection of"
    return straight(f"{noun} {obj}"), kind


def _object_of(
    r: Context, start: int, end: int, *, inspection: bool, described_first: bool = False
) -> tuple[int, int, bool] | None:
    """Where the object of a leader's verb at ``start`` lies, up to ``end`` (the sentence's):
    a name or an occasion (`_OBJECT`), else, for an ``inspection``, a place described
    (`_DESCRIBED`); and whether it is described. ``described_first``: a place described before
    a name ("to a KPA unit in ...": the unit, not "KPA")."""
    if described_first:
        first = _DESCRIBED.match(r.text, start, end)
        if first is not None and not _habitual().search(first.group("object")):
            return first.start("object"), first.end("object"), True
    what = _OBJECT.match(r.text, start, end)
    possessor = _POSSESSOR.match(r.text, start, end)
    if possessor is not None and (possessed := _POSSESSED.match(r.text, possessor.end(), end)):
        what = possessed  # (class DB) "oversaw North Korea's first launch of ...": the launch
    if what is not None:
        obj_end = _object_end(r, *what.span("object"))
        if _MANY_TIMES.match(r.text, obj_end, end):
            return None  # "visited Russia three times, most recently in 2011": no one visit
        start = what.start("object")
        lead = _MODIFIERS.match(r.text, start, obj_end)
        if lead is not None and r.text[lead.end() : lead.end() + 1].isupper():
            start = lead.end()  # "visited the newly built Pyongyang ... Hospital": the name
        return start, obj_end, False
    described = _DESCRIBED.match(r.text, start, end) if inspection else None
    if described is None or _habitual().search(described.group("object")):
        return None  # "inspected weapons factories several times": no one inspection
    return described.start("object"), described.end("object"), True


_POSSESSOR = re.compile(r"\s+(?:(?:the|a|an)\s+)?(?:[A-Za-z][\w.-]*\s+){0,3}?[\w.-]+['’]s(?=\s)")
"""a possessor before a leader's object ("North Korea's", "the country's")"""
_POSSESSED = re.compile(
    r"\s+(?P<object>(?:[a-z][\w-]*\s+){0,2}?(?:launch|launching|test[- ]fir(?:e|ing)|firing"
    r"|test|drill|exercise|parade|performance|concert))\b"
)
"""(class DB) the occasion after a possessor's name ("North Korea's first launch of ..."), which is
the object, not the possessor"""

_MODIFIERS = re.compile(f"(?:{_MODIFIER})+")
"""the participles and adverbs before a place's name (:data:`_MODIFIER`)"""

_MANY_TIMES = re.compile(
    r"[^.;]{0,30}?\b(?:(?:two|three|four|five|six|several|many|\d+)\s+times|often|regularly"
    r"|frequently|repeatedly)\b"
)
@cache
def _habitual() -> re.Pattern[str]:
    """What makes a described object many occasions ("inspected weapons factories several
    times", "on several military inspections", "visited many farms"); "gave field guidance to
    several factories and enterprises in Jagang Province in mid-January" is one tour. The
    occasions counted are the heads of ``attendance.many_occasions``."""
    heads = sorted(fact_lexicon().many_heads | {"times"}, key=len, reverse=True)
    return re.compile(
        r"\b(?:times|often|many|regularly|frequently|repeatedly)\b|\bseveral\s+(?:[a-z-]+\s+){0,2}?"
        r"(?:" + "|".join(re.escape(h) for h in heads) + r")\b"
    )


def _same_day_as_undated(r: Context, start: int, span: tuple[int, int]) -> bool:
    """ "The same day, Kim Jong Il gave field guidance to ...": the day of the event named before
    it, which the text does not date (so neither is this one), not the day of the report."""
    phrase = r.text[span[0] : span[1]].lower()
    if not re.search(r"\bday\b", phrase) or re.search(r"before|previous|eve|next|following",
                                                       phrase):  # fmt: skip
        return False
    before = [m for m in r.mentions_in(0, start, ("event",)) if not in_headline(r, m.start)]
    return bool(before) and event_day_before(r, start) is None


_DATE_PREPOSITION = re.compile(r"\s+(?:from|on|in|between|since|during)\s+$")
"""the word before a date that closes the object of a leader's verb"""


def _object_end(r: Context, start: int, end: int) -> int:
    """Where the object ends: at the sentence's end ("visited the February 8 Vinalon Complex.
    He ..."), before a full stop closing it, and before "and" when a person's
    name follows ("inspected the Pyongyang Textile Mill and Kim Yo Jong ..."), or the "and"
    ends it."""
    for d in r.dates_in(start, end):  # (class CG) "... County Party Committee from 5 to 20 May"
        at = _DATE_PREPOSITION.search(r.text, max(start, d.start - 12), d.start)
        if at is not None:
            end = at.start()
            break
    for m in re.finditer(r"\s+and\s+", r.text[start:end]):
        after = start + m.end()
        if r.mentions_in(after, end, ("person",)) or not re.match(
            r"[A-Z0-9][\w'’.-]*\s+[A-Z]", r.text[after:end]
        ):
            end = start + m.start()
            break
    return start + len(r.text[start:end].rstrip(". "))


def _participations(
    r: Context,
    view: SentenceView,
    people: list[Item],
    role: str,
    cue: FactSpan | None,
    event: str,
    event_span: tuple[int, int] | None,
    pattern: Pattern,
) -> list[Fact]:
    status, hedge = status_of(r, view)
    out = []
    for person in people:
        if person.ref is None:
            continue
        fact = Fact(
            "participation", role, person.ref, (view.start, view.end), role=role, event=event,
            status=status, rule=pattern.id,
        )  # fmt: skip
        spans = [FactSpan(person.start, person.end, "person")]
        if cue is not None:
            spans.append(cue)
        if event_span is not None:
            spans.append(FactSpan(event_span[0], event_span[1], "event"))
        if hedge is not None:
            spans.append(hedge)
        fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
        fact.why = f"{role} ({' '.join(r.text[cue.start : cue.end].split())})" if cue else role
        out.append(fact)
    return out


def _best(flex: FactLexicon, facts: list[Fact]) -> list[Fact]:
    """Each person once per event, with the most specific role; one said to be there as an
    observer ("attended by A, and B and C as observers") is an observer, not only present."""
    order = {role: i for i, role in enumerate(flex.attendance_roles)}
    best: dict[tuple[str, str | None], Fact] = {}

    def rank(fact: Fact) -> tuple[int, bool]:
        named = fact.type == "observer" and fact.rule in _OBSERVERS
        return order.get("attended" if named else fact.type, 99), not named

    for fact in facts:
        key = (fact.person, fact.event)
        current = best.get(key)
        if current is None or rank(fact) < rank(current):
            best[key] = fact
    return list(best.values())


_OBSERVERS = frozenset({"as-observers", "observers-were", "names-as-observers"})
