"""One person, one record, across articles: which record (or pending draft) a person an article
names is, or whether they are someone new.

A name alone never decides. The leadership holds several Ri Yong Hos and Kim Jong Sus, and one
man is written "O Su Yong", "O Su-yŏng" and "O Su-yo'ng" by different outlets. So the people an
article names are compared with the people of the data folder whose names have the same match
key (:func:`kwpld.names.match_key`, which reads KCNA, McCune-Reischauer with or without
apostrophes and Revised Romanization alike), and then by **context**: the offices written
beside the name ("Ri Yong Ho, chief of the General Staff of the KPA") and the facts the article
states of the person, against the memberships, pending membership drafts and description of
each candidate.

* The same post or organ on both sides: the same person ("same person as ri-yong-ho-fm: same
  match key, both Minister of Foreign Affairs").
* Offices in different sectors (:file:`identity.yaml`: military, local, cabinet) and nothing in
  common: a namesake, proposed as a new person with an id chosen to tell them apart
  (``kim-jong-su-kpa``, else the article's year) and a warning naming the namesakes.
* Nothing to compare: the one candidate there is; with several, the review shows them all, with
  what tells them apart, instead of choosing.

A family name alone ("Jang", "Pak") stands only for a person the same article has already
named in full (:func:`family_names`).

Three passes (:data:`kwpld.ingest.read.PASSES`): :func:`namesakes` and :func:`family_names`
after the mentions pass, :func:`identities` after the facts passes, so that what the article
states of a person is known when their identity is decided. The decisions are kept on the
entities (``attrs["identity"]``) and on the article (``attrs["identities"]``) for the drafts
and the review file (:mod:`kwpld.ingest.drafts`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dates import PartialDate, find_dates
from ..names import (
    WORD_RE,
    is_korean_surname,
    match_key,
    name_words,
    slugify,
    strip_marks,
    word_key,
)
from ..reading.entities import Changes, Entity, Mention, NameDraft, Ref
from ..reading.facts import Fact, Title, fact_lexicon
from ..reading.index import NameIndex
from ..reading.known import Known, Seat
from ..reading.rules import IdentityRules, identity_rules
from ..reading.state import Context, Found

__all__ = [
    "Cue",
    "Decision",
    "IdentityRules",
    "OrganView",
    "decide",
    "family_names",
    "identities",
    "identity_rules",
    "namesakes",
    "record_cues",
]

_GAP_OK = re.compile(r"[ \u00a0\t]*(?:[-\u2010\u2011][ \u00a0\t]*)?")
_APPOSITION_END = re.compile(r"[,;:()\[\]—–]|\s--\s|\.\s")


# -- the rules: kwpld/reading/identity.yaml, read by kwpld.reading.rules ----------------------


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _any_phrase(texts: Iterable[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for text in texts:
        words = name_words(text)  # once per text, not once per phrase
        if any(_contains(words, p) for p in phrases):
            return True
    return False


# -- what is said of a person ----------------------------------------------------------------


@dataclass(frozen=True)
class OrganView:
    """An organ as the comparison sees it: its id (a record or draft of the folder) or, for an
    organ new in the article, the match keys of its names; its sector; its ancestors."""

    ref: str | None
    keys: frozenset[str]
    label: str
    sector: str | None
    broad: bool
    lineage: tuple[tuple[str | None, frozenset[str]], ...] = ()
    """(id, keys) of its parent, grandparent, ..."""
    abbreviations: tuple[str, ...] = ()
    """of the organ, then of its ancestors (for telling a namesake's id apart)"""

    def same(self, other: OrganView) -> bool:
        return _same(self.ref, self.keys, other.ref, other.keys)

    def related(self, other: OrganView) -> bool:
        """One is the other or an ancestor of it ("KWP Vice-Chairman" and "vice-chairman of
        the WPK Central Committee")."""
        if self.same(other):
            return True
        return any(_same(r, k, other.ref, other.keys) for r, k in self.lineage) or any(
            _same(r, k, self.ref, self.keys) for r, k in other.lineage
        )


def _same(ref: str | None, keys: frozenset[str], ref2: str | None, keys2: frozenset[str]) -> bool:
    if ref is not None and ref2 is not None:
        return ref == ref2
    return bool(keys & keys2)


@dataclass(frozen=True)
class Cue:
    """One thing said of a person that can tell namesakes apart: a seat in an organ (with its
    role), or just a sector (a military rank, "provincial")."""

    label: str
    """how it reads: "Minister of Public Health", "colonel general\""""
    source: str
    """where it was said: a membership id, "description", or the words of the article"""
    organ: OrganView | None = None
    role: str | None = None
    sector: str | None = None
    first: str | None = None
    """ISO date the seat began (or was stated), when known"""
    last: str | None = None
    title: str | None = None
    """the office as the data folder names it (a post's name: "Minister of Foreign Affairs")"""
    since: str | None = None
    """for what the folder says: the start a record states (not a date it was stated as of)"""
    until: str | None = None
    """for what the folder says: the end a record states"""

    @property
    def period(self) -> str:
        if self.first and self.last and self.first != self.last:
            return f"{self.first} to {self.last}"
        if self.first and self.last:
            return self.first
        if self.first:
            return f"from {self.first}"
        if self.last:
            return f"until {self.last}"
        return ""

    def describe(self) -> str:
        period = self.period
        return f"{self.label} ({period})" if period else self.label


def _agreement(a: Cue, b: Cue) -> str | None:
    """How two cues agree, in words, or None. A seat held years apart from the one the article
    states agrees with nothing (the general relieved in 2012 is no member of the Political
    Bureau elected in 2017)."""
    if a.organ is None or b.organ is None or not _meet(a, b):
        return None
    role = a.role if a.role == b.role and a.role not in (None, "member") else None
    office = b.title or a.title
    if a.organ.same(b.organ):
        if a.organ.broad and role is None:
            return None
        if role is not None:
            return f"both {office or role.replace('-', ' ') + ' of the ' + a.organ.label}"
        return f"both of the {a.organ.label}"
    if role is not None and a.organ.related(b.organ):
        return f"both {office or role.replace('-', ' ')} (“{a.label}”; “{b.label}”)"
    return None


# -- organs ----------------------------------------------------------------------------------


def _sector(levels: list[tuple[str | None, list[str]]]) -> str | None:
    """The sector of an organ given (kind, English names) of it and then of its ancestors."""
    rules = identity_rules()
    for kind, names in levels:
        decided, sector = _level_sector(rules, kind, tuple(names))
        if decided:
            return sector
    return None


_LEVEL_SECTORS: dict[tuple[str | None, tuple[str, ...]], tuple[bool, str | None]] = {}
_LEVEL_RULES: list[IdentityRules] = []


def _level_sector(
    rules: IdentityRules, kind: str | None, names: tuple[str, ...]
) -> tuple[bool, str | None]:
    """What one level of an organ's lineage says of its sector: (decided, sector); neutral is
    (True, None), nothing is (False, None). Remembered per rules: the same organs come up for
    every candidate in every article."""
    if not _LEVEL_RULES or _LEVEL_RULES[0] is not rules:
        _LEVEL_RULES[:] = [rules]
        _LEVEL_SECTORS.clear()
    key = (kind, names)
    found = _LEVEL_SECTORS.get(key)
    if found is None:
        found = (False, None)
        if kind in rules.neutral_kinds or _any_phrase(names, rules.neutral_words):
            found = (True, None)
        else:
            for sector, kinds, phrases in rules.sectors:
                if kind in kinds or _any_phrase(names, phrases):
                    found = (True, sector)
                    break
        if len(_LEVEL_SECTORS) < 50_000:
            _LEVEL_SECTORS[key] = found
    return found


def _broad(kind: str | None, names: list[str]) -> bool:
    rules = identity_rules()
    return kind in rules.broad_kinds or any(
        name_words(n) == p for n in names for p in rules.broad_words
    )


def known_organ(known: Known, organ_id: str) -> OrganView:
    """An organ of the data folder (a record or a pending draft)."""
    cache_: dict[str, OrganView] = known.cache.setdefault("organs", {})
    if organ_id in cache_:
        return cache_[organ_id]
    levels: list[tuple[str | None, list[str]]] = []
    lineage: list[tuple[str | None, frozenset[str]]] = []
    abbreviations: list[str] = []
    current: str | None = organ_id
    seen: set[str] = set()
    while current and current not in seen and len(seen) < 12:
        seen.add(current)
        names = [t for s, t in sorted(known.name_texts.get(current, set())) if s != "hangul"]
        levels.append((known.organ_kind.get(current), names))
        if current != organ_id:
            lineage.append((current, frozenset(known.name_keys.get(current, set()))))
        if current in known.abbreviations:
            abbreviations.append(known.abbreviations[current])
        current = known.organ_parent.get(current)
    view = OrganView(
        organ_id,
        frozenset(known.name_keys.get(organ_id, set())),
        known.labels.get(organ_id, organ_id),
        _sector(levels),
        _broad(levels[0][0] if levels else None, levels[0][1] if levels else []),
        tuple(lineage),
        tuple(abbreviations),
    )
    cache_[organ_id] = view
    return view


def _entity_organ(reg: Changes, known: Known, key: str) -> OrganView:
    """An organ of the article (a known one, or one the article names for the first time)."""
    entity = reg.peek(key)
    if entity.known:
        return known_organ(known, entity.known)
    levels: list[tuple[str | None, list[str]]] = []
    lineage: list[tuple[str | None, frozenset[str]]] = []
    abbreviations: list[str] = []
    current: Entity | None = entity
    seen: set[str] = set()
    while current is not None and current.key not in seen and len(seen) < 12:
        seen.add(current.key)
        if current.known:  # a parent the folder has: the rest of the way is the folder's
            view = known_organ(known, current.known)
            lineage.append((current.known, view.keys))
            lineage.extend(view.lineage)
            abbreviations.extend(view.abbreviations)
            levels.extend(_known_levels(known, current.known))
            break
        names = [n.text for n in current.names if n.system != "hangul"]
        levels.append((current.attrs.get("organ_kind"), names))
        if current is not entity:
            lineage.append((None, frozenset(match_key(n) for n in names)))
        abbreviations.extend(n.text for n in current.names if n.kind == "abbreviation")
        abbreviations.extend(_capitals(names))  # "General Political Bureau of the KPA"
        parent = current.fields.get("parent")
        current = reg.peek(parent.key) if isinstance(parent, Ref) and parent.key in reg else None
    names = [n.text for n in entity.names if n.system != "hangul"]
    label = next(
        (n.text for n in entity.names if n.kind == "preferred"), names[0] if names else key
    )
    return OrganView(
        None,
        frozenset(match_key(n) for n in names),
        label,
        _sector(levels),
        _broad(entity.attrs.get("organ_kind"), names),
        tuple(lineage),
        tuple(abbreviations),
    )


def _capitals(names: list[str]) -> list[str]:
    """Abbreviations written inside names ("KPA" in "General Political Bureau of the KPA")."""
    out: list[str] = []
    for name in names:
        for word in name.split():
            core = word.strip(".,’'s")
            if 2 <= len(core) <= 5 and core.isalpha() and core.isupper() and core not in out:
                out.append(core)
    return out


def _known_levels(known: Known, organ_id: str) -> list[tuple[str | None, list[str]]]:
    out: list[tuple[str | None, list[str]]] = []
    current: str | None = organ_id
    seen: set[str] = set()
    while current and current not in seen and len(seen) < 12:
        seen.add(current)
        names = [t for s, t in sorted(known.name_texts.get(current, set())) if s != "hangul"]
        out.append((known.organ_kind.get(current), names))
        current = known.organ_parent.get(current)
    return out


# -- what the data folder says of a person ---------------------------------------------------


def record_cues(known: Known, person: str) -> list[Cue]:
    """What the data folder says of a person: their memberships (records and pending drafts)
    and the offices their record's description names."""
    cache_: dict[str, list[Cue]] = known.cache.setdefault("people", {})
    if person in cache_:
        return cache_[person]
    cues: list[Cue] = []
    # One cue per seat: a start and an end are often two records (elected in 2010, relieved
    # in 2012), which together say when the seat was held.
    seats: dict[tuple[str, str, str | None], list[Seat]] = {}
    for seat in known.seats.get(person, []):
        seats.setdefault((seat.organ, seat.role, seat.post), []).append(seat)
    for (organ_id, role, post), group in seats.items():
        organ = known_organ(known, organ_id)
        title = known.labels.get(post) if post else None
        label = title or f"{role.replace('-', ' ')} of the {organ.label}"
        firsts = [s.start or s.as_of for s in group if s.start or s.as_of]
        lasts = [s.end or s.as_of for s in group if s.end or (s.as_of and not s.start)]
        starts = [s.start for s in group if s.start]
        first = min(x for x in firsts if x) if firsts else None
        last = max(x for x in lasts if x) if lasts else None
        if last and starts and max(starts) > last:
            last = None  # elected again after the last end: still held
        ends = [s.end for s in group if s.end]
        since = min(starts) if starts else None
        until = max(ends) if ends and not (starts and max(starts) > max(ends)) else None
        source = ", ".join(
            f"membership {s.id}" + (" (pending)" if s.pending else "") for s in group
        )
        cues.append(Cue(label, source, organ, role, organ.sector, first, last, title, since, until))
    description = known.descriptions.get(person)
    if description:
        cues.extend(_description_cues(known, description))
    cache_[person] = cues
    return cues


def _description_cues(known: Known, text: str) -> list[Cue]:
    """Offices a description names ("Chief of the KPA General Staff from 2009 until July
    2012"), with the period it gives."""
    words = list(WORD_RE.finditer(text))
    keys = [word_key(w.group(0)) for w in words]
    gaps = [
        i + 1 < len(words) and _GAP_OK.fullmatch(text, w.end(), words[i + 1].start()) is not None
        for i, w in enumerate(words)
    ]
    first = last = None
    for date in find_dates(text):
        if date.date is None and date.range is None:
            continue
        since, until = date.since, date.until
        if since is not None and (first is None or since.iso < first):
            first = since.iso
        if until is not None and (last is None or until.iso > last):
            last = until.iso
    out: list[Cue] = []
    index: NameIndex = known.index
    for match in index.match(keys, [w.group(0) for w in words], gaps):
        refs = {
            (t.ref, t.kind) for t in match.targets if t.kind in ("organ", "post") and not t.weak
        }
        if len(refs) != 1:
            continue
        ref, kind = next(iter(refs))
        said = text[words[match.first].start() : words[match.last - 1].end()]
        if kind == "post":
            organ_role = known.post_roles.get(ref)
            if organ_role is None:
                continue
            organ = known_organ(known, organ_role[0])
            title = known.labels.get(ref)
            out.append(
                Cue(said, "description", organ, organ_role[1], organ.sector, first, last, title,
                    first, last)
            )  # fmt: skip
        else:
            organ = known_organ(known, ref)
            out.append(
                Cue(said, "description", organ, None, organ.sector, first, last, None, first, last)
            )
    return out


# -- what the article says of a person -------------------------------------------------------


def _article_cues(r: Context, key: str, mentions: list[Mention]) -> list[Cue]:
    """What the article says of the person ``key``: the facts it states of them, and the
    titles, organs and ranks written beside their name."""
    reg = r.reg
    out: list[Cue] = []
    reference = r.reference.iso if isinstance(r.reference, PartialDate) else None
    for fact in r.facts:
        if not isinstance(fact, Fact) or fact.kind != "membership" or fact.organ is None:
            continue
        if fact.person not in reg or reg.resolve(fact.person) != key:
            continue
        organ = _entity_organ(reg, r.known, fact.organ)
        words = " ".join(r.text[fact.sentence[0] : fact.sentence[1]].split())
        role_spans = [s for s in fact.spans if s.role in ("role", "post")]
        organ_spans = [s for s in fact.spans if s.role == "organ"]
        spans = role_spans + organ_spans
        label = (
            " ".join(r.text[min(s.start for s in spans) : max(s.end for s in spans)].split())
            if spans
            else f"{fact.role} of the {organ.label}"
        )
        # An end says nothing of when the seat began; a change or a title, when it was held.
        first = _iso(fact.start) or _iso(fact.as_of) or (None if fact.end else reference)
        last = _iso(fact.end) or (_iso(fact.as_of) if fact.start is None else None)
        title = _post_title(r, fact.post)
        out.append(
            Cue(label, f"“{_short(words)}”", organ, fact.role, organ.sector, first, last, title)
        )
    for mention in mentions:
        out.extend(_beside(r, mention, reference))
    unique: dict[tuple[Any, ...], Cue] = {}
    for cue in out:
        organ_key = (cue.organ.ref, cue.organ.keys) if cue.organ else None
        unique.setdefault((organ_key, cue.role, cue.sector, cue.label.lower()), cue)
    return list(unique.values())


def _iso(value: Any) -> str | None:
    return value.iso if isinstance(value, PartialDate) else None


def _short(text: str, width: int = 140) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _beside(r: Context, mention: Mention, reference: str | None) -> list[Cue]:
    """Titles, organs and ranks written right before a name ("Foreign Minister Ri Yong-ho")
    or in apposition after it ("Ri Yong Ho, chief of the General Staff of the KPA, ...")."""
    text = r.text
    windows: list[tuple[int, int]] = []
    after = re.compile(r"\s*,\s*").match(text, mention.end)
    sentence = r.doc.sentence_at(mention.start)
    limit = sentence.end if sentence is not None else len(text)
    if after is not None:
        start = after.end()
        stop = _APPOSITION_END.search(text, start, limit)
        end = stop.start() if stop is not None else limit
        people = [m.start for m in r.mentions_in(start, end, ("person",)) if m.start >= start]
        if people:
            end = min(end, min(people))
        if end > start:
            windows.append((start, end))
    cues: list[Cue] = []
    titles = [t for t in r.person_titles if isinstance(t, Title)]
    for title in titles:
        before = title.end <= mention.start and not text[title.end : mention.start].strip()
        inside = any(s <= title.start and title.end <= e for s, e in windows)
        if not (before or inside):
            continue
        cue = _title_cue(r, title, reference)
        if cue is not None:
            cues.append(cue)
    covered = [(t.start, t.end) for t in titles]
    for start, end in windows:
        if not _describes_office(r, start, end, titles):
            continue  # "Kim Tok Hun, who visited a county farm, ...": no office of his
        for m in r.mentions_in(start, end, ("organ", "post")):
            if any(s <= m.start and m.end <= e for s, e in covered):
                continue
            cue = _mention_cue(r, m, reference)
            if cue is not None:
                cues.append(cue)
        cues.extend(_window_words(r, start, end, reference))
    return cues


_LEADING = frozenset({"a", "an", "the", "former", "then", "also", "now", "currently", "newly"})


def _describes_office(r: Context, start: int, end: int, titles: list[Title]) -> bool:
    """An apposition that says what the person is: a title in it, or a rank or role first
    ("colonel general and ...", "a secretary of the ruling party ...")."""
    if any(start <= t.start < end for t in titles):
        return True
    indices = list(r.doc.words_between(start, end))
    keys = [r.doc.keys[i] for i in indices]
    first = 0
    while first < len(keys) and keys[first] in _LEADING:
        first += 1
    if first >= len(keys):
        return False
    rest = tuple(keys[first:])
    if any(rest[: len(rank)] == rank for rank in identity_rules().ranks):
        return True
    return fact_lexicon().role_at(rest, 0) is not None


def _title_cue(r: Context, title: Title, reference: str | None) -> Cue | None:
    said = " ".join(r.text[title.start : title.end].split())
    if title.organ is None:
        return None
    organ = _entity_organ(r.reg, r.known, title.organ)
    office = _post_title(r, title.post)
    return Cue(said, f"“{said}”", organ, title.role, organ.sector, reference, None, office)


def _post_title(r: Context, post: str | None) -> str | None:
    """The name the data folder gives a post of the article, if it has it."""
    if post is None or post not in r.reg:
        return None
    known = r.reg.peek(post).known
    return r.known.labels.get(known) if known else None


def _mention_cue(r: Context, m: Mention, reference: str | None) -> Cue | None:
    if m.entity is None:
        return None
    entity = r.reg.peek(m.entity)
    said = " ".join(m.text.split())
    if m.kind == "post":
        if entity.known:
            organ_role = r.known.post_roles.get(entity.known)
            if organ_role is None:
                return None
            organ = known_organ(r.known, organ_role[0])
            office = r.known.labels.get(entity.known)
            return Cue(
                said, f"“{said}”", organ, organ_role[1], organ.sector, reference, None, office
            )
        parent = entity.fields.get("organ")
        if not isinstance(parent, Ref):
            return None
        organ = _entity_organ(r.reg, r.known, parent.key)
        role = entity.fields.get("role")
        return Cue(said, f"“{said}”", organ, role if isinstance(role, str) else None,
                   organ.sector, reference)  # fmt: skip
    organ = _entity_organ(r.reg, r.known, m.entity)
    return Cue(said, f"“{said}”", organ, None, organ.sector, reference)


def _window_words(r: Context, start: int, end: int, reference: str | None) -> list[Cue]:
    """Ranks ("colonel general") and sector words ("provincial", "army") in an apposition,
    outside the names of organs and posts."""
    rules = identity_rules()
    named = [(m.start, m.end) for m in r.mentions_in(start, end) if m.kind in ("organ", "post")]
    indices = [
        i
        for i in r.doc.words_between(start, end)
        if not any(s <= r.doc.word_starts[i] < e for s, e in named)
    ]
    keys = tuple(r.doc.keys[i] for i in indices)
    cues: list[Cue] = []
    for rank in rules.ranks:
        if _contains(keys, rank):
            cues.append(Cue(" ".join(rank), "a military rank", None, None, "military", reference))
            break
    words = " ".join(" ".join(r.text[start:end].split()).split())
    for sector, _kinds, phrases in rules.sectors:
        if any(_contains(keys, p) for p in phrases):
            cues.append(Cue(_short(words, 80), f"“{_short(words)}”", None, None, sector, reference))
    return cues


# -- deciding ----------------------------------------------------------------------------------


@dataclass
class Verdict:
    """How one candidate compares with what the article says."""

    id: str
    agrees: list[str] = field(default_factory=list)
    conflict: bool = False
    cues: list[Cue] = field(default_factory=list)
    fits_date: bool = False

    def context(self) -> list[str]:
        return [c.describe() for c in self.cues][:6]

    @property
    def verdict(self) -> str:
        if self.agrees:
            return "agrees"
        if self.conflict:
            return "contradicts"
        return "nothing to compare" if not self.cues else "nothing in common"


@dataclass
class Decision:
    """Who a person the article names is."""

    decision: str
    """same (an existing record or pending draft), new (a namesake of existing people) or
    ambiguous (several plausible)"""
    id: str | None = None
    """for same: the record or draft"""
    why: str = ""
    verdicts: list[Verdict] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    """what the article says of the person"""
    qualifier: str | None = None
    """for new: what the id adds to the name to tell them apart"""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"decision": self.decision}
        if self.id:
            out["id"] = self.id
        out["why"] = self.why
        if self.cues:
            out["context"] = [c.describe() for c in self.cues][:6]
        if self.verdicts:
            out["candidates"] = [
                {"id": v.id, "verdict": v.verdict, "context": v.context()}
                if v.cues
                else {"id": v.id, "verdict": v.verdict}
                for v in self.verdicts
            ]
        if self.qualifier:
            out["qualifier"] = self.qualifier
        return out


