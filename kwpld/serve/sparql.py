"""The SPARQL 1.1 Protocol over the served graph: requests, evaluation with limits, formats.

The engine is pyoxigraph in this process (``bench/serve_bench.py`` compares it with the
Oxigraph server as a child process): the live site and the review workbench read the same
store, and an accepted draft reaches it as one ``DELETE DATA``/``INSERT DATA`` transaction.

pyoxigraph cannot cancel a query it is evaluating, so the limits work at the level of rows:
each query runs in a worker thread that checks its deadline and the row limit between
solutions. A query past its deadline gets a 503 at once; its thread stops at the next
solution, or when a blocking step (a sort, an aggregate) returns. The number of worker
threads is bounded, so abandoned queries cannot pile up: a query that finds every worker
busy waits, and its wait counts against its own deadline.
"""

from __future__ import annotations

import asyncio
import json
import queue
import re
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..publish.store import QueryOutput

__all__ = [
    "Answer",
    "QueryEngine",
    "QueryFailed",
    "QueryRequest",
    "ProtocolError",
    "negotiate",
    "parse_request",
    "render",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
"""Media types of SELECT and ASK answers, the first of each format being its own type."""

GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "application/json": "jsonld",
}
"""Media types of CONSTRUCT and DESCRIBE answers (RDF/XML too: SPARQLWrapper asks for it)."""

FORMAT_NAMES: dict[str, str] = {
    "json": "json",
    "srj": "json",
    "xml": "xml",
    "srx": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "rdfxml": "rdfxml",
    "rdf": "rdfxml",
}
"""Values of the ``format`` (or ``output``) parameter, which overrides ``Accept`` as on
Virtuoso, Fuseki and the Wikidata Query Service; each maps to one of the formats above."""

