"""The fast engine: SHACL Core and SPARQL-based constraints evaluated over a whole graph at once.

pyshacl evaluates every constraint of every shape once per focus node, through rdflib, and
runs (and parses) every SPARQL query once per focus node: on kwpld's shapes that is tens of
milliseconds per focus node, hours for a million triples. This engine reads the same
shapes (from the Turtle files, nothing is hard-coded per shape) and evaluates each
constraint component over all focus nodes of a shape in one pass over a
:class:`~kwpld.validate.data.DataIndex`, with value tests compiled once per constraint.
SPARQL-based constraints run once per query over a pyoxigraph store (see
:mod:`kwpld.validate.sparql`). The results are the same :class:`Result` values pyshacl
produces; the tests hold the two engines to that.

Shapes that use constructs outside what is implemented here (see
:attr:`kwpld.validate.shapes.Shape.problems`) are not evaluated by this class: the caller
hands them to pyshacl.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import pyoxigraph as ox

from ..errors import InputError
from ..parallel import Task, fork_available, run_tasks
from ..rdf import lang_literal, literal
from .components import (
    And,
    ClassComponent,
    Closed,
    Component,
    Datatype,
    HasValue,
    In,
    LanguageIn,
    MaxCount,
    MaxLength,
    MinCount,
    MinLength,
    Node,
    NodeKind,
    Not,
    Or,
    Pattern,
    QualifiedMaxCount,
    QualifiedMinCount,
    Range,
    Sparql,
    SparqlConstraint,
    UniqueLang,
    Xone,
)
from .data import SUBCLASS, TYPE, DataIndex
from .paths import Path
from .results import Result
from .shapes import Shape, ShapesGraph, Targets, sh
from .sparql import build_store, run_query
from .terms import (
    RDF_LANGSTRING,
    RDFS_DATATYPE,
    RDFS_LITERAL,
    XSD_STRING,
    is_blank,
    is_iri,
    is_literal,
    lang_matches,
    lexical_form,
    literal_parts,
    lower_lang,
    numeric_value,
    string_value,
    well_formed,
)

__all__ = ["FastEngine", "SparqlRows"]

Test = Callable[[str], bool]
"""Does a value node pass? Compiled once per component, run once per value node."""
Values = tuple[str, ...] | set[str]
Pairs = Sequence[tuple[str, Values]]
"""(focus node, its value nodes) for every focus node a shape looks at."""
SparqlRows = dict[str, list[dict[str, str]]]
"""A query's solutions by the focus node ($this) they are about."""
Out = list[Result] | None
"""Where results go; None when only conformance matters (sh:node and friends)."""
Check = Callable[[Pairs, set[str], Out], None]
"""One component of a shape, ready to run on (focus, values) pairs: adds the focus nodes that
fail to ``bad`` and the results to ``out``."""

# Components that test each value node on its own (compiled into a Test).
_VALUE_COMPONENTS = (
    ClassComponent,
    Datatype,
    NodeKind,
    Pattern,
    MinLength,
    MaxLength,
    LanguageIn,
    In,
    Range,
    Node,
    Not,
    And,
    Or,
    Xone,
)
# Components whose test asks other shapes (worth remembering per IRI).
_SHAPE_BASED = (Node, Not, And, Or, Xone)
# Components that report focus nodes without values (so every focus node must be looked at).
_NEED_EMPTY = (MinCount, QualifiedMinCount, HasValue, Sparql)
_NODE_KIND_TESTS: dict[str, Test] = {
    sh("IRI"): is_iri,
    sh("BlankNode"): is_blank,
    sh("Literal"): is_literal,
    sh("BlankNodeOrIRI"): lambda v: not is_literal(v),
    sh("BlankNodeOrLiteral"): lambda v: not is_iri(v),
    sh("IRIOrLiteral"): lambda v: not is_blank(v),
}


