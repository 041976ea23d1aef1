"""What the fact passes share: the view of a sentence with what it names, the event a sentence
is about, the status a statement has, and the date a fact takes (with where it came from)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import replace

from ..dates import DateMention, PartialDate
from ..names import name_words
from ..reading.document import Sentence
from ..reading.entities import Mention, Ref
from ..reading.facts import (
    Fact,
    FactLexicon,
    FactSpan,
    antecedent_words,
    career_words,
    fact_lexicon,
)
from ..reading.sentences import Item, SentenceView, build_view
from ..reading.state import Context
from ..reading.words import ORDINAL_WORDS
from ..resources import resource_yaml
from .dates import (
    before_dateline,
    counts_past,
    in_subordinate,
    may_count_past,
    narrative_day_before,
    relative_day,
    report_day,
    reported_day,
    shift_day,
    speaks_ahead,
    stated_day,
    told_day,
)

__all__ = [
    "event_day",
    "antecedent",
    "weekday_date",
    "page_subject",
    "sentence_view",
    "names_someone",
    "event_of",
    "status_of",
    "official_source",
    "in_dateline",
    "fact_dates",
    "in_headline",
    "organ_of",
    "holding_dates",
]

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w’'. -]{1,30},\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,?\s*\d{4})?\s*(?:\((?P<agency>[^)]{2,40})\)|(?P<bare>[A-Z][A-Za-z]{2,20})(?=\s+[-–—]\s))"
)
"""a dateline: "Pyongyang, January 1 (KCNA) --", "TOKYO, May 23 Kyodo -" (the agency bare)"""
_SOURCE_LINE = re.compile(r"^\s*(?:Source|Sources|Via)\s*:\s*(?P<agency>.+)$", re.I)
_WEEKDAY = re.compile(
    r"\b(?:on\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NOT_FACT_BLOCKS = ("title", "heading")
_NTH_DAY = re.compile(
    r"\b("
    + "|".join(ORDINAL_WORDS[:10])
    + r"|opening|last|final|closing|(?:[1-9]|10)(?:st|nd|rd|th))\s+day\b",
    re.I,
)


def in_headline(r: Context, offset: int) -> bool:
    """In a title or heading, or (class AA) a report's own headline before its dateline inside
    the text (:func:`~kwpld.extract.dates.before_dateline`)."""
    block = r.doc.block_at(offset)
    return block is not None and (
        r.doc.blocks[block].kind in _NOT_FACT_BLOCKS or before_dateline(r, block)
    )


def names_someone(r: Context, start: int, end: int) -> bool:
    """Text[start:end] names a person (or refers to one by a pronoun): a fact may be there."""
    for m in r.mentions.items:
        if m.start >= end:
            break
        if m.kind == "person" and m.start >= start:
            return True
    return _PRONOUN.search(r.text, start, end) is not None or bool(_descriptions(r, start, end))


def sentence_view(r: Context, start: int, end: int) -> SentenceView:
    """The items of text[start:end]: titles, people, events, organs, posts, dates, references
    to events, then words. Built once per state (the fact passes read the same sentences one
    after another): a view is shared, to read only."""
    views = r.views()
    if views is None:
        return _sentence_view(r, start, end)
    view = views.get((start, end))
    if view is None:
        view = views[(start, end)] = _sentence_view(r, start, end)
    return view


def _sentence_view(r: Context, start: int, end: int) -> SentenceView:
    typed: list[Item] = []
    for title in r.person_titles:
        if start <= title.start and title.end <= end:
            # "member of the Political Bureau of the C.C., WPK": KCNA's name of the Central
            # Committee, which the title's organ belongs to, is part of the title
            whole = _OF_THE_CC.match(r.text, title.end)
            stop = whole.end() if whole and whole.end() <= end else title.end
            typed.append(Item("title", title.start, stop, r.text[title.start : stop], title))
    for m in r.mentions_in(start, end):
        kind = m.kind if m.kind in ("person", "organ", "event", "post", "article") else None
        if kind:
            typed.append(Item(kind, m.start, m.end, m.text, r.reg.resolve(m.entity)))  # type: ignore[arg-type]
    for m in r.mentions.items:  # a name several records share: a person, but not one known
        if m.entity is None and m.kind == "person" and start <= m.start and m.end <= end:
            typed.append(Item("person", m.start, m.end, m.text, None))
    for s, e, key in r.event_refs:
        if start <= s and e <= end:
            typed.append(Item("eventref", s, e, r.text[s:e], key))
    for d in r.dates_in(start, end):
        # (class ED) "since mid-2022", "since early 2022": the part of the year is the date's
        part = _YEAR_PART.search(r.text, max(start, d.start - 8), d.start)
        at = part.start() if part else d.start
        typed.append(Item("date", at, d.end, r.text[at : d.end], d))
    typed.extend(_pronouns(r, start, end))
    typed.extend(_descriptions(r, start, end))
    typed.extend(
        Item("organ", s, e, r.text[s:e], key) for s, e, key in r.organ_refs if start <= s < e <= end
    )
    words = [
        (r.doc.word_starts[i], r.doc.word_ends[i], r.doc.keys[i])
        for i in r.doc.words_between(start, end)
    ]
    return build_view(r.text, start, end, typed, words)


_YEAR_PART = re.compile(r"\b(?:early|mid|late)(?:-|\s+)\Z", re.I)
"""a part of a year printed before it ("mid-2022", "early 2022"), when the date reader leaves it"""

_OF_THE_CC = re.compile(r"\s+of\s+the\s+C\.\s?C\.,?\s+(?:WPK|KWP)\b")

def with_references(r: Context, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (in text order) with the organs named by reference
    (:mod:`kwpld.extract.organ_refs`) as organ mentions, for rules that read organs from
    mentions."""
    if not r.organ_refs:
        return mentions
    refs = [Mention(s, e, r.text[s:e], key, "organ", "reference") for s, e, key in r.organ_refs]
    return sorted([*mentions, *refs], key=lambda m: (m.start, -m.end))


def organ_of(r: Context, m: Mention) -> str | None:
    """The organ a mention names: itself, or the organ of a post."""
    if m.kind != "post":
        return r.reg.resolve(m.entity)  # type: ignore[arg-type]
    entity = r.reg.peek(m.entity)  # type: ignore[arg-type]
    organ = entity.fields.get("organ")
    if isinstance(organ, Ref):
        return r.reg.resolve(organ.key)
    known = r.known.post_roles.get(entity.known or "")
    return r.reg.known(known[0], "organ").key if known else None


_PRONOUN = re.compile(
    r"\b(?:[Hh]e|[Ss]he|him|(?:(?<=\bby )|(?<=\belected )|(?<=\bappointed )|(?<=\bnamed )"
    r"|(?<=\bexpects )|(?<=\bexpected ))her"
    r"|(?:(?<=\bexpects )|(?<=\bprojects )|(?<=\bpredicts )|(?<=\bexpected )|(?<=\bprojected )"
    r"|(?<=\bpredicted ))his)\b"
)


_OBJECT = re.compile(r"(?:him|her)\b")
_OBJECT_OF = re.compile(
    r"(?:\s*,\s*(?:who|which))?"  # (class Y) "Jang, who replaced him in the ministry"
    r"\s+(?:(?:had|has|have|then|later|soon|also|eventually)\s+)?"
    r"(?:[a-z]+ed|saw|met|took|gave|told|sent|led|bade|bid|brought)\s+$"
)
"""a subject's verb right before an object pronoun ("Choe (later) succeeded him", "Kim saw him
off": an irregular past too)"""


