"""Organs of foreign parties named like the Workers' Party's own: "member of the Political Bureau
of the CPC Central Committee", "member of the Standing Committee of the Political Bureau of the
Central Committee of the Communist Party of China". The heads ("Political Bureau", "Standing
Committee of the Political Bureau of the Central Committee") are names of the WPK's standing
organs, so the organ reading takes them for those; the words after them say whose they are. A
title whose organ is the WPK's but is followed by "of" and an organ of another party holds the
whole name instead: an organ drafted with that name, its parent the other party's organ. Without
this a Chinese guest becomes a member of the WPK's Political Bureau, or holds nothing."""

from __future__ import annotations

import re
from dataclasses import replace

from ..names import match_key
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.facts import Title, fact_lexicon
from ..reading.gazetteer import gazetteer
from ..reading.state import Context
from .foreign_states import dateline_state
from .shared import party_of
from .standing_organs import standing_organ
from .state_organs import foreign_organ_named

__all__ = [
    "cc_owned_after",
    "chain_organ",
    "foreign_whole",
    "new_organ_after",
    "party_possessive_after",
]

_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_WORD = re.compile(r"[ \t]*([A-Za-z][\w'’-]*)")
_CONNECTORS = frozenset({"of", "for", "with", "and", "on", "the"})
_MAX_WORDS = 12


def new_organ_after(
    r: Context, mentions: list[Mention], end: int
) -> tuple[str, tuple[int, int]] | None:
    """An organ the lexicon lacks, named after a role: "president of the Academy of Defence
    Science", "chairman of the Korean Committee for Cultural Relations with Foreign Countries",
    "secretary of the Security Council of the Russian Federation". The capitalized name after
    "of (the)" holds a head word of facts.yaml (``new_organ_heads``), else it is a place or a
    rank and no organ. The organ is drafted with that name; the part after its last "of" that
    is itself such a name is its parent ("the Russian Federation")."""
    link = _OF.match(r.text, end)
    span = _capitalized_name(r, mentions, link.end()) if link else None
    if span is None and link is not None:
        under = _under_known(r, mentions, link.end())
        if under is not None:
            return under
    if span is None:
        return None
    owned = _state_possessive(r, span)
    if owned is not None:
        return owned, span
    return _drafted(r, mentions, span), span


_POSSESSIVE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+(\S.*)")


def _state_possessive(r: Context, span: tuple[int, int]) -> str | None:
    """ "secretary of Russia's Security Council": the office of the state the possessive names
    (states.yaml: "Security Council of Russia", under every name of Russia), not an organ
    named "Russia's Security Council" (class AE)."""
    m = _POSSESSIVE.fullmatch(" ".join(r.text[span[0] : span[1]].split()))
    if m is None:
        return None
    state = fact_lexicon().nationality_states.get(m.group(1).lower() + "'s")
    if state is None:
        return None
    return foreign_organ_named(r, f"{m.group(2)} of {state.removeprefix('the ')}", span)


def _capitalized_name(r: Context, mentions: list[Mention], at: int) -> tuple[int, int] | None:
    """The capitalized name starting at ``at`` (connectors inside, none at its end), when it
    holds a head word; it ends before a person named after its head ("the Academy of Defence
    Science and Kim Jong Sik")."""
    flex = fact_lexicon()
    person_starts = {m.start for m in mentions if m.kind == "person"}
    position, last, head, proper = at, None, False, False
    for _ in range(_MAX_WORDS):
        word = _WORD.match(r.text, position)
        if word is None or (last is None and not word.group(1)[0].isupper()):
            break
        lower = word.group(1).lower()
        if not word.group(1)[0].isupper() and lower not in _CONNECTORS:
            break
        if head and word.start(1) in person_starts:
            break
        if word.group(1)[0].isupper():
            last, head = word.end(1), head or lower in flex.new_organ_heads
            proper = proper or lower not in (flex.new_organ_heads | flex.new_organ_generic)
        position = word.end(1)
    if not (head and proper) or last is None:
        return None
    named = any(
        m.kind in ("organ", "post") and m.entity and (
            m.start <= at < m.end or (at < m.start < last and r.reg.get(m.entity).known)
        )
        for m in mentions
    )  # the organ reading's name covers its start ("the WPK Central Committee ... Department")
    # or a record is named inside ("the X Committee of the Workers' Party of Korea")
    return None if named else (at, last)


