"""Candidate search: which items carry one of a record's spellings as a label, alias or name.

The spellings of many records go into one ``candidates.rq`` query as a VALUES block of
language-tagged literals (and plain strings for the romanization statements), up to
``max_terms`` literals per query, so a hundred people take a handful of requests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Linkable
from ..names import System
from .client import SparqlClient
from .evidence import qid_of
from .queries import label_terms, render, string_terms, version
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


def _terms(record: Linkable) -> tuple[list[tuple[Spelling, str, str]], list[tuple[Spelling, str]]]:
    labels, strings = [], []
    for spelling in spellings(record):
        for lang in spelling.languages():
            labels.append((spelling, spelling.text, lang))
        if spelling.name.system in _ROMANIZATION_SYSTEMS and spelling.script == "latin":
            strings.append((spelling, spelling.text))
    return labels, strings


def _key(text: str, lang: str | None) -> str:
    return f"{lang or ''}\t{text}"


def search(
    client: SparqlClient, records: Sequence[Linkable], *, max_terms: int = MAX_TERMS
) -> dict[str, list[Hit]]:
    """Hits per record id, best first; records without hits are absent.

    Every spelling is a question of its own for the cache, so a later run that searches some of
    the same spellings (in other batches, for other records) asks only for the new ones.
    """
    owners: dict[tuple[str, str | None], list[tuple[str, Spelling]]] = {}
    for record in records:
        labels, strings = _terms(record)
        record_id = record.id
        for spelling, text, lang in labels:
            owners.setdefault((text, lang), []).append((record_id, spelling))
        for spelling, text in strings:
            owners.setdefault((text, None), []).append((record_id, spelling))
    kind = f"search:{version('candidates')}"
    terms = sorted(owners, key=lambda t: (t[1] or "", t[0]))
    cached = client.cached_many(kind, [_key(*term) for term in terms])
    answers = {term: cached[_key(*term)] for term in terms if _key(*term) in cached}
    missing = [t for t in terms if t not in answers]
    batches = [missing[i : i + max_terms] for i in range(0, len(missing), max_terms)]
    for number, batch in enumerate(batches, 1):
        query = render(
            "candidates",
            labels=label_terms((text, lang) for text, lang in batch if lang),
            strings=string_terms(text for text, lang in batch if not lang),
        )
        purpose = f"candidate search ({number} of {len(batches)})"
        found: dict[tuple[str, str | None], list[list[str]]] = {term: [] for term in batch}
        for row in client.select(query, purpose=purpose, cache=False):
            qid = qid_of(row["item"].value) if "item" in row else None
            if qid is None or "text" not in row or "via" not in row:
                continue
            term = (normalize(row["text"].value), (row["text"].lang or "").lower() or None)
            if term in found and [qid, row["via"].value] not in found[term]:
                found[term].append([qid, row["via"].value])
        for term, hits in found.items():
            answers[term] = sorted(hits)
        # Kept at once, batch by batch: a failure in a later batch loses nothing.
        client.remember_many(kind, [(_key(*term), answers[term]) for term in found])
    result: dict[str, list[Hit]] = {}
    for term, hits in answers.items():
        found_text, found_lang = term
        for qid, via in hits:
            for record_id, spelling in owners[term]:
                hit = Hit(qid, found_text, found_lang, via, spelling)
                result.setdefault(record_id, []).append(hit)
    return {record_id: _keep(hits) for record_id, hits in result.items()}


def _rank(hit: Hit) -> tuple[bool, bool, bool, bool, int, str, str, str]:
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
