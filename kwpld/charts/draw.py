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
from .png import render_png, write_atomic

__all__ = ["DrawnChart", "draw_chart"]


@dataclass(frozen=True)
class DrawnChart:
    """The chart, and the files written with a description of each (format, pixel size)."""

    chart: Chart
    written: list[tuple[Path, str]] = field(default_factory=list)


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
    times the SVG's size, rendered by rsvg-convert.
    """
    target = Path(out) if out is not None else None
    if target is None and png:
        raise InputError("--png needs --out FILE.svg (the PNG is written beside it)")
    suffix = target.suffix.lower() if target is not None else ".svg"
    if suffix not in (".svg", ".png"):
        raise InputError(f"{target}: the output file must end in .svg or .png")
    chart = draw(open_graph(source, base_iri=base_iri))
    if target is None:
        return DrawnChart(chart)
    size = f"{chart.width:g}x{chart.height:g}"
    pixels = f"PNG {round(chart.width * scale)}x{round(chart.height * scale)} (zoom {scale:g})"
    written: list[tuple[Path, str]] = []
    if suffix == ".svg":
        written.append((write_atomic(target, chart.svg.encode("utf-8")), f"SVG {size}"))
        if png:
            written.append((render_png(chart.svg, target.with_suffix(".png"), scale=scale), pixels))
    else:
        written.append((render_png(chart.svg, target, scale=scale), pixels))
    return DrawnChart(chart, written)
