"""What the endpoint says about items: labels, types, dates, parties, positions.

:func:`fetch_items` asks ``evidence.rq`` for batches of QIDs and :func:`fetch_categories`
asks ``classes.rq`` what kind of thing each class is; both fill an :class:`Evidence`, which the
scorer, the QID checks and the QuickStatements export read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..dates import PartialDate
from ..namespaces import WD
from .client import Row, SparqlClient, Term, decode_row, encode_row
from .queries import item_terms, render, version

__all__ = [
    "Claim",
    "WikiDate",
    "ItemFacts",
    "Evidence",
    "fetch_items",
    "fetch_categories",
    "qid_of",
]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_TIME = re.compile(r"^([+-]?)(\d{1,16})-(\d{2})-(\d{2})T")
ITEM_BATCH = 100
CLASS_BATCH = 200


def qid_of(iri: str) -> str | None:
    """``http://www.wikidata.org/entity/Q5`` -> ``Q5``; None for anything else."""
    if iri.startswith(WD):
        local = iri[len(WD) :]
        if _QID.match(local):
            return local
    return None


@dataclass(frozen=True, slots=True)
class WikiDate:
    """A Wikidata time value at its precision (9 year, 10 month, 11 day; less is coarser)."""

    date: PartialDate
    precision: int

    @classmethod
    def parse(cls, value: str, precision: int | None) -> WikiDate | None:
        match = _TIME.match(value)
        if not match or match.group(1) == "-":
            return None  # dates before the common era never concern these records
        year, month, day = int(match.group(2)), int(match.group(3)), int(match.group(4))
        if year == 0:
            return None
        precision = 11 if precision is None else precision
        try:
            if precision >= 11 and month and day:
                return cls(PartialDate(year, month, day), 11)
            if precision == 10 and month:
                return cls(PartialDate(year, month), 10)
            return cls(PartialDate(year), min(precision, 9))
        except ValueError:
            return None

    @property
    def tolerance(self) -> int:
        """Years either side that a coarse date (decade, century) leaves open."""
        return {8: 5, 7: 50, 6: 500}.get(self.precision, 0 if self.precision >= 9 else 5000)

    def __str__(self) -> str:
        if self.precision >= 9:
            return self.date.iso
        return f"{self.date.year}s" if self.precision == 8 else f"c. {self.date.year}"


@dataclass(frozen=True, slots=True)
class Claim:
    """One value of a property: a QID (with its English label) or a literal, with qualifiers."""

    value: str
    label: str | None = None
    lang: str | None = None
    start: WikiDate | None = None
    end: WikiDate | None = None

    @property
    def is_item(self) -> bool:
        return bool(_QID.match(self.value))

    def describe(self, prop: str | None = None) -> str:
        """``North Korea (Q423, P27)``; with qualifiers ``... from 2021-01-10``."""
        where = ", ".join(x for x in (self.value if self.is_item else None, prop) if x)
        text = self.label or self.value if self.is_item else self.value
        if where:
            text += f" ({where})"
        if self.start and self.end:
            text += f" {self.start}–{self.end}"
        elif self.start:
            text += f" from {self.start}"
        elif self.end:
            text += f" until {self.end}"
        return text


