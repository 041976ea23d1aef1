"""``kwpld link``: decisions in, candidates out, with nothing accepted ever lost.

One run, in this order:

1. Load the records (any problem stops the run before anything is written).
2. Apply the decisions written in the review file to ``wikidata-links.yaml`` (atomically),
   before any request: an endpoint that fails later cannot lose them.
3. Search candidates for every person, organ, event and article without an accepted link,
   fetch evidence for them and for every QID the records already carry.
4. Check the carried QIDs (curated ``wikidata:`` fields, accepted links) against the evidence.
5. Score the candidates. With ``auto_accept``, accept clear winners: a score at or above the
   threshold, no conflicting evidence, a lead of at least ``margin`` over the runner-up, and
   for a person (a common name) evidence independent of the name: a date, an office, a
   membership the records state, a printed Korean name. The link's note says what decided.
   Accepting one record can settle another (a party's item confirms its central committee's
   parent), so scoring repeats until no further record is accepted.
6. Write the accepted links, then the review file with what is left, ranked, with reasons.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..dates import PartialDate
from ..errors import InputError, LoadError, Problem, ProblemReport
from ..load import load_records
from ..model import Linkable, Organ, Origin, Record, Records, WikidataLink, curated_qid
from .client import ClientSettings, ClientStats, SparqlClient
from .context import RecordContext
from .evidence import Evidence, fetch_items
from .review import LINKABLE, REVIEW_FILE, ReviewEntry, read_decisions, write_review
from .score import Candidate, Feature, score_item
from .search import Hit, search
from .store import LINKS_FILE, write_links
from .verify import QidCheck, check_qids, checked_qids

__all__ = ["LinkOptions", "LinkReport", "link", "rank_candidates", "is_clear_winner"]

MAX_PASSES = 5


@dataclass
class LinkOptions:
    """What ``kwpld link`` does besides searching; see docs/linking.md."""

    auto_accept: float | None = None
    """Accept clear winners at or above this score (None: accept nothing without review)."""
    margin: float = 0.15
    """How far a clear winner's score must lead the runner-up's."""
    reviewer: str | None = None
    """Who decides: recorded as ``by`` of every link this run writes."""
    date: PartialDate | None = None
    """When: recorded as ``date`` of every link this run writes (default: today)."""
    kinds: tuple[str, ...] = LINKABLE
    only: tuple[str, ...] = ()
    """Record ids to link (default: every record of ``kinds``)."""
    review_file: Path | None = None
    """Where the review file is (default: ``<data folder>/wikidata.review.csv``)."""
    candidates: int = 5
    """Candidates listed per record in the review file."""
    apply_only: bool = False
    """Record the review file's decisions and stop, without any request."""


