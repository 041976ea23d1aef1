"""Passes that find images and outlets: a paragraph ending in a credit ("(Graphic by Michael
Madden/NK Leadership Watch)", "(Photo: Reuters)") or an HTML figure caption is an image, with
its creator and outlet; "published in Rodong Sinmun" names a publication."""

from __future__ import annotations

import re

from ..names import korean_name_parts, match_key, name_words
from ..reading.entities import Entity, NameDraft, Ref
from ..reading.state import Context, Found
from ..reading.words import FUNCTION_WORDS, straight
from .shared import find_organ_by_name, known_span, person_entity, surface

__all__ = ["credits", "publications", "looks_like_person"]

_ORG_WORDS = frozenset(
    {
        "agency", "news", "watch", "sinmun", "times", "center", "centre", "institute", "university",
        "committee", "party", "bureau", "department", "service", "television", "radio", "press",
        "media", "daily", "post", "herald", "journal", "review", "group", "network", "foundation",
    }
)  # fmt: skip
_CREDIT_WORDS = r"Graphics?|Photos?|Photograph|Images?|Maps?|Charts?|Illustrations?|Video"
_CREDIT_END = re.compile(
    rf"\(\s*(?P<credit>(?:{_CREDIT_WORDS})\s*(?:by\s+|:\s*)(?P<who>[^()]+?))\s*\)\s*$"
    rf"|\(\s*(?P<credit2>(?P<who2>[^()]+?)\s+(?:photos?|graphics?|images?))\s*\)\s*$"
)
_CREDIT_LINE = re.compile(rf"^(?P<credit>(?:{_CREDIT_WORDS})\s*(?:by\s+|:\s*)(?P<who>.+?))\s*$")
_PUBLISHED_IN = re.compile(
    r"\b(?:published|carried|printed|appeared|ran|run)\s+(?:in|by)\s+(?:the\s+)?(?=[A-Z])"
)


def looks_like_person(text: str) -> bool:
    """Two or three capitalized words, none an abbreviation, an organ word or a function word."""
    words = straight(text).split()
    if not 2 <= len(words) <= 3:
        return False
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if not letters or not word[0].isupper() or all(c.isupper() for c in letters):
            return False
        if word.lower() in _ORG_WORDS or word.lower() in FUNCTION_WORDS:
            return False
    return True


def _outlet(r: Context, text: str, span: tuple[int, int], why: str) -> str | None:
    """An outlet named in a credit or as a publication; abbreviations are resolved later."""
    name = straight(text)
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) == 1 and letters and all(c.isupper() for c in letters):
        r.pending_abbrevs.append((name, span, why))
        return None
    key = find_organ_by_name(r, name)
    if key is not None:
        return key
    known = known_span(r, span, "organ")
    if known is not None:
        return known
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


def credits(r: Context) -> Found:
    """Images: captions that end in a credit, and HTML/Markdown figure captions."""
    r.pending_abbrevs = []
    count = 0
    for block in r.doc.blocks:
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
        spans: list[tuple[int, int] | None] = []
        for part in parts:
            if offset >= 0:
                position = r.text.find(part, offset)
                spans.append((position, position + len(part)))
                offset = position + len(part)
            else:
                spans.append(None)
        creator, creator_span = parts[0], spans[0]
        if looks_like_person(creator) or (korean_name_parts(creator.split()) is not None):
            person = person_entity(r, creator, creator_span, f"credited for an image: “{credit}”")
            image.fields["authors"] = [Ref(person)]
            image.attrs["creator"] = person
        elif creator_span:
            outlet = _outlet(r, creator, creator_span, f"credited for an image: “{credit}”")
            if outlet:
                image.fields["authors"] = [Ref(outlet)]
        last_span = spans[-1]
        if len(parts) > 1 and last_span:
            outlet = _outlet(r, parts[-1], last_span, f"credited for an image: “{credit}”")
            if outlet:
                image.fields["publisher"] = Ref(outlet)
            else:
                image.attrs["publisher_abbrev"] = straight(parts[-1])
    return r.found()


def publications(r: Context) -> Found:
    """ "published in Rodong Sinmun": the outlet a work appeared in."""
    doc = r.doc
    for match in _PUBLISHED_IN.finditer(r.text):
        first = doc.word_index_at(match.end())
        last = first
        while (
            last < len(doc.words)
            and last - first < 4
            and doc.is_cap(last)
            and (last == first or doc.gap_ok[last - 1])
        ):
            last += 1
        if last == first:
            continue
        name, span = surface(r, first, last)
        if korean_name_parts(straight(name).split()) is not None:
            continue  # "the ministry has been run by Pak Yong Sik": a person, not an outlet
        if len(name.split()) == 1 and name.isupper():
            r.pending_abbrevs.append((name, span, "named as where a work was published"))
            continue
        key = _outlet(r, name, span, f"a work was published in “{name}”")
        if key:
            r.publications[span] = key
    return r.found()
