"""Wikidata links and Wikidata-style statements as quads, for the build.

Two named graphs:

``{base}graph/wikidata-links``
    Every decision of ``wikidata-links.yaml``: ``owl:sameAs`` for accepted links,
    ``owl:differentFrom`` for rejected ones, each restated by a ``kwp:WikidataLink`` node
    (an ``rdf:Statement``) with who (``prov:wasAttributedTo``), when (``dct:date``) and how
    (``kwp:linkMethod``, ``kwp:linkScore``).

``{base}graph/wikidata``
    What kwpld holds about linked records in Wikidata's own RDF shape, with Wikidata's IRIs:
    ``wd:Q56226 wdt:P39 ...`` (truthy), ``p:P39`` / ``ps:P39`` / ``pq:P580`` statements with
    ``psv:`` time values and ``prov:wasDerivedFrom`` references (``pr:P248`` stated in,
    ``pr:P854`` reference URL), labels and aliases. Queries written for the Wikidata Query
    Service run over it unchanged.

Everything is built as N-Triples term strings, one pass over the records; every node's IRI
comes from :class:`kwpld.iris.Minter`. The build adds these graphs to the mapped records
(:func:`kwpld.build.build_graph`); the mapping knows nothing of them.
"""

from __future__ import annotations

from pathlib import Path

from ..dates import Precision
from ..graph import KnowledgeGraph
from ..iris import Minter
from ..model import Article, Records, WikidataLink
from ..namespaces import (
    DCT,
    KWP,
    KWPV,
    OWL,
    PROV,
    RDF,
    RDF_TYPE,
    RDFS,
    SKOS,
    WD,
    WD_P,
    WD_PQ,
    WD_PQV,
    WD_PR,
    WD_PS,
    WD_PSV,
    WDT,
    WIKIBASE,
    XSD,
)
from ..rdf import Quad, date_literal, iri, is_valid_iri, lang_literal, literal, typed_literal
from .facts import Fact, Value, wikidata_view
from .terms import GREGORIAN

__all__ = ["add_wikidata", "wikidata_quads", "write_wikidata_turtle"]

_A = iri(RDF_TYPE)
_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}