def _compare(candidate: str, article: list[Cue], theirs: list[Cue], when: str | None) -> Verdict:
    verdict = Verdict(candidate, cues=theirs)
    for a in article:
        for b in theirs:
            agreement = _agreement(a, b)
            if agreement and agreement not in verdict.agrees:
                verdict.agrees.append(agreement)
                if when and _within(when, b):
                    verdict.fits_date = True
    if not verdict.agrees:
        ours = {c.sector for c in article if c.sector}
        known = {c.sector for c in theirs if c.sector}
        verdict.conflict = bool(ours and known and not ours & known)
    return verdict


def _meet(a: Cue, b: Cue, slack: int = 1) -> bool:
    """What the article says (``a``: when it was said, or the change's date) falls in the
    period the folder states for ``b`` (its recorded start and end; a seat recorded as of a
    date may have gone on), give or take ``slack`` years."""

    def year(value: str | None, default: int) -> int:
        return int(value[:4]) if value and value[:4].isdigit() else default

    a_first, a_last = year(a.first, -(10**6)), year(a.last, 10**6)
    b_first, b_last = year(b.since, -(10**6)), year(b.until, 10**6)
    return a_first <= b_last + slack and b_first <= a_last + slack


def _within(when: str, cue: Cue) -> bool:
    year = when[:4]
    first = (cue.first or "")[:4]
    last = (cue.last or "")[:4]
    return (not first or first <= year) and (not last or year <= last) and bool(first or last)


