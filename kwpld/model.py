"""Curated records, as Python objects: what a loaded data folder holds.

Five kinds of record (articles, people, organs, posts and memberships, events) refer to each
other by id. Every record keeps its :class:`Origin` (file and line), so later stages (SHACL
findings, linking reviews) can point a curator back at the line to fix.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from .dates import PartialDate
from .namespaces import DEFAULT_BASE_IRI

__all__ = [
    "FORMAT_VERSION",
    "KINDS",
    "Origin",
    "Derivation",
    "NAME_DERIVATION_RULES",
    "VALUE_DERIVATION_RULES",
    "DATE_FIELDS",
    "FACT_FIELDS",
    "record_derivation",
    "record_value_derivation",
    "fact_sources",
    "Name",
    "Person",
    "Organ",
    "Post",
    "Membership",
    "Participant",
    "Rule",
    "Event",
    "Quote",
    "Article",
    "WikidataLink",
    "LINK_DECISIONS",
    "LINK_METHODS",
    "Named",
    "Record",
    "Linkable",
    "LINKABLE_TYPES",
    "curated_qid",
    "DatasetInfo",
    "Records",
]

FORMAT_VERSION = 1
"""Version of the record format this kwpld reads and writes."""

KINDS = ("person", "organ", "post", "membership", "event", "article")
"""Record kinds, singular; files use the plural keys of :data:`KIND_KEYS`."""

KIND_KEYS = {
    "people": "person",
    "organs": "organ",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "articles": "article",
    "wikidata_links": "link",
}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: file (relative to the data folder) and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


# -- derived values -----------------------------------------------------------------------------

NAME_DERIVATION_RULES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "mr-to-hangul": (("mr", "mr-ascii"), "hangul"),
    "mr-plain-to-hangul": (("en", "dprk", "mr", "mr-ascii"), "hangul"),
    "mr-ascii-to-mr": (("mr-ascii",), "mr"),
    "mr-to-mr-ascii": (("mr",), "mr-ascii"),
    "hangul-to-rr": (("hangul",), "rr"),
    "translated": (("hangul", "hanja"), "en"),
    "composed": ((), None),
}
"""Rules that derive a name (codes of the ``derivation-rule`` vocabulary): the spelling systems
of the name it may come from, and the system of the name it gives (None: any). ``composed``
names come from several names and facts at once, so they need not name one source form.
:data:`kwpld.names.DERIVATION_RULES` describes the spelling rules kwpld implements itself."""

DATE_FIELDS = frozenset({"born", "died", "founded", "dissolved", "date", "end", "start", "as_of"})

VALUE_DERIVATION_RULES: dict[str, frozenset[str] | None] = {
    "date-from-weekday": DATE_FIELDS,
    "inferred": None,
}
"""Rules that derive the value of a field, and the fields each may derive (None: any)."""

FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("gender", "born", "died", "citizenship"),
    "organ": ("kind", "parent", "founded", "dissolved"),
    "membership": ("start", "end", "as_of"),
    "event": (
        "type", "series", "ordinal", "date", "end", "location", "organizer", "about", "text",
        "title", "conferred_by", "conferred_on",
    ),
    "article": (
        "type", "title", "authors", "publisher", "published_in", "date", "url", "language",
        "about", "mentions", "cites", "part_of", "caption", "credit",
    ),
}  # fmt: skip
"""Fields whose value a record can say is stated in a source (``stated_in``, not memberships:
a membership is one claim of its ``sources``) or derived (``derived``)."""


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a value no source prints was derived, and from what.

    On a name (``derived_from``): ``rule`` is a key of :data:`NAME_DERIVATION_RULES`, and
    ``text`` and ``system`` are the other name of the same record it was derived from (both
    None for a ``composed`` name that names none). On a field (``derived``): ``rule`` is a key
    of :data:`VALUE_DERIVATION_RULES` and ``text`` says in words what the value was derived from
    ("Friday, in a report of 26 January 2013"). Either way the value's provenance is this, never
    the article its source form was read in: a derived value is not cited to any source.
    """

    rule: str
    text: str | None = None
    system: str | None = None


