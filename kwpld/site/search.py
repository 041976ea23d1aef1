"""The site's search index: every spelling of every name, folded and keyed in Python.

The browser matches a query two ways with simple JavaScript (``assets/search.js``):

- **folded text**: NFKD, combining marks dropped (ŏ -> o), lowercased, only letters and
  digits kept. Hangul decomposes into jamo, so 장성 finds 장성택 as the user types. Each
  name's folded form is precomputed here.
- **match keys**: :func:`kwpld.names.match_key` for every name, precomputed here (Hangul
  names romanized in Python). For a Latin query the script computes the same key with the
  very tables ``match_key`` uses (exported below), so "Chang Song-taek", "Jang Song Thaek"
  and "Chang Sŏng-t'aek" find the person whose names include any of them.

The tests run the script in Chromium and check that it folds and keys like Python.
"""

from __future__ import annotations

import json
import re
import unicodedata

from .. import names as _names
from ..names import match_key
from .collect import KIND_TITLES, SiteData

__all__ = ["fold", "key_tables", "search_entries", "search_index_js"]

_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """What the browser compares: NFKD, no combining marks, lowercase, letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub("", stripped.lower())


def key_tables() -> dict[str, object]:
    """The tables of :func:`kwpld.names.match_key`, for the browser's copy of its Latin path.

    They are read from :mod:`kwpld.names` itself, so the two cannot drift apart unnoticed
    (the browser test compares keys computed both ways).
    """
    return {
        "apostrophes": _names._APOSTROPHES,
        "vowels": _names._VOWEL_RE.pattern,
        "vowelMap": _names._VOWEL_MAP,
        "tokenVowels": _names._TOKEN_VOWEL_RE.pattern,
        "consonants": _names._CONSONANT_RE.pattern,
        "consonantMap": _names._CONSONANT_MAP,
        "surnames": dict(sorted(_names._SURNAME_LITERAL.items())),
        "surnamesRewritten": dict(sorted(_names._SURNAME_REWRITTEN.items())),
    }


def search_entries(data: SiteData) -> list[list[object]]:
    """[url, kind, label, native label, names, folded names, keys] per entity, sorted."""
    from ..namespaces import SCHEMA, SKOSXL

    literal_form = f"<{SKOSXL}literalForm>"
    xl = {f"<{SKOSXL}{u}Label>" for u in ("pref", "alt", "hidden")}
    headline = f"<{SCHEMA}headline>"
    from ..rdf import term_value

    entries = []
    for entity in sorted(data.entities.values(), key=lambda e: (e.label.casefold(), e.ref.iri)):
        spellings: dict[str, None] = {entity.label: None}
        nodes = [o for p, o, _ in entity.own() if p in xl]
        for node in sorted(nodes):
            for p, o, _ in entity.triples.get(node, []):
                if p == literal_form:
                    spellings.setdefault(term_value(o), None)
        for p, o, _ in entity.own():
            if p == headline:
                spellings.setdefault(term_value(o), None)
        texts = list(spellings)
        native = " ".join(n for n in (entity.ko, entity.hanja) if n)
        entries.append(
            [
                f"{entity.path}.html",
                KIND_TITLES[entity.ref.kind][0].lower(),
                entity.label,
                native,
                texts,
                [fold(t) for t in texts],
                [match_key(t) for t in texts],
            ]
        )
    return entries


def search_index_js(data: SiteData) -> str:
    """``assets/search-index.js``: a script (not JSON), so the site also works from file://."""
    payload = {"tables": key_tables(), "entries": search_entries(data)}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return "window.KWPLD_SEARCH = " + text + ";\n"
