"""``kwpld site``: a static browse site of a release."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import Quiet, command_app, console, human_size

app = command_app()


@app.command("site")
def site_command(
    dist: Annotated[
        Path,
        typer.Argument(
            help="A release folder (kwpld build), a data folder (kwpld.yaml) or a store."
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Site folder to write; replaced as a whole, atomically."),
    ],
    title: Annotated[
        str | None, typer.Option("--title", help="Site title (default: the dataset's title).")
    ] = None,
    charts: Annotated[
        bool,
        typer.Option(
            "--charts/--no-charts",
            help="Draw and embed the charts (composition, timeline, structure).",
        ),
    ] = True,
    base_iri: Annotated[
        str | None,
        typer.Option("--base-iri", help="Base IRI of the data (default: the release's own)."),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Write a static browse site: a page per person, organ, post, event and source.

    Each page shows the entity's names in every script with their spelling systems, its
    facts with the sources that state them, its memberships and claims, its Wikidata links
    and its charts; its own RDF sits beside it as Turtle and JSON-LD, named for content
    negotiation (.htaccess and server/nginx.conf set it up). The index has the organization
    chart and a search by name in any spelling that runs in the browser. Plain HTML, CSS and
    JavaScript: no CDN, no network when viewing; the same release gives the same files.

    Example (the second line serves it on this machine only, at http://127.0.0.1:8000/):

    \b
        kwpld site dist/party-cells-2013 --out site
        python -m http.server --bind 127.0.0.1 --directory site 8000
    """
    from ..site import build_site

    result = build_site(dist, out, base_iri=base_iri, title=title, charts=charts)
    if quiet:
        return
    pages = ", ".join(f"{n} {kind}" for kind, n in sorted(result.pages.items()))
    console.print(
        f"wrote {sum(result.pages.values())} pages ({pages}), {result.charts} charts: "
        f"{result.files} files, {human_size(result.bytes)} in {result.out}",
        markup=False,
    )
    if result.skipped:
        console.print(
            f"{result.skipped} entities have IRIs outside the base IRI and got no page",
            markup=False,
        )
