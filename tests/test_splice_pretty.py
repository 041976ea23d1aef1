"""kwpld.publish.pretty: data.ttl, data.trig and data.jsonld spliced at the changed subjects
from the old files' block indexes are the files (and the indexes) a full write makes, whatever
changed (first and last blocks of a graph, subjects added before, between and after the
others, subjects gone, a subject in several graphs, prefixed and unprefixed IRIs, text beyond
ASCII); a new or emptied graph, or an old file not as indexed, is not spliced."""

from __future__ import annotations

import random
from pathlib import Path

from kwpld.formats.blocks import BlockIndex
from kwpld.formats.turtle import write_turtle_and_trig
from kwpld.namespaces import DEFAULT_BASE_IRI, data_prefixes
from kwpld.publish.jsonld import FramedIndex, JsonLdContext, write_jsonld
from kwpld.publish.lines import TextFile
from kwpld.publish.pretty import splice_framed, splice_jsonld, splice_turtle
from kwpld.publish.quads import ReleaseQuads, sort_quads
from kwpld.publish.splice import PreviousRelease
from kwpld.rdf import Quad

BASE = DEFAULT_BASE_IRI
SUBJECTS = [f"<{BASE}person/p-{i}>" for i in ("1", "2", "10", "中")] + [
    f"<{BASE}organ/o-1>",
    f"<{BASE}name/p-1-1>",
    f"<{BASE}name/p-1-2>",
    "<http://example.org/x>",
]
PREDICATES = [
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
    "<http://www.w3.org/2000/01/rdf-schema#label>",
    "<http://schema.org/name>",
    "<http://example.org/p>",
]
OBJECTS = [
    '"x"',
    '"y, z"',
    '"Kim Il Sung"@en',
    '"김일성"@ko',
    f"<{BASE}person/p-2>",
    '"3"',
    f"<{BASE}name/p-1-1>",  # embedded in the framed trees of the nodes that refer to it
    f"<{BASE}name/p-1-2>",  # embedded when it has triples of its own
]
GRAPHS = [f"<{BASE}graph/records>", f"<{BASE}graph/source/a>", f"<{BASE}graph/source/b>"]
HEADER = "a header\nof two lines"


def _random_quads(rng: random.Random) -> set[Quad]:
    return {
        (rng.choice(SUBJECTS), rng.choice(PREDICATES), rng.choice(OBJECTS), rng.choice(GRAPHS))
        for _ in range(rng.randrange(1, 25))
    }


def _write(folder: Path, quads: ReleaseQuads) -> dict[str, BlockIndex]:
    """The pretty files written in full, with their indexes."""
    folder.mkdir(parents=True, exist_ok=True)
    ttl, trig, jsonld = (TextFile(folder / n) for n in ("data.ttl", "data.trig", "data.jsonld"))
    indexes = {"data.ttl": BlockIndex(b""), "data.trig": BlockIndex(b"\n")}
    with ttl as a, trig as b:
        write_turtle_and_trig(
            quads.union,
            quads.by_graph,
            a,
            b,
            data_prefixes(BASE),
            HEADER,
            (indexes["data.ttl"], indexes["data.trig"]),
        )
    indexes["data.jsonld"] = BlockIndex(b",\n")
    framed: dict[str, FramedIndex] = {}
    with jsonld as out:
        made = write_jsonld(
            quads,
            out,
            folder / "framed",
            JsonLdContext.load(),
            BASE,
            indexes["data.jsonld"],
            framed,
        )
    for name, written in zip(indexes, (ttl.finish(), trig.finish(), jsonld.finish()), strict=True):
        indexes[name].sha256 = written.sha256
    for written, _, count in made.values():
        index = framed[written.path.name]
        roots = index.blocks.sections[0].subjects
        counts = {s: b - a for s, a, b in quads.subjects}
        assert index.triples(roots, counts) == count  # what the manifest says of the file
        indexes[f"framed/{written.path.name}"] = index  # type: ignore[assignment]
    return indexes


