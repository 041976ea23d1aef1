"""How fast kwpld ingest reads articles against a large data folder.

Usage: python bench/ingest_speed.py [--people N] [--articles N] [--write N]

Builds, in memory, records for N people (Korean names in English and Hangul, every spelling
indexed) and a few hundred organs, then generates articles in the style of KCNA and analysts'
posts that name known people and organs, new people, dates in both calendars and quotations.
Reports the time to build the name index once, the rate of reading articles (mentions, dates,
new entities, relations, drafts: everything but writing files), and, with --write, the rate of
full ``ingest`` runs that write every file into a temporary data folder.
"""

from __future__ import annotations

import argparse
import calendar
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from kwpld.dates import PartialDate
from kwpld.ingest.known import Known
from kwpld.ingest.pipeline import IngestOptions, article_meta, ingest, read_one
from kwpld.model import Name, Organ, Origin, Person, Records
from kwpld.names import hangul_to_rr
from kwpld.sources import read_text_source

SURNAMES = {
    "김": "Kim",
    "리": "Ri",
    "박": "Pak",
    "최": "Choe",
    "정": "Jong",
    "강": "Kang",
    "조": "Jo",
    "장": "Jang",
    "림": "Rim",
    "한": "Han",
}
GIVEN = list(
    "정은일성철수영호룡해봉주남명혁광석진국현민상선옥희순복만길동춘식경미향련금송학원태용충덕훈범인애화숙란분산강운"
)
HEADS = ["Department", "Commission", "Committee"]
TOPICS = [
    "Organization and Guidance",
    "Propaganda and Agitation",
    "Light Industry",
    "Military Affairs",
    "Finance and Accounting",
    "International",
    "Cadres",
    "Civil Defence",
    "Science and Education",
    "Munitions Industry",
]


def person_name(rng: random.Random) -> tuple[str, str]:
    family = rng.choice(list(SURNAMES))
    given = rng.choice(GIVEN) + rng.choice(GIVEN)
    latin = (
        SURNAMES[family]
        + " "
        + " ".join(hangul_to_rr(s, personal_name=False).capitalize() for s in given)
    )
    return latin, family + given


def records(people: int, rng: random.Random) -> tuple[Records, list[str], list[str]]:
    out = Records()
    names: list[str] = []
    seen: set[str] = set()
    if people > len(SURNAMES) * len(GIVEN) ** 2 * 4 // 5:
        raise SystemExit(
            f"--people: at most {len(SURNAMES) * len(GIVEN) ** 2 * 4 // 5} distinct names"
        )
    while len(names) < people:
        latin, hangul = person_name(rng)
        if latin in seen:
            continue
        seen.add(latin)
        rid = f"p{len(names)}"
        out.add(
            Person(
                rid,
                Origin("people.yaml", len(names) + 1),
                [Name(latin, "en", "preferred"), Name(hangul, "hangul", "preferred")],
            )
        )
        names.append(latin)
    out.add(
        Organ(
            "wpk",
            Origin("organs.yaml", 1),
            [
                Name("Workers' Party of Korea", "en", "preferred"),
                Name("WPK", "en", "abbreviation"),
                Name("KWP", "en", "abbreviation"),
            ],
            "party",
        )
    )
    out.add(
        Organ(
            "wpk-cc",
            Origin("organs.yaml", 2),
            [
                Name("Central Committee of the Workers' Party of Korea", "en", "preferred"),
                Name("WPK Central Committee", "en", "alternate"),
            ],
            "central-committee",
            parent="wpk",
        )
    )
    organs = []
    for index in range(300):
        name = f"{TOPICS[index % len(TOPICS)]} {HEADS[index % 3]} No. {index}"
        out.add(
            Organ(
                f"o{index}",
                Origin("organs.yaml", index + 3),
                [Name(name, "en", "preferred")],
                "department",
                parent="wpk-cc",
            )
        )
        organs.append(name)
    return out, names, organs


QUOTE = (
    "“the party cells must become the cornerstone of the party in the new year and the whole "
    "party must rally around the leadership.”"
)


def article(rng: random.Random, known_people: list[str], organs: list[str], n: int) -> str:
    day = PartialDate(2015 + n % 8, 1 + n % 12, 1 + n % 28)
    month = calendar.month_name[day.month or 1]
    new_person, _ = person_name(rng)
    family, *given = new_person.split()
    mr_like = f"{family} {given[0]}-{given[1].lower()}"  # a second spelling, in parentheses

    def someone() -> str:
        return rng.choice(known_people)

    paragraphs = [
        f"Meeting of the {rng.choice(organs)} Held in Pyongyang",
        f"Pyongyang, {day.day} {month} (KCNA) -- The dear respected Comrade {someone()} guided "
        f"a meeting of the {rng.choice(organs)} on {day.day} {month} Juche {day.year - 1911} "
        f"({day.year}). {someone()}, director of the WPK Central Committee, and {new_person} "
        f"({mr_like}) attended.",
        "The meeting recalled that the 7th Congress of the WPK held in May of Juche 105 (2016) "
        f"set the line. According to KCNA, {someone()} said that {QUOTE}",
        " ".join(
            f"{someone()} and {someone()} spoke about the work of the {rng.choice(organs)}."
            for _ in range(6)
        ),
        "The participants renewed their resolve. " * 8,
    ]
    return "\n\n".join(paragraphs) + "\n"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--write", type=int, default=100, help="articles for the full ingest run (0: skip)"
    )
    args = parser.parse_args()
    rng = random.Random(42)
    recs, people, organs = records(args.people, rng)
    start = time.perf_counter()
    known = Known.build(recs)
    build = time.perf_counter() - start
    print(f"index: {len(recs)} records, {len(known.index)} name entries, built in {build:.2f} s")
    texts = [article(rng, people, organs, n) for n in range(args.articles)]
    chars = sum(len(t) for t in texts)
    mentions = drafts = 0
    start = time.perf_counter()
    for n, text in enumerate(texts):
        source = read_text_source(text, "text/plain", f"a{n}.txt")
        meta = article_meta(f"a{n}.txt", source, IngestOptions(article_id=f"a{n}"))
        reading, drafted = read_one(source, known, meta)
        mentions += len(reading.mentions)
        drafts += len(drafted.drafts)
    elapsed = time.perf_counter() - start
    print(
        f"read: {args.articles} articles ({chars / 1e6:.1f} M characters) in {elapsed:.2f} s: "
        f"{args.articles / elapsed:.0f} articles/s, {chars / elapsed / 1e6:.2f} M characters/s; "
        f"{mentions} mentions, {drafts} drafts"
    )
    if args.write:
        folder = Path(tempfile.mkdtemp(prefix="kwpld-ingest-bench-"))
        try:
            data = folder / "data"
            (folder / "in").mkdir()
            paths = []
            for n, text in enumerate(texts[: args.write]):
                path = folder / "in" / f"a{n}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            start = time.perf_counter()
            ingest(paths, data)
            elapsed = time.perf_counter() - start
            size = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
            print(
                f"ingest (files written, folder checked): {len(paths)} articles in "
                f"{elapsed:.2f} s, "
                f"{len(paths) / elapsed:.0f} articles/s, {size / 1e6:.1f} MB written"
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"peak RSS {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
