"""Read one article: dates, mentions of known entities, new entities, and how they relate.

:class:`Reader` is the context every step works in. The steps run in three phases:

1. **Dates and known names.** :func:`kwpld.dates.find_dates` over the text, resolved against the
   article's date; the name index of the data folder matched once over the words.
2. **New names** (:mod:`kwpld.ingest.discover`): people by the shape of Korean names, organs by
   the lexicon's head words and their qualifiers, abbreviations by glosses and initials, image
   credits, named events. Then every name, known or new, is matched in one more pass, so each
   mention is found the same way.
3. **Relations** (:mod:`kwpld.ingest.relate`, :mod:`kwpld.ingest.documents`): the documents
   the article cites, who its quotations are attributed to, events' dates, renamings, rules and
   conferrals, posts and memberships, and the article's own ``about``/``mentions``/``cites``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..dates import DateMention, PartialDate, find_dates
from ..names import is_korean_surname, match_key, name_words, word_key
from .entities import Entity, Mention, Ref, Registry
from .index import Match, NameIndex, Target
from .known import Known
from .lexicon import Lexicon, lexicon
from .text import Analysis, Quotation

__all__ = ["Reader", "Reading", "QuoteFound", "read_article"]

_GAP_OK = re.compile(r"[ \u00a0\t]*(?:[-\u2010\u2011][ \u00a0\t]*)?")
_ARTICLE_KEY = "article"
# Words that follow a sentence-initial word that is English, not a name ("So the", "An old").
_NOT_AFTER_NAME = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "we", "they", "i",
     "far", "as", "to", "on", "in", "long", "much", "many", "old", "be", "is", "was"}
)  # fmt: skip


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
class Reading:
    """Everything read from one article."""

    analysis: Analysis
    registry: Registry
    mentions: list[Mention]
    dates: list[DateMention]
    quotes: list[QuoteFound]
    article: Entity
    reference: PartialDate | None
    reference_inferred: bool
    images: list[str] = field(default_factory=list)
    """entity keys of the article's images, in text order"""


