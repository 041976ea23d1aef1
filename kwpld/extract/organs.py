"""Passes that find organs: proper names built on the lexicon's head words ("KWP Central
Committee Political Bureau" is a chain of heads with a qualifier before them), parties, the
party an unqualified head belongs to, lowercase collective organs ("party cells"), and the
parents the text and the vocabulary's kind hierarchy give them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..names import is_korean_surname, korean_name_parts, match_key, name_words
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.gazetteer import gazetteer
from ..reading.lexicon import OrganHead, organ_broader, party_tree
from ..reading.state import Context, Found
from ..reading.words import core, straight
from .shared import (
    find_organ_by_name,
    known_at,
    known_organ_named,
    known_span,
    party_entity,
    party_of,
    surface,
)
from .standing_organs import standing_organ

__all__ = [
    "Phrase",
    "Segment",
    "organ_phrases",
    "parties",
    "party_organs",
    "bare_parties",
    "collective_organs",
    "shorter_names",
    "parents",
]

_STOP_QUALIFIERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
        "according", "in", "on", "at", "for", "by", "with", "from", "and", "of", "as", "to",
        "graphic", "photo", "image", "map", "chart", "when", "while", "after", "before", "today",
        "meanwhile", "also", "but", "if", "so", "both", "each", "every", "all", "some",
        "whole", "entire", "ruling", "basic", "same", "new", "former", "my", "your",
    }
)  # fmt: skip


_OWNERS = frozenset(
    {"korea", "dprk", "pyongyang", "country", "nation", "regime", "party", "north"}
)
"""possessives before an organ's name that are not part of it: "North Korea's Supreme People's
Assembly" is the Supreme People's Assembly ("People's" is part of it); "the North's United Front
Department" is the United Front Department (class AE)"""


@dataclass(frozen=True)
class Segment:
    """One head of an organ phrase with the words before it that belong to it."""

    first: int
    last: int
    head: OrganHead
    head_first: int
    abbrevs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Phrase:
    """A run of organ heads ("KWP Central Committee Political Bureau")."""

    first: int
    last: int
    segments: tuple[Segment, ...]
    of_link: int | None = None
    """the first word of the organ after "of", when one follows ("Presidium of the ...")"""
    its: bool = False
    known: bool = False
    """every word belongs to a known name"""
    index: int = field(default=-1, compare=False)


def _entity(r: Context, pi: int, si: int) -> str | None:
    return r.segment_entities.get((pi, si))


def _set_entity(r: Context, pi: int, si: int, key: str | None) -> None:
    if key is None:
        r.segment_entities.pop((pi, si), None)
    else:
        r.segment_entities[(pi, si)] = key


# -- phrases --------------------------------------------------------------------------------


def _heads_first(r: Context) -> dict[str, list[tuple[tuple[str, ...], OrganHead]]]:
    table: dict[str, list[tuple[tuple[str, ...], OrganHead]]] = {}
    for words, head in r.lex.heads_by_words.items():
        table.setdefault(words[0], []).append((words, head))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def organ_phrases(r: Context) -> Found:
    """Capitalized runs of organ heads with their qualifiers (no entities yet)."""
    doc, n = r.doc, len(r.doc.words)
    table = _heads_first(r)
    occurrences: list[tuple[int, int, OrganHead]] = []
    i = 0
    while i < n:
        found = None
        if doc.is_cap(i):
            for words, head in table.get(doc.keys[i], []):
                end = i + len(words)
                if (
                    end <= n
                    and tuple(doc.keys[i:end]) == words
                    and all(doc.is_cap(k) for k in range(i, end))
                    and all(doc.gap_ok[k] for k in range(i, end - 1))
                ):
                    found = (i, end, head)
                    break
        if found:
            occurrences.append(found)
            i = found[1]
        else:
            i += 1
    starts = {o[0] for o in occurrences}
    valid = []
    for first, last, head in occurrences:
        # A head followed by another capitalized word is a modifier ("Party Cell Secretaries"),
        # except in a headline, where every word is capitalized ("Military Commission Meets").
        if (
            last < n
            and doc.gap_ok[last - 1]
            and doc.is_cap(last)
            and last not in starts
            and not doc.in_title(first)
        ):
            continue
        valid.append((first, last, head))
    phrases: list[Phrase] = []
    index = 0
    while index < len(valid):
        chain = [valid[index]]
        while (
            index + 1 < len(valid)
            and valid[index + 1][0] == chain[-1][1]
            and doc.gap_ok[chain[-1][1] - 1]
        ):
            index += 1
            chain.append(valid[index])
        index += 1
        phrase = _phrase(r, chain, len(phrases), starts)
        if phrase is not None:
            phrases.append(phrase)
    r.phrases = phrases
    return r.found()


