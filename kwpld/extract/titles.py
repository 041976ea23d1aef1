"""The titles pass: every title the text gives — a role of the vocabulary in an organ — with
the spans of its role words and organ. Forms (role words from ``facts.yaml``, any case):

* role of the organ: "member of the Presidium of the Political Bureau", "deputy to the 14th
  Supreme People's Assembly", "members and alternate members of the Political Bureau" (two
  titles sharing the organ);
* organ, then role: "WPK Vice Chairman", "SAC first vice-chairman";
* a post the posts pass found ("chairman of the Workers' Party of Korea");
* a minister and the ministry: "Foreign Minister", "Minister of People's Armed Forces",
  "Vice Foreign Minister";
* a role alone ("Premier", "members"): the organ it implies ("Premier": the Cabinet), else none
  (a fact rule may take the organ from the context).

A title that is the holding of a post the data folder has (the Premier is the chairman of the
Cabinet) gets the post.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..names import match_key, name_words
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.facts import FactLexicon, Title, fact_lexicon
from ..reading.gazetteer import gazetteer
from ..reading.rules import foreign_name_lists
from ..reading.state import Context, Found
from .facts_common import organ_of, with_references
from .foreign_organs import (
    cc_owned_after,
    chain_organ,
    foreign_whole,
    new_organ_after,
    party_possessive_after,
)
from .foreign_states import dateline_state, main_nationality_state, seoul_story, south_spelled
from .organ_refs import reference_words
from .shared import existing_organ, role_in_organ
from .standing_organs import standing_organ
from .state_organs import foreign_organ_named

__all__ = ["titles", "organ_for_name", "post_for", "state_title", "abroad"]

_RULING = re.compile(
    r"(?:(?:ruling|governing|powerful|all-powerful|influential|North\s+Korean|North(?:’s|'s)"
    r"|North\s+Korea(?:’s|'s)|DPRK"
    r"|country(?:’s|'s)|party(?:’s|'s)|army(?:’s|'s)|military(?:’s|'s))\s+){1,3}",
    re.I,
)
_SUBJECTS = frozenset({"who", "which", "that", "he", "she", "also", "now", "currently", "still"})
_VERBS = frozenset({"heads", "chairs", "commands"})
"""role words that are verbs after these ("who heads", "she now heads")"""
_LINK = re.compile(r"\s+(?:of|to|in|on|at|for)\s+(?:(?:the|a|an|its)\s+)?", re.I)
_ORDINAL = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth)\s+",
    re.I,
)  # noqa: E501


def titles(r: Context) -> Found:
    flex = fact_lexicon()
    doc = r.doc
    mentions = with_references(r, list(r.mentions))
    found: list[Title] = []
    skipped: list[Mention] = []
    for post_mention in (m for m in mentions if m.kind == "post" and m.entity):
        title = _post_title(r, post_mention)
        if title is not None:
            found.append(title)
        else:
            skipped.append(post_mention)  # its role words are read again, with the organ after it
    office_starts = {w[0] for w, k in flex.role_kinds.items() if k in flex.foreign_offices}
    inside = _verb_words(r) | _covered_words(
        r,
        [m for m in mentions if m not in skipped],
        ("person", "event", "article", "organ", "post"),
    )
    taken = [(t.start, t.end) for t in found]
    i = 0
    n = len(doc.words)
    while i < n:
        if i in inside and (
            doc.keys[i] not in office_starts
            or (hit := flex.role_at(doc.keys, i)) is None
            or hit[3] not in flex.foreign_offices
        ):
            i += 1  # a word read already; but "Premier of the State Council" (class cpcdup):
            continue  # a foreign office's longer role over the post "Premier"
        hit = flex.role_at(doc.keys, i)
        if hit is None or not all(doc.gap_ok[k] for k in range(i, hit[0] - 1)):
            i += 1
            continue
        end_word, role, plural, implies = hit
        if _not_the_office(r, implies, end_word):
            i += 1  # "secretary of State Affairs Commission": not the Secretary of State
            continue
        role_span = (doc.word_starts[i], doc.word_ends[end_word - 1])
        if implies in flex.foreign_offices:
            # "Chief Cabinet Secretary": no post or organ its inner words name ("Cabinet")
            found = [t for t in found if not role_span[0] <= t.start < role_span[1]]
            taken = [(t.start, t.end) for t in found]
        # "first chairman of the NDC": a post found from "chairman" on, with more role words.
        inner = next(
            (
                t
                for t in found
                if role_span[0] < t.start < role_span[1] and t.role_span[0] == t.start
            ),
            None,
        )
        if inner is not None:
            inner_post = inner.post if role == inner.role else None
            found[found.index(inner)] = replace(
                inner,
                start=role_span[0],
                role=role,
                post=inner_post,
                role_span=(role_span[0], inner.role_span[1]),
            )
            taken = [(t.start, t.end) for t in found]
            i = end_word
            continue
        if any(s <= role_span[0] < e for s, e in taken):
            i = end_word
            continue
        # Roles coordinated before one organ: "members and alternate members of the ...".
        group: list[tuple[tuple[int, int], str, bool, str | None, int, int]] = [
            (role_span, role, plural, implies, i, end_word)
        ]
        k = end_word
        while k < n:
            gap = r.text[doc.word_ends[k - 1] : doc.word_starts[k]].strip()
            following = k + 1 if doc.keys[k] == "and" and gap in ("", ",") else k
            if following > k and following < n and doc.keys[following] in _THEN:
                following += 1  # (lever L6) "vice-minister and then (acting) minister of X"
            if following > k and following < n and doc.keys[following] in ("a", "an"):
                following += 1  # "a first vice director and a vice director of ..."
            if (following == k and gap != ",") or following >= n:
                break
            if following in inside:
                # (lever L6) "a member and secretary of the Central Committee", "vice-minister
                # and then minister of Metal Industry": the last role begins a post found
                # before; the roles before it share its organ (not a role that implies its own:
                # "vice-premier and chairman of the SPC")
                more = flex.role_at(doc.keys, following)
                at = doc.word_starts[following]
                if (
                    more is not None
                    and _post_closes(found, at, more, group)
                    # not "a party secretary and director of X", "a Political Bureau member
                    # and secretary of X": the first role's organ is named before it
                    and _organ_before(r, mentions, role_span[0]) is None
                    and not _PARTY_BEFORE.search(r.text, max(0, role_span[0] - 24), role_span[0])
                ):
                    span = (doc.word_starts[following], doc.word_ends[more[0] - 1])
                    group.append((span, more[1], more[2], more[3], following, more[0]))
                    k = more[0]
                break
            more = flex.role_at(doc.keys, following)
            if more is None:
                break
            span = (doc.word_starts[following], doc.word_ends[more[0] - 1])
            group.append((span, more[1], more[2], more[3], following, more[0]))
            k = more[0]
        last_role_end = group[-1][0][1]
        organ = _organ_of_role(r, mentions, found, last_role_end)
        if organ is None and len(group) > 1:
            # "a first vice director and a vice director of the Administrative Department": the
            # last role's words begin a post found before; its organ is the group's
            last_span = group[-1][0]
            post = next(
                (t for t in found if last_span[0] <= t.start < last_span[1] and t.organ),
                None,
            )
            if post is not None and post.organ is not None:  # (chosen for having one)
                organ = (post.organ, post.organ_span or (post.start, post.end))
                found.remove(post)
                taken = [(t.start, t.end) for t in found]
                last_role_end = max(last_role_end, post.end)
        if organ is None and len(group) == 1:
            organ = (
                _organ_before(r, mentions, role_span[0]) or _the_partys(r, role_span[0])
                or _leaders_party(r, mentions, role, role_span)
                or _bare_party_secretary(r, role, role_span)
            )
        elif organ is not None and len(group) == 1:
            # "Presidium members of the Political Bureau": a member of the Presidium, an organ
            # of the organ after "of"
            before = _organ_before(r, mentions, role_span[0])
            if before is not None and _ancestor(r, organ[0], before[0]):
                organ = (before[0], (before[1][0], organ[1][1]))
        if organ is None:
            # "Chief of the General Staff of the Korean People's Army": the role's own words
            # begin the organ's name
            organ = next(
                (
                    (r.reg.resolve(m.entity), (m.start, m.end)) for m in mentions
                    if m.kind == "organ" and m.entity
                    and role_span[0] < m.start < last_role_end < m.end
                ),
                None,
            )  # fmt: skip
        added: list[Title] = []
        # "a Political Bureau member and secretary": the organ before is every role's
        fronted = (
            _organ_before(r, mentions, role_span[0]) if organ is None and k > end_word else None
        )
        # (lever L6) "vice-minister and then minister of Metal Industry": the ministry the last
        # minister of the group names is every minister's before it
        shared_ministry = (
            _ministry_of(r, flex, found, group[-1][0], (group[-1][4], group[-1][5]))
            if len(group) > 1 and group[-1][3] == "minister"
            else None
        )
        for span, each_role, each_plural, each_implies, first, last in group:
            if each_implies in flex.foreign_offices:
                # "Chief Cabinet Secretary": Japan's office, not the Cabinet its words name
                added.append(_implied(r, flex, span, each_role, each_plural, each_implies))
                continue
            if each_implies == "minister":
                ministry = _ministry_of(r, flex, found, span, (first, last))
                if ministry is None and shared_ministry is not None:
                    ministry = (shared_ministry[0], shared_ministry[1], None)
                if ministry is not None:
                    organ_key, m_span, modified = ministry
                    title_start = min(span[0], m_span[0])
                    title_end = max(span[1], m_span[1])
                    added.append(_title(r, title_start, title_end, modified or each_role,
                                        organ_key, span, m_span, each_plural,
                                        each_implies))  # fmt: skip
                    continue
            if organ is not None:
                organ_key, organ_span = organ
                title_start = min(role_span[0], organ_span[0])
                title_end = max(last_role_end, organ_span[1])
                added.append(_title(r, title_start, title_end, each_role, organ_key, span,
                                    organ_span, each_plural, each_implies))  # fmt: skip
                if len(group) == 1:
                    added.extend(
                        _title(r, o_span[0], o_span[1], each_role, o_key, span, o_span,
                               each_plural)
                        for o_key, o_span in _organs_after(r, mentions, title_end)
                    )  # fmt: skip
            elif fronted is not None:
                start = fronted[1][0] if first == i else span[0]
                added.append(_title(r, start, span[1], each_role, fronted[0], span, fronted[1],
                                    each_plural, each_implies))  # fmt: skip
            elif each_implies in flex.implied_organs:
                added.append(_implied(r, flex, span, each_role, each_plural, each_implies))
            else:
                added.append(Title(span[0], span[1], each_role, None, span, None, None,
                                   each_plural))  # fmt: skip
        found.extend(added)
        taken.extend((t.start, t.end) for t in added)
        i = max(k, end_word)
    # (lever L6) "vice chairman of the SAC and of the party Central Committee": a post's role
    # in every organ after "and of" (the role written once, shared by the organs)
    found.extend(
        _title(r, o_span[0], o_span[1], t.role, o_key, t.role_span, o_span, t.plural)
        for t in [t for t in found if t.organ is not None and t.organ_span is None]
        for o_key, o_span in _organs_after(r, mentions, t.end, shared_only=True)
    )  # fmt: skip
    found.sort(key=lambda t: (t.start, t.role_span))
    found = [_in_charge(r, _presidency(r, _organ_read(r, mentions, _deputy(r, t)))) for t in found]
    r.person_titles = _ellipses(r, [_unnamed_department(r, _head(r, t)) for t in found])
    return r.found()


_PRESIDENT_WORDS = frozenset(
    {("president",), ("presidents",), ("vice", "president"), ("vice", "presidents"),
     ("first", "vice", "president")}
)  # fmt: skip
_BEFORE_NAME = re.compile(r"\s+(?:comrades?\s+)?", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_OF_ANOTHER = re.compile(
    r",?\s+of\s+(?:the\s+)?(?!DPRK\b|Democratic\s+People|D\.P\.R\.K\.|North\s+Korea\b)[A-Z]"
)


def _presidency(r: Context, title: Title) -> Title:
    """ "President Kim Il Sung", "Vice-Presidents Pak Song Chol and Rim Chun Chu": a bare
    President or Vice-President right before a name, in an article of the presidency's years,
    is the presidency of the DPRK's (``presidency`` in facts.yaml); any other bare President is
    left to the context."""
    flex = fact_lexicon()
    office = flex.presidency
    words = tuple(r.text[title.role_span[0] : title.role_span[1]].lower().replace("-", " ").split())
    if title.organ is not None or not office or words not in _PRESIDENT_WORDS:
        return title
    vice = words[0] != "president"
    republic = _OF_REPUBLIC.match(r.text, title.end) if vice else None
    if _OF_AFTER.match(r.text, title.end) and republic is None:
        return title  # "as president of the association": another body's head
    ruled = office.get("ruled_as")
    if not vice and ruled and re.search(ruled, r.text[max(0, title.start - 40) : title.start]):
        return _ruled_as(r, flex, title)
    years = office["vice_president_years" if vice else "president_years"]
    day = r.reference.iso if r.reference is not None else None
    k = bisect_left(r.doc.word_starts, title.start)
    # (class CB) "former Vice-President Rim Chun Chu": a past term of the presidency, in any
    # article after its beginning (the President's "former" is left alone: a title of honour)
    former = vice and k > 0 and r.doc.keys[k - 1] in office.get("former", ())
    # ... and "Vice-President of the Republic" names its state: a past term in a later text
    past = former or republic is not None
    if day is None or not str(years[0]) <= day <= ("9999" if past else str(years[1])):
        return title
    if k > 0 and r.doc.keys[k - 1] in office.get("not_after", ()) and not former:
        return title  # "the late President": a title of honour
    if abroad(r, title) or _foreign_state_at(r, flex, bisect_left(r.doc.word_starts, title.end)):
        return title  # "Chinese President", "President ... of Nicaragua" is read apart
    gap = _BEFORE_NAME.match(r.text, title.end)
    after = gap.end() if gap else title.end
    person = next(
        (m for m in r.mentions_in(after, after + 60, ("person",)) if m.start == after), None
    ) or _elected_as(r, title)
    if person is None and vice:
        # (class CB) "Pak Song Chol, Vice-President,", "A and B, Vice-Presidents": the title in
        # apposition after a name; "the Vice-President of the Republic", "a vice president of
        # the country": the state named by a common noun
        person = _apposed_before(r, title)
        if republic is not None:
            title = replace(title, end=republic.end())
            if person is None:
                return _implied(r, flex, title.role_span, title.role, title.plural,
                                "presidency")  # fmt: skip
    if person is None:
        return title
    if person.entity and r.reg.peek(person.entity).attrs.get("foreign_name"):
        return title  # "President Daniel Ortega"
    if _OF_ANOTHER.match(r.text, person.end):
        return title  # "Vice-President Ri Ho Rim of the Red Cross Society": its own organ's
    if not vice and match_key(person.text) not in {match_key(n) for n in office["presidents"]}:
        return title
    implied = _implied(r, flex, title.role_span, title.role, title.plural, "presidency")
    return replace(implied, end=max(implied.end, title.end))


_APPOSED = re.compile(r"\s*,\s*(?:(?:a|the|both|all)\s+)?$", re.I)
_OF_REPUBLIC = re.compile(r"\s+of\s+the\s+(?:[Rr]epublic|country)\b(?!\s+of\b|(?:’|')s\b)")


def _apposed_before(r: Context, title: Title) -> Mention | None:
    """ "Rim Chun Chu, Vice-President", "Ri Jong Ok and Pak Song Chol, Vice-Presidents": the
    person whose name ends right before the comma that opens the title (the last of a list)."""
    sentence = r.doc.sentence_at(title.start)
    if sentence is None:
        return None
    before = r.mentions_in(sentence.start, title.start, ("person",))
    if not before or not _APPOSED.fullmatch(r.text, before[-1].end, title.start):
        return None
    return before[-1]


_IN_CHARGE = re.compile(
    r"\s+in\s+charge\s+of\s+(?:the\s+)?[a-z][a-z-]*(?:\s+(?:and\s+)?[a-z][a-z-]*){0,4}(?=\s*[,.;)])"
)


def _in_charge(r: Context, title: Title) -> Title:
    """ "Vice-Premier in charge of light industry": the field after a title, written in lower
    case up to the punctuation that closes the apposition, is part of the title."""
    if title.organ is None:
        return title
    field = _IN_CHARGE.match(r.text, title.end)
    return replace(title, end=field.end()) if field else title


_AS = re.compile(r"\s+as\s+$")


def _elected_as(r: Context, title: Title) -> Mention | None:
    """ "re-elected Kim Il-sung as president", "named A and B as vice presidents": the person
    right before "as" (the last of a list), in a sentence that elects."""
    sentence = r.doc.sentence_at(title.start)
    if sentence is None:
        return None
    before = r.mentions_in(sentence.start, title.start, ("person",))
    if not before or not _AS.fullmatch(r.text, before[-1].end, title.start):
        return None
    flex = fact_lexicon()
    keys = r.doc.keys[bisect_left(r.doc.word_starts, sentence.start) : bisect_left(
        r.doc.word_starts, before[-1].start)]  # fmt: skip
    return before[-1] if any(flex.triggers.get((k,)) in flex.beginning for k in keys) else None


def _ruled_as(r: Context, flex: FactLexicon, title: Title) -> Title:
    """ "Kim Il Sung, who ruled North Korea as president since 1972": the presidency, when the
    person named last before it in the sentence is the President's own name."""
    sentence = r.doc.sentence_at(title.start)
    if sentence is None:
        return title
    before = r.mentions_in(sentence.start, title.start, ("person",))
    names = {match_key(n) for n in flex.presidency["presidents"]}
    if not before or match_key(before[-1].text) not in names:
        return title
    return _implied(r, flex, title.role_span, title.role, title.plural, "presidency")