class Reader:
    """The working state of reading one article (see the module docstring)."""

    def __init__(
        self,
        analysis: Analysis,
        known: Known,
        *,
        article_id: str,
        date: PartialDate | None = None,
        article_type: str = "news",
        lex: Lexicon | None = None,
    ) -> None:
        self.a = analysis
        self.text = analysis.text
        self.known = known
        self.lex = lex or lexicon()
        self.reg = Registry()
        self.article = self.reg.add(Entity(_ARTICLE_KEY, "article"))
        self.article.fields.update({"id": article_id, "type": article_type})
        self.article.attrs["article_type"] = article_type
        self.date = date
        n = len(analysis.words)
        self.gap_ok = [
            i + 1 < n
            and _GAP_OK.fullmatch(self.text, analysis.word_ends[i], analysis.word_starts[i + 1])
            is not None
            for i in range(n)
        ]
        self.claimed = [False] * n
        self._caps = [w[:1].isupper() for w in analysis.words]
        self._allcaps = [_allcaps(w) for w in analysis.words]
        """words that belong to a known name (discovery leaves them alone)"""
        self.mentions: list[Mention] = []
        self.quotes: list[QuoteFound] = []
        self.dates: list[DateMention] = []
        self.reference: PartialDate | None = date
        self.reference_inferred = False
        self.doc_mentions: list[tuple[int, int, str]] = []
        """(start, end, entity key) of phrases that refer to documents ("the report")"""
        self.images: list[str] = []
        self.titles: set[int] = set()
        """start offsets of quotations that are titles of works, not quotations"""
        self.abbreviations: dict[str, str] = {}
        """abbreviation -> entity key of the organ it stands for"""
        self.glosses: list[list[tuple[str, tuple[int, int], bool]]] = []
        self.pending_abbrevs: list[tuple[str, tuple[int, int], str]] = []
        self.publications: dict[tuple[int, int], str] = {}
        self.byline_authors: list[str] = []
        self.nested: set[str] = set()
        """entity keys of organs named inside other names"""
        self.pinned: list[Mention] = []
        """mentions found by a construction rather than a name ("조선로동당 제7차대회")"""
        self.post_spans: list[tuple[int, int, str]] = []
        """(start, end, post key) of every post phrase, inside event names too"""
        self.main_party: str | None = None
        self.renamings: list[tuple[str, object, int]] = []
        """(event key, former NameDraft, offset) of renamings stated in the text"""
        self._known_matches: list[Match] = []
        self._mention_starts: list[int] = []

    # -- small helpers ----------------------------------------------------------------------
    def span_of(self, first: int, last: int) -> tuple[int, int]:
        """Character span of words first..last-1, without a final possessive or apostrophe."""
        start = self.a.word_starts[first]
        end = self.a.word_ends[last - 1]
        word = self.a.words[last - 1]
        if word[-2:] in ("’s", "'s") and len(word) > 2:
            end -= 2
        elif word[-1:] in ("’", "'"):
            end -= 1
        return start, end

    def is_cap(self, i: int) -> bool:
        return self._caps[i]

    def is_allcaps(self, i: int) -> bool:
        """An abbreviation-like word: two or more letters, all capitals ("KWP", "KWP’s")."""
        return self._allcaps[i]

    def sentence_words(self, offset: int) -> range:
        sentence = self.a.sentence_at(offset)
        if sentence is None:
            return range(0)
        return self.a.words_between(sentence.start, sentence.end)

    def sentence_start_word(self, i: int) -> bool:
        """The word starts its sentence (possibly after an opening quotation mark)."""
        sentence = self.a.sentence_at(self.a.word_starts[i])
        if sentence is None:
            return True
        before = self.text[sentence.start : self.a.word_starts[i]]
        return not before.strip(' “"‘(\u00a0')

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def date_at(self, offset: int, slack: int = 0) -> DateMention | None:
        """The date mention that starts at ``offset`` (after up to ``slack`` spaces)."""
        for d in self.dates:
            if offset <= d.start <= offset + slack and not self.text[offset : d.start].strip():
                return d
        return None

    def mention_at(
        self, start: int, end: int | None = None, kinds: tuple[str, ...] = ()
    ) -> Mention | None:
        """The mention covering [start, end) best, optionally of given kinds."""
        end = start + 1 if end is None else end
        index = bisect.bisect_right(self._mention_starts, start) - 1
        best = None
        for m in self.mentions[max(0, index - 3) : index + 8]:
            covers = m.start <= start and end <= m.end and (not kinds or m.kind in kinds)
            if covers and (best is None or (m.end - m.start) < (best.end - best.start)):
                best = m
        return best

    def mentions_in(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> list[Mention]:
        first = bisect.bisect_left(self._mention_starts, start)
        out = []
        for m in self.mentions[first:]:
            if m.start >= end:
                break
            if m.end <= end and m.entity and (not kinds or m.kind in kinds):
                out.append(m)
        return out

    def source_of(self, offset: int) -> str:
        """Entity key of the document whose words are at ``offset``: an image for a caption,
        the attributed document for a quotation, else the article itself."""
        for key in self.images:
            image = self.reg.get(key)
            block = image.attrs.get("block")
            if block and block[0] <= offset < block[1]:
                return image.key
        for quote in self.quotes:
            if quote.start <= offset < quote.end and quote.source:
                return self.reg.resolve(quote.source)
        return _ARTICLE_KEY

    def quotation_at(self, offset: int) -> Quotation | None:
        quote = self.a.quotation_at(offset)
        if quote is not None and quote.start in self.titles:
            return None
        return quote

    def entity(self, key: str) -> Entity:
        return self.reg.get(key)

    def entity_kind(self, key: str) -> str | None:
        """For organs: the organ kind (known or discovered)."""
        entity = self.reg.get(key)
        if entity.known:
            return self.known.organ_kind.get(entity.known)
        return entity.attrs.get("organ_kind")

    # -- phase 1 ------------------------------------------------------------------------------
    def find_dates(self) -> None:
        found = [d for d in find_dates(self.text) if self.a.block_at(d.start) is not None]
        if self.reference is None:
            # The article's date, when nobody gives it: the latest day the text states, at month
            # precision. Days first: what is reported happened on a day, while plans are vague
            # ("to convene the 8th Congress in January 2021").
            days = [d.date for d in found if d.date is not None and d.date.precision == 3]
            months = [d.date for d in found if d.date is not None and d.date.precision >= 2]
            stated = days or months
            if stated:
                latest = max(stated, key=lambda d: (d.year, d.month or 0, d.day or 0))
                self.reference = PartialDate(latest.year, latest.month)
                self.reference_inferred = True
        self.dates = [d.resolve(self.reference) if d.needs_year else d for d in found]
        self.dates = [d for d in self.dates if self.a.block_at(d.start) is not None]

    def match_known(self) -> None:
        self._known_matches = _with_nested_people(
            self.known.index,
            list(self.known.index.match(self.a.keys, self.a.words, self.gap_ok)),
            self,
        )
        for match in self._known_matches:
            for i in range(match.first, match.last):
                self.claimed[i] = True

    # -- phase 2: one matching pass over every name ------------------------------------------
    def match_all(self) -> None:
        local = NameIndex(self.lex)
        for entity in self.reg.new():
            if entity.kind not in ("person", "organ", "post", "event"):
                continue
            for name in entity.names:
                if name.derived and name.system == "en" and entity.kind != "organ":
                    continue
                local.add_name(entity.key, entity.kind, name.text, name.system, name.kind)
            if entity.kind == "organ" and entity.attrs.get("short"):
                for short in entity.attrs["short"]:
                    local.add_name(entity.key, "organ", short, "en", "short", weak=True)
        local_matches = _with_nested_people(
            local, list(local.match(self.a.keys, self.a.words, self.gap_ok)), self
        )
        combined = sorted(
            [(m, True) for m in self._known_matches] + [(m, False) for m in local_matches],
            key=lambda item: (item[0].first, -(item[0].last - item[0].first), not item[1]),
        )
        kept: list[Match] = []
        last_end = -1
        nested_ok: set[int] = set()
        for match, _is_known in combined:
            if match.first < last_end:
                container = kept[-1] if kept else None
                if (
                    container is not None
                    and all(t.kind == "person" for t in match.targets)
                    and not any(t.kind == "person" for t in container.targets)
                    and match.last <= container.last
                ):
                    kept.append(match)
                    nested_ok.add(id(match))
                continue
            kept.append(match)
            last_end = match.last
        self.mentions = []
        for match in kept:
            mention = self._resolve(match)
            if mention is not None:
                self.mentions.append(mention)
        self._nested_organs(kept, local)
        for pinned in self.pinned:
            if any(
                m.start <= pinned.start
                and pinned.end <= m.end
                and (m.end - m.start) > (pinned.end - pinned.start)
                for m in self.mentions
            ):
                continue
            self.mentions = [
                m for m in self.mentions if not (pinned.start <= m.start and m.end <= pinned.end)
            ]
            self.mentions.append(pinned)
        self._sort_mentions()
        self._extend_organs()
        self._surnames()

    def _nested_organs(self, kept: list[Match], local: NameIndex) -> None:
        """Organs named inside a longer name ("KWP Central Committee" in "KWP Central Committee
        Political Bureau"): mentioned by the article, though not marked as mentions of their own."""
        for match in kept:
            if match.last - match.first < 2 or any(t.kind == "person" for t in match.targets):
                continue
            # The name less its last word, and less its first: every proper part is in one of them.
            for first, last in ((match.first, match.last - 1), (match.first + 1, match.last)):
                keys = self.a.keys[first:last]
                words = self.a.words[first:last]
                gaps = self.gap_ok[first : last - 1] + [False]
                self._nested_in(keys, words, gaps, local)

    def _nested_in(
        self, keys: list[str], words: list[str], gaps: list[bool], local: NameIndex
    ) -> None:
        for index in (self.known.index, local):
            for inner in index.match(keys, words, gaps):
                refs = {t.ref for t in inner.targets if t.kind == "organ" and not t.weak}
                if len(refs) == 1:
                    target = next(t for t in inner.targets if t.ref in refs)
                    self.nested.add(self._entity_for_target(target))

    def _extend_organs(self) -> None:
        """ "Presidium of the Political Bureau" + "of the WPK Central Committee": one mention, when
        the organ after "of" contains the one before it."""
        out: list[Mention] = []
        for mention in self.mentions:
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.kind == "organ"
                and mention.kind == "organ"
                and previous.entity
                and mention.entity
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[previous.end : mention.start])
                and self.reg.resolve(mention.entity) in self._ancestor_keys(previous.entity)
            ):
                out[-1] = Mention(
                    previous.start, mention.end, self.text[previous.start : mention.end],
                    previous.entity, "organ", previous.name_kind,
                )  # fmt: skip
                continue
            out.append(mention)
        self.mentions = out
        self._sort_mentions()

    def _ancestor_keys(self, key: str) -> set[str]:
        entity = self.reg.get(key)
        if entity.known:
            return {self.reg.known(a, "organ").key for a in self.known.ancestors(entity.known)}
        return set(self._ancestors(entity.key))

    def _surnames(self) -> None:
        """ "The Political Bureau’s decision called Jang a traitor": a family name alone stands for
        the one person of that name the article has named before."""
        people: dict[str, set[str]] = {}
        first_seen: dict[str, int] = {}
        for mention in self.mentions:
            if mention.kind != "person" or not mention.entity or mention.name_kind == "epithet":
                continue
            key = self.reg.resolve(mention.entity)
            first_seen.setdefault(key, mention.start)
            words = mention.text.split()
            if len(words) < 2:
                continue
            surname = words[0] if is_korean_surname(words[0]) else words[-1]
            people.setdefault(word_key(surname), set()).add(key)
        if not people:
            return
        covered = [(m.start, m.end) for m in self.mentions]
        added = []
        for i, key in enumerate(self.a.keys):
            owners = people.get(key)
            if not owners or len(owners) != 1 or not self.is_cap(i):
                continue
            owner = next(iter(owners))
            start, end = self.span_of(i, i + 1)
            if start < first_seen.get(owner, len(self.text)):
                continue
            if any(s <= start < e for s, e in covered):
                continue
            neighbours = (i > 0 and self.gap_ok[i - 1] and self.is_cap(i - 1)) or (
                self.gap_ok[i] and i + 1 < len(self.a.words) and self.is_cap(i + 1)
            )
            if neighbours:
                continue  # part of a longer name
            if (
                self.sentence_start_word(i)
                and i + 1 < len(self.a.keys)
                and self.a.keys[i + 1] in _NOT_AFTER_NAME
            ):
                continue  # "So the visit was ...": a word, not So Hong Chan
            added.append(Mention(start, end, self.text[start:end], owner, "person", "surname"))
        if added:
            self.mentions.extend(added)
            self._sort_mentions()

    def _sort_mentions(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._mention_starts = [m.start for m in self.mentions]

    def add_mention(self, mention: Mention) -> None:
        for existing in self.mentions:
            if existing.start == mention.start and existing.end == mention.end:
                return
        self.mentions.append(mention)
        self._sort_mentions()

    def _entity_for_target(self, target: Target) -> str:
        if (
            target.ref.startswith(("person:", "organ:", "event:", "post:", "article:"))
            and target.ref in self.reg
        ):
            return self.reg.resolve(target.ref)
        kind = self.known.kinds.get(target.ref, target.kind)
        return self.reg.known(target.ref, kind).key

    def _resolve(self, match: Match) -> Mention | None:
        start, end = self.span_of(match.first, match.last)
        end -= match.cut
        text = self.text[start:end]
        targets = list(match.targets)
        strong = [t for t in targets if not t.weak]
        if strong:
            targets = strong
        refs = sorted({t.ref for t in targets})
        kind = targets[0].kind
        name_kind = "short" if not strong else targets[0].name_kind
        if len(refs) > 1:
            refs = self._disambiguate(refs, targets, start, end, weak=not strong)
        if len(refs) == 1:
            target = next(t for t in targets if t.ref == refs[0])
            key = self._entity_for_target(target)
            return Mention(
                start, end, text, key, target.kind, target.name_kind if strong else "short"
            )
        if not refs:
            return None
        keys = tuple(sorted({self._entity_for_target(t) for t in targets if t.ref in refs}))
        return Mention(start, end, text, None, kind, name_kind, candidates=keys)

    def _disambiguate(
        self, refs: list[str], targets: list[Target], start: int, end: int, *, weak: bool
    ) -> list[str]:
        kinds = {t.ref: t.kind for t in targets}
        # An event named with the date it was held: "the Meeting ... held in March of Juche 83".
        after = self.text[end : end + 40]
        held = re.match(r"\s*,?\s*(?:held\s+)?(?:in|on)\s+", after)
        if held and all(kinds[r] == "event" for r in refs):
            date = self.date_at(end + held.end())
            if date is not None and date.date is not None:
                fitting = [r for r in refs if self._event_date(r) == date.date.iso]
                if len(fitting) == 1:
                    return fitting
        # A spelling in parentheses that only one candidate has: "Kim Jong Su (Kim Cho'ng-su)".
        paren = self.a.paren_after(end)
        if paren is not None:
            # Compared as written first (hyphens count: "Ri Yong-ho" is one man's McCune-
            # Reischauer name, "Ri Yong Ho" both men's English one), then by words, then by key.
            inner_text = self.text[paren[0] + 1 : paren[1] - 1]
            written = _written(inner_text)
            fitting = [r for r in refs if written in {_written(t) for _, t in self._name_texts(r)}]
            if len(fitting) != 1:
                words = name_words(inner_text)
                main = name_words(self.text[start:end])
                fitting = [
                    r
                    for r in refs
                    if any(name_words(t) == words != main for _, t in self._name_texts(r))
                ]
            if len(fitting) != 1:
                inner = match_key(inner_text)
                fitting = [r for r in refs if inner in self._name_keys(r)]
            if len(fitting) == 1:
                return fitting
        # The exact spelling is recorded for one candidate only.
        surface = " ".join(self.text[start:end].split()).replace("’", "'")
        exact = sorted({t.ref for t in targets if t.name.replace("’", "'") == surface})
        if len(exact) == 1 and not weak:
            return exact
        if weak:
            # "the Political Bureau": the candidate whose party the article names.
            parties = {
                self.known.root_party(m.entity[1:])
                for m in self.mentions
                if m.entity and m.entity.startswith("=")
            }
            parties |= {
                self.reg.get(m.entity).attrs.get("party")
                for m in self.mentions
                if m.entity and m.entity in self.reg
            }
            fitting = [r for r in refs if self._party_of(r) in parties]
            if len(fitting) == 1:
                return fitting
            # A weak short form stands for the organ it heads, never for a body inside it.
            heads = [r for r in refs if not any(a in refs for a in self._ancestors(r))]
            if len(heads) == 1:
                return heads
        return refs

    def _event_date(self, ref: str) -> str | None:
        if ref in self.reg:
            date = self.reg.get(ref).fields.get("date")
            return date.iso if isinstance(date, PartialDate) else None
        for key, rid in self.known.events_by_act.items():
            if rid == ref:
                return key[1] or None
        return None

    def _name_texts(self, ref: str) -> set[tuple[str, str]]:
        if ref in self.reg:
            return {(n.system, n.text) for n in self.reg.get(ref).names}
        return self.known.name_texts.get(ref, set())

    def _name_keys(self, ref: str) -> set[str]:
        if ref in self.reg:
            return {match_key(n.text) for n in self.reg.get(ref).names}
        return self.known.name_keys.get(ref, set())

    def _party_of(self, ref: str) -> str | None:
        if ref in self.reg:
            return self.reg.get(ref).attrs.get("party")
        return self.known.root_party(ref)

    def _ancestors(self, ref: str) -> list[str]:
        if ref in self.reg:
            out = []
            parent = self.reg.get(ref).fields.get("parent")
            while isinstance(parent, Ref) and parent.key in self.reg and len(out) < 10:
                out.append(self.reg.resolve(parent.key))
                parent = self.reg.get(parent.key).fields.get("parent")
            return out
        return self.known.ancestors(ref)


def _allcaps(word: str) -> bool:
    if word[-2:] in ("’s", "'s"):
        word = word[:-2]
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _written(text: str) -> str:
    """A name as written, up to case, apostrophe shapes, spacing and Unicode form."""
    import unicodedata

    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("ʼ", "'")
    return " ".join(text.casefold().split())


def _with_nested_people(index: NameIndex, matches: list[Match], reader: Reader) -> list[Match]:
    """Add the people named inside a longer name ("Kim Il Sung and Kim Jong Il's party")."""
    out = list(matches)
    for match in matches:
        if match.last - match.first < 3 or any(t.kind == "person" for t in match.targets):
            continue
        if any(t.kind == "article" for t in match.targets):
            continue  # a title is a title
        keys = reader.a.keys[match.first : match.last]
        words = reader.a.words[match.first : match.last]
        gaps = reader.gap_ok[match.first : match.last - 1] + [False]
        for inner in index.match(keys, words, gaps):
            people = tuple(t for t in inner.targets if t.kind == "person")
            if people:
                out.append(Match(match.first + inner.first, match.first + inner.last, people))
    return out


def read_article(
    analysis: Analysis,
    known: Known,
    *,
    article_id: str,
    date: PartialDate | None = None,
    article_type: str = "news",
) -> Reading:
    """Read one analysed article against what the data folder knows."""
    from . import discover, relate

    reader = Reader(analysis, known, article_id=article_id, date=date, article_type=article_type)
    reader.find_dates()
    reader.match_known()
    discover.run(reader)
    reader.match_all()
    relate.run(reader)
    return Reading(
        analysis,
        reader.reg,
        reader.mentions,
        reader.dates,
        reader.quotes,
        reader.article,
        reader.reference,
        reader.reference_inferred,
        reader.images,
    )
