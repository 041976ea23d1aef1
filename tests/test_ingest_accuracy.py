"""Precision and recall on the hand-labelled texts of tests/fixtures/ingest (the figures
bench/ingest_accuracy.py prints): the development texts the rules were written against, and
held-out texts written afterwards. The thresholds hold what ingest reaches now, so a change
that makes it worse fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwpld.evaluate.mentions import Score, evaluate_folder, fixtures

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def results():
    return evaluate_folder(FIXTURES)


@pytest.fixture(scope="module")
def heldout():
    return evaluate_folder(FIXTURES / "heldout", FIXTURES / "records")


def test_there_are_enough_labelled_texts() -> None:
    pairs = fixtures(FIXTURES)
    assert len(pairs) >= 8
    assert {p[0].suffix for p in pairs} == {".txt", ".md", ".html"}


def test_mentions_precision_and_recall(results) -> None:
    total = sum((r.mentions for r in results), Score())
    assert total.tp + total.fn >= 80  # gold mentions
    assert total.precision >= 0.95 and total.recall >= 0.95, (total.precision, total.recall)


def test_dates_precision_and_recall(results) -> None:
    total = sum((r.dates for r in results), Score())
    assert total.tp + total.fn >= 20  # gold dates
    assert total.precision >= 0.95 and total.recall >= 0.95, (total.precision, total.recall)


def test_no_person_is_invented_on_any_text(results) -> None:
    extra_people = [
        e for r in results for e in r.errors if e.startswith("extra") and "(person)" in e
    ]
    assert extra_people == []


def test_held_out_texts(heldout) -> None:
    mentions = sum((r.mentions for r in heldout), Score())
    dates = sum((r.dates for r in heldout), Score())
    assert len(heldout) >= 5 and mentions.tp + mentions.fn >= 40
    assert mentions.precision >= 0.85 and mentions.recall >= 0.85, (
        mentions.precision,
        mentions.recall,
    )
    assert dates.precision >= 0.9 and dates.recall >= 0.9, (dates.precision, dates.recall)
    extra_people = [
        e for r in heldout for e in r.errors if e.startswith("extra") and "(person)" in e
    ]
    assert extra_people == []
