"""Successions told in one sentence (issue 15, class AD): a title the change ends.

"Ri Gun Mo, hitherto chief secretary of the North Hamgyong Provincial Party Committee, was
elected Premier": the earlier title ends when the new one begins, on the date the sentence gives
the change (the event's, or one printed). Only the words that tie the earlier title to the change
("hitherto", "until now", "until then": ``successions.until_the_change`` in facts.yaml);
"formerly", "previously", "a former" title stays undated (the labelling guide), as does one whose
change the sentence does not date ("has been appointed").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..dates import PartialDate
from ..reading.facts import Fact, FactLexicon, FactSpan, Title, career_words, fact_lexicon
from ..reading.sentences import Item, SentenceView, SymbolPattern, compile_pattern
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .facts_common import fact_dates, holding_dates, page_subject, sentence_view, status_of

__all__ = [
    "ended_by_a_successor",
    "ended_by_the_change",
    "named_successor",
    "successors_when",
    "the_other_side",
]


@functools.cache
def _until_the_change() -> re.Pattern[str]:
    words = resource_yaml("kwpld/reading/facts.yaml")["successions"]["until_the_change"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def _span(fact: Fact, role: str) -> tuple[int, int] | None:
    return next(((s.start, s.end) for s in fact.spans if s.role == role), None)


def ended_by_the_change(
    r: Context, flex: FactLexicon, view: SentenceView, found: list[Fact]
) -> None:
    """Give a "hitherto" title of ``found`` the start of the same person's change in the same
    sentence as its end (in place); the title is as sure as the change that ends it ("X,
    hitherto a vice-premier, appears to have been moved to ...": reported)."""
    for fact in found:
        if fact.type != "former" or fact.end is not None or fact.start is not None:
            continue
        person, role = _span(fact, "person"), _span(fact, "role")
        if person is None or role is None or not person[1] <= role[0]:
            continue
        if not _until_the_change().search(r.text, person[1], role[0]):
            continue
        if fact.status == "confirmed":
            fact.status = status_of(r, view)[0]
        change = next(
            (
                f for f in found
                if f is not fact and f.person == fact.person and f.type in flex.beginning
                and f.start is not None and f.sentence == fact.sentence
            ),
            None,
        )  # fmt: skip
        if change is None:
            continue
        fact.end, fact.as_of = change.start, None
        fact.date_basis, fact.type = change.date_basis, "ended"


_LEADS = frozenset({"chairman", "general-secretary", "first-secretary"})


@functools.cache
def _heir_organs() -> frozenset[str]:
    return frozenset(resource_yaml("kwpld/reading/facts.yaml")["successions"]["heir_organs"])


_DEATH = re.compile(r"\b(?:died|passed away|death)\b", re.I)


def _sentences_before(r: Context, offset: int, count: int) -> int:
    """Where the ``count`` sentences before the one at ``offset`` begin."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return offset
    index = r.doc.sentences.index(sentence)
    return r.doc.sentences[max(0, index - count)].start


@functools.cache
def _named_successor() -> SymbolPattern:
    return compile_pattern(
        resource_yaml("kwpld/reading/facts.yaml")["successions"]["named_successor"]
    )


def named_successor(
    r: Context, flex: FactLexicon, view: SentenceView, earlier: list[Fact]
) -> list[Fact]:
    """ "In May 2007, X, previously ambassador to Russia, was named his successor": X holds,
    from the sentence's date, the title the one "his" stands for held last (a post before a
    seat), and that holding ends then. "His" is the profile's subject, else the person the
    sentences before are about; never X."""
    if not _named_successor().possible(view.string):
        return []
    m = _named_successor().search(view.string)
    if m is None:
        return []
    successor = next((i for i in view.group(m, "successor") if i.kind == "person"), None)
    trigger = view.group(m, "trigger")
    if successor is None or successor.ref is None or not trigger:
        return []
    subject = page_subject(r)
    whose = r.reg.resolve(subject.entity) if subject and subject.entity else None
    if whose is None or whose == successor.ref:
        whose = _about(r, view.start)
    if whose is None or whose == successor.ref:
        return []
    heirs = _heir_organs()
    held = [
        f for f in earlier
        if f.person == whose and f.kind == "membership" and f.organ and f.role
        and f.status != "projected" and f.type not in flex.ending and f.type != "former"
        and f.role not in ("member", "alternate-member")
    ]  # fmt: skip
    if any(
        f.organ.lstrip("=").rsplit(":", 1)[-1] in heirs and f.role in _LEADS
        for f in held if f.organ
    ):
        return []  # "Kim Jong Un was named his successor": an heir, no office taken then
    if not held:
        return []
    title = next((f for f in reversed(held) if f.post), held[-1])
    at = trigger[0].start
    dates, basis, date_span = fact_dates(r, view, at, None, holds=False)
    out = []
    pairs = [(successor.ref, "appointed"), (whose, "replaced")]
    if _DEATH.search(r.text, _sentences_before(r, view.start, 3), view.start):
        pairs = pairs[:1]  # "X died on 2 January 2007. ... Y was named his successor": ended then
    for person, kind in pairs:
        fact = Fact(
            "membership", kind, person, (view.start, view.end), organ=title.organ,
            role=title.role, post=title.post, status=status_of(r, view)[0],
            date_basis=basis, rule="named-successor",
        )  # fmt: skip
        holding_dates(flex, fact, dates, r.official)
        spans = [FactSpan(trigger[0].start, trigger[0].end, "trigger")]
        if person == successor.ref:
            spans.append(FactSpan(successor.start, successor.end, "person"))
        if date_span:
            spans.append(date_span)
        fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
        fact.why = "named successor" if kind == "appointed" else "succeeded"
        out.append(fact)
    return out


def _about(r: Context, offset: int) -> str | None:
    """The person the sentences before ``offset`` are about: the first one named on the main
    line of the nearest sentence that names one there ("A state funeral committee headed by Y
    was formed": not Y, named after "by"; the sentence before, "X died ...", is about X)."""
    oblique = career_words().oblique_before
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    for previous in reversed(r.doc.sentences[max(0, index - 4) : index]):
        if r.doc.blocks[previous.block].kind in ("title", "heading"):
            break
        for m in r.mentions_in(previous.start, previous.end, ("person",)):
            if m.entity is None or r.doc.in_parens(m.start) or m.name_kind == "epithet":
                continue
            if not oblique.search(r.text, max(previous.start, m.start - 40), m.start):
                return r.reg.resolve(m.entity)
    return None


_HEADS = frozenset({"chairman", "director", "first-secretary", "general-secretary"})
"""roles one person holds at a time: a new holder ends the term of the one before"""


def ended_by_a_successor(flex: FactLexicon, found: list[Fact]) -> None:
    """ "Kim Tok Hun was appointed premier, and Kim Jae Ryong, who had worked as premier since
    April last year, was appointed ...": a head's term the sentence dates from a start ends when
    the sentence gives someone else the same post (in place)."""
    for fact in found:
        if fact.type != "holds" or fact.role not in _HEADS or fact.start is None:
            continue
        if fact.end is not None or fact.post is None:
            continue
        change = next(
            (
                f for f in found
                if f.post == fact.post and f.organ == fact.organ and f.person != fact.person
                and f.type in flex.beginning and f.start is not None
                and f.sentence == fact.sentence
            ),
            None,
        )  # fmt: skip
        if change is not None:
            fact.end = change.start


@functools.cache
def _when_succeeded() -> SymbolPattern:
    return compile_pattern(
        resource_yaml("kwpld/reading/facts.yaml")["successions"]["when_succeeded"]
    )


def successors_when(r: Context) -> Found:
    """(class BB) "In April 2011 he was appointed Minister of X, a post he held until February
    2013, when Y succeeded him"; "He stepped down as Premier in April 2019, when Y took over": Y
    holds, from its end, the last holding the sentence ended before "when" (of the one named
    after "succeeded", when one is), unless the sentence gives Y that seat already. Run after
    the passes that date ends ("a post he held until ...")."""
    pattern = _when_succeeded()
    memberships = [f for f in r.facts if isinstance(f, Fact) and f.kind == "membership"]
    added: list[Fact] = []
    for sentence in r.doc.sentences:
        if "when" not in r.text[sentence.start : sentence.end] and "after which" not in r.text[
            sentence.start : sentence.end
        ]:
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        if not pattern.possible(view.string):
            continue
        m = pattern.search(view.string)
        if m is None:
            continue
        successor = next((i for i in view.group(m, "successor") if i.kind == "person"), None)
        if successor is None or successor.ref is None:
            continue
        whose = {i.ref for i in view.group(m, "people") if i.kind == "person" and i.ref}
        here = [
            f for f in memberships
            if sentence.start <= f.sentence[0] < sentence.end
            or f.sentence[0] <= sentence.start < f.sentence[1]
        ]  # fmt: skip
        ended = [
            f for f in here
            if f.person != successor.ref and f.end is not None and f.organ and f.role
            and (not whose or f.person in whose) and f.status != "projected"
            and any(s.start < successor.start for s in f.spans)
        ]  # fmt: skip
        if not ended:
            continue
        old = max(ended, key=lambda f: max(s.start for s in f.spans))
        if any(
            f.person == successor.ref and (f.organ, f.role) == (old.organ, old.role) for f in here
        ):
            continue
        fact = Fact(
            "membership", "appointed", successor.ref, (sentence.start, sentence.end),
            organ=old.organ, role=old.role, post=old.post, status=old.status, start=old.end,
            date_basis=old.date_basis, rule="when-succeeded",
        )  # fmt: skip
        fact.spans = [FactSpan(successor.start, successor.end, "person")]
        fact.why = "succeeded " + (old.why.split(" ", 1)[-1] if old.why else "")
        added.append(fact)
    r.facts = [*r.facts, *added]
    return r.found()


# -- the other side of a change (round 6, lever L5) ----------------------------------------------


@dataclass(frozen=True)
class _Change:
    """One change a sentence tells with both people: who leaves, who comes, the words."""

    form: str
    new: str
    old: str
    resolved: str | None
    """the one of the two named by a pronoun or "his", resolved from the sentences before"""
    match: re.Match[str]


@functools.cache
def _other_side() -> tuple[re.Pattern[str], tuple[tuple[str, SymbolPattern], ...]]:
    block = resource_yaml("kwpld/reading/facts.yaml")["successions"]["other_side"]
    patterns = tuple((p["id"], compile_pattern(p["pattern"])) for p in block["patterns"])
    return re.compile(block["cue"], re.I), patterns


_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_SEATS = frozenset({"member", "alternate-member"})


def the_other_side(r: Context) -> Found:
    """(round 6, L5) The other person of a change holds, or held, the post too: "In February Y
    succeeded X, chief of the General Staff since 2013", "Y took over from X", "X was replaced by
    Y in May", "..., in place of X", "His predecessor, X, ...", "X's successor, Y, took over in
    May". One mechanism for every form: the change's post (the title after "as", else the
    title the sentence gives either of the two, else the post the text last gave the one the
    other is measured against: "his" predecessor held what he was given), the change's date
    (the newcomer's start, else the sentence's, else the end of the holding the other one
    left), then the one who leaves holds it until then and the one who comes holds it from then
    (only what the passes before did not draft: an existing holding is given the missing end or
    start). Not "succeeded in", "replaced the engine", a successor in another role ("replaced X
    as the public face of ..."), a projected change, nor, unless the sentence names it, the
    leader's office (dynastic succession). Run after the passes that draft holdings."""
    cue, patterns = _other_side()
    starts = sorted({s.start for m in cue.finditer(r.text) if (s := r.doc.sentence_at(m.start()))})
    if not starts:
        return r.found()
    flex = fact_lexicon()
    facts = [f for f in r.facts if isinstance(f, Fact) and f.kind == "membership"]
    changed: dict[int, Fact] = {}
    dropped: set[int] = set()
    added: list[Fact] = []
    for sentence in r.doc.sentences:
        if sentence.start not in starts:
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        if status_of(r, view)[0] == "projected":
            continue
        for form, pattern in patterns:
            if not pattern.possible(view.string):
                continue
            for m in pattern.regex.finditer(view.string):
                current = [changed.get(id(f), f) for f in facts] + added
                current = [f for f in current if id(f) not in dropped]
                if form in ("held", "vacant"):
                    _holder(r, view, m, current, changed, added)
                    continue
                change = _change(r, view, m, form)
                if change is not None:
                    dropped |= _complete(r, flex, view, change, current, changed, added)
    if not changed and not added and not dropped:
        return r.found()
    # ``dropped`` holds the ids of the facts as they stood when found wrong: an original, its
    # replacement in ``changed`` or one ``added``; any of them drops the holding
    kept: list[object] = []
    for f in r.facts:
        now = changed.get(id(f), f) if isinstance(f, Fact) else f
        if id(f) not in dropped and id(now) not in dropped:
            kept.append(now)
    r.facts = kept + [f for f in added if id(f) not in dropped]
    return r.found()


def _person(r: Context, view: SentenceView, items: list[Item]) -> tuple[str | None, bool]:
    """The person a group names (its first person), or the one its pronoun stands for; and
    whether it was a pronoun."""
    person = next((i for i in items if i.kind == "person"), None)
    if person is not None:
        return (r.reg.resolve(person.ref) if person.ref else None), False
    if not items or items[0].text.lower() not in _PRONOUNS:
        return None, False
    named = {r.reg.resolve(i.ref) for i in view.items if i.kind == "person" and i.ref}
    subject = page_subject(r)
    whose = r.reg.resolve(subject.entity) if subject and subject.entity else None
    if whose is None or whose in named:
        whose = _about(r, view.start)
    if whose is None or whose in named:
        return None, True
    return whose, True


def _change(r: Context, view: SentenceView, m: re.Match[str], form: str) -> _Change | None:
    groups = m.groupdict()
    if groups.get("other") is not None or groups.get("elsewhere") is not None:
        return None  # "replaced X as the public face of ...", "in the delegation": no post
    if groups.get("new") is None:  # "..., replacing X": the sentence's subject, before the words
        trigger = view.group(m, "trigger")[0].start
        oblique = career_words().oblique_before
        before = [
            i for i in view.items
            if i.kind == "person" and i.end <= trigger and not r.doc.in_parens(i.start)
            and not oblique.search(r.text, max(view.start, i.start - 40), i.start)
        ]  # fmt: skip
        lead = [i for i in view.items[:1] if i.text.lower() in ("he", "she")]
        new, new_said = _person(r, view, before[-1:] or lead)
    else:
        new, new_said = _person(r, view, view.group(m, "new"))
    old, old_said = _person(r, view, view.group(m, "old"))
    if new is None or old is None or new == old:
        return None
    resolved = new if new_said else old if old_said else None
    return _Change(form, new, old, resolved, m)


def _is(r: Context, person: str, other: str | None) -> bool:
    """Whether two entity keys are one person (a key merged into another resolves to it)."""
    return other is not None and (person == other or r.reg.resolve(person) == r.reg.resolve(other))


def _group(view: SentenceView, m: re.Match[str], name: str) -> list[Item]:
    return view.group(m, name) if name in m.re.groupindex else []


_TIED = frozenset({"since", "from", "until", "till", "to", "through", "born", "between", "and"})


@functools.cache
def _left_unnamed() -> re.Pattern[str]:
    block = resource_yaml("kwpld/reading/facts.yaml")["successions"]["other_side"]
    return re.compile(block["left_unnamed"], re.I)


@functools.cache
def _apposition_words() -> dict[str, re.Pattern[str]]:
    block = resource_yaml("kwpld/reading/facts.yaml")["successions"]["other_side"]["apposition"]
    return {form: re.compile(rf"\b(?:{words})\b", re.I) for form, words in block.items()}


def _clause_date(
    view: SentenceView, m: re.Match[str], needs: re.Pattern[str] | None = None
) -> PartialDate | None:
    """The date of the change in the clause of its words: after them up to the next comma
    ("succeeded X as premier in August 2020"), else before them ("In February Y succeeded
    X"); not one "since", "from" or "until" ties to a term ("X, premier since 2019")."""
    start, end = m.span()
    items = view.items
    first = view.items_in(start, end)
    if not first:
        return None
    # from the change's words: "X was appointed T in 2012 and was replaced by Y in May 2013"
    at = items.index((_group(view, m, "trigger") or first)[0])
    stop = items.index(first[-1])
    after = []
    for index in range(at, len(items)):
        if items[index].text in (",", ";", ".") and index > stop + (needs is not None):
            break
        after.append(index)
    before = []
    for index in range(at - 1, -1, -1):
        if items[index].text in (",", ";", "."):
            break
        before.append(index)
    for index in [*after, *before]:
        item = items[index]
        if item.kind != "date" or getattr(item.ref, "date", None) is None:
            continue
        if index and items[index - 1].text.lower() in _TIED:
            continue
        if needs is not None and not needs.search(
            " ".join(i.text for i in items[stop + 1 : index])
        ):
            continue
        date: PartialDate = item.ref.date
        return date
    return None


def _key(date: PartialDate | None) -> tuple[int, int, int]:
    return (date.year, date.month or 0, date.day or 0) if date else (0, 0, 0)


def _in(fact: Fact, view: SentenceView) -> bool:
    return (
        view.start <= fact.sentence[0] < view.end
        or fact.sentence[0] <= view.start < fact.sentence[1]
    )


def _post_of(
    r: Context, view: SentenceView, change: _Change, facts: list[Fact], flex: FactLexicon
) -> tuple[Fact, bool] | None:
    """The holding whose post changes hands, and whether the sentence names it: the title after
    "as"; the title the sentence gives the one who leaves, else the one who comes; else the
    post the text last gave the one the change is measured against ("his predecessor": his)."""
    m = change.match
    here = [f for f in facts if _in(f, view) and f.organ and f.role and f.role not in _SEATS]
    titles = [i for i in _group(view, m, "titles") if i.kind == "title"]
    # "took over as premier from X" (in the words), "X was succeeded by Y as premier" (after)
    titles = titles or [i for i in _group(view, m, "trigger") if i.kind == "title"][:1]
    titles = titles or _as_title_after(view, m)
    if titles:
        t = titles[0]
        named = next(
            (f for f in here for s in f.spans
             if s.role == "role" and s.start < t.end and t.start < s.end),
            None,
        )  # fmt: skip
        if named is None and isinstance(t.ref, Title) and t.ref.organ:
            named = Fact("membership", "holds", change.new, (view.start, view.end),
                         organ=t.ref.organ, role=t.ref.role, post=t.ref.post)  # fmt: skip
        if named is not None:
            return named, True
        if not isinstance(t.ref, Title):
            return None
        role: str | None = t.ref.role  # "as chief of staff": that role of a post he was given
        head = t.text.lower().split()[-1] if t.text.split() else ""
    else:
        role, head = None, ""
    where = {i.text.lower() for i in _group(view, m, "where") if i.kind == "word"}
    if change.form not in ("predecessor", "successor") and role is None:
        found = _post_here(r, view, change, facts, flex)
        if found is not None:
            return (found, True) if isinstance(found, Fact) else None
        printed = _title_before(view, m)
        if printed is not None:
            return printed, True
    # the post the text last gave the one the change is measured against: "his predecessor"
    # held what he holds, "his successor" holds what he held; "Y replaced X": what X held, else
    # the post a change just reported gave Y ("Y was named premier. He took over from X")
    order = {"predecessor": [change.new], "successor": [change.old]}.get(
        change.form, [change.old, change.new]
    )
    for person in order:
        earlier = [
            f for f in facts
            if _is(r, f.person, person) and f.sentence[0] < view.start and f.organ and f.role
            and f.role not in _SEATS and f.status != "projected"
            and (f.type != "former" or change.form == "successor")  # "X, former T. His successor"
            and (not where or any(w in _organ_words(r, f.organ) for w in where))
            and (role is None or f.role == role and _fits(r, f, head))
        ]  # fmt: skip
        organs = {i.ref for i in view.items_in(*m.span()) if i.kind == "organ" and i.ref}
        if organs:  # "took over the bureau from X": a post in that organ
            earlier = [f for f in earlier if f.organ in {r.reg.resolve(o) for o in organs}]
        elif person == change.new and change.form not in ("predecessor", "successor"):
            begun = _sentences_before(r, view.start, 2)
            earlier = [
                f for f in earlier
                if f.sentence[0] >= begun and (f.type in flex.beginning or f.type == "became")
            ]  # fmt: skip
        if change.form in ("predecessor", "successor") and len(
            {(f.organ, f.role) for f in earlier}
        ) > 1:
            # he held several posts: the one the sentence just before gave him, else not said
            # ("Ri, his predecessor, ..." of a man with three)
            just = _sentences_before(r, view.start, 1)
            earlier = [f for f in earlier if f.sentence[0] >= just]
            if len({(f.organ, f.role) for f in earlier}) != 1:
                return None
        if earlier:
            last = max(f.sentence[0] for f in earlier)
            nearest = [f for f in earlier if f.sentence[0] == last]
            if len({(f.organ, f.role) for f in nearest}) > 1:
                return None  # two posts given him there: which one passed is not said
            return nearest[-1], False
    return None


def _post_here(
    r: Context, view: SentenceView, change: _Change, facts: list[Fact], flex: FactLexicon
) -> Fact | bool | None:
    """The post the sentence itself gives the two: what the newcomer was given ("Y became
    premier, replacing X": the one printed nearest the words); else the leaver's title (his
    apposition, "Y succeeded X, chief of ... since 2013"; not a post he moves to, "replacing X,
    who became national security adviser"; not an earlier term, "X, who had been premier from
    1988 to 1992"); else the newcomer's title printed nearest before the words ("Hyon ...
    reappeared as minister, succeeding J"). False when the change is a seat ("elected a member
    of the commission, replacing X": the passes before read seats); None when nothing here."""
    m = change.match
    here = [f for f in facts if _in(f, view) and f.organ and f.role and f.type != "former"]
    opens = _start(view, m)
    new = [f for f in here if _is(r, f.person, change.new)]
    # what the newcomer was given before the words; not "was replaced by Y, who was also
    # named T2"
    given = [
        f for f in new if (f.type in flex.beginning or f.type == "became") and _role_at(f) < opens
    ]  # fmt: skip
    if given and all(f.role in _SEATS for f in given):
        return False
    given = [f for f in given if f.role not in _SEATS]
    if given:
        return max(given, key=_role_at)
    when = _clause_date(view, m)
    old = [
        f for f in here
        if _is(r, f.person, change.old)
        and (f.type not in flex.beginning and f.type != "became" or _role_at(f) < opens)
        and not (when is not None and f.end is not None and _key(f.end) < _key(when))
    ]  # fmt: skip
    if old and all(f.role in _SEATS for f in old):
        return False
    old = [f for f in old if f.role not in _SEATS]
    printed = [f for f in old if any(s.role == "role" for s in f.spans)]
    if printed:  # the title nearest the words ("X retired as T1 and was replaced by Y")
        return min(printed, key=lambda f: (_role_at(f) > opens, abs(_role_at(f) - opens)))
    before = [(_role_at(f), f) for f in new if _role_at(f) < opens and f.role not in _SEATS]
    if before:  # before a title no pass printed for the leaver (one inferred from the change)
        return max(before, key=lambda pair: pair[0])[1]
    return old[-1] if old else None


def _role_at(fact: Fact) -> int:
    """Where the fact's title begins (its first span, when it has no title span)."""
    roles = [s.start for s in fact.spans if s.role == "role"]
    return min(roles) if roles else min((s.start for s in fact.spans), default=fact.sentence[0])


def _title_before(view: SentenceView, m: re.Match[str]) -> Fact | None:
    """ "... and was appointed Chief of the General Staff in 2007, succeeding X": a title naming
    its organ (or a post) printed before the words, no one named between."""
    opens = (_group(view, m, "trigger") or view.items_in(*m.span()))[:1]
    if not opens:
        return None
    before = view.items[: view.items.index(opens[0])]
    if before and before[-1].text == ",":
        before = before[:-1]  # "..., succeeding X"
    for index in range(len(before) - 1, -1, -1):
        item = before[index]
        if item.kind == "person" or item.text in (",", ";"):
            return None  # "Kim, a former chief of X, took office, replacing Y": not his clause
        if item.kind == "title":
            t = item.ref
            if not isinstance(t, Title) or not _explicit(t):
                return None
            if index and before[index - 1].text.lower() in ("former", "ex", "onetime"):
                return None
            return Fact("membership", "holds", "", (view.start, view.end), organ=t.organ,
                        role=t.role, post=t.post)  # fmt: skip
    return None


def _as_title_after(view: SentenceView, m: re.Match[str]) -> list[Item]:
    """The title of "as (the) T" right after the match."""
    ends = view.items_in(*m.span())
    if not ends:
        return []
    at = view.items.index(ends[-1]) + 1
    words = view.items[at : at + 3]
    if not words or words[0].text.lower() != "as":
        return []
    rest = words[1:]
    if rest and rest[0].kind != "title" and rest[0].text.lower() in ("the", "a", "an"):
        rest = rest[1:]
    return rest[:1] if rest and rest[0].kind == "title" else []


def _start(view: SentenceView, m: re.Match[str]) -> int:
    """Where in the text the change's words begin (the match, when it has none)."""
    items = _group(view, m, "trigger") or view.items_in(*m.span())
    return items[0].start if items else view.start


def _fits(r: Context, fact: Fact, head: str) -> bool:
    """Whether a holding can be the one a bare title word names: a "minister" heads a
    ministry (the head of the General Staff is a chairman too, but no minister)."""
    if head not in ("minister", "ministers"):
        return True
    return bool({"minister", "ministry"} & _names_words(r, fact))


def _names_words(r: Context, fact: Fact) -> set[str]:
    """The words of the names of a holding's organ and post ("minister", "chief", "staff")."""
    keys = [k for k in (fact.organ, fact.post) if k]
    return {w for k in keys for n in r.reg.peek(k).names for w in n.text.lower().split()}


def _organ_words(r: Context, organ: str) -> set[str]:
    return {w for n in r.reg.peek(organ).names for w in n.text.lower().split()}


def _complete(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    change: _Change,
    facts: list[Fact],
    changed: dict[int, Fact],
    added: list[Fact],
) -> set[int]:
    """Give the one who leaves the post until the change and the one who comes from it; returns
    the ids of the facts the sentence contradicts: a holding an earlier pass inferred for the
    leaver, of another post than the one the sentence names ("He had been chief of X from 2007,
    when he succeeded Y": not the ministry the sentence before gave him)."""
    found = _post_of(r, view, change, facts, flex)
    if found is None:
        return set()
    post, named = found
    organ, role = post.organ, post.role
    if organ is None or role is None:
        return set()
    if not named and organ.lstrip("=").rsplit(":", 1)[-1] in _heir_organs() and role in _LEADS:
        return set()  # "Kim Jong Un succeeded his father": the leader's offices only when named
    if not named and change.form not in ("predecessor", "successor") and _left_unnamed().search(
        r.text, view.start, _start(view, change.match)
    ):
        return set()  # "He retired to Kaesong in 2020, and Y succeeded him": left what, unsaid
    wrong = {
        id(f) for f in facts
        if named and _is(r, f.person, change.old) and f.rule == "replaces-untitled" and _in(f, view)
        and (f.organ, f.role) != (organ, role) and f.status == "confirmed"
    }  # fmt: skip
    same = [f for f in facts if (f.organ, f.role) == (organ, role)]
    here = [f for f in same if _in(f, view)]
    trigger = _group(view, change.match, "trigger")
    at = trigger[0].start if trigger else view.start
    if change.form in ("predecessor", "successor"):
        here = []  # the apposition's clause tells of other terms ("..., was himself replaced")
    date = next((f.start for f in here if _is(r, f.person, change.new) and f.start), None)
    basis = next(
        (f.date_basis for f in here if _is(r, f.person, change.new) and f.start), "sentence"
    )
    if date is None:
        date = next((f.end for f in here if _is(r, f.person, change.old) and f.end), None)
        basis = next((f.date_basis for f in here if _is(r, f.person, change.old) and f.end), basis)
    dates: dict[str, PartialDate] = {}
    pairs = [(change.old, "replaced"), (change.new, "appointed")]
    if date is None and change.form in ("predecessor", "successor"):
        # the term of the one measured against: "his predecessor" left when he began, "his
        # successor" began when he left; else a date the apposition's clause gives the
        # change ("X's successor, Y, took over in May"; "his predecessor, Y, was purged in
        # 2017": Y's end only)
        whose = change.new if change.form == "predecessor" else change.old
        held = [f for f in same if _is(r, f.person, whose) and f.status != "projected"]
        ends = [f.start if change.form == "predecessor" else f.end for f in held]
        date = next((d for d in ends if d is not None), None)
        basis = next((f.date_basis for f, d in zip(held, ends, strict=True) if d), basis)
        if date is None:
            date = _clause_date(view, change.match, _apposition_words()[change.form])
            pairs = pairs[:1] if change.form == "predecessor" else pairs
    elif date is None:
        date = _clause_date(view, change.match)
    if date is None:
        dates, basis, _ = fact_dates(r, view, at, None, holds=False)
    else:
        dates = {"at": date}
    when = dates.get("at") or dates.get("first") or dates.get("last")
    if basis == "article" and not r.official:
        when = None  # a change a report does not date: the newcomer as of the article only
    status = status_of(r, view)[0]
    for person, kind in pairs:
        _give(r, flex, view, change, person, kind, post, (dates, basis, when, status), same,
              changed, added)  # fmt: skip
    return wrong


def _give(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    change: _Change,
    person: str,
    kind: str,
    post: Fact,
    when: tuple[dict[str, PartialDate], str, PartialDate | None, str],
    same: list[Fact],
    changed: dict[int, Fact],
    added: list[Fact],
) -> None:
    dates, basis, date, status = when
    leaves = kind == "replaced"
    mine = [f for f in same if _is(r, f.person, person)]
    if date is not None:
        # a term that ended before the change (or began after it) is another term
        mine = [
            f for f in mine
            if not (f.end is not None and _key(f.end) < _key(date))
            and not (leaves and f.start is not None and _key(f.start) > _key(date))
        ]  # fmt: skip
    if mine:
        fact = next((f for f in mine if _in(f, view)), mine[-1])
        if date is None:
            return
        if leaves and fact.end is None and (fact.start is None or _key(fact.start) <= _key(date)):
            update = replace(fact, end=date, as_of=None)
        elif (
            not leaves and fact.start is None and (fact.end is None or _key(fact.end) >= _key(date))
        ):
            update = replace(fact, start=date, as_of=None)
        else:
            return
        if any(f is fact for f in added):
            added[next(i for i, f in enumerate(added) if f is fact)] = update
            return
        key = next((k for k, f in changed.items() if f is fact), id(fact))
        changed[key] = update
        return
    fact = Fact(
        "membership", kind, person, (view.start, view.end), organ=post.organ, role=post.role,
        post=post.post, status=status, date_basis=basis, rule="other-side",
    )  # fmt: skip
    holding_dates(flex, fact, dates, r.official)
    items = _group(view, change.match, "old" if leaves else "new")
    who = next((i for i in items if i.kind == "person"), None)
    spans = [FactSpan(i.start, i.end, "trigger") for i in _group(view, change.match, "trigger")]
    if who is not None:
        spans.append(FactSpan(who.start, who.end, "person"))
    fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
    fact.why = "replaced by a successor" if leaves else "succeeded a predecessor"
    added.append(fact)


def _holder(
    r: Context,
    view: SentenceView,
    m: re.Match[str],
    facts: list[Fact],
    changed: dict[int, Fact],
    added: list[Fact],
) -> None:
    """(forms "held", "vacant") One who held the post, with the dates printed: "T, a post held
    by X since 2015"; "X, who held the job from 2010 to 2013" (the job: the post the sentence,
    else the one before, gave someone); "the post has been vacant since X's retirement in
    2020" (X held it until then). The dates printed beside are the term's."""
    named = [i for i in [*_group(view, m, "old"), *_group(view, m, "of")] if i.kind == "person"]
    if named:
        old = r.reg.resolve(named[0].ref) if named[0].ref else None
    else:  # "vacant since his retirement": the one the sentence named last before, else before
        before = [i for i in view.items_in(0, m.start()) if i.kind == "person"]
        old = r.reg.resolve(before[-1].ref) if before and before[-1].ref else _about(r, view.start)
    if old is None:
        return
    post = _post_named(view, m, facts)
    if post is None and not _group(view, m, "titles"):
        # "The post of premier has been vacant since ...", "minister of X, a post that has been
        # vacant since ...": the title right before (only such words between)
        lead = [i for i in view.items_in(0, m.start()) if i.kind == "title"][-1:]
        opens = view.items_in(*m.span())[:1]
        if lead and opens:
            gap = view.items[view.items.index(lead[0]) + 1 : view.items.index(opens[0])]
            if any(i.text.lower() not in _VACANCY_GAP for i in gap):
                lead = []
        if lead and isinstance(lead[0].ref, Title) and _explicit(lead[0].ref):
            t = lead[0].ref
            post = Fact("membership", "holds", "", (view.start, view.end), organ=t.organ,
                        role=t.role, post=t.post)  # fmt: skip
    if post is None:  # "..., a post held by X since 2015, has been vacant since his retirement"
        own = [f for f in facts if _is(r, f.person, old) and _in(f, view) and f.organ and f.role
               and f.role not in _SEATS and f.type != "former"]  # fmt: skip
        post = own[-1] if len(own) == 1 else None
    if post is None:
        post = _post_reported(r, view, facts, old)
    if post is None or post.organ is None or post.role is None:
        return
    dates = {k: i.ref.date for k in ("since", "from", "to")
             for i in _group(view, m, k)[:1] if getattr(i.ref, "date", None)}  # fmt: skip
    start, end = dates.get("since") or dates.get("from"), dates.get("to")
    mine = [
        f for f in facts if _is(r, f.person, old) and (f.organ, f.role) == (post.organ, post.role)
    ]
    if start is not None or end is not None:
        mine = [
            f for f in mine
            if not (f.end is not None and start is not None and _key(f.end) < _key(start))
            and not (f.start is not None and end is not None and _key(f.start) > _key(end))
        ]  # fmt: skip
    if mine:
        fact = next((f for f in mine if _in(f, view)), mine[-1])
        both = start is not None and end is not None and _in(fact, view)
        update = replace(
            fact,
            start=start if both or fact.start is None and start else fact.start,
            end=end if both or fact.end is None and end else fact.end,
        )
        if (update.start, update.end) == (fact.start, fact.end):
            return
        update.as_of = None
        if any(f is fact for f in added):
            added[next(i for i, f in enumerate(added) if f is fact)] = update
            return
        key = next((k for k, f in changed.items() if f is fact), id(fact))
        changed[key] = update
        return
    fact = Fact(
        "membership", "held" if end else "holds", old, (view.start, view.end), organ=post.organ,
        role=post.role, post=post.post, status=status_of(r, view)[0], start=start, end=end,
        date_basis="sentence" if start or end else "none", rule="other-side-held",
    )  # fmt: skip
    if named:
        fact.spans = [FactSpan(named[0].start, named[0].end, "person")]
    fact.why = "held the post"
    added.append(fact)


def _explicit(title: Title) -> bool:
    """A title that names its organ or is a post ("premier"), not one whose organ the context
    gave ("the post of president")."""
    return bool(title.organ and (title.post or title.organ_span))


_VACANCY_GAP = frozenset(
    {",", "which", "that", "a", "the", "post", "position", "office", "job", "seat", "has", "had",
     "have", "long", "since", "then", "now"}
)


def _post_named(view: SentenceView, m: re.Match[str], facts: list[Fact]) -> Fact | None:
    """The holding a title of the match stands for: a fact's, else the title's own organ."""
    titles = [i for i in _group(view, m, "titles") if i.kind == "title"]
    if not titles:
        return None
    t = titles[0]
    found = next(
        (f for f in facts if _in(f, view) and f.organ and f.role for s in f.spans
         if s.role == "role" and s.start < t.end and t.start < s.end),
        None,
    )  # fmt: skip
    if found is None and isinstance(t.ref, Title) and _explicit(t.ref):
        found = Fact("membership", "holds", "", (view.start, view.end), organ=t.ref.organ,
                     role=t.ref.role, post=t.ref.post)  # fmt: skip
    return found


def _post_reported(r: Context, view: SentenceView, facts: list[Fact], old: str) -> Fact | None:
    """The post of the change just reported: the last one given someone else than ``old`` in
    this sentence, else in the one before (a post, not a seat)."""
    sentence = r.doc.sentence_at(view.start)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    for previous in reversed(r.doc.sentences[max(0, index - 1) : index + 1]):
        given = [
            f for f in facts
            if not _is(r, f.person, old) and previous.start <= f.sentence[0] < previous.end
            and f.organ and f.role and f.role not in _SEATS and f.status != "projected"
            and (f.type in fact_lexicon().beginning or f.type == "became")
        ]  # fmt: skip
        if given:
            return given[-1]
    return None
