"""Release atomicity at the worst moments: kill -9 at injected points, and readers during swaps.

A child process runs the real command with :data:`kwpld.atomic.fault_hook` set to kill it
(SIGKILL, no clean-up) exactly at one point: between the steps of a folder swap, after a named
release appears but before ``latest/`` moves, among the renames of a file transaction. The
test then looks at what a reader would see, and runs the next command.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from publish_helpers import EXAMPLE, build_release, manifest, modified_example, tree_digest

from kwpld import atomic
from kwpld.atomic import FileTransaction, StagedDirectory, exchange, sweep
from kwpld.cli import main

_CHILD = """
import os, signal, sys
import kwpld.atomic as atomic
point, swap, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
def hook(where):
    if where == point:
        os.kill(os.getpid(), signal.SIGKILL)
atomic.fault_hook = hook
if swap == "two-renames":  # as on a system without an atomic exchange
    atomic.exchange = lambda a, b: False
if point == "staged":  # killed once the release is written, before it is moved into place
    import importlib
    build = importlib.import_module("kwpld.build")  # the module (kwpld.build is also a function)
    real = build.write_release
    def write_then_die(*args, **kwargs):
        real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
    build.write_release = write_then_die
from kwpld.cli import main
main(argv)
"""


def _killed_at(point: str, *argv: str, swap: str = "exchange") -> None:
    """Run ``kwpld ARGV`` in a child killed with SIGKILL at ``point``; it must die there."""
    process = subprocess.run(
        [sys.executable, "-c", _CHILD, point, swap, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=300,
    )
    assert process.returncode == -signal.SIGKILL, process.stderr.decode()


def _cli(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _exchange_works(tmp: Path) -> bool:
    (tmp / "probe-a").mkdir()
    (tmp / "probe-b").mkdir()
    try:
        return exchange(tmp / "probe-a", tmp / "probe-b")
    finally:
        (tmp / "probe-a").rmdir()
        (tmp / "probe-b").rmdir()


needs_exchange = pytest.mark.skipif(
    sys.platform not in ("linux", "darwin"),
    reason="renameat2/renamex_np are Linux and macOS calls",
)


@needs_exchange
def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from-a").touch()
    (tmp_path / "b" / "from-b").touch()
    assert exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["from-b"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]
    with pytest.raises(FileNotFoundError):
        exchange(tmp_path / "a", tmp_path / "missing")


def _swap_under_a_reader(target: Path, commits: int) -> int:
    """Replace ``target`` ``commits`` times while a thread looks for its marker file; how many
    times the reader found it missing."""
    marker = target / "manifest.json"
    with StagedDirectory(target, ("manifest.json",)) as staged:
        (staged.path / "manifest.json").write_text("0", "utf-8")
        staged.commit()
    missing = 0
    done = threading.Event()

    def read() -> None:
        nonlocal missing
        while not done.is_set():
            if not marker.exists():
                missing += 1

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(commits):
            with StagedDirectory(target, ("manifest.json",)) as staged:
                (staged.path / "manifest.json").write_text(str(number), "utf-8")
                staged.commit()
    finally:
        done.set()
        reader.join()
    return missing


@needs_exchange
def test_a_reader_never_finds_the_output_folder_missing(tmp_path: Path) -> None:
    if not _exchange_works(tmp_path):
        pytest.skip("this file system refuses RENAME_EXCHANGE")
    assert _swap_under_a_reader(tmp_path / "dist", 200) == 0
    assert (tmp_path / "dist" / "manifest.json").read_text("utf-8") == "199"
    assert _litter(tmp_path) == []


@needs_exchange
def test_kill_9_inside_the_swap_leaves_the_output_folder_in_place(tmp_path: Path) -> None:
    if not _exchange_works(tmp_path):
        pytest.skip("this file system refuses RENAME_EXCHANGE")
    out = tmp_path / "dist"
    build_release(out)
    before = tree_digest(out)
    data = modified_example(tmp_path / "next")
    _killed_at("swap", "build", str(data), "--out", str(out), "-q", "--no-incremental")
    # Killed after the exchange, before the old release was removed: dist is the new release,
    # whole; the old one lies in a hidden temporary folder that the next build removes.
    assert out.is_dir()
    assert tree_digest(out) != before
    assert manifest(out)["triples"] > 0
    assert _litter(tmp_path) != []
    assert _cli("build", str(data), "--out", str(out), "-q", "--no-incremental") == 0
    assert _litter(tmp_path) == []


def test_without_an_exchange_a_kill_between_the_renames_is_repaired(tmp_path: Path) -> None:
    """The fallback for systems without renameat2: a kill between its two renames leaves the
    previous release beside the folder, and the next run puts it back before anything else."""
    out = tmp_path / "dist"
    build_release(out)
    before = tree_digest(out)
    data = modified_example(tmp_path / "next")
    command = ("build", str(data), "--out", str(out), "-q", "--no-incremental")
    _killed_at("swap", *command, swap="two-renames")
    assert not out.exists()  # the window the exchange closes
    sweep(tmp_path)  # what the next build does first
    assert tree_digest(out) == before
    assert _cli("build", str(data), "--out", str(out), "-q", "--no-incremental") == 0
    assert _litter(tmp_path) == []


def test_a_release_killed_before_latest_moves_is_completed_by_the_rerun(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    releases = tmp_path / "releases"
    build_release(releases, name="2013.1")
    data = modified_example(tmp_path / "next")
    command = ("build", str(data), "--out", str(releases), "--release", "2013.2", "-q")
    _killed_at("release-committed", *command)
    assert (releases / "2013.2").is_dir()
    assert manifest(releases / "latest")["release"] == "2013.1"  # stale
    assert (releases / ".latest-pending").read_text("utf-8") == "2013.2\n"

    assert _cli(*command) == 0
    assert tree_digest(releases / "latest") == tree_digest(releases / "2013.2")
    assert sorted(p.name for p in releases.iterdir()) == ["2013.1", "2013.2", "latest"]
    # and now the release is complete, so the same name is refused again
    capsys.readouterr()
    assert _cli(*command) == 2
    assert "immutable" in capsys.readouterr().err


def test_a_different_build_under_an_interrupted_release_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    releases = tmp_path / "releases"
    build_release(releases, name="2013.1")
    data = modified_example(tmp_path / "next")
    command = ("build", str(data), "--out", str(releases), "--release", "2013.2", "-q")
    _killed_at("release-committed", *command)
    published = tree_digest(releases / "2013.2")
    # Run again with other records under the same name: the published release stays as it
    # is, latest/ now shows it, and the build is refused.
    assert _cli("build", str(EXAMPLE), "--out", str(releases), "--release", "2013.2", "-q") == 2
    assert "differs" in capsys.readouterr().err
    assert tree_digest(releases / "2013.2") == published
    assert tree_digest(releases / "latest") == published
    assert not (releases / ".latest-pending").exists()


def test_an_existing_release_without_the_pending_note_is_immutable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    releases = tmp_path / "releases"
    build_release(releases, name="2013.1")
    build_release(releases, name="2013.2")
    # A note naming an older release (left by hand, or a stale copy) does not reopen it when
    # the release is not complete.
    (releases / ".latest-pending").write_text("2013.1\n", "utf-8")
    (releases / "2013.1" / "data.nt").write_text("truncated", "utf-8")
    assert _cli("build", str(EXAMPLE), "--out", str(releases), "--release", "2013.1", "-q") == 2
    assert "immutable" in capsys.readouterr().err
    assert manifest(releases / "latest")["release"] == "2013.2"


def test_no_temporary_litter_survives_the_next_build(tmp_path: Path) -> None:
    releases = tmp_path / "releases"
    build_release(releases, name="2013.1")
    # Killed with the release written in its hidden folder, not yet moved into place.
    _killed_at("staged", "build", str(EXAMPLE), "--out", str(releases), "--release", "2013.2")
    assert any(".2013.2.tmp-" in name for name in _litter(releases))
    # Left by dead processes: a half-written file and an interrupted transaction's parts.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (releases / f".notes.txt.{dead.pid}-abc123.tmp").write_text("half", "utf-8")
    # A live process's temporary folder is its work in progress: it stays.
    (releases / f".other.tmp-{os.getpid()}-0badcafe").mkdir()
    assert _cli("build", str(EXAMPLE), "--out", str(releases), "--release", "2013.3", "-q") == 0
    assert _litter(releases) == [f".other.tmp-{os.getpid()}-0badcafe"]
    assert not (releases / "2013.2").exists()


def test_a_file_transaction_killed_among_its_renames_is_rolled_back(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    files = {folder / "a.yaml": "a1\n", folder / "b.yaml": "b1\n", folder / "sub/c.yaml": "c1\n"}
    for path, text in files.items():
        path.write_text(text, "utf-8")
    code = f"""
