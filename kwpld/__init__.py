"""kwpld: curated records on the leadership of the Workers' Party of Korea, as linked data.

The Python API does everything the ``kwpld`` command does::

    import kwpld
    result = kwpld.build("examples/party-cells-2013", out="dist/party-cells-2013")
    print(result.triple_count, result.files["turtle"])

Stages, each usable alone: :func:`load_records` (records -> checked objects),
:func:`map_records` (objects -> RDF), then the writers in :mod:`kwpld.formats`.
:func:`link_records` (:mod:`kwpld.link`) finds and checks Wikidata items for the records.
"""

from __future__ import annotations

from .__about__ import __version__
from .build import BuildResult, build, build_graph, validate_data  # noqa: E402
from .charts import (  # noqa: E402
    Chart,
    composition_chart,
    open_graph,
    render_png,
    structure_chart,
    timeline_chart,
)
from .dates import DateError, DateMention, PartialDate, find_dates, parse_date  # noqa: E402
from .errors import InputError, KwpldError, LoadError, Problem, ProblemReport  # noqa: E402
from .graph import KnowledgeGraph  # noqa: E402
from .ingest import IngestOptions, accept, ingest, list_drafts, read_text, reject  # noqa: E402
from .link import ClientSettings, LinkOptions, LinkReport  # noqa: E402
from .link import link as link_records  # noqa: E402
from .load import load_records  # noqa: E402
from .mapping import map_records  # noqa: E402
from .model import Records  # noqa: E402
from .names import match_key, spelling_variants  # noqa: E402
from .publish import Release, ReleaseOptions, read_manifest, write_release  # noqa: E402
from .publish.diff import diff_releases  # noqa: E402
from .publish.gsp import publish_release  # noqa: E402
from .publish.store import load_release  # noqa: E402
from .site import build_site  # noqa: E402
from .validate import Severity, ValidationError, ValidationReport, validate_graph  # noqa: E402

__all__ = [
    "__version__",
    "BuildResult",
    "ClientSettings",
    "DateError",
    "DateMention",
    "IngestOptions",
    "InputError",
    "KnowledgeGraph",
    "KwpldError",
    "LinkOptions",
    "LinkReport",
    "LoadError",
    "PartialDate",
    "Problem",
    "ProblemReport",
    "Records",
    "accept",
    "build",
    "build_graph",
    "link_records",
    "find_dates",
    "ingest",
    "list_drafts",
    "load_records",
    "map_records",
    "match_key",
    "parse_date",
    "read_text",
    "reject",
    "spelling_variants",
    "Release",
    "ReleaseOptions",
    "read_manifest",
    "write_release",
    "diff_releases",
    "publish_release",
    "load_release",
    "Chart",
    "open_graph",
    "composition_chart",
    "structure_chart",
    "timeline_chart",
    "render_png",
    "build_site",
    "Severity",
    "ValidationError",
    "ValidationReport",
    "validate_data",
    "validate_graph",
]
