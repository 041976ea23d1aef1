"""The foreign states ingest knows without a data folder (``states.yaml``): every name and
abbreviation of a state, and the names of the offices of a state wire copy names (its
government, its foreign ministry, the U.S. State Department), so that one state or office is one
organ whatever an article calls it (issue 15, class X)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..names import match_key
from ..resources import resource_yaml

__all__ = ["ForeignOrgan", "ForeignStates", "foreign_states_table"]


@dataclass(frozen=True)
class ForeignOrgan:
    """A state (``office`` None) or an office of one: its names (the first preferred) and
    abbreviations, and the state's id."""

    id: str
    state: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    office: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(match_key(n) for n in (*self.names, *self.abbreviations))


@dataclass(frozen=True)
class ForeignStates:
    organs: dict[str, ForeignOrgan]
    by_key: dict[str, str]
    """match key of a name or abbreviation -> organ id (a state's, or an office's)"""

    after_of: dict[str, tuple[str, ...]]
    """state id -> its names as they follow "of" ("the Republic of Korea", "South Korea")"""
    office_heads: frozenset[str]

    def find(self, name: str) -> ForeignOrgan | None:
        """The state or office called ``name`` (any of its names; a leading "the" ignored), or
        another office of a state named "<office> of <state>" ("Ministry of Unification of
        South Korea"): that office under every name of the state."""
        name = _THE.sub("", " ".join(name.split()))
        organ_id = self.by_key.get(match_key(name))
        if organ_id:
            return self.organs[organ_id]
        first = name.split(" of ", 1)[0].lower().split()
        if not first or not (first[0] in self.office_heads or first[-1] in self.office_heads):
            return None  # "Ministry of ...", "Security Council of Russia" (class AE)
        for m in _OF.finditer(name):
            state_id = self.by_key.get(match_key(name[m.end() :]))
            state = self.organs.get(state_id) if state_id else None
            if state is None or state.office is not None:
                continue
            office = name[: m.start()]
            names = tuple(f"{office} of {n}" for n in self.after_of[state.id])
            return ForeignOrgan(f"{match_key(office)}:{state.id}", state.id, names, office=office)
        return None


_THE = re.compile(r"^the\s+", re.I)
_OF = re.compile(r" of (?:the )?", re.I)


@cache
def foreign_states_table() -> ForeignStates:
    data = resource_yaml("kwpld/reading/states.yaml")
    article = {w.lower() for w in data.get("article_words", ())}
    organs: dict[str, ForeignOrgan] = {}
    by_key: dict[str, str] = {}

    def add(organ: ForeignOrgan) -> None:
        organs[organ.id] = organ
        for name in (*organ.names, *organ.abbreviations):
            by_key.setdefault(match_key(name), organ.id)
            # "Government of Republic of Korea", as a name given without its article
            by_key.setdefault(match_key(name.replace(" of the ", " of ")), organ.id)

    states = []
    after_of: dict[str, tuple[str, ...]] = {}
    for spec in data["states"]:
        state = ForeignOrgan(
            spec["id"], spec["id"], tuple(spec["names"]), tuple(spec.get("abbreviations", ()))
        )
        states.append(state)
        after_of[state.id] = tuple(
            ("the " + n) if article & set(n.lower().split()) else n for n in state.names
        )
        add(state)
    for spec in data.get("offices", ()):
        for state in states:
            names = tuple(
                dict.fromkeys(
                    pattern.replace("{state}", n)
                    for pattern in spec["names"]
                    for n in after_of[state.id]
                )
            )
            add(ForeignOrgan(f"{spec['id']}:{state.id}", state.id, names, office=spec["id"]))
    for spec in data.get("named_offices", ()):
        add(ForeignOrgan(spec["id"], spec["state"], tuple(spec["names"]), office=spec["id"]))
    heads = frozenset(w.lower() for w in data.get("office_heads", ()))
    return ForeignStates(organs, by_key, after_of, heads)
