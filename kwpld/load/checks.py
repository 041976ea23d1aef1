"""Checks across records: duplicate ids, references, and dates in an impossible order."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..errors import Problem
from ..model import (
    FACT_FIELDS,
    Event,
    Membership,
    Named,
    Organ,
    Person,
    Post,
    Record,
    WikidataLink,
)
from .files import LineDict, line_of
from .schema import field_label
from .values import show

__all__ = ["Entry", "check_duplicates", "check_references", "check_dates", "check_structure"]

ANY = ("person", "organ", "post", "membership", "event", "article")
AGENT = ("person", "organ")
SOURCE = ("article",)

# Where each kind refers to other records: a path (``*`` = every list item) and the kinds
# the reference may point at.
_NAME_REFS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("names", "*", "renamed_by"), ("event", "article")),
    (("names", "*", "sources", "*"), SOURCE),
    (("sources", "*"), SOURCE),
]
REFERENCE_FIELDS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "person": [*_NAME_REFS],
    "organ": [(("parent",), ("organ",)), *_NAME_REFS],
    "post": [(("organ",), ("organ",)), *_NAME_REFS],
    "membership": [
        (("person",), ("person",)),
        (("organ",), ("organ",)),
        (("post",), ("post",)),
        (("sources", "*"), SOURCE),
    ],
    "event": [
        (("series",), ("event",)),
        (("organizer",), AGENT),
        (("organizer", "*"), AGENT),
        (("participants", "*"), ("person", "organ", "post")),
        (("participants", "*", "ref"), ("person", "organ", "post")),
        (("participants", "*", "sources", "*"), SOURCE),
        (("about", "*"), ANY),
        (("rules", "*", "applies_to", "*"), ("event",)),
        (("rules", "*", "sources", "*"), SOURCE),
        (("conferred_by",), AGENT),
        (("conferred_on",), ("person", "organ", "post")),
        (("conferred_on", "*"), ("person", "organ", "post")),
        *_NAME_REFS,
    ],
    "article": [
        (("authors", "*"), AGENT),
        (("publisher",), ("organ",)),
        (("published_in",), ("organ",)),
        (("about", "*"), ANY),
        (("mentions", "*"), ANY),
        (("cites", "*"), ("article",)),
        (("part_of",), ("article",)),
        (("quotes", "*", "source"), SOURCE),
        (("quotes", "*", "speaker"), AGENT),
        *_NAME_REFS,
    ],
    "link": [(("entity",), ("person", "organ", "event", "article"))],
}
for _kind in ("person", "organ", "event", "article"):  # stated_in: {field: [sources]}
    REFERENCE_FIELDS[_kind] += [(("stated_in", f, "*"), SOURCE) for f in FACT_FIELDS[_kind]]


@dataclass(slots=True)
class Entry:
    """A record with the raw mapping it came from, for checks that need lines."""

    kind: str
    raw: LineDict
    file: str
    record: Record | WikidataLink | None
    """None when the record failed the schema; its references are still checked."""


def walk_references(
    node: object, pattern: tuple[str, ...], path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every text value at ``pattern`` (a path of :data:`REFERENCE_FIELDS`; ``*`` = each list
    item) below ``node``, with its path, in document order. One walk for the loader's checks,
    review's pruning and merge's renaming, which all read references the same way."""
    if not pattern:
        if isinstance(node, str):
            yield path, node
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk_references(item, rest, (*path, index))
    elif isinstance(node, dict) and head in node:
        yield from walk_references(node[head], rest, (*path, head))


def _walk(root: LineDict, pattern: tuple[str, ...]) -> list[tuple[list[object], str]]:
    """Every text value at ``pattern`` (``*`` = each list item), with its path."""
    return [(list(path), value) for path, value in walk_references(root, pattern)]


def check_duplicates(entries: list[Entry]) -> list[Problem]:
    problems = []
    first: dict[str, Entry] = {}
    for entry in entries:
        record_id = entry.raw.get("id")
        if not isinstance(record_id, str):
            continue
        if record_id in first:
            other = first[record_id]
            problems.append(
                Problem(
                    "duplicate-id",
                    f"the id {show(record_id)} is already used by the {other.kind} at "
                    f"{other.file}:{other.raw.line}; ids must be unique across all kinds",
                    entry.file,
                    entry.raw.line,
                    record_id,
                    entry.kind,
                    "id",
                )
            )
        else:
            first[record_id] = entry
    return problems