_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _phrase(
    r: Context, chain: list[tuple[int, int, OrganHead]], index: int, starts: set[int]
) -> Phrase | None:
    doc, n = r.doc, len(r.doc.words)
    first = chain[0][0]
    k = first - 1
    numbered = chain[0][2].numbered and k >= 0 and _ORDINAL.fullmatch(core(doc.words[k]))
    k -= 1 if numbered and doc.gap_ok[k] else 0  # "the KPA 4th Corps"
    while (
        k >= 0
        and doc.gap_ok[k]
        and first - k <= 4
        and (doc.is_cap(k) or doc.is_allcaps(k))
        and doc.keys[k] not in _STOP_QUALIFIERS
        and not _is_person_word(r, k)
        and not (doc.keys[k] in _OWNERS and doc.words[k].endswith(("'s", "’s")))
    ):
        k -= 1
    qualifiers = list(range(k + 1, first))
    its = k >= 0 and doc.keys[k] == "its" and doc.gap_ok[k]
    segments: list[Segment] = []
    for position, (head_first, head_last, head) in enumerate(chain):
        seg_first = qualifiers[0] if position == 0 and qualifiers else head_first
        abbrevs = [q for q in qualifiers if doc.is_allcaps(q)] if position == 0 else []
        last = head_last
        if position == len(chain) - 1 and head.kind in _NAMED_ON and not head.unique:
            last = _proper_extension(r, head_last, starts)  # "State Commission of Science ..."
        if head.kind == "party":
            last = _of_extension(r, head_last)
            named = [q for q in qualifiers if q not in abbrevs] if position == 0 else []
            if last == head_last and not named and len(name_words(head.head)) == 1:
                continue  # a bare "Party" names no party
        segments.append(Segment(seg_first, last, head, head_first, tuple(abbrevs)))
    if not segments:
        return None
    end = segments[-1].last
    of_link = None
    if (
        end < n
        and doc.keys[end] == "of"
        and doc.gap_ok[end - 1]
        and segments[-1].head.kind != "party"
    ):
        m = end + 1
        if m < n and doc.keys[m] == "the" and doc.gap_ok[m - 1]:
            m += 1
        if m < n and doc.gap_ok[m - 1] and doc.is_cap(m):
            of_link = m
    known = all(r.claimed[i] for i in range(segments[0].first, end))
    return Phrase(segments[0].first, end, tuple(segments), of_link, its, known, index)


def _of_extension(r: Context, end: int) -> int:
    """'Party' + 'of Korea': the words a party's name continues with."""
    doc, n = r.doc, len(r.doc.words)
    if end < n and doc.keys[end] == "of" and doc.gap_ok[end - 1]:
        m = end + 1
        if m < n and doc.keys[m] == "the" and doc.gap_ok[m - 1]:
            m += 1
        stop = m
        while (
            stop < n
            and stop - m < 3
            and doc.is_cap(stop)
            and doc.gap_ok[stop - 1]
            and not doc.is_allcaps(stop)
        ):
            stop += 1
        if stop > m:
            return stop
    return end


_NAMED_ON = frozenset({"commission", "department"})
"""Kinds of generic heads whose proper name may go on after them ("of Science and Technology")."""


