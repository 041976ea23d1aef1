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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

__all__ = ["read_plain_yaml", "ItemLines", "Columns"]

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


def read_plain_yaml(
    text: str, *, columns: bool = False
) -> tuple[dict[str, Any], ItemLines] | None:
    """The top-level mapping of ``text`` and the lines of sequence items, or None.

    None means the text uses YAML beyond the plain subset (or is not valid YAML, or its top
    level is not a mapping): the caller reads it with the full loader. With ``columns``, a
    list of records that all have one shape is given as :class:`Columns` instead.
    """
    if _REFUSE.search(text) is not None:
        return None
    try:
        found = _by_records(text, columns)
        return found if found is not None else _parse(text)
    except _Refused:
        return None


# -- record by record: one regular expression per shape of record ---------------------------------

_TOP_SCALAR = re.compile(r"([^ \n][^\n]*?) *\n")
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +([^ \n][^\n]*?))? *\n")
_ITEM_START = re.compile(r"( *)- ")
_LINE = re.compile(r"( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +([^ \n][^\n]*?))?|(.+?)) *$")
# a value after "key: ", and an item's value after "- " (where a ": " or a final ":" would make a
# key, so it may have neither). Greedy runs of one character class, then a look back that the
# value does not end in a space: sre runs a class in one step, where a lazy ``*?`` tries the
# rest of the pattern after every character (three times the time on the flat corpus).
_VALUE = r"([^ \n][^\n]*(?<! )) *\n"
_ITEM_VALUE = r"((?:[^ \n:]|:(?=[^ \n]))[^\n:]*(?::(?=[^ \n])[^\n:]*)*(?<! )) *\n"
_MAX_RECORD_SHAPES = 64


class _Shape:
    """One shape of record (its keys, indents, lists and how many items each has): the
    expression that matches a record of that shape, and the code that makes its value."""

    __slots__ = ("pattern", "make", "lines", "skeleton")

    def __init__(self, pattern: re.Pattern[str], make: Any, lines: int, skeleton: Any) -> None:
        self.pattern = pattern
        self.make = make
        self.lines = lines
        self.skeleton = skeleton


@dataclass(frozen=True, slots=True)
class Columns:
    """A list of records that all have one shape, as columns: ``skeleton`` is a record with
    the number of a column where each value is (lists and mappings as in the records),
    ``columns`` the values of each column (one per record), ``lines`` the line of each
    record."""

    skeleton: Any
    columns: list[Sequence[object]]
    lines: list[int]


def _by_records(text: str, as_columns: bool = False) -> tuple[dict[str, Any], ItemLines] | None:
    """What :func:`_parse` gives, for the usual layout of a record file, record by record:
    top-level keys with a scalar (``kwpld: 1``) or a list of records in block style, nothing
    else (no comments, no blank lines). Each record is matched by the expression of its shape
    (made the first time a shape is met, from the record itself, and checked by reading it
    with :func:`_parse`), so a record costs one match in C and the scalars not met before.
    None: another layout, read line by line by :func:`_parse`."""
    if "#" in text or "\n\n" in text or not text.endswith("\n") or text[0] == " ":
        return None
    root: dict[str, Any] = {}
    item_lines: ItemLines = {}
    values: dict[str, object] = {}
    shapes: dict[str, list[_Shape]] = {}
    position, line, end = 0, 1, len(text)
    while position < end:
        top = _TOP_KEY.match(text, position)
        if top is None:
            return None
        key, raw = top.group(1), top.group(2)
        if key in root or key in _NOT_TEXT:
            return None
        position = top.end()
        line += 1
        if raw is not None:
            root[key] = _scalar(raw)
            continue
        start = _ITEM_START.match(text, position)
        if start is None:
            return None  # "key:" and no list after it
        dash = start.group(0)
        records: list[Any] = []
        lines: list[int] = []
        item_lines[id(records)] = lines
        root[key] = records
        runs = _runs(text, position, dash, shapes.setdefault(dash, []), line)
        if runs is None:
            return None
        position, line = runs[-1][3], runs[-1][2] + runs[-1][0].lines * len(runs[-1][1])
        # the scalars, column by column (a column: one value of every record of a shape)
        if as_columns and all(shape is runs[0][0] for shape, _, _, _ in runs):
            shape = runs[0][0]
            rows = [row for _, these, _, _ in runs for row in these]
            columns = [_column(raws, values) for raws in zip(*rows, strict=True)]
            at = [n for _, these, first, _ in runs
                  for n in range(first, first + shape.lines * len(these), shape.lines)]  # fmt: skip
            root[key] = Columns(shape.skeleton, columns, at)
            del item_lines[id(records)]
        else:
            _make_records(runs, records, lines, item_lines, values)
        if position < end and text[position] == " ":
            return None  # not the list's next item, nor a key of the top level
    return root, item_lines



