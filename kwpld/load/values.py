"""Field-level checks of single values: IRIs, language tags and free text.

Every value a record carries into the graph as an IRI or a language tag must be one that RDF
parsers accept, or the release kwpld writes is rejected by the stores it is meant for. The
JSON Schema names these checks with its ``format`` keyword (``iri``, ``base-iri``,
``language-tag``, ``text``), and the compiled per-kind validators run them (see
:func:`fast_formats` and :func:`format_checker`), so the checks live in this one module and
each check's reason becomes the problem's message (:func:`format_problem`).

- IRIs (RFC 3987): absolute ``http``/``https`` IRIs with a host, only the characters RFC 3987
  allows (no space, control characters, U+007F, noncharacters such as U+FFFE, nor
  ``<>"{}|\\^```), and well-formed percent-encodings (``%zz`` is refused). A base IRI must
  also end in ``/`` or ``#``, because record ids are appended to it.
- Language tags: well-formed BCP 47 (the RFC 5646 grammar, with its grandfathered tags), with
  no variant or extension singleton given twice.
- Text (names, titles, notes): not made only of whitespace and invisible characters
  (zero-width space, word joiner, BOM ...); no bidirectional override or isolate controls
  (U+202A-U+202E, U+2066-U+2069), which make text display as something other than what it
  says; no control characters or noncharacters. Text is NFC-normalized when records are read
  (:func:`normalize_text`), so a name typed with decomposed Hangul jamo or combining accents
  is the same name as its composed form; that changes nothing a reader sees, so it is silent.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from jsonschema import FormatChecker

__all__ = [
    "FORMATS",
    "iri_problem",
    "base_iri_problem",
    "language_tag_problem",
    "text_problem",
    "format_problem",
    "format_checker",
    "fast_formats",
    "check_base_iri",
    "check_iri_option",
    "normalize_text",
    "show",
]

# -- IRIs (RFC 3987) ------------------------------------------------------------------------------

_UCSCHAR = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd\U00040000-\U0004fffd"
    "\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
    "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd"
)
_IPRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_UNRESERVED = r"A-Za-z0-9\-._~" + _UCSCHAR
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_IPCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_IRI = re.compile(
    rf"(?P<scheme>https?)://"
    rf"(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"
    rf"(?P<host>\[[^\]/?#@]*\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})+)"
    r"(?::[0-9]*)?"
    rf"(?:/{_IPCHAR}*)*"
    rf"(?:\?(?:{_IPCHAR}|[{_IPRIVATE}/?])*)?"
    rf"(?:#(?:{_IPCHAR}|[/?])*)?"
)
_IPV_FUTURE = re.compile(rf"v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~{_SUB_DELIMS}:]+")
_ALLOWED_CHAR = re.compile(rf"[{_UNRESERVED}{_SUB_DELIMS}:/?#\[\]@%{_IPRIVATE}]")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PERCENT_HINT = {" ": "%20", '"': "%22", "<": "%3C", ">": "%3E", "\\": "%5C", "^": "%5E",
                 "`": "%60", "{": "%7B", "|": "%7C", "}": "%7D"}  # fmt: skip


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) IRI (RFC 3987), or None when it is one."""
    if not value.startswith(("http://", "https://")):
        head = value.split(":", 1)[0] if ":" in value else None
        if head and head.lower() in ("http", "https"):
            return "must start with http:// or https:// (lowercase, with two slashes)"
        return "is not an absolute http(s) IRI: it must start with http:// or https://"
    for index, char in enumerate(value, start=1):
        if _ALLOWED_CHAR.match(char):
            continue
        if char == " ":
            return f"contains a space (character {index}); write it as %20"
        code = f"U+{ord(char):04X}"
        if char in _PERCENT_HINT:
            return (
                f"contains '{char}' (character {index}), which IRIs do not allow; "
                f"write it as {_PERCENT_HINT[char]}"
            )
        if unicodedata.category(char) == "Cc" or char == "\x7f":
            return f"contains the control character {code} (character {index})"
        if unicodedata.category(char) == "Cs":
            return f"contains {code} (character {index}), half of a surrogate pair, not a character"
        return f"contains {code} (character {index}), which IRIs do not allow (RFC 3987)"
    bad = _BAD_PERCENT.search(value)
    if bad:
        found = value[bad.start() : bad.start() + 3]
        return (
            f"has a bad percent-encoding '{found}' (character {bad.start() + 1}): '%' must be "
            "followed by two hexadecimal digits; write a literal '%' as %25"
        )
    match = _IRI.fullmatch(value)
    if match is None:
        return _iri_structure_problem(value)
    host = match.group("host")
    if host.startswith("["):
        inside = host[1:-1]
        if not _IPV_FUTURE.fullmatch(inside):
            try:
                ipaddress.IPv6Address(inside)
            except ValueError:
                return f"has '{host}' as its host, which is not an IPv6 address"
    return None