def _proper_extension(r: Context, end: int, starts: set[int]) -> int:
    """ "State Commission" + "of Science and Technology": the capitalized words (joined by
    "and") after "of (the)" are the rest of the organ's name, so it is not cut to a generic
    prefix; not when they name another organ ("of the Korean People's Army") or an
    abbreviation ("of the DPRK"), nor a person they reach, nor when "of" follows them. "for" is
    read as "of": "Central Commission for Combating Non-Socialist Practices" (class S)."""
    doc, n = r.doc, len(r.doc.words)
    if not (end < n and doc.keys[end] in ("of", "for") and doc.gap_ok[end - 1]):
        return end
    m = end + 1
    if m < n and doc.keys[m] == "the" and doc.gap_ok[m - 1]:
        m += 1
    stop, last = m, end
    while stop < n and doc.gap_ok[stop - 1]:
        if doc.keys[stop] == "and" and last > end:
            stop += 1
            continue
        if stop in starts:
            return end  # "of the Korean People's Army": another organ's name
        if not doc.is_cap(stop) or doc.is_allcaps(stop):
            break
        if _is_person_word(r, stop):
            break
        stop += 1
        last = stop
    if last == end or (stop < n and doc.gap_ok[stop - 1] and doc.keys[stop] == "of"):
        return end  # nothing capitalized, or a longer chain ("of X of the Y") left alone
    return last


def _is_person_word(r: Context, k: int) -> bool:
    return (
        is_korean_surname(r.doc.words[k])
        and k + 2 < len(r.doc.words)
        and korean_name_parts(list(r.doc.words[k : k + 3])) is not None
    )


# -- parties ------------------------------------------------------------------------------


def parties(r: Context) -> Found:
    """Parties named in organ phrases ("the Workers' Party of Korea", "KWP")."""
    for phrase in r.phrases:
        for si, segment in enumerate(phrase.segments):
            if segment.head.kind != "party":
                continue
            first = segment.first if not segment.abbrevs else max(segment.abbrevs) + 1
            if first == segment.head_first and segment.last == segment.head_first + len(
                name_words(segment.head.head)
            ):
                continue  # "the Workers' Party": the party of the article, resolved later
            name, span = surface(r, first, segment.last)
            if all(r.claimed[i] for i in range(first, segment.last)):
                _set_entity(r, phrase.index, si, known_at(r, first, segment.last, "organ"))
                continue
            entity = party_entity(r, name, span, f"a party named “{name}”")
            _set_entity(r, phrase.index, si, entity.key)
    return r.found()


def bare_parties(r: Context) -> Found:
    """ "The Workers’ Party’s newspaper": an unqualified party head is the article's party."""
    for phrase in r.phrases:
        for si, segment in enumerate(phrase.segments):
            if segment.head.kind != "party" or _entity(r, phrase.index, si) is not None:
                continue
            if all(r.claimed[i] for i in range(segment.first, segment.last)):
                continue
            party = r.main_party
            span = r.doc.span_of(segment.head_first, segment.last)
            if party is None:
                name, span = surface(r, segment.head_first, segment.last)
                party = (
                    _own_party(r, name, span)
                    or party_entity(r, name, span, f"a party named “{name}”").key
                )
            _set_entity(r, phrase.index, si, party)
            r.pinned.append(
                Mention(span[0], span[1], r.text[span[0] : span[1]], party, "organ", "short")
            )
    return r.found()


def _own_party(r: Context, name: str, span: tuple[int, int]) -> str | None:
    """ "The ruling Workers' Party's Central Committee" in an article that names no party: a
    name of the DPRK's own party (the first of kwpld/reading/organs.yaml) is that party, the
    folder's record or its complete draft, not a new party named "Workers' Party"."""
    parties = gazetteer().parties
    if not parties or match_key(straight(name)) not in gazetteer().organs[parties[0]].keys:
        return None
    return standing_organ(r, parties[0], span)


