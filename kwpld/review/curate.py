"""The review step: nothing an article proposes becomes a record until a curator accepts it.

``kwpld ingest`` writes, per article, ``articles/<id>.review.yaml`` (the loader skips
``*.review.*`` files): the article record in full, and one draft per new person, organ, post,
membership, event or cited document, each with why it was proposed and the sentences that
support it. A curator lists them (:func:`list_drafts`), may edit a draft's ``record`` in the
review file, and then accepts (:func:`accept`) or rejects (:func:`reject`) drafts by id.

Accepting appends each record to the data folder's record file of its kind (``people.yaml``,
``organs.yaml``, ``posts.yaml``, ``memberships.yaml``, ``events.yaml``, ``articles.yaml``, or
one ``--to`` file), rewrites the article files so they refer to what is now a record, and
checks that the whole folder still loads; if it does not, every file is restored and nothing
is accepted. References to drafts still pending block an accept (unless their drafts are
accepted with it); references to rejected drafts are dropped.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..atomic import write_files_atomic
from ..errors import InputError, KwpldError, LoadError, Problem, ProblemReport
from ..load import load_records, still_loads
from ..load.checks import REFERENCE_FIELDS, walk_references
from ..load.files import LineDict, LineList
from ..load.schema import check_record
from ..model import Records
from .yamlio import dump_yaml, read_yaml, write_text_atomic

__all__ = [
    "REVIEW_VERSION",
    "ReviewFile",
    "DraftItem",
    "AcceptResult",
    "review_files",
    "load_review",
    "list_drafts",
    "list_problems",
    "accept",
    "reject",
    "rename",
    "merge",
    "prune_references",
    "iter_references",
    "KIND_FILES",
    "DRAFT_KINDS",
    "PARTICIPATION",
    "add_participants",
    "pending_drafts",
    "render_articles",
    "render_review",
    "commit_writes",
]

REVIEW_VERSION = 1
KIND_FILES = {
    "person": "people",
    "organ": "organs",
    "post": "posts",
    "membership": "memberships",
    "event": "events",
    "article": "articles",
}
PARTICIPATION = "participation"
"""A draft that is no record of its own: accepting it adds ``{ref, role, sources}`` to the
participants of its ``event`` (a record, or an event draft accepted with it)."""
DRAFT_KINDS = (*KIND_FILES, PARTICIPATION)
_PARTICIPATION_REFS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("event",), ("event",)),
    (("ref",), ("person", "organ", "post")),
    (("sources", "*"), ("article",)),
]
_REQUIRED_REFS = {
    ("membership", "person"),
    ("membership", "organ"),
    ("post", "organ"),
    (PARTICIPATION, "event"),
    (PARTICIPATION, "ref"),
}
_ORDER = ("person", "organ", "post", "event", "article", "membership", PARTICIPATION)


@dataclass
class ReviewFile:
    path: Path
    data: dict[str, Any]

    @property
    def drafts(self) -> list[dict[str, Any]]:
        return list(self.data.get("drafts") or [])

    @property
    def article(self) -> str:
        return str(self.data.get("article", self.path.name.split(".review.")[0]))


@dataclass(frozen=True)
class DraftItem:
    """One draft, as listed for review."""

    id: str
    kind: str
    status: str
    label: str
    review: str
    article: str
    why: tuple[str, ...]
    evidence: tuple[str, ...]
    needs: tuple[str, ...]
    """ids of other drafts this one refers to"""
    record: dict[str, Any] = field(default_factory=dict, compare=False)
    """the record the draft proposes (as the review file holds it)"""
    fact: dict[str, Any] | None = field(default=None, compare=False)
    """for a fact (membership, participation): its type, date basis, rule"""
    identity: dict[str, Any] | None = field(default=None, compare=False)
    """for a person who shares a name with people of the folder: who they are not, or may be"""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "label": self.label,
            "review": self.review,
            "article": self.article,
            "why": list(self.why),
            "evidence": list(self.evidence),
            "needs": list(self.needs),
            "record": self.record,
        }
        if self.fact is not None:
            out["fact"] = self.fact
        if self.identity is not None:
            out["identity"] = self.identity
        return out


@dataclass
class AcceptResult:
    accepted: list[tuple[str, str]] = field(default_factory=list)
    """(kind, id) accepted, in order"""
    files: list[Path] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    """messages about references dropped because their drafts were rejected"""
    skipped: list[str] = field(default_factory=list)
    """messages about article files left alone"""


# -- reading ----------------------------------------------------------------------------------


def review_files(root: Path) -> list[Path]:
    """Review files written by ``kwpld ingest`` below ``root``, in path order."""
    out = []
    for path in sorted(root.rglob("*.review.yaml")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        out.append(path)
    return out


def load_review(path: Path, root: Path | None = None) -> ReviewFile | None:
    """Read a review file; None for a ``*.review.yaml`` that another tool wrote."""
    label = path.relative_to(root).as_posix() if root else str(path)
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{label}: cannot read the review file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InputError(f"{label}{where}: the review file is not valid YAML ({problem})") from None
    if not isinstance(data, dict) or "kwpld-review" not in data:
        return None
    if data.get("kwpld-review") != REVIEW_VERSION:
        raise InputError(
            f"{label}: review format {data.get('kwpld-review')!r}; "
            f"this kwpld reads {REVIEW_VERSION}"
        )
    drafts = data.get("drafts") or []
    if not isinstance(drafts, list):
        raise InputError(f"{label}: 'drafts' must be a list")
    for index, draft in enumerate(drafts):
        if not isinstance(draft, dict) or not isinstance(draft.get("record"), dict):
            raise InputError(f"{label}: drafts[{index}] must be a mapping with a 'record'")
        if not isinstance(draft["record"].get("id"), str) or draft.get("kind") not in DRAFT_KINDS:
            raise InputError(
                f"{label}: drafts[{index}] needs a record id and a kind ({', '.join(DRAFT_KINDS)})"
            )
        draft.setdefault("status", "pending")
        if draft["status"] not in ("pending", "accepted", "rejected"):
            raise InputError(
                f"{label}: drafts[{index}] ({draft['record']['id']}): "
                "status must be pending, accepted or rejected"
            )
    return ReviewFile(path, data)


def _reviews(root: Path) -> list[ReviewFile]:
    out = []
    for path in review_files(root):
        review = load_review(path, root)
        if review is not None:
            out.append(review)
    return out


def pending_drafts(
    root: Path, skip: set[str] | frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Every draft still pending in the folder's review files (for recognizing them again),
    except in the review files ``skip`` names (paths relative to ``root``)."""
    if not root.is_dir():
        return []
    return [
        draft
        for review in _reviews(root)
        if review.path.relative_to(root).as_posix() not in skip
        for draft in review.drafts
        if draft.get("status") == "pending"
    ]


