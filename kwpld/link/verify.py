"""Check the QIDs records already carry against what the endpoint says about those items.

Public data carries wrong QIDs for these very people, so a QID is trusted only once checked: a
curated ``wikidata:`` field and every accepted link are scored like any candidate, and a strong
conflict (no name in common, a Korean name that differs, a place where a person is meant, a
citizenship, sex or date that contradicts the records) is reported as a problem at the line
that carries the QID, as are items that do not exist and items merged into another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..model import LINKABLE_TYPES, Records, curated_qid
from .context import RecordContext
from .evidence import Evidence
from .review import LINKABLE
from .score import Candidate, score_item

__all__ = ["QidCheck", "checked_qids", "check_qids", "MISMATCH"]

MISMATCH = -2.5
"""Features at or below this weight make a QID a mismatch (weaker ones are left to review)."""


@dataclass
class QidCheck:
    """The outcome of checking one QID that a record carries."""

    record_id: str
    qid: str
    where: str
    problems: list[Problem] = field(default_factory=list)
    candidate: Candidate | None = None

    @property
    def confirmed(self) -> bool:
        return not self.problems


def checked_qids(records: Records) -> dict[tuple[str, str], tuple[str, int, str, str]]:
    """(record id, QID) -> (file, line, kind, field) of every QID to check, each once."""
    found: dict[tuple[str, str], tuple[str, int, str, str]] = {}
    for kind in LINKABLE:
        for record in records.of_kind(kind):
            qid = curated_qid(record)
            if qid:
                found[(record.id, qid)] = (record.origin.file, record.origin.line, kind, "wikidata")
    for link in records.links:
        if link.accepted:
            found.setdefault(
                (link.entity, link.qid), (link.origin.file, link.origin.line, "link", "qid")
            )
    return found


def check_qids(records: Records, evidence: Evidence, ctx: RecordContext) -> list[QidCheck]:
    """Check every curated QID and accepted link (their facts must be in ``evidence``)."""
    checks = []
    for (record_id, qid), (file, line, kind, field_name) in sorted(checked_qids(records).items()):
        record = records[record_id]
        check = QidCheck(record_id, qid, f"{file}:{line}")

        def problem(code: str, message: str) -> None:
            check.problems.append(Problem(code, message, file, line, record_id, kind, field_name))  # noqa: B023

        facts = evidence.get(qid)
        if facts is None or not facts.exists:
            problem("wikidata-missing", f"{qid} has no data on the endpoint: deleted, or a typo?")
        elif facts.redirect:
            problem(
                "wikidata-redirect",
                f"{qid} was merged into {facts.redirect}; write {facts.redirect} instead",
            )
        elif isinstance(record, LINKABLE_TYPES):
            candidate = score_item(record, facts, evidence, ctx)
            check.candidate = candidate
            strong = [f.text for f in candidate.conflicts if f.weight <= MISMATCH]
            if strong:
                label = f" ({candidate.label})" if candidate.label else ""
                problem(
                    "wikidata-mismatch",
                    f"{qid}{label} does not fit the record: " + "; ".join(strong),
                )
        checks.append(check)
    return checks