def _main_party(r: Context) -> str | None:
    """The party the article is about: the one it names most (known or new)."""
    counts: dict[str, int] = {}
    for key in r.reg.in_order():
        entity = r.reg.peek(key)
        if entity.kind == "organ" and entity.attrs.get("organ_kind") == "party":
            counts[entity.key] = (
                counts.get(entity.key, 0) + len(entity.evidence) + len(entity.names)
            )
    for match in r.known_matches:
        for target in match.targets:
            if target.kind == "organ" and r.known.organ_kind.get(target.ref) == "party":
                key = r.reg.known(target.ref, "organ").key
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


# -- organs of a party, and others on the lexicon's heads ----------------------------------------


def party_organs(r: Context) -> Found:
    """Every other segment of an organ phrase: an organ with its party and its parent."""
    main = _main_party(r)
    r.main_party = main
    doc = r.doc
    by_first: dict[int, Phrase] = {p.first: p for p in r.phrases}
    last_organ_in_sentence: dict[int, str] = {}
    for phrase in r.phrases:
        sentence = doc.sentence_index(doc.word_starts[phrase.first])
        party: str | None = None
        parent: str | None = None
        for si, segment in enumerate(phrase.segments):
            if segment.head.kind == "party":
                party = _entity(r, phrase.index, si)
                parent = party
                continue
            if parent is not None and _is_mass_organization(r, parent):
                party = parent  # "Kim Il Sung Socialist Youth League Central Committee": its own
            for q in segment.abbrevs:
                abbr = core(doc.words[q])
                owner = r.abbreviations.get(abbr)
                if owner is None:
                    owner = known_at(r, q, q + 1, "organ")
                if owner is not None:
                    parent = owner
                    party = party_of(r, owner) or party
            if phrase.its and parent is None and sentence in last_organ_in_sentence:
                parent = last_organ_in_sentence[sentence]
                party = party_of(r, parent)
            segment_party = party or (main if party_tree(segment.head.kind) else None)
            if segment_party is None and party_tree(segment.head.kind) and main is None:
                # "the Pyongyang City Party Committee" in a text naming no party: the Workers'
                # Party's (its unique organs are merged with the standing ones below)
                segment_party = None if segment.head.unique else standing_organ(r, _THE_PARTY)
            qualified = segment.first < segment.head_first or si > 0
            name, span = surface(r, phrase.first, segment.last)
            context = (
                None if qualified or phrase.its else _owner_in_context(r, phrase, segment.head)
            )
            if context is not None:
                _set_entity(r, phrase.index, si, context)
                r.pinned.append(Mention(span[0], span[1], r.text[span[0] : span[1]], context,
                                        "organ", "short"))  # fmt: skip
                parent = context
                continue
            if all(r.claimed[i] for i in range(phrase.first, segment.last)) and not (
                segment.abbrevs and party is not None and _foreign_party(r, party)
            ):  # "CPC Central Committee": the Communist Party of China's, not the WPK's
                key = known_at(r, phrase.first, segment.last, "organ")
                if key is None:
                    key = known_at(r, segment.head_first, segment.last, "organ")
                _set_entity(r, phrase.index, si, key)
                parent = key or parent
                continue
            head = segment.head
            existing = None if head.unique or not qualified else find_organ_by_name(r, name)
            record = None if existing else _party_committee_record(r, head, name, segment_party)
            if record is not None:  # no name of the record is printed: the mention is pinned
                r.pinned.append(Mention(span[0], span[1], r.text[span[0] : span[1]], record,
                                        "organ", "alternate"))  # fmt: skip
                existing = record
            if existing is not None:
                _set_entity(r, phrase.index, si, existing)
                parent = existing
                continue
            entity = _new_organ(r, head, name, span, segment_party, parent, qualified)
            _set_entity(r, phrase.index, si, entity.key)
            parent = entity.key
        last = _entity(r, phrase.index, len(phrase.segments) - 1)
        if last:
            last_organ_in_sentence[sentence] = last
            _gloss_after(r, phrase, last)
    _of_parents(r, by_first)
    _unqualified_merged(r)
    _standing_marked(r)
    return r.found()


