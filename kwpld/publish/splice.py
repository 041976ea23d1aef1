"""The data files in proportion to a change: the previous release's files with the changed
subjects' lines (data.nt, data.nq, graphs/) or blocks (data.ttl, data.trig, data.jsonld,
framed/: :func:`splice_blocks`, by the indexes of :mod:`kwpld.formats.blocks`) replaced.

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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from ..formats.blocks import BlockIndex, Section
from ..rdf import Quad
from .lines import HashingFile, WrittenFile
from .quads import ReleaseQuads

__all__ = [
    "PreviousRelease",
    "graph_rows",
    "old_triples",
    "splice",
    "splice_blocks",
    "splice_nquads",
    "splice_ntriples",
    "union_rows",
]

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
    blocks: Mapping[str, object] = field(default_factory=dict)
    """Where each subject's block lies in its pretty files, by path, as recorded when they
    were written: data.ttl, data.trig, data.jsonld (a :class:`BlockIndex`), framed/ (a
    :class:`~.jsonld.FramedIndex`); checked by type where used."""
    untouched: frozenset[str] = frozenset()
    """The files (by path) known not to have changed since the build that wrote them
    recorded them (by size, inode and change time, as git's index does): their SHA-256 is
    the manifest's without reading them again (:func:`kwpld.incremental.untouched_files`)."""


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
    *,
    untouched: bool = False,
) -> WrittenFile | None:
    """Write ``new_path`` as ``old_path`` with the lines of each changed key replaced by the
    given bytes; None (nothing to keep) when the old file is not the one expected (its
    SHA-256 is checked, unless it is known ``untouched`` since it was written)."""
    try:
        handle = old_path.open("rb")
        old = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # no file, or an empty one (mmap refuses those)
        return None
    with handle, old:
        if not untouched and hashlib.sha256(old).hexdigest() != sha256:
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
    untouched: bool = False,
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
    key = _nt_key if triples else _nq_key
    return splice(old_path, new_path, made, key, sha256, lines, untouched=untouched)


def splice_ntriples(
    old_path: Path,
    new_path: Path,
    quads: ReleaseQuads,
    subjects: Iterable[str],
    sha256: str,
    *,
    untouched: bool = False,
) -> WrittenFile | None:
    """data.nt from ``old_path`` with the lines of ``subjects`` made anew from ``quads``."""
    rows = quads.union
    made = []
    for subject in subjects:
        found = _subject_rows(rows, 0, len(rows), subject)
        made.append(((subject.encode("utf-8"),), _lines(list(map(_TRIPLE, found)))))
    count = quads.triple_count
    return splice(old_path, new_path, made, _nt_key, sha256, count, untouched=untouched)


def old_triples(
    path: Path, subjects: Iterable[str], sha256: str, *, untouched: bool = False
) -> dict[str, list[tuple[str, str, str]]] | None:
    """The triples of each of ``subjects`` in an N-Triples file sorted by subject (data.nt of
    the release in place), found by bisecting it; None when the file is not the one its
    manifest lists (its SHA-256 is checked, unless it is known ``untouched``)."""
    try:
        handle = path.open("rb")
        old = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    found: dict[str, list[tuple[str, str, str]]] = {}
    with handle, old:
        if not untouched and hashlib.sha256(old).hexdigest() != sha256:
            return None
        for subject in subjects:
            key = (subject.encode("utf-8"),)
            start = _first_line(old, key, _nt_key, after=False)
            end = _first_line(old, key, _nt_key, after=True)
            triples = []
            # a line is "s p o ." (the writers join the terms with spaces; s and p hold none)
            text = old[start:end].decode("utf-8")
            # "\n" ends a line (a literal's own are escaped); not splitlines(), which also
            # splits at U+2028 and others a literal may hold as they are
            for line in text.split("\n")[:-1]:
                s, p, rest = line.split(" ", 2)
                triples.append((s, p, rest[:-2]))
            found[subject] = triples
    return found


def union_rows(quads: ReleaseQuads, subject: str) -> list[Quad]:
    """The triples of ``subject`` in all graphs (rows of ``quads.union``)."""
    subjects = quads.subjects
    i = bisect_left(subjects, subject, key=_FIRST)
    if i < len(subjects) and subjects[i][0] == subject:
        return quads.union[subjects[i][1] : subjects[i][2]]
    return []


