"""The published JSON Schema is the format's contract; loader and vocabularies agree with it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from conftest import EXAMPLE

from kwpld.load.schema import dataset_schema, record_schema
from kwpld.vocab import vocabularies

# Fields whose enum is a controlled vocabulary: (definition, property) -> scheme
VOCABULARY_FIELDS = {
    ("name", "system"): "name-system",
    ("name", "kind"): "name-kind",
    ("person", "citizenship"): "country",
    ("organ", "kind"): "organ-kind",
    ("post", "role"): "role",
    ("membership", "role"): "role",
    ("membership", "status"): "membership-status",
    ("event", "type"): "event-type",
    ("article", "type"): "article-type",
}


def test_the_schemas_are_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(record_schema())
    jsonschema.Draft202012Validator.check_schema(dataset_schema())


@pytest.mark.parametrize(("where", "scheme"), sorted(VOCABULARY_FIELDS.items()))
def test_schema_enums_are_exactly_the_vocabulary_codes(where, scheme):
    definition, prop = where
    enum = record_schema()["$defs"][definition]["properties"][prop]["enum"]
    assert sorted(enum) == vocabularies()[scheme].notations


def test_every_example_file_is_valid_against_the_published_schema():
    validator = jsonschema.Draft202012Validator(record_schema())
    for path in sorted(EXAMPLE.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_NoDates)
        if path.name == "kwpld.yaml":
            jsonschema.validate(data, dataset_schema())
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, f"{path.name}: {[e.message for e in errors]}"


def test_every_record_field_is_documented():
    for name, definition in record_schema()["$defs"].items():
        for prop, spec in definition.get("properties", {}).items():
            if prop in ("id", "names", "note", "text", "quotes", "rules", "participants"):
                continue
            assert spec.get("description") or "$ref" in spec, f"{name}.{prop} has no description"


def test_the_format_document_mentions_every_kind_and_field():
    from conftest import ROOT

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    schema = record_schema()
    for kind in ("people", "organs", "posts", "memberships", "events", "articles"):
        assert f"`{kind}`" in doc
    for kind in ("person", "organ", "post", "membership", "event", "article", "name"):
        for prop in schema["$defs"][kind]["properties"]:
            assert f"`{prop}`" in doc, f"docs/format.md does not document {kind}.{prop}"


class _NoDates(yaml.SafeLoader):
    """The loader's view: dates stay text (see kwpld.load.files)."""


_NoDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_schema_files_are_pretty_and_stable():
    from kwpld.resources import resource_path

    for name in ("records-1", "dataset-1"):
        path = resource_path(f"kwpld/schemas/{name}.schema.json")
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def _example_records():
    from kwpld.load.files import read_csv, read_yaml
    from kwpld.model import KIND_KEYS

    records = []
    problems: list = []
    for path in sorted(EXAMPLE.glob("*.yaml")):
        if path.name == "kwpld.yaml":
            continue
        data = read_yaml(path, path.name, problems)
        for key, items in data.items():
            if key in KIND_KEYS:
                records.extend((KIND_KEYS[key], item) for item in items)
    records.extend(
        ("membership", row)
        for row in read_csv(EXAMPLE / "memberships.csv", "m", "membership", problems)
    )
    assert not problems
    return records


def _mutations(record: dict) -> list[dict]:
    """Systematic breakages of one record: each field removed, emptied, retyped; extra field."""
    out = [{**record, "extra_field": "x"}]
    for key, value in record.items():
        out.append({k: v for k, v in record.items() if k != key})
        for replacement in ("", " ", 0, -1, 3.5, True, [], ["x y"], {"a": 1}, "Bad Id"):
            if replacement != value:
                out.append({**record, key: replacement})
        if isinstance(value, list) and value and isinstance(value[0], dict):
            first = dict(value[0])
            out.append({**record, key: [{**first, "bogus": 1}, *value[1:]]})
            for inner in first:
                out.append({**record, key: [{**first, inner: []}, *value[1:]]})
    return out


def test_the_fast_validator_agrees_with_jsonschema_on_valid_and_broken_records():
    """fastjsonschema is the fast path; jsonschema the full explanation: they must agree."""
    import fastjsonschema

    from kwpld.load.schema import _fast_validator, _validator

    checked = 0
    for kind, record in _example_records():
        for candidate in [dict(record), *_mutations(dict(record))]:
            full = not any(True for _ in _validator(kind).iter_errors(candidate))
            try:
                _fast_validator(kind)(candidate)
                fast = True
            except fastjsonschema.JsonSchemaValueException:
                fast = False
            assert fast == full, (kind, candidate)
            checked += 1
    assert checked > 2000
