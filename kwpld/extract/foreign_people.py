"""Foreign leaders the article names ("Hu Jintao", "Li Qiang", "Vladimir Putin", "Nguyen Phu
Trong"): people by the shape of Chinese pinyin, Russian and Vietnamese names, from the word lists
of kwpld/reading/foreign_names.yaml. Runs after the Korean reading (people.py), and never takes a
word a known name or a Korean name took: a foreign reading must not turn Korean names into
foreigners, nor English words into people, so every shape needs a listed name."""

from __future__ import annotations

import re
from functools import cache

from ..names import is_korean_surname, is_romanized_syllable, word_key
from ..reading.entities import Entity, NameDraft
from ..reading.facts import fact_lexicon
from ..reading.rules import ForeignNameLists, foreign_name_lists
from ..reading.state import Context, Found
from ..reading.states import foreign_states_table
from ..reading.words import FUNCTION_WORDS, core, straight
from .shared import person_entity

__all__ = ["foreign_people"]


def foreign_people(r: Context) -> Found:
    """Chinese, Russian, Vietnamese and Japanese names of foreign leaders and guests."""
    doc, lists = r.doc, foreign_name_lists()
    taken = _taken_words(r)
    i = 0
    while i < len(doc.words) - 1:
        last, shape = None, ""
        if not taken[i] and doc.is_cap(i):
            key = doc.keys[i]
            if key in lists.chinese_family:
                last, shape = _chinese_at(r, i, lists), "chinese"
            elif key in lists.given:
                last, shape = _one_word_after(r, i, lists), "given"
            elif key in lists.vietnamese_family:
                last, shape = _vietnamese_at(r, i), "vietnamese"
            elif i + 1 < len(doc.words) and doc.keys[i + 1] in lists.japanese_family:
                last, shape = _japanese_at(r, i), "japanese"
            elif _genitive(doc.keys[i], lists):
                last, shape = _mongolian_at(r, i, lists), "mongolian"
            elif is_korean_surname(doc.words[i]) or key in lists.south_family:
                last, shape = _south_korean_at(r, i, lists), "titled"
            if last is None and _after_title(r, i, lists):
                last, shape = _titled_at(r, i, lists), "titled"
            if last is None and _may_begin_name(r, i):
                last, shape = _foreign_title_after(r, i, lists), "titled"
                if last is None:
                    last = _foreign_apposition(r, i, lists)
            if last is None and len(doc.words[i]) == 1:
                last, shape = _initials_alone(r, i, lists), "titled"
        if last is None or any(taken[i:last]):
            i += 1
            continue
        _read_name(r, i, last, shape)
        i = last
    _listed_names(r, lists)
    return r.found()


def _read_name(r: Context, i: int, last: int, shape: str) -> None:
    """Words ``i`` to ``last`` are a foreign person's name of ``shape``."""
    doc = r.doc
    span = doc.span_of(i, last)
    name = " ".join(core(w) for w in doc.words[i:last])
    if shape == "titled" or "-" in r.text[span[0] : span[1]]:  # as written: "Han Duck-soo"
        name = core(" ".join(r.text[span[0] : span[1]].split()))
    why = f"a foreign personal name, “{r.text[span[0] : span[1]]}”"
    longer = _named_in_full(r, name) or _named_by_initials(r, name)
    if longer is not None:  # "Fidel Castro" after "Fidel Castro Ruz": the same guest
        longer.add_name(NameDraft(straight(name), spans=[span]))
        longer.note(why, span)
        return
    key = person_entity(r, name, span, why)
    r.reg.get(key).attrs.setdefault("foreign_name", shape)  # holds no DPRK office


