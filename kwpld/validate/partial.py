"""Validation in proportion to a change: which focus nodes a changed triple can reach.

A rebuild after a small edit knows the triples it changed (the build's
:class:`~kwpld.incremental.Changes`) and the results of the last validation, per top-level
shape. A shape's results are the union of its results on each focus node, and the result on
a focus node ``f`` reads only the triples the shape's paths, nested shapes and class tests
walk to from ``f``. So a focus node whose walk reaches no changed triple has the results it
had, and only the others are validated again.

The walk is bounded per shape (:func:`shape_depth`): a property shape's path of ``L`` steps
reads triples of nodes up to ``L`` steps away, a class test or a closed shape reads the value
nodes' own triples, a nested shape (``sh:node``, ``sh:and`` ... ``sh:qualifiedValueShape``,
``sh:property``) adds its own depth at the value nodes. A changed triple is read from its
subject (or, through an inverse path, from its object: an *anchor*), so the focus nodes that
can read it are those from which an anchor is reachable in at most ``depth`` steps along the
predicates the shapes' paths follow, found by walking the new graph backwards from the anchors
(:func:`reached`). A path that existed only in the old graph goes through a removed triple,
whose own anchor is reached by the part that is still there, so the new graph suffices.

What cannot be bounded this way is validated whole, as a cold build does (:func:`whole_shapes`):

- shapes with a SPARQL-based constraint (anywhere among the shapes they use): a query can
  read anything (``event-ordinal-unique`` compares every event of a series,
  ``organ-parent-cycle`` follows ``subOrganizationOf+``), so its rows are computed again;
- recursive shapes and ``*``/``+`` paths (no bound on the walk), inverse complex paths;
- shapes targeting the subjects or objects of a predicate, or literal nodes;
- property shapes with ``sh:property`` of their own: their results are about the value nodes,
  not the focus nodes, so they cannot be told apart by focus node;
- every shape, when a changed triple is an ``rdfs:subClassOf`` one (class tests and class
  targets follow the hierarchy).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .components import And, Node, Not, Or, QualifiedMaxCount, QualifiedMinCount, Sparql, Xone
from .data import SUBCLASS, DataIndex
from .paths import Path
from .results import Result
from .shapes import Shape, ShapesGraph

__all__ = [
    "Previous",
    "SparqlSolutions",
    "Walk",
    "reached",
    "shape_depth",
    "walk_of",
    "whole_shapes",
]


SparqlSolutions = Mapping[tuple[str, str], dict[str, list[dict[str, str]]]]
"""SPARQL solutions by ``(constraint node, query text)``, then by focus node ($this)."""


@dataclass
class Previous:
    """The last validation of the graph this one differs from by ``changed`` (s, p, o
    triples: a superset of the difference), with its results per top-level shape."""

    results: Mapping[str, Sequence[Result]]
    changed: Iterable[tuple[str, ...]]
    sparql: SparqlSolutions | None = None
    """The solutions of its SPARQL queries by focus node
    (:meth:`~.engine.FastEngine.keep_sparql_rows`); None: they run whole."""


@dataclass
class Walk:
    """How far the shapes read from a focus node: the predicates their paths follow forward
    and backward (inverse paths), and per shape the number of steps (None: unbounded)."""

    forward: set[str] = field(default_factory=set)
    inverse: set[str] = field(default_factory=set)
    depth: dict[str, int | None] = field(default_factory=dict)


def walk_of(shapes: ShapesGraph, top: Iterable[Shape]) -> Walk:
    """The walk of every top-level shape of ``top``."""
    walk = Walk()
    for shape in top:
        walk.depth[shape.node] = shape_depth(shapes, shape.node, walk, frozenset())
    return walk


def _path_steps(path: Path, walk: Walk) -> int | None:
    """The number of steps of a path (the longest alternative); adds its predicates to the
    walk. None: unbounded (``*``, ``+``) or not handled (an inverse of a complex path)."""
    if isinstance(path, str):
        walk.forward.add(path)
        return 1
    op, operand = path
    if op == "^":
        if not isinstance(operand, str):
            return None
        walk.inverse.add(operand)
        return 1
    if op == "?":
        return _path_steps(operand, walk)
    if op in ("/", "|"):
        steps = [_path_steps(p, walk) for p in operand]
        if any(s is None for s in steps):
            return None
        counted = [s for s in steps if s is not None]
        return sum(counted) if op == "/" else max(counted, default=0)
    return None


def _nested(shape: Shape) -> list[str] | None:
    """The shapes a shape's components evaluate at its value nodes; None with a SPARQL one."""
    nested: list[str] = []
    for component in shape.components:
        if isinstance(component, Sparql):
            return None
        if isinstance(component, Node | Not | QualifiedMinCount | QualifiedMaxCount):
            nested.append(component.shape)
        elif isinstance(component, And | Or | Xone):
            nested.extend(component.shapes)
    return nested + list(shape.properties)


