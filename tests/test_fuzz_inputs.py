"""Property-based fuzzing of names, ids, URLs, language tags and base IRIs through ``build``.

For any value Hypothesis makes up, either kwpld refuses the input with a clear problem (naming
the file and line of the value), or every RDF file it writes parses: with pyoxigraph (every
format, and the SPARQL Update files), rapper (N-Triples, Turtle, TriG) and serdi (N-Quads,
Turtle, TriG). The examples are few and derandomized so that CI stays fast and stable; set
KWPLD_FUZZ_EXAMPLES to run more (a random search, as a developer would).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import yaml
from conftest import FIXTURES, require_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kwpld
from kwpld.errors import InputError, LoadError

EXAMPLES = int(os.environ.get("KWPLD_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 20,
    deadline=None,
    derandomize=not EXAMPLES,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters that broke, or could break, a writer or a parser: controls, bidi and zero-width
# characters, noncharacters, surrogates, IRI delimiters, quotes and escapes, combining marks
# and decomposed Hangul jamo.
SPECIAL = (
    [chr(c) for c in range(0x00, 0x21)]
    + list("\x7f\x80\x85\x9f\xa0\xad")
    + list("\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u2060\ufeff\ufffd\ufffe\uffff")
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    + ["\ud800", "\udfff", "\ue000", "\U0001f600", "\U000e0001", "\ufdd0"]
    + list("\"'\\<>{}|^`%#?/:@[]!$&()*+,;=~.-_")
    + list("\u0301\u0308\u1100\u1161\u11a8\uac00김정수")
)
CHARS = st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8"))
HEX = list("0123456789abcdefABCDEF")
RELEASE = "https://releases.example.org/r/"
"""The base IRI the judges resolve the release's relative IRIs (void.ttl) against."""


@pytest.fixture(scope="module")
def tools() -> dict[str, str]:
    return {"rapper": require_tool("rapper"), "serdi": require_tool("serdi")}


