"""What the three charts share: the Chart result, date wording, legend and source list."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import PartialDate
from .facts import DERIVED_MARK, Facts, Names, SourceInfo
from .svg import (
    INK,
    MUTED,
    RULE,
    STATUS_STYLE,
    Svg,
    fit,
    status_fill,
    status_marker,
    uncertain_marker,
    wrap,
)

__all__ = [
    "Chart",
    "Linker",
    "EVENT_COLOUR",
    "human_date",
    "draw_legend",
    "draw_sources",
    "draw_footer",
    "derived_class",
    "source_line",
    "link_open",
    "link_close",
]

EVENT_COLOUR = "#2f6f4f"

Linker = Callable[[str], str | None]
"""Maps an entity IRI to the URL a chart should link it to (None: no link)."""

_TYPE_WORDS = {
    "image": "graphic",
    "news": "news report",
    "report": "report",
    "essay": "essay",
    "editorial": "editorial",
    "address": "address",
    "analysis": "analysis",
    "statement": "statement",
}


@dataclass
class Chart:
    """A drawn chart: the SVG text plus what it shows, for messages and tests."""

    kind: str
    title: str
    svg: str
    width: float
    height: float
    summary: dict[str, object] = field(default_factory=dict)


def human_date(date: PartialDate) -> str:
    """ "28 January 2013", "January 2013" or "2013": a partial date without false precision."""
    if date.day is not None and date.month is not None:
        return f"{date.day} {calendar.month_name[date.month]} {date.year}"
    if date.month is not None:
        return f"{calendar.month_name[date.month]} {date.year}"
    return str(date.year)


def link_open(svg: Svg, link: Linker | None, iri: str) -> bool:
    """Open an <a> around what follows when the entity has a link; True if opened."""
    href = link(iri) if link else None
    if href:
        svg.raw(f'<a href="{_attr(href)}" xlink:href="{_attr(href)}" target="_top">')
        return True
    return False


def link_close(svg: Svg, opened: bool) -> None:
    if opened:
        svg.raw("</a>")


def _attr(value: str) -> str:
    from .svg import esc

    return esc(value)


def draw_legend(
    svg: Svg,
    x: float,
    y: float,
    width: float,
    counts: dict[str, int],
    *,
    uncertain: int = 0,
    extra: list[tuple[str, str, str]] | None = None,
) -> float:
    """The status legend (every status, with counts), plus "date uncertain" when it occurs.

    ``extra`` adds (key, swatch kind, text) entries drawn by :func:`_swatch`. Returns height.
    """
    entries: list[tuple[str, str]] = [
        (status, f"{STATUS_STYLE[status]['label']} ({counts.get(status, 0)})")
        for status in STATUS_STYLE
    ]
    if uncertain:
        entries.append(("uncertain", f"date uncertain: may not cover this date ({uncertain})"))
    for key, _, text in extra or []:
        entries.append((key, text))
    with svg.group("g", class_="legend"):
        svg.text(x, y + 14, "Legend", 13, bold=True)
        row_y = y + 24
        col_x = x
        columns = 3 if width >= 900 else 2
        col_width = (width - 10) / columns
        for i, (key, text) in enumerate(entries):
            cx = col_x + (i % columns) * col_width
            cy = row_y + (i // columns) * 24
            with svg.group("g", class_="legend-item", data_key=key):
                _swatch(svg, cx, cy, key, extra)
                svg.text(cx + 46, cy + 14, fit(text, col_width - 52, 12), 12, fill=INK)
        rows = (len(entries) + columns - 1) // columns
    return 24 + rows * 24 + 4


def _swatch(
    svg: Svg, x: float, y: float, key: str, extra: list[tuple[str, str, str]] | None
) -> None:
    if key in STATUS_STYLE:
        style = STATUS_STYLE[key]
        svg.add(
            "rect",
            x=x,
            y=y + 2,
            width=36,
            height=16,
            rx=3,
            fill=status_fill(svg, key),
            stroke=style["stroke"],
            stroke_width=1.5,
            stroke_dasharray=style["dash"],
        )
        status_marker(svg, x + 10, y + 10, key, 4)
    elif key == "uncertain":
        uncertain_marker(svg, x + 18, y + 10)
    else:
        kind = next(k for name, k, _ in extra or [] if name == key)
        _extra_swatch(svg, x, y, kind)


def _extra_swatch(svg: Svg, x: float, y: float, kind: str) -> None:
    if kind == "fuzzy":
        svg.add(
            "rect",
            x=x,
            y=y + 4,
            width=36,
            height=12,
            fill=svg.hatch("fuzzy", "#b9c3cc"),
            stroke=MUTED,
            stroke_width=1,
            stroke_dasharray="2 2",
        )
    elif kind == "open":
        svg.add("line", x1=x, y1=y + 10, x2=x + 30, y2=y + 10, stroke=MUTED, stroke_width=3)
        svg.add("path", d=f"M{x + 30} {y + 5} L{x + 36} {y + 10} L{x + 30} {y + 15} Z", fill=MUTED)
    elif kind == "snapshot":
        svg.add(
            "rect", x=x + 12, y=y + 3, width=12, height=14, fill=RULE, stroke=MUTED, stroke_width=1
        )
    elif kind == "event":
        svg.add(
            "path",
            d=f"M{x + 18} {y + 3} L{x + 24} {y + 10} L{x + 18} {y + 17} L{x + 12} {y + 10} Z",
            fill=EVENT_COLOUR,
        )


def source_line(source: SourceInfo, facts: Facts) -> str:
    """One source as the list under a chart gives it: headline, kind, publisher, date."""
    bits = [_TYPE_WORDS.get(source.type, source.type)]
    if source.publisher:
        bits.append(facts.name(source.publisher).en)
    if source.date:
        bits.append(human_date(source.date))
    return f"{source.title} ({', '.join(bits)})"


def draw_sources(
    svg: Svg,
    x: float,
    y: float,
    width: float,
    sources: list[SourceInfo],
    facts: Facts,
    link: Linker | None = None,
) -> float:
    """The numbered source list, with each graphic's caption and credit. Returns height."""
    with svg.group("g", class_="sources"):
        svg.text(x, y + 14, "Sources", 13, bold=True)
        line_y = y + 34
        if not sources:
            svg.text(x, line_y, "No source is recorded for what this chart shows.", 12, fill=MUTED)
            return 44
        for number, source in enumerate(sources, 1):
            opened = link_open(svg, link, source.iri)
            with svg.group("g", class_="source", data_source=source.iri, data_number=number):
                lines = wrap(source_line(source, facts), width - 30, 12)
                svg.text(x, line_y, f"[{number}]", 12, bold=True)
                for line in lines:
                    svg.text(x + 30, line_y, line, 12)
                    line_y += 16
                details = []
                if source.caption:
                    details.append(("caption", f"Caption: “{source.caption}”"))
                if source.credit:
                    details.append(("credit", f"Credit: {source.credit}"))
                if source.part_of:
                    details.append(("part-of", f"In: {source_line(_part(facts, source), facts)}"))
                for cls, text in details:
                    for line in wrap(text, width - 30, 11):
                        svg.text(x + 30, line_y, line, 11, fill=MUTED, class_=cls)
                        line_y += 15
                line_y += 4
            link_close(svg, opened)
    return line_y - y