_CONSTITUENCY = re.compile(
    r"\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:electoral\s+)?(?:constituency|district)"
    r"(?:\s+No\.\s*\d+)?",
)  # the seat a deputy was elected from, part of the title


_PORTFOLIO = re.compile(
    r"\s+[a-z][\w-]*(?:\s+(?:and\s+)?[a-z][\w-]*){0,2}?(?=\s*[,.;)]|\s+(?:was|is|who|has|had)\b)"
)
"""the portfolio of a secretary "for munitions", "in charge of science and education": part of
the title (class S)"""


_DEPUTY = re.compile(r"\b(?:first\s+)?(?:vice|deputy)[\s-]+$", re.I)


def _organ_of_role(
    r: Context, mentions: list[Mention], found: list[Title], end: int
) -> tuple[str, tuple[int, int]] | None:
    """The organ named after a role (or a group of roles) ending at ``end``: one the organ
    reading found, one shared with the title before, or one the lexicon lacks."""
    return (
        cc_owned_after(r, mentions, end)
        or party_possessive_after(r, mentions, end)
        or _organ_after(r, mentions, end)
        or _shared_organ(r, found, end)
        or new_organ_after(r, mentions, end)
    )


def _implied(
    r: Context, flex: FactLexicon, span: tuple[int, int], role: str, plural: bool, implies: str
) -> Title:
    """A title whose role implies its organ ("premier", "deputy from the X constituency": the
    constituency is part of the title)."""
    organ_key = organ_for_name(r, flex.implied_organs[implies], span)
    seat = _CONSTITUENCY.match(r.text, span[1])
    if seat is None and r.text[: span[1]].endswith((" for", " of")):
        seat = _PORTFOLIO.match(r.text, span[1])
    end = seat.end() if seat else span[1]
    return _title(r, span[0], end, role, organ_key, span, None, plural, implies)


