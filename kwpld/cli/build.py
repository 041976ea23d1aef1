"""``kwpld build``, ``kwpld check`` and ``kwpld schema``: records in, graph out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..build import build
from ..errors import LoadError
from ..load import load_records
from ..resources import resource_path
from ..validate import FailOn
from ._common import console, err_console, human_size, progress_for


def register(app: typer.Typer) -> None:
    app.command("build")(build_command)
    app.command("check")(check_command)
    app.command("schema")(schema_command)
    app.command("ontology-docs")(ontology_docs_command)


def build_command(
    data_dir: Path = typer.Argument(..., help="Folder of record files (YAML, CSV) and kwpld.yaml."),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Output folder; replaced as a whole, atomically."
    ),
    base_iri: str | None = typer.Option(
        None, "--base-iri", help="Base IRI for minted IRIs (default: the dataset's base_iri)."
    ),
    gzip: bool = typer.Option(False, "--gzip", help="Gzip the line formats (N-Triples, N-Quads)."),
    split_size: str | None = typer.Option(
        None, "--split-size", help="Split line formats into parts of at most this size, e.g. 100MB."
    ),
    release: str | None = typer.Option(
        None,
        "--release",
        help="Release name (e.g. 2013.1 or 2024-05-01): write OUT/NAME and OUT/latest.",
    ),
    issued: str | None = typer.Option(
        None,
        "--issued",
        help="Issue date recorded in void.ttl (ISO 8601); nothing is dated without it.",
    ),
    download_url: str | None = typer.Option(
        None,
        "--download-url",
        help="URL the release will be served from (absolute links in void.ttl).",
    ),
    update_chunk: int = typer.Option(
        2000, "--update-chunk", min=1, help="Triples per SPARQL Update file (INSERT DATA request)."
    ),
    jobs: int = typer.Option(
        1,
        "--jobs",
        "-j",
        min=1,
        help="Processes for independent work: with 2, the release is written while the "
        "graph is validated, and validation splits its shapes.",
    ),
    incremental: bool = typer.Option(
        True,
        "--incremental/--no-incremental",
        help="Redo only what changed since the last build of OUT (state in --cache).",
    ),
    cache: Path | None = typer.Option(
        None, "--cache", help="Folder for incremental-build state (default: DATA_DIR/.kwpld-cache)."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print nothing but errors (no progress bars either)."
    ),
    validate: Annotated[
        bool,
        typer.Option(
            "--validate/--no-validate",
            help="Validate the graph with the SHACL shapes before writing.",
        ),
    ] = True,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            case_sensitive=False,
            help="Write nothing (exit 1) when validation finds this severity or a more severe one.",
        ),
    ] = FailOn.VIOLATION,
) -> None:
    """Build the knowledge graph of a data folder and write a release folder.

    Loads and checks every record (all problems are reported at once, and nothing is written
    when there are any), maps the records to RDF, validates the graph with the SHACL shapes
    (nothing is written when it fails; see kwpld validate) and writes the release: Turtle,
    TriG, N-Triples, N-Quads, JSON-LD (compacted and framed), the ontology, loader scripts
    for triple stores, SPARQL Update files, void.ttl and manifest.json. The folder is replaced
    atomically; with --release, OUT holds dated, immutable releases plus latest/.

    **Example:**

        kwpld build examples/party-cells-2013 --out dist/party-cells-2013

        kwpld build examples/party-cells-2013 --out releases --release 2013.1 --gzip
    """
    from ..publish import ReleaseOptions
    from ..publish.lines import parse_size

    options = ReleaseOptions(
        gzip=gzip,
        split_size=parse_size(split_size) if split_size else None,
        update_chunk=update_chunk,
        name=release,
        issued=_check_issued(issued),
        download_url=download_url,
    )
    progress = progress_for(quiet)
    try:
        result = build(
            data_dir,
            out,
            base_iri=base_iri,
            release=options,
            validate=validate,
            fail_on=fail_on,
            jobs=jobs,
            progress=progress,
            cache=(cache or data_dir / ".kwpld-cache") if incremental else None,
        )
    finally:
        progress.finish()
    if result.up_to_date and not quiet:
        console.print(f"{result.out} is up to date: nothing it depends on changed since its build")
        return
    if result.validation is not None and result.validation.findings and not quiet:
        err_console.print(result.validation.render_text(fail_on=fail_on), markup=False)
    if quiet:
        return
    console.print(f"[bold]{result.records.info.title}[/bold]")
    table = Table(show_edge=False)
    table.add_column("records", justify="left")
    table.add_column("count", justify="right")
    for kind, count in result.records.counts().items():
        table.add_row(kind, str(count))
    console.print(table)
    manifest = _manifest(result.files.get("manifest"))
    if manifest:
        console.print(
            f"{manifest['triples']} triples ({manifest['quads']} quads in "
            f"{len(manifest['graphs'])} named graphs, the ontology's included) "
            f"from {len(result.records.files)} files"
        )
    for name, path in result.files.items():
        console.print(f"  {name:9} {path}  ({human_size(path.stat().st_size)})")
    assert result.out is not None
    files = [p for p in result.out.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    console.print(f"{len(files)} files, {human_size(total)} in {result.out} (see manifest.json)")


def _manifest(path: Path | None) -> dict | None:
    import json

    return json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else None


def _check_issued(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date, datetime

    try:
        if "T" in value:
            datetime.fromisoformat(value)
        else:
            date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO 8601 date (2024-05-01) or date-time", param_hint="--issued"
        ) from None
    return value


def check_command(
    data_dir: Path = typer.Argument(..., help="Folder of record files."),
    output_format: str = typer.Option(
        "text", "--format", "-f", help="How to report problems: text (for people) or json (for CI)."
    ),
) -> None:
    """Check the records of a data folder without building; report every problem.

    Exit code 0 when the records load cleanly, 2 when there are problems.

    **Example:**

        kwpld check examples/party-cells-2013 --format json
    """
    if output_format not in ("text", "json"):
        raise typer.BadParameter("use text or json", param_hint="--format")
    try:
        records = load_records(data_dir)
    except LoadError as exc:
        if output_format == "json":
            console.print(exc.report.to_json(), markup=False, soft_wrap=True)
        else:
            err_console.print(exc.report.render_text(), markup=False)
        raise typer.Exit(2) from None
    counts = records.counts()
    if output_format == "json":
        import json

        console.print(json.dumps({"problems": [], "count": 0, "records": counts}), markup=False)
    else:
        total = sum(counts.values())
        console.print(f"{total} records in {len(records.files)} files, no problems")


def schema_command(
    which: str = typer.Argument(
        "records",
        help="records (record files), dataset (kwpld.yaml) or validation-report "
        "(kwpld validate --format json).",
    ),
) -> None:
    """Print the JSON Schema of the record format (or of kwpld.yaml, or of validation reports).

    **Example:**

        kwpld schema > records.schema.json
    """
    names = {
        "records": "records-1",
        "dataset": "dataset-1",
        "validation-report": "validation-report-1",
    }
    if which not in names:
        raise typer.BadParameter("use records, dataset or validation-report", param_hint="WHICH")
    sys.stdout.write(resource_path(f"kwpld/schemas/{names[which]}.schema.json").read_text("utf-8"))


def ontology_docs_command(
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Markdown file to write (default: ontology/kwp.md)."
    ),
) -> None:
    """Generate the ontology's documentation (Markdown) from ontology/kwp.ttl.

    **Example:**

        kwpld ontology-docs --out ontology/kwp.md
    """
    from ..ontodoc import write_ontology_docs

    path = write_ontology_docs(out)
    console.print(f"wrote {path}")
