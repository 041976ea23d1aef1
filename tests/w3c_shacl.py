"""The W3C SHACL test suite (tests/fixtures/w3c-shacl): its cases, and running them.

The suite (github.com/w3c/data-shapes, ``data-shapes-test-suite/tests``) is vendored so that
it runs without a network. Each case names a data graph, a shapes graph and the expected
validation report, or ``sht:Failure`` when a processor must refuse the shapes.

A case passes when the engine gives the expected ``sh:conforms`` and the expected results,
compared as SHACL's test suite compares reports: focus node, path, value, severity, source
shape, source constraint component and (where the case states it) source constraint;
messages and ``sh:detail`` are left out. A failure case passes when the engine refuses the
shapes with a clear error: for kwpld an :class:`~kwpld.errors.InputError`, never another
exception and never a report.

Every file is read once, by pyoxigraph, into N-Triples terms; both engines get the same terms
(pyshacl through rdflib graphs made from them), so blank nodes keep their labels and the
expected report names the same nodes as the results.

Used by ``tests/test_w3c_shacl.py`` and ``tools/w3c_shacl.py`` (which prints the table).
"""

from __future__ import annotations

import logging
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

SUITE = Path(__file__).resolve().parent / "fixtures" / "w3c-shacl"
BASE = "http://datashapes.org/sh/tests/"
"""The IRI the suite's relative IRIs resolve against (the tests' own namespaces start so)."""

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"
SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

Triple = tuple[str, str, str]
Key = tuple[str, ...]


def _iri(local: str, namespace: str) -> str:
    return f"<{namespace}{local}>"


@cache
def read_file(path: Path) -> tuple[Triple, ...]:
    """The triples of a suite file as kwpld's canonical N-Triples terms."""
    from kwpld.validate.terms import from_oxigraph

    base = BASE + path.relative_to(SUITE).with_suffix("").as_posix() + ".test"
    triples = []
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=base):
        triples.append(
            (from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object))
        )
    return tuple(triples)


def file_of(term: str) -> Path:
    """The suite file an IRI of the suite names (``<>`` and ``<name>`` of a manifest)."""
    assert term.startswith(f"<{BASE}"), term
    relative = term[len(BASE) + 1 : -1]
    relative = relative.removesuffix(".test")
    return SUITE / (relative if relative.endswith(".ttl") else relative + ".ttl")


class _Graph:
    def __init__(self, triples: tuple[Triple, ...]) -> None:
        self.spo: dict[str, dict[str, list[str]]] = {}
        for s, p, o in triples:
            self.spo.setdefault(s, {}).setdefault(p, []).append(o)

    def objects(self, s: str, p: str) -> list[str]:
        return self.spo.get(s, {}).get(p, [])

    def value(self, s: str, p: str) -> str | None:
        found = self.objects(s, p)
        return found[0] if found else None

    def items(self, head: str) -> list[str]:
        from kwpld.validate.paths import read_list

        return read_list(head, self.objects)


@dataclass(frozen=True)
class Case:
    """One sht:Validate entry of a manifest."""

    id: str
    """The manifest's folder and the entry's name: ``core/node/class-001``."""
    label: str
    data: Path
    shapes: Path
    failure: bool
    """True when the expected result is sht:Failure (the shapes must be refused)."""
    conforms: bool | None
    results: tuple[Key, ...] = field(default=())
    """The expected results as sorted keys (see :func:`result_key`)."""


def cases() -> list[Case]:
    """Every case of the suite, in manifest order."""
    found: list[Case] = []
    _read_manifest(SUITE / "manifest.ttl", found)
    return found


def _read_manifest(path: Path, found: list[Case]) -> None:
    graph = _Graph(read_file(path))
    from kwpld.validate.paths import read_path

    manifest = f"<{BASE}{path.relative_to(SUITE).with_suffix('').as_posix()}.test>"
    for included in graph.objects(manifest, _iri("include", MF)):
        _read_manifest(file_of(included), found)
    for head in graph.objects(manifest, _iri("entries", MF)):
        for entry in graph.items(head):
            if _iri("Validate", SHT) not in graph.objects(entry, f"<{RDF}type>"):
                continue
            action = graph.value(entry, _iri("action", MF))
            result = graph.value(entry, _iri("result", MF))
            assert action is not None and result is not None, entry
            data = graph.value(action, _iri("dataGraph", SHT))
            shapes = graph.value(action, _iri("shapesGraph", SHT))
            assert data is not None and shapes is not None, entry
            label = graph.value(entry, f"<{RDFS}label>") or '""'
            relative = entry[len(BASE) + 1 : -1].removesuffix(".test")
            failure = result == _iri("Failure", SHT)
            conforms: bool | None = None
            keys: list[Key] = []
            if not failure:
                conforms = graph.value(result, _iri("conforms", SH)) == (
                    '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
                )
                for node in graph.objects(result, _iri("result", SH)):

                    def one(name: str, node: str = node) -> str | None:
                        return graph.value(node, _iri(name, SH))

                    path_node = one("resultPath")
                    keys.append(
                        result_key(
                            focus=one("focusNode"),
                            path=read_path(path_node, graph.objects) if path_node else None,
                            value=one("value"),
                            severity=one("resultSeverity"),
                            shape=one("sourceShape"),
                            component=one("sourceConstraintComponent"),
                            constraint=one("sourceConstraint"),
                        )
                    )
            found.append(
                Case(
                    id=relative,
                    label=label[1 : label.rfind('"')],
                    data=file_of(data),
                    shapes=file_of(shapes),
                    failure=failure,
                    conforms=conforms,
                    results=tuple(sorted(keys)),
                )
            )


