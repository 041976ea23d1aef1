"""kwpld: curated records on the leadership of the Workers' Party of Korea, as linked data.

The Python API does everything the ``kwpld`` command does::

    import kwpld
    result = kwpld.build("examples/party-cells-2013", out="dist/party-cells-2013")
    print(result.triple_count, result.files["turtle"])

Stages, each usable alone: :func:`load_records` (records -> checked objects),
:func:`map_records` (objects -> RDF), then the writers in :mod:`kwpld.formats`.
:func:`link_records` (:mod:`kwpld.link`) finds and checks Wikidata items for the records.

The names below are imported when first used (PEP 562), not by ``import kwpld``: importing
all of them loads 94 modules, requests and pyoxigraph among them, which made ``kwpld --help``
take 0.6 s before it printed a line. ``tests/test_api.py`` checks that every name in
``__all__`` stays importable and that ``import kwpld`` loads none of the heavy dependencies.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .__about__ import __version__

# Public name -> (module, name in that module). One entry per name in __all__.
_EXPORTS: dict[str, tuple[str, str]] = {
    "BuildResult": (".build", "BuildResult"),
    "build": (".build", "build"),
    "build_graph": (".build", "build_graph"),
    "Chart": (".charts", "Chart"),
    "composition_chart": (".charts", "composition_chart"),
    "open_graph": (".charts", "open_graph"),
    "render_png": (".charts", "render_png"),
    "structure_chart": (".charts", "structure_chart"),
    "timeline_chart": (".charts", "timeline_chart"),
    "DateError": (".dates", "DateError"),
    "DateMention": (".dates", "DateMention"),
    "PartialDate": (".dates", "PartialDate"),
    "find_dates": (".dates", "find_dates"),
    "parse_date": (".dates", "parse_date"),
    "InputError": (".errors", "InputError"),
    "KwpldError": (".errors", "KwpldError"),
    "LoadError": (".errors", "LoadError"),
    "Problem": (".errors", "Problem"),
    "ProblemReport": (".errors", "ProblemReport"),
    "KnowledgeGraph": (".graph", "KnowledgeGraph"),
    "IngestOptions": (".ingest", "IngestOptions"),
    "accept": (".review", "accept"),
    "ingest": (".ingest", "ingest"),
    "list_drafts": (".review", "list_drafts"),
    "read_text": (".ingest", "read_text"),
    "reject": (".review", "reject"),
    "ClientSettings": (".link", "ClientSettings"),
    "LinkOptions": (".link", "LinkOptions"),
    "LinkReport": (".link", "LinkReport"),
    "link_records": (".link", "link"),
    "load_records": (".load", "load_records"),
    "find_duplicates": (".load.duplicates", "find_duplicates"),
    "MergeResult": (".merge", "MergeResult"),
    "merge_records": (".merge", "merge_records"),
    "check_data": (".build", "check_data"),
    "map_records": (".mapping", "map_records"),
    "Records": (".model", "Records"),
    "match_key": (".names", "match_key"),
    "spelling_variants": (".names", "spelling_variants"),
    "Release": (".publish", "Release"),
    "ReleaseOptions": (".publish", "ReleaseOptions"),
    "read_manifest": (".publish", "read_manifest"),
    "write_release": (".publish", "write_release"),
    "diff_releases": (".publish.diff", "diff_releases"),
    "publish_release": (".publish.gsp", "publish_release"),
    "load_release": (".publish.store", "load_release"),
    "query": (".sparql", "query"),
    "build_site": (".site", "build_site"),
    "Severity": (".validate", "Severity"),
    "ValidationError": (".validate", "ValidationError"),
    "ValidationReport": (".validate", "ValidationReport"),
    "validate_data": (".build", "validate_data"),
    "validate_graph": (".validate", "validate_graph"),
}

__all__ = [
    "__version__",
    "BuildResult",
    "Chart",
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
    "MergeResult",
    "PartialDate",
    "Problem",
    "ProblemReport",
    "Records",
    "Release",
    "ReleaseOptions",
    "Severity",
    "ValidationError",
    "ValidationReport",
    "accept",
    "build",
    "build_graph",
    "build_site",
    "check_data",
    "composition_chart",
    "diff_releases",
    "find_dates",
    "find_duplicates",
    "ingest",
    "link_records",
    "list_drafts",
    "load_records",
    "load_release",
    "map_records",
    "match_key",
    "merge_records",
    "open_graph",
    "parse_date",
    "publish_release",
    "query",
    "read_manifest",
    "read_text",
    "reject",
    "render_png",
    "spelling_variants",
    "structure_chart",
    "timeline_chart",
    "validate_data",
    "validate_graph",
    "write_release",
]
"""The names of the API; tests/test_api.py checks it names exactly the keys of _EXPORTS."""


def __getattr__(name: str) -> Any:
    """Import a public name on first use and keep it, so the next lookup is a plain one."""
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'kwpld' has no attribute {name!r}") from None
    value = getattr(import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(ModuleType):
    """``kwpld.build`` and ``kwpld.ingest`` are functions named like the modules that define
    them. Importing such a module (``import kwpld.build``, or any ``from .build import``)
    sets the package's attribute to the module; this keeps the function there instead, as
    the eager imports of earlier versions did."""

    def __setattr__(self, name: str, value: object) -> None:
        export = _EXPORTS.get(name)
        if isinstance(value, ModuleType) and export is not None and export[0] == f".{name}":
            value = getattr(value, export[1])
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # the same names, for type checkers and editors
    from .build import BuildResult, build, build_graph, check_data, validate_data
    from .charts import (
        Chart,
        composition_chart,
        open_graph,
        render_png,
        structure_chart,
        timeline_chart,
    )
    from .dates import DateError, DateMention, PartialDate, find_dates, parse_date
    from .errors import InputError, KwpldError, LoadError, Problem, ProblemReport
    from .graph import KnowledgeGraph
    from .ingest import IngestOptions, ingest, read_text
    from .link import ClientSettings, LinkOptions, LinkReport
    from .link import link as link_records
    from .load import load_records
    from .load.duplicates import find_duplicates
    from .mapping import map_records
    from .merge import MergeResult, merge_records
    from .model import Records
    from .names import match_key, spelling_variants
    from .publish import Release, ReleaseOptions, read_manifest, write_release
    from .publish.diff import diff_releases
    from .publish.gsp import publish_release
    from .publish.store import load_release
    from .review import accept, list_drafts, reject
    from .site import build_site
    from .sparql import query
    from .validate import Severity, ValidationError, ValidationReport, validate_graph
