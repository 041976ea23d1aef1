"""How the things an article names relate: the documents it cites, whom its quotations are
attributed to, what its events are (dates, organizers, renamings, rules, conferrals), the posts
and memberships it states, and what the article itself is about.

Every rule here works on mentions already found (:mod:`kwpld.ingest.read`), so a relation is
only ever drawn between entities the text names, and every relation keeps the span of text
that states it: that span is the evidence a reviewer sees.
"""

from __future__ import annotations

import re
from functools import cache

from ..dates import PartialDate
from ..names import match_key, name_words
from .discover import series_key, straight
from .entities import Entity, Mention, NameDraft, Ref
from .read import QuoteFound, Reader

__all__ = ["run"]

_MEDIA_KINDS = ("state-media", "news-agency", "newspaper", "media-outlet")
_CONVENE = re.compile(
    r"\b(?:convene[sd]?|convening|convoke[sd]?|convocation|to\s+hold|will\s+be\s+held|to\s+open)\b",
    re.I,
)
_RULE = re.compile(r"\bmake\s+it\s+a\s+rule\s+to\b|\bas\s+a\s+rule\b|\bdecided\s+to\s+hold\b", re.I)
_EXCERPT = re.compile(
    r"(?:excerpted|excerpts?|reproduced|quoted|translated|text)\s+(?:is\s+|are\s+)?below\s*[:.]?\s*$"
    r"|(?:as\s+follows|reads|read)\s*:\s*$|\bbelow\s*:\s*$",
    re.I,
)
_CONFERRAL = [
    re.compile(
        r"\bconferred\s+(?:up)?on\s+(?P<target>.+?)\s+the\s+(?:[\w-]+\s+){0,2}?titles?\s+of\s+(?P<title>[^.;”\"]+)"
    ),
    re.compile(
        r"\bconferred\s+the\s+(?:[\w-]+\s+){0,2}?titles?\s+of\s+(?P<title>.+?)\s+(?:up)?on\s+(?P<target>[^.;”\"]+)"
    ),
]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def run(r: Reader) -> None:
    _honorifics(r)
    _epithet_references(r)
    _documents(r)
    _quotes(r)
    _posts(r)
    _events(r)
    _memberships(r)
    _article(r)


def long_date(date: PartialDate) -> str:
    """28 January 2013, January 2013 or 2013, as the records write dates in titles."""
    if date.day:
        return f"{date.day} {_MONTHS[(date.month or 1) - 1]} {date.year}"
    if date.month:
        return f"{_MONTHS[date.month - 1]} {date.year}"
    return str(date.year)


def _word_at(r: Reader, offset: int) -> int:
    return r.a.word_index_at(offset)


# -- honorifics and epithets --------------------------------------------------------------------


def _honorifics(r: Reader) -> None:
    """ "The dear respected Comrade Kim Jong Un": an honorific before a person's name, which a
    plural title ("the great Generalissimos Kim Il Sung and Kim Jong Il") gives every name
    coordinated after it."""
    a, lex = r.a, r.lex
    people = [m for m in r.mentions if m.kind == "person" and m.entity]
    for index, mention in enumerate(people):
        if mention.honorific is not None:
            continue
        i = _word_at(r, mention.start)
        k = i - 1
        title: tuple[str, bool] | None = None
        adjectives = False
        while k >= 0 and r.gap_ok[k]:
            matched = False
            for size in (3, 2, 1):
                first = k - size + 1
                if first < 0 or not all(r.gap_ok[x] for x in range(first, k)):
                    continue
                phrase = " ".join(a.keys[first : k + 1])
                if phrase in lex.honorific_titles:
                    title = title or lex.honorific_titles[phrase]
                    k = first - 1
                    matched = True
                    break
            if matched:
                continue
            if a.keys[k] in lex.honorific_words:
                adjectives = adjectives or a.keys[k] != "and"
                k -= 1
                continue
            break
        if title is None:
            continue
        first_word = k + 1
        if k >= 0 and a.keys[k] == "the" and r.gap_ok[k]:
            first_word = k
        start = a.word_starts[first_word]
        honorific = r.text[start : mention.start].strip()
        mention.honorific = (start, start + len(honorific))
        singular, plural = title
        chain = [mention]
        if plural:
            chain.extend(_coordinated(r, people, index))
        for person in chain:
            person.honorific = person.honorific or mention.honorific
            if not adjectives:
                continue
            text = (
                _singular_honorific(r, honorific, singular if plural else None)
                + " "
                + straight(person.text)
            )
            entity = r.entity(person.entity)
            if entity.known is None:
                entity.add_name(NameDraft(text, kind="epithet", spans=[(start, person.end)]))
                entity.note(f"called “{text}”", (start, person.end))


def _coordinated(r: Reader, people: list[Mention], index: int) -> list[Mention]:
    out = []
    previous = people[index]
    for other in people[index + 1 :]:
        between = r.text[previous.end : other.start]
        if re.fullmatch(r"(?:’s|'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", between):
            out.append(other)
            previous = other
        else:
            break
    return out


def _singular_honorific(r: Reader, honorific: str, singular: str | None) -> str:
    words = honorific.split()
    if words and words[0] == "The":
        words[0] = "the"
    text = " ".join(words)
    if singular:
        for phrase, (single, plural) in r.lex.honorific_titles.items():
            if plural and single == singular:
                text = re.sub(
                    r"\b" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"\b",
                    singular,
                    text,
                    flags=re.I,
                )
    return text


