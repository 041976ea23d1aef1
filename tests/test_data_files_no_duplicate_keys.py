"""The lexicons and patterns under kwpld/ are YAML mappings that PyYAML would load silently with
the last of two equal keys: a merge of two branches that each add a key of the same name would
lose one of them without a word. Every mapping in every data file has distinct keys."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent / "kwpld"
FILES = sorted(ROOT.rglob("*.yaml"))


class _Strict(yaml.SafeLoader):
    duplicates: list[str]


def _mapping(loader: _Strict, node: yaml.MappingNode, deep: bool = False) -> object:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            loader.duplicates.append(f"line {key_node.start_mark.line + 1}: {key!r}")
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_there_are_data_files() -> None:
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_mapping_repeats_a_key(path: Path) -> None:
    loader = _Strict(path.read_text(encoding="utf-8"))
    loader.duplicates = []
    try:
        loader.get_single_data()
    finally:
        loader.dispose()
    assert loader.duplicates == [], f"{path.name}: {loader.duplicates}"


def test_a_repeated_key_is_caught() -> None:
    loader = _Strict("a: 1\nb: 2\na: 3\n")
    loader.duplicates = []
    loader.get_single_data()
    assert loader.duplicates == ["line 3: 'a'"]
