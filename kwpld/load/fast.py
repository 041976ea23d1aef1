"""The loader's fast path: records read and checked without keeping lines, for files that are
right.

Keeping the line of every field and explaining every problem is what makes the loader's
messages good, and it costs: PyYAML's nodes, a ``LineDict`` per mapping, a JSON Schema run per
record (docs/scaling.md measured 7,500 records per second of CPU). A file that is right needs
none of it but the line of each record (its :class:`~kwpld.model.Origin`). So each file is
first read here:

- YAML in the plain subset of :mod:`.fastyaml`, CSV with the csv module, and every record
  checked by per-kind code compiled from the published JSON Schema's rules (the same patterns,
  enums and formats, see :func:`_rules`) that builds the model object as it checks it, exactly
  as :class:`~.convert.Converter` would;
- a record the per-kind code does not cover (a rare field, another kind) goes through the
  JSON Schema validator and the Converter, without lines;
- anything in doubt (a syntax outside the subset, a value that fails a check, a date that
  does not read) gives up on the whole file, which the line-aware reader then reads and
  reports on as it always did.

The checks across records run on the model objects (:func:`cross_checks_pass`); when they find
anything, the loader reads every file again with lines and lets the usual checks report it.
So a message never comes from this module: every problem is reported by the line-aware path,
word for word as before, and this path only ever says "these files are right".
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as _date
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from ..dates import DateError, PartialDate, parse_date
from ..errors import Problem
from ..model import (
    KIND_KEYS,
    KINDS,
    Article,
    Event,
    Membership,
    Name,
    Organ,
    Origin,
    Person,
    Post,
    Record,
    Records,
    WikidataLink,
)
from .checks import AGENT, ANY, SOURCE
from .convert import Converter
from .fastyaml import Columns, ItemLines, read_plain_yaml
from .files import (
    _NAME_COLUMNS,
    _ROW_BUILDERS,
    CSV_COLUMNS,
    LineDict,
    LineList,
    _has_surrogate,
    _no_constant,
    _split,
    read_text,
)
from .schema import check_record, ecma_regex, record_schema
from .values import iri_problem, language_tag_problem, normalize_text, text_problem

__all__ = ["read_fast", "cross_checks_pass", "NO_LINES"]

NO_LINES = LineDict()
"""The raw record of an entry read on the fast path: the checks across records run on the
model objects there, and the raw records are read again, with lines, if they find anything."""


class _Doubt(Exception):
    """The per-kind code cannot vouch for this record: check it the general way."""


@dataclass(frozen=True, slots=True)
class _Rules:
    """The JSON Schema's rules for the fields the per-kind code checks, taken from the schema
    itself, so the two cannot drift apart."""

    id_max: int
    qid: re.Pattern[str]
    date_min: int
    date_max: int
    enums: dict[tuple[str, str], frozenset[str]]
    fields: dict[str, frozenset[str]]
    name_fields: frozenset[str]


@cache
def _rules() -> _Rules:
    defs = record_schema()["$defs"]
    enums = {}
    for kind in ("person", "organ", "membership", "article", "name"):
        for field, spec in defs[kind]["properties"].items():
            if "enum" in spec:
                enums[(kind, field)] = frozenset(spec["enum"])
    assert defs["id"]["pattern"] == defs["ref"]["pattern"] == _ID_PATTERN
    assert defs["id"]["maxLength"] == defs["ref"]["maxLength"]
    assert defs["text"]["pattern"] == defs["date"]["pattern"] == "\\S"
    assert defs["text"]["minLength"] == defs["date"]["minLength"] == 1
    # the fields the per-kind code handles (a record with any other goes the general way)
    handled = {
        "person": ("id", "names", "gender", "born", "died", "citizenship", "wikidata",
                   "description", "sources", "note"),
        "organ": ("id", "names", "kind", "parent", "founded", "dissolved", "wikidata",
                  "description", "sources", "note"),
        "membership": ("id", "person", "organ", "role", "status", "post", "start", "end",
                       "as_of", "sources", "note"),
        "article": ("id", "type", "title", "names", "authors", "publisher", "published_in",
                    "date", "url", "language", "about", "mentions", "cites", "part_of",
                    "caption", "credit", "wikidata", "description", "sources", "note"),
    }  # fmt: skip
    fields = {}
    for kind, names in handled.items():
        assert set(names) <= set(defs[kind]["properties"]), kind
        fields[kind] = frozenset(names)
    name_fields = frozenset(
        ("text", "system", "kind", "valid_from", "valid_until", "renamed_by", "sources", "note")
    )
    assert name_fields <= set(defs["name"]["properties"])
    return _Rules(
        id_max=defs["id"]["maxLength"],
        qid=ecma_regex(defs["qid"]["pattern"]),
        date_min=defs["date"]["minimum"],
        date_max=defs["date"]["maximum"],
        enums=enums,
        fields=fields,
        name_fields=name_fields,
    )


_ID_PATTERN = "^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$"
_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-"
_ID_INNER = "._-"
"""What ``_ID_PATTERN`` says, as string operations: every character one of ``_ID_CHARS``,
the first and the last none of ``_ID_INNER``."""


def _is_text(value: object) -> bool:
    """``$defs/text``: a string, not empty, not only white space (``\\S``), format ``text``.

    ``str.isprintable`` is false for every character :func:`~.values.text_problem` looks at
    (controls, format characters, noncharacters, surrogates), and ``str.isspace`` is the
    white space of ``re``'s ``\\s``; tests/test_load_fast.py checks both over all of Unicode.
    """
    return (
        type(value) is str
        and value != ""
        and not value.isspace()
        and (value.isprintable() or text_problem(value) is None)
    )


# -- the per-kind code --------------------------------------------------------------------------


class _Builder:
    """Checks plain records of the four bulk kinds and builds their model objects."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.rules = _rules()
        self.dates: dict[object, PartialDate] = {}
        self.good_refs: set[str] = set()
        self.compiled: dict[tuple[str, ...], Callable[..., Any]] = {}
        self.kinds: dict[str, Callable[[dict[str, Any], int], Record]] = {
            kind: self._of_kind(kind) for kind in ("person", "organ", "membership", "article")
        }

    def _of_kind(self, kind: str) -> Callable[[dict[str, Any], int], Record]:
        compiled = self.compiled
        compile_shape = self.compile

        def build(raw: dict[str, Any], line: int) -> Record:
            shape = (kind, *raw)
            make = compiled.get(shape)
            if make is None:
                make = compile_shape(shape)
            record: Record = make(raw, line)
            return record

        return build

    # values
    def ref(self, value: object) -> str:
        """An id or a reference (``$defs/id``, ``$defs/ref``)."""
        if type(value) is str:
            if value in self.good_refs:
                return value
            if (
                0 < len(value) <= self.rules.id_max
                and not value.strip(_ID_CHARS)
                and value[0] not in _ID_INNER
                and value[-1] not in _ID_INNER
            ):
                self.good_refs.add(value)
                return value
        raise _Doubt

    def ref_or_none(self, value: object) -> str | None:
        return None if value is None else self.ref(value)

    def refs(self, value: object) -> list[str]:
        if value is None:
            return []
        if type(value) is not list:
            raise _Doubt
        good = self.good_refs
        for item in value:
            if type(item) is not str or item not in good:
                self.ref(item)
        return value

    def text(self, value: object) -> str | None:
        """Text (``$defs/text``): not blank, format ``text``; read in NFC."""
        if value is None:
            return None
        if _is_text(value):
            assert isinstance(value, str)
            return value if value.isascii() else normalize_text(value)
        raise _Doubt

    def one_line(self, value: object) -> str:
        """Text whose runs of white space read as one space (titles, names)."""
        if _is_text(value):
            assert isinstance(value, str)
            return normalize_text(" ".join(value.split()))
        raise _Doubt

    def enum(self, kind: str, field: str, value: object) -> str | None:
        if value is None:
            return None
        if type(value) is str and value in self.rules.enums[(kind, field)]:
            return value
        raise _Doubt

    def qid(self, value: object) -> str | None:
        if value is None:
            return None
        if type(value) is str and self.rules.qid.search(value):
            return value
        raise _Doubt

    def date(self, value: object) -> PartialDate | None:
        if value is None:
            return None
        if type(value) is str:
            found = self.dates.get(value)
            if found is not None:
                return found
            if not value or value.isspace():
                raise _Doubt
        elif type(value) is int:
            found = self.dates.get(value)
            if found is not None:
                return found
            if not self.rules.date_min <= value <= self.rules.date_max:
                raise _Doubt
        else:
            raise _Doubt
        try:
            found = parse_date(value)
        except DateError:
            raise _Doubt from None
        self.dates[value] = found
        return found

    def checked(self, value: object, check: Callable[[str], str | None]) -> str | None:
        if value is None:
            return None
        if type(value) is str and check(value) is None:
            return value
        raise _Doubt

    def date_given(self, value: object) -> PartialDate:
        found = self.date(value)
        if found is None:
            raise _Doubt
        return found

    def given(self, check: Callable[[object], str | None]) -> Callable[[object], str]:
        """``check`` for a field that is there: None (no value) is a doubt too."""

        def checked(value: object) -> str:
            found = check(value)
            if found is None:
                raise _Doubt
            return found

        return checked

    def names(self, value: object) -> list[Name]:
        if type(value) is not list or not value:
            raise _Doubt
        names: list[Name] = []
        seen_systems: set[str] = set()
        compiled = self.compiled
        for item in value:
            if type(item) is not dict:
                raise _Doubt
            shape = ("name", *item)
            make = compiled.get(shape)
            if make is None:
                make = self.compile(shape)
            names.append(make(item, seen_systems))
        return names

    # kinds: code compiled per kind and set of fields
    def compile(self, shape: tuple[str, ...]) -> Callable[..., Any]:
        """Code that checks and builds a record (or name) with exactly the fields ``shape[1:]``,
        in that order: a check per field that is there, the model's default for the rest."""
        kind, fields = shape[0], shape[1:]
        spec = _SPECS.get(kind)
        if (
            spec is None
            or len(self.compiled) > _MAX_SHAPES
            or len(set(fields)) != len(fields)
            or not all(field in spec for field in fields)
            or not all(field in fields for field, (_, _, required) in spec.items() if required)
        ):
            make: Callable[..., Any] = _doubt
        else:
            arguments = [
                f"{spec[field][0]}={spec[field][1]}(raw[{field!r}])"
                for field in fields
                if spec[field][1] != "-"
            ]
            if kind == "name":
                kind_value = (
                    "enum_name_kind(raw['kind'])"
                    if "kind" in fields
                    else "'alternate' if system in seen else 'preferred'"
                )
                source = (
                    "def make(raw, seen):\n"
                    "    system = enum_name_system(raw['system'])\n"
                    f"    kind = {kind_value}\n"
                    "    if kind == 'preferred':\n"
                    "        seen.add(system)\n"
                    f"    return Name(system=system, kind=kind, {', '.join(arguments)})\n"
                )
            else:
                arguments.insert(1, "origin=Origin(file, line)")
                source = (
                    "def make(raw, line):\n"
                    f"    return {_CLASSES[kind].__name__}({', '.join(arguments)})\n"
                )
            namespace = self.namespace()
            exec(compile(source, f"<kwpld.load.fast {kind}>", "exec"), namespace)
            make = namespace["make"]
        self.compiled[shape] = make
        return make

    def namespace(self) -> dict[str, Any]:
        rules = self.rules
        found: dict[str, Any] = {
            "file": self.file,
            "Origin": _frozen_maker(Origin),
            "ref": self.ref,
            "refs": self.refs,
            "refs_copy": lambda value: list(self.refs(value)),
            "text": self.given(self.text),
            "one_line": self.one_line,
            "date": self.date_given,
            "qid": self.given(self.qid),
            "iri": self.given(lambda value: self.checked(value, iri_problem)),
            "language": self.given(lambda value: self.checked(value, language_tag_problem)),
            "names": self.names,
        }
        for cls in _CLASSES.values():
            found[cls.__name__] = cls
        for (kind, field), allowed in rules.enums.items():
            found[f"enum_{kind}_{field}"] = _enum(allowed)
        return found


