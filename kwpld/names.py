"""Korean personal and organisational name spellings.

This module is the single place where kwpld understands how Korean names are
spelled.  Records, Wikidata labels and news articles write the same person in
many ways; the :class:`System` enum names the spelling systems that input
records declare:

``en``
    English / conventional spelling as found in Western media and reference
    works: "Kim Jong Un", "Jang Song Taek", "Workers' Party of Korea".
``hangul``
    Korean script: 김정은.  DPRK orthography keeps an initial ㄹ (리, 로동당)
    where South Korean orthography writes 이, 노동당.
``hanja``
    Chinese characters: 金正恩.  No Hanja reading table is shipped, so Hanja is
    matched only against Hanja.
``mr``
    McCune-Reischauer with breves and aspiration apostrophes:
    "Kim Chŏng-ŭn", "Chang Sŏng-t'aek".
``mr-ascii``
    The ASCII form of McCune-Reischauer, writing the breve as an apostrophe
    after the vowel: "Kim Cho'ng-u'n", "Kim Cho'ng-su".
``rr``
    Revised Romanization (South Korea, 2000): strict "Gim Jeong-eun" or the
    common form with a conventional surname, "Kim Jong-un".
``dprk``
    The DPRK's own romanization as used by KCNA: "Kim Jong Un",
    "Jang Song Thaek", "Choe Ryong Hae".

Public helpers:

* :func:`match_key` folds spelling variants of one name onto one short key.
  The key is deliberately coarse (vowels and consonant series are merged) and
  is meant for **candidate generation** -- blocking in record linkage and
  mention detection -- never as an identity: two different people may share a
  key, and callers must confirm candidates by other evidence.
* :func:`hangul_to_rr` romanizes Hangul algorithmically (Revised Romanization).
* :func:`mr_to_ascii` / :func:`ascii_to_mr` convert between the two MR forms.
* :func:`is_hangul` and :func:`guess_system` inspect a spelling.
* :func:`spelling_variants` lists the spellings worth searching a database for.
* :func:`slugify` makes lowercase ASCII slugs for IRIs.
* :func:`word_key` / :func:`name_words` fold the words of a name (or of running text) for
  exact matching across typography: case, apostrophes, breves, possessives, hyphens.
* :func:`is_romanized_syllable`, :func:`is_korean_surname` and :func:`korean_name_parts` tell
  whether words have the shape of a romanized Korean personal name (for finding new names).
* :func:`mr_to_hangul` transliterates a McCune-Reischauer personal name back to Hangul.

Only the Python standard library is used.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = [
    "DERIVATION_RULES",
    "LANG_TAG",
    "Derived",
    "System",
    "ascii_to_mr",
    "derivations",
    "derive_hangul",
    "guess_system",
    "hangul_to_rr",
    "is_hangul",
    "is_korean_surname",
    "is_one_syllable_given_name",
    "is_romanized_syllable",
    "korean_name_parts",
    "match_key",
    "mr_to_ascii",
    "mr_to_hangul",
    "name_words",
    "plain_mr_evidence",
    "slugify",
    "spelling_variants",
    "strip_marks",
    "word_key",
]


class System(StrEnum):
    """A spelling system, as written in input records."""

    EN = "en"
    HANGUL = "hangul"
    HANJA = "hanja"
    MR = "mr"
    MR_ASCII = "mr-ascii"
    RR = "rr"
    DPRK = "dprk"


LANG_TAG: dict[System, str] = {
    System.EN: "en",
    System.HANGUL: "ko",
    System.HANJA: "ko-Hani",
    System.MR: "ko-Latn",
    System.MR_ASCII: "ko-Latn",
    System.RR: "ko-Latn",
    System.DPRK: "ko-Latn",
}

# ---------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------

#: Characters used as apostrophes (aspiration marks, MR-ASCII breves, possessives).
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4\u02bb\u02bd\u201b\u2032\uff07"
_APOSTROPHE_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")
#: Apostrophes other than the straight one.
_TYPO_APOSTROPHE_RE = re.compile("[" + re.escape(_APOSTROPHES.replace("'", "")) + "]")

_SYLLABLE_FIRST = 0xAC00
_SYLLABLE_LAST = 0xD7A3
_HANGUL_RANGES = (
    (0x1100, 0x11FF),  # conjoining jamo
    (0x3130, 0x318F),  # compatibility jamo
    (0xA960, 0xA97F),  # jamo extended-A
    (_SYLLABLE_FIRST, _SYLLABLE_LAST),
    (0xD7B0, 0xD7FF),  # jamo extended-B
    (0xFFA0, 0xFFDC),  # halfwidth jamo
)
_HAN_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x323AF),  # extensions B-H and compatibility supplement
)
_HANGUL_RUN_RE = re.compile("[\uac00-\ud7a3]+")


def _in_ranges(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ranges)


def _is_hangul_char(ch: str) -> bool:
    return _in_ranges(ch, _HANGUL_RANGES)


def _is_han_char(ch: str) -> bool:
    return _in_ranges(ch, _HAN_RANGES)


def strip_marks(text: str) -> str:
    """Decompose and drop combining marks (ŏ -> o, é -> e)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _straighten(text: str) -> str:
    """Replace typographic apostrophes by the ASCII apostrophe."""
    return _TYPO_APOSTROPHE_RE.sub("'", text)


# ---------------------------------------------------------------------------
# Hangul -> Revised Romanization
# ---------------------------------------------------------------------------

_RR_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip
_RR_MEDIALS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
# Final consonants before another consonant or at the end of a word.  Index 0
# is "no final"; then ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ
# ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
_RR_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
# Final consonants carried over to a following vowel-initial syllable.
_RR_FINALS_LIAISON = (
    "", "g", "kk", "gs", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt",
    "lp", "r", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "",
)  # fmt: skip
_INITIAL_RIEUL = 5
_INITIAL_IEUNG = 11
_FINAL_RIEUL = 8

#: Two-syllable family names, recognised at the start of four-syllable names.
_COMPOUND_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"})

