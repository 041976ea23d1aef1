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
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from .lines import HashingFile, WrittenFile
from .quads import ReleaseQuads

__all__ = ["PreviousRelease", "splice_ntriples"]

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


def _subject_at(old: mmap.mmap, start: int) -> bytes:
    return old[start : old.find(b" ", start)]


def _line_start(old: mmap.mmap, position: int) -> int:
    """The start of the first line that starts at or after ``position``."""
    if position == 0:
        return 0
    found = old.find(b"\n", position - 1)
    return len(old) if found < 0 else found + 1


def _first_line(old: mmap.mmap, subject: bytes, *, after: bool) -> int:
    """The start of the first line whose subject is >= ``subject`` (> with ``after``)."""
    lo, hi = 0, len(old)
    while lo < hi:
        mid = (lo + hi) // 2
        start = _line_start(old, mid)
        if start < len(old):
            found = _subject_at(old, start)
            before = found <= subject if after else found < subject
        else:
            before = False
        if before:
            lo = mid + 1
        else:
            hi = mid
    return _line_start(old, lo)


def _encoded(quads: ReleaseQuads, subject: str) -> bytes:
    """The subject's lines, as :meth:`~.plan.ReleasePlan.ntriples` encodes them."""
    index = quads.subjects
    i = bisect_left(index, subject, key=_FIRST)
    if i == len(index) or index[i][0] != subject:
        return b""
    _, start, stop = index[i]
    rows = quads.union[start:stop]
    return (" .\n".join(map(" ".join, map(_TRIPLE, rows))) + " .\n").encode("utf-8")


def splice_ntriples(
    old_path: Path, new_path: Path, quads: ReleaseQuads, subjects: Iterable[str], sha256: str
) -> WrittenFile | None:
    """Write ``new_path`` from ``old_path`` with the lines of ``subjects`` made anew from
    ``quads``; None (and nothing to keep) when the old file is not the one expected."""
    try:
        handle = old_path.open("rb")
        old = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # no file, or an empty one (mmap refuses those)
        return None
    with handle, old:
        if hashlib.sha256(old).hexdigest() != sha256:
            return None
        out = HashingFile(new_path)
        position = 0
        for subject in sorted(subjects):
            key = subject.encode("utf-8")
            start = _first_line(old, key, after=False)
            end = _first_line(old, key, after=True)
            out.write(old[position:start])
            out.write(_encoded(quads, subject))
            position = end
        out.write(old[position:])
    return out.finish(quads.triple_count)
