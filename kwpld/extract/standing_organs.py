"""The standing-organs pass: the party, state and army organs and the media of ``organs.yaml``
named in the text ("KWP", "the Propaganda and Agitation Department", "KCNA") are the data
folder's records when it has one by any of their names, else drafts with every name, their
kind and their parent. Their words are claimed, so discovery does not read them again."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..names import match_key
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.gazetteer import gazetteer
from ..reading.index import Match, Target
from ..reading.state import Context, Found
from ..reading.words import core, party_bag, straight
from ..resources import resource_yaml

__all__ = [
    "home_party",
    "names_home_party",
    "is_home_party",
    "organ_with_most_names",
    "standing_organs",
    "standing_organ",
]


def standing_organs(r: Context) -> Found:
    doc = r.doc
    found: list[tuple[int, int, str]] = []
    gaps = list(doc.gap_ok)
    for i, key in enumerate(doc.keys[:-1]):
        if key == "cc" and r.text[doc.word_ends[i] : doc.word_starts[i + 1]].strip() in (",", ".,"):
            gaps[i] = True  # "the C.C., WPK", as KCNA writes the Central Committee
    matches = gazetteer().index.match(list(doc.keys), list(doc.words), gaps)
    for match in matches:
        refs = {t.ref for t in match.targets if not t.weak}
        if len(refs) != 1 or _possessive_inside(doc.words[match.first : match.last - 1], match):
            continue
        words = range(match.first, match.last)
        claimed = [i for i in words if r.claimed[i]]
        organ_id = next(iter(refs))
        record = _record_of(r, organ_id)
        # A record's name wins, but a person named inside an organ's name does not ("Kim Il
        # Sung Socialist Youth League"), nor shorter names of records inside a name of a
        # record ("KWP Politburo": the Political Bureau, not the party and the bureau).
        inside = [
            m for m in r.known_matches
            if any(m.first <= i < m.last for i in claimed)
        ]  # fmt: skip
        if claimed and not _only_people(r, claimed):
            if any(
                m.first < match.first
                or m.last > match.last
                or (record is None and (m.first, m.last) == (match.first, match.last))
                for m in inside
            ):
                continue  # a record's name as long as this one, or one reaching beyond it
            # shorter names of records inside ("WPK" in "WPK Organization and Guidance
            # Department"): the longer name wins
            r.known_matches = [m for m in r.known_matches if m not in inside]
        start, end = doc.span_of(match.first, match.last)
        if record is not None:
            r.known_matches = [
                *r.known_matches,
                Match(match.first, match.last, (Target(record, "organ", "", "en", "alternate"),)),
            ]
        key = standing_organ(r, organ_id, (start, end))
        found.append((match.first, match.last, key))
        for i in words:
            r.claimed[i] = True
    r.gazetteer_matches = _army_bureaus(r, found)
    return r.found()


def _army_bureaus(r: Context, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(class CH) "the army's political bureau", "the KPA's Political Bureau": the army's
    General Political Bureau, never the party's Political Bureau (``army_bureau`` in
    ``facts.yaml``: the owners before the bureau's name, and the names it is read in)."""
    data = resource_yaml("kwpld/reading/facts.yaml")["army_bureau"]
    bureau_names = {tuple(core(w) for w in n.split()) for n in data["names"]}
    owners = frozenset(straight(w).lower() for w in data["owners"])
    doc = r.doc
    spans = [
        (m.first, m.last) for m in r.known_matches if any(t.kind == "organ" for t in m.targets)
    ] + [(first, last) for first, last, _ in found]
    army = [
        (first, last) for first, last in spans
        if tuple(doc.keys[first:last]) in bureau_names
        and first > 0
        and straight(doc.words[first - 1]).lower() in owners
        and doc.gap_ok[first - 1]
    ]  # fmt: skip
    if not army:
        return found
    key = standing_organ(r, "kpa-gpb", doc.span_of(*army[0]))
    at = set(army)
    r.known_matches = [m for m in r.known_matches if (m.first, m.last) not in at]
    for first, last in army:  # the bureau's words stand for the GPB wherever it is read
        start, end = doc.span_of(first, last)
        r.pinned.append(Mention(start, end, r.text[start:end], key, "organ", "short"))
    return [f for f in found if (f[0], f[1]) not in at] + [(a, b, key) for a, b in army]


def _possessive_inside(words: tuple[str, ...], match: Match) -> bool:
    """ "the KWP’s Political Bureau" is the party's bureau, not the name "KWP Political Bureau"
    (a name may have a possessive of its own: "Supreme People's Assembly")."""
    names = " ".join(t.name for t in match.targets).replace("’", "'")
    return any(w.replace("’", "'").endswith("'s") for w in words) and "'s" not in names


