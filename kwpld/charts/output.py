"""Write a chart to files: SVG, PNG, or SVG with a PNG beside it, and say what was written.

What a reader is told is what is on disk: a PNG's size is read back from the file's own
header, so "PNG 1960x840" is the image a viewer opens, not the chart's size in SVG units.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .common import Chart
from .png import render_png, write_atomic

__all__ = ["WrittenChart", "png_size", "write_chart"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class WrittenChart:
    """A chart file written: its path, format and size (pixels for PNG, SVG user units)."""

    path: Path
    format: str  # "SVG" or "PNG"
    width: float
    height: float
    zoom: float | None = None  # PNG: the zoom the SVG was rendered at

    def describe(self) -> str:
        """``SVG 980x420`` or ``PNG 1960x840 px at zoom 2``."""
        size = f"{self.width:g}x{self.height:g}"
        if self.zoom is None:
            return f"{self.format} {size}"
        return f"{self.format} {size} px at zoom {self.zoom:g}"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's IHDR chunk (the first, by the standard)."""
    if len(data) < 24 or not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def write_chart(
    chart: Chart, out: str | Path, *, png: bool = False, scale: float = 2.0
) -> list[WrittenChart]:
    """Write ``chart`` to ``out`` (``.svg`` or ``.png``, by its suffix); with ``png``, also a
    PNG beside the SVG. Each file is written atomically; returns what was written."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".svg", ".png"):
        raise InputError(f"{out}: the output file must end in .svg or .png")
    written = []
    if suffix == ".svg":
        path = write_atomic(out, chart.svg.encode("utf-8"))
        written.append(WrittenChart(path, "SVG", chart.width, chart.height))
        if png:
            written.append(_png(chart, out.with_suffix(".png"), scale))
    else:
        written.append(_png(chart, out, scale))
    return written


def _png(chart: Chart, path: Path, scale: float) -> WrittenChart:
    path = render_png(chart.svg, path, scale=scale)
    with path.open("rb") as handle:
        width, height = png_size(handle.read(24))
    return WrittenChart(path, "PNG", width, height, zoom=scale)
