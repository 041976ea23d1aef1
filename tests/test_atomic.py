"""Folders and files replaced in one step: readers see the old one or the new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kwpld.atomic import StagedDirectory, atomic_directory, write_atomic
from kwpld.errors import InputError

MARKERS = ("manifest.json",)


def test_write_atomic_replaces_a_file_whole_with_the_usual_permissions(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "report.json"
    write_atomic(path, "first\n")
    write_atomic(path, b"second\n")
    assert path.read_bytes() == b"second\n"
    mask = os.umask(0o022)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask  # not a temporary file's 0600
    assert [p.name for p in path.parent.iterdir()] == ["report.json"]  # no temporary left
    write_atomic(path, "날짜 2013-01\n")
    assert path.read_text("utf-8") == "날짜 2013-01\n"


def test_write_atomic_leaves_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "links.yaml"
    path.write_text("old\n", "utf-8")

    def full(fd: int) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # where a full disk shows
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new\n")
    assert path.read_text("utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["links.yaml"]


def test_a_staged_folder_replaces_the_target_only_when_committed(tmp_path: Path) -> None:
    target = tmp_path / "dist"
    with atomic_directory(target, MARKERS) as tmp:
        (tmp / "manifest.json").write_text("1", "utf-8")
    assert (target / "manifest.json").read_text("utf-8") == "1"
    with StagedDirectory(target, MARKERS) as staged:
        (staged.path / "manifest.json").write_text("2", "utf-8")
        staged.discard()  # a build that decides not to publish
    assert (target / "manifest.json").read_text("utf-8") == "1"
    with StagedDirectory(target, MARKERS) as staged:
        (staged.path / "manifest.json").write_text("3", "utf-8")
        staged.commit()
    assert (target / "manifest.json").read_text("utf-8") == "3"
    with pytest.raises(ValueError), atomic_directory(target, MARKERS) as tmp:
        (tmp / "manifest.json").write_text("4", "utf-8")
        raise ValueError("the writer broke")
    assert (target / "manifest.json").read_text("utf-8") == "3"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]  # no temporary folders


def test_a_folder_kwpld_did_not_write_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "home"
    target.mkdir()
    (target / "thesis.tex").write_text("years of work", "utf-8")
    with pytest.raises(InputError, match="does not look like a kwpld output folder"):
        StagedDirectory(target, MARKERS)
    with pytest.raises(InputError):  # no markers: only an empty folder may be replaced
        StagedDirectory(tmp_path / "home")
    assert (target / "thesis.tex").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with StagedDirectory(empty) as staged:
        staged.commit()
