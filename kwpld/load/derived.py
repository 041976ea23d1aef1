"""Read what a record says about where its values come from: printed, or derived.

Three fields of the record format (docs/format.md, "Printed and derived values"):

- a name's ``derived_from: {text, system, rule}``: the name is no source's spelling but was
  derived from another name of the same record by a rule;
- ``stated_in: {field: [article ids]}``: the sources that state the value of each field;
- ``derived: {field: {rule, from}}``: fields whose value no source prints.

The schema has checked their shape; this module resolves a derivation to the name it came
from and checks what the schema cannot: that the rule fits the two names' spelling systems and
the field, that a derived name cites no source, that derivations do not go round in a circle,
and that a field is not both stated and derived. Every problem names the file and line.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Problem
from ..model import (
    FACT_FIELDS,
    NAME_DERIVATION_RULES,
    VALUE_DERIVATION_RULES,
    Article,
    Derivation,
    Event,
    Membership,
    Name,
    Named,
    Organ,
    Person,
    Record,
)
from .files import LineDict, line_of
from .schema import field_label
from .values import normalize_text

__all__ = ["read_derivations"]


def read_derivations(record: Record, raw: LineDict, file: str, problems: list[Problem]) -> None:
    """Set ``derived_from`` on the record's names and its ``stated_in`` and ``derived``."""

    def problem(code: str, message: str, path: list[object]) -> None:
        line, _ = line_of(raw, path)
        label = field_label(path)
        problems.append(Problem(code, message, file, line, record.id, record.kind, label))

    if isinstance(record, Named):
        _names(record, raw, problem)
    if not isinstance(record, Person | Organ | Event | Article | Membership):
        return
    fields = FACT_FIELDS[record.kind]
    stated = raw.get("stated_in")
    stated_in = record.stated_in if not isinstance(record, Membership) else None
    if isinstance(stated, dict) and stated_in is not None:
        for key, sources in stated.items():
            if key in fields and isinstance(sources, list):
                stated_in[key] = [s for s in sources if isinstance(s, str)]
                if raw.get(key) is None:
                    problem(
                        "invalid-value",
                        f"stated_in names '{key}', but this {record.kind} has no {key}",
                        ["stated_in", key],
                    )
    derived = raw.get("derived")
    if isinstance(derived, dict):
        for key, item in derived.items():
            if key not in fields or not isinstance(item, dict) or "rule" not in item:
                continue
            rule = item["rule"]
            allowed = VALUE_DERIVATION_RULES.get(rule, frozenset())
            if allowed is not None and key not in allowed:
                problem(
                    "invalid-value",
                    f"the rule {rule} derives dates, not '{key}'",
                    ["derived", key, "rule"],
                )
                continue
            if raw.get(key) is None:
                problem(
                    "invalid-value",
                    f"derived names '{key}', but this {record.kind} has no {key}",
                    ["derived", key],
                )
            if stated_in is not None and key in stated_in:
                problem(
                    "invalid-value",
                    f"'{key}' is both derived and stated in a source; a value a source prints "
                    "is not derived: keep stated_in or derived",
                    ["derived", key],
                )
            origin = item.get("from")
            text = normalize_text(origin) if isinstance(origin, str) else None
            record.derived[key] = Derivation(rule, text)


_Report = Callable[[str, str, list[object]], None]


def _names(record: Named, raw: LineDict, problem: _Report) -> None:
    raw_names = raw.get("names")
    if not isinstance(raw_names, list) or len(raw_names) != len(record.names):
        return
    sources: dict[int, int] = {}  # index of a derived name -> index of the name it came from
    for index, (name, item) in enumerate(zip(record.names, raw_names, strict=True)):
        spec = item.get("derived_from") if isinstance(item, dict) else None
        if not isinstance(spec, dict) or "rule" not in spec:
            continue
        path: list[object] = ["names", index, "derived_from"]
        rule = spec["rule"]
        from_systems, to_system = NAME_DERIVATION_RULES[rule]
        if name.sources:
            problem(
                "invalid-value",
                f"the name '{name.text}' is derived, so no source prints it: remove its "
                "sources, or derived_from if a source does print it",
                ["names", index, "sources"],
            )
        if to_system is not None and name.system != to_system:
            problem(
                "invalid-value",
                f"the rule {rule} gives {to_system} names, but '{name.text}' is {name.system}",
                [*path, "rule"],
            )
            continue
        text, system = spec.get("text"), spec.get("system")
        if text is None and system is None:
            if from_systems:
                problem(
                    "missing-field",
                    f"derived_from must name the name '{name.text}' was derived from: give its "
                    "text or system",
                    path,
                )
            else:
                name.derived_from = Derivation(rule)
            continue
        found = _source_name(record.names, index, text, system)
        if found is None:
            if text is None:
                what = f"a {system} name"
            else:
                what = f"'{text}'" + (f" ({system})" if system else "")
            problem(
                "invalid-value",
                f"no other name of this record is {what}; derived_from names another name of "
                "the same record",
                path,
            )
            continue
        source = record.names[found]
        if from_systems and source.system not in from_systems:
            problem(
                "invalid-value",
                f"the rule {rule} derives from {' or '.join(from_systems)} names, but "
                f"'{source.text}' is {source.system}",
                [*path, "rule"],
            )
            continue
        name.derived_from = Derivation(rule, source.text, source.system)
        sources[index] = found
    for start in sources:
        seen = [start]
        current = sources.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = sources.get(current)
        if current == start:
            chain = " <- ".join(f"'{record.names[i].text}'" for i in [*seen, start])
            problem(
                "invalid-value",
                f"the names are derived from each other in a circle: {chain}; one of them "
                "must be the name as given",
                ["names", start, "derived_from"],
            )
            for index in seen:
                record.names[index].derived_from = None
            break


def _source_name(names: list[Name], index: int, text: str | None, system: str | None) -> int | None:
    """Index of the name ``text`` (in ``system``), or of the preferred name in ``system``."""
    wanted = normalize_text(" ".join(text.split())) if text is not None else None
    for other, name in enumerate(names):
        if other == index:
            continue
        if wanted is not None and name.text != wanted:
            continue
        if system is not None and name.system != system:
            continue
        return other
    return None
