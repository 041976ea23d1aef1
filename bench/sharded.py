"""A sharded build on one machine: the flat corpus split in two by person, built side by side.

    python bench/sharded.py                       # 231,050 records, 2 shards, 2 rounds
    python bench/sharded.py --records 23150 --rounds 1

What ``docs/scaling.md`` ("Past one machine") builds on. The corpus is split into two data
folders (once, untimed; the split's own time is reported):

- person *i* goes to shard *i* mod 2, with the memberships of that person and the articles
  that mention that person; the 50 organs go to both shards;
- an article that a shard's people or memberships cite as their source but that lives in
  the other shard is copied in as a **stub** (id, type, title: the fields whose triples the
  full record makes too), so that each shard's references resolve. This is the global step a
  sharded build cannot avoid: to know which records are remote, and what kind of record each
  id names (its IRI depends on it), something must read every id first.

Each round builds the whole corpus (``kwpld build --jobs 2``) and the two shards at once
(``kwpld build --jobs 1`` each: one core each), then merges the shards' ``data.nq`` with
``LC_ALL=C sort -u`` (duplicates: the organs, the vocabularies and the ontology, and the stub
articles' triples, which the full article makes as well). The first round checks that the
merged N-Quads are the whole build's, line for line once sorted.

Results go to ``bench/sharded-results.json``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import _count_lines, corpus  # noqa: E402
from measure import Measured, machine_load, measure  # noqa: E402

SHARDS = 2
RESULTS = HERE / "sharded-results.json"


def split(data: Path, shards: int = SHARDS) -> tuple[list[Path], float]:
    """The shard folders of ``data`` (made once) and the seconds the split took."""
    import yaml

    folders = [data.with_name(f"{data.name}-shard-{k}-of-{shards}") for k in range(shards)]
    if all((f / "articles.yaml").exists() for f in folders):
        return folders, json.loads((folders[0] / ".split-seconds").read_text())
    start = time.perf_counter()

    def shard_of(person_id: str) -> int:
        return int(person_id.rsplit("-", 1)[1]) % shards

    with open(data / "people.csv", newline="", encoding="utf-8") as f:
        people_rows = list(csv.reader(f))
    with open(data / "memberships.csv", newline="", encoding="utf-8") as f:
        membership_rows = list(csv.reader(f))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    articles = yaml.load((data / "articles.yaml").read_text("utf-8"), Loader=loader)["articles"]
    home = {a["id"]: shard_of(a["mentions"][0]) for a in articles}
    by_id = {a["id"]: a for a in articles}
    p_head, m_head = people_rows[0], membership_rows[0]
    p_source, m_source, m_person = (
        p_head.index("sources"),
        m_head.index("sources"),
        m_head.index("person"),
    )
    for k, folder in enumerate(folders):
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        people = [r for r in people_rows[1:] if shard_of(r[0]) == k]
        memberships = [r for r in membership_rows[1:] if shard_of(r[m_person]) == k]
        local = [a for a in articles if home[a["id"]] == k]
        cited = {r[p_source] for r in people} | {r[m_source] for r in memberships}
        stubs = sorted(c for c in cited if home[c] != k)
        for name, head, rows in (
            ("people.csv", p_head, people),
            ("memberships.csv", m_head, memberships),
        ):
            with open(tmp / name, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(head)
                writer.writerows(rows)
        stub_records = [
            {"id": s, "type": by_id[s]["type"], "title": by_id[s]["title"]} for s in stubs
        ]
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        (tmp / "articles.yaml").write_text(
            yaml.dump(
                {"kwpld": 1, "articles": local + stub_records},
                Dumper=dumper,
                allow_unicode=True,
                sort_keys=False,
                width=100,
            ),
            encoding="utf-8",
        )
        for name in ("organs.yaml", "kwpld.yaml"):
            shutil.copyfile(data / name, tmp / name)
        (tmp / ".counts").write_text(
            json.dumps(
                {
                    "people": len(people),
                    "memberships": len(memberships),
                    "articles": len(local),
                    "stub articles": len(stubs),
                }
            )
        )
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)
    seconds = time.perf_counter() - start
    (folders[0] / ".split-seconds").write_text(json.dumps(seconds))
    return folders, seconds


def build_command(data: Path, out: Path, jobs: int, validate: bool) -> list[str]:
    command = [sys.executable, "-m", "kwpld", "build", str(data), "--out", str(out)]
    command += ["--no-incremental", "--quiet", "--jobs", str(jobs)]
    return command if validate else [*command, "--no-validate"]


def _check(measured: Measured, what: str) -> None:
    if measured.returncode != 0:
        raise SystemExit(f"{what} failed (exit {measured.returncode}):\n{measured.stderr}")


def sorted_digest(path: Path, work: Path) -> str:
    out = work / (path.parent.name + ".sorted")
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run(["sort", "-o", str(out), str(path)], check=True, env=env)
    return hashlib.sha256(out.read_bytes()).hexdigest()


def one_round(
    data: Path, shards: list[Path], work: Path, validate: bool, check: bool, first: str
) -> dict:
    result: dict = {}

    def whole() -> None:
        result["load_before_whole"] = machine_load()
        m = measure(build_command(data, work / "whole", 2, validate))
        _check(m, "the whole build")
        result["whole"] = {"wall": m.wall, "cpu": m.cpu, "tree_pss_mb": m.tree_pss_mb}

    def sharded() -> None:
        result["load_before_sharded"] = machine_load()
        measured: list[Measured | None] = [None] * len(shards)

        def build(k: int) -> None:
            measured[k] = measure(build_command(shards[k], work / f"shard{k}", 1, validate))

        start = time.perf_counter()
        threads = [threading.Thread(target=build, args=(k,)) for k in range(len(shards))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        builds = time.perf_counter() - start
        for k, m in enumerate(measured):
            assert m is not None
            _check(m, f"shard {k}")
        merge_start = time.perf_counter()
        env = {**os.environ, "LC_ALL": "C"}
        inputs = [str(work / f"shard{k}" / "data.nq") for k in range(len(shards))]
        subprocess.run(["sort", "-u", "-o", str(work / "merged.nq"), *inputs], check=True, env=env)
        merge = time.perf_counter() - merge_start
        result["sharded"] = {
            "builds_wall": builds,
            "merge_wall": merge,
            "wall": builds + merge,
            "cpu": sum(m.cpu for m in measured if m),
            "tree_pss_mb": sum(m.tree_pss_mb for m in measured if m),
            "shards": [{"wall": m.wall, "tree_pss_mb": m.tree_pss_mb} for m in measured if m],
        }

    for step in (whole, sharded) if first == "whole" else (sharded, whole):
        step()
    if check:
        mine = sorted_digest(work / "whole" / "data.nq", work)
        merged = hashlib.sha256((work / "merged.nq").read_bytes()).hexdigest()
        whole_lines = _count_lines(work / "whole" / "data.nq")
        shard_lines = [_count_lines(work / f"shard{k}" / "data.nq") for k in range(len(shards))]
        result["check"] = {
            "merged_equals_whole": mine == merged,
            "whole_quads": whole_lines,
            "shard_quads": shard_lines,
            "merged_quads": _count_lines(work / "merged.nq"),
        }
    for name in ("whole", *(f"shard{k}" for k in range(len(shards)))):
        shutil.rmtree(work / name, ignore_errors=True)
    (work / "merged.nq").unlink(missing_ok=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--validate", action="store_true", help="with SHACL (default: without)")
    args = parser.parse_args()
    data = corpus(args.records)
    shards, split_seconds = split(data)
    counts = [json.loads((s / ".counts").read_text()) for s in shards]
    work = Path(tempfile.mkdtemp(prefix="kwpld-sharded-"))
    rounds: list[dict] = []
    result = {
        "records": args.records,
        "validate": args.validate,
        "split_seconds": split_seconds,
        "shard_counts": counts,
        "rounds": rounds,
        "command": "python bench/sharded.py " + " ".join(sys.argv[1:]),
    }
    try:
        for number in range(args.rounds):
            first = "whole" if number % 2 == 0 else "sharded"
            r = one_round(data, shards, work, args.validate, number == 0, first)
            rounds.append(r)
            print(
                f"round {number + 1}: whole {r['whole']['wall']:.1f} s (CPU "
                f"{r['whole']['cpu']:.1f} s); sharded {r['sharded']['builds_wall']:.1f} s + merge "
                f"{r['sharded']['merge_wall']:.1f} s (CPU {r['sharded']['cpu']:.1f} s) "
                f"(load {r['load_before_whole']}, {r['load_before_sharded']})",
                flush=True,
            )
            result["speed_ratios"] = [x["whole"]["wall"] / x["sharded"]["wall"] for x in rounds]
            # after every round: a session stopped midway keeps what it measured
            RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({k: v for k, v in result.items() if k != "rounds"}, indent=1))
    print(json.dumps(rounds[0].get("check"), indent=1))


if __name__ == "__main__":
    main()