# -- references ---------------------------------------------------------------------------------


def iter_references(record: dict[str, Any], kind: str) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, id) of every reference a record makes (the same fields the loader checks)."""
    fields = _PARTICIPATION_REFS if kind == PARTICIPATION else REFERENCE_FIELDS[kind]
    for pattern, _allowed in fields:
        yield from walk_references(record, pattern)


def prune_references(record: dict[str, Any], kind: str, keep: Callable[[str], bool]) -> list[str]:
    """Drop references that ``keep`` refuses, in place; returns the ids dropped.

    A list item goes (a participant whose ``ref`` goes is removed whole); a single reference
    field is removed. Required references (a membership's person and organ, a post's organ)
    are never dropped: the caller must refuse such a record instead.
    """
    dropped: list[str] = []
    removals = []
    for path, ref in iter_references(record, kind):
        if keep(ref) or (kind, path[0]) in _REQUIRED_REFS:
            continue
        dropped.append(ref)
        removals.append(path)
    for path in sorted(
        removals,
        key=lambda p: [str(x) if not isinstance(x, int) else f"{x:09d}" for x in p],
        reverse=True,
    ):
        _remove(record, path)
    for key in [k for k, v in record.items() if v in ([], None)]:
        del record[key]
    return dropped


def _remove(record: dict[str, Any], path: tuple[Any, ...]) -> None:
    parent: Any = record
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if isinstance(parent, dict) and last == "ref" and len(path) >= 3:
        # a participant {ref: ..., sources: [...]}: remove the whole item from its list
        container: Any = record
        for step in path[:-3]:
            container = container[step]
        items = container[path[-3]]
        del items[path[-2]]
        return
    if isinstance(parent, list):
        del parent[last]
    elif isinstance(parent, dict):
        del parent[last]
        for key in [k for k, v in parent.items() if v in ([], None)]:
            del parent[key]


# -- listing ---------------------------------------------------------------------------------


def list_drafts(
    data_dir: str | Path, *, statuses: tuple[str, ...] = ("pending",)
) -> list[DraftItem]:
    """Drafts in the folder's review files, with their evidence, in review-file order."""
    root = _folder(data_dir)
    items = []
    draft_ids: set[str] = set()
    reviews = _reviews(root)
    for review in reviews:
        draft_ids.update(d["record"]["id"] for d in review.drafts if d.get("status") == "pending")
    for review in reviews:
        for draft in review.drafts:
            if draft.get("status", "pending") not in statuses:
                continue
            record = draft["record"]
            needs = sorted(
                {
                    ref
                    for _, ref in iter_references(record, draft["kind"])
                    if ref in draft_ids and ref != record["id"]
                }
            )
            items.append(
                DraftItem(
                    id=record["id"],
                    kind=draft["kind"],
                    status=draft.get("status", "pending"),
                    label=_label(record, draft),
                    review=review.path.relative_to(root).as_posix(),
                    article=review.article,
                    why=tuple(str(w) for w in draft.get("why") or []),
                    evidence=tuple(
                        _snippet(e) for e in draft.get("evidence") or [] if isinstance(e, dict)
                    ),
                    needs=tuple(needs),
                    record=record,
                    fact=draft.get("fact") if isinstance(draft.get("fact"), dict) else None,
                    identity=(
                        draft.get("identity") if isinstance(draft.get("identity"), dict) else None
                    ),
                )
            )
    return items


