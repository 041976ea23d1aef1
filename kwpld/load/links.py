"""Checks of Wikidata links against each other and against the records they link.

A record is one Wikidata item at most, and one item is one record at most: two accepted
links for one record, one item accepted for two records, a decision written twice or both
accepted and rejected, or a link that contradicts the record's own ``wikidata`` field are
errors that name both places.
"""

from __future__ import annotations

from ..errors import Problem
from ..model import Record, WikidataLink
from .checks import Entry
from .files import line_of

__all__ = ["check_links"]


def check_links(entries: list[Entry], by_id: dict[str, Record]) -> list[Problem]:
    """Every conflict among the ``wikidata_links`` of all files."""
    problems: list[Problem] = []
    links: list[tuple[Entry, WikidataLink]] = []
    for e in entries:
        if isinstance(e.record, WikidataLink):
            links.append((e, e.record))
    seen: dict[tuple[str, str], Entry] = {}
    accepted_by_entity: dict[str, tuple[Entry, WikidataLink]] = {}
    accepted_by_qid: dict[str, tuple[Entry, WikidataLink]] = {}

    def problem(entry: Entry, link: WikidataLink, code: str, message: str, field: str) -> Problem:
        line, _ = line_of(entry.raw, [field])
        return Problem(code, message, entry.file, line, link.entity, "link", field)

    for entry, link in links:
        key = (link.entity, link.qid)
        if key in seen:
            first = seen[key]
            first_link = first.record
            assert isinstance(first_link, WikidataLink)
            if first_link.decision == link.decision:
                message = (
                    f"the link of '{link.entity}' to {link.qid} is already written at "
                    f"{first.file}:{first.raw.line}; keep one"
                )
                problems.append(problem(entry, link, "duplicate-link", message, "qid"))
            else:
                message = (
                    f"'{link.entity}' is {link.decision} as {link.qid} here but "
                    f"{first_link.decision} at {first.file}:{first.raw.line}; keep one decision"
                )
                problems.append(problem(entry, link, "link-conflict", message, "decision"))
            continue
        seen[key] = entry
        record = by_id.get(link.entity)
        curated = getattr(record, "wikidata", None)
        if record is not None and curated and (curated != link.qid) == link.accepted:
            if link.accepted:
                message = (
                    f"the {record.kind} '{link.entity}' says wikidata: {curated} at "
                    f"{record.origin}, but this link accepts {link.qid}; correct the record or "
                    "reject the link"
                )
            else:
                message = (
                    f"the {record.kind} '{link.entity}' says wikidata: {curated} at "
                    f"{record.origin}, but this link rejects it; remove the wikidata field from "
                    "the record or drop the rejection"
                )
            problems.append(problem(entry, link, "link-conflict", message, "qid"))
        if not link.accepted:
            continue
        other = accepted_by_entity.get(link.entity)
        if other is not None:
            message = (
                f"'{link.entity}' is already linked to {other[1].qid} at "
                f"{other[0].file}:{other[0].raw.line}; a record is one Wikidata item at most, "
                "so reject one of the two"
            )
            problems.append(problem(entry, link, "link-conflict", message, "qid"))
        else:
            accepted_by_entity[link.entity] = (entry, link)
        same_item = accepted_by_qid.get(link.qid)
        if same_item is not None and same_item[1].entity != link.entity:
            message = (
                f"{link.qid} is already linked to '{same_item[1].entity}' at "
                f"{same_item[0].file}:{same_item[0].raw.line}; two records cannot be one "
                "Wikidata item: merge the records or reject one link"
            )
            problems.append(problem(entry, link, "link-conflict", message, "qid"))
        else:
            accepted_by_qid.setdefault(link.qid, (entry, link))
    return problems
