"""A sentence as a string of symbols, for patterns over what it names.

Relation passes match patterns like "PEOPLE were elected TITLES" against sentences. The
sentence is written as one token per item: a person mention is ``P3`` (item 3), a title
(:class:`~kwpld.reading.facts.Title`) ``T4``, an organ ``O5``, an event ``E6``, a date ``D7``, a
post ``S8``, any other word its folded key ("elected"), and punctuation as itself (``,`` ``:``
``(`` ...). A pattern is then an ordinary regular expression over that string, written with
the macros of :data:`MACROS` ("{PEOPLE} {AUX} {TRIGGER} {TITLES}"), and what a group matched
is mapped back to items, and so to offsets in the text.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import codecache

try:  # the parser of re (CPython 3.11+): what a pattern needs, to skip it cheaply
    import _sre as _sre_engine  # type: ignore[import-not-found]  # compiles parsed code
    import re._compiler as _sre_compiler  # type: ignore[import-not-found]
    import re._constants as _sre  # type: ignore[import-not-found]
    import re._parser as _sre_parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - another Python: every pattern is simply run
    _sre = _sre_parser = _sre_compiler = _sre_engine = None

__all__ = [
    "Item",
    "SentenceView",
    "PatternSet",
    "SymbolPattern",
    "compile_pattern",
    "compile_patterns",
    "MACROS",
    "CODES",
]

CODES = {
    "person": "P",
    "title": "T",
    "organ": "O",
    "event": "E",
    "date": "D",
    "post": "S",
    "article": "A",
    "eventref": "R",
}
_PUNCT = re.compile(r"[,;:()\[\]“”\"—–]|(?<!\w)-(?!\w)|\.(?=\s|$)")

MACROS = {
    "P": r"P\d+",
    "T": r"T\d+",
    "O": r"O\d+",
    "E": r"E\d+",
    "D": r"D\d+",
    "S": r"S\d+",
    "R": r"R\d+",
    "EV": r"(?:E\d+|R\d+)",
    # "Deputy" before a name in a report of the SPA is the person's seat, left as a word
    # (kwpld.extract.antecedents.deputy_prefixes): "elected Deputy Pak Su Il as premier";
    # "Comrade(s)" is KCNA's form of address: "elected Comrades A and B its members"
    "PERSON": (
        r"(?:deputy |deputies |comrade |comrades )?P\d+(?: \( [^()]* \)){0,2}"
        # (class CE) "Pak Pong Ju himself could be elected to O"
        r"(?: himself| herself)?"
        r"(?: , (?:(?:now|currently|still|also) )?{ART}(?:party )?T\d+(?:(?: ,)? (?:and )?{ART}"
        r"T\d+)*(?: since D\d+)?(?= ,| ;))?"
    ),
    "PEOPLE": r"(?:{PERSON}(?: (?:, |- |; )?(?:and |as well as )?{PERSON})*)",
    "TITLES": r"T\d+(?: (?:, )?(?:and )?(?:(?:a|an|the) )?T\d+)*",
    # "Minister of Foreign Affairs from 2016 to 2020 and a member of the Political Bureau
    # from 2017": titles each with its own dates.
    "TITLESDATED": (
        r"T\d+(?: (?:from D\d+ (?:to|until) D\d+|from D\d+|since D\d+|in D\d+))?(?: (?:, )?"
        r"(?:and )?(?:(?:a|an|the) )?T\d+(?: (?:from D\d+ (?:to|until) D\d+|from D\d+|since "
        r"D\d+|in D\d+))?)*"
    ),
    # "first secretary of the WPK, first chairman of the NDC and supreme commander of the KPA"
    # (", and" only after a list of three: "A and B, members of X, and members of Y" are two
    # groups)
    "TITLESLIST": (
        r"(?:T\d+(?: , {ART}T\d+)+(?: ,)? and {ART}T\d+|T\d+(?: , {ART}T\d+)*(?: and "
        r"{ART}T\d+)*)"
    ),
    "TITLESAND": r"T\d+(?: and (?:(?:a|an|the) )?T\d+)*",
    "ART": r"(?:(?:a|an|the|its|his|her|their|another) )?(?:(?:new|next|full) )?",
    "AUX": (
        r"(?:(?:is|are|was|were) (?:(?:widely|also|now|generally|most|more|very|highly) )?"
        r"(?:likely|expected|projected"
        r"|set|due|believed|said|reported|understood|thought|not|also|tipped|slated|poised"
        r"|predicted) to (?:be|have been)|(?:appears?|appeared|seems?|seemed) to (?:be|have been)"
        r"|(?:may|might|could|would|will|should|must) (?:(?:also|likely|probably|possibly|soon"
        r"|eventually|well) )*(?:be|have been)|was|were|is|are|has been|have been|had been|to be"
        r"|being|be)"
    ),
}


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a sentence: a typed span (``kind`` in :data:`CODES`) or a word."""

    kind: str
    start: int
    end: int
    text: str
    ref: Any = None
    """the mention's entity key, the Title, the DateMention, ..."""