def list_problems(data_dir: str | Path) -> list[tuple[str, dict[str, Any]]]:
    """(text file, problem) for every problem ingest noted: contradictory dates, names that
    stand for several records. A problem's ``at`` are character offsets in the text file."""
    root = _folder(data_dir)
    out = []
    for review in _reviews(root):
        text = review.path.parent / str(review.data.get("text") or review.path.name)
        for problem in review.data.get("problems") or []:
            if isinstance(problem, dict):
                out.append((text.relative_to(root).as_posix(), problem))
    return out


def _snippet(evidence: dict[str, Any], width: int = 70) -> str:
    """The evidence words with some of their sentence around them."""
    sentence = str(evidence.get("sentence", ""))
    text = str(evidence.get("text", ""))
    at = sentence.find(text) if text else -1
    if at < 0:
        return sentence if len(sentence) <= 2 * width else sentence[: 2 * width] + "…"
    start = max(0, at - width)
    end = min(len(sentence), at + len(text) + width)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def _label(record: dict[str, Any], draft: dict[str, Any] | None = None) -> str:
    fact = (draft or {}).get("fact") or {}
    if "person" in record and "organ" in record:  # a membership: who, what, which change
        what = f"{record['person']}: {record.get('role', '')} of {record['organ']}"
        return f"{what} ({fact['type']})" if fact.get("type") else what
    if "event" in record and "ref" in record:  # a participation
        return f"{record['ref']} at {record['event']}" + (
            f" ({record['role']})" if record.get("role") else ""
        )
    for name in record.get("names") or []:
        if (
            isinstance(name, dict)
            and name.get("system") == "en"
            and name.get("kind", "preferred") == "preferred"
        ):
            return str(name.get("text"))
    if record.get("title"):
        return str(record["title"])
    names = record.get("names") or []
    return (
        str(names[0].get("text")) if names and isinstance(names[0], dict) else str(record.get("id"))
    )


def _folder(data_dir: str | Path) -> Path:
    root = Path(data_dir)
    if not root.is_dir():
        raise InputError(f"{root}: no such data folder")
    return root


# -- accepting and rejecting --------------------------------------------------------------------


