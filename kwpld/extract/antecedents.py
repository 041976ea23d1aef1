"""Facts whose parts are spread over more than one phrase or sentence (issue 15): a post
referred to, not named ("Kim Chang Sop was appointed to the post", "elected in his place"), the
people of an announcement listed after it ("Seven new members were elected. They are A, B and
C."; "... were elected vice-chairmen:" and a list of lines), and "Deputy" before a name in a
report of the Supreme People's Assembly ("recalled Deputy Kim Yong Il").

Two passes around :mod:`~kwpld.extract.holdings`, with the words of the ``antecedents``
block of ``facts.yaml``. Before it, :func:`referred_posts` gives "the post" the title it stands
for and :func:`deputy_prefixes` takes "Deputy" out of the titles a name is read with, so the
holding patterns read "X was appointed to the post" and "elected Deputy Y as premier" as they
read "X was appointed premier". After it, :func:`antecedents` drafts what no one sentence
states: the announced lists and the deputies' seats. A fact is drafted only where the
antecedent is plain: one post in the nearest sentence that names one, an announcement that
names no one, a list right after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..names import match_key
from ..reading.document import Sentence
from ..reading.entities import Mention
from ..reading.facts import Fact, FactSpan, Title, antecedent_words, fact_lexicon
from ..reading.gazetteer import gazetteer
from ..reading.sentences import SentenceView
from ..reading.state import Context, Found
from .facts_common import (
    event_of,
    fact_dates,
    holding_dates,
    in_headline,
    sentence_view,
    status_of,
)
from .titles import post_for

__all__ = ["antecedents", "deputy_prefixes", "names_line", "referred_posts"]

_SEATS = ("member", "alternate-member")
"""roles that are seats, not posts: "appointed to the post" never means one"""
_BACK = 3
"""how many sentences of the paragraph before a reference are searched for its antecedent"""


def _phrases_at(r: Context, phrases: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    """Spans of the text where one of ``phrases`` (folded words) is written."""
    keys = r.doc.keys
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:  # in order: the first phrase that fits a word wins, as listed
        if words:
            by_first.setdefault(words[0], []).append(words)
    out = []
    for i, key in enumerate(keys):
        for words in by_first.get(key, ()):
            if tuple(keys[i : i + len(words)]) == words:
                out.append((r.doc.word_starts[i], r.doc.word_ends[i + len(words) - 1]))
                break
    return out


# -- before holdings: "the post", "in his place" ----------------------------------------------


def referred_posts(r: Context) -> Found:
    """ "The meeting discussed the post of Premier. Pak Thae Song was appointed to the post.":
    "the post" is a title of its own, the Premier's; "elected O Su Yong a member in his place"
    (after "recalled Ri Man Gon from the SAC"): a member of the SAC."""
    words = antecedent_words()
    titles = list(r.person_titles)
    cues = [(s, e, False) for s, e in _phrases_at(r, words.posts)]
    cues += [(s, e, True) for s, e in _phrases_at(r, words.places)]
    for start, end, place in sorted(cues):
        if in_headline(r, start) or any(t.start < end and start < t.end for t in titles):
            continue
        follow = re.match(r"\s+(of|as|in)\b\s*", r.text[end : end + 8])
        dated = follow is not None and follow.group(1) == "in" and (
            r.date_at(end + follow.end()) is not None
        )  # (class BB) "returned to the post in April 2013": the post named before
        if not place and follow and not dated:
            continue  # "the post of Premier" is a title the titles pass read
        limit = _clause_start(r, start)
        bare = next(
            (i for i, t in enumerate(titles)
             if t.organ is None and t.end <= start and not r.text[t.end : start].strip()),
            None,
        )  # fmt: skip
        if place and bare is not None:
            organ = _organ_before(r, titles, limit)
            if organ is not None:
                titles[bare] = replace(titles[bare], organ=organ[0], organ_span=organ[1])
            continue
        antecedent = _own_title_before_who(r, titles, limit, start) or _title_before(
            r, titles, limit, seats=place
        )
        if antecedent is not None:
            titles.append(
                Title(start, end, antecedent.role, antecedent.organ, antecedent.role_span,
                      antecedent.organ_span, antecedent.post)
            )  # fmt: skip
    titles += _plural_posts(r, titles)
    if titles != r.person_titles:
        r.person_titles = sorted(titles, key=lambda t: (t.start, t.end))
    return r.found()


_WHO_CLAUSE = re.compile(r"\s*,\s*who\s+(?:[a-z]+\s+){1,4}$")
"""(", who had been named to ": between a title in apposition and "the post")"""


def _own_title_before_who(
    r: Context, titles: list[Title], limit: int, start: int
) -> Title | None:
    """(class CH) "Ri Yong Sik, minister of Fisheries, who had been named to the post last
    year": in a "who" clause right after a person's title in apposition, "the post" is that
    title (not a post of the sentence before)."""
    for title in reversed(titles):
        if title.end > start or title.start < limit:
            continue
        if title.organ is not None and _WHO_CLAUSE.fullmatch(r.text, title.end, start):
            return title
        return None
    return None


def _plural_posts(r: Context, titles: list[Title]) -> list[Title]:
    """ "relieved Kim Il Chol of his posts as vice-premier ... and chairman of ... and
    appointed Pak Jong Gun to the posts": "the posts" is each post of the nearest text before
    the clause that names posts (``plural_posts``), when it names more than one."""
    out: list[Title] = []
    for start, end in _phrases_at(r, antecedent_words().plural_posts):
        if in_headline(r, start) or any(t.start < end and start < t.end for t in titles):
            continue
        if re.match(r"\s+(?:of|as)\b", r.text[end : end + 4]):
            continue  # "the posts of ..." are titles the titles pass read
        for back_start, back_end in _sentences_back(r, _clause_start(r, start)):
            found = [
                t for t in titles
                if back_start <= t.start and t.end <= back_end and t.organ is not None
                and t.role not in _SEATS
            ]  # fmt: skip
            if found:
                if len({(t.organ, t.role) for t in found}) > 1:
                    out += [
                        Title(start, end, t.role, t.organ, t.role_span, t.organ_span, t.post)
                        for t in found
                    ]
                break
    return out


def _clause_start(r: Context, offset: int) -> int:
    """Where the clause of a reference at ``offset`` opens: at the last person named before it
    in its sentence ("Y, a vice-premier, was appointed to the post": Y's titles are not the
    post), else at the reference."""
    sentence = r.doc.sentence_at(offset)
    if sentence is None:
        return offset
    people = r.mentions_in(sentence.start, offset, ("person",))
    return people[-1].start if people else offset


def _sentences_back(r: Context, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the text a reference at ``limit`` may point back to: its sentence up to
    ``limit``, then up to :data:`_BACK` sentences before it in its paragraph, nearest first."""
    sentence = r.doc.sentence_at(limit)
    if sentence is None:
        return []
    index = r.doc.sentences.index(sentence)
    out = [(sentence.start, limit)]
    for before in reversed(r.doc.sentences[max(0, index - _BACK) : index]):
        if before.block != sentence.block:
            break
        out.append((before.start, before.end))
    return out