class SentenceView:
    """The items of one sentence and their symbol string (see the module docstring)."""

    def __init__(self, start: int, end: int, items: list[Item]) -> None:
        self.start = start
        self.end = end
        self.items = items
        codes = []
        self._offsets: list[int] = []
        position = 0
        for index, item in enumerate(items):
            code = f"{CODES[item.kind]}{index}" if item.kind in CODES else item.text
            codes.append(code)
            self._offsets.append(position)
            position += len(code) + 1
        self.codes = codes
        self.string = " ".join(codes)

    def items_in(self, start: int, end: int) -> list[Item]:
        """Items whose symbols lie in [start, end) of :attr:`string` (the offsets ascend)."""
        offsets = self._offsets
        return self.items[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)]

    def group(self, match: re.Match[str], name: str) -> list[Item]:
        if match.group(name) is None:
            return []
        return self.items_in(*match.span(name))

    def typed(self, match: re.Match[str], name: str, kind: str) -> list[Item]:
        return [i for i in self.group(match, name) if i.kind == kind]

    def span(self, match: re.Match[str], name: str | int = 0) -> tuple[int, int] | None:
        """Character span in the text of what a group matched."""
        items = self.group(match, name) if isinstance(name, str) else self.items_in(*match.span())
        if not items:
            return None
        return items[0].start, items[-1].end

    def index_at(self, offset: int) -> int:
        """Index of the item whose symbol starts at ``offset`` of :attr:`string`."""
        return self._offsets.index(offset)


def build_view(
    text: str,
    start: int,
    end: int,
    typed: list[Item],
    words: list[tuple[int, int, str]],
) -> SentenceView:
    """The view of text[start:end]: ``typed`` items (longest first when they overlap, earlier
    in the list first on ties), then words not inside one, then punctuation in the gaps."""
    chosen: list[Item] = []
    for item in sorted(typed, key=lambda i: -(i.end - i.start)):
        if any(item.start < c.end and c.start < item.end for c in chosen):
            continue
        chosen.append(item)
    # the chosen items do not overlap: sorted by start, their ends ascend too, and a word is
    # inside one iff the first whose end is past the word's start begins at or before it
    covered = sorted((c.start, c.end) for c in chosen)
    starts = [s for s, _ in covered]
    ends = [e for _, e in covered]
    items = list(chosen)
    for w_start, w_end, key in words:
        at = bisect.bisect_right(ends, w_start)
        if at < len(starts) and starts[at] <= w_start:
            continue
        items.append(Item("word", w_start, w_end, key))
    items.sort(key=lambda i: i.start)
    out: list[Item] = []
    position = start
    for item in items:
        _punctuation(text, position, item.start, out)
        out.append(item)
        position = item.end
    _punctuation(text, position, end, out)
    return SentenceView(start, end, out)


_PUNCT_AS = {"“": '"', "”": '"', "[": "(", "]": ")", "—": "-", "–": "-"}


def _punctuation(text: str, start: int, end: int, out: list[Item]) -> None:
    for m in _PUNCT.finditer(text, start, end):
        char = m.group(0)
        out.append(Item("punct", m.start(), m.end(), _PUNCT_AS.get(char, char)))