def _under_known(
    r: Context, mentions: list[Mention], at: int
) -> tuple[str, tuple[int, int]] | None:
    """(lever L3) An organ the lexicon lacks named as a part of one it has: "director of the
    Operations Bureau of the KPA General Staff", "chairman of the Legislation Committee of the
    SPA", "deputy chairman of the Council of Ministers of the USSR". The capitalized name from
    ``at`` to "of (the)" holds a head word and a word of its own; the organ named right after
    that "of" is resolved and no party (the "X Committee of the Workers' Party of Korea" is the
    party committees' reading). The organ is drafted with the whole name as printed, its parent
    the organ named; never when an organ the reading found begins at ``at``."""
    if any(m.kind in ("organ", "post") and m.entity and m.start <= at < m.end for m in mentions):
        return None
    inner = next(
        (m for m in mentions
         if m.kind == "organ" and m.entity and at < m.start < at + 160
         and (link := _OF_BEFORE.search(r.text, at, m.start + 1)) is not None
         and link.end() == m.start),
        None,
    )  # fmt: skip
    if inner is None or inner.entity is None:
        return None
    link = _OF_BEFORE.search(r.text, at, inner.start + 1)
    if link is None or _capitalized_name(r, mentions, at) is not None:
        return None
    head = _head_span(r, at, link.start())
    parent = r.reg.resolve(inner.entity)
    if head is None or party_of(r, parent) == parent:
        return None
    span = (at, inner.end)
    name = " ".join(r.text[span[0] : span[1]].split())
    entity = r.reg.add(Entity("organ:new:" + match_key(name), "organ"))
    if not entity.names:
        entity.add_name(NameDraft(name, kind="preferred", spans=[span]))
        entity.note(f"an organ not in the lexicon, “{name}”, under an organ it has", span)
    if "parent" not in entity.fields:
        entity.fields["parent"] = Ref(parent)
    return entity.key, span


_OF_BEFORE = re.compile(r"\s+of\s+(?:the\s+)?(?=\S)")


def _head_span(r: Context, start: int, end: int) -> tuple[int, int] | None:
    """The span when the words from ``start`` to ``end`` are one capitalized name (connectors
    inside) holding a head word of ``new_organ_heads`` and a word of its own (not all
    generic)."""
    flex = fact_lexicon()
    words = r.text[start:end].split()
    if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    head = proper = False
    for word in words:
        lower = word.lower()
        if not word[:1].isupper():
            if lower not in _CONNECTORS:
                return None
            continue
        head = head or lower in flex.new_organ_heads
        proper = proper or lower not in (flex.new_organ_heads | flex.new_organ_generic)
    return (start, end) if head and proper else None


def _drafted(r: Context, mentions: list[Mention], span: tuple[int, int]) -> str:
    """The draft organ named ``span`` (one per name), with its parent when the name ends in
    "of" and another organ's name."""
    name = " ".join(r.text[span[0] : span[1]].split())
    entity = r.reg.add(Entity("organ:new:" + match_key(name), "organ"))
    if not entity.names:
        entity.add_name(NameDraft(name, kind="preferred", spans=[span]))
        entity.note(f"an organ not in the lexicon, “{name}”", span)
        tail = list(_OF.finditer(r.text, span[0], span[1]))
        inner = _capitalized_name(r, mentions, tail[-1].end()) if tail else None
        if inner is not None and inner[1] == span[1] and "parent" not in entity.fields:
            entity.fields["parent"] = Ref(_drafted(r, mentions, inner))
    return entity.key


_CC_OWNED = re.compile(
    r"\s+of\s+the\s+(?:(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w'’-]*){0,8}?)"
    r"\s+of\s+the\s+)?(?P<cc>C\.\s?C\.|Central\s+Committee)\s*,\s*"
)
"""KCNA's "of the C.C., CPC" after a role: "member of the Political Bureau of the C.C., CPC",
"director of the General Office of the C.C., CPC", "member of the C.C., CPC" (class AE)"""


def _organ_at(mentions: list[Mention], start: int) -> Mention | None:
    """The resolved organ mention that begins at ``start``."""
    return next((o for o in mentions if o.start == start and o.kind == "organ" and o.entity), None)