def _title_before(r: Context, titles: list[Title], limit: int, *, seats: bool) -> Title | None:
    """The post (or, with ``seats``, the seat) a reference points back to: in the nearest text
    that names one, the one a change or "post of" names ("relieved as director of ...",
    "the post of Premier"), else the only one; two of them and none changed: none."""
    for start, end in _sentences_back(r, limit):
        found = [
            t for t in titles
            if start <= t.start and t.end <= end and t.organ is not None
            and (seats or t.role not in _SEATS)
        ]  # fmt: skip
        if not found:
            if any(start <= t.start and t.end <= end and t.role not in _SEATS for t in titles):
                return None  # "chairman" of an organ the text leaves unsaid: not further back
            continue
        changed = [t for t in found if _changed_title(r, t)]
        if changed:
            return changed[-1]
        distinct = {(t.organ, t.role) for t in found}
        return found[-1] if len(distinct) == 1 else None
    # (class BA) "... proposed re-electing X as Chairman of the NDC." and, opening the next
    # paragraph, "The session declared that X was re-elected to the post.": a post its
    # paragraph has not named may be the one the last sentence of the paragraph before
    # changed (only a changed one: "as", "to", "post of")
    last = _last_sentence_before_block(r, limit)
    if last is None:
        return None
    changed = [
        t for t in titles
        if last[0] <= t.start and t.end <= last[1] and t.organ is not None
        and (seats or t.role not in _SEATS) and _changed_title(r, t)
    ]  # fmt: skip
    return changed[-1] if changed else None


