"""A small, deterministic SVG writer: escaped text, fixed number format, measured text.

Charts are laid out here, without a rendering engine, so text is measured with the advance
widths of the chart font (``metrics.json``, from Noto Sans CJK KR; Hangul and Hanja are one
em wide). The same chart always gives the same bytes: numbers are rounded to two decimals,
attributes are written in the order the code gives, ids are derived from a prefix the caller
chooses, and nothing depends on time, randomness or dictionary order.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache

from ..resources import resource_path

__all__ = [
    "FONT_FAMILY",
    "FONT_PACKAGE",
    "STATUS_STYLE",
    "Svg",
    "num",
    "esc",
    "text_width",
    "wrap",
]

FONT_FAMILY = (
    "'Noto Sans CJK KR', 'Noto Sans KR', 'Source Han Sans K', NanumGothic, "
    "'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif"
)
"""Font stack of every chart: Noto Sans CJK KR (Debian: fonts-noto-cjk) first, then the
Korean fonts of other systems, so Hangul and Hanja render wherever the SVG is opened."""

FONT_PACKAGE = "fonts-noto-cjk"

INK = "#1b1f24"
MUTED = "#57606a"
RULE = "#d0d7de"
PAPER = "#ffffff"

STATUS_STYLE: dict[str, dict[str, str | None]] = {
    # Status is drawn three ways at once (fill, border pattern, a round marker), so it reads
    # in colour, in grey print and for colour-blind readers alike.
    "confirmed": {
        "fill": "#dbe9f6",
        "stroke": "#1d4f7c",
        "dash": None,
        "marker": "full",
        "label": "confirmed: officially announced",
    },
    "reported": {
        "fill": "#fcefd4",
        "stroke": "#8f5b00",
        "dash": "7 4",
        "marker": "half",
        "label": "reported: stated by a source or inferred",
    },
    "projected": {
        "fill": "hatch-projected",
        "stroke": "#6b2c84",
        "dash": "2 3",
        "marker": "empty",
        "label": "projected: an analyst's projection",
    },
}
UNCERTAIN_COLOUR = "#b35900"


def num(value: float) -> str:
    """A number with at most two decimals and no trailing zeros ("-0" becomes "0")."""
    text = f"{value:.2f}"
    if text.endswith("00"):
        text = text[:-3]
    elif text.endswith("0"):
        text = text[:-1]
    return "0" if text == "-0" else text


def esc(text: str) -> str:
    """Text or attribute value escaped for XML (quotes included)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@cache
