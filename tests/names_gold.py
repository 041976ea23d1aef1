"""The labelled list of real leaders' names (tests/fixtures/names/nk-leaders.yaml) and the
measures taken on it: how well a match key groups the spellings of one name without merging
different names, and how often Hangul derived from McCune-Reischauer is right.

Used by tests/test_names_leaders.py and bench/names_accuracy.py.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "names" / "nk-leaders.yaml"

_BREVES = {"ŏ": "o'", "ŭ": "u'", "Ŏ": "O'", "Ŭ": "U'"}


@dataclass(frozen=True)
class Leader:
    hangul: str
    dprk: str
    mr: str
    also: tuple[str, ...] = ()

    @property
    def dprk_hyphenated(self) -> str:
        """ "Ri Pyong Chol" -> "Ri Pyong-chol" (as Wikipedia and wire copy write it)."""
        family, *given = self.dprk.split()
        if len(given) < 2:
            return self.dprk
        return f"{family} {given[0]}-{''.join(given[1:]).lower()}"

    @property
    def mr_ascii(self) -> str:
        return "".join(_BREVES.get(c, c) for c in self.mr)

    @property
    def mr_plain(self) -> str:
        """MR with its breves and apostrophes dropped: "Ri Pyŏng-ch'ŏl" -> "Ri Pyong-chol"."""
        stripped = "".join(
            c for c in unicodedata.normalize("NFD", self.mr) if not unicodedata.combining(c)
        )
        return unicodedata.normalize("NFC", stripped).replace("'", "")

    def spellings(self) -> list[str]:
        forms = [self.hangul, self.dprk, self.dprk_hyphenated, self.mr, self.mr_ascii]
        forms += [self.mr_plain, *self.also]
        return list(dict.fromkeys(forms))


def read_leaders(path: Path = FIXTURE, part: str = "leaders") -> list[Leader]:
    """The labelled names: ``part`` "leaders" (the rules were adjusted on these) or "heldout"."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))[part]
    return [Leader(row[0], row[1], row[2], tuple(row[3:])) for row in rows]


@dataclass
class KeyScore:
    names: int = 0
    spellings: int = 0
    missed: list[tuple[str, list[str]]] = field(default_factory=list)
    """Names whose spellings do not all share one key: (Hangul, the spellings apart)."""
    false_merges: list[tuple[str, str, str]] = field(default_factory=list)
    """Pairs of different names that share a key: (Hangul, Hangul, key)."""
    same_spelling: list[tuple[str, str, str]] = field(default_factory=list)
    """Pairs of different names written identically somewhere (no key can tell them apart)."""

    @property
    def missed_pairs(self) -> int:
        return sum(len(apart) for _, apart in self.missed)


def measure_keys(key: Callable[[str], str], leaders: list[Leader] | None = None) -> KeyScore:
    """Group every spelling by ``key``; count names split across keys and names merged."""
    leaders = read_leaders() if leaders is None else leaders
    score = KeyScore(names=len(leaders))
    owners: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[str]] = defaultdict(set)
    for leader in leaders:
        keys: dict[str, list[str]] = defaultdict(list)
        for spelling in leader.spellings():
            score.spellings += 1
            keys[key(spelling)].append(spelling)
            owners[key(spelling)].add(leader.hangul)
            if spelling != leader.hangul:
                written[leader.hangul].add(spelling.casefold())
        if len(keys) > 1:
            main = max(keys.values(), key=len)
            apart = [s for group in keys.values() if group is not main for s in group]
            score.missed.append((leader.hangul, apart))
    for mk, hanguls in sorted(owners.items()):
        for a, b in itertools.combinations(sorted(hanguls), 2):
            same = written[a] & written[b]
            (score.same_spelling if same else score.false_merges).append((a, b, mk))
    return score


@dataclass
class DerivationScore:
    right: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)
    """(spelling, derived, expected)"""
    none: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + len(self.wrong) + len(self.none)


def measure_derivation(
    derive: Callable[[str], str | None],
    forms: Callable[[Leader], list[str]],
    leaders: list[Leader] | None = None,
) -> DerivationScore:
    """Derive Hangul from each spelling ``forms`` gives and compare with the label."""
    leaders = read_leaders() if leaders is None else leaders
    score = DerivationScore()
    for leader in leaders:
        for spelling in forms(leader):
            got = derive(spelling)
            if got is None:
                score.none.append(spelling)
            elif got == leader.hangul:
                score.right += 1
            else:
                score.wrong.append((spelling, got, leader.hangul))
    return score
