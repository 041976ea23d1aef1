"""Dated, immutable releases plus latest/, and atomic replacement under kill -9."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from publish_helpers import EXAMPLE, build_release, manifest, tree_digest

from kwpld.cli import main


def _cli(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_named_release_writes_an_immutable_folder_and_refreshes_latest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    releases = tmp_path / "releases"
    assert _cli("build", str(EXAMPLE), "--out", str(releases), "--release", "2013.1", "-q") == 0
    first = releases / "2013.1"
    assert tree_digest(releases / "latest") == tree_digest(first)
    assert manifest(first)["release"] == "2013.1"
    assert manifest(first)["dataset"]["version"] == "2013.1"

    # The same name again is refused: a published release never changes.
    before = tree_digest(first)
    assert _cli("build", str(EXAMPLE), "--out", str(releases), "--release", "2013.1", "-q") == 2
    assert "immutable" in capsys.readouterr().err
    assert tree_digest(first) == before

    assert _cli("build", str(EXAMPLE), "--out", str(releases), "--release", "2013.2", "-q") == 0
    assert tree_digest(releases / "latest") == tree_digest(releases / "2013.2")
    assert tree_digest(first) == before
    assert sorted(p.name for p in releases.iterdir()) == ["2013.1", "2013.2", "latest"]


def test_release_names_come_from_the_user_so_output_stays_deterministic(tmp_path: Path) -> None:
    a = build_release(tmp_path / "a", name="2024-05-01")
    b = build_release(tmp_path / "b", name="2024-05-01")
    assert a.name == b.name == "2024-05-01"
    assert tree_digest(a) == tree_digest(b)
    assert "issued" not in (a / "void.ttl").read_text("utf-8")


@pytest.mark.parametrize("name", ["latest", "../escape", "two words", ".hidden"])
def test_bad_release_names_are_refused(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli("build", str(EXAMPLE), "--out", str(tmp_path / "r"), "--release", name, "-q") == 2
    assert "release name" in capsys.readouterr().err
    assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())


def _bigger_example(target: Path, people: int) -> Path:
    """The example plus generated people and memberships, so writing takes a while."""
    shutil.copytree(EXAMPLE, target)
    rows = ["id,name_en,name_hangul,name_mr,name_rr,gender,citizenship,description,sources"]
    members = ["id,person,organ,role,post,start,end,as_of,status,sources,note"]
    for i in range(people):
        rows.append(
            f"gen-person-{i:05d},Generated Person {i},생성 {i},Saengsŏng {i},"
            f"Saengseong {i},male,KP,"
            f"A generated person for the atomic-write test,nklw-2013-01-party-cell-secretaries"
        )
        members.append(
            f"gen-person-{i:05d}.cc,gen-person-{i:05d},wpk-cc,member,,,,2013-01,reported,"
            "nklw-2013-01-party-cell-secretaries,generated"
        )
    (target / "generated-people.csv").write_text("\n".join(rows) + "\n", "utf-8")
    (target / "generated-memberships.csv").write_text("\n".join(members) + "\n", "utf-8")
    return target


def test_kill_9_in_the_middle_of_a_build_leaves_the_previous_release_intact(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build_release(out)
    before = tree_digest(out)
    data = _bigger_example(tmp_path / "bigger", 1500)
    process = subprocess.Popen(
        [sys.executable, "-c", "from kwpld.cli import main; main()"]
        + ["build", str(data), "--out", str(out), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # Wait until the new release is half written: the temporary folder has its N-Quads but
    # not yet its manifest. Then kill the process without letting it clean up.
    deadline = time.monotonic() + 120
    killed_mid_write = False
    while time.monotonic() < deadline and process.poll() is None:
        temps = list(tmp_path.glob(".dist.tmp-*"))
        if temps and (temps[0] / "data.nq").exists() and not (temps[0] / "manifest.json").exists():
            os.kill(process.pid, signal.SIGKILL)
            killed_mid_write = True
            break
        time.sleep(0.002)
    process.wait(timeout=30)
    assert killed_mid_write, f"the build ended before it could be killed: {process.stderr.read()!r}"
    assert process.returncode == -signal.SIGKILL
    assert list(tmp_path.glob(".dist.tmp-*")), "the kill should have left a half-written folder"
    assert tree_digest(out) == before  # the previous release is untouched

    # The next build cleans up after the dead one and replaces the release as a whole.
    result = build_release(out, data=data)
    assert not list(tmp_path.glob(".dist.*"))
    assert manifest(result)["triples"] > manifest(result)["graphs"][0]["triples"]
    assert tree_digest(out) != before


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie waiting for init is not alive
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_kill_9_during_a_parallel_write_leaves_no_writer_behind(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build_release(out)
    before = tree_digest(out)
    data = _bigger_example(tmp_path / "bigger", 1500)
    # Every task first waits a minute, so a worker that outlived the build would still be
    # there when the test looks.
    code = """
import sys, time, kwpld
from kwpld.publish import ReleaseOptions
from kwpld.parallel import Task
from kwpld.publish.plan import ReleasePlan
tasks = ReleasePlan.tasks
def slow(self):
    return [Task(t.name, t.cost, lambda t=t: (time.sleep(60), t.run())[1]) for t in tasks(self)]
ReleasePlan.tasks = slow
kwpld.build(sys.argv[1], sys.argv[2], release=ReleaseOptions(jobs=2))
"""
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(data), str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        temps = list(tmp_path.glob(".dist.tmp-*"))
        workers = _children(process.pid)
        if workers and temps and not (temps[0] / "manifest.json").exists():
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    process.wait(timeout=30)
    assert workers, f"the build ended before its workers started: {process.stderr.read()!r}"
    assert process.returncode == -signal.SIGKILL
    # The workers die with the build (PR_SET_PDEATHSIG) instead of writing on.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)
    assert tree_digest(out) == before
    build_release(out, data=data)
    assert not list(tmp_path.glob(".dist.*"))
