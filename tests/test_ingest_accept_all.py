"""Whatever ingest proposes loads once accepted: every fixture text (the labelled mentions, the
development texts of the labelled facts, the seed) ingested into one empty folder, every draft
accepted — facts, the people and organs they need, events with their new participants — and
the folder builds and validates. The same for the development texts ingested into a copy of
the records they are labelled against (people, organs and posts the drafts refer to and
match), with ``kwpld accept --all`` and ``kwpld build`` run as a curator runs them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import kwpld
from kwpld.cli import main
from kwpld.ingest.pipeline import ingest
from kwpld.load import load_records
from kwpld.model import Records
from kwpld.review import accept
from kwpld.sources import MEDIA_TYPES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
DEV = FIXTURES / "facts" / "dev"
RECORDS = FIXTURES / "facts" / "records"


def _texts() -> list[Path]:
    folders = [FIXTURES, FIXTURES / "facts" / "dev", ROOT / "examples" / "texts"]
    out = []
    for folder in folders:
        out.extend(
            p for p in sorted(folder.iterdir())
            if p.suffix.lower() in MEDIA_TYPES and p.name != "README.md"
        )  # fmt: skip
    return out


# libyaml's parser where PyYAML has it: the same values as yaml.safe_load, and the review files
# of every text (4 MB) take 20 s with the pure-Python one, 4 s with this.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _drafts(data: Path) -> tuple[list[Path], list[dict[str, Any]]]:
    """The review files under ``data/articles`` and every draft they hold."""
    reviews = sorted((data / "articles").glob("*.review.yaml"))
    drafts = [
        d
        for path in reviews
        for d in yaml.load(path.read_text("utf-8"), Loader=_Loader)["drafts"]  # noqa: S506
    ]
    return reviews, drafts


@pytest.fixture(scope="module")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("all") / "data"
    ingest(_texts(), data)
    accept(data, every=True)
    return data


@pytest.fixture(scope="module")
def accepted_records(accepted: Path) -> Records:
    """The accepted folder loaded once: the tests below only read the records."""
    return load_records(accepted)


def test_every_draft_accepted_loads(accepted: Path, accepted_records: Records) -> None:
    records = accepted_records
    kinds = {r.kind for r in records}
    assert {"person", "organ", "post", "membership", "event", "article"} <= kinds
    reviews, drafts = _drafts(accepted)
    assert len(reviews) == len(_texts())
    assert drafts and all(d["status"] == "accepted" for d in drafts)
    facts = [d for d in drafts if d.get("fact")]
    assert sum(d["kind"] == "membership" for d in facts) >= 100
    assert sum(d["kind"] == "participation" for d in facts) >= 30
    # Participations were added to their events (two articles reporting the same person at
    # the same event make one participant).
    participants = sum(len(r.participants) for r in records.events)
    pairs = {
        (d["record"]["event"], d["record"]["ref"]) for d in facts if d["kind"] == "participation"
    }
    assert participants >= len(pairs)


def test_one_party_for_wpk_and_kwp(accepted_records: Records) -> None:
    parties = [o for o in accepted_records.organs if o.organ_kind == "party"]
    keys = [{n.text for n in p.names} for p in parties]
    assert sum(bool({"WPK", "KWP"} & k) for k in keys) == 1, keys


def test_every_organ_draft_is_complete(accepted_records: Records) -> None:
    """Names always; a parent wherever the standing organs (organs.yaml) give one."""
    organs = accepted_records.organs
    by_id = {o.id: o for o in organs}
    assert all(o.names for o in organs)
    for organ_id in ("wpk-cc", "wpk-pb", "wpk-pb-presidium", "wpk-cmc", "spa-presidium"):
        organ = by_id.get(organ_id)
        if organ is not None:
            assert organ.parent, organ_id


def test_the_folder_builds(accepted: Path, tmp_path: Path) -> None:
    result = kwpld.build(accepted, tmp_path / "out")
    assert result.triple_count > 5000


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out + err


def test_dev_texts_against_the_records_accept_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """All the development texts (170 now) in one folder with the records they are labelled against:
    ``kwpld accept --all`` loads (no invalid record, dangling reference, date the format
    rejects or duplicate id) and ``kwpld build`` exits 0; derived names and dates keep their
    derivation in the records, and printed event dates are stated in their article."""
    data = tmp_path / "data"
    shutil.copytree(RECORDS, data)
    texts = [p for p in sorted(DEV.iterdir()) if p.suffix.lower() in MEDIA_TYPES]
    assert len(texts) >= 50
    code, out = _cli(["ingest", *map(str, texts), "--into", str(data)], capsys)
    assert code == 0, out
    code, out = _cli(["accept", str(data), "--all"], capsys)
    assert code == 0, out
    _, drafts = _drafts(data)
    assert drafts and all(d["status"] == "accepted" for d in drafts)
    code, out = _cli(["build", str(data), "--out", str(tmp_path / "out")], capsys)
    assert code == 0, out
    records = load_records(data)
    names = [n for r in records if hasattr(r, "names") for n in r.names]
    rules = {n.derived_from.rule for n in names if n.derived_from is not None}
    assert {"mr-to-hangul", "mr-ascii-to-mr", "hangul-to-rr", "composed"} <= rules
    assert not [n for n in names if n.derived_from is not None and n.sources]
    events = [e for e in records.events if e.date is not None]
    assert sum(bool(e.stated_in.get("date")) for e in events) >= len(events) // 2
    turtle = (tmp_path / "out" / "data.ttl").read_text("utf-8")
    assert "kwp:DerivedLabel" in turtle and "derivationrule:mr-to-hangul" in turtle
