"""kwpld.link.client against a real SPARQL endpoint on 127.0.0.1, with faults injected."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from wikidata_endpoint import Fault, SparqlEndpoint

from kwpld.link.cache import CACHE_FILE, QueryCache
from kwpld.link.client import ClientSettings, EndpointError, SparqlClient, default_user_agent

QUERY = (
    "SELECT ?label WHERE { <http://www.wikidata.org/entity/Q56226> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"
)


@pytest.fixture(scope="module")
def endpoint():
    with SparqlEndpoint() as ep:
        yield ep


@pytest.fixture(autouse=True)
def _clean(endpoint: SparqlEndpoint):
    endpoint.reset()
    yield
    endpoint.reset()


def client(
    endpoint: SparqlEndpoint, tmp_path: Path | None = None, **settings: object
) -> SparqlClient:
    defaults: dict[str, object] = {"min_interval": 0.0, "backoff": 0.01, "timeout": 2.0}
    defaults.update(settings)
    return SparqlClient(
        ClientSettings(endpoint=endpoint.url, cache_dir=tmp_path, **defaults)  # type: ignore[arg-type]
    )


def labels(rows) -> set[str]:
    return {row["label"].value for row in rows}


def test_select_returns_typed_terms_from_the_endpoint(endpoint):
    rows = client(endpoint).select(QUERY)
    assert "Kim Jong Un" in labels(rows)
    korean = [row["label"] for row in rows if row["label"].lang == "ko"]
    assert korean[0].value == "김정은" and korean[0].kind == "literal"


def test_user_agent_names_kwpld_and_the_contact(endpoint):
    client(endpoint, contact="scholar@example.org").select(QUERY)
    agent = endpoint.requests[-1].user_agent
    assert agent == default_user_agent("scholar@example.org")
    assert agent.startswith(
        "kwpld/0.1.0 (https://w3id.org/kwpld; scholar@example.org) python-requests/"
    )


def test_user_agent_can_be_replaced(endpoint):
    client(endpoint, user_agent="my-project/1.0 (me@example.org)").select(QUERY)
    assert endpoint.requests[-1].user_agent == "my-project/1.0 (me@example.org)"


def test_long_queries_are_posted_short_ones_sent_with_get(endpoint):
    sparql = client(endpoint, post_above=200)
    sparql.select(QUERY)
    padded = QUERY.replace("SELECT", "# " + "x" * 300 + "\nSELECT")
    sparql.select(padded, cache=False)
    assert [r.method for r in endpoint.requests] == ["GET", "POST"]
    assert endpoint.requests[1].query == padded


def test_429_waits_as_long_as_retry_after_says(endpoint):
    endpoint.inject(Fault.error(429, retry_after="1"))
    sparql = client(endpoint)
    start = time.monotonic()
    rows = sparql.select(QUERY)
    assert "Kim Jong Un" in labels(rows)
    assert time.monotonic() - start >= 1.0
    assert sparql.stats.requests == 2 and sparql.stats.failures == {"rate-limited": 1}
    assert sparql.stats.waited >= 1.0


def test_a_retry_after_longer_than_allowed_stops_with_a_message(endpoint):
    endpoint.inject(Fault.error(429, retry_after="3600"))
    with pytest.raises(EndpointError, match="asks kwpld to wait 3600 s"):
        client(endpoint, max_retry_after=60).select(QUERY)
    assert len(endpoint.requests) == 1


@pytest.mark.parametrize(
    "fault",
    [
        Fault.error(500),
        Fault.error(502),
        Fault.error(503),
        Fault.truncated(),
        Fault.malformed(),
        Fault.html(),
        Fault.drop(),
    ],
    ids=["500", "502", "503", "truncated", "malformed", "html", "dropped"],
)
def test_transient_faults_are_retried_until_an_answer_comes(endpoint, fault):
    endpoint.inject(fault, fault)
    sparql = client(endpoint)
    assert "Kim Jong Un" in labels(sparql.select(QUERY))
    assert sparql.stats.requests == 3 and sparql.stats.retries == 2


def test_a_slow_answer_times_out_and_the_retry_succeeds(endpoint):
    endpoint.inject(Fault.slow(2.0))
    sparql = client(endpoint, timeout=0.3)
    assert "Kim Jong Un" in labels(sparql.select(QUERY))
    assert sparql.stats.failures == {"timeout": 1}


def test_backoff_doubles_between_retries(endpoint):
    endpoint.inject(Fault.error(500), Fault.error(500), Fault.error(500))
    waits: list[float] = []
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url, min_interval=0, backoff=0.5), sleep=waits.append
    )
    sparql.select(QUERY)
    assert waits == [0.5, 1.0, 2.0]


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (
            Fault.error(500),
            r"failed on the query: HTTP 500: fault injected: HTTP 500 \(3 attempts\)",
        ),
        (Fault.slow(1.0), r"did not answer the query within 0.2 s \(3 attempts\)"),
        (Fault.truncated(), r"sent a broken answer to the query: the answer is not valid JSON"),
        (Fault.error(429), r"kept refusing requests as too many \(HTTP 429, 3 attempts\)"),
    ],
    ids=["500", "timeout", "truncated", "429"],
)
def test_a_fault_that_persists_ends_in_a_clear_message(endpoint, fault, message):
    endpoint.always = fault
    with pytest.raises(EndpointError, match=message) as caught:
        client(endpoint, retries=2, timeout=0.2).select(QUERY)
    rendered = caught.value.render()
    assert rendered.startswith("kwpld: the SPARQL endpoint http://127.0.0.1:")
    assert "Nothing already accepted is lost" in rendered
    assert caught.value.exit_code == 3


def test_an_endpoint_that_is_down_is_named_with_what_to_do():
    sparql = SparqlClient(
        ClientSettings(
            endpoint="http://127.0.0.1:9/sparql", min_interval=0, backoff=0.01, retries=1
        )
    )
    with pytest.raises(
        EndpointError,
        match=r"cannot reach the SPARQL endpoint .*connection refused; 2 attempts.*--offline",
    ):
        sparql.select(QUERY)


def test_a_rejected_query_is_not_retried_and_the_servers_reason_is_shown(endpoint):
    with pytest.raises(
        EndpointError, match=r"refused the query: HTTP 400 Bad Request: query syntax error"
    ):
        client(endpoint).select("SELECT WHERE {")
    assert len(endpoint.requests) == 1


def test_a_wrong_endpoint_path_says_so(endpoint):
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url.replace("/sparql", "/nothing"), min_interval=0)
    )
    with pytest.raises(
        EndpointError, match="HTTP 404 Not Found: is .* the SPARQL endpoint's address"
    ):
        sparql.select(QUERY)


def test_requests_are_spaced_by_the_minimum_interval(endpoint):
    waits: list[float] = []
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url, min_interval=5.0), sleep=waits.append
    )
    sparql.select(QUERY, cache=False)
    sparql.select(QUERY, cache=False)
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


def test_answers_are_cached_on_disk_and_reused_without_requests(endpoint, tmp_path):
    first = client(endpoint, tmp_path).select(QUERY)
    again = client(endpoint, tmp_path)
    assert again.select(QUERY) == first
    assert len(endpoint.requests) == 1
    assert again.stats.requests == 0 and again.stats.cache_hits == 1


def test_offline_answers_from_the_cache_and_refuses_what_is_not_there(endpoint, tmp_path):
    client(endpoint, tmp_path).select(QUERY)
    offline = client(endpoint, tmp_path, offline=True)
    assert "Kim Jong Un" in labels(offline.select(QUERY))
    with pytest.raises(
        EndpointError, match="working offline, but the answer to the query is not in the cache"
    ):
        offline.select(QUERY.replace("Q56226", "Q41117"))
    assert len(endpoint.requests) == 1


def test_refresh_asks_again_and_updates_the_cache(endpoint, tmp_path):
    client(endpoint, tmp_path).select(QUERY)
    client(endpoint, tmp_path, refresh=True).select(QUERY)
    assert len(endpoint.requests) == 2


def test_a_damaged_cache_is_set_aside_and_the_question_asked_again(endpoint, tmp_path):
    client(endpoint, tmp_path).select(QUERY)
    (tmp_path / CACHE_FILE).write_bytes(b"this is no database" * 100)
    assert "Kim Jong Un" in labels(client(endpoint, tmp_path).select(QUERY))
    assert len(endpoint.requests) == 2
    assert list(tmp_path.glob(f"{CACHE_FILE}.damaged-*"))
    assert len(QueryCache(tmp_path)) == 1


def test_a_broken_answer_is_never_cached(endpoint, tmp_path):
    endpoint.always = Fault.malformed()
    with pytest.raises(EndpointError):
        client(endpoint, tmp_path, retries=1).select(QUERY)
    assert len(QueryCache(tmp_path)) == 0
