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

__all__ = ["Analysis", "SHAPES_GRAPH", "analyse", "build_store", "pre_bind_shape", "run_query"]


@dataclass(frozen=True)
class Analysis:
    problem: str | None
    """Why the fast engine cannot run the query itself (None when it can): pyshacl runs it."""
    predicates: frozenset[str] | None = None
    """IRI terms the query may match as predicates; None for every predicate."""
    variables: tuple[str, ...] = ()
    """Projected variables; empty for SELECT *."""
    anchored: frozenset[str] = frozenset()
    """Predicates the query only ever matches from $this (``$this p ?o``, ``$this p|q ?o``):
    of those, the triples of the focus nodes are all it can use."""
    shapes_graph: bool = False
    """The query reads the shapes graph (``GRAPH $shapesGraph``, see :func:`pre_bind_shape`)."""
    classes: frozenset[str] | None = None
    """The classes of its rdf:type patterns, when each has an IRI as its class
    (``?value a schema:CreativeWork``): of the type triples, only those of these classes can
    match. None when a type pattern has a variable, a blank node or a path (every type
    triple can match)."""
    error: str | None = None
    """Why the query breaks SHACL's rules for SPARQL-based constraints (MINUS, VALUES,
    SERVICE, a subquery without $this, ``AS $this``) or is not SPARQL at all: the shapes
    graph is ill-formed and no engine may run it (the W3C suite's sht:Failure cases). The
    syntax of a query the fast engine runs itself is checked when it runs."""


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
_ERRORS = {
    "MINUS": "uses MINUS, which SHACL does not allow in SPARQL-based constraints",
    "VALUES": "uses VALUES, which SHACL does not allow in SPARQL-based constraints",
    "SERVICE": "uses SERVICE, which SHACL does not allow in SPARQL-based constraints",
}
_DECLINED = {
    "GRAPH": "uses GRAPH, which the fast engine does not evaluate (it validates the union graph)",
    "FROM": "has a FROM clause, which the fast engine does not evaluate",
}
_PRE_BINDING = (
    "reads $this where only pre-binding binds it (in a FILTER, BIND or OPTIONAL of a group "
    "that has no triple pattern with $this before it), which the fast engine does not do"
)
_PRE_BOUND = ("this", "shapesGraph", "currentShape")
_A = f"<{RDF_TYPE}>"


class _Decline(Exception):
    """The scanner cannot follow the query; the message says why."""


class _Invalid(Exception):
    """The query breaks SHACL's syntax rules for SPARQL-based constraints."""


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int = -1
    """Offset in the query (-1 for the end marker)."""

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "word" else ""

    @property
    def is_this(self) -> bool:
        return self.kind == "var" and self.text[1:] == "this"

    def is_var(self, name: str) -> bool:
        return self.kind == "var" and self.text[1:] == name


def _tokens(query: str) -> list[_Token]:
    tokens, pos = [], 0
    while pos < len(query):
        match = _TOKEN.match(query, pos)
        if match is None:
            raise _Decline(f"has text the scanner cannot read near {query[pos : pos + 20]!r}")
        kind = match.lastgroup or ""
        if kind != "ws":
            tokens.append(_Token(kind, match.group(), pos))
        pos = match.end()
    return tokens


