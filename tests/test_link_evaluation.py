"""Precision and recall of ``--auto-accept`` on the fixture, against the gold answers.

The evaluation set is the seed example without its curated QIDs plus three records
(tests/link_gold.py); bench/link_bench.py prints the same figures for several thresholds.
"""

from __future__ import annotations

import pytest
from link_gold import evaluation_folder, measure, read_gold
from wikidata_endpoint import SparqlEndpoint

from kwpld.dates import PartialDate
from kwpld.link import ClientSettings, LinkOptions, link


@pytest.fixture(scope="module")
def endpoint():
    with SparqlEndpoint() as ep:
        yield ep


def auto_accepted(endpoint: SparqlEndpoint, folder, threshold: float) -> dict[str, str]:
    settings = ClientSettings(endpoint=endpoint.url, min_interval=0, cache_dir=folder / ".cache")
    options = LinkOptions(
        auto_accept=threshold, reviewer="evaluation", date=PartialDate(2024, 1, 1)
    )
    report = link(folder, settings, options)
    return {new.entity: new.qid for new, _ in report.auto_accepted}


def test_auto_accept_at_0_9_makes_no_wrong_link_and_finds_most_right_ones(endpoint, tmp_path):
    accepted = auto_accepted(endpoint, evaluation_folder(tmp_path / "eval"), 0.9)
    metrics = measure(accepted, read_gold())
    assert metrics.wrong == []
    assert metrics.precision == 1.0
    assert metrics.recall >= 0.9, metrics.missed
    assert "kim-jong-su" not in accepted and "michael-madden" not in accepted


def test_a_lower_threshold_trades_precision_for_recall(endpoint, tmp_path):
    loose = measure(
        auto_accepted(endpoint, evaluation_folder(tmp_path / "loose"), 0.5), read_gold()
    )
    strict = measure(
        auto_accepted(endpoint, evaluation_folder(tmp_path / "strict"), 0.99), read_gold()
    )
    assert loose.recall >= strict.recall and loose.accepted > strict.accepted
    assert strict.precision == 1.0
    # A lower threshold takes more organs and events on their names and types, but never a
    # person on a name, a type, a citizenship and a gender alone (the American actor Michael
    # Madden, 0.852, is no more taken for the analyst): people need independent evidence.
    assert loose.precision == 1.0 and loose.wrong == []
