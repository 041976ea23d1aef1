"""A polite SPARQL 1.1 Protocol client for the Wikidata Query Service and its stand-ins.

Speaks HTTP through kwpld's one HTTP layer (:mod:`kwpld.http`: a total deadline per request,
retries with backoff and jitter, ``Retry-After`` in both forms, redirect and size limits,
credentials redacted) and adds the WDQS etiquette: a descriptive User-Agent with contact
details; one request at a time with a minimum interval between requests; POST for long queries;
answers checked to be SPARQL JSON results that answer the query asked; and an on-disk cache, so
that a second run makes no requests. Every way the endpoint can fail ends in an
:class:`EndpointError` whose message says what happened and what to do, never in a traceback.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit, urlunsplit

from requests.__version__ import __version__ as requests_version

from ..__about__ import __version__
from ..errors import KwpldError
from ..http import (
    BrokenAnswer,
    HttpClient,
    HttpResponse,
    HttpSettings,
    HttpStats,
    RemoteError,
    redact_url,
)
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
    return f"kwpld/{__version__} ({who}) python-requests/{requests_version}"


@dataclass
class ClientSettings:
    """How to talk to the endpoint; the defaults follow the WDQS etiquette."""

    endpoint: str = WDQS_ENDPOINT
    user_agent: str | None = None
    """The whole User-Agent header; by default kwpld's name, version, URL and ``contact``."""
    contact: str | None = None
    """An e-mail address or URL where the endpoint's operators can reach whoever runs kwpld."""
    timeout: float = 65.0
    """Seconds for one request, all of it: connecting, redirects and the whole answer (WDQS
    stops queries at 60 s). A server dripping its answer is cut off at this deadline."""
    min_interval: float = 1.0
    """Seconds between the starts of two requests (one request at a time, always)."""
    retries: int = 4
    """Further attempts after a failed one (5xx, 429, timeout, truncated or broken answer)."""
    backoff: float = 2.0
    """Seconds to wait before the first retry; doubled for each further one."""
    max_backoff: float = 120.0
    jitter: float = 0.25
    """Each backoff is shortened by up to this fraction, at random."""
    max_retry_after: float = 900.0
    """Stop, rather than wait, when the endpoint asks for a longer pause than this."""
    max_redirects: int = 5
    max_answer: int = 64 << 20
    """Bytes of one answer at most (kwpld's batched queries get a few MB from WDQS)."""
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

    def http(self) -> HttpSettings:
        """The settings of the HTTP layer under this client."""
        return HttpSettings(
            user_agent=self.agent,
            timeout=self.timeout,
            connect_timeout=min(10.0, self.timeout),
            retries=self.retries,
            backoff=self.backoff,
            max_backoff=self.max_backoff,
            jitter=self.jitter,
            max_retry_after=self.max_retry_after,
            max_redirects=self.max_redirects,
            max_body=self.max_answer,
            min_interval=self.min_interval,
        )


@dataclass
class ClientStats(HttpStats):
    """Requests, retries, waits and failures (from the HTTP layer), and the cache's share."""

    queries: int = 0
    """SPARQL queries needed (each answered from the cache or by the endpoint)."""
    cache_hits: int = 0
    """Answers found in the cache (one per question: a search term, an item, a class)."""