class _Scanner:
    """Walks the tokens of the WHERE clause: the predicates it matches, whether $this is
    always bound by a triple pattern, and whether running it once over the whole graph gives
    the solutions of pre-binding ``$this`` to each focus node.

    Pre-binding (SHACL's appendix "Pre-binding of variables") joins every basic graph
    pattern of the query, even an empty one, with the focus node as ``$this``: so
    ``{ FILTER (bound($this)) }`` holds with pre-binding, never in a group evaluated on its
    own. The scanner therefore accepts a read
    of ``$this`` in an expression only where the solutions it applies to have ``$this``
    bound by a triple pattern: a FILTER of a group that binds it, a BIND or an OPTIONAL
    after such a pattern, anything inside EXISTS (evaluated per solution of its group).
    Whatever else reads ``$this`` is declined (pyshacl pre-binds). Declining does not stop
    the scan: a later construct that SHACL forbids is still found.
    """

    def __init__(self, tokens: list[_Token], prefixes: dict[str, str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.prefixes = prefixes
        self.predicates: set[str] = set()
        self.every = False
        self.declined: str | None = None
        self.shapes_graph = False
        """The query reads the shapes graph (GRAPH $shapesGraph, substituted)."""
        self.this_patterns = 0
        """Triple patterns seen so far with $this as their subject or object."""
        self.from_this: set[str] = set()
        """Predicates matched with $this as the subject, by a path of predicates and '|'."""
        self.elsewhere: set[str] = set()
        """Predicates used in any other way (other subjects, longer paths, expressions)."""
        self.classes: set[str] = set()
        """The IRIs in object position of plain rdf:type patterns (``?x a <C>``)."""
        self.any_class = False
        """An rdf:type pattern whose class is not an IRI, or rdf:type inside a longer path."""

    def decline(self, reason: str) -> None:
        if self.declined is None:
            self.declined = reason

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

    def after(self, keyword: str) -> bool:
        """True when the token before the one just taken is ``keyword``."""
        return self.pos >= 2 and self.tokens[self.pos - 2].keyword == keyword

    def mentions_this(self, start: int) -> bool:
        """True when a token from ``start`` up to the current position is $this."""
        return any(token.is_this for token in self.tokens[start : self.pos])

    def iri_of(self, token: _Token) -> str:
        if token.kind == "iri":
            return token.text
        prefix, _, local = token.text.partition(":")
        if prefix not in self.prefixes:
            raise _Invalid(f"uses the undeclared prefix {prefix}: (declare it with sh:prefixes)")
        return f"<{self.prefixes[prefix]}{local}>"

    # -- groups ---------------------------------------------------------------------------------
    def group(self, available: bool = False) -> bool:
        """A group graph pattern after its '{'; True when a triple pattern binds $this in every
        solution. ``available``: the solutions the group's expressions see have $this bound
        from outside it (EXISTS, an OPTIONAL's filter after a binding pattern)."""
        binds = False
        reads = False  # a FILTER of the group reads $this: it needs $this bound by the end
        while True:
            token = self.peek()
            word = token.keyword
            if token.text == "}":
                self.take()
                if reads and not (binds or available):
                    self.decline(_PRE_BINDING)
                return binds
            if word in _ERRORS:
                raise _Invalid(_ERRORS[word])
            if word == "GRAPH" and self.peek(1).text == SHAPES_GRAPH:
                self.take()
                self.take()  # the shapes graph ($shapesGraph, substituted): loaded in the store
                self.shapes_graph = True
            elif word in _DECLINED:
                self.decline(_DECLINED[word])
                self.take()
                if word == "GRAPH":
                    self.take()  # the graph's name
            elif word == "FILTER":
                self.take()
                start = self.pos
                if self.peek().keyword in ("NOT", "EXISTS"):
                    self.exists()
                else:
                    if self.peek().kind in ("word", "iri", "pname"):  # FILTER regex(...)
                        self.take()
                    self.bracketed()
                reads = reads or self.mentions_this(start)
            elif word == "BIND":
                self.take()
                start = self.pos
                self.bracketed(binding=True)
                if self.mentions_this(start) and not (binds or available):
                    self.decline(_PRE_BINDING)
            elif word == "OPTIONAL":
                self.take()
                self.take("{")
                start = self.pos
                self.group(available=binds or available)
                if self.mentions_this(start) and not (binds or available):
                    # the optional part is matched on its own and joined: without $this bound
                    # before it, it joins with every node's values, not the focus node's
                    self.decline(_PRE_BINDING)
            elif token.text == "{":
                branches = []
                while True:
                    self.take("{")
                    if self.peek().keyword == "SELECT":
                        self.subquery()
                        branches.append(False)
                    else:
                        branches.append(self.group())
                    if self.peek().keyword != "UNION":
                        break
                    self.take()
                binds = binds or all(branches)
            elif token.text == ".":
                self.take()
            elif token.kind == "end":
                raise _Decline("ends inside a group")
            else:
                binds = self.triples() or binds

    def subquery(self) -> None:
        """A nested SELECT after its '{' (SHACL: it must return $this); always declined."""
        self.take("SELECT")
        projected: list[str] = []
        star = False
        depth = 0
        while self.peek().text != "{" and self.peek().keyword != "WHERE":
            token = self.take()
            depth += {"(": 1, ")": -1}.get(token.text, 0)
            if token.keyword == "AS":
                self.check_assignment()
            elif token.kind == "var" and depth == 0:
                projected.append(token.text[1:])
            elif token.text == "*" and depth == 0:
                star = True
        if self.peek().keyword == "WHERE":
            self.take()
        self.take("{")
        patterns = self.this_patterns
        self.group()
        in_scope = self.this_patterns > patterns  # SELECT * returns $this only if a pattern has it
        if "this" not in projected and not (star and in_scope):
            raise _Invalid("has a subquery that does not return $this, which SHACL requires")
        self.decline("has a subquery, which the fast engine does not evaluate")
        self.tail(inner=True)
        self.take("}")

    def check_assignment(self) -> None:
        """After AS: SHACL forbids assigning a pre-bound variable."""
        token = self.peek()
        if token.kind == "var" and token.text[1:] in _PRE_BOUND:
            raise _Invalid(f"assigns {token.text} with AS, which SHACL does not allow")

    def triples(self) -> bool:
        """Triples sharing a subject: subject, then predicate-object lists; True when one of
        them has $this as its subject or object."""
        this = self.term()
        if self.peek().text in (".", "}") and this is None:
            return False  # a lone [ ... ] blank node
        bound = this is True
        while True:
            typed = self.path(from_this=this is True) == _A
            while True:
                if typed:
                    self.type_object(self.peek())
                bound = (self.term() is True) or bound
                self.this_patterns += bound
                if self.peek().text != ",":
                    break
                self.take()
            if self.peek().text != ";":
                return bound
            while self.peek().text == ";":
                self.take()
            if self.peek().text in (".", "}", "]"):
                return bound

    def type_object(self, token: _Token) -> None:
        """The object of an rdf:type pattern: its class, when it is an IRI."""
        if token.kind in ("iri", "pname"):
            self.classes.add(self.iri_of(token))
        else:
            self.any_class = True

    def term(self) -> bool | None:
        """A subject or object; True when it is $this, None for [ ... ]."""
        token = self.take()
        if token.kind == "var":
            return token.is_this
        if token.kind in ("iri", "pname", "bnode", "number"):
            if token.kind == "pname":
                self.iri_of(token)
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
                    if self.path() == _A:
                        self.any_class = True  # the objects of a [ a ... ] are not followed
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

    def path(self, from_this: bool = False) -> str | None:
        """A predicate or property path; notes its IRIs, or that it can match any predicate,
        and whether its IRIs are matched from the subject alone (predicates and '|' only).
        Returns the predicate when the path is one IRI and nothing else."""
        found: list[str] = []
        direct = True
        plain = True  # one IRI, no operator
        while True:
            token = self.take()
            if token.text in ("^", "!"):
                direct = plain = False
                if token.text == "!":
                    self.every = True
                token = self.take()
            if token.kind == "var":
                self.every = True
                return None
            if token.kind in ("iri", "pname"):
                found.append(self.iri_of(token))
            elif token.text == "a":
                found.append(_A)
            elif token.text == "(":
                plain = False
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
                direct = plain = False
            if self.peek().text in ("/", "|"):
                separator = self.take().text
                direct = direct and separator == "|"
                plain = False
                continue
            break
        self.predicates.update(found)
        (self.from_this if from_this and direct else self.elsewhere).update(found)
        if plain and len(found) == 1:
            return found[0]
        if _A in found:
            self.any_class = True
        return None

    # -- expressions ----------------------------------------------------------------------------
    def bracketed(self, *, binding: bool = False) -> None:
        """A parenthesised expression; nested EXISTS groups are scanned (evaluated per solution
        of the enclosing group). ``binding``: a BIND, whose AS may not name $this."""
        self.take("(")
        depth = 1
        while depth:
            token = self.peek()
            if token.text == "{":
                self.take()
                self.group(available=True)
                continue
            self.take()
            if token.kind == "iri" or token.kind == "pname":
                self.predicates.add(self.iri_of(token))
                self.elsewhere.add(self.iri_of(token))
            elif token.keyword == "AS" and binding:
                self.check_assignment()
            depth += {"(": 1, ")": -1}.get(token.text, 0)

    def exists(self) -> None:
        """FILTER NOT EXISTS { ... } or FILTER EXISTS { ... } without parentheses."""
        if self.peek().keyword == "NOT":
            self.take()
        self.take("EXISTS")
        self.take("{")
        self.group(available=True)

    def tail(self, *, inner: bool = False) -> None:
        """Solution modifiers after a WHERE clause (up to the '}' of a subquery)."""
        while self.peek().kind != "end" and not (inner and self.peek().text == "}"):
            token = self.take()
            if token.text == "{":
                raise _Decline("has a group pattern after its WHERE clause")
            if token.keyword in _ERRORS:
                raise _Invalid(_ERRORS[token.keyword])
            if token.keyword in ("LIMIT", "OFFSET"):
                # with pre-binding they count the solutions of each focus node, not of all
                self.decline(f"uses {token.keyword}, which the fast engine does not evaluate")
            elif token.kind in ("iri", "pname"):
                self.predicates.add(self.iri_of(token))
                self.elsewhere.add(self.iri_of(token))


_SHAPE_VARIABLES = re.compile(r"[$?](?:currentShape|shapesGraph|PATH)\b")
SHAPES_GRAPH = "<urn:x-kwpld:shapes-graph>"
"""The name of the shapes graph in the fast engine's store: the value of $shapesGraph."""


def pre_bind_shape(query: str, shape: str, path: str | None) -> str:
    """The query with the pre-bound variables of the shape substituted: every
    ``$currentShape`` replaced by the shape, ``$shapesGraph`` by :data:`SHAPES_GRAPH`,
    ``$PATH`` by the shape's path (``path``, SPARQL syntax; SHACL defines $PATH so), and
    ``BOUND()`` of them true. SHACL pre-binds by joining every basic graph pattern (even an
    empty one) with the values, so the variables are bound wherever an expression reads them:
    substituting is the same outside the SELECT clause, where they are left alone. ``$this``
    is not substituted: the engine runs the query once for all focus nodes.

    A variable is kept where it cannot be substituted: a blank-node shape (a query cannot name
    a blank node), in the SELECT clause, or after AS (which SHACL forbids anyway); the
    analysis then declines it or refuses it.
    """
    if not _SHAPE_VARIABLES.search(query):
        return query  # the common case, without tokenizing the query
    try:
        tokens = _tokens(query)
    except _Decline:
        return query
    values = {"shapesGraph": SHAPES_GRAPH}
    if not shape.startswith("_:"):
        values["currentShape"] = shape
    if path is not None:
        values["PATH"] = path
    where = next((i for i, t in enumerate(tokens) if t.text == "{"), len(tokens))
    edits: list[tuple[int, int, str]] = []
    i = where
    while i < len(tokens):
        token = tokens[i]
        name = token.text[1:] if token.kind == "var" else ""
        if name in values and tokens[i - 1].keyword != "AS":
            if (
                tokens[i - 1].text == "("
                and tokens[i - 2].keyword == "BOUND"
                and i + 1 < len(tokens)
                and tokens[i + 1].text == ")"
            ):
                edits.append((tokens[i - 2].start, tokens[i + 1].start + 1, "(true)"))
            else:
                edits.append((token.start, token.start + len(token.text), values[name]))
        i += 1
    for start, end, text in reversed(edits):
        query = query[:start] + text + query[end:]
    return query


@lru_cache(maxsize=256)
def analyse(query: str) -> Analysis:
    """Check that the fast engine can run ``query``, and list the predicates it can match."""
    try:
        return _analyse(query)
    except _Invalid as exc:
        return Analysis(None, error=str(exc))
    except (_Decline, IndexError) as exc:
        reason = str(exc) if isinstance(exc, _Decline) else "ends too early"
        return Analysis(reason, error=_syntax_error(query))


def _syntax_error(query: str) -> str | None:
    """The parser's complaint when ``query`` is not SPARQL (an empty store parses it)."""
    try:
        _empty_store().query(query)
    except SyntaxError as exc:
        return f"is not valid SPARQL: {exc}"
    return None


@lru_cache(maxsize=1)
def _empty_store() -> ox.Store:
    return ox.Store()


def _analyse(query: str) -> Analysis:
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
        return Analysis("is not a SELECT query", error=_syntax_error(query))
    scanner = _Scanner(tokens, prefixes)
    scanner.pos = pos + 1
    while scanner.peek().keyword in ("DISTINCT", "REDUCED"):
        scanner.take()
    variables: list[str] = []
    depth = 0
    star = False
    while scanner.peek().text != "{" and scanner.peek().keyword != "WHERE":
        token = scanner.take()
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if token.keyword == "AS":
            scanner.check_assignment()
        elif token.kind == "var" and (depth == 0 or scanner.after("AS")):
            variables.append(token.text[1:])
        elif token.text == "*" and depth == 0:
            star = True
    while scanner.peek().text != "{":
        if scanner.peek().keyword in _DECLINED:
            scanner.decline(_DECLINED[scanner.peek().keyword])
        scanner.take()
    scanner.take("{")
    if star:
        variables = []
    bound = scanner.group()
    scanner.tail()
    if "shapesGraph" in query and any(t.is_var("shapesGraph") for t in tokens):
        # pre_bind_shape() substitutes it where it can; pyshacl never binds it
        raise _Invalid(
            "uses $shapesGraph where kwpld cannot bind it (in the SELECT clause, or in the "
            "query of a blank-node shape); SHACL lets an engine refuse such a query"
        )
    if variables and "this" not in variables:
        scanner.decline("does not select $this")
    if "failure" in variables:
        scanner.decline("selects ?failure, which the fast engine does not report")
    if not bound:
        scanner.decline(
            "may leave $this unbound; the fast engine needs a triple pattern with $this"
        )
    if scanner.declined:
        # pyshacl will run it: make sure it is SPARQL first. A query the fast engine runs is
        # parsed when it runs (the engine reports a syntax error then), not twice.
        return Analysis(scanner.declined, error=_syntax_error(query))
    if scanner.every:
        return Analysis(None, None, tuple(variables), shapes_graph=scanner.shapes_graph)
    anchored = frozenset(scanner.from_this - scanner.elsewhere)
    return Analysis(
        None,
        frozenset(scanner.predicates),
        tuple(variables),
        anchored,
        shapes_graph=scanner.shapes_graph,
        classes=None if scanner.any_class else frozenset(scanner.classes),
    )


STORE_CHUNK = 10_000
"""Lines per load into the SPARQL store: the text of one chunk is in memory at a time, and
the store's own buffers for it. At 50,000 lines per bulk load the loader's buffers added a
fifth of the store's size to a build's peak; at 10,000 with ``Store.load`` they add nothing
measurable, and the load takes less CPU (docs/scaling.md)."""


def build_store(lines: Iterable[str], shapes: Iterable[tuple[str, str, str]] = ()) -> ox.Store:
    """An in-memory store of N-Triples lines (each ending with a newline) in its default
    graph, and of the ``shapes`` triples in the graph :data:`SHAPES_GRAPH`.

    The lines are loaded a chunk at a time: one bulk load of a whole graph's text held the
    lines, their joined text and the loader's own buffers at once, about 1 KB per triple on
    top of the store (0.5 GB of a 231,050-record build's peak, docs/scaling.md).
    """
    store = ox.Store()
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= STORE_CHUNK:
            # lenient: the lines are the graph's own terms, already valid N-Triples (a
            # quarter faster to load than with IRI validation).
            store.load("".join(chunk), ox.RdfFormat.N_TRIPLES, lenient=True)
            chunk.clear()
    if chunk:
        store.load("".join(chunk), ox.RdfFormat.N_TRIPLES, lenient=True)
    quads = "".join(f"{s} {p} {o} {SHAPES_GRAPH} .\n" for s, p, o in shapes)
    if quads:
        store.load(quads, ox.RdfFormat.N_QUADS, lenient=True)
    return store


def run_query(store: ox.Store, query: str, variables: tuple[str, ...]) -> list[dict[str, str]]:
    """Solutions of a SELECT query as {variable: N-Triples term}, unbound variables left out."""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)  # analyse() lets SELECT queries only
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
