"""``kwpld synth``: deterministic synthetic corpora for benchmarks and load tests."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..synth import SIZES
from ._common import choices, command_app, console

app = command_app()

if TYPE_CHECKING:
    Size = str
else:
    Size = choices("Size", SIZES)


class Shape(StrEnum):
    """The corpus: rich (few records with many fields, like an archive) or flat (many small)."""

    RICH = "rich"
    FLAT = "flat"


class ArticlesFormat(StrEnum):
    """How synth writes articles: JSON Lines (bulk, the default) or YAML."""

    JSONL = "jsonl"
    YAML = "yaml"


@app.command("synth")
def synth_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the data folder to.")],
    size: Annotated[
        Size,
        typer.Option("--size", "-s", help="Approximate triples of the build (tiny: a few k)."),
    ] = "100k",
    shape: Annotated[
        Shape,
        typer.Option(
            "--shape",
            help="rich: an archive-like corpus sized by --size; flat: many small records "
            "(people, memberships, articles, 50 organs), sized by --records.",
        ),
    ] = Shape.RICH,
    records: Annotated[
        int,
        typer.Option(
            "--records",
            "-n",
            min=53,
            help="With --shape flat: about this many records, a third each of people, "
            "memberships and articles after 50 organs (231050 gives 77000 of each).",
        ),
    ] = 231_050,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed; the same seed gives the same files.")
    ] = 0,
    articles_format: Annotated[
        ArticlesFormat,
        typer.Option("--articles-format", help="Write articles as jsonl (bulk) or yaml."),
    ] = ArticlesFormat.JSONL,
) -> None:
    """Write a synthetic data folder in the record format, of a given size.

    An organ hierarchy down to party cells, people with names in several scripts, memberships
    that overlap in time, numbered meetings, and articles that mention people, with partial and
    Juche dates. Deterministic: the same size and seed give byte-identical files.

    Example:

    With --shape flat, the corpus is shaped like RML engines' benchmarks instead (people.csv,
    memberships.csv, organs.yaml, articles.yaml; see bench/flat.py): --records sets its size,
    and --size and --articles-format do not apply.

    Examples:

    \b
        kwpld synth --out /tmp/corpus-1m --size 1m && kwpld build /tmp/corpus-1m --out /tmp/dist
        kwpld synth --out /tmp/flat --shape flat --records 231050
    """
    from ..synth import synthesize, synthesize_flat

    if shape is Shape.FLAT:
        counts = synthesize_flat(out, records, seed=seed)
    else:
        # plain strings from here on: the enums only serve the command line
        counts = synthesize(out, str(size), seed=seed, articles_format=str(articles_format))
    summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
    console.print(f"wrote {out}: {summary}")
