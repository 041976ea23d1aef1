"""Publishing: release folders that triple stores load as they are, and the tools around them.

- :func:`write_release` writes every dump, load file, ``void.ttl`` and ``manifest.json``
  (:func:`read_manifest` reads it back, typed: :class:`Manifest`);
- :func:`release_target` / :func:`update_latest` handle dated, immutable releases plus ``latest/``;
- :mod:`kwpld.publish.store` loads a release into an embedded pyoxigraph store and queries it;
- :mod:`kwpld.publish.gsp` publishes to a SPARQL server with the Graph Store Protocol;
- :mod:`kwpld.publish.diff` compares two releases and writes a SPARQL Update patch.
"""

from __future__ import annotations

from .manifest import MANIFEST, RELEASE_MARKERS, Manifest, ReleaseFile, read_manifest
from .release import Release, ReleaseOptions, write_release
from .releases import release_target, update_latest

__all__ = [
    "MANIFEST",
    "RELEASE_MARKERS",
    "Manifest",
    "Release",
    "ReleaseFile",
    "ReleaseOptions",
    "read_manifest",
    "release_target",
    "update_latest",
    "write_release",
]
