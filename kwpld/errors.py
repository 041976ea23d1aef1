"""Problems as data: every error a curator can meet, with where it is and what it means.

A :class:`Problem` has a stable ``code`` (documented in :data:`PROBLEM_CODES`), a plain-language
``message`` and its location (file, line, record id, field). A :class:`ProblemReport`
collects them, so one run reports every problem, and renders them for people (text) and for
machines (JSON with the same facts).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = [
    "PROBLEM_CODES",
    "Problem",
    "ProblemReport",
    "KwpldError",
    "InputError",
    "LoadError",
    "OutputError",
]

PROBLEM_CODES: dict[str, str] = {
    "syntax": "The file is not valid YAML, CSV or JSON Lines.",
    "unreadable": "A file or folder that cannot be read: no permission, a folder where a file "
    "belongs, a link to nothing, a pipe, or a linked folder that is read already.",
    "encoding": "The file is not UTF-8 text (the first bad byte and its line are named, with a "
    "hint when it looks like CP949/EUC-KR or UTF-16), or it holds a NUL byte.",
    "file-name": "A file name that is not UTF-8 text, which kwpld cannot name in its reports.",
    "no-records": "The data folder holds no records: building it would replace a release with "
    "one that holds only the ontology.",
    "yaml-alias": "YAML aliases that expand past the limit (an alias bomb) or form a loop.",
    "unknown-kind": "A file or top-level key names no kind of record that kwpld knows.",
    "format-version": "The file declares a format version this kwpld does not read.",
    "duplicate-field": "A field written twice in one record or CSV header (YAML keeps the last).",
    "unknown-field": "A field name that the record format does not have, often a typo.",
    "missing-field": "A required field is absent.",
    "empty-value": "A required field is present but empty.",
    "wrong-type": "A value of the wrong type, such as a list where text is expected.",
    "invalid-value": "A value outside what the field allows (pattern, controlled vocabulary).",
    "invalid-id": "A record id that is not a stable, IRI-safe identifier.",
    "invalid-iri": "An address that is not an absolute http(s) IRI (RFC 3987): a space, a "
    "control character or another character IRIs do not allow (such as <, ^ or a backtick), a "
    "bad percent-encoding (%zz), no host; or a base IRI that does not end in / or #.",
    "invalid-language-tag": "A language tag that is not well-formed BCP 47 (RFC 5646).",
    "invalid-text": "Text with a bidirectional override or isolate control (U+202A-U+202E, "
    "U+2066-U+2069), a control character or a noncharacter.",
    "duplicate-id": "Two records share one id; ids are unique across all kinds.",
    "unknown-reference": "A field refers to an id that no record has.",
    "wrong-reference": "A field refers to a record of the wrong kind.",
    "invalid-date": "A date that cannot be read.",
    "impossible-date": "A date that does not exist, or dates in an impossible order.",
    "calendar-mismatch": "A Juche year or weekday contradicting the Gregorian date beside it.",
    "duplicate-link": "A Wikidata decision written twice for the same record and item.",
    "link-conflict": "Wikidata links that contradict each other or the record's wikidata field.",
    "wikidata-mismatch": "A record's Wikidata item disagrees with it (name, type, dates, country).",
    "wikidata-missing": "A record's Wikidata item has no data on the endpoint (deleted, a typo).",
    "wikidata-redirect": "A record's Wikidata item was merged into another item; use the new QID.",
    "review-invalid": "A row of the review file that cannot be applied (decision, record, QID).",
}


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def _visible(text: str) -> str:
    """``text`` with control and invisible characters escaped, so one problem is one line."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in the input, located as precisely as it can be."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    record_id: str | None = None
    kind: str | None = None
    field: str | None = None
    severity: str = "error"

    @property
    def location(self) -> str:
        if self.file is None:
            return "(input)"
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        parts = [self.location]
        if self.record_id:
            parts.append(f"({self.kind or 'record'} {self.record_id})")
        head = " ".join(parts)
        where = f" {self.field}:" if self.field else ""
        return _visible(f"{head}{where} {self.message} [{self.code}]")

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.file or "", self.line or 0, self.record_id or "", self.field or "", self.code)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class ProblemReport:
    """Problems found in one run, in file and line order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(set(self.problems), key=Problem.sort_key))

    def __len__(self) -> int:
        return len(set(self.problems))

    def __bool__(self) -> bool:
        return bool(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]

    def render_text(self) -> str:
        lines = [str(p) for p in self]
        count = len(lines)
        files = len({p.file for p in self})
        lines.append(
            f"{count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        )
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {"problems": [p.to_dict() for p in self], "count": len(self)}
        return json.dumps(data, ensure_ascii=False, indent=2)


class KwpldError(Exception):
    """An error the user can fix; the CLI prints it without a traceback."""

    exit_code = 2

    def render(self) -> str:
        return f"kwpld: {self}"


class InputError(KwpldError):
    """Bad input that is not about records: a missing folder, an unreadable option value."""


class OutputError(KwpldError):
    """Writing the output failed for a reason outside kwpld (a full disk, a file size limit);
    what was published before is intact. Exit code 1: the input was fine."""

    exit_code = 1


class LoadError(KwpldError):
    """The records could not be loaded; ``report`` holds every problem found."""

    def __init__(self, report: ProblemReport, root: Path | None = None) -> None:
        self.report = report
        self.root = root
        super().__init__(f"{len(report)} problem(s) in the input records")

    def render(self) -> str:
        return self.report.render_text() + "\nkwpld: nothing was written."
