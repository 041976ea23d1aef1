"""The facilities pass: a person's name inside the name of a place, work or institution ("Kim Il
Sung University", "the Kim Jong Suk Pyongyang Textile Mill", "Kim Il Sung Square") is no
mention of the person there. Head words are the lexicon's ``facility_heads``."""

from __future__ import annotations

from ..state import Context, Found

__all__ = ["facilities"]


def facilities(r: Context) -> Found:
    keep = []
    for m in r.mentions:
        if m.kind == "person" and m.name_kind != "epithet" and _named_after(r, m.end):
            continue
        keep.append(m)
    if len(keep) != len(r.mentions):
        r.mentions.replace(keep)
    return r.found()


def _named_after(r: Context, end: int) -> bool:
    """Capitalized words after ``end`` (a name's end) that close with a facility head word."""
    doc = r.doc
    i = doc.word_index_at(end)
    n = len(doc.words)
    if i >= n or doc.word_starts[i] > end + 2 or r.text[end : doc.word_starts[i]].strip():
        return False
    last = i
    headline = doc.in_title(i)
    while last < n and last - i < 6 and doc.is_cap(last):
        if headline and doc.keys[last] in r.lex.headline_verbs:
            return False
        if doc.keys[last] in r.lex.facility_heads:
            return True
        if not doc.gap_ok[last]:
            break
        last += 1
    return False
