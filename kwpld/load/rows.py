"""Digests of CSV records by their source rows, for the build cache's per-record reuse.

An incremental build maps again, of an edited record file, only the records whose loaded
content changed; it tells them by a digest per record (:func:`kwpld.mapping.record_digest`,
the record's ``repr``: about 9 microseconds a record, most of an edited file's cost). A
record of a *regular* CSV file is made from its own row and the header alone (with what
every record shares: kwpld's code and data, ``kwpld.yaml``, which the cache's context
covers), so the row's text says as much as the ``repr`` for a tenth of the cost. Regular is
what the loader's column path reads (:func:`kwpld.load.fast._read_csv_columns`): no quotes,
no carriage returns, no blank rows, every row as wide as the header, so a line is a row and
a record's origin line is its row. Anything else (YAML, whose aliases make a record from
other entries' lines; a CSV that is not regular; a record not on the line its origin names)
gets no digests here, and the caller digests the records as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..errors import Problem
from ..model import Record
from .files import read_text

__all__ = ["csv_row_digests"]


def csv_row_digests(data_dir: Path, file: str, records: Sequence[Record]) -> list[bytes] | None:
    """One digest per record of ``records`` (all of the CSV file ``file``, relative to
    ``data_dir``), in their order, each of the record's kind, the header and its row; None
    when the file is not regular or a record is not on the row its origin names."""
    if not file.endswith(".csv") or not records:
        return None
    scratch: list[Problem] = []
    text = read_text(data_dir / file, file, scratch)
    if text is None or scratch or '"' in text or "\r" in text:
        return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if len(lines) != len(records) + 1:
        return None
    header = lines[0]
    columns = [column.strip() for column in header.split(",")]
    if "id" not in columns or len(set(map(str.count, lines, [","] * len(lines)))) != 1:
        return None
    at = columns.index("id")
    found = []
    head = header.encode("utf-8")
    for record in records:
        number = record.origin.line
        if not 2 <= number <= len(lines) or record.origin.file != file:
            return None
        row = lines[number - 1]
        if row.split(",")[at].strip() != record.id:
            return None
        digest = hashlib.blake2b(digest_size=16, person=b"kwpld-csv-row")
        digest.update(type(record).__qualname__.encode("ascii") + b"\0" + head + b"\n")
        digest.update(row.encode("utf-8"))
        found.append(digest.digest())
    return found
