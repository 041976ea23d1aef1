"""What the tests of drafted facts share: the labelled set's data folder, and the attendance a
read drafted, by event."""

from __future__ import annotations

from pathlib import Path

from kwpld.ingest.drafts import Drafted

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def attended(drafted: Drafted) -> dict[str, dict[str, str]]:
    """event id -> {person: role} of the participations drafted."""
    out: dict[str, dict[str, str]] = {}
    for d in drafted.drafts:
        if d.kind == "participation":
            out.setdefault(d.record["event"], {})[d.record["ref"]] = d.record.get("role", "")
    return out