@cache
def _epithet_patterns(texts: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(texts, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in alternatives)
    return re.compile(rf"\b(?:[Tt]he\s+)?(?:{body})\b", re.I)


def _epithet_references(r: Reader) -> None:
    """An epithet that stands for a leader without a name ("the respected and beloved marshal"),
    resolved by the years the lexicon gives it."""
    if not r.lex.epithets:
        return
    pattern = _epithet_patterns(tuple(e.text for e in r.lex.epithets))
    by_text = {" ".join(e.text.lower().split()): e for e in r.lex.epithets}
    for match in pattern.finditer(r.text):
        if r.mention_at(match.start(), match.end()) is not None:
            continue
        phrase = re.sub(r"^the\s+", "", " ".join(match.group(0).lower().split()))
        epithet = by_text.get(phrase)
        if epithet is None or not epithet.applies(r.reference):
            continue
        key = _person_by_name(r, epithet.person, match.span())
        entity = r.entity(key)
        text = (
            "the " + " ".join(match.group(0).split()[1:])
            if match.group(0).lower().startswith("the ")
            else match.group(0)
        )
        if entity.known is None:
            entity.add_name(NameDraft(text, kind="epithet", spans=[match.span()]))
            entity.note(
                f"“{match.group(0)}” stands for {epithet.person} in writing of this time",
                match.span(),
            )
        r.add_mention(Mention(match.start(), match.end(), match.group(0), key, "person", "epithet"))


def _person_by_name(r: Reader, name: str, span: tuple[int, int]) -> str:
    key = match_key(name)
    for entity in r.reg.of_kind("person"):
        if entity.known is None and any(match_key(n.text) == key for n in entity.names):
            return entity.key
    for mention in r.mentions:
        known = r.entity(mention.entity).known if mention.entity else None
        if mention.kind == "person" and known and key in r.known.name_keys.get(known, set()):
            return mention.entity  # type: ignore[return-value]
    words = name_words(name)
    for match in r.known.index.match(
        list(words), name.split(), [True] * (len(words) - 1) + [False]
    ):
        refs = {t.ref for t in match.targets if t.kind == "person"}
        if len(refs) == 1 and match.last - match.first == len(words):
            return r.reg.known(next(iter(refs)), "person").key
    entity = r.reg.add(Entity("person:" + key, "person"))
    entity.add_name(NameDraft(name, derived=True))
    return entity.key


# -- documents ------------------------------------------------------------------------------------


def _issuer_id(r: Reader, key: str) -> str | None:
    return r.entity(key).known


def _document(
    r: Reader,
    doc_type: str,
    issuer: str,
    role: str,
    date: PartialDate | None,
    span: tuple[int, int],
    why: str,
) -> str:
    """The document of ``doc_type`` issued by ``issuer`` (author or publisher) on ``date``."""
    known_issuer = _issuer_id(r, issuer)
    if known_issuer is not None:
        rid = r.known.articles_by_issuer.get((known_issuer, date.iso if date else "", doc_type))
        if rid is None and date is None:
            candidates = [
                v
                for (i, _, t), v in r.known.articles_by_issuer.items()
                if i == known_issuer and t == doc_type
            ]
            rid = candidates[0] if len(set(candidates)) == 1 else None
        if rid is not None:
            entity = r.reg.known(rid, "article")
            entity.attrs.setdefault("issuer", r.reg.resolve(issuer))
            r.doc_mentions.append((span[0], span[1], entity.key))
            return entity.key
    key = f"article:{doc_type}:{issuer}:{date.iso if date else '?'}"
    if date is None:
        dated = [
            e for e in r.reg.of_kind("article")
            if e.fields.get("type") == doc_type
            and e.attrs.get("issuer") == r.reg.resolve(issuer)
            and e.fields.get("date")
        ]  # fmt: skip
        if len(dated) == 1:
            r.doc_mentions.append((span[0], span[1], dated[0].key))
            return dated[0].key
    entity = r.reg.add(Entity(key, "article"))
    entity.fields.setdefault("type", doc_type)
    entity.attrs["issuer"] = r.reg.resolve(issuer)
    if role == "author":
        entity.fields.setdefault("authors", [Ref(issuer)])
    else:
        entity.fields.setdefault("publisher", Ref(issuer))
    if date is not None:
        entity.fields["date"] = date
    entity.note(why, span)
    r.doc_mentions.append((span[0], span[1], entity.key))
    if date is not None:  # an undated mention of the same document found earlier
        for other in list(r.reg.of_kind("article")):
            if (
                other.key != entity.key and other.known is None and not other.fields.get("date")
                and other.fields.get("type") == doc_type
                and other.attrs.get("issuer") == entity.attrs["issuer"]
            ):  # fmt: skip
                r.reg.merge(entity.key, other.key)
    return entity.key


def _documents(r: Reader) -> None:
    lex = r.lex
    nouns = "|".join(sorted((re.escape(n) for n in lex.document_nouns), key=len, reverse=True))
    report_verbs = "|".join(re.escape(v) for v in lex.report_verbs)
    issue_verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in lex.issue_verbs)
    media_report = re.compile(rf"\s+(?:also\s+)?(?:{report_verbs})\s+(?:on\s+)?", re.I)
    issued = re.compile(
        rf"\s+(?:[a-z]+\s+)?(?:{issue_verbs}|issues|releases|publishes|adopts)"
        rf"(?:\s+\([^)]*\))?\s+(?:a|an|the|its|their)?\s*(?:[\w-]+\s+)?(?P<noun>{nouns})\b",
        re.I,
    )
    possessive = re.compile(rf"(?:’s|'s)\s+(?:[\w-]+\s+)?(?P<noun>{nouns})\b", re.I)
    for mention in list(r.mentions):
        if not mention.entity or mention.kind not in ("organ", "person"):
            continue
        after = r.text[mention.end : mention.end + 160]
        organ_kind = r.entity_kind(mention.entity) if mention.kind == "organ" else None
        m = media_report.match(after)
        if m and organ_kind in _MEDIA_KINDS:
            date = r.date_at(mention.end + m.end())
            if date is not None and date.date is not None:
                _document(
                    r, "news", mention.entity, "publisher", date.date, (mention.start, date.end),
                    f"{mention.text} reported on {date.text}",
                )  # fmt: skip
                continue
        m = issued.match(after)
        if m:
            doc_type = lex.document_nouns[m.group("noun").lower()]
            noun_end = mention.end + m.end()
            on = re.match(r"\s+on\s+", r.text[noun_end : noun_end + 6])
            date = r.date_at(noun_end + on.end()) if on else None
            end = date.end if date else noun_end
            _document(
                r, doc_type, mention.entity, "author", date.date if date else None,
                (mention.start, end),
                f"issued by {mention.text}" + (f" on {date.text}" if date else ""),
            )  # fmt: skip
            continue
        m = possessive.match(r.text[mention.end : mention.end + 60])
        if m:
            doc_type = lex.document_nouns[m.group("noun").lower()]
            _document(
                r, doc_type, mention.entity, "author", None, (mention.start, mention.end + m.end()),
                f"“{r.text[mention.start : mention.end + m.end()]}”",
            )  # fmt: skip
    # "its report": the organ last named in the sentence.
    for m in re.finditer(rf"\bits\s+(?:[\w-]+\s+)?(?P<noun>{nouns})\b", r.text):
        sentence = r.a.sentence_at(m.start())
        if sentence is None:
            continue
        # "the Political Bureau disseminated (through party cells ...) its report": the organ
        # the clause is about, not one named in a parenthesis.
        organs = [
            x
            for x in r.mentions_in(sentence.start, m.start(), ("organ",))
            if not _in_parens(r, x.start)
        ]
        if organs:
            doc_type = lex.document_nouns[m.group("noun").lower()]
            _document(r, doc_type, organs[-1].entity, "author", None, m.span(), f"“{m.group(0)}”")  # type: ignore[arg-type]
    _titled_works(r, nouns)
    _recurring_documents(r)


