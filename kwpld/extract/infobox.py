"""The infobox of an encyclopedia page: its office boxes, as the page's text gives them (a
saved Wikipedia page read as HTML, or its Markdown copy):

    Minister of Foreign Affairs
    In office
    18 January 2020 – 11 June 2022
    Premier
    Kim Jae-ryong
    Kim Tok-hun
    Preceded by
    Ri Yong-ho
    Succeeded by
    Choe Son-hui

No sentence names the holder, so no sentence pattern reads a box. The page's subject holds the
office over the period; "Preceded by" and "Succeeded by" hold the same office, ending when the
subject's term starts and starting when it ends; a label that is itself a title ("Premier",
"President") names those who held it beside the subject, undated. Other labels ("Leader",
"Born") are no holdings. Where the prose already gave the same holding, the box's dates refine
it (the box gives days) instead of drafting a second one."""

from __future__ import annotations

import re

from ..dates import PartialDate
from ..reading.entities import Mention
from ..reading.facts import Fact, FactSpan, Title
from ..reading.state import Context, Found
from .facts_common import page_subject
from .holdings import Period, period_of

__all__ = ["infobox"]

_LINE = re.compile(r"^[ \t]*(?P<text>\S[^\n]*?)[ \t]*$", re.M)
_MAX_CELL = 80  # longer lines are prose: the box has ended
_TERM_LABELS = frozenset({"in office", "assumed office"})
_SENTENCE = re.compile(r"\s(?:is|was|are|were|has|had)\s.*\.$")


def infobox(r: Context) -> Found:
    person = page_subject(r)
    if person is None or person.entity is None:
        return r.found()
    lines = [(m.start("text"), m.end("text")) for m in _LINE.finditer(r.text)]
    facts: list[Fact] = []
    for i in range(1, len(lines) - 1):
        label = r.text[lines[i][0] : lines[i][1]].lower()
        if label not in _TERM_LABELS:
            continue
        period = period_of(r.text[lines[i + 1][0] : lines[i + 1][1]], lines[i + 1][0])
        above = i - 2 if r.text[lines[i - 1][0] : lines[i - 1][1]].lower() == "incumbent" else i - 1
        title = _title_in(r, lines[above]) if above >= 0 else None
        if period is None or title is None:
            continue
        if label == "assumed office":  # an incumbent's box: the date is the start
            period = Period(period.start, None, period.spans)
        facts.extend(_box(r, person, title, period, lines, i))
    r.facts = [*r.facts, *facts]
    return r.found()


def _box(
    r: Context, person: Mention, title: Title, period: Period, lines: list[tuple[int, int]],
    at: int,
) -> list[Fact]:  # fmt: skip
    """The holdings of one office box: the subject's, the predecessors', the successors' and
    those of the titles its labels name."""
    out = _hold(r, [*r.facts], person, title, lines[at + 1], period.start, period.end, "holds")
    label: str | Title | None = None
    for j in range(at + 2, len(lines)):
        start, end = lines[j]
        text = r.text[start:end]
        if end - start > _MAX_CELL or (j + 1 < len(lines) and _is_in_office(r, lines[j + 1])):
            break
        if _SENTENCE.search(text):
            break  # "Kim Song-nam (born 1953) is a ...": the prose after a short box
        people = [m for m in r.mentions_in(start, end, ("person",)) if m.entity]
        if not people:
            key = text.lower().rstrip(":")
            label = key if key in ("preceded by", "succeeded by") else _title_in(r, (start, end))
            continue
        for m in people[:1]:
            if label == "preceded by":
                out += _hold(r, [*r.facts, *out], m, title, (start, end), None, period.start,
                             "replaced")  # fmt: skip
            elif label == "succeeded by":
                out += _hold(r, [*r.facts, *out], m, title, (start, end), period.end, None,
                             "appointed")  # fmt: skip
            elif isinstance(label, Title):
                out += _hold(r, [*r.facts, *out], m, label, (start, end), None, None, "holds")
        if label in ("preceded by", "succeeded by"):
            label = None  # one predecessor, one successor
    return out


def _is_in_office(r: Context, line: tuple[int, int]) -> bool:
    return r.text[line[0] : line[1]].lower() in _TERM_LABELS


def _title_in(r: Context, line: tuple[int, int]) -> Title | None:
    """The title a line is: one that fills it, with an organ ("Minister of Foreign Affairs",
    "Premier")."""
    text = r.text[line[0] : line[1]].strip(" :")
    for t in r.person_titles:
        if line[0] <= t.start < line[1] and t.organ is not None:
            return t if len(r.text[t.start : t.end]) >= len(text) - 2 else None
    return None


def _hold(
    r: Context, facts: list[Fact], m: Mention, title: Title, line: tuple[int, int],
    start: PartialDate | None, end: PartialDate | None, kind: str,
) -> list[Fact]:  # fmt: skip
    """The holding of ``title`` by ``m``; when one is drafted already, its dates refined."""
    key = r.reg.resolve(m.entity)  # type: ignore[arg-type]
    for old in facts:
        if (old.person, old.organ, old.role) == (key, title.organ, title.role):
            old.start = _finer(old.start, start)
            old.end = _finer(old.end, end)
            return []
    fact = Fact(
        "membership", kind, key, line, organ=title.organ, role=title.role, post=title.post,
        start=start, end=end, status="confirmed",
        date_basis="sentence" if start or end else "none", rule="infobox",
    )  # fmt: skip
    fact.spans = [FactSpan(m.start, m.end, "person"),
                  FactSpan(title.role_span[0], title.role_span[1], "role")]  # fmt: skip
    fact.why = f"infobox of {' '.join(r.text[title.start : title.end].split())}"
    return [fact]


def _finer(old: PartialDate | None, new: PartialDate | None) -> PartialDate | None:
    """The more precise of two dates of one holding, when they agree on the year."""
    if new is None or old is None:
        return old or new
    finer = (new.month or 0, new.day or 0) >= (old.month or 0, old.day or 0)
    return new if new.year == old.year and finer else old