def _foreign_party(r: Context, key: str) -> bool:
    """A party of organs.yaml other than its first, the DPRK's own (the CPC, the CPSU): by
    the record's names or the standing draft; a party drafted from the text is not one."""
    entity = r.reg.peek(key)
    standing = _gazetteer_id(r, entity.known) if entity.known else entity.attrs.get("standing")
    return isinstance(standing, str) and standing in gazetteer().parties[1:]


def _is_mass_organization(r: Context, key: str) -> bool:
    """A mass organization has a Central Committee of its own, named like the party's."""
    entity = r.reg.get(key)
    kind = r.known.organ_kind.get(entity.known) if entity.known else entity.attrs.get("organ_kind")
    return kind == "mass-organization"


def _party_committee_record(
    r: Context, head: OrganHead, name: str, party: str | None
) -> str | None:
    """The record of a party committee named without "Party": "the Pyongyang City Committee (of
    the Workers' Party of Korea)" is the record named "Pyongyang City Party Committee"."""
    if head.kind != "party-committee" or "Party" in head.head or not name.endswith(head.head):
        return None
    if party is not None and r.reg.get(party).known != "wpk":
        return None
    party_head = head.head.replace("Committee", "Party Committee")
    return known_organ_named(r, name[: len(name) - len(head.head)] + party_head)


def _new_organ(
    r: Context,
    head: OrganHead,
    name: str,
    span: tuple[int, int],
    party: str | None,
    parent: str | None,
    qualified: bool,
) -> Entity:
    """The organ of one segment of an organ phrase, with its kind, party and parent."""
    segment_party = party
    if head.unique and segment_party is not None:
        key = f"organ:{head.code}:{segment_party}"
    elif head.unique:
        key = f"organ:{head.code}:?"
    else:
        key = f"organ:{head.kind}:{match_key(name)}"
    entity = r.reg.add(Entity(key, "organ"))
    entity.attrs.setdefault("organ_kind", head.kind)
    entity.attrs.setdefault("head", head.head)
    if segment_party:
        entity.attrs.setdefault("party", segment_party)
    if parent is not None and parent != entity.key and "parent" not in entity.fields:
        entity.fields["parent"] = Ref(parent)
    elif (
        parent is not None
        and parent != entity.key
        and _depth(r, parent) > _depth(r, entity.fields["parent"].key)
    ):
        entity.fields["parent"] = Ref(parent)  # the longer chain tells more
    if qualified or not (head.unique and party_tree(head.kind)):
        # "the Cabinet", "the Supreme People's Assembly" are names; "the Political
        # Bureau" is short for the party's, and is not recorded as its name.
        entity.add_name(NameDraft(name, spans=[span]))
    else:
        entity.attrs.setdefault("short", set()).add(head.head)
    entity.note(f"an organ named “{r.text[span[0] : span[1]]}”", span)
    return entity


