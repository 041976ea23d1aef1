"""Measure the facts ``kwpld ingest`` drafts against hand-labelled texts (issue 15, item 6),
and whether people keep one record across articles (item 4).

Facts (``tests/fixtures/ingest/facts/``): each text ``NAME.txt|.md|.html`` has
``NAME.gold.yaml`` listing the events, holdings (memberships, posts) and attendance it states;
the folder's ``README.md`` is the labelling guide. A text is scored by doing what a curator
does: copy the records folder, ``kwpld.ingest`` the text into the copy with the options the
gold gives, and read the article's review file. Predicted ids are resolved to names through the
drafts and the records, so the scorer never depends on how the extractor mints ids.

Matching (one-to-one, gold items in file order, each taking the best unused prediction):

- a **person** matches when the gold names a record and the prediction is that record, or the
  gold gives a name and one of the predicted person's names has its :func:`kwpld.match_key`
  (a gold ``{name: ..., new: true}`` matches drafts only, never a record);
- an **organ** matches by record id, or when a name of the gold organ (its record's names, or
  the gold names) has the key of a name of the predicted organ; a leading "the" is ignored;
- a **post** (checked only when the gold gives one) matches by id, by a name, or, for a
  predicted post without names, by the organ and role it is in;
- an **event** matches by id, by a name (keys also fold ordinal words into numbers and the
  party's names into one: "Fifth Plenary Meeting of the 7th KWP CC" = "5th Plenary Meeting of
  the 7th WPK CC"), by series and ordinal, or, for an event without an ordinal, by type and
  either date (a meeting named in many ways) or evidence (an event drafted from the sentence
  that holds the gold's evidence phrase: an inspection, the banquet of a visit, dated rightly or
  not), or, when neither the gold nor the prediction has a date and the text does not name it,
  by type alone. An event the text does not name also matches one drafted from its evidence
  sentence of another type (the guide fixes no type for a visit to a bier or a memorial
  rally). The pairs of the gold's type are made first, then those drafted from the evidence,
  then those with the right dates, then the right place.

A holding is right when person, organ and role match (and the post, when the gold gives one);
among the right ones, the share with the right dates (start, end and as_of all equal at the
precision printed, absent when the gold has none) and the right status is reported. Attendance
is right when the person matches and the event is the one matched to the gold's event (with
several unnamed events of a kind, the banquet's guests are not the arrival's; the role is
reported apart). An event is right when it
matches; "dated" counts the right ones whose date and end equal the gold.

Identity (``tests/fixtures/ingest/identity/NAME/sequence.yaml``): texts ingested in order into
one folder, with the drafts accepted between them as a curator would, and gold clusters of the
person mentions that are one person. Read from each article's Web Annotations: a
**duplicate** is one more record or draft than one for a person (a person already in the
records counts that record); a **false merge** is one more person on one record or draft; a
mention given several candidates is *flagged* (the review shows both), and one not read at all
is *unread*.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..dates import DateError, parse_date
from ..errors import InputError, KwpldError, LoadError
from ..names import match_key
from ..reading.facts import term_on_body, without_state_qualifier
from ..sources import read_source
from ..vocab import vocabularies
from .mentions import Score, fixtures

__all__ = [
    "Gold",
    "GoldEvent",
    "GoldHolding",
    "GoldAttendance",
    "GoldPerson",
    "Share",
    "FactScore",
    "Predicted",
    "load_gold",
    "score_facts",
    "evaluate_text",
    "evaluate_facts",
    "total",
    "IdentityScore",
    "identity_counts",
    "load_sequence",
    "evaluate_sequence",
    "evaluate_identity",
]


# libyaml's parser where PyYAML has it: the gold files of a labelled set are read for every
# score, and the pure-Python parser took about three quarters of the time of checking every set.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(text: str) -> Any:
    """``yaml.safe_load``'s values, parsed by libyaml where PyYAML has it; a text libyaml
    refuses is parsed again by ``yaml.safe_load``, so that the error raised (and the message
    quoting the line) is the one it always was."""
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader, C or Python
    except yaml.YAMLError:
        return yaml.safe_load(text)


STATUSES = ("confirmed", "reported", "projected")
ATTENDANCE_ROLES = (
    "guided",
    "presided",
    "speaker",
    "platform",
    "accompanied",
    "attended",
    "observer",
)
"""The roles the gold gives participants, most specific first (see the facts README)."""
_DATE_FIELDS = ("start", "end", "as_of")
G = TypeVar("G")
P = TypeVar("P")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_ORDINAL_WORDS = {
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "sixth": "6th",
    "seventh": "7th",
    "eighth": "8th",
    "ninth": "9th",
    "tenth": "10th",
    "eleventh": "11th",
    "twelfth": "12th",
    "thirteenth": "13th",
    "fourteenth": "14th",
    "fifteenth": "15th",
    "sixteenth": "16th",
    "seventeenth": "17th",
    "eighteenth": "18th",
    "nineteenth": "19th",
    "twentieth": "20th",
}
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", re.IGNORECASE)
_PARTY = re.compile(r"Workers[’']? Party of Korea|Korean Workers[’']? Party|\bKWP\b", re.IGNORECASE)
_LEADING_ORDINAL = re.compile(r"^(?:the\s+)?(\d+)(?:st|nd|rd|th)\s+(.+)$", re.IGNORECASE)
# "Enlarged" and "expanded" say who was invited, not which meeting it was: the enlarged 11th
# plenary meeting (or the 11th enlarged plenary meeting) is the 11th plenary meeting.
_QUALIFIER = re.compile(r"\b(?:enlarged|expanded|extended)\s+", re.IGNORECASE)


def _key(text: str) -> str:
    """The match key of a name, without a leading article ("the Cabinet" is "Cabinet")."""
    return match_key(_ARTICLE.sub("", text.strip()))


def _event_key(text: str) -> str:
    """An event name's key: ordinal words as numbers, the party's names as one, without the
    state its organ is of at the end ("... Supreme People's Assembly of the DPRK" is "...
    Supreme People's Assembly": :func:`kwpld.reading.facts.without_state_qualifier`, what the
    extractor does to the names it drafts, so both sides are read the same way), the term's
    number on the body it is of ("... of the Standing Committee of the 14th SPA" is "... of the
    14th Standing Committee of the SPA": :func:`kwpld.reading.facts.term_on_body`, as drafted
    series ids are written)."""
    text = term_on_body(without_state_qualifier(text.strip()))
    text = _ORDINAL_WORD.sub(lambda m: _ORDINAL_WORDS[m.group(1).lower()], text)
    text = _PARTY.sub("WPK", text)
    return _key(_QUALIFIER.sub("", text))


def _iso(value: Any) -> str | None:
    """A date as ISO at its precision; None for none. Raises DateError."""
    if value is None or value == "":
        return None
    return parse_date(value).iso


def _soft_iso(value: Any) -> str | None:
    """A predicted date as ISO, or its text when it does not read as a date."""
    try:
        return _iso(value)
    except (DateError, ValueError, TypeError):
        return f"unreadable: {value}"


def _squash(text: str) -> str:
    """The text with spacing and table bars folded: an evidence phrase may quote across the cells
    of a table row, which the HTML reader prints as "| a | b |"."""
    return " ".join(text.replace("’", "'").replace("|", " ").split())


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


# -- the records the texts are read against -----------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """What the scorer needs of a record or a draft: its names and the fields facts refer to."""

    id: str
    kind: str
    names: tuple[str, ...] = ()
    draft: bool = False
    organ: str | None = None
    role: str | None = None
    type: str | None = None
    series: str | None = None
    ordinal: int | None = None
    date: str | None = None
    end: str | None = None
    location: str | None = None
    evidence: tuple[str, ...] = ()
    """an event draft's evidence sentences, spacing folded (empty for records)"""


