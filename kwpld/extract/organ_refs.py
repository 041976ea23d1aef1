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
from ..reading.entities import Entity, NameDraft, Ref
from ..reading.facts import fact_lexicon
from ..reading.state import Context, Found
from ..resources import resource_yaml
from .facts_common import in_dateline, in_headline, organ_of
from .shared import find_organ_by_name, known_organ_named
from .standing_organs import standing_organ

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


@cache
def _local_words() -> tuple[re.Pattern[str], dict[str, tuple[re.Pattern[str], str, str]]]:
    block = resource_yaml("kwpld/reading/facts.yaml")["organ_references"]["local_committees"]
    levels = {
        str(level): (
            re.compile(rf"\b((?:[A-Z][a-z]+(?:-[a-z]+)?\s+){{1,2}}){re.escape(str(place))}\b"),
            str(place),
            str(head),
        )
        for level, (place, head) in block.items()
    }
    places = "|".join(re.escape(str(place)) for place, _ in block.values())
    phrase = re.compile(
        rf"\b[Tt]he\s+(?P<ref>(?P<level>{'|'.join(levels)})\s+party\s+committee"
        rf"(?:\s+of\s+(?:the\s+)?(?P<place>(?:[A-Z][a-z]+(?:-[a-z]+)?\s+){{0,1}}[A-Z][a-z]+"
        rf"(?:-[a-z]+)?)(?:\s+(?:{places}))?)?)\b(?!\s+of\b)"
    )
    return phrase, levels


def _local_committees(
    r: Context, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """ "chief secretary of the city party committee" in a report about Hamhung City: the party
    committee of the place of that level named last before ("Hamhung City Party Committee"),
    the record so named, else a draft (``organ_references.local_committees``)."""
    phrase, levels = _local_words()
    out: list[tuple[int, int, str]] = []
    for m in phrase.finditer(r.text):
        if any(s < m.end("ref") and m.start("ref") < e for s, e, _ in taken):
            continue
        place_word, _, head = levels[m.group("level")]
        if m.group("place"):  # "the city party committee of Pyongyang City"
            words = m.group("place").split()
            if len(words) > 1 and words[-1] in {place for _, place, _ in levels.values()}:
                words = words[:-1]  # ("Pyongyang City": the place word is not the name's)
            name = f"{' '.join(words)} {head}"
            out.append((m.start("ref"), m.end("ref"), _committee(r, name, head)))
            continue
        places = [
            p for p in place_word.finditer(r.text, 0, m.start())
            if not in_headline(r, p.start()) and not in_dateline(r, p.start())
        ]  # fmt: skip
        if not places:
            continue
        words = places[-1].group(1).split()
        while words and words[0].lower() in _NOT_PLACE:
            words = words[1:]  # "In Hamhung City", "The City"
        if not words:
            continue
        place = " ".join(words)
        out.append((m.start("ref"), m.end("ref"), _committee(r, f"{place} {head}", head)))
    return out


_NOT_PLACE = frozenset({"the", "this", "that", "in", "at", "on", "of", "to", "from", "for", "a"})


def _committee(r: Context, name: str, head: str) -> str:
    """The organ called ``name``: the record or draft so named, else a new party committee of
    the Workers' Party."""
    known = known_organ_named(r, name)
    if known is not None:
        return known
    drafted = find_organ_by_name(r, name)
    if drafted is not None:
        return drafted
    key = match_key(name)
    entity = r.reg.add(Entity(f"organ:party-committee:{key}", "organ"))
    entity.attrs.setdefault("organ_kind", "party-committee")
    entity.attrs.setdefault("head", head)
    party = standing_organ(r, "wpk")
    entity.attrs.setdefault("party", party)
    entity.fields.setdefault("parent", Ref(party))
    entity.add_name(NameDraft(name, kind="preferred", derived=True))
    return entity.key


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
