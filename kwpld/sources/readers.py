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
from itertools import zip_longest
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
        blocks = _plain_blocks(text, 0, len(text), first_is_title=True, lines=True)
        source = Source(text, media_type, blocks, _plain_meta(text, blocks))
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
# Plain text: paragraphs are separated by blank lines, or by a line break the writer chose (see
# _line_breaks); a short first paragraph is the title.

_BLANK_LINES = re.compile(r"\r?\n[ \t\u00a0\r]*\n\s*")
_TITLE_MAX = 200
_LINE = re.compile(r"[^\n]*\n?")
_LIST_ITEM_LINE = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+\S")
_META_START = re.compile(
    r"[ \t]*(?:(?:Source|Sources|Via|Tags|Filed under|Posted in|Photo|Photos|Copyright|Read more)"
    r"\s*:|©|https?://|www\.)"
)
_BYLINE_LINE = re.compile(
    r"[ \t]*(?:(?:By|Written by|Text by|Report by)\s+[A-Z][^\n.]{2,80}"
    r"|[^|\n]{2,60}(?:\s\|\s[^|\n]{2,60}){1,4})$"
)
"""a by-line: "By X", or fields between bars ("Daily NK | 2015.05.14 | Kang Mi Jin")"""


def _plain_blocks(
    text: str, start: int, end: int, *, first_is_title: bool, lines: bool = False
) -> list[Block]:
    blocks: list[Block] = []
    position = start
    for match in _BLANK_LINES.finditer(text, start, end):
        _add_paragraph(text, blocks, position, match.start(), lines)
        position = match.end()
    _add_paragraph(text, blocks, position, end, lines)
    if first_is_title and blocks:
        first = blocks[0]
        body = text[first.start : first.end]
        if len(body) <= _TITLE_MAX and "\n" not in body.strip() and not body.rstrip().endswith("."):
            blocks[0] = Block(first.start, first.end, "title")
    return blocks


_ADDRESS_LINE = re.compile(
    r"[ \t]*(?:(?:Source|URL|Link|Original)\s*:\s*)?(?P<url>https?://[^\s<>\"{}|\\^`]+?)"
    r"[.,;)\]]*[ \t]*$"
)


def _plain_meta(text: str, blocks: list[Block]) -> dict[str, Any]:
    """What a plain-text article states about itself: the address on a line of its own
    ("Source: http://kcna.kp/...", or the bare address a copied page ends with) is its URL.
    Only an address alone on its line counts: one inside a sentence is something it cites."""
    for block in blocks:
        for line in text[block.start : block.end].splitlines():
            match = _ADDRESS_LINE.fullmatch(line)
            if match:
                return {"url": match.group("url")}
    return {}


def _add_paragraph(text: str, blocks: list[Block], start: int, end: int, lines: bool) -> None:
    if not lines:
        _add_block(text, blocks, start, end)
        return
    position = start
    for cut in _line_breaks(text, start, end):
        _add_block(text, blocks, position, cut)
        position = cut
    _add_block(text, blocks, position, end)


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Where a paragraph of plain text written without blank lines really breaks.

    A plain-text article often puts its headline, byline, dateline, paragraphs and "Source:"
    line each on a line of its own, with single line breaks; read as one paragraph, the
    headline runs into the first sentence. But a text may also be wrapped at a fixed width,
    where a line ends only because the next word did not fit. So a line ends a block where the
    writer chose to end it: the next line's first word would have fitted on it (within the
    width of the paragraph's longest line of prose), or the next line is a byline, a "Source:"
    line or a web address. A line that introduces what follows (ends with ":") or precedes an
    item of a list keeps its block: the list belongs to it."""
    spans: list[tuple[int, int]] = []  # (start, end) of each line, without its spaces
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        a, b = position, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        position = stop + 1
    if len(spans) < 2:
        return []
    prose = [
        b - a for a, b in spans if len(text[a:b].split()) >= 4 and not _META_START.match(text[a:b])
    ]
    width = max(prose, default=max(b - a for a, b in spans))
    cuts: list[int] = []
    for (a, b), (c, d) in zip(spans, spans[1:], strict=False):
        line, following = text[a:b], text[c:d]
        if line.endswith(":") or _LIST_ITEM_LINE.match(following):
            continue
        first = following.split()[0]
        if (
            len(line) + 1 + len(first) <= width
            or _META_START.match(following)
            or _BYLINE_LINE.match(following)
            or _META_START.match(line)
        ):
            cuts.append(c)
    return cuts


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
    "th": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "blockquote": "quote", "figcaption": "caption", "caption": "heading",
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


@dataclass
class _Table:
    """A data table being read: its rows are written as Markdown table lines ("| a | b |"), the
    first followed by a rule line, so the table readers of :mod:`kwpld.extract` read an HTML
    table as they read a Markdown one (a row per holder). Cells are buffered until the row
    ends, so that a cell spanning rows (``rowspan``) is repeated in each row it spans: every
    row then names its holder."""

    start: int | None = None
    rows: int = 0
    row: list[tuple[str, int, int]] | None = None
    """the cells of the open row: text, rowspan, colspan"""
    cell: list[str] | None = None
    spans: list[int] = field(default_factory=lambda: [1, 1])
    """the open cell's rowspan and colspan"""
    carried: dict[int, tuple[int, str]] = field(default_factory=dict)
    """column -> (rows left, text) of cells spanning rows"""
    headings: bool = True
    """every cell of the open row is a heading cell (``th``)"""
    held: list[str] | None = None
    """a first heading row with cells spanning columns ("Term of office" over "Took office" and
    "Left office"), held until the next row says whether it completes the header"""

    def line(self) -> str:
        """The open row as a Markdown line, with the cells spanning into it from above."""
        cells: list[str] = []
        spanning = False
        for text, rowspan, colspan in self.row or []:
            while len(cells) in self.carried:
                cells.append(self._carry(len(cells)))
            if rowspan > 1:
                self.carried[len(cells)] = (rowspan - 1, text)
            cells.extend([text] + [""] * (colspan - 1))
            spanning = spanning or colspan > 1
        while len(cells) in self.carried:
            cells.append(self._carry(len(cells)))
        self.row = None
        if not any(cells):
            return ""
        if self.rows == 0 and self.held is None and self.headings and spanning:
            self.held = cells
            return ""
        held, self.held = self.held, None
        if held is not None and self.headings:  # the second heading row: the columns' names
            return self._rendered([b or a for a, b in zip_longest(held, cells, fillvalue="")])
        return (self._rendered(held) if held else "") + self._rendered(cells)

    def flush(self) -> str:
        """A held heading row the table ended after."""
        held, self.held = self.held, None
        return self._rendered(held) if held else ""

    def _rendered(self, cells: list[str]) -> str:
        self.rows += 1
        rule = "| " + " | ".join("---" for _ in cells) + " |\n" if self.rows == 1 else ""
        return "| " + " | ".join(cells) + " |\n" + rule

    def _carry(self, column: int) -> str:
        left, text = self.carried.pop(column)
        if left > 1:
            self.carried[column] = (left - 1, text)
        return text


