"""An article's text, segmented once and then only read: blocks, tokens, sentences, quotations
and parentheses, every one with character offsets.

Every pass of ingest (:mod:`kwpld.extract`) looks things up in a :class:`Document` by
position and never changes it, so passes can run in any order the pipeline chooses and one
pass cannot disturb what another sees. Everything positional is computed here in one pass
each (a handful of compiled regular expressions over the whole text), so reading an article
costs time linear in its length, however many names the data folder holds.

Tokens are words (:data:`kwpld.names.WORD_RE`: letters and digits, with inner apostrophes, and
a possessive "’s" kept on the word; initials with periods, "C.C.", are one word, key "cc")
with their folded keys (:func:`kwpld.names.word_key`) and what name rules ask of them:
capitalized, all capitals, and whether the gap to the next word is one a name can span
(spaces or one hyphen).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..names import WORD_RE, word_key
from ..sources import Block, Source

__all__ = ["Document", "Quotation", "Sentence", "Token", "read_document"]

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr",
        "sr", "no", "nos", "vol", "vs", "etc", "e.g", "i.e", "u.s", "u.n", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "cf", "al",
        "rep", "sen",  # "Rep. Park Jie-won" (class CB)
    }
)  # fmt: skip
_SENTENCE_END = re.compile(
    r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\uac00-\ud7a3])|[.!?]+[\"”’)\]]*$"
)
_QUOTE_CHARS = re.compile('[“”"]')
_PAREN_CHARS = re.compile(r"[()\[\]]|\n[ \t]*\n")
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"
# Initials written with periods are one word: "C.C." (the Central Committee), "D.P.R.K.".
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,5}[A-Z](?=\.)")
_LIST_ITEM = re.compile(r"(?m)(?<=\n)[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+(?=\S)")
_GAP_OK = re.compile(r"[ \u00a0\t]*(?:[-\u2010\u2011][ \u00a0\t]*)?")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted words: ``start``/``end`` include the quote marks, ``inner_*`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    block: int


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text (see the module docstring)."""

    index: int
    start: int
    end: int
    text: str
    key: str
    cap: bool
    allcaps: bool
    joins_next: bool
    """only spaces or one hyphen before the next word: both may belong to one name"""


@dataclass(frozen=True)
class Document:
    """The text of one article with everything positional precomputed; never changed."""

    source: Source
    text: str
    blocks: tuple[Block, ...]
    word_starts: tuple[int, ...]
    word_ends: tuple[int, ...]
    words: tuple[str, ...]
    keys: tuple[str, ...]
    """folded words (:func:`kwpld.names.word_key`)"""
    caps: tuple[bool, ...]
    allcaps: tuple[bool, ...]
    gap_ok: tuple[bool, ...]
    """word i and word i+1 may belong to one name (only spaces or a hyphen between them)"""
    sentences: tuple[Sentence, ...]
    quotations: tuple[Quotation, ...]
    parens: tuple[tuple[int, int], ...]
    _sentence_starts: tuple[int, ...]
    _block_starts: tuple[int, ...]

    # -- tokens -----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.words)

    def token(self, i: int) -> Token:
        return Token(
            i, self.word_starts[i], self.word_ends[i], self.words[i], self.keys[i],
            self.caps[i], self.allcaps[i], self.gap_ok[i],
        )  # fmt: skip

    def is_cap(self, i: int) -> bool:
        return self.caps[i]

    def is_allcaps(self, i: int) -> bool:
        """An abbreviation-like word: two or more letters, all capitals ("KWP", "KWP’s")."""
        return self.allcaps[i]

    def span_of(self, first: int, last: int) -> tuple[int, int]:
        """Character span of words first..last-1, without a final possessive or apostrophe."""
        start = self.word_starts[first]
        end = self.word_ends[last - 1]
        word = self.words[last - 1]
        if word[-2:] in ("’s", "'s") and len(word) > 2:
            end -= 2
        elif word[-1:] in ("’", "'"):
            end -= 1
        return start, end

    def word_index_at(self, offset: int) -> int:
        """Index of the first word that ends after ``offset``."""
        return bisect.bisect_right(self.word_ends, offset)

    def words_between(self, start: int, end: int) -> range:
        first = bisect.bisect_left(self.word_starts, start)
        last = bisect.bisect_left(self.word_starts, end)
        while last > first and self.word_ends[last - 1] > end:
            last -= 1
        return range(first, last)

    # -- sentences and blocks -------------------------------------------------------------------
    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def through_next(self, sentence: Sentence) -> int:
        """Where the sentence after ``sentence`` ends (its own end when it is the last): what
        "this sentence or the next" spans ("welcomed X at the airport. A welcome ceremony was
        held there")."""
        index = self.sentence_index(sentence.start)
        following = self.sentences[index + 1 : index + 2]
        return following[0].end if following else sentence.end

    def lead(self) -> Sentence | None:
        """The report's first sentence outside its title and headings (a wire report's lead,
        which gives the news's day and the dateline)."""
        return next((s for s in self.sentences
                     if self.blocks[s.block].kind not in ("title", "heading")), None)  # fmt: skip

    def sentence_words(self, offset: int) -> range:
        sentence = self.sentence_at(offset)
        if sentence is None:
            return range(0)
        return self.words_between(sentence.start, sentence.end)

    def sentence_start_word(self, i: int) -> bool:
        """The word starts its sentence (possibly after an opening quotation mark)."""
        sentence = self.sentence_at(self.word_starts[i])
        if sentence is None:
            return True
        before = self.text[sentence.start : self.word_starts[i]]
        return not before.strip(' “"‘(\u00a0')

    def block_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return index
        return None

    def in_title(self, word: int) -> bool:
        """The word is in a headline, where every word is capitalized."""
        block = self.block_at(self.word_starts[word])
        return block is not None and self.blocks[block].kind in ("title", "heading")

    # -- quotations and parentheses ---------------------------------------------------------------
    def quotation_at(self, start: int, end: int | None = None) -> Quotation | None:
        """The quotation whose inner text contains [start, end)."""
        end = start if end is None else end
        for quote in self.quotations:  # few per article
            if quote.inner_start <= start and end <= quote.inner_end:
                return quote
        return None

    def paren_after(self, end: int) -> tuple[int, int] | None:
        """A parenthesis that opens right after ``end`` (spaces allowed): (start, end)."""
        position = end
        while position < len(self.text) and self.text[position] in " \u00a0*_":
            position += 1  # spaces, and Markdown's emphasis: "**Kim Yo-cho'ng** (Kim Yo Jong)"
        if position < len(self.text) and self.text[position] in "([":
            index = bisect.bisect_left(self.parens, (position, 0))
            if index < len(self.parens) and self.parens[index][0] == position:
                return self.parens[index]
        return None

    def in_parens(self, offset: int) -> bool:
        return any(start < offset < end for start, end in self.parens)


