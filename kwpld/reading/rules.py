"""The rules passes read people with, from their data files: what tells namesakes apart
(``identity.yaml``) and the word lists of foreign leaders' names (``foreign_names.yaml``).

Why here: like the other lexicons of :mod:`kwpld.reading`, they are words, loaded once, read by
the passes of :mod:`kwpld.ingest`; they depend on nothing of those passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..names import name_words, word_key
from ..resources import resource_yaml

__all__ = ["IdentityRules", "identity_rules", "ForeignNameLists", "foreign_name_lists"]


@dataclass(frozen=True)
class IdentityRules:
    """What tells namesakes apart; see :file:`kwpld/reading/identity.yaml`."""

    sectors: tuple[tuple[str, frozenset[str], tuple[tuple[str, ...], ...]], ...]
    """(sector, organ kinds, phrases) in the order they are tried"""
    neutral_kinds: frozenset[str]
    neutral_words: tuple[tuple[str, ...], ...]
    broad_kinds: frozenset[str]
    broad_words: tuple[tuple[str, ...], ...]
    ranks: tuple[tuple[str, ...], ...]
    english_family_names: frozenset[str]
    not_after_name: frozenset[str]
    leader_words: frozenset[str]


@cache
def identity_rules() -> IdentityRules:
    data = resource_yaml("kwpld/reading/identity.yaml")

    def phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({name_words(p) for p in items}, key=lambda w: (-len(w), w)))

    return IdentityRules(
        sectors=tuple(
            (str(s["name"]), frozenset(s.get("kinds") or ()), phrases(s.get("words") or ()))
            for s in data["sectors"]
        ),
        neutral_kinds=frozenset(data["neutral"]["kinds"]),
        neutral_words=phrases(data["neutral"]["words"]),
        broad_kinds=frozenset(data["broad"]["kinds"]),
        broad_words=phrases(data["broad"]["words"]),
        ranks=phrases(data["ranks"]),
        english_family_names=frozenset(word_key(w) for w in data["english_family_names"]),
        not_after_name=frozenset(data["not_after_name"]),
        leader_words=frozenset(word_key(w) for w in data.get("leader_words") or ()),
    )


@dataclass(frozen=True)
class ForeignNameLists:
    """The word lists foreign leaders' names are read by (foreign_names.yaml)."""


    chinese_family: frozenset[str]
    title_words: frozenset[str]
    given: frozenset[str]
    vietnamese_family: frozenset[str]
    pinyin: re.Pattern[str]
    japanese_family: frozenset[str] = frozenset()
    shape_states: dict[str, frozenset[str]] = field(default_factory=dict)
    """a name's shape (chinese, vietnamese, japanese, given) -> the states it can serve"""
    name_titles: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """titles of office a foreign name of no listed shape is read after, by their last word
    (the word before the name), longest first"""
    not_name_words: frozenset[str] = frozenset()
    """capitalized words no name after a title has ("Administration", "Office")"""
    title_links: tuple[tuple[str, ...], ...] = ()
    """folded words between a name and a foreign organ's title that make the name a person's
    ("upon his election as"), longest first"""
    genitive_endings: dict[str, int] = field(default_factory=dict)
    """endings of a Mongolian father's name in the genitive ("Jambyn", "Tserendashiin") -> the
    shortest word length they are read at (class DA)"""
    south_not_given: frozenset[str] = frozenset()
    """parts of a South Korean hyphenated given name that keep it unread ("Young", "You")"""
    south_family: frozenset[str] = frozenset()
    """the South's spellings of family names the Korean reading has not ("Bae", "Ban")"""
    state_initials: frozenset[str] = frozenset()
    """foreign states' initials as words are written, case kept ("U.S" of "U.S.", "UK")"""
    given_also: frozenset[str] = frozenset()
    """states only some of whose officials' names have the "given" shape (Cuba, Bulgaria)"""


@cache
def foreign_name_lists() -> ForeignNameLists:
    data = resource_yaml("kwpld/reading/foreign_names.yaml")
    syllable = "(?:{})?(?:{})".format(
        "|".join(data["pinyin_initials"]), "|".join(data["pinyin_finals"])
    )
    return ForeignNameLists(
        frozenset(data["chinese_family"]),
        frozenset(data["chinese_title_words"]),
        frozenset(data["given"]),
        frozenset(data["vietnamese_family"]),
        re.compile(f"^{syllable}(?P<second>{syllable})?$"),
        frozenset(data.get("japanese_family", ())),
        {k: frozenset(v) for k, v in data.get("shape_states", {}).items()},
        _by_last_word(tuple(str(t).lower().split()) for t in data.get("name_titles", ())),
        frozenset(str(w).lower() for w in data.get("not_name_words", ())),
        tuple(sorted(
            (tuple(word_key(w) for w in re.split(r"[\s-]+", str(link)) if w)
             for link in data.get("title_links", ())),
            key=lambda t: (-len(t), t),
        )),  # fmt: skip
        {str(k).lower(): int(v) for k, v in (data.get("genitive_endings") or {}).items()},
        frozenset(str(w).lower() for w in data.get("south_not_given", ())),
        frozenset(str(w).lower() for w in data.get("south_family", ())),
        frozenset(str(w) for w in data.get("state_initials", ())),
        frozenset(str(w) for w in data.get("given_also", ())),
    )


def _by_last_word(titles: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles grouped by their last word, each group longest first."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        if title:
            groups.setdefault(title[-1], []).append(title)
    return {end: tuple(sorted(group, key=len, reverse=True)) for end, group in groups.items()}
