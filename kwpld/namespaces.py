"""Every namespace and fixed IRI of kwpld, defined once."""

from __future__ import annotations

KWP = "https://w3id.org/kwpld/ontology#"
"""The kwpld ontology: classes and properties that extend the standard vocabularies."""
ONTOLOGY_IRI = KWP.removesuffix("#")
"""The ontology itself (``owl:Ontology``), of which KWP is the namespace."""
KWPSH = "https://w3id.org/kwpld/shapes#"
"""kwpld's SHACL shapes; a shape's local name is the code of its findings."""
KWPV = "https://w3id.org/kwpld/vocab/"
"""Controlled vocabularies (SKOS concept schemes): organ kinds, roles, statuses, systems."""
DEFAULT_BASE_IRI = "https://w3id.org/kwpld/id/"
"""Where data IRIs are minted unless a dataset or the user sets another base."""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOSXL = "http://www.w3.org/2008/05/skos-xl#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
VOID = "http://rdfs.org/ns/void#"
FOAF = "http://xmlns.com/foaf/0.1/"
SH = "http://www.w3.org/ns/shacl#"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
# Wikidata's RDF model, as the Wikidata Query Service serves it (kwpld writes the same shape).
WD_P = "http://www.wikidata.org/prop/"
WD_PS = "http://www.wikidata.org/prop/statement/"
WD_PSV = "http://www.wikidata.org/prop/statement/value/"
WD_PQ = "http://www.wikidata.org/prop/qualifier/"
WD_PQV = "http://www.wikidata.org/prop/qualifier/value/"
WD_PR = "http://www.wikidata.org/prop/reference/"
WIKIBASE = "http://wikiba.se/ontology#"
SPDX = "http://spdx.org/rdf/terms#"
W3C_FORMATS = "http://www.w3.org/ns/formats/"
"""Unique URIs for file formats (void:feature of each dump)."""
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
"""Media types as IRIs (dcat:mediaType, dcat:compressFormat)."""

RDF_TYPE = RDF + "type"

# IRI paths under the base IRI, one per kind of resource; ids are unique across kinds.
ENTITY_PATHS = {
    "person": "person/",
    "organ": "organ/",
    "post": "post/",
    "membership": "membership/",
    "event": "event/",
    "article": "article/",
    "place": "place/",
    "label": "label/",
    "participation": "participation/",
    "renaming": "renaming/",
    "rule": "rule/",
    "quote": "quote/",
    "derivation": "derivation/",
    "graph": "graph/",
    "link": "link/",
    "agent": "agent/",
    "statement": "statement/",
    "reference": "reference/",
    "value": "value/",
}

STANDARD_PREFIXES: dict[str, str] = {
    "dcat": DCAT,
    "dct": DCT,
    "foaf": FOAF,
    "kwp": KWP,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": SCHEMA,
    "skos": SKOS,
    "skosxl": SKOSXL,
    "void": VOID,
    "wd": WD,
    "wdt": WDT,
    "p": WD_P,
    "ps": WD_PS,
    "psv": WD_PSV,
    "pq": WD_PQ,
    "pqv": WD_PQV,
    "pr": WD_PR,
    "wikibase": WIKIBASE,
    "xsd": XSD,
    "organkind": KWPV + "organ-kind/",
    "role": KWPV + "role/",
    "status": KWPV + "membership-status/",
    "namesystem": KWPV + "name-system/",
    "namekind": KWPV + "name-kind/",
    "eventtype": KWPV + "event-type/",
    "articletype": KWPV + "article-type/",
    "country": KWPV + "country/",
    "derivationrule": KWPV + "derivation-rule/",
    "kwpv": KWPV,
}


def data_prefixes(base_iri: str) -> dict[str, str]:
    """Prefixes for output files: the standard ones plus one per kind of data resource."""
    prefixes = dict(STANDARD_PREFIXES)
    for kind, path in ENTITY_PATHS.items():
        prefixes[kind] = base_iri + path
    return prefixes
