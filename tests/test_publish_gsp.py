"""kwpld publish over real HTTP: a Graph Store Protocol server on 127.0.0.1 started by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from gsp_server import GraphStoreServer, ServerState
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
    assert len(sources) == 3 and all(g.found == g.triples for g in sources)


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
