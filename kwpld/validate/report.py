"""Findings a curator can act on: validation results mapped back to records, and rendered.

A :class:`Finding` is a SHACL result plus where it came from: the record (id, kind, file,
line) whose RDF node is the focus node, and the record field to edit. A
:class:`ValidationReport` renders findings three ways, each deterministic (sorted, no
timestamps): a table grouped by file for people, JSON for CI (schema
``kwpld/schemas/validation-report-1.schema.json``, documented in docs/validation.md), and the
standard SHACL validation report graph as Turtle.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..errors import Problem
from ..formats.turtle import TermCompactor
from ..graph import KnowledgeGraph
from ..iris import Minter
from ..model import Records
from ..namespaces import KWPSH, SH, STANDARD_PREFIXES, XSD_STRING
from ..rdf import lang_literal
from .data import DataIndex
from .paths import Path, path_sort_key, path_to_sparql, path_to_turtle
from .results import Result, Severity
from .shapes import ShapesGraph
from .terms import is_blank, is_literal, lexical_form, literal_parts

__all__ = [
    "Finding",
    "ValidationReport",
    "FailOn",
    "REPORT_FORMAT",
    "REPORT_VERSION",
    "RECORD_CHECK",
    "record_finding",
]

REPORT_FORMAT = "kwpld-validation-report"
REPORT_VERSION = 1


class FailOn(StrEnum):
    """The least severe finding that fails a run (exit code 1)."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"

    def fails(self, severity: Severity) -> bool:
        return severity.rank <= Severity(self.value).rank


@dataclass(frozen=True)
class Finding:
    """A validation result, located in the records."""

    result: Result
    severity: Severity
    code: str
    message: str
    record_id: str | None = None
    kind: str | None = None
    file: str | None = None
    line: int | None = None
    field: str | None = None
    record_node: str | None = None
    """The IRI term of the record's own node (the focus node may be one of its names)."""

    @property
    def focus(self) -> str:
        return self.result.focus

    @property
    def path(self) -> Path | None:
        return self.result.path

    @property
    def value(self) -> str | None:
        return self.result.value

    @property
    def location(self) -> str:
        if self.file is None:
            return "(no record)"
        return f"{self.file}:{self.line}" if self.line else self.file

    def sort_key(self) -> tuple[object, ...]:
        return (
            self.file is None,
            self.file or "",
            self.line or 0,
            self.record_id or "",
            self.severity.rank,
            self.code,
            self.focus,
            path_sort_key(self.path),
            self.value or "",
            self.message,
        )

    def to_dict(self) -> dict[str, object]:
        record = None
        if self.record_id is not None:
            record = {
                "id": self.record_id,
                "kind": self.kind,
                "file": self.file,
                "line": self.line,
                "field": self.field,
            }
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "record": record,
            "focus_node": _plain(self.focus),
            "path": path_to_sparql(self.path) if self.path is not None else None,
            "value": _json_term(self.value) if self.value is not None else None,
            "shape": _plain(self.result.shape),
            "constraint_component": _plain(self.result.component),
        }


