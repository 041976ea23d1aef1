"""What a read article is about: entities (known records or new ones) and their mentions.

While an article is read, everything it names becomes an :class:`Entity` in a
:class:`Registry`: either a record that already exists (``known`` is its id) or a new one that
will be proposed as a draft. Fields that point at other entities hold :class:`Ref` objects, so
entities can be merged (the "KWP" of one sentence and the "Workers' Party of Korea" of another)
before any id is given out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..dates import PartialDate

__all__ = ["Ref", "NameDraft", "Entity", "Mention", "Registry"]


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an entity of the registry, by key (resolved through merges)."""

    key: str


@dataclass
class NameDraft:
    """A name an entity is given in the article, with where it is written."""

    text: str
    system: str = "en"
    kind: str = "alternate"
    spans: list[tuple[int, int]] = field(default_factory=list)
    note: str | None = None
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    renamed_by: Ref | None = None
    derived: bool = False
    """Made up by kwpld from other names (a full form, a transliteration), not printed."""


@dataclass
class Entity:
    key: str
    kind: str
    known: str | None = None
    """Id of the existing record (or pending draft) this entity is."""
    names: list[NameDraft] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    """How the entity was found, in words, for the reviewer."""
    attrs: dict[str, Any] = field(default_factory=dict)
    """Working data of the reader (organ kind, party, series key, ...), never written."""

    def add_name(self, name: NameDraft) -> NameDraft:
        for existing in self.names:
            if existing.text == name.text and existing.system == name.system:
                existing.spans.extend(s for s in name.spans if s not in existing.spans)
                if name.kind in ("preferred", "former", "epithet", "abbreviation"):
                    existing.kind = name.kind if existing.kind == "alternate" else existing.kind
                existing.derived = existing.derived and name.derived
                return existing
        self.names.append(name)
        return name

    def note(self, why: str, span: tuple[int, int] | None = None) -> None:
        if why not in self.why:
            self.why.append(why)
        if span is not None and span not in self.evidence:
            self.evidence.append(span)


@dataclass
class Mention:
    """A span of the text that names an entity (or one of several candidates)."""

    start: int
    end: int
    text: str
    entity: str | None
    kind: str
    name_kind: str = "alternate"
    candidates: tuple[str, ...] = ()
    honorific: tuple[int, int] | None = None
    note: str | None = None


class Registry:
    """Entities by key, with merging: a merged key keeps resolving to the surviving entity."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._alias: dict[str, str] = {}
        self._by_known: dict[str, str] = {}

    def resolve(self, key: str) -> str:
        while key in self._alias:
            key = self._alias[key]
        return key

    def get(self, key: str) -> Entity:
        return self.entities[self.resolve(key)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.resolve(key) in self.entities

    def known(self, record_id: str, kind: str) -> Entity:
        """The entity of an existing record (one per record)."""
        key = self._by_known.get(record_id)
        if key is None:
            key = f"={record_id}"
            self.entities[key] = Entity(key, kind, known=record_id)
            self._by_known[record_id] = key
        return self.get(key)

    def add(self, entity: Entity) -> Entity:
        key = self.resolve(entity.key)
        if key in self.entities:
            return self.entities[key]
        self.entities[key] = entity
        return entity

    def merge(self, keep: str, drop: str) -> Entity:
        """Fold ``drop`` into ``keep``: names, evidence and unset fields move over."""
        keep, drop = self.resolve(keep), self.resolve(drop)
        target = self.entities[keep]
        if keep == drop:
            return target
        if target.known is None and self.entities[drop].known is not None:
            keep, drop = drop, keep
            target = self.entities[keep]
        other = self.entities.pop(drop)
        for name in other.names:
            target.add_name(name)
        for key, value in other.fields.items():
            if key not in target.fields:
                target.fields[key] = value
            elif isinstance(value, list) and isinstance(target.fields[key], list):
                target.fields[key].extend(v for v in value if v not in target.fields[key])
        for span in other.evidence:
            if span not in target.evidence:
                target.evidence.append(span)
        for why in other.why:
            target.note(why)
        for key, value in other.attrs.items():
            target.attrs.setdefault(key, value)
        self._alias[drop] = keep
        return target

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]

    def new(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.known is None]
