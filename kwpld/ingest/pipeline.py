"""``kwpld ingest``: articles in, an article record, drafts to review and annotations out.

For each article (``DATA_DIR/articles/<id>.*``):

``<id>.yaml``
    The article record and its images, referring only to records that exist: it loads with the
    rest of the folder at once. ``kwpld accept`` rewrites it as drafts become records.
``<id>.review.yaml``
    Drafts of the new entities the article names, with why and the supporting sentences; the
    full article record; the problems found (contradictory dates, ambiguous names).
``<id>.txt``
    The text every offset counts in (the file itself for plain text and Markdown, the page's
    text for HTML).
``<id>.annotations.jsonld``
    W3C Web Annotations of every mention and date (see :mod:`kwpld.ingest.annotations`).

The data folder is read once per run (records, and drafts pending review, so that two articles
naming the same new person propose one draft), every article is read against it, and all files
are written together: if the folder no longer loads afterwards, every file is restored.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import DateError, PartialDate, parse_date
from ..errors import InputError
from ..load import load_records
from ..model import Records
from ..names import match_key, name_words, slugify
from ..reading.document import read_document
from ..reading.entities import Entity, NameDraft, Ref
from ..reading.known import Known
from ..review import commit_writes, load_review, pending_drafts, render_articles, render_review
from ..sources import MEDIA_TYPES, Source, fetch_url, read_source, read_text_source
from ..vocab import vocabularies
from .annotations import dumps, web_annotations
from .drafts import Drafted, date_value, finalize
from .read import Reading, read_article

__all__ = [
    "ARTICLES_DIR",
    "IngestOptions",
    "IngestedArticle",
    "IngestResult",
    "article_meta",
    "ingest",
    "read_one",
]

ARTICLES_DIR = "articles"
_ID = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
_FORMATS = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}


@dataclass
class IngestOptions:
    """What the curator knows about the articles that the text may not say."""

    article_id: str | None = None
    article_type: str | None = None
    date: str | None = None
    authors: Sequence[str] = ()
    publisher: str | None = None
    language: str | None = None
    url: str | None = None
    input_format: str | None = None
    """text, markdown or html; default: from each file's extension"""
    base_iri: str | None = None


@dataclass
class IngestedArticle:
    id: str
    input: str
    title: str
    files: dict[str, Path]
    mentions: int
    known_mentions: int
    dates: int
    date_problems: int
    quotes: int
    images: int
    drafts: dict[str, int]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report of one article as ``kwpld ingest --format json`` writes it."""
        return {
            "id": self.id,
            "input": self.input,
            "title": self.title,
            "mentions": self.mentions,
            "mentions_of_records": self.known_mentions,
            "dates": self.dates,
            "date_problems": self.date_problems,
            "quotes": self.quotes,
            "images": self.images,
            "drafts": self.drafts,
            "files": {k: str(v) for k, v in self.files.items()},
            "notes": self.notes,
        }


@dataclass
class IngestResult:
    data_dir: Path
    articles: list[IngestedArticle]

    @property
    def drafts(self) -> int:
        return sum(sum(a.drafts.values()) for a in self.articles)


def ingest(
    paths: Sequence[str | Path] = (),
    into: str | Path = ".",
    *,
    options: IngestOptions | None = None,
    urls: Sequence[str] = (),
) -> IngestResult:
    """Ingest article files (and URLs) into the data folder ``into``; see the module docstring."""
    with _few_collections():
        return _ingest(paths, into, options or IngestOptions(), urls)


def _ingest(
    paths: Sequence[str | Path], into: str | Path, options: IngestOptions, urls: Sequence[str]
) -> IngestResult:
    if not paths and not urls:
        raise InputError("give at least one article file (or --url)")
    if options.article_id and len(paths) + len(urls) > 1:
        raise InputError(
            "--id names one article; ingest several files without it (ids come from file names)"
        )
    if options.input_format and options.input_format not in _FORMATS:
        raise InputError(f"--format {options.input_format}: use text, markdown or html")
    root = Path(into)
    if root.exists() and not root.is_dir():
        raise InputError(f"{root}: not a folder; --into names the data folder to write into")
    root.mkdir(parents=True, exist_ok=True)
    records = load_records(root)
    media_type = _FORMATS.get(options.input_format or "")
    inputs = [(Path(path).as_posix(), read_source(path, media_type)) for path in paths]
    for url in urls:
        text, kind = fetch_url(url)
        source = read_text_source(text, media_type or kind, url)
        source.meta.setdefault("url", url)
        inputs.append((url, source))
    sources: list[tuple[str, Source, dict[str, Any]]] = []
    seen: dict[str, str] = {}
    for label, source in inputs:
        meta = article_meta(label, source, options)
        article_id = meta["id"]
        if article_id in seen:
            raise InputError(
                f"{label}: the article id '{article_id}' is also that of {seen[article_id]}; "
                "give distinct ids"
            )
        seen[article_id] = label
        sources.append((label, source, meta))
    # An article ingested again is read afresh: what its last ingest wrote is not "known".
    own = {f"{ARTICLES_DIR}/{article_id}.yaml" for article_id in seen}
    reviews = {f"{ARTICLES_DIR}/{article_id}.review.yaml" for article_id in seen}
    known = Known.build(
        [r for r in records if r.origin.file not in own], pending_drafts(root, skip=reviews)
    )
    base = options.base_iri or records.info.base_iri
    writes: dict[Path, str] = {}
    articles: list[IngestedArticle] = []
    with _long_lived():
        for label, source, meta in sources:
            article, files, drafts = _ingest_one(root, label, source, meta, records, known, base)
            writes.update(files)
            articles.append(article)
            for draft in drafts:  # the next articles of this run recognize these drafts by name
                if draft["status"] == "pending":
                    known.add_draft(draft)
        commit_writes(root, writes, loaded=records)
    return IngestResult(root, articles)


@contextmanager
def _long_lived() -> Iterator[None]:
    """The folder's records and its name index live as long as the run: kept out of the cyclic
    garbage collector's sight (:func:`gc.freeze`), so that its full collections, which articles'
    short-lived objects trigger, do not walk them again each time (a seventh of the CPU of 300
    articles). Unfrozen at the end unless the caller had frozen objects itself."""
    frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen:
            gc.unfreeze()


@contextmanager
def _few_collections() -> Iterator[None]:
    """The youngest generation collected every 50,000 allocations instead of 700 for the run.
    Reading the folder and an article makes objects that live until the run or the article
    ends, so the default collections mostly walked live objects and moved them up, which set
    off the older collections (1.0 s of 18 s CPU for 300 articles, 0.2 s with this threshold;
    the same peak memory)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


