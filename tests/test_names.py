"""Tests for kwpld.names: spelling systems, Hangul -> RR, MR forms and match keys."""

from __future__ import annotations

import random

import pytest

from kwpld.names import (
    LANG_TAG,
    System,
    ascii_to_mr,
    guess_system,
    hangul_to_rr,
    is_hangul,
    match_key,
    mr_to_ascii,
    slugify,
    spelling_variants,
)

# ---------------------------------------------------------------------------
# System and LANG_TAG
# ---------------------------------------------------------------------------


def test_system_values_are_record_strings() -> None:
    assert [s.value for s in System] == ["en", "hangul", "hanja", "mr", "mr-ascii", "rr", "dprk"]
    assert System("mr-ascii") is System.MR_ASCII
    assert System.DPRK == "dprk"


def test_lang_tags() -> None:
    assert set(LANG_TAG) == set(System)
    assert LANG_TAG[System.EN] == "en"
    assert LANG_TAG[System.HANGUL] == "ko"
    assert LANG_TAG[System.HANJA] == "ko-Hani"
    for latin in (System.MR, System.MR_ASCII, System.RR, System.DPRK):
        assert LANG_TAG[latin] == "ko-Latn"


# ---------------------------------------------------------------------------
# match_key: positives
# ---------------------------------------------------------------------------

SAME_NAME_GROUPS: list[list[str]] = [
    [
        "Kim Jong Un",
        "Kim Jong-un",
        "김정은",
        "Kim Chŏng-ŭn",
        "Kim Cho'ng-u'n",
        "Gim Jeong-eun",
        "Kim Jongun",
        "KIM JONG-UN",
        "Kim Jong-Un",
        "kim jong un",
        "Kim Cho\u2019ng-u\u2019n",
        "김 정은",
        "Kim Cho\u0306ng-u\u0306n",  # decomposed breves
    ],
    ["Kim Jong Su", "Kim Cho\u2019ng-su", "Kim Chŏng-su", "김정수", "Kim Jong-su"],
    [
        "Jang Song Taek",
        "Jang Song Thaek",
        "Chang Sŏng-t'aek",
        "장성택",
        "Jang Seong-taek",
        "Chang So'ng-t'aek",
    ],
    ["Kim Il Sung", "김일성", "Kim Il-sŏng", "Kim Il-sung", "Gim Il-seong"],
    ["Choe Ryong Hae", "Choi Ryong-hae", "Ch'oe Ryong-hae", "최룡해", "Choe Ryong-Hae"],
    ["Workers\u2019 Party of Korea", "Workers' Party of Korea", "workers party of korea"],
    ["Kim Jong Il", "김정일", "Kim Chŏng-il", "Kim Jong-il", "Gim Jeong-il"],
    ["Kim Yo Jong", "김여정", "Kim Yŏ-jŏng", "Gim Yeo-jeong", "Kim Yo-jong"],
    ["Ri Sol Ju", "리설주", "이설주", "Lee Seol-ju", "Yi Sŏl-chu", "Rhee Sol Ju"],
    ["Pak Pong Ju", "박봉주", "Park Bong-ju", "Pak Pong-ju", "Bak Bong-ju"],
    ["Thae Yong Ho", "태영호", "Tae Young-ho", "T'ae Yŏng-ho"],
    ["Pyongyang", "평양", "P'yŏngyang", "Pyeongyang", "P'yo'ngyang"],
    ["Choson Rodongdang", "조선로동당", "Chosŏn Rodongdang", "Joseon Rodongdang"],
    ["Ryu Kyong", "류경", "Yu Kyŏng", "Yoo Kyeong"],
    ["Rim Chun Sik", "임춘식", "Lim Chun-sik", "Im Ch'un-sik"],
    ["Ro Tu Chol", "로두철", "No Tu-ch'ŏl", "Roh Du-cheol"],
    ["O Jin U", "오진우", "Oh Jin-woo", "O Chin-u"],
    ["Hyon Yong Chol", "현영철", "Hyun Young-chul", "Hyŏn Yŏng-ch'ŏl"],
    ["Mun Kyong Dok", "Moon Kyung-duk"],
    ["Sin Hong Chol", "Shin Hong-chol"],
]


