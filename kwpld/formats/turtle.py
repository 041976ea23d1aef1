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
from itertools import groupby
from operator import itemgetter
from typing import TextIO

from ..namespaces import RDF_TYPE, XSD

__all__ = [
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
    for subject, group in groupby(triples, key=_FIRST):
        rows = list(group)
        yield subject, len(rows), _block(subject, rows, compact, indent)


def _block(
    subject: str, rows: list[Sequence[str]], compact: Callable[[str], str], indent: str
) -> str:
    """One subject's Turtle block from its triples.

    Sorted, distinct triples (the usual case) are written in one pass over the rows; anything
    else (unsorted, repeated) goes the slow way, through :func:`_sorted_parts`.
    """
    separator = _CONTINUE if not indent else f" ;\n{indent}    "
    predicates = list(map(_SECOND, rows))
    values = list(map(_THIRD, rows))
    if _TYPE in predicates:
        i = predicates.index(_TYPE)
        if i:  # "a" comes first
            j = i + predicates.count(_TYPE)
            predicates = predicates[i:j] + predicates[:i] + predicates[j:]
            values = values[i:j] + values[:i] + values[j:]
    objects = list(map(compact, values))
    last = predicates[0]
    out = [indent, compact(subject), " a " if last == _TYPE else f" {compact(last)} ", objects[0]]
    append = out.append
    for k in range(1, len(predicates)):
        predicate = predicates[k]
        if predicate == last:
            if values[k] <= values[k - 1]:  # objects unsorted or repeated
                return _slow_block(subject, rows, compact, indent, separator)
            append(" , ")
        else:
            if predicate == _TYPE or (predicate < last and last != _TYPE):
                return _slow_block(subject, rows, compact, indent, separator)
            append(separator)
            append(compact(predicate))
            append(" ")
            last = predicate
        append(objects[k])
    append(" .\n")
    return "".join(out)


def _slow_block(
    subject: str,
    rows: list[Sequence[str]],
    compact: Callable[[str], str],
    indent: str,
    separator: str,
) -> str:
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


def _start(out: TextIO, compactor: TermCompactor, header: str | None) -> None:
    if header:
        out.write("".join(f"# {line}\n" for line in header.splitlines()))
    out.write(turtle_prefix_block(compactor))


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
) -> None:
    """:func:`write_turtle` of ``triples`` and :func:`write_trig` of ``quads``, in one go.

    ``triples`` must be the distinct union of the ``quads``' triples. A subject whose
    triples are all in one graph (most subjects) has the same block in both files, only
    indented in TriG; it is made once.
    """
    compactor = TermCompactor(prefixes)
    compact = _Terms(compactor).__getitem__
    _start(turtle, compactor, header)
    made: dict[str, tuple[int, str]] = {}

    def turtle_blocks() -> Iterator[str]:
        for subject, count, block in _subject_blocks(triples, compact, ""):
            made[subject] = (count, block)
            yield block

    _write_blocks(turtle, turtle_blocks(), "\n", False)
    _start(trig, compactor, header)
    for graph, group in groupby(quads, key=_GRAPH):
        trig.write(f"\n{compactor.iri(graph)} {{\n")
        _write_blocks(trig, _trig_blocks(group, made, compact), "\n", True)
        trig.write("}\n")


def _trig_blocks(
    quads: Iterable[Sequence[str]],
    made: dict[str, tuple[int, str]],
    compact: Callable[[str], str],
) -> Iterator[str]:
    nobody = (0, "")
    for subject, group in groupby(quads, key=_FIRST):
        rows = list(group)
        count, block = made.get(subject, nobody)
        if count == len(rows):
            # The same triples: indent the Turtle block (no literal holds a raw newline).
            yield "    " + block.replace(_CONTINUE, _TRIG_CONTINUE)
        else:
            yield _block(subject, rows, compact, "    ")


_TRIG_CONTINUE = " ;\n        "
