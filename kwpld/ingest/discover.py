"""Find the names of entities the data folder does not know yet.

No statistical model: each kind of entity is found by how such names are built, which is
stable in writing on the DPRK.

* **People**: a Korean family name followed by two romanized syllables or a hyphenated given
  name ("Kim Jong Su", "Kim Cho’ng-su"), with a spelling in parentheses taken as the same
  person; Western names only where a credit or byline says someone made the work. A
  capitalized word at the start of a sentence is never a person by itself.
* **Organs**: the lexicon's head words (Party, Central Committee, Political Bureau, ...) with
  the capitalized qualifiers before them, read as a chain ("KWP Central Committee Political
  Bureau" is a Political Bureau inside a Central Committee inside the KWP); lowercase
  collective organs ("party cells"); publications ("published in Rodong Sinmun").
* **Abbreviations**: glosses ("WPK [Workers’ Party of Korea; KWP]", "Full Name (ABBR)") and
  initials of names found ("Korean Workers’ Party" -> KWP, "NK Leadership Watch" -> NKLW).
* **Images**: captions that end in a credit ("(Graphic by Michael Madden/NK Leadership Watch)").
* **Events**: ordinal names ("the 4th Meeting of Party Cell Secretaries") with their series, and
  renamings ("X held in May of Juche 80 (1991) shall be called the First Meeting of ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..names import (
    System,
    ascii_to_mr,
    guess_system,
    hangul_to_rr,
    is_hangul,
    is_korean_surname,
    korean_name_parts,
    match_key,
    mr_to_hangul,
    name_words,
)
from .entities import Entity, Mention, NameDraft, Ref
from .lexicon import OrganHead
from .read import Reader

__all__ = ["run", "straight", "series_key", "initials", "organ_broader"]

_STOP_QUALIFIERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
        "according", "in", "on", "at", "for", "by", "with", "from", "and", "of", "as", "to",
        "graphic", "photo", "image", "map", "chart", "when", "while", "after", "before", "today",
        "meanwhile", "also", "but", "if", "so", "both", "each", "every", "all", "some",
        "whole", "entire", "ruling", "basic", "same", "new", "former", "my", "your",
    }
)  # fmt: skip
_NOT_PERSON_AFTER = frozenset(
    {
        "university", "square", "street", "stadium", "prize", "order", "medal", "award",
        "mausoleum", "palace", "park", "bridge", "academy", "school", "institute", "hall",
        "plaza", "tower", "station", "league", "youth", "flower", "statue", "statues", "theatre",
        "theater", "factory", "complex", "sun", "birthday", "kimilsungia", "kimjongilia",
    }
)  # fmt: skip
_ORG_WORDS = frozenset(
    {
        "agency", "news", "watch", "sinmun", "times", "center", "centre", "institute", "university",
        "committee", "party", "bureau", "department", "service", "television", "radio", "press",
        "media", "daily", "post", "herald", "journal", "review", "group", "network", "foundation",
    }
)  # fmt: skip
_DEMONYMS = {
    "korean": "korea",
    "chinese": "china",
    "japanese": "japan",
    "soviet": "ussr",
    "vietnamese": "vietnam",
}
_FUNCTION = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "at", "to"})
_SERIES_STOP = frozenset(
    {
        "of",
        "the",
        "for",
        "a",
        "an",
        "and",
        "party",
        "workers",
        "korea",
        "korean",
        "whole",
        "wpk",
        "kwp",
        "all",
    }
)
_RENAMING = re.compile(
    r"shall\s+be\s+called|renamed|will\s+be\s+called|to\s+be\s+called|be\s+known\s+as"
)
_CREDIT_WORDS = r"Graphics?|Photos?|Photograph|Images?|Maps?|Charts?|Illustrations?|Video"
_CREDIT_END = re.compile(
    rf"\(\s*(?P<credit>(?:{_CREDIT_WORDS})\s*(?:by\s+|:\s*)(?P<who>[^()]+?))\s*\)\s*$"
    rf"|\(\s*(?P<credit2>(?P<who2>[^()]+?)\s+(?:photos?|graphics?|images?))\s*\)\s*$"
)
_CREDIT_LINE = re.compile(rf"^(?P<credit>(?:{_CREDIT_WORDS})\s*(?:by\s+|:\s*)(?P<who>.+?))\s*$")
_BYLINE = re.compile(r"^\s*(?:By|Written by|Text by|Report by)\s+(?P<names>[A-Z][^\n]{2,100}?)\s*$")
_PUBLISHED_IN = re.compile(
    r"\b(?:published|carried|printed|appeared|ran|run)\s+(?:in|by)\s+(?:the\s+)?(?=[A-Z])"
)


_TRANSLITERATED = "Transliterated from the McCune-Reischauer form; not printed in the source."


def _words(name: NameDraft) -> tuple[str, ...]:
    return name_words(name.text)


def straight(text: str) -> str:
    """Names are recorded with straight apostrophes and single spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").split())


def initials(text: str) -> str:
    """ "Korean Workers' Party" -> "KWP"; "NK Leadership Watch" -> "NKLW"."""
    out = []
    for word in straight(text).replace("-", " ").split():
        if word.lower() in _FUNCTION:
            continue
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            out.extend(letters)
        elif letters:
            out.append(letters[0].upper())
    return "".join(out)


def _party_bag(text: str) -> str:
    words = [w for w in name_words(text) if w not in _FUNCTION]
    return " ".join(sorted(_DEMONYMS.get(w, w) for w in words))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def series_key(text: str) -> str:
    """What identifies a series of events whatever its wording: "Meeting of Party Cell
    Secretaries" and "Meeting of Secretaries of Cells of the WPK" both give
    "cell meeting secretary"."""
    words = {_singular(w) for w in name_words(text) if w not in _SERIES_STOP}
    return " ".join(sorted(words))