import os, signal
from pathlib import Path
import kwpld.atomic as atomic
atomic.fault_hook = lambda p: os.kill(os.getpid(), signal.SIGKILL) if p == "transaction" else None
root = Path({str(folder)!r})
atomic.FileTransaction(root).commit(
    {{root / "a.yaml": "a2\\n", root / "b.yaml": "b2\\n", root / "sub/c.yaml": "c2\\n",
      root / "new.yaml": "n2\\n"}}
)
"""
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.decode()
    # One file was replaced before the kill: the folder is half new, and a journal says so.
    texts = {p: p.read_text("utf-8") for p in files}
    assert sorted(texts.values()) != sorted(files.values())
    assert any(n.startswith(".kwpld-transaction-") for n in _litter(folder))
    sweep(folder)  # what the next kwpld merge does first
    assert {p: p.read_text("utf-8") for p in files} == files
    assert not (folder / "new.yaml").exists()
    assert _litter(folder) == [] and _litter(folder / "sub") == []


def test_a_file_transaction_that_fails_puts_every_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {tmp_path / "a.yaml": "a1\n", tmp_path / "b.yaml": "b1\n"}
    for path, text in files.items():
        path.write_text(text, "utf-8")
    real = os.replace
    victim = str(tmp_path / "b.yaml")

    def second_fails(src: str, dst: str) -> None:
        if str(dst) == victim and str(src).endswith(".tmp"):  # b.yaml's turn, after a.yaml's
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", second_fails)
    with pytest.raises(OSError, match="No space"):
        FileTransaction(tmp_path).commit({p: "new\n" for p in files})
    monkeypatch.undo()
    assert {p: p.read_text("utf-8") for p in files} == files
    assert _litter(tmp_path) == []
    FileTransaction(tmp_path).commit({p: "new\n" for p in files})
    assert {p.read_text("utf-8") for p in files} == {"new\n"}
    assert _litter(tmp_path) == []
