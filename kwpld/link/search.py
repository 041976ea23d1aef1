"""Candidate search: which items carry one of a record's spellings as a label, alias or name.

The spellings of many records go into one ``candidates.rq`` query as a VALUES block of
language-tagged literals (and plain strings for the romanization statements), up to
``max_terms`` literals per query, so a hundred people take a handful of requests.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..names import System
from .client import SparqlClient
from .evidence import qid_of
from .queries import label_terms, render, string_terms
from .variants import Spelling, normalize, spellings

__all__ = ["Hit", "search", "MAX_TERMS", "MAX_CANDIDATES"]

MAX_TERMS = 2500
"""Literals per candidate query (WDQS answers POSTed VALUES blocks of this size quickly)."""
MAX_CANDIDATES = 25
"""Items kept per record for scoring (a bare abbreviation can match dozens)."""

_ROMANIZATION_SYSTEMS = {
    System.MR.value: "P1942",
    System.MR_ASCII.value: "P1942",
    System.RR.value: "P2001",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """An item found for a record: which spelling matched, and where (label, alias, P1942 ...)."""

    qid: str
    text: str
    lang: str | None
    via: str
    spelling: Spelling

    def describe(self) -> str:
        lang = f"@{self.lang}" if self.lang else ""
        return f"{self.via} '{self.text}'{lang}"


def _terms(record: object) -> tuple[list[tuple[Spelling, str, str]], list[tuple[Spelling, str]]]:
    labels, strings = [], []
    for spelling in spellings(record):
        for lang in spelling.languages():
            labels.append((spelling, spelling.text, lang))
        if spelling.name.system in _ROMANIZATION_SYSTEMS and spelling.script == "latin":
            strings.append((spelling, spelling.text))
    return labels, strings


def _batches(records: Sequence[object], max_terms: int) -> Iterator[list[object]]:
    batch: list[object] = []
    size = 0
    for record in records:
        labels, strings = _terms(record)
        count = len(labels) + len(strings)
        if batch and size + count > max_terms:
            yield batch
            batch, size = [], 0
        batch.append(record)
        size += count
    if batch:
        yield batch


def search(
    client: SparqlClient, records: Sequence[object], *, max_terms: int = MAX_TERMS
) -> dict[str, list[Hit]]:
    """Hits per record id, best first; records without hits are absent."""
    found: dict[str, list[Hit]] = {}
    batches = list(_batches(records, max_terms))
    for number, batch in enumerate(batches, 1):
        by_label: dict[tuple[str, str], list[tuple[str, Spelling]]] = {}
        by_string: dict[str, list[tuple[str, Spelling]]] = {}
        for record in batch:
            labels, strings = _terms(record)
            for spelling, text, lang in labels:
                by_label.setdefault((text, lang), []).append((record.id, spelling))  # type: ignore[attr-defined]
            for spelling, text in strings:
                by_string.setdefault(text, []).append((record.id, spelling))  # type: ignore[attr-defined]
        query = render(
            "candidates",
            labels=label_terms(sorted(by_label)),
            strings=string_terms(sorted(by_string)),
        )
        rows = client.select(query, purpose=f"candidate search ({number} of {len(batches)})")
        for row in rows:
            qid = qid_of(row["item"].value) if "item" in row else None
            if qid is None or "text" not in row or "via" not in row:
                continue
            term, via = row["text"], row["via"].value
            lang = (term.lang or "").lower() or None
            text = normalize(term.value)
            owners = by_label.get((text, lang), []) if lang else by_string.get(text, [])
            for record_id, spelling in owners:
                found.setdefault(record_id, []).append(Hit(qid, term.value, lang, via, spelling))
    for record_id, hits in found.items():
        found[record_id] = _keep(hits)
    return found


def _rank(hit: Hit) -> tuple:
    name = hit.spelling.name
    return (
        name.kind == "abbreviation",
        not hit.spelling.original,
        name.kind != "preferred",
        hit.via != "label",
        int(hit.qid[1:]),
        hit.text,
        hit.lang or "",
        hit.via,
    )


def _keep(hits: list[Hit]) -> list[Hit]:
    """Distinct hits, best first, for at most MAX_CANDIDATES items."""
    unique = {(h.qid, h.text, h.lang, h.via, h.spelling.text): h for h in hits}
    hits = sorted(unique.values(), key=_rank)
    items: list[str] = []
    for hit in hits:
        if hit.qid not in items:
            items.append(hit.qid)
    keep = set(items[:MAX_CANDIDATES])
    return [h for h in hits if h.qid in keep]
