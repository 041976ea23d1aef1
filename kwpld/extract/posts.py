"""The posts pass: "Party Cell Secretaries", "the party cells’ secretaries", "secretaries of the
party cells", "조선로동당 위원장": a role of the vocabulary with the organ it is held in. A post
named inside an event's name ("Meeting of Party Cell Secretaries") gives the event its
participants instead of a mention of its own."""

from __future__ import annotations

import re

from ..reading.entities import Entity, Mention, NameDraft, Ref
from ..reading.state import Context, Found
from ..reading.words import straight
from .shared import organ_label, role_in_organ

__all__ = ["posts", "post_name"]


def posts(r: Context) -> Found:
    latin = sorted((w for w in r.lex.roles if w.isascii()), key=len, reverse=True)
    korean = sorted((w for w in r.lex.roles if not w.isascii()), key=len, reverse=True)
    roles = "|".join(re.escape(w) for w in latin)
    after_organ = re.compile(rf"(?:’|')?[ \t\u00a0]*(?P<role>{roles})\b", re.I)  # one line
    after_organ_ko = re.compile(r"\s*(?P<role>" + "|".join(re.escape(w) for w in korean) + ")")
    before_organ = re.compile(
        rf"\b(?:department\s+)?(?P<role>{roles})\s+of\s+(?:the\s+|a\s+)?$", re.I
    )
    found: list[tuple[int, int, str, str]] = []  # start, end, role, organ entity key
    organs = [(m, m.entity) for m in r.mentions if m.kind == "organ" and m.entity]
    starts = {m.start for m, _ in organs}
    chained = {  # organs another organ's name follows: the post is the last one's
        m.end for m, _ in organs if m.end + 1 in starts and r.text[m.end : m.end + 1] == " "
    }
    for before, _ in organs:  # "the WPK Central Committee's Munitions Industry Department" (ED)
        if r.text[before.end : before.end + 3] in ("'s ", "’s ") and before.end + 3 in starts:
            chained.add(before.end)
    for before, _ in organs:  # "the Korean People's Army (KPA) General Political Bureau" (CH)
        bracketed = _BRACKETED.match(r.text, before.end)
        if bracketed and bracketed.end() in starts:
            chained.add(before.end)
    for mention, entity_key in organs:
        after = r.text[mention.end : mention.end + 24]
        m = after_organ.match(after) or (korean and after_organ_ko.match(after))
        if m:
            role = r.lex.roles[m.group("role").lower()]
            found.append((mention.start, mention.end + m.end(), role, entity_key))
            continue
        m = before_organ.search(r.text[max(0, mention.start - 48) : mention.start])
        if m and mention.end in chained:
            continue  # "secretary of the Kim Il Sung Socialist Youth League Central Committee"
        if m:
            start = max(0, mention.start - 48) + m.start()
            found.append((start, mention.end, r.lex.roles[m.group("role").lower()], entity_key))
    # "secretaries of cells": the party cells named elsewhere in the article.
    cells = [key for _, key in organs if r.entity_kind(key) == "party-cell"]
    if cells:
        cell_key = r.reg.resolve(cells[0])
        for m in re.finditer(rf"\b(?P<role>{roles})\s+of\s+(?:the\s+)?cells?\b", r.text, re.I):
            if not any(s <= m.start() < e for s, e, _, _ in found):
                found.append((m.start(), m.end(), r.lex.roles[m.group("role").lower()], cell_key))
    for start, end, word_role, organ_key in sorted(found):
        role = role_in_organ(r, word_role, organ_key)  # a party committee's chairman
        organ = r.entity(organ_key)
        post_id = r.known.posts_by_organ.get((organ.known, role)) if organ.known else None
        if post_id:
            key = r.reg.known(post_id, "post").key
        else:
            key = f"post:{role}:{organ.key}"
            post = r.reg.add(Entity(key, "post"))
            post.fields.update({"organ": Ref(organ.key), "role": role})
            surface = " ".join(r.text[start:end].split())
            name = post_name(surface)
            system = "en" if name.isascii() else "hangul"
            post.add_name(NameDraft(name, system=system, spans=[(start, end)]))
            if system != "en":  # "조선로동당 위원장" is the chairman of the WPK
                label = organ_label(r, organ.key)
                if label:
                    role_label = r.lex.role_labels.get(role, role)
                    post.add_name(NameDraft(f"{role_label} of the {label}", derived=True))
            post.note(f"“{surface}”", (start, end))
        inside_event = any(
            m.kind == "event" and m.start <= start and end <= m.end for m in r.mentions
        )
        if inside_event:  # part of an event's name: its participants, not a mention of its own
            r.post_spans.append((start, end, key))
            continue
        # The post's mention replaces the organ's inside it (as a longer name would).
        r.mentions.replace(
            [m for m in r.mentions if not (start <= m.start and m.end <= end and m.kind == "organ")]
        )
        r.add_mention(Mention(start, end, r.text[start:end], key, "post"))
        r.post_spans.append((start, end, key))
    return r.found()


_BRACKETED = re.compile(r" ?[(\[][A-Z]{2,6}[)\]] ")
"""an abbreviation in brackets between two organs' names, "(KPA)", "[KPA]" """


def post_name(surface: str) -> str:
    """ "Party Cell Secretaries" -> "party cell secretary"; "party cells’ secretaries" -> same;
    "General Secretaries of the Workers’ Party of Korea" -> "general secretary of the Workers'
    Party of Korea": the role singular and lowercase, the organ after "of" as the text has it."""
    text = straight(surface)
    if not text.isascii():
        return text
    # "a department director of the Central Committee": the role is director.
    text = re.sub(r"^(?:the|a)\s+", "", text, flags=re.I)
    text = re.sub(r"^department\s+", "", text, flags=re.I)
    of = re.search(r"\s+of\s+", text, re.I)
    if of is not None and of.start() > 0:
        role = [_singular(w if w.isupper() else w.lower()) for w in text[: of.start()].split()]
        return " ".join([*role, "of", *text[of.end() :].split()])
    words = text.replace("'", "").split()
    if len(words) >= 2:
        words = [w if w.isupper() else w.lower() for w in words]
        words = [
            w[:-1] if w.endswith("s") and not w.endswith("ss") and i < len(words) - 1 else w
            for i, w in enumerate(words)
        ]
        words[-1] = _singular(words[-1])
        return " ".join(words)
    return _singular(words[0].lower()) if words else text


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"  # "vice-chairmen"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
