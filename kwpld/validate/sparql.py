"""SPARQL-based constraints (sh:sparql) for the fast engine.

pyshacl runs a constraint's query once per focus node, with ``$this`` pre-bound: about 13
times the cost of a Core constraint. The fast engine runs each query once over the whole
graph and keeps the solutions whose ``$this`` is a focus node of the shape. That gives the same
solutions as pre-binding when every solution binds ``$this`` through a triple pattern of the
query's main group, which :func:`analyse` checks; a query where it cannot show that is left
to pyshacl.

The queries run on a pyoxigraph store that holds only the triples of the predicates the
queries can match, so the store is built from a fraction of a large graph. :func:`analyse`
lists those predicates by reading the query's tokens: every IRI in the query counts (a
superset is safe), and a query that could match any predicate (a variable or a negated
property set in predicate position) gets every triple. It is a scanner, not a SPARQL
parser (rdflib's costs half a second per run); whatever it cannot follow, it declines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from ..namespaces import RDF_TYPE
from .terms import from_oxigraph

__all__ = ["Analysis", "analyse", "build_store", "run_query"]


@dataclass(frozen=True)
class Analysis:
    problem: str | None
    """Why the fast engine cannot run the query (None when it can)."""
    predicates: frozenset[str] | None = None
    """IRI terms the query may match as predicates; None for every predicate."""
    variables: tuple[str, ...] = ()
    """Projected variables; empty for SELECT *."""
    anchored: frozenset[str] = frozenset()
    """Predicates the query only ever matches from $this (``$this p ?o``, ``$this p|q ?o``):
    of those, the triples of the focus nodes are all it can use."""


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+|\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<bnode>_:[A-Za-z0-9_][A-Za-z0-9_.\-]*)
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF]
                  (?:[A-Za-z0-9_.\-\u00B7-\uFFFF]*[A-Za-z0-9_\-\u00B7-\uFFFF])?)?:
               (?:(?:[A-Za-z0-9_:\u00C0-\uFFFF]|%[0-9A-Fa-f]{2}|\\[^\s])
                  (?:(?:[A-Za-z0-9_.:\-\u00B7-\uFFFF]|%[0-9A-Fa-f]{2}|\\[^\s])*
                     (?:[A-Za-z0-9_:\-\u00B7-\uFFFF]|%[0-9A-Fa-f]{2}|\\[^\s]))?)?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\].;,|/^*+?!=<>\-])
    """,
    re.VERBOSE,
)
_FORBIDDEN = {
    "MINUS": "uses MINUS, which SHACL does not allow in constraints",
    "VALUES": "uses VALUES, which SHACL does not allow in constraints",
    "SERVICE": "uses SERVICE, which SHACL does not allow in constraints",
    "GRAPH": "uses GRAPH, which the fast engine does not evaluate (it validates the union graph)",
    "SELECT": "has a subquery, which the fast engine does not evaluate",
    "FROM": "has a FROM clause, which the fast engine does not evaluate",
}
_A = f"<{RDF_TYPE}>"


class _Decline(Exception):
    """The scanner cannot follow the query; the message says why."""


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(query: str) -> list[_Token]:
    tokens, pos = [], 0
    while pos < len(query):
        match = _TOKEN.match(query, pos)
        if match is None:
            raise _Decline(f"has text the scanner cannot read near {query[pos : pos + 20]!r}")
        pos = match.end()
        kind = match.lastgroup or ""
        if kind != "ws":
            tokens.append(_Token(kind, match.group()))
    return tokens


