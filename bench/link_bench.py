"""Figures for ``kwpld link``: precision and recall of auto-accept, requests per 100 entities,
and requests on a warm cache.

Everything runs against the test SPARQL endpoint on 127.0.0.1 (tests/wikidata_endpoint.py):

1. Precision and recall of ``--auto-accept`` at several thresholds on the fixture's evaluation
   set (the seed example without its curated QIDs, plus three records; tests/link_gold.py).
2. A synthetic corpus of N North Korean officials, in Wikidata format (items with English and
   Korean labels, citizenship, birth year, party) with a South Korean namesake for one in five,
   and the matching kwpld records: HTTP requests per 100 entities on a cold cache, then on a
   warm cache (expected: zero) and offline.

    python bench/link_bench.py             # 1000 synthetic people
    python bench/link_bench.py --people 5000 --json
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from link_gold import evaluation_folder, measure, read_gold  # noqa: E402
from wikidata_endpoint import SparqlEndpoint  # noqa: E402

from kwpld.dates import PartialDate  # noqa: E402
from kwpld.link import ClientSettings, LinkOptions, link  # noqa: E402
from kwpld.link.cache import CACHE_FILE, QueryCache  # noqa: E402
from kwpld.names import hangul_to_rr  # noqa: E402

THRESHOLDS = (0.5, 0.8, 0.85, 0.9, 0.95, 0.99)
DATE = PartialDate(2024, 1, 1)
_SURNAMES = {
    "김": "Kim", "리": "Ri", "박": "Pak", "최": "Choe", "정": "Jong", "강": "Kang",
    "조": "Jo", "윤": "Yun", "장": "Jang", "림": "Rim", "한": "Han", "오": "O",
}  # fmt: skip
_GIVEN = "철수영민호성광일룡혁준남국춘명진경동석학원태송은옥희순"


def run(folder: Path, endpoint: str, threshold: float | None, **settings: object):
    cache = folder / ".kwpld-cache"
    client = ClientSettings(endpoint=endpoint, min_interval=0, cache_dir=cache, **settings)  # type: ignore[arg-type]
    options = LinkOptions(auto_accept=threshold, reviewer="bench", date=DATE)
    start = time.perf_counter()
    report = link(folder, client, options)
    return report, time.perf_counter() - start


def precision_recall(endpoint: SparqlEndpoint) -> list[dict[str, object]]:
    gold = read_gold()
    rows = []
    for threshold in THRESHOLDS:
        folder = evaluation_folder(Path(tempfile.mkdtemp(prefix="kwpld-eval-")) / "records")
        report, _ = run(folder, endpoint.url, threshold)
        metrics = measure({k.entity: k.qid for k, _ in report.auto_accepted}, gold)
        rows.append(
            {
                "threshold": threshold,
                "accepted": metrics.accepted,
                "correct": metrics.correct,
                "expected": metrics.expected,
                "precision": round(metrics.precision, 3),
                "recall": round(metrics.recall, 3),
                "wrong": metrics.wrong,
                "missed": metrics.missed,
            }
        )
        shutil.rmtree(folder.parent, ignore_errors=True)
    return rows


def synthetic(people: int, folder: Path, seed: int = 7) -> tuple[Path, Path, dict[str, str]]:
    """Wikidata-format Turtle and kwpld records for ``people`` officials; returns gold QIDs."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < people:
        family = rng.choice(sorted(_SURNAMES))
        names.add(family + rng.choice(_GIVEN) + rng.choice(_GIVEN))
    turtle = [
        "@prefix wd: <http://www.wikidata.org/entity/> .",
        "@prefix wds: <http://www.wikidata.org/entity/statement/> .",
        "@prefix wdv: <http://www.wikidata.org/value/> .",
        "@prefix wdt: <http://www.wikidata.org/prop/direct/> .",
        "@prefix p: <http://www.wikidata.org/prop/> .",
        "@prefix psv: <http://www.wikidata.org/prop/statement/value/> .",
        "@prefix wikibase: <http://wikiba.se/ontology#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        'wd:Q5 rdfs:label "human"@en .',
        'wd:Q423 rdfs:label "North Korea"@en .',
        'wd:Q884 rdfs:label "South Korea"@en .',
        'wd:Q6581097 rdfs:label "male"@en .',
    ]
    records = ["kwpld: 1", "people:"]
    gold: dict[str, str] = {}
    for number, hangul in enumerate(sorted(names)):
        qid = f"Q91{number:07d}"
        latin = f"{_SURNAMES[hangul[0]]} {hangul_to_rr(hangul).split(' ', 1)[1]}"
        year = 1930 + rng.randrange(60)
        record_id = f"official-{number:05d}"
        gold[record_id] = qid
        turtle.append(
            f'wd:{qid} rdfs:label "{latin}"@en , "{hangul}"@ko ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q423 ; '
            f"wdt:P21 wd:Q6581097 ; p:P569 wds:{qid}-P569 .\n"
            f"wds:{qid}-P569 wikibase:rank wikibase:NormalRank ; psv:P569 wdv:{qid}-P569 .\n"
            f'wdv:{qid}-P569 wikibase:timeValue "{year}-01-01T00:00:00Z"^^xsd:dateTime ; '
            "wikibase:timePrecision 9 ."
        )
        if number % 5 == 0:  # a South Korean namesake, born at another time
            twin = f"Q92{number:07d}"
            turtle.append(
                f'wd:{twin} rdfs:label "{latin}"@en , "{hangul}"@ko ; wdt:P31 wd:Q5 ; '
                "wdt:P27 wd:Q884 ; wdt:P21 wd:Q6581097 ."
            )
        records += [
            f"  - id: {record_id}",
            "    names:",
            f"      - {{text: {latin}, system: en}}",
            f"      - {{text: {hangul}, system: hangul}}",
            "    gender: male",
            "    citizenship: KP",
            f"    born: {year}",
        ]
    data = folder / "wikidata.ttl"
    data.write_text("\n".join(turtle) + "\n", "utf-8")
    records_dir = folder / "records"
    records_dir.mkdir()
    (records_dir / "people.yaml").write_text("\n".join(records) + "\n", "utf-8")
    return data, records_dir, gold