@cache
def organ_broader() -> dict[str, str]:
    """Organ kind -> its broader kind, from ontology/vocabularies.ttl (skos:broader)."""
    from ..vocab import vocabularies

    scheme = vocabularies()["organ-kind"]
    return {n: c.broader for n, c in scheme.concepts.items() if c.broader is not None}


def party_tree(kind: str) -> bool:
    """True for kinds of organ that sit inside a party (party cell, Political Bureau, ...)."""
    broader = organ_broader()
    seen = set()
    while kind in broader and kind not in seen:
        seen.add(kind)
        kind = broader[kind]
        if kind == "party":
            return True
    return False


# ---------------------------------------------------------------------------------------------


def run(r: Reader) -> None:
    phrases = _organ_phrases(r)
    _parties(r, phrases)
    _glosses(r)
    _credits(r)
    _publications(r)
    _people(r)
    _bylines(r)
    _abbreviations(r)
    _party_organs(r, phrases)
    _bare_parties(r, phrases)
    _collective_organs(r)
    _late_glosses(r)
    _shorter_names(r)
    _parents(r)
    _named_events(r)
    _korean_events(r)


# -- organs -----------------------------------------------------------------------------------


@dataclass
class _Segment:
    first: int
    last: int
    head: OrganHead
    head_first: int
    abbrevs: list[int] = field(default_factory=list)
    entity: str | None = None


@dataclass
class _Phrase:
    first: int
    last: int
    segments: list[_Segment]
    of_link: int | None = None
    its: bool = False
    known: bool = False


def _heads_first(r: Reader) -> dict[str, list[tuple[tuple[str, ...], OrganHead]]]:
    table: dict[str, list[tuple[tuple[str, ...], OrganHead]]] = {}
    for words, head in r.lex.heads_by_words.items():
        table.setdefault(words[0], []).append((words, head))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def _organ_phrases(r: Reader) -> list[_Phrase]:
    a, n = r.a, len(r.a.words)
    table = _heads_first(r)
    occurrences: list[tuple[int, int, OrganHead]] = []
    i = 0
    while i < n:
        found = None
        if r.is_cap(i):
            for words, head in table.get(a.keys[i], []):
                end = i + len(words)
                if (
                    end <= n
                    and tuple(a.keys[i:end]) == words
                    and all(r.is_cap(k) for k in range(i, end))
                    and all(r.gap_ok[k] for k in range(i, end - 1))
                ):
                    found = (i, end, head)
                    break
        if found:
            occurrences.append(found)
            i = found[1]
        else:
            i += 1
    starts = {o[0] for o in occurrences}
    valid = []
    for first, last, head in occurrences:
        # A head followed by another capitalized word is a modifier ("Party Cell Secretaries"),
        # except in a headline, where every word is capitalized ("Military Commission Meets").
        in_title = _in_title(r, first)
        if (
            last < n
            and r.gap_ok[last - 1]
            and r.is_cap(last)
            and last not in starts
            and not in_title
        ):
            continue
        valid.append((first, last, head))
    phrases: list[_Phrase] = []
    index = 0
    while index < len(valid):
        chain = [valid[index]]
        while (
            index + 1 < len(valid)
            and valid[index + 1][0] == chain[-1][1]
            and r.gap_ok[chain[-1][1] - 1]
        ):
            index += 1
            chain.append(valid[index])
        index += 1
        phrase = _phrase(r, chain)
        if phrase is not None:
            phrases.append(phrase)
    return phrases


def _in_title(r: Reader, word: int) -> bool:
    block = r.a.block_at(r.a.word_starts[word])
    return block is not None and r.a.blocks[block].kind in ("title", "heading")


def _phrase(r: Reader, chain: list[tuple[int, int, OrganHead]]) -> _Phrase | None:
    a, n = r.a, len(r.a.words)
    first = chain[0][0]
    k = first - 1
    while (
        k >= 0
        and r.gap_ok[k]
        and first - k <= 4
        and (r.is_cap(k) or r.is_allcaps(k))
        and a.keys[k] not in _STOP_QUALIFIERS
        and not _is_person_word(r, k)
    ):
        k -= 1
    qualifiers = list(range(k + 1, first))
    its = k >= 0 and a.keys[k] == "its" and r.gap_ok[k]
    segments: list[_Segment] = []
    for position, (head_first, head_last, head) in enumerate(chain):
        seg_first = qualifiers[0] if position == 0 and qualifiers else head_first
        abbrevs = [q for q in qualifiers if r.is_allcaps(q)] if position == 0 else []
        last = head_last
        if head.kind == "party":
            last = _of_extension(r, head_last)
            named = [q for q in qualifiers if q not in abbrevs] if position == 0 else []
            if last == head_last and not named and len(name_words(head.head)) == 1:
                continue  # a bare "Party" names no party
        segments.append(_Segment(seg_first, last, head, head_first, abbrevs))
    if not segments:
        return None
    phrase = _Phrase(segments[0].first, segments[-1].last, segments, its=its)
    end = phrase.last
    if end < n and a.keys[end] == "of" and r.gap_ok[end - 1] and segments[-1].head.kind != "party":
        m = end + 1
        if m < n and a.keys[m] == "the" and r.gap_ok[m - 1]:
            m += 1
        if m < n and r.gap_ok[m - 1] and r.is_cap(m):
            phrase.of_link = m
    phrase.known = all(r.claimed[i] for i in range(phrase.first, phrase.last))
    return phrase


