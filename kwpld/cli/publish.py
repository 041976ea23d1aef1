"""``kwpld load``, ``kwpld query``, ``kwpld publish`` and ``kwpld diff``: releases and stores."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..publish.store import RESULT_FORMATS
from ._common import BaseIri, Quiet, choices, command_app, console, err_console

app = command_app()

if TYPE_CHECKING:
    QueryFormat = str
else:
    QueryFormat = choices("QueryFormat", RESULT_FORMATS)


class Auth(StrEnum):
    """HTTP authentication for kwpld publish."""

    AUTO = "auto"
    BASIC = "basic"
    DIGEST = "digest"


class DiffFormat(StrEnum):
    """The summary of kwpld diff: a table for people or JSON."""

    TABLE = "table"
    JSON = "json"


@app.command("load")
def load_command(
    dist: Annotated[
        Path, typer.Argument(help="Release folder written by kwpld build (has manifest.json).")
    ],
    store: Annotated[
        Path,
        typer.Option(
            "--store",
            "-s",
            help="Folder of the on-disk pyoxigraph store (created if missing).",
        ),
    ] = Path("kwpld-store"),
    keep: Annotated[
        bool, typer.Option("--keep", help="Add to the release's graphs instead of replacing them.")
    ] = False,
    quiet: Quiet = False,
) -> None:
    """Load a release into an embedded, on-disk pyoxigraph store (no server needed).

    The release's named graphs are replaced, so loading a newer release of the same dataset
    updates the store; the result is checked against the manifest's triple counts.

    Example:

    \b
        kwpld load dist/party-cells-2013 --store kwpld-store
    """
    from ..publish.store import load_release

    result = load_release(dist, store, replace=not keep)
    if not quiet:
        console.print(
            f"loaded {result.triples} triples in {len(result.graphs)} graphs into {result.store}"
        )


@app.command("query")
def query_command(
    target: Annotated[
        Path,
        typer.Argument(
            help="A release folder (kwpld build), a data folder (kwpld.yaml; built in memory) "
            "or a store (kwpld load)."
        ),
    ],
    query: Annotated[str, typer.Argument(help="SPARQL query text, or a .rq file.")],
    output_format: Annotated[
        QueryFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (for people), csv, tsv or json (SPARQL results). ASK prints true or "
            "false; CONSTRUCT and DESCRIBE print N-Triples.",
        ),
    ] = "table",
    base_iri: BaseIri = None,
) -> None:
    """Run a SPARQL query over a release, a store or a data folder.

    The default graph is the union of all named graphs. SELECT answers print as a table,
    CSV, TSV or SPARQL JSON; ASK prints true or false; CONSTRUCT and DESCRIBE print
    N-Triples. A data folder is loaded and mapped in memory first (without the ontology
    graph, which only a release carries).

    Examples:

    \b
        kwpld query dist/party-cells-2013 examples/queries/meetings.rq --format csv
        kwpld query examples/party-cells-2013 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from ..sparql import query as run

    answer = run(target, query, base_iri=base_iri)
    sys.stdout.write(answer.render(str(output_format)))


GspEndpoint = Annotated[
    str,
    typer.Option(
        "--endpoint",
        "-e",
        help="Graph Store Protocol URL, e.g. http://host:8890/sparql-graph-crud-auth.",
    ),
]
Sparql = Annotated[
    str | None,
    typer.Option(
        "--sparql", help="SPARQL query endpoint for the final count (default: read graphs back)."
    ),
]
AuthOption = Annotated[
    Auth,
    typer.Option(
        "--auth",
        case_sensitive=False,
        help="HTTP authentication: auto (from the server's challenge), basic or digest.",
    ),
]
Retries = Annotated[
    int, typer.Option("--retries", min=0, help="Retries of a request after a transient failure.")
]
RetryWait = Annotated[
    float,
    typer.Option(
        "--retry-wait", min=0.0, help="Seconds before the first retry; doubled each time."
    ),
]
Timeout = Annotated[
    float, typer.Option("--timeout", min=1.0, help="Seconds to wait for one request.")
]
ContentType = Annotated[
    str,
    typer.Option(
        "--content-type", help="Media type of the uploads (N-Triples; text/turtle also fits)."
    ),
]


