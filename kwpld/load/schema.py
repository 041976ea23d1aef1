"""Check raw records against the published JSON Schema and say what is wrong in plain words.

The JSON Schema (``kwpld/schemas/records-1.schema.json``) is the contract of the record
format. A validator compiled by fastjsonschema checks each record (about 20x faster than
jsonschema, which matters for archives of hundreds of thousands of records); a record it
rejects goes through jsonschema, which finds *every* violation, and this module turns each
into a :class:`Problem` with the file, line, record id, field and a sentence a curator can act
on. Tests check that the two validators agree.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from ..errors import Problem
from ..resources import resource_path
from .files import LineDict, LineList, line_of
from .values import fast_formats, format_checker, format_problem, show

__all__ = ["record_schema", "dataset_schema", "check_record", "check_dataset", "field_label"]

_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


@cache
def record_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resource_path("kwpld/schemas/records-1.schema.json").read_text("utf-8")
    )
    return schema


@cache
def dataset_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        resource_path("kwpld/schemas/dataset-1.schema.json").read_text("utf-8")
    )
    return schema


_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` as JSON Schema (ECMA 262) means it: ``$`` ends the text, where Python's
    ``$`` also matches before a final newline (so ``"Q1\\n"`` passed ``^Q[1-9][0-9]*$``)."""
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(
    validator: Any, pattern: str, instance: object, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator: Callable[..., Draft202012Validator] = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _pattern}
)
"""Draft 2020-12 with ECMA end-of-text ``$``, like the compiled validators (fastjsonschema)."""


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = record_schema()
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return _Validator(
        {"$ref": f"{schema['$id']}#/$defs/{kind}"},
        registry=registry,
        format_checker=format_checker(),
    )


def _no_remote(uri: str) -> object:
    raise RuntimeError(f"the record schema refers to {uri}; kwpld never fetches schemas")


@cache
def _fast_validator(kind: str) -> Callable[[object], object]:
    """A compiled validator for one kind of record (raises on the first violation)."""
    schema = record_schema()
    definition = {
        # fastjsonschema generates draft-07 code; the keywords the schema uses mean the same there
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": schema["$id"],
        "$defs": schema["$defs"],
        "$ref": f"#/$defs/{kind}",
    }
    return fastjsonschema.compile(
        definition, handlers={"http": _no_remote, "https": _no_remote}, formats=fast_formats()
    )


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (LineDict, dict)):
        return "a mapping of fields"
    if isinstance(value, (LineList, list)):
        return "a list"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    # values that only an explicit YAML tag makes (!!binary, !!set, !!timestamp)
    if isinstance(value, bytes):
        return "binary data (!!binary)"
    if isinstance(value, (set, frozenset)):
        return "a set (!!set)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a timestamp (!!timestamp); write dates as text"
    return f"a YAML {type(value).__name__}"


