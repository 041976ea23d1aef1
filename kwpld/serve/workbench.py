"""The review workbench behind ``/review``: what the pages show, and the decisions they take.

Nothing here decides anything of its own: every action is the library call the command line
makes — :func:`kwpld.review.accept` and :func:`~kwpld.review.reject` (``kwpld
accept``, ``kwpld reject``), and, for Wikidata, the decision written in the review file's row
followed by :func:`kwpld.link.link` with ``apply_only`` (``kwpld link --apply-only``) — so the
files written, and their atomicity, are the command line's.

**Edits on disk.** Every page carries the *version* of the folder it shows (:meth:`version`):
a digest of the review files and the Wikidata review file (by content) and of the record
files (by size and modification time). An action is taken only if the folder still has that
version, under a lock, so a file edited in another program while the page was open is never
overwritten: the action is refused and the page shows the change.

Everything a request names (an article, a draft, an entity) is looked up among what the
folder holds; no path is made from it.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import InputError, KwpldError
from ..iris import Minter
from ..namespaces import DEFAULT_BASE_IRI
from .security import Outside, inside

if TYPE_CHECKING:
    from ..review import DraftItem
    from ..review.listing import Evidence as ListedEvidence

__all__ = [
    "ArticleView",
    "Candidate",
    "DraftView",
    "Identity",
    "LinkCandidate",
    "LinkEntity",
    "Segment",
    "Stale",
    "Workbench",
]

LINK_REVIEW = "wikidata.review.csv"
LINKS_FILE = "wikidata-links.yaml"
KIND_ORDER = ("person", "organ", "post", "event", "article", "membership", "participation")
FACT_KINDS = ("membership", "participation")
MERGEABLE = ("person", "organ", "post", "event", "article")
"""Kinds of draft that may name a record the folder already has."""


class Stale(KwpldError):
    """The folder changed since the page was made: reload before deciding."""

    exit_code = 2


@dataclass(frozen=True)
class Segment:
    """A run of an article's text: plain, or a mention (of a record or a draft) or a date."""

    text: str
    kind: str = ""
    """``""`` (plain text), ``record``, ``draft``, ``ambiguous`` or ``date``."""
    href: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a draft, cut into parts: (text, role), the role naming what a
    highlighted span is (``person``, ``trigger``, ``role``, ``organ``, ``date`` ...;
    ``mention`` for the words a draft of a name used), empty for the text between spans; and
    the spans a fact took from elsewhere in the text (a date an earlier sentence gives)."""

    parts: tuple[tuple[str, str], ...]
    elsewhere: tuple[tuple[str, str], ...] = ()
    """(words, role) of spans outside the sentence"""


@dataclass(frozen=True)
class Candidate:
    """One of the people a person of the article may be, as ingest's identity step saw them
    (:mod:`kwpld.identity`): a record, or a draft still pending."""

    id: str
    verdict: str
    """``agrees``, ``contradicts``, ``nothing in common`` or ``nothing to compare``"""
    context: tuple[str, ...]
    """what the folder says of them (their offices, with dates)"""
    label: str | None = None
    """the record's name, when it is a record of the graph (then it can be merged into)"""


@dataclass(frozen=True)
class Identity:
    """Who ingest decided a person is: ``same``, ``new`` (a namesake of the candidates) or
    ``ambiguous``, why, and each candidate with its verdict."""

    name: str
    decision: str
    why: str
    candidates: tuple[Candidate, ...]
    context: tuple[str, ...] = ()
    """what the article says of the person"""


@dataclass(frozen=True)
class DraftView:
    id: str
    kind: str
    status: str
    label: str
    why: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    needs: tuple[str, ...]
    name: str | None
    """The preferred English name (an article's title) a curator may fix."""
    merge_into: tuple[tuple[str, str, str], ...] = ()
    """(id, label, note) of the records this draft may be the same as, closest first: for a
    person ingest compared with namesakes, those it compared first, the note its verdict."""
    merged_into: str | None = None
    summary: str = ""
    """for a fact, what ``kwpld review``'s line of it adds to the label: post, dates, status,
    where the date came from"""
    identity: Identity | None = None
    namesakes: tuple[str, ...] = ()
    """records that share this person's name (match key) that ingest did not compare: a
    namesake, unless the curator merges it"""


