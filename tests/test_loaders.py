"""The loader scripts of a release (load/*.sh) never write inside the release.

``load/oxigraph.sh`` runs for real (the ``oxigraph`` command from PyPI, a test extra), from
another folder with a relative target; the Jena, GraphDB and QLever loaders run with stand-in
commands on PATH that record where they were run and what they were given, and the QLever
one's Qleverfile is read as qlever-control reads it and its input commands are run.
"""

from __future__ import annotations

import configparser
import json
import os
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import FIXTURES, require_tool
from test_bad_inputs import snapshot

import kwpld


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release") / "2013.1"
    kwpld.build(FIXTURES / "minimal", out, validate=False)
    return out


def run(
    script: Path, args: list[str], cwd: Path, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if path is not None:
        env["PATH"] = f"{path}{os.pathsep}{env['PATH']}"
    for name in ("OXIGRAPH_LOCATION", "TDB2_LOCATION", "QLEVER_INDEX", "GRAPHDB_REPOSITORY"):
        env.pop(name, None)
    return subprocess.run(
        [str(script), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def stand_in(folder: Path, name: str, log: Path) -> None:
    """A command that records its working folder and arguments, one JSON line a call."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(
        "#!/bin/sh\n"
        f'python3 -c \'import json, os, sys; print(json.dumps({{"cwd": os.getcwd(), '
        f'"args": sys.argv[1:]}}))\' "$@" >> "{log}"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)


def calls(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text("utf-8").splitlines()]


def outside(path: str, release: Path) -> bool:
    real = Path(path).resolve()
    return real != release.resolve() and release.resolve() not in real.parents


def test_oxigraph_loads_into_a_relative_folder_outside_the_release(release: Path, tmp_path: Path):
    require_tool("oxigraph")
    before = snapshot(release)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    done = run(release / "load" / "oxigraph.sh", ["db"], elsewhere)

    assert done.returncode == 0, done.stderr
    assert snapshot(release) == before, "oxigraph.sh wrote inside the release"
    assert (elsewhere / "db").is_dir()
    manifest = json.loads((release / "manifest.json").read_text("utf-8"))
    store = ox.Store.read_only(str(elsewhere / "db"))
    assert len(store) == manifest["quads"]


@pytest.mark.parametrize("script", ["oxigraph.sh", "jena-tdb2.sh", "qlever.sh"])
@pytest.mark.parametrize("target", ["inside", "../2013.1/inside", "."])
def test_a_target_inside_the_release_is_refused(release: Path, script: str, target: str):
    before = snapshot(release)
    cwd = release if target != "../2013.1/inside" else release / "load"
    if target == "../2013.1/inside":
        target = "../inside"

    done = run(release / "load" / script, [target], cwd)

    assert done.returncode == 2, done.stdout + done.stderr
    assert "is inside the release" in done.stderr and "never written to" in done.stderr
    assert snapshot(release) == before


def test_jena_and_graphdb_are_given_absolute_paths_and_run_outside(release: Path, tmp_path: Path):
    tools, log = tmp_path / "bin", tmp_path / "calls.jsonl"
    for name in ("tdb2.tdbloader", "importrdf"):
        stand_in(tools, name, log)
    before = snapshot(release)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    assert run(release / "load" / "jena-tdb2.sh", ["tdb"], elsewhere, str(tools)).returncode == 0
    assert run(release / "load" / "graphdb.sh", ["repo"], elsewhere, str(tools)).returncode == 0

    tdb, graphdb = calls(log)
    assert tdb["args"][:2] == ["--loc", str(elsewhere.resolve() / "tdb")]
    for call in (tdb, graphdb):
        assert outside(str(call["cwd"]), release)
        files = [a for a in call["args"] if str(a).endswith(".nq")]
        assert files and all(Path(f).is_absolute() and Path(f).is_file() for f in files)
    assert snapshot(release) == before


def test_qlever_builds_its_index_outside_from_absolute_paths(release: Path, tmp_path: Path):
    tools, log = tmp_path / "bin", tmp_path / "calls.jsonl"
    stand_in(tools, "qlever", log)
    before = snapshot(release)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    done = run(release / "load" / "qlever.sh", ["index"], elsewhere, str(tools))

    assert done.returncode == 0, done.stderr
    (call,) = calls(log)
    assert call["args"] == ["index"] and Path(str(call["cwd"])) == (elsewhere / "index").resolve()
    assert snapshot(release) == before
    # The Qleverfile as qlever-control reads it; its input commands give every quad.
    config = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
    config.read(elsewhere / "index" / "Qleverfile", encoding="utf-8")
    streams = json.loads(config["index"]["MULTI_INPUT_JSON"])
    lines = 0
    for stream in streams:
        assert str(release.resolve()) in stream["cmd"]
        out = subprocess.run(
            stream["cmd"], shell=True, cwd=elsewhere / "index", capture_output=True, check=True
        ).stdout
        lines += out.count(b"\n")
    manifest = json.loads((release / "manifest.json").read_text("utf-8"))
    assert lines == sum(g["triples"] for g in manifest["graphs"])
    assert config["data"]["DESCRIPTION"]


def test_no_loader_changes_folder_before_resolving_its_target(release: Path):
    """The fault this guards against: ``cd "$here"`` before a relative target is used."""
    for script in sorted((release / "load").glob("*.sh")):
        text = script.read_text("utf-8")
        if "location=" in text:
            assert 'cd "$here"' not in text, script.name
            assert "location=$(pwd -P)/$location" in text, script.name
