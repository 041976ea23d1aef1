"""``kwpld site``: a static browse site with one page per entity, charts and search.

Layout (every path relative; no CDN, no network at view time)::

    index.html                 dataset, search, organization chart, every entity by kind
    person/jang-song-taek.html the page
    person/jang-song-taek.ttl  the entity's own RDF (Turtle) } same name, other extension:
    person/jang-song-taek.jsonld                   (JSON-LD) } content negotiation by suffix
    charts/organ/wpk-pb.composition.svg            the page's charts as files
    assets/site.css, assets/search.js, assets/search-index.js
    context.jsonld             the JSON-LD context the entity files refer to
    .htaccess, server/nginx.conf   content negotiation for Apache httpd and nginx
    site.json                  every file with its SHA-256 (and the marker of a kwpld site)

The folder is replaced as a whole and atomically; the same graph gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_directory
from ..charts import composition_chart, open_graph, structure_chart, timeline_chart
from ..charts.graph import ChartGraph
from ..dates import PartialDate
from ..formats.turtle import write_turtle
from ..publish.jsonld import Compactor, JsonLdContext
from ..resources import resource_path
from .collect import KIND_TITLES, Entity, SiteData, collect
from .render import Renderer
from .search import search_index_js

__all__ = ["SiteResult", "build_site", "SITE_MARKER"]

SITE_MARKER = "site.json"
SITE_FORMAT = 1


@dataclass
class SiteResult:
    out: Path
    pages: dict[str, int] = field(default_factory=dict)
    charts: int = 0
    files: int = 0
    bytes: int = 0
    skipped: int = 0


def _strip_xml_declaration(svg: str) -> str:
    return svg.split("\n", 1)[1] if svg.startswith("<?xml") else svg


def _latest(dates: list[PartialDate]) -> PartialDate | None:
    """The latest date recorded, at its own precision, for the page's composition "as of" it.

    Dates are ordered by their first day, so a start known only to the year ("2013") does
    not push the composition to the end of that year past the dates known precisely.
    """
    if not dates:
        return None
    return max(dates, key=lambda d: (d.earliest(), int(d.precision)))


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, bytes] = {}

    def write(self, path: str, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        self.files[path] = raw


def build_site(
    source: str | Path | ChartGraph,
    out: str | Path,
    *,
    base_iri: str | None = None,
    title: str | None = None,
    charts: bool = True,
) -> SiteResult:
    """Write the browse site of a release folder, data folder or store into ``out``."""
    graph = source if isinstance(source, ChartGraph) else open_graph(source, base_iri=base_iri)
    data = collect(graph)
    site_title = title or graph.title or graph.dataset_id or "kwpld"
    renderer = Renderer(data, site_title)
    result = SiteResult(Path(out).absolute(), skipped=data.skipped)
    compactor = Compactor(JsonLdContext.load(), graph.base_iri)
    with atomic_directory(out, markers=(SITE_MARKER,)) as tmp:
        w = _Writer(tmp)
        for asset in ("site.css", "search.js"):
            w.write(f"assets/{asset}", resource_path(f"kwpld/site/assets/{asset}").read_bytes())
        w.write("assets/search-index.js", search_index_js(data))
        w.write("context.jsonld", compactor.context_document())
        w.write(".htaccess", resource_path("kwpld/site/templates/htaccess").read_bytes())
        w.write("server/nginx.conf", resource_path("kwpld/site/templates/nginx.conf").read_bytes())
        for entity in data.entities.values():
            page_charts = _entity_charts(data, entity) if charts else []
            for cid, _, svg in page_charts:
                standalone = svg.replace('href="../', 'href="../../')
                w.write(f"charts/{entity.path}.{cid}.svg", standalone)
            result.charts += len(page_charts)
            inline = [(cid, t, _strip_xml_declaration(svg)) for cid, t, svg in page_charts]
            w.write(f"{entity.path}.html", renderer.entity_page(entity, inline))
            w.write(f"{entity.path}.ttl", _turtle(entity, data))
            w.write(
                f"{entity.path}.jsonld",
                compactor.document(entity.distinct_triples(), "../context.jsonld"),
            )
            result.pages[entity.ref.kind] = result.pages.get(entity.ref.kind, 0) + 1
        structure = None
        if charts and data.facts.organs:
            chart = structure_chart(graph, link=_linker(data, ""), facts=data.facts)
            w.write("charts/structure.svg", chart.svg.replace('href="', 'href="../'))
            structure = _strip_xml_declaration(chart.svg)
            result.charts += 1
        counts = ", ".join(
            f"{n} {KIND_TITLES[k][1].lower() if n != 1 else KIND_TITLES[k][0].lower()}"
            for k, n in sorted(result.pages.items(), key=lambda kv: list(KIND_TITLES).index(kv[0]))
        )
        if graph.version:
            counts += f" · version {graph.version}"
        w.write("index.html", renderer.index_page(structure, graph.description, counts))
        manifest = {
            "kwpld_site": SITE_FORMAT,
            "dataset": {
                "id": graph.dataset_id,
                "title": graph.title,
                "version": graph.version,
                "base_iri": graph.base_iri,
            },
            "pages": dict(sorted(result.pages.items())),
            "files": [
                {"path": path, "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
                for path, raw in sorted(w.files.items())
            ],
        }
        w.write(SITE_MARKER, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    result.files = len(w.files)
    result.bytes = sum(len(raw) for raw in w.files.values())
    return result


def _linker(data: SiteData, root: str):  # noqa: ANN202
    def link(iri: str) -> str | None:
        entity = data.entities.get(iri)
        return f"{root}{entity.path}.html" if entity is not None else None

    return link


def _entity_charts(data: SiteData, entity: Entity) -> list[tuple[str, str, str]]:
    facts, graph = data.facts, data.graph
    link = _linker(data, "../")
    ref = entity.ref
    found: list[tuple[str, str, str]] = []
    if ref.kind == "organ":
        # the organ and its direct sub-organs: a page per organ, each drawing one level, keeps
        # the party's own page readable when the graph holds thousands of cells
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


def _turtle(entity: Entity, data: SiteData) -> str:
    buffer = io.StringIO()
    header = (
        f"{entity.label}: its description, names and the claims about it\n"
        f"from {data.graph.title or data.graph.dataset_id or 'kwpld'}"
        + (f", version {data.graph.version}" if data.graph.version else "")
    )
    write_turtle(entity.distinct_triples(), buffer, data.prefixes, header=header)
    return buffer.getvalue()
