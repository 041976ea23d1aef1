"""Read an article as it arrives: plain text, Markdown with YAML front matter, or saved HTML.

Every reader gives a :class:`Source`: the text that character offsets count in, its blocks
(paragraphs, headings, captions, block quotations) as spans of that text, and the metadata the
file itself states (front matter, HTML ``<meta>`` tags). For plain text and Markdown the text is
the file's content exactly as written (offsets count Python characters of the decoded file, so
a reader can highlight a mention in the original); for HTML it is the page's text content, one
block per paragraph, because offsets into markup help no reader.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError

__all__ = [
    "Block",
    "Source",
    "read_source",
    "read_text_source",
    "fetch_url",
    "MEDIA_TYPES",
    "ARTICLE_LIMIT",
]

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
}


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like part of the text: ``kind`` is title, heading, paragraph, caption,
    quote (a block quotation) or byline."""

    start: int
    end: int
    kind: str = "paragraph"
    credit: str | None = None
    """For captions read from markup (HTML figure, Markdown image): the credit line."""


@dataclass
class Source:
    """An article's text with its blocks and the metadata its file states."""

    text: str
    media_type: str
    blocks: list[Block]
    meta: dict[str, Any] = field(default_factory=dict)
    """title, date, authors, publisher, url, language, type, id, ... as the file states them."""
    path: str | None = None
    sha256: str = ""

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


def read_source(path: str | Path, media_type: str | None = None) -> Source:
    """Read an article file; the kind is chosen by ``media_type`` or the file's extension."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    kind = media_type or MEDIA_TYPES.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"{path}: cannot tell what kind of article file this is from its extension; "
            f"use one of {', '.join(sorted(MEDIA_TYPES))} (or --format text|markdown|html)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start} cannot be decoded); save it as UTF-8"
        ) from None
    source = read_text_source(text, kind, str(path))
    source.sha256 = hashlib.sha256(data).hexdigest()
    return source


def read_text_source(text: str, media_type: str, path: str | None = None) -> Source:
    """Read an article from text already in memory (see :func:`read_source`)."""
    if media_type == "text/markdown":
        source = _read_markdown(text, path)
    elif media_type == "text/html":
        source = _read_html(text, path)
    elif media_type == "text/plain":
        source = Source(text, media_type, _plain_blocks(text, 0, len(text), first_is_title=True))
    else:
        raise InputError(f"{path or 'input'}: unsupported media type {media_type}")
    source.path = path
    if not source.sha256:
        source.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if not source.text.strip():
        raise InputError(f"{path or 'input'}: the article has no text")
    return source


ARTICLE_LIMIT = 16 << 20
"""Bytes of one fetched article at most: a news page is well under 1 MB."""
_ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def fetch_url(
    url: str,
    *,
    timeout: float = 30.0,
    max_bytes: int = ARTICLE_LIMIT,
    retries: int = 2,
    backoff: float = 1.0,
) -> tuple[str, str]:
    """Fetch an article page; returns (text, media type).

    Goes through kwpld's HTTP layer (:mod:`kwpld.http`): ``timeout`` bounds the whole fetch,
    redirects are followed up to 5, a page over ``max_bytes`` is refused, a truncated page is
    named as such, and transient failures are retried. A failure of the server is a
    :class:`~kwpld.http.RemoteError` (exit code 1); a page that is no article kwpld reads, or
    that cannot be decoded, is an :class:`InputError` (exit code 2).
    """
    from ..__about__ import __version__
    from ..http import HttpClient, HttpSettings, RemoteError

    settings = HttpSettings(
        user_agent=f"kwpld/{__version__} (kwpld ingest; linked data on the WPK)",
        timeout=timeout,
        connect_timeout=min(10.0, timeout),
        retries=retries,
        backoff=backoff,
        max_retry_after=120.0,
        max_body=max_bytes,
    )
    accept = "text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9"
    try:
        response = HttpClient(settings).request("GET", url, headers={"Accept": accept})
    except RemoteError as failure:
        tries = f" ({failure.attempts} attempts)" if failure.attempts > 1 else ""
        raise RemoteError(
            failure.kind,
            f"cannot fetch the page: {failure.detail}{tries}",
            method="GET",
            url=url,
            status=failure.status,
        ) from None
    if response.status != 200:
        text = response.excerpt(200)
        raise RemoteError(
            "rejected",
            f"cannot fetch the page: HTTP {response.status} {response.reason}"
            + (f": {text}" if text else ""),
            method="GET",
            url=url,
            status=response.status,
        )
    content_type = response.media_type or "text/html"
    if content_type not in _ARTICLE_TYPES:
        raise InputError(f"{url}: the server sent {content_type}, not an article kwpld can read")
    kind = "text/html" if content_type == "application/xhtml+xml" else content_type
    return _decode_page(url, response.body, response.charset, kind), kind


def _decode_page(url: str, body: bytes, charset: str | None, kind: str) -> str:
    """The page's text in the charset its header (or, for HTML, a meta tag) names, else UTF-8."""
    if charset is None and kind == "text/html":
        match = _META_CHARSET.search(body[:4096])
        charset = match.group(1).decode("ascii") if match else None
    encoding = charset or "utf-8"
    try:
        return body.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except LookupError:
        raise InputError(f"{url}: the page's charset {encoding!r} is unknown") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{url}: the page is not {encoding} text (byte {exc.start} cannot be decoded)"
        ) from None