_ESCORTED_HIM = re.compile(
    r"\b(?:accompanied|escorted|guided|joined)\s+(?P<him>him|her)\b(?!\s+(?:as|in\s+(?:the|his|her)\s+(?:post|role|office)))"
)
"""(class BE) an escort of the one a text follows: "A accompanied him in Guangdong" """

_SUBJECT_PRONOUN = re.compile(r"[Hh]e\b|[Ss]he\b")


def _pronouns(r: Context, start: int, end: int) -> list[Item]:
    """ "He served as Premier from 2003 to 2007": he, she, him (and her after a verb) stand for
    the person the sentence, else the last sentence naming one, is about."""
    out = []
    for m in _PRONOUN.finditer(r.text, start, end):
        if r.mentions.at(m.start(), m.end()) is not None:
            continue
        out.append(Item("person", m.start(), m.end(), m.group(0), _antecedent(r, m.start())))
    return out


def antecedent(r: Context, offset: int) -> str | None:
    """The person a pronoun at ``offset`` stands for (see :func:`_antecedent`)."""
    return _antecedent(r, offset)


def _antecedent(r: Context, offset: int, depth: int = 0) -> str | None:
    """The person a pronoun at ``offset`` stands for: the one person named before it in its
    sentence; else the first person of the last sentence naming one (a pronoun opening that
    sentence stands for its own antecedent); else the person the headline names."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return None
    before = [
        m
        for m in r.mentions_in(sentence.start, offset, ("person",))
        if not r.doc.in_parens(m.start)
    ]
    if (
        before
        and _OBJECT.match(r.text, offset)
        and _OBJECT_OF.match(r.text, before[-1].end, offset)
    ):
        # "Choe succeeded him as president": an object pronoun is never its own clause's
        # subject (the person named just before its verb, and those joined to it: "Kozlov and
        # Kozhemyako saw him off"); it stands for someone named earlier
        subject = before.pop()
        while before and _JOINED.match(r.text[before[-1].end : subject.start]):
            subject = before.pop()
    here = {_person_key(r, m) for m in before}
    if len(here) == 1:
        return next(iter(here))
    if here:
        return None
    index = r.doc.sentences.index(sentence)
    for previous in reversed(r.doc.sentences[max(0, index - 4) : index]):
        if r.doc.blocks[previous.block].kind in _NOT_FACT_BLOCKS:
            break
        people = [
            m for m in r.mentions_in(previous.start, previous.end, ("person",))
            if not r.doc.in_parens(m.start) and m.name_kind != "epithet"
        ]  # fmt: skip
        pronoun = _PRONOUN.search(r.text, previous.start, previous.end)
        if pronoun and depth < 4 and (not people or pronoun.start() < people[0].start):
            # "The next day the session appointed him Premier, replacing X": him, not X.
            return _antecedent(r, pronoun.start(), depth + 1)
        escorted = _ESCORTED_HIM.search(r.text, previous.start, previous.end)
        if people and escorted and depth < 4 and _SUBJECT_PRONOUN.match(r.text, offset):
            # (class BE) "Vice Premier Wu Yi accompanied him in Guangdong. Back in Beijing, he
            # toured ...": the one accompanied goes on travelling, not his escort
            return _antecedent(r, escorted.start("him"), depth + 1)
        if people:
            return _subject(r, previous, _main_line(r, previous, people))
    titles = [b for b in r.doc.blocks if b.kind == "title"]
    if titles:
        people = r.mentions_in(titles[0].start, titles[0].end, ("person",))
        if len({m.entity for m in people}) == 1:
            return _person_key(r, people[0])
    return None


def page_subject(r: Context) -> Mention | None:
    """The person a profile is about: the one its title or first heading names alone, else the
    one its first paragraph opens with ("Kim Ki-nam (born 1929) is ...")."""
    heads = [b for b in r.doc.blocks if b.kind in ("title", "heading")][:1]
    bodies = [b for b in r.doc.blocks if b.kind not in ("title", "heading")][:1]
    for block in heads:
        people = [m for m in r.mentions_in(block.start, block.end, ("person",)) if m.entity]
        rest = r.text[block.start : block.end].strip(" \t\n#=*")
        for m in people:  # "Ri Il-hwan (리일환)": one person in two scripts
            rest = rest.replace(m.text, "", 1)
        if people and {m.entity for m in people} == {people[0].entity} and re.fullmatch(
            r"\s*(?:\([^()]*\))?\s*", rest
        ):
            return people[0]
    for block in bodies:
        people = [m for m in r.mentions_in(block.start, block.end, ("person",)) if m.entity]
        lead = r.text[block.start : people[0].start].strip(" \t\n*_") if people else "x"
        if people and not lead:
            return people[0]
    return None


def _descriptions(r: Context, start: int, end: int) -> list[Item]:
    """ "The 72-year-old was dismissed": a description opening a sentence (``descriptions``
    in ``facts.yaml``) stands for the person the sentence before is about, as "He" does."""
    out: list[Item] = []
    first = r.doc.sentence_at(start)
    if first is None:
        return out
    sentences = r.doc.sentences
    for sentence in sentences[sentences.index(first) :]:
        if sentence.start >= end:
            break
        m = antecedent_words().descriptions.match(r.text, sentence.start, sentence.end)
        if m is not None and start <= m.start() and m.end() <= end:
            key = _antecedent(r, m.start())
            if key is not None:
                out.append(Item("person", m.start(), m.end(), m.group(0), key))
    return out


_JOINED = re.compile(r"\s*,?\s*(?:(?:and|or|together\s+with|along\s+with|as\s+well\s+as)\s+)?$")
"""the text between two people of one subject: "A and B (saw him off)", "A, B" """


_COORDINATED = re.compile(
    r"^\W*$|(?:\band|\bor|,|;|\btogether with|\balong with|\bas well as)\s*$"
)
"""the text between two people joined: "A and B", "A, B", "elected A premier and B" """


def _subject(r: Context, sentence: Sentence, people: list[Mention]) -> str | None:
    """The person a sentence is about: the one it names (a possessive aside: "Kim Jong Un's
    sister"); of several, the first, unless another is joined to it ("A and B were elected",
    "The session elected A premier and B vice-premier": which one, the text does not say).
    "The meeting named A chief of staff, replacing B": A."""
    named = [m for m in people if r.text[m.end : m.end + 2] not in ("'s", "’s")] or people
    first = _person_key(r, named[0])
    other = next((m for m in named if _person_key(r, m) != first), None)
    if other is None:
        return first
    if _COORDINATED.search(r.text[named[0].end : other.start]) and not r.mentions_in(
        named[0].end, other.start, ("person",)
    ):
        return None  # (class BE: not "Kim was accompanied by A and B", A off the main line)
    return first


def _main_line(r: Context, sentence: Sentence, people: list[Mention]) -> list[Mention]:
    """The people a pronoun after ``sentence`` may stand for: not those it names only off its
    main line ("..., replacing Han Yong-chol, who was relieved for reasons of health. He ...";
    "replaced by X", "whose brother X"). When it names no one else, a biography's "he" is its
    subject (:func:`page_subject`), as the reader of a profile takes it."""
    oblique = career_words().oblique_before
    main = [
        m for m in people
        if not oblique.search(r.text, max(sentence.start, m.start - 40), m.start)
    ]  # fmt: skip
    if main or len(people) == 0:
        return main
    subject = page_subject(r)
    return [subject] if subject is not None else people


def _person_key(r: Context, mention: Mention) -> str:
    """A person mention's entity; "Pak Pong-chu (Pak Pong Ju)": the record in parentheses."""
    key = r.reg.resolve(mention.entity)  # type: ignore[arg-type]
    paren = r.doc.paren_after(mention.end)
    if paren is not None and not key.startswith("="):
        for inner in r.mentions_in(paren[0], paren[1], ("person",)):
            inner_key = r.reg.resolve(inner.entity)  # type: ignore[arg-type]
            if inner_key.startswith("="):
                return inner_key
    return key


