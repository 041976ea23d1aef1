"""The release's self-description, ``void.ttl``: VoID statistics and DCAT distributions.

Statistics come from the sorted quads (:func:`void_stats`, a few passes at C speed: counting,
not Python loops); distributions from the files actually written (size and SHA-256 measured
while they were written). Download URLs are relative to
``void.ttl`` unless a download URL is given, so the file is right wherever the release is
served from, and nothing in it depends on the time unless the user passes an issue date.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import eq, itemgetter
from typing import TYPE_CHECKING, TextIO

from ..formats.turtle import write_turtle
from ..model import DatasetInfo
from ..names import slugify
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
from ..rdf import int_literal, iri, lang_literal, literal, typed_literal

if TYPE_CHECKING:
    from .quads import ReleaseQuads

__all__ = [
    "Distribution",
    "VoidStats",
    "void_stats",
    "void_quads",
    "write_void",
    "DATASET_PATH",
    "dataset_iri",
]

DATASET_PATH = "dataset/"
"""Where dataset descriptions live under the base IRI: ``{base}dataset/{id}``."""

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


def dataset_iri(info: DatasetInfo, base_iri: str) -> str:
    return f"{base_iri}{DATASET_PATH}{info.id}"


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
    union = quads.union
    typed = list(compress(union, map(eq, map(_PREDICATE, union), repeat(A))))
    return VoidStats(
        triples=len(union),
        subjects=len(quads.subjects),
        objects=len(set(map(_OBJECT, union))),
        # The union is distinct, so a class's type triples are its distinct instances.
        entities=len(set(map(_SUBJECT, typed))),
        classes=dict(Counter(map(_OBJECT, typed))),
        properties=dict(Counter(map(_PREDICATE, union))),
    )


def _partition_id(dataset: str, kind: str, term: str) -> str:
    value = term[1:-1]
    cut = max(value.rfind("/"), value.rfind("#")) + 1
    local = slugify(value[cut:]) or "x"
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return iri(f"{dataset}/{kind}/{local}-{digest}")


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
) -> list[tuple[str, str, str]]:
    """The triples of ``void.ttl``, sorted."""
    ds_value = dataset_iri(info, base_iri)
    ds = iri(ds_value)
    out: set[tuple[str, str, str]] = set()

    def add(s: str, p: str, o: str) -> None:
        out.add((s, p, o))

    def v(local: str) -> str:
        return iri(VOID + local)

    def d(local: str) -> str:
        return iri(DCAT + local)

    def t(local: str) -> str:
        return iri(DCT + local)

    add(ds, A, v("Dataset"))
    add(ds, A, d("Dataset"))
    add(ds, t("title"), lang_literal(info.title, "en"))
    add(ds, t("identifier"), literal(info.id))
    if info.description:
        add(ds, t("description"), lang_literal(info.description, "en"))
    if info.license:
        add(ds, t("license"), iri(info.license))
    if info.homepage:
        add(ds, iri(FOAF + "homepage"), iri(info.homepage))
        add(ds, d("landingPage"), iri(info.homepage))
    for name in info.creators:
        agent = iri(f"{ds_value}/creator/{slugify(name) or 'creator'}")
        add(ds, t("creator"), agent)
        add(agent, A, iri(FOAF + "Agent"))
        add(agent, iri(FOAF + "name"), literal(name))
    if info.publisher:
        agent = iri(f"{ds_value}/publisher/{slugify(info.publisher) or 'publisher'}")
        add(ds, t("publisher"), agent)
        add(agent, A, iri(FOAF + "Agent"))
        add(agent, iri(FOAF + "name"), literal(info.publisher))
    if version:
        add(ds, d("version"), literal(version))
        add(ds, iri(OWL + "versionInfo"), literal(version))
    if issued:
        datatype = XSD + ("dateTime" if "T" in issued else "date")
        add(ds, t("issued"), typed_literal(issued, datatype))
    add(ds, v("uriSpace"), literal(base_iri))
    for namespace in (ORG, SCHEMA, SKOS, SKOSXL, PROV, KWP, OWL):
        add(ds, v("vocabulary"), iri(namespace))
    for example in examples:
        add(ds, v("exampleResource"), example)

    classes, properties = stats.classes, stats.properties
    add(ds, v("triples"), int_literal(stats.triples))
    add(ds, v("distinctSubjects"), int_literal(stats.subjects))
    add(ds, v("distinctObjects"), int_literal(stats.objects))
    add(ds, v("entities"), int_literal(stats.entities))
    add(ds, v("classes"), int_literal(len(classes)))
    add(ds, v("properties"), int_literal(len(properties)))
    for cls, count in classes.items():
        node = _partition_id(ds_value, "class", cls)
        add(ds, v("classPartition"), node)
        add(node, v("class"), cls)
        add(node, v("entities"), int_literal(count))
    for prop, count in properties.items():
        node = _partition_id(ds_value, "property", prop)
        add(ds, v("propertyPartition"), node)
        add(node, v("property"), prop)
        add(node, v("triples"), int_literal(count))
    for graph, count in graphs.items():
        # Each named graph is a subset of the dataset, named by the graph's own IRI.
        add(ds, v("subset"), graph)
        add(graph, A, v("Dataset"))
        add(graph, v("triples"), int_literal(count))
        add(graph, v("inDataset"), ds)

    for dist in distributions:
        url = (download_url.rstrip("/") + "/" + dist.path) if download_url else dist.path
        file_iri = iri(url)
        node = iri(f"{ds_value}/distribution/{dist.path}")
        if dist.feature:
            add(ds, v("dataDump"), file_iri)
            add(ds, v("feature"), iri(W3C_FORMATS + dist.feature))
        add(ds, d("distribution"), node)
        add(node, A, d("Distribution"))
        add(node, t("title"), lang_literal(dist.title, "en"))
        add(node, d("downloadURL"), file_iri)
        add(node, d("accessURL"), file_iri)
        add(node, d("mediaType"), iri(IANA_MEDIA_TYPES + dist.media_type))
        if dist.compression:
            add(node, d("compressFormat"), iri(IANA_MEDIA_TYPES + dist.compression))
        add(node, d("byteSize"), typed_literal(str(dist.size), XSD + "nonNegativeInteger"))
        if info.license:
            add(node, t("license"), iri(info.license))
        if dist.triples is not None:
            add(node, v("triples"), int_literal(dist.triples))
        checksum = iri(f"{ds_value}/distribution/{dist.path}/sha256")
        add(node, iri(SPDX + "checksum"), checksum)
        add(checksum, A, iri(SPDX + "Checksum"))
        add(checksum, iri(SPDX + "algorithm"), iri(SPDX + "checksumAlgorithm_sha256"))
        add(checksum, iri(SPDX + "checksumValue"), typed_literal(dist.sha256, XSD + "hexBinary"))
    return sorted(out)


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