class FastEngine:
    """Evaluates the supported shapes of a :class:`ShapesGraph` on a :class:`DataIndex`."""

    def __init__(self, shapes: ShapesGraph, data: DataIndex) -> None:
        self.shapes = shapes
        self.data = data
        self._tests: dict[int, Test] = {}
        self._plans: dict[str, list[Check]] = {}
        self._conforms_memo: dict[str, dict[str, bool]] = {}
        self._sparql_rows: dict[tuple[str, str], SparqlRows] = {}
        self._store: ox.Store | None = None
        self._kept_rows: Mapping[tuple[str, str], SparqlRows] = {}
        self._changed: list[tuple[str, ...]] = []
        self._again: set[str] = set()
        self._partial_store: ox.Store | None = None
        self._focus: dict[str, set[str]] = {}
        self._by_targets: dict[Targets, set[str]] = {}
        self._active: list[Shape] | None = None

    # -- entry points ---------------------------------------------------------------------------
    def focus_nodes(self, shape: Shape) -> set[str]:
        """The targets of a shape in the data graph."""
        found = self._focus.get(shape.node)
        if found is None:
            # Shapes with the same targets share one set (a class has several shapes, and on a
            # large graph each set of its instances is megabytes); nothing changes these sets.
            found = self._by_targets.get(shape.targets)
            if found is None:
                found = self._by_targets[shape.targets] = self._targets(shape)
            self._focus[shape.node] = found
        return found

    def _targets(self, shape: Shape) -> set[str]:
        targets, data = shape.targets, self.data
        found: set[str] = set(targets.nodes)
        for cls in targets.classes:
            found |= data.instances(cls)
        for predicate in targets.subjects_of:
            found.update(data.by_predicate.get(predicate, {}))
        for predicate in targets.objects_of:
            found.update(o for _, o in data.triples(predicate))
        return found

    def validate(self, shapes: Iterable[Shape], *, jobs: int = 1) -> list[Result]:
        """Results of the given top-level shapes (which must all be supported)."""
        return [r for _, results in self.validate_by_shape(shapes, jobs=jobs) for r in results]

    def validate_by_shape(
        self,
        shapes: Iterable[Shape],
        *,
        jobs: int = 1,
        subsets: Mapping[str, set[str]] | None = None,
    ) -> list[tuple[str, list[Result]]]:
        """The results of each given top-level shape (which must all be supported), by shape.

        With ``subsets``, a shape named there is evaluated on those of its focus nodes only
        (:mod:`kwpld.validate.partial`); the SPARQL store is the one a whole run builds.
        With ``jobs > 1`` on a large graph the shapes are shared out between forked worker
        processes (the index is built once and inherited), balanced by the work each shape
        means: its focus nodes times its constraints.
        """
        shapes = list(shapes)
        subsets = subsets or {}
        # The SPARQL store needs the predicates of the queries that will run, no others.
        self._active = [shape for shape in shapes if self.focus_nodes(shape)]
        work = [(s, subsets.get(s.node, self.focus_nodes(s))) for s in shapes]
        size = sum(len(focus) for _, focus in work)
        if jobs > 1 and size >= _PARALLEL_FROM and fork_available():
            return self._validate_in_parallel(work, jobs)
        return self._evaluate_all(work)

    def _validate_in_parallel(
        self, work: list[tuple[Shape, set[str]]], jobs: int
    ) -> list[tuple[str, list[Result]]]:
        groups: list[list[tuple[Shape, set[str]]]] = [[] for _ in range(jobs)]
        loads = [0] * jobs
        # SPARQL-based shapes share one store: keep them together, with the store as a load.
        sparql = [w for w in work if self._uses_sparql(w[0])]
        if sparql:
            groups[0].extend(sparql)
            loads[0] += sum(_cost(*w) for w in sparql) + len(self.data) // 2
        rest = [w for w in work if not self._uses_sparql(w[0])]
        for shape, focus in sorted(rest, key=lambda w: -_cost(*w)):
            i = loads.index(min(loads))
            groups[i].append((shape, focus))
            loads[i] += _cost(shape, focus)
        tasks = [
            Task(f"shapes-{i}", loads[i], functools.partial(self._evaluate_all, group))
            for i, group in enumerate(groups)
            if group
        ]
        return [r for done in run_tasks(tasks, jobs=len(tasks)) for r in done.value]

    def _evaluate_all(self, work: list[tuple[Shape, set[str]]]) -> list[tuple[str, list[Result]]]:
        done: list[tuple[str, list[Result]]] = []
        for shape, focus in work:
            results: list[Result] = []
            self.evaluate(shape, focus, results)
            done.append((shape.node, results))
        return done

    def _uses_sparql(self, shape: Shape) -> bool:
        return any(_sparql_of(s) for s in self._all_shapes([shape]))

    # -- evaluation -------------------------------------------------------------------------------
    def evaluate(self, shape: Shape, focus: Iterable[str], out: Out) -> set[str]:
        """Evaluate ``shape`` on ``focus``; add results to ``out`` (when given) and return the
        focus nodes that do not conform."""
        bad: set[str] = set()
        if shape.deactivated:
            return bad
        pairs = self._pairs(shape, focus)
        for check in self._plan(shape):
            check(pairs, bad, out)
        if shape.properties:
            if shape.path is None:
                for prop in shape.properties:
                    bad |= self.evaluate(self.shapes.shapes[prop], focus, out)
            else:
                self._check_properties(shape, pairs, bad, out)
        return bad

    def _pairs(self, shape: Shape, focus: Iterable[str]) -> Pairs:
        """(focus node, value nodes): the focus node itself for a node shape, the values of its
        path for a property shape."""
        path = shape.path
        if path is None:
            return [(f, (f,)) for f in focus]
        sparse = isinstance(focus, set) and not any(
            isinstance(c, _NEED_EMPTY) for c in shape.components
        )
        if isinstance(path, str) and sparse:
            assert isinstance(focus, set)
            # Only nodes that have values can break this shape: walk the predicate's subjects
            # when there are fewer of them than focus nodes (sparse properties).
            subjects = self.data.by_predicate.get(path, {})
            nodes = [f for f in subjects if f in focus] if len(subjects) < len(focus) else focus
            return self.data.value_lists(path, nodes)
        if sparse and isinstance(path, tuple) and path[0] == "|":
            predicates = tuple(p for p in path[1] if isinstance(p, str))
            if len(predicates) == len(path[1]):
                assert isinstance(focus, set)
                return self.data.alternative_value_lists(predicates, focus)
        return self.data.value_lists(path, list(focus))

    def _plan(self, shape: Shape) -> list[Check]:
        """The checks of a shape's components, made once: a shape with a path is evaluated
        once per value node where another shape refers to it (sh:node), so dispatching on the
        component's class every time would cost more than many of the checks."""
        plan = self._plans.get(shape.node)
        if plan is None:
            plan = self._plans[shape.node] = [self._check(shape, c) for c in shape.components]
        return plan

    def _check(self, shape: Shape, component: Component) -> Check:
        """The check of one component: value tests per value node, the others per focus node."""
        failing: Callable[[Pairs], list[str]]
        match component:
            case MinCount():
                low = component.count

                def failing(pairs: Pairs) -> list[str]:
                    return [focus for focus, values in pairs if len(values) < low]

            case MaxCount():
                high = component.count

                def failing(pairs: Pairs) -> list[str]:
                    return [focus for focus, values in pairs if len(values) > high]

            case HasValue():
                required = component.value

                def failing(pairs: Pairs) -> list[str]:
                    return [
                        focus
                        for focus, values in pairs
                        if required not in {lower_lang(v) for v in values}
                    ]

            case QualifiedMinCount():
                qualified, low = component.shape, component.count

                def failing(pairs: Pairs) -> list[str]:
                    test = self.conforms(qualified)
                    return [f for f, values in pairs if sum(1 for v in values if test(v)) < low]

            case QualifiedMaxCount():
                qualified, high = component.shape, component.count

                def failing(pairs: Pairs) -> list[str]:
                    test = self.conforms(qualified)
                    return [f for f, values in pairs if sum(1 for v in values if test(v)) > high]

            case UniqueLang():

                def failing(pairs: Pairs) -> list[str]:
                    return [focus for focus, values in pairs for _ in _shared_languages(values)]

            case Closed():
                closed = component
                return lambda pairs, bad, out: self._check_closed(shape, closed, pairs, bad, out)
            case Sparql():
                sparql = component
                return lambda pairs, bad, out: self._check_sparql(shape, sparql, pairs, bad, out)
            case _:
                value = component
                return lambda pairs, bad, out: self._check_values(shape, value, pairs, bad, out)

        def check(pairs: Pairs, bad: set[str], out: Out) -> None:
            for focus in failing(pairs):
                bad.add(focus)
                self._result(shape, component, focus, None, out)

        return check

    def _check_properties(self, shape: Shape, pairs: Pairs, bad: set[str], out: Out) -> None:
        """sh:property of a property shape: every value node is validated against each of
        those property shapes, and a focus node fails when one of its values does.

        The results are about the value nodes (SHACL's sh:property reports the inner results
        as they are), once for every focus node that reaches the value, as pyshacl does: the
        value is validated once per focus node in SHACL's definition.
        """
        owners: dict[str, list[str]] = {}
        for focus, values in pairs:
            for v in values:
                owners.setdefault(v, []).append(focus)
        if not owners:
            return
        reached = Counter({lower_lang(v): len(focus) for v, focus in owners.items()})
        nodes = set(owners)
        for prop in shape.properties:
            found: Out = [] if out is not None else None
            for v in self.evaluate(self.shapes.shapes[prop], nodes, found):
                bad.update(owners[v])
            if out is not None and found:
                for result in found:
                    out.extend([result] * reached[result.focus])

    def conforms(self, node: str) -> Test:
        """A test: does a value node conform to the shape ``node``?"""
        shape = self.shapes.shapes[node]
        if shape.deactivated:
            return lambda v: True
        if (
            shape.path is None
            and not shape.properties
            and all(isinstance(c, _VALUE_COMPONENTS) for c in shape.components)
        ):
            return _all_of([self._test(c) for c in shape.components])
        memo = self._conforms_memo.setdefault(node, {})

        def test(v: str) -> bool:
            known = memo.get(v)
            if known is None:
                known = memo[v] = not self.evaluate(shape, [v], None)
            return known

        return test

    def _result(
        self,
        shape: Shape,
        component: Component,
        focus: str,
        value: str | None,
        out: Out,
        path: Path | None = None,
    ) -> None:
        if out is not None:
            out.append(
                Result(
                    severity=shape.severity,
                    focus=lower_lang(focus),
                    path=shape.path if path is None else path,
                    value=None if value is None else lower_lang(value),
                    shape=shape.node,
                    component=component.iri,
                    messages=shape.messages or _default_messages(component),
                )
            )

    # -- value constraints --------------------------------------------------------------------
    def _check_values(
        self, shape: Shape, component: Component, pairs: Pairs, bad: set[str], out: Out
    ) -> None:
        test = self._test(component)
        # Comprehensions: the hot loop of validation, over every value of every focus node.
        for focus, v in [(f, v) for f, values in pairs for v in values if not test(v)]:
            bad.add(focus)
            self._result(shape, component, focus, v, out)

    def _test(self, component: Component) -> Test:
        test = self._tests.get(id(component))
        if test is None:
            test = self._compile_test(component)
            if isinstance(component, _SHAPE_BASED) and not self._value_only(component):
                test = _memoised(test)
            self._tests[id(component)] = test
        return test

    def _value_only(self, component: Component, seen: frozenset[str] = frozenset()) -> bool:
        """True when a shape-based test looks at the value alone (datatype, pattern, ...),
        never at the graph: not worth remembering per IRI."""
        if not isinstance(component, _SHAPE_BASED):
            return isinstance(component, _VALUE_COMPONENTS) and not isinstance(
                component, ClassComponent
            )
        for node in _members(component):
            shape = self.shapes.shapes.get(node)
            if (
                shape is None
                or node in seen
                or shape.path is not None
                or shape.properties
                or not all(self._value_only(c, seen | {node}) for c in shape.components)
            ):
                return False
        return True

    def _compile_test(self, component: Component) -> Test:
        match component:
            case ClassComponent():
                return self.data.instance_test(component.cls)
            case Datatype():
                return _datatype_test(component.datatype)
            case NodeKind():
                return _NODE_KIND_TESTS[component.node_kind]
            case Pattern():
                search = component.regex.search
                return lambda v: v[0] != "_" and search(_string(v)) is not None
            case MinLength():
                shortest = component.length
                return lambda v: not is_blank(v) and len(string_value(v)) >= shortest
            case MaxLength():
                longest = component.length
                return lambda v: not is_blank(v) and len(string_value(v)) <= longest
            case LanguageIn():
                ranges = component.ranges

                def language_in(v: str) -> bool:
                    if v[0] != '"':
                        return False
                    lang = literal_parts(v)[1]
                    return lang is not None and lang_matches(lang, ranges)

                return language_in
            case In():
                allowed = component.values
                return lambda v: v in allowed or lower_lang(v) in allowed
            case Range():
                admits = component.admits

                def in_range(v: str) -> bool:
                    number = numeric_value(v)
                    return number is not None and admits(number)

                return in_range
            case Node():
                return self.conforms(component.shape)
            case Not():
                inner = self.conforms(component.shape)
                return lambda v: not inner(v)
            case And():
                return _all_of([self.conforms(m) for m in component.shapes])
            case Or():
                return _any_of([self.conforms(m) for m in component.shapes])
            case Xone():
                members = [self.conforms(m) for m in component.shapes]
                return lambda v: sum(1 for m in members if m(v)) == 1
        # shapes.py makes only the components above and those _check handles itself
        raise AssertionError(f"no value test for sh:{component.kind}")

    # -- constraints on the set of values -------------------------------------------------------
    def _check_closed(
        self, shape: Shape, component: Closed, pairs: Pairs, bad: set[str], out: Out
    ) -> None:
        allowed = component.allowed
        for focus, values in pairs:
            for v in values:
                for predicate in sorted(self.data.predicates_of(v) - allowed):
                    for o in self.data.objects(predicate, v):
                        bad.add(focus)
                        self._result(shape, component, focus, o, out, path=predicate)

    # -- SPARQL-based constraints -----------------------------------------------------------------
    def _check_sparql(
        self, shape: Shape, component: Sparql, pairs: Pairs, bad: set[str], out: Out
    ) -> None:
        constraint = component.constraint
        if constraint.deactivated:
            return
        by_focus = self._rows(constraint)
        for focus, _ in pairs:
            rows = by_focus.get(focus)
            if not rows:
                continue
            bad.add(focus)
            if out is None:
                continue
            seen: set[frozenset[tuple[str, str]]] = set()
            for row in rows:
                identity = frozenset(row.items())
                if identity in seen:
                    continue
                seen.add(identity)
                out.append(self._sparql_result(shape, component, constraint, focus, row))

    def _sparql_result(
        self,
        shape: Shape,
        component: Component,
        constraint: SparqlConstraint,
        focus: str,
        row: dict[str, str],
    ) -> Result:
        path: Path | None = row.get("path", shape.path)
        value = row.get("value")
        if value is None and not shape.is_property_shape:
            value = focus  # pyshacl and the spec: a node shape's result has the focus as value
        bindings = {k: v for k, v in row.items() if k not in ("this", "path", "value")}
        bindings["this"] = focus
        if "path" in row:
            bindings["path"] = row["path"]
        if value is not None:
            bindings["value"] = value
        messages = [m for m in constraint.messages if m not in shape.messages] + list(
            shape.messages
        )
        formatted = tuple(_format_message(m, bindings) for m in messages) or _default_messages(
            component
        )
        return Result(
            severity=shape.severity,
            focus=lower_lang(focus),
            path=path,
            value=None if value is None else lower_lang(value),
            shape=shape.node,
            component=component.iri,
            messages=formatted,
            constraint=constraint.node,
        )

    @property
    def sparql_rows(self) -> dict[tuple[str, str], SparqlRows]:
        """The solutions by $this of every query run (or kept) by this engine, by
        ``(constraint node, query text)``: what the next incremental validation may keep."""
        return dict(self._sparql_rows)

    def keep_sparql_rows(
        self, rows: Mapping[tuple[str, str], SparqlRows], changed: Iterable[tuple[str, ...]]
    ) -> None:
        """Start from the solutions of the last validation (``rows``, :attr:`sparql_rows`) of
        a graph that differs from this one by ``changed`` triples (a superset is fine).

        A query's solutions for a focus node read, of the predicates it matches only from
        ``$this`` (``anchored``), that node's triples alone, and of its other predicates any
        triple. So when no changed triple has one of its other predicates (nor is an
        ``rdfs:subClassOf`` triple, which moves class targets), its solutions are the last
        ones but for the nodes a changed triple names (subject or object): those are found
        again on a store of their anchored triples and the query's other predicates (see
        :meth:`_rows`); else the query runs whole, as on a cold build."""
        self._kept_rows = rows
        self._changed = [t for t in changed]
        self._again = {t[0] for t in self._changed} | {t[2] for t in self._changed}

    def _kept(self, constraint: SparqlConstraint, key: tuple[str, str]) -> SparqlRows | None:
        """The last solutions of a query that may be kept but for :attr:`_again` (None: the
        query must run whole)."""
        kept = self._kept_rows.get(key)
        if kept is None or constraint.predicates is None or constraint.shapes_graph:
            return None
        other = constraint.predicates - constraint.anchored
        for _, p, o, *_ in self._changed:
            if p == SUBCLASS:
                return None
            if p in other and (p != TYPE or constraint.classes is None or o in constraint.classes):
                return None
        return kept

    def _rows(self, constraint: SparqlConstraint) -> SparqlRows:
        """The query's solutions by $this, run once and kept (per query text: a constraint
        shared by two shapes that reads $currentShape is two queries); from the last
        validation's, where :meth:`keep_sparql_rows` allows it."""
        key = (constraint.node, constraint.query)
        rows = self._sparql_rows.get(key)
        if rows is None:
            kept = self._kept(constraint, key)
            if kept is None:
                rows = self._run_sparql(constraint)
            else:
                # With no predicate matched only from $this, the query reads every triple of
                # its predicates, none of which changed: its solutions are the last ones.
                again = self._again if constraint.anchored else set()
                rows = {focus: found for focus, found in kept.items() if focus not in again}
                if again:
                    fresh = self._run_sparql(constraint, self._partial_sparql_store())
                    rows.update((f, found) for f, found in fresh.items() if f in again)
            self._sparql_rows[key] = rows
        return rows

    def _partial_sparql_store(self) -> ox.Store:
        """One store for finding again the solutions of the nodes in :attr:`_again`, for every
        query whose last solutions are kept otherwise: of the predicates a query matches only
        from ``$this``, those nodes' triples; of its others, every triple (of rdf:type, the
        classes' type triples). A triple more than one query needs is harmless to another:
        a predicate it matches only from $this it matches from the node it is run for."""
        if self._partial_store is None:
            needed: dict[str, set[str] | None] = {}
            classes: set[str] | None = set()
            for shape in self.shapes.shapes.values():
                for constraint in _sparql_of(shape):
                    key = (constraint.node, constraint.query)
                    if not constraint.anchored or self._kept(constraint, key) is None:
                        continue
                    assert constraint.predicates is not None
                    for p in constraint.predicates:
                        if p in constraint.anchored and needed.get(p, self._again) is not None:
                            needed[p] = self._again
                        else:
                            needed[p] = None
                    if TYPE in constraint.predicates and classes is not None:
                        if constraint.classes is None:
                            classes = None
                        else:
                            classes |= constraint.classes
            objects = None if classes is None else {TYPE: classes}
            lines = self.data.ntriples(sorted(needed), needed, objects)
            self._partial_store = build_store(lines, ())
        return self._partial_store

    def _run_sparql(
        self, constraint: SparqlConstraint, store: ox.Store | None = None
    ) -> SparqlRows:
        store = store if store is not None else self._sparql_store()
        by_focus: SparqlRows = {}
        try:
            rows = run_query(store, constraint.query, constraint.variables)
        except SyntaxError as exc:
            raise InputError(
                f"the SPARQL query of {constraint.node} is not valid SPARQL: {exc}"
            ) from None
        for row in rows:
            this = row.get("this")
            if this is not None:
                by_focus.setdefault(this, []).append(row)
        return by_focus

    def _sparql_store(self) -> ox.Store:
        """One store for all queries: the triples of every predicate they can match (the
        queries of the shapes being validated that have focus nodes, else of every shape).

        A predicate that the queries of top-level shapes only match from ``$this`` brings only
        the triples of those shapes' focus nodes: the solutions of other subjects would be
        dropped anyway (a person's names, not every label of the graph).
        """
        if self._store is None:
            active = self._active
            shapes = self.shapes.shapes.values() if active is None else self._all_shapes(active)
            referenced = {r for shape in self.shapes.shapes.values() for r in shape.references}
            # predicate -> the subjects whose triples are needed (None: every subject)
            needed: dict[str, set[str] | None] = {}
            # the classes whose rdf:type triples the queries can match (None: every class)
            classes: set[str] | None = set()
            every = shapes_graph = False
            for shape in shapes:
                own_focus = (
                    active is not None
                    and shape.targets
                    and shape.node not in referenced
                    and shape.node in self._focus
                )
                for constraint in _sparql_of(shape):
                    shapes_graph = shapes_graph or constraint.shapes_graph
                    if constraint.predicates is None:  # any predicate: every triple
                        every = True
                        continue
                    if TYPE in constraint.predicates and classes is not None:
                        if constraint.classes is None:
                            classes = None
                        else:
                            classes |= constraint.classes
                    for predicate in constraint.predicates:
                        subjects = needed.get(predicate, set())
                        if subjects is None:
                            continue
                        if own_focus and predicate in constraint.anchored:
                            subjects |= self._focus[shape.node]
                            needed[predicate] = subjects
                        else:
                            needed[predicate] = None
            lines = (
                self.data.ntriples(list(self.data.by_predicate))
                if every
                else self.data.ntriples(
                    sorted(needed), needed, None if classes is None else {TYPE: classes}
                )
            )
            self._store = build_store(lines, self.shapes.triples if shapes_graph else ())
        return self._store

    def _all_shapes(self, shapes: Iterable[Shape]) -> list[Shape]:
        found: dict[str, Shape] = {}
        todo = [s.node for s in shapes]
        while todo:
            node = todo.pop()
            if node in found or node not in self.shapes.shapes:
                continue
            found[node] = self.shapes.shapes[node]
            todo.extend(found[node].references)
        return list(found.values())


