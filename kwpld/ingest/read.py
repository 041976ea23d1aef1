"""Read one article: the passes of :mod:`kwpld.extract` over a read-only
:class:`~kwpld.reading.document.Document`, each merged into the :class:`~kwpld.reading.state.State`
in turn (see :mod:`kwpld.reading.state` for the contract).

The passes run in three phases:

1. **Dates and known names**: :func:`kwpld.dates.find_dates` over the text, resolved against the
   article's date; the name index of the data folder matched once over the words.
2. **New names**: people by the shape of Korean names, organs by the lexicon's head words and
   their qualifiers, abbreviations by glosses and initials, image credits, named events. Then
   every name, known or new, is matched in one more pass, so each mention is found the same way;
   a name several people share becomes one person for now, and a family name alone stands for
   the person the article named in full before (:mod:`kwpld.identity`).
3. **Relations**: honorifics, the documents the article cites, who its quotations are
   attributed to, posts, events' dates, renamings, rules and conferrals, memberships, and the
   article's own ``about``/``mentions``/``cites``. Before the article's own, who each person
   is (a record, a pending draft, a namesake, or one of several): :mod:`kwpld.identity`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..dates import DateMention, PartialDate
from ..extract import (
    abbreviations,
    antecedents,
    article,
    attendance,
    careers,
    convocations,
    dates,
    documents,
    ends,
    event_relations,
    events,
    facilities,
    foreign_people,
    held_dates,
    holdings,
    honorifics,
    infobox,
    known_names,
    media,
    meetings,
    memberships,
    mentions,
    organ_refs,
    organs,
    people,
    posts,
    quotes,
    seats,
    standing_organs,
    structures,
    successions,
    titles,
)
from ..identity import family_names, identities, namesakes
from ..reading.document import Document
from ..reading.entities import Entity, Mention, Registry
from ..reading.known import Known
from ..reading.lexicon import Lexicon, lexicon
from ..reading.state import ARTICLE_KEY, Context, Found, QuoteFound, State

__all__ = ["PASSES", "Reading", "QuoteFound", "read_article"]

Pass = Callable[[Context], Found]

PASSES: tuple[Pass, ...] = (
    # 1. dates and known names
    dates.dates,
    known_names.known_names,
    standing_organs.standing_organs,
    # 2. new names
    organs.organ_phrases,
    organs.parties,
    abbreviations.glosses,
    media.credits,
    media.publications,
    people.people,
    foreign_people.foreign_people,
    people.bylines,
    abbreviations.abbreviations,
    organs.party_organs,
    organs.bare_parties,
    organs.collective_organs,
    abbreviations.late_glosses,
    organs.shorter_names,
    organs.parents,
    events.named_events,
    events.korean_events,
    mentions.mentions,
    facilities.facilities,
    namesakes,
    family_names,
    # 3. relations
    honorifics.honorifics,
    honorifics.epithets,
    documents.documents,
    quotes.quotes,
    posts.posts,
    event_relations.event_relations,
    memberships.memberships,
    # 4. facts
    meetings.meetings,
    event_relations.clause_dates,
    organ_refs.organ_references,
    titles.titles,
    antecedents.referred_posts,
    antecedents.deputy_prefixes,
    holdings.holdings,
    careers.careers,
    convocations.convocations,
    infobox.infobox,
    antecedents.antecedents,
    structures.structures,
    successions.successors_when,
    successions.the_other_side,
    ends.all_posts_endings,
    seats.unheld_seats,
    attendance.attendance,
    held_dates.titles_at_occasions,
    # who each person is: a record, a pending draft, or someone new (what the facts say counts)
    identities,
    # 5. the article: what it names, cites and is about
    article.article,
)


@dataclass
class Reading:
    """Everything read from one article."""

    document: Document
    registry: Registry
    mentions: list[Mention]
    dates: list[DateMention]
    quotes: list[QuoteFound]
    article: Entity
    reference: PartialDate | None
    reference_inferred: bool
    images: list[str] = field(default_factory=list)
    """entity keys of the article's images, in text order"""
    facts: list[object] = field(default_factory=list)


def read_article(
    document: Document,
    known: Known,
    *,
    article_id: str,
    date: PartialDate | None = None,
    article_type: str = "news",
    lex: Lexicon | None = None,
    passes: Sequence[Pass] = PASSES,
) -> Reading:
    """Read one article against what the data folder knows."""
    lex = lex or lexicon()
    registry = Registry()
    entity = registry.add(Entity(ARTICLE_KEY, "article"))
    entity.fields.update({"id": article_id, "type": article_type})
    entity.attrs["article_type"] = article_type
    state = State(registry, reference=date)
    for run in passes:
        state.merge(run(Context(document, known, lex, state)))
    return Reading(
        document,
        registry,
        list(state.mentions),
        state.dates,
        state.quotes,
        registry.get(ARTICLE_KEY),
        state.reference,
        state.reference_inferred,
        state.images,
        state.facts,
    )
