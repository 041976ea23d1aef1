"""Map curated records to RDF: W3C ORG, schema.org, SKOS/SKOS-XL and PROV-O, extended by kwp:.

Every IRI is minted by :class:`kwpld.iris.Minter` from a record id under the dataset's base IRI
(``{base}person/kim-jong-un``), never from order or counters. There are no blank nodes.

Curated descriptions of entities go to the ``records`` graph; every claim (membership, post
holding, participation, renaming, rule) goes to the graph of each source that states it and
carries ``prov:wasDerivedFrom`` to that source. A field the record says a source states
(``stated_in``) is also in that source's graph. A derived value is never attributed to a source:
a derived name is a ``kwp:DerivedLabel`` with ``prov:wasDerivedFrom`` the label it came from and
its ``kwp:derivationRule``; a derived field gets a ``kwp:Derivation`` node saying which property,
by which rule, from what (and a membership's derived date stays out of the source's graph).
The Wikidata graphs are another stage's (:mod:`kwpld.wikidata.rdf`);
:func:`kwpld.build.build_graph` adds them.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .dates import PartialDate
from .graph import KnowledgeGraph
from .iris import Minter
from .model import (
    Article,
    Derivation,
    Event,
    Membership,
    Name,
    Organ,
    Person,
    Post,
    Record,
    Records,
    WikidataLink,
    curated_qid,
)
from .names import LANG_TAG, System
from .namespaces import (
    DCT,
    KWP,
    ORG,
    OWL,
    PROV,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    SKOSXL,
    WD,
    data_prefixes,
)
from .rdf import Quad, date_literal, int_literal, iri, is_valid_iri, lang_literal, literal
from .vocab import Vocabularies, vocabularies

__all__ = ["FileMapping", "map_files", "map_records", "record_digest"]

A = iri(RDF_TYPE)
_PREF_LANGS = {"en", "ko", "ko-hani"}
_SKOS_PROPERTY = {"pref": "prefLabel", "alt": "altLabel", "hidden": "hiddenLabel"}


def _p(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


# Predicates used below, as ready N-Triples terms.
P = {
    name: _p(ns, local)
    for name, (ns, local) in {
        "label": (RDFS, "label"),
        "comment": (RDFS, "comment"),
        "sameAs": (OWL, "sameAs"),
        "prefLabel": (SKOS, "prefLabel"),
        "altLabel": (SKOS, "altLabel"),
        "hiddenLabel": (SKOS, "hiddenLabel"),
        "note": (SKOS, "note"),
        "xlprefLabel": (SKOSXL, "prefLabel"),
        "xlaltLabel": (SKOSXL, "altLabel"),
        "xlhiddenLabel": (SKOSXL, "hiddenLabel"),
        "literalForm": (SKOSXL, "literalForm"),
        "derived": (PROV, "wasDerivedFrom"),
        "generatedBy": (PROV, "wasGeneratedBy"),
        "invalidatedBy": (PROV, "wasInvalidatedBy"),
        "name": (SCHEMA, "name"),
        "description": (SCHEMA, "description"),
        "gender": (SCHEMA, "gender"),
        "birthDate": (SCHEMA, "birthDate"),
        "deathDate": (SCHEMA, "deathDate"),
        "nationality": (SCHEMA, "nationality"),
        "foundingDate": (SCHEMA, "foundingDate"),
        "dissolutionDate": (SCHEMA, "dissolutionDate"),
        "validFrom": (SCHEMA, "validFrom"),
        "validThrough": (SCHEMA, "validThrough"),
        "startDate": (SCHEMA, "startDate"),
        "endDate": (SCHEMA, "endDate"),
        "location": (SCHEMA, "location"),
        "organizer": (SCHEMA, "organizer"),
        "attendee": (SCHEMA, "attendee"),
        "superEvent": (SCHEMA, "superEvent"),
        "subEvent": (SCHEMA, "subEvent"),
        "about": (SCHEMA, "about"),
        "mentions": (SCHEMA, "mentions"),
        "citation": (SCHEMA, "citation"),
        "headline": (SCHEMA, "headline"),
        "author": (SCHEMA, "author"),
        "creator": (SCHEMA, "creator"),
        "publisher": (SCHEMA, "publisher"),
        "isPartOf": (SCHEMA, "isPartOf"),
        "hasPart": (SCHEMA, "hasPart"),
        "associatedMedia": (SCHEMA, "associatedMedia"),
        "datePublished": (SCHEMA, "datePublished"),
        "url": (SCHEMA, "url"),
        "inLanguage": (SCHEMA, "inLanguage"),
        "caption": (SCHEMA, "caption"),
        "creditText": (SCHEMA, "creditText"),
        "text": (SCHEMA, "text"),
        "isBasedOn": (SCHEMA, "isBasedOn"),
        "spatialCoverage": (SCHEMA, "spatialCoverage"),
        "identifier": (SCHEMA, "identifier"),
        "classification": (ORG, "classification"),
        "subOrganizationOf": (ORG, "subOrganizationOf"),
        "postIn": (ORG, "postIn"),
        "role": (ORG, "role"),
        "heldBy": (ORG, "heldBy"),
        "holds": (ORG, "holds"),
        "member": (ORG, "member"),
        "memberOf": (ORG, "memberOf"),
        "organization": (ORG, "organization"),
        "dctType": (DCT, "type"),
        "nameSystem": (KWP, "nameSystem"),
        "nameKind": (KWP, "nameKind"),
        "formerLabel": (KWP, "formerLabel"),
        "status": (KWP, "status"),
        "asOf": (KWP, "asOf"),
        "post": (KWP, "post"),
        "eventType": (KWP, "eventType"),
        "articleType": (KWP, "articleType"),
        "ordinal": (KWP, "ordinal"),
        "jucheYear": (KWP, "jucheYear"),
        "dateAsStated": (KWP, "dateAsStated"),
        "participation": (KWP, "participation"),
        "participant": (KWP, "participant"),
        "participantRole": (KWP, "participantRole"),
        "inEvent": (KWP, "event"),
        "renaming": (KWP, "renaming"),
        "renamedEntity": (KWP, "renamedEntity"),
        "previousName": (KWP, "previousName"),
        "newName": (KWP, "newName"),
        "renamedBy": (KWP, "renamedBy"),
        "rule": (KWP, "rule"),
        "ruleText": (KWP, "ruleText"),
        "adoptedIn": (KWP, "adoptedIn"),
        "adoptedBy": (KWP, "adoptedBy"),
        "appliesTo": (KWP, "appliesTo"),
        "conferredTitle": (KWP, "conferredTitle"),
        "conferredBy": (KWP, "conferredBy"),
        "conferredOn": (KWP, "conferredOn"),
        "quotation": (KWP, "quotation"),
        "derivationRule": (KWP, "derivationRule"),
        "derivation": (KWP, "derivation"),
        "derivedProperty": (KWP, "derivedProperty"),
        "derivedFromText": (KWP, "derivedFromText"),
    }.items()
}

# The property each field of a record becomes, for kwp:derivedProperty.
FIELD_PROPERTIES: dict[str, dict[str, str]] = {
    "person": {
        "gender": "gender", "born": "birthDate", "died": "deathDate", "citizenship": "nationality",
    },
    "organ": {
        "kind": "classification", "parent": "subOrganizationOf", "founded": "foundingDate",
        "dissolved": "dissolutionDate",
    },
    "membership": {"start": "validFrom", "end": "validThrough", "as_of": "asOf"},
    "event": {
        "type": "eventType", "series": "superEvent", "ordinal": "ordinal", "date": "startDate",
        "end": "endDate", "location": "location", "organizer": "organizer", "about": "about",
        "text": "text", "title": "conferredTitle", "conferred_by": "conferredBy",
        "conferred_on": "conferredOn",
    },
    "article": {
        "type": "articleType", "title": "headline", "authors": "author", "publisher": "publisher",
        "published_in": "isPartOf", "date": "datePublished", "url": "url",
        "language": "inLanguage", "about": "about", "mentions": "mentions", "cites": "citation",
        "part_of": "isPartOf", "caption": "caption", "credit": "creditText",
    },
}  # fmt: skip

C = {
    name: _p(ns, local)
    for name, (ns, local) in {
        "Person": (SCHEMA, "Person"),
        "Organization": (ORG, "Organization"),
        "Post": (ORG, "Post"),
        "Membership": (ORG, "Membership"),
        "Event": (SCHEMA, "Event"),
        "Place": (SCHEMA, "Place"),
        "Country": (SCHEMA, "Country"),
        "CreativeWork": (SCHEMA, "CreativeWork"),
        "Quotation": (SCHEMA, "Quotation"),
        "Label": (SKOSXL, "Label"),
        "Participation": (KWP, "Participation"),
        "Renaming": (KWP, "Renaming"),
        "Rule": (KWP, "Rule"),
        "Claim": (KWP, "Claim"),
        "DerivedLabel": (KWP, "DerivedLabel"),
        "Derivation": (KWP, "Derivation"),
        "Male": (SCHEMA, "Male"),
        "Female": (SCHEMA, "Female"),
    }.items()
}


def map_records(records: Records, base_iri: str | None = None) -> KnowledgeGraph:
    """Map every record to RDF; ``base_iri`` overrides the dataset's own."""
    base = base_iri or records.info.base_iri
    graph = KnowledgeGraph(base_iri=base, prefixes=data_prefixes(base))
    _Mapper(records, graph, vocabularies()).run()
    return graph


