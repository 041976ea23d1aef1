"""The list reader (issue 15, round 6 lever L2): lists of people the attendance patterns do not
read, placed at the occasion in focus by the structure of their clause rather than by one
pattern per phrasing.

A list is two or more people joined by commas, semicolons, "and" or "as well as", each with an
optional title before ("Premier Pak Pong Ju", "Defence Minister X") or an apposition after ("A,
director of ..., B"), inside parentheses or not ("senior aides (A, B and C)"). Its clause — from
the boundary before the list to the one after it — must hold a word of presence (a verb:
"attended", "joined", "sat in on", "watched", "laid wreaths", "saw off"; a state: "present",
"on hand", "among the officials at the dinner"; a preposition of company: "along with",
"alongside", "flanked"; a speech: "speeches were exchanged") and no word that makes the list
another kind of list: of people elected or appointed (holdings), of the dead, the sanctioned,
authors, a history told in the past perfect, a negation, or something only planned. The
occasion is the one the attendance pass has in focus for the sentence. The words are data
(``list_reader`` in ``facts.yaml``).

The reader is the fallback of the attendance pass: it places only people whom no pattern of
the pass placed in the same sentence, so what the patterns read keeps its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..reading.sentences import Item, SentenceView
from ..resources import resource_yaml

__all__ = ["ListWords", "list_words", "listed_people", "presence_role", "lead_role", "elsewhen"]

_NOT_BEFORE_NAME = (
    r"(?!(?:who|whom|which|that|and|or|as|is|are|was|were|be|been|by|of|on|at|in|with|to|for"
    r"|from|while|when|where|then|than|behind|beside|before|after)\b)"
)
_ENTRY = (
    rf"(?<![^ ])(?:(?:{_NOT_BEFORE_NAME}[a-z-]+ ){{0,3}}T\d+ )?"
    rf"(?:(?:{_NOT_BEFORE_NAME}[a-z-]+(?<!ed)(?<!ing) ){{0,2}}(?=P\d))?P\d+"
    r"(?: , (?:(?:the|a|an|its|his|her|their) )?(?:(?!P\d|E\d|R\d|D\d)[^,;()])+?"
    r"(?= , | ; | \) |$))?"
)
"""one person of a list: an optional title (and up to three words) before the name, an
optional apposition after it up to the next comma, semicolon or closing parenthesis"""

_LIST = re.compile(rf"{_ENTRY}(?:(?: ,| ;)?(?: and| as well as)| ,| ;) {_ENTRY}"
                   rf"(?:(?:(?: ,| ;)?(?: and| as well as)| ,| ;) {_ENTRY})*")
"""two people or more, joined"""

_IN_COMPANY = re.compile(
    r"(?:along with|together with|as well as|alongside|as did|so did) "
    rf"(?:(?:(?!P\d|E\d|R\d|D\d)[^,;()]){{1,80}}? , )?(?P<one>{_ENTRY})"
)
"""one person in the company of others ("standing on the tribune, along with Defence Minister
X, among others", "A also attended the meeting, as did North Korea's minister of ..., B"): a
list of one, read as a list"""


@dataclass(frozen=True)
class ListWords:
    """The words of the list reader (``list_reader`` in ``facts.yaml``)."""

    presence: frozenset[tuple[str, ...]]
    platform: frozenset[tuple[str, ...]]
    speaker: frozenset[tuple[str, ...]]
    accompanied: frozenset[tuple[str, ...]]
    blockers: frozenset[tuple[str, ...]]
    boundaries: frozenset[str]
    company: re.Pattern[str]
    """presence that a phrase of a few free words gives ("among the North Korean officials")"""
    elsewhen: frozenset[str]
    """words of an occasion of its own ("footage of a visit to a plant"): a sentence that has one
    and names no event drafted tells another occasion than the one in focus"""
    objects: frozenset[str]
    """prepositions whose object a list is not placed by its clause ("tribute to A and B")"""
    longest: int


@cache
def list_words() -> ListWords:
    block = resource_yaml("kwpld/reading/facts.yaml")["list_reader"]

    def phrases(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(p.split()) for p in block[key])

    presence, platform, speaker = phrases("presence"), phrases("platform"), phrases("speaker")
    accompanied, blockers = phrases("accompanied"), phrases("blockers")
    every = presence | platform | speaker | accompanied | blockers
    return ListWords(
        presence=presence | platform | speaker | accompanied,
        platform=platform,
        speaker=speaker,
        accompanied=accompanied,
        blockers=blockers,
        boundaries=frozenset(block["boundaries"]),
        company=re.compile("|".join(f"(?:{p})" for p in block["presence_patterns"])),
        objects=frozenset(block["objects"]),
        elsewhen=frozenset(block["elsewhen"]),
        longest=max(len(p) for p in every),
    )


def _phrases_in(codes: list[str], longest: int) -> set[tuple[str, ...]]:
    """Every run of up to ``longest`` consecutive codes."""
    out: set[tuple[str, ...]] = set()
    for i in range(len(codes)):
        for n in range(1, longest + 1):
            if i + n <= len(codes):
                out.add(tuple(codes[i : i + n]))
    return out


def _role_of(words: ListWords, found: set[tuple[str, ...]], string: str) -> str | None:
    """The role a clause's words give, the most specific first; None without presence or with
    a word of another kind of list."""
    if found & words.blockers:
        return None
    if not found & words.presence and not words.company.search(string):
        return None
    if found & words.speaker:
        return "speaker"
    if found & words.platform:
        return "platform"
    if found & words.accompanied:
        return "accompanied"
    return "attended"


def presence_role(codes: list[str]) -> str | None:
    """The role the words of a clause (a view's codes) give a list in it (`_role_of`)."""
    words = list_words()
    return _role_of(words, _phrases_in(codes, words.longest), " ".join(codes))


def lead_role(view: SentenceView) -> str | None:
    """ "The following attended the banquet on the DPRK side:" (the names on the lines after
    it): the role its words give, for a sentence that ends with a colon and names no one."""
    if not view.codes or view.codes[-1] != ":":
        return None
    return presence_role([_SYMBOL.sub(r"\1", code) for code in view.codes])


_SYMBOL = re.compile(r"([A-Z])\d+")
"""an item's symbol ("P3", "O7"): its letter stands for it in the phrases of ``facts.yaml``"""


def _clause(view: SentenceView, words: ListWords, start: int, end: int) -> list[str] | None:
    """The codes of the clause around the list at [start, end) of the view's string: back to
    the boundary or the person before it, and on to the boundary or the person after it (the
    words of presence of one list are not another's); symbols as their letters ("P", "O").
    None for a list that is the object of a preposition that is not one of company ("paid
    tribute to A and B", "a message to A and B")."""
    codes = view.codes
    offsets = []
    position = 0
    for code in codes:
        offsets.append(position)
        position += len(code) + 1
    first = next(i for i, at in enumerate(offsets) if at >= start)
    last = max(i for i, at in enumerate(offsets) if at < end)
    if first > 0 and codes[first - 1] in words.objects:
        return None
    def ends(code: str) -> bool:
        return code in words.boundaries or _PERSON.fullmatch(code) is not None

    lo = first
    while lo > 0 and not ends(codes[lo - 1]):
        lo -= 1
    hi = last + 1
    while hi < len(codes) and not ends(codes[hi]):
        hi += 1
    return [_SYMBOL.sub(r"\1", code) for code in codes[lo:hi]]


_PERSON = re.compile(r"P\d+")
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their", "it"})


def listed_people(
    view: SentenceView, placed: set[str], vetoed: frozenset[str] = frozenset()
) -> list[tuple[list[Item], str]]:
    """The lists of two or more people in a sentence whose clause places them at an occasion,
    each with the role its words give: only people not in ``placed`` (those the patterns of the
    attendance pass matched in the sentence), named (not a pronoun), and no list with one of
    ``vetoed`` (people the patterns matched but placed nowhere: their guards stand for the
    whole list)."""
    words = list_words()
    out: list[tuple[list[Item], str]] = []
    spans = [m.span() for m in _LIST.finditer(view.string)]
    lead = _inverted_lead(view, words)
    if lead is not None:
        people = [i for i in view.items_in(*lead[0]) if i.kind == "person"]
        fresh = [p for p in people if isinstance(p.ref, str) and p.ref not in placed
                 and p.text.lower() not in _PRONOUNS]  # fmt: skip
        if fresh and not any(p.ref in vetoed for p in people):
            out.append((fresh, lead[1]))
        spans = [(a, b) for a, b in spans if not lead[0][0] <= a < lead[0][1]]
    spans += [m.span("one") for m in _IN_COMPANY.finditer(view.string)
              if not any(a <= m.start("one") < b for a, b in spans)]  # fmt: skip
    for start, end in spans:
        people = [i for i in view.items_in(start, end) if i.kind == "person"]
        if not people:
            continue
        clause = _clause(view, words, start, end)
        role = presence_role(clause) if clause is not None else None
        if role is None:
            continue
        if any(p.ref in vetoed for p in people if isinstance(p.ref, str)):
            continue  # a list the patterns matched in part and placed no one of is theirs
            # ("joined at the table by A, title, and B" where no talks were drafted: neither
            # is at the signing)
        fresh = [p for p in people if isinstance(p.ref, str) and p.ref not in placed
                 and p.text.lower() not in _PRONOUNS]  # fmt: skip
        if fresh:
            out.append((fresh, role))
    return out


def elsewhen(view: SentenceView) -> bool:
    """Whether a sentence tells an occasion of its own, by a date ("in 2016") or a word of one
    ("footage of a visit to a plant") — for a sentence that names no event drafted."""
    words = list_words()
    return any(i.kind == "date" for i in view.items) or not words.elsewhen.isdisjoint(view.codes)


_INVERSION = frozenset({"were", "was", "included", "include", "includes"})
_NAMED = re.compile(r"[PT]\d+")


def _inverted_lead(view: SentenceView, words: ListWords) -> tuple[tuple[int, int], str] | None:
    """ "Among the foreign guests invited were a Soviet delegation headed by A, and a Mongolian
    delegation headed by B, title, with C and D": a sentence that opens with a clause of
    presence inverted before its verb ("... were", "... included") and names no one before it;
    everyone named after it, to the sentence's first boundary, is in its list, however the
    list is built (delegations "headed by", "with", groups between). The span in the view's
    string and the role; None for a sentence that opens otherwise."""
    codes = view.codes
    first = next((i for i, code in enumerate(codes) if _NAMED.fullmatch(code)), None)
    if first is None or first == 0:
        return None
    head = codes[:first]
    verb = max((i for i, code in enumerate(head) if code in _INVERSION), default=None)
    if verb is None or any(code in words.boundaries for code in head):
        return None
    role = presence_role([_SYMBOL.sub(r"\1", code) for code in head[:verb]])
    if role is None or role == "accompanied":
        return None  # ("Accompanying him were ...": the patterns read who is accompanied)
    last = first
    while last < len(codes) and codes[last] not in words.boundaries:
        last += 1
    if any(_SYMBOL.sub(r"\1", c) in ("E", "R", "D") for c in codes[first:last]):
        return None  # another occasion or a time named inside: not one list
    offsets = [0]
    for code in codes:
        offsets.append(offsets[-1] + len(code) + 1)
    return (offsets[first], offsets[last]), role
