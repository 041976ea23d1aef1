"""McCune-Reischauer without breves and apostrophes ("Pak Pong-chu"): recognized by the shapes
only MR produces, Hangul derived from it and marked derived with the rule that derived it."""

from __future__ import annotations

import pytest

from kwpld.names import (
    DERIVATION_RULES,
    Derived,
    System,
    derivations,
    derive_hangul,
    guess_system,
    mr_to_hangul,
    plain_mr_evidence,
)


@pytest.mark.parametrize(
    ("name", "evidence"),
    [
        ("Pak Pong-chu", "ch-for-j"),  # the DPRK writes 주 "Ju"
        ("Kim Chong-su", "ch-for-j"),
        ("Ri Sol-chu", "ch-for-j"),
        ("Kang Sok-chu", "ch-for-j"),
        ("Chang Song-taek", "family-name-ch"),
        ("Chong Kyong-taek", "family-name-ch"),
        ("Cho Yong-won", "family-name-ch"),
        ("Chu Kyu-chang", "family-name-ch"),
        ("Kye Ung-tae", "unvoiced-medial"),  # the DPRK writes "Ung Thae", RR "Eung-tae"
        ("Kim Kuk-tae", None),  # after k, t is unvoiced in every system
        ("Ri Man-kon", "unvoiced-medial"),
        ("Pak Pong Chu", "ch-for-j"),
    ],
)
def test_shapes_only_mr_produces(name: str, evidence: str | None) -> None:
    assert guess_system(name) is None  # plain Latin: the script does not tell
    assert plain_mr_evidence(name) == evidence


@pytest.mark.parametrize(
    "name",
    [
        "Kim Tok-hun",  # the same in MR and the DPRK's spelling
        "Choe Ryong-hae",
        "O Su-yong",
        "Kim Pyong-hae",
        "Pak Pong Ju",
        "Kim Jong-kwan",  # "J" starting the given name: not MR
        "Jang Song Thaek",  # "Th": the DPRK's aspirate
        "Gim Jeong-eun",  # RR
        "Kim Jong Un",
        "Park Bong-joo",
        "Kim Chŏng-su",  # MR with its breve: recognized by guess_system, not here
        "Ch'oe Ryong-hae",
        "Barack Obama",
        "Chang",
        "Workers' Party of Korea",
        "Kim Chol Su",  # 철: the DPRK's "ch" is ㅊ
    ],
)
def test_names_that_are_not_recognizably_plain_mr(name: str) -> None:
    assert plain_mr_evidence(name) is None


@pytest.mark.parametrize(
    ("name", "hangul", "rule", "source_system"),
    [
        ("Pak Pong-chu", "박봉주", "mr-plain-to-hangul", None),
        ("Kang Sok-chu", "강석주", "mr-plain-to-hangul", None),
        ("Kim Chong-kwan", None, None, None),  # 정/종: two common readings
        ("Chang Song-taek", None, None, None),  # 성/송: two common readings
        ("Kim Cho'ng-su", "김정수", "mr-to-hangul", System.MR_ASCII),
        ("Kim Chŏng-su", "김정수", "mr-to-hangul", System.MR),
        ("Ch'oe Ryong-hae", "최룡해", "mr-to-hangul", System.MR_ASCII),
        ("Kim P'yo'ng-hae", "김평해", "mr-to-hangul", System.MR_ASCII),
        ("O Su-yo'ng", "오수영", "mr-to-hangul", System.MR_ASCII),
        ("Cho Myŏng-nok", "조명록", "mr-to-hangul", System.MR),  # ㄹ written "n"
        ("Kim Yŏng-nam", "김영남", "mr-to-hangul", System.MR),
        ("Kim Tok-hun", None, None, None),  # not recognizably MR
        ("Kim Jong Un", None, None, None),
    ],
)
def test_derive_hangul(
    name: str, hangul: str | None, rule: str | None, source_system: System | None
) -> None:
    derived = derive_hangul(name)
    if hangul is None:
        assert derived is None
        return
    assert derived == Derived(hangul, System.HANGUL, name, source_system, rule or "")


@pytest.mark.parametrize(
    ("name", "hangul"),
    [
        ("Kim Tok-hun", "김덕훈"),
        ("Choe Ryong-hae", "최룡해"),
        ("Pak Pong-chu", "박봉주"),
        ("Ri Pyong-chol", None),  # 병 or 평
        ("O Su-yong", None),  # 용 or 영
        ("Kim Pyong-hae", None),
        ("Kim Chol", "김철"),
        ("Choe Hwi", "최휘"),
        ("Ri Sol-chu", "리설주"),
        ("Yi Sol-chu", "이설주"),
        ("Kim Jong Un", None),  # "J": not MR even when told
        ("Gim Jeong-eun", None),
    ],
)
def test_derive_hangul_when_the_source_is_known_to_write_mr(name: str, hangul: str | None) -> None:
    derived = derive_hangul(name, assume_mr=True)
    assert (derived.value if derived else None) == hangul
    if derived is not None:
        assert derived.rule == "mr-plain-to-hangul" and derived.source == name


def test_a_source_that_writes_mr_with_diacritics_reads_unmarked_vowels_exactly() -> None:
    derived = derive_hangul("Pak Pong-ju", system=System.MR)
    assert derived is not None and derived.value == "박봉주" and derived.rule == "mr-to-hangul"
    assert derive_hangul("Ri Su-yong", system=System.MR).value == "리수용"  # type: ignore[union-attr]


def test_derivations_give_each_form_with_its_source_and_rule() -> None:
    assert derivations("Kim Cho'ng-su") == [
        Derived("Kim Chŏng-su", System.MR, "Kim Cho'ng-su", System.MR_ASCII, "mr-ascii-to-mr"),
        Derived("김정수", System.HANGUL, "Kim Cho'ng-su", System.MR_ASCII, "mr-to-hangul"),
        Derived("Gim Jeong-su", System.RR, "김정수", System.HANGUL, "hangul-to-rr"),
    ]
    assert derivations("Pak Pong-chu") == [
        Derived("박봉주", System.HANGUL, "Pak Pong-chu", None, "mr-plain-to-hangul"),
        Derived("Bak Bong-ju", System.RR, "박봉주", System.HANGUL, "hangul-to-rr"),
    ]
    assert derivations("최룡해", System.HANGUL) == [
        Derived("Choe Ryong-hae", System.RR, "최룡해", System.HANGUL, "hangul-to-rr"),
    ]
    assert derivations("Kim Jong Un") == []
    assert derivations("Kim Tok-hun", assume_mr=True)[0].value == "김덕훈"


def test_every_rule_is_documented_and_unknown_rules_are_refused() -> None:
    assert set(DERIVATION_RULES) == {
        "mr-to-hangul", "mr-plain-to-hangul", "mr-ascii-to-mr", "hangul-to-rr",
    }  # fmt: skip
    with pytest.raises(ValueError, match="unknown derivation rule"):
        Derived("김", System.HANGUL, "Kim", None, "guessed")


def test_mr_to_hangul_n_after_a_consonant() -> None:
    assert mr_to_hangul("Cho Myŏng-nok") == "조명록"
    assert mr_to_hangul("Kim Yŏng-nam") == "김영남"
    assert mr_to_hangul("Kim Il-sŏng") == "김일성"