def _of_extension(r: Reader, end: int) -> int:
    """'Party' + 'of Korea': the words a party's name continues with."""
    a, n = r.a, len(r.a.words)
    if end < n and a.keys[end] == "of" and r.gap_ok[end - 1]:
        m = end + 1
        if m < n and a.keys[m] == "the" and r.gap_ok[m - 1]:
            m += 1
        stop = m
        while (
            stop < n
            and stop - m < 3
            and r.is_cap(stop)
            and r.gap_ok[stop - 1]
            and not r.is_allcaps(stop)
        ):
            stop += 1
        if stop > m:
            return stop
    return end


def _is_person_word(r: Reader, k: int) -> bool:
    return (
        is_korean_surname(r.a.words[k])
        and k + 2 < len(r.a.words)
        and korean_name_parts(r.a.words[k : k + 3]) is not None
    )


def _surface(r: Reader, first: int, last: int) -> tuple[str, tuple[int, int]]:
    start, end = r.span_of(first, last)
    return straight(r.text[start:end]), (start, end)


def _party_entity(r: Reader, name: str, span: tuple[int, int] | None, why: str) -> Entity:
    key = "organ:party:" + _party_bag(name)
    entity = r.reg.add(Entity(key, "organ"))
    entity.attrs["organ_kind"] = "party"
    entity.attrs["party"] = entity.key
    entity.add_name(NameDraft(straight(name), spans=[span] if span else []))
    entity.note(why, span)
    return entity


def _parties(r: Reader, phrases: list[_Phrase]) -> None:
    for phrase in phrases:
        for segment in phrase.segments:
            if segment.head.kind != "party":
                continue
            first = segment.first if not segment.abbrevs else max(segment.abbrevs) + 1
            if first == segment.head_first and segment.last == segment.head_first + len(
                name_words(segment.head.head)
            ):
                continue  # "the Workers' Party": the party of the article, resolved later
            name, span = _surface(r, first, segment.last)
            if all(r.claimed[i] for i in range(first, segment.last)):
                segment.entity = _known_at(r, first, segment.last, "organ")
                continue
            segment.entity = _party_entity(r, name, span, f"a party named “{name}”").key


def _bare_parties(r: Reader, phrases: list[_Phrase]) -> None:
    """ "The Workers’ Party’s newspaper": an unqualified party head is the article's party."""
    for phrase in phrases:
        for segment in phrase.segments:
            if segment.head.kind != "party" or segment.entity is not None:
                continue
            if all(r.claimed[i] for i in range(segment.first, segment.last)):
                continue
            party = r.main_party
            span = r.span_of(segment.head_first, segment.last)
            if party is None:
                name, span = _surface(r, segment.head_first, segment.last)
                party = _party_entity(r, name, span, f"a party named “{name}”").key
            segment.entity = party
            r.pinned.append(
                Mention(span[0], span[1], r.text[span[0] : span[1]], party, "organ", "short")
            )


def _shorter_names(r: Reader) -> None:
    """ "Military Commission" in a headline is the "Central Military Commission" of the text:
    an organ all of whose names end another organ's name (of the same kind) is that organ."""
    organs = [e for e in r.reg.of_kind("organ") if e.known is None and e.names]
    for entity in organs:
        if entity.key not in r.reg.entities:
            continue
        words = [name_words(n.text) for n in entity.names if n.kind != "abbreviation"]
        if not words:
            continue
        kind = entity.attrs.get("organ_kind")
        owners = [
            o for o in organs
            if o is not entity and o.key in r.reg.entities and o.attrs.get("organ_kind") == kind
            and all(
                any(len(w) < len(ow) and ow[-len(w) :] == w for ow in map(_words, o.names))
                for w in words
            )
        ]  # fmt: skip
        if len(owners) == 1:
            r.reg.merge(owners[0].key, entity.key)


def _late_glosses(r: Reader) -> None:
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


def _korean_events(r: Reader) -> None:
    """ "조선로동당 제7차대회": an ordinal event named in Korean (제N차 + kind of meeting)."""
    heads = sorted(r.lex.korean_event_heads, key=len, reverse=True)
    if not heads:
        return
    pattern = re.compile(
        r"제\s*(?P<n>\d{1,3})\s*차\s*(?P<body>[가-힣]{0,12}?(?:" + "|".join(heads) + "))"
    )
    for m in pattern.finditer(r.text):
        if r.a.block_at(m.start()) is None:
            continue
        body = m.group("body")
        kind = next(r.lex.korean_event_heads[h] for h in heads if body.endswith(h))
        start = m.start()
        # The organ written before it is part of the name: "조선로동당 제7차대회".
        before = re.search(r"([가-힣]+)\s*$", r.text[max(0, start - 20) : start])
        organ = None
        if before:
            o_start = start - len(before.group(0))
            organ = _known_span(r, (o_start, o_start + len(before.group(1))), "organ")
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
                label = _organ_label(r, organ)
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


def _organ_label(r: Reader, key: str) -> str | None:
    """How English names an organ inside another name: its abbreviation, else its name."""
    entity = r.reg.get(key)
    if entity.known:
        return r.known.abbreviations.get(entity.known) or r.known.labels.get(entity.known)
    for name in entity.names:
        if name.kind == "abbreviation":
            return name.text
    return entity.names[0].text if entity.names else None


def _known_at(r: Reader, first: int, last: int, kind: str) -> str | None:
    for match in r._known_matches:
        if match.first <= first and last <= match.last:
            refs = {t.ref for t in match.targets if t.kind == kind and not t.weak}
            if len(refs) == 1:
                return r.reg.known(next(iter(refs)), kind).key
    return None


