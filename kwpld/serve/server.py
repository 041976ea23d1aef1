"""Run the application with uvicorn: bind, print the address, stop cleanly on Ctrl-C.

The socket is bound before the graph is loaded, so a port in use is reported at once, and
the address is printed only when the server answers. uvicorn's own signal handling would
raise the signal again after its graceful shutdown (so that a process ends "killed by
SIGINT"); ``kwpld serve`` instead finishes its requests, closes and exits 0, saying so.
"""

from __future__ import annotations

import contextlib
import errno
import signal
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from ..errors import InputError, KwpldError
from .options import ServeOptions

__all__ = ["BackgroundServer", "ServeResult", "serve", "bind"]


class ServeError(KwpldError):
    """The server cannot start (its port is taken, its address is not this machine's)."""

    exit_code = 2


@dataclass
class ServeResult:
    url: str
    stopped_by: str


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is in use (another kwpld serve?); choose another "
                "with --port"
            ) from None
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def serve(
    path: str | Path,
    options: ServeOptions,
    *,
    announce: Callable[[str], None] = print,
) -> ServeResult:
    """Serve the data folder or release folder ``path`` until Ctrl-C (SIGINT) or SIGTERM.

    ``announce`` receives the lines to show: the address (with the token, when there is
    one), what is served, and how to stop.
    """
    import uvicorn

    from .app import create_app
    from .dataset import ServedGraph

    options.check()
    sock = bind(options.host, options.port)
    try:
        port = sock.getsockname()[1]
        options.port = port
        try:
            graph = ServedGraph(path, base_iri=options.base_iri)
        except FileNotFoundError as exc:
            raise InputError(str(exc)) from None
        app = create_app(graph, options)
        url = address(options.host, port)
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=5,
            h11_max_incomplete_event_size=64 * 1024,
            server_header=False,
            limit_concurrency=64,
        )
        server = _Server(config)
        token = f"?token={options.token}" if options.token else ""
        what = {"data": "data folder", "release": "release", "store": "store"}[graph.kind]
        announce(f"kwpld serve: {what} {graph.path} ({graph.status.triples} quads)")
        announce(f"  browse  {url}{token}")
        announce(f"  SPARQL  {url}sparql")
        if graph.writable:
            announce(f"  review  {url}review")
        announce("Press Ctrl-C to stop.")
        server.run(sockets=[sock])
        stopped = signal.Signals(server.stopped_by).name if server.stopped_by else "shutdown"
        return ServeResult(url, stopped)
    finally:
        sock.close()


class _Server:
    """uvicorn's server with its signal handling replaced (see the module's notes)."""

    def __init__(self, config: object) -> None:
        import uvicorn

        assert isinstance(config, uvicorn.Config)

        class Inner(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(inner) -> Iterator[None]:  # noqa: N805 - uvicorn's method
                previous = {
                    sig: signal.signal(sig, self._on_signal)
                    for sig in (signal.SIGINT, signal.SIGTERM)
                }
                try:
                    yield
                finally:
                    for sig, handler in previous.items():
                        signal.signal(sig, handler)

        self.inner = Inner(config)
        self.stopped_by: int | None = None

    def _on_signal(self, sig: int, frame: FrameType | None) -> None:
        if self.stopped_by is not None:  # a second Ctrl-C: stop now
            self.inner.force_exit = True
        self.stopped_by = sig
        self.inner.should_exit = True

    def run(self, sockets: list[socket.socket]) -> None:
        self.inner.run(sockets=sockets)


class BackgroundServer:
    """A server in a thread of this process, for notebooks and tests::

        with BackgroundServer("examples/party-cells-2013", ServeOptions(port=0)) as server:
            requests.get(server.url + "sparql", params={"query": "ASK {}"})

    It is the same application as ``kwpld serve`` runs, on a socket bound the same way;
    signals are left to the program that runs it.
    """

    def __init__(self, path: str | Path, options: ServeOptions | None = None) -> None:
        from .app import create_app
        from .dataset import ServedGraph

        self.options = (options or ServeOptions(port=0)).check()
        self._sock = bind(self.options.host, self.options.port)
        self.options.port = self._sock.getsockname()[1]
        try:
            self.graph = ServedGraph(path, base_iri=self.options.base_iri)
            self.app = create_app(self.graph, self.options)
        except BaseException:
            self._sock.close()
            raise
        self.url = address(self.options.host, self.options.port)
        self._server: object | None = None
        self._thread: object | None = None

    def start(self) -> BackgroundServer:
        import threading
        import time

        import uvicorn

        config = uvicorn.Config(
            self.app, log_level="warning", access_log=False, lifespan="on", server_header=False
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [self._sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise ServeError("the server did not start")
            time.sleep(0.01)
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        import threading

        import uvicorn

        server, thread = self._server, self._thread
        if isinstance(server, uvicorn.Server) and isinstance(thread, threading.Thread):
            server.should_exit = True
            thread.join(10)
        self._server = self._thread = None
        self._sock.close()

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