@dataclass(frozen=True)
class ArticleView:
    id: str
    title: str
    review: str
    segments: tuple[Segment, ...]
    drafts: tuple[DraftView, ...]
    problems: tuple[str, ...]
    identities: tuple[Identity, ...] = ()
    """people of the article no draft stands for (several records fit, nothing tells them
    apart): who they may be, for the curator to read"""

    @property
    def pending(self) -> int:
        return sum(1 for d in self.drafts if d.status == "pending")


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str
    pending: dict[str, int]
    decided: int


@dataclass(frozen=True)
class LinkCandidate:
    rank: str
    qid: str
    score: str
    label: str
    description: str
    reasons: str
    conflicts: str
    url: str
    decision: str
    """``accept``, ``reject`` or empty, as the review file's decision column says."""


@dataclass(frozen=True)
class LinkEntity:
    entity: str
    kind: str
    name: str
    status: str
    note: str
    """Why no candidate (when none was found)."""
    candidates: tuple[LinkCandidate, ...]
    linked: str | None
    """The item this record is linked to in wikidata-links.yaml, if any."""
    rejected: tuple[str, ...] = ()


@dataclass
class Workbench:
    """The workbench of one data folder. ``after`` runs after every change (a rebuild)."""

    root: Path
    base_iri: str = DEFAULT_BASE_IRI
    reviewer: str | None = None
    after: Callable[[], None] = lambda: None
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the folder's version ----------------------------------------------------------------
    def files(self) -> list[Path]:
        """Every file a decision reads or writes: review files, record files, the links."""
        from ..load import DATASET_FILE, record_files
        from ..review import review_files

        found = [*review_files(self.root), *record_files(self.root)]
        for name in (LINK_REVIEW, DATASET_FILE):
            if (self.root / name).is_file():
                found.append(self.root / name)
        return sorted(set(found))

    def version(self) -> str:
        """A digest of the folder as the workbench sees it (see the module's notes)."""
        digest = hashlib.sha256()
        for path in self.files():
            relative = path.relative_to(self.root).as_posix()
            try:
                stat = path.stat()
                if path.name.endswith((".review.yaml", ".review.csv")):
                    content = hashlib.sha256(path.read_bytes()).hexdigest()
                else:
                    content = f"{stat.st_size}:{stat.st_mtime_ns}"
            except OSError:
                content = "gone"
            digest.update(f"{relative}\0{content}\n".encode())
        return digest.hexdigest()[:32]

    def _changed(self, expected: str) -> list[str]:
        return [] if expected == self.version() else ["the data folder"]

    def run(self, expected: str, action: Callable[[], str]) -> str:
        """Take ``action`` if the folder still has the version ``expected``; its message."""
        with self.lock:
            if expected != self.version():
                raise Stale(
                    "the data folder changed on disk since this page was opened (an edit in "
                    "another program, or another window); nothing was written: look at the "
                    "page again and decide once more"
                )
            message = action()
        self.after()
        return message

    # -- articles ------------------------------------------------------------------------------
    def _reviews(self) -> dict[str, Any]:
        """Article id -> its review file (kwpld.review.ReviewFile)."""
        return self._read_reviews()[0]

    def _read_reviews(self) -> tuple[dict[str, Any], list[str]]:
        """The review files that read, by article, and what is wrong with the others."""
        from ..review import load_review, review_files

        found: dict[str, Any] = {}
        broken: list[str] = []
        for path in review_files(self.root):
            try:
                review = load_review(path, self.root)
            except InputError as exc:
                broken.append(str(exc))
                continue
            if review is not None:
                found.setdefault(review.article, review)
        return found, broken

    def broken(self) -> list[str]:
        """Review files that cannot be read (a curator's edit gone wrong), with why."""
        return self._read_reviews()[1]

    def articles(self) -> list[ArticleSummary]:
        """Every ingested article, with what waits for a decision."""
        summaries = []
        for article, review in sorted(self._reviews().items()):
            pending: dict[str, int] = {}
            decided = 0
            for draft in review.drafts:
                if draft.get("status", "pending") == "pending":
                    pending[draft["kind"]] = pending.get(draft["kind"], 0) + 1
                else:
                    decided += 1
            ordered = dict(sorted(pending.items(), key=lambda kv: _kind_rank(kv[0])))
            summaries.append(ArticleSummary(article, _title(review.data), ordered, decided))
        return summaries

    def article(self, article_id: str, records: dict[str, tuple[str, str]]) -> ArticleView | None:
        """One article: its text with mentions and dates marked, its drafts with evidence.

        What is shown of the drafts is what ``kwpld review`` lists
        (:func:`kwpld.review.review_listing`): facts with the spans they used highlighted in
        their sentence, and, for people, who ingest decided they are. ``records`` are the
        graph's entities, id -> (kind, label): mentions of them link to their pages, and a
        draft may be merged into one of its kind.
        """
        from ..review import STATUSES, review_listing

        review = self._reviews().get(article_id)
        if review is None:
            return None
        folder = review.path.parent
        text = _read_text(folder, review.data.get("text"))
        listing = review_listing(self.root, statuses=STATUSES, articles=[article_id])
        listed = [d for a in listing.articles for d in a.drafts]
        entries = [e for a in listing.articles for e in a.identity]
        raw = {d["record"]["id"]: d for d in review.drafts}
        drafts = []
        # what waits for a decision first, then what was decided
        order = sorted(listed, key=lambda d: (d[0].status != "pending", _kind_rank(d[0].kind)))
        for item, evidence in order:
            drafts.append(_draft_view(item, evidence, raw.get(item.id, {}), records))
        drafted = {d.id for d in drafts}
        identities = tuple(
            _identity(e, records) for e in entries if str(e.get("id")) not in drafted
        )
        pending = {d.id for d in drafts if d.status == "pending"}
        merged = {
            str(d["record"]["id"]): str(d["merged_into"])
            for d in review.drafts
            if d.get("merged_into")
        }
        try:
            annotations = _read_json(inside(folder, f"{article_id}.annotations.jsonld"))
        except Outside:
            annotations = {}
        segments = _segments(text, annotations, self.base_iri, set(records), pending, merged)
        problems = tuple(
            str(p.get("message") or p.get("problem") or p)
            for p in review.data.get("problems") or []
            if isinstance(p, dict)
        )
        return ArticleView(
            article_id,
            _title(review.data),
            review.path.relative_to(self.root).as_posix(),
            tuple(segments),
            tuple(drafts),
            problems,
            identities,
        )

    def draft_ids(self) -> dict[str, str]:
        """Draft id -> the article it came from (the first, when several propose it)."""
        found: dict[str, str] = {}
        for article, review in self._reviews().items():
            for draft in review.drafts:
                found.setdefault(draft["record"]["id"], article)
        return found

    # -- decisions on drafts --------------------------------------------------------------------
    def accept(self, expected: str, draft_id: str, *, with_dependencies: bool = False) -> str:
        """``kwpld accept DATA ID [--with-dependencies]``."""
        from ..review import accept

        def act() -> str:
            result = accept(self.root, [draft_id], with_dependencies=with_dependencies)
            made = ", ".join(f"{kind} {rid}" for kind, rid in result.accepted)
            files = ", ".join(p.relative_to(self.root).as_posix() for p in result.files)
            notes = " ".join(result.dropped + result.skipped)
            return f"Accepted {made or 'nothing new'}; wrote {files or 'no record file'}. {notes}"

        return self.run(expected, act)

    def reject(self, expected: str, draft_id: str) -> str:
        """``kwpld reject DATA ID``."""
        from ..review import reject

        def act() -> str:
            done = reject(self.root, [draft_id])
            return f"Rejected {', '.join(done) or 'nothing'}: it will not be proposed again."

        return self.run(expected, act)

    def rename(
        self,
        expected: str,
        draft_id: str,
        name: str,
        records: dict[str, tuple[str, str]] | None = None,
    ) -> str:
        """Fix a draft's name (:func:`kwpld.review.rename`). A name alone never makes two
        people one (:mod:`kwpld.identity`): when the new name is one a record of the
        same kind already has (``records``, id -> (kind, label)), the message says so, and
        merging stays the curator's decision."""
        from ..review import rename

        kinds = {d["record"]["id"]: d["kind"] for r in self._reviews().values() for d in r.drafts}

        def act() -> str:
            rename(self.root, draft_id, name)
            message = f"Renamed {draft_id}: {' '.join(name.split())}."
            same = _same_name(name, kinds.get(draft_id, ""), records or {})
            if same:
                message += (
                    f" The folder has {', '.join(same)} with this name: a namesake, unless it is "
                    "the same one (then merge it)."
                )
            return message

        return self.run(expected, act)

    def _verdict(self, draft_id: str, candidate: str) -> str | None:
        """What ingest's identity step said of ``candidate`` for the person ``draft_id``."""
        for review in self._reviews().values():
            for draft in review.drafts:
                identity = draft.get("identity")
                if draft["record"]["id"] != draft_id or not isinstance(identity, dict):
                    continue
                for entry in identity.get("candidates") or []:
                    if isinstance(entry, dict) and entry.get("id") == candidate:
                        return str(entry.get("verdict"))
        return None

    def merge(self, expected: str, draft_id: str, into: str) -> str:
        """The draft is the record ``into`` (:func:`kwpld.review.merge`)."""
        from ..review import merge

        def act() -> str:
            verdict = self._verdict(draft_id, into)
            result = merge(self.root, draft_id, into)
            files = ", ".join(p.relative_to(self.root).as_posix() for p in result.files)
            notes = " ".join(result.skipped)
            if verdict == "contradicts":
                notes = (
                    f"Ingest had found {draft_id} a namesake of {into} (different offices); "
                    f"they are one person now, as you decided. {notes}"
                )
            return (
                f"Merged {draft_id} into the record {into}: what referred to the draft refers "
                f"to {into}{'; wrote ' + files if files else ''}. {notes}"
            ).strip()

        return self.run(expected, act)

    # -- Wikidata candidates --------------------------------------------------------------------
    def link_entities(self) -> list[LinkEntity]:
        """The records of ``wikidata.review.csv`` with their candidates, reasons, conflicts
        and decisions, and what ``wikidata-links.yaml`` already records."""
        path = self.root / LINK_REVIEW
        if not path.is_file():
            return []
        text = path.read_text("utf-8-sig")
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
        linked, rejected = self._links()
        order: list[str] = []
        grouped: dict[str, list[dict[str, str]]] = {}
        for row in rows:
            entity = (row.get("entity") or "").strip()
            if not entity:
                continue
            if entity not in grouped:
                order.append(entity)
            grouped.setdefault(entity, []).append(row)
        found = []
        for entity in order:
            group = grouped[entity]
            head = group[0]
            candidates = tuple(
                LinkCandidate(
                    rank=_cell(r, "rank"),
                    qid=_cell(r, "qid").upper(),
                    score=_cell(r, "score"),
                    label=_cell(r, "label"),
                    description=_cell(r, "description"),
                    reasons=_cell(r, "reasons"),
                    conflicts=_cell(r, "conflicts"),
                    url=_cell(r, "url"),
                    decision=_decision(_cell(r, "decision")),
                )
                for r in group
                if _cell(r, "qid")
            )
            found.append(
                LinkEntity(
                    entity=entity,
                    kind=_cell(head, "kind"),
                    name=_cell(head, "name"),
                    status=_cell(head, "status"),
                    note="" if candidates else _cell(head, "reasons"),
                    candidates=candidates,
                    linked=linked.get(entity),
                    rejected=tuple(sorted(rejected.get(entity, ()))),
                )
            )
        return found

    def _links(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        path = self.root / LINKS_FILE
        linked: dict[str, str] = {}
        rejected: dict[str, set[str]] = {}
        try:
            data = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
        except (OSError, yaml.YAMLError):
            return linked, rejected
        for item in (data or {}).get("wikidata_links") or []:
            if not isinstance(item, dict):
                continue
            entity, qid = str(item.get("entity")), str(item.get("qid"))
            if item.get("decision", "accepted") == "accepted":
                linked[entity] = qid
            else:
                rejected.setdefault(entity, set()).add(qid)
        return linked, rejected

    def decide_link(
        self, expected: str, entity: str, qid: str, decision: str, reviewer: str | None
    ) -> str:
        """Write the decision in the review file's row and record it as ``kwpld link
        --apply-only`` does; on any problem the review file is put back as it was."""
        from ..link import LinkOptions, link
        from ..link.review import write_decision

        who = " ".join((reviewer or self.reviewer or "").split())
        if not who:
            raise InputError(
                "who decides? give your name (it is recorded with the link), or start the "
                "server with --reviewer NAME"
            )
        known = {(e.entity, c.qid) for e in self.link_entities() for c in e.candidates}
        if (entity, qid.upper()) not in known:
            raise InputError(f"the review file proposes no {qid} for '{entity}'")
        path = self.root / LINK_REVIEW

        def act() -> str:
            before = path.read_bytes()
            write_decision(path, entity, qid, decision, reviewer=who)
            try:
                report = link(self.root, options=LinkOptions(apply_only=True, reviewer=who))
            except BaseException:
                path.write_bytes(before)
                raise
            applied = ", ".join(f"{k.entity} {k.decision} {k.qid}" for k in report.applied)
            return f"Recorded in {LINKS_FILE}: {applied or 'nothing new'} (by {who})."

        return self.run(expected, act)


# -- helpers -----------------------------------------------------------------------------------


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _cell(row: dict[str, str], name: str) -> str:
    return (row.get(name) or "").strip()


def _decision(value: str) -> str:
    value = value.lower()
    if value in ("accept", "accepted", "yes", "y"):
        return "accept"
    if value in ("reject", "rejected", "no", "n"):
        return "reject"
    return ""


def _title(data: dict[str, Any]) -> str:
    article = str(data.get("article", ""))
    for record in data.get("records") or []:
        if isinstance(record, dict) and record.get("id") == article and record.get("title"):
            return str(record["title"])
    return article


def _read_text(folder: Path, name: object) -> str:
    """The article's text file, named by its review file; it must sit in the same folder
    (a review file edited to name ``../../etc/passwd`` shows no text)."""
    if not isinstance(name, str) or "/" in name:
        return ""
    try:
        path = inside(folder, name)
        return path.read_text("utf-8") if path.is_file() else ""
    except (Outside, OSError, UnicodeDecodeError):
        return ""


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _parts(evidence: ListedEvidence) -> Evidence:
    """The listing's evidence (spans as offsets in its sentence, found as ``kwpld review``
    finds them) cut into the parts the page marks."""
    parts: list[tuple[str, str]] = []
    position = 0
    sentence = evidence.sentence
    for span in evidence.spans:
        if span.start > position:
            parts.append((sentence[position : span.start], ""))
        parts.append((sentence[span.start : span.end], span.role))
        position = span.end
    if position < len(sentence):
        parts.append((sentence[position:], ""))
    return Evidence(tuple(parts), tuple((s.text, s.role) for s in evidence.elsewhere))


def _draft_view(
    item: DraftItem,
    evidence: tuple[ListedEvidence, ...],
    draft: dict[str, Any],
    records: dict[str, tuple[str, str]],
) -> DraftView:
    from ..review.listing import draft_summary

    identity = _identity({"name": item.label, **item.identity}, records) if item.identity else None
    merge_into: tuple[tuple[str, str, str], ...] = ()
    if item.status == "pending" and item.kind in MERGEABLE:
        compared = tuple(
            (c.id, c.label, f"ingest: {c.verdict}")
            for c in (identity.candidates if identity else ())
            if c.label is not None
        )
        seen = {c[0] for c in compared}
        near = tuple(
            (rid, label, "")
            for rid, label in _similar(item.label, item.kind, records)
            if rid not in seen
        )
        merge_into = compared + near
    namesakes: tuple[str, ...] = ()
    if item.kind == "person" and identity is None and item.status == "pending":
        namesakes = _same_name(item.label, "person", records)
    return DraftView(
        id=item.id,
        kind=item.kind,
        status=item.status,
        label=item.label,
        why=item.why,
        evidence=tuple(_parts(e) for e in evidence),
        needs=item.needs,
        name=_english_name(draft.get("record") or {}, item.kind),
        merge_into=merge_into,
        merged_into=draft.get("merged_into"),
        summary=_details(item.label, draft_summary(item)) if item.kind in FACT_KINDS else "",
        identity=identity,
        namesakes=namesakes,
    )


def _details(label: str, summary: str) -> str:
    """What ``kwpld review``'s line of a fact adds to its label (the card's heading): its post,
    dates, status and where the date came from."""
    if summary.startswith(label):
        return summary[len(label) :].lstrip("; ")
    return summary


def _identity(entry: dict[str, Any], records: dict[str, tuple[str, str]]) -> Identity:
    """An identity decision as the review file holds it (``kwpld.identity``)."""
    candidates = []
    for candidate in entry.get("candidates") or []:
        if not isinstance(candidate, dict):
            continue
        cid = str(candidate.get("id"))
        known = records.get(cid)
        candidates.append(
            Candidate(
                cid,
                str(candidate.get("verdict") or ""),
                tuple(str(c) for c in candidate.get("context") or []),
                known[1] if known is not None and known[0] == "person" else None,
            )
        )
    return Identity(
        str(entry.get("name") or entry.get("id") or ""),
        str(entry.get("decision") or ""),
        str(entry.get("why") or ""),
        tuple(candidates),
        tuple(str(c) for c in entry.get("context") or []),
    )


def _same_name(name: str, kind: str, records: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """Records of ``kind`` whose name has the match key of ``name``."""
    from ..names import match_key

    key = match_key(name)
    if not key:
        return ()
    same = (rid for rid, (k, label) in records.items() if k == kind and match_key(label) == key)
    return tuple(sorted(same))


def _similar(
    label: str, kind: str, records: dict[str, tuple[str, str]], count: int = 12
) -> tuple[tuple[str, str], ...]:
    """Records of ``kind`` whose label is spelt like ``label`` (the same match key first,
    then the closest by letters)."""
    from ..names import match_key

    mine = [(rid, lab) for rid, (k, lab) in records.items() if k == kind]
    if not mine:
        return ()
    key = match_key(label)
    same = sorted((lab, rid) for rid, lab in mine if match_key(lab) == key)
    close = difflib.get_close_matches(label, [lab for _, lab in mine], n=count, cutoff=0.4)
    ordered = [(rid, lab) for lab, rid in same]
    for lab in close:
        ordered.extend((rid, lab2) for rid, lab2 in mine if lab2 == lab)
    unique = dict.fromkeys(ordered)
    return tuple(unique)[:count]


def _english_name(record: dict[str, Any], kind: str = "") -> str | None:
    if kind == "article":
        title = record.get("title")
        return str(title) if title else None
    for name in record.get("names") or []:
        if (
            isinstance(name, dict)
            and name.get("system") == "en"
            and name.get("kind", "preferred") == "preferred"
        ):
            return str(name.get("text"))
    return None


def _annotation_items(collection: dict[str, Any]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    page = collection.get("first")
    while isinstance(page, dict):
        items.extend(i for i in page.get("items") or [] if isinstance(i, dict))
        page = page.get("next") if isinstance(page.get("next"), dict) else None
    return items


def _position(item: dict[str, Any]) -> tuple[int, int] | None:
    target = item.get("target")
    selectors = target.get("selector") if isinstance(target, dict) else None
    for selector in selectors if isinstance(selectors, list) else []:
        if isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
            start, end = selector.get("start"), selector.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
                return start, end
    return None


def _segments(
    text: str,
    annotations: dict[str, Any],
    base_iri: str,
    records: set[str],
    pending: set[str],
    merged: dict[str, str] | None = None,
) -> list[Segment]:
    """The text cut at each annotation: mentions link to the record's page (or, for a draft
    still pending, to the draft on this page); dates carry their normalized form."""
    minter = Minter(base_iri)
    marks: list[tuple[int, int, Segment]] = []
    for item in _annotation_items(annotations):
        where = _position(item)
        if where is None or where[1] > len(text):
            continue
        start, end = where
        words = text[start:end]
        body = item.get("body")
        if isinstance(body, str):
            minted = minter.parse(body)
            record_id = minted[1] if minted is not None else None
            if minted is not None and merged and minted[1] in merged:
                record_id = merged[minted[1]]  # the draft is that record
                body = minter.entity_iri(minted[0], record_id)
            if record_id in records:
                path = body[len(base_iri) :]
                marks.append((start, end, Segment(words, "record", f"/{path}", body)))
            elif record_id in pending:
                marks.append((start, end, Segment(words, "draft", f"#draft-{record_id}", body)))
            else:
                marks.append((start, end, Segment(words, "draft", None, body)))
        elif isinstance(body, dict) and body.get("type") == "Choice":
            choices = [str(i) for i in body.get("items") or []]
            title = "one of " + ", ".join(choices)
            marks.append((start, end, Segment(words, "ambiguous", None, title)))
        elif isinstance(body, dict) and "value" in body:
            marks.append((start, end, Segment(words, "date", None, str(body["value"]))))
    marks.sort(key=lambda m: (m[0], -m[1]))
    segments: list[Segment] = []
    position = 0
    for start, end, segment in marks:
        if start < position:  # overlapping annotations: the first (longest) wins
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(segment)
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments
