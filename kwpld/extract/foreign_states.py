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
from functools import cache, lru_cache

from ..names import is_korean_surname
from ..reading.facts import Fact, FactSpan, fact_lexicon
from ..reading.rules import foreign_name_lists
from ..reading.state import Context

__all__ = [
    "dateline_state",
    "foreigners_state",
    "home_government_state",
    "korean_looking",
    "main_nationality_state",
    "north_before",
    "seoul_story",
    "seoul_story_state",
    "side_state",
    "south_spelled",
]

_SIDE = re.compile(
    r"\b(?:from|on)\s+(?:the\s+((?:[\w'’.-]+\s+){0,2}?[\w'’.-]+)|our)\s+side\b"
    r"(?P<ahead>\s*(?:,\s*(?!and\b)|(?:were|was|are|is|included)\b|(?-i:[A-Z])))?",
    re.I,
)
"""a side marker; ``ahead`` when it heads the people after it ("Present on our side were A",
"On the Korean side, A", "and on the Chinese side B"), else it closes those before it ("A and B
from the Russian side.", "A from the North Korean side and B")"""
_OPENING = re.compile(r"\s*In\s+([A-Z][a-z]+)\s*,")
_DATELINE = re.compile(
    r"\s*([A-Z][A-Za-z]+)(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
    r"|(?:,\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)?\s+\([A-Z][\w.&' -]{1,30}\)\s*(?:--|[-–—]))"
)
"""a dateline's city: "BEIJING, June 17 (AFP) -", "TOKYO, July 3 Kyodo", and the agencies' form
without a date: "BEIJING (AP) —", "HANOI, Vietnam (Reuters) -" (lever L3)"""


@cache
def _nationality_words() -> re.Pattern[str]:
    words = sorted(fact_lexicon().nationality_states, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I)


@cache
def _party_cue() -> re.Pattern[str]:
    """A nationality word, a noun of ``foreign_party_cues`` within three words, and one of its
    verbs within the clause ("The south Korean president was accompanied by")."""
    cues = fact_lexicon().foreign_party_cues
    nouns = "|".join(re.escape(n) for n in cues.get("nouns", ()))
    verbs = "|".join(re.escape(v) for v in cues.get("verbs", ()))
    return re.compile(
        rf"{_nationality_words().pattern}\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})\b"
        rf"[^.;:]{{0,60}}?\b(?:{verbs})\b",
        re.I,
    )


def side_state(r: Context, fact: Fact) -> tuple[bool, str | None]:
    """Whether the sentence puts the person of ``fact`` on a side, and that side's foreign
    state (None for the DPRK's: "on our side", "from the North Korean side"): the marker that
    heads the part of the sentence he is in, else the one that closes it, or a foreign party's
    list he is in ("The South Korean delegation included ...")."""
    flex = fact_lexicon()
    at = next((s.start for s in fact.spans if s.role == "person"), fact.sentence[0])
    sentence = r.text[fact.sentence[0] : fact.sentence[1]]
    sides = list(_SIDE.finditer(sentence))
    before = [m for m in sides if fact.sentence[0] + m.end() <= at][-1:]
    after = [m for m in sides if fact.sentence[0] + m.start() > at][:1]
    side = next((m for m in before if m.group("ahead")), None) or next(
        (m for m in after if not m.group("ahead")), None
    )
    if side is not None:
        words = " ".join((side.group(1) or "").lower().split())
        return True, flex.nationality_states.get(words)  # None: "our", "the DPRK"
    cue = _party_cue().search(sentence)
    if cue is not None and fact.sentence[0] + cue.end() <= at:
        return True, flex.nationality_states.get(" ".join(cue.group(1).lower().split()))
    return False, None


def foreigners_state(r: Context, fact: Fact) -> str | None:
    """The state whose office the foreign-named person of ``fact`` holds, by the sentence's
    side marker (the first after him, else the last before), its opening "In <capital>,",
    the dateline's city or the article's main foreign nationality, when a name of his shape can
    serve that state (``shape_states``: a Chinese name is no Japanese minister); None when none
    says, or the side is not a foreign one ("from the DPRK side")."""
    flex = fact_lexicon()
    on_side, state = side_state(r, fact)
    if on_side:
        return state
    opening = _OPENING.match(r.text[fact.sentence[0] : fact.sentence[1]])
    shape = r.reg.peek(fact.person).attrs.get("foreign_name")
    names = foreign_name_lists()
    allowed = names.shape_states.get(str(shape))
    if allowed is not None and shape == "given":
        allowed = allowed | names.given_also  # (class EB) "Luis X" in a Cuban delegation
    if opening:
        states = [flex.foreign_capitals.get(opening.group(1))]
    elif shape == "titled":
        # (class BD) no shape vouches for a state: the dateline's, when its officials' names
        # have no listed shape (Singapore, Laos, Cuba, not the United States, China, Russia)
        # and the article's nationality words name it, none more ("SINGAPORE (Reuters) -
        # Singapore's Foreign Minister ... Prime Minister Lee Hsien Loong"); never a dateline
        # alone, nor Washington's ("Prime Minister Lee Hsien Loong" in a Washington report)
        home = dateline_state(r)
        shaped = set().union(*foreign_name_lists().shape_states.values())
        if home is None:
            # (class EB) no foreign capital's dateline (a Pyongyang story on a visit): the
            # state of the delegation the article is about, when its nationality words are
            # mostly one state's ("The Cuban party and government delegation ... includes X,
            # minister of Foreign Trade"); never a state whose officials' names have a listed
            # shape (their shapes decide above)
            guests = main_nationality_state(r)
            return guests if guests is not None and guests not in shaped else None
        if home in shaped or home not in _nationality_leaders(r):
            return None
        return home
    else:
        # the dateline's city, else (also when its state cannot be his: a Russian name in a
        # "SEOUL (Reuters)" story on Russia, class S) the article's main nationality
        states = [dateline_state(r), main_nationality_state(r)]
    return next(
        (s for s in states if s is not None and (allowed is None or s in allowed)), None
    )


def dateline_state(r: Context) -> str | None:
    """The state of the foreign capital of the dateline ("BEIJING, June 17 (AFP) -", "TOKYO,
    July 3 Kyodo")."""
    flex = fact_lexicon()
    for block in r.doc.blocks[:3]:
        m = _DATELINE.match(r.text[block.start : block.end])
        if m is not None:
            city = m.group(1).capitalize()
            if city in flex.foreign_capitals:
                return flex.foreign_capitals[city]
    return None


def _nationality_counts(r: Context) -> Counter[str]:
    """How often the article's nationality words ("Russian", "China's") name each state (read
    only: the counts of a text are counted once, however many titles ask)."""
    return _counts_in(r.text)


@lru_cache(maxsize=4)
def _counts_in(text: str) -> Counter[str]:
    flex = fact_lexicon()
    return Counter(
        flex.nationality_states[m.group(1).lower()]
        for m in _nationality_words().finditer(text)
        if m.group(1).lower() != "us" or m.group(1) == "US"  # not the pronoun
    )


def main_nationality_state(r: Context) -> str | None:
    """The state the article's nationality words name most, when one state has most of them
    ("Russian", "Russia's" in a Seoul story on a summit in Vladivostok)."""
    ranked = _nationality_counts(r).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _nationality_leaders(r: Context) -> set[str]:
    """The states the article's nationality words name most (once is enough; ties all)."""
    counts = _nationality_counts(r)
    top = max(counts.values(), default=0)
    return {state for state, n in counts.items() if n == top and n > 0}


@cache
def _home_cues() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    cues = fact_lexicon().home_government_cues
    if not cues:
        return None

    def words(key: str) -> re.Pattern[str]:
        alternatives = "|".join(
            re.escape(w).replace("'", "['’]") for w in sorted(cues[key], key=len, reverse=True)
        )
        return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", re.I)

    return words("south"), words("north")


def home_government_state(r: Context, fact: Fact) -> str | None:
    """The state of ``home_government_cues`` for a Korean-named "Prime Minister" whose sentence
    places him in the South ("Prime Minister Chung Hong-won offered to resign, Seoul's
    presidential office said") and has no word of the North; else None (the DPRK's)."""
    cues, patterns = fact_lexicon().home_government_cues, _home_cues()
    role = next((s for s in fact.spans if s.role == "role"), None)
    if patterns is None or role is None:
        return None
    printed = " ".join(r.text[role.start : role.end].lower().split())
    if not any(printed.endswith(w) for w in cues.get("roles", ())):
        return None
    sentence = r.text[fact.sentence[0] : fact.sentence[1]]
    south, north = patterns
    if south.search(sentence) is None or north.search(sentence) is not None:
        return None
    return str(cues["state"])


