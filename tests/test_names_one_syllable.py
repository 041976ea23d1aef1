"""One-syllable given names ("Choe Hwi", "Kim Il") are Korean names; English words after a
family name ("Kim To Visit", "Pak In Moscow") are not."""

from __future__ import annotations

import pytest

from kwpld.names import is_one_syllable_given_name, korean_name_parts


@pytest.mark.parametrize(
    "name",
    [
        "Choe Hwi",  # 최휘
        "Ch'oe Hwi",
        "Kim Il",  # 김일
        "Nam Il",  # 남일
        "Choe Il",  # 최일
        "Kim Chaek",  # 김책
        "Kim Ch'aek",
        "Ho Dam",  # 허담
        "Hŏ Tam",
        "Choe Hyon",  # 최현
        "Ch'oe Hyŏn",
        "Choe Kwang",  # 최광
        "Ryu Kyong",  # 류경
        "Kang Kon",  # 강건
        "Kim Ung",  # 김웅
        "Kim Hyok",  # 김혁
        "Ri Chol",  # 리철
        "Choi Hwi",
        "CHOE HWI",
    ],
)
def test_one_syllable_given_names_are_names(name: str) -> None:
    family, given = name.split()
    assert korean_name_parts([family, given]) == (family, [given])


@pytest.mark.parametrize(
    "words",
    [
        ["Kim", "To"],
        ["Kim", "In"],
        ["Pak", "On"],
        ["Ri", "So"],
        ["Kim", "Man"],
        ["Han", "Son"],
        ["Kim", "At"],
        ["Kim", "Said"],
        ["Ri", "Is"],
        ["Kim", "The"],
        ["Han", "River"],
        ["Kim", "Hall"],
        ["Song", "Book"],
        ["Kim", "il"],  # not capitalized
        ["Kim", "Up"],
        ["Kim", "Go"],
        ["Kim", "No"],
        ["Party", "Il"],  # not a family name
    ],
)
def test_english_words_after_a_family_name_are_not_given_names(words: list[str]) -> None:
    assert korean_name_parts(words) is None


def test_longer_names_still_read_as_before() -> None:
    assert korean_name_parts(["Kim", "Jong", "Un"]) == ("Kim", ["Jong", "Un"])
    assert korean_name_parts(["Kim", "Cho’ng-su"]) == ("Kim", ["Cho’ng", "su"])
    assert korean_name_parts(["Kim", "Jong", "Un", "Said"]) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Hwi", True),
        ("Thaek", True),  # 택
        ("Hyeon", True),  # RR 현
        ("Chŏl", True),
        ("Xi", False),
        ("Ok", False),  # an English word first
        ("Nok", False),  # 녹/눅: not common in names
    ],
)
def test_is_one_syllable_given_name(word: str, expected: bool) -> None:
    assert is_one_syllable_given_name(word) is expected
