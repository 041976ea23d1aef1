"""The release's quads, sorted once, in the two orders every writer reads.

A release needs the dataset in two orders: by graph (N-Quads, TriG, the dataset JSON-LD, the
per-graph files, SPARQL Update) and as the union of all graphs by subject (N-Triples, Turtle,
framed JSON-LD, VoID statistics). Both are lists of the build's own ``(s, p, o, g)`` tuples, so
nothing is copied: sorting a million quads costs two lists of pointers.

Sorting is the expensive part, and most of its cost is comparing tuples element by element.
So the quads are sorted by subject alone (string keys, compared at C speed), each subject's
few quads then sorted on their own, and a stable sort by graph gives the graph order. That is
about twice as fast as one sort of the tuples.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count, groupby, islice
from operator import eq, itemgetter

from ..rdf import Quad

__all__ = ["ReleaseQuads", "sort_quads"]

_SUBJECT = itemgetter(0)
_GRAPH = itemgetter(3)
_TRIPLE = itemgetter(0, 1, 2)
_STOP = itemgetter(2)


@dataclass
class ReleaseQuads:
    """The sorted quads of a release (each an ``(s, p, o, g)`` tuple of N-Triples terms)."""

    by_graph: list[Quad]
    """Every quad, sorted by graph, subject, predicate, object."""
    graphs: list[tuple[str, int, int]]
    """``(graph term, start, stop)``: each graph's run in ``by_graph``, in graph order."""
    union: list[Quad]
    """One quad per distinct triple (the one in the first graph), sorted by s, p, o."""
    subjects: list[tuple[str, int, int]]
    """``(subject term, start, stop)``: each subject's run in ``union``, in order."""

    @property
    def quad_count(self) -> int:
        return len(self.by_graph)

    @property
    def triple_count(self) -> int:
        return len(self.union)

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph, keyed by graph term (``<iri>``)."""
        return {g: stop - start for g, start, stop in self.graphs}


def sort_quads(quads: Iterable[Quad]) -> ReleaseQuads:
    """Sort distinct quads (a set, or any iterable without repeats) into a :class:`ReleaseQuads`.

    Output order is exactly that of sorting the ``(g, s, p, o)`` and ``(s, p, o)`` tuples.
    """
    by_subject = sorted(quads, key=_SUBJECT)
    ordered: list[Quad] = []
    extend = ordered.extend
    subjects: list[tuple[str, int, int]] = []
    add_subject = subjects.append
    start = 0
    for subject, group in groupby(by_subject, key=_SUBJECT):
        bucket = list(group)
        if len(bucket) > 1:
            bucket.sort()
        extend(bucket)
        stop = start + len(bucket)
        add_subject((subject, start, stop))
        start = stop
    del by_subject
    # A triple stated in two graphs is two adjacent quads here; keep the first (smallest graph).
    union = ordered
    same = map(eq, map(_TRIPLE, ordered), map(_TRIPLE, islice(ordered, 1, None)))
    repeats = list(compress(count(1), same))
    if repeats:
        union, subjects = _distinct(ordered, subjects, repeats)
    # Stable: within a graph the quads stay in (s, p, o) order.
    by_graph = sorted(ordered, key=_GRAPH)
    return ReleaseQuads(by_graph, _runs(by_graph), union, subjects)


def _distinct(
    ordered: list[Quad], subjects: list[tuple[str, int, int]], repeats: list[int]
) -> tuple[list[Quad], list[tuple[str, int, int]]]:
    """``ordered`` without the quads at ``repeats`` (each the same triple as the quad before
    it), and the subjects' runs moved to match.

    Repeats are few (a triple stated in two graphs), so the union is a few slices of
    ``ordered`` and only the runs from the first repeat on are moved: no Python step per quad.
    """
    union: list[Quad] = []
    start = 0
    for i in repeats:
        union.extend(ordered[start:i])
        start = i + 1
    union.extend(ordered[start:])
    first = bisect_right(subjects, repeats[0], key=_STOP)  # runs before it are unchanged
    moved = subjects[:first]
    for s, a, b in subjects[first:]:
        moved.append((s, a - bisect_left(repeats, a), b - bisect_left(repeats, b)))
    return union, moved


def _runs(by_graph: Sequence[Quad]) -> list[tuple[str, int, int]]:
    runs = []
    start = 0
    total = len(by_graph)
    while start < total:
        graph = by_graph[start][3]
        stop = bisect_right(by_graph, graph, start, total, key=_GRAPH)
        runs.append((graph, start, stop))
        start = stop
    return runs