def _attr_name(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


def _attrs(attrs: dict[str, object]) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        if isinstance(value, float):
            text = num(value)
        elif type(value) is int:  # not bool: True is written as "True"
            text = str(value)
        else:
            text = esc(str(value))
        parts.append(f' {_attr_name(key)}="{text}"')
    return "".join(parts)


@cache
def _metrics() -> dict[str, dict[int, int]]:
    data = json.loads(resource_path("kwpld/charts/metrics.json").read_text("utf-8"))
    tables: dict[str, dict[int, int]] = {}
    for weight in ("regular", "bold"):
        table: dict[int, int] = {}
        for span, widths in data[weight].items():
            lo = int(span.split("-")[0], 16)
            for i, width in enumerate(widths):
                if width:
                    table[lo + i] = width
        tables[weight] = table
    return tables


def _char_width(ch: str, table: dict[int, int]) -> int:
    width = table.get(ord(ch))
    if width is not None:
        return width
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1000
    return 600


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool) -> int:
    table = _metrics()["bold" if bold else "regular"]
    return sum(_char_width(ch, table) for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` set at ``size`` px in the chart font."""
    return _units(text, bold) * size / 1000


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy line breaking at spaces; a word longer than the line is cut by characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(current, size, bold) > width and len(current) > 1:
            cut = len(current)
            while cut > 1 and text_width(current[:cut], size, bold) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines or [""]


def fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` (charts never overflow boxes)."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class Svg:
    """An SVG document built element by element, in order."""

    def __init__(self, id_prefix: str = "kc-") -> None:
        self.prefix = id_prefix
        self.notes: set[str] = set()
        """What the drawing used that the footer must explain ("derived": a derived name)."""
        self.parts: list[str] = []
        self.defs: list[str] = []
        self._def_names: set[str] = set()

    def id(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def ref(self, name: str) -> str:
        return f"url(#{self.id(name)})"

    def add(self, tag: str, content: str | None = None, **attrs: object) -> None:
        if content is None:
            self.parts.append(f"<{tag}{_attrs(attrs)}/>")
        else:
            self.parts.append(f"<{tag}{_attrs(attrs)}>{esc(content)}</{tag}>")

    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def mark(self) -> int:
        """A position in the document, for :meth:`insert_at`."""
        return len(self.parts)

    @contextmanager
    def insert_at(self, mark: int) -> Iterator[None]:
        """Put what is drawn inside the block at ``mark`` (from :meth:`mark`), under what was
        drawn after it: SVG paints in document order, so a backdrop whose size is known only
        once the rows are drawn still goes beneath them."""
        after, self.parts = self.parts, []
        try:
            yield
        finally:
            after[mark:mark] = self.parts
            self.parts = after

    @contextmanager
    def group(self, tag: str = "g", **attrs: object) -> Iterator[None]:
        self.parts.append(f"<{tag}{_attrs(attrs)}>")
        yield
        self.parts.append(f"</{tag}>")

    def text(
        self,
        x: float,
        y: float,
        content: str,
        size: float = 13,
        *,
        bold: bool = False,
        fill: str = INK,
        anchor: str | None = None,
        lang: str | None = None,
        **attrs: object,
    ) -> None:
        self.add(
            "text",
            content,
            x=x,
            y=y,
            font_size=size,
            font_weight="bold" if bold else None,
            fill=fill,
            text_anchor=anchor,
            xml_lang=lang,
            **attrs,
        )

    def define(self, name: str, markup: str) -> None:
        """Add a definition (pattern, marker) once; ``{id}`` in markup is its full id."""
        if name not in self._def_names:
            self._def_names.add(name)
            self.defs.append(markup.replace("{id}", self.id(name)))

    def hatch(self, name: str, colour: str, background: str = PAPER, spacing: int = 6) -> str:
        """A diagonal hatch pattern; returns the fill value that uses it."""
        self.define(
            name,
            f'<pattern id="{{id}}" patternUnits="userSpaceOnUse" width="{spacing}" '
            f'height="{spacing}" patternTransform="rotate(45)">'
            f'<rect width="{spacing}" height="{spacing}" fill="{background}"/>'
            f'<line x1="0" y1="0" x2="0" y2="{spacing}" stroke="{colour}" '
            f'stroke-width="1.6"/></pattern>',
        )
        return self.ref(name)

    def render(self, width: float, height: float, title: str, desc: str | None = None) -> str:
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            f' width="{num(width)}" height="{num(height)}"'
            f' viewBox="0 0 {num(width)} {num(height)}" role="img"'
            f' font-family="{esc(FONT_FAMILY)}">\n'
            f"<title>{esc(title)}</title>\n"
        )
        if desc:
            head += f"<desc>{esc(desc)}</desc>\n"
        defs = "<defs>" + "".join(self.defs) + "</defs>\n" if self.defs else ""
        background = f'<rect width="{num(width)}" height="{num(height)}" fill="{PAPER}"/>\n'
        return head + defs + background + "\n".join(self.parts) + "\n</svg>\n"


def status_fill(svg: Svg, status: str) -> str:
    style = STATUS_STYLE[status]
    fill = style["fill"] or PAPER
    if fill.startswith("hatch-"):
        return svg.hatch(fill, "#e7d6ef")
    return fill


def status_marker(svg: Svg, cx: float, cy: float, status: str, r: float = 5) -> None:
    """The status marker: a full, half or empty disc in the status colour."""
    style = STATUS_STYLE[status]
    colour = style["stroke"]
    kind = style["marker"]
    with svg.group("g", class_="status-marker", data_status=status):
        svg.add(
            "circle",
            cx=cx,
            cy=cy,
            r=r,
            fill=colour if kind == "full" else PAPER,
            stroke=colour,
            stroke_width=1.5,
        )
        if kind == "half":
            svg.add(
                "path",
                d=f"M{num(cx)} {num(cy - r)} A{num(r)} {num(r)} 0 0 0 {num(cx)} {num(cy + r)} Z",
                fill=colour,
            )


def uncertain_marker(svg: Svg, cx: float, cy: float, r: float = 6.5) -> None:
    """The "date uncertain" badge: a question mark in a ring."""
    with svg.group("g", class_="uncertain-marker"):
        svg.add("circle", cx=cx, cy=cy, r=r, fill=PAPER, stroke=UNCERTAIN_COLOUR, stroke_width=1.5)
        svg.text(cx, cy + r * 0.62, "?", r * 1.6, bold=True, fill=UNCERTAIN_COLOUR, anchor="middle")