@pytest.mark.parametrize("group", SAME_NAME_GROUPS, ids=lambda g: g[0])
def test_match_key_groups_agree(group: list[str]) -> None:
    keys = {spelling: match_key(spelling) for spelling in group}
    assert len(set(keys.values())) == 1, keys
    assert next(iter(keys.values())) != ""


def test_match_key_spec_examples() -> None:
    assert (
        match_key("Kim Jong Un")
        == match_key("Kim Jong-un")
        == match_key("김정은")
        == match_key("Kim Chŏng-ŭn")
        == match_key("Kim Cho'ng-u'n")
        == match_key("Gim Jeong-eun")
    )
    assert (
        match_key("Kim Jong Su")
        == match_key("Kim Cho\u2019ng-su")
        == match_key("Kim Chŏng-su")
        == match_key("김정수")
    )
    assert (
        match_key("Jang Song Taek")
        == match_key("Jang Song Thaek")
        == match_key("Chang Sŏng-t'aek")
        == match_key("장성택")
        == match_key("Jang Seong-taek")
    )
    assert match_key("Kim Il Sung") == match_key("김일성") == match_key("Kim Il-sŏng")
    assert (
        match_key("Choe Ryong Hae")
        == match_key("Choi Ryong-hae")
        == match_key("Ch'oe Ryong-hae")
        == match_key("최룡해")
    )
    assert (
        match_key("Workers\u2019 Party of Korea")
        == match_key("Workers' Party of Korea")
        == match_key("workers party of korea")
    )


