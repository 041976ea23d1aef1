"""Deterministic synthetic corpora in the documented record format, for benchmarks and tests.

``synthesize(out, size="1m")`` writes a data folder that loads like a curator's: an organ
hierarchy from the party down to party cells, people with names in Hangul, Revised
Romanization, McCune-Reischauer and the DPRK's spelling (namesakes included), memberships that
overlap in time with every status, numbered meeting series, and articles that mention people
and organs, with a sprinkling of partial and Juche dates. The same size and seed always give
byte-identical files.

``synthesize_flat(out, records=N)`` writes the *flat* shape instead: many small records of few
fields each, shaped like the benchmarks of RML engines (Morph-KGC's among them), so that the
per-record cost of loading and mapping is what is measured rather than the richness of a record
(see ``bench/flat.py``).
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .atomic import atomic_directory
from .load.files import CSV_COLUMNS

__all__ = [
    "SIZES",
    "SHAPES",
    "FLAT_ORGANS",
    "SynthSize",
    "flat_counts",
    "synthesize",
    "synthesize_flat",
]

SYNTH_MARKER = ".kwpld-synthetic"
"""Marks a folder kwpld synth wrote, which synth may replace (it never replaces curated data)."""


@dataclass(frozen=True)
class SynthSize:
    people: int
    memberships: int
    articles: int
    meetings: int
    local_committees: int
    """City and county party committees; each has a primary committee and cells below it."""


# Presets named for the approximate number of triples a build gives.
SIZES: dict[str, SynthSize] = {
    "tiny": SynthSize(people=40, memberships=120, articles=60, meetings=8, local_committees=6),
    "10k": SynthSize(people=100, memberships=310, articles=150, meetings=12, local_committees=12),
    "100k": SynthSize(
        people=1000, memberships=3100, articles=1500, meetings=40, local_committees=75
    ),
    "1m": SynthSize(
        people=10000, memberships=31000, articles=15000, meetings=150, local_committees=375
    ),
    "3m": SynthSize(
        people=30000, memberships=93000, articles=45000, meetings=300, local_committees=1125
    ),
}

# Syllables with their spellings: Hangul, Revised Romanization, McCune-Reischauer, DPRK.
_FAMILY = [
    ("김", "Gim", "Kim", "Kim"),
    ("리", "Ri", "Ri", "Ri"),
    ("박", "Bak", "Pak", "Pak"),
    ("최", "Choe", "Ch'oe", "Choe"),
    ("정", "Jeong", "Chŏng", "Jong"),
    ("강", "Gang", "Kang", "Kang"),
    ("조", "Jo", "Cho", "Jo"),
    ("장", "Jang", "Chang", "Jang"),
    ("림", "Rim", "Rim", "Rim"),
    ("한", "Han", "Han", "Han"),
    ("오", "O", "O", "O"),
    ("황", "Hwang", "Hwang", "Hwang"),
    ("로", "Ro", "Ro", "Ro"),
    ("량", "Ryang", "Ryang", "Ryang"),
    ("현", "Hyeon", "Hyŏn", "Hyon"),
    ("태", "Tae", "T'ae", "Thae"),
]
_GIVEN = [
    ("정", "jeong", "chŏng", "jong"),
    ("은", "eun", "ŭn", "un"),
    ("일", "il", "il", "il"),
    ("성", "seong", "sŏng", "song"),
    ("수", "su", "su", "su"),
    ("철", "cheol", "ch'ŏl", "chol"),
    ("영", "yeong", "yŏng", "yong"),
    ("호", "ho", "ho", "ho"),
    ("룡", "ryong", "ryong", "ryong"),
    ("해", "hae", "hae", "hae"),
    ("택", "taek", "t'aek", "thaek"),
    ("남", "nam", "nam", "nam"),
    ("명", "myeong", "myŏng", "myong"),
    ("혁", "hyeok", "hyŏk", "hyok"),
    ("광", "gwang", "kwang", "kwang"),
    ("춘", "chun", "ch'un", "chun"),
    ("순", "sun", "sun", "sun"),
    ("희", "hui", "hŭi", "hui"),
    ("주", "ju", "chu", "ju"),
    ("국", "guk", "kuk", "kuk"),
]

_PROVINCES = [
    ("pyongyang", "Pyongyang", "평양"),
    ("south-pyongan", "South Phyongan", "평안남도"),
    ("north-pyongan", "North Phyongan", "평안북도"),
    ("jagang", "Jagang", "자강도"),
    ("south-hwanghae", "South Hwanghae", "황해남도"),
    ("north-hwanghae", "North Hwanghae", "황해북도"),
    ("kangwon", "Kangwon", "강원도"),
    ("south-hamgyong", "South Hamgyong", "함경남도"),
    ("north-hamgyong", "North Hamgyong", "함경북도"),
    ("ryanggang", "Ryanggang", "량강도"),
    ("rason", "Rason", "라선시"),
    ("nampho", "Nampho", "남포시"),
]
_CENTRAL_ORGANS: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    # id, kind, English name, Hangul name, parent, roles
    (
        "wpk-cc",
        "central-committee",
        "Central Committee of the WPK",
        "조선로동당 중앙위원회",
        "wpk",
        ("member", "alternate-member"),
    ),
    (
        "wpk-pb",
        "political-bureau",
        "Political Bureau of the WPK Central Committee",
        "정치국",
        "wpk-cc",
        ("member", "alternate-member"),
    ),
    (
        "wpk-pb-presidium",
        "presidium",
        "Presidium of the Political Bureau",
        "정치국 상무위원회",
        "wpk-pb",
        ("member",),
    ),
    (
        "wpk-secretariat",
        "secretariat",
        "Secretariat of the WPK Central Committee",
        "비서국",
        "wpk-cc",
        ("secretary",),
    ),
    (
        "wpk-cmc",
        "commission",
        "Central Military Commission of the WPK",
        "당중앙군사위원회",
        "wpk-cc",
        ("chairman", "vice-chairman", "member"),
    ),
)
"""The central organs under the party, in the order they are written."""

_DEPARTMENTS = [
    "Organization and Guidance",
    "Propaganda and Agitation",
    "International",
    "Finance and Accounting",
    "Military Affairs",
    "Science and Education",
    "Light Industry",
    "Machine-Building Industry",
    "Cadres Affairs",
    "General Affairs",
]


def _dump(data: object) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


class _Corpus:
    def __init__(self, size: SynthSize, seed: int) -> None:
        self.size = size
        self.rng = random.Random(seed)
        self.organs: list[dict[str, Any]] = []
        self.posts: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.articles: list[dict[str, Any]] = []
        self.people: list[dict[str, str]] = []
        self.memberships: list[dict[str, str]] = []
        self.organ_roles: list[tuple[str, tuple[str, ...]]] = []

    # -- helpers --------------------------------------------------------------------------------
    def date(self, first: int = 1960, last: int = 2024) -> str | int:
        """A date as sources give them: mostly full, some partial, some in the Juche calendar."""
        rng = self.rng
        year = rng.randint(first, last)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        roll = rng.random()
        if roll < 0.06:
            return f"{calendar.month_name[month]} of Juche {year - 1911} ({year})"
        if roll < 0.09:
            return f"Juche {year - 1911}"
        if roll < 0.17:
            return f"{year}-{month:02d}"
        if roll < 0.22:
            return year
        return f"{year}-{month:02d}-{day:02d}"

    @staticmethod
    def _year(value: str | int) -> int:
        if isinstance(value, int):
            return value
        if "(" in value:
            return int(value.rsplit("(", 1)[1][:4])
        if value.startswith("Juche"):
            return int(value.split()[1]) + 1911
        return int(value[:4])

    # -- organs -----------------------------------------------------------------------------------
    def organ(
        self,
        oid: str,
        kind: str,
        en: str,
        ko: str | None,
        parent: str | None,
        roles: tuple[str, ...],
    ) -> None:
        names = [{"text": en, "system": "en"}]
        if ko:
            names.append({"text": ko, "system": "hangul"})
        record: dict[str, Any] = {"id": oid, "kind": kind, "names": names}
        if parent:
            record["parent"] = parent
        self.organs.append(record)
        if roles:
            self.organ_roles.append((oid, roles))

    def build_organs(self) -> None:
        """The party with its central organs and departments, the committees down to the
        cells (:meth:`build_committees`), and two media organs; in this order, always."""
        self.organ("wpk", "party", "Workers' Party of Korea", "조선로동당", None, ())
        self.organs[-1]["names"] += [
            {"text": "WPK", "system": "en", "kind": "abbreviation"},
            {"text": "KWP", "system": "en", "kind": "abbreviation"},
            {"text": "Chosŏn Rodongdang", "system": "mr"},
        ]
        for organ_id, kind, name, hangul, parent, roles in _CENTRAL_ORGANS:
            self.organ(organ_id, kind, name, hangul, parent, roles)
        for index, name in enumerate(_DEPARTMENTS, start=1):
            self.organ(
                f"wpk-cc-dept-{index:02d}",
                "department",
                f"{name} Department of the WPK CC",
                None,
                "wpk-cc",
                ("director", "first-vice-director", "vice-director"),
            )
        self.build_committees()
        self.organ("kcna", "news-agency", "Korean Central News Agency", "조선중앙통신", None, ())
        self.organ("rodong-sinmun", "newspaper", "Rodong Sinmun", "로동신문", "wpk-cc", ())
        self.posts.append({"id": "cell-secretary", "organ": "cell-00001", "role": "secretary"})

    def build_committees(self) -> None:
        """Provincial committees, then per local committee its primary committee and cell: the
        part of the tree that grows with the corpus (``size.local_committees``)."""
        self.organ(
            "wpk-party-committees",
            "party-committee",
            "party committees of the WPK",
            "당위원회",
            "wpk",
            (),
        )
        for slug, en, ko in _PROVINCES:
            self.organ(
                f"pc-{slug}",
                "party-committee",
                f"{en} Provincial Committee of the WPK",
                f"{ko} 당위원회",
                "wpk-party-committees",
                ("secretary", "member"),
            )
        for index in range(1, self.size.local_committees + 1):
            province = _PROVINCES[index % len(_PROVINCES)][0]
            local = f"lc-{index:05d}"
            self.organ(
                local,
                "party-committee",
                f"City or County Party Committee No. {index}",
                None,
                f"pc-{province}",
                ("secretary", "member"),
            )
            primary = f"pr-{index:05d}"
            self.organ(
                primary,
                "party-committee",
                f"Primary Party Committee No. {index}",
                None,
                local,
                ("secretary",),
            )
            self.organ(
                f"cell-{index:05d}",
                "party-cell",
                f"Party Cell No. {index}",
                None,
                primary,
                ("secretary", "member"),
            )

    # -- people -----------------------------------------------------------------------------------
    def build_people(self) -> None:
        rng = self.rng
        for index in range(1, self.size.people + 1):
            family = rng.choice(_FAMILY)
            first, second = rng.choice(_GIVEN), rng.choice(_GIVEN)
            hangul = family[0] + first[0] + second[0]
            rr = f"{family[1]} {first[1].capitalize()}-{second[1]}"
            mr = f"{family[2]} {first[2].capitalize()}-{second[2]}"
            dprk = f"{family[3]} {first[3].capitalize()} {second[3].capitalize()}"
            mr_ascii = mr.replace("ŏ", "o'").replace("ŭ", "u'")
            born = rng.randint(1920, 1985)
            person = {
                "id": f"p-{index:06d}",
                "name_en": dprk,
                "name_hangul": hangul,
                "name_mr": mr,
                "name_mr_ascii": mr_ascii if mr_ascii != mr else "",
                "name_rr": rr,
                "name_dprk": dprk,
                "gender": "female" if rng.random() < 0.12 else "male",
                "born": str(born) if rng.random() < 0.5 else f"{born}-{rng.randint(1, 12):02d}",
                "citizenship": "KP",
            }
            if rng.random() < 0.2:
                person["died"] = str(min(born + rng.randint(45, 90), 2024))
            self.people.append(person)

    # -- articles and events --------------------------------------------------------------------
    def build_articles(self) -> None:
        rng = self.rng
        people = len(self.people)
        organs = [oid for oid, _ in self.organ_roles]
        for index in range(1, self.size.articles + 1):
            kind = rng.choices(["news", "report", "essay", "editorial"], weights=[70, 12, 12, 6])[0]
            record: dict[str, Any] = {
                "id": f"a-{index:06d}",
                "type": kind,
                "title": f"Synthetic {kind} number {index}",
                "publisher": "kcna" if kind in ("news", "report") else "rodong-sinmun",
                "date": self.date(1990, 2024),
                "language": "en",
                "about": [rng.choice(organs)],
                "mentions": sorted(
                    {f"p-{rng.randint(1, people):06d}" for _ in range(rng.randint(2, 8))}
                ),
            }
            if kind == "essay":
                record["authors"] = [f"p-{rng.randint(1, people):06d}"]
            if index > 1 and rng.random() < 0.3:
                record["cites"] = [f"a-{rng.randint(1, index - 1):06d}"]
            if rng.random() < 0.1:
                record["quotes"] = [
                    {
                        "text": f"Quoted passage {index} on the party's line.",
                        "speaker": record["about"][0],
                    }
                ]
            self.articles.append(record)

    def build_events(self) -> None:
        rng = self.rng
        articles = self.size.articles
        series = {
            "id": "cc-plenary-meetings",
            "type": "series",
            "names": [{"text": "Plenary Meetings of the WPK Central Committee", "system": "en"}],
        }
        self.events.append(series)
        year = 1960
        for ordinal in range(1, self.size.meetings + 1):
            year = min(year + rng.randint(0, 1), 2024)
            meeting: dict[str, Any] = {
                "id": f"cc-plenary-{ordinal:04d}",
                "type": "plenary-meeting",
                "series": "cc-plenary-meetings",
                "ordinal": ordinal,
                "date": self.date(year, year),
                "location": "Pyongyang",
                "organizer": "wpk-cc",
                "names": [
                    {
                        "text": f"Plenary Meeting No. {ordinal} of the WPK Central Committee",
                        "system": "en",
                    }
                ],
                "participants": [
                    {
                        "ref": f"p-{rng.randint(1, len(self.people)):06d}",
                        "sources": [f"a-{rng.randint(1, articles):06d}"],
                    }
                    for _ in range(rng.randint(3, 12))
                ],
                "sources": [f"a-{rng.randint(1, articles):06d}"],
            }
            # one participation per person (the first), in order
            firsts = {p["ref"]: p for p in reversed(meeting["participants"])}
            meeting["participants"] = [p for p in meeting["participants"] if firsts[p["ref"]] is p]
            self.events.append(meeting)

    # -- memberships ------------------------------------------------------------------------------
    def build_memberships(self) -> None:
        rng = self.rng
        people = self.people
        articles = self.size.articles
        for index in range(1, self.size.memberships + 1):
            person = people[(index * 7919) % len(people)] if index % 3 else rng.choice(people)
            born = self._year(person["born"])
            organ, roles = rng.choice(self.organ_roles)
            start = rng.randint(born + 25, born + 60)
            record = {
                "id": f"m-{index:07d}",
                "person": person["id"],
                "organ": organ,
                "role": rng.choice(roles),
                "status": rng.choices(["confirmed", "reported", "projected"], weights=[75, 20, 5])[
                    0
                ],
                "start": str(start) if rng.random() < 0.4 else f"{start}-{rng.randint(1, 12):02d}",
                "sources": f"a-{rng.randint(1, articles):06d}",
            }
            if rng.random() < 0.6:
                record["end"] = str(start + rng.randint(1, 12))
            if rng.random() < 0.15:
                record["as_of"] = f"{start + 1}-{rng.randint(1, 12):02d}"
            self.memberships.append(record)

    # -- output -----------------------------------------------------------------------------
    def write(self, folder: Path, name: str, articles_format: str) -> None:
        (folder / "kwpld.yaml").write_text(
            _dump(
                {
                    "kwpld": 1,
                    "id": f"synthetic-{name}",
                    "title": f"Synthetic KWP corpus ({name})",
                    "base_iri": "https://w3id.org/kwpld/id/",
                    "version": "synthetic",
                }
            ),
            encoding="utf-8",
        )
        (folder / "organs.yaml").write_text(
            _dump({"kwpld": 1, "organs": self.organs, "posts": self.posts}), encoding="utf-8"
        )
        (folder / "events.yaml").write_text(_dump({"kwpld": 1, "events": self.events}), "utf-8")
        chunk = 5000
        for start in range(0, len(self.articles), chunk):
            part = self.articles[start : start + chunk]
            number = start // chunk + 1
            if articles_format == "jsonl":
                lines = (json.dumps(a, ensure_ascii=False, sort_keys=True) for a in part)
                (folder / f"{number:03d}.articles.jsonl").write_text(
                    "\n".join(lines) + "\n", encoding="utf-8"
                )
            else:
                (folder / f"articles-{number:03d}.yaml").write_text(
                    _dump({"kwpld": 1, "articles": part}), encoding="utf-8"
                )
        _write_csv(folder / "people.csv", self.people, CSV_COLUMNS["person"])
        _write_csv(folder / "memberships.csv", self.memberships, CSV_COLUMNS["membership"])


def _write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    path.write_text(buffer.getvalue(), encoding="utf-8")


def synthesize(
    out: str | Path,
    size: str | SynthSize = "100k",
    *,
    seed: int = 0,
    articles_format: str = "jsonl",
) -> dict[str, int]:
    """Write a synthetic data folder to ``out`` (replaced atomically); return record counts.

    Articles, the bulk of an archive, go to JSON Lines files by default (``articles_format=
    "yaml"`` writes YAML instead); organs and events are YAML, people and memberships CSV.
    """
    if articles_format not in ("jsonl", "yaml"):
        from .errors import InputError

        raise InputError(f"articles format must be jsonl or yaml, not {articles_format!r}")
    name = size if isinstance(size, str) else "custom"
    if isinstance(size, str):
        if size not in SIZES:
            from .errors import InputError

            raise InputError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
        size = SIZES[size]
    corpus = _Corpus(size, seed)
    corpus.build_organs()
    corpus.build_people()
    corpus.build_articles()
    corpus.build_events()
    corpus.build_memberships()
    with atomic_directory(out, markers=(SYNTH_MARKER,)) as tmp:
        corpus.write(tmp, name, articles_format)
        (tmp / SYNTH_MARKER).write_text("written by kwpld synth; safe to replace\n", "utf-8")
    return {
        "people": len(corpus.people),
        "organs": len(corpus.organs),
        "posts": len(corpus.posts),
        "memberships": len(corpus.memberships),
        "events": len(corpus.events),
        "articles": len(corpus.articles),
    }


# ---------------------------------------------------------------------------------------------
# The flat shape: many small records, as RML engines are benchmarked.

SHAPES = ("rich", "flat")
"""``rich``: the archive-like corpus of :func:`synthesize`; ``flat``: :func:`synthesize_flat`."""

FLAT_ORGANS = 50
"""Organs in a flat corpus, whatever its size: memberships spread over this many."""

_FLAT_KINDS = (
    "central-committee",
    "political-bureau",
    "department",
    "party-committee",
    "commission",
)
_FLAT_PEOPLE_COLUMNS = ("id", "name_en", "name_hangul", "name_mr_ascii", "citizenship", "sources")
_FLAT_MEMBERSHIP_COLUMNS = ("id", "person", "organ", "role", "status", "start", "sources")


def flat_counts(records: int) -> dict[str, int]:
    """Records of each kind in a flat corpus of about ``records`` records.

    A third each of people, memberships and articles after the 50 organs, so that
    ``records=231_050`` gives 77,000 of each (the corpus of issue 14).
    """
    if records < FLAT_ORGANS + 3:
        from .errors import InputError

        raise InputError(f"a flat corpus needs at least {FLAT_ORGANS + 3} records, not {records}")
    each = (records - FLAT_ORGANS) // 3
    return {"people": each, "organs": FLAT_ORGANS, "memberships": each, "articles": each}


def _flat_date(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def synthesize_flat(out: str | Path, records: int = 231_050, *, seed: int = 0) -> dict[str, int]:
    """Write a flat data folder of about ``records`` records to ``out``; return record counts.

    Why a second shape: :func:`synthesize` writes few, rich records, which hides what each
    record costs. Here, as in RML engines' benchmarks, every record is small:

    - ``people.csv``: each person with an English, a Hangul and an MR-ASCII name,
      citizenship and one source (an article);
    - ``memberships.csv``: each with a person, one of 50 organs, a role, a status, a start
      date and one source;
    - ``articles.yaml``: each article with a title, a date and one person mentioned;
    - ``organs.yaml``: 50 organs below the party.

    The same ``records`` and ``seed`` always give byte-identical files.
    """
    counts = flat_counts(records)
    each = counts["people"]
    rng = random.Random(seed)

    def article(index: int) -> str:
        return f"a-{index:07d}"

    def person_id(index: int) -> str:
        return f"p-{index:07d}"

    people: list[dict[str, str]] = []
    for index in range(1, each + 1):
        family = rng.choice(_FAMILY)
        first, second = rng.choice(_GIVEN), rng.choice(_GIVEN)
        mr = f"{family[2]} {first[2].capitalize()}-{second[2]}"
        people.append(
            {
                "id": person_id(index),
                "name_en": f"{family[3]} {first[3].capitalize()} {second[3].capitalize()}",
                "name_hangul": family[0] + first[0] + second[0],
                "name_mr_ascii": mr.replace("ŏ", "o'").replace("ŭ", "u'"),
                "citizenship": "KP",
                "sources": article(rng.randint(1, each)),
            }
        )

    memberships: list[dict[str, str]] = []
    for index in range(1, each + 1):
        memberships.append(
            {
                "id": f"m-{index:07d}",
                "person": person_id(rng.randint(1, each)),
                "organ": f"o-{rng.randint(1, FLAT_ORGANS):02d}",
                "role": "member",
                "status": "confirmed",
                "start": _flat_date(rng, 1960, 2024),
                "sources": article(rng.randint(1, each)),
            }
        )

    articles: list[tuple[str, str, str, str]] = []
    for index in range(1, each + 1):
        articles.append(
            (
                article(index),
                f"Report number {index} on the work of the party",
                _flat_date(rng, 1990, 2024),
                person_id(rng.randint(1, each)),
            )
        )

    _write_flat(out, records, articles, people, memberships)
    return counts


def _flat_organs() -> list[dict[str, object]]:
    """The flat corpus's 50 organs: the party and 49 organs below it."""
    organs: list[dict[str, object]] = []
    for index in range(1, FLAT_ORGANS + 1):
        organ: dict[str, object] = {
            "id": f"o-{index:02d}",
            "kind": "party" if index == 1 else _FLAT_KINDS[index % len(_FLAT_KINDS)],
            "names": [
                {"text": f"Organ No. {index} of the WPK", "system": "en"},
                {"text": f"조선로동당 제{index}기관", "system": "hangul"},
            ],
        }
        if index > 1:
            organ["parent"] = "o-01"
        organs.append(organ)
    return organs


