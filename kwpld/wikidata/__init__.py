"""kwpld's records seen from Wikidata: accepted links and Wikidata-style statements.

:mod:`kwpld.wikidata.facts` turns records with a Wikidata item into statements (property,
value, qualifiers, sources); :mod:`kwpld.wikidata.rdf` writes them, and the links with their
provenance, as quads for the build. The linking workflow itself is :mod:`kwpld.link`.
"""
