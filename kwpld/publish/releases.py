"""Dated, immutable releases plus ``latest/``.

``kwpld build DATA --out DIR`` writes the release folder DIR itself and replaces it as a whole,
atomically: the everyday, deterministic build. With a release name (``--release 2013.1`` or
``--release 2024-05-01``), DIR is a folder of releases instead: the build writes ``DIR/NAME``,
which must not exist yet (a published release never changes), then refreshes ``DIR/latest`` as
a copy of it, also atomically. The name comes from the user, never from the clock, so the
same input and the same name give the same bytes.

``latest/`` is a real folder (static hosts and object stores have no symbolic links) whose
files are hard links to the dated release's when the file system allows, so it costs no space.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..atomic import atomic_directory
from ..errors import InputError
from .manifest import RELEASE_MARKERS

__all__ = ["release_target", "update_latest", "LATEST"]

LATEST = "latest"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")


def release_target(out: str | Path, name: str | None) -> tuple[Path, Path | None]:
    """Where a build writes: ``(out, None)``, or ``(out/name, out/latest)`` for a named release."""
    out = Path(out)
    if not name:
        return out, None
    if not _NAME.match(name) or name == LATEST:
        raise InputError(
            f"release name {name!r}: use letters, digits, '.', '_', '+' or '-' (like 2013.1 or "
            f"2024-05-01), and not {LATEST!r}"
        )
    if out.exists() and not out.is_dir():
        raise InputError(
            f"{out} exists and is not a folder; give the folder that holds the releases"
        )
    target = out / name
    if target.exists():
        raise InputError(
            f"{target} already exists; published releases are immutable, so choose a new release "
            "name (or remove that folder yourself)"
        )
    return target, out / LATEST


def update_latest(release: Path, latest: Path) -> None:
    """Make ``latest`` an exact copy of ``release`` (hard links where possible), atomically."""
    with atomic_directory(latest, RELEASE_MARKERS) as tmp:
        for source in sorted(release.rglob("*")):
            target = tmp / source.relative_to(release)
            if source.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
