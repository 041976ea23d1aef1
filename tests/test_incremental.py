"""Incremental builds: nothing redone without a change, and the same findings as a full build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
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


def test_copying_runs_of_records_keeps_each_records_own_lists():
    """Records copied from a last mapping in runs (one slice per list) are laid out as if each
    had been appended alone: their quads, origins, facts read and digest, ends shifted."""
    old = FileMapping()
    for n in range(6):
        quads = [(f"<s{n}>", "<p>", f"{k}", "<g>") for k in range(n % 3)]
        old.append(f"r{n}", quads, [(f"s{n}", f"r{n}")] * (n % 2), [("kind", "x", n)], bytes([n]))
    made = FileMapping()
    made.append("new", [("<n>", "<p>", "1", "<g>")], [], [], b"n")
    made.copy_records(old, 4, 6)
    made.copy_records(old, 1, 3)
    made.copy_records(old, 3, 3)  # nothing
    one_by_one = FileMapping()
    one_by_one.append("new", [("<n>", "<p>", "1", "<g>")], [], [], b"n")
    for i in (4, 5, 1, 2):
        q, o, r = (
            ends[i - 1] if i else 0 for ends in (old.quad_ends, old.origin_ends, old.read_ends)
        )
        one_by_one.append(
            old.ids[i],
            old.quads[q : old.quad_ends[i]],
            old.origins[o : old.origin_ends[i]],
            old.reads[r : old.read_ends[i]],
            old.digests[i],
        )
    assert made == one_by_one


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
    assert flat.rebuild_is_cold(["people.csv"]).remapped == {"people.csv": 1}
    # a changed cross-record reference: a membership now names the new person
    members = flat.rows("memberships.csv")
    cells = members[3].split(",")
    members[3] = ",".join([cells[0], "p-9999999", *cells[2:]])
    flat.write("memberships.csv", members)
    result = flat.rebuild_is_cold(["memberships.csv"])
    assert any("New Person" in q[2] for q in result.graph.quad_set)
    assert result.remapped["memberships.csv"] == 1  # of an edited file, the edited record
    # a fact read across files changes while the reading file's bytes do not: an organ's name
    _edit(flat.data / "organs.yaml", "text: Organ No. 1 of", "text: First Organ of")
    result = flat.rebuild_is_cold(["memberships.csv", "organs.yaml"])
    assert result.remapped["memberships.csv"] == "".join(flat.rows("memberships.csv")).count(
        ",o-01,"
    )
    # a deletion (of a membership: nothing refers to it): nothing to map again
    members = flat.rows("memberships.csv")
    del members[7]
    flat.write("memberships.csv", members)
    flat.rebuild_is_cold([])
    # a record's id changed, with the references to it
    _edit(flat.data / "people.csv", "p-9999999,", "p-8888888,")
    _edit(flat.data / "memberships.csv", ",p-9999999,", ",p-8888888,")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    # a renamed file: its records are mapped again under its new name; the graph is the same,
    # so the release stands (and is still the cold build's)
    (flat.data / "people.csv").rename(flat.data / "more-people.csv")
    flat.rebuild_is_cold(["more-people.csv"], graph_changes=False)


class _Example(_Flat):
    """The example dataset (every record kind, renamings, an organ hierarchy, a post) built
    with a cache, each change compared with a cold build."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.data = tmp_path / "example"
        shutil.copytree(EXAMPLE, self.data)
        self.out = tmp_path / "dist"
        self.cache = tmp_path / "cache"
        self.colds = 0
        self.build()

    def edit(self, name: str, old: str, new: str) -> None:
        _edit(self.data / name, old, new)

    def maps_again(self, remapped: dict[str, int], *, graph_changes: bool = True) -> None:
        """Rebuild; exactly ``remapped`` records of each file are mapped again, and the
        release is the one a build from scratch writes."""
        result = self.rebuild_is_cold(sorted(remapped), graph_changes=graph_changes)
        assert result.remapped == remapped


