"""An on-disk cache of SPARQL answers, keyed by endpoint and query text.

One JSON file per query (``<dir>/sparql/ab/abcdef....json``), written atomically, so an
interrupted run never leaves a half-written answer and a second run of ``kwpld link`` on the
same records makes no requests at all (and works offline).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

__all__ = ["QueryCache", "cache_key"]


def cache_key(endpoint: str, query: str) -> str:
    """SHA-256 of the endpoint URL and the exact query text."""
    return hashlib.sha256(f"{endpoint}\n{query}".encode()).hexdigest()


class QueryCache:
    """Answers of past queries below ``root``; ``max_age`` (seconds) makes older ones stale."""

    def __init__(self, root: str | Path, max_age: float | None = None) -> None:
        self.root = Path(root)
        self.max_age = max_age

    def _path(self, key: str) -> Path:
        return self.root / "sparql" / key[:2] / f"{key}.json"

    def get(self, endpoint: str, query: str) -> dict[str, Any] | None:
        """The cached answer (SPARQL JSON results), or None when absent, stale or unreadable."""
        path = self._path(cache_key(endpoint, query))
        try:
            if self.max_age is not None and time.time() - path.stat().st_mtime > self.max_age:
                return None
            entry = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None  # absent, or damaged by something outside kwpld: ask again
        if not isinstance(entry, dict) or entry.get("query") != query:
            return None
        results = entry.get("results")
        return results if isinstance(results, dict) else None

    def put(self, endpoint: str, query: str, results: dict[str, Any]) -> None:
        path = self._path(cache_key(endpoint, query))
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"endpoint": endpoint, "query": query, "results": results}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
        os.replace(tmp, path)

    def __len__(self) -> int:
        folder = self.root / "sparql"
        return sum(1 for _ in folder.glob("*/*.json")) if folder.exists() else 0
