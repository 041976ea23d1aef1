"""Write a folder (or a file) so that readers see the old one or the new one, never half of either.

Output is built in a hidden temporary folder beside the target and moved into place only when
complete. Replacing an existing folder is one system call where the system has one: Linux's
``renameat2(RENAME_EXCHANGE)`` or macOS's ``renamex_np(RENAME_SWAP)`` swap the two folders
atomically, so the target is never missing, even if the process is killed at the worst moment.
Elsewhere (or on a file system that refuses the swap) it takes two renames; a kill between them
leaves the previous folder beside the target, and the next run puts it back (:func:`sweep`).
Single files (review files, reports, link files, charts, the build cache) go the same way
through :func:`write_atomic`: kwpld's one atomic file writer. Several files that must change
together (``kwpld merge``) go through :class:`FileTransaction`: all of them or none.

Every temporary name carries the id of the process that made it, so whatever a killed process
left behind is recognized and removed (or restored) by the next run, and a live process's
work in progress is never touched.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import InputError, OutputError

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


__all__ = [
    "NO_ROOM",
    "no_room_message",
    "atomic_directory",
    "StagedDirectory",
    "FileTransaction",
    "exchange",
    "fault_hook",
    "fault_point",
    "SWAP_GRACE",
    "recover",
    "sweep",
    "write_atomic",
    "write_files_atomic",
]

fault_hook: Callable[[str], None] | None = None
"""Called at the points where a kill hurts most (``"swap"``: after the first step of replacing
a folder, before the last; ``"release-committed"``: a named release is in place, ``latest/``
not yet refreshed; ``"transaction"``: some files of a transaction replaced, not all). None in
normal runs; the kill -9 tests set it in a child process to kill it exactly there."""


SWAP_GRACE = 0.02
"""Seconds a swapped-out folder stays whole before it is removed. A reader whose path lookup
had passed the folder's name before the swap (``dist/`` resolved, ``manifest.json`` not yet)
goes on inside the old folder; removing its files at once made such a lookup fail, about once
in 9,000 swaps under a reader that looks as fast as it can."""


def fault_point(point: str) -> None:
    """Where :data:`fault_hook` is called (a no-op in normal runs)."""
    if fault_hook is not None:
        fault_hook(point)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True


# -- swapping two paths in one step ----------------------------------------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS sys/stdio.h
_SYS_RENAMEAT2 = {"x86_64": 316, "aarch64": 276, "riscv64": 276, "ppc64le": 357, "s390x": 347}
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV}
_swap_call: Callable[[bytes, bytes], int] | None = None
_swap_known = False


def _find_swap_call() -> Callable[[bytes, bytes], int] | None:
    """The C call that swaps two paths, or None where there is none."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux"):
        renameat2 = getattr(libc, "renameat2", None)  # glibc 2.28+
        if renameat2 is not None:
            return lambda a, b: int(
                renameat2(_AT_FDCWD, a, _AT_FDCWD, b, ctypes.c_uint(_RENAME_EXCHANGE))
            )
        number = _SYS_RENAMEAT2.get(os.uname().machine)
        syscall = getattr(libc, "syscall", None)
        if number is None or syscall is None:
            return None
        return lambda a, b: int(
            syscall(
                ctypes.c_long(number),
                _AT_FDCWD,
                a,
                _AT_FDCWD,
                b,
                ctypes.c_uint(_RENAME_EXCHANGE),
            )
        )
    if sys.platform == "darwin":
        renamex_np = getattr(libc, "renamex_np", None)
        if renamex_np is not None:
            return lambda a, b: int(renamex_np(a, b, ctypes.c_uint(_RENAME_SWAP)))
    return None


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap the paths ``a`` and ``b`` (both must exist) in one atomic step.

    True when swapped; False when this system or file system cannot swap in one step (the
    caller falls back to two renames). Other failures raise :class:`OSError`.
    """
    global _swap_call, _swap_known
    if not _swap_known:
        _swap_call, _swap_known = _find_swap_call(), True
    if _swap_call is None:
        return False
    if _swap_call(os.fsencode(a), os.fsencode(b)) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


# -- what killed processes leave behind ------------------------------------------------------

_FOLDER_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<kind>tmp|old)-(?P<pid>\d+)-[0-9a-f]{8}$")
_FILE_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[A-Za-z0-9_]+\.(?:tmp|bak)$")
_JOURNAL_LEFTOVER = re.compile(r"^\.kwpld-transaction-(?P<pid>\d+)-[0-9a-f]{8}\.json$")


def _leftovers(target: Path, kind: str) -> list[tuple[int, Path]]:
    found = []
    for path in target.parent.glob(f".{target.name}.{kind}-*"):
        match = _FOLDER_LEFTOVER.match(path.name)
        if match is None or match["name"] != target.name:
            continue
        found.append((int(match["pid"]), path))
    return found


def recover(target: Path) -> None:
    """Undo what an interrupted run left beside ``target``: put back a folder that was swapped
    out (when ``target`` is missing), drop the temporary folders of dead processes."""
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


def sweep(folder: str | Path) -> None:
    """Clean ``folder`` of everything dead kwpld processes left in it: interrupted transactions
    are rolled back, swapped-out folders put back, temporary folders and files removed.

    Only names kwpld makes (with the id of a process that no longer runs) are touched. When
    something cannot be put back (a read-only folder), :class:`~kwpld.errors.InputError` says
    what and where, rather than letting a half-changed folder be read.
    """
    folder = Path(folder)
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        match = _JOURNAL_LEFTOVER.match(name)
        if match is not None and not _alive(int(match["pid"])):
            try:
                FileTransaction.roll_back(folder / name)
            except OSError as exc:
                raise InputError(
                    f"{folder / name}: a kwpld command that changed several files at once was "
                    f"interrupted, and its files cannot be put back ({exc.strerror or exc}); "
                    "make the folder writable and run kwpld again"
                ) from None
    targets = set()
    for name in names:
        match = _FOLDER_LEFTOVER.match(name)
        if match is not None:
            targets.add(match["name"])
    for target in sorted(targets):
        try:
            recover(folder / target)
        except OSError as exc:
            raise InputError(
                f"{folder / target}: an interrupted kwpld run left the previous folder beside it "
                f"and it cannot be put back ({exc.strerror or exc})"
            ) from None
    for name in names:
        match = _FILE_LEFTOVER.match(name)
        if match is not None and not _alive(int(match["pid"])):
            with suppress(OSError):
                (folder / name).unlink()


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
    it. Creating one first cleans the parent folder of what dead runs left (:func:`sweep`).
    """

    def __init__(self, target: str | Path, markers: tuple[str, ...] = ()) -> None:
        self.target = Path(target).absolute()
        self._token = f"{os.getpid()}-{os.urandom(4).hex()}"
        self.path = self.target.parent / f".{self.target.name}.tmp-{self._token}"
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            sweep(self.target.parent)
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
        self.swapped_in_one_step: bool | None = None
        """After :meth:`commit`: True when the folder was swapped in by one system call, False
        when it took two renames, None when there was no folder to replace."""

    def commit(self) -> None:
        """Swap the temporary folder into place of ``target``.

        An existing ``target`` is exchanged with the temporary folder in one system call
        where the system allows, so it is never missing; the old contents, now under the
        temporary name, are then removed after :data:`SWAP_GRACE` (by the next run, if this one
        is killed first).
        """
        if not self._open:
            raise RuntimeError(f"{self.path} was already committed or discarded")
        self._open = False
        target = self.target
        if not target.exists():
            self.path.rename(target)
            return
        if exchange(self.path, target):
            self.swapped_in_one_step = True
            fault_point("swap")
            time.sleep(SWAP_GRACE)  # let lookups that began in the old folder finish
            shutil.rmtree(self.path, ignore_errors=True)
            return
        self.swapped_in_one_step = False
        old = target.parent / f".{target.name}.old-{self._token}"
        target.rename(old)
        fault_point("swap")  # the window: target is missing until the next rename (or next run)
        self.path.rename(target)
        time.sleep(SWAP_GRACE)
        shutil.rmtree(old, ignore_errors=True)

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
    see the old file or the new one, never half of either, and a crash leaves no torn file
    (the temporary file names this process, so :func:`sweep` removes it once it is dead).
    The new file has the usual permissions (umask), not a temporary file's 0600.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent
    )
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