def decide(
    name: str,
    article: list[Cue],
    candidates: dict[str, list[Cue]],
    *,
    written: Iterable[str] = (),
    when: str | None = None,
    then: str | None = None,
) -> Decision:
    """Who the person ``name`` is, given what the article says of them (``article``) and what
    the data folder says of each candidate (id -> cues). ``written``: candidates the article's
    spelling singles out (a spelling recorded for them only: "Ri Yŏng-ho"); ``then``: the date
    of what the article says of the person, when no candidate was in office at ``when`` (the
    article's). The rules: the module docstring."""
    written = set(written)
    verdicts = [_compare(c, article, candidates[c], when) for c in sorted(candidates)]
    agreeing = [v for v in verdicts if v.agrees]
    if len(agreeing) > 1:
        dated = [v for v in agreeing if v.fits_date]
        if len(dated) == 1:
            agreeing = dated
    if len(agreeing) == 1:
        chosen = agreeing[0]
        others = [v.id for v in verdicts if v is not chosen]
        why = f"same person as {chosen.id}: same match key, {'; '.join(chosen.agrees[:2])}"
        if others:
            why += f" (not {', '.join(others)})"
        return Decision("same", chosen.id, why, verdicts, article)
    if len(agreeing) > 1:
        why = f"“{name}” may be any of {', '.join(v.id for v in agreeing)}: " + "; ".join(
            f"{v.id} {v.agrees[0]}" for v in agreeing
        )
        return Decision("ambiguous", None, why, verdicts, article)
    plausible = [v for v in verdicts if not v.conflict]
    if not plausible:
        told = "; ".join(f"{v.id}: {', '.join(v.context()[:2])}" for v in verdicts)
        here = ", ".join(c.describe() for c in article[:2])
        why = (
            f"a namesake of {', '.join(v.id for v in verdicts)}, not the same person: "
            f"here {here}; {told}"
        )
        return Decision("new", None, why, verdicts, article)
    plausible, by_sector, by_date = _narrow(plausible, article, written, when)
    if len(plausible) > 1 and not by_date and then:
        # (class CH) none in office at the article's date: the one in office at the time of
        # what it says ("elected ... on 28 September 2010" in a profile of 2024)
        fitting = [v for v in plausible if any(_within(then, c) for c in v.cues)]
        if len(fitting) == 1 and not any(
            _within(when or "", c) for v in plausible for c in v.cues
        ):
            plausible, by_date, when = fitting, True, then
    if len(plausible) == 1:
        chosen = plausible[0]
        if by_sector:
            reason = f"the only one known in the same sector ({by_sector})"
        elif by_date:
            periods = ", ".join(
                dict.fromkeys(c.period for c in chosen.cues if _within(when or "", c))
            )
            reason = f"the only one known in office at the time ({periods})"
        elif not article:
            reason = "nothing in the article to compare"
        elif not chosen.cues:
            reason = "the folder says nothing of them to compare"
        else:
            reason = "nothing in common, nothing contradicts"
        why = f"same person as {chosen.id}: same match key, {reason}"
        excluded = [v.id for v in verdicts if v.conflict]
        if excluded:
            why += f"; {', '.join(excluded)} held other offices"
        elif len(verdicts) > 1 and not by_date and not by_sector:
            why += f"; written as only {chosen.id}'s name is recorded"
        return Decision("same", chosen.id, why, verdicts, article)
    why = f"“{name}” may be any of {', '.join(v.id for v in plausible)}: " + (
        "the article says nothing that tells them apart"
        if not article
        else "what the article says matches none of them"
    )
    return Decision("ambiguous", None, why, verdicts, article)


