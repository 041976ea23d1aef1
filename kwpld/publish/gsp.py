"""Publish a release to a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

One PUT per named graph (``?graph=IRI``), so publishing again replaces each graph instead of
adding to it. Bodies come from the release's ``graphs/`` files: a graph's own N-Triples file as
it is, or its lines taken from the per-source N-Quads, which are read once, front to back,
graph after graph (gzipped parts are unpacked on the way: Fuseki, for one, takes no
compressed uploads). Requests go through kwpld's one HTTP layer (:mod:`kwpld.http`): transient
failures (connection errors, timeouts, truncated answers, 408/425/429/5xx) are retried with
exponential backoff and jitter, honouring ``Retry-After``; ``timeout`` bounds each whole
request, upload included; redirects, answer sizes and what is printed of a server's answer
are limited. At the end every graph is counted on the server and compared with the manifest.

Credentials come only from the environment (``KWPLD_ENDPOINT_USER`` and
``KWPLD_ENDPOINT_PASSWORD``, or ``KWPLD_ENDPOINT_TOKEN`` for a bearer token) and never
appear in messages: whatever a server echoes back is redacted. HTTP basic or digest
authentication is chosen from the server's challenge (``auth="auto"``).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from ..__about__ import __version__
from ..errors import InputError, KwpldError
from ..http import (
    BrokenAnswer,
    Credentials,
    HttpClient,
    HttpResponse,
    HttpSettings,
    RemoteError,
    check_url,
    redact_url,
)
from .graphs import GraphReader
from .lines import iter_chunks, read_lines
from .manifest import read_manifest

__all__ = [
    "PublishError",
    "PublishResult",
    "publish_release",
    "count_graph",
    "credentials_from_env",
    "ENV_USER",
    "ENV_PASSWORD",
    "ENV_TOKEN",
]

ENV_USER = "KWPLD_ENDPOINT_USER"
ENV_PASSWORD = "KWPLD_ENDPOINT_PASSWORD"
ENV_TOKEN = "KWPLD_ENDPOINT_TOKEN"
PROBE_GRAPH = "urn:kwpld:authentication-probe"
USER_AGENT = f"kwpld/{__version__} (Graph Store Protocol publisher)"
READ_BACK_LIMIT = 1 << 30
"""Bytes of one graph read back for counting (spooled to disk beyond 16 MiB); --sparql counts
with one small query instead."""


class PublishError(KwpldError):
    """The server refused the release, failed, or does not hold it afterwards (exit code 1)."""

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


def credentials_from_env(auth: str = "auto") -> Credentials:
    """The credentials in the environment: a bearer token, else a user name and password."""
    token = os.environ.get(ENV_TOKEN)
    if token:
        return Credentials(token=token, origin=ENV_TOKEN)
    user = os.environ.get(ENV_USER)
    if user:
        password = os.environ.get(ENV_PASSWORD, "")
        return Credentials(user, password, scheme=auth, origin=f"{ENV_USER} / {ENV_PASSWORD}")
    return Credentials(scheme=auth)


def _refusal(endpoint: str, client: HttpClient, response: HttpResponse, what: str) -> str:
    """Why the server refused ``what``, naming the environment variables of the auth in use."""
    status = f"HTTP {response.status} {response.reason}".rstrip()
    creds = client.credentials
    if response.status == 401:
        if creds.token:
            return (
                f"{endpoint} refused the bearer token from {ENV_TOKEN} ({status}); check it, "
                f"or unset it to authenticate with {ENV_USER} and {ENV_PASSWORD}"
            )
        if creds.user:
            scheme = client.auth_scheme or creds.scheme
            other = "digest" if scheme == "basic" else "basic"
            return (
                f"{endpoint} refused the user name and password from {ENV_USER} / "
                f"{ENV_PASSWORD} ({status}, {scheme} authentication); check them, or try "
                f"--auth {other}"
            )
        return (
            f"{endpoint} requires authentication ({status}): set {ENV_USER} and "
            f"{ENV_PASSWORD} (basic or digest, see --auth), or {ENV_TOKEN} for a bearer token"
        )
    if creds.present:
        return (
            f"{endpoint} refused {what} ({status}): the credentials from {creds.origin} were "
            "taken, but that user may not write there; check the user's rights"
        )
    return (
        f"{endpoint} refused {what} ({status}) to a client without credentials: set "
        f"{ENV_USER} and {ENV_PASSWORD}, or {ENV_TOKEN}"
    )


def _failure(endpoint: str, failure: RemoteError, doing: str) -> PublishError:
    """A remote failure while ``doing``, with what to do about it."""
    tries = f" ({failure.attempts} attempts)" if failure.attempts > 1 else ""
    hint = {
        "connection": "; check the address (--endpoint) and the network",
        "timeout": "; raise --timeout (it bounds each whole request, upload included)",
        "too-large": "; count with a SPARQL query instead (--sparql)",
        "redirect": "; give the address the server names",
        "retry-after": "",
    }.get(failure.kind, "")
    return PublishError(
        f"{doing} at {endpoint} failed: {failure.detail}{tries}{hint}. Graphs published before "
        "stay replaced; publishing again replaces every graph"
    )


_IN_MEMORY = 16 << 20
"""Bodies up to this size are kept in memory; larger ones go to a temporary file."""


def _graph_body(
    graphs: GraphReader, iri: str, paths: list[Path]
) -> tuple[Callable[[], IO[bytes]], Callable[[], None]]:
    """A body factory (fresh, rewound file for each attempt) and a clean-up function.

    A graph in a plain N-Triples file of its own is sent as that file. Gzipped or split graphs,
    and graphs taken from the N-Quads, are unpacked once into a temporary file (in memory while
    small): a seekable body with a known length is what every server takes, and what digest
    authentication can resend.
    """
    if len(paths) == 1 and paths[0].name.endswith(".nt"):
        opened: list[IO[bytes]] = []

        def open_file() -> IO[bytes]:
            try:
                handle = paths[0].open("rb")
            except OSError as exc:
                raise PublishError(
                    f"{paths[0]}: cannot read the release file: {exc.strerror or exc}"
                ) from None
            opened.append(handle)
            return handle

        def close_files() -> None:
            for handle in opened:
                handle.close()

        return open_file, close_files
    lines = graphs.lines(iri) if any(".nq" in p.name for p in paths) else read_lines(paths)
    spool: IO[bytes] = io.BytesIO()
    for chunk in iter_chunks(lines):
        if isinstance(spool, io.BytesIO) and spool.tell() + len(chunk) > _IN_MEMORY:
            spilled = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the clean-up
            spilled.write(spool.getvalue())
            spool = spilled
        spool.write(chunk)
    body_file = spool

    def body() -> IO[bytes]:
        body_file.seek(0)
        return body_file

    return body, body_file.close


def _check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{endpoint!r} is not an http(s) URL of a Graph Store Protocol endpoint")
    if parts.username or parts.password:
        raise InputError(
            f"put no credentials in the endpoint URL; set {ENV_USER} and {ENV_PASSWORD} instead"
        )
    check_url(endpoint)


def count_graph(
    client: HttpClient,
    endpoint: str,
    graph: str,
    sparql: str | None,
    *,
    read_limit: int = READ_BACK_LIMIT,
) -> int:
    """Triples the server holds in ``graph``: a COUNT query, or a GSP GET counted here.

    A graph read back is streamed to a temporary file (on disk beyond 16 MiB) and parsed from
    there, so counting a large graph does not hold it in memory.
    """
    shown = redact_url(sparql or endpoint)
    doing = f"counting graph {graph}"
    try:
        if sparql:
            return _count_with_query(client, sparql, graph)
        with tempfile.SpooledTemporaryFile(_IN_MEMORY) as spool:
            response = client.request(
                "GET",
                endpoint,
                params={"graph": graph},
                headers={"Accept": "application/n-triples"},
                sink=spool,
                max_body=read_limit,
            )
            if response.status == 404:
                return 0
            if response.status != 200:
                raise PublishError(_unexpected(shown, client, response, f"reading {graph} back"))
            media = response.media_type or "application/n-triples"
            fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
            spool.seek(0)
            try:
                return sum(1 for _ in ox.parse(spool, format=fmt, base_iri=graph))
            except (SyntaxError, ValueError) as exc:
                raise PublishError(
                    f"{shown} sent graph {graph} back as {media} that kwpld cannot parse: {exc}"
                ) from None
    except RemoteError as failure:
        raise _failure(shown, failure, doing) from None


def _count_with_query(client: HttpClient, sparql: str, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    counted: list[int] = []

    def check(response: HttpResponse) -> None:
        if response.status != 200:
            return
        try:
            bindings = json.loads(response.body)["results"]["bindings"]
            counted[:] = [int(bindings[0]["n"]["value"]) if bindings else 0]
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise BrokenAnswer(f"the count is not in the answer ({exc!r})") from None

    response = client.request(
        "POST",
        sparql,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        check=check,
    )
    if response.status != 200:
        raise PublishError(_unexpected(redact_url(sparql), client, response, f"counting {graph}"))
    return counted[0]


def _unexpected(shown: str, client: HttpClient, response: HttpResponse, what: str) -> str:
    if response.status in (401, 403):
        return _refusal(shown, client, response, what)
    text = response.excerpt()
    return f"{what} at {shown}: HTTP {response.status} {response.reason}" + (
        f": {text}" if text else ""
    )


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
    read_limit: int = READ_BACK_LIMIT,
    http: HttpSettings | None = None,
    **client_options: Any,
) -> PublishResult:
    """PUT every named graph of a release to a Graph Store Protocol endpoint, then count them.

    ``sparql`` is a SPARQL query endpoint used for the final count; without it each graph is
    read back with a GSP GET (at most ``read_limit`` bytes each). ``http`` replaces the HTTP
    settings built from ``retries``, ``backoff`` and ``timeout`` (for limits such as redirects
    or jitter); ``client_options`` go to :class:`~kwpld.http.HttpClient` (``sleep``, ``rand``
    ... for tests). Raises :class:`PublishError` when the server refuses or fails a graph, or
    does not hold exactly the manifest's triples afterwards.
    """
    if auth not in ("auto", "basic", "digest"):
        raise InputError(f"unknown authentication {auth!r}; use auto, basic or digest")
    _check_endpoint(endpoint)
    if sparql:
        _check_endpoint(sparql)
    folder = Path(folder)
    manifest = read_manifest(folder)
    settings = http or HttpSettings(
        user_agent=USER_AGENT,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        max_backoff=60.0,
        max_body=1 << 20,  # what a server says to a PUT; graphs read back have read_limit
    )
    client = HttpClient(settings, credentials=credentials_from_env(auth), log=log, **client_options)
    shown = redact_url(endpoint)
    if client.credentials.present:
        _probe_credentials(client, endpoint)
    result = PublishResult(endpoint)
    graphs = GraphReader(folder, manifest)
    for graph in graphs.graphs():
        log(f"PUT {graph} ({graphs.entries[graph].triples} triples)")
        result.graphs.append(_put_graph(client, endpoint, graphs, graph, content_type))
    if verify:
        wrong = []
        for upload in result.graphs:
            upload.found = count_graph(
                client, endpoint, upload.graph, sparql, read_limit=read_limit
            )
            if upload.found != upload.triples:
                wrong.append(
                    f"  {upload.graph}: {upload.found} triples, the manifest says {upload.triples}"
                )
        if wrong:
            raise PublishError(f"{shown} does not hold the release exactly:\n" + "\n".join(wrong))
    return result


def _probe_credentials(client: HttpClient, endpoint: str) -> None:
    """A request without a body settles the authentication scheme (and a digest nonce) before
    any upload, so no upload has to be sent twice; refused credentials stop here."""
    shown = redact_url(endpoint)
    try:
        probe = client.request("GET", endpoint, params={"graph": PROBE_GRAPH})
    except RemoteError as failure:
        raise _failure(shown, failure, "checking the credentials") from None
    if probe.status in (401, 403):
        raise PublishError(_refusal(shown, client, probe, "the credentials"))


def _put_graph(
    client: HttpClient, endpoint: str, graphs: GraphReader, graph: str, content_type: str
) -> GraphUpload:
    """PUT one graph of the release (replacing what the server holds in it)."""
    shown = redact_url(endpoint)
    entry = graphs.entries[graph]
    paths = [graphs.folder / p for p in entry.files]
    body, cleanup = _graph_body(graphs, graph, paths)
    try:
        response = client.request(
            "PUT",
            endpoint,
            params={"graph": graph},
            data=body,
            headers={"Content-Type": content_type},
        )
    except RemoteError as failure:
        raise _failure(shown, failure, f"publishing graph {graph}") from None
    finally:
        cleanup()
    if response.status in (401, 403):
        raise PublishError(_refusal(shown, client, response, f"graph {graph}"))
    if response.status not in (200, 201, 204):
        text = response.excerpt()
        raise PublishError(
            f"the server refused graph {graph}: HTTP {response.status} "
            f"{response.reason}" + (f"\n{text}" if text else "")
        )
    return GraphUpload(graph, entry.triples, response.status, response.attempts)
