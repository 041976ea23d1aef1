"""kwpld serve as a user meets it: the command (a real subprocess, Ctrl-C), and its security:
loopback by default, the access token, Host names, CSRF, bounded bodies, paths."""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from conftest import EXAMPLE

from kwpld.cli import main
from kwpld.serve import BackgroundServer, ServeOptions
from kwpld.serve.security import Outside, inside

KWPLD = [sys.executable, "-m", "kwpld"]


class Command:
    """``kwpld serve`` in a subprocess, with the lines it printed."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "COLUMNS": "200", "PYTHONUNBUFFERED": "1"}
        env.pop("KWPLD_DEBUG", None)
        self.process = subprocess.Popen(
            [*KWPLD, "serve", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: list[str] = []

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        self.stop()
        raise AssertionError(f"no {pattern!r} in {self.lines}; stderr: {self.stderr}")

    def interrupt(self, timeout: float = 20) -> tuple[int, str, str]:
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, "".join(self.lines) + out, err

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.stderr = self.process.communicate(timeout=10)[1]

    stderr = ""


def test_serve_prints_its_address_answers_and_stops_cleanly_on_ctrl_c():
    command = Command(str(EXAMPLE), "--port", "0")
    try:
        url = command.wait_for(r"browse\s+(http://127\.0\.0\.1:\d+/)\s*$").group(1)
        command.wait_for("Ctrl-C")
        answer = requests.get(url + "sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
        assert answer.json()["boolean"] is True
        assert requests.get(url, timeout=10).status_code == 200
    except BaseException:
        command.stop()
        raise
    code, out, err = command.interrupt()
    assert code == 0, err
    assert "kwpld serve: stopped (SIGINT)" in out
    assert "Traceback" not in err and "Error" not in err, err
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=2)


def test_a_remote_address_needs_allow_remote_and_then_a_token():
    command = Command(str(EXAMPLE), "--host", "0.0.0.0", "--port", "0", "--allow-remote")
    try:
        found = command.wait_for(r"browse\s+http://0\.0\.0\.0:(\d+)/\?token=([\w-]+)")
        port, token = found.group(1), found.group(2)
        url = f"http://127.0.0.1:{port}/"
        assert requests.get(url, timeout=10).status_code == 401
        bearer = {"Authorization": f"Bearer {token}"}
        assert requests.get(url + "sparql?query=ASK{}", headers=bearer, timeout=10).ok
        # with the token, any Host name is answered (a name others reach the machine by)
        named = requests.get(url, headers={**bearer, "Host": f"scholar-box:{port}"}, timeout=10)
        assert named.status_code == 200
    finally:
        code, _, err = command.interrupt()
    assert code == 0, err


def in_process(*args: str) -> tuple[int, str]:
    """The kwpld command in this process (an error that stops it before it serves needs no
    second interpreter): exit code and standard error."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(list(args))
        except SystemExit as exc:
            return (exc.code if isinstance(exc.code, int) else 0), err.getvalue()
    return 0, err.getvalue()


def test_a_port_in_use_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, err = in_process("serve", str(EXAMPLE), "--port", str(port))
    assert code == 2
    assert f"port {port} on 127.0.0.1 is in use" in err
    assert "Traceback" not in err


