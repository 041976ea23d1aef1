"""Two records' fields made one: names and lists united, scalars agreeing or in conflict.

Records here are plain data, as a YAML file holds them (dicts, lists, strings, numbers). The
survivor's values and order come first; the absorbed record adds what the survivor lacks.
Two values that differ are a :class:`Conflict` unless one side is preferred; the exceptions
are those where one value holds the other: a date that is the same day written another way
("May of Juche 80 (1991)" and "1991-05") or a more precise date within a less precise one
(the more precise is kept), and text that differs only in spacing.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate, parse_date
from ..load.checks import REFERENCE_FIELDS, walk_references

__all__ = [
    "Conflict",
    "DATE_FIELDS",
    "merge_fields",
    "rename_references",
    "references",
]

DATE_FIELDS = frozenset(
    {
        "born",
        "died",
        "founded",
        "dissolved",
        "start",
        "end",
        "as_of",
        "date",
        "valid_from",
        "valid_until",
    }
)
_NAME_ATTRIBUTES = ("valid_from", "valid_until", "renamed_by", "note")


@dataclass(frozen=True)
class Conflict:
    """One field whose two values cannot both stand."""

    field: str
    survivor: str
    absorbed: str

    def describe(self, survivor_id: str, absorbed_id: str) -> str:
        return f"{self.field}: {self.survivor} ({survivor_id}) vs {self.absorbed} ({absorbed_id})"


@dataclass
class Merged:
    """The merged record, the conflicts left (none when a side was preferred), and notes on
    choices made without a conflict (a more precise date kept)."""

    record: dict[str, Any]
    conflicts: list[Conflict]
    notes: list[str]


def references(record: dict[str, Any], kind: str) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, id) of every reference the record makes (the fields the loader checks)."""
    for pattern, _allowed in REFERENCE_FIELDS[kind]:
        yield from walk_references(record, pattern)


def rename_references(record: dict[str, Any], kind: str, old: str, new: str) -> bool:
    """Make every reference to ``old`` one to ``new``, in place, and drop the list items that
    become repeats (an article that mentioned both now mentions one twice; a participant
    listed twice gives its sources to the first). Other lists are left as they are. True if
    anything changed."""
    paths = [path for path, ref in references(record, kind) if ref == old]
    if not paths:
        return False
    lists: list[list[Any]] = []
    for path in paths:
        parent: Any = record
        containers: list[Any] = []
        for step in path[:-1]:
            containers.append(parent)
            parent = parent[step]
        parent[path[-1]] = new
        if isinstance(parent, list):
            lists.append(parent)
        elif path[-1] == "ref" and containers and isinstance(containers[-1], list):
            lists.append(containers[-1])  # a {ref: ...} item of a list
    for items in lists:
        _dedupe_list(items)
    return True


def _dedupe_list(node: list[Any]) -> None:
    """Remove repeated items from a list of ids or of ``{ref: ...}`` items (the second of two
    items with one ``ref`` and nothing else that differs gives its sources to the first)."""
    kept: list[Any] = []
    for item in node:
        if isinstance(item, str) and item in kept:
            continue
        if isinstance(item, dict) and isinstance(item.get("ref"), str):
            same = next(
                (k for k in kept if isinstance(k, dict) and k.get("ref") == item["ref"]), None
            )
            if same is not None and _compatible_ref_items(same, item):
                _unite(same.setdefault("sources", []), item.get("sources") or [])
                if not same["sources"]:
                    del same["sources"]
                continue
        if isinstance(item, dict) and item in kept:
            continue
        kept.append(item)
    node[:] = kept


def _compatible_ref_items(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in set(a) | set(b) if k not in ("ref", "sources"))


def _unite(target: list[Any], extra: list[Any]) -> None:
    for item in extra:
        if item not in target:
            target.append(item)


def merge_fields(
    kind: str,
    survivor: dict[str, Any],
    absorbed: dict[str, Any],
    prefer: str | None,
) -> Merged:
    """Merge ``absorbed`` into ``survivor`` (neither is changed). ``prefer`` is ``"survivor"``,
    ``"absorbed"`` or None: the side whose value wins a conflict, or none (conflicts kept)."""
    merged = copy.deepcopy(survivor)
    conflicts: list[Conflict] = []
    notes: list[str] = []
    for key, value in absorbed.items():
        if key == "id":
            continue
        if key == "names" and isinstance(value, list):
            names, found = _merge_names(merged.get("names") or [], value, prefer)
            merged["names"] = names
            conflicts.extend(found)
            continue
        if key not in merged or merged[key] is None:
            if value is not None:
                merged[key] = copy.deepcopy(value)
            continue
        mine = merged[key]
        if isinstance(mine, list) and isinstance(value, list):
            _unite(mine, copy.deepcopy(value))
            _dedupe_list(mine)
            continue
        kept, conflict, note = _scalar(key, mine, value, prefer)
        merged[key] = kept
        if conflict is not None:
            conflicts.append(conflict)
        if note:
            notes.append(note)
    return Merged(merged, conflicts, notes)


