"""Experiment: ways to read articles.yaml of the flat corpus, against kwpld's loader today.

    python bench/experiments/yaml_loaders.py                  # 231,050-record corpus, 3 rounds
    python bench/experiments/yaml_loaders.py --records 23150

Not wired into kwpld: this measures candidates for phase 2 of issue 14. Each candidate reads
the same file, in rounds, in an order that rotates each round; the table gives the median time
and the ratio to kwpld's loader measured in the same round. Times are CPU seconds of this
process (``process_time``): on a shared machine wall time also counts the waits for a core.

- **kwpld today** (``kwpld.load.files.read_yaml``): libyaml parses and composes in C
  (``CSafeLoader``), then kwpld's constructor builds a ``LineDict``/``LineList`` per mapping
  and sequence in Python, with the line of every key and item.
- **CSafeLoader, plain**: ``yaml.load(text, Loader=yaml.CSafeLoader)``: the same C parser and
  PyYAML's own (Python) constructor: plain dicts, no lines.
- **CSafeLoader + record lines by regex**: the above, then the line of each record from a
  regular expression over the text (``^- id:``), checked to give one line per record in the
  same order. Field lines would come from re-reading a file with kwpld's loader only when a
  record in it has a problem (as jsonschema now runs only on records fastjsonschema rejects).
- **CBaseLoader**: every scalar a string (no implicit types): the cheapest PyYAML constructor.
- **yaml_rs.loads** (Rust, if installed): plain objects, no lines.
- **JSON Lines (json.loads per line)** and **msgspec.json**: the same records as JSON Lines
  (converted once, untimed), for scale: the bulk format kwpld already reads.

Every candidate's records are compared with kwpld's (as plain data) before timing.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from flat import corpus  # noqa: E402

_RECORD_START = re.compile(r"^- id: ", re.MULTILINE)


def kwpld_today(path: Path) -> list:
    from kwpld.load.files import read_yaml

    problems: list = []
    data = read_yaml(path, path.name, problems)
    assert not problems and isinstance(data, dict)
    return data["articles"]


def csafe_plain(path: Path) -> list:
    return yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)["articles"]


def csafe_with_lines(path: Path) -> list:
    text = path.read_text("utf-8")
    records = yaml.load(text, Loader=yaml.CSafeLoader)["articles"]
    # the line of each record: count newlines up to each match, in one pass
    lines, line, position = [], 1, 0
    for match in _RECORD_START.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.append(line)
    if len(lines) != len(records):
        raise ValueError("record starts and records differ: fall back to the line-aware loader")
    for record, number in zip(records, lines, strict=True):
        record["__line__"] = number
    return records


def cbase(path: Path) -> list:
    return yaml.load(path.read_text("utf-8"), Loader=yaml.CBaseLoader)["articles"]


def read_yaml_rs(path: Path) -> list:
    import yaml_rs as rs

    return rs.loads(path.read_text("utf-8"))["articles"]


def jsonl_json(path: Path) -> list:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def jsonl_msgspec(path: Path) -> list:
    import msgspec

    decode = msgspec.json.Decoder().decode
    return [decode(line) for line in path.read_bytes().splitlines()]


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = corpus(args.records)
    path = data / "articles.yaml"
    jsonl = data.with_name(data.name + "-articles.jsonl")
    reference = kwpld_today(path)
    if not jsonl.exists():
        lines = (json.dumps(_plain(r), ensure_ascii=False) for r in reference)
        jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = _plain(reference)
    candidates: dict[str, tuple[Callable[[Path], list], Path]] = {
        "kwpld today (CSafeLoader + line-aware constructor)": (kwpld_today, path),
        "CSafeLoader, plain": (csafe_plain, path),
        "CSafeLoader + record lines by regex": (csafe_with_lines, path),
        "CBaseLoader (all strings)": (cbase, path),
        "JSON Lines, json.loads per line": (jsonl_json, jsonl),
        "JSON Lines, msgspec.json per line": (jsonl_msgspec, jsonl),
    }
    try:
        import yaml_rs  # noqa: F401

        candidates["yaml_rs.loads (Rust)"] = (read_yaml_rs, path)
    except ImportError:
        pass
    notes: dict[str, str] = {}
    for name, (function, source) in candidates.items():
        got = _plain(function(source))
        if name.startswith("CBaseLoader"):
            continue  # every value a string: same shape, not the same values
        if got != expected:
            first = next(i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b)
            notes[name] = f"reads other values: {got[first]!r} for {expected[first]!r}"
    names = list(candidates)
    times: dict[str, list[float]] = {n: [] for n in names}
    ratios: dict[str, list[float]] = {n: [] for n in names}
    for number in range(args.rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        this: dict[str, float] = {}
        for name in order:
            function, source = candidates[name]
            start = time.process_time()
            function(source)
            this[name] = time.process_time() - start
            times[name].append(this[name])
        for name in names:
            ratios[name].append(this[names[0]] / this[name])
    count = len(reference)
    print(f"articles.yaml of the flat corpus: {count:,} records, {path.stat().st_size:,} bytes")
    print("| reader | median CPU time | records/s | **speed vs kwpld today** |")
    print("| --- | ---: | ---: | ---: |")
    for name in names:
        median = statistics.median(times[name])
        print(
            f"| {name} | {median:.2f} s | {count / median:,.0f} | "
            f"**{statistics.median(ratios[name]):.2f}×** |"
        )
    for name, note in notes.items():
        print(f"\n- {name} {note}")
    import os

    print(
        f"\nload average {os.getloadavg()[0]:.1f}; `python bench/experiments/yaml_loaders.py "
        + " ".join(sys.argv[1:])
        + "`"
    )


if __name__ == "__main__":
    main()