class _Scanner:
    """Walks the tokens of the WHERE clause: predicates, and whether $this is always bound."""

    def __init__(self, tokens: list[_Token], prefixes: dict[str, str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.prefixes = prefixes
        self.predicates: set[str] = set()
        self.every = False
        self.from_this: set[str] = set()
        """Predicates matched with $this as the subject, by a path of predicates and '|'."""
        self.elsewhere: set[str] = set()
        """Predicates used in any other way (other subjects, longer paths, expressions)."""

    # -- tokens -------------------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> _Token:
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else _Token("end", "")

    def take(self, text: str | None = None) -> _Token:
        token = self.peek()
        if token.kind == "end":
            raise _Decline("ends too early")
        if text is not None and token.text != text and token.keyword != text:
            raise _Decline(f"has {token.text!r} where the scanner expects {text!r}")
        self.pos += 1
        return token

    def iri_of(self, token: _Token) -> str:
        if token.kind == "iri":
            return token.text
        prefix, _, local = token.text.partition(":")
        if prefix not in self.prefixes:
            raise _Decline(f"uses the undeclared prefix {prefix}:")
        return f"<{self.prefixes[prefix]}{local}>"

    # -- groups ---------------------------------------------------------------------------------
    def group(self, binding: bool) -> bool:
        """A group graph pattern after its '{'; True when it binds $this (if ``binding``)."""
        bound = False
        while True:
            token = self.peek()
            word = token.keyword
            if token.text == "}":
                self.take()
                return bound
            if word in _FORBIDDEN:
                raise _Decline(_FORBIDDEN[word])
            if word == "FILTER":
                self.take()
                if self.peek().keyword in ("NOT", "EXISTS"):
                    self.expression_atom()
                else:
                    if self.peek().kind in ("word", "iri", "pname"):  # FILTER regex(...)
                        self.take()
                    self.bracketed()
            elif word == "BIND":
                self.take()
                self.bracketed()
            elif word == "OPTIONAL":
                self.take()
                self.take("{")
                self.group(False)
            elif token.text == "{":
                branches = []
                while True:
                    self.take("{")
                    branches.append(self.group(binding))
                    if self.peek().keyword != "UNION":
                        break
                    self.take()
                bound = bound or (binding and all(branches))
            elif token.text == ".":
                self.take()
            elif token.kind == "end":
                raise _Decline("ends inside a group")
            else:
                bound = self.triples(binding) or bound

    def triples(self, binding: bool) -> bool:
        """Triples sharing a subject: subject, then predicate-object lists."""
        this = self.term()
        if self.peek().text in (".", "}") and this is None:
            return False  # a lone [ ... ] blank node
        bound = binding and this is True
        while True:
            self.path(from_this=this is True)
            while True:
                is_this = self.term() is True
                bound = bound or (binding and is_this)
                if self.peek().text != ",":
                    break
                self.take()
            if self.peek().text != ";":
                return bound
            while self.peek().text == ";":
                self.take()
            if self.peek().text in (".", "}", "]"):
                return bound

    def term(self) -> bool | None:
        """A subject or object; True when it is $this, None for [ ... ]."""
        token = self.take()
        if token.kind == "var":
            return token.text[1:] == "this"
        if token.kind in ("iri", "pname", "bnode", "number"):
            return False
        if token.kind == "word" and token.keyword in ("TRUE", "FALSE"):
            return False
        if token.kind == "string":
            if self.peek().kind == "lang":
                self.take()
            elif self.peek().text == "^^":
                self.take()
                self.take()
            return False
        if token.text == "[":
            if self.peek().text != "]":
                while True:
                    self.path()
                    while True:
                        self.term()
                        if self.peek().text != ",":
                            break
                        self.take()
                    while self.peek().text == ";":
                        self.take()
                    if self.peek().text == "]":
                        break
            self.take("]")
            return None
        if token.text == "(":
            while self.peek().text != ")":
                self.term()
            self.take(")")
            return False
        raise _Decline(f"has {token.text!r} where a subject or object belongs")

    def path(self, from_this: bool = False) -> None:
        """A predicate or property path; notes its IRIs, or that it can match any predicate,
        and whether its IRIs are matched from the subject alone (predicates and '|' only)."""
        found: list[str] = []
        direct = True
        while True:
            token = self.take()
            if token.text in ("^", "!"):
                direct = False
                if token.text == "!":
                    self.every = True
                token = self.take()
            if token.kind == "var":
                self.every = True
                return
            if token.kind in ("iri", "pname"):
                found.append(self.iri_of(token))
            elif token.text == "a":
                found.append(_A)
            elif token.text == "(":
                depth = 1
                while depth:
                    inner = self.take()
                    depth += {"(": 1, ")": -1}.get(inner.text, 0)
                    if inner.text == "!" or inner.kind == "var":
                        self.every = True
                    elif inner.kind in ("iri", "pname"):
                        found.append(self.iri_of(inner))
                    elif inner.text == "a":
                        found.append(_A)
                    elif inner.text not in ("|", ")"):
                        direct = False
            else:
                raise _Decline(f"has {token.text!r} where a predicate belongs")
            while self.peek().text in ("*", "+", "?"):
                self.take()
                direct = False
            if self.peek().text in ("/", "|"):
                separator = self.take().text
                direct = direct and separator == "|"
                continue
            break
        self.predicates.update(found)
        (self.from_this if from_this and direct else self.elsewhere).update(found)

    # -- expressions ----------------------------------------------------------------------------
    def bracketed(self) -> None:
        """A parenthesised expression; nested EXISTS groups are scanned (they never bind)."""
        self.take("(")
        depth = 1
        while depth:
            token = self.peek()
            if token.text == "{":
                self.take()
                self.group(False)
                continue
            self.take()
            if token.kind == "iri" or token.kind == "pname":
                self.predicates.add(self.iri_of(token))
                self.elsewhere.add(self.iri_of(token))
            depth += {"(": 1, ")": -1}.get(token.text, 0)

    def expression_atom(self) -> None:
        """FILTER NOT EXISTS { ... } or FILTER EXISTS { ... } without parentheses."""
        if self.peek().keyword == "NOT":
            self.take()
        self.take("EXISTS")
        self.take("{")
        self.group(False)


@lru_cache(maxsize=256)
def analyse(query: str) -> Analysis:
    """Check that the fast engine can run ``query``, and list the predicates it can match."""
    try:
        tokens = _tokens(query)
        prefixes: dict[str, str] = {}
        pos = 0
        while pos < len(tokens) and tokens[pos].keyword in ("PREFIX", "BASE"):
            if tokens[pos].keyword == "BASE":
                raise _Decline("declares a BASE, which the scanner does not follow")
            name, namespace = tokens[pos + 1], tokens[pos + 2]
            if name.kind != "pname" or not name.text.endswith(":") or namespace.kind != "iri":
                raise _Decline("has a malformed PREFIX declaration")
            prefixes[name.text[:-1]] = namespace.text[1:-1]
            pos += 3
        if pos >= len(tokens) or tokens[pos].keyword != "SELECT":
            return Analysis("is not a SELECT query")
        pos += 1
        while tokens[pos].keyword in ("DISTINCT", "REDUCED"):
            pos += 1
        variables: list[str] = []
        depth = 0
        while tokens[pos].text != "{" and tokens[pos].keyword != "WHERE":
            token = tokens[pos]
            depth += {"(": 1, ")": -1}.get(token.text, 0)
            if token.kind == "var" and (depth == 0 or tokens[pos - 1].keyword == "AS"):
                variables.append(token.text[1:])
            elif token.text == "*" and depth == 0:
                variables = []
                break
            pos += 1
        while tokens[pos].text != "{":
            if tokens[pos].keyword in _FORBIDDEN:
                raise _Decline(_FORBIDDEN[tokens[pos].keyword])
            pos += 1
        if variables and "this" not in variables:
            return Analysis("does not select $this")
        if "failure" in variables:
            return Analysis("selects ?failure, which the fast engine does not report")
        scanner = _Scanner(tokens, prefixes)
        scanner.pos = pos + 1
        bound = scanner.group(True)
        for token in tokens[scanner.pos :]:
            if token.text == "{":
                raise _Decline("has a group pattern after its WHERE clause")
            if token.kind in ("iri", "pname"):
                scanner.predicates.add(scanner.iri_of(token))
                scanner.elsewhere.add(scanner.iri_of(token))
    except (_Decline, IndexError) as exc:
        reason = str(exc) if isinstance(exc, _Decline) else "ends too early"
        return Analysis(reason)
    if not bound:
        return Analysis(
            "may leave $this unbound; the fast engine needs a triple pattern with $this"
        )
    if scanner.every:
        return Analysis(None, None, tuple(variables))
    anchored = frozenset(scanner.from_this - scanner.elsewhere)
    return Analysis(None, frozenset(scanner.predicates), tuple(variables), anchored)


def build_store(lines: Iterable[str]) -> ox.Store:
    """An in-memory store of N-Triples lines (each ending with a newline)."""
    store = ox.Store()
    data = "".join(lines)
    if data:
        # lenient: the lines are the graph's own terms, already valid N-Triples (a quarter
        # faster to load than with IRI validation).
        store.bulk_load(data, ox.RdfFormat.N_TRIPLES, lenient=True)
    return store


def run_query(store: ox.Store, query: str, variables: tuple[str, ...]) -> list[dict[str, str]]:
    """Solutions of a SELECT query as {variable: N-Triples term}, unbound variables left out."""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = (
        [(v.value, v) for v in solutions.variables]
        if not variables
        else [(name, ox.Variable(name)) for name in variables]
    )
    rows = []
    for solution in solutions:
        row = {}
        for name, variable in names:
            term = solution[variable]
            if term is not None:
                row[name] = from_oxigraph(term)
        rows.append(row)
    return rows