def cc_owned_after(
    r: Context, mentions: list[Mention], end: int
) -> tuple[str, tuple[int, int]] | None:
    """The organ of another party named in KCNA's way after a role ending at ``end``: "(of the
    X) of the C.C., CPC" where the abbreviation after the comma is a party other than the WPK
    ("..., WPK" is the Workers' Party's own, read by the organ reading). The organ is drafted
    under the party with the name as printed and the two long forms ("Political Bureau of the
    Central Committee of the Communist Party of China", "... of the CPC Central Committee");
    "of the C.C., CPC" alone is the party's Central Committee. Never the WPK's organ its head
    word names."""
    m = _CC_OWNED.match(r.text, end)
    if m is None:
        return None
    owner = _organ_at(mentions, m.end())
    if owner is None or owner.entity is None:
        return None
    owner_key = r.reg.resolve(owner.entity)
    party = party_of(r, owner_key)
    if party is None or party != owner_key or _wpk(r, owner_key):
        return None  # "of the C.C., WPK", or no party after the comma
    head = " ".join(m.group("name").split()) if m.group("name") else None
    span = (m.start("name") if head else m.start("cc"), owner.end)
    key = _party_organ(r, mentions, party, head, owner.text, span, (span[0], m.start("cc")))
    if key is None:
        return None
    printed = " ".join(r.text[span[0] : span[1]].split())
    r.reg.get(key).note(
        f"an organ of another party, “{printed}” (KCNA's “C.C., {owner.text}”)", span
    )
    return key, span


def _party_organ(
    r: Context,
    mentions: list[Mention],
    party: str,
    head: str | None,
    abbreviation: str | None,
    span: tuple[int, int],
    inner: tuple[int, int],
    printed_name: bool = True,
    full: str | None = None,
) -> str | None:
    """The draft of ``party``'s organ ``head`` under its Central Committee (the Central
    Committee itself when None), named "<head> of the Central Committee of <the party>" and
    "<head> of the <abbreviation> Central Committee", with the name printed at ``span`` (unless
    not ``printed_name``); its kind that of the first organ named within ``inner``; the party's
    name ``full``, else its record's or draft's."""
    entity = r.reg.get(party)
    full = full or next((n.text for n in entity.names if n.kind != "abbreviation"), None)
    if entity.known:
        full = r.known.labels.get(entity.known) or full
    if full is None:
        return None
    committee = f"Central Committee of the {full}"
    names = [f"{head} of the {committee}" if head else committee]
    if abbreviation:
        names.append(f"{head} of the {abbreviation} Central Committee" if head
                     else f"{abbreviation} Central Committee")  # fmt: skip
    key = r.reg.add(Entity("organ:foreign:" + match_key(names[0]), "organ")).key
    drafted = r.reg.get(key)
    drafted.attrs.setdefault("party", party)
    first = next(
        (o.entity for o in mentions
         if o.kind == "organ" and o.entity and inner[0] <= o.start and o.end <= inner[1]),
        None,
    )  # fmt: skip
    drafted.attrs.setdefault("organ_kind", _kind(r, first) if first else "central-committee")
    if "parent" not in drafted.fields:
        drafted.fields["parent"] = Ref(party)
    printed = " ".join(r.text[span[0] : span[1]].split())
    if not drafted.names:
        drafted.add_name(NameDraft(names[0], kind="preferred", derived=True))
        for alternate in names[1:]:
            drafted.add_name(NameDraft(alternate, kind="alternate", derived=True))
    if printed_name and match_key(printed) not in {match_key(n.text) for n in drafted.names}:
        drafted.add_name(NameDraft(printed, kind="alternate", spans=[span]))
    return key


_PARTY_POSSESSIVE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?P<name>[A-Z][\w-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w-]*){0,6}?)"
    r"\s+of\s+(?:the\s+)?)?(?P<owner>(?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)['’]s\s+"
    r"(?P<organ>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
"""a party's possessive before its organ after a role: "of the CPC's Political Bureau", "of the
International Department of the Chinese party's Central Committee" (class cpcdup)"""