def result_key(
    *,
    focus: str | None,
    path: object,
    value: str | None,
    severity: str | None,
    shape: str | None,
    component: str | None,
    constraint: str | None,
) -> Key:
    from kwpld.validate.paths import path_sort_key
    from kwpld.validate.terms import canonical

    return (
        canonical(focus or ""),
        path_sort_key(path),  # type: ignore[arg-type]
        canonical(value or ""),
        severity or "",
        shape or "",
        component or "",
        constraint or "",
    )


# -- running a case ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What an engine made of a case."""

    conforms: bool | None
    """None when the engine refused the shapes (or crashed)."""
    results: tuple[Key, ...] = ()
    error: str | None = None
    """The refusal: the exception's type and message."""
    clear: bool = False
    """The refusal is the engine's documented error for bad shapes, not a crash."""
    seconds: float = 0.0


def passed(case: Case, outcome: Outcome) -> bool:
    if case.failure:
        return outcome.conforms is None and outcome.clear
    return outcome.conforms is case.conforms and _matches(case, outcome)


def conformance_passed(case: Case, outcome: Outcome) -> bool:
    """The looser measure: the right sh:conforms (or a refusal for a failure case)."""
    if case.failure:
        return outcome.conforms is None and outcome.clear
    return outcome.conforms is case.conforms


def _matches(case: Case, outcome: Outcome) -> bool:
    """The expected results, where a case that names no sh:sourceConstraint ignores it."""
    expected = Counter(case.results)
    names_constraints = any(key[-1] for key in case.results)
    found = Counter(key if names_constraints else key[:-1] + ("",) for key in outcome.results)
    return found == expected


def _triples_of(path: Path) -> tuple[Triple, ...]:
    return read_file(path)


def run_kwpld(case: Case, engine: str = "fast") -> Outcome:
    """Validate a case with kwpld (``fast``: its engine with the pyshacl fall-back)."""
    from kwpld.errors import InputError
    from kwpld.graph import KnowledgeGraph
    from kwpld.validate import validate_graph
    from kwpld.validate.shapes import ShapesGraph

    start = time.perf_counter()
    try:
        shapes = ShapesGraph(list(_triples_of(case.shapes)), [case.shapes])
        graph = KnowledgeGraph(base_iri=BASE, prefixes={})
        for s, p, o in _triples_of(case.data):
            graph.add(s, p, o, "<urn:x-kwpld:data>")
        with warnings.catch_warnings(), _quiet():
            warnings.simplefilter("ignore")
            report = validate_graph(graph, shapes=shapes, engine=engine)
    except InputError as exc:
        return Outcome(None, error=f"InputError: {exc}", clear=True, seconds=_since(start))
    except Exception as exc:  # a crash: reported as such, never as a pass
        return Outcome(None, error=f"{type(exc).__name__}: {exc}", seconds=_since(start))
    keys = tuple(
        sorted(
            result_key(
                focus=f.result.focus,
                path=f.result.path,
                value=f.result.value,
                severity=f.result.severity,
                shape=f.result.shape,
                component=f.result.component,
                constraint=f.result.constraint,
            )
            for f in report.findings
        )
    )
    return Outcome(report.conforms, keys, seconds=_since(start))


def run_pyshacl(case: Case) -> Outcome:
    """Validate a case with a plain ``pyshacl.validate`` (no inference; SHACL-AF off)."""
    import pyshacl
    import rdflib

    from kwpld.validate.reference import results_from_report, to_rdflib

    def graph_of(path: Path) -> rdflib.Graph:
        # Literals as written: rdflib would rewrite "2011-01-01"^^xsd:dateTime (ill-typed on
        # purpose) and pyshacl would then report a value the data does not have.
        normalize = rdflib.NORMALIZE_LITERALS
        rdflib.NORMALIZE_LITERALS = False
        try:
            graph = rdflib.Graph()
            for s, p, o in _triples_of(path):
                graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        finally:
            rdflib.NORMALIZE_LITERALS = normalize
        return graph

    from pyshacl.errors import ReportableRuntimeError, ShapeLoadError

    start = time.perf_counter()
    try:
        with warnings.catch_warnings(), _quiet():
            warnings.simplefilter("ignore")
            conforms, report, text = pyshacl.validate(
                graph_of(case.data), shacl_graph=graph_of(case.shapes), inference="none"
            )
    except Exception as exc:  # pyshacl's refusals (ReportableRuntimeError and others)
        clear = isinstance(exc, ReportableRuntimeError | ShapeLoadError)
        return Outcome(
            None, error=f"{type(exc).__name__}: {exc}", clear=clear, seconds=_since(start)
        )
    if not isinstance(report, rdflib.Graph):  # pyshacl's ValidationFailure: it refused
        return Outcome(None, error=f"ValidationFailure: {text}", clear=True, seconds=_since(start))
    keys = tuple(
        sorted(
            result_key(
                focus=r.focus,
                path=r.path,
                value=r.value,
                severity=r.severity,
                shape=r.shape,
                component=r.component,
                constraint=r.constraint,
            )
            for r in results_from_report(report)
        )
    )
    return Outcome(bool(conforms), keys, seconds=_since(start))


@contextmanager
def _quiet() -> Iterator[None]:
    """rdflib logs a traceback for every ill-typed literal, which the suite has on purpose."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _since(start: float) -> float:
    return time.perf_counter() - start


ENGINES: dict[str, Callable[[Case], Outcome]] = {
    "kwpld": run_kwpld,
    "pyshacl": run_pyshacl,
}


def run_all(engine: str) -> Iterator[tuple[Case, Outcome]]:
    run = ENGINES[engine]
    for case in cases():
        yield case, run(case)