_Run = tuple[_Shape, list[tuple[str, ...]], int, int]
"""Records of one shape one after the other: the shape, each record's values (the groups of
its match), the line of the first and the position after the last."""


def _runs(
    text: str, position: int, dash: str, known: list[_Shape], line: int
) -> list[_Run] | None:
    """The records of the list at ``position`` (each item starts with ``dash``) as runs of one
    shape: the first record of a run is matched by each known shape in turn (or makes a new
    one), the records after it of the same shape by the shape's scanner, in one loop in C."""
    runs: list[_Run] = []
    while text.startswith(dash, position):
        for shape in known:
            match = shape.pattern.match(text, position)
            if match is not None:
                break
        else:
            if len(known) >= _MAX_RECORD_SHAPES:
                return None
            new_shape = _record_shape(text, position, dash)
            if new_shape is None:
                return None
            shape = new_shape
            known.insert(0, shape)
            match = shape.pattern.match(text, position)
            if match is None:
                return None
        scanner = shape.pattern.scanner(text, match.end())  # type: ignore[attr-defined]
        more = list(iter(scanner.match, None))
        rows = [match.groups(), *map(_groups, more)]
        position = more[-1].end() if more else match.end()
        runs.append((shape, rows, line, position))
        line += shape.lines * len(rows)
    return runs if runs else None


_groups = re.Match.groups


def _make_records(
    runs: list[_Run],
    records: list[Any],
    lines: list[int],
    item_lines: ItemLines,
    values: dict[str, object],
) -> None:
    """The records of ``runs`` as mappings (into ``records``, their lines into ``lines``),
    their scalars resolved a column of each shape at a time."""
    resolved: dict[_Shape, Iterator[tuple[object, ...]]] = {}
    for shape in {shape for shape, _, _, _ in runs}:
        rows = [row for this, these, _, _ in runs if this is shape for row in these]
        columns = [_column(raws, values) for raws in zip(*rows, strict=True)]
        resolved[shape] = zip(*columns, strict=True) if columns else iter([()] * len(rows))
    for shape, these, first, _ in runs:
        step = shape.lines
        for at in range(first, first + step * len(these), step):
            records.append(shape.make(next(resolved[shape]), at, item_lines))
            lines.append(at)

_NOT_LETTER = re.compile(r"[^\w]|[\d_]")
"""A character other than a letter (a first character that makes a plain scalar anything but
text, or refused: an indicator, a digit, a sign ...)."""


def _all_plain_text(raws: Sequence[str], joined: str) -> bool:
    """Every one of the plain scalars ``raws`` is text that :func:`_scalar` gives as it is:
    a letter first, no ``": "``, ``" #"`` or final ``":"``, not a word YAML 1.1 reads as a
    boolean or null. A few operations in C over the whole column."""
    if _NOT_LETTER.search("".join(map(itemgetter(0), raws))) is not None:
        return False
    if ": " in joined or " #" in joined or ":\n" in joined or joined.endswith(":"):
        return False
    return _NOT_TEXT.isdisjoint(raws)


def _all_single_quoted(raws: Sequence[str], joined: str) -> bool:
    """Every one of ``raws`` is a single-quoted scalar without a quote inside: quotes first
    and last, at least two characters, and two quotes a value in all."""
    count = len(raws)
    return (
        min(map(len, raws)) >= 2
        and "".join(map(itemgetter(0), raws)) == "'" * count
        and "".join(map(itemgetter(-1), raws)) == "'" * count
        and joined.count("'") == 2 * count
    )


