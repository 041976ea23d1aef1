"""Turn what was read into records: the article (with its images) and drafts of new entities.

Ids are minted from names (``kim-jong-su``, ``wpk-pb``, ``dprk-state-media-2013-01-25``), never
from counters, and never collide with an existing record; names get their spelling system and
kind, the one the records prefer first; every printed name keeps the document it was printed in
(a quotation's source, an image for its caption) as its source. Each draft carries why it was
proposed and the sentences that support it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..dates import PartialDate, parse_date
from ..model import Derivation, record_derivation, record_value_derivation
from ..names import match_key, slugify
from ..reading.entities import Entity, NameDraft, Ref
from ..reading.facts import Fact, event_id_name, fact_lexicon
from ..reading.gazetteer import gazetteer
from ..reading.known import Known
from ..reading.words import ORDINAL_WORDS, long_date, straight
from .read import Reading

__all__ = ["Draft", "Drafted", "finalize", "date_value"]

_SYSTEM_ORDER = {"en": 0, "dprk": 1, "hangul": 2, "hanja": 3, "mr": 4, "mr-ascii": 5, "rr": 6}
_KIND_ORDER = {"preferred": 0, "alternate": 1, "abbreviation": 2, "former": 3, "epithet": 4}
_EVIDENCE_WIDTH = 400
_ENTITY_ORDER = {"person": 0, "organ": 1, "post": 2, "event": 3, "article": 4, "membership": 5}


@dataclass
class Draft:
    """A proposed record, with the reasons and the sentences that support it."""

    id: str
    kind: str
    record: dict[str, Any]
    why: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    fact: dict[str, Any] | None = None
    """for a fact (membership, participation) the text states: its type and date basis"""
    identity: dict[str, Any] | None = None
    """for a person who shares a name with people of the folder: who they are not (or may
    be), and why (:mod:`kwpld.identity`)"""

    @property
    def label(self) -> str:
        names = self.record.get("names") or []
        if names:
            return str(names[0]["text"])
        return str(self.record.get("title") or self.id)


@dataclass
class Drafted:
    article: dict[str, Any]
    images: list[dict[str, Any]]
    drafts: list[Draft]
    ids: dict[str, str]
    """entity key -> record id"""
    problems: list[dict[str, Any]] = field(default_factory=list)
    identities: list[dict[str, Any]] = field(default_factory=list)
    """who the people the article names are, where that took a decision: the same as a record
    or pending draft (and why), a namesake, or one of several"""


def date_value(date: PartialDate) -> str:
    """How a record writes a date: as stated when that reads back the same, else ISO."""
    if date.stated:
        try:
            if parse_date(date.stated) == PartialDate(
                date.year, date.month, date.day, stated=date.stated, juche=date.juche
            ):
                return date.stated
            again = parse_date(date.stated)
            if (again.year, again.month, again.day) == (date.year, date.month, date.day):
                return date.stated
        except ValueError:
            pass
    return date.iso


class _Finalizer:
    def __init__(
        self, reading: Reading, known: Known, article_id: str, meta: dict[str, Any]
    ) -> None:
        self.reading = reading
        self.reg = reading.registry
        self.known = known
        self.text = reading.document.text
        self.article_id = article_id
        self.meta = meta
        self.ids: dict[str, str] = {}
        self.taken: set[str] = set()
        """ids given out for this article; records' and pending drafts' are in ``known``"""

    # -- ids --------------------------------------------------------------------------------
    def assign_ids(self) -> None:
        entities = sorted(
            self.reg.entities.values(), key=lambda e: (_ENTITY_ORDER.get(e.kind, 9), e.key)
        )
        for entity in entities:
            if entity.known:
                self.ids[entity.key] = entity.known
        self.ids[self.reading.article.key] = self.article_id
        self.taken.add(self.article_id)
        # Parents first, so children's ids can build on them (wpk -> wpk-pb).
        pending = [e for e in entities if not e.known and e.key not in self.ids]
        for _ in range(4):
            for entity in pending:
                if entity.key in self.ids:
                    continue
                candidate = self._candidate(entity)
                if candidate is None:
                    continue
                if self._same_numbered_event(entity, candidate):
                    entity.known = candidate  # referred to, not drafted again
                    self.ids[entity.key] = candidate
                    continue
                self.ids[entity.key] = self._unique(candidate)
        for entity in pending:
            if entity.key not in self.ids:
                self.ids[entity.key] = self._unique(slugify(entity.key)[:60] or "entity")

    def _same_numbered_event(self, e: Entity, candidate: str) -> bool:
        """A numbered event (or its series) whose id is an event's of the records or of another
        article's pending drafts is that event: the id is written one way whatever the text
        calls it (organ, term and ordinal; facts.yaml ``event_id_words``), so "7th session of
        the 9th Supreme People's Assembly" after "Seventh Session of the Ninth SPA of the
        DPRK" is the same session, not ``...-2``. Not when the series' id was cut short."""
        if e.kind != "event" or candidate in self.taken:
            return False
        if self.known.kinds.get(candidate) != "event":
            return False
        series = e if e.fields.get("type") == "series" else None
        if series is None and e.fields.get("ordinal") and isinstance(e.fields.get("series"), Ref):
            series = self.reg.peek(self.reg.resolve(e.fields["series"].key))
        if series is None or series.known:
            return series is not None
        name = _plural(event_id_name(self._english(series) or "series"))
        return len(slugify(name)) <= _ID_LIMIT

    def _is_taken(self, candidate: str) -> bool:
        return (
            candidate in self.taken
            or candidate in self.known.ids
            or candidate in self.known.pending
        )

    def _unique(self, candidate: str) -> str:
        candidate = re.sub(r"-+", "-", candidate).strip("-.") or "record"
        if not self._is_taken(candidate):
            self.taken.add(candidate)
            return candidate
        n = 2
        while self._is_taken(f"{candidate}-{n}"):
            n += 1
        self.taken.add(f"{candidate}-{n}")
        return f"{candidate}-{n}"

    def _id_of(self, ref: Ref | str | None) -> str | None:
        if ref is None:
            return None
        key = self.reg.resolve(ref.key if isinstance(ref, Ref) else ref)
        return self.ids.get(key)

    def _candidate(self, e: Entity) -> str | None:
        kind = e.kind
        if kind == "person":
            return self._person_id(e)
        if kind == "organ":
            organ_kind = e.attrs.get("organ_kind")
            if organ_kind == "party":
                abbrs = [n.text for n in e.names if n.kind == "abbreviation"]
                gloss_abbr = abbrs[0] if abbrs else None
                return slugify(gloss_abbr or self._english(e) or "party")
            parent = e.fields.get("parent")
            standing = e.attrs.get("standing")
            if standing and not gazetteer().organs[standing].code:
                return str(standing)  # "wpk-ogd", "spa-presidium", "kcna" (organs.yaml)
            code = _code(e)
            party = e.attrs.get("party")
            if code and party:
                party_id = self._id_of(party)
                if party_id is None:
                    return None
                return f"{party_id}-{code}"
            if isinstance(parent, Ref) and code:
                parent_id = self._id_of(parent)
                return f"{parent_id}-{code}" if parent_id else None
            return slugify(self._english(e) or e.key)[:60]
        if kind == "post":
            organ = self._id_of(e.fields.get("organ"))
            return f"{organ}-{e.fields.get('role')}" if organ else None
        if kind == "membership":
            person, organ = self._id_of(e.fields.get("person")), self._id_of(e.fields.get("organ"))
            if not person or not organ:
                return None
            when = e.fields.get("as_of")
            return f"{person}.{organ}" + (f".{when.iso}" if isinstance(when, PartialDate) else "")
        if kind == "event":
            event_type = e.fields.get("type")
            if event_type == "series":
                # one id whatever the text calls the series (facts.yaml event_id_words)
                return _short_slug(_plural(event_id_name(self._english(e) or "series")))
            if e.fields.get("series") is not None and e.fields.get("ordinal"):
                series = self._id_of(e.fields["series"])
                if series is None:
                    return None
                return f"{series}-{e.fields['ordinal']}"
            if event_type == "decision":
                organizer = self._id_of((e.fields.get("organizer") or [None])[0])
                date = e.fields.get("date")
                if organizer is None:
                    return None
                return f"{organizer}-decision" + (
                    f"-{date.iso}" if isinstance(date, PartialDate) else ""
                )
            if event_type == "conferral":
                title = re.split(r"\s+and\s+", e.fields.get("title", ""))[0]
                return "conferral-" + _short_slug(title)
            return self._event_id(e)
        if kind == "article":
            if e.fields.get("type") == "image":
                return f"{self.article_id}.image-{e.attrs.get('n', 1)}"
            if e.attrs.get("titled"):
                return _short_slug(e.fields.get("title", ""))
            issuer = self._id_of(e.attrs.get("issuer"))
            date = e.fields.get("date")
            if issuer is None:
                return None
            doc_type = e.fields.get("type")
            middle = "" if doc_type == "news" else f"-{doc_type}"
            return f"{issuer}{middle}" + (f"-{date.iso}" if isinstance(date, PartialDate) else "")
        return None

    def _event_id(self, e: Entity) -> str | None:
        """An event without an ordinal: its name, when that makes a short id; else, for a
        meeting an organ held on a day, the organ, the kind and the day
        (``wpk-pb-expanded-meeting-2020-08-13``, as decisions are ``pb-decision-2013-01-23``);
        else the name cut at a word."""
        name = self._english(e) or e.key
        slug = slugify(name)
        organizer = (e.fields.get("organizer") or [None])[0]
        date = e.fields.get("date")
        if len(slug) <= 60 or not isinstance(organizer, Ref) or not isinstance(date, PartialDate):
            return _short_slug(name)
        organ = self._id_of(organizer)
        if organ is None:
            return None
        head = slugify(re.split(r"\s+of\s+", name, maxsplit=1)[0])
        return _short_slug(f"{organ}-{head}-{date.iso}")

    def _person_id(self, e: Entity) -> str:
        """A new person's id: their name; for a namesake of people of the folder, or when the
        name's id is taken, the name and what tells them apart (``kim-jong-su-kpa``, the year
        of the article), chosen here rather than a silent ``-2``."""
        base = slugify(self._english(e) or e.key)
        identity = e.attrs.get("identity")
        qualifier = identity.get("qualifier") if isinstance(identity, dict) else None
        if not qualifier and self._is_taken(base):
            date = self.reading.reference
            qualifier = str(date.year) if isinstance(date, PartialDate) else None
            if qualifier:
                e.note(f"the id {base} is another record's; this person is {base}-{qualifier}")
        return f"{base}-{qualifier}" if qualifier else base

    def _english(self, e: Entity) -> str | None:
        for name in e.names:
            if name.system == "en" and name.kind == "preferred":
                return name.text
        for name in e.names:
            if name.system == "en" and name.kind not in ("epithet", "abbreviation", "former"):
                return name.text
        for name in e.names:
            if name.system == "en":
                return name.text
        return e.names[0].text if e.names else None

    # -- names -------------------------------------------------------------------------------
    def complete_names(self) -> None:
        """Preferred names, and the full names records use ("Political Bureau of the Central
        Committee of the Workers' Party of Korea", "Fourth Meeting of ...")."""
        organs = [e for e in self.reg.entities.values() if e.kind == "organ" and not e.known]
        done: set[str] = set()
        for _ in range(6):
            for organ in organs:
                if organ.key in done:
                    continue
                if self._complete_organ(organ):
                    done.add(organ.key)
        document = self.reading.document

        def headline_only(name: NameDraft) -> bool:
            blocks = [document.block_at(start) for start, _ in name.spans]
            return bool(blocks) and all(
                b is not None and document.blocks[b].kind in ("title", "heading") for b in blocks
            )

        for entity in self.reg.entities.values():
            if entity.known:
                continue
            if entity.kind == "event":
                # A headline's wording ("5th Plenary Meeting of 7th C.C., WPK") comes after the
                # body's ("... of the 7th Central Committee of the Workers' Party of Korea").
                entity.names.sort(key=headline_only)
                self._complete_event(entity)
            if entity.kind == "post":
                self._complete_post(entity)
            if entity.kind in ("person", "organ", "event", "post") and entity.names:
                _choose_preferred(entity)

    def _preferred_text(self, entity: Entity) -> str | None:
        if entity.known:
            return None
        for name in entity.names:
            if name.system == "en" and name.kind == "preferred":
                return name.text
        return None

    def _complete_organ(self, organ: Entity) -> bool:
        kind = organ.attrs.get("organ_kind")
        if kind == "party":
            gloss = organ.attrs.get("gloss")
            chosen = gloss or max(
                (n.text for n in organ.names if n.kind != "abbreviation"),
                key=lambda t: (len(t), t),
                default=None,
            )
            for name in organ.names:
                if name.text == chosen and name.system == "en":
                    name.kind = "preferred"
            return True
        parent = organ.fields.get("parent")
        collective = organ.attrs.get("collective")
        head = organ.attrs.get("head")
        if collective is not None:
            party = organ.attrs.get("party")
            if party and party in self.reg:
                party_entity = self.reg.get(party)
                if party_entity.known:
                    label = self.known.abbreviations.get(party_entity.known) or _known_name(
                        self, party_entity
                    )
                else:
                    label = (
                        _abbreviation(party_entity)
                        or self._preferred_text(party_entity)
                        or self._english(party_entity)
                    )
                if label:
                    organ.add_name(
                        NameDraft(
                            f"{collective.head} of the {label}", kind="preferred", derived=True
                        )
                    )
            return True
        qualified = any(
            n.system == "en" and n.kind != "abbreviation" and match_key(n.text) != match_key(head)
            for n in organ.names
        ) if head else False  # fmt: skip
        if head and isinstance(parent, Ref) and not (qualified and not _code(organ)):
            # "Political Bureau" of a party is its "Political Bureau of the Central Committee
            # of ..."; "Pyongyang City Party Committee" keeps its own name.
            parent_entity = self.reg.get(parent.key)
            parent_name = (
                self._preferred_text(parent_entity)
                if not parent_entity.known
                else _known_name(self, parent_entity)
            )
            if parent_name is None:
                return False
            full = (
                f"{head} of the {parent_name}"
                if not parent_name.lower().startswith("the ")
                else f"{head} of {parent_name}"
            )
            organ.add_name(NameDraft(full, kind="preferred", derived=True))
            parent_head = parent_entity.attrs.get("head")
            if parent_head and parent_entity.attrs.get("organ_kind") != "party":
                organ.add_name(NameDraft(f"{head} of the {parent_head}", derived=True))
            return True
        if not organ.names and head:
            # "a member of the Political Bureau" of a party the text does not name: the name
            # the text gives, for the review to complete
            spans = [
                (m.start, m.end) for m in self.reading.mentions
                if m.entity and self.reg.resolve(m.entity) == organ.key
            ]  # fmt: skip
            for text in sorted(organ.attrs.get("short") or {head}):
                organ.add_name(NameDraft(text, kind="preferred", spans=spans))
        return True

    def _complete_event(self, event: Entity) -> None:
        event_type = event.fields.get("type")
        if event_type == "series":
            members = [
                e for e in self.reg.entities.values()
                if e.kind == "event"
                and isinstance(e.fields.get("series"), Ref)
                and self.reg.resolve(e.fields["series"].key) == event.key
            ]  # fmt: skip
            votes: dict[str, int] = {}
            for member in members:
                for name in member.names:
                    if name.kind == "preferred" and name.text.split()[0].lower() in ORDINAL_WORDS:
                        base = name.text.split(" ", 1)[1]
                        votes[base] = votes.get(base, 0) + 1
            if votes:
                best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                event.add_name(NameDraft(best, kind="preferred"))
                for member in members:
                    ordinal = member.fields.get("ordinal")
                    if isinstance(ordinal, int) and not any(
                        n.kind == "preferred" for n in member.names
                    ):
                        word = _ORDINAL_WORDS_BY_NUMBER.get(ordinal)
                        if word:
                            member.add_name(
                                NameDraft(f"{word} {best}", kind="preferred", derived=True)
                            )
            return
        if event_type == "decision" and not event.names:
            organizer = (event.fields.get("organizer") or [None])[0]
            organ = self.reg.get(organizer.key) if isinstance(organizer, Ref) else None
            label = (
                (organ.attrs.get("head") if organ else None)
                or (self._english(organ) if organ else None)
                or "Decision"
            )
            date = event.fields.get("date")
            when = f" of {long_date(date)}" if isinstance(date, PartialDate) else ""
            event.add_name(NameDraft(f"{label} decision{when}", kind="preferred", derived=True))

    def _complete_post(self, post: Entity) -> None:
        organ = self.reg.get(post.fields["organ"].key)
        collective = organ.attrs.get("collective")
        role = post.fields.get("role", "")
        if collective is not None and collective.singular:
            post.add_name(
                NameDraft(f"{role} of a {collective.singular}", kind="preferred", derived=True)
            )

    # -- records -------------------------------------------------------------------------------
    def sources_of(self, spans: list[tuple[int, int]]) -> list[str]:
        out: list[str] = []
        for start, _ in spans:
            source = self._id_of(self._source_key(start))
            if source and source not in out:
                out.append(source)
        return out

    def _source_key(self, offset: int) -> str:
        for key in self.reading.images:
            block = self.reg.get(key).attrs.get("block")
            if block and block[0] <= offset < block[1]:
                return key
        for quote in self.reading.quotes:
            if quote.start <= offset < quote.end and quote.source:
                return quote.source
        return self.reading.article.key

    def names(self, entity: Entity) -> list[dict[str, Any]]:
        """Names as records write them: the first of each system is its preferred one (no
        ``kind``); later ones say their kind unless alternate; epithets and former names last."""
        ordered = sorted(
            enumerate(entity.names),
            key=lambda p: (p[1].kind in ("epithet", "former"), _SYSTEM_ORDER.get(p[1].system, 9),
                           _KIND_ORDER.get(p[1].kind, 5), p[0]),
        )  # fmt: skip
        seen: set[tuple[str, str]] = set()
        firsts: set[str] = set()
        out = []
        derived: list[tuple[dict[str, Any], NameDraft]] = []
        for _, name in ordered:
            if (name.system, name.text) in seen:
                continue
            seen.add((name.system, name.text))
            item: dict[str, Any] = {"text": name.text, "system": name.system}
            kind = name.kind
            if name.system not in firsts:
                firsts.add(name.system)
                if kind not in ("preferred", "alternate"):
                    item["kind"] = kind
            else:
                if kind == "preferred":
                    kind = "alternate"
                if kind != "alternate":
                    item["kind"] = kind
            if name.valid_from:
                item["valid_from"] = date_value(name.valid_from)
            if name.valid_until:
                item["valid_until"] = date_value(name.valid_until)
            renamed_by = self._id_of(name.renamed_by)
            if renamed_by:
                item["renamed_by"] = renamed_by
            sources = self.sources_of(name.spans) if not name.derived else []
            if sources:
                item["sources"] = sources
            if name.note:
                item["note"] = name.note
            out.append(item)
            if name.derived:
                derived.append((item, name))
        for item, name in derived:
            _mark_derived(item, _derivation(entity, name), out)
        return out

    def convert(self, value: Any) -> Any:
        if isinstance(value, Ref):
            return self._id_of(value)
        if isinstance(value, PartialDate):
            return date_value(value)
        if isinstance(value, list):
            out = []
            for item in value:
                converted = self.convert(item)
                if converted is not None and converted not in out:
                    out.append(converted)
            return out
        if isinstance(value, dict):
            return {
                k: v
                for k, v in ((k, self.convert(v)) for k, v in value.items())
                if v not in (None, [], "")
            }
        if isinstance(value, str):
            return value
        return value

    def entity_sources(self, entity: Entity) -> list[str]:
        spans = [s for n in entity.names for s in n.spans] + list(entity.evidence)
        spans += [(s, s) for s in entity.attrs.get("extra_sources", [])]
        return self.sources_of(sorted(set(spans)))

    def record(self, entity: Entity) -> dict[str, Any]:
        rid = self.ids[entity.key]
        f = entity.fields
        record: dict[str, Any] = {"id": rid}
        kind = entity.kind
        if kind == "person":
            record["names"] = self.names(entity)
            record["sources"] = self.entity_sources(entity)
        elif kind == "organ":
            record["kind"] = entity.attrs.get("organ_kind", "media-outlet")
            record["names"] = self.names(entity)
            if f.get("parent"):
                record["parent"] = self._id_of(f["parent"])
            record["sources"] = self.entity_sources(entity)
        elif kind == "post":
            record.update(
                {"organ": self._id_of(f["organ"]), "role": f["role"], "names": self.names(entity)}
            )
            record["sources"] = self.entity_sources(entity)
        elif kind == "membership":
            for key in ("person", "organ", "role", "status", "as_of"):
                if f.get(key) is not None:
                    record[key] = self.convert(f[key])
            record["sources"] = self.entity_sources(entity)
        elif kind == "event":
            record["type"] = f.get("type", "meeting")
            record["names"] = self.names(entity)
            for key in ("series", "ordinal", "date", "end", "location", "organizer"):
                if f.get(key) not in (None, []):
                    record[key] = self.convert(f[key])
            if f.get("participants"):
                sources = self.entity_sources(entity)
                record["participants"] = [
                    {"ref": self._id_of(p), "sources": sources} if sources else self._id_of(p)
                    for p in f["participants"]
                ]
            for key in ("about", "rules", "title", "conferred_by", "conferred_on"):
                if f.get(key) not in (None, []):
                    record[key] = self.convert(f[key])
            declared = [self._id_of(s) for s in f.get("sources", [])]
            record["sources"] = [
                s for s in dict.fromkeys([*declared, *self.entity_sources(entity)]) if s
            ]
            self.event_provenance(entity, record)
        elif kind == "article":
            record.update(self.article_fields(entity))
        return {k: v for k, v in record.items() if v not in (None, [], "")}

    def event_provenance(self, event: Entity, record: dict[str, Any]) -> None:
        """Which of an event's dates and place the article prints (``stated_in``), and which
        date was read from a weekday alone ("held on Tuesday"; "28 February (Friday)" with no
        year), which no source prints (``derived``, rule ``date-from-weekday``). A date found
        neither way (the article's own, "the same day") is left unqualified."""
        sentences = self._sentences(event)
        stated: list[str] = []
        for key in ("date", "end"):
            value = event.fields.get(key)
            if not isinstance(value, PartialDate) or key not in record:
                continue
            printed = [
                d for d in self.reading.dates
                if any(a <= d.start < b for a, b in sentences)
                and value.iso in {x.iso for x in (d.date, d.since, d.until) if x is not None}
            ]  # fmt: skip
            if any(not (d.year_inferred and d.weekday is not None) for d in printed):
                stated.append(key)
            elif printed:
                record_value_derivation(
                    record, "event", key, "date-from-weekday", self._weekday_words(printed[0].text)
                )
            else:
                weekday = next(
                    (
                        m for a, b in sentences for m in _WEEKDAY_WORD.finditer(self.text, a, b)
                        if value.day is not None
                        and value.earliest().weekday() == _WEEKDAY_NAMES.index(m.group(0))
                    ),
                    None,
                )  # fmt: skip
                if weekday is not None:
                    record_value_derivation(
                        record, "event", key, "date-from-weekday",
                        self._weekday_words(weekday.group(0)),
                    )  # fmt: skip
        location = record.get("location")
        if isinstance(location, str) and any(
            location in " ".join(self.text[a:b].split()) for a, b in sentences
        ):
            stated.append("location")
        if stated and self.article_id in record.get("sources", []):
            record["stated_in"] = {key: [self.article_id] for key in stated}

    def _sentences(self, entity: Entity) -> list[tuple[int, int]]:
        """The sentences that name or state something of ``entity``."""
        out: list[tuple[int, int]] = []
        for start, end in sorted({*entity.evidence, *[s for n in entity.names for s in n.spans]}):
            sentence = self.reading.document.sentence_at(start)
            bounds = (sentence.start, sentence.end) if sentence else (start, end)
            if bounds not in out:
                out.append(bounds)
        return out

    def _weekday_words(self, said: str) -> str:
        reference = self.reading.reference
        when = f" of {long_date(reference)}" if isinstance(reference, PartialDate) else ""
        return f"“{' '.join(said.split())}” in the report{when}"

    def article_fields(self, e: Entity) -> dict[str, Any]:
        f = e.fields
        out: dict[str, Any] = {"type": f.get("type", "news")}
        title = f.get("title") or self._describe(e)
        out["title"] = title
        for key in ("authors", "publisher", "date"):
            if f.get(key) not in (None, []):
                out[key] = self.convert(f[key])
        if f.get("type") == "image" or e.key == self.reading.article.key:
            language = self.meta.get("language")
            if language:
                out["language"] = language
        for key in ("caption", "credit", "part_of", "about", "mentions", "cites"):
            if f.get(key) not in (None, []):
                out[key] = self.convert(f[key])
        return out

    def _describe(self, e: Entity) -> str:
        """Titles of documents the text names without a title: "[DPRK state media report of 25
        January 2013]", in brackets as the records write descriptive titles."""
        issuer_key = e.attrs.get("issuer")
        issuer = self.reg.get(issuer_key) if issuer_key else None
        issuer_name = None
        if issuer is not None:
            issuer_name = (
                _known_name(self, issuer)
                if issuer.known
                else (self._preferred_text(issuer) or self._english(issuer))
            )
        date = e.fields.get("date")
        when = f" of {long_date(date)}" if isinstance(date, PartialDate) else ""
        doc_type = e.fields.get("type", "news")
        if doc_type == "news":
            return f"[{issuer_name or 'News'} report{when}]"
        return (
            f"[{doc_type.capitalize()} of the {issuer_name}{when}]"
            if issuer_name
            else f"[{doc_type.capitalize()}{when}]"
        )

    def evidence(self, entity: Entity) -> list[dict[str, Any]]:
        spans = sorted({*entity.evidence, *[s for n in entity.names for s in n.spans]})
        out = []
        seen_sentences: set[str] = set()
        for start, end in spans[:8]:
            sentence = self.reading.document.sentence_at(start)
            s_start, s_end = (
                (sentence.start, sentence.end)
                if sentence
                else (max(0, start - 150), min(len(self.text), end + 150))
            )
            if s_end - s_start > _EVIDENCE_WIDTH:
                s_start = max(s_start, start - _EVIDENCE_WIDTH // 2)
                s_end = min(s_end, end + _EVIDENCE_WIDTH // 2)
            text = " ".join(self.text[s_start:s_end].split())
            if text in seen_sentences:
                continue
            seen_sentences.add(text)
            out.append(
                {
                    "at": [start, end],
                    "text": " ".join(self.text[start:end].split()),
                    "sentence": text,
                }
            )
        return out


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(_WEEKDAY_NAMES)})\b")
_ORDINAL_WORDS_BY_NUMBER = {i: w.capitalize() for i, w in enumerate(ORDINAL_WORDS, start=1)}

