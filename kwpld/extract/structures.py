"""Holdings a reference text gives in structure, not in sentences (round 6, lever L4): a list of
people under a heading that names the title they hold.

One reader for the shapes directories, encyclopedia pages and factboxes print:

- a heading naming a role in an organ, then the holders one a line, numbered, bulleted or
  (HTML lists) a paragraph each: "## Members of the Presidium of the Political Bureau" over
  "1. Kim Jong Un" / "2. Choe Ryong Hae"; a role alone ("Current members") takes the organ of
  the page's title heading ("Presidium of the Political Bureau of the WPK");
- lines "KEY: Names" or "KEY — Names" under a heading, the key the title: a role alone
  ("Chairman: Kim Jong Un", "Members: A, B") in the heading's organ ("Following is the line-up
  of the State Affairs Commission:"), a title of its own ("Premier: Kim Jae Ryong", "Minister of
  Foreign Affairs: Ri Yong Ho"), an organ under a heading naming the role ("Department
  directors of the Central Committee" over "Organization and Guidance Department — Kim Jae
  Ryong") or a province under one naming its party committee's head ("Chief secretaries of
  provincial party committees" over "North Hamgyong: Ri Hi Yong");
- a heading of past holders ("Former members", "Former directors of the PAD"): each holder's
  period in parentheses beside the name ("Kim Yong Nam (2010–2019)"), else undated;
- a role alone beside a listed name ("1. Kim Jong Un (chairman)") is that person's role in the
  list's organ; a bold line of its own ("**Secretaries of the Central Committee**") is a heading;
- under no heading, a line whose key is one whole title naming its organ ("Premier: Kim Tok
  Hun"), as of the event the article reports, else the article.

Current holdings are as of the date the heading or the line under it gives ("as of 15 March
2022", "As listed by KCNA in June 2023"), else the day of the event the article reports, else
the article's. A heading's title counts only when it opens the heading
(:func:`~kwpld.extract.holdings.heading_title_leads`). Precision is structural: a heading that
names a person, a change (those lists
are :mod:`~kwpld.extract.antecedents`'), or a word of ``structures.not_holders`` in facts.yaml
(a watch list, a delegation, those present, dead or expected) lists no holders; a line that is
not a name list (prose, a reference) ends the list; a heading that names no title gives nothing.
Tables are read by :mod:`~kwpld.extract.holdings` (``_election_rows`` for those without dates,
``_organ_column`` for a column of organs or provinces). A holding another pass drafted is not
drafted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import PartialDate
from ..reading.entities import Mention
from ..reading.facts import Fact, FactSpan, Title, fact_lexicon, structure_words
from ..reading.state import Context, Found
from .antecedents import names_line
from .facts_common import event_day, names_someone
from .holdings import heading_title_leads, organ_chain, place_committee
from .titles import post_for

__all__ = ["structures"]

_HEAD_KINDS = ("heading", "title", "caption")
_BULLET = re.compile(r"[ \t]*(?:[-*•–][ \t]+|\d{1,3}[.)][ \t]+)?")
_KEY_MARK = re.compile(r"[ \t]*(?::|[ \t][-\u2013\u2014](?=[ \t]))[ \t]*")
"""between a line's key and its names: a colon, or a dash between spaces"""
_PERIOD_ONLY = re.compile(r"[\s()\d\u2013\u2014.,-]*")
_BOLD_LINE = re.compile(r"(?:\*\*|__)[^*_\n]+(?:\*\*|__):?")
_INTRO_MAX = 200
"""an intro line between a heading and its list is short"""


@dataclass(frozen=True)
class _Head:
    span: tuple[int, int]
    title: Title | None
    """the title the heading names (its organ may be None: a role alone)"""
    organ: tuple[str, tuple[int, int]] | None
    """the organ the heading (else the page's title) names"""
    past: bool
    day: PartialDate | None
    basis: str


