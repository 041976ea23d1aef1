"""Passes that find events by their names: ordinal names with their series ("the 4th Meeting
of Party Cell Secretaries"), renamings ("X held in May of Juche 80 (1991) shall be called the
First Meeting of ..."), events named by the date they were held, and Korean "제N차" events."""

from __future__ import annotations

import re

from ..names import match_key
from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.facts import without_state_qualifier
from ..reading.state import Context, Found
from ..reading.words import series_key
from .shared import OWNER, event_phrase, head_type, known_at, known_span, organ_label, surface

__all__ = ["named_events", "korean_events"]

_RENAMING = re.compile(
    r"shall\s+be\s+called|renamed|will\s+be\s+called|to\s+be\s+called|be\s+known\s+as"
)


_MODIFIERS = frozenset({"enlarged", "expanded", "extended"})


def _event_entities(r: Context, i: int, end: int, kind: str, why: str) -> Entity | None:
    ordinal = r.lex.ordinal(r.doc.words[i])
    if ordinal is None:
        return None
    said, span = surface(r, i, end)
    # "... of its 8th Central Committee"; "... of the DPRK" says whose organ, not which meeting
    name = without_state_qualifier(OWNER.sub("of the ", said))
    # "the 7th Enlarged Plenary Meeting of ...": enlarged is this meeting, not its series
    first = i + 1
    while first < end - 1 and r.doc.keys[first] in _MODIFIERS:
        first += 1
    series_name = without_state_qualifier(OWNER.sub("of the ", surface(r, first, end)[0]))
    skey = series_key(series_name)
    series = r.reg.add(Entity(f"event:series:{skey}", "event"))
    series.fields.setdefault("type", "series")
    series.attrs["series_key"] = skey
    series.add_name(NameDraft(series_name, spans=[span]))
    series.note("a numbered series of events", span)
    event = r.reg.add(Entity(f"event:{skey}:{ordinal}", "event"))
    event.fields.setdefault("type", kind)
    event.fields["series"] = Ref(series.key)
    event.fields["ordinal"] = ordinal
    event.attrs["series_key"] = skey
    event.add_name(NameDraft(name, spans=[span]))
    if said != name:  # the words printed, for the mentions
        event.attrs.setdefault("said", []).append(said)
    event.note(why, span)
    return event


def named_events(r: Context) -> Found:
    """Ordinal event names, renamings, and events named with the date they were held."""
    doc, n = r.doc, len(r.doc.words)
    r.renamings = []
    for i in range(n):
        if r.claimed[i] or r.lex.ordinal(doc.words[i]) is None:
            continue
        found = event_phrase(r, i + 1)
        if found is None or not doc.gap_ok[i]:
            continue
        end, kind, _ = found
        if known_at(r, i, end, "event") is not None or known_at(r, i + 1, end, "event") is not None:
            continue  # an event the records have (under this name)
        _event_entities(r, i, end, kind, f"an event named “{surface(r, i, end)[0]}”")
    # "X held in May of Juche 80 (1991) shall be called the First Meeting of ...".
    for date in r.dates:
        held = re.search(r"\bheld\s+(?:in|on)\s+$", r.text[max(0, date.start - 14) : date.start])
        if not held:
            continue
        held_word = doc.word_index_at(max(0, date.start - 14) + held.start())
        k = held_word - 1
        allowed = {"of", "the", "across", "country", "nationwide", "for", "whole", "all", "in"}
        while (
            k >= 0 and doc.gap_ok[k] and (doc.is_cap(k) or doc.keys[k] in allowed)
            and held_word - k < 16
        ):  # fmt: skip
            k -= 1
        first = k + 1
        while first < held_word and doc.keys[first] in ("the", "and", "in"):
            first += 1
        if (
            first >= held_word
            or event_phrase(r, first) is None
            and head_type(r, first, held_word) is None
        ):
            continue
        old_name, old_span = surface(r, first, held_word)
        sentence = doc.sentence_at(date.start)
        renaming = sentence is not None and _RENAMING.search(r.text[sentence.start : sentence.end])
        after = re.match(
            r"\s*,?\s*(?:(?:shall|will|is\s+to)\s+be\s+(?:called|renamed(?:\s+as)?)|(?:is|was|be)\s+renamed(?:\s+as)?|is\s+called)?\s*(?:the\s+)?",
            r.text[date.end : date.end + 80],
        )
        new_first = doc.word_index_at(date.end + (after.end() if after else 0))
        new_event = None
        if renaming and new_first < n and r.lex.ordinal(doc.words[new_first]) is not None:
            found = event_phrase(r, new_first + 1)
            if found is not None and known_at(r, new_first, found[0], "event") is not None:
                continue  # the renamed event is a record already
            if found is not None:
                new_event = _event_entities(
                    r,
                    new_first,
                    found[0],
                    found[1],
                    f"renamed “{surface(r, new_first, found[0])[0]}”",
                )
        if new_event is not None and date.date is not None:
            new_event.fields["date"] = date.date
            former = new_event.add_name(NameDraft(old_name, kind="former", spans=[old_span]))
            r.renamings.append((new_event.key, former.text, date.start))
            new_event.note(f"formerly “{old_name}”, held in {date.text}", old_span)
        elif date.date is not None and not renaming:
            key = "event:name:" + match_key(old_name)
            event = r.reg.add(Entity(key, "event"))
            event.fields.setdefault("type", head_type(r, first, held_word) or "meeting")
            event.fields.setdefault("date", date.date)
            event.add_name(NameDraft(old_name, spans=[old_span]))
            event.note(f"an event held in {date.text}", old_span)
    return r.found()


