"""What a data folder already holds, arranged for recognizing it in new articles.

Built once per ``kwpld ingest`` run: the name index of every record (and of drafts still
pending review, so that two articles naming the same new person propose one draft), plus keys
for things that are recognized by what they are rather than by name: an article by its
publisher and date, an event by its series and ordinal or by its type, date and organizer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dates import DateError, parse_date
from ..model import Article, Event, Membership, Organ, Person, Post, Record, Records
from ..names import match_key
from .index import NameIndex
from .lexicon import Lexicon, lexicon

__all__ = ["Known", "Seat"]


@dataclass(frozen=True, slots=True)
class Seat:
    """A membership of a record or a pending draft, as the identity step compares people by
    it (:mod:`kwpld.identity`): who sits in which organ, in which role, when."""

    id: str
    person: str
    organ: str
    role: str
    post: str | None = None
    start: str | None = None
    """ISO dates, at the precision the record gives"""
    end: str | None = None
    as_of: str | None = None
    pending: bool = False


@dataclass
class Known:
    index: NameIndex
    kinds: dict[str, str] = field(default_factory=dict)
    """record id -> kind"""
    organ_parent: dict[str, str | None] = field(default_factory=dict)
    organ_kind: dict[str, str] = field(default_factory=dict)
    articles_by_title: dict[str, str] = field(default_factory=dict)
    articles_by_issuer: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(author or publisher id, date ISO, type) -> article id"""
    images_by_caption: dict[tuple[str, str], str] = field(default_factory=dict)
    """(part_of, caption key) -> image id"""
    events_by_ordinal: dict[tuple[str, int], str] = field(default_factory=dict)
    events_by_act: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(type, date ISO, organizer id) -> event id"""
    events_by_name: dict[str, str] = field(default_factory=dict)
    conferrals: dict[str, str] = field(default_factory=dict)
    """title key -> conferral event id"""
    posts_by_organ: dict[tuple[str, str], str] = field(default_factory=dict)
    post_roles: dict[str, tuple[str, str]] = field(default_factory=dict)
    """post id -> (organ id, role)"""
    memberships: dict[tuple[str, str, str], str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    pending: dict[str, str] = field(default_factory=dict)
    """ids of drafts pending review elsewhere -> kind"""
    labels: dict[str, str] = field(default_factory=dict)
    """id -> preferred English name (or title)"""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """id -> its first abbreviation ("WPK")"""
    article_issuers: dict[str, list[str]] = field(default_factory=dict)
    """article id -> its authors, then its publisher"""
    event_dates: dict[str, str] = field(default_factory=dict)
    """event id -> ISO date"""
    event_types: dict[str, str] = field(default_factory=dict)
    """event id -> its type"""
    participants: set[tuple[str, str]] = field(default_factory=set)
    """(event id, participant id) the records state"""
    name_keys: dict[str, set[str]] = field(default_factory=dict)
    """id -> match keys of its names (to tell namesakes apart)"""
    organ_keys: dict[str, set[str]] = field(default_factory=dict)
    """match key of an organ's name -> the organs (records and pending drafts) with it"""
    name_texts: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    """id -> (system, text) of its names, to tell namesakes apart by how they are written"""
    people_by_key: dict[str, set[str]] = field(default_factory=dict)
    """match key -> ids of the people (records and pending drafts) with a name of that key"""
    seats: dict[str, list[Seat]] = field(default_factory=dict)
    """person id -> the memberships (records and pending drafts) that say what they hold"""
    descriptions: dict[str, str] = field(default_factory=dict)
    """person id -> the record's description (it may name offices: "Foreign minister ...")"""
    cache: dict[str, Any] = field(default_factory=dict)
    """what the identity step derives from the above, computed once per run: ``organs``
    (organ id -> its view: the organ and its ancestors' names), ``people`` (person id -> cues:
    their seats with those views, and what their description names), ``forms`` ((person id,
    loosely) -> their names' forms), ``gazetteer_ids`` (organ id -> standing organ, by the
    organs' name keys). Adding a record empties it; adding a pending draft empties only what
    the draft can change (:meth:`_forget`), as every article of a run adds drafts."""

    @classmethod
    def build(
        cls,
        records: Records | Iterable[Record] | None,
        drafts: list[dict[str, Any]] | None = None,
        lex: Lexicon | None = None,
    ) -> Known:
        lex = lex or lexicon()
        index = NameIndex(lex)
        known = cls(index)
        for record in records or []:
            known.add(record)
        for draft in drafts or []:
            known.add_draft(draft)
        return known

    def add(self, record: Record) -> None:
        kind = record.kind
        rid = record.id
        self.cache.clear()
        self.ids.add(rid)
        self.kinds[rid] = kind
        self.index.add_record(record)
        keys = self.name_keys.setdefault(rid, set())
        texts = self.name_texts.setdefault(rid, set())
        for name in getattr(record, "names", []):
            name_key = match_key(name.text)
            keys.add(name_key)
            if kind == "organ":
                self.organ_keys.setdefault(name_key, set()).add(rid)
            texts.add((name.system, name.text))
            if kind == "person":
                self.people_by_key.setdefault(name_key, set()).add(rid)
            if name.system == "en" and name.kind == "preferred":
                self.labels.setdefault(rid, name.text)
            if name.kind == "abbreviation":
                self.abbreviations.setdefault(rid, name.text)
        title = getattr(record, "title", None)
        if title:
            self.labels.setdefault(rid, str(title))
        if isinstance(record, Person) and record.description:
            self.descriptions[rid] = record.description
        if isinstance(record, Membership):
            self.seats.setdefault(record.person, []).append(
                Seat(
                    rid, record.person, record.organ, record.role, record.post,
                    record.start.iso if record.start else None,
                    record.end.iso if record.end else None,
                    record.as_of.iso if record.as_of else None,
                )
            )  # fmt: skip
        if isinstance(record, Organ):
            self.organ_parent[rid] = record.parent
            self.organ_kind[rid] = record.organ_kind
        elif isinstance(record, Article):
            if record.title and not record.title.startswith("["):
                self.articles_by_title[match_key(record.title)] = rid
            when = record.date.iso if record.date else ""
            self.article_issuers[rid] = [
                *record.authors,
                *([record.publisher] if record.publisher else []),
            ]
            for issuer in self.article_issuers[rid]:
                self.articles_by_issuer.setdefault((issuer, when, record.article_type), rid)
            if record.part_of and record.caption:
                self.images_by_caption[(record.part_of, match_key(record.caption))] = rid
        elif isinstance(record, Event):
            if record.series and record.ordinal:
                self.events_by_ordinal[(record.series, record.ordinal)] = rid
            when = record.date.iso if record.date else ""
            self.event_types[rid] = record.event_type
            for participant in record.participants:
                self.participants.add((rid, participant.ref))
            if when:
                self.event_dates[rid] = when
            for organizer in record.organizer or [""]:
                self.events_by_act.setdefault((record.event_type, when, organizer), rid)
            for name in record.names:
                self.events_by_name.setdefault(match_key(name.text), rid)
            if record.title:
                self.conferrals[match_key(record.title)] = rid
        elif isinstance(record, Post):
            self.posts_by_organ.setdefault((record.organ, record.role), rid)
            self.post_roles[rid] = (record.organ, record.role)
        if isinstance(record, Membership):
            self.memberships[(record.person, record.organ, record.role)] = rid

    def add_draft(self, draft: dict[str, Any]) -> None:
        """A draft pending review in another article's review file: known by name only (and a
        membership by what it says of its person)."""
        record = draft.get("record") or {}
        rid, kind = record.get("id"), draft.get("kind")
        if kind == "membership" and isinstance(rid, str):
            self._add_pending_seat(rid, record)
            return
        if not isinstance(rid, str) or kind not in ("person", "organ", "post", "event", "article"):
            return
        if rid in self.ids:
            return
        self._forget(rid, kind)
        self.pending[rid] = kind
        self.kinds.setdefault(rid, kind)
        for name in record.get("names", []) or []:
            if isinstance(name, dict) and isinstance(name.get("text"), str):
                self.name_keys.setdefault(rid, set()).add(match_key(name["text"]))
                self.name_texts.setdefault(rid, set()).add(
                    (str(name.get("system", "en")), name["text"])
                )
                if kind == "person":
                    self.people_by_key.setdefault(match_key(name["text"]), set()).add(rid)
                if kind == "organ":
                    self.organ_keys.setdefault(match_key(name["text"]), set()).add(rid)
                if name.get("system", "en") == "en" and name.get("kind") != "abbreviation":
                    self.labels.setdefault(rid, name["text"])
                if kind == "organ" and name.get("kind") == "abbreviation":
                    self.abbreviations.setdefault(rid, name["text"])
                self.index.add_name(
                    rid, kind, name["text"], name.get("system", "en"), name.get("kind", "alternate")
                )
        if kind == "organ":
            self.organ_parent[rid] = record.get("parent")
            self.organ_kind[rid] = record.get("kind", "")
        if kind == "event" and isinstance(record.get("type"), str):
            self.event_types[rid] = record["type"]
        if kind == "post" and isinstance(record.get("organ"), str) and record.get("role"):
            self.posts_by_organ.setdefault((record["organ"], record["role"]), rid)
            self.post_roles[rid] = (record["organ"], record["role"])
        if (
            kind == "article"
            and isinstance(record.get("title"), str)
            and not record["title"].startswith("[")
        ):
            self.articles_by_title.setdefault(match_key(record["title"]), rid)

    def _add_pending_seat(self, rid: str, record: dict[str, Any]) -> None:
        person, organ, role = record.get("person"), record.get("organ"), record.get("role")
        if not (isinstance(person, str) and isinstance(organ, str) and isinstance(role, str)):
            return
        if any(seat.id == rid for seat in self.seats.get(person, [])):
            return

        def iso(value: Any) -> str | None:
            if value is None:
                return None
            try:
                return parse_date(str(value)).iso
            except DateError:
                return None

        post = record.get("post")
        self.cache.get("people", {}).pop(person, None)  # only this person's seats change
        self.seats.setdefault(person, []).append(
            Seat(
                rid, person, organ, role, post if isinstance(post, str) else None,
                iso(record.get("start")), iso(record.get("end")), iso(record.get("as_of")), True,
            )
        )  # fmt: skip

    def _forget(self, rid: str, kind: str) -> None:
        """Empty what :attr:`cache` holds that a new pending draft ``rid`` can change. A
        draft of a person, organ, event or article adds names: to the index (which reads the
        offices people's descriptions name) and to ``rid`` (its names, label, kind, parent);
        what depends on neither stays (kept across the articles of a run, where every article
        adds drafts: an article's, and most often an organ's, event's or post's). An organ's
        draft also adds organ keys (``gazetteer_ids``); a post's, the label of the seats that
        name it. Other kinds empty the whole cache."""
        if kind not in ("person", "organ", "event", "article", "post"):
            self.cache.clear()
            return
        if kind == "organ":
            self.cache.pop("gazetteer_ids", None)
        if kind == "post":
            cues: dict[str, list[Any]] = self.cache.get("people", {})
            for person in [p for p in cues if any(s.post == rid for s in self.seats.get(p, ()))]:
                del cues[person]
        organs: dict[str, Any] = self.cache.get("organs", {})
        stale = {rid} & organs.keys()
        if rid in self.organ_parent.values():  # a view's lineage goes up through parents
            stale |= {
                key
                for key, view in organs.items()
                if any(ancestor == rid for ancestor, _ in view.lineage)
            }
        dropped = [organs.pop(key) for key in stale]
        people: dict[str, list[Any]] = self.cache.get("people", {})
        people.pop(rid, None)
        # the people whose cues read a dropped view (by identity: the views are alive in
        # ``dropped``), and those whose descriptions the index reads: without a dropped view,
        # only the latter, looked up from the smaller side (this runs for every draft)
        if dropped:
            views = {id(view) for view in dropped}
            stale_people = [
                p
                for p, cues in people.items()
                if p in self.descriptions or any(id(cue.organ) in views for cue in cues)
            ]
        elif len(self.descriptions) < len(people):
            stale_people = [p for p in self.descriptions if p in people]
        else:
            stale_people = [p for p in people if p in self.descriptions]
        for person in stale_people:
            del people[person]
        forms: dict[tuple[str, bool], Any] = self.cache.get("forms", {})
        for key in [k for k in forms if k[0] == rid]:
            del forms[key]
        for name in set(self.cache) - {"organs", "people", "forms", "gazetteer_ids"}:
            del self.cache[name]  # a cache this does not know: emptied, to be safe

    def root_party(self, organ_id: str) -> str | None:
        seen = set()
        current: str | None = organ_id
        while current and current not in seen:
            seen.add(current)
            if self.organ_kind.get(current) == "party":
                return current
            current = self.organ_parent.get(current)
        return None

    def ancestors(self, organ_id: str) -> list[str]:
        out, seen = [], set()
        current = self.organ_parent.get(organ_id)
        while current and current not in seen:
            seen.add(current)
            out.append(current)
            current = self.organ_parent.get(current)
        return out
