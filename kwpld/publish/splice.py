"""data.nt in proportion to a change: the previous release's file with the changed subjects'
lines replaced.

data.nt is sorted by subject, then predicate and object (:class:`~.quads.ReleaseQuads`
``union``), and comparing a line's subject term as UTF-8 bytes orders lines as that sort
orders subjects (UTF-8 keeps code-point order, and a subject term holds no space, so the
term is the bytes before the line's first space). So each changed subject's lines are found
by bisecting the old file by byte offset (a few dozen reads per subject), and the new file is
the old one's byte ranges between the changed subjects with those subjects' lines, encoded
as the full writer encodes them, in between. Subjects that are gone leave nothing; new
subjects are inserted where they sort.

Used only when the caller knows every subject whose triples changed
(:class:`PreviousRelease`, from the incremental build's ``Changes``) and the old file is the
one its manifest describes (its SHA-256 is checked while it is read); otherwise the file is
written in full.
"""

from __future__ import annotations

import hashlib
import mmap
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from ..rdf import Quad
from .lines import HashingFile, WrittenFile
from .quads import ReleaseQuads

__all__ = ["PreviousRelease", "splice", "splice_nquads", "splice_ntriples"]

_TRIPLE = itemgetter(0, 1, 2)
_FIRST = itemgetter(0)


@dataclass(frozen=True)
class PreviousRelease:
    """The release in place and what changed since it was written: ``subjects`` holds every
    subject whose triples may differ (a superset is fine), ``sha256`` the SHA-256 of each of
    its files that may be spliced (from its manifest)."""

    folder: Path
    subjects: frozenset[str]
    sha256: dict[str, str]
    quads: frozenset[tuple[str, str]] = frozenset()
    """The ``(graph, subject)`` pairs whose quads may differ."""


Key = tuple[bytes, ...]
"""What a line file is sorted by, as bytes: (subject,) in N-Triples, (graph, subject) in
N-Quads (whose graph is the line's last term)."""


def _nt_key(line: bytes) -> Key:
    return (line[: line.find(b" ")],)


def _nq_key(line: bytes) -> Key:
    body = line[:-2] if line.endswith(b" .") else line
    return (body[body.rfind(b" ") + 1 :], line[: line.find(b" ")])


def _line_start(old: mmap.mmap, position: int) -> int:
    """The start of the first line that starts at or after ``position``."""
    if position == 0:
        return 0
    found = old.find(b"\n", position - 1)
    return len(old) if found < 0 else found + 1


def _first_line(old: mmap.mmap, key: Key, line_key: Callable[[bytes], Key], *, after: bool) -> int:
    """The start of the first line whose key is >= ``key`` (> with ``after``)."""
    lo, hi = 0, len(old)
    while lo < hi:
        mid = (lo + hi) // 2
        start = _line_start(old, mid)
        if start < len(old):
            end = old.find(b"\n", start)
            found = line_key(old[start : end if end >= 0 else len(old)])
            before = found <= key if after else found < key
        else:
            before = False
        if before:
            lo = mid + 1
        else:
            hi = mid
    return _line_start(old, lo)


def _lines(rows: Sequence[tuple[str, ...]]) -> bytes:
    """Lines as the full writers encode them (:meth:`~.plan.ReleasePlan.ntriples` and
    ``_write_runs``): the terms joined by spaces, each line ending in `` .``."""
    if not rows:
        return b""
    return (" .\n".join(map(" ".join, rows)) + " .\n").encode("utf-8")


def _subject_rows(rows: Sequence[Quad], start: int, stop: int, subject: str) -> Sequence[Quad]:
    """The rows of ``subject`` in ``rows[start:stop]`` (sorted by subject)."""
    i = bisect_left(rows, subject, start, stop, key=_FIRST)
    j = bisect_right(rows, subject, i, stop, key=_FIRST)
    return rows[i:j]


def splice(
    old_path: Path,
    new_path: Path,
    changed: Iterable[tuple[Key, bytes]],
    line_key: Callable[[bytes], Key],
    sha256: str,
    lines: int,
) -> WrittenFile | None:
    """Write ``new_path`` as ``old_path`` with the lines of each changed key replaced by the
    given bytes; None (nothing to keep) when the old file is not the one expected."""
    try:
        handle = old_path.open("rb")
        old = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # no file, or an empty one (mmap refuses those)
        return None
    with handle, old:
        if hashlib.sha256(old).hexdigest() != sha256:
            return None
        new_path.parent.mkdir(parents=True, exist_ok=True)
        out = HashingFile(new_path)
        view = memoryview(old)  # the unchanged ranges, hashed and written without a copy
        try:
            position = 0
            for key, made in sorted(changed):
                start = _first_line(old, key, line_key, after=False)
                end = _first_line(old, key, line_key, after=True)
                out.write(view[position:start])
                out.write(made)
                position = end
            out.write(view[position:])
        finally:
            view.release()
    return out.finish(lines)


def splice_nquads(
    old_path: Path,
    new_path: Path,
    quads: ReleaseQuads,
    changed: Iterable[tuple[str, str]],
    sha256: str,
    lines: int,
    *,
    triples: bool = False,
) -> WrittenFile | None:
    """An N-Quads file sorted by graph and subject (data.nq, graphs/sources.nq) spliced at
    the ``(graph, subject)`` pairs of ``changed``; with ``triples``, a graph's N-Triples file
    (graphs/NAME.nt: its lines without the graph term; ``changed`` of that graph only)."""
    runs = {g: (start, stop) for g, start, stop in quads.graphs}
    rows = quads.by_graph
    made: list[tuple[Key, bytes]] = []
    for g, s in changed:
        start, stop = runs.get(g, (0, 0))
        found = _subject_rows(rows, start, stop, s)
        if triples:
            made.append(((s.encode("utf-8"),), _lines(list(map(_TRIPLE, found)))))
        else:
            made.append(((g.encode("utf-8"), s.encode("utf-8")), _lines(found)))
    return splice(old_path, new_path, made, _nt_key if triples else _nq_key, sha256, lines)


def splice_ntriples(
    old_path: Path, new_path: Path, quads: ReleaseQuads, subjects: Iterable[str], sha256: str
) -> WrittenFile | None:
    """data.nt from ``old_path`` with the lines of ``subjects`` made anew from ``quads``."""
    rows = quads.union
    made = []
    for subject in subjects:
        found = _subject_rows(rows, 0, len(rows), subject)
        made.append(((subject.encode("utf-8"),), _lines(list(map(_TRIPLE, found)))))
    return splice(old_path, new_path, made, _nt_key, sha256, quads.triple_count)
