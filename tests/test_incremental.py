"""Incremental builds: nothing redone without a change, and the same findings as a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE

import kwpld
from kwpld.graph import KnowledgeGraph
from kwpld.incremental import Changes
from kwpld.mapping import FileMapping
from kwpld.publish.jsonld import FRAMED_KINDS
from kwpld.publish.splice import splice_nquads, splice_ntriples
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


def _mapping(*records: tuple[str, list[tuple[str, str, str, str]]]) -> FileMapping:
    mapping = FileMapping()
    for record_id, quads in records:
        mapping.append(record_id, quads, [], [])
    return mapping


def test_changes_between_mappings_decide_whether_the_graph_changed():
    """The graph's change is found from the mappings of the records mapped again: a quad
    moved between records (or files) changes nothing, one no record makes any more does."""
    g = "<https://example.org/g>"
    a1, a2, b1 = ("<a>", "<p>", "1", g), ("<a>", "<p>", "2", g), ("<b>", "<p>", "1", g)
    old = _mapping(("a", [a1, a2]), ("b", [b1]))

    def graph(*quads: tuple[str, str, str, str]) -> KnowledgeGraph:
        made = KnowledgeGraph("https://example.org/", {})
        made.update(quads)
        return made

    same = Changes()
    same.between(old, _mapping(("a", [a2, a1]), ("b", [b1])))  # reordered within a record
    assert same.removed == same.added == set()
    moved = Changes()
    moved.between(old, _mapping(("a", [a1]), ("b", [b1, a2])))  # a2 now made by b
    assert moved.leave_graph_alone(graph(a1, a2, b1))
    dropped = Changes()
    dropped.between(old, _mapping(("a", [a1]), ("b", [b1])))
    assert dropped.removed == {a2} and not dropped.leave_graph_alone(graph(a1, b1))
    # still made by a record of another file, which was not mapped again: no change
    assert dropped.leave_graph_alone(graph(a1, a2, b1))
    grown = Changes()
    c1 = ("<c>", "<p>", "1", g)
    grown.between(old, _mapping(("a", [a1, a2]), ("b", [b1]), ("c", [c1])))
    assert grown.added == {c1} and not grown.leave_graph_alone(graph())
    gone = Changes()
    gone.between(old, None)  # the file was deleted
    assert gone.removed == {a1, a2, b1} and not gone.leave_graph_alone(graph())


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


class _Flat:
    """A small flat corpus built with a cache, each change compared with a cold build."""

    def __init__(self, tmp_path: Path) -> None:
        from kwpld.synth import synthesize_flat

        self.tmp = tmp_path
        self.data = tmp_path / "flat"
        synthesize_flat(self.data, 320)
        self.out = tmp_path / "dist"
        self.cache = tmp_path / "cache"
        self.colds = 0
        first = self.build()
        assert first.remapped is not None
        assert list(first.remapped) == [
            "articles.yaml",
            "memberships.csv",
            "organs.yaml",
            "people.csv",
        ]

    def build(self) -> kwpld.BuildResult:
        return kwpld.build(self.data, self.out, cache=self.cache, validate=False)

    def rebuild_is_cold(
        self, remapped: list[str], *, graph_changes: bool = True
    ) -> kwpld.BuildResult:
        """Rebuild; it maps ``remapped`` again (and only those) and its release is the one a
        build from scratch writes."""
        result = self.build()
        assert result.up_to_date is not graph_changes and result.warnings == []
        assert result.remapped is not None and list(result.remapped) == remapped
        self.colds += 1
        cold = self.tmp / f"cold{self.colds}"
        kwpld.build(self.data, cold, validate=False)
        _same_release(self.out, cold)
        return result

    def rows(self, name: str) -> list[str]:
        return (self.data / name).read_text(encoding="utf-8").splitlines(keepends=True)

    def write(self, name: str, rows: list[str]) -> None:
        (self.data / name).write_text("".join(rows), encoding="utf-8")


def test_a_rebuild_maps_again_exactly_the_files_a_change_reaches(tmp_path: Path):
    """Issue 14 item 4, per-file cache: an edit, an addition, a deletion, a changed id, a
    changed cross-record reference and a renamed file each map again the changed file and the
    files that read a changed fact (a membership's label quotes its person's and organ's
    names), and each release is byte-identical to a cold build's."""
    flat = _Flat(tmp_path)
    people = flat.rows("people.csv")
    members = flat.rows("memberships.csv")
    # an edit of a name: its memberships quote it (articles only read the person's kind)
    person = next(
        row.split(",")[0] for row in people[1:] if f",{row.split(',')[0]}," in "".join(members)
    )
    _edit(flat.data / "people.csv", f"{person},", f"{person},Kim ")
    result = flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    # of memberships.csv, whose bytes are the same, only the person's memberships
    assert result.remapped["memberships.csv"] == "".join(members).count(f",{person},")
    # an addition: nobody refers to the new person yet
    flat.write("people.csv", [*flat.rows("people.csv"), "p-9999999,New Person,,,KP,\n"])
    flat.rebuild_is_cold(["people.csv"])
    # a changed cross-record reference: a membership now names the new person
    members = flat.rows("memberships.csv")
    cells = members[3].split(",")
    members[3] = ",".join([cells[0], "p-9999999", *cells[2:]])
    flat.write("memberships.csv", members)
    result = flat.rebuild_is_cold(["memberships.csv"])
    assert any("New Person" in q[2] for q in result.graph.quad_set)
    assert result.remapped["memberships.csv"] == len(members) - 1  # the file changed: all
    # a fact read across files changes while the reading file's bytes do not: an organ's name
    _edit(flat.data / "organs.yaml", "text: Organ No. 1 of", "text: First Organ of")
    result = flat.rebuild_is_cold(["memberships.csv", "organs.yaml"])
    assert result.remapped["memberships.csv"] == "".join(flat.rows("memberships.csv")).count(
        ",o-01,"
    )
    # a deletion (of a membership: nothing refers to it)
    members = flat.rows("memberships.csv")
    del members[7]
    flat.write("memberships.csv", members)
    flat.rebuild_is_cold(["memberships.csv"])
    # a record's id changed, with the references to it
    _edit(flat.data / "people.csv", "p-9999999,", "p-8888888,")
    _edit(flat.data / "memberships.csv", ",p-9999999,", ",p-8888888,")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    # a renamed file: its records are mapped again under its new name; the graph is the same,
    # so the release stands (and is still the cold build's)
    (flat.data / "people.csv").rename(flat.data / "more-people.csv")
    flat.rebuild_is_cold(["more-people.csv"], graph_changes=False)


