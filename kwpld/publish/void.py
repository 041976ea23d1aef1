"""The release's self-description, ``void.ttl``: VoID statistics and DCAT distributions.

Statistics come from the sorted quads (:func:`void_stats`, a few passes at C speed: counting,
not Python loops); distributions from the files actually written (size and SHA-256 measured
while they were written). Download URLs are relative to
``void.ttl`` unless a download URL is given, so the file is right wherever the release is
served from, and nothing in it depends on the time unless the user passes an issue date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass
from itertools import compress, repeat
from operator import eq, itemgetter
from typing import TYPE_CHECKING, TextIO

from ..formats.turtle import write_turtle
from ..iris import Minter
from ..model import DatasetInfo
from ..namespaces import (
    DCAT,
    DCT,
    FOAF,
    IANA_MEDIA_TYPES,
    KWP,
    ORG,
    OWL,
    PROV,
    RDF,
    RDF_TYPE,
    SCHEMA,
    SKOS,
    SKOSXL,
    SPDX,
    VOID,
    W3C_FORMATS,
    XSD,
)
from ..rdf import Quad, int_literal, iri, lang_literal, literal, typed_literal

if TYPE_CHECKING:
    from .quads import ReleaseQuads

__all__ = [
    "Distribution",
    "VoidCounts",
    "VoidStats",
    "void_counts",
    "void_stats",
    "void_stats_changed",
    "void_quads",
    "write_void",
]

A = iri(RDF_TYPE)


@dataclass(frozen=True)
class Distribution:
    """One dump file as VoID and DCAT describe it."""

    path: str
    media_type: str
    feature: str | None
    compression: str | None
    size: int
    sha256: str
    triples: int | None
    title: str


@dataclass(frozen=True)
class VoidStats:
    """The figures void.ttl states about the union of all graphs."""

    triples: int
    subjects: int
    objects: int
    entities: int
    """Distinct subjects with an rdf:type."""
    classes: dict[str, int]
    """Class term -> distinct instances."""
    properties: dict[str, int]
    """Property term -> triples."""


_SUBJECT, _PREDICATE, _OBJECT = itemgetter(0), itemgetter(1), itemgetter(2)


def void_stats(quads: ReleaseQuads) -> VoidStats:
    """Count the union's subjects, objects, classes and properties (maps and counters only)."""
    return _stats(quads, set(map(_OBJECT, quads.union)))


def _stats(quads: ReleaseQuads, objects: Sized) -> VoidStats:
    union = quads.union
    typed = list(compress(union, map(eq, map(_PREDICATE, union), repeat(A))))
    return VoidStats(
        triples=len(union),
        subjects=len(quads.subjects),
        objects=len(objects),
        # The union is distinct, so a class's type triples are its distinct instances.
        entities=len(set(map(_SUBJECT, typed))),
        classes=dict(Counter(map(_OBJECT, typed))),
        properties=dict(Counter(map(_PREDICATE, union))),
    )


@dataclass(frozen=True)
class VoidCounts:
    """The statistics of a release and how many of its triples have each object: what the
    next incremental build updates by the triples of the subjects that changed
    (:func:`void_stats_changed`) instead of counting the whole union again."""

    stats: VoidStats
    objects: dict[str, int]


def void_counts(quads: ReleaseQuads) -> VoidCounts:
    """The statistics (:func:`void_stats`) and the union's triples per object."""
    objects = dict(Counter(map(_OBJECT, quads.union)))
    return VoidCounts(_stats(quads, objects), objects)