def _last_sentence_before_block(r: Context, limit: int) -> tuple[int, int] | None:
    """(start, end) of the last sentence of the paragraph before the one ``limit`` is in."""
    sentence = r.doc.sentence_at(limit)
    if sentence is None:
        return None
    index = r.doc.sentences.index(sentence)
    for before in reversed(r.doc.sentences[:index]):
        if before.block != sentence.block:
            return before.start, before.end
    return None


_CHANGED = re.compile(
    r"(?:\b(?:as|post\s+of|position\s+of|office\s+of|from|to)|\b[a-z]+ed)\s+(?:(?:the|a|an)\s+)?$"
)


def _changed_title(r: Context, title: Title) -> bool:
    """The title follows a change or names a post ("relieved as ...", "the post of ...")."""
    return _CHANGED.search(r.text[max(0, title.start - 30) : title.start]) is not None


def _organ_before(
    r: Context, titles: list[Title], limit: int
) -> tuple[str, tuple[int, int] | None] | None:
    """The organ of the seat someone left: the last organ named, by a title or alone, before
    ``limit`` in the nearest text that names one ("recalled Ri Man Gon from the SAC")."""
    for start, end in _sentences_back(r, limit):
        organs: list[tuple[int, str, tuple[int, int] | None]] = [
            (t.start, t.organ, t.organ_span)
            for t in titles
            if start <= t.start and t.end <= end and t.organ is not None
        ]
        organs += [
            (m.start, r.reg.resolve(m.entity), (m.start, m.end))
            for m in r.mentions_in(start, end, ("organ",))
            if m.entity
        ]
        if organs:
            _, organ, span = max(organs, key=lambda o: o[0])
            return organ, span
    return None


# -- before holdings: "Deputy" before a name -------------------------------------------------


def _deputy_organ(r: Context) -> str | None:
    """The assembly a text's "Deputy X" sits in: the SPA (``deputy_organ``), when the text
    names it."""
    g = gazetteer().organs[antecedent_words().deputy_organ]
    names = {match_key(n) for n in (*g.names, *g.abbreviations)}
    for first, last, key in r.gazetteer_matches:
        start, end = r.doc.span_of(first, last)
        if match_key(r.text[start:end]) in names:
            return r.reg.resolve(key)
    return None


def _prefixes(r: Context) -> list[tuple[int, int, Mention]]:
    """ "Deputy" or "Deputies" written right before a person's name: (start, end, person)."""
    prefixes = antecedent_words().deputy_prefixes
    words = "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w-])(?:{words})[ \t]+(?=[A-Z])", r.text):
        if in_headline(r, m.start()):
            continue
        person = r.mention_at(m.end(), kinds=("person",))
        if person is not None and person.entity:
            out.append((m.start(), m.start() + len(m.group(0).rstrip()), person))
    return out


def deputy_prefixes(r: Context) -> Found:
    """ "The session recalled Deputy Kim Yong Il and elected Deputy Pak Su Il as premier":
    in a text that names the SPA, "Deputy" before a name is the person's seat in it, not a
    title the name is read with (:func:`antecedents` drafts the seat)."""
    spans = {(s, e) for s, e, _ in _prefixes(r)}
    if spans and _deputy_organ(r) is not None:
        r.person_titles = [
            t for t in r.person_titles if t.organ is not None or (t.start, t.end) not in spans
        ]
    return r.found()


# -- after holdings: the seats of deputies, the lists after announcements ----------------------


