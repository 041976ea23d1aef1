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
from .standing_organs import organ_with_most_names

__all__ = ["foreign_organ", "foreign_organ_named"]


def foreign_organ_named(r: Context, name: str, span: tuple[int, int] | None = None) -> str | None:
    """The entity of the foreign state or office called ``name``, if ``states.yaml`` has it."""
    organ = foreign_states_table().find(name)
    return foreign_organ(r, organ, span) if organ is not None else None


def foreign_organ(r: Context, organ: ForeignOrgan, span: tuple[int, int] | None = None) -> str:
    """The record of ``organ`` by any of its names, else its draft: every name (the first
    preferred, names not printed derived), its abbreviations, and for an office the state as
    its parent."""
    record = organ_with_most_names(r, organ.keys)
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
