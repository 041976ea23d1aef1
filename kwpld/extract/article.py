"""The article pass: what the article and its images are about, mention and cite. Images are
part of the article and about what their captions name; documents cite what is quoted or named
in their own quotations; the article mentions everything it names and is about what its
headline names (and the report of an organ a headline says "issues" one)."""

from __future__ import annotations

import re

from ..dates import PartialDate
from ..reading.entities import Ref
from ..reading.state import Context, Found
from ..reading.words import straight
from .documents import doc_by, docs_in

__all__ = ["article"]


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


def article(r: Context) -> Found:
    """The article and its images, as records refer to them: what each image shows, what each
    cited document cites and names, everything the article names, what its headline says it
    is about, its quotations, and the publisher and creator its image credits give."""
    article = r.article
    _images(r, article.key)
    cites = _citations(r, article.key)
    # The article: everything it names; what its headline names is what it is about.
    article.fields["mentions"] = [Ref(k) for k in _everything(r)]
    cited = []
    for doc in cites.get(article.key, []):
        if r.reg.peek(doc).fields.get("type") != "image" and doc not in cited:
            cited.append(doc)
    article.fields["cites"] = [Ref(d) for d in cited]
    about = _headline(r)
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
        r.reg.resolve(r.reg.peek(k).fields["publisher"].key)
        for k in r.images
        if isinstance(r.reg.peek(k).fields.get("publisher"), Ref)
    }
    if len(publishers) == 1 and all(
        isinstance(r.reg.peek(k).fields.get("publisher"), Ref) for k in r.images
    ):
        article.attrs["credited_publisher"] = next(iter(publishers))
    creators = {r.reg.peek(k).attrs.get("creator") for k in r.images}
    if len(creators) == 1 and None not in creators:
        article.attrs["credited_creator"] = next(iter(creators))
    if r.byline_authors:
        article.attrs["byline_authors"] = list(r.byline_authors)
    return r.found()


def _images(r: Context, article_key: str) -> None:
    """Images: part of the article, about what their captions name."""
    for key in r.images:
        image = r.entity(key)
        image.fields["part_of"] = Ref(article_key)
        image.fields.setdefault("title", _image_title(image.fields.get("caption", "")))
        start, end = image.attrs["caption"]
        shows: list[str] = []
        names: list[str] = []
        for m in r.mentions_in(start, end):
            target = shows if m.kind in ("organ", "event") else names
            if m.entity is not None and r.reg.resolve(m.entity) not in target:
                target.append(r.reg.resolve(m.entity))
        image.fields["about"] = [Ref(x) for x in shows]
        image.fields["mentions"] = [Ref(x) for x in names if x not in shows]


def _citations(r: Context, article_key: str) -> dict[str, list[str]]:
    """Documents cite what is quoted or named inside their own quotations: the documents each
    document (the article too) cites, by entity key; a cited document's own ``cites`` and
    ``mentions`` are set here."""
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
        entity_key = r.reg.resolve(mention.entity)
        if entity_key not in mentioned.setdefault(owner, []):
            mentioned[owner].append(entity_key)
    for owner, docs in cites.items():
        entity = r.entity(owner)
        if entity.known is None and owner != article_key and entity.fields.get("type") != "image":
            entity.fields["cites"] = [Ref(d) for d in docs]
    for owner, entities in mentioned.items():
        entity = r.entity(owner)
        if entity.known is None and owner != article_key and entity.fields.get("type") != "image":
            entity.fields["mentions"] = [Ref(e) for e in entities]
    return cites


def _everything(r: Context) -> list[str]:
    """Every person, organ, post and event the article names (and organs named inside other
    names, and events it states), in text order."""
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
    return everything


def _headline(r: Context) -> list[str]:
    """What the headline names is what the article is about: its mentions, the documents
    and the events of the dates it gives, and the report of an organ that "issues" one."""
    about: list[str] = []
    title_blocks = [b for b in r.doc.blocks if b.kind == "title"]
    if title_blocks:
        block = title_blocks[0]
        for m in r.mentions_in(block.start, block.end):
            if m.entity is None:
                continue
            key = r.reg.resolve(m.entity)
            if key not in about:
                about.append(key)
        for d in docs_in(r, block.start, block.end):
            if d[2] not in about:
                about.append(r.reg.resolve(d[2]))
        for date in r.dates_in(block.start, block.end):
            if date.date is None:
                continue
            for event in r.reg.of_kind("event"):
                when = event.fields.get("date")
                iso: str | None
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
                doc_key = doc_by(r, m.entity)  # type: ignore[arg-type]
                if doc_key and r.reg.resolve(doc_key) not in about:
                    about.append(r.reg.resolve(doc_key))
    return about
