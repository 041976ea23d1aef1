"""Records of one kind that may be one entity written twice: same name key, nothing apart.

Articles are ingested one at a time, and a curator who accepts "Kim Jong Su" from one and
"Kim Cho'ng-su" from another has two records of one man, each with half the facts; the graph
then says there are two. :func:`find_duplicates` looks for such pairs: two records of one kind
whose names share a :func:`kwpld.names.match_key` (the key that spelling variants of one name
share) and that nothing on record tells apart.

What tells two records apart is a fact both have and that differs (a fact only one of them
has tells nothing: the other may simply not have been recorded yet):

- every kind: the Wikidata item (the ``wikidata`` field or an accepted link), the description;
- people: birth and death dates (partial dates differ only when their spans do not overlap),
  citizenship, gender, and the positions held (organ, role and post of their memberships: two
  sets without one position in common);
- organs: kind, parent organ, founding and dissolution dates;
- posts: organ and role;
- events: type, series, ordinal, dates, location;
- articles: type, date, URL, publisher, the periodical and the larger work it is part of.

So the two Ri Yong Hos, one born in 1942 and a general, the other born in 1956 and a foreign
minister, are namesakes and not reported, while two records of one Kim Jong Su with no dates
are. Epithets ("the respected marshal") are honorifics, not names that identify, and are not
compared. The finding is a warning (code ``possible-duplicate``): ``kwpld merge`` joins a
real duplicate; a fact that tells real namesakes apart (a description will do) silences it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..dates import PartialDate
from ..errors import Problem
from ..model import Article, Event, Named, Organ, Person, Post, Record, Records
from ..names import match_key

__all__ = ["CODE", "Duplicate", "find_duplicates", "duplicate_problems"]

CODE = "possible-duplicate"
_KINDS = ("person", "organ", "post", "event", "article")
_SKIPPED_NAME_KINDS = ("epithet",)


@dataclass(frozen=True)
class Duplicate:
    """Two records of one kind that share a name key and that nothing tells apart."""

    kind: str
    first: Record
    """The record written first (file, then line)."""
    second: Record
    names: tuple[str, str]
    """A name of each whose keys are equal."""

    @property
    def message(self) -> str:
        a, b = self.first, self.second
        called = (
            f"'{self.names[0]}'"
            if self.names[0] == self.names[1]
            else f"'{self.names[0]}' and '{self.names[1]}'"
        )
        return (
            f"this {self.kind} may be the same as '{a.id}' at {a.origin}: both are called {called} "
            f"(spellings of one name) and nothing on record tells them apart "
            f"({_WHAT[self.kind]}). If they are one, merge them (kwpld merge {self.kind} "
            f"{a.id} {b.id}); if not, record what distinguishes them (a description will do)"
        )

    def problem(self) -> Problem:
        """The warning, at the second record (the first one's place is in the message)."""
        b = self.second
        return Problem(
            CODE,
            self.message,
            b.origin.file,
            b.origin.line,
            b.id,
            self.kind,
            "names",
            severity="warning",
        )


_WHAT = {
    "person": "dates, citizenship, gender, description, positions held, Wikidata item",
    "organ": "kind, parent organ, dates, description, Wikidata item",
    "post": "organ, role, description",
    "event": "type, series, ordinal, dates, location, description, Wikidata item",
    "article": "type, date, URL, publisher, description, Wikidata item",
}


def find_duplicates(records: Records) -> list[Duplicate]:
    """Every pair of possible duplicates, in file and line order."""
    positions = _positions(records)
    found: list[Duplicate] = []
    for kind in _KINDS:
        items = sorted(records.of_kind(kind), key=lambda r: (r.origin.file, r.origin.line, r.id))
        by_key: dict[str, list[int]] = {}
        spelled: list[dict[str, str]] = []
        for index, record in enumerate(items):
            keys: dict[str, str] = {}
            for text in _names(record):
                key = match_key(text)
                if key and key not in keys:
                    keys[key] = text
            spelled.append(keys)
            for key in keys:
                by_key.setdefault(key, []).append(index)
        seen: set[tuple[int, int]] = set()
        for key, members in by_key.items():
            for i, left in enumerate(members):
                for right in members[i + 1 :]:
                    if (left, right) in seen:
                        continue
                    seen.add((left, right))
                    a, b = items[left], items[right]
                    if _distinguished(a, b, records, positions):
                        continue
                    found.append(Duplicate(kind, a, b, (spelled[left][key], spelled[right][key])))
    found.sort(key=lambda d: (d.second.origin.file, d.second.origin.line, d.first.id))
    return found


def duplicate_problems(records: Records) -> list[Problem]:
    """:func:`find_duplicates` as warnings."""
    return [d.problem() for d in find_duplicates(records)]


def _names(record: Record) -> Iterable[str]:
    if isinstance(record, Named):
        for name in record.names:
            if name.kind not in _SKIPPED_NAME_KINDS:
                yield name.text
    if isinstance(record, Article):
        yield record.title


def _positions(records: Records) -> dict[str, set[tuple[str, str, str]]]:
    """Person id -> the positions their memberships record: (organ, role, post)."""
    held: dict[str, set[tuple[str, str, str]]] = {}
    for membership in records.memberships:
        held.setdefault(membership.person, set()).add(
            (membership.organ, membership.role, membership.post or "")
        )
    return held


def _differ(a: object, b: object) -> bool:
    """Both known, and not the same."""
    if a is None or b is None or a == "" or b == "":
        return False
    if isinstance(a, PartialDate) and isinstance(b, PartialDate):
        return a.earliest() > b.latest() or b.earliest() > a.latest()
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() != " ".join(b.split()).casefold()
    return a != b


_FIELDS: dict[type, tuple[str, ...]] = {
    Person: ("born", "died", "citizenship", "gender"),
    Organ: ("organ_kind", "parent", "founded", "dissolved"),
    Post: ("organ", "role"),
    Event: ("event_type", "series", "ordinal", "date", "end", "location"),
    Article: ("article_type", "date", "url", "publisher", "published_in", "part_of"),
}


def _distinguished(
    a: Record, b: Record, records: Records, positions: dict[str, set[tuple[str, str, str]]]
) -> bool:
    get: Callable[[Record, str], object] = getattr
    for name in (*_FIELDS[type(a)], "description"):
        if _differ(get(a, name), get(b, name)):
            return True
    if _differ(records.accepted_qid(a.id), records.accepted_qid(b.id)):
        return True
    if isinstance(a, Person):
        held_a, held_b = positions.get(a.id), positions.get(b.id)
        if held_a and held_b and not held_a & held_b:
            return True
    return False
