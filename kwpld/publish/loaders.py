"""Loader scripts of a release: one per common triple store, filled in from templates.

``load/`` holds a script for Virtuoso, Jena TDB2, Fuseki, Oxigraph, GraphDB and plain SPARQL
Update, a Qleverfile, and ``graphs.txt`` (the release's graph IRIs, which the Virtuoso and
Fuseki loaders clear first). The scripts are ``templates/*`` with ``{{placeholders}}``: data
files, readable and testable as they are, never strings in code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from .lines import write_bytes
from .manifest import ReleaseFile
from .plan import SOURCES_STEM, GraphFiles, ReleasePlan

__all__ = ["write_loaders", "GRAPH_LIST"]

GRAPH_LIST = "graphs.txt"
"""``load/graphs.txt``: the release's graph IRIs, one a line, for loaders that clear them."""

_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")


def _render(name: str, values: dict[str, str]) -> str:
    text = (Path(__file__).parent / "templates" / name).read_text("utf-8")

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"template {name} uses {{{{{key}}}}}, which the writer does not fill")
        return values[key]

    return _PLACEHOLDER.sub(replace, text)


def _sh_quote(value: str) -> str:
    return "'" + value.replace("'", "'\"'\"'") + "'"


def write_loaders(
    plan: ReleasePlan, files: list[ReleaseFile], graph_files: list[GraphFiles]
) -> list[ReleaseFile]:
    """The loader scripts under ``load/`` for the files written so far (``files``)."""
    folder, info, options = plan.folder, plan.info, plan.options
    nquads = " ".join(f.path for f in files if f.path.startswith("data") and f.ext == "nq")
    update_count = sum(1 for f in files if f.path.startswith("update/"))
    triple_graphs = [g for g in graph_files if g.stem != SOURCES_STEM]
    source_parts = [
        f.path for f in files if f.path.startswith(f"graphs/{SOURCES_STEM}") and ".nq" in f.path
    ]
    gz = ".gz" if options.gzip else ""
    puts = "\n".join(
        f"put {quote(g.graph, safe='')} " + " ".join(_sh_quote(p) for p in g.parts)
        for g in triple_graphs
    )
    multi = [
        {"cmd": "zcat -f " + " ".join(f"../{p}" for p in g.parts), "format": "nt", "graph": g.graph}
        for g in triple_graphs
    ]
    if source_parts:
        multi.append(
            {"cmd": "zcat -f " + " ".join(f"../{p}" for p in source_parts), "format": "nq"}
        )
    source_count = sum(1 for g in graph_files if g.stem == SOURCES_STEM)
    values = {
        "dataset_id": info.id,
        # one line, and $ doubled: qlever-control reads the Qleverfile with interpolation
        "title": " ".join(info.title.split()).replace("$", "$$"),
        "triples": str(plan.quads.triple_count),
        "quads": str(sum(g.triples for g in graph_files)),
        "file_count": str(sum(len(g.parts) for g in triple_graphs) + len(source_parts)),
        "graph_count": str(len(graph_files)),
        "source_graph_count": str(source_count),
        "nquads_files": nquads,
        "nt_pattern": f"*.nt{gz}",
        "nq_pattern": f"*.nq{gz}",
        "source_graph_base": plan.names.source_prefix,
        "puts": puts,
        "source_files": " ".join(_sh_quote(p) for p in source_parts),
        "chunk": str(options.update_chunk),
        "update_count": str(update_count),
        "multi_input": json.dumps(multi, ensure_ascii=False),
    }
    written = []
    for name in (
        "virtuoso.sh",
        "jena-tdb2.sh",
        "fuseki-upload.sh",
        "oxigraph.sh",
        "graphdb.sh",
        "qlever.sh",
        "sparql-update.sh",
    ):
        data = _render(name, values).encode("utf-8")
        written.append(
            ReleaseFile.of(folder, write_bytes(folder / "load" / name, data, executable=True))
        )
    data = _render("Qleverfile", values).encode("utf-8")
    written.append(
        ReleaseFile.of(folder, write_bytes(folder / "load" / "Qleverfile", data), kind="Qleverfile")
    )
    # The release's graphs, one IRI a line: what the Virtuoso and Fuseki loaders clear first.
    data = "".join(f"{g.graph}\n" for g in graph_files).encode("utf-8")
    written.append(
        ReleaseFile.of(folder, write_bytes(folder / "load" / GRAPH_LIST, data), kind="txt")
    )
    return written
