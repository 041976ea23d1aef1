"""Passes that find people the data folder does not know: Korean names by their shape (a
family name and two romanized syllables or a hyphenated given name, "Kim Jong Su", "Kim
Cho’ng-su"), a spelling in parentheses as the same person in another system, and the authors a
byline names. A capitalized word at the start of a sentence is never a person by itself."""

from __future__ import annotations

import functools
import re

from ..model import Derivation
from ..names import (
    System,
    derivations,
    guess_system,
    is_hangul,
    is_korean_surname,
    is_romanized_syllable,
    korean_name_parts,
    match_key,
    name_words,
)
from ..reading.entities import Entity, NameDraft
from ..reading.facts import fact_lexicon
from ..reading.state import Context, Found
from ..reading.words import FUNCTION_WORDS, core, straight
from .media import looks_like_person
from .shared import person_entity

__all__ = ["people", "bylines"]

_NOT_PERSON_AFTER = frozenset(
    {
        "university", "square", "street", "stadium", "prize", "order", "medal", "award",
        "mausoleum", "palace", "park", "bridge", "academy", "school", "institute", "hall",
        "plaza", "tower", "station", "league", "youth", "flower", "statue", "statues", "theatre",
        "theater", "factory", "complex", "sun", "birthday", "kimilsungia", "kimjongilia",
    }
)  # fmt: skip
_BYLINE = re.compile(r"^\s*(?:By|Written by|Text by|Report by)\s+(?P<names>[A-Z][^\n]{2,100}?)\s*$")
# "Michael Madden | NK Leadership Watch | 15 October 2019": the first part names the author.
_BYLINE_BARS = re.compile(r"^\s*(?P<names>[A-Z][^|\n]{2,60}?)\s+\|\s+[^\n]+$")


def people(r: Context) -> Found:
    """Korean personal names, with a spelling in parentheses as the same person."""
    doc, n = r.doc, len(r.doc.words)
    writes_mr = _writes_mr(r)
    i = 0
    while i < n:
        if r.claimed[i] or not doc.is_cap(i) or not is_korean_surname(doc.words[i]):
            i += 1
            continue
        found = _korean_name_at(r, i)
        if found is None:
            i += 1
            continue
        last, name = found
        span = doc.span_of(i, last)
        paren = (
            doc.paren_after(span[1])
            if not r.text[span[1] : span[1] + 2].startswith(("’s", "'s"))
            else None
        )
        record = _record_in(r, paren) if paren is not None else None
        if record is not None:
            # "Kim Yo-cho'ng (Kim Yo Jong)": another spelling of the record in parentheses.
            r.aliases.append((name, record))
            i = last
            continue
        key = person_entity(r, name, span, f"a Korean personal name, “{r.text[span[0] : span[1]]}”")
        entity = r.reg.get(key)
        system = _mr_system(name)
        if entity.known is None and system != "en":
            # "Kim Kyo'k-sik" in running text is the article's English name for him and his
            # name in MR: printed as both, and the source of the spellings derived from MR.
            entity.add_name(NameDraft(straight(name), system=system, spans=[span]))
            add_derived_names(entity, straight(name), system)
        elif entity.known is None and "-" in name:
            # "Pak Pong-chu": MR without diacritics when its shape says so, or when the article
            # writes MR elsewhere; a DPRK spelling ("Pak Pong Ju") is not hyphenated.
            add_derived_names(entity, straight(name), "en", assume_mr=writes_mr)
        if paren is not None and entity.known is None:
            _parenthetical_spelling(r, entity, paren, assume_mr=writes_mr)
        i = last
    # "Kim Yo-cho'ng (Kim Yo Jong)" anywhere: the same spelling elsewhere ("Kim Yo-cho'ng Joins
    # the Politburo") is that record too, not a new person.
    for name, record in r.aliases:
        key = match_key(name)
        for entity in list(r.reg.of_kind("person")):
            if entity.known is None and any(match_key(n.text) == key for n in entity.names):
                r.reg.merge(record, entity.key)
    # Merge the same person found under spellings with one match key.
    by_key: dict[str, str] = {}
    for entity in r.reg.of_kind("person"):
        if entity.known:
            continue
        for name_draft in entity.names:
            mk = match_key(name_draft.text)
            if mk in by_key and r.reg.resolve(by_key[mk]) != entity.key:
                r.reg.merge(by_key[mk], entity.key)
                break
            by_key.setdefault(mk, entity.key)
    return r.found()


def _record_in(r: Context, paren: tuple[int, int]) -> str | None:
    """The one person record named inside a parenthesis, if it holds nothing else."""
    words = r.doc.words_between(paren[0], paren[1])
    for match in r.known_matches:
        if match.first == words.start and match.last == words.stop:
            refs = {t.ref for t in match.targets if t.kind == "person"}
            if len(refs) == 1:
                return r.reg.known(next(iter(refs)), "person").key
    return None