def field_label(path: Sequence[object]) -> str | None:
    """``["names", 0, "text"]`` -> ``"names[0].text"``."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out or None


def check_record(record: object, kind: str, file: str, base_path: list[object]) -> list[Problem]:
    """Every schema problem of one record (a YAML mapping or a CSV row)."""
    record_id = record.get("id") if isinstance(record, dict) else None
    if not isinstance(record_id, str):
        record_id = None
    problems = _empty_unknown_fields(record, kind, file, record_id)
    try:
        _fast_validator(kind)(record)
        return problems
    except fastjsonschema.JsonSchemaValueException:
        pass  # explain it in full below
    for error in _validator(kind).iter_errors(record):
        for problem in _translate(error, record, kind, file, record_id):
            problems.append(problem)
    return problems


def _empty_unknown_fields(
    record: object, kind: str, file: str, record_id: str | None
) -> list[Problem]:
    """A misspelt field left empty (``nmaes:``) is dropped before validation; still report it."""
    if not isinstance(record, LineDict) or not record.none_keys:
        return []
    allowed = record_schema()["$defs"][kind]["properties"]
    problems = []
    for key in sorted(record.none_keys - set(allowed)):
        hint = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        problems.append(
            Problem(
                "unknown-field",
                f"unknown field '{key}'{suggestion}",
                file,
                record.key_lines.get(key, record.line),
                record_id,
                kind,
                key,
            )
        )
    return problems


def check_dataset(data: object, file: str) -> list[Problem]:
    validator = _Validator(dataset_schema(), format_checker=format_checker())
    problems: list[Problem] = []
    for error in validator.iter_errors(data):
        problems.extend(_translate(error, data, "dataset", file, None))
    return problems


def _translate(
    error: ValidationError, root: object, kind: str, file: str, record_id: str | None
) -> Iterator[Problem]:
    path: list[object] = list(error.absolute_path)
    line, column = line_of(root, path)
    label = field_label(path)
    if column and (label is None or label.startswith("names")):
        label = column if label is None else f"{label} (column {column})"

    def problem(code: str, message: str, at: list[object] | None = None) -> Problem:
        where_line, where_label = line, label
        if at is not None:
            where_line, where_column = line_of(root, at)
            where_label = field_label(at)
            if where_column and kind != "dataset" and isinstance(root, LineDict) and root.column:
                where_label = where_column
        return Problem(code, message, file, where_line, record_id, kind, where_label)

    validator = error.validator
    instance: Any = error.instance
    # the schema's own values at the failing keyword (jsonschema types them loosely)
    rule: Any = error.validator_value
    schema: Any = error.schema
    if validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(instance) - set(allowed)):
            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            suggestion = (
                f"; did you mean '{hint[0]}'?" if hint else f"; known fields: {', '.join(allowed)}"
            )
            yield problem("unknown-field", f"unknown field '{key}'{suggestion}", [*path, key])
    elif validator == "required":
        for key in rule:
            if key in instance:
                continue
            none_keys = instance.none_keys if isinstance(instance, LineDict) else frozenset()
            if key in none_keys:
                yield problem("empty-value", f"the required field '{key}' is empty", [*path, key])
            else:
                yield problem(
                    "missing-field", f"the required field '{key}' is missing", [*path, key]
                )
    elif validator == "type":
        expected = rule if isinstance(rule, list) else [rule]
        words = " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in expected)
        yield problem("wrong-type", f"expected {words}, found {_type_name(instance)}")
    elif validator == "enum":
        allowed = [str(v) for v in rule]
        hint = difflib.get_close_matches(str(instance), allowed, n=1, cutoff=0.6)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        yield problem(
            "invalid-value",
            f"{_q(instance)} is not one of the allowed values{suggestion}: {', '.join(allowed)}",
        )
    elif validator == "const":
        yield problem(
            "format-version",
            f"this file declares format version {instance!r}; this kwpld reads version {rule}",
        )
    elif validator in ("minLength", "minItems") or (validator == "pattern" and rule == r"\S"):
        yield problem("empty-value", "is empty; give a value or leave the field out")
    elif validator == "pattern":
        yield problem(*_pattern_message(path, instance, rule))
    elif validator == "format":
        yield problem(*format_problem(rule, instance))
    elif validator in ("minimum", "maximum"):
        word = "at least" if validator == "minimum" else "at most"
        yield problem("invalid-value", f"{instance!r} must be {word} {rule}")
    elif validator == "maxLength":
        yield problem("invalid-value", f"is longer than {rule} characters")
    elif validator == "oneOf":
        yield from _translate_one_of(error, root, kind, file, record_id, problem)
    else:  # pragma: no cover - every validator the schema uses is handled above
        yield problem("invalid-value", error.message)


def _q(value: object) -> str:
    """A value quoted for a message, control and invisible characters escaped."""
    return show(value) if isinstance(value, str) else repr(value)


def _pattern_message(path: Sequence[object], value: object, pattern: str) -> tuple[str, str]:
    last = next((step for step in reversed(path) if isinstance(step, str)), "")
    if pattern.startswith("^[a-z0-9]"):
        code = "invalid-id" if last == "id" else "invalid-value"
        what = "id" if last == "id" else "reference to a record id"
        return (
            code,
            f"{_q(value)} is not a valid {what}: use lowercase letters, digits, '.', '_' and '-', "
            "starting and ending with a letter or digit (e.g. kim-jong-un)",
        )
    if pattern.startswith("^Q"):
        return "invalid-value", f"{_q(value)} is not a Wikidata item id such as Q56226"
    if pattern.startswith("^[A-Z]{2}"):
        return "invalid-value", f"{_q(value)} is not a two-letter country code such as KP"
    if pattern.startswith("^[A-Za-z]{2,3}"):
        return "invalid-value", f"{_q(value)} is not a language tag such as en or ko"
    if pattern.startswith("^https?://"):
        return "invalid-value", f"{_q(value)} is not an http(s) address (IRI) without spaces"
    return "invalid-value", f"{_q(value)} does not have the expected form ({pattern})"


def _translate_one_of(
    error: ValidationError,
    root: object,
    kind: str,
    file: str,
    record_id: str | None,
    problem: Callable[..., Problem],
) -> Iterator[Problem]:
    """For 'either a ref or an object' style fields, explain the branch the value was meant for."""
    instance = error.instance
    branches: dict[str | int, list[ValidationError]] = {}
    for sub in error.context or []:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    # A branch whose root type matches the value is the one the curator meant.
    for errors in branches.values():
        if not any(e.validator == "type" and not e.relative_path for e in errors):
            for sub in errors:
                yield from _translate(sub, root, kind, file, record_id)
            return
    if isinstance(instance, str) and not instance.strip():
        yield problem("empty-value", "the value is empty")
        return
    expected = sorted(
        {
            _TYPE_WORDS.get(e.validator_value, str(e.validator_value))
            for errors in branches.values()
            for e in errors
            if e.validator == "type" and isinstance(e.validator_value, str)
        }
    )
    words = " or ".join(expected) if expected else "a different kind of value"
    yield problem("wrong-type", f"expected {words}, found {_type_name(instance)}")