def party_possessive_after(
    r: Context, mentions: list[Mention], end: int
) -> tuple[str, tuple[int, int]] | None:
    """The organ of another party named by the party's possessive after a role ending at
    ``end`` (facts.yaml ``party_possessives``): "member of the CPC's Political Bureau", "head
    of the International Department of the Chinese party's Central Committee", "member of the
    Standing Committee of the Communist Party's Political Bureau" in a story from Beijing. The
    organ is the one KCNA's "of the C.C., CPC" names (:func:`cc_owned_after`): "<organ> of the
    Central Committee of the Communist Party of China". Not "the Workers' Party's" nor a
    person's ("Kim's party"): no owner of the list; "the Communist Party's" only in a story from
    a state of ``home_parties``."""
    m = _PARTY_POSSESSIVE.match(r.text, end)
    if m is None:
        return None
    data = fact_lexicon().party_possessives
    owner = " ".join(m.group("owner").lower().split())
    party_name = data.get("owners", {}).get(owner)
    if party_name is None and owner in data.get("home_owners", ()):
        home = dateline_state(r)
        party_name = data.get("home_parties", {}).get(home) if home else None
    found = gazetteer().find(party_name) if party_name else None
    if found is None:
        return None
    organ = " ".join(m.group("organ").split())
    forms = data.get("organ_forms", {})
    if organ.lower() in forms:
        organ = forms[organ.lower()]
    elif organ.split()[-1].lower() not in fact_lexicon().new_organ_heads:
        return None  # "the CPC's Zhou Yongkang"
    name = " ".join(m.group("name").split()) if m.group("name") else None
    if organ.startswith("Central ") and organ != "Central Committee":
        return None  # "the CPC's Central Military Commission": no organ of its Central Committee
    head = name if organ == "Central Committee" else (f"{name} of the {organ}" if name else organ)
    party = standing_organ(r, found.id)
    abbreviation = found.abbreviations[0] if found.abbreviations else None
    span = (m.start("name") if name else m.start("owner"), m.end("organ"))
    inner = (m.start("name") if name else m.start("organ"), m.end("organ"))
    key = _party_organ(
        r, mentions, party, head, abbreviation, span, inner, printed_name=False, full=found.names[0]
    )
    if key is None:
        return None
    printed = " ".join(r.text[span[0] : span[1]].split())
    r.reg.get(key).note(f"an organ of another party, “{printed}” (by its possessive)", span)
    return key, span


def foreign_whole(r: Context, mentions: list[Mention], title: Title) -> Title:
    """The title with its organ re-read as another party's, when the words after say so (a
    nationality before it is read by titles._state_title)."""
    other = _of_other_central_committee(r, mentions, title)
    if other is not None:
        return other
    if title.organ is None or not _wpk(r, title.organ):
        return title
    own = title.organ_span
    if own is None:  # "general secretary of the Central Committee": a post's title
        words = list(_OF.finditer(r.text, title.start, title.end))
        if not words:
            return title
        own = (words[-1].end(), title.end)
    link = _OF.match(r.text, own[1])
    if link is None:
        return title
    owner = _organ_at(mentions, link.end())
    if owner is None or owner.entity is None:
        # (lever L3) "chairman of the Central Committee of the General Federation of Trade
        # Unions of Korea": an organization the lexicon lacks, named after the WPK-like organ
        # (a capitalized name with a head word); the organ is that organization's own
        named = _capitalized_name(r, mentions, link.end())
        if named is None or _kind(r, title.organ) != "central-committee":
            return title
        owner_key = _drafted(r, mentions, named)
        span = (own[0], named[1])
        key = _owned(r, title.organ, owner_key, owner_key, span)
        return replace(title, organ=key, organ_span=span, end=max(title.end, span[1]), post=None)
    owner_key = r.reg.resolve(owner.entity)
    party = party_of(r, owner_key) or _mass_organization(r, owner_key)
    if party is None or _wpk(r, owner_key):
        return title
    cc = _organ_at(mentions, owner.end + 1)
    if party == owner_key and cc is not None and cc.entity and r.text[owner.end] == " " and (
        _kind(r, r.reg.resolve(cc.entity)) == "central-committee"
    ):
        # (lever L3) "head of the International Department of the Communist Party of China
        # Central Committee": the party's Central Committee's organ, named as KCNA's "of the
        # C.C., CPC" names it (and as printed)
        head = " ".join(r.text[own[0] : own[1]].split())
        head = head[4:] if head.lower().startswith("the ") else head
        span = (own[0], cc.end)
        drafted = _party_organ(r, mentions, party, head, None, span, own)
        if drafted is not None:
            return replace(title, organ=drafted, organ_span=span, end=max(title.end, span[1]),
                           post=None)  # fmt: skip
    span = (own[0], owner.end)
    key = _owned(r, title.organ, owner_key, party, span)
    return replace(title, organ=key, organ_span=span, end=max(title.end, span[1]), post=None)


