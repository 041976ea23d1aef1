"""Pretty, deterministic Turtle and TriG from sorted N-Triples terms.

Subjects in sorted order, ``a`` first, then predicates and objects sorted; prefixes sorted and
declared at the top (QLever's parallel parser needs them there). The writer streams: memory
holds one subject's triples at a time. Independent parsers (rapper, serdi, pyoxigraph) are the
judges of its output in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TextIO

from ..namespaces import RDF_TYPE, XSD

__all__ = ["TermCompactor", "write_turtle", "write_trig", "turtle_prefix_block"]

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


def _subject_blocks(
    triples: Iterable[tuple[str, str, str]], compactor: TermCompactor, indent: str
) -> Iterator[str]:
    term = compactor.term
    for subject, group in groupby(triples, key=lambda t: t[0]):
        by_predicate: dict[str, list[str]] = {}
        for _, predicate, obj in group:
            by_predicate.setdefault(predicate, []).append(obj)
        order = sorted(by_predicate, key=lambda p: (p != _TYPE, p))
        lines = []
        for predicate in order:
            objects = " , ".join(term(o) for o in sorted(set(by_predicate[predicate])))
            name = "a" if predicate == _TYPE else compactor.iri(predicate)
            lines.append(f"{name} {objects}")
        body = f" ;\n{indent}    ".join(lines)
        yield f"{indent}{term(subject)} {body} .\n"


def write_turtle(
    triples: Iterable[tuple[str, str, str]],
    out: TextIO,
    prefixes: dict[str, str],
    header: str | None = None,
) -> None:
    """Write sorted (subject, predicate, object) N-Triples terms as pretty Turtle."""
    compactor = TermCompactor(prefixes)
    if header:
        out.write("".join(f"# {line}\n" for line in header.splitlines()))
    out.write(turtle_prefix_block(compactor))
    for block in _subject_blocks(triples, compactor, ""):
        out.write("\n")
        out.write(block)


def write_trig(
    quads: Iterable[tuple[str, str, str, str]],
    out: TextIO,
    prefixes: dict[str, str],
    header: str | None = None,
) -> None:
    """Write (s, p, o, g) quads sorted by graph then subject as TriG, one block per graph."""
    compactor = TermCompactor(prefixes)
    if header:
        out.write("".join(f"# {line}\n" for line in header.splitlines()))
    out.write(turtle_prefix_block(compactor))
    for graph, group in groupby(quads, key=lambda q: q[3]):
        out.write(f"\n{compactor.iri(graph)} {{\n")
        triples = ((s, p, o) for s, p, o, _ in group)
        first = True
        for block in _subject_blocks(triples, compactor, "    "):
            if not first:
                out.write("\n")
            out.write(block)
            first = False
        out.write("}\n")