def _in_parens(r: Reader, offset: int) -> bool:
    return any(start < offset < end for start, end in r.a.parens)


def _titled_works(r: Reader, nouns: str) -> None:
    """A long essay “Party Cells Are Cornerstones ...” by Kim Jong Su, published in Rodong
    Sinmun: a titled work, its author, publisher and date."""
    before = re.compile(rf"\b(?P<noun>{nouns}|book|work|titled|entitled)\s*,?\s*$", re.I)
    for quote in r.a.quotations:
        sentence = r.a.sentence_at(quote.start)
        start = sentence.start if sentence else max(0, quote.start - 80)
        m = before.search(r.text[start : quote.start])
        if not m:
            continue
        title = " ".join(r.text[quote.inner_start : quote.inner_end].split()).rstrip(",")
        if not title or len(title) > 200:
            continue
        noun = m.group("noun").lower()
        doc_type = r.lex.document_nouns.get(noun, "essay")
        r.titles.add(quote.start)
        end = sentence.end if sentence else quote.end + 200
        rest = r.text[quote.end : end]
        authors = []
        by = re.match(r"\s*,?\s*by\s+", rest)
        if by:
            person = r.mention_at(quote.end + by.end(), kinds=("person",))
            if person is None:
                person = next(iter(r.mentions_in(quote.end + by.end(), end, ("person",))), None)
            if person and person.entity:
                authors.append(Ref(person.entity))
        publisher = None
        date = None
        pub = re.search(r"\b(?:published|carried|printed|appeared)\s+(?:in|by)\s+(?:the\s+)?", rest)
        if pub:
            outlet = r.mention_at(quote.end + pub.end(), kinds=("organ",))
            if outlet and outlet.entity:
                publisher = Ref(outlet.entity)
                on = re.match(r"\s+on\s+", r.text[outlet.end : outlet.end + 6])
                if on:
                    found = r.date_at(outlet.end + on.end())
                    date = found.date if found else None
        if date is None:
            on = re.search(r"\bon\s+", rest)
            if on:
                found = r.date_at(quote.end + on.end())
                date = found.date if found else None
        rid = r.known.articles_by_title.get(match_key(title))
        if rid is not None:
            entity = r.reg.known(rid, "article")
            entity.attrs["titled"] = True
        else:
            entity = r.reg.add(Entity("article:title:" + match_key(title), "article"))
            entity.fields.setdefault("type", doc_type)
            entity.fields["title"] = straight(title) if "’" in title else title
            entity.attrs["titled"] = True
            if authors:
                entity.fields["authors"] = authors
                entity.attrs["issuer"] = r.reg.resolve(authors[0].key)
            if publisher:
                entity.fields["publisher"] = publisher
            if date:
                entity.fields["date"] = date
            article = "an" if noun[:1] in "aeiou" else "a"
            entity.note(f"{article} {noun} titled “{title}”", (quote.start, quote.end))
        r.doc_mentions.append((quote.start, quote.end, entity.key))
        # A title is one mention of the work, not of the things its words name.
        r.mentions = [
            x for x in r.mentions if not (quote.inner_start <= x.start and x.end <= quote.inner_end)
        ]
        r.add_mention(
            Mention(
                quote.inner_start,
                quote.inner_end,
                r.text[quote.inner_start : quote.inner_end],
                entity.key,
                "article",
                "preferred",
            )
        )


def _recurring_documents(r: Reader) -> None:
    for doc in r.lex.recurring_documents:
        words = doc.phrase.replace("'", "['’]").split()
        pattern = re.compile(r"\b" + r"\s+".join(words) + r"\b", re.I)
        for m in pattern.finditer(r.text):
            year = r.reference.year if r.reference else None
            if year is None:
                continue
            title = doc.title.format(year=year)
            rid = r.known.articles_by_title.get(match_key(title))
            if rid is not None:
                entity = r.reg.known(rid, "article")
                entity.attrs["titled"] = True
            else:
                entity = r.reg.add(Entity("article:title:" + match_key(title), "article"))
                entity.fields.setdefault("type", doc.type)
                entity.fields["title"] = title
                entity.fields["date"] = PartialDate(year, doc.month, doc.day)
                entity.attrs["titled"] = True
                entity.note(f"“{m.group(0)}” in an article of {year}", m.span())
                sentence = r.a.sentence_at(m.start())
                if sentence is not None and "authors" not in entity.fields:
                    people = r.mentions_in(sentence.start, m.start(), ("person",))
                    if people:
                        entity.fields["authors"] = [Ref(people[0].entity)]  # type: ignore[arg-type]
                        entity.note(f"given by {people[0].text}")
            r.doc_mentions.append((m.start(), m.end(), entity.key))


# -- quotations -----------------------------------------------------------------------------------


def _docs_in(r: Reader, start: int, end: int) -> list[tuple[int, int, str]]:
    return sorted((d for d in r.doc_mentions if start <= d[0] and d[1] <= end), key=lambda d: d[0])


def _doc_by(r: Reader, issuer: str) -> str | None:
    """The one document of the article issued by ``issuer`` (a record's, or a new one)."""
    issuer = r.reg.resolve(issuer)
    issuer_id = r.entity(issuer).known
    docs = []
    for entity in r.reg.of_kind("article"):
        if entity.fields.get("type") == "image" or entity.key == "article":
            continue
        refs = [*entity.fields.get("authors", []), entity.fields.get("publisher")]
        named = any(isinstance(x, Ref) and r.reg.resolve(x.key) == issuer for x in refs)
        recorded = bool(
            entity.known
            and issuer_id
            and issuer_id in r.known.article_issuers.get(entity.known, [])
        )
        if named or recorded or entity.attrs.get("issuer") == issuer:
            docs.append(entity.key)
    return docs[0] if len(docs) == 1 else None


