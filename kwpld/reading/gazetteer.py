"""The standing organs ingest knows without a data folder (``organs.yaml``): their names,
abbreviations, kinds and parents, and an index to find them in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from ..names import match_key
from ..resources import resource_yaml
from .index import NameIndex
from .lexicon import lexicon

__all__ = ["GazetteerOrgan", "Gazetteer", "gazetteer"]


@dataclass(frozen=True)
class GazetteerOrgan:
    id: str
    kind: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    parent: str | None = None
    code: str | None = None

    @cached_property
    def keys(self) -> frozenset[str]:
        """Match keys of every name and abbreviation (computed once: ingest asks for them for
        every organ of the gazetteer each time it looks a record up in it)."""
        return frozenset(match_key(n) for n in (*self.names, *self.abbreviations))

    @cached_property
    def name_keys(self) -> tuple[str, ...]:
        """Match keys of its names, in order (not its abbreviations)."""
        return tuple(match_key(n) for n in self.names)


@dataclass
class Gazetteer:
    organs: dict[str, GazetteerOrgan]
    index: NameIndex
    by_name: dict[str, str]
    """match key of a name -> organ id"""
    _children: dict[str, tuple[GazetteerOrgan, ...]] | None = field(default=None, repr=False)

    @cached_property
    def parties(self) -> tuple[str, ...]:
        """The parties of organs.yaml in the file's order: the first is the DPRK's own, the
        others foreign parties (the CPC, the CPSU). Built once, not per lookup."""
        return tuple(o.id for o in self.organs.values() if o.kind == "party")

    def find(self, name: str) -> GazetteerOrgan | None:
        organ_id = self.by_name.get(match_key(name))
        return self.organs.get(organ_id) if organ_id else None

    def children(self, organ_id: str) -> tuple[GazetteerOrgan, ...]:
        """The organs whose parent is ``organ_id``, in the file's order."""
        if self._children is None:
            table: dict[str, list[GazetteerOrgan]] = {}
            for organ in self.organs.values():
                if organ.parent is not None:
                    table.setdefault(organ.parent, []).append(organ)
            self._children = {k: tuple(v) for k, v in table.items()}
        return self._children.get(organ_id, ())

    def party_of(self, organ_id: str) -> str | None:
        seen: set[str] = set()
        current: str | None = organ_id
        while current and current not in seen:
            seen.add(current)
            organ = self.organs.get(current)
            if organ is None:
                return None
            if organ.kind == "party":
                return organ.id
            current = organ.parent
        return None


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,6}")


@cache
def gazetteer() -> Gazetteer:
    data = resource_yaml("kwpld/reading/organs.yaml")
    index = NameIndex(lexicon())
    organs: dict[str, GazetteerOrgan] = {}
    by_name: dict[str, str] = {}
    for spec in data["organs"]:
        organ = GazetteerOrgan(
            spec["id"],
            spec["kind"],
            tuple(spec["names"]),
            tuple(spec.get("abbreviations", ())),
            spec.get("parent"),
            spec.get("code"),
        )
        organs[organ.id] = organ
        for name in organ.names:
            by_name.setdefault(match_key(name), organ.id)
            index.add_name(organ.id, "organ", name, "en", "alternate")
            dotted = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)
            if dotted != name:  # a text's "C.C." is one word, "cc" (see document.py)
                index.add_name(organ.id, "organ", dotted, "en", "alternate")
        for abbreviation in organ.abbreviations:
            by_name.setdefault(match_key(abbreviation), organ.id)
            index.add_name(organ.id, "organ", abbreviation, "en", "abbreviation")
    return Gazetteer(organs, index, by_name)
