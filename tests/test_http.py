"""kwpld.http, the one HTTP layer, against a hostile server on 127.0.0.1 (tests/hostile_server.py).

Limits are small and deadlines short so the whole file runs in a few seconds; the clock, the
sleep and the jitter are injected where a test asserts on waits.
"""

from __future__ import annotations

import base64
import email.utils
import time
from urllib.parse import quote

import pytest
from hostile_server import PASSWORD, USER, HostileServer

from kwpld.errors import InputError
from kwpld.http import (
    Credentials,
    HttpClient,
    HttpSettings,
    RemoteError,
    excerpt,
    redact,
    redact_headers,
    redact_url,
    retry_after_seconds,
)


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


def http(**settings: object) -> HttpClient:
    options: dict[str, object] = {"user_agent": "kwpld-test", "timeout": 1.0, "backoff": 0.0}
    options.update(settings)
    credentials = options.pop("credentials", None)
    waits = options.pop("waits", None)
    now = options.pop("now", time.time)
    return HttpClient(
        HttpSettings(**options),  # type: ignore[arg-type]
        credentials=credentials,  # type: ignore[arg-type]
        sleep=waits.append if isinstance(waits, list) else (lambda _: None),
        now=now,  # type: ignore[arg-type]
        rand=lambda: 0.5,
    )


# -- the deadline --------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["/drip?bytes=400&every=0.02", "/drip-headers?every=0.02"])
def test_the_deadline_bounds_the_whole_exchange_not_each_read(server, route):
    """Each byte comes well within any read timeout; only a total deadline stops the drip."""
    client = http(timeout=0.4, retries=0)
    start = time.monotonic()
    with pytest.raises(RemoteError) as caught:
        client.request("GET", server.url(route))
    assert time.monotonic() - start < 3  # the drip alone would take about 8 s
    assert caught.value.kind == "timeout"
    assert "no complete answer within 0.4 s" in str(caught.value)
    assert caught.value.exit_code == 1


def test_a_timeout_is_retried_with_a_fresh_deadline(server):
    client = http(timeout=0.3, retries=1)
    with pytest.raises(RemoteError, match=r"\(2 attempts\)"):
        client.request("GET", server.url("/drip?bytes=400&every=0.02"))
    assert client.stats.failures == {"timeout": 2} and client.stats.retries == 1


# -- redirects ------------------------------------------------------------------------------------


def test_a_redirect_loop_is_named_after_one_round(server):
    before = len(server.state.log)
    with pytest.raises(RemoteError) as caught:
        http(retries=3).request("GET", server.url("/loop/a"))
    message = str(caught.value)
    assert caught.value.kind == "redirect"
    assert message.endswith("/loop/a -> " + server.url("/loop/b") + " -> " + server.url("/loop/a"))
    assert len(server.state.log) - before == 2  # not retried: a loop stays a loop


def test_a_redirect_chain_is_followed_up_to_the_limit(server):
    assert http(max_redirects=3).request("GET", server.url("/chain/3")).body == b"arrived"
    with pytest.raises(RemoteError, match=r"more than 3 redirects: .*/chain/4 -> .*/chain/0$"):
        http(max_redirects=3).request("GET", server.url("/chain/4"))


def test_credentials_follow_a_redirect_on_the_same_origin_only(server):
    creds = Credentials(USER, PASSWORD, scheme="basic")
    same = server.url("/goto?to=" + quote("/auth"))
    assert http(credentials=creds).request("GET", same).body == b"welcome"
    with HostileServer() as other:
        away = server.url("/goto?to=" + quote(other.url("/echo/200")))
        response = http(credentials=creds).request("GET", away)
        assert response.status == 200
        assert "Authorization" not in other.seen("/echo/200")[0].headers


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(RemoteError, match=r"redirects to file:///etc/passwd, which is not an http"):
        http().request("GET", server.url("/goto?to=file:///etc/passwd"))