def _organ_read(r: Context, mentions: list[Mention], title: Title) -> Title:
    """The title's organ as its own words, the words after it and another party or state
    say."""
    title = _of_the_whole(r, mentions, _own_organ(r, title))
    national = _nationality_before(r, title.start)
    if (
        national is not None
        and title.organ is None
        and (_heads_state(r, title) or _deputy_heads_state(r, title, national[0]))
    ):
        # "Russian President Vladimir Putin": the chairman of the state itself; "U.S. Vice
        # President Mike Pence" its vice-chairman
        state = national[0].removeprefix("the ")
        organ = organ_for_name(r, state)
        r.reg.get(organ).attrs.setdefault("abroad", national[0])
        start = r.text.rindex(national[1], 0, title.start)
        return replace(title, start=start, organ=organ, organ_span=None, post=None)
    if national is None and title.organ is None:
        # (class BD) "BEIJING (AFP) - Vice President Xi Jinping", "President Hu Jintao": a bare
        # head or deputy head of state before a name whose shape serves the dateline's state
        home = _dateline_head(r, title)
        if home is not None:
            organ = organ_for_name(r, home.removeprefix("the "))
            r.reg.get(organ).attrs.setdefault("abroad", home)
            return replace(title, organ=organ, organ_span=None, post=None)
    if national is None and title.organ is None and _heads_state(r, title):
        # "Vladimir Putin, president of the Russian Federation", "president of the PRC"; "In
        # Seoul, outgoing President Lee Myung-bak": the state of the capital the sentence opens
        hit = _foreign_state_at(r, fact_lexicon(), bisect_left(r.doc.word_starts, title.end))
        hit = hit or _opening_state(r, title.start, title.end) or _seoul_president(r, title)
        if hit is not None:
            organ = organ_for_name(r, hit[0].removeprefix("the "))
            r.reg.get(organ).attrs.setdefault("abroad", hit[0])
            end = r.doc.word_ends[hit[1] - 1]
            return replace(title, end=end, organ=organ, organ_span=None, post=None)
    if national is not None and title.organ is not None:
        # the nationality is part of the title ("X, the South Korean unification minister")
        start = r.text.rindex(national[1], 0, title.start)
        return replace(state_title(r, title, national[0], national[1]), start=start)
    return _abroad(r, foreign_whole(r, mentions, title))


_OPENING = re.compile(r"\s*In\s+([A-Z][a-z]+)\s*,")
_NORTH_BEFORE = re.compile(r"(?:North(?:\s+Korean|\s+Korea['’]s|['’]s)|Pyongyang['’]s|DPRK)\s+$")


def _seoul_president(r: Context, title: Title) -> tuple[str, int] | None:
    """ "President Moon Jae-in presided over ...", "President Moon Jae-in's office" in a story
    told from Seoul: a bare President right before a name spelled the South's way is the
    South's (class AE); not after a word of the North."""
    gap = _BEFORE_NAME.match(r.text, title.end)
    after = gap.end() if gap else title.end
    person = next(
        (m for m in r.mentions_in(after, after + 60, ("person",)) if m.start == after), None
    )
    if person is None or _NORTH_BEFORE.search(r.text, max(0, title.start - 30), title.start):
        return None
    name = person.text.replace("’s", "").replace("'s", "")
    if not south_spelled(name) or not seoul_story(r):
        return None
    state = fact_lexicon().home_government_cues.get("state")
    return (str(state), bisect_left(r.doc.word_starts, title.end)) if state else None


def _opening_state(r: Context, at: int, end: int) -> tuple[str, int] | None:
    """The state whose capital opens the sentence of the title at ``at`` ("In Seoul, ..."),
    with the word after the title (ending at ``end``)."""
    sentence = r.doc.sentence_at(at)
    if sentence is None:
        return None
    m = _OPENING.match(r.text, sentence.start, at)
    state = fact_lexicon().foreign_capitals.get(m.group(1)) if m else None
    if state is None:
        return None
    return state, bisect_left(r.doc.word_starts, end)


def _not_the_office(r: Context, implies: str | None, end_word: int) -> bool:
    """A role implying another state's office (``foreign_offices``) whose last word begins a
    longer name ("secretary of State Affairs Commission") is not that office; a name after it
    ("Secretary of State Mike Pompeo") is its holder."""
    doc = r.doc
    if not (
        implies in fact_lexicon().foreign_offices
        and end_word < len(doc.words)
        and doc.gap_ok[end_word - 1]
        and doc.is_cap(end_word)
    ):
        return False
    at = doc.word_starts[end_word]
    return not any(
        m.start == at for m in r.mentions_in(at, at + 80, ("person",))
    )


def _dateline_head(r: Context, title: Title) -> str | None:
    """The dateline's state (else the article's main nationality's), when the title is a bare
    (vice) president right before a person read by a foreign name's shape that can serve that
    state (``shape_states``: a Chinese name
    in a Beijing story; not a Russian name there, nor a name of no listed shape)."""
    gap = _BEFORE_NAME.match(r.text, title.end)
    after = gap.end() if gap else title.end
    person = next(
        (m for m in r.mentions_in(after, after + 60, ("person",)) if m.start == after), None
    )
    if person is None or person.entity is None:
        return None
    shape = r.reg.peek(person.entity).attrs.get("foreign_name")
    allowed = foreign_name_lists().shape_states.get(str(shape)) if shape else None
    if not allowed:
        return None
    state = dateline_state(r)
    if state is None or state not in allowed:
        # (lever L3) no dateline of his state: the state the article's nationality words name
        # most ("President Vladimir Putin" in a Seoul story on a summit in Vladivostok)
        state = main_nationality_state(r)
    if state is None or state not in allowed:
        return None
    return state if _heads_state(r, title) or _deputy_heads_state(r, title, state) else None


def _heads_state(r: Context, title: Title) -> bool:
    """The title's role words are a head of state's (``state_heads``: "President"), alone."""
    words = r.doc.words_between(title.role_span[0], title.role_span[1])
    return " ".join(r.doc.keys[words.start : words.stop]) in fact_lexicon().state_heads


