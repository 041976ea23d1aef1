"""Streamed line formats (N-Triples, N-Quads, SPARQL Update): optionally gzipped, split by size.

Every file of a release is measured while it is written (:class:`HashingFile`,
:class:`TextFile`, :func:`write_bytes`): its size and SHA-256 go to the manifest without
reading the file back.

Lines arrive in batches of complete lines and leave as bytes, so memory holds one batch,
whatever the size of the output. gzip output is reproducible: no file name and no time in
the header. A split part never breaks a line; ``split_size`` bounds the uncompressed bytes of
each part, so a gzipped part is smaller still.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from typing_extensions import Buffer

from ..errors import InputError

__all__ = [
    "LineOptions",
    "LineSink",
    "WrittenFile",
    "HashingFile",
    "TextFile",
    "write_bytes",
    "keep_file",
    "measure",
    "iter_chunks",
    "parse_size",
    "read_lines",
    "BATCH",
]

BATCH = 20_000
"""Lines joined into one string before writing: large enough to amortise the call overhead."""

_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}


def parse_size(text: str) -> int:
    """``"100MB"`` -> 100_000_000; ``"64MiB"`` -> 67_108_864; a bare number is bytes."""
    match = _SIZE.match(text)
    if not match:
        raise InputError(f"cannot read the size {text!r}; write it like 100MB, 1.5GB or 64MiB")
    number, unit = float(match.group(1)), (match.group(2) or "").lower()
    binary = "i" in unit
    base = unit.rstrip("ib")[:1] if unit not in ("", "b") else ""
    factor = _UNITS[base] if not binary else 1024 ** " kmgt".index(base or " ")
    size = int(number * factor)
    if size < 1024:
        raise InputError(f"the split size {text!r} is too small; parts need at least 1 KB")
    return size


@dataclass(frozen=True)
class LineOptions:
    """How line formats are written: gzip (and its level), and the largest part."""

    gzip: bool = False
    split_size: int | None = None
    level: int = 6


@dataclass(frozen=True)
class WrittenFile:
    """A file as written: its size and SHA-256 are measured on the way out, not read back."""

    path: Path
    size: int
    sha256: str
    lines: int = 0


class HashingFile(io.RawIOBase):
    """A binary file that counts and hashes every byte written to it (gzip writes through it)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file = path.open("wb")
        self._digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Buffer, /) -> int:
        self._digest.update(data)
        self.size += memoryview(data).nbytes
        return self._file.write(data)

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        if not self.closed:
            super().close()  # flushes first
            self._file.close()

    def finish(self, lines: int = 0) -> WrittenFile:
        self.close()
        return WrittenFile(self.path, self.size, self._digest.hexdigest(), lines)


def write_bytes(path: Path, data: bytes, *, executable: bool = False) -> WrittenFile:
    """Write ``data`` to ``path`` (and its folders), measured."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if executable:
        path.chmod(0o755)
    return WrittenFile(path, len(data), hashlib.sha256(data).hexdigest())


def keep_file(
    old: Path, new: Path, sha256: str, *, untouched: bool = False, lines: int = 0
) -> WrittenFile | None:
    """``new`` as the release in place's file ``old``, which an incremental rebuild keeps as
    it is: a hard link to it (a release's files are never written again once made, and the
    old folder is deleted once the new one is in place, so linking is copying without the
    bytes), a copy where links cannot be made. ``old`` must be the file its manifest lists
    (``sha256``): known ``untouched`` since written (by its stats), or read and checked, and
    then linked only if its inode, size and modification time did not move meanwhile. None
    when it is not that file (the caller makes it)."""
    try:
        before = old.stat()
        if not untouched and _sha256_of(old) != sha256:
            return None
        new.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(old, new)
        except OSError:  # no links here (another device, a file system without them)
            data = old.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha256:
                return None
            new.write_bytes(data)
            return WrittenFile(new, len(data), sha256, lines)
        after = new.stat()
    except OSError:
        return None
    if (after.st_ino, after.st_size, after.st_mtime_ns) != (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    ):  # written to since it was checked: made instead
        new.unlink()
        return None
    return WrittenFile(new, after.st_size, sha256, lines)


def _sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def measure(path: Path) -> WrittenFile:
    """Size and SHA-256 of a file another writer made (read back whole: small files only)."""
    data = path.read_bytes()
    return WrittenFile(path, len(data), hashlib.sha256(data).hexdigest())


class TextFile:
    """A UTF-8 text file whose size and SHA-256 are computed while it is written."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._raw = HashingFile(path)
        self.out = io.TextIOWrapper(
            io.BufferedWriter(self._raw, 1 << 20), encoding="utf-8", newline="\n"
        )

    def __enter__(self) -> TextIO:
        return self.out

    def __exit__(self, *exc: object) -> None:
        self.out.close()

    def finish(self) -> WrittenFile:
        self.out.close()
        return self._raw.finish()


