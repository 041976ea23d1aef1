"""The organ-references pass: phrases that refer to an organ the article named before, each
resolved to that organ, for every rule that reads holdings (the titles pass, the sentence
views of the holdings, attendance and ends passes).

Wire copy and state media name an organ once and then refer to it: "Ro was named chairman of
a newly created Economic Policy Commission ... The 13-seat commission will ... elected A and B
as vice chairmen of the new commission ... The commission's members include ... were also
named members of the body"; KCNA: "organized the Central Military Commission with Comrade X as
its chairman", "Kim Yong Nam was elected its president" (the Presidium of the sentence
before). The words are data (``organ_references`` in ``facts.yaml``):

* a definite phrase with an organ's head noun ("the commission", "the new commission", "the
  13-seat commission", "the assembly"): the organ named last before whose names hold the
  head's words (a commission for "commission", the Supreme People's Assembly for "assembly");
* "the body" and "its" before a role ("its chairman", "its vice-chairmen"): the organ of the
  clause, the last one named earlier in the sentence, else in the sentence before.

Nothing is resolved without a compatible antecedent, and media (KCNA "said") are never one.
The result is ``Context.organ_refs``: (start, end, organ key) of the words that stand for the
organ (the head and its modifiers, or "its").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ..names import match_key, name_words
from ..reading.entities import Entity, NameDraft
from ..reading.facts import fact_lexicon
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .facts_common import in_dateline, in_headline, organ_of
from .shared import existing_organ, known_organ_named, party_committee

__all__ = ["organ_references", "reference_words"]


@dataclass(frozen=True)
class ReferenceWords:
    """The ``organ_references`` block of ``facts.yaml``."""

    phrase: re.Pattern[str]
    """a definite phrase: determiner, modifiers or words of the organ's name, head (group
    ``head``; ``ref`` the span kept)"""
    heads: dict[str, tuple[str, ...]]
    """head noun -> words one of the antecedent's names holds (empty: any organ of the clause)"""
    never: frozenset[str]
    """organ kinds no reference stands for (media)"""
    modified: re.Pattern[str]
    """modifiers before an organ's name or head ("a newly created Economic Policy Commission")"""
    unnamed: re.Pattern[str]
    """a body described, not named ("a state funeral committee", "the delegation")"""


