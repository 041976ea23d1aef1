"""The shape of ingest (docs/ingest.md, "How it is built"): a read-only document, passes that
return what they find without changing what they read, one merge step, no import cycles."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from kwpld.ingest.read import PASSES, read_article
from kwpld.reading.document import read_document
from kwpld.reading.entities import Entity, NameDraft, Registry
from kwpld.reading.known import Known
from kwpld.reading.lexicon import lexicon
from kwpld.reading.state import ARTICLE_KEY, Context, State
from kwpld.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"
PACKAGES = (ROOT / "kwpld" / "ingest", ROOT / "kwpld" / "extract")


def _imports() -> dict[str, set[str]]:
    modules = {}
    for path in (p for package in PACKAGES for p in package.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycles() -> None:
    graph = _imports()
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, dep]))
            if dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_passes_never_import_the_pipeline() -> None:
    graph = _imports()
    for module, deps in graph.items():
        if module.startswith("kwpld.extract"):
            assert not deps & {"kwpld.ingest.read", "kwpld.ingest.pipeline"}, module


def test_the_document_is_read_only() -> None:
    document = read_document(read_source(SEED))
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = ""  # type: ignore[misc]
    assert isinstance(document.words, tuple) and isinstance(document.sentences, tuple)
    token = document.token(0)
    assert document.text[token.start : token.end] == token.text


def _snapshot(state: State) -> str:
    registry = state.registry
    entities = [(key, repr(entity)) for key, entity in registry.entities.items()]
    parts = {f.name: repr(getattr(state, f.name)) for f in dataclasses.fields(state)}
    parts["mentions"] = repr(list(state.mentions))
    del parts["registry"]
    return repr((entities, sorted(registry._alias.items()), sorted(parts.items())))


def test_passes_return_what_they_find_and_change_nothing_they_read() -> None:
    """Each pass leaves the state as it found it; only merging its findings changes it, and
    merging them gives what the pipeline reads."""
    document = read_document(read_source(SEED))
    known = Known.build(None)
    lex = lexicon()
    registry = Registry()
    registry.add(Entity(ARTICLE_KEY, "article")).fields.update({"id": "a", "type": "analysis"})
    state = State(registry)
    changed_something = 0
    for run in PASSES:
        before = _snapshot(state)
        found = run(Context(document, known, lex, state))
        assert _snapshot(state) == before, f"{run.__module__}.{run.__name__} changed the state"
        if found.changes is not None and (found.changes.added() or found.changes.merges()):
            changed_something += 1
        state.merge(found)
    assert changed_something >= 10
    reading = read_article(document, known, article_id="a", article_type="analysis")
    assert [m.text for m in reading.mentions] == [m.text for m in state.mentions]


def test_changes_overlay_merges_and_keeps_order() -> None:
    registry = Registry()
    a = registry.add(Entity("a", "organ"))
    a.add_name(NameDraft("A"))
    registry.add(Entity("b", "organ"))
    changes = registry.changes()
    changes.get("a").add_name(NameDraft("Alpha"))
    changes.add(Entity("c", "organ"))
    changes.merge("a", "b")
    assert [n.text for n in registry.get("a").names] == ["A"]  # untouched until applied
    assert "b" in registry and [e.key for e in changes.added()] == ["c"]
    registry.apply(changes)
    assert list(registry.entities) == ["a", "c"]
    assert registry.resolve("b") == "a"
    assert [n.text for n in registry.get("b").names] == ["A", "Alpha"]
