"""The lexicon ingest reads articles with (``kwpld/reading/lexicon.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..dates import PartialDate, parse_date
from ..names import name_words
from ..resources import resource_yaml

__all__ = [
    "Lexicon", "OrganHead", "Epithet", "RecurringDocument", "lexicon", "organ_broader",
    "party_tree",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrganHead:
    head: str
    kind: str
    unique: bool = False
    code: str | None = None
    collective: bool = False
    singular: str | None = None
    numbered: bool = False
    """an ordinal before the head is part of the name ("the 4th Corps")"""


@dataclass(frozen=True, slots=True)
class Epithet:
    text: str
    person: str
    start: PartialDate | None
    end: PartialDate | None

    def applies(self, when: PartialDate | None) -> bool:
        if when is None:
            return False
        if self.start is not None and when.latest() < self.start.earliest():
            return False
        return not (self.end is not None and when.earliest() > self.end.latest())


@dataclass(frozen=True, slots=True)
class RecurringDocument:
    phrase: str
    type: str
    month: int
    day: int
    title: str


@dataclass
class Lexicon:
    organ_heads: list[OrganHead]
    collective_organs: list[OrganHead]
    publication_words: frozenset[str]
    country_words: list[str]
    not_organs: frozenset[str]
    event_heads: dict[str, str]
    ordinals: dict[str, int]
    document_nouns: dict[str, str]
    issue_verbs: list[str]
    report_verbs: list[str]
    speech_verbs: list[str]
    honorific_words: frozenset[str]
    honorific_titles: dict[str, tuple[str, bool]]
    """folded title words -> (singular form, is plural)"""
    epithets: list[Epithet]
    recurring_documents: list[RecurringDocument]
    credit_words: list[str]
    places: frozenset[str]
    headline_verbs: frozenset[str] = frozenset()
    """folded verbs of headlines, where a name stops"""
    facility_heads: frozenset[str] = frozenset()
    """folded head words of names of places and institutions ("university", "mill")"""
    korean_suffixes: tuple[str, ...] = ()
    korean_event_heads: dict[str, str] = field(default_factory=dict)
    korean_event_english: dict[str, str] = field(default_factory=dict)
    """Korean head -> English head ("대회" -> "Congress")"""
    roles: dict[str, str] = field(default_factory=dict)
    """role words as written (English, plural, Korean) -> role notation, from the vocabulary"""
    role_labels: dict[str, str] = field(default_factory=dict)
    """role notation -> its English label"""
    heads_by_words: dict[tuple[str, ...], OrganHead] = field(default_factory=dict)

    @property
    def heads_by_words_text(self) -> list[str]:
        """Every organ head, as written."""
        return [h.head for h in self.organ_heads]

    @property
    def unique_heads(self) -> list[str]:
        return [h.head for h in self.organ_heads if h.unique]

    def ordinal(self, word: str) -> int | None:
        """ "Fourth" -> 4, "4th" -> 4, "21st" -> 21; None for other words."""
        lowered = word.lower()
        if lowered in self.ordinals:
            return self.ordinals[lowered]
        digits = lowered.rstrip("stndrh")
        if digits.isdigit() and lowered[len(digits) :] in ("st", "nd", "rd", "th"):
            return int(digits)
        return None

    def ordinal_word(self, number: int) -> str:
        for word, value in self.ordinals.items():
            if value == number:
                return word.capitalize()
        suffix = (
            "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        )
        return f"{number}{suffix}"


# Roles that name posts ("secretary of a party cell"); member roles are memberships, not posts.
_POST_ROLES = (
    "chairman", "vice-chairman", "general-secretary", "first-secretary", "secretary", "director",
    "first-vice-director", "vice-director", "editor-in-chief",
)  # fmt: skip


def _role_words() -> dict[str, str]:
    """Role words from ontology/vocabularies.ttl: each English label, its plural, the Korean one."""
    from ..vocab import vocabularies

    scheme = vocabularies()["role"]
    words: dict[str, str] = {}
    for notation, label in (
        (n, label) for n in _POST_ROLES if n in scheme for label in scheme[n].labels
    ):
        words[label.lower()] = notation
        if label.isascii():
            if label.endswith("man"):
                plural = label[:-3] + "men"
            elif label.endswith("y"):
                plural = label[:-1] + "ies"
            else:
                plural = label + "s"
            words[plural.lower()] = notation
    return words


def _role_labels() -> dict[str, str]:
    from ..vocab import vocabularies

    scheme = vocabularies()["role"]
    return {notation: scheme[notation].label for notation in scheme.notations}


@cache
def lexicon() -> Lexicon:
    data = resource_yaml("kwpld/reading/lexicon.yaml")
    heads = [
        OrganHead(h["head"], h["kind"], bool(h.get("unique")), h.get("code"),
                  numbered=bool(h.get("numbered")))  # fmt: skip
        for h in data["organ_heads"]
    ]
    collective = [
        OrganHead(c["plural"], c["kind"], True, c.get("code"), True, c.get("singular"))
        for c in data["collective_organs"]
    ]
    titles: dict[str, tuple[str, bool]] = {}
    for title in data["honorific_titles"]:
        titles[" ".join(name_words(title["singular"]))] = (title["singular"], False)
        titles[" ".join(name_words(title["plural"]))] = (title["singular"], True)
    epithets = [
        Epithet(
            e["text"],
            e["person"],
            parse_date(str(e["from"])) if e.get("from") else None,
            parse_date(str(e["until"])) if e.get("until") else None,
        )
        for e in data["epithets"]
    ]
    lex = Lexicon(
        organ_heads=heads,
        collective_organs=collective,
        publication_words=frozenset(data["publication_words"]),
        country_words=list(data["country_words"]),
        not_organs=frozenset(data["not_organs"]),
        event_heads={h["head"]: h["type"] for h in data["event_heads"]},
        ordinals={w: i + 1 for i, w in enumerate(data["ordinals"])},
        document_nouns=dict(data["document_nouns"]),
        issue_verbs=list(data["issue_verbs"]),
        report_verbs=list(data["report_verbs"]),
        speech_verbs=list(data["speech_verbs"]),
        honorific_words=frozenset(data["honorific_words"]),
        honorific_titles=titles,
        epithets=epithets,
        recurring_documents=[RecurringDocument(**d) for d in data["recurring_documents"]],
        credit_words=list(data["credit_words"]),
        places=frozenset(data["places"]),
        facility_heads=frozenset(w.lower() for w in data.get("facility_heads", [])),
        headline_verbs=frozenset(w.lower() for w in data.get("headline_verbs", [])),
        korean_suffixes=tuple(sorted(data.get("korean_suffixes", []), key=len, reverse=True)),
        korean_event_heads={h["head"]: h["type"] for h in data.get("korean_event_heads", [])},
        korean_event_english={
            h["head"]: h["english"] for h in data.get("korean_event_heads", []) if h.get("english")
        },
        roles=_role_words(),
        role_labels=_role_labels(),
    )
    for head in heads:
        lex.heads_by_words[name_words(head.head)] = head
    return lex


@cache
def organ_broader() -> dict[str, str]:
    """Organ kind -> its broader kind, from ontology/vocabularies.ttl (skos:broader)."""
    from ..vocab import vocabularies

    scheme = vocabularies()["organ-kind"]
    return {n: c.broader for n, c in scheme.concepts.items() if c.broader is not None}


def party_tree(kind: str) -> bool:
    """True for kinds of organ that sit inside a party (party cell, Political Bureau, ...)."""
    broader = organ_broader()
    seen = set()
    while kind in broader and kind not in seen:
        seen.add(kind)
        kind = broader[kind]
        if kind == "party":
            return True
    return False
