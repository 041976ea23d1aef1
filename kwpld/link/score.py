"""Score a Wikidata item as the item of a record, feature by feature, with reasons.

Each feature adds or subtracts points and says why in a sentence a scholar can check against
the item: which spelling matched which label in which system, whether the item is a human, an
organization, a place or an event, its citizenship, its dates against the records' dates
(including dates at which the records show the person alive or the organ in existence), its
party and offices, its parent organ, series, authors. The score is the logistic of the points
minus :data:`OFFSET`: a name and a type alone give about 0.5; corroboration pushes a right
item towards 1, and one conflict (a South Korean citizen, a date of death before the records'
last sighting, a place instead of a person) pushes a namesake towards 0.

A name the record marks derived (``derived_from``: Hangul read from McCune-Reischauer, a
romanization made from Hangul) counts like a spelling kwpld generated, never like one a source
prints, and no derived value is independent evidence. Features that are (a date, a party
membership the records state, an office, a printed Korean name, a parent organ, an author ...)
are marked ``decisive``: a person's name is a common name, shared by many people, and
``--auto-accept`` takes a person's item only on such evidence (:attr:`Candidate.common_name`).

The weights are documented in docs/linking.md, which also gives the precision and recall
that ``--auto-accept`` reaches with them on the test fixture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..dates import PartialDate, Precision
from ..model import Article, Event, Linkable, Name, Named, Organ, Person
from ..names import match_key
from ..wikidata.terms import GENDER_QIDS, ORGAN_KIND_CLASSES, country_qid, expected_categories
from .context import Activity, RecordContext
from .evidence import Claim, Evidence, ItemFacts, WikiDate
from .variants import Spelling, normalize, spellings

__all__ = ["Feature", "Candidate", "score_item", "OFFSET", "logistic"]

OFFSET = 4.0
"""Points at which the score is 0.5."""

_SYSTEM_WORDS = {
    "en": "English",
    "hangul": "Hangul",
    "hanja": "Hanja",
    "mr": "McCune-Reischauer",
    "mr-ascii": "McCune-Reischauer (ASCII)",
    "rr": "Revised Romanization",
    "dprk": "DPRK",
}
_WHERE_WORDS = {
    "label": "label",
    "alias": "alias",
    "P1559": "name in native language (P1559)",
    "P1942": "McCune-Reischauer romanization (P1942)",
    "P2001": "Revised Romanization (P2001)",
    "P1476": "title (P1476)",
}
_CATEGORY_WORDS = {
    "human": "a human",
    "organization": "an organization",
    "place": "a place",
    "event": "an event",
    "work": "a work",
    "wikimedia": "a Wikimedia page (disambiguation, category, list)",
    "name": "a name",
}
_KIND_WORDS = {
    "person": "a person",
    "organ": "an organ",
    "event": "an event",
    "article": "a publication",
}


def logistic(points: float) -> float:
    return 1.0 / (1.0 + math.exp(-(points - OFFSET)))


@dataclass(frozen=True, slots=True)
class Feature:
    """One piece of evidence: a stable ``code``, its points, and what it is in words.

    ``decisive`` marks evidence independent of the name, its type and nationality: a date, an
    office, a membership the records state, a printed Korean name, a parent organ, an author.
    """

    code: str
    weight: float
    text: str
    decisive: bool = False


@dataclass
class Candidate:
    """A Wikidata item proposed for a record, with its score and the evidence behind it."""

    qid: str
    label: str | None
    description: str | None
    features: list[Feature] = field(default_factory=list)
    found_by: list[str] = field(default_factory=list)
    curated: bool = False
    common_name: bool = False
    """The record is a person: personal names are shared by many people (Wikidata has several
    Kim Jong Su), so the name, type, citizenship and gender decide nothing on their own."""

    @property
    def decisive(self) -> list[Feature]:
        """The supporting evidence that is independent of the name (dates, offices, ...)."""
        return [f for f in self.features if f.decisive and f.weight > 0]

    @property
    def decided_by(self) -> str:
        """What an automatic acceptance rests on: the decisive evidence, else all support."""
        return "; ".join(f.text for f in self.decisive or self.support)

    @property
    def points(self) -> float:
        return sum(f.weight for f in self.features)

    @property
    def score(self) -> float:
        return round(logistic(self.points), 3)

    @property
    def conflicts(self) -> list[Feature]:
        return [f for f in self.features if f.weight < 0]

    @property
    def support(self) -> list[Feature]:
        return [f for f in self.features if f.weight > 0]

    @property
    def reasons(self) -> str:
        return "; ".join(f.text for f in self.support)

    @property
    def conflict_text(self) -> str:
        return "; ".join(f.text for f in self.conflicts)


# -- entry point ---------------------------------------------------------------------------------


def score_item(
    record: Person | Organ | Event | Article,
    facts: ItemFacts,
    evidence: Evidence,
    ctx: RecordContext,
) -> Candidate:
    """Score ``facts`` (one item) as the Wikidata item of ``record``."""
    candidate = Candidate(facts.qid, facts.label(), facts.descriptions.get("en"))
    candidate.common_name = isinstance(record, Person)
    add = candidate.features.append
    if not facts.exists:
        add(Feature("missing", -20.0, f"{facts.qid} has no data on the endpoint"))
        return candidate
    for feature in _names(record, facts):
        add(feature)
    for feature in _type(record, facts):
        add(feature)
    if isinstance(record, Person):
        features = _person(record, facts, evidence, ctx)
    elif isinstance(record, Organ):
        features = _organ(record, facts, evidence, ctx)
    elif isinstance(record, Event):
        features = _event(record, facts, evidence, ctx)
    else:
        features = _article(record, facts, evidence, ctx)
    for feature in features:
        add(_weighed_for_derivation(record, feature))
    return candidate


# The record field a feature compares with the item.
_FEATURE_FIELDS = {
    "citizenship": "citizenship",
    "gender": "gender",
    "born": "born",
    "died": "died",
    "founded": "founded",
    "dissolved": "dissolved",
    "date": "date",
    "published": "date",
}


def _weighed_for_derivation(record: Linkable, feature: Feature) -> Feature:
    """A feature that compares a value the record marks derived (an inferred citizenship, a
    date read from a weekday) counts half, either way, and is never decisive: the records do
    not have that value from a source."""
    name = _FEATURE_FIELDS.get(feature.code)
    derivation = record.derived.get(name) if name else None
    if derivation is None:
        return feature
    text = f"{feature.text} (the records' {name} is derived: {derivation.rule})"
    return Feature(feature.code, feature.weight / 2, text)


# -- names ---------------------------------------------------------------------------------------


def _nospace(text: str) -> str:
    return "".join(text.split())


def _strength(spelling: Spelling, where: str) -> float:
    kind = spelling.name.kind
    if kind == "abbreviation":
        return 1.0
    if spelling.derived:  # no source prints it: it is worth what kwpld's own spellings are
        return 2.25
    if spelling.original and kind == "preferred":
        return 3.0 if where in ("label", "P1476") else 2.75
    if spelling.original or kind == "preferred":
        return 2.5
    return 2.25


def _derived_words(name: Name) -> str:
    derivation = name.derived_from
    assert derivation is not None
    origin = f" from '{derivation.text}'" if derivation.text else ""
    return f"derived{origin} ({derivation.rule}), printed in no source"


def _describe_name(spelling: Spelling) -> str:
    name = spelling.name
    system = _SYSTEM_WORDS.get(name.system, name.system)
    if spelling.derived:
        what = "name" if spelling.original else f"name '{name.text}'"
        return f"the record's {system} {what}, {_derived_words(name)}"
    if spelling.original:
        return f"the record's {system} {name.kind} name"
    return f"a spelling of the record's {system} name '{name.text}'"


def _printed_korean(spelling: Spelling) -> bool:
    """A Hangul name of the record, as written, that a source prints: independent evidence."""
    return spelling.original and spelling.script == "hangul" and spelling.name.printed


def _korean_evidence(spelling: Spelling, text: str, lang: str | None, where: str) -> str:
    where_word = _WHERE_WORDS.get(where, where)
    sources = ", ".join(spelling.name.sources)
    tag = f"@{lang}" if lang and where in ("label", "alias") else ""
    return (
        f"Korean name '{text}'{tag} ({where_word}) is the record's Hangul name, "
        f"printed in {sources}"
    )


_NameMatch = tuple[float, Spelling, str, str | None, str]
"""How strongly a record's spelling matches an item's name, the spelling, and the item's name:
text, language, where it is (label, alias, a name statement)."""


def _names(record: Linkable, facts: ItemFacts) -> list[Feature]:
    """The name evidence: the best match of a record's spelling with the item's names (decisive
    when it is a Hangul name a source prints), the other names that agree, or how far apart
    they are; and a Korean name of the item that is not the record's."""
    matches = _name_matches(record, facts)
    features = _matched_names(matches) if matches else [_unmatched_name(record, facts)]
    mismatch = _korean_mismatch(record, facts)
    if mismatch is not None:
        features.append(mismatch)
    return features