def _select(
    reviews: list[ReviewFile],
    ids: list[str],
    every: bool,
    kinds: tuple[str, ...] | None,
    statuses: tuple[str, ...],
) -> list[str]:
    known: dict[str, str] = {}
    for review in reviews:
        for draft in review.drafts:
            known.setdefault(draft["record"]["id"], draft.get("status", "pending"))
    if not ids and not every:
        raise InputError(
            "name the drafts to decide on (their ids, from kwpld review), or use --all"
        )
    chosen = []
    if every:
        chosen = [i for i, s in known.items() if s in statuses]
    for draft_id in ids:
        if draft_id not in known:
            import difflib

            close = difflib.get_close_matches(draft_id, list(known), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise InputError(f"no draft has the id '{draft_id}'{hint} (kwpld review lists them)")
        if draft_id not in chosen:
            chosen.append(draft_id)
    if kinds:
        kinds_of = {d["record"]["id"]: d["kind"] for r in reviews for d in r.drafts}
        chosen = [i for i in chosen if kinds_of.get(i) in kinds]
    return chosen


DraftIndex = dict[str, list[tuple[ReviewFile, dict[str, Any]]]]
"""Every draft by its record id, with its review file, in review-file and draft order."""


def _draft_index(reviews: list[ReviewFile]) -> DraftIndex:
    """The drafts of ``reviews`` by id: accept looks a draft up once or twice per draft it
    accepts, and scanning every review file for each (as it once did) made ``accept --all``
    on 180 review files quadratic, with most of its time spent in those scans."""
    index: DraftIndex = {}
    for review in reviews:
        for draft in review.drafts:
            index.setdefault(draft["record"]["id"], []).append((review, draft))
    return index


def _merged(index: DraftIndex, draft_id: str) -> tuple[str, dict[str, Any]]:
    """One record from every review's draft with this id (names and sources united)."""
    kind = ""
    merged: dict[str, Any] | None = None
    for _, draft in index.get(draft_id, ()):
        if draft.get("status") == "rejected":
            continue
        record = copy.deepcopy(draft["record"])
        if merged is None:
            kind, merged = draft["kind"], record
            continue
        for key, value in record.items():
            if key not in merged:
                merged[key] = value
            elif isinstance(value, list) and isinstance(merged[key], list):
                for item in value:
                    if key == "names" and any(
                        isinstance(n, dict)
                        and n.get("text") == item.get("text")
                        and n.get("system") == item.get("system")
                        for n in merged[key]
                    ):
                        continue
                    if item not in merged[key]:
                        merged[key].append(item)
    assert merged is not None
    return kind, merged


def accept(
    data_dir: str | Path,
    ids: list[str] | None = None,
    *,
    every: bool = False,
    kinds: tuple[str, ...] | None = None,
    with_dependencies: bool = False,
    to: str | Path | None = None,
) -> AcceptResult:
    """Make drafts records: append them to record files and update the articles that cite them."""
    root = _folder(data_dir)
    reviews = _reviews(root)
    if not reviews:
        raise InputError(f"{root}: no review files (kwpld ingest writes them)")
    records = load_records(root)
    existing = {r.id for r in records}
    status = {d["record"]["id"]: d.get("status", "pending") for r in reviews for d in r.drafts}
    selected = _select(reviews, list(ids or []), every, kinds, ("pending",))
    selected = [i for i in selected if i not in existing]
    index = _draft_index(reviews)
    chosen = _with_dependencies(reviews, index, selected, existing, status, with_dependencies)
    accepted_ids = set(chosen)
    result = AcceptResult()
    by_kind = _checked(root, index, records, chosen, existing, status, result)
    writes: dict[Path, str] = {}
    _participations(root, records, by_kind.pop(PARTICIPATION, []), chosen, writes)
    for kind, items in by_kind.items():
        target = _target(root, to, kind)
        writes[target] = _append(
            writes.get(target) or _read(target), KIND_FILES[kind], items, target, root
        )
    _article_files(root, reviews, existing | accepted_ids, writes, result)
    for review in reviews:
        changed = False
        for draft in review.drafts:
            if draft["record"]["id"] in accepted_ids and draft.get("status") != "accepted":
                draft["status"] = "accepted"
                changed = True
        if changed or review.path in writes:
            review.data["drafts"] = review.drafts
            writes[review.path] = render_review(review.data)
    commit_writes(root, writes)
    result.files = sorted(p for p in writes if not p.name.endswith(".review.yaml"))
    return result


def _with_dependencies(
    reviews: list[ReviewFile],
    index: DraftIndex,
    selected: list[str],
    existing: set[str],
    status: dict[str, str],
    with_dependencies: bool,
) -> dict[str, tuple[str, dict[str, Any]]]:
    """The drafts to accept, id -> (kind, record): the selected ones, and the drafts they refer
    to when ``with_dependencies`` (a fact, a membership or participation the text states,
    always brings the drafts it needs along). Raises InputError naming every draft that refers
    to a draft left out."""
    facts = {d["record"]["id"] for r in reviews for d in r.drafts if d.get("fact")}
    queue = list(selected)
    chosen: dict[str, tuple[str, dict[str, Any]]] = {}
    missing: dict[str, list[str]] = {}
    along: set[str] = set()
    while queue:
        draft_id = queue.pop(0)
        if draft_id in chosen:
            continue
        kind, record = _merged(index, draft_id)
        chosen[draft_id] = (kind, record)
        for _, ref in iter_references(record, kind):
            if ref in existing or ref in chosen or ref in queue or ref == draft_id:
                continue
            if status.get(ref) == "pending" or status.get(ref) == "accepted":
                if with_dependencies or draft_id in facts or draft_id in along:
                    queue.append(ref)
                    along.add(ref)
                else:
                    missing.setdefault(draft_id, []).append(ref)
    if missing:
        lines = [
            f"{draft}: refers to {', '.join(sorted(set(refs)))}, still a draft"
            for draft, refs in sorted(missing.items())
        ]
        raise InputError(
            "some drafts refer to drafts not being accepted:\n  "
            + "\n  ".join(lines)
            + "\naccept those too (name them, or add --with-dependencies), or reject them first"
        )
    return chosen


def _checked(
    root: Path,
    index: DraftIndex,
    records: Records,
    chosen: dict[str, tuple[str, dict[str, Any]]],
    existing: set[str],
    status: dict[str, str],
    result: AcceptResult,
) -> dict[str, list[dict[str, Any]]]:
    """The chosen records by kind, in the order they are written, with references to rejected
    drafts dropped; each checked as the loader checks a record (LoadError naming them all)."""
    accepted_ids = set(chosen)

    def keep(ref: str) -> bool:
        return ref in existing or ref in accepted_ids

    problems: list[Problem] = []
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for draft_id in sorted(chosen, key=lambda i: (_ORDER.index(chosen[i][0]), i)):
        kind, record = chosen[draft_id]
        where = _review_of(index, draft_id, root)
        # Only references to rejected drafts go; anything else unknown is reported below.
        for ref in prune_references(record, kind, lambda r: keep(r) or status.get(r) != "rejected"):
            result.dropped.append(
                f"{draft_id}: dropped the reference to {ref} (its draft was rejected or is gone)"
            )
        for path, ref in iter_references(record, kind):
            if not keep(ref):
                problems.append(
                    Problem(
                        "unknown-reference",
                        f"no record or draft has the id '{ref}'",
                        where,
                        record_id=draft_id,
                        kind=kind,
                        field=".".join(str(step) for step in path),
                    )
                )
        if kind == PARTICIPATION:
            problems.extend(_check_participation(record, draft_id, records, chosen, index, root))
        else:
            problems.extend(
                Problem(p.code, p.message, where, None, draft_id, kind, p.field)
                for p in check_record(_line_dict(record), kind, where, [])
            )
        by_kind.setdefault(kind, []).append(record)
        result.accepted.append((kind, draft_id))
    if problems:
        raise LoadError(ProblemReport(problems), root)
    return by_kind


def _check_participation(
    record: dict[str, Any],
    draft_id: str,
    records: Any,
    chosen: dict[str, tuple[str, dict[str, Any]]],
    index: DraftIndex,
    root: Path,
) -> list[Problem]:
    where = _review_of(index, draft_id, root)
    out = []
    event = record.get("event")
    if not isinstance(event, str) or not isinstance(record.get("ref"), str):
        out.append(Problem("invalid-record", "a participation needs an event and a ref", where,
                           record_id=draft_id, kind=PARTICIPATION))  # fmt: skip
        return out
    existing = records.get(event)
    is_event = (existing is not None and existing.kind == "event") or (
        event in chosen and chosen[event][0] == "event"
    )
    if not is_event:
        out.append(Problem("unknown-reference", f"'{event}' is no event", where,
                           record_id=draft_id, kind=PARTICIPATION, field="event"))  # fmt: skip
    return out


def _participant(record: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"ref": record["ref"]}
    if record.get("role"):
        item["role"] = record["role"]
    if record.get("sources"):
        item["sources"] = list(record["sources"])
    return item


def _participations(
    root: Path,
    records: Any,
    items: list[dict[str, Any]],
    chosen: dict[str, tuple[str, dict[str, Any]]],
    writes: dict[Path, str],
) -> None:
    """Add accepted participations to their events: an event draft accepted with them gets
    them in its record; an event record gets them in the file it is written in."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for record in items:
        by_event.setdefault(record["event"], []).append(_participant(record))
    for event, participants in by_event.items():
        if event in chosen:
            target = chosen[event][1].setdefault("participants", [])
            for item in participants:
                if not any(_participant_ref(p) == item["ref"] for p in target):
                    target.append(item)
            continue
        existing = records.get(event)
        present = {p.ref for p in existing.participants}
        new = [p for p in participants if p["ref"] not in present]
        if new:
            add_participants(root, existing.origin.file, event, new, writes)


def _participant_ref(item: Any) -> str | None:
    return item.get("ref") if isinstance(item, dict) else item


def add_participants(
    root: Path, file: str, event: str, items: list[dict[str, Any]], writes: dict[Path, str]
) -> None:
    """Append participants to the event ``event`` written in ``file`` (YAML or JSON Lines),
    keeping the rest of the file as written."""
    import json

    path = root / file
    text = writes.get(path) or _read(path) or ""
    if path.suffix.lower() == ".jsonl":
        lines = text.splitlines(keepends=True)
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            data = json.loads(line)
            if data.get("id") == event:
                data.setdefault("participants", []).extend(items)
                lines[index] = json.dumps(data, ensure_ascii=False) + "\n"
                writes[path] = "".join(lines)
                return
        raise InputError(f"{file}: no event '{event}' to add participants to")
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(
            f"{file}: participants can be added to events in YAML or JSON Lines files only"
        )
    writes[path] = _yaml_add_participants(text, file, event, items)


def _yaml_add_participants(text: str, file: str, event: str, items: list[dict[str, Any]]) -> str:
    node = yaml.compose(text)
    mapping = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value != "events" or not isinstance(value, yaml.SequenceNode):
                continue
            for item in value.value:
                if isinstance(item, yaml.MappingNode) and any(
                    k.value == "id" and v.value == event for k, v in item.value
                ):
                    mapping = item
    if mapping is None:
        raise InputError(f"{file}: no event '{event}' to add participants to")
    lines = text.splitlines(keepends=True)
    if text and not text.endswith("\n"):
        lines[-1] += "\n"
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    current = next((v for k, v in mapping.value if k.value == "participants"), None)
    if mapping.flow_style or (current is not None and current.flow_style):
        target = current if current is not None else mapping
        data = yaml.safe_load(text[target.start_mark.index : target.end_mark.index])
        if current is not None:
            data = [*(data or []), *items]
        else:
            data["participants"] = items
        flow = yaml.safe_dump(data, default_flow_style=True, allow_unicode=True, width=10**6)
        return text[: target.start_mark.index] + flow.strip() + text[target.end_mark.index :]
    key_column = mapping.value[0][0].start_mark.column
    if current is not None and isinstance(current, yaml.SequenceNode) and current.value:
        dash = current.value[0].start_mark.column - 2
        block = _block_items(items, dash)
        end = current.value[-1].end_mark
    else:
        block = " " * key_column + "participants:\n" + _block_items(items, key_column + 2)
        end = mapping.end_mark
    # Insert after the line the node ends on (a node's end mark is past its last character).
    line = end.line if end.column == 0 else end.line + 1
    line = min(line, len(lines))
    return "".join(lines[:line]) + block + "".join(lines[line:])


def _block_items(items: list[dict[str, Any]], indent: int) -> str:
    out = []
    for item in items:
        flow = yaml.safe_dump(item, default_flow_style=True, allow_unicode=True, width=10**6)
        out.append(" " * indent + "- " + flow.strip() + "\n")
    return "".join(out)


def reject(data_dir: str | Path, ids: list[str] | None = None, *, every: bool = False) -> list[str]:
    """Mark drafts rejected; they are never proposed again for these articles."""
    root = _folder(data_dir)
    reviews = _reviews(root)
    chosen = set(_select(reviews, list(ids or []), every, None, ("pending",)))
    writes: dict[Path, str] = {}
    for review in reviews:
        changed = False
        for draft in review.drafts:
            if draft["record"]["id"] in chosen and draft.get("status") != "rejected":
                draft["status"] = "rejected"
                changed = True
        if changed:
            review.data["drafts"] = review.drafts
            writes[review.path] = render_review(review.data)
    for path, text in writes.items():
        write_text_atomic(path, text)
    return sorted(chosen)


def rename(data_dir: str | Path, draft_id: str, name: str) -> list[Path]:
    """Fix a pending draft's name before it is accepted: its preferred English name (an
    article's title) becomes ``name`` in every review file that proposes it, as a curator
    would edit it there. Returns the review files written."""
    root = _folder(data_dir)
    name = " ".join(str(name).split())
    if not name:
        raise InputError(f"{draft_id}: a name cannot be empty")
    reviews = _reviews(root)
    _select(reviews, [draft_id], False, None, ("pending",))
    _pending(reviews, draft_id)
    writes: dict[Path, str] = {}
    for review in reviews:
        changed = False
        for draft in review.drafts:
            if draft["record"]["id"] != draft_id or draft.get("status") != "pending":
                continue
            record = draft["record"]
            if draft["kind"] == "article":
                changed |= record.get("title") != name
                record["title"] = name
                continue
            names = record.setdefault("names", [])
            preferred = [
                n
                for n in names
                if isinstance(n, dict)
                and n.get("system") == "en"
                and n.get("kind", "preferred") == "preferred"
            ]
            if preferred:
                changed |= preferred[0].get("text") != name
                preferred[0]["text"] = name
            else:
                names.insert(0, {"text": name, "system": "en"})
                changed = True
        if changed:
            review.data["drafts"] = review.drafts
            writes[review.path] = render_review(review.data)
    if not writes:
        raise InputError(f"{draft_id}: no pending draft has this id, or it is already so named")
    for path, text in writes.items():
        write_text_atomic(path, text)
    return sorted(writes)


def merge(data_dir: str | Path, draft_id: str, into: str) -> AcceptResult:
    """The draft names a record the folder already has (``into``, of the same kind): every
    reference to the draft — in the other drafts and in the articles' records — becomes
    ``into``, the draft is marked rejected with ``merged_into``, and the article files are
    rewritten to refer to the record, as :func:`accept` rewrites them. The whole folder must
    still load, or every file is restored. The draft's names are not added to the record."""
    root = _folder(data_dir)
    reviews = _reviews(root)
    _select(reviews, [draft_id], False, None, ("pending",))
    _pending(reviews, draft_id)
    kinds = {d["record"]["id"]: d["kind"] for r in reviews for d in r.drafts}
    records = load_records(root)
    target = records.get(into)
    if target is None:
        raise InputError(f"no record has the id '{into}'; merge a draft into an existing record")
    if target.kind != kinds[draft_id]:
        raise InputError(
            f"'{into}' is {'an' if target.kind[0] in 'aeiou' else 'a'} {target.kind}, "
            f"and {draft_id} a {kinds[draft_id]} draft"
        )
    result = AcceptResult()
    writes: dict[Path, str] = {}
    for review in reviews:
        changed = False
        for draft in review.drafts:
            record = draft["record"]
            if record["id"] == draft_id:
                if draft.get("status") == "pending":
                    draft["status"] = "rejected"
                    draft["merged_into"] = into
                    changed = True
                continue
            changed |= _replace_references(record, draft["kind"], draft_id, into)
        for record in review.data.get("records") or []:
            if isinstance(record, dict):
                changed |= _replace_references(record, "article", draft_id, into)
        if changed:
            review.data["drafts"] = review.drafts
            writes[review.path] = ""
    existing = {r.id for r in records}
    _article_files(root, reviews, existing, writes, result)
    for review in reviews:
        if review.path in writes:
            writes[review.path] = render_review(review.data)
    commit_writes(root, writes)
    result.files = sorted(p for p in writes if not p.name.endswith(".review.yaml"))
    return result


def _pending(reviews: list[ReviewFile], draft_id: str) -> None:
    statuses = {
        d.get("status", "pending")
        for r in reviews
        for d in r.drafts
        if d["record"]["id"] == draft_id
    }
    if "pending" not in statuses:
        raise InputError(
            f"{draft_id} is {' and '.join(sorted(statuses))}, no longer a draft to decide"
        )


def _replace_references(record: dict[str, Any], kind: str, old: str, new: str) -> bool:
    """Make every reference to ``old`` in ``record`` one to ``new``, in place."""
    changed = False
    for path, ref in reversed(list(iter_references(record, kind))):
        if ref != old:
            continue
        parent: Any = record
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, list) and new in parent:
            del parent[path[-1]]  # a list of ids that names the record already
        else:
            parent[path[-1]] = new
        changed = True
    return changed