def _speaker_of(r: Reader, doc: str) -> str | None:
    entity = r.entity(doc)
    if entity.known:
        issuers = r.known.article_issuers.get(entity.known) or []
        if not issuers:
            return None
        return r.reg.known(issuers[0], r.known.kinds.get(issuers[0], "organ")).key
    authors = entity.fields.get("authors") or []
    if authors:
        return r.reg.resolve(authors[0].key)
    publisher = entity.fields.get("publisher")
    return r.reg.resolve(publisher.key) if isinstance(publisher, Ref) else None


def _attribute(r: Reader, start: int, end: int) -> tuple[str | None, str | None, str]:
    """(source document, speaker, how) for words quoted at [start, end)."""
    sentence = r.a.sentence_at(start)
    s_start = sentence.start if sentence else max(0, start - 300)
    prefix = r.text[s_start:start]
    verbs = "|".join(re.escape(v) for v in r.lex.speech_verbs)
    patterns = [
        ("according", re.compile(r"[Aa]ccording\s+to\s+(?P<x>.+?)\s*[:,]?\s*$")),
        (
            "verb",
            re.compile(rf"(?P<x>.+?)\s+(?:also\s+)?(?:{verbs})\b(?:\s+that)?(?:\s+the)?\s*:?\s*$"),
        ),
        (
            "saying",
            re.compile(
                r"(?P<x>.+?)\b(?:saying|stating|declaring|noting)\b(?:\s+that)?(?:\s+the)?\s*:?\s*$"
            ),
        ),
    ]
    for how, pattern in patterns:
        m = pattern.search(prefix)
        if not m:
            continue
        x_start, x_end = s_start + m.start("x"), s_start + m.end("x")
        if how == "saying":
            x_end = s_start + m.start("x") + len(m.group("x"))
        docs = _docs_in(r, x_start, x_end)
        agents = r.mentions_in(x_start, x_end, ("organ", "person"))
        if how == "according" and docs:
            return docs[0][2], _speaker_of(r, docs[0][2]), "according to"
        if how == "saying":
            first = min(
                [(d[0], "doc", d[2]) for d in docs]
                + [(a.start, "agent", a.entity) for a in agents],
                default=None,
            )
            if first is not None:
                if first[1] == "doc":
                    return first[2], _speaker_of(r, first[2]), "said in"  # type: ignore[arg-type]
                return _doc_by(r, first[2]), first[2], "said by"  # type: ignore[arg-type]
            continue
        if how == "verb":
            last = max(
                [(d[1], "doc", d[2]) for d in docs] + [(a.end, "agent", a.entity) for a in agents],
                default=None,
            )
            if last is not None:
                if last[1] == "doc":
                    return last[2], _speaker_of(r, last[2]), "stated in"  # type: ignore[arg-type]
                return _doc_by(r, last[2]), last[2], "stated by"  # type: ignore[arg-type]
        if how == "according" and agents:
            return _doc_by(r, agents[0].entity), agents[0].entity, "according to"  # type: ignore[arg-type]
    docs = _docs_in(r, s_start, start)
    if docs:
        return (
            docs[-1][2],
            _speaker_of(r, docs[-1][2]),
            "quoted from the document the sentence names",
        )
    return None, None, "unattributed"


def _quotes(r: Reader) -> None:
    caption_spans = [r.entity(k).attrs["block"] for k in r.images]
    for quote in r.a.quotations:
        if quote.start in r.titles or any(b[0] <= quote.start < b[1] for b in caption_spans):
            continue
        inner = r.text[quote.inner_start : quote.inner_end]
        if len(inner.split()) < 4:
            continue  # a term in quotation marks, not a quotation
        source, speaker, how = _attribute(r, quote.start, quote.end)
        r.quotes.append(
            QuoteFound(quote.inner_start, quote.inner_end, inner.strip(), source, speaker, how)
        )
    # Excerpts: "..., excerpted below:" and the paragraphs that follow; block quotations.
    blocks = r.a.blocks
    taken: set[int] = set()
    for index, block in enumerate(blocks):
        body = r.text[block.start : block.end]
        if not _EXCERPT.search(body) or index + 1 >= len(blocks):
            continue
        following = []
        for later in range(index + 1, len(blocks)):
            if blocks[later].kind not in ("paragraph", "quote"):
                break
            following.append(later)
        if not following:
            continue
        sentence = r.a.sentence_at(block.end - 1)
        s_start = sentence.start if sentence else block.start
        docs = _docs_in(r, s_start, block.end)
        titled = [d for d in docs if r.entity(d[2]).attrs.get("titled")]
        chosen = (titled or docs)[0 if titled else -1][2] if docs else None
        start, end = blocks[following[0]].start, blocks[following[-1]].end
        text = "\n\n".join(r.text[blocks[i].start : blocks[i].end] for i in following)
        how = (
            "an excerpt introduced as “" + " ".join(r.text[s_start : block.end].split()[-6:]) + "”"
        )
        r.quotes.append(
            QuoteFound(
                start, end, text, chosen, _speaker_of(r, chosen) if chosen else None, how, True
            )
        )
        taken.update(following)
    for index, block in enumerate(blocks):
        if block.kind != "quote" or index in taken:
            continue
        source, speaker, how = _attribute(r, block.start, block.end)
        if source is None and index > 0:
            previous = blocks[index - 1]
            docs = _docs_in(r, previous.start, previous.end)
            if docs:
                source, speaker, how = (
                    docs[-1][2],
                    _speaker_of(r, docs[-1][2]),
                    "a block quotation after the paragraph naming it",
                )
        body = r.text[block.start : block.end]
        r.quotes.append(QuoteFound(block.start, block.end, body, source, speaker, how, True))
    r.quotes.sort(key=lambda q: q.start)


# -- posts ------------------------------------------------------------------------------------