def antecedents(r: Context) -> Found:
    """The facts no one sentence states: deputies' seats ("Deputy Kim Yong Il reported") and
    the people an announcement lists after it. A fact the holdings pass drafted is not drafted
    twice."""
    listed = [*_line_lists(r), *_role_headed_lists(r)]
    stated = {(f.person, f.organ, f.role) for f in listed}
    # "Members of the PB\nKim Jong Un": the heading was read as a title in apposition, a
    # holding; the list says it is an election
    kept = [f for f in r.facts if f.type != "holds" or (f.person, f.organ, f.role) not in stated]
    drafted = {(f.person, f.organ, f.role) for f in kept if f.kind == "membership"}
    new: list[Fact] = []
    for fact in [*_deputies(r), *_announced_lists(r), *listed, *_sibling_posts(r)]:
        key = (fact.person, fact.organ, fact.role)
        if key not in drafted:
            drafted.add(key)
            new.append(fact)
    if new or len(kept) != len(r.facts):
        r.facts = [*kept, *new]
    return r.found()


def _sibling_posts(r: Context) -> list[Fact]:
    """ "appointed Pak Jong Gun to the posts": the holdings pass read one of the posts "the
    posts" stands for (:func:`_plural_posts`); the change is the same for each of the others."""
    groups: dict[tuple[int, int], list[Title]] = {}
    for t in r.person_titles:
        if t.role_span[0] < t.start or t.role_span[1] > t.end:  # a reference, not the words
            groups.setdefault((t.start, t.end), []).append(t)
    out: list[Fact] = []
    for (start, _), titles in groups.items():
        if len(titles) < 2:
            continue
        for fact in r.facts:
            if fact.kind != "membership" or not fact.sentence[0] <= start < fact.sentence[1]:
                continue
            if (fact.organ, fact.role) not in {(t.organ, t.role) for t in titles}:
                continue
            for t in titles:
                spans = [s for s in fact.spans if s.role not in ("role", "organ")]
                spans.append(FactSpan(t.role_span[0], t.role_span[1], "role"))
                if t.organ_span:
                    spans.append(FactSpan(t.organ_span[0], t.organ_span[1], "organ"))
                words = " ".join(r.text[t.role_span[0] : t.role_span[1]].split())
                spans = sorted(set(spans), key=lambda s: (s.start, s.end))
                out.append(replace(fact, organ=t.organ, role=t.role, post=t.post,
                                   why=f"{fact.type} {words}", spans=spans))  # fmt: skip
    return out


def _draft(
    r: Context,
    view: SentenceView,
    kind: str,
    person: tuple[int, int, str],
    title: Title,
    trigger: FactSpan | None,
    rule: str,
) -> Fact:
    """A membership fact of ``person`` (start, end, entity key) holding ``title``, stated by
    the sentence of ``view``: its status, event and dates as the holdings pass gives them."""
    holds = kind == "holds"
    anchor = trigger.start if trigger else title.start
    status, hedge = status_of(r, view, upto=max(anchor, title.end))
    inferred = status != "confirmed" and not r.official
    event, event_span = event_of(r, view, explicit=(holds and not r.official) or inferred)
    dates, basis, date_span = fact_dates(
        r, view, anchor, event, holds=holds, title_end=title.end if holds else None
    )
    if status == "projected":
        dates, basis, date_span = {}, "none", None
    fact = Fact(
        "membership", kind, person[2], (view.start, view.end), organ=title.organ,
        role=title.role, post=title.post, event=event, status=status, date_basis=basis,
        rule=rule,
    )  # fmt: skip
    holding_dates(fact_lexicon(), fact, dates, r.official)
    spans = [FactSpan(person[0], person[1], "person"), *((trigger,) if trigger else ()),
             FactSpan(title.role_span[0], title.role_span[1], "role")]  # fmt: skip
    if title.organ_span:
        spans.append(FactSpan(title.organ_span[0], title.organ_span[1], "organ"))
    spans += [s for s in (date_span, hedge) if s is not None]
    if event_span:
        spans.append(FactSpan(event_span[0], event_span[1], "event"))
    fact.spans = sorted(set(spans), key=lambda s: (s.start, s.end, s.role))
    words = " ".join(r.text[title.role_span[0] : title.role_span[1]].split())
    fact.why = f"called {words}" if holds else f"{kind} {words}"
    return fact


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|;\s*)")


