"""The engine behind ``kwpld serve``: pyoxigraph in process against the Oxigraph server as a
child process, measured in one run on the same release.

Both answer over HTTP on 127.0.0.1, queried by one keep-alive client, the engines taking
turns query by query so that the machine's noise falls on both:

- **A, in process**: ``kwpld serve RELEASE`` (a subprocess; its own RSS), the engine that
  ``kwpld serve`` uses;
- **B, child process**: ``oxigraph load`` into an on-disk store, then ``oxigraph
  serve-read-only --union-default-graph --timeout-s``, queried directly. Behind kwpld it
  would be one more HTTP hop (kwpld proxying /sparql), so its figures are a lower bound.

Measured: time to the first answer (A: load into memory; B: load into RocksDB and start),
median latency per query and its ratio B/A, peak RSS, and what happens to a runaway
aggregate past the deadline: the CPU time the server burns in the seconds after the client
was told of the timeout, and what the client was told.

    python bench/serve_bench.py                  # synthetic 100k corpus, 15 rounds
    python bench/serve_bench.py --size 1m --rounds 5 --json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
QUERIES: dict[str, tuple[str, str]] = {
    "lookup": (
        "one person's labels (a page view)",
        PREFIXES + "SELECT ?label WHERE { ?p a schema:Person ; skos:prefLabel ?label } LIMIT 10",
    ),
    "count-by-class": (
        "triples counted by class (an aggregate over the graph)",
        "SELECT ?class (COUNT(*) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)",
    ),
    "join-1000": (
        "memberships with person and organ labels, 1000 rows",
        PREFIXES
        + """SELECT ?person ?organ ?pl ?ol WHERE {
  ?m org:member ?person ; org:organization ?organ .
  ?person skos:prefLabel ?pl . ?organ skos:prefLabel ?ol } LIMIT 1000""",
    ),
    "select-50k-json": ("50,000 rows as JSON", "SELECT * WHERE { ?s ?p ?o } LIMIT 50000"),
    "select-50k-csv": ("50,000 rows as CSV", "SELECT * WHERE { ?s ?p ?o } LIMIT 50000"),
    "construct-20k": (
        "CONSTRUCT 20,000 triples as Turtle",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 20000",
    ),
}
ACCEPT = {
    "select-50k-csv": "text/csv",
    "construct-20k": "text/turtle",
}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
TIMEOUT = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):  # peak resident set size
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_answer(url: str, deadline: float, process: subprocess.Popen[Any]) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server at {url} ended ({process.returncode})")
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"no answer from {url}")


class Engine:
    def __init__(self, name: str, url: str, process: subprocess.Popen[Any], startup: float):
        self.name, self.url, self.process, self.startup = name, url, process, startup
        self.client = requests.Session()
        self.times: dict[str, list[float]] = {q: [] for q in QUERIES}

    def ask(self, query: str, accept: str = "application/sparql-results+json") -> float:
        start = time.perf_counter()
        answer = self.client.post(
            self.url, data={"query": query}, headers={"Accept": accept}, timeout=120
        )
        answer.raise_for_status()
        _ = answer.content
        return time.perf_counter() - start

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_in_process(release: Path) -> Engine:
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "kwpld", "serve", str(release), "--port", "0",
         "--timeout", str(TIMEOUT), "--max-size", "1GB"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    url = ""
    for line in process.stdout:
        found = re.search(r"SPARQL\s+(\S+)", line)
        if found:
            url = found.group(1)
            break
    wait_answer(url, time.monotonic() + 300, process)
    return Engine("in process (pyoxigraph)", url, process, time.monotonic() - started)


def start_child(release: Path, work: Path) -> Engine:
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        raise SystemExit("the oxigraph server is not installed: pip install oxigraph")
    started = time.monotonic()
    location = work / "oxigraph-store"
    subprocess.run(
        [oxigraph, "load", "--location", str(location), "--file", str(release / "data.nq")],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [oxigraph, "serve-read-only", "--location", str(location),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", str(TIMEOUT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/query"
    wait_answer(url, time.monotonic() + 300, process)
    return Engine("child process (oxigraph server)", url, process, time.monotonic() - started)


def runaway(engine: Engine, settle: float = 5.0) -> dict[str, Any]:
    """Send a query that runs far past the deadline; then watch the server's CPU."""
    start = time.perf_counter()
    try:
        answer = engine.client.post(
            engine.url, data={"query": RUNAWAY}, timeout=TIMEOUT * 20,
            headers={"Accept": "application/sparql-results+json"},
        )  # fmt: skip
        status, body = answer.status_code, answer.text[:200]
    except requests.RequestException as exc:
        status, body = 0, str(exc)[:200]
    told = time.perf_counter() - start
    try:
        json.loads(body)
        valid = True
    except ValueError:
        valid = False
    before = cpu_seconds(engine.process.pid)
    time.sleep(settle)
    burnt = cpu_seconds(engine.process.pid) - before
    return {
        "status": status,
        "answered_after_s": round(told, 2),
        "body": body,
        "body_is_valid_json": valid,
        "cpu_s_in_the_next": round(burnt, 2),
        "settle_s": settle,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="100k", help="kwpld synth size (tiny, 10k, 100k, 1m)")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kwpld-serve-bench-"))
    engines: list[Engine] = []
    try:
        data, release = work / "data", work / "dist"
        subprocess.run(
            [sys.executable, "-m", "kwpld", "synth", "--out", str(data), "--size", args.size],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [sys.executable, "-m", "kwpld", "build", str(data), "--out", str(release),
             "--no-validate", "-q"],
            check=True, capture_output=True,
        )  # fmt: skip
        from kwpld.publish import read_manifest

        triples = read_manifest(release).triples
        engines = [start_in_process(release), start_child(release, work)]
        for engine in engines:  # warm both
            for name, (_, query) in QUERIES.items():
                engine.ask(query, ACCEPT.get(name, "application/sparql-results+json"))
        for _ in range(args.rounds):
            for name, (_, query) in QUERIES.items():
                for engine in engines:
                    accept = ACCEPT.get(name, "application/sparql-results+json")
                    engine.times[name].append(engine.ask(query, accept))
        a, b = engines
        results: dict[str, Any] = {
            "size": args.size,
            "triples": triples,
            "rounds": args.rounds,
            "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
            "startup_s": {e.name: round(e.startup, 2) for e in engines},
            "queries": {},
        }
        for name, (what, _) in QUERIES.items():
            ma, mb = statistics.median(a.times[name]), statistics.median(b.times[name])
            results["queries"][name] = {
                "what": what,
                "in_process_ms": round(ma * 1000, 1),
                "child_ms": round(mb * 1000, 1),
                "child_over_in_process": round(mb / ma, 2),
            }
        results["runaway"] = {e.name: runaway(e) for e in engines}
        results["peak_rss_mb"] = {e.name: round(rss_mb(e.process.pid)) for e in engines}
    finally:
        for engine in engines:
            engine.stop()
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{args.size}: {triples:,} triples, {args.rounds} rounds; B/A > 1: in process faster")
    print(f"{'query':<18} {'A in process':>13} {'B child':>10} {'B/A':>6}  what")
    for name, row in results["queries"].items():
        print(
            f"{name:<18} {row['in_process_ms']:>10.1f} ms {row['child_ms']:>7.1f} ms "
            f"{row['child_over_in_process']:>6.2f}  {row['what']}"
        )
    for label in ("startup_s", "peak_rss_mb"):
        print(label, json.dumps(results[label]))
    for name, row in results["runaway"].items():
        print(f"runaway COUNT past a {TIMEOUT} s deadline, {name}: {json.dumps(row)}")


if __name__ == "__main__":
    main()
