"""Segment an article's text once: words, sentences, quotations and parentheses, with offsets.

Everything later stages need to look things up by position is computed here in one pass each
(a handful of compiled regular expressions over the whole text), so that reading an article
costs time linear in its length, however many names the index holds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..names import WORD_RE, word_key
from .source import Block, Source

__all__ = ["Analysis", "Quotation", "Sentence", "analyse"]

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr",
        "sr", "no", "nos", "vol", "vs", "etc", "e.g", "i.e", "u.s", "u.n", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "cf", "al",
    }
)  # fmt: skip
_SENTENCE_END = re.compile(
    r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\uac00-\ud7a3])|[.!?]+[\"”’)\]]*$"
)
_QUOTE_CHARS = re.compile('[“”"]')
_PAREN_CHARS = re.compile(r"[()\[\]]|\n[ \t]*\n")
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"


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


@dataclass
class Analysis:
    """The text of one article with everything positional precomputed."""

    source: Source
    text: str
    blocks: list[Block]
    word_starts: list[int] = field(default_factory=list)
    word_ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    parens: list[tuple[int, int]] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    _block_starts: list[int] = field(default_factory=list)

    # -- lookups --------------------------------------------------------------------------------
    def word_index_at(self, offset: int) -> int:
        """Index of the first word that ends after ``offset``."""
        return bisect.bisect_right(self.word_ends, offset)

    def words_between(self, start: int, end: int) -> range:
        first = bisect.bisect_left(self.word_starts, start)
        last = bisect.bisect_left(self.word_starts, end)
        while last > first and self.word_ends[last - 1] > end:
            last -= 1
        return range(first, last)

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def block_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return index
        return None

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
        while position < len(self.text) and self.text[position] in " \u00a0":
            position += 1
        if position < len(self.text) and self.text[position] in "([":
            index = bisect.bisect_left(self.parens, (position, 0))
            if index < len(self.parens) and self.parens[index][0] == position:
                return self.parens[index]
        return None


def analyse(source: Source) -> Analysis:
    """Words, sentences, quotations and parentheses of ``source``."""
    text = source.text
    analysis = Analysis(source, text, list(source.blocks))
    starts, ends, words, keys = [], [], [], []
    # Only the article's blocks are read: Markdown front matter is metadata, not text.
    for block in source.blocks:
        for match in WORD_RE.finditer(text, block.start, block.end):
            starts.append(match.start())
            ends.append(match.end())
            words.append(match.group(0))
            keys.append(word_key(match.group(0)))
    analysis.word_starts, analysis.word_ends, analysis.words, analysis.keys = (
        starts,
        ends,
        words,
        keys,
    )
    for index, block in enumerate(source.blocks):
        analysis.sentences.extend(_sentences(text, block, index))
        analysis.quotations.extend(_quotations(text, block, index))
    analysis.parens = _parentheses(text)
    analysis._sentence_starts = [s.start for s in analysis.sentences]
    analysis._block_starts = [b.start for b in source.blocks]
    return analysis


def _sentences(text: str, block: Block, index: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = block.start
    for match in _SENTENCE_END.finditer(text, block.start, block.end):
        before = text[max(block.start, match.start() - 6) : match.start()]
        word = re.search(r"([A-Za-z.]+)$", before)
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
