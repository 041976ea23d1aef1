"""Incremental builds: nothing redone without a change, and the same findings as a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE

import kwpld
from kwpld.incremental import graph_digest, subject_digests
from kwpld.validate import ValidationError


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _build(data: Path, out: Path, **options):  # noqa: ANN202
    return kwpld.build(data, out, cache=data / ".kwpld-cache", **options)


def test_a_rebuild_without_changes_does_nothing(data: Path, tmp_path: Path):
    out = tmp_path / "dist"
    first = _build(data, out)
    assert not first.up_to_date
    stamp = (out / "data.nq").stat().st_mtime_ns
    again = _build(data, out)
    assert again.up_to_date and again.files["n-quads"] == out / "data.nq"
    assert (out / "data.nq").stat().st_mtime_ns == stamp


def test_an_edit_that_leaves_the_graph_alone_writes_nothing(data: Path, tmp_path: Path):
    out = tmp_path / "dist"
    _build(data, out)
    stamp = (out / "data.nq").stat().st_mtime_ns
    with (data / "organs.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a curator's comment\n")
    result = _build(data, out)
    assert result.up_to_date and result.validation is not None
    assert (out / "data.nq").stat().st_mtime_ns == stamp


def test_a_damaged_release_is_rebuilt(data: Path, tmp_path: Path):
    out = tmp_path / "dist"
    _build(data, out)
    (out / "data.ttl").write_text("truncated", encoding="utf-8")
    assert not _build(data, out).up_to_date
    assert (out / "data.ttl").read_text(encoding="utf-8").startswith("#")


def test_an_edit_to_the_graph_rebuilds_the_release_and_validates_it_in_full(data, tmp_path):
    out = tmp_path / "dist"
    _build(data, out)
    _edit(data / "people.yaml", "citizenship: US", "citizenship: KP")  # a warning, not a failure
    result = _build(data, out)
    assert not result.up_to_date
    assert [f.code for f in result.validation.findings] == ["person-hangul-name"]
    block = (out / "data.ttl").read_text(encoding="utf-8").split("\nperson:michael-madden a ", 1)
    assert "schema:nationality country:KP" in block[1].split(" .\n", 1)[0]
    # and the state follows the new build: building again does nothing
    assert _build(data, out).up_to_date


def test_a_failed_build_leaves_the_state_of_the_last_good_one(data, tmp_path):
    out = tmp_path / "dist"
    _build(data, out)
    _edit(data / "events.yaml", "ordinal: 3", "ordinal: 2")
    with pytest.raises(ValidationError):
        _build(data, out)
    _edit(data / "events.yaml", "ordinal: 2\n    date: October", "ordinal: 3\n    date: October")
    assert _build(data, out).up_to_date  # back to what the release was built from


def test_changing_an_option_that_shapes_the_release_rebuilds_it(data, tmp_path):
    out = tmp_path / "dist"
    _build(data, out)
    assert not _build(data, out, release=kwpld.ReleaseOptions(gzip=True)).up_to_date
    assert (out / "data.nq.gz").exists()
    assert _build(data, out, release=kwpld.ReleaseOptions(gzip=True), jobs=2).up_to_date


def test_subject_digests_ignore_order_and_see_every_change():
    _, graph = kwpld.build_graph(EXAMPLE)
    quads = list(graph.quad_set)
    digests = subject_digests(quads)
    assert subject_digests(reversed(quads)) == digests
    membership = "<https://w3id.org/kwpld/id/membership/jang-song-taek.pb-presidium.2013-01>"
    changed = [q for q in quads if not (q[0] == membership and "status" in q[1])]
    after = subject_digests(changed)
    assert {s for s in digests if after.get(s) != digests[s]} == {membership}
    assert graph_digest(after) != graph_digest(digests)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _same_release(one: Path, two: Path) -> None:
    a, b = _files(one), _files(two)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_an_incremental_rebuild_is_byte_identical_to_a_cold_build(tmp_path: Path):
    """Issue 14 item 4: after an edit (which changes other records' triples too: a
    membership's label names its person) and after a deletion, the release an incremental
    build leaves is the one a build from scratch writes, file for file, byte for byte."""
    from kwpld.synth import synthesize_flat

    data = tmp_path / "flat"
    synthesize_flat(data, 320)
    out = tmp_path / "dist"
    cache = tmp_path / "cache"
    kwpld.build(data, out, cache=cache, jobs=2)
    people = data / "people.csv"
    row = people.read_text(encoding="utf-8").splitlines()[1]
    person, name = row.split(",")[:2]
    _edit(people, f"{person},{name},", f"{person},{name} Jr,")
    assert not kwpld.build(data, out, cache=cache, jobs=2).up_to_date
    kwpld.build(data, tmp_path / "cold", jobs=2)
    _same_release(out, tmp_path / "cold")
    assert f"{name} Jr" in (out / "data.nt").read_text(encoding="utf-8")

    memberships = data / "memberships.csv"
    lines = memberships.read_text(encoding="utf-8").splitlines(keepends=True)
    gone = lines.pop(5).split(",")[0]
    memberships.write_text("".join(lines), encoding="utf-8")
    assert not kwpld.build(data, out, cache=cache, jobs=2).up_to_date
    kwpld.build(data, tmp_path / "cold2", jobs=2)
    _same_release(out, tmp_path / "cold2")
    assert f"/{gone}>" not in (out / "data.nt").read_text(encoding="utf-8")
