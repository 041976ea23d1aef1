"""The build as a whole: stages chained, jobs, and nothing published when a stage fails."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE

import kwpld
from kwpld.parallel import Forked, WorkerError
from kwpld.validate import ValidationError


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_jobs_write_the_same_release_as_one(tmp_path: Path):
    one = kwpld.build(EXAMPLE, tmp_path / "one", jobs=1)
    two = kwpld.build(EXAMPLE, tmp_path / "two", jobs=2)
    assert _digests(tmp_path / "one") == _digests(tmp_path / "two")
    assert one.validation is not None and two.validation is not None
    assert one.validation.findings == two.validation.findings == []
    assert {"load", "map", "validate", "write"} <= set(two.timings)
    assert two.release_timings  # the write steps, for the benchmark


@pytest.mark.parametrize("jobs", [1, 2])
def test_failing_validation_publishes_nothing_and_keeps_the_previous_release(tmp_path, jobs):
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    out = tmp_path / "dist"
    kwpld.build(data, out, jobs=jobs)
    before = _digests(out)
    events = data / "events.yaml"
    events.write_text(events.read_text().replace("ordinal: 3", "ordinal: 2"), encoding="utf-8")
    with pytest.raises(ValidationError):
        kwpld.build(data, out, jobs=jobs)
    assert _digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "dist"]  # no temp folders


def _boom(value: int) -> int:
    raise ValueError(f"bad value {value}")


def test_a_forked_task_returns_its_value_or_raises_its_error():
    assert Forked(lambda: pow(2, 10)).result() == 1024
    with pytest.raises(ValueError, match="bad value 3") as caught:
        Forked(lambda: _boom(3)).result()
    assert "in a worker process" in "".join(caught.value.__notes__)
    task = Forked(lambda: pow(3, 3))
    task.cancel()
    task.cancel()  # idempotent
    with pytest.raises(WorkerError, match="exit code 7"):
        Forked(lambda: os._exit(7)).result()


class _Recorder:
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def stage(self, name: str, total: int | None = None) -> None:
        self.events.append(("stage", name, total))

    def advance(self, steps: int = 1) -> None:
        self.events.append(("advance", steps))

    def finish(self) -> None:
        self.events.append(("finish",))


@pytest.mark.parametrize(
    ("jobs", "stages"),
    [(1, ["load", "map", "validate", "write"]), (2, ["load", "map", "validate + write"])],
)
def test_the_build_reports_its_stages_to_a_progress_display(tmp_path, jobs, stages):
    recorder = _Recorder()
    kwpld.build(EXAMPLE, tmp_path / "dist", jobs=jobs, progress=recorder)
    assert [e[1] for e in recorder.events if e[0] == "stage"] == stages
    files = len(kwpld.load_records(EXAMPLE).files)
    assert ("stage", "load", files) in recorder.events
    assert sum(e[1] for e in recorder.events if e[0] == "advance") == files + len(
        kwpld.load_records(EXAMPLE)
    )
