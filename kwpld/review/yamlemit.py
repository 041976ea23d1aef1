"""The text libyaml writes for kwpld's review and article files, written without PyYAML's nodes.

Why: ingest writes two YAML files per article, and building PyYAML's node tree and answering
libyaml's callbacks took a sixth of a 1,000-article ingest. The files have one shape (block
mappings and sequences, names and offsets on one line), so this writes that shape directly, with
libyaml's rules for it: plain or single-quoted scalars, folded at the first space past column
100, continuation lines indented two past their mapping. Anything else (a scalar needing double
quotes or a literal block, a name wider than a line, a key that is not a plain word, an object
met twice, a type other than str, int, bool, None, dict and list) is written by libyaml itself:
a scalar or flow collection in a copy of its context (the same column and indentation), the
whole document when the shape itself is unusual. Output is byte for byte what
:func:`kwpld.review.yamlio.dump_yaml` wrote through PyYAML, checked by tests on random
documents and by the ingest benchmark's digest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

_WIDTH = 100
_SAFE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+")
"""Characters libyaml and PyYAML both print as they are (no escapes, no line breaks)."""
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*")
_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW = re.compile(r"[,?\[\]{}:#]")
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_TAGS: dict[str, str] = {}


class FlowDict(dict[str, Any]):
    """A mapping written on one line: ``{text: ..., system: ...}``."""


class FlowList(list[int]):
    """A list of numbers written on one line: ``[179, 193]``."""


class Unusual(Exception):
    """The document has a shape this writer leaves to PyYAML."""


def _is_str(value: str) -> bool:
    """Whether ``value`` written plain reads back as a string (not a number, date, bool...)."""
    tag = _TAGS.get(value)
    if tag is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        if len(_TAGS) < 100_000:
            _TAGS[value] = tag
    return tag == _STR


_KEYS: set[str] = set()
"""Keys known to be written plain, as simple keys."""


def _simple_key(key: Any) -> bool:
    if type(key) is not str or len(key) > 100 or not _KEY.fullmatch(key) or not _is_str(key):
        return False
    if len(_KEYS) < 10_000:
        _KEYS.add(key)
    return True


def _plain(value: str, flow: bool) -> bool:
    """libyaml's choice of the plain style for a printable one-line ``value``."""
    first = value[0]
    if first in _FIRST or first == " " or value[-1] == " " or value.startswith(("---", "...")):
        return False
    if first in "?:-" and (len(value) == 1 or value[1] == " "):
        return False
    if flow:
        if _FLOW.search(value):
            return False
    elif ": " in value or value[-1] == ":" or " #" in value:
        return False
    return _is_str(value)


def _fold(words: list[str], column: int, indent: int, quoted: bool) -> str:
    """``words`` joined by single spaces, a line broken at each space past column 100."""
    parts = [words[0]]
    column += len(words[0]) + (words[0].count("'") if quoted else 0)
    last = len(words) - 1
    for number, word in enumerate(words[1:], 1):
        edge = quoted and ((number == 1 and not words[0]) or (number == last and not word))
        if column > _WIDTH and not edge:
            parts.append("\n" + " " * indent)
            column = indent
        else:
            parts.append(" ")
            column += 1
        parts.append(word)
        column += len(word) + (word.count("'") if quoted else 0)
    text = "".join(parts)
    return text.replace("'", "''") if quoted else text


def scalar(value: Any, column: int, indent: int) -> str | None:
    """A block scalar written after a key or dash ending at ``column``: its text from the space
    before it, or None when libyaml must write it."""
    kind = type(value)
    if kind is str:
        text = _LINES.get(value)
        if text is None:
            text = _line(value)
            if len(_LINES) < 100_000:
                _LINES[value] = text
        if not text or column + len(text) <= _WIDTH:
            return text or None
        if text[1] != "'":
            return " " + _fold(value.split(" "), column + 1, indent, False)
        return " '" + _fold(value.split(" "), column + 2, indent, True) + "'"
    if value is None:
        return " null"
    if kind is bool:
        return " true" if value else " false"
    if kind is int:
        return " " + str(value)
    raise Unusual(kind.__name__)


_LINES: dict[str, str] = {}
"""A string's text on one line in block context (from the space before it), "" when libyaml
must write it: the same for every file, so decided once."""


def _line(value: str) -> str:
    if not value or _SAFE.fullmatch(value) is None or "  " in value:
        return ""
    if _plain(value, False):
        return " " + value
    return " '" + value.replace("'", "''") + "'"


def flow(value: Any, seen: set[int]) -> str | None:
    """A flow collection on one line, or None when a scalar in it needs libyaml's care."""
    kind = type(value)
    if kind is str:
        text: str = value
        if not text or _SAFE.fullmatch(text) is None:
            return None
        if _plain(text, True):
            return text
        return "'" + value.replace("'", "''") + "'" if "  " not in value else None
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if not isinstance(value, (dict, list)) or type(value) not in _FLOW_KINDS:
        raise Unusual(kind.__name__)
    if id(value) in seen:
        raise Unusual("an object met twice")
    seen.add(id(value))
    parts: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _KEYS and not _simple_key(key):
                return None
            written = flow(item, seen)
            if written is None:
                return None
            parts.append(key + ": " + written)
        return "{" + ", ".join(parts) + "}"
    for item in value:
        written = flow(item, seen)
        if written is None:
            return None
        parts.append(written)
    return "[" + ", ".join(parts) + "]"


