"""Foreign states and their offices as organs (``states.yaml``, issue 15 class X): a state or
office a reader takes a name for ("South Korea" for "South Korean President X", "Government of
Japan" for "Prime Minister Y" in a Tokyo story) is the data folder's record with any of its
names, else one draft with all of them, whatever the article calls it."""

from __future__ import annotations

from ..names import match_key
from ..reading.entities import Entity, NameDraft, Ref
from ..reading.state import Context
from ..reading.states import ForeignOrgan, foreign_states_table
from ..reading.words import straight

__all__ = ["foreign_organ", "foreign_organ_named"]


def foreign_organ_named(r: Context, name: str, span: tuple[int, int] | None = None) -> str | None:
    """The entity of the foreign state or office called ``name``, if ``states.yaml`` has it."""
    organ = foreign_states_table().find(name)
    return foreign_organ(r, organ, span) if organ is not None else None


def _record_of(r: Context, organ: ForeignOrgan) -> str | None:
    """The record (or pending draft) with most of the organ's names; none when two have as
    many."""
    shared: dict[str, int] = {}
    for k in organ.keys:
        for rid in r.known.organ_keys.get(k, ()):
            shared[rid] = shared.get(rid, 0) + 1
    if not shared:
        return None
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def foreign_organ(r: Context, organ: ForeignOrgan, span: tuple[int, int] | None = None) -> str:
    """The record of ``organ`` by any of its names, else its draft: every name (the first
    preferred, names not printed derived), its abbreviations, and for an office the state as
    its parent."""
    record = _record_of(r, organ)
    if record is not None:
        return r.reg.known(record, "organ").key
    entity = r.reg.add(Entity("organ:foreign:" + organ.id, "organ"))
    entity.attrs.setdefault("organ_kind", "state-organ")
    entity.attrs.setdefault("foreign_state", organ.state)
    printed = straight(" ".join(r.text[span[0] : span[1]].split())) if span else None
    printed_key = match_key(printed) if printed else None
    seen: set[str] = set()
    for index, name in enumerate((*organ.names, *organ.abbreviations)):
        key = match_key(name)
        if key in seen:
            continue  # "US" after "U.S."
        seen.add(key)
        spans = [span] if span and key == printed_key else []
        kind = "abbreviation" if index >= len(organ.names) else (
            "preferred" if index == 0 else "alternate"
        )
        entity.add_name(NameDraft(name, kind=kind, spans=spans, derived=not spans))
    if span is not None and printed and printed_key not in seen:
        entity.add_name(NameDraft(printed, spans=[span]))
    if span is not None:
        entity.note(f"“{printed}”, a foreign state's organ (kwpld/reading/states.yaml)", span)
    if organ.office is not None and "parent" not in entity.fields:
        state = foreign_states_table().organs[organ.state]
        entity.fields["parent"] = Ref(foreign_organ(r, state))
    return entity.key
