"""Successions told in one sentence (issue 15, class AD): a title the change ends.

"Ri Gun Mo, hitherto chief secretary of the North Hamgyong Provincial Party Committee, was
elected Premier": the earlier title ends when the new one begins, on the date the sentence gives
the change (the event's, or one printed). Only the words that tie the earlier title to the change
("hitherto", "until now", "until then": ``successions.until_the_change`` in facts.yaml);
"formerly", "previously", "a former" title stays undated (the labelling guide), as does one whose
change the sentence does not date ("has been appointed").
"""

from __future__ import annotations

import functools
import re

from ..reading.facts import Fact, FactLexicon
from ..reading.state import Context
from ..resources import resource_yaml

__all__ = ["ended_by_the_change"]


@functools.cache
def _until_the_change() -> re.Pattern[str]:
    words = resource_yaml("kwpld/reading/facts.yaml")["successions"]["until_the_change"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def _span(fact: Fact, role: str) -> tuple[int, int] | None:
    return next(((s.start, s.end) for s in fact.spans if s.role == role), None)


def ended_by_the_change(r: Context, flex: FactLexicon, found: list[Fact]) -> None:
    """Give a "hitherto" title of ``found`` the start of the same person's change in the same
    sentence as its end (in place)."""
    for fact in found:
        if fact.type != "former" or fact.end is not None or fact.start is not None:
            continue
        person, role = _span(fact, "person"), _span(fact, "role")
        if person is None or role is None or not person[1] <= role[0]:
            continue
        if not _until_the_change().search(r.text, person[1], role[0]):
            continue
        change = next(
            (
                f for f in found
                if f is not fact and f.person == fact.person and f.type in flex.beginning
                and f.start is not None and f.sentence == fact.sentence
            ),
            None,
        )  # fmt: skip
        if change is None:
            continue
        fact.end, fact.as_of = change.start, None
        fact.date_basis, fact.type = change.date_basis, "ended"