def _posts(r: Reader) -> None:
    """ "Party Cell Secretaries", "the party cells’ secretaries", "secretaries of the party
    cells", "조선로동당 위원장": a role of the vocabulary with the organ it is held in."""
    latin = sorted((w for w in r.lex.roles if w.isascii()), key=len, reverse=True)
    korean = sorted((w for w in r.lex.roles if not w.isascii()), key=len, reverse=True)
    roles = "|".join(re.escape(w) for w in latin)
    after_organ = re.compile(rf"(?:’|')?\s*(?P<role>{roles})\b", re.I)
    after_organ_ko = re.compile(r"\s*(?P<role>" + "|".join(re.escape(w) for w in korean) + ")")
    before_organ = re.compile(
        rf"\b(?:department\s+)?(?P<role>{roles})\s+of\s+(?:the\s+|a\s+)?$", re.I
    )
    found: list[tuple[int, int, str, str]] = []  # start, end, role, organ entity key
    organs = [m for m in r.mentions if m.kind == "organ" and m.entity]
    for organ in organs:
        after = r.text[organ.end : organ.end + 24]
        m = after_organ.match(after) or (korean and after_organ_ko.match(after))
        if m:
            role = r.lex.roles[m.group("role").lower()]
            found.append((organ.start, organ.end + m.end(), role, organ.entity))  # type: ignore[arg-type]
            continue
        m = before_organ.search(r.text[max(0, organ.start - 48) : organ.start])
        if m:
            start = max(0, organ.start - 48) + m.start()
            found.append((start, organ.end, r.lex.roles[m.group("role").lower()], organ.entity))  # type: ignore[arg-type]
    # "secretaries of cells": the party cells named elsewhere in the article.
    cells = [o for o in organs if r.entity_kind(o.entity) == "party-cell"]  # type: ignore[arg-type]
    if cells:
        cell_key = r.reg.resolve(cells[0].entity)  # type: ignore[arg-type]
        for m in re.finditer(rf"\b(?P<role>{roles})\s+of\s+(?:the\s+)?cells?\b", r.text, re.I):
            if not any(s <= m.start() < e for s, e, _, _ in found):
                found.append((m.start(), m.end(), r.lex.roles[m.group("role").lower()], cell_key))
    for start, end, role, organ_key in sorted(found):
        organ = r.entity(organ_key)
        post_id = r.known.posts_by_organ.get((organ.known, role)) if organ.known else None
        if post_id:
            key = r.reg.known(post_id, "post").key
        else:
            key = f"post:{role}:{organ.key}"
            post = r.reg.add(Entity(key, "post"))
            post.fields.update({"organ": Ref(organ.key), "role": role})
            surface = " ".join(r.text[start:end].split())
            name = _post_name(surface)
            system = "en" if name.isascii() else "hangul"
            post.add_name(NameDraft(name, system=system, spans=[(start, end)]))
            if system != "en":  # "조선로동당 위원장" is the chairman of the WPK
                from .discover import _organ_label

                label = _organ_label(r, organ.key)
                if label:
                    role_label = r.lex.role_labels.get(role, role)
                    post.add_name(NameDraft(f"{role_label} of the {label}", derived=True))
            post.note(f"“{surface}”", (start, end))
        inside_event = any(
            m.kind == "event" and m.start <= start and end <= m.end for m in r.mentions
        )
        if inside_event:  # part of an event's name: its participants, not a mention of its own
            r.post_spans.append((start, end, key))
            continue
        # The post's mention replaces the organ's inside it (as a longer name would).
        r.mentions = [
            m for m in r.mentions if not (start <= m.start and m.end <= end and m.kind == "organ")
        ]
        r.add_mention(Mention(start, end, r.text[start:end], key, "post"))
        r.post_spans.append((start, end, key))


def _post_name(surface: str) -> str:
    """ "Party Cell Secretaries" -> "party cell secretary"; "party cells’ secretaries" -> same."""
    text = straight(surface)
    if not text.isascii():
        return text
    # "a department director of the Central Committee": the role is director.
    text = re.sub(r"^(?:the|a)\s+", "", text, flags=re.I)
    text = re.sub(r"^department\s+", "", text, flags=re.I)
    words = text.replace("'", "").split()
    if len(words) >= 2 and words[1].lower() != "of":
        words = [w.lower() for w in words]
        words = [
            w[:-1] if w.endswith("s") and not w.endswith("ss") and i < len(words) - 1 else w
            for i, w in enumerate(words)
        ]
        last = words[-1]
        words[-1] = (
            last[:-3] + "y"
            if last.endswith("ies")
            else (last[:-1] if last.endswith("s") and last != "secretaries" else last)
        )
        return " ".join(words)
    lowered = [w if w.isupper() else w.lower() for w in words]
    role = lowered[0]
    role = role[:-3] + "y" if role.endswith("ies") else (role[:-1] if role.endswith("s") else role)
    return " ".join([role, *lowered[1:]])


# -- events -----------------------------------------------------------------------------------


def _events(r: Reader) -> None:
    _event_dates(r)
    convened = _convening(r)
    decisions = _decisions(r, convened)
    _renamings(r, decisions)
    _rules(r, decisions)
    _conferrals(r)
    _locations(r)
    _participants(r)


def _event_dates(r: Reader) -> None:
    """ "the 4th Meeting of Party Cell Secretaries on 28 January 2013 (Monday)"."""
    for mention in r.mentions:
        if mention.kind != "event" or not mention.entity:
            continue
        entity = r.entity(mention.entity)
        if entity.known or "date" in entity.fields:
            continue
        m = re.match(
            r"\s+(?:(?:to\s+be\s+)?held\s+)?(?:on|in)\s+", r.text[mention.end : mention.end + 30]
        )
        if m:
            date = r.date_at(mention.end + m.end())
            if date is not None and date.date is not None:
                entity.fields["date"] = date.date
                entity.note(f"held on {date.text}", (mention.start, date.end))


def _convening(r: Reader) -> dict[str, list[str]]:
    """Events a document or organ convenes: their organizer is the convening organ."""
    convened: dict[str, list[str]] = {}
    for sentence in r.a.sentences:
        body = r.text[sentence.start : sentence.end]
        verb = _CONVENE.search(body)
        if not verb:
            continue
        verb_at = sentence.start + verb.start()
        events = [m for m in r.mentions_in(verb_at, sentence.end, ("event",))]
        if not events:
            continue
        docs = [
            d
            for d in _docs_in(r, sentence.start, verb_at)
            if r.entity(d[2]).fields.get("type") in ("report", "statement")
        ]
        organizer = None
        if docs:
            organizer = _speaker_of(r, docs[-1][2])
        else:
            organs = r.mentions_in(sentence.start, verb_at, ("organ",))
            organizer = r.reg.resolve(organs[-1].entity) if organs else None  # type: ignore[arg-type]
        event = r.entity(events[0].entity)  # type: ignore[arg-type]
        if docs:
            convened.setdefault(r.reg.resolve(docs[-1][2]), []).append(event.key)
        if organizer and event.known is None and "organizer" not in event.fields:
            event.fields["organizer"] = [Ref(organizer)]
            event.note(
                "convened by " + _label(r, organizer),
                (sentence.start, sentence.end),
            )
    return convened