def _part(facts: Facts, source: SourceInfo) -> SourceInfo:
    assert source.part_of is not None
    found = facts.sources([source.part_of])
    if found:
        return found[0]
    return SourceInfo(source.part_of, "article", facts.name(source.part_of).en)


def derived_class(svg: Svg, names: Names, base: str, *slots: str) -> str:
    """The class of a text that draws ``names`` in ``slots`` (default: Hangul and Hanja):
    ``base``, plus ``derived`` when one of them is a derived name (drawn marked, and
    explained in the footer)."""
    if any(slot in names.derived for slot in slots or ("ko", "hanja")):
        svg.notes.add("derived")
        return f"{base} derived"
    return base


def draw_footer(svg: Svg, x: float, y: float, width: float, facts: Facts, what: str) -> float:
    graph = facts.graph
    dataset = graph.title or graph.dataset_id or graph.location
    version = f", version {graph.version}" if graph.version else ""
    svg.add("line", x1=x, y1=y, x2=x + 200, y2=y, stroke=RULE, stroke_width=1)
    text = f"Drawn by kwpld from “{dataset}”{version}: {what}."
    if "derived" in svg.notes:
        text += (
            f" A name marked {DERIVED_MARK} is derived (such as Hangul read from its"
            " McCune-Reischauer spelling): no source prints it."
        )
    lines = wrap(text, width, 10.5)
    with svg.group("g", class_="footer"):
        for i, line in enumerate(lines):
            svg.text(x, y + 16 + 14 * i, line, 10.5, fill=MUTED)
    return 10 + 14 * len(lines)
