"""Load a data folder of curated records, reporting every problem at once.

``load_records(path)`` reads ``kwpld.yaml`` (the dataset description), every ``*.yaml`` /
``*.yml`` record file, every ``*people.csv`` / ``*memberships.csv`` file and every
``KIND.jsonl`` file (JSON Lines, one record per line: the bulk format) below ``path``,
checks them against the JSON Schema, reads every date, and checks ids and references across
files. It returns :class:`~kwpld.model.Records`, or raises :class:`~kwpld.errors.LoadError`
whose report lists every problem with file, line, record id and field.

Files and folders whose names start with ``.`` or ``_``, and ``*.review.*`` files (review
queues written by ``kwpld link`` and ``kwpld ingest``), are not records and are skipped.
Linked folders are read like folders (a link back to a folder already read is a problem, so
no record is read twice and no loop is followed); a record file that cannot be read (a
dangling link, a pipe, no permission, a name that is not UTF-8) is a problem, never skipped
in silence. A folder with no records is a problem too when the caller requires records (a build,
a check): building it would replace a release with one that holds only the ontology.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, LoadError, Problem, ProblemReport
from ..model import KIND_KEYS, DatasetInfo, Record, Records, WikidataLink
from ..parallel import gc_paused
from ..progress import SILENT, Progress
from .checks import Entry, check_dates, check_duplicates, check_references, check_structure
from .convert import Converter, dataset_info
from .fast import NO_LINES, cross_checks_pass, read_fast
from .files import CSV_COLUMNS, LineDict, LineList, read_csv, read_jsonl, read_yaml
from .links import check_links
from .schema import check_dataset, check_record

__all__ = ["load_records", "record_files", "scan_folder", "still_loads", "DATASET_FILE"]

DATASET_FILE = "kwpld.yaml"
RECORD_SUFFIXES = (".yaml", ".yml", ".csv", ".jsonl")
_CSV_KINDS = {"people": "person", "memberships": "membership"}
_JSONL_KINDS = KIND_KEYS

FAST_PATH = True
"""Read files on the fast path first (see :mod:`.fast`). Off only to measure or test the
line-aware path alone (bench/load_speed.py, tests/test_load_fast.py)."""


def record_files(root: Path) -> list[Path]:
    """Record files below ``root``, in a stable order (what :func:`scan_folder` finds)."""
    return [path for path, _ in scan_folder(root, [])]


def _printable_name(name: str) -> str | None:
    """``name`` if it is UTF-8 (as every label in a report or release is), else None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return name


def scan_folder(root: Path, problems: list[Problem]) -> list[tuple[Path, str]]:
    """``(path, label)`` of every record file below ``root``, sorted by label.

    Follows linked folders once each; a record file that cannot be read, or whose name is not
    UTF-8, is reported in ``problems`` instead.
    """
    found: list[tuple[Path, str]] = []
    try:
        top = root.stat()
    except OSError:
        return found
    seen: dict[tuple[int, int], tuple[str, bool]] = {(top.st_dev, top.st_ino): ("", False)}
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            where = prefix.rstrip("/") or "."
            problems.append(Problem("unreadable", f"cannot read the folder: {exc.strerror}", where))
            continue
        for entry in entries:
            _scan_entry(entry, prefix, seen, stack, found, problems)
    return sorted(found, key=lambda item: item[1])


def _scan_entry(
    entry: os.DirEntry[str],
    prefix: str,
    seen: dict[tuple[int, int], tuple[str, bool]],
    stack: list[tuple[Path, str]],
    found: list[tuple[Path, str]],
    problems: list[Problem],
) -> None:
    """One entry of a folder :func:`scan_folder` reads: a record file is ``found``, a folder
    goes on the ``stack`` (a linked one once only, by device and inode in ``seen``), and what
    cannot be read is a problem."""
    name = entry.name
    if name.startswith((".", "_")):
        return
    label = prefix + name
    if label == DATASET_FILE:
        return  # read, and reported, as the dataset description
    recordish = name.lower().endswith(RECORD_SUFFIXES)
    if _printable_name(name) is None:
        shown = os.fsencode(label).decode("utf-8", "backslashreplace")
        problems.append(
            Problem(
                "file-name",
                "the name is not UTF-8 text, so kwpld cannot name it in reports and "
                "releases; rename it",
                shown,
            )
        )
        return
    path = Path(entry.path)
    try:
        info = entry.stat()  # follows a link
    except FileNotFoundError:
        if recordish:
            target = os.readlink(entry.path) if entry.is_symlink() else "?"
            problems.append(
                Problem(
                    "unreadable",
                    f"is a link to {target}, which does not exist; remove the link or "
                    "restore the file",
                    label,
                )
            )
        return
    except OSError as exc:
        if recordish:
            problems.append(Problem("unreadable", f"cannot read it: {exc.strerror}", label))
        return
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        linked = entry.is_symlink()
        if key in seen:
            # name the link, whichever of the two was met first
            other, other_linked = seen[key]
            link, target = (other, label) if other_linked and not linked else (label, other)
            problems.append(
                Problem(
                    "unreadable",
                    f"is a link to the folder {target or '(the data folder)'}, which "
                    "is read already; remove the link so no record is read twice",
                    link,
                )
            )
            return
        seen[key] = (label, linked)
        stack.append((path, label + "/"))
        return
    if not recordish or ".review." in name:
        return
    if not stat.S_ISREG(info.st_mode):
        problems.append(
            Problem(
                "unreadable",
                "is not a regular file (a pipe, socket or device); kwpld reads files",
                label,
            )
        )
        return
    found.append((path, label))


