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


def test_a_flat_corpus_has_a_third_of_each_kind_and_loads(tmp_path: Path):
    from kwpld.synth import FLAT_ORGANS, synthesize_flat

    counts = synthesize_flat(tmp_path / "f", records=350)
    assert counts == {"people": 100, "organs": FLAT_ORGANS, "memberships": 100, "articles": 100}
    assert sorted(p.name for p in (tmp_path / "f").iterdir() if not p.name.startswith(".")) == [
        "articles.yaml",
        "kwpld.yaml",
        "memberships.csv",
        "organs.yaml",
        "people.csv",
    ]
    records = kwpld.load_records(tmp_path / "f")
    assert records.counts()["person"] == 100 and records.counts()["organ"] == FLAT_ORGANS
    person = records.people[0]
    assert [n.system for n in person.names] == ["en", "hangul", "mr-ascii"]
    assert person.citizenship == "KP" and len(person.sources) == 1
    membership = records.memberships[0]
    assert membership.start is not None and membership.start.precision == 3
    assert len(membership.sources) == 1
    article = records.articles[0]
    assert article.date is not None and len(article.mentions) == 1


def test_a_flat_corpus_is_deterministic_and_its_articles_are_what_pyyaml_writes(tmp_path: Path):
    import yaml

    from kwpld.synth import synthesize_flat

    synthesize_flat(tmp_path / "a", records=200)
    synthesize_flat(tmp_path / "b", records=200)
    synthesize_flat(tmp_path / "c", records=200, seed=3)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    text = (tmp_path / "a" / "articles.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert yaml.dump(data, allow_unicode=True, sort_keys=False, width=100) == text


def test_a_flat_corpus_too_small_to_hold_each_kind_is_refused(tmp_path: Path):
    from kwpld.synth import synthesize_flat

    with pytest.raises(InputError, match="at least 53 records"):
        synthesize_flat(tmp_path / "x", records=10)


def test_kwpld_synth_writes_a_flat_corpus_from_the_command_line(tmp_path: Path):
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kwpld",
            "synth",
            "--out",
            str(tmp_path / "f"),
            "--shape",
            "flat",
            "--records",
            "200",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "50 people, 50 organs, 50 memberships, 50 articles" in done.stdout
    assert (tmp_path / "f" / "articles.yaml").exists()
    small = subprocess.run(
        [
            sys.executable,
            "-m",
            "kwpld",
            "synth",
            "--out",
            str(tmp_path / "g"),
            "--shape",
            "flat",
            "--records",
            "10",
        ],
        capture_output=True,
        text=True,
    )
    assert small.returncode == 2 and "Traceback" not in small.stderr