def structures(r: Context) -> Found:
    """Draft the holdings of lists under headings (see the module's docstring)."""
    if not r.person_titles and not any(b.kind in _HEAD_KINDS for b in r.doc.blocks):
        return r.found()
    have = {(f.person, f.organ, f.role) for f in r.facts if f.kind == "membership"}
    new: list[Fact] = []
    for fact in _heading_lists(r):
        key = (fact.person, fact.organ, fact.role)
        if key not in have:
            have.add(key)
            new.append(fact)
    if new:
        r.facts = [*r.facts, *new]
    return r.found()


def _lines(r: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of text[start:end], stripped."""
    out = []
    for m in re.finditer(r"[^\n]+", r.text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and r.text[a].isspace():
            a += 1
        while b > a and r.text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _heading_lists(r: Context) -> list[Fact]:
    out: list[Fact] = []
    read: set[tuple[int, int]] = set()
    blocks = r.doc.blocks
    for index, block in enumerate(blocks):
        lines = _lines(r, block.start, block.end)
        if not lines:
            continue
        if block.kind in _HEAD_KINDS:
            head_line, rest = (block.start, block.end), []
        else:
            # "Key posts in the Cabinet:", "**Members of the Presidium**" (a line of its own, or
            # the first of its block)
            first = lines[0]
            if first[1] - first[0] > _INTRO_MAX:
                continue
            if r.text[first[1] - 1] == ":":
                head_line = (first[0], first[1] - 1)
            elif _BOLD_LINE.fullmatch(r.text, *first):
                head_line = first
            else:
                continue
            rest = lines[1:]
        items = list(rest)
        intro: tuple[int, int] | None = None
        following = blocks[index + 1 :]
        if not items and following and block.kind in _HEAD_KINDS:
            nxt = following[0]
            if (
                nxt.kind == "paragraph" and nxt.end - nxt.start <= _INTRO_MAX
                and "\n" not in r.text[nxt.start : nxt.end].strip()
                and not names_someone(r, nxt.start, nxt.end)
            ):  # fmt: skip
                intro, following = (nxt.start, nxt.end), following[1:]
        if not items:
            for b in following:
                if b.kind != "paragraph":
                    break
                block_lines = _lines(r, b.start, b.end)
                if not all(_item(r, line) is not None for line in block_lines):
                    break
                items.extend(block_lines)
        if not items:
            continue
        head = _head(r, head_line, intro, index)
        if head is None:
            continue
        for line in items:
            parsed = _item(r, line)
            if parsed is None:
                break
            read.add(line)
            out.extend(_holdings(r, head, line, *parsed))
    return out + _titled_lines(r, read)


def _titled_lines(r: Context, read: set[tuple[int, int]]) -> list[Fact]:
    """A line of its own under no heading that lists holders: "Premier: Kim Tok Hun",
    "- Vice-premiers of the Cabinet: Ri Song Hak, Jon Hyon Chol": its key is one title, all of
    it, with its organ (or a post) named there; as of the event the article reports, else the
    article ("Chairman: Kim Jong Un" alone names no organ: nothing)."""
    out: list[Fact] = []
    head: _Head | None = None
    for block in r.doc.blocks:
        if block.kind != "paragraph" or ":" not in r.text[block.start : block.end]:
            continue
        for line in _lines(r, block.start, block.end):
            if line in read:
                continue
            parsed = _item(r, line)
            if parsed is None or parsed[0] is None:
                continue
            key = parsed[0]
            own = [t for t in r.person_titles if key[0] <= t.start and t.end <= key[1]]
            if len(own) != 1 or own[0].organ is None:
                continue
            title = own[0]
            if (title.start, title.end) != key or not _names_its_organ(r, title, key):
                continue
            if head is None:
                head = _Head((0, 0), None, None, False, *_day(r, []))
            out.extend(_holdings(r, head, line, key, parsed[1]))
    return out


def _item(r: Context, line: tuple[int, int]) -> tuple[tuple[int, int] | None, list[Mention]] | None:
    """A list item: its key span ("Chairman", "North Hamgyong"; None for names alone) and the
    people it names; None for a line that is no item (prose, a reference)."""
    bullet = _BULLET.match(r.text, line[0], line[1])
    at = bullet.end() if bullet else line[0]
    people = names_line(r, at, line[1])
    if people:
        return None, people
    person = r.mention_at(at, kinds=("person",))
    if (
        person is not None and person.entity and _period(r, person, line[1]) is not None
        and _PERIOD_ONLY.fullmatch(r.text, person.end, line[1])
    ):  # fmt: skip
        return None, [person]  # "Kim Yong Nam (2010–2019)"
    for mark in _KEY_MARK.finditer(r.text, at, line[1]):
        if mark.start() == at or r.mentions_in(at, mark.start(), ("person",)):
            return None
        people = names_line(r, mark.end(), line[1])
        return ((at, mark.start()), people) if people else None
    return None


def _period(r: Context, person: Mention, end: int) -> tuple[PartialDate, PartialDate | None] | None:
    """ "Kim Yong Nam (2010–2019)": the period in parentheses right after the name."""
    after = re.match(r"[ \t]*\([ \t]*", r.text[person.end : end])
    if after is None:
        return None
    for d in r.dates_in(person.end, end):
        if d.start != person.end + after.end() or d.date is None:
            continue
        if d.range is not None and d.role == "start":
            if d.range.first is None:
                return None
            return d.range.first, d.range.last
        return d.date, None
    return None


def _head(
    r: Context, span: tuple[int, int], intro: tuple[int, int] | None, index: int
) -> _Head | None:
    """What a heading says of the list under it; None when it lists no holders."""
    if names_someone(r, *span):
        return None
    flex = fact_lexicon()
    past_words, not_holders = structure_words()
    words = {r.doc.keys[i] for i in r.doc.words_between(*span)}
    if words & (not_holders | flex.ending | flex.beginning):
        return None  # a watch list; an announcement (antecedents reads those)
    title = next(
        (t for t in r.person_titles if span[0] <= t.start and t.end <= span[1]
         and t.role_span[0] >= span[0] and heading_title_leads(r, span[0], t.start)),
        None,
    )  # fmt: skip
    organ = _organ_in(r, span)
    if organ is None and title is not None and title.organ is None:
        organ = _page_organ(r, index)
    if title is None and organ is None:
        return None
    day, basis = _day(r, [span] + ([intro] if intro else []))
    return _Head(span, title, organ, bool(words & past_words), day, basis)


def _names_its_organ(r: Context, title: Title, key: tuple[int, int]) -> bool:
    """The key names the title's organ: in words ("Minister of Foreign Affairs") or by a role
    word that implies it ("Premier"); not "Chairman" given an organ by the line before."""
    if title.organ_span is not None and key[0] <= title.organ_span[0] < key[1]:
        return True
    words = tuple(r.doc.keys[i] for i in r.doc.words_between(*key))
    return fact_lexicon().role_kinds.get(words) not in (None, "minister")


def _day(r: Context, spans: list[tuple[int, int]]) -> tuple[PartialDate | None, str]:
    """The date a list's holdings are true on: the first single date its heading or intro line
    prints, else the (last) day of the event the article reports, else the article's."""
    for where in spans:
        dates = [d for d in r.dates_in(*where) if d.date is not None and d.range is None]
        if dates and dates[0].date is not None:
            return dates[0].date, "sentence"
    last = event_day(r, r.main_event)
    if last is not None:
        return last, "event"
    return r.reference, "article"


def _organ_in(r: Context, span: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
    """The first organ ``span`` names (a chain "Central Military Commission of the WPK" is one)."""
    organs = [m for m in r.mentions_in(*span, ("organ",)) if m.entity]
    return organ_chain(r, organs) if organs else None


def _page_organ(r: Context, index: int) -> tuple[str, tuple[int, int]] | None:
    """The organ the page is about: its title heading names it alone ("Presidium of the
    Political Bureau of the Workers' Party of Korea")."""
    for block in reversed(r.doc.blocks[:index]):
        if block.kind != "title":
            continue
        organ = _organ_in(r, (block.start, block.end))
        if organ is None or organ[1][0] != block.start:
            return None
        return organ
    return None


def _holdings(
    r: Context,
    head: _Head,
    line: tuple[int, int],
    key: tuple[int, int] | None,
    people: list[Mention],
) -> list[Fact]:
    titles = _titles(r, head, key)
    if key is None and len(people) == 1 and titles:
        # "Kim Jong Un (chairman)", "Choe Ryong Hae, first vice-chairman": the line's role
        # alone is the person's role in the list's organ
        role = _role_after(r, people[0], line, titles[0])
        titles = [role] if role is not None else titles
    out: list[Fact] = []
    for person in people:
        if person.entity is None:
            continue
        period = _period(r, person, line[1]) if head.past else None
        if head.past and len(people) > 1:
            period = None
        for title in titles:
            fact = Fact(
                "membership", "held" if head.past else "holds", r.reg.resolve(person.entity),
                line, organ=title.organ, role=title.role, post=title.post, status="confirmed",
                date_basis="none", rule="heading-list",
            )  # fmt: skip
            if head.past:
                if period is not None:
                    fact.start, fact.end = period
                    fact.date_basis = "sentence"
            else:
                fact.as_of = head.day
                fact.date_basis = head.basis if head.day is not None else "none"
            spans = {FactSpan(person.start, person.end, "person"),
                     FactSpan(title.role_span[0], title.role_span[1], "role")}  # fmt: skip
            if title.organ_span is not None:
                spans.add(FactSpan(title.organ_span[0], title.organ_span[1], "organ"))
            fact.spans = sorted(spans, key=lambda s: (s.start, s.end, s.role))
            words = " ".join(r.text[title.role_span[0] : title.role_span[1]].split())
            fact.why = f"listed under “{words}”" if key is None else f"listed as {words}"
            out.append(fact)
    return out


def _role_after(r: Context, person: Mention, line: tuple[int, int], title: Title) -> Title | None:
    """A role alone the line prints after its one person (no organ named there), in the organ
    of the list's title."""
    if title.organ is None:
        return None
    for t in r.person_titles:
        if person.end <= t.start and t.end <= line[1]:
            named = t.organ_span is not None and line[0] <= t.organ_span[0] < line[1]
            if named or (t.post is not None and t.organ is not None and t.organ != title.organ):
                return None  # "Kim Jong Un, General Secretary of the WPK": a title of its own
            organ = (title.organ, title.organ_span or title.role_span)
            return _in_organ(r, t, organ)
    return None


def _titles(r: Context, head: _Head, key: tuple[int, int] | None) -> list[Title]:
    """The titles the people of a line hold: the key's own, a role alone in the heading's
    organ, the heading's role in the key's organ or province; else the heading's title."""
    organ = head.organ
    if key is None:
        title = head.title
        if title is None:
            return []
        if title.organ is None:
            if organ is None:
                return []
            return [_in_organ(r, title, organ)]
        return [title]
    own = [t for t in r.person_titles if key[0] <= t.start and t.end <= key[1]]
    if own:
        out = []
        for t in own:
            if t.organ is not None and (t.organ_span is not None or t.post is not None):
                out.append(t)
            elif t.organ is None and organ is not None:
                out.append(_in_organ(r, t, organ))
            elif t.organ is not None and organ is not None and t.organ == organ[0]:
                out.append(t)
        return out
    if head.title is None:
        return []
    named = _organ_in(r, key)
    if named is not None and named[1] == key:
        return [_in_organ(r, head.title, named)]  # "Organization and Guidance Department"
    committee = place_committee(r, key)
    if committee is not None and head.title.role == "first-secretary":
        return [replace(head.title, organ=committee, organ_span=key, post=None)]
    return []


def _in_organ(r: Context, title: Title, organ: tuple[str, tuple[int, int]]) -> Title:
    return replace(title, organ=organ[0], organ_span=organ[1],
                   post=post_for(r, title.role, organ[0]))  # fmt: skip
