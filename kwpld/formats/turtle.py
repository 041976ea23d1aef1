"""Pretty, deterministic Turtle and TriG from sorted N-Triples terms.

Subjects in sorted order, ``a`` first, then predicates and objects sorted; prefixes sorted and
declared at the top (QLever's parallel parser needs them there). The writer streams: memory
holds one subject's triples at a time. Each distinct term is compacted once; grouping by
subject and predicate runs in ``itertools.groupby``, so a sorted million triples take about a
second. Independent parsers (rapper, serdi, pyoxigraph) are the
judges of its output in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import TextIO

from ..namespaces import RDF_TYPE, XSD
from .blocks import BlockIndex, Section, nbytes

__all__ = [
    "BlockMaker",
    "TermCompactor",
    "write_turtle",
    "write_trig",
    "write_turtle_and_trig",
    "turtle_prefix_block",
]

_TYPE = f"<{RDF_TYPE}>"
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_PN_PREFIX = re.compile(r"^[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_XSD_INTEGER = f"<{XSD}integer>"
_XSD_BOOLEAN = f"<{XSD}boolean>"


class TermCompactor:
    """Writes N-Triples terms as Turtle terms, using prefixes where the local part allows."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        for prefix in prefixes:
            if not _PN_PREFIX.match(prefix):
                raise ValueError(f"{prefix!r} cannot be a Turtle prefix")
        self.prefixes = dict(sorted(prefixes.items()))
        self._by_namespace = {ns: prefix for prefix, ns in self.prefixes.items()}
        self._cache: dict[str, str] = {}

    def iri(self, term: str) -> str:
        cached = self._cache.get(term)
        if cached is not None:
            return cached
        value = term[1:-1]
        result = term
        cut = max(value.rfind("/"), value.rfind("#")) + 1
        namespace, local = value[:cut], value[cut:]
        prefix = self._by_namespace.get(namespace)
        if prefix is not None and (local == "" or _PN_LOCAL.match(local)):
            result = f"{prefix}:{local}"
        if len(self._cache) < 500_000:
            self._cache[term] = result
        return result

    def term(self, term: str) -> str:
        first = term[0]
        if first == "<":
            return self.iri(term)
        if first == '"' and term[-1] == ">":
            cut = term.rfind("^^<")
            if cut > 0:
                lexical, datatype = term[:cut], term[cut + 2 :]
                if datatype == _XSD_INTEGER and _INTEGER.match(lexical[1:-1]):
                    return lexical[1:-1]
                if datatype == _XSD_BOOLEAN and lexical[1:-1] in ("true", "false"):
                    return lexical[1:-1]
                return f"{lexical}^^{self.iri(datatype)}"
        return term


def turtle_prefix_block(compactor: TermCompactor) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in compactor.prefixes.items())


class _Terms(dict[str, str]):
    """Compact forms of terms, computed on first use (lookups stay in C on later uses)."""

    def __init__(self, compactor: TermCompactor) -> None:
        super().__init__()
        self._term = compactor.term

    def __missing__(self, term: str) -> str:
        value = self._term(term)
        if len(self) < 1_000_000:
            self[term] = value
        return value


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)
_GRAPH = itemgetter(3)


def _subject_blocks(
    triples: Iterable[Sequence[str]], compact: Callable[[str], str], indent: str
) -> Iterator[tuple[str, int, str]]:
    """``(subject, triple count, Turtle block)`` per subject: ``a`` first, then predicates.

    ``triples`` are sorted (subject, predicate, object) tuples (longer tuples are fine: only
    the first three items are read). Within a subject, predicates come out sorted (with ``a``
    first) and objects sorted and distinct, whatever order they arrive in: sorted distinct
    input, the usual case, is written in one pass.
    """
    shapes: dict[tuple[str, ...], _Shape] = {}
    for subject, group in groupby(triples, key=_FIRST):
        rows = list(group)
        yield subject, len(rows), _block(subject, rows, compact, indent, shapes)


@dataclass(frozen=True, slots=True)
class _Shape:
    """How the blocks of subjects with one sequence of predicates are written.

    Subjects of a kind mostly have the same predicates in the same order, so the block's
    text around the objects (the compacted predicates, separators, ``a`` first) is made once
    per sequence, as a ``%`` template.
    """

    template: str | None
    """The block with ``%s`` for the subject and each object; None when the predicates are
    not sorted (such blocks go the slow way)."""
    order: Callable[[Sequence[str]], tuple[str, ...]] | None
    """The objects in written order (``a`` first), or None when that is their order."""
    repeats: tuple[int, ...]
    """Positions (written order) whose predicate is the one before: objects must increase."""


_MAX_SHAPES = 100_000