def test_a_corrupt_cache_makes_a_cold_build_with_a_warning(tmp_path: Path):
    """A cache file that cannot be read is never used: the build maps every file again, says
    so, and writes the release a cold build writes."""
    flat = _Flat(tmp_path)
    folder = next((flat.cache / "build").glob("*.files"))
    index = folder / "index.pickle"
    good = index.read_bytes()
    index.write_bytes(
        good[: len(good) // 2]
    )  # a torn write (write_atomic prevents it; a disk may not)
    _edit(flat.data / "people.csv", "p-0000001,", "p-0000001,Ri ")
    result = flat.build()
    assert result.remapped is not None
    assert list(result.remapped) == [
        "articles.yaml",
        "memberships.csv",
        "organs.yaml",
        "people.csv",
    ]
    assert len(result.warnings) == 1 and "cannot be read" in result.warnings[0]
    kwpld.build(flat.data, tmp_path / "cold", validate=False)
    _same_release(flat.out, tmp_path / "cold")
    # an entry file of one file's quads, damaged: that file alone is mapped again
    kept = ("index.pickle", "blocks.pickle", "validation.pickle")
    entries = sorted(p for p in folder.glob("*.pickle") if p.name not in kept)
    assert len(entries) == 4
    for entry in entries:
        entry.write_bytes(b"\x80\x05garbage")
    _edit(flat.data / "articles.yaml", "title: Report number 1 ", "title: Report No. 1 ")
    result = flat.build()
    assert result.remapped is not None
    assert list(result.remapped) == [
        "articles.yaml",
        "memberships.csv",
        "organs.yaml",
        "people.csv",
    ]
    assert result.warnings and all("cannot be read" in w for w in result.warnings)
    kwpld.build(flat.data, tmp_path / "cold2", validate=False)
    _same_release(flat.out, tmp_path / "cold2")
    # and the cache written by that build is whole again
    _edit(flat.data / "articles.yaml", "title: Report No. 1 ", "title: Report number 1 ")
    flat.rebuild_is_cold(["articles.yaml"])


def _report_of(data: Path, out: Path, cache: Path | None) -> tuple[list[object], int | None]:
    """The findings of a build (passed or failed) and how many focus nodes it validated again."""
    try:
        report = kwpld.build(data, out, cache=cache, jobs=2).validation
    except ValidationError as exc:
        report = exc.report
    assert report is not None
    return [f.to_dict() for f in report.findings], report.revalidated


def test_a_rebuild_validates_what_the_change_reaches_and_reports_what_a_cold_build_does(
    tmp_path: Path,
):
    """Issue 14 item 4, validation: after each edit the rebuild validates again only the focus
    nodes the change reaches (and the shapes that cannot be bounded, whole), and its report,
    passed or failed, is a cold build's; its release is a cold build's, byte for byte."""
    from kwpld.synth import synthesize_flat

    data, out, cache = tmp_path / "flat", tmp_path / "dist", tmp_path / "cache"
    synthesize_flat(data, 320)
    assert _report_of(data, out, cache) == ([], None)  # a first build validates whole
    rows = (data / "people.csv").read_text(encoding="utf-8").splitlines()
    person = rows[1].split(",")
    # a Korean person without a Hangul name: a warning; the build passes
    _edit(data / "people.csv", rows[1], ",".join([person[0], person[1] + " Jr", "", *person[3:]]))
    found, again = _report_of(data, out, cache)
    assert [f["code"] for f in found] == ["person-hangul-name"]  # type: ignore[index]
    assert again is not None and 0 < again < 30
    assert (found, None) == _report_of(data, tmp_path / "cold1", None)
    _same_release(out, tmp_path / "cold1")
    # an organ founded after its memberships: violations; nothing written, the same report
    _edit(data / "organs.yaml", "- id: o-02\n", "- id: o-02\n  founded: '2030-01-01'\n")
    failed = _report_of(data, out, cache)
    assert failed[1] is not None and failed[0] == _report_of(data, tmp_path / "cold2", None)[0]
    assert any(f["severity"] == "violation" for f in failed[0])  # type: ignore[index]
    # fixed again, and a membership deleted: the release is a cold build's
    _edit(data / "organs.yaml", "  founded: '2030-01-01'\n", "")
    members = (data / "memberships.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    del members[4]
    (data / "memberships.csv").write_text("".join(members), encoding="utf-8")
    found, again = _report_of(data, out, cache)
    assert again is not None and (found, None) == _report_of(data, tmp_path / "cold3", None)
    _same_release(out, tmp_path / "cold3")


def test_a_rebuild_splices_data_nt_from_the_release_in_place(tmp_path: Path, monkeypatch):
    """Issue 14 item 4, writers: after an edit, an addition and a deletion, data.nt, data.nq
    and graphs/ are the previous release's with the changed lines replaced (not written
    again), and the
    release is byte-identical to a cold build's; an old data.nt whose bytes are not those its
    manifest lists (the same size: the release still looks intact) is written in full."""
    import kwpld.publish.plan as plan

    spliced: list[bool] = []
    lines: list[str] = []

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        written = splice_ntriples(*args, **kwargs)
        spliced.append(written is not None)
        return written

    def spy_nq(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        written = splice_nquads(*args, **kwargs)
        if written is not None:
            lines.append(written.path.name)
        return written

    pretty: list[str] = []

    def spy_pretty(splicer):  # noqa: ANN001, ANN202
        def spied(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            made = splicer(*args, **kwargs)
            pretty.extend(made or ())
            return made

        return spied

    monkeypatch.setattr(plan, "splice_ntriples", spy)
    monkeypatch.setattr(plan, "splice_nquads", spy_nq)
    monkeypatch.setattr(plan, "splice_turtle", spy_pretty(plan.splice_turtle))
    monkeypatch.setattr(plan, "splice_jsonld", spy_pretty(plan.splice_jsonld))
    monkeypatch.setattr(plan, "splice_framed", spy_pretty(plan.splice_framed))
    flat = _Flat(tmp_path)
    assert spliced == []  # a first build has nothing to splice
    member, other = (row.split(",")[1] for row in flat.rows("memberships.csv")[1:3])
    _edit(flat.data / "people.csv", f"{member},", f"{member},Kim ")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    flat.write("people.csv", [*flat.rows("people.csv"), "p-0000000,First Person,,,KP,\n"])
    flat.rebuild_is_cold(["people.csv"])
    members = flat.rows("memberships.csv")
    del members[1], members[-1]
    flat.write("memberships.csv", members)
    flat.rebuild_is_cold(["memberships.csv"])
    assert spliced == [True, True, True]
    # data.nq and every file of graphs/ too
    assert {"data.nq", "sources.nq", "records.nt", "ontology.nt"} <= set(lines)
    assert lines.count("data.nq") == 3
    # and the pretty files, by the block indexes each build keeps in the cache; but not
    # after the deletion, which empties a graph (TriG and JSON-LD would lose its wrapper):
    # those are written in full
    framed = [f"framed/{name}.jsonld" for name in FRAMED_KINDS.values()]
    assert sorted(pretty) == sorted(["data.ttl", "data.trig", "data.jsonld", *framed] * 2)
    old = flat.out / "data.nt"
    text = old.read_bytes()
    old.write_bytes(text.replace(b"First Person", b"Furst Person"))
    _edit(flat.data / "people.csv", f"{other},", f"{other},Ri ")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    assert spliced == [True, True, True, False]