def _iri_structure_problem(value: str) -> str:
    rest = value.split("://", 1)[1]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    if not host or host.startswith(":"):
        return "has no host name after the //"
    if ":" in host and not host.startswith("["):
        port = host.rsplit(":", 1)[1]
        if not port.isdigit():
            return f"has ':{port}' after the host, which is not a port number"
    fragment = value.split("#", 1)[1] if "#" in value else ""
    if "#" in fragment:
        return "has more than one '#'; write a second one as %23"
    if "[" in value or "]" in value:
        return "has '[' or ']' outside an IPv6 host; write them as %5B and %5D"
    private = re.search(f"[{_IPRIVATE}]", value.split("?", 1)[0])
    if private:
        return (
            f"contains the private-use character U+{ord(private.group()):04X} outside the "
            "query, where IRIs do not allow it"
        )
    return "is not a well-formed IRI (RFC 3987)"


def base_iri_problem(value: str) -> str | None:
    """Why ``value`` cannot be a base IRI (an http(s) IRI ending in / or #), or None."""
    problem = iri_problem(value)
    if problem is not None:
        return problem
    if not value.endswith(("/", "#")):
        return "must end with / or #, as record ids are appended to it"
    return None


# -- language tags (BCP 47, RFC 5646) --------------------------------------------------------------

_GRANDFATHERED = frozenset(
    tag.lower()
    for tag in (
        *("en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon"),
        *("i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR"),
        *("sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn"),
        *("zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang"),
    )
)
"""The tags RFC 5646 keeps from RFC 3066 although they do not fit its grammar."""
_LANGTAG = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"  # language, with up to three extlangs
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)"
    r"(?P<extensions>(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*)"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?"  # private use
)
_PRIVATE_USE = re.compile(r"x(?:-[a-z0-9]{1,8})+")


def language_tag_problem(value: str) -> str | None:
    """Why ``value`` is not a well-formed BCP 47 language tag, or None when it is one."""
    tag = value.lower()
    if tag in _GRANDFATHERED or _PRIVATE_USE.fullmatch(tag):
        return None
    if not tag.isascii() or re.search(r"[^a-z0-9-]", tag):
        char = next(c for c in value if not (c.isascii() and (c.isalnum() or c == "-")))
        hint = " (en-GB, not en_GB)" if char == "_" else ""
        return f"contains {show(char)!s}; a language tag has only letters, digits and '-'{hint}"
    subtags = tag.split("-")
    if "" in subtags:
        return "has an empty subtag (a '-' at an end, or two in a row)"
    long = next((s for s in subtags if len(s) > 8), None)
    if long is not None:
        return f"has the subtag '{long}', longer than 8 characters"
    match = _LANGTAG.fullmatch(tag)
    if match is None:
        if len(subtags[0]) == 1:
            return f"starts with the one-letter subtag '{subtags[0]}'; start with a language (en)"
        singleton = next(
            (s for i, s in enumerate(subtags[1:], 1) if len(s) == 1 and i == len(subtags) - 1),
            None,
        )
        if singleton is not None:
            return f"ends with '-{singleton}', which must be followed by a subtag"
        return "is not a well-formed BCP 47 language tag (RFC 5646)"
    variants = match.group("variants").split("-")[1:]
    if len(set(variants)) != len(variants):
        return "gives one variant subtag twice"
    singletons = [s for s in match.group("extensions").split("-")[1:] if len(s) == 1]
    if len(set(singletons)) != len(singletons):
        return "gives one extension singleton twice"
    return None


