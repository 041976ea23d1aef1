"""Article sources: an article file (plain text, Markdown with front matter, saved HTML) or a
URL, read into the text that character offsets count in and its blocks.

Why a stage of its own: reading a file's format is not reading its content. Ingest reads a
:class:`Source` (:mod:`kwpld.ingest`), and the scorers (:mod:`kwpld.evaluate`) read the same
fixtures the same way; neither needs the other for it. See :mod:`kwpld.sources.readers`.
"""

from __future__ import annotations

from .readers import (
    ARTICLE_LIMIT,
    MEDIA_TYPES,
    Block,
    Source,
    fetch_url,
    read_source,
    read_text_source,
)

__all__ = [
    "ARTICLE_LIMIT",
    "MEDIA_TYPES",
    "Block",
    "Source",
    "fetch_url",
    "read_source",
    "read_text_source",
]