def _label(r: Reader, key: str) -> str:
    names = r.entity(key).names
    return names[0].text if names else "its organizer"


def _decisions(r: Reader, convened: dict[str, list[str]]) -> dict[str, str]:
    """A report of an organ that convenes, renames or rules is also a decision (an event)."""
    acting: set[str] = set(convened)
    for quote in r.quotes:
        if quote.source and (
            _RULE.search(quote.text) or re.search(r"shall\s+be\s+called|renamed", quote.text)
        ):
            acting.add(r.reg.resolve(quote.source))
    decisions: dict[str, str] = {}
    for doc_key in sorted(acting):
        doc = r.entity(doc_key)
        if doc.fields.get("type") not in ("report", "statement") and not doc.known:
            continue
        author = _speaker_of(r, doc_key)
        date = doc.fields.get("date")
        if author is None:
            continue
        author_entity = r.entity(author)
        if author_entity.known and doc.known:
            rid = r.known.events_by_act.get(
                ("decision", date.iso if isinstance(date, PartialDate) else "", author_entity.known)
            )
            if rid:
                decisions[doc_key] = r.reg.known(rid, "event").key
                continue
        if doc.known:
            continue
        key = f"event:decision:{doc_key}"
        decision = r.reg.add(Entity(key, "event"))
        decision.fields.update(
            {"type": "decision", "organizer": [Ref(author)], "sources": [Ref(doc_key)]}
        )
        if isinstance(date, PartialDate):
            decision.fields["date"] = date
        about = [Ref(e) for e in convened.get(doc_key, [])]
        if about:
            decision.fields["about"] = about
        decision.attrs["decision_of"] = doc_key
        decision.note("a report that convenes, renames or rules acts as a decision")
        decision.evidence.extend(doc.evidence[:1])
        decisions[doc_key] = key
    return decisions


def _renamings(r: Reader, decisions: dict[str, str]) -> None:
    for event_key, former, offset in r.renamings:
        event = r.entity(event_key)
        source = r.source_of(offset)
        act = decisions.get(r.reg.resolve(source)) if source != "article" else None
        act = act or (source if source != "article" else None)
        if act is None:
            continue
        act_entity = r.entity(act)
        when = act_entity.fields.get("date")
        former.renamed_by = Ref(act)  # type: ignore[attr-defined]
        if isinstance(when, PartialDate):
            former.valid_until = when  # type: ignore[attr-defined]
        for name in event.names:
            if (
                name is not former
                and name.kind != "former"
                and r.lex.ordinal(name.text.split()[0]) is not None
            ):
                name.renamed_by = Ref(act)
                name.kind = "preferred"
                if isinstance(when, PartialDate):
                    name.valid_from = when
                break
        if act_entity.fields.get("type") == "decision" and act_entity.known is None:
            series = event.fields.get("series")
            about = act_entity.fields.setdefault("about", [])
            for ref in (Ref(event.key), series):
                if isinstance(ref, Ref) and all(
                    r.reg.resolve(x.key) != r.reg.resolve(ref.key) for x in about
                ):
                    about.append(ref)


def _rules(r: Reader, decisions: dict[str, str]) -> None:
    series = [e for e in r.reg.of_kind("event") if e.fields.get("type") == "series"]
    for sentence in r.a.sentences:
        body = r.text[sentence.start : sentence.end]
        rule_match = _RULE.search(body)
        if not rule_match:
            continue
        quote = r.a.quotation_at(sentence.start + rule_match.start())
        start = max(sentence.start, quote.inner_start) if quote else sentence.start
        end = min(sentence.end, quote.inner_end) if quote else sentence.end
        text = " ".join(r.text[start:end].split()).strip('“”" ')
        source = r.source_of(start)
        decision = decisions.get(r.reg.resolve(source))
        if decision is None or r.entity(decision).known:
            continue
        words = {w.rstrip("s") if not w.endswith("ss") else w for w in name_words(text)}
        words |= {w[:-3] + "y" for w in name_words(text) if w.endswith("ies")}
        applies = [
            Ref(s.key) for s in series if set(s.attrs.get("series_key", "x").split()) <= words
        ]
        rule = {"text": text, "applies_to": applies, "sources": [Ref(source)]}
        r.entity(decision).fields.setdefault("rules", []).append(rule)
        r.entity(decision).note(f"adopts the rule “{text}”", (start, end))


def _subject_before(r: Reader, sentence_start: int, block: int | None) -> str | None:
    """Whom a sentence-initial "He"/"She" stands for: the person who began an earlier sentence
    of the same paragraph."""
    for sentence in reversed(
        [s for s in r.a.sentences if s.start < sentence_start and s.block == block]
    ):
        people = r.mentions_in(sentence.start, sentence.end, ("person",))
        for person in people:
            quote = r.a.quotation_at(person.start)
            lead = r.text[max(sentence.start, quote.inner_start if quote else 0) : person.start]
            if len(lead.split()) <= 8 and "," not in lead:
                return person.entity
    return None


