"""The name index: every spelling a record implies, found in one pass over a text."""

from __future__ import annotations

import re

from kwpld.names import WORD_RE, word_key
from kwpld.reading.index import NameIndex


def _matches(index: NameIndex, text: str) -> list[tuple[str, list[str]]]:
    words = [m for m in WORD_RE.finditer(text)]
    keys = [word_key(m.group(0)) for m in words]
    gaps = [
        i + 1 < len(words)
        and re.fullmatch(r"[ \-]?", text[words[i].end() : words[i + 1].start()]) is not None
        for i in range(len(words))
    ]
    out = []
    for match in index.match(keys, [m.group(0) for m in words], gaps):
        start, end = words[match.first].start(), words[match.last - 1].end() - match.cut
        if text[end - 2 : end] in ("’s", "'s"):  # as the reader marks it: without the possessive
            end -= 2
        out.append((text[start:end], sorted({t.ref for t in match.targets})))
    return out


def _index() -> NameIndex:
    index = NameIndex()
    index.add_name("kim-jong-un", "person", "Kim Jong Un", "en", "preferred")
    index.add_name("kim-jong-un", "person", "김정은", "hangul", "preferred")
    index.add_name("jang", "person", "Chang Sŏng-t'aek", "mr", "preferred")
    index.add_name("wpk", "organ", "WPK", "en", "abbreviation")
    index.add_name("wpk", "organ", "Workers' Party of Korea", "en", "preferred")
    index.add_name("cells", "organ", "party cells", "en", "alternate")
    index.add_name("pb", "organ", "KWP Political Bureau", "en", "alternate")
    index.add_name("cpc-pb", "organ", "CPC Political Bureau", "en", "alternate")
    return index


def test_every_hyphenation_and_capitalization() -> None:
    text = "Kim Jong Un, Kim Jong-un, Kim Jong-Un, KIM JONG UN and Kim Jongun."
    assert [m[1] for m in _matches(_index(), text)] == [["kim-jong-un"]] * 5


def test_mccune_reischauer_with_breves_or_apostrophes_of_any_shape() -> None:
    found = _matches(_index(), "Chang Sŏng-t'aek, Chang So’ng-t’aek and Chang So'ng-t'aek")
    assert [m[1] for m in found] == [["jang"]] * 3


def test_possessives_and_typographic_apostrophes() -> None:
    found = _matches(_index(), "the Workers’ Party of Korea’s line and Kim Jong Un’s speech")
    assert found == [("Workers’ Party of Korea", ["wpk"]), ("Kim Jong Un", ["kim-jong-un"])]


def test_abbreviations_keep_their_capitals() -> None:
    assert _matches(_index(), "the WPK and the wpk") == [("WPK", ["wpk"])]


def test_lowercase_organs_in_singular_and_plural() -> None:
    found = _matches(_index(), "a party cell; Party Cells; the party cells")
    assert [m[0] for m in found] == ["party cell", "Party Cells", "party cells"]


def test_short_forms_are_weak_and_kept_apart() -> None:
    index = _index()
    (match,) = list(index.match(["political", "bureau"], ["Political", "Bureau"], [True, False]))
    assert {(t.ref, t.weak) for t in match.targets} == {("pb", True), ("cpc-pb", True)}


def test_hangul_names_with_particles() -> None:
    assert _matches(_index(), "김정은동지께서 말씀하시였다") == [("김정은", ["kim-jong-un"])]


def test_leftmost_longest() -> None:
    index = _index()
    index.add_name(
        "wpk-cc", "organ", "Central Committee of the Workers' Party of Korea", "en", "preferred"
    )
    found = _matches(index, "the Central Committee of the Workers' Party of Korea met")
    assert found == [("Central Committee of the Workers' Party of Korea", ["wpk-cc"])]
