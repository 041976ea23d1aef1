"""Experiment: checking (and building) records with msgspec typed structs vs fastjsonschema.

    python bench/experiments/record_checks.py                 # 231,050-record corpus
    python bench/experiments/record_checks.py --records 23150

Not wired into kwpld: this measures candidates for phase 2 of issue 14, on the records of the
flat corpus as kwpld's loader produces them (articles from articles.yaml, people and
memberships from the CSV files), each step in rounds whose order rotates, with the ratio to
today's step measured in the same round. Times are CPU seconds of this process
(``process_time``): on a shared machine wall time also counts the waits for a core.

- **fastjsonschema per record** (today: ``kwpld.load.schema._fast_validator(kind)``): the
  generated validator of the published JSON Schema, one call per record.
- **today's check + conversion**: the above, then ``Converter.build`` (the model objects,
  dates read), which is what a record costs the loader after parsing.
- **msgspec.convert to a typed struct**: one call per record that checks every constraint
  the schema states for the kind (id and reference patterns, enums, text not blank, dates
  as int 1..9999 or non-blank text, unknown fields refused) *and* builds the object. The
  structs below are hand-written from ``records-1.schema.json`` for the three kinds; they
  stand in for the model (dates would still need kwpld's date parser).
- **msgspec.json.decode, typed, from JSON Lines**: parsing and checking and building in one
  C pass, for the articles written as JSON Lines: what a JSON Lines record could cost.

Errors: msgspec stops at the first problem of a record and names its path
(``Expected `str` matching regex ... - at `$.mentions[0]```); kwpld's messages (every
problem, file:line, field, a hint) would still come from jsonschema on the records msgspec
rejects, as they come today for the records fastjsonschema rejects. A check below feeds
bad records to both and asserts they reject the same ones.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from flat import corpus  # noqa: E402

_ID = r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$"
Id = Annotated[str, Meta(pattern=_ID, max_length=200)]
Text = Annotated[str, Meta(min_length=1, pattern=r"\S")]
Date = Annotated[int, Meta(ge=1, le=9999)] | Annotated[str, Meta(min_length=1, pattern=r"\S")]
Qid = Annotated[str, Meta(pattern=r"^Q[1-9][0-9]*$")]
System = Literal["dprk", "en", "hangul", "hanja", "mr", "mr-ascii", "rr"]
NameKind = Literal["abbreviation", "alternate", "epithet", "former", "preferred"]
ArticleType = Literal[
    "address", "analysis", "editorial", "essay", "image", "news", "report", "statement"
]


class Name(Struct, forbid_unknown_fields=True):
    text: Text
    system: System
    kind: NameKind | None = None
    valid_from: Date | None = None
    valid_until: Date | None = None
    renamed_by: Id | None = None
    sources: list[Id] = []
    note: Text | None = None


class Quote(Struct, forbid_unknown_fields=True):
    text: Text
    source: Id | None = None
    speaker: Id | None = None
    language: Annotated[str, Meta(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] | None = None
    note: Text | None = None


class Article(Struct, forbid_unknown_fields=True):
    id: Id
    type: ArticleType
    title: Text
    names: list[Name] = []
    authors: list[Id] = []
    publisher: Id | None = None
    published_in: Id | None = None
    date: Date | None = None
    url: Annotated[str, Meta(pattern=r"^https?://[^\s<>\"{}|\\^`]+$")] | None = None
    language: Annotated[str, Meta(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] | None = None
    about: list[Id] = []
    mentions: list[Id] = []
    cites: list[Id] = []
    part_of: Id | None = None
    caption: Text | None = None
    credit: Text | None = None
    quotes: list[Quote] = []
    wikidata: Qid | None = None
    description: Text | None = None
    sources: list[Id] = []
    note: Text | None = None


class Person(Struct, forbid_unknown_fields=True):
    id: Id
    names: Annotated[list[Name], Meta(min_length=1)]
    gender: Literal["female", "male"] | None = None
    born: Date | None = None
    died: Date | None = None
    citizenship: Annotated[str, Meta(pattern=r"^[A-Z]{2}$")] | None = None
    wikidata: Qid | None = None
    description: Text | None = None
    sources: list[Id] = []
    note: Text | None = None


class Membership(Struct, forbid_unknown_fields=True):
    id: Id
    person: Id
    organ: Id
    role: Id
    status: Literal["confirmed", "projected", "reported"]
    post: Id | None = None
    start: Date | None = None
    end: Date | None = None
    as_of: Date | None = None
    sources: list[Id] = []
    note: Text | None = None


STRUCTS = {"article": Article, "person": Person, "membership": Membership}


def load_raw(data: Path) -> dict[str, list]:
    """The raw records as kwpld's loader reads them (LineDict / LineList)."""
    from kwpld.load import files

    problems: list = []
    raw = {
        "article": list(files.read_yaml(data / "articles.yaml", "a", problems)["articles"]),
        "person": files.read_csv(data / "people.csv", "p", "person", problems),
        "membership": files.read_csv(data / "memberships.csv", "m", "membership", problems),
    }
    assert not problems
    return raw