_YOUNG = 50_000


def read_one(source: Source, known: Known, meta: dict[str, Any]) -> tuple[Reading, Drafted]:
    """Read one article against ``known`` and draft its records (no files written)."""
    document = read_document(source)
    reading = read_article(
        document,
        known,
        article_id=meta["id"],
        date=meta.get("date"),
        article_type=meta.get("type", "news"),
    )
    notes = _agents(reading, known, meta)
    drafted = finalize(reading, known, article_id=meta["id"], meta=meta)
    drafted.article["title"] = meta["title"]
    if meta.get("url"):
        drafted.article["url"] = meta["url"]
    stamped = reading.reference is not None and not reading.reference_inferred
    if meta.get("date") is None and reading.reference is not None and stamped:
        # a by-line's or a closing line's day ("Rodong Sinmun, December 2, 2017")
        drafted.article["date"] = date_value(reading.reference)
        notes.append(f"The date ({reading.reference.iso}) is the one the text's by-line gives.")
    elif meta.get("date") is None and reading.reference is not None:
        drafted.article["date"] = date_value(
            PartialDate(reading.reference.year, reading.reference.month)
        )
        notes.append(
            f"The date ({reading.reference.iso}) is inferred from the latest date the text states; "
            "the day of publication is not stated."
        )
    elif meta.get("date") is not None:
        drafted.article["date"] = date_value(meta["date"])
    for image in drafted.images:  # an article's images are of its date
        if drafted.article.get("date") and "date" not in image:
            image["date"] = drafted.article["date"]
        drafted.images[drafted.images.index(image)] = _ordered_article(image)
    if notes:
        drafted.article["note"] = " ".join(notes)
    drafted.article = _ordered_article(drafted.article)
    return reading, drafted