# ---------------------------------------------------------------------------------------------
# Plain text: paragraphs are separated by blank lines; a short first paragraph is the title.

_BLANK_LINES = re.compile(r"\r?\n[ \t\u00a0\r]*\n\s*")
_TITLE_MAX = 200


def _plain_blocks(text: str, start: int, end: int, *, first_is_title: bool) -> list[Block]:
    blocks: list[Block] = []
    position = start
    for match in _BLANK_LINES.finditer(text, start, end):
        _add_block(text, blocks, position, match.start())
        position = match.end()
    _add_block(text, blocks, position, end)
    if first_is_title and blocks:
        first = blocks[0]
        body = text[first.start : first.end]
        if len(body) <= _TITLE_MAX and "\n" not in body.strip() and not body.rstrip().endswith("."):
            blocks[0] = Block(first.start, first.end, "title")
    return blocks


def _add_block(
    text: str, blocks: list[Block], start: int, end: int, kind: str = "paragraph"
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(Block(start, end, kind))


# ---------------------------------------------------------------------------------------------
# Markdown: YAML front matter, ATX headings, block quotations, images with captions.

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)\s*$")


def _read_markdown(text: str, path: str | None) -> Source:
    meta: dict[str, Any] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" line {mark.line + 2}" if mark else ""
            raise InputError(
                f"{path or 'input'}:{line} the front matter is not valid YAML"
            ) from None
        if data is not None and not isinstance(data, dict):
            raise InputError(f"{path or 'input'}: the front matter must be a mapping of fields")
        meta = {str(k): v for k, v in (data or {}).items()}
        body_start = match.end()
    blocks = _plain_blocks(text, body_start, len(text), first_is_title=False)
    out: list[Block] = []
    for block in blocks:
        body = text[block.start : block.end]
        heading = _HEADING.match(body)
        if heading and "\n" not in body:
            start = block.start + heading.start(2)
            end = block.start + heading.end(2)
            kind = (
                "title"
                if heading.group(1) == "#" and not any(b.kind == "title" for b in out)
                else "heading"
            )
            out.append(Block(start, end, kind))
            continue
        image = _IMAGE.match(body.split("\n", 1)[0])
        if image:
            alt_start = block.start + image.start("alt")
            alt_end = block.start + image.end("alt")
            rest = body.split("\n", 1)[1] if "\n" in body else ""
            if rest.strip():  # a caption line under the image: "*Caption (Photo: X)*"
                offset = block.start + body.index(rest)
                inner = rest.strip().strip("*_")
                start = offset + rest.index(inner)
                out.append(Block(start, start + len(inner), "caption"))
            elif alt_end > alt_start:
                out.append(Block(alt_start, alt_end, "caption", image.group("title")))
            continue
        if all(line.lstrip().startswith(">") for line in body.splitlines()):
            first = body.index(">") + 1
            out.append(
                Block(
                    block.start + first + (1 if body[first : first + 1] == " " else 0),
                    block.end,
                    "quote",
                )
            )
            continue
        out.append(block)
    if "title" not in meta:
        titles = [b for b in out if b.kind == "title"]
        if titles:
            meta["title"] = text[titles[0].start : titles[0].end]
    return Source(text, "text/markdown", out, meta)


# ---------------------------------------------------------------------------------------------
# HTML: the page's text, one block per paragraph-level element, with its metadata.

