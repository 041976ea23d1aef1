"""The names-inside-names pass. A person's name inside the name of a place, work or institution
("Kim Il Sung University", "the Kim Jong Suk Pyongyang Textile Mill", "Kim Il Sung Square") is
no mention of the person there (head words: the lexicon's ``facility_heads``). "Kim Il Sung and
Kim Jong Il's party" names the party (the article's) and, inside it, the two people."""

from __future__ import annotations

import re

from ..reading.entities import Mention
from ..reading.gazetteer import gazetteer
from ..reading.state import Context, Found
from .standing_organs import standing_organ

__all__ = ["facilities"]


def facilities(r: Context) -> Found:
    keep = []
    dropped: set[str] = set()
    for m in r.mentions:
        if m.kind == "person" and m.name_kind != "epithet" and _named_after(r, m.end):
            if m.entity:
                dropped.add(r.reg.resolve(m.entity))
            continue
        keep.append(m)
    if len(keep) != len(r.mentions):
        r.mentions.replace(keep)
    # A new person the text names only inside the names of places ("the Kim Cho'ng-suk Textile
    # Mill") is no one the article speaks of: no draft.
    named = {r.reg.resolve(m.entity) for m in keep if m.entity}
    for key in sorted(dropped - named - {r.reg.resolve(k) for k in r.byline_authors}):
        entity = r.entity(key)
        if entity.known is None:
            entity.attrs["undrafted"] = True
    _parties_of_people(r)
    return r.found()


_OF_PEOPLE = re.compile(r"(?:’s|'s|’|')\s+party\b")
_AND = re.compile(r"(?:’s|'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _parties_of_people(r: Context) -> None:
    """ "Kim Il Sung and Kim Jong Il’s party": a mention of the article's party, or, when the
    article names none, of the party of organs.yaml (the WPK: whose else would it be)."""
    people = [m for m in r.mentions if m.kind == "person" and m.entity]
    for index, person in enumerate(people):
        after = _OF_PEOPLE.match(r.text, person.end)
        if not after:
            continue
        first = person
        for earlier in reversed(people[:index]):
            if not _AND.fullmatch(r.text, earlier.end, first.start):
                break
            first = earlier
        end = after.end()
        party = r.main_party or _standing_party(r, (first.start, end))
        if party is None:
            continue
        r.add_mention(Mention(first.start, end, r.text[first.start : end], party, "organ", "short"))


def _standing_party(r: Context, span: tuple[int, int]) -> str | None:
    # the first party of organs.yaml is the DPRK's own; the others are foreign parties named
    # by abbreviation (the CPC, the CPSU)
    parties = gazetteer().parties
    if not parties:
        return None
    key = standing_organ(r, parties[0])
    r.entity(key).note(f"“{r.text[span[0] : span[1]]}”", span)
    return key


def _named_after(r: Context, end: int) -> bool:
    """Capitalized words after ``end`` (a name's end) that close with a facility head word; an
    "and" may join two of them ("the Kim Chaek Iron and Steel Complex"), but not follow the
    name itself ("Kim Jong Un and the Moranbong Band": two who were there)."""
    doc = r.doc
    i = doc.word_index_at(end)
    n = len(doc.words)
    if i >= n or doc.word_starts[i] > end + 2 or r.text[end : doc.word_starts[i]].strip():
        return False
    last = i
    headline = doc.in_title(i)
    while last < n and last - i < 7:
        if not doc.is_cap(last):
            joined = doc.keys[last] == "and" and last > i and last + 1 < n and doc.is_cap(last + 1)
            if not joined or not doc.gap_ok[last]:
                break
            last += 1
            continue
        if headline and doc.keys[last] in r.lex.headline_verbs:
            return False
        if doc.keys[last] in r.lex.facility_heads:
            return True
        if not (doc.gap_ok[last] or _wrapped(r, last)):
            break
        last += 1
    return False


_WRAP = re.compile(r"[ \u00a0\t]*\n[ \u00a0\t]*")


def _wrapped(r: Context, i: int) -> bool:
    """Word ``i`` ends a line of a wrapped paragraph and the next line goes on with the name
    ("the Kim Il Sung Military" / "University"): one line break, not a blank line. Only a name
    that still ends with a facility head word counts, so a heading over a name stays apart."""
    doc = r.doc
    return i + 1 < len(doc.words) and bool(
        _WRAP.fullmatch(r.text, doc.word_ends[i], doc.word_starts[i + 1])
    )
