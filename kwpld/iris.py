"""Every IRI of kwpld's data is minted here, from record ids, under one base IRI.

IRIs are made from what a record says, never from order or counters, so a re-run or reordered
records give the same IRIs: ``{base}person/kim-jong-un``. Nodes inside a record (labels,
participations, renamings, rules, quotes) get the record id plus their role or a hash of their
content. There are no blank nodes.

One module mints them all, so the mapping, the Wikidata graphs and the validation report (which
points from a finding back at the record's node) can never disagree about a node's IRI.
Methods return N-Triples terms (``<...>``), the form quads are made of.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .model import Name, Record, WikidataLink
from .names import slugify
from .namespaces import ENTITY_PATHS
from .rdf import iri

__all__ = ["GraphNames", "Minter", "content_hash"]

_KIND_OF_PATH = {path: kind for kind, path in ENTITY_PATHS.items()}

CONTENT_HASH = 10
"""Hex digits of the content hash in labels, rules and quotes (``label/ID.en.0123456789``)."""
WIKIDATA_HASH = 12
"""Hex digits of the hash in Wikidata time values and agents without a sluggable name.

These two kinds came from the Wikidata writer, which hashed to 12 digits; they keep it, as
published IRIs do not change (a consumer's links to ``value/...`` would break)."""


def content_hash(*parts: str, size: int = CONTENT_HASH) -> str:
    """A short, stable hash of the parts (SHA-1, hex): node ids from content, never counters."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


@dataclass(frozen=True)
class GraphNames:
    """IRIs of the named graphs of a dataset (see README, "How graphs are named")."""

    base_iri: str

    @property
    def records(self) -> str:
        """Curated descriptions of entities that no single source states."""
        return f"{self.base_iri}graph/records"

    @property
    def vocabularies(self) -> str:
        """The controlled vocabularies (SKOS concept schemes)."""
        return f"{self.base_iri}graph/vocabularies"

    @property
    def ontology(self) -> str:
        """The kwpld ontology (OWL)."""
        return f"{self.base_iri}graph/ontology"

    @property
    def links(self) -> str:
        """Every decision of ``wikidata-links.yaml`` (``owl:sameAs`` / ``owl:differentFrom``)."""
        return f"{self.base_iri}graph/wikidata-links"

    @property
    def wikidata(self) -> str:
        """What kwpld holds about linked records, in Wikidata's own RDF shape."""
        return f"{self.base_iri}graph/wikidata"

    @property
    def prefix(self) -> str:
        """The start of every graph's IRI (``{base}graph/``)."""
        return f"{self.base_iri}{ENTITY_PATHS['graph']}"

    @property
    def source_prefix(self) -> str:
        """The start of every per-source graph's IRI."""
        return f"{self.prefix}source/"

    def source(self, article_id: str) -> str:
        """Claims stated by one source (article, report, graphic)."""
        return f"{self.source_prefix}{article_id}"

    def source_id(self, graph: str) -> str | None:
        """The id of the source whose claims the graph holds (an IRI or a term); None for a
        graph that is not a per-source one."""
        value = graph[1:-1] if graph.startswith("<") else graph
        prefix = self.source_prefix
        return value[len(prefix) :] if value.startswith(prefix) else None


class Minter:
    """Mints IRIs under one base from record ids; the only place data IRIs are made."""

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri
        self.graphs = GraphNames(base_iri)

    def prefix(self, kind: str) -> str:
        """The IRI (not a term) every node of a kind starts with: ``{base}person/``."""
        return f"{self.base}{ENTITY_PATHS[kind]}"

    def entity_iri(self, kind: str, record_id: str) -> str:
        """The IRI itself (not a term) of a record's node: ``{base}person/kim-jong-un``."""
        return f"{self.base}{ENTITY_PATHS[kind]}{record_id}"

    def entity(self, kind: str, record_id: str) -> str:
        return iri(self.entity_iri(kind, record_id))

    def annotation_iri(self, article_id: str, local: str | None = None) -> str:
        """The W3C Web Annotations of an ingested article (``kwpld ingest``): their collection,
        ``{base}article/ID/annotations``, or one item or page of it (``local``:
        ``mention-10-21``, ``page-1``)."""
        collection = f"{self.entity_iri('article', article_id)}/annotations"
        return collection if local is None else f"{collection}/{local}"

    # -- the way back: what an IRI was minted from ----------------------------------------------
    def record_id(self, value: str, kind: str) -> str | None:
        """The record id an IRI of ``kind`` was minted from (None: not one of this base's IRIs
        of that kind)."""
        prefix = self.prefix(kind)
        return value[len(prefix) :] if value.startswith(prefix) else None

    def parse(self, value: str) -> tuple[str, str] | None:
        """The kind and the id an IRI under this base was minted from, by its first path
        segment (``person/kim-jong-un`` -> ``("person", "kim-jong-un")``); None for any
        other IRI."""
        if not value.startswith(self.base):
            return None
        path, slash, rest = value[len(self.base) :].partition("/")
        kind = _KIND_OF_PATH.get(path + slash)
        return (kind, rest) if kind is not None else None

    def record(self, record: Record | WikidataLink) -> str:
        """The node a record is mapped to (a link's is its ``kwp:WikidataLink`` node)."""
        if isinstance(record, WikidataLink):
            return self.link(record)
        return self.entity(record.kind, record.id)

    def label(self, record_id: str, name: Name) -> str:
        digest = content_hash(name.system, name.text)
        return iri(f"{self.base}label/{record_id}.{name.system}.{digest}")

    def participation(self, event_id: str, ref: str) -> str:
        return iri(f"{self.base}participation/{event_id}.{ref}")

    def renaming(self, entity_id: str, act_id: str) -> str:
        return iri(f"{self.base}renaming/{entity_id}.{act_id}")

    def rule(self, event_id: str, text: str) -> str:
        return iri(f"{self.base}rule/{event_id}.{content_hash(text)}")

    def quote(self, article_id: str, text: str) -> str:
        return iri(f"{self.base}quote/{article_id}.{content_hash(text)}")

    def derivation(self, record_id: str, field: str) -> str:
        """How the value of one field of a record was derived (a ``kwp:Derivation``)."""
        return iri(f"{self.base}derivation/{record_id}.{field}")

    def place(self, name: str) -> str:
        return iri(f"{self.base}place/{slugify(name)}")

    def graph(self, name: str) -> str:
        return iri(f"{self.graphs.prefix}{name}")

    # -- the release's self-description (void.ttl) ------------------------------------------------
    def dataset(self, dataset_id: str) -> str:
        """The IRI (not a term) of the dataset's description: ``{base}dataset/{id}``; the
        nodes of void.ttl are minted under it."""
        return f"{self.base}dataset/{dataset_id}"

    def dataset_agent(self, dataset_id: str, role: str, name: str) -> str:
        """A creator or the publisher of the dataset (``role``), by the slug of their name."""
        return iri(f"{self.dataset(dataset_id)}/{role}/{slugify(name) or role}")

    def distribution(self, dataset_id: str, path: str) -> str:
        """One file of the release, by its path in the release folder."""
        return iri(f"{self.dataset(dataset_id)}/distribution/{path}")

    def checksum(self, dataset_id: str, path: str) -> str:
        """The SHA-256 checksum of one file of the release."""
        return iri(f"{self.dataset(dataset_id)}/distribution/{path}/sha256")

    def partition(self, dataset_id: str, kind: str, term: str) -> str:
        """A VoID class or property partition (``kind``) of one class or property ``term``:
        the slug of its local name and a hash of the IRI, as local names repeat."""
        value = term[1:-1]
        cut = max(value.rfind("/"), value.rfind("#")) + 1
        local = slugify(value[cut:]) or "x"
        digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
        return iri(f"{self.dataset(dataset_id)}/{kind}/{local}-{digest}")

    # -- the Wikidata graphs --------------------------------------------------------------------
    def link(self, link: WikidataLink) -> str:
        """A link decision's node: record id and QID (``link/kim-jong-un.Q56226``)."""
        return iri(f"{self.base}link/{link.entity}.{link.qid}")

    def agent(self, name: str) -> str:
        """Who decided a link: their name as a slug, or a hash when nothing of it slugs."""
        return iri(f"{self.base}agent/{slugify(name) or content_hash(name, size=WIKIDATA_HASH)}")

    def time_value(self, iso: str) -> str:
        """A ``wikibase:TimeValue`` node, one per date (``iso`` as :class:`PartialDate` has it)."""
        return iri(f"{self.base}value/{content_hash('time', iso, size=WIKIDATA_HASH)}")

    def reference(self, source_id: str) -> str:
        """A ``wikibase:Reference`` node: a source record stated as a reference."""
        return iri(f"{self.base}reference/{source_id}")

    def statement(self, key: str) -> str:
        """A Wikidata-shaped statement node (``key`` from :class:`kwpld.wikidata.facts.Fact`)."""
        return iri(f"{self.base}statement/{key}")