def _file_kind(path: Path, kinds: dict[str, str]) -> str | None:
    """The kind a CSV or JSON Lines file holds, from its name: people.csv, 2013.articles.jsonl."""
    stem = path.stem.lower()
    for word, kind in kinds.items():
        if stem == word or stem.endswith(("." + word, "-" + word, "_" + word)):
            return kind
    return None


def load_records(
    data_dir: str | Path, progress: Progress = SILENT, *, require_records: bool = False
) -> Records:
    """Read and check every record below ``data_dir``; raise LoadError listing all problems.

    With ``require_records``, a folder that holds no record is a problem too (``no-records``):
    ``kwpld build`` and ``kwpld check`` ask for it, as a build of such a folder would replace a
    release with one that holds only the ontology; readers that start from an empty folder
    (``kwpld ingest``, ``kwpld link``) do not.

    The cyclic garbage collector is paused meanwhile: loading makes millions of small objects
    and no reference cycles, and each collection would walk every record read so far.
    """
    with gc_paused():
        return _load_records(data_dir, progress, require_records)


def _load_records(data_dir: str | Path, progress: Progress, require_records: bool) -> Records:
    root = Path(data_dir)
    if not root.exists():
        raise InputError(f"{root}: no such data folder")
    if not root.is_dir():
        raise InputError(f"{root}: not a folder; give the folder that holds the record files")

    problems: list[Problem] = []
    info = dataset_info(_dataset(root, problems), root.resolve().name)

    files = scan_folder(root, problems)
    progress.stage("load", total=len(files))
    per_file: list[list[Entry]] = []
    read_fast_: list[list[Record | WikidataLink] | None] = []
    for path, label in files:
        progress.advance()
        fast = _read_fast(path, label)
        read_fast_.append(fast)
        file_entries: list[Entry] = []
        if fast is None:
            _read_file(path, label, file_entries, problems)
        per_file.append(file_entries)
    labels = [label for _, label in files]
    if any(found is not None for found in read_fast_):
        if not problems:
            records = _fast_records(info, labels, read_fast_, per_file, require_records)
            if records is not None:
                return records
        # something is wrong: read the files that were read without lines again, with them,
        # so that every problem is reported with its line, as the checks below report it
        for index, (path, label) in enumerate(files):
            if read_fast_[index] is not None:
                _read_file(path, label, per_file[index], problems)
    entries = [entry for file_entries in per_file for entry in file_entries]

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
    if require_records and not entries and not problems:
        problems.append(_no_records(root, [label for _, label in files]))

    if problems:
        raise LoadError(ProblemReport(problems), root)
    records = Records(info=info, files=labels)
    found = [entry.record for entry in entries]
    assert all(record is not None for record in found)
    records.add_new(found)  # type: ignore[arg-type]
    records.sort()
    return records


