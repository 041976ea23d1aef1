"""SPARQL 1.1 Update files of a release: INSERT DATA requests that any SPARQL server accepts.

For stores without a bulk loader, or reachable only through a SPARQL endpoint:
``update/insert-NNNNN.ru`` files, each small enough for the strictest server kwpld was tried
with, sent one by one by ``load/sparql-update.sh``. ``kwpld diff`` cuts its patches the same.

An incremental rebuild keeps the parts no change reaches (:class:`UpdateParts`): a part is
made of the quads from where it starts, cut by their count and bytes alone, so a part that
starts at the same quad as before, ends at the same one, and holds no changed ``(graph,
subject)`` between them is the same file, kept from the release in place (a hard link, no
bytes copied: :func:`~.lines.keep_file`) instead of made again. One added triple shifts every
later boundary, so only the parts before the first change, and those after a change that
kept the count, are kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from ..rdf import Quad
from .lines import WrittenFile, keep_file, write_bytes
from .quads import ReleaseQuads

__all__ = ["UPDATE_CHUNK", "UPDATE_CHUNK_BYTES", "UpdateParts", "write_updates"]

UPDATE_CHUNK = 2000
"""Triples per INSERT DATA request: Virtuoso fails near 10k (SP031), Oxigraph refuses 10k+."""
UPDATE_CHUNK_BYTES = 1_000_000
"""Bytes per INSERT DATA request, so long literals cannot make a request too large."""

UPDATE_FOLDER = "update"

_TRIPLE = itemgetter(0, 1, 2)
_GRAPH_SUBJECT = itemgetter(3, 0)


@dataclass
class UpdateParts:
    """The first and last quad and the quad count of each part of ``update/``, in order, as
    written (what the next incremental build compares with, to know which parts it may copy)."""

    bounds: list[tuple[Quad, Quad, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PreviousParts:
    """The parts of the release in place (:class:`UpdateParts`), its folder, the SHA-256 of
    each of its files (from its manifest) and the ``(graph, subject)`` pairs whose quads may
    have changed since (a superset is fine)."""

    parts: UpdateParts
    folder: Path
    sha256: Mapping[str, str]
    changed: Collection[tuple[str, str]]
    untouched: Collection[str] = frozenset()
    """Its files known unchanged since written (their SHA-256 is not checked again)."""


def write_updates(
    folder: Path,
    quads: ReleaseQuads,
    chunk: int,
    previous: PreviousParts | None = None,
    parts: UpdateParts | None = None,
) -> list[WrittenFile]:
    """INSERT DATA requests of at most ``chunk`` triples (and about 1 MB) each.

    A request holds one ``GRAPH`` block per graph it touches, so a dataset of many small
    graphs needs about quads / chunk requests, not one per graph. With ``previous``, a part
    that is the same as one of the release in place is copied from it; ``parts`` (when
    given) receives each part's first and last quad.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rows = quads.by_graph
    starts = [start for _, start, _ in quads.graphs]
    changed = sorted(previous.changed) if previous is not None else []
    written: list[WrittenFile] = []
    index, total = 0, len(rows)
    while index < total:
        path = folder / f"insert-{len(written) + 1:05d}.ru"
        kept = _kept(previous, len(written), rows, index, changed, path) if previous else None
        if kept is not None:
            written.append(kept[0])
            end = kept[1]
        else:
            text, end = _part(rows, quads.graphs, starts, index, chunk)
            found = write_bytes(path, text.encode("utf-8"))
            written.append(WrittenFile(found.path, found.size, found.sha256, end - index))
        if parts is not None:
            parts.bounds.append((rows[index], rows[end - 1], end - index))
        index = end
    return written


def _part(
    rows: Sequence[Quad],
    graphs: Sequence[tuple[str, int, int]],
    starts: Sequence[int],
    index: int,
    chunk: int,
) -> tuple[str, int]:
    """The request that starts at ``rows[index]``, and where the next one starts: lines are
    added, graph by graph, until it holds ``chunk`` of them or reaches the byte bound (which
    the last line may pass: a line is never split). It depends on its own quads alone."""
    blocks: list[str] = []
    count = size = 0
    number = bisect_right(starts, index) - 1
    while number < len(graphs):
        g, _, stop = graphs[number]
        end = min(stop, index + chunk - count)
        lines = list(map(" ".join, map(_TRIPLE, rows[index:end])))
        body = "    " + " .\n    ".join(lines) + " .\n"
        if size + len(body) >= UPDATE_CHUNK_BYTES and len(lines) > 1:
            reach = list(accumulate(len(line) + 7 for line in lines))
            keep = bisect_left(reach, UPDATE_CHUNK_BYTES - size) + 1
            if keep < len(lines):
                end = index + keep
                body = body[: reach[keep - 1]]
        blocks.append(f"  GRAPH {g} {{\n{body}  }}\n")
        count += end - index
        size += len(body)
        index = end
        if count >= chunk or size >= UPDATE_CHUNK_BYTES:
            break
        if index >= stop:
            number += 1
    return "INSERT DATA {\n" + "".join(blocks) + "}\n", index


def _kept(
    previous: PreviousParts,
    number: int,
    rows: Sequence[Quad],
    index: int,
    changed: Sequence[tuple[str, str]],
    path: Path,
) -> tuple[WrittenFile, int] | None:
    """Part ``number`` copied from the release in place, and where the next part starts, when
    it is the same: it starts and ends at the same quads as then, no changed ``(graph,
    subject)`` lies between them, the last part still ends the rows, and the old file is the
    one its manifest lists. None otherwise (the part is made)."""
    bounds = previous.parts.bounds
    if number >= len(bounds):
        return None
    first, last, count = bounds[number]
    end = index + count
    if rows[index] != first or end > len(rows) or rows[end - 1] != last:
        return None
    low, high = _GRAPH_SUBJECT(first), _GRAPH_SUBJECT(last)
    if bisect_right(changed, high) > bisect_left(changed, low):
        return None  # a changed pair between the part's first and last quads
    # No change between them, so the quads from first to last are the old part's, and so is
    # where it ends (found from them alone), but for the last part, which ended the rows.
    if number == len(bounds) - 1 and end != len(rows):
        return None
    name = f"{UPDATE_FOLDER}/{path.name}"
    sha256 = previous.sha256.get(name)
    if sha256 is None:
        return None
    old, untouched = previous.folder / name, name in previous.untouched
    kept = keep_file(old, path, sha256, untouched=untouched, lines=end - index)
    return None if kept is None else (kept, end)