def _shape(predicates: tuple[str, ...], compact: Callable[[str], str], indent: str) -> _Shape:
    written = list(predicates)
    order = None
    if _TYPE in written:
        i = written.index(_TYPE)
        if i:  # "a" comes first
            j = i + written.count(_TYPE)
            positions = [*range(i, j), *range(i), *range(j, len(written))]
            written = [predicates[k] for k in positions]
            order = itemgetter(*positions)
    separator = _CONTINUE if not indent else f" ;\n{indent}    "
    last = written[0]
    head = " a " if last == _TYPE else f" {compact(last)} "
    out = [indent.replace("%", "%%"), "%s", head.replace("%", "%%"), "%s"]
    repeats = []
    for k in range(1, len(written)):
        predicate = written[k]
        if predicate == last:
            repeats.append(k)
            out.append(" , %s")
            continue
        if predicate == _TYPE or (predicate < last and last != _TYPE):
            return _Shape(None, None, ())
        out.append(f"{separator}{compact(predicate)} ".replace("%", "%%") + "%s")
        last = predicate
    out.append(" .\n")
    return _Shape("".join(out), order, tuple(repeats))


def _block(
    subject: str,
    rows: list[Sequence[str]],
    compact: Callable[[str], str],
    indent: str,
    shapes: dict[tuple[str, ...], _Shape],
) -> str:
    """One subject's Turtle block from its triples.

    Sorted, distinct triples (the usual case) fill their predicates' template (:class:`_Shape`);
    anything else (unsorted, repeated) goes the slow way, through :func:`_sorted_parts`.
    """
    predicates = tuple(map(_SECOND, rows))
    shape = shapes.get(predicates)
    if shape is None:
        shape = _shape(predicates, compact, indent)
        if len(shapes) < _MAX_SHAPES:
            shapes[predicates] = shape
    if shape.template is None:
        return _slow_block(subject, rows, compact, indent)
    values: Sequence[str] = list(map(_THIRD, rows))
    if shape.order is not None:
        values = shape.order(values)
    for k in shape.repeats:
        if values[k] <= values[k - 1]:  # objects unsorted or repeated
            return _slow_block(subject, rows, compact, indent)
    return shape.template % (compact(subject), *map(compact, values))


def _slow_block(
    subject: str, rows: list[Sequence[str]], compact: Callable[[str], str], indent: str
) -> str:
    separator = _CONTINUE if not indent else f" ;\n{indent}    "
    return f"{indent}{compact(subject)} {separator.join(_sorted_parts(rows, compact))} .\n"


_CONTINUE = " ;\n    "


def _sorted_parts(rows: list[Sequence[str]], compact: Callable[[str], str]) -> list[str]:
    """Predicate-object lists of one subject whose triples came unsorted."""
    by_predicate: dict[str, set[str]] = {}
    for row in rows:
        by_predicate.setdefault(row[1], set()).add(row[2])
    parts = []
    for predicate in sorted(by_predicate, key=lambda p: (p != _TYPE, p)):
        text = " , ".join(map(compact, sorted(by_predicate[predicate])))
        parts.append(f"{'a' if predicate == _TYPE else compact(predicate)} {text}")
    return parts


def _write_blocks(out: TextIO, blocks: Iterable[str], separator: str, first: bool) -> None:
    batch = []
    for block in blocks:
        if not first:
            batch.append(separator)
        first = False
        batch.append(block)
        if len(batch) >= 2000:
            out.write("".join(batch))
            batch = []
    out.write("".join(batch))


def _head(compactor: TermCompactor, header: str | None) -> str:
    """What a Turtle or TriG file starts with: the header as comments, then the prefixes."""
    lines = "".join(f"# {line}\n" for line in header.splitlines()) if header else ""
    return lines + turtle_prefix_block(compactor)


def _start(out: TextIO, compactor: TermCompactor, header: str | None) -> None:
    out.write(_head(compactor, header))


def write_turtle(
    triples: Iterable[Sequence[str]],
    out: TextIO,
    prefixes: dict[str, str],
    header: str | None = None,
) -> None:
    """Write sorted (subject, predicate, object) N-Triples terms as pretty Turtle."""
    compactor = TermCompactor(prefixes)
    compact = _Terms(compactor).__getitem__
    _start(out, compactor, header)
    blocks = (block for _, _, block in _subject_blocks(triples, compact, ""))
    _write_blocks(out, blocks, "\n", False)


def write_trig(
    quads: Iterable[Sequence[str]],
    out: TextIO,
    prefixes: dict[str, str],
    header: str | None = None,
) -> None:
    """Write (s, p, o, g) quads sorted by graph then subject as TriG, one block per graph."""
    compactor = TermCompactor(prefixes)
    compact = _Terms(compactor).__getitem__
    _start(out, compactor, header)
    for graph, group in groupby(quads, key=_GRAPH):
        out.write(f"\n{compactor.iri(graph)} {{\n")
        blocks = (block for _, _, block in _subject_blocks(group, compact, "    "))
        _write_blocks(out, blocks, "\n", True)
        out.write("}\n")


