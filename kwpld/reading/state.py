"""What has been found in an article so far, what one pass found, and what a pass may read.

Reading an article is a sequence of passes (:mod:`kwpld.extract`, run by
:mod:`kwpld.ingest.read`). Each pass gets a :class:`Context`: the read-only
:class:`~kwpld.reading.document.Document`, what the data folder knows, the lexicon, and the
:class:`State` the earlier passes left. It cannot change that state: whatever it changes, it
changes in working copies the context makes on first use (an overlay of the registry, a copy of
the mentions, ...). It returns :meth:`Context.found`, a :class:`Found` holding exactly what it
changed, and the pipeline merges that into the state (:meth:`State.merge`), the one place the
state changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from ..dates import DateMention, PartialDate
from .document import Document, Quotation
from .entities import Changes, Entity, Mention, Mentions, Registry
from .index import Match
from .known import Known
from .lexicon import Lexicon

__all__ = ["Context", "Found", "QuoteFound", "State", "ARTICLE_KEY", "VIEW_PARTS"]

ARTICLE_KEY = "article"


@dataclass
class QuoteFound:
    """A quotation with the document and speaker it is attributed to."""

    start: int
    end: int
    text: str
    source: str | None = None
    """entity key of the document the words come from"""
    speaker: str | None = None
    how: str = ""
    excerpt: bool = False


@dataclass
class State:
    """Everything found in one article so far (see the module docstring)."""

    registry: Registry
    article: str = ARTICLE_KEY
    """entity key of the article itself"""
    dates: list[DateMention] = field(default_factory=list)
    reference: PartialDate | None = None
    """the date year-less dates are resolved against: the article's, or the latest stated"""
    reference_inferred: bool = False
    section_days: list[tuple[int, PartialDate]] = field(default_factory=list)
    """(start, day) of each report of a text that strings several, each under its own dateline
    ("Pyongyang, October 29 (KCNA) --"): relative days in it count from that day (empty for a
    text of one report)"""
    known_matches: list[Match] = field(default_factory=list)
    """names of records (and pending drafts) matched in the text"""
    gazetteer_matches: list[tuple[int, int, str]] = field(default_factory=list)
    """(first word, last word, entity key) of standing organs named (``organs.yaml``)"""
    claimed: list[bool] = field(default_factory=list)
    """per word: part of a name already found (discovery leaves it alone)"""
    phrases: list[Any] = field(default_factory=list)
    """capitalized organ phrases (:class:`kwpld.extract.organs.Phrase`)"""
    segment_entities: dict[tuple[int, int], str] = field(default_factory=dict)
    """(phrase index, segment index) -> entity key of the organ the segment names"""
    mentions: Mentions = field(default_factory=Mentions)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    """(name, entity key of a record): a spelling the text gives a record ("Kim Yo-cho'ng (Kim
    Yo Jong)"), matched as a name of the record in the article"""
    pinned: list[Mention] = field(default_factory=list)
    """mentions found by a construction rather than a name ("조선로동당 제7차대회")"""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """abbreviation -> entity key of the organ it stands for"""
    glosses: list[list[tuple[str, tuple[int, int], bool]]] = field(default_factory=list)
    """abbreviations the text explains: groups of (text, span, is the abbreviation)"""
    pending_abbrevs: list[tuple[str, tuple[int, int], str]] = field(default_factory=list)
    """outlets named by an abbreviation not yet resolved (text, span, why)"""
    publications: dict[tuple[int, int], str] = field(default_factory=dict)
    byline_authors: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    """entity keys of the article's images, in text order"""
    main_party: str | None = None
    """the party the article is about"""
    nested: set[str] = field(default_factory=set)
    """entity keys of organs named inside other names"""
    nested_spans: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, entity key) of organs named inside other names"""
    renamings: list[tuple[str, str, int]] = field(default_factory=list)
    """(event key, former name text, offset) of renamings stated in the text"""
    titles: set[int] = field(default_factory=set)
    """start offsets of quotations that are titles of works, not quotations"""
    doc_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, entity key) of phrases that refer to documents ("the report")"""
    quotes: list[QuoteFound] = field(default_factory=list)
    post_spans: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, post key) of every post phrase, inside event names too"""
    event_refs: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, event key) of phrases that refer back to an event ("the plenum")"""
    official: bool = False
    """the article is an official announcement (a KCNA dateline): what it states is confirmed"""
    held: list[tuple[int, str]] = field(default_factory=list)
    """(offset, event key) of each sentence that says an event was held, in text order"""
    main_event: str | None = None
    """the event the article reports, when it reports one"""
    organ_refs: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, organ key) of phrases that refer to an organ named before ("the new
    commission", "its" before a role, "the body")"""
    person_titles: list[Any] = field(default_factory=list)
    """titles of people the text gives (:class:`kwpld.reading.facts.Title`)"""
    facts: list[Any] = field(default_factory=list)
    """facts stated by the text (:class:`kwpld.reading.facts.Fact`)"""

    def __post_init__(self) -> None:
        self.views: dict[tuple[int, int], Any] = {}
        """sentence views (:func:`kwpld.extract.facts_common.sentence_view`) of this state, by
        span, a memo rather than a part of the state: the fact passes read the same sentences
        one after another, and a view reads only :data:`VIEW_PARTS` and the registry's merges
        and posts, which those passes rarely change (:meth:`merge` forgets them when they do)"""

    def merge(self, found: Found) -> None:
        """Make what a pass found part of the state: the one place the state changes."""
        if self.views and (
            any(name in found.values for name in VIEW_PARTS)
            or (found.changes is not None and _changes_views(found.changes))
        ):
            self.views.clear()
        if found.changes is not None:
            self.registry.apply(found.changes)
        for name, value in found.values.items():
            setattr(self, name, value)


@dataclass
class Found:
    """What one pass found: the entities it added or changed (an overlay of the registry) and
    the new value of every other part of the state it changed."""

    changes: Changes | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


def _copy_mentions(value: Mentions) -> Mentions:
    return value.copy()


def _copy_list_of_mentions(value: list[Mention]) -> list[Mention]:
    return [m.copy() for m in value]


_COPIERS: dict[str, Callable[[Any], Any]] = {
    "mentions": _copy_mentions,
    "pinned": _copy_list_of_mentions,
}
_WORKABLE = tuple(f.name for f in fields(State) if f.name not in ("registry", "article"))
VIEW_PARTS = ("mentions", "person_titles", "event_refs", "dates", "organ_refs")
"""the parts of the state a sentence view reads (with the registry's merges and posts)"""


def _changes_views(changes: Changes) -> bool:
    """The registry overlay of a pass changes what a sentence view reads: a merge (keys
    resolve to others), or a post's organ (a view's organ for "the committee")."""
    if changes._alias or changes.dropped:
        return True
    base = changes.base.entities
    for key, entity in changes.entities.items():
        if entity.kind == "post" and key in base:
            before = base[key]
            if entity.fields != before.fields or entity.known != before.known:
                return True
    return False


class Context:
    """What one pass reads, and the working copies of what it changes (module docstring).

    The parts of the :class:`State` are attributes of the context (``ctx.mentions``,
    ``ctx.dates``, ...): the first access makes a working copy the pass may change, and
    :meth:`found` returns the copies that differ from the state.
    """

    # The parts of the state a pass reads as attributes (through __getattr__), declared so
    # that they are type-checked like the state's own fields.
    dates: list[DateMention]
    reference: PartialDate | None
    reference_inferred: bool
    section_days: list[tuple[int, PartialDate]]
    known_matches: list[Match]
    gazetteer_matches: list[tuple[int, int, str]]
    claimed: list[bool]
    phrases: list[Any]
    segment_entities: dict[tuple[int, int], str]
    mentions: Mentions
    aliases: list[tuple[str, str]]
    pinned: list[Mention]
    abbreviations: dict[str, str]
    glosses: list[list[tuple[str, tuple[int, int], bool]]]
    pending_abbrevs: list[tuple[str, tuple[int, int], str]]
    publications: dict[tuple[int, int], str]
    byline_authors: list[str]
    images: list[str]
    main_party: str | None
    nested: set[str]
    nested_spans: list[tuple[int, int, str]]
    renamings: list[tuple[str, str, int]]
    titles: set[int]
    doc_mentions: list[tuple[int, int, str]]
    quotes: list[QuoteFound]
    post_spans: list[tuple[int, int, str]]
    event_refs: list[tuple[int, int, str]]
    official: bool
    held: list[tuple[int, str]]
    main_event: str | None
    organ_refs: list[tuple[int, int, str]]
    person_titles: list[Any]
    facts: list[Any]

    def __init__(self, doc: Document, known: Known, lex: Lexicon, state: State) -> None:
        self.doc = doc
        self.text = doc.text
        self.known = known
        self.lex = lex
        self.state = state
        self._reg: Changes | None = None
        self._work: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name in _WORKABLE:
            work = self.__dict__["_work"]
            if name not in work:
                value = getattr(self.__dict__["state"], name)
                copier = _COPIERS.get(name)
                if copier is not None:
                    work[name] = copier(value)
                elif isinstance(value, (list, dict, set)):
                    work[name] = type(value)(value)
                else:
                    work[name] = value
            self.__dict__[name] = work[name]  # later reads skip __getattr__
            return work[name]
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WORKABLE:
            self._work[name] = value
            self.__dict__[name] = value
        else:
            object.__setattr__(self, name, value)

    def views(self) -> dict[tuple[int, int], Any] | None:
        """The state's sentence views (:attr:`State.views`) if this pass has changed nothing a
        view reads (mentions are only added or replaced through :class:`Mentions`, never
        changed in place, by the passes that build views); else None: build afresh."""
        work = self._work
        for name in VIEW_PARTS:
            if name in work:
                value = work[name]
                if name == "mentions" and value.changes:
                    return None
                if name != "mentions" and value != getattr(self.state, name):
                    return None
        if self._reg is not None and _changes_views(self._reg):
            return None
        return self.state.views

    @property
    def reg(self) -> Changes:
        """The registry as this pass changes it."""
        if self._reg is None:
            self._reg = self.state.registry.changes()
        return self._reg

    def found(self) -> Found:
        """What this pass changed."""
        values = {}
        for name, value in self._work.items():
            before = getattr(self.state, name)
            if name == "mentions":
                if [_mention_tuple(m) for m in value] == [_mention_tuple(m) for m in before]:
                    continue
            elif value == before:
                continue
            values[name] = value
        return Found(self._reg, values)

    # -- looking things up ------------------------------------------------------------------
    @property
    def article(self) -> Entity:
        return self.reg.get(self.state.article)

    def entity(self, key: str) -> Entity:
        return self.reg.get(key)

    def entity_kind(self, key: str) -> str | None:
        """For organs: the organ kind (known or discovered)."""
        entity = self.reg.peek(key)
        if entity.known:
            return self.known.organ_kind.get(entity.known)
        return entity.attrs.get("organ_kind")

    def mention_at(
        self, start: int, end: int | None = None, kinds: tuple[str, ...] = ()
    ) -> Mention | None:
        return self.mentions.at(start, end, kinds)

    def mentions_in(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> list[Mention]:
        return self.mentions.within(start, end, kinds)

    def add_mention(self, mention: Mention) -> None:
        self.mentions.add(mention)

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def date_at(self, offset: int, slack: int = 0) -> DateMention | None:
        """The date mention that starts at ``offset`` (after up to ``slack`` spaces)."""
        for d in self.dates:
            if offset <= d.start <= offset + slack and not self.text[offset : d.start].strip():
                return d
        return None

    def source_of(self, offset: int) -> str:
        """Entity key of the document whose words are at ``offset``: an image for a caption,
        the attributed document for a quotation, else the article itself."""
        for key in self.images:
            image = self.reg.peek(key)
            block = image.attrs.get("block")
            if block and block[0] <= offset < block[1]:
                return image.key
        for quote in self.quotes:
            if quote.start <= offset < quote.end and quote.source:
                return self.reg.resolve(quote.source)
        return self.state.article

    def quotation_at(self, offset: int) -> Quotation | None:
        """The quotation at ``offset``, unless it is the title of a work."""
        quote = self.doc.quotation_at(offset)
        if quote is not None and quote.start in self.titles:
            return None
        return quote


def _mention_tuple(m: Mention) -> tuple[Any, ...]:
    return (m.start, m.end, m.entity, m.kind, m.name_kind, m.candidates, m.honorific, m.note)
