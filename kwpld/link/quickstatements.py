"""QuickStatements for facts kwpld holds that Wikidata lacks, each with its source.

From the same facts as the Wikidata-style graph (:mod:`kwpld.wikidata.facts`), keep those the
endpoint does not have yet (for the items' current statements, labels and aliases) and write
them in QuickStatements' v1 format (tab-separated commands), each statement with a reference
to the source that states it: ``S248`` (stated in) when the source has a Wikidata item, and
``S854`` (reference URL) when it has a URL. Nothing is written that cannot be referenced, that
points at a record without a Wikidata item, or that an analyst only projected.

A source is cited only for a value the record says it states: a name's own ``sources``, a
field's ``stated_in``, a claim's ``sources`` (:mod:`kwpld.wikidata.facts`). Derived values
(a name's ``derived_from``, a field in ``derived``: transliterations, dates read from a weekday,
inferences) are not exported at all, neither as statements nor as labels, and a derived
qualifier is left off its statement: Wikidata asks for statements supported by a source, and a
value no source prints would be either unsourced or, worse, cited to a source that does not
say it (docs/linking.md, "QuickStatements").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import PartialDate, Precision
from ..model import Article, Records
from ..wikidata.facts import Fact, Label, Value, wikidata_view
from .client import ClientSettings, SparqlClient
from .evidence import Evidence, ItemFacts, WikiDate, fetch_items

__all__ = ["QuickStatementsExport", "export_quickstatements", "quickstatements", "qs_value"]

_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}
SKIP_REASONS = {
    "present": "already on Wikidata",
    "no-item": "the value is a record without a Wikidata item",
    "no-source": "no source with a Wikidata item or a URL to cite",
    "projected": "an analyst's projection, not a stated fact",
    "unwritable": "text QuickStatements cannot carry (a double quote, tab or line break)",
    "derived": "derived values no source prints (transliterations, dates from a weekday, ...)",
}


@dataclass
class QuickStatementsExport:
    lines: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    statements: int = 0
    labels: int = 0

    @property
    def text(self) -> str:
        return "".join(f"{line}\n" for line in self.lines)


def _quote(text: str) -> str | None:
    if any(c in text for c in '"\t\n\r'):
        return None
    return f'"{text}"'


def qs_time(date: PartialDate) -> str:
    """``+1984-01-08T00:00:00Z/11``; unknown month and day are written 00 (year precision 9)."""
    stamp = f"+{date.year:04d}-{date.month or 0:02d}-{date.day or 0:02d}T00:00:00Z"
    return f"{stamp}/{_PRECISION[date.precision]}"


def qs_value(value: Value) -> str | None:
    """A value in QuickStatements syntax, or None when it cannot be written."""
    if value.kind == "item":
        return value.qid
    if value.kind == "time" and value.date is not None:
        return qs_time(value.date)
    if value.kind == "monolingual":
        quoted = _quote(value.text)
        return f"{value.lang or 'en'}:{quoted}" if quoted else None
    return _quote(value.text)


def _has_time(dates: list[WikiDate], date: PartialDate) -> bool:
    for known in dates:
        if known.date.year != date.year:
            continue
        common = min(_PRECISION[date.precision], known.precision)
        if common >= 10 and known.date.month != date.month:
            continue
        if common >= 11 and known.date.day != date.day:
            continue
        return True
    return False


def _present(fact: Fact, facts: ItemFacts) -> bool:
    value = fact.value
    if value.kind == "item":
        return value.qid in facts.item_values(fact.prop)
    if value.kind == "time" and value.date is not None:
        return _has_time(facts.dates.get(fact.prop, []), value.date)
    return any(c.value == value.text for c in facts.values(fact.prop))


def _references(records: Records, sources: tuple[str, ...], subject: str) -> list[str]:
    """One QuickStatements reference group per source that can be cited.

    A publication is no reference for its own title or date: it is cited by its URL only.
    """
    groups = []
    for source in sources:
        parts = []
        qid = records.accepted_qid(source)
        if qid and qid != subject:
            parts += ["S248", qid]
        article = records.get(source)
        url = article.url if isinstance(article, Article) else None
        quoted = _quote(url) if url else None
        if quoted:
            parts += ["S854", quoted]
        if parts:
            groups.append("\t".join(parts))
    return groups


def _label_lines(label: Label, facts: ItemFacts, out: QuickStatementsExport) -> None:
    if label.derived:  # a spelling no source prints is no name to give an item
        out.skipped["derived"] += 1
        return
    names = facts.labels.get(label.lang, set()) | facts.aliases.get(label.lang, set())
    if label.text in names:
        out.skipped["present"] += 1
        return
    quoted = _quote(label.text)
    if quoted is None:
        out.skipped["unwritable"] += 1
        return
    command = "A" if label.alias or facts.labels.get(label.lang) else "L"
    out.lines.append(f"{label.qid}\t{command}{label.lang}\t{quoted}")
    out.labels += 1


def quickstatements(records: Records, client: SparqlClient) -> QuickStatementsExport:
    """Commands for what the linked records say and the endpoint lacks (asks the endpoint)."""
    view = wikidata_view(records)
    evidence = Evidence()
    qids = sorted(
        {f.qid for f in view.facts} | {k.qid for k in view.labels}, key=lambda q: int(q[1:])
    )
    fetch_items(client, evidence, qids)
    out = QuickStatementsExport()
    for label in view.labels:
        _label_lines(label, evidence[label.qid], out)
    for fact in view.facts:
        if not fact.quickstatements:
            continue
        if fact.derived:
            out.skipped["derived"] += 1
            continue
        if not fact.truthy:
            out.skipped["projected"] += 1
            continue
        value = qs_value(fact.value)
        if fact.value.kind == "item" and value is None:
            out.skipped["no-item"] += 1
            continue
        if value is None:
            out.skipped["unwritable"] += 1
            continue
        if _present(fact, evidence[fact.qid]):
            out.skipped["present"] += 1
            continue
        qualifiers = []
        for prop, qualifier in fact.qualifiers:
            if prop in fact.derived_qualifiers:
                continue  # the source states the statement, not this derived date
            written = qs_value(qualifier)
            if written is not None:
                qualifiers += [prop, written]
        references = _references(records, fact.sources, fact.qid)
        if not references:
            out.skipped["no-source"] += 1
            continue
        statement = "\t".join([fact.qid, fact.prop, value, *qualifiers])
        for reference in references:  # QuickStatements merges repeats into one statement
            out.lines.append(f"{statement}\t{reference}")
        out.statements += 1
    out.lines = sorted(set(out.lines), key=lambda line: (int(line.split("\t", 1)[0][1:]), line))
    return out


def export_quickstatements(
    data_dir: str | Path, settings: ClientSettings, out: str | Path | None = None
) -> QuickStatementsExport:
    """``kwpld export quickstatements``: load the data folder, ask the endpoint what its items
    already say, and write the commands for the rest to ``out`` (whole or not at all) when
    given. The export is returned either way, for its text and its counts."""
    from ..errors import InputError
    from ..load import load_records
    from .store import atomic_write

    records = load_records(data_dir)
    export = quickstatements(records, SparqlClient(settings))
    if out is not None:
        try:
            atomic_write(Path(out), export.text)
        except OSError as exc:
            raise InputError(
                f"{out}: cannot write the QuickStatements: {exc.strerror or exc}"
            ) from None
    return export