def in_dateline(r: Context, offset: int) -> bool:
    """ "Pyongyang, January 1 (KCNA) --": a date of the report, not of what it reports."""
    block = r.doc.block_at(offset)
    if block is None:
        return False
    start = max(r.doc.blocks[block].start, r.text.rfind("\n", 0, offset) + 1)  # its line
    m = _DATELINE.match(r.text[start : start + 120])
    return m is not None and start <= offset < start + m.end()


def official_source(r: Context) -> bool:
    """The article is an official announcement: a dateline of a DPRK agency ("Pyongyang,
    January 1 (KCNA) --"), or a "Source:" line naming one."""
    flex = fact_lexicon()
    if r.article.fields.get("type") not in ("news", "report", "statement", None):
        return False
    for block in r.doc.blocks[:4]:
        body = r.text[block.start : block.end]
        m = _DATELINE.match(body) or _SOURCE_LINE.match(body)
        agency = (m.groupdict().get("agency") or m.groupdict().get("bare") or "") if m else ""
        if agency and any(src.lower() in agency.lower() for src in flex.official_sources):
            return True
    return False


_VERBS_OF_SEEMING = frozenset({"appears", "appear", "appeared", "seems", "seem", "seemed"})


def _as_foreseen(view: SentenceView, item: Item) -> bool:
    """ "as expected", "as predicted" (not "as expected to"): a hedge word after "as" that
    says the statement came true (class AD)."""
    index = view.items.index(item)
    before = view.items[index - 1 : index] if index else []
    return bool(before) and before[0].text == "as" and _next_word(view, item) != "to"


def _next_word(view: SentenceView, item: Item) -> str | None:
    index = view.items.index(item)
    following = view.items[index + 1 : index + 2]
    return following[0].text if following else None


