"""manifest.json as a typed value: what is written reads back whole; bad ones fail clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from publish_helpers import build_release

from kwpld.errors import InputError
from kwpld.publish import MANIFEST, Manifest, read_manifest


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_release(tmp_path_factory.mktemp("m") / "dist", gzip=True, split_size=20_000)


def test_a_manifest_reads_back_to_the_same_bytes(packed: Path) -> None:
    """Nothing in the file is lost on the way through the typed model (nor its layout)."""
    text = (packed / MANIFEST).read_text("utf-8")
    manifest = read_manifest(packed)
    assert manifest.to_json() == text
    assert Manifest.from_dict(json.loads(text)) == manifest


def test_manifest_lookups(packed: Path) -> None:
    manifest = read_manifest(packed)
    assert manifest.dataset.base_iri == "https://w3id.org/kwpld/id/"
    records = manifest.graph("https://w3id.org/kwpld/id/graph/records")
    assert records is not None and records.triples > 0 and records.files
    assert manifest.graph("https://example.org/no-such-graph") is None
    parts = manifest.data_files("nq")
    assert len(parts) > 1 and all(p.startswith("data-") and p.endswith(".nq.gz") for p in parts)
    main = manifest.main_files(packed)
    # a split line format is reported by its first part; the manifest comes last
    assert main["n-quads"] == packed / parts[0]
    assert main["turtle"] == packed / "data.ttl"
    assert list(main)[-1] == "manifest"
    assert manifest.intact(packed)
    (packed / "data.ttl").write_text("changed", "utf-8")
    assert not manifest.intact(packed)


def test_bad_manifests_fail_with_the_file_and_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a kwpld release"):
        read_manifest(tmp_path)
    path = tmp_path / MANIFEST
    path.write_text("{", "utf-8")
    with pytest.raises(InputError, match="cannot read the manifest"):
        read_manifest(tmp_path)
    path.write_text(json.dumps({"kwpld_release": 99}), "utf-8")
    with pytest.raises(InputError, match="kwpld_release 1 or 2"):
        read_manifest(tmp_path)
    path.write_text(json.dumps({"kwpld_release": 2, "dataset": {}}), "utf-8")
    with pytest.raises(InputError, match=f"{path}: the manifest lacks"):
        read_manifest(tmp_path)
