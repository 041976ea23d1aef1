"""The one HTTP layer of kwpld: the link client, GSP publishing and URL ingest all go through it.

Every request kwpld sends to a server it does not control gets the same treatment here, because
each hazard below was met with a real (hostile or broken) server:

- **A total deadline per attempt.** ``timeout`` bounds the whole exchange: connecting, sending the
  body, every redirect hop, the headers and the whole body. Socket timeouts alone bound each
  read, so a server dripping one byte a second held one request 25 s against ``--timeout 3``; a
  watchdog now shuts the socket down when the deadline passes.
- **Retries** after connection failures, timeouts, truncated bodies, HTTP 408/425/429/5xx and
  answers the caller finds broken, with exponential backoff and jitter (the random source is
  injectable, so tests are deterministic). ``Retry-After`` is honoured in both its forms
  (delta-seconds and HTTP-date); a server asking for more than ``max_retry_after`` stops the
  run with a message instead of holding it for hours.
- **A redirect limit** (``max_redirects``, 5) with loops detected and named: a redirect loop
  once made 155 requests 0.0 s apart. A PUT or POST is never silently turned into a GET: only
  307/308 are followed for them. Credentials are never sent to another origin.
- **A response size limit** (``max_body``): bodies are streamed and reading stops at the limit
  (a 190 MB answer was once held in memory at 1.7 GB RSS). A body can also be streamed into a
  file (``sink``).
- **Truncated bodies** (fewer bytes than ``Content-Length``, a chunked body without its last
  chunk) are reported as truncated, not as an unreachable server.
- **Credentials** never appear in a message: server bodies, URLs (user-info, token parameters)
  and headers are redacted (:func:`redact`) before anything is printed.

Every failure ends in a :class:`RemoteError` (exit code 1) whose ``kind`` lets a caller word its
own message; none ends in a traceback.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import email.utils
import random
import re
import socket
import threading
import time
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from urllib3 import connection as _u3connection
from urllib3 import connectionpool as _u3pool
from urllib3 import poolmanager as _u3poolmanager

from .errors import InputError, KwpldError

__all__ = [
    "HttpSettings",
    "HttpStats",
    "HttpResponse",
    "HttpClient",
    "Credentials",
    "RemoteError",
    "BrokenAnswer",
    "TRANSIENT_STATUSES",
    "redact",
    "redact_url",
    "redact_headers",
    "excerpt",
    "retry_after_seconds",
    "check_url",
]

TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
"""Statuses worth another attempt: timeouts, "too early", rate limits and server failures."""
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 << 10
_ERROR_BODY = 64 << 10
"""Of an error answer (status >= 400), only this much is read: enough for a message."""


# -- errors --------------------------------------------------------------------------------------


class RemoteError(KwpldError):
    """A server failed, could not be reached, or sent what kwpld will not take.

    ``kind`` is one of connection, timeout, truncated, too-large, redirect, retry-after,
    server (HTTP 5xx and other transient statuses), rate-limited (HTTP 429), malformed (the
    caller found the answer broken), rejected (a status the caller does not take), bad-url
    (a redirect to what is no URL) and local (an answer that cannot be spooled to disk). ``detail``
    says what happened without naming the request; ``str()`` names it too. Exit code 1: a
    remote failure, not bad input.
    """

    exit_code = 1

    def __init__(
        self,
        kind: str,
        detail: str,
        *,
        method: str,
        url: str,
        attempts: int = 1,
        status: int | None = None,
    ) -> None:
        self.kind = kind
        self.detail = detail
        self.method = method
        self.url = redact_url(url)
        self.attempts = attempts
        self.status = status
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        super().__init__(f"{method} {_short(self.url)}: {detail}{tries}")


class BrokenAnswer(Exception):  # noqa: N818 - raised by callers' checks, not an error to show
    """Raised by a ``check`` callback: the answer is broken, worth another attempt."""

    def __init__(self, detail: str, kind: str = "malformed") -> None:
        super().__init__(detail)
        self.kind = kind


class _Transient(Exception):  # noqa: N818 - internal control flow of the retry loop
    def __init__(self, kind: str, detail: str, wait: float | None = None, status: int = 0) -> None:
        super().__init__(detail)
        self.kind = kind
        self.wait = wait
        self.status = status


class _Final(Exception):  # noqa: N818 - internal: not worth another attempt
    def __init__(self, kind: str, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.kind = kind
        self.status = status


# -- settings, credentials, results --------------------------------------------------------------


@dataclass(frozen=True)
class HttpSettings:
    """Limits of one client; every command picks defaults that fit its servers."""

    user_agent: str
    timeout: float = 60.0
    """Seconds for one attempt, all of it: connect, upload, redirects, headers and body."""
    connect_timeout: float = 10.0
    """Seconds to open a connection (never more than what is left of ``timeout``)."""
    retries: int = 4
    """Further attempts after a transient failure."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each further one, at most ``max_backoff``."""
    max_backoff: float = 120.0
    jitter: float = 0.25
    """Each backoff is shortened by up to this fraction, at random, so clients spread out."""
    max_retry_after: float = 900.0
    """A server asking (Retry-After) for a longer pause than this stops the run instead."""
    max_redirects: int = 5
    max_body: int = 64 << 20
    """Bytes of one answer at most; reading stops there."""
    min_interval: float = 0.0
    """Seconds between the starts of two requests (WDQS etiquette asks for one at a time)."""
    retry_statuses: frozenset[int] = TRANSIENT_STATUSES


