"""``kwpld validate``: SHACL validation of a data folder, for curators and for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..validate import Engine, FailOn
from ._common import DataDir, MintBaseIri, command_app, console, deprecated, err_console

if TYPE_CHECKING:
    from ..validate import ValidationReport

app = command_app()


class ReportFormat(StrEnum):
    """What kwpld validate writes: a table for people, JSON for CI, the SHACL report graph."""

    TEXT = "text"
    JSON = "json"
    TURTLE = "turtle"


Format = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        "-f",
        help="text (a table grouped by file, for people), json (for CI; see "
        "docs/validation.md) or turtle (the SHACL validation report graph).",
        case_sensitive=False,
    ),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit with 1 when there are findings of this severity or a more severe one.",
        case_sensitive=False,
    ),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="fast (kwpld's engine; pyshacl for shapes it does not evaluate) or pyshacl "
        "(pyshacl alone, the reference; slow on large graphs).",
        case_sensitive=False,
    ),
]
Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for large graphs (the fast engine shares out the shapes, "
        "pyshacl the focus nodes).",
    ),
]
Shapes = Annotated[
    list[Path] | None,
    typer.Option(
        "--shapes",
        metavar="FILE",
        help="Another Turtle file of SHACL shapes to validate with (repeatable).",
    ),
]
Out = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write the report to this file instead of standard output."),
]
OldOut = Annotated[Path | None, typer.Option("--output", hidden=True, help="Deprecated: --out.")]


@app.command("validate")
def validate_command(
    data_dir: DataDir,
    output_format: Format = ReportFormat.TEXT,
    fail_on: FailOnOption = FailOn.VIOLATION,
    engine: EngineOption = Engine.FAST,
    jobs: Jobs = 1,
    shapes: Shapes = None,
    base_iri: MintBaseIri = None,
    out: Out = None,
    old_out: OldOut = None,
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
    _print_report(report, output_format, fail_on, out)
    if report.failed(fail_on):
        raise typer.Exit(1)


def _print_report(
    report: ValidationReport, output_format: ReportFormat, fail_on: FailOn, out: Path | None
) -> None:
    """The report in its format, to OUT or standard output; its one-line summary on standard
    error whenever standard output is not the table for people."""
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


def _write(path: Path, text: str) -> None:
    """Write the report whole or not at all: a temporary file renamed into place."""
    from ..atomic import write_atomic
    from ..errors import InputError

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