def void_stats_changed(
    previous: VoidCounts,
    quads: ReleaseQuads,
    before: Mapping[str, Sequence[tuple[str, str, str]]],
    after: Callable[[str], Sequence[Quad]],
) -> VoidCounts | None:
    """The statistics of ``quads`` from those of the release in place (``previous``), when
    only the subjects of ``before`` changed: ``before[s]`` holds the old union's triples of
    subject ``s``, ``after(s)`` the new union's. Triples, properties, classes and entities
    change by those subjects' triples; distinct objects by the objects whose count goes to
    or from zero; distinct subjects are the sorted union's. None when the old triples are
    not those the counts were made from (a count would go below zero)."""
    stats = previous.stats
    objects = dict(previous.objects)
    classes = Counter(stats.classes)
    properties = Counter(stats.properties)
    entities = stats.entities
    distinct = stats.objects
    for subject, old in before.items():
        new = [q[:3] for q in after(subject)]
        entities += any(p == A for _, p, _ in new) - any(p == A for _, p, _ in old)
        for triples, step in ((old, -1), (new, 1)):
            for _, p, o in triples:
                properties[p] += step
                if p == A:
                    classes[o] += step
                count = objects.get(o, 0) + step
                if count < 0:
                    return None
                if count == 0:
                    del objects[o]
                    distinct -= 1
                else:
                    if count == 1 and step == 1:
                        distinct += 1
                    objects[o] = count
    if min(classes.values(), default=0) < 0 or min(properties.values(), default=0) < 0:
        return None
    # classes and properties: their order does not matter (void_quads sorts its triples)
    made = VoidStats(
        triples=len(quads.union),
        subjects=len(quads.subjects),
        objects=distinct,
        entities=entities,
        classes={c: n for c, n in classes.items() if n},
        properties={p: n for p, n in properties.items() if n},
    )
    return VoidCounts(made, objects)


_Triple = tuple[str, str, str]


def _v(local: str) -> str:
    return iri(VOID + local)


def _d(local: str) -> str:
    return iri(DCAT + local)


def _t(local: str) -> str:
    return iri(DCT + local)


def void_quads(
    info: DatasetInfo,
    base_iri: str,
    stats: VoidStats,
    graphs: dict[str, int],
    distributions: Sequence[Distribution],
    examples: Sequence[str],
    *,
    version: str | None,
    issued: str | None,
    download_url: str | None,
) -> list[_Triple]:
    """The triples of ``void.ttl``, sorted."""
    minter = Minter(base_iri)
    out = set(_description(info, minter, examples, version=version, issued=issued))
    out.update(_statistics(info, minter, stats, graphs))
    for dist in distributions:
        out.update(_distribution(info, minter, dist, download_url))
    return sorted(out)


def _description(
    info: DatasetInfo,
    minter: Minter,
    examples: Sequence[str],
    *,
    version: str | None,
    issued: str | None,
) -> Iterator[_Triple]:
    """What the dataset is: title, licence, creators, version, vocabularies, examples."""
    ds = iri(minter.dataset(info.id))
    yield ds, A, _v("Dataset")
    yield ds, A, _d("Dataset")
    yield ds, _t("title"), lang_literal(info.title, "en")
    yield ds, _t("identifier"), literal(info.id)
    if info.description:
        yield ds, _t("description"), lang_literal(info.description, "en")
    if info.license:
        yield ds, _t("license"), iri(info.license)
    if info.homepage:
        yield ds, iri(FOAF + "homepage"), iri(info.homepage)
        yield ds, _d("landingPage"), iri(info.homepage)
    agents = [("creator", name) for name in info.creators]
    agents += [("publisher", info.publisher)] if info.publisher else []
    for role, name in agents:
        agent = minter.dataset_agent(info.id, role, name)
        yield ds, _t(role), agent
        yield agent, A, iri(FOAF + "Agent")
        yield agent, iri(FOAF + "name"), literal(name)
    if version:
        yield ds, _d("version"), literal(version)
        yield ds, iri(OWL + "versionInfo"), literal(version)
    if issued:
        datatype = XSD + ("dateTime" if "T" in issued else "date")
        yield ds, _t("issued"), typed_literal(issued, datatype)
    yield ds, _v("uriSpace"), literal(minter.base)
    for namespace in (ORG, SCHEMA, SKOS, SKOSXL, PROV, KWP, OWL):
        yield ds, _v("vocabulary"), iri(namespace)
    for example in examples:
        yield ds, _v("exampleResource"), example