def _only_people(r: Context, words: list[int]) -> bool:
    for match in r.known_matches:
        if any(match.first <= i < match.last for i in words) and any(
            t.kind != "person" for t in match.targets
        ):
            return False
    return True


def is_home_party(r: Context, key: str) -> bool:
    """Whether entity ``key`` is the DPRK's own party (the first party of organs.yaml): its
    record, or a draft by one of its names."""
    parties = gazetteer().parties
    if not parties:
        return False
    home = gazetteer().organs[parties[0]]
    entity = r.reg.peek(key)
    if entity.known is not None and entity.known == _record_of(r, home.id):
        return True
    return any(match_key(n.text) in home.keys for n in entity.names)


def names_home_party(text: str) -> bool:
    """Whether ``text`` (an event's name) names the DPRK's own party ("... of the WPK")."""
    parties = gazetteer().parties
    if not parties:
        return False
    home = gazetteer().organs[parties[0]]
    return any(
        re.search(rf"(?<!\w){re.escape(n)}(?!\w)", straight(text))
        for n in (*home.names, *home.abbreviations)
    )


def home_party(r: Context) -> str | None:
    """The name of the party "the party" is when an article does not name it: the DPRK's own
    (the first of organs.yaml), unless the party the article names most is another and the
    home one is not named at all."""
    parties = gazetteer().parties
    if not parties:
        return None
    if (
        r.main_party is not None
        and not is_home_party(r, r.main_party)
        and not any(is_home_party(r, e.key) for e in r.reg.of_kind("organ"))
    ):
        return None
    return gazetteer().organs[parties[0]].names[0]


def _record_of(r: Context, organ_id: str) -> str | None:
    return organ_with_most_names(r, gazetteer().organs[organ_id].keys)


def organ_with_most_names(r: Context, keys: Iterable[str]) -> str | None:
    """The record (or pending draft) carrying most of the names whose match keys are ``keys``:
    of several (the party's record, and a draft named only "Workers' Party" by an earlier
    article), the one with more of them; none when two have as many, or none has any."""
    shared: dict[str, int] = {}
    for k in keys:
        for rid in r.known.organ_keys.get(k, ()):
            shared[rid] = shared.get(rid, 0) + 1
    if not shared:
        return None
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def standing_organ(r: Context, organ_id: str, span: tuple[int, int] | None = None) -> str:
    """The entity of a standing organ: the data folder's record with one of its names, else a
    draft with its names, kind and parent (``span``: where the text names it)."""
    g = gazetteer().organs[organ_id]
    record = _record_of(r, organ_id)
    if record is not None:
        return r.reg.known(record, "organ").key
    party_id = gazetteer().party_of(g.id)
    if g.kind == "party":
        key = "organ:party:" + party_bag(g.names[0])
    elif g.code and party_id:
        key = f"organ:{g.code}:{standing_organ(r, party_id)}"
    else:
        key = "organ:standing:" + g.id
    entity = r.reg.add(Entity(key, "organ"))
    entity.attrs.setdefault("organ_kind", g.kind)
    entity.attrs.setdefault("standing", g.id)
    if g.kind == "party":
        entity.attrs["party"] = entity.key
        entity.attrs["gloss"] = straight(g.names[0])
    elif party_id:
        entity.attrs.setdefault("party", standing_organ(r, party_id))
    printed = straight(r.text[span[0] : span[1]]) if span else None
    printed_key = match_key(printed) if printed else None
    for index, name in enumerate(g.names):
        spans = [span] if span and match_key(name) == printed_key else []
        entity.add_name(
            NameDraft(
                straight(name),
                kind="preferred" if index == 0 else "alternate",
                spans=spans,
                derived=not spans,
            )  # fmt: skip
        )
    for abbreviation in g.abbreviations:
        spans = [span] if span and match_key(abbreviation) == printed_key else []
        entity.add_name(
            NameDraft(abbreviation, kind="abbreviation", spans=spans, derived=not spans)
        )
    if span is not None:
        if printed is not None and not any(
            printed_key == match_key(drafted.text) for drafted in entity.names
        ):
            entity.add_name(NameDraft(printed, spans=[span]))
        entity.note(f"“{r.text[span[0] : span[1]]}”, a standing organ (kwpld/reading/organs.yaml)",
                    span)  # fmt: skip
    if g.parent and "parent" not in entity.fields:
        entity.fields["parent"] = Ref(standing_organ(r, g.parent))
    return entity.key
