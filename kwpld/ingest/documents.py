"""The documents an article cites, and the quotations it attributes to them.

"DPRK state media reported on 25 January" is a news report of that outlet; "the Political
Bureau disseminated a report on 23 January" a report of that organ, which "the Political
Bureau’s report" and "its report" refer to again; "a long essay “Title” by X published in Y on
D" a titled work; "the New Year’s address" a recurring document of the article's year. Then
every quotation goes to the document it comes from ("according to X:", "X announced that",
"..., saying", the document the sentence names), and an excerpt introduced "below:" is one
quotation of the work it introduces.
"""

from __future__ import annotations

import calendar
import re

from ..dates import PartialDate
from ..names import match_key
from .discover import straight
from .entities import Entity, Mention, Ref
from .read import QuoteFound, Reader

__all__ = ["documents", "quotes", "long_date", "docs_in", "doc_by", "speaker_of"]

_MEDIA_KINDS = ("state-media", "news-agency", "newspaper", "media-outlet")


_EXCERPT = re.compile(
    r"(?:excerpted|excerpts?|reproduced|quoted|translated|text)\s+(?:is\s+|are\s+)?below\s*[:.]?\s*$"
    r"|(?:as\s+follows|reads|read)\s*:\s*$|\bbelow\s*:\s*$",
    re.I,
)


def long_date(date: PartialDate) -> str:
    """28 January 2013, January 2013 or 2013, as the records write dates in titles."""
    if date.day:
        return f"{date.day} {calendar.month_name[date.month or 1]} {date.year}"
    if date.month:
        return f"{calendar.month_name[date.month]} {date.year}"
    return str(date.year)


# -- honorifics and epithets --------------------------------------------------------------------


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


def documents(r: Reader) -> None:
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


def docs_in(r: Reader, start: int, end: int) -> list[tuple[int, int, str]]:
    return sorted((d for d in r.doc_mentions if start <= d[0] and d[1] <= end), key=lambda d: d[0])


def doc_by(r: Reader, issuer: str) -> str | None:
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


def speaker_of(r: Reader, doc: str) -> str | None:
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
        docs = docs_in(r, x_start, x_end)
        agents = r.mentions_in(x_start, x_end, ("organ", "person"))
        if how == "according" and docs:
            return docs[0][2], speaker_of(r, docs[0][2]), "according to"
        if how == "saying":
            first = min(
                [(d[0], "doc", d[2]) for d in docs]
                + [(a.start, "agent", a.entity) for a in agents],
                default=None,
            )
            if first is not None:
                if first[1] == "doc":
                    return first[2], speaker_of(r, first[2]), "said in"  # type: ignore[arg-type]
                return doc_by(r, first[2]), first[2], "said by"  # type: ignore[arg-type]
            continue
        if how == "verb":
            last = max(
                [(d[1], "doc", d[2]) for d in docs] + [(a.end, "agent", a.entity) for a in agents],
                default=None,
            )
            if last is not None:
                if last[1] == "doc":
                    return last[2], speaker_of(r, last[2]), "stated in"  # type: ignore[arg-type]
                return doc_by(r, last[2]), last[2], "stated by"  # type: ignore[arg-type]
        if how == "according" and agents:
            return doc_by(r, agents[0].entity), agents[0].entity, "according to"  # type: ignore[arg-type]
    docs = docs_in(r, s_start, start)
    if docs:
        return (
            docs[-1][2],
            speaker_of(r, docs[-1][2]),
            "quoted from the document the sentence names",
        )
    return None, None, "unattributed"


def quotes(r: Reader) -> None:
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
        docs = docs_in(r, s_start, block.end)
        titled = [d for d in docs if r.entity(d[2]).attrs.get("titled")]
        chosen = (titled or docs)[0 if titled else -1][2] if docs else None
        start, end = blocks[following[0]].start, blocks[following[-1]].end
        text = "\n\n".join(r.text[blocks[i].start : blocks[i].end] for i in following)
        how = (
            "an excerpt introduced as “" + " ".join(r.text[s_start : block.end].split()[-6:]) + "”"
        )
        r.quotes.append(
            QuoteFound(
                start, end, text, chosen, speaker_of(r, chosen) if chosen else None, how, True
            )
        )
        taken.update(following)
    for index, block in enumerate(blocks):
        if block.kind != "quote" or index in taken:
            continue
        source, speaker, how = _attribute(r, block.start, block.end)
        if source is None and index > 0:
            previous = blocks[index - 1]
            docs = docs_in(r, previous.start, previous.end)
            if docs:
                source, speaker, how = (
                    docs[-1][2],
                    speaker_of(r, docs[-1][2]),
                    "a block quotation after the paragraph naming it",
                )
        body = r.text[block.start : block.end]
        r.quotes.append(QuoteFound(block.start, block.end, body, source, speaker, how, True))
    r.quotes.sort(key=lambda q: q.start)


# -- posts ------------------------------------------------------------------------------------