def graph_rows(
    quads: ReleaseQuads, runs: Mapping[str, tuple[int, int]], graph: str, subject: str
) -> list[Quad]:
    """The quads of ``subject`` in ``graph`` (``runs``: each graph's run of ``by_graph``)."""
    start, stop = runs.get(graph, (0, 0))
    return list(_subject_rows(quads.by_graph, start, stop, subject))


def splice_blocks(
    old_path: Path,
    new_path: Path,
    index: BlockIndex,
    sha256: str,
    head: str,
    changed: Mapping[str, Collection[str]],
    make: Callable[[str, str], str | None],
    *,
    untouched: bool = False,
) -> tuple[WrittenFile, BlockIndex] | None:
    """A pretty file (Turtle, TriG, JSON-LD) written as ``old_path`` with the blocks of the
    changed subjects made anew, from the old file's :class:`BlockIndex`.

    ``changed`` holds, per section (graph term; ``""`` in Turtle), the subjects whose blocks
    may differ, and ``make(section, subject)`` is a subject's new block (None: it has none
    there now). The new file and its index; None (nothing to keep) when the old file is not
    the one the index and the manifest describe, its head is not ``head``, a section is not
    the old file's or would be left empty.
    """
    names = {section.name for section in index.sections}
    if index.sha256 != sha256 or not changed.keys() <= names:
        return None
    try:
        handle = old_path.open("rb")
        old = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    with handle, old:
        prefix = head.encode("utf-8")
        if old[: len(prefix)] != prefix:
            return None
        if not untouched and hashlib.sha256(old).hexdigest() != sha256:
            return None
        new_path.parent.mkdir(parents=True, exist_ok=True)
        out = HashingFile(new_path)
        view = memoryview(old)
        try:
            made = _splice_sections(out, view, index, changed, make)
            if made is not None:
                out.write(view[made[1] :])
        finally:
            view.release()
    written = out.finish()
    if made is None:  # a section left empty: its wrapper would have to go too
        new_path.unlink(missing_ok=True)
        return None
    new = made[0]
    new.sha256 = written.sha256
    new.position = written.size
    return written, new


def _splice_sections(
    out: HashingFile,
    view: memoryview,
    index: BlockIndex,
    changed: Mapping[str, Collection[str]],
    make: Callable[[str, str], str | None],
) -> tuple[BlockIndex, int] | None:
    """Write every section up to the end of the last changed one; the new file's index and
    the offset in the old file copied up to (the rest is the same); None when a section
    would be left empty."""
    separator = index.separator
    new = BlockIndex(separator)
    position = 0  # in the old file: copied up to here
    for section in index.sections:
        subjects = changed.get(section.name)
        if not subjects:  # copied as it is, with the next range: it moves by what came before
            shift = out.size + (section.body - position)
            new.sections.append(Section(section.name, shift, section.subjects, section.sizes))
            continue
        out.write(view[position : section.body])
        made = _splice_section(out, view, section, separator, subjects, make)
        if not made.subjects:
            return None
        new.sections.append(made)
        position = section.end(len(separator))
    return new, position


def _splice_section(
    out: HashingFile,
    view: memoryview,
    section: Section,
    separator: bytes,
    changed: Collection[str],
    make: Callable[[str, str], str | None],
) -> Section:
    """One section's blocks: runs of unchanged ones copied, the changed ones made anew."""
    old_subjects, sizes = section.subjects, section.sizes
    gap = len(separator)
    ends = list(accumulate(sizes))
    new = Section(section.name, out.size)

    def start(i: int) -> int:
        return section.body + (ends[i - 1] if i else 0) + i * gap

    def copy(i: int, j: int) -> None:
        if i < j:
            if new.subjects:
                out.write(separator)
            out.write(view[start(i) : start(j - 1) + sizes[j - 1]])
            new.subjects.extend(old_subjects[i:j])
            new.sizes.extend(sizes[i:j])

    done = 0
    for subject in sorted(changed):
        i = bisect_left(old_subjects, subject, done)
        copy(done, i)
        text = make(section.name, subject)
        if text is not None:
            data = text.encode("utf-8")
            if new.subjects:
                out.write(separator)
            out.write(data)
            new.subjects.append(subject)
            new.sizes.append(len(data))
        done = i + 1 if i < len(old_subjects) and old_subjects[i] == subject else i
    copy(done, len(old_subjects))
    return new
