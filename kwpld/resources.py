"""Find the data files kwpld ships: ontology, shapes, JSON Schema, queries.

A wheel carries ``ontology/`` and ``shapes/`` inside the package (``kwpld/_data``); a source
checkout or an editable install reads them from the repository's top level.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_path(relative: str) -> Path:
    """Absolute path of a shipped file, e.g. ``resource_path("ontology/kwp.ttl")``."""
    for root in (_PACKAGE / "_data", _PACKAGE.parent, _PACKAGE):
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"kwpld is missing its data file {relative!r}; reinstall kwpld")
