"""The browse site served live: :class:`kwpld.site.Site` answering each request.

Every file is the one ``kwpld site`` would write for the same graph (the same rendering
code, :meth:`kwpld.site.pages.Site.file`), made when asked and kept in a small cache. An
entity's IRI without an extension (``/person/jang-song-taek``) is answered by content
negotiation: HTML for browsers, Turtle or JSON-LD for RDF clients, so the dataset's IRIs
(``https://w3id.org/kwpld/id/person/jang-song-taek``) resolve once a proxy forwards their
base to this server. When the served graph changes (an accept in the workbench), the site's
index is read again and the cache emptied.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from ..charts.graph import ChartGraph
from ..site.collect import Entity
from ..site.pages import MEDIA_TYPES, Site
from .dataset import ServedGraph
from .sparql import negotiate

__all__ = ["LiveSite", "SiteFile", "REPRESENTATIONS"]

REPRESENTATIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/turtle": ".ttl",
    "application/ld+json": ".jsonld",
    "application/json": ".jsonld",
}
"""What an entity's IRI is answered with, by media type; the first is the default."""


@dataclass(frozen=True)
class SiteFile:
    path: str
    body: bytes
    media_type: str


class LiveSite:
    """The site of a :class:`ServedGraph`, rendered per request, following its changes.

    ``links`` are the server's own pages, shown in every page's header.
    """

    def __init__(
        self, graph: ServedGraph, links: tuple[tuple[str, str], ...] = (), cache: int = 256
    ) -> None:
        self.links = links
        self._size = cache
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, SiteFile] = OrderedDict()
        self._site = self._make(graph.chart_graph)
        graph.on_change.append(self.follow)

    def _make(self, chart_graph: ChartGraph) -> Site:
        site = Site(chart_graph)
        site.renderer.links = self.links
        return site

    @property
    def site(self) -> Site:
        return self._site

    def follow(self, chart_graph: ChartGraph) -> None:
        """Read the changed graph's index (in the rebuilding thread) and start afresh."""
        site = self._make(chart_graph)
        with self._lock:
            self._site = site
            self._cache.clear()

    def entity(self, path: str) -> Entity | None:
        """The entity whose IRI path (``person/kim-jong-un``) this is, if any."""
        return self._site.entity_at(path)

    def representation(self, path: str, accept: str | None) -> str:
        """The file that answers an entity's IRI for this ``Accept`` header."""
        media = negotiate(accept, list(REPRESENTATIONS)) or "text/html"
        return path + REPRESENTATIONS[media]

    def file(self, path: str) -> SiteFile | None:
        """A file of the site (``index.html``, ``person/kim-jong-un.ttl``, an asset, a
        chart), or None. Rendering happens under a lock: pages share their renderer's memo."""
        with self._lock:
            found = self._cache.get(path)
            if found is not None:
                self._cache.move_to_end(path)
                return found
            site = self._site
            body = site.file(path)
            if body is None:
                return None
            extension = "." + path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
            made = SiteFile(path, body, MEDIA_TYPES.get(extension, "application/octet-stream"))
            self._cache[path] = made
            if len(self._cache) > self._size:
                self._cache.popitem(last=False)
            return made