def _name_matches(record: Linkable, facts: ItemFacts) -> list[_NameMatch]:
    """Every spelling of the record that is one of the item's names, strongest first."""
    index: dict[str, list[tuple[str, str | None, str]]] = {}
    for text, lang, where in facts.names():
        norm = normalize(text)
        key = _nospace(norm) if lang in ("ko", "ko-kp") else norm
        index.setdefault(key, []).append((text, lang, where))
    matches: list[_NameMatch] = []
    for spelling in spellings(record):
        key = _nospace(spelling.text) if spelling.script == "hangul" else spelling.text
        for text, lang, where in index.get(key, []):
            matches.append((_strength(spelling, where), spelling, text, lang, where))
    matches.sort(key=lambda m: (-m[0], m[2], m[4]))
    return matches


def _matched_names(matches: list[_NameMatch]) -> list[Feature]:
    """The best match, then a printed Korean name and the other names of the record (each once)
    that the item has too."""
    features: list[Feature] = []
    best, spelling, text, lang, where = matches[0]
    where_word = _WHERE_WORDS.get(where, where)
    lang_word = f"@{lang}" if lang and where in ("label", "alias") else ""
    if _printed_korean(spelling):
        described = _korean_evidence(spelling, text, lang, where)
        features.append(Feature("name", best, described, decisive=True))
    else:
        described = f"{where_word} '{text}'{lang_word} is {_describe_name(spelling)}"
        features.append(Feature("name", best, described))
    extra, seen = 0.0, {normalize(spelling.name.text)}
    also: list[str] = []
    korean: Feature | None = None
    for _, other, other_text, other_lang, other_where in matches[1:]:
        name_text = normalize(other.name.text)
        if name_text in seen:
            continue
        seen.add(name_text)
        if korean is None and _printed_korean(other):
            text_words = _korean_evidence(other, other_text, other_lang, other_where)
            korean = Feature("korean-name", 0.75, text_words, decisive=True)
            continue
        if other.name.kind == "abbreviation" or other.derived:
            extra += 0.25  # a derived name follows from the one it came from: little news
        elif other.script != spelling.script:
            extra += 0.75
        else:
            extra += 0.5
        where_words = _WHERE_WORDS.get(other_where, other_where)
        if other.derived:
            where_words += f"; {_derived_words(other.name)}"
        also.append(f"{other_text} ({where_words})")
    if korean is not None:
        features.append(korean)
    if also:
        features.append(
            Feature("names", min(extra, 2.0), "other names agree too: " + ", ".join(also))
        )
    return features


