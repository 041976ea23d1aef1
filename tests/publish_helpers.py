"""Helpers shared by the publishing tests: building releases and reading them back."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyoxigraph as ox

import kwpld
from kwpld.publish import ReleaseOptions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "party-cells-2013"
QUERIES = ROOT / "examples" / "queries"


def build_release(out: Path, data: Path = EXAMPLE, **options: object) -> Path:
    result = kwpld.build(data, out, release=ReleaseOptions(**options))  # type: ignore[arg-type]
    assert result.out is not None
    return result.out


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text("utf-8"))


def nquads_dataset(folder: Path) -> ox.Dataset:
    """The release's N-Quads (all parts, gzipped or not), parsed by pyoxigraph."""
    import gzip

    dataset = ox.Dataset()
    for entry in manifest(folder)["files"]:
        path = entry["path"]
        if path.startswith("data") and ".nq" in path:
            raw = (folder / path).read_bytes()
            if path.endswith(".gz"):
                raw = gzip.decompress(raw)
            for quad in ox.parse(raw, format=ox.RdfFormat.N_QUADS):
                dataset.add(quad)
    return dataset


def quad_strings(quads: object) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object} {q.graph_name}" for q in quads}  # type: ignore[attr-defined]


def tree_digest(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below ``folder`` by relative path (and file modes)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        + oct(p.stat().st_mode)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def modified_example(target: Path) -> Path:
    """The example with one claim changed and one person added: a plausible next release."""
    shutil.copytree(EXAMPLE, target)
    memberships = target / "memberships.csv"
    text = memberships.read_text("utf-8")
    memberships.write_text(text.replace(",projected,", ",reported,"), "utf-8")
    people = target / "people.yaml"
    people.write_text(
        people.read_text("utf-8")
        + """
  - id: choe-ryong-hae
    names:
      - {text: Choe Ryong Hae, system: en}
      - {text: 최룡해, system: hangul}
    gender: male
    citizenship: KP
    wikidata: Q714509
    description: WPK official, added in the second release of this example.
""",
        "utf-8",
    )
    return target