def _narrow(
    plausible: list[Verdict], article: list[Cue], written: set[str], when: str | None
) -> tuple[list[Verdict], str | None, bool]:
    """Candidates nothing contradicts, narrowed by what can still tell them apart, in turn:
    the spelling (recorded for one only), the sector of the leadership, the time in office.
    Returns them with the sectors that decided (if they did) and whether the date did."""
    if len(plausible) > 1:
        exact = [v for v in plausible if v.id in written]
        if len(exact) == 1:
            plausible = exact
    by_sector: str | None = None
    ours = {c.sector for c in article if c.sector}
    if len(plausible) > 1 and ours:
        # The one known in the same walk of the leadership (a general among a general and a
        # minister of whom the folder knows nothing).
        near = [v for v in plausible if ours & {c.sector for c in v.cues if c.sector}]
        if len(near) == 1:
            plausible = near
            by_sector = ", ".join(sorted(ours & {c.sector for c in near[0].cues if c.sector}))
    if len(plausible) > 1 and when:
        # Nothing tells them apart but when: the one known to hold office at the time.
        fitting = [v for v in plausible if any(_within(when, c) for c in v.cues)]
        if len(fitting) == 1:
            return fitting, by_sector, True
    return plausible, by_sector, False


# -- the passes ---------------------------------------------------------------------------------


