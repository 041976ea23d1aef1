"""SHACL validation of the knowledge graph, with findings that point at the records to fix.

::

    from kwpld.build import validate_data   # load and map a data folder, then validate_graph
    report = validate_data("examples/party-cells-2013")
    print(report.render_text())          # for people: a table grouped by file
    report.to_json()                      # for CI (kwpld/schemas/validation-report-1.schema.json)
    report.to_turtle()                    # the SHACL validation report graph

The shapes are ``shapes/*.ttl``. The fast engine (:mod:`.engine`) evaluates them over the
whole graph at once; pyshacl (:mod:`.reference`) is the reference engine and validates any
shape the fast engine does not support. docs/validation.md describes the rules and formats.
Validation takes a graph: loading and mapping a data folder first is the build's job
(:func:`kwpld.build.validate_data`), so this stage never reaches up to the orchestrator.
"""

from __future__ import annotations

from .report import FailOn, Finding, ValidationReport
from .results import Result, Severity
from .shapes import ShapesGraph, load_shapes
from .validator import Engine, ValidationError, check_report, validate_graph

__all__ = [
    "Engine",
    "FailOn",
    "Finding",
    "Result",
    "Severity",
    "ShapesGraph",
    "ValidationError",
    "ValidationReport",
    "check_report",
    "load_shapes",
    "validate_graph",
]
