"""``kwpld check``, ``kwpld schema`` and ``kwpld ontology-docs``: the record format and its
checks, without building (so without loading the validator)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ._common import TextOrJson, command_app, console, err_console

app = command_app()


class SchemaName(StrEnum):
    """The JSON Schemas kwpld publishes, by what they describe."""

    RECORDS = "records"
    DATASET = "dataset"
    VALIDATION_REPORT = "validation-report"


_SCHEMA_FILES = {
    SchemaName.RECORDS: "records-1",
    SchemaName.DATASET: "dataset-1",
    SchemaName.VALIDATION_REPORT: "validation-report-1",
}


class CheckFailOn(StrEnum):
    """The least severe problem that fails kwpld check."""

    ERROR = "error"
    WARNING = "warning"


@app.command("check")
def check_command(
    data_dir: Annotated[Path, typer.Argument(help="Folder of record files.")],
    output_format: Annotated[
        TextOrJson,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="How to report problems: text (for people) or json (for CI).",
        ),
    ] = TextOrJson.TEXT,
    fail_on: Annotated[
        CheckFailOn,
        typer.Option(
            "--fail-on",
            case_sensitive=False,
            help="error: exit 0 when the records load, warnings or not; warning: exit 1 when "
            "there are warnings (possible duplicates).",
        ),
    ] = CheckFailOn.ERROR,
) -> None:
    """Check the records of a data folder without building; report every problem.

    Errors stop a build (a record that does not load). Warnings do not: two records of one
    kind that share a name key and that nothing tells apart (possible-duplicate), with both
    places; merge them with kwpld merge or record what distinguishes them. Exit code 0 when
    the records load (with or without warnings), 1 when there are warnings and --fail-on
    warning, 2 when there are errors.

    Examples:

    \b
        kwpld check examples/party-cells-2013 --format json
        kwpld check my-data --fail-on warning
    """
    import json

    from ..build import check_data
    from ..errors import LoadError, ProblemReport

    try:
        checked = check_data(data_dir)
    except LoadError as exc:
        if output_format is TextOrJson.JSON:
            console.print(exc.report.to_json(), markup=False, soft_wrap=True)
        else:
            err_console.print(exc.report.render_text(), markup=False)
        raise typer.Exit(2) from None
    records, warnings = checked.records, ProblemReport(checked.warnings)
    counts = records.counts()
    if output_format is TextOrJson.JSON:
        data = {"problems": [p.to_dict() for p in warnings], "count": len(warnings)}
        console.print(json.dumps({**data, "records": counts}, ensure_ascii=False), markup=False)
    else:
        total = sum(counts.values())
        said = "no problems"
        if warnings:
            err_console.print("\n".join(str(p) for p in warnings), markup=False)
            said = f"no errors, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
        console.print(f"{total} records in {len(records.files)} files, {said}")
    if warnings and fail_on is CheckFailOn.WARNING:
        raise typer.Exit(1)


@app.command("schema")
def schema_command(
    which: Annotated[
        SchemaName,
        typer.Argument(
            case_sensitive=False,
            help="records (record files), dataset (kwpld.yaml) or validation-report "
            "(kwpld validate --format json).",
        ),
    ] = SchemaName.RECORDS,
) -> None:
    """Print the JSON Schema of the record format (or of kwpld.yaml, or of validation reports).

    Example:

    \b
        kwpld schema > records.schema.json
    """
    from ..resources import resource_path

    path = resource_path(f"kwpld/schemas/{_SCHEMA_FILES[which]}.schema.json")
    sys.stdout.write(path.read_text("utf-8"))


@app.command("ontology-docs")
def ontology_docs_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Markdown file to write (default: ontology/kwp.md)."),
    ] = None,
) -> None:
    """Generate the ontology's documentation (Markdown) from ontology/kwp.ttl.

    Example:

    \b
        kwpld ontology-docs --out ontology/kwp.md
    """
    from ..ontodoc import write_ontology_docs

    path = write_ontology_docs(out)
    console.print(f"wrote {path}")