def test_an_edited_file_maps_again_only_its_edited_records_and_their_dependents(tmp_path):
    """Issue 14 item 4, per-record cache within an edited file: each record kind edited, a
    rename that changes other records' labels (a membership quotes its person's and organ's
    names), an organ moved in the hierarchy, a renaming act edited (the events it renamed read
    it whole), lines added above records (their origins move, their content does not), an
    addition and a deletion: only the records added, changed or reading a changed fact are
    mapped again, and every release is byte-identical to a cold build's."""
    ex = _Example(tmp_path)
    ex.edit("people.yaml", "projects as a member of\n", "projects as a full member of\n")
    ex.maps_again({"people.yaml": 1})
    # a rename: the membership's label quotes the person's preferred English name
    ex.edit(
        "people.yaml", "{text: Jang Song Taek, system: en}", "{text: Jang Song-thaek, system: en}"
    )
    ex.maps_again({"memberships.csv": 1, "people.yaml": 1})
    ex.edit(
        "organs.yaml",
        "Presidium of the Political Bureau of the Central",
        "Presidium of the PB of the Central",
    )
    ex.maps_again({"memberships.csv": 1, "organs.yaml": 1})
    # the organ hierarchy: the presidium now directly under the Central Committee
    ex.edit(
        "organs.yaml",
        "kind: presidium\n    parent: wpk-pb\n",
        "kind: presidium\n    parent: wpk-cc\n",
    )
    ex.maps_again({"organs.yaml": 1})
    ex.edit("posts.yaml", "The leading official of a party cell.", "The head of a party cell.")
    ex.maps_again({"posts.yaml": 1})
    ex.edit("memberships.csv", ",member,,,,2013-01,projected,", ",member,,,,2013-02,projected,")
    ex.maps_again({"memberships.csv": 1})
    ex.edit("articles.yaml", "title: New Year's Address 2013", "title: New Year Address 2013")
    ex.maps_again({"articles.yaml": 1})
    ex.edit("events.yaml", "as the Political Bureau report of", "as the report of")
    ex.maps_again({"events.yaml": 1})
    # the renaming act: the three meetings it renamed read it whole, and are mapped again
    ex.edit(
        "events.yaml",
        "hold a meeting of secretaries of cells when necessary;",
        "hold one when necessary;",
    )
    ex.maps_again({"events.yaml": 4})
    # lines above every record: origins move, no record's content changes
    for name in ("people.yaml", "organs.yaml", "articles.yaml", "posts.yaml"):
        ex.edit(name, "kwpld: 1\n", "kwpld: 1\n# a comment\n\n")
    ex.maps_again({}, graph_changes=False)
    # an addition, then its deletion (nothing refers to it: nothing is mapped again)
    ex.edit(
        "people.yaml",
        "  - id: jang-song-taek\n",
        "  - id: kim-new\n    names:\n      - {text: Kim New, system: en}\n\n"
        "  - id: jang-song-taek\n",
    )
    ex.maps_again({"people.yaml": 1})
    ex.edit(
        "people.yaml", "  - id: kim-new\n    names:\n      - {text: Kim New, system: en}\n\n", ""
    )
    ex.maps_again({})
    # records reordered within a file: nothing to map again, and the release is the same
    people = (ex.data / "people.yaml").read_text(encoding="utf-8")
    head, first, rest = people.partition("  - id: kim-jong-un\n")
    block, sep, tail = rest.partition("\n\n  - id: kim-il-sung\n")
    assert first and sep
    (ex.data / "people.yaml").write_text(
        head + "  - id: kim-il-sung\n" + tail.rstrip("\n") + "\n\n" + first + block + "\n",
        encoding="utf-8",
    )
    ex.maps_again({}, graph_changes=False)


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