def _of_other_central_committee(
    r: Context, mentions: list[Mention], title: Title
) -> Title | None:
    """(lever L3) "head of the International Relations Department of the Central Committee of
    the Communist Party of Cuba": the title's organ (a department, a commission) named before
    "of the Central Committee" (read as the WPK's) and "of" another party is that party's
    Central Committee's organ, drafted as :func:`cc_owned_after` drafts KCNA's "of the C.C.,
    CPC" (its name "<organ> of the Central Committee of <the party>", under the party)."""
    own = title.organ_span
    if title.organ is None or own is None:
        return None
    link = _OF.match(r.text, own[1])
    cc = _organ_at(mentions, link.end()) if link else None
    if cc is None or cc.entity is None:
        return None
    cc_key = r.reg.resolve(cc.entity)
    if _kind(r, cc_key) != "central-committee" or not _wpk(r, cc_key):
        return None
    link = _OF.match(r.text, cc.end)
    owner = _organ_at(mentions, link.end()) if link else None
    if owner is None or owner.entity is None:
        return None
    party = r.reg.resolve(owner.entity)
    if party_of(r, party) != party or _wpk(r, party):
        return None  # "of the Central Committee of the Workers' Party of Korea": the WPK's own
    head = " ".join(r.text[own[0] : own[1]].split())
    if head.lower().startswith("the "):
        head = head[4:]
    span = (own[0], owner.end)
    key = _party_organ(r, mentions, party, head, None, span, own)
    if key is None:
        return None
    r.reg.get(key).note(f"an organ of another party's Central Committee, “{head}”", span)
    return replace(title, organ=key, organ_span=span, end=max(title.end, span[1]), post=None)


def _owned(r: Context, wpk_organ: str, owner: str, party: str, span: tuple[int, int]) -> str:
    """The draft of the organ of ``owner`` (another party, a mass organization) named like the
    WPK's ``wpk_organ`` at ``span``: its name as printed, its parent the owner."""
    name = " ".join(r.text[span[0] : span[1]].split())
    entity = r.reg.add(Entity("organ:foreign:" + match_key(name), "organ"))
    entity.attrs.setdefault("organ_kind", _kind(r, wpk_organ))
    if party != owner:
        entity.attrs.setdefault("party", party)
    if "parent" not in entity.fields:
        entity.fields["parent"] = Ref(owner)
    if not entity.names:
        entity.add_name(NameDraft(name, kind="preferred", spans=[span]))
    entity.note(f"an organ of another party or organization, “{name}”", span)
    return entity.key


def chain_organ(r: Context, chain: list[Mention]) -> str | None:
    """The organ a chain of organ names ends with ("the KWP Propaganda and Agitation
    Department"); the owner's own when the one before it is a mass organization or another
    party and the last is named like the WPK's ("the Kim Il Sung Socialist Youth League Central
    Committee")."""
    if not chain or chain[-1].entity is None:
        return None
    last = r.reg.resolve(chain[-1].entity)
    if len(chain) < 2 or chain[-2].entity is None or not _wpk(r, last):
        return last
    owner = r.reg.resolve(chain[-2].entity)
    party = party_of(r, owner) or _mass_organization(r, owner)
    if party is None or _wpk(r, owner):
        return last
    pair = chain[-2:]  # the owner before the organ, or after it ("the X of the League")
    return _owned(r, last, owner, party, (min(m.start for m in pair), max(m.end for m in pair)))


def _mass_organization(r: Context, key: str) -> str | None:
    """The organ itself when it is a mass organization with organs of its own named like the
    party's ("the Central Committee of the Kim Il Sung Socialist Youth League")."""
    entity = r.reg.get(key)
    kind = r.known.organ_kind.get(entity.known) if entity.known else None
    return key if (kind or entity.attrs.get("organ_kind")) == "mass-organization" else None


def _kind(r: Context, key: str) -> str:
    """The organ kind of the WPK organ whose name the foreign one shares ("political-bureau")."""
    entity = r.reg.get(key)
    if entity.known:
        return r.known.organ_kind.get(entity.known) or "central-committee"
    return str(entity.attrs.get("organ_kind") or "central-committee")


def _wpk(r: Context, key: str) -> bool:
    """The organ is the Workers' Party's (a record under it, or a standing draft of it)."""
    party = party_of(r, key)
    if party is None:
        return False
    entity = r.reg.get(party)
    return entity.known == "wpk" or entity.attrs.get("standing") == "wpk"
