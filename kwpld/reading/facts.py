"""Facts a text states: who holds which post or seat (and since or until when), who took part
in which event. Found by the passes :mod:`kwpld.extract.titles`,
:mod:`~kwpld.extract.holdings` and :mod:`~kwpld.extract.attendance`, with the words
of ``facts.yaml``; drafted as membership and participation records (:mod:`kwpld.ingest.drafts`).

A :class:`Fact` keeps the sentence that states it and the spans it used (the person, the
trigger, the role, the organ, the date), so a reviewer sees why it was proposed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..dates import PartialDate
from ..names import name_words
from ..resources import resource_yaml
from .sentences import PatternSet, SymbolPattern, compile_patterns
from .words import ORDINAL_WORDS

__all__ = [
    "AntecedentWords",
    "Fact",
    "FactSpan",
    "FactLexicon",
    "Title",
    "Pattern",
    "CareerWords",
    "antecedent_words",
    "career_words",
    "change_table_places",
    "table_columns",
    "structure_words",
    "place_key",
    "fact_lexicon",
    "term_on_body",
    "without_state_qualifier",
    "event_id_name",
]


@dataclass(frozen=True, slots=True)
class FactSpan:
    """A span of the text a fact used, with what it is to the fact."""

    start: int
    end: int
    role: str
    """person, trigger, role, organ, post, event, date, hedge"""


@dataclass(frozen=True)
class Title:
    """A title the text gives: a role in an organ ("member of the Political Bureau", "Premier",
    "WPK Vice Chairman", "Foreign Minister"), possibly the holding of a post."""

    start: int
    end: int
    role: str
    """a role of the vocabulary"""
    organ: str | None
    """entity key of the organ, None when the text leaves it to the context"""
    role_span: tuple[int, int]
    organ_span: tuple[int, int] | None = None
    post: str | None = None
    """entity key of the post, for roles that are posts"""
    plural: bool = False


@dataclass
class Fact:
    """One fact: a holding (membership) or a participation, with its evidence."""

    kind: str
    """membership or participation"""
    type: str
    """elected, appointed, promoted, holds, dismissed, relieved, recalled, resigned, retired,
    replaced, demoted (memberships); attended, guided, ... (participations)"""
    person: str
    """entity key"""
    sentence: tuple[int, int]
    spans: list[FactSpan] = field(default_factory=list)
    organ: str | None = None
    role: str | None = None
    post: str | None = None
    event: str | None = None
    """entity key of the event the fact belongs to (the participation's event)"""
    start: PartialDate | None = None
    end: PartialDate | None = None
    as_of: PartialDate | None = None
    status: str = "reported"
    date_basis: str = "none"
    """sentence, event, article, weekday or none: where the date came from"""
    why: str = ""
    rule: str = ""
    """the pattern that found it"""
    term: str = ""
    """(class ED) a term the text tells apart by itself, undated (an SPA convocation: "12th"):
    such a fact is a draft of its own, never joined to the person's other facts"""


@dataclass(frozen=True)
class Pattern:
    """A pattern over a sentence's symbols (:mod:`kwpld.reading.sentences`), macros expanded."""

    id: str
    regex: SymbolPattern
    type: str | None = None


@dataclass(frozen=True)
class OccasionAct:
    """An occasion a verb reports without naming it ("Kim laid a wreath at ...", "A and B saw
    him off"): its event's type and name; ``same``: names of occasions that are this one when
    reported just before it (the "Send-off Ceremony" a sub-heading began); ``needs``: what the
    sentence or the next must also say ("arrived" is an occasion when someone greeted him)."""

    act: re.Pattern[str]
    type: str
    name: str
    same: re.Pattern[str]
    needs: re.Pattern[str] | None = None


@dataclass
class FactLexicon:
    roles: dict[tuple[str, ...], str]
    """folded role words -> role notation"""
    role_kinds: dict[tuple[str, ...], str]
    """folded role words -> what the role implies: "premier" (the Cabinet), "minister" (a
    ministry), "general-staff" (the KPA General Staff)"""
    implied_organs: dict[str, str]
    """what a role implies (the second word of a role in ``roles``) -> the name of the organ
    it implies when the text names none ("premier" -> the Cabinet)"""
    ministries: dict[tuple[str, ...], str]
    triggers: dict[tuple[str, ...], str]
    """folded trigger words -> fact type"""
    ending: frozenset[str]
    beginning: frozenset[str]
    reported_words: frozenset[str]
    projected_words: frozenset[str]
    attribution_words: frozenset[str]
    official_sources: tuple[str, ...]
    attendance_roles: tuple[str, ...]
    attendance_cues: dict[tuple[str, ...], str]
    attendance_verbs: dict[tuple[str, ...], str]
    appearances: dict[tuple[str, ...], str]
    passing: tuple[str, ...]
    """words before an event named in passing ("the decisions of", "since")"""
    attendance_to_come: frozenset[str]
    """words before a cue that make its occasion one still to come ("are expected to sign at a
    ceremony", "had been scheduled"): it places no one"""
    same_occasion_heads: dict[str, frozenset[str]]
    """(class DB) for each head of a leader's occasion, the heads that name the same one
    ("the launch" after "the test-fire of ...")"""
    duty_verbs: frozenset[tuple[str, ...]]
    duty_objects: frozenset[str]
    """(class CG) "oversaw the third seven-year plan": a duty, not an occasion (``duties``)"""
    many_quantifiers: tuple[str, ...]
    many_heads: frozenset[str]
    """(round 7, M2) "accompanied Kim on many visits", "appeared at most of the party's major
    meetings": occasions counted in the plural place no one at one (``many_occasions``)"""
    event_references: dict[tuple[str, ...], tuple[str, ...]]
    occasions: dict[str, str] = field(default_factory=dict)
    home_party_events: dict[str, int] = field(default_factory=dict)
    """(round 6, occasions first) the home party's series named without the party ("the 8th
    Congress of the party", "its third conference"), each with the highest ordinal it may have
    ("the 20th Party Congress" is another party's): ``home_party_events``"""
    met_groups: frozenset[str] = frozenset()
    """(round 6) nouns of a group met ("received the delegation"): a meeting held
    (``met_groups``)"""
    unheld_modifiers: frozenset[str] = frozenset()
    unheld_verbs: tuple[str, ...] = ()
    """(round 6) an occasion named as a thing, not held: "a proposed summit", "... was never
    held" (``unheld_occasions``)"""
    similar_occasions: tuple[str, ...] = ()
    """words before an occasion's plural that say others like it were held ("similar rallies
    in provincial seats"): "the rally in Hamhung" after them is one of those"""
    speech_acts: tuple[str, ...] = ()
    """a speech at an occasion ("made a report"): ``occasion_speech.acts``"""
    speech_verbs: tuple[str, ...] = ()
    """a speaker's verb of saying ("He said that"): ``occasion_speech.verbs``"""
    similar_plurals: tuple[str, ...] = ()
    not_of_occasion: frozenset[str] = frozenset()
    """words of a sentence that speaks of the present or the report, not of the occasion the
    text reports (a title there is as of the article)"""
    """plurals after those words that stand for any occasion ("similar meetings")"""
    occasion_acts: tuple[OccasionAct, ...] = ()
    """occasions a verb reports ("laid a wreath", "saw him off"): ``occasion_acts``"""
    occasion_bodies: tuple[str, ...] = ()
    """last words of a body whose conference is an occasion of its own ("the conference of the
    X Provincial Party Organization"): ``occasion_segments.bodies``"""
    occasion_titles: frozenset[str] = frozenset()
    """titles that stand for the leader the article named with them ("the President visited"):
    ``occasion_segments.titles``"""
    met_titles: tuple[str, ...] = ()
    """(class AB) last words of a title in lower case before the one met ("met North Korean
    leader Kim Jong Un", "met with the North's top nuclear negotiator, Kim Yong Chol"):
    ``attendance.met_titles``"""
    occasion_attended_at: tuple[str, ...] = ()
    """cues that place people at "the <occasion>" ("Present at the burial were"), which is then
    an occasion of its own: ``occasion_segments.attended_at``"""
    foreign_nationalities: frozenset[str] = frozenset()
    nationality_states: dict[str, str] = field(default_factory=dict)
    """a nationality word ("russian", "south korean") -> its state ("Russia", "South Korea")"""
    foreign_governments: dict[str, str] = field(default_factory=dict)
    foreign_offices: frozenset[str] = frozenset()
    """what roles imply that is another state's office: ``foreign_offices``"""
    state_heads: frozenset[str] = frozenset()
    state_deputy_heads: frozenset[str] = frozenset()
    """a deputy head of state's title after a nationality word ("U.S. Vice President"), for
    the states of ``state_deputy_head_states`` (class AE)"""
    state_deputy_head_states: frozenset[str] = frozenset()
    """role words that, after a nationality word, make the person the head (chairman) of that
    state itself ("Russian President Vladimir Putin"): ``state_heads``"""
    foreign_capitals: dict[str, str] = field(default_factory=dict)
    foreign_party_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    home_government_cues: dict[str, Any] = field(default_factory=dict)
    """nouns and verbs that put the people listed after them on a foreign side"""
    """a foreign capital ("Tokyo") -> its state ("Japan")"""
    """a state -> its head of government's organ when not Government of <state>"""
    new_organ_heads: frozenset[str] = frozenset()
    new_organ_generic: frozenset[str] = frozenset()
    party_possessives: dict[str, Any] = field(default_factory=dict)
    """a party's possessive before its organ: owners, home_owners, home_parties (class cpcdup)"""
    """words that make a minister another country's ("Russian Foreign Minister")"""
    """noun of an occasion ("reception", "military parade") -> event type"""
    past_forms: frozenset[str] = frozenset()
    """irregular past forms: "probably lost" is an inference about the past (reported)"""
    negated_projections: frozenset[str] = frozenset()
    """hedges that deny the change they project ("is unlikely to return to O"): no holding"""
    ministry_heads: frozenset[str] = frozenset()
    presidency: dict[str, Any] = field(default_factory=dict)
    """the DPRK's presidency before a name (``presidency`` in facts.yaml)"""
    """last words of a ministry's name written in lower case ("minister of metal industry")"""
    foreign_ministries: dict[tuple[str, ...], str] = field(default_factory=dict)
    """the words of a minister's title -> the ministry's name in another state"""
    foreign_states: tuple[tuple[tuple[str, ...], str], ...] = ()
    """(folded words, name) of other states, longest first"""
    holding_patterns: list[Pattern] = field(default_factory=list)
    replacing_patterns: list[Pattern] = field(default_factory=list)
    successor_patterns: list[Pattern] = field(default_factory=list)
    replacing_untitled_patterns: list[Pattern] = field(default_factory=list)
    replaced_by_patterns: list[Pattern] = field(default_factory=list)
    """a titled holder replaced by a successor ("Defence Minister X was replaced by Y")"""
    heir_patterns: list[Pattern] = field(default_factory=list)
    """a projected heir of a post someone holds or left ("X's post is expected to go to Y")"""
    holds_patterns: list[Pattern] = field(default_factory=list)
    co_member_patterns: list[Pattern] = field(default_factory=list)
    """a "with" list right after a title: its people hold the title too"""
    attendance_patterns: list[Pattern] = field(default_factory=list)
    longest_role: int = 1

    def role_at(
        self, keys: tuple[str, ...] | list[str], i: int
    ) -> tuple[int, str, bool, str | None] | None:
        """The longest role phrase starting at word ``i``: (end word, role, plural, what it
        implies)."""
        if keys[i] not in self.role_starts:
            return None
        for size in range(min(self.longest_role, len(keys) - i), 0, -1):
            words = tuple(keys[i : i + size])
            found = self.role_forms.get(words)
            if found is not None:
                singular, plural = found
                return i + size, self.roles[singular], plural, self.role_kinds.get(singular)
        return None

    def admitted(self, patterns: list[Pattern], string: str) -> list[Pattern]:
        """Those of ``patterns`` (one of this lexicon's lists) that can match ``string``, in
        order (:class:`~kwpld.reading.sentences.PatternSet`): the others' searches find
        nothing."""
        found = self._sets.get(id(patterns))
        if found is None or found.patterns is not patterns:
            found = self._sets[id(patterns)] = PatternSet(patterns, _regex)
        return found.admitted(string)

    def __post_init__(self) -> None:
        self._sets: dict[int, PatternSet] = {}
        # Every role phrase and its plural ("vice chairmen", "chiefs of the general staff").
        self.role_forms: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = {}
        for words in self.roles:
            self.role_forms[words] = (words, False)
            for index, word in enumerate(words):
                if index == len(words) - 1 or words[index + 1] == "of":
                    plural = (*words[:index], _plural(word), *words[index + 1 :])
                    self.role_forms.setdefault(plural, (words, True))
                    break
        self.role_starts = frozenset(w[0] for w in self.role_forms)


def _regex(pattern: Pattern) -> SymbolPattern:
    return pattern.regex


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith("ey"):
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch")):
        return word + "es"
    return word + "s"


def _state_names(listed: Any) -> list[str]:
    """``foreign_states`` and every name and abbreviation of the states of ``states.yaml``
    (class X: "president of the ROK"), but those that are words in lower case ("US")."""
    table = resource_yaml("kwpld/reading/states.yaml")
    skip = set(table.get("not_after_of", ()))
    names = [
        n for spec in table["states"]
        for n in (*spec["names"], *spec.get("abbreviations", ()))
        if n not in skip
    ]  # fmt: skip
    return list(dict.fromkeys([*listed, *names]))


@cache
def fact_lexicon() -> FactLexicon:
    data = resource_yaml("kwpld/reading/facts.yaml")
    roles: dict[tuple[str, ...], str] = {}
    role_kinds: dict[tuple[str, ...], str] = {}
    for phrase, value in data["roles"].items():
        role, *implies = value.split()
        roles[name_words(phrase)] = role
        if implies:
            role_kinds[name_words(phrase)] = implies[0]
    triggers: dict[tuple[str, ...], str] = {}
    for kind, words in data["triggers"].items():
        for word in words:
            triggers[name_words(word)] = kind
    attendance = data["attendance"]
    lex = FactLexicon(
        roles=roles,
        role_kinds=role_kinds,
        implied_organs=dict(data["implied_organs"]),
        ministries={name_words(k): v for k, v in data["ministries"].items()},
        foreign_ministries={
            name_words(k): v for k, v in data.get("foreign_ministries", {}).items()
        },
        foreign_states=tuple(sorted(
            ((name_words(n), n) for n in _state_names(data.get("foreign_states", ()))),
            key=lambda e: -len(e[0]),
        )),
        triggers=triggers,
        ending=frozenset(data["ending"]),
        beginning=frozenset(data["beginning"]),
        reported_words=frozenset(data["reported_words"]),
        projected_words=frozenset(data["projected_words"]),
        attribution_words=frozenset(data.get("attribution_words", ())),
        official_sources=tuple(data["official_sources"]),
        attendance_roles=tuple(attendance["roles"]),
        attendance_cues=_attendance_cues(attendance),
        attendance_verbs={name_words(k): v for k, v in attendance["verbs"].items()},
        appearances={name_words(k): v for k, v in attendance["appearances"].items()},
        passing=tuple(attendance.get("passing", ())),
        attendance_to_come=frozenset(attendance.get("to_come", ())),
        duty_verbs=frozenset(name_words(v) for v in attendance.get("duties", {}).get("verbs", ())),
        duty_objects=frozenset(attendance.get("duties", {}).get("objects", ())),
        many_quantifiers=tuple(attendance.get("many_occasions", {}).get("quantifiers", ())),
        many_heads=frozenset(attendance.get("many_occasions", {}).get("heads", ())),
        same_occasion_heads={
            head: frozenset(group)
            for group in attendance.get("same_occasion_heads", ())
            for head in group
        },
        event_references={name_words(k): tuple(v) for k, v in data["event_references"].items()},
        occasions=dict(data.get("occasions", {})),
        home_party_events={str(k): int(v) for k, v in data.get("home_party_events", {}).items()},
        met_groups=frozenset(data.get("met_groups", ())),
        unheld_modifiers=frozenset(data.get("unheld_occasions", {}).get("modifiers", ())),
        unheld_verbs=tuple(data.get("unheld_occasions", {}).get("verbs", ())),
        similar_occasions=tuple(data.get("similar_occasions", ())),
        similar_plurals=tuple(data.get("similar_plurals", ())),
        not_of_occasion=frozenset(data.get("not_of_occasion", ())),
        speech_acts=tuple(data.get("occasion_speech", {}).get("acts", ())),
        speech_verbs=tuple(data.get("occasion_speech", {}).get("verbs", ())),
        occasion_acts=tuple(
            OccasionAct(re.compile(a["act"], re.I), a["type"], a["name"],
                        re.compile(a["same"], re.I), re.compile(a["needs"], re.I)
                        if a.get("needs") else None)  # fmt: skip
            for a in data.get("occasion_acts", ())
        ),
        occasion_bodies=tuple(data.get("occasion_segments", {}).get("bodies", ())),
        occasion_attended_at=tuple(data.get("occasion_segments", {}).get("attended_at", ())),
        met_titles=tuple(attendance.get("met_titles", ())),
        occasion_titles=frozenset(data.get("occasion_segments", {}).get("titles", ())),
        foreign_nationalities=frozenset(data.get("foreign_nationalities", {})),
        nationality_states=dict(data.get("foreign_nationalities", {})),
        foreign_governments=dict(data.get("foreign_governments", {})),
        state_heads=frozenset(data.get("state_heads", ())),
        state_deputy_heads=frozenset(
            " ".join(w.replace("-", " ").split()) for w in data.get("state_deputy_heads", ())
        ),
        state_deputy_head_states=frozenset(data.get("state_deputy_head_states", ())),
        foreign_offices=frozenset(data.get("foreign_offices", ())),
        foreign_capitals=dict(data.get("foreign_capitals", {})),
        home_government_cues=dict(data.get("home_government_cues", {})),
        foreign_party_cues={
            k: tuple(v) for k, v in data.get("foreign_party_cues", {}).items()
        },
        new_organ_heads=frozenset(data.get("new_organ_heads", ())),
        new_organ_generic=frozenset(data.get("new_organ_generic", ())),
        party_possessives=dict(data.get("party_possessives", {})),
        past_forms=frozenset(data.get("past_forms", ())),
        negated_projections=frozenset(data.get("negated_projections", ())),
        ministry_heads=frozenset(data.get("ministry_heads", ())),
        presidency=dict(data.get("presidency", {})),
    )
    lex.longest_role = max(len(k) for k in roles)
    _add_patterns(lex, data)
    return lex


_PATTERN_CACHE = Path(__file__).parent / "__pycache__" / (
    f"facts-patterns.{sys.implementation.cache_tag}.json"
)
"""what the fact patterns compile to, kept beside this module's bytecode
(:mod:`~kwpld.reading.codecache`)"""


def _add_patterns(lex: FactLexicon, data: dict[str, Any]) -> None:
    """The fact patterns of ``facts.yaml``, compiled together (with their macros) so that
    what they compile to is kept on disk for the next process."""
    targets = {
        "holding_patterns": lex.holding_patterns,
        "replacing_patterns": lex.replacing_patterns,
        "successor_patterns": lex.successor_patterns,
        "replacing_untitled_patterns": lex.replacing_untitled_patterns,
        "replaced_by_patterns": lex.replaced_by_patterns,
        "heir_patterns": lex.heir_patterns,
        "holds_patterns": lex.holds_patterns,
        "co_member_patterns": lex.co_member_patterns,
        "attendance_patterns": lex.attendance_patterns,
    }
    specs = [(target, spec) for key, target in targets.items() for spec in data.get(key, [])]
    compiled = compile_patterns(
        [spec["pattern"] for _, spec in specs], _trigger_macros(lex), cache=_PATTERN_CACHE
    )
    for (target, spec), regex in zip(specs, compiled, strict=True):
        target.append(Pattern(spec["id"], regex, spec.get("type")))


def _attendance_cues(attendance: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """The cues of lists (``attendance.cues``) and the places of lists, each alone and after
    each of ``place_prefixes`` ("on the tribune", "seated on the tribune", "also seen on the
    tribune"): prefixes and places compose, so a new place or prefix is one line of data."""
    cues = {name_words(k): v for k, v in attendance["cues"].items()}
    for place, role in attendance.get("places", {}).items():
        for prefix in ("", *attendance.get("place_prefixes", ())):
            cues.setdefault(name_words(f"{prefix} {place}".strip()), role)
    return cues


def _trigger_macros(lex: FactLexicon) -> dict[str, str]:
    def alternation(types: frozenset[str] | None) -> str:
        phrases = sorted(
            (" ".join(words) for words, kind in lex.triggers.items() if not types or kind in types),
            key=lambda p: (-len(p), p),
        )
        return "(?:" + "|".join(re.escape(p) for p in phrases) + ")"

    def phrases(table: dict[tuple[str, ...], str]) -> str:
        words = sorted((" ".join(k) for k in table), key=lambda p: (-len(p), p))
        return "(?:" + "|".join(re.escape(p) for p in words) + ")"

    return {
        "CUE": phrases(lex.attendance_cues),
        "VERB": phrases(lex.attendance_verbs),
        # (class CF) a list of those at an occasion whose names may follow a title ("A, Premier
        # B, C and Foreign Minister D"): the names are the list's
        "GUESTS": (
            r"(?:(?:T\d+ )?{PERSON}(?: (?:, |- |; )?(?:and |as well as )?(?:T\d+ )?{PERSON})*)"
        ),
        # (class AB) a title in lower case before the one met: "north korean leader", "his
        # counterpart", "north korea top nuclear negotiator ," (a view's words)
        "METTITLE": r"(?:(?:the |his |her |their )?(?:[a-z-]+ |T\d+ ){0,4}?(?:"
        + ("|".join(re.escape(t) for t in sorted(lex.met_titles, key=lambda t: (-len(t), t)))
           or "(?!)")
        + r")s?(?: ,)? )",
        "CHANGE": alternation(None),
        "BEGIN": alternation(lex.beginning),
        "END": alternation(lex.ending),
        "ADV": r"(?:(?:also|newly|again|later|then|subsequently|formally|officially|"
        r"unanimously|recently|reportedly|just|since|already|eventually|finally|both|all|likely|"
        r"probably|possibly|presumably|apparently|perhaps|soon|first) )*",
        "POSTOF": r"(?:(?:the |his |her |their )?(?:posts?|positions?|offices?|duty|duties|ranks?)"
        r"(?: (?:of|as))? )?",
        # (class CE) a hedge or modal before who will take a post: "is likely to", "is widely
        # expected to", "could", "will probably" (no trailing space)
        "HEIRHEDGE": r"(?:(?:is|are|was|were) (?:(?:widely|also|now|generally|most|more|very|"
        r"highly) )?(?:likely|expected|set|tipped|slated|poised|projected|predicted) to|(?:will|"
        r"would|could|may|might|should)(?: (?:likely|probably|possibly|also|well|soon|"
        r"eventually))*)",
        # (class CE) one heir or two: "by X, a party secretary, ..., or by Premier Y"
        "HEIRS": r"(?:P\d+(?:(?: , (?:(?!P\d)[^;])*?)?(?: ,)? (?:or|and) (?:(?:by|to) )?"
        r"(?:T\d+ )?P\d+)?)",
    }


@dataclass(frozen=True)
class AntecedentWords:
    """The words of facts whose parts an earlier phrase or sentence gives (the ``antecedents``
    block of ``facts.yaml``; :mod:`kwpld.extract.antecedents`)."""

    posts: tuple[tuple[str, ...], ...]
    places: tuple[tuple[str, ...], ...]
    deputy_prefixes: frozenset[str]
    deputy_organ: str
    list_openers: tuple[tuple[str, ...], ...]
    descriptions: re.Pattern[str]
    """ "The 72-year-old", "The veteran general": a description opening a sentence"""
    plural_posts: tuple[tuple[str, ...], ...] = ()
    """ "appointed Pak Jong Gun to the posts": every post the clause before changed"""
    list_headings: tuple[tuple[str, ...], ...] = ()
    """ "Organizational matters:": an announcement of heading lists that names no change"""
    list_heading_type: str = "elected"
    """the change of a heading list whose announcement and heading name none"""


@cache
def antecedent_words() -> AntecedentWords:
    data = resource_yaml("kwpld/reading/facts.yaml")
    block = data["antecedents"]

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((name_words(p) for p in block[key]), key=lambda w: -len(w)))

    described = "|".join(sorted(block["descriptions"], key=len, reverse=True))
    return AntecedentWords(
        posts=phrases("posts"),
        places=phrases("places"),
        deputy_prefixes=frozenset(block["deputy_prefixes"]),
        deputy_organ=block["deputy_organ"],
        list_openers=phrases("list_openers"),
        plural_posts=phrases("plural_posts"),
        list_headings=phrases("list_headings"),
        list_heading_type=block["list_heading_type"],
        # ... as the subject of its sentence: "The official news agency" is none
        descriptions=re.compile(
            rf"(?:The|the)\s+(?:{described})(?=\s*,|\s+(?:was|is|has|had|had|will|would|who"
            r"|also|then|later|now|remains|remained|served|became|retired|resigned)\b)"
        ),
    )


@dataclass(frozen=True)
class CareerWords:
    """The words of career prose in a biography (the ``careers`` block of ``facts.yaml``):
    who "he" is not, and a holding's end printed after it."""

    oblique_before: re.Pattern[str]
    """the text before a person named off the sentence's main line ("replacing X", "by X")"""
    held_until_after: re.Pattern[str]
    """ "..., a post he held until" after a title, up to the date"""
    held_until_next: re.Pattern[str]
    """ "He held the post until" opening the next sentence, up to the date"""
    line_ends: re.Pattern[str]
    """a career line that ends a holding: "- 1990: Relieved as Minister of Education" """
    line_successor: re.Pattern[str]
    """ "..., succeeded by" before the successor's name in such a line"""
    line_seat: re.Pattern[str]
    """ "Elected to", "Joins" before the organ an item gives a member's seat in"""
    list_intro: re.Pattern[str]
    """ "Following are key dates in Kim's career:": the line before a chronology naming whose"""
    held_since: dict[str, re.Pattern[str]]
    """ "..., who had held the post since" after a person, a title or a change (the key), from
    the anchor up to the date"""
    convocation_years: re.Pattern[str]
    """(class CD) "Re-elected to the 10th (1998), 11th (2003) and 12th (2009) SPA": a deputy's
    seat per convocation, each from its year (group ``years``)"""
    past_holders: re.Pattern[str]
    """(class CD) what follows a plural title before a list of its past holders, each with its
    period: "Its directors have included", "Previous directors:" """
    placed_as: re.Pattern[str]
    """(class CD) "returned to South Hamgyong as", up to a party committee's head's title: the
    place (group ``place``) whose committee it is"""
    remark_change: re.Pattern[str]
    """(class CD) a table note that opens with a change: "Elected a member of the Political
    Bureau in May 2016", "Became a secretary of the Central Committee" (group ``after``: a move
    that followed the row's term, dated by the row's end when the note prints no date)"""
    convocation: re.Pattern[str]
    """one convocation of the SPA with its year: "10th (1998)" """
    convocations: re.Pattern[str]
    """ "re-elected to the 10th (1998), 11th (2003) and 12th (2009) SPA" """
    deputy_ordinals: re.Pattern[str]
    """(class ED) "was a deputy to the 12th and 13th Supreme People's Assembly": one undated
    seat per ordinal (group ``items``; each item matched by ``ordinal``)"""
    convocation_run: re.Pattern[str]
    """(class ED) "re-elected to every convocation until the 12th" (group ``last``)"""
    spa_last_before: re.Pattern[str]
    """(class ED) "the 7th Supreme People's Assembly": the first of a run (group ``first``)"""
    ordinal: re.Pattern[str]
    """one ordinal, "12th" or "twelfth" (group ``n``)"""
    spa_years: tuple[int, ...]
    """the year each convocation of the SPA was elected, the 1st first"""


@cache
def table_columns() -> dict[str, frozenset[str]]:
    """The column headings of tables of holdings by what the column holds (``table_columns`` in
    facts.yaml: start, end, post, status, term, outgoing, incoming, place, change_date)."""
    block = resource_yaml("kwpld/reading/facts.yaml")["table_columns"]
    return {str(kind): frozenset(str(h) for h in headings) for kind, headings in block.items()}


@cache
def structure_words() -> tuple[frozenset[str], frozenset[str]]:
    """(round 6, L4) The words of a heading over a list or table of people (``structures`` in
    facts.yaml): those that make its people past holders of its title, and those that make them
    no holders of it."""
    block = resource_yaml("kwpld/reading/facts.yaml")["structures"]
    return frozenset(block["past"]), frozenset(block["not_holders"])


@cache
def change_table_places() -> dict[str, str]:
    """The match keys of the provinces and cities a table of changes may name in its place
    column (``change_tables`` in facts.yaml), each with the head of its party committee's name
    ("Provincial Party Committee", "City Party Committee")."""
    block = resource_yaml("kwpld/reading/facts.yaml")["change_tables"]
    out = {place_key(name): "Provincial Party Committee" for name in block["provinces"]}
    out.update({place_key(name): "City Party Committee" for name in block["cities"]})
    return out


def place_key(name: str) -> str:
    """A place's name folded for lookup: "North P'yo'ngan" and "North Phyongan" alike."""
    return re.sub(r"[^a-z]", "", name.lower().replace("p'yo'ng", "phyong").replace("'", ""))


@cache
def career_words() -> CareerWords:
    block = resource_yaml("kwpld/reading/facts.yaml")["careers"]
    ordinal = re.sub(r"\(\?P<\w+>", "(?:", block["ordinal"])
    return CareerWords(
        oblique_before=re.compile(block["oblique_before"], re.I),
        held_until_after=re.compile(block["held_until_after"], re.I),
        held_until_next=re.compile(block["held_until_next"], re.I),
        line_ends=re.compile(block["line_ends"], re.I),
        line_successor=re.compile(block["line_successor"], re.I),
        line_seat=re.compile(block["line_seat"], re.I),
        list_intro=re.compile(block["list_intro"], re.I),
        convocation_years=re.compile(block["convocation_years"], re.I),
        past_holders=re.compile(block["past_holders"], re.I),
        placed_as=re.compile(block["placed_as"]),
        remark_change=re.compile(block["remark_change"], re.I),
        held_since={
            anchor: re.compile(gap + block["held_since"], re.I)
            for anchor, gap in block["held_since_gap"].items()
        },
        convocation=re.compile(block["convocation"], re.I),
        convocations=re.compile(
            block["convocations"].replace(
                "{item}", re.sub(r"\(\?P<\w+>", "(?:", block["convocation"])
            ),
            re.I,
        ),
        deputy_ordinals=re.compile(block["deputy_ordinals"].replace("{item}", ordinal), re.I),
        convocation_run=re.compile(block["convocation_run"].replace("{item}", ordinal), re.I),
        spa_last_before=re.compile(block["spa_last_before"].replace("{item}", ordinal), re.I),
        ordinal=re.compile(block["ordinal"], re.I),
        spa_years=tuple(int(y) for y in block["spa_years"]),
    )


def _phrase_pattern(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, with either apostrophe and any spacing."""
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        out.append(r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split()))
    return "|".join(out)


@cache
def _state_qualifier() -> re.Pattern[str]:
    """The trailing state qualifier of a meeting's name (``state_qualifiers`` in facts.yaml):
    "of the DPRK" after any organ; "of Korea" only after one of the state's organs (the group
    ``organ``, kept), so "Workers' Party of Korea" is never cut."""
    data = resource_yaml("kwpld/reading/facts.yaml")["state_qualifiers"]
    states, after = _phrase_pattern(data["states"]), _phrase_pattern(data["korea_after"])
    return re.compile(
        rf"(?:(?<![\w.])(?P<organ>{after}))?\s+of\s+(?:the\s+)?"
        rf"(?:(?:{states})|(?(organ)Korea|(?!)))(?![\w.’'])\s*$",
        re.I,
    )


@cache
def _state_ends() -> tuple[str, ...]:
    """The last words of the state qualifiers, lower case ("korea", "dprk")."""
    data = resource_yaml("kwpld/reading/facts.yaml")["state_qualifiers"]
    return tuple({p.split()[-1].lower() for p in data["states"]} | {"korea"})


def without_state_qualifier(name: str) -> str:
    """A meeting's name without the state it is of at its end: "1st Session of the 14th
    Supreme People's Assembly of the DPRK" -> "1st Session of the 14th Supreme People's
    Assembly"; "8th Congress of the Workers' Party of Korea" is unchanged. The qualifier says
    whose organ met, not which meeting, so every form of the name gives one event."""
    if not name.rstrip().lower().endswith(_state_ends()):
        return name  # cheap: most names end in no state's name
    m = _state_qualifier().search(name)
    if m is None or not re.search(r"\sof\s", name[: m.start()]):
        return name  # "Meeting of the DPRK": the state is all the name says of its organ
    return name[: m.start()] + (m.group("organ") or "")


@cache
def _term_bodies() -> re.Pattern[str]:
    """"B of the Nth P" for the bodies B of parents P (facts.yaml ``term_bodies``); N is a
    number or an ordinal word."""
    data = resource_yaml("kwpld/reading/facts.yaml")["term_bodies"]
    body, parent = _phrase_pattern(data["bodies"]), _phrase_pattern(data["parents"])
    nth = r"\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS)
    return re.compile(
        rf"(?<![\w.])(?P<body>{body})\s+of\s+(?:the\s+)?(?P<n>{nth})\s+(?P<parent>{parent})"
        r"(?![\w’'])",
        re.I,
    )


def term_on_body(name: str) -> str:
    """A meeting's name with its term's number on the body the term is of: "Plenary Meeting of
    the Standing Committee of the 14th SPA" gives "... of the 14th Standing Committee of the
    SPA". The body is elected for its parent's term, so both orders name one series; which
    number stays as printed (the 13th is not the 14th). Not "the 14th SPA Standing Committee"
    (yet): a headline's "... of 8th WPK Central Committee Held" would then take the id of the
    body's series and push it to ``-2``."""
    return _term_bodies().sub(lambda m: f"{m['n']} {m['body']} of the {m['parent']}", name)


@cache
def _id_words() -> tuple[re.Pattern[str], dict[str, str]]:
    table = resource_yaml("kwpld/reading/facts.yaml")["event_id_words"]
    folded = {k.replace("’", "'").lower(): v for k, v in table.items()}
    pattern = re.compile(rf"(?<![\w.])(?:{_phrase_pattern(list(table))})(?![\w’'])", re.I)
    return pattern, folded


def event_id_name(name: str) -> str:
    """The words a numbered series' id is made of, one way for every form of its name
    (``event_id_words`` in facts.yaml): "Session of the Ninth Supreme People's Assembly of the
    DPRK" and "Session of 9th SPA" both give "Session of the 9th SPA"; the term's number on the
    body it is of (:func:`term_on_body`); "of SPA" as "of the SPA" (headlines drop "the")."""
    pattern, words = _id_words()
    name = term_on_body(without_state_qualifier(name))
    name = pattern.sub(lambda m: words[" ".join(m.group(0).replace("’", "'").split()).lower()],
                       name)  # fmt: skip
    name = re.sub(r"\b(" + "|".join(ORDINAL_WORDS) + r")\b",
                  lambda m: _numbered(ORDINAL_WORDS.index(m.group(1).lower()) + 1), name,
                  flags=re.I)  # fmt: skip
    name = re.sub(r"\bof\s+(?=\d+(?:st|nd|rd|th)\b)", "of the ", name)
    organs = "|".join(re.escape(w) for w in sorted(set(words.values()), key=len, reverse=True))
    return re.sub(rf"\bof\s+(?=(?:{organs})\b)", "of the ", name)  # "of SPA" as "of the SPA"


def _numbered(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
