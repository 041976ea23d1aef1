"""How fast ``kwpld ingest`` reads 1,000 articles into a data folder of a few thousand people.

    python bench/ingest_speed.py                     # 1,000 articles, 3,000 people, 1 round
    python bench/ingest_speed.py --rounds 3          # medians over 3 rounds
    python bench/ingest_speed.py --articles 200 --no-markdown    # a quick look
    python bench/ingest_speed.py --cprofile 30       # also the 30 costliest functions
    python bench/ingest_speed.py --baseline main     # also main's ingest, in the same rounds

**The articles** are the labelled texts of ``tests/fixtures/ingest/``: the facts development set
(``facts/dev/``: KCNA, Rodong Sinmun, analysts, wires, encyclopedias; text, Markdown and HTML),
the mention fixtures (``01-…`` to ``11-…``) and the identity sequences (``identity/*/``), never
a held-out text. Article *n* is text *n mod T* with its people and years changed: each person of
the facts records the text names (all but the three leaders) becomes one of the data folder's
synthetic people, spelled in the same system (English, MR, RR, Hangul), and from the second
copy on, every year and Juche year moves 28 years on, which keeps weekdays right. No two
articles are the same text.

**The data folder** is the facts records (``tests/fixtures/ingest/facts/records``: the organs,
posts and people the texts name) with a ``kwpld synth`` corpus of ``--people`` people beside
them (memberships, organs down to party cells, events, articles): its organs that are the facts
records' organs (the party, its Central Committee, the provincial committees, KCNA) are merged
into those.

**What runs.** Each tool is a fresh child process (:mod:`measure`: wall and CPU seconds, peak
RSS), on a fresh copy of the data folder, all articles in one run as a curator would give them:

- ``kwpld ingest ARTICLES… --into DATA`` (every file written and the folder checked);
- the **baseline** in the same run: a plain gazetteer over the same files: read each file
  (HTML tags stripped), look every run of one to four words up in a dict of the data folder's
  names (read with ``csv`` and PyYAML), and write the hits as JSON, one file per article;
- with ``--baseline REVISION``, the ingest of that git revision too (its tree extracted with
  ``git archive``, run with the same Python and packages), in the same rounds and on the same
  files: the CPU ratio new/old is the figure to quote for a speed-up, as the machine's load
  changes between runs; the digests say whether both wrote the same files;
- once more in process, ``kwpld ingest`` with each stage and each pass of
  :mod:`kwpld.ingest.read` timed: where the time goes (CPU seconds, summed over articles).

The output folder's digest (every file ingest wrote) is printed: the same corpus must give the
same digest before and after a change meant only to make ingest faster.

Results go to ``bench/ingest-speed-results.json`` and to the table in ``bench/README.md``.
The target of issue 15 is 1,000 articles in at most 60 s on this machine.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import functools
import hashlib
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
RECORDS = FIXTURES / "facts" / "records"
RESULTS = HERE / "ingest-speed-results.json"
TARGET_SECONDS = 60.0
TEXT_SUFFIXES = (".txt", ".md", ".html")
LEADERS = ("kim-il-sung", "kim-jong-il", "kim-jong-un")
YEAR_SHIFT = 28
"""Years move by 28: the Gregorian calendar repeats its weekdays every 28 years in 1901-2099."""

sys.path.insert(0, str(HERE))
from measure import machine_load, measure, write_readme_section  # noqa: E402

# -- the data folder ----------------------------------------------------------------------------


def data_folder(out: Path, people: int) -> dict[str, int]:
    """The facts records with a synthetic corpus of ``people`` people beside them."""
    import yaml

    from kwpld.synth import SynthSize, synthesize

    synth = out.parent / (out.name + ".synth")
    counts = synthesize(
        synth,
        SynthSize(
            people=people,
            memberships=people * 31 // 10,
            articles=people * 3 // 2,
            meetings=max(8, people // 25),
            local_committees=max(6, people * 3 // 40),
        ),
        seed=0,
    )
    out.mkdir(parents=True)
    for path in sorted(RECORDS.glob("*.yaml")):
        shutil.copyfile(path, out / path.name)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    facts = yaml.load((RECORDS / "organs.yaml").read_text("utf-8"), Loader=loader)["organs"]
    by_name = {n["text"]: organ["id"] for organ in facts for n in organ["names"]}
    organs = yaml.load((synth / "organs.yaml").read_text("utf-8"), Loader=loader)
    same: dict[str, str] = {}  # a synthetic organ the facts records also hold -> their id
    for organ in organs["organs"]:
        hits = sorted({by_name[n["text"]] for n in organ["names"] if n["text"] in by_name})
        if hits:
            same[organ["id"]] = hits[0]
    organs["organs"] = [o for o in organs["organs"] if o["id"] not in same]

    def renamed(value: Any) -> Any:
        if isinstance(value, str):
            return same.get(value, value)
        if isinstance(value, list):
            return [renamed(v) for v in value]
        if isinstance(value, dict):
            return {k: v if k == "id" else renamed(v) for k, v in value.items()}
        return value

    def dump(name: str, data: Any) -> None:
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
        (out / name).write_text(text, encoding="utf-8")

    dump("synth-organs.yaml", renamed(organs))
    events = yaml.load((synth / "events.yaml").read_text("utf-8"), Loader=loader)
    dump("synth-events.yaml", renamed(events))
    for path in sorted(synth.glob("*.articles.jsonl")):
        lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        (out / ("synth-" + path.name)).write_text(
            "".join(json.dumps(renamed(a), ensure_ascii=False) + "\n" for a in lines), "utf-8"
        )
    shutil.copyfile(synth / "people.csv", out / "synth.people.csv")
    with (synth / "memberships.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    organ_column = rows[0].index("organ")
    for row in rows[1:]:
        row[organ_column] = same.get(row[organ_column], row[organ_column])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (out / "synth.memberships.csv").write_text(buffer.getvalue(), encoding="utf-8")
    shutil.rmtree(synth)
    return counts


# -- the articles -------------------------------------------------------------------------------


def source_texts() -> list[Path]:
    """The labelled development texts: facts/dev, the mention fixtures, the identity sequences."""
    paths = [p for p in sorted((FIXTURES / "facts" / "dev").iterdir())]
    paths += [p for p in sorted(FIXTURES.iterdir()) if p.is_file()]
    paths += sorted(p for p in (FIXTURES / "identity").glob("*/*") if p.is_file())
    return [p for p in paths if p.suffix in TEXT_SUFFIXES and not p.name.startswith("README")]


_SYSTEM_COLUMN = {"en": "name_en", "mr": "name_mr", "rr": "name_rr", "hangul": "name_hangul"}
_YEAR = re.compile(r"(?<![\d/.-])(19[0-9]{2}|20[0-9]{2})(?![\d])")
_JUCHE = re.compile(r"(Juche|Chuch['’]e|주체)(\s*)(\d{1,3})(?!\d)")


def articles(data: Path, count: int) -> list[tuple[str, str]]:
    """``count`` (file name, text) pairs: the development texts, people and years changed."""
    import random

    import yaml

    texts = [(p, p.read_text(encoding="utf-8")) for p in source_texts()]
    people = yaml.safe_load((RECORDS / "people.yaml").read_text("utf-8"))["people"]
    spellings: list[tuple[str, str, str]] = []  # (spelling, person id, system), longest first
    for person in people:
        if person["id"] in LEADERS:
            continue
        for name in person["names"]:
            spellings.append((name["text"], person["id"], name.get("system", "en")))
    spellings.sort(key=lambda s: (-len(s[0]), s[0]))
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s, _, _ in spellings) + r")(?!\w)")
    of_spelling = {s: (pid, system) for s, pid, system in spellings}
    with (data / "synth.people.csv").open(encoding="utf-8", newline="") as handle:
        synthetic = list(csv.DictReader(handle))
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for n in range(count):
        path, text = texts[n % len(texts)]
        copy = n // len(texts)
        rng = random.Random(f"{path.name}:{copy}")
        varied = _vary(text, pattern, of_spelling, synthetic, rng, copy)
        if varied in seen:  # no people of the records, no years: the days move
            varied = _shift_days(varied, copy)
        if varied in seen:  # no days either (an encyclopedia's years only): years further on,
            # by a multiple of 84 years per copy (28 or 56 came first: no two copies meet)
            varied = _shift_years(varied, 3 * YEAR_SHIFT * copy)
        if varied in seen:  # no digits at all (a wire story dated by weekdays only): the
            # weekdays move on by the copy's number, as the days of another week would
            varied = _shift_weekdays(varied, copy)
        if varied in seen:
            raise SystemExit(f"{path}: copy {copy} is the same text as an earlier one")
        seen.add(varied)
        out.append((f"{n:04d}-{path.stem.lower()}{path.suffix}", varied))
    return out


def _vary(
    text: str,
    pattern: re.Pattern[str],
    of_spelling: dict[str, tuple[str, str]],
    synthetic: list[dict[str, str]],
    rng: Any,
    copy: int,
) -> str:
    """``text`` with each person of the records it names (``pattern``) made a synthetic one,
    and from the second copy on its years moved by 28 or 56."""
    chosen: dict[str, dict[str, str]] = {}

    def person(match: re.Match[str]) -> str:
        pid, system = of_spelling[match.group(1)]
        if pid not in chosen:
            chosen[pid] = rng.choice(synthetic)
        row = chosen[pid]
        return row.get(_SYSTEM_COLUMN.get(system, "name_en")) or row["name_en"]

    varied = pattern.sub(person, text)
    return _shift_years(varied, YEAR_SHIFT * (1 + (copy - 1) % 2)) if copy else varied


def _shift_years(text: str, shift: int) -> str:
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return _JUCHE.sub(lambda m: f"{m.group(1)}{m.group(2)}{int(m.group(3)) + shift}", text)


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_DAY = re.compile(
    rf"\b(?:({_MONTHS}) (\d{{1,2}})|(\d{{1,2}}) ({_MONTHS}))(?!\d)|(\d{{1,2}}월\s*)(\d{{1,2}})일"
)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b")


def _shift_weekdays(text: str, shift: int) -> str:
    """Weekday names moved on by ``shift`` days: for a text that prints no digit."""
    return _WEEKDAY.sub(lambda m: _WEEKDAYS[(_WEEKDAYS.index(m.group(1)) + shift) % 7], text)


def _shift_days(text: str, shift: int) -> str:
    """Days of the month moved by ``shift`` (within 1-28): for a text with nothing else to vary."""

    def day(match: re.Match[str]) -> str:
        moved = (int(match.group(2) or match.group(3) or match.group(6)) - 1 + shift) % 28 + 1
        if match.group(5):
            return f"{match.group(5)}{moved}일"
        return f"{match.group(1)} {moved}" if match.group(1) else f"{moved} {match.group(4)}"

    return _DAY.sub(day, text)


# -- the baseline: a plain gazetteer ------------------------------------------------------------

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def gazetteer(data: Path, inputs: list[Path], out: Path) -> int:
    """Every run of 1-4 words that is a name in the data folder, per article, written as JSON."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    names: dict[str, str] = {}
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, value in row.items():
                    if column.startswith("name_") and value and "id" in row:
                        names[value.lower()] = row["id"]
    for path in sorted(data.glob("*.yaml")):
        for records in (yaml.load(path.read_text("utf-8"), Loader=loader) or {}).values():
            if isinstance(records, list):
                for record in records:
                    for name in record.get("names", []) if isinstance(record, dict) else []:
                        names[str(name["text"]).lower()] = record["id"]
    out.mkdir(parents=True, exist_ok=True)
    hits = 0
    for path in inputs:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = _TAG.sub(" ", text)
        words = [w.lower() for w in _WORD.findall(text)]
        found = []
        for i in range(len(words)):
            for width in (4, 3, 2, 1):
                key = " ".join(words[i : i + width])
                if key in names:
                    found.append({"at": i, "text": key, "id": names[key]})
                    break
        hits += len(found)
        (out / (path.stem + ".json")).write_text(json.dumps(found, ensure_ascii=False), "utf-8")
    return hits