Read = tuple[str, str, object]
"""A fact one record's mapping looked up by record id: ``("kind", id, kind)``, on which an IRI
depends; ``("name", id, name)``, the preferred name a membership's label quotes; ``("record",
id, record)``, a whole record, as a renaming reads its act."""


@dataclass
class FileMapping:
    """What mapping the records of one file made, record by record, and what each read.

    Flat lists with each record's end in them (``quad_ends[i]`` ends record ``i``'s quads), as
    a list of small objects per record costs more to keep (pickle) than mapping them again. A
    record whose loaded content is the same (``digests[i]``, :func:`record_digest`) and whose
    facts read of other records all still hold maps to the same quads, so an incremental build
    reuses them; a change elsewhere invalidates exactly the records that read it
    (:meth:`stale`), and an edit of a file exactly the records whose content changed.
    """

    ids: list[str] = field(default_factory=list)
    quads: list[Quad] = field(default_factory=list)
    quad_ends: list[int] = field(default_factory=list)
    origins: list[tuple[str, str]] = field(default_factory=list)
    origin_ends: list[int] = field(default_factory=list)
    reads: list[Read] = field(default_factory=list)
    read_ends: list[int] = field(default_factory=list)
    digests: list[bytes] = field(default_factory=list)

    def stale(self, records: Records) -> set[int]:
        """The records (by position) that read a fact that no longer holds."""
        distinct = {(what, rid): value for what, rid, value in self.reads}
        failed = {key for key, value in distinct.items() if _fact(records, *key) != value}
        if not failed:
            return set()
        found: set[int] = set()
        start = 0
        for i, end in enumerate(self.read_ends):
            if any((what, rid) in failed for what, rid, _ in self.reads[start:end]):
                found.add(i)
            start = end
        return found

    def positions(self) -> dict[str, int]:
        """Each record's position by id; empty (nothing can be matched, so every record is
        mapped again) when an id repeats or the digests are not one per record."""
        found = {rid: i for i, rid in enumerate(self.ids)}
        if len(found) != len(self.ids) or len(self.digests) != len(self.ids):
            return {}
        return found

    def append(
        self,
        record_id: str,
        quads: Iterable[Quad],
        origins: Iterable[tuple[str, str]],
        reads: Iterable[Read],
        digest: bytes = b"",
    ) -> None:
        self.ids.append(record_id)
        self.quads.extend(quads)
        self.quad_ends.append(len(self.quads))
        self.origins.extend(origins)
        self.origin_ends.append(len(self.origins))
        self.reads.extend(reads)
        self.read_ends.append(len(self.reads))
        self.digests.append(digest)

    def copy_records(self, other: FileMapping, start: int, stop: int) -> None:
        """Append records ``start`` to ``stop - 1`` of ``other`` as they were mapped: one
        slice of each list (an edit in a file of 7,700 records copies two runs, not 7,699)."""
        if start >= stop:
            return
        self.ids.extend(other.ids[start:stop])
        if len(other.digests) == len(other.ids):
            self.digests.extend(other.digests[start:stop])
        else:
            self.digests.extend([b""] * (stop - start))
        _extend(self.quads, self.quad_ends, other.quads, other.quad_ends, start, stop)
        _extend(self.origins, self.origin_ends, other.origins, other.origin_ends, start, stop)
        _extend(self.reads, self.read_ends, other.reads, other.read_ends, start, stop)


