"""Ingest articles: from raw text to records, mentions and evidence (see docs/ingest.md).

::

    from kwpld.ingest import IngestOptions, ingest
    from kwpld.review import accept, list_drafts

    ingest(["article.txt"], "data", options=IngestOptions(article_type="analysis"))
    for draft in list_drafts("data"):
        print(draft.id, draft.kind, draft.label, draft.evidence[:1])
    accept("data", ["kim-jong-su"], with_dependencies=True)

Ingest reads and proposes; the curator's decisions on what it proposes (accept, reject, the
review files) are the stage :mod:`kwpld.review`, the article file formats :mod:`kwpld.sources`
and the scorers :mod:`kwpld.evaluate`.

Reading without writing anything: :func:`read_text` gives the mentions, dates, quotations and
drafted records of one text against a data folder's records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..dates import parse_date
from ..reading.entities import Mention
from ..reading.index import NameIndex
from ..reading.known import Known
from ..reading.state import QuoteFound
from ..sources import read_text_source
from .drafts import Draft, Drafted
from .pipeline import (
    ARTICLES_DIR,
    IngestedArticle,
    IngestOptions,
    IngestResult,
    article_meta,
    ingest,
    read_one,
)
from .read import Reading

__all__ = [
    "ARTICLES_DIR",
    "Draft",
    "Drafted",
    "IngestOptions",
    "IngestResult",
    "IngestedArticle",
    "Known",
    "Mention",
    "NameIndex",
    "QuoteFound",
    "Reading",
    "article_meta",
    "ingest",
    "read_one",
    "read_text",
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
