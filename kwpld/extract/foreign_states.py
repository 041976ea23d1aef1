"""Whose office a foreigner's bare title is: "Foreign Minister Sergei Lavrov ... from the Russian
side", "In Tokyo, Foreign Minister Fumio Kishida said", "Deputy Prime Minister Yuri Trutnev" in
a TASS report. A person read by a foreign name's shape (foreign_people) never holds an office of
the DPRK's catalogue; the state his title belongs to is the side the sentence puts him on, else
the foreign capital the sentence opens with, else the article's dateline city, else the one
foreign nationality the article is mostly about. Korean-shaped names are left alone: a bare
"Foreign Minister Ri Yong-ho" in Seoul copy is the DPRK's."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..reading.facts import Fact, fact_lexicon
from ..reading.rules import foreign_name_lists
from ..reading.state import Context

__all__ = ["foreigners_state"]

_SIDE = re.compile(r"\b(?:from|on)\s+the\s+((?:[\w'’.-]+\s+){0,2}?[\w'’.-]+)\s+side\b", re.I)
_OPENING = re.compile(r"\s*In\s+([A-Z][a-z]+)\s*,")
_DATELINE = re.compile(r"\s*([A-Z][A-Za-z]+),\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")


@cache
def _nationality_words() -> re.Pattern[str]:
    words = sorted(fact_lexicon().nationality_states, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I)


def foreigners_state(r: Context, fact: Fact) -> str | None:
    """The state whose office the foreign-named person of ``fact`` holds, by the sentence's
    side marker (the first after him, else the last before), its opening "In <capital>,",
    the dateline's city or the article's main foreign nationality, when a name of his shape can
    serve that state (``shape_states``: a Chinese name is no Japanese minister); None when none
    says, or the side is not a foreign one ("from the DPRK side")."""
    flex = fact_lexicon()
    at = next((s.start for s in fact.spans if s.role == "person"), fact.sentence[0])
    sentence = r.text[fact.sentence[0] : fact.sentence[1]]
    sides = [(fact.sentence[0] + m.start(), m.group(1)) for m in _SIDE.finditer(sentence)]
    side = next((w for p, w in sides if p > at), None) or next(
        (w for p, w in reversed(sides) if p < at), None
    )
    if side is not None:
        return flex.nationality_states.get(" ".join(side.lower().split()))
    opening = _OPENING.match(sentence)
    state = flex.foreign_capitals.get(opening.group(1)) if opening else _article_state(r)
    shape = r.reg.peek(fact.person).attrs.get("foreign_name")
    allowed = foreign_name_lists().shape_states.get(str(shape))
    return state if state is not None and (allowed is None or state in allowed) else None


def _article_state(r: Context) -> str | None:
    """The foreign capital of the dateline ("TOKYO, July 3 Kyodo"), else the state of the
    nationality words ("Russian", "China's") when one state has most of them."""
    flex = fact_lexicon()
    for block in r.doc.blocks[:3]:
        m = _DATELINE.match(r.text[block.start : block.end])
        if m is not None:
            city = m.group(1).capitalize()
            if city in flex.foreign_capitals:
                return flex.foreign_capitals[city]
    counts = Counter(
        flex.nationality_states[m.group(1).lower()]
        for m in _nationality_words().finditer(r.text)
        if m.group(1).lower() != "us" or m.group(1) == "US"  # not the pronoun
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]
