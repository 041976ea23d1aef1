"""The architecture's rules, measured on the source: no import cycles, no import up a layer.

The import graph comes from ``tools/import_graph.py`` (every import, lazy ones included;
``TYPE_CHECKING`` imports excepted, as they never run). A cycle ties stages together so that
none can be used, tested or changed alone; an import up a layer is how a cycle starts.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "tools/import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


@pytest.fixture(scope="module")
def edges(tool: ModuleType) -> dict[str, set[str]]:
    return tool.import_graph()


def test_the_import_graph_sees_every_module_and_lazy_imports(edges: dict[str, set[str]]) -> None:
    assert len(edges) > 100
    # kwpld.build imports the validate stage; a lazy import (inside a function) counts too
    assert "kwpld.validate" in edges["kwpld.build"]
    assert "kwpld.validate.reference" in edges["kwpld.validate.validator"]  # lazy, in _pyshacl


def test_the_cycle_finder_finds_a_cycle(tool: ModuleType) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert tool.cycles(graph) == [["a", "b", "c"]]
    assert tool.cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles(tool: ModuleType, edges: dict[str, set[str]]) -> None:
    assert tool.cycles(edges) == [], "import cycles (see python tools/import_graph.py)"


def test_no_import_runs_up_a_layer(tool: ModuleType, edges: dict[str, set[str]]) -> None:
    assert tool.upward_edges(edges) == []


def test_no_stage_imports_the_orchestrator(edges: dict[str, set[str]]) -> None:
    """Stages take what they need as arguments; only front ends and views call the build."""
    allowed = ("kwpld.cli", "kwpld.serve", "kwpld.charts", "kwpld.site", "kwpld.sparql")
    importers = {src for src, dsts in edges.items() if "kwpld.build" in dsts}
    assert {m for m in importers if m != "kwpld" and not m.startswith(allowed)} == set()


def test_every_module_is_in_a_layer(tool: ModuleType, edges: dict[str, set[str]]) -> None:
    for module in edges:
        tool.layer_of(module)  # raises for a module no layer names


def test_curation_and_scoring_depend_on_ingest_one_way(edges: dict[str, set[str]]) -> None:
    """Ingest writes review files, so it may import the review stage; a decision on a draft
    never runs the reader, so review never imports ingest. The scorers judge ingest from
    outside: they import it, and nothing but front ends imports them."""

    def stage(module: str) -> str:
        return ".".join(module.split(".")[:2])

    arrows = {(stage(src), stage(dst)) for src, dsts in edges.items() for dst in dsts}
    assert ("kwpld.review", "kwpld.ingest") not in arrows
    assert ("kwpld.sources", "kwpld.ingest") not in arrows
    assert ("kwpld.sources", "kwpld.review") not in arrows
    # the model of an article being read builds on nothing of the passes that read it
    assert ("kwpld.reading", "kwpld.ingest") not in arrows
    assert ("kwpld.reading", "kwpld.review") not in arrows
    # identity resolution reads what reading found; ingest runs it, never the other way
    assert ("kwpld.identity", "kwpld.ingest") not in arrows
    assert ("kwpld.reading", "kwpld.identity") not in arrows
    # the passes find; ingest runs them, merges and drafts: never the other way
    assert ("kwpld.extract", "kwpld.ingest") not in arrows
    assert ("kwpld.reading", "kwpld.extract") not in arrows
    importers = {src for src, dst in arrows if dst == "kwpld.evaluate" and src != "kwpld.evaluate"}
    assert importers <= {"kwpld.cli", "kwpld.serve"}