def _enum(allowed: frozenset[str]) -> Callable[[object], str]:
    """A check that the value is one of ``allowed`` (the schema's ``enum``)."""

    def check(value: object) -> str:
        if type(value) is str and value in allowed:
            return value
        raise _Doubt

    return check


_MAX_SHAPES = 200
"""Compiled shapes per file at most (a file whose records vary more is read the general way
past that: each shape costs a compilation)."""

_CLASSES: dict[str, type] = {
    "person": Person,
    "organ": Organ,
    "membership": Membership,
    "article": Article,
    "name": Name,
}

# field -> (argument of the model class, check, required); "-": read apart (a name's system
# and kind)
_SPECS: dict[str, dict[str, tuple[str, str, bool]]] = {
    "person": {
        "id": ("id", "ref", True),
        "names": ("names", "names", True),
        "gender": ("gender", "enum_person_gender", False),
        "born": ("born", "date", False),
        "died": ("died", "date", False),
        "citizenship": ("citizenship", "enum_person_citizenship", False),
        "wikidata": ("wikidata", "qid", False),
        "description": ("description", "text", False),
        "sources": ("sources", "refs", False),
        "note": ("note", "text", False),
    },
    "organ": {
        "id": ("id", "ref", True),
        "names": ("names", "names", True),
        "kind": ("organ_kind", "enum_organ_kind", True),
        "parent": ("parent", "ref", False),
        "founded": ("founded", "date", False),
        "dissolved": ("dissolved", "date", False),
        "wikidata": ("wikidata", "qid", False),
        "description": ("description", "text", False),
        "sources": ("sources", "refs", False),
        "note": ("note", "text", False),
    },
    "membership": {
        "id": ("id", "ref", True),
        "person": ("person", "ref", True),
        "organ": ("organ", "ref", True),
        "role": ("role", "enum_membership_role", True),
        "status": ("status", "enum_membership_status", True),
        "post": ("post", "ref", False),
        "start": ("start", "date", False),
        "end": ("end", "date", False),
        "as_of": ("as_of", "date", False),
        "sources": ("sources", "refs", False),
        "note": ("note", "text", False),
    },
    "article": {
        "id": ("id", "ref", True),
        "type": ("article_type", "enum_article_type", True),
        "title": ("title", "one_line", True),
        "names": ("names", "names", False),
        "authors": ("authors", "refs", False),
        "publisher": ("publisher", "ref", False),
        "published_in": ("published_in", "ref", False),
        "date": ("date", "date", False),
        "url": ("url", "iri", False),
        "language": ("language", "language", False),
        "about": ("about", "refs", False),
        "mentions": ("mentions", "refs", False),
        "cites": ("cites", "refs", False),
        "part_of": ("part_of", "ref", False),
        "caption": ("caption", "text", False),
        "credit": ("credit", "text", False),
        "wikidata": ("wikidata", "qid", False),
        "description": ("description", "text", False),
        "sources": ("sources", "refs", False),
        "note": ("note", "text", False),
    },
    "name": {
        "text": ("text", "one_line", True),
        "system": ("system", "-", True),
        "kind": ("kind", "-", False),
        "valid_from": ("valid_from", "date", False),
        "valid_until": ("valid_until", "date", False),
        "renamed_by": ("renamed_by", "ref", False),
        "sources": ("sources", "refs_copy", False),
        "note": ("note", "text", False),
    },
}