def _deputies(r: Context) -> list[Fact]:
    """ "Deputy Kim Yong Il reported ..."; "Deputies A, B, minister of Finance, and C took
    the floor": each a deputy to the SPA, as of the session or the article."""
    organ = _deputy_organ(r)
    if organ is None:
        return []
    out = []
    for start, end, first in _prefixes(r):
        sentence = r.doc.sentence_at(start)
        if sentence is None:
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        title = Title(start, end, "member", organ, (start, end))
        people = [first]
        if r.text[start:end].lower().endswith("ies"):
            people += _list_after(r, first, sentence.end)
        for person in people:
            key = r.reg.resolve(person.entity)  # type: ignore[arg-type]
            out.append(_draft(r, view, "holds", (person.start, person.end, key), title, None,
                              "deputy-prefix"))  # fmt: skip
    return out


def _list_after(r: Context, first: Mention, stop: int) -> list[Mention]:
    """The people listed after ``first`` up to ``stop``: names joined by commas and "and",
    each with a title in apposition ("Pak Su Gil, minister of Finance, and Kim Yong Jin")."""
    out: list[Mention] = []
    last = first
    for person in r.mentions_in(first.end, stop, ("person",)):
        gap = r.text[last.end : person.start]
        for title in r.person_titles:  # a title in apposition is part of the gap
            if last.end <= title.start and title.end <= person.start:
                gap = gap.replace(r.text[title.start : title.end], "", 1)
        gap = re.sub(r"\s*,\s*(?:(?:a|an|the)\s+)?,", ",", gap)
        if not person.entity or not _LIST_GAP.fullmatch(gap):
            break
        out.append(person)
        last = person
    return out


_BULLET = re.compile(r"\s*(?:[-*•–]|\d{1,3}[.)])?\s*")
_HEADING_LEAD = re.compile(
    r"(?:and\s+)?(?:also\s+)?(?:the\s+following\s+)?(?:(?:were|was|are)\s+)?(?:[\w-]+\s+)?"
    r"(?:as\s+)?(?:(?:a|an|the)\s+)?",
    re.I,
)
"""Words a heading line may open with before its titles ("and the following as", "and
by-elected as"); the change word among them, when there is one, is the heading's."""


def _announced_lists(r: Context) -> list[Fact]:
    """ "Seven new members of the SAC were elected. They are A, B and C."; "The following were
    elected vice-chairmen of the SAC:" and a line for each: the announcement's change and
    titles, for each person of the list."""
    flex = fact_lexicon()
    out: list[Fact] = []
    sentences = r.doc.sentences
    for index, sentence in enumerate(sentences):
        if in_headline(r, sentence.start) or r.mentions_in(
            sentence.start, sentence.end, ("person",)
        ):
            continue
        view = sentence_view(r, sentence.start, sentence.end)
        trigger = next(
            (i for i in view.items if i.kind == "word" and (i.text,) in flex.triggers), None
        )
        if trigger is None:
            continue
        people = _listed(r, sentence, sentences[index + 1 :])
        titles = _announced_titles(r, sentence.start, sentence.end) if people else []
        kind = flex.triggers[(trigger.text,)]
        span = FactSpan(trigger.start, trigger.end, "trigger")
        for title in titles:
            for person in people:
                key = r.reg.resolve(person.entity)  # type: ignore[arg-type]
                out.append(_draft(r, view, kind, (person.start, person.end, key), title, span,
                                  "announced-list"))  # fmt: skip
    return out


def _listed(r: Context, announcement: Sentence, after: Sequence[Sentence]) -> list[Mention]:
    """Who an announcement's list names: the next sentence of its paragraph when it opens with
    "They are" (``list_openers``), or, after a colon, the lines that follow, one or a few
    names each."""
    if not after:
        return []
    following = after[0]
    if following.block == announcement.block:
        for start, end in _phrases_at(r, antecedent_words().list_openers):
            if start == following.start:
                return _people_from(r, end, following.end)
    if not r.text[announcement.start : announcement.end].rstrip().endswith(":"):
        return []
    out: list[Mention] = []
    for line in after:
        if in_headline(r, line.start):
            break
        bullet = _BULLET.match(r.text, line.start, line.end)
        at = bullet.end() if bullet else line.start
        if at >= line.end:
            continue  # "1." read as a sentence of its own
        people = _people_from(r, at, line.end)
        if not people or people[0].start != at or not _only_names(r, people[-1].end, line.end):
            break  # "Choe Ryong Hae, chairman of ..., presided over ...": a sentence again
        out.extend(people)
    return out


