"""What charts need from the graph, read with the shipped queries into small dataclasses.

Every collection comes back sorted, so layouts built from it are deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import pyoxigraph as ox

from ..dates import PartialDate, parse_date
from ..vocab import vocabularies
from .graph import ChartGraph, Row

__all__ = [
    "Facts",
    "OrganInfo",
    "MembershipInfo",
    "SourceInfo",
    "EventInfo",
    "Names",
    "STATUS_ORDER",
    "role_order",
]

STATUS_ORDER = ("confirmed", "reported", "projected")
"""Membership statuses from surest to least sure."""

# Display order of roles inside an organ: leaders first, then members, then alternates.
_ROLE_ORDER = (
    "general-secretary",
    "first-secretary",
    "chairman",
    "vice-chairman",
    "secretary",
    "director",
    "first-vice-director",
    "vice-director",
    "editor-in-chief",
    "member",
    "alternate-member",
    "analyst",
)


def _source(iri: str, rows: list[Row]) -> SourceInfo | None:
    if not rows:
        return None
    # several rows only for unusual data (two titles, say): take the first in a fixed order
    row = min(rows, key=lambda r: tuple(sorted(f"{k}={v}" for k, v in r.items())))
    return SourceInfo(
        iri,
        row["type"].value,
        row["title"].value,
        _date(row.get("date")),
        row["caption"].value if "caption" in row else None,
        row["credit"].value if "credit" in row else None,
        row["publisher"].value if "publisher" in row else None,
        row["partOf"].value if "partOf" in row else None,
    )


def _event_order(events: Iterable[EventInfo]) -> list[EventInfo]:
    return sorted(
        events, key=lambda e: (e.date is None, e.date.earliest() if e.date else None, e.iri)
    )


def role_order(role: str) -> tuple[int, str]:
    return (_ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER), role)


def role_label(role: str) -> str:
    vocab = vocabularies()["role"]
    return vocab[role].label if role in vocab else role.replace("-", " ")


def _date(term: ox.Literal | None) -> PartialDate | None:
    return parse_date(term.value) if term is not None else None


DERIVED_MARK = "*"
"""Follows a name that no source prints (a derived name) wherever a chart draws it."""


@dataclass(frozen=True)
class Names:
    """How a chart labels an entity: English, Hangul and Hanja preferred labels.

    ``derived`` holds the slots ("en", "ko", "hanja") whose label is a derived name (a
    ``kwp:DerivedLabel``: Hangul read from McCune-Reischauer, ...), which charts mark.
    """

    en: str
    ko: str | None = None
    hanja: str | None = None
    derived: frozenset[str] = frozenset()

    def label(self, slot: str) -> str | None:
        """The label of a slot: "en", "ko" or "hanja"."""
        if slot == "en":
            return self.en
        if slot == "ko":
            return self.ko
        if slot == "hanja":
            return self.hanja
        raise ValueError(f"no label slot {slot!r}; the slots are en, ko and hanja")

    def shown(self, slot: str) -> str | None:
        """The label of ``slot`` as drawn: a derived one followed by :data:`DERIVED_MARK`."""
        text = self.label(slot)
        if text and slot in self.derived:
            return text + DERIVED_MARK
        return text

    @property
    def native(self) -> str:
        """Hangul and Hanja as drawn, derived ones marked."""
        return " ".join(n for n in (self.shown("ko"), self.shown("hanja")) if n)


@dataclass(frozen=True)
class OrganInfo:
    iri: str
    kind: str
    parent: str | None
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None


@dataclass(frozen=True)
class MembershipInfo:
    iri: str
    person: str
    organ: str
    role: str
    status: str
    start: PartialDate | None
    end: PartialDate | None
    as_of: PartialDate | None
    post: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SourceInfo:
    iri: str
    type: str
    title: str
    date: PartialDate | None = None
    caption: str | None = None
    credit: str | None = None
    publisher: str | None = None
    part_of: str | None = None


@dataclass(frozen=True)
class EventInfo:
    iri: str
    type: str
    date: PartialDate | None
    end: PartialDate | None
    ordinal: int | None
    series: str | None
    relations: tuple[str, ...] = field(default=())


class Facts:
    """Cached readers over a :class:`ChartGraph`."""

    def __init__(self, graph: ChartGraph) -> None:
        self.graph = graph
        self._names: dict[str, Names] | None = None
        self._memberships: dict[tuple[str, str], list[MembershipInfo]] | None = None
        self._events: dict[str, list[EventInfo]] | None = None
        self._sources: dict[str, SourceInfo | None] | None = None

    def prefetch(self) -> None:
        """Read every membership and event link once, for callers that draw many charts
        (the site): then lookups cost no query."""
        by: dict[tuple[str, str], list[MembershipInfo]] = {}
        for m in self._read_memberships({}):
            by.setdefault(("organ", m.organ), []).append(m)
            by.setdefault(("person", m.person), []).append(m)
        self._memberships = by
        self._events = self._read_events(self.graph.select("related-events"))
        rows: dict[str, list[Row]] = {}
        for row in self.graph.select("sources"):
            rows.setdefault(row["article"].value, []).append(row)
        self._sources = {iri: _source(iri, found) for iri, found in rows.items()}

    # -- organs -------------------------------------------------------------------------
    @cached_property
    def organs(self) -> dict[str, OrganInfo]:
        found: dict[str, OrganInfo] = {}
        for row in self.graph.select("organs"):
            iri = row["organ"].value
            parent = row.get("parent")
            info = OrganInfo(
                iri,
                row["kind"].value,
                parent.value if parent is not None else None,
                _date(row.get("founded")),
                _date(row.get("dissolved")),
            )
            old = found.get(iri)
            # an organ with two parents (unusual) keeps the first in IRI order
            if old is None or (info.parent or "") < (old.parent or ""):
                found[iri] = info
        return dict(sorted(found.items()))

    @cached_property
    def children(self) -> dict[str, list[str]]:
        kids: dict[str, list[str]] = {}
        for organ in self.organs.values():
            if organ.parent is not None and organ.parent in self.organs:
                kids.setdefault(organ.parent, []).append(organ.iri)
        return {k: sorted(v, key=self.sort_name) for k, v in sorted(kids.items())}

    def descendants(self, organ: str) -> list[str]:
        """Sub-organs at every depth, depth first, each level in name order."""
        out: list[str] = []
        seen = {organ}

        def walk(node: str) -> None:
            for child in self.children.get(node, []):
                if child not in seen:  # a cycle in bad data must not hang the chart
                    seen.add(child)
                    out.append(child)
                    walk(child)

        walk(organ)
        return out

    def ancestors(self, organ: str) -> list[str]:
        chain: list[str] = []
        current = self.organs.get(organ)
        while current is not None and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self.organs.get(current.parent)
        return chain

    # -- names --------------------------------------------------------------------------
    @property
    def names(self) -> dict[str, Names]:
        if self._names is None:
            collected: dict[str, dict[str, list[str]]] = {}
            derived: set[tuple[str, str, str]] = set()  # (entity, slot, text)
            for row in self.graph.select("display-labels"):
                label = row["label"]
                lang = (label.language or "").lower()
                if row["property"].value == "pref":
                    slot = {"en": "en", "ko": "ko", "ko-hani": "hanja"}.get(lang, "other")
                else:
                    slot = "label"
                entity = row["entity"].value
                collected.setdefault(entity, {}).setdefault(slot, []).append(label.value)
                if "derived" in row:
                    derived.add((entity, slot, label.value))
            names: dict[str, Names] = {}
            for iri, slots in collected.items():
                en = min(slots.get("en") or slots.get("label") or slots.get("other") or [iri])
                ko = min(slots["ko"]) if slots.get("ko") else None
                hanja = min(slots["hanja"]) if slots.get("hanja") else None
                marked = frozenset(
                    slot
                    for slot, text in (("en", en), ("ko", ko), ("hanja", hanja))
                    if text is not None and (iri, slot, text) in derived
                )
                names[iri] = Names(en, ko, hanja, marked)
            self._names = names
        return self._names

    def name(self, iri: str) -> Names:
        return self.names.get(iri) or Names(iri.rstrip("/").rsplit("/", 1)[-1])

    def sort_name(self, iri: str) -> tuple[str, str]:
        return (self.name(iri).en.casefold(), iri)

    # -- memberships --------------------------------------------------------------------
    def memberships(
        self, *, organ: str | None = None, person: str | None = None
    ) -> list[MembershipInfo]:
        bindings = {}
        if organ is not None:
            bindings["organ"] = organ
        if person is not None:
            bindings["person"] = person
        if self._memberships is not None and len(bindings) == 1:
            ((kind, iri),) = bindings.items()
            return list(self._memberships.get((kind, iri), []))
        return self._read_memberships(bindings)

    def _read_memberships(self, bindings: dict[str, str]) -> list[MembershipInfo]:
        organ, person = bindings.get("organ"), bindings.get("person")
        rows = self.graph.select("memberships", **bindings)
        grouped: dict[str, dict[str, Any]] = {}
        for row in rows:
            iri = row["membership"].value
            entry = grouped.setdefault(
                iri,
                {
                    "person": (row.get("person") or ox.NamedNode(person or "")).value,
                    "organ": (row.get("organ") or ox.NamedNode(organ or "")).value,
                    "role": row["role"].value,
                    "status": row["status"].value,
                    "start": _date(row.get("start")),
                    "end": _date(row.get("end")),
                    "as_of": _date(row.get("asOf")),
                    "post": row["post"].value if "post" in row else None,
                    "sources": set(),
                },
            )
            if "source" in row:
                entry["sources"].add(row["source"].value)
        result = [
            MembershipInfo(iri, **{**e, "sources": tuple(sorted(e["sources"]))})
            for iri, e in grouped.items()
        ]
        return sorted(result, key=lambda m: m.iri)

    # -- sources ------------------------------------------------------------------------
    def sources(self, iris: list[str] | set[str]) -> list[SourceInfo]:
        """The articles with these IRIs, oldest first (undated last), then by title."""
        found: list[SourceInfo] = []
        for iri in sorted(set(iris)):
            if self._sources is not None:
                info = self._sources.get(iri)
            else:
                info = _source(iri, self.graph.select("sources", article=iri))
            if info is not None:
                found.append(info)

        def key(s: SourceInfo) -> tuple[bool, object, str, str]:
            return (s.date is None, s.date.earliest() if s.date else None, s.title, s.iri)

        return sorted(found, key=key)

    # -- events -------------------------------------------------------------------------
    def events(self, related: list[str]) -> list[EventInfo]:
        """Events linked to any of ``related`` (organizer, participant, subject, ...)."""
        if self._events is not None:
            merged: dict[str, EventInfo] = {}
            for target in set(related):
                for event in self._events.get(target, []):
                    old = merged.get(event.iri)
                    relations = set(event.relations) | set(old.relations if old else ())
                    merged[event.iri] = replace(event, relations=tuple(sorted(relations)))
            return _event_order(merged.values())
        rows = [
            row
            for target in sorted(set(related))
            for row in self.graph.select("related-events", related=target)
        ]
        return _event_order(self._read_events(rows).get("", []))

    def _read_events(self, rows: list[Row]) -> dict[str, list[EventInfo]]:
        """Events by related entity ("" collects them all)."""
        per_target: dict[str, dict[str, dict[str, Any]]] = {}
        for row in rows:
            target = row["related"].value if "related" in row else ""
            for key in {target, ""}:
                self._event_row(per_target.setdefault(key, {}), row)
        return {
            key: _event_order(
                EventInfo(iri, **{**e, "relations": tuple(sorted(e["relations"]))})
                for iri, e in grouped.items()
            )
            for key, grouped in per_target.items()
        }

    @staticmethod
    def _event_row(grouped: dict[str, dict[str, Any]], row: Row) -> None:
        entry = grouped.setdefault(
            row["event"].value,
            {
                "type": row["type"].value,
                "date": _date(row.get("date")),
                "end": _date(row.get("end")),
                "ordinal": int(row["ordinal"].value) if "ordinal" in row else None,
                "series": row["series"].value if "series" in row else None,
                "relations": set(),
            },
        )
        entry["relations"].add(row["relation"].value)

    @cached_property
    def posts(self) -> dict[str, tuple[str, str]]:
        """Post IRI -> (organ IRI, role notation)."""
        return {
            row["post"].value: (row["organ"].value, row["role"].value)
            for row in self.graph.select("posts")
        }