def _unmatched_name(record: Linkable, facts: ItemFacts) -> Feature:
    """No name matches: another romanization of the record's name, or nothing alike."""
    record_keys = {match_key(s.text) for s in spellings(record) if s.script == "latin"}
    close = sorted(
        text for text, _, _ in facts.names() if match_key(text) in record_keys and text.isascii()
    )
    if close:
        return Feature("name", 1.5, f"'{close[0]}' is another romanization of the record's name")
    return Feature(
        "name", -4.0, "no label, alias or name statement matches any of the record's names"
    )


def _korean_mismatch(record: Linkable, facts: ItemFacts) -> Feature | None:
    """The item's Korean name where the record has another Hangul name (weaker against a
    derived one: a reading that may be wrong)."""
    hangul = {_nospace(normalize(n.text)) for n in record.names if n.system == "hangul"}
    korean_names = {_nospace(normalize(k)) for k in facts.korean_names()}
    if not (hangul and korean_names) or hangul & korean_names:
        return None
    given = sorted(n.text for n in record.names if n.system == "hangul" and not n.derived)
    theirs = sorted(facts.korean_names())[0]
    if given:
        return Feature("korean-label", -2.5, f"Korean name {theirs} is not the record's {given[0]}")
    ours = next(n for n in record.names if n.system == "hangul")
    text = f"Korean name {theirs} is not the record's {ours.text} ({_derived_words(ours)})"
    return Feature("korean-label", -1.5, text)


