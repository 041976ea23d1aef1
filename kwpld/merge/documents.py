"""Record files as documents whose records can be changed one at a time, keeping the rest.

A curator's YAML file has comments, blank lines, a layout of its own; rewriting it whole from
parsed data would lose them. So a :class:`Document` knows where each record is written (its
first and last line) and changes only the records it must:

- a record whose only change is a renamed reference gets the id replaced on the lines that
  hold it (found from the loader's line numbers), nothing else moves;
- a record that changes otherwise (the merged one, or one whose lists lost a repeat) is
  written again in the file's own style (indentation of sequences, names as one-line
  ``{text: ..., system: ...}`` mappings, short lists of ids on one line);
- a record that goes is cut out with its lines.

The result is parsed again and compared with what it must hold; if the edits did not give
exactly that, the records are written again whole (and if even that fails, nothing is
written: an error says which file to edit by hand). CSV rows and JSON Lines records are
written again per row or line, in the file's column order and style.
"""

from __future__ import annotations

import copy
import csv
import difflib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import InputError, Problem
from ..load.files import LineDict, LineList, line_of, read_csv, read_yaml
from ..model import KIND_KEYS
from .fields import references

__all__ = ["Change", "Document", "Slot", "read_document"]

_NAME_COLUMNS = {
    "en": "name_en",
    "hangul": "name_hangul",
    "hanja": "name_hanja",
    "mr": "name_mr",
    "mr-ascii": "name_mr_ascii",
    "rr": "name_rr",
    "dprk": "name_dprk",
}