def _span(values: dict[str, str], key: str) -> int:
    value = values.get(key, "1").strip()
    return min(int(value), 50) if value.isdigit() and int(value) > 0 else 1


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
        self.tables: list[_Table | None] = []
        """open tables: a data table, or None for a layout box (an infobox) read as blocks"""

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
        table = self._data_table()
        if table is not None and table.row is not None:
            if table.cell is not None:  # text between cells is markup's whitespace
                table.cell.append(data)
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
        if self._table_start(tag, values):
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
        if self._table_end(tag):
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


    # tables --------------------------------------------------------------------------------
    def _data_table(self) -> _Table | None:
        return self.tables[-1] if self.tables and not self.skip else None

    def _table_start(self, tag: str, values: dict[str, str]) -> bool:
        """Open a table, a row or a cell of a data table; what is inside a cell (links, line
        breaks, paragraphs) is the cell's text. True when the tag is taken."""
        table = self._data_table()
        if tag == "table":
            if table is not None and table.row is not None:
                return True  # a table inside a cell: its text is the cell's
            layout = "infobox" in values.get("class", "").lower() or (
                bool(self.tables) and table is None
            )
            self.tables.append(None if layout else _Table())
            return not layout
        if table is None:
            return False
        if tag == "tr":
            if table.start is None:
                self._break()
                table.start = self.length
            table.row, table.cell, table.headings = [], None, True
        elif tag in ("td", "th") and table.row is not None:
            self._end_cell(table)
            table.cell, table.spans = [], [_span(values, "rowspan"), _span(values, "colspan")]
            table.headings = table.headings and tag == "th"
        elif table.cell is not None and (tag == "br" or tag in _BLOCK_TAGS):
            table.cell.append("; " if tag == "br" else " ")
        else:
            return table.row is not None
        return True

    def _table_end(self, tag: str) -> bool:
        """Close a cell, a row or a data table (the rows become one paragraph block)."""
        if tag == "table" and self.tables:
            table = self.tables.pop()
            if table is None:
                return False
            self._end_row(table)
            self._emit(table.flush())
            if table.start is not None and self.length > table.start:
                self.blocks.append(Block(table.start, self.length - 1, "paragraph"))
                self._break()
            return True
        table = self._data_table()
        if table is None:
            return False
        if tag in ("td", "th"):
            self._end_cell(table)
        elif tag == "tr":
            self._end_row(table)
        return table.row is not None or tag in ("tr", "tbody", "thead", "tfoot")

    def _end_cell(self, table: _Table) -> None:
        if table.cell is not None and table.row is not None:
            text = " ".join("".join(table.cell).split()).strip(" ;").replace("|", "/")
            table.row.append((text, table.spans[0], table.spans[1]))
        table.cell = None

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.row is not None:
            self._emit(table.line())


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