def _extend(
    into: list[Any], into_ends: list[int], items: list[Any], ends: list[int], start: int, stop: int
) -> None:
    """Append the items of records ``start`` to ``stop - 1`` and their ends, shifted."""
    first = ends[start - 1] if start else 0
    shift = len(into) - first
    into.extend(items[first : ends[stop - 1]])
    into_ends.extend([end + shift for end in ends[start:stop]])


def record_digest(record: Record) -> bytes:
    """A digest of a record's loaded content (kind, id and every field), without its origin.

    What one record's mapping makes depends on its loaded content, the facts it reads of other
    records (:class:`FileMapping` notes them) and what every record shares (kwpld's code, the
    options, ``kwpld.yaml``: the cache's context); not on where the record was written, so a
    line added above it changes nothing. The dataclasses' ``repr`` shows every field (none is
    ``repr=False``), nested ones too; a repr that differs for equal content (a set's order)
    only maps a record again. About 7 microseconds a record.
    """
    text = repr(record)
    origin = record.origin  # spelled out: the dataclass's own repr costs as much as the rest
    head = f"{type(record).__qualname__}(id={record.id!r}, origin="
    shown = f"Origin(file={origin.file!r}, line={origin.line!r})"
    if text.startswith(shown, len(head)):  # the origin left out; else kept: maps again
        text = head + text[len(head) + len(shown) :]
    return hashlib.blake2b(text.encode("utf-8", "backslashreplace"), digest_size=16).digest()


def _fact(records: Records, what: str, record_id: str) -> object:
    record = records.get(record_id)
    if record is None:
        return None
    if what == "kind":
        return record.kind
    if what == "name":
        return records.preferred_name(record_id)
    return record