def record_derivation(
    name: dict[str, Any], rule: str, text: str | None = None, system: str | None = None
) -> dict[str, Any]:
    """Mark a name written as a record (``{"text": ..., "system": ...}``) as derived.

    For writers of records (``kwpld ingest``'s drafts): sets ``derived_from`` to ``rule`` and
    the name it came from (``text`` and ``system``, another name of the same record), and drops
    ``sources``, since a derived name is printed in none. Returns ``name``, changed in place.
    Raises ValueError for a rule that derives no name, or a source name the rule cannot read.
    """
    if rule not in NAME_DERIVATION_RULES:
        known = ", ".join(sorted(NAME_DERIVATION_RULES))
        raise ValueError(f"unknown name derivation rule {rule!r}; rules: {known}")
    from_systems, to_system = NAME_DERIVATION_RULES[rule]
    if from_systems and text is None and system is None:
        raise ValueError(f"the rule {rule} needs the name it derives from (text or system)")
    if system is not None and from_systems and system not in from_systems:
        raise ValueError(f"the rule {rule} derives from {'/'.join(from_systems)}, not {system}")
    if to_system is not None and name.get("system") not in (None, to_system):
        raise ValueError(f"the rule {rule} gives {to_system} names, not {name.get('system')}")
    source: dict[str, Any] = {}
    if text is not None:
        source["text"] = text
    if system is not None:
        source["system"] = system
    name.pop("sources", None)
    name["derived_from"] = {**source, "rule": rule}
    return name


def record_value_derivation(
    record: dict[str, Any], kind: str, field_name: str, rule: str, text: str | None = None
) -> dict[str, Any]:
    """Mark the value of ``field_name`` in a record written as a dict (of ``kind``) as derived.

    For writers of records: adds ``derived: {field_name: {rule, from: text}}`` (``text`` says
    in words what the value was derived from: "'on Friday' in the report of 26 January 2013")
    and drops the field from ``stated_in``. Returns ``record``, changed in place. Raises
    ValueError for a field that cannot be derived or a rule that does not derive it.
    """
    if field_name not in FACT_FIELDS.get(kind, ()):
        raise ValueError(f"a {kind} has no field {field_name!r} that can be derived")
    if rule not in VALUE_DERIVATION_RULES:
        known = ", ".join(sorted(VALUE_DERIVATION_RULES))
        raise ValueError(f"unknown value derivation rule {rule!r}; rules: {known}")
    fields = VALUE_DERIVATION_RULES[rule]
    if fields is not None and field_name not in fields:
        raise ValueError(f"the rule {rule} derives dates, not {field_name!r}")
    derivation: dict[str, Any] = {"rule": rule}
    if text is not None:
        derivation["from"] = text
    record.setdefault("derived", {})[field_name] = derivation
    stated = record.get("stated_in")
    if isinstance(stated, dict):
        stated.pop(field_name, None)
        if not stated:
            del record["stated_in"]
    return record


@dataclass(slots=True)
class Name:
    """One spelling of a name, in one system, with its validity and evidence.

    ``sources`` are the articles that print this spelling; ``derived_from`` says instead how it
    was derived from another name of the record (:class:`Derivation`). A name has one or the
    other, or neither (a curator's spelling of unrecorded provenance).
    """

    text: str
    system: str
    kind: str = "alternate"
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None
    renamed_by: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    derived_from: Derivation | None = None

    @property
    def derived(self) -> bool:
        return self.derived_from is not None

    @property
    def printed(self) -> bool:
        """True when some source prints this spelling (it has ``sources``)."""
        return bool(self.sources) and self.derived_from is None


@dataclass(slots=True)
class _Base:
    id: str
    origin: Origin


class Named:
    """A record with names: a person, organ, post, event or article (not a membership).

    :meth:`preferred_name` is the one answer to "what is this record called" for labels,
    reports and charts, so that they never disagree.
    """

    __slots__ = ()
    id: str
    names: list[Name]

    def preferred_name(self, system: str = "en") -> str:
        """The preferred name in ``system`` (English unless asked), else another name in that
        system, else the first name; the id when the record has no names."""
        fallback = None
        for name in self.names:
            if name.system == system:
                if name.kind == "preferred":
                    return name.text
                fallback = fallback or name.text
        return fallback or (self.names[0].text if self.names else self.id)


@dataclass(slots=True)
class Person(_Base, Named):
    names: list[Name]
    gender: str | None = None
    born: PartialDate | None = None
    died: PartialDate | None = None
    citizenship: str | None = None
    wikidata: str | None = None
    description: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    stated_in: dict[str, list[str]] = field(default_factory=dict)
    derived: dict[str, Derivation] = field(default_factory=dict)
    kind = "person"


