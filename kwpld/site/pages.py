"""Every file of the browse site, each rendered on its own: :class:`Site`.

The static site (:func:`kwpld.site.build_site`) writes :meth:`Site.files` into a folder; a
server can instead open a :class:`Site` once and answer each request with :meth:`Site.file`
(any path of the site) or with the entity methods, choosing HTML, Turtle or JSON-LD by the
``Accept`` header. Both give the same bytes for the same graph.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from ..charts import composition_chart, open_graph, structure_chart, timeline_chart
from ..charts.common import Linker
from ..charts.graph import ChartGraph
from ..dates import PartialDate
from ..formats.turtle import write_turtle
from ..publish.jsonld import Compactor, JsonLdContext
from ..resources import resource_path
from .collect import KIND_TITLES, Entity, SiteData, collect
from .render import Renderer
from .search import search_index_js

__all__ = ["MEDIA_TYPES", "Site"]

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".svg": "image/svg+xml",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".conf": "text/plain; charset=utf-8",
}
"""Media type of each kind of file in the site, by extension (as the server configs say)."""

ENTITY_FORMATS = (".html", ".ttl", ".jsonld")
"""An entity's representations, one file each: its page and its own RDF."""

_ASSETS = ("site.css", "search.js")
_SERVER_FILES = {".htaccess": "htaccess", "server/nginx.conf": "nginx.conf"}
_ENTITY_CONTEXT = "../context.jsonld"  # from {kind}/{id}.jsonld


def _latest(dates: list[PartialDate]) -> PartialDate | None:
    """The latest date recorded, at its own precision, for the page's composition "as of" it.

    Dates are ordered by their first day, so a start known only to the year ("2013") does
    not push the composition to the end of that year past the dates known precisely.
    """
    if not dates:
        return None
    return max(dates, key=lambda d: (d.earliest(), int(d.precision)))