def _korean_name_at(r: Context, i: int) -> tuple[int, str] | None:
    doc, n = r.doc, len(r.doc.words)
    if i + 2 < n and doc.gap_ok[i] and doc.gap_ok[i + 1] and not any(r.claimed[i : i + 3]):
        between = (
            r.text[doc.word_ends[i] : doc.word_starts[i + 1]],
            r.text[doc.word_ends[i + 1] : doc.word_starts[i + 2]],
        )
        words = [doc.words[i], doc.words[i + 1], core(doc.words[i + 2])]
        if "-" not in between[0] and "-" in between[1]:
            parts = korean_name_parts([words[0], f"{words[1]}-{words[2]}"])
            if parts is not None and not _followed_by_place(r, i + 3):
                return i + 3, f"{words[0]} {words[1]}-{words[2]}"
        elif "-" not in between[0] and "-" not in between[1]:
            parts = korean_name_parts(words)
            if parts is not None and not _followed_by_place(r, i + 3):
                return i + 3, " ".join(words)
    return _two_word_name_at(r, i)


def _two_word_name_at(r: Context, i: int) -> tuple[int, str] | None:
    """ "Choe Hwi", "Kim Il": a family name and a one-syllable given name
    (:func:`kwpld.names.korean_name_parts` checks the syllable is a common given name and no
    English word), unless a capitalized syllable follows or comes before it, which would make
    it part of a longer name the three-word reading did not take."""
    doc, n = r.doc, len(r.doc.words)
    if i + 1 >= n or not doc.gap_ok[i] or r.claimed[i + 1]:
        return None
    if (
        i > 0
        and doc.gap_ok[i - 1]
        and doc.is_cap(i - 1)
        and is_romanized_syllable(doc.words[i - 1])
    ):
        return None  # "Yon Gu" of "Yo Yon Gu": the end of a name whose family name was not read
    if r.text[doc.word_ends[i] : doc.word_starts[i + 1]].strip():
        return None  # "Kim-Il", "Kim, Il"
    given = core(doc.words[i + 1])
    if i + 2 < n and r.text[doc.word_ends[i + 1] : doc.word_starts[i + 2]] == "-":
        return None  # "Lee Jae" of "Lee Jae-joung": a hyphenated name the reading refused
    if (
        i + 2 < n
        and doc.gap_ok[i + 1]
        and doc.is_cap(i + 2)
        and is_romanized_syllable(doc.words[i + 2])
    ):
        return None
    if korean_name_parts([doc.words[i], given]) is None or _followed_by_place(r, i + 2):
        return None
    if _south_syllable_at(r, i + 2):  # "Lee Jae Joung": not "Lee Jae" (round 7, M1)
        return i + 3, f"{doc.words[i]} {given} {core(doc.words[i + 2])}"
    return i + 2, f"{doc.words[i]} {given}"


_SOUTH_SYLLABLE = re.compile(r"[bcdghjkmnprstwy]{0,3}[aeiouyw]{2,3}(?:ng|n|k|l|m|p|t)?")
"""a syllable in the South's spellings the North's romanization never writes ("Joung",
"Hoon", "Seok"): two or three vowel letters, one of ``south_syllable_marks`` in it"""


def _south_syllable_at(r: Context, j: int) -> bool:
    """Word ``j``, right after a family name and a one-syllable given name, is a third syllable
    spelled the South's way ("Lee Jae Joung", "Choi Sung Hoon"): capitalized, not all capitals,
    of :data:`_SOUTH_SYLLABLE`'s shape with a mark of ``south_syllable_marks``, not a romanized
    syllable (the three-word reading refused those), and no capitalized word after it (a
    longer run is a name of another shape or an organ's)."""
    doc, n = r.doc, len(r.doc.words)
    if j >= n or not doc.gap_ok[j - 1] or not doc.is_cap(j) or doc.is_allcaps(j):
        return False
    if doc.in_title(j):  # a headline capitalizes every word ("Lee Jae Took Part")
        return False
    word = core(doc.words[j]).lower()
    if word in FUNCTION_WORDS or not _SOUTH_SYLLABLE.fullmatch(word) or is_romanized_syllable(word):
        return False
    marks = fact_lexicon().home_government_cues.get("south_syllable_marks", ())
    if not any(mark in word for mark in marks):
        return False
    return not (j + 1 < n and doc.gap_ok[j] and doc.is_cap(j + 1))


def _followed_by_place(r: Context, j: int) -> bool:
    return j < len(r.doc.words) and r.doc.gap_ok[j - 1] and r.doc.keys[j] in _NOT_PERSON_AFTER