def _previous(folder: Path, indexes: dict[str, BlockIndex], changed: set[Quad]) -> PreviousRelease:
    return PreviousRelease(
        folder,
        frozenset(q[0] for q in changed),
        {name: _sha256(index) for name, index in indexes.items()},
        frozenset((q[3], q[0]) for q in changed),
        indexes,
    )


def _sha256(index: BlockIndex | FramedIndex) -> str:
    return index.blocks.sha256 if isinstance(index, FramedIndex) else index.sha256


def test_spliced_pretty_files_are_the_files_written_in_full(tmp_path: Path) -> None:
    rng = random.Random(14)
    spliced = framed_spliced = 0
    for trial in range(120):
        before = _random_quads(rng)
        after = set(before)
        for _ in range(rng.randrange(1, 4)):
            after.discard(rng.choice(sorted(before)))
        after |= {q for q in _random_quads(rng) if q[3] in {b[3] for b in before}}
        if trial % 5 == 0:
            after = _random_quads(rng)  # graphs may come and go: then no splice
        old_folder, full, new_folder = (tmp_path / f"{trial}-{n}" for n in ("old", "full", "new"))
        old = _write(old_folder, sort_quads(before))
        new_quads = sort_quads(after)
        expected = _write(full, new_quads)
        previous = _previous(old_folder, old, before ^ after)
        new_folder.mkdir()
        turtle = splice_turtle(previous, new_folder, new_quads, data_prefixes(BASE), HEADER)
        jsonld = splice_jsonld(previous, new_folder, new_quads, BASE)
        same_graphs = {q[3] for q in before} == {q[3] for q in after}
        assert (turtle is not None) == same_graphs and (jsonld is not None) == same_graphs
        for made in (turtle or {}), (jsonld or {}):
            for name, (written, index) in made.items():
                assert (new_folder / name).read_bytes() == (full / name).read_bytes(), name
                assert written.sha256 == expected[name].sha256 == index.sha256
                assert index.sections == expected[name].sections
                spliced += 1
        trees = splice_framed(previous, new_folder, new_quads, BASE)
        # a file whose first tree comes, or whose last goes, is not spliced
        kinds = (f"<{BASE}person/", f"<{BASE}organ/")
        assert (trees is not None) == all(
            any(q[0].startswith(k) for q in before) == any(q[0].startswith(k) for q in after)
            for k in kinds
        )
        framed_spliced += trees is not None
        for name, (_written, framed, count) in (trees or {}).items():
            assert (new_folder / name).read_bytes() == (full / name).read_bytes(), name
            want = expected[name]
            assert isinstance(want, FramedIndex)
            assert (framed.embeds, framed.refs) == (want.embeds, want.refs)
            assert framed.blocks.sections == want.blocks.sections
            roots = want.blocks.sections[0].subjects
            counts = {s: b - a for s, a, b in new_quads.subjects}
            assert count == want.triples(roots, counts)
    assert spliced > 250 and framed_spliced > 60


def test_an_old_file_not_as_indexed_is_not_spliced(tmp_path: Path) -> None:
    before = {(SUBJECTS[0], PREDICATES[1], '"x"', GRAPHS[0])}
    after = {(SUBJECTS[0], PREDICATES[1], '"y"', GRAPHS[0])}
    old = _write(tmp_path / "old", sort_quads(before))
    text = (tmp_path / "old" / "data.ttl").read_text(encoding="utf-8")
    (tmp_path / "old" / "data.ttl").write_text(text.replace('"x"', '"z"'), encoding="utf-8")
    previous = _previous(tmp_path / "old", old, before ^ after)
    (tmp_path / "new").mkdir()
    new = sort_quads(after)
    assert splice_turtle(previous, tmp_path / "new", new, data_prefixes(BASE), HEADER) is None
    other = _previous(tmp_path / "old", {}, before ^ after)  # no index: no splice
    assert splice_jsonld(other, tmp_path / "new", new, BASE) is None
