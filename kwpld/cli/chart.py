"""``kwpld chart composition|structure|timeline``: pictures drawn from the graph."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import InputError
from ._common import err_console

chart_app = typer.Typer(
    name="chart",
    help="""Draw charts from a graph (a release folder, a data folder or a store) as SVG or PNG.

**Examples:**

    kwpld chart composition wpk-pb --as-of 2013-01 -g examples/party-cells-2013 -o pb.svg --png

    kwpld chart structure -g dist/party-cells-2013 -o structure.png

    kwpld chart timeline jang-song-taek -g dist/party-cells-2013 -o jang.svg
""",
    rich_markup_mode="markdown",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def register(app: typer.Typer) -> None:
    app.add_typer(chart_app, name="chart")


_GRAPH_HELP = (
    "The graph: a release folder (kwpld build), a data folder (kwpld.yaml; built in memory) "
    "or a store (kwpld load). Default: $KWPLD_GRAPH."
)
_OUT_HELP = "File to write: .svg or .png (default: SVG on standard output)."
_PNG_HELP = "Also write a PNG beside the SVG (same name, .png); needs rsvg-convert."
_SCALE_HELP = "Zoom of the PNG (2 gives twice the SVG's pixel size)."
_BASE_HELP = "Base IRI of the data (default: the release's or data folder's own)."


_GRAPH_OPTION = typer.Option(None, "--graph", "-g", envvar="KWPLD_GRAPH", help=_GRAPH_HELP)


def _open(graph: Path | None, base_iri: str | None):  # noqa: ANN202
    from ..charts import open_graph

    if graph is None:
        raise InputError(
            "name the graph with --graph PATH (a release folder, a data folder or a store) "
            "or set KWPLD_GRAPH"
        )
    return open_graph(graph, base_iri=base_iri)


def _emit(chart, out: Path | None, png: bool, scale: float, quiet: bool) -> None:  # noqa: ANN001
    from ..charts.output import write_chart

    if out is None:
        if png:
            raise InputError("--png needs --out FILE.svg (the PNG is written beside it)")
        sys.stdout.write(chart.svg)
        return
    for written in write_chart(chart, out, png=png, scale=scale):
        if not quiet:
            message = f"wrote {written.path} ({chart.kind} chart, {written.describe()})"
            err_console.print(message, markup=False)


def composition_command(
    organ: str = typer.Argument(
        ..., help="The organ: record id (wpk-pb), prefixed name (organ:wpk-pb) or IRI."
    ),
    as_of: str = typer.Option(
        ...,
        "--as-of",
        "-d",
        help="Date of the composition, at any precision: 2013-01-15, 2013-01, 2013, "
        "'January 2013'.",
    ),
    graph: Path | None = _GRAPH_OPTION,
    depth: int | None = typer.Option(
        None, "--depth", min=0, help="Levels of sub-organs drawn inside (default: all)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help=_OUT_HELP),
    png: bool = typer.Option(False, "--png", help=_PNG_HELP),
    scale: float = typer.Option(2.0, "--scale", help=_SCALE_HELP),
    base_iri: str | None = typer.Option(None, "--base-iri", help=_BASE_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Draw who sat in an organ as of a date: sub-organs inside, members, then alternates.

    Confirmed, reported and projected memberships are drawn differently (fill, border,
    marker; see the legend); a "?" marks a membership whose partial dates may not cover the
    date. The sources are numbered under the chart with their captions, credits and dates.

    **Example:**

        kwpld chart composition wpk-pb --as-of 2013-01 -g examples/party-cells-2013 -o pb.svg --png
    """
    from ..charts import composition_chart

    chart = composition_chart(_open(graph, base_iri), organ, as_of, depth=depth)
    _emit(chart, out, png, scale, quiet)


def structure_command(
    organ: str | None = typer.Argument(
        None, help="Root organ (record id, prefixed name or IRI); default: the party."
    ),
    graph: Path | None = _GRAPH_OPTION,
    depth: int | None = typer.Option(
        None, "--depth", min=0, help="Levels below the root to draw (default: all)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help=_OUT_HELP),
    png: bool = typer.Option(False, "--png", help=_PNG_HELP),
    scale: float = typer.Option(2.0, "--scale", help=_SCALE_HELP),
    base_iri: str | None = typer.Option(None, "--base-iri", help=_BASE_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Draw the organ hierarchy as a tree, from the party down to its basic organizations.

    **Example:**

        kwpld chart structure -g examples/party-cells-2013 -o docs/img/structure.png
    """
    from ..charts import structure_chart

    chart = structure_chart(_open(graph, base_iri), organ, depth=depth)
    _emit(chart, out, png, scale, quiet)


def timeline_command(
    subject: str = typer.Argument(
        ..., help="An organ or a person: record id, prefixed name or IRI."
    ),
    graph: Path | None = _GRAPH_OPTION,
    sub_organs: bool = typer.Option(
        True, "--sub-organs/--no-sub-organs", help="For an organ, include its sub-organs' seats."
    ),
    depth: int | None = typer.Option(
        None, "--depth", min=0, help="Levels of sub-organs included (default: all)."
    ),
    start: str | None = typer.Option(None, "--from", help="First date of the time axis."),
    end: str | None = typer.Option(None, "--to", help="Last date of the time axis."),
    out: Path | None = typer.Option(None, "--out", "-o", help=_OUT_HELP),
    png: bool = typer.Option(False, "--png", help=_PNG_HELP),
    scale: float = typer.Option(2.0, "--scale", help=_SCALE_HELP),
    base_iri: str | None = typer.Option(None, "--base-iri", help=_BASE_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Draw who sat in an organ when, or which posts a person held when, with events.

    Dates known only to the month or year are drawn as hatched spans over that period, not
    as a precise day; a membership with no end recorded runs on with an arrow.

    **Example:**

        kwpld chart timeline jang-song-taek -g dist/party-cells-2013 -o jang.svg
    """
    from ..charts import timeline_chart

    chart = timeline_chart(
        _open(graph, base_iri), subject, sub_organs=sub_organs, depth=depth, start=start, end=end
    )
    _emit(chart, out, png, scale, quiet)


chart_app.command("composition")(composition_command)
chart_app.command("structure")(structure_command)
chart_app.command("timeline")(timeline_command)