def _target(root: Path, to: str | Path | None, kind: str) -> Path:
    """Where accepted records of ``kind`` go: ``--to`` (relative to the data folder) or the
    kind's own file."""
    if to is None:
        return root / f"{KIND_FILES[kind]}.yaml"
    target = Path(to)
    if not target.is_absolute():
        target = root / target
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        raise InputError(f"--to {to}: the file must be inside the data folder {root}") from None
    if target.suffix.lower() not in (".yaml", ".yml") or ".review." in target.name:
        raise InputError(
            f"--to {to}: accepted records go to a .yaml record file (not a review file)"
        )
    return target


def _review_of(index: DraftIndex, draft_id: str, root: Path) -> str:
    """The first review file with a draft of this id, relative to ``root``."""
    for review, _ in index.get(draft_id, ())[:1]:
        return review.path.relative_to(root).as_posix()
    return "review"


def _line_dict(value: Any) -> Any:
    """Plain data as the loader's line-aware types, so the schema check can run on it."""
    if isinstance(value, dict):
        out = LineDict(line=0)
        for key, item in value.items():
            out[key] = _line_dict(item)
        return out
    if isinstance(value, list):
        items = LineList([_line_dict(v) for v in value], line=0)
        items.item_lines = [0] * len(items)
        return items
    return value


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def _append(text: str | None, key: str, items: list[dict[str, Any]], path: Path, root: Path) -> str:
    """Add records under ``key`` at the end of a record file, keeping what is there as written."""
    block = dump_yaml({key: items})
    if text is None or not text.strip():
        return "kwpld: 1\n" + block
    try:
        data = read_yaml(text)
    except yaml.YAMLError:
        raise InputError(
            f"{_rel(path, root)}: not valid YAML; fix it before accepting drafts into it"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{_rel(path, root)}: not a record file (a mapping of kinds of record)")
    if not text.endswith("\n"):
        text += "\n"
    if key not in data:
        return text + block
    if list(data)[-1] != key or not isinstance(data[key], list):
        raise InputError(
            f"{_rel(path, root)}: '{key}' is not the last list in the file, "
            "so new records cannot be "
            "appended to it without rewriting it; use --to FILE to write accepted drafts elsewhere"
        )
    import re

    match = re.search(
        rf"(?m)^{re.escape(key)}:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)- ", text
    )
    # The new items take the indentation the file's list already has.
    indent = match.group(1) if match else ""
    lines = block.splitlines()[1:]
    own = lines[0][: len(lines[0]) - len(lines[0].lstrip(" \t"))] if lines else ""
    body = "\n".join(indent + line[len(own) :] if line.startswith(own) else line for line in lines)
    return text + body + "\n"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _article_files(
    root: Path,
    reviews: list[ReviewFile],
    allowed: set[str],
    writes: dict[Path, str],
    result: AcceptResult,
) -> None:
    """Rewrite each ingested article file to refer to every record that now exists."""
    for review in reviews:
        name = review.data.get("article_file")
        records = review.data.get("records")
        if not name or not isinstance(records, list):
            continue
        path = review.path.parent / name
        current = _read(path)
        if current is not None and hashlib.sha256(
            current.encode("utf-8")
        ).hexdigest() != review.data.get("article_sha256"):
            if render_articles(records, allowed) != current:
                result.skipped.append(
                    f"{_rel(path, root)} was edited after kwpld ingest wrote it; "
                    "it is left as it is: "
                    "add the accepted ids to its mentions by hand"
                )
            continue
        text = render_articles(records, allowed)
        if text != current:
            writes[path] = text
            review.data["article_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            writes[review.path] = ""  # re-rendered below with the new hash


def render_articles(records: list[dict[str, Any]], allowed: set[str]) -> str:
    """The article file: the article and its images, referring only to existing records."""
    out = []
    ids = {r.get("id") for r in records}
    for record in records:
        copy_ = copy.deepcopy(record)
        prune_references(copy_, "article", lambda ref: ref in allowed or ref in ids)
        out.append(copy_)
    return dump_yaml(
        {"kwpld": 1, "articles": out},
        header="Written by kwpld ingest. The article's drafts are in the .review.yaml file beside\n"
        "this one; kwpld accept rewrites this file to refer to the records it creates.",
    )


def render_review(data: dict[str, Any]) -> str:
    return dump_yaml(
        data,
        header=(
            "kwpld ingest review file: drafts proposed from one article. Nothing here is a record\n"
            "until it is accepted; edit a draft's record here before accepting it if it needs it.\n"
            "List: kwpld review DATA_DIR   Accept: kwpld accept DATA_DIR ID...   "
            "Reject: kwpld reject DATA_DIR ID..."
        ),
    )


def commit_writes(root: Path, writes: dict[Path, str], loaded: Records | None = None) -> None:
    """Write every file, then check the folder loads; on failure restore every file.

    ``loaded`` is the folder as the caller loaded it before these writes, unchanged: then only
    the files written are read again (:func:`~kwpld.load.still_loads`), and the whole folder
    only when that is not sure, as it is always when something is wrong (the full load
    reports it, and every file is restored)."""
    backups = {path: _read(path) for path in writes}
    try:
        write_files_atomic(writes)
        if loaded is None or not still_loads(root, loaded, list(writes)):
            load_records(root)
    except (KwpldError, OSError):
        for path, old in backups.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                write_text_atomic(path, old)
        raise