class _PlainLoader(yaml.SafeLoader):
    """Plain data as kwpld reads it: dates stay text (see :mod:`kwpld.load.files`)."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_plain(text: str) -> Any:
    return yaml.load(text, Loader=_PlainLoader)  # noqa: S506 - a SafeLoader subclass


@dataclass
class Slot:
    """One record in a document."""

    kind: str
    record: dict[str, Any]
    """The record as plain data."""
    start: int
    """First line (1-based)."""
    end: int
    """Last line (1-based, inclusive)."""
    raw: LineDict | None = None
    """The record as the loader read it (lines of its fields), for YAML."""
    where: tuple[str, int] | None = None
    """(key, index) of the record in a YAML file."""

    @property
    def id(self) -> str:
        value = self.record.get("entity") if self.kind == "link" else self.record.get("id")
        return str(value)


@dataclass
class Change:
    """What becomes of a record: ``record`` None removes it; ``renamed`` (old id, new id) says
    that the only difference is references renamed, which an edit of those lines can make."""

    record: dict[str, Any] | None
    renamed: tuple[str, str] | None = None


@dataclass
class Document:
    """A record file: its text, format and records."""

    path: Path
    label: str
    format: Literal["yaml", "csv", "jsonl"]
    text: str
    slots: list[Slot] = field(default_factory=list)
    plain: Any = None
    """The whole YAML file as plain data."""
    header: list[str] = field(default_factory=list)
    """CSV columns."""

    def render(self, changes: dict[int, Change]) -> str:
        """The file's text with ``changes`` (by slot index) made."""
        if not changes:
            return self.text
        if self.format == "yaml":
            return self._render_yaml(changes)
        if self.format == "csv":
            return self._render_rows(changes, self._csv_row)
        return self._render_rows(changes, self._json_line)

    # -- YAML ---------------------------------------------------------------------------------
    def _render_yaml(self, changes: dict[int, Change]) -> str:
        expected = copy.deepcopy(self.plain)
        removed: dict[str, list[int]] = {}
        for index, change in changes.items():
            key, position = self.slots[index].where or ("", 0)
            if change.record is None:
                removed.setdefault(key, []).append(position)
            else:
                expected[key][position] = change.record
        for key, positions in removed.items():
            for position in sorted(positions, reverse=True):
                del expected[key][position]
        for surgical in (True, False):
            text = self._edit_yaml(changes, surgical)
            try:
                if parse_plain(text) == expected:
                    return text
            except yaml.YAMLError:
                pass
        raise InputError(
            f"{self.label}: kwpld cannot rewrite this file without changing more than the "
            "merge; nothing was written. Make the change in it by hand"
        )

    def _edit_yaml(self, changes: dict[int, Change], surgical: bool) -> str:
        newline = "\r\n" if "\r\n" in self.text else "\n"
        lines = self.text.splitlines(keepends=True)
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        style = _Style.of(lines)
        for index in sorted(changes, key=lambda i: self.slots[i].start, reverse=True):
            slot, change = self.slots[index], changes[index]
            first, last = slot.start - 1, slot.end  # as a slice of lines
            if change.record is None:
                # with the comment lines right above it, which describe it, and one blank line
                indent = _leading(lines[first])
                while (
                    first > 0
                    and lines[first - 1].lstrip().startswith("#")
                    and _leading(lines[first - 1]) == indent
                ):
                    first -= 1
                if (
                    first > 0
                    and not lines[first - 1].strip()
                    and (last >= len(lines) or not lines[last].strip())
                ):
                    first -= 1
                del lines[first:last]
                continue
            if surgical and change.renamed is not None and slot.raw is not None:
                edited = _rename_on_lines(lines, slot, change.renamed)
                if edited:
                    continue
            if surgical and slot.raw is not None:
                block = _edit_fields(lines, slot, change.record, style, newline)
                if block is not None:
                    lines[first:last] = block
                    continue
            dash = re.match(r"[ \t]*", lines[first])
            indent = dash.group(0) if dash else ""
            block = style.render(change.record, len(indent))
            lines[first:last] = [indent + line + newline for line in block]
        return "".join(lines)

    # -- rows: CSV and JSON Lines ---------------------------------------------------------------
    def _render_rows(
        self, changes: dict[int, Change], render: Callable[[dict[str, Any], Slot], str]
    ) -> str:
        newline = "\r\n" if "\r\n" in self.text else "\n"
        lines = self.text.splitlines(keepends=True)
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        for index in sorted(changes, key=lambda i: self.slots[i].start, reverse=True):
            slot, change = self.slots[index], changes[index]
            first, last = slot.start - 1, slot.end
            if change.record is None:
                del lines[first:last]
            else:
                lines[first:last] = [render(change.record, slot).rstrip("\r\n") + newline]
        return "".join(lines)

    def _json_line(self, record: dict[str, Any], slot: Slot) -> str:
        original = self.text.splitlines()[slot.start - 1]
        compact = '": ' not in original and '", ' not in original
        separators = (",", ":") if compact else (", ", ": ")
        return json.dumps(record, ensure_ascii=False, separators=separators)

    def _csv_row(self, record: dict[str, Any], slot: Slot) -> str:
        cells = _csv_cells(record, slot.kind, self.header, self.label)
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(cells)
        return buffer.getvalue()


def _rename_on_lines(lines: list[str], slot: Slot, renamed: tuple[str, str]) -> bool:
    """Replace the id on the lines that hold references to it; False when a line of the
    record cannot be found (the caller then writes the record again)."""
    old, new = renamed
    assert slot.raw is not None
    targets = set()
    for path, ref in references(slot.raw, slot.kind):
        if ref != old:
            continue
        line, _ = line_of(slot.raw, list(path))
        if line is None or not slot.start <= line <= slot.end:
            return False
        targets.add(line)
    token = re.compile(rf"(?<![A-Za-z0-9._-]){re.escape(old)}(?![A-Za-z0-9._-])")
    for line in targets:
        text = lines[line - 1]
        replaced = token.sub(new, text)
        if replaced == text:
            return False
        lines[line - 1] = replaced
    return bool(targets)