def test_a_rebuild_writes_only_the_cache_chunks_an_edit_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A file's mapping is kept in chunks of records: an edited record rewrites its chunk
    alone, the other chunks stand (their files untouched), and a rebuild that reads the
    chunks back joined writes the release a cold build writes."""
    from kwpld import incremental

    monkeypatch.setattr(incremental, "CHUNK_RECORDS", 8)
    flat = _Flat(tmp_path)
    folder = next((flat.cache / "build").glob("*.files"))
    kept = ("index.pickle", "blocks.pickle", "validation.pickle")

    def chunks() -> dict[str, int]:
        return {p.name: p.stat().st_ino for p in folder.glob("*.pickle") if p.name not in kept}

    before = chunks()
    people = len(flat.rows("people.csv")) - 1
    assert people > 3 * 8
    # 4 files; people.csv and memberships.csv and articles.yaml in several chunks each
    assert len(before) > 10

    def rebuild(edit: Callable[[], None], remapped: list[str]) -> None:
        """Edit, rebuild (checked against a cold build): the chunks of the records mapped
        again are at most as many as they, every other chunk's file stands as it was."""
        old = chunks()
        edit()
        result = flat.rebuild_is_cold(remapped)
        assert result.remapped is not None
        new = chunks()
        written = new.keys() - old.keys()
        assert 1 <= len(written) <= sum(result.remapped.values())
        assert all(new[name] == old[name] for name in new.keys() & old.keys())

    rebuild(lambda: _edit(flat.data / "people.csv", "p-0000020,", "p-0000020,Ri "),
            ["memberships.csv", "people.csv"])  # fmt: skip
    assert len(chunks()) == len(before)
    # an edit in another chunk, then one in another file: each rebuild reads the chunks back
    rebuild(lambda: _edit(flat.data / "people.csv", "p-0000001,", "p-0000001,Pak "),
            ["memberships.csv", "people.csv"])  # fmt: skip
    rebuild(lambda: _edit(flat.data / "articles.yaml", "title: Report number 1 ",
                          "title: Report No. 1 "), ["articles.yaml"])  # fmt: skip
    # a record added at the end of the file: its last chunk (or a new one) is written
    rebuild(lambda: flat.write("people.csv", [*flat.rows("people.csv"),
                                              "p-9999999,New Person,,,KP,\n"]),
            ["people.csv"])  # fmt: skip


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
    flat.rebuild_is_cold([])  # deletions only: no record to map again
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


def test_update_parts_no_change_reaches_are_copied_and_the_files_are_a_full_writes(
    tmp_path: Path, monkeypatch
):
    """Issue 14 item 4, update/: after a change, the parts of update/ that start and end at
    the same quads and hold no changed (graph, subject) are copied from the release in place;
    every file is what a full write makes (an edited literal, an added and a removed quad, at
    the start, middle and end; a damaged old part is made again)."""
    import kwpld.publish.lines as lines
    import kwpld.publish.updates as updates
    from kwpld.publish.quads import sort_quads

    def quads_of(n: int) -> set[tuple[str, str, str, str]]:
        found = set()
        for i in range(n):
            graph = f"<https://example.org/graph/{i % 3}>"
            found.add(
                (f"<https://example.org/s{i:04d}>", "<https://example.org/p>", f'"{i}"', graph)
            )
            found.add((f"<https://example.org/s{i:04d}>", "<https://example.org/q>", '"x"', graph))
        return found

    made: list[int] = []
    real_part = updates._part

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        made.append(1)
        return real_part(*args, **kwargs)

    monkeypatch.setattr(updates, "_part", counted)
    old_quads = quads_of(300)
    old = tmp_path / "old"
    parts = updates.UpdateParts()
    written = updates.write_updates(old / "update", sort_quads(old_quads), 40, None, parts)
    assert len(parts.bounds) == len(written) == 15
    sha256 = {f"update/{w.path.name}": w.sha256 for w in written}
    s, p, g1 = (
        "<https://example.org/s0150>",
        "<https://example.org/p>",
        "<https://example.org/graph/0>",
    )
    edits = {
        "edited literal": ({(s, p, '"150"', g1)}, {(s, p, '"one hundred fifty"', g1)}),
        "added at the start": (set(), {("<https://example.org/a>", p, '"a"', g1)}),
        "removed in the middle": ({(s, p, '"150"', g1)}, set()),
        "added at the end": (
            set(),
            {("<https://example.org/z>", p, '"z"', "<https://example.org/graph/2>")},
        ),
    }
    for name, (removed, added) in edits.items():
        new_quads = (old_quads - removed) | added
        changed = {(q[3], q[0]) for q in removed | added}
        previous = updates.PreviousParts(parts, old, sha256, changed)
        full_folder = tmp_path / f"{name} full" / "update"
        full = updates.write_updates(full_folder, sort_quads(new_quads), 40)
        made.clear()
        new = tmp_path / name
        got = updates.write_updates(new / "update", sort_quads(new_quads), 40, previous)
        assert [(w.path.name, w.sha256, w.size, w.lines) for w in got] == [
            (w.path.name, w.sha256, w.size, w.lines) for w in full
        ], name
        _same_release(new, tmp_path / f"{name} full")
        if name == "edited literal":
            assert len(made) == 1  # the one part holding the edited subject
        elif name == "added at the end":
            assert len(made) == 2  # the new part, and the old last one (it ended the rows)
        elif name == "added at the start":
            assert len(made) == len(full)  # every boundary shifted
    # an old part that is not as its manifest says is made again
    first = old / "update" / "insert-00001.ru"
    first.write_bytes(first.read_bytes().replace(b'"x"', b'"y"'))
    previous = updates.PreviousParts(parts, old, sha256, set())
    made.clear()
    got = updates.write_updates(tmp_path / "again" / "update", sort_quads(old_quads), 40, previous)
    assert made == [1] and [w.sha256 for w in got] == [w.sha256 for w in written]

    # where no link can be made, a part kept is copied (checked against its SHA-256)
    def no_link(*args: object) -> None:
        raise OSError("no links here")

    monkeypatch.setattr(lines.os, "link", no_link)
    made.clear()
    copied = tmp_path / "copied" / "update"
    got = updates.write_updates(copied, sort_quads(old_quads), 40, previous)
    assert made == [1] and [w.sha256 for w in got] == [w.sha256 for w in written]
    assert all(p.stat().st_nlink == 1 for p in copied.iterdir())
    again = tmp_path / "again" / "update"
    assert {p.name: p.read_bytes() for p in copied.iterdir()} == {
        p.name: p.read_bytes() for p in again.iterdir()
    }