def _conferrals(r: Reader) -> None:
    for sentence in r.a.sentences:
        body = r.text[sentence.start : sentence.end]
        for pattern in _CONFERRAL:
            m = pattern.search(body)
            if not m:
                continue
            title = " ".join(m.group("title").split()).rstrip(' .,”"')
            target_start = sentence.start + m.start("target")
            target_end = sentence.start + m.end("target")
            verb_at = sentence.start + m.start()
            giver = None
            people = r.mentions_in(sentence.start, verb_at, ("person",))
            if people:
                giver = people[-1].entity
            elif re.match(r"\s*[“\"]?(?:He|She)\b", body):
                giver = _subject_before(r, sentence.start, sentence.block)
            targets = [
                x.entity
                for x in r.mentions_in(target_start, target_end, ("post", "organ", "person"))
            ]
            rid = r.known.conferrals.get(match_key(title))
            if rid is not None:
                r.add_mention(
                    Mention(
                        verb_at,
                        sentence.end,
                        r.text[verb_at : sentence.end],
                        r.reg.known(rid, "event").key,
                        "event",
                        "conferral",
                    )
                )
                break
            key = "event:conferral:" + match_key(title)[:60]
            event = r.reg.add(Entity(key, "event"))
            event.fields.update({"type": "conferral", "title": title})
            if giver:
                event.fields["conferred_by"] = Ref(giver)
            if targets:
                event.fields["conferred_on"] = [Ref(t) for t in targets if t]
            target_text = " ".join(r.text[target_start:target_end].split())
            first_title = re.split(r"\s+and\s+", title)[0]
            event.add_name(
                NameDraft(
                    straight(f"Conferral of the title of {first_title} on {target_text}"),
                    derived=True,
                )
            )
            event.attrs["span"] = (verb_at, sentence.end)
            event.note(f"a title conferred: “{title}”", (sentence.start, sentence.end))
            for d in r.dates_in(sentence.start, sentence.end):
                if d.date is not None:
                    event.fields["date"] = d.date
            break


def _locations(r: Reader) -> None:
    places = "|".join(sorted((re.escape(p) for p in r.lex.places), key=len, reverse=True))
    if not places:
        return
    pattern = re.compile(rf"\bin\s+(?P<place>{places})\b")
    events = [
        e
        for e in r.reg.of_kind("event")
        if e.known is None and e.fields.get("type") not in ("series", "decision", "conferral")
    ]
    for m in pattern.finditer(r.text):
        sentence = r.a.sentence_at(m.start())
        if sentence is None:
            continue
        body = r.text[sentence.start : sentence.end]
        if not _CONVENE.search(body) and not re.search(
            r"\b(?:meeting|held|gathering)\b", body, re.I
        ):
            continue
        named = [x for x in r.mentions_in(sentence.start, sentence.end, ("event",))]
        target = r.entity(named[0].entity) if named else None  # type: ignore[arg-type]
        if target is None:
            stated = [
                d.date for d in r.dates_in(sentence.start, sentence.end) if d.date is not None
            ]
            when = stated[0] if stated else None
            later = [
                e for e in events
                if isinstance(e.fields.get("date"), PartialDate) and when is not None
                and e.fields["date"].earliest() >= when.earliest()
            ]  # fmt: skip
            later.sort(key=lambda e: e.fields["date"].earliest())
            target = later[0] if later else None
            if target is not None:
                for post in r.mentions_in(sentence.start, sentence.end, ("post",)):
                    target.attrs.setdefault("participants", []).append(
                        (post.entity, sentence.start)
                    )
                target.attrs.setdefault("extra_sources", []).append(sentence.start)
        if target is not None and target.known is None and "location" not in target.fields:
            target.fields["location"] = m.group("place")
            target.note(f"in {m.group('place')}", (sentence.start, sentence.end))


def _participants(r: Reader) -> None:
    """Events named for their participants ("Meeting of Party Cell Secretaries") have them."""
    posts = [Mention(s, e, r.text[s:e], k, "post") for s, e, k in r.post_spans]
    for event in r.reg.of_kind("event"):
        if event.known or event.fields.get("type") in ("decision", "conferral"):
            continue
        series = event.fields.get("series")
        keys = {event.attrs.get("series_key", "")}
        if isinstance(series, Ref):
            keys.add(r.entity(series.key).attrs.get("series_key", ""))
        spans = [s for n in event.names for s in n.spans]
        refs: list[str] = []
        for post in posts:
            if any(s[0] <= post.start and post.end <= s[1] for s in spans):
                refs.append(r.reg.resolve(post.entity))  # type: ignore[arg-type]
        for ref, _ in event.attrs.get("participants", []):
            refs.append(r.reg.resolve(ref))
        if not refs and event.fields.get("type") != "series":
            # Renamed events: their names use the same words as a post ("Secretaries of Cells").
            for post in posts:
                post_words = set(
                    series_key(
                        r.entity(post.entity).names[0].text
                        if r.entity(post.entity).names
                        else post.text
                    ).split()
                )  # type: ignore[arg-type]
                if post_words and any(post_words - {"of"} <= set(k.split()) for k in keys if k):
                    refs.append(r.reg.resolve(post.entity))  # type: ignore[arg-type]
                    break
        if refs:
            unique = sorted(set(refs), key=refs.index)
            event.fields["participants"] = [Ref(x) for x in unique]


# -- memberships -----------------------------------------------------------------------------


def _memberships(r: Reader) -> None:
    pattern = re.compile(
        r"(?:’s|'s)\s+(?P<alt>alternate\s+|candidate\s+)?membership\s+(?:on|in|of)\s+(?:the\s+)?(?:its\s+)?"
    )
    for mention in [m for m in r.mentions if m.kind == "person" and m.entity]:
        m = pattern.match(r.text[mention.end : mention.end + 60])
        if not m:
            continue
        organ = r.mention_at(mention.end + m.end(), kinds=("organ",))
        if organ is None or organ.entity is None:
            continue
        block_index = r.a.block_at(mention.start)
        block = r.a.blocks[block_index] if block_index is not None else None
        scope = (
            r.text[block.start : block.end] if block else r.text[mention.start : mention.end + 200]
        )
        status = "reported"
        if re.search(r"\bproject", scope, re.I):
            status = "projected"
        elif re.search(r"\b(?:confirm|elected|appointed)", scope, re.I):
            status = "confirmed"
        as_of = None
        if block:
            for date in r.dates_in(block.start, block.end):
                if (
                    re.search(r"\bas\s+of\s+$", r.text[max(0, date.start - 8) : date.start])
                    and date.date
                ):
                    as_of = date.date
        person, organ_key = r.reg.resolve(mention.entity), r.reg.resolve(organ.entity)
        role = "alternate-member" if m.group("alt") else "member"
        person_id, organ_id = r.entity(person).known, r.entity(organ_key).known
        if person_id and organ_id and (person_id, organ_id, role) in r.known.memberships:
            continue  # a record already
        key = f"membership:{person}:{organ_key}:{role}"
        membership = r.reg.add(Entity(key, "membership"))
        membership.fields.update(
            {"person": Ref(person), "organ": Ref(organ_key), "role": role, "status": status}
        )
        if as_of or r.reference:
            membership.fields["as_of"] = as_of or r.reference
        span = (mention.start, organ.end)
        membership.attrs["span"] = span
        membership.note(f"“{r.text[span[0] : span[1]]}” ({status})", span)