_GLOSS_BRACKET = re.compile(
    r"\b(?P<abbr>[A-Z]{2,6})\s*\[(?P<full>[^\];\]]+?)(?:;\s*(?P<abbr2>[A-Z]{2,6}))?\]"
)
_GLOSS_FULL_FIRST = re.compile(r"\((?P<abbr>[A-Z]{2,6})\)")
_GLOSS_ABBR_FIRST = re.compile(r"\b(?P<abbr>[A-Z]{2,6})\s*\((?P<full>[A-Z][^()]{3,80})\)")


def _glosses(r: Reader) -> None:
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
        words = r.a.words_between(max(0, m.start() - 120), m.start())
        for first in range(words.stop - 1, max(words.start, words.stop - 9) - 1, -1):
            full_start = r.a.word_starts[first]
            candidate = r.text[full_start : m.start()].strip()
            if initials(candidate) == abbr and r.is_cap(first):
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
            known = _known_span(r, span, "organ")
            if known is not None:
                for abbr, _abbr_span, is_abbr in group:
                    if is_abbr:
                        r.abbreviations.setdefault(abbr, known)
                continue
            if "Party" in full.split() or "Party" in straight(full).split():
                entity = _party_entity(r, full, span, f"the text spells out “{full}”")
                for name in entity.names:
                    if name.text == straight(full):
                        name.kind = "preferred"
                entity.attrs["gloss"] = straight(full)
                for abbr, abbr_span, _is_abbr in group:
                    if _is_abbr:
                        entity.add_name(NameDraft(abbr, kind="abbreviation", spans=[abbr_span]))
                        r.abbreviations[abbr] = entity.key


def _looks_like_person(text: str) -> bool:
    words = straight(text).split()
    if not 2 <= len(words) <= 3:
        return False
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters or not word[0].isupper() or all(c.isupper() for c in letters):
            return False
        if word.lower() in _ORG_WORDS or word.lower() in _FUNCTION:
            return False
    return True


def _outlet(r: Reader, text: str, span: tuple[int, int], why: str) -> str | None:
    """An outlet named in a credit or as a publication; abbreviations are resolved later."""
    name = straight(text)
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) == 1 and letters and all(c.isupper() for c in letters):
        r.pending_abbrevs.append((name, span, why))
        return None
    key = _find_organ_by_name(r, name)
    if key is not None:
        return key
    if _covered_by_known(r, span, "organ"):
        return _known_span(r, span, "organ")
    kind = "media-outlet"
    words = name_words(name)
    for head_words, head in r.lex.heads_by_words.items():
        if words[-len(head_words) :] == head_words and len(words) >= len(head_words):
            kind = head.kind
    if (
        words
        and words[-1] in {w.lower() for w in r.lex.publication_words}
        and kind == "media-outlet"
    ):
        kind = (
            "newspaper"
            if words[-1]
            in ("sinmun", "times", "daily", "post", "herald", "journal", "choson", "joson")
            else "media-outlet"
        )
    entity = r.reg.add(Entity("organ:outlet:" + match_key(name), "organ"))
    entity.attrs["organ_kind"] = kind
    entity.add_name(NameDraft(name, spans=[span]))
    entity.note(why, span)
    return entity.key


def _find_organ_by_name(r: Reader, name: str) -> str | None:
    key = match_key(name)
    for entity in r.reg.of_kind("organ"):
        if any(match_key(n.text) == key for n in entity.names):
            return entity.key
    return None


def _covered_by_known(r: Reader, span: tuple[int, int], kind: str) -> bool:
    return _known_span(r, span, kind) is not None


def _known_span(r: Reader, span: tuple[int, int], kind: str) -> str | None:
    words = r.a.words_between(span[0], span[1])
    if not len(words):
        return None
    return _known_at(r, words.start, words.stop, kind)


def _person(
    r: Reader, name: str, span: tuple[int, int] | None, why: str, system: str = "en"
) -> str:
    known = _known_span(r, span, "person") if span else None
    if known is not None:
        return known
    key = "person:" + match_key(name)
    entity = r.reg.add(Entity(key, "person"))
    entity.add_name(NameDraft(straight(name), system=system, spans=[span] if span else []))
    entity.note(why, span)
    return entity.key


def _credits(r: Reader) -> None:
    r.pending_abbrevs = []
    count = 0
    for block in r.a.blocks:
        body = r.text[block.start : block.end]
        match = _CREDIT_END.search(body)
        credit = who = None
        caption_end = block.end
        if match:
            credit = match.group("credit") or match.group("credit2")
            who = match.group("who") or match.group("who2")
            who_start = block.start + (
                match.start("who") if match.group("who") else match.start("who2")
            )
            caption_end = block.start + match.start()
        elif block.kind == "caption":
            credit = block.credit
            who_start = -1
            line = _CREDIT_LINE.match(credit or "")
            who = line.group("who") if line else None
        else:
            continue
        count += 1
        while caption_end > block.start and r.text[caption_end - 1].isspace():
            caption_end -= 1
        caption = r.text[block.start : caption_end]
        image = r.reg.add(Entity(f"article:image:{count}", "article"))
        image.fields.update({"type": "image", "caption": " ".join(caption.split())})
        if credit:
            image.fields["credit"] = " ".join(credit.split())
        image.attrs.update(
            {"block": (block.start, block.end), "caption": (block.start, caption_end), "n": count}
        )
        image.note(
            f"an image caption with the credit “{credit}”" if credit else "an image caption",
            (block.start, block.end),
        )
        r.images.append(image.key)
        if not who:
            continue
        parts = [p for p in re.split(r"\s*/\s*", who.strip()) if p]
        offset = who_start
        spans = []
        for part in parts:
            if offset >= 0:
                position = r.text.find(part, offset)
                spans.append((position, position + len(part)))
                offset = position + len(part)
            else:
                spans.append(None)
        creator, creator_span = parts[0], spans[0]
        if _looks_like_person(creator) or (korean_name_parts(creator.split()) is not None):
            person = _person(r, creator, creator_span, f"credited for an image: “{credit}”")
            image.fields["authors"] = [Ref(person)]
            image.attrs["creator"] = person
        elif creator_span:
            outlet = _outlet(r, creator, creator_span, f"credited for an image: “{credit}”")
            if outlet:
                image.fields["authors"] = [Ref(outlet)]
        if len(parts) > 1 and spans[-1]:
            outlet = _outlet(r, parts[-1], spans[-1], f"credited for an image: “{credit}”")
            if outlet:
                image.fields["publisher"] = Ref(outlet)
            else:
                image.attrs["publisher_abbrev"] = straight(parts[-1])