def _write_flat(
    out: str | Path,
    records: int,
    articles: list[tuple[str, str, str, str]],
    people: list[dict[str, str]],
    memberships: list[dict[str, str]],
) -> None:
    """Write the flat corpus's files into ``out`` at once (atomically, as synth always does)."""
    organs = _flat_organs()
    with atomic_directory(out, markers=(SYNTH_MARKER,)) as tmp:
        (tmp / "kwpld.yaml").write_text(
            _dump(
                {
                    "kwpld": 1,
                    "id": f"synthetic-flat-{records}",
                    "title": f"Synthetic flat KWP corpus ({records} records)",
                    "base_iri": "https://w3id.org/kwpld/id/",
                    "version": "synthetic",
                }
            ),
            encoding="utf-8",
        )
        (tmp / "organs.yaml").write_text(_dump({"kwpld": 1, "organs": organs}), "utf-8")
        (tmp / "articles.yaml").write_text(_flat_articles_yaml(articles), "utf-8")
        _write_csv(tmp / "people.csv", people, _FLAT_PEOPLE_COLUMNS)
        _write_csv(tmp / "memberships.csv", memberships, _FLAT_MEMBERSHIP_COLUMNS)
        (tmp / SYNTH_MARKER).write_text("written by kwpld synth; safe to replace\n", "utf-8")


def _flat_articles_yaml(articles: list[tuple[str, str, str, str]]) -> str:
    """articles.yaml as PyYAML's dumper writes it, 20 times faster (the values are plain).

    Every value here is ASCII text that YAML reads as a string as it stands, except the
    date, which is quoted so that it stays text (as the dumper quotes it); a test holds the
    output to ``yaml.dump`` of the same records.
    """
    parts = ["kwpld: 1\narticles:\n"]
    for record_id, title, date, mentioned in articles:
        parts.append(
            f"- id: {record_id}\n  type: news\n  title: {title}\n  date: '{date}'\n"
            f"  mentions:\n  - {mentioned}\n"
        )
    return "".join(parts)
