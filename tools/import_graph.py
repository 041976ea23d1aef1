"""The import graph of the kwpld package, from its source (no module is imported).

Why a script: the architecture rules (no import cycles; a stage never imports the orchestrator
or anything above its own layer) are only kept if they are measured. Every ``import`` counts,
including those inside functions (a lazy import is still a dependency); only imports under
``if TYPE_CHECKING:`` are ignored, as they never run.

    python tools/import_graph.py            # strongly connected components (cycles), one a line
    python tools/import_graph.py --edges    # every edge, "importer -> imported"
    python tools/import_graph.py --layers   # every import that runs up a layer

``tests/test_architecture.py`` asserts that the first and the last print nothing.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "kwpld"

# Layers, lowest first: a module may import from its own layer and those below, never above.
# Prefixes are matched longest first. The orchestrator (kwpld.build) sits above every stage;
# the front ends (CLI, the package's own __init__) above everything.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "foundation",
        [
            "kwpld.__about__",
            "kwpld.errors",
            "kwpld.namespaces",
            "kwpld.resources",
            "kwpld.progress",
            "kwpld.atomic",
            "kwpld.parallel",
            "kwpld.http",
            "kwpld.names",
            "kwpld.dates",
            "kwpld.rdf",
        ],
    ),
    (
        "core",
        [
            "kwpld.model",
            "kwpld.iris",
            "kwpld.graph",
            "kwpld.vocab",
            "kwpld.formats",
        ],
    ),
    (
        "stages",
        [
            "kwpld.load",
            "kwpld.mapping",
            "kwpld.wikidata",
            "kwpld.validate",
            "kwpld.publish",
            "kwpld.link",
            "kwpld.sources",
            "kwpld.review",
            "kwpld.reading",
            "kwpld.identity",
            "kwpld.extract",
            "kwpld.ingest",
            "kwpld.evaluate",
            "kwpld.merge",
            "kwpld.incremental",
            "kwpld.ontodoc",
            "kwpld.synth",
        ],
    ),
    ("orchestration", ["kwpld.build"]),
    ("views", ["kwpld.charts", "kwpld.site", "kwpld.sparql"]),
    ("front", ["kwpld.cli", "kwpld.serve", "kwpld.__main__", "kwpld"]),
]


def module_files(root: Path = ROOT) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    mods = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)
        mods[name] = path
    return mods


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = getattr(test, "id", getattr(test, "attr", ""))
            if name == "TYPE_CHECKING":
                skip |= {id(x) for stmt in node.body for x in ast.walk(stmt)}
    return skip


def imports_of(name: str, path: Path, mods: dict[str, Path]) -> set[str]:
    """The kwpld modules that ``name`` imports (a name imported from a package counts as the
    submodule when there is one, else as the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    skip = _type_checking_nodes(tree)
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target != "kwpld" and not target.startswith("kwpld."):
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                out.add(candidate if candidate in mods else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "kwpld" or alias.name.startswith("kwpld."):
                    out.add(alias.name)
    return {t for t in out if t in mods and t != name}


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    mods = module_files(root)
    return {name: imports_of(name, path, mods) for name, path in mods.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def layer_of(module: str) -> int:
    """The index of the module's layer in LAYERS (longest matching prefix)."""
    best, best_len = -1, -1
    for number, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = number, len(prefix)
    if best < 0:
        raise KeyError(f"{module} is in no layer; add it to LAYERS in tools/import_graph.py")
    return best


def upward_edges(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Imports from a lower layer into a higher one."""
    return sorted(
        (src, dst) for src, dsts in edges.items() for dst in dsts if layer_of(dst) > layer_of(src)
    )


def main(argv: list[str]) -> int:
    edges = import_graph()
    if "--edges" in argv:
        for src in sorted(edges):
            for dst in sorted(edges[src]):
                print(f"{src} -> {dst}")
        return 0
    if "--layers" in argv:
        for src, dst in upward_edges(edges):
            print(f"{src} ({LAYERS[layer_of(src)][0]}) -> {dst} ({LAYERS[layer_of(dst)][0]})")
        return 0
    for component in cycles(edges):
        print(len(component), component)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
