"""``kwpld build``: records in, a validated release out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..validate import FailOn
from ._common import (
    DataDir,
    MintBaseIri,
    command_app,
    console,
    err_console,
    human_size,
    progress_for,
)

if TYPE_CHECKING:
    from ..build import BuildResult

app = command_app()

Out = Annotated[
    Path, typer.Option("--out", "-o", help="Output folder; replaced as a whole, atomically.")
]
Gzip = Annotated[bool, typer.Option("--gzip", help="Gzip the line formats (N-Triples, N-Quads).")]
SplitSize = Annotated[
    str | None,
    typer.Option(
        "--split-size", help="Split line formats into parts of at most this size, e.g. 100MB."
    ),
]
Release = Annotated[
    str | None,
    typer.Option(
        "--release",
        help="Release name (e.g. 2013.1 or 2024-05-01): write OUT/NAME and OUT/latest.",
    ),
]
Issued = Annotated[
    str | None,
    typer.Option(
        "--issued", help="Issue date recorded in void.ttl (ISO 8601); nothing is dated without it."
    ),
]
DownloadUrl = Annotated[
    str | None,
    typer.Option(
        "--download-url", help="URL the release will be served from (absolute links in void.ttl)."
    ),
]
UpdateChunk = Annotated[
    int,
    typer.Option(
        "--update-chunk", min=1, help="Triples per SPARQL Update file (INSERT DATA request)."
    ),
]
Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes for independent work: with 2, the release is written while the "
        "graph is validated, and validation splits its shapes.",
    ),
]
Incremental = Annotated[
    bool,
    typer.Option(
        "--incremental/--no-incremental",
        " /--no-cache",
        help="Redo only what changed since the last build of OUT (state in --cache): map "
        "again only the record files that changed or read a changed record, write nothing "
        "when the graph is the same. --no-cache (or --no-incremental) builds from scratch.",
    ),
]
Cache = Annotated[
    Path | None,
    typer.Option(
        "--cache", help="Folder for incremental-build state (default: DATA_DIR/.kwpld-cache)."
    ),
]
BuildQuiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print nothing but errors (no progress bars either).")
]
Validate = Annotated[
    bool,
    typer.Option(
        "--validate/--no-validate", help="Validate the graph with the SHACL shapes before writing."
    ),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        case_sensitive=False,
        help="Write nothing (exit 1) when validation finds this severity or a more severe one.",
    ),
]


@app.command("build")
def build_command(
    data_dir: DataDir,
    out: Out,
    base_iri: MintBaseIri = None,
    gzip: Gzip = False,
    split_size: SplitSize = None,
    release: Release = None,
    issued: Issued = None,
    download_url: DownloadUrl = None,
    update_chunk: UpdateChunk = 2000,
    jobs: Jobs = 1,
    incremental: Incremental = True,
    cache: Cache = None,
    quiet: BuildQuiet = False,
    validate: Validate = True,
    fail_on: FailOnOption = FailOn.VIOLATION,
) -> None:
    """Build the knowledge graph of a data folder and write a release folder.

    Loads and checks every record (all problems are reported at once, and nothing is written
    when there are any), maps the records to RDF, validates the graph with the SHACL shapes
    (nothing is written when it fails; see kwpld validate) and writes the release: Turtle,
    TriG, N-Triples, N-Quads, JSON-LD (compacted and framed), the ontology, loader scripts
    for triple stores, SPARQL Update files, void.ttl and manifest.json. The folder is replaced
    atomically; with --release, OUT holds dated, immutable releases plus latest/.

    Examples:

    \b
        kwpld build examples/party-cells-2013 --out dist/party-cells-2013
        kwpld build examples/party-cells-2013 --out releases --release 2013.1 --gzip
    """
    from ..build import build
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
    if not quiet:
        _print_result(result, fail_on)


def _print_result(result: BuildResult, fail_on: FailOn) -> None:
    """What a build did: the findings, the records by kind, the triples and the files written."""
    for warning in result.warnings:
        err_console.print(f"warning: {warning}", markup=False)
    if result.up_to_date:
        console.print(f"{result.out} is up to date: nothing it depends on changed since its build")
        return
    if result.completed_release:
        console.print(
            f"{result.out} was already written, the same, by a build interrupted before it "
            "refreshed latest/; latest/ now points at it"
        )
    if result.validation is not None and result.validation.findings:
        err_console.print(result.validation.render_text(fail_on=fail_on), markup=False)
    console.print(f"[bold]{result.records.info.title}[/bold]")
    from rich.table import Table

    table = Table(show_edge=False)
    table.add_column("records", justify="left")
    table.add_column("count", justify="right")
    for kind, count in result.records.counts().items():
        table.add_row(kind, str(count))
    console.print(table)
    assert result.out is not None  # build() was given out
    if "manifest" in result.files:
        from ..publish import read_manifest

        manifest = read_manifest(result.out)
        console.print(
            f"{manifest.triples} triples ({manifest.quads} quads in "
            f"{len(manifest.graphs)} named graphs, the ontology's included) "
            f"from {len(result.records.files)} files"
        )
    for name, path in result.files.items():
        console.print(f"  {name:9} {path}  ({human_size(path.stat().st_size)})")
    files = [p for p in result.out.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    console.print(f"{len(files)} files, {human_size(total)} in {result.out} (see manifest.json)")


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