def namesakes(r: Context) -> Found:
    """A name several people of the data folder share ("Ri Yong Ho"): one new person for now,
    with those people as candidates, so the passes that read facts attach them to someone;
    :func:`identities` decides who it is."""
    changed = False
    out: list[Mention] = []
    for mention in r.mentions:
        if (
            mention.kind == "person"
            and mention.entity is None
            and len(mention.candidates) > 1
            and all(r.reg.peek(c).kind == "person" for c in mention.candidates if c in r.reg)
        ):
            ids = sorted(
                {r.reg.peek(c).known or "" for c in mention.candidates if c in r.reg} - {""}
            )
            if len(ids) > 1:
                key = _placeholder(r, mention, ids)
                mention = Mention(
                    mention.start, mention.end, mention.text, key, "person", mention.name_kind,
                    (), mention.honorific, mention.note,
                )  # fmt: skip
                changed = True
        out.append(mention)
    if changed:
        r.mentions.replace(out)
    return r.found()


def _placeholder(r: Context, mention: Mention, ids: list[str]) -> str:
    """One person per mention for now: an article may name two of the namesakes ("not to be
    confused with former KPA Chief of General Staff Ri Yong Ho"); :func:`identities` decides
    each, and joins those it cannot tell apart."""
    text = " ".join(mention.text.split())
    entity = r.reg.add(Entity(f"person:{match_key(text)}@{mention.start}", "person"))
    entity.add_name(NameDraft(text, spans=[(mention.start, mention.end)]))
    entity.note(f"a name several people share: {', '.join(ids)}", (mention.start, mention.end))
    entity.attrs["namesakes"] = sorted({*entity.attrs.get("namesakes", ()), *ids})
    return entity.key