def read_document(source: Source) -> Document:
    """Tokens, sentences, quotations and parentheses of ``source``."""
    text = source.text
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    keys: list[str] = []
    # Only the article's blocks are read: Markdown front matter is metadata, not text, and so
    # are bylines, "Source:" lines and addresses (kept as blocks of kind "meta", without words).
    blocks = [_zone(text, block, index) for index, block in enumerate(source.blocks)]
    urls = [m.span() for m in _URL.finditer(text)]
    for block in blocks:
        if block.kind == "meta":
            continue
        position = block.start
        for match in _DOTTED.finditer(text, block.start, block.end):
            _words(text, position, match.start(), starts, ends, words, keys)
            starts.append(match.start())
            ends.append(match.end())
            words.append(match.group(0))
            keys.append(match.group(0).replace(".", "").lower())
            position = match.end()
        _words(text, position, block.end, starts, ends, words, keys)
    if urls:  # the words of a web address are no words of the text ("kim-jong-un-inspects")
        inside = [any(a <= st < b for a, b in urls) for st in starts]
        starts = [x for x, drop in zip(starts, inside, strict=True) if not drop]
        ends = [x for x, drop in zip(ends, inside, strict=True) if not drop]
        words = [x for x, drop in zip(words, inside, strict=True) if not drop]
        keys = [x for x, drop in zip(keys, inside, strict=True) if not drop]
    n = len(words)
    # The period that closes initials ("C.C. of the WPK") is part of the word, not a break.
    gap_ok = tuple(
        i + 1 < n
        and _GAP_OK.fullmatch(
            text,
            ends[i] + (1 if "." in words[i] and text[ends[i] : ends[i] + 1] == "." else 0),
            starts[i + 1],
        )
        is not None
        for i in range(n)
    )
    sentences: list[Sentence] = []
    quotations: list[Quotation] = []
    for index, block in enumerate(blocks):
        if block.kind == "meta":
            continue
        sentences.extend(_sentences(text, block, index))
        quotations.extend(_quotations(text, block, index))
    return Document(
        source=source,
        text=text,
        blocks=tuple(blocks),
        word_starts=tuple(starts),
        word_ends=tuple(ends),
        words=tuple(words),
        keys=tuple(keys),
        caps=tuple(w[:1].isupper() for w in words),
        allcaps=tuple(_allcaps(w) for w in words),
        gap_ok=gap_ok,
        sentences=tuple(sentences),
        quotations=tuple(quotations),
        parens=tuple(_parentheses(text)),
        _sentence_starts=tuple(s.start for s in sentences),
        _block_starts=tuple(b.start for b in blocks),
    )


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+")
_META_LINE = re.compile(
    r"^\s*(?:(?:By|Written by|Text by|Report by)\s+[A-Z][^\n]{2,150}"
    r"|(?:Source|Sources|Via|Tags|Filed under|Posted in|Photo|Photos|Copyright|Read more)\s*:.*"
    r"|©.*|(?:https?://|www\.)\S+"
    r"|[^|\n]{2,60}(?:\s\|\s[^|\n]{2,60}){1,4})\s*$"
)