@dataclass
class ValidationReport:
    """Every finding of one validation run, in file and line order."""

    findings: list[Finding]
    engine: str = "fast"
    triples: int = 0
    focus_nodes: int = 0
    shapes: int = 0
    prefixes: dict[str, str] = field(default_factory=dict)
    shapes_graph: ShapesGraph | None = field(default=None, repr=False)
    timings: dict[str, float] = field(default_factory=dict)
    by_shape: dict[str, list[Result]] | None = field(default=None, repr=False, compare=False)
    """The fast engine's results per top-level shape (what an incremental rebuild starts
    from: :mod:`kwpld.validate.partial`); None from pyshacl alone."""
    sparql_rows: dict[tuple[str, str], dict[str, list[dict[str, str]]]] | None = field(
        default=None, repr=False, compare=False
    )
    """The fast engine's SPARQL solutions by query and focus node (what an incremental
    rebuild keeps of them: :meth:`~.engine.FastEngine.keep_sparql_rows`)."""
    revalidated: int | None = field(default=None, compare=False)
    """The focus nodes of shapes validated in part that were validated again (None: every
    shape was validated whole)."""

    @property
    def conforms(self) -> bool:
        """SHACL's notion: no result of any severity."""
        return not self.findings

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings (of record checks: :func:`record_finding`), keeping the order."""
        self.findings.extend(findings)
        self.findings.sort(key=Finding.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def counts(self) -> dict[str, int]:
        return {s.value: self.count(s) for s in Severity}

    def failed(self, fail_on: FailOn | str = FailOn.VIOLATION) -> bool:
        threshold = FailOn(fail_on)
        return any(threshold.fails(f.severity) for f in self.findings)

    # -- people ---------------------------------------------------------------------------------
    def render_text(self, *, fail_on: FailOn | str = FailOn.VIOLATION) -> str:
        """A table per file: line, severity, record, field and the curator's message."""
        compact = TermCompactor(self.prefixes).term
        lines: list[str] = []
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.file or "(nodes without a record)", []).append(finding)
        for name, findings in groups.items():
            rows = [
                (
                    str(f.line or ""),
                    f.severity.value,
                    " ".join(filter(None, (f.kind, f.record_id))) or compact(f.focus),
                    f.field or "-",
                    f"{f.message} [{f.code}]",
                    _details(f, compact),
                )
                for f in findings
            ]
            header = ("LINE", "SEVERITY", "RECORD", "FIELD", "PROBLEM")
            widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
            lines.append(name)
            lines.append("  " + _row(header, widths))
            for row in rows:
                lines.append("  " + _row(row[:5], widths))
                if row[5]:
                    lines.append("  " + " " * (sum(widths) + 8) + row[5])
            lines.append("")
        lines.append(self.summary(fail_on=fail_on))
        return "\n".join(lines)

    def summary(self, *, fail_on: FailOn | str = FailOn.VIOLATION) -> str:
        counts = self.counts
        files = len({f.file for f in self.findings if f.file})
        parts = [
            _plural(counts["violation"], "violation"),
            _plural(counts["warning"], "warning"),
            f"{counts['info']} info",
        ]
        where = f" in {_plural(files, 'file')}" if files else ""
        verdict = "FAILED" if self.failed(fail_on) else "passed"
        scope = (
            f"{self.triples} triples, {self.focus_nodes} focus nodes, {self.shapes} shapes, "
            f"{self.engine} engine"
        )
        return f"{', '.join(parts)}{where} ({scope}): {verdict} (fail on {FailOn(fail_on).value})."

    # -- CI ---------------------------------------------------------------------------------------
    def to_dict(self, *, fail_on: FailOn | str = FailOn.VIOLATION) -> dict[str, object]:
        return {
            "format": REPORT_FORMAT,
            "version": REPORT_VERSION,
            "conforms": self.conforms,
            "passed": not self.failed(fail_on),
            "fail_on": FailOn(fail_on).value,
            "counts": self.counts,
            "engine": self.engine,
            "validated": {
                "triples": self.triples,
                "focus_nodes": self.focus_nodes,
                "shapes": self.shapes,
            },
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, *, fail_on: FailOn | str = FailOn.VIOLATION) -> str:
        return json.dumps(self.to_dict(fail_on=fail_on), ensure_ascii=False, indent=2) + "\n"

    # -- the SHACL validation report graph ----------------------------------------------------
    def to_turtle(self) -> str:
        """The standard SHACL validation report (sh:ValidationReport) as Turtle."""
        prefixes = {
            "sh": SH,
            "kwpsh": KWPSH,
            "rdf": STANDARD_PREFIXES["rdf"],
            "xsd": STANDARD_PREFIXES["xsd"],
        }
        prefixes.update(self.prefixes)
        compactor = TermCompactor(prefixes)
        term = compactor.term
        blank = _BlankWriter(self.shapes_graph, term)
        out = [f"@prefix {p}: <{ns}> .\n" for p, ns in compactor.prefixes.items()]
        out.append("\n[] a sh:ValidationReport ;\n")
        out.append(f"    sh:conforms {'true' if self.conforms else 'false'}")
        results = []
        for finding in self.findings:
            r = finding.result
            props = [
                ("a", "sh:ValidationResult"),
                ("sh:focusNode", term(r.focus)),
                *[("sh:resultMessage", _turtle_literal(m, term)) for m in r.messages],
            ]
            if r.path is not None:
                props.append(("sh:resultPath", path_to_turtle(r.path, term)))
            props.append(("sh:resultSeverity", term(r.severity)))
            if r.constraint is not None:
                props.append(("sh:sourceConstraint", blank.node(r.constraint, 3)))
            props.append(("sh:sourceConstraintComponent", term(r.component)))
            props.append(("sh:sourceShape", blank.node(r.shape, 3)))
            if r.value is not None:
                props.append(
                    (
                        "sh:value",
                        _turtle_literal(r.value, term) if is_literal(r.value) else term(r.value),
                    )
                )
            body = " ;\n            ".join(f"{p} {o}" for p, o in props)
            results.append(f"[\n            {body}\n        ]")
        if results:
            out.append(" ;\n    sh:result\n        " + " ,\n        ".join(results))
        out.append(" .\n")
        return "".join(out)


RECORD_CHECK = f"<{KWPSH}RecordCheckComponent>"
"""The constraint component of findings that no SHACL shape makes: checks kwpld runs on the
records themselves (possible duplicates), reported with the shapes' findings so that one
report holds everything to fix. Their source shape is ``kwpsh:`` + the check's code."""


