"""Merge two records of one kind into one, in every file of a data folder, all at once.

``kwpld check`` warns about records that may be one entity written twice
(:mod:`kwpld.load.duplicates`); :func:`merge_records` joins them. The absorbed record goes,
the survivor gets its names, sources and other values, and every reference to the absorbed
record, in every record file, Wikidata decision, ingest review file and annotation file, is
renamed to the survivor. Values that differ are conflicts: all are named and nothing is
changed unless the caller says which side wins.

Nothing is written until the whole new folder has been loaded: the changed files go into a
hidden copy of the folder's record files (unchanged files are hard links) and
:func:`kwpld.load.load_records` reads it; then every file is replaced in one
:class:`kwpld.atomic.FileTransaction` (all files or none, even when killed half way). Files
keep their layout and comments: only the records that change are written again
(:mod:`kwpld.merge.documents`).
"""

from __future__ import annotations

import copy
import difflib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..atomic import FileTransaction, sweep
from ..errors import InputError, LoadError
from ..load import DATASET_FILE, load_records, record_files
from ..model import KIND_KEYS, KINDS
from ..namespaces import DEFAULT_BASE_IRI
from .documents import Change, Document, read_document
from .extras import annotation_files, extra_files, link_review, review_queues
from .fields import Conflict, merge_fields, references, rename_references

__all__ = ["MergeResult", "MergeConflict", "MergeLoadError", "merge_records"]

_CSV_KINDS = {"people": "person", "memberships": "membership"}


class MergeConflict(InputError):
    """The two records disagree and no side was preferred; ``conflicts`` lists each."""

    def __init__(self, message: str, conflicts: list[str]) -> None:
        super().__init__(message)
        self.conflicts = conflicts


class MergeLoadError(LoadError):
    """The folder would not load after the merge; nothing was written."""

    def render(self) -> str:
        return (
            "kwpld: after this merge the records would not load:\n"
            + self.report.render_text()
            + "\nkwpld: nothing was written."
        )


@dataclass
class MergeResult:
    """What :func:`merge_records` changed (or, with ``dry_run``, would change)."""

    kind: str
    survivor: str
    absorbed: str
    files: list[str] = field(default_factory=list)
    """Paths (relative to the data folder) of the files changed."""
    referrers: list[str] = field(default_factory=list)
    """Ids of the records whose references to the absorbed record were renamed."""
    notes: list[str] = field(default_factory=list)
    """Choices made without a conflict (a more precise date kept) or by --prefer."""
    diff: str = ""
    """A unified diff of every file changed."""
    dry_run: bool = False


def merge_records(
    data_dir: str | Path,
    kind: str,
    a: str,
    b: str,
    *,
    into: str | None = None,
    prefer: str | None = None,
    dry_run: bool = False,
) -> MergeResult:
    """Merge the records ``a`` and ``b`` (both of ``kind``) into one.

    ``b`` goes into ``a`` unless ``into`` names ``b``. Values that differ are conflicts
    (:class:`MergeConflict`, every one named) unless ``prefer`` says which record wins:
    ``"a"``, ``"b"`` or one of the two ids. With ``dry_run`` nothing is written and the result
    holds the diff. Raises :class:`~kwpld.errors.LoadError` when the folder does not load
    before the merge and :class:`MergeLoadError` when it would not load after it.
    """
    root = Path(data_dir)
    _check_arguments(root, kind, a, b)
    sweep(root)  # a merge killed half way is rolled back before anything is read
    base_iri = _loads_but_for_links(root)
    documents = [
        read_document(path, path.relative_to(root).as_posix(), _kind_of)
        for path in record_files(root)
    ]
    where = {
        slot.id: (d, s)
        for d, doc in enumerate(documents)
        for s, slot in enumerate(doc.slots)
        if slot.kind != "link"
    }
    kinds = {record_id: documents[d].slots[s].kind for record_id, (d, s) in where.items()}
    for record_id in (a, b):
        _check_record(kinds, kind, record_id)
    survivor, absorbed = _roles(a, b, into)
    side = _preferred_side(prefer, a, b, survivor)
    keep_at, drop_at = where[survivor], where[absorbed]
    keep = documents[keep_at[0]].slots[keep_at[1]]
    drop = documents[drop_at[0]].slots[drop_at[1]]
    merged = merge_fields(kind, keep.record, drop.record, side)
    rename_references(merged.record, kind, absorbed, survivor)
    conflicts = [c for c in merged.conflicts if c.field != "wikidata"]
    result = MergeResult(kind, survivor, absorbed, notes=list(merged.notes), dry_run=dry_run)

    changes: dict[int, dict[int, Change]] = {}
    changes.setdefault(keep_at[0], {})[keep_at[1]] = Change(merged.record)
    changes.setdefault(drop_at[0], {})[drop_at[1]] = Change(None)
    links = _rename_references(documents, (keep_at, drop_at), absorbed, survivor, changes, result)
    conflicts.extend(
        _links(kind, keep.record, drop.record, merged.record, side, links, changes, result)
    )
    if conflicts:
        lines = [c.describe(survivor, absorbed) for c in conflicts]
        raise MergeConflict(
            f"{kind} '{absorbed}' cannot be merged into '{survivor}': their values differ\n  "
            + "\n  ".join(lines)
            + f"\nsay which record wins with --prefer A ({a}) or --prefer B ({b}), or make "
            "the records agree first; nothing was written",
            lines,
        )

    writes = _new_texts(root, documents, changes, base_iri, kind, absorbed, survivor)
    _load_check(root, documents, writes, survivor, absorbed)
    result.files = sorted(p.relative_to(root).as_posix() for p in writes)
    result.diff = _diff(root, writes)
    result.referrers.sort()
    if not dry_run:
        FileTransaction(root).commit(writes)
    return result


