"""The published JSON Schema is the format's contract; loader and vocabularies agree with it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from kwpld.load.schema import dataset_schema, record_schema
from kwpld.vocab import vocabularies

from .conftest import EXAMPLE

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
    from .conftest import ROOT

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