_SMALL_WORDS = ("of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by")


_ID_LIMIT = 60
"""the longest id minted from a name (cut at a word beyond)"""


def _short_slug(text: str, limit: int = _ID_LIMIT) -> str:
    """A slug cut at a word boundary, not after a small word ("...-of-the")."""
    slug = slugify(text)
    if len(slug) <= limit:
        return slug
    words = slug[: limit + 1].split("-")[:-1] if slug[limit] != "-" else slug[:limit].split("-")
    while len(words) > 1 and words[-1] in _SMALL_WORDS:
        words.pop()
    return "-".join(words) or slug[:limit]


def _code(e: Entity) -> str | None:
    standing = e.attrs.get("standing")
    if standing:
        return gazetteer().organs[standing].code
    collective = e.attrs.get("collective")
    if collective is not None:
        code: str | None = collective.code  # a lexicon.OrganHead
        return code
    head = e.attrs.get("head")
    if head:
        from ..reading.lexicon import lexicon

        for organ_head in lexicon().organ_heads:
            if organ_head.head == head and organ_head.code:
                return organ_head.code
    return None


def _abbreviation(e: Entity) -> str | None:
    for name in e.names:
        if name.kind == "abbreviation":
            return name.text
    return None


def _known_name(finalizer: _Finalizer, e: Entity) -> str | None:
    return finalizer.known.labels.get(e.known or "")