# -- type ----------------------------------------------------------------------------------------


def _classes(facts: ItemFacts) -> str:
    values = facts.values("P31")
    return ", ".join(c.describe() for c in values[:3]) if values else "nothing"


def _type(record: Linkable, facts: ItemFacts) -> list[Feature]:
    kind = record.kind
    organ_kind = record.organ_kind if isinstance(record, Organ) else None
    expected = expected_categories(kind, organ_kind)
    categories = facts.categories
    what = _KIND_WORDS[kind]
    if "wikimedia" in categories or "name" in categories:
        word = _CATEGORY_WORDS["wikimedia" if "wikimedia" in categories else "name"]
        return [Feature("type", -12.0, f"{word} (instance of {_classes(facts)}), not {what}")]
    if facts.values("P279") and not categories & expected:
        parents = ", ".join(c.describe() for c in facts.values("P279")[:2])
        return [Feature("type", -6.0, f"a class of things (subclass of {parents}), not {what}")]
    features = []
    if categories & expected:
        word = _CATEGORY_WORDS[sorted(categories & expected)[0]]
        features.append(Feature("type", 1.0, f"{word} (instance of {_classes(facts)})"))
    elif categories:
        word = _CATEGORY_WORDS[sorted(categories)[0]]
        features.append(
            Feature("type", -6.0, f"{word} (instance of {_classes(facts)}), not {what}")
        )
    elif facts.values("P31"):
        features.append(Feature("type", -0.5, f"instance of {_classes(facts)}: kind unknown"))
    else:
        features.append(Feature("type", -0.5, "no instance of (P31) statement"))
    specific = ORGAN_KIND_CLASSES.get(organ_kind or "")
    if specific and specific in facts.item_values("P31"):
        features.append(
            Feature("class", 1.0, f"instance of {specific}, the class of its kind ({organ_kind})")
        )
    return features


# -- dates ---------------------------------------------------------------------------------------

_PRECISION = {Precision.YEAR: 9, Precision.MONTH: 10, Precision.DAY: 11}


def _agreement(ours: PartialDate, theirs: WikiDate) -> str:
    """'same' when the dates agree at their common precision; 'near' for the same year with
    another month or day, or a year apart; else 'differ'."""
    gap = abs(ours.year - theirs.date.year)
    if theirs.precision < 9:
        return "same" if gap <= theirs.tolerance else "differ"
    if gap == 0:
        return "same" if _same_to(ours, theirs) else "near"
    return "near" if gap == 1 else "differ"


def _same_to(ours: PartialDate, theirs: WikiDate) -> bool:
    common = min(_PRECISION[ours.precision], theirs.precision)
    if common >= 10 and ours.month != theirs.date.month:
        return False
    return not (common >= 11 and ours.day != theirs.date.day)


def _compare_date(
    code: str,
    what: str,
    ours: PartialDate | None,
    theirs: list[WikiDate],
    prop: str,
    *,
    plus: float = 2.0,
) -> list[Feature]:
    if ours is None or not theirs:
        return []
    results = [(_agreement(ours, t), t) for t in theirs]
    for verdict in ("same", "near"):
        found = [t for v, t in results if v == verdict]
        if found:
            if verdict == "same":
                text = f"{what} {found[0]} ({prop}), as in the records"
                return [Feature(code, plus, text, decisive=True)]
            return [
                Feature(
                    code,
                    0.5,
                    f"{what} {found[0]} ({prop}), close to the records' {ours} "
                    "(such dates are often disputed)",
                )
            ]
    listed = ", ".join(str(t) for t in theirs[:2])
    return [Feature(code, -4.0, f"{what} {listed} ({prop}), but the records say {ours}")]


