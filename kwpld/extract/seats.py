"""The unheld-seats pass (class CH): no one is a member, director or secretary of an army, its
General Staff or a ministry in the labelled set's sense. Such a body has a head (chairman) and
deputies (vice-chairman); "a member of the Ministry of Foreign Affairs since the 1980s",
"promoted to KPA General", "Kang Nung Su, a deputy" (of the chief of the General Staff) and
"director of the Korean People's Army" (a cut name of its General Political Bureau) state no
seat in it. The seats of commissions, committees, bureaus and the SPA are left alone. The roles
and organs are data (``unheld_roles`` in ``kwpld/reading/facts.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..names import match_key
from ..reading.gazetteer import gazetteer
from ..reading.state import Context, Found
from ..resources import resource_yaml

__all__ = ["unheld_seats"]


@dataclass(frozen=True)
class _Unheld:
    roles: frozenset[str]
    keys: frozenset[str]
    """match keys of every name of the listed organs"""
    starts: tuple[str, ...]


@cache
def _unheld() -> _Unheld:
    data = resource_yaml("kwpld/reading/facts.yaml")["unheld_roles"]
    organs = gazetteer().organs
    keys = frozenset(k for organ_id in data["organs"] for k in organs[organ_id].keys)
    return _Unheld(
        frozenset(data["roles"]),
        keys,
        tuple(s.lower() for s in data["name_starts"]),
    )


def _names(r: Context, key: str) -> list[str]:
    entity = r.reg.get(key)
    names = [n.text for n in entity.names]
    if entity.known:
        label = r.known.labels.get(entity.known)
        names.extend([label] if label else [])
    standing = entity.attrs.get("standing")
    if isinstance(standing, str) and standing in gazetteer().organs:
        names.extend(gazetteer().organs[standing].names)
    return names


def _unheld_in(r: Context, key: str, cache_: dict[str, bool]) -> bool:
    if key not in cache_:
        unheld = _unheld()
        names = _names(r, key)
        cache_[key] = any(
            match_key(n) in unheld.keys
            or n.lower().startswith(unheld.starts)
            for n in names
        )
    return cache_[key]


def unheld_seats(r: Context) -> Found:
    unheld = _unheld()
    seen: dict[str, bool] = {}
    kept = [
        f for f in r.facts
        if f.kind != "membership"
        or f.organ is None
        or f.role not in unheld.roles
        or not _unheld_in(r, r.reg.resolve(f.organ), seen)
    ]  # fmt: skip
    if len(kept) != len(r.facts):
        r.facts = kept
    return r.found()
