"""Field-level checks and normalization of single values (kwpld.load.values)."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import FIXTURES

import kwpld
from kwpld.build import build_graph
from kwpld.errors import InputError
from kwpld.load.values import base_iri_problem, iri_problem, language_tag_problem, text_problem

COMPOSED = "김정수 Chŏng"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def folder_with_name(tmp_path: Path, name: str, label: str) -> Path:
    data = tmp_path / label
    shutil.copytree(FIXTURES / "minimal", data)
    (data / "extra.yaml").write_text(
        f'kwpld: 1\npeople:\n  - id: kim-test\n    names: [{{text: "{name}", system: hangul}}]\n',
        encoding="utf-8",
    )
    return data


def test_decomposed_names_are_read_as_composed(tmp_path: Path):
    assert DECOMPOSED != COMPOSED
    records, decomposed = build_graph(folder_with_name(tmp_path, DECOMPOSED, "nfd"))
    _, composed = build_graph(folder_with_name(tmp_path, COMPOSED, "nfc"))
    assert [n.text for n in records["kim-test"].names] == [COMPOSED]
    assert decomposed.to_nquads() == composed.to_nquads()  # same labels, same label IRIs


@pytest.mark.parametrize(
    "tag", ["en", "ko-Kore-KP", "i-klingon", "x-private", "zh-yue-HK", "de-1996-1901", "EN-gb"]
)
def test_well_formed_tags_pass_and_parse(tag: str):
    assert language_tag_problem(tag) is None
    ox.Literal("x", language=tag)


@pytest.mark.parametrize(
    "iri",
    [
        "https://example.org/a%20b",
        "http://[::1]:8080/x?q=é",
        "https://ko.wikipedia.org/wiki/김정수",
    ],
)
def test_good_iris_pass_and_parse(iri: str):
    assert iri_problem(iri) is None
    ox.NamedNode(iri)


def test_base_iris_must_end_with_a_slash_or_hash():
    assert base_iri_problem("https://example.org/id/") is None
    assert base_iri_problem("https://example.org/id#") is None
    assert "must end with / or #" in (base_iri_problem("https://example.org/id") or "")


def test_the_library_checks_the_base_iri_option(tmp_path: Path):
    with pytest.raises(InputError, match="--base-iri 'https://example.org/a b/' contains a space"):
        kwpld.build(FIXTURES / "minimal", tmp_path / "out", base_iri="https://example.org/a b/")
    assert not (tmp_path / "out").exists()


def test_text_checks():
    assert text_problem("Kim Jong Su") is None
    assert text_problem("Kim\u200dJong") is None  # a joiner inside a name is fine
    assert "only invisible" in (text_problem("\u200b\ufff9") or "")
    assert "bidirectional" in (text_problem("a\u2067b") or "")