def _doubt(*args: object) -> Any:
    raise _Doubt


class _Reader:
    """Records of one file, each by the per-kind code or else the general way."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.builder = _Builder(label)
        self.problems: list[Problem] = []
        self.converter = Converter(label, self.problems)
        self.records: list[Record | WikidataLink] = []

    def general(self, kind: str, full: LineDict) -> bool:
        """Add a record the per-kind code did not vouch for, checked by the JSON Schema and
        built by the Converter; False when it has a problem (the file is read with lines)."""
        if check_record(full, kind, self.label, []):
            return False
        record = self.converter.build(kind, full)
        if self.problems:
            return False
        self.records.append(record)
        return True


def _lined(value: object, line: int) -> object:
    """Plain YAML values as the line-aware reader's structures, every line the record's."""
    if isinstance(value, dict):
        result = LineDict(line=line)
        for key, item in value.items():
            result[key] = _lined(item, line)
        return result
    if isinstance(value, list):
        items = LineList((_lined(item, line) for item in value), line=line)
        items.item_lines = [line] * len(items)
        return items
    return value


# -- files ----------------------------------------------------------------------------------------


def read_fast(
    path: Path, label: str, kind: str | None, *, jsonl: bool = False
) -> list[Record | WikidataLink] | None:
    """The records of one record file, or None when it must be read with lines.

    ``kind`` is the kind a CSV or (``jsonl``) JSON Lines file holds; None for YAML.
    """
    scratch: list[Problem] = []
    text = read_text(path, label, scratch)
    if text is None or scratch:
        return None
    if kind is None:
        return _read_yaml(text, label)
    if jsonl:
        return _read_jsonl(text, label, kind)
    return _read_csv(text, label, kind)


class _NotPlain(ValueError):
    """A JSON object with a key twice or a null value: read with lines, which reports it."""


def _plain_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs) or None in found.values():
        raise _NotPlain
    return found


def _read_jsonl(text: str, label: str, kind: str) -> list[Record | WikidataLink] | None:
    """JSON Lines, line by line as :func:`~.files.read_jsonl` reads them (the same line
    numbers), each line's object checked and built by the per-kind code."""
    reader = _Reader(label)
    build = reader.builder.kinds.get(kind)
    append = reader.records.append
    loads = json.loads
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = loads(raw, object_pairs_hook=_plain_object, parse_constant=_no_constant)
        except (ValueError, RecursionError):  # not JSON, NaN, a key twice, null, 4,300 digits
            return None
        if type(record) is not dict or ("\\u" in raw and _has_surrogate(record)):
            return None
        if build is not None:
            try:
                append(build(record, line))
                continue
            except _Doubt:
                pass
        full = _lined(record, line)
        assert isinstance(full, LineDict)
        if not reader.general(kind, full):
            return None
    return reader.records


