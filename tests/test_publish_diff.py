"""kwpld diff: per-graph changes between releases, and a patch that turns one into the other."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from publish_helpers import build_release, modified_example, nquads_dataset, quad_strings

from kwpld.cli import main
from kwpld.publish.diff import diff_releases

BASE = "https://w3id.org/kwpld/id/"


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("diff")
    old = build_release(tmp / "old")
    new = build_release(
        tmp / "new", data=modified_example(tmp / "data"), gzip=True, split_size=30_000
    )
    return old, new


def _store(release: Path) -> ox.Store:
    store = ox.Store()
    for quad in nquads_dataset(release):
        store.add(quad)
    return store


def test_patch_turns_a_store_with_the_old_release_into_the_new_one(
    releases: tuple[Path, Path],
) -> None:
    old, new = releases
    patch = io.StringIO()
    result = diff_releases(old, new, patch, chunk=50)
    store = _store(old)
    operations = patch.getvalue().split("\n;\n")
    assert len(operations) > 2  # chunked: no operation holds more than 50 triples
    for operation in operations:
        assert operation.count(" .\n") <= 50
    store.update(patch.getvalue())
    assert quad_strings(store) == quad_strings(nquads_dataset(new))
    changes = {c.graph: c for c in result.graphs}
    source = changes[f"{BASE}graph/source/graphic-kwp-pb-2013-01"]
    assert source.added >= 1 and source.removed >= 1  # projected -> reported
    records = changes[f"{BASE}graph/records"]
    assert records.added > 10 and records.removed == 0  # one person added
    assert changes[f"{BASE}graph/ontology"].added == changes[f"{BASE}graph/ontology"].removed == 0


def test_diff_of_identical_releases_is_empty(
    tmp_path: Path, releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = releases
    again = build_release(tmp_path / "again", gzip=True)
    result = diff_releases(old, again)
    assert result.added == result.removed == 0
    try:
        main(["diff", str(old), str(again)])
    except SystemExit as exc:
        assert not exc.code
    assert "the releases hold the same triples" in capsys.readouterr().out


def test_diff_reads_source_graphs_across_split_parts(
    tmp_path: Path, releases: tuple[Path, Path]
) -> None:
    old, new = releases
    # Parts of 2 KB: source graphs straddle parts, which must not change any answer.
    tiny = build_release(tmp_path / "tiny", gzip=True, split_size=2_000)
    assert diff_releases(old, tiny).added == diff_releases(old, tiny).removed == 0
    patch = io.StringIO()
    result = diff_releases(tiny, new, patch, chunk=50)
    assert result.added and result.removed
    store = _store(tiny)
    store.update(patch.getvalue())
    assert quad_strings(store) == quad_strings(nquads_dataset(new))


def test_diff_command_writes_summary_and_patch_file(
    tmp_path: Path, releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = releases
    patch = tmp_path / "patch.ru"
    try:
        main(["diff", str(old), str(new), "--patch", str(patch), "--format", "json"])
    except SystemExit as exc:
        assert not exc.code
    summary = json.loads(capsys.readouterr().out)
    assert summary["added"] > 0 and summary["removed"] > 0
    store = _store(old)
    store.update(patch.read_text("utf-8"))
    assert len(store) == len(nquads_dataset(new))


def _as_layout_1(release: Path, target: Path) -> Path:
    """The release as kwpld wrote it before graphs/sources.nq: one .nt file per graph."""
    shutil.copytree(release, target)
    data = json.loads((target / "manifest.json").read_text("utf-8"))
    quads = (target / "graphs" / "sources.nq").read_text("utf-8").splitlines(keepends=True)
    (target / "graphs" / "sources.nq").unlink()
    for entry in data["graphs"]:
        if entry["files"] != ["graphs/sources.nq"]:
            continue
        name = "graphs/source/" + entry["iri"].rsplit("/", 1)[1] + ".nt"
        suffix = f" <{entry['iri']}> .\n"
        lines = [line[: -len(suffix)] + " .\n" for line in quads if line.endswith(suffix)]
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_text("".join(lines), "utf-8")
        entry["files"] = [name]
    data["kwpld_release"] = 1
    (target / "manifest.json").write_text(json.dumps(data), "utf-8")
    return target


def test_releases_of_layout_1_are_still_read(tmp_path: Path, releases: tuple[Path, Path]) -> None:
    from gsp_server import GraphStoreServer, ServerState

    from kwpld.publish.gsp import publish_release
    from kwpld.publish.store import load_release

    old, new = releases
    legacy = _as_layout_1(old, tmp_path / "legacy")
    assert diff_releases(legacy, old).added == diff_releases(old, legacy).removed == 0
    patch = io.StringIO()
    diff_releases(legacy, new, patch)
    store = _store(old)
    store.update(patch.getvalue())
    assert quad_strings(store) == quad_strings(nquads_dataset(new))
    with GraphStoreServer(ServerState()) as server:
        publish_release(legacy, server.url, backoff=0.01)
        expected = {
            g["iri"]: g["triples"]
            for g in json.loads((old / "manifest.json").read_text())["graphs"]
        }
        assert server.counts() == expected
    assert load_release(legacy, tmp_path / "store").triples == sum(expected.values())