def _deputy_heads_state(r: Context, title: Title, state: str) -> bool:
    """The title's role words are a deputy head of state's (``state_deputy_heads``: "Vice
    President"), alone, and ``state`` has the office (``state_deputy_head_states``)."""
    flex = fact_lexicon()
    words = r.doc.words_between(title.role_span[0], title.role_span[1])
    printed = " ".join(r.doc.keys[words.start : words.stop]).replace("-", " ")
    return (
        title.role == "vice-chairman"
        and printed in flex.state_deputy_heads
        and state in flex.state_deputy_head_states
    )


def abroad(r: Context, title: Title) -> bool:
    """A nationality word stands before the title's role ("Chinese President Hu Jintao"): it is
    another state's, and takes no DPRK organ from the context either."""
    return _nationality_before(r, title.role_span[0]) is not None


def _nationality_before(r: Context, start: int) -> tuple[str, str] | None:
    """ "Russian (Deputy) Foreign Minister", "the south Korean defence minister": the state of
    the nationality word (``foreign_nationalities``) ending right before the title at
    ``start``, and that word as printed."""
    flex, doc = fact_lexicon(), r.doc
    k = bisect_left(doc.word_starts, start)
    while k > 0 and doc.keys[k - 1] in ("vice", "deputy", "first"):
        k -= 1  # "Russian Deputy Foreign Minister"
    for size in (2, 1):
        if k - size < 0 or not all(doc.gap_ok[j] for j in range(k - size, k)):
            continue
        words = " ".join(doc.keys[k - size : k])
        printed = r.text[doc.word_starts[k - size] : doc.word_ends[k - 1]]
        if words in flex.nationality_states:
            return flex.nationality_states[words], printed
        # a possessive the keys drop ("South Korea's", "Seoul's Foreign Minister", class X)
        possessive = " ".join(printed.lower().replace("’", "'").split())
        if possessive.endswith("'s") and possessive in flex.nationality_states:
            return flex.nationality_states[possessive], printed
    return None


def _abroad(r: Context, title: Title) -> Title:
    """ "Sergei Shoigu, defence minister of the Russian Federation", "prime minister of Japan":
    a title read as the DPRK's ministry or Cabinet, followed by "of (the)" and a state of
    ``foreign_states``, is that state's organ (:func:`_state_title`), never the DPRK's."""
    if title.organ is None:
        return title
    doc = r.doc
    hit = _foreign_state_at(r, fact_lexicon(), bisect_left(doc.word_starts, title.end))
    if hit is None or _state_organ_name(r, title, hit[0]) is None:
        return title
    state, end = hit
    return replace(state_title(r, title, state, None), end=doc.word_ends[end - 1])


def state_title(r: Context, title: Title, state: str, adjective: str | None) -> Title:
    """The title re-read as ``state``'s office: a ministry the DPRK's name was read for is that
    state's ("Ministry of Foreign Affairs of Russia", also called "Russian Ministry of Foreign
    Affairs" after a nationality word), the Cabinet its government ("Government of Japan",
    ``foreign_governments``), under the state; any other organ is none (never the DPRK's)."""
    if title.organ is not None and r.reg.peek(title.organ).attrs.get("foreign_state"):
        return replace(title, post=None)  # already a state's office ("unification minister")
    name = _state_organ_name(r, title, state)
    if name is None:
        return replace(title, organ=None, organ_span=None, post=None)
    own = name.startswith("Ministry") and not _names_state(name, state)
    organ = organ_for_name(r, f"{name} of {state}" if own else name)
    drafted = r.reg.get(organ)
    drafted.attrs.setdefault("abroad", state)  # another state's organ, not the DPRK's
    if "parent" not in drafted.fields:
        drafted.fields["parent"] = Ref(organ_for_name(r, state.removeprefix("the ")))
    if adjective is not None and name.startswith("Ministry"):
        printed = " ".join(w[:1].upper() + w[1:] for w in adjective.split())
        if all(match_key(n.text) != match_key(f"{printed} {name}") for n in drafted.names):
            drafted.add_name(NameDraft(f"{printed} {name}", derived=True))
    return replace(title, organ=organ, organ_span=None, post=None)


def _names_state(name: str, state: str) -> bool:
    """The ministry's own name says its state ("Ministry for the Development of the Russian
    Far East"): no "of <state>" is added (class AE)."""
    words = {w.lower() for w in name.split()}
    return any(
        target == state and (set(word.split()) <= words)
        for word, target in fact_lexicon().nationality_states.items()
        if " " not in word and "'" not in word and "." not in word
    )


def _state_organ_name(r: Context, title: Title, state: str) -> str | None:
    """The name of ``state``'s organ for a title whose organ was read as the DPRK's: the
    ministry's name without the state (``foreign_ministries`` for the title's words, else the
    DPRK ministry's name), or the government's name for the Cabinet; none for other organs."""
    if title.organ is None:
        return None
    flex = fact_lexicon()
    entity = r.reg.peek(title.organ)
    names = [n.text for n in entity.names] or (
        [r.known.labels.get(entity.known, "")] if entity.known else []
    )
    if not names:
        return None
    if names[0] in {flex.implied_organs.get(k) for k in flex.foreign_offices}:
        return names[0]  # "U.S. Secretary of State": the office the role names already
    if names[0] == flex.implied_organs.get("premier"):
        role_words = r.doc.words_between(title.role_span[0], title.role_span[1])
        hit = flex.role_at(r.doc.keys, role_words.start) if role_words else None
        if hit is None or hit[3] != "premier":
            return None  # "a Russian cabinet minister": a member of the government, no head
        bare = state.removeprefix("the ")
        return flex.foreign_governments.get(bare) or f"Government of {state}"
    if not names[0].startswith("Ministry"):
        return None
    printed = _printed_ministry(r, title)
    if printed is not None:
        return printed
    words = " ".join(r.text[title.start : title.end].lower().split())
    return next(
        (name for key, name in flex.foreign_ministries.items()
         if re.search(rf"\b{re.escape(' '.join(key))}\b", words)),
        names[0],
    )  # fmt: skip


_PRINTED_PORTFOLIO = re.compile(
    r"minister\s+(?:of|for)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,4})"
    r"(?=\s*[,.;)]|\s*$)",
    re.I,
)
"""a foreign minister's portfolio as printed, capitalized, to the title's end: "minister of
National Defence", "minister of Foreign Trade and Investment" (class EB)"""


def _printed_ministry(r: Context, title: Title) -> str | None:
    """The ministry a foreign minister's title prints in full ("Dobri Dzhurov, minister of
    National Defence": "Ministry of National Defence", not the DPRK ministry's name the role
    was read for), when the portfolio's capitalized words run to a mark and name no person."""
    stop = re.compile(r"[,.;)\n]").search(r.text, title.role_span[0], title.end + 60)
    end = stop.start() if stop else title.end
    m = _PRINTED_PORTFOLIO.match(r.text, title.role_span[0], end)
    if m is None or m.end() < title.role_span[1]:
        return None
    if r.mentions_in(m.start(1), m.end(1), ("person",)):
        return None
    words = [w if w.lower() != "and" else "and" for w in m.group(1).split()]
    if words[0].islower() or any(w[0].islower() and w != "and" for w in words):
        return None
    return "Ministry of " + " ".join(words)


def _own_organ(r: Context, title: Title) -> Title:
    """ "Vice Chief of General Staff and Director of the Artillery Command": a role whose own
    words name its organ keeps that organ, not the one a coordinated role is followed by."""
    words = r.doc.words_between(title.role_span[0], title.role_span[1])
    hit = fact_lexicon().role_at(r.doc.keys, words.start) if words else None
    implied = fact_lexicon().implied_organs.get(hit[3] or "") if hit else None
    if hit is None or implied is None or " of " not in r.text[slice(*title.role_span)].lower():
        return title
    if _not_the_office(r, hit[3], hit[0]):
        return title
    organ = organ_for_name(r, implied, title.role_span)
    if organ == title.organ:
        return title
    return replace(title, end=title.role_span[1], organ=organ, organ_span=None, post=None)