@functools.cache
def _clause_enders() -> re.Pattern[str]:
    data = resource_yaml("kwpld/reading/facts.yaml")
    words = data["own_clause_enders"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    subjects = data.get("own_clause_subjects") or "(?!)"
    return re.compile(rf"(?:,|;|\s[—–-]+)\s*(?:{alternatives})\b|;|{subjects.strip()}", re.I)


def clause_end(r: Context, view: SentenceView, after: int) -> int:
    """Where the clause holding text[after] ends: at a clause another subject's words open
    after it (", though sources said ...", ", in what analysts called ...", ", which the spy
    agency believes ..."), else the sentence's end (``own_clause_enders`` in facts.yaml)."""
    m = _clause_enders().search(r.text, after, view.end)
    return m.start() if m is not None else view.end


def status_of(
    r: Context, view: SentenceView, upto: int | None = None, until: int | None = None
) -> tuple[str, FactSpan | None]:
    """How sure a statement is, by its words (before ``upto``, if given): projected ("likely",
    "is expected to"), reported ("appears to", "reportedly", "is believed to"; or on the word
    of others anywhere in the sentence, or before ``until`` if given: "sources said"), else
    confirmed."""
    flex: FactLexicon = fact_lexicon()
    found: tuple[str, FactSpan] | None = None
    for item in view.items:
        if item.kind != "word" or (until is not None and item.start >= until):
            continue
        before = upto is None or item.start < upto
        if before and item.text in flex.projected_words:
            if _as_foreseen(view, item):
                continue  # "As expected, X was re-elected ...": what was foreseen came about
            return "projected", FactSpan(item.start, item.end, "hedge")
        # "..., multiple sources told NK News": the word of others, wherever it is said;
        # "appeared at the plenum" is no "appears to".
        if item.text in _VERBS_OF_SEEMING and _next_word(view, item) != "to":
            continue
        hedge = before and item.text in flex.reported_words
        if (hedge or item.text in flex.attribution_words) and found is None:
            found = ("reported", FactSpan(item.start, item.end, "hedge"))
    if found is not None:
        return found
    return "confirmed", None


_BACKGROUND_EVENT = re.compile(
    r"\b(?:since|until|till|before|prior\s+to)\s+(?:the\s+|its\s+)?$"
    r"|\bsince\s+[^,.;]{1,30},\s+when\s+(?:the\s+|its\s+)?$",
    re.I,
)


def bounds_a_term(r: Context, start: int) -> bool:
    """Whether the event named at ``start`` is named as a term's bound ("who has been vice
    chairman since the eighth party congress", "since January 2021, when the eighth party
    congress elected him"), not as the occasion of its sentence, nor what "the meeting" after
    it refers to."""
    return _BACKGROUND_EVENT.search(r.text, max(0, start - 60), start) is not None


def event_of(
    r: Context, view: SentenceView, *, explicit: bool = False, announced: bool = False
) -> tuple[str | None, tuple[int, int] | None]:
    """The event a sentence is about: one it names or refers back to, else (unless
    ``explicit``) the event said to be held last before it, else the event the article reports
    (when the sentence comes after the article first names it). ``announced``: an ``explicit``
    sentence may still be tied to an event by the next ("The appointment came at ...")."""
    for item in view.items:
        if item.kind == "eventref" and not item.ref:
            return None, None  # "the plenum", of which the text names none
        if item.kind in ("event", "eventref"):
            if bounds_a_term(r, item.start):
                continue  # "who has been vice chairman since the 8th Party Congress": another's
            key = item.ref
            entity = r.reg.peek(key)
            kind = entity.fields.get("type") or r.known.event_types.get(entity.known or "")
            if kind in ("series", "decision") or (
                kind == "conferral" and not str(key).startswith("event:occasion:")
            ):
                continue  # an act, not an occasion ("a ceremony of conferring" is one)
            return key, (item.start, item.end)
    same = _same_event(r, view)  # "At the same session": named, by reference
    if same is not None or (explicit and not announced):
        return same, None
    at = _announced_at(r, view)
    if at is not None or explicit:
        return at, None
    # not an event still to come ("announced that the congress would be convened in January
    # 2021. X was elected ...": the plenum that announced it)
    held = [key for offset, key in r.held if offset <= view.start and not _to_come(r, view, key)]
    if held:
        return held[-1], None
    main = r.main_event
    if main is None:
        return None, None
    first = min(
        (m.start for m in r.mentions if m.entity and r.reg.resolve(m.entity) == main
         and not in_headline(r, m.start)),
        default=None,
    )  # fmt: skip
    if first is not None and first <= view.start:
        return main, None
    return None, None


def _to_come(r: Context, view: SentenceView, event: str) -> bool:
    """An event dated after the article's date and told as one to come: announced, nothing is
    done at it yet (not an update's "Kim visited the bier on 21 October" of a post of the 20th)."""
    date = r.reg.peek(event).fields.get("date")
    return isinstance(date, PartialDate) and _after_article(r, date) and _ahead(r, view, event)


def _event_dates(r: Context, event: str | None) -> tuple[PartialDate | None, PartialDate | None]:
    if event is None:
        return None, None
    entity = r.reg.peek(event)
    if entity.known:
        iso = r.known.event_dates.get(entity.known)
        return (PartialDate(*map(int, iso.split("-"))) if iso else None), None  # type: ignore[arg-type]
    date, end = entity.fields.get("date"), entity.fields.get("end")
    return (
        date if isinstance(date, PartialDate) else None,
        end if isinstance(end, PartialDate) else None,
    )


def event_day(r: Context, event: str | None) -> PartialDate | None:
    """The day a fact at ``event`` is dated by: the event's last day, else its date."""
    first, last = _event_dates(r, event)
    return last or first


_ANNOUNCED_AT = re.compile(
    r"\s*(?:The|This|These|Her|His|Their)\s+(?:new\s+)?(?:appointments?|reshuffles?|elections?"
    r"|promotions?|dismissals?|changes?|moves?|personnel\s+changes?)\s+(?:came|was\s+made"
    r"|were\s+made|was\s+announced|were\s+announced|took\s+place)\s+(?:at|during)\s+"
)


def _announced_at(r: Context, view: SentenceView) -> str | None:
    """ "X has been appointed foreign minister, state media reported. The appointment came at
    the 5th Plenary Meeting ...": the event one of the next three sentences says the changes
    were made at (those it reports first, then names the meeting of: "... was named a
    secretary. The changes were made at the 11th Plenary Meeting")."""
    sentence = r.doc.sentence_at(view.start)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    for following in r.doc.sentences[index + 1 : index + 4]:
        if r.doc.blocks[following.block].kind in _NOT_FACT_BLOCKS:
            return None
        m = _ANNOUNCED_AT.match(r.text, following.start, following.end)
        if m is None:
            if r.mentions_in(following.start, following.end, ("event",)):
                return None  # another event reported in between
            continue
        for mention in r.mentions_in(m.end(), following.end, ("event",)):
            if mention.start - m.end() <= 4 and mention.entity:
                key = r.reg.resolve(mention.entity)
                if r.reg.peek(key).fields.get("type") not in ("series", "decision", "conferral"):
                    return key
        return None
    return None


def _nth_day(r: Context, event: str, which: str) -> PartialDate | None:
    """ "the second day" of an event: its first day and the days after it (within its end, when
    the event has one); "the last day", "the closing day": its end."""
    first, last = _event_dates(r, event)
    word = which.lower()
    if word in ("last", "final", "closing"):
        return last
    if word == "opening":
        word = "first"
    n = ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else int(word[:-2])  # "3rd"
    if first is None or (n > 1 and (first.day is None or first.month is None)):
        return None
    if n == 1:
        return first
    day = shift_day(first, n - 1)
    if last is not None and last.day is not None and day.earliest() > last.earliest():
        return None  # "the third day" of a two-day session: not this event's
    return day


_AT_THE_EVENT = re.compile(
    r"\bat\s+(?:the|its|a)\s+[^,;.]{0,50}?\b(?:plenum|plenary\s+meeting|meeting|session|congress"
    r"|conference)\s+(?:in|on)\s+$",
    re.I,
)
"""the clause names the event right before the date it prints: "at the 9th plenum in December
2023" """


def _event_day_in(r: Context, event: str | None, date: PartialDate | None) -> PartialDate | None:
    """ "took over ... at the 9th plenum in December 2023": the event's (last) day when the
    month or year the sentence prints holds it, the more precise date of the two (class S)."""
    if event is None or date is None or date.day is not None:
        return None
    first, last = _event_dates(r, event)
    day = last or first
    if day is None or day.day is None:
        return None
    return day if date.earliest() <= day.earliest() and day.latest() <= date.latest() else None


def _within(r: Context, event: str, day: PartialDate) -> bool:
    """The day may be one of the event's (not "a banquet on Sunday for the test carried out on
    September 3": the test's day), when the event's dates are known."""
    first, last = _event_dates(r, event)
    if first is None or first.day is None:
        return True
    return first.earliest() <= day.earliest() and day.latest() <= (last or first).latest()


_SAME = re.compile(r"\bthe\s+same\s+(?P<head>session|meeting|plenum|congress|conference)\b", re.I)


def _same_event(r: Context, view: SentenceView) -> str | None:
    """ "At the same session Kim Jong Un was re-elected ...": the occasion of that kind named
    last before."""
    same = _SAME.search(r.text, view.start, view.end)
    if same is None:
        return None
    head = same.group("head").lower()
    for m in reversed(r.mentions_in(0, view.start, ("event",))):
        key = r.reg.resolve(m.entity) if m.entity else None
        words = name_words(m.text)
        if (
            key
            and (head in words or (head == "plenum" and "plenary" in words))
            and r.reg.peek(key).fields.get("type") not in ("series", "decision", "conferral")
        ):
            return key
    return None


def _day_of_event(
    r: Context, view: SentenceView, event: str | None
) -> tuple[PartialDate, FactSpan] | None:
    """ "On the sixth day, 10 January, the congress dealt with ... The congress elected ...": a
    day of the event an earlier sentence of the paragraph states."""
    if event is None:
        return None
    own = _NTH_DAY.search(r.text, view.start, view.end)
    if own:
        # "On the first day, Choe Ryong Hae ... opened the session": this sentence's day
        day = _nth_day(r, event, own.group(1))
        if day is not None:
            return day, FactSpan(own.start(), own.end(), "date")
    for sentence in reversed(r.doc.sentences):
        if sentence.start >= view.start:
            continue
        if r.doc.blocks[sentence.block].kind in _NOT_FACT_BLOCKS:
            break
        names_event = any(
            s <= e2 and key == event
            for s, e2, key in r.event_refs
            if sentence.start <= s < sentence.end
        ) or any(
            m.kind == "event" and m.entity and r.reg.resolve(m.entity) == event
            for m in r.mentions_in(sentence.start, sentence.end)
        )
        if not names_event:
            continue
        which = _NTH_DAY.search(r.text, sentence.start, sentence.end)
        if which:
            day = _nth_day(r, event, which.group(1))
            if day is not None:
                return day, FactSpan(which.start(), which.end(), "date")
        days = [d for d in r.dates_in(sentence.start, sentence.end)
                if d.date is not None and d.date.day is not None and d.range is None
                and not in_dateline(r, d.start) and _within(r, event, d.date)]  # fmt: skip
        if days:
            return days[-1].date, FactSpan(days[-1].start, days[-1].end, "date")  # type: ignore[return-value]
    return None


def weekday_date(r: Context, view: SentenceView) -> tuple[PartialDate, FactSpan] | None:
    """The date a weekday of the sentence names (see :func:`_weekday_date`)."""
    return _weekday_date(r, view)


def _weekday_date(r: Context, view: SentenceView) -> tuple[PartialDate, FactSpan] | None:
    """ "state media reported Friday": the last such weekday on or before the article's day
    (the day of the report the sentence is in, in a text that strings several)."""
    reference = report_day(r, view.start)
    if reference is None or reference.day is None:
        return None
    found = [
        m for m in _WEEKDAY.finditer(r.text, view.start, view.end)
        if not any(d.start <= m.start() < d.end for d in r.dates_in(view.start, view.end))
        and not _REPORTED.search(r.text, max(view.start, m.start() - 30), m.start("day"))
    ]  # ("state media reported Friday": the day of the report)
    main = [m for m in found if not in_subordinate(r, view.start, m.start("day"))]
    for m in (main or found)[:1]:  # not a relative clause's ("who left ... on Wednesday")
        wanted = list(calendar.day_name).index(m.group("day"))
        day = dt.date(reference.year, reference.month or 1, reference.day)
        back = (day.weekday() - wanted) % 7
        when = day - dt.timedelta(days=back)
        return PartialDate(when.year, when.month, when.day), FactSpan(
            m.start("day"), m.end("day"), "date"
        )
    return None


_REPORTED = re.compile(
    r"\b(?:reported|reports|said|says|told|tells|announced|announces|disclosed|confirmed"
    r"|revealed)\b(?:\s+[A-Z][\w.]*){0,3}(?:\s+on)?\s+$"  # "sources told NK News on Saturday"
)


def _when_clause(r: Context, view: SentenceView, anchor: int) -> DateMention | None:
    """ "He was relieved as Premier in April 2019, when he became ...": the date of the clause
    "when" joins to the fact stated at ``anchor``."""
    for d in r.dates_in(view.start, anchor):
        # (a period's last end too: "from 1988 to December 1992, when he was replaced by X")
        if d.date is not None and _WHEN.match(r.text[d.end : anchor]):
            return d
    return None


_WHEN = re.compile(r"\s*,?\s*when\s+(?:\S+\s+){1,4}$|\s*,\s*when\s+[^,;.()]{1,80}$")
"""what joins a date to a fact stated in the "when" clause after it: a few words ("in April
2019, when he became ..."), or the clause's words up to the fact ("to December 1992, when he
was replaced by Kang Song San")"""

_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s|;")
"""a clause boundary: ", and on 1 April 2013 he was appointed ..." dates another clause"""


def sentence_date(
    r: Context, view: SentenceView, anchor: int, holds: bool, title_end: int | None = None
) -> DateMention | None:
    """The date the sentence gives the fact stated at ``anchor``: a period, or a date after
    "since"/"until"/"in"/"from" for a holding; for a change, a date after the trigger in its
    clause, else one before it that no "since"/"until" ties to another clause."""
    dates = [
        d for d in r.dates_in(view.start, view.end)
        if d.date is not None and not in_dateline(r, d.start)
    ]  # fmt: skip
    persons = [i.start for i in view.items if i.kind == "person"]
    plain = any(not r.doc.in_parens(d.start) for d in dates)
    after: list[DateMention] = []
    before_anchor: list[DateMention] = []
    for d in dates:
        if d.role == "end":
            continue  # the period is read from its first end
        lead = r.text[max(view.start, d.start - 20) : d.start].lower()
        lead = _YEAR_PART.sub("", lead)[-12:]  # "since mid-2022": the word before the part
        if r.doc.in_parens(d.start) and (not d.range or (not holds and plain)):
            continue  # "(born 1950)", "(2013)"; a change's term "(2016–2021)" beside its date
        if holds:
            # Only a date beside the title ("Minister since June 2018"), or one opening the
            # sentence before the title ("Since April 2019 Ch'oe has been ...").
            beside = title_end is None or title_end - 2 <= d.start <= title_end + 24 or (
                # (class CG) "party secretary in charge of international affairs since 1984"
                d.start > title_end and _portfolio_since(r, title_end, d.start)
            )
            if beside and title_end is not None and re.search(r"\bin\s*$", lead):
                # "premier in 2005", not "a vice director, were executed in November"
                beside = re.fullmatch(r"\s*,?\s*in\s+", r.text[title_end : d.start]) is not None
            between = [p for p in persons if d.end <= p < anchor]
            # (class BC) not a period of a relative clause that closes before the title: "X,
            # who served as director of O from 2009 to 2016, remains T2" (T2 is undated)
            opening = (
                d.start < anchor
                and not _in_relative_clause(r, d.start, anchor, d.end)
                and (
                    not any(d.end <= p < anchor for p in persons[1:])
                    # ", and between 1969 and 1973 he was also director of ...": the subject
                    or (len(between) == 1 and _opens_clause(r, view, d))
                )
            )
            if (beside or opening) and (
                d.range
                or re.search(r"\b(?:since|until|till|in|from)\s*$", lead)
                or (opening and re.search(r"\bon\s*$", lead))
                or (opening and d.start - view.start < 30)  # "On the second day, 12 April, X"
            ):
                (after if beside else before_anchor).append(d)
            continue
        if re.search(r"\b(?:since|until|till|born)\s*$", lead):
            continue
        if d.start < anchor and (d.range or re.search(r"\bfrom\s*$", lead)):
            continue  # "X, director of ... from 2016 to 2019, was appointed": another term's
        if d.start >= anchor:
            if (
                not any(anchor < p < d.start for p in persons)
                and d.start - anchor < 120
                and not _CLAUSE.search(r.text, anchor, d.start)
                and not _in_relative_clause(r, anchor, d.start)
            ):
                after.append(d)
        elif not _in_relative_clause(r, d.start, anchor, d.end):
            before_anchor.append(d)
    if after:
        return min(after, key=lambda d: (abs(d.start - anchor), d.start))
    if before_anchor and holds:
        return min(before_anchor, key=lambda d: (abs(d.start - anchor), d.start))
    if before_anchor:
        return max(before_anchor, key=lambda d: d.start)
    return None


_PORTFOLIO = re.compile(r"\b(?:in\s+charge\s+of|responsible\s+for)\s*$")
_PORTFOLIO_SINCE = re.compile(
    r"\s+(?P<lead>(?:in\s+charge\s+of|responsible\s+for)\s+)?[^,;.()]{1,50}?"
    r"\s+(?:since|from|until|till)\s+"
)


def _portfolio_since(r: Context, title_end: int, date_start: int) -> bool:
    """(class CG) A title's portfolio stands between it and the date of its term ("secretary in
    charge of international affairs since 1984", "vice-premier responsible for agriculture
    from 1998"): right after the title, or the title's own last words."""
    m = _PORTFOLIO_SINCE.fullmatch(r.text, title_end, date_start)
    return m is not None and (
        m.group("lead") is not None
        or _PORTFOLIO.search(r.text, max(0, title_end - 20), title_end) is not None
    )
_RELATIVE = re.compile(r",\s*(?:who|which)\b[^,;]*$")


def _in_relative_clause(r: Context, at: int, later: int, end: int | None = None) -> bool:
    """Whether ``at`` lies in a relative clause that closes before ``later``: "Thae, who lost
    his seat in 2016, returned to the PB at the plenum" (the date is that clause's, not the
    change's); "Ri, who entered the Presidium at the plenum, was born in 1948" (the change is
    the clause's, the date is not)."""
    return bool(
        _RELATIVE.search(r.text, max(0, at - 100), at)
        and "," in r.text[at if end is None else end : later]
    )


def _opens_clause(r: Context, view: SentenceView, d: DateMention) -> bool:
    """The date (or its period) opens the sentence or a clause: "..., and between 1969 and 1973
    he was also director of ...", "In May 1976 he was appointed ..."."""
    start = d.range.start if d.range is not None else d.start
    before = r.text[view.start : start]
    return re.search(r"(?:^|,\s+(?:and|but)|;)\s*(?:(?:in|from|between|since)\s+)?$", before,
                     re.I) is not None  # fmt: skip


_UNTIL_EVENT = re.compile(
    r",?\s+(?:until|till|up\s+to)\s+(?:his|her)\s+(?:dismissal|death|removal|retirement|purge"
    r"|execution|arrest|demotion|fall|ouster|replacement)\s+in\s+"
)


def _until_event(r: Context, view: SentenceView, after: int) -> PartialDate | None:
    """ "from 2010 until his dismissal in 2019": the end of the period that starts at ``after``."""
    m = _UNTIL_EVENT.match(r.text, after)
    if m is None:
        return None
    for d in r.dates_in(m.end(), view.end):
        if d.start == m.end() and d.date is not None:
            return last_year(r, d).date
    return None


def last_year(r: Context, date: DateMention) -> DateMention:
    """ "since April last year": the year before the article's."""
    if date.date is None or not date.year_inferred or r.reference is None:
        return date
    if re.match(r"\s+last\s+year\b", r.text[date.end : date.end + 12]):
        d = date.date
        return replace(date, date=PartialDate(r.reference.year - 1, d.month, d.day))
    return date


def held_since(r: Context, anchor: int, limit: int, after: str) -> DateMention | None:
    """The start of a term stated in a clause after ``anchor`` (a ``person``, a ``title`` or
    the ``change`` that ends it: the keys of ``careers.held_since_gap`` in ``facts.yaml``):
    "X, who had held the post since June 2018, was replaced", "... an alternate member, a seat
    she had held since April 2020", "released from the post, which he had held since 1983".
    One reader of one clause for every anchor, so a new wording is one line of data."""
    clause = career_words().held_since[after]
    for d in r.dates_in(anchor, limit):
        if d.date is not None and d.role != "end" and clause.match(r.text, anchor, d.start):
            return last_year(r, d)
    return None


def _reports_attendance(view: SentenceView) -> bool:
    """The sentence says who took part in an event ("Speakers included ...", "It was presided
    over by ...", "On the platform were ..."): the attendance patterns of ``facts.yaml``."""
    return _string_reports_attendance(view.string)


@functools.lru_cache(maxsize=4096)
def _string_reports_attendance(string: str) -> bool:
    """:func:`_reports_attendance` by the sentence's symbol string, all it reads: the fact
    passes ask it of the same sentence once per fact and date they find in it."""
    flex = fact_lexicon()
    admitted = flex.admitted(flex.attendance_patterns, string)
    return any(p.regex.search(string) is not None for p in admitted)


def _title_start(
    r: Context, view: SentenceView, title_end: int
) -> tuple[dict[str, PartialDate], str, FactSpan | None] | None:
    """The term a clause after a title gives it: "since the Eighth Party Congress" (the
    event's date), "..., posts he has held since 2010" (the date printed), "a member of the
    Political Bureau (2016–2021)" (the period in parentheses: the first, when it lists several
    terms)."""
    since_event = _since_event(r, view, title_end)
    if since_event is not None:
        return {"first": since_event[0]}, since_event[1], since_event[2]
    held = _title_held_since(r, view, title_end)
    if held is not None and held.date is not None:
        return {"first": held.date}, "sentence", FactSpan(held.start, held.end, "date")
    terms = parenthesised_terms(r, title_end, view.end)
    if not terms:
        return None
    first, last, span = terms[0]
    dates = {"first": first, **({"last": last} if last is not None else {})}
    return dates, "sentence", span


_PAREN = re.compile(r"[ \t\n]*\((?:from\s+)?")
_TERM_SEP = re.compile(r"\s*(?:[–—-]\s*)?(?:(?P<close>\))|[,;]\s*(?:and\s+)?)")


def parenthesised_terms(
    r: Context, title_end: int, limit: int
) -> list[tuple[PartialDate, PartialDate | None, FactSpan]]:
    """The periods in parentheses right after a title: "(2016–2021)", "(May 2016 – January
    2021)", "(2014– )" (open), "(2013–2016, 2018–2021)" (two terms); nothing unless the
    parentheses hold periods only ("(born 1946)", "(KPA)", "(2009, in Moscow)" are none)."""
    opened = _PAREN.match(r.text, title_end, limit)
    if opened is None:
        return []
    out: list[tuple[PartialDate, PartialDate | None, FactSpan]] = []
    at = opened.end()
    while True:
        d = r.date_at(at)
        if d is None or d.since is None or d.role == "end":
            return []
        end = d.range.end if d.range is not None else d.end
        last = d.range.last if d.range is not None else None
        out.append((d.since, last, FactSpan(d.start, end, "date")))
        sep = _TERM_SEP.match(r.text, end, limit)
        if sep is None:
            return []
        if sep.group("close"):
            return out
        at = sep.end()


_PLURAL_HELD = re.compile(r",\s*(?:(?:both|all|two|three|these)\s+)?(?:[\w-]+\s+)?(?:posts|titles|"
                          r"positions|offices|seats|roles|jobs)\b", re.I)


def _title_held_since(r: Context, view: SentenceView, title_end: int) -> DateMention | None:
    """ "..., a post he has held since September 1998" after a title: the start of its term;
    "X and Y, posts he has held since 2010": of each title the plural names, but "a post" after
    two titles is the last one's only."""
    held = held_since(r, title_end, view.end, "title")
    if held is None:
        return None
    others = [i for i in view.items if i.kind == "title" and title_end < i.start < held.start]
    if others and not _PLURAL_HELD.search(r.text, title_end, held.start):
        return None
    return held


def _ended_term_start(r: Context, view: SentenceView, anchor: int) -> PartialDate | None:
    """ "X was released from the post of minister, which he had held since December 1983";
    "... to replace Pak Jong Gun, who had been appointed in January 2021": the start of what a
    change at ``anchor`` ends, stated in a clause after it (within its clause, naming at most
    the one person the change is about)."""
    d = held_since(r, anchor, view.end, "change")
    if d is None:
        return None
    between = [i for i in view.items if i.kind == "person" and anchor < i.start < d.start]
    if len(between) <= 1 and not _CLAUSE.search(r.text, anchor, d.start):
        return d.date
    return None


_SERVED = re.compile(
    r"\b(?:served|had\s+(?:\w+\s+)?served|had\s+been)\s+(?:as\s+)?(?:an?\s+|the\s+)?$"
)
"""a title held in the past, before it ("who served as", "had been")"""


def fact_dates(
    r: Context,
    view: SentenceView,
    anchor: int,
    event: str | None,
    *,
    holds: bool,
    title_end: int | None = None,
) -> tuple[dict[str, PartialDate], str, FactSpan | None]:
    """The dates of a fact stated at ``anchor`` (its trigger or title): from the sentence (see
    :func:`sentence_date`), else a day of the event an earlier sentence states, else the event
    the fact belongs to (its last day), else a weekday ("on Friday"), else the article's date
    (for a change, only in news). Returns (dates by "at"/"first"/"last", date_basis, the span
    used)."""
    if holds and event is None and _reports_attendance(view):
        # "Speakers included Pak Pong Ju, premier of the Cabinet, ...": a title in the report of
        # an event is as of the day of the event (the day the text gives it), not the article's
        event = event_of(r, view)[0]
    opened = _title_start(r, view, title_end) if holds and title_end is not None else None
    if opened is not None:
        return opened
    chosen = sentence_date(r, view, anchor, holds, title_end)
    # "since January 2021, when the congress elected him to the post": a change in a "when"
    # clause is at the clause's date too
    when = _when_clause(r, view, anchor)
    if when is not None and (chosen is None or chosen.date is None or when.start < chosen.start):
        if chosen is not None and re.search(
            r"\b(?:until|till)\s*$", r.text[max(view.start, chosen.start - 12) : chosen.start]
        ):
            # "in April 2019, when he became vice-chairman of ..., a post he held until 2021"
            first = last_year(r, when).date
            last = last_year(r, chosen).date
            until = {k: v for k, v in (("first", first), ("last", last)) if v is not None}
            return until, "sentence", FactSpan(when.start, chosen.end, "date")
        if chosen is None:
            if when.range is not None or re.search(
                r"\b(?:until|till)\s*$", r.text[max(view.start, when.start - 12) : when.start]
            ):
                # (class CG) "served as premier from December 1988 to December 1992 (or until
                # December 1992), when he was replaced by Kang Song San": the time the period
                # ends, when the clause's change happens
                day = last_year(r, when).date
                assert day is not None
                return {"at": day}, "sentence", FactSpan(when.start, when.end, "date")
            chosen = when
    if chosen is not None:
        chosen = last_year(r, chosen)
        out: dict[str, PartialDate] = {}
        lead = r.text[max(view.start, chosen.start - 20) : chosen.start].lower()
        lead = _YEAR_PART.sub("", lead)[-12:]  # "since mid-2022"
        if chosen.range is not None:
            first, last = chosen.range.first, chosen.range.last
            if first is not None:
                out["first"] = first
            if last is not None:
                out["last"] = last
            # "from 2003 to 2007, until his dismissal in April 2007": the month printed
            ended = _until_event(r, view, chosen.range.end)
            if ended is not None:
                out["last"] = ended
        elif re.search(r"\b(?:since|from)\s*$", lead):
            out["first"] = chosen.date  # type: ignore[assignment]
            ended = _until_event(r, view, chosen.end)
            if ended is not None:
                out["last"] = ended
        elif re.search(r"\b(?:until|till)\s*$", lead):
            out["last"] = chosen.date  # type: ignore[assignment]
        else:
            at = _AT_THE_EVENT.search(r.text, max(view.start, chosen.start - 80), chosen.start)
            day = _event_day_in(r, event, chosen.date) if at else None
            out["at"] = day or _finer_event_date(r, view, anchor, event, chosen)
        basis = "weekday" if chosen.year_inferred and chosen.weekday is not None else "sentence"
        span = chosen.range or chosen
        return out, basis, FactSpan(span.start, span.end, "date")
    held = None if holds else _ended_term_start(r, view, anchor)
    since = {"since": held} if held is not None else {}
    weekday = _weekday_date(r, view)
    if holds:
        own = _own_day(r, view, event, weekday)
        if own is not None:
            return {"at": own[0]}, own[1], own[2]
    stated = _day_of_event(r, view, event)
    if stated is not None and not _preview(r, view, event, stated[0], holds):
        return {"at": stated[0], **since}, "sentence", stated[1]
    first, last = _event_dates(r, event)
    if first is not None and not _preview(r, view, event, first, holds):
        return {"at": last or first, **since}, "event", None
    if weekday is not None:
        return {"at": weekday[0]}, "weekday", weekday[1]
    told = None if holds else told_day(r, view.start, view.end)
    if told is not None:  # (class CG) "The assembly appointed X premier yesterday"
        return {"at": told[0], **since}, "sentence", FactSpan(*told[1], "date")
    return _report_date(r, view, anchor, holds)


def _finer_event_date(
    r: Context, view: SentenceView, anchor: int, event: str | None, chosen: DateMention
) -> PartialDate:
    """ "In 1956 he entered the Central Committee at the Third Congress of the KWP (April)": a
    year the sentence states before the fact, made precise by the date of the event the fact's
    clause names after it, when that date is of the same year (the text dates the fact twice;
    the more precise date). Not a date of the fact's own clause ("At the 3rd Conference in
    September 2010 ..., and he became director ... in 2010")."""
    date = chosen.date
    assert date is not None
    if date.month is not None or event is None or chosen.start > anchor:
        return date
    if not any(
        m.entity and r.reg.resolve(m.entity) == event
        for m in r.mentions_in(anchor, view.end, ("event",))
    ):
        return date
    first, last = _event_dates(r, event)
    when = last or first
    if when is None or when.year != date.year or when.month is None:
        return date
    return when


def _paragraph_day(r: Context, view: SentenceView) -> PartialDate | None:
    """The day of the occasion an earlier sentence of the same paragraph states ("The first was
    a meeting ..., convened on August 13. ... A and B, vice-chairmen of ..., sat on either side
    of Kim"): a title printed in a sentence that goes on telling that occasion is as of its day,
    not the article's. None for a day after the article's (a preview)."""
    sentence = r.doc.sentence_at(view.start)
    if sentence is None or r.doc.blocks[sentence.block].kind in _NOT_FACT_BLOCKS:
        return None
    start = r.doc.blocks[sentence.block].start
    if start >= sentence.start or speaks_ahead(r, view.start, view.end):
        return None
    # "... visited the hospital yesterday. X, secretary of ..., accompanied him."
    stated = stated_day(r, start, sentence.start) or _YESTERDAY_OR_TODAY.search(
        r.text, start, sentence.start
    ) and relative_day(r, start, sentence.start)
    if not stated or _after_article(r, stated[0]):
        return None
    return stated[0]


_YESTERDAY_OR_TODAY = re.compile(r"\b(?:yesterday|today)\b", re.I)


_SINCE = re.compile(r"\s*,?\s*since\s+(?:(?:the|its|his|her)\s+)?", re.I)
_EVENT_DATE = re.compile(r"\s*(?:,\s*)?(?:(?:held|convened)\s+)?(?:in|on|of)\s+$", re.I)


def _since_event(
    r: Context, view: SentenceView, title_end: int
) -> tuple[PartialDate, str, FactSpan] | None:
    """ "X, who has been a secretary of the WPK Central Committee since the Eighth Party
    Congress in January 2021, ...": a term the text starts at an event (the date printed after
    it, else the event's), not a title as of the day the sentence reports."""
    m = _SINCE.match(r.text, title_end, view.end)
    if m is None:
        return None
    event = next((e for e in r.mentions_in(m.end(), view.end, ("event",))
                  if e.start == m.end() and e.entity), None)  # fmt: skip
    if event is None:
        return None
    for d in r.dates_in(event.end, min(view.end, event.end + 24)):
        if d.date is not None and _EVENT_DATE.fullmatch(r.text, event.end, d.start):
            return d.date, "sentence", FactSpan(d.start, d.end, "date")
    first, _ = _event_dates(r, event.entity)
    if first is None:
        return None
    return first, "event", FactSpan(event.start, event.end, "event")


def _preview(
    r: Context, view: SentenceView, event: str | None, day: PartialDate, holds: bool
) -> bool:
    """A title printed about an event to come ("X, secretary of ..., is expected to attend
    the plenary meeting" of the 28th, in an article of the 20th): as of the article, not of
    the event's day."""
    return holds and _after_article(r, day) and _ahead(r, view, event)


def _after_article(r: Context, date: PartialDate) -> bool:
    """The date is after the article's: a title printed in a preview of an event to come ("is
    expected to hold its congress early next year") is held as of the article, not the event."""
    return r.reference is not None and date.certainly_after(r.reference)


def _ahead(r: Context, view: SentenceView, event: str | None) -> bool:
    """Whether the sentence, or the one that dates ``event``, speaks of the future ("is
    expected to hold its congress early next year"): an event after the article's date told
    in the past ("UPDATE: Kim Jong Un visited the bier on 21 October" in a post of the 20th)
    happened, and the titles printed at it are as of its day."""
    if speaks_ahead(r, view.start, view.end):
        return True
    starts = [at for at, key in r.held if key == event]
    starts += [m.start for m in r.mentions if m.entity is not None and m.entity == event]
    if not starts:
        return True
    # as the narrative last told it ("The funeral will be held on 22 October. ... The funeral
    # took place ...")
    told = max((at for at in starts if at <= view.start), default=min(starts))
    sentence = r.doc.sentence_at(told)
    return sentence is None or speaks_ahead(r, sentence.start, sentence.end)


def _report_date(
    r: Context, view: SentenceView, anchor: int, holds: bool
) -> tuple[dict[str, PartialDate], str, FactSpan | None]:
    """What a fact no sentence or event dates is as of: the day of the report the sentence
    cites ("X was appointed premier, state media said on Monday", in an article of Tuesday),
    else, for a title, the day of the occasion its paragraph tells (:func:`_paragraph_day`),
    else the article's date (for a change, only in news or an unofficial source); nothing for
    a past holding ("... who served as Minister of Defence in the 1960s")."""
    if holds and _SERVED.search(r.text, max(view.start, anchor - 40), anchor):
        return {}, "none", None
    news = r.article.fields.get("type") == "news"
    if r.reference is None or not (holds or news or not r.official):
        return {}, "none", None
    # the article's date, or in a text that strings reports the day of the report's dateline
    day = (report_day(r, view.start) if r.section_days else None) or r.reference
    reported = reported_day(r, view.start, view.end)
    if reported is not None and reported[0] != day:
        return {"at": reported[0]}, "article", FactSpan(*reported[1], "date")
    told = _paragraph_day(r, view) if holds else None
    if told is not None:
        return {"at": told}, "sentence", None
    held = _held_day_before(r, view) if holds and news else None
    if held is not None:
        return {"at": held}, "event", None
    return {"at": day}, "article", None


_WORD = re.compile(r"[A-Za-z]+")


@functools.cache
def _speech_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    flex = fact_lexicon()
    acts = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in flex.speech_acts)
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in flex.speech_verbs)
    return (
        re.compile(rf"\b(?:{acts})\b", re.I),
        re.compile(rf"^[\"“]?(?:He|She|They|The\s+speakers?|The\s+reporter|Speakers|[A-Z][\w'’-]*"
                   rf"(?:\s+[A-Z][\w'’-]*){{0,3}})\s+(?:also\s+)?(?:{verbs})\b"),
    )


