"""Folders and files replaced in one step: readers see the old one or the new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kwpld.atomic import StagedDirectory, atomic_directory, write_atomic, write_files_atomic
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


def test_write_files_atomic_replaces_many_files_with_the_usual_permissions(tmp_path: Path) -> None:
    old = tmp_path / "a" / "old.yaml"
    old.parent.mkdir()
    old.write_text("old\n", "utf-8")
    files: dict[Path, bytes | str] = {old: "new\n", tmp_path / "b" / "c.txt": b"bytes\n"}
    files.update({tmp_path / "a" / f"{n}.txt": f"날짜 {n}\n" * 1000 for n in range(40)})
    write_files_atomic(files)
    for path, data in files.items():
        assert path.read_bytes() == (data.encode("utf-8") if isinstance(data, str) else data)
    mask = os.umask(0o022)
    os.umask(mask)
    assert {p.stat().st_mode & 0o777 for p in files} == {0o666 & ~mask}
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        p.name for p in files
    )  # no temporary file left


def test_write_files_atomic_replaces_nothing_when_one_file_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [tmp_path / f"{n}.yaml" for n in range(5)]
    for path in paths:
        path.write_text("old\n", "utf-8")
    calls = 0

    def full(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError("No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # where a full disk shows
    with pytest.raises(OSError, match="No space left"):
        write_files_atomic({path: "new\n" for path in paths})
    assert [p.read_text("utf-8") for p in paths] == ["old\n"] * 5
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


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
