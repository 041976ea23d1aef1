"""The memberships pass (captions): "projecting Jang Song Taek’s membership on its Presidium"
is a membership as of the caption's date, with the status its words give (projected,
confirmed, reported)."""

from __future__ import annotations

import re

from ..reading.entities import Entity, Ref
from ..reading.state import Context, Found

__all__ = ["memberships"]

_MEMBERSHIP = re.compile(
    r"(?:’s|'s)\s+(?P<alt>alternate\s+|candidate\s+)?membership\s+(?:on|in|of)\s+(?:the\s+)?(?:its\s+)?"
)


def memberships(r: Context) -> Found:
    for mention in list(r.mentions):
        if mention.kind != "person" or not mention.entity:
            continue
        m = _MEMBERSHIP.match(r.text[mention.end : mention.end + 60])
        if not m:
            continue
        organ = r.mention_at(mention.end + m.end(), kinds=("organ",))
        if organ is None or organ.entity is None:
            continue
        block_index = r.doc.block_at(mention.start)
        block = r.doc.blocks[block_index] if block_index is not None else None
        scope = (
            r.text[block.start : block.end] if block else r.text[mention.start : mention.end + 200]
        )
        status = "reported"
        if re.search(r"\bproject", scope, re.I):
            status = "projected"
        elif re.search(r"\b(?:confirm|elected|appointed)", scope, re.I):
            status = "confirmed"
        as_of = None
        if block:
            for date in r.dates_in(block.start, block.end):
                if (
                    re.search(r"\bas\s+of\s+$", r.text[max(0, date.start - 8) : date.start])
                    and date.date
                ):
                    as_of = date.date
        person, organ_key = r.reg.resolve(mention.entity), r.reg.resolve(organ.entity)
        role = "alternate-member" if m.group("alt") else "member"
        person_id, organ_id = r.reg.peek(person).known, r.reg.peek(organ_key).known
        if person_id and organ_id and (person_id, organ_id, role) in r.known.memberships:
            continue  # a record already
        key = f"membership:{person}:{organ_key}:{role}"
        membership = r.reg.add(Entity(key, "membership"))
        membership.fields.update(
            {"person": Ref(person), "organ": Ref(organ_key), "role": role, "status": status}
        )
        if as_of or r.reference:
            membership.fields["as_of"] = as_of or r.reference
        span = (mention.start, organ.end)
        membership.attrs["span"] = span
        membership.note(f"“{r.text[span[0] : span[1]]}” ({status})", span)
    return r.found()