def still_loads(root: Path, loaded: Records, written: Sequence[Path]) -> bool:
    """True when the folder ``root``, loaded as ``loaded`` before the record files ``written``
    were (re)written, would load now: the files it holds are those ``loaded`` came from plus
    ``written``, each of ``written`` reads on the fast path (:mod:`.fast`), and the records
    they hold now, with the rest of ``loaded``, pass the checks across records.

    False says only "not sure": the caller loads the whole folder again, which reports any
    problem as it always did (this never reports one). A writer such as ``kwpld ingest`` then
    checks its thousand files without reading every other record of the folder again.
    """
    labels: dict[str, Path] = {}
    for path in written:
        try:
            labels[path.relative_to(root).as_posix()] = path
        except ValueError:
            return False
    problems: list[Problem] = []
    files = scan_folder(root, problems)
    found = {label for _, label in files}
    if problems or found != set(loaded.files) | (labels.keys() & found):
        return False
    fresh: list[Record | WikidataLink] = []
    for label in sorted(labels.keys() & found):
        records = _read_fast(labels[label], label)
        if records is None:  # e.g. a long text folded over lines: read it with lines
            entries: list[Entry] = []
            _read_file(labels[label], label, entries, problems)
            if problems or any(entry.record is None for entry in entries):
                return False
            records = [entry.record for entry in entries]  # type: ignore[misc]
        fresh.extend(records)
    kept = [r for r in [*loaded, *loaded.links] if r.origin.file not in labels]
    checked = Records(info=loaded.info, files=sorted(found))
    checked.add_new(kept)
    checked.add_new(fresh)
    rest = cross_checks_pass(checked, len(kept) + len(fresh))
    if rest is None:
        return False
    entries = [Entry(r.kind, NO_LINES, r.origin.file, r) for r in rest]
    by_id = checked.by_id
    return not (
        check_dates(entries) or check_structure(entries, by_id) or check_links(entries, by_id)
    )


def _read_fast(path: Path, label: str) -> list[Record | WikidataLink] | None:
    """The file's records read on the fast path (:mod:`.fast`), or None: read it with lines."""
    if not FAST_PATH:
        return None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        kind = _file_kind(path, _CSV_KINDS)
        return read_fast(path, label, kind) if kind is not None else None
    if suffix == ".jsonl":
        kind = _file_kind(path, _JSONL_KINDS)
        return read_fast(path, label, kind, jsonl=True) if kind is not None else None
    if suffix in (".yaml", ".yml"):
        return read_fast(path, label, None)
    return None


def _fast_records(
    info: DatasetInfo,
    labels: list[str],
    read_fast_: list[list[Record | WikidataLink] | None],
    per_file: list[list[Entry]],
    require_records: bool,
) -> Records | None:
    """The records of files read on the fast path (``read_fast_``, None for a file read with
    lines: its entries are in ``per_file``, without problems), when the checks across
    records would find nothing (see :mod:`.fast`); else None. Filled a file (and kind) at a
    time (:meth:`~kwpld.model.Records.add_new`), then checked on the typed records."""
    records = Records(info=info, files=list(labels))
    count = 0
    for fast, file_entries in zip(read_fast_, per_file, strict=True):
        found = fast if fast is not None else [entry.record for entry in file_entries]
        if any(record is None for record in found):
            return None
        records.add_new(found)  # type: ignore[arg-type]
        count += len(found)
    if require_records and not count:
        return None
    rest = cross_checks_pass(records, count)
    if rest is None:
        return None
    if rest:
        # the checks that remain read the records (their raw mappings only for lines)
        entries = [Entry(r.kind, NO_LINES, r.origin.file, r) for r in rest]
        by_id = records.by_id
        if check_dates(entries) or check_structure(entries, by_id) or check_links(entries, by_id):
            return None
    records.sort()
    return records


def _dataset(root: Path, problems: list[Problem]) -> LineDict | None:
    """The folder's ``kwpld.yaml``, when there is one and it is right (else its problems)."""
    dataset_path = root / DATASET_FILE
    if not os.path.lexists(dataset_path):
        return None
    data = read_yaml(dataset_path, DATASET_FILE, problems)
    if isinstance(data, LineDict):
        found = check_dataset(data, DATASET_FILE)
        problems.extend(found)
        return data if not found else None
    if data is not None:
        problems.append(
            Problem("wrong-type", "kwpld.yaml must be a mapping of fields", DATASET_FILE, 1)
        )
    return None


def _read_file(path: Path, label: str, entries: list[Entry], problems: list[Problem]) -> None:
    """The records of one file, by its format: JSON Lines and CSV name their kind in the file
    name; a YAML file holds lists under the kinds' keys."""
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
            return
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
            return
        rows = read_csv(path, label, kind, problems)
        _take(rows, kind, label, [], entries, problems)
    else:
        _read_yaml_file(path, label, entries, problems)


def _no_records(root: Path, files: list[str]) -> Problem:
    if files:
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        message = (
            f"the data folder holds no records: {shown} "
            f"{'is' if len(files) == 1 else 'are'} empty; a build would replace the release "
            "with one that holds only the ontology"
        )
    else:
        message = (
            "the data folder holds no record files (*.yaml, *.csv, *.jsonl; see docs/format.md); "
            "a build would replace the release with one that holds only the ontology"
        )
    return Problem("no-records", message, os.fsencode(root).decode("utf-8", "backslashreplace"))


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