def _ingest_one(
    root: Path,
    label: str,
    source: Source,
    meta: dict[str, Any],
    records: Records,
    known: Known,
    base: str,
) -> tuple[IngestedArticle, dict[Path, str], list[dict[str, Any]]]:
    article_id = meta["id"]
    folder = root / ARTICLES_DIR
    own_file = f"{ARTICLES_DIR}/{article_id}.yaml"
    existing = records.get(article_id)
    curated = existing is not None and existing.origin.file != own_file
    if existing is not None and existing.kind != "article":
        raise InputError(
            f"{label}: the id '{article_id}' is already the {existing.kind} at "
            f"{existing.origin}; use --id"
        )
    reading, drafted = read_one(source, known, meta)
    review_path = folder / f"{article_id}.review.yaml"
    drafts = _review_drafts(drafted, _old_statuses(review_path))
    article_records = [drafted.article, *drafted.images]
    allowed = set(known.ids)
    files: dict[Path, str] = {}
    notes = []
    article_text = render_articles(article_records, allowed)
    if existing is not None and curated:
        notes.append(
            f"the article is already a record ({existing.origin}); its file was left as it is"
        )
    else:
        files[folder / f"{article_id}.yaml"] = article_text
    counts = _pending_counts(drafts)
    known_mentions = sum(
        1 for m in reading.mentions if m.entity and reading.registry.get(m.entity).known
    )
    review: dict[str, Any] = {
        "kwpld-review": 1,
        "article": article_id,
        "source": {"input": label, "media_type": source.media_type, "sha256": source.sha256},
        "text": f"{article_id}.txt",
        "article_file": None if curated else f"{article_id}.yaml",
        "article_sha256": None
        if curated
        else hashlib.sha256(article_text.encode("utf-8")).hexdigest(),
        "summary": _summary(reading, known_mentions, counts),
        "records": article_records,
        "drafts": drafts,
        "problems": drafted.problems,
    }
    if drafted.identities:
        review["identity"] = drafted.identities
    files[review_path] = render_review(review)
    files[folder / f"{article_id}.txt"] = source.text
    annotations = web_annotations(reading, drafted, base_iri=base, title=meta["title"])
    files[folder / f"{article_id}.annotations.jsonld"] = dumps(annotations)
    article = IngestedArticle(
        id=article_id,
        input=label,
        title=meta["title"],
        files={
            "article": folder / f"{article_id}.yaml",
            "review": review_path,
            "text": folder / f"{article_id}.txt",
            "annotations": folder / f"{article_id}.annotations.jsonld",
        },
        mentions=len(reading.mentions),
        known_mentions=known_mentions,
        dates=len(reading.dates),
        date_problems=sum(1 for d in reading.dates if d.problems),
        quotes=len(reading.quotes),
        images=len(reading.images),
        drafts=counts,
        notes=notes,
    )
    if curated:
        del article.files["article"]
    return article, files, drafts


def _review_drafts(drafted: Drafted, statuses: dict[str, str]) -> list[dict[str, Any]]:
    """The drafts as the review file holds them; a draft the curator rejected before (in the
    review file this run replaces) stays rejected."""
    drafts: list[dict[str, Any]] = []
    for draft in drafted.drafts:
        item: dict[str, Any] = {
            "id": draft.id,
            "kind": draft.kind,
            "status": "rejected" if statuses.get(draft.id) == "rejected" else "pending",
            "why": draft.why,
        }
        if draft.fact is not None:
            item["fact"] = draft.fact
        if draft.identity is not None:
            item["identity"] = draft.identity
        item["evidence"] = [
            {k: e[k] for k in ("at", "text", "sentence", "spans") if k in e} for e in draft.evidence
        ]
        item["record"] = draft.record
        drafts.append(item)
    return drafts