def _statistics(
    info: DatasetInfo, minter: Minter, stats: VoidStats, graphs: dict[str, int]
) -> Iterator[_Triple]:
    """The figures: triples, subjects, objects, class and property partitions, named graphs."""
    ds = iri(minter.dataset(info.id))
    classes, properties = stats.classes, stats.properties
    yield ds, _v("triples"), int_literal(stats.triples)
    yield ds, _v("distinctSubjects"), int_literal(stats.subjects)
    yield ds, _v("distinctObjects"), int_literal(stats.objects)
    yield ds, _v("entities"), int_literal(stats.entities)
    yield ds, _v("classes"), int_literal(len(classes))
    yield ds, _v("properties"), int_literal(len(properties))
    for cls, count in classes.items():
        node = minter.partition(info.id, "class", cls)
        yield ds, _v("classPartition"), node
        yield node, _v("class"), cls
        yield node, _v("entities"), int_literal(count)
    for prop, count in properties.items():
        node = minter.partition(info.id, "property", prop)
        yield ds, _v("propertyPartition"), node
        yield node, _v("property"), prop
        yield node, _v("triples"), int_literal(count)
    for graph, count in graphs.items():
        # Each named graph is a subset of the dataset, named by the graph's own IRI.
        yield ds, _v("subset"), graph
        yield graph, A, _v("Dataset")
        yield graph, _v("triples"), int_literal(count)
        yield graph, _v("inDataset"), ds


def _distribution(
    info: DatasetInfo, minter: Minter, dist: Distribution, download_url: str | None
) -> Iterator[_Triple]:
    """One file of the release: where to download it, its media type, size and checksum."""
    ds = iri(minter.dataset(info.id))
    url = (download_url.rstrip("/") + "/" + dist.path) if download_url else dist.path
    file_iri = iri(url)
    node = minter.distribution(info.id, dist.path)
    if dist.feature:
        yield ds, _v("dataDump"), file_iri
        yield ds, _v("feature"), iri(W3C_FORMATS + dist.feature)
    yield ds, _d("distribution"), node
    yield node, A, _d("Distribution")
    yield node, _t("title"), lang_literal(dist.title, "en")
    yield node, _d("downloadURL"), file_iri
    yield node, _d("accessURL"), file_iri
    yield node, _d("mediaType"), iri(IANA_MEDIA_TYPES + dist.media_type)
    if dist.compression:
        yield node, _d("compressFormat"), iri(IANA_MEDIA_TYPES + dist.compression)
    yield node, _d("byteSize"), typed_literal(str(dist.size), XSD + "nonNegativeInteger")
    if info.license:
        yield node, _t("license"), iri(info.license)
    if dist.triples is not None:
        yield node, _v("triples"), int_literal(dist.triples)
    checksum = minter.checksum(info.id, dist.path)
    yield node, iri(SPDX + "checksum"), checksum
    yield checksum, A, iri(SPDX + "Checksum")
    yield checksum, iri(SPDX + "algorithm"), iri(SPDX + "checksumAlgorithm_sha256")
    yield checksum, iri(SPDX + "checksumValue"), typed_literal(dist.sha256, XSD + "hexBinary")


VOID_PREFIXES = {
    "dcat": DCAT,
    "dct": DCT,
    "foaf": FOAF,
    "formats": W3C_FORMATS,
    "owl": OWL,
    "rdf": RDF,
    "spdx": SPDX,
    "void": VOID,
    "xsd": XSD,
}


def write_void(
    triples: Sequence[tuple[str, str, str]], out: TextIO, prefixes: dict[str, str], header: str
) -> None:
    """Write the description as Turtle (relative download URLs resolve against the file)."""
    merged = dict(prefixes)
    merged.update(VOID_PREFIXES)
    write_turtle(triples, out, merged, header=header)
