"""A small but real SPARQL 1.1 Graph Store Protocol server on 127.0.0.1, backed by pyoxigraph.

Tests start it in a thread to exercise ``kwpld publish`` over real HTTP: basic
authentication, transient failures (503 with Retry-After) and a server that loses data.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox


@dataclass
class ServerState:
    store: ox.Store = field(default_factory=ox.Store)
    user: str | None = None
    password: str | None = None
    fail_puts: int = 0  # answer this many PUTs with 503 first
    drop_one: bool = False  # lose one triple of every graph stored
    log: list[tuple[str, str, int]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    state: ServerState

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _authorized(self) -> bool:
        state = self.state
        header = self.headers.get("Authorization", "")
        state.authorizations.append(header)
        if state.user is None:
            return True
        expected = base64.b64encode(f"{state.user}:{state.password}".encode()).decode()
        if header == f"Basic {expected}":
            return True
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="gsp"')
        self.send_header("Content-Length", "0")
        self.end_headers()
        return False

    def _graph(self) -> ox.NamedNode | None:
        query = parse_qs(urlsplit(self.path).query)
        values = query.get("graph")
        return ox.NamedNode(values[0]) if values else None

    def _reply(self, status: int, body: bytes = b"", media: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if not self._authorized():
            return
        state = self.state
        graph = self._graph()
        if state.fail_puts > 0:
            state.fail_puts -= 1
            state.log.append(("PUT", str(graph), 503))
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if graph is None:
            self._reply(400, b"graph parameter required")
            return
        try:
            triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            self._reply(400, str(exc).encode())
            return
        existed = state.store.contains_named_graph(graph)
        state.store.remove_graph(graph)
        state.store.add_graph(graph)
        if state.drop_one and triples:
            triples = triples[1:]
        state.store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        status = 200 if existed else 201
        state.log.append(("PUT", graph.value, status))
        self._reply(status)

    def do_GET(self) -> None:  # noqa: N802
        if not self._authorized():
            return
        graph = self._graph()
        if graph is None or not self.state.store.contains_named_graph(graph):
            self._reply(404)
            return
        data = self.state.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        self._reply(200, data or b"", "application/n-triples")


class GraphStoreServer:
    """Start with ``with GraphStoreServer() as server: server.url``."""

    def __init__(self, state: ServerState | None = None) -> None:
        self.state = state or ServerState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/gsp"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> GraphStoreServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def counts(self) -> dict[str, int]:
        rows = self.state.store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        return {row["g"].value: int(row["n"].value) for row in rows}