def _read_yaml(text: str, label: str) -> list[Record | WikidataLink] | None:
    """A YAML record file's records: a list of records of one shape column by column
    (:func:`_yaml_columns`), other lists record by record; None when in doubt."""
    parsed = read_plain_yaml(text, columns=True)
    if parsed is None:
        return None
    data, item_lines = parsed
    if data.get("kwpld", 1) != 1:
        return None
    reader = _Reader(label)
    for key, value in data.items():
        if key == "kwpld":
            continue
        kind = KIND_KEYS.get(key)
        lines_of = item_lines
        if kind is not None and type(value) is Columns:
            found = _yaml_columns(kind, value, label)
            if found is not None:
                reader.records.extend(found)
                continue
            again = read_plain_yaml(text)  # the records one by one, as mappings
            assert again is not None
            value, lines_of = again[0][key], again[1]
        if kind is None or type(value) is not list:
            return None
        if not _take_items(reader, kind, value, lines_of):
            return None
    return reader.records


def _take_items(reader: _Reader, kind: str, items: list[Any], item_lines: ItemLines) -> bool:
    lines = item_lines[id(items)]
    build = reader.builder.kinds.get(kind)
    append = reader.records.append
    for raw, line in zip(items, lines, strict=True):
        if type(raw) is not dict:
            return False
        if build is not None:
            try:
                append(build(raw, line))
                continue
            except _Doubt:
                pass
        full = _lined(raw, line)
        assert isinstance(full, LineDict)
        if not reader.general(kind, full):
            return False
    return True


def _read_csv(text: str, label: str, kind: str) -> list[Record | WikidataLink] | None:
    """A CSV file's records: column by column when it is regular (:func:`_read_csv_columns`),
    else row by row."""
    found = _read_csv_columns(text, label, kind)
    if found is not None:
        return found
    return _read_csv_rows(text, label, kind)


_ID_COLUMN = re.compile("[a-z0-9._\n-]*")
"""A column of values (joined by line breaks) with only the characters of ids."""


def _all_ids(cells: Sequence[str], joined: str, longest: int) -> bool:
    """Every value of a column matches ``_ID_PATTERN`` (and is at most ``longest`` long),
    checked with a few operations in C over the whole column rather than a regular
    expression per value: the characters of ids only, none empty, no first or last
    character of a value one of ``_ID_INNER``."""
    if not cells or min(map(len, cells)) == 0 or max(map(len, cells)) > longest:
        return False
    if _ID_COLUMN.fullmatch(joined) is None:
        return False
    if joined[0] in _ID_INNER or joined[-1] in _ID_INNER:
        return False
    return not any(edge in joined for edge in _ID_EDGES)