def _alive(
    facts: ItemFacts, first: Activity | None, last: Activity | None, thing: str
) -> list[Feature]:
    """Conflicts between the item's lifetime (or existence) and the records' sightings."""
    features = []
    end_prop, start_prop = ("P570", "P569") if thing == "person" else ("P576", "P571")
    ends, starts = facts.dates.get(end_prop, []), facts.dates.get(start_prop, [])
    if last is not None and ends:
        end = max(ends, key=lambda d: d.date.latest())
        if end.precision >= 9 and end.date.latest() < last.date.earliest():
            verb = "died" if thing == "person" else "dissolved"
            features.append(
                Feature(
                    "lifetime", -4.0, f"{verb} {end} ({end_prop}), before the records' {last.why}"
                )
            )
    if first is not None and starts:
        start = min(starts, key=lambda d: d.date.earliest())
        margin = 14 if thing == "person" else 0  # nobody writes or holds office as a child
        if start.precision >= 9 and start.date.earliest().year + margin > first.date.latest().year:
            verb = "born" if thing == "person" else "founded"
            features.append(
                Feature(
                    "lifetime",
                    -4.0,
                    f"{verb} {start} ({start_prop}), too late for the records' {first.why}",
                )
            )
    return features


# -- kinds ---------------------------------------------------------------------------------------


def _person(
    record: Person, facts: ItemFacts, evidence: Evidence, ctx: RecordContext
) -> list[Feature]:
    features: list[Feature] = []
    country = country_qid(record.citizenship)
    citizenship = facts.values("P27")
    if country and citizenship:
        if country in {c.value for c in citizenship}:
            label = next(c.describe("P27") for c in citizenship if c.value == country)
            features.append(Feature("citizenship", 1.5, f"citizen of {label}, as in the records"))
        else:
            listed = ", ".join(c.describe("P27") for c in citizenship[:2])
            features.append(
                Feature(
                    "citizenship",
                    -3.5,
                    f"citizen of {listed}, but the records say {record.citizenship}",
                )
            )
    gender = GENDER_QIDS.get(record.gender or "")
    sexes = facts.item_values("P21")
    if gender and sexes:
        if gender in sexes:
            features.append(Feature("gender", 0.25, f"{record.gender} (P21)"))
        else:
            features.append(Feature("gender", -3.0, f"sex or gender (P21) is not {record.gender}"))
    features += _compare_date("born", "born", record.born, facts.dates.get("P569", []), "P569")
    features += _compare_date("died", "died", record.died, facts.dates.get("P570", []), "P570")
    features += _alive(facts, ctx.earliest(record.id), ctx.latest(record.id), "person")
    features += _party(record, facts, ctx)
    return features


def _party(record: Person, facts: ItemFacts, ctx: RecordContext) -> list[Feature]:
    """Party membership and party offices: what makes a namesake a KWP official."""
    found: list[Feature] = []
    known = {ctx.qid_of(o.id): o for o in ctx.records.organs}
    known.pop(None, None)
    members = ctx.member_of.get(record.id, set())
    for claim in facts.values("P102", "P463"):
        organ = known.get(claim.value)
        prop = "P102" if claim in facts.values("P102") else "P463"
        if organ is not None and organ.id in members:
            found.append(
                Feature(
                    "party",
                    1.5,
                    f"member of {claim.describe(prop)}, as in the records' memberships",
                    decisive=True,
                )
            )
        elif organ is not None:
            found.append(
                Feature(
                    "party", 1.5, f"member of {claim.describe(prop)}, an organ of these records"
                )
            )
        elif _names_an_organ(claim, ctx, exact=True):
            found.append(Feature("party", 1.25, f"member of {claim.describe(prop)}"))
    for claim in facts.values("P39", "P463"):
        prop = "P39" if claim in facts.values("P39") else "P463"
        if any(f.text.startswith(f"member of {claim.describe(prop)}") for f in found):
            continue
        if _names_an_organ(claim, ctx, exact=False):
            verb = "held" if prop == "P39" else "member of"
            found.append(Feature("office", 1.0, f"{verb} {claim.describe(prop)}", decisive=True))
    found.sort(key=lambda f: -f.weight)
    total, out = 0.0, []
    for feature in found:  # corroboration saturates: party evidence adds 2.5 at most
        weight = min(feature.weight, max(0.0, 2.5 - total))
        if weight > 0:
            out.append(Feature(feature.code, weight, feature.text, feature.decisive))
            total += weight
    return out[:4]


def _names_an_organ(claim: Claim, ctx: RecordContext, *, exact: bool) -> bool:
    label = normalize(claim.label or "").casefold()
    if not label:
        return False
    if exact:
        return label in ctx.organ_names
    return any(name in label for name in ctx.organ_names)


