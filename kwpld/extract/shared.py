"""Lookups several passes make: what known name covers some words, the text of a span, the
party an organ belongs to, how English names an organ inside another name, and the entities
for a person, a party or an outlet named by the text (made once, found again by key)."""

from __future__ import annotations

import re
from functools import cache

from ..dates import MONTHS
from ..names import match_key, name_words
from ..reading.entities import Entity, NameDraft, Ref
from ..reading.state import Context
from ..reading.words import party_bag, straight
from ..resources import resource_yaml
from .standing_organs import standing_organ

__all__ = [
    "known_at",
    "known_span",
    "surface",
    "find_organ_by_name",
    "party_of",
    "organ_label",
    "person_entity",
    "party_entity",
    "event_heads",
    "event_phrase",
    "head_type",
    "role_in_organ",
]


def known_at(r: Context, first: int, last: int, kind: str) -> str | None:
    """The record (of ``kind``) whose name covers words first..last-1, if only one does."""
    for match in r.known_matches:
        if match.first <= first and last <= match.last:
            refs = {t.ref for t in match.targets if t.kind == kind and not t.weak}
            if len(refs) == 1:
                return r.reg.known(next(iter(refs)), kind).key
    if kind == "organ":
        for start, end, key in r.gazetteer_matches:
            if start <= first and last <= end:
                return key
    return None


def known_span(r: Context, span: tuple[int, int], kind: str) -> str | None:
    words = r.doc.words_between(span[0], span[1])
    if not len(words):
        return None
    return known_at(r, words.start, words.stop, kind)


def surface(r: Context, first: int, last: int) -> tuple[str, tuple[int, int]]:
    """The words first..last-1 as a name is recorded, and their span."""
    start, end = r.doc.span_of(first, last)
    return straight(r.text[start:end]), (start, end)


def find_organ_by_name(r: Context, name: str) -> str | None:
    key = match_key(name)
    for entity in r.reg.of_kind("organ"):
        if any(match_key(n.text) == key for n in entity.names):
            return entity.key
    return None


def known_organ_named(r: Context, name: str) -> str | None:
    """The entity key of the one organ record of the data folder with the name ``name`` (all
    of it), if there is one."""
    words = name_words(name)
    for match in r.known.index.match(
        list(words), name.split(), [True] * (len(words) - 1) + [False]
    ):
        refs = {t.ref for t in match.targets if t.kind == "organ" and not t.weak}
        if len(refs) == 1 and match.first == 0 and match.last == len(words):
            return r.reg.known(next(iter(refs)), "organ").key
    return None


def existing_organ(r: Context, name: str) -> str | None:
    """The organ called ``name`` (all of it): the data folder's record, else the draft the
    article already has."""
    return known_organ_named(r, name) or find_organ_by_name(r, name)


def party_committee(
    r: Context, name: str, head: str | None = None, parent: str | None = None
) -> str:
    """The party committee called ``name``: the record or draft so named, else a new draft
    (derived: the text implies the name), under ``parent`` or else the Workers' Party, with the
    ``head`` word its head's title takes ("Provincial Party Committee")."""
    existing = existing_organ(r, name)
    if existing is not None:
        return existing
    entity = r.reg.add(Entity(f"organ:party-committee:{match_key(name)}", "organ"))
    entity.attrs.setdefault("organ_kind", "party-committee")
    if head is not None:
        entity.attrs.setdefault("head", head)
    if parent is None:
        parent = standing_organ(r, "wpk")
        entity.attrs.setdefault("party", parent)
    entity.fields.setdefault("parent", Ref(parent))
    if not entity.names:
        entity.add_name(NameDraft(name, kind="preferred", derived=True))
    return entity.key


def party_of(r: Context, key: str) -> str | None:
    """The entity key of the party an organ belongs to (itself for a party)."""
    entity = r.reg.get(key)
    if entity.known:
        party = r.known.root_party(entity.known)
        return r.reg.known(party, "organ").key if party else None
    if entity.attrs.get("organ_kind") == "party":
        return entity.key
    return entity.attrs.get("party")


@cache
def _kind_roles() -> dict[str, dict[str, str]]:
    block = resource_yaml("kwpld/reading/facts.yaml")["organ_kind_roles"]
    return {str(kind): {str(k): str(v) for k, v in roles.items()} for kind, roles in block.items()}


def role_in_organ(r: Context, role: str, organ: str | None) -> str:
    """The role a title word gives in an organ of its kind (``organ_kind_roles`` in
    ``facts.yaml``): "chairman of the Kangwon Provincial Party Committee" is its first
    secretary, as the labelling guide has the head of a local party committee."""
    if organ is None:
        return role
    entity = r.reg.peek(organ)
    kind = r.known.organ_kind.get(entity.known or "") if entity.known else entity.attrs.get(
        "organ_kind"
    )  # fmt: skip
    return _kind_roles().get(str(kind), {}).get(role, role)


