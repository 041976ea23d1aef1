"""SPARQL 1.1 Update files of a release: INSERT DATA requests that any SPARQL server accepts.

For stores without a bulk loader, or reachable only through a SPARQL endpoint:
``update/insert-NNNNN.ru`` files, each small enough for the strictest server kwpld was tried
with, sent one by one by ``load/sparql-update.sh``. ``kwpld diff`` cuts its patches the same.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from .lines import WrittenFile, write_bytes
from .quads import ReleaseQuads

__all__ = ["UPDATE_CHUNK", "UPDATE_CHUNK_BYTES", "write_updates"]

UPDATE_CHUNK = 2000
"""Triples per INSERT DATA request: Virtuoso fails near 10k (SP031), Oxigraph refuses 10k+."""
UPDATE_CHUNK_BYTES = 1_000_000
"""Bytes per INSERT DATA request, so long literals cannot make a request too large."""

_TRIPLE = itemgetter(0, 1, 2)


def write_updates(folder: Path, quads: ReleaseQuads, chunk: int) -> list[WrittenFile]:
    """INSERT DATA requests of at most ``chunk`` triples (and about 1 MB) each.

    A request holds one ``GRAPH`` block per graph it touches, so a dataset of many small
    graphs needs about quads / chunk requests, not one per graph.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rows = quads.by_graph
    written: list[WrittenFile] = []
    blocks: list[str] = []
    count = 0
    size = 0

    def flush() -> None:
        nonlocal blocks, count, size
        if not count:
            return
        path = folder / f"insert-{len(written) + 1:05d}.ru"
        text = "INSERT DATA {\n" + "".join(blocks) + "}\n"
        found = write_bytes(path, text.encode("utf-8"))
        written.append(WrittenFile(found.path, found.size, found.sha256, count))
        blocks, count, size = [], 0, 0

    for g, start, stop in quads.graphs:
        index = start
        while index < stop:
            end = min(stop, index + chunk - count)
            lines = list(map(" ".join, map(_TRIPLE, rows[index:end])))
            body = "    " + " .\n    ".join(lines) + " .\n"
            if size + len(body) >= UPDATE_CHUNK_BYTES and len(lines) > 1:
                # Lines are added until the request reaches the byte bound (which the last
                # one may pass: a line is never split).
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
                flush()
    flush()
    return written
