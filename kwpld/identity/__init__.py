"""Identity resolution: which record, pending draft or new person each person an article names
is, across articles (:mod:`kwpld.identity.resolve`).

A stage of its own between reading and ingest: it reads what :mod:`kwpld.reading` found in an
article and what the data folder knows (:class:`kwpld.reading.known.Known`), and never imports
ingest. Ingest runs its three passes (:func:`namesakes`, :func:`family_names`,
:func:`identities`) among its own.
"""

from __future__ import annotations

from .resolve import Cue, Decision, OrganView, Verdict, decide, family_names, identities, namesakes

__all__ = [
    "Cue",
    "Decision",
    "OrganView",
    "Verdict",
    "decide",
    "family_names",
    "identities",
    "namesakes",
]
