"""``kwpld ingest``, ``kwpld review``, ``kwpld accept`` and ``kwpld reject``: articles in, drafts
reviewed, records out."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..model import KINDS
from ._common import TextOrJson, choices, command_app, console, deprecated, err_console

app = command_app()

if TYPE_CHECKING:
    from ..ingest.pipeline import IngestResult

    Kind = str
    ReviewKind = str
    Status = str
else:
    Kind = choices("Kind", (*KINDS, "participation"))
    ReviewKind = choices("ReviewKind", (*KINDS, "participation", "fact"))
    Status = choices("Status", ("pending", "accepted", "rejected"))


class InputFormat(StrEnum):
    """How kwpld ingest reads its inputs when the file extension should not decide."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


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
_INPUT_FORMAT_HELP = "Read inputs as text, markdown or html (default: by file extension)."
_FORMAT_HELP = "Report as text (for people) or json."
_DATA_DIR_HELP = "Data folder that kwpld ingest wrote into."


@app.command("ingest")
def ingest_command(
    into: Annotated[Path, typer.Option("--into", "-i", help=_INTO_HELP)],
    files: Annotated[list[Path] | None, typer.Argument(metavar="FILE", help=_FILES_HELP)] = None,
    url: Annotated[list[str] | None, typer.Option("--url", metavar="URL", help=_URL_HELP)] = None,
    article_id: Annotated[str | None, typer.Option("--id", help=_ID_HELP)] = None,
    article_type: Annotated[str | None, typer.Option("--type", "-t", help=_TYPE_HELP)] = None,
    date: Annotated[str | None, typer.Option("--date", help=_DATE_HELP)] = None,
    author: Annotated[
        list[str] | None, typer.Option("--author", metavar="NAME", help=_AUTHOR_HELP)
    ] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help=_PUBLISHER_HELP)] = None,
    language: Annotated[str | None, typer.Option("--language", help=_LANGUAGE_HELP)] = None,
    source_url: Annotated[str | None, typer.Option("--source-url", help=_SOURCE_URL_HELP)] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--input-format", case_sensitive=False, help=_INPUT_FORMAT_HELP),
    ] = None,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", "-f", case_sensitive=False, help=_FORMAT_HELP)
    ] = TextOrJson.TEXT,
    old_output_format: Annotated[
        TextOrJson | None,
        typer.Option("--output", "-o", hidden=True, case_sensitive=False, help="Deprecated."),
    ] = None,
) -> None:
    """Read articles and propose what they say: an article record, drafts, annotations.

    For each article, writes to DATA_DIR/articles/: the article record (ID.yaml, referring
    only to existing records), the drafts of new people, organs, events and documents with
    their supporting sentences (ID.review.yaml, which the loader skips), the text (ID.txt) and
    W3C Web Annotations of every mention and date (ID.annotations.jsonld). Nothing becomes a
    record until accepted with kwpld accept.

    Earlier versions chose the report format with --output/-o and the input format with
    --format/-f; --output and -o still choose the report format, with a warning.

    Example:

    \b
        kwpld ingest examples/texts/nklw-2013-01-party-cell-secretaries.txt --into data -t analysis
    """
    from ..ingest.pipeline import IngestOptions, ingest

    if old_output_format is not None:
        deprecated("--output/-o for the report format", "--format/-f")
        output_format = old_output_format
    options = IngestOptions(
        article_id=article_id,
        article_type=article_type,
        date=date,
        authors=tuple(author or ()),
        publisher=publisher,
        language=language,
        url=source_url,
        input_format=str(input_format) if input_format else None,
    )
    result = ingest(list(files or []), into, options=options, urls=list(url or []))
    if output_format is TextOrJson.JSON:
        data = {"articles": [a.to_dict() for a in result.articles]}
        console.print(json.dumps(data, ensure_ascii=False, indent=2), markup=False)
    else:
        _print_ingested(result)


def _print_ingested(result: IngestResult) -> None:
    """The report of ``kwpld ingest`` for people: per article, what was read and drafted."""
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


@app.command("review")
def review_command(
    data_dir: Annotated[Path, typer.Argument(help=_DATA_DIR_HELP)],
    show_all: Annotated[
        bool, typer.Option("--all", "-a", help="Also list accepted and rejected drafts.")
    ] = False,
    kind: Annotated[
        list[ReviewKind] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only drafts of this kind; fact is memberships and participations. Repeatable.",
        ),
    ] = None,
    status: Annotated[
        list[Status] | None,
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
        TextOrJson, typer.Option("--format", "-f", case_sensitive=False, help=_FORMAT_HELP)
    ] = TextOrJson.TEXT,
) -> None:
    """List the drafts waiting for review, with why each was proposed and its evidence.

    Article by article: the drafts of people, organs, posts and events, and the facts
    (memberships, participations), each with its evidence sentence and the spans it used
    highlighted; who each person is when they share a name with others; and the problems
    ingest noted (contradictory dates, ambiguous names).

    On a terminal the spans are in colour; in a pipe or a file they are written [words|role].

    Example:

    \b
        kwpld review data --kind fact --article kcna-2019-12-31
    """
    from ..review.listing import STATUSES, review_listing

    statuses = STATUSES if show_all else tuple(str(s) for s in status or ("pending",))
    kinds = [str(k) for k in kind] if kind else None
    listing = review_listing(data_dir, kinds=kinds, statuses=statuses, articles=article)
    if output_format is TextOrJson.JSON:
        console.print(
            json.dumps(listing.to_dict(), ensure_ascii=False, indent=2),
            markup=False,
            highlight=False,
        )
        return
    markup = console.is_terminal
    console.print(listing.render(markup=markup), markup=markup, highlight=False)


@app.command("accept")
def accept_command(
    data_dir: Annotated[Path, typer.Argument(help=_DATA_DIR_HELP)],
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="ID", help="Ids of the drafts to accept.")
    ] = None,
    every: Annotated[bool, typer.Option("--all", "-a", help="Accept every pending draft.")] = False,
    kind: Annotated[
        list[Kind] | None, typer.Option("--kind", "-k", help="Only drafts of this kind.")
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

    Example:

    \b
        kwpld accept data kim-jong-su rodong-sinmun --with-dependencies
    """
    from ..review import accept

    result = accept(
        data_dir, list(ids or []), every=every, kinds=tuple(str(k) for k in kind) if kind else None,
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


@app.command("reject")
def reject_command(
    data_dir: Annotated[Path, typer.Argument(help=_DATA_DIR_HELP)],
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="ID", help="Ids of the drafts to reject.")
    ] = None,
    every: Annotated[bool, typer.Option("--all", "-a", help="Reject every pending draft.")] = False,
) -> None:
    """Reject drafts: they stay in the review file, marked, and are not proposed again.

    Example:

    \b
        kwpld reject data dprk-state-media-2013-01-18
    """
    from ..review import reject

    rejected = reject(data_dir, list(ids or []), every=every)
    console.print(f"rejected {len(rejected)} draft(s)", highlight=False)
