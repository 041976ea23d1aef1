"""Ingest articles: from raw text to records, mentions and evidence (see docs/ingest.md).

::

    from kwpld.ingest import IngestOptions, accept, ingest, list_drafts

    ingest(["article.txt"], "data", options=IngestOptions(article_type="analysis"))
    for draft in list_drafts("data"):
        print(draft.id, draft.kind, draft.label, draft.evidence[:1])
    accept("data", ["kim-jong-su"], with_dependencies=True)

Reading without writing anything: :func:`read_text` gives the mentions, dates, quotations and
drafted records of one text against a data folder's records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dates import parse_date
from .drafts import Draft, Drafted
from .entities import Mention
from .evaluate import Score, evaluate_folder
from .index import NameIndex
from .known import Known
from .pipeline import IngestedArticle, IngestOptions, IngestResult, ingest, read_one
from .read import Reading
from .review import AcceptResult, DraftItem, accept, list_drafts, reject
from .source import Source, read_source, read_text_source
from .state import QuoteFound

__all__ = [
    "AcceptResult",
    "Draft",
    "DraftItem",
    "Drafted",
    "IngestOptions",
    "IngestResult",
    "IngestedArticle",
    "Known",
    "Mention",
    "NameIndex",
    "QuoteFound",
    "Reading",
    "Score",
    "Source",
    "accept",
    "evaluate_folder",
    "ingest",
    "list_drafts",
    "read_one",
    "read_source",
    "read_text",
    "read_text_source",
    "reject",
]


def read_text(
    text: str,
    data_dir: str | Path | None = None,
    *,
    media_type: str = "text/plain",
    article_id: str = "article",
    date: str | None = None,
    article_type: str = "news",
    known: Known | None = None,
) -> tuple[Reading, Drafted]:
    """Read one text against the records of ``data_dir`` (or ``known``), writing nothing.

    Returns what was read (mentions with offsets, dates, quotations) and the records it would
    propose. Build ``known`` once with :meth:`Known.build` to read many texts.
    """
    from ..load import load_records

    if known is None:
        known = Known.build(load_records(data_dir) if data_dir is not None else None)
    source = read_text_source(text, media_type)
    meta: dict[str, Any] = {
        "id": article_id,
        "title": " ".join(text.strip().splitlines()[0].split()) if text.strip() else article_id,
        "type": article_type,
        "authors": [],
        "language": "en",
    }
    if date is not None:
        meta["date"] = parse_date(date)
    return read_one(source, known, meta)