class SymbolPattern:
    """A compiled pattern over sentence symbols that first checks, with substring tests, the
    words any match must contain ("elected", one of the trigger phrases): most sentences lack
    them, and a test of a few substrings costs less than the regular expression's scan of the
    whole string. Matches are the regular expression's, unchanged."""

    __slots__ = ("regex", "pattern", "needs", "_mask", "_scans")

    def __init__(
        self, regex: re.Pattern[str], needs: tuple[str | tuple[str, ...], ...] = ()
    ) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.needs = needs
        """substrings every match contains (a tuple: one of them)"""
        self._mask = 0
        """the bits (:data:`_BITS`) of the substrings every match contains"""
        for need in needs:
            if isinstance(need, str):
                self._mask |= _bit(need)
        self._scans = tuple((_bit(n), n) for n in needs if not isinstance(n, str))
        """per set of substrings a match contains one of, its bit and the set: its scan is
        compiled when a sentence first needs it (shared by the patterns that need the same
        set: the trigger alternation is in a score of them)"""

    def possible(self, string: str) -> bool:
        found = _FOUND.get(string)
        if found is None:
            found = _tested(string)
        if self._mask & ~found[0]:
            return False
        for bit, words in self._scans:
            if not found[1] & bit:  # not scanned for yet: once per sentence and set
                found[1] |= bit
                if _any_of(words).search(string) is not None:
                    found[0] |= bit
            if not found[0] & bit:
                return False
        return True

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(string) if self.possible(string) else iter(())

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string) if self.possible(string) else None



class PatternSet:
    """Patterns tried over each sentence in turn, and per sentence the ones that can match:
    those whose needed substrings (:attr:`SymbolPattern.needs`) the sentence has, in the same
    order. The sentence's substrings are tested once (:func:`_tested`), and the patterns a set
    of them admits are worked out once per set: a pass tries a few dozen patterns over every
    sentence, and a call per pattern to reject most of them cost more than the search of the
    few that remain. Those still check, when searched, the alternations they need."""

    __slots__ = ("patterns", "_masks", "_union", "_admitted")

    def __init__(self, patterns: Sequence[Any], regex: Callable[[Any], SymbolPattern]) -> None:
        self.patterns = patterns
        self._masks = tuple(regex(p)._mask for p in patterns)
        self._union = 0
        for mask in self._masks:
            self._union |= mask
        self._admitted: dict[int, list[Any]] = {}

    def admitted(self, string: str) -> list[Any]:
        """The patterns whose needed substrings ``string`` has, in order."""
        found = _FOUND.get(string)
        if found is None:
            found = _tested(string)
        key = found[0] & self._union
        admitted = self._admitted.get(key)
        if admitted is None:
            if len(self._admitted) >= 4096:
                self._admitted.clear()
            admitted = self._admitted[key] = [
                p for p, mask in zip(self.patterns, self._masks, strict=True) if not mask & ~key
            ]
        return admitted

_BITS: dict[str | tuple[str, ...], int] = {}
"""every need of a pattern (a substring, or a set of which one) -> its bit: a sentence's
tests are an integer, and a pattern's a mask of it (the passes try some two hundred patterns
over each sentence, most of them in vain: a test costs one ``&``)"""
_WORDS: list[tuple[str, int]] = []
"""the needed substrings and their bits: each is looked for once in a new sentence"""
_FOUND: dict[str, list[int]] = {}
"""a sentence's symbol string -> [bits of the needs it has, bits of the sets scanned for]"""


def _bit(need: str | tuple[str, ...]) -> int:
    bit = _BITS.get(need)
    if bit is None:
        bit = _BITS[need] = 1 << len(_BITS)
        if isinstance(need, str):
            _WORDS.append((need, bit))
        _FOUND.clear()  # tested without this need
    return bit


def _tested(string: str) -> list[int]:
    """The needed substrings ``string`` contains (its sets of substrings are scanned for when
    a pattern asks): kept for the sentences of an article, which the passes read in turn."""
    if len(_FOUND) >= 4096:
        _FOUND.clear()
    mask = 0
    for word, bit in _WORDS:
        if word in string:
            mask |= bit
    found = _FOUND[string] = [mask, 0]
    return found


@functools.cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


_LITERAL, _SUBPATTERN, _BRANCH = (
    (_sre.LITERAL, _sre.SUBPATTERN, _sre.BRANCH) if _sre is not None else (None, None, None)
)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT) if _sre is not None else ()


