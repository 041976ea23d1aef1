"""Read record files, keeping the line of every record and field.

YAML mappings become :class:`LineDict` and sequences :class:`LineList`, which remember where
they and their keys were written, so a problem found later can name the line. CSV rows become
the same structures, one per row, with the CSV column behind each field.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import Problem

__all__ = ["LineDict", "LineList", "read_yaml", "read_csv", "read_jsonl", "CSV_COLUMNS", "line_of"]


_NO_LINES: dict[str, int] = {}
_NO_KEYS: frozenset[str] = frozenset()


class LineDict(dict[str, Any]):
    """A mapping read from a file: ``line`` of the mapping, ``key_lines`` of each key.

    ``none_keys`` are the keys written with no value (``died:``), which count as absent.
    Records from CSV and JSON Lines have all their fields on one line, so they keep the
    shared empty ``key_lines`` (lookups fall back to ``line``): a million records then cost
    no extra dicts.
    """

    __slots__ = ("line", "key_lines", "column", "none_keys")

    def __init__(self, *args: object, line: int = 0) -> None:
        super().__init__(*args)
        self.line = line
        self.key_lines = _NO_LINES
        self.column: str | None = None
        self.none_keys: frozenset[str] | set[str] = _NO_KEYS

    def mark_empty(self, key: str) -> None:
        """Remember that ``key`` was written without a value."""
        keys = self.none_keys if isinstance(self.none_keys, set) else set()
        keys.add(key)
        self.none_keys = keys


class LineList(list[Any]):
    """A sequence read from a file: ``line`` of the sequence, ``item_lines`` of each item."""

    __slots__ = ("line", "item_lines")

    def __init__(self, *args: object, line: int = 0) -> None:
        super().__init__(*args)
        self.line = line
        self.item_lines: list[int] = []


if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:  # libyaml's loader when PyYAML was built with it: the same API, several times faster
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader that keeps lines, reports duplicate keys, and leaves dates as text.

    Dates stay strings so that "2013-01" and "2013-01-28" keep their precision and every date,
    ISO or Juche, goes through one parser (:mod:`kwpld.dates`).
    """

    problems: list[Problem]
    file_label: str


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict(line=node.start_mark.line + 1)
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result or key in result.none_keys:
            loader.problems.append(
                Problem(
                    "duplicate-field",
                    f"the field '{key}' appears twice in one mapping (first on line "
                    f"{result.key_lines[key]}); YAML would silently keep the last one",
                    loader.file_label,
                    line,
                    field=key,
                )
            )
            continue
        value = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
        if value is None:
            # "died:" with nothing after it: absent, but remembered so that an empty
            # required field is reported as empty rather than missing
            result.mark_empty(key)
        else:
            result[key] = value
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(line=node.start_mark.line + 1)
    for child in node.value:
        result.append(loader.construct_object(child, deep=True))
        result.item_lines.append(child.start_mark.line + 1)
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read_yaml(path: Path, label: str, problems: list[Problem]) -> object | None:
    """Parse one YAML file; syntax errors become problems and give ``None``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem("unreadable", f"cannot read the file: {_reason(exc)}", label))
        return None
    loader = _Loader(text)
    loader.problems = problems
    loader.file_label = label
    try:
        data: object = loader.get_single_data()
        return data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        problems.append(
            Problem("syntax", f"not valid YAML: {message}", label, mark.line + 1 if mark else None)
        )
    except yaml.YAMLError as exc:
        problems.append(Problem("syntax", f"not valid YAML: {exc}", label))
    finally:
        loader.dispose()
    return None


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return getattr(exc, "strerror", None) or str(exc)


# ---------------------------------------------------------------------------------------------
# JSON Lines: any kind, one record per line (the bulk format: JSON parses ~70x faster than YAML).


def read_jsonl(path: Path, label: str, kind: str, problems: list[Problem]) -> list[LineDict]:
    """Read a JSON Lines file of one kind; each non-blank line is one record object."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem("unreadable", f"cannot read the file: {_reason(exc)}", label))
        return []
    records: list[LineDict] = []
    line = 0

    def hook(pairs: list[tuple[str, object]]) -> LineDict:
        result = LineDict(line=line)
        for key, value in pairs:
            if key in result or key in result.none_keys:
                problems.append(
                    Problem(
                        "duplicate-field",
                        f"the field '{key}' appears twice in one object; JSON would keep the last",
                        label,
                        line,
                        field=key,
                    )
                )
            elif value is None:
                result.mark_empty(key)
            else:
                result[key] = value
        return result

    for line, raw in enumerate(text.splitlines(), start=1):  # noqa: B007 - hook reads `line`
        if not raw.strip():
            continue
        try:
            record = json.loads(raw, object_pairs_hook=hook)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem("syntax", f"not valid JSON: {exc.msg} (column {exc.colno})", label, line)
            )
            continue
        if not isinstance(record, LineDict):
            problems.append(
                Problem(
                    "wrong-type",
                    f"each line must be one {kind} record, a JSON object",
                    label,
                    line,
                    kind=kind,
                )
            )
            continue
        records.append(record)
    return records


# ---------------------------------------------------------------------------------------------
# CSV: people and memberships, one record per row.