_ID_EDGES = tuple(f"\n{c}" for c in _ID_INNER) + tuple(f"{c}\n" for c in _ID_INNER)
"""A value of a column of ids (joined by line breaks) that starts or ends with one of
``_ID_INNER``."""
_ISO_DAYS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\n[0-9]{4}-[0-9]{2}-[0-9]{2})*")
"""Dates (joined by line breaks) all in the ISO form of a day, 2013-01-28."""


def _dates_column(cells: Sequence[object], builder: _Builder) -> Sequence[object] | None:
    """The dates of a column, each distinct value read once: when all are ISO days (the
    usual case) by ``date.fromisoformat`` (what :func:`~kwpld.dates.parse_date` gives for
    them: a valid day of years 1 to 9999, nothing stated), else one by one as the per-kind
    code reads them (with white space at either end refused: the per-record readers strip
    it)."""
    distinct = set(cells)
    try:
        joined = "\n".join(distinct)  # type: ignore[arg-type]
    except TypeError:
        joined = ""  # an integer year among them
    read: dict[object, PartialDate] = {}
    if _ISO_DAYS.fullmatch(joined) is not None:
        try:
            days = list(map(_date.fromisoformat, distinct))  # type: ignore[arg-type]
        except ValueError:
            return None  # no such day
        pairs = zip(distinct, days, strict=True)
        read = {value: PartialDate(day.year, day.month, day.day) for value, day in pairs}
    else:
        if any(isinstance(v, str) and v != v.strip() for v in distinct):
            return None
        try:
            read = {value: builder.date_given(value) for value in distinct}
        except _Doubt:
            return None
    return list(map(read.__getitem__, cells))


def _read_csv_columns(
    text: str, label: str, kind: str
) -> list[Record | WikidataLink] | None:
    """A regular CSV file's records, each column checked at once: None when in doubt.

    Regular: no quotes (so a line is a row and a comma a separator, as the csv module reads
    it), no carriage returns, no blank rows, no empty cells, only columns whose checks run on a
    whole column in C (ids and references by one regular expression, enums as sets, dates once
    per distinct value, names and texts by ``isprintable``, one expression for white space and
    one NFC test). The records are then built by code generated for the header, one list
    comprehension over the columns, so a row costs little more than its model objects. The
    checks are those of the per-kind code (the same rules, from the JSON Schema); anything
    else goes row by row (:func:`_read_csv_rows`)."""
    if '"' in text or "\r" in text:
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return None
    header = [column.strip() for column in lines[0].split(",")]
    allowed = CSV_COLUMNS[kind]
    if (
        any(c not in allowed for c in header)
        or len(set(header)) != len(header)
        or "id" not in header
        or "other_names" in header
    ):
        return None
    width = len(header)
    del lines[0]
    if not lines:
        return []
    if set(map(str.count, lines, itertools.repeat(","))) != {width - 1}:
        return None  # a row of another width, or a blank row
    # every row has ``width`` cells: the cells of all rows in one list, a column every
    # ``width``th cell of it (no list per row)
    cells_of_rows = ",".join(lines).split(",")
    columns = [cells_of_rows[index::width] for index in range(width)]
    builder = _Builder(label)
    spec = _SPECS[kind]
    values: list[Sequence[object]] = []  # each column's values, checked
    for column, cells in zip(header, columns, strict=True):
        joined = "\n".join(cells)
        check = "one_line" if column in _NAME_COLUMNS else spec[column][1]
        if check == "refs" and (";" in joined or "|" in joined):
            return None  # several references in a cell
        checked = _checked_column(check, cells, builder, joined)
        if checked is None:
            return None
        values.append(checked)
    systems = {_NAME_COLUMNS[c] for c in header if c in _NAME_COLUMNS}
    if not systems <= builder.rules.enums[("name", "system")]:
        return None
    given = {*header, *(["names"] if systems else [])}
    if any(required and field not in given for field, (_, _, required) in spec.items()):
        return None
    arguments = []
    names = [
        f"name(c{header.index(column)}, {system!r}, 'preferred')"
        for column, system in _NAME_COLUMNS.items()  # in this order, whatever the header's
        if column in header
    ]
    for index, column in enumerate(header):
        if column not in _NAME_COLUMNS:
            field, check, _ = spec[column]
            arguments.append((field, f"[c{index}]" if check == "refs" else f"c{index}"))
    if names:
        arguments.append(("names", f"[{', '.join(names)}]"))
    make = _columns_code(kind, tuple(arguments), len(header))
    return make(label, itertools.count(2), *values)


