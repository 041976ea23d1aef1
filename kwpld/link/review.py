"""The review file: ranked candidates per record, with scores and reasons, and a decision column.

``kwpld link`` writes ``wikidata.review.csv`` in the data folder (the loader skips
``*.review.*`` files). A scholar opens it in a spreadsheet, writes ``accept`` or ``reject`` in
the ``decision`` column of the rows they have judged (or a QID of their own, with ``accept``,
on a row that found no candidate), and runs ``kwpld link`` again: the decisions go to
``wikidata-links.yaml`` with who made them and when, before any request is made.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import PartialDate
from ..errors import InputError, Problem
from ..model import Linkable, Origin, Record, Records, WikidataLink, curated_qid
from .score import Candidate, record_name
from .store import atomic_write
from .variants import spellings

__all__ = [
    "REVIEW_FILE",
    "COLUMNS",
    "ReviewEntry",
    "write_review",
    "read_decisions",
    "write_decision",
    "LINKABLE",
]

REVIEW_FILE = "wikidata.review.csv"
COLUMNS = (
    "entity",
    "kind",
    "record",
    "name",
    "status",
    "rank",
    "qid",
    "score",
    "label",
    "description",
    "reasons",
    "conflicts",
    "found_by",
    "url",
    "decision",
    "reviewer",
    "note",
)
"""Columns of the review file; kwpld fills all but decision, reviewer and note."""
LINKABLE = ("person", "organ", "event", "article")

_ACCEPT = {"accept", "accepted", "yes", "y"}
_REJECT = {"reject", "rejected", "no", "n"}
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass
class ReviewEntry:
    """A record that needs a decision: its ranked candidates and why it was not decided."""

    record: Linkable
    status: str
    candidates: list[Candidate] = field(default_factory=list)


def _rows(entry: ReviewEntry) -> list[dict[str, str]]:
    record = entry.record
    base = {
        "entity": record.id,
        "kind": record.kind,
        "record": str(record.origin),
        "name": record_name(record),
        "status": entry.status,
    }
    if not entry.candidates:
        searched = ", ".join(s.text for s in spellings(record)[:6])
        return [{**base, "reasons": f"no item has any of these names: {searched}"}]
    rows = []
    for rank, candidate in enumerate(entry.candidates, 1):
        rows.append(
            {
                **base,
                "rank": str(rank),
                "qid": candidate.qid,
                "score": f"{candidate.score:.3f}",
                "label": candidate.label or "",
                "description": candidate.description or "",
                "reasons": candidate.reasons,
                "conflicts": candidate.conflict_text,
                "found_by": "; ".join(candidate.found_by),
                "url": f"https://www.wikidata.org/wiki/{candidate.qid}",
            }
        )
    return rows


def render_review(entries: list[ReviewEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    for entry in entries:
        writer.writerows(_rows(entry))
    return buffer.getvalue()


def write_review(path: Path, entries: list[ReviewEntry]) -> None:
    atomic_write(path, render_review(entries))


# -- reading decisions ---------------------------------------------------------------------------


@dataclass
class Decisions:
    """What a review file asks for: new links, and the rows that cannot be applied."""

    links: list[WikidataLink] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    already: int = 0
    """Decisions already recorded in wikidata-links.yaml (a review file applied twice)."""


def read_decisions(
    path: Path, records: Records, *, reviewer: str | None, date: PartialDate
) -> Decisions:
    """The decisions written in the review file at ``path`` (none when it does not exist)."""
    result = Decisions()
    if not path.exists():
        return result
    rows = _read_rows(path, result.problems)
    seen = _Seen.of(records)
    for number, row in enumerate(rows):
        line = number + 2  # rows never span lines in kwpld's file; a header line precedes them
        _decide(row, Origin(path.name, line), records, seen, result, reviewer=reviewer, date=date)
    return result


def _read_rows(path: Path, problems: list[Problem]) -> list[dict[str, str]]:
    """The rows of the review file, or none (and a problem) when it cannot be read as the file
    kwpld wrote: unreadable, without the columns a decision needs, or not CSV."""
    label = path.name
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem("unreadable", f"cannot read the review file: {exc}", label))
        return []
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","  # spreadsheets in some locales
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = {"entity", "qid", "decision"} - set(reader.fieldnames or [])
    if missing:
        problems.append(
            Problem(
                "review-invalid",
                f"the review file has no {', '.join(sorted(missing))} column; it must keep the "
                f"header kwpld wrote ({', '.join(COLUMNS)})",
                label,
                1,
            )
        )
        return []
    try:
        return list(reader)
    except csv.Error as exc:
        problems.append(Problem("syntax", f"not valid CSV: {exc}", label, reader.line_num))
        return []


@dataclass
class _Seen:
    """What a decision must agree with: the links wikidata-links.yaml records, and the
    acceptances on earlier lines of the review file (one item per record and one record per
    item, wherever it is said)."""

    accepted: dict[str, WikidataLink]
    by_qid: dict[str, WikidataLink]
    recorded: dict[tuple[str, str], WikidataLink]
    in_file: dict[str, tuple[str, int]] = field(default_factory=dict)
    qid_in_file: dict[str, tuple[str, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Records) -> _Seen:
        return cls(
            accepted={k.entity: k for k in records.links if k.accepted},
            by_qid={k.qid: k for k in records.links if k.accepted},
            recorded={(k.entity, k.qid): k for k in records.links},
        )

    def conflict(
        self, entity: str, qid: str, decision: str, record: Record | WikidataLink, line: int
    ) -> str | None:
        """Why the decision cannot be recorded, or None (and an acceptance is remembered)."""
        curated = curated_qid(record)
        if decision != "accepted":
            if curated == qid:
                return (
                    f"the record says wikidata: {curated} at {record.origin}; "
                    "remove it to reject it"
                )
            return None
        if entity in self.accepted and self.accepted[entity].qid != qid:
            return (
                f"'{entity}' is already linked to {self.accepted[entity].qid} at "
                f"{self.accepted[entity].origin}; reject that link there first"
            )
        if curated and curated != qid:
            return f"the record says wikidata: {curated} at {record.origin}; correct it first"
        if qid in self.by_qid and self.by_qid[qid].entity != entity:
            other_link = self.by_qid[qid]
            return f"{qid} is already the item of '{other_link.entity}' ({other_link.origin})"
        if entity in self.in_file and self.in_file[entity][0] != qid:
            other, other_line = self.in_file[entity]
            return f"'{entity}' is also accepted as {other} on line {other_line}"
        if qid in self.qid_in_file and self.qid_in_file[qid][0] != entity:
            other, other_line = self.qid_in_file[qid]
            return f"{qid} is also accepted for '{other}' on line {other_line}"
        self.in_file[entity] = (qid, line)
        self.qid_in_file[qid] = (entity, line)
        return None


def _decide(
    row: dict[str, str],
    origin: Origin,
    records: Records,
    seen: _Seen,
    result: Decisions,
    *,
    reviewer: str | None,
    date: PartialDate,
) -> None:
    """Record the decision of one row in ``result``: a new link, one already recorded, a
    problem, or nothing (an empty decision cell)."""
    raw = (row.get("decision") or "").strip().lower()
    if not raw:
        return
    entity = (row.get("entity") or "").strip()
    qid = (row.get("qid") or "").strip().upper()

    def problem(message: str, field: str = "decision") -> None:
        result.problems.append(
            Problem(
                "review-invalid", message, origin.file, origin.line, entity or None, "link", field
            )
        )

    if raw in _ACCEPT:
        decision = "accepted"
    elif raw in _REJECT:
        decision = "rejected"
    else:
        problem(f"'{raw}' is not a decision: write accept or reject (or leave the cell empty)")
        return
    record = records.get(entity)
    if record is None or record.kind not in LINKABLE:
        problem(f"no person, organ, event or article has the id '{entity}'", "entity")
        return
    if not _QID.match(qid):
        problem(f"'{qid}' is not a Wikidata item id such as Q56226", "qid")
        return
    who = " ".join((row.get("reviewer") or reviewer or "").split())
    if not who:
        problem("who decided? fill the reviewer column, or pass --reviewer NAME", "reviewer")
        return
    previous = seen.recorded.get((entity, qid))
    if previous is not None:
        if previous.decision == decision:
            result.already += 1
        else:
            problem(
                f"{qid} is already {previous.decision} for '{entity}' at {previous.origin}; "
                "change that decision there"
            )
        return
    conflict = seen.conflict(entity, qid, decision, record, origin.line)
    if conflict is not None:
        problem(conflict)
        return
    score = _score(row.get("score"))
    is_candidate = bool((row.get("rank") or "").strip()) and score is not None
    result.links.append(
        WikidataLink(
            entity=entity,
            qid=qid,
            origin=origin,
            by=who,
            date=date,
            method="review" if is_candidate else "manual",
            decision=decision,
            score=score if is_candidate else None,
            label=(row.get("label") or "").strip() or None,
            note=(row.get("note") or "").strip() or None,
        )
    )


def write_decision(
    path: Path,
    entity: str,
    qid: str,
    decision: str,
    *,
    reviewer: str | None = None,
    note: str | None = None,
) -> None:
    """Write ``decision`` (accept or reject) in the row of ``entity`` and ``qid``, as a scholar
    does in a spreadsheet, keeping every other row, the header and the delimiter; the file is
    replaced in one step. ``kwpld link`` (``--apply-only``) then records it. Raises
    :class:`~kwpld.errors.InputError` when the file has no such row."""
    if decision not in ("accept", "reject", ""):
        raise InputError(f"'{decision}' is not a decision: accept or reject")
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path.name}: cannot read the review file: {exc}") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = list(reader.fieldnames or [])
    rows = list(reader)
    found = False
    for row in rows:
        if (row.get("entity") or "").strip() == entity and (
            (row.get("qid") or "").strip().upper() == qid.upper()
        ):
            row["decision"] = decision
            if reviewer is not None and "reviewer" in fields:
                row["reviewer"] = reviewer
            if note is not None and "note" in fields:
                row["note"] = note
            found = True
    if not found:
        raise InputError(f"{path.name}: no row proposes {qid} for '{entity}'")
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fields, delimiter=delimiter, lineterminator="\n", restval="", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    atomic_write(path, buffer.getvalue())


def _score(value: str | None) -> float | None:
    try:
        score = float((value or "").strip())
    except ValueError:
        return None
    return score if 0.0 <= score <= 1.0 else None