def _entity_from_raw(
    kind: str, record: dict[str, Any], draft: bool, evidence: Sequence[Any] = ()
) -> Entity:
    names = []
    for name in record.get("names") or []:
        if isinstance(name, dict) and name.get("text"):
            names.append(str(name["text"]))
        elif isinstance(name, str):
            names.append(name)
    if record.get("title"):
        names.append(str(record["title"]))
    ordinal = record.get("ordinal")
    number = int(str(ordinal)) if str(ordinal).isdigit() else None
    sentences = tuple(
        _squash(str(e.get("sentence") or e.get("text") or ""))
        for e in evidence
        if isinstance(e, dict)
    )
    return Entity(
        id=str(record.get("id")),
        kind=kind,
        names=tuple(names),
        draft=draft,
        organ=record.get("organ"),
        role=record.get("role"),
        type=record.get("type"),
        series=record.get("series"),
        ordinal=number,
        date=_soft_iso(record.get("date")),
        end=_soft_iso(record.get("end")),
        location=record.get("location"),
        evidence=tuple(s for s in sentences if s),
    )


def _entities_of_records(data_dir: Path) -> dict[str, Entity]:
    from ..load import load_records
    from ..model import Event, Organ, Person, Post

    out: dict[str, Entity] = {}
    for record in load_records(data_dir):
        if isinstance(record, Event):
            out[record.id] = Entity(
                record.id,
                "event",
                tuple(n.text for n in record.names),
                type=record.event_type,
                series=record.series,
                ordinal=record.ordinal,
                date=record.date.iso if record.date else None,
                end=record.end.iso if record.end else None,
                location=record.location,
            )
        elif isinstance(record, Post):
            names = tuple(n.text for n in record.names)
            out[record.id] = Entity(record.id, "post", names, organ=record.organ, role=record.role)
        elif isinstance(record, (Person, Organ)):
            out[record.id] = Entity(record.id, record.kind, tuple(n.text for n in record.names))
    return out


# -- gold -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldPerson:
    text: str
    record: str | None = None
    new: bool = False
    """a person the records lack: matches drafts only"""
    names: tuple[str, ...] = ()
    """the record's names: what a draft of that person matches when the folder the text is
    read into lacks the record (a cold start)"""

    def __str__(self) -> str:
        return self.record or self.text


@dataclass(frozen=True)
class GoldRef:
    """An organ or a post: a record id, or names."""

    record: str | None
    names: tuple[str, ...]

    def __str__(self) -> str:
        return self.record or " / ".join(self.names)


@dataclass(frozen=True)
class GoldEvent:
    key: str
    names: tuple[str, ...]
    series: tuple[str, ...]
    type: str
    ordinal: int | None
    date: str | None
    end: str | None
    location: str | None
    record: str | None
    evidence: str

    @property
    def label(self) -> str:
        return self.names[0] if self.names else f"[{self.type} {self.key}]"


@dataclass(frozen=True)
class GoldHolding:
    person: GoldPerson
    organ: GoldRef
    role: str
    post: GoldRef | None
    dates: dict[str, str | None]
    status: str
    type: str | None
    event: str | None
    evidence: str

    @property
    def label(self) -> str:
        post = f" ({self.post})" if self.post else ""
        return f"{self.person} {self.role} of {self.organ}{post}"


@dataclass(frozen=True)
class GoldAttendance:
    event: str
    person: GoldPerson
    role: str
    evidence: str


@dataclass
class Gold:
    name: str
    text: Path
    path: Path
    date: str | None
    type: str | None
    events: list[GoldEvent]
    holdings: list[GoldHolding]
    attendance: list[GoldAttendance]


def _fail(path: Path, where: str, problem: str) -> InputError:
    return InputError(f"{path}: {where}: {problem}")


