"""An index of every known name, built once, matched against a text in one pass.

Names are folded into word keys (:func:`kwpld.names.word_key`) and stored in a trie keyed by
word, so finding every name in an article costs one walk over its words, whatever the number
of names: no regular expression per name, no scan of the text per record. Each name is entered
in every spelling a record implies (:func:`kwpld.names.spelling_variants`: hyphenations, MR with
and without breves, RR forms of Hangul), with singular and plural forms of lowercase organ
names ("party cell" / "party cells") and, for organs the lexicon marks unique within a party,
a *weak* short form ("Political Bureau" for "KWP Political Bureau") that only counts where it
is unambiguous in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Record
from ..names import System, name_words, spelling_variants
from .lexicon import Lexicon, lexicon

__all__ = ["Target", "NameIndex", "Match"]

_END = ""  # trie key of the terminal list; no word folds to ""


_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


@dataclass(frozen=True, slots=True)
class Target:
    """What a matched name stands for."""

    ref: str
    kind: str
    name: str
    system: str
    name_kind: str
    exact_case: bool = False
    """Abbreviations and one-word names must match the text's capitals ("WPK", not "wpk")."""
    weak: bool = False
    """A short form derived by kwpld, not a recorded name: used only when unambiguous."""


@dataclass(frozen=True, slots=True)
class Match:
    """Words ``first`` to ``last`` (exclusive) of the text spell a name of ``targets``."""

    first: int
    last: int
    targets: tuple[Target, ...]
    cut: int = 0
    """characters to cut from the end of the last word (a Korean particle: 김정은|동지께서)"""