def _of_the_whole(r: Context, mentions: list[Mention], title: Title) -> Title:
    """ "chief of the General Staff of the KPA": the organ after "of" is one the title's organ
    belongs to, and part of the title."""
    if title.organ is None:
        return title
    after = _organ_after(r, mentions, title.end)
    if after is None:
        return title
    if _ancestor(r, after[0], title.organ):
        return replace(title, end=after[1][1])
    # (class CB) "member of the Permanent Bureau of the Political Executive Committee of the
    # Central Committee of the Romanian Communist Party": a Central Committee (read as the
    # WPK's) between the organ and its own party, which the title's organ belongs to
    if not _CC_WORDS.search(r.text, after[1][0], after[1][1]):
        return title
    party = _organ_after(r, mentions, after[1][1])
    if party is None or not _ancestor(r, party[0], title.organ):
        return title
    return replace(title, end=party[1][1])


_CC_WORDS = re.compile(r"(?:Central\s+Committee|C\.\s?C\.)\s*$")


def _ancestor(r: Context, whole: str, part: str) -> bool:
    key = part
    for _ in range(8):
        entity = r.reg.peek(key)
        if entity.known:
            parent_id = r.known.organ_parent.get(entity.known)
            parent = r.reg.known(parent_id, "organ").key if parent_id else None
        else:
            ref = entity.fields.get("parent")
            parent = r.reg.resolve(ref.key) if isinstance(ref, Ref) else None
        if parent is None:
            return False
        if parent == r.reg.resolve(whole):
            return True
        key = parent
    return False


def _unnamed_department(r: Context, title: Title) -> Title:
    """ "vice department director of the WPK Central Committee": a department the text does not
    name is no organ of the title."""
    words = r.text[title.role_span[0] : title.role_span[1]].lower()
    if "department" not in words or title.organ is None:
        return title
    entity = r.reg.peek(title.organ)
    kind = r.known.organ_kind.get(entity.known or "") if entity.known else entity.attrs.get(
        "organ_kind"
    )  # fmt: skip
    return title if kind == "department" else replace(title, organ=None, post=None)


def _head(r: Context, title: Title) -> Title:
    """ "director of the National Intelligence Service": the director of an organ the lexicon
    lacks is its head, the chairman, unless the organ is a department, bureau or office (whose
    heads are directors, as the labelling guide has it: "the General Office of the CPC CC")."""
    if title.role != "director" or title.organ is None:
        return title
    entity = r.reg.peek(title.organ)
    if not entity.key.startswith("organ:new:") or not entity.names:
        return title
    head = entity.names[0].text.lower().split(" of ")[0].split()[-1]
    return title if head in ("department", "bureau", "office") else replace(title, role="chairman")


def _deputy(r: Context, title: Title) -> Title:
    """ "first vice foreign minister": the deputy of a post's holder."""
    if title.role != "chairman":
        return title
    before = _DEPUTY.search(r.text, max(0, title.start - 20), title.start)
    if before is None:
        return title
    return replace(title, start=before.start(), role="vice-chairman", post=None,
                   role_span=(before.start(), title.role_span[1]))  # fmt: skip


def _ellipses(r: Context, found: list[Title]) -> list[Title]:
    """ "recalled X from the post of vice-chairman of the Central Committee and elected Y as
    vice-chairman": a role without an organ takes the organ of the title before it in the
    sentence — not another state's ("..., State Councillor, as envoy of Chinese President
    Hu Jintao")."""
    out: list[Title] = []
    for index, title in enumerate(found):
        # "director of a department of the C.C.": of a department the text does not name
        unnamed = "department" in r.text[title.role_span[0] : title.role_span[1]].lower() or (
            _OF_UNNAMED.match(r.text, title.role_span[1]) is not None
        )
        if title.organ is None and not unnamed and not abroad(r, title):
            sentence = r.doc.sentence_at(title.start)
            before = [
                t for t in out
                if t.organ is not None and sentence is not None and t.start >= sentence.start
            ]  # fmt: skip
            after = [
                t for t in found[index + 1 :]
                if t.organ is not None and sentence is not None and t.end <= sentence.end
                and _GAPPED.fullmatch(r.text, title.end, t.start)
            ]  # fmt: skip
            fronted = _fronted_organ(r, sentence.start) if sentence is not None else None
            if fronted is not None:
                # "On the National Defense Commission, Jo Myong Rok, director of the GPB, was
                # elected first vice chairman": the organ the sentence opens with
                title = replace(title, organ=fronted, post=post_for(r, title.role, fronted))
            elif before or after:
                organ = (before[-1] if before else after[0]).organ
                post = post_for(r, title.role, organ) if organ else None
                title = replace(title, organ=organ, post=post)
        out.append(title)
    return out


_OF_UNNAMED = re.compile(r"\s+of\s+(?:a|one|another)\s+(?:department|bureau)\b", re.I)
_FRONTED = re.compile(r"\s*(?:On|In|For|To|At)\s+(?:the\s+)?")


def _fronted_organ(r: Context, start: int) -> str | None:
    """The organ a sentence opens with, set off by a comma: "On the NDC, ..."."""
    lead = _FRONTED.match(r.text, start)
    if lead is None:
        return None
    m = r.mentions.at(lead.end(), None, ("organ",))
    if m is None or m.start != lead.end() or not m.entity:
        return None
    if not re.match(r"\s*,", r.text[m.end : m.end + 3]):
        return None
    return organ_of(r, m)


_AND = re.compile(r"\s+and\s+(?:(?:a|an|the)\s+)?")


def _shared_organ(r: Context, found: list[Title], end: int) -> tuple[str, tuple[int, int]] | None:
    """ "secretary and department director of the WPK Central Committee": a role joined to a
    post read before (its organ after "of") is of that post's organ; the department the post
    leaves unnamed is the post's own matter (:func:`_unnamed_department`)."""
    joined = _AND.match(r.text, end)
    if joined is None:
        return None
    for t in found:
        if t.start == joined.end() and t.organ and " of " in r.text[t.start : t.end]:
            return t.organ, t.organ_span or (t.start, t.end)
    return None


def _verb_words(r: Context) -> set[int]:
    """Role words used as verbs ("who heads the department", "she now commands ...")."""
    keys = r.doc.keys
    return {k for k in range(1, len(keys)) if keys[k - 1] in _SUBJECTS and keys[k] in _VERBS}


def _covered_words(r: Context, mentions: list[Mention], kinds: tuple[str, ...]) -> set[int]:
    out: set[int] = set()
    for m in mentions:
        if m.kind in kinds:
            out.update(r.doc.words_between(m.start, m.end))
    return out


def _foreign_state_at(r: Context, flex: FactLexicon, k: int) -> tuple[str, int] | None:
    """ "of (the) Russian Federation" at word ``k``: the state's name and the word after it."""
    doc, n = r.doc, len(r.doc.words)
    if not (k < n and doc.keys[k] == "of"):
        return None
    begin = k + 2 if k + 1 < n and doc.keys[k + 1] == "the" else k + 1
    for words, name in flex.foreign_states:
        end = begin + len(words)
        if tuple(doc.keys[begin:end]) == words and all(doc.gap_ok[j] for j in range(k, end - 1)):
            return ("the " if begin > k + 1 else "") + name, end
    return None


def _ministry(
    r: Context, flex: FactLexicon, first: int, last: int
) -> tuple[str, tuple[int, int], str | None] | None:
    """The ministry of a minister: "Foreign Minister" (words before; "Vice Foreign Minister":
    a deputy), "Minister of Foreign Affairs" (words after)."""
    doc = r.doc
    n = len(doc.words)
    for size in (3, 2, 1):
        start = first - size
        if start < 0:
            continue
        name = flex.ministries.get(tuple(doc.keys[start:first]))
        if name is not None and all(doc.gap_ok[k] for k in range(start, first)):
            modified = None
            before = doc.keys[max(0, start - 2) : start]
            if before and before[-1] in ("vice", "deputy"):
                modified = "vice-chairman"
                start -= 2 if len(before) == 2 and before[0] == "first" else 1
            span = (doc.word_starts[start], doc.word_ends[first - 1])
            return organ_for_name(r, name, span), span, modified
    named = _capitalized_ministry_before(r, flex, first)
    if named is not None:
        return named
    if last < n and doc.keys[last] in ("of", "for"):
        begin = last + 1
        the = begin < n and doc.keys[begin] == "the"
        if the:
            begin += 1
        for size in (3, 2, 1):
            words = tuple(doc.keys[begin : begin + size])
            name = flex.ministries.get(words)
            if name is not None and len(words) == size:
                span = (doc.word_starts[begin], doc.word_ends[begin + size - 1])
                return organ_for_name(r, name, span), span, None
        # "Minister of Electronics Industry": the ministry of the capitalized words after "of".
        stop = begin
        while (
            stop < n
            and stop - begin < 5
            and doc.is_cap(stop)
            and (stop == begin or doc.gap_ok[stop - 1])
        ):
            stop += 1
        if stop > begin:
            stop = _ministry_name_and(r, flex, stop)
        lower = stop == begin
        if lower:
            # "minister of metal industry" (wire copy): lower-case words ending in a ministry's
            # head word
            stop = next(
                (k + 1 for k in range(begin, min(n, begin + 4))
                 if doc.keys[k] in flex.ministry_heads
                 and all(doc.keys[j].isalpha() for j in range(begin, k + 1))
                 and all(doc.gap_ok[j] for j in range(begin, k))),
                begin,
            )  # fmt: skip
        if stop > begin:
            if lower or doc.keys[begin] != "ministry":  # not "of the Ministry of X"
                stop = _ministry_name_goes_on(r, stop)
            span = (doc.word_starts[begin], doc.word_ends[stop - 1])
            words_text = " ".join(
                w if w[:1].isupper() or w in _NAME_LINKS else w.capitalize()
                for w in r.text[span[0] : span[1]].split()
            )
            link = "for the" if doc.keys[last] == "for" and the else doc.keys[last]
            return organ_for_name(r, f"Ministry {link} {words_text}", span), span, None
    return None


