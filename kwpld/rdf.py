"""RDF terms as N-Triples text, the one representation kwpld's pipeline passes around.

Keeping terms as canonical N-Triples strings makes quads cheap to build, hash, sort and write
(N-Triples and N-Quads output is a join), and lets pyoxigraph parse them at native speed when a
store or another format is needed.
"""

from __future__ import annotations

import re

from .dates import PartialDate
from .namespaces import XSD

__all__ = [
    "iri",
    "literal",
    "lang_literal",
    "typed_literal",
    "date_literal",
    "int_literal",
    "is_valid_iri",
    "term_value",
    "Quad",
]

Quad = tuple[str, str, str, str]
"""(subject, predicate, object, graph) as N-Triples terms; graph is an IRI term."""

_ESCAPES = {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}
_ESCAPES.update(
    {c: f"\\u{c:04X}" for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}
)
_INVALID_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(["\\nrtbf\']))')
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "\\": "\\", "'": "'"}


def iri(value: str) -> str:
    """An IRI term. Minted IRIs are safe by construction; check others with is_valid_iri."""
    return f"<{value}>"


def is_valid_iri(value: str) -> bool:
    """True for an absolute IRI without characters N-Triples forbids."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value)) and not _INVALID_IRI.search(value)


def _escape(text: str) -> str:
    # Every character _ESCAPES maps but the quote and the backslash is a control character,
    # which isprintable() finds at C speed: most texts need no translate, which is slower.
    if '"' not in text and "\\" not in text and text.isprintable():
        return text
    return text.translate(_ESCAPES)


def literal(text: str) -> str:
    """A plain string literal (xsd:string)."""
    return f'"{_escape(text)}"'


def lang_literal(text: str, lang: str) -> str:
    return f'"{_escape(text)}"@{lang}'


def typed_literal(text: str, datatype: str) -> str:
    return f'"{_escape(text)}"^^<{datatype}>'


def date_literal(date: PartialDate) -> str:
    """xsd:date, xsd:gYearMonth or xsd:gYear, by the date's precision."""
    return f'"{date.iso}"^^<{date.xsd_datatype}>'


def int_literal(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def term_value(term: str) -> str:
    """The IRI or lexical form inside an N-Triples term (for messages and lookups)."""
    if term.startswith("<"):
        return term[1:-1]
    if term.startswith('"'):
        end = term.rfind('"')
        return _UNESCAPE.sub(_unescape_one, term[1:end])
    return term


def _unescape_one(match: re.Match[str]) -> str:
    if match.group(3):
        return _SIMPLE[match.group(3)]
    return chr(int(match.group(1) or match.group(2), 16))
