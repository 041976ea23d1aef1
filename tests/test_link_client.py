"""kwpld.link.client against a real SPARQL endpoint on 127.0.0.1, with faults injected."""

from __future__ import annotations

import base64
import email.utils
import re
import shutil
import time
from pathlib import Path

import pytest
from wikidata_endpoint import Fault, SparqlEndpoint

from kwpld.cli import main
from kwpld.link.cache import CACHE_FILE, QueryCache
from kwpld.link.client import (
    ClientSettings,
    EndpointError,
    SparqlClient,
    default_user_agent,
    projected_variables,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "party-cells-2013"
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


def test_backoff_doubles_between_retries_shortened_by_the_jitter(endpoint):
    endpoint.inject(Fault.error(500), Fault.error(500), Fault.error(500))
    waits: list[float] = []
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url, min_interval=0, backoff=0.5, jitter=0.25),
        sleep=waits.append,
        rand=iter([0.0, 0.5, 1.0]).__next__,
    )
    sparql.select(QUERY)
    # 0.5, 1.0, 2.0 shortened by 0 %, 12.5 % and 25 %
    assert waits == [0.5, 0.875, 1.5]


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (
            Fault.error(500),
            r"failed on the query: HTTP 500 Internal Server Error: fault injected: HTTP 500 "
            r"\(3 attempts\)",
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


# -- hostile endpoints: the HTTP layer's limits as the link client meets them -------------------


def test_a_slow_drip_is_cut_off_at_the_deadline_not_per_read(endpoint):
    endpoint.always = Fault.drip(0.05)  # about 40 s for the whole answer, a byte every 0.05 s
    start = time.monotonic()
    with pytest.raises(EndpointError, match=r"did not answer the query within 0.5 s \(1 attempt\)"):
        client(endpoint, retries=0, timeout=0.5).select(QUERY)
    assert time.monotonic() - start < 5  # the deadline, not 40 s of reads under 0.5 s each


def test_a_redirect_is_followed_with_the_same_query(endpoint):
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url.replace("/sparql", "/old-sparql"), min_interval=0)
    )
    assert "Kim Jong Un" in labels(sparql.select(QUERY))
    assert [r.status for r in endpoint.requests] == [307, 200]


def test_a_redirect_loop_is_named_and_stops_at_once(endpoint):
    endpoint.always = Fault.redirect(302)  # back to the very URL asked
    with pytest.raises(EndpointError, match=r"redirect loop: http://127.0.0.1:\d+/sparql\?query="):
        client(endpoint).select(QUERY)
    assert len(endpoint.requests) == 1  # not retried: a loop stays a loop


def test_an_answer_over_the_size_limit_is_refused(endpoint):
    endpoint.always = Fault.huge(2_000_000)
    with pytest.raises(
        EndpointError, match=r"too large an answer to the query: the answer is 2,000,000 bytes"
    ):
        client(endpoint, max_answer=100_000).select(QUERY)
    assert len(endpoint.requests) == 1


@pytest.mark.parametrize(
    ("fault", "detail"),
    [
        (Fault.short(), r"of the [\d,]+ bytes announced \(Content-Length\)"),
        (Fault.short_chunked(), r"the chunked body ended without its last chunk"),
    ],
    ids=["content-length", "chunked"],
)
def test_a_truncated_answer_is_reported_as_truncated(endpoint, fault, detail):
    endpoint.always = fault
    with pytest.raises(EndpointError) as caught:
        client(endpoint, retries=1).select(QUERY)
    message = str(caught.value)
    assert "sent a truncated answer to the query: the answer was truncated" in message
    assert re.search(detail, message) and "(2 attempts)" in message
    assert "cannot reach" not in message


def test_a_truncated_answer_is_retried(endpoint):
    endpoint.inject(Fault.short(), Fault.short_chunked())
    sparql = client(endpoint)
    assert "Kim Jong Un" in labels(sparql.select(QUERY))
    assert sparql.stats.failures == {"truncated": 2}


def test_retry_after_in_seconds_is_honoured_over_a_shorter_backoff(endpoint):
    endpoint.inject(Fault.error(429, retry_after="7"))
    waits: list[float] = []
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url, min_interval=0, backoff=0.5), sleep=waits.append
    )
    sparql.select(QUERY)
    assert waits == [7.0]


def test_retry_after_as_an_http_date_is_honoured(endpoint):
    now = 1_700_000_000.0
    endpoint.inject(Fault.error(503, retry_after=email.utils.formatdate(now + 12, usegmt=True)))
    waits: list[float] = []
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url, min_interval=0, backoff=0.5),
        sleep=waits.append,
        now=lambda: now,
    )
    sparql.select(QUERY)
    assert waits == [12.0]


def test_a_retry_after_date_beyond_the_cap_stops_the_run(endpoint):
    now = 1_700_000_000.0
    endpoint.always = Fault.error(429, retry_after=email.utils.formatdate(now + 7200, usegmt=True))
    sparql = SparqlClient(
        ClientSettings(endpoint=endpoint.url, min_interval=0, max_retry_after=600),
        sleep=lambda _: None,
        now=lambda: now,
    )
    with pytest.raises(EndpointError, match=r"asks kwpld to wait 7200 s .*longer than 600 s"):
        sparql.select(QUERY)


