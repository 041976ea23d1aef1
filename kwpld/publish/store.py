"""The embedded store: load a release into on-disk pyoxigraph, and query a release or a store.

pyoxigraph is kwpld's default store: no server, SPARQL 1.1, and a bulk loader that reads the
release's N-Quads natively. Queries see the union of all named graphs as their default graph,
as Virtuoso does when a query names no graph, so the example queries give the same answers
on both.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from ..errors import InputError, KwpldError
from ..namespaces import XSD_STRING, data_prefixes
from .manifest import MANIFEST, Manifest, is_release, read_manifest

__all__ = [
    "LoadResult",
    "QueryOutput",
    "load_release",
    "open_store",
    "read_query",
    "run_query",
    "graph_counts",
    "RESULT_FORMATS",
]

RESULT_FORMATS = ("table", "csv", "tsv", "json")


class StoreError(KwpldError):
    """The store cannot be opened or does not hold what the release says."""

    exit_code = 1


@dataclass
class LoadResult:
    store: Path
    graphs: dict[str, int]
    triples: int


def _open_part(path: Path) -> IO[bytes]:
    # a GzipFile reads as any binary file does (typeshed does not call it an IO[bytes])
    return cast(IO[bytes], gzip.open(path, "rb")) if path.name.endswith(".gz") else path.open("rb")


def _bulk_load(store: ox.Store, folder: Path, manifest: Manifest) -> None:
    for path in manifest.data_files("nq"):
        with _open_part(folder / path) as handle:
            store.bulk_load(input=handle, format=ox.RdfFormat.N_QUADS)


def graph_counts(store: ox.Store) -> dict[str, int]:
    """Triples per named graph (graph IRI -> count)."""
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(rows, ox.QuerySolutions)
    return {row["g"].value: int(row["n"].value) for row in rows}


def check_counts(found: dict[str, int], manifest: Manifest, where: str) -> None:
    """Raise when a graph of the release does not hold the manifest's number of triples."""
    wrong = []
    for entry in manifest.graphs:
        have = found.get(entry.iri, 0)
        if have != entry.triples:
            wrong.append(f"  {entry.iri}: {have} triples, the manifest says {entry.triples}")
    if wrong:
        raise StoreError(f"{where} does not hold the release exactly:\n" + "\n".join(wrong))


def load_release(folder: str | Path, store_path: str | Path, *, replace: bool = True) -> LoadResult:
    """Load a release into the on-disk store at ``store_path`` (created if missing).

    With ``replace`` (the default) the release's graphs are emptied first, so loading a newer
    release of the same dataset replaces the older one; graphs of other datasets stay. The
    result is checked against the manifest's triple counts.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)
    store_path = Path(store_path)
    if is_release(store_path):
        raise InputError(
            f"{store_path} is a release folder, not a store; give a new folder for --store"
        )
    try:
        store = ox.Store(str(store_path))
    except OSError as exc:
        raise StoreError(f"cannot open the store {store_path}: {exc}") from None
    if replace:
        for entry in manifest.graphs:
            store.remove_graph(ox.NamedNode(entry.iri))
    _bulk_load(store, folder, manifest)
    store.flush()
    counts = graph_counts(store)
    check_counts(counts, manifest, f"the store {store_path}")
    mine = {e.iri: counts.get(e.iri, 0) for e in manifest.graphs}
    return LoadResult(store_path, mine, sum(mine.values()))


def open_store(path: str | Path) -> ox.Store:
    """A release folder (loaded into memory) or an on-disk store (opened read-only)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such release folder or store")
    if is_release(path):
        manifest = read_manifest(path)
        store = ox.Store()
        _bulk_load(store, path, manifest)
        return store
    if not (path / "CURRENT").is_file():  # every RocksDB store has it; say so, not its errors
        raise InputError(f"{path}: neither a kwpld release (no {MANIFEST}) nor a kwpld load store")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise InputError(f"{path}: the store cannot be opened: {exc}") from None


def read_query(query: str) -> tuple[str, str]:
    """The query text and where it came from: a ``.rq`` file or the string itself."""
    candidate = Path(query)
    if query.endswith((".rq", ".sparql")) or (
        len(query) < 4096 and "\n" not in query and candidate.is_file()
    ):
        if not candidate.is_file():
            raise InputError(f"{query}: no such query file")
        return candidate.read_text("utf-8"), str(candidate)
    return query, "the query"


@dataclass
class QueryOutput:
    """The answer of one query, with the variables in their SELECT order."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None

    def render(self, output: str, prefixes: dict[str, str] | None = None) -> str:
        if output not in RESULT_FORMATS:
            raise InputError(
                f"unknown output format {output!r}; use one of {', '.join(RESULT_FORMATS)}"
            )
        if self.kind == "ask":
            if output == "json":
                return json.dumps({"head": {}, "boolean": self.boolean}) + "\n"
            return ("true" if self.boolean else "false") + "\n"
        if self.kind == "graph":
            assert self.triples is not None
            return "".join(f"{t} .\n" for t in self.triples)
        if output == "json":
            return _json_results(self) + "\n"
        if output in ("csv", "tsv"):
            return _delimited(self, output)
        return _table(self, prefixes or {})


def run_query(store: ox.Store, text: str, source: str = "the query") -> QueryOutput:
    """Run a SPARQL query over the union of the store's graphs."""
    try:
        result = store.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise InputError(f"{source}: SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise StoreError(f"{source}: the query failed: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryOutput("ask", [], [], boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [[row[v] for v in variables] for row in result]
        return QueryOutput("select", variables, rows)
    return QueryOutput("graph", [], [], triples=list(result))


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    data = {"type": "literal", "value": term.value}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        data["datatype"] = term.datatype.value
    return data


def _json_results(out: QueryOutput) -> str:
    bindings = [
        {v: _term_json(t) for v, t in zip(out.variables, row, strict=True) if t is not None}
        for row in out.rows
    ]
    return json.dumps(
        {"head": {"vars": out.variables}, "results": {"bindings": bindings}}, ensure_ascii=False
    )


def _delimited(out: QueryOutput, output: str) -> str:
    buffer = io.StringIO()
    if output == "csv":
        # SPARQL 1.1 CSV: plain values, IRIs and literals without markup.
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(out.variables)
        for row in out.rows:
            writer.writerow(["" if t is None else t.value for t in row])
    else:
        # SPARQL 1.1 TSV: terms in their SPARQL/Turtle form, so types and languages survive.
        buffer.write("\t".join(f"?{v}" for v in out.variables) + "\n")
        for row in out.rows:
            buffer.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return buffer.getvalue()


def _table(out: QueryOutput, prefixes: dict[str, str]) -> str:
    by_length = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def show(term: Any) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            for prefix, namespace in by_length:
                if term.value.startswith(namespace) and len(term.value) > len(namespace):
                    return f"{prefix}:{term.value[len(namespace) :]}"
            return f"<{term.value}>"
        if isinstance(term, ox.Literal):
            return term.value + (f" @{term.language}" if term.language else "")
        return str(term)

    cells = [[show(t) for t in row] for row in out.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(out.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(out.variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def default_prefixes(base_iri: str | None) -> dict[str, str]:
    from ..namespaces import DEFAULT_BASE_IRI

    return data_prefixes(base_iri or DEFAULT_BASE_IRI)
