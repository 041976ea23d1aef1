"""W3C Web Annotations of an ingested article: every mention and every date, by offset.

Each annotation targets the article with a ``TextPositionSelector`` (start/end in Unicode code
points of the ingested text, as the Web Annotation model counts them) and a
``TextQuoteSelector`` (the exact words with up to 32 characters either side), so a reader can
highlight a mention even in a copy of the page whose offsets differ. A mention's body is the
IRI of the record it names (``Choice`` of candidates when the text is ambiguous); a date's body
is its normalized ISO form, with any inconsistency (weekday, Juche year) as a comment.
"""

from __future__ import annotations

import json
from typing import Any

from ..iris import Minter
from .drafts import Drafted
from .read import Reading

__all__ = ["web_annotations", "ANNO_CONTEXT"]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_CONTEXT_CHARS = 32


def _target(text: str, source: str, start: int, end: int) -> dict[str, Any]:
    return {
        "source": source,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": text[start:end],
                "prefix": text[max(0, start - _CONTEXT_CHARS) : start],
                "suffix": text[end : end + _CONTEXT_CHARS],
            },
        ],
    }


def web_annotations(
    reading: Reading, drafted: Drafted, *, base_iri: str, title: str
) -> dict[str, Any]:
    """The annotations of one article as a JSON-LD ``AnnotationCollection``."""
    article_id = drafted.article["id"]
    minter = Minter(base_iri)
    source = minter.entity_iri("article", article_id)
    collection = minter.annotation_iri(article_id)
    text = reading.document.text
    kinds = {key: reading.registry.get(key).kind for key in reading.registry.entities}
    items: list[dict[str, Any]] = []
    for mention in reading.mentions:
        if mention.entity:
            key = reading.registry.resolve(mention.entity)
            record_id = drafted.ids.get(key)
            if record_id is None:
                continue
            body: Any = minter.entity_iri(kinds.get(key, mention.kind), record_id)
        elif mention.candidates:
            choices = []
            for candidate in mention.candidates:
                key = reading.registry.resolve(candidate)
                if key in drafted.ids:
                    kind = kinds.get(key, mention.kind)
                    choices.append(minter.entity_iri(kind, drafted.ids[key]))
            if not choices:
                continue
            body = {"type": "Choice", "items": choices}
        else:
            continue
        items.append(
            {
                "id": minter.annotation_iri(article_id, f"mention-{mention.start}-{mention.end}"),
                "type": "Annotation",
                "motivation": "identifying",
                "body": body,
                "target": _target(text, source, mention.start, mention.end),
            }
        )
    for date in reading.dates:
        bodies: list[dict[str, Any]] = []
        if date.date is not None:
            bodies.append({"type": "TextualBody", "value": date.date.iso, "purpose": "describing"})
        for code, message in date.problems:
            bodies.append(
                {"type": "TextualBody", "value": f"{code}: {message}", "purpose": "commenting"}
            )
        if not bodies:
            continue
        items.append(
            {
                "id": minter.annotation_iri(article_id, f"date-{date.start}-{date.end}"),
                "type": "Annotation",
                "motivation": "describing",
                "body": bodies[0] if len(bodies) == 1 else bodies,
                "target": _target(text, source, date.start, date.end),
            }
        )
    items.sort(
        key=lambda item: (
            item["target"]["selector"][0]["start"],
            item["target"]["selector"][0]["end"],
            item["id"],
        )
    )
    return {
        "@context": ANNO_CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": f"Mentions and dates in “{title}”",
        "generator": {"id": "https://w3id.org/kwpld", "type": "Software", "name": "kwpld ingest"},
        "total": len(items),
        "first": {
            "id": minter.annotation_iri(article_id, "page-1"),
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
            "items": items,
        },
    }


def dumps(data: dict[str, Any]) -> str:
    """Deterministic JSON text (UTF-8, two-space indent, trailing newline): what
    ``json.dumps(data, ensure_ascii=False, indent=2)`` writes. Python's encoder has no C path
    with an indent, and its generators took 2 s of a 1,000-article ingest; this writes the
    same text in one recursive function (strings escaped by the C encoder's function), and
    leaves anything but str, int, bool, None, dict with str keys and list to ``json``."""
    out: list[str] = []
    try:
        _write(data, "\n", out)
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out.append("\n")
    return "".join(out)


class _Unusual(Exception):
    """A value :func:`dumps` leaves to :mod:`json`."""


_STRING = json.encoder.encode_basestring  # the C function when there is one, as json uses


def _write(value: Any, newline: str, out: list[str]) -> None:
    """``value`` as JSON into ``out``; ``newline``: a line break and the current indent."""
    kind = type(value)
    if kind is str:
        out.append(_STRING(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(separator)
            out.append(_STRING(key))
            out.append(": ")
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif kind is bool:
        out.append("true" if value else "false")
    elif kind is int:
        out.append(int.__repr__(value))
    else:
        raise _Unusual