def test_credentials_echoed_by_a_failing_endpoint_are_never_shown(endpoint):
    secret = "pa55-w0rd-of-the-archive"
    endpoint.always = Fault.echo(500)
    url = endpoint.url.replace("http://", f"http://reader:{secret}@")
    sparql = SparqlClient(ClientSettings(endpoint=url, min_interval=0, retries=0))
    with pytest.raises(EndpointError) as caught:
        sparql.select(QUERY)
    message = caught.value.render()
    token = base64.b64encode(f"reader:{secret}".encode()).decode()
    assert "Internal error while answering GET" in message  # the body is shown ...
    assert "Authorization: [redacted]" in message  # ... with its credentials redacted
    assert secret not in message and token not in message and "reader:" not in message
    assert "http://[redacted]@127.0.0.1:" in message


def test_a_401_says_the_endpoint_wants_credentials_kwpld_link_does_not_send(endpoint):
    endpoint.always = Fault.error(401)
    with pytest.raises(EndpointError, match=r"HTTP 401 Unauthorized: the endpoint asks for "):
        client(endpoint).select(QUERY)
    assert len(endpoint.requests) == 1


@pytest.mark.parametrize("fault", [Fault.unbound(), Fault.empty_head()], ids=["rows", "head"])
def test_an_answer_binding_none_of_the_querys_variables_is_never_cached(endpoint, tmp_path, fault):
    endpoint.always = fault
    with pytest.raises(
        EndpointError,
        match=r"sent a broken answer to the query: .*(binds any|names none) of the query's vari",
    ):
        client(endpoint, tmp_path, retries=1).select(QUERY)
    assert len(QueryCache(tmp_path)) == 0
    endpoint.reset()  # the endpoint is mended: the next run asks again, no --refresh needed
    assert "Kim Jong Un" in labels(client(endpoint, tmp_path).select(QUERY))
    assert len(endpoint.requests) == 1


def test_a_genuinely_empty_answer_is_cached(endpoint, tmp_path):
    nobody = QUERY.replace("Q56226", "Q1")
    assert client(endpoint, tmp_path).select(nobody) == []
    assert client(endpoint, tmp_path).select(nobody) == []
    assert len(endpoint.requests) == 1 and len(QueryCache(tmp_path)) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?a ?b WHERE { ?a ?p ?b }", {"a", "b"}),
        ("SELECT DISTINCT ?item ?text ?via WHERE {}", {"item", "text", "via"}),
        ("PREFIX x: <http://e/#a>\n# SELECT ?no\nSELECT (COUNT(?s) AS ?n) { ?s ?p ?o }", {"n"}),
        ("SELECT ?g (STR(?x) AS ?label) FROM <http://e/> WHERE {}", {"g", "label"}),
        ("SELECT * WHERE { ?s ?p ?o }", None),
    ],
)
def test_projected_variables(query, expected):
    assert projected_variables(query) == (frozenset(expected) if expected else None)


# -- the command: hostile endpoints end in a message and exit code 3, never a traceback ----------


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (Fault.drip(0.05), "did not answer the candidate search (1 of 1) within 0.5 s"),
        (Fault.redirect(307), "redirect loop: http://[redacted]@127.0.0.1:"),
        (Fault.short(), "sent a truncated answer to the candidate search (1 of 1)"),
        (Fault.echo(503), "Authorization: [redacted]"),
        (Fault.unbound(), "binds any of the query's variables"),
    ],
    ids=["drip", "redirect-loop", "truncated", "echo", "unbound"],
)
def test_kwpld_link_reports_a_hostile_endpoint_clearly(endpoint, tmp_path, capsys, fault, message):
    data = Path(shutil.copytree(EXAMPLE, tmp_path / "records"))
    endpoint.always = fault
    url = endpoint.url.replace("http://", "http://reader:pa55-w0rd@")
    with pytest.raises(SystemExit) as caught:
        main(
            ["link", str(data), "--endpoint", url, "--interval", "0", "--timeout", "0.5"]
            + ["--retries", "0", "--date", "2024-05-01"]
        )
    err = capsys.readouterr().err
    # The console wraps long lines, inside URLs too: compare without white space.
    assert caught.value.code == 3 and "".join(message.split()) in "".join(err.split())
    assert "Traceback" not in err and "internal error" not in err
    assert "pa55-w0rd" not in err
    assert len(QueryCache(data / ".kwpld-cache")) == 0


def test_a_password_in_the_endpoint_url_never_reaches_the_cache_file(endpoint, tmp_path):
    url = endpoint.url.replace("http://", "http://reader:pa55-w0rd@")
    SparqlClient(ClientSettings(endpoint=url, cache_dir=tmp_path, min_interval=0)).select(QUERY)
    assert b"pa55-w0rd" not in (tmp_path / CACHE_FILE).read_bytes()
    assert client(endpoint, tmp_path).select(QUERY)  # the same endpoint: answered from the cache
    assert len(endpoint.requests) == 1