def _speech_at_occasion(r: Context, view: SentenceView) -> bool:
    """Whether the sentence tells what a speaker said at an occasion: it opens with a speaker
    and a verb of saying ("He said that ...") after a speech in it or in the sentence before
    it in its paragraph ("Choe Ryong Hae made a report.")."""
    sentence = r.doc.sentence_at(view.start)
    if sentence is None:
        return False
    act, opening = _speech_patterns()
    if not opening.match(r.text[sentence.start : sentence.end]):
        return False
    index = r.doc.sentence_index(sentence.start)
    before = r.doc.sentences[index - 1] if index > 0 else None
    same = before is not None and before.block == sentence.block
    start = before.start if before is not None and same else sentence.start
    return act.search(r.text, start, sentence.end) is not None


def _held_day_before(r: Context, view: SentenceView) -> PartialDate | None:
    """(class AA) In a news report of an occasion ("A Pyongyang mass rally took place ...
    yesterday. ... Choe Ryong Hae made a report. He said that ... Kim Jong Un, chairman of the
    WPK"), a title no sentence dates is as of the day of the occasion the report last said was
    held before it: the sentence is about that occasion. Not a day after the article's, nor
    a title in a sentence that looks ahead."""
    held = [key for at, key in r.held if at < view.start]
    if not held or speaks_ahead(r, view.start, view.end):
        return None
    sentence = r.doc.sentence_at(view.start)
    if sentence is None:
        return None
    words = {w.lower() for w in _WORD.findall(r.text, sentence.start, sentence.end)}
    if words & fact_lexicon().not_of_occasion and not _speech_at_occasion(r, view):
        return None
    # the occasion the narrative last told of: an event held or named before the sentence (one
    # named after the last held, undated or not held, leaves the title as of the article)
    last = max((at for at, _ in r.held if at < view.start), default=-1)
    named = [m for m in r.mentions_in(last + 1, view.start, ("event",)) if m.entity]
    if any(r.reg.resolve(m.entity) != r.reg.resolve(held[-1]) for m in named):  # type: ignore[arg-type]
        return None
    fields = r.reg.peek(held[-1]).fields
    date = fields.get("end") or fields.get("date")  # a multi-day occasion's last day (the guide)
    if not isinstance(date, PartialDate) or date.day is None or _after_article(r, date):
        return None
    return date


