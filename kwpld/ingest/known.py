"""What a data folder already holds, arranged for recognizing it in new articles.

Built once per ``kwpld ingest`` run: the name index of every record (and of drafts still
pending review, so that two articles naming the same new person propose one draft), plus keys
for things that are recognized by what they are rather than by name: an article by its
publisher and date, an event by its series and ordinal or by its type, date and organizer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Event, Organ, Records
from ..names import match_key
from .index import NameIndex
from .lexicon import Lexicon, lexicon

__all__ = ["Known"]


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

    @classmethod
    def build(
        cls, records: Records | None, drafts: list[dict] | None = None, lex: Lexicon | None = None
    ) -> Known:
        lex = lex or lexicon()
        index = NameIndex(lex)
        known = cls(index)
        for record in records or []:
            known.add(record)
        for draft in drafts or []:
            known.add_draft(draft)
        return known

    def add(self, record: object) -> None:
        kind = record.kind  # type: ignore[attr-defined]
        rid = record.id  # type: ignore[attr-defined]
        self.ids.add(rid)
        self.kinds[rid] = kind
        self.index.add_record(record)
        keys = self.name_keys.setdefault(rid, set())
        texts = self.name_texts.setdefault(rid, set())
        for name in getattr(record, "names", []):
            keys.add(match_key(name.text))
            if kind == "organ":
                self.organ_keys.setdefault(match_key(name.text), set()).add(rid)
            texts.add((name.system, name.text))
            if name.system == "en" and name.kind == "preferred":
                self.labels.setdefault(rid, name.text)
            if name.kind == "abbreviation":
                self.abbreviations.setdefault(rid, name.text)
        if getattr(record, "title", None):
            self.labels.setdefault(rid, record.title)  # type: ignore[attr-defined]
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
        elif record.kind == "post":  # type: ignore[attr-defined]
            self.posts_by_organ.setdefault((record.organ, record.role), rid)  # type: ignore[attr-defined]
            self.post_roles[rid] = (record.organ, record.role)  # type: ignore[attr-defined]
        elif record.kind == "membership":  # type: ignore[attr-defined]
            key = (record.person, record.organ, record.role)  # type: ignore[attr-defined]
            self.memberships[key] = rid

    def add_draft(self, draft: dict) -> None:
        """A draft pending review in another article's review file: known by name only."""
        record = draft.get("record") or {}
        rid, kind = record.get("id"), draft.get("kind")
        if not isinstance(rid, str) or kind not in ("person", "organ", "post", "event", "article"):
            return
        if rid in self.ids:
            return
        self.pending[rid] = kind
        self.kinds.setdefault(rid, kind)
        for name in record.get("names", []) or []:
            if isinstance(name, dict) and isinstance(name.get("text"), str):
                self.name_keys.setdefault(rid, set()).add(match_key(name["text"]))
                if kind == "organ":
                    self.organ_keys.setdefault(match_key(name["text"]), set()).add(rid)
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
