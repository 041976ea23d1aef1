"""Charts drawn from the graph: composition of an organ, organ structure, timelines.

- :func:`open_graph` opens a release folder, a data folder or a store;
- :func:`composition_chart`, :func:`structure_chart` and :func:`timeline_chart` return a
  :class:`Chart` whose ``svg`` is deterministic text;
- :func:`render_png` turns SVG into PNG with librsvg's ``rsvg-convert``;
- :func:`write_chart` writes a chart as SVG, PNG or both and says what it wrote.
"""

from __future__ import annotations

from .common import Chart
from .composition import composition_chart
from .graph import ChartGraph, open_graph
from .output import WrittenChart, write_chart
from .png import RenderError, render_png
from .structure import structure_chart
from .timeline import timeline_chart

__all__ = [
    "Chart",
    "ChartGraph",
    "RenderError",
    "composition_chart",
    "open_graph",
    "render_png",
    "structure_chart",
    "timeline_chart",
    "write_chart",
    "WrittenChart",
]
