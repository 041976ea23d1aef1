"""An on-disk cache of SPARQL answers, so that a second run makes no requests.

Answers are kept per unit of question, not per batch: one search term ("which items have the
label 'Kim Jong Un'@en?"), one item's facts, one class's categories, each keyed by the endpoint,
the kind of question and its key. A later run that asks about the same names and items, in
whatever batches, finds every answer here and sends nothing; a run that stopped half-way
resumes where it stopped. One JSON file per answer (``<dir>/sparql/ab/abcdef....json``),
written atomically, so an interrupted run never leaves half an answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

__all__ = ["QueryCache", "cache_key"]


def cache_key(endpoint: str, kind: str, key: str) -> str:
    """SHA-256 of the endpoint URL, the kind of question and its key."""
    return hashlib.sha256(f"{endpoint}\n{kind}\n{key}".encode()).hexdigest()


class QueryCache:
    """Answers below ``root``; ``max_age`` (seconds) makes older ones stale."""

    def __init__(self, root: str | Path, max_age: float | None = None) -> None:
        self.root = Path(root)
        self.max_age = max_age

    def _path(self, digest: str) -> Path:
        return self.root / "sparql" / digest[:2] / f"{digest}.json"

    def get(self, endpoint: str, kind: str, key: str) -> Any | None:
        """The cached answer, or None when absent, stale or unreadable."""
        path = self._path(cache_key(endpoint, kind, key))
        try:
            if self.max_age is not None and time.time() - path.stat().st_mtime > self.max_age:
                return None
            entry = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None  # absent, or damaged by something outside kwpld: ask again
        if not isinstance(entry, dict) or entry.get("key") != key or entry.get("kind") != kind:
            return None
        return entry.get("value")

    def put(self, endpoint: str, kind: str, key: str, value: Any) -> None:
        path = self._path(cache_key(endpoint, kind, key))
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"endpoint": endpoint, "kind": kind, "key": key, "value": value}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
        os.replace(tmp, path)

    def __len__(self) -> int:
        folder = self.root / "sparql"
        return sum(1 for _ in folder.glob("*/*.json")) if folder.exists() else 0
