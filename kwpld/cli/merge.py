"""``kwpld merge``: two records that are one entity become one, in every file at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..model import KINDS
from ._common import choices, command_app, console, err_console

if TYPE_CHECKING:
    Kind = str
else:
    Kind = choices("Kind", KINDS)

app = command_app()


@app.command("merge")
def merge_command(
    kind: Annotated[
        Kind, typer.Argument(metavar="KIND", help="The kind of both records.", case_sensitive=False)
    ],
    a: Annotated[str, typer.Argument(metavar="A", help="The record that stays (unless --into B).")],
    b: Annotated[str, typer.Argument(metavar="B", help="The record merged into A, which goes.")],
    data_dir: Annotated[
        Path,
        typer.Option("--data", "-d", help="The data folder (default: the current folder)."),
    ] = Path("."),
    into: Annotated[
        str | None,
        typer.Option("--into", help="The id that stays: A (the default) or B."),
    ] = None,
    prefer: Annotated[
        str | None,
        typer.Option(
            "--prefer",
            metavar="A|B",
            help="Whose value wins where the two records differ (birth date, preferred name, "
            "Wikidata item...): A or B (or its id). Without it, differing values stop the "
            "merge and are listed.",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", "-n", help="Print the diff of every file; write nothing."),
    ] = False,
) -> None:
    """Merge two records of one kind into one, rewriting every reference in the data folder.

    B goes into A: A gets B's names (one of each text and system), sources and other values,
    every reference to B (memberships, posts, events, articles, Wikidata decisions, ingest
    review files and annotations) becomes one to A, and B is removed. Values that differ are
    conflicts, all listed, and nothing is changed unless --prefer says which record wins. The
    folder is loaded as it would be after the merge before anything is written, and the files
    are replaced together or not at all. Only the records that change are written again;
    the rest of each file keeps its layout and comments. Exit code 0 when merged, 2 for
    conflicts, records that do not load (before or after) and other bad input.

    Examples:

    \b
        kwpld merge person kim-jong-su kim-jong-su-2 --data my-data --dry-run
        kwpld merge person kim-jong-su kim-jong-su-2 --data my-data --prefer A
    """
    from ..merge import merge_records

    result = merge_records(data_dir, str(kind), a, b, into=into, prefer=prefer, dry_run=dry_run)
    if dry_run:
        console.file.write(result.diff)
    verb = "would merge" if dry_run else "merged"
    files = len(result.files)
    err_console.print(
        f"{verb} {result.kind} '{result.absorbed}' into '{result.survivor}': "
        f"{files} file{'s' if files != 1 else ''} "
        f"({', '.join(result.files)}); references renamed in "
        f"{len(result.referrers)} record{'s' if len(result.referrers) != 1 else ''}",
        markup=False,
    )
    for note in result.notes:
        err_console.print(f"  {note}", markup=False)
    if dry_run:
        err_console.print("dry run: nothing was written", markup=False)
