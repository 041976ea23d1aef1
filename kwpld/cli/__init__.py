"""The ``kwpld`` command: a thin layer over the library, one module per command group.

Every command parses its options, calls one library function and prints the result. Errors
the user can fix (:class:`~kwpld.errors.KwpldError`) are printed as sentences, with exit code 2
for bad input, never as a traceback.

The commands are loaded when they run, not when ``kwpld`` starts: :data:`COMMANDS` names the
module of each and the line that ``kwpld --help`` lists for it. Loading all of them, and the
library behind them, made ``kwpld --help`` take 0.6 s; now it loads Typer and this module.
Typer's Rich help (``typer.rich_utils``) alone costs about 0.19 s of CPU to import, more than
the 0.15 s target, so help is Click's plain text. ``tests/test_cli.py`` checks that each
line here is the first line of its command's own help, and which modules ``--help`` loads.
"""

from __future__ import annotations

import os
import sys
from difflib import get_close_matches
from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ..__about__ import __version__
from ..errors import KwpldError

__all__ = ["COMMANDS", "app", "main"]

COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "Build the knowledge graph of a data folder and write a release folder."),
    "check": (
        "records",
        "Check the records of a data folder without building; report every problem.",
    ),
    "validate": ("validate", "Validate the records of a data folder against kwpld's SHACL shapes."),
    "schema": (
        "records",
        "Print the JSON Schema of the record format (or of kwpld.yaml, or of validation reports).",
    ),
    "ontology-docs": (
        "records",
        "Generate the ontology's documentation (Markdown) from ontology/kwp.ttl.",
    ),
    "load": (
        "publish",
        "Load a release into an embedded, on-disk pyoxigraph store (no server needed).",
    ),
    "query": ("publish", "Run a SPARQL query over a release, a store or a data folder."),
    "publish": (
        "publish",
        "Publish a release to a SPARQL server with the Graph Store Protocol: one PUT per graph.",
    ),
    "diff": ("publish", "Show the triples added and removed per named graph between two releases."),
    "link": (
        "link",
        "Find Wikidata items for people, organs, events and publications, with a review step.",
    ),
    "export": ("link", "Export what kwpld holds for other tools (QuickStatements for Wikidata)."),
    "chart": (
        "chart",
        "Draw charts from a graph (a release folder, a data folder or a store) as SVG or PNG.",
    ),
    "site": (
        "site",
        "Write a static browse site: a page per person, organ, post, event and source.",
    ),
    "ingest": (
        "ingest",
        "Read articles and propose what they say: an article record, drafts, annotations.",
    ),
    "review": (
        "ingest",
        "List the drafts waiting for review, with why each was proposed and its evidence.",
    ),
    "accept": (
        "ingest",
        "Make drafts records: append them to the record files and update the articles.",
    ),
    "reject": (
        "ingest",
        "Reject drafts: they stay in the review file, marked, and are not proposed again.",
    ),
    "synth": ("synth", "Write a synthetic data folder in the record format, of a given size."),
}
"""Command name -> (module in kwpld.cli, the summary ``kwpld --help`` lists)."""

HELP = """kwpld turns curated records on the leadership of the Workers' Party of Korea (articles,
people, organs, posts and memberships, events) into a validated knowledge graph: Turtle,
JSON-LD, N-Triples/N-Quads and triple-store load files, linked to Wikidata.

Examples:

\b
    kwpld build examples/party-cells-2013 --out dist/party-cells-2013
    kwpld check examples/party-cells-2013 --format json
    kwpld schema > records.schema.json

Run kwpld COMMAND --help for a command's options and examples.
"""


class _LazyGroup(TyperGroup):
    """The root group: lists :data:`COMMANDS` from the table, imports one when it runs."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = import_module(f"{__name__}.{entry[0]}")
        command = typer.main.get_command(module.app)
        if command.name == cmd_name:  # the module's app is the command or group itself
            return command
        return command.commands[cmd_name]  # type: ignore[attr-defined]  # a group's command

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command is a usage error that suggests the nearest names."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            matches = get_close_matches(name, list(COMMANDS))
            hint = f" Did you mean {', '.join(repr(m) for m in matches)}?" if matches else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list from the table, without importing a single command."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])


app = typer.Typer(
    name="kwpld",
    help=HELP,
    cls=_LazyGroup,
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"kwpld {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """kwpld: KWP leadership records to linked data."""


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kwpld`` console script."""
    try:
        app(args=argv, prog_name="kwpld")
    except KwpldError as exc:
        print(exc.render(), file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("kwpld: interrupted; nothing was published", file=sys.stderr)
        raise SystemExit(130) from None
    except OSError as exc:
        # A full disk or a size limit where no atomic write caught it: the machine's fault,
        # not the input's and not a bug (exit 1, as kwpld.errors.OutputError).
        from ..atomic import NO_ROOM

        if exc.errno not in NO_ROOM:
            _internal(exc)
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"kwpld: cannot write: {exc.strerror}{where}", file=sys.stderr)
        raise SystemExit(1) from None
    except MemoryError:
        print(
            "kwpld: out of memory; nothing was published (what was published before is intact)",
            file=sys.stderr,
        )
        raise SystemExit(1) from None
    except Exception as exc:  # a bug, not bad input: say so briefly
        _internal(exc)


def _internal(exc: Exception) -> None:
    """Report a bug in kwpld briefly (exit 70), or raise it with KWPLD_DEBUG set."""
    if os.environ.get("KWPLD_DEBUG"):
        raise exc
    print(
        f"kwpld: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in kwpld; run again with KWPLD_DEBUG=1 to see the traceback.",
        file=sys.stderr,
    )
    raise SystemExit(70) from None


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