_FAMILY_FIRST = frozenset({"chinese"})
"""the shapes of foreign names (``foreign_name``) written family name first"""


def family_names(r: Context) -> Found:
    """ "Jang had committed anti-party acts": a family name alone stands for the person of that
    family name the same article has already named in full; if it named several, the mention
    lists them as candidates; if none, it is nobody's (an unknown "Jang" is not Jang Song
    Thaek)."""
    rules = identity_rules()
    doc = r.doc
    named: dict[str, list[tuple[int, str, str]]] = {}
    """family name key -> (offset, entity key, full name's match key) of each full mention"""
    subjects: set[str] = set()
    """the people a headline names in full: what the article is about"""
    leaders: set[str] = set()
    """the people introduced as the leader ("leader Kim Jong Un")"""
    for mention in r.mentions:
        if mention.kind != "person" or not mention.entity or mention.name_kind == "epithet":
            continue
        words = mention.text.split()
        if len(words) < 2:
            continue
        key = r.reg.resolve(mention.entity)
        # "Xi Jinping" ... "Xi": a Chinese (or Vietnamese) name's family name comes first, as a
        # Korean one's does (foreign_people's shape of the name)
        family_first = is_korean_surname(words[0]) or r.reg.peek(key).attrs.get(
            "foreign_name"
        ) in _FAMILY_FIRST
        family = words[0] if family_first else words[-1]
        named.setdefault(word_key(family.split("-")[0]), []).append(
            (mention.start, key, match_key(mention.text))
        )
        block = doc.block_at(mention.start)
        if block is not None and doc.blocks[block].kind in ("title", "heading"):
            subjects.add(key)
        first = doc.word_index_at(mention.start)
        if first > 0 and doc.keys[first - 1] in rules.leader_words:
            leaders.add(key)
    if not named:
        return r.found()
    covered = [(m.start, m.end) for m in r.mentions]
    titled = {m.start for m in r.mentions if m.kind in ("post", "organ")}
    """where a post or an organ is named: a capitalized word no given name starts with"""
    added: list[Mention] = []
    for i, key in enumerate(doc.keys):
        owners = named.get(key)
        if not owners or not doc.is_cap(i) or doc.in_title(i):
            continue
        start, end = doc.span_of(i, i + 1)
        if any(s <= start < e for s, e in covered):
            continue
        if _in_longer_name(r, i) and not (
            i + 1 < len(doc.keys) and doc.word_starts[i + 1] in titled
        ):
            continue  # part of a longer name (not "appointed Kim Premier": a title after it)
        if (
            key in rules.english_family_names
            and doc.sentence_start_word(i)
            and i + 1 < len(doc.keys)
            and doc.keys[i + 1] in rules.not_after_name
        ):
            continue  # "So the visit was ...": a word, not So Hong Chan
        # The people named in full before, each by the latest mention of their name (a name
        # several people share is one mention per person until identities decides).
        latest: dict[str, str] = {}
        for at, owner, name in owners:
            if at < start:
                latest[name] = owner
        before = sorted(set(latest.values()))
        if len(before) > 1 and len(subjects.intersection(before)) == 1:
            # "Ch'oe Ryong-hae" (the headline) ... "son of Ch'oe Hyŏn" ... "Ch'oe headed":
            # the person the article is about
            before = sorted(subjects.intersection(before))
        if len(before) > 1:
            before = _the_leader(r, owners, leaders, start) or before
        if len(before) == 1:
            added.append(Mention(start, end, r.text[start:end], before[0], "person", "surname"))
        elif before:
            added.append(
                Mention(start, end, r.text[start:end], None, "person", "surname",
                        candidates=tuple(before))
            )  # fmt: skip
    if added:
        r.mentions.replace([*r.mentions, *added])
    return r.found()


def _in_longer_name(r: Context, i: int) -> bool:
    """Word ``i`` is next to a capitalized word of the same name ("Kim Jong", "Hyung-jin
    Kim": a given name in Western order, hyphenated, before the family name)."""
    doc = r.doc
    if i > 0 and doc.gap_ok[i - 1] and doc.is_cap(i - 1) and not _ends_a_role(r, i):
        return True
    if i + 1 < len(doc.words) and doc.gap_ok[i] and doc.is_cap(i + 1):
        return True
    if i > 1 and doc.gap_ok[i - 1] and doc.gap_ok[i - 2] and doc.is_cap(i - 2):
        between = r.text[doc.word_ends[i - 2] : doc.word_starts[i - 1]]
        return between == "-" and r.text[doc.word_ends[i - 1] : doc.word_starts[i]] == " "
    return False


def _ends_a_role(r: Context, i: int) -> bool:
    """A role phrase of the facts' lexicon ends right before word ``i`` ("Public Security
    Minister Ju", "Premier Pak"): a title before the family name, not a word of the name
    (class S)."""
    flex = fact_lexicon()
    keys = r.doc.keys
    for start in range(max(0, i - flex.longest_role), i):
        hit = flex.role_at(keys, start)
        if hit is not None and hit[0] == i:
            return True
    return False


def _the_leader(
    r: Context, owners: list[tuple[int, str, str]], leaders: set[str], start: int
) -> list[str] | None:
    """ "leader Kim Jong Un ... Kim Song Nam ... Kim made a speech": a bare family name is the
    one person of that family the article introduced as the leader, unless its paragraph named
    another of that family before it (then it may be that one: it stays ambiguous)."""
    named = {owner for at, owner, _ in owners if at < start}
    leader = named & leaders
    if len(leader) != 1:
        return None
    block = r.doc.block_at(start)
    if block is None:
        return None
    block_start = r.doc.blocks[block].start
    in_paragraph = {owner for at, owner, _ in owners if block_start <= at < start}
    return sorted(leader) if in_paragraph <= leader else None


