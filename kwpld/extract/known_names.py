"""The known-names pass: every name of the data folder's records (and pending drafts) matched
in one walk over the words (:class:`kwpld.reading.index.NameIndex`), with the people named
inside a longer name ("Kim Il Sung and Kim Jong Il's party"). The words of a match are claimed:
discovery leaves them alone."""

from __future__ import annotations

from ..reading.document import Document
from ..reading.index import Match, NameIndex
from ..reading.state import Context, Found

__all__ = ["known_names", "with_nested_people"]


def known_names(r: Context) -> Found:
    doc = r.doc
    matches = with_nested_people(
        r.known.index,
        list(r.known.index.match(list(doc.keys), list(doc.words), list(doc.gap_ok))),
        doc,
    )
    r.known_matches = matches
    claimed = [False] * len(doc.words)
    for match in matches:
        for i in range(match.first, match.last):
            claimed[i] = True
    r.claimed = claimed
    return r.found()


def with_nested_people(index: NameIndex, matches: list[Match], doc: Document) -> list[Match]:
    """Add the people named inside a longer name ("Kim Il Sung and Kim Jong Il's party")."""
    out = list(matches)
    for match in matches:
        if match.last - match.first < 3 or any(t.kind == "person" for t in match.targets):
            continue
        if any(t.kind == "article" for t in match.targets):
            continue  # a title is a title
        keys = list(doc.keys[match.first : match.last])
        words = list(doc.words[match.first : match.last])
        gaps = list(doc.gap_ok[match.first : match.last - 1]) + [False]
        for inner in index.match(keys, words, gaps):
            people = tuple(t for t in inner.targets if t.kind == "person")
            if people:
                out.append(Match(match.first + inner.first, match.first + inner.last, people))
    return out