def _needs(parsed: Any) -> list[str | tuple[str, ...]]:
    r"""What any match of a parsed expression contains: runs of literal characters in
    sequence, of three or more or in capitals (the letter of a typed item: "T" of ``T\d+``,
    which no word has, as words are folded to lower case), in groups and in repeats taken at
    least once; of an alternation whose branches each contain one, one of those (the longest
    of each branch)."""
    out: list[str | tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3 or (run and "".join(run).isupper()):
            out.append("".join(run))
        run.clear()

    for op, av in parsed:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _SUBPATTERN and not av[1] & _sre.SRE_FLAG_IGNORECASE:
            out.extend(_needs(av[3]))
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_needs(av[2]))
        elif op is _BRANCH:
            firsts = [_longest(_needs(branch)) for branch in av[1]]
            if all(firsts):
                out.append(tuple(dict.fromkeys(w for n in firsts if n for w in n)))
    flush()
    return out


def _longest(needs: list[str | tuple[str, ...]]) -> tuple[str, ...] | None:
    """What a branch needs, for its alternation: its longest substring (the first of the
    longest), else the first set of which it needs one ("speakers" or "those who spoke");
    None if it needs nothing."""
    words = [n for n in needs if isinstance(n, str)]
    if words:
        return (max(words, key=len),)
    return next((n for n in needs if not isinstance(n, str)), None)


def compile_pattern(pattern: str, extra: dict[str, str] | None = None) -> SymbolPattern:
    """A pattern with its macros ("{PEOPLE}") expanded (``extra`` adds macros)."""
    return compile_patterns([pattern], extra)[0]


def compile_patterns(
    patterns: Sequence[str], extra: dict[str, str] | None = None, cache: Path | None = None
) -> list[SymbolPattern]:
    """Patterns with their macros expanded (``extra`` adds macros), compiled; with ``cache``,
    a file (:mod:`~kwpld.reading.codecache`) that keeps what they compile to between
    processes."""
    macros = {**MACROS, **(extra or {})}
    expanded = [_expand(pattern, macros) for pattern in patterns]
    if _sre_parser is None:  # pragma: no cover - another Python: compiled, and always run
        return [SymbolPattern(re.compile(pattern)) for pattern in expanded]
    # the engine, and this module's source: it computes the needs kept with the code
    engine = f"{_sre_engine.MAGIC} {_sre_engine.CODESIZE} {_source_hash()}"
    key = codecache.cache_key(expanded, engine) if cache else ""
    entries = codecache.load_entries(cache, key, len(expanded)) if cache else None
    if entries is not None:
        try:
            return [_from_entry(p, e) for p, e in zip(expanded, entries, strict=True)]
        except (RuntimeError, TypeError, ValueError, IndexError, OverflowError):
            pass  # code the engine refuses: compiled afresh below, and the file rewritten
    entries = [_entry(pattern) for pattern in expanded]
    if cache:
        codecache.save_entries(cache, key, entries)
    return [_from_entry(p, e) for p, e in zip(expanded, entries, strict=True)]


@functools.cache
def _source_hash() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _expand(pattern: str, macros: dict[str, str]) -> str:
    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise ValueError(f"unknown macro {{{name}}} in pattern {pattern!r}")
        return re.sub(r"\{([A-Z]+)\}", expand, macros[name])

    return re.sub(r"\{([A-Z]+)\}", expand, pattern)


def _entry(pattern: str) -> codecache.Entry:
    """What a pattern compiles to, and what its matches need, from one parse: a fact pattern
    with its macros expanded runs to thousands of characters, and re's parser took two thirds
    of the time of compiling them (``re.compile`` and the needs each parsed it)."""
    parsed = _sre_parser.parse(pattern, 0)
    state = parsed.state
    needs = [] if state.flags & re.IGNORECASE else _needs(parsed)
    code = _sre_compiler._code(parsed, 0)
    return [state.flags, list(code), state.groups, dict(state.groupdict), needs]


def _from_entry(pattern: str, entry: codecache.Entry) -> SymbolPattern:
    """The pattern of an entry: what re._compiler.compile does with a parsed pattern's code,
    the source kept as its ``.pattern`` (JSON gives the needs' alternatives back as lists)."""
    flags, code, groups, groupindex, needs = entry
    indexgroup: list[str | None] = [None] * groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    regex = _sre_engine.compile(pattern, flags, code, groups - 1, groupindex, tuple(indexgroup))
    return SymbolPattern(regex, tuple(n if isinstance(n, str) else tuple(n) for n in needs))