@dataclass
class ItemFacts:
    qid: str
    labels: dict[str, set[str]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    claims: dict[str, list[Claim]] = field(default_factory=dict)
    dates: dict[str, list[WikiDate]] = field(default_factory=dict)
    redirect: str | None = None
    categories: set[str] = field(default_factory=set)

    @property
    def exists(self) -> bool:
        return bool(self.labels or self.aliases or self.claims or self.dates or self.redirect)

    def label(self, *languages: str) -> str | None:
        for lang in (*languages, "en", "mul", "ko"):
            if self.labels.get(lang):
                return sorted(self.labels[lang])[0]
        for lang in sorted(self.labels):
            return sorted(self.labels[lang])[0]
        return None

    def values(self, *props: str) -> list[Claim]:
        return [c for p in props for c in self.claims.get(p, [])]

    def item_values(self, *props: str) -> set[str]:
        return {c.value for c in self.values(*props) if c.is_item}

    def names(self) -> Iterator[tuple[str, str | None, str]]:
        """Every name of the item: (text, language, where), from labels, aliases, statements."""
        for lang, texts in sorted(self.labels.items()):
            for text in sorted(texts):
                yield text, lang, "label"
        for lang, texts in sorted(self.aliases.items()):
            for text in sorted(texts):
                yield text, lang, "alias"
        for prop in ("P1559", "P1942", "P2001", "P1476"):
            for claim in self.claims.get(prop, []):
                yield claim.value, claim.lang, prop

    def korean_names(self) -> set[str]:
        found = set()
        for text, lang, _ in self.names():
            if lang in ("ko", "ko-kp"):
                found.add(text)
        return found


@dataclass
class Evidence:
    """Facts about every item asked so far, and the categories of their classes."""

    items: dict[str, ItemFacts] = field(default_factory=dict)
    categories: dict[str, set[str]] = field(default_factory=dict)

    def __getitem__(self, qid: str) -> ItemFacts:
        return self.items.setdefault(qid, ItemFacts(qid))

    def get(self, qid: str) -> ItemFacts | None:
        return self.items.get(qid)

    def missing(self, qids: Iterable[str]) -> list[str]:
        return sorted({q for q in qids if q not in self.items}, key=_qid_number)


def _qid_number(qid: str) -> int:
    return int(qid[1:])


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_items(client: SparqlClient, evidence: Evidence, qids: Iterable[str]) -> None:
    """Facts of every QID not yet in ``evidence``: from the cache, else ``ITEM_BATCH`` at a time."""
    qids = list(qids)
    kind = f"item:{version('evidence')}"
    todo = []
    unknown = evidence.missing(qids)
    answers = client.cached_many(kind, unknown)
    for qid in unknown:
        cached = answers.get(qid)
        if cached is None:
            todo.append(qid)
            continue
        evidence[qid]  # noqa: B018 - an item without rows is known to have no data
        for data in cached:
            _take(evidence, {"item": Term("uri", WD + qid), **decode_row(data)})
        _sort(evidence[qid])
    total = (len(todo) + ITEM_BATCH - 1) // ITEM_BATCH
    for number, batch in enumerate(_batches(todo, ITEM_BATCH), 1):
        query = render("evidence", items=item_terms(batch))
        rows = client.select(query, purpose=f"evidence query ({number} of {total})", cache=False)
        per_item: dict[str, list[Row]] = {qid: [] for qid in batch}
        for row in rows:
            item = qid_of(row["item"].value) if "item" in row else None
            if item in per_item:
                per_item[item].append(row)
        fetched: list[tuple[str, list[dict[str, list[str | None]]]]] = []
        for qid, item_rows in per_item.items():
            evidence[qid]  # noqa: B018
            for row in item_rows:
                _take(evidence, row)
            _sort(evidence[qid])
            stored = [encode_row({k: v for k, v in r.items() if k != "item"}) for r in item_rows]
            fetched.append((qid, sorted(stored, key=lambda d: json.dumps(d, sort_keys=True))))
        client.remember_many(kind, fetched)
    classes = {
        c.value for qid in qids if qid in evidence.items for c in evidence[qid].values("P31")
    }
    fetch_categories(client, evidence, classes)
    for qid in qids:
        facts = evidence.items.get(qid)
        if facts is not None:
            facts.categories = set().union(
                *(evidence.categories.get(c.value, set()) for c in facts.values("P31"))
            )


def fetch_categories(client: SparqlClient, evidence: Evidence, classes: Iterable[str]) -> None:
    """Categories (human, organization, place ...) of every class not yet in ``evidence``."""
    kind = f"class:{version('classes')}"
    known = set(evidence.categories)
    unknown = sorted({c for c in classes if _QID.match(c)} - known, key=_qid_number)
    answers = client.cached_many(kind, unknown)
    todo = []
    for qid in unknown:
        if qid in answers:
            evidence.categories[qid] = set(answers[qid])
        else:
            todo.append(qid)
    for batch in _batches(todo, CLASS_BATCH):
        found: dict[str, set[str]] = {qid: set() for qid in batch}
        query = render("classes", classes=item_terms(batch))
        for row in client.select(query, purpose="class query", cache=False):
            cls = qid_of(row["class"].value) if "class" in row else None
            if cls in found and "category" in row:
                found[cls].add(row["category"].value)
        for qid, categories in found.items():
            evidence.categories[qid] = categories
        client.remember_many(kind, [(qid, sorted(found[qid])) for qid in batch])


def _take(evidence: Evidence, row: Row) -> None:
    item = qid_of(row["item"].value) if "item" in row else None
    if item is None or "prop" not in row or "value" not in row:
        return
    facts = evidence[item]
    prop, value = row["prop"].value, row["value"]
    if prop in ("label", "alias"):
        target = facts.labels if prop == "label" else facts.aliases
        target.setdefault((value.lang or "").lower(), set()).add(value.value)
    elif prop == "description":
        facts.descriptions[(value.lang or "").lower()] = value.value
    elif prop == "redirect":
        facts.redirect = qid_of(value.value)
    elif "precision" in row:
        try:
            precision = int(row["precision"].value)
        except ValueError:
            precision = None
        date = WikiDate.parse(value.value, precision)
        if date is not None and date not in facts.dates.get(prop, []):
            facts.dates.setdefault(prop, []).append(date)
    else:
        prop = prop.removesuffix("-statement")
        text = (qid_of(value.value) or value.value) if value.kind == "uri" else value.value
        label = row["valueLabel"].value if "valueLabel" in row else None
        start = WikiDate.parse(row["start"].value, 11) if "start" in row else None
        end = WikiDate.parse(row["end"].value, 11) if "end" in row else None
        claim = Claim(text, label, (value.lang or "").lower() or None, start, end)
        claims = facts.claims.setdefault(prop, [])
        # A statement with qualifiers supersedes the same truthy value without them.
        if start or end:
            claims[:] = [c for c in claims if not (c.value == text and not (c.start or c.end))]
        elif any(c.value == text for c in claims):
            return
        if claim not in claims:
            claims.append(claim)


def _sort(facts: ItemFacts) -> None:
    for prop, claims in facts.claims.items():
        facts.claims[prop] = sorted(claims, key=lambda c: (c.value, str(c.start), str(c.end)))
    for prop, dates in facts.dates.items():
        facts.dates[prop] = sorted(dates, key=lambda d: (d.date.iso, d.precision))