def identities(r: Context) -> Found:
    """Decide who each person the article names is (module docstring), and make it so: merge
    them into the record or draft they are, make a namesake a new person, or list the
    candidates of an ambiguous name.

    A name several people share was one person per mention (:func:`namesakes`): each is decided
    on what is said beside it; those that stay undecided are joined per name and decided
    together, then every other person."""
    reg = r.reg
    when = r.reference.iso if isinstance(r.reference, PartialDate) else None
    decisions: list[dict[str, Any]] = []
    ambiguous: dict[str, tuple[str, ...]] = {}
    mentions = _mentions_by_entity(r)
    placeholders = [e for e in reg.of_kind("person") if e.attrs.get("namesakes")]
    undecided: dict[str, list[str]] = {}
    named: dict[str, dict[str, str]] = {}
    """name key -> the people the article's other mentions of that name are -> how written"""
    for entity in placeholders:
        decided = _decide(r, entity, mentions.get(entity.key, []), when)
        if decided is not None and decided[0].decision == "same" and decided[0].id:
            _record(r, entity, decided, mentions.get(entity.key, []), decisions, ambiguous)
            named.setdefault(entity.key.split("@")[0], {})[decided[0].id] = decision_name(
                entity, mentions.get(entity.key, [])
            )
        else:
            undecided.setdefault(entity.key.split("@")[0], []).append(entity.key)
    for key, entities in mentions.items():
        known = reg.peek(key).known if key in reg else None
        for mention in entities if known else []:
            named.setdefault(f"person:{match_key(mention.text)}", {}).setdefault(
                known or "", " ".join(mention.text.split())
            )
    for name_key, keys in undecided.items():
        for other in keys[1:]:
            reg.merge(keys[0], other)
        others = named.get(name_key, {})
        if len(others) == 1:
            # The article names one of the namesakes elsewhere, and only one: the same man.
            ((person, written),) = others.items()
            entity = reg.get(keys[0])
            decision = Decision(
                "same",
                person,
                f"same person as {person}: the article's other “{written}”, and no other of "
                "the namesakes",
            )
            _record(r, entity, (decision, [], set(), False), mentions_of(r, keys[0]),
                    decisions, ambiguous)  # fmt: skip
    undecided = {k: v for k, v in undecided.items() if len(named.get(k, {})) != 1}
    mentions = _mentions_by_entity(r)
    for entity in reg.of_kind("person"):
        if not reg.alive(entity.key) or entity.attrs.get("identity"):
            continue
        if entity.attrs.get("namesakes") and entity.key.split("@")[0] not in undecided:
            continue  # decided above
        entity_mentions = mentions.get(entity.key, [])
        decided = _decide(r, entity, entity_mentions, when)
        if decided is not None:
            _record(r, entity, decided, entity_mentions, decisions, ambiguous)
    if ambiguous:
        out = []
        for mention in r.mentions:
            if mention.entity and reg.resolve(mention.entity) in ambiguous:
                key = reg.resolve(mention.entity)
                mention = Mention(
                    mention.start, mention.end, mention.text, None, "person", mention.name_kind,
                    ambiguous[key], mention.honorific, mention.note,
                )  # fmt: skip
            out.append(mention)
        r.mentions.replace(out)
    if decisions:
        decisions.sort(key=lambda d: (d.get("at") or [len(r.text)])[0])
        r.article.attrs["identities"] = decisions
    return r.found()


def mentions_of(r: Context, key: str) -> list[Mention]:
    """The mentions of the person ``key`` by name (not by family name alone)."""
    return _mentions_by_entity(r).get(r.reg.resolve(key), [])


def _mentions_by_entity(r: Context) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for mention in r.mentions:
        if mention.kind == "person" and mention.entity and mention.name_kind != "surname":
            out.setdefault(r.reg.resolve(mention.entity), []).append(mention)
    return out


def _decide(
    r: Context, entity: Entity, mentions: list[Mention], when: str | None
) -> tuple[Decision, list[Cue], set[str], bool] | None:
    """The decision on one person, with what the article says of them, the candidates, and
    whether it is the obvious one (nothing worth saying); None when there is nothing to
    decide."""
    candidates = _candidates(r, entity, mentions)
    if not candidates or (candidates == {entity.known} and not mentions):
        return None
    theirs = {c: record_cues(r.known, c) for c in candidates}
    obvious = candidates == {entity.known} and entity.known in _written_as_recorded(
        r.known, candidates, entity, mentions, True
    )
    if obvious and not theirs[entity.known or ""]:
        return None  # "Kim Jong Un", written as recorded, the only one, nothing to contradict
    cues = _article_cues(r, entity.key, mentions)
    name = _name_of(entity, mentions, r.known)
    written = _singled_out(r, candidates, entity, mentions)
    then = _fact_date(r, entity.key) if len(candidates) > 1 else None
    decision = decide(name, cues, theirs, written=written, when=when, then=then)
    if decision.decision == "new":
        decision.qualifier = _qualifier(r, entity.known, candidates, cues)
    return decision, cues, candidates, obvious


def _record(
    r: Context,
    entity: Entity,
    decided: tuple[Decision, list[Cue], set[str], bool],
    mentions: list[Mention],
    decisions: list[dict[str, Any]],
    ambiguous: dict[str, tuple[str, ...]],
) -> None:
    decision, _cues, _candidates_, obvious = decided
    if not (obvious and decision.decision == "same"):
        entry: dict[str, Any] = {"entity": entity.key, "name": decision_name(entity, mentions)}
        if mentions:
            first = min(mentions, key=lambda m: m.start)
            entry["at"] = [first.start, first.end]
        entry.update(decision.as_dict())
        decisions.append(entry)
    _apply(r, entity, decision, mentions, ambiguous)


def decision_name(entity: Entity, mentions: list[Mention]) -> str:
    if mentions:
        return " ".join(min(mentions, key=lambda m: m.start).text.split())
    return next((n.text for n in entity.names if not n.derived), entity.key)


def _candidates(r: Context, entity: Entity, mentions: list[Mention]) -> set[str]:
    """People of the data folder whose names have a match key of this person's names as the
    article writes them."""
    texts = [m.text for m in mentions] + [n.text for n in entity.names if not n.derived]
    keys = {match_key(t) for t in texts if t.strip()}
    out: set[str] = set()
    for key in keys:
        out.update(r.known.people_by_key.get(key, set()))
    out.update(entity.attrs.get("namesakes", ()))
    if entity.known:
        out.add(entity.known)
    return {c for c in out if r.known.kinds.get(c, "person") == "person"}


