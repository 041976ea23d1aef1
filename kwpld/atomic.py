"""Write a folder (or a file) so that readers see the old one or the new one, never half of either.

Output is built in a hidden temporary folder beside the target and moved into place only when
complete. If a run is killed, the previous folder is intact (or, if the kill fell between the
two renames of the swap, restored by the next run). Single files (review files, reports, link
files, charts, the build cache) go the same way through :func:`write_atomic`: kwpld's one
atomic file writer.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, OutputError

__all__ = ["NO_ROOM", "StagedDirectory", "atomic_directory", "no_room_message", "write_atomic"]

NO_ROOM = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
"""Write errors that mean the disk (or a limit on it) has no room: not kwpld's fault."""


def no_room_message(exc: OSError, target: Path, tmp: Path | None = None) -> str:
    """What a full disk or a file size limit did while writing ``target``, and what it left."""
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EFBIG: "a file grew past the file size limit",
        errno.EDQUOT: "the disk quota is used up",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    where = ""
    if exc.filename and tmp is not None:
        try:
            where = f" (at {Path(exc.filename).relative_to(tmp)})"
        except ValueError:
            where = f" (at {exc.filename})"
    kept = f"the previous {target} is intact" if target.exists() else f"{target} was not created"
    return (
        f"cannot write {target.name}: {reason} ({os.strerror(exc.errno or 0)}){where}; "
        f"nothing was published and the temporary files were removed: {kept}"
    )

__all__ = ["atomic_directory", "StagedDirectory", "write_atomic"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(target: Path, kind: str) -> list[tuple[int, Path]]:
    found = []
    for path in target.parent.glob(f".{target.name}.{kind}-*"):
        try:
            pid = int(path.name.rsplit("-", 2)[-2])
        except (ValueError, IndexError):
            continue
        found.append((pid, path))
    return found


def recover(target: Path) -> None:
    """Undo what an interrupted run left: restore a swapped-out folder, drop dead temp folders."""
    for pid, path in _leftovers(target, "tmp"):
        if not _alive(pid):
            shutil.rmtree(path, ignore_errors=True)
    for pid, path in sorted(_leftovers(target, "old"), reverse=True):
        if _alive(pid) and pid != os.getpid():
            continue
        if not target.exists():
            path.rename(target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def check_replaceable(target: Path, markers: tuple[str, ...] = ()) -> None:
    """Refuse a ``target`` that is not empty and holds none of ``markers``, the files that show
    kwpld wrote it (so that replacing it loses nothing else)."""
    if target.exists():
        if not target.is_dir():
            raise InputError(f"{target} exists and is not a folder; choose another output folder")
        entries = [p.name for p in target.iterdir()]
        if entries and not any(marker in entries for marker in markers):
            raise InputError(
                f"{target} exists and does not look like a kwpld output folder; kwpld replaces its "
                "output folder as a whole, so choose a new or empty folder"
            )


class StagedDirectory:
    """A temporary folder beside ``target`` that :meth:`commit` swaps into place in one step.

    Leaving the ``with`` block without a commit (an error, or a decision not to publish:
    :meth:`discard`) removes it and leaves ``target`` as it was. An existing ``target`` is
    replaced only if it is empty or holds one of ``markers``, the files that show kwpld wrote
    it.
    """

    def __init__(self, target: str | Path, markers: tuple[str, ...] = ()) -> None:
        self.target = Path(target).absolute()
        self._token = f"{os.getpid()}-{os.urandom(4).hex()}"
        self.path = self.target.parent / f".{self.target.name}.tmp-{self._token}"
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            recover(self.target)
            check_replaceable(self.target, markers)
            self.path.mkdir()
        except OSError as exc:  # a path the user gave that cannot hold the output
            if exc.errno in NO_ROOM:
                raise OutputError(no_room_message(exc, self.target)) from None
            if isinstance(exc, (FileExistsError, NotADirectoryError)):
                reason = f"{exc.filename} is a file, not a folder"
            else:
                reason = f"{exc.strerror} ({exc.filename})"
            raise InputError(
                f"cannot write {self.target}: {reason}; choose an output folder that can be written"
            ) from None
        self._open = True

    def commit(self) -> None:
        """Swap the temporary folder into place of ``target``."""
        if not self._open:
            raise RuntimeError(f"{self.path} was already committed or discarded")
        self._open = False
        target = self.target
        if target.exists():
            old = target.parent / f".{target.name}.old-{self._token}"
            target.rename(old)
            self.path.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            self.path.rename(target)

    def discard(self) -> None:
        """Remove the temporary folder; ``target`` stays as it was."""
        if self._open:
            self._open = False
            shutil.rmtree(self.path, ignore_errors=True)

    def __enter__(self) -> StagedDirectory:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        self.discard()
        if isinstance(exc, OSError) and exc.errno in NO_ROOM:
            raise OutputError(no_room_message(exc, self.target, self.path)) from None


@contextmanager
def atomic_directory(target: str | Path, markers: tuple[str, ...] = ()) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces ``target`` in one swap.

    An existing ``target`` is replaced only if it is empty or holds one of ``markers``, the
    files that show kwpld wrote it.
    """
    with StagedDirectory(target, markers) as staged:
        yield staged.path
        staged.commit()


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Replace the file ``path`` with ``data`` (text is written as UTF-8) in one step.

    The data goes to a temporary file beside it, flushed to disk, then renamed over it: readers
    see the old file or the new one, never half of either, and a crash leaves no torn file.
    The new file has the usual permissions (umask), not a temporary file's 0600.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