def _capitalized_ministry_before(
    r: Context, flex: FactLexicon, first: int
) -> tuple[str, tuple[int, int], str | None] | None:
    """ "Russian Natural Resources Minister Alexander Kozlov": capitalized words before
    "Minister" ending in a ministry's head word (``ministry_heads``) name its ministry, which
    the lexicon lacks (class AE; without it the minister took the ministry another title of
    the sentence before had named)."""
    doc = r.doc
    start = first
    while (
        start > 0
        and first - start < 3
        and doc.gap_ok[start - 1]
        and doc.is_cap(start - 1)
        and not doc.is_allcaps(start - 1)
        and doc.keys[start - 1] not in fact_lexicon().nationality_states
        and doc.keys[start - 1] not in _DEPUTY_WORDS
        and doc.words[start - 1].isalpha()
    ):
        start -= 1
    if start == first:
        return None
    modified, begin = None, start
    while begin > 0 and doc.keys[begin - 1] in _DEPUTY_WORDS and doc.gap_ok[begin - 1]:
        begin -= 1
        modified = "vice-chairman" if doc.keys[begin] != "first" else modified
    # (lever L3) "Russian Energy Minister Sergei Shmatko": after a nationality word any
    # capitalized portfolio names the state's ministry; else it ends in a ministry's head word
    national = begin > 0 and _nationality_before(r, doc.word_starts[begin]) is not None
    if doc.keys[first - 1] not in flex.ministry_heads and not national:
        return None
    if not national:
        modified, begin = None, start
    span = (doc.word_starts[start], doc.word_ends[first - 1])
    words = " ".join(r.text[span[0] : span[1]].split())
    full = (doc.word_starts[begin], span[1])
    return organ_for_name(r, f"Ministry of {words}", span), full, modified


_DEPUTY_WORDS = frozenset({"vice", "deputy", "first"})


_NAME_LINKS = frozenset({"of", "the", "and", "for"})
_NOT_COORDINATED = frozenset({"a", "an", "the", "his", "her", "its", "their", "was", "is", "who"})


def _post_closes(
    found: list[Title],
    start: int,
    role: tuple[int, str, bool, str | None],
    group: list[tuple[tuple[int, int], str, bool, str | None, int, int]],
) -> bool:
    """A post title found before begins at ``start`` with ``role``'s words, and the roles of
    ``group`` take no organ of their own (a bare role, or a minister's rank before a minister)."""
    if not any(t.start == start and t.role_span[0] == start and t.organ for t in found):
        return False
    return all(
        implies is None or (implies == "minister" and role[3] == "minister")
        for _, _, _, implies, _, _ in group
    )


def _ministry_name_and(r: Context, flex: FactLexicon, stop: int) -> int:
    """(lever L6) "minister of Land and Environment Protection", "Minister of Posts and
    Telecommunications": capitalized words joined by "and" are one ministry's name, unless what
    follows "and" is a name, a role ("Minister of Finance and Vice-Premier ...") or an organ."""
    doc, n = r.doc, len(r.doc.words)
    if not (
        stop + 1 < n
        and doc.keys[stop] == "and"
        and doc.gap_ok[stop - 1]
        and doc.gap_ok[stop]
        and doc.is_cap(stop + 1)
        and flex.role_at(doc.keys, stop + 1) is None
        and not r.mentions_in(doc.word_starts[stop + 1], doc.word_ends[stop + 1] + 1)
    ):
        return stop
    end = stop + 1
    while end + 1 < n and end - stop < 3 and doc.gap_ok[end] and doc.is_cap(end + 1):
        end += 1
    return end + 1


def _ministry_name_goes_on(r: Context, stop: int) -> int:
    """Where a ministry's name read up to word ``stop`` ends (class AE): a second head joined
    by "and" right before a stop ("minister of natural resources and ecology,"), and the
    capitalized place after "of" ("minister for the development of the Far East and the
    Arctic")."""
    doc, n = r.doc, len(r.doc.words)
    if (
        stop + 1 < n
        and doc.keys[stop] == "and"
        and doc.gap_ok[stop - 1]
        and doc.gap_ok[stop]
        and doc.words[stop + 1].isalpha()
        and doc.words[stop + 1].islower()
        and doc.keys[stop + 1] not in _NOT_COORDINATED
        and (stop + 2 >= n or not doc.gap_ok[stop + 1])
    ):
        return stop + 2
    if stop + 1 < n and doc.keys[stop] == "of" and doc.gap_ok[stop - 1] and doc.gap_ok[stop]:
        k = stop + 1
        if doc.keys[k] == "the" and k + 1 < n and doc.gap_ok[k]:
            k += 1
        end = k
        while end < n and doc.is_cap(end) and end - k < 8:
            nxt = end + 1
            if nxt < n and doc.gap_ok[end] and doc.is_cap(nxt):
                end = nxt
                continue
            if (
                nxt + 1 < n
                and doc.gap_ok[end]
                and doc.keys[nxt] == "and"
                and doc.gap_ok[nxt]
            ):
                after = nxt + 1
                if doc.keys[after] == "the" and after + 1 < n and doc.gap_ok[after]:
                    after += 1
                if doc.is_cap(after):
                    end = after
                    continue
            end += 1
            break
        if end > k and doc.is_cap(k):
            return end
    return stop


def _ministry_before(
    r: Context, found: list[Title], span: tuple[int, int]
) -> tuple[str, tuple[int, int], str | None] | None:
    """ "Jon Hyon Chol, the minister of electronic industry, has been dismissed. O Chol Su, a
    vice minister, has been acting as minister": a minister without a ministry is of the
    ministry a title of this sentence or the one before named (the span stays the role's)."""
    sentence = r.doc.sentence_at(span[0])
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    start = r.doc.sentences[index - 1].start if index else sentence.start
    for title in reversed(found):
        if title.start < start or title.organ is None or title.organ_span is None:
            continue
        names = r.reg.peek(title.organ).names
        if names and names[0].text.startswith("Ministry of") and title.start < span[0]:
            return title.organ, span, None
    return None


def _ministry_of(
    r: Context, flex: FactLexicon, found: list[Title], span: tuple[int, int],
    words: tuple[int, int],
) -> tuple[str, tuple[int, int], str | None] | None:
    """The ministry of a minister: named with the role, else by "its" after a ministry the
    sentence names, else by a title just before."""
    return (
        _ministry(r, flex, *words)
        or _its_ministry(r, flex, span)
        or _ministry_before(r, found, span)
    )


_ITS = re.compile(r"\bits\s+(?:new\s+)?$")
_MINISTRY_NAMED = re.compile(
    r"\bMinistry of (?:the )?(?P<after>[A-Z][\w'’-]*(?: (?:and )?[A-Z][\w'’-]*){0,4})"
    r"|\b(?P<before>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}) Ministry\b"
)


def _its_ministry(
    r: Context, flex: FactLexicon, span: tuple[int, int]
) -> tuple[str, tuple[int, int], str | None] | None:
    """ "He was transferred to the Ministry of Electric Power as its minister", "moved to the
    Metal Industry Ministry as its minister": "its" before a bare minister is the ministry the
    sentence named last before it, in prose with no organ mention of its own (the title's span
    stays the role's)."""
    sentence = r.doc.sentence_at(span[0])
    if sentence is None or not _ITS.search(r.text, sentence.start, span[0]):
        return None
    named = list(_MINISTRY_NAMED.finditer(r.text, sentence.start, span[0]))
    if not named:
        return None
    last = named[-1]
    if last.group("after"):
        name = f"Ministry of {last.group('after')}"
        at = last.span("after")
    else:
        words = last.group("before")
        at = last.span("before")
        known = flex.ministries.get(name_words(words))
        if known is None and name_words(words)[-1] not in flex.ministry_heads:
            return None  # "the Russian Foreign Ministry": no DPRK ministry of "Russian Foreign"
        name = known or f"Ministry of {words}"
    return organ_for_name(r, name, at), span, None


