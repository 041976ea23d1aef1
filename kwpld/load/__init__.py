"""Load a data folder of curated records, reporting every problem at once.

``load_records(path)`` reads ``kwpld.yaml`` (the dataset description), every ``*.yaml`` /
``*.yml`` record file, every ``*people.csv`` / ``*memberships.csv`` file and every
``KIND.jsonl`` file (JSON Lines, one record per line: the bulk format) below ``path``,
checks them against the JSON Schema, reads every date, and checks ids and references across
files. It returns :class:`~kwpld.model.Records`, or raises :class:`~kwpld.errors.LoadError`
whose report lists every problem with file, line, record id and field.

Files and folders whose names start with ``.`` or ``_``, and ``*.review.*`` files (review
queues written by ``kwpld link`` and ``kwpld ingest``), are not records and are skipped.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, LoadError, Problem, ProblemReport
from ..model import KIND_KEYS, Records
from ..progress import SILENT, Progress
from .checks import Entry, check_dates, check_duplicates, check_references, check_structure
from .convert import Converter, dataset_info
from .files import CSV_COLUMNS, LineDict, LineList, read_csv, read_jsonl, read_yaml
from .links import check_links
from .schema import check_dataset, check_record

__all__ = ["load_records", "record_files", "DATASET_FILE"]

DATASET_FILE = "kwpld.yaml"
_CSV_KINDS = {"people": "person", "memberships": "membership"}
_JSONL_KINDS = KIND_KEYS


def record_files(root: Path) -> list[Path]:
    """Record files below ``root``, in a stable order."""
    files = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue
        if not path.is_file() or ".review." in path.name or relative.as_posix() == DATASET_FILE:
            continue
        if path.suffix.lower() in (".yaml", ".yml", ".csv", ".jsonl"):
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def _file_kind(path: Path, kinds: dict[str, str]) -> str | None:
    """The kind a CSV or JSON Lines file holds, from its name: people.csv, 2013.articles.jsonl."""
    stem = path.stem.lower()
    for word, kind in kinds.items():
        if stem == word or stem.endswith(("." + word, "-" + word, "_" + word)):
            return kind
    return None


def load_records(data_dir: str | Path, progress: Progress = SILENT) -> Records:
    """Read and check every record below ``data_dir``; raise LoadError listing all problems."""
    root = Path(data_dir)
    if not root.exists():
        raise InputError(f"{root}: no such data folder")
    if not root.is_dir():
        raise InputError(f"{root}: not a folder; give the folder that holds the record files")

    problems: list[Problem] = []
    info_raw = None
    dataset_path = root / DATASET_FILE
    if dataset_path.exists():
        data = read_yaml(dataset_path, DATASET_FILE, problems)
        if isinstance(data, LineDict):
            found = check_dataset(data, DATASET_FILE)
            problems.extend(found)
            info_raw = data if not found else None
        elif data is not None:
            problems.append(
                Problem("wrong-type", "kwpld.yaml must be a mapping of fields", DATASET_FILE, 1)
            )
    records = Records(info=dataset_info(info_raw, root.resolve().name))

    entries: list[Entry] = []
    files = record_files(root)
    progress.stage("load", total=len(files))
    for path in files:
        progress.advance()
        label = path.relative_to(root).as_posix()
        records.files.append(label)
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            kind = _file_kind(path, _JSONL_KINDS)
            if kind is None:
                problems.append(
                    Problem(
                        "unknown-kind",
                        "cannot tell which kind of record this JSON Lines file holds: name it "
                        f"KIND.jsonl or NAME.KIND.jsonl, KIND one of {', '.join(_JSONL_KINDS)}",
                        label,
                    )
                )
                continue
            _take(read_jsonl(path, label, kind, problems), kind, label, [], entries, problems)
        elif suffix == ".csv":
            kind = _file_kind(path, _CSV_KINDS)
            if kind is None:
                problems.append(
                    Problem(
                        "unknown-kind",
                        "cannot tell which kind of record this CSV file holds: name it "
                        "people.csv or memberships.csv (or NAME.people.csv, NAME.memberships.csv); "
                        f"CSV columns are listed in docs/format.md ({', '.join(CSV_COLUMNS)})",
                        label,
                    )
                )
                continue
            rows = read_csv(path, label, kind, problems)
            _take(rows, kind, label, [], entries, problems)
        else:
            _read_yaml_file(path, label, entries, problems)

    kinds_by_id: dict[str, str] = {}
    for entry in entries:
        record_id = entry.raw.get("id")
        if isinstance(record_id, str):
            kinds_by_id.setdefault(record_id, entry.kind)
    by_id = {e.record.id: e.record for e in entries if e.record is not None}
    problems.extend(check_duplicates(entries))
    problems.extend(check_references(entries, kinds_by_id))
    problems.extend(check_dates(entries))
    problems.extend(check_structure(entries, by_id))
    problems.extend(check_links(entries, by_id))

    if problems:
        raise LoadError(ProblemReport(problems), root)
    seen: set[str] = set()
    for entry in entries:
        assert entry.record is not None
        if entry.record.id not in seen:
            seen.add(entry.record.id)
            records.add(entry.record)
    records.sort()
    return records


def _read_yaml_file(path: Path, label: str, entries: list[Entry], problems: list[Problem]) -> None:
    data = read_yaml(path, label, problems)
    if data is None:
        return  # empty file, or a syntax problem already reported
    if not isinstance(data, LineDict):
        problems.append(
            Problem(
                "wrong-type",
                "a record file must be a mapping whose keys name kinds of record "
                f"({', '.join(KIND_KEYS)})",
                label,
                getattr(data, "line", 1),
            )
        )
        return
    version = data.get("kwpld", 1)
    if version != 1:
        problems.append(
            Problem(
                "format-version",
                f"this file declares format version {version!r}; this kwpld reads version 1",
                label,
                data.key_lines.get("kwpld"),
                field="kwpld",
            )
        )
        return
    for key, value in data.items():
        if key == "kwpld":
            continue
        kind = KIND_KEYS.get(key)
        line = data.key_lines.get(key)
        if kind is None:
            close = difflib.get_close_matches(key, list(KIND_KEYS), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(
                Problem(
                    "unknown-kind",
                    f"'{key}' is not a kind of record{hint}; the kinds are {', '.join(KIND_KEYS)}",
                    label,
                    line,
                    field=key,
                )
            )
            continue
        if not isinstance(value, LineList):
            if value is None:
                continue
            problems.append(
                Problem("wrong-type", f"'{key}' must be a list of records", label, line, field=key)
            )
            continue
        _take(list(value), kind, label, [key], entries, problems, value)


def _take(
    raws: Sequence[object],
    kind: str,
    label: str,
    base: list[object],
    entries: list[Entry],
    problems: list[Problem],
    container: LineList | None = None,
) -> None:
    converter = Converter(label, problems)
    for index, raw in enumerate(raws):
        if not isinstance(raw, LineDict):
            line = container.item_lines[index] if container is not None else None
            problems.append(
                Problem(
                    "wrong-type",
                    f"each {kind} must be a mapping of fields (id: ..., names: ...)",
                    label,
                    line,
                    kind=kind,
                )
            )
            continue
        found = check_record(raw, kind, label, [*base, index])
        problems.extend(found)
        if found:
            converter.check_dates(kind, raw)
        record = None if found else converter.build(kind, raw)
        entries.append(Entry(kind, raw, label, record))