@cache
def reference_words() -> ReferenceWords:
    data = resource_yaml("kwpld/reading/facts.yaml")
    block = data["organ_references"]
    heads = {str(k): tuple(str(w) for w in v or ()) for k, v in block["heads"].items()}
    modifiers = "|".join(re.escape(m) for m in sorted(block["modifiers"], key=len, reverse=True))
    head_words = "|".join(sorted(heads, key=len, reverse=True))
    phrase = re.compile(
        rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<ref>(?:(?:{modifiers}|{block['counted']}"
        rf"|(?P<named>[A-Z][\w'’-]*))\s+){{0,3}}(?P<head>(?i:{head_words})))\b(?!\s+of\b)(?![-\w])"
        rf"(?!\s+(?:{'|'.join(block['not_before'])})\b)"
    )
    modified = re.compile(rf"(?:(?:{modifiers}|{block['counted']})\s+){{1,3}}", re.I)
    unnamed = re.compile(
        rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w'’-]*\s+){{0,3}}(?:{'|'.join(block['unnamed'])})\b"
    )
    return ReferenceWords(phrase, heads, frozenset(block["never"]), modified, unnamed)


_NAME_GOES_ON = re.compile(r"\s+(?:for|on|of|in|to|and)\s+[A-Z]")
_ITS = re.compile(r"\b[Ii]ts\s+")
_OF_IT = re.compile(r"\bof\s+(?P<it>it)\b(?!\s+(?:is|was|has|had|will|would)\b)")


def organ_references(r: Context) -> Found:
    words = reference_words()
    flex = fact_lexicon()
    named = _named(r)
    found: list[tuple[int, int, str]] = []
    refs: list[tuple[int, int, str | None]] = [
        (m.start("ref"), m.end("ref"), m.group("head").lower())
        for m in words.phrase.finditer(r.text)
        # "the Korean Committee for Cultural Relations ...": a name goes on
        if not (m.group("named") and _NAME_GOES_ON.match(r.text, m.end()))
    ]
    modifier = words.modified
    for m in _ITS.finditer(r.text):
        at = bisect.bisect_left(r.doc.word_starts, m.end())
        if (
            at < len(r.doc.keys)
            and r.doc.word_starts[at] == m.end()
            and (
                flex.role_at(r.doc.keys, at) is not None
                or (at + 1 < len(r.doc.keys) and flex.role_at(r.doc.keys, at + 1) is not None)
            )
        ):
            refs.append((m.start(), m.start() + 3, None))  # "its chairman", "its new members"
    role_ends = {words[-1] for words in flex.role_forms}
    for m in _OF_IT.finditer(r.text):
        at = bisect.bisect_left(r.doc.word_starts, m.start())
        if at > 0 and r.doc.keys[at - 1] in role_ends:
            # (class U) "were elected an alternate member and a member of it respectively"
            refs.append((m.start("it"), m.end("it"), None))
    for start, end, head in sorted(refs):
        if r.mentions.within(start, end) or any(s < end and start < e for s, e, _ in named):
            continue  # part of a name ("the Central Inspection Commission")
        need = words.heads.get(head or "", ()) if head else ()
        # "the Standing Committee": the words of its name it prints are the antecedent's too
        named_words = set(name_words(modifier.sub(" ", r.text[start:end] + " "))) if head else set()
        key = _antecedent(r, named, start, need, words.never, named_words)
        if key is not None:
            found.append((start, end, key))
            named.append((start, end, key))
            named.sort()
    parts = _its_parts(r, named, words)
    found = [f for f in found if not any(s <= f[0] < e for s, e, _ in parts)]
    found.extend(_local_committees(r, found + parts))
    r.organ_refs = sorted(found + parts)
    return r.found()


@dataclass(frozen=True)
class _Level:
    """A level of local committees (``organ_references.local_committees``)."""

    place: re.Pattern[str]
    """where the text names a place of the level ("Kangwon Province", "Kangwon Provincial ...
    Committee", a province's bare name); group 1 the place's name"""
    word: str
    """the word a place of the level is named with ("Province")"""
    party: str
    """the head of the name of its party committee ("Provincial Party Committee")"""
    people: str
    """... and of its people's committee ("Provincial People's Committee")"""
    names: frozenset[str] = frozenset()
    """the places of the level, when they are few and known (the DPRK's provinces): no other
    is one ("Liaoning Provincial Committee of the Communist Party of China")"""


@dataclass(frozen=True)
class _LocalWords:
    phrase: re.Pattern[str]
    """ "the provincial (party|people's) committee (of X Province)", with a part before it"""
    bare: re.Pattern[str]
    """a level word before a secretary's title ("provincial chief secretary")"""
    named: re.Pattern[str]
    """ "the party committee of X Province" """
    enterprise: re.Pattern[str]
    """ "the complex party committee" """
    enterprise_head: re.Pattern[str]
    """the title of its head before it ("chief secretary of ")"""
    levels: dict[str, _Level]


_PLACE_NAME = r"(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)"


@cache
def _local_words() -> _LocalWords:
    data = resource_yaml("kwpld/reading/facts.yaml")
    block = data["organ_references"]
    provinces = "|".join(
        re.escape(str(p)) for p in sorted(data["change_tables"]["provinces"], key=len, reverse=True)
    )
    levels: dict[str, _Level] = {}
    for level, (word, adjective, party, people) in block["local_committees"].items():
        word, adjective = re.escape(str(word)), re.escape(str(adjective))
        where = rf"\b({_PLACE_NAME}{{1,2}})(?:{word}|{adjective}\b"
        where += r"(?=(?:\s+[A-Z][\w'’]*){0,2}\s+Committee\b))\b"
        # "the northern province of Jagang", "the city of Hamhung"
        where += rf"|\b{word.lower()}\s+of\s+((?:[A-Z][a-z]+(?:-[a-z]+)?\s?){{1,2}})\b"
        names: frozenset[str] = frozenset()
        if level == "provincial":  # "returned to South Phyongan as ...": a province's own name
            where = rf"(?:{where}|\b({provinces})\b)"
            names = frozenset(str(p) for p in data["change_tables"]["provinces"])
        levels[str(level)] = _Level(re.compile(where), str(word), str(party), str(people), names)
    level_words = "|".join(levels)
    place_words = "|".join(re.escape(lv.word) for lv in levels.values())
    parts = "|".join(re.escape(str(p)) for p in block["committee_parts"])
    roles = "|".join(re.escape(str(w)) for w in block["level_roles"])
    place = (
        rf"(?P<place>{_PLACE_NAME}{{0,1}}[A-Z][a-z]+(?:-[a-z]+)?)(?:\s+(?P<word>{place_words}))?"
    )
    phrase = re.compile(
        rf"\b[Tt]he\s+(?P<ref>(?:(?P<part>(?i:{parts}))\s+of\s+the\s+)?(?P<level>{level_words}"
        rf"|(?:province|city|county)['’]s)"
        rf"\s+(?:(?P<party>(?i:party)\s+)|(?P<people>people['’]s\s+))?committee"
        rf"(?:\s+of\s+(?:the\s+)?{place})?)\b(?!\s+of\b)"
    )
    bare = re.compile(
        rf"\b(?P<ref>(?P<level>(?i:{level_words})|province|city|county)(?P<own>['’]s)?"
        rf"(?:\s+(?i:party))?)(?=\s+(?i:{roles})\b)"
    )
    named = re.compile(
        rf"\b[Tt]he\s+(?P<ref>(?i:party)\s+committee\s+of\s+(?:the\s+)?"
        rf"(?P<place>{_PLACE_NAME}{{0,1}}[A-Z][a-z]+(?:-[a-z]+)?)\s+(?P<word>{place_words}))\b"
    )
    kinds = "|".join(re.escape(str(k)) for k in block["enterprise_committees"])
    enterprise = re.compile(
        rf"\b[Tt]he\s+(?P<ref>(?P<kind>{kinds})(?:['’]s)?\s+(?i:party)\s+committee)\b(?!\s+of\b)"
        rf"|\b[Tt]he\s+(?P<of>(?i:party)\s+committee\s+of\s+the\s+(?P<of_kind>{kinds}))\b"
    )
    heads = "|".join(re.escape(str(h)) for h in block["enterprise_heads"])
    enterprise_head = re.compile(rf"\b(?i:{heads})\s+of\s+$")
    return _LocalWords(phrase, bare, named, enterprise, enterprise_head, levels)


_OF_LEVEL = {"province": "provincial", "city": "city", "county": "county"}


def _local_committees(
    r: Context, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """ "chief secretary of the city party committee" in a report about Hamhung City: the party
    committee of the place of that level named last before ("Hamhung City Party Committee"),
    the record so named, else a draft (``organ_references.local_committees``); its people's
    committee, a part of it ("the bureau of the provincial party committee"), "the party
    committee of X Province", "the province's party chief secretary", "the complex party
    committee" (the enterprise named before) the same way."""
    words = _local_words()
    out: list[tuple[int, int, str]] = []
    busy = list(taken)

    def add(start: int, end: int, key: str | None) -> None:
        if key is not None and not any(s < end and start < e for s, e, _ in busy):
            out.append((start, end, key))
            busy.append((start, end, key))

    for m in words.named.finditer(r.text):  # "the party committee of Kangwon Province"
        level = words.levels[_OF_LEVEL[m.group("word").lower()]]
        add(m.start("ref"), m.end("ref"),
            _committee(r, f"{m.group('place')} {level.party}", level.party))  # fmt: skip
    for m in words.phrase.finditer(r.text):
        word = m.group("level").lower().removesuffix("'s").removesuffix("’s")
        level = words.levels[_OF_LEVEL.get(word, word)]  # "the province's party committee"
        people = m.group("people") is not None
        head = level.people if people else level.party
        if m.group("place"):  # "the city party committee of Pyongyang City"
            words_of = m.group("place").split()
            if len(words_of) > 1 and words_of[-1] in {lv.word for lv in words.levels.values()}:
                words_of = words_of[:-1]  # ("Pyongyang City": the place word is not the name's)
            place: str | None = " ".join(words_of)
        else:
            place = _place_before(r, level, m.start())
        if place is None:
            continue
        key = _committee(r, f"{place} {head}", head, people=people)
        if m.group("part"):  # "the bureau of the provincial party committee"
            key = _part(r, m.group("part"), key, f"{place} {head}")
        add(m.start("ref"), m.end("ref"), key)
    for m in words.bare.finditer(r.text):  # "provincial chief secretary", "the province's party"
        word = m.group("level").lower()
        if (word == "province" and not m.group("own")) or (
            m.group("own") and word not in _OF_LEVEL
        ):  # "provincial", "province's", "city"; not "province" nor "provincial's"
            continue
        if r.mentions.within(m.start("ref"), m.end("ref")):
            continue  # part of a name
        level = words.levels[_OF_LEVEL.get(word, word)]
        place = _place_before(r, level, m.start(), sentence_after=True)
        if place is not None:
            add(m.start("ref"), m.end("ref"),
                _committee(r, f"{place} {level.party}", level.party))  # fmt: skip
    for m in words.enterprise.finditer(r.text):  # "the complex party committee"
        group = "ref" if m.group("ref") else "of"  # "the party committee of the complex"
        if not words.enterprise_head.search(r.text, max(0, m.start() - 40), m.start()):
            continue  # "secretary of the Party committee of the complex": a job in an enterprise
        enterprise = _enterprise_before(r, m.group("kind") or m.group("of_kind"), m.start())
        if enterprise is not None:
            add(m.start(group), m.end(group),
                _committee(r, f"{enterprise} Party Committee", "Party Committee"))  # fmt: skip
    return out


_NOT_PLACE = frozenset({"the", "this", "that", "in", "at", "on", "of", "to", "from", "for", "a"})


def _place_before(
    r: Context, level: _Level, offset: int, sentence_after: bool = False
) -> str | None:
    """The place of ``level`` the text names last before ``offset`` (not in the headline or
    the dateline); ``sentence_after``: or later in the same sentence ("As provincial chief
    secretary of South Phyongan, ...")."""
    places = [
        p for p in level.place.finditer(r.text, 0, offset)
        if not in_headline(r, p.start()) and not in_dateline(r, p.start())
    ]  # fmt: skip
    if not places and sentence_after:
        sentence = r.doc.sentence_at(offset)
        if sentence is not None:
            places = list(level.place.finditer(r.text, offset, sentence.end))[:1]
    if not places:
        return None
    words = next((g for g in places[-1].groups() if g), "").split()
    while words and words[0].lower() in _NOT_PLACE:
        words = words[1:]  # "In Hamhung City", "The City"
    place = " ".join(words)
    if level.names and place not in level.names:
        return None  # "Liaoning Provincial Committee": not a province of the DPRK
    if _FOREIGN_COMMITTEE.match(r.text, places[-1].end()):
        return None  # "the Dandong City Committee of the Communist Party of China"
    return place or None


_FOREIGN_COMMITTEE = re.compile(
    r"(?:\s+[A-Z][\w'’]*){0,2}\s+Committee\s+of\s+the\s+(?!Workers|WPK|KWP|Korean\s+Workers)"
)


def _enterprise_before(r: Context, kind: str, offset: int) -> str | None:
    """The name of the enterprise of ``kind`` ("complex") the text names last before
    ``offset``: capitalized words (with "and", "of") ending with the kind's word."""
    pattern = re.compile(
        rf"\b((?:[A-Z0-9][\w.'’-]*\s+(?:(?:and|of)\s+)?){{1,5}}{re.escape(kind.capitalize())})\b"
    )
    found = [
        m for m in pattern.finditer(r.text, 0, offset)
        if not in_headline(r, m.start()) and not in_dateline(r, m.start())
    ]  # fmt: skip
    if not found:
        return None
    words = found[-1].group(1).split()
    while words and words[0].lower() in _NOT_PLACE:
        words = words[1:]
    return " ".join(words) if len(words) > 1 else None


def _committee(r: Context, name: str, head: str, people: bool = False) -> str:
    """The organ called ``name``: the record or draft so named, else a new party committee of
    the Workers' Party (``people``: a new people's committee, a state organ)."""
    if not people:
        return party_committee(r, name, head)
    existing = existing_organ(r, name)
    if existing is not None:
        return existing
    entity = r.reg.add(Entity(f"organ:implied:{match_key(name)}", "organ"))
    entity.attrs.setdefault("organ_kind", "state-organ")
    entity.add_name(NameDraft(name, kind="preferred", derived=True))
    return entity.key


def _part(r: Context, part: str, committee: str, committee_name: str) -> str:
    """ "the bureau of the provincial party committee": the part of the committee so named, a
    party committee under it ("Bureau of the North Hamgyong Provincial Party Committee")."""
    name = f"{' '.join(w.capitalize() for w in part.split())} of the {committee_name}"
    return party_committee(r, name, parent=committee)


_PART = r"(?P<part>(?:[A-Za-z]+\s+)?(?P<head>[A-Za-z]+))\b"
_ITS_PART = re.compile(r"\b[Ii]ts\s+" + _PART)
_OWN_PART = re.compile(r"(?:'s|’s)\s+" + _PART)


def _its_parts(
    r: Context, named: list[tuple[int, int, str]], words: ReferenceWords
) -> list[tuple[int, int, str]]:
    """ "The assembly ... Its standing committee is chaired by Y", "the assembly's Presidium":
    "its" (or an organ's possessive) and a part of the organ the folder knows as "<part> of
    <the organ>" (the Standing Committee of the Supreme People's Assembly), that organ;
    nothing when the folder has no such organ."""
    out: list[tuple[int, int, str]] = []
    found: list[tuple[re.Match[str], int, str | None]] = [
        (m, m.start(), _antecedent(r, named, m.start(), (), words.never, set()))
        for m in _ITS_PART.finditer(r.text)
    ]
    for first, last, organ in named:
        own = _OWN_PART.match(r.text, last)
        if own is not None:
            found.append((own, first, organ))  # the organ's name and its part, one reference
    for m, start, key in found:
        if key is None or m.group("head").lower() not in words.heads:
            continue
        if r.mentions.within(m.start("part"), m.end("part"), ("organ",)):
            continue  # "its Presidium" when the Presidium is a name: read as one
        entity = r.reg.peek(key)
        texts = [n.text for n in entity.names]
        texts.extend(text for _, text in r.known.name_texts.get(entity.known or "", ()))
        part = next(
            (k for t in texts if (k := known_organ_named(r, f"{m.group('part')} of the {t}"))),
            None,
        )
        if part is not None and part != key:
            out.append((start, m.end("part"), part))
    return out


def _named(r: Context) -> list[tuple[int, int, str]]:
    """(start, end, organ key) of every organ named, outermost names only: mentions (a post's
    organ too) and standing organs named inside other names ("the First Meeting of the Central
    Auditing Commission")."""
    spans = {
        (m.start, m.end, key)
        for m in r.mentions.items
        if m.kind in ("organ", "post") and m.entity and (key := organ_of(r, m)) is not None
    }
    starts, ends = r.doc.word_starts, r.doc.word_ends
    spans.update((starts[a], ends[b - 1], r.reg.resolve(k)) for a, b, k in r.gazetteer_matches)
    ordered = sorted(spans, key=lambda n: (n[0], -n[1]))
    out: list[tuple[int, int, str]] = []
    for n in ordered:
        if out and n[1] <= out[-1][1]:
            continue  # inside the name before ("the SPA" of "the Presidium of the SPA")
        out.append(n)
    return out


_CHAINED = re.compile(r"\s+of\s+(?:the\s+)?$")


def _antecedent(
    r: Context,
    named: list[tuple[int, int, str]],
    offset: int,
    need: tuple[str, ...],
    never: frozenset[str],
    printed: set[str],
) -> str | None:
    """The organ a reference at ``offset`` stands for (see the module docstring); ``printed``:
    words of its name the reference prints ("Standing" of "the Standing Committee")."""
    before = [
        n for n in named
        if n[1] <= offset and r.entity_kind(n[2]) not in never and not in_dateline(r, n[0])
    ]  # fmt: skip
    if need:
        for _, _, key in reversed(before):
            own, heads = _organ_words(r, key)
            if any(w in need for w in heads) and printed <= own | set(need):
                return key
        return None
    sentence = r.doc.sentence_at(offset)
    if sentence is None or _describes_body(r, named, sentence.start, offset):
        return None
    inside = [n for n in before if sentence.start <= n[0]]
    if inside and re.search(r"[,;]", r.text[inside[-1][1] : offset]):
        # (class CC) "the Second Economic Committee, which manages production for the
        # Cabinet; Jo has been its chairman": an organ inside a relative clause that has
        # closed is not what "its" stands for; what the clause hangs on is (an organ named
        # right before it, else nothing the text names as an organ)
        clause = _RELATIVE.search(r.text, sentence.start, inside[-1][0])
        if clause is not None and clause.end() == inside[-1][0]:
            inside = [n for n in inside[:-1] if n[1] == clause.start()]
            if not inside:
                return None
    if inside:
        return _chain_head(r, inside)
    index = r.doc.sentence_index(offset)
    if index == 0 or not _defers(r, sentence.start, offset):
        return None
    previous = r.doc.sentences[index - 1]
    if in_headline(r, previous.start) or _describes_body(r, named, previous.start, previous.end):
        return None
    inside = [n for n in before if previous.start <= n[0] and n[1] <= previous.end]
    return _chain_head(r, inside) if inside else None


def _describes_body(r: Context, named: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """text[start:end] describes a body it does not name ("A state funeral committee was formed
    with Kim Jong Un, first chairman of the National Defence Commission, as its chairman"):
    "its" there, or in the sentence after, stands for that body, not for an organ named."""
    for m in reference_words().unnamed.finditer(r.text, start, end):
        if not any(s < m.end() and m.start() < e for s, e, _ in named):
            return True
    return False


def _defers(r: Context, start: int, offset: int) -> bool:
    """ "Kim Yong Nam was elected its president", "Elected members of the body were": a person
    acts, or nothing is named, before the reference, so its organ is the sentence before's;
    "North Korea has replaced its premier": not an organ's."""
    people = r.mentions.within(start, offset, ("person",))
    if people:
        # (class CC) "Kim visited the Ryongsong Machine Complex, where its director ...": a name
        # after the person's (a works, a place) is what "its" stands for, no organ named before
        return _NAMED_AFTER.search(r.text, people[-1].end, offset) is None
    return re.search(r"[A-Z]", r.text[start + 1 : offset]) is None


_RELATIVE = re.compile(r"\s*,\s*(?:which|that|whose)\b[^,;]*?\b(?:the|its)\s+$")
_NAMED_AFTER = re.compile(r"\b(?:the|a|an)\s+(?:[A-Z0-9][\w.'’-]*\s+)*[A-Z][\w'’-]*")


def _chain_head(r: Context, inside: list[tuple[int, int, str]]) -> str:
    """The last organ named, or the organ whose name it ends ("the Presidium of the Political
    Bureau": the Presidium)."""
    at = len(inside) - 1
    while at > 0 and _CHAINED.search(r.text, inside[at - 1][1], inside[at][0]) is not None:
        if r.text[inside[at - 1][1] : inside[at][0]].strip() not in ("of", "of the"):
            break
        at -= 1
    return inside[at][2]


def _organ_words(r: Context, key: str) -> tuple[set[str], set[str]]:
    """The folded words of every name of an organ (its names in the article and the record's),
    and their heads (the last word before "of": "the assembly" is the Supreme People's
    Assembly, not the Presidium of the Supreme People's Assembly)."""
    entity = r.reg.peek(key)
    texts = [n.text for n in entity.names]
    texts.extend(text for _, text in r.known.name_texts.get(entity.known or "", ()))
    words: set[str] = set()
    heads: set[str] = set()
    for text in texts:
        folded = name_words(text)
        words.update(folded)
        before_of = folded[: folded.index("of")] if "of" in folded else folded
        if before_of:
            heads.add(before_of[-1])
    return words, heads