class NameIndex:
    """A trie of folded name words -> the records (or drafts) that have that name."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self._root: dict[str, Any] = {}
        self._lex = lex or lexicon()
        self.size = 0
        self.refs: dict[str, str] = {}
        """ref -> kind of every entity in the index."""
        self._hangul: dict[str, list[Target]] = {}
        """one-word Hangul names, matched also with a particle attached (김정은동지께서)"""

    # -- building ---------------------------------------------------------------------------
    def add_record(self, record: Record) -> None:
        kind = record.kind
        if kind not in ("person", "organ", "post", "event", "article"):
            return
        ref = record.id
        names = list(getattr(record, "names", []))
        if kind == "article":
            title = getattr(record, "title", "")
            if title and not title.startswith("["):  # bracketed titles are descriptions
                self.add_name(ref, kind, title, "en", "preferred")
        plain = (
            {name_words(n.text) for n in names if n.kind != "epithet"}
            if any(n.kind == "epithet" for n in names)
            else set()
        )
        for name in names:
            if name.kind == "epithet" and any(
                _contains(name_words(name.text), p) for p in plain if p
            ):
                continue  # "the dear respected Comrade Kim Jong Un": the name is matched inside
            self.add_name(ref, kind, name.text, name.system, name.kind)

    def add_name(
        self, ref: str, kind: str, text: str, system: str, name_kind: str, *, weak: bool = False
    ) -> None:
        self.refs[ref] = kind
        try:
            spelling_system = System(system)
        except ValueError:
            spelling_system = System.EN
        forms = spelling_variants(text, spelling_system)
        if kind in ("organ", "post", "event"):
            forms = [*forms, *self._inflections(forms)]
        # One target for every spelling of the name (abbreviations and one-word names in
        # capitals keep their own form: the capitals to match).
        target = Target(ref, kind, text, system, name_kind, False, weak)
        for form in forms:
            # "C.C., WPK": initials with periods are one word to the tokenizer ("cc")
            if "." in form:
                form = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), form)
            words = name_words(form)
            if words and words[0] == "the" and len(words) > 1:
                self._insert(words[1:], target, name_kind, form)
            self._insert(words, target, name_kind, form)
        if kind == "organ" and not weak:
            for short in self._short_forms(text):
                self._insert(
                    name_words(short), Target(ref, kind, short, system, "short", False, True),
                    "short", short,
                )  # fmt: skip

    def _insert(self, words: tuple[str, ...], target: Target, name_kind: str, form: str) -> None:
        if not words:
            return
        exact = name_kind == "abbreviation" or (len(words) == 1 and _capitals_only(form))
        node = self._root
        for word in words:
            child = node.get(word)
            if child is None:
                child = node[word] = {}
            node = child
        targets: list[Target] | None = node.get(_END)
        if targets is None:
            targets = node[_END] = []
        if len(words) == 1 and _is_hangul_word(words[0]):
            self._hangul[words[0]] = targets
        if exact:
            # The capitals to match are the form's own ("KWP"), kept in the name field.
            target = Target(
                target.ref, target.kind, form, target.system, target.name_kind, True, target.weak
            )
        if target not in targets:
            targets.append(target)
            self.size += 1

    def _inflections(self, forms: list[str]) -> list[str]:
        """Singular and plural of lowercase names: "party cells" <-> "party cell"."""
        out = []
        for form in forms:
            words = form.split()
            if len(words) < 2 or not words[-1].islower() or words[0][:1].isupper():
                continue
            last = words[-1]
            if last.endswith("ies"):
                out.append(" ".join([*words[:-1], last[:-3] + "y"]))
            elif last.endswith("s") and not last.endswith("ss"):
                out.append(" ".join([*words[:-1], last[:-1]]))
            elif last.endswith("y"):
                out.append(" ".join([*words[:-1], last[:-1] + "ies"]))
            else:
                out.append(" ".join([*words[:-1], last + "s"]))
        return out

    def _short_forms(self, text: str) -> list[str]:
        """The lexicon's unique organ head a name starts or ends with ("Political Bureau")."""
        words = name_words(text)
        if words and words[0] == "the":
            words = words[1:]
        out = []
        for head in self._lex.unique_heads:
            head_words = name_words(head)
            n = len(head_words)
            if len(words) <= n:
                continue
            # "Presidium of the Political Bureau": the organ is the head before "of";
            # "KWP Political Bureau": the head at the end.
            if "of" in words:
                if words[:n] == head_words and words[n] == "of":
                    out.append(head)
            elif words[-n:] == head_words and not any(
                len(name_words(longer)) > n
                and words[-len(name_words(longer)) :] == name_words(longer)
                for longer in self._lex.heads_by_words_text
            ):  # "KPA General Political Bureau" is no "Political Bureau"
                out.append(head)
        return out

    # -- matching -----------------------------------------------------------------------------
    def match(self, keys: list[str], words: list[str], gaps_ok: list[bool]) -> Iterator[Match]:
        """Leftmost-longest matches over a text's words.

        ``keys`` are the folded words, ``words`` the words as written (for abbreviations'
        capitals), ``gaps_ok[i]`` whether words i and i+1 may belong to one name (only spaces
        or a hyphen between them).
        """
        root = self._root
        n = len(keys)
        suffixes = self._lex.korean_suffixes
        i = 0
        while i < n:
            node = root.get(keys[i])
            if node is None:
                attached = self._hangul_prefix(keys[i], suffixes) if self._hangul else None
                if attached is not None:
                    yield Match(i, i + 1, tuple(attached[1]), len(keys[i]) - attached[0])
                i += 1
                continue
            found: list[tuple[int, list[Target]]] = []
            j = i
            while True:
                terminal = node.get(_END)
                if terminal:
                    found.append((j + 1, terminal))
                if j + 1 >= n or not gaps_ok[j]:
                    break
                nxt = node.get(keys[j + 1])
                if nxt is None:
                    break
                node = nxt
                j += 1
            best = None
            for end, targets in reversed(found):
                usable = tuple(
                    t for t in targets if not t.exact_case or _same_case(t.name, words[i:end])
                )
                if usable:
                    best = Match(i, end, usable)
                    break
            if best is None:
                i += 1
                continue
            yield best
            i = best.last

    def _hangul_prefix(
        self, word: str, suffixes: tuple[str, ...]
    ) -> tuple[int, list[Target]] | None:
        if not _is_hangul_word(word):
            return None
        for length in range(len(word) - 1, 1, -1):
            targets = self._hangul.get(word[:length])
            if targets and word[length:].startswith(suffixes):
                return length, targets
        return None

    def __len__(self) -> int:
        return self.size


def _capitals_only(form: str) -> bool:
    """More than one letter, every one a capital ("KWP", "C.C"): matched in capitals only."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _same_case(form: str, words: list[str]) -> bool:
    """The text writes the name with the form's capitals (a possessive "’s" aside)."""
    written = [w.replace("’", "'") for w in words]
    last = written[-1]
    if last.endswith("'s"):
        last = last[:-2]
    written[-1] = last.rstrip("'")
    return written == form.replace("’", "'").replace("-", " ").split()


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _is_hangul_word(word: str) -> bool:
    return (
        bool(word)
        and "\uac00" <= word[0] <= "\ud7a3"
        and all("\uac00" <= c <= "\ud7a3" for c in word)
    )