def _edit_fields(
    lines: list[str], slot: Slot, new: dict[str, Any], style: _Style, newline: str
) -> list[str] | None:
    """The record's lines with only the fields that change written again (a list that only
    gains or loses items keeps the lines of the others); None when the record is not laid out
    one field per line (then it is written again whole)."""
    raw, old = slot.raw, slot.record
    assert raw is not None
    keys = list(old)
    starts = [raw.key_lines.get(k, 0) for k in keys]
    if not keys or starts != sorted(set(starts)) or starts[0] < slot.start:
        return None
    if keys[0] not in new or new[keys[0]] != old[keys[0]]:
        return None  # the first field shares its line with the dash
    if len(keys) > 1:
        indent = _leading(lines[starts[1] - 1])
    else:
        indent = _leading(lines[slot.start - 1]) + "  "
    plain_lines = [line.rstrip("\r\n") for line in lines]
    out = list(lines[slot.start - 1 : starts[0] - 1])
    for i, key in enumerate(keys):
        following = starts[i + 1] if i + 1 < len(keys) else slot.end + 1
        end = _trim(plain_lines, starts[i], following - 1)
        span, gap = lines[starts[i] - 1 : end], lines[end : following - 1]
        if key not in new:
            out.extend(gap)
            continue
        if new[key] == old[key]:
            out.extend(span + gap)
            continue
        value = raw.get(key)
        edited = None
        if isinstance(value, LineList) and isinstance(new[key], list):
            edited = _edit_list(
                lines, plain_lines, value, old[key], new[key], key, (starts[i], end), style, newline
            )
        if edited is None:
            flow = "[" in span[0] and len(span) == 1
            rendered = style.render_field(key, new[key], flow, len(indent))
            edited = [indent + line + newline for line in rendered]
        out.extend(edited + gap)
    for key, value in new.items():
        if key not in old:
            rendered = style.render_field(key, value, False, len(indent))
            out.extend(indent + line + newline for line in rendered)
    return out


