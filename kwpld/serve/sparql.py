"""The SPARQL 1.1 Protocol over the served graph: requests, evaluation with limits, formats.

The engine is pyoxigraph in this process (``bench/serve_bench.py`` compares it with the
Oxigraph server as a child process): the live site and the review workbench read the same
store, and an accepted draft reaches it as one ``DELETE DATA``/``INSERT DATA`` transaction.

Answers are written by pyoxigraph's own serializers, in its worker thread, into a bounded
buffer that checks the deadline and the size limit at every chunk (8 KB) it receives: the
answer never grows past the limit in memory, and a query past its deadline stops at its
next chunk. pyoxigraph cannot interrupt a step that produces nothing until it completes (a
sort, an aggregate over a huge join): the client gets its 503 at the deadline all the same,
and that evaluation finishes in its worker. The workers are few (``workers``), so such
queries cannot pile up; a query that finds every worker busy waits, and its wait counts
against its own deadline.
"""

from __future__ import annotations

import asyncio
import io
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs

import pyoxigraph as ox

if TYPE_CHECKING:
    from typing_extensions import Buffer

__all__ = [
    "Answer",
    "QueryEngine",
    "QueryFailed",
    "QueryRequest",
    "ProtocolError",
    "Table",
    "negotiate",
    "parse_request",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_T = TypeVar("_T")

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
_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
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
    """A query's answer, serialized: its kind (select, ask, graph), format and bytes."""

    kind: str
    format: str
    body: bytes
    seconds: float = 0.0

    @property
    def media_type(self) -> str:
        return MEDIA_TYPE[self.format]


@dataclass
class Table:
    """The first rows of a query's answer, as terms, for a page to show."""

    kind: str
    variables: list[str]
    rows: list[list[Term | None]]
    more: bool = False
    """True when the answer has more rows than were read."""
    boolean: bool | None = None
    seconds: float = 0.0


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
    """Runs queries over a store in bounded worker threads, with a deadline and a size limit.

    ``store`` is called for each query, so a server that swaps its graph hands the new one
    to the next query while queries already running finish on the old.
    """

    def __init__(
        self,
        store: Callable[[], ox.Store],
        *,
        timeout: float = 30.0,
        max_bytes: int = 100 << 20,
        workers: int = 2,
        prefixes: Callable[[], dict[str, str]] = dict,
    ) -> None:
        self.store = store
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.prefixes = prefixes
        self._workers = _Workers(workers)
        self._lock = threading.Lock()
        self.running = 0

    def close(self) -> None:
        self._workers.close()

    async def run(self, request: QueryRequest, accept: str | None = None) -> Answer:
        """The answer in the format ``request`` names or ``accept`` prefers; raises
        :class:`ProtocolError` (400, 403) or :class:`QueryFailed` (503, 500)."""
        return await self._submit(lambda d, c: self.answer(request, accept, d, c))

    async def table(self, request: QueryRequest, limit: int) -> Table:
        """At most ``limit`` rows of the answer, for a page (a graph as subject, predicate
        and object rows)."""
        return await self._submit(lambda d, c: self.rows(request, limit, d, c))

    async def _submit(self, work: Callable[[float, threading.Event], _T]) -> _T:
        cancel = threading.Event()
        deadline = time.monotonic() + self.timeout
        future = asyncio.wrap_future(
            self._workers.submit(lambda: self._counted(work, deadline, cancel))
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

    def _counted(
        self, work: Callable[[float, threading.Event], _T], deadline: float, cancel: threading.Event
    ) -> _T:
        with self._lock:
            self.running += 1
        try:
            if cancel.is_set() or time.monotonic() > deadline:
                raise QueryFailed(503, self._timeout_message())
            return work(deadline, cancel)
        finally:
            with self._lock:
                self.running -= 1

    def _timeout_message(self) -> str:
        return (
            f"the query ran out of time ({self.timeout:g} s): add a LIMIT, make its patterns "
            "more selective, or start the server with a longer --timeout"
        )

    def _too_large_message(self) -> str:
        return (
            f"the answer is larger than {_size(self.max_bytes)}: add a LIMIT (and OFFSET to "
            "page through it), or start the server with a larger --max-size"
        )

    def _query(
        self, request: QueryRequest
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        options: dict[str, Any] = {}
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        try:
            return self.store().query(request.query, **options)
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

    def answer(
        self,
        request: QueryRequest,
        accept: str | None,
        deadline: float,
        cancel: threading.Event,
    ) -> Answer:
        """Evaluate and serialize in this thread (see the module's notes on the limits)."""
        started = time.monotonic()
        result = self._query(request)
        kind = (
            "ask"
            if isinstance(result, ox.QueryBoolean)
            else "select"
            if isinstance(result, ox.QuerySolutions)
            else "graph"
        )
        fmt = response_format(request, kind, accept)
        buffer = _Bounded(self.max_bytes, deadline, cancel)
        try:
            if isinstance(result, ox.QueryTriples) and fmt == "turtle":
                self._turtle(result, buffer, deadline, cancel)
            elif isinstance(result, ox.QueryTriples):
                ox.serialize(_checked(result, deadline, cancel), buffer, _RDF_FORMATS[fmt])
            else:
                result.serialize(buffer, _RESULT_FORMATS[fmt])
        except _Deadline:
            raise QueryFailed(503, self._timeout_message()) from None
        except _TooLarge:
            raise QueryFailed(503, self._too_large_message()) from None
        except OSError as exc:  # a failing SERVICE, an evaluation error
            raise QueryFailed(502 if "SERVICE" in str(exc).upper() else 500, str(exc)) from None
        finally:
            # pyoxigraph's result iterators must be dropped by the thread that made them
            del result
        body = buffer.getvalue()
        if kind == "graph" and fmt == "jsonld" and not body:
            body = b"[]"
        return Answer(kind, fmt, body, time.monotonic() - started)

    def _turtle(
        self, result: ox.QueryTriples, buffer: _Bounded, deadline: float, cancel: threading.Event
    ) -> None:
        """Pretty Turtle with the dataset's prefixes, by kwpld's own writer: sorted, so the
        same graph gives the same bytes (pyoxigraph's writer orders prefixes by hash)."""
        from ..formats.turtle import write_turtle

        triples: set[tuple[str, str, str]] = set()
        size = 0
        for triple in _checked(result, deadline, cancel):
            terms = (str(triple.subject), str(triple.predicate), str(triple.object))
            size += sum(len(t) for t in terms)
            if size > self.max_bytes:
                raise _TooLarge
            triples.add(terms)
        text = io.StringIO()
        write_turtle(sorted(triples), text, self.prefixes())
        buffer.write(text.getvalue().encode("utf-8"))

    def rows(
        self, request: QueryRequest, limit: int, deadline: float, cancel: threading.Event
    ) -> Table:
        """The first ``limit`` rows, as terms (see :meth:`table`)."""
        started = time.monotonic()
        result = self._query(request)
        try:
            if isinstance(result, ox.QueryBoolean):
                return Table("ask", [], [], boolean=bool(result))
            found: list[list[Term | None]] = []
            more = False
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                iterator: Iterator[Any] = iter(result)
                kind = "select"
            else:
                variables = ["subject", "predicate", "object"]
                iterator = _checked(result, deadline, cancel)
                kind = "graph"
            count = len(variables)
            for item in iterator:
                if len(found) == limit:
                    more = True
                    break
                found.append([item[i] for i in range(count)])
                if len(found) % 64 == 0 and (cancel.is_set() or time.monotonic() > deadline):
                    raise _Deadline
            return Table(kind, variables, found, more, seconds=time.monotonic() - started)
        except _Deadline:
            raise QueryFailed(503, self._timeout_message()) from None
        except OSError as exc:
            raise QueryFailed(500, str(exc)) from None
        finally:
            del result


class _Deadline(Exception):
    pass


class _TooLarge(Exception):
    pass


class _Bounded(io.BytesIO):
    """A bytes buffer pyoxigraph writes an answer into: it refuses to grow past its limit
    and stops the writer once the deadline has passed or the request was abandoned."""

    def __init__(self, limit: int, deadline: float, cancel: threading.Event) -> None:
        super().__init__()
        self._limit = limit
        self._deadline = deadline
        self._cancel = cancel

    def write(self, data: Buffer, /) -> int:
        size = memoryview(data).nbytes
        if self.tell() + size > self._limit:
            raise _TooLarge
        if self._cancel.is_set() or time.monotonic() > self._deadline:
            raise _Deadline
        return super().write(data)


def _checked(
    triples: Iterable[ox.Triple], deadline: float, cancel: threading.Event
) -> Iterator[ox.Triple]:
    """The triples of a graph answer, stopping past the deadline (checked every 64)."""
    for count, triple in enumerate(triples, 1):
        if count % 64 == 0 and (cancel.is_set() or time.monotonic() > deadline):
            raise _Deadline
        yield triple


def _size(count: int) -> str:
    """Bytes as people write them, in the decimal units ``--max-size`` reads (100MB)."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= factor:
            return f"{count / factor:g} {unit}"
    return f"{count} bytes"


class _Workers:
    """A fixed number of daemon threads that run submitted calls in turn.

    Not a ThreadPoolExecutor: its threads are joined when Python exits, so a query that
    pyoxigraph is still evaluating would keep a stopped server's process alive; these
    threads end with the process.
    """

    def __init__(self, count: int) -> None:
        self._queue: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._count = count
        for number in range(count):
            threading.Thread(target=self._work, name=f"sparql-{number}", daemon=True).start()

    def submit(self, call: Callable[[], Any]) -> Future[Any]:
        future: Future[Any] = Future()
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


def _consume(future: asyncio.Future[Any]) -> None:
    """Read an abandoned query's outcome, so that asyncio does not report it as unread."""
    if not future.cancelled():
        future.exception()