def _only_names(r: Context, start: int, end: int) -> bool:
    """text[start:end], after a line's last name, is punctuation and titles only."""
    rest = r.text[start:end]
    for title in r.person_titles:
        if start <= title.start and title.end <= end:
            rest = rest.replace(r.text[title.start : title.end], "", 1)
    return re.fullmatch(r"[\s,.;:()\-–—]*(?:(?:a|an|the)\s*[\s,.;]*)?", rest) is not None


def _people_from(r: Context, start: int, end: int) -> list[Mention]:
    """The people listed from ``start``: the first name after it and those joined to it."""
    people = [p for p in r.mentions_in(start, end, ("person",)) if p.entity]
    if not people or r.text[start : people[0].start].strip(" :,"):
        return []
    return [people[0], *_list_after(r, people[0], end)]


def _announced_titles(r: Context, start: int, end: int) -> list[Title]:
    """The titles an announcement in text[start:end] gives ("vice-chairmen of the SAC";
    "elected to the SAC": a member of it); a role alone takes the organ named before it in the
    paragraph."""
    titles = [t for t in r.person_titles if start <= t.start and t.end <= end]
    out = [t for t in titles if t.organ is not None]
    if not out and titles:
        organ = _organ_before(r, list(r.person_titles), start)
        if organ is not None:
            out = [replace(t, organ=organ[0], organ_span=organ[1]) for t in titles]
    if not titles:
        for m in r.mentions_in(start, end, ("organ",)):
            if m.entity:
                key = r.reg.resolve(m.entity)
                out.append(Title(m.start, m.end, "member", key, (m.start, m.end),
                                 (m.start, m.end)))  # fmt: skip
                break
    return out


# -- KCNA's organizational-matter lists, line by line ----------------------------------------

_Group = tuple[list[Title], str, FactSpan | None, list[Mention]]
"""the titles of a list, its change, the words that name the change, the people listed"""


def _line_trigger(r: Context, start: int, end: int) -> tuple[str, FactSpan] | None:
    """The change the words of text[start:end] name ("Elected ... by by-election were:")."""
    flex = fact_lexicon()
    for item in sentence_view(r, start, end).items:
        if item.kind == "word" and (item.text.lower(),) in flex.triggers:
            kind = flex.triggers[(item.text.lower(),)]
            return kind, FactSpan(item.start, item.end, "trigger")
    return None


def names_line(r: Context, start: int, end: int) -> list[Mention]:
    """The people of a line that names people only ("Kim Jong Un, Choe Ryong Hae"); also read
    by the list reader of :mod:`~kwpld.extract.structures` (round 6, L4)."""
    people = _people_from(r, start, end)
    if not people or people[0].start != start or not _only_names(r, people[-1].end, end):
        return []
    return people