# -- the profile: kwpld ingest with its stages and passes timed ----------------------------------


class Timer:
    """CPU seconds per name, summed over calls (nested stages count in both)."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - start
                self.calls[name] = self.calls.get(name, 0) + 1

        return timed


def profile(data: Path, inputs: list[Path], top: int) -> dict[str, Any]:
    """Ingest in this process with the stages of :mod:`kwpld.ingest.pipeline` and every pass
    of :mod:`kwpld.ingest.read` timed (the module functions are wrapped for the run)."""
    from kwpld.ingest import pipeline, read

    timer = Timer()
    passes = tuple(
        timer.wrap(f"pass {p.__module__.rsplit('.', 1)[-1]}.{p.__name__}", p) for p in read.PASSES
    )
    stages = {
        "load_records": "load the data folder",
        "pending_drafts": "read pending drafts",
        "read_source": "read the files",
        "read_document": "document (sentences, words)",
        "finalize": "drafts",
        "render_review": "write review YAML",
        "render_articles": "write article YAML",
        "web_annotations": "annotations",
        "dumps": "annotations JSON",
        "commit_writes": "write files, check the folder",
    }
    saved = {name: getattr(pipeline, name) for name in stages}
    saved["read_article"] = pipeline.read_article
    saved_build = pipeline.Known.build
    raw_build = pipeline.Known.__dict__["build"]
    for name, label in stages.items():
        setattr(pipeline, name, timer.wrap(label, saved[name]))
    pipeline.read_article = timer.wrap(
        "read (all passes)", functools.partial(saved["read_article"], passes=passes)
    )
    pipeline.Known.build = timer.wrap("name index", saved_build)  # type: ignore[method-assign]
    profiler = cProfile.Profile() if top else None
    start, cpu = time.perf_counter(), time.process_time()
    try:
        if profiler:
            profiler.enable()
        pipeline.ingest(inputs, data)
        if profiler:
            profiler.disable()
    finally:
        for name, function in saved.items():
            setattr(pipeline, name, function)
        pipeline.Known.build = raw_build  # type: ignore[method-assign]
    result: dict[str, Any] = {
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "stages": {k: round(v, 3) for k, v in timer.cpu.items() if not k.startswith("pass ")},
        "passes": {
            k[5:]: round(v, 3)
            for k, v in sorted(timer.cpu.items(), key=lambda kv: -kv[1])
            if k.startswith("pass ")
        },
    }
    if profiler:
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.sort_stats("tottime").print_stats(top)
        result["cprofile"] = buffer.getvalue()
    return result


# -- running and reporting ----------------------------------------------------------------------


def digest(folder: Path) -> str:
    """One hash of every file below ``folder``: names and bytes."""
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(path.relative_to(folder).as_posix().encode() + b"\0")
        sha.update(path.read_bytes() + b"\0")
    return sha.hexdigest()


def _kwpld() -> list[str]:
    script = Path(sys.executable).parent / "kwpld"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kwpld"]


@functools.lru_cache(maxsize=1)
def _git() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="kwpld-ingest-speed-"))
    try:
        return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _fresh(work: Path, name: str) -> Path:
    target = work / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(work / "data", target)
    return target


def _rounds(args: argparse.Namespace) -> Iterator[int]:
    yield from range(args.rounds)


def _baseline_source(revision: str, target: Path) -> Path:
    """The source tree of ``revision`` (a commit, branch or tag of this repository), extracted
    with ``git archive``: the old ``kwpld ingest`` runs from it in the same run as the new."""
    target.mkdir(parents=True)
    commit = _describe(revision)  # now: a branch may move during the run
    (target / ".kwpld-bench-commit").write_text(commit, encoding="utf-8")
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise SystemExit(f"--baseline {revision}: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def _measure_tool(
    tool: str, work: Path, paths: list[Path], source: Path | None
) -> tuple[Any, set[str]]:
    """One run of ``tool``: ``kwpld`` (this checkout's ingest), ``old`` (the ingest of the
    ``--baseline`` revision, from ``source``) or ``baseline`` (the plain gazetteer); with the
    digest of the files an ingest wrote."""
    if tool in ("kwpld", "old"):
        data = _fresh(work, f"{tool}-data")
        command = [*_kwpld(), "ingest", *map(str, paths), "--into", str(data)]
        env = None
        if tool == "old" and source is not None:  # its own package first on the path
            command = [sys.executable, "-m", "kwpld", *command[len(_kwpld()) :]]
            env = {**os.environ, "PYTHONPATH": str(source)}
        measured = measure(command, cwd=source if tool == "old" else None, env=env)
        if measured.returncode != 0:
            raise SystemExit(f"{tool} ingest failed:\n{measured.stderr}")
        return measured, {digest(data / "articles")}
    out = work / "baseline-out"
    shutil.rmtree(out, ignore_errors=True)
    measured = measure(
        [sys.executable, __file__, "--worker", "baseline", str(work / "data"),
         str(work / "list"), str(out)]
    )  # fmt: skip
    if measured.returncode != 0:
        raise SystemExit(f"baseline failed:\n{measured.stderr}")
    return measured, set()


def _run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    started = time.perf_counter()
    counts = data_folder(work / "data", args.people)
    corpus = articles(work / "data", args.articles)
    inputs = work / "in"
    inputs.mkdir()
    paths = []
    for name, text in corpus:
        (inputs / name).write_text(text, encoding="utf-8")
        paths.append(inputs / name)
    chars = sum(len(t) for _, t in corpus)
    print(
        f"corpus: {len(corpus)} articles ({chars / 1e6:.2f} M characters) from "
        f"{len(source_texts())} texts; data folder: {counts['people']} synthetic people and the "
        f"facts records; set up in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    (work / "list").write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    rounds: list[dict[str, Any]] = []
    digests: set[str] = set()
    old_digests: set[str] = set()
    source = _baseline_source(args.baseline, work / "old-src") if args.baseline else None
    for number in _rounds(args):
        entry: dict[str, Any] = {"load": machine_load()}
        tools = ["kwpld", "baseline"] + (["old"] if source else [])
        if number % 2:
            tools.reverse()
        for tool in tools:
            measured, wrote = _measure_tool(tool, work, paths, source)
            (digests if tool == "kwpld" else old_digests).update(wrote)
            entry[tool] = {
                "wall": round(measured.wall, 2),
                "cpu": round(measured.cpu, 2),
                "max_rss_mb": round(measured.max_rss_mb),
            }
            print(
                f"round {number + 1}: {tool}: {measured.wall:.1f} s, CPU {measured.cpu:.1f} s, "
                f"peak RSS {measured.max_rss_mb:.0f} MB",
                flush=True,
            )
        rounds.append(entry)
    data = _fresh(work, "profile-data")
    worker = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            "profile",
            str(data),
            str(work / "list"),
            str(args.cprofile),
        ],
        capture_output=True,
        text=True,
    )
    if worker.returncode != 0:
        raise SystemExit(f"profile failed:\n{worker.stderr[-4000:]}")
    profiled = json.loads(worker.stdout)
    digests.add(digest(data / "articles"))
    if len(digests) != 1:
        raise SystemExit(f"ingest wrote different files in different runs: {sorted(digests)}")

    def median(tool: str, key: str) -> float:
        return round(statistics.median(r[tool][key] for r in rounds), 2)

    summary = {
        tool: {key: median(tool, key) for key in ("wall", "cpu", "max_rss_mb")}
        for tool in ("kwpld", "baseline", *(["old"] if args.baseline else []))
    }
    summary["kwpld"]["articles_per_s"] = round(args.articles / summary["kwpld"]["wall"], 1)
    summary["kwpld"]["articles_per_cpu_s"] = round(args.articles / summary["kwpld"]["cpu"], 1)
    return {
        "articles": args.articles,
        "characters": chars,
        "people": counts["people"],
        "texts": len(source_texts()),
        "rounds": rounds,
        "summary": summary,
        "ratio_wall": round(summary["kwpld"]["wall"] / summary["baseline"]["wall"], 1),
        "ratio_cpu": round(summary["kwpld"]["cpu"] / summary["baseline"]["cpu"], 1),
        "profile": profiled,
        "digest": digests.pop(),
        **(_versus_old(args.baseline, source, summary, old_digests) if source else {}),
        "machine": {
            "cpus": len(os.sched_getaffinity(0)),
            "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d %H:%M"),
            "commit": _git(),
        },
        "command": "python bench/ingest_speed.py " + " ".join(sys.argv[1:]),
    }


def _versus_old(
    revision: str, source: Path, summary: dict[str, dict[str, float]], old_digests: set[str]
) -> dict[str, Any]:
    """The new ingest against the old one (``--baseline``): CPU and time ratios, and whether
    the old one wrote the same files (only if the change was meant to keep the output)."""
    new, old = summary["kwpld"], summary["old"]
    return {
        "old": {
            "revision": revision,
            "commit": (source / ".kwpld-bench-commit").read_text(encoding="utf-8"),
            "ratio_cpu": round(new["cpu"] / old["cpu"], 3),
            "ratio_wall": round(new["wall"] / old["wall"], 3),
            "digest": sorted(old_digests)[0] if len(old_digests) == 1 else sorted(old_digests),
        }
    }


def _describe(revision: str) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", revision],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return revision


def markdown(result: dict[str, Any]) -> str:
    s = result["summary"]
    k, b = s["kwpld"], s["baseline"]
    loads = [r["load"] for r in result["rounds"]]
    met = "met" if k["wall"] <= TARGET_SECONDS else "not met"
    lines = [
        "| tool | time (median) | CPU (median) | articles/s | articles per CPU s | peak RSS "
        "| **time vs baseline** | **CPU vs baseline** |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| `kwpld ingest` (every file written, folder checked) | {k['wall']:.1f} s "
        f"| {k['cpu']:.1f} s | {k['articles_per_s']:.1f} | {k['articles_per_cpu_s']:.1f} "
        f"| {k['max_rss_mb']:.0f} MB | **{result['ratio_wall']}×** | **{result['ratio_cpu']}×** |",
        f"| baseline: a plain gazetteer (1-4 words looked up, JSON written) | {b['wall']:.1f} s "
        f"| {b['cpu']:.1f} s | {result['articles'] / b['wall']:.1f} "
        f"| {result['articles'] / b['cpu']:.1f} | {b['max_rss_mb']:.0f} MB | 1 | 1 |",
        "",
        f"- {result['articles']:,} articles ({result['characters'] / 1e6:.2f} M characters) "
        f"from {result['texts']} development texts, into the facts records and "
        f"{result['people']:,} synthetic people; target ≤ {TARGET_SECONDS:.0f} s: **{met}**.",
    ]
    if "old" in result:
        o, old = s["old"], result["old"]
        same = "the same files" if old["digest"] == result["digest"] else "**different files**"
        lines[3:3] = [
            f"| `kwpld ingest` at {old['commit']} (`--baseline {old['revision']}`) "
            f"| {o['wall']:.1f} s | {o['cpu']:.1f} s | {result['articles'] / o['wall']:.1f} "
            f"| {result['articles'] / o['cpu']:.1f} | {o['max_rss_mb']:.0f} MB "
            f"| {o['wall'] / b['wall']:.1f}× | {o['cpu'] / b['cpu']:.1f}× |"
        ]
        lines.append(
            f"- against `kwpld ingest` at {old['commit']} in the same run: CPU "
            f"**{old['ratio_cpu']:.2f}×**, time {old['ratio_wall']:.2f}× (new / old); "
            f"it wrote {same}."
        )
    profiled = result["profile"]
    stages = ", ".join(f"{name} {cpu:.1f} s" for name, cpu in profiled["stages"].items())
    passes = ", ".join(f"{name} {cpu:.1f} s" for name, cpu in list(profiled["passes"].items())[:10])
    lines += [
        f"- where the CPU goes (in process, {profiled['cpu']:.1f} s in all): {stages}",
        f"- the costliest passes: {passes}",
        f"- machine: {result['machine']['cpus']} cores shared with other sessions, Python "
        f"{result['machine']['python']}, 1-minute load average {min(loads)}–{max(loads)}; "
        f"{result['machine']['date']}, {result['machine']['commit']}; `{result['command']}`",
    ]
    return "\n".join(lines) + "\n"


def worker(args: list[str]) -> int:
    kind, data, listing, extra = args
    inputs = [Path(p) for p in Path(listing).read_text("utf-8").split("\n") if p]
    if kind == "baseline":
        gazetteer(Path(data), inputs, Path(extra))
    else:
        print(json.dumps(profile(Path(data), inputs, int(extra))))
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        return worker(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--people", type=int, default=3000, help="synthetic people")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--cprofile", type=int, default=0, help="print the N costliest functions (0: none)"
    )
    parser.add_argument(
        "--baseline",
        metavar="REVISION",
        help="also run the ingest of this git revision (e.g. main, HEAD~3), in the same rounds",
    )
    parser.add_argument("--out", default=str(RESULTS), help="results file")
    parser.add_argument("--no-markdown", action="store_true", help="leave bench/README.md alone")
    args = parser.parse_args()
    result = run(args)
    print(markdown(result))
    if "cprofile" in result["profile"]:
        print(result["profile"].pop("cprofile"))
    print(f"digest of the files ingest wrote: {result['digest']}")
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.no_markdown:
        write_readme_section("ingest-speed", markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
