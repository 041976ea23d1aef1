"""Draw one chart from a graph on disk and write it: what ``kwpld chart`` does, as one call.

The chart functions take an opened graph (:func:`~kwpld.charts.graph.open_graph`), so that
the site draws hundreds of charts from one; a single chart from the command line opens the
graph, draws, and writes SVG and/or PNG. The output name is checked before the graph is
opened, since building a data folder in memory is the slow part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .common import Chart
from .graph import ChartGraph, open_graph
from .output import WrittenChart, write_chart

__all__ = ["DrawnChart", "draw_chart"]


@dataclass(frozen=True)
class DrawnChart:
    """The chart, and the files written (each with its format and real size)."""

    chart: Chart
    written: list[WrittenChart] = field(default_factory=list)


def draw_chart(
    source: str | Path,
    draw: Callable[[ChartGraph], Chart],
    out: str | Path | None = None,
    *,
    png: bool = False,
    scale: float = 2.0,
    base_iri: str | None = None,
) -> DrawnChart:
    """Open ``source`` (a release folder, a data folder or a store), draw with ``draw`` and
    write ``out``: an ``.svg`` (plus a ``.png`` beside it with ``png``) or a ``.png``.

    Without ``out`` nothing is written; the SVG is in the returned chart. A PNG is ``scale``
    times the SVG's size, rendered by rsvg-convert; its size is reported as read back from
    the file (:func:`~kwpld.charts.output.write_chart`).
    """
    target = Path(out) if out is not None else None
    if target is None and png:
        raise InputError("--png needs --out FILE.svg (the PNG is written beside it)")
    if target is not None and target.suffix.lower() not in (".svg", ".png"):
        raise InputError(f"{target}: the output file must end in .svg or .png")
    chart = draw(open_graph(source, base_iri=base_iri))
    if target is None:
        return DrawnChart(chart)
    return DrawnChart(chart, write_chart(chart, target, png=png, scale=scale))
