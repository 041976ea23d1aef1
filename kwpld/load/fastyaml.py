"""A reader for the plain subset of YAML that record files are written in, without lines.

PyYAML (even with libyaml's ``CSafeLoader``) reads about 5,000 records a second, because it
makes a Python node and two marks for every scalar before it constructs anything (see
docs/scaling.md). Record files are nearly always written in a small subset of YAML: block
mappings and sequences, one ``key: value`` or ``- value`` per line, plain, single-quoted or
simple double-quoted scalars. :func:`read_plain_yaml` reads exactly that subset, one regular
expression over the whole text and one pass over its lines, and gives the same values PyYAML
gives (with kwpld's loader: dates stay text), plus the line of every mapping that is an item
of a sequence (the records).

It never guesses: anything outside the subset (flow collections, anchors and aliases, tags,
block and multi-line scalars, escapes, comments after a value, empty values, duplicate keys,
tabs, unusual line breaks, a plain scalar that YAML 1.1 would read as anything but text or a
decimal integer ...) makes it return ``None``, and the caller reads the file with the
line-aware PyYAML loader, which also reports every problem with its line. Tests compare the
two on every YAML file of the repository and on generated documents.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["read_plain_yaml", "ItemLines"]

ItemLines = dict[int, list[int]]
"""``id(list)`` -> the line of each item of that list (1-based)."""

# What PyYAML's reader refuses, and the line breaks (NEL, LS, PS, CR) that YAML counts but a
# split on "\n" does not; tabs (indentation or separation) and a BOM inside the text are not
# worth the doubt either.
_REFUSE = re.compile(
    "[^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A plain scalar that is not refused here is text or an integer; refused: a first character
# that is a YAML indicator, ": " or " #" inside (a mapping value, a comment), a final ":".
_PLAIN_REFUSED = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$")
_SINGLE = re.compile(r"'(?:[^']|'')*'")
_DOUBLE = re.compile(r'"[^"\\]*"')
_INT = re.compile(r"0|[1-9][0-9]*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")
# YAML 1.1 (PyYAML) reads these plain words as booleans or null, in keys and values alike
_NOT_TEXT = frozenset(
    [
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "null",
        "Null",
        "NULL",
        "~",
    ]
)
# the first characters for which PyYAML tries a resolver other than text (see
# yaml.resolver.Resolver.yaml_implicit_resolvers): bool, float, int, merge, null, value
_RESOLVED_FIRST = frozenset("yYnNtTfFoO-+0123456789.<~=")

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_MISSING = object()
_MAP = 0
_SEQ = 1


class _Refused(Exception):
    """The text is outside the subset: read it with the full loader."""


def _scalar(value: str) -> object:
    """The value of a scalar written on one line (trailing spaces already removed)."""
    first = value[0]
    if first == "'":
        if _SINGLE.fullmatch(value) is None:
            raise _Refused
        return value[1:-1].replace("''", "'")
    if first == '"':
        if _DOUBLE.fullmatch(value) is None:
            raise _Refused
        return value[1:-1]
    if _PLAIN_REFUSED.search(value) is not None:
        raise _Refused
    if first in _RESOLVED_FIRST:
        if value in _NOT_TEXT:
            raise _Refused
        if first.isdigit():
            if len(value) < 19 and _INT.fullmatch(value) is not None:
                return int(value)
            if _ISO_DATE.fullmatch(value) is not None:
                return value  # kwpld's loader keeps dates as text
            raise _Refused
        if not first.isalpha():
            raise _Refused
    return value


def read_plain_yaml(text: str) -> tuple[dict[str, Any], ItemLines] | None:
    """The top-level mapping of ``text`` and the lines of sequence items, or None.

    None means the text uses YAML beyond the plain subset (or is not valid YAML, or its top
    level is not a mapping): the caller reads it with the full loader.
    """
    if _REFUSE.search(text) is not None:
        return None
    try:
        return _parse(text)
    except _Refused:
        return None


def _parse(text: str) -> tuple[dict[str, Any], ItemLines]:
    root: dict[str, Any] = {}
    item_lines: ItemLines = {}
    # the open containers, innermost last: (column, kind, container); the innermost also in
    # top_column, top_kind, top
    stack: list[tuple[int, int, Any]] = [(0, _MAP, root)]
    top_column, top_kind = 0, _MAP
    top: Any = root
    pending: tuple[dict[str, Any], str, int] | None = None  # a "key:" awaiting its block
    keys: set[str] = set()  # keys seen valid already
    values: dict[str, object] = {}  # scalars read already
    scalar = _scalar
    number = 0
    started = False
    for line in text.split("\n"):
        number += 1
        if line[:1] == " ":
            rest = line.lstrip(" ")
            column = len(line) - len(rest)
        else:
            rest = line
            column = 0
        if not rest or rest[0] == "#":
            continue  # a blank or comment line
        if rest[0] == "-" and (len(rest) == 1 or rest[1] == " "):
            body = rest[1:].lstrip(" ")
            dash = len(rest) - len(body)
            if not body:
                raise _Refused  # "-" alone: the item's value follows on other lines
        else:
            body = rest
            dash = 0
        colon = body.find(":")
        if colon > 0 and (colon + 1 == len(body) or body[colon + 1] == " "):
            key = body[:colon]
            if key not in keys:
                if _KEY.fullmatch(key) is None or key in _NOT_TEXT:
                    raise _Refused  # a quoted key, or one PyYAML reads as true or null
                keys.add(key)
            value = body[colon + 1 :].strip(" ")
        elif dash:
            key = ""
            value = body.rstrip(" ")
        else:
            raise _Refused  # a scalar on its own line: a continuation, a document marker ...
        if top_column > column:
            while stack[-1][0] > column:
                stack.pop()
            top_column, top_kind, top = stack[-1]
        if pending is not None:
            owner, owner_key, owner_column = pending
            pending = None
            if column > owner_column or (dash and column == owner_column):
                if top is not owner:
                    raise _Refused
                if dash:
                    child: Any = []
                    item_lines[id(child)] = []
                    top_kind = _SEQ
                else:
                    child = {}
                    top_kind = _MAP
                owner[owner_key] = child
                top_column, top = column, child
                stack.append((column, top_kind, child))
            else:
                raise _Refused  # "key:" with nothing after it: null
        elif not started:
            if dash or column:
                raise _Refused  # the top level must be a mapping at column 0
            started = True
        if dash:
            if top_kind != _SEQ or top_column != column:
                raise _Refused
            item_lines[id(top)].append(number)
            if not key:
                found = values.get(value, _MISSING)
                if found is _MISSING:
                    found = values[value] = scalar(value)
                top.append(found)
                continue
            item: dict[str, Any] = {}
            top.append(item)
            top_column, top_kind, top = column + dash, _MAP, item
            stack.append((top_column, _MAP, item))
        else:
            if top_kind == _SEQ and top_column == column:
                stack.pop()  # an indentless sequence ends at a key of its mapping
                top_column, top_kind, top = stack[-1]
            if top_kind != _MAP or top_column != column:
                raise _Refused
            item = top
        if key in item:
            raise _Refused  # a duplicate key: a problem to report
        if value:
            found = values.get(value, _MISSING)
            if found is _MISSING:
                found = values[value] = scalar(value)
            item[key] = found
        else:
            pending = (item, key, top_column)
    if not started or pending is not None:
        raise _Refused
    return root, item_lines
