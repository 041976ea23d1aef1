"""Turn schema-checked raw records into model objects, reading every date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..dates import DateError, PartialDate, parse_date
from ..errors import Problem
from ..model import (
    Article,
    DatasetInfo,
    Event,
    Membership,
    Name,
    Organ,
    Origin,
    Participant,
    Person,
    Post,
    Quote,
    Record,
    Rule,
    WikidataLink,
)
from .derived import read_derivations
from .files import LineDict, line_of
from .schema import field_label
from .values import normalize_text

__all__ = ["Converter", "dataset_info"]


class Converter:
    """Builds model objects from one file's raw records, collecting date problems."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    # -- helpers ------------------------------------------------------------------------------
    def _date(self, raw: LineDict, key: str, kind: str, path: list[object]) -> PartialDate | None:
        if key not in raw:
            return None
        try:
            return parse_date(raw[key])
        except DateError as exc:
            line, column = line_of(raw, [key])
            label = field_label([*path, key])
            if column and getattr(raw, "column", None) is None:
                label = column
            self.problems.append(
                Problem(exc.code, str(exc), self.file, line, _id(raw), kind, label)
            )
            return None

    def _names(self, raw: LineDict, kind: str) -> list[Name]:
        names: list[Name] = []
        seen_systems: set[str] = set()
        for index, item in enumerate(raw.get("names", [])):
            path: list[object] = ["names", index]
            system = item["system"]
            default_kind = "alternate" if system in seen_systems else "preferred"
            name_kind = item.get("kind", default_kind)
            if name_kind == "preferred":
                seen_systems.add(system)
            names.append(
                Name(
                    text=normalize_text(" ".join(item["text"].split())),
                    system=system,
                    kind=name_kind,
                    valid_from=self._date_in(item, "valid_from", raw, kind, path),
                    valid_until=self._date_in(item, "valid_until", raw, kind, path),
                    renamed_by=item.get("renamed_by"),
                    sources=list(item.get("sources", [])),
                    note=_text(item.get("note")),
                )
            )
        return names

    def _date_in(
        self, item: LineDict, key: str, record: LineDict, kind: str, path: list[object]
    ) -> PartialDate | None:
        if key not in item:
            return None
        try:
            return parse_date(item[key])
        except DateError as exc:
            line = item.key_lines.get(key, item.line)
            label = field_label([*path, key])
            if item.column:
                label = f"{label} (column {item.column})"
            self.problems.append(
                Problem(exc.code, str(exc), self.file, line, _id(record), kind, label)
            )
            return None

    def _origin(self, raw: LineDict) -> Origin:
        return Origin(self.file, raw.line)

    # -- kinds --------------------------------------------------------------------------------
    def person(self, raw: LineDict) -> Person:
        return Person(
            id=raw["id"],
            origin=self._origin(raw),
            names=self._names(raw, "person"),
            gender=raw.get("gender"),
            born=self._date(raw, "born", "person", []),
            died=self._date(raw, "died", "person", []),
            citizenship=raw.get("citizenship"),
            wikidata=raw.get("wikidata"),
            description=_text(raw.get("description")),
            sources=list(raw.get("sources", [])),
            note=_text(raw.get("note")),
        )

    def organ(self, raw: LineDict) -> Organ:
        return Organ(
            id=raw["id"],
            origin=self._origin(raw),
            names=self._names(raw, "organ"),
            organ_kind=raw["kind"],
            parent=raw.get("parent"),
            founded=self._date(raw, "founded", "organ", []),
            dissolved=self._date(raw, "dissolved", "organ", []),
            wikidata=raw.get("wikidata"),
            description=_text(raw.get("description")),
            sources=list(raw.get("sources", [])),
            note=_text(raw.get("note")),
        )

    def post(self, raw: LineDict) -> Post:
        return Post(
            id=raw["id"],
            origin=self._origin(raw),
            organ=raw["organ"],
            role=raw["role"],
            names=self._names(raw, "post"),
            description=_text(raw.get("description")),
            sources=list(raw.get("sources", [])),
            note=_text(raw.get("note")),
        )

    def membership(self, raw: LineDict) -> Membership:
        return Membership(
            id=raw["id"],
            origin=self._origin(raw),
            person=raw["person"],
            organ=raw["organ"],
            role=raw["role"],
            status=raw["status"],
            post=raw.get("post"),
            start=self._date(raw, "start", "membership", []),
            end=self._date(raw, "end", "membership", []),
            as_of=self._date(raw, "as_of", "membership", []),
            sources=list(raw.get("sources", [])),
            note=_text(raw.get("note")),
        )

    def event(self, raw: LineDict) -> Event:
        participants = []
        for item in raw.get("participants", []):
            if isinstance(item, str):
                participants.append(Participant(item))
            else:
                participants.append(
                    Participant(item["ref"], _text(item.get("role")), list(item.get("sources", [])))
                )
        rules = [
            Rule(
                normalize_text(item["text"]),
                list(item.get("applies_to", [])),
                list(item.get("sources", [])),
            )
            for item in raw.get("rules", [])
        ]
        return Event(
            id=raw["id"],
            origin=self._origin(raw),
            event_type=raw["type"],
            names=self._names(raw, "event"),
            series=raw.get("series"),
            ordinal=raw.get("ordinal"),
            date=self._date(raw, "date", "event", []),
            end=self._date(raw, "end", "event", []),
            location=_text(raw.get("location")),
            organizer=_as_list(raw.get("organizer")),
            participants=participants,
            about=list(raw.get("about", [])),
            text=_text(raw.get("text")),
            rules=rules,
            title=_text(raw.get("title")),
            conferred_by=raw.get("conferred_by"),
            conferred_on=_as_list(raw.get("conferred_on")),
            wikidata=raw.get("wikidata"),
            description=_text(raw.get("description")),
            sources=list(raw.get("sources", [])),
            note=_text(raw.get("note")),
        )

    def article(self, raw: LineDict) -> Article:
        quotes = [
            Quote(
                text=normalize_text(item["text"]),
                source=item.get("source"),
                speaker=item.get("speaker"),
                language=item.get("language"),
                note=_text(item.get("note")),
            )
            for item in raw.get("quotes", [])
        ]
        return Article(
            id=raw["id"],
            origin=self._origin(raw),
            article_type=raw["type"],
            title=normalize_text(" ".join(raw["title"].split())),
            names=self._names(raw, "article"),
            authors=list(raw.get("authors", [])),
            publisher=raw.get("publisher"),
            published_in=raw.get("published_in"),
            date=self._date(raw, "date", "article", []),
            url=raw.get("url"),
            language=raw.get("language"),
            about=list(raw.get("about", [])),
            mentions=list(raw.get("mentions", [])),
            cites=list(raw.get("cites", [])),
            part_of=raw.get("part_of"),
            caption=_text(raw.get("caption")),
            credit=_text(raw.get("credit")),
            quotes=quotes,
            wikidata=raw.get("wikidata"),
            description=_text(raw.get("description")),
            sources=list(raw.get("sources", [])),
            note=_text(raw.get("note")),
        )

    def link(self, raw: LineDict) -> WikidataLink:
        score = raw.get("score")
        return WikidataLink(
            entity=raw["entity"],
            qid=raw["qid"],
            origin=self._origin(raw),
            by=normalize_text(" ".join(raw["by"].split())),
            date=self._date(raw, "date", "link", []),  # type: ignore[arg-type] # problems reported
            method=raw["method"],
            decision=raw.get("decision", "accepted"),
            score=float(score) if score is not None else None,
            label=_text(raw.get("label")),
            note=_text(raw.get("note")),
        )

    def check_dates(self, kind: str, raw: LineDict) -> None:
        """Read the dates of a record that failed the schema, so their problems show too."""
        for key in _DATE_FIELDS[kind]:
            if isinstance(raw.get(key), (str, int)):
                self._date(raw, key, kind, [])
        names = raw.get("names")
        if isinstance(names, list):
            for index, item in enumerate(names):
                if isinstance(item, LineDict):
                    for key in ("valid_from", "valid_until"):
                        if isinstance(item.get(key), (str, int)):
                            self._date_in(item, key, raw, kind, ["names", index])

    def build(self, kind: str, raw: LineDict) -> Record:
        builder: Callable[[LineDict], Record] = getattr(self, kind)
        record = builder(raw)
        read_derivations(record, raw, self.file, self.problems)
        return record


_DATE_FIELDS = {
    "person": ("born", "died"),
    "organ": ("founded", "dissolved"),
    "post": (),
    "membership": ("start", "end", "as_of"),
    "event": ("date", "end"),
    "article": ("date",),
    "link": ("date",),
}


def _text(value: str | None) -> str | None:
    """Free text as the graph holds it: NFC (see :func:`~kwpld.load.values.normalize_text`)."""
    return normalize_text(value) if value is not None else None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _id(raw: LineDict) -> str | None:
    value = raw.get("id")
    return value if isinstance(value, str) else None


def dataset_info(raw: LineDict | None, folder_name: str) -> DatasetInfo:
    if raw is None:
        return DatasetInfo(id=_slug_id(folder_name), title=folder_name)
    info = DatasetInfo(id=raw["id"], title=normalize_text(raw["title"]))
    for key in ("description", "publisher"):
        if key in raw:
            setattr(info, key, normalize_text(raw[key]))
    for key in ("base_iri", "license", "homepage"):
        if key in raw:
            setattr(info, key, raw[key])
    if "version" in raw:
        info.version = str(raw["version"])
    info.creators = [normalize_text(c) for c in raw.get("creators", [])]
    return info


def _slug_id(name: str) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "kwpld-dataset"
