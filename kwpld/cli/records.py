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
) -> None:
    """Check the records of a data folder without building; report every problem.

    Exit code 0 when the records load cleanly, 2 when there are problems.

    Example:

    \b
        kwpld check examples/party-cells-2013 --format json
    """
    from ..errors import LoadError
    from ..load import load_records

    try:
        records = load_records(data_dir, require_records=True)
    except LoadError as exc:
        if output_format is TextOrJson.JSON:
            console.print(exc.report.to_json(), markup=False, soft_wrap=True)
        else:
            err_console.print(exc.report.render_text(), markup=False)
        raise typer.Exit(2) from None
    counts = records.counts()
    if output_format is TextOrJson.JSON:
        import json

        console.print(json.dumps({"problems": [], "count": 0, "records": counts}), markup=False)
    else:
        total = sum(counts.values())
        console.print(f"{total} records in {len(records.files)} files, no problems")


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