def _plural(text: str) -> str:
    """Series ids in the plural: "Meeting" -> "Meetings", "Congress" -> "Congresses", "Plenary
    Meeting of ..." -> "Plenary Meetings of ..."."""
    words = text.split()
    heads = ("meeting", "conference", "congress", "session", "course", "rally", "plenum")
    own = words[: words.index("of")] if "of" in words else words  # "Plenary Meeting of ..."
    at = next((i for i in range(len(own) - 1, -1, -1) if own[i].lower() in heads), None)
    if at is not None:
        words[at] = words[at] + ("es" if words[at].endswith("s") else "s")
    return " ".join(words)


def _derivation(entity: Entity, name: NameDraft) -> Derivation | None:
    """How a name no source prints was made: as the pass that made it says; else a name of
    the gazetteer of standing organs (kwpld/reading/organs.yaml) is the curated name it is
    (None: no derivation to record); an English name of an entity whose other names are all
    printed in Hangul is translated from the first; any other was composed from names and
    facts ("Political Bureau of the Central Committee of ...", "Fourth Meeting of ...")."""
    if name.derivation is not None:
        return name.derivation
    standing = entity.attrs.get("standing")
    if standing:
        organ = gazetteer().organs.get(standing)
        if organ is not None and name.text in {
            straight(n) for n in (*organ.names, *organ.abbreviations)
        }:
            return None
    if name.system == "en":
        printed = [n for n in entity.names if not n.derived]
        if printed and all(n.system == "hangul" for n in printed):
            return Derivation("translated", printed[0].text, "hangul")
    return Derivation("composed")


