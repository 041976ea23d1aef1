"""Passes that find abbreviations: glosses the text gives ("WPK [Workers’ Party of Korea;
KWP]", "Central Military Commission (CMC)", "CMC (Central Military Commission)") and the
initials of organs found ("Korean Workers’ Party" is KWP, "NK Leadership Watch" NKLW)."""

from __future__ import annotations

import re

from ..names import name_words
from ..reading.entities import NameDraft, Ref
from ..reading.state import Context, Found
from ..reading.words import core, initials, straight
from .shared import known_span, party_entity

__all__ = ["glosses", "abbreviations", "late_glosses"]

_GLOSS_BRACKET = re.compile(
    r"\b(?P<abbr>[A-Z]{2,6})\s*\[(?P<full>[^\];\]]+?)(?:;\s*(?P<abbr2>[A-Z]{2,6}))?\]"
)
_GLOSS_FULL_FIRST = re.compile(r"\((?P<abbr>[A-Z]{2,6})\)")
_GLOSS_ABBR_FIRST = re.compile(r"\b(?P<abbr>[A-Z]{2,6})\s*\((?P<full>[A-Z][^()]{3,80})\)")


def glosses(r: Context) -> Found:
    """Abbreviations the text explains: "WPK [Workers’ Party of Korea; KWP]", "Name (ABBR)"."""
    groups: list[list[tuple[str, tuple[int, int], bool]]] = []
    for m in _GLOSS_BRACKET.finditer(r.text):
        group = [
            (m.group("abbr"), m.span("abbr"), True),
            (m.group("full").strip(), m.span("full"), False),
        ]
        if m.group("abbr2"):
            group.append((m.group("abbr2"), m.span("abbr2"), True))
        groups.append(group)
    for m in _GLOSS_ABBR_FIRST.finditer(r.text):
        if initials(m.group("full")) == m.group("abbr"):
            groups.append(
                [
                    (m.group("abbr"), m.span("abbr"), True),
                    (m.group("full").strip(), m.span("full"), False),
                ]
            )
    for m in _GLOSS_FULL_FIRST.finditer(r.text):
        abbr = m.group("abbr")
        words = r.doc.words_between(max(0, m.start() - 120), m.start())
        for first in range(words.stop - 1, max(words.start, words.stop - 9) - 1, -1):
            full_start = r.doc.word_starts[first]
            candidate = r.text[full_start : m.start()].strip()
            if initials(candidate) == abbr and r.doc.is_cap(first):
                groups.append(
                    [
                        (abbr, m.span("abbr"), True),
                        (candidate, (full_start, full_start + len(candidate)), False),
                    ]
                )
                break
    r.glosses = groups
    for group in groups:
        fulls = [g for g in group if not g[2]]
        for full, span, _ in fulls:
            known = known_span(r, span, "organ") or _organ_named(r, full)
            if known is not None:
                for abbr, _abbr_span, is_abbr in group:
                    if is_abbr:
                        r.abbreviations.setdefault(abbr, known)
                continue
            if "Party" in full.split() or "Party" in straight(full).split():
                entity = party_entity(r, full, span, f"the text spells out “{full}”")
                for name in entity.names:
                    if name.text == straight(full):
                        name.kind = "preferred"
                entity.attrs["gloss"] = straight(full)
                for abbr, abbr_span, is_abbr in group:
                    if is_abbr:
                        entity.add_name(NameDraft(abbr, kind="abbreviation", spans=[abbr_span]))
                        r.abbreviations[abbr] = entity.key
    return r.found()


def _organ_named(r: Context, full: str) -> str | None:
    """The organ a glossed name names when no organ's name covers its words in the text (a
    longer name does: "the 4th Conference of the Workers' Party of Korea (WPK)" is an event's
    name): the one record or pending draft with exactly this name. So a later article's gloss
    never drafts a second party."""
    words = name_words(full)
    refs = {
        t.ref
        for match in r.known.index.match(
            list(words), full.split(), [True] * (len(words) - 1) + [False]
        )
        if match.first == 0 and match.last == len(words)
        for t in match.targets
        if t.kind == "organ" and not t.weak
    }
    return r.reg.known(next(iter(refs)), "organ").key if len(refs) == 1 else None


def abbreviations(r: Context) -> Found:
    """Give every all-capitals word the organ whose initials it is, when there is one."""
    found: dict[str, tuple[int, int]] = {}
    for i, word in enumerate(r.doc.words):
        if not r.doc.is_allcaps(i):
            continue
        abbr = core(word)
        if abbr in r.lex.not_organs or not 2 <= len(abbr) <= 6:
            continue
        found.setdefault(abbr, r.doc.span_of(i, i + 1))
    for name, span, _why in r.pending_abbrevs:
        found.setdefault(name, span)
    for abbr, span in sorted(found.items()):
        if abbr in r.abbreviations:
            continue
        if known_span(r, span, "organ") is not None:
            continue
        owners = [
            e for e in r.reg.of_kind("organ")
            if e.known is None
            and any(initials(n.text) == abbr for n in e.names if n.kind != "abbreviation")
        ]  # fmt: skip
        if len(owners) == 1:
            owner = owners[0]
            owner.add_name(NameDraft(abbr, kind="abbreviation", spans=[span]))
            owner.note(f"abbreviated {abbr}", span)
            r.abbreviations[abbr] = owner.key
    # Credits that named an outlet by its abbreviation: "Graphic: Michael Madden/NKLW".
    for key in r.images:
        image = r.reg.get(key)
        credited = image.attrs.get("publisher_abbrev")
        if credited and credited in r.abbreviations:
            image.fields["publisher"] = Ref(r.abbreviations[credited])
        elif credited:
            index = r.known.index
            for match in index.match([name_words(credited)[0]], [credited], [False]):
                refs = {t.ref for t in match.targets if t.kind == "organ"}
                if len(refs) == 1:
                    image.fields["publisher"] = Ref(r.reg.known(next(iter(refs)), "organ").key)
    return r.found()


def late_glosses(r: Context) -> Found:
    """ "The Central Military Commission (CMC)": an abbreviation of the organ just named."""
    for group in r.glosses:
        fulls = [g for g in group if not g[2]]
        abbrs = [g for g in group if g[2]]
        for _full, span, _ in fulls:
            owner = None
            for entity in r.reg.of_kind("organ"):
                if entity.known is None and any(
                    s[0] <= span[0] < s[1] or span[0] <= s[0] < span[1] for s in entity.evidence
                ):
                    owner = entity
                    break
            if owner is None:
                continue
            for abbr, abbr_span, _ in abbrs:
                if abbr in r.abbreviations:
                    continue
                owner.add_name(NameDraft(abbr, kind="abbreviation", spans=[abbr_span]))
                owner.note(f"abbreviated {abbr}", abbr_span)
                r.abbreviations[abbr] = owner.key
            for head in list(owner.attrs.get("short", ())):
                if not any(n.kind != "abbreviation" for n in owner.names):
                    owner.add_name(NameDraft(head, spans=[span]))
    return r.found()