def _organ_after(
    r: Context, mentions: list[Mention], end: int
) -> tuple[str, tuple[int, int]] | None:
    """The organ named right after a role: "of the Political Bureau", "to the 14th SPA"."""
    link = _LINK.match(r.text, end)
    if not link:
        return None
    position = link.end()
    ruling = _RULING.match(r.text, position)  # "of the ruling Workers' Party of Korea"
    if ruling and not any(
        m.start == position and m.entity and m.kind in ("organ", "post") for m in mentions
    ):  # "of the DPRK Cabinet" is the name
        position = ruling.end()
    ordinal = _ORDINAL.match(r.text, position)
    if ordinal:
        position = ordinal.end()
    modified = reference_words().modified.match(r.text, position)
    if modified and any(m.start == modified.end() and m.kind == "organ" for m in mentions):
        position = modified.end()  # "chairman of a newly created Economic Policy Commission"
    named = any(m.start == position and m.entity and m.kind in ("organ", "post") for m in mentions)
    bare_cc = _BARE_CC.match(r.text, position)
    if bare_cc and not named:
        # "alternate members of the C.C.": KCNA's Central Committee, without ", WPK"
        span = (position, bare_cc.end())
        return organ_for_name(r, "WPK Central Committee", span), span
    for index, m in enumerate(mentions):
        if m.start == position and m.entity and m.kind in ("organ", "post"):
            # "of the KWP Propaganda and Agitation Department": the last organ of a chain.
            end, chain = m.end, [m]
            while index + 1 < len(mentions):
                following = mentions[index + 1]
                gap = r.text[end : following.start].strip()
                bracketed = _BRACKETED.match(r.text, end)
                if bracketed and _abbreviates(bracketed.group(0), r.text[m.start : end]):
                    # "of the Korean People's Army (KPA) General Political Bureau", not "of the
                    # International Department of the Workers' Party of Korea (WPK) Central
                    # Committee" (the department's name ends in the party's)
                    skip = next(
                        (
                            k for k in range(index + 1, min(index + 4, len(mentions)))
                            if mentions[k].start == bracketed.end()
                        ),
                        None,
                    )  # fmt: skip
                    if skip is not None and mentions[skip].kind == "organ":
                        following, index, gap = mentions[skip], skip - 1, ""
                if (
                    following.kind != "organ"
                    or not following.entity
                    or following.start < end  # inside it ("the city party committee")
                    or gap not in ("", "'s", "’s")
                ):  # "of the KWP Propaganda ...", "of the assembly's Presidium"
                    break
                m, end, index = following, following.end, index + 1
                chain.append(m)
            organ = chain_organ(r, chain) if len(chain) > 1 else organ_of(r, m)
            return (organ, (position, end)) if organ else None
        if m.start > position:
            break
    return None


_BRACKETED = re.compile(r" ?[(\[][A-Z]{2,6}[)\]] ")
"""an abbreviation in brackets between two organs' names, "(KPA)", "[KPA]" (class CH)"""


