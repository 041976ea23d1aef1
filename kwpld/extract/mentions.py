"""The mentions pass: every name, of a record or of an entity discovery found, matched in one
more walk over the words, so each mention is found the same way. Leftmost-longest, known names
first on ties; a person inside an organ's or event's name is kept as well ("Kim Il Sung and Kim
Jong Il's party"); a name several entities share is resolved by the date an event was held, a
spelling in parentheses, the exact spelling and, for short forms, the article's party. Then
"X of the Y" becomes one organ mention when Y contains X. (A family name alone, and a name
several people share, are :mod:`kwpld.identity`'s.)"""

from __future__ import annotations

import re
import unicodedata

from ..dates import PartialDate
from ..names import match_key, name_words
from ..reading.entities import Mention, Ref
from ..reading.index import Match, NameIndex, Target
from ..reading.state import Context, Found
from .known_names import with_nested_people

__all__ = ["mentions"]


def mentions(r: Context) -> Found:
    doc = r.doc
    local = NameIndex(r.lex)
    for entity in r.reg.new():
        if entity.kind not in ("person", "organ", "post", "event"):
            continue
        for name in entity.names:
            if name.derived and name.system == "en" and entity.kind != "organ":
                continue
            local.add_name(entity.key, entity.kind, name.text, name.system, name.kind)
        for said in entity.attrs.get("said", ()):  # "... of its 8th Central Committee"
            local.add_name(entity.key, entity.kind, said, "en", "alternate")
        if entity.kind == "organ" and entity.attrs.get("short"):
            for short in entity.attrs["short"]:
                local.add_name(entity.key, "organ", short, "en", "short", weak=True)
    for alias, key in r.aliases:
        local.add_name(key, "person", alias, "en", "alternate")
    keys, words, gaps = list(doc.keys), list(doc.words), list(doc.gap_ok)
    for j in range(len(words) - 1):  # "M. V. Zimyanin": an initial's period joins the name
        if (
            len(words[j]) == 1
            and words[j].isupper()
            and r.text[doc.word_ends[j] : doc.word_starts[j + 1]] in (". ", ".")
        ):
            gaps[j] = True
    local_matches = with_nested_people(local, list(local.match(keys, words, gaps)), doc)
    combined = sorted(
        [(m, True) for m in r.known_matches] + [(m, False) for m in local_matches],
        key=lambda item: (item[0].first, -(item[0].last - item[0].first), not item[1]),
    )
    kept: list[Match] = []
    last_end = -1
    for match, _is_known in combined:
        if match.first < last_end:
            container = kept[-1] if kept else None
            if (
                container is not None
                and all(t.kind == "person" for t in match.targets)
                and not any(t.kind == "person" for t in container.targets)
                and match.last <= container.last
            ):
                kept.append(match)
            continue
        kept.append(match)
        last_end = match.last
    found: list[Mention] = []
    for match in kept:
        mention = _resolve(r, match, found)
        if mention is not None:
            found.append(mention)
    _nested_organs(r, kept, local)
    for pinned in r.pinned:
        if any(
            m.start <= pinned.start
            and pinned.end <= m.end
            and (m.end - m.start) > (pinned.end - pinned.start)
            for m in found
        ):
            continue
        found = [m for m in found if not (pinned.start <= m.start and m.end <= pinned.end)]
        found.append(pinned)
    r.mentions.replace(found)
    _extend_organs(r)
    return r.found()


