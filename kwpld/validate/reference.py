"""pyshacl as kwpld's reference engine, and for shapes the fast engine does not evaluate.

``kwpld validate --engine pyshacl`` runs a plain ``pyshacl.validate`` (no inference, which
would inflate the graph) on the union of the named graphs. With ``jobs > 1`` the focus nodes
are split into parts, each validated in its own process with pyshacl's ``focus_nodes=``;
the graph is parsed once and shared by forking.

The fast engine hands over the shapes it cannot evaluate: pyshacl then validates a copy of
the shapes graph in which the targets of every other shape are removed, so each shape is
validated by exactly one engine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..namespaces import OWL, RDF, RDFS, SH, XSD
from ..parallel import Task, fork_available, run_tasks
from ..rdf import iri, lang_literal, literal, typed_literal
from .paths import read_path
from .results import Result
from .shapes import ShapesGraph, sh

if TYPE_CHECKING:  # rdflib is imported lazily: it is slow to import and off the fast path
    import rdflib
    from rdflib.plugins.sparql.sparql import Query
    from rdflib.term import Identifier

__all__ = ["run_pyshacl", "data_graph", "shapes_graph", "results_from_report"]

_TYPE = f"<{RDF}type>"
_CLASS_TYPES = {f"<{RDFS}Class>", f"<{OWL}Class>"}
_TARGET_PREDICATES = {
    sh("targetClass"),
    sh("targetNode"),
    sh("targetSubjectsOf"),
    sh("targetObjectsOf"),
}


def to_term(node: object) -> str:
    """An rdflib term as kwpld's canonical N-Triples text."""
    import rdflib

    if isinstance(node, rdflib.URIRef):
        return iri(str(node))
    if isinstance(node, rdflib.BNode):
        return f"_:{node}"
    assert isinstance(node, rdflib.Literal)
    if node.language:
        return lang_literal(str(node), node.language.lower())
    if node.datatype is None or str(node.datatype) == XSD + "string":
        return literal(str(node))
    return typed_literal(str(node), str(node.datatype))


def to_rdflib(term: str) -> rdflib.term.Node:
    """kwpld's N-Triples text as an rdflib term (blank node labels kept)."""
    import rdflib

    from .terms import lexical_form, literal_parts

    if term.startswith("<"):
        return rdflib.URIRef(term[1:-1])
    if term.startswith("_:"):
        return rdflib.BNode(term[2:])
    _, lang, datatype = literal_parts(term)
    text = lexical_form(term)
    if lang is not None:
        return rdflib.Literal(text, lang=lang)
    if datatype == XSD + "string":
        return rdflib.Literal(text)
    return rdflib.Literal(text, datatype=rdflib.URIRef(datatype))


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for every ill-typed literal it reads; validation reports those."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def data_graph(ntriples: str) -> rdflib.Graph:
    """The data graph for pyshacl, parsed from N-Triples (the union of the named graphs)."""
    import rdflib

    graph = rdflib.Graph()
    if ntriples:
        with _quiet_rdflib(), _literals_as_written():
            graph.parse(data=ntriples, format="nt")
    return graph


@contextmanager
def _literals_as_written() -> Iterator[None]:
    """Keep literals' lexical forms: rdflib would rewrite "1984-01-08T00:00:00Z" (as Wikidata
    writes times) as "...+00:00", so pyshacl's sh:value would differ from the data's term."""
    import rdflib

    normalize = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = normalize


def shapes_graph(shapes: ShapesGraph, *, without_targets: Iterable[str] = ()) -> rdflib.Graph:
    """The shapes as an rdflib graph; the shapes in ``without_targets`` lose their targets."""
    import rdflib

    stripped = set(without_targets)
    graph = rdflib.Graph()
    for prefix, namespace in shapes.prefixes.items():
        graph.bind(prefix, namespace)
    for s, p, o in shapes.triples:
        if s in stripped and p in _TARGET_PREDICATES:
            continue
        if s in stripped and p == _TYPE and o in _CLASS_TYPES:
            continue  # an implicit class target
        graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return graph


def results_from_report(report: rdflib.Graph) -> list[Result]:
    """The results of pyshacl's validation report graph."""
    import rdflib

    sh_ns = rdflib.Namespace(SH)

    def objects(s: str, p: str) -> list[str]:
        return [to_term(o) for o in report.objects(to_rdflib(s), to_rdflib(p))]

    results = []
    # Top-level results only: pyshacl also nests the results behind an sh:node failure
    # under it (sh:detail), typed sh:ValidationResult too.
    for node in report.objects(None, sh_ns.result):
        r = to_term(node)

        def one(name: str, r: str = r) -> str | None:
            values = objects(r, sh(name))
            return values[0] if values else None

        path_node = one("resultPath")
        results.append(
            Result(
                severity=one("resultSeverity") or sh("Violation"),
                focus=one("focusNode") or "",
                path=read_path(path_node, objects) if path_node else None,
                value=one("value"),
                shape=one("sourceShape") or "",
                component=one("sourceConstraintComponent") or "",
                messages=tuple(sorted(objects(r, sh("resultMessage")))),
                constraint=one("sourceConstraint"),
            )
        )
    return results