def _new_texts(
    root: Path,
    documents: list[Document],
    changes: dict[int, dict[int, Change]],
    base_iri: str,
    kind: str,
    absorbed: str,
    survivor: str,
) -> dict[Path, str]:
    """The new text of every file the merge changes: record files, review queues, the link
    review file and annotations."""
    writes: dict[Path, str] = {}
    for d, doc_changes in changes.items():
        doc = documents[d]
        text = doc.render(doc_changes)
        if text != doc.text:
            writes[doc.path] = text
    extras = extra_files(root)
    writes.update(review_queues(root, extras, absorbed, survivor, writes))
    writes.update(link_review(extras, absorbed, survivor))
    writes.update(annotation_files(extras, base_iri, kind, absorbed, survivor))
    return writes


def _check_arguments(root: Path, kind: str, a: str, b: str) -> None:
    """A merge that cannot mean anything stops before the folder is read."""
    if not root.is_dir():
        raise InputError(f"{root}: no such data folder")
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; the kinds are {', '.join(KINDS)}")
    if a == b:
        raise InputError(f"'{a}' is named twice: give two different records to merge")


def _rename_references(
    documents: list[Document],
    merged: tuple[tuple[int, int], tuple[int, int]],
    absorbed: str,
    survivor: str,
    changes: dict[int, dict[int, Change]],
    result: MergeResult,
) -> list[tuple[int, int, str, dict[str, Any]]]:
    """Rename ``absorbed`` to ``survivor`` in every other record (a change each, noted in
    ``changes``); the Wikidata links of either, ``(document, slot, side, renamed link)``, left
    for :func:`_links` to reconcile."""
    links: list[tuple[int, int, str, dict[str, Any]]] = []
    for d, doc in enumerate(documents):
        for s, slot in enumerate(doc.slots):
            if (d, s) in merged:
                continue
            record = copy.deepcopy(slot.record)
            if not rename_references(record, slot.kind, absorbed, survivor):
                if slot.kind == "link" and record.get("entity") == survivor:
                    links.append((d, s, "survivor", record))
                continue
            if slot.kind == "link":
                links.append((d, s, "absorbed", record))
            else:
                result.referrers.append(slot.id)
            simple = _substituted(slot.record, slot.kind, absorbed, survivor)
            changes.setdefault(d, {})[s] = Change(
                record, (absorbed, survivor) if simple == record else None
            )
    return links


def _kind_of(path: Path) -> str | None:
    """The kind a CSV or JSON Lines file holds, as the loader reads its name."""
    kinds = _CSV_KINDS if path.suffix.lower() == ".csv" else KIND_KEYS
    stem = path.stem.lower()
    for word, kind in kinds.items():
        if stem == word or stem.endswith(("." + word, "-" + word, "_" + word)):
            return kind
    return None


def _loads_but_for_links(root: Path) -> str:
    """Load the folder; its base IRI. A folder whose only problems are Wikidata links that
    contradict each other is let through (two records linked to one item: what a merge
    resolves); the merged folder must load in full."""
    try:
        return load_records(root).info.base_iri
    except LoadError as exc:
        if any(p.code not in _MERGE_FIXES for p in exc.report):
            raise
    try:
        info = yaml.safe_load((root / DATASET_FILE).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError):
        info = {}
    base = info.get("base_iri") if isinstance(info, dict) else None
    return str(base) if isinstance(base, str) else DEFAULT_BASE_IRI


_MERGE_FIXES = ("link-conflict", "duplicate-link")
"""Load problems a merge of the records concerned can resolve."""