def organ_label(r: Context, key: str) -> str | None:
    """How English names an organ inside another name: its abbreviation, else its name."""
    entity = r.reg.get(key)
    if entity.known:
        return r.known.abbreviations.get(entity.known) or r.known.labels.get(entity.known)
    for name in entity.names:
        if name.kind == "abbreviation":
            return name.text
    return entity.names[0].text if entity.names else None


def person_entity(
    r: Context, name: str, span: tuple[int, int] | None, why: str, system: str = "en"
) -> str:
    """The person named ``name`` at ``span``: a record whose name is there, else a new one."""
    known = known_span(r, span, "person") if span else None
    if known is not None:
        return known
    key = "person:" + match_key(name)
    entity = r.reg.add(Entity(key, "person"))
    entity.add_name(NameDraft(straight(name), system=system, spans=[span] if span else []))
    entity.note(why, span)
    return entity.key


def party_entity(r: Context, name: str, span: tuple[int, int] | None, why: str) -> Entity:
    """The party named ``name``; parties are one entity whatever the word order of the name."""
    key = "organ:party:" + party_bag(name)
    entity = r.reg.add(Entity(key, "organ"))
    entity.attrs["organ_kind"] = "party"
    entity.attrs["party"] = entity.key
    entity.add_name(NameDraft(straight(name), spans=[span] if span else []))
    entity.note(why, span)
    return entity


def event_heads(r: Context) -> list[tuple[tuple[str, ...], str]]:
    heads = [(name_words(head), kind) for head, kind in r.lex.event_heads.items()]
    return sorted(heads, key=lambda h: -len(h[0]))


def event_phrase(r: Context, i: int) -> tuple[int, str, int] | None:
    """An event name starting at word ``i``: (end word, event type, head end word)."""
    doc, n = r.doc, len(r.doc.words)
    heads = event_heads(r)
    j = i
    while j < n and j - i < 6:
        if j > i and not doc.gap_ok[j - 1]:
            return None
        if not doc.is_cap(j) and not (j == i and doc.words[j][0].isdigit()):
            return None
        for words, kind in heads:
            end = j + len(words)
            if tuple(doc.keys[j:end]) == words and all(doc.is_cap(k) for k in range(j, end)):
                k = end
                while k + 1 < n and doc.gap_ok[k - 1] and doc.keys[k] in ("of", "for"):
                    m = k + 1
                    if m < n and doc.keys[m] == "the" and doc.gap_ok[m - 1]:
                        m += 1
                    m = _past_owner(r, m)
                    if (
                        m < n
                        and (doc.keys[m] in MONTHS or doc.words[m][:1].isdigit())
                        and (r.date_at(doc.word_starts[m]) is not None)
                    ):
                        break  # "the 7th Congress of May 2016": the date it was held
                    if m < n and doc.gap_ok[m - 1] and _name_word(r, m):
                        while m < n and _name_word(r, m) and doc.gap_ok[m - 1]:
                            m += 1
                        k = m
                    else:
                        break
                return k, kind, end
        j += 1
    return None


_OWNERS = frozenset({"party", "wpk", "kwp"})


def _past_owner(r: Context, m: int) -> int:
    """After "of": past the organiser's possessive ("of its 8th Central Committee", "of the
    party's 8th Central Committee", "of the ruling WPK's ..."), which names the party the text
    reports on; the name reads "of the 8th Central Committee" (:data:`OWNER`)."""
    doc, n = r.doc, len(r.doc.words)
    if m < n and doc.keys[m] == "its" and doc.keys[m - 1] != "the":
        return m + 1 if m + 1 < n and doc.gap_ok[m] else m
    k = m + 1 if m < n and doc.keys[m] == "ruling" else m
    if k < n and doc.keys[k] in _OWNERS and doc.words[k][-2:] in ("'s", "’s"):
        return k + 1 if k + 1 < n and doc.gap_ok[k] else m
    return m


OWNER = re.compile(r"\bof\s+(?:its|the\s+(?:ruling\s+)?(?:party|WPK|KWP)['’]s)\s+", re.I)
"""an organiser's possessive inside an event name, read as "of the "."""


def _name_word(r: Context, i: int) -> bool:
    """A word that continues a name: capitalized, or an ordinal ("of the 7th Central Committee");
    in a headline, not the verb every word of which is capitalized ("... of WPK Concludes")."""
    if r.doc.in_title(i) and r.doc.keys[i] in r.lex.headline_verbs:
        return False
    return r.doc.is_cap(i) or r.lex.ordinal(r.doc.words[i]) is not None


def head_type(r: Context, first: int, last: int) -> str | None:
    """The type of event an event head word among words first..last-1 names."""
    words = tuple(r.doc.keys[first:last])
    for head, kind in event_heads(r):
        size = len(head)
        for k in range(len(words) - size + 1):
            if words[k : k + size] == head:
                return kind
    return None
