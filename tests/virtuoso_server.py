"""A private Virtuoso for the real-store tests, configured by ``.ci/virtuoso/virtuoso.ini``.

``.ci/run`` starts it before the tests (``python tests/virtuoso_server.py start``) and stops
it afterwards; the ``virtuoso`` fixture uses a running one, or starts its own and stops it at
the end of the session, so ``python -m pytest`` works without CI too. Everything lives in a
database folder of its own under the system temp folder, on loopback ports of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / ".ci" / "virtuoso" / "virtuoso.ini"
SQL_PORT = 11131
HTTP_PORT = 18931
USER = "dba"
PASSWORD = "dba"  # the Debian package's default account; this server listens on loopback only


class VirtuosoServer:
    def __init__(self, folder: Path | None = None) -> None:
        default = Path(tempfile.gettempdir()) / f"kwpld-virtuoso-{SQL_PORT}"
        self.folder = Path(os.environ.get("KWPLD_VIRTUOSO_DIR", folder or default))
        self.http = f"http://127.0.0.1:{HTTP_PORT}"
        self.sparql = f"{self.http}/sparql"
        self.sparql_auth = f"{self.http}/sparql-auth"
        self.gsp = f"{self.http}/sparql-graph-crud-auth"
        self.sql_port = SQL_PORT
        self.releases = self.folder / "releases"

    @property
    def pid_file(self) -> Path:
        return self.folder / "virtuoso.pid"

    def running(self) -> bool:
        try:
            response = requests.get(self.sparql, params={"query": "ASK {}"}, timeout=2)
        except requests.RequestException:
            return False
        return response.status_code == 200

    def start(self, timeout: float = 120.0) -> None:
        """Start a fresh server (empty database) and wait until it answers SPARQL."""
        if self.running():
            return
        binary = shutil.which("virtuoso-t")
        if binary is None:
            raise RuntimeError("virtuoso-t is not installed (Debian package virtuoso-opensource)")
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.releases.mkdir(parents=True)
        config = self.folder / "virtuoso.ini"
        config.write_text(TEMPLATE.read_text("utf-8").replace("@DBDIR@", str(self.folder)), "utf-8")
        log = (self.folder / "virtuoso.out").open("wb")
        process = subprocess.Popen(
            [binary, "+configfile", str(config), "+foreground"],
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"Virtuoso stopped at start; see {self.folder / 'virtuoso.log'}")
            if self.running():
                return
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"Virtuoso did not come online in {timeout:.0f} s; see {self.folder}")

    def stop(self) -> None:
        """Stop the server this folder's pid file names (only that process)."""
        if not self.pid_file.exists():
            return
        pid = int(self.pid_file.read_text())
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            self.pid_file.unlink(missing_ok=True)
            return
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)

    def isql(self, sql: str) -> str:
        """Run SQL statements with isql-vt; raise with its output when it reports an error."""
        binary = shutil.which("isql-vt") or shutil.which("isql")
        if binary is None:
            raise RuntimeError("isql-vt is not installed")
        done = subprocess.run(
            [
                binary,
                str(self.sql_port),
                USER,
                PASSWORD,
                "VERBOSE=OFF",
                "BANNER=OFF",
                "PROMPT=OFF",
                "ERRORS=STDOUT",
                f"exec={sql}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout

    def select(self, query: str) -> dict:
        response = requests.post(
            self.sparql,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=60,
        )
        response.raise_for_status()
        return response.json()

    def update(self, text: str) -> None:
        response = requests.post(
            self.sparql_auth,
            data={"update": text},
            auth=requests.auth.HTTPDigestAuth(USER, PASSWORD),
            timeout=300,
        )
        if response.status_code != 200:
            raise RuntimeError(
                f"SPARQL Update failed: HTTP {response.status_code}: {response.text[:500]}"
            )

    def graph_counts(self, graphs: list[str]) -> dict[str, int]:
        counts = {}
        for graph in graphs:
            data = self.select(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            )
            counts[graph] = int(data["results"]["bindings"][0]["n"]["value"])
        return counts

    def clear(self, graphs: list[str]) -> None:
        self.isql("log_enable(3,1); " + " ".join(f"SPARQL CLEAR GRAPH <{g}>;" for g in graphs))


def main(argv: list[str]) -> int:
    server = VirtuosoServer()
    if argv[:1] == ["start"]:
        server.start()
        print(
            f"Virtuoso online: SPARQL {server.sparql}, SQL port {server.sql_port}, "
            f"folder {server.folder}"
        )
        return 0
    if argv[:1] == ["stop"]:
        server.stop()
        return 0
    print("usage: python tests/virtuoso_server.py start|stop", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