def test_match_key_separator_layouts_agree() -> None:
    layouts = [
        "Kim Jong Un",
        "Kim Jong-un",
        "Kim Jongun",
        "KIM JONG-UN",
        "Kim  Jong_Un",
        "Kim.Jong.Un",
    ]
    assert len({match_key(s) for s in layouts}) == 1


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc", "\u2018", "`", "\u00b4"], ids=repr)
def test_match_key_drops_every_apostrophe(apostrophe: str) -> None:
    assert match_key(f"Kim Cho{apostrophe}ng-su") == match_key("Kim Chong-su")
    assert match_key(f"Ch{apostrophe}oe Ryong-hae") == match_key("Choe Ryong Hae")


def test_match_key_values_are_compact() -> None:
    assert match_key("Kim Jong Un") == "kimjongon"
    assert match_key("Kim Il Sung") == "kimirsong"
    assert match_key("Choe Ryong Hae") == "joeryonghe"
    assert match_key("Jang Song Thaek") == "jangsongtek"
    assert match_key("Workers' Party of Korea") == "workerspartyofkorea"


def test_match_key_family_name_table_only_on_first_token() -> None:
    # 이/리: all spellings of the surname share one key ...
    surnames = ["Ri", "Rhee", "Lee", "Yi", "I", "Li", "Rhi"]
    assert len({match_key(f"{s} Pyong Chol") for s in surnames}) == 1
    assert len({match_key(s) for s in ["Choe", "Choi", "Ch'oe", "최"]}) == 1
    assert len({match_key(s) for s in ["Pak", "Park", "Bak", "박"]}) == 1
    assert len({match_key(s) for s in ["Ryang", "Yang", "량", "양"]}) == 1
    assert len({match_key(s) for s in ["Ryu", "Yu", "Yoo", "류", "유"]}) == 1
    assert len({match_key(s) for s in ["Rim", "Lim", "Im", "림", "임"]}) == 1
    # ... but the table is not applied to later tokens: "Park" in a given-name
    # position stays distinct from "Pak".
    assert match_key("Kim Park") != match_key("Kim Pak")


def test_match_key_phonetic_rewrite_order() -> None:
    # "tch" (MR ㅉ) is one unit, rewritten before "t" / "ch".
    assert match_key("Pak Tchang-il") == match_key("Pak Jjang-il") == match_key("Pak Chang-il")
    # "yeo" -> "yo" before "eo" -> "o"; "yu" -> "yo".
    assert match_key("Kim Yeo-jeong") == match_key("Kim Yo Jong")
    assert match_key("Ryu") == match_key("Ryo")
    # Vowels are rewritten before consonants: "thae" -> "the" -> "te".
    assert match_key("Kim Thae") == match_key("Kim Tae") == match_key("Kim Te")
    # "eu" -> "o" and "u" -> "o" (Seung / Sung / Song).
    assert match_key("Kim Seung") == match_key("Kim Sung") == match_key("Kim Sŭng")
    # Consonant series merge: k/g/kk/kh, t/d/tt/th, p/b/pp/ph, s/ss/sh, r/l.
    assert match_key("Kim Kang") == match_key("Kim Gang") == match_key("Kim Kkang")
    assert match_key("Kim Khang") == match_key("Kim Kang")
    assert match_key("Kim Dok") == match_key("Kim Tok") == match_key("Kim Ttok")
    assert match_key("Kim Bong") == match_key("Kim Pong") == match_key("Kim Phong")
    assert match_key("Kim Shik") == match_key("Kim Sik") == match_key("Kim Ssik")
    assert match_key("Kim Il") == match_key("Kim Ir")
    # "ng" keeps its g (it is not a k).
    assert match_key("Kim Jong") == "kimjong"


def test_match_key_hangul_and_romanization_meet() -> None:
    assert match_key("정치국") == match_key("Jongchiguk") == match_key("Chŏngch'iguk")
    assert match_key("조선 로동당") == match_key("조선로동당")


# ---------------------------------------------------------------------------
# match_key: negatives
# ---------------------------------------------------------------------------

DIFFERENT_NAME_PAIRS: list[tuple[str, str]] = [
    ("Kim Jong Un", "Kim Jong Il"),
    ("Kim Il Sung", "Kim Jong Il"),
    ("Kim Jong Un", "Kim Jong Su"),
    ("Jang Song Taek", "Kim Jong Su"),
    ("KWP", "WPK"),
    ("Kim Jong Un", "Kim Yo Jong"),
    ("Kim Jong Un", "Kim Jong Nam"),
    ("Kim Jong Un", "Kim Jong Chol"),
    ("Choe Ryong Hae", "Choe Son Hui"),
    ("Pak Pong Ju", "Pak Thae Song"),
    ("Ri Sol Ju", "Ri Pyong Chol"),
    ("Kim Jong Un", "Jang Song Taek"),
    ("김정은", "김정일"),
    ("김정은", "김여정"),
    ("Kim Il Sung", "Kim Il"),
    ("DPRK", "ROK"),
    ("Workers' Party of Korea", "Korean People's Army"),
    ("Pyongyang", "Seoul"),
]


@pytest.mark.parametrize("pair", DIFFERENT_NAME_PAIRS, ids=lambda p: f"{p[0]}|{p[1]}")
def test_match_key_distinguishes(pair: tuple[str, str]) -> None:
    left, right = pair
    assert match_key(left) != match_key(right)


@pytest.mark.parametrize("text", ["", " ", "   \t\n", "-", "'", "’", "--,.;", "()", "—"])
def test_match_key_empty_for_punctuation_only(text: str) -> None:
    assert match_key(text) == ""


def test_match_key_is_cached() -> None:
    match_key.cache_clear()
    match_key("Kim Jong Un")
    match_key("Kim Jong Un")
    info = match_key.cache_info()
    assert info.maxsize == 65536
    assert info.hits >= 1


def _random_text(rng: random.Random) -> str:
    pools = [
        (0x20, 0x7E),  # ASCII
        (0xA0, 0x24F),  # Latin-1 and Latin Extended
        (0x300, 0x36F),  # combining marks
        (0x1100, 0x11FF),  # Hangul jamo
        (0x3130, 0x318F),  # compatibility jamo
        (0xAC00, 0xD7A3),  # Hangul syllables
        (0x4E00, 0x9FFF),  # Han
        (0x2000, 0x206F),  # punctuation, including typographic apostrophes
        (0xFF00, 0xFFEF),  # full-width forms
        (0x0, 0x10FFFF),  # anything, surrogates included
    ]
    chars = []
    for _ in range(rng.randint(0, 24)):
        lo, hi = rng.choice(pools)
        chars.append(chr(rng.randint(lo, hi)))
    return "".join(chars)


def test_match_key_total_and_deterministic_on_random_unicode() -> None:
    rng = random.Random(0)
    samples = [_random_text(rng) for _ in range(400)]
    first = [match_key(s) for s in samples]
    match_key.cache_clear()
    second = [match_key(s) for s in samples]
    assert first == second
    assert all(isinstance(k, str) for k in first)
    # Keys contain no separators or apostrophes.
    assert all(not any(c.isspace() or c in "-'’" for c in k) for k in first)
    # A key is stable: keying a key again is deterministic too.
    assert [match_key(k) for k in first] == [match_key(k) for k in first]
    # The other helpers are total on the same inputs.
    for s in samples:
        slug = slugify(s)
        assert slug == slug.lower() and slug.isascii()
        assert not slug.startswith("-") and not slug.endswith("-")
        if any(c.isalnum() for c in s):
            assert slug != ""
        assert isinstance(hangul_to_rr(s), str)
        assert isinstance(guess_system(s), System | None)


def test_match_key_random_hangul_names_meet_their_romanization() -> None:
    rng = random.Random(0)
    for _ in range(300):
        name = "".join(chr(rng.randint(0xAC00, 0xD7A3)) for _ in range(3))
        assert match_key(name) == match_key(hangul_to_rr(name))
        assert match_key(name) == match_key(hangul_to_rr(name).replace("-", " "))


# ---------------------------------------------------------------------------
# hangul_to_rr
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hangul", "personal", "plain"),
    [
        ("김정은", "Gim Jeong-eun", "Gimjeongeun"),
        ("김정일", "Gim Jeong-il", "Gimjeongil"),
        ("김일성", "Gim Il-seong", "Gimilseong"),
        ("장성택", "Jang Seong-taek", "Jangseongtaek"),
        ("최룡해", "Choe Ryong-hae", "Choeryonghae"),
        ("김여정", "Gim Yeo-jeong", "Gimyeojeong"),
        ("리설주", "Ri Seol-ju", "Riseolju"),
    ],
)
def test_hangul_to_rr_personal_names(hangul: str, personal: str, plain: str) -> None:
    assert hangul_to_rr(hangul) == personal
    assert hangul_to_rr(hangul, personal_name=True) == personal
    assert hangul_to_rr(hangul, personal_name=False) == plain


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("조선로동당", "Joseon Rodongdang"),
        ("평양", "Pyeongyang"),
        ("정치국", "Jeongchiguk"),
        ("조선 로동당", "Joseon Rodongdang"),
        ("조선로동당 중앙위원회", "Joseon Rodongdang Jungang Wiwonhoe"),
        ("조선민주주의인민공화국", "Joseon Minjujuui Inmin Gonghwaguk"),
        ("한국어", "Hangugeo"),  # final ㄱ before a vowel -> g
        ("울릉도", "Ulleungdo"),  # ㄹ + ㄹ -> ll
        ("좋아", "Joa"),  # final ㅎ before a vowel is silent
        ("백두산", "Baekdusan"),
    ],
)
def test_hangul_to_rr_non_personal(hangul: str, expected: str) -> None:
    assert hangul_to_rr(hangul, personal_name=False) == expected


def test_hangul_to_rr_long_words_are_not_personal_names() -> None:
    # Five syllables: never formatted as a personal name.
    assert hangul_to_rr("조선로동당") == "Joseon Rodongdang"


def test_hangul_to_rr_keeps_word_boundaries() -> None:
    assert hangul_to_rr("김 정은") == "Gim Jeong-eun"
    assert hangul_to_rr("김 정은", personal_name=False) == "Gim Jeongeun"
    assert hangul_to_rr("김정은 동지", personal_name=False) == "Gimjeongeun Dongji"


def test_hangul_to_rr_passes_non_hangul_through() -> None:
    assert hangul_to_rr("Kim Jong Un") == "Kim Jong Un"
    assert hangul_to_rr("金正恩") == "金正恩"
    assert hangul_to_rr("김정은 (金正恩)") == "Gimjeongeun (金正恩)"
    assert hangul_to_rr("") == ""
    assert hangul_to_rr("  김정은 ") == "  Gim Jeong-eun "


def test_hangul_to_rr_compound_surname_and_decomposed_input() -> None:
    assert hangul_to_rr("남궁민수") == "Namgung Min-su"
    # Conjoining jamo sequences are composed first.
    decomposed = "\u1100\u1175\u11b7\u110c\u1165\u11bc\u110b\u1173\u11ab"
    assert hangul_to_rr(decomposed) == "Gim Jeong-eun"


def test_hangul_to_rr_every_initial_medial_final() -> None:
    assert hangul_to_rr("가까나다따라마바빠사싸아자짜차카타파하", personal_name=False) == (
        "Gakkanadattaramabappasassaajajjachakatapaha"
    )
    vowels = "아애야얘어에여예오와왜외요우워웨위유으의이"
    assert hangul_to_rr(vowels, personal_name=False) == ("Aaeyayaeeoeyeoyeowawaeoeyouwowewiyueuuii")
    assert hangul_to_rr("각 갂 갃 간 갅 갆 갇 갈 갉 갊 갋 갌 갍 갎 갏", personal_name=False) == (
        "Gak Gak Gak Gan Gan Gan Gat Gal Gak Gam Gal Gal Gal Gap Gal"
    )
    assert hangul_to_rr("감 갑 값 갓 갔 강 갖 갗 갘 같 갚 갛", personal_name=False) == (
        "Gam Gap Gap Gat Gat Gang Gat Gat Gak Gat Gap Gat"
    )


# ---------------------------------------------------------------------------
# McCune-Reischauer breve <-> ASCII
# ---------------------------------------------------------------------------

MR_PAIRS = [
    ("Kim Chŏng-ŭn", "Kim Cho'ng-u'n"),
    ("Chang Sŏng-t'aek", "Chang So'ng-t'aek"),
    ("Kim Chŏng-su", "Kim Cho'ng-su"),
    ("Kim Il-sŏng", "Kim Il-so'ng"),
    ("P'yŏngyang", "P'yo'ngyang"),
    ("Chosŏn Rodongdang", "Choso'n Rodongdang"),
    ("Ŏrang", "O'rang"),
    ("Ŭiju", "U'iju"),
    ("CHŎNG", "CHO'NG"),
    ("Ch'oe Ryong-hae", "Ch'oe Ryong-hae"),
]


@pytest.mark.parametrize(("mr", "ascii_form"), MR_PAIRS)
def test_mr_ascii_round_trip(mr: str, ascii_form: str) -> None:
    assert mr_to_ascii(mr) == ascii_form
    assert ascii_to_mr(ascii_form) == mr
    assert ascii_to_mr(mr_to_ascii(mr)) == mr
    assert mr_to_ascii(ascii_to_mr(ascii_form)) == ascii_form


def test_ascii_to_mr_accepts_typographic_apostrophes() -> None:
    assert ascii_to_mr("Kim Cho\u2019ng-u\u2019n") == "Kim Chŏng-ŭn"
    assert ascii_to_mr("Chang So\u2019ng-t\u2019aek") == "Chang Sŏng-t'aek"
    assert ascii_to_mr("Ch\u02bcoe") == "Ch'oe"


def test_ascii_to_mr_keeps_aspiration_and_foreign_names() -> None:
    assert ascii_to_mr("Ch'oe") == "Ch'oe"
    assert ascii_to_mr("T'ae Chong-su") == "T'ae Chong-su"
    assert ascii_to_mr("Workers' Party") == "Workers' Party"
    assert ascii_to_mr("O'Neill") == "O'Neill"
    assert ascii_to_mr("KIM CHO'NG-U'N") == "KIM CHŎNG-ŬN"


def test_mr_to_ascii_normalizes_forms() -> None:
    assert mr_to_ascii("Cho\u0306ng") == "Cho'ng"  # decomposed breve
    assert mr_to_ascii("Chǒng-ǔn") == "Cho'ng-u'n"  # caron used for breve
    assert mr_to_ascii("Chang Sŏng-t\u2019aek") == "Chang So'ng-t'aek"
    assert mr_to_ascii("Kim Jong Un") == "Kim Jong Un"


# ---------------------------------------------------------------------------
# is_hangul / guess_system
# ---------------------------------------------------------------------------


def test_is_hangul() -> None:
    assert is_hangul("김정은")
    assert is_hangul("김 정은")
    assert is_hangul("조선로동당 (1945)")
    assert is_hangul("ㄱㄴㄷ")
    assert not is_hangul("金正恩")
    assert not is_hangul("Kim Jong Un")
    assert not is_hangul("김정은 Kim")
    assert not is_hangul("")
    assert not is_hangul("1945")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("김정은", System.HANGUL),
        ("조선로동당", System.HANGUL),
        ("金正恩", System.HANJA),
        ("朝鮮勞動黨", System.HANJA),
        ("Kim Chŏng-ŭn", System.MR),
        ("Chang Sŏng-t'aek", System.MR),
        ("P'yŏngyang", System.MR),
        ("Kim Cho'ng-u'n", System.MR_ASCII),
        ("Kim Cho'ng-su", System.MR_ASCII),
        ("Kim Cho\u2019ng-su", System.MR_ASCII),
        ("KIM CHO'NG-U'N", System.MR_ASCII),
        ("Chang Song-t'aek", System.MR_ASCII),
        ("Ch'oe Ryong-hae", System.MR_ASCII),
        ("Kim Jong Un", None),
        ("Gim Jeong-eun", None),
        ("Jang Song Thaek", None),
        ("Workers' Party of Korea", None),
        ("O'Neill", None),
        ("don't", None),
        ("김정은 Kim", None),
        ("", None),
        ("1945", None),
    ],
)
def test_guess_system(text: str, expected: System | None) -> None:
    assert guess_system(text) is expected


# ---------------------------------------------------------------------------
# spelling_variants
# ---------------------------------------------------------------------------


def test_spelling_variants_spaced_latin_name() -> None:
    assert spelling_variants("Kim Jong Un", System.DPRK) == [
        "Kim Jong Un",
        "Kim Jong-un",
        "Kim Jong-Un",
        "Kim Jongun",
    ]


def test_spelling_variants_hyphenated_latin_name() -> None:
    assert spelling_variants("Kim Jong-un", System.RR) == [
        "Kim Jong-un",
        "Kim Jong Un",
        "Kim Jong-Un",
        "Kim Jongun",
    ]
    assert spelling_variants("Kim Jong-Un", System.EN)[:2] == ["Kim Jong-Un", "Kim Jong Un"]


def test_spelling_variants_mr_adds_ascii() -> None:
    variants = spelling_variants("Kim Chŏng-ŭn", System.MR)
    assert variants[0] == "Kim Chŏng-ŭn"
    assert "Kim Chŏng Ŭn" in variants
    assert "Kim Cho'ng-u'n" in variants
    assert "Kim Cho'ng U'n" in variants
    assert "Kim Cho'ngu'n" in variants
    assert variants.index("Kim Chŏng Ŭn") < variants.index("Kim Cho'ng-u'n")


def test_spelling_variants_mr_ascii_adds_breves_and_straight_apostrophes() -> None:
    variants = spelling_variants("Kim Cho\u2019ng-su", System.MR_ASCII)
    assert variants[:3] == ["Kim Cho\u2019ng-su", "Kim Cho'ng-su", "Kim Cho'ng Su"]
    assert "Kim Chŏng-su" in variants
    assert "Kim Chŏng Su" in variants


def test_spelling_variants_hangul() -> None:
    assert spelling_variants("김정은", System.HANGUL) == [
        "김정은",
        "Gim Jeong-eun",
        "Kim Jeong-eun",
    ]
    assert spelling_variants("최룡해", System.HANGUL) == ["최룡해", "Choe Ryong-hae"]
    assert spelling_variants("이설주", System.HANGUL) == ["이설주", "I Seol-ju", "Lee Seol-ju"]
    assert spelling_variants("김 정은", System.HANGUL) == [
        "김 정은",
        "김정은",
        "Gim Jeong-eun",
        "Kim Jeong-eun",
    ]


def test_spelling_variants_hangul_non_personal() -> None:
    assert spelling_variants("조선로동당", System.HANGUL) == ["조선로동당", "Joseon Rodongdang"]
    assert spelling_variants("정치국", System.HANGUL) == ["정치국", "Jeongchiguk"]
    assert spelling_variants("평양", System.HANGUL) == ["평양", "Pyeongyang"]


def test_spelling_variants_non_personal_names() -> None:
    assert spelling_variants("Workers\u2019 Party of Korea", System.EN) == [
        "Workers\u2019 Party of Korea",
        "Workers' Party of Korea",
    ]
    assert spelling_variants("Central Military Commission", System.EN) == [
        "Central Military Commission"
    ]
    assert spelling_variants("Organisation and Guidance Department", System.EN) == [
        "Organisation and Guidance Department"
    ]
    # More than four words.
    assert spelling_variants("Kim Il Sung Kim Jong Il", System.EN) == ["Kim Il Sung Kim Jong Il"]


def test_spelling_variants_other_shapes() -> None:
    assert spelling_variants("金正恩", System.HANJA) == ["金正恩"]
    assert spelling_variants("Kim Jongun", System.EN) == ["Kim Jongun"]
    assert spelling_variants("WPK", System.EN) == ["WPK"]
    assert spelling_variants("  Kim  Jong Un ", System.EN) == [
        "  Kim  Jong Un ",
        "Kim Jong Un",
        "Kim Jong-un",
        "Kim Jong-Un",
        "Kim Jongun",
    ]
    assert spelling_variants("", System.EN) == []
    assert spelling_variants("   ", System.HANGUL) == []


def test_spelling_variants_are_unique_deterministic_and_share_a_key() -> None:
    cases = [
        ("Kim Jong Un", System.DPRK),
        ("Kim Chŏng-ŭn", System.MR),
        ("Kim Cho'ng-u'n", System.MR_ASCII),
        ("Chang Sŏng-t'aek", System.MR),
        ("Jang Song Thaek", System.DPRK),
        ("김정은", System.HANGUL),
        ("장성택", System.HANGUL),
    ]
    for text, system in cases:
        variants = spelling_variants(text, system)
        assert variants[0] == text
        assert len(variants) == len(set(variants))
        assert variants == spelling_variants(text, system)
        assert len({match_key(v) for v in variants}) == 1, variants


# ---------------------------------------------------------------------------
# slugify
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Pyongyang", "pyongyang"),
        ("Kim Cho\u2019ng-su", "kim-chong-su"),
        ("평양", "pyeongyang"),
        ("Kim Jong Un", "kim-jong-un"),
        ("Kim Chŏng-ŭn", "kim-chong-un"),
        ("Chang Sŏng-t'aek", "chang-song-taek"),
        ("Workers' Party of Korea", "workers-party-of-korea"),
        ("  --Kim  Jong--Un!! ", "kim-jong-un"),
        ("조선로동당", "joseon-rodongdang"),
        ("김정은", "gimjeongeun"),
        ("7th Congress", "7th-congress"),
        ("Ørsted", "orsted"),
        ("金正恩", "u91d1-u6b63-u6069"),
        ("Kim 金", "kim-u91d1"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_empty_only_without_letters_or_digits() -> None:
    assert slugify("") == ""
    assert slugify(" '’-- ") == ""
    assert slugify("ㄱ") != ""
    assert slugify("Ж") != ""
    assert slugify("٣") != ""
