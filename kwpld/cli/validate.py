"""``kwpld validate``: SHACL validation of a data folder, for curators and for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..validate import Engine, FailOn
from ._common import command_app, console, deprecated, err_console

app = command_app()


class ReportFormat(StrEnum):
    """What kwpld validate writes: a table for people, JSON for CI, the SHACL report graph."""

    TEXT = "text"
    JSON = "json"
    TURTLE = "turtle"


@app.command("validate")
def validate_command(
    data_dir: Annotated[
        Path, typer.Argument(help="Folder of record files (YAML, CSV) and kwpld.yaml.")
    ],
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (a table grouped by file, for people), json (for CI; see "
            "docs/validation.md) or turtle (the SHACL validation report graph).",
            case_sensitive=False,
        ),
    ] = ReportFormat.TEXT,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit with 1 when there are findings of this severity or a more severe one.",
            case_sensitive=False,
        ),
    ] = FailOn.VIOLATION,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="fast (kwpld's engine; pyshacl for shapes it does not evaluate) or pyshacl "
            "(pyshacl alone, the reference; slow on large graphs).",
            case_sensitive=False,
        ),
    ] = Engine.FAST,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes for large graphs (the fast engine shares out the shapes, "
            "pyshacl the focus nodes).",
        ),
    ] = 1,
    shapes: Annotated[
        list[Path] | None,
        typer.Option(
            "--shapes",
            metavar="FILE",
            help="Another Turtle file of SHACL shapes to validate with (repeatable).",
        ),
    ] = None,
    base_iri: Annotated[
        str | None,
        typer.Option(
            "--base-iri", help="Base IRI for minted IRIs (default: the dataset's base_iri)."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the report to this file instead of standard output."
        ),
    ] = None,
    old_out: Annotated[
        Path | None, typer.Option("--output", hidden=True, help="Deprecated: --out.")
    ] = None,
) -> None:
    """Validate the records of a data folder against kwpld's SHACL shapes.

    Every finding names its severity, the record (file, line, id) and field to fix, the focus
    node, path and value. Exit code 0 when nothing reaches --fail-on, 1 when something does,
    2 for usage errors and records that do not load.

    Examples:

    \b
        kwpld validate examples/party-cells-2013
        kwpld validate examples/party-cells-2013 --format json --fail-on warning > report.json
    """
    from ..build import validate_data
    from ..validate import load_shapes

    if old_out is not None:
        deprecated("--output", "--out (-o)")
        out = out or old_out
    # --shapes names files; reading them into one shapes graph is parsing the option
    shapes_graph = load_shapes(shapes) if shapes else None  # None: the default shapes
    report = validate_data(
        data_dir, base_iri=base_iri, shapes=shapes_graph, engine=engine, jobs=jobs
    )
    if output_format is ReportFormat.JSON:
        text = report.to_json(fail_on=fail_on)
    elif output_format is ReportFormat.TURTLE:
        text = report.to_turtle()
    else:
        text = report.render_text(fail_on=fail_on) + "\n"
    if out is not None:
        _write(out, text)
        err_console.print(report.summary(fail_on=fail_on), markup=False)
    else:
        console.file.write(text)
        if output_format is not ReportFormat.TEXT:
            err_console.print(report.summary(fail_on=fail_on), markup=False)
    if report.failed(fail_on):
        raise typer.Exit(1)


def _write(path: Path, text: str) -> None:
    """Write the report whole or not at all: a temporary file renamed into place."""
    from ..atomic import write_atomic
    from ..errors import InputError

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