def record_finding(
    problem: Problem, focus: str, records: Records, *, value: str | None = None
) -> Finding:
    """A finding of a check on the records (a :class:`~kwpld.errors.Problem` with a warning or
    info severity), as a validation result whose focus node is the record's IRI term
    ``focus`` and whose value, if any, is ``value`` (the other record of a pair)."""
    message = problem.message[:1].upper() + problem.message[1:]  # a sentence, as the shapes'
    known = problem.severity in ("warning", "info")
    severity = Severity(problem.severity) if known else Severity.VIOLATION
    result = Result(
        severity=severity.iri,
        focus=focus,
        path=None,
        value=value,
        shape=f"<{KWPSH}{problem.code}>",
        component=RECORD_CHECK,
        messages=(lang_literal(message, "en"),),
    )
    record = records.get(problem.record_id) if problem.record_id else None
    return Finding(
        result=result,
        severity=severity,
        code=problem.code,
        message=message,
        record_id=problem.record_id,
        kind=problem.kind,
        file=problem.file if record is None else record.origin.file,
        line=problem.line if record is None else record.origin.line,
        field=problem.field,
        record_node=focus,
    )


def build_report(
    results: Iterable[Result],
    *,
    graph: KnowledgeGraph,
    records: Records | None,
    shapes: ShapesGraph,
    data: DataIndex,
    engine: str,
    focus_nodes: int,
    shape_count: int,
) -> ValidationReport:
    """Locate every result in the records and sort the findings."""
    locate = _Locator(graph, records, data)
    fields = _FieldFinder(shapes)
    parents = _parents(shapes)
    findings = []
    for result in results:
        severity = Severity.from_iri(result.severity)
        record_id, record_node = locate(result.focus)
        record = records.get(record_id) if records is not None and record_id else None
        findings.append(
            Finding(
                result=result,
                severity=severity,
                code=_code(result, parents),
                message=_message(result),
                record_id=record_id,
                kind=record.kind if record is not None else None,
                file=record.origin.file if record is not None else None,
                line=record.origin.line if record is not None else None,
                field=fields(result),
                record_node=record_node,
            )
        )
    findings.sort(key=Finding.sort_key)
    prefixes = {**shapes.prefixes, **graph.prefixes}
    return ValidationReport(
        findings=findings,
        engine=engine,
        triples=len(data),
        focus_nodes=focus_nodes,
        shapes=shape_count,
        prefixes=prefixes,
        shapes_graph=shapes,
    )


class _Locator:
    """Focus node -> (record id, the record's own node) through ``KnowledgeGraph.origins``.

    Nodes that no record made directly (places made from an event's location) are traced to
    a record that links to them.
    """

    def __init__(self, graph: KnowledgeGraph, records: Records | None, data: DataIndex) -> None:
        self.origins = graph.origins
        self.mint = Minter(graph.base_iri)
        self.records = records
        self.data = data
        self._referrers: dict[str, str] | None = None

    def __call__(self, node: str) -> tuple[str | None, str | None]:
        record_id = self.origins.get(node[1:-1]) if node.startswith("<") else None
        if record_id is None and node.startswith("<"):
            referrer = self.referrers().get(node)
            record_id = self.origins.get(referrer[1:-1]) if referrer else None
        if record_id is None:
            return None, None
        record = self.records.get(record_id) if self.records is not None else None
        if record is None:
            return record_id, None
        return record_id, self.mint.record(record)

    def referrers(self) -> dict[str, str]:
        if self._referrers is None:
            found: dict[str, str] = {}
            for subjects in self.data.by_predicate.values():
                for s in subjects:
                    if s[1:-1] not in self.origins:
                        continue
                    values = subjects[s]
                    for o in values if isinstance(values, set) else (values,):
                        if (
                            o.startswith("<")
                            and o[1:-1] not in self.origins
                            and (o not in found or s < found[o])
                        ):
                            found[o] = s
            self._referrers = found
        return self._referrers


class _FieldFinder:
    """The record field to edit: the shape's kwpsh:recordField, or for a SPARQL-based shape
    the field of the property shape on the same class and path."""

    def __init__(self, shapes: ShapesGraph) -> None:
        self.shapes = shapes
        self.by_class_path: dict[tuple[str, str], str] = {}
        for shape in shapes.shapes.values():
            for prop in shape.properties:
                inner = shapes.shapes.get(prop)
                if inner is None or not isinstance(inner.path, str) or not inner.record_field:
                    continue
                for cls in shape.targets.classes:
                    self.by_class_path.setdefault((cls, inner.path), inner.record_field)

    def __call__(self, result: Result) -> str | None:
        shape = self.shapes.shapes.get(result.shape)
        if shape is None:
            return None
        if not shape.is_property_shape and isinstance(result.path, str):
            for cls in shape.targets.classes:
                found = self.by_class_path.get((cls, result.path))
                if found:
                    return found
        return shape.record_field


