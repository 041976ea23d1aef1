"""Tests for the parts of kwpld.names that work on running text: word keys, name shapes, MR."""

from __future__ import annotations

import pytest

from kwpld.names import (
    WORD_RE,
    System,
    is_korean_surname,
    is_romanized_syllable,
    korean_name_parts,
    mr_to_hangul,
    name_words,
    spelling_variants,
    word_key,
)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Taek’s", "taek"),
        ("Workers’", "workers"),
        ("Cho’ng", "cho'ng"),
        ("Chŏng", "cho'ng"),
        ("KWP", "kwp"),
        ("t’aek", "t'aek"),
    ],
)
def test_word_key_folds_typography_and_possessives(word: str, key: str) -> None:
    assert word_key(word) == key


def test_every_hyphenation_gives_the_same_words() -> None:
    assert name_words("Kim Jong-un") == name_words("Kim Jong Un") == ("kim", "jong", "un")
    assert name_words("Kim Chŏng-su") == name_words("Kim Cho’ng-su") == ("kim", "cho'ng", "su")


def test_spelling_variants_of_a_record_match_the_text_form() -> None:
    text_form = name_words("Kim Cho’ng-su")
    assert text_form in {name_words(v) for v in spelling_variants("Kim Chŏng-su", System.MR)}


def test_words_keep_inner_apostrophes_and_split_at_hyphens() -> None:
    words = [m.group(0) for m in WORD_RE.finditer("Jang Song Taek’s Cho’ng-su, 4th")]
    assert words == ["Jang", "Song", "Taek’s", "Cho’ng", "su", "4th"]


@pytest.mark.parametrize("word", ["Jong", "Su", "Un", "Sung", "Thaek", "t'aek", "Cho’ng", "Hyok"])
def test_romanized_syllables(word: str) -> None:
    assert is_romanized_syllable(word)


@pytest.mark.parametrize("word", ["Party", "Cells", "Are", "Madden", "Said", "The", "He"])
def test_english_words_are_not_syllables(word: str) -> None:
    assert not is_romanized_syllable(word)


def test_korean_surnames_in_several_spellings() -> None:
    assert all(is_korean_surname(w) for w in ["Kim", "Ri", "Ch'oe", "Chang", "Jang", "Pak", "Yun"])
    assert not any(is_korean_surname(w) for w in ["Party", "Graphic", "Today", "Michael"])


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Kim Jong Su", ("Kim", ["Jong", "Su"])),
        ("Kim Cho’ng-su", ("Kim", ["Cho’ng", "su"])),
        ("Chang Sŏng-t'aek", ("Chang", ["Sŏng", "t'aek"])),
    ],
)
def test_korean_name_shapes(text: str, parts: tuple[str, list[str]]) -> None:
    assert korean_name_parts(text.split()) == parts


@pytest.mark.parametrize(
    "text", ["Party Cells Are", "So He Said", "Michael Madden", "Kim jong su", "Han Party Cells"]
)
def test_capitalized_english_is_not_a_korean_name(text: str) -> None:
    assert korean_name_parts(text.split()) is None


@pytest.mark.parametrize(
    ("mr", "hangul"),
    [
        ("Kim Cho’ng-su", "김정수"),
        ("Kim Chŏng-ŭn", "김정은"),
        ("Chang Sŏng-t'aek", "장성택"),
        ("Kim Il-sŏng", "김일성"),
        ("Ri Pyŏng-ch'ŏl", "리병철"),
        ("Ch'oe Ryong-hae", "최룡해"),
    ],
)
def test_mr_to_hangul(mr: str, hangul: str) -> None:
    assert mr_to_hangul(mr) == hangul


@pytest.mark.parametrize("text", ["Kim Jong Su", "Pak Sŏt-ka", "Kim Jongun Party"])
def test_mr_to_hangul_refuses_to_guess(text: str) -> None:
    assert mr_to_hangul(text) is None