def shape_depth(shapes: ShapesGraph, node: str, walk: Walk, stack: frozenset[str]) -> int | None:
    """How many steps from a focus node the evaluation of shape ``node`` reads triples at
    (0: the focus node's own triples); None when it cannot be bounded."""
    shape = shapes.shapes.get(node)
    if shape is None or node in stack:
        return None
    if shape.deactivated:
        return 0
    steps = 0 if shape.path is None else _path_steps(shape.path, walk)
    nested = _nested(shape)
    if steps is None or nested is None:
        return None
    depth = steps  # the value nodes' own triples (a class test, a closed shape)
    for inner in nested:
        found = shape_depth(shapes, inner, walk, stack | {node})
        if found is None:
            return None
        depth = max(depth, steps + found)
    return depth


def _owned(shapes: ShapesGraph, node: str) -> bool:
    """Every result of the shape is about the focus node it was evaluated on (not true of a
    property shape's own sh:property, whose results are about its value nodes)."""
    shape = shapes.shapes[node]
    if shape.path is not None and shape.properties:
        return False
    return all(_owned(shapes, p) for p in shape.properties)


def whole_shapes(shapes: ShapesGraph, top: Iterable[Shape], walk: Walk) -> set[str]:
    """The top-level shapes that are validated whole (see the module's docstring)."""
    whole: set[str] = set()
    for shape in top:
        targets = shape.targets
        if (
            walk.depth.get(shape.node) is None
            or targets.subjects_of
            or targets.objects_of
            or any(not n.startswith(("<", "_:")) for n in targets.nodes)
            or not _owned(shapes, shape.node)
        ):
            whole.add(shape.node)
    return whole


def reached(
    data: DataIndex, changed: Iterable[tuple[str, ...]], walk: Walk
) -> list[set[str]] | None:
    """The nodes from which a changed triple's anchor is reached in exactly ``k`` steps (at
    index ``k``, up to the deepest shape), walking the new graph backwards; None when the
    class hierarchy changed (then everything is validated again)."""
    anchors: set[str] = set()
    for triple in changed:
        s, p, o = triple[0], triple[1], triple[2]
        if p == SUBCLASS:
            return None
        anchors.add(s)
        if p in walk.inverse and o[0] != '"':
            anchors.add(o)
    deepest = max((d for d in walk.depth.values() if d is not None), default=0)
    levels = [anchors]
    seen = set(anchors)
    frontier = anchors
    for _ in range(deepest):
        found = _pointing_at(data, walk.forward, frontier)
        for p in walk.inverse:
            subjects = data.by_predicate.get(p, {})
            for v in frontier:
                objects = subjects.get(v)
                if objects is not None:
                    found.update((objects,) if isinstance(objects, str) else objects)
        frontier = found - seen
        seen |= frontier
        levels.append(frontier)
    return levels


def _pointing_at(data: DataIndex, predicates: Iterable[str], nodes: set[str]) -> set[str]:
    """The subjects of triples of ``predicates`` whose object is one of ``nodes``: one pass
    over those predicates' triples (an inverse index of each would cost as much to build)."""
    found: set[str] = set()
    for p in predicates:
        for s, value in data.by_predicate.get(p, {}).items():
            if value in nodes if isinstance(value, str) else not nodes.isdisjoint(value):
                found.add(s)
    return found