def test_a_rebuild_copies_the_update_parts_its_change_does_not_reach(tmp_path: Path, monkeypatch):
    """The same through kwpld.build: an edited name makes again only the parts of update/ that
    hold its subjects, and the release is a cold build's."""
    import kwpld.publish.updates as updates
    from kwpld.publish import ReleaseOptions
    from kwpld.synth import synthesize_flat

    made: list[int] = []
    real_part = updates._part

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        made.append(1)
        return real_part(*args, **kwargs)

    monkeypatch.setattr(updates, "_part", counted)
    data, out, cache = tmp_path / "flat", tmp_path / "dist", tmp_path / "cache"
    synthesize_flat(data, 320)
    options = ReleaseOptions(update_chunk=200)
    kwpld.build(data, out, cache=cache, validate=False, release=options)
    parts = len(made)
    assert parts > 10
    made.clear()
    inodes = {p.name: p.stat().st_ino for p in (out / "update").iterdir()}
    member = (data / "memberships.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[1]
    _edit(data / "people.csv", f"{member},", f"{member},Kim ")
    assert not kwpld.build(data, out, cache=cache, validate=False, release=options).up_to_date
    assert 0 < len(made) < parts / 2
    # the parts kept are the old files, hard-linked (the old folder is gone: one link each)
    linked = [p for p in (out / "update").iterdir() if inodes.get(p.name) == p.stat().st_ino]
    assert len(linked) == parts - len(made)
    assert all(p.stat().st_nlink == 1 for p in linked)
    kwpld.build(data, tmp_path / "cold", validate=False, release=options)
    _same_release(out, tmp_path / "cold")


def test_release_files_untouched_since_recorded_are_not_read_again(tmp_path: Path, monkeypatch):
    """A rebuild trusts an old file's SHA-256 from the manifest when its size, inode and times
    are those recorded after the build that wrote it (no SHA-256 of the old file); any write
    since, even one that keeps the size and sets the modification time back, moves its change
    time, and the old file is checked (and, not being the manifest's, written in full). The
    clock's tick is made to have passed (the recording is dated a second later)."""
    import time

    import kwpld.incremental as incremental
    import kwpld.publish.plan as plan

    now = time.time_ns
    monkeypatch.setattr(incremental.time, "time_ns", lambda: now() + 1_000_000_000)
    trusted: list[tuple[bool, bool]] = []

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        written = splice_ntriples(*args, **kwargs)
        trusted.append((kwargs["untouched"], written is not None))
        return written

    monkeypatch.setattr(plan, "splice_ntriples", spy)
    flat = _Flat(tmp_path)
    member, other = (row.split(",")[1] for row in flat.rows("memberships.csv")[1:3])
    _edit(flat.data / "people.csv", f"{member},", f"{member},Kim ")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    assert trusted == [(True, True)]
    stats = incremental.untouched_files(flat.out, incremental.release_stats(flat.out, ["x"]))
    assert stats == frozenset()  # nothing recorded for a file that is not there
    # a write that keeps the size, with the modification time set back
    old = flat.out / "data.nt"
    before = old.stat()
    time.sleep(0.05)
    text = old.read_bytes()
    old.write_bytes(text.replace(f"{member}".encode(), f"{member}".encode()[::-1], 1))
    import os

    os.utime(old, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert old.stat().st_size == before.st_size and old.read_bytes() != text
    _edit(flat.data / "people.csv", f"{other},", f"{other},Ri ")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    assert trusted == [(True, True), (False, False)]  # checked, not the manifest's: in full


def test_void_statistics_updated_by_the_changed_subjects_are_counted_ones(tmp_path: Path):
    """void.ttl's figures from the last release's counts and the changed subjects' old and
    new triples are those counted over the whole union: a class added and emptied, an object
    whose last triple goes, a new subject, a subject gone, a literal with a U+2028 in it; and
    counts that do not match the old file are refused (None)."""
    import hashlib

    from kwpld.publish.quads import sort_quads
    from kwpld.publish.splice import old_triples, union_rows
    from kwpld.publish.void import void_counts, void_stats, void_stats_changed

    a, g = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://example.org/g>"
    ex = "https://example.org/"
    old = {(f"<{ex}s{i}>", f"<{ex}p{i % 3}>", f'"v{i % 5}"', g) for i in range(40)}
    old |= {(f"<{ex}s{i}>", a, f"<{ex}C{i % 2}>", g) for i in range(0, 40, 3)}
    old.add((f"<{ex}s1>", f"<{ex}p0>", '"a\u2028b"', g))
    quads = sort_quads(old)
    path = tmp_path / "data.nt"
    path.write_bytes(("".join(" ".join(q[:3]) + " .\n" for q in quads.union)).encode())
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    counts = void_counts(quads)
    assert counts.stats == void_stats(quads)
    edits = [
        ({(f"<{ex}s0>", a, f"<{ex}C0>", g)}, {(f"<{ex}s0>", a, f"<{ex}C9>", g)}),
        ({q for q in old if q[2] == '"v4"'}, set()),
        (set(), {(f"<{ex}new>", f"<{ex}p9>", f"<{ex}s1>", g), (f"<{ex}new>", a, f"<{ex}C1>", g)}),
        ({q for q in old if q[0] == f"<{ex}s1>"}, set()),
    ]
    for removed, added in edits:
        new = sort_quads((old - removed) | added)
        subjects = sorted({q[0] for q in removed | added})
        before = old_triples(path, subjects, sha)
        assert before is not None
        made = void_stats_changed(counts, new, before, lambda s, n=new: union_rows(n, s))
        assert made is not None and made.stats == void_stats(new)
        assert made.objects == void_counts(new).objects
    assert old_triples(path, ["<x>"], "0" * 64) is None  # not the manifest's file
    wrong = {f"<{ex}s2>": [(f"<{ex}s2>", f"<{ex}p7>", '"never"')]}
    assert void_stats_changed(counts, quads, wrong, lambda s: union_rows(quads, s)) is None


def test_a_rebuild_updates_the_void_statistics_instead_of_counting_them(
    tmp_path: Path, monkeypatch
):
    """Through kwpld.build: a rebuild's void.ttl comes from the counts kept with the last
    release, and is a cold build's."""
    import kwpld.publish.plan as plan

    used: list[bool] = []
    real = plan.void_stats_changed

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        made = real(*args, **kwargs)
        used.append(made is not None)
        return made

    monkeypatch.setattr(plan, "void_stats_changed", spy)
    flat = _Flat(tmp_path)
    assert used == []
    member = flat.rows("memberships.csv")[1].split(",")[1]
    _edit(flat.data / "people.csv", f"{member},", f"{member},Kim ")
    flat.rebuild_is_cold(["memberships.csv", "people.csv"])
    flat.write("people.csv", [*flat.rows("people.csv"), "p-0000000,First Person,,,KP,\n"])
    flat.rebuild_is_cold(["people.csv"])
    assert used == [True, True]


def test_csv_records_are_digested_by_their_rows_when_the_file_is_regular(tmp_path: Path):
    """kwpld.load.rows: a regular CSV file's records get one digest per row (of the kind,
    the header and the row): the same wherever the row moves, another when the row or the
    header changes; a file the loader's column path would not read (quotes, carriage
    returns, a blank row) or a record not on its origin's row gets none."""
    import dataclasses

    from kwpld.load import load_records
    from kwpld.load.rows import csv_row_digests
    from kwpld.model import Origin
    from kwpld.synth import synthesize_flat

    data = tmp_path / "flat"
    synthesize_flat(data, 80)
    people = data / "people.csv"
    rows = people.read_text(encoding="utf-8").splitlines(keepends=True)

    def digests() -> dict[str, bytes] | None:
        records = [r for r in load_records(data) if r.origin.file == "people.csv"]
        found = csv_row_digests(data, "people.csv", records)
        return None if found is None else {r.id: d for r, d in zip(records, found, strict=True)}

    first = digests()
    assert first is not None and len(set(first.values())) == len(rows) - 1
    people.write_text("".join([rows[0], *reversed(rows[1:])]), encoding="utf-8")
    assert digests() == first  # moved rows: the same digests
    edited = rows[1].replace(",", ",Kim ", 1)
    people.write_text("".join([rows[0], edited, *rows[2:]]), encoding="utf-8")
    after = digests()
    assert after is not None
    assert [i for i in first if first[i] != after[i]] == [rows[1].split(",")[0]]
    header = rows[0].replace("name_hangul,name_mr_ascii", "name_mr_ascii,name_hangul")
    swapped = [",".join([c[0], c[1], c[3], c[2], *c[4:]]) for c in (r.split(",") for r in rows)]
    people.write_text("".join([header, *swapped[1:]]), encoding="utf-8")
    other = digests()
    assert other is not None and set(other.values()).isdisjoint(first.values())
    name = rows[1].split(",")[1]
    for text in (
        "".join(rows).replace(f",{name},", f',"{name}",', 1),  # a quoted cell
        "".join(rows).replace("\n", "\r\n"),
        "".join([*rows[:3], "\n", *rows[3:]]),  # a blank row
    ):
        people.write_text(text, encoding="utf-8", newline="")
        records = [r for r in load_records(data) if r.origin.file == "people.csv"]
        assert csv_row_digests(data, "people.csv", records) is None
    people.write_text("".join(rows), encoding="utf-8")
    records = [r for r in load_records(data) if r.origin.file == "people.csv"]
    shifted = [
        dataclasses.replace(r, origin=Origin(r.origin.file, r.origin.line + 1)) for r in records
    ]
    assert csv_row_digests(data, "people.csv", shifted) is None


def test_one_rebuild_that_moves_adds_removes_and_renames_is_a_cold_build(
    tmp_path: Path, monkeypatch
):
    """Issue 14 item 4: one rebuild after several edits at once: a person's id changed (its
    blocks move in every sorted file, with the memberships that refer to it), a person added
    in the middle of the order and one nobody refers to removed, and a person the
    memberships quote renamed. The release is a cold build's, byte for byte; people.csv's
    records are told apart by their rows."""
    import importlib

    import kwpld.load.rows as rows_module

    given: dict[str, bool] = {}
    real = rows_module.csv_row_digests

    def spy(data_dir: Path, file: str, records):  # noqa: ANN001, ANN202
        found = real(data_dir, file, records)
        given[file] = found is not None
        return found

    monkeypatch.setattr(importlib.import_module("kwpld.build"), "csv_row_digests", spy)
    flat = _Flat(tmp_path)
    csv = {"memberships.csv": True, "people.csv": True}
    assert given == {**csv, "articles.yaml": False, "organs.yaml": False}
    people, members = flat.rows("people.csv"), flat.rows("memberships.csv")
    referred = {row.split(",")[1] for row in members[1:]}
    cited = "".join(flat.rows("articles.yaml"))
    moved = next(r.split(",")[0] for r in people[1:] if r.split(",")[0] in referred)
    renamed = next(
        r.split(",")[0]
        for r in people[1:]
        if r.split(",")[0] in referred and r.split(",")[0] != moved
    )
    gone = next(
        i
        for i, r in enumerate(people[1:], 1)
        if r.split(",")[0] not in referred and r.split(",")[0] not in cited
    )
    del people[gone]
    people = [
        row.replace(f"{renamed},", f"{renamed},Kim ", 1).replace(f"{moved},", "p-9000000,", 1)
        for row in people
    ]
    people.insert(len(people) // 2, "p-0000050a,Middle Person,,,KP,\n")  # sorts mid-way
    flat.write("people.csv", people)
    flat.write("memberships.csv", [m.replace(f",{moved},", ",p-9000000,") for m in members])
    flat.write(
        "articles.yaml",
        [a.replace(f"- {moved}\n", "- p-9000000\n") for a in flat.rows("articles.yaml")],
    )
    given.clear()
    result = flat.rebuild_is_cold(["articles.yaml", "memberships.csv", "people.csv"])
    assert given == {**csv, "articles.yaml": False}
    assert result.remapped["people.csv"] == 3  # the moved, renamed and added persons
