"""The direct YAML writer of review and article files writes what PyYAML wrote, byte for byte."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kwpld.review import yamlemit
from kwpld.review.yamlio import _flow_names, _pyyaml, dump_yaml

WORDS = [
    "Kim", "Jong", "Un", "Ch'oe", "Ryong-hae", "the", "WPK", "Central", "Committee,", "elected",
    "2010-09-28", "2010", "1.5", "yes", "no", "null", "~", "-", "--", "---", "...", "a:", "a: b",
    "#1", "x #y", "?", "'quoted'", '"double"', "[1]", "{a}", "@x", "`x`", "%", "&a", "*b", "!t",
    "|", ">", "조선로동당", "“Choe”", "Chuch’e", "\t", "\n", "\n\n", "😀", "\u2028", "\x85",
    "\ufeff", "\u00a0", "http://x.kp/a:b", "", " ", "=", "<<", "0x1F", "1e3", "on", "Off", "://",
]  # fmt: skip


def _text() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(WORDS), min_size=0, max_size=40)
    seps = st.sampled_from([" ", " ", " ", "  ", ""])
    return st.tuples(words, seps).map(lambda ws: ws[1].join(ws[0]))


GOOD_KEYS = ["id", "text", "system", "sources", "at", "sentence", "why", "kind", "names", "note",
             "mentions", "records", "kwpld-review", "mentions_of_records"]  # fmt: skip
KEYS = st.sampled_from(GOOD_KEYS * 8 + ["a b", "yes", "1", "x:y", "k" * 130])
SCALARS = st.one_of(_text(), st.integers(-5, 10**6), st.booleans(), st.none())


def _documents() -> st.SearchStrategy[dict[str, Any]]:
    tree = st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(st.one_of(SCALARS, st.dictionaries(KEYS, inner, max_size=4)), max_size=5),
            st.lists(st.integers(0, 99999), min_size=1, max_size=30),
            st.dictionaries(KEYS, inner, max_size=5),
        ),
        max_leaves=40,
    )
    return st.dictionaries(KEYS, tree, min_size=1, max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), st.integers(0, 3))
@example({"id": ["\n\n", ""]}, 0)  # a kept block ("|2+") ends the document open: "..." at its end
def test_writes_what_pyyaml_writes(data: dict[str, Any], depth: int) -> None:
    for _ in range(depth):  # deeper: wider indentation, earlier folds
        data = {"records": [{"id": "x", "names": [{"text": "A B", "system": "en"}], "d": data}]}
    assert dump_yaml(data) == _pyyaml(_flow_names(data))


def test_names_on_one_line_and_long_names_folded_by_libyaml() -> None:
    long_name = {"text": "Kim Jong Un " * 9, "system": "en", "sources": ["a-" * 20, "b"]}
    data = {
        "records": [
            {"id": "kim", "names": [{"text": "Kim", "system": "en", "sources": ["d01"]}, long_name]}
        ],
        "at": [1746, 1759],
        "sentence": (
            "Elected members of the Political Bureau were Kim Jong Il, Rim Sun Yong, " * 3
        ),
        "why": "a namesake of p-001277: here chief of the General Staff " * 3,
    }
    text = dump_yaml(data)
    assert "- {text: Kim, system: en, sources: [d01]}\n" in text
    assert "at: [1746, 1759]\n" in text
    assert text == _pyyaml(_flow_names(data))


def test_an_object_met_twice_is_left_to_pyyaml() -> None:
    shared = ["d01", "d02"]
    data = {"names": [{"text": "A", "sources": shared}, {"text": "B", "sources": shared}]}
    try:
        yamlemit.Writer(_pyyaml).document(_flow_names(data))
    except yamlemit.Unusual:
        pass
    else:  # pragma: no cover
        raise AssertionError("an anchor must be left to PyYAML")
    assert "&id001" in dump_yaml(data)
    assert dump_yaml(data) == _pyyaml(_flow_names(data))