#: Non-personal Hangul words.  A Hangul word that can be covered completely by
#: these units is split at their boundaries when romanized as a non-personal
#: name ("조선로동당" -> "Joseon Rodongdang").
_HANGUL_LEXICON = frozenset(
    {
        "조선", "로동당", "노동당", "로동", "노동", "중앙", "위원회", "위원장", "위원",
        "정치국", "비서국", "총정치국", "상무", "군사", "국무", "국방", "조직", "지도부",
        "선전", "선동부", "인민", "인민군", "인민회의", "최고", "회의", "전원회의",
        "대회", "공화국", "민주주의", "사회주의", "청년", "동맹", "근로단체",
        "신문", "내각", "정무원", "평양", "서울", "대한", "민국", "한국", "북한",
        "남한", "백두산", "혁명", "조국", "통일", "전선", "부장", "비서",
    }
)  # fmt: skip
_LEXICON_MAX = max(len(w) for w in _HANGUL_LEXICON)


def _decompose(ch: str) -> tuple[int, int, int]:
    index = ord(ch) - _SYLLABLE_FIRST
    return index // 588, (index % 588) // 28, index % 28


def _romanize_syllables(syllables: str, *, sound_rules: bool) -> str:
    """Romanize a run of Hangul syllables (lowercase).

    With ``sound_rules`` the common inter-syllable rules are applied: a final
    consonant before a vowel-initial syllable is carried over (ㄱ -> g, ㄷ -> d,
    ㅂ -> b, ㄹ -> r, ...) and ㄹ + ㄹ is written "ll".
    """
    parts = [_decompose(ch) for ch in syllables]
    out: list[str] = []
    for pos, (initial, medial, final) in enumerate(parts):
        lead = _RR_INITIALS[initial]
        if (
            sound_rules
            and pos > 0
            and initial == _INITIAL_RIEUL
            and parts[pos - 1][2] == _FINAL_RIEUL
        ):
            lead = "l"
        tail = _RR_FINALS[final]
        if sound_rules and pos + 1 < len(parts) and parts[pos + 1][0] == _INITIAL_IEUNG:
            tail = _RR_FINALS_LIAISON[final]
        out.append(lead + _RR_MEDIALS[medial] + tail)
    return "".join(out)


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