class SparqlClient:
    """Sends SELECT queries, one at a time, and returns their rows."""

    def __init__(
        self,
        settings: ClientSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings or ClientSettings()
        self.stats = ClientStats()
        self.cache = (
            QueryCache(self.settings.cache_dir, self.settings.cache_max_age)
            if self.settings.cache_dir
            else None
        )
        self.http = HttpClient(
            self.settings.http(),
            stats=self.stats,
            sleep=sleep,
            clock=clock,
            now=now,
            rand=rand,
        )
        self._lock = threading.Lock()
        # Answers are kept under the endpoint without user-info: no password in the cache file.
        parts = urlsplit(self.settings.endpoint)
        host = parts.netloc.rpartition("@")[2]
        self._cache_endpoint = urlunsplit(parts._replace(netloc=host))

    @property
    def endpoint(self) -> str:
        """The endpoint's address as messages show it (no user-info, no secrets)."""
        return redact_url(self.settings.endpoint)

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
                return dict(cached)
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
        value = self.cache.get(self._cache_endpoint, kind, key)
        if value is not None:
            self.stats.cache_hits += 1
        return value

    def cached_many(self, kind: str, keys: list[str]) -> dict[str, Any]:
        """Cached answers to several questions at once (none with ``refresh``)."""
        if self.cache is None or self.settings.refresh:
            return {}
        found = self.cache.get_many(self._cache_endpoint, kind, keys)
        self.stats.cache_hits += len(found)
        return found

    def remember(self, kind: str, key: str, value: Any) -> None:
        self.remember_many(kind, [(key, value)])

    def remember_many(self, kind: str, answers: list[tuple[str, Any]]) -> None:
        """Keep the answers to one batch of questions, all at once."""
        if self.cache is not None:
            self.cache.put_many(self._cache_endpoint, kind, answers)

    def require_online(self, purpose: str) -> None:
        """Raise when working offline: the answer to ``purpose`` is not in the cache."""
        if self.settings.offline:
            where = self.cache.root if self.cache else "no cache folder"
            raise EndpointError(
                f"working offline, but the answer to the {purpose} is not in the cache ({where}); "
                "run once with the endpoint reachable, without --offline"
            )

    # -- one query ---------------------------------------------------------------------------------
    def _fetch(self, query: str, purpose: str) -> dict[str, Any]:
        """The endpoint's answer to ``query``: SPARQL JSON results that answer it.

        An answer that is not JSON, not SPARQL results, or that binds none of the query's
        variables is broken and asked again; it never reaches a caller, so it is never cached
        (an empty answer from a misconfigured endpoint once stuck in the cache until
        ``--refresh``, as if no item matched).
        """
        settings = self.settings
        variables = projected_variables(query)
        answer: dict[str, Any] = {}

        def check(response: HttpResponse) -> None:
            if response.status != 200:
                return  # judged below, not retried
            answer.clear()
            answer.update(_parse(response, variables))

        try:
            if len(query) > settings.post_above:
                response = self.http.request(
                    "POST", settings.endpoint, data={"query": query}, headers=_ACCEPT, check=check
                )
            else:
                response = self.http.request(
                    "GET", settings.endpoint, params={"query": query}, headers=_ACCEPT, check=check
                )
        except RemoteError as failure:
            raise EndpointError(self._give_up(failure, purpose)) from None
        if response.status != 200:
            self.stats.failures["rejected"] = self.stats.failures.get("rejected", 0) + 1
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} refused the {purpose}: "
                + _rejection(response, settings)
            )
        return answer

    def _give_up(self, failure: RemoteError, purpose: str) -> str:
        endpoint = self.endpoint
        attempts = failure.attempts
        tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
        detail = failure.detail
        kind = failure.kind
        if kind == "connection":
            return (
                f"cannot reach the SPARQL endpoint {endpoint} ({detail}; {tries}); check the "
                "address (--endpoint) and the network, or use --offline to work from the cache"
            )
        if kind == "timeout":
            return (
                f"the SPARQL endpoint {endpoint} did not answer the {purpose} within "
                f"{self.settings.timeout:g} s ({tries}); it may be overloaded: run again later, "
                "or raise --timeout"
            )
        if kind == "rate-limited":
            return (
                f"the SPARQL endpoint {endpoint} kept refusing requests as too many (HTTP 429, "
                f"{tries}); run again later"
            )
        if kind == "retry-after":
            return f"the SPARQL endpoint {endpoint} {detail.removeprefix('the server ')}"
        if kind == "server":
            return f"the SPARQL endpoint {endpoint} failed on the {purpose}: {detail} ({tries})"
        if kind == "truncated":
            return (
                f"the SPARQL endpoint {endpoint} sent a truncated answer to the {purpose}: "
                f"{detail} ({tries}); run again later"
            )
        if kind == "too-large":
            return (
                f"the SPARQL endpoint {endpoint} sent too large an answer to the {purpose}: "
                f"{detail} (ClientSettings.max_answer)"
            )
        if kind == "redirect":
            return (
                f"the SPARQL endpoint {endpoint} answered the {purpose} with a redirect kwpld "
                f"does not follow: {detail}; check the address (--endpoint), or give the one "
                "it names"
            )
        return (
            f"the SPARQL endpoint {endpoint} sent a broken answer to the {purpose}: "
            f"{detail} ({tries})"
        )


