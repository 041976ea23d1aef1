"""``kwpld serve``: one local server with a SPARQL endpoint, the live site and the workbench."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ._common import command_app, console

app = command_app()


Target = Annotated[
    Path, typer.Argument(help="A data folder (kwpld.yaml) or a release folder (kwpld build).")
]
Host = Annotated[
    str,
    typer.Option(
        "--host",
        help="Address to listen on; only this machine's (loopback) without --allow-remote.",
    ),
]
Port = Annotated[int, typer.Option("--port", "-p", help="Port to listen on (0: any free port).")]
AllowRemote = Annotated[
    bool,
    typer.Option(
        "--allow-remote",
        help="Allow an address other machines can reach; every request then needs the "
        "access token.",
    ),
]
Token = Annotated[
    str | None,
    typer.Option(
        "--token",
        metavar="TOKEN",
        help="The access token (default: from KWPLD_SERVE_TOKEN, else made at random "
        "with --allow-remote, else none).",
        show_default=False,
    ),
]
AllowHost = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-host",
        metavar="NAME",
        help="A host name to answer for besides 127.0.0.1 and localhost, such as the "
        "name a reverse proxy forwards (repeatable).",
    ),
]
Timeout = Annotated[float, typer.Option("--timeout", help="Seconds a SPARQL query may run.")]
MaxSize = Annotated[
    str,
    typer.Option(
        "--max-size", metavar="SIZE", help="The largest SPARQL answer, serialized (100MB, 2GB)."
    ),
]
Cors = Annotated[
    bool,
    typer.Option(
        "--cors/--no-cors",
        help="Let web pages of any origin query /sparql (YASGUI and other browser tools).",
    ),
]
Reviewer = Annotated[
    str | None, typer.Option("--reviewer", help="Your name, written with the decisions you take.")
]
ServeBaseIri = Annotated[
    str | None,
    typer.Option("--base-iri", help="Base IRI of the data (default: the dataset's own)."),
]


@app.command("serve")
def serve_command(
    path: Target,
    host: Host = "127.0.0.1",
    port: Port = 7878,
    allow_remote: AllowRemote = False,
    token: Token = None,
    allow_host: AllowHost = None,
    timeout: Timeout = 30.0,
    max_size: MaxSize = "100MB",
    cors: Cors = True,
    reviewer: Reviewer = None,
    base_iri: ServeBaseIri = None,
) -> None:
    """Serve a data folder or a release: SPARQL endpoint, live site and review workbench.

    One local server: /sparql answers SPARQL 1.1 Protocol queries (read-only; JSON, XML,
    CSV, TSV, Turtle, N-Triples, JSON-LD; open to browser tools such as YASGUI), / is the
    browse site rendered live, with each entity's IRI answered as HTML, Turtle or JSON-LD by
    the Accept header, and /review is the workbench of a data folder: articles with their
    mentions, drafts with their evidence, Wikidata candidates, and accept, reject and merge.
    It listens on this machine only unless --allow-remote; Ctrl-C stops it.

    Example (then open http://127.0.0.1:7878/ in a browser):

    \b
        kwpld serve examples/party-cells-2013
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * {?s ?p ?o} LIMIT 3' \\
            http://127.0.0.1:7878/sparql
    """
    from ..publish.lines import parse_size
    from ..serve import ServeOptions, serve

    options = ServeOptions(
        host=host,
        port=port,
        allow_remote=allow_remote,
        token=token or os.environ.get("KWPLD_SERVE_TOKEN") or None,
        allow_hosts=tuple(allow_host or ()),
        timeout=timeout,
        max_size=parse_size(max_size),
        cors=cors,
        reviewer=reviewer,
        base_iri=base_iri,
    )
    result = serve(path, options, announce=lambda line: console.print(line, markup=False))
    console.print(f"kwpld serve: stopped ({result.stopped_by})", markup=False)