@dataclass(slots=True)
class Organ(_Base, Named):
    names: list[Name]
    organ_kind: str
    parent: str | None = None
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None
    wikidata: str | None = None
    description: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    stated_in: dict[str, list[str]] = field(default_factory=dict)
    derived: dict[str, Derivation] = field(default_factory=dict)
    kind = "organ"


@dataclass(slots=True)
class Post(_Base, Named):
    organ: str
    role: str
    names: list[Name] = field(default_factory=list)
    description: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    kind = "post"


@dataclass(slots=True)
class Membership(_Base):
    person: str
    organ: str
    role: str
    status: str
    post: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    as_of: PartialDate | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    derived: dict[str, Derivation] = field(default_factory=dict)
    kind = "membership"


@dataclass(slots=True)
class Participant:
    """A person, organ or post (its holders) taking part in an event, on some source's word."""

    ref: str
    role: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Rule:
    """A rule adopted by a decision, e.g. that meetings are to be held "when necessary"."""

    text: str
    applies_to: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event(_Base, Named):
    event_type: str
    names: list[Name]
    series: str | None = None
    ordinal: int | None = None
    date: PartialDate | None = None
    end: PartialDate | None = None
    location: str | None = None
    organizer: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    text: str | None = None
    rules: list[Rule] = field(default_factory=list)
    title: str | None = None
    conferred_by: str | None = None
    conferred_on: list[str] = field(default_factory=list)
    wikidata: str | None = None
    description: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    stated_in: dict[str, list[str]] = field(default_factory=dict)
    derived: dict[str, Derivation] = field(default_factory=dict)
    kind = "event"


@dataclass(slots=True)
class Quote:
    text: str
    source: str | None = None
    speaker: str | None = None
    language: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Article(_Base, Named):
    article_type: str
    title: str
    names: list[Name] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published_in: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    language: str | None = None
    about: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)
    part_of: str | None = None
    caption: str | None = None
    credit: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    wikidata: str | None = None
    description: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    stated_in: dict[str, list[str]] = field(default_factory=dict)
    derived: dict[str, Derivation] = field(default_factory=dict)
    kind = "article"

    def preferred_name(self, system: str = "en") -> str:
        """A preferred name in ``system`` when the article has one, else its title."""
        for name in self.names:
            if name.system == system and name.kind == "preferred":
                return name.text
        return self.title


LINK_DECISIONS = ("accepted", "rejected")
"""What a reviewer decided about a Wikidata item for a record."""

LINK_METHODS = ("review", "auto", "manual")
"""How a link was decided: in the review file, by ``--auto-accept``, or written by hand."""


@dataclass(slots=True)
class WikidataLink:
    """A decision that a record is (accepted) or is not (rejected) one Wikidata item.

    Kept in ``wikidata-links.yaml`` beside the records, with who decided (``by``), when
    (``date``) and how (``method``, and the candidate's ``score`` for review and auto links).
    Accepted links are exported as ``owl:sameAs``; rejected ones keep ``kwpld link`` from
    proposing the same item again.
    """

    entity: str
    qid: str
    origin: Origin
    by: str
    date: PartialDate
    method: str
    decision: str = "accepted"
    score: float | None = None
    label: str | None = None
    note: str | None = None
    kind = "link"

    @property
    def id(self) -> str:
        """A key unique per record and item (links have no id of their own)."""
        return f"{self.entity}@{self.qid}"

    @property
    def accepted(self) -> bool:
        return self.decision == "accepted"


Record = Person | Organ | Post | Membership | Event | Article
Linkable = Person | Organ | Event | Article
"""The kinds of record that can be one Wikidata item (and have a ``wikidata`` field)."""
LINKABLE_TYPES = (Person, Organ, Event, Article)


def fact_sources(record: Person | Organ | Event | Article, field_name: str) -> list[str]:
    """The sources the record says state the value of ``field_name``: its ``stated_in``
    entry; none for a derived value or a field no source is said to state. The record's own
    ``sources`` support the record as a whole, not each of its values."""
    if field_name in record.derived:
        return []
    return list(record.stated_in.get(field_name, ()))


def curated_qid(record: Record | WikidataLink | None) -> str | None:
    """The Wikidata item written in the record itself (its ``wikidata`` field), if any."""
    return record.wikidata if isinstance(record, LINKABLE_TYPES) else None