def _edit_list(
    lines: list[str],
    plain_lines: list[str],
    raw: LineList,
    old: list[Any],
    new: list[Any],
    key: str,
    span: tuple[int, int],
    style: _Style,
    newline: str,
) -> list[str] | None:
    """A block list with items kept, dropped and added; None for a list on one line."""
    starts = list(raw.item_lines)
    if not starts or len(starts) != len(old) or starts != sorted(set(starts)):
        return None
    if starts[0] <= span[0]:
        return None  # flow style: [a, b] on the key's line
    indent = _leading(lines[starts[0] - 1])
    items: list[list[str]] = []
    for i, start in enumerate(starts):
        stop = starts[i + 1] - 1 if i + 1 < len(starts) else span[1]
        items.append(lines[start - 1 : stop])
    out = list(lines[span[0] - 1 : starts[0] - 1])
    matcher = difflib.SequenceMatcher(
        None, [_canonical(v) for v in old], [_canonical(v) for v in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i in range(i1, i2):
                out.extend(items[i])
            continue
        for j in range(j1, j2):
            rendered = style.render_item(key, new[j], len(indent))
            out.extend(indent + line + newline for line in rendered)
    return out


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _leading(line: str) -> str:
    match = re.match(r"[ \t]*", line)
    return match.group(0) if match else ""


_WIDTH = 100
"""The line width record files are written to (the project's)."""


class _Style:
    """How a file writes its records: whether sequences are indented under their key."""

    def __init__(self, indent_sequences: bool) -> None:
        self.indent_sequences = indent_sequences

    @classmethod
    def of(cls, lines: list[str]) -> _Style:
        for i, line in enumerate(lines[:-1]):
            key = re.match(r"^([ \t]*)(?:- )?[A-Za-z_][\w-]*:[ \t]*(?:#.*)?$", line.rstrip("\r\n"))
            if key is None:
                continue
            following = re.match(r"^([ \t]*)- ", lines[i + 1])
            if following is None:
                continue
            # "  - id: x" opens a mapping whose keys sit two columns right of the dash
            own = len(key.group(1)) + (2 if line.lstrip().startswith("- ") else 0)
            return cls(len(following.group(1)) > own)
        return cls(True)

    def render(self, record: dict[str, Any], indent: int = 0) -> list[str]:
        """The record as an item of a sequence (``- id: ...``), one string per line, for a
        place ``indent`` columns in."""
        return self._dump([_flow(record)], indent)

    def render_field(self, key: str, value: Any, flow: bool, indent: int = 0) -> list[str]:
        """``key: value``, one string per line; ``flow`` keeps a list of ids on one line when
        it was written so and still fits."""
        shaped = _flow(value, key)
        if flow and isinstance(value, list) and not isinstance(shaped, _FlowList):
            one_line = self._dump({key: _FlowList(value)}, indent)
            if len(one_line) == 1 and indent + len(one_line[0]) <= _WIDTH:
                return one_line
        return self._dump({key: shaped}, indent)

    def render_item(self, key: str, item: Any, indent: int = 0) -> list[str]:
        """One item of the list ``key`` (``- {text: ..., system: en}``)."""
        return self._dump(_flow([item], key), indent)

    def _dump(self, data: Any, indent: int) -> list[str]:
        dumper = _IndentedDumper if self.indent_sequences else _FlatDumper
        text = yaml.dump(
            data,
            Dumper=dumper,
            sort_keys=False,
            allow_unicode=True,
            width=max(40, _WIDTH - indent),
            default_flow_style=False,
        )
        return text.splitlines()


class _FlowDict(dict[str, Any]):
    """A mapping written on one line: a name."""


class _FlowList(list[Any]):
    """A short list of ids or numbers written on one line."""


def _flow(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        out = {k: _flow(v, k) for k, v in value.items()}
        return out
    if isinstance(value, list):
        items = [_flow(v) for v in value]
        if key == "names":
            return [
                _FlowDict(n)
                if isinstance(n, dict)
                and all(
                    not isinstance(v, (dict, list)) or isinstance(v, list) and _short_list(v)
                    for v in n.values()
                )
                else n
                for n in items
            ]
        if _short_list(value):
            return _FlowList(items)
        return items
    return value


def _short_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value)
        and sum(len(str(v)) + 2 for v in value) < 70
        and not any("\n" in str(v) for v in value)
    )


class _FlatDumper(yaml.SafeDumper):
    """Sequences not indented under their key (as YAML's reference and kwpld ingest write)."""


class _IndentedDumper(yaml.SafeDumper):
    """Sequences indented under their key (as the example's files are written)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


for _dumper in (_FlatDumper, _IndentedDumper):
    # Dates are written as text (no quotes): kwpld reads them as text.
    _dumper.yaml_implicit_resolvers = {
        first: [(t, r) for t, r in resolvers if t != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }
    _dumper.add_representer(str, _represent_str)
    _dumper.add_representer(
        _FlowDict,
        lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True),
    )
    _dumper.add_representer(
        _FlowList,
        lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True),
    )
    _dumper.add_representer(
        dict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items())
    )


# -- CSV rows -----------------------------------------------------------------------------------


def _csv_cells(record: dict[str, Any], kind: str, header: list[str], label: str) -> list[str]:
    """The cells of a record in the file's columns; an error when a value has no column."""
    values: dict[str, str] = {}
    for key, value in record.items():
        if key == "names" and kind == "person":
            values.update(_name_cells(value, header, label, str(record.get("id"))))
            continue
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                _no_column(label, record, key)
            values[key] = "; ".join(value)
        elif value is None:
            continue
        elif isinstance(value, (dict, bool)):
            _no_column(label, record, key)
        else:
            values[key] = str(value)
    for key in values:
        if key not in header:
            _no_column(label, record, key)
    return [values.get(column, "") for column in header]


def _name_cells(names: list[Any], header: list[str], label: str, record_id: str) -> dict[str, str]:
    cells: dict[str, str] = {}
    others: list[str] = []
    preferred: set[str] = set()
    for name in names:
        if not isinstance(name, dict) or set(name) - {"text", "system", "kind"}:
            raise InputError(
                f"{label}: the merged record '{record_id}' has a name with "
                f"{', '.join(sorted(set(name) - {'text', 'system', 'kind'}))}, which a CSV row "
                "cannot hold; move the record to a YAML file, then merge again"
            )
        system, text = str(name["system"]), str(name["text"])
        default = "alternate" if system in preferred else "preferred"
        kind = str(name.get("kind", default))
        if kind == "preferred":
            preferred.add(system)
        column = _NAME_COLUMNS.get(system)
        if kind == "preferred" and column in header and column not in cells:
            cells[str(column)] = text
        else:
            others.append(f"{system}/{kind}:{text}")
    if others:
        if "other_names" not in header:
            raise InputError(
                f"{label}: the merged record '{record_id}' has more names than this file's "
                "columns hold; add an other_names column, or move the record to a YAML file"
            )
        cells["other_names"] = "; ".join(others)
    return cells


def _no_column(label: str, record: dict[str, Any], key: str) -> None:
    raise InputError(
        f"{label}: the merged record '{record.get('id')}' has a value for '{key}', which this "
        "CSV file has no column for; add the column, or move the record to a YAML file, "
        "then merge again"
    )


# -- reading --------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_document(path: Path, label: str, kind_of: Callable[[Path], str | None]) -> Document:
    """Read one record file (YAML, CSV or JSON Lines); ``kind_of`` names the kind a CSV or
    JSON Lines file holds. The folder loaded, so the file parses."""
    text = path.read_text("utf-8-sig" if path.suffix.lower() != ".yaml" else "utf-8")
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    if suffix in (".yaml", ".yml"):
        doc = Document(path, label, "yaml", text)
        lined = read_yaml(path, label, problems)
        doc.plain = parse_plain(text)
        if not isinstance(lined, LineDict) or not isinstance(doc.plain, dict):
            return doc
        all_lines = text.splitlines()
        total = len(all_lines)
        key_lines = sorted(lined.key_lines.values())
        for key, items in lined.items():
            kind = KIND_KEYS.get(key)
            if kind is None or not isinstance(items, LineList):
                continue
            line = lined.key_lines.get(key, 0)
            stop = next((k - 1 for k in key_lines if k > line), total)
            starts = list(items.item_lines)
            for index, raw in enumerate(items):
                start = starts[index]
                if start > 1 and all_lines[start - 2].strip() == "-":
                    start -= 1
                end = (starts[index + 1] - 1) if index + 1 < len(starts) else stop
                end = _trim(all_lines, start, end)
                if isinstance(raw, LineDict):
                    doc.slots.append(
                        Slot(kind, doc.plain[key][index], start, end, raw, (key, index))
                    )
        return doc
    if suffix == ".csv":
        kind = kind_of(path)
        doc = Document(path, label, "csv", text)
        if kind is None:
            return doc
        reader = csv.reader(io.StringIO(text, newline=""))
        doc.header = [h.strip() for h in next(reader, [])]
        ends: dict[int, int] = {}
        previous = reader.line_num
        for _cells in reader:
            ends[previous + 1] = reader.line_num
            previous = reader.line_num
        for row in read_csv(path, label, kind, problems):
            doc.slots.append(Slot(kind, _plain(row), row.line, ends.get(row.line, row.line)))
        return doc
    kind = kind_of(path)
    doc = Document(path, label, "jsonl", text)
    if kind is None:
        return doc
    for number, written in enumerate(text.splitlines(), start=1):
        if written.strip():
            doc.slots.append(Slot(kind, json.loads(written), number, number))
    return doc


def _trim(lines: list[str], start: int, end: int) -> int:
    """The last line of a record: blank lines and comments at the record's edge belong to
    what follows."""
    while end > start and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end
