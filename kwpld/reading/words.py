"""Small rules about words that several passes share: how names are recorded, initials, the
key of an event series, dates as records write them in titles."""

from __future__ import annotations

import calendar
import re

from ..dates import PartialDate
from ..names import name_words

__all__ = [
    "ORDINAL_WORDS", "straight", "initials", "series_key", "party_bag", "singular", "core",
    "long_date",
]  # fmt: skip

_DEMONYMS = {
    "korean": "korea",
    "chinese": "china",
    "japanese": "japan",
    "soviet": "ussr",
    "vietnamese": "vietnam",
}
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "at", "to"})
_SERIES_STOP = frozenset(
    {
        "of",
        "the",
        "for",
        "a",
        "an",
        "and",
        "party",
        "workers",
        "korea",
        "korean",
        "whole",
        "wpk",
        "kwp",
        "all",
        "dprk",
    }
)


def straight(text: str) -> str:
    """Names are recorded with straight apostrophes and single spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").split())


def initials(text: str) -> str:
    """ "Korean Workers' Party" -> "KWP"; "NK Leadership Watch" -> "NKLW"."""
    out = []
    for word in straight(text).replace("-", " ").split():
        if word.lower() in FUNCTION_WORDS:
            continue
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            out.extend(letters)
        elif letters:
            out.append(letters[0].upper())
    return "".join(out)


def party_bag(text: str) -> str:
    """What identifies a party whatever the word order: "Korean Workers' Party" and "Workers'
    Party of Korea" both give "korea party workers"."""
    words = [w for w in name_words(text) if w not in FUNCTION_WORDS]
    return " ".join(sorted(_DEMONYMS.get(w, w) for w in words))


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_DOTTED = re.compile(r"\b(?:[A-Z]\.)+[A-Z]\b\.?")
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
"""Ordinals written out, in order ("first" is 1): names of meetings use both forms."""
_ORDINAL_NUMBERS = {
    word: f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}"
    for n, word in enumerate(ORDINAL_WORDS, start=1)
}
# Words that stand for others in names of series: "C.C." is the Central Committee.
_SERIES_SYNONYMS = {
    "cc": ("central", "committee"),
    "pb": ("political", "bureau"),
    "politburo": ("political", "bureau"),
    "spa": ("supreme", "people", "assembly"),
    "plenum": ("plenary", "meeting"),
}


def series_key(text: str) -> str:
    """What identifies a series of events whatever its wording: "Meeting of Party Cell
    Secretaries" and "Meeting of Secretaries of Cells of the WPK" both give
    "cell meeting secretary"; "Plenary Meeting of the Seventh Central Committee" and "Plenary
    Meeting of 7th C.C." both give "7th central committee meeting plenary"."""
    words: set[str] = set()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    for word in name_words(text):
        if word in _SERIES_STOP:
            continue
        word = _ORDINAL_NUMBERS.get(word, word)
        words.update(_SERIES_SYNONYMS.get(word, (word,)))
    return " ".join(sorted(singular(w) for w in words))


def core(word: str) -> str:
    """A word without a possessive or a final apostrophe ("KWP’s" -> "KWP")."""
    if word[-2:] in ("’s", "'s"):
        return word[:-2]
    return word.rstrip("’'")


def long_date(date: PartialDate) -> str:
    """28 January 2013, January 2013 or 2013, as the records write dates in titles."""
    if date.day:
        return f"{date.day} {calendar.month_name[date.month or 1]} {date.year}"
    if date.month:
        return f"{calendar.month_name[date.month]} {date.year}"
    return str(date.year)
