"""Whatever ingest proposes loads once accepted: every fixture text (the labelled mentions, the
development texts of the labelled facts, the seed) ingested into one empty folder, every draft
accepted — facts, the people and organs they need, events with their new participants — and
the folder builds and validates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import kwpld
from kwpld.ingest.pipeline import ingest
from kwpld.load import load_records
from kwpld.review import accept
from kwpld.sources import MEDIA_TYPES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def _texts() -> list[Path]:
    folders = [FIXTURES, FIXTURES / "facts" / "dev", ROOT / "examples" / "texts"]
    out = []
    for folder in folders:
        out.extend(
            p for p in sorted(folder.iterdir())
            if p.suffix.lower() in MEDIA_TYPES and p.name != "README.md"
        )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("all") / "data"
    ingest(_texts(), data)
    accept(data, every=True)
    return data


def test_every_draft_accepted_loads(accepted: Path) -> None:
    records = load_records(accepted)
    kinds = {r.kind for r in records}
    assert {"person", "organ", "post", "membership", "event", "article"} <= kinds
    reviews = list((accepted / "articles").glob("*.review.yaml"))
    assert len(reviews) == len(_texts())
    drafts = [d for path in reviews for d in yaml.safe_load(path.read_text("utf-8"))["drafts"]]
    assert drafts and all(d["status"] == "accepted" for d in drafts)
    facts = [d for d in drafts if d.get("fact")]
    assert sum(d["kind"] == "membership" for d in facts) >= 100
    assert sum(d["kind"] == "participation" for d in facts) >= 30
    # Participations were added to their events.
    participants = sum(len(r.participants) for r in records.events)
    assert participants >= sum(d["kind"] == "participation" for d in facts)


def test_one_party_for_wpk_and_kwp(accepted: Path) -> None:
    parties = [o for o in load_records(accepted).organs if o.organ_kind == "party"]
    keys = [{n.text for n in p.names} for p in parties]
    assert sum(bool({"WPK", "KWP"} & k) for k in keys) == 1, keys


def test_every_organ_draft_is_complete(accepted: Path) -> None:
    """Names always; a parent wherever the standing organs (organs.yaml) give one."""
    organs = load_records(accepted).organs
    by_id = {o.id: o for o in organs}
    assert all(o.names for o in organs)
    for organ_id in ("wpk-cc", "wpk-pb", "wpk-pb-presidium", "wpk-cmc", "spa-presidium"):
        organ = by_id.get(organ_id)
        if organ is not None:
            assert organ.parent, organ_id


def test_the_folder_builds(accepted: Path, tmp_path: Path) -> None:
    result = kwpld.build(accepted, tmp_path / "out")
    assert result.triple_count > 5000
