"""What kwpld holds about its linked records, as Wikidata statements.

One list of :class:`Fact` feeds two outputs: the Wikidata-style graph of the build
(:mod:`kwpld.wikidata.rdf`, so queries written for the Wikidata Query Service run over kwpld's
data) and the QuickStatements export of the facts Wikidata lacks
(:mod:`kwpld.link.quickstatements`). A fact's subject is always a record with a Wikidata item
(an accepted link, or a curated ``wikidata`` field); its value is a Wikidata item when the
record it points at has one, and that record otherwise.

Property choices: people P31 (Q5), P21, P27, P569, P570, P1559 (Hangul), P1942
(McCune-Reischauer), P2001 (Revised Romanization); memberships P39 (a post held), P102 (the
party) or P463 (any other organ), qualified by P580/P582 (start/end) and P585 (as of); organs
P31, P361, P571, P576; events P31, P585 (or P580/P582), P179 with P1545 (series and number),
P664 (organizer), P710 (participants); publications P1476, P577, P50/P170, P123, P1433, P361,
P2860, P921, P407, P953. A projected membership (an analyst's estimate) is a full statement
but not a truthy ``wdt:`` triple, so plain WDQS-style queries do not read it as fact.

A fact's ``sources`` are the sources the record says state that very value: a name's own
``sources``, a field's ``stated_in`` (and a publication for its own fields, a membership's or
participation's ``sources`` for that claim), never the record's ``sources`` as a whole. A value
the record marks derived (a name's ``derived_from``, a field in ``derived``) has no sources and
is flagged ``derived``; the QuickStatements export leaves it out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..dates import PartialDate
from ..model import Article, Event, Membership, Name, Organ, Person, Records, fact_sources
from .terms import GENDER_QIDS, KIND_CLASSES, LANGUAGE_QIDS, ORGAN_KIND_CLASSES, country_qid

__all__ = ["Value", "Fact", "Label", "WikidataView", "wikidata_view", "PROPERTY_KINDS"]

PROPERTY_KINDS: dict[str, dict[str, str]] = {
    "statement": {
        "P21": "item",
        "P27": "item",
        "P31": "item",
        "P39": "item",
        "P50": "item",
        "P102": "item",
        "P123": "item",
        "P170": "item",
        "P179": "item",
        "P361": "item",
        "P407": "item",
        "P463": "item",
        "P664": "item",
        "P710": "item",
        "P921": "item",
        "P1433": "item",
        "P2860": "item",
        "P569": "time",
        "P570": "time",
        "P571": "time",
        "P576": "time",
        "P577": "time",
        "P580": "time",
        "P582": "time",
        "P585": "time",
        "P1476": "monolingual",
        "P1559": "monolingual",
        "P1942": "string",
        "P2001": "string",
        "P953": "url",
    },
    "qualifier": {"P580": "time", "P582": "time", "P585": "time", "P1545": "string"},
}
"""Every property a fact's main value (``statement``) or qualifier can have, with its value kind.

The shapes group Wikidata-style properties by these kinds; a test keeps them, this table and
the properties used below equal.
"""


@dataclass(frozen=True, slots=True)
class Value:
    """A statement value: an item (``qid`` or, without one, a ``record``), a date, a text."""

    kind: str
    """item, time, monolingual, string or url."""
    text: str = ""
    lang: str | None = None
    date: PartialDate | None = None
    qid: str | None = None
    record: str | None = None

    def key(self) -> str:
        return "|".join((self.kind, self.text, self.lang or "", self.qid or "", self.record or ""))


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement about the item of ``entity``: property, value, qualifiers, sources."""

    entity: str
    qid: str
    prop: str
    value: Value
    qualifiers: tuple[tuple[str, Value], ...] = ()
    sources: tuple[str, ...] = ()
    truthy: bool = True
    claim: tuple[str, str] | None = None
    """The kwpld claim node it restates: ("membership", id) or ("participation", event|ref)."""
    quickstatements: bool = True
    """False for facts Wikidata always has in its own way (instance of)."""
    derived: bool = False
    """The value is derived (no source prints it): it has no sources."""
    derived_qualifiers: tuple[str, ...] = ()
    """Qualifiers whose value is derived (a membership's start read from a weekday)."""

    @property
    def key(self) -> str:
        """Stable for the same statement, whatever the order of records."""
        parts = [self.prop, self.value.key(), *(f"{p}={v.key()}" for p, v in self.qualifiers)]
        digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]
        return f"{self.entity}.{self.prop}.{digest}"