def _checked_column(
    check: str, cells: Sequence[object], builder: _Builder, joined: str | None = None
) -> Sequence[object] | None:
    """The values of a column (one field of many records) for the model objects, checked at
    once as the per-kind code checks each (``check`` names its check there: ``ref``,
    ``refs`` for one reference per cell, ``enum_KIND_FIELD``, ``date``, ``one_line``,
    ``text``); None when in doubt, and for an empty value or one with white space at either
    end (which the per-record readers strip or fold). ``joined``: the values joined by line
    breaks, when the caller has it. Each check below also rules out white space at the
    ends of values: ids, enums and ISO dates have none anywhere, and in printable text the
    only white space is U+0020, looked for next to the line breaks."""
    rules = builder.rules
    if not cells or "" in cells:
        return None
    if check == "date":
        return _dates_column(cells, builder)
    if joined is None:
        try:
            joined = "\n".join(cells)  # type: ignore[arg-type]
        except TypeError:
            return None  # a value that is not text
    if check in ("ref", "refs"):
        return cells if _all_ids(cells, joined, rules.id_max) else None  # type: ignore[arg-type]
    if check.startswith("enum_"):
        kind, field = check[5:].split("_", 1)
        return cells if set(cells) <= rules.enums[(kind, field)] else None
    if check in ("one_line", "text"):
        if not "".join(cells).isprintable():  # type: ignore[arg-type]
            return None  # text_problem may accept it: the per-record code asks it
        if joined[0] == " " or joined[-1] == " " or " \n" in joined or "\n " in joined:
            return None  # a space at either end of a value
        # folding white space changes nothing unless two spaces come together
        if check == "one_line" and "  " in joined:
            return None
        if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
            return [normalize_text(value) for value in cells]  # type: ignore[arg-type]
        return cells
    return None


@cache
def _columns_code(
    kind: str, arguments: tuple[tuple[str, str], ...], width: int
) -> Callable[..., list[Record | WikidataLink]]:
    """Code that builds the records of ``kind`` from ``width`` checked columns ``c0``, ``c1``
    ... and their lines: one loop over the columns that makes each record (and its
    :class:`Origin`) and sets its slots in place, as :func:`_maker` does in a function of
    its own (a call per record saved). ``arguments``: the model class's fields and their
    expressions (``c0``, ``[c4]``, ``[name(c1, ...)]``)."""
    cells = ", ".join(f"c{index}" for index in range(width))
    cls = _CLASSES[kind]
    namespace: dict[str, Any] = {
        "new": object.__new__,
        "cls": cls,
        "Origin": Origin,
        "set_file": getattr(Origin, "file").__set__,  # noqa: B009 (a slot's descriptor)
        "set_line": getattr(Origin, "line").__set__,  # noqa: B009
        "name": _maker(Name, ("text", "system", "kind")),
    }
    given = {"origin": "origin", **dict(arguments)}
    source = "\n".join(
        [
            f"def make(file, lines, {cells}):",
            "    found = []",
            "    append = found.append",
            f"    for line, {cells} in zip(lines, {cells}):",
            "        origin = new(Origin)",
            "        set_file(origin, file)",
            "        set_line(origin, line)",
            "        made = new(cls)",
            *_slot_lines(cls, given, namespace, "        "),
            "        append(made)",
            "    return found",
            "",
        ]
    )
    exec(compile(source, f"<kwpld.load.fast {kind} columns>", "exec"), namespace)
    make: Callable[..., list[Record | WikidataLink]] = namespace["make"]
    return make


def _slot_lines(
    cls: type, given: dict[str, str], namespace: dict[str, Any], indent: str
) -> list[str]:
    """Statements that set every slot of ``made`` (a ``cls``): the expression ``given`` for a
    field, else its default (``[]`` and ``{}`` written out, other factories and defaults
    from ``namespace``). Generated from the dataclass's own fields, so the two agree."""
    assert dataclasses.is_dataclass(cls) and not hasattr(cls, "__post_init__"), cls
    assert set(given) <= {field.name for field in dataclasses.fields(cls)}, (cls, given)
    lines = []
    for field in dataclasses.fields(cls):
        if field.name in given:
            value = given[field.name]
        elif field.default_factory in (list, dict):
            value = "[]" if field.default_factory is list else "{}"  # a display, not a call
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"factory_{field.name}"] = field.default_factory
            value = f"factory_{field.name}()"
        else:
            assert field.default is not dataclasses.MISSING, (cls, field.name)
            namespace[f"default_{field.name}"] = field.default
            value = f"default_{field.name}"
        lines.append(f"{indent}made.{field.name} = {value}")
    return lines


@cache
def _maker(cls: type, given: tuple[str, ...]) -> Callable[..., Any]:
    """A function of the fields ``given`` (in that order) that makes a ``cls``, its other
    fields at their defaults: the object made and its slots set one by one, which costs about
    four fifths of calling the dataclass with keyword arguments (no binding of the two dozen
    parameters an article has). Tests compare the objects with the line-aware path's."""
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [
        f"def make({', '.join(given)}):",
        "    made = new(cls)",
        *_slot_lines(cls, {field: field for field in given}, namespace, "    "),
        "    return made",
        "",
    ]
    exec(compile("\n".join(lines), f"<make {cls.__name__}>", "exec"), namespace)
    make: Callable[..., Any] = namespace["make"]
    return make


@cache
def _frozen_maker(cls: type) -> Callable[..., Any]:
    """A function of all the fields of the frozen dataclass ``cls``, in order, that makes one:
    the object made and each slot set through its descriptor, which a frozen class's
    ``__setattr__`` does not stand in front of (its ``__init__`` goes through
    ``object.__setattr__`` per field, about twice the time). Used for the :class:`Origin`
    of every record."""
    assert dataclasses.is_dataclass(cls) and not hasattr(cls, "__post_init__"), cls
    names = [field.name for field in dataclasses.fields(cls)]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def make({', '.join(names)}):", "    made = new(cls)"]
    for name in names:
        namespace[f"set_{name}"] = getattr(cls, name).__set__
        lines.append(f"    set_{name}(made, {name})")
    exec(compile("\n".join([*lines, "    return made", ""]), f"<make {cls.__name__}>", "exec"),
         namespace)  # fmt: skip
    make: Callable[..., Any] = namespace["make"]
    return make


