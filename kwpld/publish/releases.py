"""Dated, immutable releases plus ``latest/``.

``kwpld build DATA --out DIR`` writes the release folder DIR itself and replaces it as a whole,
atomically: the everyday, deterministic build. With a release name (``--release 2013.1`` or
``--release 2024-05-01``), DIR is a folder of releases instead: the build writes ``DIR/NAME``,
which must not exist yet (a published release never changes), then refreshes ``DIR/latest`` as
a copy of it, also atomically. The name comes from the user, never from the clock, so the
same input and the same name give the same bytes.

``latest/`` is a real folder (static hosts and object stores have no symbolic links) whose
files are hard links to the dated release's when the file system allows, so it costs no space.

Publishing a named release takes two steps, each atomic: ``DIR/NAME`` appears, then
``DIR/latest`` is replaced. Between them the build leaves a note, ``DIR/.latest-pending``,
naming the release; :func:`update_latest` removes it. A build killed between the two steps
leaves the note, and running the same build again finishes the job instead of refusing the
existing name: :func:`release_target` lets an *interrupted* release through (the note names it,
its manifest reads and every file it lists is there at its size), the build checks that it
would write the same release (the same manifest, whose SHA-256 sums cover every file) and
refreshes ``latest/``. Any other existing release of that name is refused, as immutable.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..atomic import atomic_directory, write_atomic
from ..errors import InputError, KwpldError
from .manifest import RELEASE_MARKERS, read_manifest

__all__ = [
    "release_target",
    "update_latest",
    "mark_pending",
    "interrupted_release",
    "LATEST",
    "PENDING",
]

LATEST = "latest"
PENDING = ".latest-pending"
"""The note a build leaves in the releases folder while ``latest/`` is not yet refreshed."""
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")


def release_target(out: str | Path, name: str | None) -> tuple[Path, Path | None]:
    """Where a build writes: ``(out, None)``, or ``(out/name, out/latest)`` for a named release.

    An existing ``out/name`` is refused (published releases are immutable) unless it is an
    interrupted release (:func:`interrupted_release`), which the build then completes.
    """
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
    if target.exists() and not interrupted_release(out, name):
        raise InputError(
            f"{target} already exists; published releases are immutable, so choose a new release "
            "name (or remove that folder yourself)"
        )
    return target, out / LATEST


def mark_pending(release: Path) -> None:
    """Note, before ``release`` appears, that ``latest/`` beside it is to be refreshed."""
    write_atomic(release.parent / PENDING, release.name + "\n")


def interrupted_release(out: str | Path, name: str) -> bool:
    """True when ``out/name`` was published by a build killed before it refreshed ``latest/``:
    the pending note names it, and it is complete (its manifest reads, names the release, and
    every file it lists is there at its size)."""
    out = Path(out)
    try:
        pending = (out / PENDING).read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    if pending != name:
        return False
    folder = out / name
    try:
        manifest = read_manifest(folder)
    except KwpldError:
        return False
    return manifest.release == name and manifest.intact(folder)


def update_latest(release: Path, latest: Path) -> None:
    """Make ``latest`` an exact copy of ``release`` (hard links where possible), atomically,
    then remove the pending note (:func:`mark_pending`) if it names ``release``."""
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
    note = release.parent / PENDING
    try:
        if note.read_text("utf-8").strip() == release.name:
            note.unlink()
    except (OSError, UnicodeDecodeError):
        pass