def _abbreviates(bracket: str, name: str) -> bool:
    """Whether the bracketed abbreviation is the initials of the whole name before it ("(KPA)"
    after "Korean People's Army", "(WPK)" after "Workers' Party of Korea")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))
    return bracket.strip(" ()[]") == initials

_BARE_CC = re.compile(r"C\.\s?C\.(?!,?\s*(?:WPK|KWP)\b)")
"""KCNA's "the C.C." (the party's Central Committee), when no ", WPK" follows"""

# "elected vice-president and Jong Yong Guk secretary general of the Standing Committee".
# "... first vice-chairman and Kim Il Chol and Ri Yong Mu vice-chairmen of the NDC"
_NAME = r"[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){1,3}"
_GAPPED = re.compile(rf"\s*(?:,\s*)?and\s+{_NAME}(?:\s*(?:,\s*|,?\s+and\s+){_NAME})*\s+")



_PARTY_BEFORE = re.compile(r"\bparty(?:’s|'s)?\s+$", re.I)
_THEN = frozenset({"then", "later", "subsequently", "eventually", "acting"})
"""words between "and" and the next role of a group: "vice-minister and then minister of X",
"first vice minister and acting minister of X" (an acting term is held)"""
_AND_OF = re.compile(r"\s*,?\s*and\s+of\b", re.I)
_AND_THE = re.compile(
    r"\s*,\s*(?:and\s+(?:of\s+)?)?(?:the\s+)?|\s+and\s+(?:of\s+)?(?:the\s+)?", re.I
)


def _organs_after(
    r: Context, mentions: list[Mention], end: int, shared_only: bool = False
) -> list[tuple[str, tuple[int, int]]]:
    """ "a member of the Politburo, the PB Presidium and the CMC": the organs after a title's,
    each the same role in it (a list ending in "and": "..., the KCNA said" is no organ of it);
    "a member of the NDC and of the party's CMC": "of" repeated says the role is shared.
    ``shared_only``: only organs after "and of" (a post's title: "director of the PAD and the
    OGD officials" is no list)."""
    out: list[tuple[str, tuple[int, int]]] = []
    last_link = ""
    while (link := _AND_THE.match(r.text, end)) is not None:
        if shared_only and not _AND_OF.match(link.group(0)):
            break
        at = link.end()
        ruling = _RULING.match(r.text, at)  # "and of the ruling party's Central Committee"
        last = ruling.end() if ruling else at
        m = next((m for m in mentions if at <= m.start <= last and m.entity), None)
        if m is None or m.kind != "organ":
            break
        organ = organ_of(r, m)
        if organ is None:
            break
        # the title's span: from "of" when the role is repeated by it ("and of the ruling
        # party's Central Committee": one title, as "T and T"), else from "ruling", "party's"
        shared = _AND_OF.match(link.group(0))
        first = link.start() + shared.end() - 2 if shared else min(at, m.start)
        out.append((organ, (first, m.end)))
        end, last_link = m.end, link.group(0)
    return out if re.search(r"\band\b", last_link, re.I) else []


_THE_PARTYS = re.compile(r"\bthe\s+(?:ruling\s+)?party(?:’s|'s)\s+$", re.I)


def _the_partys(r: Context, start: int) -> tuple[str, tuple[int, int]] | None:
    """ "Kim Jong Un, the party's general secretary": the party of the text (the Workers' Party
    when it names none)."""
    m = _THE_PARTYS.search(r.text, max(0, start - 40), start)
    if m is None:
        return None
    party = r.main_party or standing_organ(r, "wpk")
    return r.reg.resolve(party), (m.start(), m.end())


_BARE_PARTY = re.compile(
    r"(?:^|[,(:;]\s*|\b(?:a|an|another|both|all|two|three|four|five|other|senior|veteran|"
    r"former|then|powerful|influential|longtime|long-time)\s+)(?:ruling\s+)?party\s+$",
    re.I,
)
_NOT_BARE_AFTER = re.compile(r"\s+(?:of|at|in|for|from)\b|[’']s\b", re.I)


def _bare_party_secretary(
    r: Context, role: str, span: tuple[int, int]
) -> tuple[str, tuple[int, int]] | None:
    """ "Kim Ki Nam, a party secretary", "A and B, both party secretaries", "X, another party
    secretary": a bare "party secretary" is a secretary of the party's Central Committee (class
    CC). Not "the party secretary of the complex" (a job in an enterprise: "of", "at", "in"
    after it), nor "the county party secretary" (a local committee's word before "party")."""
    if role != "secretary":
        return None
    m = _BARE_PARTY.search(r.text, max(0, span[0] - 40), span[0])
    if m is None or _NOT_BARE_AFTER.match(r.text, span[1]):
        return None
    party = r.main_party or standing_organ(r, "wpk")
    start = r.text.lower().rindex("party", m.start(), span[0])
    ruling = r.text.lower().rfind("ruling", m.start(), start)
    return r.reg.resolve(party), (ruling if ruling >= 0 else start, span[0] - 1)


def _leaders_party(
    r: Context, mentions: list[Mention], role: str, span: tuple[int, int]
) -> tuple[str, tuple[int, int]] | None:
    """ "General Secretary Kim Jong Un": the capitalized title right before a name, with no
    organ, is the Workers' Party's general secretary (a foreign name's is dropped as no office
    of the DPRK's). Not "a general secretary" in lower case, nor one before no name (class
    S)."""
    if role != "general-secretary" or not r.text[span[0] : span[0] + 1].isupper():
        return None
    after = re.match(r"[ \t]+", r.text[span[1] : span[1] + 3])
    at = span[1] + (after.end() if after else 0)
    if after is None or not any(
        m.kind == "person" and m.start == at for m in mentions if span[1] <= m.start <= at
    ):
        return None
    return r.reg.resolve(standing_organ(r, "wpk")), span


def _organ_before(
    r: Context, mentions: list[Mention], start: int
) -> tuple[str, tuple[int, int]] | None:
    """ "WPK Vice Chairman": the organ named right before the role (spaces or "’s" between)."""
    for m in reversed(mentions):
        if m.end > start:
            continue
        if m.kind == "organ" and m.entity and re.fullmatch(r"(?:’s|'s)?\s+", r.text[m.end : start]):
            return r.reg.resolve(m.entity), (m.start, m.end)
        break
    return None


def _post_title(r: Context, post: Mention) -> Title | None:
    following = r.mentions.at(post.end + 1)
    if (
        following is not None
        and following.kind == "organ"
        and not r.text[post.end : following.start].strip()
    ):
        return None  # "vice-director of the KWP Propaganda and Agitation Department"
    if any(post.start < s < post.end < e for s, e, _ in r.organ_refs):
        return None  # "chief secretary of the party committee of Kangwon Province": the longer
    if " of " not in f" {post.text.lower()} " and _organ_after(r, list(r.mentions), post.end):
        return None  # "Premier of the Administration Council": the organ the text names
    entity = r.reg.peek(post.entity)  # type: ignore[arg-type]
    if entity.known:
        known = r.known.post_roles.get(entity.known)
        if not known:
            return None
        organ_key = r.reg.known(known[0], "organ").key
        role = known[1]
    else:
        organ = entity.fields.get("organ")
        role = entity.fields.get("role", "")
        if not isinstance(organ, Ref) or not role:
            return None
        organ_key = r.reg.resolve(organ.key)
    key: str | None = r.reg.resolve(post.entity)  # type: ignore[arg-type]
    plural = bool(re.search(r"(?:ies|s|men)\b", post.text.split(" of ")[0]))
    if role in ("secretary", "vice-chairman"):
        committee = _central_committee(r, organ_key, role)
        if committee != organ_key:  # "KWP secretary": a secretary of the Central Committee
            organ_key, key = committee, post_for(r, role, committee)
    return Title(post.start, post.end, role, organ_key, (post.start, post.end), None, key, plural)


def _central_committee(r: Context, organ: str, role: str) -> str:
    """ "KWP secretary", "a vice chairman of the WPK": of the party's Central Committee; "a
    Political Bureau member and secretary": the secretary is the Central Committee's too, as is
    the secretary of "a party secretary and director of the Economic Department" (class S)."""
    entity = r.reg.peek(organ)
    kind = r.known.organ_kind.get(entity.known or "") if entity.known else entity.attrs.get(
        "organ_kind"
    )  # fmt: skip
    if kind in ("political-bureau", "department") and role == "secretary":
        parent = entity.fields.get("parent")
        known_parent = r.known.organ_parent.get(entity.known) if entity.known else None
        if known_parent:
            return r.reg.known(known_parent, "organ").key
        return r.reg.resolve(parent.key) if isinstance(parent, Ref) else organ
    if kind != "party":
        return organ
    if entity.known:
        for rid, parent in r.known.organ_parent.items():
            if parent == entity.known and r.known.organ_kind.get(rid) == "central-committee":
                return r.reg.known(rid, "organ").key
        return organ
    for other in r.reg.of_kind("organ"):
        parent = other.fields.get("parent")
        if (
            other.attrs.get("organ_kind") == "central-committee"
            and isinstance(parent, Ref)
            and r.reg.resolve(parent.key) == r.reg.resolve(organ)
        ):
            return other.key
    if entity.attrs.get("standing") == "wpk":
        return standing_organ(r, "wpk-cc")  # organs.yaml's, when the text names none
    return organ


def _title(
    r: Context,
    start: int,
    end: int,
    role: str,
    organ: str,
    role_span: tuple[int, int],
    organ_span: tuple[int, int] | None,
    plural: bool,
    implies: str | None = None,
) -> Title:
    if role in ("secretary", "vice-chairman"):
        organ = _central_committee(r, organ, role)
    graded = (
        _GRADE.search(r.text, max(0, organ_span[0] - 16), organ_span[0])
        if role == "member" and organ_span and organ_span[1] <= role_span[0]
        else None
    )
    if graded:
        # "an alternate Politburo member": the grade before the organ's name is the role's
        role, start = "alternate-member", min(start, graded.start())
    if role in ("chairman", "vice-chairman") and re.match(
        r"(?:(?:first\s+)?(?:vice|deputy)[\s-]+)?(?:head|chief)\b", r.text[role_span[0] :], re.I
    ):
        # "head of the United Front Department": the director of a department or bureau
        entity = r.reg.peek(organ)
        kind = r.known.organ_kind.get(entity.known or "") if entity.known else entity.attrs.get(
            "organ_kind"
        )  # fmt: skip
        if kind == "department" or (kind is None and re.search(r"(?:Department|Bureau)\s*$",
                                                              r.text[:end])):  # fmt: skip
            role = {"chairman": "director", "vice-chairman": "vice-director"}[role]
    role = role_in_organ(r, role, organ)  # "chairman of the X County Party Committee"
    post = post_for(r, role, organ)
    if post is None and implies in _NAMED_POSTS and role == "chairman" and not plural:
        post = _named_post(r, role, organ, start, end)
    return Title(start, end, role, organ, role_span, organ_span, post, plural)


_GRADE = re.compile(r"\b(?:alternate|candidate)\s+$", re.I)

_NAMED_POSTS = frozenset({"premier", "minister", "general-staff"})
"""What a role's second word in facts.yaml (``roles``) says of an office with a name of its
own: the head of the Cabinet is the Premier, of a ministry its Minister, of the General Staff
its Chief."""


def _named_post(r: Context, role: str, organ: str, start: int, end: int) -> str:
    """The post a title names when the data folder has none: "Premier", "Foreign Minister",
    "Chief of the KPA General Staff" is the office of the organ's head, drafted as a post
    named as printed (one per organ and role, as the posts pass drafts them), so that a folder
    started empty gets the same posts a curated one has."""
    organ = r.reg.resolve(organ)
    post = r.reg.add(Entity(f"post:{role}:{organ}", "post"))
    if "organ" not in post.fields:
        post.fields.update({"organ": Ref(organ), "role": role})
    surface = " ".join(r.text[start:end].split())
    surface = re.sub(r"^(?:the|a|an)\s+", "", surface, flags=re.I)
    if surface and surface[0].isupper() and not post.names:
        post.add_name(NameDraft(surface, system="en", spans=[(end - len(surface), end)]))
        post.note(f"“{surface}”", (start, end))
    return post.key


def post_for(r: Context, role: str, organ: str) -> str | None:
    """The post of ``role`` in ``organ``, when the data folder has one (a record or a pending
    draft): "Premier" is the chairman of the Cabinet. Other titles are role and organ."""
    entity = r.reg.peek(organ)
    if entity.known:
        post_id = r.known.posts_by_organ.get((entity.known, role))
        if post_id:
            return r.reg.known(post_id, "post").key
    return None


def organ_for_name(r: Context, name: str, span: tuple[int, int] | None = None) -> str:
    """The organ called ``name``: a standing organ (``organs.yaml``: the data folder's record by
    any of its names, else a complete draft), a foreign state or office (``states.yaml``, the
    same way), else a record or draft with that name, else a new state organ ("Ministry of
    Electronics Industry")."""
    standing = gazetteer().find(name)
    if standing is not None:
        return standing_organ(r, standing.id)
    foreign = foreign_organ_named(r, name, span)
    if foreign is not None:  # a foreign state or office by any of its names (states.yaml)
        return foreign
    existing = existing_organ(r, name)
    if existing is not None:
        return existing
    key = match_key(name)
    entity = r.reg.add(Entity("organ:implied:" + key, "organ"))
    entity.attrs.setdefault("organ_kind", "state-organ")
    printed = span is not None and match_key(r.text[span[0] : span[1]]) == key
    entity.add_name(NameDraft(name, kind="preferred", derived=not printed,
                              spans=[span] if printed and span else []))  # fmt: skip
    if span is not None:
        entity.note(f"named by “{' '.join(r.text[span[0] : span[1]].split())}”", span)
    return entity.key
