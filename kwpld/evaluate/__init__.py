"""Scorers of ingest against hand-labelled texts (``tests/fixtures/ingest/``).

:mod:`kwpld.evaluate.mentions` measures mentions and dates (precision and recall per kind);
:mod:`kwpld.evaluate.facts` the facts ingest drafts (events, holdings, attendance) and whether
a person keeps one record across articles. ``bench/ingest_accuracy.py`` prints both.

Why a stage of its own: a scorer runs ingest and reads its review files the way a curator
does, so it sits beside them rather than inside the reader it judges. It imports
:mod:`kwpld.ingest` and :mod:`kwpld.review`; neither imports it.
"""

from __future__ import annotations

from .mentions import FixtureScore, Score, evaluate_fixture, evaluate_folder, fixtures

__all__ = ["FixtureScore", "Score", "evaluate_fixture", "evaluate_folder", "fixtures"]
