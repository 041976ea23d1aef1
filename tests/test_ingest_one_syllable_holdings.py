"""A one-syllable given name after a trigger or before an appositive title ("elected Choe Hwi
as a member", "Choe Hwi, vice-chairman of ...") is a person who holds the post."""

from __future__ import annotations

import pytest

from kwpld.ingest import Known, read_text

KCNA = "Pyongyang, February 11 (KCNA) -- "


@pytest.fixture(scope="module")
def empty() -> Known:
    return Known.build([])


def _ids(text: str, known: Known) -> set[str]:
    _, drafted = read_text(KCNA + text, known=known, date="2021-02-11", article_type="news")
    return {d.id for d in drafted.drafts if d.kind in ("person", "membership")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The meeting elected Choe Hwi as a member of the Political Bureau.",
            {"choe-hwi", "choe-hwi.wpk-pb.2021-02-11"},
        ),
        (
            "Choe Hwi, vice-chairman of the Central Committee, spoke.",
            {"choe-hwi", "choe-hwi.wpk-cc-vice-chairman.2021-02-11"},
        ),
        (
            "Ri Il Hwan and Choe Hwi were elected members of the Political Bureau.",
            {"choe-hwi.wpk-pb.2021-02-11", "ri-il-hwan.wpk-pb.2021-02-11"},
        ),
    ],
)
def test_one_syllable_given_names_hold_posts(empty: Known, text: str, expected: set[str]) -> None:
    assert expected <= _ids(text, empty)
