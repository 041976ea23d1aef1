"""What the records themselves say that helps tell namesakes apart.

Beside a record's own fields, the scorer uses what other records imply: a person who wrote an
essay in 2013 or whom a source lists as a member in January 2013 was alive then; an organ
whose sub-organ had members in 2013, or which published a newspaper article in 2013, still
existed. :class:`RecordContext` gathers these facts once per run, together with the Wikidata
items already known for related records (curated, accepted, or accepted earlier in the run).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import PartialDate
from ..model import Article, Event, Membership, Organ, Post, Records
from .variants import normalize

__all__ = ["Activity", "RecordContext"]


@dataclass(frozen=True, slots=True)
class Activity:
    """A date at which the records show an entity alive or in existence, and why."""

    date: PartialDate
    why: str


@dataclass
class RecordContext:
    records: Records
    qid_of: Callable[[str], str | None]
    """The Wikidata item of a record id, as far as known now."""
    activity: dict[str, list[Activity]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    """Organ id -> sub-organ ids; series id -> event ids."""
    member_of: dict[str, set[str]] = field(default_factory=dict)
    """Person id -> organ ids of the person's memberships (and the organs above them)."""
    organ_names: dict[str, str] = field(default_factory=dict)
    """Casefolded English names of organs (12+ characters) -> organ id, to read Wikidata labels."""

    @classmethod
    def build(cls, records: Records, qid_of: Callable[[str], str | None]) -> RecordContext:
        ctx = cls(records, qid_of)
        ctx._collect()
        return ctx

    def earliest(self, record_id: str) -> Activity | None:
        found = self.activity.get(record_id)
        return min(found, key=lambda a: a.date.earliest()) if found else None

    def latest(self, record_id: str) -> Activity | None:
        found = self.activity.get(record_id)
        return max(found, key=lambda a: a.date.latest()) if found else None

    def ancestors(self, organ_id: str) -> list[str]:
        out: list[str] = []
        organ = self.records.get(organ_id)
        while isinstance(organ, Organ) and organ.parent and organ.parent not in out:
            out.append(organ.parent)
            organ = self.records.get(organ.parent)
        return out

    # -- gathering ---------------------------------------------------------------------------------
    def _add(self, record_id: str, date: PartialDate | None, why: str) -> None:
        if date is not None:
            self.activity.setdefault(record_id, []).append(Activity(date, why))

    def _collect(self) -> None:
        records = self.records
        for membership in records.memberships:
            self._membership(membership)
        for article in records.articles:
            self._article(article)
        for event in records.events:
            self._event(event)
        for organ in records.organs:
            if organ.parent:
                self.children.setdefault(organ.parent, []).append(organ.id)
            for name in organ.names:
                text = normalize(name.text).casefold()
                if name.system in ("en", "dprk") and len(text) >= 12:
                    self.organ_names.setdefault(text, organ.id)
        # An organ existed whenever one of its sub-organs did.
        own = {organ.id: list(self.activity.get(organ.id, [])) for organ in records.organs}
        for organ in records.organs:
            for found in own[organ.id]:
                for parent in self.ancestors(organ.id):
                    self._add(parent, found.date, f"{found.why} (in its sub-organ {organ.id})")
        for person, organs in self.member_of.items():
            for organ_id in list(organs):
                organs.update(self.ancestors(organ_id))
            self.member_of[person] = organs

    def _membership(self, m: Membership) -> None:
        self.member_of.setdefault(m.person, set()).add(m.organ)
        for date, word in ((m.start, "from"), (m.end, "until"), (m.as_of, "as of")):
            if date is not None:
                why = f"membership {m.id} ({m.status}, {word} {date})"
                self._add(m.person, date, why)
                self._add(m.organ, date, why)

    def _article(self, a: Article) -> None:
        if a.date is None:
            return
        for author in a.authors:
            self._add(author, a.date, f"author of {a.id} ({a.date})")
        for organ in (a.publisher, a.published_in):
            if organ:
                self._add(organ, a.date, f"published {a.id} ({a.date})")

    def _event(self, e: Event) -> None:
        if e.series:
            self.children.setdefault(e.series, []).append(e.id)
        if e.date is None:
            return
        for organizer in e.organizer:
            self._add(organizer, e.date, f"organized {e.id} ({e.date})")
        for participant in e.participants:
            target = self.records.get(participant.ref)
            if isinstance(target, Post):
                continue  # the holders of a post, not a known person
            self._add(participant.ref, e.date, f"took part in {e.id} ({e.date})")
        if e.conferred_by:
            self._add(e.conferred_by, e.date, f"conferred {e.id} ({e.date})")
