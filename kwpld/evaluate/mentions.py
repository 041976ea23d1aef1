"""Measure ingest against hand-labelled texts: precision and recall of mentions and dates.

A fixture is a text (``NAME.txt``, ``.md`` or ``.html``) with gold annotations in
``NAME.gold.yaml``::

    options: {date: 2016-05-10, type: news}     # what a curator would pass to kwpld ingest
    mentions:                                   # in text order
      - {text: Kim Jong Un, entity: kim-jong-un}            # a record of the fixture folder
      - {text: Ri Yong Ho, entity: [ri-yong-ho-fm, ri-yong-ho-kpa]}  # the text cannot tell
      - {text: Kim Yo Jong, new: Kim Yo Jong}               # no record: a draft with this name
    dates:
      - {text: 9 May 2016 (Tuesday), date: 2016-05-09, problem: calendar-mismatch}

Each gold ``text`` is found at its next occurrence after the previous gold item, so spans are
exact without counting offsets by hand. A predicted mention is right when its span is the
gold span and it names the gold entity (a record id; the same set of candidates for an
ambiguous one; for a new entity, a draft one of whose names has the gold name's match key).
A predicted date is right when its span and normalized date agree and it flags exactly the
problem the gold gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..dates import DateMention
from ..errors import InputError
from ..ingest import Drafted, IngestOptions, Known, Mention, Reading, article_meta, read_one
from ..names import match_key
from ..sources import MEDIA_TYPES, read_source

__all__ = ["Score", "FixtureScore", "evaluate_fixture", "evaluate_folder", "fixtures"]

_SCORED = ("person", "organ", "post", "event", "article")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class FixtureScore:
    name: str
    mentions: Score
    spans: Score
    """mentions judged by span alone (is the right text marked, whatever entity)"""
    dates: Score
    errors: list[str] = field(default_factory=list)


def fixtures(folder: Path) -> list[tuple[Path, Path]]:
    """(text, gold) pairs of a fixture folder, in name order."""
    out = []
    for gold in sorted(folder.glob("*.gold.yaml")):
        stem = gold.name[: -len(".gold.yaml")]
        texts = [p for p in folder.glob(stem + ".*") if p.suffix.lower() in MEDIA_TYPES]
        if len(texts) != 1:
            raise InputError(f"{gold}: expected one text file named {stem}.txt/.md/.html")
        out.append((texts[0], gold))
    return out


def _locate(
    text: str, items: list[dict[str, Any]], label: str, start: int = 0
) -> list[tuple[int, int, dict[str, Any]]]:
    out = []
    cursor = start
    for item in items:
        needle = str(item["text"])
        at = text.find(needle, cursor)
        if at < 0:
            raise InputError(f"{label}: gold text {needle!r} not found after offset {cursor}")
        out.append((at, at + len(needle), item))
        cursor = at + 1
    return out


def evaluate_fixture(text_path: Path, gold_path: Path, known: Known) -> FixtureScore:
    """Read one fixture's text as ``kwpld ingest`` would and score its mentions and dates."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    options = gold.get("options") or {}
    source = read_source(text_path)
    meta = article_meta(
        text_path.name,
        source,
        IngestOptions(
            date=str(options["date"]) if options.get("date") else None,
            article_type=options.get("type"),
        ),
    )
    reading, drafted = read_one(source, known, meta)
    result = FixtureScore(text_path.name, Score(), Score(), Score())
    body = source.blocks[0].start if source.blocks else 0  # after any front matter
    gold_mentions = _locate(source.text, gold.get("mentions") or [], gold_path.name, body)
    _score_mentions(result, source.text, gold_mentions, _Labels(reading, drafted))
    gold_dates = _locate(source.text, gold.get("dates") or [], gold_path.name, body)
    _score_dates(result, gold_dates, reading.dates)
    return result


