"""``kwpld synth``: deterministic synthetic corpora for benchmarks and load tests."""

from __future__ import annotations

from pathlib import Path

import typer

from ..synth import SIZES, synthesize
from ._common import console


def register(app: typer.Typer) -> None:
    app.command("synth")(synth_command)


def synth_command(
    out: Path = typer.Option(..., "--out", "-o", help="Folder to write the data folder to."),
    size: str = typer.Option(
        "100k", "--size", "-s", help=f"Approximate triples of the build: {', '.join(SIZES)}."
    ),
    seed: int = typer.Option(0, "--seed", help="Random seed; the same seed gives the same files."),
    articles_format: str = typer.Option(
        "jsonl", "--articles-format", help="Write articles as jsonl (bulk) or yaml."
    ),
) -> None:
    """Write a synthetic data folder in the record format, of a given size.

    An organ hierarchy down to party cells, people with names in several scripts, memberships
    that overlap in time, numbered meetings, and articles that mention people, with partial and
    Juche dates. Deterministic: the same size and seed give byte-identical files.

    **Example:**

        kwpld synth --out /tmp/corpus-1m --size 1m && kwpld build /tmp/corpus-1m --out /tmp/dist
    """
    counts = synthesize(out, size, seed=seed, articles_format=articles_format)
    summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
    console.print(f"wrote {out}: {summary}")