def _own_day(
    r: Context,
    view: SentenceView,
    event: str | None,
    weekday: tuple[PartialDate, FactSpan] | None,
) -> tuple[PartialDate, str, FactSpan | None] | None:
    """The day a title in a sentence is as of, when the sentence does not date it beside the
    title: a weekday of its own ("Choe Son Hui, the foreign minister, left Pyongyang on
    Sunday"), a day relative to the report's ("The day before, he watched a drill together
    with Pak Jong Chon, vice-chairman of ..."), or, for those accompanying an appearance the
    paragraph before dates ("He was accompanied by Jo Yong Won, member of ..."), its day."""
    counted = weekday is not None and may_count_past(r, view.start, weekday[1].start)
    relative = relative_day(r, view.start, view.end) if weekday is None or counted else None
    if weekday is not None and not counts_past(r, relative, weekday[1].start):
        return weekday[0], "weekday", weekday[1]
    if relative is not None:
        return relative[0], "sentence", FactSpan(*relative[1], "date")
    stated = stated_day(r, view.start, view.end)
    if stated is not None and not (  # not "X, premier, said the congress will open on 5 May"
        _after_article(r, stated[0]) and speaks_ahead(r, view.start, view.end)
    ):  # "Kim Jong Un, general secretary of ..., inspected ... on 13 June"
        return stated[0], "sentence", FactSpan(*stated[1], "date")
    if not _reports_attendance(view):
        return None
    first, last = _event_dates(r, event)
    if first is not None:
        # "... held its conference on 18 January. ... On 19 January the conference of the
        # city committee took place. Present there was X, secretary of ...": the narrative has
        # moved past the event last told (to one not drafted): the day it is at; not when the
        # sentence names the event ("X, the Minister of ..., appeared at the plenum")
        if any(i.kind in ("event", "eventref") for i in view.items):
            return None
        moved = narrative_day_before(r, view.start)
        if moved is None or moved.day is None or not moved.certainly_after(last or first):
            return None
        return moved, "sentence", None
    sentence = r.doc.sentence_at(view.start)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    for before in reversed(r.doc.sentences[max(0, index - 2) : index]):
        if r.doc.blocks[before.block].kind in _NOT_FACT_BLOCKS:
            break
        day = _weekday_date(r, sentence_view(r, before.start, before.end)) or stated_day(
            r, before.start, before.end
        )
        if day is not None:
            return day[0], "event", None
    return None