def _check_record(kinds: dict[str, str], kind: str, record_id: str) -> None:
    found = kinds.get(record_id)
    if found is None:
        ids = [i for i, k in kinds.items() if k == kind]
        close = difflib.get_close_matches(record_id, ids, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise InputError(f"no {kind} has the id '{record_id}'{hint}")
    if found != kind:
        raise InputError(f"'{record_id}' is {_a(found)}, not {_a(kind)}")


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _roles(a: str, b: str, into: str | None) -> tuple[str, str]:
    """(survivor, absorbed): B goes into A unless ``into`` names B."""
    if into is None or into == a:
        return a, b
    if into == b:
        return b, a
    raise InputError(f"--into {into}: name one of the two records, '{a}' or '{b}'")


def _preferred_side(prefer: str | None, a: str, b: str, survivor: str) -> str | None:
    if prefer is None:
        return None
    if prefer.lower() in ("a", "b"):
        named = a if prefer.lower() == "a" else b
    elif prefer in (a, b):
        named = prefer
    else:
        raise InputError(f"--prefer {prefer}: use A ({a}) or B ({b})")
    return "survivor" if named == survivor else "absorbed"


def _substituted(record: dict[str, Any], kind: str, old: str, new: str) -> dict[str, Any]:
    """The record with references renamed and nothing else (no repeats dropped)."""
    copy_ = copy.deepcopy(record)
    for path, ref in list(references(copy_, kind)):
        if ref != old:
            continue
        parent: Any = copy_
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = new
    return copy_


def _links(
    kind: str,
    survivor_record: dict[str, Any],
    absorbed_record: dict[str, Any],
    merged: dict[str, Any],
    side: str | None,
    links: list[tuple[int, int, str, dict[str, Any]]],
    changes: dict[int, dict[int, Change]],
    result: MergeResult,
) -> list[Conflict]:
    """Reconcile the two records' Wikidata items (their ``wikidata`` fields and decisions in
    ``wikidata_links``): one item at most, no item both accepted and rejected, no decision
    written twice. Returns the conflicts left; with ``side``, the loser's decisions that
    contradict the winner's are dropped."""
    if kind not in ("person", "organ", "event", "article"):
        return []
    survivor, absorbed = result.survivor, result.absorbed
    accepted: dict[str, set[str]] = {"survivor": set(), "absorbed": set()}
    rejected: dict[str, set[str]] = {"survivor": set(), "absorbed": set()}
    for who, record in (("survivor", survivor_record), ("absorbed", absorbed_record)):
        qid = record.get("wikidata")
        if qid:
            accepted[who].add(str(qid))
    for _d, _s, who, link in links:
        decision = link.get("decision", "accepted")
        (accepted if decision == "accepted" else rejected)[who].add(str(link.get("qid")))
    conflicts: list[Conflict] = []
    items = accepted["survivor"] | accepted["absorbed"]
    if side is None:
        if len(items) > 1:
            conflicts.append(
                Conflict(
                    "Wikidata item",
                    ", ".join(sorted(accepted["survivor"])) or "none",
                    ", ".join(sorted(accepted["absorbed"])) or "none",
                )
            )
        for qid in sorted(
            (accepted["survivor"] & rejected["absorbed"])
            | (accepted["absorbed"] & rejected["survivor"])
        ):
            mine = "accepted" if qid in accepted["survivor"] else "rejected"
            theirs = "accepted" if qid in accepted["absorbed"] else "rejected"
            conflicts.append(Conflict(f"Wikidata decision on {qid}", mine, theirs))
        if conflicts:
            return conflicts
    winner = side or "survivor"
    loser = "absorbed" if winner == "survivor" else "survivor"
    final = sorted(accepted[winner])[0] if accepted[winner] else None
    if final is None and accepted[loser] and not accepted[loser] & rejected[winner]:
        final = sorted(accepted[loser])[0]
    if merged.get("wikidata") and merged["wikidata"] != final:
        result.notes.append(f"wikidata: dropped {merged['wikidata']} for {final or 'none'}")
        del merged["wikidata"]
    seen: set[tuple[str, str]] = set()
    order = sorted(links, key=lambda item: item[2] != winner)  # the winner's decisions first
    for d, s, who, link in order:
        qid, decision = str(link.get("qid")), str(link.get("decision", "accepted"))
        contradicts = (decision == "accepted" and qid != final) or (
            decision == "rejected" and qid == final
        )
        if (who == loser and contradicts) or (qid, decision) in seen:
            changes.setdefault(d, {})[s] = Change(None)
            if (qid, decision) not in seen:
                owner = survivor if who == "survivor" else absorbed
                result.notes.append(f"dropped the {decision} Wikidata link of '{owner}' to {qid}")
            continue
        seen.add((qid, decision))
    return conflicts


def _load_check(
    root: Path, documents: list[Document], writes: dict[Path, str], survivor: str, absorbed: str
) -> None:
    """Load the folder as it would be after the merge, from a hidden copy of its record files
    (the unchanged ones hard-linked); raise :class:`MergeLoadError` if it does not load."""
    staging = root / f".kwpld-merge.tmp-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        for path in [root / DATASET_FILE, *(doc.path for doc in documents)]:
            if not path.exists():
                continue
            target = staging / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in writes:
                target.write_text(writes[path], "utf-8")
                continue
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
        try:
            after = load_records(staging)
        except LoadError as exc:
            raise MergeLoadError(exc.report, root) from None
        if survivor not in after or absorbed in after:  # pragma: no cover - a bug if so
            raise InputError(f"the merged folder does not hold '{survivor}' alone; nothing written")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _diff(root: Path, writes: dict[Path, str]) -> str:
    chunks: list[str] = []
    for path in sorted(writes):
        label = path.relative_to(root).as_posix()
        before = path.read_text("utf-8") if path.exists() else ""
        chunks.extend(
            difflib.unified_diff(
                before.splitlines(keepends=True),
                writes[path].splitlines(keepends=True),
                fromfile=f"a/{label}",
                tofile=f"b/{label}",
            )
        )
    return "".join(chunks)