@cache
def _seoul_cues() -> (
    tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None
):
    cues = fact_lexicon().home_government_cues
    if not cues.get("seoul_roles"):
        return None

    def words(key: str, flags: int = re.I) -> re.Pattern[str]:
        alternatives = "|".join(
            re.escape(w).replace("'", "['’]")
            for w in sorted(cues.get(key, ()), key=len, reverse=True)
        )
        return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", flags)

    return (words("seoul_roles"), words("seoul_outlets", 0), words("not_before"),
            words("south_before"))  # fmt: skip


_SEOUL_DATELINE = re.compile(r"(?:^|[\n/])\s*SEOUL\b|^\s*Seoul,\s+[A-Z][a-z]{2,8}\.?\s+\d", re.M)


def seoul_story(r: Context) -> bool:
    """The article is told from Seoul (:func:`_seoul_story`)."""
    patterns = _seoul_cues()
    return patterns is not None and _seoul_story(r, patterns[1])


def _seoul_story(r: Context, outlets: re.Pattern[str]) -> bool:
    """The article is told from Seoul: a "SEOUL" dateline ("SEOUL, Sept. 3 (Yonhap) --",
    "WASHINGTON/SEOUL", "SEOUL (Reuters) -") or a South Korean outlet named in its first
    blocks."""
    for block in r.doc.blocks[:4]:
        text = r.text[block.start : block.end]
        if _SEOUL_DATELINE.search(text) or outlets.search(text):
            return True
    return False


def seoul_story_state(r: Context, fact: Fact) -> str | None:
    """South Korea for a Korean-named holder of a bare title the South's ministers bear
    (``home_government_cues.seoul_roles``: "Defense Minister Song Young-moo", "Unification
    Minister X") in a story told from Seoul, when no word of the North
    (``not_before``: "North Korean", "his ... counterpart") stands in the sentence right before
    the title; else None (the DPRK's, as before)."""
    patterns = _seoul_cues()
    role = next((s for s in fact.spans if s.role == "role"), None)
    if patterns is None or role is None:
        return None
    roles, outlets = patterns[0], patterns[1]
    start = _title_start(r, fact, role)
    printed = " ".join(r.text[start : role.end].split())
    hit = roles.search(printed)
    if hit is None or hit.end() != len(printed):
        return None
    person = r.reg.peek(fact.person)
    name = person.names[0].text if person.names else ""
    if north_before(r, fact) or not south_spelled(name) or not _seoul_story(r, outlets):
        return None
    hyphenated = fact_lexicon().home_government_cues.get("seoul_roles_hyphenated", ())
    if "-" not in name and hit.group(0).lower() in hyphenated:
        return None  # "Prime Minister Kim Jae Ryong": the North's spelling (class CB)
    return str(fact_lexicon().home_government_cues["state"])


def _title_start(r: Context, fact: Fact, role: FactSpan) -> int:
    """Where the title of ``fact`` begins: its organ's word right before its role's
    ("Unification Minister"), else the role."""
    return min(
        (s.start for s in fact.spans
         if s.role == "organ" and s.end <= role.start and not r.text[s.end : role.start].strip()),
        default=role.start,
    )  # fmt: skip


def north_before(r: Context, fact: Fact) -> bool:
    """A word of the North (``home_government_cues.not_before``) stands in the sentence right
    before the title of ``fact`` ("his North Korean counterpart, Defense Minister X")."""
    patterns = _seoul_cues()
    role = next((s for s in fact.spans if s.role == "role"), None)
    if patterns is None or role is None:
        return False
    start = _title_start(r, fact, role)
    window = r.text[max(fact.sentence[0], start - 50) : start]
    north = [m.end() for m in patterns[2].finditer(window)]
    south = [m.end() for m in patterns[3].finditer(window)]
    return bool(north) and (not south or max(north) > max(south))


def south_spelled(name: str) -> bool:
    """The name is spelled the South's way (``south_family``, ``south_syllable_marks``): "Lee
    Jong-sup", "Song Young-moo", "Kim Yong-hyun"; not "Pak Yong Sik", "Kang Sun-nam"."""
    cues = fact_lexicon().home_government_cues
    words = name.replace("-", " ").split()
    if len(words) < 2 or "'" in name or "’" in name:
        return False
    if words[0] in cues.get("south_family", ()):
        return True
    marks = cues.get("south_syllable_marks", ())
    return any(mark in word.lower() for word in words[1:] for mark in marks)


def korean_looking(name: str) -> bool:
    """A name read by no foreign shape that is written like a South Korean's: a Korean family
    name and a hyphenated given name ("Song Young-moo", "Cho Myoung-gyon")."""
    words = name.split()
    return len(words) == 2 and is_korean_surname(words[0]) and "-" in words[1]
