"""kwpld.publish.splice: a line file spliced at the changed subjects is the file written in
full, whatever changed (first and last lines, subjects added before, between and after the
others, subjects gone, every line gone, blank nodes whose labels prefix each other, IRIs
beyond ASCII)."""

from __future__ import annotations

import hashlib
import random
from operator import itemgetter
from pathlib import Path

from kwpld.publish.quads import ReleaseQuads, sort_quads
from kwpld.publish.splice import splice_nquads, splice_ntriples
from kwpld.rdf import Quad

SUBJECTS = ["<a>", "<b>", "<ab>", "<é>", "<z>", "<中>", "_:b1", "_:b10", "_:b2"]
PREDICATES = ["<p>", "<q>"]
OBJECTS = ['"x"', '"y z"', "<a>", '"é"@fr']
GRAPHS = ["<g1>", "<g2>", "<h>"]


def _full(rows: list[tuple[str, ...]]) -> bytes:
    return "".join(" ".join(row) + " .\n" for row in rows).encode("utf-8")


def _random_quads(rng: random.Random) -> set[Quad]:
    return {
        (rng.choice(SUBJECTS), rng.choice(PREDICATES), rng.choice(OBJECTS), rng.choice(GRAPHS))
        for _ in range(rng.randrange(1, 14))
    }


def _old_file(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def test_spliced_line_files_are_the_files_written_in_full(tmp_path: Path) -> None:
    rng = random.Random(14)
    triple = itemgetter(0, 1, 2)
    for trial in range(150):
        before, after = _random_quads(rng), _random_quads(rng)
        if trial % 3 == 0:  # small edits as well as whole new graphs
            after = set(before)
            after.discard(rng.choice(sorted(before)))
            after |= _random_quads(rng) if trial % 2 else set()
        old: ReleaseQuads = sort_quads(before)
        new = sort_quads(after)
        changed = before ^ after
        nt = _old_file(tmp_path / "old.nt", _full([triple(q) for q in old.union]))
        written = splice_ntriples(
            tmp_path / "old.nt", tmp_path / "new.nt", new, {q[0] for q in changed}, nt
        )
        assert written is not None and written.lines == len(new.union)
        assert (tmp_path / "new.nt").read_bytes() == _full([triple(q) for q in new.union])
        assert written.sha256 == hashlib.sha256(_full([triple(q) for q in new.union])).hexdigest()
        nq = _old_file(tmp_path / "old.nq", _full(list(old.by_graph)))
        pairs = {(q[3], q[0]) for q in changed}
        written = splice_nquads(
            tmp_path / "old.nq", tmp_path / "new.nq", new, pairs, nq, new.quad_count
        )
        assert written is not None
        assert (tmp_path / "new.nq").read_bytes() == _full(list(new.by_graph))


def test_an_old_file_that_is_not_the_one_listed_is_not_spliced(tmp_path: Path) -> None:
    quads = sort_quads({("<a>", "<p>", '"x"', "<g>")})
    (tmp_path / "old.nt").write_bytes(b'<a> <p> "y" .\n')
    listed = hashlib.sha256(b'<a> <p> "x" .\n').hexdigest()
    new = tmp_path / "new.nt"
    assert splice_ntriples(tmp_path / "old.nt", new, quads, {"<a>"}, listed) is None
    assert splice_ntriples(tmp_path / "absent.nt", new, quads, {"<a>"}, listed) is None
