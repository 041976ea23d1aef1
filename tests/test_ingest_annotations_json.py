"""The annotations writer writes what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kwpld.ingest.annotations import dumps

JSON = st.recursive(
    st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=True)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=5), JSON, max_size=5))
def test_same_text_as_json(data: dict[str, Any]) -> None:
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_keys_that_are_not_strings_left_to_json() -> None:
    data: dict[Any, Any] = {"a": {1: [True, None, 2.5]}}
    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