@dataclass
class DatasetInfo:
    """The data folder's ``kwpld.yaml``: what the dataset is and where its IRIs live."""

    id: str = "kwpld-dataset"
    title: str = "KWP leadership data"
    description: str | None = None
    base_iri: str = DEFAULT_BASE_IRI
    license: str | None = None
    creators: list[str] = field(default_factory=list)
    publisher: str | None = None
    version: str | None = None
    homepage: str | None = None


@dataclass
class Records:
    """All records of a data folder, in a stable order (kind, then id)."""

    info: DatasetInfo = field(default_factory=DatasetInfo)
    people: list[Person] = field(default_factory=list)
    organs: list[Organ] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    links: list[WikidataLink] = field(default_factory=list)
    """Wikidata decisions (``wikidata_links``); not entities, so not part of iteration."""
    files: list[str] = field(default_factory=list)
    _by_id: dict[str, Record | WikidataLink] = field(default_factory=dict, repr=False)
    _accepted: dict[str, str] = field(default_factory=dict, repr=False)

    def add(self, record: Record | WikidataLink) -> None:
        getattr(self, _LIST_OF[record.kind]).append(record)
        self._by_id.setdefault(record.id, record)
        if isinstance(record, WikidataLink) and record.accepted:
            self._accepted.setdefault(record.entity, record.qid)

    def add_new(self, records: Sequence[Record | WikidataLink]) -> None:
        """:meth:`add` each of ``records`` whose id is not here yet (the first of an id wins),
        a kind at a time: a list extended and the index updated at once, rather than a call
        per record (a loader adds hundreds of thousands). The outcome is that of the calls one
        by one, in order."""
        by_id = self._by_id
        fresh = dict(zip(map(_ID, records), records, strict=True))
        if len(fresh) != len(records) or not by_id.keys().isdisjoint(fresh):
            for record in records:  # an id met twice: one by one, the first one wins
                if record.id not in by_id:
                    self.add(record)
            return
        by_id.update(fresh)
        kinds = set(map(_KIND, records))
        for kind in sorted(kinds):
            chunk = records if len(kinds) == 1 else [r for r in records if r.kind == kind]
            getattr(self, _LIST_OF[kind]).extend(chunk)
            if kind == "link":
                for link in chunk:
                    if isinstance(link, WikidataLink) and link.accepted:
                        self._accepted.setdefault(link.entity, link.qid)

    @property
    def by_id(self) -> Mapping[str, Record | WikidataLink]:
        """Every record and link by id (a link's id is ``entity@qid``), the first of an id."""
        return self._by_id

    def accepted_qid(self, record_id: str) -> str | None:
        """The Wikidata item of a record: its accepted link, else its curated ``wikidata`` field."""
        qid = self._accepted.get(record_id)
        return qid if qid is not None else curated_qid(self._by_id.get(record_id))

    def preferred_name(self, record_id: str, system: str = "en") -> str:
        """The preferred name of the record ``record_id`` (:meth:`Named.preferred_name`); its id
        when it has no names (memberships) or is not here."""
        record = self._by_id.get(record_id)
        return record.preferred_name(system) if isinstance(record, Named) else record_id

    def is_linked(self, record_id: str) -> bool:
        """True when a link in ``links`` accepts a Wikidata item for the record."""
        return record_id in self._accepted

    def get(self, record_id: str) -> Record | WikidataLink | None:
        return self._by_id.get(record_id)

    def __getitem__(self, record_id: str) -> Record | WikidataLink:
        return self._by_id[record_id]

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._by_id

    def __iter__(self) -> Iterator[Record]:
        for kind in KINDS:
            yield from getattr(self, _LIST_OF[kind])

    def __len__(self) -> int:
        return sum(len(getattr(self, attr)) for attr in _LIST_OF.values())

    def of_kind(self, kind: str) -> list[Record]:
        found: list[Record] = getattr(self, _LIST_OF[kind])
        return found

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, _LIST_OF[kind])) for kind in KINDS}

    def sort(self) -> None:
        """Order every kind by id, so output never depends on file or row order."""
        for attr in _LIST_OF.values():
            getattr(self, attr).sort(key=_ID)


_ID = attrgetter("id")
_KIND = attrgetter("kind")

_LIST_OF = {
    "person": "people",
    "organ": "organs",
    "post": "posts",
    "membership": "memberships",
    "event": "events",
    "article": "articles",
    "link": "links",
}