@pytest.mark.parametrize("location", ["http://[::1", "http://host:port/x"])
def test_a_redirect_to_an_unreadable_address_is_a_clear_failure(server, location):
    with pytest.raises(RemoteError) as caught:
        http().request("GET", server.url("/goto?to=" + quote(location)))
    assert caught.value.kind == "redirect" and "HTTP 307 redirects to" in caught.value.detail


# -- size -----------------------------------------------------------------------------------------


def test_an_announced_body_over_the_limit_is_refused_before_reading(server):
    client = http(max_body=10_000)
    with pytest.raises(RemoteError, match=r"is 2,000,000 bytes \(Content-Length\), over the lim"):
        client.request("GET", server.url("/huge?bytes=2000000"))
    assert client.stats.bytes_received == 0


def test_a_streamed_body_is_cut_at_the_limit(server):
    client = http(max_body=100_000)
    with pytest.raises(RemoteError, match=r"passed the limit of 100,000 bytes; reading stopped"):
        client.request("GET", server.url("/huge?bytes=5000000&chunked=1"))
    assert client.stats.bytes_received <= 100_000 + 65_536  # one chunk past the limit at most


def test_a_body_within_the_limit_can_go_to_a_file(server, tmp_path):
    with (tmp_path / "body").open("w+b") as sink:
        response = http().request("GET", server.url("/huge?bytes=300000&chunked=1"), sink=sink)
        assert response.body == b"" and sink.tell() == 300_000


# -- truncation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "detail"),
    [
        (
            "/short?declared=1000&sent=10",
            "truncated: 10 of the 1,000 bytes announced (Content-Length) came before the "
            "connection closed",
        ),
        (
            "/short-chunked",
            "truncated: the chunked body ended without its last chunk, after 10 bytes",
        ),
    ],
    ids=["content-length", "chunked"],
)
def test_a_truncated_body_is_reported_as_truncated(server, route, detail):
    client = http(retries=2)
    with pytest.raises(RemoteError) as caught:
        client.request("GET", server.url(route))
    assert caught.value.kind == "truncated" and detail in caught.value.detail
    assert caught.value.attempts == 3 and client.stats.failures == {"truncated": 3}


# -- retries, backoff, Retry-After ---------------------------------------------------------------


def test_backoff_doubles_with_deterministic_jitter(server):
    waits: list[float] = []
    client = http(retries=3, backoff=1.0, jitter=0.5, waits=waits)
    response = client.request("GET", server.url("/status/500?times=3&x=backoff"))
    assert response.body == b"recovered"
    assert waits == [0.75, 1.5, 3.0]  # 1, 2, 4 shortened by half the jitter (rand = 0.5)


@pytest.mark.parametrize("code", [429, 503])
def test_retry_after_in_seconds_is_honoured(server, code):
    waits: list[float] = []
    path = f"/status/{code}?times=1&retry_after=9&x=seconds"
    assert http(waits=waits).request("GET", server.url(path)).body == b"recovered"
    assert waits == [9.0]


def test_retry_after_as_an_http_date_is_honoured(server):
    now = 1_700_000_000.0
    when = quote(email.utils.formatdate(now + 30, usegmt=True))
    waits: list[float] = []
    client = http(waits=waits, now=lambda: now)
    assert (
        client.request("GET", server.url(f"/status/429?times=1&retry_after={when}")).status == 200
    )
    assert waits == [30.0]