def _sparql_of(shape: Shape) -> list[SparqlConstraint]:
    return [c.constraint for c in shape.components if isinstance(c, Sparql)]


_PARALLEL_FROM = 50_000
"""Focus nodes from which forking workers pays for itself."""


def _cost(shape: Shape, focus: set[str]) -> int:
    return len(focus) * (1 + len(shape.properties) + len(shape.components))




def _memoised(test: Test) -> Test:
    """Remember the answer for IRIs: the same nodes are referred to over and over."""
    memo: dict[str, bool] = {}

    def remembered(v: str) -> bool:
        if v[0] != "<":
            return test(v)
        known = memo.get(v)
        if known is None:
            known = memo[v] = test(v)
        return known

    return remembered


def _all_of(tests: list[Test]) -> Test:
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda v: first(v) and second(v)
    return lambda v: all(test(v) for test in tests)


def _any_of(tests: list[Test]) -> Test:
    if len(tests) == 2:
        first, second = tests
        return lambda v: first(v) or second(v)
    if len(tests) == 3:
        first, second, third = tests
        return lambda v: first(v) or second(v) or third(v)
    return lambda v: any(test(v) for test in tests)


def _string(v: str) -> str:
    """string_value, with the common case (no escapes) inline."""
    if v[0] == '"':
        body = v[1 : v.rfind('"')]
        return body if "\\" not in body else string_value(v)
    return v[1:-1] if v[0] == "<" else v


