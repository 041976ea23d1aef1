"""Find the data files kwpld ships: ontology, shapes, JSON Schema, queries.

A wheel carries ``ontology/`` and ``shapes/`` inside the package (``kwpld/_data``); a source
checkout or an editable install reads them from the repository's top level.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_path(relative: str) -> Path:
    """Absolute path of a shipped file, e.g. ``resource_path("ontology/kwp.ttl")``."""
    for root in (_PACKAGE / "_data", _PACKAGE.parent, _PACKAGE):
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"kwpld is missing its data file {relative!r}; reinstall kwpld")


@cache
def resource_yaml(relative: str) -> Any:
    """A shipped YAML file, parsed once per process with libyaml's C loader (the rules files
    are read by several modules: ``facts.yaml`` alone by five, at 0.2 s a parse in Python).
    The value is shared: callers read it and never change it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resource_path(relative).read_text("utf-8"), Loader=loader)
