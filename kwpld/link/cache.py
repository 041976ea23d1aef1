"""An on-disk cache of SPARQL answers, so that a second run makes no requests.

Answers are kept per unit of question, not per batch: one search term ("which items have the
label 'Kim Jong Un'@en?"), one item's facts, one class's categories, each keyed by the endpoint,
the kind of question and its key. A later run that asks about the same names and items, in
whatever batches, finds every answer here and sends nothing; a run that stopped half-way
resumes where it stopped.

The answers live in one SQLite file (``<dir>/sparql-cache.sqlite3``, Python's own sqlite3):
the answers to one batch are written in one transaction, so an interrupted run never leaves
half an answer, and two runs may share the file. A damaged file is set aside and replaced.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["QueryCache", "CACHE_FILE"]

CACHE_FILE = "sparql-cache.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answer (
    endpoint TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    fetched REAL NOT NULL,
    PRIMARY KEY (endpoint, kind, key)
) WITHOUT ROWID
"""


class QueryCache:
    """Answers below ``root``; ``max_age`` (seconds) makes older ones stale."""

    def __init__(self, root: str | Path, max_age: float | None = None) -> None:
        self.root = Path(root)
        self.path = self.root / CACHE_FILE
        self.max_age = max_age
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.root.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError:
                # Damaged by something outside kwpld: keep it for inspection, start afresh.
                self.path.replace(self.path.with_name(f"{CACHE_FILE}.damaged-{int(time.time())}"))
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute(_SCHEMA)
        db.commit()
        return db

    def get(self, endpoint: str, kind: str, key: str) -> Any | None:
        """The cached answer, or None when absent or stale."""
        row = (
            self._connect()
            .execute(
                "SELECT value, fetched FROM answer WHERE endpoint = ? AND kind = ? AND key = ?",
                (endpoint, kind, key),
            )
            .fetchone()
        )
        if row is None:
            return None
        if self.max_age is not None and time.time() - row[1] > self.max_age:
            return None
        return json.loads(row[0])

    def get_many(self, endpoint: str, kind: str, keys: Iterable[str]) -> dict[str, Any]:
        """The cached answers among ``keys`` (absent and stale ones are left out)."""
        keys = list(keys)
        found: dict[str, Any] = {}
        db = self._connect()
        oldest = time.time() - self.max_age if self.max_age is not None else float("-inf")
        for start in range(0, len(keys), 500):  # SQLite's limit on parameters is 999 or more
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT key, value, fetched FROM answer WHERE endpoint = ? AND kind = ? "
                f"AND key IN ({marks})",
                (endpoint, kind, *chunk),
            )
            for key, value, fetched in rows:
                if fetched >= oldest:
                    found[key] = json.loads(value)
        return found

    def put_many(self, endpoint: str, kind: str, answers: Iterable[tuple[str, Any]]) -> None:
        """Keep several answers in one transaction: all of them, or none."""
        now = time.time()
        rows = [
            (endpoint, kind, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")), now)
            for key, value in answers
        ]
        db = self._connect()
        with db:
            db.executemany("INSERT OR REPLACE INTO answer VALUES (?, ?, ?, ?, ?)", rows)

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        return int(self._connect().execute("SELECT count(*) FROM answer").fetchone()[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
