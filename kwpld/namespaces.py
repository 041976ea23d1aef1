"""Every namespace and fixed IRI of kwpld, defined once."""

from __future__ import annotations

KWP = "https://w3id.org/kwpld/ontology#"
"""The kwpld ontology: classes and properties that extend the standard vocabularies."""
KWPV = "https://w3id.org/kwpld/vocab/"
"""Controlled vocabularies (SKOS concept schemes): organ kinds, roles, statuses, systems."""
DEFAULT_BASE_IRI = "https://w3id.org/kwpld/id/"
"""Where data IRIs are minted unless a dataset or the user sets another base."""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
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
    "graph": "graph/",
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
    "xsd": XSD,
    "organkind": KWPV + "organ-kind/",
    "role": KWPV + "role/",
    "status": KWPV + "membership-status/",
    "namesystem": KWPV + "name-system/",
    "namekind": KWPV + "name-kind/",
    "eventtype": KWPV + "event-type/",
    "articletype": KWPV + "article-type/",
    "country": KWPV + "country/",
    "kwpv": KWPV,
}


def data_prefixes(base_iri: str) -> dict[str, str]:
    """Prefixes for output files: the standard ones plus one per kind of data resource."""
    prefixes = dict(STANDARD_PREFIXES)
    for kind, path in ENTITY_PATHS.items():
        prefixes[kind] = base_iri + path
    return prefixes