def _owner_in_context(r: Context, phrase: Phrase, head: OrganHead) -> str | None:
    """ "At the SPA session, X was elected president of the Presidium": a bare head is the one
    of the organ named last that has (or is) an organ on that head — here a state organ's, not
    the party's (None: the party's, as unqualified heads are by default)."""
    if phrase.of_link is not None or not head.unique:
        return None
    prefix = match_key(head.head)
    named = [(first, _standing_id(r, key)) for first, _, key in r.gazetteer_matches]
    for match in r.known_matches:
        # "president of the Presidium of the SPA", a post of the data folder's
        for target in match.targets:
            organ = r.known.post_roles.get(target.ref, ("",))[0] if target.kind == "post" else ""
            organ = target.ref if target.kind == "organ" else organ
            named.append((match.first, _gazetteer_id(r, organ) if organ else None))
    by_first = {p.first: p for p in r.phrases}
    for earlier in r.phrases[: phrase.index]:
        # "the Presidium of the SPA": the organ after "of" owns it
        owner = by_first.get(earlier.of_link or -1, earlier)
        key = _entity(r, owner.index, len(owner.segments) - 1)
        found = gazetteer().find(surface(r, owner.first, owner.last)[0])
        standing = _standing_id(r, key) if key else (found.id if found else None)
        if standing is None and any(
            s.head.kind == head.kind or s.head.code == "pb" for s in earlier.segments
        ):
            standing = ""  # the party's, named in the text's words
        named.append((earlier.first, standing))
    owned: list[tuple[int, str]] = []
    for first, standing in named:
        if first >= phrase.first or standing is None:
            continue
        if not standing:
            owned.append((first, ""))
            continue
        on_head = _on_head(standing, prefix)
        if on_head is not None:
            owned.append((first, on_head))
    if not owned:
        return None
    last = max(owned)[1]
    if not last or gazetteer().party_of(last) is not None:
        return None
    return standing_organ(r, last)


@functools.cache
def _on_head(standing: str, prefix: str) -> str | None:
    """The standing organ, or the first of its children, with a name on a head (its match
    key ``prefix``): the same for every phrase of every article, so worked out once."""
    for g in (gazetteer().organs[standing], *gazetteer().children(standing)):
        if any(k.startswith(prefix) for k in g.name_keys):
            return g.id
    return None


def _standing_id(r: Context, key: str) -> str | None:
    """The organ of organs.yaml an entity of a standing organ is (a record or a draft)."""
    entity = r.reg.peek(key)
    if entity.known is None:
        standing = entity.attrs.get("standing")
        return standing if isinstance(standing, str) else None
    return _gazetteer_id(r, entity.known)


def _gazetteer_id(r: Context, record: str) -> str | None:
    """The organ of organs.yaml a record of the data folder is, by its names (remembered in
    the known records' cache, which is emptied when a record or draft is added to them)."""
    found: dict[str, str] | None = r.known.cache.get("gazetteer_ids")
    if found is None:
        found = r.known.cache["gazetteer_ids"] = _gazetteer_ids(r.known.organ_keys)
    return found.get(record)


def _gazetteer_ids(organ_keys: dict[str, set[str]]) -> dict[str, str]:
    """Every record with a name key of a standing organ -> the first such organ in the order
    of organs.yaml: one walk over the organs' keys, where testing one record against every
    organ's keys was redone for each record after every organ draft emptied the cache."""
    found: dict[str, str] = {}
    for g in gazetteer().organs.values():
        for k in g.keys:
            for record in organ_keys.get(k, ()):
                found.setdefault(record, g.id)
    return found


def _of_parents(r: Context, by_first: dict[int, Phrase]) -> None:
    """ "Presidium of the Political Bureau": the organ after "of" is the parent."""
    for phrase in r.phrases:
        child = _entity(r, phrase.index, len(phrase.segments) - 1)
        if phrase.of_link is None or child is None:
            continue
        target = by_first.get(phrase.of_link)
        parent_key = (
            _entity(r, target.index, len(target.segments) - 1)
            if target
            else known_at(r, phrase.of_link, phrase.of_link + 1, "organ")
        )
        if parent_key and _other_party(r, child, parent_key):
            continue  # the WPK's Political Bureau is never under the CPC's Central Committee
        if parent_key and parent_key != child and r.reg.get(child).known is None:
            r.reg.get(child).fields["parent"] = Ref(parent_key)
            end = target.last if target else phrase.of_link + 1
            name, span = surface(r, phrase.first, end)
            r.reg.get(child).add_name(NameDraft(name, spans=[span]))


def _other_party(r: Context, child: str, parent: str) -> bool:
    """The parent is an organ of a foreign party of organs.yaml and the child is not."""
    owner = party_of(r, parent)
    return owner is not None and _foreign_party(r, owner) and party_of(r, child) != owner


