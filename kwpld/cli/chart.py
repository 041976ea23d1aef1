"""``kwpld chart composition|structure|timeline``: pictures drawn from the graph."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._common import BaseIri, Quiet, command_app, err_console

if TYPE_CHECKING:
    from ..charts.common import Chart
    from ..charts.graph import ChartGraph

app = command_app(
    name="chart",
    help="""Draw charts from a graph (a release folder, a data folder or a store) as SVG or PNG.

Examples:

\b
    kwpld chart composition wpk-pb --as-of 2013-01 -g examples/party-cells-2013 -o pb.svg --png
    kwpld chart structure -g dist/party-cells-2013 -o structure.png
    kwpld chart timeline jang-song-taek -g dist/party-cells-2013 -o jang.svg
""",
    no_args_is_help=True,
)

_GRAPH_HELP = (
    "The graph: a release folder (kwpld build), a data folder (kwpld.yaml; built in memory) "
    "or a store (kwpld load). Default: $KWPLD_GRAPH."
)
_OUT_HELP = "File to write: .svg or .png (default: SVG on standard output)."
_PNG_HELP = "Also write a PNG beside the SVG (same name, .png); needs rsvg-convert."
_SCALE_HELP = "Zoom of the PNG (2 gives twice the SVG's pixel size)."

Graph = Annotated[
    Path | None, typer.Option("--graph", "-g", envvar="KWPLD_GRAPH", help=_GRAPH_HELP)
]
Out = Annotated[Path | None, typer.Option("--out", "-o", help=_OUT_HELP)]
Png = Annotated[bool, typer.Option("--png", help=_PNG_HELP)]
Scale = Annotated[float, typer.Option("--scale", help=_SCALE_HELP)]


def _draw(
    graph: Path | None,
    draw: Callable[[ChartGraph], Chart],
    out: Path | None,
    png: bool,
    scale: float,
    base_iri: str | None,
    quiet: bool,
) -> None:
    """Call :func:`~kwpld.charts.draw.draw_chart` and say what it wrote."""
    from ..charts.draw import draw_chart
    from ..errors import InputError

    if graph is None:
        raise InputError(
            "name the graph with --graph PATH (a release folder, a data folder or a store) "
            "or set KWPLD_GRAPH"
        )
    drawn = draw_chart(graph, draw, out, png=png, scale=scale, base_iri=base_iri)
    if out is None:
        sys.stdout.write(drawn.chart.svg)
    elif not quiet:
        for written in drawn.written:
            message = f"wrote {written.path} ({drawn.chart.kind} chart, {written.describe()})"
            err_console.print(message, markup=False)


@app.command("composition")
def composition_command(
    organ: Annotated[
        str,
        typer.Argument(help="The organ: record id (wpk-pb), prefixed name (organ:wpk-pb) or IRI."),
    ],
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            "-d",
            help="Date of the composition, at any precision: 2013-01-15, 2013-01, 2013, "
            "'January 2013'.",
        ),
    ],
    graph: Graph = None,
    depth: Annotated[
        int | None,
        typer.Option("--depth", min=0, help="Levels of sub-organs drawn inside (default: all)."),
    ] = None,
    out: Out = None,
    png: Png = False,
    scale: Scale = 2.0,
    base_iri: BaseIri = None,
    quiet: Quiet = False,
) -> None:
    """Draw who sat in an organ as of a date: sub-organs inside, members, then alternates.

    Confirmed, reported and projected memberships are drawn differently (fill, border,
    marker; see the legend); a "?" marks a membership whose partial dates may not cover the
    date. The sources are numbered under the chart with their captions, credits and dates.

    Example:

    \b
        kwpld chart composition wpk-pb --as-of 2013-01 -g examples/party-cells-2013 -o pb.svg --png
    """
    from ..charts import composition_chart

    def draw(g: ChartGraph) -> Chart:
        return composition_chart(g, organ, as_of, depth=depth)

    _draw(graph, draw, out, png, scale, base_iri, quiet)


@app.command("structure")
def structure_command(
    organ: Annotated[
        str | None,
        typer.Argument(help="Root organ (record id, prefixed name or IRI); default: the party."),
    ] = None,
    graph: Graph = None,
    depth: Annotated[
        int | None,
        typer.Option("--depth", min=0, help="Levels below the root to draw (default: all)."),
    ] = None,
    out: Out = None,
    png: Png = False,
    scale: Scale = 2.0,
    base_iri: BaseIri = None,
    quiet: Quiet = False,
) -> None:
    """Draw the organ hierarchy as a tree, from the party down to its basic organizations.

    Example:

    \b
        kwpld chart structure -g examples/party-cells-2013 -o docs/img/structure.png
    """
    from ..charts import structure_chart

    def draw(g: ChartGraph) -> Chart:
        return structure_chart(g, organ, depth=depth)

    _draw(graph, draw, out, png, scale, base_iri, quiet)


@app.command("timeline")
def timeline_command(
    subject: Annotated[
        str, typer.Argument(help="An organ or a person: record id, prefixed name or IRI.")
    ],
    graph: Graph = None,
    sub_organs: Annotated[
        bool,
        typer.Option(
            "--sub-organs/--no-sub-organs", help="For an organ, include its sub-organs' seats."
        ),
    ] = True,
    depth: Annotated[
        int | None,
        typer.Option("--depth", min=0, help="Levels of sub-organs included (default: all)."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First date of the time axis.")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last date of the time axis.")] = None,
    out: Out = None,
    png: Png = False,
    scale: Scale = 2.0,
    base_iri: BaseIri = None,
    quiet: Quiet = False,
) -> None:
    """Draw who sat in an organ when, or which posts a person held when, with events.

    Dates known only to the month or year are drawn as hatched spans over that period, not
    as a precise day; a membership with no end recorded runs on with an arrow.

    Example:

    \b
        kwpld chart timeline jang-song-taek -g dist/party-cells-2013 -o jang.svg
    """
    from ..charts import timeline_chart

    def draw(g: ChartGraph) -> Chart:
        return timeline_chart(g, subject, sub_organs=sub_organs, depth=depth, start=start, end=end)

    _draw(graph, draw, out, png, scale, base_iri, quiet)