def _parenthetical_spelling(
    r: Context, entity: Entity, paren: tuple[int, int], *, assume_mr: bool = False
) -> None:
    """ "Kim Jong Su (Kim Cho’ng-su)": the same person in another romanization (or Hangul).

    The spelling in parentheses is printed (the article is its source); the spellings kwpld
    derives from it (MR with breves, Hangul, RR) say the rule and the name they came from.
    ``assume_mr``: the article writes MR in its parentheses, so a spelling without breves and
    apostrophes there ("Kim Tok-hun") is read as MR too."""
    inner_start, inner_end = paren[0] + 1, paren[1] - 1
    inner = r.text[inner_start:inner_end].strip()
    if not inner:
        return
    words = inner.split()
    if is_hangul(inner) and 2 <= len(inner.replace(" ", "")) <= 4:
        entity.add_name(NameDraft(inner, system="hangul", spans=[(inner_start, inner_end)]))
        add_derived_names(entity, inner, "hangul")
        entity.note(f"written in Hangul as {inner}", (inner_start, inner_end))
        return
    if korean_name_parts(words) is None:
        return
    text = straight(inner)
    system = _mr_system(text)
    entity.add_name(NameDraft(text, system=system, spans=[(inner_start, inner_end)]))
    entity.note(f"also written “{inner}”", (inner_start, inner_end))
    for i in r.doc.words_between(inner_start, inner_end):
        r.claimed[i] = True
    add_derived_names(entity, text, system, assume_mr=assume_mr and "-" in text)


@functools.lru_cache(maxsize=8192)
def _mr_system(name: str) -> str:
    """ "mr" or "mr-ascii" for a McCune-Reischauer spelling with its breves or apostrophes,
    else "en" (the DPRK's spelling and plain MR are written as English names). Remembered:
    :func:`_writes_mr` asks it of every capitalised surname and the two words after it, the
    same few thousand names over a run's articles."""
    guessed = guess_system(straight(name))
    return guessed.value if guessed in (System.MR, System.MR_ASCII) else "en"


def _writes_mr(r: Context) -> bool:
    """The article writes McCune-Reischauer with its diacritics ("Kim Cho’ng-su", "Ch'oe
    Ryong-hae"), in parentheses or in running text: then a plain hyphenated spelling
    ("Kim Tok-hun") is MR without its diacritics too."""
    doc = r.doc
    for i, word in enumerate(doc.words[:-1]):
        if not is_korean_surname(word) or not doc.is_cap(i):
            continue
        end = doc.word_ends[min(i + 2, len(doc.words) - 1)]
        if _mr_system(korean_words(r.text[doc.word_starts[i] : end])) != "en":
            return True
    return False


def korean_words(text: str) -> str:
    """The first three words of ``text``, up to a comma or parenthesis."""
    return " ".join(re.split(r"[,;()]", text, maxsplit=1)[0].split()[:3])


def add_derived_names(entity: Entity, text: str, system: str, *, assume_mr: bool = False) -> None:
    """The spellings :func:`kwpld.names.derivations` derives from a name of ``entity`` (MR
    from MR-ASCII, Hangul from MR, RR from Hangul), each marked derived with its rule and the
    name it came from, never cited to the article."""
    known: System | None = System(system) if system != "en" else None
    systems = {text: system}
    for derived in derivations(text, known, assume_mr=assume_mr):
        source_system = systems.get(derived.source) or (
            derived.source_system.value if derived.source_system else system
        )
        entity.add_name(
            NameDraft(
                derived.value,
                system=derived.system.value,
                derivation=Derivation(derived.rule, derived.source, source_system),
            )
        )
        systems.setdefault(derived.value, derived.system.value)


def _record_named(r: Context, name: str) -> str | None:
    """The one person record (or pending draft) with this name (a byline's words are not read
    as text, so the name index is asked directly)."""
    words = name_words(name)
    for match in r.known.index.match(
        list(words), name.split(), [True] * (len(words) - 1) + [False]
    ):
        refs = {t.ref for t in match.targets if t.kind == "person"}
        if len(refs) == 1 and match.first == 0 and match.last == len(words):
            return r.reg.known(next(iter(refs)), "person").key
    return None


def bylines(r: Context) -> Found:
    """ "By Michael Madden": the people a byline near the top names."""
    r.byline_authors = []
    for block in r.doc.blocks[:6]:
        body = r.text[block.start : block.end]
        match = _BYLINE.match(body) or _BYLINE_BARS.match(body)
        if not match or len(body) > 120:
            continue
        names_start = block.start + match.start("names")
        for part in re.finditer(r"[^,&]+?(?=\s*(?:,|&|\band\b|$))", match.group("names")):
            text = part.group(0).strip()
            if text.lower().startswith("and "):
                text = text[4:]
            if not text or not (looks_like_person(text) or korean_name_parts(text.split())):
                continue
            start = names_start + match.group("names").index(text)
            key = _record_named(r, text) or person_entity(
                r, text, (start, start + len(text)), f"named in the byline “{body.strip()}”"
            )
            r.byline_authors.append(key)
    return r.found()
