"""What the tests of drafted facts share: the labelled set's data folder, and what a read
drafted: the attendance by event, the holdings as tuples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def attended(drafted: Drafted) -> dict[str, dict[str, str]]:
    """event id -> {person: role} of the participations drafted."""
    out: dict[str, dict[str, str]] = {}
    for d in drafted.drafts:
        if d.kind == "participation":
            out.setdefault(d.record["event"], {})[d.record["ref"]] = d.record.get("role", "")
    return out


def events(drafted: Drafted) -> dict[str, dict[str, Any]]:
    """event id -> record of the events drafted (not the series)."""
    return {
        d.id: d.record
        for d in drafted.drafts
        if d.kind == "event" and d.record.get("type") != "series"
    }


def attended_anywhere(drafted: Drafted) -> set[str]:
    """Every person the drafts place at any event."""
    return {person for people in attended(drafted).values() for person in people}


def attended_at(drafted: Drafted, kind: str, day: str) -> dict[str, str]:
    """{person: role} at the one event of ``kind`` on ``day`` (fails unless exactly one)."""
    (key,) = [
        k for k, e in events(drafted).items() if e.get("type") == kind and iso(e.get("date")) == day
    ]
    return attended(drafted).get(key, {})


def iso(value: object) -> str | None:
    """A drafted date as ISO at its precision; None for none."""
    return None if value is None else parse_date(value).iso


def drafted_names(drafted: Drafted) -> dict[str, str]:
    """The first name of every person and organ drafted, by draft id."""
    names: dict[str, str] = {}
    for d in drafted.drafts:
        first = (d.record.get("names") or [{}])[0]
        if d.kind in ("person", "organ") and isinstance(first, dict):
            names[d.id] = first.get("text", d.id)
    return names


def terms(drafted: Drafted) -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted; a drafted person or organ by
    its first name."""
    names = drafted_names(drafted)
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         iso(r.get("start")), iso(r.get("end")))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


Row = tuple[str, str, str, str | None, str | None, str | None, str]
"""(person, role, organ, start, end, as_of, status) of a holding drafted"""


def rows(drafted: Drafted) -> set[Row]:
    """:data:`Row` of every holding drafted, people and organs by id."""
    return {
        (r["person"], r["role"], r["organ"], iso(r.get("start")), iso(r.get("end")),
         iso(r.get("as_of")), r["status"])
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


Held = tuple[str, str, str]
"""(person, role, organ) of a holding: people and organs by record id, else their first name"""


def held_records(text: str, known: Known, date: str) -> list[tuple[Held, dict[str, Any]]]:
    """:data:`Held` and the record of every holding a news text of ``date`` drafts."""
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    names = drafted_names(drafted)
    return [
        ((names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"])), r)
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    ]  # fmt: skip


def held(text: str, known: Known, date: str) -> set[Held]:
    """:data:`Held` of every holding a news text of ``date`` drafts."""
    return {row for row, _ in held_records(text, known, date)}


def one_held(
    rows: list[tuple[Held, dict[str, Any]]], person: str, organ: str
) -> dict[str, Any]:
    """The record of the one holding of ``person`` in ``organ`` among :func:`held_records`."""
    found = [r for row, r in rows if row[0] == person and row[2] == organ]
    assert len(found) == 1, (person, organ, rows)
    return found[0]