_SYNC_THREADS = 16
"""fsyncs in flight at once: the disk's journal commits them together (1,000 review files
synced one by one took 6-10 s here; sixteen at a time, 0.7 s)."""


def write_files_atomic(files: Mapping[Path, bytes | str]) -> None:
    """Replace each file of ``files`` in one step, as :func:`write_atomic` does, but many at
    once: every new file is written to its temporary file first, all of them are flushed to disk
    together (several fsyncs in flight), and only then renamed into place, one by one, in the
    order given; each folder is synced once at the end. A reader sees each file old or new,
    never half of one; a crash before the renames changes nothing, and a crash among them
    leaves some files replaced, as replacing them one by one would. If writing any temporary
    file fails, no file is replaced and every temporary file is removed."""
    from concurrent.futures import ThreadPoolExecutor  # only here: kwpld's start stays light

    mode = 0o666 & ~_umask()
    staged: list[tuple[str, Path]] = []
    renamed = 0
    try:
        descriptors: list[int] = []
        try:
            for path, data in files.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(
                    prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent
                )
                descriptors.append(fd)
                staged.append((tmp, path))
                os.fchmod(fd, mode)
                view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
                while view:
                    view = view[os.write(fd, view) :]
            if len(descriptors) > 1:
                with ThreadPoolExecutor(min(_SYNC_THREADS, len(descriptors))) as pool:
                    list(pool.map(os.fsync, descriptors))
            elif descriptors:
                os.fsync(descriptors[0])
        finally:
            for fd in descriptors:
                with suppress(OSError):
                    os.close(fd)
        for tmp, path in staged:
            os.replace(tmp, path)
            renamed += 1
    except BaseException:
        for tmp, _ in staged[renamed:]:
            Path(tmp).unlink(missing_ok=True)
        raise
    for folder in sorted({path.parent for path in files}):
        _fsync_folder(folder)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (where folders can be opened and synced)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class FileTransaction:
    """Replace several files so that all of them change or none does.

    :meth:`commit` writes every new file beside its target (through :func:`write_atomic`),
    keeps a hard link to every old file, records all of that in a journal in the folder
    (``.kwpld-transaction-PID-TOKEN.json``), then renames the new files into place one by
    one. If a rename fails, every file already replaced is put back and the error raised.
    If the process is killed among the renames, the journal remains, and the next run of
    :func:`sweep` over the folder (every ``kwpld merge`` runs one) rolls every file back to
    its old contents. Once every file is in place the journal is removed: the commit point.

    Files may live in subfolders of ``folder``; a file that did not exist is created (and
    removed again by a roll-back).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder).absolute()
        self._token = f"{os.getpid()}-{os.urandom(4).hex()}"

    def commit(self, writes: Mapping[Path, str | bytes]) -> None:
        """Replace every file of ``writes`` (absolute paths, or relative to the folder)."""
        paths = [t if t.is_absolute() else self.folder / t for t in writes]
        for parent in sorted({self.folder, *(p.parent for p in paths)}):
            sweep(parent)
        entries: list[dict[str, str | None]] = []
        try:
            for number, (target, data) in enumerate(sorted(writes.items())):
                path = target if target.is_absolute() else self.folder / target
                stem = f".{path.name}.{self._token.split('-')[0]}-{number}x{self._token[-8:]}"
                staged = path.parent / f"{stem}.tmp"
                backup = path.parent / f"{stem}.bak"
                write_atomic(staged, data)
                if path.exists():
                    try:
                        os.link(path, backup)
                    except OSError:
                        shutil.copy2(path, backup)
                    old: str | None = str(backup)
                else:
                    old = None
                entries.append({"target": str(path), "staged": str(staged), "backup": old})
            journal = self.folder / f".kwpld-transaction-{self._token}.json"
            write_atomic(journal, json.dumps({"files": entries}, ensure_ascii=False, indent=1))
        except BaseException:
            for entry in entries:
                for key in ("staged", "backup"):
                    if entry[key] is not None:
                        Path(str(entry[key])).unlink(missing_ok=True)
            raise
        try:
            for done, entry in enumerate(entries):
                if done:
                    fault_point("transaction")
                os.replace(str(entry["staged"]), str(entry["target"]))
            for parent in sorted({Path(str(e["target"])).parent for e in entries}):
                _fsync_folder(parent)
        except BaseException:
            self.roll_back(journal)
            raise
        journal.unlink()  # the commit point: from here on the new files stand
        for entry in entries:
            if entry["backup"] is not None:
                Path(str(entry["backup"])).unlink(missing_ok=True)

    @staticmethod
    def roll_back(journal: Path) -> None:
        """Put back every file the journal lists as it was, and remove the journal."""
        try:
            entries = json.loads(journal.read_text("utf-8"))["files"]
        except (OSError, ValueError, KeyError, TypeError):
            journal.unlink(missing_ok=True)
            return
        for entry in entries:
            target, staged = Path(entry["target"]), Path(entry["staged"])
            if entry["backup"] is None:
                target.unlink(missing_ok=True)  # it did not exist before
            elif Path(entry["backup"]).exists():
                backup = Path(entry["backup"])
                if target.exists() and os.path.samefile(backup, target):
                    backup.unlink()  # never replaced: rename() would keep both links
                else:
                    os.replace(backup, target)
            staged.unlink(missing_ok=True)
        for parent in sorted({Path(e["target"]).parent for e in entries}):
            _fsync_folder(parent)
        journal.unlink(missing_ok=True)
