"""The SPARQL queries of ``kwpld link``: templates in ``kwpld/link/queries/*.rq``.

A template is a standard SPARQL 1.1 query with ``{{name}}`` placeholders inside VALUES blocks;
:func:`render` fills them with terms written as N-Triples/SPARQL (``wd:Q5``, ``"김정은"@ko``).
Keeping the queries as files lets users read, run and adapt them in any SPARQL client.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache

from ..rdf import lang_literal, literal
from ..resources import resource_path

__all__ = [
    "template",
    "render",
    "version",
    "item_terms",
    "label_terms",
    "string_terms",
    "QUERY_NAMES",
]

QUERY_NAMES = ("candidates", "evidence", "classes")
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


@cache
def template(name: str) -> str:
    """The text of ``kwpld/link/queries/<name>.rq``."""
    return resource_path(f"kwpld/link/queries/{name}.rq").read_text("utf-8")


@cache
def version(name: str) -> str:
    """A short hash of a template: cached answers to an older version of a query are not reused."""
    return hashlib.sha256(template(name).encode()).hexdigest()[:12]


def render(name: str, **values: str) -> str:
    """Fill every placeholder of template ``name``; a missing or unknown one is a bug."""
    text = template(name)
    wanted = set(_PLACEHOLDER.findall(text))
    if wanted != set(values):
        raise ValueError(f"query {name}.rq takes {sorted(wanted)}, got {sorted(values)}")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def item_terms(qids: Iterable[str]) -> str:
    return " ".join(f"wd:{qid}" for qid in qids)


def label_terms(labels: Iterable[tuple[str, str]]) -> str:
    """``(text, language)`` pairs as language-tagged literals."""
    return " ".join(lang_literal(text, lang) for text, lang in labels)


def string_terms(texts: Iterable[str]) -> str:
    return " ".join(literal(text) for text in texts)