def _publications(r: Reader) -> None:
    for match in _PUBLISHED_IN.finditer(r.text):
        first = r.a.word_index_at(match.end())
        last = first
        while (
            last < len(r.a.words)
            and last - first < 4
            and r.is_cap(last)
            and (last == first or r.gap_ok[last - 1])
        ):
            last += 1
        if last == first:
            continue
        name, span = _surface(r, first, last)
        if len(name.split()) == 1 and name.isupper():
            r.pending_abbrevs.append((name, span, "named as where a work was published"))
            continue
        key = _outlet(r, name, span, f"a work was published in “{name}”")
        if key:
            r.publications[span] = key


def _people(r: Reader) -> None:
    a, n = r.a, len(r.a.words)
    i = 0
    while i < n:
        if r.claimed[i] or not r.is_cap(i) or not is_korean_surname(a.words[i]):
            i += 1
            continue
        found = _korean_name_at(r, i)
        if found is None:
            i += 1
            continue
        last, name = found
        span = r.span_of(i, last)
        key = _person(r, name, span, f"a Korean personal name, “{r.text[span[0] : span[1]]}”")
        entity = r.reg.get(key)
        paren = (
            r.a.paren_after(span[1])
            if not r.text[span[1] : span[1] + 2].startswith(("’s", "'s"))
            else None
        )
        if paren is not None and entity.known is None:
            _parenthetical_spelling(r, entity, paren)
        i = last
    # Merge the same person found under spellings with one match key.
    by_key: dict[str, str] = {}
    for entity in r.reg.of_kind("person"):
        if entity.known:
            continue
        for name in entity.names:
            mk = match_key(name.text)
            if mk in by_key and r.reg.resolve(by_key[mk]) != entity.key:
                r.reg.merge(by_key[mk], entity.key)
                break
            by_key.setdefault(mk, entity.key)


def _korean_name_at(r: Reader, i: int) -> tuple[int, str] | None:
    a, n = r.a, len(r.a.words)
    if i + 2 < n and r.gap_ok[i] and r.gap_ok[i + 1] and not any(r.claimed[i : i + 3]):
        between = (
            r.text[a.word_ends[i] : a.word_starts[i + 1]],
            r.text[a.word_ends[i + 1] : a.word_starts[i + 2]],
        )
        words = [a.words[i], a.words[i + 1], _core(a.words[i + 2])]
        if "-" not in between[0] and "-" in between[1]:
            parts = korean_name_parts([words[0], f"{words[1]}-{words[2]}"])
            if parts is not None and not _followed_by_place(r, i + 3):
                return i + 3, f"{words[0]} {words[1]}-{words[2]}"
        elif "-" not in between[0] and "-" not in between[1]:
            parts = korean_name_parts(words)
            if parts is not None and not _followed_by_place(r, i + 3):
                return i + 3, " ".join(words)
    return None


def _core(word: str) -> str:
    if word[-2:] in ("’s", "'s"):
        return word[:-2]
    return word.rstrip("’'")


def _followed_by_place(r: Reader, j: int) -> bool:
    return j < len(r.a.words) and r.gap_ok[j - 1] and r.a.keys[j] in _NOT_PERSON_AFTER


def _parenthetical_spelling(r: Reader, entity: Entity, paren: tuple[int, int]) -> None:
    """ "Kim Jong Su (Kim Cho’ng-su)": the same person in another romanization (or Hangul)."""
    inner_start, inner_end = paren[0] + 1, paren[1] - 1
    inner = r.text[inner_start:inner_end].strip()
    if not inner:
        return
    words = inner.split()
    if is_hangul(inner) and 2 <= len(inner.replace(" ", "")) <= 4:
        entity.add_name(NameDraft(inner, system="hangul", spans=[(inner_start, inner_end)]))
        entity.add_name(NameDraft(hangul_to_rr(inner), system="rr", derived=True))
        entity.note(f"written in Hangul as {inner}", (inner_start, inner_end))
        return
    if korean_name_parts(words) is None:
        return
    guessed = guess_system(inner)
    system = guessed.value if guessed in (System.MR, System.MR_ASCII) else "en"
    entity.add_name(NameDraft(straight(inner), system=system, spans=[(inner_start, inner_end)]))
    entity.note(f"also written “{inner}”", (inner_start, inner_end))
    for i in r.a.words_between(inner_start, inner_end):
        r.claimed[i] = True
    if system in ("mr", "mr-ascii"):
        mr = ascii_to_mr(straight(inner))
        if mr != straight(inner):
            entity.add_name(NameDraft(mr, system="mr", derived=True))
        hangul = mr_to_hangul(mr)
        if hangul:
            entity.add_name(
                NameDraft(
                    hangul,
                    system="hangul",
                    derived=True,
                    note=_TRANSLITERATED,
                )
            )
            entity.add_name(NameDraft(hangul_to_rr(hangul), system="rr", derived=True))


