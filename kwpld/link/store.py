"""Write accepted and rejected links to ``wikidata-links.yaml`` without losing any.

The file is record data like the rest of the folder (the loader reads it as the ``link`` kind,
see :class:`kwpld.model.WikidataLink`). kwpld rewrites it whole, sorted by record and item, so
the same decisions give the same bytes; it is replaced atomically, so a crash leaves the old
file or the new one, never half of one. Links written in other files are left where they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..atomic import write_atomic
from ..model import WikidataLink

__all__ = ["LINKS_FILE", "write_links", "merge_links", "atomic_write"]

LINKS_FILE = "wikidata-links.yaml"

_HEADER = """\
# Wikidata links of these records, kept by `kwpld link` (see docs/linking.md).
# decision: accepted (the record is this item, exported as owl:sameAs) or rejected (it is not;
# kwpld link stops proposing it). by, date, method and score say who decided, when and how.
# You may edit this file by hand (method: manual); kwpld rewrites it sorted, without comments.
"""


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step (see :func:`kwpld.atomic.write_atomic`)."""
    write_atomic(path, text)


def _text(value: str) -> str:
    """A YAML scalar that reads back as the same string (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def render_links(links: Iterable[WikidataLink]) -> str:
    lines = [_HEADER, "kwpld: 1", "wikidata_links:"]
    ordered = sorted(links, key=lambda k: (k.entity, k.decision, int(k.qid[1:])))
    if not ordered:
        lines[-1] = "wikidata_links: []"
    for link in ordered:
        lines.append(f"  - entity: {link.entity}")
        lines.append(f"    qid: {link.qid}")
        lines.append(f"    decision: {link.decision}")
        lines.append(f"    method: {link.method}")
        if link.score is not None:
            lines.append(f"    score: {link.score:.3f}")
        lines.append(f"    by: {_text(link.by)}")
        lines.append(f"    date: {link.date.iso}")
        if link.label:
            lines.append(f"    label: {_text(link.label)}")
        if link.note:
            lines.append(f"    note: {_text(link.note)}")
    return "\n".join(lines) + "\n"


def merge_links(
    existing: Iterable[WikidataLink], new: Iterable[WikidataLink]
) -> list[WikidataLink]:
    """``existing`` plus those ``new`` decisions not recorded yet (same record, item, decision)."""
    merged = list(existing)
    seen = {(k.entity, k.qid, k.decision) for k in merged}
    for link in new:
        key = (link.entity, link.qid, link.decision)
        if key not in seen:
            seen.add(key)
            merged.append(link)
    return merged


def write_links(
    data_dir: Path, all_links: Iterable[WikidataLink], new: Iterable[WikidataLink]
) -> Path:
    """Add ``new`` to the links kept in ``data_dir/wikidata-links.yaml``; return its path."""
    path = data_dir / LINKS_FILE
    all_links = list(all_links)
    kept = [k for k in all_links if k.origin.file == LINKS_FILE]
    elsewhere = {(k.entity, k.qid, k.decision) for k in all_links if k.origin.file != LINKS_FILE}
    additions = [k for k in new if (k.entity, k.qid, k.decision) not in elsewhere]
    atomic_write(path, render_links(merge_links(kept, additions)))
    return path
