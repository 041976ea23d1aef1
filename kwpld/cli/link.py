"""``kwpld link`` and ``kwpld export quickstatements``: Wikidata links with a review step."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..link.client import WDQS_ENDPOINT
from ..link.review import LINKABLE
from ._common import TextOrJson, command_app, console, err_console

if TYPE_CHECKING:
    from ..dates import PartialDate
    from ..link.client import ClientSettings
    from ..link.run import LinkOptions, LinkReport

app = command_app()
export_app = command_app(
    help="""Export what kwpld holds for other tools (QuickStatements for Wikidata).

Example:

\b
    kwpld export quickstatements my-data --out my-data.qs.tsv
""",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


# Options shared by the commands that talk to the endpoint.
Endpoint = Annotated[
    str,
    typer.Option(
        "--endpoint",
        envvar="KWPLD_ENDPOINT",
        help="SPARQL endpoint holding Wikidata-format data (WDQS, a mirror, QLever).",
    ),
]
Contact = Annotated[
    str | None,
    typer.Option(
        "--contact",
        envvar="KWPLD_CONTACT",
        help="Your e-mail or URL, added to the User-Agent so the endpoint's operators can reach "
        "you.",
    ),
]
UserAgent = Annotated[
    str | None,
    typer.Option(
        "--user-agent", envvar="KWPLD_USER_AGENT", help="Replace the whole User-Agent header."
    ),
]
CacheDir = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="Where answers are cached (default: DATA_DIR/.kwpld-cache)."),
]
Offline = Annotated[
    bool, typer.Option("--offline", help="Answer from the cache only; make no request at all.")
]
Refresh = Annotated[
    bool, typer.Option("--refresh", help="Ask the endpoint again even for cached answers.")
]
Timeout = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for an answer (WDQS stops at 60).")
]
Interval = Annotated[
    float,
    typer.Option("--interval", help="Seconds between the starts of two requests (rate limit)."),
]
Retries = Annotated[
    int,
    typer.Option("--retries", help="Further attempts after a 5xx, 429, timeout or broken answer."),
]
Backoff = Annotated[
    float,
    typer.Option("--backoff", help="Seconds before the first retry; doubled for each further one."),
]
RecordsDir = Annotated[Path, typer.Argument(help="Folder of record files (YAML, CSV).")]

# The options of kwpld link alone.
AutoAccept = Annotated[
    float | None,
    typer.Option(
        "--auto-accept",
        metavar="THRESHOLD",
        help="Accept clear winners scoring at least THRESHOLD (0-1, e.g. 0.9) without review.",
    ),
]
Margin = Annotated[
    float,
    typer.Option("--margin", help="How far a clear winner must lead the runner-up's score."),
]
Reviewer = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        envvar="KWPLD_REVIEWER",
        help="Who decides: recorded with every link this run writes.",
    ),
]
DecisionDate = Annotated[
    str | None,
    typer.Option(
        "--date", help="Date recorded with the decisions (default: today, or SOURCE_DATE_EPOCH)."
    ),
]
Kinds = Annotated[str, typer.Option("--kinds", help="Kinds of record to link, comma-separated.")]
ALL_KINDS = ",".join(LINKABLE)
Only = Annotated[
    list[str] | None,
    typer.Option("--only", metavar="ID", help="Link only this record (repeatable)."),
]
Review = Annotated[
    Path | None,
    typer.Option("--review", help="Review file (default: DATA_DIR/wikidata.review.csv)."),
]
Candidates = Annotated[
    int, typer.Option("--candidates", help="Candidates per record in the review file.")
]
ApplyOnly = Annotated[
    bool,
    typer.Option("--apply-only", help="Record the review file's decisions and stop (no request)."),
]
Format = Annotated[
    TextOrJson,
    typer.Option(
        "--format", "-f", case_sensitive=False, help="Report as text (for people) or json (for CI)."
    ),
]
LinkQuiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but problems.")]


def _settings(
    data_dir: Path,
    endpoint: str,
    contact: str | None,
    user_agent: str | None,
    cache_dir: Path | None,
    offline: bool,
    refresh: bool,
    timeout: float,
    interval: float,
    retries: int,
    backoff: float,
) -> ClientSettings:
    from ..errors import InputError
    from ..link.client import ClientSettings

    if timeout <= 0 or interval < 0 or retries < 0 or backoff < 0:
        raise InputError("--timeout must be positive; --interval, --retries, --backoff at least 0")
    return ClientSettings(
        endpoint=endpoint,
        contact=contact,
        user_agent=user_agent,
        cache_dir=cache_dir or data_dir / ".kwpld-cache",
        offline=offline,
        refresh=refresh,
        timeout=timeout,
        min_interval=interval,
        retries=retries,
        backoff=backoff,
    )


def _decision_date(text: str | None) -> PartialDate:
    import datetime as _dt
    import os

    from ..dates import DateError, PartialDate, parse_date
    from ..errors import InputError

    if text:
        try:
            return parse_date(text)
        except DateError as exc:
            raise InputError(f"--date {text}: {exc}") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        day = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    else:
        day = _dt.date.today()
    return PartialDate(day.year, day.month, day.day)


@app.command("link")
def link_command(
    data_dir: RecordsDir,
    endpoint: Endpoint = WDQS_ENDPOINT,
    auto_accept: AutoAccept = None,
    margin: Margin = 0.15,
    reviewer: Reviewer = None,
    date: DecisionDate = None,
    kinds: Kinds = ALL_KINDS,
    only: Only = None,
    review: Review = None,
    candidates: Candidates = 5,
    apply_only: ApplyOnly = False,
    contact: Contact = None,
    user_agent: UserAgent = None,
    cache_dir: CacheDir = None,
    offline: Offline = False,
    refresh: Refresh = False,
    timeout: Timeout = 65.0,
    interval: Interval = 1.0,
    retries: Retries = 4,
    backoff: Backoff = 2.0,
    output_format: Format = TextOrJson.TEXT,
    quiet: LinkQuiet = False,
) -> None:
    """Find Wikidata items for people, organs, events and publications, with a review step.

    First records the decisions written in the review file (accept or reject in its decision
    column) in wikidata-links.yaml, with who and when. Then searches the endpoint for every
    record without a link, scores each candidate with its reasons, accepts clear winners when
    asked (--auto-accept) and writes the rest, ranked, to the review file. QIDs the records
    already carry are checked against the endpoint. Answers are cached: a second run makes no
    requests. Exit codes: 0 done, 1 some QID does not fit its record, 2 bad input, 3 the
    endpoint failed (nothing accepted is lost; run again).

    Writes into DATA_DIR: wikidata.review.csv, wikidata-links.yaml and the cache. Examples:
    a copy of the example against a local endpoint (python tests/wikidata_endpoint.py
    --port 7001 in a source checkout); your own data against the Wikidata Query Service:

    \b
        cp -r examples/party-cells-2013 dist/linked
        kwpld link dist/linked --endpoint http://127.0.0.1:7001/sparql --auto-accept 0.9
        kwpld link my-data --auto-accept 0.9 --reviewer "A. Scholar" --contact me@example.org
    """
    from ..errors import ProblemReport
    from ..link.run import LinkOptions, link

    wanted = tuple(k.strip() for k in kinds.split(",") if k.strip())
    settings = _settings(
        data_dir,
        endpoint,
        contact,
        user_agent,
        cache_dir,
        offline,
        refresh,
        timeout,
        interval,
        retries,
        backoff,
    )
    options = LinkOptions(
        auto_accept=auto_accept,
        margin=margin,
        reviewer=reviewer,
        date=_decision_date(date),
        kinds=wanted,
        only=tuple(only or ()),
        review_file=review,
        candidates=candidates,
        apply_only=apply_only,
    )
    report = link(data_dir, settings, options)
    if output_format is TextOrJson.JSON:
        console.print(report.to_json(), markup=False, soft_wrap=True)
    elif not quiet:
        _print_report(report, options)
    if report.mismatches:
        err_console.print(ProblemReport(report.mismatches).render_text(), markup=False)
        raise typer.Exit(1)


def _print_report(report: LinkReport, options: LinkOptions) -> None:
    say = console.print
    if report.applied or report.already_applied:
        accepted = sum(1 for k in report.applied if k.accepted)
        say(
            f"Recorded {len(report.applied)} decisions from {report.review_file.name} "
            f"({accepted} accepted, {len(report.applied) - accepted} rejected) in "
            f"{report.links_file.name}"
            + (
                f"; {report.already_applied} were already recorded"
                if report.already_applied
                else ""
            ),
            markup=False,
        )
    if options.apply_only:
        return
    if report.checks:
        confirmed = sum(1 for c in report.checks if c.confirmed)
        misfits = len(report.checks) - confirmed
        say(
            f"Checked {len(report.checks)} QIDs the records carry: {confirmed} confirmed"
            + (f", {misfits} do not fit (listed below)" if misfits else ""),
            markup=False,
        )
    reviewing = [e for e in report.review if e.candidates]
    say(
        f"Searched {report.searched} records ({report.already_linked} already linked): "
        f"{len(report.auto_accepted)} accepted automatically, {len(reviewing)} to review, "
        f"{len(report.no_candidates)} without candidates",
        markup=False,
    )
    for new_link, candidate in report.auto_accepted:
        line = f"  accepted  {new_link.entity:32} {new_link.qid:11} {candidate.score:.3f}"
        say(f"{line}  {candidate.label or ''}", markup=False)
        say(f"            decided by: {candidate.decided_by}", markup=False, soft_wrap=True)
    for entry in reviewing:
        best = entry.candidates[0]
        say(
            f"  review    {entry.record.id:32} {best.qid:11} {best.score:.3f}  {entry.status}",
            markup=False,
        )
    say(
        f"Review file: {report.review_file} (write accept or reject in the decision column, "
        "then run kwpld link again)",
        markup=False,
    )
    stats = report.stats
    if stats is not None:
        say(
            f"Requests: {stats.requests} ({stats.retries} retries, {stats.waited:.1f} s waited); "
            f"answers from the cache: {stats.cache_hits}",
            markup=False,
        )


@export_app.command("quickstatements")
def quickstatements_command(
    data_dir: RecordsDir,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")
    ] = None,
    endpoint: Endpoint = WDQS_ENDPOINT,
    contact: Contact = None,
    user_agent: UserAgent = None,
    cache_dir: CacheDir = None,
    offline: Offline = False,
    refresh: Refresh = False,
    timeout: Timeout = 65.0,
    interval: Interval = 1.0,
    retries: Retries = 4,
    backoff: Backoff = 2.0,
) -> None:
    """Write QuickStatements for the facts kwpld holds about linked records that Wikidata lacks.

    Each statement carries a reference to the source the record says states it (a name's
    sources, a field's stated_in): S248 (stated in) for a source with a Wikidata item, S854
    (reference URL) for one with a URL. Facts already on the endpoint, facts about records
    without an item, projections, derived values (a name's derived_from, a record's derived)
    and facts without a citable source are left out (the counts go to standard error).

    Example (a data folder linked as in kwpld link --help; the default endpoint is the
    Wikidata Query Service):

    \b
        kwpld export quickstatements dist/linked --endpoint http://127.0.0.1:7001/sparql \\
            --out dist/linked.qs.tsv
    """
    from ..link.quickstatements import SKIP_REASONS, export_quickstatements

    settings = _settings(
        data_dir,
        endpoint,
        contact,
        user_agent,
        cache_dir,
        offline,
        refresh,
        timeout,
        interval,
        retries,
        backoff,
    )
    export = export_quickstatements(data_dir, settings, out)
    if out is None:
        sys.stdout.write(export.text)
    skipped = ", ".join(f"{n} {SKIP_REASONS[k]}" for k, n in sorted(export.skipped.items()))
    err_console.print(
        f"{export.statements} statements and {export.labels} labels or aliases"
        + (f" written to {out}" if out else "")
        + (f"; left out: {skipped}" if skipped else ""),
        markup=False,
    )