def _organ(
    record: Organ, facts: ItemFacts, evidence: Evidence, ctx: RecordContext
) -> list[Feature]:
    features: list[Feature] = []
    if record.parent:
        parent_qid = ctx.qid_of(record.parent)
        parents = facts.values("P361", "P749", "P123", "P127")
        if parent_qid and parents:
            match = [c for c in parents if c.value == parent_qid]
            if match:
                features.append(
                    Feature(
                        "parent",
                        2.0,
                        f"part of {match[0].describe()}, the item of its parent {record.parent}",
                        decisive=True,
                    )
                )
            else:
                listed = ", ".join(c.describe() for c in parents[:2])
                features.append(
                    Feature(
                        "parent",
                        -1.0,
                        f"part of {listed}, not of {parent_qid} (its parent {record.parent})",
                    )
                )
    features += _reverse(record.id, facts, evidence, ctx, ("P361", "P749"), "sub-organ")
    features += _compare_date(
        "founded", "founded", record.founded, facts.dates.get("P571", []), "P571"
    )
    features += _compare_date(
        "dissolved", "dissolved", record.dissolved, facts.dates.get("P576", []), "P576"
    )
    features += _alive(facts, ctx.earliest(record.id), ctx.latest(record.id), "organ")
    return features


def _reverse(
    record_id: str,
    facts: ItemFacts,
    evidence: Evidence,
    ctx: RecordContext,
    props: tuple[str, ...],
    word: str,
) -> list[Feature]:
    """Evidence from below: a linked sub-organ (or meeting) whose item is part of this item."""
    for child in ctx.children.get(record_id, []):
        child_qid = ctx.qid_of(child)
        child_facts = evidence.get(child_qid) if child_qid else None
        if child_facts is not None and facts.qid in child_facts.item_values(*props):
            return [
                Feature(
                    "parts",
                    2.0,
                    f"the item of the records' {word} {child} ({child_qid}) is part of it",
                    decisive=True,
                )
            ]
    return []


def _event(
    record: Event, facts: ItemFacts, evidence: Evidence, ctx: RecordContext
) -> list[Feature]:
    features: list[Feature] = []
    dates = facts.dates.get("P585", []) or facts.dates.get("P580", [])
    prop = "P585" if facts.dates.get("P585") else "P580"
    features += _compare_date("date", "held", record.date, dates, prop, plus=2.5)
    features += _compare_date("date", "ended", record.end, facts.dates.get("P582", []), "P582")
    if record.series:
        series_qid = ctx.qid_of(record.series)
        if series_qid and series_qid in facts.item_values("P179", "P361"):
            features.append(
                Feature(
                    "series",
                    1.5,
                    f"part of the series {series_qid}, the item of {record.series}",
                    decisive=True,
                )
            )
    features += _reverse(record.id, facts, evidence, ctx, ("P179", "P361"), "meeting")
    organizers = {ctx.qid_of(o) for o in record.organizer} - {None}
    if organizers & facts.item_values("P664"):
        features.append(
            Feature(
                "organizer",
                1.0,
                "organized by the item of the record's organizer (P664)",
                decisive=True,
            )
        )
    return features


def _article(
    record: Article, facts: ItemFacts, evidence: Evidence, ctx: RecordContext
) -> list[Feature]:
    features = _compare_date(
        "published", "published", record.date, facts.dates.get("P577", []), "P577"
    )
    authors = {a: ctx.qid_of(a) for a in record.authors}
    written_by = facts.values("P50", "P170")
    known = {q for q in authors.values() if q}
    if known and written_by:
        match = [c for c in written_by if c.value in known]
        if match:
            features.append(
                Feature(
                    "author",
                    2.0,
                    f"by {match[0].describe('P50')}, the item of its author",
                    decisive=True,
                )
            )
        elif all(authors.values()):
            listed = ", ".join(c.describe("P50") for c in written_by[:2])
            features.append(
                Feature(
                    "author",
                    -3.0,
                    f"by {listed}, not by the records' authors ({', '.join(sorted(known))})",
                )
            )
    publishers = {ctx.qid_of(o) for o in (record.publisher, record.published_in) if o} - {None}
    if publishers & facts.item_values("P123", "P1433"):
        features.append(
            Feature(
                "publisher",
                1.0,
                "published by the item of the record's publisher (P123/P1433)",
                decisive=True,
            )
        )
    return features


def record_name(record: Named) -> str:
    """The record's English preferred name (or an article's title), for reports."""
    return record.preferred_name()
