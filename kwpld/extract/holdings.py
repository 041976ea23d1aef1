"""The holdings pass: who was elected, appointed, promoted, dismissed, relieved, recalled,
replaced, who resigned or retired, and which titles the text gives people — each a fact
(:class:`kwpld.reading.facts.Fact`) with its sentence, spans, dates and status.

The patterns are data (``holding_patterns``, ``replacing_patterns`` and ``holds_patterns`` in
``facts.yaml``), matched against each sentence written as symbols
(:mod:`kwpld.reading.sentences`). A change gives the start (elected, appointed) or the end
(dismissed, replaced, ...) of a holding; a title stated of a person ("Choe Ryong Hae, member of
the Presidium of the Political Bureau, ...") is a holding as of the date of the event the
sentence is about, or of the article. Headlines state no facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import DateError, PartialDate, parse_date
from ..names import name_words
from ..reading.document import Sentence
from ..reading.entities import Mention
from ..reading.facts import (
    Fact,
    FactLexicon,
    FactSpan,
    Pattern,
    Title,
    career_words,
    change_table_places,
    fact_lexicon,
    place_key,
    structure_words,
    table_columns,
)
from ..reading.sentences import Item, SentenceView
from ..reading.state import Context, Found
from ..reading.words import straight
from .dates import in_perfect
from .facts_common import (
    clause_end,
    event_of,
    fact_dates,
    held_since,
    holding_dates,
    in_dateline,
    in_headline,
    names_someone,
    sentence_view,
    status_of,
)
from .foreign_organs import chain_organ
from .foreign_states import (
    foreigners_state,
    home_government_state,
    korean_looking,
    north_before,
    seoul_story_state,
    side_state,
)
from .shared import (
    existing_organ,
    party_committee,
    party_of,
    role_in_organ,
)
from .successions import ended_by_a_successor, ended_by_the_change, named_successor
from .titles import abroad, post_for, state_title

__all__ = [
    "OPEN_END", "PERIOD", "Period", "career_fact", "career_part", "entry_person", "holdings",
    "heading_title_leads", "people_of", "period_of", "place_committee",
]  # fmt: skip


def holdings(r: Context) -> Found:
    flex = fact_lexicon()
    facts: list[Fact] = []
    last_change = "holds"
    """the last change a sentence announced, for lists that follow it"""
    tabled, table_spans = _tables(r)
    facts.extend(tabled)
    table_spans.extend(career_line_spans(r))
    for sentence in r.doc.sentences:
        if in_headline(r, sentence.start):
            continue
        if any(s <= sentence.start < e for s, e in table_spans):
            continue  # read row by row by _tables
        end = _list_end(r, sentence)
        if not names_someone(r, sentence.start, end):
            if _announces_words(r, flex, sentence.start, end):
                last_change = _announces_words(r, flex, sentence.start, end) or last_change
            continue
        view = sentence_view(r, sentence.start, end)
        found = _sentence_facts(r, flex, view, facts, last_change)
        triggers = [f.type for f in found if f.type != "holds"]
        if triggers:
            last_change = triggers[-1]
        elif _announces(flex, view):
            last_change = _announces(flex, view) or last_change
        facts.extend(_unique(found))
    owned = [f for f in (_foreigners_own(r, fact) for fact in facts) if f is not None]
    r.facts = [*r.facts, *_implied_roles(owned)]
    return r.found()


def _foreigners_own(r: Context, fact: Fact) -> Fact | None:
    """ "Foreign Minister Sergei Lavrov ... from the Russian side": a person read by a foreign
    name's shape (foreign_people) holds no office in the DPRK's organs (_at_home): his bare
    title is the office of the state the context gives (foreign_states), or no holding when
    none does. A Korean name on a foreign side ("Present on the South Korean side were ...",
    "The south Korean delegation included ...") holds that state's office; elsewhere the
    DPRK's."""
    person = r.reg.peek(fact.person)
    if fact.organ is None or person.known:
        return fact
    name = person.names[0].text if person.names else ""
    if person.attrs.get("foreign_name") and _south_only(r, fact.organ) and not korean_looking(name):
        return None  # "U.S. national security adviser John Bolton": not Seoul's office
    if not _at_home(r, fact.organ):
        return fact
    if person.attrs.get("foreign_name"):
        named = _foreign_party_organ_before(r, fact)
        if named is not None:  # "A, member of the Political Bureau of the CPC Central
            return replace(fact, organ=named, post=None)  # Committee, B, alternate member of
            # the Political Bureau": the CPC's, named before (class CB)
    korean = person.attrs.get("foreign_name") == "titled" and korean_looking(name)
    # "Defense Minister Song Young-moo": a South Korean spelling no Korean reading took
    if person.attrs.get("foreign_name") and not korean:
        state = foreigners_state(r, fact)
    else:  # a Korean name: another state's only when the sentence puts him on its side
        state = (
            side_state(r, fact)[1]
            or home_government_state(r, fact)
            or seoul_story_state(r, fact)  # "Defense Minister X" in a story from Seoul
        )
        if state is None:
            return None if korean and not north_before(r, fact) else fact
    role = next((s for s in fact.spans if s.role == "role"), None)
    if state is None or role is None or fact.role is None:
        return None
    title = Title(role.start, role.end, fact.role, fact.organ, (role.start, role.end))
    owned = state_title(r, title, state, None)
    return replace(fact, organ=owned.organ, post=None) if owned.organ else None


_PARTY_KINDS = frozenset({"central-committee", "political-bureau", "presidium", "secretariat"})


def _foreign_party_organ_before(r: Context, fact: Fact) -> str | None:
    """A foreign-named guest's bare party title read as the WPK's ("alternate member of the
    Political Bureau" in a CPC delegation's list): the organ of that kind of another party
    named last before it in the sentence, else None."""
    organ = r.reg.peek(fact.organ or "")
    kind = r.known.organ_kind.get(organ.known) if organ.known else None
    role = next((s for s in fact.spans if s.role == "role"), None)
    if kind not in _PARTY_KINDS or role is None:
        return None
    before = [
        t for t in r.person_titles
        if t.organ is not None and fact.sentence[0] <= t.start and t.end <= role.start
    ]  # fmt: skip
    for title in reversed(before):
        key = r.reg.resolve(title.organ)
        entity = r.reg.peek(key)
        if not entity.known and entity.attrs.get("organ_kind") == kind and not _wpk_owned(r, key):
            return key
    return None


def _wpk_owned(r: Context, key: str) -> bool:
    party = party_of(r, key)
    if party is None:
        return True  # no party: not another party's organ
    entity = r.reg.get(party)
    return entity.known == "wpk" or entity.attrs.get("standing") == "wpk"


def _south_only(r: Context, key: str) -> bool:
    """The organ is one only the South's officials hold (``home_government_cues.south_offices``:
    the National Security Office the role "national security adviser" implies)."""
    organ = r.reg.peek(key)
    offices = fact_lexicon().home_government_cues.get("south_offices", ())
    return bool(organ.names) and organ.names[0].text in offices


def _at_home(r: Context, key: str) -> bool:
    """The organ is the DPRK's: by the catalogue (a record, a standing organ) or as a ministry
    a title implied ("Minister of Finance"), and not one read as another state's."""
    organ = r.reg.peek(key)
    if organ.attrs.get("abroad"):
        return False
    implied = organ.key.startswith("organ:implied:ministry")
    return bool(organ.known or organ.attrs.get("standing") or implied)


