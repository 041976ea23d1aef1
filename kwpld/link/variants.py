"""The spellings ``kwpld link`` searches for, made from the names records carry.

Every name of a record has a spelling system (:class:`kwpld.names.System`); from it,
:func:`kwpld.names.spelling_variants` makes the other layouts of the same name ("Kim Jong Un",
"Kim Jong-un", "Kim Jongun"), the other form of McCune-Reischauer and, for Hangul, the Revised
Romanization. Wikidata labels are language-tagged, so each spelling is searched in the
languages where its script appears as a label; McCune-Reischauer and Revised Romanization
spellings are also searched among the romanization statements (P1942, P2001).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from ..model import Article, Derivation, Name, Named
from ..names import System, guess_system, is_hangul, spelling_variants

__all__ = ["Spelling", "record_names", "spellings", "LATIN_LANGUAGES", "normalize"]

LATIN_LANGUAGES = ("en", "mul", "de", "fr", "es")
"""Label languages searched for a name as the record writes it."""
VARIANT_LANGUAGES = ("en", "mul")
"""Label languages searched for the generated layouts of a name (they appear as English aliases)."""
HANGUL_LANGUAGES = ("ko", "ko-kp", "mul")
HANJA_LANGUAGES = ("zh", "ja", "mul")
_SKIPPED_KINDS = {"epithet"}
"""Honorifics ("the dear respected Comrade Kim Jong Un") name no Wikidata item."""


def normalize(text: str) -> str:
    """NFC, typographic apostrophes straightened, whitespace collapsed: how texts are compared."""
    text = unicodedata.normalize("NFC", text)
    for mark in "\u2019\u02bc\u2018":
        text = text.replace(mark, "'")
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Spelling:
    """A text to look for, and the record name it was made from."""

    text: str
    name: Name
    original: bool
    """True for the name as the record writes it, False for a generated layout or romanization."""
    script: str = ""
    """latin, hangul or hanja."""

    @property
    def derived(self) -> bool:
        """Made from a name the record marks derived (``derived_from``): no source prints it."""
        return self.name.derived_from is not None

    def languages(self) -> tuple[str, ...]:
        if self.script == "hangul":
            return HANGUL_LANGUAGES
        if self.script == "hanja":
            return HANJA_LANGUAGES
        return LATIN_LANGUAGES if self.original else VARIANT_LANGUAGES


def _script(text: str) -> str:
    if is_hangul(text):
        return "hangul"
    if guess_system(text) is System.HANJA:
        return "hanja"
    return "latin"


def record_names(record: Named) -> list[Name]:
    """The names of a record worth searching: every name but epithets; an article's title too."""
    names = [n for n in record.names if n.kind not in _SKIPPED_KINDS]
    if isinstance(record, Article):
        names.insert(0, Name(record.title, "en", "preferred"))
    return names


def spellings(record: Named) -> list[Spelling]:
    """Every spelling of every searchable name of ``record``, without duplicates."""
    key = tuple(
        (n.text, n.system, n.kind, tuple(n.sources), n.derived_from) for n in record_names(record)
    )
    return list(_spellings(key))


@functools.lru_cache(maxsize=8192)
def _spellings(
    key: tuple[tuple[str, str, str, tuple[str, ...], Derivation | None], ...],
) -> tuple[Spelling, ...]:
    """Spellings of names given as (text, system, kind, sources, derived_from); a pure
    function, so cached."""
    names = [
        Name(text, system, kind, sources=list(sources), derived_from=derived)
        for text, system, kind, sources, derived in key
    ]
    out: list[Spelling] = []
    seen: set[str] = set()
    # Names as written first, so a text that is both a name and another name's layout
    # counts as written.
    for name in names:
        text = normalize(name.text)
        if text and text not in seen:
            seen.add(text)
            out.append(Spelling(text, name, True, _script(text)))
    for name in names:
        for variant in spelling_variants(name.text, System(name.system)):
            text = normalize(variant)
            if text and text not in seen:
                seen.add(text)
                out.append(Spelling(text, name, False, _script(text)))
    return tuple(out)
