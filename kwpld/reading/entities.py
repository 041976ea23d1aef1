"""What a read article is about: entities (known records or new ones) and their mentions.

While an article is read, everything it names becomes an :class:`Entity` in a
:class:`Registry`: either a record that already exists (``known`` is its id) or a new one that
will be proposed as a draft. Fields that point at other entities hold :class:`Ref` objects, so
entities can be merged (the "KWP" of one sentence and the "Workers' Party of Korea" of another)
before any id is given out.

A pass of ingest never changes the registry it reads: it works on :class:`Changes`, an overlay
that holds the entities it adds, copies of those it changes, and the merges it makes, and
returns it among its findings; the pipeline then applies it (:meth:`Registry.apply`). So what a
pass found can be inspected on its own, and no pass sees another's half-done work.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..dates import PartialDate
from ..model import Derivation

__all__ = ["Ref", "NameDraft", "Entity", "Mention", "Mentions", "Registry", "Changes"]


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
    derivation: Derivation | None = None
    """How a derived name was made, and from which name of the entity: a rule of
    :data:`kwpld.model.NAME_DERIVATION_RULES` and the source name's text and system. The
    draft's record says so (``derived_from``) instead of citing the article, which does not
    print the name; None for a derived name lets the drafts choose (a name composed from
    others, or one the gazetteer gives)."""

    def __post_init__(self) -> None:
        if self.derivation is not None:
            self.derived = True

    def copy(self) -> NameDraft:
        return NameDraft(
            self.text, self.system, self.kind, list(self.spans), self.note, self.valid_from,
            self.valid_until, self.renamed_by, self.derived, self.derivation,
        )  # fmt: skip


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

    def copy(self) -> Entity:
        """A copy a pass may change without changing this one (containers one level deep, which
        is as deep as passes change them)."""
        return Entity(
            self.key,
            self.kind,
            self.known,
            [n.copy() for n in self.names],
            {k: _copied(v) for k, v in self.fields.items()},
            list(self.evidence),
            list(self.why),
            {k: _copied(v) for k, v in self.attrs.items()},
        )

    def add_name(self, name: NameDraft) -> NameDraft:
        """Add a name, or fold it into the same spelling already there: a name printed
        anywhere is printed (it loses its derivation), its spans and kind are kept."""
        for existing in self.names:
            if existing.text == name.text and existing.system == name.system:
                existing.spans.extend(s for s in name.spans if s not in existing.spans)
                if name.kind in ("preferred", "former", "epithet", "abbreviation"):
                    existing.kind = name.kind if existing.kind == "alternate" else existing.kind
                existing.derived = existing.derived and name.derived
                if not existing.derived:
                    existing.derivation = None  # printed after all: the article is its source
                elif existing.derivation is None:
                    existing.derivation = name.derivation
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

    def copy(self) -> Mention:
        return Mention(
            self.start, self.end, self.text, self.entity, self.kind, self.name_kind,
            self.candidates, self.honorific, self.note,
        )  # fmt: skip


def _copied(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, set):
        return set(value)
    return value


class Mentions:
    """An article's mentions in text order, looked up by position."""

    def __init__(self, items: list[Mention] | None = None) -> None:
        self.items: list[Mention] = list(items or [])
        self._starts: list[int] = []
        self.changes = 0
        """how often the mentions were added to, replaced or sorted since this object was made
        (a copy starts at 0): what was built from the copied ones still holds while it is 0"""
        self.sort()

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def copy(self) -> Mentions:
        """A copy a pass may change (mentions included) without changing this one."""
        out = Mentions.__new__(Mentions)
        out.items = [m.copy() for m in self.items]
        out._starts = list(self._starts)
        out.changes = 0
        return out

    def sort(self) -> None:
        self.items.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.items]
        self.changes += 1

    def replace(self, items: list[Mention]) -> None:
        self.items = list(items)
        self.sort()

    def add(self, mention: Mention) -> None:
        """Add a mention, unless one has exactly its span."""
        for existing in self.items:
            if existing.start == mention.start and existing.end == mention.end:
                return
        self.items.append(mention)
        self.sort()

    def at(self, start: int, end: int | None = None, kinds: tuple[str, ...] = ()) -> Mention | None:
        """The mention covering [start, end) best, optionally of given kinds."""
        end = start + 1 if end is None else end
        index = bisect.bisect_right(self._starts, start) - 1
        best = None
        for m in self.items[max(0, index - 3) : index + 8]:
            covers = m.start <= start and end <= m.end and (not kinds or m.kind in kinds)
            if covers and (best is None or (m.end - m.start) < (best.end - best.start)):
                best = m
        return best

    def within(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> list[Mention]:
        """Mentions of entities inside [start, end), optionally of given kinds."""
        first = bisect.bisect_left(self._starts, start)
        out = []
        for m in self.items[first:]:
            if m.start >= end:
                break
            if m.end <= end and m.entity and (not kinds or m.kind in kinds):
                out.append(m)
        return out


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
        _fold(target, other)
        self._alias[drop] = keep
        return target

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]

    def new(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.known is None]

    def in_order(self) -> list[str]:
        """Keys of the entities (not of merged-away ones), in the order they were added."""
        return list(self.entities)

    def alive(self, key: str) -> bool:
        """``key`` is an entity's own key (not merged into another)."""
        return key in self.entities

    def peek(self, key: str) -> Entity:
        """An entity, to read only."""
        return self.get(key)

    def changes(self) -> Changes:
        """An overlay for one pass to work on (see the module docstring)."""
        return Changes(self)

    def apply(self, changes: Changes) -> None:
        """Make what a pass found part of the registry: changed entities replace theirs (in
        place, so order is kept), merged ones go, new ones are added in the order found."""
        if changes.base is not self:
            raise ValueError("changes of another registry")
        for key in changes.dropped:
            self.entities.pop(key, None)
        for key, entity in changes.entities.items():
            self.entities[key] = entity
        self._alias.update(changes._alias)
        self._by_known.update(changes._by_known)