def _segment_lexicon(word: str) -> list[str]:
    """Split a Hangul word into lexicon units, or return it whole."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - _LEXICON_MAX), end):
            prefix = best[start]
            unit = word[start:end]
            if prefix is not None and unit in _HANGUL_LEXICON:
                candidate = [*prefix, unit]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    found = best[n]
    return found if found else [word]


def _romanize_word(word: str) -> str:
    return " ".join(
        _capitalize(_romanize_syllables(unit, sound_rules=True)) for unit in _segment_lexicon(word)
    )


def _personal_parts(text: str) -> tuple[str, list[str]] | None:
    """Split a Hangul personal name into (family name, given-name syllables).

    Accepts one word of 2-4 syllables (family name = first syllable, or the
    first two for a known compound surname in a 4-syllable word), or two words
    "family given" (family of 1-2 syllables, given of 1-3).
    """
    words = text.split()
    if len(words) == 1:
        word = words[0]
        if not (2 <= len(word) <= 4 and _HANGUL_RUN_RE.fullmatch(word)):
            return None
        if len(word) == 4 and word[:2] in _COMPOUND_SURNAMES:
            return word[:2], list(word[2:])
        return word[:1], list(word[1:])
    if len(words) == 2:
        family, given = words
        if (
            _HANGUL_RUN_RE.fullmatch(family)
            and _HANGUL_RUN_RE.fullmatch(given)
            and (len(family) == 1 or family in _COMPOUND_SURNAMES)
            and 1 <= len(given) <= 3
        ):
            return family, list(given)
    return None


def _format_personal(family: str, given: list[str], family_latin: str | None = None) -> str:
    surname = family_latin or _capitalize(_romanize_syllables(family, sound_rules=True))
    given_latin = "-".join(_romanize_syllables(s, sound_rules=False) for s in given)
    return f"{surname} {_capitalize(given_latin)}"


def hangul_to_rr(text: str, *, personal_name: bool = True) -> str:
    """Romanize the Hangul syllables in ``text`` with Revised Romanization.

    The romanization is algorithmic: syllables are decomposed into jamo and
    spelled with RR letters, with the common inter-syllable rules (final
    consonant carried over to a following vowel, ㄹㄹ -> "ll"); other
    assimilations are not modelled.  Non-Hangul characters pass through.

    With ``personal_name=True`` (the default), an input that is a single word
    of 2-4 syllables, or "family given" with a space, is formatted as a
    personal name: ``"김정은" -> "Gim Jeong-eun"``.  Given-name syllables are
    romanized one by one (RR does not transcribe sound changes inside given
    names).  Any other input -- and every input when ``personal_name=False`` --
    is romanized word by word, each Hangul word capitalized with its
    syllables joined; words made entirely of known non-personal units are
    split at unit boundaries (``"조선로동당" -> "Joseon Rodongdang"``).
    """
    text = unicodedata.normalize("NFC", text)
    if personal_name:
        stripped = text.strip()
        parts = _personal_parts(stripped)
        if parts is not None:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            return lead + _format_personal(*parts) + trail
    return _HANGUL_RUN_RE.sub(lambda m: _romanize_word(m.group(0)), text)


# ---------------------------------------------------------------------------
# McCune-Reischauer: breve <-> ASCII
# ---------------------------------------------------------------------------

_MR_TO_ASCII = {
    "ŏ": "o'", "ŭ": "u'", "Ŏ": "O'", "Ŭ": "U'",
    # Carons are a frequent stand-in for breves in digitised sources.
    "ǒ": "o'", "ǔ": "u'", "Ǒ": "O'", "Ǔ": "U'",
}  # fmt: skip
_MR_TO_ASCII_RE = re.compile("[" + "".join(_MR_TO_ASCII) + "]")
_ASCII_TO_MR = {"o": "ŏ", "u": "ŭ", "O": "Ŏ", "U": "Ŭ"}
# An apostrophe after o/u is a breve, unless a capitalized word follows
# (keeps "O'Neill" intact but converts all-caps "CHO'NG-U'N").
_ASCII_BREVE_RE = re.compile(r"([oOuU])'(?![A-Z][a-z])")


def mr_to_ascii(text: str) -> str:
    """Write McCune-Reischauer breves as apostrophes: "Kim Chŏng-ŭn" -> "Kim Cho'ng-u'n".

    Typographic apostrophes are normalized to "'"; aspiration apostrophes are kept.
    """
    text = _straighten(unicodedata.normalize("NFC", text))
    return _MR_TO_ASCII_RE.sub(lambda m: _MR_TO_ASCII[m.group(0)], text)


def ascii_to_mr(text: str) -> str:
    """Inverse of :func:`mr_to_ascii`: "o'" -> "ŏ", "u'" -> "ŭ".

    An apostrophe after a consonant marks aspiration and is kept.  Typographic
    apostrophes (’ ʼ ‘) are accepted and normalized to "'".
    """
    text = _straighten(unicodedata.normalize("NFC", text))
    return _ASCII_BREVE_RE.sub(lambda m: _ASCII_TO_MR[m.group(1)], text)


# ---------------------------------------------------------------------------
# Inspection
# ---------------------------------------------------------------------------


def _letters(text: str) -> list[str]:
    return [c for c in unicodedata.normalize("NFC", text) if c.isalpha()]


def is_hangul(text: str) -> bool:
    """True when ``text`` has letters and all of them are Hangul (syllables or jamo)."""
    letters = _letters(text)
    return bool(letters) and all(_is_hangul_char(c) for c in letters)


_MR_BREVE_RE = re.compile("[ŏŭŎŬǒǔǑǓ]")
_MR_ASCII_VOWEL_RE = re.compile(
    "[oOuU][" + re.escape(_APOSTROPHES) + r"](?=[a-z\-\s]|[A-Z](?![a-z])|$)"
)
_MR_ASCII_ASPIRATE_RE = re.compile(
    r"(?:ch|k|t|p)[" + re.escape(_APOSTROPHES) + r"](?=[aeiouwy])", re.IGNORECASE
)


def guess_system(text: str) -> System | None:
    """Guess the spelling system of ``text`` where the script makes it clear.

    Hangul -> ``HANGUL``; Han characters -> ``HANJA``; o/u with a breve (or
    caron) -> ``MR``; an apostrophe after o/u, or after k/t/p/ch before a
    vowel -> ``MR_ASCII``.  Plain Latin text (EN, RR and DPRK spellings look
    alike) and mixed scripts give ``None``.
    """
    letters = _letters(text)
    if not letters:
        return None
    if all(_is_hangul_char(c) for c in letters):
        return System.HANGUL
    if all(_is_han_char(c) for c in letters):
        return System.HANJA
    if any(_is_hangul_char(c) or _is_han_char(c) for c in letters):
        return None
    text = unicodedata.normalize("NFC", text)
    if _MR_BREVE_RE.search(text):
        return System.MR
    if _MR_ASCII_VOWEL_RE.search(text) or _MR_ASCII_ASPIRATE_RE.search(text):
        return System.MR_ASCII
    return None


# ---------------------------------------------------------------------------
# Match key
# ---------------------------------------------------------------------------

#: Korean family names: canonical key form -> spellings of the same name.
_SURNAME_GROUPS: dict[str, tuple[str, ...]] = {
    "ri": ("ri", "rhee", "lee", "yi", "i", "li", "rhi"),  # 리 / 이
    "choe": ("choe", "choi", "ch'oe"),  # 최
    "pak": ("pak", "park", "bak"),  # 박
    "ro": ("ro", "roh", "no", "noh"),  # 로 / 노
    "rim": ("rim", "lim", "im"),  # 림 / 임
    "ryang": ("ryang", "yang"),  # 량 / 양
    "ryu": ("ryu", "yu", "yoo"),  # 류 / 유
    "o": ("o", "oh"),  # 오
    "jo": ("jo", "cho"),  # 조
    "jon": ("jon", "jeon", "chon", "chun", "jun"),  # 전
    "hyon": ("hyon", "hyun", "hyeon"),  # 현
    "thae": ("thae", "tae"),  # 태
    "kang": ("kang", "gang"),  # 강
    "kim": ("kim", "gim"),  # 김
    "jang": ("jang", "chang"),  # 장
    "jong": ("jong", "jeong", "chong", "jung", "chung"),  # 정
    "sin": ("sin", "shin"),  # 신
    "han": ("han",),  # 한
    "hwang": ("hwang",),  # 황
    "mun": ("mun", "moon"),  # 문
    "so": ("so", "seo", "suh", "soh"),  # 서
    "an": ("an", "ahn"),  # 안
    "ho": ("ho", "heo", "hur", "huh"),  # 허
    "ko": ("ko", "go", "koh"),  # 고
    "ju": ("ju", "chu", "joo", "choo"),  # 주
    "paek": ("paek", "baek", "paik", "baik"),  # 백
    "myong": ("myong", "myung", "myeong"),  # 명
}

#: Conventional Latin spelling of a Hangul family name.  Hangul in DPRK
#: orthography (리, 림, 량, 류, 로) gets the DPRK spelling, South Korean
#: orthography (이, 임, 양, 유, 노) the common South Korean one.
_CONVENTIONAL_SURNAMES: dict[str, str] = {
    "김": "Kim", "리": "Ri", "이": "Lee", "최": "Choe", "박": "Pak", "로": "Ro",
    "노": "Roh", "림": "Rim", "임": "Lim", "량": "Ryang", "양": "Yang", "류": "Ryu",
    "유": "Yu", "오": "O", "조": "Jo", "전": "Jon", "현": "Hyon", "태": "Thae",
    "강": "Kang", "장": "Jang", "정": "Jong", "신": "Sin", "한": "Han", "황": "Hwang",
    "문": "Mun", "서": "So", "안": "An", "허": "Ho", "고": "Ko", "주": "Ju",
    "백": "Paek", "명": "Myong",
}  # fmt: skip

# Phonetic rewrite, applied in this order: vowels, consonants, then repeated
# letters collapse.  Alternatives are listed longest first.
# "woo" is the common South Korean spelling of 우 (RR "u"), never ㅝ + ㅗ.
_VOWEL_RE = re.compile(r"yeo|woo|yu|yo|eo|eu|ae|u")
_VOWEL_MAP = {
    "yeo": "yo", "woo": "o", "yu": "yo", "yo": "yo",
    "eo": "o", "eu": "o", "ae": "e", "u": "o",
}  # fmt: skip
# 의/희 is "ŭi" in MR, "ui"/"eui" in RR and South Korean spellings ("Hee"), "i" in the DPRK's
# own ("Ri Hi Yong"): within one token all fold to "i" (across tokens "Tu Il" is not "Til").
_TOKEN_VOWEL_RE = re.compile(r"eui|ui|ee")
_CONSONANT_RE = re.compile(r"tch|ch|jj|ts|kk|kh|tt|th|pp|ph|ss|sh|(?<!n)g|d|b|l")
_CONSONANT_MAP = {
    "tch": "j", "ch": "j", "jj": "j", "ts": "j",
    "kk": "k", "kh": "k", "g": "k",
    "tt": "t", "th": "t", "d": "t",
    "pp": "p", "ph": "p", "b": "p",
    "ss": "s", "sh": "s",
    "l": "r",
}  # fmt: skip
_REPEAT_RE = re.compile(r"([a-z])\1+")
_TOKEN_RE = re.compile(r"[^\W_]+")


def _rewrite(token: str) -> str:
    """Phonetic rewrite of a lowercase token (vowels first, then consonants)."""
    token = _VOWEL_RE.sub(lambda m: _VOWEL_MAP[m.group(0)], token)
    return _CONSONANT_RE.sub(lambda m: _CONSONANT_MAP[m.group(0)], token)


def _build_surname_lookup() -> tuple[dict[str, str], dict[str, str]]:
    literal: dict[str, str] = {}
    rewritten: dict[str, set[str]] = {}
    for canonical, spellings in _SURNAME_GROUPS.items():
        for spelling in spellings:
            plain = _APOSTROPHE_RE.sub("", spelling)
            literal[plain] = canonical
            rewritten.setdefault(_rewrite(plain), set()).add(canonical)
    # Rewritten forms are a fallback for unlisted spellings; drop ambiguous ones.
    unique = {form: next(iter(c)) for form, c in rewritten.items() if len(c) == 1}
    return literal, unique


_SURNAME_LITERAL, _SURNAME_REWRITTEN = _build_surname_lookup()


def _canonical_surname(token: str) -> str:
    found = _SURNAME_LITERAL.get(token)
    if found is None:
        found = _SURNAME_REWRITTEN.get(_rewrite(token), token)
    return found


def _given_token(token: str, index: int) -> str:
    """Fold a later token where the token boundary tells what its letters are.

    Within the token, "ui", "eui" and "ee" are 의/희 and fold to "i" ("Hui", "Hee", "Hi"),
    and "oh" is 오. A token's initial "g" is a k-series consonant even after a token ending in
    "n" ("Son Gwon", "Son-kwon": 선권), which the concatenated rewrite could not tell from "ng"
    ("Song Won").
    From the third token on, an initial "r" is written "n" where MR and South Korean spellings
    transcribe the assimilation after a consonant (조명록: "Jo Myong Rok", "Cho Myŏng-nok").
    """
    token = _TOKEN_VOWEL_RE.sub("i", token)
    if token == "oh":  # 오 in South Korean spelling ("Lee Joo-oh")
        return "o"
    if token[:1] == "g":
        return "k" + token[1:]
    if index >= 2 and token[:1] == "r":
        return "n" + token[1:]
    return token


@functools.lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """Coarse normalized key shared by spelling variants of one name.

    For candidate generation only (blocking, mention detection): different
    names may collide.  Steps: NFKC; apostrophes dropped; Hangul romanized
    (:func:`hangul_to_rr`); diacritics stripped; casefolded; split on anything
    that is not a letter or digit; the first token is mapped through the
    family-name table; a later token's initial "g" becomes "k", and from the
    third token on an initial "r" becomes "n", and a token's ui/eui/ee become
    "i" (see :func:`_given_token`); every part is phonetically rewritten (vowels
    eo/o/u/eu/woo -> o, yeo/yo/yu -> yo, ae/e -> e; consonant series k/g, t/d,
    p/b, ch/j, s/sh and r/l merged); the parts are concatenated without
    separators and repeated letters collapse (within the family name and
    within the rest, never across the two: "Kim Myong Nam" is not "Kim Yong Nam").

    The family-name token is rewritten on its own and the remaining tokens
    are rewritten after concatenation, so "Kim Jong Un", "Kim Jong-un" and
    "Kim Jongun" agree by construction.  Returns "" when there is no letter
    or digit.
    """
    text = _APOSTROPHE_RE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _APOSTROPHE_RE.sub("", text)
    if _HANGUL_RUN_RE.search(text):
        text = hangul_to_rr(text)
    text = strip_marks(text).casefold()
    tokens = _TOKEN_RE.findall(_APOSTROPHE_RE.sub("", text))
    if not tokens:
        return ""
    head = _rewrite(_canonical_surname(tokens[0]))
    rest = _rewrite("".join(_given_token(t, i) for i, t in enumerate(tokens[1:], start=1)))
    # Repeats collapse within the family name and within the given name, not across them:
    # "Kim Myong Nam" (김명남) is not "Kim Yong Nam" (김영남).
    return _REPEAT_RE.sub(r"\1", head) + _REPEAT_RE.sub(r"\1", rest)


# ---------------------------------------------------------------------------
# Spelling variants
# ---------------------------------------------------------------------------

#: Words that mark a name as organisational rather than personal.
_ORG_WORDS = frozenset(
    {
        "academy", "agency", "army", "assembly", "association", "bureau", "cabinet",
        "central", "commission", "committee", "congress", "conference", "corps",
        "council", "county", "democratic", "department", "division", "federation",
        "force", "forces", "front", "government", "group", "guard", "guards",
        "institute", "korea", "korean", "league", "military", "ministry", "national",
        "navy", "newspaper", "of", "office", "organisation", "organization", "party",
        "people", "peoples", "politburo", "presidium", "province", "republic",
        "school", "secretariat", "state", "supreme", "the", "union", "university",
        "workers", "youth",
    }
)  # fmt: skip
_MAX_SYLLABLE_LEN = 7


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _is_syllable_token(token: str) -> bool:
    return (
        0 < len(token) <= _MAX_SYLLABLE_LEN
        and token[0].isalpha()
        and all(c.isalpha() or c == "'" for c in token)
    )


def _latin_layouts(text: str) -> list[str]:
    """Layout variants of a Latin personal name "Family Gi Ven" / "Family Gi-ven".

    Returns [] when the text does not look like a three-syllable personal name.
    """
    words = text.split()
    # The shape first (cheap), then the words: both must hold.
    if len(words) == 3 and "-" not in text:
        family, given = words[0], words[1:]
    elif len(words) == 2 and words[1].count("-") == 1:
        family, given = words[0], words[1].split("-")
    else:
        return []
    if any(_APOSTROPHE_RE.sub("", w).casefold() in _ORG_WORDS for w in words):
        return []
    if not all(_is_syllable_token(t) for t in (family, *given)):
        return []
    first, second = given
    lower = second[:1].lower() + second[1:]
    upper = _capitalize(second)
    return [
        f"{family} {_capitalize(first)} {upper}",
        f"{family} {first}-{lower}",
        f"{family} {first}-{upper}",
        f"{family} {first}{lower}",
    ]


def spelling_variants(text: str, system: System) -> list[str]:
    """Distinct spellings of ``text`` to search a database for.

    The original comes first; the order is deterministic and there are no
    duplicates.  A copy with typographic apostrophes straightened and
    whitespace normalized is added when it differs.  Then, by system:

    * Latin personal names of three syllables ("Kim Jong Un" / "Kim Jong-un"):
      spaced, hyphenated with lowercase and capitalized second syllable, and
      joined forms.
    * ``MR`` adds the ASCII form of every spelling, ``MR_ASCII`` the breve form.
    * ``HANGUL``: strict RR ("Gim Jeong-eun") and RR with the conventional
      family name ("Kim Jeong-eun"); a spaced personal name also gets its
      unspaced Hangul form.  Non-personal Hangul gets its word-by-word RR.
    * Non-personal names (more than four words, or organisational words such
      as Party, Committee, Bureau): only the original and its normalized copy
      (plus the other MR form for MR / MR-ASCII).

    Blank input gives [].
    """
    if not text.strip():
        return []
    normalized = " ".join(_straighten(unicodedata.normalize("NFC", text)).split())
    forms = [text, normalized]
    if system is System.HANGUL:
        parts = _personal_parts(normalized)
        if parts is not None and all(u in _HANGUL_LEXICON for u in _segment_lexicon(normalized)):
            parts = None  # a known non-personal word such as 정치국 or 평양
        if parts is None:
            forms.append(hangul_to_rr(normalized, personal_name=False))
        else:
            family, given = parts
            forms.append(family + "".join(given))
            forms.append(_format_personal(family, given))
            forms.append(_format_personal(family, given, _CONVENTIONAL_SURNAMES.get(family)))
        return _unique(forms)
    if system is System.HANJA:
        return _unique(forms)
    forms.extend(_latin_layouts(normalized))
    if system is System.MR:
        forms.extend([mr_to_ascii(f) for f in forms])
    elif system is System.MR_ASCII:
        forms.extend([ascii_to_mr(f) for f in forms])
    return _unique(forms)


# ---------------------------------------------------------------------------
# Slugs
# ---------------------------------------------------------------------------

_SLUG_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th"}
)


def slugify(text: str) -> str:
    """Lowercase ASCII slug for IRIs: "Kim Cho’ng-su" -> "kim-chong-su".

    Hangul is romanized first (:func:`hangul_to_rr`, non-personal), diacritics
    are stripped, apostrophes dropped and runs of other characters become one
    "-".  Letters and digits with no ASCII form (Hanja, Cyrillic, ...) are
    written as "u" plus their hexadecimal code point, so the slug is never
    empty when the input has a letter or digit.
    """
    text = _APOSTROPHE_RE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = hangul_to_rr(_APOSTROPHE_RE.sub("", text), personal_name=False)
    text = strip_marks(text).casefold().translate(_SLUG_LETTERS)
    text = _APOSTROPHE_RE.sub("", text)
    pieces: list[str] = []
    for ch in text:
        if ch.isascii() and ch.isalnum():
            pieces.append(ch)
        elif ch.isalnum():
            pieces.append(f"-u{ord(ch):x}-")
        else:
            pieces.append("-")
    return re.sub(r"-+", "-", "".join(pieces)).strip("-")


# ---------------------------------------------------------------------------
# Words of names, for matching names in running text
# ---------------------------------------------------------------------------

#: A word in running text: letters and digits, with apostrophes inside (MR "Cho’ng",
#: aspirated "t'aek") or at the end (possessive "Workers’", "Taek’s").
_APOS_CLASS = "[" + re.escape(_APOSTROPHES) + "]"
WORD_RE = re.compile(f"[^\\W_]+(?:{_APOS_CLASS}[^\\W_]+)*{_APOS_CLASS}?")
_KEY_CACHE: dict[str, str] = {}


def word_key(word: str) -> str:
    """Fold one word for exact matching: "Taek’s" -> "taek", "Chŏng" -> "cho'ng".

    NFKC; typographic apostrophes straightened; MR breves written as in MR-ASCII (so the two
    MR forms agree); other diacritics dropped; casefolded; a final possessive "'s" or "'"
    removed ("Workers’" -> "workers"; a plural possessive "s'" keeps its "s").
    """
    key = _KEY_CACHE.get(word)
    if key is not None:
        return key
    folded = mr_to_ascii(unicodedata.normalize("NFKC", word))
    # Marks go, but Hangul syllables (decomposed into jamo on the way) come back whole.
    folded = unicodedata.normalize("NFC", strip_marks(folded)).casefold()
    if folded.endswith("'s") and len(folded) > 2:
        folded = folded[:-2]
    elif folded.endswith("'"):
        folded = folded[:-1]
    if len(_KEY_CACHE) < 200_000:  # words repeat across an archive; bound the memory
        _KEY_CACHE[word] = folded
    return folded


@functools.lru_cache(maxsize=65536)
def name_words(text: str) -> tuple[str, ...]:
    """The folded words of a name: "Kim Jong-un" -> ("kim", "jong", "un").

    Hyphens and spaces both separate words, so every hyphenation of a name gives the same
    words; see :func:`word_key` for what else is folded. Cached: ingest folds the same names
    (the lexicon's heads, the rules' phrases, every organ's names) again for every article.
    """
    return tuple(word_key(m.group(0)) for m in WORD_RE.finditer(text))


# Onsets, vowels and codas of romanized Korean syllables in RR, MR (ASCII form: "o'", "u'"),
# the DPRK's own spelling ("th", "ph") and common conventional spellings ("oo", "ee").
_ONSET = r"(?:kk|gg|tt|pp|ss|jj|tch|ch'|k'|t'|p'|ch|th|ph|kh|sh|ts|[gkndtrlmbpsjh])?"
_NUCLEUS = (
    r"(?:yae|yeo|yo'|wae|weo|wo'|eui|u'i|ae|ya|eo|ye|wa|oe|oi|yo|oo|wo|we|wi|yu|eu|ui|ee|"
    r"o'|u'|[aeiou])"
)
_CODA = r"(?:ng|[knltmp])?"
_SYLLABLE_RE = re.compile(f"^{_ONSET}{_NUCLEUS}{_CODA}$")
# English words with the shape of a syllable that, capitalized, start sentences and headlines
# far more often than they appear in Korean given names.
_NOT_SYLLABLES = frozenset({"the", "he", "she", "we", "me", "be", "ye"})
_EXTRA_SURNAMES = frozenset(
    {
        "yun", "yoon", "song", "sok", "chae", "jin", "yon", "kwon", "cha", "ma", "ok",
        "won", "hong", "ha", "son", "nam", "um", "tong", "pyon", "kil", "kye", "ryom",
        "thak", "pang", "kong", "kwak", "ku", "tak", "wang", "chon", "ryang", "ri",
        "cho'e", "ch'oe", "ch'a", "so'", "o'", "chu", "u", "ryo", "sung", "ryu", "yom", "yo",
        "min",
    }
)  # fmt: skip


def is_romanized_syllable(word: str) -> bool:
    """True when ``word`` spells one Korean syllable in some romanization ("Jong", "t'aek").

    A shape check (onset, vowel, coda), used to tell "Kim Jong Su" from "Kim Said Party":
    it accepts some English words that happen to have the shape ("the", "he").
    """
    key = word_key(word)
    return key not in _NOT_SYLLABLES and bool(_SYLLABLE_RE.match(key))


def is_korean_surname(word: str) -> bool:
    """True for a Latin spelling of a Korean family name ("Kim", "Ri", "Ch'oe", "Chang")."""
    key = word_key(word)
    plain = key.replace("'", "")
    return key in _SURNAME_LITERAL or plain in _SURNAME_LITERAL or key in _EXTRA_SURNAMES or (
        plain in _EXTRA_SURNAMES  # MR with its apostrophe: "Yo'n" as "Yon"
    )


def korean_name_parts(words: list[str]) -> tuple[str, list[str]] | None:
    """Split words that have the shape of a romanized Korean name: (family, given syllables).

    Accepts a family name followed by two capitalized syllables ("Kim Jong Su"), by one
    hyphenated given name ("Kim Cho’ng-su", "Chang Sŏng-t'aek", "Kim Jong-Un"), or by a
    one-syllable given name ("Choe Hwi", "Kim Il", "Nam Il", "Kim Chaek"; see
    :func:`is_one_syllable_given_name`). Returns None otherwise -- in particular for
    capitalized English words ("Party Cells", "Today", "Kim To Visit").
    """
    if len(words) < 2 or not is_korean_surname(words[0]) or not words[0][:1].isupper():
        return None
    if len(words) == 2 and "-" not in words[1]:
        if not words[1][:1].isupper() or not is_one_syllable_given_name(words[1]):
            return None
        given = [words[1]]
    elif len(words) == 2 and words[1].count("-") == 1:
        first, second = words[1].split("-")
        given = [first, second]
        if not first[:1].isupper():
            return None
    elif len(words) == 3 and "-" not in "".join(words):
        given = words[1:]
        if not all(w[:1].isupper() for w in given):
            return None
    else:
        return None
    if not all(g and is_romanized_syllable(g) for g in given):
        return None
    return words[0], given


#: Capitalized English words with the shape of a common name syllable, which follow a family
#: name in headlines and sentences ("Kim To Visit", "Pak In Moscow", "Ri Son"...).
_NOT_ONE_SYLLABLE_NAMES = frozenset(
    {
        "a", "am", "an", "at", "be", "do", "go", "ha", "he", "hi", "i", "in", "man", "me", "no",
        "o", "ok", "on", "pin", "so", "son", "sun", "the", "to", "up", "we",
    }
)  # fmt: skip
# Spellings other than MR's, folded to MR letters for reading: the DPRK's aspirates, RR and
# conventional vowels.
_TO_MR_LETTERS = (("yeo", "yo"), ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "i"))


def is_one_syllable_given_name(word: str) -> bool:
    """True for a word that can be a one-syllable Korean given name ("Hwi", "Il", "Chaek").

    The word must spell, in some romanization, a syllable common in Korean given names
    (kwpld/lexicons/name-syllables.txt: 휘, 일, 책...), and must not be one of the English words
    that follow a name in headlines ("To", "In", "On", "So", "Man"). A two-syllable name is
    easy to mistake for a family name and an English word, so this is stricter than
    :func:`is_romanized_syllable`.
    """
    key = word_key(word)
    if key in _NOT_ONE_SYLLABLE_NAMES or not is_romanized_syllable(word):
        return False
    plain = key.replace("'", "")
    if plain[:2] in ("th", "ph", "kh"):
        plain = plain[0] + plain[2:]
    for spelled, mr in _TO_MR_LETTERS:
        plain = plain.replace(spelled, mr)
    _, common = _name_syllables()
    return any(h in common for h in _plain_readings(plain) or [])


_MR_INITIALS = {
    "": 11, "k": 0, "g": 0, "kk": 1, "n": 2, "t": 3, "d": 3, "tt": 4, "r": 5, "l": 5,
    "m": 6, "p": 7, "b": 7, "pp": 8, "s": 9, "sh": 9, "ss": 10, "ch": 12, "j": 12,
    "tch": 13, "ch'": 14, "k'": 15, "t'": 16, "p'": 17, "h": 18,
}  # fmt: skip
_MR_VOWELS = {
    "a": 0, "ae": 1, "ya": 2, "yae": 3, "o'": 4, "e": 5, "yo'": 6, "ye": 7, "o": 8,
    "wa": 9, "wae": 10, "oe": 11, "yo": 12, "u": 13, "wo'": 14, "we": 15, "wi": 16,
    "yu": 17, "u'": 18, "u'i": 19, "i": 20,
}  # fmt: skip
# Final "t" is left out on purpose: it stands for several Hangul finals (ㄷ ㅅ ㅈ ㅊ ㅌ ㅎ).
_MR_FINALS = {"": 0, "k": 1, "n": 4, "l": 8, "m": 16, "p": 17, "ng": 21}
_MR_SYLLABLE_RE = re.compile(
    "^(tch|ch'|k'|t'|p'|kk|tt|pp|ss|sh|ch|[kgntdrlmpbsjh]?)"
    "(yae|wae|u'i|yo'|wo'|ae|ya|ye|wa|oe|yo|we|wi|yu|o'|u'|[aeiou])(ng|[knlmp]?)$"
)


def mr_to_hangul(text: str) -> str | None:
    """Transliterate a McCune-Reischauer personal name to Hangul: "Kim Cho’ng-su" -> "김정수".

    The name must be "Family Given-name" with the given-name syllables hyphenated (as MR
    writes personal names), in MR or its ASCII form. Returns None whenever a syllable is
    ambiguous (a final "t") or is not MR, so a result is never a guess. One ambiguity MR
    makes on purpose is resolved: it writes ㄹ as "n" after ng, k, p and m, as it is said
    (조명록: "Cho Myŏng-nok"); such an "n" is read as whichever of ㄴ and ㄹ gives a syllable
    common in names (kwpld/lexicons/name-syllables.txt), and None when both or neither do.
    """
    words = mr_to_ascii(unicodedata.normalize("NFC", text)).split()
    if len(words) != 2:
        return None
    syllables = [words[0], *words[1].split("-")]
    out: list[str] = []
    coda_before = ""
    for index, syllable in enumerate(syllables):
        match = _MR_SYLLABLE_RE.match(syllable.casefold())
        if match is None:
            return None
        onset, vowel, coda = match.groups()
        if onset == "s" and vowel in ("wi", "i"):
            onset = "sh"  # MR "shi" and "si" are both 시
        initial = _MR_INITIALS.get(onset)
        medial = _MR_VOWELS.get(vowel)
        final = _MR_FINALS.get(coda)
        if initial is None or medial is None or final is None:
            return None
        if index >= 2 and onset == "n" and coda_before in ("ng", "k", "p", "m"):
            _, common = _name_syllables()
            readings = [
                chr(_SYLLABLE_FIRST + (choice * 21 + medial) * 28 + final)
                for choice in (_MR_INITIALS["n"], _MR_INITIALS["r"])
            ]
            listed = [h for h in readings if h in common]
            if len(listed) != 1:
                return None
            out.append(listed[0])
        else:
            out.append(chr(_SYLLABLE_FIRST + (initial * 21 + medial) * 28 + final))
        coda_before = coda
    return "".join(out)


# ---------------------------------------------------------------------------
# Derived values, and McCune-Reischauer written without its diacritics
# ---------------------------------------------------------------------------

#: The rules by which kwpld derives one spelling of a name from another, by the name a
#: :class:`Derived` value carries. A derived value is never printed in the source: its
#: provenance is the form it came from and one of these rules.
DERIVATION_RULES: dict[str, str] = {
    "mr-to-hangul": (
        "McCune-Reischauer with its breves and aspiration apostrophes, read syllable by "
        "syllable; every syllable has exactly one Hangul reading"
    ),
    "mr-plain-to-hangul": (
        "McCune-Reischauer written without breves and apostrophes; of each syllable's readings "
        "(o: ㅗ/ㅓ, u: ㅜ/ㅡ, k t p ch: plain or aspirated) the one that is common in Korean "
        "names (kwpld/lexicons/name-syllables.txt), and nothing when two are"
    ),
    "mr-ascii-to-mr": "McCune-Reischauer in ASCII (o', u') written with breves (ŏ, ŭ)",
    "mr-to-mr-ascii": "McCune-Reischauer with breves (ŏ, ŭ) written in ASCII (o', u')",
    "hangul-to-rr": "Revised Romanization of Hangul, algorithmically (kwpld.names.hangul_to_rr)",
}


@dataclass(frozen=True, slots=True)
class Derived:
    """A value kwpld derived instead of reading it in a source, and what it derived it from.

    ``value`` in ``system`` was derived from ``source`` (in ``source_system``, when the source's
    spelling has a system of its own; None for MR written without its diacritics) by ``rule``,
    a key of :data:`DERIVATION_RULES`. Record the value as derived, with the source form and
    the rule as its provenance, never the article the source form was read in.
    """

    value: str
    system: System
    source: str
    source_system: System | None
    rule: str

    def __post_init__(self) -> None:
        if self.rule not in DERIVATION_RULES:
            raise ValueError(f"unknown derivation rule {self.rule!r}")


_LEXICON_DIR = Path(__file__).with_name("lexicons")


@functools.cache
def _name_syllables() -> tuple[frozenset[str], frozenset[str]]:
    """(family names, given-name syllables) common in Korean names, in Hangul.

    Read from kwpld/lexicons/name-syllables.txt: "#" comments, then a "[family]" and a
    "[given]" section of syllables separated by spaces.
    """
    sections: dict[str, set[str]] = {"family": set(), "given": set()}
    current: set[str] | None = None
    text = (_LEXICON_DIR / "name-syllables.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
        elif line and current is not None:
            current.update(line.split())
    return frozenset(sections["family"]), frozenset(sections["given"])


# Readings of MR letters once its breves and apostrophes are dropped.
_PLAIN_ONSETS: dict[str, tuple[int, ...]] = {
    "": (11,), "k": (0, 15), "g": (0,), "kk": (1,), "n": (2,), "t": (3, 16), "d": (3,),
    "tt": (4,), "r": (5,), "l": (5,), "m": (6,), "p": (7, 17), "b": (7,), "pp": (8,),
    "s": (9,), "sh": (9,), "ss": (10,), "ch": (12, 14), "j": (12,), "tch": (13,), "h": (18,),
}  # fmt: skip
_PLAIN_VOWELS: dict[str, tuple[int, ...]] = {
    "a": (0,), "ae": (1,), "ya": (2,), "yae": (3,), "o": (8, 4), "e": (5,), "yo": (12, 6),
    "ye": (7,), "wa": (9,), "wae": (10,), "oe": (11,), "u": (13, 18), "wo": (14,),
    "we": (15,), "wi": (16,), "yu": (17,), "ui": (19,), "i": (20,),
}  # fmt: skip
_PLAIN_SYLLABLE_RE = re.compile(
    "^(tch|kk|tt|pp|ss|sh|ch|[kgntdrlmpbsjh]?)"
    "(yae|wae|ae|ya|ye|wa|oe|yo|we|wi|wo|yu|ui|[aeiou])(ng|[knlmp]?)$"
)
# Letters and clusters no McCune-Reischauer spelling has: RR "eo"/"eu", the DPRK's "th", "ph",
# "kh", conventional "oo"/"ee", and letters Korean romanizations do not use.
_NOT_MR_RE = re.compile(r"eo|eu|oo|ee|th|ph|kh|[fqvxz]")
_VOICED_END = re.compile(r"(?:[aeiou]|ng|[nml])$")
#: Family names MR spells with "ch" where the DPRK writes "j": 장 정 조 주 전 진 지.
_MR_CH_FAMILY = frozenset({"chang", "chong", "cho", "chu", "chon", "chin", "chi"})


def _plain_readings(syllable: str) -> list[str] | None:
    match = _PLAIN_SYLLABLE_RE.match(syllable)
    if match is None:
        return None
    onset, vowel, coda = match.groups()
    if onset == "sh" and vowel not in ("i", "wi"):
        return None
    final = _MR_FINALS.get(coda)
    if final is None:
        return None
    return [
        chr(_SYLLABLE_FIRST + (initial * 21 + medial) * 28 + final)
        for initial in _PLAIN_ONSETS[onset]
        for medial in _PLAIN_VOWELS[vowel]
    ]


def _plain_parts(name: str) -> tuple[str, list[str]] | None:
    """Family name and given-name syllables of a Latin name without diacritics, lowercased."""
    text = unicodedata.normalize("NFC", name).strip()
    if _APOSTROPHE_RE.search(text) or _MR_BREVE_RE.search(text) or not text.isascii():
        return None
    words = text.split()
    if korean_name_parts(words) is None:
        return None
    given = [s for w in words[1:] for s in w.split("-")]
    return words[0].casefold(), [s.casefold() for s in given]


def plain_mr_evidence(name: str) -> str | None:
    """Why a Latin name without diacritics must be McCune-Reischauer, or None.

    MR without its breves and apostrophes ("Pak Pong-chu") looks like the DPRK's spelling or
    a South Korean one; only some shapes give it away, and this names the first it finds:

    * ``"family-name-ch"``: a family name MR writes with "ch" where the DPRK writes "j"
      ("Chang", "Chong", "Cho", "Chu", "Chon", "Chin", "Chi");
    * ``"ch-for-j"``: a given-name syllable with "ch" whose only reading common in names has
      ㅈ, which the DPRK writes "j" ("chu" in "Pong-chu": 주);
    * ``"unvoiced-medial"``: k, t or p starting a later given-name syllable after a vowel or
      n, m, ng, l, where the DPRK and RR write g, d, b or kh, th, ph ("Chong-kwan").

    Shapes that MR never writes rule it out: "j", "g", "d" or "b" starting the family name
    or the given name, RR "eo"/"eu", the DPRK's "th"/"ph"/"kh", "oo", "ee". "Kim Tok-hun" is
    spelled the same in MR and in the DPRK's system and gives None; pass ``assume_mr=True`` to
    :func:`derive_hangul` when the source is known to write MR.
    """
    parts = _plain_parts(name)
    if parts is None:
        return None
    family, given = parts
    if any(_NOT_MR_RE.search(s) for s in (family, *given)):
        return None
    if family[:1] in "jgdb" or given[0][:1] in "jgdb":
        return None
    if family in _MR_CH_FAMILY:
        return "family-name-ch"
    _, common = _name_syllables()
    for syllable in given:
        if syllable.startswith("ch") and not syllable.startswith("chh"):
            readings = [h for h in _plain_readings(syllable) or [] if h in common]
            if readings and all(_decompose(h)[0] == 12 for h in readings):
                return "ch-for-j"
    for before, syllable in itertools.pairwise(given):
        if re.match(r"[ktp](?!h)", syllable) and _VOICED_END.search(before):
            return "unvoiced-medial"
    return None


def _plain_to_hangul(family: str, given: list[str]) -> str | None:
    families, common = _name_syllables()
    out = []
    for syllable, table in ((family, families), *((s, common) for s in given)):
        if table is families and syllable in ("yi", "i"):
            out.append("이")  # MR spells the family name 이 "Yi"
            continue
        readings = [h for h in _plain_readings(syllable) or [] if h in table]
        if len(readings) != 1:
            return None
        out.append(readings[0])
    return "".join(out)


def derive_hangul(
    name: str, *, system: System | None = None, assume_mr: bool = False
) -> Derived | None:
    """Hangul derived from a McCune-Reischauer personal name, with the rule that derived it.

    * MR with breves or apostrophes ("Kim Chŏng-su", "Kim Cho'ng-su", "Ch'oe Ryong-hae"),
      or any name the caller says is MR or MR-ASCII (``system``; in a source that writes MR
      with its diacritics an unmarked "o" is ㅗ): :func:`mr_to_hangul`, rule ``mr-to-hangul``.
    * MR without them ("Pak Pong-chu"), recognized by :func:`plain_mr_evidence`, or any
      Latin name when ``assume_mr`` says the source writes MR: each syllable's readings
      narrowed to the one common in names, rule ``mr-plain-to-hangul`` ("Pak Pong-chu" ->
      박봉주, "Kim Tok-hun" -> 김덕훈); None when a syllable keeps two common readings
      ("O Su-yong": 용 or 영).

    Returns None for anything else; a result is a reading, never a fact the source printed.
    """
    if system not in (System.MR, System.MR_ASCII):
        system = guess_system(name)
    if system in (System.MR, System.MR_ASCII):
        hangul = mr_to_hangul(name)
        if hangul is None:
            return None
        return Derived(hangul, System.HANGUL, name, system, "mr-to-hangul")
    if system is not None:
        return None
    if not assume_mr and plain_mr_evidence(name) is None:
        return None
    parts = _plain_parts(name)
    if parts is None:
        return None
    hangul = _plain_to_hangul(*parts)
    if hangul is None:
        return None
    return Derived(hangul, System.HANGUL, name, None, "mr-plain-to-hangul")


def derivations(
    name: str, system: System | None = None, *, assume_mr: bool = False
) -> list[Derived]:
    """Every spelling kwpld derives from ``name``, each with its source form and rule.

    MR-ASCII gives MR with breves; MR (either form, or MR without diacritics as
    :func:`derive_hangul` reads it) gives Hangul; Hangul (given or derived) gives Revised
    Romanization, whose source is the Hangul. ``system`` is the name's spelling system when
    the caller knows it; by default it is guessed (:func:`guess_system`).
    """
    system = system or guess_system(name)
    found: list[Derived] = []
    hangul: str | None = None
    if system is System.HANGUL:
        hangul = name
    else:
        if system is System.MR_ASCII:
            mr = ascii_to_mr(name)
            if mr != name:
                found.append(Derived(mr, System.MR, name, system, "mr-ascii-to-mr"))
        if system in (None, System.MR, System.MR_ASCII, System.EN, System.DPRK):
            known = system if system in (System.MR, System.MR_ASCII) else None
            derived = derive_hangul(name, system=known, assume_mr=assume_mr)
            if derived is not None:
                found.append(derived)
                hangul = derived.value
    if hangul is not None and _personal_parts(hangul) is not None:
        found.append(
            Derived(hangul_to_rr(hangul), System.RR, hangul, System.HANGUL, "hangul-to-rr")
        )
    return found