@dataclass
class LineSink:
    """Writes batches of lines to ``folder/stem.ext`` or to parts ``stem-00001.ext``.

    Each part's size and SHA-256 are computed while it is written (:attr:`written`).
    """

    folder: Path
    stem: str
    ext: str
    options: LineOptions = field(default_factory=LineOptions)
    parts: list[tuple[Path, int]] = field(default_factory=list)  # (path, line count)
    written: list[WrittenFile] = field(default_factory=list)
    _raw: HashingFile | None = None
    _out: io.RawIOBase | gzip.GzipFile | None = None
    _size: int = 0
    _lines: int = 0

    def _name(self, number: int | None) -> str:
        suffix = f".{self.ext}" + (".gz" if self.options.gzip else "")
        return f"{self.stem}{suffix}" if number is None else f"{self.stem}-{number:05d}{suffix}"

    def _open(self) -> None:
        number = len(self.parts) + 1 if self.options.split_size else None
        path = self.folder / self._name(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._raw = HashingFile(path)
        if self.options.gzip:
            self._out = gzip.GzipFile(
                filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=self.options.level
            )
        else:
            self._out = self._raw
        self.parts.append((path, 0))
        self._size = 0
        self._lines = 0

    def _finish_part(self) -> None:
        if self._out is None:
            return
        if self._out is not self._raw:
            self._out.close()
        assert self._raw is not None
        self.written.append(self._raw.finish(self._lines))
        path, _ = self.parts[-1]
        self.parts[-1] = (path, self._lines)
        self._out = self._raw = None

    def write(self, lines: list[str]) -> None:
        """Write complete lines (each ending in a newline)."""
        if lines:
            self.write_block("".join(lines).encode("utf-8"), len(lines))

    def write_block(self, data: bytes, lines: int) -> None:
        """Write ``lines`` complete lines, already joined and encoded."""
        if not lines:
            return
        limit = self.options.split_size
        if self._out is None:
            self._open()
        if limit is None or self._size + len(data) <= limit:
            self._put(data, lines)
            return
        # The rare block that crosses a part boundary: cut it at line ends.
        start = 0
        end = len(data)
        while start < end:
            room = limit - self._size
            if room <= 0 and self._size:
                self._finish_part()
                self._open()
                room = limit
            if end - start <= room:
                self._put(data[start:], data.count(b"\n", start))
                return
            cut = data.rfind(b"\n", start, start + room) + 1
            if cut <= start:  # one line longer than the room left
                if self._size:
                    self._finish_part()
                    self._open()
                    continue
                cut = data.index(b"\n", start) + 1  # a line longer than a part gets its own
            self._put(data[start:cut], data.count(b"\n", start, cut))
            start = cut
            if start < end:
                self._finish_part()
                self._open()

    def _put(self, data: bytes, lines: int) -> None:
        assert self._out is not None
        self._out.write(data)
        self._size += len(data)
        self._lines += lines

    def close(self) -> list[tuple[Path, int]]:
        """Finish the last part; an empty output still gets one (empty) file.

        Returns ``(path, line count)`` of each part; :attr:`written` has their sizes and hashes.
        """
        if self._out is None and not self.parts:
            self._open()
        self._finish_part()
        return self.parts


def read_lines(paths: Iterable[Path]) -> Iterator[bytes]:
    """The lines of plain or gzipped parts, in order, as bytes (streamed)."""
    for path in paths:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as handle:
            yield from handle


def iter_chunks(lines: Iterable[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    """Lines joined into chunks of about ``size`` bytes (an upload's body, streamed)."""
    buffer: list[bytes] = []
    filled = 0
    for line in lines:
        buffer.append(line)
        filled += len(line)
        if filled >= size:
            yield b"".join(buffer)
            buffer, filled = [], 0
    if buffer:
        yield b"".join(buffer)
