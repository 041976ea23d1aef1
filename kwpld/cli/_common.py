"""Shared pieces of the command modules: their Typer settings, consoles and small helpers.

The option convention, for every command: ``-f/--format`` chooses the format of a report
printed or written, ``-o/--out`` names a file or folder written, ``-q/--quiet`` prints nothing
but errors, ``-j/--jobs`` sets worker processes. Every option with a fixed set of values is an
Enum, so ``--help`` lists the values.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from ..progress import Progress

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


# Option types more than one command declares, with the one help text they share. A command's
# own options are aliases at the top of its module, so that its signature reads as a list of
# names (a declaration inline takes six lines and hides the parameters among the help texts).
DataDir = Annotated[Path, typer.Argument(help="Folder of record files (YAML, CSV) and kwpld.yaml.")]
MintBaseIri = Annotated[
    str | None,
    typer.Option("--base-iri", help="Base IRI for minted IRIs (default: the dataset's base_iri)."),
]
BaseIri = Annotated[
    str | None,
    typer.Option(
        "--base-iri", help="Base IRI of the data (default: the release's or data folder's own)."
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def command_app(**settings: Any) -> typer.Typer:
    """A Typer app for one command module, with the settings every command shares (plain
    Click help, which starts fast; see :mod:`kwpld.cli`)."""
    return typer.Typer(
        rich_markup_mode=None,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
        **settings,
    )


class TextOrJson(StrEnum):
    """How a command reports: text for people, json for scripts and CI."""

    TEXT = "text"
    JSON = "json"


def deprecated(old: str, new: str) -> None:
    """Say once, on standard error, that an option spelling still works but will go."""
    err_console.print(f"kwpld: {old} is deprecated and will be removed; use {new}", markup=False)


def human_size(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"  # pragma: no cover


def progress_for(quiet: bool) -> Progress:
    """Progress bars on standard error when it is a terminal and not --quiet; else silence."""
    from ..progress import SILENT, RichProgress

    if quiet or not sys.stderr.isatty():
        return SILENT
    return RichProgress()


def choices(name: str, values: Iterable[str]) -> type[StrEnum]:
    """An Enum of values the library defines (a tuple, a dict's keys), so that ``--help``
    lists them and Typer checks them, while the library's constant stays the one definition.

    Modules declare the option's type as ``str`` for type checkers (a member is a str)::

        if TYPE_CHECKING:
            Size = str
        else:
            Size = choices("Size", SIZES)
    """
    return StrEnum(name, {value: value for value in values})  # type: ignore[return-value]