def _code(result: Result, parents: dict[str, str]) -> str:
    """The local name of the source shape; for a blank-node property shape, that of the named
    shape it belongs to, then the constraint component (``my-shape-min-count``)."""
    shape = result.shape
    if shape.startswith("<"):
        return _local(shape)
    component = result.component[1:-1].rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    kebab = "".join("-" + c.lower() if c.isupper() else c for c in component).lstrip("-")
    parent = parents.get(shape)
    return f"{_local(parent)}-{kebab}" if parent else f"shacl-{kebab}"


def _local(iri: str) -> str:
    if iri.startswith(f"<{KWPSH}"):
        return iri[len(KWPSH) + 1 : -1]
    value = iri[1:-1]
    return value[max(value.rfind("#"), value.rfind("/")) + 1 :] or value


def _parents(shapes: ShapesGraph) -> dict[str, str]:
    """Blank-node shapes -> the nearest named shape that uses them."""
    direct: dict[str, str] = {}
    for shape in shapes.shapes.values():
        for ref in shape.references:
            if ref.startswith("_:"):
                direct.setdefault(ref, shape.node)
    named: dict[str, str] = {}
    for node in direct:
        parent, seen = direct[node], {node}
        while parent.startswith("_:") and parent in direct and parent not in seen:
            seen.add(parent)
            parent = direct[parent]
        if parent.startswith("<"):
            named[node] = parent
    return named


def _message(result: Result) -> str:
    """The English message (or the first one), as plain text."""
    if not result.messages:
        return ""
    for message in sorted(result.messages):
        lang = literal_parts(message)[1]
        if lang and lang.lower().startswith("en"):
            return lexical_form(message)
    return lexical_form(sorted(result.messages)[0])


def _details(finding: Finding, compact: Callable[[str], str]) -> str:
    parts = []
    if finding.record_node is not None and finding.focus != finding.record_node:
        parts.append(f"node: {compact(finding.focus)}")
    if finding.value is not None and finding.value != finding.focus:
        value = finding.value
        if is_literal(value) and value.endswith(">") and not value.endswith("#integer>"):
            value = f'"{lexical_form(value)}"'  # a date or number as the curator wrote it
        parts.append(f"value: {compact(value)}")
    if finding.path is not None and not finding.field:
        parts.append(f"path: {path_to_sparql(finding.path)}")
    return "  ".join(parts)


def _row(cells: tuple[str, ...], widths: list[int]) -> str:
    line, last = cells[-1], len(cells) - 1
    padded = [
        cells[i].rjust(widths[i]) if i == 0 else cells[i].ljust(widths[i]) for i in range(last)
    ]
    return "  ".join([*padded, line]).rstrip()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _plain(term: str) -> str:
    return term[1:-1] if term.startswith("<") else term


def _json_term(term: str) -> dict[str, str]:
    """A term in the SPARQL 1.1 JSON results format."""
    if term.startswith("<"):
        return {"type": "uri", "value": term[1:-1]}
    if is_blank(term):
        return {"type": "bnode", "value": term[2:]}
    _, lang, datatype = literal_parts(term)
    value = {"type": "literal", "value": lexical_form(term)}
    if lang is not None:
        value["xml:lang"] = lang
    elif datatype != XSD_STRING:
        value["datatype"] = datatype
    return value


def _turtle_literal(term: str, compact: Callable[[str], str]) -> str:
    # N-Triples literal syntax is Turtle; only the datatype IRI is compacted.
    return compact(term)


class _BlankWriter:
    """Writes shapes-graph nodes: IRIs compacted, blank nodes inline with their description."""

    def __init__(self, shapes: ShapesGraph | None, term: Callable[[str], str]) -> None:
        self.shapes = shapes
        self.term = term

    def node(self, node: str, depth: int) -> str:
        if not is_blank(node) or self.shapes is None:
            return self.term(node)
        first = self.shapes.objects(node, f"<{STANDARD_PREFIXES['rdf']}first>")
        if first:
            return (
                "( " + " ".join(self.node(item, depth) for item in self.shapes.items(node)) + " )"
            )
        indent = "    " * (depth + 1)
        props = []
        for predicate, objects in sorted(self.shapes.predicates(node).items()):
            name = "a" if predicate == f"<{STANDARD_PREFIXES['rdf']}type>" else self.term(predicate)
            values = " , ".join(self.node(o, depth + 1) for o in sorted(objects))
            props.append(f"{name} {values}")
        if not props:
            return "[]"
        return "[\n" + indent + (" ;\n" + indent).join(props) + "\n" + "    " * depth + "]"