def _nested_organs(r: Context, kept: list[Match], local: NameIndex) -> None:
    """Organs named inside a longer name ("KWP Central Committee" in "KWP Central Committee
    Political Bureau"): mentioned by the article, though not marked as mentions of their own."""
    doc = r.doc
    for match in kept:
        if match.last - match.first < 2 or any(t.kind == "person" for t in match.targets):
            continue
        # Every proper part of the name, from each of its words on (a series' name inside an
        # event's would hide the organ inside both from a leftmost-longest match).
        for first in range(match.first, match.last):
            last = match.last if first > match.first else match.last - 1
            if last - first < 1:
                continue
            keys = list(doc.keys[first:last])
            words = list(doc.words[first:last])
            gaps = list(doc.gap_ok[first : last - 1]) + [False]
            for index in (r.known.index, local):
                for inner in index.match(keys, words, gaps):
                    if inner.first != 0:
                        break
                    refs = {t.ref for t in inner.targets if t.kind == "organ" and not t.weak}
                    if len(refs) == 1:
                        target = next(t for t in inner.targets if t.ref in refs)
                        key = _entity_for_target(r, target)
                        r.nested.add(key)
                        span = doc.span_of(first + inner.first, first + inner.last)
                        if (*span, key) not in r.nested_spans:
                            r.nested_spans.append((*span, key))


def _extend_organs(r: Context) -> None:
    """ "Presidium of the Political Bureau" + "of the WPK Central Committee": one mention, when
    the organ after "of" contains the one before it."""
    out: list[Mention] = []
    for mention in r.mentions:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "organ"
            and mention.kind == "organ"
            and previous.entity
            and mention.entity
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", r.text[previous.end : mention.start])
            and r.reg.resolve(mention.entity) in _ancestor_keys(r, previous.entity)
        ):
            out[-1] = Mention(
                previous.start, mention.end, r.text[previous.start : mention.end],
                previous.entity, "organ", previous.name_kind,
            )  # fmt: skip
            continue
        out.append(mention)
    r.mentions.replace(out)


def _ancestor_keys(r: Context, key: str) -> set[str]:
    entity = r.reg.peek(key)
    if entity.known:
        return {r.reg.known(a, "organ").key for a in r.known.ancestors(entity.known)}
    return set(_ancestors(r, entity.key))


def _entity_for_target(r: Context, target: Target) -> str:
    if (
        target.ref.startswith(("person:", "organ:", "event:", "post:", "article:", "="))
        and target.ref in r.reg
    ):
        return r.reg.resolve(target.ref)
    kind = r.known.kinds.get(target.ref, target.kind)
    return r.reg.known(target.ref, kind).key


def _resolve(r: Context, match: Match, so_far: list[Mention]) -> Mention | None:
    start, end = r.doc.span_of(match.first, match.last)
    end -= match.cut
    text = r.text[start:end]
    targets = list(match.targets)
    strong = [t for t in targets if not t.weak]
    if strong:
        targets = strong
    refs = sorted({t.ref for t in targets})
    kind = targets[0].kind
    name_kind = "short" if not strong else targets[0].name_kind
    if len(refs) > 1:
        refs = _disambiguate(r, refs, targets, start, end, so_far, weak=not strong)
    if len(refs) == 1:
        target = next(t for t in targets if t.ref == refs[0])
        key = _entity_for_target(r, target)
        return Mention(start, end, text, key, target.kind, target.name_kind if strong else "short")
    if not refs:
        return None
    keys = tuple(sorted({_entity_for_target(r, t) for t in targets if t.ref in refs}))
    return Mention(start, end, text, None, kind, name_kind, candidates=keys)


