"""Synthetic corpora: valid records, deterministic, of the size asked for."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import kwpld
from kwpld.errors import InputError
from kwpld.synth import synthesize


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_synthetic_corpus_loads_without_problems_and_is_realistic(tmp_path: Path):
    counts = synthesize(tmp_path / "c", "tiny")
    records = kwpld.load_records(tmp_path / "c")
    assert records.counts()["person"] == counts["people"] == 40
    assert records.counts()["membership"] == counts["memberships"]
    juche = [a for a in records.articles if a.date and a.date.juche]
    partial = [m for m in records.memberships if m.start and m.start.precision < 3]
    assert juche and partial
    systems = {n.system for p in records.people for n in p.names}
    assert {"en", "hangul", "mr", "rr", "dprk"} <= systems
    statuses = {m.status for m in records.memberships}
    assert statuses == {"confirmed", "reported", "projected"}
    graph = kwpld.map_records(records)
    assert graph.triple_count() > 4000


def test_the_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path):
    synthesize(tmp_path / "a", "tiny", seed=1)
    synthesize(tmp_path / "b", "tiny", seed=1)
    synthesize(tmp_path / "c", "tiny", seed=2)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_yaml_and_jsonl_articles_give_the_same_graph(tmp_path: Path):
    synthesize(tmp_path / "j", "tiny", articles_format="jsonl")
    synthesize(tmp_path / "y", "tiny", articles_format="yaml")
    one = kwpld.map_records(kwpld.load_records(tmp_path / "j")).to_nquads()
    two = kwpld.map_records(kwpld.load_records(tmp_path / "y")).to_nquads()
    assert one == two


def test_synth_never_replaces_a_curated_data_folder(tmp_path: Path):
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / "people.yaml").write_text("kwpld: 1\npeople: []\n")
    with pytest.raises(InputError, match="does not look like a kwpld output folder"):
        synthesize(curated, "tiny")
    assert (curated / "people.yaml").exists()
    with pytest.raises(InputError, match="unknown size"):
        synthesize(tmp_path / "x", "huge")
