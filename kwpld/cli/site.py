"""``kwpld site``: a static browse site of a release."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import console, human_size


def register(app: typer.Typer) -> None:
    app.command("site")(site_command)


def site_command(
    dist: Path = typer.Argument(
        ..., help="A release folder (kwpld build), a data folder (kwpld.yaml) or a store."
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Site folder to write; replaced as a whole, atomically."
    ),
    title: str | None = typer.Option(
        None, "--title", help="Site title (default: the dataset's title)."
    ),
    charts: bool = typer.Option(
        True,
        "--charts/--no-charts",
        help="Draw and embed the charts (composition, timeline, structure).",
    ),
    base_iri: str | None = typer.Option(
        None, "--base-iri", help="Base IRI of the data (default: the release's own)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
) -> None:
    """Write a static browse site: a page per person, organ, post, event and source.

    Each page shows the entity's names in every script with their spelling systems, its
    facts with the sources that state them, its memberships and claims, its Wikidata links
    and its charts; its own RDF sits beside it as Turtle and JSON-LD, named for content
    negotiation (.htaccess and server/nginx.conf set it up). The index has the organization
    chart and a search by name in any spelling that runs in the browser. Plain HTML, CSS and
    JavaScript: no CDN, no network when viewing; the same release gives the same files.

    **Example:**

        kwpld site dist/party-cells-2013 --out site

        python -m http.server --directory site 8000
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