def korean_events(r: Context) -> Found:
    """ "조선로동당 제7차대회": an ordinal event named in Korean (제N차 + kind of meeting)."""
    heads = sorted(r.lex.korean_event_heads, key=len, reverse=True)
    if not heads:
        return r.found()
    pattern = re.compile(
        r"제\s*(?P<n>\d{1,3})\s*차\s*(?P<body>[가-힣]{0,12}?(?:" + "|".join(heads) + "))"
    )
    for m in pattern.finditer(r.text):
        if r.doc.block_at(m.start()) is None:
            continue
        body = m.group("body")
        kind = next(r.lex.korean_event_heads[h] for h in heads if body.endswith(h))
        start = m.start()
        # The organ written before it is part of the name: "조선로동당 제7차대회".
        before = re.search(r"([가-힣]+)\s*$", r.text[max(0, start - 20) : start])
        organ = None
        if before:
            o_start = start - len(before.group(0))
            organ = known_span(r, (o_start, o_start + len(before.group(1))), "organ")
            if organ is not None:
                start = o_start
        name = " ".join(r.text[start : m.end()].split())
        # The English name KCNA would give it ("7th Congress of the WPK"), so that the event is
        # one with its mentions in English.
        head = next(h for h in heads if body.endswith(h))
        english = None
        if r.lex.korean_event_english.get(head) and body == head:
            number = int(m.group("n"))
            suffix = (
                "th"
                if 10 <= number % 100 <= 20
                else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
            )
            english = f"{number}{suffix} {r.lex.korean_event_english[head]}"
            if organ is not None:
                label = organ_label(r, organ)
                english = f"{english} of the {label}" if label else english
        series_name = (r.text[start : m.start()] + body).strip()
        skey = (
            series_key(english.split(" ", 1)[1])
            if english
            else "ko:" + series_name.replace(" ", "")
        )
        series = r.reg.add(Entity(f"event:series:{skey}", "event"))
        series.fields.setdefault("type", "series")
        series.add_name(NameDraft(" ".join(series_name.split()), system="hangul", derived=True))
        series.note("a numbered series of events", (start, m.end()))
        event = r.reg.add(Entity(f"event:{skey}:{m.group('n')}", "event"))
        event.fields.setdefault("type", kind)
        event.fields["series"] = Ref(series.key)
        event.fields["ordinal"] = int(m.group("n"))
        event.add_name(NameDraft(name, system="hangul", spans=[(start, m.end())]))
        if english:
            event.add_name(NameDraft(english, derived=True))
            series.add_name(NameDraft(english.split(" ", 1)[1], derived=True))
        event.note(f"an event named “{name}”", (start, m.end()))
        r.pinned.append(Mention(start, m.end(), r.text[start : m.end()], event.key, "event"))
    return r.found()
