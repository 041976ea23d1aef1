"""The catalogue of bad inputs (``tests/bad_inputs/catalogue.yaml``), through ``kwpld build``.

Each case must give a clear problem that names the file and line, exit 2, write nothing, and
leave the release that ``--out`` held before byte-identical; ``kwpld check`` must report the
same problem. The cases run through the real command (``kwpld.cli.main``) in this process, or
in a child process run as an unprivileged user when a case needs a file that root could read.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

import kwpld
from kwpld.cli import main

CATALOGUE = Path(__file__).parent / "bad_inputs" / "catalogue.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CATALOGUE.read_text("utf-8"))
MINIMAL = FIXTURES / "minimal"


def _bytes(body: str) -> bytes:
    """A Python bytes literal's body ('K\\x00im\\n') as bytes."""
    return codecs.escape_decode(body.encode("latin-1"))[0]


@pytest.fixture(scope="module")
def previous_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release every case's --out holds before the bad build (validated, as a user's)."""
    out = tmp_path_factory.mktemp("previous") / "out"
    kwpld.build(MINIMAL, out)
    return out


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder`` (hidden ones too), with each file's SHA-256."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        relative = os.fsencode(path.relative_to(folder)).decode("utf-8", "backslashreplace")
        if path.is_symlink():
            found[relative] = f"link to {os.readlink(path)}"
        elif path.is_dir():
            found[relative] = "folder"
        elif path.is_file():
            try:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            except PermissionError:
                found[relative] = f"unreadable {path.stat().st_size}"
        else:
            found[relative] = "special"
    return found


def make_data(case: dict[str, Any], root: Path) -> Path:
    data = root / "data"
    if case.get("base", "minimal") == "minimal":
        shutil.copytree(MINIMAL, data)
    else:
        data.mkdir()
    for path in case.get("remove", []):
        (data / path).unlink()
    for path in case.get("dirs", []):
        (data / path).mkdir(parents=True)
    for path, text in case.get("files", {}).items():
        (data / path).parent.mkdir(parents=True, exist_ok=True)
        (data / path).write_text(text, encoding="utf-8")
    for path, body in case.get("bytes", {}).items():
        (data / path).write_bytes(_bytes(body))
    for name, text in case.get("raw_names", {}).items():
        with open(os.path.join(os.fsencode(data), _bytes(name)), "wb") as handle:
            handle.write(text.encode("utf-8"))
    for path, target in case.get("symlinks", {}).items():
        (data / path).symlink_to(target)
    for path in case.get("fifos", []):
        os.mkfifo(data / path)
    for path, mode in case.get("chmod", {}).items():
        (data / path).chmod(mode)
    if case.get("data") == "missing":
        return root / "missing"
    if case.get("data") == "file":
        (root / "file.yaml").write_text("kwpld: 1\n", encoding="utf-8")
        return root / "file.yaml"
    return data


@dataclass
class Run:
    exit: int
    output: str


def run_here(args: list[str], cwd: Path) -> Run:
    """``kwpld ARGS`` in this process, from ``cwd``; exit code and everything it printed."""
    out, err = io.StringIO(), io.StringIO()
    code: Any = 0
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as stop:
            code = stop.code
    return Run(
        code if isinstance(code, int) else (0 if code is None else 1),
        out.getvalue() + err.getvalue(),
    )


DROP_READ_ANYTHING = ["--bounding-set", "-dac_override,-dac_read_search"]


def run_without_privilege(args: list[str], cwd: Path) -> Run:
    """``kwpld ARGS`` in a child process that, though root, obeys file permissions (the
    capabilities that let root read any file are dropped): a chmod 000 file is unreadable."""
    done = subprocess.run(
        ["setpriv", *DROP_READ_ANYTHING, "--", sys.executable, "-m", "kwpld", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout + done.stderr)


def find_problem(run: Run, case: dict[str, Any]) -> str:
    """The printed line that reports the case's problem, or fail saying what was printed."""
    location, message, code = case.get("location"), case["message"], case.get("code")
    for line in run.output.splitlines():
        if location is not None and not line.startswith(f"{location} "):
            continue
        if message in line and (code is None or line.rstrip().endswith(f"[{code}]")):
            return line
    raise AssertionError(
        f"no line {'at ' + location if location else ''} with {message!r} "
        f"{'[' + code + ']' if code else ''} in:\n{run.output}"
    )


def test_the_catalogue_is_large_and_its_names_unique():
    names = [case["name"] for case in CASES]
    assert len(names) >= 60
    assert len(set(names)) == len(names), [n for n in names if names.count(n) > 1]
    codes = {case.get("code") for case in CASES} - {None}
    assert codes <= set(kwpld.errors.PROBLEM_CODES), codes - set(kwpld.errors.PROBLEM_CODES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_input(case: dict[str, Any], tmp_path: Path, previous_release: Path):
    run = run_here
    if "chmod" in case and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root reads any file, and setpriv (to drop that) is not installed")
        run = run_without_privilege
    root = tmp_path
    data = make_data(case, root)
    out = root / "out"
    shutil.copytree(previous_release, out, symlinks=True)
    before_out, before_data = snapshot(out), snapshot(root)
    relative = os.path.relpath(data, root)
    try:
        built = run(["build", relative, "--out", "out", *case.get("args", [])], root)

        assert built.exit == case.get("exit", 2), built.output
        assert "Traceback" not in built.output and "internal error" not in built.output
        find_problem(built, case)
        assert snapshot(out) == before_out, "the previous release changed"
        assert snapshot(root) == before_data, "the build wrote something"
        if case.get("check", True):
            checked = run(["check", relative], root)
            assert checked.exit == case.get("exit", 2), checked.output
            find_problem(checked, case)
    finally:
        for path in case.get("chmod", {}):
            (data / path).chmod(0o755)  # so that pytest can remove it


def test_every_problem_code_is_documented():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text("utf-8")
    rows = {
        line.split("|")[1].strip().strip("`")
        for line in docs.splitlines()
        if line.startswith("| `")
    }
    assert set(kwpld.errors.PROBLEM_CODES) <= rows, set(kwpld.errors.PROBLEM_CODES) - rows
