"""The query page: the example queries, an editor, the answer as a table, downloads.

The page is a plain form (GET, so a query and its answer have an address to bookmark or
send); the answer's first rows are shown as a table, each IRI that has a page in the site
linked to it and written with the dataset's prefixes, and the whole answer can be
downloaded through ``/sparql`` as CSV, TSV, JSON or, for a graph, Turtle.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox

from ..resources import resource_path
from ..site.collect import SiteData
from .sparql import Table, Term

__all__ = ["Cell", "Example", "cells", "downloads", "examples"]

EXAMPLES = "examples/queries"
"""Where the example queries are: the repository's folder (a wheel carries a copy)."""

ROWS_SHOWN = 1000


@dataclass(frozen=True)
class Example:
    """An example query: its file name, the first sentence of its comment, its text."""

    name: str
    title: str
    text: str


@dataclass(frozen=True)
class Cell:
    """One value of the answer table, as a page shows it."""

    text: str
    href: str | None = None
    title: str | None = None
    note: str | None = None
    """A literal's language or datatype, shown after it."""
    lang: str | None = None


@cache
def examples() -> tuple[Example, ...]:
    """The example queries (``examples/queries/*.rq``), by file name."""
    try:
        folder = resource_path(EXAMPLES)
    except FileNotFoundError:
        return ()
    found = []
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text("utf-8")
        comment = " ".join(
            line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")
        )
        title = comment.split(": ", 1)[0].split(". ", 1)[0].strip() or path.stem
        found.append(Example(path.stem, title, text))
    return tuple(found)


def example(name: str) -> Example | None:
    return next((e for e in examples() if e.name == name), None)


def cells(table: Table, prefixes: dict[str, str], data: SiteData) -> list[list[Cell]]:
    """The rows of an answer as cells: IRIs shortened and linked to their pages."""
    by_length = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    entities = data.entities

    def cell(term: Term | None) -> Cell:
        if term is None:
            return Cell("")
        if isinstance(term, ox.NamedNode):
            iri = term.value
            short = next(
                (
                    f"{prefix}:{iri[len(namespace) :]}"
                    for prefix, namespace in by_length
                    if iri.startswith(namespace) and len(iri) > len(namespace)
                ),
                iri,
            )
            entity = entities.get(iri)
            if entity is not None:
                return Cell(short, href=f"/{entity.path}", title=f"{entity.label} ({iri})")
            return Cell(short, title=iri if short != iri else None)
        if isinstance(term, ox.Literal):
            if term.language:
                return Cell(term.value, note=f"@{term.language}", lang=term.language)
            datatype = term.datatype.value
            if datatype.endswith("#string"):
                return Cell(term.value)
            return Cell(term.value, note=datatype.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        return Cell(str(term))

    return [[cell(term) for term in row] for row in table.rows]


def downloads(query: str, kind: str) -> list[tuple[str, str]]:
    """(label, address) of the whole answer in each format its kind has."""
    formats = (
        [("Turtle", "turtle"), ("N-Triples", "ntriples"), ("JSON-LD", "jsonld")]
        if kind == "graph"
        else [("CSV", "csv"), ("TSV", "tsv"), ("JSON", "json")]
    )
    return [
        (label, "/sparql?" + urlencode({"query": query, "format": fmt, "download": "1"}))
        for label, fmt in formats
    ]
