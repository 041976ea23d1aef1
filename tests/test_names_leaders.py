"""match_key and Hangul derivation measured on real leaders' names (tests/names_gold.py)."""

from __future__ import annotations

import pytest
from names_gold import measure_derivation, measure_keys, read_leaders

from kwpld.names import System, derive_hangul, match_key

LEADERS = read_leaders()
HELDOUT = read_leaders(part="heldout")


def test_the_list_is_large_and_labelled() -> None:
    assert len(LEADERS) >= 150
    assert len({leader.hangul for leader in LEADERS}) == len(LEADERS)
    assert all(len(leader.spellings()) >= 2 for leader in LEADERS)
    assert sum(len(leader.spellings()) >= 4 for leader in LEADERS) >= 150
    assert sum(len(leader.hangul) == 2 for leader in LEADERS) >= 10  # one-syllable given names


def test_match_key_groups_every_leaders_spellings_and_merges_no_two_leaders() -> None:
    score = measure_keys(match_key, LEADERS)
    assert score.missed == []
    assert score.false_merges == []
    # Two different men are both "Ri Yong Ho" in the DPRK's spelling: no key separates them,
    # which is why the key is for finding candidates, never for deciding identity.
    assert [(a, b) for a, b, _ in score.same_spelling] == [("리영호", "리용호")]


def test_match_key_on_names_it_was_not_adjusted_on() -> None:
    assert len(HELDOUT) >= 30
    score = measure_keys(match_key, HELDOUT)
    assert score.missed == [] and score.false_merges == []
    both = measure_keys(match_key, LEADERS + HELDOUT)
    assert both.false_merges == []  # 김명남 and 김영남 once shared "kimyongnam"


@pytest.mark.parametrize(
    "group",
    [
        ["Pak Pong-chu", "Pak Pong Ju", "Pak Pong-ju", "박봉주", "Park Bong-ju"],
        ["Kim Jong-kwan", "Kim Jong-gwan", "Kim Jong Gwan", "김정관", "Kim Chŏng-gwan"],
        ["Park Jong-chon", "Pak Jong-chon", "Pak Jong Chon", "박정천"],
        ["O Su-yo'ng", "O Su Yong", "O Su-yong", "Oh Su-yong"],
        ["Kim P'yo'ng-hae", "Kim Phyong Hae", "Kim Pyong-hae", "Kim P'yŏng-hae", "김평해"],
        ["Kim Tok-hun", "Kim Tok Hun", "Kim Tŏk-hun", "김덕훈", "Kim Deok-hun"],
        ["Ch'oe Ryong-hae", "Choe Ryong-hae", "Choe Ryong Hae", "최룡해", "Choi Ryong-hae"],
        ["Ri Son Gwon", "Ri Son-kwon", "Ri Sŏn-gwŏn", "리선권"],
        ["Jo Myong Rok", "Cho Myŏng-nok", "Cho Myong-nok", "조명록"],
        ["Kim Kyong Hui", "Kim Kyong-hee", "Kim Kyung-hee", "Kim Kyŏng-hŭi", "김경희"],
        ["Ri Hi Yong", "Ri Hui-yong", "리히용"],
        ["Choe Hwi", "Ch'oe Hwi", "Choi Hwi", "최휘"],
    ],
    ids=lambda g: g[0],
)
def test_spellings_seen_in_articles_share_a_key(group: list[str]) -> None:
    assert len({match_key(spelling) for spelling in group}) == 1, {s: match_key(s) for s in group}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ri Son Gwon", "Ri Song Won"),  # 선권 and 성원: the token boundary tells
        ("Choe Hwi", "Choe Hui"),  # 휘 and 희
        ("Kim Jong Un", "Kim Jong Il"),
        ("Kim Jong Nam", "Kim Jong Chol"),
        ("Kim Yong Chol", "Kim Yong Chun"),
        ("Pak Pong Ju", "Pak Pong Chol"),
        ("Kim Il", "Kim Il Sung"),
        ("Ri Il Hwan", "Ri Il"),
        ("Kim Kyong Hui", "Kim Kyong Ho"),
        ("O Su Yong", "O Su Gil"),
        ("Jo Yong Won", "Jo Yon Jun"),
        ("Kim Myong Nam", "Kim Yong Nam"),  # repeats do not collapse across the family name
        ("Kim Tu Il", "Kim Til"),  # "ui" is 의 only inside a syllable
    ],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert match_key(one) != match_key(other)


def test_hangul_from_mr_is_right_for_every_leader() -> None:
    score = measure_derivation(
        lambda s: d.value if (d := derive_hangul(s, system=System.MR)) else None,
        lambda leader: [leader.mr],
        LEADERS,
    )
    assert score.wrong == [] and score.none == []


def test_hangul_from_mr_without_diacritics_is_never_wrong() -> None:
    for assume in (False, True):
        score = measure_derivation(
            lambda s, a=assume: d.value if (d := derive_hangul(s, assume_mr=a)) else None,
            lambda leader: [leader.mr_plain],
            LEADERS,
        )
        assert score.wrong == [], score.wrong
        # Figures of bench/names_accuracy.py: what is derived is right, and most syllables
        # that keep two common readings (용/영, 성/송, 병/평) give nothing.
        assert score.right >= (70 if assume else 15)