class _Labels:
    """What a predicted mention names, in the gold's terms: a record id, ``("new", match keys
    of the draft's names)`` or ``("ambiguous", ids)``."""

    def __init__(self, reading: Reading, drafted: Drafted) -> None:
        self.reading = reading
        self.drafted = drafted
        self.names: dict[str, set[str]] = {}
        for draft in drafted.drafts:
            keys = {
                match_key(n["text"]) for n in draft.record.get("names", []) if isinstance(n, dict)
            }
            if draft.record.get("title"):
                keys.add(match_key(draft.record["title"]))
            self.names[draft.id] = keys

    def of(self, mention: Mention) -> Any:
        registry = self.reading.registry
        if mention.entity:
            key = registry.resolve(mention.entity)
            entity = registry.get(key)
            if entity.known:
                return entity.known
            return ("new", frozenset(self.names.get(self.drafted.ids.get(key, ""), set())))
        ids = set()
        for candidate in mention.candidates:
            entity = registry.get(candidate)
            ids.add(entity.known or candidate)
        return ("ambiguous", frozenset(ids))


def _shown(pred: Any) -> str:
    """A prediction as the errors print it: a set's members sorted, so that the same reading
    prints the same line in every run (a frozenset's order follows string hashing)."""
    if isinstance(pred, tuple) and len(pred) == 2 and isinstance(pred[1], frozenset):
        return f"({pred[0]!r}, {sorted(pred[1])!r})"
    return repr(pred) if not isinstance(pred, str) else pred


def _agrees(pred: Any, item: dict[str, Any]) -> bool:
    if "new" in item:
        return (
            isinstance(pred, tuple) and pred[0] == "new" and match_key(str(item["new"])) in pred[1]
        )
    entity = item.get("entity")
    if isinstance(entity, list):
        return isinstance(pred, tuple) and pred[0] == "ambiguous" and pred[1] == frozenset(entity)
    return bool(pred == entity)


def _score_mentions(
    result: FixtureScore,
    text: str,
    gold_mentions: list[tuple[int, int, dict[str, Any]]],
    labels: _Labels,
) -> None:
    predicted = [
        m for m in labels.reading.mentions if m.kind in _SCORED and (m.entity or m.candidates)
    ]
    by_span = {(m.start, m.end): m for m in predicted}
    gold_spans = {(s, e): item for s, e, item in gold_mentions}
    for (start, end), item in gold_spans.items():
        mention = by_span.get((start, end))
        if mention is None:
            result.mentions.fn += 1
            result.spans.fn += 1
            result.errors.append(f"missed {text[start:end]!r} at {start}")
            continue
        result.spans.tp += 1
        if _agrees(labels.of(mention), item):
            result.mentions.tp += 1
        else:
            result.mentions.fn += 1
            result.mentions.fp += 1
            result.errors.append(
                f"wrong entity for {text[start:end]!r} at {start}: {_shown(labels.of(mention))}"
            )
    for (start, end), mention in by_span.items():
        if (start, end) not in gold_spans:
            result.mentions.fp += 1
            result.spans.fp += 1
            result.errors.append(f"extra {text[start:end]!r} at {start} ({mention.kind})")


def _score_dates(
    result: FixtureScore,
    located: list[tuple[int, int, dict[str, Any]]],
    dates: list[DateMention],
) -> None:
    gold_dates = {(s, e): item for s, e, item in located}
    predicted_dates = {(d.start, d.end): d for d in dates}
    for span, item in gold_dates.items():
        date = predicted_dates.get(span)
        expected = str(item["date"]) if item.get("date") is not None else None
        codes = {code for code, _ in date.problems} if date else set()
        wanted = {item["problem"]} if item.get("problem") else set()
        if (
            date is not None
            and (date.date.iso if date.date else None) == expected
            and codes == wanted
        ):
            result.dates.tp += 1
        else:
            result.dates.fn += 1
            got = (
                (date.date.iso if date and date.date else None, sorted(codes))
                if date
                else "nothing"
            )
            result.errors.append(
                f"date {item['text']!r}: expected {expected} {sorted(wanted)}, got {got}"
            )
            if date is not None:
                result.dates.fp += 1
    for span, date in predicted_dates.items():
        if span not in gold_dates:
            result.dates.fp += 1
            result.errors.append(f"extra date {date.text!r} at {span[0]}")


def evaluate_folder(folder: Path, records: Path | None = None) -> list[FixtureScore]:
    """Score every fixture of ``folder`` against the records in ``records`` (default:
    ``folder/records``)."""
    from ..load import load_records

    records_dir = records or folder / "records"
    known = Known.build(load_records(records_dir) if records_dir.exists() else None)
    return [evaluate_fixture(text, gold, known) for text, gold in fixtures(folder)]
