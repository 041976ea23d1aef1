"""``kwpld load``, ``kwpld query``, ``kwpld publish`` and ``kwpld diff``: releases and stores."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import InputError
from ._common import console, err_console


def register(app: typer.Typer) -> None:
    app.command("load")(load_command)
    app.command("query")(query_command)
    app.command("publish")(publish_command)
    app.command("diff")(diff_command)


def load_command(
    dist: Path = typer.Argument(
        ..., help="Release folder written by kwpld build (has manifest.json)."
    ),
    store: Path = typer.Option(
        Path("kwpld-store"),
        "--store",
        "-s",
        help="Folder of the on-disk pyoxigraph store (created if missing).",
    ),
    keep: bool = typer.Option(
        False, "--keep", help="Add to the release's graphs instead of replacing them."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Load a release into an embedded, on-disk pyoxigraph store (no server needed).

    The release's named graphs are replaced, so loading a newer release of the same dataset
    updates the store; the result is checked against the manifest's triple counts.

    **Example:**

        kwpld load dist/party-cells-2013 --store kwpld-store
    """
    from ..publish.store import load_release

    result = load_release(dist, store, replace=not keep)
    if not quiet:
        console.print(
            f"loaded {result.triples} triples in {len(result.graphs)} graphs into {result.store}"
        )


def query_command(
    target: Path = typer.Argument(
        ..., help="A release folder or a store folder made by kwpld load."
    ),
    query: str = typer.Argument(..., help="SPARQL query text, or a .rq file."),
    output: str = typer.Option(
        "table",
        "--format",
        "-f",
        help="Output: table (for people), csv, tsv or json (SPARQL results).",
    ),
) -> None:
    """Run a SPARQL query over a release or a store; the default graph is the union of all graphs.

    SELECT answers print as a table, CSV, TSV or SPARQL JSON; ASK prints true or false;
    CONSTRUCT and DESCRIBE print N-Triples.

    **Example:**

        kwpld query dist/party-cells-2013 examples/queries/meetings.rq --format csv
    """
    from ..publish.store import default_prefixes, open_store, read_query, run_query

    text, source = read_query(query)
    store = open_store(target)
    result = run_query(store, text, source)
    base = None
    manifest = target / "manifest.json"
    if manifest.is_file():
        import json

        base = json.loads(manifest.read_text("utf-8")).get("dataset", {}).get("base_iri")
    sys.stdout.write(result.render(output, default_prefixes(base)))


def publish_command(
    dist: Path = typer.Argument(..., help="Release folder written by kwpld build."),
    endpoint: str = typer.Option(
        ...,
        "--endpoint",
        "-e",
        help="Graph Store Protocol URL, e.g. http://host:8890/sparql-graph-crud-auth.",
    ),
    sparql: str | None = typer.Option(
        None,
        "--sparql",
        help="SPARQL query endpoint for the final count (default: read graphs back).",
    ),
    auth: str = typer.Option(
        "auto",
        "--auth",
        help="HTTP authentication: auto (from the server's challenge), basic or digest.",
    ),
    retries: int = typer.Option(
        5, "--retries", min=0, help="Retries of a request after a transient failure."
    ),
    retry_wait: float = typer.Option(
        1.0, "--retry-wait", min=0.0, help="Seconds before the first retry; doubled each time."
    ),
    timeout: float = typer.Option(
        300.0, "--timeout", min=1.0, help="Seconds to wait for one request."
    ),
    content_type: str = typer.Option(
        "application/n-triples",
        "--content-type",
        help="Media type of the uploads (N-Triples; text/turtle also fits).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Publish a release to a SPARQL server with the Graph Store Protocol: one PUT per graph.

    Publishing again replaces each graph instead of duplicating it. Credentials come from the
    environment only (KWPLD_ENDPOINT_USER and KWPLD_ENDPOINT_PASSWORD, or KWPLD_ENDPOINT_TOKEN)
    and are never printed. Transient failures are retried; at the end every graph is counted
    on the server and compared with the manifest (exit code 1 when they differ).

    **Example:**

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
        auth=auth,
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


def diff_command(
    old: Path = typer.Argument(..., help="The older release folder."),
    new: Path = typer.Argument(..., help="The newer release folder."),
    patch: Path | None = typer.Option(
        None,
        "--patch",
        "-p",
        help="Write the SPARQL Update that turns OLD into NEW to this file ('-' for stdout).",
    ),
    chunk: int = typer.Option(
        2000, "--chunk", min=1, help="Triples per DELETE DATA / INSERT DATA operation."
    ),
    output: str = typer.Option("table", "--format", "-f", help="Summary as a table or as json."),
) -> None:
    """Show the triples added and removed per named graph between two releases.

    With --patch, also write a SPARQL 1.1 Update (DELETE DATA / INSERT DATA, in chunks, one
    operation per ';'-separated block) that turns a store holding OLD into one holding NEW.
    Exit code 0 either way; the summary says whether anything changed.

    **Example:**

        kwpld diff releases/2013.1 releases/2013.2 --patch 2013.1-to-2013.2.ru
    """
    from ..publish.diff import diff_releases

    if output not in ("table", "json"):
        raise InputError(f"unknown summary format {output!r}; use table or json")
    if patch is not None and str(patch) == "-":
        result = diff_releases(old, new, sys.stdout, chunk=chunk)
        return
    if patch is not None:
        with patch.open("w", encoding="utf-8", newline="\n") as out:
            result = diff_releases(old, new, out, chunk=chunk)
    else:
        result = diff_releases(old, new, chunk=chunk)
    if output == "json":
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
