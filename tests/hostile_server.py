"""A hostile HTTP server on 127.0.0.1: every way a server met in the wild broke kwpld's clients.

Tests start it in a thread (``with HostileServer() as server: server.url("/drip")``) and point
the HTTP layer, the link client, GSP publishing or URL ingest at one of its routes:

- ``/ok``: a small plain-text answer; ``/page``: a small HTML article;
- ``/drip?bytes=N&every=S``: announces N bytes, then sends one every S seconds;
- ``/drip-headers?every=S``: sends its status line and headers one byte every S seconds;
- ``/loop/a`` and ``/loop/b``: redirect to each other (302); ``/loop307/a`` and ``/b`` too
  (307, which a PUT follows);
- ``/chain/N``: redirects to ``/chain/N-1`` ... ``/chain/0``, which answers;
- ``/goto?to=URL&status=S``: a redirect (307 unless S says otherwise) to any URL;
- ``/moved``: a 307 to ``/ok`` (kept for PUT and POST), ``/found``: a 302 to ``/ok``;
- ``/huge?bytes=N&chunked=1``: N bytes, announced with Content-Length or sent chunked;
- ``/short?declared=N&sent=M``: announces N bytes, sends M and closes;
- ``/short-chunked``: a chunked body that ends without its last (empty) chunk;
- ``/status/CODE?times=K&retry_after=V``: answers CODE (with Retry-After V) to the first K
  requests to that URL (path and query), then 200;
- ``/echo/CODE``: answers CODE with the request's headers and query in the body, as a server
  with a debug page does (credentials included);
- ``/auth``: 401 with a basic challenge unless the request has ``USER:PASSWORD``.

Every request is logged (method, path, headers, monotonic time) so tests can count them.
"""

from __future__ import annotations

import base64
import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

USER = "editor"
PASSWORD = "s3cret-hostile-pw"
PAGE = (
    b"<html><head><title>A report</title></head><body><h1>A report</h1>"
    b"<p>Kim Jong Un inspected a farm on 12 June 2013.</p></body></html>"
)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class HostileState:
    log: list[Seen] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: HostileState

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    # -- plumbing ---------------------------------------------------------------------------------
    def _query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}

    def _path(self) -> str:
        return urlsplit(self.path).path

    def _body(
        self,
        status: int,
        body: bytes,
        ctype: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, status: int, location: str) -> None:
        self._body(status, b"moved", headers={"Location": location})

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self._path()
        state = self.state
        with state.lock:
            state.log.append(Seen(self.command, path, dict(self.headers), time.monotonic()))
            state.counts[self.path] = state.counts.get(self.path, 0) + 1
            count = state.counts[self.path]
        self.close_connection = True
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route(path, count)

    do_GET = do_POST = do_PUT = do_HEAD = _dispatch  # noqa: N815 - http.server's naming

    # -- routes -----------------------------------------------------------------------------------
    def _route(self, path: str, count: int) -> None:  # noqa: C901 - one branch per route
        query = self._query()
        if path == "/ok":
            self._body(200, b"hello from the hostile server")
        elif path == "/page":
            self._body(200, PAGE, "text/html; charset=utf-8")
        elif path == "/drip":
            size, every = int(query.get("bytes", "100")), float(query.get("every", "0.1"))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            for _ in range(size):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(every)
        elif path == "/drip-headers":
            every = float(query.get("every", "0.1"))
            raw = (
                b"HTTP/1.1 200 OK\r\nX-Padding: " + b"p" * 200 + b"\r\nContent-Length: 2\r\n\r\nok"
            )
            for byte in raw:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(every)
        elif path in ("/loop/a", "/loop/b"):
            self._redirect(302, "/loop/b" if path == "/loop/a" else "/loop/a")
        elif path in ("/loop307/a", "/loop307/b"):
            self._redirect(307, "/loop307/b" if path == "/loop307/a" else "/loop307/a")
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            if left == 0:
                self._body(200, b"arrived")
            else:
                self._redirect(302, f"/chain/{left - 1}")
        elif path == "/goto":
            self._redirect(int(query.get("status", "307")), query["to"])
        elif path == "/moved":
            self._redirect(307, "/ok")
        elif path == "/found":
            self._redirect(302, "/ok")
        elif path == "/huge":
            size = int(query.get("bytes", str(1 << 20)))
            if query.get("chunked"):
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                block = b"y" * 65536
                sent = 0
                while sent < size:
                    piece = block[: min(len(block), size - sent)]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    sent += len(piece)
                self.wfile.write(b"0\r\n\r\n")
            else:
                self._body(200, b"y" * size)
        elif path == "/short":
            declared, sent = int(query.get("declared", "1000")), int(query.get("sent", "10"))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(declared))
            self.end_headers()
            self.wfile.write(b"z" * sent)
        elif path == "/short-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"5\r\nhello\r\n5\r\nworld\r\n")  # no "0\r\n\r\n": cut off
        elif path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            if count <= int(query.get("times", "1000000")):
                headers = {"Retry-After": query["retry_after"]} if "retry_after" in query else {}
                self._body(code, f"failure {code} injected".encode(), headers=headers)
            else:
                self._body(200, b"recovered")
        elif path.startswith("/echo/"):
            code = int(path.rsplit("/", 1)[1])
            lines = [f"{self.command} {self.path} failed. Request headers:"]
            lines += [f"{name}: {value}" for name, value in self.headers.items()]
            body = "\n".join(lines).encode()
            self._body(code, body)
        elif path == "/auth":
            expected = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if self.headers.get("Authorization") == f"Basic {expected}":
                self._body(200, b"welcome")
            else:
                self._body(401, b"who are you?", headers={"WWW-Authenticate": 'Basic realm="x"'})
        else:
            self._body(404, b"no such route")


class HostileServer:
    """``with HostileServer() as server: server.url("/ok")``; ``server.state.log`` has requests."""

    def __init__(self) -> None:
        self.state = HostileState()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def seen(self, path: str) -> list[Seen]:
        with self.state.lock:
            return [s for s in self.state.log if s.path == path]

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