def _bylines(r: Reader) -> None:
    r.byline_authors = []
    for block in r.a.blocks[:6]:
        body = r.text[block.start : block.end]
        match = _BYLINE.match(body)
        if not match or len(body) > 120:
            continue
        names_start = block.start + match.start("names")
        for part in re.finditer(r"[^,&]+?(?=\s*(?:,|&|\band\b|$))", match.group("names")):
            text = part.group(0).strip()
            if text.lower().startswith("and "):
                text = text[4:]
            if not text or not (_looks_like_person(text) or korean_name_parts(text.split())):
                continue
            start = names_start + match.group("names").index(text)
            key = _person(
                r, text, (start, start + len(text)), f"named in the byline “{body.strip()}”"
            )
            r.byline_authors.append(key)


def _abbreviations(r: Reader) -> None:
    """Give every all-capitals word the organ whose initials it is, when there is one."""
    found: dict[str, tuple[int, int]] = {}
    for i, word in enumerate(r.a.words):
        if not r.is_allcaps(i):
            continue
        core = _core(word)
        if core in r.lex.not_organs or not 2 <= len(core) <= 6:
            continue
        found.setdefault(core, r.span_of(i, i + 1))
    for name, span, _why in r.pending_abbrevs:
        found.setdefault(name, span)
    for abbr, span in sorted(found.items()):
        if abbr in r.abbreviations:
            continue
        if _covered_by_known(r, span, "organ"):
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
        abbr = image.attrs.get("publisher_abbrev")
        if abbr and abbr in r.abbreviations:
            image.fields["publisher"] = Ref(r.abbreviations[abbr])
        elif abbr:
            known = r.known.index
            for match in known.match([name_words(abbr)[0]], [abbr], [False]):
                refs = {t.ref for t in match.targets if t.kind == "organ"}
                if len(refs) == 1:
                    image.fields["publisher"] = Ref(r.reg.known(next(iter(refs)), "organ").key)


def _main_party(r: Reader) -> str | None:
    """The party the article is about: the one it names most (known or new)."""
    counts: dict[str, int] = {}
    for key in r.reg.entities:
        entity = r.reg.get(key)
        if entity.kind == "organ" and entity.attrs.get("organ_kind") == "party":
            counts[entity.key] = (
                counts.get(entity.key, 0) + len(entity.evidence) + len(entity.names)
            )
    for match in r._known_matches:
        for target in match.targets:
            if target.kind == "organ" and r.known.organ_kind.get(target.ref) == "party":
                key = r.reg.known(target.ref, "organ").key
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _party_organs(r: Reader, phrases: list[_Phrase]) -> None:
    main = _main_party(r)
    r.main_party = main
    by_first: dict[int, _Phrase] = {p.first: p for p in phrases}
    last_organ_in_sentence: dict[int, str] = {}
    for phrase in phrases:
        sentence = r.a.sentence_index(r.a.word_starts[phrase.first])
        party: str | None = None
        parent: str | None = None
        for segment in phrase.segments:
            if segment.head.kind == "party":
                party = segment.entity
                parent = party
                continue
            for q in segment.abbrevs:
                abbr = _core(r.a.words[q])
                owner = r.abbreviations.get(abbr)
                if owner is None:
                    owner = _known_at(r, q, q + 1, "organ")
                if owner is not None:
                    parent = owner
                    party = _party_of(r, owner) or party
            if phrase.its and parent is None and sentence in last_organ_in_sentence:
                parent = last_organ_in_sentence[sentence]
                party = _party_of(r, parent)
            segment_party = party or (main if party_tree(segment.head.kind) else None)
            qualified = segment.first < segment.head_first or segment is not phrase.segments[0]
            name, span = _surface(r, phrase.first, segment.last)
            if all(r.claimed[i] for i in range(phrase.first, segment.last)):
                segment.entity = _known_at(r, phrase.first, segment.last, "organ")
                if segment.entity is None:
                    segment.entity = _known_at(r, segment.head_first, segment.last, "organ")
                parent = segment.entity or parent
                continue
            head = segment.head
            existing = None if head.unique or not qualified else _find_organ_by_name(r, name)
            if existing is not None:
                segment.entity = existing
                parent = existing
                continue
            if head.unique and segment_party is not None:
                key = f"organ:{head.code}:{segment_party}"
            elif head.unique:
                key = f"organ:{head.code}:?"
            else:
                key = f"organ:{head.kind}:{match_key(name)}"
            entity = r.reg.add(Entity(key, "organ"))
            entity.attrs.setdefault("organ_kind", head.kind)
            entity.attrs.setdefault("head", head.head)
            if segment_party:
                entity.attrs.setdefault("party", segment_party)
            if parent is not None and parent != entity.key and "parent" not in entity.fields:
                entity.fields["parent"] = Ref(parent)
            elif (
                parent is not None
                and parent != entity.key
                and _depth(r, parent) > _depth(r, entity.fields["parent"].key)
            ):
                entity.fields["parent"] = Ref(parent)  # the longer chain tells more
            if qualified or not (head.unique and party_tree(head.kind)):
                # "the Cabinet", "the Supreme People's Assembly" are names; "the Political
                # Bureau" is short for the party's, and is not recorded as its name.
                entity.add_name(NameDraft(name, spans=[span]))
            else:
                entity.attrs.setdefault("short", set()).add(head.head)
            entity.note(f"an organ named “{r.text[span[0] : span[1]]}”", span)
            segment.entity = entity.key
            parent = entity.key
        if phrase.segments[-1].entity:
            last_organ_in_sentence[sentence] = phrase.segments[-1].entity
            _gloss_after(r, phrase)
    # "Presidium of the Political Bureau": the organ after "of" is the parent.
    for phrase in phrases:
        if phrase.of_link is None or phrase.segments[-1].entity is None:
            continue
        target = by_first.get(phrase.of_link)
        child = phrase.segments[-1].entity
        parent_key = (
            target.segments[-1].entity
            if target
            else _known_at(r, phrase.of_link, phrase.of_link + 1, "organ")
        )
        if parent_key and parent_key != child and r.reg.get(child).known is None:
            r.reg.get(child).fields["parent"] = Ref(parent_key)
            end = target.last if target else phrase.of_link + 1
            name, span = _surface(r, phrase.first, end)
            r.reg.get(child).add_name(NameDraft(name, spans=[span]))
    # One organ per party for unique kinds: an unqualified "Political Bureau" is the party's.
    for entity in list(r.reg.of_kind("organ")):
        if entity.key.endswith(":?") and entity.key in r.reg.entities:
            code = entity.key.split(":")[1]
            same = [
                e
                for e in r.reg.of_kind("organ")
                if e.key.startswith(f"organ:{code}:") and e.key != entity.key
            ]
            if len(same) == 1:
                r.reg.merge(same[0].key, entity.key)


