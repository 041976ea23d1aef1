"""The kwpld command as a user meets it: a real subprocess, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, FIXTURES, ROOT

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


def _paths() -> list[list[str]]:
    from kwpld.cli.reference import command_paths

    return list(command_paths())


@pytest.mark.parametrize("path", _paths(), ids=lambda c: " ".join(c) or "kwpld")
def test_every_help_shows_an_example(path: list[str]):
    from kwpld.cli.reference import help_text

    text = help_text(path)
    assert "Example" in text
    assert "kwpld " in text.split("Example", 1)[1]


def test_help_as_a_user_runs_it():
    root = run("--help")
    assert root.returncode == 0 and "Commands:" in root.stdout
    assert all(f"  {name} " in root.stdout for name in ("build", "query", "chart", "synth"))
    sub = run("chart", "timeline", "-h")
    assert sub.returncode == 0 and "kwpld chart timeline jang-song-taek" in sub.stdout
    typo = run("buidl", "examples")
    assert typo.returncode == 2 and "No such command 'buidl'. Did you mean 'build'?" in typo.stderr


def test_the_command_list_is_each_commands_own_summary():
    """kwpld --help lists the commands from a table without importing them; each line must
    be the first paragraph of the command's own help."""
    from kwpld.cli import COMMANDS
    from kwpld.cli.reference import command_paths, help_text

    assert [p[0] for p in command_paths() if len(p) == 1] == list(COMMANDS)
    for name, (_, summary) in COMMANDS.items():
        own = help_text([name]).split("\n\n")[1]  # after the Usage line
        assert " ".join(own.split()) == summary, name


def test_the_command_reference_is_up_to_date():
    from kwpld.cli.reference import render_reference

    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == render_reference(), (
        "regenerate it: python -m kwpld.cli.reference > docs/cli.md"
    )


def _options() -> list[tuple[str, object]]:
    """(command, option) for every option of every command."""
    from kwpld.cli.reference import _root_context

    root, ctx = _root_context()
    found: list[tuple[str, object]] = []

    def walk(command, ctx, path: list[str]) -> None:  # noqa: ANN001
        found.extend((" ".join(path), p) for p in command.params if p.param_type_name == "option")
        for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
            sub = command.get_command(ctx, name)
            walk(sub, type(ctx)(sub, info_name=name, parent=ctx), [*path, name])

    walk(root, ctx, [])
    return found


def test_one_option_convention_and_choices_shown():
    """-f/--format is always a report format with its values listed, -o/--out always a path
    written; the old spellings that meant something else are hidden."""
    from kwpld.cli.reference import help_text

    def choices_listed(command: str, option: str) -> bool:
        text = help_text(command.split())
        return re.search(re.escape(option) + r" <[^>|]+(\|[^>|]+)+>", text) is not None

    formats = 0
    for command, option in _options():
        names = set(option.opts)  # type: ignore[attr-defined]
        if option.hidden:  # type: ignore[attr-defined]
            continue
        if "-f" in names or "--format" in names:
            formats += 1
            assert names == {"-f", "--format"}, command
            assert choices_listed(command, "--format"), command
        if "-o" in names or "--out" in names:
            assert names == {"-o", "--out"}, command
        assert "--output" not in names, command
        for enum_option in ("--fail-on", "--engine", "--auth", "--size", "--input-format"):
            if enum_option in names:
                assert choices_listed(command, enum_option), (command, enum_option)
    assert formats >= 7  # check, validate, query, diff, link, ingest, review
    assert "-f, --format <text|json>" in help_text(["check"])


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


def test_help_loads_no_command_and_nothing_heavy():
    """kwpld --help lists the commands from a table: no command module, no library module,
    none of the heavy dependencies, and not Typer's Rich help (about 0.19 s to import)."""
    code = (
        "from kwpld.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "import json, sys\nprint(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert [m for m in loaded if m.split(".")[0] == "kwpld"] == [
        "kwpld",
        "kwpld.__about__",
        "kwpld.cli",
        "kwpld.errors",
    ]
    heavy = ("requests", "rdflib", "pyoxigraph", "pyshacl", "yaml", "jsonschema", "rich")
    assert [m for m in heavy if m in loaded] == []


def in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """kwpld run in this process (exit code, stdout, stderr): for what the answers are, where
    the process boundary is not what a test is about (the tests around it run it for real)."""
    from kwpld.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
        raise SystemExit(0)
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return code if isinstance(code, int) else 1, out, err


def test_query_a_data_folder_as_its_release(built_example, capsys: pytest.CaptureFixture[str]):
    """kwpld query on a data folder gives the answers it gives on the folder's release (in
    process: test_query_names_what_it_takes_when_the_target_is_none_of_them runs the command
    as a subprocess, with its exit code and stderr)."""
    for name in ("meetings.rq", "organ-chain.rq", "names.rq"):
        query = str(ROOT / "examples" / "queries" / name)
        on_data = in_process(capsys, "query", str(EXAMPLE), query, "--format", "csv")
        on_release = in_process(capsys, "query", str(built_example.out), query, "--format", "csv")
        assert on_data[0] == 0 and on_release[0] == 0, on_data[2] + on_release[2]
        assert on_data[1] == on_release[1] and on_data[1].count("\n") > 2, name


def test_query_names_what_it_takes_when_the_target_is_none_of_them(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.txt").write_text("x")
    for target, message in [
        (tmp_path / "missing", "no such release folder, data folder or store"),
        (tmp_path / "empty", "not a release folder (manifest.json), a data folder (kwpld.yaml)"),
        (tmp_path / "file.txt", "not a release folder (manifest.json), a data folder"),
    ]:
        done = run("query", str(target), "ASK { ?s ?p ?o }")
        assert done.returncode == 2, done.stderr
        assert message in done.stderr
        assert "Traceback" not in done.stderr and "CURRENT" not in done.stderr


def test_old_option_spellings_still_work_with_a_warning(tmp_path: Path):
    report = tmp_path / "report.json"
    done = run("validate", str(EXAMPLE), "--format", "json", "--output", str(report))
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text("utf-8"))["conforms"] in (True, False)
    assert "--output is deprecated" in done.stderr and "use --out (-o)" in done.stderr
