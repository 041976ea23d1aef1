"""Experiment: pyoxigraph's Rust serializers against kwpld's writers, on the same quads.

    python bench/experiments/serializers.py                  # 231,050-record flat corpus
    python bench/experiments/serializers.py --records 23150

Not wired into kwpld: this measures candidates for phase 2 of issue 14. The quads are those
of a kwpld build of the flat corpus (``release_quads``: sorted, the ontology graph added).
Every writer writes a file in a temporary folder; each runs in rounds, in an order that
rotates each round; times are CPU seconds of this process (``process_time``, which
counts pyoxigraph's Rust code too, as it runs in this thread): on a shared machine wall time
also counts the waits for a core.

kwpld's side, each the function the release uses: N-Quads and N-Triples as the joined term
strings (the core of ``data.nq``/``data.nt``, without splitting or graphs/), Turtle
(``write_turtle``), TriG (``write_trig``), and JSON-LD (``write_jsonld``: data.jsonld *and*
the framed files, which it makes from the same nodes).

pyoxigraph's side: kwpld's terms are N-Triples strings, so pyoxigraph first needs its own
term objects: the cost of that (parsing the N-Quads text with ``pyoxigraph.parse``) is
reported on its own row and is paid once for all formats. Then ``pyoxigraph.serialize`` for
each format, with kwpld's prefixes for Turtle and TriG.

What a release would pay is the third column, **end to end**: pyoxigraph's parser streamed
straight into its serializer (``serialize(parse(text))``: no list of term objects is kept,
each quad's objects are freed as soon as they are written), from the N-Quads text of the
sorted quads (N-Triples text of the union for N-Triples and Turtle), the making of that text
included. That is the cheapest way from kwpld's term strings to pyoxigraph's output that
keeps kwpld's order (``Store.dump`` does not: it writes in the store's own order).

Then, for each format: is pyoxigraph's output the same bytes in two fresh processes
(stability); is it the same RDF as kwpld's (parsed back, compared as sets of quads); and, for
Turtle and TriG, how it differs in form from kwpld's (prefixes, grouping, order).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from flat import corpus  # noqa: E402

FORMATS = {
    "N-Quads": ox.RdfFormat.N_QUADS,
    "N-Triples": ox.RdfFormat.N_TRIPLES,
    "Turtle": ox.RdfFormat.TURTLE,
    "TriG": ox.RdfFormat.TRIG,
    "JSON-LD": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = {"N-Quads", "TriG", "JSON-LD"}


def prepare(data: Path):  # noqa: ANN201
    import kwpld
    from kwpld.publish.release import release_quads

    records = kwpld.load_records(data)
    graph = kwpld.map_records(records)
    return graph, release_quads(graph)


def nquads_text(rows: list) -> str:
    return " .\n".join(map(" ".join, rows)) + " .\n"


def ntriples_text(rows: list) -> str:
    return " .\n".join(" ".join(r[:3]) for r in rows) + " .\n"


def to_ox(quads) -> tuple[list[ox.Quad], list[ox.Triple]]:  # noqa: ANN001
    """pyoxigraph terms for the same quads and triples, by parsing their N-Quads text."""
    by_graph = list(ox.parse(nquads_text(quads.by_graph).encode(), ox.RdfFormat.N_QUADS))
    union = [
        q.triple for q in ox.parse(ntriples_text(quads.union).encode(), ox.RdfFormat.N_TRIPLES)
    ]
    return by_graph, union


def to_ox_cached(quads) -> tuple[float, float]:  # noqa: ANN001
    """The cheapest way to pyoxigraph's terms that a mapping could take: each distinct term
    string converted once (IRIs by ``NamedNode``, literals parsed), then a ``Quad`` per quad
    from the cached terms. Returns the CPU seconds of the two steps."""
    start = time.process_time()
    distinct: set[str] = set()
    for row in quads.by_graph:
        distinct.update(row)
    cache = {}
    for term in distinct:
        if term.startswith("<"):
            cache[term] = ox.NamedNode(term[1:-1])
        else:
            parsed = ox.parse(f"<x:s> <x:p> {term} .".encode(), ox.RdfFormat.N_TRIPLES)
            cache[term] = next(iter(parsed)).object
    terms = time.process_time() - start
    start = time.process_time()
    made = [ox.Quad(cache[s], cache[p], cache[o], cache[g]) for s, p, o, g in quads.by_graph]
    assert len(made) == quads.quad_count
    return terms, time.process_time() - start


def ox_write(fmt: str, ox_quads: list, ox_triples: list, path: Path, prefixes: dict) -> None:
    items = ox_quads if fmt in QUAD_FORMATS else ox_triples
    kwargs = {"prefixes": prefixes} if fmt in ("Turtle", "TriG") else {}
    with open(path, "wb") as out:
        ox.serialize(items, out, FORMATS[fmt], **kwargs)


def ox_stream(fmt: str, quads, path: Path, prefixes: dict) -> None:  # noqa: ANN001
    """End to end: kwpld's sorted terms -> text -> pyoxigraph parser -> serializer, streamed."""
    if fmt in QUAD_FORMATS:
        text, parse_as = nquads_text(quads.by_graph), ox.RdfFormat.N_QUADS
    else:
        text, parse_as = ntriples_text(quads.union), ox.RdfFormat.N_TRIPLES
    kwargs = {"prefixes": prefixes} if fmt in ("Turtle", "TriG") else {}
    with open(path, "wb") as out:
        ox.serialize(ox.parse(text.encode(), parse_as), out, FORMATS[fmt], **kwargs)