def test_serve_names_what_it_takes(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    for target in (tmp_path / "missing", tmp_path / "empty"):
        code, err = in_process("serve", str(target), "--port", "0")
        assert code == 2, err
        assert "data folder" in err and "Traceback" not in err
    code, err = in_process("serve", str(EXAMPLE), "--host", "192.0.2.1", "--port", "0")
    assert code == 2 and "--allow-remote" in err


@pytest.fixture(scope="module")
def server():
    options = ServeOptions(port=0, watch=0, max_body=4096)
    with BackgroundServer(EXAMPLE, options) as running:
        yield running


def session(url: str) -> tuple[requests.Session, str]:
    """A browser-like session: its cookie and the CSRF token of a page it opened."""
    browser = requests.Session()
    page = browser.get(url + "query")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
    assert token is not None, page.text
    return browser, token.group(1)


def test_only_the_loopback_names_are_answered(server):
    port = server.options.port
    assert requests.get(server.url).status_code == 200
    for host in (f"localhost:{port}", f"[::1]:{port}"):
        assert requests.get(server.url, headers={"Host": host}).status_code == 200
    rebinding = requests.get(server.url, headers={"Host": f"attacker.example:{port}"})
    assert rebinding.status_code == 421
    assert "--allow-host attacker.example" in rebinding.text


def test_every_post_but_sparql_needs_the_csrf_token_of_its_session(server):
    url = server.url
    assert requests.post(url + "refresh", data={"next": "/"}).status_code == 403
    browser, token = session(url)
    assert browser.post(url + "refresh", data={"next": "/"}).status_code == 403  # no token
    forged = browser.post(url + "refresh", data={"csrf_token": "0" * 64, "next": "/"})
    assert forged.status_code == 403
    other = requests.Session()  # a token is only good with the session it was given to
    other.get(url + "query")
    assert other.post(url + "refresh", data={"csrf_token": token}).status_code == 403
    cross = browser.post(
        url + "refresh",
        data={"csrf_token": token},
        headers={"Origin": "https://attacker.example"},
        allow_redirects=False,
    )
    assert cross.status_code == 403
    ok = browser.post(
        url + "refresh",
        data={"csrf_token": token, "next": "https://attacker.example/"},
        allow_redirects=False,
    )
    assert ok.status_code == 303
    assert ok.headers["location"] == "/"  # never back to another site
    # behind a reverse proxy the Host differs from the page's origin: the browser's own
    # Sec-Fetch-Site decides, and a cross-site one is refused whatever Origin says
    proxied = browser.post(
        url + "refresh",
        data={"csrf_token": token},
        headers={"Origin": "https://kwpld.example.org", "Sec-Fetch-Site": "same-origin"},
        allow_redirects=False,
    )
    assert proxied.status_code == 303
    forged_site = browser.post(
        url + "refresh",
        data={"csrf_token": token},
        headers={"Origin": url.rstrip("/"), "Sec-Fetch-Site": "cross-site"},
        allow_redirects=False,
    )
    assert forged_site.status_code == 403
    by_header = browser.post(
        url + "refresh", headers={"X-CSRF-Token": token}, allow_redirects=False
    )
    assert by_header.status_code == 303
    server.graph.wait()


def test_request_bodies_are_bounded(server):
    endpoint = server.url + "sparql"
    big = "ASK {}" + " " * 5000
    declared = requests.post(endpoint, data={"query": big})
    assert declared.status_code == 413 and "4096 bytes" in declared.text

    def chunks():  # no Content-Length: the body is counted as it arrives
        for _ in range(10):
            yield b"x" * 1000

    chunked = requests.post(
        endpoint, data=chunks(), headers={"Content-Type": "application/sparql-query"}
    )
    assert chunked.status_code == 413
    assert requests.post(endpoint, data={"query": "ASK {}"}).status_code == 200


def test_pages_carry_security_headers(server):
    page = requests.get(server.url + "query")
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize(
    "path",
    [
        "static/../../pyproject.toml",
        "static/%2e%2e/%2e%2e/pyproject.toml",
        "static/..%2f..%2fpyproject.toml",
        "static/%2fetc%2fpasswd",
        "static/serve.css%00.txt",
        "static/..%5c..%5cpyproject.toml",
    ],
)
def test_no_request_reads_a_file_outside_what_is_served(server, path):
    answer = requests.get(server.url + path)
    assert answer.status_code in (400, 404), answer.status_code
    assert "[project]" not in answer.text and "root:" not in answer.text


def test_inside_refuses_every_way_out(tmp_path: Path):
    root = tmp_path / "data"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text("a")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "articles" / "link").symlink_to(tmp_path / "secret.txt")
    assert inside(root, "articles/a.txt") == (root / "articles" / "a.txt").resolve()
    for bad in (
        "../secret.txt",
        "articles/../../secret.txt",
        "/etc/passwd",
        "articles/link",
        "articles\\..\\..\\secret.txt",
        "articles/a.txt\x00",
        "",
        "articles//a.txt",
    ):
        with pytest.raises(Outside):
            inside(root, bad)