def _pending_counts(drafts: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in drafts:
        if item["status"] == "pending":
            counts[item["kind"]] = counts.get(item["kind"], 0) + 1
    return counts


def _summary(reading: Reading, known_mentions: int, counts: dict[str, int]) -> dict[str, Any]:
    """What the review file says was read: mentions (of records), dates, quotations, images
    and the drafts pending by kind."""
    return {
        "mentions": len(reading.mentions),
        "mentions_of_records": known_mentions,
        "dates": len(reading.dates),
        "quotes": len(reading.quotes),
        "images": len(reading.images),
        "drafts": dict(sorted(counts.items())),
    }


def _old_statuses(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    review = load_review(path)
    if review is None:
        return {}
    return {d["record"]["id"]: d.get("status", "pending") for d in review.drafts}


# -- metadata -----------------------------------------------------------------------------------


def article_meta(label: str, source: Source, options: IngestOptions) -> dict[str, Any]:
    """What is known about the article: options first, then what the file states."""
    found = dict(source.meta)
    meta: dict[str, Any] = {}
    title = found.get("title")
    if not title:
        titles = [b for b in source.blocks if b.kind == "title"]
        block = titles[0] if titles else (source.blocks[0] if source.blocks else None)
        title = source.block_text(block) if block else Path(label).stem
    meta["title"] = " ".join(str(title).split())
    article_id = options.article_id or found.get("id")
    if article_id is None:
        stem = Path(label).name
        for suffix in sorted(MEDIA_TYPES, key=len, reverse=True):
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        article_id = (
            stem if _ID.match(stem) and not label.startswith(("http://", "https://")) else None
        )
    if article_id is None:
        slug = (
            slugify(meta["title"])[:80].rsplit("-", 1)[0]
            if len(slugify(meta["title"])) > 80
            else slugify(meta["title"])
        )
        article_id = slug or "article"
    if not isinstance(article_id, str) or not _ID.match(article_id):
        raise InputError(
            f"{label}: '{article_id}' is not a record id (lowercase letters, digits, '.', '_', "
            "'-'); give one with --id"
        )
    meta["id"] = article_id
    article_type = options.article_type or found.get("type") or "news"
    types = vocabularies()["article-type"].notations
    if article_type not in types or article_type == "image":
        raise InputError(
            f"{label}: '{article_type}' is not an article type; use one of "
            + ", ".join(t for t in types if t != "image")
        )
    meta["type"] = article_type
    date = options.date or found.get("date")
    if date is not None:
        text = str(date)
        iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", text)  # HTML meta: 2013-01-27T10:00:00+09:00
        try:
            meta["date"] = parse_date(iso.group(1) if iso else text)
        except DateError as exc:
            raise InputError(f"{label}: the article's date: {exc}") from None
    authors = list(options.authors) or _as_list(found.get("authors") or found.get("author"))
    meta["authors"] = [
        (a, "--author" if options.authors else "the file's metadata") for a in authors
    ]
    publisher = options.publisher or found.get("publisher")
    if publisher:
        meta["publisher"] = (
            str(publisher),
            "--publisher" if options.publisher else "the file's metadata",
        )
    language = (
        options.language
        or found.get("language")
        or found.get("lang")
        or _guess_language(source.text)
    )
    if not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", str(language)):
        raise InputError(f"{label}: '{language}' is not a language tag (en, ko)")
    meta["language"] = str(language)
    url = options.url or found.get("url")
    if url:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", str(url)):
            raise InputError(f"{label}: '{url}' is not an http(s) URL")
        meta["url"] = str(url)
    return meta


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"\s*(?:;|\band\b)\s*", value) if v.strip()]
    return [str(v) for v in value]


_HANGUL = re.compile("[\uac00-\ud7a3]")
_LATIN = re.compile("[A-Za-z]")


def _guess_language(text: str) -> str:
    return "ko" if len(_HANGUL.findall(text)) > len(_LATIN.findall(text)) else "en"


def _agents(reading: Reading, known: Known, meta: dict[str, Any]) -> list[str]:
    """Authors and publisher given with the article, or inferred from its credits and byline."""
    article = reading.article
    notes: list[str] = []
    authors = [
        _agent(reading, known, name, "person", f"the article's author, given in {where}")
        for name, where in meta["authors"]
    ]
    for key in article.attrs.get("byline_authors", []):
        if key not in authors:
            authors.append(key)
    if authors:
        article.fields["authors"] = [Ref(k) for k in authors]
    if meta.get("publisher"):
        name, where = meta["publisher"]
        article.fields["publisher"] = Ref(
            _agent(reading, known, name, "organ", f"the article's publisher, given in {where}")
        )
    elif article.attrs.get("credited_publisher"):
        article.fields["publisher"] = Ref(article.attrs["credited_publisher"])
        notes.append("The publisher is inferred from the image credits, which all name it.")
    return notes


def _agent(reading: Reading, known: Known, name: str, kind: str, why: str) -> str:
    """The entity for an author or publisher given by id or by name."""
    registry = reading.registry
    if name in known.ids:
        return registry.known(name, known.kinds[name]).key
    words = name_words(name)
    for match in known.index.match(
        list(words), name.split(), [True] * max(0, len(words) - 1) + [False]
    ):
        refs = {t.ref for t in match.targets if t.kind == kind}
        if len(refs) == 1 and match.first == 0 and match.last == len(words):
            return registry.known(next(iter(refs)), kind).key
    key = match_key(name)
    for entity in registry.of_kind(kind):
        if entity.known is None and any(match_key(n.text) == key for n in entity.names):
            entity.note(why)
            return entity.key
    if kind == "person":
        entity = registry.add(Entity("person:" + key, "person"))
    else:
        entity = registry.add(Entity("organ:outlet:" + key, "organ"))
        entity.attrs["organ_kind"] = "media-outlet"
    entity.add_name(NameDraft(" ".join(name.split())))
    entity.note(why)
    return entity.key


_ARTICLE_ORDER = (
    "id", "type", "title", "authors", "publisher", "published_in", "date", "url", "language",
    "about",
    "mentions", "cites", "part_of", "caption", "credit", "quotes", "description", "note",
)  # fmt: skip


def _ordered_article(record: dict[str, Any]) -> dict[str, Any]:
    return {
        key: record[key]
        for key in _ARTICLE_ORDER
        if key in record and record[key] not in (None, [], "")
    }
