"""kwpld ingest --url against a hostile HTTP server on 127.0.0.1: every failure is a clear
message with exit code 1 (the server's fault) or 2 (not an article), never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile_server import HostileServer

from kwpld.cli import main
from kwpld.http import RemoteError
from kwpld.sources import fetch_url


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


def test_a_page_is_fetched_and_decoded(server: HostileServer) -> None:
    text, kind = fetch_url(server.url("/page"))
    assert kind == "text/html" and "Kim Jong Un inspected a farm" in text


def test_redirects_are_followed_up_to_the_limit(server: HostileServer) -> None:
    assert fetch_url(server.url("/chain/5"))[0] == "arrived"
    with pytest.raises(RemoteError, match=r"more than 5 redirects: .*/chain/6 -> .*/chain/0"):
        fetch_url(server.url("/chain/6"))


def test_a_redirect_loop_is_named(server: HostileServer) -> None:
    before = len(server.seen("/loop/a"))
    with pytest.raises(RemoteError) as caught:
        fetch_url(server.url("/loop/a"))
    assert "redirect loop: " in str(caught.value) and "/loop/b -> " in str(caught.value)
    assert len(server.seen("/loop/a")) - before == 1 and caught.value.exit_code == 1


def test_a_page_over_the_limit_is_refused_while_streaming(server: HostileServer) -> None:
    with pytest.raises(RemoteError, match=r"passed the limit of 100,000 bytes; reading stopped"):
        fetch_url(server.url("/huge?bytes=3000000&chunked=1"), max_bytes=100_000)


def test_a_slow_drip_is_bounded_by_the_timeout(server: HostileServer) -> None:
    start = time.monotonic()
    with pytest.raises(RemoteError, match=r"no complete answer within 0.4 s"):
        fetch_url(server.url("/drip?bytes=300&every=0.05"), timeout=0.4, retries=0)
    assert time.monotonic() - start < 5


def test_a_transient_failure_is_retried(server: HostileServer) -> None:
    assert fetch_url(server.url("/status/503?times=1&retry_after=0"), backoff=0)[0] == "recovered"


def test_a_truncated_page_is_named_truncated(server: HostileServer) -> None:
    with pytest.raises(RemoteError, match=r"truncated: the chunked body ended") as caught:
        fetch_url(server.url("/short-chunked"), retries=1, backoff=0)
    assert caught.value.kind == "truncated" and "(2 attempts)" in str(caught.value)


@pytest.mark.parametrize(
    ("route", "code", "message"),
    [
        ("/status/404", 1, "cannot fetch the page: HTTP 404 Not Found: failure 404 injected"),
        ("/loop/a", 1, "redirect loop"),
        ("/huge?bytes=20000000", 1, "over the limit of 16,777,216 bytes"),
    ],
)
def test_the_ingest_command_reports_remote_failures_with_exit_1(
    server: HostileServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    route: str,
    code: int,
    message: str,
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["ingest", "--into", str(tmp_path / "data"), "--url", server.url(route)])
    err = capsys.readouterr().err
    assert caught.value.code == code and message in err
    assert "Traceback" not in err and "internal error" not in err
    assert not list((tmp_path / "data").rglob("*.yaml"))
