"""The fact-pattern engine (kwpld/reading/sentences.py, codecache.py): patterns compiled from
one parse, or from the file that keeps what they compile to, match exactly as ``re.compile``
of the same text does; a need a pattern tests first never hides a match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kwpld.reading import facts
from kwpld.reading.sentences import SymbolPattern, compile_patterns
from kwpld.resources import resource_yaml

# symbol strings as the passes write them (one item per token: P person, T title, O organ,
# E event, D date), built to meet the patterns' shapes: election, appointment, dismissal,
# replacement, attendance lists, titles held
STRINGS = [
    "P0 was elected T2 .",
    "P0 was appointed T2 , replacing P5 .",
    "P0 and P2 were elected T4 and T6 of O8 at E10 .",
    "P0 was relieved of his post as T6 .",
    "D0 , P2 , T4 , attended E6 .",
    "present were P0 , P2 and P4 .",
    "T0 P1 and T2 P3 attended E5 .",
    "P0 , T2 , has been T4 since D6 .",
    "O0 elected P2 as T4 .",
    "P0 succeeded P2 as T4 in D6 .",
    "E0 was held in D2 with P4 .",
    "the members of O0 are P2 , P4 and P6 .",
    "on the platform were P0 , T2 , and P4 , T6 .",
    "P0 was named T2 of O4 on D6 , the first time since D8 .",
    "nothing here names a person .",
    "",
]


def _fact_patterns() -> tuple[list[str], dict[str, str]]:
    data = resource_yaml("kwpld/reading/facts.yaml")
    keys = [k for k in data if k.endswith("_patterns")]
    specs = [spec["pattern"] for key in keys for spec in data[key]]
    return specs, facts._trigger_macros(facts.fact_lexicon())


def _same_matches(patterns: list[SymbolPattern]) -> int:
    matched = 0
    for pattern in patterns:
        plain = re.compile(pattern.pattern)
        assert pattern.regex.groupindex == plain.groupindex
        assert pattern.regex.flags == plain.flags
        for string in STRINGS:
            ours = [(m.span(), m.groupdict()) for m in pattern.finditer(string)]
            theirs = [(m.span(), m.groupdict()) for m in plain.finditer(string)]
            assert ours == theirs, (pattern.pattern[:80], string)
            assert (pattern.search(string) is None) == (not theirs)
            matched += bool(theirs)
    return matched


def test_fact_patterns_match_as_re_compile_does_cold_and_from_the_file(tmp_path: Path) -> None:
    specs, macros = _fact_patterns()
    cache = tmp_path / "patterns.json"
    cold = compile_patterns(specs, macros, cache=cache)
    assert cache.is_file()
    warm = compile_patterns(specs, macros, cache=cache)
    assert [p.pattern for p in warm] == [p.pattern for p in cold]
    assert [p.needs for p in warm] == [p.needs for p in cold]
    assert _same_matches(cold) == _same_matches(warm) > 20  # the strings do meet patterns


def test_a_pattern_needs_the_letter_of_each_typed_item_it_matches() -> None:
    (pattern,) = compile_patterns(["{PEOPLE} {AUX} elected (?P<titles>{TITLES})"])
    assert {"P", "T", " elected "} <= set(pattern.needs)
    assert pattern.search("P0 was elected T2") is not None
    assert pattern.search("P0 was elected president") is None  # no title: not run


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b'{"key": "another", "entries": []}',
        None,  # the right key, with code the engine refuses
    ],
)
def test_a_file_that_cannot_be_used_is_compiled_afresh_and_rewritten(
    tmp_path: Path, content: bytes | None
) -> None:
    specs = ["{PEOPLE} {AUX} elected (?P<titles>{TITLES})", "(?P<who>P\\d+) resigned"]
    cache = tmp_path / "patterns.json"
    first = compile_patterns(specs, cache=cache)
    kept = json.loads(cache.read_bytes())
    if content is None:
        refused = json.loads(cache.read_bytes())
        for entry in refused["entries"]:
            entry[1] = [9999] * len(entry[1])
        content = json.dumps(refused).encode()
    cache.write_bytes(content)
    again = compile_patterns(specs, cache=cache)
    assert [p.regex.pattern for p in again] == [p.regex.pattern for p in first]
    assert [p.needs for p in again] == [p.needs for p in first]
    assert again[1].search("P3 resigned") is not None
    assert json.loads(cache.read_bytes()) == kept  # rewritten as it was first written


def test_an_unwritable_cache_folder_only_costs_the_compile(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (pattern,) = compile_patterns(["(?P<who>P\\d+) resigned"], cache=blocker / "sub" / "c.json")
    assert pattern.search("P3 resigned") is not None


def test_the_file_is_keyed_by_the_source_that_works_out_the_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kwpld.reading import sentences

    cache = tmp_path / "patterns.json"
    compile_patterns(["(?P<who>P\\d+) resigned"], cache=cache)
    key = json.loads(cache.read_bytes())["key"]
    monkeypatch.setattr(sentences, "_source_hash", lambda: "another version of the module")
    compile_patterns(["(?P<who>P\\d+) resigned"], cache=cache)
    assert json.loads(cache.read_bytes())["key"] != key