def _zone(text: str, block: Block, index: int) -> Block:
    """A block of metadata — a byline ("By Michael Madden, NK Leadership Watch, 20 May 2013",
    "Michael Madden | NK Leadership Watch | 15 October 2019"), a "Source:" line, a web
    address — is kind "meta": it gives no words, so no mentions and no facts."""
    if block.kind not in ("paragraph", "byline"):
        return block
    body = text[block.start : block.end]
    if len(body) > 220 or "\n\n" in body:
        return block
    lines = [line for line in body.splitlines() if line.strip()]
    if lines and all(_META_LINE.match(line) for line in lines):
        return Block(block.start, block.end, "meta", block.credit)
    return block


def _words(
    text: str,
    start: int,
    end: int,
    starts: list[int],
    ends: list[int],
    words: list[str],
    keys: list[str],
) -> None:
    for match in WORD_RE.finditer(text, start, end):
        starts.append(match.start())
        ends.append(match.end())
        words.append(match.group(0))
        keys.append(word_key(match.group(0)))


def _allcaps(word: str) -> bool:
    if word[-2:] in ("’s", "'s"):
        word = word[:-2]
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _sentences(text: str, block: Block, index: int) -> list[Sentence]:
    """Sentences of a block; an item of a list ("- Kim Yo Jong was elected ...") starts one."""
    items = [m.start() for m in _LIST_ITEM.finditer(text, block.start, block.end)]
    if len(items) > 1 or (items and items[0] > block.start):
        out: list[Sentence] = []
        bounds = [block.start, *[i for i in items if i > block.start], block.end]
        for start, end in zip(bounds, bounds[1:], strict=False):
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                out.extend(_sentences(text, Block(start, end, block.kind), index))
        return out
    return _block_sentences(text, block, index)


def _block_sentences(text: str, block: Block, index: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = block.start
    for match in _SENTENCE_END.finditer(text, block.start, block.end):
        before = text[max(block.start, match.start() - 6) : match.start()]
        word = re.search(r"(?<![0-9])([A-Za-z.]+)$", before)  # "the 1960s." ends one (class CD)
        if match.group(0).startswith(".") and word:
            token = word.group(1).lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        end = match.end()
        if text[start:end].strip():
            out.append(Sentence(start, end, index))
        start = end
        while start < block.end and text[start].isspace():
            start += 1
    if start < block.end and text[start : block.end].strip():
        out.append(Sentence(start, block.end, index))
    return out


def _quotations(text: str, block: Block, index: int) -> list[Quotation]:
    """Curly quotation marks pair up; straight double quotes alternate open/close in a block."""
    out: list[Quotation] = []
    open_at: int | None = None
    straight_open: int | None = None
    for match in _QUOTE_CHARS.finditer(text, block.start, block.end):
        position = match.start()
        char = match.group(0)
        if char in _OPEN_QUOTES:
            open_at = position
        elif char in _CLOSE_QUOTES and open_at is not None:
            out.append(Quotation(open_at, position + 1, open_at + 1, position, index))
            open_at = None
        elif char == '"':
            if straight_open is None:
                straight_open = position
            else:
                out.append(
                    Quotation(straight_open, position + 1, straight_open + 1, position, index)
                )
                straight_open = None
    if open_at is not None:  # a quotation left open runs to the end of its paragraph
        out.append(Quotation(open_at, block.end, open_at + 1, block.end, index))
    return out


def _parentheses(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "["}
    for match in _PAREN_CHARS.finditer(text):
        position = match.start()
        char = match.group(0)[0]
        if char in "([":
            stack.append((char, position))
        elif char in pairs:
            if stack and stack[-1][0] == pairs[char]:
                _, opened = stack.pop()
                out.append((opened, position + 1))
            elif char == ")":
                stack.clear()
        elif char == "\n":
            stack.clear()  # no parenthesis spans paragraphs
    out.sort()
    return out
