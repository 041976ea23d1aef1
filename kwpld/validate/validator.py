"""Validate a knowledge graph against kwpld's SHACL shapes.

``validate_graph`` chooses the engine: the fast one evaluates every shape it supports and
hands the rest to pyshacl; ``engine="pyshacl"`` runs pyshacl alone (the reference). Either
way the result is a :class:`ValidationReport` whose findings point at records.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from ..errors import InputError, KwpldError
from ..graph import KnowledgeGraph
from ..model import Records
from .data import DataIndex
from .engine import FastEngine
from .partial import Previous, reached, walk_of, whole_shapes
from .report import FailOn, ValidationReport, build_report
from .results import Result
from .shapes import Shape, ShapesGraph, load_shapes

__all__ = ["Engine", "ValidationError", "validate_graph", "check_report"]


class Engine(StrEnum):
    """``fast``: kwpld's engine, with pyshacl for shapes it does not evaluate; ``pyshacl``:
    pyshacl alone, the reference."""

    FAST = "fast"
    PYSHACL = "pyshacl"


class ValidationError(KwpldError):
    """The graph does not pass validation; ``report`` holds every finding."""

    exit_code = 1

    def __init__(self, report: ValidationReport, fail_on: FailOn | str = FailOn.VIOLATION) -> None:
        self.report = report
        self.fail_on = FailOn(fail_on)
        counts = report.counts
        super().__init__(
            f"validation failed: {counts['violation']} violation(s), {counts['warning']} warning(s)"
        )

    def render(self) -> str:
        return (
            self.report.render_text(fail_on=self.fail_on)
            + "\nkwpld: validation failed; nothing was written."
        )


def check_report(report: ValidationReport, fail_on: FailOn | str = FailOn.VIOLATION) -> None:
    """Raise :class:`ValidationError` when the report has findings at or above ``fail_on``."""
    if report.failed(fail_on):
        raise ValidationError(report, fail_on)


def validate_graph(
    graph: KnowledgeGraph,
    records: Records | None = None,
    *,
    shapes: ShapesGraph | None = None,
    engine: Engine | str = Engine.FAST,
    jobs: int = 1,
    previous: Previous | None = None,
) -> ValidationReport:
    """Validate the union of the graph's named graphs; findings are located in ``records``.

    With ``previous`` (the results of the last validation, per top-level shape, and the
    triples changed since: :class:`~kwpld.validate.partial.Previous`), only the focus nodes a
    change can reach are validated again; the report is the one a whole run makes.
    ``report.by_shape`` holds this run's results per shape, for the next one.
    """
    try:
        engine = Engine(engine)
    except ValueError:
        raise InputError(f"unknown validation engine {engine!r}; use fast or pyshacl") from None
    if jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {jobs}")
    with _no_gc_pauses():
        return _validate(graph, records, shapes, engine, jobs, previous)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Suspend Python's cyclic garbage collector while validating.

    The index and the engine allocate millions of small containers and free none of them
    until the end; each full collection would walk all of them again, which on a
    million-triple graph costs more than the validation itself. Nothing here makes cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _validate(
    graph: KnowledgeGraph,
    records: Records | None,
    shapes: ShapesGraph | None,
    engine: Engine,
    jobs: int,
    previous: Previous | None = None,
) -> ValidationReport:
    timings: dict[str, float] = {}
    start = time.perf_counter()
    shapes = shapes if shapes is not None else load_shapes()
    timings["shapes"] = time.perf_counter() - start

    mark = time.perf_counter()
    # The graph's own quad set, unsorted: sorting a large graph costs more than indexing it.
    data = DataIndex.from_quads(graph.quad_set)
    timings["index"] = time.perf_counter() - mark

    fast = FastEngine(shapes, data)
    top = shapes.top_level
    focus: set[str] = set()
    for shape in top:
        focus |= fast.focus_nodes(shape)
    focus_count = len(focus)
    data.forget_instances()  # the focus nodes are found (and kept by the engine)

    mark = time.perf_counter()
    results: list[Result] = []
    by_shape: dict[str, list[Result]] | None = None
    revalidated: int | None = None
    if engine is Engine.PYSHACL:
        results = _pyshacl(data, shapes, top, focus, jobs, all_shapes=True)
        timings["pyshacl"] = time.perf_counter() - mark
    else:
        del focus  # every focus node of the graph: only its count is needed from here
        by_shape, revalidated = _fast(fast, shapes, data, jobs, previous)
        results = [r for found in by_shape.values() for r in found]
        timings["fast"] = time.perf_counter() - mark
        others = [s for s in top if not shapes.supported(s)]
        if others:
            mark = time.perf_counter()
            other_focus: set[str] = set()
            for shape in others:
                other_focus |= fast.focus_nodes(shape)
            results += _pyshacl(data, shapes, others, other_focus, jobs, all_shapes=False)
            timings["pyshacl"] = time.perf_counter() - mark

    mark = time.perf_counter()
    report = build_report(
        results,
        graph=graph,
        records=records,
        shapes=shapes,
        data=data,
        engine=engine.value,
        focus_nodes=focus_count,
        shape_count=len(top),
    )
    timings["report"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - start
    report.timings = timings
    report.by_shape = by_shape
    report.revalidated = revalidated
    if by_shape is not None:
        report.sparql_rows = fast.sparql_rows
    return report


def _fast(
    fast: FastEngine,
    shapes: ShapesGraph,
    data: DataIndex,
    jobs: int,
    previous: Previous | None,
) -> tuple[dict[str, list[Result]], int | None]:
    """The fast engine's results per top-level shape; with ``previous``, the focus nodes a
    change cannot reach keep their results (:mod:`.partial`)."""
    supported = [s for s in shapes.top_level if shapes.supported(s)]
    subsets: dict[str, set[str]] = {}
    levels = None
    if previous is not None:
        previous = Previous(previous.results, list(previous.changed), previous.sparql)
        if previous.sparql is not None:
            fast.keep_sparql_rows(previous.sparql, previous.changed)
        walk = walk_of(shapes, supported)
        whole = whole_shapes(shapes, supported, walk)
        levels = reached(data, previous.changed, walk)
        if levels is not None and all(s.node in previous.results for s in supported):
            for shape in supported:
                depth = walk.depth[shape.node]
                if shape.node not in whole and depth is not None:
                    near = set().union(*levels[: depth + 1])
                    subsets[shape.node] = near & fast.focus_nodes(shape)
        else:
            levels = None
    found = dict(fast.validate_by_shape(supported, jobs=jobs, subsets=subsets))
    if levels is None or previous is None:
        return found, None
    by_shape: dict[str, list[Result]] = {}
    for shape in supported:  # the order of a whole run
        again = subsets.get(shape.node)
        if again is None:
            by_shape[shape.node] = found[shape.node]
            continue
        focus = fast.focus_nodes(shape)
        kept = [
            r for r in previous.results[shape.node] if r.focus not in again and r.focus in focus
        ]
        by_shape[shape.node] = kept + found[shape.node]
    return by_shape, sum(len(nodes) for nodes in subsets.values())


def _pyshacl(
    data: DataIndex,
    shapes: ShapesGraph,
    selected: Iterable[Shape],
    focus: set[str],
    jobs: int,
    *,
    all_shapes: bool,
) -> list[Result]:
    from . import reference

    selected = list(selected)
    keep = {s.node for s in selected}
    strip = [] if all_shapes else [s.node for s in shapes.top_level if s.node not in keep]
    lines = "".join(f"{s} {p} {o} .\n" for p in data.by_predicate for s, o in data.triples(p))
    return reference.run_pyshacl(
        reference.data_graph(lines),
        reference.shapes_graph(shapes, without_targets=strip),
        focus_nodes=sorted(focus),
        jobs=jobs,
    )
