"""Publish a release to a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

One PUT per named graph (``?graph=IRI``), so publishing again replaces each graph instead of
adding to it. Bodies come from the release's ``graphs/`` files: a graph's own N-Triples file as
it is, or its lines taken from the per-source N-Quads, which are read once, front to back,
graph after graph (gzipped parts are unpacked on the way: Fuseki, for one, takes no
compressed uploads). Transient failures (connection errors,
timeouts, 408/425/429/5xx) are retried with exponential backoff, honouring ``Retry-After``.
At the end every graph is counted on the server and compared with the manifest.

Credentials come only from the environment (``KWPLD_ENDPOINT_USER`` and
``KWPLD_ENDPOINT_PASSWORD``, or ``KWPLD_ENDPOINT_TOKEN`` for a bearer token) and never
appear in messages. HTTP basic or digest authentication is chosen from the server's challenge.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from ..__about__ import __version__
from ..errors import InputError, KwpldError
from .graphs import GraphReader
from .lines import iter_chunks, read_lines
from .manifest import read_manifest

__all__ = [
    "PublishError",
    "PublishResult",
    "publish_release",
    "count_graph",
    "ENV_USER",
    "ENV_PASSWORD",
]

ENV_USER = "KWPLD_ENDPOINT_USER"
ENV_PASSWORD = "KWPLD_ENDPOINT_PASSWORD"
ENV_TOKEN = "KWPLD_ENDPOINT_TOKEN"
TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})
PROBE_GRAPH = "urn:kwpld:authentication-probe"
USER_AGENT = f"kwpld/{__version__} (Graph Store Protocol publisher)"


class PublishError(KwpldError):
    """The server refused the release, or does not hold it afterwards."""

    exit_code = 1


@dataclass
class GraphUpload:
    graph: str
    triples: int
    status: int
    attempts: int
    found: int | None = None


@dataclass
class PublishResult:
    endpoint: str
    graphs: list[GraphUpload] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


class _Bearer(AuthBase):
    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


def _auth_from_env(mode: str) -> AuthBase | None:
    token = os.environ.get(ENV_TOKEN)
    if token:
        return _Bearer(token)
    user = os.environ.get(ENV_USER)
    if not user:
        return None
    password = os.environ.get(ENV_PASSWORD, "")
    if mode == "digest":
        return HTTPDigestAuth(user, password)
    return HTTPBasicAuth(user, password)


class _Client:
    def __init__(
        self,
        auth_mode: str,
        retries: int,
        backoff: float,
        timeout: float,
        log: Callable[[str], None],
    ) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.auth_mode = auth_mode
        self.credentials = (os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD, ""))
        self.has_credentials = bool(os.environ.get(ENV_TOKEN) or self.credentials[0])
        # In auto mode the first request goes without credentials, and the server's challenge
        # picks the scheme: some servers (Virtuoso) answer unwanted basic credentials with a
        # bare 401 that names no scheme at all.
        self.auth = (
            None
            if auth_mode == "auto" and not os.environ.get(ENV_TOKEN)
            else _auth_from_env(auth_mode)
        )
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.log = log

    def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str],
        body: Callable[[], object] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[requests.Response, int]:
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=body() if body else None,
                    headers=headers,
                    auth=self.auth,
                    timeout=self.timeout,
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt > self.retries:
                    raise PublishError(
                        f"{method} {url} failed after {attempt} attempts: {type(exc).__name__}"
                    ) from None
                self._wait(attempt, None, type(exc).__name__)
                continue
            if response.status_code == 401 and self._answer_challenge(response):
                attempt -= 1  # not a failure: the server named its authentication scheme
                continue
            if response.status_code in TRANSIENT and attempt <= self.retries:
                self._wait(
                    attempt, response.headers.get("Retry-After"), f"HTTP {response.status_code}"
                )
                continue
            return response, attempt

    def _answer_challenge(self, response: requests.Response) -> bool:
        if self.auth is not None or self.auth_mode != "auto" or not self.credentials[0]:
            return False
        user, password = self.credentials
        challenge = response.headers.get("WWW-Authenticate", "").strip().lower()
        if challenge.startswith("digest"):
            self.auth = HTTPDigestAuth(user, password)
        else:
            self.auth = HTTPBasicAuth(user, password)
        return True

    def _wait(self, attempt: int, retry_after: str | None, reason: str) -> None:
        delay = self.backoff * 2 ** (attempt - 1)
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), 120.0))
        delay = min(delay, 60.0)
        self.log(
            f"  {reason}; retrying in {delay:.1f} s (attempt {attempt + 1} of {self.retries + 1})"
        )
        time.sleep(delay)


_IN_MEMORY = 16 << 20
"""Bodies up to this size are kept in memory; larger ones go to a temporary file."""


def _graph_body(
    graphs: GraphReader, iri: str, paths: list[Path]
) -> tuple[Callable[[], object], Callable[[], None]]:
    """A body factory (fresh, rewindable file for each attempt) and a clean-up function.

    A graph in a plain N-Triples file of its own is sent as that file. Gzipped or split graphs,
    and graphs taken from the N-Quads, are unpacked once into a temporary file (in memory while
    small): a seekable body with a known length is what every server takes, and what digest
    authentication can resend.
    """
    if len(paths) == 1 and paths[0].name.endswith(".nt"):
        return (lambda: paths[0].open("rb")), (lambda: None)
    lines = graphs.lines(iri) if any(".nq" in p.name for p in paths) else read_lines(paths)
    spool: io.BytesIO | IO[bytes] = io.BytesIO()
    for chunk in iter_chunks(lines):
        if isinstance(spool, io.BytesIO) and spool.tell() + len(chunk) > _IN_MEMORY:
            spilled = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the clean-up
            spilled.write(spool.getvalue())
            spool = spilled
        spool.write(chunk)

    def body() -> object:
        spool.seek(0)
        return spool

    return body, spool.close


def _check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{endpoint!r} is not an http(s) URL of a Graph Store Protocol endpoint")
    if parts.username or parts.password:
        raise InputError(
            f"put no credentials in the endpoint URL; set {ENV_USER} and {ENV_PASSWORD} instead"
        )


def count_graph(client: _Client, endpoint: str, graph: str, sparql: str | None) -> int:
    """Triples the server holds in ``graph``: a COUNT query, or a GSP GET counted here."""
    if sparql:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        response, _ = client.request(
            "POST",
            sparql,
            params={},
            body=lambda: {"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        if response.status_code != 200:
            raise PublishError(f"counting {graph} at {sparql}: HTTP {response.status_code}")
        try:
            bindings = response.json()["results"]["bindings"]
            return int(bindings[0]["n"]["value"]) if bindings else 0
        except (ValueError, KeyError, IndexError) as exc:
            raise PublishError(f"counting {graph} at {sparql}: unexpected answer ({exc})") from None
    response, _ = client.request(
        "GET", endpoint, params={"graph": graph}, headers={"Accept": "application/n-triples"}
    )
    if response.status_code == 404:
        return 0
    if response.status_code != 200:
        raise PublishError(f"reading {graph} back from {endpoint}: HTTP {response.status_code}")
    media = response.headers.get("Content-Type", "application/n-triples").split(";")[0].strip()
    fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
    return sum(1 for _ in ox.parse(response.content, format=fmt, base_iri=graph))


def publish_release(
    folder: str | Path,
    endpoint: str,
    *,
    sparql: str | None = None,
    auth: str = "auto",
    retries: int = 5,
    backoff: float = 1.0,
    timeout: float = 300.0,
    content_type: str = "application/n-triples",
    verify: bool = True,
    log: Callable[[str], None] = lambda _: None,
) -> PublishResult:
    """PUT every named graph of a release to a Graph Store Protocol endpoint, then count them.

    ``sparql`` is a SPARQL query endpoint used for the final count; without it each graph is
    read back with a GSP GET. Raises :class:`PublishError` when the server refuses a graph or
    does not hold exactly the manifest's triples afterwards.
    """
    if auth not in ("auto", "basic", "digest"):
        raise InputError(f"unknown authentication {auth!r}; use auto, basic or digest")
    _check_endpoint(endpoint)
    if sparql:
        _check_endpoint(sparql)
    folder = Path(folder)
    manifest = read_manifest(folder)
    client = _Client(auth, retries, backoff, timeout, log)
    if client.has_credentials:
        # A request without a body settles the authentication scheme (and a digest nonce)
        # before any upload, so no upload has to be sent twice.
        probe, _ = client.request("GET", endpoint, params={"graph": PROBE_GRAPH})
        if probe.status_code in (401, 403):
            raise PublishError(
                f"{endpoint} refused the credentials from {ENV_USER} / {ENV_PASSWORD}: "
                f"HTTP {probe.status_code}"
            )
    result = PublishResult(endpoint)
    graphs = GraphReader(folder, manifest)
    for graph in graphs.graphs():
        entry = graphs.entries[graph]
        triples = entry.triples
        paths = [folder / p for p in entry.files]
        log(f"PUT {graph} ({triples} triples)")
        body, cleanup = _graph_body(graphs, graph, paths)
        try:
            response, attempts = client.request(
                "PUT",
                endpoint,
                params={"graph": graph},
                body=body,
                headers={"Content-Type": content_type},
            )
        finally:
            cleanup()
        if response.status_code not in (200, 201, 204):
            hint = ""
            if response.status_code in (401, 403):
                hint = f"; check {ENV_USER} / {ENV_PASSWORD} and the user's rights"
            raise PublishError(
                f"the server refused graph {graph}: HTTP {response.status_code} "
                f"{response.reason}{hint}\n{_excerpt(response)}"
            )
        result.graphs.append(GraphUpload(graph, triples, response.status_code, attempts))
    if verify:
        wrong = []
        for upload in result.graphs:
            upload.found = count_graph(client, endpoint, upload.graph, sparql)
            if upload.found != upload.triples:
                wrong.append(
                    f"  {upload.graph}: {upload.found} triples, the manifest says {upload.triples}"
                )
        if wrong:
            raise PublishError(
                f"{endpoint} does not hold the release exactly:\n" + "\n".join(wrong)
            )
    return result


def _excerpt(response: requests.Response) -> str:
    text = response.text.strip().replace("\r", "")
    return text[:300] + (" ..." if len(text) > 300 else "")