def _line_lists(r: Context) -> list[Fact]:
    """KCNA's organizational matters, read by lines: an announcement that names no one, ending
    at a colon ("Elected members of the SAC by by-election were:", "Recalled were: A, B";
    "The following were elected or by-elected:", "Organizational matters:"), then the names
    after its colon, or lines of names, each block of them under a heading line naming a
    role in an organ ("Members of the Political Bureau of the C.C., WPK by by-election")."""
    words = antecedent_words()
    marked = [s for s, _ in _phrases_at(r, words.list_headings)]
    lines = [
        (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
        for m in re.finditer(r"[^\n]*[^\s][^\n]*", r.text)
        if not in_headline(r, m.start())
    ]  # fmt: skip
    out: list[Fact] = []
    for index, (start, end) in enumerate(lines):
        colon = r.text.find(":", start, end)
        sentence = r.doc.sentence_at(colon) if colon >= 0 else None
        if sentence is not None:
            start = max(start, sentence.start)  # "Pyongyang, ... (KCNA) -- Recalled were:"
        if colon < 0:
            # (class U) "The session elected the members of the Central People's Committee."
            # on a line of its own, the names on the lines after it
            colon = _closing_stop(r, lines, index)
            if colon < 0:
                continue
        change = _line_trigger(r, start, colon)
        if r.mentions_in(start, colon, ("person",)) and not (
            change and not r.text[change[1].end : colon].strip()
        ):
            continue  # "Upon the proposal of Kim Jong Il, the session elected:" announces
        if change is None and not any(start <= m < colon for m in marked):
            continue
        kind, span = change if change else (words.list_heading_type, None)
        titles = _announced_titles(r, start, colon)
        if r.text[colon + 1 : end].strip():
            at = colon + 1 + len(r.text[colon + 1 : end]) - len(r.text[colon + 1 : end].lstrip())
            groups: list[_Group] = [(titles, kind, span, names_line(r, at, end))]
        else:
            groups = _blocks(r, lines[index + 1 :], (titles, kind, span, []))
        view = sentence_view(r, start, end)
        for heads, change_kind, trigger, people in groups:
            for title in heads:
                for person in people:
                    key = r.reg.resolve(person.entity)  # type: ignore[arg-type]
                    out.append(_draft(r, view, change_kind, (person.start, person.end, key),
                                      title, trigger, "heading-list"))  # fmt: skip
    return out


_ELECTED_ORGAN = re.compile(
    r"\s+(?:(?:to|as|into)\s+)?(?:(?:the|its|a|new|newly)\s+)*"
    r"(?:(?:members|composition)\s+of\s+(?:(?:the|its)\s+)?)?$",
    re.I,
)
"""between the change and the organ it elects as a whole ("elected the NDC", "elected to the",
(class BA) "elected the members of the NDC")"""
_ORGAN_CLOSE = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[\w'-]+)?"
    r"(?:,?\s+(?:on|upon|at)\s+the\s+(?:recommendation|proposal|nomination)\s+of\s+"
    r"[^\n:;.,]{1,60}?)?(?:,?\s+as\s+follows)?\s*[:.]",
    re.I,
)
"""after the organ: the close of the announcement ("... of the DPRK:", "of the assembly as
follows:", ".", (class BA) "upon the recommendation of its chairman:")"""
_ROLE_SEGMENT = re.compile(r"[^;\n]*")
_HEADING_MARK = re.compile(r"[ \t]*(?::|[ \t][-\u2013\u2014](?=[ \t]))")
"""between a role heading and its names: a colon, or (class BA) a dash between spaces
("First Vice-Chairman - A", "Members \u2014 B, C")"""


def _role_headed_lists(r: Context) -> list[Fact]:
    """(class Y) An election of an organ as a whole, then its composition under role headings:
    "the session elected the National Defence Commission of the DPRK:" and lines "Chairman: A",
    "First vice-chairman: B", "Vice-chairmen: C, D", "Members: E, F" (or, in the paragraph,
    "elected the Presidium of the SPA. President: A; Vice-presidents: B, C; Members: D"). A
    heading is a role alone (no organ of its own) before a colon, the names after it its
    holders, in the organ the announcement elected, with the announcement's change. Only a
    change that begins a holding; "the delegation of the assembly. Head: A" elects no organ."""
    bare = {t.start: t for t in r.person_titles if t.organ is None and t.role_span[0] == t.start}
    if not bare:
        return []
    flex = fact_lexicon()
    out: list[Fact] = []
    for organ in r.mentions_in(0, len(r.text), ("organ",)):
        close = _ORGAN_CLOSE.match(r.text, organ.end)
        if not organ.entity or close is None or in_headline(r, organ.start):
            continue
        first = _ROLE_SEGMENT.match(r.text, close.end())
        if first is None:
            continue
        sentence = r.doc.sentence_at(organ.start)
        opening = sentence.start if sentence is not None else max(0, organ.start - 80)
        change = _line_trigger(r, opening, organ.start)
        if change is None or change[0] not in flex.beginning:
            continue
        if not _ELECTED_ORGAN.fullmatch(r.text, change[1].end, organ.start):
            continue
        key = r.reg.resolve(organ.entity)
        groups = _role_segments(r, bare, close.end())
        view = sentence_view(r, opening, close.end())
        for heading, people in groups:
            title = replace(heading, organ=key, organ_span=(organ.start, organ.end),
                            post=post_for(r, heading.role, key))  # fmt: skip
            for person in people:
                pkey = r.reg.resolve(person.entity)  # type: ignore[arg-type]
                out.append(_draft(r, view, change[0], (person.start, person.end, pkey), title,
                                  change[1], "role-headed-list"))  # fmt: skip
    return out


def _role_segments(
    r: Context, bare: dict[int, Title], at: int
) -> list[tuple[Title, list[Mention]]]:
    """The "Role: A, B" segments from ``at`` on, each ended by a semicolon or a line's end (blank
    lines between them are skipped), up to the first that is not one."""
    out: list[tuple[Title, list[Mention]]] = []
    while at < len(r.text):
        lead = re.compile(r"[\s;]*").match(r.text, at)
        start = lead.end() if lead else at
        segment = _ROLE_SEGMENT.match(r.text, start)
        if segment is None or segment.end() == start:
            break
        end = segment.end()
        heading = bare.get(start)
        mark = _HEADING_MARK.match(r.text, heading.end) if heading is not None else None
        if heading is None or mark is None or mark.end() > end:
            break
        colon = mark.end() - 1
        names_at = colon + 1 + len(r.text[colon + 1 : end]) - len(r.text[colon + 1 : end].lstrip())
        people = names_line(r, names_at, end)
        if not people:
            break
        out.append((heading, people))
        at = end
    return out


def _closing_stop(r: Context, lines: list[tuple[int, int]], index: int) -> int:
    """The full stop that closes a line announcing a change ("The session elected the members
    of the Central People's Committee."), when the line names no one and the next line names
    people only; else -1."""
    start, end = lines[index]
    stop = end - 1
    if r.text[stop] != "." or index + 1 >= len(lines) or r.mentions_in(start, stop, ("person",)):
        return -1
    if _line_trigger(r, start, stop) is None:
        return -1
    following = lines[index + 1]
    bullet = _BULLET.match(r.text, following[0], following[1])
    return stop if names_line(r, bullet.end() if bullet else following[0], following[1]) else -1


def _blocks(r: Context, lines: list[tuple[int, int]], first: _Group) -> list[_Group]:
    """The lists of names under an announcement: under its own titles, or under each heading
    line ("Vice-chairmen of the WPK Central Committee", a trailing colon or none), with the
    heading's change ("By-elected members of the CMC") or the announcement's."""
    groups: list[_Group] = []
    titles, kind, span, _ = first
    for start, end in lines:
        bullet = _BULLET.match(r.text, start, end)
        at = bullet.end() if bullet else start
        people = names_line(r, at, end)
        if people:
            # "A first vice-chairman of the NDC;" under "the session elected:": the line's
            # own titles, when the announcement named none
            heads = titles or [
                t for t in r.person_titles if people[-1].end <= t.start and t.end <= end and t.organ
            ]
            if not heads:
                break
            groups.append((heads, kind, span, people))
            continue
        colon = r.text.find(":", at, end)
        stop = colon if colon >= 0 else end  # "Members of the PB: A, B" on one line
        heads = [t for t in r.person_titles if at <= t.start and t.end <= stop and t.organ]
        if not heads or r.mentions_in(at, stop, ("person",)):
            break
        if heads[0].start != at and not (
            colon >= 0 and _HEADING_LEAD.fullmatch(r.text, at, heads[0].start)
        ):
            break  # "and the following as alternate members of the C.C.:" heads a list too
        change = _line_trigger(r, at, stop)
        titles = heads
        kind, span = change if change else (first[1], first[2])
        if r.text[stop + 1 : end].strip():
            after = stop + 1 + len(r.text[stop + 1 : end]) - len(r.text[stop + 1 : end].lstrip())
            people = names_line(r, after, end)
            if not people:
                break
            groups.append((titles, kind, span, people))
    return groups