def map_files(
    records: Records,
    base_iri: str | None,
    reuse: Mapping[str, FileMapping],
    edited: Collection[str] = (),
    row_digests: RowDigests | None = None,
) -> tuple[KnowledgeGraph, dict[str, FileMapping], dict[str, int]]:
    """Map the records file by file, reusing what ``reuse[file]`` holds where it still holds.

    ``reuse`` holds the last mappings of the record files; those named in ``edited`` were
    made from other bytes than the file has now (the caller compares content digests). Of a
    file whose bytes are the same, only the records that read a fact that changed are mapped
    again; of an edited one, also those added or whose loaded content changed
    (:func:`record_digest`). Returns the graph (the same quads and origins as
    :func:`map_records`: it is a set, and each file's records are laid in the order they have
    now, so what was reused changes nothing in it), every file's mapping for the next build,
    and how many records of each file were mapped again (files with none left out).
    ``row_digests(file, records)``, when given, digests a file's records by their source
    rows where that says as much as their content (:mod:`kwpld.load.rows`; None: it does
    not, and :func:`record_digest` does).
    """
    base = base_iri or records.info.base_iri
    graph = KnowledgeGraph(base_iri=base, prefixes=data_prefixes(base))
    mapper = _RecordingMapper(records, KnowledgeGraph(base, graph.prefixes), vocabularies())
    by_file: dict[str, list[Record]] = {}
    for record in records:
        by_file.setdefault(record.origin.file, []).append(record)
    mappings: dict[str, FileMapping] = {}
    remapped: dict[str, int] = {}
    for file in sorted(by_file):
        old, mine = reuse.get(file), by_file[file]
        digests = _Digests(file, mine, row_digests)
        if old is not None and file not in edited:
            made, count = _map_unedited(mapper, mine, old, digests)
        else:
            made, count = _map_edited(mapper, mine, old, digests)
        mappings[file] = made
        if count:
            remapped[file] = count
    add = graph.add_quad
    for mapping in mappings.values():
        deque(map(add, mapping.quads), 0)
        graph.origins.update(mapping.origins)
    _Mapper(records, graph, mapper.vocab).vocabulary_graph()
    return graph, mappings, remapped


RowDigests = Callable[[str, list[Record]], "list[bytes] | None"]
"""A file's records digested by their source rows (:func:`kwpld.load.rows.csv_row_digests`)."""


class _Digests:
    """Each record's digest (by position in its file): by its row where ``rows`` gives them,
    else by :func:`record_digest`; made when first asked for (a file taken whole asks for
    none)."""

    def __init__(self, file: str, records: list[Record], rows: RowDigests | None) -> None:
        self.file = file
        self.records = records
        self.rows = rows
        self.by_row: Sequence[bytes] | None = None

    def __getitem__(self, index: int) -> bytes:
        if self.rows is not None:
            self.by_row = self.rows(self.file, self.records)
            self.rows = None
        if self.by_row is not None:
            return self.by_row[index]
        return record_digest(self.records[index])


def _map_unedited(
    mapper: _RecordingMapper, mine: list[Record], old: FileMapping, digests: _Digests
) -> tuple[FileMapping, int]:
    """A file whose bytes are those ``old`` was made from: taken whole when every fact its
    records read still holds, else with the records that read a changed fact mapped again."""
    if old.ids != [r.id for r in mine]:
        return _map_edited(mapper, mine, old, digests)
    stale = old.stale(mapper.records)
    if not stale:
        return old, 0
    fresh = FileMapping()
    start = 0
    for i in sorted(stale):
        fresh.copy_records(old, start, i)
        record = mine[i]
        fresh.append(record.id, *mapper.one(record), digest=digests[i])
        start = i + 1
    fresh.copy_records(old, start, len(mine))
    return fresh, len(stale)


def _map_edited(
    mapper: _RecordingMapper, mine: list[Record], old: FileMapping | None, digests: _Digests
) -> tuple[FileMapping, int]:
    """A file whose bytes changed (or with no last mapping): each record found in ``old`` by
    id, with the same loaded content and every fact it read still holding, is taken as it was
    mapped; every other one (added, changed, reading a changed fact) is mapped again. Records
    no longer there are left out. On any doubt (ids repeated, no digests) all are mapped."""
    position = old.positions() if old is not None else {}
    stale = old.stale(mapper.records) if old is not None and position else set()
    fresh = FileMapping()
    count = start = stop = 0  # old's records start to stop - 1: a run taken, not yet copied
    for k, record in enumerate(mine):
        digest = digests[k]
        i = position.get(record.id)
        if old is not None and i is not None and i not in stale and old.digests[i] == digest:
            if i != stop:
                fresh.copy_records(old, start, stop)
                start = i
            stop = i + 1
            continue
        if old is not None:
            fresh.copy_records(old, start, stop)
        start = stop = 0
        fresh.append(record.id, *mapper.one(record), digest=digest)
        count += 1
    if old is not None:
        fresh.copy_records(old, start, stop)
    return fresh, count


