"""The documents pass: what an article cites. "DPRK state media reported on 25 January" is a
news report of that outlet; "the Political Bureau disseminated a report on 23 January" a report
of that organ, which "the Political Bureau’s report" and "its report" refer to again; "a long
essay “Title” by X published in Y on D" a titled work; "the New Year’s address" a recurring
document of the article's year."""

from __future__ import annotations

import re

from ..dates import PartialDate
from ..names import match_key
from ..reading.entities import Entity, Mention, Ref
from ..reading.state import Context, Found
from ..reading.words import straight

__all__ = ["documents", "docs_in", "doc_by", "speaker_of"]

_MEDIA_KINDS = ("state-media", "news-agency", "newspaper", "media-outlet")


def _document(
    r: Context,
    doc_type: str,
    issuer: str,
    role: str,
    date: PartialDate | None,
    span: tuple[int, int],
    why: str,
) -> str:
    """The document of ``doc_type`` issued by ``issuer`` (author or publisher) on ``date``."""
    known_issuer = r.reg.peek(issuer).known
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


def documents(r: Context) -> Found:
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
        sentence = r.doc.sentence_at(m.start())
        if sentence is None:
            continue
        # "the Political Bureau disseminated (through party cells ...) its report": the organ
        # the clause is about, not one named in a parenthesis.
        organs = [
            x
            for x in r.mentions_in(sentence.start, m.start(), ("organ",))
            if not r.doc.in_parens(x.start)
        ]
        if organs:
            doc_type = lex.document_nouns[m.group("noun").lower()]
            _document(r, doc_type, organs[-1].entity, "author", None, m.span(), f"“{m.group(0)}”")  # type: ignore[arg-type]
    _titled_works(r, nouns)
    _recurring_documents(r)
    return r.found()


def _titled_works(r: Context, nouns: str) -> None:
    """A long essay “Party Cells Are Cornerstones ...” by Kim Jong Su, published in Rodong
    Sinmun: a titled work, its author, publisher and date."""
    before = re.compile(rf"\b(?P<noun>{nouns}|book|work|titled|entitled)\s*,?\s*$", re.I)
    for quote in r.doc.quotations:
        sentence = r.doc.sentence_at(quote.start)
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
        entity, new = _titled(r, title, doc_type)
        if new:
            entity.fields["title"] = straight(title) if "’" in title else title
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
        inside = range(quote.inner_start, quote.inner_end + 1)
        r.mentions.replace([x for x in r.mentions if not (x.start in inside and x.end in inside)])
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


def _recurring_documents(r: Context) -> None:
    for doc in r.lex.recurring_documents:
        words = doc.phrase.replace("'", "['’]").split()
        pattern = re.compile(r"\b" + r"\s+".join(words) + r"\b", re.I)
        for m in pattern.finditer(r.text):
            year = r.reference.year if r.reference else None
            if year is None:
                continue
            title = doc.title.format(year=year)
            entity, new = _titled(r, title, doc.type)
            if new:
                entity.fields["title"] = title
                entity.fields["date"] = PartialDate(year, doc.month, doc.day)
                entity.note(f"“{m.group(0)}” in an article of {year}", m.span())
                sentence = r.doc.sentence_at(m.start())
                if sentence is not None and "authors" not in entity.fields:
                    people = r.mentions_in(sentence.start, m.start(), ("person",))
                    if people:
                        entity.fields["authors"] = [Ref(people[0].entity)]  # type: ignore[arg-type]
                        entity.note(f"given by {people[0].text}")
            r.doc_mentions.append((m.start(), m.end(), entity.key))


def _titled(r: Context, title: str, doc_type: str) -> tuple[Entity, bool]:
    """The article titled ``title``: the record with that title, else a draft of that type
    (True: a draft the caller fills in). Either is marked as named by its title."""
    rid = r.known.articles_by_title.get(match_key(title))
    if rid is not None:
        entity = r.reg.known(rid, "article")
    else:
        entity = r.reg.add(Entity("article:title:" + match_key(title), "article"))
        entity.fields.setdefault("type", doc_type)
    entity.attrs["titled"] = True
    return entity, rid is None


# -- lookups other passes make --------------------------------------------------------------------


def docs_in(r: Context, start: int, end: int) -> list[tuple[int, int, str]]:
    """Document mentions inside [start, end), in text order."""
    return sorted((d for d in r.doc_mentions if start <= d[0] and d[1] <= end), key=lambda d: d[0])


def doc_by(r: Context, issuer: str) -> str | None:
    """The one document of the article issued by ``issuer`` (a record's, or a new one)."""
    issuer = r.reg.resolve(issuer)
    issuer_id = r.reg.peek(issuer).known
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


def speaker_of(r: Context, doc: str) -> str | None:
    """Who speaks in a document: its first author, else its publisher."""
    entity = r.reg.peek(doc)
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