def _mark_derived(
    item: dict[str, Any], how: Derivation | None, names: list[dict[str, Any]]
) -> None:
    """Write a derived name's ``derived_from`` (:func:`kwpld.model.record_derivation`). The
    name it came from must be one the record writes; if it is not (deduplicated away, or of a
    system the rule does not derive from), the name is recorded as composed, which names no
    single source."""
    if how is None:
        return
    rule, text, system = how.rule, how.text, how.system
    if text is not None or system is not None:
        present = any(
            n is not item
            and (text is None or n["text"] == text)
            and (system is None or n["system"] == system)
            for n in names
        )
        if not present:
            rule, text, system = "composed", None, None
    try:
        record_derivation(item, rule, text, system)
    except ValueError:
        record_derivation(item, "composed")


def _choose_preferred(entity: Entity) -> None:
    """One preferred English name: the one marked, else the first printed plain name."""
    english = [n for n in entity.names if n.system == "en"]
    marked = [n for n in english if n.kind == "preferred"]
    if marked:
        for extra in marked[1:]:
            extra.kind = "alternate"
        return
    for name in english:
        if name.kind == "alternate" and not (
            entity.kind == "person" and name.derived and len(english) > 1
        ):
            name.kind = "preferred"
            return


def finalize(reading: Reading, known: Known, *, article_id: str, meta: dict[str, Any]) -> Drafted:
    """Records for the article, its images and every new entity, with ids."""
    fin = _Finalizer(reading, known, article_id, meta)
    fin.complete_names()
    fin.assign_ids()
    article = reading.article
    record: dict[str, Any] = {"id": article_id}
    record.update(fin.article_fields(article))
    record["title"] = meta.get("title") or record.get("title")
    quotes = []
    for quote in article.fields.get("quotes", []):
        item: dict[str, Any] = {}
        source, speaker = fin._id_of(quote.get("source")), fin._id_of(quote.get("speaker"))
        if source:
            item["source"] = source
        if speaker:
            item["speaker"] = speaker
        item["text"] = _quote_text(quote["text"])
        quotes.append(item)
    if quotes:
        record["quotes"] = quotes
    images = [fin.record(reading.registry.get(k)) for k in reading.images]
    drafts: list[Draft] = []
    skip = {article.key, *reading.images}
    for entity in sorted(
        reading.registry.entities.values(),
        key=lambda e: (_ENTITY_ORDER.get(e.kind, 9), fin.ids[e.key]),
    ):
        if entity.known or entity.key in skip or entity.attrs.get("undrafted"):
            continue  # (undrafted: a name that may be any of several records, and no more)
        identity = entity.attrs.get("identity") if entity.kind == "person" else None
        drafts.append(
            Draft(
                fin.ids[entity.key],
                entity.kind,
                fin.record(entity),
                list(entity.why),
                fin.evidence(entity),
                identity=(
                    {**identity, "id": fin.ids[entity.key]} if isinstance(identity, dict) else None
                ),
            )
        )
    taken = {d.id for d in drafts}
    for draft in fact_drafts(fin, reading, article_id):
        if draft.id in taken:
            continue
        taken.add(draft.id)
        drafts.append(draft)
    identities = _identities(fin, reading)
    problems = _problems(fin, reading, identities)
    return Drafted(record, images, drafts, fin.ids, problems, identities)