def kwpld_writers(graph, quads, folder: Path) -> dict[str, Callable[[], None]]:  # noqa: ANN001
    from kwpld.formats.turtle import write_trig, write_turtle
    from kwpld.publish.jsonld import JsonLdContext, write_jsonld

    def text_file(name: str) -> io.TextIOWrapper:
        return open(folder / name, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def nq() -> None:
        with text_file("k.nq") as out:
            out.write(nquads_text(quads.by_graph))

    def nt() -> None:
        with text_file("k.nt") as out:
            out.write(ntriples_text(quads.union))

    def ttl() -> None:
        with text_file("k.ttl") as out:
            write_turtle(quads.union, out, graph.prefixes)

    def trig() -> None:
        with text_file("k.trig") as out:
            write_trig(quads.by_graph, out, graph.prefixes)

    def jsonld() -> None:
        shutil.rmtree(folder / "framed", ignore_errors=True)
        with text_file("k.jsonld") as out:
            write_jsonld(quads, out, folder / "framed", JsonLdContext.load(), graph.base_iri)

    return {"N-Quads": nq, "N-Triples": nt, "Turtle": ttl, "TriG": trig, "JSON-LD": jsonld}


EXTENSIONS = {
    "N-Quads": "nq",
    "N-Triples": "nt",
    "Turtle": "ttl",
    "TriG": "trig",
    "JSON-LD": "jsonld",
}


def emit(data: Path, folder: Path) -> None:
    """In a fresh process: pyoxigraph's output of every format (for the stability check)."""
    graph, quads = prepare(data)
    ox_quads, ox_triples = to_ox(quads)
    for fmt in FORMATS:
        ox_write(fmt, ox_quads, ox_triples, folder / f"o.{EXTENSIONS[fmt]}", graph.prefixes)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def same_rdf(fmt: str, one: Path, two: Path) -> bool:
    def parsed(path: Path) -> set[str]:
        return {str(q) for q in ox.parse(path=str(path), format=FORMATS[fmt])}

    return parsed(one) == parsed(two)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--emit", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    data = corpus(args.records)
    if args.emit:
        emit(data, Path(args.emit))
        return
    graph, quads = prepare(data)
    folder = Path(tempfile.mkdtemp(prefix="kwpld-serializers-"))
    try:
        start = time.process_time()
        ox_quads, ox_triples = to_ox(quads)
        convert = time.process_time() - start
        cached_terms, cached_quads = to_ox_cached(quads)
        mine = kwpld_writers(graph, quads, folder)
        steps: dict[str, Callable[[], None]] = {}
        for fmt in FORMATS:
            steps[f"kwpld {fmt}"] = mine[fmt]
            path = folder / f"o.{EXTENSIONS[fmt]}"
            steps[f"pyoxigraph {fmt}"] = lambda fmt=fmt, path=path: ox_write(
                fmt, ox_quads, ox_triples, path, graph.prefixes
            )
            streamed = folder / f"s.{EXTENSIONS[fmt]}"
            steps[f"streamed {fmt}"] = lambda fmt=fmt, path=streamed: ox_stream(
                fmt, quads, path, graph.prefixes
            )
        names = list(steps)
        times: dict[str, list[float]] = {n: [] for n in names}
        for number in range(args.rounds):
            order = names[number % len(names) :] + names[: number % len(names)]
            for name in order:
                t = time.process_time()
                steps[name]()
                times[name].append(time.process_time() - t)
        # stability: two fresh processes
        runs = []
        for index in (1, 2):
            out = folder / f"run{index}"
            out.mkdir()
            command = [sys.executable, __file__, "--records", str(args.records), "--emit", str(out)]
            subprocess.run(command, check=True)
            runs.append(out)
        print(
            f"{quads.quad_count:,} quads, {quads.triple_count:,} triples "
            f"({args.records:,} records); pyoxigraph terms from kwpld's strings: {convert:.2f} s "
            "(once, for all formats); with each distinct term converted once: "
            f"{cached_terms:.2f} s for the terms and {cached_quads:.2f} s for the quads "
            "(the triples of the union would come on top)"
        )
        print(
            "| format | kwpld, CPU | pyoxigraph, terms given, CPU | **vs kwpld** | "
            "pyoxigraph end to end from kwpld's terms, CPU | **vs kwpld** | "
            "kwpld size | pyoxigraph size | pyoxigraph stable across processes | same RDF | "
            "same bytes as kwpld |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :-: | :-: | :-: |")
        for fmt in FORMATS:
            ext = EXTENSIONS[fmt]
            k = statistics.median(times[f"kwpld {fmt}"])
            o = statistics.median(times[f"pyoxigraph {fmt}"])
            e = statistics.median(times[f"streamed {fmt}"])
            stable = (
                digest(runs[0] / f"o.{ext}")
                == digest(runs[1] / f"o.{ext}")
                == digest(folder / f"o.{ext}")
            )
            same = same_rdf(fmt, folder / f"k.{ext}", folder / f"o.{ext}")
            same_bytes = digest(folder / f"k.{ext}") == digest(folder / f"o.{ext}")
            assert digest(folder / f"s.{ext}") == digest(folder / f"o.{ext}")
            print(
                f"| {fmt} | {k:.2f} s | {o:.2f} s | **{k / o:.1f}×** | "
                f"{e:.2f} s | **{k / e:.2f}×** | "
                f"{(folder / f'k.{ext}').stat().st_size / 1e6:.0f} MB | "
                f"{(folder / f'o.{ext}').stat().st_size / 1e6:.0f} MB | "
                f"{'yes' if stable else 'NO'} | {'yes' if same else 'NO'} | "
                f"{'yes' if same_bytes else 'no'} |"
            )
        for ext in ("ttl", "trig"):
            print(f"\n--- kwpld data.{ext}, first subject block ---")
            print(_first_block(folder / f"k.{ext}"))
            print(f"--- pyoxigraph {ext}, first subject block ---")
            print(_first_block(folder / f"o.{ext}"))
        print(
            f"\nload average {os.getloadavg()[0]:.1f}; rounds {args.rounds} (order rotated); "
            "`python bench/experiments/serializers.py " + " ".join(sys.argv[1:]) + "`"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _first_block(path: Path, lines: int = 24) -> str:
    """The first prefix lines, how many there are, and the first lines after them."""
    head: list[str] = []
    prefixes: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("@prefix"):
                prefixes.append(line.split()[1])
            elif line.strip() and not line.startswith("#"):
                head.append(line)
                if len(head) >= lines:
                    break
    order = ", ".join(prefixes[:6])
    return f"{len(prefixes)} prefixes, first: {order}\n" + "".join(head)


if __name__ == "__main__":
    main()