def _t(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


class _Writer:
    def __init__(self, records: Records, graph: KnowledgeGraph) -> None:
        self.records = records
        self.mint = Minter(graph.base_iri)
        self.graph = graph
        self.links_graph = iri(self.mint.graphs.links)
        self.wd_graph = iri(self.mint.graphs.wikidata)
        self.out: list[Quad] = []

    def entity(self, record_id: str) -> str:
        return self.mint.entity(self.records[record_id].kind, record_id)

    # -- links -------------------------------------------------------------------------------------
    def link(self, link: WikidataLink) -> None:
        g = self.links_graph
        subject = self.entity(link.entity)
        item = iri(WD + link.qid)
        predicate = _t(OWL, "sameAs" if link.accepted else "differentFrom")
        node = self.mint.link(link)
        agent = self.mint.agent(link.by)
        # The decision is curated in wikidata-links.yaml: findings on it point there.
        self.graph.origins[node[1:-1]] = link.id
        add = self.out.append
        add((subject, predicate, item, g))
        add((node, _A, _t(KWP, "WikidataLink"), g))
        add((node, _A, _t(RDF, "Statement"), g))
        add((node, _t(RDF, "subject"), subject, g))
        add((node, _t(RDF, "predicate"), predicate, g))
        add((node, _t(RDF, "object"), item, g))
        add((node, _t(KWP, "linkMethod"), iri(f"{KWPV}link-method/{link.method}"), g))
        if link.score is not None:
            add(
                (node, _t(KWP, "linkScore"), typed_literal(f"{link.score:.3f}", XSD + "decimal"), g)
            )
        add((node, _t(PROV, "wasAttributedTo"), agent, g))
        add((node, _t(DCT, "date"), date_literal(link.date), g))
        label = f"{link.entity} {'is' if link.accepted else 'is not'} {link.qid}"
        if link.label:
            label += f" ({link.label})"
        add((node, _t(RDFS, "label"), lang_literal(label, "en"), g))
        if link.note:
            add((node, _t(SKOS, "note"), lang_literal(link.note, "en"), g))
        add((agent, _A, _t(PROV, "Agent"), g))
        add((agent, _t(RDFS, "label"), literal(link.by), g))

    # -- statements --------------------------------------------------------------------------------
    def value(self, value: Value) -> str:
        if value.kind == "item":
            return iri(WD + value.qid) if value.qid else self.entity(value.record or "")
        if value.kind == "time":
            date = value.date
            assert date is not None
            month, day = date.month or 1, date.day or 1
            stamp = f"{date.year:04d}-{month:02d}-{day:02d}T00:00:00Z"
            return typed_literal(stamp, XSD + "dateTime")
        if value.kind == "monolingual":
            return lang_literal(value.text, value.lang or "en")
        if value.kind == "url" and is_valid_iri(value.text):
            return iri(value.text)
        return literal(value.text)

    def time_node(self, value: Value) -> str:
        """A wikibase:TimeValue, which carries the precision a bare xsd:dateTime cannot."""
        date = value.date
        assert date is not None
        node = self.mint.time_value(date.iso)
        g = self.wd_graph
        self.out += [
            (node, _A, _t(WIKIBASE, "TimeValue"), g),
            (node, _t(WIKIBASE, "timeValue"), self.value(value), g),
            (
                node,
                _t(WIKIBASE, "timePrecision"),
                typed_literal(str(_PRECISION[date.precision]), XSD + "integer"),
                g,
            ),
            (node, _t(WIKIBASE, "timeTimezone"), typed_literal("0", XSD + "integer"), g),
            (node, _t(WIKIBASE, "timeCalendarModel"), iri(WD + GREGORIAN), g),
        ]
        return node

    def reference(self, source: str) -> str:
        node = self.mint.reference(source)
        self.graph.origins[node[1:-1]] = source  # made from the source article's record
        g = self.wd_graph
        article = self.records.get(source)
        stated_in = self.records.accepted_qid(source)
        self.out.append((node, _A, _t(WIKIBASE, "Reference"), g))
        self.out.append(
            (node, _t(WD_PR, "P248"), iri(WD + stated_in) if stated_in else self.entity(source), g)
        )
        url = article.url if isinstance(article, Article) else None
        if url and is_valid_iri(url):
            self.out.append((node, _t(WD_PR, "P854"), iri(url), g))
        return node

    def fact(self, fact: Fact) -> None:
        g = self.wd_graph
        subject = iri(WD + fact.qid)
        statement = self.mint.statement(fact.key)
        self.graph.origins[statement[1:-1]] = fact.entity
        value = self.value(fact.value)
        self.graph.origins[subject[1:-1]] = fact.entity  # the item is the record's counterpart
        add = self.out.append
        add((subject, _A, _t(WIKIBASE, "Item"), g))
        if fact.truthy:
            add((subject, _t(WDT, fact.prop), value, g))
        add((subject, _t(WD_P, fact.prop), statement, g))
        add((statement, _A, _t(WIKIBASE, "Statement"), g))
        if fact.truthy:
            add((statement, _A, _t(WIKIBASE, "BestRank"), g))
        add((statement, _t(WIKIBASE, "rank"), _t(WIKIBASE, "NormalRank"), g))
        add((statement, _t(WD_PS, fact.prop), value, g))
        if fact.value.kind == "time":
            add((statement, _t(WD_PSV, fact.prop), self.time_node(fact.value), g))
        for prop, qualifier in fact.qualifiers:
            add((statement, _t(WD_PQ, prop), self.value(qualifier), g))
            if qualifier.kind == "time":
                add((statement, _t(WD_PQV, prop), self.time_node(qualifier), g))
        for source in fact.sources:
            add((statement, _t(PROV, "wasDerivedFrom"), self.reference(source), g))
        if fact.claim is not None:
            kind, local = fact.claim
            if kind == "membership":
                claim = self.mint.entity("membership", local)
            else:
                event, ref = local.split("|", 1)
                claim = self.mint.participation(event, ref)
            add((statement, _t(KWP, "restates"), claim, g))

    def run(self) -> list[Quad]:
        for link in self.records.links:
            self.link(link)
        view = wikidata_view(self.records)
        for label in view.labels:
            prop = _t(SKOS, "altLabel") if label.alias else _t(RDFS, "label")
            subject = iri(WD + label.qid)
            self.graph.origins[subject[1:-1]] = label.entity
            self.out.append((subject, _A, _t(WIKIBASE, "Item"), self.wd_graph))
            self.out.append((subject, prop, lang_literal(label.text, label.lang), self.wd_graph))
        for fact in view.facts:
            self.fact(fact)
        return self.out


def add_wikidata(graph: KnowledgeGraph, records: Records) -> None:
    """Add both graphs (see the module docstring) to the mapped records' graph, and the origin
    of each of their nodes; nothing when no record is linked."""
    graph.update(wikidata_quads(graph, records))


def wikidata_quads(graph: KnowledgeGraph, records: Records) -> list[Quad]:
    """The quads :func:`add_wikidata` adds, not added (the origins of their nodes are): an
    incremental build digests them apart, as they come from the records as a whole."""
    return _Writer(records, graph).run()


def write_wikidata_turtle(graph: KnowledgeGraph, folder: Path) -> dict[str, Path]:
    """``wikidata.ttl``: the Wikidata-style graph alone, to load beside (or instead of) WDQS data.

    Nothing is written when no record has a Wikidata item.
    """
    from ..formats.turtle import write_turtle

    name = iri(graph.graph_names.wikidata)
    triples = sorted({(s, p, o) for s, p, o, g in graph.quad_set if g == name})
    if not triples:
        return {}
    path = folder / "wikidata.ttl"
    header = (
        "What kwpld holds about its records that have Wikidata items, in Wikidata's RDF shape\n"
        "(wdt:, p:/ps:/pq:, psv: time values, prov:wasDerivedFrom references), so that queries\n"
        "written for the Wikidata Query Service run over it. The same triples are in data.ttl,\n"
        f"in the named graph {graph.graph_names.wikidata}."
    )
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_turtle(triples, out, graph.prefixes, header=header)
    return {"wikidata": path}