class Changes:
    """What one pass found about entities: those it added, copies of those it changed, and
    merges; reads fall through to the registry below (see the module docstring)."""

    def __init__(self, base: Registry) -> None:
        self.base = base
        self.entities: dict[str, Entity] = {}
        self._alias: dict[str, str] = {}
        self._by_known: dict[str, str] = {}
        self.dropped: set[str] = set()

    # -- what was found ---------------------------------------------------------------------
    def added(self) -> list[Entity]:
        """Entities new in this pass (not merged away)."""
        return [e for k, e in self.entities.items() if k not in self.base.entities]

    def touched(self) -> list[Entity]:
        """Entities of the registry this pass read or changed (copies)."""
        return [e for k, e in self.entities.items() if k in self.base.entities]

    def merges(self) -> dict[str, str]:
        """Dropped key -> the key it was merged into."""
        return dict(self._alias)

    # -- the registry's interface --------------------------------------------------------------
    def resolve(self, key: str) -> str:
        while True:
            if key in self._alias:
                key = self._alias[key]
            elif key in self.base._alias:
                key = self.base._alias[key]
            else:
                return key

    def _present(self, key: str) -> bool:
        return key in self.entities or (key in self.base.entities and key not in self.dropped)

    def alive(self, key: str) -> bool:
        return self._present(key)

    def get(self, key: str) -> Entity:
        key = self.resolve(key)
        entity = self.entities.get(key)
        if entity is None:
            if key in self.dropped:
                raise KeyError(key)
            entity = self.base.entities[key].copy()
            self.entities[key] = entity
        return entity

    def peek(self, key: str) -> Entity:
        """An entity, to read only: no copy is made."""
        key = self.resolve(key)
        entity = self.entities.get(key)
        if entity is None:
            if key in self.dropped:
                raise KeyError(key)
            return self.base.entities[key]
        return entity

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._present(self.resolve(key))

    def known(self, record_id: str, kind: str) -> Entity:
        key = self._by_known.get(record_id) or self.base._by_known.get(record_id)
        if key is None:
            key = f"={record_id}"
            self.entities[key] = Entity(key, kind, known=record_id)
            self._by_known[record_id] = key
        return self.get(key)

    def add(self, entity: Entity) -> Entity:
        key = self.resolve(entity.key)
        if self._present(key):
            return self.get(key)
        self.entities[key] = entity
        return entity

    def merge(self, keep: str, drop: str) -> Entity:
        """As :meth:`Registry.merge`."""
        keep, drop = self.resolve(keep), self.resolve(drop)
        target = self.get(keep)
        if keep == drop:
            return target
        if target.known is None and self.get(drop).known is not None:
            keep, drop = drop, keep
            target = self.get(keep)
        other = self.get(drop)
        self.entities.pop(drop)
        self.dropped.add(drop)
        _fold(target, other)
        self._alias[drop] = keep
        return target

    def in_order(self) -> list[str]:
        out = [k for k in self.base.entities if k not in self.dropped]
        out.extend(k for k in self.entities if k not in self.base.entities)
        return out

    def of_kind(self, kind: str) -> list[Entity]:
        return [self.get(k) for k in self.in_order() if self.peek(k).kind == kind]

    def new(self) -> list[Entity]:
        return [self.get(k) for k in self.in_order() if self.peek(k).known is None]


def _fold(target: Entity, other: Entity) -> None:
    """Names, evidence and unset fields of ``other`` move to ``target``."""
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