_FLOW_KINDS = (dict, list, FlowDict, FlowList)


def in_context(dump: Callable[[Any], str], value: Any, indent: int, key: str | None) -> str:
    """libyaml's text for ``value`` as the value of ``key`` in a block mapping at ``indent``
    (or, with no key, an item of a sequence there): written in a copy of that context, a chain
    of one-key mappings, from which the value's text is cut."""
    data: Any = {key: value} if key is not None else {"a": [value]}
    prefix = " " * indent + (key + ":" if key is not None else "a:\n" + " " * indent + "-")
    for level in reversed(range(indent // 2)):
        data = {"a": data}
        prefix = "  " * level + "a:\n" + prefix
    text = dump(data)
    if not text.startswith(prefix):  # pragma: no cover - a context this copy does not make
        raise Unusual("context")
    if text.endswith("\n...\n"):
        # a kept-chomping block ("|2+") leaves the document open-ended: libyaml writes its
        # end marker after the document's last value, not after this one
        raise Unusual("open-ended scalar")
    return text[len(prefix) : -1]


class Writer:
    """One document: block mappings and sequences written line by line, the names of records
    (``names:`` lists of short mappings) and lists of numbers on one line, as
    :func:`kwpld.review.yamlio.dump_yaml` asks PyYAML to write them."""

    def __init__(self, dump: Callable[[Any], str]) -> None:
        self.dump = dump  # PyYAML with the same options: a value in a copy of its context
        self.out: list[str] = []
        self.seen: set[int] = set()  # objects written as they are (inside names): met twice?
        self.keep: list[Any] = []  # the one-line copies made here, alive while ids are compared

    def document(self, data: Any) -> str:
        if type(data) is not dict or not data:
            raise Unusual("not a mapping")
        self.mapping(data, 0, False, False)
        return "".join(self.out)

    def mapping(self, data: dict[Any, Any], indent: int, inline: bool, raw: bool) -> None:
        """A block mapping at ``indent`` (its first key after a dash when ``inline``); ``raw``:
        the values as they are, not given flow styles (inside a name written as it is)."""
        out = self.out
        pad = " " * indent
        for key, value in data.items():
            if key not in _KEYS and not _simple_key(key):
                raise Unusual("key")
            out.append(key + ":" if inline else pad + key + ":")
            inline = False
            self.value(value, indent, len(key) + 1 + indent, key, raw)

    def value(self, value: Any, indent: int, column: int, key: str | None, raw: bool) -> None:
        """The value of ``key`` (or, with no key, a sequence item) in a mapping at ``indent``,
        its text starting after ``column``."""
        out = self.out
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            text = scalar(value, column, indent + 2)
            out.append((text if text is not None else self.copy(value, indent, key)) + "\n")
            return
        if raw and kind is not dict and kind is not list:
            if kind is FlowDict or kind is FlowList:
                return self.flow_value(value, indent, column, key)
            raise Unusual(kind.__name__)
        if not isinstance(value, (dict, list)):
            raise Unusual(kind.__name__)
        if raw:
            self.once(value)
        if not value:
            out.append(" {}\n" if isinstance(value, dict) else " []\n")
        elif isinstance(value, dict):
            out.append("\n")
            self.mapping(value, indent + 2, False, raw)
        elif key == "names" and not raw:
            out.append("\n")
            self.sequence(value, indent, False, True)
        elif not raw and all(type(v) is int for v in value):
            self.flow_value(FlowList(value), indent, column, key)
        elif key is None:
            raise Unusual("a sequence in a sequence")
        else:
            out.append("\n")
            self.sequence(value, indent, raw, False)

    def sequence(self, items: list[Any], indent: int, raw: bool, names: bool) -> None:
        """A block sequence at ``indent`` (not indented under its key, as libyaml writes it);
        ``names``: a record's names, each short one on one line, the others as they are."""
        dash = " " * indent + "-"
        for item in items:
            self.out.append(dash)
            if names and isinstance(item, dict) and short_name(item):
                self.flow_value(FlowDict(item), indent, indent + 1, None)
            else:
                self.item(item, indent, raw or names)

    def item(self, item: Any, indent: int, raw: bool) -> None:
        if item and (type(item) is dict or (not raw and isinstance(item, dict))):
            if raw:
                self.once(item)
            self.out.append(" ")
            self.mapping(item, indent + 2, True, raw)
        else:
            self.value(item, indent, indent + 1, None, raw)

    def once(self, value: Any) -> None:
        """PyYAML writes an object met twice with an anchor and an alias: left to it."""
        if id(value) in self.seen:
            raise Unusual("an object met twice")
        self.seen.add(id(value))

    def flow_value(self, value: Any, indent: int, column: int, key: str | None) -> None:
        self.keep.append(value)
        text = flow(value, self.seen)
        if text is not None and column + 1 + len(text) <= _WIDTH:
            self.out.append(" " + text + "\n")
        else:
            self.out.append(self.copy(value, indent, key) + "\n")

    def copy(self, value: Any, indent: int, key: str | None) -> str:
        return in_context(self.dump, value, indent, key)


def short_name(name: dict[str, Any]) -> bool:
    """A name written on one line (as :func:`kwpld.review.yamlio.dump_yaml` decides)."""
    return all(not isinstance(v, (dict,)) for v in name.values()) and len(str(name)) < 160
