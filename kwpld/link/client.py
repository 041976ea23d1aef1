"""A polite SPARQL 1.1 Protocol client for the Wikidata Query Service and its stand-ins.

Built on ``requests`` and on the WDQS etiquette: a descriptive User-Agent with contact
details; one request at a time with a minimum interval between requests; HTTP 429 answered by
waiting ``Retry-After``; backoff and retries on 5xx, timeouts, dropped connections and broken
answers; POST for long queries; and an on-disk cache, so that a second run makes no requests.
Every way the endpoint can fail ends in an :class:`EndpointError` whose message says what
happened and what to do, never in a traceback.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import requests

from ..__about__ import __version__
from ..errors import KwpldError
from .cache import QueryCache

__all__ = [
    "WDQS_ENDPOINT",
    "ClientSettings",
    "ClientStats",
    "EndpointError",
    "SparqlClient",
    "Term",
    "Row",
    "encode_row",
    "decode_row",
    "default_user_agent",
]

WDQS_ENDPOINT = "https://query.wikidata.org/sparql"
PROJECT_URL = "https://w3id.org/kwpld"
_RETRY_STATUSES = {500, 502, 503, 504}


class EndpointError(KwpldError):
    """The SPARQL endpoint failed, timed out, refused the query or cannot be reached.

    Exit code 3: not bad input, but a run that could not finish. Decisions already recorded
    are saved before any request is made, so nothing is lost; run again later.
    """

    exit_code = 3

    def render(self) -> str:
        return (
            f"kwpld: {self}\nNothing already accepted is lost; answers received so far are "
            "cached, so running the same command again resumes where this run stopped."
        )


class Term(NamedTuple):
    """One RDF term of a SPARQL JSON result: ``kind`` is uri, literal or bnode."""

    kind: str
    value: str
    lang: str | None = None
    datatype: str | None = None


Row = dict[str, Term]


def encode_row(row: Row) -> dict[str, list[str | None]]:
    """A row as plain JSON, for the cache."""
    return {var: list(term) for var, term in row.items()}


def decode_row(data: dict[str, list[str | None]]) -> Row:
    return {var: Term(*values) for var, values in data.items()}  # type: ignore[arg-type]


def default_user_agent(contact: str | None = None) -> str:
    """``kwpld/0.1.0 (https://w3id.org/kwpld; contact) python-requests/2.x``, per Wikimedia."""
    who = f"{PROJECT_URL}; {contact}" if contact else PROJECT_URL
    return f"kwpld/{__version__} ({who}) python-requests/{requests.__version__}"


@dataclass
class ClientSettings:
    """How to talk to the endpoint; the defaults follow the WDQS etiquette."""

    endpoint: str = WDQS_ENDPOINT
    user_agent: str | None = None
    """The whole User-Agent header; by default kwpld's name, version, URL and ``contact``."""
    contact: str | None = None
    """An e-mail address or URL where the endpoint's operators can reach whoever runs kwpld."""
    timeout: float = 65.0
    """Seconds to wait for an answer (WDQS stops queries at 60 s)."""
    min_interval: float = 1.0
    """Seconds between the starts of two requests (one request at a time, always)."""
    retries: int = 4
    """Further attempts after a failed one (5xx, 429, timeout, broken answer)."""
    backoff: float = 2.0
    """Seconds to wait before the first retry; doubled for each further one."""
    max_backoff: float = 120.0
    max_retry_after: float = 900.0
    """Stop, rather than wait, when the endpoint asks for a longer pause than this."""
    post_above: int = 1500
    """Queries longer than this many characters are sent with POST."""
    cache_dir: Path | None = None
    cache_max_age: float | None = None
    """Seconds after which a cached answer is asked again (None: never)."""
    offline: bool = False
    """Answer only from the cache; a query that is not cached is an error."""
    refresh: bool = False
    """Ask the endpoint even when the cache has the answer (and update the cache)."""

    @property
    def agent(self) -> str:
        return self.user_agent or default_user_agent(self.contact)


@dataclass
class ClientStats:
    queries: int = 0
    """SPARQL queries needed (each answered from the cache or by the endpoint)."""
    cache_hits: int = 0
    """Answers found in the cache (one per question: a search term, an item, a class)."""
    requests: int = 0
    """HTTP requests sent, retries included."""
    retries: int = 0
    waited: float = 0.0
    """Seconds spent waiting (rate limit, backoff, Retry-After)."""
    bytes_received: int = 0
    failures: dict[str, int] = field(default_factory=dict)


class _Failure(Exception):
    def __init__(self, kind: str, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.wait = wait


class SparqlClient:
    """Sends SELECT queries, one at a time, and returns their rows."""

    def __init__(
        self,
        settings: ClientSettings | None = None,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or ClientSettings()
        self.stats = ClientStats()
        self.cache = (
            QueryCache(self.settings.cache_dir, self.settings.cache_max_age)
            if self.settings.cache_dir
            else None
        )
        self._session = session or requests.Session()
        self._session.headers.update(
            {"User-Agent": self.settings.agent, "Accept": "application/sparql-results+json"}
        )
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._last_start: float | None = None

    # -- public ------------------------------------------------------------------------------------
    def select(self, query: str, *, purpose: str = "query", cache: bool = True) -> list[Row]:
        """Rows of a SELECT query; ``purpose`` names the query in error messages.

        With ``cache``, the answer is kept under the exact query text; callers that batch
        questions keep answers per question instead (:meth:`cached`, :meth:`remember`).
        """
        return _rows(self.select_json(query, purpose=purpose, cache=cache))

    def select_json(
        self, query: str, *, purpose: str = "query", cache: bool = True
    ) -> dict[str, Any]:
        self.stats.queries += 1
        if cache:
            cached = self.cached("query", query)
            if cached is not None:
                return cached
        self.require_online(purpose)
        with self._lock:  # one request at a time, whatever the caller does
            results = self._fetch(query, purpose)
        if cache:
            self.remember("query", query, results)
        return results

    def cached(self, kind: str, key: str) -> Any | None:
        """A cached answer to one question (None when absent, or with ``refresh``)."""
        if self.cache is None or self.settings.refresh:
            return None
        value = self.cache.get(self.settings.endpoint, kind, key)
        if value is not None:
            self.stats.cache_hits += 1
        return value

    def cached_many(self, kind: str, keys: list[str]) -> dict[str, Any]:
        """Cached answers to several questions at once (none with ``refresh``)."""
        if self.cache is None or self.settings.refresh:
            return {}
        found = self.cache.get_many(self.settings.endpoint, kind, keys)
        self.stats.cache_hits += len(found)
        return found

    def remember(self, kind: str, key: str, value: Any) -> None:
        self.remember_many(kind, [(key, value)])

    def remember_many(self, kind: str, answers: list[tuple[str, Any]]) -> None:
        """Keep the answers to one batch of questions, all at once."""
        if self.cache is not None:
            self.cache.put_many(self.settings.endpoint, kind, answers)

    def require_online(self, purpose: str) -> None:
        """Raise when working offline: the answer to ``purpose`` is not in the cache."""
        if self.settings.offline:
            where = self.cache.root if self.cache else "no cache folder"
            raise EndpointError(
                f"working offline, but the answer to the {purpose} is not in the cache ({where}); "
                "run once with the endpoint reachable, without --offline"
            )

    # -- the request loop --------------------------------------------------------------------------
    def _fetch(self, query: str, purpose: str) -> dict[str, Any]:
        settings = self.settings
        attempts = 0
        while True:
            attempts += 1
            self._throttle()
            try:
                return self._attempt(query)
            except _Failure as failure:
                self.stats.failures[failure.kind] = self.stats.failures.get(failure.kind, 0) + 1
                if failure.kind == "rejected" or attempts > settings.retries:
                    raise EndpointError(self._give_up(failure, attempts, purpose)) from None
                wait = failure.wait
                if wait is None:
                    wait = min(settings.backoff * 2 ** (attempts - 1), settings.max_backoff)
                if wait > settings.max_retry_after:
                    raise EndpointError(
                        f"the SPARQL endpoint {settings.endpoint} asks kwpld to wait {wait:g} s "
                        f"before the next request (HTTP 429, Retry-After), longer than "
                        f"{settings.max_retry_after:g} s; run again later"
                    ) from None
                self.stats.retries += 1
                self._wait(wait)

    def _attempt(self, query: str) -> dict[str, Any]:
        settings = self.settings
        self.stats.requests += 1
        timeout = (min(10.0, settings.timeout), settings.timeout)
        try:
            if len(query) > settings.post_above:
                response = self._session.post(
                    settings.endpoint, data={"query": query}, timeout=timeout
                )
            else:
                response = self._session.get(
                    settings.endpoint, params={"query": query}, timeout=timeout
                )
            body = response.content
        except requests.Timeout:
            raise _Failure("timeout", f"no answer within {settings.timeout:g} s") from None
        except requests.ConnectionError as exc:
            raise _Failure("connection", _connection_reason(exc)) from None
        except requests.RequestException as exc:
            raise _Failure("connection", str(exc)) from None
        self.stats.bytes_received += len(body)
        status = response.status_code
        if status == 429:
            wait = _retry_after(response.headers.get("Retry-After"))
            raise _Failure("rate-limited", "HTTP 429 Too Many Requests", wait)
        if status in _RETRY_STATUSES:
            wait = _retry_after(response.headers.get("Retry-After"))
            raise _Failure("server", f"HTTP {status}{_excerpt(body)}", wait)
        if status != 200:
            raise _Failure("rejected", _rejection(status, body, settings))
        ctype = response.headers.get("Content-Type", "")
        if "json" not in ctype:
            raise _Failure(
                "malformed", f"the answer is {ctype or 'untyped'}, not SPARQL JSON results"
            )
        try:
            results = json.loads(body)
        except ValueError as exc:
            raise _Failure("malformed", f"the answer is not valid JSON ({exc})") from None
        problem = _shape_problem(results)
        if problem:
            raise _Failure("malformed", problem)
        return results

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

    def _give_up(self, failure: _Failure, attempts: int, purpose: str) -> str:
        endpoint = self.settings.endpoint
        tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
        if failure.kind == "rejected":
            return f"the SPARQL endpoint {endpoint} refused the {purpose}: {failure}"
        if failure.kind == "connection":
            return (
                f"cannot reach the SPARQL endpoint {endpoint} ({failure}; {tries}); check the "
                "address (--endpoint) and the network, or use --offline to work from the cache"
            )
        if failure.kind == "timeout":
            return (
                f"the SPARQL endpoint {endpoint} did not answer the {purpose} within "
                f"{self.settings.timeout:g} s ({tries}); it may be overloaded: run again later, "
                "or raise --timeout"
            )
        if failure.kind == "rate-limited":
            return (
                f"the SPARQL endpoint {endpoint} kept refusing requests as too many (HTTP 429, "
                f"{tries}); run again later"
            )
        if failure.kind == "server":
            return f"the SPARQL endpoint {endpoint} failed on the {purpose}: {failure} ({tries})"
        return (
            f"the SPARQL endpoint {endpoint} sent a broken answer to the {purpose}: "
            f"{failure} ({tries})"
        )


# -- helpers --------------------------------------------------------------------------------------


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _excerpt(body: bytes, limit: int = 200) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    if not text:
        return ""
    return f": {text[:limit]}{'...' if len(text) > limit else ''}"


def _rejection(status: int, body: bytes, settings: ClientSettings) -> str:
    if status == 403:
        return (
            f"HTTP 403 Forbidden{_excerpt(body)}. Wikimedia blocks clients without a descriptive "
            f"User-Agent: set --contact (now: {settings.agent!r})"
        )
    if status == 404:
        return f"HTTP 404 Not Found: is {settings.endpoint} the SPARQL endpoint's address?"
    if status == 400:
        return (
            f"HTTP 400 Bad Request{_excerpt(body, 400)}. kwpld sends standard SPARQL 1.1; an "
            "endpoint that rejects it may not support VALUES or property paths"
        )
    return f"HTTP {status}{_excerpt(body)}"


def _connection_reason(exc: requests.ConnectionError) -> str:
    text = str(exc)
    for marker, reason in (
        ("Connection refused", "connection refused"),
        ("Name or service not known", "unknown host name"),
        ("nodename nor servname", "unknown host name"),
        ("Temporary failure in name resolution", "host name cannot be resolved"),
        ("RemoteDisconnected", "the connection was closed without an answer"),
        ("Connection aborted", "the connection was closed without an answer"),
        ("Connection reset", "the connection was reset"),
    ):
        if marker in text:
            return reason
    return "network error"


def _shape_problem(results: object) -> str | None:
    """Why ``results`` is not SPARQL 1.1 JSON SELECT results, or None."""
    if not isinstance(results, dict):
        return "the JSON answer is not an object"
    head, body = results.get("head"), results.get("results")
    if not isinstance(head, dict) or not isinstance(head.get("vars", []), list):
        return "the JSON answer has no head.vars"
    if not isinstance(body, dict) or not isinstance(body.get("bindings"), list):
        return "the JSON answer has no results.bindings"
    for binding in body["bindings"]:
        if not isinstance(binding, dict) or not all(
            isinstance(t, dict) and isinstance(t.get("value"), str) and "type" in t
            for t in binding.values()
        ):
            return "a binding of the JSON answer is not a map of RDF terms"
    return None


def _rows(results: dict[str, Any]) -> list[Row]:
    rows = []
    for binding in results["results"]["bindings"]:
        row = {}
        for var, term in binding.items():
            kind = term["type"]
            if kind == "typed-literal":  # SPARQL JSON of 2007, still sent by some servers
                kind = "literal"
            row[var] = Term(kind, term["value"], term.get("xml:lang"), term.get("datatype"))
        rows.append(row)
    return rows