def _name_of(entity: Entity, mentions: list[Mention], known: Known) -> str:
    if mentions:
        return " ".join(mentions[0].text.split())
    for name in entity.names:
        if not name.derived:
            return name.text
    return known.labels.get(entity.known or "", entity.key)


def _written_as_recorded(
    known: Known,
    candidates: set[str],
    entity: Entity,
    mentions: list[Mention],
    loosely: bool = False,
) -> set[str]:
    """Candidates with a name recorded as the article writes it (``loosely``: up to hyphens,
    "Choe Ryong-hae" for "Choe Ryong Hae")."""
    written = {_plain(m.text, loosely) for m in mentions} | {
        _plain(n.text, loosely) for n in entity.names if not n.derived
    }
    return {c for c in candidates if written & _recorded_forms(known, c, loosely)}


def _recorded_forms(known: Known, person: str, loosely: bool = False) -> set[str]:
    """The names of a person of the folder as :func:`_plain` writes them (computed once)."""
    cache_: dict[tuple[str, bool], set[str]] = known.cache.setdefault("forms", {})
    key = (person, loosely)
    if key not in cache_:
        cache_[key] = {_plain(t, loosely) for _, t in known.name_texts.get(person, ())}
    return cache_[key]


def _singled_out(
    r: Context, candidates: set[str], entity: Entity, mentions: list[Mention]
) -> set[str]:
    """Candidates the article's spelling singles out: a form of the name (or a spelling in
    parentheses after it, "Ri Yong Ho (Ri Yŏng-ho)") recorded for one candidate only."""
    forms = {_plain(m.text) for m in mentions} | {
        _plain(n.text) for n in entity.names if not n.derived
    }
    for mention in mentions:
        paren = r.doc.paren_after(mention.end)
        if paren is not None:
            forms.add(_plain(r.text[paren[0] + 1 : paren[1] - 1]))
    out: set[str] = set()
    for form in forms:
        having = {c for c in candidates if form in _recorded_forms(r.known, c)}
        if len(having) == 1 and not (
            any(
                form == strip_marks(other)
                for c in candidates - having
                for other in _recorded_forms(r.known, c)
            )
            and not _writes_marks(r.text)
        ):  # "Ri Yong-ho" is "Ri Yŏng-ho" without its breve too, in a text that writes no
            # breves: it singles out no one (class CH)
            out |= having
    return out


def _fact_date(r: Context, key: str) -> str | None:
    """The date of the first dated holding the article states of a person ("was elected ... on
    28 September 2010"): the time to find them in office at, rather than the article's (a
    Wikipedia page of 2024 on a general of 2010; class CH)."""
    for fact in r.facts:
        if not isinstance(fact, Fact) or fact.kind != "membership":
            continue
        if r.reg.resolve(fact.person) != key:
            continue
        date = fact.start or fact.as_of or fact.end
        if isinstance(date, PartialDate):
            return date.iso
    return None


def _writes_marks(text: str) -> bool:
    """Whether a text writes any letter with a diacritic ("ŏ", "ŭ")."""
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text))


def _plain(text: str, loosely: bool = False) -> str:
    text = text.replace("’", "'")
    if loosely:
        text = text.replace("-", " ")
    return " ".join(text.split()).casefold()


def _qualifier(r: Context, own: str | None, candidates: set[str], cues: list[Cue]) -> str:
    """What a namesake's id adds to the name: the abbreviation of the organ (or its parent)
    that tells them apart ("kpa"), else the year of the article."""
    theirs = {c.sector for cand in candidates for c in record_cues(r.known, cand) if c.sector}
    for cue in cues:
        if cue.organ is None or (cue.sector in theirs and cue.sector is not None):
            continue
        for abbreviation in cue.organ.abbreviations:
            slug = slugify(abbreviation)
            if 2 <= len(slug) <= 6 and slug.isalnum():
                return slug
    if isinstance(r.reference, PartialDate):
        return str(r.reference.year)
    for cue in cues:
        if cue.sector:
            return cue.sector
    return "new"


def _apply(
    r: Context,
    entity: Entity,
    decision: Decision,
    mentions: list[Mention],
    ambiguous: dict[str, tuple[str, ...]],
) -> None:
    reg = r.reg
    if decision.decision == "same" and decision.id is not None:
        if entity.known == decision.id:
            return
        if entity.known is not None:
            _unknown(reg, entity, mentions)
        target = reg.known(decision.id, "person")
        reg.merge(target.key, entity.key)
        return
    if entity.known is not None:
        _unknown(reg, entity, mentions)
    working = reg.get(entity.key)
    working.attrs["identity"] = decision.as_dict()
    others = ", ".join(v.id for v in decision.verdicts)
    working.note(
        f"a namesake of {others}, told apart by what is said of them (see identity)"
        if decision.decision == "new"
        else f"may be {others}, or someone new (see identity)"
    )
    if decision.decision == "ambiguous":
        options = [v.id for v in decision.verdicts if not v.conflict] or [
            v.id for v in decision.verdicts
        ]
        keys = tuple(reg.known(c, "person").key for c in options)
        if _referenced(r, entity.key):
            # What the article states of them needs a person: a draft, one of the choices.
            ambiguous[entity.key] = (*keys, entity.key)
        else:
            working.attrs["undrafted"] = True
            ambiguous[entity.key] = keys


def _referenced(r: Context, key: str) -> bool:
    """Something the article states refers to the person ``key``: a fact, a quotation, a field
    of another entity (an event's participants)."""
    reg = r.reg
    for fact in r.facts:
        person = getattr(fact, "person", None)
        if isinstance(person, str) and person in reg and reg.resolve(person) == key:
            return True
    for quote in r.quotes:
        if quote.speaker and quote.speaker in reg and reg.resolve(quote.speaker) == key:
            return True
    for other in reg.in_order():
        entity = reg.peek(other)
        if entity.key == key:
            continue
        for value in entity.fields.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Ref) and item.key in reg and reg.resolve(item.key) == key:
                    return True
    return False


def _unknown(reg: Changes, entity: Entity, mentions: list[Mention]) -> None:
    """A person the index took for a record, who is someone else: a new person, named as the
    article names them."""
    working = reg.get(entity.key)
    working.known = None
    for mention in mentions:
        working.add_name(NameDraft(" ".join(mention.text.split()),
                                   spans=[(mention.start, mention.end)]))  # fmt: skip
        working.note(f"named “{' '.join(mention.text.split())}”", (mention.start, mention.end))