_BLOCK_TAGS = {
    "p": "paragraph", "div": "paragraph", "li": "paragraph", "td": "paragraph", "dd": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "figcaption": "caption", "caption": "caption",
    "pre": "paragraph", "article": "paragraph", "section": "paragraph", "br": None,
}  # fmt: skip
_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "form",
    "button",
    "iframe",
}
_META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "dc.title": "title",
    "author": "authors",
    "article:author": "authors",
    "dc.creator": "authors",
    "og:site_name": "publisher",
    "article:published_time": "date",
    "date": "date",
    "dc.date": "date",
    "pubdate": "date",
    "og:url": "url",
    "og:locale": "language",
    "description": "description",
    "og:description": "description",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.stack: list[tuple[str, int, str | None]] = []  # (tag, start, kind)
        self.skip = 0
        self.meta: dict[str, Any] = {}
        self.title_parts: list[str] | None = None
        self.page_title = ""
        self.lang: str | None = None
        self.canonical: str | None = None
        self.pending_space = False

    # text ----------------------------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if not text:
            return
        self.parts.append(text)
        self.length += len(text)

    def _break(self) -> None:
        """End the current block: the next text starts after a blank line."""
        if self.parts and not "".join(self.parts[-2:]).endswith("\n\n"):
            self._emit("\n\n")
        self.pending_space = False

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.skip:
            return
        collapsed = re.sub(r"[ \t\r\n\f]+", " ", data)
        if not collapsed.strip():
            if collapsed and self.parts and not self.parts[-1].endswith(("\n", " ")):
                self.pending_space = True
            return
        if collapsed.startswith(" ") and self.parts and not self.parts[-1].endswith(("\n", " ")):
            self.pending_space = True
        if self.pending_space and self.parts and not self.parts[-1].endswith(("\n", " ")):
            self._emit(" ")
        self.pending_space = collapsed.endswith(" ")
        self._emit(collapsed.strip(" "))

    # tags ----------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            target = _META_KEYS.get(key)
            content = html.unescape(values.get("content", "")).strip()
            if target and content:
                if target == "authors":
                    self.meta.setdefault("authors", [])
                    if content not in self.meta["authors"]:
                        self.meta["authors"].append(content)
                else:
                    self.meta.setdefault(target, content)
            return
        if tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.canonical = values["href"]
            return
        if tag == "time" and values.get("datetime"):
            self.meta.setdefault("date", values["datetime"])
        if tag == "title" and not self.skip:
            self.title_parts = []
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag == "br":
            self._emit("\n")
            self.pending_space = False
            return
        if tag in _BLOCK_TAGS:
            self._break()
            self.stack.append((tag, self.length, _BLOCK_TAGS[tag]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _BLOCK_TAGS and tag in _SKIP_TAGS:
            self.skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.page_title = " ".join("".join(self.title_parts).split())
            self.title_parts = None
            return
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag not in _BLOCK_TAGS or tag == "br":
            return
        for index in range(len(self.stack) - 1, -1, -1):
            open_tag, start, kind = self.stack[index]
            if open_tag == tag:
                del self.stack[index:]
                if kind and self.length > start:
                    if tag == "h1" and not any(b.kind == "title" for b in self.blocks):
                        kind = "title"
                    self.blocks.append(Block(start, self.length, kind))
                self._break()
                return


def _read_html(markup: str, path: str | None) -> Source:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    # Nested block elements (a <p> inside a <div>) give overlapping blocks: keep the innermost.
    blocks: list[Block] = []
    for block in sorted(parser.blocks, key=lambda b: (b.start, -(b.end - b.start))):
        start, end = block.start, block.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        inner = [b for b in parser.blocks if b is not block and start <= b.start and b.end <= end]
        if inner and block.kind == "paragraph":
            continue
        blocks.append(Block(start, end, block.kind))
    # Text outside any block element (bare text in <body>) becomes paragraphs of its own.
    covered = sorted((b.start, b.end) for b in blocks)
    position = 0
    for start, end in [*covered, (len(text), len(text))]:
        if start > position:
            for extra in _plain_blocks(text, position, start, first_is_title=False):
                blocks.append(extra)
        position = max(position, end)
    blocks = _dedupe(sorted(blocks, key=lambda b: (b.start, b.end)))
    meta = dict(parser.meta)
    if parser.lang and "language" not in meta:
        meta["language"] = parser.lang
    if "language" in meta:
        meta["language"] = str(meta["language"]).replace("_", "-").split("-")[0]
    if parser.canonical and "url" not in meta:
        meta["url"] = parser.canonical
    titles = [b for b in blocks if b.kind == "title"]
    if "title" not in meta:
        if titles:
            meta["title"] = text[titles[0].start : titles[0].end]
        elif parser.page_title:
            meta["title"] = parser.page_title
    return Source(text, "text/html", blocks, meta)


def _dedupe(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if out and block.start < out[-1].end:
            previous = out[-1]
            if previous.kind == "paragraph" and block.kind != "paragraph":
                out[-1] = block
            continue
        out.append(block)
    return out
