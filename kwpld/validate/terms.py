"""N-Triples terms as the validator sees them: kinds, literal parts, XSD lexical forms.

The data graph reaches the validator as N-Triples term strings (see :mod:`kwpld.rdf`), and so
do the shapes; these helpers read the parts SHACL needs (datatype, language tag, lexical form,
string value) without building term objects, which keeps the engine fast on large graphs.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from decimal import Decimal

import pyoxigraph as ox

from ..namespaces import RDF, RDFS, XSD
from ..rdf import iri, lang_literal, literal, term_value, typed_literal

__all__ = [
    "RDF_LANGSTRING",
    "XSD_STRING",
    "is_iri",
    "is_blank",
    "is_literal",
    "literal_parts",
    "lexical_form",
    "string_value",
    "canonical",
    "from_oxigraph",
    "well_formed",
    "numeric_value",
    "lang_matches",
    "lower_lang",
]

RDF_LANGSTRING = RDF + "langString"
XSD_STRING = XSD + "string"
RDFS_LITERAL = RDFS + "Literal"
RDFS_DATATYPE = RDFS + "Datatype"


def is_iri(term: str) -> bool:
    return term[:1] == "<"


def is_blank(term: str) -> bool:
    return term[:2] == "_:"


def is_literal(term: str) -> bool:
    return term[:1] == '"'


def literal_parts(term: str) -> tuple[str, str | None, str]:
    """(escaped lexical form, language tag or None, datatype IRI) of a literal term."""
    end = term.rfind('"')
    body = term[1:end]
    rest = term[end + 1 :]
    if not rest:
        return body, None, XSD_STRING
    if rest[0] == "@":
        return body, rest[1:], RDF_LANGSTRING
    return body, None, rest[3:-1]


def lexical_form(term: str) -> str:
    """The lexical form of a literal term, unescaped."""
    body = literal_parts(term)[0]
    return term_value(f'"{body}"') if "\\" in body else body


def string_value(term: str) -> str:
    """SPARQL's STR(): an IRI's text, a literal's lexical form, a blank node's label."""
    if term[:1] == "<":
        return term[1:-1]
    if term[:1] == '"':
        return lexical_form(term)
    return term


def canonical(term: str) -> str:
    """The canonical N-Triples form kwpld writes (same escaping, no ^^xsd:string)."""
    if not is_literal(term):
        return term
    text = lexical_form(term)
    _, lang, datatype = literal_parts(term)
    if lang is not None:
        return lang_literal(text, lang.lower())
    if datatype == XSD_STRING:
        return literal(text)
    return typed_literal(text, datatype)


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A pyoxigraph term as kwpld's canonical N-Triples text."""
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if term.language:
        return lang_literal(term.value, term.language.lower())
    datatype = term.datatype.value
    return literal(term.value) if datatype == XSD_STRING else typed_literal(term.value, datatype)


def lower_lang(term: str) -> str:
    """The term with its language tag in lower case (tags are case-insensitive; pyoxigraph
    and SHACL engines differ in the case they keep)."""
    if term[-1] == '"' or not term.startswith('"'):
        return term
    end = term.rfind('"')
    if term[end + 1 : end + 2] != "@":
        return term
    return term[: end + 1] + term[end + 1 :].lower()


def lang_matches(tag: str, ranges: frozenset[str]) -> bool:
    """SPARQL langMatches against lowercase basic ranges ('*' matches any tag)."""
    tag = tag.lower()
    if not tag:
        return False
    if "*" in ranges:
        return True
    while True:
        if tag in ranges:
            return True
        cut = tag.rfind("-")
        if cut < 0:
            return False
        tag = tag[:cut]


# -- XSD lexical forms -------------------------------------------------------------------------
# SHACL: a literal matches sh:datatype only if it is not ill-typed. These are the lexical spaces
# of XSD 1.1 for the datatypes SPARQL knows; other datatypes are taken as well-formed.