def _named_in_full(r: Context, name: str) -> Entity | None:
    """The one foreign person read before whose name begins with all the words of ``name`` and
    has more ("Fidel Castro Ruz" for "Fidel Castro"; class DA)."""
    words = [word_key(w) for w in name.split()]
    if len(words) < 2:
        return None
    found = {
        entity.key: entity
        for entity in r.reg.of_kind("person")
        if entity.known is None and entity.attrs.get("foreign_name")
        for other in entity.names
        if len(keys := [word_key(w) for w in other.text.split()]) > len(words)
        and keys[: len(words)] == words
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _named_by_initials(r: Context, name: str) -> Entity | None:
    """The one foreign person read before whose name is the given name an initial of ``name``
    stands for and its family name ("Nikolai Tikhonov" for "N. A. Tikhonov" later in the text;
    round 7, M1)."""
    words = name.split()
    if len(words) < 2 or len(words[0].rstrip(".")) != 1:
        return None
    first, family = words[0][0].lower(), word_key(words[-1])
    found = {
        entity.key: entity
        for entity in r.reg.of_kind("person")
        if entity.known is None and entity.attrs.get("foreign_name")
        for other in entity.names
        if len(parts := other.text.split()) >= 2 and len(core(parts[0])) > 1
        and parts[0].lower().startswith(first) and word_key(parts[-1]) == family
    }  # fmt: skip
    return next(iter(found.values())) if len(found) == 1 else None


def _genitive(key: str, lists: ForeignNameLists) -> bool:
    """ "Jambyn", "Tserendashiin": a Mongolian father's name in the genitive (class DA)."""
    return any(
        key.endswith(ending) and len(key) >= least
        for ending, least in lists.genitive_endings.items()
    )


def _mongolian_at(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "Dumaagiin Sodnom", "Luvsannamsrain Oyun-Erdene": the genitive and one given name (a
    hyphen keeps its parts), none of ``not_name_words``, and no name word after."""
    doc = r.doc
    if doc.in_title(i) or not doc.gap_ok[i] or not _titled_word(r, i + 1, lists):
        return None
    if len(core(doc.words[i + 1])) < 3:
        return None
    last = _hyphen_parts(r, i + 1)
    return None if _next_is_name_word(r, last) else last


_SOUTH_PART = re.compile(r"[bcdghjkmnprstwy]{0,3}[aeiouyw]{1,3}(?:ng|n|k|l|m|p|t|r)?")
"""the shape of a syllable in the South's spellings ("Sei", "hoon", "joung", "Jie")"""


def _south_korean_at(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "Won Sei-hoon", "Lee Jae-joung": a Korean family name and a hyphenated given name of
    two syllable-shaped parts the Korean reading refused, the first capitalized, the second
    not; none of ``south_not_given`` ("Kim Young-chul" stays unread). Class DA."""
    doc, n = r.doc, len(r.doc.words)
    if i + 2 >= n or not doc.gap_ok[i]:
        return None
    if r.text[doc.word_ends[i + 1] : doc.word_starts[i + 2]] != "-":
        return None
    first, second = doc.words[i + 1], core(doc.words[i + 2])
    if not doc.is_cap(i + 1) or doc.is_allcaps(i + 1) or not second.islower():
        return None
    parts = (first.lower(), second)
    if any(p in lists.south_not_given or not _SOUTH_PART.fullmatch(p) for p in parts):
        return None
    last = i + 3
    if last < n and r.text[doc.word_ends[last - 1] : doc.word_starts[last]] == "-":
        return None  # "Kim Jae-joung-style"
    return None if _next_is_name_word(r, last) else last


def _taken_words(r: Context) -> list[bool]:
    """Words a known name or a Korean name the people pass read already stand for."""
    taken = list(r.claimed)
    for entity in r.reg.of_kind("person"):
        for name in entity.names:
            for start, end in name.spans:
                for j in r.doc.words_between(start, end):
                    taken[j] = True
    return taken


def _name_word(r: Context, j: int) -> bool:
    """Word ``j`` can be part of a name: capitalized, letters, no function word."""
    doc = r.doc
    word = core(doc.words[j])
    return (
        doc.is_cap(j)
        and not doc.is_allcaps(j)
        and word.isalpha()
        and len(word) >= 2
        and word.lower() not in FUNCTION_WORDS
    )


def _next_is_name_word(r: Context, j: int) -> bool:
    return j < len(r.doc.words) and r.doc.gap_ok[j - 1] and _name_word(r, j)


def _chinese_at(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "Hu Jintao", "Xi Jinping"; "Li Qiang" (a syllable no Korean spelling has) or "Wang Yi"
    after a title word ("Premier", "Chinese")."""
    doc = r.doc
    if not doc.gap_ok[i] or not _name_word(r, i + 1) or _next_is_name_word(r, i + 2):
        return None
    given = core(doc.words[i + 1]).lower()
    match = lists.pinyin.match(given)
    if match is None:
        return None
    if match.group("second") or not is_romanized_syllable(given):
        return i + 2
    before = doc.keys[i - 1] if i > 0 else ""
    return i + 2 if before in lists.title_words or _title_after(r, i + 2) else None


def _title_after(r: Context, j: int) -> bool:
    """ "Peng Chong, member of the Political Bureau of ...": a role phrase in apposition after
    the name (a comma, an optional article, a role of facts.yaml followed by "of") vouches for
    a one-syllable given name, as a title word before it does."""
    doc = r.doc
    if j + 1 >= len(doc.words) or r.text[doc.word_ends[j - 1] : doc.word_starts[j]].strip() != ",":
        return False
    k = j + 1 if doc.keys[j] in ("a", "an", "the") and j + 1 < len(doc.words) else j
    hit = fact_lexicon().role_at(doc.keys, k)
    return hit is not None and hit[0] < len(doc.words) and doc.keys[hit[0]] == "of"


def _one_word_after(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "Vladimir Putin": a listed given name and one capitalized family name, none of
    ``not_name_words`` ("Stephen Street")."""
    if not r.doc.gap_ok[i] or not _name_word(r, i + 1) or len(core(r.doc.words[i + 1])) < 3:
        return None
    if core(r.doc.words[i + 1]).lower() in lists.not_name_words:
        return None
    last = _hyphen_parts(r, i + 1)
    if _next_is_name_word(r, last):  # "Bruno Rodriguez Parrilla", "Miguel Diaz-Canel Bermudez"
        if r.doc.in_title(i) or not _titled_word(r, last, lists) or len(r.doc.words[last]) < 3:
            return None
        last = _hyphen_parts(r, last)
        if r.doc.keys[i + 1] in lists.given and not _next_is_name_word(r, last):
            return None  # "Maria Elena Ostova": a second given name, read from it on
        if _next_is_name_word(r, last):  # "Jose Ramon Balaguer Cabrera": two family names
            return _fourth_family_word(r, i, last, lists)
    return None if _next_is_name_word(r, last) else last


def _fourth_family_word(r: Context, i: int, last: int, lists: ForeignNameLists) -> int | None:
    """ "Jose Ramon Balaguer Cabrera", "Juan Carlos Rodriguez Ibarra": a Hispanic name of a
    listed given name, a second given name and two family names (round 7, M1): the fourth word
    of the titled shape and three letters or more, no name word after it, and no word of the
    four a title's, an organ's, a facility's or an event's head word or a state's name ("Jose
    Marti Memorial Park", "Carlos Manuel Cespedes Hospital")."""
    doc = r.doc
    if not _titled_word(r, last, lists) or len(core(doc.words[last])) < 3:
        return None
    end = _hyphen_parts(r, last)
    if _next_is_name_word(r, end) or _holds_head_word(r, i, end, lists):
        return None
    return end


def _japanese_at(r: Context, i: int) -> int | None:
    """ "Fumio Kishida", "Shinzo Abe": a capitalized given name of three letters or more, then a
    listed family name, and no name word after it."""
    doc = r.doc
    if not doc.gap_ok[i] or not _name_word(r, i) or len(core(doc.words[i])) < 3:
        return None
    if not _name_word(r, i + 1) or _next_is_name_word(r, i + 2):
        return None
    return i + 2


def _after_title(r: Context, i: int, lists: ForeignNameLists) -> bool:
    """Word ``i`` follows a title of office of ``name_titles`` with nothing but a space between
    ("Deputy Prime Minister Denis Manturov", "Lao President Thongloun Sisoulith")."""
    doc = r.doc
    if i == 0 or not doc.gap_ok[i - 1]:
        return False
    for title in lists.name_titles.get(doc.keys[i - 1], ()):
        first = i - len(title)
        if first >= 0 and tuple(doc.keys[first:i]) == title and all(doc.gap_ok[first:i]):
            return True
    return False


def _titled_word(r: Context, j: int, lists: ForeignNameLists) -> bool:
    """Word ``j`` can begin a name word after a title: capitalized letters, not all capitals,
    none of ``not_name_words`` nor "of", "the", "and"..."""
    doc = r.doc
    if j >= len(doc.words) or not doc.is_cap(j) or doc.is_allcaps(j):
        return False
    word = core(doc.words[j])
    return (
        len(word) >= 2
        and word.isalpha()
        and word.lower() not in _NOT_NAME
        and word.lower() not in lists.not_name_words
    )


_NOT_NAME = FUNCTION_WORDS - {"to", "in", "an"}
"""function words that never begin a name word; "To Lam", "An Ho Sang" do"""


def _hyphen_parts(r: Context, j: int) -> int:
    """The index after word ``j`` and the parts a hyphen joins to it ("Duck-soo",
    "Oyun-Erdene")."""
    doc = r.doc
    while (
        j + 1 < len(doc.words)
        and r.text[doc.word_ends[j] : doc.word_starts[j + 1]] == "-"
        and doc.words[j + 1].isalpha()
        and core(doc.words[j]) == doc.words[j]
    ):
        j += 1
    return j + 1


def _titled_at(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "Prime Minister Han Duck-soo", "Mongolian Prime Minister Luvsannamsrain Oyun-Erdene":
    two or three name words after a title, and no capitalized word after them (a longer run is
    an organ's or a place's name); a possessive ends the name. Not in a headline, whose words
    are all capitalized ("Deputy Prime Minister Arrives in Pyongyang")."""
    doc = r.doc
    if doc.in_title(i):
        return None
    last, count = i, 0
    while count < 3 and _titled_word(r, last, lists):
        end = _hyphen_parts(r, last)
        count += 1
        ended = core(doc.words[end - 1]) != doc.words[end - 1]  # "Thongloun's"
        last = end
        if ended or last >= len(doc.words) or not doc.gap_ok[last - 1]:
            break
    else:
        if last < len(doc.words) and doc.is_cap(last):
            return None
    return last if count >= 2 else None


def _may_begin_name(r: Context, i: int) -> bool:
    """Word ``i`` can begin a name no shape vouches for: it opens its sentence, or follows a
    word in lower case or a mark ("sent a message to A B, president of ...", "-- A B, ..."),
    never "the" or another capitalized word (a longer name: "the Lao Party, ...")."""
    doc = r.doc
    if i == 0 or doc.sentence_start_word(i):
        return True
    gap = r.text[doc.word_ends[i - 1] : doc.word_starts[i]].strip()
    if gap and gap not in ("-", "'", "’"):
        return True  # "(KCNA) -- A B, ...", "received A, B and C"
    return doc.keys[i - 1] not in ("the", "a", "an") and not doc.is_cap(i - 1)


def _foreign_title_after(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "Bounnhang Vorachith, president of the Lao People's Democratic Republic", "Le Thanh Nghi,
    member of the Political Bureau of the Central Committee of the Vietnam Workers' Party": two
    or three name words of the titled shape, then a comma, a role of facts.yaml and "of" an
    organ whose words, up to the next comma, name a foreign state or nationality (states.yaml's
    names but South Korea's, ``foreign_nationalities``; class BD). A role of the DPRK's own
    organs gives no name: the words of a Korean name the people pass read are taken already."""
    doc = r.doc
    if doc.in_title(i):
        return None
    last = _titled_at(r, i, lists)
    if last is None or last >= len(doc.words) - 2:
        return None
    if r.text[doc.word_ends[last - 1] : doc.word_starts[last]].strip() == ",":
        k = last
    else:  # "A B upon his re-election as ...", "A B is also ..."
        k = next(
            (last + len(link) for link in lists.title_links
             if tuple(doc.keys[last : last + len(link)]) == link
             and all(doc.gap_ok[last - 1 : last + len(link) - 1])),
            -1,
        )  # fmt: skip
        if k < 0 or k >= len(doc.words):
            return None
    k = k + 1 if doc.keys[k] in ("a", "an", "the") and k + 1 < len(doc.words) else k
    for skip in range(3):  # "foreign minister of", "former prime minister of"
        if skip and (k + skip >= len(doc.words) or doc.is_cap(k + skip - 1)
                     or not doc.words[k + skip - 1].isalpha()):  # fmt: skip
            return None
        hit = fact_lexicon().role_at(doc.keys, k + skip)
        if hit is not None:
            break
    if hit is None or hit[0] >= len(doc.words) or doc.keys[hit[0]] != "of":
        return None
    return last if _names_foreign_state(r, hit[0] + 1) else None


_CUE_REACH = 16
"""words after a role's "of" a foreign state's name is looked for in"""


def _names_foreign_state(r: Context, j: int) -> bool:
    """The words from ``j`` to the next comma or the sentence's end (at most :data:`_CUE_REACH`)
    name a foreign state or nationality."""
    doc, cues, longest = r.doc, *_foreign_cues()
    end = min(len(doc.words), j + _CUE_REACH)
    for k in range(j, end):
        if k > j and r.text[doc.word_ends[k - 1] : doc.word_starts[k]].strip():
            end = k  # a comma, a stop: the organ's name ended
            break
    for k in range(j, end):
        for size in range(min(longest, end - k), 0, -1):
            if doc.keys[k : k + size] in cues:
                return True
    return False


@cache
def _foreign_cues() -> tuple[frozenset[tuple[str, ...]], int]:
    """Folded words of every foreign state's name but South Korea's (whose "Republic of Korea"
    ends the DPRK's name) and of every one-word nationality, and the longest's length."""
    table = foreign_states_table()
    names = [
        name
        for organ in table.organs.values()
        if organ.office is None and organ.id != "rok"
        for name in (*organ.names, *organ.abbreviations)
    ]
    names += [w for w in fact_lexicon().foreign_nationalities if " " not in w]
    cues = frozenset(tuple(word_key(w) for w in name.split()) for name in names)
    cues -= {("korea",), ("us",), ()}
    return cues, max(len(c) for c in cues)


def _vietnamese_at(r: Context, i: int) -> int | None:
    """ "Nguyen Phu Trong", "Pham Minh Chinh": a listed family name and two given words."""
    doc = r.doc
    if not doc.gap_ok[i] or not _name_word(r, i + 1):
        return None
    if not _next_is_name_word(r, i + 2):  # "Vu Oanh", "Truong Chinh" (class DA)
        second = core(doc.words[i + 1])
        if len(second) < 3 or second.lower() in foreign_name_lists().not_name_words:
            return None
        return i + 2
    return None if _next_is_name_word(r, i + 3) else i + 3


def _listed_names(r: Context, lists: ForeignNameLists) -> None:
    """ "Jorge Risquet, Jesus Montane Oropesa and Lionel Soto", "N. Tikhonov and G. Rogachev":
    two or three name words of no listed shape (or initials and a family name) joined by a
    comma or "and" to a person read already are a person too, as are two names of initials
    joined so; read again until no list grows (class DA). Never words of a title of office, an
    organ's, a facility's or an event's head word ("A, Vice Premier" , "A and Samjiyon
    Orchestra"), nor in a headline."""
    doc, n = r.doc, len(r.doc.words)
    for _ in range(4):
        taken = _taken_words(r)
        starts, ends = _person_bounds(r)
        found: list[tuple[int, int, bool]] = []
        i = 0
        while i < n - 1:
            last, initials = None, False
            if not taken[i] and doc.is_cap(i) and not doc.in_title(i):
                last = _initials_at(r, i, lists)
                initials = last is not None
                if last is None and _may_begin_name(r, i):
                    last = _titled_at(r, i, lists)
            if (
                last is None or any(taken[i:last]) or _holds_head_word(r, i, last, lists)
                or _inside_phrase(r, i, ends, initials)
            ):  # fmt: skip
                i += 1
                continue
            found.append((i, last, initials))
            i = last
        shaped = [(i, last) for i, last, initials in found if initials]
        added = False
        for i, last, initials in found:
            near_starts = starts | ({a for a, _ in shaped if a != i} if initials else set())
            near_ends = ends | ({b - 1 for a, b in shaped if a != i} if initials else set())
            if _listed_with(r, i, last, near_starts, near_ends) or _titled_item(r, i, last, starts):
                _read_name(r, i, last, _listed_shape(r, i, lists))
                added = True
        if not added:
            return


def _person_bounds(r: Context) -> tuple[set[int], set[int]]:
    """The first and last words of every person's name read so far."""
    starts: set[int] = set()
    ends: set[int] = set()
    for entity in r.reg.of_kind("person"):
        for name in entity.names:
            for start, end in name.spans:
                words = r.doc.words_between(start, end)
                if len(words):
                    starts.add(words[0])
                    ends.add(words[-1])
    for match in r.known_matches:  # records' names ("Kim Yong Nam and Bohuslav Chnoupek")
        if match.last > match.first and any(t.kind == "person" for t in match.targets):
            starts.add(match.first)
            ends.add(match.last - 1)
    return starts, ends


def _initials_at(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "V. Kotelnikov", "V. I. Lenin": single capital letters, each closed by a period, then one
    family name of three letters or more (a hyphen keeps its parts) and no name word after."""
    doc, n, j = r.doc, len(r.doc.words), i
    while j < n - 1 and len(doc.words[j]) == 1 and doc.words[j].isupper():
        if r.text[doc.word_ends[j] : doc.word_starts[j + 1]] not in (". ", "."):
            return None
        j += 1
    if j == i or j - i > 3 or not _titled_word(r, j, lists) or len(doc.words[j]) < 3:
        return None
    last = _hyphen_parts(r, j)
    return None if _next_is_name_word(r, last) else last


def _initials_alone(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "K. V. Rusakov", "A. A. Gromyko": two or three initials and a family name are a person
    with no list or title around them (round 7, M1); one initial is not ("Plan B. Then", "Grade
    A. Cotton"), nor a run in a headline or at a word joined by a hyphen or period before it
    ("D.P.R. Korea", "U. S. Army": a state's name, a head word of an organ)."""
    doc = r.doc
    if doc.in_title(i):
        return None
    if i > 0 and r.text[doc.word_ends[i - 1] : doc.word_starts[i]] in (".", "-"):
        return None  # "D.P.R. Korea": the initials run on from a word before
    last = _initials_at(r, i, lists)
    if last is None or sum(len(w) == 1 for w in doc.words[i:last]) < 2:
        return None
    if _holds_head_word(r, i, last, lists):
        return None
    return last


def _holds_head_word(r: Context, i: int, last: int, lists: ForeignNameLists) -> bool:
    """A word from ``i`` to ``last`` is a title's, an organ's, a facility's or an event's, or
    names a foreign state or nationality."""
    heads = _head_words(r)
    flex = fact_lexicon()
    states = _foreign_cues()[0]
    return any(
        r.doc.keys[k] in heads or r.doc.keys[k] in lists.name_titles
        or (r.doc.keys[k],) in states  # "Britain Today", "Cuban Embassy"
        or r.doc.keys[k] in lists.title_words or flex.role_at(r.doc.keys, k) is not None
        for k in range(i, last)
    )  # fmt: skip


_HEADS: dict[int, tuple[object, frozenset[str]]] = {}
"""the last words of the organ, event and facility heads of a lexicon, by its id (the lexicon
kept, so that its id is never another's)"""


def _head_words(r: Context) -> frozenset[str]:
    lex = r.lex
    if id(lex) not in _HEADS:
        words = {word_key(h.head.split()[-1]) for h in lex.organ_heads}
        words |= {word_key(h.split()[-1]) for h in lex.event_heads}
        _HEADS[id(lex)] = (lex, frozenset(words | set(lex.facility_heads)))
    return _HEADS[id(lex)][1]


def _listed_with(r: Context, i: int, last: int, starts: set[int], ends: set[int]) -> bool:
    """Words ``i`` to ``last`` stand in a list next to a person's name: ", " or "and" between."""
    doc, n = r.doc, len(r.doc.words)

    def gap(a: int) -> str:  # the marks between word a and word a + 1
        return r.text[doc.word_ends[a] : doc.word_starts[a + 1]].strip()

    if i >= 2 and doc.keys[i - 1] == "and" and gap(i - 1) == "" and gap(i - 2) in ("", ","):
        if i - 2 in ends:
            return True
    elif i >= 1 and gap(i - 1) == "," and i - 1 in ends:
        return True
    if last >= n:
        return False
    after = gap(last - 1)
    if after == "," and last in starts and not doc.sentence_start_word(i):
        return True  # not "Later Friday, A and B attended": an opening phrase
    return (
        after in ("", ",") and doc.keys[last] == "and" and last + 1 < n
        and gap(last) == "" and last + 1 in starts
    )  # fmt: skip


_JOINING = frozenset(
    {"of", "the", "a", "an", "for", "on", "at", "in", "from", "to", "into", "its", "his", "her",
     "their", "our", "this", "that"}
)  # fmt: skip
"""words that make the capitalized words after them part of a longer phrase ("the Academy of
Defence Science"), not a list's item"""


def _inside_phrase(r: Context, i: int, ends: set[int], initials: bool) -> bool:
    """Word ``i`` continues a phrase: right after "of", "the"..., or after "and" that joins it to
    a capitalized word no person's name ends with ("minister of Land and Marine Transport"; not
    said of initials, "N. Tikhonov and G. Rogachev")."""
    doc = r.doc
    if i == 0 or r.text[doc.word_ends[i - 1] : doc.word_starts[i]].strip():
        return False
    if doc.keys[i - 1] in _JOINING:
        return True
    return (
        not initials and doc.keys[i - 1] == "and" and i >= 2 and doc.is_cap(i - 2)
        and i - 2 not in ends and not r.text[doc.word_ends[i - 2] : doc.word_starts[i - 1]].strip()
    )  # fmt: skip


def _titled_item(r: Context, i: int, last: int, starts: set[int]) -> bool:
    """ "A, head of ..., and Zhang Ping, minister in charge of ...": an item of a list of people
    with their titles: after ", " or ", and", before ", " and a role of facts.yaml (an article
    or "former" may come first), in a sentence a person's name opened the list of."""
    doc = r.doc
    if i < 2 or last >= len(doc.words) - 1 or doc.sentence_start_word(i):
        return False
    before = r.text[doc.word_ends[i - 1] : doc.word_starts[i]].strip()
    if doc.keys[i - 1] == "and" and not before:
        before = r.text[doc.word_ends[i - 2] : doc.word_starts[i - 1]].strip()
    if before != "," or r.text[doc.word_ends[last - 1] : doc.word_starts[last]].strip() != ",":
        return False
    k = last + 1 if doc.keys[last] in ("a", "an", "the", "former") else last
    if k >= len(doc.words) or fact_lexicon().role_at(doc.keys, k) is None:
        return False
    sentence = doc.sentence_words(doc.word_starts[i])
    return any(j in starts for j in range(sentence.start, i))


def _listed_shape(r: Context, i: int, lists: ForeignNameLists) -> str:
    """The shape a name read from a list has by its first word ("Zhang Ping": Chinese)."""
    key = r.doc.keys[i]
    if key in lists.chinese_family:
        return "chinese"
    if key in lists.vietnamese_family:
        return "vietnamese"
    return "given" if key in lists.given else "titled"


def _foreign_apposition(r: Context, i: int, lists: ForeignNameLists) -> int | None:
    """ "he met Arnold Kanter, U.S. under secretary of state", "Marion Creekmore, an adviser
    to Mr Carter and former U.S. ambassador": two or three name words of the titled shape, a
    comma, then words up to the next mark that name a foreign state or nationality and hold a
    role of facts.yaml or a title of ``name_titles`` (class DA)."""
    doc, n = r.doc, len(r.doc.words)
    if doc.in_title(i):
        return None
    last = _titled_at(r, i, lists)
    if last is None or last >= n - 1 or _holds_head_word(r, i, last, lists):
        return None  # "the Hanoi Summit, the U.S. president's second"
    if r.text[doc.word_ends[last - 1] : doc.word_starts[last]].strip() != ",":
        return None
    stop = min(n, last + _CUE_REACH)
    for k in range(last + 1, stop):
        gap = r.text[doc.word_ends[k - 1] : doc.word_starts[k]].strip()
        if gap and not (gap == "." and doc.words[k - 1] in lists.state_initials):
            stop = k  # a mark ends the apposition; the period of "U.S." does not
            break
    initials = any(doc.words[k] in lists.state_initials for k in range(last, stop))
    if not initials and not _names_foreign_state(r, last):
        return None
    flex = fact_lexicon()
    titled = any(
        doc.keys[k] in lists.name_titles or flex.role_at(doc.keys, k) is not None
        for k in range(last, stop)
    )
    return last if titled else None