_LIST_SPLIT = re.compile(r"\s*[;|]\s*")
_NAME_COLUMNS = {
    "name_en": "en",
    "name_hangul": "hangul",
    "name_hanja": "hanja",
    "name_mr": "mr",
    "name_mr_ascii": "mr-ascii",
    "name_rr": "rr",
    "name_dprk": "dprk",
}

CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "person": (
        "id",
        *_NAME_COLUMNS,
        "other_names",
        "gender",
        "born",
        "died",
        "citizenship",
        "wikidata",
        "description",
        "sources",
        "note",
    ),
    "membership": (
        "id",
        "person",
        "organ",
        "role",
        "post",
        "start",
        "end",
        "as_of",
        "status",
        "sources",
        "note",
    ),
}
"""Columns each CSV kind may have; a header naming any other column is an error."""

_LIST_COLUMNS = {"sources"}


def _split(value: str) -> list[str]:
    return [part for part in _LIST_SPLIT.split(value.strip()) if part]


def _other_names(value: str, line: int, column: str) -> list[LineDict]:
    """``other_names`` cells: ``system:text`` or ``system/kind:text``, separated by ';'."""
    names = []
    for entry in _split(value):
        head, sep, text = entry.partition(":")
        name = LineDict(line=line)
        name.column = column
        if not sep:
            head, text = "en", entry
        system, _, kind = head.strip().partition("/")
        name.update({"text": text.strip(), "system": system.strip()})
        if kind:
            name["kind"] = kind.strip()
        names.append(name)
    return names


def _person_row(row: dict[str, str], line: int) -> LineDict:
    record = LineDict(line=line)
    names = LineList(line=line)
    for column, system in _NAME_COLUMNS.items():
        text = row.get(column, "").strip()
        if text:
            name = LineDict({"text": text, "system": system}, line=line)
            name.column = column
            names.append(name)
            names.item_lines.append(line)
    if row.get("other_names", "").strip():
        for name in _other_names(row["other_names"], line, "other_names"):
            names.append(name)
            names.item_lines.append(line)
    for column, value in row.items():
        if column in _NAME_COLUMNS or column == "other_names":
            continue
        _put(record, column, value, line)
    record["names"] = names
    return record


def _membership_row(row: dict[str, str], line: int) -> LineDict:
    record = LineDict(line=line)
    for column, value in row.items():
        _put(record, column, value, line)
    return record


def _put(record: LineDict, column: str, value: str, line: int) -> None:
    value = value.strip()
    if not value:
        record.mark_empty(column)
        return
    if column in _LIST_COLUMNS:
        items = LineList(_split(value), line=line)
        items.item_lines = [line] * len(items)
        record[column] = items
    else:
        record[column] = value


_ROW_BUILDERS: dict[str, Callable[[dict[str, str], int], LineDict]] = {
    "person": _person_row,
    "membership": _membership_row,
}


def read_csv(path: Path, label: str, kind: str, problems: list[Problem]) -> list[LineDict]:
    """Read a CSV file of one kind; each row becomes a record mapping with its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem("unreadable", f"cannot read the file: {_reason(exc)}", label))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(Problem("syntax", f"not valid CSV: {exc}", label, 1))
        return []
    if header is None:
        return []
    header = [h.strip() for h in header]
    allowed = CSV_COLUMNS[kind]
    bad = False
    for column in header:
        if column not in allowed:
            bad = True
            hint = _did_you_mean(column, allowed)
            problems.append(
                Problem(
                    "unknown-field",
                    f"unknown column '{column}'{hint}; "
                    f"{kind} CSV columns are: {', '.join(allowed)}",
                    label,
                    1,
                    kind=kind,
                    field=column,
                )
            )
    if len(set(header)) != len(header):
        bad = True
        problems.append(
            Problem("duplicate-field", "a column name appears twice in the header", label, 1)
        )
    if "id" not in header:
        problems.append(
            Problem(
                "missing-field", "the header has no 'id' column", label, 1, kind=kind, field="id"
            )
        )
        return []
    if bad:
        return []
    records = []
    build = _ROW_BUILDERS[kind]
    previous_end = reader.line_num
    try:
        for cells in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        "syntax",
                        f"the row has {len(cells)} cells but the header has {len(header)} columns",
                        label,
                        line,
                        record_id=cells[0].strip() if cells else None,
                        kind=kind,
                    )
                )
                continue
            records.append(build(dict(zip(header, cells, strict=True)), line))
    except csv.Error as exc:
        problems.append(Problem("syntax", f"not valid CSV: {exc}", label, reader.line_num))
    return records


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def line_of(root: object, path: Sequence[object]) -> tuple[int | None, str | None]:
    """Line of the value at ``path`` inside ``root``, and the CSV column it came from."""
    node = root
    line = getattr(root, "line", None)
    column = getattr(root, "column", None)
    for step in path:
        if isinstance(node, LineDict) and isinstance(step, str):
            line = node.key_lines.get(step, node.line)
            if step not in node:
                break
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and step < len(node):
            if step < len(node.item_lines):
                line = node.item_lines[step]
            node = node[step]
        else:
            break
        if isinstance(node, LineDict) and node.line:
            line = line or node.line
        column = getattr(node, "column", None) or column
    return line, column
