"""data.ttl, data.trig and data.jsonld in proportion to a change: the release in place's files
with the changed subjects' blocks made anew (:func:`~.splice.splice_blocks`).

The writers record where each subject's block lies (:mod:`kwpld.formats.blocks`) when the
build keeps a cache; an incremental rebuild hands the indexes back with the release in place
(:class:`~.splice.PreviousRelease`). The changed subjects come from the build's ``Changes``:
every subject in Turtle, every ``(graph, subject)`` pair in TriG and JSON-LD, each block made
by the full writer's own code (:class:`~kwpld.formats.turtle.BlockMaker`,
:class:`~.jsonld.NodeMaker`). Any doubt (no index, another digest, a new or emptied graph,
another head) returns None, and the caller writes the files in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from ..formats.blocks import BlockIndex
from ..formats.turtle import BlockMaker
from .jsonld import (
    FRAMED_KINDS,
    Compactor,
    FramedIndex,
    Framer,
    JsonLdContext,
    NodeMaker,
    UnionNodes,
    document_head,
)
from .lines import WrittenFile
from .quads import ReleaseQuads
from .splice import PreviousRelease, graph_rows, splice_blocks, union_rows

__all__ = ["Spliced", "Trees", "splice_framed", "splice_jsonld", "splice_turtle"]

Spliced = dict[str, tuple[WrittenFile, BlockIndex]]
"""File name -> the file written and its index."""
Trees = tuple[WrittenFile, FramedIndex, int]
"""A framed file written, its index, and the distinct triples it states."""


def _one(
    previous: PreviousRelease,
    folder: Path,
    name: str,
    head: str,
    changed: Mapping[str, Collection[str]],
    make: Callable[[str, str], str | None],
) -> tuple[WrittenFile, BlockIndex] | None:
    index, sha256 = previous.blocks.get(name), previous.sha256.get(name)
    if not isinstance(index, BlockIndex) or sha256 is None:
        return None
    old, new, untouched = previous.folder / name, folder / name, name in previous.untouched
    return splice_blocks(old, new, index, sha256, head, changed, make, untouched=untouched)


def _by_graph(previous: PreviousRelease) -> dict[str, set[str]]:
    changed: dict[str, set[str]] = defaultdict(set)
    for graph, subject in previous.quads:
        changed[graph].add(subject)
    return changed


def splice_turtle(
    previous: PreviousRelease,
    folder: Path,
    quads: ReleaseQuads,
    prefixes: dict[str, str],
    header: str,
) -> Spliced | None:
    """data.ttl and data.trig spliced, or None (then both are written in full)."""
    if not quads.union:
        return None
    maker = BlockMaker(prefixes)
    head = maker.head(header)
    runs = {g: (start, stop) for g, start, stop in quads.graphs}

    def turtle(_: str, subject: str) -> str | None:
        rows = union_rows(quads, subject)
        return maker.turtle(subject, rows) if rows else None

    def trig(graph: str, subject: str) -> str | None:
        rows = graph_rows(quads, runs, graph, subject)
        return maker.trig(subject, rows, union_rows(quads, subject)) if rows else None

    ttl = _one(previous, folder, "data.ttl", head, {"": previous.subjects}, turtle)
    if ttl is None:
        return None
    made = _one(previous, folder, "data.trig", head, _by_graph(previous), trig)
    if made is None:
        return None
    return {"data.ttl": ttl, "data.trig": made}


def splice_jsonld(
    previous: PreviousRelease, folder: Path, quads: ReleaseQuads, base_iri: str
) -> Spliced | None:
    """data.jsonld spliced (framed/ is not: its trees embed other subjects' nodes), or None."""
    maker = NodeMaker(JsonLdContext.load(), base_iri)
    runs = {g: (start, stop) for g, start, stop in quads.graphs}

    def node(graph: str, subject: str) -> str | None:
        rows = graph_rows(quads, runs, graph, subject)
        return maker.node_json(subject, rows) if rows else None

    made = _one(previous, folder, "data.jsonld", maker.head, _by_graph(previous), node)
    return None if made is None else {"data.jsonld": made}


def splice_framed(
    previous: PreviousRelease, folder: Path, quads: ReleaseQuads, base_iri: str
) -> dict[str, Trees] | None:
    """framed/ spliced: in each file, the trees a change can reach made anew (an entity
    changed, or a node its tree holds, or an IRI it refers to that would be embedded), the
    others copied; None when one file cannot be (then all are written in full)."""
    compactor = Compactor(JsonLdContext.load(), base_iri)
    framer = Framer(UnionNodes(quads, compactor), base_iri)
    head = document_head(compactor.context_value) + "\n"
    done: dict[str, Trees] = {}
    for kind, name in FRAMED_KINDS.items():
        path = f"framed/{name}.jsonld"
        made = _splice_trees(previous, folder, path, framer, kind, head)
        if made is None:
            return None
        done[path] = made
    return done


def _splice_trees(
    previous: PreviousRelease, folder: Path, path: str, framer: Framer, kind: str, head: str
) -> Trees | None:
    """One framed file (of entities of ``kind``) spliced, and its index."""
    index, sha256 = previous.blocks.get(path), previous.sha256.get(path)
    if not isinstance(index, FramedIndex) or sha256 is None:
        return None
    sections, prefix = index.blocks.sections, framer.kinds[kind]
    if len(sections) != 1:
        return None
    changed = {s for s in previous.subjects if s.startswith(prefix)}
    changed |= index.reached(previous.subjects)
    if not sections[0].subjects:  # a file without trees stays one, or is written in full
        if framer.roots(kind):
            return None
        changed = set()
    nodes = framer.nodes
    made: dict[str, tuple[list[str], set[str]]] = {}

    def tree(_: str, root: str) -> str | None:
        if not root.startswith(prefix) or root not in nodes.ranges:
            return None
        refs: set[str] = set()
        text, queue = framer.tree(root, refs)
        made[root] = (queue, refs)
        return text

    old, new = previous.folder / path, folder / path
    untouched = path in previous.untouched
    spliced = splice_blocks(
        old, new, index.blocks, sha256, head, {"": changed}, tree, untouched=untouched
    )
    if spliced is None:
        return None
    for root in changed:
        index.remove(root)
    for root, (queue, refs) in made.items():
        index.add(root, queue, tuple(sorted(refs)))
    index.blocks = spliced[1]
    return spliced[0], index, index.triples(spliced[1].sections[0].subjects, nodes.counts)
