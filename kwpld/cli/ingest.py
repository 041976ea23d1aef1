"""``kwpld ingest``, ``kwpld review``, ``kwpld accept`` and ``kwpld reject``: articles in, drafts
reviewed, records out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..ingest.listing import STATUSES, review_listing
from ..ingest.pipeline import IngestOptions, ingest
from ..ingest.review import DRAFT_KINDS, accept, reject
from ._common import console, err_console

_FILES_HELP = "Article files: .txt, .md (YAML front matter), .html."
_INTO_HELP = "Data folder to write into (created if missing)."
_URL_HELP = "Fetch an article from this URL (repeatable); needs the network."
_ID_HELP = "Record id of the article (one input only; default: the file name)."
_TYPE_HELP = "Article type: news, analysis, report, essay, editorial, address, statement."
_DATE_HELP = "Publication date (2013-01-27, 'January 2013'); default: inferred from the text."
_AUTHOR_HELP = "Author, by record id or name (repeatable)."
_PUBLISHER_HELP = "Publisher, by record id or name."
_LANGUAGE_HELP = "Language tag of the text (default: guessed, en or ko)."
_SOURCE_URL_HELP = "URL where the article was published (recorded as its url)."
_FORMAT_HELP = "Read inputs as text, markdown or html (default: by file extension)."
_OUTPUT_HELP = "Report as text (for people) or json."
_DATA_DIR_HELP = "Data folder that kwpld ingest wrote into."


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("review")(review_command)
    app.command("accept")(accept_command)
    app.command("reject")(reject_command)


def ingest_command(
    into: Annotated[Path, typer.Option("--into", "-i", help=_INTO_HELP)],
    files: Annotated[list[Path] | None, typer.Argument(help=_FILES_HELP)] = None,
    url: Annotated[list[str] | None, typer.Option("--url", help=_URL_HELP)] = None,
    article_id: Annotated[str | None, typer.Option("--id", help=_ID_HELP)] = None,
    article_type: Annotated[str | None, typer.Option("--type", "-t", help=_TYPE_HELP)] = None,
    date: Annotated[str | None, typer.Option("--date", help=_DATE_HELP)] = None,
    author: Annotated[list[str] | None, typer.Option("--author", help=_AUTHOR_HELP)] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help=_PUBLISHER_HELP)] = None,
    language: Annotated[str | None, typer.Option("--language", help=_LANGUAGE_HELP)] = None,
    source_url: Annotated[str | None, typer.Option("--source-url", help=_SOURCE_URL_HELP)] = None,
    input_format: Annotated[str | None, typer.Option("--format", "-f", help=_FORMAT_HELP)] = None,
    output_format: Annotated[str, typer.Option("--output", "-o", help=_OUTPUT_HELP)] = "text",
) -> None:
    """Read articles and propose what they say: an article record, drafts, annotations.

    For each article, writes to DATA_DIR/articles/: the article record (ID.yaml, referring
    only to existing records), the drafts of new people, organs, events and documents with
    their supporting sentences (ID.review.yaml, which the loader skips), the text (ID.txt) and
    W3C Web Annotations of every mention and date (ID.annotations.jsonld). Nothing becomes a
    record until accepted with kwpld accept.

    **Example:**

        kwpld ingest examples/texts/nklw-2013-01-party-cell-secretaries.txt --into data -t analysis
    """
    options = IngestOptions(
        article_id=article_id,
        article_type=article_type,
        date=date,
        authors=tuple(author or ()),
        publisher=publisher,
        language=language,
        url=source_url,
        input_format=input_format,
    )
    result = ingest(list(files or []), into, options=options, urls=list(url or []))
    if output_format == "json":
        data = [
            {
                "id": a.id,
                "input": a.input,
                "title": a.title,
                "mentions": a.mentions,
                "mentions_of_records": a.known_mentions,
                "dates": a.dates,
                "date_problems": a.date_problems,
                "quotes": a.quotes,
                "images": a.images,
                "drafts": a.drafts,
                "files": {k: str(v) for k, v in a.files.items()},
                "notes": a.notes,
            }
            for a in result.articles
        ]
        console.print(json.dumps({"articles": data}, ensure_ascii=False, indent=2), markup=False)
        return
    for article in result.articles:
        console.print(f"[bold]{article.id}[/bold]  {article.title}", highlight=False)
        drafts = ", ".join(f"{n} {k}" for k, n in sorted(article.drafts.items())) or "none"
        console.print(
            f"  {article.mentions} mentions ({article.known_mentions} of records),"
            f" {article.dates} dates ({article.date_problems} with problems),"
            f" {article.quotes} quotations, {article.images} images",
            highlight=False,
        )
        console.print(f"  drafts to review: {drafts}", highlight=False)
        for note in article.notes:
            console.print(f"  note: {note}", highlight=False, markup=False)
    if result.drafts:
        console.print(f"next: kwpld review {result.data_dir}", highlight=False, markup=False)


def review_command(
    data_dir: Annotated[Path, typer.Argument(help=_DATA_DIR_HELP)],
    show_all: Annotated[
        bool, typer.Option("--all", "-a", help="Also list accepted and rejected drafts.")
    ] = False,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only drafts of this kind: person, organ, post, event, article, membership, "
            "participation, or fact (memberships and participations). Repeatable.",
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="Only drafts with this status: pending (default), accepted, rejected. Repeatable.",
        ),
    ] = None,
    article: Annotated[
        list[str] | None,
        typer.Option("--article", help="Only this article's drafts (its id). Repeatable."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text (for people) or json.")
    ] = "text",
) -> None:
    """Show what ingest proposes, article by article: the drafts of people, organs, posts and
    events, and the facts (memberships, participations), each with why it was proposed and its
    evidence sentence with the spans it used highlighted; who each person is when they share a
    name with others; and the problems ingest noted (contradictory dates, ambiguous names).

    On a terminal the spans are in colour; in a pipe or a file they are written [words|role].

    **Example:**

        kwpld review data --kind fact --article kcna-2019-12-31
    """
    if output_format not in ("text", "json"):
        raise typer.BadParameter("use text or json", param_hint="--format")
    statuses = STATUSES if show_all else tuple(status or ("pending",))
    listing = review_listing(data_dir, kinds=kind, statuses=statuses, articles=article)
    if output_format == "json":
        console.print(
            json.dumps(listing.to_dict(), ensure_ascii=False, indent=2),
            markup=False,
            highlight=False,
        )
        return
    markup = console.is_terminal
    console.print(listing.render(markup=markup), markup=markup, highlight=False)


def accept_command(
    data_dir: Annotated[Path, typer.Argument(help=_DATA_DIR_HELP)],
    ids: Annotated[list[str] | None, typer.Argument(help="Ids of the drafts to accept.")] = None,
    every: Annotated[bool, typer.Option("--all", "-a", help="Accept every pending draft.")] = False,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", "-k", help="Only drafts of this kind.")
    ] = None,
    with_dependencies: Annotated[
        bool,
        typer.Option(
            "--with-dependencies", "-d", help="Also accept the drafts the chosen ones refer to."
        ),
    ] = False,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to", help="Record file to append to, relative to DATA_DIR (default: one per kind)."
        ),
    ] = None,
) -> None:
    """Make drafts records: append them to the record files and update the articles.

    The data folder must still load afterwards, or nothing is changed.

    **Example:**

        kwpld accept data kim-jong-su rodong-sinmun --with-dependencies
    """
    if kind:
        _check_kinds(kind)
    result = accept(
        data_dir, list(ids or []), every=every, kinds=tuple(kind) if kind else None,
        with_dependencies=with_dependencies, to=to,
    )  # fmt: skip
    counts: dict[str, int] = {}
    for record_kind, _ in result.accepted:
        counts[record_kind] = counts.get(record_kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing"
    console.print(f"accepted {summary}", highlight=False)
    for path in result.files:
        console.print(f"  wrote {path}", highlight=False, markup=False)
    for message in [*result.dropped, *result.skipped]:
        err_console.print(f"note: {message}", markup=False, highlight=False)


def reject_command(
    data_dir: Annotated[Path, typer.Argument(help=_DATA_DIR_HELP)],
    ids: Annotated[list[str] | None, typer.Argument(help="Ids of the drafts to reject.")] = None,
    every: Annotated[bool, typer.Option("--all", "-a", help="Reject every pending draft.")] = False,
) -> None:
    """Reject drafts: they stay in the review file, marked, and are not proposed again.

    **Example:**

        kwpld reject data dprk-state-media-2013-01-18
    """
    rejected = reject(data_dir, list(ids or []), every=every)
    console.print(f"rejected {len(rejected)} draft(s)", highlight=False)


def _check_kinds(kinds: list[str]) -> None:
    for kind in kinds:
        if kind not in DRAFT_KINDS:
            raise typer.BadParameter(
                f"'{kind}' is not a kind; use {', '.join(DRAFT_KINDS)}", param_hint="--kind"
            )