def _yaml_columns(
    kind: str, found: Columns, label: str
) -> list[Record | WikidataLink] | None:
    """The records of a list of records that all have one shape (:class:`~.fastyaml.Columns`),
    each field checked a column at a time (:func:`_checked_column`) and the records built by
    one list comprehension; None when in doubt (a field it does not check so, such as names:
    the records are then read one by one)."""
    spec = _SPECS.get(kind)
    skeleton = found.skeleton
    if spec is None or type(skeleton) is not dict or "id" not in skeleton:
        return None
    builder = _Builder(label)
    values: list[Sequence[object] | None] = [None] * len(found.columns)
    arguments = []
    for key, where in skeleton.items():
        if key not in spec:
            return None
        field, check, _ = spec[key]
        if check == "refs" and type(where) is list and all(type(i) is int for i in where):
            numbers = where
            arguments.append((field, f"[{', '.join(f'c{i}' for i in where)}]"))
        elif type(where) is int and check != "refs":
            numbers = [where]
            arguments.append((field, f"c{where}"))
        else:
            return None  # names, an empty list ...
        for number in numbers:
            checked = _checked_column(check, found.columns[number], builder)
            if checked is None:
                return None
            values[number] = checked
    if any(required and key not in skeleton for key, (_, _, required) in spec.items()):
        return None
    make = _columns_code(kind, tuple(arguments), len(values))
    return make(label, found.lines, *values)


def _read_csv_rows(text: str, label: str, kind: str) -> list[Record | WikidataLink] | None:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error:
        return None
    if header is None:
        return []
    header = [column.strip() for column in header]
    allowed = CSV_COLUMNS[kind]
    if any(c not in allowed for c in header) or len(set(header)) != len(header):
        return None
    if "id" not in header:
        return None
    # name columns (people), list columns, other columns: (index, column)
    # in the order of _NAME_COLUMNS, as the line-aware reader gives them, whatever the header's
    names = [(header.index(c), s) for c, s in _NAME_COLUMNS.items() if c in header]
    lists = [(i, c) for i, c in enumerate(header) if c == "sources"]
    plain = [
        (i, c)
        for i, c in enumerate(header)
        if c not in _NAME_COLUMNS and c != "sources" and c != "other_names"
    ]
    other_names = header.index("other_names") if "other_names" in header else None
    width = len(header)
    into = _Reader(label)
    build = into.builder.kinds[kind]
    append = into.records.append
    row_builder = _ROW_BUILDERS[kind]
    previous_end = reader.line_num
    try:
        for cells in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            if len(cells) != width:
                if not any(cell.strip() for cell in cells):
                    continue
                return None
            raw: dict[str, Any] = {}
            for index, column in plain:
                value = cells[index].strip()
                if value:
                    raw[column] = value
            if not raw and not any(cell.strip() for cell in cells):
                continue  # a blank row
            for index, column in lists:
                value = cells[index].strip()
                if value:
                    # one value needs no splitting (what _split gives for it: [value])
                    one = ";" not in value and "|" not in value
                    raw[column] = [value] if one else _split(value)
            if names:
                found = [
                    {"text": text, "system": system}
                    for index, system in names
                    if (text := cells[index].strip())
                ]
                if found:
                    raw["names"] = found
            if other_names is not None and cells[other_names].strip():
                raw["other_names"] = True  # not handled by the per-kind code

            try:
                append(build(raw, line))
                continue
            except _Doubt:
                pass
            if not into.general(kind, row_builder(dict(zip(header, cells, strict=True)), line)):
                return None
    except csv.Error:
        return None
    return into.records


# -- checks across records ------------------------------------------------------------------------


