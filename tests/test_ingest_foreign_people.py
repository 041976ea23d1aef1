"""Foreign leaders read as people by the shapes of kwpld/reading/foreign_names.yaml, and Korean
names and English words never read as foreigners."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _people(text: str, known: Known) -> set[str]:
    _, drafted = read_text(text, known=known, date="2021-02-11", article_type="news")
    return {d.id for d in drafted.drafts if d.kind == "person"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Kim Jong Il warmly greeted Hu Jintao, general secretary of the CPC.", "hu-jintao"),
        ("Talks were held with Xi Jinping in Beijing.", "xi-jinping"),
        ("The guests on the platform were Li Qiang, premier of the State Council.", "li-qiang"),
        ("Chinese Premier Wang Yi arrived in Pyongyang.", "wang-yi"),
        ("Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome.", "vladimir-putin"),
        ("Sergei Shoigu, the Russian defence minister, visited.", "sergei-shoigu"),
        ("A delegation led by Nguyen Phu Trong arrived.", "nguyen-phu-trong"),
    ],
)
def test_foreign_leaders_are_people(known: Known, text: str, person: str) -> None:
    assert person in _people(text, known)


def test_korean_names_and_english_words_stay_as_they_are(known: Known) -> None:
    text = (
        "Song Hyo Jong and Wang Gang spoke. He Made a speech at the Li Building. "
        "Li Ming and Sun Rises met."
    )
    people = _people(text, known)
    assert {"song-hyo-jong", "wang-gang"} <= people
    assert not {p for p in people if p.startswith(("he-", "li-", "sun-"))}


def test_a_foreign_guest_attends(known: Known) -> None:
    text = (
        "Pyongyang, October 28 (KCNA) -- Talks between Kim Jong Il and Xi Jinping were held at "
        "the Kumsusan Assembly Hall in the afternoon."
    )
    _, drafted = read_text(text, known=known, date="2005-10-28", article_type="news")
    attending = {d.record["ref"] for d in drafted.drafts if d.kind == "participation"}
    assert "xi-jinping" in attending
