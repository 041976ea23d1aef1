"""A real SPARQL 1.1 Protocol endpoint on 127.0.0.1, over a pyoxigraph store, with faults on demand.

The linking tests start it with the Wikidata-format fixture (fixtures/wikidata/) and point
``kwpld link --endpoint`` at it: the client under test speaks real HTTP to a real SPARQL engine.
Faults are queued and each one answers the next request instead of the engine:

- ``Fault.error(429, retry_after="1")``, ``Fault.error(500)``: an error status;
- ``Fault.slow(seconds)``: the right answer, but only after ``seconds`` (beyond a timeout);
- ``Fault.truncated()``: the right answer cut in the middle of its JSON;
- ``Fault.malformed()``: a 200 whose body is not JSON;
- ``Fault.html()``: a 200 HTML error page, as proxies send;
- ``Fault.drop()``: the connection closed without an answer;
- ``Fault.short()``: the right answer cut off below its Content-Length, then the connection
  closed (a truncated transfer, unlike ``truncated``, whose length header matches);
- ``Fault.short_chunked()``: the right answer sent chunked, without its last chunk;
- ``Fault.drip(seconds)``: the right answer, one byte every ``seconds`` (a slow drip);
- ``Fault.huge(size)``: a 200 of ``size`` bytes of padding inside a JSON string;
- ``Fault.redirect(status, location)``: a redirect; ``location`` None sends the request's own
  URL back (a loop), ``"/sparql"`` the same query on the real path;
- ``Fault.echo(status)``: an error page that echoes the request's headers (credentials too);
- ``Fault.unbound()``: a 200 whose rows bind none of the query's variables;
- ``Fault.empty_head()``: a 200 with no rows and no variables in its head.

Requests to ``/old-sparql`` are answered with a 307 to ``/sparql`` (same query, same method).

Every request is logged (method, User-Agent, query, status) so tests can count them.

Run it by hand to try ``kwpld link`` against the fixture::

    python tests/wikidata_endpoint.py --port 7001
    kwpld link examples/party-cells-2013 --endpoint http://127.0.0.1:7001/sparql --auto-accept 0.9
"""

from __future__ import annotations

import argparse
import contextlib
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wikidata" / "wikidata-subset.ttl"
JSON_TYPE = "application/sparql-results+json"
_WD = "http://www.wikidata.org/entity/"
_WDS = "http://www.wikidata.org/entity/statement/"


def fixture_variant(
    out: Path, *, add: tuple[Path, ...] = (), drop_items: tuple[str, ...] = ()
) -> Path:
    """The fixture without ``drop_items`` (their triples and statement nodes) and with the
    Turtle files ``add``, written to ``out`` (N-Triples, which Turtle readers read too)."""
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    for extra in add:
        store.load(path=str(extra), format=ox.RdfFormat.TURTLE)
    dropped = [(f"{_WD}{qid}", f"{_WDS}{qid}-") for qid in drop_items]
    kept = [
        quad
        for quad in store
        if not any(
            quad.subject.value == item or quad.subject.value.startswith(statement)
            for item, statement in dropped
        )
    ]
    out.write_bytes(ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b"")
    return out


@dataclass(frozen=True)
class Fault:
    kind: str
    status: int = 200
    seconds: float = 0.0
    retry_after: str | None = None
    size: int = 0
    location: str | None = None

    @classmethod
    def error(cls, code: int, retry_after: str | None = None) -> Fault:
        return cls("status", status=code, retry_after=retry_after)

    @classmethod
    def slow(cls, seconds: float) -> Fault:
        return cls("slow", seconds=seconds)

    @classmethod
    def truncated(cls) -> Fault:
        return cls("truncated")

    @classmethod
    def malformed(cls) -> Fault:
        return cls("malformed")

    @classmethod
    def html(cls) -> Fault:
        return cls("html")

    @classmethod
    def drop(cls) -> Fault:
        return cls("drop")

    @classmethod
    def short(cls) -> Fault:
        return cls("short")

    @classmethod
    def short_chunked(cls) -> Fault:
        return cls("short-chunked")

    @classmethod
    def drip(cls, seconds: float) -> Fault:
        return cls("drip", seconds=seconds)

    @classmethod
    def huge(cls, size: int) -> Fault:
        return cls("huge", size=size)

    @classmethod
    def redirect(cls, status: int = 302, location: str | None = None) -> Fault:
        return cls("redirect", status=status, location=location)

    @classmethod
    def echo(cls, status: int = 500) -> Fault:
        return cls("echo", status=status)

    @classmethod
    def unbound(cls) -> Fault:
        return cls("unbound")

    @classmethod
    def empty_head(cls) -> Fault:
        return cls("empty-head")