def test_a_retry_after_over_the_cap_stops_without_waiting(server):
    waits: list[float] = []
    client = http(waits=waits, max_retry_after=60)
    with pytest.raises(RemoteError) as caught:
        client.request("GET", server.url("/status/429?retry_after=3600&x=cap"))
    assert caught.value.kind == "retry-after" and waits == []
    assert (
        "asks kwpld to wait 3600 s before the next request (HTTP 429, Retry-After), longer "
        "than 60 s" in str(caught.value)
    )


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("Tue, 14 Nov 2023 22:14:00 GMT", 40.0),
        ("Tuesday, 14-Nov-23 22:14:00 GMT", 40.0),  # RFC 850, still allowed to senders of old
        ("Tue, 14 Nov 2023 22:00:00 GMT", 0.0),  # in the past: now
        ("soon", None),
        ("Tue, 14 Nov 99999 22:14:00 GMT", None),
        ("Tue, 31 Feb 2023 22:14:00 GMT", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_seconds(value, seconds):
    now = 1_700_000_000.0  # Tue, 14 Nov 2023 22:13:20 GMT
    assert retry_after_seconds(value, now) == seconds


def test_a_status_that_is_not_transient_is_returned_not_retried(server):
    client = http(retries=3)
    response = client.request("GET", server.url("/status/404?x=plain"))
    assert response.status == 404 and response.excerpt() == "failure 404 injected"
    assert client.stats.requests == 1


def test_a_server_that_is_down_is_a_connection_failure():
    with pytest.raises(RemoteError, match=r"connection refused \(2 attempts\)") as caught:
        http(retries=1).request("GET", "http://127.0.0.1:9/x")
    assert caught.value.kind == "connection"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "http://127.0.0.1:port/x", "nothing"])
def test_a_url_that_cannot_be_requested_is_bad_input(url):
    with pytest.raises(InputError):
        http().request("GET", url)


# -- credentials ---------------------------------------------------------------------------------


def test_a_failure_page_echoing_credentials_is_redacted(server):
    creds = Credentials(USER, PASSWORD, scheme="basic")
    with pytest.raises(RemoteError) as caught:
        http(credentials=creds, retries=0).request("GET", server.url("/echo/502"))
    message = str(caught.value)
    assert "Authorization: [redacted]" in message
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    assert PASSWORD not in message and token not in message


def test_auto_authentication_answers_the_challenge(server):
    client = http(credentials=Credentials(USER, PASSWORD))
    response = client.request("GET", server.url("/auth"))
    assert response.status == 200 and client.auth_scheme == "basic"
    assert response.attempts == 1  # answering a challenge is no failed attempt


def test_a_401_is_returned_for_the_caller_to_explain(server):
    response = http(credentials=Credentials(USER, "wrong-password")).request(
        "GET", server.url("/auth")
    )
    assert response.status == 401


def test_redact_catches_credentials_in_every_form():
    secret = "hunter2-long"
    pair = base64.b64encode(f"ed:{secret}".encode()).decode()
    text = (
        f"Authorization: Basic {pair}\n"
        '{"authorization": "Bearer abc.def.ghi"}\n'
        'proxy-authorization: Digest username="ed", response="0a1b2c"\n'
        f"Cookie: session=xyz; password={secret}\n"
        "see https://ed:pw@example.org/sparql?query=1&access_token=tok123\n"
        'Digest username="ed", realm="r", nonce="n", response="ff00"\n'
        f"the password was {secret}"
    )
    clean = redact(text, [secret, pair])
    for leaked in (secret, pair, "abc.def.ghi", "0a1b2c", "xyz", "ed:pw", "tok123", "ff00"):
        assert leaked not in clean, leaked
    assert "query=1" in clean and "example.org/sparql" in clean


def test_redact_url_and_headers():
    assert redact_url("https://ed:pw@example.org:8890/gsp?graph=g&token=t") == (
        "https://[redacted]@example.org:8890/gsp?graph=g&token=[redacted]"
    )
    assert redact_url("http://example.org/sparql?query=x") == "http://example.org/sparql?query=x"
    headers = {"Authorization": "Basic eDp5", "Accept": "text/plain", "X-Note": "pw is s3cr3t!"}
    assert redact_headers(headers, ["s3cr3t!"]) == {
        "Authorization": "[redacted]",
        "Accept": "text/plain",
        "X-Note": "pw is [redacted]",
    }


def test_an_excerpt_is_one_line_without_control_characters():
    body = b"line one\r\n\x1b[31mred\x1b[0m\tand a bell\x07 " + b"x" * 500
    text = excerpt(body, 40)
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text
    assert text.startswith("line one ?[31mred?[0m and a bell?") and text.endswith(" ...")
