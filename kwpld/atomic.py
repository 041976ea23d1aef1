"""Write a folder so that readers see the old one or the new one, never half of either.

Output is built in a hidden temporary folder beside the target and moved into place only when
complete. If a run is killed, the previous folder is intact (or, if the kill fell between the
two renames of the swap, restored by the next run).
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, OutputError

__all__ = ["atomic_directory", "RELEASE_MARKERS", "NO_ROOM", "no_room_message"]

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


RELEASE_MARKERS = ("manifest.json", "data.ttl")
"""Files that show a folder was written by kwpld, so replacing it loses nothing else."""


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


def check_replaceable(target: Path, markers: tuple[str, ...] = RELEASE_MARKERS) -> None:
    if target.exists():
        if not target.is_dir():
            raise InputError(f"{target} exists and is not a folder; choose another output folder")
        entries = [p.name for p in target.iterdir()]
        if entries and not any(marker in entries for marker in markers):
            raise InputError(
                f"{target} exists and does not look like a kwpld output folder; kwpld replaces its "
                "output folder as a whole, so choose a new or empty folder"
            )


@contextmanager
def atomic_directory(
    target: str | Path, markers: tuple[str, ...] = RELEASE_MARKERS
) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces ``target`` in one swap.

    An existing ``target`` is replaced only if it is empty or holds one of ``markers``, the
    files that show kwpld wrote it.
    """
    target = Path(target).absolute()
    token = f"{os.getpid()}-{os.urandom(4).hex()}"
    tmp = target.parent / f".{target.name}.tmp-{token}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        check_replaceable(target, markers)
        tmp.mkdir()
    except OSError as exc:  # a path the user gave that cannot hold the output
        if exc.errno in NO_ROOM:
            raise OutputError(no_room_message(exc, target)) from None
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            reason = f"{exc.filename} is a file, not a folder"
        else:
            reason = f"{exc.strerror} ({exc.filename})"
        raise InputError(
            f"cannot write {target}: {reason}; choose an output folder that can be written"
        ) from None
    try:
        yield tmp
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError) and exc.errno in NO_ROOM:
            raise OutputError(no_room_message(exc, target, tmp)) from None
        raise
    if target.exists():
        old = target.parent / f".{target.name}.old-{token}"
        target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(target)