def _depth(r: Reader, key: str) -> int:
    depth, seen = 0, set()
    entity = r.reg.get(key)
    while isinstance(entity.fields.get("parent"), Ref) and entity.key not in seen:
        seen.add(entity.key)
        depth += 1
        entity = r.reg.get(entity.fields["parent"].key)
    return depth


def _party_of(r: Reader, key: str) -> str | None:
    entity = r.reg.get(key)
    if entity.known:
        party = r.known.root_party(entity.known)
        return r.reg.known(party, "organ").key if party else None
    if entity.attrs.get("organ_kind") == "party":
        return entity.key
    return entity.attrs.get("party")


def _gloss_after(r: Reader, phrase: _Phrase) -> None:
    """ "its Presidium (standing committee)": a lowercase gloss is another name."""
    entity_key = phrase.segments[-1].entity
    if entity_key is None:
        return
    _, end = r.span_of(phrase.first, phrase.last)
    paren = r.a.paren_after(end)
    if paren is None:
        return
    inner = r.text[paren[0] + 1 : paren[1] - 1].strip()
    words = inner.split()
    if not 1 <= len(words) <= 4 or not all(w.isalpha() and w.islower() for w in words):
        return
    entity = r.reg.get(entity_key)
    if entity.known:
        return
    name = inner
    parent = entity.fields.get("parent")
    if isinstance(parent, Ref):
        head = r.reg.get(parent.key).attrs.get("head")
        if head:
            name = f"{inner} of the {head}"
    entity.add_name(NameDraft(name, spans=[(paren[0] + 1, paren[1] - 1)], derived=name != inner))
    entity.note(f"glossed as “{inner}”", (paren[0] + 1, paren[1] - 1))


def _collective_organs(r: Reader) -> None:
    a, n = r.a, len(r.a.words)
    forms: dict[tuple[str, ...], OrganHead] = {}
    for organ in r.lex.collective_organs:
        forms[name_words(organ.head)] = organ
        if organ.singular:
            forms[name_words(organ.singular)] = organ
    longest = max(len(k) for k in forms)
    countries = {name_words(c): c for c in r.lex.country_words}
    for i in range(n):
        for size in range(longest, 0, -1):
            words = tuple(a.keys[i : i + size])
            organ = forms.get(words)
            if organ is None or not all(r.gap_ok[k] for k in range(i, i + size - 1)):
                continue
            if any(r.claimed[i : i + size]):
                break
            first = i
            qualifier = None
            for country_words in sorted(countries, key=len, reverse=True):
                m = len(country_words)
                if (
                    i - m >= 0
                    and tuple(a.keys[i - m : i]) == country_words
                    and all(r.gap_ok[k] for k in range(i - m, i))
                ):
                    first, qualifier = i - m, countries[country_words]
                    break
            owner_party = None
            if i > 0 and r.gap_ok[i - 1] and r.is_allcaps(i - 1):
                owner = r.abbreviations.get(_core(a.words[i - 1]))
                owner_party = _party_of(r, owner) if owner else None
            in_party = party_tree(organ.kind)
            party = owner_party or (r.main_party if in_party else None)
            if in_party:
                key = f"organ:{organ.code}:{party or '?'}"
            else:
                key = f"organ:{organ.code}:{qualifier or ''}"
            name, span = _surface(r, first, i + size)
            known = _known_span(r, span, "organ")
            if known:
                break
            entity = r.reg.add(Entity(key, "organ"))
            entity.attrs.setdefault("organ_kind", organ.kind)
            entity.attrs.setdefault("collective", organ)
            if party:
                entity.attrs.setdefault("party", party)
            plural = (f"{qualifier} " if qualifier else "") + organ.head
            entity.add_name(NameDraft(plural, spans=[span]))
            entity.note(
                f"“{r.text[span[0] : span[1]]}”, {organ.kind.replace('-', ' ')}s taken together",
                span,
            )
            break


def _parents(r: Reader) -> None:
    """Organs without a parent get the nearest organ of the broader kind, in the same party."""
    broader = organ_broader()
    organs = [e for e in r.reg.of_kind("organ") if e.known is None]
    for entity in organs:
        if "parent" in entity.fields or entity.attrs.get("organ_kind") == "party":
            continue
        kind = entity.attrs.get("organ_kind", "")
        party = entity.attrs.get("party")
        if not party_tree(kind) or party is None:
            continue
        wanted = broader.get(kind)
        while wanted and wanted != "party":
            same = [
                o for o in r.reg.of_kind("organ")
                if o.key != entity.key
                and o.attrs.get("party") == party
                and r.entity_kind(o.key) == wanted
            ]  # fmt: skip
            if len(same) == 1:
                entity.fields["parent"] = Ref(same[0].key)
                entity.note(f"a {kind.replace('-', ' ')} belongs to a {wanted.replace('-', ' ')}")
                break
            wanted = broader.get(wanted)
        else:
            if party != entity.key:
                entity.fields["parent"] = Ref(party)