# -- the article --------------------------------------------------------------------------------


def _image_title(caption: str) -> str:
    text = re.sub(
        r"^(?:Graphic|Photo|Image|Map|Chart|Illustration)s?\s+(?:of|showing)\s+",
        "",
        caption.strip(),
        flags=re.I,
    )
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.split(r",\s+|;\s+|\s+—\s+", text)[0].strip().rstrip(".")
    text = straight(text)
    return text[:1].upper() + text[1:] if text else caption


def _article(r: Reader) -> None:
    article = r.article
    # Images: part of the article, about what their captions name.
    for key in r.images:
        image = r.entity(key)
        image.fields["part_of"] = Ref(article.key)
        image.fields.setdefault("title", _image_title(image.fields.get("caption", "")))
        start, end = image.attrs["caption"]
        about, mentions = [], []
        for m in r.mentions_in(start, end):
            target = about if m.kind in ("organ", "event") else mentions
            if r.reg.resolve(m.entity) not in target:  # type: ignore[arg-type]
                target.append(r.reg.resolve(m.entity))  # type: ignore[arg-type]
        image.fields["about"] = [Ref(x) for x in about]
        image.fields["mentions"] = [Ref(x) for x in mentions if x not in about]
    # Documents cite what is quoted or named inside their own quotations.
    cites: dict[str, list[str]] = {}
    mentioned: dict[str, list[str]] = {}
    for start, _end, doc in r.doc_mentions:
        owner = r.reg.resolve(r.source_of(start))
        doc = r.reg.resolve(doc)
        if doc != owner:
            cites.setdefault(owner, [])
            if doc not in cites[owner]:
                cites[owner].append(doc)
    for quote in r.quotes:
        if quote.source:
            owner = r.reg.resolve(r.source_of(max(0, quote.start - 1)))
            source = r.reg.resolve(quote.source)
            if source != owner and source not in cites.setdefault(owner, []):
                cites[owner].append(source)
    for mention in r.mentions:
        if not mention.entity or mention.kind == "article":
            continue
        owner = r.reg.resolve(r.source_of(mention.start))
        entity = r.reg.resolve(mention.entity)
        if entity not in mentioned.setdefault(owner, []):
            mentioned[owner].append(entity)
    for owner, docs in cites.items():
        entity = r.entity(owner)
        if entity.known is None and owner != article.key and entity.fields.get("type") != "image":
            entity.fields["cites"] = [Ref(d) for d in docs]
    for owner, entities in mentioned.items():
        entity = r.entity(owner)
        if entity.known is None and owner != article.key and entity.fields.get("type") != "image":
            entity.fields["mentions"] = [Ref(e) for e in entities]
    # The article: everything it names; what its headline names is what it is about.
    everything = []
    for mention in r.mentions:
        if mention.entity and mention.kind in ("person", "organ", "post", "event"):
            key = r.reg.resolve(mention.entity)
            if key not in everything:
                everything.append(key)
    for key in sorted(r.nested):
        key = r.reg.resolve(key)
        if key not in everything:
            everything.append(key)
    for entity in r.reg.of_kind("event"):
        if entity.key not in everything and (
            entity.fields.get("type") in ("decision", "series") or entity.known is None
        ):
            everything.append(entity.key)
    article.fields["mentions"] = [Ref(k) for k in everything]
    cited = []
    for owner_docs in [cites.get(article.key, [])]:
        for doc in owner_docs:
            if r.entity(doc).fields.get("type") != "image" and doc not in cited:
                cited.append(doc)
    article.fields["cites"] = [Ref(d) for d in cited]
    about: list[str] = []
    title_blocks = [b for b in r.a.blocks if b.kind == "title"]
    if title_blocks:
        block = title_blocks[0]
        for m in r.mentions_in(block.start, block.end):
            key = r.reg.resolve(m.entity)  # type: ignore[arg-type]
            if key not in about:
                about.append(key)
        for d in _docs_in(r, block.start, block.end):
            if d[2] not in about:
                about.append(r.reg.resolve(d[2]))
        for date in r.dates_in(block.start, block.end):
            if date.date is None:
                continue
            for event in r.reg.of_kind("event"):
                when = event.fields.get("date")
                if isinstance(when, PartialDate):
                    iso = when.iso
                else:
                    iso = r.known.event_dates.get(event.known or "")
                if (
                    iso == date.date.iso
                    and event.fields.get("type") != "decision"
                    and event.key not in about
                ):
                    about.append(event.key)
        # "Political Bureau Issues Report": the report of the organ the headline names.
        if re.search(
            r"\b(?:issues?|releases?|publishes?|adopts?)\s+(?:a\s+)?(?:report|decision|statement)\b",
            r.text[block.start : block.end],
            re.I,
        ):
            for m in r.mentions_in(block.start, block.end, ("organ",)):
                doc = _doc_by(r, m.entity)  # type: ignore[arg-type]
                if doc and r.reg.resolve(doc) not in about:
                    about.append(r.reg.resolve(doc))
    article.fields["about"] = [Ref(k) for k in about]
    article.fields["quotes"] = [
        {
            "text": q.text,
            "source": Ref(q.source) if q.source else None,
            "speaker": Ref(q.speaker) if q.speaker else None,
        }
        for q in r.quotes
    ]
    # Publisher inferred from the image credits when they all name one outlet.
    publishers = {
        r.reg.resolve(r.entity(k).fields["publisher"].key)
        for k in r.images
        if isinstance(r.entity(k).fields.get("publisher"), Ref)
    }
    if len(publishers) == 1 and all(
        isinstance(r.entity(k).fields.get("publisher"), Ref) for k in r.images
    ):
        article.attrs["credited_publisher"] = next(iter(publishers))
    creators = {r.entity(k).attrs.get("creator") for k in r.images}
    if len(creators) == 1 and None not in creators:
        article.attrs["credited_creator"] = next(iter(creators))
    if r.byline_authors:
        article.attrs["byline_authors"] = list(r.byline_authors)
