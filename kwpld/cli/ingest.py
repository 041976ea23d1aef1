"""``kwpld ingest``, ``kwpld review``, ``kwpld accept`` and ``kwpld reject``: articles in, drafts
reviewed, records out."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..ingest.pipeline import IngestOptions, ingest
from ..ingest.review import accept, list_drafts, reject
from ._common import console, err_console

_KINDS = ("person", "organ", "post", "membership", "event", "article")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("review")(review_command)
    app.command("accept")(accept_command)
    app.command("reject")(reject_command)


def ingest_command(
    files: list[Path] = typer.Argument(None, help="Article files: .txt, .md (YAML front matter), .html."),
    into: Path = typer.Option(..., "--into", "-i", help="Data folder to write into (created if missing)."),
    url: list[str] = typer.Option(None, "--url", help="Fetch an article from this URL (repeatable)."),
    article_id: str | None = typer.Option(None, "--id", help="Record id of the article (one input only; default: the file name)."),
    article_type: str | None = typer.Option(None, "--type", "-t", help="Article type: news, analysis, report, essay, ... (default: news)."),
    date: str | None = typer.Option(None, "--date", help="Publication date (2013-01-27, January 2013); default: inferred from the text."),
    author: list[str] = typer.Option(None, "--author", help="Author, by record id or name (repeatable)."),
    publisher: str | None = typer.Option(None, "--publisher", help="Publisher, by record id or name."),
    language: str | None = typer.Option(None, "--language", help="Language tag of the text (default: guessed, en or ko)."),
    source_url: str | None = typer.Option(None, "--source-url", help="URL where the article was published."),
    input_format: str | None = typer.Option(None, "--format", "-f", help="Read inputs as text, markdown or html (default: by extension)."),
    output_format: str = typer.Option("text", "--output", "-o", help="Report as text (for people) or json."),
) -> None:
    """Read articles and propose what they say: an article record, drafts, annotations.

    For each article, writes to DATA_DIR/articles/: the article record (ID.yaml, referring
    only to existing records), the drafts of new people, organs, events and documents with
    their supporting sentences (ID.review.yaml, which the loader skips), the text (ID.txt) and
    W3C Web Annotations of every mention and date (ID.annotations.jsonld). Nothing becomes a
    record until accepted with kwpld accept.

    **Example:**

        kwpld ingest examples/texts/nklw-2013-01-party-cell-secretaries.txt --into data --type analysis
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
            f"  {article.mentions} mentions ({article.known_mentions} of records), {article.dates} dates"
            f" ({article.date_problems} with problems), {article.quotes} quotations, {article.images} images",
            highlight=False,
        )
        console.print(f"  drafts to review: {drafts}", highlight=False)
        for note in article.notes:
            console.print(f"  note: {note}", highlight=False, markup=False)
    if result.drafts:
        console.print(f"next: kwpld review {result.data_dir}", highlight=False, markup=False)


def review_command(
    data_dir: Path = typer.Argument(..., help="Data folder that kwpld ingest wrote into."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Also list accepted and rejected drafts."),
    kind: list[str] = typer.Option(None, "--kind", "-k", help="Only drafts of this kind (person, organ, ...)."),
    output_format: str = typer.Option("text", "--format", "-f", help="text (for people) or json."),
) -> None:
    """List the drafts waiting for review, with why each was proposed and its evidence.

    **Example:**

        kwpld review data --kind person
    """
    statuses = ("pending", "accepted", "rejected") if show_all else ("pending",)
    items = list_drafts(data_dir, statuses=statuses)
    if kind:
        _check_kinds(kind)
        items = [i for i in items if i.kind in kind]
    if output_format == "json":
        console.print(json.dumps({"drafts": [i.to_dict() for i in items]}, ensure_ascii=False, indent=2), markup=False)
        return
    if not items:
        console.print("no drafts to review", highlight=False)
        return
    article = None
    for item in items:
        if item.article != article:
            article = item.article
            console.print(f"[bold]{item.review}[/bold]", highlight=False)
        status = f" [{item.status}]" if show_all else ""
        console.print(f"  {item.kind:<10} {item.id}{status}  {item.label}", highlight=False, markup=False)
        if item.why:
            console.print(f"             why: {'; '.join(item.why[:3])}", highlight=False, markup=False)
        for snippet in item.evidence[:2]:
            console.print(f"             “{snippet}”", highlight=False, markup=False)
        if item.needs:
            console.print(f"             needs: {', '.join(item.needs)}", highlight=False, markup=False)
    console.print(
        f"{len(items)} draft(s). Accept: kwpld accept {data_dir} ID... (or --all); reject: kwpld reject {data_dir} ID...",
        highlight=False,
        markup=False,
    )


def accept_command(
    data_dir: Path = typer.Argument(..., help="Data folder that kwpld ingest wrote into."),
    ids: list[str] = typer.Argument(None, help="Ids of the drafts to accept."),
    every: bool = typer.Option(False, "--all", "-a", help="Accept every pending draft."),
    kind: list[str] = typer.Option(None, "--kind", "-k", help="Only drafts of this kind (with --all)."),
    with_dependencies: bool = typer.Option(
        False, "--with-dependencies", "-d", help="Also accept the drafts the chosen ones refer to."
    ),
    to: Path | None = typer.Option(
        None, "--to", help="Record file to append to, relative to DATA_DIR (default: people.yaml, organs.yaml, ...)."
    ),
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
    data_dir: Path = typer.Argument(..., help="Data folder that kwpld ingest wrote into."),
    ids: list[str] = typer.Argument(None, help="Ids of the drafts to reject."),
    every: bool = typer.Option(False, "--all", "-a", help="Reject every pending draft."),
) -> None:
    """Reject drafts: they stay in the review file, marked, and are not proposed again.

    **Example:**

        kwpld reject data dprk-state-media-2013-01-18
    """
    rejected = reject(data_dir, list(ids or []), every=every)
    console.print(f"rejected {len(rejected)} draft(s)", highlight=False)


def _check_kinds(kinds: list[str]) -> None:
    for kind in kinds:
        if kind not in _KINDS:
            raise typer.BadParameter(f"'{kind}' is not a kind; use {', '.join(_KINDS)}", param_hint="--kind")
