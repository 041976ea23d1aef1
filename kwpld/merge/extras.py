"""Files beside the records that name records by id or IRI: review queues and annotations.

They are not records (the loader skips them), but they refer to records, and a merge that
left them pointing at the record that went would break the next ``kwpld accept`` or
``kwpld link`` run:

- ``*.review.yaml`` written by ``kwpld ingest``: the drafts' records and the article records
  refer to records by id; an accepted draft carries the id of the record it became; an
  ambiguous mention lists its candidates. Written again as ``kwpld accept`` writes them, and
  when the merge changes the ingested article file, its checksum in the review file moves
  with it (so ``kwpld accept`` still knows the file as its own).
- ``*.review.csv`` written by ``kwpld link``: the ``entity`` column names the record.
- ``*.annotations.jsonld`` written by ``kwpld ingest``: every mention's body is the IRI of
  the record mentioned. Only those IRIs change; the rest of the file stays byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..iris import Minter
from ..review import load_review, render_review
from .fields import rename_references

__all__ = ["review_queues", "link_review", "annotation_files", "extra_files"]


def extra_files(root: Path) -> list[Path]:
    """The review queues and annotation files below ``root`` (hidden folders aside)."""
    found = []
    for pattern in ("*.review.yaml", "*.review.csv", "*.annotations.jsonld"):
        for path in root.rglob(pattern):
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            found.append(path)
    return sorted(found)


def review_queues(
    root: Path, paths: list[Path], old: str, new: str, writes: Mapping[Path, str]
) -> dict[Path, str]:
    """New texts of the ingest review files that refer to ``old``. ``writes`` are the record
    files the merge changes (for the checksums of ingested article files)."""
    out: dict[Path, str] = {}
    for path in paths:
        if not path.name.endswith(".review.yaml"):
            continue
        review = load_review(path, root)
        if review is None:
            continue
        data: dict[str, Any] = review.data
        changed = False
        for draft in data.get("drafts") or []:
            record = draft.get("record")
            if not isinstance(record, dict):
                continue
            if rename_references(record, str(draft.get("kind")), old, new):
                changed = True
            if record.get("id") == old and draft.get("status") == "accepted":
                record["id"] = new  # the draft became the record that is now merged
                draft["id"] = new
                changed = True
        for record in data.get("records") or []:
            if isinstance(record, dict) and rename_references(record, "article", old, new):
                changed = True
        for problem in data.get("problems") or []:
            candidates = problem.get("candidates") if isinstance(problem, dict) else None
            if isinstance(candidates, list) and old in candidates:
                renamed = [new if c == old else c for c in candidates]
                problem["candidates"] = list(dict.fromkeys(renamed))
                changed = True
        article = data.get("article_file")
        if article:
            article_path = path.parent / str(article)
            if article_path in writes and article_path.exists():
                before = hashlib.sha256(article_path.read_bytes()).hexdigest()
                if before == data.get("article_sha256"):
                    after = writes[article_path].encode("utf-8")
                    data["article_sha256"] = hashlib.sha256(after).hexdigest()
                    changed = True
        if changed:
            out[path] = render_review(data)
    return out


def link_review(paths: list[Path], old: str, new: str) -> dict[Path, str]:
    """New texts of the ``kwpld link`` review files whose ``entity`` column names ``old``."""
    out: dict[Path, str] = {}
    for path in paths:
        if not path.name.endswith(".review.csv"):
            continue
        text = path.read_text("utf-8-sig")
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if not rows or "entity" not in rows[0]:
            continue
        column = rows[0].index("entity")
        changed = False
        for row in rows[1:]:
            if len(row) > column and row[column] == old:
                row[column] = new
                changed = True
        if changed:
            buffer = io.StringIO()
            newline = "\r\n" if "\r\n" in text else "\n"
            csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
            out[path] = buffer.getvalue()
    return out


def annotation_files(
    paths: list[Path], base_iri: str, kind: str, old: str, new: str
) -> dict[Path, str]:
    """New texts of the annotation files whose mentions point at the record ``old``."""
    mint = Minter(base_iri)
    before = json.dumps(mint.prefix(kind) + old)
    after = json.dumps(mint.prefix(kind) + new)
    out: dict[Path, str] = {}
    for path in paths:
        if not path.name.endswith(".annotations.jsonld"):
            continue
        text = path.read_text("utf-8")
        if before in text:
            out[path] = text.replace(before, after)
    return out