@dataclass
class LinkReport:
    """What a run did; ``to_json()`` gives the same facts for CI."""

    data_dir: Path
    review_file: Path
    links_file: Path
    applied: list[WikidataLink] = field(default_factory=list)
    already_applied: int = 0
    auto_accepted: list[tuple[WikidataLink, Candidate]] = field(default_factory=list)
    review: list[ReviewEntry] = field(default_factory=list)
    checks: list[QidCheck] = field(default_factory=list)
    already_linked: int = 0
    searched: int = 0
    stats: ClientStats | None = None

    @property
    def mismatches(self) -> list[Problem]:
        return [p for check in self.checks for p in check.problems]

    @property
    def no_candidates(self) -> list[ReviewEntry]:
        return [e for e in self.review if not e.candidates]

    def to_dict(self) -> dict[str, object]:
        stats = self.stats
        return {
            "data_dir": str(self.data_dir),
            "review_file": str(self.review_file),
            "links_file": str(self.links_file),
            "applied": [_link_dict(k) for k in self.applied],
            "already_applied": self.already_applied,
            "auto_accepted": [
                {**_link_dict(k), "decided_by": [f.text for f in c.decisive or c.support]}
                for k, c in self.auto_accepted
            ],
            "to_review": [
                {
                    "entity": e.record.id,
                    "status": e.status,
                    "candidates": [
                        {"qid": c.qid, "score": c.score, "label": c.label} for c in e.candidates
                    ],
                }
                for e in self.review
            ],
            "checked_qids": [
                {"entity": c.record_id, "qid": c.qid, "where": c.where, "confirmed": c.confirmed}
                for c in self.checks
            ],
            "problems": [p.to_dict() for p in ProblemReport(self.mismatches)],
            "already_linked": self.already_linked,
            "searched": self.searched,
            "requests": stats.requests if stats else 0,
            "queries": stats.queries if stats else 0,
            "cache_hits": stats.cache_hits if stats else 0,
            "retries": stats.retries if stats else 0,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _link_dict(link: WikidataLink) -> dict[str, object]:
    return {
        "entity": link.entity,
        "qid": link.qid,
        "decision": link.decision,
        "method": link.method,
        "score": link.score,
        "by": link.by,
        "date": link.date.iso,
    }


def _today() -> PartialDate:
    today = _dt.date.today()
    return PartialDate(today.year, today.month, today.day)


def link(
    data_dir: str | Path,
    settings: ClientSettings | None = None,
    options: LinkOptions | None = None,
    *,
    client: SparqlClient | None = None,
) -> LinkReport:
    """Link the records of ``data_dir`` to Wikidata; see the module docstring for the steps."""
    root = Path(data_dir)
    options = options or LinkOptions()
    settings = settings or ClientSettings(cache_dir=root / ".kwpld-cache")
    date = options.date or _today()
    review_path = options.review_file or root / REVIEW_FILE
    report = LinkReport(root, review_path, root / LINKS_FILE)
    _check_options(options)
    records = load_records(root)
    for record_id in options.only:
        record = records.get(record_id)
        if record is None or record.kind not in LINKABLE:
            raise InputError(f"--only {record_id}: no person, organ, event or article has this id")

    # 2. Decisions first: whatever happens to the endpoint later, they are kept.
    records = _apply_decisions(root, records, review_path, options, date, report)
    if options.apply_only:
        return report
    if options.auto_accept is not None and not options.reviewer:
        raise InputError(
            "--auto-accept records who ran it as the links' author: pass --reviewer NAME "
            "(or set KWPLD_REVIEWER)"
        )

    # 3. Search and evidence.
    rejected = {(k.entity, k.qid) for k in records.links if not k.accepted}
    targets = _targets(records, options)
    report.already_linked = sum(
        1 for kind in options.kinds for r in records.of_kind(kind) if records.is_linked(r.id)
    )
    report.searched = len(targets)
    client = client or SparqlClient(settings)
    report.stats = client.stats
    hits = search(client, targets) if targets else {}
    qids = {h.qid for found in hits.values() for h in found}
    qids |= {qid for _, qid in checked_qids(records)}
    evidence = Evidence()
    fetch_items(client, evidence, sorted(qids, key=lambda q: int(q[1:])))

    # 4-5. Check carried QIDs; score; accept clear winners until nothing changes.
    scored = _score(records, targets, hits, evidence, rejected, options)
    report.checks = check_qids(records, evidence, scored.ctx)

    # 6. Write what was decided, then what is left to review.
    _write_accepted(root, records, targets, scored, options, date, report)
    for record in targets:
        if record.id in scored.accepted:
            continue
        candidates = [c for c in scored.ranked[record.id] if not _excluded(c)]
        status = _status(candidates, options)
        report.review.append(ReviewEntry(record, status, candidates[: options.candidates]))
    write_review(review_path, report.review)
    return report


def _check_options(options: LinkOptions) -> None:
    """Options no run can follow stop it before anything is read."""
    if options.auto_accept is not None and not 0.0 < options.auto_accept <= 1.0:
        raise InputError(
            f"--auto-accept takes a score above 0 and at most 1, not {options.auto_accept}"
        )
    unknown = sorted(set(options.kinds) - set(LINKABLE))
    if unknown:
        raise InputError(
            f"cannot link records of kind {', '.join(unknown)}; kinds: {', '.join(LINKABLE)}"
        )


def _apply_decisions(
    root: Path,
    records: Records,
    review_path: Path,
    options: LinkOptions,
    date: PartialDate,
    report: LinkReport,
) -> Records:
    """Record the review file's decisions in wikidata-links.yaml; the records with them."""
    decisions = read_decisions(review_path, records, reviewer=options.reviewer, date=date)
    if decisions.problems:
        raise LoadError(ProblemReport(decisions.problems), root)
    report.already_applied = decisions.already
    if decisions.links:
        records = _save_links(root, records, decisions.links)
        report.applied = decisions.links
    return records


@dataclass
class _Scored:
    """The candidates of every record searched, ranked, and the clear winners accepted."""

    accepted: dict[str, str]
    """Record id -> QID accepted in this run."""
    ranked: dict[str, list[Candidate]]
    ctx: RecordContext
    """What the records say, with the links accepted in this run."""


def _score(
    records: Records,
    targets: list[Linkable],
    hits: dict[str, list[Hit]],
    evidence: Evidence,
    rejected: set[tuple[str, str]],
    options: LinkOptions,
) -> _Scored:
    """Score every target's candidates, accepting clear winners pass by pass: an accepted
    record can settle another (a party's item confirms its central committee's parent)."""
    accepted_now: dict[str, str] = {}

    def qid_of(record_id: str) -> str | None:
        return accepted_now.get(record_id) or records.accepted_qid(record_id)

    ctx = RecordContext.build(records, qid_of)
    taken = _taken(records)
    ranked: dict[str, list[Candidate]] = {}
    for _ in range(MAX_PASSES):
        changed = False
        for record in targets:
            if record.id in accepted_now:
                continue
            found = hits.get(record.id, [])
            candidates = rank_candidates(record, found, evidence, ctx, rejected, taken)
            ranked[record.id] = candidates
            curated = curated_qid(record)
            if (
                options.auto_accept is not None
                and is_clear_winner(candidates, options.auto_accept, options.margin)
                and curated in (None, candidates[0].qid)
            ):
                accepted_now[record.id] = candidates[0].qid
                taken.setdefault(candidates[0].qid, record.id)
                changed = True
        if not changed:
            break  # this pass scored every open record with the final context already
    else:
        for record in targets:  # the passes ran out: score what is open with the final context
            if record.id not in accepted_now:
                found = hits.get(record.id, [])
                ranked[record.id] = rank_candidates(record, found, evidence, ctx, rejected, taken)
    return _Scored(accepted_now, ranked, ctx)


def _write_accepted(
    root: Path,
    records: Records,
    targets: list[Linkable],
    scored: _Scored,
    options: LinkOptions,
    date: PartialDate,
    report: LinkReport,
) -> None:
    """Write the links accepted automatically, each with the evidence that decided it."""
    new_links = []
    for record in targets:
        qid = scored.accepted.get(record.id)
        if qid is None:
            continue
        candidate = next(c for c in scored.ranked[record.id] if c.qid == qid)
        new_link = WikidataLink(
            entity=record.id,
            qid=qid,
            origin=_origin(),
            by=options.reviewer or "",
            date=date,
            method="auto",
            score=candidate.score,
            label=candidate.label,
            note=f"decided by: {candidate.decided_by}",
        )
        new_links.append(new_link)
        report.auto_accepted.append((new_link, candidate))
    if new_links:
        # Nothing to reload after: the run checked these links against the others already.
        write_links(root, records.links, new_links)


def _origin() -> Origin:
    return Origin(LINKS_FILE, 0)


_R = TypeVar("_R", bound=Linkable)


def _targets(records: Records, options: LinkOptions) -> list[Linkable]:
    """Records to search, in the order that lets accepted ones inform the next: organs from the
    top of the tree down, then people, events (series before their meetings) and articles."""
    wanted = set(options.only)

    def open_ones(found: Sequence[_R]) -> list[_R]:
        return [r for r in found if not records.is_linked(r.id) and (not wanted or r.id in wanted)]

    out: list[Linkable] = []
    if "organ" in options.kinds:
        organs = open_ones(records.organs)
        organs.sort(key=lambda o: (_depth(records, o), o.id))
        out += organs
    if "person" in options.kinds:
        out += open_ones(records.people)
    if "event" in options.kinds:
        events = open_ones(records.events)
        events.sort(key=lambda e: (e.series is not None, e.id))
        out += events
    if "article" in options.kinds:
        out += open_ones(records.articles)
    return out


def _depth(records: Records, organ: Record | WikidataLink | None) -> int:
    depth, seen = 0, set()
    while isinstance(organ, Organ) and organ.parent and organ.parent not in seen:
        seen.add(organ.parent)
        organ = records.get(organ.parent)
        depth += 1
    return depth


def _taken(records: Records) -> dict[str, str]:
    """QID -> the record that already is that item (by an accepted link or its wikidata field)."""
    taken: dict[str, str] = {}
    for kind in LINKABLE:
        for record in records.of_kind(kind):
            qid = records.accepted_qid(record.id)
            if qid:
                taken.setdefault(qid, record.id)
    return taken


def rank_candidates(
    record: Linkable,
    hits: list[Hit],
    evidence: Evidence,
    ctx: RecordContext,
    rejected: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    taken: dict[str, str] | None = None,
) -> list[Candidate]:
    """Every candidate of ``record`` (search hits and its curated QID), best first.

    A candidate that is already the item of another record (``taken``) gets a conflict: one
    item is one record, so such a case always goes to review.
    """
    record_id = record.id
    found: dict[str, list[str]] = {}
    for hit in hits:
        found.setdefault(hit.qid, [])
        if hit.describe() not in found[hit.qid]:
            found[hit.qid].append(hit.describe())
    curated = curated_qid(record)
    if curated:
        found.setdefault(curated, []).insert(0, "the record's wikidata field")
    candidates = []
    for qid, how in found.items():
        if (record_id, qid) in rejected:
            continue
        facts = evidence.get(qid)
        if facts is None:
            continue
        candidate = score_item(record, facts, evidence, ctx)
        other = (taken or {}).get(qid)
        if other is not None and other != record_id:
            candidate.features.append(Feature("taken", -3.0, f"already the item of {other}"))
        candidate.found_by = how[:4]
        candidate.curated = qid == curated
        candidates.append(candidate)
    candidates.sort(key=lambda c: (-c.points, int(c.qid[1:])))
    return candidates


def is_clear_winner(candidates: list[Candidate], threshold: float, margin: float) -> bool:
    """The best candidate scores at least ``threshold``, conflicts with nothing in the records,
    leads the runner-up by at least ``margin`` and, for a common name (a person's), rests on
    evidence independent of the name (:attr:`Candidate.decisive`): a shared name, type,
    citizenship and gender, or a spelling no source prints, decide nothing."""
    if not candidates:
        return False
    best = candidates[0]
    if best.score < threshold or best.conflicts:
        return False
    if best.common_name and not best.decisive:
        return False
    return len(candidates) == 1 or best.score - candidates[1].score >= margin


def _excluded(candidate: Candidate) -> bool:
    """Not an entity at all (a disambiguation page, a name): not worth a reviewer's time."""
    return any(f.code == "type" and f.weight <= -12 for f in candidate.features)


def _status(candidates: list[Candidate], options: LinkOptions) -> str:
    if not candidates:
        return "no candidates"
    best = candidates[0]
    if options.auto_accept is None:
        return "to review"
    if best.conflicts:
        return "best has conflicts"
    curated = next((c for c in candidates if c.curated), None)
    if curated is not None and curated is not best:
        return f"the record's wikidata field says {curated.qid}"
    if best.common_name and not best.decisive:
        return "a common name: no independent evidence (a date, an office, a printed Korean name)"
    if best.score < options.auto_accept:
        return f"best below {options.auto_accept:g}"
    return f"ambiguous: {candidates[1].qid} within {options.margin:g}"


def _save_links(root: Path, records: Records, new: list[WikidataLink]) -> Records:
    """Add ``new`` to wikidata-links.yaml and reload; on any problem, put the old file back."""
    path = root / LINKS_FILE
    before = path.read_bytes() if path.exists() else None
    write_links(root, records.links, new)
    try:
        return load_records(root)
    except LoadError:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(before)
        raise
