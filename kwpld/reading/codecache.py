"""Compiled regular expressions kept on disk between processes, like Python's ``.pyc`` files.

The fact patterns of ``facts.yaml`` expand, with their macros, to a quarter of a million
characters of regular expressions; parsing and compiling them took 0.7-1.3 s in every process
that reads facts (``kwpld ingest`` of one article spent more on it than on the article). What
re's compiler makes of a pattern is a list of integers (the engine's code) and its groups:
kept in one JSON file, they are handed back to the engine (``_sre.compile``, as
``re._compiler.compile`` does) in a twentieth of the time.

The file is keyed by a hash of the patterns and of the engine (Python's version, the code's
magic number and word size, and the source of the module that compiles them, which also
works out the needs kept with the code): any change of these compiles afresh and rewrites
the file. A
file that cannot be read or written, or whose code the engine refuses (it checks every code
it is given), is simply not used; nothing the patterns match depends on it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["cache_key", "load_entries", "save_entries"]

Entry = list[Any]
"""[flags, code, groups, groupindex, needs]: what a pattern compiles to (:mod:`sentences`)"""


def cache_key(patterns: Sequence[str], engine: str) -> str:
    """A hash of the patterns, in order, and of the engine that compiled them."""
    sha = hashlib.sha256(f"{sys.version}\0{engine}\0".encode())
    for pattern in patterns:
        sha.update(pattern.encode("utf-8") + b"\0")
    return sha.hexdigest()


def load_entries(path: Path, key: str, count: int) -> list[Entry] | None:
    """The entries kept in ``path`` for ``key``, or None (no file, another key, unreadable)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    entries = data.get("entries")
    if not isinstance(entries, list) or len(entries) != count:
        return None
    return entries


def save_entries(path: Path, key: str, entries: list[Entry]) -> None:
    """Keep ``entries`` in ``path``, replaced whole (a reader sees the old file or the new);
    not at all when the folder is not writable. (``PYTHONDONTWRITEBYTECODE`` is not asked:
    machines that set it, this one among them, would compile in every process.)"""
    text = json.dumps({"key": key, "entries": entries}, separators=(",", ":"))
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(temporary, "x", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError:
        return