@pytest.fixture
def folders(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    yield tmp_path / "data", tmp_path / "out"


def write_case(data: Path, records: dict[str, Any], dataset: dict[str, Any] | None = None) -> None:
    """The minimal fixture plus ``fuzz.yaml`` (written by PyYAML, so any string survives)."""
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(FIXTURES / "minimal", data)
    text = yaml.safe_dump({"kwpld": 1, **records}, allow_unicode=False, width=1 << 16)
    (data / "fuzz.yaml").write_text(text, encoding="utf-8")
    if dataset is not None:
        info = yaml.safe_load((data / "kwpld.yaml").read_text("utf-8"))
        info.update(dataset)
        text = yaml.safe_dump(info, allow_unicode=False, width=1 << 16)
        (data / "kwpld.yaml").write_text(text, encoding="utf-8")


def build_or_refuse(data: Path, out: Path, tools: dict[str, str], **options: Any) -> str:
    """Build; a refusal must be a clear problem, an acceptance must write parseable files."""
    if out.exists():
        shutil.rmtree(out)
    try:
        kwpld.build(data, out, validate=False, **options)
    except LoadError as refused:
        problems = list(refused.report)
        assert problems
        for problem in problems:
            assert problem.file in ("fuzz.yaml", "kwpld.yaml"), str(problem)
            assert problem.line, str(problem)
            assert problem.message and "\n" not in str(problem), str(problem)
        return "refused"
    except InputError as refused:
        assert str(refused) and "\n" not in str(refused)
        return "refused"
    judge(out, tools)
    return "built"


_OX = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
_EXTERNAL = {  # file -> [(tool, syntax)]
    "data.nt": [("rapper", "ntriples")],
    "data.nq": [("serdi", "nquads")],
    "data.ttl": [("rapper", "turtle"), ("serdi", "turtle")],
    "data.trig": [("rapper", "trig"), ("serdi", "trig")],
    "void.ttl": [("serdi", "turtle")],
}


def judge(out: Path, tools: dict[str, str]) -> None:
    """Every RDF file of the release parses, with every judge that reads its format."""
    for path in sorted(out.rglob("*")):
        if path.suffix in _OX and path.name != "context.jsonld":
            try:
                # void.ttl names the release's files by relative IRIs: parse with a base
                for _ in ox.parse(path=str(path), format=_OX[path.suffix], base_iri=RELEASE):
                    pass
            except (SyntaxError, ValueError) as exc:
                raise AssertionError(f"pyoxigraph rejects {path.relative_to(out)}: {exc}") from None
    for path in sorted((out / "update").glob("*.ru")):
        try:
            ox.Store().update(path.read_text("utf-8"))
        except (SyntaxError, ValueError) as exc:
            raise AssertionError(f"pyoxigraph rejects {path.relative_to(out)}: {exc}") from None
    for name, judges in _EXTERNAL.items():
        for tool, syntax in judges:
            if tool == "rapper":
                command = [tools[tool], "-q", "-c", "-i", syntax, str(out / name), RELEASE]
            else:
                command = [
                    tools[tool],
                    "-q",
                    "-i",
                    syntax,
                    "-o",
                    "ntriples",
                    str(out / name),
                    RELEASE,
                ]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            assert done.returncode == 0, f"{tool} rejects {name}: {done.stderr[-2000:]}"


# -- strategies -------------------------------------------------------------------------------


def texts() -> st.SearchStrategy[str]:
    return st.text(CHARS, min_size=1, max_size=12)


def ids() -> st.SearchStrategy[str]:
    alphabet = st.sampled_from(list("abcz09.-_ \n\tÉé\u0301\u200bQ/#%:"))
    return st.text(alphabet, min_size=1, max_size=10)


def iri_tails() -> st.SearchStrategy[str]:
    percent = st.tuples(st.just("%"), st.sampled_from(HEX + ["z", "g", ""]), st.sampled_from(HEX))
    pieces = st.one_of(
        CHARS, percent.map("".join), st.sampled_from(["/", "#", "?", "[::1]", ":80"])
    )
    return st.lists(pieces, max_size=8).map("".join)


def urls() -> st.SearchStrategy[str]:
    scheme = st.sampled_from(["http://", "https://", "http:/", "HTTP://", "ftp://", "", "http://"])
    host = st.sampled_from(["example.org", "", "ex ample.org", "[::1]", "[zz]", "a.b:8080", "é.kr"])
    return st.tuples(scheme, host, iri_tails()).map("".join)


def language_tags() -> st.SearchStrategy[str]:
    subtag = st.one_of(
        st.sampled_from(["en", "ko", "kor", "Kore", "KP", "419", "1901", "a", "x", "-", ""]),
        st.text(st.sampled_from(list("abcxyzAZ0159_- é")), max_size=9),
    )
    return st.lists(subtag, min_size=1, max_size=5).map("-".join)


# -- properties -------------------------------------------------------------------------------
# Each property collects what became of its examples and checks that some were built and some
# refused: a strategy that only ever makes bad (or only good) values would prove nothing.


def both_outcomes(outcomes: list[str]) -> None:
    assert "built" in outcomes and "refused" in outcomes, outcomes


def test_names(folders: tuple[Path, Path], tools: dict[str, str]):
    data, out = folders
    outcomes: list[str] = []

    @FUZZ
    @given(english=texts(), hangul=texts())
    def names(english: str, hangul: str) -> None:
        names = [{"text": english, "system": "en"}, {"text": hangul, "system": "hangul"}]
        write_case(data, {"people": [{"id": "fuzz-person", "names": names, "note": english}]})
        outcomes.append(build_or_refuse(data, out, tools))

    names()
    both_outcomes(outcomes)


def test_ids_and_titles(folders: tuple[Path, Path], tools: dict[str, str]):
    data, out = folders
    outcomes: list[str] = []

    @FUZZ
    @given(record_id=ids(), title=texts())
    def ids_and_titles(record_id: str, title: str) -> None:
        article = {"id": record_id, "type": "news", "title": title, "about": [record_id]}
        write_case(data, {"articles": [article]})
        outcomes.append(build_or_refuse(data, out, tools))

    ids_and_titles()
    both_outcomes(outcomes)


def test_urls_and_licences(folders: tuple[Path, Path], tools: dict[str, str]):
    data, out = folders
    outcomes: list[str] = []

    @FUZZ
    @given(url=urls(), license=urls())
    def urls_and_licences(url: str, license: str) -> None:
        article = {"id": "fuzz-article", "type": "news", "title": "T", "url": url}
        write_case(data, {"articles": [article]}, {"license": license, "homepage": url})
        outcomes.append(build_or_refuse(data, out, tools))

    urls_and_licences()
    both_outcomes(outcomes)


def test_base_iris(folders: tuple[Path, Path], tools: dict[str, str]):
    data, out = folders
    outcomes: list[str] = []
    write_case(data, {"articles": [{"id": "fuzz-article", "type": "news", "title": "T"}]})

    @FUZZ
    @given(base=st.tuples(st.sampled_from(["https://example.org/", "http://", ""]), iri_tails()))
    def base_iris(base: tuple[str, str]) -> None:
        outcomes.append(build_or_refuse(data, out, tools, base_iri="".join(base)))

    base_iris()
    both_outcomes(outcomes)


def test_language_tags(folders: tuple[Path, Path], tools: dict[str, str]):
    data, out = folders
    outcomes: list[str] = []

    @FUZZ
    @given(language=language_tags(), quoted=language_tags())
    def language_tags_(language: str, quoted: str) -> None:
        article = {
            "id": "fuzz-article",
            "type": "news",
            "title": "T",
            "language": language,
            "caption": "C",
            "quotes": [{"text": "Q", "language": quoted}],
        }
        write_case(data, {"articles": [article]})
        outcomes.append(build_or_refuse(data, out, tools))

    language_tags_()
    both_outcomes(outcomes)