def _disambiguate(
    r: Context,
    refs: list[str],
    targets: list[Target],
    start: int,
    end: int,
    so_far: list[Mention],
    *,
    weak: bool,
) -> list[str]:
    kinds = {t.ref: t.kind for t in targets}
    # An event named with the date it was held: "the Meeting ... held in March of Juche 83".
    after = r.text[end : end + 40]
    held = re.match(r"\s*,?\s*(?:held\s+)?(?:in|on)\s+", after)
    if held and all(kinds[x] == "event" for x in refs):
        date = r.date_at(end + held.end())
        if date is not None and date.date is not None:
            fitting = [x for x in refs if _event_date(r, x) == date.date.iso]
            if len(fitting) == 1:
                return fitting
    # A spelling in parentheses that only one candidate has: "Kim Jong Su (Kim Cho'ng-su)",
    # here or after the same spelling elsewhere in the text.
    fitting = _paren_fitting(r, refs, start, end)
    if len(fitting) != 1 and all(kinds[x] == "person" for x in refs):
        # (when every such parenthesis agrees: two men named Ri Yong Ho stay apart)
        told: set[str] = set()
        for other in re.finditer(re.escape(r.text[start:end]), r.text):
            if other.start() != start:
                elsewhere = _paren_fitting(r, refs, other.start(), other.end())
                if len(elsewhere) == 1:
                    told.add(elsewhere[0])
        if len(told) == 1:
            fitting = sorted(told)
    if len(fitting) == 1:
        return fitting
    # The exact spelling is recorded for one candidate only.
    surface = " ".join(r.text[start:end].split()).replace("’", "'")
    exact = sorted({t.ref for t in targets if t.name.replace("’", "'") == surface})
    if len(exact) == 1 and not weak:
        return exact
    if weak:
        # "the Political Bureau": the candidate whose party the article names.
        parties = {
            r.known.root_party(m.entity[1:])
            for m in so_far
            if m.entity and m.entity.startswith("=")
        }
        parties |= {
            r.reg.peek(m.entity).attrs.get("party")
            for m in so_far
            if m.entity and m.entity in r.reg
        }
        parties.discard(None)
        fitting = [x for x in refs if _party_attr(r, x) in parties]
        if len(fitting) == 1:
            return fitting
        # A weak short form stands for the organ it heads, never for a body inside it.
        heads = [x for x in refs if not any(a in refs for a in _ancestors(r, x))]
        if len(heads) == 1:
            return heads
    return refs


def _paren_fitting(r: Context, refs: list[str], start: int, end: int) -> list[str]:
    """The candidates a spelling in parentheses after text[start:end] fits."""
    paren = r.doc.paren_after(end)
    if paren is None:
        return []
    # Compared as written first (hyphens count: "Ri Yong-ho" is one man's McCune-Reischauer
    # name, "Ri Yong Ho" both men's English one), then by words, then by key.
    inner_text = r.text[paren[0] + 1 : paren[1] - 1]
    written = _written(inner_text)
    fitting = [x for x in refs if written in {_written(t) for _, t in _name_texts(r, x)}]
    if len(fitting) != 1:
        words = name_words(inner_text)
        main = name_words(r.text[start:end])
        fitting = [
            x for x in refs if any(name_words(t) == words != main for _, t in _name_texts(r, x))
        ]
    if len(fitting) != 1:
        inner = match_key(inner_text)
        fitting = [x for x in refs if inner in _name_keys(r, x)]
    return fitting


def _event_date(r: Context, ref: str) -> str | None:
    if ref in r.reg:
        date = r.reg.peek(ref).fields.get("date")
        return date.iso if isinstance(date, PartialDate) else None
    for key, rid in r.known.events_by_act.items():
        if rid == ref:
            return key[1] or None
    return None


def _name_texts(r: Context, ref: str) -> set[tuple[str, str]]:
    if ref in r.reg:
        return {(n.system, n.text) for n in r.reg.peek(ref).names}
    return r.known.name_texts.get(ref, set())


def _name_keys(r: Context, ref: str) -> set[str]:
    if ref in r.reg:
        return {match_key(n.text) for n in r.reg.peek(ref).names}
    return r.known.name_keys.get(ref, set())


def _party_attr(r: Context, ref: str) -> str | None:
    if ref in r.reg:
        return r.reg.peek(ref).attrs.get("party")
    return r.known.root_party(ref)


def _ancestors(r: Context, ref: str) -> list[str]:
    if ref in r.reg:
        out: list[str] = []
        parent = r.reg.peek(ref).fields.get("parent")
        while isinstance(parent, Ref) and parent.key in r.reg and len(out) < 10:
            out.append(r.reg.resolve(parent.key))
            parent = r.reg.peek(parent.key).fields.get("parent")
        return out
    return r.known.ancestors(ref)


def _written(text: str) -> str:
    """A name as written, up to case, apostrophe shapes, spacing and Unicode form."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.casefold().split())