@app.command("publish")
def publish_command(
    dist: Annotated[Path, typer.Argument(help="Release folder written by kwpld build.")],
    endpoint: GspEndpoint,
    sparql: Sparql = None,
    auth: AuthOption = Auth.AUTO,
    retries: Retries = 5,
    retry_wait: RetryWait = 1.0,
    timeout: Timeout = 300.0,
    content_type: ContentType = "application/n-triples",
    quiet: Quiet = False,
) -> None:
    """Publish a release to a SPARQL server with the Graph Store Protocol: one PUT per graph.

    Publishing again replaces each graph instead of duplicating it. Credentials come from the
    environment only (KWPLD_ENDPOINT_USER and KWPLD_ENDPOINT_PASSWORD, or KWPLD_ENDPOINT_TOKEN)
    and are never printed. Transient failures are retried; at the end every graph is counted
    on the server and compared with the manifest (exit code 1 when they differ).

    Example:

    \b
        export KWPLD_ENDPOINT_USER=dba KWPLD_ENDPOINT_PASSWORD=secret
        kwpld publish dist/party-cells-2013 --endpoint http://localhost:8890/sparql-graph-crud-auth
    """
    from ..publish.gsp import publish_release

    def log(message: str) -> None:
        if not quiet:
            err_console.print(message, markup=False)

    result = publish_release(
        dist,
        endpoint,
        sparql=sparql,
        auth=str(auth),
        retries=retries,
        backoff=retry_wait,
        timeout=timeout,
        content_type=content_type,
        log=log,
    )
    if not quiet:
        console.print(
            f"published {result.triples} triples in {len(result.graphs)} graphs to {endpoint}; "
            "counts match the manifest"
        )


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The older release folder.")],
    new: Annotated[Path, typer.Argument(help="The newer release folder.")],
    patch: Annotated[
        Path | None,
        typer.Option(
            "--patch",
            "-p",
            help="Write the SPARQL Update that turns OLD into NEW to this file ('-' for stdout).",
        ),
    ] = None,
    chunk: Annotated[
        int,
        typer.Option("--chunk", min=1, help="Triples per DELETE DATA / INSERT DATA operation."),
    ] = 2000,
    output_format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Summary as a table or json."),
    ] = DiffFormat.TABLE,
) -> None:
    """Show the triples added and removed per named graph between two releases.

    With --patch, also write a SPARQL 1.1 Update (DELETE DATA / INSERT DATA, in chunks, one
    operation per ';'-separated block) that turns a store holding OLD into one holding NEW.
    Exit code 0 either way; the summary says whether anything changed.

    Example:

    \b
        kwpld diff releases/2013.1 releases/2013.2 --patch 2013.1-to-2013.2.ru
    """
    from ..publish.diff import diff_releases

    if patch is not None and str(patch) == "-":
        diff_releases(old, new, sys.stdout, chunk=chunk)
        return
    if patch is not None:
        with patch.open("w", encoding="utf-8", newline="\n") as out:
            result = diff_releases(old, new, out, chunk=chunk)
    else:
        result = diff_releases(old, new, chunk=chunk)
    if output_format is DiffFormat.JSON:
        import json

        data = {
            "added": result.added,
            "removed": result.removed,
            "graphs": [vars(g) for g in result.graphs],
            "patch": str(patch) if patch else None,
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    width = max([len(g.graph) for g in result.graphs] + [5])
    console.print(f"{'graph'.ljust(width)}  {'added':>8}  {'removed':>8}", markup=False)
    for g in result.graphs:
        console.print(f"{g.graph.ljust(width)}  {g.added:>8}  {g.removed:>8}", markup=False)
    console.print(f"{'total'.ljust(width)}  {result.added:>8}  {result.removed:>8}", markup=False)
    if not result.changed:
        console.print("the releases hold the same triples in the same graphs", markup=False)
    elif patch is not None:
        console.print(f"wrote the patch to {patch}", markup=False)
