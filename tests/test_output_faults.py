"""A full disk or a file size limit while writing a release: a clear message, exit 1, the
previous release intact, no temporary files left; never an internal error.

Three ways in: a small tmpfs really filling up (ENOSPC; needs root to mount), RLIMIT_FSIZE in
a child process (EFBIG, with one writer and with forked writers), and ENOSPC raised where the
writer writes (the library's OutputError and the command's exit code).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES
from test_bad_inputs import run_here, snapshot

import kwpld
from kwpld.errors import OutputError

MINIMAL = FIXTURES / "minimal"


def changed_data(tmp_path: Path) -> Path:
    """The minimal records with one more organ: a build that must write a new release."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    (data / "more.yaml").write_text(
        "kwpld: 1\norgans:\n  - {id: wpk-cmc, kind: commission, parent: wpk,\n"
        "     names: [{text: Central Military Commission, system: en}]}\n",
        encoding="utf-8",
    )
    return data


def assert_clean_refusal(output: str, code: int, out: Path, before: dict[str, str]) -> None:
    assert code == 1, output
    assert "internal error" not in output and "Traceback" not in output, output
    assert "nothing was published" in output and "is intact" in output, output
    assert snapshot(out) == before, "the previous release changed"
    litter = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    assert not litter, litter


@pytest.fixture
def disk(tmp_path: Path):
    """A 4 MB tmpfs, or skip when this process cannot mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_leaves_the_previous_release(disk: Path, tmp_path: Path):
    out = disk / "out"
    kwpld.build(MINIMAL, out, validate=False)
    before = snapshot(out)
    free = shutil.disk_usage(disk).free
    (disk / "filler").write_bytes(b"\0" * max(0, free - 300_000))  # room for a quarter release

    ran = run_here(["build", str(changed_data(tmp_path)), "--out", str(out), "--no-validate"], disk)

    assert "the disk is full" in ran.output, ran.output
    assert_clean_refusal(ran.output, ran.exit, out, before)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_size_limit_leaves_the_previous_release(tmp_path: Path, jobs: str):
    out = tmp_path / "out"
    kwpld.build(MINIMAL, out, validate=False)
    before = snapshot(out)
    data = changed_data(tmp_path)
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))\n"
        "from kwpld.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "build", str(data), "--out", str(out)]
        + ["--no-validate", "--jobs", jobs, "--no-incremental"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = done.stdout + done.stderr
    assert "file size limit" in output, output
    assert_clean_refusal(output, done.returncode, out, before)


def test_enospc_in_the_writer_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kwpld.publish import lines

    out = tmp_path / "out"
    kwpld.build(MINIMAL, out, validate=False)
    before = snapshot(out)
    written = {"bytes": 0}
    real_write = lines.HashingFile.write

    def write(self: lines.HashingFile, data: bytes) -> int:
        written["bytes"] += len(data)
        if written["bytes"] > 100_000:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, data)

    monkeypatch.setattr(lines.HashingFile, "write", write)
    data = changed_data(tmp_path)
    with pytest.raises(OutputError) as caught:
        kwpld.build(data, out, validate=False)
    assert caught.value.exit_code == 1
    assert "the disk is full" in str(caught.value) and "is intact" in str(caught.value)
    assert snapshot(out) == before

    written["bytes"] = 0
    ran = run_here(["build", str(data), "--out", str(out), "--no-validate"], tmp_path)
    assert_clean_refusal(ran.output, ran.exit, out, before)