def _sentence_facts(
    r: Context, flex: FactLexicon, view: SentenceView, facts: list[Fact], last_change: str
) -> list[Fact]:
    """The holdings one sentence states: changes, whom they replace, titles held."""
    found: list[Fact] = []
    claimed: dict[tuple[int, int] | None, set[str]] = {}
    for pattern in flex.admitted(flex.holding_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            changes = _changes(r, flex, view, m, pattern, last_change)
            _claim(claimed, changes, view.span(m))
            found.extend(changes)
    changes = [f for f in found if f.type in flex.beginning]
    for pattern in flex.admitted(flex.replacing_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            found.extend(_replaced(r, view, m, changes))
    for pattern in flex.admitted(flex.replacing_untitled_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            if pattern.id in ("predecessor", "successor"):
                found = _predecessor(view, m, [*facts, *found], found, pattern.id)
    for pattern in flex.admitted(flex.successor_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            ended = [_end_told_before(f, facts) for f in found if f.type in flex.ending]
            found.extend(_successors(r, view, m, _replaced_as(r, view, m, ended, facts)))
    stated = {(f.person, f.organ, f.role) for f in found}
    changed = bool(found)
    for pattern in flex.admitted(flex.holds_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            for fact in _changes(
                r, flex, view, m, pattern, "holds", holds=True, changed=changed
            ):
                key = (fact.person, fact.organ, fact.role)
                if claimed.get(_role_span(fact), {fact.person}).isdisjoint({fact.person}):
                    continue  # "named A, the son of B, chairman of X": the change's title is A's
                if key not in stated or (
                    # "X, who had served as premier since April last year, was relieved":
                    # the start of what ends
                    fact.start is not None
                    and fact.date_basis == "sentence"
                    and all(
                        f.type in flex.ending
                        for f in found
                        if (f.person, f.organ, f.role) == key
                    )
                ):
                    found.append(fact)
    for pattern in flex.admitted(flex.replaced_by_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            found.extend(_replaced_by(r, flex, view, m, pattern, found, facts))
    # (class CE) after the titles: a projected heir is no change of the sentence's, and his own
    # title beside it ("the department's first vice director, Ri") tells whose post it is
    for pattern in flex.admitted(flex.heir_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            found.extend(_heirs(r, flex, view, m, pattern, [*facts, *found]))
    # after the titles: "became X, when he replaced Y" takes what he became
    for pattern in flex.admitted(flex.replacing_untitled_patterns, view.string):
        if pattern.id not in ("predecessor", "successor"):
            for m in pattern.regex.finditer(view.string):
                found.extend(_replaces_untitled(r, view, m, (facts, found), flex))
    for pattern in flex.admitted(flex.co_member_patterns, view.string):
        for m in pattern.regex.finditer(view.string):
            found.extend(_co_members(view, m, found))
    became = [f for f in found if f.type == "became"]
    if became and not any(f.type == "replaced" for f in found):
        # "X, who became director in 2018, ousting Y": Y's holding of what X became ends
        for pattern in flex.admitted(flex.replacing_patterns, view.string):
            for m in pattern.regex.finditer(view.string):
                found.extend(_replaced(r, view, m, became))
    ended_by_the_change(r, flex, view, found)  # "X, hitherto T1, was elected T2": T1 ends
    ended_by_a_successor(flex, found)  # "Y was appointed premier, and X, premier since ..."
    found.extend(named_successor(r, flex, view, [*facts, *found]))
    return found


_NOT_GIVEN = frozenset({"replacing", "successor", "co-member"})

_ONE_HOLDER = frozenset({"chairman", "director", "general-secretary", "first-secretary"})
"""roles one person holds at a time: "A, chairman of the Council of Ministers, with B and C"
makes no co-chairmen (round 7, M1: B and C came with A, they do not share his chair)"""


_AFTER_NAME = re.compile(r"P\d+ , $")


def _and_list(view: SentenceView, m: re.Match[str]) -> bool:
    """Whether the people of a match end in "and" ("A and B", "A, B and C")."""
    if "people" not in m.re.groupindex or m.group("people") is None:
        return True
    return " and " in f" {m.group('people')} "


def _co_members(view: SentenceView, m: re.Match[str], found: list[Fact]) -> list[Fact]:
    """ "He was made a secretary of the Central Committee, together with A, B and C", "one of
    the four vice-chairmen of the NDC in 2010-2012, with A and B": the people of the list hold
    what the title right before it gave the sentence's holder, with the same dates and event.
    A title no fact of the sentence used (or only a predecessor's) gives them nothing."""
    titles = _titles(view, m)
    if not titles:
        return []
    title = titles[-1]
    given = [
        f for f in found
        if f.kind == "membership" and f.rule not in _NOT_GIVEN and f.role not in _ONE_HOLDER
        and any(
            s.role == "role" and s.start < title.end and title.start < s.end for s in f.spans
        )
    ]  # fmt: skip
    holders = {f.person for f in given}
    out: list[Fact] = []
    for person in people_of(view, m):
        if person.ref is None or person.ref in holders:
            continue
        for fact in given:
            spans = [FactSpan(person.start, person.end, "person")]
            spans.extend(s for s in fact.spans if s.role != "person")
            out.append(replace(
                fact, person=person.ref, rule="co-member", why=f"with {fact.why}".strip(),
                spans=sorted(set(spans), key=lambda s: (s.start, s.end, s.role)),
            ))  # fmt: skip
        holders.add(person.ref)
    return out


def _role_span(fact: Fact) -> tuple[int, int] | None:
    return next(((s.start, s.end) for s in fact.spans if s.role == "role"), None)


def _claim(
    claimed: dict[tuple[int, int] | None, set[str]],
    changes: list[Fact],
    matched: tuple[int, int] | None,
) -> None:
    """Note the role words a change pattern gave inside its own match, with the people it gave
    them to: a title an election or appointment gives someone is not also a title in
    apposition to a name beside it ("named Kim Jong Il, the son of President Kim Il Sung,
    chairman of the NDC" makes the son chairman, not the father). A title taken from before
    the match ("appointed B in his place") claims nothing."""
    for fact in changes:
        span = _role_span(fact)
        if span is not None and matched is not None and matched[0] <= span[0] < matched[1]:
            claimed.setdefault(span, set()).add(fact.person)


def _implied_roles(facts: list[Fact]) -> list[Fact]:
    """ "She was reinstated as an alternate member of the PB. She had been dropped from the PB
    in 2019": a seat in an organ the text names alone (no role words) is the one role the
    article gives the person in that organ elsewhere."""
    out = []
    for fact in facts:
        roles = {s.start for s in fact.spans if s.role == "role"}
        organs = {s.start for s in fact.spans if s.role == "organ"}
        if fact.role == "member" and roles and roles == organs:
            others = {
                f.role for f in facts
                if f.person == fact.person and f.organ == fact.organ and f is not fact
                and f.status != "projected"  # what may come is no seat held
                # "X, who lost his PB seat in 2016, returned to it as an alternate member":
                # the role a change in the same sentence names differs from the seat's
                and f.sentence != fact.sentence
            }  # fmt: skip
            if len(others) == 1 and "alternate-member" in others:
                fact = replace(fact, role="alternate-member")
        out.append(fact)
    return out


_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+\S")


def _list_end(r: Context, sentence: Sentence) -> int:
    """ "The plenary meeting elected the members of the Presidium:" and a list of names after
    it: the sentence runs to the end of the list."""
    blocks = r.doc.blocks
    block = blocks[sentence.block]
    if sentence.end < block.end - 1:
        return sentence.end
    tail = r.text[sentence.end : sentence.end + 2].strip(" \t")
    if not tail.startswith(":") and not r.text[block.start : block.end].rstrip().endswith(":"):
        return sentence.end
    end = sentence.end
    for later in blocks[sentence.block + 1 :]:
        lines = [x for x in r.text[later.start : later.end].splitlines() if x.strip()]
        if not lines or not all(_LIST_ITEM.match(x) and len(x.split()) <= 8 for x in lines):
            break
        end = later.end
    return end


def _announces_words(r: Context, flex: FactLexicon, start: int, end: int) -> str | None:
    for i in r.doc.words_between(start, end):
        kind = flex.triggers.get((r.doc.keys[i],))
        if kind is not None:
            return kind
    return None


def _announces(flex: FactLexicon, view: SentenceView) -> str | None:
    """ "The plenary meeting elected members of the Political Bureau." (a list follows)."""
    for item in view.items:
        if item.kind == "word":
            kind = flex.triggers.get((item.text,))
            if kind is not None:
                return kind
    return None


_BASIS_RANK = {"sentence": 0, "weekday": 1, "event": 2, "article": 3, "none": 4}


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per person, organ, role and type: the one the sentence dates most firmly ("He
    replaced Ch'oe as director in May": the pattern that reads "in May" for Ch'oe too)."""
    best: dict[tuple[object, ...], Fact] = {}
    for fact in facts:
        key = (fact.person, fact.organ, fact.role, fact.type)
        kept = best.get(key)
        if kept is None or _BASIS_RANK[fact.date_basis] < _BASIS_RANK[kept.date_basis]:
            best[key] = fact
    return [f for f in facts if best[(f.person, f.organ, f.role, f.type)] is f]


def people_of(view: SentenceView, m: re.Match[str], group: str = "people") -> list[Item]:
    """The people a group names, each once (a spelling in parentheses is the same person); a
    name several records share is in the list with no ``ref``."""
    out: list[Item] = []
    depth = 0
    for item in view.group(m, group):
        if (
            depth
            and item.kind == "person"
            and isinstance(item.ref, str)
            and item.ref.startswith("=")
            and out
            and not (isinstance(out[-1].ref, str) and out[-1].ref.startswith("="))
        ):
            # "Pak Pong-chu (Pak Pong Ju)": the record the spelling in parentheses names.
            out[-1] = Item(out[-1].kind, out[-1].start, out[-1].end, out[-1].text, item.ref)
        if item.kind == "punct" and item.text == "(":
            depth += 1
        elif item.kind == "punct" and item.text == ")":
            depth = max(0, depth - 1)
        elif (
            item.kind == "person"
            and depth == 0
            and (item.ref is None or all(p.ref != item.ref for p in out))
        ):
            out.append(item)  # a name several records share too: it holds a place in lists
    return out


def _titles(view: SentenceView, m: re.Match[str]) -> list[Title]:
    if "titles" in m.re.groupindex:
        return [i.ref for i in view.typed(m, "titles", "title")]
    return []


def _with_own_organs(r: Context, titles: list[Title]) -> list[Title]:
    """ "a party secretary and director of the Economic Department": roles coordinated before
    one organ are one item of the sentence's view; a role inside it whose organ is another
    (the secretary is the Central Committee's) is a title too (class S). Not "members and
    alternate members of O" (one organ: the patterns give each role its people)."""
    out = list(titles)
    for title in titles:
        out.extend(
            t for t in r.person_titles
            if title.start <= t.start and t.end <= title.end and t.organ is not None
            and t not in out
            and (
                t.organ != title.organ
                # (lever L6) "a member and secretary of the Central Committee", "vice-minister
                # and then minister of X": singular roles sharing the organ are all held
                or (t.role != title.role and not t.plural and not title.plural)
            )
        )  # fmt: skip
    return out


_LIFE_SPAN = re.compile(r"\s*\)\s+(?:was|is)\s+(?:a|an|the)\b")


def _own_period(r: Context, person: Item) -> dict[str, PartialDate] | None:
    """ "led by A (1998-2007) and B (2007–2014)": the period in parentheses right after a
    person's name, that person's own (dates wave)."""
    after = re.match(r"\s*\(\s*", r.text[person.end : person.end + 4])
    if after is None:
        return None
    for d in r.dates_in(person.end, person.end + 40):
        if d.start == person.end + after.end() and d.range is not None and d.role == "start":
            if _LIFE_SPAN.match(r.text, d.range.end):
                return None  # "X (2 October 1929 – 31 March 2009) was a politician who ...": a life
            first, last = d.range.first, d.range.last
            return {k: v for k, v in (("first", first), ("last", last)) if v is not None}
    return None


_ENROLMENTS = frozenset({"party", "military", "mass-organization"})
"""kinds of organ one joins as a rank-and-file member: no seat of the leadership"""


def _organ_kind(r: Context, key: object) -> str | None:
    entity = r.reg.peek(key)  # type: ignore[arg-type]
    kind = r.known.organ_kind.get(entity.known or "") if entity.known else entity.attrs.get(
        "organ_kind"
    )  # fmt: skip
    return kind if isinstance(kind, str) else None


def _organ_title(
    r: Context, view: SentenceView, m: re.Match[str], pattern: Pattern
) -> Title | None:
    """ "elected to the Political Bureau": membership of the organ; "headed the United Front
    Department": its head (the director of a department or bureau, else the chairman)."""
    if "it" in m.re.groupindex and m.group("it") is not None:
        # "X, who was dropped from the PB in 2019, returned to it": an organ named before in
        # the sentence, else the seat the sentence before names
        before = view.items[: view.index_at(m.start("it"))]
        named = [i for i in before if i.kind == "organ" and i.ref]
        if named:
            span = (named[-1].start, named[-1].end)
            return Title(span[0], span[1], "member", named[-1].ref, span, span)
        return _seat_before(r, view)
    if (
        "body" in m.re.groupindex
        and m.group("body") is not None
        and "titles" not in m.re.groupindex
    ):
        # (class EA) "A kept his seat, while B and C lost theirs": a seat in the body named before
        # (not when the person's own title or organ stands between: "X, a member of O, is
        # expected to keep his seat", "X, who was named to O in 2021, kept his seat")
        matched = view.span(m)
        between = view.items_in(m.start("people"), m.start("trigger"))
        if matched is None or any(i.kind in ("title", "organ", "post") for i in between):
            return None
        body = _body_before(r, view, matched[0])
        if body is None:
            return None
        return Title(body[1][0], body[1][1], "member", body[0], body[1], body[1])
    if "organ" not in m.re.groupindex or m.group("organ") is None:
        return None
    organs = view.typed(m, "organ", "organ") or _organ_closing_title(r, view, m, pattern)
    if not organs:
        return None
    organ = organs[0]
    kind = _organ_kind(r, organ.ref)
    if pattern.id == "joined-organ" and kind in _ENROLMENTS:
        return None  # "joined the WPK in 1946", "entered the KPA": an enrolment, not a seat
    role = "member"
    if "alternate" in m.re.groupindex and m.group("alternate"):
        role = "alternate-member"  # "dropped from the Political Bureau's alternate membership"
    # "is tipped to head the Cabinet": a projected head (the pattern's group ``head``)
    heads = pattern.type == "heads" or ("head" in m.re.groupindex and bool(m.group("head")))
    if heads or ("post" in m.re.groupindex and m.group("post")):
        # "headed the UFD", "lost the GPB post": the head's seat
        entity = r.reg.peek(organ.ref)
        # the head word of what the text prints, else of the record's label ("the GPB post")
        label = r.known.labels.get(entity.known or "", "") if entity.known else ""
        words = [(organ.text or "").lower().split()[-1:], label.lower().split(" of ")[0].split()]
        head = next((w[-1] for w in words if w and w[-1] in ("bureau", "department")), "")
        role = (
            "director" if kind == "department" or head in ("bureau", "department") else "chairman"
        )
    role = role_in_organ(r, role, organ.ref)  # "has headed the provincial committee"
    # "led the Ministry of Foreign Affairs": the foreign minister, when the folder has the post
    post = post_for(r, role, organ.ref) if heads and organ.ref else None
    return Title(organ.start, organ.end, role, organ.ref, (organ.start, organ.end),
                 (organ.start, organ.end), post)  # fmt: skip


def _organ_closing_title(
    r: Context, view: SentenceView, m: re.Match[str], pattern: Pattern
) -> list[Item]:
    """(class CC) "... was elected first vice chairman of the National Defence Commission, the
    North's top military body chaired by leader Kim Jong Un": the organ that closes a title
    before the organ's apposition is the body described."""
    if pattern.id != "organ-body-chaired-by":
        return []
    out = []
    for item in view.typed(m, "organ", "title"):
        title = item.ref
        if not isinstance(title, Title) or not title.organ:
            continue
        # the organ's own words close the title ("... of the National Defence Commission"; a
        # post the folder knows by its whole phrase has no span of its own)
        of = r.text.find(" of ", title.start, title.end)
        span = title.organ_span or ((of + 4, title.end) if of >= 0 else None)
        if span is not None and span[1] == title.end:
            out.append(Item("organ", span[0], span[1], r.text[span[0] : span[1]], title.organ))
    return out[:1]


_SEAT_WORDS = frozenset({"seat", "seats", "post", "posts", "position", "vacancy", "vacant", "open"})


def _seat_before(r: Context, view: SentenceView) -> Title | None:
    """ "Pak's retirement will leave a seat open on the Presidium. Kim is the most likely
    candidate to fill it": "it" is the seat the sentence before names (its last title, else a
    seat in its last organ), when that sentence speaks of a seat or post at all."""
    before = [s for s in r.doc.sentences if s.end <= view.start]
    if not before:
        return None
    previous = sentence_view(r, before[-1].start, before[-1].end)
    if not any(i.kind == "word" and i.text in _SEAT_WORDS for i in previous.items):
        return None
    for item in reversed(previous.items):
        if item.kind == "title" and isinstance(item.ref, Title) and item.ref.organ is not None:
            return item.ref
        if item.kind == "organ" and item.ref:
            span = (item.start, item.end)
            return Title(item.start, item.end, "member", item.ref, span, span)
    return None


def _type(flex: FactLexicon, view: SentenceView, m: re.Match[str], pattern: Pattern,
          default: str) -> tuple[str, FactSpan | None]:  # fmt: skip
    trigger = None
    if "trigger" in m.re.groupindex and m.group("trigger") is not None:
        items = view.group(m, "trigger")
        if items:
            trigger = FactSpan(items[0].start, items[-1].end, "trigger")
        words = tuple(m.group("trigger").split())
        kind = flex.triggers.get(words) or flex.triggers.get(name_words(" ".join(words)))
        if kind == "demoted" and view.string.startswith(" to ", m.end("trigger")):
            kind = "appointed"  # "demoted to first vice-minister": the lower title begins
        if pattern.type in (None, "context", "own", "promoted-from", "each") and kind is not None:
            return kind, trigger
    if pattern.type and pattern.type not in ("context", "own", "each"):
        return pattern.type, trigger
    return default, trigger


def _changes(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    pattern: Pattern,
    context: str,
    *,
    holds: bool = False,
    changed: bool = False,
) -> list[Fact]:
    kind, trigger = _type(flex, view, m, pattern, context if pattern.type == "context" else "holds")
    if pattern.type == "each":
        return _each_role(r, flex, view, m, pattern, kind, trigger)
    titles = _subject_organ(view, m, _with_own_organs(r, _titles(view, m)))
    titles = _not_own_head_organ(r, view, m, titles)
    organ_title = _organ_title(r, view, m, pattern)
    if kind in flex.ending or pattern.type == "context":  # a seat lost; "The list of ... included"
        titles = _elided_organ(r, view, titles)
    elif kind in flex.beginning and organ_title is None and _bare_seats(r, titles, trigger):
        # (class Y) "... members of the Political Bureau. A and B were by-elected as alternate
        # members": a seat given without an organ, in the paragraph's organ
        titles = _elided_organ(r, view, titles, paragraph=True)
    elif (
        kind in flex.beginning
        and organ_title is None
        and _bare_seats(r, titles, trigger, _LINE_UP_ROLES)
    ) or ("body" in m.re.groupindex and m.group("body") is not None):
        # (class EA) "... elected a vice-chairman of the commission. A and B were re-elected
        # vice-chairmen. The new members are C and D": the line-up of the body named before
        titles = _body_named(r, view, titles)
    titles = _with_organ(titles, organ_title)
    people = _who_was(view, m, people_of(view, m))
    if pattern.type == "own":
        # each person's own titles, and those "including" names
        own = _own_titles(r, flex, view, m, pattern, kind, trigger, people)
        if not titles or not people:
            return own
        return own + _facts_for(r, flex, view, pattern, kind, trigger, people, titles)
    if holds:
        # "A and B, members of the Presidium, and members and alternate members of the
        # Political Bureau": roles coordinated before one organ are groups that attended.
        spans = [(t.start, t.end) for t in titles]
        titles = [t for t in titles if spans.count((t.start, t.end)) == 1]
    if titles and not people and "successor" in m.re.groupindex and m.group("successor"):
        # "X appears to have succeeded Kim as Defence Minister" (which Kim, the text leaves
        # open): the successor's holding still begins
        successors = people_of(view, m, "successor")
        return _facts_for(r, flex, view, pattern, "appointed", trigger, successors, titles)
    if not titles or not people:
        return []
    if (
        pattern.id == "title-before-names"
        and not all(t.plural for t in titles)
        and _AFTER_NAME.search(view.string, 0, m.start("titles"))
    ):
        return []  # (class CH) "A, B, president of O and first vice chairman of S, Premier C,
        # D and E": singular titles right after a name are that name's, not the list's after
    if (
        holds
        and len(people) == len(titles) > 1
        and not any(t.plural for t in titles)
        and _and_list(view, m)
    ):
        # "Ri Ryong Ha and Jang Su Gil, a first vice director and a vice director of ...":
        # one title each, in order (not "Kim Jong-un, Choe Ryong-hae, president of O and
        # first vice chairman of S": a list without "and" goes on; both titles are Choe's)
        return [
            fact
            for person, title in zip(people, titles, strict=True)
            for fact in _facts_for(r, flex, view, pattern, kind, trigger, [person], [title],
                                   holds=holds, changed=changed)  # fmt: skip
        ]
    if pattern.id == "possessive-title-apposition" and not all(
        _POSSESSIVE_TITLE.fullmatch(r.text, t.start, t.role_span[0]) for t in titles
    ):
        return []  # (class CC) only "its T, X" and "the department's T, X"
    if pattern.id == "and-other-holders" and any(
        t.organ_span is None
        or not t.start <= t.organ_span[0] < t.organ_span[1] <= t.end
        or _COORDINATED.search(r.text, t.start, max(t.role_span[1], t.organ_span[0]))
        for t in titles
    ):
        # "A, B and other members and alternate members of O": which seat, unsaid; "A and
        # other members" (of a delegation) with an organ from the context: none named
        return []
    if pattern.id == "title-before-names" and not all(t.plural for t in titles):
        return []  # "Premier Kim Tok Hun, Choe Ryong Hae and ...": only the first holds it
    if holds and len(people) > 1 and organ_title is None and not any(t.plural for t in titles):
        people = people[-1:]  # "A, B and C, a member of ...": C's title (not "their seats on O")
    if pattern.type == "promoted-from":
        return _promoted_from(r, flex, view, m, pattern, kind, trigger, people, titles)
    dated_apart = (
        holds and len(titles) > 1 and any(item.kind == "date" for item in view.group(m, "titles"))
    )
    if dated_apart:
        # "Minister of Foreign Affairs from 2016 to 2020 and a member of the Political
        # Bureau from 2017": each title with the dates beside it.
        out = [
            fact
            for title in titles
            for fact in _facts_for(
                r, flex, view, pattern, kind, trigger, people, [title], holds=holds,
                changed=changed,
            )
        ]  # fmt: skip
    else:
        at = _after_handover(view, m)
        if "dated" in m.re.groupindex and m.group("dated"):
            dated = view.span(m, "dated")
            at = dated[0] if dated else at
        out = _facts_for(r, flex, view, pattern, kind, trigger, people, titles, holds=holds,
                         changed=changed, at=at)  # fmt: skip
    if "successor" in m.re.groupindex and m.group("successor"):
        successors = people_of(view, m, "successor")
        out.extend(
            _facts_for(r, flex, view, pattern, "appointed", trigger, successors, titles, at=at)
        )
    return out


def _not_own_head_organ(
    r: Context, view: SentenceView, m: re.Match[str], titles: list[Title]
) -> list[Title]:
    """(class EA) "Choe, president of the SPA Presidium, was re-elected first vice-president": a
    deputy's bare role whose organ the titles pass took from the person's own head title (in
    apposition) is of the body named before it (``_body_before``); none named, no seat."""
    if "people" not in m.re.groupindex or m.group("people") is None:
        return titles
    own = [i.ref for i in view.group(m, "people") if isinstance(i.ref, Title)]
    heads = {t.organ for t in own if t.role == "chairman" and t.organ}
    if not heads:
        return titles
    out = []
    for title in titles:
        if _elided(title) and title.role == "vice-chairman" and title.organ in heads:
            body = _body_before(r, view, title.start)
            if body is None or body[0] in heads:
                continue
            title = replace(title, organ=body[0], organ_span=body[1], post=None)
        out.append(title)
    return out


def _subject_organ(view: SentenceView, m: re.Match[str], titles: list[Title]) -> list[Title]:
    """ "The 11-seat commission elected A and B as vice chairmen": the roles without an organ
    of their own are of the organ that acts (group ``subject``)."""
    if "subject" not in m.re.groupindex or m.group("subject") is None:
        return titles
    organs = view.typed(m, "subject", "organ")
    # (class AD) "elected A as first vice-chairman, B as vice-chairman and C as members of the
    # NDC": the subject is the last title, whose organ the bare roles before share
    named = [i.ref for i in view.typed(m, "subject", "title") if isinstance(i.ref, Title)]
    if named and named[0].organ and named[0].organ_span:
        key, span = named[0].organ, named[0].organ_span
    elif organs and organs[0].ref:
        key, span = organs[0].ref, (organs[0].start, organs[0].end)
    else:
        return titles
    return [
        t if t.organ and not _elided(t)
        else replace(t, organ=key, organ_span=span, post=None)
        for t in titles
    ]


def _elided(title: Title) -> bool:
    """A role the titles pass gave the organ of another title before it in the sentence (no
    organ words, no post of its own: "..., Chief of the General Staff, as Vice-Chairmen"); the
    organ a pattern's subject names comes first."""
    return title.organ_span is None and title.post is None and title.role_span == (
        title.start, title.end
    )


_SEAT_ROLES = frozenset({"member", "alternate-member"})


def _elided_organ(
    r: Context, view: SentenceView, titles: list[Title], *, paragraph: bool = False
) -> list[Title]:
    """ "... an alternate Politburo member ... Hyon Song Wol was not re-elected an alternate
    member": a seat lost without an organ is in the organ of the last seat the sentence, else
    the sentence before, names (``paragraph``: only a sentence of the same paragraph)."""
    if not titles or any(t.organ or t.role not in _SEAT_ROLES or abroad(r, t) for t in titles):
        return titles  # ("Chinese President Hu Jintao": another state's, no seat of the context)
    before = [s for s in r.doc.sentences if s.end <= view.start]
    if paragraph:
        here = r.doc.sentence_at(view.start)
        before = [s for s in before if here is not None and s.block == here.block]
    start = before[-1].start if before else view.start
    seats = [
        t for t in r.person_titles
        if start <= t.start < titles[0].start and t.organ and t.role in _SEAT_ROLES
    ]  # fmt: skip
    if not seats:
        return titles
    seat = seats[-1]
    return [replace(t, organ=seat.organ, organ_span=seat.organ_span) for t in titles]


_OWN_ORGAN_AFTER = re.compile(r"\s*(?:of|to|in|on|at|for)\b", re.I)


_TRIGGER_TO_SEAT = re.compile(r"\s*(?:as\s+)?(?:(?:a|an|the)\s+)?(?:(?:full|new)\s+)?", re.I)


def _bare_seats(
    r: Context, titles: list[Title], trigger: FactSpan | None, roles: frozenset[str] = _SEAT_ROLES
) -> bool:
    """Seats the text gives no organ at all, right after the change: "were by-elected as
    alternate members" ("members of the delegation" names one of its own, though not an organ;
    "returned to it as a full member" refers to one)."""
    return (
        bool(titles)
        and trigger is not None
        and _TRIGGER_TO_SEAT.fullmatch(r.text, trigger.end, titles[0].start) is not None
        and all(
            t.organ is None and t.role in roles and not _OWN_ORGAN_AFTER.match(r.text, t.end)
            for t in titles
        )
    )


_LINE_UP_ROLES = frozenset({"member", "alternate-member", "vice-chairman"})
"""Seats of a body's line-up that a text gives without the body: "were re-elected
vice-chairmen", "The new members are ...", "kept his seat"."""

_BODY_KINDS = frozenset({
    "central-committee", "political-bureau", "presidium", "secretariat", "commission",
    "state-organ", "party-committee", "department",
})  # fmt: skip
"""Organs a line-up is of (and drafted organs, of no known kind); not "the Korean Central News
Agency reported", "joined the party", "entered the KPA"."""

_BODY_SENTENCES = 3
"""How many sentences back a line-up's body may be named."""


def _body_named(r: Context, view: SentenceView, titles: list[Title]) -> list[Title]:
    """ "The SPA re-elected the commission ... The new members are A and B", "A kept his seat,
    while B lost his": seats given without a body (``_LINE_UP_ROLES``) are in the body named
    last before, up to ``_BODY_SENTENCES`` sentences back; a title in apposition to a person
    ("X, director of O, was elected ...") is that person's, not the body the line-up is of. A
    title whose organ the text already gives is kept; no body named, no seat."""
    bare = [t for t in titles if t.organ is None and t.role in _LINE_UP_ROLES]
    if not bare or any(abroad(r, t) for t in bare):
        return titles
    body = _body_before(r, view, titles[0].start)
    if body is None:
        return titles
    organ, span = body
    return [replace(t, organ=organ, organ_span=span) if t in bare else t for t in titles]


def _body_before(r: Context, view: SentenceView, before: int) -> tuple[str, tuple[int, int]] | None:
    """The organ of the body named last before offset ``before`` (this sentence, then up to
    ``_BODY_SENTENCES`` sentences back): an organ named, or the organ of a title given as the
    object of a change (not one in apposition to a person, nor a bare role whose organ the
    titles pass borrowed from such a title)."""
    earlier = [s for s in r.doc.sentences if s.end <= view.start][-_BODY_SENTENCES:]
    views = [view, *(sentence_view(r, s.start, s.end) for s in reversed(earlier))]
    for seen in views:
        items = [i for i in seen.items if i.end <= before]
        for index in range(len(items) - 1, -1, -1):
            item = items[index]
            if item.kind == "title" and isinstance(item.ref, Title):
                title = item.ref
                if (
                    title.organ is None
                    or _elided(title)  # its organ borrowed from a title before it
                    or abroad(r, title)
                    or _in_apposition(items, index)
                    or not _a_body(r, title.organ)
                ):
                    continue
                return title.organ, title.organ_span or (title.start, title.end)
            if item.kind == "organ" and item.ref and _a_body(r, item.ref):
                return item.ref, (item.start, item.end)
    return None


def _in_apposition(items: list[Item], index: int) -> bool:
    """The title at ``index`` follows "P ," (a person's own title, not a body's line-up)."""
    return index >= 2 and items[index - 1].text == "," and items[index - 2].kind == "person"


def _a_body(r: Context, key: str) -> bool:
    entity = r.reg.peek(key)
    kind = _organ_kind(r, key)
    return not entity.attrs.get("abroad") and (kind is None or kind in _BODY_KINDS)


def _with_organ(titles: list[Title], organ: Title | None) -> list[Title]:
    """The titles with an organ: "elected to the Political Bureau as alternate members" (roles
    the text gives no organ of their own are of the organ the pattern names), else the seat in
    that organ."""
    named = [t for t in titles if t.organ is not None]
    if organ is None:
        return named
    bare = [replace(t, organ=organ.organ, organ_span=organ.organ_span)
            for t in titles if t.organ is None]  # fmt: skip
    if not bare and any(t.organ == organ.organ for t in named):
        return named  # "moved to the Economic Department as its first vice director": no seat
    return named + (bare or [organ])


def _each_role(
    r: Context, flex: FactLexicon, view: SentenceView, m: re.Match[str], pattern: Pattern,
    kind: str, trigger: FactSpan | None,
) -> list[Fact]:
    """ "Elected to the CAC were A, chairman; B, vice-chairman; and C, member": each person
    with the role after the name, in the organ the sentence names before the list."""
    organ = _organ_title(r, view, m, pattern)
    if organ is None:
        return []
    out: list[Fact] = []
    person: Item | None = None
    for item in view.group(m, "people"):
        if item.kind == "person":
            person = item
        elif item.kind == "title" and person is not None and isinstance(item.ref, Title):
            title = item.ref
            if title.organ is None:
                title = replace(title, organ=organ.organ, organ_span=organ.organ_span)
            out.extend(_facts_for(r, flex, view, pattern, kind, trigger, [person], [title]))
            person = None
    return out


def _after_handover(view: SentenceView, m: re.Match[str]) -> int | None:
    """ "X lost the GPB post to Y in May 2014", "Y took over as premier from X in 2020": in a
    handover the date after the last of the two people is the change's, for both (see
    :func:`_facts_for`'s ``at``). "X replaced Minister Y in May" (class S): the one replaced
    is the pattern's group ``replaced``, named for the date only."""
    named = [g for g in ("successor", "replaced")
             if g in m.re.groupindex and m.group(g) is not None]  # fmt: skip
    if not named:
        return None
    items = view.group(m, "people") + [i for g in named for i in view.group(m, g)]
    return max((i.end for i in items if i.kind == "person"), default=None)


_TIED_YEAR = re.compile(r"\b(?:since|until|till|born|from)\s*$")


def _narrative_year(
    r: Context, span: FactSpan | None, dates: dict[str, PartialDate]
) -> dict[str, PartialDate]:
    """ "Hwang was promoted in 2014. He replaced Ch'oe as director in May": a date printed
    without its year, in a paragraph whose earlier sentences tell of an earlier year, is of
    that year, not the article's (a weekday or a year beside "since", "until" ties it not)."""
    if span is None or r.reference is None:
        return dates
    mention = next((d for d in r.dates_in(span.start, span.end) if d.year_inferred), None)
    sentence = r.doc.sentence_at(span.start)
    if mention is None or mention.weekday is not None or mention.date is None or not sentence:
        return dates
    block = r.doc.blocks[sentence.block]
    years = [
        d.date.year for d in r.dates_in(block.start, sentence.start)
        if d.date is not None and not d.year_inferred and not in_dateline(r, d.start)
        and not r.doc.in_parens(d.start)
        and not _TIED_YEAR.search(r.text, max(0, d.start - 8), d.start)
    ]  # fmt: skip
    if not years or years[-1] >= mention.date.year:
        return dates
    same = mention.date
    return {
        k: PartialDate(years[-1], v.month, v.day) if v == same else v for k, v in dates.items()
    }


def _promoted_from(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    pattern: Pattern,
    kind: str,
    trigger: FactSpan | None,
    people: list[Item],
    titles: list[Title],
) -> list[Fact]:
    """ "X was promoted from alternate to full member of the Politburo", "X was by-elected a
    member of the Presidium from alternate member": the higher holding begins (elected, or
    promoted) and the lower one ends, the same day: the title after "from" (of the organ of
    the one gained, when the text names none), else an alternate member's seat."""
    begun = kind if kind in flex.beginning else "promoted"
    # "the meeting promoted X from ... on 10 April": the date after the people promoted
    at = people[-1].end if trigger and people and trigger.start < people[0].start else None
    out = _facts_for(r, flex, view, pattern, begun, trigger, people, titles, at=at)
    lower = [i.ref for i in view.typed(m, "from", "title")] if "from" in m.re.groupindex else []
    if lower:
        ended = [
            replace(low, organ=low.organ or t.organ, post=None)
            for t in titles[:1] for low in lower[:1] if low.role != t.role
        ]  # fmt: skip
    else:
        ended = [
            replace(t, role="alternate-member", post=None) for t in titles if t.role == "member"
        ]
    out.extend(_facts_for(r, flex, view, pattern, "ended", trigger, people, ended, at=at))
    return out


def _facts_for(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    pattern: Pattern,
    kind: str,
    trigger: FactSpan | None,
    people: list[Item],
    titles: list[Title],
    *,
    holds: bool = False,
    changed: bool = False,
    at: int | None = None,
) -> list[Fact]:
    """The facts of ``people`` holding ``titles``, with their status and dates; the date is
    the one the sentence gives at ``at`` (default: the trigger, else the first title)."""
    anchor = at if at is not None else trigger.start if trigger else titles[0].start
    status, hedge = _fact_status(r, flex, view, kind, anchor, people, trigger, titles)
    guessed = _guessed(r, people, titles)
    if guessed is not None:  # "whether X is promoted to O, which we think is likely"
        status, hedge = "projected", guessed
    if status == "projected" and _denied(r, flex, view, anchor):
        return []  # "X is unlikely to return to the Political Bureau": a change denied
    if (
        guessed is None  # (class CE) "whether X is promoted ..., which we think is likely"
        and kind != "holds"
        and people
        and _CONDITION.search(r.text, max(view.start, people[0].start - 12), people[0].start)
    ):  # (class CH) "If Ri becomes a member of the commission, ...": a change as a condition
        return []  # (a title stays: "if Premier Pak attends" says he is premier)
    # A seat kept through a change ("kept his seat at the plenum") is a title held, dated as
    # the change it was kept through is: by the sentence's date or the event reported.
    kept = kind == "kept"
    if kind in ("heads", "kept"):
        kind = "holds"
    is_holds = (holds or kind in ("holds", "became", "former")) and not kept
    event, event_span = _fact_event(r, view, status, trigger, is_holds and not changed)
    dates, basis, date_span = fact_dates(
        r, view, anchor, event, holds=is_holds,
        # (class CC) "the GPB, headed by X since 2014": the period after the holder's name
        title_end=(at if pattern.id == "organ-comma-chaired-by" and at is not None
                   else titles[0].end) if is_holds else None,
    )
    dates = _narrative_year(r, date_span, dates)
    if status == "projected" or kind == "former":
        dates, basis, date_span = {}, "none", None  # a projection, a former title: undated
    end = titles[-1].end
    since = held_since(r, end, end + 120, "title") if kept and status == "projected" else None
    if since is not None and since.date is not None:
        # "is expected to remain T, a post he has held since 2020": the term is stated plainly
        status, hedge, basis = "confirmed", None, "sentence"
        dates, date_span = {"first": since.date}, FactSpan(since.start, since.end, "date")
    own = {p.start: _own_period(r, p) for p in people}  # "led by A (1998-2007) and B (...)"
    if (
        pattern.type == "heads" and basis != "sentence" and not _present(r, trigger)
        and not (own and all(own.values()))
    ):  # fmt: skip
        return []  # "headed the Youth League, serving as first secretary ...": the title says
    pairs: list[tuple[Item, Title]]
    respectively = any(i.kind == "word" and i.text == "respectively" for i in view.items)
    if respectively and len(titles) == 1 < len(people):
        titles = _coordinated(r, titles[0])  # "an alternate member and a member of O"
    if respectively and len(people) == len(titles) > 1:
        pairs = list(zip(people, titles, strict=True))
    else:
        pairs = [(p, t) for p in people for t in titles]
    out = []
    for person, title in pairs:
        if person.ref is None:
            continue  # a name several records share: which one, the review says
        if _SUB_UNIT.match(r.text, max(title.end, title.organ_span[1] if title.organ_span else 0)):
            continue  # (class BC) "chief of the bureau's organization department": a sub-unit's
        if guessed is None and _WHETHER.search(r.text, max(0, person.start - 20), person.start):
            continue  # "could not say whether X would join O": a question, not a statement
        if (
            status != "confirmed"
            and _IF.match(r.text, view.start, person.start)
            and _WERE_TO.search(r.text, view.start, max(person.end, anchor))
        ):
            continue  # (class BC) "If X were to become a member of O, he would be ...": a guess
        fact = Fact(
            "membership", kind, person.ref, (view.start, view.end), organ=title.organ,
            role=title.role, post=title.post, event=event, status=status,
            date_basis="sentence" if own[person.start] else basis, rule=pattern.id,
        )  # fmt: skip
        holding_dates(flex, fact, own[person.start] or dates, r.official)
        spans = [FactSpan(person.start, person.end, "person")]
        if trigger:
            spans.append(trigger)
        spans.append(FactSpan(title.role_span[0], title.role_span[1], "role"))
        if title.organ_span:
            spans.append(FactSpan(title.organ_span[0], title.organ_span[1], "organ"))
        if date_span:
            spans.append(date_span)
        if event_span:
            spans.append(FactSpan(event_span[0], event_span[1], "event"))
        if hedge:
            spans.append(hedge)
        fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
        fact.why = _why(r, fact, title, "kept" if kept else None)
        out.append(fact)
    return out


_WHETHER_LIKELY = re.compile(
    r"[*_]*\s*,\s*which\s+(?:(?:we|i|analysts?|observers?|many|most|some|experts?)\s+)?"
    r"(?:(?:think|thinks|believe|believes|consider|considers|expect|expects|judge|judges)\s+)?"
    r"(?:is|looks|seems|appears|as)\s+(?:to\s+be\s+)?(?:(?:quite|very|highly|more|most|fairly)\s+)?"
    r"(?P<hedge>likely|probable)\b",
    re.I,
)


def _guessed(r: Context, people: list[Item], titles: list[Title]) -> FactSpan | None:
    """(class CE) "whether X is promoted to full membership of O, which we think is likely": a
    question the writer answers with a projection (the hedge's span); a bare "whether" is a
    question, no statement."""
    if not people or not titles:
        return None
    if not _WHETHER.search(r.text, max(0, people[0].start - 20), people[0].start):
        return None
    m = _WHETHER_LIKELY.match(r.text, titles[-1].end)
    return FactSpan(m.start("hedge"), m.end("hedge"), "hedge") if m else None


_CONDITION = re.compile(r"(?:^|[\s\"“(])(?:if|unless|whether)\s+$", re.I)
"""the word of a condition right before a change's subject"""


def _denied(r: Context, flex: FactLexicon, view: SentenceView, anchor: int) -> bool:
    """ "..., and he is unlikely to return to O": a hedge that denies the change, in the
    words just before the fact's trigger (within its clause)."""
    lead = r.text[max(view.start, anchor - 40) : anchor].lower()
    lead = re.split(r"[,;]", lead)[-1]
    return any(w in flex.negated_projections for w in re.findall(r"[a-z]+", lead))


def _coordinated(r: Context, title: Title) -> list[Title]:
    """ "A and B were elected an alternate member and a member of O respectively": the roles
    coordinated before one organ, one title each (the titles pass reads the group as titles
    sharing the organ, the sentence shows the longest), in the order printed."""
    group = [
        t for t in r.person_titles
        if title.start <= t.start and t.end <= title.end and t.organ == title.organ
        and (
            t.organ_span == title.organ_span
            # (lever L6) "as chairman and vice-chairman of the SPC": the last role is a post
            # the text names whole, its organ the group's
            or (t.organ_span is None and t.end == title.end and t.start > title.start)
        )
    ]  # fmt: skip
    if len(group) < 2:
        return [title]
    return sorted(group, key=lambda t: t.role_span)


def _fact_event(
    r: Context, view: SentenceView, status: str, trigger: FactSpan | None, title: bool
) -> tuple[str | None, tuple[int, int] | None]:
    """The event a fact is at (:func:`event_of`). A ``title`` an analyst states is as of the
    article, unless the sentence names the event or states a change at it ("Foreign Minister
    Ri Yong Ho was promoted ..."); nor is an analyst's inference ("appears to have replaced")
    an act of the event reported before it, nor a change a report does not date ("X has been
    appointed ...": as of the article, unless a later sentence says where it was made)."""
    inferred = status != "confirmed" and not r.official
    undated = trigger is not None and not r.official and in_perfect(r, trigger.start)
    return event_of(
        r, view, explicit=(title and not r.official) or inferred or undated,
        announced=undated and not inferred and not title,
    )


_PRESENT = frozenset({"heads", "leads", "commands", "runs", "chairs", "directs", "head", "direct"})
_FUTURE = frozenset({"will", "shall"})
_BY = re.compile(r"\s+by\b")
_COORDINATED = re.compile(r"\s(?:and|or)\s", re.I)
_POSSESSIVE_TITLE = re.compile(r"(?:its|their)\s+|[^,;()]*?\w['’]s\s+", re.I)
_ASIDE = re.compile(
    r"\s*(?:,\s*(?:(?:a|an|the|another)\s+)?(?:(?:new|newly\s+appointed|current|incumbent)\s+)?)?"
)
"""an apposition's lead: "X, the new chief of ...", a title printed plainly (class CE)"""
_WHO_NOW = re.compile(
    r",\s*who\s+(?:(?:already|also|now|still|currently)\s+)?(?:sits|serves|holds|chairs|heads)"
    r"\s+(?:on|in|as)?\s*(?:the\s+|its\s+)?$"
)
"""a relative clause in the present that states the title after it ("Y, ..., who already sits
on the Presidium"): the hedge before the name is the main clause's"""


def _fact_status(
    r: Context, flex: FactLexicon, view: SentenceView, kind: str, anchor: int,
    people: list[Item], trigger: FactSpan | None, titles: list[Title],
) -> tuple[str, FactSpan | None]:
    """The status of ``people`` holding ``titles`` (:func:`_status`, up to the fact's words).
    "The ministry predicts that X, director of O, will be made a member of P": the change
    after "will" is a projection, stated or not with a hedge; the title beside the name is
    stated plainly, whatever verb or "that"-clause governs the sentence ("Kim is believed to
    have ordered Jo Yong Won, secretary of ..., to ...": the hedge governs its own clause)."""
    status, hedge = _status(flex, view, upto=max(anchor, titles[-1].end), r=r, kind=kind)
    if not people:
        return status, hedge
    person, title = people[0], titles[0]
    if status == "confirmed" and trigger is not None and person.end < trigger.start:
        future = next((i for i in view.items if i.kind == "word" and i.text in _FUTURE
                       and person.end <= i.start < trigger.start), None)  # fmt: skip
        if future is not None:
            return "projected", FactSpan(future.start, future.end, "hedge")
    if status not in ("projected", "reported") or trigger is not None or hedge is None:
        return status, hedge
    if len(people) > 1 or (status == "reported" and any(
        i.kind == "word" and i.text in flex.attribution_words for i in view.items
    )):  # fmt: skip
        # "X, a vice minister, has been acting as minister, a government source said": the
        # word of others covers the sentence, the title beside the name too
        return status, hedge
    between = (
        (person.end, title.start) if person.end <= title.start else (title.end, person.start)
    )
    if hedge.end <= min(person.start, title.start) and _ASIDE.fullmatch(r.text, *between):
        return "confirmed", None  # an apposition or a title before the name
    if hedge.end <= person.start < title.start and _WHO_NOW.search(r.text, *between):
        return "confirmed", None  # (class CE) "filled by Y, who already sits on O": a seat now
    return status, hedge


_ONE_WHO = re.compile(
    r" , (?:who|which) (?:was|is|has|heads|headed|directs|directed|leads|led|chairs|chaired"
    r"|commands|commanded|runs|ran) "
)
"""(class CH: "A; and B, who directs the party's International Department": B's only)"""


def _who_was(view: SentenceView, m: re.Match[str], people: list[Item]) -> list[Item]:
    """ "A, the minister, and B, who was named chief of the General Staff": a singular "who"
    clause after a list is the last person's."""
    named = "people" in m.re.groupindex and m.group("people") is not None
    if len(people) > 1 and _ONE_WHO.match(view.string, m.end("people") if named else m.end()):
        return people[-1:]
    return people


_SUB_UNIT = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,3}(?:department|bureau|section|division|office|unit|group|team)\b"
)
"""an unnamed sub-unit of the organ after the title (lower case, so not "the CC's Organization
and Guidance Department"): the title is the sub-unit's, not the organ's ("a member of the
Central Committee's economic policy group", class CE)"""
_IF = re.compile(r"\s*(?:if|unless|even\s+if)\b", re.I)
_WERE_TO = re.compile(r"\b(?:were|was)\s+to\b|\bshould\b", re.I)
_WHETHER = re.compile(r"\bwhether\s+(?:or\s+not\s+)?[*_]*$", re.I)
_PRESENT_PASSIVE = re.compile(
    r"\b(?:(?:is|are)(?:\s+(?:now|currently|still))?|will\s+be|is\s+to\s+be)\s+$"
    r"|\b(?:body|organ|organization|agency),?\s+$",
    re.I,
)
"""("will be headed by X": a body set up, whose head is named as of the article; class S; "the
North's top governing body chaired by X", a participle in apposition: class BC)"""


def _present(r: Context, trigger: FactSpan | None) -> bool:
    """ "X, who heads the Discipline Investigation Department", "the department is now headed
    by X": a present tense states the title as of the article."""
    if trigger is None:
        return False
    if r.text[trigger.start : trigger.end].lower() in _PRESENT:
        return True
    if _BY.match(r.text, trigger.end) and r.text[: trigger.start].rstrip().endswith(","):
        return True  # (class CC) "the NDC, chaired by Kim, ...": a state, not a past act
    return _PRESENT_PASSIVE.search(r.text, max(0, trigger.start - 20), trigger.start) is not None


_ADVERBS = frozenset({"also", "already", "still", "quietly", "then", "since", "just", "been"})


def _status(
    flex: FactLexicon, view: SentenceView, *, upto: int, r: Context, kind: str | None = None
) -> tuple[str, FactSpan | None]:
    """The statement's status (:func:`status_of`); a projected word before a past form ("X
    probably lost his seat", "X is likely to have retained ...") is an inference about what
    happened: reported. A projection pattern's own words ("tipped to become", "in line for")
    hedge (``kind`` projected)."""
    status, hedge = status_of(r, view, upto=upto, until=clause_end(r, view, upto))
    if kind == "projected":
        return "projected", hedge
    if status != "projected" or hedge is None:
        return status, hedge
    words = [i.text for i in view.items if i.start >= hedge.end and i.kind == "word"]
    words = [w for w in words if w not in _ADVERBS][:2]
    if words[:2] == ["to", "have"] or (
        words and (words[0] in flex.past_forms or (words[0].endswith("ed") and len(words[0]) > 3))
    ):
        return "reported", hedge
    return status, hedge


def _own_titles(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    pattern: Pattern,
    kind: str,
    trigger: FactSpan | None,
    people: list[Item],
) -> list[Fact]:
    """ "dismissed A, vice-chairman of ..., and B, director of ..., from their posts": each
    person's titles in apposition end."""
    out = []
    group = view.group(m, "people")
    for person in people:
        at = group.index(person)
        titles = []
        for item in group[at + 1 :]:
            if item.kind == "person":
                break
            if item.kind == "title" and item.ref.organ is not None:
                titles.append(item.ref)
        for title in titles:
            out.extend(_facts_for(r, flex, view, pattern, kind, trigger, [person], [title]))
    return out


def _replaces_untitled(
    r: Context,
    view: SentenceView,
    m: re.Match[str],
    before: tuple[list[Fact], list[Fact]],
    flex: FactLexicon,
) -> list[Fact]:
    """ "Choe replaces Ri Son Gwon": Ri's holding of what Choe was last said to take ends when
    Choe's begins: what the sentence says Choe took ("In April 2014 Kang became director of X,
    when he replaced Kim"), else the post (not a seat) an earlier sentence gave him."""
    successors = people_of(view, m, "successor")
    if not successors or successors[0].ref is None:
        return []
    earlier, here = before
    key = successors[0].ref
    taken = [f for f in here if f.person == key and f.type in (*flex.beginning, "became")]
    taken = taken or [
        f for f in earlier if f.person == key and f.type in flex.beginning
        and f.role not in ("member", "alternate-member")
    ]  # fmt: skip
    if not taken:
        left = _takes_what_was_left(view, m, key, earlier, flex)
        if left:
            return left
        # (class BB) "X is now Minister of O. He replaced Y, who had held the post since
        # 2011": the post the sentence before says X holds
        taken = _held_just_before(r, view, key, earlier)
        if not taken:
            return []
    change = taken[-1]
    out = []
    for person in people_of(view, m):
        if person.ref is None or person.ref == change.person:
            continue
        fact = Fact(
            "membership", "replaced", person.ref, (view.start, view.end), organ=change.organ,
            role=change.role, post=change.post, event=change.event, status=change.status,
            start=None, end=change.start, date_basis=change.date_basis, rule="replaces-untitled",
        )  # fmt: skip
        fact.spans = [FactSpan(person.start, person.end, "person")]
        date = held_since(r, person.end, view.end, "person")
        if date is not None and date.date is not None:  # "..., who had held the post since"
            fact.start = date.date
            fact.spans.append(FactSpan(date.start, date.end, "date"))
        fact.why = f"replaced as {change.why.split(' as ', 1)[-1]}" if change.why else "replaced"
        out.append(fact)
    return out


def _end_told_before(fact: Fact, earlier: list[Fact]) -> Fact:
    """(class BB) "North Korea dismissed X as T at the plenum. Replacing him as T is Y": an end
    the sentence leaves undated takes the date an earlier sentence gave the same term's end (in
    place), for the successor to begin then."""
    if fact.end is None and fact.start is None:
        told = next(
            (
                f for f in reversed(earlier)
                if (f.person, f.organ, f.role) == (fact.person, fact.organ, fact.role)
                and f.end is not None and f.sentence[1] <= fact.sentence[0]
            ),
            None,
        )  # fmt: skip
        if told is not None:
            fact.end, fact.date_basis = told.end, told.date_basis
    return fact


def _held_just_before(r: Context, view: SentenceView, key: str, earlier: list[Fact]) -> list[Fact]:
    """The posts (not seats) the sentence right before ``view`` says ``key`` holds."""
    sentence = r.doc.sentence_at(view.start)
    if sentence is None:
        return []
    index = r.doc.sentences.index(sentence)
    if index == 0:
        return []
    before = r.doc.sentences[index - 1]
    return [
        f for f in earlier
        if f.person == key and f.type == "holds" and f.organ and f.status != "projected"
        and f.role not in ("member", "alternate-member") and f.end is None
        and before.start <= f.sentence[0] < before.end
    ]  # fmt: skip


def _takes_what_was_left(
    view: SentenceView, m: re.Match[str], successor: str, earlier: list[Fact], flex: FactLexicon
) -> list[Fact]:
    """(class Y) "Kim Kyok Sik was named chief of the General Staff after a brief stint as
    defense minister. Jang Jong Nam, who replaced him in the defense ministry, ...": the
    successor, given nothing, takes the post (not a seat) the one replaced was last said to
    have left (ended, or "former"), from the day it ended."""
    out: list[Fact] = []
    for person in people_of(view, m):
        if person.ref is None or person.ref == successor:
            continue
        left = [
            f for f in earlier
            if f.person == person.ref and f.kind == "membership" and f.organ
            and (f.type in flex.ending or f.type == "former")
            and f.role not in ("member", "alternate-member")
        ]  # fmt: skip
        if not left:
            continue
        post = left[-1]
        fact = Fact(
            "membership", "appointed", successor, (view.start, view.end), organ=post.organ,
            role=post.role, post=post.post, status=post.status, start=post.end,
            date_basis=post.date_basis if post.end else "none", rule="takes-what-was-left",
        )  # fmt: skip
        spans = view.span(m, "successor")
        fact.spans = [FactSpan(spans[0], spans[1], "person")] if spans else []
        fact.why = "replaced " + (post.why.split(" ", 1)[-1] if post.why else "")
        out.append(fact)
        break
    return out


_SEATS = frozenset({"member", "alternate-member"})
_DEPUTIES = frozenset({"first-vice-director", "vice-director", "vice-chairman"})
_SEAT_NOUN = re.compile(r"\b(?:seat|place)\b")
_FAILED = re.compile(r"\b(?:was|were|had been) (?:\w+ )?(?:expected|likely|set|tipped|slated) to\b")
_BUT = re.compile(r"\b(?:but|yet|instead)\b")
_MODALS = frozenset({"will", "would", "could", "may", "might", "should"})


def _heirs(
    r: Context, flex: FactLexicon, view: SentenceView, m: re.Match[str], pattern: Pattern,
    before: list[Fact],
) -> list[Fact]:
    """(class CE) "Hwang's post at the Foreign Affairs Committee is expected to go to Kim",
    "the vacancy on the commission was likely to be filled by X or by Y", "Observers expect Ri
    to be named as Pak's successor": each heir's projected, undated holding of the post. The
    post is the title named ("The directorship of the bureau is likely to go to X"), else the
    holder's title the text gave before (in the organ named, if one is; the latest of his
    titles, one in the heir's own organ first), else for a vacancy in an organ the seat there of
    someone else the text named (one that ended first, a head's before a member's)."""
    heirs = [p for p in people_of(view, m, "successor") if p.ref is not None]
    if not heirs or _denied(r, flex, view, heirs[0].start):
        return []
    if _FAILED.search(view.string, m.start(), m.end()) and _BUT.search(view.string, m.end()):
        return []  # "X was expected to succeed Y, but he was passed over": a hope that failed
    holders = {p.ref for g in ("people", "holder") if g in m.re.groupindex
               for p in people_of(view, m, g) if p.ref}  # fmt: skip
    heir_keys = {p.ref for p in heirs}
    if "his" in m.re.groupindex and m.group("his"):
        # "His seat could be filled by Y": the one whose holding the text stated last
        last = [f for f in before if f.kind == "membership" and f.person not in heir_keys
                and f.status != "projected"]  # fmt: skip
        if not last:
            return []
        holders = {last[-1].person}
    if "vacancy" in m.re.groupindex:
        said = r.text[slice(*(view.span(m, "vacancy") or (0, 0)))].lower()
        if not any(w in said for w in ("vacan", "seat", "post")):
            return []  # "the T is likely to be filled by": only the vacancy's antecedent
    organs = view.typed(m, "organ", "organ") if "organ" in m.re.groupindex else []
    organ: str | None = organs[0].ref if organs and isinstance(organs[0].ref, str) else None
    head = m.group("head") if "head" in m.re.groupindex else None
    titles = _titles(view, m)
    post: tuple[str | None, str, str | None] | None = None
    if titles and not (titles[0].organ or organ):
        # "Rim, the department's first vice director, ... is expected to become the new
        # director": the organ of the heir's own deputy title
        own = [f.organ for f in before if f.person in heir_keys and f.status != "projected"
               and f.role in _DEPUTIES and f.organ]  # fmt: skip
        organ = own[-1] if own else None
    if titles and (titles[0].organ or organ):
        t = titles[0]
        key = t.organ or organ
        post = (key, t.role, t.post or (post_for(r, t.role, key) if key else None))
    elif holders or organ or head:
        held = _vacated(r, flex, before, holders, organ, heir_keys, head)
        if held is not None:
            post = (held.organ, held.role or "", held.post)
        elif holders and organ and pattern.id == "post-goes-to" and not _SEAT_NOUN.search(
            m.group(0)
        ):
            # "Kim's duties at the United Front Department were likely to be taken over by
            # Rim", his title there not given: the organ's head
            role = "director" if _organ_kind(r, organ) == "department" or _organ_has_word(
                r, organ, "department") or _organ_has_word(r, organ, "bureau") else "chairman"
            post = (organ, role, post_for(r, role, organ))
    if post is None or post[0] is None or not post[1]:
        return []
    hedge_at = next(
        (i for i in view.items_in(*m.span()) if i.kind == "word"
         and i.text in flex.projected_words | _MODALS), None,
    )  # fmt: skip
    out = []
    for heir in heirs:
        if any(f.person == heir.ref and (f.organ, f.role) == post[:2] for f in before
               if f.status == "projected"):  # fmt: skip
            continue
        fact = Fact(
            "membership", "projected", heir.ref, (view.start, view.end), organ=post[0],
            role=post[1], post=post[2], status="projected", date_basis="none", rule=pattern.id,
        )  # fmt: skip
        spans = [FactSpan(heir.start, heir.end, "person")]
        if hedge_at is not None:
            spans.append(FactSpan(hedge_at.start, hedge_at.end, "hedge"))
        fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
        fact.why = f"projected heir ({pattern.id})"
        out.append(fact)
    return out


def _vacated(
    r: Context, flex: FactLexicon, before: list[Fact], holders: set[str], organ: str | None,
    heirs: set[str], head: str | None = None,
) -> Fact | None:
    """The title a projected heir would take (:func:`_heirs`): of ``holders`` (in ``organ``
    if given, or in one whose name has the ``head`` word: "the defence commission"), else the
    seat in that organ of another person named, among ``before``."""
    pool = [
        f for f in before
        if f.kind == "membership" and f.status != "projected" and f.organ and f.role
        and f.person not in heirs and (not holders or f.person in holders)
        and (organ is None or f.organ == organ)
        and (head is None or organ is not None or _organ_has_word(r, f.organ, head))
    ]  # fmt: skip
    if not pool:
        return None
    heads = [f for f in pool if f.role not in _SEATS]
    if organ is None and not heads:
        return None  # "to succeed Pak": a head's post, never a seat among many
    pool = heads or pool
    if holders:
        # his post now (an open term), else one he left lately ("was dismissed last month")
        year = r.reference.year if r.reference is not None else None
        recent = [
            f for f in pool if f.end is not None and year is not None and f.end.year >= year - 1
        ]
        pool = [f for f in pool if f.end is None] or recent or pool
        own = {f.organ for f in before if f.person in heirs and f.status != "projected"}
        pool = [f for f in pool if f.organ in own] or pool
        return pool[-1]
    ended = [f for f in pool if f.type in flex.ending]
    return (ended or pool)[0]


def _organ_has_word(r: Context, key: str, word: str) -> bool:
    """An organ one of whose names (or its record's label) has every word of ``word`` ("the
    defence commission", "the foreign affairs committee")."""
    entity = r.reg.peek(key)
    names = [n.text for n in entity.names]
    if entity.known:
        names.append(r.known.labels.get(entity.known, ""))
    words = word.lower().split()
    return any(all(w in n.lower().split() for w in words) for n in names)


def _predecessor(
    view: SentenceView, m: re.Match[str], before: list[Fact], found: list[Fact], relation: str
) -> list[Fact]:
    """ "Kim Jong-gak's predecessor, Hwang Pyong-so, had been removed from the bureau": Hwang
    held the title the text last gave Kim; a seat in the same organ the sentence ends ("removed
    from the bureau") is that title, with its date. "Kim's successor, Y": Y holds it after."""
    successors = people_of(view, m, "successor")
    if not successors or successors[0].ref is None:
        return found
    titled = [
        f for f in before if f.person == successors[0].ref and f.status != "projected"
        and f.role != "member" and f.organ is not None
    ]  # fmt: skip
    named = _titles(view, m) if "titles" in m.re.groupindex else []
    if named:  # "Choe's predecessor as chairman of the Assembly": that title of Choe's
        titled = [f for f in titled if (f.organ, f.role) == (named[0].organ, named[0].role)]
    if not titled:
        return found
    held = titled[-1]
    out = list(found)
    for person in people_of(view, m):
        if person.ref is None or person.ref == held.person:
            continue
        seats = [f for f in out if f.person == person.ref and f.organ == held.organ]
        for seat in seats:
            out[out.index(seat)] = replace(seat, role=held.role, post=held.post)
        if not seats:
            after = relation == "successor"
            fact = Fact(
                "membership", "appointed" if after else "held", person.ref,
                (view.start, view.end), organ=held.organ, role=held.role, post=held.post,
                status=held.status, start=held.end if after else None,
                end=None if after else held.start, date_basis=held.date_basis, rule=relation,
            )  # fmt: skip
            fact.spans = [FactSpan(person.start, person.end, "person")]
            fact.why = relation
            out.append(fact)
    return out


def _replaced_as(
    r: Context, view: SentenceView, m: re.Match[str], ended: list[Fact], earlier: list[Fact]
) -> list[Fact]:
    """ "Pak was not re-elected to the Political Bureau and was replaced as secretary by Ri":
    of what ends, the title named; when the sentence ends no such title, the holder's open
    holding of it an earlier sentence gave ends at the sentence's date (and Ri's begins)."""
    named = _titles(view, m)
    if not named:
        return ended
    role = named[0].role
    same = [f for f in ended if f.role == role]
    if same:
        return same
    holders = {p.ref for p in people_of(view, m) if p.ref}
    when = next((f.end for f in ended if f.end is not None), None)
    if when is None:
        dates = [d.date for d in r.dates_in(view.start, view.end) if d.date is not None]
        when = dates[0] if len(dates) == 1 else None
    if when is None:
        return []
    out = []
    for old in earlier:
        began = (old.start.year, old.start.month or 0) if old.start else (0, 0)
        if old.person in holders and old.role == role and old.end is None and (
            began < (when.year, when.month or 0)
        ):
            old.end = when
            out.append(replace(old, type="replaced", sentence=(view.start, view.end)))
    return out


def _successors(r: Context, view: SentenceView, m: re.Match[str], ended: list[Fact]) -> list[Fact]:
    """ "dismissed its defense minister Pak Yong Sik and replaced him with No Kwang Chol": the
    successor's holding of what ended begins when it ended."""
    out = []
    people = {p.ref for p in people_of(view, m) if p.ref}
    if not people and len({c.person for c in ended}) == 1:
        people = {ended[0].person}  # "sacked X as ..., and replaced him with Y": him is X
    for successor in people_of(view, m, "successor"):
        if successor.ref is None or successor.ref in people:
            continue
        for change in ended:
            if change.person not in people:
                continue
            fact = Fact(
                "membership", "appointed", successor.ref, change.sentence, organ=change.organ,
                role=change.role, post=change.post, event=change.event, status=change.status,
                start=change.end, end=None, date_basis=change.date_basis, rule="successor",
            )  # fmt: skip
            if change.end is None and change.date_basis == "article":
                fact.as_of = r.reference  # an undated change in a report: as of the article
            spans = [FactSpan(successor.start, successor.end, "person")]
            spans.extend(s for s in change.spans if s.role in ("role", "organ", "date"))
            fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
            fact.why = f"succeeded {change.why.split(' as ', 1)[-1]}" if change.why else ""
            out.append(fact)
    return out


def _replaced(r: Context, view: SentenceView, m: re.Match[str], changes: list[Fact]) -> list[Fact]:
    """ "Kim Tok Hun was appointed premier, replacing Kim Jae Ryong": the replaced person's
    holding of the successor's titles ends."""
    out = []
    people = people_of(view, m)
    trigger_items = view.group(m, "trigger")
    at = trigger_items[0].start if trigger_items else view.start
    # The change this one replaces someone in: the last stated before "replacing".
    # (class AD) where a change is stated is its trigger, not an event it names before ("X was
    # appointed T at the session, succeeding Y, who was elected T2 at the same session": Y's)
    last = trigger_items[-1].start if trigger_items else at  # "who replaced": its own verb
    before = [
        c for c in changes if c.spans
        and min((s.start for s in c.spans if s.role == "trigger"),
                default=min(s.start for s in c.spans)) <= last
    ]  # fmt: skip
    latest = max((c.sentence[0] for c in before), default=None)
    changes = [c for c in before if latest is not None]
    last_trigger = max(
        (s.start for c in changes for s in c.spans if s.role == "trigger"), default=None
    )
    if last_trigger is not None:
        changes = [c for c in changes if any(s.start == last_trigger for s in c.spans)]
    for person in people:
        for change in _named_after(r, person, changes):
            if person.ref is None or change.person == person.ref:
                continue
            fact = Fact(
                "membership", "replaced", person.ref, change.sentence, organ=change.organ,
                role=change.role, post=change.post, event=change.event, status=change.status,
                start=None, end=change.start, date_basis=change.date_basis, rule="replacing",
            )  # fmt: skip
            spans = [FactSpan(person.start, person.end, "person")]
            if trigger_items:
                spans.append(FactSpan(trigger_items[0].start, trigger_items[-1].end, "trigger"))
            spans.extend(s for s in change.spans if s.role in ("role", "organ", "date"))
            date = held_since(r, person.end, change.sentence[1], "person")
            if date is not None and date.date is not None:
                # "replacing X, who had held the post since June 2018"
                fact.start = date.date
                spans.append(FactSpan(date.start, date.end, "date"))
            fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
            fact.why = f"replaced as {change.why.split(' as ', 1)[-1]}" if change.why else ""
            out.append(fact)
    return out


def _named_after(r: Context, person: Item, changes: list[Fact]) -> list[Fact]:
    """(lever L6) "the appointment of A as vice-premier and chairman of the SPC, replacing B,
    who had chaired the SPC since 2020": when the change gave several offices and the clause
    after the replaced person names the organ of some of them, B held those only."""
    organs = {c.organ for c in changes}
    if len(organs) < 2:
        return changes
    sentence = r.doc.sentence_at(person.start)
    stop = min(person.end + 100, sentence.end if sentence is not None else person.end + 100)
    clause = _CLAUSE_END.search(r.text, person.end, stop)
    end = clause.start() if clause else stop
    named = {
        r.reg.resolve(m.entity) for m in r.mentions_in(person.end, end, ("organ",)) if m.entity
    }
    named |= {r.reg.resolve(key) for s, _, key in r.organ_refs if person.end <= s < end}
    kept = [c for c in changes if c.organ is not None and r.reg.resolve(c.organ) in named]
    return kept or changes


_CLAUSE_END = re.compile(r"[;.]|,\s+(?!who\b)")


def _why(r: Context, fact: Fact, title: Title, verb: str | None = None) -> str:
    words = " ".join(r.text[title.start : title.end].split())
    if verb is not None:
        return f"{verb} {words}"
    return {
        "holds": f"called {words}",
        "elected": f"elected {words}",
        "appointed": f"appointed {words}",
        "promoted": f"promoted to {words}",
    }.get(fact.type, f"{fact.type} as {words}")


# -- tables ------------------------------------------------------------------------------------

_TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_RULE_ROW = re.compile(r"^[\s|:\-]+$")
# The columns a table's header names (start, end, post, status, term; a table of changes'
# outgoing, incoming, place and change_date) are data: table_columns in facts.yaml. "| Name |
# Post | Status |" is a table of who holds what, as of its caption's date.


def _cells(r: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row text[start:end] ("| a | b |"), as stripped spans."""
    bars = [i for i in range(start, end) if r.text[i] == "|"]
    out = []
    for left, right in zip(bars, bars[1:], strict=False):
        a, b = left + 1, right
        while a < b and r.text[a].isspace():
            a += 1
        while b > a and r.text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def _header_key(r: Context, cell: tuple[int, int]) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", r.text[cell[0] : cell[1]].lower()).split())


def _tables(r: Context) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Markdown tables of holders: a row per holding, a column of people, of dates ("From",
    "To", "Since") and either a column of posts or one title for all rows, given by the
    people's column header or the heading above the table ("Ministers of Foreign Affairs",
    "| Minister | From | To |")."""
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    lines = list(_TABLE_LINE.finditer(r.text))
    tables: list[list[re.Match[str]]] = []
    for line in lines:
        if tables and r.text[tables[-1][-1].end() : line.start()].strip() == "":
            tables[-1].append(line)
        else:
            tables.append([line])
    for table in tables:
        if len(table) < 3 or not _RULE_ROW.match(table[1].group(0)):
            continue
        spans.append((table[0].start(), table[-1].end()))
        facts.extend(_table_rows(r, table))
    return facts, spans


def _table_rows(r: Context, table: list[re.Match[str]]) -> list[Fact]:
    flex = fact_lexicon()
    header = _cells(r, table[0].start(), table[0].end())
    keys = [_header_key(r, c) for c in header]
    rows = [_cells(r, line.start(), line.end()) for line in table[2:]]
    start_col = next((i for i, k in enumerate(keys) if k in table_columns()["start"]), None)
    end_col = next((i for i, k in enumerate(keys) if k in table_columns()["end"]), None)
    post_col = next((i for i, k in enumerate(keys) if k in table_columns()["post"]), None)
    term_col = next((i for i, k in enumerate(keys) if k in table_columns()["term"]), None)
    status_col = next((i for i, k in enumerate(keys) if k in table_columns()["status"]), None)
    out_col = next((i for i, k in enumerate(keys) if k in table_columns()["outgoing"]), None)
    in_col = next((i for i, k in enumerate(keys) if k in table_columns()["incoming"]), None)
    if out_col is not None and in_col is not None and start_col is None and end_col is None:
        return _change_rows(r, table, rows, keys, (out_col, in_col, post_col, status_col))
    if end_col is None and in_col is None and start_col is not None and out_col is not None:
        end_col = out_col  # (class CD) "| Appointed | Replaced |": the dates a term ended

    def people_in(cell: tuple[int, int]) -> list[Mention]:
        return [m for m in r.mentions_in(*cell, ("person",)) if m.entity]

    counts = [
        sum(1 for row in rows if i < len(row) and people_in(row[i])) for i in range(len(header))
    ]
    person_col = max(range(len(header)), key=lambda i: counts[i]) if counts else None
    # (round 6, L4) a column of organs, the people's column headed by their role ("| Department
    # | Director | Since |"): each row's person heads the organ of its row
    organ_col = (
        _organ_column(r, rows, person_col, keys)
        if post_col is None and person_col is not None and counts[person_col]
        else None
    )
    column_role = (
        _column_role(r, table, header[person_col])
        if organ_col is not None and person_col is not None
        else None
    )
    place_col = next((i for i, k in enumerate(keys) if k in table_columns()["place"]), None)
    if organ_col is None and place_col is not None and post_col is None and person_col is not None:
        # "| Province | Chief secretary | Since |": the head of each province's party committee
        column_role = _column_role(r, table, header[person_col])
        if column_role is not None and column_role.role == "first-secretary":
            organ_col = place_col
    if column_role is None:
        organ_col = None
    if start_col is None and end_col is None and term_col is None and organ_col is None and (
        status_col is None or post_col is None
    ):
        # a table without the dates of holdings: what it lists is left to the reader, unless
        # the line above it elects its people ("The session elected the following members of
        # the SAC:")
        return _election_rows(r, flex, table, rows)
    as_of = _caption_date(r, table) or r.reference
    if person_col is None or counts[person_col] == 0:
        return []
    fixed = None if post_col is not None else _table_title(r, table, header[person_col])
    if organ_col is not None:
        fixed = None
    elif post_col is None and fixed is None:
        return []
    organ = _table_organ(r, table)
    out = []
    above: Title | None = None  # a blank or ditto post cell: the title of the row above
    for row, line in zip(rows, table[2:], strict=True):
        if len(row) <= person_col:
            continue
        people = people_in(row[person_col])
        if not people:
            continue
        title = fixed
        if organ_col is not None and column_role is not None and organ_col < len(row):
            title = (
                _place_cell_title(r, row[organ_col], column_role)
                if organ_col == place_col
                else _organ_cell_title(r, row[organ_col], column_role)
            )
            # "| OGD | Kim Kyong Ok | first vice-director, acting |": the role a note cell opens
            # with, in the row's organ
            note = next(
                (t for i, cell in enumerate(row) if i not in (organ_col, person_col)
                 for t in r.person_titles
                 if t.start == cell[0] and t.end <= cell[1] and t.organ_span is None
                 and t.post is None),
                None,
            )  # fmt: skip
            if title is not None and note is not None:
                title = replace(title, role=note.role, role_span=note.role_span,
                                post=post_for(r, note.role, title.organ or ""))  # fmt: skip
        if post_col is not None and post_col < len(row):
            cell = row[post_col]
            title = _row_title(r, _cell_title(r, cell), cell, organ)
            if title is None and _DITTO.fullmatch(r.text[cell[0] : cell[1]]):
                title = above
            above = title
        person = people[0]
        if title is None or title.organ is None or person.entity is None:
            continue
        status = _row_status(r, flex, (line.start(), line.end()), row, status_col)
        if status is None:
            continue
        fact = Fact(
            "membership", "holds", r.reg.resolve(person.entity), (line.start(), line.end()),
            organ=title.organ, role=title.role, post=title.post, status=status,
            date_basis="sentence", rule="table",
        )  # fmt: skip
        spans = [FactSpan(person.start, person.end, "person"),
                 FactSpan(title.role_span[0], title.role_span[1], "role")]  # fmt: skip
        if title.organ_span:
            spans.append(FactSpan(title.organ_span[0], title.organ_span[1], "organ"))
        for col, field_name in ((start_col, "start"), (end_col, "end"), (term_col, "term")):
            if col is not None and col < len(row):
                spans.extend(_cell_dates(r, row[col], fact, field_name))
        if fact.start is None and fact.end is None:
            fact.as_of = as_of
            fact.date_basis = "none" if as_of is None else (
                "article" if as_of is r.reference else "sentence"
            )
        fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
        fact.why = _why(r, fact, title)
        out.append(fact)
        if term_col is not None and term_col < len(row):
            out.extend(_later_terms(r, row[term_col], fact))
        out.extend(
            _table_remarks(
                r, row, (person_col, post_col, start_col, end_col, term_col), fact, person, line
            )
            if r.reference is not None
            else []
        )
    return out


def _organ_column(
    r: Context, rows: list[list[tuple[int, int]]], person_col: int | None, keys: list[str]
) -> int | None:
    """(round 6, L4) The column headed by a kind of organ ("Department", "Ministry";
    ``table_columns.organ`` in facts.yaml) whose cells are organs, each cell one organ, all of
    it ("| United Front Department |"), in most rows; None when there is none (a "Party" column
    of "WPK" cells is no organ a row's person heads)."""
    best, most = None, 0
    width = max((len(row) for row in rows), default=0)
    for col in range(width):
        if col == person_col or col >= len(keys) or keys[col] not in table_columns()["organ"]:
            continue
        n = sum(1 for row in rows if col < len(row) and _organ_cell(r, row[col]) is not None)
        if n > most:
            best, most = col, n
    return best if most * 2 > len(rows) else None


def _organ_cell(r: Context, cell: tuple[int, int]) -> Mention | None:
    organ = next((m for m in r.mentions_in(*cell, ("organ",)) if m.entity), None)
    if organ is None or organ.start != cell[0] or r.text[organ.end : cell[1]].strip(" .*"):
        return None
    return organ


def _column_role(r: Context, table: list[re.Match[str]], cell: tuple[int, int]) -> Title | None:
    """The role the people's column holds in each row's organ: its header's ("Director",
    "Chief secretary"), else the heading's ("Department directors after the 7th Congress");
    only a role whose organ the header or heading does not name."""
    own = [t for t in r.person_titles if cell[0] <= t.start and t.end <= cell[1]]
    if own:
        return own[0] if own[0].organ_span is None else None
    above = _heading_above(r, table)
    if above is None or names_someone(r, *above):
        return None
    heading = next(
        (t for t in r.person_titles if above[0] <= t.start and t.end <= above[1] and t.plural
         and heading_title_leads(r, above[0], t.start)),
        None,
    )  # fmt: skip
    if heading is None:
        return None
    return heading if heading.organ_span is None else None


def _organ_cell_title(r: Context, cell: tuple[int, int], role: Title) -> Title | None:
    organ = _organ_cell(r, cell)
    if organ is None or organ.entity is None:
        return None
    key = r.reg.resolve(organ.entity)
    return replace(role, start=cell[0], end=cell[1], organ=key, organ_span=(cell[0], cell[1]),
                   post=post_for(r, role.role, key))  # fmt: skip


def _place_cell_title(r: Context, cell: tuple[int, int], role: Title) -> Title | None:
    key = place_committee(r, cell)
    if key is None:
        return None
    return replace(role, start=cell[0], end=cell[1], organ=key, organ_span=(cell[0], cell[1]),
                   post=None)  # fmt: skip


def _election_rows(
    r: Context, flex: FactLexicon, table: list[re.Match[str]], rows: list[list[tuple[int, int]]]
) -> list[Fact]:
    """(class AD) A table under a line that elects its people to an organ ("The session elected
    the following members of the SAC:", "Newly appointed members of the NDC:") and names no one:
    each row's person holds that seat from the day of the event the article reports (the last
    day; as of the article when it reports none), and a cell's own title ("| Ri Yong Ho |
    Foreign Minister |", "Director, WPK Organization and Guidance Department") is a holding of
    its own as of that day. A cell's role alone ("First vice-chairman") is the seat itself, in
    the organ of the line above. A table of other things (provinces and numbers) has no people
    and drafts nothing."""
    above = _heading_above(r, table)
    if above is not None and names_someone(r, *above):
        return []
    words = {r.doc.keys[i] for i in r.doc.words_between(*above)} if above else set()
    # (round 6, L4) a heading that elects no one but names the title its rows hold ("## Members
    # of the State Affairs Commission", "Vice-premiers of the Cabinet (as of May 2023)"): who
    # holds what, as of the caption's date, else the day of the event the article reports,
    # else the article's; under no such heading, the titles the rows' cells print ("| Hyon Chol
    # Hae | first vice-director, KPA General Political Bureau | 70 |"), as of the same day
    past, not_holders = structure_words()
    elected = bool(words & flex.beginning)
    if not elected and words & (flex.ending | not_holders | past):
        return []
    seat = next(
        (t for t in r.person_titles
         if above is not None and above[0] <= t.start and t.end <= above[1]
         and t.organ is not None and t.plural
         and (elected or heading_title_leads(r, above[0], t.start))),
        None,
    )  # fmt: skip
    if seat is None and elected:
        return []
    day = _reported_event_day(r, table)
    if not elected:
        day = _caption_date(r, table) or day
    out: list[Fact] = []
    for row, line in zip(rows, table[2:], strict=True):
        people = [
            (i, m) for i, cell in enumerate(row)
            for m in r.mentions_in(*cell, ("person",)) if m.entity
        ]  # fmt: skip
        if not people:
            continue
        col, person = people[0]
        if person.entity is None:
            continue
        status = _row_status(r, flex, (line.start(), line.end()), row, None) or "confirmed"
        own = [
            title for i, cell in enumerate(row) if i != col
            for title in [_cell_title(r, cell)] if title is not None
            if seat is not None or _whole_cell_title(r, title, cell)
        ]  # fmt: skip
        if not elected:
            row_words = {r.doc.keys[i] for i in r.doc.words_between(line.start(), line.end())}
            if row_words & flex.ending:
                continue  # "| Pak Jong Chon | Dismissed |": not who holds it now
            own = [
                t for t in own
                if not past & {
                    r.doc.keys[i] for i in r.doc.words_between(max(0, t.start - 12), t.end)
                }
            ]  # "former director of ...": no title held now
            if seat is None and any(
                re.search(r"[^\W\d_]", r.text[cell[0] : cell[1]])
                for i, cell in enumerate(row)
                if i != col and not any(cell[0] <= t.start < cell[1] for t in own)
            ):
                continue  # a word beside the title ("Inferred", "Seat"): what it says is unread
        facts: list[tuple[Title, str]] = []
        role = None
        if seat is not None:
            role = next((t for t in own if t.organ is None or t.organ == seat.organ), None)
            held = replace(seat, role=role.role, role_span=role.role_span) if role else seat
            facts.append((held, "elected" if elected else "holds"))
        facts += [(t, "holds") for t in own if t is not role and t.organ is not None]
        for title, kind in facts:
            fact = Fact(
                "membership", kind, r.reg.resolve(person.entity), (line.start(), line.end()),
                organ=title.organ, role=title.role, status=status,
                post=post_for(r, title.role, title.organ)
                if seat is not None and title is facts[0][0] and title.organ else title.post,
                date_basis="event" if day is not None else "article",
                rule="election-table" if elected else "holders-table",
            )  # fmt: skip
            if kind == "elected" and day is not None:
                fact.start = day
            else:
                fact.as_of = day if day is not None else r.reference
            fact.spans = sorted(
                {FactSpan(person.start, person.end, "person"),
                 FactSpan(title.role_span[0], title.role_span[1], "role")},
                key=lambda s: (s.start, s.end, s.role),
            )  # fmt: skip
            fact.why = _why(r, fact, title)
            out.append(fact)
    return out


"""a table of changes: "| Post | Before | After |", "| Province | Outgoing | Incoming |"."""
_SECRETARIES = re.compile(r"\b(?:chief\s+|first\s+)?secretar(?:y|ies)\b", re.I)
_NOTE = re.compile(r"\(([^()]{3,120})\)")
_NOTE_NOW = re.compile(r"\s*(?:now|later|formerly|previously|until\s+then)\s+", re.I)


def _change_rows(
    r: Context, table: list[re.Match[str]], rows: list[list[tuple[int, int]]], keys: list[str],
    cols: tuple[int, int, int | None, int | None],
) -> list[Fact]:
    """A table of changes ("| Post | Before | After |", "| Province | Outgoing | Incoming |")
    under a text about a meeting: for the post of each row (its post cell, or the party
    committee of its province when the heading above names secretaries), the outgoing person's
    holding ends and the incoming one's starts on the date the row's "Date" cell gives, else
    the caption's, else the day of the event the article reports (:func:`_reported_event_day`;
    undated: the incoming holds it as of the article).
    A note in parentheses beside a person ("(first vice-director, Organization and Guidance
    Department)", "(now minister of X)") is a holding of that person's own, undated."""
    out_col, in_col, post_col, status_col = cols
    place_col = next((i for i, k in enumerate(keys) if k in table_columns()["place"]), None)
    if post_col is None and place_col is None:
        return []
    flex = fact_lexicon()
    organ = _table_organ(r, table)
    heading = _heading_above(r, table)
    secretaries = heading is not None and _SECRETARIES.search(r.text, *heading) is not None
    when = _caption_date(r, table) or _reported_event_day(r, table)
    date_col = next((i for i, k in enumerate(keys) if k in table_columns()["change_date"]), None)
    out: list[Fact] = []
    for row, line in zip(rows, table[2:], strict=True):
        if max(out_col, in_col) >= len(row):
            continue
        row_day = _row_day(r, row, date_col) or when
        title: Title | None = None
        post_span: tuple[int, int] | None = None
        organ_key: str | None = None
        role: str | None = None
        post: str | None = None
        if post_col is not None and post_col < len(row):
            cell = row[post_col]
            title = _row_title(r, _cell_title(r, cell), cell, organ)
            if title is not None and title.organ is not None:
                organ_key, role, post, post_span = title.organ, title.role, title.post, cell
        elif place_col is not None and place_col < len(row) and secretaries:
            cell = row[place_col]
            organ_key = place_committee(r, cell)
            role, post_span = "first-secretary", cell
        if organ_key is None or role is None or post_span is None:
            continue
        status = _row_status(r, flex, (line.start(), line.end()), row, status_col)
        if status is None:
            continue
        for col, change in ((out_col, "replaced"), (in_col, "appointed")):
            cell = row[col]
            people = [m for m in r.mentions_in(*cell, ("person",)) if m.entity]
            if not people:
                continue
            person = people[0]
            fact = Fact(
                "membership", change, r.reg.resolve(person.entity),  # type: ignore[arg-type]
                (line.start(), line.end()), organ=organ_key, role=role, post=post,
                status=status, date_basis="sentence", rule="table-change",
            )  # fmt: skip
            if row_day is not None:
                if change == "replaced":
                    fact.end = row_day
                else:
                    fact.start = row_day
            elif change == "replaced":
                continue  # an undated change: the old holder's term is not dated
            else:
                fact.as_of, fact.date_basis = r.reference, "article"
            fact.spans = sorted(
                {FactSpan(person.start, person.end, "person"),
                 FactSpan(post_span[0], post_span[1], "role")},
                key=lambda s: (s.start, s.end, s.role),
            )  # fmt: skip
            fact.why = f"{change} as {' '.join(r.text[post_span[0] : post_span[1]].split())}"
            out.append(fact)
            out.extend(_cell_notes(r, cell, person, status))
    return out




def _row_day(r: Context, row: list[tuple[int, int]], col: int | None) -> PartialDate | None:
    """The date a change table's date cell gives its row ("| 18 June 2023 | ..."), if any."""
    if col is None or col >= len(row):
        return None
    dates = [d.date for d in r.dates_in(*row[col]) if d.date is not None and d.range is None]
    return dates[0] if len(dates) == 1 else None


def place_committee(r: Context, cell: tuple[int, int]) -> str | None:
    """The party committee of the province or city a table's place cell names ("Ryanggang",
    "North Phyongan"; ``change_tables`` in facts.yaml): the data folder's record, else the
    draft the article already has by that name, else a new draft named for it (derived: the
    text prints the place, not the committee's name)."""
    place = " ".join(straight(r.text[cell[0] : cell[1]]).split())
    head = change_table_places().get(place_key(place))
    if head is None:
        return None
    name = f"{place} {head}"
    fresh = existing_organ(r, name) is None
    key = party_committee(r, name, head)
    if fresh:
        r.reg.get(key).note(f"the party committee of “{place}”, a row of a table of changes", cell)
    return key


def _cell_notes(r: Context, cell: tuple[int, int], person: Mention, status: str) -> list[Fact]:
    """ "Pak Chang Ho (first vice-director, Organization and Guidance Department)": the note's
    title is the person's, undated (a post held before or after the change, as the table
    does not say when)."""
    out = []
    for m in _NOTE.finditer(r.text, person.end, cell[1]):
        start = m.start(1)
        lead = _NOTE_NOW.match(r.text, start, m.end(1))
        if lead is not None:
            start = lead.end()
        title = line_title(r, (start, m.end(1)))
        if title is None or title.organ is None or not _names_organ(r, title, start, m.end(1)):
            continue  # an organ the note does not name (one the reader took from the context)
        fact = Fact(
            "membership", "holds", r.reg.resolve(person.entity),  # type: ignore[arg-type]
            (cell[0], cell[1]), organ=title.organ, role=title.role, post=title.post,
            status=status, date_basis="none", rule="table-note",
        )  # fmt: skip
        fact.spans = sorted(
            {FactSpan(person.start, person.end, "person"),
             FactSpan(title.role_span[0], title.role_span[1], "role")},
            key=lambda s: (s.start, s.end, s.role),
        )  # fmt: skip
        fact.why = f"called {' '.join(r.text[title.start : title.end].split())}"
        out.append(fact)
    return out


def _whole_cell_title(r: Context, title: Title, cell: tuple[int, int]) -> bool:
    """(round 6, L4) The cell is the title, all of it, its organ named there: "first
    vice-director, KPA General Political Bureau"; not "director, WPK Planning and Finance
    Department" read as a director of the WPK (the reader knew only "WPK")."""
    if title.start != cell[0] or not _names_organ(r, title, *cell):
        return False
    ends = [title.end] + ([title.organ_span[1]] if title.organ_span else [])
    return not r.text[max(ends) : cell[1]].strip(" .")


def _names_organ(r: Context, title: Title, start: int, end: int) -> bool:
    """The title's organ is named in text[start:end]: its organ span is there, or the title
    itself ("chief secretary of the Jagang Provincial Party Committee") or a record's post
    ("Premier") names it; not "chairman" with an organ the reader took from the context."""
    if title.organ_span is not None:
        return start <= title.organ_span[0] < end
    if (title.post or "").startswith("="):
        return True
    return start <= title.start and title.end <= end and re.search(
        r"\s(?:of|for)\s", r.text[title.start : title.end]
    ) is not None


def _heading_above(r: Context, table: list[re.Match[str]]) -> tuple[int, int] | None:
    """The caption line or heading right above a table."""
    block = r.doc.block_at(table[0].start())
    if not block:
        return None
    above = r.doc.blocks[block - 1]
    return (above.start, above.end) if above.end - above.start <= 200 else None


def _reported_event_day(r: Context, table: list[re.Match[str]]) -> PartialDate | None:
    """The day the changes of a table were made when its caption prints none: a day of the
    event the article reports that the paragraph above the table gives ("The elections of 11
    April replaced ..." at a session of 11-12 April), else the event's last day."""
    main = r.main_event
    if main is None:
        return None
    fields = r.reg.peek(main).fields
    first, last = fields.get("date"), fields.get("end")
    if not isinstance(first, PartialDate):
        return None
    if not isinstance(last, PartialDate):
        return first
    block = r.doc.block_at(table[0].start()) or 0
    for b in reversed(r.doc.blocks[max(0, block - 3) : block]):
        if b.kind in ("heading", "title", "caption"):
            if b is r.doc.blocks[block - 1]:
                continue  # the table's caption
            break
        days = [
            day for d in r.dates_in(b.start, b.end)
            if d.date is not None and d.range is None and d.date.day is not None
            for day in [replace(d.date, year=first.year, stated=None) if d.year_inferred
                        else d.date]
            if first.earliest() <= day.earliest() <= last.latest()
        ]  # fmt: skip
        if days:
            return days[0]
    return last


def _cell_title(r: Context, cell: tuple[int, int]) -> Title | None:
    """The title a post cell gives: "Chief of the KPA General Staff", or a role then its organ
    after a comma ("Director, KPA General Political Bureau"), as directories print them and as
    a career line reads them (:func:`line_title`); a role alone as the reader found it."""
    title: Title | None = next(
        (t for t in r.person_titles if cell[0] <= t.start and t.end <= cell[1]), None
    )
    return None if title is None else line_title(r, cell) or title


_OF = re.compile(r"\s*(?:of\s+the|of|,)?\s*")


def organ_chain(r: Context, organs: list[Mention]) -> tuple[str, tuple[int, int]] | None:
    """The organ the first of ``organs`` begins, with the ones joined to it by "of" or a comma
    ("Central Military Commission of the WPK" is one), and the span of the chain."""
    chain = [organs[0]]
    for m in organs[1:]:
        if not _OF.fullmatch(r.text, chain[-1].end, m.start):
            break
        chain.append(m)
    key = chain_organ(r, chain)
    return None if key is None else (key, (chain[0].start, chain[-1].end))


def _table_organ(r: Context, table: list[re.Match[str]]) -> tuple[str, tuple[int, int]] | None:
    """The organ of every row of a table, named in the heading or caption just above it ("##
    State Affairs Commission after the session", "Members of the SAC"): the first organ the
    nearest heading names (a chain "Central Military Commission of the WPK" is one organ), else
    the caption line right above the table; None when neither names one (a table is never
    given an organ from a heading further up or from its own cells)."""
    block = r.doc.block_at(table[0].start())
    if not block:
        return None
    for b in reversed(r.doc.blocks[:block]):
        short = b.end - b.start <= 200
        if b.kind in ("heading", "title", "caption") or (short and b is r.doc.blocks[block - 1]):
            organs = [m for m in r.mentions_in(b.start, b.end, ("organ",)) if m.entity]
            if organs:
                return organ_chain(r, organs)
            if b.kind in ("heading", "title", "caption"):
                return None
    return None


def _row_title(
    r: Context, title: Title | None, cell: tuple[int, int],
    organ: tuple[str, tuple[int, int]] | None,
) -> Title | None:
    """A post cell's title with the table's organ: a role alone ("Member", "First
    vice-chairman") holds a seat on the organ of the table's heading, never one the reader took
    from a neighbouring cell or an earlier row; a role that implies its organ ("Premier") or
    names it in the cell keeps its own."""
    if title is None:
        return None
    if title.organ_span is not None and cell[0] <= title.organ_span[0] < cell[1]:
        return title
    if title.organ_span is None and title.post is not None and title.organ is not None:
        return title
    if organ is None:
        return None
    return replace(title, organ=organ[0], organ_span=organ[1],
                   post=post_for(r, title.role, organ[0]))  # fmt: skip


_CAPTION_AS_OF = re.compile(r"\b(?:as\s+(?:of|at)|on)\s+(?=\S)", re.I)


def _caption_date(r: Context, table: list[re.Match[str]]) -> PartialDate | None:
    """ "**Table 1. Posts after the plenum (as of December 31, 2022)**": the date the caption
    or heading just above a table gives its rows (a bare year there names a period, not a
    day the rows are true on)."""
    block = r.doc.block_at(table[0].start())
    if not block:
        return None
    above = r.doc.blocks[block - 1]
    if above.end - above.start > 200:
        return None
    for m in _CAPTION_AS_OF.finditer(r.text, above.start, above.end):
        date = r.date_at(m.end())
        if date is not None and date.date is not None:
            return date.date
    return None


def _row_status(
    r: Context, flex: FactLexicon, line: tuple[int, int], row: list[tuple[int, int]],
    status_col: int | None,
) -> str | None:
    """A row's status: its status column's word ("Confirmed", "Inferred", "Expected"), else a
    hedge anywhere in the row ("| ... | reported by the NIS |"); None when the status column
    says the holding ended ("Dismissed"): the table then does not say it is held."""
    if status_col is not None and status_col < len(row):
        cell = row[status_col]
        words = {r.doc.keys[i] for i in r.doc.words_between(*cell)}
        if words & flex.ending:
            return None
        if words & flex.projected_words:
            return "projected"
        if words & (flex.reported_words | flex.attribution_words):
            return "reported"
        return "confirmed"
    row_words = {r.doc.keys[i] for i in r.doc.words_between(*line)}
    hedged = row_words & (flex.reported_words | flex.attribution_words)
    return "reported" if hedged else "confirmed"


_DITTO = re.compile(r"[\s\"'〃”″–—-]*|(?:ditto|same|do\.?)", re.I)


def _cell_dates(r: Context, cell: tuple[int, int], fact: Fact, field_name: str) -> list[FactSpan]:
    """Set the fact's start or end from a cell of dates ("12 March 1998", "2007": a year alone
    the date reader leaves to context), or both from a term ("1998 – 2003", "2016–present")."""
    text = r.text[cell[0] : cell[1]]
    period = period_of(text, cell[0]) if re.fullmatch(rf"[\s*_]*{PERIOD}[\s*_.]*", text) else None
    if period is None and field_name == "term":
        terms = _terms(r, cell) or _dotted_term(text, cell[0])
        period = terms[0] if terms else None  # "2012-2014, 2019-present": the first term
    if period is not None and field_name == "term":
        fact.start, fact.end = period.start, period.end
        return [FactSpan(a, b, "date") for a, b in period.spans]
    if field_name == "term":
        return []
    dates = [d for d in r.dates_in(*cell) if d.date is not None]
    if dates:
        setattr(fact, field_name, dates[0].date)
        return [FactSpan(dates[0].start, dates[0].end, "date")]
    if period is not None and period.end is None:
        setattr(fact, field_name, period.start)
        return [FactSpan(a, b, "date") for a, b in period.spans]
    return []


def _terms(r: Context, cell: tuple[int, int]) -> list[Period]:
    """The terms of a cell of several ("2012-2014, 2019-present"; "1963-1969; 1988-1995"),
    or none when the cell is not a list of terms."""
    parts = re.split(r"\s*(?:[,;]|\band\b)\s*", r.text[cell[0] : cell[1]].strip(" *_"))
    if len(parts) < 2 or not all(re.fullmatch(PERIOD, p) for p in parts):
        return []
    out, at = [], cell[0]
    for part in parts:
        at = r.text.index(part, at)
        period = period_of(part, at)
        if period is None:
            return []
        out.append(period)
        at += len(part)
    return out


_DOTTED = re.compile(r"((?:19|20)\d\d)\.(1[0-2]|0?[1-9])(?![\d.])")


_DOTTED_TERM = re.compile(
    rf"\s*{_DOTTED.pattern}\s*(?:[–—-]{{1,2}}\s*(?:{_DOTTED.pattern}|present|now))?\s*"
)


def _dotted_term(text: str, offset: int) -> list[Period]:
    """ "1995.10-2010.11", "2017.10 – present": a term in a directory's year.month dates."""
    m = _DOTTED_TERM.fullmatch(text)
    if m is None:
        return []
    start = parse_date(f"{m[1]}-{int(m[2]):02}")
    end = parse_date(f"{m[3]}-{int(m[4]):02}") if m[3] else None
    spans = [(offset + m.start(i), offset + m.end(i + 1)) for i in (1, 3) if m[i]]
    return [Period(start, end, spans)]


def _later_terms(r: Context, cell: tuple[int, int], fact: Fact) -> list[Fact]:
    """The row's holding again for each term after the first of a cell of several terms."""
    out = []
    for period in _terms(r, cell)[1:]:
        spans = [s for s in fact.spans if s.role != "date"]
        spans += [FactSpan(a, b, "date") for a, b in period.spans]
        out.append(replace(fact, start=period.start, end=period.end, as_of=None, spans=spans))
    return out


_OTHER_TIME = re.compile(
    r"\b(?:became|later|formerly|former|previously|until|promoted|moved|died|succeeded|earlier|"
    r"before|after|despite)\b", re.I
)  # a remark on what the holder was before or became after, not what they hold
_UNTIL_THEN = re.compile(r"\s*until\s+then\s+", re.I)
"""a remark on the post the holder left for the row's: it ended when the row's holding began"""
_PART_END = re.compile(r";|,(?=\s*(?:formerly|former|previously)\b)|$", re.I)
"""where a remark's parts end: "new; premier, formerly chief secretary of ..." """
_FORMERLY = re.compile(r"\s*(?:formerly|former|previously)\s+", re.I)
"""a part naming a post held before, undated: a past holding"""
_OWN_PERIOD = re.compile(r"\(\s*([^()]*\d{4}[^()]*)\)\s*$")
"""a remark's own dates in parentheses at its end ("(from 2019)", "(1998-2010)")"""
_LATER = re.compile(r"\s*(?:later|afterwards|subsequently)\s+", re.I)
"""(class BC) a part naming a post held after the row's: "Later premier (1976-1977)", its own
dates or none"""
_ALSO = re.compile(r"\s*(?:concurrently|simultaneously|also|and\s+also)\s+", re.I)
"""(class BC) a part naming a post held beside the row's: "Concurrently vice-premier" (over the
row's term), "Also vice-premier from 1957" (from its own date); "also first vice-chairman of
the SAC" with no date stays as of the article (f13)"""
_FROM_DATE = re.compile(r"\s+(?:from|since)\s+([^()]*\d{4}[^()]*?)\s*$", re.I)
"""a remark's own start at its end ("from 1957", "since May 2010")"""


def _table_remarks(
    r: Context,
    row: list[tuple[int, int]],
    skip: tuple[int | None, ...],
    fact: Fact,
    person: Mention,
    line: re.Match[str],
) -> list[Fact]:
    """ "| ... | also first vice-chairman of the SAC |", "new; party secretary", "Politburo
    Presidium", "Member of the Political Bureau (from 2019)", "until then minister of state
    security": the other holdings a row's other cells give its person, each part of a cell
    (between semicolons) on its own: as of the article, or with the part's own dates in
    parentheses, or ending where the row's holding begins ("until then"). A part about another
    time ("formerly", "promoted from") or naming an organ in passing is no holding."""
    out: list[Fact] = []
    for index, cell in enumerate(row):
        if index in skip:
            continue
        for part in _parts(r, cell):
            remark = _remark(r, part, fact)
            if remark is None:
                continue
            remark.person, remark.sentence = fact.person, (line.start(), line.end())
            remark.spans.insert(0, FactSpan(person.start, person.end, "person"))
            out.append(remark)
    return out


def _parts(r: Context, cell: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of a remark cell between semicolons, as stripped spans."""
    out, start = [], cell[0]
    for m in re.finditer(_PART_END, r.text[cell[0] : cell[1]]):
        end = cell[0] + m.start()
        text = r.text[start:end]
        a, b = start + len(text) - len(text.lstrip()), end - (len(text) - len(text.rstrip()))
        if a < b:
            out.append((a, b))
        start = end + 1
    return out


def _remark(r: Context, part: tuple[int, int], row: Fact) -> Fact | None:
    """The holding one part of a remark cell gives, or None (see :func:`_table_remarks`)."""
    text = r.text[part[0] : part[1]]
    change = career_words().remark_change.match(text)
    if change is not None:
        return _change_remark(r, part, row, change)
    until = _UNTIL_THEN.match(text) or _FORMERLY.match(text)
    later = None if until else _LATER.match(text)
    also = None if until or later else _ALSO.match(text)
    lead = until or later or also
    own = _OWN_PERIOD.search(text) or (_FROM_DATE.search(text) if also else None)
    period = period_of(own.group(1), part[0] + own.start(1)) if own else None
    body = (part[0] + (lead.end() if lead else 0), part[0] + (own.start() if own else len(text)))
    if own and period is None or (until is None and _OTHER_TIME.search(r.text, *body)):
        return None  # "first term 2018-2019", "Became Minister of ...": another time's
    if own is None and r.dates_in(*body):
        return None
    title = _part_title(r, body)
    if title is None or title.role == "member" and title.organ == row.organ:
        return None  # the row's own organ restated in a cell ("| Body |" ... "| Cabinet |")
    remark = Fact(
        "membership", "held" if until or later else "holds", "", body, organ=title.organ,
        role=title.role, post=title.post, status="confirmed", rule="table-remark",
    )  # fmt: skip
    remark.spans = [FactSpan(title.role_span[0], title.role_span[1], "role")]
    if until is not None and until.re is _FORMERLY and period is not None:
        # (class CD) "Previously Chief of the General Staff (1988-1995)": its own dates
        remark.start, remark.end, remark.date_basis = period.start, period.end, "sentence"
    elif (until is not None and until.re is _FORMERLY) or (later is not None and period is None):
        remark.date_basis = "none"
    elif also is not None and period is None and also.group(0).strip().lower() != "also":
        remark.start, remark.end = row.start, row.end  # "Concurrently vice-premier": the row's term
        remark.date_basis = "sentence" if row.start or row.end else "none"
    elif until is not None:
        remark.end, remark.date_basis = row.start, "sentence" if row.start else "none"
    elif period is not None:
        remark.start, remark.end, remark.date_basis = period.start, period.end, "sentence"
    else:
        remark.as_of, remark.date_basis = r.reference, "article"
    remark.why = _why(r, remark, title)
    return remark


_TITLE_EDGES = re.compile(
    r"^(?:the\s+)?(?P<body>.*?)[\s,]*(?:\b(?:in|on|at|from|since)\s*)?$", re.I | re.S
)


def _change_remark(
    r: Context, part: tuple[int, int], row: Fact, change: re.Match[str]
) -> Fact | None:
    """(class CD) A table note that opens with a change: "Elected to the Presidium of the
    Political Bureau in October 1980", "Named a vice-chairman of X in 2007", "returned as Premier
    in December 1992": the row's person holds the note's title from the note's one date; without
    a date, a move after the row's term ("Became a secretary of the Central Committee", "Left to
    become ...") from the row's end, another undated (``careers.remark_change``)."""
    after = part[0] + change.end()
    dates = [d for d in r.dates_in(after, part[1]) if d.date is not None]
    if len(dates) > 1 or any(d.range is not None for d in dates):
        return None  # a span of its own or several dates: not one change
    edges = _TITLE_EDGES.match(r.text[after : dates[0].start if dates else part[1]])
    if edges is None or not edges.group("body"):
        return None
    body = (after + edges.start("body"), after + edges.end("body"))
    title = _part_title(r, body)
    if title is None or (
        title.organ_span is None and title.post is None
        and " of " not in r.text[title.start : title.end]
    ):  # fmt: skip
        return None  # "became First Vice-President": an organ the note does not name
    remark = Fact(
        "membership", "appointed", "", body, organ=title.organ, role=title.role,
        post=title.post, status="confirmed", rule="table-remark",
    )  # fmt: skip
    remark.spans = [FactSpan(title.role_span[0], title.role_span[1], "role")]
    if dates:
        remark.start, remark.date_basis = dates[0].date, "sentence"
        remark.spans.append(FactSpan(dates[0].start, dates[0].end, "date"))
    elif change.group("after") and row.end is not None:
        remark.start, remark.date_basis = row.end, "sentence"
    else:
        remark.date_basis = "none"
    remark.why = _why(r, remark, title)
    return remark


def _part_title(r: Context, body: tuple[int, int]) -> Title | None:
    """The title a remark part gives: one the reader found in it whose organ it names or whose
    role implies it ("party secretary", "premier"), or an organ alone ("Politburo Presidium"):
    a member of it."""
    t: Title
    for t in r.person_titles:
        if body[0] <= t.start and t.end <= body[1] and t.organ is not None:
            if t.organ_span is None and (
                t.post is not None or " of " in r.text[t.start : t.end]
                or (t.start, t.end) == body  # (class BC) "Concurrently vice-premier": the part
            ):
                return t  # "premier", "foreign minister": implied; "chief secretary of the X"
            if t.organ_span is not None and body[0] <= t.organ_span[0] < body[1]:
                return t
    organs = [m for m in r.mentions_in(*body, ("organ",)) if m.entity]
    if len(organs) == 1 and (organs[0].start, organs[0].end) == body and organs[0].entity:
        m, key = organs[0], r.reg.resolve(organs[0].entity)
        entity = r.reg.peek(key)
        kind = r.known.organ_kind.get(entity.known or "") if entity.known else entity.attrs.get(
            "organ_kind"
        )  # fmt: skip
        if kind == "party":
            return None  # a "Party" column ("WPK"): an affiliation, no seat
        return Title(m.start, m.end, "member", key, (m.start, m.end), (m.start, m.end))
    return None


_HEAD_LEAD = re.compile(
    r"[\s#*_]*(?:table\s+\d+[.:]?\s*)?(?:(?:the|current|new|newly\s+\w+|all|key|a|list\s+of|"
    r"holders\s+of|incumbent|sitting|present|former|past|previous)\s+)*",
    re.I,
)


def heading_title_leads(r: Context, start: int, title_start: int) -> bool:
    """(round 6, L4) A heading's title is what the heading names, not an object of its verb:
    it opens the heading ("Members of the SAC", "Table 2. Current vice-premiers") or follows "the
    following" ("The SPA named the following vice-premiers:"); not "Officials who addressed the
    members of the SAC"."""
    return (
        _HEAD_LEAD.fullmatch(r.text, start, title_start) is not None
        or _FOLLOWING.search(r.text, start, title_start) is not None
    )


_FOLLOWING = re.compile(
    r"\b(?:the\s+following|(?:below|above)\s+(?:lists?|shows?|gives?)(?:\s+the)?)\s+"
    r"(?:(?:current|new|newly\s+\w+|incumbent)\s+)?$",
    re.I,
)
_HEADING_REST = re.compile(
    r"[\s#=*_:]*(?:table\s+\d+[.:]?)?[\s#=*_:]*"
    r"(?:(?:a\s+|the\s+)?list\s+of\s+|holders\s+of\s+(?:the\s+)?)?[\s#=*_:]*"
    r"(?:\([^()]*\)|since\s+\d{4}|(?:of|in)\s+(?:the\s+DPRK|North\s+Korea)|holders|[\s#=*_:.,]"
    r"|\d{4}\s*[–—-]\s*(?:\d{4}|present))*",
    re.I,
)  # what a heading naming a post may print beside it


def _table_title(r: Context, table: list[re.Match[str]], cell: tuple[int, int]) -> Title | None:
    """The title every row of a table holds: one with an organ in the heading above the table
    ("Ministers of Foreign Affairs"), else the people's column header ("Premier")."""
    block = r.doc.block_at(table[0].start())
    column: Title | None = next(
        (t for t in r.person_titles if cell[0] <= t.start and t.end <= cell[1] and t.organ),
        None,
    )
    before = r.doc.blocks[: block if block is not None else 0]
    headings = [b for b in before if b.kind in ("heading", "title", "caption")][::-1]
    if before and before[-1] not in headings and before[-1].end - before[-1].start <= 200:
        headings.insert(0, before[-1])  # "**Table 2. Members of the Presidium ...**"
    for index, b in enumerate(headings):
        if index == 1 and column is not None:
            return column  # "| Premier | From | To |" under "## Since 1998"
        heading: Title | None = next(
            (t for t in r.person_titles
             if b.start <= t.start and t.end <= b.end and t.organ is not None),
            None,
        )  # fmt: skip
        if heading is None:
            continue
        rest = r.text[b.start : heading.start] + " " + r.text[heading.end : b.end]
        if _HEADING_REST.fullmatch(rest) or (
            # (round 6, L4) the line right above, naming its rows: "The SPA named the following
            # vice-premiers (the portfolios as reported):"
            index == 0 and heading.plural and r.text[b.start : b.end].rstrip().endswith(":")
            and _FOLLOWING.search(r.text, b.start, heading.start) is not None
            and not names_someone(r, b.start, b.end)
        ):  # fmt: skip
            # "## List of ministers" under "# Minister of Foreign Affairs (North Korea)", not
            # under "# Premier Kim Tok Hun's cabinet"
            return heading
    return column


# -- careers in directories --------------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?:1[89]|20)\d\d(?![\d.])"
OPEN_END = r"present|now|today|incumbent|the\s+present"
PERIOD = (
    rf"(?:(?:[Ss]ince|[Ff]rom)\s+)?{_DATE}"
    rf"(?:\s*(?:[–—-]{{1,2}}|to|until|till)\s*(?:{_DATE}|{OPEN_END}))?"
)


CAREER_LINE = re.compile(
    r"^[ \t]*(?:[-*•–][ \t]+)?(?P<year>(?:19|20)\d\d)\.(?P<month>1[0-2]|0?[1-9])(?!\.?\d)[ \t]+"
    r"(?P<rest>\S[^\n]*)$",
    re.M,
)
_ENTRY_HEAD = re.compile(r"^[ \t]*(?P<name>[^\s:(][^\n:]*?)[ \t]*(?:\([^()\n]*\))?[ \t]*$", re.M)


def career_line_spans(r: Context) -> list[tuple[int, int]]:
    """The lines of a directory's career list ("- 2009.2 Director, Reconnaissance General
    Bureau (RGB), KPA"): read line by line by the careers pass, never as sentences."""
    return [(m.start(), m.end()) for m in CAREER_LINE.finditer(r.text)]


def entry_person(r: Context, offset: int) -> Mention | None:
    """The person whose entry a line belongs to: the last line before it that is a person's
    name alone (with a spelling in parentheses), within the entry (no rule line or heading
    between: a name in an infobox above a page's career table heads no entry)."""
    head = r.text.rfind("\n", 0, offset)
    while head > 0:
        start = r.text.rfind("\n", 0, head) + 1
        text = r.text[start:head]
        if re.fullmatch(r"\s*[-=_*]{3,}\s*", text):
            return None  # the entry ends at a rule
        m = _ENTRY_HEAD.fullmatch(text)
        if m is not None:
            people = [p for p in r.mentions_in(start, head, ("person",)) if p.entity]
            if people and people[0].start == start + m.start("name"):
                after = r.text[people[0].end : head]
                if re.fullmatch(r"\s*(?:\([^()]*\))?\s*", after):
                    return people[0]
        block = r.doc.block_at(start)
        if block is not None and r.doc.blocks[block].kind in ("heading", "title", "caption"):
            return None  # the entry ends at a heading: a new section is no one's entry
        head = start - 1
    return None


@dataclass(frozen=True)
class Period:
    """When a career line's holding began and ended, and where the text prints it."""

    start: PartialDate | None
    end: PartialDate | None
    spans: list[tuple[int, int]]


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


def career_part(
    r: Context,
    person: Mention,
    part: tuple[int, int],
    line: tuple[int, int],
    period: Period,
    rule: str = "career-line",
) -> list[Fact]:
    """The first title of text[part] ("Role, Organ", "Role of Organ"), held by the entry's
    person over the line's period."""
    title = line_title(r, part)
    return [] if title is None else career_fact(r, person, title, line, period, rule)


_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?")


def line_title(r: Context, part: tuple[int, int]) -> Title | None:
    """The first title of a career line's text[part] with its organ: "Role of Organ", or
    "Director, Reconnaissance General Bureau (RGB), KPA" (the organ after the comma, the last of
    a chain: "Deputy Director, KPA GPB"); None without an organ of its own."""
    title = next((t for t in r.person_titles if part[0] <= t.start < part[1]), None)
    if title is None:
        return None
    comma = re.match(r"\s*,\s*", r.text[title.end : part[1]])
    organs = [m for m in r.mentions_in(title.end, part[1], ("organ",)) if m.entity]
    chain: list[Mention] = []
    end = 0
    for m in organs:
        first = comma is not None and not chain and m.start == title.end + comma.end()
        if first or (chain and not r.text[end : m.start].strip()):
            chain.append(m)
        elif chain and _OF_OWNER.fullmatch(r.text, end, m.start):
            chain.insert(0, m)  # "Central Committee of the Kim Il Sung Socialist Youth League"
        else:
            continue
        end = m.end
    own = title.organ_span is not None and part[0] <= title.organ_span[0] < part[1]
    organ = chain_organ(r, chain) if chain and not own else None
    if organ is not None:
        span = (min(m.start for m in chain), end)
        title = replace(title, organ=organ, organ_span=span,
                        post=post_for(r, title.role, organ))  # fmt: skip
    elif title.organ_span is not None and not own:
        return None  # an organ of another part of the line ("Minister of ...; Alternate Member")
    return title if title.organ is not None else None


def career_fact(
    r: Context, person: Mention, title: Title, line: tuple[int, int], period: Period, rule: str
) -> list[Fact]:
    fact = Fact(
        "membership", "holds", r.reg.resolve(person.entity), line,  # type: ignore[arg-type]
        organ=title.organ, role=title.role, post=title.post, start=period.start,
        end=period.end, status="confirmed", date_basis="sentence", rule=rule,
    )  # fmt: skip
    spans = [
        FactSpan(person.start, person.end, "person"),
        FactSpan(title.role_span[0], title.role_span[1], "role"),
        *(FactSpan(a, b, "date") for a, b in period.spans),
    ]
    if title.organ_span:
        spans.append(FactSpan(title.organ_span[0], title.organ_span[1], "organ"))
    fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
    fact.why = _why(r, fact, title)
    return [fact]


def _replaced_by(
    r: Context,
    flex: FactLexicon,
    view: SentenceView,
    m: re.Match[str],
    pattern: Pattern,
    found: list[Fact],
    earlier: list[Fact],
) -> list[Fact]:
    """ "Defence Minister Pak Yong Sik has been replaced by No Kwang Chol": the titles the
    sentence gives the holder end, and the successor's begin, at the change's date; (class CA)
    "X, the province's party chief secretary, was dismissed on 26 November. He was replaced by
    Y": with no title in the sentence, the successor's holding of what the sentence before ended
    for the holder begins at its end."""
    people = people_of(view, m)
    successors = people_of(view, m, "successor")
    if len(people) != 1 or not successors or people[0].ref is None:
        return []
    holder = people[0].ref
    held = [f for f in found if f.person == holder and f.type == "holds" and f.organ]
    if not held and not any(f.person == holder for f in found):
        index = r.doc.sentence_index(view.start)
        before = r.doc.sentences[index - 1] if index > 0 else None
        ended = [
            f for f in earlier
            if before is not None and f.person == holder and f.type in flex.ending
            and f.end is not None and f.organ and before.start <= f.sentence[0] < before.end
        ]  # fmt: skip
        return _successors(r, view, m, ended)
    out: list[Fact] = []
    trigger = view.group(m, "trigger")
    trigger_span = FactSpan(trigger[0].start, trigger[-1].end, "trigger") if trigger else None
    for fact in held:
        role_span = next((s for s in fact.spans if s.role == "role"), None)
        if role_span is None:
            continue
        organ_span = next(((s.start, s.end) for s in fact.spans if s.role == "organ"), None)
        title = Title(role_span.start, role_span.end, fact.role or "member", fact.organ,
                      (role_span.start, role_span.end), organ_span, fact.post)  # fmt: skip
        at = _after_handover(view, m)
        ended = _facts_for(r, flex, view, pattern, "replaced", trigger_span, people, [title], at=at)
        if ended and all(f.end is None and f.start is None for f in ended):
            # (class AD) "Defence Minister X has been succeeded by Y" in a report that does not
            # date it: the title printed beside the change is the same term, undated as it is
            fact.as_of = None
        out.extend(ended)
        out.extend(
            _facts_for(r, flex, view, pattern, "appointed", trigger_span, successors, [title],
                       at=at)
        )  # fmt: skip
    return out