def _has_language(v: str) -> bool:
    end = v.rfind('"')
    return end > 0 and v[0] == '"' and v[end + 1 : end + 2] == "@"


def _datatype_test(datatype: str) -> Test:
    if datatype == RDFS_LITERAL:
        return is_literal
    if datatype == RDFS_DATATYPE:
        return lambda v: v[0] == '"' and v[-1] == ">"
    if datatype == RDF_LANGSTRING:
        return _has_language
    if datatype == XSD_STRING:
        return lambda v: v[0] == '"' and v[-1] == '"'
    suffix = f'"^^<{datatype}>'

    def test(v: str) -> bool:
        return v[0] == '"' and v.endswith(suffix) and well_formed(lexical_form(v), datatype)

    return test


def _format_message(message: str, bindings: dict[str, str]) -> str:
    """pyshacl's substitution of {?var} and {$var} by the string value of a solution's term."""
    text = lexical_form(message)
    for name, term in bindings.items():
        value = string_value(term)
        text = text.replace("{?" + name + "}", value).replace("{$" + name + "}", value)
    lang = literal_parts(message)[1]
    return lang_literal(text, lang) if lang else literal(text)


_DEFAULT_MESSAGES = {
    "Class": "The value is not an instance of the required class.",
    "Datatype": "The value is not a literal of the required datatype.",
    "NodeKind": "The value is not of the required node kind.",
    "MinCount": "Fewer values than the shape requires.",
    "MaxCount": "More values than the shape allows.",
    "MinLength": "The value is shorter than allowed.",
    "MaxLength": "The value is longer than allowed.",
    "Pattern": "The value does not match the required pattern.",
    "LanguageIn": "The value's language tag is not one of those allowed.",
    "UniqueLang": "More than one value shares a language tag.",
    "In": "The value is not one of those allowed.",
    "HasValue": "The required value is missing.",
    "Node": "The value does not conform to the required shape.",
    "And": "The value does not conform to all of the required shapes.",
    "Or": "The value conforms to none of the allowed shapes.",
    "Xone": "The value does not conform to exactly one of the shapes.",
    "Not": "The value conforms to a shape it must not conform to.",
    "QualifiedMinCount": "Fewer values of the required shape than the shape requires.",
    "QualifiedMaxCount": "More values of the given shape than the shape allows.",
    "Closed": "A property that the closed shape does not allow.",
    "SPARQL": "The SPARQL-based constraint found a problem.",
}


def _default_messages(component: Component) -> tuple[str, ...]:
    text = _DEFAULT_MESSAGES.get(component.kind, "The value violates a constraint.")
    return (literal(text),)


def _members(component: Node | Not | And | Or | Xone) -> tuple[str, ...]:
    """The shapes a shape-based component refers to."""
    if isinstance(component, Node | Not):
        return (component.shape,)
    return component.shapes


def _shared_languages(values: Values) -> list[str]:
    """Language tags (lower case) that more than one value has: sh:uniqueLang gives one result
    per such language, without a value."""
    seen: set[str] = set()
    shared: set[str] = set()
    for v in values:
        if v[0] == '"':
            lang = literal_parts(v)[1]
            if lang:
                lang = lang.lower()
                (shared if lang in seen else seen).add(lang)
    return sorted(shared)