def _scalar(
    key: str, mine: Any, theirs: Any, prefer: str | None
) -> tuple[Any, Conflict | None, str | None]:
    """The value kept for a scalar field, a conflict if it is one, a note on the choice."""
    if _same(mine, theirs):
        return mine, None, None
    if key in DATE_FIELDS:
        a, b = _date(mine), _date(theirs)
        if a is not None and b is not None and _within(a, b):
            if _narrower(b, a):
                return theirs, None, f"{key}: kept {theirs}, more precise than {mine}"
            return mine, None, f"{key}: kept {mine}, more precise than {theirs}"
    conflict = Conflict(key, _show(mine), _show(theirs))
    if prefer == "absorbed":
        return theirs, None, None
    if prefer == "survivor":
        return mine, None, None
    return mine, conflict, None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()) == " ".join(b.split())
    return bool(a == b)


def _date(value: Any) -> PartialDate | None:
    if not isinstance(value, (str, int)):
        return None
    try:
        return parse_date(str(value))
    except ValueError:
        return None


def _within(a: PartialDate, b: PartialDate) -> bool:
    """One date's span holds the other's (the same day written twice, or 1942 and 1942-10)."""
    return (a.earliest() <= b.earliest() and b.latest() <= a.latest()) or (
        b.earliest() <= a.earliest() and a.latest() <= b.latest()
    )


def _narrower(a: PartialDate, b: PartialDate) -> bool:
    return (a.latest() - a.earliest()) < (b.latest() - b.earliest())


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


# -- names ------------------------------------------------------------------------------------


def _key(name: dict[str, Any]) -> tuple[str, str]:
    return " ".join(str(name.get("text", "")).split()), str(name.get("system", ""))


def _effective_kinds(names: list[Any]) -> list[str]:
    """Each name's kind as the loader reads it: written, or 'preferred' for the first name of
    a system with no preferred one yet, 'alternate' after it."""
    kinds = []
    preferred: set[str] = set()
    for name in names:
        system = str(name.get("system", "")) if isinstance(name, dict) else ""
        default = "alternate" if system in preferred else "preferred"
        kind = str(name.get("kind", default)) if isinstance(name, dict) else default
        if kind == "preferred":
            preferred.add(system)
        kinds.append(kind)
    return kinds


def _merge_names(
    mine: list[Any], theirs: list[Any], prefer: str | None
) -> tuple[list[Any], list[Conflict]]:
    """One list of names: the survivor's, then the absorbed record's other spellings; one
    preferred name per system (two different ones are a conflict)."""
    conflicts: list[Conflict] = []
    merged = [copy.deepcopy(n) for n in mine]
    kinds = _effective_kinds(mine)
    explicit = [isinstance(n, dict) and "kind" in n for n in mine]
    index = {_key(n): i for i, n in enumerate(merged) if isinstance(n, dict)}
    their_kinds = _effective_kinds(theirs)
    preferred_mine = {
        _key(n)[1]: _key(n)[0] for n, k in zip(mine, kinds, strict=True) if k == "preferred"
    }
    preferred_theirs = {
        _key(n)[1]: _key(n)[0] for n, k in zip(theirs, their_kinds, strict=True) if k == "preferred"
    }
    for name, kind in zip(theirs, their_kinds, strict=True):
        if not isinstance(name, dict):
            continue
        key = _key(name)
        at = index.get(key)
        if at is None:
            index[key] = len(merged)
            merged.append(copy.deepcopy(name))
            kinds.append(kind)
            explicit.append("kind" in name)
            continue
        target = merged[at]
        label = f"names['{key[0]}' ({key[1]})]"
        if "sources" in name:
            _unite(target.setdefault("sources", []), list(name["sources"]))
        for attribute in _NAME_ATTRIBUTES:
            if attribute not in name:
                continue
            if attribute not in target:
                target[attribute] = copy.deepcopy(name[attribute])
                continue
            kept, conflict, _ = _scalar(attribute, target[attribute], name[attribute], prefer)
            target[attribute] = kept
            if conflict is not None:
                conflicts.append(
                    Conflict(f"{label}.{attribute}", conflict.survivor, conflict.absorbed)
                )
        if kinds[at] != kind and "preferred" not in (kinds[at], kind):
            if prefer is None:
                conflicts.append(Conflict(f"{label}.kind", kinds[at], kind))
            elif prefer == "absorbed":
                kinds[at] = kind
                explicit[at] = True
        elif kind == "preferred" and kinds[at] != "preferred":
            kinds[at] = "preferred"  # settled below, with the other preferred names
    # One preferred name per system.
    winners: dict[str, str] = {}
    for system in sorted(set(preferred_mine) | set(preferred_theirs)):
        a, b = preferred_mine.get(system), preferred_theirs.get(system)
        if a is not None and b is not None and a != b:
            if prefer is None:
                conflicts.append(Conflict(f"preferred {system} name", repr(a), repr(b)))
            winners[system] = b if prefer == "absorbed" else a
        else:
            winners[system] = a if a is not None else str(b)
    return _with_kinds(merged, kinds, explicit, winners), conflicts


def _with_kinds(
    names: list[Any], kinds: list[str], explicit: list[bool], winners: dict[str, str]
) -> list[Any]:
    """Write each name's kind only where the loader's default would read it otherwise."""
    seen: set[str] = set()
    out = []
    for name, kind, written in zip(names, kinds, explicit, strict=True):
        if not isinstance(name, dict):
            out.append(name)
            continue
        text, system = _key(name)
        if kind == "preferred" and winners.get(system) != text:
            kind = "alternate"
        elif system in winners and winners[system] == text:
            kind = "preferred"
        default = "alternate" if system in seen else "preferred"
        if kind == "preferred":
            seen.add(system)
        if kind == default and not written:
            name.pop("kind", None)
        elif kind != default or written:
            name["kind"] = kind
        out.append(name)
    return out