def holding_dates(
    flex: FactLexicon, fact: Fact, dates: dict[str, PartialDate], official: bool = True
) -> None:
    """Date a holding from what :func:`fact_dates` read: a change starts (elected) or ends
    (relieved) it, a report's undated change holds as of the date, a title as of it, a period
    gives both ends. One rule for every pass that drafts holdings."""
    at, first, last = dates.get("at"), dates.get("first"), dates.get("last")
    if fact.type == "became":
        # "In 2017 he became director": the start, when the sentence dates it.
        fact.start, fact.end = first, last
        if at is not None and fact.date_basis in ("sentence", "weekday"):
            fact.start = at
        elif at is not None and first is None and last is None:
            fact.as_of = at
    elif fact.type in flex.beginning and fact.date_basis == "article" and not official:
        # A change a report does not date ("has appointed"): the new holder as of the article
        fact.as_of = first or at or last
    elif fact.type in flex.beginning:
        fact.start = first or at or last
    elif fact.type in flex.ending and fact.date_basis == "article" and not official:
        pass  # ... and the old one nothing
    elif fact.type in flex.ending:
        fact.end = last or at or first
        fact.start = dates.get("since")  # "..., which he had held since December 1983"
    else:
        fact.start, fact.end = first, last
        if at is not None and first is None and last is None:
            fact.as_of = at