def _problems(
    fin: _Finalizer, reading: Reading, identities: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """What the review file asks a curator to look at: dates that contradict themselves,
    names that may be any of several records, and new people who share a name with others."""
    problems: list[dict[str, Any]] = []
    for date in reading.dates:
        for code, message in date.problems:
            problems.append(
                {"code": code, "at": [date.start, date.end], "text": date.text, "message": message}
            )
    for mention in reading.mentions:
        if mention.entity is None and mention.candidates:
            candidates = [fin._id_of(c) for c in mention.candidates]
            problems.append(
                {
                    "code": "ambiguous-mention",
                    "at": [mention.start, mention.end],
                    "text": mention.text,
                    "message": f"“{mention.text}” may be any of "
                    f"{', '.join(c for c in candidates if c)}; "
                    "add the right one to the article's mentions",
                    "candidates": [c for c in candidates if c],
                }
            )
    for entry in identities:
        if entry["decision"] == "new":
            problems.append(
                {
                    "code": "namesake",
                    "at": entry.get("at", [0, 0]),
                    "text": entry["name"],
                    "message": f"“{entry['name']}” is proposed as a new person, {entry['id']}, "
                    f"a namesake of {', '.join(c['id'] for c in entry.get('candidates', []))}; "
                    "if they are the same person, reject the draft (its identity says why)",
                    "candidates": [c["id"] for c in entry.get("candidates", [])],
                }
            )
    return problems


def _identities(fin: _Finalizer, reading: Reading) -> list[dict[str, Any]]:
    """The identity decisions of the article, with the ids the people got."""
    out = []
    for entry in reading.article.attrs.get("identities", []):
        item = dict(entry)
        key = reading.registry.resolve(str(item.pop("entity")))
        if item["decision"] != "same":
            item["id"] = fin.ids.get(key, item.get("id"))
        ordered = {k: item[k] for k in ("name", "at", "decision", "id") if k in item}
        ordered.update({k: v for k, v in item.items() if k not in ordered})
        out.append(ordered)
    return out


def _quote_text(text: str) -> str:
    """Quotations keep their words and paragraphs; runs of spaces (and no-break spaces) fold."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def english_label(record: dict[str, Any]) -> str:
    for name in record.get("names", []):
        if name.get("system") == "en" and name.get("kind", "preferred") == "preferred":
            return str(name["text"])
    return str(record.get("title") or record.get("id"))


__all__ += ["english_label", "match_key", "straight"]


# -- facts ----------------------------------------------------------------------------------------


def fact_drafts(fin: _Finalizer, reading: Reading, article_id: str) -> list[Draft]:
    """Membership drafts from the holdings facts: the facts about one person's role in one
    organ become one draft per change (a start, an end), a title stated of them joining the
    change, or making a draft of its own (as of its date)."""
    groups: dict[tuple[str, str, str, str], list[Fact]] = {}
    for fact in reading.facts:
        if not isinstance(fact, Fact) or fact.kind != "membership" or fact.organ is None:
            continue
        person, organ = fin._id_of(fact.person), fin._id_of(fact.organ)
        if person is None or organ is None or fact.role is None:
            continue
        # a term the text tells apart by itself (an undated SPA convocation) is a group of its own
        groups.setdefault((person, organ, fact.role, fact.term), []).append(fact)
    lex = fact_lexicon()
    out: list[Draft] = _participation_drafts(fin, reading, article_id)
    for (person, organ, role, _term), facts in groups.items():
        known_person = fin.known.ids.__contains__(person) and person not in fin.known.pending
        known_organ = fin.known.ids.__contains__(organ) and organ not in fin.known.pending
        recorded = known_person and known_organ and (person, organ, role) in fin.known.memberships
        # a seat an analyst projects is a draft apart from what the text says happened ("Ri was
        # demoted from the Presidium ... is likely to return to the Presidium"); a projected
        # end stays with the term it would end
        ahead = [f for f in facts if f.status == "projected" and f.type not in lex.ending]
        parts = [
            term
            for kept in ([f for f in facts if f not in ahead], ahead)
            if kept
            for term in _terms(
                [f for f in kept if f.type in lex.beginning],
                [f for f in kept if f.type in lex.ending],
                [f for f in kept if f.type not in lex.beginning and f.type not in lex.ending],
            )
        ]  # fmt: skip
        for part in parts:
            if (
                recorded
                and not any(f.type in lex.ending for f in part)
                and not all(f.status == "projected" for f in part)  # a projection is news
            ):
                continue  # the folder has this membership already
            out.append(_membership_draft(fin, reading, article_id, person, organ, role, part))
    return sorted(out, key=lambda d: d.id)


def _precise(date: PartialDate, dates: list[PartialDate]) -> PartialDate:
    """The most precise of the dates that may be the same day as ``date`` ("2003" and
    "September 2003": the latter)."""
    return max((d for d in dates if _overlap(d, date)), key=lambda d: len(d.iso), default=date)


def _overlap(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Whether two dates may be the same day (2013-03 and 2013-03-31 may)."""
    if a is None or b is None:
        return a is b
    return a.earliest() <= b.latest() and b.earliest() <= a.latest()


def _term_first(term: list[Fact]) -> PartialDate | None:
    """The earliest start a term's facts give."""
    dates = [f.start for f in term if f.start is not None]
    return min(dates, key=lambda d: d.earliest()) if dates else None


def _term_last(term: list[Fact]) -> PartialDate | None:
    """The latest end a term's facts give."""
    dates = [f.end for f in term if f.end is not None]
    return max(dates, key=lambda d: d.latest()) if dates else None


def _when(fact: Fact, field: str) -> PartialDate | None:
    value: PartialDate | None = getattr(fact, field) or fact.as_of
    return value


def _by_date(field: str) -> Callable[[Fact], tuple[int, str]]:
    def sort_key(fact: Fact) -> tuple[int, str]:
        d = _when(fact, field)
        return (0, "") if d is None else (1, d.earliest().isoformat())

    return sort_key


def _firm(fact: Fact) -> bool:
    """Dated by its own sentence (not by the event, a weekday or the article)."""
    return fact.date_basis == "sentence"


def _terms(begin: list[Fact], end: list[Fact], holds: list[Fact]) -> list[list[Fact]]:
    """The facts about one person's role in one organ, one list per term: each start (changes
    on one day are one start) with the first end on or after it; a period a title gives
    ("served as Premier from 2003 to 2007") joins the term it overlaps, else is a term of its
    own; a title as of a date joins the term that covers the date, an undated one the last."""
    first, last = _term_first, _term_last
    terms: list[list[Fact]] = []
    for fact in sorted(begin, key=lambda f: (not _firm(f), _by_date("start")(f))):
        d = _when(fact, "start")
        same = next(
            (
                t for t in terms
                if not _firm(fact) or d is None or first(t) is None or _overlap(first(t), d)
            ),
            None,
        )  # fmt: skip
        if same is not None:
            same.append(fact)
        else:
            terms.append([fact])
    for fact in sorted(end, key=lambda f: (not _firm(f), _by_date("end")(f))):
        d = _when(fact, "end")
        open_ = [
            t for t in terms
            if (d is None or first(t) is None or first(t).earliest() <= d.latest())  # type: ignore[union-attr]
            and (last(t) is None or not _firm(fact) or _overlap(last(t), d))
        ]  # fmt: skip
        if open_:
            open_[-1].append(fact)
        elif terms and not _firm(fact):
            terms[-1].append(fact)
        else:
            terms.append([fact])

    def order(fact: Fact) -> int:
        return 0 if fact.start or fact.end else 1 if fact.as_of else 2

    for fact in sorted(holds, key=order):
        target = _term_for_holding(fact, terms)
        if target is not None:
            target.append(fact)
        else:
            terms.append([fact])
    return terms


def _next_term(fact: Fact, first: PartialDate | None, last: PartialDate | None) -> bool:
    """(class CD) A period that begins after a term's start and ends after its end, touching it
    only at the boundary ("1993-1998: Vice-premier of the Administration Council", then
    "September 1998: Appointed vice-premier of the Cabinet ..., serving until 2004"), is the
    next term, not the same one."""
    a, b = fact.start, fact.end
    if a is None or b is None or first is None or last is None:
        return False
    return a.earliest() > first.latest() and b.earliest() > last.latest()


def _term_for_holding(fact: Fact, terms: list[list[Fact]]) -> list[Fact] | None:
    """The term a title joins: the last one its period or its as-of date falls in; an undated
    title the last term; else the last undated term ("X, who had been chief since 2016, was
    replaced": the change undated, one term)."""
    a, b = fact.start, fact.end
    target = None
    for t in terms:
        s_, e_ = _term_first(t), _term_last(t)
        if a is not None or b is not None:
            lo = (a or b).earliest()  # type: ignore[union-attr]
            hi = (b or a).latest()  # type: ignore[union-attr]
            dated = s_ is not None or e_ is not None
            if (
                dated
                and (s_ is None or s_.earliest() <= hi)
                and (e_ is None or lo <= e_.latest())
                and not _next_term(fact, s_, e_)
            ):
                target = t
        elif fact.as_of is not None:
            at = fact.as_of
            if (s_ is None or s_.earliest() <= at.latest()) and (
                e_ is None or at.earliest() <= e_.latest()
            ):
                target = t
        else:
            target = t
    if target is None and terms and fact.start is None and fact.end is None:
        target = terms[-1] if fact.as_of is None else None
    if target is None:
        undated = [
            t for t in terms
            if all(f.start is None and f.end is None and f.as_of is None for f in t)
        ]  # fmt: skip
        target = undated[-1] if undated else None
    return target

def _membership_draft(
    fin: _Finalizer,
    reading: Reading,
    article_id: str,
    person: str,
    organ: str,
    role: str,
    facts: list[Fact],
) -> Draft:
    lex = fact_lexicon()
    primary = next((f for f in facts if f.type != "holds"), facts[0])
    # The dates the text ties most closely to the fact: the sentence's, then the event's, then
    # a weekday's, then the article's.
    rank = {"sentence": 0, "event": 1, "weekday": 2, "article": 3, "none": 4}

    def closest(field: str) -> list[PartialDate]:
        dated = [f for f in facts if getattr(f, field) is not None]
        best = min((rank.get(f.date_basis, 4) for f in dated), default=4)
        return [getattr(f, field) for f in dated if rank.get(f.date_basis, 4) == best]

    starts, ends = closest("start"), closest("end")
    as_ofs = [f.as_of for f in facts if f.as_of is not None]
    start = _precise(min(starts, key=lambda d: d.earliest()), starts) if starts else None
    end = _precise(max(ends, key=lambda d: d.latest()), ends) if ends else None
    as_of = max(as_ofs, key=lambda d: d.latest()) if as_ofs and not start and not end else None
    post = next((fin._id_of(f.post) for f in facts if f.post), None)
    statuses = [f.status for f in facts]
    status = next((s for s in ("confirmed", "reported", "projected") if s in statuses), "reported")
    if primary.type != "holds":
        status = primary.status
    when = start if primary.type in lex.beginning else end if primary.type in lex.ending else None
    when = when or as_of or start or end
    target = post or (organ if role == "member" else f"{organ}-{role}")
    rid = fin._unique(f"{person}.{target}" + (f".{when.iso}" if when else ""))
    record: dict[str, Any] = {"id": rid, "person": person, "organ": organ, "role": role}
    if post:
        record["post"] = post
    derived: dict[str, tuple[str, str]] = {}
    for key, value in (("start", start), ("end", end), ("as_of", as_of)):
        if value is not None:
            record[key] = date_value(value)
            how = _date_derivation(fin, reading, facts, key, value)
            if how is not None:
                derived[key] = how
    record["status"] = status
    record["sources"] = [article_id]
    for key, (rule, text) in derived.items():
        record_value_derivation(record, "membership", key, rule, text)
    why = list(dict.fromkeys(f.why for f in facts if f.why))
    return Draft(
        rid,
        "membership",
        record,
        why,
        [_fact_evidence(fin, f) for f in _one_per_sentence(facts)],
        {"type": primary.type, "date_basis": primary.date_basis, "rule": primary.rule},
    )


def _date_derivation(
    fin: _Finalizer, reading: Reading, facts: list[Fact], field: str, value: PartialDate
) -> tuple[str, str] | None:
    """The rule and the words for a date ``value`` of ``field`` that no source prints: read
    from a weekday ("on Friday", "28 February (Friday)" with no year), or a change the text
    does not date, dated by the report's own day (``inferred``). None for a date the text
    states, the date of the event the fact belongs to, or an ``as_of`` (the day the source
    states the membership, which is what as_of means)."""
    reference = reading.reference
    when = f" of {long_date(reference)}" if isinstance(reference, PartialDate) else ""
    for fact in facts:
        if getattr(fact, field) is None or getattr(fact, field).iso != value.iso:
            continue
        if fact.date_basis == "weekday":
            said = next((s for s in fact.spans if s.role == "date"), None)
            words = " ".join(fin.text[said.start : said.end].split()) if said else "a weekday"
            return "date-from-weekday", f"“{words}” in the report{when}"
        if fact.date_basis == "article" and field in ("start", "end"):
            return "inferred", f"the day of the report{when}; the text does not date the change"
        return None
    return None


def _participation_drafts(fin: _Finalizer, reading: Reading, article_id: str) -> list[Draft]:
    """Participation drafts: accepting one adds {ref, role, sources} to the event's
    participants."""
    out: list[Draft] = []
    for fact in reading.facts:
        if not isinstance(fact, Fact) or fact.kind != "participation" or fact.event is None:
            continue
        event, person = fin._id_of(fact.event), fin._id_of(fact.person)
        if event is None or person is None or (event, person) in fin.known.participants:
            continue
        rid = f"{event}.{person}"
        record: dict[str, Any] = {"id": rid, "event": event, "ref": person}
        if fact.role:
            record["role"] = fact.role
        record["sources"] = [article_id]
        why = [fact.why] if fact.why else []
        out.append(
            Draft(
                rid,
                "participation",
                record,
                why,
                [_fact_evidence(fin, fact)],
                {"type": fact.type, "status": fact.status, "rule": fact.rule},
            )  # fmt: skip
        )
    return out


def _one_per_sentence(facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for fact in facts:
        if all(f.sentence != fact.sentence for f in out):
            out.append(fact)
    return out[:8]


def _fact_evidence(fin: _Finalizer, fact: Fact) -> dict[str, Any]:
    start, end = fact.sentence
    text = fin.text
    return {
        "at": [start, end],
        "sentence": " ".join(text[start:end].split()),
        "spans": [
            {
                "at": [s.start, s.end],
                "text": " ".join(text[s.start : s.end].split()),
                "role": s.role,
            }
            for s in fact.spans
        ],
    }
