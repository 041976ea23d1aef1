"""kwpld publish over real HTTP: a Graph Store Protocol server on 127.0.0.1 started by the test."""

from __future__ import annotations

import base64
import email.utils
import time
from pathlib import Path

import pytest
from gsp_server import GraphStoreServer, ServerState
from hostile_server import HostileServer
from publish_helpers import build_release, manifest

from kwpld.cli import main
from kwpld.publish.gsp import PublishError, publish_release

SECRET = "s3cret-never-printed"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_release(tmp_path_factory.mktemp("gsp") / "dist", gzip=True, split_size=60_000)


def _expected(release: Path) -> dict[str, int]:
    return {g["iri"]: g["triples"] for g in manifest(release)["graphs"]}


def test_publishing_twice_replaces_graphs_instead_of_duplicating(
    release: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KWPLD_ENDPOINT_USER", "editor")
    monkeypatch.setenv("KWPLD_ENDPOINT_PASSWORD", SECRET)
    with GraphStoreServer(ServerState(user="editor", password=SECRET)) as server:
        for _ in range(2):
            try:
                main(["publish", str(release), "--endpoint", server.url])
            except SystemExit as exc:
                assert not exc.code
            assert server.counts() == _expected(release)
        puts = [entry for entry in server.state.log if entry[0] == "PUT"]
        assert len(puts) == 2 * len(_expected(release))
        assert {status for *_, status in puts[: len(puts) // 2]} == {201}
        assert {status for *_, status in puts[len(puts) // 2 :]} == {200}
    captured = capsys.readouterr()
    assert "counts match the manifest" in captured.out
    assert SECRET not in captured.out + captured.err


def test_source_graphs_are_put_one_by_one_from_the_split_nquads(tmp_path: Path) -> None:
    tiny = build_release(tmp_path / "tiny", gzip=True, split_size=2_000)
    with GraphStoreServer(ServerState()) as server:
        result = publish_release(tiny, server.url, backoff=0.01)
        assert server.counts() == _expected(tiny)
    sources = [g for g in result.graphs if "/graph/source/" in g.graph]
    assert len(sources) == 4 and all(g.found == g.triples for g in sources)


def test_transient_failures_are_retried(release: Path) -> None:
    with GraphStoreServer(ServerState(fail_puts=3)) as server:
        messages: list[str] = []
        result = publish_release(release, server.url, backoff=0.01, log=messages.append)
        assert server.counts() == _expected(release)
        assert result.graphs[0].attempts == 4
        assert sum("HTTP 503" in m for m in messages) == 3


def test_retries_are_bounded(release: Path) -> None:
    with (
        GraphStoreServer(ServerState(fail_puts=100)) as server,
        pytest.raises(PublishError) as caught,
    ):
        publish_release(release, server.url, retries=2, backoff=0.01)
    assert "HTTP 503" in str(caught.value)


def test_wrong_credentials_fail_clearly_without_printing_them(
    release: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KWPLD_ENDPOINT_USER", "editor")
    monkeypatch.setenv("KWPLD_ENDPOINT_PASSWORD", SECRET + "-wrong")
    with GraphStoreServer(ServerState(user="editor", password=SECRET)) as server:
        with pytest.raises(SystemExit) as caught:
            main(["publish", str(release), "--endpoint", server.url, "--retry-wait", "0"])
        assert caught.value.code == 1
        assert server.counts() == {}
    captured = capsys.readouterr()
    assert "KWPLD_ENDPOINT_USER" in captured.err
    assert SECRET not in captured.out + captured.err


def test_credentials_in_the_url_are_refused(release: Path) -> None:
    with pytest.raises(Exception, match="no credentials in the endpoint URL"):
        publish_release(release, "http://user:pw@127.0.0.1:9/gsp")


def test_a_server_that_loses_triples_fails_the_count_check(release: Path) -> None:
    with (
        GraphStoreServer(ServerState(drop_one=True)) as server,
        pytest.raises(PublishError) as caught,
    ):
        publish_release(release, server.url, backoff=0.01)
    assert "does not hold the release exactly" in str(caught.value)
    assert "the manifest says" in str(caught.value)


# -- the HTTP layer as publishing meets it --------------------------------------------------------


def _publish_cli(
    release: Path, endpoint: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str]:
    with pytest.raises(SystemExit) as caught:
        main(["publish", str(release), "--endpoint", endpoint, "--retry-wait", "0", *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert "internal error" not in captured.err
    return int(caught.value.code or 0), captured.out + captured.err


def test_digest_authentication_is_chosen_from_the_challenge(
    release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KWPLD_ENDPOINT_USER", "editor")
    monkeypatch.setenv("KWPLD_ENDPOINT_PASSWORD", SECRET)
    with GraphStoreServer(ServerState(user="editor", password=SECRET, digest=True)) as server:
        publish_release(release, server.url, backoff=0.01)
        assert server.counts() == _expected(release)
        sent = server.state.authorizations
    assert sent[0] == ""  # auto: the first request goes without credentials
    assert all(a.startswith("Digest ") for a in sent[2:])


def test_a_failure_page_echoing_the_credentials_is_redacted(
    release: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KWPLD_ENDPOINT_USER", "editor")
    monkeypatch.setenv("KWPLD_ENDPOINT_PASSWORD", SECRET)
    state = ServerState(user="editor", password=SECRET, fail_puts=100, fail_status=500, echo=True)
    with GraphStoreServer(state) as server:
        code, printed = _publish_cli(release, server.url, capsys, "--retries", "1")
    assert code == 1
    assert "Request failed. Headers received:" in printed and "Authorization: [redacted]" in printed
    token = base64.b64encode(f"editor:{SECRET}".encode()).decode()
    assert SECRET not in printed and token not in printed


@pytest.mark.parametrize(
    ("env", "named", "not_named"),
    [
        ({"KWPLD_ENDPOINT_TOKEN": "t0ken-wrong"}, ["KWPLD_ENDPOINT_TOKEN"], []),
        (
            {"KWPLD_ENDPOINT_USER": "editor", "KWPLD_ENDPOINT_PASSWORD": "wrong-pw"},
            ["KWPLD_ENDPOINT_USER", "KWPLD_ENDPOINT_PASSWORD", "basic authentication"],
            ["KWPLD_ENDPOINT_TOKEN"],
        ),
        (
            {},
            ["requires authentication", "KWPLD_ENDPOINT_USER", "KWPLD_ENDPOINT_TOKEN"],
            [],
        ),
    ],
    ids=["token", "user-password", "none"],
)
def test_a_401_names_the_variables_of_the_authentication_in_use(
    release: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    named: list[str],
    not_named: list[str],
) -> None:
    for name in ("KWPLD_ENDPOINT_USER", "KWPLD_ENDPOINT_PASSWORD", "KWPLD_ENDPOINT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with GraphStoreServer(ServerState(user="editor", password=SECRET)) as server:
        code, printed = _publish_cli(release, server.url, capsys)
        assert server.counts() == {}
    assert code == 1 and "HTTP 401 Unauthorized" in printed
    assert all(name in printed for name in named), printed
    assert not any(name in printed for name in not_named), printed
    assert "wrong-pw" not in printed and "t0ken-wrong" not in printed


def test_a_307_redirect_is_followed_with_the_body(release: Path) -> None:
    with GraphStoreServer(ServerState()) as server:
        publish_release(release, server.url.replace("/gsp", "/old-gsp"), backoff=0.01)
        assert server.counts() == _expected(release)


def test_a_redirect_loop_is_named_and_not_retried(
    release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with HostileServer() as server:
        code, printed = _publish_cli(release, server.url("/loop307/a"), capsys)
        assert len(server.state.log) <= 4  # one attempt: a, b, a (without the query), b
    assert code == 1
    assert "redirect loop: http://127.0.0.1:" in printed and "/loop307/b -> " in printed


def test_a_put_is_never_turned_into_a_get_by_a_302(release: Path) -> None:
    with HostileServer() as server, pytest.raises(PublishError) as caught:
        publish_release(release, server.url("/found"), backoff=0.01)
    assert "HTTP 302 redirects the PUT to" in str(caught.value)
    assert "would turn it into a GET" in str(caught.value)


def test_a_slow_drip_is_cut_off_at_the_deadline(release: Path) -> None:
    start = time.monotonic()
    with HostileServer() as server, pytest.raises(PublishError) as caught:
        publish_release(release, server.url("/drip?bytes=200&every=0.05"), timeout=0.5, retries=0)
    assert time.monotonic() - start < 5  # not the 10 s the drip would take
    assert "no complete answer within 0.5 s" in str(caught.value)
    assert "raise --timeout" in str(caught.value)


def test_a_truncated_answer_is_reported_as_truncated(release: Path) -> None:
    with HostileServer() as server, pytest.raises(PublishError) as caught:
        publish_release(release, server.url("/short?declared=500&sent=20"), retries=1, backoff=0)
    message = str(caught.value)
    assert "the answer was truncated: 20 of the 500 bytes announced" in message
    assert "(2 attempts)" in message and "cannot reach" not in message


@pytest.mark.parametrize("form", ["seconds", "date"])
def test_retry_after_is_honoured_in_both_forms(release: Path, form: str) -> None:
    now = 1_700_000_000.0
    value = "4" if form == "seconds" else email.utils.formatdate(now + 4, usegmt=True)
    waits: list[float] = []
    state = ServerState(fail_puts=1, fail_status=429, retry_after=value)
    with GraphStoreServer(state) as server:
        publish_release(
            release, server.url, backoff=0.01, sleep=waits.append, now=lambda: now, rand=lambda: 0
        )
    assert waits == [4.0]


def test_a_retry_after_beyond_the_cap_stops_at_once(release: Path) -> None:
    waits: list[float] = []
    state = ServerState(fail_puts=100, fail_status=503, retry_after="86400")
    with GraphStoreServer(state) as server, pytest.raises(PublishError) as caught:
        publish_release(release, server.url, sleep=waits.append)
    assert "asks kwpld to wait 86400 s" in str(caught.value) and waits == []


def test_a_graph_read_back_over_the_limit_is_refused(release: Path) -> None:
    with GraphStoreServer(ServerState()) as server, pytest.raises(PublishError) as caught:
        publish_release(release, server.url, backoff=0.01, read_limit=1000)
    message = str(caught.value)
    assert "over the limit of 1,000 bytes" in message and "--sparql" in message