# -- events -----------------------------------------------------------------------------------


def _event_heads(r: Reader) -> list[tuple[tuple[str, ...], str]]:
    heads = [(name_words(head), kind) for head, kind in r.lex.event_heads.items()]
    return sorted(heads, key=lambda h: -len(h[0]))


def event_phrase(r: Reader, i: int) -> tuple[int, str, int] | None:
    """An event name starting at word ``i``: (end word, event type, head end word)."""
    a, n = r.a, len(r.a.words)
    heads = _event_heads(r)
    j = i
    while j < n and j - i < 6:
        if j > i and not r.gap_ok[j - 1]:
            return None
        if not r.is_cap(j) and not (j == i and a.words[j][0].isdigit()):
            return None
        for words, kind in heads:
            end = j + len(words)
            if tuple(a.keys[j:end]) == words and all(r.is_cap(k) for k in range(j, end)):
                k = end
                while k + 1 < n and r.gap_ok[k - 1] and a.keys[k] in ("of", "for"):
                    m = k + 1
                    if m < n and a.keys[m] == "the" and r.gap_ok[m - 1]:
                        m += 1
                    if m < n and r.gap_ok[m - 1] and _name_word(r, m):
                        while m < n and _name_word(r, m) and r.gap_ok[m - 1]:
                            m += 1
                        k = m
                    else:
                        break
                return k, kind, end
        j += 1
    return None


def _name_word(r: Reader, i: int) -> bool:
    """A word that continues a name: capitalized, or an ordinal ("of the 7th Central Committee")."""
    return r.is_cap(i) or r.lex.ordinal(r.a.words[i]) is not None


def _event_entities(r: Reader, i: int, end: int, kind: str, why: str) -> Entity | None:
    ordinal = r.lex.ordinal(r.a.words[i])
    if ordinal is None:
        return None
    name, span = _surface(r, i, end)
    series_name, _ = _surface(r, i + 1, end)
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
    event.note(why, span)
    return event


def _named_events(r: Reader) -> None:
    a, n = r.a, len(r.a.words)
    r.renamings = []
    for i in range(n):
        if r.claimed[i] or r.lex.ordinal(a.words[i]) is None:
            continue
        found = event_phrase(r, i + 1)
        if found is None or not r.gap_ok[i]:
            continue
        end, kind, _ = found
        if (
            _known_at(r, i, end, "event") is not None
            or _known_at(r, i + 1, end, "event") is not None
        ):
            continue  # an event the records have (under this name)
        _event_entities(r, i, end, kind, f"an event named “{_surface(r, i, end)[0]}”")
    # "X held in May of Juche 80 (1991) shall be called the First Meeting of ...".
    for date in r.dates:
        held = re.search(r"\bheld\s+(?:in|on)\s+$", r.text[max(0, date.start - 14) : date.start])
        if not held:
            continue
        held_word = r.a.word_index_at(max(0, date.start - 14) + held.start())
        k = held_word - 1
        allowed = {"of", "the", "across", "country", "nationwide", "for", "whole", "all", "in"}
        while (
            k >= 0 and r.gap_ok[k] and (r.is_cap(k) or a.keys[k] in allowed) and held_word - k < 16
        ):
            k -= 1
        first = k + 1
        while first < held_word and a.keys[first] in ("the", "and", "in"):
            first += 1
        if (
            first >= held_word
            or event_phrase(r, first) is None
            and not _has_event_head(r, first, held_word)
        ):
            continue
        old_name, old_span = _surface(r, first, held_word)
        sentence = r.a.sentence_at(date.start)
        renaming = sentence is not None and _RENAMING.search(r.text[sentence.start : sentence.end])
        after = re.match(
            r"\s*,?\s*(?:(?:shall|will|is\s+to)\s+be\s+(?:called|renamed(?:\s+as)?)|(?:is|was|be)\s+renamed(?:\s+as)?|is\s+called)?\s*(?:the\s+)?",
            r.text[date.end : date.end + 80],
        )
        new_first = r.a.word_index_at(date.end + (after.end() if after else 0))
        new_event = None
        if renaming and new_first < n and r.lex.ordinal(a.words[new_first]) is not None:
            found = event_phrase(r, new_first + 1)
            if found is not None and _known_at(r, new_first, found[0], "event") is not None:
                continue  # the renamed event is a record already
            if found is not None:
                new_event = _event_entities(
                    r,
                    new_first,
                    found[0],
                    found[1],
                    f"renamed “{_surface(r, new_first, found[0])[0]}”",
                )
        if new_event is not None and date.date is not None:
            new_event.fields["date"] = date.date
            former = new_event.add_name(NameDraft(old_name, kind="former", spans=[old_span]))
            r.renamings.append((new_event.key, former, date.start))
            new_event.note(f"formerly “{old_name}”, held in {date.text}", old_span)
        elif date.date is not None and not renaming:
            key = "event:name:" + match_key(old_name)
            event = r.reg.add(Entity(key, "event"))
            event.fields.setdefault("type", _head_type(r, first, held_word) or "meeting")
            event.fields.setdefault("date", date.date)
            event.add_name(NameDraft(old_name, spans=[old_span]))
            event.note(f"an event held in {date.text}", old_span)


def _has_event_head(r: Reader, first: int, last: int) -> bool:
    return _head_type(r, first, last) is not None


def _head_type(r: Reader, first: int, last: int) -> str | None:
    words = tuple(r.a.keys[first:last])
    for head, kind in _event_heads(r):
        size = len(head)
        for k in range(len(words) - size + 1):
            if words[k : k + size] == head:
                return kind
    return None