def requests_per_100(people: int) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="kwpld-bench-"))
    try:
        data, records, gold = synthetic(people, folder)
        with SparqlEndpoint(data) as endpoint:
            cold, cold_time = run(records, endpoint.url, 0.9)
            cold_requests = len(endpoint.requests)
            (records / "wikidata-links.yaml").unlink()  # a rerun from scratch, on a warm cache
            warm, warm_time = run(records, endpoint.url, 0.9)
            warm_requests = len(endpoint.requests) - cold_requests
            (records / "wikidata-links.yaml").unlink()
            sent = len(endpoint.requests)
            offline, _ = run(records, endpoint.url, 0.9, offline=True)
            offline_requests = len(endpoint.requests) - sent
            metrics = measure({k.entity: k.qid for k, _ in cold.auto_accepted}, gold)
            cache = records / ".kwpld-cache"
            return {
                "entities": people,
                "triples_served": len(endpoint.store),
                "cold_requests": cold_requests,
                "requests_per_100_entities": round(100 * cold_requests / people, 2),
                "cold_seconds": round(cold_time, 2),
                "cold_bytes_received": cold.stats.bytes_received if cold.stats else 0,
                "warm_requests": warm_requests,
                "warm_cache_hits": warm.stats.cache_hits if warm.stats else 0,
                "warm_seconds": round(warm_time, 2),
                "offline_requests": offline_requests,
                "offline_auto_accepted": len(offline.auto_accepted),
                "cache_answers": len(QueryCache(cache)),
                "cache_bytes": (cache / CACHE_FILE).stat().st_size,
                "auto_accepted": metrics.accepted,
                "precision": round(metrics.precision, 3),
                "recall": round(metrics.recall, 3),
            }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--people", type=int, default=1000, help="synthetic officials (default 1000)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args()
    with SparqlEndpoint() as endpoint:
        evaluation = precision_recall(endpoint)
    scale = requests_per_100(args.people)
    if args.json:
        print(
            json.dumps({"auto_accept": evaluation, "requests": scale}, indent=2, ensure_ascii=False)
        )
        return
    expected = evaluation[0]["expected"]
    print(
        f"Auto-accept on the fixture's evaluation set ({expected} records with a QID in gold.csv)"
    )
    print(f"{'threshold':>9} {'accepted':>8} {'correct':>7} {'precision':>9} {'recall':>6}  wrong")
    for row in evaluation:
        wrong = "; ".join(row["wrong"]) or "-"  # type: ignore[arg-type]
        print(
            f"{row['threshold']:>9} {row['accepted']:>8} {row['correct']:>7} "
            f"{row['precision']:>9.3f} {row['recall']:>6.3f}  {wrong}"
        )
    print()
    print(f"Synthetic corpus: {scale['entities']} people, {scale['triples_served']} triples served")
    for key, value in scale.items():
        print(f"  {key:28} {value}")


if __name__ == "__main__":
    main()