def check_agreement() -> None:
    """Bad records: msgspec and fastjsonschema must reject the same ones."""
    from kwpld.load.schema import _fast_validator

    good = {"id": "a-1", "type": "news", "title": "T", "date": "2001-01-01", "mentions": ["p-1"]}
    bad = [
        {**good, "id": "A 1"},
        {**good, "type": "blog"},
        {**good, "title": "   "},
        {**good, "date": 0},
        {**good, "date": " "},
        {**good, "mentions": ["P-1"]},
        {**good, "mentions": "p-1"},
        {**good, "titel": "x"},
        {k: v for k, v in good.items() if k != "title"},
        {**good, "names": [{"text": "x", "system": "latin"}]},
        {**good, "wikidata": "Q0"},
    ]
    validate = _fast_validator("article")
    validate(good)
    msgspec.convert(good, Article)
    for record in bad:
        try:
            validate(record)
            schema_ok = True
        except Exception:
            schema_ok = False
        try:
            msgspec.convert(record, Article)
            struct_ok = True
        except msgspec.ValidationError:
            struct_ok = False
        assert schema_ok == struct_ok == False, (record, schema_ok, struct_ok)  # noqa: E712


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from kwpld.errors import Problem
    from kwpld.load.convert import Converter
    from kwpld.load.schema import _fast_validator

    check_agreement()
    data = corpus(args.records)
    raw = load_raw(data)
    jsonl = [json.dumps(dict(r), ensure_ascii=False, default=list).encode() for r in raw["article"]]
    problems: list[Problem] = []
    converter = Converter("x", problems)

    def schema_only(kind: str) -> Callable[[], None]:
        validate = _fast_validator(kind)
        return lambda: [validate(r) for r in raw[kind]] and None

    def schema_and_convert(kind: str) -> Callable[[], None]:
        validate = _fast_validator(kind)
        build = converter.build
        return lambda: [(validate(r), build(kind, r)) for r in raw[kind]] and None

    def struct(kind: str) -> Callable[[], None]:
        target = STRUCTS[kind]
        convert = msgspec.convert
        return lambda: [convert(r, target) for r in raw[kind]] and None

    decoder = msgspec.json.Decoder(Article)

    def decode_jsonl() -> None:
        decode = decoder.decode
        for line in jsonl:
            decode(line)

    steps: dict[str, Callable[[], None]] = {}
    for kind in ("article", "person", "membership"):
        steps[f"{kind}: fastjsonschema (today)"] = schema_only(kind)
        steps[f"{kind}: fastjsonschema + Converter.build (today)"] = schema_and_convert(kind)
        steps[f"{kind}: msgspec.convert to a typed struct"] = struct(kind)
    steps["article: msgspec.json.decode typed, from JSON Lines bytes"] = decode_jsonl
    names = list(steps)
    times: dict[str, list[float]] = {n: [] for n in names}
    for number in range(args.rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        for name in order:
            start = time.process_time()
            steps[name]()
            times[name].append(time.process_time() - start)
    assert not problems
    print("| step | records | median CPU time | µs per record | **vs fastjsonschema (today)** |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in names:
        kind = name.split(":")[0]
        count = len(raw[kind])
        base = statistics.median(times[f"{kind}: fastjsonschema (today)"])
        median = statistics.median(times[name])
        print(
            f"| {name} | {count:,} | {median:.3f} s | {median / count * 1e6:.1f} | "
            f"**{base / median:.2f}×** |"
        )
    print(
        f"\nload average {os.getloadavg()[0]:.1f}; rounds {args.rounds} (order rotated); "
        "`python bench/experiments/record_checks.py " + " ".join(sys.argv[1:]) + "`"
    )


if __name__ == "__main__":
    main()
