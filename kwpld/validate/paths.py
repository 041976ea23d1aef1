"""SHACL property paths: read from a shapes graph, written as SPARQL and as Turtle.

A path is an IRI term (a predicate path) or a tuple ``(operator, operand)``: ``("^", p)``
inverse, ``("/", (p1, p2, ...))`` sequence, ``("|", (p1, p2, ...))`` alternative, and
``("*", p)``, ``("+", p)``, ``("?", p)`` for zero-or-more, one-or-more and zero-or-one.
Paths are hashable, so findings that carry them compare and sort.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

from ..namespaces import RDF, SH

__all__ = ["Path", "read_path", "path_to_sparql", "path_to_turtle", "path_sort_key", "PathError"]

Path: TypeAlias = str | tuple[str, Any]
"""A predicate's IRI term, or (operator, operand): the operand is a path for ^ * + ? and a
tuple of paths for / and |. (mypy cannot tie the operand's type to the operator's value.)"""
Objects = Callable[[str, str], list[str]]

_FIRST, _REST, _NIL = f"<{RDF}first>", f"<{RDF}rest>", f"<{RDF}nil>"
_OPERATORS = {
    f"<{SH}inversePath>": "^",
    f"<{SH}alternativePath>": "|",
    f"<{SH}zeroOrMorePath>": "*",
    f"<{SH}oneOrMorePath>": "+",
    f"<{SH}zeroOrOnePath>": "?",
}
_TURTLE = {
    "^": "sh:inversePath",
    "|": "sh:alternativePath",
    "*": "sh:zeroOrMorePath",
    "+": "sh:oneOrMorePath",
    "?": "sh:zeroOrOnePath",
}


class PathError(ValueError):
    """A value of sh:path that is not a well-formed SHACL path."""


def read_list(node: str, objects: Objects) -> list[str]:
    """Members of an RDF list."""
    items: list[str] = []
    seen: set[str] = set()
    while node != _NIL:
        if node in seen:
            raise PathError("an RDF list is circular")
        seen.add(node)
        first, rest = objects(node, _FIRST), objects(node, _REST)
        if len(first) != 1 or len(rest) != 1:
            raise PathError("an RDF list is malformed")
        items.append(first[0])
        node = rest[0]
    return items


def read_path(node: str, objects: Objects) -> Path:
    """The path whose root node is ``node`` in a graph read through ``objects(s, p)``."""
    if node.startswith("<"):
        return node
    if node.startswith('"'):
        raise PathError(f"a literal ({node}) is not a path")
    if objects(node, _FIRST):
        steps = tuple(read_path(item, objects) for item in read_list(node, objects))
        if len(steps) < 2:
            raise PathError("a sequence path needs at least two members")
        return ("/", steps)
    found = [(op, objects(node, pred)) for pred, op in _OPERATORS.items() if objects(node, pred)]
    if len(found) != 1 or len(found[0][1]) != 1:
        raise PathError(f"the blank node {node} is not a SHACL path")
    op, (value,) = found[0]
    if op == "|":
        options = tuple(read_path(item, objects) for item in read_list(value, objects))
        if len(options) < 2:
            raise PathError("an alternative path needs at least two members")
        return ("|", options)
    return (op, read_path(value, objects))


def path_to_sparql(path: Path) -> str:
    """SPARQL 1.1 property path syntax, with full IRIs."""
    if isinstance(path, str):
        return path
    op, operand = path
    if op == "/":
        return "/".join(_group(p) for p in operand)
    if op == "|":
        return "(" + "|".join(_group(p) for p in operand) + ")"
    if op == "^":
        return "^" + _group(operand)
    return f"{_group(operand)}{op}"


def _group(path: Path) -> str:
    text = path_to_sparql(path)
    return text if isinstance(path, str) or path[0] == "|" else f"({text})"


def path_to_turtle(path: Path, term: Callable[[str], str]) -> str:
    """The path as the Turtle of its SHACL node (blank nodes written inline)."""
    if isinstance(path, str):
        return term(path)
    op, operand = path
    if op == "/":
        return "( " + " ".join(path_to_turtle(p, term) for p in operand) + " )"
    if op == "|":
        return (
            "[ sh:alternativePath ( " + " ".join(path_to_turtle(p, term) for p in operand) + " ) ]"
        )
    return f"[ {_TURTLE[op]} {path_to_turtle(operand, term)} ]"


def path_sort_key(path: Path | None) -> str:
    return "" if path is None else path_to_sparql(path)