def _column(raws: tuple[str, ...], values: dict[str, object]) -> Sequence[object]:
    """The values of the scalars ``raws``: at once when all are plain text, or all quoted
    without quotes inside; else one by one (:func:`_scalar`, each distinct one once)."""
    joined = "\n".join(raws)
    if _all_plain_text(raws, joined):
        return raws
    if _all_single_quoted(raws, joined):
        return [raw[1:-1] for raw in raws]
    found = []
    for raw in raws:
        value = values.get(raw, _MISSING)
        if value is _MISSING:
            value = values[raw] = _scalar(raw)
        found.append(value)
    return found


def _record_shape(text: str, position: int, dash: str) -> _Shape | None:
    """The shape of the record at ``position`` (its first line starts with ``dash``)."""
    after = re.compile(f"\n(?={re.escape(dash)}|[^ ])")
    found = after.search(text, position)
    block = text[position : found.start() + 1 if found else len(text)]
    pattern = []
    skeleton = []
    for line in block[:-1].split("\n"):
        parts = _LINE.fullmatch(line)
        if parts is None:
            return None
        _, item, key, value, _ = parts.groups()
        if key is not None:
            head = line[: parts.start(4)] if value is not None else line
            if value is None:
                pattern.append(re.escape(head) + " *\n")
                skeleton.append(head)
                continue
            pattern.append(re.escape(head) + _VALUE)
            skeleton.append(f"{head}v{len(skeleton)}")
        elif item is not None:
            head = line[: parts.start(5)]
            pattern.append(re.escape(head) + _ITEM_VALUE)
            skeleton.append(f"{head}v{len(skeleton)}")
        else:
            return None  # a scalar on a line of its own
    # the structure, read by the line reader from the record with a placeholder per value
    try:
        parsed, lines_of = _parse("x:\n" + "\n".join(skeleton) + "\n")
    except _Refused:
        return None
    record = parsed["x"]
    if len(record) != 1:
        return None
    count = sum(1 for part in pattern if part.endswith(_VALUE) or part.endswith(_ITEM_VALUE))
    code = _code(record[0], lines_of, count)
    if code is None:
        return None
    pattern.append(f"(?={re.escape(dash)}|[^ ]|\\Z)")
    namespace: dict[str, Any] = {}
    exec(compile(code, "<kwpld.load.fastyaml record>", "exec"), namespace)
    return _Shape(
        re.compile("".join(pattern)), namespace["make"], len(skeleton), _numbered(record[0])
    )


def _numbered(node: object, counter: list[int] | None = None) -> object:
    """``node`` with each placeholder ``vN`` replaced by the number of its column."""
    counter = [0] if counter is None else counter
    if isinstance(node, dict):
        return {key: _numbered(item, counter) for key, item in node.items()}
    if isinstance(node, list):
        return [_numbered(item, counter) for item in node]
    counter[0] += 1
    return counter[0] - 1


def _code(record: object, lines_of: ItemLines, count: int) -> str | None:
    """Source of ``make(values, line, item_lines)``: the record with placeholder ``vN`` replaced
    by ``values[N]`` (the Nth value of a match), and the line of each item of its lists."""
    body: list[str] = []
    used: list[int] = []
    lists = 0

    def expression(node: object) -> str | None:
        nonlocal lists
        if isinstance(node, dict):
            parts = []
            for key, item in node.items():
                inner = expression(item)
                if inner is None:
                    return None
                parts.append(f"{key!r}: {inner}")
            return "{" + ", ".join(parts) + "}"
        if isinstance(node, list):
            items = [expression(item) for item in node]
            if any(item is None for item in items):
                return None
            name = f"l{lists}"
            lists += 1
            offsets = [number - 2 for number in lines_of[id(node)]]
            body.append(f"    {name} = [{', '.join(items)}]")  # type: ignore[arg-type]
            body.append(
                f"    item_lines[id({name})] = [{', '.join(f'line + {o}' for o in offsets)}]"
            )
            return name
        if isinstance(node, str) and re.fullmatch(r"v[0-9]+", node):
            used.append(int(node[1:]))
            return f"values[{len(used) - 1}]"
        return None

    top = expression(record)
    if top is None or sorted(used) != used or len(used) != count:
        return None
    return "def make(values, line, item_lines):\n" + "\n".join(body + [f"    return {top}"]) + "\n"


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