_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_YEAR = r"-?(?:[1-9][0-9]{4,}|[0-9]{4})"
_RE = {
    "date": re.compile(rf"^({_YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]){_TZ}$"),
    "dateTime": re.compile(
        rf"^({_YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
        rf"T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?){_TZ}$"
    ),
    "time": re.compile(
        rf"^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?){_TZ}$"
    ),
    "gYear": re.compile(rf"^({_YEAR}){_TZ}$"),
    "gYearMonth": re.compile(rf"^({_YEAR})-(0[1-9]|1[0-2]){_TZ}$"),
    "gMonth": re.compile(rf"^--(0[1-9]|1[0-2]){_TZ}$"),
    "gDay": re.compile(rf"^---(0[1-9]|[12][0-9]|3[01]){_TZ}$"),
    "gMonthDay": re.compile(rf"^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]){_TZ}$"),
    "integer": re.compile(r"^[+-]?[0-9]+$"),
    "decimal": re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$"),
    "double": re.compile(
        r"^(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN)$"
    ),
    "boolean": re.compile(r"^(?:true|false|1|0)$"),
    "duration": re.compile(
        r"^-?P(?=[0-9T])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
        r"(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?$"
    ),
}
_RE["float"] = _RE["double"]
_INTEGER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None),
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-(2**7), 2**7 - 1),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 2**8 - 1),
}


_MONTH_DAYS = (0, *(calendar.monthrange(2001, m)[1] for m in range(1, 13)))
"""Days of each month in a common year (index 1-12)."""


def _days_ok(year: str, month: str, day: str) -> bool:
    y = int(year)
    if y == 0:
        y = 2000  # XSD 1.1 year 0000 is 1 BCE, a leap year
    days = 29 if int(month) == 2 and calendar.isleap(y) else _MONTH_DAYS[int(month)]
    return int(day) <= days


def _check_date(text: str) -> bool:
    match = _RE["date"].match(text)
    return match is not None and _days_ok(*match.groups())


def _check_datetime(text: str) -> bool:
    match = _RE["dateTime"].match(text)
    return match is not None and _days_ok(*match.groups())


def _integer_check(low: int | None, high: int | None) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        if not _RE["integer"].match(text):
            return False
        number = int(text)
        return (low is None or number >= low) and (high is None or number <= high)

    return check


_CHECKS: dict[str, Callable[[str], object]] = {
    XSD + "date": _check_date,
    XSD + "dateTime": _check_datetime,
    XSD + "dateTimeStamp": lambda t: (
        _check_datetime(t) and bool(re.search(r"(Z|[+-]\d\d:\d\d)$", t))
    ),
}
for _name in (
    "time",
    "gYear",
    "gYearMonth",
    "gMonth",
    "gDay",
    "gMonthDay",
    "decimal",
    "double",
    "float",
    "boolean",
    "duration",
):
    _CHECKS[XSD + _name] = _RE[_name].match  # a match (or None) is the answer
for _name, (_low, _high) in _INTEGER_RANGES.items():
    _CHECKS[XSD + _name] = _integer_check(_low, _high)


def well_formed(lexical: str, datatype: str) -> bool:
    """True when ``lexical`` is in the lexical space of ``datatype`` (unknown datatypes pass)."""
    check = _CHECKS.get(datatype)
    if check is None:
        return True
    # XSD's whiteSpace facet is "collapse" for all of these datatypes.
    return bool(check(lexical.strip()))


_NUMERIC = {XSD + name for name in ("decimal", "double", "float", *_INTEGER_RANGES)}


def numeric_value(term: str) -> Decimal | float | int | None:
    """The number of a well-formed numeric literal, else None."""
    if not is_literal(term):
        return None
    body, _, datatype = literal_parts(term)
    if datatype not in _NUMERIC or not well_formed(body, datatype):
        return None
    text = body.strip()
    if datatype == XSD + "decimal":
        return Decimal(text)
    if datatype.endswith(("#double", "#float")):
        return float(text.replace("INF", "inf"))
    return int(text)