def load_gold(text_path: Path, gold_path: Path, records: dict[str, Entity]) -> Gold:
    """Read and check a gold file: every evidence phrase is in the text, every id is a record
    of the right kind, roles, statuses, event types and dates are valid. Raises InputError
    naming the file, the item and the problem."""
    try:
        data = _safe_load(gold_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{gold_path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise _fail(gold_path, "file", "a mapping with options, events, holdings, attendance")
    unknown = set(data) - {"options", "events", "holdings", "attendance"}
    if unknown:
        raise _fail(gold_path, "file", f"unknown keys {sorted(unknown)}")
    reader = _GoldReader(text_path, gold_path, records)
    events = reader.events(data.get("events") or [])
    keys = [e.key for e in events]
    if len(set(keys)) != len(keys):
        raise _fail(gold_path, "events", "two events share a key")
    holdings = reader.holdings(data.get("holdings") or [], keys)
    attendance = reader.attendance(data.get("attendance") or [], keys)
    options = data.get("options") or {}
    article_type = options.get("type")
    if article_type is not None and article_type not in vocabularies()["article-type"]:
        raise _fail(gold_path, "options", f"type {article_type!r} is not an article type")
    return Gold(
        name=gold_path.name[: -len(".gold.yaml")],
        text=text_path,
        path=gold_path,
        date=reader.date(options.get("date"), "options"),
        type=article_type,
        events=events,
        holdings=holdings,
        attendance=attendance,
    )


class _GoldReader:
    """The checks of one gold file's items, each failing with the file, the item and why."""

    def __init__(self, text_path: Path, gold_path: Path, records: dict[str, Entity]) -> None:
        self.text_path = text_path
        self.gold_path = gold_path
        self.records = records
        self.text = _squash(read_source(text_path).text)
        self.person_keys: dict[str, str] = {}
        for entity in records.values():
            if entity.kind == "person":
                for name in entity.names:
                    self.person_keys.setdefault(_key(name), entity.id)

    def fail(self, where: str, problem: str) -> InputError:
        return _fail(self.gold_path, where, problem)

    def evidence(self, item: dict[str, Any], where: str) -> str:
        phrase = item.get("evidence")
        if not phrase or not isinstance(phrase, str):
            raise self.fail(where, "no evidence phrase")
        if _squash(phrase) not in self.text:
            raise self.fail(where, f"evidence {phrase!r} is not in {self.text_path.name}")
        return phrase

    def date(self, value: Any, where: str) -> str | None:
        try:
            return _iso(value)
        except (DateError, ValueError) as exc:
            raise self.fail(where, f"date {value!r}: {exc}") from None

    def person(self, value: Any, where: str) -> GoldPerson:
        if isinstance(value, dict):
            if not value.get("name") or value.get("new") is not True:
                raise self.fail(where, "a person mapping is {name: ..., new: true}")
            return GoldPerson(str(value["name"]), new=True)
        if not isinstance(value, str) or not value:
            raise self.fail(where, "person: a record id or a name")
        entity = self.records.get(value)
        if entity is not None:
            if entity.kind != "person":
                raise self.fail(where, f"{value} is a record of kind {entity.kind}, not person")
            return GoldPerson(value, record=value, names=tuple(entity.names))
        clash = self.person_keys.get(_key(value))
        if clash:
            raise self.fail(
                where,
                f"{value!r} is a name of the record {clash}: give the record id, or "
                f"{{name: {value}, new: true}} for someone else of that name",
            )
        return GoldPerson(value)

    def ref(self, value: Any, kind: str, where: str) -> GoldRef:
        if isinstance(value, str) and value in self.records:
            if self.records[value].kind != kind:
                raise self.fail(
                    where, f"{value} is a record of kind {self.records[value].kind}, not {kind}"
                )
            return GoldRef(value, self.records[value].names)
        names = _names(value)
        if not names:
            raise self.fail(where, f"{kind}: a record id or a name")
        return GoldRef(None, names)

    def events(self, items: list[Any]) -> list[GoldEvent]:
        event_types = vocabularies()["event-type"]
        events: list[GoldEvent] = []
        for i, item in enumerate(items, 1):
            where = f"event {i}"
            if not isinstance(item, dict) or not item.get("key"):
                raise self.fail(where, "an event needs a key")
            if item.get("type") not in event_types:
                raise self.fail(where, f"type {item.get('type')!r} is not an event type")
            names = tuple(n for n in (*_names(item.get("name")), *_names(item.get("names"))) if n)
            series = _names(item.get("series"))
            ordinal = item.get("ordinal")
            if not series and ordinal is not None:
                series = tuple(
                    m.group(2) for n in names if (m := _LEADING_ORDINAL.match(n)) is not None
                )
            if item.get("id") and item["id"] not in self.records:
                raise self.fail(where, f"id {item['id']} is not a record")
            events.append(
                GoldEvent(
                    key=str(item["key"]),
                    names=names,
                    series=series,
                    type=str(item["type"]),
                    ordinal=int(ordinal) if ordinal is not None else None,
                    date=self.date(item.get("date"), where),
                    end=self.date(item.get("end"), where),
                    location=item.get("location"),
                    record=item.get("id"),
                    evidence=self.evidence(item, where),
                )
            )
        return events

    def holdings(self, items: list[Any], keys: list[str]) -> list[GoldHolding]:
        roles = vocabularies()["role"]
        holdings: list[GoldHolding] = []
        for i, item in enumerate(items, 1):
            where = f"holding {i}"
            if not isinstance(item, dict):
                raise self.fail(where, "a mapping")
            if item.get("role") not in roles:
                raise self.fail(where, f"role {item.get('role')!r} is not in the vocabulary")
            if item.get("status") not in STATUSES:
                raise self.fail(where, f"status {item.get('status')!r}: one of {STATUSES}")
            if item.get("event") is not None and item["event"] not in keys:
                raise self.fail(where, f"event {item['event']!r} is no event key")
            holdings.append(
                GoldHolding(
                    person=self.person(item.get("person"), where),
                    organ=self.ref(item.get("organ"), "organ", where),
                    role=str(item["role"]),
                    post=self.ref(item["post"], "post", where) if item.get("post") else None,
                    dates={f: self.date(item.get(f), where) for f in _DATE_FIELDS},
                    status=str(item["status"]),
                    type=item.get("type"),
                    event=item.get("event"),
                    evidence=self.evidence(item, where),
                )
            )
        return holdings

    def attendance(self, items: list[Any], keys: list[str]) -> list[GoldAttendance]:
        attendance: list[GoldAttendance] = []
        for i, item in enumerate(items, 1):
            where = f"attendance {i}"
            if not isinstance(item, dict) or item.get("event") not in keys:
                raise self.fail(where, f"event {item.get('event')!r} is no event key")
            if item.get("role") not in ATTENDANCE_ROLES:
                raise self.fail(where, f"role {item.get('role')!r}: one of {ATTENDANCE_ROLES}")
            attendance.append(
                GoldAttendance(
                    event=str(item["event"]),
                    person=self.person(item.get("person"), where),
                    role=str(item["role"]),
                    evidence=self.evidence(item, where),
                )
            )
        return attendance


# -- predictions ------------------------------------------------------------------------------


def _read_review(path: Path) -> dict[str, Any] | None:
    """A review file's data (None for a ``*.review.yaml`` another tool wrote). Read here rather
    than through :mod:`kwpld.review`, so the scorer takes whatever kinds of draft the
    extractor writes (``participation``) without depending on accept's rules."""
    try:
        data = _safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the review file: {exc}") from None
    if not isinstance(data, dict) or "kwpld-review" not in data:
        return None
    return data


def _drafts(review: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The drafts of a review file that are not rejected."""
    return [
        d
        for d in (review or {}).get("drafts") or []
        if isinstance(d, dict)
        and isinstance(d.get("record"), dict)
        and d.get("status", "pending") != "rejected"
    ]


@dataclass(frozen=True)
class PredictedFact:
    id: str
    record: dict[str, Any]


@dataclass
class Predicted:
    """The facts one article's review file proposes, and every entity they may refer to."""

    entities: dict[str, Entity]
    records: frozenset[str]
    """ids of the entities that are records (not drafts)"""
    memberships: list[PredictedFact]
    participations: list[PredictedFact]
    events: list[Entity]

    @classmethod
    def read(cls, data_dir: Path, review: Path) -> Predicted:
        """Read ``review`` (one article's review file in ``data_dir``), resolving ids through
        the folder's records and the drafts of every review file in it."""
        from ..review import review_files

        entities = _entities_of_records(data_dir)
        records = frozenset(entities)
        for path in review_files(data_dir):
            for draft in _drafts(_read_review(path)):
                kind = draft.get("kind")
                if kind in ("person", "organ", "post", "event"):
                    record = draft["record"]
                    entities.setdefault(
                        str(record.get("id")),
                        _entity_from_raw(kind, record, True, draft.get("evidence") or ()),
                    )
        mine = _read_review(review)
        if mine is None:
            raise InputError(f"{review}: not a kwpld review file")
        memberships, participations, events = [], [], []
        seen_events: set[str] = set()
        for draft in _drafts(mine):
            record = draft["record"]
            fact_id = str(draft.get("id") or record.get("id"))
            if draft.get("kind") == "membership":
                memberships.append(PredictedFact(fact_id, record))
            elif draft.get("kind") == "participation":
                participations.append(PredictedFact(fact_id, record))
            elif draft.get("kind") == "event" and record.get("type") != "series":
                event = entities.get(str(record.get("id"))) or _entity_from_raw(
                    "event", record, True, draft.get("evidence") or ()
                )
                if event.id not in seen_events:
                    seen_events.add(event.id)
                    events.append(event)
        # Events of the records that the article refers to are events it found too.
        listed = mine.get("records") or []
        article: dict[str, Any] = listed[0] if listed and isinstance(listed[0], dict) else {}
        referred = [*(article.get("mentions") or []), *(article.get("about") or [])]
        referred += [str(p.record.get("event")) for p in participations]
        for ref in referred:
            entity = entities.get(str(ref))
            if (
                entity
                and entity.kind == "event"
                and entity.type != "series"
                and entity.id not in seen_events
            ):
                seen_events.add(entity.id)
                events.append(entity)
        return cls(entities, records, memberships, participations, events)

    def entity(self, ref: Any) -> Entity | None:
        return self.entities.get(str(ref)) if ref is not None else None


# -- matching ---------------------------------------------------------------------------------


def _person_matches(gold: GoldPerson, value: Any, predicted: Predicted) -> bool:
    if value is None:
        return False
    ref = str(value)
    if gold.record is not None and (ref == gold.record or gold.record in predicted.records):
        return ref == gold.record
    entity = predicted.entity(ref)
    if entity is None or entity.kind != "person":
        return False
    if gold.new and ref in predicted.records:
        return False
    keys = {_key(n) for n in entity.names}
    # a record the folder lacks (a cold start): a draft with one of its names is that person
    return any(_key(n) in keys for n in (gold.names if gold.record else (gold.text,)))


def _ref_matches(gold: GoldRef, ref: Any, predicted: Predicted, kind: str) -> bool:
    if ref is None:
        return False
    ref = str(ref)
    if gold.record is not None and ref == gold.record:
        return True
    entity = predicted.entity(ref)
    if entity is None or entity.kind != kind:
        return False
    return bool({_key(n) for n in gold.names} & {_key(n) for n in entity.names})


def _post_matches(gold: GoldHolding, ref: Any, predicted: Predicted, organ_ok: bool) -> bool:
    assert gold.post is not None
    if ref is None and gold.post.record is not None and gold.post.record not in predicted.records:
        # Read into a folder without that post (a cold start): the post is the role in the
        # organ, which matched; a draft that names no post says no less.
        return organ_ok
    if _ref_matches(gold.post, ref, predicted, "post"):
        return True
    entity = predicted.entity(ref)
    # A post drafted without names is "role of organ": the membership's match says it all.
    return bool(
        entity is not None
        and entity.kind == "post"
        and not entity.names
        and entity.role == gold.role
        and organ_ok
        and _ref_matches(gold.organ, entity.organ, predicted, "organ")
    )


def _event_matches(gold: GoldEvent, event: Entity | None, predicted: Predicted) -> bool:
    if event is None or event.kind != "event":
        return False
    if gold.record is not None and event.id == gold.record:
        return True
    keys = {_event_key(n) for n in event.names}
    if any(_event_key(n) in keys for n in gold.names):
        return True
    if gold.ordinal is not None and event.ordinal == gold.ordinal and gold.series:
        series = predicted.entity(event.series)
        series_keys = {_event_key(n) for n in (series.names if series else ())}
        if any(_event_key(n) in series_keys for n in gold.series):
            return True
    if gold.ordinal is None and not gold.names and _evidence_overlaps(gold, event):
        # An event the text does not name, drafted from the sentence of the gold's evidence, is
        # that event whatever type each gave it: the guide fixes no type for a visit to a bier
        # (an appearance in some gold, a ceremony in other) or a memorial rally. Of several
        # from one sentence, the one of the gold's type is paired first (_event_quality).
        return True
    if gold.ordinal is None and event.type == gold.type:
        # Meetings without ordinals are named in many ways ("an enlarged meeting of the
        # Political Bureau of the WPK CC", "the politburo's expanded meeting"): the same kind
        # of event on the same date is the same event, and so is one drafted from the sentence
        # the gold's evidence is in. One the text does not name at all (an inspection, the
        # talks of a visit) is that too, or of its kind where neither has a date: a banquet
        # drafted on the evening is not the arrival of that morning.
        if gold.date is not None and event.date == gold.date:
            return True
        if _evidence_overlaps(gold, event):
            return True
        return not gold.names and gold.date is None and event.date is None
    return False


def _evidence_overlaps(gold: GoldEvent, event: Entity) -> bool:
    """Whether one of the event draft's evidence sentences holds the gold's evidence phrase (or
    is held in it: a phrase may run over two sentences)."""
    phrase = _squash(gold.evidence)
    return bool(phrase) and any(phrase in s or s in phrase for s in event.evidence)


def _event_quality(gold: GoldEvent, event: Entity) -> tuple[bool, bool, bool, bool]:
    """Among matching predictions, prefer the one of the gold's type, then the one drafted from
    the gold's evidence, then the one with the right dates, then the right place."""
    place = bool(gold.location and event.location and _key(gold.location) == _key(event.location))
    dated = event.date == gold.date and event.end == gold.end
    return (event.type == gold.type, _evidence_overlaps(gold, event), dated, place)


def _assign(
    gold: Sequence[G],
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    quality: Callable[[G, P], tuple[bool, ...]],
    *,
    best_first: bool = False,
) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one: gold items in order, each taking the unused
    match of the highest quality (the first of equals)."""
    if best_first:
        return _assign_best_first(gold, predicted, matches, quality)
    used: set[int] = set()
    out: dict[int, int] = {}
    for i, g in enumerate(gold):
        best: int | None = None
        best_quality: tuple[bool, ...] = ()
        for j, p in enumerate(predicted):
            if j in used or not matches(g, p):
                continue
            q = quality(g, p)
            if best is None or q > best_quality:
                best, best_quality = j, q
        if best is not None:
            used.add(best)
            out[i] = best
    return out


def _assign_best_first(
    gold: Sequence[G],
    predicted: Sequence[P],
    matches: Callable[[G, P], bool],
    quality: Callable[[G, P], tuple[bool, ...]],
) -> dict[int, int]:
    """Gold index -> predicted index, one-to-one: the matching pairs of the highest quality
    paired first (then in gold order, then in predicted order). For events: an unnamed arrival
    listed first must not take the welcome ceremony of the same day that was drafted from the
    welcome's own sentence, leaving the welcome to take the reception."""
    pairs = [
        (quality(g, p), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if matches(g, p)
    ]
    pairs.sort(key=lambda t: (tuple(not q for q in t[0]), t[1], t[2]))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


# -- scores -----------------------------------------------------------------------------------


@dataclass
class Share:
    """right of total (a share among facts already matched)."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __add__(self, other: Share) -> Share:
        return Share(self.right + other.right, self.total + other.total)


@dataclass
class FactScore:
    name: str
    holdings: Score = field(default_factory=Score)
    holding_dates: Share = field(default_factory=Share)
    holding_status: Share = field(default_factory=Share)
    attendance: Score = field(default_factory=Score)
    attendance_role: Share = field(default_factory=Share)
    events: Score = field(default_factory=Score)
    events_dated: Score = field(default_factory=Score)
    """events matched with the right date and end (precision over every predicted event)"""
    errors: list[str] = field(default_factory=list)

    def __add__(self, other: FactScore) -> FactScore:
        return FactScore(
            "all",
            self.holdings + other.holdings,
            self.holding_dates + other.holding_dates,
            self.holding_status + other.holding_status,
            self.attendance + other.attendance,
            self.attendance_role + other.attendance_role,
            self.events + other.events,
            self.events_dated + other.events_dated,
            [*self.errors, *other.errors],
        )

    def as_dict(self) -> dict[str, Any]:
        def score(s: Score) -> dict[str, Any]:
            return {
                "right": s.tp,
                "predicted": s.tp + s.fp,
                "gold": s.tp + s.fn,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
            }

        def share(s: Share) -> dict[str, Any]:
            return {"right": s.right, "of": s.total, "share": round(s.value, 4)}

        return {
            "name": self.name,
            "holdings": score(self.holdings),
            "holding_dates": share(self.holding_dates),
            "holding_status": share(self.holding_status),
            "attendance": score(self.attendance),
            "attendance_role": share(self.attendance_role),
            "events": score(self.events),
            "events_dated": score(self.events_dated),
            "errors": list(self.errors),
        }


def total(scores: Iterable[FactScore]) -> FactScore:
    out = FactScore("all")
    for score in scores:
        out = out + score
    return out


def _membership_label(record: dict[str, Any], predicted: Predicted) -> str:
    def name(ref: Any) -> str:
        entity = predicted.entity(ref)
        return f"{ref} ({entity.names[0]})" if entity and entity.names else str(ref)

    post = f" post {name(record.get('post'))}" if record.get("post") else ""
    dates = "".join(f" {f}={record[f]}" for f in _DATE_FIELDS if record.get(f))
    return (
        f"{name(record.get('person'))} {record.get('role')} of {name(record.get('organ'))}"
        f"{post}{dates} [{record.get('status')}]"
    )


def _gold_dates(holding: GoldHolding) -> str:
    return " ".join(f"{f}={v}" for f, v in holding.dates.items() if v) or "no dates"


def score_facts(gold: Gold, predicted: Predicted) -> FactScore:
    """Score the predictions of one text against its gold (the rules: module docstring)."""
    result = FactScore(gold.name)
    events = _score_events(gold, predicted, result)
    _score_holdings(gold, predicted, result)
    _score_attendance(gold, predicted, result, events)
    return result


def _event_dated(gold: GoldEvent, event: Entity) -> bool:
    return event.date == gold.date and event.end == gold.end


def _score_events(gold: Gold, predicted: Predicted, result: FactScore) -> dict[str, str]:
    """Score the events; return the gold event key -> the id of the event matched to it."""
    found = predicted.events
    mapping = _assign(
        gold.events,
        found,
        lambda g, p: _event_matches(g, p, predicted),
        _event_quality,
        best_first=True,
    )
    n = len(mapping)
    result.events = Score(n, len(found) - n, len(gold.events) - n)
    dated = sum(1 for i, j in mapping.items() if _event_dated(gold.events[i], found[j]))
    result.events_dated = Score(dated, len(found) - dated, len(gold.events) - dated)
    for i, g in enumerate(gold.events):
        if i not in mapping:
            result.errors.append(f"missed event {g.label} {g.date or ''}".rstrip())
            continue
        event = found[mapping[i]]
        if not _event_dated(g, event):
            result.errors.append(
                f"event {g.label}: date {g.date}..{g.end} expected, got {event.date}..{event.end}"
            )
    matched = set(mapping.values())
    for j, event in enumerate(found):
        if j not in matched:
            label = event.names[0] if event.names else event.type
            result.errors.append(f"extra event {event.id} ({label}) {event.date or ''}".rstrip())
    return {gold.events[i].key: found[j].id for i, j in mapping.items()}


def _score_holdings(gold: Gold, predicted: Predicted, result: FactScore) -> None:
    found = predicted.memberships

    def matches(g: GoldHolding, p: PredictedFact) -> bool:
        r = p.record
        if not (
            _person_matches(g.person, r.get("person"), predicted)
            and r.get("role") == g.role
            and _ref_matches(g.organ, r.get("organ"), predicted, "organ")
        ):
            return False
        return g.post is None or _post_matches(g, r.get("post"), predicted, True)

    def dates_right(g: GoldHolding, p: PredictedFact) -> bool:
        return all(_soft_iso(p.record.get(f)) == g.dates[f] for f in _DATE_FIELDS)

    def status_right(g: GoldHolding, p: PredictedFact) -> bool:
        return p.record.get("status") == g.status

    mapping = _assign(
        gold.holdings, found, matches, lambda g, p: (dates_right(g, p), status_right(g, p))
    )
    n = len(mapping)
    result.holdings = Score(n, len(found) - n, len(gold.holdings) - n)
    for i, g in enumerate(gold.holdings):
        j = mapping.get(i)
        if j is None:
            near = [
                p for p in found if _person_matches(g.person, p.record.get("person"), predicted)
            ]
            hint = "; ".join(_membership_label(p.record, predicted) for p in near[:3])
            result.errors.append(
                f"missed holding {g.label} {_gold_dates(g)} [{g.status}] ({g.evidence!r})"
                + (f"; for that person: {hint}" if hint else "")
            )
            continue
        fact = found[j]
        result.holding_dates.total += 1
        result.holding_status.total += 1
        if dates_right(g, fact):
            result.holding_dates.right += 1
        else:
            got = " ".join(f"{f}={fact.record[f]}" for f in _DATE_FIELDS if fact.record.get(f))
            result.errors.append(
                f"holding {g.label}: dates {_gold_dates(g)} expected, got {got or 'no dates'}"
            )
        if status_right(g, fact):
            result.holding_status.right += 1
        else:
            result.errors.append(
                f"holding {g.label}: status {g.status} expected, got {fact.record.get('status')}"
            )
    matched = set(mapping.values())
    for j, fact in enumerate(found):
        if j not in matched:
            result.errors.append(
                f"extra holding {fact.id}: {_membership_label(fact.record, predicted)}"
            )


def _score_attendance(
    gold: Gold, predicted: Predicted, result: FactScore, events: dict[str, str]
) -> None:
    """Attendance at a gold event is right only at the event matched to it (``events``): with
    several unnamed events of a kind, a banquet's guests are not the arrival's."""
    found = predicted.participations

    def matches(g: GoldAttendance, p: PredictedFact) -> bool:
        return events.get(g.event) == str(p.record.get("event")) and _person_matches(
            g.person, p.record.get("ref"), predicted
        )

    def role_right(g: GoldAttendance, p: PredictedFact) -> bool:
        return str(p.record.get("role") or "").strip().lower() == g.role

    mapping = _assign(gold.attendance, found, matches, lambda g, p: (role_right(g, p),))
    n = len(mapping)
    result.attendance = Score(n, len(found) - n, len(gold.attendance) - n)
    for i, g in enumerate(gold.attendance):
        j = mapping.get(i)
        if j is None:
            unmatched = "" if g.event in events else ", an event not found"
            result.errors.append(
                f"missed attendance {g.person} at {g.event} ({g.role}){unmatched}"
            )
            continue
        result.attendance_role.total += 1
        if role_right(g, found[j]):
            result.attendance_role.right += 1
        else:
            result.errors.append(
                f"attendance {g.person} at {g.event}: role {g.role} expected, got "
                f"{found[j].record.get('role')}"
            )
    matched = set(mapping.values())
    for j, fact in enumerate(found):
        if j not in matched:
            result.errors.append(
                f"extra attendance {fact.id}: {fact.record.get('ref')} at "
                f"{fact.record.get('event')} ({fact.record.get('role')})"
            )


# -- running ingest ---------------------------------------------------------------------------


def _ingest_one(text: Path, data_dir: Path, date: str | None, article_type: str | None) -> Path:
    """Ingest ``text`` into ``data_dir`` as a curator would; the article's review file."""
    from ..ingest import ARTICLES_DIR, IngestOptions, ingest

    result = ingest([text], data_dir, options=IngestOptions(date=date, article_type=article_type))
    article = result.articles[0]
    return data_dir / ARTICLES_DIR / f"{article.id}.review.yaml"


def gold_files(folder: Path, records_dir: Path) -> list[Gold]:
    """Every (checked) gold of a folder, in name order."""
    records = _entities_of_records(records_dir)
    return [load_gold(text, gold, records) for text, gold in fixtures(folder)]


def evaluate_text(gold: Gold, records_dir: Path, *, cold: bool = False) -> FactScore:
    """Ingest one labelled text into a temporary copy of ``records_dir`` and score it.

    ``cold``: into a folder with only ``records_dir``'s ``kwpld.yaml`` (no people, organs or
    posts), as a curator starting a database would; the gold's record ids then match the
    drafts that carry one of the record's names."""
    with tempfile.TemporaryDirectory(prefix="kwpld-facts-") as tmp:
        data_dir = Path(tmp) / "data"
        if cold:
            data_dir.mkdir()
            shutil.copyfile(records_dir / "kwpld.yaml", data_dir / "kwpld.yaml")
        else:
            shutil.copytree(records_dir, data_dir)
        review = _ingest_one(gold.text, data_dir, gold.date, gold.type)
        return score_facts(gold, Predicted.read(data_dir, review))


def evaluate_facts(folder: Path, records_dir: Path, *, cold: bool = False) -> list[FactScore]:
    """Score every labelled text of ``folder`` (``dev/`` or ``heldout/``); ``cold``: each read
    into an empty data folder instead of a copy of the records (:func:`evaluate_text`)."""
    return [evaluate_text(gold, records_dir, cold=cold) for gold in gold_files(folder, records_dir)]


# -- identity across articles -----------------------------------------------------------------


@dataclass
class IdentityScore:
    name: str
    mentions: int = 0
    unread: int = 0
    """mentions of a known person not read as a person at all"""
    flagged: int = 0
    """mentions given several candidates (the review shows them)"""
    flagged_wrong: int = 0
    """of those, mentions whose person is not among the candidates"""
    duplicates: int = 0
    """records or drafts beyond one per person"""
    false_merges: int = 0
    """people beyond one per record or draft"""
    people: int = 0
    errors: list[str] = field(default_factory=list)

    def __add__(self, other: IdentityScore) -> IdentityScore:
        return IdentityScore(
            "all",
            self.mentions + other.mentions,
            self.unread + other.unread,
            self.flagged + other.flagged,
            self.flagged_wrong + other.flagged_wrong,
            self.duplicates + other.duplicates,
            self.false_merges + other.false_merges,
            self.people + other.people,
            [*self.errors, *other.errors],
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "people": self.people,
            "mentions": self.mentions,
            "unread": self.unread,
            "flagged": self.flagged,
            "flagged_wrong": self.flagged_wrong,
            "duplicates": self.duplicates,
            "false_merges": self.false_merges,
            "errors": list(self.errors),
        }


def identity_counts(
    name: str,
    people: dict[str, str | None],
    mentions: Sequence[tuple[str, str, Any]],
    records: Iterable[str] = (),
    nobody: Iterable[str] = (),
) -> IdentityScore:
    """Duplicates and false merges, from gold and predicted identities of mentions.

    ``people``: gold person key -> the record id that person already has (or None);
    ``mentions``: (label, gold person key, predicted) where predicted is an id, a tuple of
    candidate ids (several candidates: flagged), or None (not read); ``records``: ids of the
    people records the folder had at the start (each a person of its own unless a gold person
    claims it); ``nobody``: keys of mentions that stand for no one the texts know (a family name
    alone, with no full name before it), for which reading no person is right.
    """
    anonymous = set(nobody)
    score = IdentityScore(name, people=len(set(people) - anonymous))
    owner: dict[str, str] = {}
    for key, record in people.items():
        if record:
            owner[record] = key
    for record in records:
        owner.setdefault(record, f"record:{record}")
    ids_of: dict[str, set[str]] = {key: ({r} if r else set()) for key, r in people.items()}
    people_of: dict[str, set[str]] = {r: {k} for r, k in owner.items()}
    flagged: list[tuple[str, str, tuple[str, ...]]] = []
    for label, key, got in mentions:
        score.mentions += 1
        if got is None:
            if key not in anonymous:
                score.unread += 1
                score.errors.append(f"unread: {label}")
            continue
        if isinstance(got, tuple):
            flagged.append((label, key, got))
            continue
        ids_of.setdefault(key, set()).add(got)
        people_of.setdefault(got, set()).add(key)
    for label, key, candidates in flagged:
        score.flagged += 1
        right = ids_of.get(key, set()) & set(candidates)
        if not right:
            score.flagged_wrong += 1
        note = "" if right else " (not among them)"
        score.errors.append(f"flagged: {label} -> one of {', '.join(candidates)}{note}")
    for key, ids in sorted(ids_of.items()):
        if len(ids) > 1:
            score.duplicates += len(ids) - 1
            score.errors.append(f"duplicate: {key} is {', '.join(sorted(ids))}")
    for got, keys in sorted(people_of.items()):
        if len(keys) > 1:
            score.false_merges += len(keys) - 1
            score.errors.append(f"false merge: {got} is {', '.join(sorted(keys))}")
    return score


def _annotations(path: Path) -> dict[tuple[int, int], Any]:
    """(start, end) -> a person id, or a tuple of candidate ids, from Web Annotations."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[tuple[int, int], Any] = {}
    for item in (data.get("first") or {}).get("items") or []:
        if item.get("motivation") != "identifying":
            continue
        selector = next(
            (s for s in item["target"]["selector"] if s.get("type") == "TextPositionSelector"),
            None,
        )
        if selector is None:
            continue
        body = item.get("body")
        if isinstance(body, dict) and body.get("type") == "Choice":
            ids = tuple(
                str(i).rsplit("/", 1)[-1] for i in body.get("items") or [] if "/person/" in str(i)
            )
            if ids:
                out[(selector["start"], selector["end"])] = ids
        elif isinstance(body, str) and "/person/" in body:
            out[(selector["start"], selector["end"])] = body.rsplit("/", 1)[-1]
    return out


def _predicted_for(spans: dict[tuple[int, int], Any], start: int, end: int) -> Any:
    if (start, end) in spans:
        return spans[(start, end)]
    for (s, e), got in spans.items():  # a mention read with more or fewer words
        if s < end and start < e:
            return got
    return None


def _one_line(exc: KwpldError) -> str:
    """Why an accept failed, in a line: the loader's first problems, else the message."""
    if isinstance(exc, LoadError):
        return "; ".join(f"{p.file}: {p.message}" for p in list(exc.report)[:3])
    return " / ".join(str(exc).splitlines()[:3])


def _accept(data_dir: Path, how: Any, notes: list[str]) -> None:
    from ..review import accept, list_drafts

    if how in (None, "none", False):
        return
    kinds = None if how in ("all", True) else tuple(_names(how))
    if not [d for d in list_drafts(data_dir) if kinds is None or d.kind in kinds]:
        return
    try:
        accept(data_dir, every=True, kinds=kinds, with_dependencies=True)
    except KwpldError as exc:
        # As a curator would: what does not load is left for later; the people go in.
        why = _one_line(exc)
        notes.append(f"accept {how} failed ({why}); accepted the people only")
        try:
            accept(data_dir, every=True, kinds=("person",), with_dependencies=True)
        except KwpldError as again:
            why = _one_line(again)
            notes.append(f"accepting the people failed too ({why})")


@dataclass(frozen=True)
class SequenceMention:
    text: str
    person: str
    """a gold person key; for a name that stands for nobody, a key of its own"""
    at: int
    """offset in the text as ingest stores it"""
    nobody: bool = False


@dataclass(frozen=True)
class SequenceStep:
    text: Path
    date: str | None
    type: str | None
    accept: Any
    mentions: tuple[SequenceMention, ...]


@dataclass(frozen=True)
class IdentitySequence:
    name: str
    path: Path
    records: Path | None
    people: dict[str, str | None]
    steps: tuple[SequenceStep, ...]


def load_sequence(sequence: Path) -> IdentitySequence:
    """Read and check a ``sequence.yaml`` (format: the identity README): its texts exist, every
    gold mention is found in its text in order from the start of the body (a headline is
    metadata), every person key is declared, every record a person claims exists. Raises
    InputError naming the file, the step and the problem."""
    folder = sequence.parent
    try:
        data = _safe_load(sequence.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{sequence}: cannot read the sequence: {exc}") from None
    people_raw = data.get("people") if isinstance(data, dict) else None
    if not isinstance(people_raw, dict) or not people_raw:
        raise InputError(f"{sequence}: people: a mapping of gold person keys")
    people = {str(k): (v or {}).get("record") for k, v in people_raw.items()}
    records = (folder / data["records"]).resolve() if data.get("records") else None
    if records is not None:
        known = {e.id for e in _entities_of_records(records).values() if e.kind == "person"}
        for key, record in people.items():
            if record and record not in known:
                raise InputError(f"{sequence}: people: {key}: no person record {record}")
    steps = []
    for n, step in enumerate(data.get("steps") or [], 1):
        where = f"{sequence}: step {n}"
        text_path = folder / str(step.get("text"))
        if not text_path.is_file():
            raise InputError(f"{where}: no text {text_path.name}")
        source = read_source(text_path)
        body = [b.start for b in source.blocks if b.kind != "title"]
        cursor = body[0] if body else 0
        mentions = []
        for item in step.get("mentions") or []:
            needle = str(item.get("text"))
            at = source.text.find(needle, cursor)
            if at < 0:
                raise InputError(f"{where}: {needle!r} not found after offset {cursor}")
            cursor = at + 1
            if item.get("person") is None:
                # A name that stands for nobody the texts know ("Jang" with no Jang named
                # before it): a person of its own, so linking it to anyone is a merge.
                key = f"nobody ({text_path.name}: {needle!r} at {at})"
                mentions.append(SequenceMention(needle, key, at, nobody=True))
                continue
            key = str(item["person"])
            if key not in people:
                raise InputError(f"{where}: mention {needle!r}: no gold person {key!r}")
            mentions.append(SequenceMention(needle, key, at))
        options = step.get("options") or {}
        try:
            date = _iso(options.get("date"))
        except (DateError, ValueError) as exc:
            raise InputError(f"{where}: date {options.get('date')!r}: {exc}") from None
        steps.append(
            SequenceStep(
                text_path, date, options.get("type"), step.get("accept", "all"), tuple(mentions)
            )
        )
    if not steps:
        raise InputError(f"{sequence}: steps: at least one text")
    return IdentitySequence(folder.name, sequence, records, people, tuple(steps))


def evaluate_sequence(sequence: Path) -> IdentityScore:
    """Ingest a sequence's texts in order into one folder, accepting drafts between them, and
    count duplicates and false merges (``sequence``: a ``sequence.yaml``)."""
    from ..ingest import ARTICLES_DIR

    loaded = load_sequence(sequence)
    people = dict(loaded.people)
    mentions: list[tuple[str, str, Any]] = []
    nobody: list[str] = []
    notes: list[str] = []
    record_people: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kwpld-identity-") as tmp:
        data_dir = Path(tmp) / "data"
        if loaded.records is not None:
            shutil.copytree(loaded.records, data_dir)
            record_people = [
                e.id for e in _entities_of_records(data_dir).values() if e.kind == "person"
            ]
        else:
            data_dir.mkdir()
        for step in loaded.steps:
            review = _ingest_one(step.text, data_dir, step.date, step.type)
            article = review.name[: -len(".review.yaml")]
            text = (data_dir / ARTICLES_DIR / f"{article}.txt").read_text(encoding="utf-8")
            if text != read_source(step.text).text:
                raise InputError(f"{step.text}: ingest stored another text; offsets differ")
            spans = _annotations(data_dir / ARTICLES_DIR / f"{article}.annotations.jsonld")
            for mention in step.mentions:
                if mention.nobody:
                    people[mention.person] = None
                    nobody.append(mention.person)
                got = _predicted_for(spans, mention.at, mention.at + len(mention.text))
                label = f"{step.text.name}: {mention.text!r} at {mention.at} ({mention.person})"
                mentions.append((label, mention.person, got))
            _accept(data_dir, step.accept, notes)
    score = identity_counts(loaded.name, people, mentions, record_people, nobody)
    score.errors.extend(notes)
    return score


def evaluate_identity(folder: Path) -> list[IdentityScore]:
    """Every sequence below ``folder`` (``*/sequence.yaml``), in name order."""
    return [evaluate_sequence(path) for path in sorted(folder.glob("*/sequence.yaml"))]
