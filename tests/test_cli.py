"""The kwpld command as a user meets it: a real subprocess, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, FIXTURES

KWPLD = [sys.executable, "-m", "kwpld"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("KWPLD_DEBUG", None)
    return subprocess.run([*KWPLD, *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_build_writes_turtle_and_prints_a_summary(tmp_path: Path):
    result = run("build", str(EXAMPLE), "--out", str(tmp_path / "dist"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dist" / "data.ttl").exists()
    out = result.stdout
    for kind, count in [
        ("person", 6),
        ("organ", 9),
        ("event", 7),
        ("article", 8),
        ("membership", 1),
    ]:
        assert any(
            line.split()[:1] == [kind] and line.split()[-1] == str(count)
            for line in out.splitlines()
        )
    assert "triples" in out and str(tmp_path / "dist" / "data.ttl") in out


def test_broken_records_exit_2_without_traceback_and_write_nothing(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    out = tmp_path / "dist"
    assert run("build", str(data), "--out", str(out)).returncode == 0
    before = (out / "data.ttl").read_bytes()
    (data / "memberships.csv").write_text(
        (data / "memberships.csv")
        .read_text()
        .replace(",member,", ",memeber,")
        .replace("2010", "2013-02-30"),
        encoding="utf-8",
    )
    result = run("build", str(data), "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (
        "memberships.csv:2 (membership m-1) role: 'memeber' is not one of the allowed values"
        in result.stderr
    )
    assert "memberships.csv:2 (membership m-1) start: '2013-02-30'" in result.stderr
    assert "nothing was written" in result.stderr
    assert (out / "data.ttl").read_bytes() == before  # the previous output is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "dist"]  # no temp folders left


def test_build_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    result = run("build", str(EXAMPLE), "--out", str(precious))
    assert result.returncode == 2
    assert "does not look like a kwpld output folder" in result.stderr
    assert (precious / "thesis.docx").read_text() == "years of work"


def test_missing_data_folder_is_a_clear_error(tmp_path: Path):
    result = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "dist"))
    assert result.returncode == 2
    assert "no such data folder" in result.stderr and "Traceback" not in result.stderr


def test_check_reports_json_for_ci(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    clean = run("check", str(data), "--format", "json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["count"] == 0
    (data / "records.yaml").write_text(
        (data / "records.yaml").read_text().replace("parent: wpk", "parent: wpx"), encoding="utf-8"
    )
    broken = run("check", str(data), "--format", "json")
    assert broken.returncode == 2
    report = json.loads(broken.stdout)
    assert report["count"] == 1
    assert report["problems"][0]["code"] == "unknown-reference"
    assert report["problems"][0]["field"] == "parent"


def _commands() -> list[list[str]]:
    """Every command and command group the kwpld app registers, found in the app itself."""
    import typer.main

    from kwpld.cli import app

    group = typer.main.get_command(app)
    found: list[list[str]] = [[]]

    def walk(command, prefix: list[str]) -> None:  # noqa: ANN001
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            found.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(group, [])
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "kwpld")
def test_every_help_shows_an_example(command: list[str]):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout
    assert "kwpld " in result.stdout.split("Example", 1)[1]


def test_schema_prints_the_published_json_schema():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$id"].endswith("records-1.schema.json")
    assert run("schema", "dataset").returncode == 0
    assert run("schema", "nonsense").returncode == 2


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("kwpld ")
