"""Link records to Wikidata, with a review step a scholar can trust.

``kwpld link`` (:func:`link`) searches a SPARQL endpoint (the Wikidata Query Service, a local
mirror, QLever) for the people, organs, events and publications of a data folder, scores each
candidate with reasons, accepts clear winners when asked (``auto_accept``) and writes the rest
to a review file; decisions are kept in ``wikidata-links.yaml`` with who, when and how, and
the build exports them as ``owl:sameAs`` plus Wikidata-style statements. See docs/linking.md.

    from kwpld.link import ClientSettings, LinkOptions, link
    report = link("examples/party-cells-2013",
                  ClientSettings(endpoint="http://127.0.0.1:7001/sparql"),
                  LinkOptions(auto_accept=0.9, reviewer="A. Scholar"))
"""

from __future__ import annotations

from .client import WDQS_ENDPOINT, ClientSettings, ClientStats, EndpointError, SparqlClient
from .run import LinkOptions, LinkReport, link
from .score import Candidate, Feature

__all__ = [
    "WDQS_ENDPOINT",
    "Candidate",
    "ClientSettings",
    "ClientStats",
    "EndpointError",
    "Feature",
    "LinkOptions",
    "LinkReport",
    "SparqlClient",
    "link",
]