@dataclass
class LoggedRequest:
    method: str
    user_agent: str
    query: str
    status: int
    fault: str | None


@dataclass
class SparqlEndpoint:
    """A SPARQL endpoint on 127.0.0.1 serving ``data`` (Turtle); start() / stop() or ``with``."""

    data: Path = FIXTURE
    port: int = 0
    store: ox.Store = field(init=False)
    requests: list[LoggedRequest] = field(default_factory=list)
    faults: deque[Fault] = field(default_factory=deque)
    always: Fault | None = None
    """A fault for every request (an endpoint that stays broken), after the queued ones."""

    def __post_init__(self) -> None:
        self.store = ox.Store()
        self.store.load(path=str(self.data), format=ox.RdfFormat.TURTLE)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control ----------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._server is not None, "start() the endpoint first"
        return f"http://127.0.0.1:{self._server.server_address[1]}/sparql"

    def start(self) -> SparqlEndpoint:
        endpoint = self

        class Handler(_Handler):
            owner = endpoint

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SparqlEndpoint:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self.faults.extend(faults)

    def reset(self) -> None:
        with self._lock:
            self.faults.clear()
            self.requests.clear()
            self.always = None

    def next_fault(self) -> Fault | None:
        with self._lock:
            return self.faults.popleft() if self.faults else self.always

    def log(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(entry)

    def answer(self, query: str) -> bytes:
        """The engine's JSON answer (raises SyntaxError for a bad query)."""
        results = self.store.query(query)
        if isinstance(results, ox.QueryBoolean):
            return b'{"head":{},"boolean":' + (b"true" if bool(results) else b"false") + b"}"
        return results.serialize(format=ox.QueryResultsFormat.JSON)


class _Handler(BaseHTTPRequestHandler):
    owner: SparqlEndpoint
    server_version = "kwpld-test-sparql/1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean; requests are logged in owner.requests

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        parsed = urlparse(self.path)
        query = parse_qs(parsed.query).get("query", [""])[0]
        self._serve("GET", parsed.path, query)

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        parsed = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if ctype == "application/sparql-query":
            query = body
        else:
            query = parse_qs(body).get("query", [""])[0]
        self._serve("POST", parsed.path, query)

    def _serve(self, method: str, path: str, query: str) -> None:
        owner = self.owner
        user_agent = self.headers.get("User-Agent", "")
        if path == "/old-sparql":
            owner.log(LoggedRequest(method, user_agent, query, 307, None))
            self._send(
                307, "text/plain", b"moved", {"Location": self.path.replace(path, "/sparql")}
            )
            return
        if path != "/sparql":
            self._send(404, "text/plain", b"not found; the endpoint is /sparql")
            owner.log(LoggedRequest(method, user_agent, query, 404, None))
            return
        fault = owner.next_fault()
        status = 200
        if fault is not None and fault.kind == "drop":
            owner.log(LoggedRequest(method, user_agent, query, 0, "drop"))
            self.close_connection = True
            self.connection.close()
            return
        if fault is not None and fault.kind == "status":
            status = fault.status
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            owner.log(LoggedRequest(method, user_agent, query, status, "status"))
            self._send(status, "text/plain", f"fault injected: HTTP {status}".encode(), headers)
            return
        if fault is not None and fault.kind in _FAULTS:
            owner.log(LoggedRequest(method, user_agent, query, fault.status, fault.kind))
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                _FAULTS[fault.kind](self, fault, query)
            return
        if fault is not None and fault.kind == "html":
            owner.log(LoggedRequest(method, user_agent, query, 200, "html"))
            self._send(200, "text/html", b"<html><body><h1>Service unavailable</h1></body></html>")
            return
        if fault is not None and fault.kind == "malformed":
            owner.log(LoggedRequest(method, user_agent, query, 200, "malformed"))
            self._send(200, JSON_TYPE, b"{this is not JSON")
            return
        try:
            body = owner.answer(query)
        except SyntaxError as exc:
            owner.log(LoggedRequest(method, user_agent, query, 400, None))
            self._send(400, "text/plain", f"query syntax error: {exc}".encode())
            return
        # Logged before any delay: a slow answer must count in the test that asked for it,
        # not in whichever test runs when the delay ends.
        owner.log(LoggedRequest(method, user_agent, query, status, fault.kind if fault else None))
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.seconds)
        if fault is not None and fault.kind == "truncated":
            body = body[: max(1, len(body) // 2)]
        # The client may have given up (timeout) before a slow answer came.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(status, JSON_TYPE, body)

    def _send(
        self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def _short(handler: _Handler, fault: Fault, query: str) -> None:
    body = handler.owner.answer(query)
    handler.send_response(200)
    handler.send_header("Content-Type", JSON_TYPE)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body[: len(body) // 2])
    handler.close_connection = True


def _short_chunked(handler: _Handler, fault: Fault, query: str) -> None:
    body = handler.owner.answer(query)
    handler.send_response(200)
    handler.send_header("Content-Type", JSON_TYPE)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    half = body[: len(body) // 2]
    handler.wfile.write(b"%x\r\n%s\r\n" % (len(half), half))  # and never the last chunk
    handler.close_connection = True


def _drip(handler: _Handler, fault: Fault, query: str) -> None:
    body = handler.owner.answer(query)
    handler.send_response(200)
    handler.send_header("Content-Type", JSON_TYPE)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    for index in range(len(body)):
        handler.wfile.write(body[index : index + 1])
        handler.wfile.flush()
        time.sleep(fault.seconds)


def _huge(handler: _Handler, fault: Fault, query: str) -> None:
    head = b'{"head":{"vars":["label"]},"results":{"bindings":[{"label":{"type":"literal","value":"'
    tail = b'"}}]}}'
    padding = max(0, fault.size - len(head) - len(tail))
    handler.send_response(200)
    handler.send_header("Content-Type", JSON_TYPE)
    handler.send_header("Content-Length", str(len(head) + padding + len(tail)))
    handler.end_headers()
    handler.wfile.write(head)
    for start in range(0, padding, 65536):
        handler.wfile.write(b"x" * min(65536, padding - start))
    handler.wfile.write(tail)


def _redirect(handler: _Handler, fault: Fault, query: str) -> None:
    location = handler.path if fault.location is None else fault.location
    if fault.location is not None and "?" not in location and urlparse(handler.path).query:
        location += "?" + urlparse(handler.path).query
    handler._send(fault.status, "text/plain", b"moved", {"Location": location})


def _echo(handler: _Handler, fault: Fault, query: str) -> None:
    lines = [f"Internal error while answering {handler.command} {handler.path}. Headers:"]
    # Authorization first, where a short excerpt of the page still shows it.
    headers = sorted(handler.headers.items(), key=lambda item: item[0] != "Authorization")
    lines += [f"{name}: {value}" for name, value in headers]
    handler._send(fault.status, "text/plain", "\n".join(lines).encode())


def _unbound(handler: _Handler, fault: Fault, query: str) -> None:
    body = b'{"head":{"vars":["other"]},"results":{"bindings":[{},{"other":{"type":"literal",'
    body += b'"value":"x"}}]}}'
    handler._send(200, JSON_TYPE, body)


def _empty_head(handler: _Handler, fault: Fault, query: str) -> None:
    handler._send(200, JSON_TYPE, b'{"head":{"vars":[]},"results":{"bindings":[]}}')


_FAULTS = {
    "short": _short,
    "short-chunked": _short_chunked,
    "drip": _drip,
    "huge": _huge,
    "redirect": _redirect,
    "echo": _echo,
    "unbound": _unbound,
    "empty-head": _empty_head,
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Serve a Wikidata-format Turtle file as a SPARQL endpoint."
    )
    parser.add_argument("--port", type=int, default=7001, help="port on 127.0.0.1 (default 7001)")
    parser.add_argument("--data", type=Path, default=FIXTURE, help="Turtle file to serve")
    args = parser.parse_args()
    endpoint = SparqlEndpoint(args.data, args.port).start()
    print(f"serving {args.data} ({len(endpoint.store)} triples) at {endpoint.url}; Ctrl-C stops")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        endpoint.stop()


if __name__ == "__main__":
    main()