_PREPARED: dict[tuple[object, ...], Query] = {}
_CHECKED: set[tuple[object, ...]] = set()


@contextmanager
def prepared_queries() -> Iterator[None]:
    """Let rdflib parse each SPARQL query once while pyshacl runs.

    pyshacl hands rdflib the text of an sh:sparql query once per focus node, and rdflib
    parses it every time: four fifths of pyshacl's time on kwpld's shapes. Within this
    context, rdflib keeps the parsed and translated query (rdflib's own prepared-query
    mechanism, ``prepareQuery``) and evaluates that; evaluation is unchanged.

    pyshacl also checks the text of the query (no MINUS, VALUES, SERVICE ...) once per focus
    node, with regular expressions whose time grows with the square of the number of lines;
    within this context a query that passed the check once is not checked again.
    """
    from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
    from rdflib.plugins.sparql import processor
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    original = processor.SPARQLProcessor.query
    original_check: Callable[..., object] = SPARQLQueryHelper.check_invalid_sparql
    cache = _PREPARED
    checked = _CHECKED

    def check_invalid_sparql(
        self: object,
        sparql_text: str,
        valuenode: object = None,
        extravars: Iterable[str] | None = None,
    ) -> bool:
        key = (sparql_text, valuenode is not None, frozenset(extravars or ()))
        if key not in checked:
            original_check(self, sparql_text, valuenode, extravars)  # raises when invalid
            if len(checked) > 1000:
                checked.clear()
            checked.add(key)
        return True

    def query(  # noqa: N803 - rdflib's own parameter names
        self: processor.SPARQLProcessor,
        strOrQuery: str | Query,
        initBindings: Mapping[str, Identifier] | None = None,
        initNs: Mapping[str, Any] | None = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, frozenset((initNs or {}).items()))
            prepared = cache.get(key)
            if prepared is None:
                if len(cache) > 1000:
                    cache.clear()
                prepared = cache[key] = translateQuery(parseQuery(strOrQuery), base, initNs)
            strOrQuery = prepared
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query  # type: ignore[method-assign]
    SPARQLQueryHelper.check_invalid_sparql = check_invalid_sparql  # type: ignore[method-assign]
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original  # type: ignore[method-assign]
        SPARQLQueryHelper.check_invalid_sparql = original_check  # type: ignore[method-assign]


def _validate(
    data: rdflib.Graph, shapes: rdflib.Graph, focus: Sequence[str] | None
) -> list[Result]:
    import pyshacl
    import rdflib

    # SHACL-AF only when user shapes need it (SPARQL-based targets); never inference.
    advanced = (None, rdflib.URIRef(SH + "target"), None) in shapes
    from pyshacl.errors import ReportableRuntimeError

    try:
        with prepared_queries(), _quiet_rdflib():
            _, report, text = pyshacl.validate(
                data,
                shacl_graph=shapes,
                inference="none",
                advanced=advanced,
                focus_nodes=list(focus) if focus else None,
            )
    except (ReportableRuntimeError, NotImplementedError) as exc:
        raise InputError(f"pyshacl cannot validate with these shapes: {exc}") from None
    if not isinstance(report, rdflib.Graph):
        # pyshacl's ValidationFailure: the shapes graph is ill-formed (SHACL's "failure")
        raise InputError(f"pyshacl cannot validate with these shapes: {text.strip()}")
    return results_from_report(report)


def run_pyshacl(
    data: rdflib.Graph,
    shapes: rdflib.Graph,
    *,
    focus_nodes: Sequence[str] = (),
    jobs: int = 1,
) -> list[Result]:
    """Validate with pyshacl; with ``jobs > 1`` and IRI ``focus_nodes``, in parallel parts."""
    iris = sorted(f[1:-1] for f in focus_nodes if f.startswith("<"))
    can_split = (
        jobs > 1 and len(iris) == len(focus_nodes) and len(iris) >= 2 * jobs and fork_available()
    )
    if not can_split:
        return _validate(data, shapes, None)
    # Interleaved parts so that every process gets a similar mix of classes.
    # The graphs are parsed once; forked workers share them.
    parts = [iris[i::jobs] for i in range(jobs)]
    tasks = [
        Task(f"part-{i}", float(len(part)), partial(_validate, data, shapes, part))
        for i, part in enumerate(parts)
    ]
    return [result for done in run_tasks(tasks, jobs) for result in done.value]
