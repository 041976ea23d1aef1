"""The linking evaluation set: the seed example without its curated QIDs, plus a few records.

Used by tests/test_link_evaluation.py and bench/link_bench.py to measure the precision and
recall of ``--auto-accept`` against the Wikidata-format fixture. The right answers are in
fixtures/linking/gold.csv; a record absent from it, or listed without a QID, must not be
linked automatically.
"""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "party-cells-2013"
LINKING = Path(__file__).resolve().parent / "fixtures" / "linking"
_CURATED = re.compile(r"^\s*wikidata: Q\d+\s*\n", re.MULTILINE)


def evaluation_folder(dest: Path) -> Path:
    """A data folder at ``dest``: the example without ``wikidata:`` fields, plus extra.yaml."""
    shutil.copytree(EXAMPLE, dest)
    people = dest / "people.yaml"
    people.write_text(_CURATED.sub("", people.read_text("utf-8")), "utf-8")
    shutil.copy(LINKING / "extra.yaml", dest / "extra.yaml")
    return dest


def read_gold() -> dict[str, str | None]:
    with (LINKING / "gold.csv").open(encoding="utf-8") as handle:
        return {row["entity"]: row["qid"] or None for row in csv.DictReader(handle)}


@dataclass
class Metrics:
    accepted: int = 0
    correct: int = 0
    expected: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.accepted if self.accepted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def measure(accepted: dict[str, str], gold: dict[str, str | None]) -> Metrics:
    """Compare automatically accepted links (record id -> QID) with the gold answers."""
    metrics = Metrics(accepted=len(accepted), expected=sum(1 for q in gold.values() if q))
    for entity, qid in sorted(accepted.items()):
        if gold.get(entity) == qid:
            metrics.correct += 1
        else:
            metrics.wrong.append(f"{entity}: {qid}, expected {gold.get(entity) or 'no link'}")
    for entity, qid in sorted(gold.items()):
        if qid and accepted.get(entity) != qid:
            metrics.missed.append(f"{entity}: {qid}")
    return metrics
