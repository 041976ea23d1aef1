"""Passes over people's mentions: the honorifics before a name ("The dear respected Comrade Kim
Jong Un"), which a plural title gives every name coordinated after it ("the great
Generalissimos Kim Il Sung and Kim Jong Il"), and epithets that stand for a leader without a
name ("the respected and beloved marshal"), resolved by the years the lexicon gives them."""

from __future__ import annotations

import re
from functools import cache

from ..names import match_key, name_words
from ..reading.entities import Entity, Mention, NameDraft
from ..reading.state import Context, Found
from ..reading.words import straight

__all__ = ["honorifics", "epithets"]


def honorifics(r: Context) -> Found:
    doc, lex = r.doc, r.lex
    people = [m for m in r.mentions if m.kind == "person" and m.entity]
    for index, mention in enumerate(people):
        if mention.honorific is not None:
            continue
        i = doc.word_index_at(mention.start)
        k = i - 1
        title: tuple[str, bool] | None = None
        adjectives = False
        while k >= 0 and doc.gap_ok[k]:
            matched = False
            for size in (3, 2, 1):
                first = k - size + 1
                if first < 0 or not all(doc.gap_ok[x] for x in range(first, k)):
                    continue
                phrase = " ".join(doc.keys[first : k + 1])
                if phrase in lex.honorific_titles:
                    title = title or lex.honorific_titles[phrase]
                    k = first - 1
                    matched = True
                    break
            if matched:
                continue
            if doc.keys[k] in lex.honorific_words:
                adjectives = adjectives or doc.keys[k] != "and"
                k -= 1
                continue
            break
        if title is None:
            continue
        first_word = k + 1
        if k >= 0 and doc.keys[k] == "the" and doc.gap_ok[k]:
            first_word = k
        start = doc.word_starts[first_word]
        honorific = r.text[start : mention.start].strip()
        mention.honorific = (start, start + len(honorific))
        singular, plural = title
        chain = [mention]
        if plural:
            chain.extend(_coordinated(r, people, index))
        for person in chain:
            person.honorific = person.honorific or mention.honorific
            if not adjectives:
                continue
            text = (
                _singular_honorific(r, honorific, singular if plural else None)
                + " "
                + straight(person.text)
            )
            entity = r.entity(person.entity)  # type: ignore[arg-type]
            if entity.known is None:
                entity.add_name(NameDraft(text, kind="epithet", spans=[(start, person.end)]))
                entity.note(f"called “{text}”", (start, person.end))
    return r.found()


def _coordinated(r: Context, people: list[Mention], index: int) -> list[Mention]:
    out = []
    previous = people[index]
    for other in people[index + 1 :]:
        between = r.text[previous.end : other.start]
        if re.fullmatch(r"(?:’s|'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", between):
            out.append(other)
            previous = other
        else:
            break
    return out


def _singular_honorific(r: Context, honorific: str, singular: str | None) -> str:
    words = honorific.split()
    if words and words[0] == "The":
        words[0] = "the"
    text = " ".join(words)
    if singular:
        for phrase, (single, plural) in r.lex.honorific_titles.items():
            if plural and single == singular:
                text = re.sub(
                    r"\b" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"\b",
                    singular,
                    text,
                    flags=re.I,
                )
    return text


@cache
def _epithet_patterns(texts: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(texts, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in alternatives)
    return re.compile(rf"\b(?:[Tt]he\s+)?(?:{body})\b", re.I)


def epithets(r: Context) -> Found:
    """An epithet that stands for a leader without a name ("the respected and beloved marshal"),
    resolved by the years the lexicon gives it."""
    if not r.lex.epithets:
        return r.found()
    pattern = _epithet_patterns(tuple(e.text for e in r.lex.epithets))
    by_text = {" ".join(e.text.lower().split()): e for e in r.lex.epithets}
    for match in pattern.finditer(r.text):
        if r.mention_at(match.start(), match.end()) is not None:
            continue
        phrase = re.sub(r"^the\s+", "", " ".join(match.group(0).lower().split()))
        epithet = by_text.get(phrase)
        if epithet is None or not epithet.applies(r.reference):
            continue
        key = _person_by_name(r, epithet.person)
        entity = r.entity(key)
        text = (
            "the " + " ".join(match.group(0).split()[1:])
            if match.group(0).lower().startswith("the ")
            else match.group(0)
        )
        if entity.known is None:
            entity.add_name(NameDraft(text, kind="epithet", spans=[match.span()]))
            entity.note(
                f"“{match.group(0)}” stands for {epithet.person} in writing of this time",
                match.span(),
            )
        r.add_mention(Mention(match.start(), match.end(), match.group(0), key, "person", "epithet"))
    return r.found()


def _person_by_name(r: Context, name: str) -> str:
    key = match_key(name)
    for entity in r.reg.of_kind("person"):
        if entity.known is None and any(match_key(n.text) == key for n in entity.names):
            return entity.key
    for mention in r.mentions:
        known = r.reg.peek(mention.entity).known if mention.entity else None
        if mention.kind == "person" and known and key in r.known.name_keys.get(known, set()):
            return mention.entity  # type: ignore[return-value]
    words = name_words(name)
    for match in r.known.index.match(
        list(words), name.split(), [True] * (len(words) - 1) + [False]
    ):
        refs = {t.ref for t in match.targets if t.kind == "person"}
        if len(refs) == 1 and match.last - match.first == len(words):
            return r.reg.known(next(iter(refs)), "person").key
    entity = r.reg.add(Entity("person:" + key, "person"))
    entity.add_name(NameDraft(name, derived=True))
    return entity.key
