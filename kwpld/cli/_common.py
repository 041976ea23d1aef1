"""Shared pieces of the CLI: the Typer app, consoles and small formatting helpers."""

from __future__ import annotations

import typer
from rich.console import Console

from ..__about__ import __version__

HELP = """kwpld turns curated records on the leadership of the Workers' Party of Korea (articles,
people, organs, posts and memberships, events) into a validated knowledge graph: Turtle,
JSON-LD, N-Triples/N-Quads and triple-store load files, linked to Wikidata.

**Examples:**

    kwpld build examples/party-cells-2013 --out dist/party-cells-2013

    kwpld check examples/party-cells-2013 --format json

    kwpld schema > records.schema.json
"""

app = typer.Typer(
    name="kwpld",
    help=HELP,
    rich_markup_mode="markdown",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        console.print(f"kwpld {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """kwpld: KWP leadership records to linked data."""


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"  # pragma: no cover


def progress_for(quiet: bool):  # noqa: ANN201 - a kwpld.progress.Progress
    """Progress bars on standard error when it is a terminal and not --quiet; else silence."""
    import sys

    from ..progress import SILENT, RichProgress

    if quiet or not sys.stderr.isatty():
        return SILENT
    return RichProgress()