class Site:
    """The browse site of one graph: its pages, RDF files, charts and assets.

    Reading the graph (:func:`~kwpld.site.collect.collect`: a few bulk queries) happens once,
    here; every file is then rendered from that index when asked for. ``charts=False``
    leaves the charts out (pages without them, no chart files).
    """

    def __init__(self, graph: ChartGraph, *, title: str | None = None, charts: bool = True) -> None:
        self.graph = graph
        self.data: SiteData = collect(graph)
        self.title = title or graph.title or graph.dataset_id or "kwpld"
        self.charts = charts
        self.renderer = Renderer(self.data, self.title)
        self.compactor = Compactor(JsonLdContext.load(), graph.base_iri)
        self._by_path = {entity.path: entity for entity in self.data.entities.values()}

    @classmethod
    def open(
        cls,
        source: str | Path | ChartGraph,
        *,
        base_iri: str | None = None,
        title: str | None = None,
        charts: bool = True,
    ) -> Site:
        """The site of a release folder, data folder or store (see :func:`open_graph`)."""
        graph = source if isinstance(source, ChartGraph) else open_graph(source, base_iri=base_iri)
        return cls(graph, title=title, charts=charts)

    # -- entities -------------------------------------------------------------------------
    def entity_at(self, path: str) -> Entity | None:
        """The entity whose page is at ``path`` (``person/jang-song-taek``, no extension)."""
        return self._by_path.get(path)

    def entity_charts(self, entity: Entity) -> list[tuple[str, str, str]]:
        """The charts of an entity's page: (section id, heading, SVG), links relative to it.

        An organ gets its composition (as of the latest date recorded among its memberships
        and its sub-organs') and its timeline; a person with memberships, a timeline.
        """
        if not self.charts:
            return []
        facts, graph, ref = self.data.facts, self.graph, entity.ref
        link = self._linker("../")
        found: list[tuple[str, str, str]] = []
        if ref.kind == "organ":
            # the organ and its direct sub-organs: a page per organ, each drawing one level,
            # keeps the party's own page readable when the graph holds thousands of cells
            organs = [ref.iri, *facts.children.get(ref.iri, [])]
            memberships = [m for o in organs for m in facts.memberships(organ=o)]
            as_of = _latest([d for m in memberships for d in (m.as_of, m.start, m.end) if d])
            if as_of is not None:
                chart = composition_chart(graph, ref.iri, as_of, depth=1, link=link, facts=facts)
                found.append(("composition", f"Composition as of {as_of.iso}", chart.svg))
            if memberships or facts.events([ref.iri]):
                chart = timeline_chart(graph, ref.iri, depth=1, link=link, facts=facts)
                found.append(("timeline", "Timeline", chart.svg))
        elif ref.kind == "person" and facts.memberships(person=ref.iri):
            chart = timeline_chart(graph, ref.iri, link=link, facts=facts)
            found.append(("timeline", "Timeline", chart.svg))
        return found

    def entity_html(self, entity: Entity, charts: list[tuple[str, str, str]] | None = None) -> str:
        """The entity's page (``charts``: those of :meth:`entity_charts`, drawn if None)."""
        return self.renderer.entity_page(
            entity, self.entity_charts(entity) if charts is None else charts
        )

    def entity_turtle(self, entity: Entity) -> str:
        """The entity's own RDF as Turtle: its description, names and the claims about it."""
        graph = self.graph
        header = (
            f"{entity.label}: its description, names and the claims about it\n"
            f"from {graph.title or graph.dataset_id or 'kwpld'}"
            + (f", version {graph.version}" if graph.version else "")
        )
        buffer = io.StringIO()
        write_turtle(entity.distinct_triples(), buffer, self.data.prefixes, header=header)
        return buffer.getvalue()

    def entity_jsonld(self, entity: Entity) -> str:
        """The same triples as JSON-LD, referring to the site's ``context.jsonld``."""
        return self.compactor.document(entity.distinct_triples(), _ENTITY_CONTEXT)

    def entity_file(self, entity: Entity, suffix: str) -> str:
        """One representation of an entity by its file suffix (one of :data:`ENTITY_FORMATS`)."""
        if suffix == ".html":
            return self.entity_html(entity)
        if suffix == ".ttl":
            return self.entity_turtle(entity)
        if suffix == ".jsonld":
            return self.entity_jsonld(entity)
        raise ValueError(f"an entity has no {suffix!r} file; use one of {ENTITY_FORMATS}")

    # -- the index ------------------------------------------------------------------------
    def pages(self) -> dict[str, int]:
        """Pages by kind of entity."""
        pages: dict[str, int] = {}
        for entity in self.data.entities.values():
            pages[entity.ref.kind] = pages.get(entity.ref.kind, 0) + 1
        return dict(sorted(pages.items()))

    def structure_svg(self) -> str | None:
        """The organization chart of the index, its links relative to the site root."""
        if not self.charts or not self.data.facts.organs:
            return None
        return structure_chart(self.graph, link=self._linker(""), facts=self.data.facts).svg

    def index_html(self) -> str:
        """The index page: search, the organization chart, every entity by kind."""
        return self._index_html(self.structure_svg())

    def _index_html(self, structure: str | None) -> str:
        pages = self.pages()
        counts = ", ".join(
            f"{n} {KIND_TITLES[k][1].lower() if n != 1 else KIND_TITLES[k][0].lower()}"
            for k, n in sorted(pages.items(), key=lambda kv: list(KIND_TITLES).index(kv[0]))
        )
        if self.graph.version:
            counts += f" · version {self.graph.version}"
        return self.renderer.index_page(structure, self.graph.description, counts)

    # -- every file -----------------------------------------------------------------------
    def file(self, path: str) -> bytes | None:
        """The file at ``path`` relative to the site root (``person/kim-jong-un.html``,
        ``charts/organ/wpk-pb.timeline.svg``, ``assets/site.css`` ...), or None if the
        site has no such file."""
        if path in _SERVER_FILES or path in (f"assets/{a}" for a in _ASSETS):
            return self._static(path)
        text = self._text(path)
        return text.encode("utf-8") if text is not None else None

    def _text(self, path: str) -> str | None:
        if path == "index.html":
            return self.index_html()
        if path == "assets/search-index.js":
            return search_index_js(self.data)
        if path == "context.jsonld":
            return self.compactor.context_document()
        if path == "charts/structure.svg":
            svg = self.structure_svg()
            return _chart_file(svg, "") if svg else None
        if path.startswith("charts/") and path.endswith(".svg"):
            stem, _, cid = path[len("charts/") : -len(".svg")].rpartition(".")
            entity = self.entity_at(stem)
            found = [svg for c, _, svg in self.entity_charts(entity) if c == cid] if entity else []
            return _chart_file(found[0], "../") if found else None
        stem, dot, suffix = path.rpartition(".")
        entity = self.entity_at(stem)
        if entity is None or f"{dot}{suffix}" not in ENTITY_FORMATS:
            return None
        return self.entity_file(entity, f".{suffix}")

    def _static(self, path: str) -> bytes:
        if path in _SERVER_FILES:
            return resource_path(f"kwpld/site/templates/{_SERVER_FILES[path]}").read_bytes()
        return resource_path(f"kwpld/site/{path}").read_bytes()

    def files(self) -> Iterator[tuple[str, bytes]]:
        """Every file of the site as (path, bytes), each chart drawn once."""
        for asset in _ASSETS:
            yield f"assets/{asset}", self._static(f"assets/{asset}")
        for path in _SERVER_FILES:
            yield path, self._static(path)
        yield "assets/search-index.js", search_index_js(self.data).encode("utf-8")
        yield "context.jsonld", self.compactor.context_document().encode("utf-8")
        for entity in self.data.entities.values():
            charts = self.entity_charts(entity)
            for cid, _, svg in charts:
                yield f"charts/{entity.path}.{cid}.svg", _chart_file(svg, "../").encode("utf-8")
            yield f"{entity.path}.html", self.entity_html(entity, charts).encode("utf-8")
            yield f"{entity.path}.ttl", self.entity_turtle(entity).encode("utf-8")
            yield f"{entity.path}.jsonld", self.entity_jsonld(entity).encode("utf-8")
        structure = self.structure_svg()
        if structure is not None:
            yield "charts/structure.svg", _chart_file(structure, "").encode("utf-8")
        yield "index.html", self._index_html(structure).encode("utf-8")

    def _linker(self, root: str) -> Linker:
        entities = self.data.entities

        def link(iri: str) -> str | None:
            entity = entities.get(iri)
            return f"{root}{entity.path}.html" if entity is not None else None

        return link


def _chart_file(svg: str, root: str) -> str:
    """A chart drawn for a page at ``root`` (relative to the site root), as a file one level
    further down (``charts/`` or ``charts/{kind}/``): its links gain one ``../``."""
    return svg.replace(f'href="{root}', f'href="../{root}')