def closest(word: str, possibilities: list[str], cutoff: float) -> str | None:
    """``difflib.get_close_matches(word, possibilities, n=1, cutoff=cutoff)``'s one match, or
    None: the same answer, without the full ratio of a possibility whose upper bounds
    (``real_quick_ratio``, ``quick_ratio``) are below the best ratio found so far."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for candidate in possibilities:
        floor = cutoff if best is None else max(cutoff, best[0])
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return None if best is None else best[1]


def check_references(entries: list[Entry], kinds_by_id: dict[str, str]) -> list[Problem]:
    problems = []
    known = sorted(kinds_by_id)
    # An id referred to from many records and known to none (the records of a file that did
    # not load) gets its hint once: difflib compares it with every known id.
    hints: dict[str, str] = {}
    for entry in entries:
        record_id = entry.raw.get("id") if isinstance(entry.raw.get("id"), str) else None
        for pattern, allowed in REFERENCE_FIELDS[entry.kind]:
            if pattern[0] not in entry.raw:
                continue
            for path, ref in _walk(entry.raw, pattern):
                target = kinds_by_id.get(ref)
                if target is not None and target in allowed:
                    continue
                line, column = line_of(entry.raw, path)
                label = column or field_label(path)
                if target is None:
                    hint = hints.get(ref)
                    if hint is None:
                        close = closest(ref, known, 0.75)
                        hint = hints[ref] = f"; did you mean '{close}'?" if close else ""
                    wanted = " or ".join(allowed) if allowed != ANY else "record"
                    problems.append(
                        Problem(
                            "unknown-reference",
                            f"no {wanted} has the id {show(ref)}{hint}",
                            entry.file,
                            line,
                            record_id,
                            entry.kind,
                            label,
                        )
                    )
                elif target not in allowed:
                    problems.append(
                        Problem(
                            "wrong-reference",
                            f"{show(ref)} is {_a(target)}, but this field takes "
                            f"{' or '.join(_a(kind) for kind in allowed)}",
                            entry.file,
                            line,
                            record_id,
                            entry.kind,
                            label,
                        )
                    )
    return problems


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _date_pair(
    record: Record | WikidataLink,
) -> tuple[tuple[str, str], PartialDate | None, PartialDate | None] | None:
    """The two dates of a record that must come in order, with their fields' names."""
    if isinstance(record, Person):
        return ("born", "died"), record.born, record.died
    if isinstance(record, Organ):
        return ("founded", "dissolved"), record.founded, record.dissolved
    if isinstance(record, Membership):
        return ("start", "end"), record.start, record.end
    if isinstance(record, Event):
        return ("date", "end"), record.date, record.end
    return None


def check_dates(entries: list[Entry]) -> list[Problem]:
    """Paired dates in order: born/died, founded/dissolved, start/end, valid_from/valid_until."""
    problems = []
    for entry in entries:
        record = entry.record
        if record is None:
            continue
        dated = _date_pair(record)
        if dated is not None:
            pair, first, last = dated
            if first and last and first.certainly_after(last):
                line, column = line_of(entry.raw, [pair[1]])
                problems.append(
                    Problem(
                        "impossible-date",
                        f"'{pair[1]}' ({last}) is before '{pair[0]}' ({first})",
                        entry.file,
                        line,
                        record.id,
                        entry.kind,
                        column or pair[1],
                    )
                )
        for index, name in enumerate(record.names if isinstance(record, Named) else []):
            if (
                name.valid_from
                and name.valid_until
                and name.valid_from.certainly_after(name.valid_until)
            ):
                path: list[object] = ["names", index, "valid_until"]
                line, _ = line_of(entry.raw, path)
                problems.append(
                    Problem(
                        "impossible-date",
                        f"the name '{name.text}' is valid until {name.valid_until}, "
                        f"before it is valid from {name.valid_from}",
                        entry.file,
                        line,
                        record.id,
                        entry.kind,
                        field_label(path),
                    )
                )
    return problems


def check_structure(
    entries: list[Entry], by_id: Mapping[str, Record | WikidataLink]
) -> list[Problem]:
    """Relations that must agree with each other: series, posts, the organ tree."""
    problems = []
    for entry in entries:
        if entry.record is not None:
            problems.extend(_structure_of(entry, by_id))
    return problems


def _at(entry: Entry, code: str, message: str, field: str) -> Problem:
    line, column = line_of(entry.raw, [field])
    record_id = entry.record.id if entry.record is not None else None
    return Problem(code, message, entry.file, line, record_id, entry.kind, column or field)


def _structure_of(entry: Entry, by_id: Mapping[str, Record | WikidataLink]) -> list[Problem]:
    problems: list[Problem] = []
    record = entry.record
    assert record is not None

    def problem(code: str, message: str, field: str) -> Problem:
        return _at(entry, code, message, field)

    seen_names: dict[tuple[str, str], int] = {}
    for index, name in enumerate(record.names if isinstance(record, Named) else []):
        key = (name.system, name.text)
        if key in seen_names:
            line, _ = line_of(entry.raw, ["names", index])
            problems.append(
                Problem(
                    "invalid-value",
                    f"the name '{name.text}' ({name.system}) is listed twice "
                    f"(also names[{seen_names[key]}]); give each spelling once",
                    entry.file,
                    line,
                    record.id,
                    entry.kind,
                    f"names[{index}]",
                )
            )
        seen_names.setdefault(key, index)
    if isinstance(record, Event) and record.series:
        series = by_id.get(record.series)
        if isinstance(series, Event) and series.event_type != "series":
            problems.append(
                problem(
                    "wrong-reference",
                    f"'{record.series}' is a {series.event_type}, not a series "
                    "(an event of type series)",
                    "series",
                )
            )
    if isinstance(record, Event) and record.ordinal is not None and not record.series:
        problems.append(
            problem(
                "missing-field", "an ordinal is given without the series it counts in", "series"
            )
        )
    if isinstance(record, Membership) and record.post:
        post = by_id.get(record.post)
        if isinstance(post, Post) and post.organ != record.organ:
            problems.append(
                problem(
                    "invalid-value",
                    f"the post '{post.id}' is in the organ '{post.organ}', but this "
                    f"membership names the organ '{record.organ}'",
                    "post",
                )
            )
    if isinstance(record, Organ) and record.parent:
        seen = [record.id]
        parent = by_id.get(record.parent)
        while isinstance(parent, Organ):
            if parent.id in seen:
                if parent.id == record.id:
                    chain = " > ".join([*seen, parent.id])
                    problems.append(
                        problem(
                            "invalid-value",
                            f"the organs' parents form a cycle: {chain}",
                            "parent",
                        )
                    )
                break
            seen.append(parent.id)
            parent = by_id.get(parent.parent) if parent.parent else None
    return problems