def _references(record: Record | WikidataLink) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every reference a record makes, with the kinds it may point at (as
    :data:`kwpld.load.checks.REFERENCE_FIELDS` lists them for the raw records)."""
    if isinstance(record, WikidataLink):
        yield record.entity, ("person", "organ", "event", "article")
        return
    if isinstance(record, Membership):
        yield record.person, ("person",)
        yield record.organ, ("organ",)
        if record.post is not None:
            yield record.post, ("post",)
        for source in record.sources:
            yield source, SOURCE
        return
    for name in record.names:
        if name.renamed_by is not None:
            yield name.renamed_by, ("event", "article")
        for source in name.sources:
            yield source, SOURCE
    for source in record.sources:
        yield source, SOURCE
    if not isinstance(record, Post):
        for sources in record.stated_in.values():
            for source in sources:
                yield source, SOURCE
    if isinstance(record, Article):
        for ref in record.authors:
            yield ref, AGENT
        if record.publisher is not None:
            yield record.publisher, ("organ",)
        if record.published_in is not None:
            yield record.published_in, ("organ",)
        for ref in record.about:
            yield ref, ANY
        for ref in record.mentions:
            yield ref, ANY
        for ref in record.cites:
            yield ref, ("article",)
        if record.part_of is not None:
            yield record.part_of, ("article",)
        for quote in record.quotes:
            if quote.source is not None:
                yield quote.source, SOURCE
            if quote.speaker is not None:
                yield quote.speaker, AGENT
    elif isinstance(record, Organ):
        if record.parent is not None:
            yield record.parent, ("organ",)
    elif isinstance(record, Post):
        yield record.organ, ("organ",)
    elif isinstance(record, Event):
        if record.series is not None:
            yield record.series, ("event",)
        for ref in record.organizer:
            yield ref, AGENT
        for participant in record.participants:
            yield participant.ref, ("person", "organ", "post")
            for source in participant.sources:
                yield source, SOURCE
        for ref in record.about:
            yield ref, ANY
        for rule in record.rules:
            for ref in rule.applies_to:
                yield ref, ("event",)
            for source in rule.sources:
                yield source, SOURCE
        if record.conferred_by is not None:
            yield record.conferred_by, AGENT
        for ref in record.conferred_on:
            yield ref, ("person", "organ", "post")


def cross_checks_pass(records: Records, count: int) -> list[Record | WikidataLink] | None:
    """None when an id is used twice (``records`` keeps the first of an id, so it holds fewer
    than the ``count`` records read), a reference names no record or one of a kind it may
    not, or (for people, memberships and articles) dates or names contradict each other;
    else the records whose structure and dates are still to check
    (:func:`~.checks.check_dates`, :func:`~.checks.check_structure`: organs, posts, events,
    links, memberships that name a post).

    The typed counterpart of the checks in :mod:`.checks` for records read on the fast path:
    it only says whether they would find anything; when they would, the loader reads the
    files again with lines and they report it. The references of the bulk kinds are checked
    a field at a time, as sets (the set of people a membership names must be a subset of
    the people's ids ...); a record with a rarer field goes record by record.
    """
    by_id = records.by_id
    if len(by_id) != count:
        return None  # an id used twice
    memberships, people, articles = records.memberships, records.people, records.articles
    ids_of: dict[str, set[str]] = {
        kind: set(map(_ID, records.of_kind(kind))) for kind in KINDS
    }

    @cache
    def ids(kinds: tuple[str, ...]) -> set[str]:
        return set().union(*(ids_of[kind] for kind in kinds))

    def kind_of(ref: str) -> str | None:
        found = by_id.get(ref)
        return None if found is None or type(found) is WikidataLink else found.kind

    chain = itertools.chain.from_iterable
    # memberships: person, organ, sources as sets; dates and posts one by one
    if not (
        set(map(_PERSON, memberships)) <= ids(("person",))
        and set(map(_ORGAN, memberships)) <= ids(("organ",))
        and set(chain(map(_SOURCES, memberships))) <= ids(SOURCE)
        and _in_order(memberships, "start", "end")
    ):
        return None
    rest: list[Record | WikidataLink] = [m for m in memberships if m.post is not None]
    if any(kind_of(m.post) != "post" for m in rest):  # type: ignore[union-attr, arg-type]
        return None
    # people and articles: sources, mentions, about as sets; names and rarer fields one by one
    if not (
        set(chain(map(_SOURCES, people))) <= ids(SOURCE)
        and set(chain(map(_SOURCES, articles))) <= ids(SOURCE)
        and set(chain(map(_MENTIONS, articles))) <= ids(ANY)
        and set(chain(map(_ABOUT, articles))) <= ids(ANY)
        and _in_order(people, "born", "died")
    ):
        return None
    rare = _names_pass(people, articles)
    if rare is None:
        return None
    rare += [
        r
        for r in articles
        if r.authors or r.publisher or r.published_in or r.cites or r.part_of or r.quotes
    ]
    # the other kinds record by record, and their structure and dates still to check
    others: list[Record | WikidataLink] = [
        *records.organs, *records.posts, *records.events, *records.links
    ]
    for record in [*rare, *others]:
        for ref, allowed in _references(record):
            if kind_of(ref) not in allowed:
                return None
    return rest + others


def _in_order(records: Sequence[Any], first: str, last: str) -> bool:
    """No record of ``records`` whose ``first`` date is certainly after its ``last``."""
    get_first, get_last = attrgetter(first), attrgetter(last)
    # (a PartialDate is always true: ``is not None`` is what the line-aware checks test)
    for record in [r for r in records if get_last(r) is not None]:
        start = get_first(record)
        if start is not None and start.certainly_after(get_last(record)):
            return False
    return True


def _names_pass(people: list[Person], articles: list[Article]) -> list[Person | Article] | None:
    """None when a name is given twice in a record (one set of all (record, system, text)) or
    a name's dates are out of order; else the records whose names (or ``stated_in``) make
    references still to check one by one."""
    named: list[Person | Article] = [*people, *articles]
    keys = [(r.id, n.system, n.text) for r in named for n in r.names]
    if len(set(keys)) != len(keys):
        return None
    all_names = list(itertools.chain.from_iterable(map(_NAMES, named)))
    if not _in_order(all_names, "valid_from", "valid_until"):
        return None
    names_with_refs = any(n.renamed_by is not None or n.sources for n in all_names)
    return [
        r
        for r in named
        if r.stated_in
        or (names_with_refs and any(n.renamed_by is not None or n.sources for n in r.names))
    ]


_ID = attrgetter("id")
_PERSON = attrgetter("person")
_ORGAN = attrgetter("organ")
_SOURCES = attrgetter("sources")
_MENTIONS = attrgetter("mentions")
_ABOUT = attrgetter("about")
_NAMES = attrgetter("names")