@dataclass
class HttpStats:
    requests: int = 0
    """HTTP requests sent, retries and redirect hops included."""
    retries: int = 0
    waited: float = 0.0
    """Seconds spent waiting (minimum interval, backoff, Retry-After)."""
    bytes_received: int = 0
    failures: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Credentials:
    """Who to authenticate as, and where that came from (for messages, never the values).

    ``scheme`` is auto (the server's challenge decides between basic and digest), basic or
    digest; a ``token`` is always sent as a bearer token. ``origin`` names the environment
    variables (or other place) the credentials came from, so a 401 can say what to check.
    """

    user: str | None = None
    password: str = ""
    token: str | None = None
    scheme: str = "auto"
    origin: str = ""

    @property
    def present(self) -> bool:
        return bool(self.token or self.user)

    def secrets(self) -> list[str]:
        """Every form of the secrets a server might echo back."""
        found: list[str] = []
        if self.token:
            found.append(self.token)
        if self.user:
            if self.password:
                found.append(self.password)
            pair = f"{self.user}:{self.password}".encode()
            found.append(base64.b64encode(pair).decode("ascii"))
        return found


@dataclass
class HttpResponse:
    """A complete answer: status, headers and the body (or the ``sink`` it was written to)."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes
    url: str
    attempts: int = 1
    secrets: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", self.headers.get("Content-Type", ""))
        return match.group(1) if match else None

    def excerpt(self, limit: int = 300) -> str:
        """The start of the body for a message: one line, credentials redacted."""
        return excerpt(self.body, limit, self.secrets)


# -- redaction -----------------------------------------------------------------------------------

_REDACTED = "[redacted]"
_SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"}
)
_SENSITIVE_PARAMS = (
    "password|passwd|pwd|pass|token|access_token|auth|api_key|apikey|key|secret|signature|sig"
)
_HEADER_LINE = re.compile(
    r"(?im)^([ \t>]*(?:proxy-)?(?:authorization|cookie|set-cookie|x-api-key|api-key)[ \t]*:[ \t]*)"
    r"[^\r\n]*"
)
_QUOTED_HEADER = re.compile(
    r"(?i)([\"'](?:proxy-)?(?:authorization|cookie|set-cookie|x-api-key|api-key)[\"']"
    r"\s*[:=,]\s*[\"'])(?:\\.|[^\"'\\])*"
)
_SCHEME_VALUE = re.compile(r"(?i)\b(Basic|Bearer)(\s+)[A-Za-z0-9+/=._~-]{6,}")
_DIGEST_VALUE = re.compile(r"(?i)\b(Digest)(\s+)(?:[a-z-]+=(?:\"[^\"]*\"|[^,\s]*)\s*,?\s*)+")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#\"'<>]+@")
_SECRET_PARAM = re.compile(rf"(?i)([?&;](?:{_SENSITIVE_PARAMS})=)[^&;#\s\"'<>]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # white space is collapsed instead


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with credentials replaced by ``[redacted]``.

    Known secrets (passwords, tokens, their base64 basic-auth form) are replaced wherever they
    occur; so are Authorization, Cookie and API-key header values (as header lines or quoted in
    JSON), ``Basic``/``Bearer``/``Digest`` credentials, user-info in URLs and query parameters
    named like a secret. Secrets shorter than 3 characters are only caught by the patterns:
    replacing every ``a`` would make the message unreadable without hiding anything.
    """
    for secret in sorted({s for s in secrets if len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, _REDACTED)
    text = _HEADER_LINE.sub(rf"\g<1>{_REDACTED}", text)
    text = _QUOTED_HEADER.sub(rf"\g<1>{_REDACTED}", text)
    text = _DIGEST_VALUE.sub(rf"\g<1>\g<2>{_REDACTED} ", text)
    text = _SCHEME_VALUE.sub(rf"\g<1>\g<2>{_REDACTED}", text)
    text = _USERINFO.sub(rf"\g<1>{_REDACTED}@", text)
    return _SECRET_PARAM.sub(rf"\g<1>{_REDACTED}", text)


def redact_url(url: str) -> str:
    """``url`` without user-info, and with query parameters named like secrets masked."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact(url)
    netloc = parts.netloc.rpartition("@")[2] if "@" in parts.netloc else parts.netloc
    if "@" in parts.netloc:
        netloc = f"{_REDACTED}@{netloc}"
    query = parts.query
    if query and re.search(rf"(?i)(?:^|[&;])(?:{_SENSITIVE_PARAMS})=", query):
        pairs = parse_qsl(query, keep_blank_values=True)
        masked = [
            (k, _REDACTED if re.fullmatch(_SENSITIVE_PARAMS, k, re.I) else v) for k, v in pairs
        ]
        query = urlencode(masked, safe="[]")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_headers(headers: Mapping[str, str], secrets: Iterable[str] = ()) -> dict[str, str]:
    """A copy of ``headers`` with credential-bearing values replaced."""
    secrets = list(secrets)
    return {
        name: _REDACTED if name.lower() in _SENSITIVE_HEADERS else redact(value, secrets)
        for name, value in headers.items()
    }


def excerpt(body: bytes, limit: int = 300, secrets: Iterable[str] = ()) -> str:
    """The start of a server's body as one line: redacted, control characters removed.

    Redaction comes before cutting, so a secret split by the cut is not half shown; control
    characters go, so a hostile server cannot drive the terminal with escape sequences.
    """
    text = body[: limit * 8].decode("utf-8", "replace")
    text = redact(text, secrets)
    text = " ".join(_CONTROL.sub("?", text).split())
    return text[:limit] + (" ..." if len(text) > limit or len(body) > limit * 8 else "")


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 3] + "..."


# -- Retry-After ---------------------------------------------------------------------------------


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date (RFC 9110).

    ``now`` is the wall clock (seconds since the epoch) an HTTP-date is measured from. A date in
    the past means "now" (0); an unreadable value is ignored (None).
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": RFC 5322's "unknown zone"; HTTP dates are GMT
        when = when.replace(tzinfo=datetime.UTC)
    try:
        return max(0.0, when.timestamp() - now)
    except (OverflowError, OSError, ValueError):
        return None


# -- the deadline watchdog ----------------------------------------------------------------------
# Socket timeouts bound each read; a total deadline needs someone to stop a read that keeps
# receiving a byte now and then. The connections below register their socket with the deadline
# of the request running in their thread; when the deadline passes, a timer shuts the socket
# down, which ends any blocked read or write at once.

_local = threading.local()


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.0, self.expires - time.monotonic())

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if self.expired:
                _shut(sock)
            else:
                self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Deadline:
        _local.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _local.deadline = None


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown: an SSL socket's would reset its state under the reader.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watch_current(sock: socket.socket | None) -> None:
    deadline: _Deadline | None = getattr(_local, "deadline", None)
    if deadline is not None:
        deadline.watch(sock)


class _WatchedHTTPConnection(_u3connection.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watch_current(self.sock)


class _WatchedHTTPSConnection(_u3connection.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watch_current(self.sock)


class _WatchedPool(_u3pool.HTTPConnectionPool):
    """A pool that never reuses a connection.

    kwpld asks servers to close after each answer ("Connection: close"), but a server that says
    nothing leaves the connection in the pool, and the next request on it races the server's
    close (and loses, with "connection closed without an answer"). A fresh connection per
    request costs little at one request a second, and every socket is watched from its connect.
    """

    ConnectionCls = _WatchedHTTPConnection

    def _put_conn(self, conn: Any) -> None:
        if conn is not None:
            conn.close()
        super()._put_conn(conn)


class _WatchedTLSPool(_u3pool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection

    def _put_conn(self, conn: Any) -> None:
        if conn is not None:
            conn.close()
        super()._put_conn(conn)


_WATCHED_POOLS = {"http": _WatchedPool, "https": _WatchedTLSPool}


class _Adapter(HTTPAdapter):
    """requests' adapter with connections whose sockets the deadline can shut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        # A SOCKS proxy manager has pool classes of its own; leave those alone.
        if manager.pool_classes_by_scheme is _u3poolmanager.pool_classes_by_scheme:
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


class _Session(requests.Session):
    """A session that leaves redirects to :class:`HttpClient`.

    Even with ``allow_redirects=False``, requests reads a redirect's whole body (unbounded) to
    prepare ``Response.next``, and hands its connection back to the pool for reuse, where a
    server closing it races the next hop.
    """

    def resolve_redirects(self, *args: Any, **kwargs: Any) -> Generator[Any, None, None]:
        yield from ()


class _Bearer(AuthBase):
    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


# -- the client ----------------------------------------------------------------------------------

Body = bytes | Mapping[str, str] | Callable[[], Any] | None
"""A request body: bytes, a form (mapping), or a factory giving a fresh body per attempt."""


class HttpClient:
    """Sends requests with retries, deadline, redirect and size limits; see the module docstring.

    ``sleep``, ``clock`` (monotonic), ``now`` (wall clock, for Retry-After dates) and
    ``rand`` (jitter, a float in [0, 1)) are injectable so that tests need neither wait nor chance.
    """

    def __init__(
        self,
        settings: HttpSettings,
        *,
        credentials: Credentials | None = None,
        stats: HttpStats | None = None,
        log: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self.credentials = credentials or Credentials()
        self.stats = stats if stats is not None else HttpStats()
        self._log = log
        self._sleep = sleep
        self._clock = clock
        self._now = now
        self._random = rand
        self._last_start: float | None = None
        self.session = _Session()
        adapter = _Adapter()
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = settings.user_agent
        # A fresh connection per request (see _WatchedPool): the deadline watches every socket
        # from its connect on, and no request inherits a connection in a bad state.
        self.session.headers["Connection"] = "close"
        self.auth: AuthBase | None = self._initial_auth()
        self.secrets: tuple[str, ...] = tuple(self.credentials.secrets())

    # -- authentication ---------------------------------------------------------------------------
    @property
    def auth_scheme(self) -> str | None:
        """The authentication sent now: bearer, basic, digest, or None."""
        if isinstance(self.auth, _Bearer):
            return "bearer"
        if isinstance(self.auth, HTTPDigestAuth):
            return "digest"
        if isinstance(self.auth, HTTPBasicAuth):
            return "basic"
        return None

    def _initial_auth(self) -> AuthBase | None:
        creds = self.credentials
        if creds.token:
            return _Bearer(creds.token)
        if not creds.user or creds.scheme == "auto":
            # In auto mode the first request goes without credentials, and the server's
            # challenge picks the scheme: some servers (Virtuoso) answer unwanted basic
            # credentials with a bare 401 that names no scheme at all.
            return None
        if creds.scheme == "digest":
            return HTTPDigestAuth(creds.user, creds.password)
        return HTTPBasicAuth(creds.user, creds.password)

    def _answer_challenge(self, response: requests.Response) -> bool:
        creds = self.credentials
        if self.auth is not None or creds.scheme != "auto" or not creds.user:
            return False
        challenge = response.headers.get("WWW-Authenticate", "").strip().lower()
        if challenge.startswith("digest"):
            self.auth = HTTPDigestAuth(creds.user, creds.password)
        else:
            self.auth = HTTPBasicAuth(creds.user, creds.password)
        return True

    # -- the request loop -------------------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        data: Body = None,
        headers: Mapping[str, str] | None = None,
        check: Callable[[HttpResponse], None] | None = None,
        sink: IO[bytes] | None = None,
        max_body: int | None = None,
    ) -> HttpResponse:
        """Send a request until it succeeds or fails for good; the final answer, any status.

        Transient statuses, connection failures, timeouts, truncated bodies and answers that
        ``check`` rejects (by raising :class:`BrokenAnswer`) are retried; when the retries run
        out, or on a failure not worth retrying, :class:`RemoteError` is raised. Other statuses
        (2xx, 4xx ...) are returned for the caller to judge. A successful body goes to ``sink``
        when given (the returned body is then empty).
        """
        check_url(url)
        self._learn_secrets(url)
        attempt = 0
        while True:
            attempt += 1
            self._throttle()
            try:
                response = self._attempt(method, url, params, data, headers, sink, max_body)
                response.attempts = attempt
                self._judge(response, check)
                return response
            except _Final as final:
                self._count(final.kind)
                raise RemoteError(
                    final.kind,
                    redact(str(final), self.secrets),
                    method=method,
                    url=url,
                    attempts=attempt,
                    status=final.status,
                ) from None
            except _Transient as failure:
                self._wait(self._retry_wait(failure, method, url, attempt))

    def _judge(self, response: HttpResponse, check: Callable[[HttpResponse], None] | None) -> None:
        """Raise :class:`_Transient` for an answer worth asking again: a transient status
        (with the server's Retry-After) or one ``check`` finds broken."""
        if response.status in self.settings.retry_statuses:
            raise _Transient(
                "rate-limited" if response.status == 429 else "server",
                f"HTTP {response.status} {response.reason}".rstrip()
                + (f": {response.excerpt()}" if response.body else ""),
                retry_after_seconds(response.headers.get("Retry-After"), self._now()),
                response.status,
            )
        if check is not None:
            try:
                check(response)
            except BrokenAnswer as broken:
                raise _Transient(broken.kind, str(broken)) from None

    def _retry_wait(self, failure: _Transient, method: str, url: str, attempt: int) -> float:
        """Seconds to wait before the next attempt after a transient failure: the backoff, or
        longer when the server asks (Retry-After). Raises :class:`RemoteError` when the retries
        have run out or the server asks for a wait longer than ``max_retry_after``."""
        settings = self.settings
        self._count(failure.kind)
        detail = redact(str(failure), self.secrets)
        status = failure.status or None
        if attempt > settings.retries:
            raise RemoteError(
                failure.kind, detail, method=method, url=url, attempts=attempt, status=status
            ) from None
        wait = self._backoff(attempt)
        if failure.wait is not None:
            if failure.wait > settings.max_retry_after:
                raise RemoteError(
                    "retry-after",
                    f"the server asks kwpld to wait {failure.wait:g} s before the next "
                    f"request (HTTP {failure.status}, Retry-After), longer than "
                    f"{settings.max_retry_after:g} s; run again later",
                    method=method,
                    url=url,
                    attempts=attempt,
                    status=status,
                ) from None
            wait = max(wait, failure.wait)
        if self._log is not None:
            self._log(
                f"  {detail.split(': ')[0]}; retrying in {wait:.1f} s "
                f"(attempt {attempt + 1} of {settings.retries + 1})"
            )
        self.stats.retries += 1
        return wait

    def _learn_secrets(self, url: str) -> None:
        """A password in a URL's user-info is a secret too: never echo it back."""
        parts = urlsplit(url)
        if parts.password:
            pair = Credentials(unquote(parts.username or ""), unquote(parts.password))
            self.secrets = tuple(dict.fromkeys([*self.secrets, *pair.secrets()]))

    def _backoff(self, attempt: int) -> float:
        settings = self.settings
        delay = min(settings.backoff * 2.0 ** (attempt - 1), settings.max_backoff)
        return delay * (1.0 - settings.jitter * self._random())

    def _count(self, kind: str) -> None:
        self.stats.failures[kind] = self.stats.failures.get(kind, 0) + 1

    def _throttle(self) -> None:
        interval = self.settings.min_interval
        if self._last_start is not None and interval > 0:
            wait = self._last_start + interval - self._clock()
            if wait > 0:
                self._wait(wait)
        self._last_start = self._clock()

    def _wait(self, seconds: float) -> None:
        self.stats.waited += seconds
        self._sleep(seconds)

    # -- one attempt: redirects followed under one deadline ---------------------------------------
    def _attempt(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        data: Body,
        headers: Mapping[str, str] | None,
        sink: IO[bytes] | None,
        max_body: int | None,
    ) -> HttpResponse:
        settings = self.settings
        origin = _origin(url)
        visited: list[str] = []
        with _Deadline(settings.timeout) as deadline:
            while True:
                auth = self.auth if _origin(url) == origin else None
                response = self._send(method, url, params, data, headers, auth, deadline)
                try:
                    if (
                        response.status_code == 401
                        and auth is None
                        and _origin(url) == origin
                        and self._answer_challenge(response)
                    ):
                        continue  # the challenge chose a scheme: send again with it
                    location = response.headers.get("Location")
                    if response.status_code in _REDIRECTS and location:
                        target = self._redirect(method, url, response, location, visited)
                        response.close()
                        url, params = target, None
                        continue
                    status = response.status_code
                    limit = _ERROR_BODY if status >= 400 else (max_body or settings.max_body)
                    body = self._read(
                        method, response, limit, sink if status < 300 else None, deadline
                    )
                finally:
                    response.close()
                return HttpResponse(
                    status,
                    response.reason or "",
                    response.headers,
                    body,
                    response.url,
                    secrets=self.secrets,
                )

    def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        data: Body,
        headers: Mapping[str, str] | None,
        auth: AuthBase | None,
        deadline: _Deadline,
    ) -> requests.Response:
        remaining = deadline.remaining()
        if remaining <= 0:
            raise _Transient("timeout", f"no complete answer within {deadline.seconds:g} s")
        self.stats.requests += 1
        try:
            return self.session.request(
                method,
                url,
                params=params,
                data=data() if callable(data) else data,
                headers=headers,
                auth=auth,
                timeout=(min(self.settings.connect_timeout, remaining), remaining),
                allow_redirects=False,
                stream=True,
            )
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
            ValueError,
        ) as exc:
            raise _Final("bad-url", f"not a URL kwpld can request ({exc})") from None
        except requests.RequestException as exc:
            raise self._transport_failure(exc, deadline) from None

    def _transport_failure(self, exc: Exception, deadline: _Deadline) -> _Transient:
        if deadline.expired or isinstance(exc, requests.Timeout):
            return _Transient("timeout", f"no complete answer within {deadline.seconds:g} s")
        return _Transient("connection", _connection_reason(exc))

    def _redirect(
        self,
        method: str,
        url: str,
        response: requests.Response,
        location: str,
        visited: list[str],
    ) -> str:
        status = response.status_code
        visited.append(response.url or url)
        try:
            target = urljoin(response.url or url, location)
            parts = urlsplit(target)
            parts.port  # noqa: B018 - raises ValueError for an unreadable port
        except ValueError:
            raise _Final(
                "redirect", f"HTTP {status} redirects to an unreadable address", status
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _Final(
                "redirect",
                f"HTTP {status} redirects to {_short(redact_url(target))}, "
                "which is not an http(s) address",
                status,
            )
        if method not in ("GET", "HEAD") and status not in (307, 308):
            raise _Final(
                "redirect",
                f"HTTP {status} redirects the {method} to {_short(redact_url(target))}, which "
                f"would turn it into a GET and drop its body",
                status,
            )
        if target in visited:
            chain = " -> ".join(_short(redact_url(u), 80) for u in [*visited, target])
            raise _Final("redirect", f"redirect loop: {chain}", status)
        if len(visited) > self.settings.max_redirects:
            chain = " -> ".join(_short(redact_url(u), 80) for u in [*visited, target])
            raise _Final(
                "redirect",
                f"more than {self.settings.max_redirects} redirects: {chain}",
                status,
            )
        return target

    def _read(
        self,
        method: str,
        response: requests.Response,
        limit: int,
        sink: IO[bytes] | None,
        deadline: _Deadline,
    ) -> bytes:
        """The body, streamed: stopped at ``limit`` bytes, checked against Content-Length."""
        status = response.status_code
        declared = _content_length(response.headers.get("Content-Length"))
        error_body = status >= 400
        if declared is not None and declared > limit and not error_body:
            raise _Final(
                "too-large",
                f"the answer is {declared:,} bytes (Content-Length), over the limit of "
                f"{limit:,} bytes",
                status,
            )
        parts: list[bytes] = []
        received = 0
        if sink is not None:  # a retry starts afresh: nothing of a broken attempt stays
            sink.seek(0)
            sink.truncate()
        try:
            for chunk in response.iter_content(_CHUNK):
                received += len(chunk)
                self.stats.bytes_received += len(chunk)
                if received > limit:
                    if error_body:  # enough for a message; the rest is not worth reading
                        parts.append(chunk[: len(chunk) - (received - limit)])
                        return b"".join(parts)
                    raise _Final(
                        "too-large",
                        f"the answer passed the limit of {limit:,} bytes; reading stopped",
                        status,
                    )
                if sink is not None:
                    _spool(sink, chunk)
                else:
                    parts.append(chunk)
        except requests.exceptions.ChunkedEncodingError as exc:
            if deadline.expired:
                raise _Transient(
                    "timeout", f"no complete answer within {deadline.seconds:g} s"
                ) from None
            raise _Transient(
                "truncated", _truncation(received + _partial(exc), declared, response)
            ) from None
        except requests.exceptions.ContentDecodingError as exc:
            raise _Transient(
                "malformed", f"the compressed answer cannot be unpacked ({exc})"
            ) from None
        except requests.RequestException as exc:
            raise self._transport_failure(exc, deadline) from None
        except OSError as exc:
            raise self._transport_failure(exc, deadline) from None
        if deadline.expired:
            raise _Transient("timeout", f"no complete answer within {deadline.seconds:g} s")
        identity = response.headers.get("Content-Encoding", "identity").lower() == "identity"
        if (
            declared is not None
            and identity
            and received < declared
            and method != "HEAD"
            and status not in (204, 304)
        ):
            raise _Transient("truncated", _truncation(received, declared, response))
        return b"".join(parts)


# -- helpers -------------------------------------------------------------------------------------


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # an unreadable port: compare the text
        return parts.scheme.lower(), parts.netloc.lower()
    return parts.scheme.lower(), f"{(parts.hostname or '').lower()}:{port or ''}"


def check_url(url: str) -> None:
    """Raise :class:`InputError` unless ``url`` is an http(s) URL with a host (and a port
    that is a number): a URL the user gave is bad input, not a remote failure."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for an unreadable port
    except ValueError as exc:
        raise InputError(f"{redact_url(url)!r} is not a URL kwpld can request ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{redact_url(url)!r} is not an http(s) URL with a host name")


def _content_length(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def _spool(sink: IO[bytes], chunk: bytes) -> None:
    try:
        sink.write(chunk)
    except OSError as exc:  # a full disk is no failure of the server's
        raise _Final(
            "local", f"cannot keep the answer in a temporary file: {exc.strerror or exc}"
        ) from None


def _partial(exc: Exception) -> int:
    """Bytes an IncompleteRead had read beyond what reached the caller (urllib3 says so)."""
    match = re.search(r"IncompleteRead\((\d+) bytes read", str(exc))
    return int(match.group(1)) if match else 0


def _truncation(received: int, declared: int | None, response: requests.Response) -> str:
    if declared is not None:
        return (
            f"the answer was truncated: {received:,} of the {declared:,} bytes announced "
            "(Content-Length) came before the connection closed"
        )
    if "chunked" in response.headers.get("Transfer-Encoding", "").lower():
        return (
            f"the answer was truncated: the chunked body ended without its last chunk, "
            f"after {received:,} bytes"
        )
    return f"the answer was truncated after {received:,} bytes"


def _connection_reason(exc: Exception) -> str:
    text = str(exc)
    for marker, reason in (
        ("Connection refused", "connection refused"),
        ("Name or service not known", "unknown host name"),
        ("nodename nor servname", "unknown host name"),
        ("Temporary failure in name resolution", "host name cannot be resolved"),
        ("No address associated", "host name cannot be resolved"),
        ("BadStatusLine", "the answer is not HTTP"),
        ("LineTooLong", "the answer's header lines are too long"),
        ("got more than 100 headers", "the answer has too many headers"),
        ("RemoteDisconnected", "the connection was closed without an answer"),
        ("Connection aborted", "the connection was closed without an answer"),
        ("Connection reset", "the connection was reset"),
        ("Network is unreachable", "the network is unreachable"),
        ("No route to host", "no route to the host"),
        ("CERTIFICATE_VERIFY_FAILED", "the server's TLS certificate cannot be verified"),
        ("SSLError", "the TLS handshake failed"),
    ):
        if marker in text:
            return reason
    return "network error"