MEDIA_TYPE = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_UPDATE_START = re.compile(
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
_PROLOGUE = re.compile(
    r"\s*(?:#[^\n]*\n|(?:PREFIX\s+[^\s:]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>)|\s+)", re.IGNORECASE
)


class ProtocolError(Exception):
    """A request the endpoint refuses, with its HTTP status and a message for people."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class QueryFailed(ProtocolError):
    """A well-formed query the endpoint did not answer: too slow, too large, or failing."""


@dataclass(frozen=True)
class QueryRequest:
    """One query as the protocol carries it: its text and the dataset it names."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None
    """A format named by the ``format`` or ``output`` parameter, overriding ``Accept``."""


@dataclass
class Answer:
    """A query's answer, bounded: rows (SELECT), a boolean (ASK) or triples (graphs)."""

    output: QueryOutput
    seconds: float = 0.0

    @property
    def kind(self) -> str:
        return self.output.kind


def looks_like_update(text: str) -> bool:
    """True when the text, after its prologue and comments, starts as a SPARQL Update does.

    A query that pyoxigraph cannot parse is checked this way, so that an update sent as a
    query is refused as an update (403), not reported as a syntax error (400). The text is
    never run as an update, not even on a scratch store: ``LOAD`` would fetch a URL.
    """
    position = 0
    while True:
        match = _PROLOGUE.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
    return _UPDATE_START.match(text, position) is not None


def parse_request(
    method: str, content_type: str | None, params: dict[str, list[str]], body: bytes
) -> QueryRequest:
    """The query of a GET, a form POST or a POST with the query as its body.

    ``params`` are the URL's query parameters. An update (``update=`` or a body of type
    ``application/sparql-update``) is a 403: this endpoint is read-only.
    """
    media = (content_type or "").split(";", 1)[0].strip().lower()
    fields = {k: list(v) for k, v in params.items()}
    if method == "POST":
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise ProtocolError(400, "the form is not UTF-8") from None
            for key, values in form.items():
                fields.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            try:
                fields.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                raise ProtocolError(400, "the query is not UTF-8") from None
        elif media == "application/sparql-update":
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not allowed")
        else:
            raise ProtocolError(
                415,
                f"a SPARQL POST is a form (application/x-www-form-urlencoded) or a query "
                f"(application/sparql-query), not {media or 'a body without a type'}",
            )
    elif method != "GET":
        raise ProtocolError(405, "use GET or POST", {"Allow": "GET, POST, OPTIONS"})
    if fields.get("update"):
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not allowed")
    queries = fields.get("query", [])
    if not queries:
        raise ProtocolError(400, "no query: send it as the query parameter or as the body")
    if len(queries) > 1:
        raise ProtocolError(400, "more than one query parameter: send exactly one query")
    named = fields.get("format", []) + fields.get("output", [])
    chosen = None
    if named:
        chosen = FORMAT_NAMES.get(named[0].strip().lower())
        if chosen is None:
            raise ProtocolError(
                400, f"unknown format {named[0]!r}; use one of {', '.join(sorted(FORMAT_NAMES))}"
            )
    return QueryRequest(
        queries[0],
        tuple(fields.get("default-graph-uri", [])),
        tuple(fields.get("named-graph-uri", [])),
        chosen,
    )


def _accept_ranges(accept: str) -> list[tuple[str, float, int]]:
    ranges = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, index))
    return ranges


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (q-values, then its order, then
    the order of ``offered``); the first offered when there is no header; None when the header
    accepts none of them."""
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for rank, media in enumerate(offered):
        main = media.split("/", 1)[0]
        for pattern, quality, index in _accept_ranges(accept):
            if pattern == media:
                specificity = 2
            elif pattern == f"{main}/*":
                specificity = 1
            elif pattern == "*/*":
                specificity = 0
            else:
                continue
            if quality <= 0:
                break
            key = (quality, specificity, -index, -rank)
            if best is None or key > best:
                best, chosen = key, media
            break  # the first matching range of the header decides for this type
    return chosen


def response_format(request: QueryRequest, kind: str, accept: str | None) -> str:
    """The format of the answer: the named one, else the one ``Accept`` prefers.

    When ``Accept`` names none that can carry the answer (``application/sparql-results+json``
    for a CONSTRUCT, as rdflib's SPARQLStore sends), the answer comes in the default format
    of its kind, JSON or Turtle, with its media type: HTTP lets a server disregard
    ``Accept``, and clients read the type they get (Fuseki and Virtuoso do the same).
    """
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    if request.format is not None:
        if request.format not in table.values():
            what = "a graph (CONSTRUCT, DESCRIBE)" if kind == "graph" else "SELECT and ASK"
            raise ProtocolError(400, f"{request.format} is not a format for {what}")
        return request.format
    media = negotiate(accept, list(table)) or next(iter(table))
    return table[media]


class QueryEngine:
    """Runs queries over a store in bounded worker threads, with a deadline and a row limit.

    ``store`` is called for each query, so a server that swaps its graph hands the new one
    to the next query while queries already running finish on the old.
    """

    def __init__(
        self,
        store: Callable[[], ox.Store],
        *,
        timeout: float = 30.0,
        max_rows: int = 100_000,
        workers: int = 2,
    ) -> None:
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self._workers = _Workers(workers)
        self._lock = threading.Lock()
        self.running = 0

    def close(self) -> None:
        self._workers.close()

    async def run(self, request: QueryRequest) -> Answer:
        """Evaluate a query; :class:`ProtocolError` (400, 403) or :class:`QueryFailed` (503)."""
        cancel = threading.Event()
        started = time.monotonic()
        deadline = started + self.timeout
        future = asyncio.wrap_future(
            self._workers.submit(lambda: self.evaluate(request, deadline, cancel, started))
        )
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout)
        except TimeoutError:
            cancel.set()
            future.add_done_callback(_consume)
            raise QueryFailed(503, self._timeout_message()) from None
        except asyncio.CancelledError:  # the client went away: stop the evaluation too
            cancel.set()
            future.add_done_callback(_consume)
            raise

    def _timeout_message(self) -> str:
        return (
            f"the query ran out of time ({self.timeout:g} s): add a LIMIT, make its patterns "
            "more selective, or start the server with a longer --timeout"
        )

    def evaluate(
        self,
        request: QueryRequest,
        deadline: float,
        cancel: threading.Event,
        started: float | None = None,
    ) -> Answer:
        """Evaluate in this thread, stopping at the deadline, on ``cancel`` or past the row
        limit (the engine's own syntax message is kept for a 400)."""
        started = time.monotonic() if started is None else started
        with self._lock:
            self.running += 1
        try:
            if cancel.is_set() or time.monotonic() > deadline:
                raise QueryFailed(503, self._timeout_message())
            output = self._evaluate(request, deadline, cancel)
            return Answer(output, time.monotonic() - started)
        finally:
            with self._lock:
                self.running -= 1

    def _evaluate(
        self, request: QueryRequest, deadline: float, cancel: threading.Event
    ) -> QueryOutput:
        options: dict[str, Any] = {}
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        try:
            result = self.store().query(request.query, **options)
        except SyntaxError as exc:
            if looks_like_update(request.query):
                raise ProtocolError(
                    403, "this endpoint is read-only: SPARQL Update is not allowed"
                ) from None
            raise ProtocolError(400, f"SPARQL syntax error: {exc}") from None
        except ValueError as exc:  # an IRI of default-graph-uri or named-graph-uri
            raise ProtocolError(400, str(exc)) from None
        except OSError as exc:
            raise QueryFailed(500, f"the query failed: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryOutput("ask", [], [], boolean=bool(result))
        try:
            return self._collect(result, deadline, cancel)
        finally:
            # pyoxigraph's result iterators must be dropped by the thread that made them,
            # not by whichever thread collects an exception's frames later
            del result

    def _collect(
        self, result: ox.QuerySolutions | ox.QueryTriples, deadline: float, cancel: threading.Event
    ) -> QueryOutput:
        try:
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows: list[list[Any]] = []
                for solution in result:
                    rows.append([solution[v] for v in variables])
                    self._check(len(rows), deadline, cancel)
                return QueryOutput("select", variables, rows)
            triples: list[ox.Triple] = []
            for triple in result:
                triples.append(triple)
                self._check(len(triples), deadline, cancel)
            return QueryOutput("graph", [], [], triples=triples)
        except OSError as exc:  # SERVICE failures and evaluation errors come this way
            raise QueryFailed(502 if "SERVICE" in str(exc).upper() else 500, str(exc)) from None

    def _check(self, count: int, deadline: float, cancel: threading.Event) -> None:
        if count > self.max_rows:
            raise QueryFailed(
                503,
                f"the answer has more than {self.max_rows} results: add a LIMIT (and OFFSET "
                "to page through it), or start the server with a larger --max-results",
            )
        if count % 64 == 0 and (cancel.is_set() or time.monotonic() > deadline):
            raise QueryFailed(503, self._timeout_message())


class _Workers:
    """A fixed number of daemon threads that run submitted calls in turn.

    Not a ThreadPoolExecutor: its threads are joined when Python exits, so a query that
    pyoxigraph is still evaluating would keep a stopped server's process alive; these
    threads end with the process.
    """

    def __init__(self, count: int) -> None:
        self._queue: queue.SimpleQueue[tuple[Callable[[], Answer], Future[Answer]] | None] = (
            queue.SimpleQueue()
        )
        self._count = count
        for number in range(count):
            threading.Thread(target=self._work, name=f"sparql-{number}", daemon=True).start()

    def submit(self, call: Callable[[], Answer]) -> Future[Answer]:
        future: Future[Answer] = Future()
        self._queue.put((call, future))
        return future

    def close(self) -> None:
        for _ in range(self._count):
            self._queue.put(None)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            call, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to the waiting request, without the frames
                exc.__context__ = None  # (and the engine's objects they hold) of this thread
                future.set_exception(exc.with_traceback(None))


def _consume(future: asyncio.Future[Answer]) -> None:
    """Read an abandoned query's outcome, so that asyncio does not report it as unread."""
    if not future.cancelled():
        future.exception()


def render(answer: Answer, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """The answer in one format of :data:`MEDIA_TYPE` (SPARQL results or RDF)."""
    output = answer.output
    if output.kind == "graph":
        triples = output.triples or []
        chosen = _RDF_FORMATS[fmt]
        data = ox.serialize(triples, format=chosen, prefixes=prefixes) if triples else b""
        if not triples and fmt == "jsonld":
            data = b"[]"
        return data if isinstance(data, bytes) else b""
    if fmt == "xml":
        return _xml_results(output).encode("utf-8")
    if fmt == "json" and output.kind == "ask":
        return json.dumps({"head": {}, "boolean": output.boolean}).encode("utf-8")
    return output.render(fmt).encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject>"
            f"<predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    attributes = ""
    if term.language:
        attributes = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        attributes = f" datatype={quoteattr(term.datatype.value)}"
    return f"<literal{attributes}>{escape(term.value)}</literal>"


def _xml_results(output: QueryOutput) -> str:
    """SPARQL Query Results XML Format (W3C), for SPARQLWrapper's default and older tools."""
    lines = [
        '<?xml version="1.0"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "<head>",
    ]
    lines += [f"<variable name={quoteattr(v)}/>" for v in output.variables]
    lines.append("</head>")
    if output.kind == "ask":
        lines.append(f"<boolean>{'true' if output.boolean else 'false'}</boolean>")
    else:
        lines.append("<results>")
        for row in output.rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(output.variables, row, strict=True)
                if t is not None
            )
            lines.append(f"<result>{cells}</result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"