def _unqualified_merged(r: Context) -> None:
    """One organ per party for unique kinds: an unqualified "Political Bureau" is the party's."""
    for entity in list(r.reg.of_kind("organ")):
        if entity.key.endswith(":?") and r.reg.alive(entity.key):
            code = entity.key.split(":")[1]
            same = [
                e
                for e in r.reg.of_kind("organ")
                if e.key.startswith(f"organ:{code}:") and e.key != entity.key
            ]
            if len(same) == 1:
                r.reg.merge(same[0].key, entity.key)
            elif not same and r.main_party is None:
                # The text names no party: "the Political Bureau" is the Workers' Party's.
                standing = [
                    g.id for g in gazetteer().organs.values()
                    if g.code == code and gazetteer().party_of(g.id) == _THE_PARTY
                ]  # fmt: skip
                if len(standing) == 1:
                    r.reg.merge(standing_organ(r, standing[0]), entity.key)


def _standing_marked(r: Context) -> None:
    """ "Presidium of the WPK Politburo": the Workers' Party's standing organ of that kind, with
    all its names, under any name the text gives it."""
    for entity in list(r.reg.of_kind("organ")):
        parts = entity.key.split(":", 2)
        if len(parts) != 3 or parts[2] == "?" or not r.reg.alive(entity.key):
            continue
        party_entity = r.reg.peek(parts[2]) if parts[2] in r.reg else None
        if party_entity is None or party_entity.attrs.get("standing") != _THE_PARTY:
            continue
        standing = [
            g.id for g in gazetteer().organs.values()
            if g.code == parts[1] and gazetteer().party_of(g.id) == _THE_PARTY
        ]  # fmt: skip
        if len(standing) == 1 and standing_organ(r, standing[0]) == entity.key:
            entity.attrs.setdefault("standing", standing[0])


_THE_PARTY = "wpk"
"""the party of organs.yaml a party organ is of when the text names no party"""


def _depth(r: Context, key: str) -> int:
    depth, seen = 0, set()
    entity = r.reg.peek(key)
    while isinstance(entity.fields.get("parent"), Ref) and entity.key not in seen:
        seen.add(entity.key)
        depth += 1
        entity = r.reg.peek(entity.fields["parent"].key)
    return depth


def _gloss_after(r: Context, phrase: Phrase, entity_key: str) -> None:
    """ "its Presidium (standing committee)": a lowercase gloss is another name."""
    _, end = r.doc.span_of(phrase.first, phrase.last)
    paren = r.doc.paren_after(end)
    if paren is None:
        return
    inner = r.text[paren[0] + 1 : paren[1] - 1].strip()
    words = inner.split()
    if not 1 <= len(words) <= 4 or not all(w.isalpha() and w.islower() for w in words):
        return
    entity = r.reg.get(entity_key)
    if entity.known:
        return
    name = inner
    parent = entity.fields.get("parent")
    if isinstance(parent, Ref):
        head = r.reg.peek(parent.key).attrs.get("head")
        if head:
            name = f"{inner} of the {head}"
    entity.add_name(NameDraft(name, spans=[(paren[0] + 1, paren[1] - 1)], derived=name != inner))
    entity.note(f"glossed as “{inner}”", (paren[0] + 1, paren[1] - 1))


# -- lowercase collective organs --------------------------------------------------------------