def write_turtle_and_trig(
    triples: Sequence[Sequence[str]],
    quads: Iterable[Sequence[str]],
    turtle: TextIO,
    trig: TextIO,
    prefixes: dict[str, str],
    header: str | None = None,
    indexes: tuple[BlockIndex, BlockIndex] | None = None,
) -> None:
    """:func:`write_turtle` of ``triples`` and :func:`write_trig` of ``quads``, in one go.

    ``triples`` must be the distinct union of the ``quads``' triples. A subject whose
    triples are all in one graph (most subjects) has the same block in both files, only
    indented in TriG; it is made once. With ``indexes`` (empty, separators ``b""`` and
    ``b"\\n"``), where each subject's block lies in each file is recorded in them
    (:mod:`.blocks`): a Turtle block with the blank line before it, one section; a TriG
    block alone, one section per graph.
    """
    compactor = TermCompactor(prefixes)
    compact = _Terms(compactor).__getitem__
    shapes: dict[tuple[str, ...], _Shape] = {}
    head = _head(compactor, header)
    turtle.write(head)
    made: dict[str, tuple[int, str]] = {}
    batch: list[str] = []
    for subject, group in groupby(triples, key=_FIRST):
        rows = list(group)
        block = _block(subject, rows, compact, "", shapes)
        made[subject] = (len(rows), block)
        batch.append(block)
        if len(batch) >= 2000:
            turtle.write("\n" + "\n".join(batch))  # a blank line before each block
            batch = []
    if batch:
        turtle.write("\n" + "\n".join(batch))
    trig.write(head)
    if indexes is not None:
        _index_turtle(indexes[0], head, made)
        indexes[1].skip(head)
    trig_shapes: dict[tuple[str, ...], _Shape] = {}
    for graph, group in groupby(quads, key=_GRAPH):
        opening = f"\n{compactor.iri(graph)} {{\n"
        trig.write(opening)
        section = None
        if indexes is not None:
            indexes[1].skip(opening)
            section = indexes[1].open(graph)
        _write_trig_blocks(trig, group, made, compact, trig_shapes, section)
        trig.write("}\n")
        if indexes is not None and section is not None:
            indexes[1].close(section)
            indexes[1].skip("}\n")


def _index_turtle(index: BlockIndex, head: str, made: dict[str, tuple[int, str]]) -> None:
    """data.ttl's index: one section, each block with the blank line before it."""
    index.skip(head)
    section = index.open("")
    section.subjects = list(made)
    section.sizes = [1 + nbytes(block) for _, block in made.values()]
    index.close(section)


def _write_trig_blocks(
    out: TextIO,
    quads: Iterable[Sequence[str]],
    made: dict[str, tuple[int, str]],
    compact: Callable[[str], str],
    shapes: dict[tuple[str, ...], _Shape],
    section: Section | None = None,
) -> None:
    """One graph's subject blocks in TriG, a blank line between two: the Turtle block,
    indented, when the subject has the same triples (all in this graph), else its own."""
    nobody = (0, "")
    batch = []
    separator = ""
    for subject, group in groupby(quads, key=_FIRST):
        rows = list(group)
        count, block = made.get(subject, nobody)
        if count == len(rows):
            # The same triples: indent the Turtle block (no literal holds a raw newline).
            text = "    " + block.replace(_CONTINUE, _TRIG_CONTINUE)
        else:
            text = _block(subject, rows, compact, "    ", shapes)
        batch.append(separator + text)
        if section is not None:
            section.subjects.append(subject)
            section.sizes.append(nbytes(text))
        separator = "\n"
        if len(batch) >= 2000:
            out.write("".join(batch))
            batch = []
    out.write("".join(batch))


class BlockMaker:
    """Single subjects' Turtle and TriG blocks, as :func:`write_turtle_and_trig` writes them
    (for an incremental rebuild, which writes only the changed subjects' blocks)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.compactor = TermCompactor(prefixes)
        self._compact = _Terms(self.compactor).__getitem__
        self._shapes: dict[tuple[str, ...], _Shape] = {}
        self._trig_shapes: dict[tuple[str, ...], _Shape] = {}

    def head(self, header: str | None) -> str:
        return _head(self.compactor, header)

    def turtle(self, subject: str, rows: Sequence[Sequence[str]]) -> str:
        """data.ttl's block of ``subject`` (its triples ``rows``), with the blank line before."""
        return "\n" + _block(subject, list(rows), self._compact, "", self._shapes)

    def trig(
        self, subject: str, rows: Sequence[Sequence[str]], union: Sequence[Sequence[str]]
    ) -> str:
        """data.trig's block of ``subject`` in a graph where its triples are ``rows`` (and
        ``union`` in all graphs)."""
        if len(union) == len(rows):
            block = _block(subject, list(union), self._compact, "", self._shapes)
            return "    " + block.replace(_CONTINUE, _TRIG_CONTINUE)
        return _block(subject, list(rows), self._compact, "    ", self._trig_shapes)


_TRIG_CONTINUE = " ;\n        "
