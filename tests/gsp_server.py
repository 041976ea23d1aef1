"""A small but real SPARQL 1.1 Graph Store Protocol server on 127.0.0.1, backed by pyoxigraph.

Tests start it in a thread to exercise ``kwpld publish`` over real HTTP: basic or bearer
authentication, transient failures (503 or 429 with Retry-After, in seconds or as an HTTP
date), failure pages that echo the request's headers (credentials included), a 307 from
``/old-gsp`` to ``/gsp`` and a server that loses data.
"""

from __future__ import annotations

import base64
import hashlib
import re
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
    digest: bool = False  # ask for HTTP digest authentication (RFC 7616, MD5, qop=auth)
    token: str | None = None  # accept "Bearer <token>" (instead of user and password)
    fail_puts: int = 0  # answer this many PUTs with fail_status first
    fail_status: int = 503
    retry_after: str = "0"  # the Retry-After of those failures
    echo: bool = False  # failure pages list the request's headers, as debug pages do
    drop_one: bool = False  # lose one triple of every graph stored
    log: list[tuple[str, str, int]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)


NONCE = "kwpld-test-nonce"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - what HTTP digest specifies


def _digest_ok(header: str, method: str, user: str, password: str) -> bool:
    """Check an ``Authorization: Digest ...`` header the way a server does (qop=auth)."""
    if not header.startswith("Digest "):
        return False
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest ") :]))
    if fields.get("username") != user or fields.get("nonce") != NONCE:
        return False
    ha1 = _md5(f"{user}:gsp:{password}")
    ha2 = _md5(f"{method}:{fields.get('uri', '')}")
    expected = _md5(f"{ha1}:{NONCE}:{fields.get('nc', '')}:{fields.get('cnonce', '')}:auth:{ha2}")
    return fields.get("response") == expected


class _Handler(BaseHTTPRequestHandler):
    state: ServerState

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _authorized(self) -> bool:
        state = self.state
        header = self.headers.get("Authorization", "")
        state.authorizations.append(header)
        if state.user is None and state.token is None:
            return True
        expected = base64.b64encode(f"{state.user}:{state.password}".encode()).decode()
        if state.digest and state.user is not None:
            if _digest_ok(header, self.command, state.user, state.password or ""):
                return True
        elif state.user is not None and header == f"Basic {expected}":
            return True
        if state.token is not None and header == f"Bearer {state.token}":
            return True
        self.send_response(401)
        scheme = 'Basic realm="gsp"' if state.user is not None else 'Bearer realm="gsp"'
        if state.digest:
            scheme = f'Digest realm="gsp", nonce="{NONCE}", qop="auth", algorithm=MD5'
        self.send_header("WWW-Authenticate", scheme)
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

    def _moved(self) -> bool:
        """Requests to /old-gsp get a 307 to /gsp (same method, same body, same query)."""
        if urlsplit(self.path).path != "/old-gsp":
            return False
        self.send_response(307)
        self.send_header("Location", self.path.replace("/old-gsp", "/gsp", 1))
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def do_PUT(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if self._moved():
            return
        if not self._authorized():
            return
        state = self.state
        graph = self._graph()
        if state.fail_puts > 0:
            state.fail_puts -= 1
            state.log.append(("PUT", str(graph), state.fail_status))
            page = b""
            if state.echo:
                lines = ["Request failed. Headers received:"]
                lines += [f"{name}: {value}" for name, value in self.headers.items()]
                page = "\n".join(lines).encode()
            self.send_response(state.fail_status)
            self.send_header("Retry-After", state.retry_after)
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
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
        if self._moved() or not self._authorized():
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
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

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
