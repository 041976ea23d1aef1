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

The files come from :class:`~kwpld.site.pages.Site`, which can also render any one of them
on its own (for a server). The folder is replaced as a whole and atomically; the same graph
gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_directory
from ..charts.graph import ChartGraph
from .pages import Site

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


def build_site(
    source: str | Path | ChartGraph,
    out: str | Path,
    *,
    base_iri: str | None = None,
    title: str | None = None,
    charts: bool = True,
) -> SiteResult:
    """Write the browse site of a release folder, data folder or store into ``out``."""
    site = Site.open(source, base_iri=base_iri, title=title, charts=charts)
    graph = site.graph
    result = SiteResult(Path(out).absolute(), pages=site.pages(), skipped=site.data.skipped)
    files: dict[str, bytes] = {}
    with atomic_directory(out, markers=(SITE_MARKER,)) as tmp:
        for path, raw in site.files():
            target = tmp / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(raw)
            files[path] = raw
        manifest = {
            "kwpld_site": SITE_FORMAT,
            "dataset": {
                "id": graph.dataset_id,
                "title": graph.title,
                "version": graph.version,
                "base_iri": graph.base_iri,
            },
            "pages": result.pages,
            "files": [
                {"path": path, "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
                for path, raw in sorted(files.items())
            ],
        }
        raw = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        (tmp / SITE_MARKER).write_bytes(raw)
        files[SITE_MARKER] = raw
    result.charts = sum(1 for path in files if path.startswith("charts/"))
    result.files = len(files)
    result.bytes = sum(len(raw) for raw in files.values())
    return result