class _Mapper:
    def __init__(self, records: Records, graph: KnowledgeGraph, vocab: Vocabularies) -> None:
        self.records = records
        self.graph = graph
        self.vocab = vocab
        self.mint = Minter(graph.base_iri)
        self.add_quad = graph.add_quad  # hot path: the set's own add
        self.records_graph = iri(graph.graph_names.records)
        self.vocab_graph = iri(graph.graph_names.vocabularies)
        self._concepts = {
            name: {n: iri(c.iri) for n, c in scheme.concepts.items()}
            for name, scheme in vocab.schemes.items()
        }
        self._implied = {
            name: {n: iri(c.implies_class) for n, c in scheme.concepts.items() if c.implies_class}
            for name, scheme in vocab.schemes.items()
        }

    # -- small helpers ------------------------------------------------------------------------
    def ref(self, record_id: str) -> str:
        """IRI of the record with this id (the loader has checked it exists)."""
        return self.mint.entity(self.records[record_id].kind, record_id)

    def name_of(self, record_id: str) -> str:
        """The preferred English name of another record, for a label."""
        return self.records.preferred_name(record_id)

    def record(self, record_id: str) -> Record | WikidataLink:
        """Another record, read whole (a renaming reads its act)."""
        return self.records[record_id]

    def concept(self, scheme: str, notation: str) -> str:
        return self._concepts[scheme][notation]

    def source_graphs(self, sources: Iterable[str]) -> list[str]:
        graphs = [iri(self.graph.graph_names.source(s)) for s in sources]
        return graphs or [self.records_graph]

    def add(self, s: str, p: str, o: str, g: str | None = None) -> None:
        self.add_quad((s, p, o, g or self.records_graph))

    def claim(self, s: str, p: str, o: str, graphs: list[str]) -> None:
        for g in graphs:
            self.add_quad((s, p, o, g))

    def derive(self, node: str, sources: list[str]) -> None:
        """prov:wasDerivedFrom each source, stated in that source's own graph."""
        for source in sources:
            self.add_quad((node, P["derived"], self.ref(source), self.source_graphs([source])[0]))

    def field_graphs(self, record: Person | Organ | Event | Article, name: str) -> list[str]:
        """Where a field's triples go: the records graph, and the graph of each source the
        record says states the field (``stated_in``)."""
        sources = record.stated_in.get(name)
        if not sources or name in record.derived:
            return [self.records_graph]
        return [self.records_graph, *self.source_graphs(sources)]

    def derivations(
        self, s: str, record_id: str, kind: str, derived: dict[str, Derivation]
    ) -> None:
        """A kwp:Derivation node per derived field: which property, by which rule, from what."""
        for name, derivation in sorted(derived.items()):
            node = self.mint.derivation(record_id, name)
            self.graph.origins[node[1:-1]] = record_id
            self.add(s, P["derivation"], node)
            self.add(node, A, C["Derivation"])
            self.add(node, P["derivedProperty"], P[FIELD_PROPERTIES[kind][name]])
            self.add(node, P["derivationRule"], self.concept("derivation-rule", derivation.rule))
            self.text(node, P["derivedFromText"], derivation.text)

    def date(
        self, s: str, p: str, date: PartialDate | None, graphs: list[str] | None = None
    ) -> None:
        if date is None:
            return
        for g in graphs or [self.records_graph]:
            self.add_quad((s, p, date_literal(date), g))

    def text(self, s: str, p: str, value: str | None, lang: str | None = "en") -> None:
        if value:
            self.add(s, p, lang_literal(value, lang) if lang else literal(value))

    def common(self, s: str, record: Person | Organ | Post | Event | Article) -> None:
        """Fields every entity kind shares: description, note, Wikidata link, sources."""
        self.graph.origins[s[1:-1]] = record.id
        self.text(s, P["description"], record.description)
        self.text(s, P["note"], record.note)
        wikidata = curated_qid(record)
        if wikidata:
            self.add(s, P["sameAs"], iri(WD + wikidata))
        for source in record.sources:
            self.add(s, P["derived"], self.ref(source))

    # -- names ----------------------------------------------------------------------------------
    def names(self, s: str, record_id: str, names: list[Name], *, schema_name: bool = True) -> None:
        pref_done: set[str] = set()
        for name in names:
            # lowercase, as triple stores normalize language tags (BCP 47 is case-insensitive)
            lang = LANG_TAG[System(name.system)].lower()
            form = lang_literal(name.text, lang)
            label = self.mint.label(record_id, name)
            self.graph.origins[label[1:-1]] = record_id
            if name.kind == "preferred" and lang in _PREF_LANGS and lang not in pref_done:
                use = "pref"
                pref_done.add(lang)
                self.add(s, P["label"], form)
                if lang == "en" and schema_name:
                    self.add(s, P["name"], form)
            elif name.kind in ("former", "epithet"):
                use = "hidden"
            else:
                use = "alt"
            self.add(s, P[_SKOS_PROPERTY[use]], form)
            self.add(s, P["xl" + _SKOS_PROPERTY[use]], label)
            if name.kind == "former":
                self.add(s, P["formerLabel"], label)
            self.add(label, A, C["Label"])
            self.add(label, P["literalForm"], form)
            self.add(label, P["nameSystem"], self.concept("name-system", name.system))
            self.add(label, P["nameKind"], self.concept("name-kind", name.kind))
            self.date(label, P["validFrom"], name.valid_from)
            self.date(label, P["validThrough"], name.valid_until)
            self.text(label, P["note"], name.note)
            for source in name.sources:
                self.add(label, P["derived"], self.ref(source))
            derivation = name.derived_from
            if derivation is not None:  # its provenance is the name it came from, no article
                self.add(label, A, C["DerivedLabel"])
                self.add(
                    label, P["derivationRule"], self.concept("derivation-rule", derivation.rule)
                )
                if derivation.text is not None and derivation.system is not None:
                    source_label = self.mint.label(
                        record_id, Name(derivation.text, derivation.system)
                    )
                    self.add(label, P["derived"], source_label)
        self.renamings(s, record_id, names)

    def renamings(self, s: str, record_id: str, names: list[Name]) -> None:
        """One kwp:Renaming claim per act that renamed the entity."""
        acts: dict[str, list[Name]] = {}
        for name in names:
            if name.renamed_by:
                acts.setdefault(name.renamed_by, []).append(name)
        for act_id, renamed in sorted(acts.items()):
            node = self.mint.renaming(record_id, act_id)
            self.graph.origins[node[1:-1]] = record_id
            act = self.record(act_id)
            assert not isinstance(act, WikidataLink)  # the loader checked: an event or an article
            sources = sorted({src for n in renamed for src in n.sources})
            if isinstance(act, Article):
                sources = sorted({*sources, act.id})
            elif not sources:
                sources = sorted(act.sources)
            graphs = self.source_graphs(sources)
            self.claim(node, A, C["Renaming"], graphs)
            self.claim(node, A, C["Claim"], graphs)
            self.claim(node, P["renamedEntity"], s, graphs)
            self.claim(node, P["renamedBy"], self.ref(act_id), graphs)
            self.claim(s, P["renaming"], node, graphs)
            when = None
            for name in renamed:
                label = self.mint.label(record_id, name)
                if name.kind == "former":
                    self.claim(node, P["previousName"], label, graphs)
                    self.claim(label, P["invalidatedBy"], node, graphs)
                    when = when or name.valid_until
                else:
                    self.claim(node, P["newName"], label, graphs)
                    self.claim(label, P["generatedBy"], node, graphs)
                    when = name.valid_from or when
            when = when or (act.date if isinstance(act, Event | Article) else None)
            self.date(node, P["startDate"], when, graphs)
            self.derive(node, sources)

    # -- kinds ----------------------------------------------------------------------------------
    def person(self, person: Person) -> None:
        s = self.mint.entity("person", person.id)
        self.add(s, A, C["Person"])
        self.names(s, person.id, person.names)
        stated = self.field_graphs
        if person.gender:
            gender = C["Male" if person.gender == "male" else "Female"]
            self.claim(s, P["gender"], gender, stated(person, "gender"))
        self.date(s, P["birthDate"], person.born, stated(person, "born"))
        self.date(s, P["deathDate"], person.died, stated(person, "died"))
        if person.citizenship:
            country = self.concept("country", person.citizenship)
            self.claim(s, P["nationality"], country, stated(person, "citizenship"))
        self.derivations(s, person.id, "person", person.derived)
        self.common(s, person)

    def organ(self, organ: Organ) -> None:
        s = self.mint.entity("organ", organ.id)
        self.add(s, A, C["Organization"])
        implied = self._implied["organ-kind"].get(organ.organ_kind)
        if implied:
            self.add(s, A, implied)
        stated = self.field_graphs
        kind = self.concept("organ-kind", organ.organ_kind)
        self.claim(s, P["classification"], kind, stated(organ, "kind"))
        self.names(s, organ.id, organ.names)
        if organ.parent:
            self.claim(s, P["subOrganizationOf"], self.ref(organ.parent), stated(organ, "parent"))
        self.date(s, P["foundingDate"], organ.founded, stated(organ, "founded"))
        self.date(s, P["dissolutionDate"], organ.dissolved, stated(organ, "dissolved"))
        self.derivations(s, organ.id, "organ", organ.derived)
        self.common(s, organ)

    def post(self, post: Post) -> None:
        s = self.mint.entity("post", post.id)
        self.add(s, A, C["Post"])
        self.add(s, P["postIn"], self.ref(post.organ))
        self.add(s, P["role"], self.concept("role", post.role))
        if post.names:
            self.names(s, post.id, post.names)
        else:
            role = self.vocab["role"][post.role].label
            organ = self.name_of(post.organ)
            self.add(s, P["label"], lang_literal(f"{role} of {organ}", "en"))
            self.add(s, P["prefLabel"], lang_literal(f"{role} of {organ}", "en"))
        self.common(s, post)

    def membership(self, m: Membership) -> None:
        s = self.mint.entity("membership", m.id)
        self.graph.origins[s[1:-1]] = m.id
        graphs = self.source_graphs(m.sources)
        person, organ = self.ref(m.person), self.ref(m.organ)
        self.claim(s, A, C["Membership"], graphs)
        self.claim(s, A, C["Claim"], graphs)
        self.claim(s, P["member"], person, graphs)
        self.claim(s, P["organization"], organ, graphs)
        self.claim(s, P["role"], self.concept("role", m.role), graphs)
        self.claim(s, P["status"], self.concept("membership-status", m.status), graphs)
        # A date derived (from a weekday) is not the source's: it stays in the records graph.
        records = [self.records_graph]
        self.date(s, P["validFrom"], m.start, records if "start" in m.derived else graphs)
        self.date(s, P["validThrough"], m.end, records if "end" in m.derived else graphs)
        self.date(s, P["asOf"], m.as_of, records if "as_of" in m.derived else graphs)
        self.derivations(s, m.id, "membership", m.derived)
        label = (
            f"{self.name_of(m.person)}, {self.vocab['role'][m.role].label} of "
            f"{self.name_of(m.organ)} ({m.status}" + (f", as of {m.as_of}" if m.as_of else "") + ")"
        )
        self.claim(s, P["label"], lang_literal(label, "en"), graphs)
        if m.note:
            self.claim(s, P["note"], lang_literal(m.note, "en"), graphs)
        if m.post:
            post = self.ref(m.post)
            self.claim(s, P["post"], post, graphs)
            if m.status == "confirmed":
                self.claim(post, P["heldBy"], person, graphs)
                self.claim(person, P["holds"], post, graphs)
        if m.status == "confirmed":
            self.claim(person, P["memberOf"], organ, graphs)
        self.derive(s, m.sources)

    def event(self, e: Event) -> None:
        s = self.mint.entity("event", e.id)
        self.add(s, A, C["Event"])
        implied = self._implied["event-type"].get(e.event_type)
        if implied:
            self.add(s, A, implied)
        stated = self.field_graphs
        self.claim(s, P["eventType"], self.concept("event-type", e.event_type), stated(e, "type"))
        self.names(s, e.id, e.names)
        if e.date:
            self.date(s, P["startDate"], e.date, stated(e, "date"))
            if e.date.juche_year is not None:
                self.add(s, P["jucheYear"], int_literal(e.date.juche_year))
            if e.date.stated:
                self.add(s, P["dateAsStated"], literal(e.date.stated))
        self.date(s, P["endDate"], e.end, stated(e, "end"))
        if e.location:
            place = self.mint.place(e.location)
            self.claim(s, P["location"], place, stated(e, "location"))
            self.add(place, A, C["Place"])
            self.add(place, P["name"], lang_literal(e.location, "en"))
            self.add(place, P["prefLabel"], lang_literal(e.location, "en"))
            self.add(place, P["label"], lang_literal(e.location, "en"))
        for organizer in e.organizer:
            self.claim(s, P["organizer"], self.ref(organizer), stated(e, "organizer"))
        if e.series:
            series = self.ref(e.series)
            self.claim(s, P["superEvent"], series, stated(e, "series"))
            self.add(series, P["subEvent"], s)
        if e.ordinal is not None:
            self.claim(s, P["ordinal"], int_literal(e.ordinal), stated(e, "ordinal"))
        for subject in e.about:
            self.claim(s, P["about"], self.ref(subject), stated(e, "about"))
        if e.text:
            self.claim(s, P["text"], lang_literal(e.text, "en"), stated(e, "text"))
        for participant in e.participants:
            node = self.mint.participation(e.id, participant.ref)
            self.graph.origins[node[1:-1]] = e.id
            who = self.ref(participant.ref)
            sources = participant.sources or e.sources
            graphs = self.source_graphs(sources)
            self.claim(s, P["attendee"], who, graphs)
            self.claim(s, P["participation"], node, graphs)
            self.claim(node, A, C["Participation"], graphs)
            self.claim(node, A, C["Claim"], graphs)
            self.claim(node, P["inEvent"], s, graphs)
            self.claim(node, P["participant"], who, graphs)
            if participant.role:
                self.claim(node, P["participantRole"], lang_literal(participant.role, "en"), graphs)
            self.derive(node, sources)
        for rule in e.rules:
            node = self.mint.rule(e.id, rule.text)
            self.graph.origins[node[1:-1]] = e.id
            sources = rule.sources or e.sources
            graphs = self.source_graphs(sources)
            self.claim(s, P["rule"], node, graphs)
            self.claim(node, A, C["Rule"], graphs)
            self.claim(node, A, C["Claim"], graphs)
            self.claim(node, P["ruleText"], lang_literal(rule.text, "en"), graphs)
            self.claim(node, P["adoptedIn"], s, graphs)
            for organizer in e.organizer:
                self.claim(node, P["adoptedBy"], self.ref(organizer), graphs)
            for target in rule.applies_to:
                self.claim(node, P["appliesTo"], self.ref(target), graphs)
            self.date(node, P["startDate"], e.date, graphs)
            self.derive(node, sources)
        if e.title:
            self.claim(s, P["conferredTitle"], lang_literal(e.title, "en"), stated(e, "title"))
        if e.conferred_by:
            self.claim(s, P["conferredBy"], self.ref(e.conferred_by), stated(e, "conferred_by"))
        for target in e.conferred_on:
            self.claim(s, P["conferredOn"], self.ref(target), stated(e, "conferred_on"))
        self.derivations(s, e.id, "event", e.derived)
        self.common(s, e)

    def article(self, a: Article) -> None:
        s = self.mint.entity("article", a.id)
        self.add(s, A, C["CreativeWork"])
        implied = self._implied["article-type"].get(a.article_type)
        if implied:
            self.add(s, A, implied)
        stated = self.field_graphs
        kind = self.concept("article-type", a.article_type)
        self.claim(s, P["articleType"], kind, stated(a, "type"))
        title = lang_literal(a.title, a.language) if a.language else literal(a.title)
        self.claim(s, P["headline"], title, stated(a, "title"))
        self.add(s, P["name"], title)
        self.add(s, P["label"], title)
        if a.names:
            self.names(s, a.id, a.names, schema_name=False)
        is_image = a.article_type == "image"
        for author in a.authors:
            self.claim(s, P["author"], self.ref(author), stated(a, "authors"))
            if is_image:
                self.add(s, P["creator"], self.ref(author))
        if a.publisher:
            self.claim(s, P["publisher"], self.ref(a.publisher), stated(a, "publisher"))
        if a.published_in:
            self.claim(s, P["isPartOf"], self.ref(a.published_in), stated(a, "published_in"))
        self.date(s, P["datePublished"], a.date, stated(a, "date"))
        if a.url and is_valid_iri(a.url):
            self.add(s, P["url"], iri(a.url))
        if a.language:
            self.add(s, P["inLanguage"], literal(a.language))
        for subject in a.about:
            self.claim(s, P["about"], self.ref(subject), stated(a, "about"))
        for subject in a.mentions:
            self.claim(s, P["mentions"], self.ref(subject), stated(a, "mentions"))
        for cited in a.cites:
            self.claim(s, P["citation"], self.ref(cited), stated(a, "cites"))
        if a.part_of:
            parent = self.ref(a.part_of)
            self.claim(s, P["isPartOf"], parent, stated(a, "part_of"))
            self.add(parent, P["associatedMedia" if is_image else "hasPart"], s)
        lang = a.language or "en"
        if a.caption:
            self.claim(s, P["caption"], lang_literal(a.caption, lang), stated(a, "caption"))
        if a.credit:
            self.claim(s, P["creditText"], lang_literal(a.credit, lang), stated(a, "credit"))
        for quote in a.quotes:
            node = self.mint.quote(a.id, quote.text)
            self.graph.origins[node[1:-1]] = a.id
            self.add(node, A, C["Quotation"])
            self.add(node, P["text"], lang_literal(quote.text, quote.language or lang))
            self.add(node, P["isPartOf"], s)
            self.add(s, P["quotation"], node)
            self.add(node, P["derived"], s)
            if quote.source:
                self.add(node, P["isBasedOn"], self.ref(quote.source))
            if quote.speaker:
                self.add(node, P["creator"], self.ref(quote.speaker))
            self.text(node, P["note"], quote.note)
        self.derivations(s, a.id, "article", a.derived)
        self.common(s, a)

    def run(self) -> None:
        for person in self.records.people:
            self.person(person)
        for organ in self.records.organs:
            self.organ(organ)
        for post in self.records.posts:
            self.post(post)
        for membership in self.records.memberships:
            self.membership(membership)
        for event in self.records.events:
            self.event(event)
        for article in self.records.articles:
            self.article(article)
        self.vocabulary_graph()

    def vocabulary_graph(self) -> None:
        """The controlled vocabularies go with the data, so labels of roles and kinds resolve."""
        from .vocab import vocabulary_quads

        for s, p, o in vocabulary_quads():
            self.add_quad((s, p, o, self.vocab_graph))


class _RecordingMapper(_Mapper):
    """A mapper that maps one record at a time, noting what it makes and every fact it reads
    of a record by id (see :class:`RecordMapping`)."""

    def __init__(self, records: Records, graph: KnowledgeGraph, vocab: Vocabularies) -> None:
        super().__init__(records, graph, vocab)
        self.reads: dict[tuple[str, str], object] = {}

    def one(self, record: Record) -> tuple[set[Quad], list[tuple[str, str]], list[Read]]:
        """Map one record: its quads, origins and the facts it read."""
        quads: set[Quad] = set()
        self.add_quad = quads.add
        self.graph.origins = {}
        self.reads = {}
        getattr(self, record.kind)(record)
        reads = [(what, rid, value) for (what, rid), value in self.reads.items()]
        return quads, list(self.graph.origins.items()), reads

    def ref(self, record_id: str) -> str:
        self.reads[("kind", record_id)] = self.records[record_id].kind
        return super().ref(record_id)

    def name_of(self, record_id: str) -> str:
        name = super().name_of(record_id)
        self.reads[("name", record_id)] = name
        return name

    def record(self, record_id: str) -> Record | WikidataLink:
        found = super().record(record_id)
        self.reads[("record", record_id)] = found
        return found