@dataclass(frozen=True, slots=True)
class Label:
    entity: str
    qid: str
    lang: str
    text: str
    alias: bool
    derived: bool = False
    """A name no source prints (``derived_from``)."""


@dataclass
class WikidataView:
    facts: list[Fact] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


def wikidata_view(records: Records) -> WikidataView:
    """Every fact and label kwpld holds about records with a Wikidata item, in a stable order."""
    return _Builder(records).run()


def _time(date: PartialDate | None) -> Value | None:
    return Value("time", date.iso, date=date) if date is not None else None


class _Builder:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.view = WikidataView()
        self.memberships: dict[str, list[Membership]] = {}
        for membership in records.memberships:  # indexed once: big corpora have many of both
            self.memberships.setdefault(membership.person, []).append(membership)

    def item(self, record_id: str) -> Value:
        return Value("item", qid=self.records.accepted_qid(record_id), record=record_id)

    def fact(
        self,
        record_id: str,
        qid: str,
        prop: str,
        value: Value | None,
        sources: list[str] | tuple[str, ...] = (),
        qualifiers: list[tuple[str, Value | None]] | None = None,
        *,
        truthy: bool = True,
        claim: tuple[str, str] | None = None,
        quickstatements: bool = True,
        derived: bool = False,
        derived_qualifiers: tuple[str, ...] = (),
    ) -> None:
        if value is None:
            return
        quals = tuple((p, v) for p, v in (qualifiers or []) if v is not None)
        self.view.facts.append(
            Fact(
                record_id,
                qid,
                prop,
                value,
                quals,
                () if derived else tuple(sorted(set(sources))),
                truthy=truthy,
                claim=claim,
                quickstatements=quickstatements,
                derived=derived,
                derived_qualifiers=tuple(p for p, _ in quals if p in derived_qualifiers),
            )
        )

    def field(
        self,
        record: Person | Organ | Event | Article,
        qid: str,
        prop: str,
        name: str,
        value: Value | None,
        own: list[str] | tuple[str, ...] = (),
        qualifiers: list[tuple[str, Value | None]] | None = None,
    ) -> None:
        """A fact restating the field ``name``, cited to the sources that state that field
        (``own``: a publication, for its own fields), or derived."""
        derived = name in record.derived
        sources = [*own, *fact_sources(record, name)]
        self.fact(record.id, qid, prop, value, sources, qualifiers, derived=derived)

    def run(self) -> WikidataView:
        qid = self.records.accepted_qid
        for person in self.records.people:
            if found := qid(person.id):
                self.person(person, found)
        for organ in self.records.organs:
            if found := qid(organ.id):
                self.organ(organ, found)
        for event in self.records.events:
            if found := qid(event.id):
                self.event(event, found)
        for article in self.records.articles:
            if found := qid(article.id):
                self.article(article, found)
        self.view.facts.sort(key=lambda f: (f.entity, f.prop, f.key))
        self.view.labels.sort(key=lambda k: (k.entity, k.lang, k.alias, k.text))
        return self.view

    # -- shared ----------------------------------------------------------------------------------
    def names(self, record_id: str, qid: str, names: list[Name], own: tuple[str, ...] = ()) -> None:
        """Labels, aliases and name statements; a name is cited to the sources that print it
        (``own``: a publication, for its own titles), a derived name to none."""
        seen: set[tuple[str, str]] = set()
        labelled: set[str] = set()
        for name in names:
            lang = {"en": "en", "hangul": "ko"}.get(name.system)
            if lang is None or name.kind in ("epithet", "former") or (lang, name.text) in seen:
                continue
            seen.add((lang, name.text))
            alias = name.kind != "preferred" or lang in labelled  # one label per language
            if not alias:
                labelled.add(lang)
            self.view.labels.append(
                Label(record_id, qid, lang, name.text, alias, derived=name.derived)
            )
        for system, prop, kind, lang in (
            ("hangul", "P1559", "monolingual", "ko"),
            ("mr", "P1942", "string", None),
            ("rr", "P2001", "string", None),
        ):
            preferred = next(
                (n for n in names if n.system == system and n.kind == "preferred"), None
            )
            if preferred is not None:
                value = Value(kind, preferred.text, lang=lang)
                sources = [*preferred.sources, *own]
                self.fact(record_id, qid, prop, value, sources, derived=preferred.derived)

    # -- kinds -----------------------------------------------------------------------------------
    def person(self, p: Person, qid: str) -> None:
        src = p.sources  # they support the record: a person (P31), not each of its values
        self.fact(
            p.id, qid, "P31", Value("item", qid=KIND_CLASSES["person"]), src, quickstatements=False
        )
        gender = GENDER_QIDS.get(p.gender or "")
        if gender:
            self.field(p, qid, "P21", "gender", Value("item", qid=gender))
        country = country_qid(p.citizenship)
        if country:
            self.field(p, qid, "P27", "citizenship", Value("item", qid=country))
        self.field(p, qid, "P569", "born", _time(p.born))
        self.field(p, qid, "P570", "died", _time(p.died))
        self.names(p.id, qid, p.names)
        for m in self.memberships.get(p.id, []):
            organ = self.records[m.organ]
            if m.post:
                prop, value = "P39", self.item(m.post)
            elif isinstance(organ, Organ) and organ.organ_kind == "party":
                prop, value = "P102", self.item(m.organ)
            else:
                prop, value = "P463", self.item(m.organ)
            self.fact(
                p.id,
                qid,
                prop,
                value,
                m.sources,
                [("P580", _time(m.start)), ("P582", _time(m.end)), ("P585", _time(m.as_of))],
                truthy=m.status != "projected",
                claim=("membership", m.id),
                derived_qualifiers=tuple(
                    prop
                    for prop, name in (("P580", "start"), ("P582", "end"), ("P585", "as_of"))
                    if name in m.derived
                ),
            )

    def organ(self, o: Organ, qid: str) -> None:
        src = o.sources
        cls = ORGAN_KIND_CLASSES.get(o.organ_kind, KIND_CLASSES["organ"])
        self.fact(o.id, qid, "P31", Value("item", qid=cls), src, quickstatements=False)
        if o.parent:
            self.field(o, qid, "P361", "parent", self.item(o.parent))
        self.field(o, qid, "P571", "founded", _time(o.founded))
        self.field(o, qid, "P576", "dissolved", _time(o.dissolved))
        self.names(o.id, qid, o.names)

    def event(self, e: Event, qid: str) -> None:
        src = e.sources
        self.fact(
            e.id, qid, "P31", Value("item", qid=KIND_CLASSES["event"]), src, quickstatements=False
        )
        if e.end is not None:
            self.field(e, qid, "P580", "date", _time(e.date))
            self.field(e, qid, "P582", "end", _time(e.end))
        else:
            self.field(e, qid, "P585", "date", _time(e.date))
        if e.series:
            ordinal = Value("string", str(e.ordinal)) if e.ordinal is not None else None
            self.field(e, qid, "P179", "series", self.item(e.series), (), [("P1545", ordinal)])
        for organizer in e.organizer:
            self.field(e, qid, "P664", "organizer", self.item(organizer))
        for participant in e.participants:  # a claim, stated by its sources (or the event's)
            self.fact(
                e.id,
                qid,
                "P710",
                self.item(participant.ref),
                participant.sources or src,
                claim=("participation", f"{e.id}|{participant.ref}"),
            )
        self.names(e.id, qid, e.names)

    def article(self, a: Article, qid: str) -> None:
        own = (a.id,)  # a publication states its own title, date and authors
        self.fact(
            a.id,
            qid,
            "P31",
            Value("item", qid=KIND_CLASSES["article"]),
            [a.id, *a.sources],
            quickstatements=False,
        )
        lang = a.language or "en"
        self.field(a, qid, "P1476", "title", Value("monolingual", a.title, lang=lang), own)
        self.field(a, qid, "P577", "date", _time(a.date), own)
        for author in a.authors:
            prop = "P50" if self.records[author].kind == "person" else "P170"
            self.field(a, qid, prop, "authors", self.item(author), own)
        if a.publisher:
            self.field(a, qid, "P123", "publisher", self.item(a.publisher), own)
        if a.published_in:
            self.field(a, qid, "P1433", "published_in", self.item(a.published_in), own)
        if a.part_of:
            self.field(a, qid, "P361", "part_of", self.item(a.part_of), own)
        for cited in a.cites:
            self.field(a, qid, "P2860", "cites", self.item(cited), own)
        for subject in a.about:
            self.field(a, qid, "P921", "about", self.item(subject), own)
        language = LANGUAGE_QIDS.get(lang.split("-")[0])
        if language:
            self.field(a, qid, "P407", "language", Value("item", qid=language), own)
        if a.url:
            self.field(a, qid, "P953", "url", Value("url", a.url), own)
        derived_title = "title" in a.derived
        self.view.labels.append(
            Label(a.id, qid, lang.split("-")[0], a.title, False, derived=derived_title)
        )