def collective_organs(r: Context) -> Found:
    """ "party cells", "party committees", "DPRK state media": organs taken together."""
    doc, n = r.doc, len(r.doc.words)
    forms: dict[tuple[str, ...], OrganHead] = {}
    for collective in r.lex.collective_organs:
        forms[name_words(collective.head)] = collective
        if collective.singular:
            forms[name_words(collective.singular)] = collective
    longest = max(len(k) for k in forms)
    countries = {name_words(c): c for c in r.lex.country_words}
    for i in range(n):
        for size in range(longest, 0, -1):
            words = tuple(doc.keys[i : i + size])
            organ = forms.get(words)
            if organ is None or not all(doc.gap_ok[k] for k in range(i, i + size - 1)):
                continue
            if any(r.claimed[i : i + size]) or any(p.first <= i < p.last for p in r.phrases):
                break  # "the Pyongyang City Party Committee": one committee, by its name
            first = i
            qualifier = None
            for country_words in sorted(countries, key=len, reverse=True):
                m = len(country_words)
                if (
                    i - m >= 0
                    and tuple(doc.keys[i - m : i]) == country_words
                    and all(doc.gap_ok[k] for k in range(i - m, i))
                ):
                    first, qualifier = i - m, countries[country_words]
                    break
            owner_party = None
            if i > 0 and doc.gap_ok[i - 1] and doc.is_allcaps(i - 1):
                owner = r.abbreviations.get(core(doc.words[i - 1]))
                owner_party = party_of(r, owner) if owner else None
            in_party = party_tree(organ.kind)
            party = owner_party or (r.main_party if in_party else None)
            if in_party:
                key = f"organ:{organ.code}:{party or '?'}"
            else:
                key = f"organ:{organ.code}:{qualifier or ''}"
            name, span = surface(r, first, i + size)
            known = known_span(r, span, "organ")
            if known:
                break
            entity = r.reg.add(Entity(key, "organ"))
            entity.attrs.setdefault("organ_kind", organ.kind)
            entity.attrs.setdefault("collective", organ)
            if party:
                entity.attrs.setdefault("party", party)
            plural = (f"{qualifier} " if qualifier else "") + organ.head
            entity.add_name(NameDraft(plural, spans=[span]))
            entity.note(
                f"“{r.text[span[0] : span[1]]}”, {organ.kind.replace('-', ' ')}s taken together",
                span,
            )
            break
    return r.found()


# -- one organ under several names, and parents -----------------------------------------------


def shorter_names(r: Context) -> Found:
    """ "Military Commission" in a headline is the "Central Military Commission" of the text:
    an organ all of whose names end another organ's name (of the same kind) is that organ."""
    organs = [e for e in r.reg.of_kind("organ") if e.known is None and e.names]
    for entity in organs:
        if not r.reg.alive(entity.key) or entity.attrs.get("standing"):
            continue  # standing organs are known whole: "Korean People's Army" is no short name
        words = [name_words(n.text) for n in entity.names if n.kind != "abbreviation"]
        if not words:
            continue
        kind = entity.attrs.get("organ_kind")
        owners = [
            o for o in organs
            if o is not entity and r.reg.alive(o.key) and o.attrs.get("organ_kind") == kind
            and all(
                any(
                    len(w) < len(ow) and ow[-len(w) :] == w
                    for ow in (name_words(n.text) for n in o.names)
                )
                for w in words
            )
        ]  # fmt: skip
        if len(owners) == 1:
            r.reg.merge(owners[0].key, entity.key)
    return r.found()


def parents(r: Context) -> Found:
    """Organs without a parent get the nearest organ of the broader kind, in the same party."""
    broader = organ_broader()
    organs = [e for e in r.reg.of_kind("organ") if e.known is None]
    for entity in organs:
        if "parent" in entity.fields or entity.attrs.get("organ_kind") == "party":
            continue
        kind = entity.attrs.get("organ_kind", "")
        party = entity.attrs.get("party")
        if not party_tree(kind) or party is None:
            continue
        wanted = broader.get(kind)
        while wanted and wanted != "party":
            same = [
                o for o in r.reg.of_kind("organ")
                if o.key != entity.key
                and o.attrs.get("party") == party
                and r.entity_kind(o.key) == wanted
            ]  # fmt: skip
            if len(same) == 1:
                entity.fields["parent"] = Ref(same[0].key)
                entity.note(f"a {kind.replace('-', ' ')} belongs to a {wanted.replace('-', ' ')}")
                break
            wanted = broader.get(wanted)
        else:
            if party != entity.key:
                entity.fields["parent"] = Ref(party)
    return r.found()