# -- helpers --------------------------------------------------------------------------------------

_ACCEPT = {"Accept": "application/sparql-results+json"}
_COMMENT = re.compile(r"(?m)(?:^|(?<=\s))#[^\n]*")
_PROJECTION = re.compile(
    r"(?is)\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)(?:\bWHERE\b|\bFROM\b|\{)"
)
_GROUP = re.compile(r"\([^()]*\)")
_AS_VAR = re.compile(r"(?i)\bAS\s+[?$](\w+)")
_VAR = re.compile(r"[?$](\w+)")


def projected_variables(query: str) -> frozenset[str] | None:
    """The variables a SELECT query projects, or None when it cannot tell (``SELECT *``)."""
    match = _PROJECTION.search(_COMMENT.sub(" ", query))
    if match is None:
        return None
    projection = match.group(1)
    names = set(_AS_VAR.findall(projection))
    while _GROUP.search(projection):  # drop (expression AS ?var), innermost first
        projection = _GROUP.sub(" ", projection)
    names.update(_VAR.findall(projection))
    return frozenset(names) or None


def _parse(response: HttpResponse, variables: frozenset[str] | None) -> dict[str, Any]:
    """The SPARQL JSON results of a 200 answer; :class:`BrokenAnswer` when they are not."""
    if "json" not in response.media_type:
        raise BrokenAnswer(
            f"the answer is {response.media_type or 'untyped'}, not SPARQL JSON results"
        )
    try:
        results = json.loads(response.body)
    except ValueError as exc:
        raise BrokenAnswer(f"the answer is not valid JSON ({exc})") from None
    problem = _shape_problem(results) or _binding_problem(results, variables)
    if problem:
        raise BrokenAnswer(problem)
    return dict(results)


def _binding_problem(results: dict[str, Any], variables: frozenset[str] | None) -> str | None:
    """Why an answer does not answer the query: it binds none of the query's variables.

    Rows that bind none of them (``[{}]``, or other variables) come from a broken or
    misconfigured endpoint; so does an empty answer whose ``head.vars`` names none of them. A
    genuinely empty answer names the query's variables in its head, and is kept.
    """
    head_vars = {v for v in results["head"].get("vars") or () if isinstance(v, str)}
    wanted = variables if variables is not None else frozenset(head_vars)
    if not wanted:
        return None
    names = ", ".join(f"?{v}" for v in sorted(wanted))
    bindings = results["results"]["bindings"]
    if bindings:
        if not any(wanted & binding.keys() for binding in bindings):
            return f"no row of the answer binds any of the query's variables ({names})"
        return None
    if variables is not None and not wanted & head_vars:
        return (
            f"the answer names none of the query's variables ({names}) in head.vars; it does "
            "not answer this query"
        )
    return None


def _rejection(response: HttpResponse, settings: ClientSettings) -> str:
    status = response.status
    text = response.excerpt(400 if status == 400 else 200)
    said = f": {text}" if text else ""
    if status == 403:
        return (
            f"HTTP 403 Forbidden{said}. Wikimedia blocks clients without a descriptive "
            f"User-Agent: set --contact (now: {settings.agent!r})"
        )
    if status == 404:
        return (
            f"HTTP 404 Not Found: is {redact_url(settings.endpoint)} the SPARQL endpoint's address?"
        )
    if status == 400:
        return (
            f"HTTP 400 Bad Request{said}. kwpld sends standard SPARQL 1.1; an "
            "endpoint that rejects it may not support VALUES or property paths"
        )
    if status in (401, 407) and urlsplit(settings.endpoint).username:
        return (
            f"HTTP {status} {response.reason}: the endpoint refused the user name and password "
            "in the endpoint URL (--endpoint); check them"
        )
    if status in (401, 407):
        return (
            f"HTTP {status} {response.reason}: the endpoint asks for credentials, and kwpld link "
            "reads none from the environment; use an endpoint open for reading (a local copy), "
            "or put them in the URL (https://USER:PASSWORD@host/sparql; never printed)"
        )
    return f"HTTP {status} {response.reason}{said}"


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