# -- text -----------------------------------------------------------------------------------------

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_NAMES = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
}
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef"
    "\ufffe\uffff\ud800-\udfff\u200b-\u200d\u2060\ufeff\u00ad\u180e\u2061-\u2064\u206a-\u206f]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
    "|[\U000e0000-\U000e007f]"
    # the other format characters (category Cf), so that text made only of them is found
    "|[\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u200e\u200f\ufff9-\ufffb]"
    "|[\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a]"
)
"""Characters that need a closer look: controls, bidi controls, invisible format characters,
noncharacters, surrogates. Text without any of them (nearly all) is checked by one search."""


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be text of a record (a name, title, note), or None when it can."""
    if _SUSPECT.search(value) is None:
        return None  # whitespace-only text is the schema's pattern's to report
    for index, char in enumerate(value, start=1):
        code = f"U+{ord(char):04X}"
        if char in _BIDI_CONTROLS:
            return (
                f"contains the bidirectional control {code} {unicodedata.name(char, '')} "
                f"(character {index}), which makes text display differently from what it says; "
                "remove it"
            )
        if char in "\t\n\r":
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            return f"contains the control character {code} (character {index}); remove it"
        if category == "Cs":
            return (
                f"contains {code} (character {index}), half of a surrogate pair, not a "
                "character; write the character itself"
            )
        if _is_noncharacter(char):
            return f"contains {code} (character {index}), a Unicode noncharacter; remove it"
    if all(c.isspace() or unicodedata.category(c) == "Cf" for c in value):
        invisible = sorted({c for c in value if not c.isspace()})
        names = ", ".join(
            f"U+{ord(c):04X} {_NAMES.get(c) or unicodedata.name(c, '')}".strip()
            for c in invisible[:3]
        )
        return (
            f"is empty: it has only invisible characters ({names}); give a value or leave the "
            "field out"
        )
    return None


def normalize_text(value: str) -> str:
    """``value`` in Unicode Normalization Form C (composed Hangul syllables, accents)."""
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def show(value: str, limit: int = 80) -> str:
    """``value`` quoted for a message, with invisible and control characters escaped.

    A message that printed a bidi override or a control character as it is would itself
    display as something else, or garble the terminal.
    """
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    out = []
    for char in text:
        hidden = unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co") or _is_noncharacter(char)
        if hidden:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "'" + "".join(out) + "'"


# -- the registry the schema's "format" keyword names ----------------------------------------------

FORMATS: dict[str, tuple[str, Callable[[str], str | None]]] = {
    "iri": ("invalid-iri", iri_problem),
    "base-iri": ("invalid-iri", base_iri_problem),
    "language-tag": ("invalid-language-tag", language_tag_problem),
    "text": ("invalid-text", text_problem),
}
"""Format name -> (problem code, check giving the reason or None)."""

_EMPTY_REASON = "is empty"


def format_problem(name: str, value: object) -> tuple[str, str]:
    """The problem code and message for a value that fails the format ``name``."""
    code, check = FORMATS[name]
    reason = check(value) if isinstance(value, str) else None
    if reason is None:  # pragma: no cover - only called for values that failed
        reason = "does not have the expected form"
    if reason.startswith(_EMPTY_REASON):
        return "empty-value", reason
    what = {"iri": "address", "base-iri": "base IRI", "language-tag": "language tag"}.get(name)
    if what is None:
        return code, reason
    shown = show(value) if isinstance(value, str) else repr(value)
    return code, f"{shown} {reason}"


def _passes(check: Callable[[str], str | None]) -> Callable[[object], bool]:
    def passes(value: object) -> bool:
        return not isinstance(value, str) or check(value) is None

    return passes


def fast_formats() -> dict[str, Callable[[object], bool]]:
    """The formats for ``fastjsonschema.compile(formats=...)``."""
    return {name: _passes(check) for name, (_, check) in FORMATS.items()}


def format_checker() -> FormatChecker:
    """A jsonschema ``FormatChecker`` that knows kwpld's formats (and only those)."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, (_, check) in FORMATS.items():
        checker.checks(name)(_passes(check))
    return checker


def check_base_iri(value: str, where: str = "--base-iri") -> str:
    """``value`` if it can be the base IRI of a release; else raise InputError saying why."""
    reason = base_iri_problem(value)
    if reason is not None:
        raise InputError(f"{where} {show(value)} {reason}")
    return value


def check_iri_option(value: str, where: str) -> str:
    """``value`` if it is an absolute http(s) IRI; else raise InputError saying why."""
    reason = iri_problem(value)
    if reason is not None:
        raise InputError(f"{where} {show(value)} {reason}")
    return value
